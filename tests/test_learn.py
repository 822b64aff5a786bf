"""Figures page, onboarding page and practice mode: tables, charts and summaries from the parsed data."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.charts import (SERIES, Bar, Category, Chart, Series, charts_for, format_number, layout,
                              nice_ticks, render_svg, share_column)
from assistant.learn import build_learning
from assistant.onboarding import ABBR, FIGURE, build_practice, check_answer, fold, parse_answer_number
from assistant.records import Fact
from assistant.tables import MEASURES, PERIODS, VALUES, build_tables
from assistant.text import normalise_space

SVG_NS = "{http://www.w3.org/2000/svg}"
ANSWER_KEYS = {"question", "kind", "answer", "citations", "facts", "took_ms"}


@pytest.fixture(scope="module")
def learning(assistant):
    return build_learning(assistant)


@pytest.fixture(scope="module")
def facts(assistant):
    return assistant.facts


def _numbers(text: str) -> list[str]:
    """Figures written in a text: "785.000", "14,4", "1.576" (years included)."""
    return re.findall(r"\d[\d.]*(?:,\d+)?", text)


def _budget(learning):
    """The table whose share column adds its amounts up to the total row (the budget table of 1.2)."""
    for table in learning.tables:
        if table.kind == MEASURES and table.total_row is not None:
            for ci, column in enumerate(table.columns):
                if not column.is_share and share_column(table, ci) is not None:
                    return table, ci, share_column(table, ci)
    pytest.fail("Keine Tabelle mit Anteilsspalte gefunden")


# ---------------------------------------------------------------- tables

def test_every_table_fact_is_in_exactly_one_cell(learning, facts):
    table_facts = [f for f in facts if f.table]
    assert table_facts, "the parser read no tables"
    assert {f.table for f in table_facts} == {t.table for t in learning.tables}
    placed = [f for t in learning.tables for r in t.rows for c in r.cells for f in c.facts]
    assert len(placed) == len(table_facts)
    assert {id(f) for f in placed} == {id(f) for f in table_facts}


def test_table_kinds_and_columns_come_from_the_facts(learning):
    kinds = {t.kind for t in learning.tables}
    assert kinds == {MEASURES, PERIODS, VALUES}
    for table in learning.tables:
        assert table.rows and table.columns
        for row in table.rows:
            assert len(row.cells) == len(table.columns)
            for cell in row.cells:
                for f in cell.facts:
                    assert f.table == table.table and f.section == table.section
                    assert f.subject == row.label
                    if table.kind == PERIODS:
                        assert f.period == table.columns[row.cells.index(cell)].label
                    elif table.kind == MEASURES:
                        assert f.measure == table.columns[row.cells.index(cell)].label


def test_cell_text_is_the_documents_value(learning):
    for table in learning.tables:
        for row in table.rows:
            for cell in row.cells:
                assert cell.text == " bzw. ".join(f.value for f in cell.facts)
                for f in cell.facts:
                    assert f.value in f.source_text.replace("  ", " ")


def test_tables_are_rebuilt_for_any_document():
    """No document-specific knowledge: the table of a made-up document is rebuilt and charted the same way."""
    def fact(subject, measure, value, number, unit, line):
        return Fact(subject, measure, value, number, unit, "9", "x", table="x:9:t1", source_text=line)

    made_up = [fact("A", "Menge", "1.000", 1000.0, None, "A 1.000 10,0"),
               fact("A", "%", "10,0", 10.0, "%", "A 1.000 10,0"),
               fact("B", "Menge", "9.000", 9000.0, None, "B 9.000 90,0"),
               fact("B", "%", "90,0", 90.0, "%", "B 9.000 90,0"),
               fact("Gesamt", "Menge", "10.000", 10000.0, None, "Gesamt 10.000 100,0"),
               fact("Gesamt", "%", "100,0", 100.0, "%", "Gesamt 10.000 100,0")]
    (table,) = build_tables(made_up, {})
    assert table.kind == MEASURES
    assert [c.label for c in table.columns] == ["Menge", "%"]
    assert [r.label for r in table.rows] == ["A", "B", "Gesamt"] and table.total_row.label == "Gesamt"
    assert share_column(table, 0) == 1
    (chart,) = charts_for(table)
    assert [b.label for b in chart.bars] == ["1.000 · 10,0 %", "9.000 · 90,0 %"]
    assert chart.title == "Menge nach Kennzahl (Anteile an 10.000)"
    assert chart.bars[1].width == pytest.approx(9 * chart.bars[0].width)


# ---------------------------------------------------------------- charts: numbers from the facts

def test_budget_shares_add_up_to_100_percent(learning):
    table, amount_col, share_col = _budget(learning)
    rows = [r for r in table.rows if not r.is_total]
    total = table.total_row.cells[amount_col].fact
    shares = [r.cells[share_col].fact.number for r in rows]
    assert sum(shares) == pytest.approx(table.total_row.cells[share_col].fact.number, abs=0.05)
    assert sum(shares) == pytest.approx(100.0, abs=0.05)
    amounts = [r.cells[amount_col].fact.number for r in rows]
    assert sum(amounts) == pytest.approx(total.number)  # 5.434.493 €
    assert sum(a / total.number * 100 for a in amounts) == pytest.approx(100.0)
    for amount, share in zip(amounts, shares):
        assert amount / total.number * 100 == pytest.approx(share, abs=0.05)


def test_budget_chart_shows_every_measure_with_its_share(learning):
    table, amount_col, share_col = _budget(learning)
    chart = next(c for c in learning.charts[table.id] if table.columns[amount_col].label in c.title)
    total = table.total_row.cells[amount_col].fact
    assert f"{total.value} {total.unit}" in chart.title  # "Anteile an 5.434.493 €"
    rows = [r for r in table.rows if not r.is_total]
    assert [c.label for c in chart.categories] == [r.label for r in rows]
    for bar, row in zip(chart.bars, rows):
        amount, share = row.cells[amount_col].fact, row.cells[share_col].fact
        assert bar.number == amount.number
        assert bar.label == f"{amount.value} {amount.unit} · {share.value} {share.unit}"


def test_bar_lengths_are_proportional_to_the_values(learning):
    charts = [c for cs in learning.charts.values() for c in cs]
    assert len(charts) >= 6
    for chart in charts:
        assert chart.bars
        scale = chart.plot_width / chart.ticks[-1].value
        for bar in chart.bars:
            assert bar.width == pytest.approx(bar.number * scale)
            assert bar.x == chart.plot_left
            assert bar.width <= chart.plot_width + 1e-9
        biggest = max(chart.bars, key=lambda b: b.number)
        smallest = min(chart.bars, key=lambda b: b.number)
        assert biggest.width / smallest.width == pytest.approx(biggest.number / smallest.number)


def test_rendered_bars_match_the_values(learning):
    for cs in learning.charts.values():
        for chart in cs:
            root = ET.fromstring(str(render_svg(chart, standalone=True)))
            bars = [r for r in root.iter(f"{SVG_NS}rect") if r.get("class") == "bar"]
            assert len(bars) == len(chart.bars)
            widths = [float(r.get("width")) for r in bars]
            numbers = [float(r.get("data-number")) for r in bars]
            ratio = chart.plot_width / chart.ticks[-1].value
            for width, number in zip(widths, numbers):
                assert width == pytest.approx(number * ratio, abs=0.006)  # drawn to 1/100 px


def test_every_number_in_a_chart_comes_from_the_facts(learning, facts):
    values = {f.value for f in facts}
    written = " ".join(f"{f.value} {f.measure} {f.period or ''} {f.subject}" for f in facts)
    for cs in learning.charts.values():
        for chart in cs:
            for bar in chart.bars:
                assert bar.fact.value in values
                assert bar.label.startswith(bar.fact.value)
                assert bar.number == bar.fact.number
            for number in _numbers(" ".join([chart.title, chart.axis_label, *(b.label for b in chart.bars),
                                             *(s.label for s in chart.series), *(c.label for c in chart.categories)])):
                assert number in written, (chart.id, number)


def test_axis_ticks_are_german_numbers(learning):
    for cs in learning.charts.values():
        for chart in cs:
            labels = [t.label for t in chart.ticks]
            assert labels[0] == "0"
            assert all(re.fullmatch(r"\d{1,3}(\.\d{3})*(,\d+)?", label) for label in labels), labels
            assert chart.ticks[-1].value >= max(b.number for b in chart.bars)
            assert [t.value for t in chart.ticks] == sorted(t.value for t in chart.ticks)


@pytest.mark.parametrize("value, decimals, text", [
    (5434493, None, "5.434.493"), (16.44, None, "16,44"), (0.5, None, "0,5"), (1000, None, "1.000"),
    (-1234.5, None, "-1.234,5"), (2.5, 1, "2,5"), (1500000, 0, "1.500.000"), (0, None, "0"),
])
def test_format_number_german(value, decimals, text):
    assert format_number(value, decimals) == text


@given(st.floats(min_value=0.01, max_value=1e9, allow_nan=False))
def test_nice_ticks_cover_the_maximum(maximum):
    ticks = nice_ticks(maximum)
    assert ticks[0] == 0 and ticks[-1] >= maximum * (1 - 1e-9)
    assert 2 <= len(ticks) <= 12
    steps = {round(b - a, 6) for a, b in zip(ticks, ticks[1:])}
    assert len(steps) == 1


def test_grouped_charts_put_periods_in_time_order(learning):
    grouped = [c for cs in learning.charts.values() for c in cs if c.kind == "grouped"]
    assert len(grouped) == 2  # September 2019-2021 and November 2020-2021
    for chart in grouped:
        years = [int(re.search(r"\d{4}", s.label).group(0)) for s in chart.series]
        assert years == sorted(years)
        assert chart.legend and len(chart.legend) == len(chart.series)
        assert all(x + 16 <= chart.width for x, _ in chart.legend)


def test_target_values_are_charted_by_women_and_men(learning):
    table = next(t for t in learning.tables if t.kind == VALUES)
    charts = learning.charts[table.id]
    assert len(charts) == 2  # Integrationsquote and Integrationen
    for chart in charts:
        labels = [c.label for c in chart.categories]
        assert labels[0] == "insgesamt" and "davon Frauen" in labels and "davon Männer" in labels
        if chart.unit is None:  # counts add up; rates do not
            total, *groups = chart.bars
            assert sum(b.number for b in groups) == total.number  # 544 + 1.094 = 1.638


def test_svg_text_alternative_and_escaping():
    fact = Fact('<script>"x"&', "M", "1.234", 1234.0, None, "9", "d")
    chart = Chart(id="t-1", title='Titel <b>&"', axis_label="Achse", categories=[Category('<script>"x"&')],
                  series=[Series("S", *SERIES[0])], bars=[Bar(0, 0, 1234.0, "1.234", fact)])
    layout(chart)
    svg = str(render_svg(chart, standalone=True))
    root = ET.fromstring(svg)  # well-formed XML
    assert root.get("role") == "img"
    title_id, desc_id = root.get("aria-labelledby").split()
    assert root.find(f"{SVG_NS}title").get("id") == title_id
    assert root.find(f"{SVG_NS}desc").get("id") == desc_id
    assert "<script>" not in svg and "<b>" not in svg
    assert "&lt;script&gt;" in svg
    assert "1.234" in root.find(f"{SVG_NS}desc").text
    assert " style=" not in svg


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def test_series_colours_contrast_and_patterns():
    for colour, _ in SERIES:
        assert (1.05) / (_luminance(colour) + 0.05) >= 4.5, colour  # AA even for text in that colour
    assert len({pattern for _, pattern in SERIES}) == len(SERIES)


# ---------------------------------------------------------------- onboarding

def test_chapters_cover_the_document(assistant, learning):
    for doc in assistant.documents.values():
        chapters = learning.chapters[doc.doc]
        tops = [s.section for s in doc.sections if s.parent is None and s.section != "Legende"]
        assert [c.number for c in chapters] == tops
        assert sum(c.minutes for c in chapters) == 50 and all(c.minutes >= 2 for c in chapters)
        covered = [s for c in chapters for s in c.section_numbers]
        assert len(covered) == len(set(covered))


def test_summary_sentences_are_the_chapters_own(assistant, learning):
    for doc in assistant.documents.values():
        for chapter in learning.chapters[doc.doc]:
            assert 2 <= len(chapter.summary) <= 3, chapter.number
            for sentence in chapter.summary:
                assert sentence.section in chapter.section_numbers
                source = normalise_space(doc.section(sentence.section).text)
                assert normalise_space(sentence.text) in source
            positions = [normalise_space(doc.section(s.section).text).find(s.text) for s in chapter.summary
                         if s.section == chapter.summary[0].section]
            assert positions == sorted(positions)  # document order


def test_key_figures_and_abbreviations_belong_to_the_chapter(assistant, learning):
    terms = {(t.abbr, t.long): t for t in assistant.glossary}
    for doc in assistant.documents.values():
        for chapter in learning.chapters[doc.doc]:
            for figure in chapter.figures:
                assert figure.section in chapter.section_numbers
                for f, value in zip(figure.facts, figure.values):
                    assert f.section == figure.section and value.startswith(f.value)
                    assert f.value in figure.label
                assert any(is_value for _, is_value in figure.segments)
            for abbreviation in chapter.abbreviations:
                term = terms[(abbreviation.abbr, abbreviation.long)]
                assert set(abbreviation.sections) <= chapter.section_numbers
                assert set(abbreviation.sections) & set(term.sections)
            for table in chapter.tables:
                assert table.section in chapter.section_numbers
    all_tables = [t.id for chapters in learning.chapters.values() for c in chapters for t in c.tables]
    assert sorted(all_tables) == sorted(t.id for t in learning.tables)


# ---------------------------------------------------------------- practice

def _abbr_item(learning, abbr):
    return next(p for p in learning.practice if p.kind == ABBR and f"„{abbr}" in p.prompt)


def test_practice_accepts_long_form_case_insensitively(learning):
    item = _abbr_item(learning, "FbW")
    assert item.expected == "Förderung der beruflichen Weiterbildung"
    for answer in ["Förderung der beruflichen Weiterbildung", "förderung der beruflichen weiterbildung",
                   "  FÖRDERUNG DER BERUFLICHEN WEITERBILDUNG. ", "Foerderung der beruflichen Weiterbildung"]:
        assert check_answer(item, answer).correct, answer
    for answer in ["Förderung der beruflichen Bildung", "Fallmanagement", "FbW", "x"]:
        feedback = check_answer(item, answer)
        assert not feedback.correct
        assert item.expected in feedback.message


def test_practice_accepts_the_inline_spelling_but_not_another_phrase(learning):
    egz = _abbr_item(learning, "EGZ")
    assert check_answer(egz, "Eingliederungszuschuss").correct
    assert check_answer(egz, "Eingliederungszuschüssen").correct
    bae = _abbr_item(learning, "BaE")
    assert check_answer(bae, "Berufsausbildung in außerbetrieblichen Einrichtungen").correct
    assert not check_answer(bae, "benachteiligte Jugendliche").correct


def test_practice_figures_are_checked_as_numbers(learning):
    table, amount_col, share_col = _budget(learning)
    row = table.rows[0]
    amount = next(p for p in learning.practice if p.kind == FIGURE and row.cells[amount_col].fact.source_text
                  == p.excerpt and f"„{table.columns[amount_col].label}“" in p.prompt)
    value = row.cells[amount_col].fact.value  # "785.000"
    assert amount.expected.startswith(value)
    assert check_answer(amount, value).correct
    assert check_answer(amount, value.replace(".", "")).correct
    assert check_answer(amount, value + " €").correct
    assert not check_answer(amount, value.split(".")[0]).correct
    assert not check_answer(amount, "viel").correct


@pytest.mark.parametrize("text, number", [
    ("785.000", 785000), ("785000", 785000), ("785.000 €", 785000), ("14,4", 14.4), ("14,4 %", 14.4),
    ("14.4", 14.4), ("-3,0 %", -3.0), ("−128", -128), ("+2,3", 2.3), ("5 434 493", 5434493),
    ("1.458.000,50", 1458000.5), ("abc", None), ("1,2,3", None), ("", None), ("12.34.5", None),
])
def test_parse_answer_number(text, number):
    assert parse_answer_number(text) == number


def test_every_practice_item_is_answerable(learning):
    ids = [p.id for p in learning.practice]
    assert len(ids) == len(set(ids))
    assert {p.kind for p in learning.practice} == {ABBR, FIGURE}
    for item in learning.practice:
        answer = item.expected.split(" bzw. ")[0]
        assert check_answer(item, answer).correct, (item.prompt, answer)
        assert item.excerpt and item.section


def test_practice_ids_are_stable(assistant, learning):
    again = build_practice(assistant.documents, assistant.facts, assistant.glossary,
                           build_tables(assistant.facts, assistant.documents))
    assert [p.id for p in again] == [p.id for p in learning.practice]


def test_fold():
    assert fold("  Förderung – der  BERUFLICHEN Weiterbildung!") == "foerderung der beruflichen weiterbildung"


# ---------------------------------------------------------------- pages

def _no_inline_code(html: str) -> None:
    for tag in re.findall(r"<script\b[^>]*>", html):
        assert "src=" in tag, tag
    assert "<style" not in html and " style=" not in html
    assert not re.search(r"<[^>]+\son\w+=", html), "inline event handler"


def test_figures_page_shows_every_table_and_chart(client, learning):
    r = client.get("/zahlen")
    assert r.status_code == 200
    html = r.get_data(as_text=True)
    _no_inline_code(html)
    assert "Content-Security-Policy" in r.headers
    for table in learning.tables:
        assert f'id="tab-{table.id}"' in html
        assert f"#s-{table.section}" in html  # the section link
        for row in table.rows:
            for cell in row.cells:
                assert f'<td class="num">{cell.text}</td>' in html
        for chart in learning.charts[table.id]:
            assert f'data-chart="{chart.id}"' in html
    assert html.count('<svg class="chart"') == sum(len(c) for c in learning.charts.values())
    assert 'role="img"' in html and "<desc id=" in html
    assert 'aria-current="page"' in html and ">Zahlen</a>" in html and ">Einarbeitung</a>" in html


def test_chart_image_endpoint(client, learning):
    chart = next(iter(learning.chart_index.values()))[1]
    r = client.get(f"/zahlen/diagramm/{chart.id}.svg")
    assert r.status_code == 200 and r.mimetype == "image/svg+xml"
    root = ET.fromstring(r.data)
    assert root.tag == f"{SVG_NS}svg"
    r = client.get("/zahlen/diagramm/gibt-es-nicht.svg")
    assert r.status_code == 404
    assert "Das Diagramm „gibt-es-nicht“ gibt es nicht." in r.get_data(as_text=True)


def test_onboarding_page(client, learning):
    r = client.get("/einarbeitung")
    assert r.status_code == 200
    html = r.get_data(as_text=True)
    _no_inline_code(html)
    from markupsafe import escape
    for chapters in learning.chapters.values():
        for chapter in chapters:
            assert f'id="{chapter.anchor}"' in html
            for sentence in chapter.summary:
                assert str(escape(sentence.text)) in html
            for abbreviation in chapter.abbreviations:
                assert f"<dt>{escape(abbreviation.abbr)}</dt>" in html
            assert f"/einarbeitung/uebung?kapitel={chapter.number}" in html
    assert html.count('<table class="figure-table"') == len(learning.tables)
    assert ">60</td>" in html  # the time plan adds up to one hour


def test_practice_page_round_trip(client, learning):
    item = _abbr_item(learning, "FbW")
    r = client.get(f"/einarbeitung/uebung?item={item.id}")
    assert r.status_code == 200
    html = r.get_data(as_text=True)
    _no_inline_code(html)
    assert str(__import__("markupsafe").escape(item.prompt)) in html and 'aria-live="polite"' in html
    r = client.post("/einarbeitung/uebung", data={"item": item.id, "antwort": "förderung der beruflichen weiterbildung",
                                                   "richtig": "0", "gesamt": "0"})
    html = r.get_data(as_text=True)
    assert r.status_code == 200 and "Richtig:" in html and "is-correct" in html
    assert 'name="richtig" value="1"' in html and 'name="gesamt" value="1"' in html
    assert "#s-" in html and "Nächste Frage" in html
    r = client.post("/einarbeitung/uebung", data={"item": item.id, "antwort": "Fallmanagement"})
    html = r.get_data(as_text=True)
    assert r.status_code == 200 and "Leider nicht richtig" in html and item.expected in html
    r = client.get("/einarbeitung/uebung?kapitel=6&art=zahl")
    assert r.status_code == 200 and "Zahl" in r.get_data(as_text=True)


@pytest.mark.parametrize("method, url, data, status, message", [
    ("get", "/einarbeitung/uebung?item=gibt-es-nicht", None, 404, "Diese Übungsfrage gibt es nicht"),
    ("get", "/einarbeitung/uebung?kapitel=99", None, 404, "Das Kapitel „99“ gibt es nicht."),
    ("get", "/einarbeitung/uebung?art=quiz", None, 400, "Die Art der Übung ist unbekannt"),
    ("get", "/einarbeitung/uebung?richtig=5&gesamt=2", None, 400, "Punktestand"),
    ("get", "/einarbeitung/uebung?gesamt=-1", None, 400, "Punktestand"),
    ("post", "/einarbeitung/uebung", {"richtig": "²"}, 400, "Punktestand"),  # a digit to isdigit(), not to int()
    ("post", "/einarbeitung/uebung", {"antwort": "x"}, 400, "Bitte wählen Sie eine Übungsfrage."),
    ("post", "/einarbeitung/uebung", {"item": "nope", "antwort": "x"}, 404, "Diese Übungsfrage gibt es nicht"),
])
def test_practice_bad_input_is_a_german_4xx(client, method, url, data, status, message):
    r = getattr(client, method)(url, data=data)
    assert r.status_code == status
    assert message in r.get_data(as_text=True)


def test_practice_empty_or_long_answer_is_400(client, learning):
    item = learning.practice[0]
    r = client.post("/einarbeitung/uebung", data={"item": item.id, "antwort": "   "})
    assert r.status_code == 400 and "Bitte geben Sie eine Antwort ein." in r.get_data(as_text=True)
    r = client.post("/einarbeitung/uebung", data={"item": item.id, "antwort": "x" * 201})
    assert r.status_code == 400 and "höchstens 200 Zeichen" in r.get_data(as_text=True)


def test_practice_api(client, learning):
    item = _abbr_item(learning, "FbW")
    r = client.post("/api/uebung", json={"item": item.id, "answer": "FÖRDERUNG DER BERUFLICHEN WEITERBILDUNG"})
    assert r.status_code == 200
    data = r.get_json()
    assert data["correct"] is True and data["expected"] == item.expected
    assert data["href"].startswith("/doc/") and f"#s-{item.section}" in data["href"]
    data = client.post("/api/uebung", json={"item": item.id, "answer": "Falsch"}).get_json()
    assert data["correct"] is False and item.expected in data["message"]
    for body, status in [({"item": "nope", "answer": "x"}, 404), ({"answer": "x"}, 400),
                         ({"item": item.id}, 400), ({"item": item.id, "answer": 5}, 400),
                         ({"item": item.id, "answer": ""}, 400), ([1, 2], 400)]:
        r = client.post("/api/uebung", json=body)
        assert r.status_code == status, body
        assert r.get_json()["error"].endswith(".")
    r = client.post("/api/uebung", data=b"{nicht json", content_type="application/json")
    assert r.status_code == 400 and r.get_json()["error"]


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=30),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3),
    max_leaves=8)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=st.dictionaries(st.sampled_from(["item", "answer", "x"]), json_values, max_size=3) | json_values)
def test_practice_api_never_500(client, body):
    r = client.post("/api/uebung", json=body)
    assert r.status_code in (200, 400, 404)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(form=st.dictionaries(st.sampled_from(["item", "antwort", "kapitel", "art", "richtig", "gesamt"]),
                            st.text(max_size=40), max_size=6))
def test_practice_form_never_500(client, form):
    assert client.post("/einarbeitung/uebung", data=form).status_code in (200, 400, 404)
    assert client.get("/einarbeitung/uebung", query_string=form).status_code in (200, 400, 404)


# ---------------------------------------------------------------- chat: answers that concern a table

@pytest.fixture
def decide(app):
    """table_for_answer() inside an app context, without asking the engine."""
    from assistant.learn import table_for_answer

    def run(question, kind="passage", facts=()):
        with app.test_request_context("/api/ask"):
            return table_for_answer({"kind": kind, "facts": list(facts)}, question)
    return run


def test_question_naming_a_table_gets_it(decide, learning):
    budget, _, _ = _budget(learning)
    assert decide("Zeig mir das Budget nach Maßnahmeart")["id"] == budget.id
    assert decide("Wie sind die Ausgaben nach Maßnahmeart verteilt?")["id"] == budget.id
    september = decide("Kundenstruktur 2019 bis 2021")
    table = next(t for t in learning.tables if t.id == september["id"])
    assert table.kind == PERIODS and any("2019" in c.label for c in table.columns)
    november = decide("Kundenstruktur aus der BA-Statistik")
    assert november["id"] != september["id"]
    targets = decide("Welche Zielwerte gelten 2022?", kind="fact")
    assert next(t for t in learning.tables if t.id == targets["id"]).kind == VALUES


@pytest.mark.parametrize("question", ["Wie hoch ist das Verwaltungsbudget?", "Was ist AsA flex?",
                                      "Was tut das Jobcenter für Alleinerziehende?",
                                      '<script>window.__xss=1</script><img src=x onerror="window.__xss=2">'])
def test_other_questions_get_no_table(decide, question):
    assert decide(question) is None


def test_answer_saying_nothing_gets_no_table(decide):
    assert decide("Zeig mir das Budget nach Maßnahmeart", kind="none") is None


def test_fact_of_a_table_marks_its_row(decide, learning):
    table, amount_col, _ = _budget(learning)
    row = table.rows[0]
    fact = row.cells[amount_col].fact
    found = decide("irgendeine Frage", kind="fact", facts=[fact.answer_dict()])
    assert found["id"] == table.id
    assert [r["label"] for r in found["rows"] if r["hit"]] == [row.label]
    assert found["section_url"].startswith(f"/doc/{table.doc}?") and found["url"].endswith(f"#tab-{table.id}")


def test_chat_answer_carries_table_and_charts(client, learning):
    table, _, _ = _budget(learning)
    r = client.post("/api/ask", json={"question": "Zeig mir das Budget nach Maßnahmeart"})
    assert r.status_code == 200
    data = r.get_json()
    assert set(data) >= ANSWER_KEYS  # the contract's keys stay; "table" is an extra one
    assert data["table"]["id"] == table.id
    assert [r["cells"] for r in data["table"]["rows"]] == [[c.text for c in r.cells] for r in table.rows]
    assert len(data["table"]["charts"]) == len(learning.charts[table.id])
    for chart in data["table"]["charts"]:
        assert chart["url"].startswith("/zahlen/diagramm/") and chart["alt"]
        assert client.get(chart["url"]).status_code == 200


def test_chat_no_js_answer_shows_table_and_chart(client):
    r = client.post("/", data={"question": "Zeig mir das Budget nach Maßnahmeart"})
    html = r.get_data(as_text=True)
    assert r.status_code == 200
    assert 'class="answer-table"' in html
    assert re.search(r'<img src="/zahlen/diagramm/[^"]+\.svg" alt="[^"]+"', html)
    _no_inline_code(html)


def test_personnel_question_does_not_name_the_budget_table(decide):
    assert decide("Wie viel Personal hat das Jobcenter?") is None
