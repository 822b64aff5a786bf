"""The document's tables, rebuilt from the parsed Facts.

facts.py turns every table cell into one Fact (with `Fact.table` naming the table). Here the
facts of one table are grouped back into rows and columns, so that the figures page, the
onboarding page and the chat can show the table as the document prints it. Every value shown
is a Fact's `value`, exactly as written; nothing here knows a figure of the document.

The column heads come from the facts too: the column's measure ("Betrag in €") or period
("September 2021"). Only the head of the label column ("Maßnahmeart") is not part of any fact;
it is read from the table's first row in the section's blocks, when that row is a header.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable, Optional

from .facts import table_starts
from .records import Document, Fact

# A table kind says how facts.py read the header (see facts._table_facts):
MEASURES = "measures"  # a header of measures: "Neueintritte 2022 | Betrag in € | %"
PERIODS = "periods"    # a header of periods: "September 2021 | September 2020 | ..."
VALUES = "values"      # no header: "Label <tab> value" lines

_TOTAL_RE = re.compile(r"^(gesamt|insgesamt|summe)\b", re.I)
_GROUP_RE = re.compile(r"^(?P<base>.+?) \((?P<group>davon [^()]+)\)$")
_VALUE_CELL_RE = re.compile(r"^[+\-–]?\s?\d")
_YEAR_RE = re.compile(r"\b(?:19|20)\d\d\b")
DEFAULT_ROW_HEADER = "Kennzahl"
DEFAULT_VALUE_HEADER = "Wert"


@dataclass
class Column:
    label: str
    unit: Optional[str] = None  # the unit all of the column's facts share, if any
    period: Optional[str] = None

    @property
    def is_share(self) -> bool:
        """A percentage column ("%"): shares of the total, not an amount of its own."""
        return self.unit == "%"


@dataclass
class Cell:
    facts: list[Fact] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The value as printed; two values of one cell ("-3,0 % bzw. -128 Personen") stay together."""
        return " bzw. ".join(f.value for f in self.facts)

    @property
    def fact(self) -> Optional[Fact]:
        return self.facts[0] if self.facts else None


@dataclass
class Row:
    label: str  # the facts' subject: "FbW (Förderung der beruflichen Weiterbildung)"
    cells: list[Cell]
    source_text: str = ""
    line: Optional[int] = None
    page: Optional[int] = None

    @property
    def is_total(self) -> bool:
        return bool(_TOTAL_RE.match(self.label))

    @property
    def group(self) -> Optional[str]:
        """"davon Frauen" for "Integrationsquote (davon Frauen)", else None."""
        m = _GROUP_RE.match(self.label)
        return m.group("group") if m else None

    @property
    def base(self) -> str:
        """The label without its group: "Integrationsquote" for "Integrationsquote (davon Frauen)"."""
        m = _GROUP_RE.match(self.label)
        return m.group("base") if m else self.label

    @property
    def facts(self) -> list[Fact]:
        return [f for c in self.cells for f in c.facts]


@dataclass
class FigureTable:
    id: str          # URL- and anchor-safe: "amip-2022-jobcenter-landkreis-kassel-1.2-t1"
    table: str       # Fact.table: "amip-2022-jobcenter-landkreis-kassel:1.2:t1"
    doc: str
    section: str
    section_title: str
    title: str       # the heading the table stands under: "Kundenstruktur aus der BA-Statistik"
    kind: str        # MEASURES | PERIODS | VALUES
    row_header: str  # head of the label column: "Maßnahmeart", "Kennzahl / Personenmerkmale"
    columns: list[Column]
    rows: list[Row]
    intro: str = ""  # the document's sentence that introduces the table ("... folgende Zielwerte vereinbart:")
    page: Optional[int] = None

    @property
    def facts(self) -> list[Fact]:
        return [f for r in self.rows for f in r.facts]

    @property
    def total_row(self) -> Optional[Row]:
        return next((r for r in self.rows if r.is_total), None)


def table_id(fact_table: str) -> str:
    return re.sub(r"[^\w.-]+", "-", fact_table).strip("-")


def build_tables(facts: Iterable[Fact], documents: dict[str, Document]) -> list[FigureTable]:
    """Every table the parser read, in document order (documents, then sections, then position)."""
    by_table: dict[str, list[Fact]] = {}
    for f in facts:
        if f.table:
            by_table.setdefault(f.table, []).append(f)
    tables = [_build(name, group, documents.get(group[0].doc)) for name, group in by_table.items()]
    doc_order = {d: i for i, d in enumerate(documents)}

    def order(t: FigureTable):
        doc = documents.get(t.doc)
        sec_order = {s.section: i for i, s in enumerate(doc.sections)} if doc else {}
        number = int(t.table.rsplit(":t", 1)[1]) if re.search(r":t\d+$", t.table) else 0
        return doc_order.get(t.doc, len(doc_order)), sec_order.get(t.section, len(sec_order)), number

    return sorted(tables, key=order)


def _build(name: str, facts: list[Fact], doc: Optional[Document]) -> FigureTable:
    first = facts[0]
    sec = doc.section(first.section) if doc else None
    section_title = sec.title if sec else first.section
    header, intro = _header_and_intro(doc, first)
    kind = _kind(facts)

    columns: list[Column] = []
    keys: list[str] = []

    def column_for(f: Fact) -> int:
        if kind == PERIODS:
            key, label, period = f.period or "", f.period or "", f.period
        elif kind == MEASURES:
            key, label, period = f.measure, f.measure, f.period
        else:
            key, label, period = "", DEFAULT_VALUE_HEADER, f.period
        if key not in keys:
            keys.append(key)
            columns.append(Column(label=label, period=period))
        return keys.index(key)

    rows: list[Row] = []
    row_keys: list[tuple] = []
    for f in facts:
        col = column_for(f)
        key = (f.subject, f.source_text, f.line, f.page)
        if key not in row_keys:
            row_keys.append(key)
            rows.append(Row(label=f.subject, cells=[], source_text=f.source_text, line=f.line, page=f.page))
        row = rows[row_keys.index(key)]
        while len(row.cells) <= col:
            row.cells.append(Cell())
        row.cells[col].facts.append(f)
    for row in rows:
        row.cells += [Cell() for _ in range(len(columns) - len(row.cells))]
    for i, column in enumerate(columns):
        units = {f.unit for r in rows for f in r.cells[i].facts}
        column.unit = units.pop() if len(units) == 1 else None
    if kind == VALUES and columns:
        years = {f.period for f in facts if f.period}
        if len(years) == 1 and not _YEAR_RE.search(section_title):
            columns[0].label = f"{DEFAULT_VALUE_HEADER} {years.pop()}"

    title = first.measure if kind == PERIODS else section_title
    row_header = header[0] if header and header[0] else DEFAULT_ROW_HEADER
    return FigureTable(id=table_id(name), table=name, doc=first.doc, section=first.section,
                       section_title=section_title, title=title, kind=kind, row_header=row_header,
                       columns=columns, rows=rows, intro=intro, page=first.page)


def _kind(facts: list[Fact]) -> str:
    measures = {f.measure for f in facts}
    periods = {f.period for f in facts}
    if len(measures) == 1 and len(periods) > 1:
        return PERIODS  # one context as measure, the month/year heads as periods
    # Without a header facts.py names each value by its row: the measure is the row label, the
    # subject the label or the label with a qualifier ("Integrationsquote (davon Frauen)").
    if all(f.subject == f.measure or f.subject.startswith(f.measure + " (") for f in facts):
        return VALUES
    return MEASURES


def _header_and_intro(doc: Optional[Document], fact: Fact) -> tuple[Optional[list[str]], str]:
    """The table's header cells (None without a header) and the paragraph that introduces it."""
    start = table_starts(doc).get(fact.table) if doc is not None and fact.table else None
    if start is None:
        return None, ""
    block, before = start
    cells = [c.strip() for c in block.text.split("\t")]
    header = cells if len(cells) > 1 and not any(_VALUE_CELL_RE.match(c) for c in cells[1:]) else None
    intro = before if before.rstrip().endswith(":") else ""
    return header, intro
