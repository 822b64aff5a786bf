"""A BM25 keyword index that suits German: umlauts folded, light stemming, compounds split.

"Verwaltungsbudget" is indexed as itself and as "verwaltung" + "budget", so a question
about the "Budget" finds it; "Qualifizierungsangebote" matches "Angebote".
"""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from functools import lru_cache
from typing import Iterator

_WORD_RE = re.compile(r"[A-Za-zÄÖÜäöüß0-9§]+")
# (German, then English; the last line is what is left of an English contraction, "we'll", "don't", once
# the apostrophe splits it)
STOPWORDS = set("""
a aber alle allem allen aller alles als also am an ander andere anderen auch auf aus bei beim bin bis bist
da dabei damit dann das dass dem den denn der des dessen die dies diese diesem diesen dieser dieses doch dort
du durch ein eine einem einen einer eines er es etwa euch für gegen gibt hat hatte haben hier ich ihr ihre
ihrem ihren ihrer im in ins ist ja jede jedem jeden jeder jedes kann kein keine können man mehr mit muss
nach nicht noch nun nur ob oder ohne sehr sein seine sich sie sind so soll sollen über um und uns unsere
unser unter viel vom von vor war waren was weil welche welcher welches wenn wer werden wie wieviel wir wird
wo wofür worum wozu zu zum zur zwischen gab gibt geben sagt steht stehen heißt bedeutet
welchen welchem wem wen wessen wann warum wieso weshalb woher wohin womit wodurch
the of and or to in is are was were what which who whom how many much does do did for on at by with from
about as be been it its this that these those there their an any please tell me show
why when where while before after during until not no nor might may must can could would should will
also still only just very more most many some other such than then here someone anyone something each
every both either own same so too into over under again once all used use using get got make made
done doing have has had having being am you he she we they them his her our your us my
ll ve re don doesn didn isn aren wasn weren hasn haven hadn wouldn shouldn couldn
""".split())
_FOLD = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss"})
STOPWORDS |= {w.translate(_FOLD) for w in STOPWORDS}  # words are looked up folded ("für" -> "fur")
_SUFFIXES = ("ungen", "innen", "ern", "en", "er", "es", "e", "n", "s")


def fold(word: str) -> str:
    return word.lower().translate(_FOLD)


@lru_cache(maxsize=1 << 16)  # the same few thousand words, stemmed again for every question
def stem(word: str) -> str:
    w = fold(word)
    if len(w) <= 4 or w.isdigit():
        return w
    for suf in _SUFFIXES:
        if suf == "s" and (w.endswith(("los", "ss")) or (w.endswith("rs") and not w.endswith("ers"))):
            # "arbeitslos" is "Arbeitslose" without its ending, not a genitive "-s"; so are "Prozess"
            # and "Kurs" (a genitive after r is "-ers": "Arbeitgebers")
            break
        if w.endswith(suf) and len(w) - len(suf) >= 4:
            return w[: -len(suf)]
    return w


def words(text: str) -> list[str]:
    return _WORD_RE.findall(text)


def content_words(text: str) -> list[str]:
    return [w for w in words(text) if fold(w) not in STOPWORDS and len(w) > 1]


class KeywordIndex:
    """Okapi BM25 over stemmed tokens plus compound parts; one document per chunk/text."""

    def __init__(self, texts: list[str], k1: float = 1.4, b: float = 0.75):
        self.k1, self.b = k1, b
        self.vocab: set[str] = set()
        raw_tokens = [[stem(w) for w in content_words(t)] for t in texts]
        for toks in raw_tokens:
            self.vocab.update(toks)
        self.docs = [self._with_parts(toks) for toks in raw_tokens]
        self.postings: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for i, toks in enumerate(self.docs):
            for tok, tf in Counter(toks).items():
                self.postings[tok].append((i, tf))
        self.lengths = [len(d) or 1 for d in self.docs]
        self.avgdl = sum(self.lengths) / max(len(self.lengths), 1)
        n = len(self.docs)
        self.idf = {t: math.log(1 + (n - len(p) + 0.5) / (len(p) + 0.5)) for t, p in self.postings.items()}
        self.all_terms = set(self.postings)

    def _with_parts(self, toks: list[str]) -> list[str]:
        out = list(toks)
        for t in toks:
            out.extend(self.split_compound(t))
        return out

    def terms(self, text: str) -> list[str]:
        """The indexed terms of a text: stems of its content words plus their compound parts."""
        return self._with_parts([stem(w) for w in content_words(text)])

    def split_compound(self, tok: str) -> list[str]:
        """Parts of a compound that are words of the corpus themselves (with a linking s)."""
        parts: list[str] = []
        if len(tok) < 9 or tok.isdigit():
            return parts
        for i in range(4, len(tok) - 3):
            head, tail = tok[:i], tok[i:]
            if tail in self.vocab or stem(tail) in self.vocab:
                h = head[:-1] if head.endswith("s") and head[:-1] in self.vocab else head
                if h in self.vocab:
                    parts.extend([h, stem(tail)])
                elif len(tail) >= 5:
                    parts.append(stem(tail))
        return parts

    def query_terms(self, text: str) -> list[str]:
        """The stems of a question's content words, the corpus-known parts of a compound the corpus
        lacks, and the compound two adjacent words make ("neuen Kunden": "Neukunden")."""
        toks = [stem(w) for w in content_words(text)]
        out = []
        for t in toks:
            out.append(t)
            if t not in self.all_terms:
                out.extend(p for p in self.split_compound(t) if p in self.all_terms)
        for a, b in zip(toks, toks[1:]):  # an adjective's stem may keep its "-e" ("neue" Kunden)
            out.extend(joined for joined in {a + b, a.removesuffix("e") + b}
                       if joined in self.all_terms and len(a) >= 3)
        return out

    def search(self, text: str, k: int = 20, skip: frozenset[str] = frozenset()) -> list[tuple[int, float]]:
        """The k best texts for the text's terms (BM25), leaving out the terms in skip."""
        scores: dict[int, float] = defaultdict(float)
        for term in sorted(set(self.query_terms(text)) - skip):  # a fixed order: the same sums in every process
            idf = self.idf.get(term)
            if idf is None:
                continue
            for i, tf in self.postings[term]:
                denom = tf + self.k1 * (1 - self.b + self.b * self.lengths[i] / self.avgdl)
                scores[i] += idf * tf * (self.k1 + 1) / denom
        return sorted(scores.items(), key=lambda kv: -kv[1])[:k]

    def knows(self, word: str, strict: bool = False) -> bool:
        """Whether the corpus holds the word, its stem or (for a compound) a part of it.

        strict: a compound counts only when both its parts are corpus words ("Videoberatung"),
        not when only its last part is ("Mehrbedarf", "Telefonnummer").
        """
        t = stem(word)
        if t in self.all_terms:
            return True
        if not strict:
            return any(p in self.all_terms for p in self.split_compound(t))
        return next(self.compound_parts(fold(word)), None) is not None

    def compound_parts(self, tok: str) -> Iterator[tuple[str, str]]:
        """Each way a folded word splits into two corpus words, as (head, tail): "elterngeld" is
        ("elter", "geld"), the head in the longest form the corpus has (a stem, maybe less a linking "s").
        Lazily: whether there is one at all needs only the first."""
        vocab = self.vocab
        for i in range(3, len(tok) - 2):
            head, tail = tok[:i], tok[i:]
            if tail not in vocab and stem(tail) not in vocab:
                continue
            # a linking element may sit between the parts: "Frauen|quote", "Arbeit|s|markt"
            heads = {head, stem(head), head[:-1], head[:-2]} if len(head) > 4 else {head, stem(head)}
            known = heads & vocab
            if known:
                yield max(known, key=len), tail
