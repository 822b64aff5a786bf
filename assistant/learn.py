"""Learning the programme: the figures page, the onboarding page and its practice mode.

A second blueprint next to web.py's. Everything shown is derived once per Assistant from its
parsed documents, glossary and facts (tables.py, charts.py, onboarding.py) and kept in the app.
`table_for_answer()` lets the chat show a table and its chart when an answer concerns one.
"""
from __future__ import annotations

import random
import re
import threading
from dataclasses import dataclass
from typing import Any, Optional

from flask import Blueprint, abort, current_app, jsonify, render_template, request, url_for

from .charts import Chart, charts_for, period_key, render_svg
from .excerpts import section_label
from .onboarding import (ABBR, FIGURE, MAX_ANSWER_CHARS, PRACTICE_MINUTES, Chapter, PracticeItem,
                         STOPWORDS, build_chapters, build_practice, check_answer)
from .tables import PERIODS, FigureTable, build_tables
from .web import json_object

bp = Blueprint("learn", __name__)

KINDS = {ABBR: "Abkürzungen", FIGURE: "Zahlen"}
MAX_COUNTER = 100_000

MSG_NO_ITEM = "Bitte wählen Sie eine Übungsfrage."
MSG_UNKNOWN_ITEM = "Diese Übungsfrage gibt es nicht (mehr). Bitte starten Sie eine neue Frage."
MSG_NO_ANSWER = "Bitte geben Sie eine Antwort ein."
MSG_ANSWER_TOO_LONG = f"Die Antwort ist zu lang: höchstens {MAX_ANSWER_CHARS} Zeichen."
MSG_ANSWER_NOT_TEXT = "Die Antwort muss ein Text sein."
MSG_BAD_KIND = "Die Art der Übung ist unbekannt: erlaubt sind „abk“ (Abkürzungen) und „zahl“ (Zahlen)."
MSG_BAD_COUNTER = "Der Punktestand in der Adresse ist ungültig."
MSG_NOT_JSON = 'Die Anfrage muss ein JSON-Objekt sein, z. B. {"item": "...", "answer": "..."}.'


# ---------------------------------------------------------------- what the pages show

@dataclass
class Learning:
    tables: list[FigureTable]
    charts: dict[str, list[Chart]]          # table id -> its charts
    chart_index: dict[str, tuple[FigureTable, Chart]]
    chapters: dict[str, list[Chapter]]      # doc id -> chapters
    practice: list[PracticeItem]
    practice_index: dict[str, PracticeItem]


def build_learning(assistant) -> Learning:
    documents = assistant.documents
    tables = build_tables(assistant.facts, documents)
    charts = {t.id: charts_for(t) for t in tables}
    chart_index = {c.id: (t, c) for t in tables for c in charts[t.id]}
    chapters = {d.doc: build_chapters(d, assistant.facts, assistant.glossary, tables) for d in documents.values()}
    practice = build_practice(documents, assistant.facts, assistant.glossary, tables)
    return Learning(tables, charts, chart_index, chapters, practice, {p.id: p for p in practice})


_lock = threading.Lock()


def learning() -> Learning:
    """Built on first use for the app's Assistant and kept while its parsed data stays the same."""
    from .web import get_assistant

    assistant = get_assistant()
    key = (id(assistant), id(assistant.documents), id(assistant.facts), id(assistant.glossary))
    state = current_app.extensions.setdefault("amip-learn", {})
    cached = state.get("learning")
    if cached is None or cached[0] != key:
        with _lock:
            cached = state.get("learning")
            if cached is None or cached[0] != key:
                cached = (key, build_learning(assistant))
                state["learning"] = cached
    return cached[1]


def section_href(doc: str, section: str, excerpt: str = "") -> str:
    from .web import citation_href

    return citation_href({"doc": doc, "section": section, "excerpt": excerpt})


bp.add_app_template_global(section_label)


def table_heading(table: FigureTable) -> str:
    if table.kind == PERIODS and len(table.columns) > 1:
        labels = sorted((c.label for c in table.columns), key=period_key)
        return f"{table.title}: {labels[0]} bis {labels[-1]}"
    return table.title


def chart_url(chart: Chart) -> str:
    return url_for("learn.chart_svg", chart_id=chart.id)


def table_payload(table: FigureTable, charts: list[Chart], hits: Optional[set[int]] = None) -> dict[str, Any]:
    """A table as plain data: the same for the pages (Jinja) and the chat (JSON, chat.js)."""
    hits = hits or set()
    return {
        "id": table.id,
        "title": table_heading(table),
        "doc": table.doc,
        "section": table.section,
        "section_title": table.section_title,
        "section_url": section_href(table.doc, table.section, table.intro),
        "url": url_for("learn.figures") + "#tab-" + table.id,
        "intro": table.intro,
        "row_header": table.row_header,
        "columns": [c.label for c in table.columns],
        "rows": [{"label": r.label, "cells": [c.text for c in r.cells], "total": r.is_total,
                  "hit": i in hits} for i, r in enumerate(table.rows)],
        "charts": [{"id": c.id, "title": c.title, "url": chart_url(c),
                    "alt": f"{c.short_description} Die Zahlen stehen in der Tabelle."} for c in charts],
    }


# ---------------------------------------------------------------- chat: does an answer concern a table?

# Words a colleague uses for a table that its own labels do not contain.
SYNONYMS = {"zielwert": "zielsystem", "zielwerte": "zielsystem", "eintritte": "neueintritte",
            "eintritt": "neueintritte", "ausgaben": "budget", "budgets": "budget"}
# Label words too common to name a table on their own.
_GENERIC = {"kennzahl", "personenmerkmale", "wert", "betrag", "anzahl"}


def _whole_words(text: str) -> set[str]:
    """Whole words, not stems: "Personal" must not name "Budget- und Personalressourcen"."""
    return {w for w in re.findall(r"[a-zäöüß]+", text.lower()) if len(w) >= 4 and w not in STOPWORDS}


def _table_words(table: FigureTable) -> set[str]:
    text = " ".join([table.title, table.section_title, table.row_header, *[c.label for c in table.columns]])
    return _whole_words(re.sub(r"[-/]", " ", text)) - _GENERIC


def _question_words(question: str) -> set[str]:
    return {SYNONYMS.get(w, w) for w in _whole_words(question)}


def table_for_answer(answer: dict[str, Any], question: str) -> Optional[dict[str, Any]]:
    """The table an answer concerns, as data with its charts, or None.

    First the answer's own facts: a fact of a table (same section, subject and value) means that
    table, its rows marked. Otherwise the question must name a table by its own words: its
    heading ("Kundenstruktur", "Budget"), its label column ("Maßnahmeart") or a column
    ("Neueintritte"); a year the table covers breaks a tie. An answer that says the document has
    nothing on the question (kind "none") gets no table.
    """
    if answer.get("kind") == "none":
        return None
    data = learning()
    facts = [f for f in answer.get("facts") or [] if isinstance(f, dict)]
    best: Optional[tuple[int, FigureTable, set[int]]] = None
    for table in data.tables:
        hits = set()
        for i, row in enumerate(table.rows):
            for f in row.facts:
                if any(a.get("section") == f.section and a.get("subject") == f.subject and a.get("value") == f.value
                       for a in facts):
                    hits.add(i)
        if hits and (best is None or len(hits) > best[0]):
            best = (len(hits), table, hits)
    if best is not None:
        return table_payload(best[1], data.charts[best[1].id], best[2])
    asked = _question_words(question)
    years = set(re.findall(r"\b(?:19|20)\d\d\b", question))
    scored = []
    for n, table in enumerate(data.tables):
        named = len(asked & _table_words(table))
        if not named:
            continue
        covered = {y for c in table.columns for y in re.findall(r"(?:19|20)\d\d", c.label)}
        scored.append((named + 0.5 * len(years & covered), -n, table))
    if not scored:
        return None
    table = max(scored, key=lambda s: (s[0], s[1]))[2]
    return table_payload(table, data.charts[table.id])


# ---------------------------------------------------------------- figures page

@bp.get("/zahlen")
def figures():
    data = learning()
    blocks = [(t, table_payload(t, data.charts[t.id]), [(c, render_svg(c)) for c in data.charts[t.id]])
              for t in data.tables]
    return render_template("zahlen.html", blocks=blocks,
                           chart_count=sum(len(c) for c in data.charts.values()))


@bp.get("/zahlen/diagramm/<chart_id>.svg")
def chart_svg(chart_id: str):
    found = learning().chart_index.get(chart_id)
    if found is None:
        abort(404, description=f"Das Diagramm „{chart_id}“ gibt es nicht.")
    svg = '<?xml version="1.0" encoding="UTF-8"?>\n' + str(render_svg(found[1], standalone=True))
    response = current_app.response_class(svg, mimetype="image/svg+xml")
    response.headers["Cache-Control"] = "public, max-age=300"
    return response


# ---------------------------------------------------------------- onboarding page

@bp.get("/einarbeitung")
def onboarding():
    from .web import get_assistant

    data = learning()
    documents = get_assistant().documents
    parts = []
    for doc_id, chapters in data.chapters.items():
        tables = {t.id: table_payload(t, data.charts[t.id]) for ch in chapters for t in ch.tables}
        parts.append((documents[doc_id], chapters, tables))
    return render_template("einarbeitung.html", parts=parts, practice_minutes=PRACTICE_MINUTES,
                           section_href=section_href, practice_count=len(data.practice))


# ---------------------------------------------------------------- practice

def _chapter_choices(data: Learning) -> list[tuple[str, str]]:
    return [(ch.number, ch.section.heading) for chapters in data.chapters.values() for ch in chapters]


def _filters(source) -> dict[str, str]:
    """Validated filters (chapter, kind) and score counters from a query string or a form."""
    data = learning()
    chapter = (source.get("kapitel") or "").strip()
    kind = (source.get("art") or "").strip()
    if chapter and chapter not in {c for c, _ in _chapter_choices(data)}:
        abort(404, description=f"Das Kapitel „{chapter[:40]}“ gibt es nicht.")
    if kind and kind not in KINDS:
        abort(400, description=MSG_BAD_KIND)
    counts = {}
    for name in ("richtig", "gesamt"):
        raw = (source.get(name) or "0").strip()
        if not re.fullmatch(r"[0-9]{1,9}", raw) or int(raw) > MAX_COUNTER:  # not isdigit(): "²" is a digit
            abort(400, description=MSG_BAD_COUNTER)
        counts[name] = int(raw)
    if counts["richtig"] > counts["gesamt"]:
        abort(400, description=MSG_BAD_COUNTER)
    return {"kapitel": chapter, "art": kind, **{k: str(v) for k, v in counts.items()}}


def _pool(data: Learning, filters: dict[str, str]) -> list[PracticeItem]:
    return [p for p in data.practice
            if (not filters["kapitel"] or filters["kapitel"] in p.chapters)
            and (not filters["art"] or p.kind == filters["art"])]


def _item(item_id: Optional[str]) -> PracticeItem:
    if not item_id or not isinstance(item_id, str):
        abort(400, description=MSG_NO_ITEM)
    item = learning().practice_index.get(item_id.strip())
    if item is None:
        abort(404, description=MSG_UNKNOWN_ITEM)
    return item


def _render_practice(item: PracticeItem, filters: dict[str, str], answer: str = "",
                     feedback=None, error: str = "", status: int = 200):
    data = learning()
    return render_template(
        "uebung.html", item=item, filters=filters, answer=answer, feedback=feedback, error=error,
        kinds=KINDS, chapters=_chapter_choices(data), pool_size=len(_pool(data, filters)),
        item_href=section_href(item.doc, item.section, item.excerpt),
        max_chars=MAX_ANSWER_CHARS), status


@bp.get("/einarbeitung/uebung")
def practice():
    data = learning()
    filters = _filters(request.args)
    if request.args.get("item"):
        item = _item(request.args.get("item"))
    else:
        pool = _pool(data, filters)
        if not pool:
            abort(404, description="Zu dieser Auswahl gibt es keine Übungsfragen. Bitte wählen Sie ein anderes Kapitel.")
        previous = request.args.get("nach", "")
        choices = [p for p in pool if p.id != previous] or pool
        item = random.choice(choices)
    return _render_practice(item, filters)


@bp.post("/einarbeitung/uebung")
def practice_answer():
    filters = _filters(request.form)
    item = _item(request.form.get("item"))
    answer = request.form.get("antwort", "")
    error = _answer_error(answer)
    if error:
        return _render_practice(item, filters, answer=answer[:MAX_ANSWER_CHARS], error=error, status=400)
    feedback = check_answer(item, answer)
    filters["gesamt"] = str(int(filters["gesamt"]) + 1)
    filters["richtig"] = str(int(filters["richtig"]) + (1 if feedback.correct else 0))
    return _render_practice(item, filters, answer=answer, feedback=feedback)


def _answer_error(answer: Any) -> str:
    if not isinstance(answer, str):
        return MSG_ANSWER_NOT_TEXT
    if not answer.strip():
        return MSG_NO_ANSWER
    if len(answer) > MAX_ANSWER_CHARS:
        return MSG_ANSWER_TOO_LONG
    return ""


@bp.post("/api/uebung")
def api_practice():
    body = json_object(MSG_NOT_JSON)
    item_id = body.get("item")
    if not isinstance(item_id, str) or not item_id.strip():
        return jsonify({"error": MSG_NO_ITEM}), 400
    item = learning().practice_index.get(item_id.strip())
    if item is None:
        return jsonify({"error": MSG_UNKNOWN_ITEM}), 404
    error = _answer_error(body.get("answer"))
    if error:
        return jsonify({"error": error}), 400
    feedback = check_answer(item, body["answer"])
    return jsonify({"item": item.id, "correct": feedback.correct, "message": feedback.message,
                    "expected": item.expected, "section": item.section, "section_title": item.section_title,
                    "href": section_href(item.doc, item.section, item.excerpt), "excerpt": item.excerpt})
