"""End to end in headless Chromium: ask, follow a citation, see the highlight, stay XSS-safe.

The app runs under waitress (the production server) in a background thread on a free port.
Chromium is the Debian package (/usr/bin/chromium); Playwright only drives it, nothing is
downloaded. Screenshots go to the test's tmp_path and to test-output/ in the repository.
"""
from __future__ import annotations

import re
import shutil
import threading
from pathlib import Path

import pytest
from playwright.sync_api import expect

CHROMIUM = Path("/usr/bin/chromium")
OUTPUT = Path(__file__).resolve().parent.parent / "test-output"
XSS = '<script>window.__xss=1</script><img src=x onerror="window.__xss=2">'
TIMEOUT_MS = 15_000

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(),
                       reason="/usr/bin/chromium fehlt (make test installiert es: apt-get install -y chromium)"),
]


@pytest.fixture(scope="module")
def live_server(assistant):
    from waitress.server import create_server

    from assistant.web import create_app

    app = create_app({"ASSISTANT": assistant})
    server = create_server(app, host="127.0.0.1", port=0, threads=4)  # port 0: a free one
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.effective_port}"
    server.close()
    thread.join(timeout=5)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright  # noqa: PLC0415 - only when the browser exists

    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=str(CHROMIUM), headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"])
        yield b
        b.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE",
                                  base_url=live_server)
    context.set_default_timeout(TIMEOUT_MS)
    pg = context.new_page()
    problems: list[str] = []
    # Any CSP violation or script error would show up on the console.
    pg.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: problems.append(str(e)))
    pg.problems = problems
    yield pg
    context.close()


def _save(page, tmp_path: Path, name: str, full_page: bool = False) -> None:
    target = tmp_path / name
    page.screenshot(path=str(target), full_page=full_page)
    OUTPUT.mkdir(exist_ok=True)
    shutil.copy2(target, OUTPUT / name)


def test_ask_follow_citation_and_xss(page, tmp_path):
    # The CSP forbids eval, so waits use locators (page.wait_for_function would be blocked).
    page.goto("/")
    # Keyboard first: the first Tab lands on the skip link.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"

    box = page.get_by_label("Ihre Frage")
    box.fill("Was ist AsA flex?")
    box.press("Shift+Enter")  # a new line, not a send
    assert page.locator("#conversation .exchange").count() == 0
    assert box.input_value() == "Was ist AsA flex?\n"
    box.press("Enter")

    answer = page.locator("#conversation .exchange").first
    link = answer.locator(".cite-link").first
    link.wait_for()
    assert answer.locator(".q-text").text_content() == "Was ist AsA flex?"
    assert answer.locator(".badge").text_content() == "Begriff"
    assert "assistierten Ausbildung" in answer.locator(".a-text").text_content()
    assert link.text_content().startswith("[1] Abschnitt ")
    expect(page.locator("#live")).to_contain_text("Antwort, Begriff")
    assert box.input_value() == ""
    _save(page, tmp_path, "chat.png", full_page=True)

    href = link.get_attribute("href")
    section = href.rsplit("#s-", 1)[1]
    link.click()
    page.wait_for_url(f"**/doc/**#s-{section}")
    target = page.locator(f'[id="s-{section}"]')
    assert target.is_visible()
    marks = target.locator("mark.hl, .hl-block")
    assert marks.count() >= 1
    assert marks.first.is_visible()
    assert "AsA flex" in "".join(marks.all_text_contents())
    # doc.js puts the focus on the highlight so keyboard and screen-reader users start there.
    expect(marks.first).to_be_focused()
    page.wait_for_timeout(400)  # let the smooth scroll settle before the screenshot
    assert marks.first.bounding_box()["y"] < 900
    _save(page, tmp_path, "doc.png")

    page.go_back()
    page.wait_for_url("**/")
    box = page.get_by_label("Ihre Frage")
    box.fill(XSS)
    box.press("Enter")
    shown = page.locator("#conversation .q-text", has_text="window.__xss=1")
    shown.wait_for()
    assert shown.last.text_content() == XSS
    page.locator("#conversation .exchange").last.locator(".badge").wait_for()
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert page.locator("#conversation img, #conversation script").count() == 0
    assert not page.problems, page.problems


def test_copy_answer_and_starter_question(browser, live_server):
    context = browser.new_context(base_url=live_server)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server)
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    page.goto("/")
    page.get_by_role("button", name="Wie viele Eintritte in FbW sind geplant?").click()
    exchange = page.locator("#conversation .exchange").first
    exchange.locator(".badge").wait_for()
    assert exchange.locator(".badge").text_content() == "Zahl"
    assert exchange.locator("table.facts tbody tr").count() >= 1
    exchange.get_by_role("button", name="Antwort kopieren").click()
    exchange.locator(".copy-status", has_text="Kopiert.").wait_for()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert "150" in copied and "Quellen" in copied and "/doc/" in copied
    context.close()


def test_glossary_filters_while_typing(page):
    page.goto("/glossar")
    total = page.locator(".term").count()
    assert total > 50
    page.get_by_label("Abkürzung oder Begriff filtern").fill("fbw")
    visible = page.locator(".term:not([hidden])")
    expect(visible).not_to_have_count(total)
    assert visible.count() < 5
    assert "Förderung der beruflichen Weiterbildung" in " ".join(visible.all_text_contents())
    visible.first.locator(".where a").first.click()
    page.wait_for_url("**/doc/**#s-*")
    assert not page.problems, page.problems


# ---------------------------------------------------------------- figures, onboarding, practice

@pytest.fixture(scope="module")
def learning(assistant):
    from assistant.learn import build_learning

    return build_learning(assistant)


def test_figures_and_onboarding_pages(page, tmp_path, learning):
    page.goto("/zahlen")
    charts = page.locator("svg.chart")
    expect(charts).to_have_count(sum(len(c) for c in learning.charts.values()))
    for i in range(charts.count()):
        box = charts.nth(i).bounding_box()
        assert box["width"] > 300 and box["height"] > 100  # drawn, not collapsed
    expect(page.locator("table.figure-table")).to_have_count(len(learning.tables))
    assert page.get_by_role("img", name=re.compile("Betrag in € nach")).count() == 1  # title as accessible name
    _save(page, tmp_path, "zahlen.png", full_page=True)

    page.get_by_role("link", name="Einarbeitung").click()
    page.wait_for_url("**/einarbeitung")
    chapters = [c for cs in learning.chapters.values() for c in cs]
    expect(page.locator("section.chapter")).to_have_count(len(chapters))
    expect(page.locator(".summary-sentence").first).to_be_visible()
    _save(page, tmp_path, "einarbeitung.png", full_page=True)
    assert not page.problems, page.problems


def test_practice_mode_with_the_keyboard(page, learning):
    item = next(p for p in learning.practice if p.kind == "abk" and "„FbW“" in p.prompt)
    page.goto("/einarbeitung")
    page.get_by_role("link", name="Übung starten").click()
    page.wait_for_url("**/einarbeitung/uebung")
    expect(page.get_by_label("Ihre Antwort")).to_be_focused()  # ready to type

    page.goto(f"/einarbeitung/uebung?item={item.id}")
    box = page.get_by_label("Ihre Antwort")
    expect(box).to_be_focused()
    box.fill("förderung der BERUFLICHEN weiterbildung")
    box.press("Enter")
    feedback = page.locator("#feedback")
    expect(feedback).to_contain_text("Richtig")
    expect(feedback).to_have_attribute("aria-live", "polite")
    next_button = page.get_by_role("button", name="Nächste Frage")
    expect(next_button).to_be_focused()
    expect(page.locator("#score")).to_have_text("Bisher 1 von 1 richtig.")

    page.keyboard.press("Enter")  # the next question, keyboard only
    page.wait_for_url(f"**nach={item.id}**")
    box = page.get_by_label("Ihre Antwort")
    expect(box).to_be_focused()
    box.fill("0")
    box.press("Enter")
    expect(feedback).to_contain_text("Leider nicht richtig")
    expect(page.locator("#score")).to_have_text("Bisher 1 von 2 richtig.")
    link = feedback.get_by_role("link")
    section = link.get_attribute("href").rsplit("#s-", 1)[1]
    link.click()
    page.wait_for_url(f"**/doc/**#s-{section}")
    assert page.locator(f'[id="s-{section}"]').is_visible()
    assert not page.problems, page.problems


def _ask(page, question: str):
    """Ask on a fresh chat page; the exchange it adds (its answer may still be on the way)."""
    page.goto("/")
    box = page.get_by_label("Ihre Frage")
    box.fill(question)
    box.press("Enter")
    return page.locator("#conversation .exchange").first


def test_chat_answer_shows_table_and_chart(page):
    _ask(page, "Zeig mir das Budget nach Maßnahmeart")
    table = page.locator("#conversation .answer-table").first
    table.locator("table.figure-table tbody tr").first.wait_for()
    images = table.locator("img")
    assert images.count() >= 1
    for i in range(images.count()):
        img = images.nth(i)
        img.scroll_into_view_if_needed()
        expect(img).to_have_attribute("alt", re.compile("Balkendiagramm"))
        img.wait_for(state="visible")
        page.wait_for_timeout(100)
        assert img.evaluate("i => i.complete && i.naturalWidth > 0")
    assert not page.problems, page.problems


def test_chat_says_how_a_misspelt_question_was_read(page):
    exchange = _ask(page, "Wie hoch ist das Verwalutngsbudget?")
    exchange.locator(".a-text").wait_for()
    expect(exchange.locator(".read-as")).to_have_text("Gelesen als: „Wie hoch ist das Verwaltungsbudget?“")
    expect(exchange.locator(".a-text")).to_contain_text("9.462.259 €")
    assert not page.problems, page.problems
