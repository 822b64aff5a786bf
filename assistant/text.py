"""Text clean-up shared by the loaders and the parsers."""
from __future__ import annotations

import re
from typing import Optional

LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
             "\ufb05": "st", "\ufb06": "st"}
_LIGATURE_RE = re.compile("|".join(LIGATURES))
_TAG_RE = re.compile(r"</?(?:b|u|i|em|strong|span|br)\b[^>]*>", re.I)
_EMPH_RE = re.compile(r"(?<!\\)\*{1,3}|(?<![\w\\])_{2,3}|_{2,3}(?!\w)")
_SPACES_RE = re.compile(r"[ \u00a0\u2009\u202f]+")
# How umlauts are written without them ("VZAe", "jaehrlich", "Massnahme")
UMLAUTS_SPELT_OUT = {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"}


def clean_inline(text: str) -> str:
    """Remove inline markup (<b>, <u>, **, ***), ligatures and repeated spaces; keep tabs."""
    text = _LIGATURE_RE.sub(lambda m: LIGATURES[m.group(0)], text)
    text = _TAG_RE.sub("", text)
    text = _EMPH_RE.sub("", text)
    text = text.replace("\\", "")
    cells = [_SPACES_RE.sub(" ", c).strip() for c in text.split("\t")]
    return "\t".join(cells).strip("\t ") if "\t" in text else cells[0]


def fix_ligatures(text: str) -> str:
    return _LIGATURE_RE.sub(lambda m: LIGATURES[m.group(0)], text)


# Section numbers as printed: "5", "5.4", "5.4.4.1", optionally with a trailing dot ("5.1.1.").
SECTION_HEADING_RE = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,4})\.?\s+(\S.*)$")
# Table-of-contents lines: a title, dot leaders or a tab, then a page number.
TOC_LINE_RE = re.compile(r"^(.*?)(?:\s*\.{3,}\s*|\t|\s+)(\d{1,3})$")

_GERMAN_NUMBER_RE = re.compile(r"^[+\-–]?\s?\d{1,3}(?:\.\d{3})*(?:,\d+)?$|^[+\-–]?\s?\d+(?:,\d+)?$")


def parse_german_number(value: str) -> Optional[float]:
    """'1.458.000' -> 1458000.0, '16,44%' -> 16.44, '-3,0 %' -> -3.0; None if not a number."""
    v = value.strip().replace("€", "").replace("%", "").strip()
    v = v.replace("–", "-").replace(" ", "")
    if not v or not _GERMAN_NUMBER_RE.match(v):
        return None
    v = v.replace(".", "").replace(",", ".")
    try:
        return float(v)
    except ValueError:
        return None


def ends_sentence(text: str) -> bool:
    """True when a paragraph ends like a finished sentence (or a list intro)."""
    t = text.rstrip()
    return bool(t) and t[-1] in '.:!?)“"”»…'


def normalise_space(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


_ABBREVS = ("z.B.", "u.a.", "d.h.", "vgl.", "ca.", "bzw.", "ggf.", "Abs.", "Nr.", "u.", "sog.", "S.", "i.d.R.",
            "bspw.", "evtl.", "inkl.", "max.", "min.", "Mio.", "Tsd.", "Dr.", "etc.", "z. B.", "u. a.", "d. h.")
_SENTENCE_END_RE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ„\"(§0-9])")


def split_sentences(text: str) -> list[str]:
    """Split German prose into sentences; abbreviations such as "z.B." and "ca." do not end one."""
    out: list[str] = []
    for para in text.split("\n"):
        para = para.strip()
        if not para:
            continue
        if "\t" in para:  # a table row is its own unit
            out.append(para)
            continue
        parts = _SENTENCE_END_RE.split(para)
        # No sentence ends after an abbreviation ("ca.", "Abs.") or an ordinal/number ("1.1.", "4.").
        merged: list[str] = []
        for p in parts:
            # no sentence ends inside brackets ("(vgl. Ziffer IV. Arbeit/ Bürgergeld, ...)")
            if merged and (merged[-1].endswith(_ABBREVS) or re.search(r"(?:^|\s)[\d.]*\d\.$", merged[-1])
                           or merged[-1].count("(") > merged[-1].count(")")):
                merged[-1] += " " + p
            else:
                merged.append(p)
        out.extend(s.strip() for s in merged if s.strip())
    return out
