"""Sections -> Chunks (a few consecutive blocks of one section) and their sentences."""
from __future__ import annotations

import hashlib
import re

from .records import Chunk, Document, Section
from .text import split_sentences

TARGET_CHARS = 700
MAX_TABLE_CHARS = 1500
# "Phase 4: Auftakt ... ist die Eingliederungsvereinbarung. In einem strukturierten Folgegespräch ...":
# a paragraph opening one step of a model is read as a list item, its later sentences belong to it
NUMBERED_STEP = re.compile(r"^(?:phase|schritt|stufe)\s+(\d+)\s*:", re.I)
# "Phase 1: ...", "1. ...", "a) ..." open an enumerated item even when it ends like a sentence.
_ENUMERATED = re.compile(NUMBERED_STEP.pattern + r"|^\d{1,2}[.)]\s|^[a-z]\)\s", re.I)
MAX_LIST_ITEMS = 12


def heading_path(doc: Document, sec: Section) -> str:
    by_number = {s.section: s for s in doc.sections}
    path = [sec]
    while path[0].parent and path[0].parent in by_number:
        path.insert(0, by_number[path[0].parent])
    return " > ".join(s.heading for s in path)


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def make_chunks(doc: Document, start_id: int = 0) -> list[Chunk]:
    chunks: list[Chunk] = []

    def emit(sec: Section, path: str, parts: list[str], page, line) -> None:
        text = "\n".join(parts).strip()
        if text:
            chunks.append(Chunk(id=start_id + len(chunks), doc=doc.doc, section=sec.section, title=sec.title,
                                heading_path=path, text=text, sha=content_hash(path + "\n" + text),
                                page=page, line=line))

    for sec in doc.sections:
        base = heading_path(doc, sec)
        path = base
        parts: list[str] = []
        first = (None, None)
        size = 0
        blocks = sec.blocks
        i = 0
        while i < len(blocks):
            b = blocks[i]
            if b.kind == "subheading":
                emit(sec, path, parts, *first)
                parts, size, first = [], 0, (None, None)
                path = f"{base} > {b.text}"
                i += 1
                continue
            if b.kind == "table":
                emit(sec, path, parts, *first)
                parts, size = [], 0
                rows = []
                while i < len(blocks) and blocks[i].kind == "table":
                    rows.append(blocks[i])
                    i += 1
                header = rows[0].text
                group, gsize = [], 0
                for r in rows:
                    if gsize + len(r.text) > MAX_TABLE_CHARS and group:
                        emit(sec, path, group, rows[0].page, rows[0].line)
                        group, gsize = [header], len(header)
                    group.append(r.text)
                    gsize += len(r.text)
                emit(sec, path, group, rows[0].page, rows[0].line)
                first = (None, None)
                continue
            if not parts:
                first = (b.page, b.line)
            if size and size + len(b.text) > TARGET_CHARS:
                emit(sec, path, parts, *first)
                parts, size, first = [], 0, (b.page, b.line)
            parts.append(b.text)
            size += len(b.text)
            i += 1
        emit(sec, path, parts, *first)
    return chunks


def chunk_sentences(chunk: Chunk, list_items: frozenset[str] = frozenset()) -> list[tuple[str, str]]:
    """The chunk's sentences, each with its place in a bulleted list: "item" for the first sentence
    of a list item (list_items: the items' texts), "more" for the item's other sentences, else ""."""
    out = []
    for para in chunk.text.split("\n"):
        in_list = para.strip() in list_items or bool(NUMBERED_STEP.match(para.strip()))
        out.extend((s, ("more" if k else "item") if in_list else "") for k, s in enumerate(split_sentences(para)))
    return out


def list_item_texts(doc: Document) -> frozenset[str]:
    """The texts of a document's list items ("- So ist die Region Kassel ... Gesichtspunkte.")."""
    return frozenset(b.text.strip() for sec in doc.sections for b in sec.blocks if b.kind == "list")


def is_table_row(text: str) -> bool:
    """A sentence that is a row of a table: its cells are tab-separated."""
    return "\t" in text


def mark_lists(sentences: list[dict], chunks: list[Chunk]) -> None:
    """Give each sentence ending in ":" that opens a list the ids of its items ("items"), in place.

    The items follow it in its section: bulleted ones, of one sentence or several ("So ist die
    Region Kassel ... Hinzu kommen noch demografische Gesichtspunkte."), or sentences without a
    closing full stop or starting in lower case ("die Schuldnerberatung", "Heranführen an das
    Arbeitsleben (Tagesstruktur herstellen)"); the first real sentence after the items ends the list.
    A list is one unit of meaning: its opening alone ("Ziel der Teilnahme an einer AGH kann sein:")
    says little, so the index also embeds the opening with its items (list_text).
    """
    def section(i: int) -> tuple[str, str]:
        c = chunks[sentences[i]["chunk"]]
        return c.doc, c.section

    for i, s in enumerate(sentences):
        text = s["text"]
        if not text.rstrip().endswith(":") or is_table_row(text):
            continue
        items, j = [], i + 1
        while j < len(sentences) and section(j) == section(i) and not is_table_row(sentences[j]["text"]) \
                and len(items) < MAX_LIST_ITEMS:
            t = sentences[j]["text"].strip()
            if t.endswith(":"):  # the next list's opening sentence ends this one
                break
            if not (sentences[j].get("list") or t[:1].islower() or not t.endswith((".", "!", "?"))
                    or _ENUMERATED.match(t)):
                break
            items.append(j)
            j += 1
        if items:
            s["items"] = items


def list_text(sentences: list[dict], intro: int) -> str:
    """A list's opening sentence with its items (mark_lists), as one text."""
    return " ".join(sentences[j]["text"] for j in [intro, *sentences[intro]["items"]])
