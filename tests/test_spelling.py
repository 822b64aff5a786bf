"""Typing errors: a word nobody knows is read as the programme's word one edit away."""
from __future__ import annotations

import pytest

from assistant.spelling import Speller, within_one_edit


@pytest.mark.parametrize("a,b,close", [
    ("verwaltung", "verwaltung", True),
    ("verwalutng", "verwaltung", True),   # two neighbours swapped
    ("verwaltng", "verwaltung", True),    # a letter left out
    ("verwalltung", "verwaltung", True),  # a letter too many
    ("verwaltunk", "verwaltung", True),   # a letter changed
    ("vewalutng", "verwaltung", False),   # two errors
    ("verwaltung", "verwaltungen", False),
])
def test_within_one_edit(a, b, close):
    assert within_one_edit(a, b) is close and within_one_edit(b, a) is close


@pytest.fixture(scope="module")
def speller():
    text = ("Das Verwaltungsbudget beträgt 9.462.259 €. Die Videoberatung wird genutzt. Arbeitslose Arbeitslose "
            "Teilhabe Leistungen Förderinstrument Kammern")
    return Speller([text], english=["unemployed", "customers"], known=lambda w: w.lower() in {"budget"})


@pytest.mark.parametrize("typed,read", [
    ("Wie hoch ist das Verwalutngsbudget?", "Wie hoch ist das Verwaltungsbudget?"),
    ("arbeitslsoe im november", "arbeitslose im november"),          # typed in lower case, kept so
    ("How many unemplooyed custmoers?", "How many unemployed customers?"),
    ("Wird die Videobeatung genutzt?", "Wird die Videoberatung genutzt?"),
    ("Teilhabeleisungen?", "Teilhabeleistungen?"),                    # the part with the error, in a compound
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
])
def test_words_left_alone(speller, typed):
    assert speller.correct(typed) == typed


@pytest.mark.parametrize("typed,original", [
    ("Wie hoch ist das Verwalutngsbudget 2022?", "Wie hoch ist das Verwaltungsbudget 2022?"),
    ("Wie viele Arbeitslsoe gab es im November 2021?", "Wie viele Arbeitslose gab es im November 2021?"),
    ("How many unemplooyed men in November 2021?", "How many unemployed men in November 2021?"),
    ("Wird die Videobeatung über Skype gut genutzt?", "Wird die Videoberatung über Skype gut genutzt?"),
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
