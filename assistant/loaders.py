"""Read corpus files into Blocks: Markdown with markdown-it-py, PDF with pypdf.

Both loaders hand the same kind of Blocks to `structure.py`, so sections, glossary
and facts are parsed by one code path whatever the source format.
"""
from __future__ import annotations

import hashlib
import logging
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from .records import Block
from .text import SECTION_HEADING_RE, clean_inline, ends_sentence, fix_ligatures

SUPPORTED_SUFFIXES = (".md", ".markdown", ".pdf")
MAX_FILE_BYTES = 50 * 1024 * 1024

logging.getLogger("pypdf").setLevel(logging.ERROR)


class LoadError(Exception):
    """A corpus file that cannot be read; the message names the file and says why."""


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def load_blocks(path: Path) -> list[Block]:
    """Dispatch on the suffix; raise LoadError with one clear sentence on any problem."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise LoadError(f"{path.name}: Dateityp '{suffix or 'ohne Endung'}' wird nicht unterstützt "
                        f"(erlaubt: .md, .pdf).")
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise LoadError(f"{path.name}: Datei kann nicht gelesen werden ({exc.strerror}).") from exc
    if size == 0:
        raise LoadError(f"{path.name}: Die Datei ist leer.")
    if size > MAX_FILE_BYTES:
        raise LoadError(f"{path.name}: Die Datei ist zu groß ({size // 1_048_576} MiB, "
                        f"höchstens {MAX_FILE_BYTES // 1_048_576} MiB).")
    blocks = load_pdf(path) if suffix == ".pdf" else load_markdown(path)
    blocks = join_page_breaks(blocks)
    if not any(b.text.strip() for b in blocks):
        raise LoadError(f"{path.name}: Die Datei enthält keinen Text.")
    return blocks


# ---------------------------------------------------------------- Markdown

def load_markdown(path: Path) -> list[Block]:
    from markdown_it import MarkdownIt

    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LoadError(f"{path.name}: Die Datei ist kein UTF-8-Text (Byte {exc.start}).") from exc
    if "\x00" in text:
        raise LoadError(f"{path.name}: Die Datei enthält Binärdaten und ist kein Markdown-Text.")
    md = MarkdownIt("commonmark")
    tokens = md.parse(text)
    blocks: list[Block] = []
    in_list = 0
    for i, tok in enumerate(tokens):
        if tok.type in ("bullet_list_open", "ordered_list_open"):
            in_list += 1
        elif tok.type in ("bullet_list_close", "ordered_list_close"):
            in_list -= 1
        elif tok.type == "heading_open":
            inline = tokens[i + 1]
            title = clean_inline(inline.content)
            if title:
                blocks.append(Block("heading", title, line=tok.map[0] + 1 if tok.map else None,
                                    level=int(tok.tag[1:]), bold=True))
        elif tok.type == "inline" and tokens[i - 1].type == "paragraph_open":
            line0 = tokens[i - 1].map[0] + 1 if tokens[i - 1].map else None
            if in_list:
                item = clean_inline(inline_text(tok.content))
                if item:
                    blocks.append(Block("list", item, line=line0))
                continue
            blocks.extend(_paragraph_blocks(tok.content, line0))
        elif tok.type in ("fence", "code_block"):
            # Indented lines in this kind of source are text, not code.
            line0 = tok.map[0] + 1 if tok.map else None
            blocks.extend(_paragraph_blocks(tok.content, line0))
        elif tok.type == "html_block":
            line0 = tok.map[0] + 1 if tok.map else None
            blocks.extend(_paragraph_blocks(tok.content, line0))
    return blocks


def inline_text(content: str) -> str:
    return " ".join(line.strip() for line in content.split("\n"))


def _paragraph_blocks(content: str, line0: int | None) -> list[Block]:
    """One Markdown paragraph: tab-separated lines make a table, anything else one paragraph."""
    lines = [ln for ln in content.split("\n") if ln.strip()]
    if not lines:
        return []
    tabbed = sum("\t" in ln for ln in lines)
    out: list[Block] = []
    if tabbed and tabbed * 2 >= len(lines):
        for k, ln in enumerate(lines):
            cell_text = clean_inline(ln)
            if cell_text:
                out.append(Block("table", cell_text, line=(line0 or 0) + k or None,
                                 bold=_is_bold(ln.split("\t")[0])))  # a bold label heads a breakdown
        return out
    text = clean_inline(" ".join(ln.strip() for ln in lines))
    if text:
        kind = "caption" if _is_bold(" ".join(lines)) and len(text) < 120 else "para"
        out.append(Block(kind, text, line=line0, bold=_is_bold(" ".join(lines))))
    return out


def _is_bold(raw: str) -> bool:
    s = raw.strip()
    return (s.startswith("**") and s.endswith("**")) or (s.lower().startswith("<b>") and s.lower().endswith("</b>"))


# ---------------------------------------------------------------- PDF

@dataclass
class _Frag:
    page: int
    x: float
    y: float
    text: str
    bold: bool
    size: float


def load_pdf(path: Path) -> list[Block]:
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError as exc:  # pragma: no cover - dependency is declared
        raise LoadError(f"{path.name}: pypdf ist nicht installiert.") from exc
    try:
        reader = PdfReader(str(path), strict=False)
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")
            except Exception:
                ok = 0
            if not ok:
                raise LoadError(f"{path.name}: Die PDF-Datei ist verschlüsselt und kann nicht gelesen werden.")
        pages = list(reader.pages)
    except LoadError:
        raise
    except (PdfReadError, Exception) as exc:  # pypdf raises many types for broken files
        raise LoadError(f"{path.name}: Die PDF-Datei ist beschädigt oder unvollständig ({_short(exc)}).") from exc
    if not pages:
        raise LoadError(f"{path.name}: Die PDF-Datei hat keine Seiten.")
    frags: list[_Frag] = []
    for pno, page in enumerate(pages, start=1):
        def visit(text, cm, tm, font, size, pno=pno):
            if not text or not text.strip():
                return
            name = str((font or {}).get("/BaseFont", ""))
            frags.append(_Frag(pno, float(tm[4]), float(tm[5]), fix_ligatures(text),
                               "Bold" in name, round(float(size) * abs(float(tm[0]) or 1), 1)))
        try:
            page.extract_text(visitor_text=visit)
        except Exception as exc:
            raise LoadError(f"{path.name}: Seite {pno} der PDF-Datei ist beschädigt ({_short(exc)}).") from exc
    if not frags:
        raise LoadError(f"{path.name}: Die PDF-Datei enthält keinen extrahierbaren Text (gescanntes Dokument?).")
    return _pdf_blocks(frags)


def _short(exc: Exception) -> str:
    msg = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return msg[:120]


@dataclass
class _Line:
    page: int
    y: float
    x: float
    text: str
    bold: bool
    size: float
    cells: list  # [(x, text)] in reading order
    bold_x: frozenset = frozenset()  # x of the bold fragments


def _group_lines(frags: list[_Frag]) -> list[_Line]:
    by_key: dict[tuple[int, int], list[_Frag]] = defaultdict(list)
    order: list[tuple[int, int]] = []
    for f in frags:
        key = (f.page, round(f.y))
        # fragments of one visual line share y within a point
        for dk in (0, -1, 1):
            k2 = (f.page, round(f.y) + dk)
            if k2 in by_key:
                key = k2
                break
        if key not in by_key:
            order.append(key)
        by_key[key].append(f)
    lines = []
    for key in order:
        fs = by_key[key]
        fs_sorted = sorted(fs, key=lambda f: f.x)
        text = "".join(f.text for f in fs_sorted)
        lines.append(_Line(key[0], fs[0].y, fs_sorted[0].x, re.sub(r"\s+", " ", text).strip(),
                           all(f.bold for f in fs), max(f.size for f in fs),
                           [(f.x, f.text.strip()) for f in fs_sorted],
                           frozenset(f.x for f in fs_sorted if f.bold)))
    return lines


def _pdf_blocks(frags: list[_Frag]) -> list[Block]:
    lines = _group_lines(frags)
    n_pages = max(ln.page for ln in lines)
    body_size = Counter(ln.size for ln in lines if not ln.bold).most_common(1)[0][0]
    # Page numbers and running headers/footers: lines that repeat on many pages at one
    # height, or a lone number as the first/last line of a page.
    repeated = Counter((round(ln.y), ln.text) for ln in lines)
    first_last: set[int] = set()
    by_page: dict[int, list[int]] = defaultdict(list)
    for i, ln in enumerate(lines):
        by_page[ln.page].append(i)
    for idx in by_page.values():
        first_last.update({idx[0], idx[-1]})
    kept: list[_Line] = []
    for i, ln in enumerate(lines):
        if re.fullmatch(r"(Seite\s+)?\d{1,4}(\s*(von|/)\s*\d{1,4})?", ln.text) and i in first_last:
            continue
        if n_pages >= 3 and repeated[(round(ln.y), ln.text)] >= max(3, n_pages // 2):
            continue
        kept.append(ln)
    return _lines_to_blocks(kept, body_size)


def _lines_to_blocks(lines: list[_Line], body_size: float) -> list[Block]:
    blocks: list[Block] = []
    i = 0
    n = len(lines)
    line_gap = _typical_gap(lines, body_size)
    while i < n:
        ln = lines[i]
        # Table: lines in a smaller font than the body (tables and the table of contents).
        if ln.size < body_size - 0.5:
            j = i
            while j < n and lines[j].size < body_size - 0.5 and lines[j].page == ln.page:
                j += 1
            blocks.extend(_table_rows(lines[i:j], ln.page))
            i = j
            continue
        is_heading = ln.bold and (ln.size > body_size + 0.5 or SECTION_HEADING_RE.match(ln.text)) \
            and len(ln.text) < 160
        if is_heading:
            text = ln.text
            j = i + 1
            # A heading that wraps continues on the next bold line of the same size.
            while j < n and lines[j].bold and abs(lines[j].size - ln.size) < 0.2 and lines[j].page == ln.page \
                    and lines[j].y - lines[j - 1].y < line_gap * 1.45 and not SECTION_HEADING_RE.match(lines[j].text):
                text += " " + lines[j].text
                j += 1
            level = 1 if ln.size > body_size + 5 else 2 if ln.size > body_size + 2.5 else 3
            blocks.append(Block("heading", _dehyphen_join(text), page=ln.page, level=level, bold=True))
            i = j
            continue
        # Paragraph or list: consecutive lines of the same indent with normal spacing.
        indent = ln.x > 20
        parts = [ln.text]
        j = i + 1
        while j < n:
            nx = lines[j]
            if nx.page != ln.page or nx.size < body_size - 0.5 or nx.bold != ln.bold:
                break
            if nx.bold and nx.size > body_size + 0.5:
                break
            if nx.y - lines[j - 1].y > line_gap * 1.45:
                break
            if (nx.x > 20) != indent:
                break
            if indent and len(lines[j - 1].text) < 55:
                break  # a short indented line ends a list item
            parts.append(nx.text)
            j += 1
        text = _join_lines(parts)
        kind = "list" if indent else ("caption" if ln.bold and len(text) < 120 else "para")
        blocks.append(Block(kind, text, page=ln.page, bold=ln.bold))
        i = j
    return blocks


def _typical_gap(lines: list[_Line], body_size: float) -> float:
    gaps = Counter()
    for a, b in zip(lines, lines[1:]):
        if a.page == b.page and a.size == body_size == b.size and 0 < b.y - a.y < 60:
            gaps[round(b.y - a.y)] += 1
    return float(gaps.most_common(1)[0][0]) if gaps else body_size * 1.4


def _join_lines(parts: list[str]) -> str:
    """Join wrapped lines; "Arbeitgeber-" + "Service" is one word, "Auf-" + "und" stays two."""
    out = parts[0] if parts else ""
    for p in parts[1:]:
        if out.endswith("-") and p[:1].isupper() and len(out) > 1 and out[-2].isalpha():
            out += p
        else:
            out += " " + p
    return _dehyphen_join(out)


def _dehyphen_join(text: str) -> str:
    # "Arbeitgeber- Service" from a line break inside a compound keeps its hyphen, as printed.
    return re.sub(r"\s+", " ", text).strip()


def _table_rows(lines: list[_Line], page: int) -> list[Block]:
    """Rebuild table rows from positioned cells; a row may wrap over two or three lines.

    The first column holds the label (left x); the value columns sit to the right. A
    line without value cells is a wrapped part of a label and joins the nearest value
    line that has no label of its own (values are centred against a wrapped label);
    otherwise it is a row of its own, such as the group header "davon Frauen:".
    Header cells that wrap ("Neueintritte" / "2022") are merged column by column.
    """
    if not lines:
        return []
    left = min(ln.x for ln in lines)
    rows: list[dict] = []
    loose: list[tuple[float, str, bool]] = []
    for ln in lines:
        label = " ".join(t for x, t in ln.cells if x < left + 60 and t)
        label_bold = any(x in ln.bold_x for x, t in ln.cells if x < left + 60 and t)
        values = [(x, t) for x, t in ln.cells if x >= left + 60 and t]
        if values:
            rows.append({"y": ln.y, "values": values, "labels": [(ln.y, label)] if label else [],
                         "bold": label_bold})
        elif label:
            loose.append((ln.y, label, label_bold))
    if not rows:
        return [Block("para", " ".join(t for _, t, _ in loose), page=page)]
    line_h = min((b["y"] - a["y"] for a, b in zip(rows, rows[1:]) if b["y"] > a["y"]), default=20.0)
    for y, label, bold in loose:
        open_rows = [r for r in rows if not any(abs(ly - r["y"]) < 2 for ly, _ in r["labels"])]
        best = min(open_rows, key=lambda r: abs(r["y"] - y), default=None)
        if best is not None and abs(best["y"] - y) <= line_h * 1.2:
            best["labels"].append((y, label))
            best["bold"] = best["bold"] or bold
        else:
            rows.append({"y": y, "values": [], "labels": [(y, label)], "bold": bold})
    rows.sort(key=lambda r: r["y"])
    # Header: the leading rows before the first row holding a number.
    numeric = re.compile(r"\d")
    first_data = next((k for k, r in enumerate(rows)
                       if any(numeric.search(t) and not re.fullmatch(r"(19|20)\d\d", t) for _, t in r["values"])),
                      len(rows))
    out: list[Block] = []
    if first_data > 1:
        cols = sorted({round(x) for r in rows[first_data:] for x, _ in r["values"]})
        head = rows[:first_data]
        label = " ".join(t for r in head for _, t in sorted(r["labels"]))
        cells: dict[int, list[str]] = {c: [] for c in cols}
        for r in head:
            for x, t in r["values"]:
                c = min(cols, key=lambda c: abs(c - x)) if cols else round(x)
                cells.setdefault(c, []).append(t)
        out.append(Block("table", "\t".join([label] + [" ".join(cells[c]) for c in sorted(cells)]),
                         page=page, bold=True))
        rows = rows[first_data:]
    # Value columns from the fullest rows; a row with an empty cell keeps its gap.
    width = max((len(r["values"]) for r in rows), default=0)
    full = [r for r in rows if len(r["values"]) == width]
    col_x = [sum(r["values"][k][0] for r in full) / len(full) for k in range(width)] if full else []
    for r in rows:
        label = " ".join(t for _, t in sorted(r["labels"]))
        vals = [t for _, t in r["values"]]
        if col_x and 0 < len(vals) < width:
            slots = [""] * width
            for x, t in r["values"]:
                slots[min(range(width), key=lambda k: abs(col_x[k] - x))] = t
            vals = slots
        out.append(Block("table", "\t".join([label] + vals), page=page, bold=r["bold"]))
    return out


_CONTINUING_WORDS = set("""der die das den dem des ein eine einer eines einem einen zur zum von vom mit für und
oder in im an am auf aus bei nach über unter vor zu durch gegen ohne um als wie dass sowie bzw sich
nicht auch noch wir sie es ihre ihren unsere unseren wird werden ist sind hat haben""".split())


def join_page_breaks(blocks: list[Block]) -> list[Block]:
    """Join a paragraph that a page break split in two.

    Joined when the first part stops mid-sentence and either the second part starts in
    lower case, or the first ends on a word that cannot end a sentence ("zur", "eine"),
    or (PDF) the first part is the last block of its page. Short lines such as glossary
    entries ("ESF – Europäischer Sozialfond") are never joined.
    """
    out: list[Block] = []
    for b in blocks:
        prev = out[-1] if out else None
        if prev is not None and prev.kind == "para" and b.kind == "para" and not prev.bold and not b.bold \
                and not ends_sentence(prev.text) and len(prev.text) >= 60 and b.text:
            last_word = prev.text.rstrip().rsplit(" ", 1)[-1].lower()
            page_break = prev.page is not None and b.page is not None and b.page == prev.page + 1
            if b.text[0].islower() or last_word in _CONTINUING_WORDS or last_word.endswith("-") or page_break:
                prev.text = prev.text + " " + b.text
                continue
        out.append(b)
    return out
