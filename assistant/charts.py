"""Bar charts of the document's tables as inline SVG, drawn on the server.

`charts_for(table)` picks the charts a table calls for, from its shape:
- a table of measures with a total row ("Gesamt"): one horizontal bar chart per amount column,
  the share column ("%") written next to each bar ("785.000 € · 14,4 %");
- a table of periods ("September 2021 | September 2020 | ..."): one grouped bar chart, the
  periods in time order;
- a table of "Label value" lines with "davon Frauen/Männer" groups: one bar chart per grouped
  measure (insgesamt, davon Frauen, davon Männer).

Bar lengths come from `Fact.number`, bar labels from `Fact.value` (as printed). Axis ticks are
computed numbers and formatted the German way ("1.500.000", "12,5"). A chart is a dataclass
with its geometry; `render_svg()` writes it out, escaping every text. The SVG carries
role="img", <title> and <desc> (the data as text) for screen readers, and every series has a
pattern as well as a colour, and its value written at the bar, so that nothing depends on colour.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from html import escape
from typing import Optional

from markupsafe import Markup

from .records import Fact
from .tables import MEASURES, PERIODS, VALUES, FigureTable

WIDTH = 660
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Liberation Sans', Arial, sans-serif"
TEXT = "#1b1f24"
MUTED = "#4a5560"
GRID = "#d5dbe1"
AXIS = "#6b7782"
# Dark enough for 3:1 against white (WCAG 1.4.11), told apart by pattern too.
SERIES = [
    ("#0b5cad", "solid"),     # blue, 6.3:1
    ("#a64b00", "stripes"),   # brown-orange, 5.6:1
    ("#1a6b34", "dots"),      # green, 6.4:1
    ("#6a3aa8", "cross"),     # violet, 7.4:1
]
MONTHS = ["januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober",
          "november", "dezember"]

TITLE_SIZE = 16
LABEL_SIZE = 13
SMALL_SIZE = 12
CHAR_WIDTH = 0.56  # average glyph width of a sans-serif font, in em: for wrapping and sizing


# ---------------------------------------------------------------- German numbers

def format_number(value: float, decimals: Optional[int] = None) -> str:
    """12345.5 -> "12.345,5"; 5434493 -> "5.434.493"; decimals=None drops a zero fraction."""
    if decimals is None:
        decimals = 0 if float(value).is_integer() else len(f"{value:.6f}".rstrip("0").split(".")[1])
    text = f"{abs(value):,.{decimals}f}".replace(",", " ").replace(".", ",").replace(" ", ".")
    return ("-" if value < 0 else "") + text


def with_unit(fact: Fact) -> str:
    """The value as printed plus its unit when the value does not carry it: "785.000 €"."""
    value = fact.value
    if fact.unit and fact.unit not in value:
        value = f"{value} {fact.unit}"
    return value


def nice_ticks(maximum: float, target: int = 5) -> list[float]:
    """0 and round steps (1, 2, 2,5 or 5 times a power of ten) up to at least `maximum`."""
    if maximum <= 0:
        return [0.0, 1.0]
    raw = maximum / target
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    count = math.ceil(maximum / step - 1e-9)
    return [round(i * step, 10) for i in range(count + 1)]


# ---------------------------------------------------------------- the chart records

@dataclass
class Series:
    label: str
    color: str
    pattern: str  # "solid" | "stripes" | "dots" | "cross"


@dataclass
class Bar:
    category: int
    series: int
    number: float
    label: str        # the value as printed, e.g. "785.000 € · 14,4 %"
    fact: Fact
    x: float = 0.0
    y: float = 0.0
    width: float = 0.0
    height: float = 0.0


@dataclass
class Category:
    label: str
    lines: list[str] = field(default_factory=list)
    y: float = 0.0       # top of the category's band
    height: float = 0.0


@dataclass
class Tick:
    value: float
    label: str
    x: float = 0.0


@dataclass
class Chart:
    id: str
    title: str
    axis_label: str
    categories: list[Category]
    series: list[Series]
    bars: list[Bar]
    unit: Optional[str] = None
    note: str = ""
    ticks: list[Tick] = field(default_factory=list)
    width: float = WIDTH
    height: float = 0.0
    plot_left: float = 0.0
    plot_width: float = 0.0
    plot_top: float = 0.0
    plot_bottom: float = 0.0
    title_lines: list[str] = field(default_factory=list)
    legend: list[tuple[float, float]] = field(default_factory=list)  # (x, y) of each series' swatch

    @property
    def kind(self) -> str:
        return "grouped" if len(self.series) > 1 else "bar"

    @property
    def scale(self) -> float:
        """Pixels per unit of value."""
        top = self.ticks[-1].value if self.ticks else 1.0
        return self.plot_width / top if top else 0.0

    @property
    def description(self) -> str:
        """The chart as text: what a screen reader reads and what an <img> gets as alt."""
        kind = "Gruppiertes Balkendiagramm" if self.kind == "grouped" else "Balkendiagramm"
        parts = []
        for ci, cat in enumerate(self.categories):
            values = [b for b in self.bars if b.category == ci]
            if len(self.series) > 1:
                inner = ", ".join(f"{self.series[b.series].label}: {b.label}" for b in values)
                parts.append(f"{cat.label}: {inner}")
            else:
                parts.append(f"{cat.label}: {values[0].label}" if values else cat.label)
        text = f"{kind}: {self.title}. " + "; ".join(parts) + "."
        return text + (f" {self.note}" if self.note else "")

    @property
    def short_description(self) -> str:
        return f"{'Gruppiertes Balkendiagramm' if self.kind == 'grouped' else 'Balkendiagramm'}: {self.title}."


# ---------------------------------------------------------------- charts for a table

def charts_for(table: FigureTable) -> list[Chart]:
    if table.kind == MEASURES:
        charts = _measure_charts(table)
    elif table.kind == PERIODS:
        charts = _period_charts(table)
    elif table.kind == VALUES:
        charts = _group_charts(table)
    else:  # pragma: no cover - tables.py knows only these kinds
        charts = []
    for n, chart in enumerate(charts, start=1):
        chart.id = f"{table.id}-{n}"
        layout(chart)
    return charts


def _charted(fact: Optional[Fact]) -> bool:
    return fact is not None and fact.number is not None and fact.number >= 0


def _measure_charts(table: FigureTable) -> list[Chart]:
    total = table.total_row
    rows = [r for r in table.rows if not r.is_total]
    charts = []
    for ci, column in enumerate(table.columns):
        if column.is_share:
            continue
        share_col = share_column(table, ci)
        bars, categories = [], []
        for row in rows:
            fact = row.cells[ci].fact
            if not _charted(fact):
                continue
            label = with_unit(fact)
            share = row.cells[share_col].fact if share_col is not None else None
            if share is not None:
                label += f" · {with_unit(share)}"
            categories.append(Category(row.label))
            bars.append(Bar(len(categories) - 1, 0, fact.number, label, fact))
        if len(bars) < 2:
            continue
        title = f"{column.label} nach {table.row_header}"
        total_fact = total.cells[ci].fact if total else None
        if total_fact is not None:
            title += (f" (Anteile an {with_unit(total_fact)})" if share_col is not None
                      else f" (Gesamt: {with_unit(total_fact)})")
        missing = [r.label for r in rows if not _charted(r.cells[ci].fact)]
        note = ("Ohne Wert in dieser Spalte: " + "; ".join(missing) + ".") if missing else ""
        charts.append(Chart(id="", title=title, axis_label=column.label, categories=categories,
                            series=[Series(column.label, *SERIES[0])], bars=bars, unit=column.unit, note=note))
    return charts


def share_column(table: FigureTable, column: int) -> Optional[int]:
    """The "%" column that gives each row's share of this column's total, if the figures say so.

    A share column belongs to the amount whose row / total matches every printed share to within
    the rounding of one decimal ("785.000 / 5.434.493" -> 14,4 %), not to any other column.
    """
    total = table.total_row
    total_fact = total.cells[column].fact if total else None
    if total_fact is None or not total_fact.number:
        return None
    for si, col in enumerate(table.columns):
        if not col.is_share:
            continue
        pairs = [(r.cells[column].fact, r.cells[si].fact) for r in table.rows if not r.is_total]
        pairs = [(a, s) for a, s in pairs if a is not None and s is not None
                 and a.number is not None and s.number is not None]
        if pairs and all(abs(a.number / total_fact.number * 100 - s.number) <= 0.051 for a, s in pairs):
            return si
    return None


def period_key(label: str) -> tuple[int, int]:
    """"September 2020" -> (2020, 9); "2021" -> (2021, 0): for putting periods in time order."""
    year = re.search(r"(?:19|20)\d\d", label or "")
    month = next((i + 1 for i, m in enumerate(MONTHS) if m in (label or "").lower()), 0)
    return (int(year.group(0)) if year else 0, month)


def _period_charts(table: FigureTable) -> list[Chart]:
    order = sorted(range(len(table.columns)), key=lambda i: period_key(table.columns[i].label))
    series = [Series(table.columns[i].label, *SERIES[n % len(SERIES)]) for n, i in enumerate(order)]
    bars, categories = [], []
    for row in table.rows:
        facts = [row.cells[i].fact for i in order]
        if not any(_charted(f) for f in facts):
            continue
        categories.append(Category(row.label))
        for si, fact in enumerate(facts):
            if _charted(fact):
                bars.append(Bar(len(categories) - 1, si, fact.number, with_unit(fact), fact))
    if not bars:
        return []
    labels = [s.label for s in series]
    title = f"{table.title}: {_join_periods(labels)}"
    units = {b.fact.unit for b in bars}
    unit = units.pop() if len(units) == 1 else None
    return [Chart(id="", title=title, axis_label="Anzahl" if unit is None else unit, categories=categories,
                  series=series, bars=bars, unit=unit)]


def _join_periods(labels: list[str]) -> str:
    """["September 2019", "September 2020"] -> "September 2019 und 2020"."""
    words = [lbl.rsplit(" ", 1) for lbl in labels]
    if len(labels) > 1 and all(len(w) == 2 for w in words) and len({w[0] for w in words}) == 1:
        years = [w[1] for w in words]
        return f"{words[0][0]} {', '.join(years[:-1])} und {years[-1]}"
    return ", ".join(labels[:-1]) + " und " + labels[-1] if len(labels) > 1 else "".join(labels)


def _group_charts(table: FigureTable) -> list[Chart]:
    charts = []
    bases = []
    for row in table.rows:
        if row.group and row.base not in bases:
            bases.append(row.base)
    for base in bases:
        members = [r for r in table.rows if r.base == base and (r.group or r.label == base)]
        members = [r for r in members if _charted(r.cells[0].fact)]
        if len(members) < 2:
            continue
        categories = [Category("insgesamt" if r.group is None else r.group) for r in members]
        bars = [Bar(i, 0, r.cells[0].fact.number, with_unit(r.cells[0].fact), r.cells[0].fact)
                for i, r in enumerate(members)]
        units = {b.fact.unit for b in bars}
        unit = units.pop() if len(units) == 1 else None
        period = members[0].cells[0].fact.period
        groups = [r.group.removeprefix("davon ") for r in members if r.group]
        title = f"{base}{' ' + period if period else ''}: {_join(['insgesamt', *groups])}"
        axis = base + (f" in {unit}" if unit else "")
        charts.append(Chart(id="", title=title, axis_label=axis, categories=categories,
                            series=[Series(base, *SERIES[0])], bars=bars, unit=unit))
    return charts


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " und " + items[-1]


# ---------------------------------------------------------------- layout

def wrap(text: str, max_chars: int) -> list[str]:
    """Greedy word wrap; a word longer than a line stays whole (SVG text does not wrap itself)."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= max_chars:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def text_width(text: str, size: float) -> float:
    return len(text) * size * CHAR_WIDTH


def layout(chart: Chart) -> Chart:
    """Place title, legend, categories, bars and ticks; lengths are number x scale."""
    pad = 12
    label_width = 230
    value_room = max((text_width(b.label, SMALL_SIZE) for b in chart.bars), default=0) + 12
    chart.plot_left = pad + label_width + 8
    chart.plot_width = max(160.0, chart.width - chart.plot_left - value_room - pad)
    chart.title_lines = wrap(chart.title, int((chart.width - 2 * pad) / (TITLE_SIZE * CHAR_WIDTH)))
    y = pad + TITLE_SIZE * len(chart.title_lines) * 1.25 + 4
    if len(chart.series) > 1:
        x, row_y = pad, y + 6
        chart.legend = []
        for s in chart.series:
            item = 22 + text_width(s.label, SMALL_SIZE + 1) + 20
            if chart.legend and x + item > chart.width - pad:
                x, row_y = pad, row_y + 22
            chart.legend.append((x, row_y))
            x += item
        y = row_y + 24
    chart.plot_top = y + 6
    y = chart.plot_top
    n_series = len(chart.series)
    bar_height = 18 if n_series == 1 else 13
    bar_gap = 2
    line_height = LABEL_SIZE * 1.2
    max_chars = int(label_width / (LABEL_SIZE * CHAR_WIDTH))
    for cat in chart.categories:
        cat.lines = wrap(cat.label, max_chars)
        bars_h = n_series * bar_height + (n_series - 1) * bar_gap
        cat.height = max(bars_h, len(cat.lines) * line_height) + (14 if n_series > 1 else 10)
        cat.y = y
        y += cat.height
    chart.plot_bottom = y
    top = max((b.number for b in chart.bars), default=1.0)
    values = nice_ticks(top)
    decimals = max((_decimals(v) for v in values), default=0)
    chart.ticks = [Tick(v, format_number(v, decimals)) for v in values]
    scale = chart.scale
    for tick in chart.ticks:
        tick.x = chart.plot_left + tick.value * scale
    for bar in chart.bars:
        cat = chart.categories[bar.category]
        bars_h = n_series * bar_height + (n_series - 1) * bar_gap
        first = cat.y + (cat.height - bars_h) / 2
        bar.y = first + bar.series * (bar_height + bar_gap)
        bar.height = bar_height
        bar.x = chart.plot_left
        bar.width = bar.number * scale
    chart.height = chart.plot_bottom + 22 + 22 + pad
    return chart


def _decimals(value: float) -> int:
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return len(text.split(".")[1]) if "." in text else 0


# ---------------------------------------------------------------- SVG

def _t(value) -> str:
    return escape(str(value), quote=True)


def _num(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _patterns(chart: Chart) -> list[str]:
    out = []
    for i, s in enumerate(chart.series):
        pid = f"{chart.id}-p{i}"
        if s.pattern == "stripes":
            out.append(f'<pattern id="{_t(pid)}" width="6" height="6" patternUnits="userSpaceOnUse" '
                       f'patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/>'
                       f'<rect width="3.5" height="6" fill="{s.color}"/></pattern>')
        elif s.pattern == "dots":
            out.append(f'<pattern id="{_t(pid)}" width="5" height="5" patternUnits="userSpaceOnUse">'
                       f'<rect width="5" height="5" fill="#ffffff"/><circle cx="2.5" cy="2.5" r="1.6" '
                       f'fill="{s.color}"/></pattern>')
        elif s.pattern == "cross":
            out.append(f'<pattern id="{_t(pid)}" width="6" height="6" patternUnits="userSpaceOnUse">'
                       f'<rect width="6" height="6" fill="#ffffff"/><path d="M0 0L6 6M6 0L0 6" '
                       f'stroke="{s.color}" stroke-width="1.4"/></pattern>')
    return out


def _fill(chart: Chart, series: int) -> str:
    s = chart.series[series]
    return s.color if s.pattern == "solid" else f"url(#{chart.id}-p{series})"


def render_svg(chart: Chart, standalone: bool = False) -> Markup:
    """The chart as SVG markup: inline in a page, or (standalone) as an image file of its own."""
    cid = _t(chart.id)
    out = []
    ns = ' xmlns="http://www.w3.org/2000/svg"' if standalone else ""
    out.append(f'<svg{ns} class="chart" viewBox="0 0 {_num(chart.width)} {_num(chart.height)}" '
               f'width="{_num(chart.width)}" height="{_num(chart.height)}" role="img" '
               f'aria-labelledby="{cid}-title {cid}-desc" font-family="{_t(FONT)}" '
               f'data-chart="{cid}">')
    out.append(f'<title id="{cid}-title">{_t(chart.title)}</title>')
    out.append(f'<desc id="{cid}-desc">{_t(chart.description)}</desc>')
    patterns = _patterns(chart)
    if patterns:
        out.append("<defs>" + "".join(patterns) + "</defs>")
    out.append(f'<rect width="{_num(chart.width)}" height="{_num(chart.height)}" fill="#ffffff"/>')
    # Title (drawn, so that the chart explains itself when shown alone, e.g. in the chat)
    y = 12 + TITLE_SIZE
    for line in chart.title_lines:
        out.append(f'<text x="12" y="{_num(y)}" font-size="{TITLE_SIZE}" font-weight="700" '
                   f'fill="{TEXT}">{_t(line)}</text>')
        y += TITLE_SIZE * 1.25
    # Legend (grouped charts)
    if len(chart.series) > 1:
        for i, (s, (x, ly)) in enumerate(zip(chart.series, chart.legend)):
            out.append(f'<rect x="{_num(x)}" y="{_num(ly)}" width="16" height="14" '
                       f'fill="{_fill(chart, i)}" stroke="{s.color}" stroke-width="1.5"/>')
            out.append(f'<text x="{_num(x + 22)}" y="{_num(ly + 12)}" font-size="{SMALL_SIZE + 1}" '
                       f'fill="{TEXT}">{_t(s.label)}</text>')
    # Grid and tick labels (German number format)
    for tick in chart.ticks:
        out.append(f'<line x1="{_num(tick.x)}" y1="{_num(chart.plot_top)}" x2="{_num(tick.x)}" '
                   f'y2="{_num(chart.plot_bottom)}" stroke="{GRID}" stroke-width="1"/>')
        out.append(f'<text class="tick" x="{_num(tick.x)}" y="{_num(chart.plot_bottom + 16)}" '
                   f'font-size="{SMALL_SIZE}" text-anchor="middle" fill="{MUTED}">{_t(tick.label)}</text>')
    out.append(f'<text x="{_num(chart.plot_left + chart.plot_width / 2)}" y="{_num(chart.plot_bottom + 38)}" '
               f'font-size="{SMALL_SIZE + 1}" text-anchor="middle" fill="{TEXT}">{_t(chart.axis_label)}</text>')
    # Category labels
    for cat in chart.categories:
        lh = LABEL_SIZE * 1.2
        first = cat.y + cat.height / 2 - (len(cat.lines) - 1) * lh / 2 + LABEL_SIZE * 0.35
        spans = "".join(f'<tspan x="{_num(chart.plot_left - 10)}" y="{_num(first + i * lh)}">{_t(line)}</tspan>'
                        for i, line in enumerate(cat.lines))
        out.append(f'<text font-size="{LABEL_SIZE}" text-anchor="end" fill="{TEXT}">{spans}</text>')
    # Bars with their value written at the end
    for bar in chart.bars:
        s = chart.series[bar.series]
        out.append(f'<rect class="bar" x="{_num(bar.x)}" y="{_num(bar.y)}" width="{_num(bar.width)}" '
                   f'height="{_num(bar.height)}" fill="{_fill(chart, bar.series)}" stroke="{s.color}" '
                   f'stroke-width="1" data-value="{_t(bar.fact.value)}" data-number="{_t(bar.number)}"/>')
        out.append(f'<text class="value" x="{_num(bar.x + bar.width + 6)}" y="{_num(bar.y + bar.height / 2 + 4)}" '
                   f'font-size="{SMALL_SIZE}" fill="{TEXT}">{_t(bar.label)}</text>')
    # Axis line
    out.append(f'<line x1="{_num(chart.plot_left)}" y1="{_num(chart.plot_top)}" x2="{_num(chart.plot_left)}" '
               f'y2="{_num(chart.plot_bottom)}" stroke="{AXIS}" stroke-width="1.5"/>')
    out.append("</svg>")
    return Markup("".join(out))
