"""English -> German (and everyday -> written German) bridge words for the keyword side of search.

The embedder is multilingual, but BM25 only matches German words; these words let "budget for
rehab" reach "Reha" and "Budget". The ~2,000 entries of en_de.tsv were written from the
programme's own vocabulary (its frequent content words, each with the English a caseworker would
type, inflections and both spellings); every German word there is one the keyword index knows
(a test checks it). An entry also lists the forms the stemmer does not join to its first words
("recipients": "Leistungsbeziehenden" beside "Leistungsbezieher"; "expecting": "rechnen"), found
among the programme's words that no English word reached.
An English word found there also counts as one the programme knows (see Assistant._out_of_scope).
An English question's dense vector gets the first German words of each (Assistant._query_vectors).
An entry of two words ("integration budget") stands for one compound ("Eingliederungstitel") and
is read before the single words. A hyphenated entry is also found typed as two words ("part time"
for "part-time"), beside the words' own entries.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Optional

from .keyword import fold


def _load_en_de() -> dict[str, str]:
    """en_de.tsv: one "english<TAB>German words" a line; "#" starts a comment line."""
    out = {}
    for line in (Path(__file__).parent / "en_de.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            english, _, german = line.partition("\t")
            out[english] = german
    return out


EN_DE = _load_en_de()
# Two English words for one German compound ("integration budget": "Eingliederungstitel"); the words
# of such a phrase are not translated one by one as well ("Eingliederung", "Budget" name other rows)
_PHRASES = {english: german for english, german in EN_DE.items() if " " in english}
# a phrase's hyphenated word typed as two ("long term unemployed" for "long-term unemployed")
_PHRASES |= {spaced: german for english, german in _PHRASES.items()
             if (spaced := english.replace("-", " ")) not in _PHRASES}
_PHRASE = re.compile(r"\b(" + "|".join(sorted(map(re.escape, _PHRASES), key=len, reverse=True)) + r")\b", re.I) \
    if _PHRASES else None

# Everyday German for words the programme writes formally; a caseworker types "Leute", the text
# says "Personen", and "weibliche Arbeitslose" for the table's "Frauen". (Keys folded: "mannliche".)
_COLLOQUIAL = {"Personen Menschen": "leute leuten",
               "Frauen": "weiblich weibliche weiblichen weiblicher",
               "Männer": "männlich männliche männlichen männlicher",
               "akademische Ausbildung": "akademiker akademikerin akademikerinnen akademikern studium studierte "
                                        "studierten hochschulabschluss hochschulabschlüssen studienabschluss",
               "abgeschlossene Berufsausbildung": "berufsabschluss berufsabschlüsse berufsabschlüssen",
               "Arbeitsgelegenheiten": "ein-euro-job ein-euro-jobs ein-euro-jobber",
               "Geld": "kohle knete",
               "Mitarbeiter": "kollege kollegen kollegin kolleginnen",
               "Geschäftsführer": "chef chefin chefs",
               # abbreviations of SGB II work the Legende does not list: a caseworker's "KdU" is the
               # programme's "Kosten für Unterkunft und Heizung" (LUH)
               "Unterkunft Heizung LUH": "kdu",
               "Eingliederungsvereinbarung": "egv",
               "Integrationsfachkräfte": "ifk",
               # "Unter welchem Leitsatz steht ...?": the programme says "Motto" and "Maxime"
               "Motto Maxime": "leitsatz leitsatzes leitspruch leitspruchs leitbild leitbildes devise "
                               "credo slogan leitgedanke leitgedanken"}
COLLOQUIAL_DE = {fold(word): written for written, typed in _COLLOQUIAL.items() for word in typed.split()}

# (a word, hyphens inside: "part-time"; not the hyphen of "KdU- und Vermögensprüfung")
_TOKEN = re.compile(r"[A-Za-zÄÖÜäöüß](?:[A-Za-zÄÖÜäöüß\-]*[A-Za-zÄÖÜäöüß])?")
# A hyphenated entry typed as two words ("part time", "single parents"): the pair is looked up as well
_SPACED = {english.replace("-", " "): english for english in EN_DE if english.count("-") == 1}
_WORD_PAIR = re.compile(r"(?=\b([A-Za-z]+\s+[A-Za-z]+)\b)")


def _spaced_entries(question: str) -> list[str]:
    """The hyphenated entries a question types as two words: ["part-time"] for "work part time"."""
    return [_SPACED[key] for m in _WORD_PAIR.finditer(question)
            if (key := " ".join(m.group(1).lower().split())) in _SPACED]


_INFLECTIONS = (("ies", "y"), ("es", ""), ("s", ""), ("ied", "y"), ("ed", "e"), ("ed", ""), ("ing", "e"),
                ("ing", ""))
_PLURALS = _INFLECTIONS[:3]


def english_entry(tok: str, noun: bool = False) -> Optional[str]:
    """The bridge's entry for an English word, or for its base form when the bridge lists only that
    ("fills": "fill", "commutes": "commute", "applies": "apply"), or for its plural ("region": "regions");
    None if none is there.

    A word in a noun's place is read only as a plural: "marketing" before "budget" is no form of "market".
    """
    word = tok.lower()
    if word in EN_DE:
        return word
    for ending, base in _PLURALS if noun else _INFLECTIONS:
        base_form = word[:-len(ending)] + base
        if word.endswith(ending) and len(word) - len(ending) >= 3 and base_form in EN_DE:
            return base_form
    for ending, base in _PLURALS:  # "region", "partner": the bridge lists only the plural
        plural = (word[:-len(base)] if base else word) + ending
        if len(word) >= 4 and word.endswith(base) and EN_DE.get(plural):
            return plural
    return None


def german_for(tok: str, noun: bool = False) -> str:
    """The German words the bridge gives an English word, through its base form if need be; "" if none."""
    entry = english_entry(tok, noun)
    return EN_DE[entry] if entry else ""


def _tokens(question: str) -> list[str]:
    """The words of a question, hyphenated ones as typed and, when the bridge has no entry for the
    whole, also as their parts ("KdU-Prüfung": "KdU", "Prüfung"; "part-time" stays one)."""
    out = []
    for tok in _TOKEN.findall(question):
        out.append(tok)
        if "-" in tok and not english_entry(tok) and fold(tok) not in COLLOQUIAL_DE:
            out.extend(part for part in tok.split("-") if part)
    return out


def _programme_words_for(tok: str, english: bool = True) -> str:
    """The programme's words for one word of a question: an English one (with english) or an
    everyday German one; "" for any other word."""
    return (german_for(tok) if english else "") or COLLOQUIAL_DE.get(fold(tok)) or ""


def bridged_words(question: str) -> set[str]:
    """The lower-case words of a question the bridge translates, each part of a hyphenated
    entry too ("part-time" covers "part" and "time"), each word of a two-word entry ("managing director")."""
    out = set()
    if _PHRASE is not None:
        for m in _PHRASE.finditer(question):
            out.update(m.group(1).lower().split())
    for tok in _tokens(question):
        if english_entry(tok) or fold(tok) in COLLOQUIAL_DE:
            out.update(tok.lower().split("-"))
    for english in _spaced_entries(question):
        out.update(english.split("-"))
    return out


def written_forms(question: str) -> str:
    """The programme's words for the everyday German words of a question ("Ein-Euro-Job":
    "Arbeitsgelegenheiten"), or ""."""
    return " ".join(filter(None, (_programme_words_for(tok, english=False) for tok in _tokens(question))))


def bridge(question: str, first: Optional[int] = None) -> str:
    """German words for the English domain words and the everyday German words of a question; with
    `first`, only that many of each word's German words (the bridge lists its translation first)."""
    out = []
    if _PHRASE is not None:
        for m in _PHRASE.finditer(question):
            out.append(" ".join(_PHRASES[m.group(1).lower()].split()[:first]))
        question = _PHRASE.sub(" ", question)
    for tok in _tokens(question) + _spaced_entries(question):
        de = _programme_words_for(tok)
        if de:
            out.append(" ".join(de.split()[:first]))
    return " ".join(out)
