"""Cutting quotes and answers to a readable length, at word borders."""
from __future__ import annotations

from typing import Optional

from .text import normalise_space

MAX_ANSWER_CHARS = 600


def section_label(section: str) -> str:
    """"Abschnitt 1.2" for a numbered section, the heading itself ("Vorwort") otherwise."""
    return f"Abschnitt {section}" if section[:1].isdigit() else section


def source_line(section: str, title: str) -> str:
    """Where an answer comes from: "Abschnitt 6.4 Förderung der beruflichen Weiterbildung (FbW)", or
    "Vorwort" for a part named by its heading (not "Abschnitt Vorwort Vorwort")."""
    if not section[:1].isdigit() and title in ("", section):
        return section
    return f"{section_label(section)} {title}".strip()


def quote(text: str, section: str, title: str, keep: str = "") -> str:
    """„quoted sentences“ — Abschnitt 6.4 Title. within MAX_ANSWER_CHARS, the quote shortened first.

    A quote too long is cut at its end, or at its start when that is where `keep` would be cut.
    """
    source = f" — {source_line(section, title)}."
    limit = MAX_ANSWER_CHARS - len(source) - 2
    text = normalise_space(text)
    keep = normalise_space(keep)
    if keep and len(text) > limit and keep in text and text.index(keep) + len(keep) > limit - 2:
        start = max(0, text.index(keep) + len(keep) - (limit - 2))
        text = "… " + text[start:].split(" ", 1)[-1]
    return f"„{trim(text, limit)}“{source}"


def trim(text: str, limit: int, around: Optional[str] = None) -> str:
    """The text within limit characters: its start, or the part around `around` when given."""
    text = normalise_space(text)
    if len(text) <= limit:
        return text
    if around and around in text:
        return window_around(text, text.index(around), limit)
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut + " …"


def window_around(text: str, pos: int, limit: int) -> str:
    """About limit characters of text centred on pos, cut at spaces and marked with "…"."""
    start = max(0, pos - limit // 2)
    end = min(len(text), start + limit)
    start = max(0, end - limit)
    out = text[start:end]
    if start > 0:
        out = "… " + out.split(" ", 1)[-1]
    if end < len(text):
        out = out.rsplit(" ", 1)[0] + " …"
    return out


def limit_answer(answer: str, limit: int = MAX_ANSWER_CHARS) -> str:
    """An answer cut to limit (MAX_ANSWER_CHARS) characters at a word border."""
    if len(answer) <= limit:
        return answer
    return answer[:limit - 2].rsplit(" ", 1)[0] + " …"
