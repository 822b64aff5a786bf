"""Typing errors in a question, read as the word of the programme they most likely mean.

Caseworkers type fast: "Verwalutngsbudget", "Arbeitslsoe", "unemplooyed". Such a word is unknown
to every index, so the question would be refused or answered from the wrong place. A word that
neither the programme nor German or English knows is replaced by the vocabulary word one edit
away (a letter left out, added, changed, or two letters swapped; not the first), the most frequent
when there are several; a word typed without umlauts ("jaehrlich") is read with them. A real
word is never changed: "kümmern" is not a typo of "Kammern", nor "Stadt" of "Statt", even where
the programme does not use it. Abbreviations ("MABE", "bFM") are left to the glossary's own
matching.

The German and English word lists, and the correction of English words the programme does not use
("accordnig"), are pyspellchecker's (word frequency lists, MIT licence).

Lookup uses the deletion neighbourhood (as SymSpell does): every word of the vocabulary is stored
under each form with one letter deleted, so the candidates for a typed word are found by a few
dictionary lookups instead of a comparison with every word.
"""
from __future__ import annotations

import heapq
import re
from collections import Counter, defaultdict
from functools import lru_cache
from typing import Callable, Iterable

from spellchecker import SpellChecker

from .glossary import edit_distance_le1
from .keyword import fold, stem
from .text import UMLAUTS_SPELT_OUT

MIN_LENGTH = 5  # a shorter word is one edit from too many others ("Quote", "Quoten", "Route")
MIN_PART = 4  # the shortest known part of a compound ("Ziel|integrationquote")
MIN_FIXED_PART = 6  # the shortest part corrected: "Leit|satz" is not "Legt|satz", "Familien|kasse" not "kassel"
LANGUAGES = ("de", "en")
NOUN_SHARE = 0.9  # a stem is a noun's when this share of its words in the programme start with a capital
_WORD = re.compile(r"[A-Za-zÄÖÜäöüß]+")


@lru_cache(maxsize=None)
def _language(language: str) -> SpellChecker:
    """pyspellchecker for a language (its word list, word -> frequency); 0.2 s each to load."""
    return SpellChecker(language=language, distance=1)


_UMLAUT = {spelt: umlaut for umlaut, spelt in UMLAUTS_SPELT_OUT.items()}  # "ae" -> "ä", "ss" -> "ß"
_ASCII_UMLAUT = re.compile("|".join(_UMLAUT))


def _with_umlauts(word: str) -> list[str]:
    """The word with some of its "ae", "oe", "ue", "ss" written as "ä", "ö", "ü", "ß" (fewest first)."""
    spots = [m.span() for m in _ASCII_UMLAUT.finditer(word)][:6]
    out = []
    for mask in sorted(range(1, 2 ** len(spots)), key=lambda m: bin(m).count("1")):
        parts, last = [], 0
        for k, (a, b) in enumerate(spots):
            if mask >> k & 1:
                parts += [word[last:a], _UMLAUT[word[a:b]]]
                last = b
        out.append("".join(parts) + word[last:])
    return out


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


class _OneEditIndex:
    """Keys with their counts, found again from a key one edit away (the deletion neighbourhood)."""

    def __init__(self, counts: Counter[str]):
        self.counts = counts
        self.by_deletion: dict[str, set[str]] = defaultdict(set)
        for key in counts:
            for d in _deletes(key):
                self.by_deletion[d].add(key)

    def __contains__(self, key: str) -> bool:
        return key in self.counts

    def closest(self, key: str) -> str | None:
        """The most frequent key one edit from key, with the same first letter."""
        if len(key) < MIN_PART:
            return None
        deletes = _deletes(key)
        candidates = set(self.by_deletion.get(key, ()))                    # a letter left out
        candidates |= {d for d in deletes if d in self.counts}               # a letter too many
        for d in deletes:                                                    # changed or swapped
            candidates |= self.by_deletion.get(d, set())
        # the first letter is rarely mistyped, and changing it makes another word ("jemand", "demand")
        close = [c for c in candidates if c != key and c[0] == key[0] and edit_distance_le1(key, c)]
        return max(close, key=lambda c: (self.counts[c], c)) if close else None


class Speller:
    """Corrects the words of a question that the programme does not know."""

    def __init__(self, texts: Iterable[str], english: Iterable[str], known: Callable[[str], bool]):
        """texts: the programme's texts; english: English words a question may use (the bridge's);
        known: whether a typed word needs no correction (the indexes know it)."""
        german: Counter[str] = Counter()
        surface: dict[str, Counter[str]] = defaultdict(Counter)
        for text in texts:
            for w in _WORD.findall(text):
                if len(w) >= MIN_PART:
                    german[fold(w)] += 1
                    surface[fold(w)][w] += 1
        words = Counter(german)
        for w in english:
            if _WORD.fullmatch(w) and len(w) >= MIN_PART:
                words[w] += 1
                surface[w][w] += 1
        # the spelling a word is shown in: its most frequent one
        self.spelling = {k: c.most_common(1)[0][0] for k, c in surface.items()}
        # stems, for a typing error in a form the programme does not use ("Fallmaangern": Fallmanag|er)
        stems: Counter[str] = Counter()
        self.stem_spelling: dict[str, str] = {}
        # how often each stem is written in lower case and with a capital (a noun's): "standorte" is
        # typed for "Standorten"
        capitals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for key, n in german.items():
            s = stem(key)
            for form, k in surface[key].items():
                capitals[s][form[0].isupper()] += k
            if s != key and len(fold(self.spelling[key][:len(s)])) == len(s):
                stems[s] += n
                self.stem_spelling.setdefault(s, self.spelling[key][:len(s)])
        self.noun_stems = {s for s, (lower, upper) in capitals.items() if upper >= NOUN_SHARE * (lower + upper)}
        self.words = _OneEditIndex(words)
        self.german = _OneEditIndex(german)  # parts of a compound are corrected to the programme's words only
        self.stems = _OneEditIndex(stems)
        self.known = known
        self.checkers = {language: _language(language) for language in LANGUAGES}
        self.languages = {language: checker.word_frequency.dictionary for language, checker in self.checkers.items()}

    def most_common(self, language: str, n: int) -> set[str]:
        """The n most frequent words of a language's word list."""
        frequency = self.languages[language]
        return set(heapq.nlargest(n, frequency, key=frequency.__getitem__))

    def is_a_word(self, word: str, languages: tuple[str, ...] = LANGUAGES) -> bool:
        """Whether German or English (or the languages given) has the word, in any case."""
        w = word.lower()
        return any(w in self.languages[language] for language in languages)

    def transliterated(self, word: str) -> str | None:
        """The word typed without umlauts ("jaehrlich", "Rueckuebertragung", "groessten") as the
        programme or the language writes it, or None."""
        for variant in _with_umlauts(word):
            key = fold(variant)
            if key in self.german and key != fold(word):
                return self.spelling[key] if word[0].isupper() == self.spelling[key][0].isupper() else variant
            if self.is_a_word(variant):
                return variant
        return None

    def suggest(self, word: str) -> str | None:
        """The vocabulary word one edit away from an unknown word, or None.

        A compound the programme does not use as a whole ("Prozenanteil", "Videobeatung") is
        corrected in the part that has the typing error: one part is a vocabulary word, the
        other one edit from one (a linking "s" kept: "Ausbidungsbewerber"). A form the programme
        does not use is corrected in its stem, its ending kept ("Fallmaangern": "Fallmanagern").
        """
        key = fold(word)
        if key in self.words:
            return None
        best = self.words.closest(key)
        if best is not None:
            return self.spelling[best]
        return self._in_a_part(key) or self._in_the_stem(word, key)

    def _in_a_part(self, key: str) -> str | None:
        splits = []
        for i in range(MIN_PART, len(key) - MIN_PART + 1):
            head, tail = key[:i], key[i:]
            link = "s" if head.endswith("s") and len(head) > MIN_PART else ""
            stem_ = head[:-1] if link else head
            if tail in self.german:
                for h in {head, stem_} if len(stem_) >= MIN_FIXED_PART else ():
                    fixed = self.german.closest(h) if h not in self.german else None  # a word is no typo
                    if fixed is not None:
                        splits.append((self.german.counts[fixed] + self.german.counts[tail], fixed,
                                       link if h == stem_ and link else "", tail))
            if head in self.german or (link and stem_ in self.german):
                known_head = head if head in self.german else stem_
                fixed = self.german.closest(tail) if len(tail) >= MIN_FIXED_PART and tail not in self.german else None
                if fixed is not None:
                    splits.append((self.german.counts[known_head] + self.german.counts[fixed], known_head,
                                   link if known_head == stem_ and link else "", fixed))
        if not splits:
            return None
        _, head, link, tail = max(splits)
        return self.spelling[head] + link + self.spelling[tail].lower()

    def _in_the_stem(self, word: str, key: str) -> str | None:
        typed_stem = stem(key)
        if len(typed_stem) < MIN_FIXED_PART or len(key) != len(word):  # (an "ß" makes positions differ)
            return None
        fixed = self.stems.closest(typed_stem)
        return self.stem_spelling[fixed] + word[len(typed_stem):] if fixed is not None else None

    def in_english(self, word: str) -> str | None:
        """An English word the programme does not use, typed wrong ("accordnig"), as English spells
        it; a word German could mean is left alone (a name such as "Meißner" must not become
        "meiner")."""
        if self.checkers["de"].correction(word.lower()) is not None:
            return None
        fixed = self.checkers["en"].correction(word.lower())
        return fixed if fixed and fixed[0] == word[0].lower() and fixed != word.lower() else None

    def with_capitals(self, question: str) -> str:
        """A question typed all in lower case with its words capitalised as the programme writes
        them ("wie viele neueintritte" -> "wie viele Neueintritte"): nouns, names, abbreviations."""
        def fix(m: re.Match) -> str:
            w = m.group(0)
            if fold(w) not in self.german:  # a form the programme does not use: a noun's stem gets a capital
                return w[0].upper() + w[1:] if len(w) >= MIN_LENGTH and stem(w) in self.noun_stems else w
            shown = self.spelling.get(fold(w))
            return shown if shown and shown.lower() == w and not shown.islower() else w
        return _WORD.sub(fix, question)

    def correct(self, question: str) -> str:
        """The question with each unknown word of MIN_LENGTH+ letters replaced by its suggestion."""
        def fix(m: re.Match) -> str:
            w = m.group(0)
            if len(w) < MIN_LENGTH or not (w.islower() or w.istitle()) or self.known(w) or self.is_a_word(w):
                return w
            better = self.transliterated(w) or self.suggest(w) or self.in_english(w)
            if better is None:
                return w
            # keep how it was typed: "arbeitslsoe" -> "arbeitslose", "Arbeitslsoe" -> "Arbeitslose"
            if w.islower():
                return better.lower()
            return better[0].upper() + better[1:]
        return _WORD.sub(fix, question)
