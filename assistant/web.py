"""Web interface: chat page, document view, glossary and JSON API (design.md §4).

A Flask app factory with one blueprint. The assistant is handed in through
``app.config["ASSISTANT"]`` (tests) or opened once per process, lazily, from
``CORPUS``/``INDEX``. Everything that comes from a question or a document reaches
the browser either through Jinja autoescaping or as JSON rendered with textContent.

Staff may type personal data into questions, so questions are never logged unless
``LOG_QUESTIONS`` is switched on, and answers to questions are sent with
``Cache-Control: no-store``.
"""
from __future__ import annotations

import json
import logging
import os
import re
import sys
import threading
import traceback
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Optional
from urllib.parse import quote, urlencode

from flask import (Blueprint, Flask, abort, current_app, jsonify, redirect, render_template,
                   request, url_for)
from werkzeug.exceptions import HTTPException

WEB_DIR = Path(__file__).resolve().parent.parent / "web"

MAX_QUESTION_CHARS = 500
MAX_BODY_BYTES = 16 * 1024
MAX_QUERY_CHARS = 200        # filter strings of /api/glossary and /api/facts
MAX_HIGHLIGHT_CHARS = 2000   # the ?hl= excerpt of the document view

KIND_LABELS = {"glossary": "Begriff", "fact": "Zahl", "passage": "Textstelle", "none": "nicht gefunden"}

STARTER_QUESTIONS = [
    "Was ist AsA flex?",
    "Wie hoch ist das Verwaltungsbudget?",
    "Wie viele Eintritte in FbW sind geplant?",
    "Welche Ziele hat das Jobcenter für 2022?",
    "What does bFM stand for?",
]

# No inline script or style anywhere, so the policy can forbid both.
CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:",
    "connect-src 'self'", "font-src 'self'", "object-src 'none'", "base-uri 'none'",
    "frame-ancestors 'none'", "form-action 'self'",
])
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}

# German texts for errors Flask/werkzeug raise themselves (their descriptions are English).
ERROR_MESSAGES = {
    400: "Die Anfrage ist ungültig.",
    404: "Diese Seite gibt es nicht.",
    405: "Diese Methode ist hier nicht erlaubt.",
    413: "Die Anfrage ist zu groß (höchstens 16 KiB).",
    500: "Ein interner Fehler ist aufgetreten. Bitte versuchen Sie es später noch einmal.",
    503: "Der Assistent ist gerade nicht verfügbar. Bitte versuchen Sie es später noch einmal.",
}
ERROR_TITLES = {400: "Ungültige Anfrage", 404: "Nicht gefunden", 405: "Methode nicht erlaubt",
                413: "Anfrage zu groß", 500: "Interner Fehler", 503: "Nicht verfügbar"}

MSG_NOT_JSON = 'Die Anfrage muss ein JSON-Objekt sein, z. B. {"question": "Was ist AsA flex?"}.'
MSG_NO_QUESTION = "Bitte geben Sie eine Frage ein."
MSG_NOT_TEXT = "Die Frage muss ein Text sein."
MSG_TOO_LONG = f"Die Frage ist zu lang: höchstens {MAX_QUESTION_CHARS} Zeichen."
MSG_QUERY_TOO_LONG = f"Der Suchbegriff ist zu lang: höchstens {MAX_QUERY_CHARS} Zeichen."

bp = Blueprint("web", __name__)


# ---------------------------------------------------------------- app factory

def create_app(config: Optional[dict[str, Any]] = None) -> Flask:
    app = Flask(__name__, template_folder=str(WEB_DIR / "templates"),
                static_folder=str(WEB_DIR / "static"), static_url_path="/static")
    app.config.from_mapping(
        CORPUS=os.environ.get("AMIP_CORPUS") or "corpus",
        INDEX=os.environ.get("AMIP_INDEX") or "index",
        LOG_QUESTIONS=_env_flag("AMIP_LOG_QUESTIONS"),
        MAX_CONTENT_LENGTH=MAX_BODY_BYTES,
        ASSISTANT=None,
    )
    if config:
        app.config.update(config)
    app.json.sort_keys = False      # keep the key order of design.md §3
    app.json.ensure_ascii = False   # readable German in curl output; still valid JSON
    app.extensions["amip"] = {"assistant": None, "open_lock": threading.Lock(),
                              "ask_lock": threading.Lock()}
    if not app.config["LOG_QUESTIONS"]:
        # The development server logs request lines; keep it quiet so that nothing
        # a user typed ends up in a log by accident (waitress logs no requests).
        logging.getLogger("werkzeug").setLevel(logging.WARNING)

    app.register_blueprint(bp)
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(Exception, _unexpected_error)
    app.after_request(_security_headers)
    app.jinja_env.globals.update(kind_labels=KIND_LABELS, static_url=_static_url,
                                 citation_href=citation_href)
    return app


def _env_flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() in ("1", "true", "yes", "on", "ja")


def get_assistant():
    """The Assistant for this app: the configured one, else opened once (thread-safe)."""
    given = current_app.config.get("ASSISTANT")
    if given is not None:
        return given
    state = current_app.extensions["amip"]
    if state["assistant"] is None:
        with state["open_lock"]:
            if state["assistant"] is None:
                from .engine import Assistant  # imported late: loading the model is slow
                state["assistant"] = Assistant.open(Path(current_app.config["CORPUS"]),
                                                    Path(current_app.config["INDEX"]))
    return state["assistant"]


def _static_url(filename: str) -> str:
    """Static URL with the file's mtime, so that browsers never run a stale chat.js."""
    try:
        version = int((WEB_DIR / "static" / filename).stat().st_mtime)
    except OSError:
        version = 0
    return url_for("static", filename=filename, v=version)


# ---------------------------------------------------------------- responses & errors

def _wants_json() -> bool:
    return request.path.startswith("/api/") or request.path == "/healthz"


def _error_response(code: int, message: str, headers: Optional[dict[str, str]] = None):
    if _wants_json():
        response = jsonify({"error": message})
    else:
        response = current_app.response_class(render_template(
            "error.html", code=code, title=ERROR_TITLES.get(code, "Fehler"), message=message))
    response.status_code = code
    for key, value in (headers or {}).items():
        response.headers[key] = value
    return response


def _http_error(exc: HTTPException):
    code = exc.code or 500
    # A description we passed to abort() is German; werkzeug's own defaults are not.
    own = exc.description and exc.description != type(exc).description
    message = exc.description if own else ERROR_MESSAGES.get(code, ERROR_MESSAGES[500])
    headers = {}
    if code == 405 and getattr(exc, "valid_methods", None):
        headers["Allow"] = ", ".join(exc.valid_methods)
    if code == 500 and not own:
        original = getattr(exc, "original_exception", None)
        if original is not None:
            current_app.logger.error("Interner Fehler bei %s %s: %s", request.method, request.path,
                                     type(original).__name__)
    return _error_response(code, message, headers)


def _unexpected_error(exc: Exception):
    if isinstance(exc, HTTPException):  # pragma: no cover - routed to _http_error
        return _http_error(exc)
    # Log type and code location only: neither the body nor the exception's message, since
    # either may hold a question and questions may hold personal data.
    where = "".join(traceback.format_tb(exc.__traceback__))
    current_app.logger.error("Interner Fehler bei %s %s: %s\n%s", request.method, request.path,
                             type(exc).__name__, where)
    return _error_response(500, ERROR_MESSAGES[500])


def _security_headers(response):
    for key, value in SECURITY_HEADERS.items():
        response.headers.setdefault(key, value)
    if request.method == "POST":
        response.headers["Cache-Control"] = "no-store"
    return response


# ---------------------------------------------------------------- questions

class BadRequest(ValueError):
    """A user mistake; the message is one German sentence for the 400 response."""


def check_question(value: Any) -> str:
    if value is None:
        raise BadRequest(MSG_NO_QUESTION)
    if not isinstance(value, str):
        raise BadRequest(MSG_NOT_TEXT)
    question = value.strip()
    if not question:
        raise BadRequest(MSG_NO_QUESTION)
    if len(question) > MAX_QUESTION_CHARS:
        raise BadRequest(MSG_TOO_LONG)
    return question


def answer_question(question: str) -> dict[str, Any]:
    if current_app.config["LOG_QUESTIONS"]:
        current_app.logger.info("Frage: %r", question)
    assistant = get_assistant()
    # One question at a time: the engine's model and caches are not promised to be thread-safe,
    # and an answer takes milliseconds, so serialising costs nothing noticeable.
    with current_app.extensions["amip"]["ask_lock"]:
        return assistant.ask(question).to_dict()


def citation_href(citation: dict[str, Any]) -> str:
    """Link of a citation: the document view with the excerpt to highlight and the anchor.

    Built by hand like chatCitationHref() in chat.js, so both renderings give the same link.
    """
    doc, section = str(citation.get("doc") or ""), str(citation.get("section") or "")
    excerpt = str(citation.get("excerpt") or "")[:600]
    query = urlencode({"s": section, "hl": excerpt}) if excerpt else urlencode({"s": section})
    return "/doc/" + quote(doc, safe="") + "?" + query + "#s-" + quote(section, safe=".-_~")


# ---------------------------------------------------------------- pages

@bp.route("/", methods=["GET", "POST"])
def chat():
    """The chat page. POST is the fallback without JavaScript: one question, one answer."""
    exchange, error, question = None, None, ""
    if request.method == "POST":
        question = request.form.get("question", "")
        try:
            exchange = answer_question(check_question(question))
            question = ""
        except BadRequest as exc:
            error = str(exc)
    return render_template("chat.html", exchange=exchange, error=error, question=question,
                           starters=STARTER_QUESTIONS, max_chars=MAX_QUESTION_CHARS,
                           log_questions=current_app.config["LOG_QUESTIONS"]), (400 if error else 200)


@bp.get("/doc")
@bp.get("/doc/")
def documents():
    docs = get_assistant().documents
    if len(docs) == 1:
        return redirect(url_for("web.document", doc_id=next(iter(docs))))
    return render_template("documents.html", documents=list(docs.values()))


@bp.get("/doc/<doc_id>")
def document(doc_id: str):
    doc = get_assistant().documents.get(doc_id)
    if doc is None:
        abort(404, description=f"Das Dokument „{doc_id}“ gibt es nicht.")
    target = request.args.get("s", "")
    target = target if doc.section(target) is not None else ""  # ignore unknown sections
    hl = request.args.get("hl", "")[:MAX_HIGHLIGHT_CHARS]
    view = build_document_view(doc)
    found = highlight(view, hl, target or None) if hl.strip() else None
    return render_template("document.html", doc=doc, view=view, toc=build_toc(doc.sections),
                           hl=hl, hl_found=found, target=target)


@bp.get("/doc/<doc_id>/<path:section>")
def document_section(doc_id: str, section: str):
    doc = get_assistant().documents.get(doc_id)
    if doc is None:
        abort(404, description=f"Das Dokument „{doc_id}“ gibt es nicht.")
    if doc.section(section) is None:
        abort(404, description=f"Den Abschnitt „{section}“ gibt es in diesem Dokument nicht.")
    args = {k: v for k, v in request.args.items() if k == "hl"}
    args["s"] = section
    return redirect(url_for("web.document", doc_id=doc_id, **args) + "#s-" + section)


@bp.get("/glossar")
def glossary():
    assistant = get_assistant()
    query = request.args.get("q", "")[:MAX_QUERY_CHARS].strip()
    entries = merge_glossary(assistant.glossary, assistant.documents)
    # Every entry is rendered; those not matching ?q= carry `hidden`. Without JavaScript the
    # page then shows only the matches, with it glossary.js can widen the filter again.
    groups: dict[str, list] = {}
    for entry in entries:
        visible = not query or query.casefold() in entry["search"]
        groups.setdefault(letter_of(entry["abbr"]), []).append((entry, visible))
    ordered = sorted(groups.items(), key=lambda g: (g[0] == "#", g[0]))
    count = sum(visible for _, items in ordered for _, visible in items)
    return render_template("glossary.html", groups=ordered, query=query, count=count,
                           total=len(entries))


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


# ---------------------------------------------------------------- JSON API

@bp.post("/api/ask")
def api_ask():
    raw = request.get_data(cache=False)  # raises 413 beyond MAX_CONTENT_LENGTH
    try:
        body = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return jsonify({"error": MSG_NOT_JSON}), 400
    if not isinstance(body, dict):
        return jsonify({"error": MSG_NOT_JSON}), 400
    try:
        question = check_question(body.get("question"))
    except BadRequest as exc:
        return jsonify({"error": str(exc)}), 400
    return jsonify(answer_question(question))


@bp.get("/api/glossary")
def api_glossary():
    query = _filter_query()
    terms = get_assistant().glossary
    return jsonify([t.to_dict() for t in terms if term_matches(t, query)])


@bp.get("/api/facts")
def api_facts():
    query = _filter_query().casefold()
    facts = get_assistant().facts
    return jsonify([f.to_dict() for f in facts
                    if not query or any(query in (v or "").casefold()
                                        for v in (f.subject, f.measure, f.value, f.section))])


@bp.get("/healthz")
def healthz():
    try:
        details = dict(get_assistant().health())
    except Exception as exc:  # the index cannot be opened: say so, as JSON, with 503
        current_app.logger.error("Assistent nicht verfügbar: %s", type(exc).__name__)
        return jsonify({"status": "error", "error": ERROR_MESSAGES[503]}), 503
    details.pop("status", None)
    return jsonify({"status": "ok", **details})


def _filter_query() -> str:
    query = request.args.get("q", "").strip()
    if len(query) > MAX_QUERY_CHARS:
        abort(400, description=MSG_QUERY_TOO_LONG)
    return query


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


# ---------------------------------------------------------------- document view model

@dataclass
class Unit:
    """One highlightable piece of text: a paragraph, list item, caption or table row."""

    text: str
    cells: Optional[list[str]] = None  # table rows only
    spans: list[tuple[int, int]] = field(default_factory=list)
    whole: bool = False

    @property
    def hl(self) -> bool:
        return self.whole or bool(self.spans)

    @property
    def segments(self) -> list[tuple[str, bool]]:
        """The text cut into (piece, highlighted) so the template can wrap hits in <mark>."""
        if self.whole or not self.spans:
            return [(self.text, self.whole)]
        out, pos = [], 0
        for start, end in _merge(self.spans):
            if start > pos:
                out.append((self.text[pos:start], False))
            out.append((self.text[start:end], True))
            pos = end
        if pos < len(self.text):
            out.append((self.text[pos:], False))
        return out


@dataclass
class Item:
    kind: str  # "para", "caption", "subheading", "list", "table"
    units: list[Unit]
    head: Optional[list[str]] = None  # table header cells
    columns: int = 0


@dataclass
class SectionView:
    section: Any  # records.Section
    items: list[Item]

    def units(self) -> Iterable[Unit]:
        for item in self.items:
            yield from item.units


_NUMERIC_CELL_RE = re.compile(r"^[+\-–]?\s?[\d.,]+\s?(%|€|Personen)?$")


def is_number(cell: str) -> bool:
    return bool(_NUMERIC_CELL_RE.match(cell.strip()))


def build_document_view(doc) -> list[SectionView]:
    """Group a section's blocks for HTML: consecutive list items form one list, rows one table."""
    views = []
    for sec in doc.sections:
        items: list[Item] = []
        for block in sec.blocks:
            kind = block.kind if block.kind in ("para", "caption", "subheading", "list", "table") else "para"
            if kind == "table":
                cells = [c.strip() for c in block.text.split("\t")]
                unit = Unit(" ".join(c for c in cells if c), cells=cells)
                if items and items[-1].kind == "table":
                    items[-1].units.append(unit)
                else:
                    items.append(Item("table", [unit]))
            elif kind == "list" and items and items[-1].kind == "list":
                items[-1].units.append(Unit(block.text))
            else:
                items.append(Item(kind, [Unit(block.text)]))
        for item in items:
            if item.kind == "table":
                _shape_table(item)
        views.append(SectionView(sec, items))
    return views


def _shape_table(item: Item) -> None:
    """A first row without figures is the header; short rows are padded to the full width."""
    first = item.units[0].cells or []
    if len(item.units) >= 3 and len(first) >= 2 and not any(is_number(c) for c in first[1:] if c):
        item.head = first
        item.units = item.units[1:]
    item.columns = max([len(item.head or [])] + [len(u.cells or []) for u in item.units])
    for unit in item.units:
        if len(unit.cells) > 1:
            unit.cells = unit.cells + [""] * (item.columns - len(unit.cells))


def build_toc(sections) -> list[dict[str, Any]]:
    """Nest the flat section list by parent for a table of contents."""
    nodes = {s.section: {"section": s, "children": []} for s in sections}
    roots = []
    for s in sections:
        parent = nodes.get(s.parent) if s.parent else None
        (parent["children"] if parent else roots).append(nodes[s.section])
    return roots


# ---------------------------------------------------------------- highlighting the cited excerpt

_WORD_RE = re.compile(r"\w+")
_FRAGMENT_SPLIT_RE = re.compile(r"\n+|…|\.{3,}")
MIN_OVERLAP_WORDS = 3


def _words(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(0).casefold(), m.start(), m.end()) for m in _WORD_RE.finditer(text)]


def _find(needle: list[str], hay: list[str], loose: bool) -> Optional[int]:
    """Start of `needle` as a run in `hay`; loose lets the first and last word be cut off."""
    n = len(needle)
    for i in range(len(hay) - n + 1):
        if n == 1 or not loose:
            if hay[i:i + n] == needle:
                return i
            continue
        if (hay[i].endswith(needle[0]) and hay[i + n - 1].startswith(needle[-1])
                and hay[i + 1:i + n - 1] == needle[1:n - 1]):
            return i
    return None


def _overlap(left: list[str], right: list[str]) -> int:
    """Longest k with left's last k words == right's first k words (k >= MIN_OVERLAP_WORDS)."""
    if not right:
        return 0
    # Only positions holding right's first word can start an overlap; ?hl= is user input,
    # so avoid comparing every suffix with every prefix.
    for j in range(max(0, len(left) - len(right)), len(left) - MIN_OVERLAP_WORDS + 1):
        if left[j] == right[0] and left[j:] == right[:len(left) - j]:
            return len(left) - j
    return 0


def highlight(view: list[SectionView], excerpt: str, section: Optional[str]) -> bool:
    """Mark the excerpt's text in the document view; return whether anything was marked.

    Excerpts are cut from the document by the engine, but they may join several blocks,
    replace tabs by spaces or end in "…" in the middle of a word, so matching works on
    word sequences and tolerates a cut first and last word. When no exact run is found the
    block sharing most of the excerpt's words (at least 60 %) is marked instead.
    """
    scope = [v for v in view if v.section.section == section] if section else view
    fragments = [f for f in (_words(p) for p in _FRAGMENT_SPLIT_RE.split(excerpt)) if f]
    if len(fragments) > 1:  # single stray words between cuts would mark noise
        fragments = [f for f in fragments if len(f) >= 2] or fragments
    marked = False
    for sec in scope:
        units = [(u, _words(u.text)) for u in sec.units()]
        for frag in fragments:
            marked = _mark_fragment(units, [w for w, _, _ in frag]) or marked
        if marked and not section:
            return True  # the first section that holds the excerpt
    if marked:
        return True
    return _mark_best(scope, {w for frag in fragments for w, _, _ in frag})


def _mark_fragment(units, needle: list[str]) -> bool:
    """Mark one fragment: verbatim inside a block, else across the blocks it spans."""
    found = False
    for unit, tokens in units:
        hay = [w for w, _, _ in tokens]
        start = _find(needle, hay, loose=len(needle) >= 3)
        if start is not None:
            _mark(unit, tokens, start, start + len(needle) - 1)
            found = True
    if found:
        return True
    for unit, tokens in units:
        hay = [w for w, _, _ in tokens]
        if len(hay) >= 2 and _find(hay, needle, loose=False) is not None:
            unit.whole = found = True  # the excerpt covers this whole block
            continue
        k = _overlap(hay, needle)  # the excerpt starts inside this block
        if k:
            _mark(unit, tokens, len(hay) - k, len(hay) - 1)
            found = True
        k = _overlap(needle, hay)  # the excerpt ends inside this block
        if k:
            _mark(unit, tokens, 0, k - 1)
            found = True
    return found


def _mark(unit: Unit, tokens, first: int, last: int) -> None:
    if unit.cells is not None:
        unit.whole = True  # a table row is rendered cell by cell: mark the row
    else:
        unit.spans.append((tokens[first][1], tokens[last][2]))


def _mark_best(scope: list[SectionView], words: set[str]) -> bool:
    words = {w for w in words if len(w) > 2}
    if not words:
        return False
    best, best_score = None, 0.0
    for sec in scope:
        for unit in sec.units():
            score = len(words & {w for w, _, _ in _words(unit.text)}) / len(words)
            if score > best_score:
                best, best_score = unit, score
    if best is not None and best_score >= 0.6:
        best.whole = True
        return True
    return False


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return out


# ---------------------------------------------------------------- production server

def serve(host: str = "127.0.0.1", port: int = 8000, corpus: Optional[os.PathLike | str] = None,
          index: Optional[os.PathLike | str] = None, threads: int = 4) -> None:
    """Run the app under waitress (a production WSGI server; never Flask's debug server)."""
    from waitress import serve as waitress_serve

    config: dict[str, Any] = {}
    if corpus is not None:
        config["CORPUS"] = str(corpus)
    if index is not None:
        config["INDEX"] = str(index)
    app = create_app(config)
    with app.app_context():
        get_assistant()  # load (or build) the index now, not while the first visitor waits
    print(f"AMIP-Assistent läuft auf http://{host}:{port}/ (beenden mit Strg+C)", file=sys.stderr)
    waitress_serve(app, host=host, port=port, threads=threads, ident="AMIP-Assistent")
