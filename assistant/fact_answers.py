"""Answering with a figure: find the fact a question asks for and say it as the document does.

`FactAnswers.best()` scores every fact against the question (dense + keyword, fused, then
what the fact counts, its unit and its time), keeps only facts in the asked unit and for the
asked time, and answers a superlative over a table column. `compose()` writes the answer:
the figure exactly as printed, the rest of its table row, and every other section that
states the same figure ("150" in 1.2 and 6.4).
"""
from __future__ import annotations

import math
import os
import re
from collections import defaultdict
from typing import Callable, Iterable, Optional

import numpy as np

from .cues import (CHANGE_CUE, COUNT_CUE, COUNT_WORDS, DATE_CUE, MONEY_CUE, PERCENT_CUE, PERSON_WORDS, SHARE_OF_PEOPLE,
                   SOME_MORE, STATES_A_CHANGE, SUPERLATIVE, TIME_TERMS, YEAR_RE, age_range, ages_fit, asked_noun,
                   asked_period, asked_unit, months_in, names_last_year, of_own_time, polarity, years_in)
from .excerpts import limit_answer, source_line, trim
from .fusion import blend
from .glossary import Glossary, term_pattern
from .index import fact_text
from .keyword import KeywordIndex, content_words, fold, stem
from .records import Answer, Citation, Fact, GlossaryTerm

Cite = Callable[..., Citation]  # (doc, section, excerpt, page=None) -> Citation

# A figure in digits, or one of the number words prose uses for small counts and shares.
# "jeden fünften": a share said with an ordinal
_ORDINAL_SHARE = r"\bjede[nrms]?\s+(zweit|dritt|viert|fünft|zehnt)e[nrms]?\b"
HAS_FIGURE = re.compile(r"\d|\b(ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|zwölf)\b\s*(drittel|viertel|"
                        r"fünftel|hälfte|prozent)|\b(" + COUNT_WORDS + r"|hälfte|dutzend)\b|" + _ORDINAL_SHARE, re.I)
_NUMBER_WORDS = f"(?:{fold(COUNT_WORDS)}|elf)"  # folded like the text counts() reads ("fünf" -> "funf")
_LABEL_LINE = re.compile(r"^[^:.]{2,80}:\s*[+\-–]?\s?\d")
SHARE = re.compile(r"%|prozent|drittel|viertel|fünftel|hälfte|" + _ORDINAL_SHARE, re.I)
_NUMBER = re.compile(r"\d[\d.,]*\d|\d")
# a number and the noun it counts, in a prose figure's subject ("von den 6 418 ELB insgesamt")
_COUNTED = re.compile(r"(?<![\d.,])(?!(?:19|20)\d\d\b)\d[\d .,]*\s+([^\W\d]\w*)")  # (not a year: "2022 Integrationen")
SUBSET_PENALTY = 0.3  # the figure of such a subject counts a part of that noun, not the noun
_DATE = re.compile(r"\b\d{1,2}\.\d{1,2}\.(?:19|20)?\d\d\b")
# "Arbeitswelt 4.0", "Industrie 4.0": part of a name, no figure
_VERSION_NAME = re.compile(r"(?<=[A-Za-zÄÖÜäöüß] )\d\.0\b")
# "§ 18 Abs. 4", "§§ 16e und 16i", "16h SGB II", "Gatekeeper U25": the name of a rule or a group, no figure
_REFERENCE = re.compile(r"§§?\s*\d+[a-z]?(?:\s*(?:Abs\.?|Satz|Nr\.?)\s*\d+)*(?:\s*(?:und|,|/|bis)\s*\d+[a-z]?\b)*"
                        r"|\b\d+[a-z]\b|\bU\s?\d\d\b|\bAbbildung\s+\d+")
# A column headed "%" or "Betrag in €" holds shares or amounts: "größter Anteil" must reach it.
_UNIT_WORDS = {"%": "Anteil Prozent", "€": "Betrag Euro"}
_SUBROW = re.compile(r"\bdavon\s+([^()]+)", re.I)
_PERSON_TERMS = frozenset(stem(w) for w in PERSON_WORDS)
_RATE = re.compile(r"\w+quote\b", re.I)  # a named rate: "Integrationsquote", "Aktivierungsquote"
# "Wie viel Geld ...": asking for an amount, not for the row "ESG (Einstiegs geld)" ("Kohle" is
# bridged to "Geld", lexicon.py)
_MONEY_TERM, _AMOUNT_TERM = stem("Geld"), stem("Betrag")
# words asking for money say which unit, not which row or sentence: "How much money ..." is no
# hit on "Verwaltungsbudget" or "Umschichtungsbetrag"
MONEY_STEMS = frozenset(stem(w) for w in ("Budget", "Betrag", "Mittel", "money", "Geld", "Kosten", "costs", "funds",
                                          "Aufwand"))
# words asking for a share say which unit, as money words do: "What share ..." is no hit on "Integrationsquote"
SHARE_STEMS = frozenset(stem(w) for w in ("Anteil", "Quote", "Prozent", "percent"))
_PARENTHESES = re.compile(r"\([^)]*\)")
_TOTAL_ROW = re.compile(r"^(gesamt|insgesamt|summe|total)\b", re.I)


# How much the passages retrieval ranks first count for a figure in their section: "What is the budget
# for rehab?" reaches 6.5 through its passages, not through the words of a figure's label.
CONTEXT_WEIGHT = 0.3
# A sub-row ("Integrationen (davon Frauen)") answers only a question that names what it narrows to.
SUBROW_PENALTY = 0.4
# A row of ages ("15 bis unter 25 Jahre") is the answer to a question naming those ages ("unter 25",
# "U25", "aged 15-24") and not to one naming others: age bounds are numbers, not words to match.
AGE_FIT = 0.5
# A question naming the head of a table's row labels ("Welche Maßnahmeart ...?") asks for one of its rows.
ROW_HEAD_BONUS = 0.2

# a row's label naming what it leaves out: "(ohne Kurzarbeit)"
_LEFT_OUT = re.compile(r"\((?:ohne|without|exkl\.|excluding)\s[^)]*\)", re.I)


class FactAnswers:
    """The corpus's figures, indexed once by what they count, where they stand and their number."""

    def __init__(self, facts: list[Fact], vectors: np.ndarray, lookup: Glossary,
                 section_titles: dict[tuple[str, str], str], document_years: dict[str, str], cite: Cite,
                 captions: Optional[dict[str, str]] = None, row_heads: Optional[dict[str, str]] = None,
                 pervasive: frozenset[str] = frozenset()):
        self.facts = facts
        # stems of words the whole programme is about ("kund", "jobcent"): naming one does not say which
        # figure ("Wie viele Kunden haben 2021 jobcenter.digital genutzt?" is no count of Kunden in 2021);
        # its years do ("Neueintritte 2022" is the column asked for)
        self.pervasive = pervasive
        self.vectors = vectors
        self.lookup = lookup
        self.section_titles = section_titles
        self.document_years = document_years
        self.cite = cite
        self.position = {id(f): i for i, f in enumerate(facts)}
        # a row is an instance of its table's row head: "Welche Maßnahmeart ...?" asks for a row of 1.2
        heads = [(row_heads or {}).get(f.table or "", "") for f in facts]
        self.keyword = KeywordIndex([f"{fact_text(f)} {_UNIT_WORDS.get(f.unit or '', '')} {head}"
                                     for f, head in zip(facts, heads)])
        self.row_heads = [frozenset(self.keyword.terms(head)) for head in heads]
        # Facts by where they stand and what they say, so that an answer never scans them all
        self.by_section: dict[tuple[str, str], list[Fact]] = {}
        self.by_table: dict[str, list[Fact]] = {}
        self.by_number: dict[float, list[Fact]] = {}
        for f in facts:
            self.by_section.setdefault((f.doc, f.section), []).append(f)
            if f.table:
                self.by_table.setdefault(f.table, []).append(f)
            if f.number is not None:
                self.by_number.setdefault(f.number, []).append(f)
        # What each fact counts (its subject), how it is labelled (measure, unit, section title) and,
        # for a table, the sentence that introduces it: stemmed once
        captions = captions or {}
        self.terms = []
        self.qualifiers: list[frozenset] = []
        for f, head in zip(facts, heads):
            # what a row leaves out is not what it counts: "Unterbeschäftigung (ohne Kurzarbeit)"
            subject = frozenset(self.keyword.terms(_LEFT_OUT.sub(" ", f.subject)))
            label = f"{f.measure} {_UNIT_WORDS.get(f.unit or '', '')} {section_titles.get((f.doc, f.section), '')}"
            caption = frozenset(self.keyword.terms(f"{captions.get(f.table or '', '')} {head}"))
            self.terms.append((subject, frozenset(self.keyword.terms(label)) | subject, caption))
            self.qualifiers.append(self._narrowed_by(f))
        self.ages = [age_range(f.subject) if f.table else None for f in facts]
        # the rates a table row states ("integrationsquote"): what its share is a share of
        self.rates = [frozenset(fold(w) for w in _RATE.findall(f"{f.subject} {f.measure}")) if f.table else frozenset()
                      for f in facts]
        # facts stating a change: "Steigerung um 20%", a row "Veränderung zum Vorjahr (…)" and the row
        # above it, which compose() answers with its change
        changed_rows = {(f.table, f.subject[len(f.measure):].strip(" ()")) for f in facts
                        if f.table and f.subject.startswith(f.measure) and STATES_A_CHANGE.search(f.measure)}
        self.states_change = {i for i, f in enumerate(facts) if STATES_A_CHANGE.search(f"{f.subject} {f.measure}")}
        self.with_change = self.states_change | {i for i, f in enumerate(facts) if (f.table, f.subject) in changed_rows}
        self.row_vocabulary = frozenset().union(*(t[0] for f, t in zip(facts, self.terms) if f.table))
        # by their first _FAMILY_PREFIX letters, which two stems of one word share (_word_family)
        self.row_families: dict[str, set[str]] = defaultdict(set)
        for s in self.row_vocabulary:
            self.row_families[s[:_FAMILY_PREFIX]].add(s)

    def _narrowed_by(self, f: Fact) -> frozenset:
        """What a sub-row narrows its parent row to: "Integrationen (davon Frauen)" -> Frauen,
        "Erwerbstätige ELB" (below "ELB") -> erwerbstätige."""
        m = _SUBROW.search(f.subject)
        if m:
            return frozenset(stem(w) for w in content_words(m.group(1)))
        if f.table:
            for g in self.by_table[f.table]:
                if g.subject != f.subject and f.subject.endswith(" " + g.subject):
                    return frozenset(stem(w) for w in content_words(f.subject[:-len(g.subject)]))
        return frozenset()

    def best(self, q: str, expanded: str, qvec: np.ndarray, terms: list[GlossaryTerm],
             mode: str = "hybrid", around: Optional[dict] = None, sections: frozenset = frozenset()) -> Optional[Fact]:
        """The fact the question asks for, or None when no figure of the asked unit and time fits.

        around: (doc, section) -> 0..1, how well passage retrieval ranked the section's chunks;
        sections: only facts of these (doc, section)s (the question names a part: "laut Abschnitt 3").
        """
        if not self.facts:
            return None
        dense = {}
        if mode != "keyword":
            sims = self.vectors @ qvec
            dense = {int(i): float(sims[i]) for i in np.argsort(-sims, kind="stable")[:60]}
        kw = dict(self.keyword.search(expanded, 60, skip=self.pervasive)) if mode != "dense" else {}
        fused = dict(blend(dense, kw, mode))
        years, months = asked_period(q)
        # "Personen", "Menschen" say nothing of which row: "schwerbehinderte Menschen" is not "Menschen"
        qterms = set(self.keyword.query_terms(YEAR_RE.sub(" ", expanded))) - TIME_TERMS - _PERSON_TERMS \
            - self.pervasive
        if _MONEY_TERM in qterms:  # "Wie viel Geld ...?" asks for an amount: the column "Betrag in €"
            qterms = (qterms - {_MONEY_TERM}) | {_AMOUNT_TERM}
        # "ausländische Arbeitslose" asks for the row "Ausländer", "Schwerbehinderung" for "schwerbehinderte"
        qterms |= {s for t in qterms - self.row_vocabulary for s in self.row_families.get(t[:_FAMILY_PREFIX], ())
                   if s not in qterms and _word_family(s, t)}
        term_forms = [term_pattern(t) for t in terms]
        idf = self.keyword.idf
        # what the question wants, read once: money, a share or a count; "ohne ..." or not
        wants_money, wants_share, wants_count = bool(MONEY_CUE.search(q)), bool(PERCENT_CUE.search(q)), \
            bool(COUNT_CUE.search(q))
        negated = polarity(q)
        ages = age_range(q)
        change = bool(CHANGE_CUE.search(q))
        share_of_people = bool(SHARE_OF_PEOPLE.search(q))
        scored, hits = [], {}
        for i, base in fused.items():
            f = self.facts[i]
            if sections and (f.doc, f.section) not in sections:
                continue
            if wants_share and not change and i in self.states_change:
                continue  # "What share of ... ?": a change ("Veränderung zum Vorjahr: -3,0 %") is no share
            subj_terms, label_terms, caption_terms = self.terms[i]
            overlap = math.fsum(idf.get(t, 0) for t in qterms & label_terms)
            # the table's introduction tells which table, not which row: it adds to the score only
            context = math.fsum(idf.get(t, 0) for t in (qterms & caption_terms) - label_terms)
            subject_hit = math.fsum(idf.get(t, 0) for t in (qterms - MONEY_STEMS) & subj_terms)
            # words of the subject the question does not ask for ("Männer" when asking for all)
            extra = math.fsum(idf.get(t, 0) for t in subj_terms - qterms if t in idf)
            named = bool(term_forms) and any(p.search(f.subject) or p.search(f.source_text) for p in term_forms)
            score = base + 0.05 * (overlap + context) + 0.1 * subject_hit - 0.02 * extra + (0.4 if named else 0.0)
            if not f.table and any(stem(m.group(1)) in qterms for m in _COUNTED.finditer(f.subject)):
                score -= SUBSET_PENALTY  # "von den 6 418 ELB insgesamt 4.262": another number counts the asked ELB
            if self.qualifiers[i] and not self.qualifiers[i] & qterms:
                score -= SUBROW_PENALTY  # "(davon Frauen)" when the question does not ask for women
            if wants_money and f.unit == "€":
                score += 0.25
            if wants_share and f.unit == "%":
                score += 0.25
            if wants_count and f.unit not in ("€", "%"):
                score += 0.15
            if f.table:
                score += 0.05  # tables state figures more precisely than prose
            if around:
                score += CONTEXT_WEIGHT * around.get((f.doc, f.section), 0.0)
            if negated != polarity(_PARENTHESES.sub("", f.subject)):  # not "(ohne Kurzarbeit)": it defines
                score -= 0.3  # "mit abgeschlossener Berufsausbildung" is not "Ohne abgeschlossene ..."
            if self.row_heads[i] & qterms:
                score += ROW_HEAD_BONUS
            if ages and self.ages[i]:
                score += AGE_FIT if ages_fit(ages, self.ages[i]) else -AGE_FIT
            if share_of_people and self.rates[i] and not named and not _names_rate(self.rates[i], qterms):
                continue  # "what share of our benefit recipients are women": not the Integrationsquote (davon Frauen)
            if overlap > 0 or named:
                scored.append((score, i))
                hits[i] = subject_hit
        unit = asked_unit(q)
        if unit:  # a rate is not answered by a count, nor an amount by a share
            scored_all = scored
            scored = [(sc, i) for sc, i in scored if self.facts[i].unit == unit]
            if unit == "%" and not asked_noun(q) \
                    and any(self._names_more_than_a_share(i, qterms) for _, i in scored_all):
                # "What share of our foreign customers ...": the rows naming them are counts; a table's
                # share matching the word "share" only (the Integrationsquote's 25,4 %) is no answer.
                # (A named rate, "the activation rate", is checked by the engine against what it is of.)
                scored = [(sc, i) for sc, i in scored
                          if not self.facts[i].table or self._names_more_than_a_share(i, qterms)]
        if years or months or names_last_year(q):
            named = max(scored)[1] if scored else None
            scored = [(s, i) for s, i in scored if self.fits_time(self.facts[i], years, months, q)]
            # the row the question names is not given for the asked time ("Deutsche" are counted
            # for November only): a row that is given for it is not the answer, unless it states the
            # change asked for ("increase ... last year": "im vergangenen Jahr von bisher 12 auf 18 erhöht")
            if scored and named is not None and self.facts[named].table and hits[named] > hits[max(scored)[1]] \
                    and not (change and max(scored)[1] in self.with_change) \
                    and not any(self.facts[i].subject == self.facts[named].subject for _, i in scored):
                return None
        if not scored:
            return None  # nothing the question names is what a figure of that unit and time counts
        if change:  # a change is not answered by a level with no change ("FbW – %: 14,4 %" for "um wie viel steigt")
            scored = [(s, i) for s, i in scored if i in self.with_change] or scored
        extreme = SUPERLATIVE.search(q)
        tabled = [(s, i) for s, i in scored if self.facts[i].table] if extreme else []
        best = max(tabled or scored)[1]
        f = self.facts[best]
        if not f.table and f.number is not None and _COUNTED.search(f.subject):
            # a sentence repeating a table's figure beside another one ("von den 6.418 ELB insgesamt
            # 4.262 ..."), with no asked word the row lacks: the row names what it counts, and when
            rows = [(sc, i) for sc, i in scored if self.facts[i].table and self.facts[i].number == f.number
                    and hits[i] >= hits[best]]
            if rows:
                f = self.facts[max(rows)[1]]
        if extreme and f.table:  # "Welche Maßnahmeart hat den größten Anteil?": compare a table's column
            column = [g for g in self.by_table[f.table] if g.measure == f.measure
                      and g.period == f.period and g.number is not None and not _TOTAL_ROW.match(g.subject)
                      and not g.subject.lower().startswith("davon")]
            if column:
                pick = min if extreme.group("low") else max
                return pick(column, key=lambda g: g.number)
        return f

    def _names_more_than_a_share(self, i: int, qterms: set[str]) -> bool:
        """Whether fact i's subject, row or table caption shares a word with the question other than
        one asking for a share ("Anteil", "Quote")."""
        return bool((qterms & set().union(*self.terms[i])) - SHARE_STEMS)

    def is_share_of_money(self, f: Fact) -> bool:
        """A share in a row of amounts: the budget table's "%" is a share of the money, not of people."""
        return f.unit == "%" and bool(f.table) and any(g.unit == "€" and g.subject == f.subject
                                                       for g in self.by_table[f.table])

    def fits_time(self, f: Fact, years: set[str], months: set[str], q: str = "") -> bool:
        """Whether a fact is about the asked year and month.

        A figure states its time in its period or sentence; an undated figure of a programme
        ("Geplante Eintritte: 136") is about the programme's own year. A question naming two
        years ("2020 und 2021") asks about each: a figure for either fits. A time the figure is
        compared with ("236 ELB weniger als im August 2019") is not its time, unless q compares too.
        """
        text = of_own_time(f.source_text, q)
        # a period read from the sentence goes with the time it was compared with
        period = f.period if f.period and (f.table or f.period in text or f.period not in f.source_text) else ""
        when = f"{period} {text}"
        dated = bool(YEAR_RE.search(when))
        own_year = self.document_years.get(f.doc)
        if own_year and names_last_year(q) and not years:
            # "How many ... last year?": the year before the programme's; a sentence saying "im
            # vergangenen Jahr" is of that year, a plan column "Neueintritte 2022" is not
            before = str(int(own_year) - 1)
            years = {before}
            if not f.table and names_last_year(text):
                when, dated = f"{when} {before}", True
        in_year = [y in when or (not dated and y == own_year) for y in years]
        year_ok = any(in_year) if len(years) > 1 else all(in_year)
        return year_ok and (not months or any(m in when for m in months))

    def stated_in(self, sentence: str, doc: str, section: str) -> list[Fact]:
        """The parsed prose facts of a sentence."""
        return [f for f in self.by_section.get((doc, section), []) if not f.table
                and f.source_text and sentence in f.source_text and f.value in sentence]

    def compared(self, f: Fact, q: str, expanded: str, terms: Iterable[GlossaryTerm] = ()) -> list[Fact]:
        """Other cells of f's table that the question names as well.

        - Another row of f's column ("für Frauen und für Männer"): every word that sets it apart
          from f is in the question, and so is a word that sets f apart from it ("Arbeitslose"
          alone does not name "davon Langzeitarbeitslose (Arbeitslose)"); or the row names an
          abbreviation of the question that f's row does not ("AGH oder EGZ?").
        - f's row in another period the question names ("im September 2020 und 2021").
        """
        if not f.table:
            return []
        qterms = set(self.keyword.query_terms(expanded))
        years = years_in(q)
        months = months_in(q)
        own = self.terms[self.position[id(f)]][0]
        forms = [term_pattern(t) for t in terms]
        own_named = {k for k, p in enumerate(forms) if p.search(f.subject)}
        out = []
        for g in self.by_table[f.table]:
            if g is f or g.measure != f.measure:
                continue
            if g.period == f.period:
                theirs = self.terms[self.position[id(g)]][0]
                named = {k for k, p in enumerate(forms) if p.search(g.subject)}
                if (theirs - own and theirs - own <= qterms and (own - theirs) & qterms) or (named - own_named and own_named):
                    out.append(g)
            elif g.subject == f.subject and len(years) > 1 and self.fits_time(g, years, months):
                out.append(g)
        return out

    def compose(self, q: str, f: Fact, also: list[Fact] = ()) -> Answer:
        """The figure as printed, its row, its section, and the other sections stating it.

        `also`: other cells of f's table the question asks about, said alongside in table order.
        """
        cells = sorted([f, *also], key=lambda g: self.position[id(g)])
        row: list[Fact] = []
        if f.table:
            # the rest of its row, and the change row below it ("Veränderung zum Vorjahr (…)")
            row = [g for g in self.by_table[f.table] if g is not f and (
                (g.subject == f.subject and g.source_text == f.source_text) or g.subject.endswith(f"({f.subject})")
                and g.subject.startswith(g.measure))]
        # the same figure elsewhere (FbW 150 in 1.2 and "ca. 150" in 6.4)
        same = [g for g in self.by_number.get(f.number, []) if g is not f
                and g.section != f.section and g.doc == f.doc and _related(f, g, self.lookup)]
        if f.table and also:
            head = "; ".join(_cell(g) for g in cells)
        elif f.table:
            head = _cell(f)
            if row and not _is_period_table(f):
                head += " (" + "; ".join(f"{g.measure}: {_with_unit(g)}" for g in row) + ")"
        else:
            head = f"„{trim(f.source_text, 300, around=f.value)}“"
        title = self.section_titles.get((f.doc, f.section), "")
        parts = [f"{head} — {source_line(f.section, title)}."]
        citations = [self.cite(f.doc, f.section, f.source_text, page=f.page)]
        stated_elsewhere: list[Fact] = []
        for g in same:
            if g.section == f.section or any(g.section == h.section for h in stated_elsewhere):
                continue
            gtitle = self.section_titles.get((g.doc, g.section), "")
            parts.append(f"Dieselbe Zahl nennt auch {g.section} {gtitle}: „{trim(g.source_text, 200, around=g.value)}“")
            citations.append(self.cite(g.doc, g.section, g.source_text, page=g.page))
            stated_elsewhere.append(g)
        listed = list({id(g): g for g in cells + stated_elsewhere + row}.values())  # each cell once
        return Answer(q, "fact", limit_answer(" ".join(parts)), citations=citations[:4], facts=listed)


# a sentence that opens by narrowing what its figures count to a group or status: "Hinsichtlich des
# Status § 10 SGB II sind Frauen mit 68% ..." is not the share of women among all recipients
_FRAMED = re.compile(r"^(?:hinsichtlich|bezüglich|in\s+bezug\s+auf|im\s+hinblick\s+auf|mit\s+blick\s+auf|"
                     r"bezogen\s+auf|innerhalb)\s+(.+?)\s+(?:ist|sind|gilt|gelten|hat|haben|wird|werden|liegt|"
                     r"liegen|beträgt|betragen)\b", re.I)


def framed_by(sentence: str) -> frozenset:
    """What a sentence narrows all its figures to at its start: "Hinsichtlich des Status § 10 SGB II
    sind Frauen mit 68% ..." -> the stems of "Status § 10 SGB II"; empty for a sentence with no frame."""
    m = _FRAMED.match(sentence)
    return frozenset(stem(w) for w in content_words(m.group(1))) if m else frozenset()


def is_prose(f: Fact) -> bool:
    """A figure inside a sentence, not a table cell or a "Label: Wert" line."""
    return not f.table and not _LABEL_LINE.match(f.source_text)


def states_figure(text: str, q: str) -> bool:
    """Whether a sentence states a figure beyond those the question itself names ("15 bis 24"); a
    year or a date is one only for a question asking since when."""
    text = _REFERENCE.sub(" ", _VERSION_NAME.sub(" ", text))
    if not DATE_CUE.search(q):  # "im gesamten Jahr 2021", "seit dem 01.07.2019" say when, not how many
        text = YEAR_RE.sub(" ", _DATE.sub(" ", text))
    asked = set(_NUMBER.findall(q))
    if any(n not in asked for n in _NUMBER.findall(text)):
        return True
    return bool(HAS_FIGURE.search(re.sub(r"\d", " ", text)))


def counts(text: str, head: str) -> bool:
    """Whether a figure stands right before a noun starting with head (a stem): "172 Mitarbeiterinnen",
    "zweieinhalb Betriebsakquisiteure", "24 Personen nach § 16i", "ein Drittel der Leistungsberechtigten",
    "10 kooperative BaE-Ausbildungsplätze" (two words may come between)."""
    folded = fold(text)
    return _figure_before(text, head) is not None \
        or bool(re.search(r"\b(?:an)?zahl\s+der\s+(?:\S+\s+){0,2}?\S*" + re.escape(head), folded)) \
        or bool(re.search(re.escape(head) + r"\w*:\s*\d", folded))


def counts_more(text: str, head: str) -> bool:
    """Whether the figure before a noun counts some more of them, not all: "drei weitere Mitarbeiterinnen"."""
    m = _figure_before(text, head)
    return bool(m and SOME_MORE.search(m.group(1)))


def _figure_before(text: str, head: str) -> Optional[re.Match]:
    # a year ("in 2021 durch die AGS-Mitarbeitenden") counts nothing
    figure = r"(?:(?<![\d.,])(?!(?:19|20)\d\d\b)\d[\d.,]*|" + _NUMBER_WORDS + r"|drittel|viertel|funftel|halfte)"
    return re.search(figure + r"\s+((?:\S+\s+){0,2}?)(?:\S+-)?\w*" + re.escape(head), fold(text))


def unit_fit(q: str, f: Fact) -> float:
    """How well a fact's unit suits what the question asks for (money, share or count)."""
    if MONEY_CUE.search(q):
        return float(f.unit == "€")
    if PERCENT_CUE.search(q):
        return float(f.unit == "%")
    return float(f.unit not in ("€", "%"))


def _names_rate(rates: frozenset[str], qterms: set[str]) -> bool:
    """Whether the question's terms name one of the rates: a term (5 letters or more) beginning it
    ("integration" of "integrationsquote"); "share", "Anteil" alone ask for any share."""
    return any(rate.startswith(t) for rate in rates for t in qterms if len(t) >= 5)


def _word_family(a: str, b: str) -> bool:
    """Two stems of one word, told apart by a derivational ending only: "ausland"/"auslandisch"
    (Ausländer, ausländische), "schwerbehindert"/"schwerbehinderung", "integriert"/"integration";
    not two compounds that share their first part ("integrationsquot"/"integrationsziel",
    "arbeitslos"/"arbeitswelt")."""
    shared = len(os.path.commonprefix([a, b]))
    return a != b and shared >= _FAMILY_PREFIX and a[shared:] in _ENDINGS and b[shared:] in _ENDINGS


_FAMILY_PREFIX = 6
_ENDINGS = {"", "isch", "lich", "ig", "ung", "er", "t", "te", "end", "iert", "ation"}  # "integriert"/"Integration"


def _cell(f: Fact) -> str:
    """A table cell with its row and column: "Integrationen (davon Frauen) – Integrationen: 544"."""
    if f.period and _is_period_table(f):
        return f"{f.subject} – {f.period}: {_with_unit(f)}"
    return f"{f.subject} – {f.measure}: {_with_unit(f)}"


def _with_unit(f: Fact) -> str:
    if f.unit and f.unit not in f.value:
        return f"{f.value} {f.unit}"
    return f.value


def _is_period_table(f: Fact) -> bool:
    return bool(f.period and re.search(r"[A-Za-zä]", f.period))


def _related(f: Fact, g: Fact, lookup: Glossary) -> bool:
    """Two facts with the same number talk about the same thing: a shared abbreviation or word."""
    fa = {t.abbr for t in lookup.find_in(f.subject + " " + f.source_text, fuzzy=False)}
    ga = {t.abbr for t in lookup.find_in(g.subject + " " + g.source_text, fuzzy=False)}
    if fa & ga:
        return True
    fw = {stem(w) for w in content_words(f.subject + " " + f.measure) if len(w) > 4}
    gw = {stem(w) for w in content_words(g.source_text) if len(w) > 4}
    return len(fw & gw) >= 2
