"""The web app through Flask's test client: routes, bad requests, headers, escaping."""
from __future__ import annotations

import json
import logging
import re
from pathlib import Path
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.docview import Unit, build_document_view
from assistant.glossary_view import merge_glossary, sort_key
from assistant.highlight import highlight
from assistant.questions import MAX_QUESTION_CHARS
from assistant.web import create_app

DOC = "amip-2022-jobcenter-landkreis-kassel"
WEB = Path(__file__).resolve().parent.parent / "web"
ANSWER_KEYS = {"question", "kind", "answer", "citations", "facts", "took_ms"}
CITATION_KEYS = {"doc", "section", "title", "page", "excerpt", "url"}
FACT_KEYS = {"subject", "measure", "value", "number", "unit", "section", "period"}
XSS = '<script>window.__xss=1</script><img src=x onerror="window.__xss=2">'


def ask(client, body, **kwargs):
    return client.post("/api/ask", json=body, **kwargs)


def assert_german_error(response, status):
    assert response.status_code == status
    assert response.is_json, response.data[:200]
    error = response.get_json()["error"]
    assert isinstance(error, str) and error.endswith(".")
    assert "Traceback" not in error


# ---------------------------------------------------------------- chat page

def test_chat_page(client):
    r = client.get("/")
    assert r.status_code == 200
    html = r.get_data(as_text=True)
    assert '<html lang="de">' in html
    assert '<label for="question"' in html and 'id="question"' in html
    assert 'aria-live="polite"' in html
    assert "Was ist AsA flex?" in html and "What does bFM stand for?" in html
    assert re.search(r'<script src="/static/chat\.js\?v=\d+" defer></script>', html)


@pytest.mark.parametrize("path,script", [("/", "chat.js"), ("/einarbeitung/uebung", "uebung.js")])
def test_page_script_comes_after_dom_js(client, path, script):
    # Deferred scripts run in document order: the helpers of dom.js exist when the page script runs.
    html = client.get(path).get_data(as_text=True)
    sources = re.findall(r'<script src="/static/([\w.]+)\?v=\d+" defer></script>', html)
    assert sources == ["dom.js", script]


@pytest.mark.parametrize("path", ["/", f"/doc/{DOC}", "/glossar", "/does-not-exist"])
def test_pages_have_no_inline_script_or_style(client, path):
    html = client.get(path).get_data(as_text=True)
    for tag in re.findall(r"<script\b[^>]*>", html):
        assert "src=" in tag, tag
    assert all(not body.strip() for body in re.findall(r"<script\b[^>]*>(.*?)</script>", html, re.S))
    assert "<style" not in html and " style=" not in html
    assert not re.search(r"<[^>]+\son\w+=", html), "inline event handler"


def test_no_external_resources_in_templates_and_static():
    for path in list((WEB / "templates").glob("*.html")) + list((WEB / "static").glob("*")):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", text), path
        assert "@import" not in text and "url(http" not in text, path


def test_javascript_never_uses_innerhtml():
    for path in (WEB / "static").glob("*.js"):
        text = re.sub(r"/\*.*?\*/|//[^\n]*", "", path.read_text(encoding="utf-8"), flags=re.S)  # code only
        assert "innerHTML" not in text and "outerHTML" not in text and "insertAdjacentHTML" not in text, path
        assert "document.write" not in text and "eval(" not in text, path


def test_static_files_served(client):
    for name, kind in [("app.css", "text/css"), ("dom.js", "javascript"), ("chat.js", "javascript"),
                       ("doc.js", "javascript"), ("glossary.js", "javascript")]:
        r = client.get(f"/static/{name}")
        assert r.status_code == 200 and kind in r.content_type
        r.close()


def test_no_js_fallback_answers_in_html(client):
    r = client.post("/", data={"question": "Was ist AsA flex?"})
    assert r.status_code == 200
    html = r.get_data(as_text=True)
    assert "Begriff" in html and "assistierten Ausbildung" in html
    assert f'href="/doc/{DOC}?s=' in html and "#s-" in html
    assert r.headers["Cache-Control"] == "no-store"


def test_no_js_fallback_rejects_empty_question(client):
    r = client.post("/", data={"question": "   "})
    assert r.status_code == 400
    assert "Bitte geben Sie eine Frage ein." in r.get_data(as_text=True)


def test_xss_question_is_escaped_in_html(client):
    r = client.post("/", data={"question": XSS})
    assert r.status_code == 200
    html = r.get_data(as_text=True)
    assert "<script>window.__xss" not in html and "<img src=x" not in html
    assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=" in html


def test_xss_question_in_api_is_json_not_html(client):
    r = ask(client, {"question": XSS})
    assert r.status_code == 200
    assert r.content_type.startswith("application/json")
    assert r.headers["X-Content-Type-Options"] == "nosniff"
    assert r.get_json()["question"] == XSS  # returned as data; chat.js renders it with textContent


# ---------------------------------------------------------------- /api/ask

def test_ask_glossary_answer_has_citation(client):
    r = ask(client, {"question": "Was ist AsA flex?"})
    assert r.status_code == 200
    data = r.get_json()
    assert set(data) >= ANSWER_KEYS
    assert data["question"] == "Was ist AsA flex?"
    assert data["kind"] == "glossary"
    assert data["citations"], data
    for c in data["citations"]:
        assert set(c) >= CITATION_KEYS
        assert c["url"] == f"/doc/{c['doc']}#s-{c['section']}"
    assert any("AsA flex" in c["excerpt"] for c in data["citations"])
    assert r.headers["Cache-Control"] == "no-store"


def test_ask_fact_answer(client):
    data = ask(client, {"question": "Wie viele Eintritte in FbW sind geplant?"}).get_json()
    assert data["kind"] == "fact"
    assert "150" in data["answer"]
    assert data["facts"] and all(set(f) >= FACT_KEYS for f in data["facts"])


def test_ask_exactly_max_length_is_accepted(client):
    question = ("Wie hoch ist das Verwaltungsbudget? " * 20)[:MAX_QUESTION_CHARS]
    assert len(question) == MAX_QUESTION_CHARS
    assert ask(client, {"question": question}).status_code == 200


@pytest.mark.parametrize("body", [
    {},                                  # missing
    {"question": ""},                    # empty
    {"question": "   \n\t "},            # whitespace
    {"question": 123},                   # not a string
    {"question": ["Was ist FbW?"]},      # list
    {"question": None},                  # null
    {"question": {"text": "FbW"}},       # object
    {"question": True},
    {"question": "x" * (MAX_QUESTION_CHARS + 1)},  # 501 characters
    {"frage": "Was ist FbW?"},           # wrong key
])
def test_ask_bad_question_is_400(client, body):
    assert_german_error(ask(client, body), 400)


@pytest.mark.parametrize("raw", [
    b"Was ist FbW?",                     # not JSON
    b"",                                 # empty body
    b'["Was ist FbW?"]',                 # JSON array
    b'"Was ist FbW?"',                   # JSON string
    b"null",
    b"42",
    b'{"question": "FbW"',               # truncated
    b'{"question": "\xff\xfe"}',         # not UTF-8
    b"[" * 5000 + b"]" * 5000,           # nesting deep enough to break a recursive parser
])
def test_ask_body_not_a_json_object_is_400(client, raw):
    r = client.post("/api/ask", data=raw, content_type="application/json")
    assert_german_error(r, 400)


def test_ask_body_over_16_kib_is_413(client):
    body = json.dumps({"question": "x" * (17 * 1024)})
    r = client.post("/api/ask", data=body, content_type="application/json")
    assert_german_error(r, 413)


@pytest.mark.parametrize("method", ["get", "put", "delete", "patch"])
def test_ask_wrong_method_is_405_json(client, method):
    r = getattr(client, method)("/api/ask")
    assert_german_error(r, 405)
    assert "POST" in r.headers["Allow"]


def test_unknown_api_route_is_404_json(client):
    assert_german_error(client.get("/api/nothing-here"), 404)


# Bodies of every JSON shape: the endpoint must answer 200 or 400, never 500.
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=12)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=st.one_of(json_values, st.fixed_dictionaries({"question": json_values})))
def test_ask_never_fails_on_any_json(client, body):
    r = client.post("/api/ask", data=json.dumps(body), content_type="application/json")
    assert r.status_code in (200, 400), r.data[:300]
    assert r.is_json


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=st.binary(max_size=300))
def test_ask_never_fails_on_any_bytes(client, raw):
    r = client.post("/api/ask", data=raw, content_type="application/json")
    assert r.status_code in (200, 400)
    assert r.is_json


# ---------------------------------------------------------------- errors

def test_unknown_page_is_german_404_html(client):
    r = client.get("/gibt-es-nicht")
    assert r.status_code == 404
    assert r.content_type.startswith("text/html")
    assert "Diese Seite gibt es nicht." in r.get_data(as_text=True)


def test_internal_error_is_german_and_has_no_traceback(assistant, caplog):
    class Broken:
        documents, glossary, facts = assistant.documents, assistant.glossary, assistant.facts

        def ask(self, question):
            raise RuntimeError("boom with secret question text")

        def health(self):
            raise RuntimeError("down")

    app = create_app({"TESTING": True, "ASSISTANT": Broken()})
    client = app.test_client()
    with caplog.at_level(logging.ERROR):
        r = ask(client, {"question": "Meine Kundin Erika Mustermann"})
    assert_german_error(r, 500)
    assert "boom" not in r.get_data(as_text=True)
    assert "Erika" not in caplog.text  # the question never reaches the log
    page = client.post("/", data={"question": "Was ist FbW?"})
    assert page.status_code == 500 and "Ein interner Fehler" in page.get_data(as_text=True)
    assert "Traceback" not in page.get_data(as_text=True)
    health = client.get("/healthz")
    assert health.status_code == 503 and health.get_json()["status"] == "error"


def test_healthz_when_index_cannot_open(tmp_path):
    app = create_app({"TESTING": True, "CORPUS": str(tmp_path / "kein-korpus"), "INDEX": str(tmp_path / "i")})
    r = app.test_client().get("/healthz")
    assert r.status_code == 503
    assert r.get_json()["status"] == "error"


# ---------------------------------------------------------------- security headers

@pytest.mark.parametrize("method,path,kwargs", [
    ("get", "/", {}),
    ("post", "/api/ask", {"json": {"question": "Was ist FbW?"}}),
    ("post", "/api/ask", {"json": {"question": ""}}),
    ("get", "/api/ask", {}),
    ("get", f"/doc/{DOC}", {}),
    ("get", "/glossar", {}),
    ("get", "/healthz", {}),
    ("get", "/static/app.css", {}),
    ("get", "/nope", {}),
    ("post", "/api/ask", {"data": "x" * (17 * 1024), "content_type": "application/json"}),
])
def test_security_headers_on_every_response(client, method, path, kwargs):
    r = getattr(client, method)(path, **kwargs)
    csp = r.headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "object-src 'none'" in csp and "frame-ancestors 'none'" in csp
    assert r.headers["X-Content-Type-Options"] == "nosniff"
    assert r.headers["Referrer-Policy"] in ("no-referrer", "same-origin")
    r.close()


# ---------------------------------------------------------------- question logging

def test_questions_are_not_logged_by_default(client, caplog):
    with caplog.at_level(logging.DEBUG):
        ask(client, {"question": "Kundin Erika Mustermann, geboren 1970: FbW?"})
    assert "Mustermann" not in caplog.text


def test_questions_are_logged_when_switched_on(assistant, caplog):
    app = create_app({"TESTING": True, "ASSISTANT": assistant, "LOG_QUESTIONS": True})
    with caplog.at_level(logging.INFO):
        app.test_client().post("/api/ask", json={"question": "Was ist FbW?"})
    assert "Was ist FbW?" in caplog.text


def test_log_questions_from_environment(monkeypatch, assistant):
    monkeypatch.setenv("AMIP_LOG_QUESTIONS", "1")
    assert create_app({"ASSISTANT": assistant}).config["LOG_QUESTIONS"] is True
    monkeypatch.delenv("AMIP_LOG_QUESTIONS")
    assert create_app({"ASSISTANT": assistant}).config["LOG_QUESTIONS"] is False


def test_config_defaults_from_environment(monkeypatch):
    monkeypatch.setenv("AMIP_CORPUS", "/x/korpus")
    monkeypatch.setenv("AMIP_INDEX", "/x/index")
    app = create_app()
    assert app.config["CORPUS"] == "/x/korpus" and app.config["INDEX"] == "/x/index"
    assert app.config["MAX_CONTENT_LENGTH"] == 16 * 1024
    assert not app.debug


# ---------------------------------------------------------------- document view

def test_document_view_has_every_section_anchor(client, assistant):
    r = client.get(f"/doc/{DOC}")
    assert r.status_code == 200
    html = r.get_data(as_text=True)
    assert 'id="s-5.4.2"' in html and 'id="s-Vorwort"' in html and 'id="s-Legende"' in html
    for section in assistant.documents[DOC].sections:
        assert f'id="s-{section.section}"' in html
        assert f'href="#s-{section.section}"' in html  # table of contents
    assert '<nav class="toc"' in html


def test_document_view_renders_tables(client):
    html = client.get(f"/doc/{DOC}").get_data(as_text=True)
    section = html[html.index('id="s-1.2"'):html.index('id="s-2"')]
    assert '<th scope="col">Maßnahmeart</th>' in section
    assert '<th scope="row">FbW (Förderung der beruflichen Weiterbildung)</th>' in section
    assert '<td class="num">785.000</td>' in section
    assert "\t" not in section


def test_document_view_escapes_document_text(assistant):
    from assistant.records import Block, Document, Section

    evil = Document(doc="evil", path="", kind="md", title="<b>Titel</b>", sections=[
        Section("evil", "1", "<script>alert(1)</script>", 1, None,
                [Block("para", "<img src=x onerror=alert(1)>"), Block("table", "<i>a</i>\t<u>b</u>")])])

    class Fake:
        documents, glossary, facts = {"evil": evil}, [], []

    client = create_app({"TESTING": True, "ASSISTANT": Fake()}).test_client()
    html = client.get("/doc/evil?s=1&hl=" + quote("<img src=x onerror=alert(1)>")).get_data(as_text=True)
    assert "<script>alert" not in html and "<img src=x" not in html and "<i>a</i>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_unknown_document_is_404(client):
    r = client.get("/doc/kein-dokument")
    assert r.status_code == 404
    html = r.get_data(as_text=True)
    assert "Das Dokument „kein-dokument“ gibt es nicht." in html


def test_unknown_document_name_is_escaped_in_404(client):
    html = client.get("/doc/" + quote("<script>x</script>", safe="")).get_data(as_text=True)
    assert "<script>x" not in html


def test_section_route_redirects_to_anchor(client):
    r = client.get(f"/doc/{DOC}/5.4.2")
    assert r.status_code == 302
    assert r.headers["Location"].endswith(f"/doc/{DOC}?s=5.4.2#s-5.4.2")
    r = client.get(f"/doc/{DOC}/Legende?hl=FbW")
    assert "hl=FbW" in r.headers["Location"] and r.headers["Location"].endswith("#s-Legende")


def test_unknown_section_is_404(client):
    r = client.get(f"/doc/{DOC}/9.9.9")
    assert r.status_code == 404
    assert "Abschnitt „9.9.9“" in r.get_data(as_text=True)


def test_document_index_redirects_to_the_only_document(client):
    r = client.get("/doc")
    assert r.status_code == 302 and r.headers["Location"].endswith(f"/doc/{DOC}")


def _section_html(html: str, section: str) -> str:
    start = html.index(f'id="s-{section}"')
    end = html.find("<section id=", start + 10)
    return html[start:end if end > 0 else None]


def test_citation_link_highlights_excerpt(client):
    data = ask(client, {"question": "Was ist AsA flex?"}).get_json()
    first = data["citations"][0]
    page = client.post("/", data={"question": "Was ist AsA flex?"}).get_data(as_text=True)
    href = re.search(r'class="cite-link" href="([^"]+)"', page).group(1).replace("&amp;", "&")
    assert href.startswith(f"/doc/{first['doc']}?") and href.endswith(f"#s-{first['section']}")
    html = client.get(href.split("#")[0]).get_data(as_text=True)
    section = _section_html(html, first["section"])
    assert '<mark class="hl">' in section
    marked = "".join(re.findall(r'<mark class="hl">(.*?)</mark>', section))
    assert "AsA flex" in marked


def test_highlight_table_row_with_spaces_for_tabs(client):
    excerpt = "FbW (Förderung der beruflichen Weiterbildung)  150  785.000  14,4"
    html = client.get(f"/doc/{DOC}?s=1.2&hl={quote(excerpt)}").get_data(as_text=True)
    section = _section_html(html, "1.2")
    row = re.search(r'<tr class="hl-block">(.*?)</tr>', section, re.S)
    assert row and "785.000" in row.group(1)
    assert "zitierte Textstelle ist" in html


def test_highlight_ignores_unknown_section_and_escapes(client):
    html = client.get(f"/doc/{DOC}?s=<b>x</b>&hl=" + quote("<script>alert(1)</script>")).get_data(as_text=True)
    assert "<b>x</b>" not in html and "<script>alert" not in html


# ---------------------------------------------------------------- highlighting (unit)

def _view(*blocks):
    from assistant.records import Block, Document, Section

    sec = Section("d", "1", "T", 1, None, [Block(k, t) for k, t in blocks])
    return build_document_view(Document("d", "", "md", "D", [sec]))


def test_highlight_cut_words_and_ellipsis():
    view = _view(("para", "Erster Satz hier. Das beschäftigungsorientierte Fallmanagement wird fortgeführt, sagen wir."))
    assert highlight(view, "… orientierte Fallmanagement wird fortge…", "1")
    unit = view[0].items[0].units[0]
    assert [p for p, hit in unit.segments if hit] == ["beschäftigungsorientierte Fallmanagement wird fortgeführt"]


def test_highlight_excerpt_spanning_blocks():
    view = _view(("para", "Alpha beta gamma delta epsilon."), ("para", "Zeta eta theta iota kappa."),
                 ("para", "Lambda my ny xi omikron."))
    assert highlight(view, "gamma delta epsilon. Zeta eta theta iota kappa. Lambda my ny", "1")
    units = [i.units[0] for i in view[0].items]
    assert [u.hl for u in units] == [True, True, True]
    assert units[1].whole
    assert [p for p, hit in units[0].segments if hit] == ["gamma delta epsilon"]
    assert [p for p, hit in units[2].segments if hit] == ["Lambda my ny"]


def test_highlight_falls_back_to_best_block_and_reports_misses():
    view = _view(("para", "Die Förderung wird 2022 deutlich ausgeweitet."), ("para", "Etwas anderes."))
    assert highlight(view, "Förderung 2022 ausgeweitet deutlich", "1")
    assert view[0].items[0].units[0].whole
    assert not highlight(_view(("para", "Nichts passt hier.")), "völlig andere Wörter", "1")


def test_unit_segments_merge_overlapping_spans():
    unit = Unit("abcdefghij", spans=[(2, 5), (4, 7)])
    assert unit.segments == [("ab", False), ("cdefg", True), ("hij", False)]


# ---------------------------------------------------------------- glossary

def test_glossary_page_lists_every_term_a_to_z(client, assistant):
    r = client.get("/glossar")
    assert r.status_code == 200
    html = r.get_data(as_text=True)
    distinct = {(t.doc, sort_key(t.abbr)) for t in assistant.glossary}
    assert html.count('class="term"') == len(distinct)  # Legende and inline definitions merged
    assert "Förderung der beruflichen Weiterbildung" in html
    assert f'href="/doc/{DOC}#s-6.4"' in html
    abbrs = re.findall(r'<dt class="abbr">([^<]+)', html)
    assert [sort_key(a.strip()) for a in abbrs] == sorted(sort_key(a.strip()) for a in abbrs)
    assert '<input id="filter"' in html and '<label for="filter"' in html


def test_glossary_page_filters_without_javascript(client):
    html = client.get("/glossar?q=fbw").get_data(as_text=True)
    visible = re.findall(r'<div class="term" data-search="([^"]*)">', html)
    assert visible and all("fbw" in v for v in visible)
    assert 'hidden>' in html  # the other terms are there, but hidden
    assert "von" in html and "passen" in html


def test_api_glossary_filter(client, assistant):
    data = client.get("/api/glossary?q=FbW").get_json()
    assert any(t["long"] == "Förderung der beruflichen Weiterbildung" for t in data)
    assert all({"abbr", "long", "source", "sections"} <= set(t) for t in data)
    assert client.get("/api/glossary?q=fbw").get_json() == data  # case-insensitive
    assert len(client.get("/api/glossary").get_json()) == len(assistant.glossary)
    assert client.get("/api/glossary?q=weiterbildung").get_json()  # long form matches too
    assert client.get("/api/glossary?q=zzzzqqq").get_json() == []


def test_api_facts_filter(client, assistant):
    data = client.get("/api/facts?q=FbW").get_json()
    assert data and all({"subject", "measure", "value", "section", "doc", "source_text"} <= set(f) for f in data)
    assert any(f["value"] == "150" for f in data)
    assert len(client.get("/api/facts").get_json()) == len(assistant.facts)
    by_section = client.get("/api/facts?q=1.2").get_json()
    assert by_section and all("1.2" in (f["section"] + f["value"] + f["subject"] + f["measure"])
                              for f in by_section)


def test_api_filter_too_long_is_400(client):
    assert_german_error(client.get("/api/glossary?q=" + "x" * 201), 400)
    assert_german_error(client.get("/api/facts?q=" + "x" * 201), 400)


def test_api_glossary_post_is_405(client):
    assert_german_error(client.post("/api/glossary"), 405)


# ---------------------------------------------------------------- health & CLI

def test_healthz(client):
    r = client.get("/healthz")
    assert r.status_code == 200
    data = r.get_json()
    assert data["status"] == "ok"
    assert data["documents"] == 1 and data["chunks"] > 0
    assert data["embedder"] and data["built_at"]


def test_runner_lists_routes(runner):
    from flask.cli import routes_command

    result = runner.invoke(routes_command)
    assert result.exit_code == 0
    for rule in ("/api/ask", "/api/glossary", "/api/facts", "/doc/<doc_id>", "/glossar", "/healthz"):
        assert rule in result.output


def test_merge_glossary_one_entry_per_abbreviation():
    from assistant.records import GlossaryTerm

    terms = [
        GlossaryTerm("AsA", "Assistierte Ausbildung", "inline", "d", ["5.4.2", "Legende"], "5.4.2"),
        GlossaryTerm("AsA", "assistierten Ausbildung", "legende", "d", ["5.4.2"], "Legende"),
        GlossaryTerm("LAiKA", "Lernen und Arbeiten in Kassel", "legende", "d", ["5.4.2"], "Legende", variants=["LAIKA"]),
        GlossaryTerm("abH", "ausbildungsbegleitende Hilfen", "legende", "d", ["5.4.2"], "Legende"),
    ]
    entries = merge_glossary(terms, {})
    assert [e["abbr"] for e in entries] == ["abH", "AsA", "LAiKA"]
    asa = entries[1]
    assert asa["longs"] == ["assistierten Ausbildung", "Assistierte Ausbildung"]  # Legende first
    assert asa["defined_in"] == ["Legende", "5.4.2"] and asa["used"] == []
    assert entries[2]["variants"] == ["LAIKA"] and "laika" in entries[2]["search"]


def test_form_post_over_16_kib_is_413_html(client):
    r = client.post("/", data={"question": "x" * (17 * 1024)})
    assert r.status_code == 413
    assert r.content_type.startswith("text/html")
    assert "Die Anfrage ist zu groß" in r.get_data(as_text=True)


def test_serve_runs_waitress_on_localhost(monkeypatch, assistant, tmp_path):
    import waitress

    import assistant.web as web

    calls = {}
    monkeypatch.setattr(waitress, "serve", lambda app, **kw: calls.update(app=app, **kw))
    monkeypatch.setattr(web, "get_assistant", lambda: assistant)  # no index build here
    web.serve(corpus=tmp_path / "c", index=tmp_path / "i")
    assert calls["host"] == "127.0.0.1" and calls["port"] == 8000
    app = calls["app"]
    assert app.config["CORPUS"] == str(tmp_path / "c") and app.config["INDEX"] == str(tmp_path / "i")
    assert not app.debug and not app.testing
