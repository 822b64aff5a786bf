"""The glossary page: one entry per abbreviation, A to Z, as a German reader sorts."""
from __future__ import annotations

import unicodedata
from typing import Any


def merge_glossary(terms, documents) -> list[dict[str, Any]]:
    """One entry per abbreviation and document, A to Z.

    The engine keeps a Legende definition and an inline one ("Assistierte Ausbildung (AsA)")
    as two terms; a person looking something up wants one line with both long forms.
    """
    merged: dict[tuple[str, str], dict[str, Any]] = {}
    # Legende first, so its spelling and long form lead.
    for t in sorted(terms, key=lambda t: t.source != "legende"):
        key = (t.doc, sort_key(t.abbr))
        e = merged.setdefault(key, {"abbr": t.abbr, "doc": t.doc, "longs": [], "variants": [],
                                    "defined_in": [], "sections": []})
        if sort_key(t.long) not in {sort_key(x) for x in e["longs"]}:
            e["longs"].append(t.long)
        for v in [t.abbr, *t.variants]:
            if v != e["abbr"] and v not in e["variants"]:
                e["variants"].append(v)
        if t.defined_in and t.defined_in not in e["defined_in"]:
            e["defined_in"].append(t.defined_in)
        e["sections"].extend(x for x in t.sections if x not in e["sections"])
    for e in merged.values():
        doc = documents.get(e["doc"])
        order = {s.section: i for i, s in enumerate(doc.sections)} if doc else {}
        titles = {s.section: s.title for s in doc.sections} if doc else {}
        e["used"] = sorted((x for x in e["sections"] if x not in e["defined_in"]),
                           key=lambda x: order.get(x, len(order)))
        e["titles"] = titles
        e["search"] = " ".join([e["abbr"], *e["longs"], *e["variants"]]).casefold()
    return sorted(merged.values(), key=lambda e: (sort_key(e["abbr"]), e["abbr"]))


def term_matches(term, query: str) -> bool:
    if not query:
        return True
    q = query.casefold()
    return any(q in (v or "").casefold() for v in [term.abbr, term.long, *term.variants])


def sort_key(text: str) -> str:
    """A to Z as a German reader expects it: case-insensitive, umlauts next to their vowel."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().replace("ß", "ss"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def letter_of(abbr: str) -> str:
    first = sort_key(abbr)[:1].upper()
    return first if "A" <= first <= "Z" else "#"
