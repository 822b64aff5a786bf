"""Abbreviations: the Legende entries plus "Langform (ABK)" definitions in the text.

Lookup is case-insensitive, merges spellings that share a long form (TSHG/THSG),
tolerates one typo in longer abbreviations and finds the abbreviation inside a
compound ("AsA flex" -> AsA).
"""
from __future__ import annotations

import re
from typing import Callable, Iterable, Optional

from .cues import GLOSSARY_CUE
from .keyword import STOPWORDS, content_words, fold, stem
from .records import Document, GlossaryTerm
from .text import UMLAUTS_SPELT_OUT, normalise_space, split_sentences

LEGENDE_TITLES = re.compile(r"^(legende|glossar|abkürzungsverzeichnis|abkürzungen)$", re.I)
# "ABK – Langform" / "ABK - Langform" / "„ABK“ - Langform"
_ENTRY_RE = re.compile(r"^[„\"]?(?P<abbr>[^\s–„“\"][^–„“\"]{0,24}?)[“\"]?\s+[–-]\s+(?P<long>\S.*)$")
_ABBR_TOKEN = r"[A-Za-zÄÖÜäöüß][A-Za-zÄÖÜäöüß0-9\-]{0,9}(?:\s(?:I{1,3}|IV|V))?"
# "Langform (ABK)", "Langform(ABK)-Betrieb", "Langform (ABK = Erklärung)"
_INLINE_RE = re.compile(r"\((?P<abbr>" + _ABBR_TOKEN + r")(?:\s*=\s*[^)]*)?\)")
# "„ABK“ (= Langform)"
_REVERSE_RE = re.compile(r"[„\"](?P<abbr>" + _ABBR_TOKEN + r")[“\"]\s*\(=\s*(?P<long>[^)]+)\)")


def looks_like_abbreviation(token: str) -> bool:
    letters = re.sub(r"[^A-Za-zÄÖÜäöüß]", "", token)
    if not 2 <= len(letters) <= 8:
        return False
    upper = sum(c.isupper() for c in letters)
    return upper >= 2 or (upper == 1 and not letters[0].isupper()) or token.isupper()


# Abbreviations that are everyday words when typed in lower case (BuT, WIN, MAG, MAT): they name
# the term only with their capitals, alone ("mag?") or in a question about a term ("what does win
# stand for").
EVERYDAY_WORDS = {"but", "win", "mag", "mat"}


_SPELT_OUT = str.maketrans(UMLAUTS_SPELT_OUT)


def _key(text: str) -> str:
    """How a form is looked up: letters and digits in lower case, umlauts spelt out ("VZAe" is "VZÄ")."""
    return re.sub(r"[^a-z0-9]", "", text.lower().translate(_SPELT_OUT))


def find_long_form(abbr: str, before: str) -> Optional[str]:
    """Schwartz-Hearst: the shortest tail of `before` whose words spell the abbreviation.

    The letters of the abbreviation must appear in order (case-insensitive) and its
    first letter must start a word, which also works for German compounds:
    "Teilhabestärkungsgesetz" spells THSG.
    """
    letters = [c.lower() for c in abbr if c.isalpha()]
    if not letters:
        return None
    words = before.rstrip(" („\"").split(" ")
    max_words = min(len(letters) + 5, len(letters) * 2 + 1)
    for n in range(1, min(max_words, len(words)) + 1):
        cand = " ".join(words[-n:]).strip(" ,;:„“\"")
        if not cand or not cand[0].isalpha():
            continue
        if cand[0].lower() != letters[0]:
            continue
        # letters in order, scanning backwards like Schwartz-Hearst
        li, ci = len(letters) - 1, len(cand) - 1
        while li >= 0 and ci >= 0:
            if cand[ci].lower() == letters[li] and (li > 0 or ci == 0 or not cand[ci - 1].isalnum()):
                li -= 1
            ci -= 1
        if li < 0:
            return cand
    return None


def extract_glossary(doc: Document) -> list[GlossaryTerm]:
    """All Legende entries, then every inline definition (one per abbreviation).

    An inline definition is kept as its own term (source "inline") even when the
    Legende has the abbreviation too, so that `inspect` shows where each came from;
    lookups merge them. Other spellings found in the text become `variants`.
    """
    legende: list[GlossaryTerm] = []
    inline: dict[str, GlossaryTerm] = {}
    for sec in doc.sections:
        if not LEGENDE_TITLES.match(sec.title.strip()):
            continue
        for b in sec.blocks:
            m = _ENTRY_RE.match(b.text.strip())
            if m:
                legende.append(GlossaryTerm(abbr=m.group("abbr").strip(), long=normalise_space(m.group("long")),
                                            source="legende", doc=doc.doc, defined_in=sec.section,
                                            definition=b.text.strip()))
    for sec in doc.sections:
        if LEGENDE_TITLES.match(sec.title.strip()):
            continue
        for sentence in [sec.title] + split_sentences(sec.text):  # titles define too: "... (BOZ)"
            found = [(m.group("abbr"), m.group("long")) for m in _REVERSE_RE.finditer(sentence)]
            for m in _INLINE_RE.finditer(sentence):
                abbr = m.group("abbr")
                if looks_like_abbreviation(abbr.split(" ")[0]):
                    long = find_long_form(abbr, sentence[:m.start()])
                    if long:
                        found.append((abbr, long))
            for abbr, long in found:
                long = normalise_space(long).strip(" ,.;")
                if abbr.lower() not in inline and _key(abbr) != _key(long):
                    inline[abbr.lower()] = GlossaryTerm(abbr=abbr, long=long, source="inline", doc=doc.doc,
                                                        defined_in=sec.section, definition=sentence)
    terms = legende + sorted(inline.values(), key=lambda t: t.abbr.lower())
    text = "\n".join(s.title + "\n" + s.text for s in doc.sections)
    for t in terms:
        same = [o.abbr for o in terms if o is not t and _key(o.long) == _key(t.long) and o.abbr.lower() != t.abbr.lower()]
        # the text may put a two-part abbreviation the other way round ("React-EU" as "EU-React")
        parts = t.abbr.split("-")
        forms = [t.abbr] + (["-".join(reversed(parts))] if len(parts) == 2 and all(parts) else [])
        seen = {m.group(0) for form in forms
                for m in re.finditer(r"(?<![\wÄÖÜäöü])" + re.escape(form) + r"(?![\wÄÖÜäöü])", text, re.I)}
        t.variants = sorted({*same, *(s for s in seen if s != t.abbr)})
        t.sections = sections_using(doc, t)
    return terms


def term_pattern(term: GlossaryTerm) -> re.Pattern:
    forms = [term.abbr, *term.variants]
    alts = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return re.compile(r"(?<![\wÄÖÜäöü])(?:" + alts + r")(?![\wÄÖÜäöü])|" + re.escape(term.long), re.I)


def sections_using(doc: Document, term: GlossaryTerm) -> list[str]:
    pat = term_pattern(term)
    return [s.section for s in doc.sections if pat.search(s.title + "\n" + s.text)]


class Glossary:
    """Case- and variant-tolerant lookup over the terms of all documents."""

    def __init__(self, terms: Iterable[GlossaryTerm], is_word: Callable[[str], bool] = lambda w: False):
        """is_word: whether German or English has a word ("GEZ", "Bea"), which is then no abbreviation
        typed with two letters swapped."""
        self.terms = list(terms)
        self.is_word = is_word
        # the stems of each long form, taken once: "Langzeitleistungsbeziehern" still names LZB
        self._long_stems = {id(t): frozenset(stem(w) for w in content_words(t.long)) for t in self.terms}
        self._by_key: dict[str, list[GlossaryTerm]] = {}
        for t in sorted(self.terms, key=lambda t: t.source != "legende"):
            for form in (t.abbr, *t.variants):
                bucket = self._by_key.setdefault(_key(form), [])
                if t not in bucket:
                    bucket.append(t)

    def lookup(self, text: str) -> Optional[GlossaryTerm]:
        """Exact (case-insensitive) match of the whole text to an abbreviation or variant."""
        hits = self._by_key.get(_key(text))
        return hits[0] if hits else None

    def all_for(self, term: GlossaryTerm) -> list[GlossaryTerm]:
        """The Legende entry and the inline definitions of one abbreviation, Legende first."""
        out: list[GlossaryTerm] = []
        for form in (term.abbr, *term.variants):
            for t in self._by_key.get(_key(form), []):
                if t not in out:
                    out.append(t)
        return out

    def long_stems(self, term: GlossaryTerm) -> frozenset[str]:
        """The stems of a term's long form (any inflection of it has the same)."""
        stems = self._long_stems.get(id(term))
        return stems if stems is not None else frozenset(stem(w) for w in content_words(term.long))

    def named_by_long_form(self, question: str) -> Optional[GlossaryTerm]:
        """The term whose long form the question spells out ("Langzeitleistungsbeziehern" -> LZB).

        Every content word of a long form must be in the question (any inflection); of several,
        the longest long form wins ("Maßnahmen zur Aktivierung und beruflichen Eingliederung" over
        "Maßnahmen zur Aktivierung").
        """
        asked = {stem(w) for w in content_words(question)}
        best, best_len = None, 0
        for t in self.terms:
            need = self.long_stems(t)
            if need and need <= asked and len(need) > best_len:
                best, best_len = self.all_for(t)[0], len(need)
        return best

    def find_in(self, question: str, fuzzy: bool = True) -> list[GlossaryTerm]:
        """Every term named in a question: whole tokens, two-word compounds, then one typo."""
        tokens = re.findall(r"[„\"]?[A-Za-zÄÖÜäöüß0-9§][\wÄÖÜäöüß\-]*[“\"]?", question)
        tokens = [t.strip("„“\"") for t in tokens]
        found: list[GlossaryTerm] = []
        for i, tok in enumerate(tokens):
            cands = [tok]
            if i + 1 < len(tokens) and not {fold(tok), fold(tokens[i + 1])} <= STOPWORDS:
                cands.insert(0, tok + " " + tokens[i + 1])  # "ALG II", "ALG I"; "as a" is no "AsA"
            m = re.fullmatch(r"([A-Za-z]{2,})\s?([12])", tok)
            if m:  # "ALG2" is how people type "ALG II"
                cands.append(f"{m.group(1)} {'I' * int(m.group(2))}")
            if "-" in tok:  # "Reha-VB": the abbreviation is the compound's last part, its head
                cands.extend(part for part in reversed(tok.split("-")) if 2 <= len(part) <= 6)
            plural = re.fullmatch(r"(.*[A-ZÄÖÜ].*[A-ZÄÖÜ].*?)'?s", tok)
            if plural:  # "EGZs", "ELB's": an abbreviation in the plural
                cands.append(plural.group(1))
            for c in cands:
                if c.islower() and _key(c) in EVERYDAY_WORDS and len(tokens) > 1 and not GLOSSARY_CUE.search(question):
                    continue  # "unemployed but not long-term" does not name BuT
                t = self.lookup(c)
                if t and t not in found:
                    found.append(t)
                    break
        if found or not fuzzy:
            return found
        # typed in lower case, a short question asking what something means ("was bedeutet ahjf")
        asks_meaning = len(tokens) <= 4 and bool(GLOSSARY_CUE.search(question))
        for tok in tokens:
            if len(tok) < 3 or not (looks_like_abbreviation(tok) or tok.isupper()
                                    or (asks_meaning and tok.islower() and len(tok) <= 6)):
                continue
            k = _key(tok)
            for key, hits in self._by_key.items():
                # three letters are one edit from too many others, but two of them swapped ("EZG" for
                # "EGZ", "hkm" for "HKM") are still only that abbreviation
                if min(len(k), len(key)) >= 4:
                    near = edit_distance_le1(k, key)
                else:
                    near = swapped_neighbours(k, key) and not self.is_word(tok)
                if near and hits[0] not in found:
                    found.append(hits[0])
        return found


def swapped_neighbours(a: str, b: str) -> bool:
    """Whether b is a with two neighbouring letters swapped ("ezg", "egz")."""
    if len(a) != len(b):
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]


def edit_distance_le1(a: str, b: str) -> bool:
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1 or swapped_neighbours(a, b)
    if len(a) > len(b):
        a, b = b, a
    for i in range(len(b)):
        if a == b[:i] + b[i + 1:]:
            return True
    return False
