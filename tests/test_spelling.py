"""Typing errors: a word nobody knows is read as the programme's word one edit away."""
from __future__ import annotations

from pathlib import Path

import pytest

from assistant.evaluate import is_correct, load_questions, run_robustness
from assistant.keyword import content_words
from assistant.spelling import Speller

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def speller():
    text = ("Das Verwaltungsbudget beträgt 9.462.259 €. Die Videoberatung wird genutzt. Arbeitslose Arbeitslose "
            "Teilhabe Leistungen Förderinstrument Kammern Rückübertragung")
    return Speller([text], english=["unemployed", "customers"], known=lambda w: w.lower() in {"budget"})


@pytest.mark.parametrize("typed,read", [
    ("Wie hoch ist das Verwalutngsbudget?", "Wie hoch ist das Verwaltungsbudget?"),
    ("arbeitslsoe im november", "arbeitslose im november"),          # typed in lower case, kept so
    ("How many unemplooyed custmoers?", "How many unemployed customers?"),
    ("What are the aims accordnig to the foreword?", "What are the aims according to the foreword?"),  # as English spells it
    ("Wird die Videobeatung genutzt?", "Wird die Videoberatung genutzt?"),
    ("Teilhabeleisungen?", "Teilhabeleistungen?"),                    # the part with the error, in a compound
    ("Arbeitsloosen", "Arbeitslosen"),                                # a form the text does not use: its stem
    # typed without umlauts: as the programme writes it, or as German does
    ("Modell Rueckuebertragung", "Modell Rückübertragung"), ("jaehrlich gegenueber", "jährlich gegenüber"),
])
def test_typing_errors_are_corrected(speller, typed, read):
    assert speller.correct(typed) == read


@pytest.mark.parametrize("typed", [
    "Wer kümmern sich darum?",        # a German word, not a typo of "Kammern"
    "Jobcenter Stadt Kassel",        # "Stadt" is a word ("Statt" would be one edit away)
    "Was ist MABE?",                  # abbreviations are the glossary's
    "Budget",                         # the indexes know it
    "Wolfhagen",                      # nothing one edit away: left as typed
    "Zrbeitslose",                    # the first letter is not guessed
    "Kreis Werra-Meißner",            # a name German could read as a word ("meiner") stays a name
])
def test_words_left_alone(speller, typed):
    assert speller.correct(typed) == typed


def test_lower_case_read_with_the_programmes_capitals(speller):
    assert speller.with_capitals("wie hoch ist das verwaltungsbudget") == "wie hoch ist das Verwaltungsbudget"
    assert speller.with_capitals("wird die videoberatung genutzt") == "wird die Videoberatung genutzt"
    # a form the programme does not use: a noun's stem ("Förderinstrument") gets the capital
    assert speller.with_capitals("welche förderinstrumente gibt es") == "welche Förderinstrumente gibt es"


@pytest.mark.parametrize("typed,plain", [
    # before: answered with the AGH sentence "Insgesamt sind 136 Eintritte …" and the MAT integration quota
    ("wie viele neueintritte sind 2022 insgesamt geplant", "Wie viele Neueintritte sind 2022 insgesamt geplant?"),
    ("welche maßnahmeart hat 2022 den größten anteil an den geplanten eingliederungsleistungen",
     "Welche Maßnahmeart hat 2022 den größten Anteil an den geplanten Eingliederungsleistungen?"),
])
def test_german_typed_in_lower_case(assistant, typed, plain):
    a, b = assistant.ask(typed).to_dict(), assistant.ask(plain).to_dict()
    assert (a["kind"], a["answer"]) == (b["kind"], b["answer"]) and a["kind"] == "fact"


@pytest.mark.parametrize("typed,original", [
    ("Wie hoch ist das Verwalutngsbudget 2022?", "Wie hoch ist das Verwaltungsbudget 2022?"),
    ("Wie viele Arbeitslsoe gab es im November 2021?", "Wie viele Arbeitslose gab es im November 2021?"),
    ("How many unemplooyed men in November 2021?", "How many unemployed men in November 2021?"),
    ("Wird die Videobeatung über Skype gut genutzt?", "Wird die Videoberatung über Skype gut genutzt?"),
    # (the bare "... den größten Anteil?" is pinned in test_engine: the head of 1.2's row labels names the table)
    ("Welche Massnahmeart hat 2022 den groessten Anteil an den geplanten Eingliederungsleistungen?",
     "Welche Massnahmeart hat 2022 den größten Anteil an den geplanten Eingliederungsleistungen?"),
])
def test_question_with_a_typo_gets_the_answer_of_the_question_meant(assistant, typed, original):
    # before: refused ("keine Angaben") because the misspelt word is unknown to every index
    a, b = assistant.ask(typed).to_dict(), assistant.ask(original).to_dict()
    assert a["read_as"] == original and b["read_as"] is None
    assert (a["kind"], a["answer"], a["citations"]) == (b["kind"], b["answer"], b["citations"])
    assert a["kind"] != "none" and a["question"] == typed


@pytest.mark.parametrize("q", [
    "Wie hoch ist das Eingliederungsbudget des Jobcenters Stadt Kassel?",
    "Wie hoch war der Krankenstand im Jobcenter 2021?",
    "Wie viele Sanktionen hat das Jobcenter 2021 verhängt?",
])
def test_questions_outside_the_programme_stay_refused(assistant, q):
    a = assistant.ask(q).to_dict()
    assert a["kind"] == "none" and a["read_as"] is None


@pytest.mark.parametrize("typed,long", [("VZAe?", "Vollzeitäquivalente"), ("Was bedeutet OePNV", "Personennahverkehr"),
                                        ("BUEA Abkürzung", "Übergang")])
def test_abbreviation_typed_without_umlaut(assistant, typed, long):
    a = assistant.ask(typed).to_dict()
    assert a["kind"] == "glossary" and long in a["answer"]


def test_eval_questions_with_two_letters_swapped(assistant):
    # every answerable question of the evaluation set whose longest word has 8+ letters, with two
    # letters of that word swapped mid-word: 174 of 194 right (175 as written); without the
    # speller such a word is unknown to every index and the question mostly refused
    questions = [q for q in load_questions(ROOT / "tests" / "eval" / "questions.jsonl")
                 if q["kind"] in ("fact", "passage")]
    right = asked = 0
    for q in questions:
        longest = max((w for w in content_words(q["question"]) if len(w) >= 8 and w.isalpha()), key=len, default=None)
        if longest is None:
            continue
        i = len(longest) // 2
        typed = q["question"].replace(longest, longest[:i] + longest[i + 1] + longest[i] + longest[i + 2:], 1)
        asked += 1
        right += is_correct(q, assistant.ask(typed).to_dict())
    assert asked >= 150 and right / asked >= 0.88, (right, asked)


def test_dev_questions_as_people_type_them(assistant):
    # amip eval --typed on dev.jsonl, right as written -> right as typed: umlauts typed out 25 -> 25,
    # greeting and thanks 67 -> 67, months as numbers 6 -> 6, a typo 59 -> 57, lower case 65 -> 64
    # (at 29f5c1c, before the speller and the chat and month reading: 20, 51, 2, 45 and 59).
    # At a4a51c9, on a machine whose near ties fall the other way: 27 -> 27, 70 -> 70, 62 -> 61 and
    # lower case 68 -> 64 (lost: "kümmern" read as a noun the programme lacks; "who is the current
    # federal minister of labour" answered, as "current" is bridged; two passages quote another sentence)
    typed = run_robustness(assistant, load_questions(ROOT / "tests" / "eval" / "dev.jsonl"))
    lost = {name: r["as_written"] - r["typed"] for name, r in typed.items()}
    assert lost["umlaute"] <= 0 and lost["chat"] <= 0 and lost["monat"] <= 0, typed
    assert lost["tippfehler"] <= 3 and lost["klein"] <= 4, typed
