"""The document view: a parsed Document grouped for HTML, and its table of contents.

Consecutive list items form one list and table rows one table; every paragraph, list item and
table row is a `Unit` that the highlighter (highlight.py) can mark.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Iterable, Optional


@dataclass
class Unit:
    """One highlightable piece of text: a paragraph, list item, caption or table row."""

    text: str
    cells: Optional[list[str]] = None  # table rows only
    spans: list[tuple[int, int]] = field(default_factory=list)
    whole: bool = False

    @property
    def hl(self) -> bool:
        return self.whole or bool(self.spans)

    @property
    def segments(self) -> list[tuple[str, bool]]:
        """The text cut into (piece, highlighted) so the template can wrap hits in <mark>."""
        if self.whole or not self.spans:
            return [(self.text, self.whole)]
        return cut_spans(self.text, self.spans)


@dataclass
class Item:
    kind: str  # "para", "caption", "subheading", "list", "table"
    units: list[Unit]
    head: Optional[list[str]] = None  # table header cells
    columns: int = 0


@dataclass
class SectionView:
    section: Any  # records.Section
    items: list[Item]

    def units(self) -> Iterable[Unit]:
        for item in self.items:
            yield from item.units


_NUMERIC_CELL_RE = re.compile(r"^[+\-–]?\s?[\d.,]+\s?(%|€|Personen)?$")


def is_number(cell: str) -> bool:
    return bool(_NUMERIC_CELL_RE.match(cell.strip()))


def build_document_view(doc) -> list[SectionView]:
    """Group a section's blocks for HTML: consecutive list items form one list, rows one table."""
    views = []
    for sec in doc.sections:
        items: list[Item] = []
        for block in sec.blocks:
            kind = block.kind if block.kind in ("para", "caption", "subheading", "list", "table") else "para"
            if kind == "table":
                cells = [c.strip() for c in block.text.split("\t")]
                unit = Unit(" ".join(c for c in cells if c), cells=cells)
                if items and items[-1].kind == "table":
                    items[-1].units.append(unit)
                else:
                    items.append(Item("table", [unit]))
            elif kind == "list" and items and items[-1].kind == "list":
                items[-1].units.append(Unit(block.text))
            else:
                items.append(Item(kind, [Unit(block.text)]))
        for item in items:
            if item.kind == "table":
                _shape_table(item)
        views.append(SectionView(sec, items))
    return views


def _shape_table(item: Item) -> None:
    """A first row without figures is the header; short rows are padded to the full width."""
    first = item.units[0].cells or []
    if len(item.units) >= 3 and len(first) >= 2 and not any(is_number(c) for c in first[1:] if c):
        item.head = first
        item.units = item.units[1:]
    item.columns = max([len(item.head or [])] + [len(u.cells or []) for u in item.units])
    for unit in item.units:
        if len(unit.cells) > 1:
            unit.cells = unit.cells + [""] * (item.columns - len(unit.cells))


def build_toc(sections) -> list[dict[str, Any]]:
    """Nest the flat section list by parent for a table of contents."""
    nodes = {s.section: {"section": s, "children": []} for s in sections}
    roots = []
    for s in sections:
        parent = nodes.get(s.parent) if s.parent else None
        (parent["children"] if parent else roots).append(nodes[s.section])
    return roots


def merge_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return out


def cut_spans(text: str, spans: list[tuple[int, int]]) -> list[tuple[str, bool]]:
    """Text cut into (piece, inside a span) for templates that wrap the spans in <mark> or <strong>."""
    out, pos = [], 0
    for start, end in merge_spans(spans):
        if start > pos:
            out.append((text[pos:start], False))
        out.append((text[start:end], True))
        pos = end
    if pos < len(text):
        out.append((text[pos:], False))
    return out
