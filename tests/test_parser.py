"""The parser against the real programme: sections, glossary and figures, .md and .pdf alike."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from assistant.cli import main
from assistant.facts import extract_facts
from assistant.glossary import Glossary, extract_glossary
from assistant.loaders import LoadError
from assistant.records import Block
from assistant.structure import _plausible_next, build_document, parse_document

ROOT = Path(__file__).resolve().parent.parent
MD = ROOT / "corpus" / "amip-2022-jobcenter-landkreis-kassel.md"
PDF = ROOT / "tests" / "fixtures" / "amip-2022-jobcenter-landkreis-kassel.pdf"

SECTIONS = [
    ("Vorwort", "Vorwort", None), ("1", "Rahmenbedingungen", None),
    ("1.1", "Gesamtwirtschaftliche Rahmenbedingungen", "1"), ("1.2", "Budget- und Personalressourcen", "1"),
    ("2", "Ziele und Schwerpunkte", None), ("2.1", "Zielsystem 2022", "2"), ("2.2", "Lokale Ziele", "2"),
    ("3", "Kundenstruktur", None),
    ("4", "Arbeitsmarkt- und Integrationsstrategie des Jobcenters Landkreis Kassel", None),
    ("5", "Operative Schwerpunkte", None), ("5.1", "Kommunikation und Kundenkontakt", "5"),
    ("5.1.1", "Persönlich Beratung", "5.1"), ("5.1.2", "Videokommunikation über Skype", "5.1"),
    ("5.1.3", "Kontaktdichte und Beratungsaktivität", "5.1"), ("5.1.4", "Digitale Angebote", "5.1"),
    ("5.2", "Neukunden", "5"), ("5.3", "Intensivbetreuung von marktnäheren Kunden durch den Arbeitgeber-Service", "5"),
    ("5.4", "Jugendliche und junge Erwachsene in Ausbildungsmarkt und Arbeitsmarkt integrieren", "5"),
    ("5.4.1", "Berufsberatung/Ausbildungsstellenvermittlung - Modell Rückübertragung", "5.4"),
    ("5.4.2", "Besondere Förderinstrumente U25", "5.4"), ("5.4.3", "Sicherung sozialer Teilhabe", "5.4"),
    ("5.4.4", "Schwerpunkt auch für 2022: „Corona-Jahrgang“ vermeiden", "5.4"),
    ("5.4.4.1", "Schulabgänger unterstützen, rechtskreisübergreifende Zusammenarbeit fördern", "5.4.4"),
    ("5.4.5", "Ausblick / Erwartung", "5.4"), ("5.4.5.1", "Berufsorientierungszentrums (BOZ)", "5.4.5"),
    ("5.4.5.2", "Digitales für Jugendliche und junge Erwachsene", "5.4.5"), ("5.5", "Frauen / Erziehende", "5"),
    ("5.6", "Kunden mit Migrationshintergrund", "5"), ("5.7", "Schwerbehinderte und Reha", "5"),
    ("6", "Integration in Beschäftigung und besondere Zielgruppen", None),
    ("6.1", "Arbeitsgelegenheiten (AGH) nach § 16d SGB II", "6"),
    ("6.2", "Öffentlich geförderte Beschäftigung im Rahmen des § 18 Abs. 4 SGB II", "6"),
    ("6.3", "Soziale Teilhabe nach den §§ 16e und 16i SGB II", "6"),
    ("6.4", "Förderung der beruflichen Weiterbildung (FbW)", "6"), ("6.5", "Schwerbehinderte und Reha", "6"),
    ("6.6", "Beschäftigungsorientiertes Fallmanagement", "6"), ("6.7", "Selbstständige", "6"),
    ("7", "Rechtmäßigkeit u. Qualität der operativen Umsetzung sicherstellen", None),
    ("8", "Schlussbemerkung", None), ("Legende", "Legende", None),
]


@pytest.fixture(scope="module", params=["md", "pdf"])
def doc(request):
    return parse_document(MD if request.param == "md" else PDF)


@pytest.fixture(scope="module")
def md_doc():
    return parse_document(MD)


@pytest.fixture(scope="module")
def pdf_doc():
    return parse_document(PDF)


def test_every_section_number_title_and_parent(doc):
    assert [(s.section, s.title, s.parent) for s in doc.sections] == SECTIONS


def test_level_comes_from_numbering_not_hashes(doc):
    levels = {s.section: s.level for s in doc.sections}
    assert levels["5.4.4.1"] == 4 and levels["3"] == 1 and levels["5.1.1"] == 3 and levels["Legende"] == 1


def test_unnumbered_subheading_belongs_to_section_3(doc):
    sec = doc.section("3")
    assert any(b.kind == "subheading" and b.text == "Kundenstruktur aus der BA-Statistik" for b in sec.blocks)
    assert "Arbeitsuchende\t4.725\t4.999" in sec.text


def test_markup_is_gone_and_page_breaks_joined(doc):
    text = "\n".join(s.title + "\n" + s.text for s in doc.sections)
    for junk in ("<b>", "</b>", "<u>", "**", "ﬁ", "ﬂ", "ﬀ"):
        assert junk not in text
    assert "Ansätze zur Berücksichtigung der gesamten Bedarfsgemeinschaft (BG)" in doc.section("2.1").text
    assert "einen Vermittlungsvorschlag in Ausbildung oder Arbeit" in doc.section("5.4.4.1").text
    assert "Bewilligung und Erbringung von Rehabilitations- und Eingliederungsleistungen" in doc.section("5.7").text


def test_pdf_page_numbers_do_not_end_up_in_sentences(pdf_doc):
    sec = pdf_doc.section("2.1")
    assert "wirksame Förderung erhalten und verbessert werden." in sec.text
    assert sec.page_start == 4 and pdf_doc.section("Legende").page_start == 26
    # a lone page number line never survives as a block
    assert not any(b.text.strip().isdigit() for s in pdf_doc.sections for b in s.blocks)


def test_table_of_contents_is_not_a_section(doc):
    assert not any("Inhaltsverzeichnis" in s.title for s in doc.sections)
    assert not any(".....\t" in b.text for s in doc.sections for b in s.blocks)


# ------------------------------------------------------------------ which numbers are headings

@pytest.mark.parametrize("number,seen", [
    ("1", []), ("3", []), ("1.1", []), ("2.1.1", []),      # the outline opens
    ("5.4.2", ["5.4.1"]), ("6", ["5"]),                    # next sibling
    ("5.4.1", ["5.4"]), ("5.4.4.1", ["5.4.4"]),            # first child
    ("5.5", ["5.4.5.2"]), ("6", ["5.4.5.2"]), ("6", ["5.7"]),  # back up one or more levels
    ("5.4.4", ["5.4.2"]), ("7", ["5"]), ("5.7", ["5.4.5.2"]),  # a number the source misses
    ("5.4.2", ["1", "5.4", "5.4.1"]),                      # only the last number accepted counts
])
def test_plausible_next_accepts(number, seen):
    assert _plausible_next(number, seen)


@pytest.mark.parametrize("number,seen", [
    ("1.2", []), ("2.3.1", []),                            # cannot open the outline
    ("5.4.1", ["5.4.1"]), ("5.4.1", ["5.4.2"]), ("4", ["5.4"]), ("5.3", ["5.4.1"]),  # same or back
    ("5.4.1.1", ["5.4"]), ("5.1.1", ["5"]),                # two levels deeper at once
    ("5.4.2", ["5.4"]), ("1.3", ["1"]), ("5.1.3", ["5.1"]),  # a child other than .1
    ("6.2", ["5.4"]), ("6.1.1", ["5.4.5"]), ("4.5", ["5.4.5"]),  # under another parent
])
def test_plausible_next_rejects(number, seen):
    assert not _plausible_next(number, seen)


def test_a_number_that_does_not_continue_the_outline_is_no_section():
    blocks = [Block("heading", "1. Rahmenbedingungen", line=1), Block("para", "Text.", line=2),
              Block("heading", "2. Ziele", line=3), Block("heading", "2.5 Stellen mehr", line=4),
              Block("heading", "1 Jahr Laufzeit", line=5), Block("heading", "3. Kundenstruktur", line=6)]
    doc = build_document("d", blocks)
    assert [(s.section, s.title) for s in doc.sections] == [
        ("1", "Rahmenbedingungen"), ("2", "Ziele"), ("3", "Kundenstruktur")]
    assert [(b.kind, b.text) for b in doc.sections[1].blocks] == [
        ("subheading", "2.5 Stellen mehr"), ("subheading", "1 Jahr Laufzeit")]


# ------------------------------------------------------------------ glossary

GLOSSARY = {
    "abH": "ausbildungsbegleitende Hilfen", "AGH": "Arbeitsgelegenheiten", "AGS": "Arbeitgeber-Service",
    "AsA": "assistierten Ausbildung", "BaE": "Berufsausbildung in außerbetrieblichen Einrichtungen",
    "bFM": "beschäftigungsorientiertes Fallmanagement", "BOZ": "Berufsorientierungszentrum",
    "EGZ": "Eingliederungszuschuss", "ELB": "erwerbsfähige Leistungsberechtigter", "ESG": "Einstiegsgeld",
    "FbW": "Förderung der beruflichen Weiterbildung", "LAiKA": "Lernen und Arbeiten in Kassel",
    "LZB": "Langzeitleistungsbezieher", "LzA": "Langzeitarbeitslose",
    "MAbE": "Maßnahmen zur Aktivierung und beruflichen Eingliederung", "MAT": "Maßnahmen zur Aktivierung",
    "TSHG": "Teilhabestärkungsgesetz", "VZÄ": "Vollzeitäquivalente", "WezuQ": "Wege zur Qualifizierung",
    "ALG I": "Arbeitslosengeld I", "ALG II": "Arbeitslosengeld II", "ÖPNV": "Öffentlicher Personennahverkehr",
    "React-EU": "Recovery Assistance for Cohesion and the Territories of Europe (Aufbauhilfe für den "
                "Zusammenhalt und die Gebiete Europas)",
}


def test_all_53_legende_entries(doc):
    legende = [t for t in extract_glossary(doc) if t.source == "legende"]
    assert len(legende) == 53
    by_abbr = {t.abbr: t.long for t in legende}
    for abbr, long in GLOSSARY.items():
        assert by_abbr[abbr] == long, abbr


def test_inline_definitions(doc):
    inline = {t.abbr: t for t in extract_glossary(doc) if t.source == "inline"}
    assert inline["THSG"].long == "Teilhabestärkungsgesetz" and inline["THSG"].defined_in == "5.7"
    assert inline["BOZ"].long == "Berufsorientierungszentrums" and inline["BOZ"].defined_in == "5.4.5.1"
    assert inline["AGS"].long == "Arbeitgeber-Service" and inline["AGS"].defined_in == "5.3"
    assert inline["LUH"].long == "Leistungen der Unterkunft und Heizung"
    assert inline["WezuQ"].long == "Wege zur Qualifizierung"
    assert len(inline) >= 30


def test_lookup_variants_case_and_compounds(md_doc):
    g = Glossary(extract_glossary(md_doc))
    assert g.lookup("LAIKA").abbr == "LAiKA"
    assert g.lookup("MABE").abbr == "MAbE"
    assert g.lookup("THSG").long == "Teilhabestärkungsgesetz"
    assert g.lookup("fbw").abbr == "FbW"
    assert [t.abbr for t in g.find_in("Was ist AsA flex?")] == ["AsA"]
    assert [t.abbr for t in g.find_in("Was ist ALG II?")] == ["ALG II"]
    assert "5.4.3" in g.lookup("bFM").sections and "6.6" in g.lookup("bFM").sections


# ------------------------------------------------------------------ facts

def _facts(doc):
    return {(f.section, f.subject, f.measure, f.period, f.value) for f in extract_facts(doc)}


BUDGET = [("FbW (Förderung der beruflichen Weiterbildung)", "150", "785.000", "14,4"),
          ("EGZ (Eingliederungszuschüsse)", "72", "374.000", "6,9"),
          ("MABE (Maßnahmen zur Aktivierung und beruflichen Eingliederung)", "1.076", "1.458.000", "26,8"),
          ("BaE (Berufsausbildung in außerbetrieblichen Einrichtungen)", "18", "486.000", "8,9"),
          ("AGH (Arbeitsgelegenheiten)", "136", "390.000", "7,2"),
          ("§ 16e (Eingliederung von Langzeitarbeitslosen)", "8", "250.000", "4,6"),
          ("§ 16i (Teilhabe am Arbeitsmarkt)", "20", "775.000", "14,3"),
          ("ESG (Einstiegs geld)", "96", "80.000", "1,5"), ("Gesamt", "1.576", "5.434.493", "100,0")]


def test_budget_table_row_by_row(doc):
    facts = {(f.subject, f.measure): f for f in extract_facts(doc) if f.section == "1.2" and f.table}
    for subject, entries, amount, share in BUDGET:
        assert facts[(subject, "Neueintritte 2022")].value == entries
        assert facts[(subject, "Betrag in €")].value == amount and facts[(subject, "Betrag in €")].unit == "€"
        assert facts[(subject, "%")].value == share and facts[(subject, "%")].unit == "%"
    sonstige = [f for (s, m), f in facts.items() if s.startswith("Sonstige")]
    assert sorted(f.value for f in sonstige) == ["15,4", "836.493"]  # its empty "Neueintritte" cell stays empty
    assert facts[("Gesamt", "Betrag in €")].number == 5434493.0


def test_target_values_with_women_and_men(doc):
    got = {(f.subject, f.value) for f in extract_facts(doc) if f.section == "2.1"}
    assert {("Integrationsquote", "25,4 %"), ("Integrationen", "1.638"),
            ("Integrationsquote (davon Frauen)", "16,44%"), ("Integrationen (davon Frauen)", "544"),
            ("Integrationsquote (davon Männer)", "34,9%"), ("Integrationen (davon Männer)", "1.094"),
            ("Bestand an Langzeitleistungsbeziehern", "4.170 Personen"),
            ("Veränderung zum Vorjahr (Integrationsquote)", "+2,3 %"),
            ("Veränderung zum Vorjahr (Bestand an Langzeitleistungsbeziehern)", "-3,0 %"),
            ("Veränderung zum Vorjahr (Bestand an Langzeitleistungsbeziehern)", "-128 Personen")} <= got


@pytest.mark.parametrize("subject,period,value", [
    ("ELB", "September 2021", "6.418"), ("ELB", "September 2020", "7.020"), ("ELB", "September 2019", "6.964"),
    ("Erwerbstätige ELB", "September 2019", "1.882"), ("Arbeitslose", "September 2020", "3.114"),
    ("davon Langzeitarbeitslose (Arbeitslose)", "September 2019", "1.017"),
    ("Unterbeschäftigung (ohne Kurzarbeit)", "September 2021", "3.713"),
    ("Arbeitsuchende", "November 2021", "4.725"), ("Arbeitslose", "November 2020", "2.885"),
    ("Frauen (Arbeitslose)", "November 2021", "1.146"), ("Männer (Arbeitslose)", "November 2020", "1.653"),
    ("Langzeitarbeitslose (Arbeitslose)", "November 2021", "1.369"),
    ("Ohne abgeschlossene Berufsausbildung (Arbeitslose)", "November 2020", "2003"),
    ("davon akademische Ausbildung (Arbeitslose)", "November 2021", "77"),
    ("Unterbeschäftigung (ohne Kurzarbeit)", "November 2020", "3.803"),
])
def test_customer_structure_tables(doc, subject, period, value):
    assert any(f.subject == subject and f.period == period and f.value == value and f.section == "3"
               for f in extract_facts(doc))


def test_customer_structure_tables_complete(doc):
    facts = [f for f in extract_facts(doc) if f.section == "3" and f.table]
    assert len([f for f in facts if f.period.startswith("September")]) == 6 * 3
    assert len([f for f in facts if f.period.startswith("November")]) == 19 * 2


@pytest.mark.parametrize("section,value", [("6.1", "136"), ("6.2", "12"), ("6.3", "28")])
def test_planned_entries(doc, section, value):
    assert any(f.section == section and f.measure == "Geplante Eintritte" and f.value == value
               for f in extract_facts(doc))


@pytest.mark.parametrize("section,value,unit", [
    ("1.2", "9.462.259 €", "€"), ("1.2", "7.711.743 €", "€"), ("1.2", "2.277.250 €", "€"),
    ("1.2", "884.520 €", "€"), ("1.2", "172 Mitarbeiterinnen", "Mitarbeiterinnen"),
    ("1.2", "157 Vollzeitäquivalenten", "Vollzeitäquivalenten"), ("5.7", "330.000 €", "€"),
    ("6.5", "330.000 €", "€"), ("6.2", "326.000 €", "€"), ("5.4.2", "50 Plätze", "Plätze"),
    ("5.4.2", "16 Plätze", "Plätze"), ("6.4", "150 Fördermöglichkeiten", "Fördermöglichkeiten"),
    ("6.6", "460 Maßnahmen", "Maßnahmen"), ("5.5", "68%", "%"), ("5.4", "12,9%", "%"),
    ("6.3", "24 Personen", "Personen"), ("3", "2.223 Kundinnen", "Kundinnen"),
])
def test_key_figures_in_sentences(doc, section, value, unit):
    assert any(f.section == section and f.value == value and f.unit == unit for f in extract_facts(doc))


@pytest.mark.parametrize("section,value,period", [
    # past tense with no year of its own: the year the sentences before it name ("... das Jahr 2021 ...")
    ("Vorwort", "5.000 Bedarfsgemeinschaften", "2021"), ("6.6", "19%", "2021"),
    # present tense: the programme's own time, whatever year came before ("im Vergleich zu 2021")
    ("1.2", "884.520 €", None),
    # the section's first sentence has nothing before it to take a year from
    ("5.4", "15", None),
])
def test_a_sentence_without_a_year_in_the_past_tense_tells_of_the_year_before_it(doc, section, value, period):
    assert [f.period for f in extract_facts(doc) if f.section == section and f.value == value and not f.table] \
        == [period]


def test_dates_and_paragraph_numbers_are_not_figures(md_doc):
    values = {(f.section, f.value) for f in extract_facts(md_doc)}
    assert ("6.3", "0") not in values and ("6.3", "16") not in values  # "01.01.2019", "§§ 16e"
    assert not any(v == "01" for _, v in values)


def test_tables_identical_from_md_and_pdf(md_doc, pdf_doc):
    a = {x for x in _facts(md_doc)}
    b = {x for x in _facts(pdf_doc)}
    table = lambda d: {(f.section, f.subject, f.measure, f.period, f.value) for f in extract_facts(d) if f.table}  # noqa: E731
    assert table(md_doc) == table(pdf_doc)
    assert len(table(md_doc)) >= 90
    assert len(a & b) / len(a) > 0.9


# ------------------------------------------------------------------ bad input

def _encrypted_pdf(path: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    w = PdfWriter()
    w.append(PdfReader(PDF), pages=(0, 1))
    w.encrypt("geheim")
    with open(path, "wb") as fh:
        w.write(fh)


@pytest.mark.parametrize("name,make,expected", [
    ("leer.md", lambda p: p.write_bytes(b""), "leer"),
    ("zufall.pdf", lambda p: p.write_bytes(bytes(range(256)) * 40), "beschädigt"),
    ("abgeschnitten.pdf", lambda p: p.write_bytes(PDF.read_bytes()[:20000]), "PDF"),
    ("verschluesselt.pdf", _encrypted_pdf, "verschlüsselt"),
    ("ohne-ueberschrift.md", lambda p: p.write_text("Nur ein Absatz ohne Überschrift.\n", encoding="utf-8"), None),
    ("binaer.md", lambda p: p.write_bytes(b"\x00\xff\xfe" * 100), "UTF-8"),
])
def test_broken_files_give_one_clear_message(tmp_path, name, make, expected):
    path = tmp_path / name
    make(path)
    if expected is None:  # a Markdown file without headings is read as one untitled part
        doc = parse_document(path)
        assert [s.section for s in doc.sections] == ["Einleitung"]
        return
    with pytest.raises(LoadError) as err:
        parse_document(path)
    msg = str(err.value)
    assert msg.startswith(name) and expected in msg and "\n" not in msg


def test_unknown_type_and_other_files_still_read(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(MD, corpus / MD.name)
    (corpus / "notizen.docx").write_bytes(b"PK\x03\x04 nicht lesbar")
    (corpus / "kaputt.pdf").write_bytes(b"%PDF-1.7\n kaputt")
    (corpus / "leer.md").write_bytes(b"")
    result = CliRunner().invoke(main, ["--corpus", str(corpus), "inspect", "sections", "--json"])
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert len(rows) == 40 and {r["doc"] for r in rows} == {MD.stem}
    assert "notizen.docx: Dateityp '.docx' wird nicht unterstützt" in result.stderr
    assert "kaputt.pdf:" in result.stderr and "leer.md: Die Datei ist leer." in result.stderr
    assert "Traceback" not in result.stderr


def test_inspect_json_contracts():
    r = CliRunner()
    for what, keys in (("sections", {"doc", "section", "title", "parent"}),
                       ("glossary", {"abbr", "long", "source", "sections"}),
                       ("facts", {"subject", "measure", "value", "number", "unit", "section", "doc", "source_text"})):
        res = r.invoke(main, ["--corpus", str(ROOT / "corpus"), "inspect", what, "--json"])
        assert res.exit_code == 0, res.stderr
        rows = json.loads(res.stdout)
        assert rows and all(keys <= set(row) for row in rows)
    res = r.invoke(main, ["--corpus", str(ROOT / "corpus"), "inspect", "glossary", "--json"])
    assert len([x for x in json.loads(res.stdout) if x["source"] == "legende"]) == 53


def test_missing_corpus_folder_is_one_sentence(tmp_path):
    res = CliRunner().invoke(main, ["--corpus", str(tmp_path / "nix"), "inspect", "sections"])
    assert res.exit_code != 0 and "existiert nicht" in res.stderr and "Traceback" not in res.stderr


def test_tables_know_the_sentence_that_introduces_them(doc):
    from assistant.facts import table_captions
    captions = table_captions(doc)
    assert set(captions) == {f.table for f in extract_facts(doc) if f.table}
    assert captions[f"{doc.doc}:1.2:t1"].startswith("Für das Jahr 2022 sind die folgenden Eintritte und Ausgaben")
    assert captions[f"{doc.doc}:2.1:t1"] == "Es wurden für das Jobcenter Landkreis Kassel folgende Zielwerte vereinbart:"


def test_sentences_know_their_place_in_a_bulleted_list(doc):
    from assistant.chunks import chunk_sentences, list_item_texts, make_chunks
    items = list_item_texts(doc)
    places = {s: p for c in make_chunks(doc) for s, p in chunk_sentences(c, items)}
    assert places["Für die unterschiedlichen Entwicklungen gibt es mehrere Erklärungsansätze:"] == ""
    assert places["So ist die Region Kassel aufgrund ihrer Wirtschaftsstruktur bislang vergleichsweise gut durch "
                  "die Pandemie gekommen."] == "item"
    assert places["Hinzu kommen noch demografische Gesichtspunkte."] == "more"
    assert places["die Schuldnerberatung"] == "item"
