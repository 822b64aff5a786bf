"""Blocks -> Document with a section tree.

The level of a section comes from its number ("5.4.2" is level 3), never from the
count of '#' or the font size, because the sources get those wrong. The table of
contents is read only to learn which unnumbered headings ("Vorwort", "Legende") are
top-level parts; it never becomes a section itself.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Optional

from .loaders import LoadError, file_sha256, load_blocks
from .records import Block, Document, Section
from .text import SECTION_HEADING_RE, TOC_LINE_RE

TOC_TITLES = re.compile(r"^(inhaltsverzeichnis|inhalt|table of contents|contents)$", re.I)
# Unnumbered parts that stand on their own even when no table of contents lists them.
STANDALONE_TITLES = re.compile(
    r"^(vorwort|einleitung|legende|glossar|abkürzungsverzeichnis|abkürzungen|anhang|anlagen?|"
    r"literatur(verzeichnis)?|quellen|impressum|schlussbemerkung|zusammenfassung)$", re.I)


def parse_document(path: Path) -> Document:
    """Load one corpus file and build its section tree. Raises LoadError."""
    blocks = load_blocks(path)
    doc = build_document(path.stem, blocks)
    doc.path = str(path)
    doc.kind = path.suffix.lower().lstrip(".")
    doc.sha256 = file_sha256(path)
    if not doc.sections:
        raise LoadError(f"{path.name}: Keine Überschriften gefunden; die Datei hat keine Abschnitte.")
    return doc


def _toc_key(title: str) -> str:
    return re.sub(r"[^a-zäöüß0-9]", "", title.lower())


def _split_number(text: str) -> Optional[tuple[str, str]]:
    m = SECTION_HEADING_RE.match(text)
    if not m:
        return None
    number, title = m.group(1), m.group(2).strip().rstrip(".").strip()
    if not title or not re.match(r"[A-Za-zÄÖÜäöü„\"§(]", title):
        return None
    return number, title


def _plausible_next(number: str, seen: list[str]) -> bool:
    """Whether a numbered heading continues the outline, so that a number in the text is no heading.

    The first number opens the outline: every part after the first is 1 ("3", "1.1", "2.1.1").
    After that, with prev the last number accepted, a number continues the outline when it is
    - the first child of prev: "5.4" -> "5.4.1" (a child starts at 1), or
    - further on at the depth of prev or of one of its ancestors: the leading parts as in prev,
      the last part larger than prev's part at that depth. "5.4.2" -> "5.4.3" (next sibling),
      -> "5.5" or "6" (back up one or two levels); a larger step ("5.4.2" -> "5.4.4", "7") is
      accepted too, for a source that misses a number.
    Anything else is rejected: the same or an earlier number, a deeper level than a first child,
    a child other than .1, or a number under another parent.
    """
    parts = [int(p) for p in number.split(".")]
    if not seen:
        return all(p == 1 for p in parts[1:])
    prev = [int(p) for p in seen[-1].split(".")]
    if parts == prev + [1]:
        return True
    depth = len(parts)
    return depth <= len(prev) and parts[:-1] == prev[:depth - 1] and parts[-1] > prev[depth - 1]


def build_document(doc_id: str, blocks: list[Block]) -> Document:
    title = ""
    sections: list[Section] = []
    toc_unnumbered: set[str] = set()
    numbers_seen: list[str] = []
    current: Optional[Section] = None
    in_toc = False
    for b in blocks:
        if b.kind == "heading":
            if TOC_TITLES.match(b.text.strip()):
                in_toc = True
                continue
            in_toc = False
            split = _split_number(b.text)
            if split and _plausible_next(split[0], numbers_seen):
                number, head = split
                numbers_seen.append(number)
                parent = _parent_number(number, numbers_seen)
                current = Section(doc_id, number, head, number.count(".") + 1, parent)
                sections.append(current)
                _start(current, b)
                continue
            key = _toc_key(b.text)
            if key in toc_unnumbered or STANDALONE_TITLES.match(b.text.strip()):
                current = Section(doc_id, b.text.strip(), b.text.strip(), 1, None)
                sections.append(current)
                _start(current, b)
                continue
            if current is None:
                # Title lines before the first section describe the document.
                if not title:
                    title = b.text.strip()
                continue
            # An unnumbered sub-heading belongs to the section above it.
            current.blocks.append(Block("subheading", b.text, line=b.line, page=b.page, bold=True))
            _extend(current, b)
            continue
        if in_toc:
            for row in b.text.split("\n"):
                m = TOC_LINE_RE.match(row.replace("\t", " ").strip())
                entry = (m.group(1) if m else row).strip().rstrip(".").strip()
                if entry and not _split_number(entry):
                    toc_unnumbered.add(_toc_key(entry))
            continue
        if current is None:
            # Text before any heading: an untitled introduction.
            if b.text.strip():
                current = Section(doc_id, "Einleitung", "Einleitung", 1, None)
                sections.append(current)
            else:
                continue
        current.blocks.append(b)
        _extend(current, b)
    for s in sections:
        s.blocks = [blk for blk in s.blocks if blk.text.strip()]
    return Document(doc=doc_id, path="", kind="", title=title or doc_id, sections=sections)


def _parent_number(number: str, seen: list[str]) -> Optional[str]:
    parts = number.split(".")
    while len(parts) > 1:
        parts = parts[:-1]
        cand = ".".join(parts)
        if cand in seen:
            return cand
    return None


def _start(sec: Section, b: Block) -> None:
    sec.line_start = sec.line_end = b.line
    sec.page_start = sec.page_end = b.page


def _extend(sec: Section, b: Block) -> None:
    if b.line is not None:
        sec.line_end = b.line
    if b.page is not None:
        sec.page_end = b.page
