"""Find a cited excerpt in the document view and mark it (the `?hl=` of a citation link)."""
from __future__ import annotations

import re
from typing import Optional

from .docview import SectionView, Unit


_WORD_RE = re.compile(r"\w+")
_FRAGMENT_SPLIT_RE = re.compile(r"\n+|…|\.{3,}")
MIN_OVERLAP_WORDS = 3


def _words(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(0).casefold(), m.start(), m.end()) for m in _WORD_RE.finditer(text)]


def _find(needle: list[str], hay: list[str], loose: bool) -> Optional[int]:
    """Start of `needle` as a run in `hay`; loose lets the first and last word be cut off."""
    n = len(needle)
    for i in range(len(hay) - n + 1):
        if n == 1 or not loose:
            if hay[i:i + n] == needle:
                return i
            continue
        if (hay[i].endswith(needle[0]) and hay[i + n - 1].startswith(needle[-1])
                and hay[i + 1:i + n - 1] == needle[1:n - 1]):
            return i
    return None


def _overlap(left: list[str], right: list[str]) -> int:
    """Longest k with left's last k words == right's first k words (k >= MIN_OVERLAP_WORDS)."""
    if not right:
        return 0
    # Only positions holding right's first word can start an overlap; ?hl= is user input,
    # so avoid comparing every suffix with every prefix.
    for j in range(max(0, len(left) - len(right)), len(left) - MIN_OVERLAP_WORDS + 1):
        if left[j] == right[0] and left[j:] == right[:len(left) - j]:
            return len(left) - j
    return 0


def highlight(view: list[SectionView], excerpt: str, section: Optional[str]) -> bool:
    """Mark the excerpt's text in the document view; return whether anything was marked.

    Excerpts are cut from the document by the engine, but they may join several blocks,
    replace tabs by spaces or end in "…" in the middle of a word, so matching works on
    word sequences and tolerates a cut first and last word. When no exact run is found the
    block sharing most of the excerpt's words (at least 60 %) is marked instead.
    """
    scope = [v for v in view if v.section.section == section] if section else view
    fragments = [f for f in (_words(p) for p in _FRAGMENT_SPLIT_RE.split(excerpt)) if f]
    if len(fragments) > 1:  # single stray words between cuts would mark noise
        fragments = [f for f in fragments if len(f) >= 2] or fragments
    marked = False
    for sec in scope:
        units = [(u, _words(u.text)) for u in sec.units()]
        for frag in fragments:
            marked = _mark_fragment(units, [w for w, _, _ in frag]) or marked
        if marked and not section:
            return True  # the first section that holds the excerpt
    if marked:
        return True
    return _mark_best(scope, {w for frag in fragments for w, _, _ in frag})


def _mark_fragment(units, needle: list[str]) -> bool:
    """Mark one fragment: verbatim inside a block, else across the blocks it spans."""
    found = False
    for unit, tokens in units:
        hay = [w for w, _, _ in tokens]
        start = _find(needle, hay, loose=len(needle) >= 3)
        if start is not None:
            _mark(unit, tokens, start, start + len(needle) - 1)
            found = True
    if found:
        return True
    for unit, tokens in units:
        hay = [w for w, _, _ in tokens]
        if len(hay) >= 2 and _find(hay, needle, loose=False) is not None:
            unit.whole = found = True  # the excerpt covers this whole block
            continue
        k = _overlap(hay, needle)  # the excerpt starts inside this block
        if k:
            _mark(unit, tokens, len(hay) - k, len(hay) - 1)
            found = True
        k = _overlap(needle, hay)  # the excerpt ends inside this block
        if k:
            _mark(unit, tokens, 0, k - 1)
            found = True
    return found


def _mark(unit: Unit, tokens, first: int, last: int) -> None:
    if unit.cells is not None:
        unit.whole = True  # a table row is rendered cell by cell: mark the row
    else:
        unit.spans.append((tokens[first][1], tokens[last][2]))


def _mark_best(scope: list[SectionView], words: set[str]) -> bool:
    words = {w for w in words if len(w) > 2}
    if not words:
        return False
    best, best_score = None, 0.0
    for sec in scope:
        for unit in sec.units():
            score = len(words & {w for w, _, _ in _words(unit.text)}) / len(words)
            if score > best_score:
                best, best_score = unit, score
    if best is not None and best_score >= 0.6:
        best.whole = True
        return True
    return False
