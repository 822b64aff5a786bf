"""Choosing the sentences that answer a question, from the passages retrieval found.

Retrieval ranks chunks; a caseworker wants the one to three sentences that answer. Every
sentence of the best chunks is scored on its own (dense + keyword, fused) and by the
rank of its chunk, and the best one is widened into a short, readable window:

- a sentence that opens a list ("Besonders beobachtet werden:") brings its list items,
  even when a chunk border falls between them;
- otherwise the sentences right after and before it are added while they fit (three at most,
  MAX_WINDOW_CHARS), the one before first when the best one leans on it ("Sie stellt ...").
  Answers often sit one sentence away from the best-matching one ("Hintergrund hierfür ist ...").

Sentences are kept in document order, so neighbours are index neighbours within a section.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from .fusion import blend, minmax
from .keyword import KeywordIndex
from .records import Chunk

MAX_WINDOW_CHARS = 520
MAX_LIST_ITEMS = 8
CHUNK_WEIGHT = 0.3   # how much the chunk's own rank counts beside the sentence's score

# First words of a sentence that continues the one before it: without that one it is unclear.
_LEANS_BACK = re.compile(
    r"^(sie|er|es|diese[rsmn]?|dies|dieses|das|dabei|hierbei|hierzu|hierfür|dazu|daher|deshalb|deswegen|"
    r"damit|darüber|darauf|dadurch|somit|so|zudem|außerdem|ferner|auch|allerdings|jedoch|trotzdem|"
    r"hintergrund|grund|insgesamt|gleichzeitig|gleichwohl|hinzu|ebenso|entsprechend|denn|dort)\b", re.I)


# "Phase 1: ...", "1. ...", "a) ..." open an enumerated item even when it ends like a sentence.
_ENUMERATED = re.compile(r"^(phase|schritt|stufe)\s+\d+\s*:|^\d{1,2}[.)]\s|^[a-z]\)\s", re.I)


@dataclass(frozen=True)
class SentenceRef:
    """Where a sentence sits: its chunk and the (doc, section) it belongs to."""

    chunk: int
    section: tuple[str, str]


class SentenceIndex:
    """All sentences with their stemmed terms (computed once) and their place in the document."""

    def __init__(self, sentences: list[dict], chunks: list[Chunk], vectors: np.ndarray, keyword: KeywordIndex):
        self.texts = [s["text"] for s in sentences]
        self.refs = [SentenceRef(s["chunk"], (chunks[s["chunk"]].doc, chunks[s["chunk"]].section))
                     for s in sentences]
        self.vectors = vectors
        self.keyword = keyword
        self.terms = [frozenset(keyword.terms(t)) for t in self.texts]
        self.by_chunk: dict[int, list[int]] = {}
        for i, ref in enumerate(self.refs):
            self.by_chunk.setdefault(ref.chunk, []).append(i)
        self.list_items = self._find_lists()
        self.intro_of = {item: intro for intro, items in self.list_items.items() for item in items}

    def _find_lists(self) -> dict[int, list[int]]:
        """Sentences ending in ":" and the list items after them (document order, one section).

        An item has no closing full stop or starts in lower case ("die Schuldnerberatung",
        "Heranführen an das Arbeitsleben (Tagesstruktur herstellen)"); the first real sentence
        after the items ends the list.
        """
        lists: dict[int, list[int]] = {}
        for i, text in enumerate(self.texts):
            if not text.rstrip().endswith(":") or self.is_table_row(i):
                continue
            items, j = [], i + 1
            while self._same_section(i, j) and not self.is_table_row(j) and len(items) < 12:
                t = self.texts[j].strip()
                if not (t[:1].islower() or not t.endswith((".", "!", "?")) or _ENUMERATED.match(t)):
                    break
                items.append(j)
                j += 1
            if items:
                lists[i] = items
        return lists

    def __len__(self) -> int:
        return len(self.texts)

    def keyword_scores(self, ids: list[int], qterms: set[str]) -> dict[int, float]:
        """Sum of the idf of the question terms each sentence holds."""
        idf = self.keyword.idf
        return {i: sum(idf.get(t, 0.0) for t in qterms & self.terms[i]) for i in ids}

    def scores(self, ids: list[int], expanded: str, qvec: np.ndarray, mode: str = "hybrid") -> dict[int, float]:
        """Dense and keyword scores of the given sentences, fused (0..1)."""
        if not ids:
            return {}
        dense = {i: float(s) for i, s in zip(ids, self.vectors[ids] @ qvec)}
        keyword = self.keyword_scores(ids, set(self.keyword.query_terms(expanded)))
        return dict(blend(dense, keyword, mode))

    def rank(self, ranked_chunks: list[tuple[int, float]], expanded: str, qvec: np.ndarray,
             mode: str = "hybrid", top_chunks: int = 6) -> list[tuple[int, float]]:
        """Sentences of the best chunks, best first, by their own score and their chunk's."""
        chunk_score = minmax(dict(ranked_chunks[:top_chunks]))
        ids = [i for cid in chunk_score for i in self.by_chunk.get(cid, [])]
        own = self.scores(ids, expanded, qvec, mode)
        total = {i: own.get(i, 0.0) + CHUNK_WEIGHT * chunk_score[self.refs[i].chunk] for i in ids}
        return sorted(total.items(), key=lambda kv: -kv[1])

    # ------------------------------------------------------------ the answer window

    def _same_section(self, i: int, j: int) -> bool:
        return 0 <= j < len(self.texts) and self.refs[i].section == self.refs[j].section

    def is_table_row(self, i: int) -> bool:
        return "\t" in self.texts[i]

    def window(self, best: int, scores: dict[int, float]) -> list[int]:
        """The best sentence widened to what a reader needs to understand it (document order)."""
        best = self.intro_of.get(best, best)
        if best in self.list_items:
            return self._list_window(best, scores)
        chosen = [best]
        size = len(self.texts[best])

        def fits(j: int) -> bool:
            return self._same_section(best, j) and not self.is_table_row(j) \
                and size + len(self.texts[j]) <= MAX_WINDOW_CHARS

        # The sentence before first when this one leans on it, then the one after, then before.
        order = [best - 1, best + 1, best - 1] if _LEANS_BACK.match(self.texts[best]) else [best + 1, best - 1]
        for j in order:
            if len(chosen) >= 3 or j in chosen or j in self.intro_of or not fits(j):
                continue
            chosen.append(j)
            size += len(self.texts[j])
            if j in self.list_items:
                break  # a list opens after the best sentence: the list is an answer of its own
        return sorted(chosen)

    def _list_window(self, intro: int, scores: dict[int, float]) -> list[int]:
        """A list's opening sentence and as many of its items as fit, the best item always."""
        items = self.list_items[intro]
        budget = MAX_WINDOW_CHARS - len(self.texts[intro])
        kept: list[int] = []
        for j in items:
            if len(self.texts[j]) + 1 > budget:
                break
            kept.append(j)
            budget -= len(self.texts[j]) + 1
        best_item = max(items, key=lambda j: scores.get(j, 0.0))
        if best_item not in kept and kept:
            kept[-1] = best_item
        return [intro] + sorted(kept)
