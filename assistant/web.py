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
import sys
import threading
import traceback
from pathlib import Path
from typing import Any, Optional
from urllib.parse import quote, urlencode

from flask import (Blueprint, Flask, abort, current_app, jsonify, redirect, render_template,
                   request, url_for)
from werkzeug.exceptions import HTTPException

from .docview import build_document_view, build_toc
from .glossary_view import letter_of, merge_glossary, term_matches
from .highlight import highlight
from .questions import MAX_QUESTION_CHARS, QuestionError, check_question

WEB_DIR = Path(__file__).resolve().parent.parent / "web"

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
    from .learn import bp as learn_bp  # the figures and onboarding pages

    app.register_blueprint(learn_bp)
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

def answer_question(question: str) -> dict[str, Any]:
    if current_app.config["LOG_QUESTIONS"]:
        current_app.logger.info("Frage: %r", question)
    assistant = get_assistant()
    # One question at a time: the engine's model and caches are not promised to be thread-safe,
    # and an answer takes milliseconds, so serialising costs nothing noticeable.
    with current_app.extensions["amip"]["ask_lock"]:
        answer = assistant.ask(question).to_dict()
    from .learn import table_for_answer

    table = table_for_answer(answer, question)  # an extra key (design.md §3 allows extra keys)
    if table is not None:
        answer["table"] = table
    return answer


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
        except QuestionError as exc:
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


# ---------------------------------------------------------------- JSON API

def json_object(message: str = MSG_NOT_JSON) -> dict[str, Any]:
    """The request body as a JSON object, else a 400 with `message` (413 beyond 16 KiB)."""
    raw = request.get_data(cache=False)  # raises 413 beyond MAX_CONTENT_LENGTH
    try:
        body = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        abort(400, description=message)
    if not isinstance(body, dict):
        abort(400, description=message)
    return body


@bp.post("/api/ask")
def api_ask():
    body = json_object()
    try:
        question = check_question(body.get("question"))
    except QuestionError as exc:
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


# ---------------------------------------------------------------- production server

def serve(host: str = "127.0.0.1", port: int = 8000, corpus: Optional[os.PathLike | str] = None,
          index: Optional[os.PathLike | str] = None, threads: int = 4, assistant=None) -> None:
    """Run the app under waitress (a production WSGI server; never Flask's debug server).

    `assistant`: an Assistant opened already (`amip serve` opens it first, so that a missing or
    broken index is reported before the server starts).
    """
    from waitress import serve as waitress_serve

    config: dict[str, Any] = {"ASSISTANT": assistant} if assistant is not None else {}
    if corpus is not None:
        config["CORPUS"] = str(corpus)
    if index is not None:
        config["INDEX"] = str(index)
    app = create_app(config)
    with app.app_context():
        get_assistant()  # load (or build) the index now, not while the first visitor waits
    print(f"AMIP-Assistent läuft auf http://{host}:{port}/ (beenden mit Strg+C)", file=sys.stderr)
    waitress_serve(app, host=host, port=port, threads=threads, ident="AMIP-Assistent")
