"""Ways of asking: questions generated from the programme's own terms, figures and section titles.

    .venv/bin/python bench/ways_of_asking.py            # the totals (about 6 minutes on 2 cores)
    .venv/bin/python bench/ways_of_asking.py --show     # and every wrong answer

The eval sets hold a few hundred questions written by people; these batteries ask every
abbreviation, table figure (by its label and by other names) and section the way staff type them
("Was steckt hinter FbW?", "Wie viele Arbeitslose waren es im November 2021?", "Arbeitslose U25
November 2020", "Infos zu Neukunden", "What does the programme say about migrants?"), as written
and in lower case without "?". A wrong answer is one that misses the long form, the figure as
printed or the section. Nothing here is asserted: the numbers go into the README's Quality section.
"""
from __future__ import annotations

import argparse
import os
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Callable, Iterator

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.embedders import EmbedderError  # noqa: E402  (after the path above)
from assistant.engine import Assistant  # noqa: E402
from assistant.index import IndexError_  # noqa: E402
from assistant.loaders import LoadError  # noqa: E402

GLOSSARY = ["Was ist {a}?", "Was bedeutet {a}?", "Wofür steht {a}?", "{a}?", "was heißt {a}", "what does {a} stand for?",
            "What is {a}?", "{a} meaning", "Was ist mit {a} gemeint?", "Erklär mir {a}", "Was ist eigentlich {a}?",
            "What does the abbreviation {a} mean?", "Bedeutung von {a}", "{a} Abkürzung", "Was versteht man unter {a}?",
            "define {a}", "{a} full form", "{a} ausgeschrieben", "Was heißt die Abkürzung {a}?",
            "Wie lautet die Langform von {a}?", "Was genau ist {a}?", "Was meint ihr mit {a}?", "Und was ist {a}?",
            "What's the meaning of {a}?", "What is meant by {a}?", "Explain {a}", "what is {a} short for",
            "{a} - was ist das?", "Was steckt hinter {a}?", "Wofür ist {a} die Abkürzung?", "Steht {a} für etwas?",
            "Ich lese ständig {a}, was ist das?", "Was versteckt sich hinter der Abkürzung {a}?", "What does {a} refer to?"]
FIGURES = ["{s} {p}", "Wie viele {s} im {p}?", "Zahl der {s} im {p}?", "Wie viele {s} waren es im {p}?",
           "Anzahl {s} {p}", "How many {s} in {p}?", "Kannst du mir sagen, wie viele {s} es im {p} gab?"]
SECTIONS = ["Was sagt das Programm zu {t}?", "Was steht zu {t} drin?", "Infos zu {t}", "{t}",
            "Was plant das Jobcenter bei {t}?", "Erzähl mir was über {t}"]
TOPICS = ["What does the programme say about {t}?", "Tell me about {t}", "What is planned for {t}?", "{t}"]
# English topics and the sections that answer them, written from the programme's table of contents
ENGLISH_TOPICS = [
    ("further training", {"6.4"}), ("new customers", {"5.2"}), ("self-employed people", {"6.7"}),
    ("people with disabilities", {"5.7", "6.5"}), ("young people under 25", {"5.4", "5.4.1", "5.4.2", "5.4.3"}),
    ("work opportunities", {"6.1"}), ("the employer service", {"5.3"}), ("the budget", {"1.2"}), ("women", {"5.5"}),
    ("migrants", {"5.6"}), ("case management", {"6.6"}), ("benefit payments", {"7"}), ("the targets for 2022", {"2.1"}),
    ("local goals", {"2.2"}), ("the customer structure", {"3"}), ("the strategy", {"4"}),
    ("the economic situation", {"1.1"}), ("the career orientation centre", {"5.4.5.1"}),
    ("the transition from school to work", {"5.4.4", "5.4.4.1"}), ("long-term unemployed people", {"3", "6.2", "6.3"}),
    ("personal counselling", {"5.1.1"}), ("digital services", {"5.1.2", "5.1.3", "5.1.4", "5.4.5.2", "7"}),
]

# Rows of 3's tables by the names staff give them (German, English), written from the row labels
ROW_NAMES = [
    ("15 bis unter 25 Jahre (Arbeitslose)", ["Arbeitslose unter 25", "Arbeitslose jünger als 25", "Arbeitslose U25"],
     ["unemployed people under 25", "unemployed aged 15 to 24"]),
    ("25 bis unter 50 Jahre (Arbeitslose)", ["Arbeitslose zwischen 25 und 50", "Arbeitslose von 25 bis 49"],
     ["unemployed people between 25 and 49"]),
    ("50 Jahre und älter (Arbeitslose)", ["Arbeitslose über 50", "Arbeitslose ab 50", "Arbeitslose 50+"],
     ["unemployed people aged 50 and over", "unemployed older than 50"]),
    ("davon 55 Jahre und älter (Arbeitslose)", ["Arbeitslose über 55", "Arbeitslose ab 55", "Arbeitslose 55+"],
     ["unemployed people over 55"]),
    ("Frauen (Arbeitslose)", ["arbeitslose Frauen", "weibliche Arbeitslose"], ["unemployed women"]),
    ("Männer (Arbeitslose)", ["arbeitslose Männer", "männliche Arbeitslose"], ["unemployed men"]),
    ("schwerbehinderte Menschen (Arbeitslose)", ["schwerbehinderte Arbeitslose", "Arbeitslose mit Schwerbehinderung"],
     ["unemployed people with severe disabilities"]),
    ("Alleinerziehende (Arbeitslose)", ["alleinerziehende Arbeitslose"], ["unemployed single parents"]),
    ("Deutsche (Arbeitslose)", ["deutsche Arbeitslose", "Arbeitslose mit deutscher Staatsangehörigkeit"],
     ["unemployed Germans"]),
    ("Ausländer (Arbeitslose)", ["ausländische Arbeitslose", "Arbeitslose mit ausländischer Staatsangehörigkeit"],
     ["unemployed foreigners", "unemployed foreign nationals"]),
    ("Ohne abgeschlossene Berufsausbildung (Arbeitslose)", ["Arbeitslose ohne Berufsausbildung",
                                                            "Arbeitslose ohne Berufsabschluss"],
     ["unemployed people without vocational training"]),
    ("Mit abgeschlossener Berufsausbildung (Arbeitslose)", ["Arbeitslose mit Berufsausbildung"], []),
    ("davon akademische Ausbildung (Arbeitslose)", ["arbeitslose Akademiker", "Arbeitslose mit Studium"],
     ["unemployed academics"]),
    ("Nicht arbeitslose Arbeitsuchende", ["Arbeitsuchende, die nicht arbeitslos sind"], ["job seekers who are not unemployed"]),
    ("Arbeitsuchende", [], ["job seekers"]),
    ("Unterbeschäftigung (ohne Kurzarbeit)", ["Unterbeschäftigte"], ["underemployed people"]),
    ("ELB", ["erwerbsfähige Leistungsberechtigte"], ["employable benefit recipients"]),
    ("Erwerbstätige ELB", ["erwerbstätige Leistungsberechtigte"], ["employed benefit recipients"]),
]
ROW_WAYS = (["Wie viele {x} gab es im {p}?", "{x} {p}"], ["How many {x} were there in {p}?"])
# The budget table (1.2) and the targets (2.1) asked in other words: (row, column, questions)
PLAN_QUESTIONS = [
    ("FbW (Förderung der beruflichen Weiterbildung)", "Betrag in €",
     ["Wie viel Geld ist für berufliche Weiterbildung eingeplant?", "Budget für Weiterbildung",
      "How much money is planned for further training?"]),
    ("EGZ (Eingliederungszuschüsse)", "Betrag in €",
     ["Wie viel Geld ist für Eingliederungszuschüsse eingeplant?", "How much is budgeted for integration subsidies?"]),
    ("MABE (Maßnahmen zur Aktivierung und beruflichen Eingliederung)", "Betrag in €",
     ["Budget für Aktivierungsmaßnahmen", "How much money goes to activation measures?"]),
    ("AGH (Arbeitsgelegenheiten)", "Betrag in €",
     ["Wie viel Geld ist für Arbeitsgelegenheiten eingeplant?", "Budget für Ein-Euro-Jobs",
      "How much money is planned for work opportunities?"]),
    ("§ 16i (Teilhabe am Arbeitsmarkt)", "Betrag in €", ["Wie viel Geld ist für Teilhabe am Arbeitsmarkt geplant?"]),
    ("ESG (Einstiegs geld)", "Betrag in €", ["Wie viel Geld ist für Einstiegsgeld geplant?"]),
    ("Gesamt", "Betrag in €", ["Wie hoch ist das Eingliederungsbudget insgesamt?",
                               "How much money is there for integration measures in total?"]),
    ("FbW (Förderung der beruflichen Weiterbildung)", "Neueintritte 2022",
     ["Wie viele Eintritte in berufliche Weiterbildung sind geplant?", "How many people will start further training in 2022?"]),
    ("AGH (Arbeitsgelegenheiten)", "Neueintritte 2022",
     ["Wie viele Eintritte in Arbeitsgelegenheiten sind 2022 geplant?", "How many entries into work opportunities are planned?"]),
    ("Gesamt", "Neueintritte 2022", ["Wie viele Eintritte sind 2022 insgesamt geplant?"]),
    ("Integrationen", "Integrationen",
     ["Wie viele Integrationen sind 2022 geplant?", "How many job placements are targeted for 2022?",
      "Wie viele Menschen sollen 2022 in Arbeit integriert werden?"]),
    ("Integrationsquote", "Integrationsquote", ["Welche Integrationsquote strebt das Jobcenter 2022 an?",
                                                "What integration rate is the target for 2022?"]),
    ("Integrationen (davon Frauen)", "Integrationen",
     ["Wie viele Frauen sollen 2022 integriert werden?", "How many women should be placed in jobs in 2022?"]),
    ("Bestand an Langzeitleistungsbeziehern", "Bestand an Langzeitleistungsbeziehern",
     ["Wie viele Langzeitleistungsbezieher sind für 2022 geplant?", "Zielwert Langzeitleistungsbezieher 2022",
      "How many long-term benefit recipients are expected in 2022?"]),
]

Case = tuple[str, str, Callable]  # (way of asking, question, is the answer right?)


def glossary_cases(a: Assistant) -> Iterator[Case]:
    seen = set()
    for t in a.glossary:
        if t.source != "legende" or t.abbr in seen:
            continue
        seen.add(t.abbr)
        for way in GLOSSARY:
            yield way, way.format(a=t.abbr), \
                lambda ans, t=t: ans.kind == "glossary" and t.long[:12].lower() in ans.answer.lower()


def figure_cases(a: Assistant) -> Iterator[Case]:
    for f in a.facts:
        if not f.table or not f.period or f.unit in ("€", "%"):
            continue
        subject = re.sub(r"^davon\s+", "", re.sub(r"\s*\(.*?\)", "", f.subject)).strip()
        for way in FIGURES:
            yield way, way.format(s=subject, p=f.period), lambda ans, f=f: f.value in ans.answer


def row_name_cases(a: Assistant) -> Iterator[Case]:
    for subject, *names in ROW_NAMES:
        for f in a.facts:
            if f.table and f.period and f.subject == subject:
                for language_names, ways in zip(names, ROW_WAYS):
                    for name in language_names:
                        for way in ways:
                            yield way, way.format(x=name, p=f.period), lambda ans, f=f: f.value in ans.answer


def plan_cases(a: Assistant) -> Iterator[Case]:
    for subject, measure, questions in PLAN_QUESTIONS:
        f = next(f for f in a.facts if f.table and f.subject == subject and f.measure == measure)
        for q in questions:
            yield "(written out)", q, lambda ans, f=f: f.value in ans.answer


def section_cases(a: Assistant) -> Iterator[Case]:
    for (doc, number), title in a.section_titles.items():
        if not re.match(r"\d", number):
            continue
        topic = re.sub(r"^\d+(\.\d+)*\s*", "", title)
        for way in SECTIONS:
            yield way, way.format(t=topic), lambda ans, number=number: _cites(ans, {number})


def topic_cases(a: Assistant) -> Iterator[Case]:
    for topic, sections in ENGLISH_TOPICS:
        for way in TOPICS:
            yield way, way.format(t=topic), lambda ans, sections=sections: _cites(ans, sections)


def _cites(ans, sections: set[str]) -> bool:
    return ans.kind != "none" and bool(ans.citations) and ans.citations[0].section in sections


BATTERIES = {"glossary": glossary_cases, "figures": figure_cases, "row names": row_name_cases,
             "budget and targets": plan_cases, "sections": section_cases, "English topics": topic_cases}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="print every wrong answer")
    parser.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    parser.add_argument("--index", type=Path, default=ROOT / "index")
    args = parser.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    try:
        a = Assistant.open(args.corpus, args.index, log=lambda m: None)
    except (IndexError_, EmbedderError, LoadError) as exc:  # as `amip` says it
        sys.exit(f"Fehler: {exc}")
    for name, cases in BATTERIES.items():
        for lower in (False, True):
            wrong, asked = Counter(), 0
            for way, q, right in cases(a):
                q = q.lower().rstrip("?") if lower else q
                asked += 1
                ans = a.ask(q)
                if not right(ans):
                    wrong[way] += 1
                    if args.show:
                        print(f"  wrong: {q!r} -> {ans.kind}: {ans.answer[:90]}")
            label = f"{name}{' (lower case, no ?)' if lower else ''}"
            print(f"{label:38} {sum(wrong.values()):5} wrong of {asked:5}   most: {wrong.most_common(2)}")


if __name__ == "__main__":
    main()
