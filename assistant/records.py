"""Typed records that flow between the steps: load -> parse -> index -> answer.

Every record is a plain dataclass so it can be written to the index as JSON
(`asdict`) and read back (`from_dict`) without a schema library.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any, Optional


def _from_dict(cls, data: dict[str, Any]):
    names = {f.name for f in fields(cls)}
    return cls(**{k: v for k, v in data.items() if k in names})


@dataclass
class Block:
    """One piece of a source document in reading order, as a loader saw it.

    kind is "heading", "para", "list" (one list item), "table" (one row, cells
    separated by tabs) or "caption" (a bold line such as "Abbildung 1: ...").
    `line` is the 1-based source line (Markdown) and `page` the PDF page.
    """

    kind: str
    text: str
    line: Optional[int] = None
    page: Optional[int] = None
    level: Optional[int] = None  # heading rank as the source claims it (not trusted for numbering)
    bold: bool = False


@dataclass
class Section:
    """A numbered section ("5.4.2") or an unnumbered top-level part ("Vorwort")."""

    doc: str
    section: str  # the number as printed, or the heading for unnumbered parts
    title: str
    level: int  # from the numbering: "5" -> 1, "5.4.2" -> 3; unnumbered parts -> 1
    parent: Optional[str]
    blocks: list[Block] = field(default_factory=list)
    line_start: Optional[int] = None
    line_end: Optional[int] = None
    page_start: Optional[int] = None
    page_end: Optional[int] = None

    @property
    def text(self) -> str:
        return "\n".join(b.text for b in self.blocks)

    @property
    def heading(self) -> str:
        if self.section == self.title:
            return self.title
        return f"{self.section} {self.title}"

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["text"] = self.text
        return d

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Section":
        s = _from_dict(cls, data)
        s.blocks = [_from_dict(Block, b) for b in data.get("blocks", [])]
        return s


@dataclass
class Document:
    doc: str  # id: the file name without extension
    path: str
    kind: str  # "md" or "pdf"
    title: str
    sections: list[Section] = field(default_factory=list)
    sha256: str = ""

    def section(self, number: str) -> Optional[Section]:
        for s in self.sections:
            if s.section == number:
                return s
        return None

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc": self.doc, "path": self.path, "kind": self.kind, "title": self.title,
            "sha256": self.sha256, "sections": [s.to_dict() for s in self.sections],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Document":
        d = _from_dict(cls, data)
        d.sections = [Section.from_dict(s) for s in data.get("sections", [])]
        return d


@dataclass
class GlossaryTerm:
    abbr: str
    long: str
    source: str  # "legende" or "inline"
    doc: str
    sections: list[str] = field(default_factory=list)  # sections whose text uses the term
    defined_in: Optional[str] = None  # section of the definition ("Legende", "5.7")
    definition: str = ""  # the source line or sentence that defines it
    variants: list[str] = field(default_factory=list)  # other spellings seen (LAIKA, MABE, TSHG)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "GlossaryTerm":
        return _from_dict(cls, data)


@dataclass
class Fact:
    """One figure of the document: what it counts, for when, as written."""

    subject: str
    measure: str
    value: str  # exactly as printed: "1.458.000", "16,44%"
    number: Optional[float]
    unit: Optional[str]  # "€", "%", "Personen", "VZÄ", ... or None
    section: str
    doc: str
    period: Optional[str] = None
    source_text: str = ""
    table: Optional[str] = None  # id of the table the fact comes from, if any
    page: Optional[int] = None
    line: Optional[int] = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def answer_dict(self) -> dict[str, Any]:
        """The keys the answer JSON (design.md §3) promises for a fact."""
        return {"subject": self.subject, "measure": self.measure, "value": self.value,
                "number": self.number, "unit": self.unit, "section": self.section,
                "period": self.period}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Fact":
        return _from_dict(cls, data)


@dataclass
class Chunk:
    """A retrievable passage: a few consecutive blocks of one section."""

    id: int
    doc: str
    section: str
    title: str
    heading_path: str  # "5 Operative Schwerpunkte > 5.4 ... > 5.4.2 Besondere Förderinstrumente U25"
    text: str
    sha: str  # content hash of what gets embedded, for the embedding cache
    page: Optional[int] = None
    line: Optional[int] = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Chunk":
        return _from_dict(cls, data)


@dataclass
class Citation:
    doc: str
    section: str
    title: str
    page: Optional[int]
    excerpt: str
    url: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Answer:
    question: str
    kind: str  # glossary | fact | passage | none
    answer: str
    citations: list[Citation] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    took_ms: float = 0.0
    terms: list[GlossaryTerm] = field(default_factory=list)
    read_as: Optional[str] = None  # the question with its typing errors corrected, when it had any

    def to_dict(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "kind": self.kind,
            "answer": self.answer,
            "citations": [c.to_dict() for c in self.citations],
            "facts": [f.answer_dict() for f in self.facts],
            "took_ms": round(self.took_ms, 1),
            "read_as": self.read_as,
        }
