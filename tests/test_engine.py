"""Answering: routing, exact figures with their sections, refusals, and the evaluation floors."""
from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from assistant.cues import asks_for_figure, counted_noun, section_reference, with_month_names, without_chatter
from assistant.cli import main
from assistant.evaluate import load_questions, run_eval, typed_variants
from assistant.fact_answers import framed_by
from assistant.keyword import content_words
from assistant.lexicon import EN_DE, german_for

ROOT = Path(__file__).resolve().parent.parent


def test_glossary_compound(assistant):
    a = assistant.ask("Was ist AsA flex?").to_dict()
    assert a["kind"] == "glossary"
    assert "assistierten Ausbildung" in a["answer"] and "AsA flex" in a["answer"]
    assert a["citations"][0]["section"] == "5.4.2"
    assert a["citations"][0]["url"] == "/doc/amip-2022-jobcenter-landkreis-kassel#s-5.4.2"


@pytest.mark.parametrize("q,long", [
    ("what does bFM stand for", "beschäftigungsorientiertes Fallmanagement"),
    ("LZB?", "Langzeitleistungsbezieher"), ("Was bedeutet LAIKA?", "Lernen und Arbeiten"),
    ("THSG", "Teilhabestärkungsgesetz"),
    # typed as people type: a typo, a spoken form, a hyphenated compound
    ("was bedeuted ALG2", "Arbeitslosengeld II"), ("Wofür steht Reha-VB?", "Vermittlungsbudget"),
    ("wofür stet MABE", "Maßnahmen zur Aktivierung"),
    # more ways of asking: an abbreviation that is also a figure word, cues apart or in English slang
    ("VZÄ?", "Vollzeitäquivalente"), ("Was versteht man unter MAT?", "Maßnahmen zur Aktivierung"),
    ("Kannst du mir sagen, was AGH bedeutet?", "Arbeitsgelegenheiten"), ("what's LZB", "Langzeitleistungsbezieher"),
    ("QuB full form", "Qualifizierung und Beschäftigung"),
    # in the plural
    ("Was sind EGZs?", "Eingliederungszuschuss"), ("what are ELBs?", "erwerbsfähige"),
    # a typo typed in lower case, in a short question for a meaning
    ("was bedeutet ahjf", "Aktivierungshilfe für Jüngere"),
    # three letters with two of them swapped
    ("Was bedeutet EZG?", "Eingliederungszuschuss"), ("was ist lbz", "Langzeitleistungsbezieher"),
    ("Was ist FWb?", "Förderung der beruflichen Weiterbildung"),
    # what hides behind it, is it short for something, explain it
    ("Was steckt hinter FbW?", "Förderung der beruflichen Weiterbildung"),
    ("Was versteckt sich hinter der Abkürzung EGZ?", "Eingliederungszuschuss"),
    ("Steht ESG für etwas?", "Einstiegsgeld"), ("Explain AGH", "Arbeitsgelegenheiten"),
    ("Was genau ist mag?", "Maßnahmen bei Arbeitgebern"),  # "mag" is an English word: the cue must be read
    # what kind of thing it is; asked to spell it out
    ("Welche Behörde ist das BAMF?", "Migration und Flüchtlinge"), ("expand EGZ please", "Eingliederungszuschuss"),
    # the question after the context it came up in, or pointing back to it
    ("Im Budget stehen ESF-Projekte – was heißt ESF nochmal?", "Sozialfond"),
    ("The glossary lists IAB. Which institute is that?", "Berufsforschung"),
    ("In the U25 part I keep seeing AQB – what's the full term?", "Qualifizierungsbudget"),  # no pointer at all
    ("Im Reha-Teil steht BFW – welcher Träger ist damit gemeint?", "Berufsförderungswerk"),
    ("Im Budget taucht AGH auf – was versteht man darunter?", "Arbeitsgelegenheit"),
    ("was versteht man unter mag", "Maßnahmen bei Arbeitgebern"),  # "unter" as well as "darunter", in lower case
    ("Im U25-Teil steht abH – was verbirgt sich dahinter?", "ausbildungsbegleitende Hilfen"),
    # the asking sentence is not the last one, or a small letter follows its "?"
    ("Was heißt EGZ nochmal? Kommt im Budget vor.", "Eingliederungszuschuss"),
    ("vzä steht für was? irgendwas mit vollzeit?", "Vollzeitäquivalente"),
    ("Was heißt BIP auf Deutsch?", "Bruttoinland"),  # the long form in a language
    ("what does EU-React stand for", "Recovery Assistance"),  # the text's "EU-React" is the Legende's "React-EU"
    ("what does abH stand for in the U25 section?", "ausbildungsbegleitende Hilfen"),  # the part says where
    # an example of where it stands asks nothing more
    ("Wofür steht EGZ, zum Beispiel bei Reha-EGZ?", "Eingliederungszuschuss"),
    ("What does BFW mean, for example in Reha-BFW?", "Berufsförderungswerk"),
    # asking for the long form, where the term stands asks nothing more
    ("What does FbW stand for in the chapter on further training?", "Förderung der beruflichen Weiterbildung"),
    ("Wofür steht MAbE bei den Aktivierungsmaßnahmen?", "Maßnahmen zur Aktivierung und beruflichen Eingliederung"),
])
def test_glossary_variants(assistant, q, long):
    a = assistant.ask(q)
    assert a.kind == "glossary" and long in a.answer


@pytest.mark.parametrize("q", ["Was ist die GEZ?", "Was ist BEA?"])
def test_a_word_is_no_abbreviation_with_two_letters_swapped(assistant, q):
    # "GEZ" is EGZ, "BEA" BaE with two letters swapped, but German and English have these words
    assert assistant.ask(q).kind == "none"


def test_a_term_ending_a_sentence_is_not_asked_about(assistant):
    # typed in lower case, "abs. 4" ends no sentence: the term at the end is part of a section title
    a = assistant.ask("infos zu öffentlich geförderte beschäftigung im rahmen des § 18 abs. 4 sgb ii")
    assert a.kind != "glossary"


def test_planned_fbw_entries_both_sources(assistant):
    a = assistant.ask("planned FbW entries").to_dict()
    assert a["kind"] == "fact" and "150" in a["answer"]
    assert [c["section"] for c in a["citations"]][:2] == ["1.2", "6.4"]
    assert a["facts"][0]["value"] == "150" and a["facts"][0]["section"] == "1.2"


@pytest.mark.parametrize("q,value,section", [
    ("Wie hoch ist das Verwaltungsbudget?", "9.462.259 €", "1.2"),
    ("Wie viele Arbeitslose gab es im November 2021?", "2.685", "3"),
    ("Geplante Eintritte AGH", "136", "6.1"),
])
def test_figures_exactly_as_written(assistant, q, value, section):
    a = assistant.ask(q).to_dict()
    assert a["kind"] == "fact" and value in a["answer"]
    assert a["citations"][0]["section"] == section


@pytest.mark.parametrize("q", ["Wer wurde 2014 Fußballweltmeister?", "Wie hoch ist der Regelsatz für Alleinstehende?",
                               "Wie hoch war das Verwaltungsbudget 2019?"])
def test_outside_the_programme(assistant, q):
    a = assistant.ask(q).to_dict()
    assert a["kind"] == "none" and a["citations"] == [] and a["answer"].startswith("Dazu enthält")


def test_answer_contract(assistant):
    a = assistant.ask("How does the jobcenter handle self-employed customers?").to_dict()
    assert set(a) >= {"question", "kind", "answer", "citations", "facts", "took_ms"}
    assert a["kind"] == "passage" and a["citations"][0]["section"] == "6.7"
    assert len(a["answer"]) <= 600
    for c in a["citations"]:
        assert set(c) == {"doc", "section", "title", "page", "excerpt", "url"} and c["page"] is None


def test_change_row_belongs_to_the_row_above(assistant):
    a = assistant.ask("Um wie viele Personen soll der Bestand an Langzeitleistungsbeziehern sinken?").to_dict()
    assert a["kind"] == "fact" and "-128 Personen" in a["answer"] and "4.170 Personen" in a["answer"]
    assert a["citations"][0]["section"] == "2.1"


@pytest.mark.parametrize("q,value", [
    ("ELB im September 2019", "6.964"),                                     # no question word at all
    ("Wie viele erwerbstätige ELB verdienten im September 2020 über 450 € im Monat?", "961"),  # € qualifies a count
    ("ELB mit mehr als 450 € im Monat im September 2020", "961"),  # a stated amount names the row
    ("Wie viele Arbeitslose mit abgeschlossener Berufsausbildung gab es im November 2021?", "793"),  # not "Ohne"
    ("Welcher Anteil der Leistungsberechtigten hat eine ausländische Staatsangehörigkeit?", "ein Drittel"),
    ("Which type of measure gets the smallest amount of money in the 2022 integration budget?", "80.000"),
    ("Wofür wird das meiste Geld ausgegeben?", "1.458.000"),  # "wofür" + superlative compares a column
    ("Welche Maßnahme hat den höchsten Anteil an den Eingliederungsleistungen?", "26,8"),  # the "%" column
    # the head of 1.2's row labels names the table (was refused: 2.1's change rows came first)
    ("Welche Maßnahmeart hat 2022 den größten Anteil?", "MABE"), ("Welche Maßnahmeart hat den kleinsten Anteil?", "1,5 %"),
    ("Wie viele Leute zwischen 25 und 50 waren im November 2021 arbeitslos?", "1.620"),  # everyday "Leute"
    ("How many German nationals were unemployed in November 2021?", "1.837"),
    ("Wie viele Arbeitslose gab es im November 2021? Gibts das auch für 2020?", "2.685"),  # "Gibts" opens a sentence
    ("Wie viele ELB betreute das Fallmanagement im Jahresdurchschnitt 2021?", "500"),  # ELB's long form, inflected
    ("Integrationsquote 2022?", "25,4 %"),  # a bare lookup by a compound
    ("EGZ 2022", "Neueintritte 2022: 72"), ("FbW 2022", "150"),  # an abbreviation and a year: its row, not its meaning
    # typed in lower case: "sagen" asks, it is no word of a subject the programme lacks (was refused)
    ("kannst du mir sagen, wie viele arbeitslose es im november 2021 gab", "2.685"),
    ("What is the budget for rehab?", "330.000"),  # found through 6.5's passages, not the figure's label
    ("Wie viele Integrationen im 2022?", "1.638"),  # the row itself, not "(davon Frauen)"
    ("Integrationsquote Männer", "34,9%"),           # the sub-row the question names
    ("Wie viele Mitarbeiter hat das Jobcenter?", "172"),  # the sentence naming what is counted goes first
    # all of them, not "drei weitere Mitarbeiterinnen und Mitarbeiter" (5.7), unless more are asked for
    ("Wie viele Mitarbeiter beschäftigt das Jobcenter?", "172 Mitarbeiterinnen"),
    ("Wie viele Arbeitslose gab es laut Tabelle im November 2021?", "2.685"),  # "Tabelle" names no subject
    ("Welche Integrationsquote streben wir an?", "25,4 %"),  # which rate: its figure (was a passage)
    # the source of a figure is not what it counts (was refused: the table does not name the BA)
    ("Wie viele Arbeitslose gab es im November 2021 laut BA-Statistik?", "2.685"),
    ("How many unemployed were there in November 2021 according to the BA?", "2.685"),
    ("Wie viele Mitarbeiter hat das Jobcenter laut Jahresbericht?", "172 Mitarbeiterinnen"),  # not an unknown subject
    # "money" asks for "€", it does not name "Umschichtungsbetrag" or "Verwaltungsbudget"
    ("How much money goes to the county's activities under the § 18 (4) agreement in 2022", "326.000 €"),
    ("wie viele junge leute 15-24 betreuen wir (stand november 2021)", "1.212"),  # "Stand" says when (was refused)
    # "Geld" asks for an amount, it names no row ("ESG (Einstiegs geld)"); "Kohle" is everyday for it
    ("Wie viel Geld ist 2022 für die Ein-Euro-Jobs eingeplant?", "390.000 €"),
    ("Wie viel Kohle gibt es für FbW?", "785.000 €"),
    # "andere" asks for some more besides ("drei weitere"), not for all of them
    ("Mit wie vielen anderen Jobcentern wird die Kundenbefragung gemacht?", "drei weiteren Jobcentern"),
    # people working at the jobcenter are its staff (was "1.400 Personen" integrated into work, and
    # "working" read as the table's "Erwerbstätige", not given for 2022)
    ("How many people work at the jobcenter?", "172 Mitarbeiterinnen"),
    # the German the question gives in parentheses names what is counted
    ("How many third-party assignments (Beauftragungen Dritter) did case management use?", "129 Beauftragungen"),
    ("How many people will be working at the jobcenter in 2022?", "172 Mitarbeiterinnen"),
    ("Wie viele weitere Mitarbeiter wurden 2021 als Reha-Spezialisten geschult?", "drei weitere"),
    # everyday "Kollegen" are the programme's "Mitarbeiter"; "kamen ... dazu" asks for some more (was refused)
    ("Wie viele Kollegen hat das Jobcenter im Schnitt?", "172 Mitarbeiterinnen"),
    ("Wie viele Kolleginnen kamen 2021 als Reha-Spezialistinnen dazu?", "drei weitere"),
    # two English words for the programme's compound (was refused: "services" read as Dienstleistungen)
    ("In case management, how many integration services of the county were used?", "58 kommunalen"),
    # a hyphenated noun is counted by its last part (was BaE's table row, 18 entries)
    ("Wie viele integrative BaE-Ausbildungsplätze starten jedes Jahr?", "Acht integrative und 10 kooperative"),
    ("wie viele erwerbstätige elb verdienten im september 2020 über 450 € im monat", "961"),  # a verb, not a noun
    # no table counts ELB for 2022; the sentence naming them states the share in words
    ("Wie viele ELB sollen 2022 mindestens gefördert werden?", "jeden fünften"),
])
def test_figure_lookups(assistant, q, value):
    a = assistant.ask(q)
    assert a.kind in ("fact", "passage") and value in a.answer  # a share in words is quoted as a passage


@pytest.mark.parametrize("q,values,absent", [
    ("Wie hoch sind die Zielwerte der Integrationsquote für Frauen und für Männer?", ["16,44%", "34,9%"], []),
    ("Wie viele Arbeitslose gab es im September 2020 und im September 2021?", ["3.114", "2.795"], []),
    ("Wie viele Arbeitslose gab es im September 2021?", ["2.795"], ["3.114", "1.445"]),  # one cell only
    ("Wie viel Geld ist für AGH und EGZ geplant?", ["390.000", "374.000"], ["785.000"]),  # rows named by abbreviation
])
def test_questions_about_several_cells_get_each(assistant, q, values, absent):
    a = assistant.ask(q)
    assert a.kind == "fact" and all(v in a.answer for v in values) and not any(v in a.answer for v in absent)
    assert {f.value for f in a.facts} >= set(values)
    assert len({id(f) for f in a.facts}) == len(a.facts)  # each cell listed once


@pytest.mark.parametrize("q,value", [
    # 3's age rows: "unter 25" names the row "15 bis unter 25 Jahre", not "25 bis unter 50 Jahre"
    ("Wie viele Arbeitslose unter 25 gab es im November 2021?", "15 bis unter 25 Jahre (Arbeitslose) – November 2021: 245"),
    ("How many unemployed people under 25 did we have in November 2021?", "15 bis unter 25 Jahre (Arbeitslose) – November 2021: 245"),
    ("Arbeitslose U25 November 2020", "15 bis unter 25 Jahre (Arbeitslose) – November 2020: 310"),
    ("How many unemployed aged 25-49 in November 2020?", "25 bis unter 50 Jahre (Arbeitslose) – November 2020: 1.784"),
    ("Wie viele Arbeitslose über 50 gab es im November 2020?", "50 Jahre und älter (Arbeitslose) – November 2020: 791"),
    ("How many unemployed over 55 in November 2021?", "davon 55 Jahre und älter (Arbeitslose) – November 2021: 496"),
    # a row by another name: an adjective for its noun, an everyday word, the long form of its abbreviation
    ("Wie viele ausländische Arbeitslose gab es im November 2021?", "Ausländer (Arbeitslose) – November 2021: 848"),
    ("Arbeitslose mit Schwerbehinderung November 2021", "schwerbehinderte Menschen (Arbeitslose) – November 2021: 192"),
    ("wie viele weibliche arbeitslose gab es im november 2021", "Frauen (Arbeitslose) – November 2021: 1.146"),
    ("Wie viele arbeitslose Akademiker gab es im November 2020?", "davon akademische Ausbildung (Arbeitslose) – November 2020: 100"),
    ("Unterbeschäftigte November 2021", "Unterbeschäftigung (ohne Kurzarbeit) – November 2021: 3.683"),  # "ohne" defines
    # a bare lookup is in no language: not ranked with German words as English is (was all Arbeitslose, 2.685)
    ("Arbeitslose U25 November 2021", "15 bis unter 25 Jahre (Arbeitslose) – November 2021: 245"),
    # typed in lower case, it is given the programme's capitals as German is (was all Arbeitslose, 2.685)
    ("arbeitslose u25 november 2021", "15 bis unter 25 Jahre (Arbeitslose) – November 2021: 245"),
    ("Unterbeschäftigung ohne Kurzarbeit im September 2019", "Unterbeschäftigung (ohne Kurzarbeit) – September 2019: 3.999"),
    # ELB, not the row below it ("Erwerbstätige ELB"), nor a sentence counting some of them
    ("Wie viele erwerbsfähige Leistungsberechtigte gab es im September 2020?", "ELB – September 2020: 7.020"),
    # (not "von den 6.418 ELB insgesamt 4.262 im Langzeitleistungsbezug": another number counts the ELB)
    ("Wie viele erwerbsfähige Leistungsberechtigte gab es im September 2021?", "ELB – September 2021: 6.418"),
    # without the question mark the sentence ranks first; it repeats the row's figure, and the row says
    # what it counts (the sentence was refused as a figure of something else)
    ("wie viele erwerbsfähige Leistungsberechtigte gab es im September 2021", "ELB – September 2021: 6.418"),
    ("How many unemployed foreigners were there in November 2020?", "Ausländer (Arbeitslose) – November 2020: 942"),
    # "Personen", "Menschen" say nothing of the row; "arbeitslos" does (was "schwerbehinderte Menschen", 192)
    ("Wie viele Menschen waren im November 2021 arbeitslos?", "Arbeitslose – November 2021: 2.685"),
    ("Wie viele Personen waren im November 2021 langzeitarbeitslos?", "Langzeitarbeitslose (Arbeitslose) – November 2021: 1.369"),
])
def test_rows_by_other_names(assistant, q, value):
    a = assistant.ask(q)
    assert a.kind == "fact" and a.answer.startswith(value) and a.citations[0].section == "3"


@pytest.mark.parametrize("q,value,section", [
    ("Budget für Ein-Euro-Jobs", "AGH (Arbeitsgelegenheiten) – Betrag in €: 390.000 €", "1.2"),  # everyday name
    # "integriert" asks for the Integrationen (was "136 Eintritte in Arbeitsgelegenheiten")
    ("Wie viele Menschen sollen 2022 in Arbeit integriert werden?", "Integrationen – Integrationen: 1.638", "2.1"),
])
def test_plans_by_other_names(assistant, q, value, section):
    a = assistant.ask(q)
    assert a.kind == "fact" and a.answer.startswith(value) and a.citations[0].section == section


def test_a_share_in_words_counts_those_asked_for(assistant):
    # not the row of unemployed foreigners: the question counts Leistungsberechtigte, 5.6 gives their share
    a = assistant.ask("Wie viele Leistungsberechtigte haben eine ausländische Staatsangehörigkeit?")
    assert a.kind == "fact" and "Circa ein Drittel der Leistungsberechtigten" in a.answer
    assert a.citations[0].section == "5.6"


def test_a_change_is_no_share(assistant):
    # "caseload" matched the Bestand of "Veränderung zum Vorjahr (Bestand an Langzeitleistungsbeziehern): -3,0 %"
    a = assistant.ask("Which share of our caseload has a foreign citizenship?")
    assert a.kind == "fact" and "Circa ein Drittel der Leistungsberechtigten" in a.answer
    assert a.citations[0].section == "5.6"
    # a question for the change still gets it
    a = assistant.ask("By what percentage did the number of long-term benefit recipients change on the year before?")
    assert a.kind == "fact" and "-3,0 %" in a.answer and a.citations[0].section == "2.1"


@pytest.mark.parametrize("q", ["How many unemployed were there in November 2021 in the BA figures?",
                               "Wie viele Arbeitslose gab es im November 2021 nach der BA-Statistik?"])
def test_the_statistics_a_figure_comes_from_name_no_subject(assistant, q):
    # "BA" named where the figure comes from: no figure of the Bundesagentur was asked (was refused)
    a = assistant.ask(q)
    assert a.kind == "fact" and "2.685" in a.answer and a.citations[0].section == "3"


def test_by_about_what_percentage_asks_for_a_change(assistant):
    # "about" between "by" and "what percentage" hid the change asked for (was MAbE's 26,8 % of the budget)
    a = assistant.ask("By about what percentage will our customer base be smaller in 2022?")
    assert _answered(a, "fact", "2,5%", "6")


def test_a_figure_of_all_is_no_figure_of_a_group(assistant):
    # the Bestand of all Langzeitleistungsbezieher (4.170) does not count the women among them
    a = assistant.ask("How many of the long-term benefit recipients are female?")
    assert a.kind == "none"
    a = assistant.ask("Wie viele der Langzeitleistungsbezieher sind Frauen?")
    assert a.kind == "none"
    # a figure that names the group still answers
    a = assistant.ask("How many women were unemployed in November 2021?")
    assert a.kind == "fact" and "1.146" in a.answer and a.citations[0].section == "3"


def test_a_named_rate_is_no_share_of_something_else(assistant):
    # "women" matched the row "Integrationsquote (davon Frauen): 16,44%", a rate of integrations
    a = assistant.ask("What share of our customers are women?")
    assert a.kind == "fact" and "gut 52%" in a.answer and a.citations[0].section == "5.5"
    # naming the rate still gets it
    a = assistant.ask("Which share of women should the Integrationsquote reach in 2022?")
    assert a.kind == "fact" and "16,44%" in a.answer and a.citations[0].section == "2.1"


def test_two_words_that_make_a_compound_of_the_programme():
    from assistant.keyword import KeywordIndex
    kw = KeywordIndex(["Neukunden werden fachlich vertieft beraten.", "Kunden werden beraten."])
    assert "neukund" in kw.query_terms("Wie werden neue Kunden beraten?")  # "neue Kunden" are "Neukunden"
    assert "neukund" not in kw.query_terms("Wie werden Kunden beraten?")


def test_an_adjective_in_los_keeps_its_s():
    from assistant.keyword import stem
    assert stem("arbeitslos") == stem("Arbeitslose") == stem("arbeitsloser")
    assert stem("Programms") == stem("Programm")  # a genitive "-s" still goes


def test_a_noun_in_ss_keeps_its_s():
    from assistant.keyword import stem
    assert stem("Prozess") == stem("Prozesse") == stem("Prozessen")  # "prozes" was no form of the plural
    assert stem("Abschluss") == stem("Abschlusses")


def test_a_noun_in_rs_keeps_its_s(assistant):
    from assistant.keyword import stem
    assert stem("Integrationskurs") == stem("Integrationskurse")  # "integrationskur" matched no plural
    assert stem("Integrationskurses") == stem("Integrationskurs")
    # the programme names Integrationskurse but counts no places in them: was a BaE row's "Ausbildungsplätze"
    a = assistant.ask("Wie viele Plätze im Integrationskurs bietet das Jobcenter 2022 an?")
    assert a.kind == "none"


def test_a_yes_no_question_about_a_number_is_answered_from_the_text(assistant):
    # "Did ...?" asks whether, not how many: was routed to figures and got a Vorwort sentence with "2021"
    a = assistant.ask("Did the number of new applications rise in 2021?")
    assert a.kind == "passage" and "keinen signifikanten Anstieg" in a.answer and a.citations[0].section == "5.2"


def test_a_case_asking_what_the_programme_offers_is_answered(assistant):
    # "my client" alone asks for a decision on a single case; asking for offers like it does not
    a = assistant.ask("One of my clients is a mother in a small village who has hardly ever used a computer. "
                      "Is there anything in the programme for women like her?")
    assert a.kind == "passage" and "Digitalisierung der Frauen im ländlichen Raum" in a.answer
    assert assistant.ask("Mein Kunde ist 58 und krank, was soll ich tun?").kind == "none"


@pytest.mark.parametrize("q,answered", [
    # the case is told first; the question asks about no one in it
    ("Meine Kundin hat Schulden. Sind die kommunalen Eingliederungsleistungen auch vor einer Fördermaßnahme "
     "gedacht?", True),
    ("My client is a single father. Are there projects for single parents?", True),
    # the question asks about the person of the case
    ("My client wants to move to Berlin. Can she take her benefits with her?", False),
    ("Mein Kunde hat Schulden. Zahlt das Jobcenter ihm die Schuldnerberatung?", False),
])
def test_a_case_told_before_a_general_question_only_says_why_it_is_asked(assistant, q, answered):
    a = assistant.ask(q)
    assert (a.kind == "passage") == answered
    assert answered or a.answer.startswith("Zu einzelnen Kundinnen und Kunden")


def test_a_yes_no_clause_after_the_case_is_answered_from_the_text(assistant):
    # the question comes after the case it is about: "money" asks whether, not how much (was 16i's budget row)
    a = assistant.ask("a client wants to start his own business out of benefits, do we give money for that")
    assert a.kind == "passage" and "absolute Einzelfälle" in a.answer and a.citations[0].section == "6.7"


@pytest.mark.parametrize("q,shown,section", [
    # the reason is the first bulleted item after "… mehrere Erklärungsansätze:" (was the premise alone)
    ("Warum ist die Zahl der ELB unter das Vor-Corona-Niveau gesunken?", "ein bedarfsdeckendes Einkommen", "3"),
    ("What is meant by the 'Entlastungswirkung'?", "Differenz zwischen Unterbeschäftigung", "3"),  # inside an item
])
def test_bulleted_reasons(assistant, q, shown, section):
    a = assistant.ask(q)
    assert a.kind == "passage" and shown in a.answer and a.citations[0].section == section


def test_language_of_a_question():
    from assistant.cues import is_german, language
    assert is_german("Was ist das?") and is_german("wie viele elb gab es") and is_german("Gibt es Geld für Reha?")
    assert not is_german("the number of ELB fell to 6,219 by autumn 2021, what was it at the end of 2020")
    assert language("What was the integration rate for women in 2021?") == "en"  # "was" is English here
    # a bare lookup says no language: neither the German nor the English rules apply to it
    assert language("Arbeitslose U25 November 2021") is None and language("planned FbW entries") is None
    # an English question naming a German term with an umlaut is still English (was German by the umlaut)
    assert language("Besides the Agentur für Arbeit, which partners does the foreword thank?") == "en"
    assert language("How many people took part in Maßnahmen with the jobcenter?") == "en"
    assert language("Which target was agreed for the women?") == "en"  # "was" starts no German clause
    assert language("Erwarten wir 2022 mehr Übertritte?") == "de" and language("ÖPNV meaning") is None


def test_an_english_question_naming_a_german_term_is_read_as_english(assistant):
    # read as German, its everyday English words ("else", "part") counted as unknown: it was refused
    a = assistant.ask("Apart from the municipalities and the Agentur für Arbeit, who else belongs to the "
                      "network the jobcenter relies on?")
    assert a.kind == "passage" and "Beirat des Jobcenters" in a.answer


def test_a_figure_counting_a_noun():
    from assistant.fact_answers import counts
    assert counts("Acht integrative und 10 kooperative BaE-Ausbildungsplätze", "platz")  # inside a compound
    assert counts("reduzierte sich die Zahl der erwerbsfähigen Leistungsbezieher (ELB) von 6.714", "leistungsbezieh")
    assert counts("Geplante Eintritte: 12", "eintritt")  # a label and its figure
    assert not counts("So wurden in 2021 durch die AGS-Mitarbeitenden 79 Integrationen erzielt", "mitarbeit")
    assert not counts("die 2021 geschulten Mitarbeitenden", "mitarbeit")  # a year counts nothing


def test_a_figure_counting_some_more():
    from assistant.fact_answers import counts_more
    assert counts_more("So wurden in 2021 drei weitere Mitarbeiterinnen geschult.", "mitarbeit")
    assert not counts_more("Durchschnittlich werden 172 Mitarbeiterinnen eingesetzt.", "mitarbeit")


def test_word_family():
    from assistant.fact_answers import _word_family
    assert _word_family("ausland", "auslandisch") and _word_family("schwerbehindert", "schwerbehinderung")
    assert not _word_family("integrationsquot", "integrationsziel") and not _word_family("arbeitslos", "arbeitswelt")
    assert not _word_family("integration", "integrationsquot")  # a compound, not a derived word
    assert _word_family("integriert", "integration")


@pytest.mark.parametrize("text,ages", [
    ("15 bis unter 25 Jahre (Arbeitslose)", (15, 25)), ("davon 55 Jahre und älter", (55, None)),
    ("unter 25", (None, 25)), ("U25", (None, 25)), ("younger than 25", (None, 25)),
    ("aged 15-24", (15, 25)), ("zwischen 25 und 49 Jahren", (25, 50)), ("über 50", (50, None)),
    ("55+", (55, None)), ("aged 50 and over", (50, None)),
    ("davon über 450 €/Monat", None), ("bis zu 50 Plätze", None), ("September 2020 und 2021", None),
])
def test_age_range(text, ages):
    from assistant.cues import age_range
    assert age_range(text) == ages


def test_count_of_something_no_table_counts(assistant):
    # 6.3: the table's only figure is "Geplante Eintritte: 28"; the staff are a list item in words
    a = assistant.ask("Wie viele Betriebsakquisiteure kümmern sich um die Förderung nach §§ 16e und 16i?")
    assert a.kind == "fact" and "zweieinhalb Betriebsakquisiteure" in a.answer and "28" not in a.answer
    assert "spezialisierte Fachkräfte eingesetzt, hierzu gehören: – zweieinhalb" in a.answer  # with its list's opening
    assert a.citations[0].section == "6.3"


def test_a_figure_sentence_leaning_on_the_one_before_is_quoted_with_it(assistant):
    # "So wurden in 2021 drei weitere Mitarbeiterinnen ..." counts the Reha-Spezialisten the sentence
    # before names: alone it named no rehab and the English question was refused
    a = assistant.ask("How many extra employees were trained as rehab specialists last year (2021)?")
    assert a.kind == "fact" and "drei weitere" in a.answer and "Reha-Spezialist" in a.answer
    assert a.citations[0].section == "5.7"


@pytest.mark.parametrize("q", ["Wie viele Standorte hat das Jobcenter?", "How many locations does the jobcenter have?",
                               "wie viele standorte hat das jobcenter"])  # lower case: "Standorte" is a noun's form
def test_count_stated_in_passing_elsewhere(assistant, q):
    # no table counts the locations; 6.3 names them while speaking of the job coaches
    a = assistant.ask(q)
    assert a.kind == "fact" and "an den drei Standorten" in a.answer and a.citations[0].section == "6.3"


@pytest.mark.parametrize("q", ["Was ist die Aktivierungsquote?", "Wie hoch ist die Aktivierungsquote?"])
def test_figure_of_a_compound_no_table_names(assistant, q):
    # was MABE's share of the budget (26,8 %): "Aktivierung" matched, the quota itself is stated in 6
    a = assistant.ask(q)
    assert a.kind == "fact" and "Aktivierungsquote" in a.answer and "jeden fünften" in a.answer
    assert "26,8" not in a.answer


def test_a_count_of_clients_is_a_count_of_placements(assistant):
    # the clients are counted by what happened to them; a noun the programme never counts is refused
    a = assistant.ask("How many clients did the AGS integrate in 2021?")
    assert a.kind == "fact" and "79 Integrationen" in a.answer


def test_asked_noun():
    from assistant.cues import AskedNoun, asked_noun
    assert asked_noun("Wie viele Betriebsakquisiteure gibt es?") == AskedNoun(("betriebsakquisite",), True)
    assert asked_noun("Wie hoch ist die Aktivierungsquote?") == AskedNoun(("aktivierungsqu",), False)
    # English: the German words of the bridge; "people" says nothing of what is counted
    assert asked_noun("How many locations does the jobcenter have?") == AskedNoun(("stando",), True)
    assert asked_noun("How many unemployed people were there?") == AskedNoun(("arbeitsl",), True)
    # a German noun in an English question is counted itself, not the verb after it ("work")
    assert asked_noun("How many Integrationsfachkräfte work in Markt & Integration?") == \
        AskedNoun(("integrationsfachkra",), True)
    assert asked_noun("How many young people aged 15-24 were there?") == AskedNoun(("jung", "jugendli", "u25"), True)
    # the plural is what is counted, not the verb after it
    assert asked_noun("How many coaches work in the Gatekeeper U25 project?") == AskedNoun(("jobcoa", "coachi"), True)
    assert asked_noun("Wie viele Personen waren arbeitslos?") is None
    # "staff" is "Personal": its stem must not name any "Personen"
    assert asked_noun("How many staff does the jobcenter have?") == AskedNoun(("mitarbeit", "mitarbe"), True)
    assert asked_noun("Was macht der AGS?") is None
    # an English rate is of what the word before it names
    assert asked_noun("What is the planned activation rate for 2022?") == \
        AskedNoun(("aktivieru",), False, ("aktivieru",))


def test_a_figure_counts_the_noun_it_stands_before():
    from assistant.fact_answers import counts
    assert counts("Durchschnittlich werden 172 Mitarbeiterinnen und Mitarbeiter eingesetzt.", "mitarbeit")
    assert counts("zweieinhalb Betriebsakquisiteure", "betriebsakquisite")
    assert not counts("Im Jahr 2019 wurde die Betreuung durch die Betriebsakquisiteure sichergestellt.",
                      "betriebsakquisite")


def test_what_states_no_figure():
    from assistant.fact_answers import states_figure
    q = "How many clients does the jobcenter have?"
    assert not states_figure("Das Jobcenter bereitet sich auf die zunehmend digitale Arbeitswelt 4.0 vor.", q)
    assert states_figure("Die Quote stieg um 4,0 Prozent.", q)
    # a year or a date says when, not how many; it is the answer to "Seit wann ...?"
    assert not states_figure("Im gesamten Jahr 2021 sanken die Zahlen, seit dem 01.07.2019 auch hier.", q)
    assert states_figure("Der AGS besteht seit 2015.", "Seit wann gibt es den AGS?")
    # the number of a rule, a figure of the text or a group names it, it counts nothing
    assert not states_figure("Im Jahr 2019 wurde die Betreuung des § 16i SGB II sichergestellt.", q)
    assert not states_figure("Die Betreuung nach §§ 16e und 16i sowie § 18 Abs. 4 SGB II läuft.", q)
    assert not states_figure("Das Projekt Gatekeeper U25 nach 16h SGB II, siehe Abbildung 1.", q)


def test_a_figure_of_a_part_that_never_names_the_thing_asked_about(assistant):
    # Skype is named in 5.1.2 only (its title); "79 Integrationen" of 5.3 count something else
    a = assistant.ask("how many customers actually used video consultations via skype in 2021")
    assert a.kind == "none"


@pytest.mark.parametrize("q", ["What is the planned activation rate for 2022?",
                               "What activation rate do we plan for 2022?"])
def test_an_english_rate_is_the_rate_of_what_it_names(assistant, q):
    # not the Integrationsquote of the target table (was): section 6 plans the Aktivierungsquote
    a = assistant.ask(q)
    assert a.kind == "fact" and "leicht erhöhten Aktivierungsquote" in a.answer and a.citations[0].section == "6"


@pytest.mark.parametrize("q", ["According to the closing section, how we'll deal with new challenges?",
                               "What's the closing section say we'll deal with new challenges?"])
def test_what_is_left_of_an_english_contraction_is_no_unknown_word(assistant, q):
    # "we'll" split at its apostrophe left "ll", a word the programme does not know, below the coverage gate
    assert content_words("we'll don't isn't they're I've") == []
    a = assistant.ask(q)
    assert a.kind == "passage" and a.citations[0].section == "8"


@pytest.mark.parametrize("q", ["What's the point of the close cooperation with rehab providers?",
                               "What is the purpose of cooperating so closely with the rehab carriers?"])
def test_what_the_point_of_something_is_its_aim(assistant, q):
    # the sentence naming the aim ("Ziel ist es, ...") was ranked below 6.5's list and 5.7's Teilhabeplanverfahren;
    # "purpose", "closely" and "carriers" were no words of the bridge, and the second question was refused
    a = assistant.ask(q)
    assert a.kind == "passage" and "die Zeit bis zur realen Hilfe" in a.answer


def test_english_adverbs_of_the_programme_are_bridged(assistant):
    # "clearly" is the programme's "deutlich" ("die deutlich höhere Zahl der Langzeitarbeitslosen"); unbridged,
    # the question got 3's sentence about the Schwerpunkt of 2022
    a = assistant.ask("Why are there clearly more long-term unemployed although fewer people receive benefits?")
    assert a.kind == "passage" and "Alter, gesundheitliche Einschränkungen" in a.answer
    assert "überwiegend" in german_for("mainly") and "zunehmend" in german_for("increasingly")


def test_everyday_english_words_do_not_make_a_question_out_of_scope(assistant):
    # "even", "ones" are no subject the programme lacks (was refused); "weather" still is one
    a = assistant.ask("Does every counselling session need an appointment, even urgent ones?")
    assert a.kind == "passage" and "Eil- und Notfälle ausgenommen" in a.answer
    assert assistant.ask("What is the weather in Kassel tomorrow?").kind == "none"


@pytest.mark.parametrize("q", ["Wie viel Einstiegsgeld bekommt ein Kunde im Monat maximal?",
                               "Bis zu welchem Betrag übernimmt das Vermittlungsbudget Bewerbungskosten?",
                               "How much Einstiegsgeld does a client get per month?"])
def test_one_persons_amount_is_not_a_budgets_total(assistant, q):
    assert assistant.ask(q).kind == "none"  # was the budget table's 80.000 € / 836.493 € for 2022


def test_one_persons_amount_is_not_a_sentence_without_an_amount(assistant):
    # was the Aktivierungsquote's "mindestens jeden fünften" (a "rate" of "Leistungsberechtigten")
    assert assistant.ask("How much is the monthly standard benefit rate for a single adult in 2022?").kind == "none"
    # a count a month is no amount, and a row may be named by one
    a = assistant.ask("How many contacts per month do young adults get?")
    assert a.kind != "none" and a.citations[0].section == "5.1.3"
    assert "961" in assistant.ask("ELB mit mehr als 450 € im Monat im September 2020").answer


def test_what_was_the_compound_asks_for_its_figure(assistant):
    # "What was the Verwaltungsbudget in 2020?" got a passage on Selbstständige (no figure cue was seen)
    a = assistant.ask("What was the Verwaltungsbudget of the jobcenter in 2020")
    assert a.kind == "none" and "2020" in a.answer
    assert "9.462.259 €" in assistant.ask("What is the Verwaltungsbudget?").answer


def _answered(a, kind: str, text: str, section: str) -> bool:
    """The answer is of that kind, holds the text and cites the section first."""
    return a.kind == kind and text in a.answer and a.citations[0].section == section


# A figure word in a question that asks for something else: which items, a time or condition, a
# change, a cause or a way. Each got a figure before (in brackets).
@pytest.mark.parametrize("q,text,section", [
    # the three goals (a "figure" of § 1, then "vier Kernelementen" of 3)
    ("Which three steering goals matter for the target agreement with the federal level?",
     "Vermeidung von langfristigem Leistungsbezug", "2.1"),
    # "target groups" (a share of the women on benefits)
    ("The EU recovery (React) offers – which target groups are they mainly meant for?",
     "Menschen mit Erziehungs- und Sorgeverpflichtungen", "6"),
    # "county" is no count (a count of young people)
    ("What does the county do for young people with debts?", "Sicherung sozialer Teilhabe", "5.4.3"),
    # "count as" classifies (the table's 1.369 Langzeitarbeitslose)
    ("When exactly does someone count as being in long-term benefit receipt?", "21 Monate in den letzten 24 Monaten",
     "3"),
    # what is new (the target table's 25,4 %)
    ("What's new this year about how the integration rate is planned?", "geschlechterdifferenziert geplant", "2.1"),
    ("Was ist neu an der Planung der Integrationsquote?", "geschlechterdifferenziert geplant", "2.1"),
    # a cause (BaE's 8,9 % of the budget)
    ("What could make companies hesitate to create or fill apprenticeship places?", "Infektionsrisiken", "5.4"),
    # a way (FbW's 150 Neueintritte)
    ("Besides more training places, what are we aiming for in terms of how intensively we fund further training?",
     "höhere Förderintensität anstreben", "6.4"),
])
def test_a_figure_word_in_a_question_asking_for_something_else(assistant, q, text, section):
    assert _answered(assistant.ask(q), "passage", text, section)


def test_a_sentence_without_the_asked_month_states_no_figure_for_it(assistant):
    # "im Jahresdurchschnitt 2021" (ca. 500 ELB im Fallmanagement) and "bis zum Herbst 2021" are no
    # figure for September 2021 (the table's ELB row is; the first gave the answer before)
    a = assistant.ask("Wie viele erwerbsfähige Leistungsberechtigte gab es im September 2021?")
    assert "ca. 500" not in a.answer and "6.714" not in a.answer


def test_a_one_euro_job_is_a_name_not_an_amount(assistant):
    # "Ein-Euro-Job" is everyday German for AGH: no money asked (was the budget table's 390.000 €),
    # and the question is ranked with the programme's word for it (was 5.1.4's Internetangebote)
    assert not asks_for_figure("Welches Ziel hat ein Ein-Euro-Job für den Kunden?")
    assert asks_for_figure("Wie viel Euro sind für AGH eingeplant?")
    a = assistant.ask("Welches Ziel hat ein Ein-Euro-Job für den Kunden?")
    assert a.kind == "passage" and "erster Schritt in einer Förderkette" in a.answer and a.citations[0].section == "6.1"
    # in English too, written apart or hyphenated (was 390.000 €)
    assert not asks_for_figure("What does a one-euro job give a client?")
    assert not asks_for_figure("Who is a one euro job meant for?")
    assert asks_for_figure("How many euros go to one-euro jobs?")


@pytest.mark.parametrize("q", [
    # what the question sets aside is not what it asks for (both were a table's figure)
    "Besides the number of placements, what does the jobcenter look at?",
    "Neben der Anzahl der Integrationen – worauf achtet das Jobcenter bei der Qualität?",
    # a target agreement is an agreement, not a target value
    "Which goals does the target agreement set?",
    # counted in: included, not counted (was the count of 231 measures, 129 Beauftragungen Dritter, ...)
    "Which German courses are counted in besides the jobcenter's activation measures?",
    # which things, not a figure: "Integrationen" and "staff" are figure words in "Wie viele ...?" (was 2.1's
    # "Integrationen: 1.638", 1.2's § 16e row)
    "Welche Kennzahlen zur Qualität der Integrationen werden im Monitoring beobachtet?",
    "Which specialised staff look after the 16i jobs?",
    # "wie vielseitig" asks how varied, not how many (was refused: no figure found)
    "Wie vielseitig sollen die Kommunikationswege der Beratung sein?"])
def test_a_figure_word_set_aside_asks_for_no_figure(q):
    assert not asks_for_figure(q)


@pytest.mark.parametrize("q", [
    # what an intent, a worry or a piece of advice is about: "money", "places" and "staff" are figure words
    # (were § 16i's 775.000 €, a Kundenstruktur row and the 172 staff of 1.2)
    "What does the jobcenter intend to do with the money for §§ 16e and 16i?",
    "What worries the programme about apprenticeship places in the pandemic?",
    "What should new staff know about the loan devices in our measures?"])
def test_the_content_of_an_intent_or_a_worry_is_no_figure(q):
    assert not asks_for_figure(q)


@pytest.mark.parametrize("q", ["What does a place in Neukundencoaching cost?",
                               "What does the jobcenter plan to spend on FbW?",
                               "What should new colleagues know about the rehab budget?"])
def test_what_something_costs_or_a_budget_is_still_a_figure(q):
    assert asks_for_figure(q)


def test_a_worry_is_answered_by_its_passage(assistant):
    a = assistant.ask("What worries the programme about apprenticeship places in the pandemic?")
    assert _answered(a, "passage", "hinderlich auf die unternehmerischen Entscheidungen", "5.4")


@pytest.mark.parametrize("q", ["Welche Mietobergrenzen gelten für die Kosten der Unterkunft?",
                               "Which type of measure gets more money, AGH or EGZ?",
                               "Welcher Anteil der Frauen ist arbeitslos?"])
def test_which_figure_or_which_gets_more_still_asks_for_a_figure(q):
    assert asks_for_figure(q)


@pytest.mark.parametrize("q,text,section", [
    ("Which ordinance is the allocation of our federal funds based on?", "Eingliederungsmittelverordnung", "1.2"),
    ("On what basis are the target values for the Integrationsquote agreed?", "Angebotswerte der Jobcenter", "2.1"),
])
def test_what_a_figure_rests_on_is_no_figure(assistant, q, text, section):
    # a basis asked for: the funds and the target values named were a table's figure (EGZ 374.000 €, 25,4 %)
    assert not asks_for_figure(q)
    assert _answered(assistant.ask(q), "passage", text, section)

@pytest.mark.parametrize("q,text,section", [
    ("Unter welchem Leitsatz steht unsere Arbeitsmarkt- und Integrationsstrategie?", "Menschen und Arbeit zusammen", "4"),
    ("Welchen Leitsatz hat sich das Jobcenter für sein Handeln gegeben?", "Menschen und Arbeit zusammen", "4"),
    ("What is the motto of the jobcenter's strategy?", "Menschen und Arbeit zusammen", "4"),
])
def test_a_leitsatz_is_what_the_programme_calls_motto_or_maxime(assistant, q, text, section):
    # the programme never says "Leitsatz": the first was 4's list of goals, the second refused
    assert _answered(assistant.ask(q), "passage", text, section)


def test_a_target_is_still_a_figure(assistant):
    assert "1.638" in assistant.ask("What is the target for integrations in 2022?").answer


def test_a_time_a_figure_is_compared_with_is_not_its_time(assistant):
    # "um 236 ELB gesunken im Vergleich zum August 2019" is no figure of 2019 (was the answer)
    a = assistant.ask("How many people did the jobcenter integrate into work in 2019?")
    assert a.kind == "none" and "2019" in a.answer
    a = assistant.ask("By how many ELB did underemployment fall compared to August 2019?")  # compares too
    assert a.kind == "fact" and "236 ELB" in a.answer
    # a refusal names the time asked about, not the one compared with (was "Für 2019 2020 ...")
    a = assistant.ask("Wie viele Integrationen gab es 2020 im Vergleich zu 2019?")
    assert a.kind == "none" and "Für 2020 nennt es diese Zahl nicht." in a.answer
    # "Seit Ende 2020 ... von 6.714 auf ...": that one is of the end of 2020
    a = assistant.ask("How many employable benefit recipients were there at the end of 2020?")
    assert a.kind == "fact" and "6.714" in a.answer


def test_a_passage_that_only_compares_with_the_asked_year_is_no_answer(assistant):
    # 1.2 gives 2022's budgets "(- 660.377 € im Vergleich zu 2021)": no budget of 2021 (was the answer)
    a = assistant.ask("What was the budget for Arbeitsgelegenheiten in 2021?")
    assert a.kind == "none" and "2021" in a.answer


def test_a_budgets_total_is_still_answered(assistant):
    a = assistant.ask("Wie hoch ist das Budget für ESG?")
    assert a.kind == "fact" and "80.000 €" in a.answer


@pytest.mark.parametrize("q", ["what's the unemployment rate in the Landkreis Kassel",
                               "What's the overall unemployment rate in Hesse?"])
def test_a_rate_the_programme_never_names_is_refused(assistant, q):
    # no Arbeitslosenquote anywhere (was "ca. 36% als arbeitslos", a share of the women on benefits)
    assert assistant.ask(q).kind == "none"


@pytest.mark.parametrize("q,figure", [
    ("What growth rate for 2022 did the outgoing federal government still expect in October?", "4,1%"),
    ("What is the dropout rate in 16i?", "16%")])
def test_a_rate_the_programme_states_in_words_is_answered(assistant, q, figure):
    a = assistant.ask(q)  # "Wachstum von 4,1%", "Abbruchquoten von nur ca. 16%"
    assert a.kind == "fact" and figure in a.answer


@pytest.mark.parametrize("q,figure", [
    ("What is the placement rate for men?", "34,9%"),  # "placement" is Integration too (was refused)
    ("Which placement rate was agreed for female clients?", "16,44%")])
def test_a_placement_rate_is_the_integrationsquote(assistant, q, figure):
    a = assistant.ask(q)
    assert a.kind == "fact" and figure in a.answer and a.citations[0].section == "2.1"


@pytest.mark.parametrize("q", ["Wie viele Kunden hat das Jobcenter der Stadt Kassel?",
                               "What is the budget of the jobcenter in the city of Kassel?"])
def test_the_jobcenter_of_the_city_is_another_one(assistant, q):
    # the programme is the Landkreis's: the city of Kassel has a jobcenter of its own (was the Landkreis's figure)
    assert assistant.ask(q).kind == "none"


@pytest.mark.parametrize("q", ["Wie viele unserer Kunden haben im Jahr 2021 jobcenter.digital benutzt?",
                               "Wie viele Kunden haben 2021 einen Ausbildungsvertrag unterschrieben?",
                               "Wie viele Kunden haben Deutschkenntnisse auf Niveau B1?"])
def test_a_word_the_whole_programme_uses_names_no_figure(assistant, q):
    # "Kunden", "Jobcenter" stand everywhere: no count of them in 2021 is a count of what is asked
    # (were the 1.400 Integrationen of 2021 and the AGS's 79 Integrationen); a compound the programme
    # never uses ("Ausbildungsvertrag", "Deutschkenntnisse") asks for a figure naming a part of it (the
    # Vorwort's 1.400 placed in work, now of 2021, and 3's "2.223 Kundinnen und Kunden" name none)
    assert assistant.ask(q).kind == "none"


def test_a_contact_person_is_answered_by_a_role(assistant):
    # "ein eigenes Kompetenzteam mit spezialisierten Beratungsfachkräften" (was refused: no person's name)
    a = assistant.ask("Wer ist Ansprechpartner für Selbstständige?")
    assert a.kind == "passage" and "Kompetenzteam" in a.answer and a.citations[0].section == "6.7"


def test_the_city_named_as_a_contrast_is_still_answered(assistant):
    a = assistant.ask("Wie unterscheidet sich der Landkreis vom Stadtgebiet Kassel bei Migranten aus Südosteuropa?")
    assert a.kind == "passage" and "Stadtgebiet Kassel" in a.answer


@pytest.mark.parametrize("q,text", [
    ("Was passiert in der dritten Phase des 4-Phasen-Modells?", "Handlungsstrategien"),
    ("What happens in phase 2 of the integration model?", "realistisches und erreichbares"),
    # the last step, with the sentence after it in its paragraph (was the model's introduction)
    ("What is the final stage of the four-phase model?", "strukturierten Folgegespräch")])
def test_a_step_of_a_model_is_answered_by_that_step(assistant, q, text):
    a = assistant.ask(q)
    assert a.kind == "passage" and text in a.answer and a.citations[0].section == "3"


def test_a_budget_of_something_the_programme_never_names_is_refused(assistant):
    # German "Marketingbudget" is a word the programme never uses; English names it by "marketing"
    assert assistant.ask("What is the marketing budget?").kind == "none"  # was the Verwaltungsbudget
    assert "330.000 €" in assistant.ask("What is the rehab budget?").answer
    assert "785.000 €" in assistant.ask("How much is the FbW budget?").answer


def test_a_word_one_chunk_alone_uses_brings_that_chunk_among_the_ranked(assistant):
    # the Vorwort chunk naming the Beirat ranked 8th, below chunks the model finds close to "Beratung"
    a = assistant.ask("Was steht über den Beirat?")
    assert a.kind == "passage" and "Beirat des Jobcenters" in a.answer and a.citations[0].section == "Vorwort"


def test_an_english_word_the_bridge_translates_reaches_the_chunk_naming_it(assistant):
    # "advisory" is the Beirat. The Vorwort's sentence naming it and 5.5's on the "Teilzeit-
    # Beratungsstelle" are a near tie (0.964 against 0.967 on one machine of this kind, the other
    # way round on another), so which one is quoted differs between machines; the Vorwort is cited
    a = assistant.ask("Does the programme even mention the advisory board?")
    assert a.kind == "passage" and "Vorwort" in [c.section for c in a.citations]


def test_a_rare_form_of_a_common_word_brings_no_chunk(assistant):
    # the bridge's "Weiterbildungen", used by one chunk of 3, is a form of the common "Weiterbildung":
    # that chunk, and 5.4.2's for "Ausbildungen", brought BaE's sentence ahead of 6.4's
    a = assistant.ask("tell me about further training")
    assert a.kind == "passage" and a.citations[0].section == "6.4"


def test_the_figure_a_question_states_is_not_its_answer(assistant):
    # a part of the 785.000 € asked for: the row's own amount was the answer
    assert assistant.ask("The budget plans 785.000 € for FbW. How much of that goes to Umschulungen?").kind == "none"
    assert assistant.ask("Von den 136 geplanten AGH-Eintritten – wie viele sind für Frauen vorgesehen?").kind == "none"
    # the figure stated for one time, another time's asked for: that one answers
    a = assistant.ask("In September 2021 there were 1,445 long-term unemployed – and in September 2019?")
    assert a.kind == "fact" and "September 2019: 1.017" in a.answer


def test_a_figure_of_a_part_that_never_names_the_paragraph_asked_about(assistant):
    # 2.1's target table has women's integration rate, of no paragraph; 6.3 and 1.2 name § 16i
    assert assistant.ask("What share of the § 16i participants are women?").kind == "none"
    a = assistant.ask("How many people did the 16e/16i team place into a § 16i job in 2021?")
    assert a.kind == "fact" and "24 Personen nach § 16i" in a.answer
    a = assistant.ask("Wie viel Geld ist für § 16i eingeplant?")
    assert a.kind == "fact" and "775.000 €" in a.answer


@pytest.mark.parametrize("q,figure", [
    ("Wie viele Eintritte sind 2022 für § 16i geplant?", "Neueintritte 2022: 20"),
    ("Wie viele Eintritte sind für § 16e geplant?", "Neueintritte 2022: 8"),
    ("How many planned starts are there in 2022 for § 16i?", "Neueintritte 2022: 20"),
])
def test_a_count_for_a_paragraph_comes_from_a_section_naming_it(assistant, q, figure):
    # the best-ranked figure was AGH's "136 Eintritte" (6.1, no § 16i), and the question was refused
    a = assistant.ask(q)
    assert a.kind == "fact" and figure in a.answer and a.citations[0].section == "1.2"
    # what those sections count is no answer to another noun: a duration, women's share
    assert assistant.ask("For how many years at most can an employer receive the § 16i wage subsidy?").kind == "none"


@pytest.mark.parametrize("q", ["What share of the budget goes to FbW?", "Welchen Anteil am Budget hat FbW?"])
def test_a_share_of_the_budget_is_a_share_not_an_amount(assistant, q):
    a = assistant.ask(q)  # the budget is what the share is of: the "%" cell, not "Betrag in €" (was)
    assert a.kind == "fact" and a.facts[0].unit == "%" and a.facts[0].value.startswith("14,4")


@pytest.mark.parametrize("q", ["Wie viele Bedarfsgemeinschaften sicherten die Geldleistungen 2021?",
                               "How many benefit communities did the cash benefits support?"])
def test_a_past_figure_with_its_year_in_the_sentences_before_is_of_that_year(assistant, q):
    # the Vorwort's "sicherte den Unterhalt von mehr als 5.000 Bedarfsgemeinschaften" follows "das Jahr 2021"
    # (was refused "for 2021"); "benefit communities" are Bedarfsgemeinschaften (was refused: "communities")
    assert _answered(assistant.ask(q), "fact", "5.000 Bedarfsgemeinschaften", "Vorwort")


def test_people_counted_in_a_section_titled_by_the_asked_noun_are_its_count(assistant):
    # 5.4 "Jugendliche und junge Erwachsene ...": its "1.212 jungen Menschen" count the young people asked for
    a = assistant.ask("Wie viele Jugendliche betreute das Jobcenter im November 2021?")  # (was refused)
    assert _answered(a, "fact", "1.212 jungen Menschen", "5.4")


@pytest.mark.parametrize("q,text,section", [
    ("Um wie viel Prozent steigen die FbW-Eintritte?", "Steigerung um 20%", "6.4"),  # was FbW's 14,4 % of the budget
    ("How much did we raise the number of BaE places by?", "von bisher 12 auf 18", "5.4.2"),  # was its 486.000 €
    # "compared to 2021", "als 2021" name what the figure is compared with; an undated sentence stating the
    # change is of the programme's year (was the Verwaltungsbudget's change alone, or refused "for 2021")
    ("By how much does the total money available shrink compared to 2021?", "884.520 € weniger", "1.2"),
    ("Wie viel Geld steht uns insgesamt weniger zur Verfügung als 2021?", "884.520 € weniger", "1.2"),
    # "how much less" asks for a change, "together" for the sum of what it names: not one of the two
    # budgets it names (was the Verwaltungsbudget's 9.462.259 € or its - 224.143 €)
    ("How much less do administration and integration get together than last year?", "884.520 € weniger", "1.2"),
    ("Wie viel weniger Geld gibt es 2022 für Verwaltung und Eingliederung zusammen?", "884.520 € weniger", "1.2"),
])
def test_a_change_is_answered_by_the_figure_stating_it(assistant, q, text, section):
    assert _answered(assistant.ask(q), "fact", text, section)


def test_compared_with_last_year_alone_still_asks_for_the_level(assistant):
    a = assistant.ask("How many FbW entries are planned compared with last year?")
    assert a.kind == "fact" and "Neueintritte 2022: 150" in a.answer


@pytest.mark.parametrize("q", ["Wie viele Menschen im Fallmanagement?",
                               "Wie viele Menschen werden im Fallmanagement betreut?",
                               "How many people are in case management?"])
def test_people_counted_as_people_are_those_the_section_names_otherwise(assistant, q):
    # 6.6 says "Leistungsberechtigte", never "Menschen": that made the count a figure of something else
    assert _answered(assistant.ask(q), "fact", "ca. 500 erwerbsfähige Leistungsberechtigte im Fallmanagement", "6.6")


@pytest.mark.parametrize("q,text,section", [
    # asked for a date in other words than "Seit wann": the sentence with its date answers
    ("As of which date is the Teilhabestärkungsgesetz in force?", "seit 01.01.2022", "6.5"),
    ("When did the new participation strengthening law (Teilhabestärkungsgesetz) take effect?", "seit 01.01.2022",
     "6.5"),
    ("Seit welchem Datum gilt das Teilhabestärkungsgesetz?", "seit 01.01.2022", "6.5"),
    # a date for a named paragraph: was 5.7's "Reha-Spezialist/-innen ... auch in 2022" and 6.6's bFM
    # "auch 2022", naming no 16e/16i; a sentence of the section titled "... §§ 16e und 16i" names them too
    ("In which year did the jobcenter begin employing specialist staff for § 16e?", "ab 2021", "6.3"),
    ("Since what year has the jobcenter had dedicated staff for 16i cases?", "ab 2021", "6.3"),
    ("Seit wann betreuen hauseigene Jobcoaches die Beschäftigten nach § 16i?", "seit dem 01.07.2019", "6.3"),
])
def test_a_date_asked_in_other_words_gets_the_dated_sentence(assistant, q, text, section):
    assert _answered(assistant.ask(q), "fact", text, section)


def test_a_date_of_something_else_is_no_date_of_the_named_project(assistant):
    # "Unser Ziel in 2022 ..." names a year, but not „Aktive Elternzeit“
    a = assistant.ask("From what date does the EU-React project „Aktive Elternzeit“ start?")
    assert a.kind != "fact" and "Unser Ziel in 2022" not in a.answer


@pytest.mark.parametrize("q,text,section", [
    # "How has/have ...?" asks how something went, though it names "numbers"
    ("How has the number of Corona self-employed people changed over time?", "Selbstständige", "6.7"),
    # "which parties" asks who; "target values" is what they agreed on, not the figure asked for
    ("Which bodies agreed to keep planning the 2022 target values decentrally?", "kommunale Spitzenverbände", "2.1"),
    # what must happen for there to be enough places is a condition, not a count of places
    ("What has to happen so that there are enough places for EQ and internships?", "Engagement der Betriebe", "5.4.2"),
])
def test_how_it_went_who_agreed_what_must_happen_are_no_figure_questions(assistant, q, text, section):
    assert _answered(assistant.ask(q), "passage", text, section)


@pytest.mark.parametrize("q,kind,text", [
    # a rate the programme never names: 5.4's "1.212 jungen Menschen" counts people (was), as "the
    # unemployment rate" is refused; a rate it names, in a longer compound or as "Quote der ...", answers
    ("Wie hoch war die Arbeitslosenquote der Jugendlichen im November 2021?", "none", ""),
    ("Wie hoch ist die Zielintegrationsquote für Frauen?", "fact", "16,44%"),
    ("Wie hoch ist die Abbruchquote bei den Jobcoaches?", "fact", "ca. 16%"),
    # the project in quotes is named in 5.5 only, which counts none of its participants
    ("Wie viele Teilnehmerinnen hatte das Projekt „Stark im Beruf“?", "none", ""),  # was 5.3's 79 integrations
    ('How many women took part in "Stark im Beruf" last year?', "none", ""),
    # a figure whose section names the quoted project or term answers
    ("Wie viele Plätze gibt es im Projekt „Wasserschloss Wülmersen“?", "fact", "12 Plätzen"),
    ("Wie viele Eintritte sind 2022 für „FbW“ geplant?", "fact", "150"),
    # the programme says nothing of its staff's women: 5.5's 52 % are of clients (was), 3's 36 % too
    ("What is the share of women among the jobcenter's staff?", "none", ""),
    ("Wie hoch ist der Anteil der Frauen unter unseren Mitarbeitenden?", "none", ""),
    # a figure naming the staff answers
    ("How many full-time equivalents do our staff add up to?", "fact", "157 Vollzeitäquivalenten"),
    # a staff capacity is the Personalressourcen, not the labour market's Aufnahmefähigkeit (was 6's
    # Aktivierungsquote)
    ("What's our staff capacity this year?", "fact", "157 Vollzeitäquivalenten"),
    # what a budget pays for is its content: the Reha services (was the 330.000 € as a figure)
    ("Which services are financed from the rehab budget?", "passage", "Reha-VB, Reha-EGZ"),
    ("Was wird aus dem Budget für die Teilhabe behinderter Menschen bezahlt?", "passage", "Reha-VB, Reha-EGZ"),
    # its amount is still a figure
    ("How much is paid out of the rehab budget?", "fact", "330.000 €"),
    # the plan column "Neueintritte 2022" is not of the year before the programme's
    ("Wie viele Azubis in der BaE haben letztes Jahr ihre Ausbildung beendet?", "none", ""),
    ("How many FbW participants did we have in the previous year?", "none", ""),
    # a sentence saying "im vergangenen Jahr" is of that year; so is a row dated 2021
    ("Um wie viel haben wir die BaE-Plätze im vergangenen Jahr erhöht?", "fact", "von bisher 12 auf 18"),
    ("How many long-term unemployed did we have last year?", "fact", "2021"),
    # what became of participants: the budget table's planned entries do not count it
    ("How many people in § 16e jobs were kept on after the funding ended?", "none", ""),
    ("Wie viele Teilnehmende haben ihre FbW-Maßnahme erfolgreich abgeschlossen?", "none", ""),
    # a figure naming the outcome is its answer; a row named by a finished training is a row
    ("Wie hoch ist die Abbruchquote bei 16e und 16i?", "fact", "ca. 16%"),
    ("How many unemployed had a completed vocational training in November 2021?", "fact", "793"),
])
def test_what_a_figure_question_names_decides_the_figure(assistant, q, kind, text):
    a = assistant.ask(q)
    assert a.kind == kind and text in a.answer


@pytest.mark.parametrize("q,text,section", [
    # a who-question prefers a sentence naming a role: the closing words signed by the Geschäftsführer
    ("Wer unterschreibt das Arbeitsmarktprogramm als Geschäftsführer?", "Gregor Vick", "8"),
    # everyday "Chefin" is the programme's "Geschäftsführer" (was 6.7's Kompetenzteam for Selbstständige)
    ("Wer ist eigentlich die Chefin bei uns im Jobcenter?", "Gregor Vick", "8"),
    # a name asked for: the signature names a person by the role after the name (was refused: no
    # "Frau ..." or "Herr ...")
    ("Wie heißt unser Geschäftsführer?", "Gregor Vick", "8"),
    # "Mit wem" asks no figure, though "Kosten" is one (refused: 2.2 states no amount); the partner is the
    # next sentence, which now fits in the answer beside the best match
    ("Mit wem arbeitet das Jobcenter zusammen, um die Hilfebedürftigkeit und die LUH-Kosten zu senken?", "AgiL", "2.2"),
    ("With whom does the jobcenter work closely to reduce the LUH costs?", "AgiL", "2.2"),
    # 5.3's list of goals with its long title is too long for an answer: the cut kept the opening and
    # lost the end of the item asked for ("Messen, …")
    ("Welche Aktionen mit Arbeitgebern sind beim Arbeitgeber-Service geplant?", "Speed-Dating", "5.3"),
    ("Which events with employers does the employer service plan?", "Speed-Dating", "5.3"),
    # which staff is a who-question: the sentence naming the roles answers (was a count of 16i placements)
    ("Welche Mitarbeiter kümmern sich um die Stellen nach 16e und 16i?", "zweieinhalb Betriebsakquisiteure", "6.3"),
    # "erklärt sich durch" gives a reason: the why-question's best match, with the reasons after it (was 3's
    # "Weil es sich bei den Langzeitleistungsbeziehern ...", about Sonderregelungen)
    ("Warum gibt es trotz weniger Leistungsbeziehern deutlich mehr Langzeitarbeitslose?",
     "gesundheitliche Einschränkungen", "3"),
    # for whom: the sentence naming the target group (was 6.1's planned entries, or what AGH are not)
    ("Für wen sind Arbeitsgelegenheiten eigentlich gedacht?", "Zielgruppe sind dabei Kundinnen und Kunden", "6.1"),
    ("Who are one-euro jobs intended for?", "Zielgruppe sind dabei Kundinnen und Kunden", "6.1"),
    ("An wen richten sich die AGH?", "Zielgruppe sind dabei Kundinnen und Kunden", "6.1"),
    # a role weighs more than other words of a who-question, also one asked in the last clause: the
    # Führungskraft approves new applications (was 7's sentence on the Bestandsfall-Controlling or on training)
    ("Wie wird im Leistungsbereich die Rechtmäßigkeit gesichert – wer gibt Neuanträge frei?",
     "Neuanträge immer durch die Führungskraft", "7"),
    ("Who checks new benefit claims before approval?", "Neuanträge immer durch die Führungskraft", "7"),
    ("Wer entscheidet über neue Anträge auf Leistungen?", "Neuanträge immer durch die Führungskraft", "7"),
    # what comes first: the sentence naming the "wichtigste Beratungsfelder" (was its neighbours on
    # appointments and on formats other than face-to-face)
    ("Was ist bei der persönlichen Beratung am wichtigsten?", "Erstgespräch mit Neukunden", "5.1.1"),
    # which indicators, not a figure (was 2.1's "Integrationen: 1.638")
    ("Welche Kennzahlen zur Qualität der Integrationen werden im neuen Monitoring beobachtet?",
     "Nachhaltigkeit der Integrationen", "2.1"),
])
def test_a_passage_answer_holds_what_the_question_asks(assistant, q, text, section):
    assert _answered(assistant.ask(q), "passage", text, section)


@pytest.mark.parametrize("q", [
    "Nach wie vielen Jahren Leistungsbezug schaut das neue Monitoring gesondert auf die Langzeitleistungsbezieher?",
    "The monitoring looks separately at long-term recipients on benefits for how many years at least?",
])
def test_a_span_of_years_is_not_a_table_rows_count(assistant, q):
    # the row "Bestand an Langzeitleistungsbeziehern: 4.170 Personen (Veränderung zum Vorjahr ...)" names
    # "Jahr" only in "Vorjahr"; the span stands in 2.1's list
    a = assistant.ask(q)
    assert a.kind == "fact" and "mindestens vier Jahre" in a.answer and "4.170" not in a.answer


def test_an_english_phrase_for_one_german_term_is_not_translated_word_by_word(assistant):
    # "work opportunity" is an Arbeitsgelegenheit, not a "Chance" (was 1.1's "sehen wir weiterhin Chancen");
    # "what are its aims" in the last clause asks for the list "Ziel der Teilnahme an einer AGH kann sein:"
    a = assistant.ask("What can a work opportunity do for a customer – what are its aims?")
    assert a.kind == "passage" and "Heranführen an das Arbeitsleben" in a.answer and a.citations[0].section == "6.1"


def test_why_question_gets_the_reason_not_the_figure(assistant):
    a = assistant.ask("Why is the integration rate planned separately for women and men for the first time?")
    assert a.kind == "passage" and "Unterschiede weiter vertieft" in a.answer
    assert a.citations[0].section == "2.1"


def test_list_question_gets_the_list(assistant):
    a = assistant.ask("Welche Analysegrößen werden im Monitoring besonders beobachtet?")
    assert a.kind == "passage" and "Nachhaltigkeit der Integrationen" in a.answer and len(a.answer) <= 600


@pytest.mark.parametrize("q,tail", [
    ("What was the integration rate for women in 2021?", "Für 2021 nennt es diese Zahl nicht."),
    ("How much is the Mehrbedarf for single parents under SGB II?", ""),
    ("Mein Kunde ist 58 und krank, was soll ich tun?", ""),
    ("How much did the jobcenter spend on wage subsidies in 2020?", "Für 2020 nennt es diese Zahl nicht."),
    ("Unter welcher Telefonnummer erreiche ich den Arbeitgeber-Service?", "Kontaktdaten stehen nicht darin."),
    ("What are the opening hours of the jobcenter?", "Kontaktdaten stehen nicht darin."),
    # an address is contact data (was 5.4.5.1's article on the BOZ, or 5.1.4's Internetangebote)
    ("At which addresses can clients find our offices?", "Kontaktdaten stehen nicht darin."),
    ("Wie lauten die Adressen unserer Geschäftsstellen?", "Kontaktdaten stehen nicht darin."),
    ("Wie viele Arbeitslose hat das Jobcenter Göttingen?", ""),
    ("Wie hoch ist der Kinderzuschlag für Alleinerziehende?", ""),  # two corpus words, not a corpus word
    # a figure of something the programme never names: no figure of it can be in the programme
    ("Wie viele Widersprüche gab es 2021 im Jobcenter?", ""),
    ("Wie hoch ist die Fehlzeitenquote der Mitarbeitenden?", ""),
    # the only figures found count something other than the term the question names
    ("Wie viele Jugendliche besuchen 2022 das BOZ?", "Für 2022 nennt es diese Zahl nicht."),
    ("How many participants did AgiL have in 2021?", "Für 2021 nennt es diese Zahl nicht."),
    ("wie viele widersprüche gab es 2021 im jobcenter", ""),  # typed in lower case: nouns have no capital
    ("how much is the kinderzuschlag per child", ""),  # English in lower case: a word English does not have
    ("wie hoch ist der vermoegensfreibetrag im sgb II", ""),  # lower case but for an abbreviation's capitals
    # no figure of it at all: the passage about it does not state one either
    ("How many places does the WiN project offer?", ""),
    ("Wie viele Plätze hat das Modellprojekt BÜA?", ""),
    # asks for the name of an organisation or a person, and the best passage names none
    ("Which education provider runs the LAiKA project?", ""),
    ("Wer leitet bei uns den Arbeitgeber-Service?", ""),
    ("Bei welchem Bildungsträger laufen die BvB-Plätze?", ""),  # a name, not the figure of "Plätze"
    # a count of something the programme names but never counts: "79 Integrationen" is not it
    ("Wie viele Stellenangebote hat der Arbeitgeber-Service akquiriert?", ""),
    # the sentence names the staff, but its figure counts placements ("in 2021" counts nothing)
    ("wie viele mitarbeitende hat der arbeitgeber-service des jobcenters", ""),
    # an English count of something neither the bridge nor the programme knows ("1.400 Personen" were placed)
    ("how many sanctions did the jobcenter impose in 2021", ""),
    # a sentence's figure from a part of the programme that never names the asked project or team
    ("Wie viele Mitarbeitende arbeiten im Projekt Gatekeeper U25?", ""),
    ("How many staff work in the Kompetenzteam Selbstständige?", ""),
    # a duration no table row counts; "at most" is a bound, not the table's largest row (was MABE's entries)
    ("For how many weeks can Einstiegsgeld be paid at most?", ""),
    # staff no table row counts: the budget table's "Gesamt" counts entries, not Reha-Spezialisten
    ("How many rehab counsellors work at the jobcenter overall?", ""),
    # the only number near the Kompetenzteam is a year ("im gesamten Jahr 2021")
    ("Wie viele Kundinnen betreut das Kompetenzteam Selbstständige derzeit?", ""),
    # asks for a time, and the best passage names none
    ("When will the career orientation centre open?", ""),
    ("Bis wann soll das Berufsorientierungszentrum fertig sein?", ""),
    ("How long does an Einstiegsqualifizierung last?", ""),
    ("In which month of 2022 will first-time applications be possible via jobcenter.digital?", ""),  # "im Laufe 2022"
    # "arbeit" only in what a row leaves out: "Unterbeschäftigung (ohne Kurzarbeit)" does not count it
    ("How many people did we get into work in 2020?", "Für 2020 nennt es diese Zahl nicht."),
    # asks for a deadline, and the best passage names no date
    ("Bis zu welchem Termin muss man sich für FbW anmelden?", "keine Angaben."),
    # asks for an amount, and the best passage states none (LAiKA's passage gives its length only)
    ("Was kostet ein Platz bei LAiKA?", "keine Angaben."),
    # asks for a span or an age, and the best passage states none ("während der Pandemie" is no span)
    ("Wie lange wird man mit AsA flex gefördert?", ""),
    ("Innerhalb welcher Frist muss die Eingliederungsvereinbarung mit Neukunden unterschrieben sein?", ""),
    ("Within what time must a first interview with a new customer take place?", ""),
    ("Ab welchem Alter kann man bei LAiKA mitmachen?", ""),
    # asks for a time of day, and no passage names an hour or a weekday (was 6.7's Kompetenzteam)
    ("Zu welchen Zeiten erreichen Selbstständige ihr Kompetenzteam?", ""),
    ("Zu welcher Uhrzeit beginnt die Erstberatung für Neukunden?", ""),
    # asks for a provider by name; "bei einem externen Bildungsträger" names none
    ("Which coaching provider carries out the Neukundencoaching?", ""),
    # asks who sits on a body the programme names but does not staff
    ("Wer sitzt eigentlich im Beirat des Jobcenters?", ""),
    ("Who is the head of the advisory board of the jobcenter?", ""),
    # an English question whose every topic word the programme and the bridge lack; the jobcenter's
    # own name made it look close (was 4.0's "Das Jobcenter Landkreis Kassel bereitet sich ... vor")
    ("Where can I get a good coffee near the jobcenter in Kassel?", ""),
    ("Does the jobcenter in Kassel offer parking for visitors?", ""),
    # an English question naming a German term the programme never uses (was a passage on Integration)
    ("What is the Regelsatz in 2022?", ""),
    # asks when a project starts; the window's only year stands in a sentence about something else
    ("Ab wann startet das EU-React-Projekt „Aktive Elternzeit“?", ""),
    # asks for a person's name; a quoted „Klassische“ Arbeitsvermittlung is no one's name
    ("Wie heißt unsere Beauftragte für Chancengleichheit am Arbeitsmarkt?", ""),
    # asks which other jobcenters, and the passage names none ("mit drei weiteren Jobcentern aus der Region")
    ("Which three other jobcenters are taking part in the joint customer survey?", ""),
    ("Mit welchen anderen Jobcentern machen wir die Kundenbefragung?", ""),
    # the row exists, but not for the asked month: another row of that month is not the answer
    ("How many German unemployed were there in September 2021?", "Für September 2021 nennt es diese Zahl nicht."),
    # no figure for the year, and the passage found states no amount ("Wie 2020, war auch das Jahr 2021 ...")
    ("What was the administrative budget back in 2020?", "Für 2020 nennt es diese Zahl nicht."),
    # an abbreviation says whose intranet; no other topic word is the programme's (was BA's glossary entry)
    ("How can I change my password for the BA intranet?", ""),
    # asks for a time; the window's "im Laufe 2022" stands in the sentence on jobcenter.digital, not the homepage
    ("When is the new homepage going online?", ""),
    # a wage or one client's amount, and the programme states only budgets' totals (was 16i's 775.000 €)
    ("Wie hoch ist das Gehalt bei einer 16i-Stelle?", ""),
    ("How much does a person employed under § 16i earn?", ""),
    ("Wie viel Geld bekommt ein Kunde aus dem Vermittlungsbudget?", ""),
    # a share of people, and the budget table's "%" is a share of the money (was FbW's 14,4 %, EGZ's 6,9 %)
    ("What percentage of participants complete their FbW course?", ""),
    ("Welchen Anteil der Kunden fördern wir mit EGZ?", ""),
    # a count of staff, and the programme gives none: the answer's section number ("6.6 Beschäftigungsorientiertes
    # Fallmanagement") is no count of its title's noun (was the Fallmanager's Integrationsquote of 19%)
    ("Wie viele Fallmanager hat das Jobcenter?", ""),
    ("How many case managers work in the jobcenter?", ""),
    # a group named by a digit ("U25") the answer's section never names: the Fallmanager's ca. 19% of 2021 is
    # not the U25 customers' rate; nor is it the nationwide one
    ("Welche Integrationsquote erreichten U25-Kunden im Jahr 2021?", ""),
    ("What integration rate did jobcenters achieve nationwide in 2021?", ""),
    # "bis zu welcher Höhe" asks for one case's amount, and the programme states only budgets (was 1.2's
    # budget lines as a passage)
    ("Bis zu welcher Höhe werden Bewerbungskosten aus dem Vermittlungsbudget übernommen?", ""),
    ("Bis zu welcher Höhe zahlt das Vermittlungsbudget Reisekosten?", ""),
    # "bis zu 50 Plätze zur Berufsvorbereitung (BvB)" is a number of places, no span (was 5.4.2 as a passage)
    ("Wie lange dauert eine BvB beim Bildungsträger?", ""),
    ("How long does a BvB course at the Bildungsträger last?", ""),
])
def test_refusals(assistant, q, tail):
    a = assistant.ask(q)
    assert a.kind == "none" and a.citations == [] and a.answer.endswith(tail)


@pytest.mark.parametrize("q", [
    "Wird das Elterngeld auf die Leistungen angerechnet?",
    "Does the jobcenter pay for the Erstausstattung when a baby is born?",
])
def test_a_compound_the_programme_never_writes_needs_its_parts_in_the_answer(assistant, q):
    # "Elterngeld", "Erstausstattung": the programme has each part, never the whole; the passages found
    # (the Umschichtungsbetrag, the Kompetenzteam Selbstständige) name neither part ("erst" of "ersten"
    # is no part: a short part counts only as a word of its own)
    assert assistant.ask(q).kind == "none"


@pytest.mark.parametrize("q,expected", [
    # a part named: "videogestützte Kommunikation"
    ("Wie kommt die Videoberatung bei unseren Kundinnen und Kunden an?", "5.1.2"),
    ("Welchen Stellenwert hat die Videoberatung?", "5.1.2"),
    # "Stellenwert" names no subject; LAiKA, named, is the subject
    ("Welchen Stellenwert hat LAiKA für die Berufsvorbereitung?", "5.4.2"),
    # "Normalfall" says what is asked of the subject, "persönliche Beratung", which the answer names
    ("Bleibt die persönliche Beratung bei uns der Normalfall?", "5.1.1"),
])
def test_a_compound_is_answered_where_a_part_or_the_subject_is_named(assistant, q, expected):
    a = assistant.ask(q)
    assert a.kind == "passage" and a.citations[0].section == expected


@pytest.mark.parametrize("q,expected", [
    ("Wann hat sich die wirtschaftliche Erholung tatsächlich gezeigt?", "8"),  # "In der 2. Jahreshälfte 2021"
    ("Wie heißt das Projekt zum Wiedereinstieg in Nordhessen?", "5.5"),  # a name in quotes: „WiN - ...“
    ("Wird der § 16h auch von der Bundespolitik unterstützt?", "5.4.2"),  # "Koalitionsvertrag", cosine 0.856
    # a word the programme never uses, but the sentence that answers is close to the question
    ("Mit welchen Veranstaltungen will der Arbeitgeber-Service Betriebe gewinnen?", "5.3"),
    # about the homepage, not asking for an address
    ("Was plant das Jobcenter mit seiner Homepage?", "5.1.4"),
    # "address" as a verb asks no contact data
    ("How does the programme address long-term unemployment?", "3"),
    # a span asked, and stated: "ein bis zu 12-monatiges Angebot", "bis Ende 2022"
    ("Wie lange dauert LAiKA?", "5.4.2"),
    ("How long does the simplified access to benefits stay in place?", "7"),
    # which organisations: public bodies ("der Agentur für Arbeit und des Landkreises Kassel"); how long
    # it has been around: since when ("seit 2005")
    ("The jobcenter is described as a joint institution. Of which organisations, and how long has it been around?",
     "Vorwort"),
])
def test_paraphrases_are_not_refused(assistant, q, expected):
    a = assistant.ask(q)
    assert a.kind == "passage" and a.citations[0].section == expected


def test_an_english_question_is_ranked_with_its_german_words(assistant):
    own, ranked = assistant._query_vectors("Will the staffing of the jobcenter change in 2022?", [])
    assert ranked is not own and float(ranked @ own) < 0.999 and abs(float(np.linalg.norm(ranked)) - 1) < 1e-5
    own, ranked = assistant._query_vectors("Ändert sich das Personal des Jobcenters 2022?", [])
    assert ranked is own  # German: nothing to add
    own, ranked = assistant._query_vectors("further training", [])
    assert ranked is not own  # a bare English topic: "further" is English the programme does not use
    own, ranked = assistant._query_vectors("Arbeitslose U25 November 2021", [])
    assert ranked is own  # a bare lookup in the programme's words: nothing to translate
    # the question's own vector ranked 6.6 (bFM "weiter fortgeführt") first; "Personal" finds 1.2
    a = assistant.ask("Will the staffing of the jobcenter change in 2022?")
    assert a.kind == "passage" and a.citations[0].section == "1.2" and "weder im Umfang" in a.answer


@pytest.mark.parametrize("q,kind", [
    ("Which projects exist for young people?", "passage"),  # English words the bridge translates are known
    # English function words ("why", "might", "from") are neither known nor unknown
    ("Why might a remote location keep people from using the career orientation centre?", "passage"),
    ("Who won the football match in Kassel yesterday?", "none"),
])
def test_english_coverage_counts_bridged_words(assistant, q, kind):
    assert assistant.ask(q).kind == kind


def test_contact_data_is_recognised():
    from assistant.engine import _CONTACT_DATA
    assert _CONTACT_DATA.search("Tel.: 0561 1003-0") and _CONTACT_DATA.search("info@jobcenter-kassel.de")
    assert not _CONTACT_DATA.search("Beratung erfolgt auch telefonisch oder per Video.")


@pytest.mark.slow
def test_evaluation_floors(assistant):
    """Regression floors a little under the level measured on 2026-11-24 (issue 3 targets 95 %).

    questions.jsonl was used while building the engine; dev to dev15 were written later by
    others and used since to find failures, so their floors are lower and say more about unseen
    questions. The holdout sets are only ever reported, never asserted.
    """
    result = run_eval(assistant, load_questions(ROOT / "tests" / "eval" / "questions.jsonl"))
    assert result["accuracy"] >= 0.94  # measured 97.8 %
    assert result["hit3"] >= 0.95
    assert result["by_kind"]["glossary"] >= 0.98
    assert result["refusals"] == "16/16"
    # measured 83.8 / 87.0 / 85.0 / 87.0 / 87.0 / 84.0 / 91.0 % (dev7: 100 questions, written in the eleventh
    # session); dev was 85.0 % before English questions were ranked with their German words (all sets +9)
    # dev8 (80 questions, half English, written in the sixteenth session): 69 right at that session's start,
    # 70 after the changes made before it was read, 72 (90.0 %) after two of its failures were worked on
    # dev9 (80 questions, half English, 16 outside the programme, seventeenth session): 64 right at that
    # session's start (refusals 10/16), 71 (88.7 %) after its failures were worked on
    # dev10 (80 questions, 54 English, mostly passages, eighteenth session): 57 right at that session's
    # start, 61 (76.2 %) after its failures were worked on
    # dev11 (80 questions, 50 English, 40 passages, 14 outside the programme, twentieth session): 58 right
    # at that session's start, 63 (78.8 %) after its failures were worked on
    # dev12 (80 questions, 50 English, 40 passages, 14 outside the programme, twenty-first session): 56
    # right at that session's start, 63 (78.8 %) after its failures were worked on
    # dev13 (80 questions, 48 English, 44 passages, 12 outside the programme, twenty-second session): 52
    # right at that session's start (65.0 %), 57 (71.3 %) after its failures were worked on
    # dev14 (80 questions, 48 English, 44 passages, 12 outside the programme, twenty-third session): 65
    # right at that session's start (81.2 %), 73 (91.2 %) after its failures were worked on
    # dev15 (80 questions, 48 English, 44 passages, 12 outside the programme, twenty-fourth session): 64
    # right at that session's start (80.0 %), 71 (88.8 %) after its failures were worked on
    # dev16 (80 questions, 48 English, 44 passages, 12 outside the programme, twenty-fifth session): 68
    # right at that session's start (85.0 %), 73 (91.2 %) after its failures were worked on
    # dev17 (80 questions, 48 English, 44 passages, 12 outside the programme, twenty-sixth session, on
    # sentences no earlier question asks about): 52 right at that session's start (65.0 %), 57 (71.3 %) after
    # its failures were worked on, 58 (72.5 %) after the twenty-seventh, 61 (76.3 %) after the twenty-eighth
    # dev18 (80 questions, 50 English, 44 passages, 14 outside the programme, twenty-eighth session, on details
    # fewest earlier questions ask about): 49 right at that session's start (61.3 %), 54 (67.5 %) at its end
    # dev19 (80 questions, 50 English, 44 passages, 12 outside the programme, thirty-first session, in the
    # styles of staff: plain, chat, onboarding): 57 right when first run (71.3 %), 58 (72.5 %) at its end,
    # 63 (78.8 %) after the thirty-second session, 67 (83.8 %) after the thirty-third
    floors = {"dev": 0.82, "dev2": 0.85, "dev3": 0.83, "dev4": 0.85, "dev5": 0.85, "dev6": 0.82, "dev7": 0.89,
              "dev8": 0.85, "dev9": 0.85, "dev10": 0.74, "dev11": 0.76, "dev12": 0.76,
              "dev13": 0.68, "dev14": 0.86, "dev15": 0.85, "dev16": 0.88, "dev17": 0.68, "dev18": 0.64,
              "dev19": 0.80}
    # dev19's z065 types the Legende's HKM as "hmk" in a longer question, where a word in lower case is
    # not read as an abbreviation (a short one, "Was ist hmk?", is)
    glossary_floors = {"dev19": 0.87}
    for name, floor in floors.items():
        r = run_eval(assistant, load_questions(ROOT / "tests" / "eval" / f"{name}.jsonl"))
        assert r["accuracy"] >= floor, name
        assert r["by_kind"]["glossary"] >= glossary_floors.get(name, 0.98), name


def test_cli_bad_questions(tmp_path):
    r = CliRunner()
    for args in (["ask", ""], ["ask", "x" * 501], ["ask"]):
        res = r.invoke(main, ["--index", str(tmp_path / "idx")] + args)
        assert res.exit_code != 0 and "Traceback" not in (res.stderr or "")
    res = r.invoke(main, ["eval", "--set", str(tmp_path / "fehlt.jsonl")])
    assert res.exit_code != 0 and "gibt es nicht" in res.stderr


def test_cli_batch_json(assistant, tmp_path):
    qfile = tmp_path / "q.txt"
    qfile.write_text("Was ist FbW?\n\nLZB?\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["--index", str(_index_dir(assistant)), "ask", "--batch", str(qfile), "--json"])
    assert res.exit_code == 0, res.stderr
    lines = [json.loads(x) for x in res.stdout.splitlines()]
    assert [x["question"] for x in lines] == ["Was ist FbW?", "LZB?"] and all(x["kind"] == "glossary" for x in lines)


def _index_dir(assistant) -> Path:
    return assistant.index_dir


def test_typed_variants():
    v = typed_variants("Wie viele Arbeitslose gab es im November 2021?")
    assert v == {"tippfehler": "Wie viele Arbeistlose gab es im November 2021?",
                 "chat": "Hallo, kurze Frage: Wie viele Arbeitslose gab es im November 2021? Danke!",
                 "monat": "Wie viele Arbeitslose gab es im 11/2021?",
                 "klein": "wie viele arbeitslose gab es im november 2021"}
    assert typed_variants("Wofür steht BÜA?")["umlaute"] == "Wofuer steht BUeA?"
    assert typed_variants("LZB?") == {"chat": "Hi, quick question: LZB? Thanks!", "klein": "lzb"}


def test_cli_eval_typed(assistant, tmp_path):
    qfile = tmp_path / "q.jsonl"
    qfile.write_text("\n".join(json.dumps(q, ensure_ascii=False) for q in [
        {"question": "Wie hoch ist das Verwaltungsbudget 2022?", "kind": "fact", "answer_contains": ["9.462.259 €"],
         "sections": ["1.2"]},
        {"question": "Wie viele Arbeitslose gab es im November 2021?", "kind": "fact", "answer_contains": ["2.685"],
         "sections": ["3"]}]), encoding="utf-8")
    out = tmp_path / "eval.json"
    res = CliRunner().invoke(main, ["--index", str(_index_dir(assistant)), "eval", "--set", str(qfile),
                                    "--modes", "hybrid", "--typed", "--out", str(out)])
    assert res.exit_code == 0, res.stderr
    assert "| tippfehler | 2 | 2 | 2 |" in res.stdout and "| monat | 1 | 1 | 1 |" in res.stdout
    typed = json.loads(out.read_text(encoding="utf-8"))["typed"]
    assert typed["chat"] == {"questions": 2, "as_written": 2, "typed": 2}


def test_amip_serve_answers_over_http(assistant):
    """`amip serve` as `make run` starts it: a real process, waitress on 127.0.0.1, /healthz and /api/ask."""
    import os
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    amip = Path(sys.executable).with_name("amip")
    env = dict(os.environ, HF_HUB_OFFLINE="1")
    proc = subprocess.Popen([str(amip), "--corpus", str(ROOT / "corpus"), "--index", str(_index_dir(assistant)),
                             "serve", "--port", str(port)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(120):
            if proc.poll() is not None:
                pytest.fail(f"amip serve ended: {proc.stderr.read()}")
            try:
                health = json.load(urllib.request.urlopen(base + "/healthz", timeout=2))
                break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail("amip serve did not answer within 60 s")
        assert health["status"] == "ok" and health["chunks"] > 0
        req = urllib.request.Request(base + "/api/ask", data=json.dumps({"question": "Was ist AsA flex?"}).encode(),
                                     headers={"Content-Type": "application/json"})
        answer = json.load(urllib.request.urlopen(req, timeout=10))
        assert answer["kind"] == "glossary" and answer["citations"][0]["section"] == "5.4.2"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_amip_serve_port_taken(assistant):
    """A port in use is one German sentence and a non-zero exit, not a traceback."""
    import socket
    import subprocess
    import sys

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        amip = Path(sys.executable).with_name("amip")
        res = subprocess.run([str(amip), "--corpus", str(ROOT / "corpus"), "--index", str(_index_dir(assistant)),
                              "serve", "--port", str(port)], capture_output=True, text=True, timeout=120)
    assert res.returncode != 0
    assert "kann nicht auf 127.0.0.1" in res.stderr and "Traceback" not in res.stderr


@pytest.mark.slow
def test_same_answer_in_every_process(assistant):
    """Python salts string hashes per process; sums over sets of words must not depend on it.

    This question's keyword-mode citations came out in another order under another salt.
    """
    import subprocess
    import sys
    script = (
        "import json, sys\n"
        "from pathlib import Path\n"
        "from assistant.engine import Assistant\n"
        "a = Assistant.open(Path(sys.argv[1]), Path(sys.argv[2]), log=lambda m: None)\n"
        "q = 'Übernimmt das Jobcenter künftig selbst die Schuldner- und Suchtberatung?'\n"
        "print(json.dumps([a.with_mode(m).ask(q).to_dict()['citations'] for m in ('hybrid', 'keyword', 'dense')]))\n"
    )
    runs = set()
    for seed in ("1", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run([sys.executable, "-c", script, str(ROOT / "corpus"), str(assistant.index_dir)],
                             capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
        assert out.returncode == 0, out.stderr
        runs.add(out.stdout)
    assert len(runs) == 1


def test_glossary_explains_with_prose_not_a_table_row(assistant):
    a = assistant.ask("ELB?")
    assert a.kind == "glossary" and "Leistungsberechtigter" in a.answer
    assert "6.418" not in a.answer and "erwerbsfähigen Leistungsbezieher (ELB)" in a.answer


@pytest.mark.parametrize("q,abbr", [
    ("Abkürzung für Vollzeitäquivalente?", "VZÄ"),
    ("Wie wird Berufsorientierungszentrum abgekürzt?", "BOZ"),
    ("What is the abbreviation for Eingliederungszuschuss?", "EGZ"),
    ("Was bedeutet Langzeitleistungsbezieher?", "LZB"),  # the long form is all it asks about
])
def test_glossary_by_long_form(assistant, q, abbr):
    a = assistant.ask(q)
    assert a.kind == "glossary" and a.answer.startswith(f"{abbr} steht für")


@pytest.mark.parametrize("q", ["Was ist ein Jobcenter?",  # JC: the whole programme is about it
                               "Was bedeutet Förderung der beruflichen Weiterbildung für Frauen?"])  # asks more
def test_long_form_alone_does_not_make_a_glossary_question(assistant, q):
    assert assistant.ask(q).kind != "glossary"


@pytest.mark.parametrize("q,long,note", [
    # the programme names no entries for bFM or AsA flex: the meaning is still what was asked first
    ("Was bedeutet bFM und wie viele Eintritte sind geplant?", "beschäftigungsorientiertes Fallmanagement",
     "Zum zweiten Teil der Frage enthält das Programm keine Angaben."),
    ("What is AsA flex and how many entries are planned?", "Ausbildung",
     "Zum zweiten Teil der Frage enthält das Programm keine Angaben."),
    # the refusal's own reason stays with the part it is about
    ("Was ist FbW und wie viele Eintritte gab es 2019?", "Förderung der beruflichen Weiterbildung",
     "Für 2019 nennt es diese Zahl nicht."),
])
def test_a_refused_question_that_first_asks_what_a_term_means_gets_the_meaning(assistant, q, long, note):
    a = assistant.ask(q)
    assert a.kind == "glossary" and long in a.answer and a.answer.endswith(note)
    assert a.citations and a.citations[0].section in ("Legende", "5.4.2") and len(a.answer) <= 600


@pytest.mark.parametrize("q,kind,said", [
    ("Was ist FbW und wie viel Geld ist dafür eingeplant?", "fact", "785.000 €"),  # answered whole, as before
    ("Wer wurde 2014 Fußballweltmeister und wie viele Tore fielen?", "none", "keine Angaben"),  # no term
    ("Was ist EGZ, bitte?", "glossary", "Eingliederungszuschuss"),  # nothing more asked
])
def test_only_a_refused_question_with_a_term_asked_first_is_answered_in_parts(assistant, q, kind, said):
    a = assistant.ask(q)
    assert a.kind == kind and said in a.answer and "zweiten Teil" not in a.answer


@pytest.mark.parametrize("q,longs", [
    ("Was bedeuten EGZ und ESG?", ["Eingliederungszuschuss", "Einstiegsgeld"]),
    ("Was ist der Unterschied zwischen LZA und LZB?", ["Langzeitarbeitslose", "Langzeitleistungsbezieher"]),
    ("What do AGH and AGS stand for?", ["Arbeitsgelegenheiten", "Arbeitgeber-Service"]),
])
def test_glossary_question_naming_several_terms_gets_each(assistant, q, longs):
    a = assistant.ask(q)
    assert a.kind == "glossary" and all(f"„{long}“" in a.answer for long in longs)
    assert a.citations[0].section == "Legende" and len(a.answer) <= 600


@pytest.mark.parametrize("q,abbr,long", [
    # the terms named before the asking sentence are where it stands, not what is asked
    ("Im Teil zu U25 werden BvB, BaE und EQ genannt. Wofür steht EQ?", "EQ", "Einstiegsqualifizierungen"),
    # where the long form is to be found asks nothing more ("laut Legende", "according to the glossary")
    ("What does EGZ stand for according to the glossary?", "EGZ", "Eingliederungszuschuss"),
    ("Die Abkürzung AGS kommt in 5.3 oft vor. Was heißt die laut Glossar?", "AGS", "Arbeitgeber-Service"),
])
def test_glossary_question_gets_only_the_term_it_asks_for(assistant, q, abbr, long):
    a = assistant.ask(q)
    assert a.kind == "glossary" and a.answer.startswith(f"{abbr} steht für „{long}“.")
    assert a.answer.count("steht für") == 1


@pytest.mark.parametrize("q,abbrs", [
    ("How many people were unemployed but not long-term in 2021?", []),  # "but" is not BuT
    ("wie viel mag das sein", []),                                        # "mag" is not MAG
    ("Wie viele Kinder bekommen Leistungen aus dem BuT?", ["BuT"]),       # typed with its capitals
    ("what does win stand for", ["WIN"]),                                 # asked about as a term
    ("mag?", ["MAG"]),                                                    # alone
    ("Is the jobcenter described as a joint institution?", []),          # two words "as a" are no AsA
    ("what is asa flex", ["AsA"]),
])
def test_everyday_words_name_a_term_only_when_meant(assistant, q, abbrs):
    assert [t.abbr for t in assistant.lookup.find_in(q)] == abbrs


@pytest.mark.parametrize("q", ["Wann soll das BOZ eröffnen?", "Who runs LAiKA?", "Welche Stadt bekommt das BOZ?",
                               "How is FbW funded?"])
def test_when_who_or_how_question_naming_a_term_is_not_a_glossary_question(assistant, q):
    assert assistant.ask(q).kind != "glossary"


def test_every_legende_term_answers_its_common_questions(assistant):
    # the whole Legende, asked as staff ask: German, English in lower case, and bare
    seen, wrong = set(), []
    for t in assistant.glossary:
        if t.source != "legende" or t.abbr in seen:
            continue
        seen.add(t.abbr)
        for q in (f"Was bedeutet {t.abbr}?", f"what does {t.abbr.lower()} stand for", f"{t.abbr}?"):
            a = assistant.ask(q)
            if a.kind != "glossary" or f"„{t.long}“" not in a.answer:
                wrong.append(q)
    assert len(seen) >= 50 and wrong == []


@pytest.mark.parametrize("q,noun", [
    ("Wie viele neue Mitarbeiter gab es?", "Mitarbeiter"),
    ("Warum sinkt die Zahl?", None),
    ("Wie viele Personen waren langzeitarbeitslos?", None),  # people say nothing of what is counted
    # ... unless they work at the jobcenter: its staff
    ("Wie viele Leute arbeiten bei uns?", "Mitarbeiter"),
    ("Wie viele Menschen sind im Jobcenter beschäftigt?", "Mitarbeiter"),
    ("Wie viele Personen hat das Jobcenter in Arbeit gebracht?", None),
    ("An wie vielen Standorten ist das Jobcenter vertreten?", "Standorten"),  # the dative counts too
])
def test_counted_noun(q, noun):
    assert counted_noun(q) == noun


def test_bridge_words_are_words_of_the_programme(assistant):
    # a German word the keyword index does not know would search for nothing
    unknown = [(en, de) for en, german in EN_DE.items() for de in german.split() if not assistant.chunk_kw.knows(de)]
    assert unknown == []
    assert len(EN_DE) > 1500 and EN_DE["reluctant"] == "zurückhaltend Zurückhaltung"


@pytest.mark.parametrize("q,text,section", [
    # "expecting" reaches "rechnen" (was 5.1.4's risks of 2022)
    ("Are we expecting a wave of new applicants in 2022?", "keiner nachhaltigen Änderung der Kundenvolumen", "5.2"),
    # "benefits" reaches 6.7's "Förderleistungen" (was the Vorwort)
    ("A client on benefits wants to start a business - will we fund that?", "absolute Einzelfälle beschränkt", "6.7"),
    # "afraid" reaches "befürchten" (was the sentence introducing BÜA)
    ("What is the jobcenter afraid of with the BÜA school project?", "unerwünschten Qualitätseinbußen", "5.4.4.1"),
])
def test_english_words_reach_the_programmes_inflected_forms(assistant, q, text, section):
    # the bridge gives an English word the forms the stemmer does not join ("Leistungsbeziehenden"
    # beside "Leistungsbezieher", "rechnet" beside "erwarten")
    assert _answered(assistant.ask(q), "passage", text, section)


def test_a_mini_job_in_the_singular_is_bridged(assistant):
    # "mini-job" reaches "geringfügigen" as "mini-jobs" did (was the women's Integrationsquote 16,44%)
    a = assistant.ask("About what percentage of women on benefits work in more than a mini-job?")
    assert a.kind == "fact" and "ca. 15% befinden sich in einer mehr als geringfügigen" in a.answer


def test_two_english_words_for_one_compound_are_bridged_together():
    from assistant.lexicon import bridge
    # not "Eingliederung" and "Budget", which name MABE's row of the budget table
    assert bridge("What is the integration budget for 2022?") == "Eingliederungstitel Eingliederungstitels"
    assert bridge("integration and budget") == "Eingliederung Integration Budget Mittel Betrag"


@pytest.mark.parametrize("q", ["How many people are long-term unemployed?",
                               "How many people are long term unemployed?"])
def test_the_long_term_unemployed_are_not_the_long_term_benefit_recipients(assistant, q):
    from assistant.lexicon import bridge
    # "long-term" alone is both (and more); the phrase is the Langzeitarbeitslose only (was LZB's 4.170)
    german = bridge(q).split()
    assert "Langzeitarbeitslose" in german and "Langzeitleistungsbezieher" not in german
    a = assistant.ask(q)
    assert a.kind == "fact" and "Langzeitarbeitslose (Arbeitslose)" in a.answer and "4.170" not in a.answer


def test_each_word_of_a_two_word_entry_is_bridged(assistant):
    from assistant.lexicon import bridged_words
    # "managing" alone has no entry; "managing director" is the Geschäftsführer
    assert {"managing", "director"} <= bridged_words("What is the name of the managing director?")
    # half of its topic words unknown and no close passage made the question out of scope
    a = assistant.ask("Could you tell me the name of our managing director?")
    assert a.kind == "passage" and "Gregor Vick" in a.answer


def test_a_hyphenated_english_entry_typed_as_two_words_is_bridged():
    from assistant.lexicon import bridge, bridged_words
    assert "Teilzeit" in bridge("Who can only work part time?").split()  # the entry is "part-time"
    assert {"part", "time"} <= bridged_words("Who can only work part time?")
    assert "Teilzeit" not in bridge("Which part of the time?").split()  # two words apart are no entry


def test_an_english_singular_is_bridged_by_its_plural_entry():
    from assistant.lexicon import english_entry, german_for
    assert english_entry("region") == "regions" and "Region" in german_for("region").split()
    assert english_entry("partner") == "partners" and english_entry("regions") == "regions"
    assert german_for("live") == ""  # "go live" is no form of "lives" ("Leben")


def test_an_inflected_english_word_is_bridged_by_its_base_form(assistant):
    from assistant.lexicon import bridged_words, english_entry
    assert english_entry("fills") == "fill" and english_entry("vacancies") == "vacancies"  # listed itself
    assert english_entry("commutes") == "commute" and english_entry("is") is None
    assert "fills" in bridged_words("Who fills the vacancies?")
    # "fills" was no word of the programme: 3 of 5 words covered and a weak match made it out of scope
    a = assistant.ask("Which candidates does the employer service put forward first when it fills job openings?")
    assert a.kind == "passage" and "vorzugsweise Kunden des Jobcenters" in a.answer



def test_every_check_of_an_english_word_reads_the_bridge_through_its_base_form(assistant):
    from assistant.cues import asked_noun
    from assistant.lexicon import german_for
    assert german_for("certificates") == german_for("certificate") != "" and german_for("is") == ""
    assert german_for("marketing") and not german_for("marketing", noun=True)  # "market" is no noun of it
    # "certificates" only in its singular: the counted noun was the English stem "certific", in no sentence
    assert asked_noun("How many certificates were issued?").heads == ("schulabschlu", "hauptschulabschlu",
                                                                      "abschlussorientie")
    assert assistant._needs_no_correction("certificates")

def test_how_long_is_answered_by_a_span_written_as_an_adjective(assistant):
    # "mehrstündige Pendelzeiten" names no calendar word: the passage was refused as naming no time
    a = assistant.ask("How long do commutes within the county take for some people?")
    assert a.kind == "passage" and "mehrstündige Pendelzeiten" in a.answer
    # a span is no date: "Bis wann ...?" still needs one
    from assistant.cues import misses_what_is_asked
    assert misses_what_is_asked("Bis wann gibt es die Pendelzeiten?", "teils mehrstündige Pendelzeiten")
    assert not misses_what_is_asked("Wie lange dauern die Pendelzeiten?", "teils mehrstündige Pendelzeiten")


def test_how_many_weeks_asks_for_a_span_a_passage_states(assistant):
    # "der jeweils 12-wöchigen Projektteilnahme" is no figure of the tables: both were refused
    a = assistant.ask("Wie viele Wochen dauert die Teilnahme an der AGS-Intensivbetreuung?")
    assert a.kind == "passage" and "12-wöchigen" in a.answer
    a = assistant.ask("How many months can young people stay in LAiKA?")
    assert a.kind == "passage" and "12-monatiges" in a.answer
    from assistant.cues import misses_what_is_asked
    assert not misses_what_is_asked("Wie lange dauert die Teilnahme?", "während der jeweils 12-wöchigen Teilnahme")
    assert misses_what_is_asked("Wie lange dauert die Teilnahme?", "bei 25-jährigen Teilnehmern")  # an age
    # "bis zu" before a count of something else is no span; before a span or a date it is one
    assert misses_what_is_asked("Wie lange dauert die BvB?", "Es werden bis zu 50 Plätze vorgehalten.")
    assert not misses_what_is_asked("Wie lange dauert die BvB?", "ein bis zu 12-monatiges Angebot")
    assert not misses_what_is_asked("Wie lange dauert die BvB?", "Sie läuft bis zum Sommer.")
    # a span of something else is no answer ("in den nächsten sechs Monaten" of the Integrationsprognose),
    # nor the 21 months of the Langzeitleistungsbezug for a training that states none
    assert assistant.ask("Für wie viele Monate wird Einstiegsgeld höchstens gezahlt?").kind == "none"
    assert assistant.ask("Wie viele Monate dauert die Ausbildung bei BaE?").kind == "none"
    # nor is a table's count of places one ("How long ...?" got BaE's 18 Neueintritte)
    assert assistant.ask("How long do the BaE places last?").kind == "none"


def test_a_caseworkers_abbreviation_the_legende_lacks_reaches_the_programmes_words(assistant):
    from assistant.lexicon import bridged_words, written_forms
    assert "Unterkunft" in written_forms("Prüfung der KdU- und Vermögensfragen").split()  # not "kdu-"
    assert "kdu" in bridged_words("Was ist mit der KdU-Prüfung?")
    # was refused: "KdU" is no word of the programme, which writes "Kosten für Unterkunft und Heizung"
    a = assistant.ask("Was ändert sich 2022 bei der Prüfung der KdU?")
    assert a.kind == "passage" and "Kosten für Unterkunft und Heizung" in a.answer and a.citations[0].section == "7"


def test_the_year_a_project_began_is_not_the_year_of_its_figures(assistant):
    from assistant.cues import of_own_time
    assert "2020" not in of_own_time("Das seit 2020 laufende Projekt ... So wurden in 2021 ...", "in 2020?")
    assert "2020" in of_own_time("Seit Ende 2020 reduzierte sich die Zahl von 6.714 auf 6.418.", "in 2020?")
    # "Das seit 2020 laufende Projekt ... in 2021 ... circa einem Drittel": a share of 2021, not of 2020
    a = assistant.ask("What share of participants did the AGS intensive support place in 2020?")
    assert a.kind == "none"
    a = assistant.ask("What share of participants did the AGS intensive support place in 2021?")
    assert a.kind == "passage" and "circa einem Drittel" in a.answer


def test_english_part_time_reaches_the_offers_for_part_time_needs(assistant):
    a = assistant.ask("what does the jobcenter do for single mothers who can only work part time")
    # was 5.5's "Die Quote der leistungsbeziehenden Frauen ... gut 52%" alone
    assert a.kind == "passage" and "Teilzeitbedarf" in a.answer and a.citations[0].section == "5.5"


def test_money_moved_into_the_admin_budget_is_the_umschichtungsbetrag(assistant):
    a = assistant.ask("How much money is being moved over from the integration budget into the admin budget?")
    assert a.kind == "fact" and "2.277.250 €" in a.answer  # was the Verwaltungsbudget's 9.462.259 €


def test_the_integration_budget_is_the_eingliederungstitel(assistant):
    a = assistant.ask("What is the integration budget for 2022?")  # was MABE's 1.458.000 €
    assert a.kind == "fact" and "7.711.743 €" in a.answer


@pytest.mark.parametrize("q,number,words,rest", [
    ("Was steht in Abschnitt 6.4?", "6.4", "", "Was steht?"),
    ("Worum geht es in Kapitel 5?", "5", "", "Worum geht es?"),
    ("What does section 6.7 say about self-employed people?", "6.7", "", "What does say about self-employed people?"),
    ("Was steht unter 5.4.2 zu LAiKA?", "5.4.2", "", "Was steht zu LAiKA?"),
    ("Worauf können sich die Bürger laut Vorwort verlassen?", None, "Vorwort", "Worauf können sich die Bürger verlassen?"),
    ("Which jobs are most at risk according to the training section?", None, "training", "Which jobs are most at risk?"),
])
def test_section_reference(q, number, words, rest):
    ref = section_reference(q)
    assert (ref.number, ref.words, ref.rest) == (number, words, rest)


@pytest.mark.parametrize("q,position,rest", [
    ("Was steht ganz am Anfang des Programms über das Jobcenter?", "first", "Was steht über das Jobcenter?"),
    ("Which aims of the SGB II are named at the beginning of the document?", "first",
     "Which aims of the SGB II are named?"),
    ("Wem dankt der Geschäftsführer am Ende des AMIP?", "last", "Wem dankt der Geschäftsführer?"),
    ("What is said at the very end of the programme about the pandemic?", "last",
     "What is said about the pandemic?"),
])
def test_a_section_named_by_its_place_in_the_document(q, position, rest):
    ref = section_reference(q)
    assert (ref.number, ref.words, ref.position, ref.rest) == (None, "", position, rest)


def test_the_start_and_the_end_of_the_programme_are_its_first_and_last_sections(assistant):
    # was 2.1's "Hierbei kommt dem Ansatz des SGB II hohe Bedeutung zu ..."
    a = assistant.ask("Which aims of the SGB II are named at the beginning of the document?")
    assert a.citations[0].section == "Vorwort" and "zentralen Anliegen" in a.answer
    # the Schlussbemerkung (8), not the Legende that follows it
    a = assistant.ask("What is said at the very end of the programme about the pandemic?")
    assert a.kind == "passage" and a.citations[0].section == "8"
    assert section_reference("What happened at the end of the year?") is None  # a time, not a place


@pytest.mark.parametrize("q", [
    "Wie viele Eintritte nach section 16i SGB II?", "Was gilt nach § 16e?", "Jobcoaches seit dem 01.07.2019",
    "In 1.576 Fällen?", "What does the part about implementation risks say?",
])
def test_not_a_section_reference(q):
    # a paragraph of a law, a date, a figure, a description of content
    assert section_reference(q) is None


def test_a_term_naming_a_section_asks_nothing_of_the_term(assistant):
    # "the FbW chapter" says where; its glossary entry was the answer (and "Kernpunkte", a word the
    # programme never uses, made the German question out of scope)
    for q in ["The FbW chapter is quite long – what are its main points?",
              "Der Abschnitt über FbW ist lang – was sind die Kernpunkte?"]:
        a = assistant.ask(q)
        assert a.kind == "passage" and a.citations[0].section == "6.4", q
    assert assistant.ask("Wofür steht abH im Kapitel über U25?").kind == "glossary"


def test_question_about_a_section(assistant):
    opening = assistant.ask("Was steht in Abschnitt 6.4?").to_dict()
    assert opening["kind"] == "passage" and [c["section"] for c in opening["citations"]] == ["6.4"]
    assert opening["answer"].startswith("„„Qualifizierung ist der beste Schutz vor Arbeitslosigkeit“")
    # the rest of the question is searched in the named part only (elsewhere it found 6.7)
    topic = assistant.ask("Was sagt das Vorwort über die Vernetzung?").to_dict()
    assert topic["citations"][0]["section"] == "Vorwort" and "Die Vernetzung des Jobcenters" in topic["answer"]
    figure = assistant.ask("Wie viele Arbeitslose gab es laut Abschnitt 3 im November 2021?").to_dict()
    assert figure["kind"] == "fact" and "2.685" in figure["answer"] and figure["citations"][0]["section"] == "3"
    english = assistant.ask("What does the section on women say about part-time training?").to_dict()
    assert english["citations"][0]["section"] == "5.5" and "Teilzeit" in english["answer"]
    missing = assistant.ask("Was steht in Abschnitt 9.9?").to_dict()
    assert missing["kind"] == "none" and "Abschnitt 9.9" in missing["answer"]


@pytest.mark.parametrize("typed,question", [
    ("Hallo, kurze Frage: wofür steht MAbE?", "Wofür steht MAbE?"),
    ("Hallo! Ich bin neu hier und habe eine Frage: Was ist AgiL?", "Was ist AgiL?"),
    ("I'm new on the team. meaning of EGZ", "Meaning of EGZ"),
    ("Guten Morgen, wie viele Eintritte sind geplant? Vielen Dank im Voraus!", "Wie viele Eintritte sind geplant?"),
    ("hey, what's lzb? thx", "what's lzb?"),                       # typed in lower case: left so
    ("Wie hoch ist der Dank?", "Wie hoch ist der Dank?"),           # words of the question stay
    ("Frage zu FbW: wie viele Eintritte?", "Frage zu FbW: wie viele Eintritte?"),
    ("Hallo", ""),
])
def test_without_chatter(typed, question):
    assert without_chatter(typed) == question


def test_chat_around_a_question_changes_no_answer(assistant):
    # before: "Hallo, kurze Frage: wofür steht MAbE?" was answered with a passage, not the glossary
    for typed, plain in [("Hallo, kurze Frage: wofür steht MAbE?", "Wofür steht MAbE?"),
                         ("Ich bin neu im Team. Was bedeutet BCA?", "Was bedeutet BCA?"),
                         ("Hi, quick question: how many new EGZ entries are planned for 2022? Thanks!",
                          "How many new EGZ entries are planned for 2022?")]:
        a, b = assistant.ask(typed).to_dict(), assistant.ask(plain).to_dict()
        assert (a["kind"], a["answer"], a["citations"]) == (b["kind"], b["answer"], b["citations"]) and a["kind"] != "none"
        assert a["question"] == typed
    for chat in ("Hallo", "Danke!", "Hallo, ich bin neu hier"):  # was answered with some passage
        a = assistant.ask(chat).to_dict()
        assert a["kind"] == "none" and a["answer"].startswith("Stellen Sie gern eine Frage") and a["question"] == chat


@pytest.mark.parametrize("typed,read", [
    ("ELB im 09/2019", "ELB im September 2019"), ("Arbeitslose 11.2020?", "Arbeitslose November 2020?"),
    ("in 9/2021", "in September 2021"), ("im Aug. 2019", "im August 2019"), ("Sep 2021 und Nov 2020", "September 2021 und November 2020"),
    ("Aug.", "Aug."),
    ("seit dem 01.07.2019", "seit dem 01.07.2019"), ("1.576 Eintritte", "1.576 Eintritte"),  # a date, a figure
    ("2021/2022", "2021/2022"), ("13/2021", "13/2021"),
])
def test_months_by_number(typed, read):
    assert with_month_names(typed) == read


def test_month_by_number_finds_the_figure(assistant):
    # the statistics' way of naming a month (was refused: no "November" in the question)
    a = assistant.ask("Wie viele Arbeitslose gab es im 11/2021?").to_dict()
    assert a["kind"] == "fact" and "2.685" in a["answer"] and a["citations"][0]["section"] == "3"


def test_asking_to_be_told_about_a_topic(assistant):
    # "Erzähl mir was über Neukunden" was refused: "Erzähl" and "mir" counted as words the programme lacks
    for q, section in [("Erzähl mir was über Neukunden", "5.2"), ("Erzähl mir was über Selbstständige", "6.7")]:
        a = assistant.ask(q)
        assert a.kind == "passage" and a.citations[0].section == section, q
    assert assistant.ask("Erzähl mir was über Fußball").kind == "none"


@pytest.mark.parametrize("q,section", [
    ("Infos zu Neukunden", "5.2"), ("Selbstständige", "6.7"),
    ("Was sagt das Programm zu Intensivbetreuung von marktnäheren Kunden durch den Arbeitgeber-Service?", "5.3"),
])
def test_a_section_named_by_its_title_gets_its_opening(assistant, q, section):
    a = assistant.ask(q)
    opening = assistant.ask(f"Was steht in Abschnitt {section}?")
    assert a.kind == "passage" and a.citations[0].section == section and a.answer == opening.answer


def test_a_table_rows_label_still_asks_for_its_figures(assistant):
    # "FbW (Förderung der beruflichen Weiterbildung)" is both a row of 1.2 and nearly the title of 6.4
    a = assistant.ask("FbW (Förderung der beruflichen Weiterbildung)")
    assert a.kind == "fact" and "785.000 €" in a.answer



def test_a_question_naming_a_sections_title_is_answered_from_it(assistant):
    # "Lokale Ziele" is the title of 2.2; without the title's weight 2.1's Bundesziele won
    a = assistant.ask("Was plant das Jobcenter bei Lokale Ziele?")
    assert a.kind == "passage" and a.citations[0].section == "2.2"


def test_words_naming_the_programme_do_not_search(assistant):
    # "programme" matched the Vorwort ("Die Vernetzung des Jobcenters ...") before the migrants of 5.6
    a = assistant.ask("What does the programme say about migrants?")
    assert a.kind == "passage" and a.citations[0].section == "5.6"
    from assistant.cues import without_document_words
    assert without_document_words("Was sagt das Programm zu Neukunden?") == "Was sagt das zu Neukunden?"
    assert without_document_words("Wie viele Maßnahmen aus dem Arbeitsmarktprogramm?") == \
        "Wie viele Maßnahmen aus dem Arbeitsmarktprogramm?"  # a part of the programme's content


def test_what_is_planned_asks_for_plans_not_a_figure(assistant):
    a = assistant.ask("What is planned for women?")
    assert a.kind == "passage" and a.citations[0].section == "5.5"  # was a figure of 2.1's target table
    assert assistant.ask("planned FbW entries").kind == "fact"



@pytest.mark.parametrize("q", [
    "Wie viel Prozent der Leistungsbeziehenden sind Frauen?",
    "Welchen Anteil haben Frauen an allen Leistungsbeziehenden?"])
def test_a_share_among_all_is_not_the_share_in_a_narrowed_group(assistant, q):
    # "Hinsichtlich des Status § 10 SGB II sind Frauen mit 68% ..." counts only those with that status
    a = assistant.ask(q)
    assert a.kind == "fact" and "gut 52%" in a.answer and "68%" not in a.answer
    assert a.citations[0].section == "5.5"


def test_a_question_naming_the_narrowed_group_gets_its_figure(assistant):
    a = assistant.ask("Wie hoch ist der Frauenanteil beim Status nach § 10 SGB II?")
    assert a.kind == "fact" and "68%" in a.answer


def test_framed_by():
    assert framed_by("Hinsichtlich des Status § 10 SGB II sind Frauen mit 68% überrepräsentiert.") \
        == {"statu", "10", "sgb", "ii"}
    assert framed_by("Die Quote der leistungsbeziehenden Frauen beträgt gut 52%.") == frozenset()


def test_an_english_placement_rate_is_the_integrationsquote(assistant):
    a = assistant.ask("What placement rate does the jobcenter aim for?")  # was the case managers' "ca. 19%"
    assert a.kind == "fact" and "25,4 %" in a.answer and a.citations[0].section == "2.1"


def test_an_undated_sentence_is_not_of_a_year_long_before_the_programme(assistant):
    # the case managers' "Integrationsquote von ca. 19%" names no year: it is of 2021, not of 2017
    a = assistant.ask("What placement rate did the jobcenter have in 2017?")
    assert a.kind == "none" and "2017" in a.answer


@pytest.mark.parametrize("q", ["Wie hoch ist das Budget für Reha?", "Was ist das Budget für Reha?"])
def test_a_figure_of_a_section_titled_by_the_asked_noun_answers_when_the_best_one_never_names_it(assistant, q):
    # was refused: the best figure, 1.2's Verwaltungsbudget, stands where Reha is never named; 6.5,
    # "Schwerbehinderte und Reha", states the budget (in English it was found already)
    a = assistant.ask(q)
    assert _answered(a, "fact", "ein Budget von 330.000 € eingeplant", "6.5")


@pytest.mark.parametrize("q", [
    "What amount is budgeted for Gatekeeper U25 this year?",  # was the budget table's "Gesamt" row
    "How much funding does the Gatekeeper U25 project get in 2022?"])  # was FbW's ca. 150 places
def test_a_budget_row_is_no_answer_for_a_project_its_section_never_names(assistant, q):
    assert assistant.ask(q).kind == "none"


def test_a_row_named_by_its_abbreviation_still_answers_its_long_form(assistant):
    a = assistant.ask("Wie viel Geld ist fürs Einstiegsgeld eingeplant?")  # the row says "ESG (Einstiegs geld)"
    assert a.kind == "fact" and "80.000 €" in a.answer


def test_a_figure_from_a_section_not_naming_the_asked_portal_is_no_answer(assistant):
    # "Aktuell betreuen wir 115 Kundinnen und Kunden ..." (3) never names jobcenter.digital
    assert assistant.ask("How many clients already use jobcenter.digital?").kind == "none"
    a = assistant.ask("Was wird 2022 bei jobcenter.digital neu möglich?")
    assert a.kind == "passage" and "Erstanträge" in a.answer


def test_a_term_only_the_legende_spells_out_gets_no_passage(assistant):
    # BCA stands in the Legende alone: a passage found for "Wer ist unsere BCA?" is about something else
    assert assistant.ask("Wer ist unsere BCA?").kind == "none"
    assert assistant.ask("Was bedeutet BCA?").kind == "glossary"


def test_a_german_word_the_table_section_lacks_still_names_a_row(assistant):
    # "Staatsangehörigkeit" stands nowhere in 3, but asks for the row "Ausländer": only a name (no
    # German word, "Gatekeeper") the section never uses makes a row no answer
    a = assistant.ask("Wie viele Arbeitslose mit ausländischer Staatsangehörigkeit gab es im November 2021?")
    assert a.kind == "fact" and "848" in a.answer


def test_a_share_row_matching_only_the_word_share_is_no_answer(assistant):
    # the rows naming foreign clients are counts; the Integrationsquote's 25,4 % matched "share" alone
    a = assistant.ask("Roughly what share of our clients with a foreign passport came here as refugees?")
    assert a.kind == "fact" and "mehr als die Hälfte dem Kontext „Flucht“" in a.answer
    assert a.citations[0].section == "5.6"
    # a share whose row names what is asked is still the table's ("Integrationsquote (davon Frauen)")
    a = assistant.ask("What integration rate is planned for women in 2022?")
    assert a.kind == "fact" and "16,44" in a.answer


@pytest.mark.parametrize("q", [
    "Welcher Anteil der leistungsbeziehenden Frauen ist aus anderen Gründen vorübergehend nicht arbeitslos, "
    "zum Beispiel wegen Krankheit?",
    "Welcher Anteil der Frauen ist vorübergehend nicht arbeitslos, z.B. wegen eines Kurses oder einer Erkrankung?"])
def test_the_askers_examples_name_no_subject_of_a_figure(assistant, q):
    # "Krankheit", "Erkrankung" are the asker's words for the programme's "Arbeitsunfähigkeit": both were refused
    a = assistant.ask(q)
    assert a.kind == "fact" and "ca. 13% sind aus anderen Gründen" in a.answer and a.citations[0].section == "5.5"


@pytest.mark.parametrize("q", ["Wie viele Bedarfsgemeinschaften sicherten die Geldleistungen 2021?",
                               "Was bedeutet SGB?"])
def test_a_part_named_by_its_heading_is_named_once(assistant, q):
    # the Vorwort has no number: "— Vorwort.", "Im Programm (Vorwort)" (was "Abschnitt Vorwort Vorwort")
    a = assistant.ask(q)
    assert "Vorwort" in a.answer and "Vorwort Vorwort" not in a.answer and "Abschnitt Vorwort" not in a.answer
