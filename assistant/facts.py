"""Figures of a document as structured Facts.

Three sources, one record type:
- tables (tab-separated rows): every row x every value column, with the column header
  as measure or, when the header names a month/year, as period;
- "Label: Wert" lines ("Verwaltungsbudget: 9.462.259 € (- 224.143 € im Vergleich zu 2021)",
  "Geplante Eintritte: 136");
- figures inside sentences ("ein Budget von 330.000 €", "172 Mitarbeiterinnen und Mitarbeiter").
The value is kept exactly as printed; `number` is the parsed float.
"""
from __future__ import annotations

import re
from typing import Optional

from .records import Block, Document, Fact, Section
from .text import normalise_space, parse_german_number, split_sentences

_PERIOD_RE = re.compile(r"^(?:(?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|"
                        r"Dezember)\s+)?(?:19|20)\d\d$")
_YEAR_RE = re.compile(r"\b(?:19|20)\d\d\b")
# A figure: German thousands/decimals, optional sign, optional unit right after.
_FIGURE_RE = re.compile(
    r"(?<![\w.,§/-])(?P<sign>[+\-–]\s?)?(?P<num>\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+,\d+|\d+)"
    r"(?P<unit>\s?%|\s?€|\s(?:Personen|Plätze[n]?|Prozent|VZÄ|Vollzeitäquivalente[n]?|Mitarbeiterinnen|"
    r"Integrationen|Eintritte|Maßnahmen|ELB|Kundinnen|Leistungsberechtigte|Beauftragungen|"
    r"Ausbildungsstellenbewerber|Bedarfsgemeinschaften|Fördermöglichkeiten|jungen Menschen)(?![\wäöüß]))?"
    r"(?!\d)(?![.,]\d)(?![A-Za-zÄÖÜäöüß])(?!-[A-Za-zÄÖÜäöüß])")
# A sentence in the past tense ("sicherte den Unterhalt von mehr als 5.000 Bedarfsgemeinschaften") with no
# year of its own tells of the year the sentences before it name ("Wie 2020, war auch das Jahr 2021 ...").
_PAST_TENSE = re.compile(r"\b(?:war|waren|wurde|wurden|hatte|hatten|konnte|konnten|lag|lagen|gab|sicherte|"
                         r"erreichte|erreichten|zeigte|zeigten|stieg|sank|gelang|verzeichneten|erhielten)\b")
# Row labels that state how the row above changed rather than a figure of their own.
_RELATIVE_LABEL = re.compile(r"^(Veränderung|Differenz|Abweichung)\b", re.I)
_UNIT_WORDS = {"%": "%", "Prozent": "%", "€": "€"}


def extract_facts(doc: Document) -> list[Fact]:
    facts: list[Fact] = []
    for sec in doc.sections:
        facts.extend(_section_facts(doc, sec))
    return facts


def _section_facts(doc: Document, sec: Section) -> list[Fact]:
    out: list[Fact] = []
    table: list[Block] = []
    table_no = 0
    context = sec.title
    told: Optional[str] = None  # the latest year the section's sentences have named so far
    for b in sec.blocks + [Block("end", "")]:
        if b.kind == "table":
            table.append(b)
            continue
        if table:
            table_no += 1
            out.extend(_table_facts(doc, sec, table, f"{doc.doc}:{sec.section}:t{table_no}", context))
            table = []
        if b.kind == "subheading":
            context = b.text
        elif b.kind in ("para", "caption", "list"):
            facts, told = _text_facts(doc, sec, b, told)
            out.extend(facts)
    return out


def table_starts(doc: Document) -> dict[str, tuple[Block, str]]:
    """Each table's first row and the text block before it, by the ids `extract_facts` gives
    (the n-th run of table rows in a section is its table "t<n>")."""
    starts: dict[str, tuple[Block, str]] = {}
    for sec in doc.sections:
        table_no, before, in_table = 0, "", False
        for b in sec.blocks:
            if b.kind == "table":
                if not in_table:
                    table_no += 1
                    starts[f"{doc.doc}:{sec.section}:t{table_no}"] = (b, before)
                in_table = True
                continue
            in_table = False
            if b.kind in ("para", "caption", "list"):
                before = b.text
    return starts


def table_captions(doc: Document) -> dict[str, str]:
    """The sentence before each table ("Für das Jahr 2022 sind die folgenden Eintritte ... vorgesehen:")."""
    return {table: before for table, (_, before) in table_starts(doc).items() if before}


def table_row_heads(doc: Document) -> dict[str, str]:
    """The head of each table's row labels, when its first row is a header ("Maßnahmeart"):
    what the table's rows are instances of."""
    heads = {}
    for table, (first, _) in table_starts(doc).items():
        cells = first.text.split("\t")
        if len(cells) > 1 and cells[0].strip() and not any(_is_value(c) for c in cells[1:]):
            heads[table] = cells[0].strip()
    return heads


# ---------------------------------------------------------------- tables

def _is_value(cell: str) -> bool:
    c = cell.strip()
    return bool(c) and bool(re.match(r"^[+\-–]?\s?\d", c))


def _table_facts(doc: Document, sec: Section, rows: list[Block], table_id: str, context: str) -> list[Fact]:
    cells = [r.text.split("\t") for r in rows]
    header: Optional[list[str]] = None
    if cells and not any(_is_value(c) for c in cells[0][1:]) and len(cells[0]) > 1:
        header = [c.strip() for c in cells[0]]
        body = list(zip(rows[1:], cells[1:]))
    else:
        body = list(zip(rows, cells))
    title_year = _YEAR_RE.search(sec.title)
    facts: list[Fact] = []
    group: Optional[str] = None
    parent: Optional[str] = None
    before_groups: set[str] = set()
    previous: Optional[str] = None  # subject of the last row that was not a change row
    base_row: Optional[str] = None  # label of the last row that was not a "davon" breakdown
    for block, row in body:
        label = row[0].strip()
        values = row[1:]
        if not any(v.strip() for v in values):
            group = label.rstrip(":").strip()  # "davon Frauen:" heads the rows below it
            continue
        if previous and _RELATIVE_LABEL.match(label) and not header:
            # "Veränderung zum Vorjahr  -3,0 % bzw. -128 Personen" is the change of the row above
            subject = f"{label} ({previous})"
            for value in re.split(r"\s+bzw\.\s+", "".join(v.strip() for v in values)):
                facts.append(_fact(doc, sec, subject, label, value,
                                   title_year.group(0) if title_year else None, block.text, block, table_id, None))
            continue
        if group and label not in before_groups:
            group = None  # a new kind of row ends the group ("Bestand an ..." after "davon Männer")
        if not group:
            before_groups.add(label)
        if block.bold:
            parent = label  # a bold row ("Arbeitslose") heads the breakdown rows below it
        elif parent and not group:
            group = None
        if parent and not block.bold and not group:
            label_for_subject = f"{label} ({parent})"
        elif label.lower().startswith("davon ") and previous and not group:
            # "davon über 450 €/Monat" below "Erwerbstätige ELB" breaks that row down
            label_for_subject = f"{label} ({base_row})"
        else:
            label_for_subject = label
        if not label.lower().startswith("davon "):
            base_row = label
        for col, raw in enumerate(values, start=1):
            raw = raw.strip()
            if not raw:
                continue
            col_head = header[col] if header and col < len(header) else None
            period = measure = None
            if col_head and _PERIOD_RE.match(col_head):
                period = col_head
                subject = f"{label} ({group})" if group else label_for_subject
                measure = context
            elif col_head:
                measure, subject = col_head, label
                year = _YEAR_RE.search(col_head) or title_year
                period = year.group(0) if year else None
            else:
                subject = f"{label} ({group})" if group else label
                measure = label
                period = title_year.group(0) if title_year else None
            for value in re.split(r"\s+bzw\.\s+", raw):
                facts.append(_fact(doc, sec, subject, measure, value, period, block.text, block,
                                   table_id, col_head))
            previous = subject
    return facts


def _fact(doc: Document, sec: Section, subject: str, measure: str, value: str, period: Optional[str],
          source: str, block: Block, table_id: Optional[str] = None, col_head: Optional[str] = None) -> Fact:
    value = value.strip()
    unit = None
    m = re.match(r"^([+\-–]?\s?[\d.,]+)\s*(.*)$", value)
    tail = m.group(2).strip() if m else ""
    if tail:
        unit = _UNIT_WORDS.get(tail, tail)
    elif col_head:
        if col_head.strip() == "%" or "%" in col_head:
            unit = "%"
        elif "€" in col_head:
            unit = "€"
    number = parse_german_number(m.group(1)) if m else None
    return Fact(subject=normalise_space(subject), measure=normalise_space(measure or ""), value=value,
                number=number, unit=unit, section=sec.section, doc=doc.doc, period=period,
                source_text=normalise_space(source.replace("\t", "  ")), table=table_id,
                page=block.page, line=block.line)


# ---------------------------------------------------------------- text

_LABEL_VALUE_RE = re.compile(r"^(?P<label>[A-ZÄÖÜ][\wÄÖÜäöüß .\-/]{2,60}?):\s*(?P<value>[+\-–]?\s?\d[\d.,]*\s?(?:€|%)?)"
                             r"(?:\s*\((?P<note>[^)]*)\))?\s*$")


def _text_facts(doc: Document, sec: Section, b: Block, told: Optional[str]) -> tuple[list[Fact], Optional[str]]:
    """The facts of a block, and the latest year named so far in its section (told: before the block)."""
    text = b.text.strip()
    m = _LABEL_VALUE_RE.match(text)
    if m:
        label = m.group("label").strip()
        year = _YEAR_RE.search(sec.title)
        subject = label if not label.lower().startswith(("geplante", "geplant")) else sec.title
        facts = [_fact(doc, sec, subject, label, m.group("value"), year.group(0) if year else _doc_year(doc), text, b)]
        note = m.group("note")
        if note:
            for f in _FIGURE_RE.finditer(note):
                if _is_year_or_ref(note, f):
                    continue
                facts.append(_fact(doc, sec, label, normalise_space(note.replace(f.group(0), "").strip(" -–")),
                                   f.group(0), None, text, b))
        return facts, told
    out: list[Fact] = []
    own_year = _doc_year(doc)
    for sentence in split_sentences(text):
        years = _YEAR_RE.findall(sentence)
        period = years[0] if years else None
        if not years and told and _PAST_TENSE.search(sentence) and (not own_year or told < own_year):
            period = told
        for f in _FIGURE_RE.finditer(sentence):
            if _is_year_or_ref(sentence, f):
                continue
            subject = _subject_near(sentence, f)
            out.append(_fact(doc, sec, subject, _clause(sentence, f), f.group(0), period, sentence, b))
        if years:
            told = max(years)
    return out, told


def _doc_year(doc: Document) -> Optional[str]:
    m = _YEAR_RE.search(doc.title)
    return m.group(0) if m else None


def _is_year_or_ref(sentence: str, m: re.Match) -> bool:
    num = m.group("num")
    before = sentence[:m.start()].rstrip()
    after = sentence[m.end():m.end() + 3]
    if not m.group("unit") and re.fullmatch(r"(19|20)\d\d", num):
        return True  # a year
    if re.match(r"^\.\s*(Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)",
                sentence[m.end():]):
        return True  # a date: "01. März 2020"
    if re.search(r"(§§?|Abs\.|Satz|Ziffer|Nr\.|SGB|Phase|U|Covid|COVID-|Abbildung|vgl\.)$", before):
        return True  # a paragraph, phase or figure reference
    if re.match(r"^[.-]\d|^\.\s?(Corona|Welle|Jahres|Förderjahr)|^-(Phasen|monatlich|Augen|wöchig)", after + sentence[m.end():m.end() + 12]):
        return True  # dates and ordinals like "01.01.2019", "4. Corona-Welle", "4-Phasen-Modell"
    if re.match(r"^\.", sentence[m.end():m.end() + 1]) and not m.group("unit"):
        nxt = sentence[m.end() + 1:m.end() + 2]
        if nxt and (nxt.isdigit() or nxt == " " and re.match(r"^\. [A-ZÄÖÜa-zäöü]", sentence[m.end():m.end() + 3]) and int(num) < 32 and
                    re.match(r"^\. (Jahres|Corona|Förder|Welle)", sentence[m.end():m.end() + 12])):
            return True
    return False


def _subject_near(sentence: str, m: re.Match) -> str:
    after = sentence[m.end():].strip()
    unit = (m.group("unit") or "").strip()
    if unit in ("", "%", "€", "Prozent"):
        words = re.findall(r"[\wÄÖÜäöüß§\-]+", sentence[:m.start()])[-6:]
        return " ".join(words) if words else sentence[:60]
    words = re.findall(r"[\wÄÖÜäöüß§\-]+", after)[:5]
    return normalise_space(unit + " " + " ".join(words))


def _clause(sentence: str, m: re.Match) -> str:
    """The part of the sentence around the figure, cut at commas/semicolons."""
    start = max(sentence.rfind(",", 0, m.start()), sentence.rfind(";", 0, m.start()), -1) + 1
    end_c = [i for i in (sentence.find(",", m.end()), sentence.find(";", m.end())) if i != -1]
    end = min(end_c) if end_c else len(sentence)
    return normalise_space(sentence[start:end])[:200]
