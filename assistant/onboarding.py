"""Onboarding: the programme chapter by chapter, and practice questions.

- `build_chapters()` gives every top-level part of a document (Vorwort, 1, 2, ...) with
  * a summary of 2-3 of its own sentences, picked extractively: the sentences whose words are most
    central to the chapter (TF-IDF over the chapters, cosine to the chapter as a whole), chosen
    with a penalty for repeating each other (maximal marginal relevance) and shown in document
    order, each with the section it comes from;
  * its key figures: the figures the parser read from its text ("Verwaltungsbudget: 9.462.259 €")
    and its tables (tables.py);
  * the abbreviations it uses: glossary terms whose `sections` lie in the chapter;
  * a time plan for a one-hour session, in proportion to the chapter's length.
- `build_practice()` turns the glossary and the table / "Label: Wert" facts into questions
  ("Wofür steht FbW?", "Welcher Wert steht bei ... in der Spalte ...?"), and `check_answer()`
  checks an answer: a long form case- and punctuation-insensitively, a figure as a number.
"""
from __future__ import annotations

import hashlib
import math
import re
import unicodedata
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Iterable, Optional

from .chunks import is_table_row
from .docview import cut_spans
from .records import Document, Fact, GlossaryTerm, Section
from .tables import FigureTable
from .text import normalise_space, split_sentences

# ---------------------------------------------------------------- words

STOPWORDS = set("""
aber alle allem allen aller alles also auch auf aus bei beim bereits besonders bis bzw dabei dadurch
dafür daher damit dann darauf darüber dass davon dazu dem den denen der deren des dessen die dies diese
diesem diesen dieser dieses doch dort durch eine einem einen einer eines einige etwa etwas für gegen
gibt haben hat hatte hier hierbei hierfür hinaus ihre ihrem ihren ihrer immer insbesondere ist jahr jahre
jahren jedoch jetzt kann können konnte konnten mehr mit muss müssen nach neben nicht noch nun nur oder
ohne schon sehr sein seine seit sich sie sind so sollen soll sowie über um und uns unser unsere unseren
unserer unter viele vom von vor während war waren wird werden wie wieder wir wurde wurden zum zur zu
zwischen ganz weiterhin zudem sowohl weil wenn welche welcher welches jeweils gerade stets ebenso
""".split())
_ANAPHORA = re.compile(r"^(Dies|Diese|Dieser|Dieses|Diesen|Hierbei|Hierfür|Hierzu|Hier|Dabei|Daher|Dazu|Davon|"
                       r"Damit|Außerdem|Zudem|Zusätzlich|Hinzu|Sie|Er|Es|Ebenso|Auch|Darüber|Deshalb|So)\b")
_ANAPHORA_INNER = re.compile(r"^\S+ (dies|diese|dieser|dieses|diesem|diesen|hierbei)\b")
_WORD_RE = re.compile(r"[a-zäöüß]+")
STEM = 7


def words(text: str) -> list[str]:
    """Content words, cut to a common stem ("Integrationen", "Integrationsquote" -> "integr")."""
    return [w[:STEM] for w in _WORD_RE.findall(text.lower()) if len(w) >= 4 and w not in STOPWORDS]


def _vector(tokens: Iterable[str], idf: dict[str, float]) -> dict[str, float]:
    vec: dict[str, float] = {}
    for t in tokens:
        vec[t] = vec.get(t, 0.0) + idf.get(t, 0.0)
    return vec


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if not a or not b:
        return 0.0
    dot = sum(v * b.get(k, 0.0) for k, v in a.items())
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = math.sqrt(sum(v * v for v in b.values()))
    return dot / (na * nb) if na and nb else 0.0


# ---------------------------------------------------------------- chapters

@dataclass
class SummarySentence:
    text: str
    section: str
    section_title: str
    score: float = 0.0


@dataclass
class KeyFigure:
    values: list[str]  # as printed, with unit: ["9.462.259 €"]; several when one sentence holds several
    label: str         # the line or sentence they stand in: "Verwaltungsbudget: 9.462.259 € (...)"
    section: str
    facts: list[Fact]
    labelled: bool = False  # a "Label: Wert" line rather than a sentence

    @property
    def segments(self) -> list[tuple[str, bool]]:
        """The sentence cut into (piece, is_figure), so that a page can set the figures in bold."""
        spans = []
        for f in self.facts:
            start = self.label.find(f.value)
            while start != -1 and any(a <= start < b for a, b in spans):
                start = self.label.find(f.value, start + 1)
            if start != -1:
                spans.append((start, start + len(f.value)))
        return cut_spans(self.label, spans)


@dataclass
class Abbreviation:
    abbr: str
    long: str
    sections: list[str]


@dataclass
class Chapter:
    doc: str
    section: Section
    subsections: list[Section]
    summary: list[SummarySentence] = field(default_factory=list)
    figures: list[KeyFigure] = field(default_factory=list)
    more_figures: int = 0  # figures of the chapter's text not listed among the key figures
    tables: list[FigureTable] = field(default_factory=list)
    abbreviations: list[Abbreviation] = field(default_factory=list)
    words: int = 0
    minutes: int = 0

    @property
    def number(self) -> str:
        return self.section.section

    @property
    def sections(self) -> list[Section]:
        return [self.section, *self.subsections]

    @property
    def section_numbers(self) -> set[str]:
        return {s.section for s in self.sections}

    @property
    def anchor(self) -> str:
        return "kapitel-" + re.sub(r"[^\w-]+", "-", self.number)


SKIP_CHAPTERS = {"Legende"}  # the glossary page shows it; it has no prose to summarise
SESSION_MINUTES = 60
PRACTICE_MINUTES = 10
MAX_KEY_FIGURES = 10


def _descendants(doc: Document, root: Section) -> list[Section]:
    children: dict[Optional[str], list[Section]] = {}
    for s in doc.sections:
        children.setdefault(s.parent, []).append(s)
    out, stack = [], list(reversed(children.get(root.section, [])))
    while stack:
        s = stack.pop()
        out.append(s)
        stack.extend(reversed(children.get(s.section, [])))
    return out


def candidate_sentences(sections: Iterable[Section]) -> list[SummarySentence]:
    """Finished prose sentences of a chapter (no table rows, headings or list fragments)."""
    out = []
    for sec in sections:
        for block in sec.blocks:
            if block.kind not in ("para", "list", "caption"):
                continue
            for sentence in split_sentences(block.text):
                n = len(sentence.split())
                if is_table_row(sentence) or not 8 <= n <= 45 or not re.search(r"[.!?]$", sentence):
                    continue
                if not re.match(r"[A-ZÄÖÜ„\"(§0-9]", sentence):
                    continue
                out.append(SummarySentence(sentence, sec.section, sec.title))
    return out


_LABEL_PREFIX = re.compile(r"^[\wÄÖÜäöüß .-]{1,25}:\s")  # "Phase 2: ..." belongs to a list, not a summary


def summarise(chapters: list[Chapter]) -> None:
    """Pick each chapter's summary sentences (in place). IDF is taken over the chapters.

    score = cosine(sentence, chapter) x topic (words of the chapter's title) x position (a
    section's opening sentence states its subject) x anaphora (a sentence starting "Dies ..."
    needs the one before it); then maximal marginal relevance against repeating the same
    words or the same section.
    """
    per_chapter = [candidate_sentences(ch.sections) for ch in chapters]
    chapter_tokens = []
    for ch, sentences in zip(chapters, per_chapter):
        titles = " ".join(s.title for s in ch.sections)
        # A table's row labels ("Arbeitslose", "Langzeitarbeitslose") say what the chapter is about, too.
        labels = " ".join(b.text.split("\t")[0] for sec in ch.sections for b in sec.blocks if b.kind == "table")
        chapter_tokens.append(words(" ".join(s.text for s in sentences)) + words(titles) * 2 + words(labels))
    df: dict[str, int] = {}
    for tokens in chapter_tokens:
        for t in set(tokens):
            df[t] = df.get(t, 0) + 1
    n = len(chapters)
    idf = {t: math.log((n + 1) / (d + 0.5)) for t, d in df.items()}
    for ch, sentences, tokens in zip(chapters, per_chapter, chapter_tokens):
        sentences = [s for s in sentences if not _LABEL_PREFIX.match(s.text)] or sentences
        centre = _vector(tokens, idf)
        topic = set(words(ch.section.title)) - {"jobcen", "landkre", "kassel"}
        vectors = [_vector(words(s.text), idf) for s in sentences]
        seen_sections: set[str] = set()
        for i, (s, vec) in enumerate(zip(sentences, vectors)):
            score = _cosine(vec, centre)
            if topic:
                score *= 1 + 0.5 * len(topic & set(vec)) / len(topic)
            if s.section not in seen_sections:
                score *= 1.25 if i else 1.4  # a section's (and the chapter's) first sentence
                seen_sections.add(s.section)
            if _ANAPHORA.match(s.text) or _ANAPHORA_INNER.match(s.text):
                score *= 0.7
            s.score = score
        want = 3 if len(sentences) >= 9 else 2
        chosen: list[int] = []
        while len(chosen) < min(want, len(sentences)):
            def mmr(i: int) -> float:
                overlap = max((_cosine(vectors[i], vectors[j]) for j in chosen), default=0.0)
                same = any(_top(sentences[i].section) == _top(sentences[j].section) for j in chosen)
                return 0.7 * sentences[i].score - 0.3 * overlap - (0.05 if same else 0.0)
            best = max((i for i in range(len(sentences)) if i not in chosen), key=mmr)
            chosen.append(best)
        ch.summary = [sentences[i] for i in sorted(chosen)]


def _top(section: str) -> str:
    """The level-2 part of a section number ("5.4" for "5.4.2"), to spread a summary over them."""
    return ".".join(section.split(".")[:2])


def _key_figures(facts: list[Fact], sections: set[str]) -> tuple[list[KeyFigure], int]:
    """The chapter's text figures, one entry per line or sentence: "Label: Wert" lines first,
    then sentences with amounts (€), shares (%), other counts; shown in document order.

    Table facts are left out here: the chapter shows its tables whole.
    """
    entries: dict[tuple[str, str], KeyFigure] = {}
    ranks: dict[tuple[str, str], tuple[int, int]] = {}
    for pos, f in enumerate(facts):
        if f.table or f.section not in sections or f.number is None:
            continue
        labelled = is_labelled(f)
        label = f.source_text  # the line or sentence, as the document has it
        key = (f.section, label)
        value = f.value if not f.unit or f.unit in f.value else f"{f.value} {f.unit}"
        main = labelled and (f.measure == f.subject or f.source_text.startswith(f.measure))
        # "Verwaltungsbudget: 9.462.259 €" before "(- 224.143 € im Vergleich zu 2021)"
        rank = 0 if main else 2 if labelled else 1 if f.unit == "€" else 3 if f.unit == "%" else 4 if f.unit else 5
        if key not in entries:
            entries[key] = KeyFigure([], label, f.section, [], labelled)
            ranks[key] = (rank, pos)
        entry = entries[key]
        if value not in entry.values:
            entry.values.append(value)
            entry.facts.append(f)
        ranks[key] = (min(ranks[key][0], rank), ranks[key][1])
    # Best first within each section, then take turns between the sections, so that a chapter's
    # figures are not all from its first section.
    by_section: dict[str, list[tuple[str, str]]] = {}
    for key in sorted(entries, key=lambda k: ranks[k]):
        by_section.setdefault(key[0], []).append(key)
    queues = sorted(by_section.values(), key=lambda q: ranks[q[0]][1])
    best: list[tuple[str, str]] = []
    while len(best) < MAX_KEY_FIGURES and any(queues):
        for queue in queues:
            if queue and len(best) < MAX_KEY_FIGURES:
                best.append(queue.pop(0))
    return [entries[k] for k in sorted(best, key=lambda k: ranks[k][1])], len(entries) - len(best)


def is_labelled(f: Fact) -> bool:
    """A "Label: Wert" line ("Verwaltungsbudget: 9.462.259 €", "Geplante Eintritte: 136")."""
    if f.table:
        return False
    return f.source_text.startswith((f.measure + ":", f.subject + ":"))


def _abbreviations(glossary: list[GlossaryTerm], doc: str, sections: set[str]) -> list[Abbreviation]:
    out = []
    for terms in group_terms([t for t in glossary if t.doc == doc]):
        terms.sort(key=lambda t: t.source != "legende")  # the Legende's spelling and long form lead
        used: list[str] = []
        for t in terms:
            used += [s for s in t.sections if s in sections and s not in used]
        if used:
            out.append(Abbreviation(terms[0].abbr, terms[0].long, used))
    return sorted(out, key=lambda a: fold(a.abbr))


def _plan_minutes(chapters: list[Chapter], total: int) -> None:
    """Share `total` minutes by length (at least 2 each), rounded so that they add up exactly."""
    if not chapters:
        return
    weights = [max(ch.words, 1) for ch in chapters]
    floor = 2
    spare = max(0, total - floor * len(chapters))
    raw = [spare * w / sum(weights) for w in weights]
    minutes = [floor + int(r) for r in raw]
    rest = total - sum(minutes)
    for i in sorted(range(len(raw)), key=lambda i: raw[i] - int(raw[i]), reverse=True)[:max(rest, 0)]:
        minutes[i] += 1
    for ch, m in zip(chapters, minutes):
        ch.minutes = m


def build_chapters(doc: Document, facts: list[Fact], glossary: list[GlossaryTerm],
                   tables: list[FigureTable]) -> list[Chapter]:
    chapters = []
    for sec in doc.sections:
        if sec.parent is not None or sec.section in SKIP_CHAPTERS:
            continue
        ch = Chapter(doc.doc, sec, _descendants(doc, sec))
        numbers = ch.section_numbers
        ch.words = sum(len(s.text.split()) for s in ch.sections)
        ch.figures, ch.more_figures = _key_figures([f for f in facts if f.doc == doc.doc], numbers)
        ch.tables = [t for t in tables if t.doc == doc.doc and t.section in numbers]
        ch.abbreviations = _abbreviations(glossary, doc.doc, numbers)
        chapters.append(ch)
    summarise(chapters)
    _plan_minutes(chapters, SESSION_MINUTES - PRACTICE_MINUTES)
    return chapters


# ---------------------------------------------------------------- practice

ABBR = "abk"
FIGURE = "zahl"
MAX_ANSWER_CHARS = 200


@dataclass
class PracticeItem:
    id: str
    kind: str               # ABBR | FIGURE
    prompt: str             # the question, German
    expected: str           # the right answer as the document writes it
    doc: str
    section: str            # where the answer stands
    section_title: str
    excerpt: str            # the line to highlight in the document view
    chapters: set[str] = field(default_factory=set)
    accepted: list[str] = field(default_factory=list)   # ABBR: folded long forms
    numbers: list[float] = field(default_factory=list)  # FIGURE: accepted values


@dataclass
class Feedback:
    correct: bool
    message: str


def fold(text: str) -> str:
    """Case, accents written as "ae"/"oe"/"ue", ß, dashes and punctuation do not matter."""
    t = unicodedata.normalize("NFKC", text).casefold()
    t = t.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
    t = re.sub(r"[^\w]+", " ", t)
    return normalise_space(t)


def group_terms(terms: list[GlossaryTerm]) -> list[list[GlossaryTerm]]:
    """Terms that are one abbreviation: same spelling up to case, or linked by a variant
    (the Legende's "TSHG" lists the text's "THSG" as a variant, and the text's "THSG" the other way)."""
    parent: dict[str, str] = {}

    def find(k: str) -> str:
        while parent.setdefault(k, k) != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for t in terms:
        for v in t.variants:
            parent[find(fold(v))] = find(fold(t.abbr))
    groups: dict[str, list[GlossaryTerm]] = {}
    for t in terms:
        groups.setdefault(find(fold(t.abbr)), []).append(t)
    return list(groups.values())


def _item_id(kind: str, *parts: object) -> str:
    digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:10]
    return f"{kind}-{digest}"


def chapter_of(doc: Document, section: str) -> Optional[str]:
    sec = doc.section(section)
    while sec is not None and sec.parent is not None:
        sec = doc.section(sec.parent)
    return sec.section if sec is not None else None


def _abbr_items(doc: Document, glossary: list[GlossaryTerm]) -> list[PracticeItem]:
    items = []
    for terms in group_terms([t for t in glossary if t.doc == doc.doc]):
        terms.sort(key=lambda t: t.source != "legende")
        lead = terms[0]
        legende = [t.long for t in terms if t.source == "legende"]
        longs = [lead.long]
        for t in terms[1:]:
            if fold(t.long) in {fold(x) for x in longs}:
                continue
            # An inline definition counts as a right answer only if it is a spelling of the
            # Legende's long form ("Eingliederungszuschüssen"), not a different phrase the text
            # happens to put before the abbreviation ("benachteiligte Jugendliche (BaE)").
            if not legende or any(SequenceMatcher(None, fold(t.long), fold(x)).ratio() >= 0.8 for x in legende):
                longs.append(t.long)
        # Show where the text itself defines the term, if it does; the Legende otherwise.
        where = next((t for t in terms if t.source == "inline" and t.defined_in and fold(t.long) in
                      {fold(x) for x in longs}), lead)
        section = where.defined_in or lead.defined_in or "Legende"
        sec = doc.section(section)
        chapters = {c for c in (chapter_of(doc, s) for t in terms for s in t.sections) if c}
        chapters.discard("Legende")
        variants = sorted({v for t in terms for v in [t.abbr, *t.variants]} - {lead.abbr})
        shown = lead.abbr + (f" (auch {', '.join(variants)})" if variants else "")
        items.append(PracticeItem(
            id=_item_id(ABBR, doc.doc, fold(lead.abbr)), kind=ABBR,
            prompt=f"Wofür steht die Abkürzung „{shown}“?", expected=longs[0], doc=doc.doc,
            section=section, section_title=sec.title if sec else section,
            excerpt=where.definition or f"{lead.abbr} – {lead.long}", chapters=chapters,
            accepted=[fold(x) for x in longs]))
    return items


def _figure_items(doc: Document, facts: list[Fact], tables: list[FigureTable]) -> list[PracticeItem]:
    items = []
    for table in tables:
        if table.doc != doc.doc:
            continue
        counts: dict[str, int] = {}
        for row in table.rows:
            counts[row.label] = counts.get(row.label, 0) + 1
        previous = None
        for row in table.rows:
            label = f"„{row.label}“"
            if counts[row.label] > 1 and previous is not None:
                label += f" (nach der Zeile „{previous.label}“)"
            for column, cell in zip(table.columns, row.cells):
                numbers = [f.number for f in cell.facts if f.number is not None]
                if not numbers:
                    continue
                where = f"Abschnitt {table.section} ({table.section_title})"
                if table.title != table.section_title:
                    where += f", Tabelle „{table.title}“"
                if len(table.columns) > 1:
                    prompt = f"{where}: Welcher Wert steht in der Zeile {label}, Spalte „{column.label}“?"
                else:
                    prompt = f"{where}: Welchen Wert nennt das Programm für {label}?"
                first = cell.facts[0]
                items.append(PracticeItem(
                    id=_item_id(FIGURE, table.table, row.label, row.source_text, column.label),
                    kind=FIGURE, prompt=prompt, expected=_with_unit_cell(cell.facts, column.unit),
                    doc=doc.doc, section=table.section, section_title=table.section_title,
                    excerpt=first.source_text, chapters={chapter_of(doc, table.section) or table.section},
                    numbers=numbers))
            previous = row
    for f in facts:
        if f.doc != doc.doc or not is_labelled(f) or f.number is None:
            continue
        sec = doc.section(f.section)
        title = sec.title if sec else f.section
        what = f"„{f.measure}“" if f.measure == f.subject else f"„{f.subject}“ – „{f.measure}“"
        when = f" ({f.period})" if f.period and f.period not in what else ""
        items.append(PracticeItem(
            id=_item_id(FIGURE, f.doc, f.section, f.subject, f.measure, f.source_text, f.value), kind=FIGURE,
            prompt=f"Abschnitt {f.section} ({title}): Welchen Wert nennt das Programm für {what}{when}?",
            expected=_with_unit_cell([f], f.unit), doc=f.doc, section=f.section, section_title=title,
            excerpt=f.source_text, chapters={chapter_of(doc, f.section) or f.section}, numbers=[f.number]))
    return items


def _with_unit_cell(facts: list[Fact], unit: Optional[str]) -> str:
    parts = []
    for f in facts:
        u = f.unit or unit
        parts.append(f.value if not u or u in f.value else f"{f.value} {u}")
    return " bzw. ".join(parts)


def build_practice(documents: dict[str, Document], facts: list[Fact], glossary: list[GlossaryTerm],
                   tables: list[FigureTable]) -> list[PracticeItem]:
    items: list[PracticeItem] = []
    for doc in documents.values():
        items += _abbr_items(doc, glossary)
        items += _figure_items(doc, facts, tables)
    seen: set[str] = set()
    unique = []
    for item in items:
        if item.id not in seen:
            seen.add(item.id)
            unique.append(item)
    return unique


_NUMBER_IN_ANSWER_RE = re.compile(r"[+\-–−]?\s?\d[\d.,\s]*")


def parse_answer_number(text: str) -> Optional[float]:
    """A number as a colleague may type it: "785.000", "785000", "785.000 €", "14,4 %", "14.4", "-3"."""
    t = text.strip().replace("\u2212", "-").replace("–", "-")
    t = re.sub(r"(?i)\s*(€|eur|euro|%|prozent|personen|vzä)\s*$", "", t).strip()
    t = re.sub(r"(?<=\d)[\s\u00a0\u202f](?=\d{3}\b)", "", t)  # "5 434 493"
    m = re.fullmatch(r"([+-]?)\s*(\d[\d.,]*)", t)
    if not m:
        return None
    sign, digits = m.group(1), m.group(2)
    if "," in digits:
        if digits.count(",") > 1 or not re.fullmatch(r"\d{1,3}(\.\d{3})*,\d+|\d+,\d+", digits):
            return None
        value = float(digits.replace(".", "").replace(",", "."))
    elif "." in digits:
        if re.fullmatch(r"\d{1,3}(\.\d{3})+", digits):
            value = float(digits.replace(".", ""))  # thousands: "785.000"
        elif re.fullmatch(r"\d+\.\d+", digits):
            value = float(digits)  # a decimal point: "14.4"
        else:
            return None
    else:
        value = float(digits)
    return -value if sign == "-" else value


def check_answer(item: PracticeItem, answer: str) -> Feedback:
    where = f"Abschnitt {item.section}" if item.section != item.section_title else item.section
    if item.kind == ABBR:
        correct = fold(answer) in item.accepted
        if correct:
            message = f"Richtig: „{item.expected}“ ({where})."
        else:
            message = f"Leider nicht richtig. Die Langform ist „{item.expected}“ ({where})."
        return Feedback(correct, message)
    number = parse_answer_number(answer)
    if number is None:
        return Feedback(False, f"Das ist keine Zahl. Richtig ist {item.expected} ({where}).")
    correct = any(math.isclose(number, n, rel_tol=0, abs_tol=1e-9) for n in item.numbers)
    if correct:
        return Feedback(True, f"Richtig: {item.expected} ({where}).")
    return Feedback(False, f"Leider nicht richtig. Richtig ist {item.expected} ({where}).")
