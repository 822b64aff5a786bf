"""Choosing the sentences that answer a question, from the passages retrieval found.

Retrieval ranks chunks; a caseworker wants the one to three sentences that answer. Every
sentence of the best chunks is scored on its own (dense + keyword, fused), by the rank of its
chunk, by phrases it shares with the question ("Phase 4") and by whether it is the kind of
sentence the question asks for (a reason for "warum", a role for "wer", a place for "wo", a target
group for "für wen", a list for "welche", the step of a model for "die zweite Phase", the sentence
introducing a name for "Was ist ...?"). The best one is then widened into a short, readable window:

- a sentence that opens a list ("Besonders beobachtet werden:") brings its list items, even
  when a chunk border falls between them;
- otherwise neighbours are added while they fit (three sentences at most, MAX_WINDOW_CHARS):
  the one before first when the best one leans on it ("Sie stellt ..."), then always the
  side whose next sentence adds the rarer question words the window still lacks, or else
  scores higher. Answers often sit a sentence or two away from the best-matching one
  ("Denn ...", "Das Motto ist nun: ...").

Sentences are kept in document order, so neighbours are index neighbours within a section.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Optional

import numpy as np

from .chunks import NUMBERED_STEP, is_table_row
from .fusion import blend, minmax
from .keyword import KeywordIndex, content_words, fold, stem, words
from .records import Chunk

MAX_WINDOW_CHARS = 560  # an answer has 600 characters, with the quote marks and " — Abschnitt 6.4 Title."
MIN_LIST_ITEMS = 3    # a window that reaches a list shows at least this many of its items
CHUNK_WEIGHT = 0.3    # how much the chunk's own rank counts beside the sentence's score
PHRASE_BONUS = 0.1    # per pair of question words that stand side by side in the sentence
ANSWER_TYPE_BONUS = 0.15
STEP_BONUS = 1.0  # a sentence opening the step the question asks for ("Phase 2: ..."): it is the answer
REASON_GAIN = 2.0  # for a why-question, a neighbour giving a reason adds as much as a question word of this idf
TITLE_WEIGHT = 0.5   # a question word in the section's title counts for each of its sentences at this weight

# First words of a sentence that continues the one before it: without that one it is unclear.
_LEANS_BACK = re.compile(
    r"^(sie|diese[rsmn]?|dies|dabei|hierbei|hierzu|hierfür|dazu|daher|deshalb|deswegen|damit|darüber|"
    r"darauf|dadurch|somit|zudem|außerdem|ferner|allerdings|jedoch|trotzdem|hintergrund|insgesamt|"
    r"gleichzeitig|gleichwohl|hinzu|ebenso|entsprechend|denn|dort|insoweit|insofern|folglich|demnach|demzufolge|"
    r"darum|hierdurch|hiermit|diesbezüglich|"
    r"so\s+(?:wurden?|werden|wird|ist|sind|war|waren|hat|haben|konnten?|können|kann))\b"  # "So wurden in 2021 ..."
    # a demonstrative among the first words: "Durch dieses zusätzliche Controlling-Instrument ...",
    # "Über diese Befragung wollen wir ..."
    r"|^(?:\S+\s+){1,2}(?:diese[rsmn]?|dies)\b", re.I)
# "Phase 2", "die zweite Phase", "the last step": a question asking for one step of a model
_STEP_NOUN = r"(?:phase|schritt|stufe|step|stage)"
_ORDINALS = {"erst": 1, "first": 1, "zweit": 2, "second": 2, "dritt": 3, "third": 3, "viert": 4,
             "fourth": 4, "fünft": 5, "fifth": 5, "letzt": 0, "last": 0, "final": 0}
_ASKED_STEP = re.compile(rf"\b{_STEP_NOUN}\s+(\d)\b"
                         rf"|\b(erst|zweit|dritt|viert|fünft|letzt)(?:e[nmrs]?)?\s+{_STEP_NOUN}\b"
                         rf"|\b(first|second|third|fourth|fifth|last|final)\s+{_STEP_NOUN}\b", re.I)

_WHY_QUESTION = re.compile(r"^\s*(warum|wieso|weshalb|weswegen|why|how\s+come)\b|\bwhat\s+for\b|\bgr[üu]nde?\b|"
                           r"\breasons?\b", re.I)
_REASON = re.compile(r"\b(denn|weil|da\s|aufgrund|grund|gründe|hintergrund|deshalb|daher|deswegen|dadurch|"
                     r"bedingt|zurückzuführen|ursache|erklärt\b|erklären\b|erklärung)", re.I)
# "Wer entscheidet ...?", "Who has to authorise ...?", "How ... – who signs off ...?": a sentence naming
# a role answers ("Which specialised staff handle ...?", "Welche Fachkräfte ...?" ask who as well)
# (not "Who is it meant for?": a target group)
_WHO_QUESTION = re.compile(r"(?:^|\s[–—-]\s|[?;]\s)\s*(?:in\s+[^,?]+,\s*)?(?:wer|who)\b"
                           r"(?![^?]*\b(?:meant|aimed|intended|designed)\s+(?:for|at)\s*\??\s*$)"
                           r"|^\s*(?:which|welche[nrsm]?)\s+(?:[\w-]+\s+)?"
                           r"(?:staff|employees|specialists|experts|roles|mitarbeite\w*|fachkräfte|spezialist\w*)\b",
                           re.I)
_ROLE = re.compile(r"\b(?:führungskr|fachkr|mitarbeiter|leitung|teamleit|geschäftsführ|beratungsfachkr|"
                   r"integrationsfachkr|jobcoach|vermittler|fallmanager|ansprechpartner|\w*akquisiteur|"
                   r"\w*spezialist)\w*", re.I)
# "Wo soll das BOZ entstehen?", "Where ...?": a sentence naming a place answers
# ("Where is the demand coming from?" asks for a cause)
_WHERE_QUESTION = re.compile(r"^\s*(?:wo|where)\b(?![^?]*\b(?:comes?|coming|stems?)\s+from\b)"
                             r"|\ban\s+welche[mn]\s+(?:ort|standort)", re.I)
_PLACE = re.compile(r"\b(?:standort\w*|orte?n?\b|vor\s+ort|erreichbar\w*|dezentral\w*|zentral\w*|gemeinde\w*|"
                    r"kreisgebiet|räumlich\w*|ländlich\w*)", re.I)
# "Who are work opportunities meant for?", "Für wen ist das gedacht?": a target group answers, not a role
_FOR_WHOM_QUESTION = re.compile(r"\bfür\s+wen\b|\ban\s+wen\s+richte|\bwhich\s+target\s+groups?|\bwelche\s+zielgrupp|"
                                r"\b(?:meant|aimed|intended|designed)\s+(?:for|at)\s*\??\s*$", re.I)
_TARGET_GROUP = re.compile(r"\bzielgrupp\w*|\brichte[nt]\s+sich\s+an\b", re.I)
# "Which appointments get priority?", "Was hat Vorrang?": a sentence naming what comes first answers
_PRIORITY_QUESTION = re.compile(r"\bpriorit\w*|\bvorrang\w*|\bam\s+wichtigsten\b|\bmost\s+important\b|"
                                r"\bwichtigste[nrs]?\b|\bcome\s+first\b", re.I)
_PRIORITY = re.compile(r"\bwichtigst\w*|\bvorrang\w*|\bpriorit\w*|\bnachrangig\w*|\bin\s+erster\s+linie\b", re.I)
# "What's the point of ...?", "Wozu dient ...?", "Was ist das Ziel ...?": a sentence naming an aim answers
# ("Ziel ist es, durch intensive Zusammenarbeit ... die Zeit bis zur realen Hilfe so kurz wie möglich zu halten")
_PURPOSE_QUESTION = re.compile(r"\bwhat(?:['’]s|\s+is)\s+the\s+(?:point|purpose|aim|goal|idea)\b|\bwhat\s+for\b|"
                               r"\bpurpose\b|\bwozu\b|\bzweck\w*|\b(?:meant|supposed|intended)\s+to\s+achieve\b|"
                               r"\bwas\s+ist\s+das\s+ziel\b|\bwelche[sn]?\s+ziele?\b", re.I)
_PURPOSE = re.compile(r"\bziel\w*|\bzweck\w*|\bum\b[^.;:]{3,120}?\bzu\b|\bdamit\b|\bdien(?:t|en)\b", re.I)
# what a question of each kind wants a sentence to say, and how many times ANSWER_TYPE_BONUS that
# counts: a reason, a place; a role, which few sentences name ("Neuanträge immer durch die Führungskraft"
# may stand in a chunk ranked below the section's others); a sentence naming the target group
# ("Zielgruppe sind dabei ...") says for whom in so many words; an aim, twice (from 179 wrong of the older
# own questions: 1 and 2 and 3 all 178, 2 and 3 also dev19's z053 right; held-out 252 all three)
_ANSWER_TYPES = [(_WHY_QUESTION, _REASON, 1), (_WHO_QUESTION, _ROLE, 3), (_WHERE_QUESTION, _PLACE, 1),
                 (_FOR_WHOM_QUESTION, _TARGET_GROUP, 5), (_PRIORITY_QUESTION, _PRIORITY, 1),
                 (_PURPOSE_QUESTION, _PURPOSE, 2)]
# "What is the 4-Phasen-Modell?", "Was ist Gatekeeper U25?": the sentence that introduces the name answers
# ("nach dem ... Integrationskonzept der BA (4-Phasen-Modell)", "mittels des Projekts „Gatekeeper U25“"),
# though a later one repeats it word for word ("Das Projekt Gatekeeper U25 hat sich ... bewährt")
_DEFINITION_QUESTION = re.compile(r"^\s*(?:what(?:\s+exactly)?(?:['’]s|\s+is|\s+are)\b"
                                  r"(?!\s+(?:the\s+)?(?:[\w-]+\s+)?(?:reasons?|aims?|goals?|objectives?|tasks?)\b)"
                                  # (not "Was ist aus den abH geworden?", "Was ist mit ...?")
                                  r"|was\s+(?:genau\s+)?(?:ist|sind|bedeutet|heißt)\b"
                                  r"(?!\s+(?:aus|mit|bei|an|von|für)\b)"
                                  r"|what\s+is\s+meant\b|was\s+versteh)", re.I)
# a name in quotes or brackets, "die sogenannte Beratungsaktivität", "Unter Beratungsaktivität verstehen wir"
_INTRODUCED_NAME = re.compile(r"„([^“”„]{3,60})[“”]|\(([^()]{3,60})\)|\bsogenannte[nmrs]?\s+([\w-]+)"
                              r"|\bunter\s+([\w-]+)\s+versteh", re.I)
DEFINITION_WEIGHT = 3  # times ANSWER_TYPE_BONUS: few sentences introduce a name, and that one defines it
# (also the question's last clause: "What can an AGH do for a customer – what are its aims?")
_LIST_QUESTION = re.compile(r"(?:^|\s[–—-]\s|[?;]\s)\s*"
                            r"(welche[n]?|which|what\s+are|was\s+sind|nenne|list|wer\s+sind)\b", re.I)


@dataclass(frozen=True)
class SentenceRef:
    """Where a sentence sits: its chunk and the (doc, section) it belongs to."""

    chunk: int
    section: tuple[str, str]


class SentenceIndex:
    """All sentences with their stemmed terms (computed once) and their place in the document.

    sentences: the index's sentence records, a list's opening with its items' ids (chunks.mark_lists);
    list_vectors: one vector per list, its opening with its items, in the order of the openings.
    """

    def __init__(self, sentences: list[dict], chunks: list[Chunk], vectors: np.ndarray, keyword: KeywordIndex,
                 list_vectors: Optional[np.ndarray] = None):
        self.texts = [s["text"] for s in sentences]
        # a sentence's place in a bulleted list: "item" opens a list item, "more" continues one
        self.list_place = [s.get("list", "") for s in sentences]
        self.refs = [SentenceRef(s["chunk"], (chunks[s["chunk"]].doc, chunks[s["chunk"]].section))
                     for s in sentences]
        self.vectors = vectors
        self.keyword = keyword
        self.terms = [frozenset(keyword.terms(t)) for t in self.texts]
        # the words of a sentence's section title: what every sentence of the section is about
        self.title_terms = [frozenset(keyword.terms(chunks[s["chunk"]].title)) for s in sentences]
        # word pairs of the section's title ("16e 16i"): the topic of every sentence there
        title_pairs = [_pairs(c.title) for c in chunks]
        self.pairs = [_pairs(t) | title_pairs[s["chunk"]] for t, s in zip(self.texts, sentences)]
        self.by_chunk: dict[int, list[int]] = {}
        for i, ref in enumerate(self.refs):
            self.by_chunk.setdefault(ref.chunk, []).append(i)
        self.by_section: dict[tuple[str, str], list[int]] = {}
        for i, ref in enumerate(self.refs):
            self.by_section.setdefault(ref.section, []).append(i)
        # the names each sentence introduces (folded): what a what-is question may ask about
        self.introduced = [_introduced_names(t) for t in self.texts]
        self.list_items = {i: s["items"] for i, s in enumerate(sentences) if s.get("items")}
        # a list's opening is scored by the better of its own vector and the whole list's
        self.list_vectors = dict(zip(sorted(self.list_items), list_vectors)) if list_vectors is not None else {}
        self.intro_of = {item: intro for intro, items in self.list_items.items() for item in items}

    def in_sections(self, sections: set[tuple[str, str]]) -> list[int]:
        """Ids of the sentences of the given (doc, section)s, in document order."""
        return sorted(i for key in sections for i in self.by_section.get(key, []))

    def __len__(self) -> int:
        return len(self.texts)

    def _same_section(self, i: int, j: int) -> bool:
        return 0 <= j < len(self.texts) and self.refs[i].section == self.refs[j].section

    def is_table_row(self, i: int) -> bool:
        return is_table_row(self.texts[i])

    # ------------------------------------------------------------ scoring

    def keyword_scores(self, ids: list[int], qterms: set[str]) -> dict[int, float]:
        """Sum of the idf of the question terms each sentence holds.

        A sentence that leans on the one before ("Sie stellt die Differenz ... dar") is about
        that one's subject too, so its terms count at half weight; so do the words of its
        section's title ("Neukunden" for every sentence of 5.2, which mostly says "Kunden").
        """
        idf = self.keyword.idf
        out = {}
        for i in ids:
            own = qterms & self.terms[i]
            score = math.fsum(idf.get(t, 0.0) for t in own)
            if self.leans_back(i):
                score += 0.5 * math.fsum(idf.get(t, 0.0) for t in (qterms & self.terms[i - 1]) - own)
                own = own | (qterms & self.terms[i - 1])
            score += TITLE_WEIGHT * math.fsum(idf.get(t, 0.0) for t in (qterms & self.title_terms[i]) - own)
            out[i] = score
        return out

    def leans_back(self, i: int) -> bool:
        """Sentence i leans on the one before it in its section ("Sie stellt ...", "So wurden ...")."""
        return bool(_LEANS_BACK.match(self.texts[i])) and self._same_section(i, i - 1)

    def scores(self, ids: list[int], expanded: str, qvec: np.ndarray, mode: str = "hybrid") -> dict[int, float]:
        """Dense and keyword scores of the given sentences, fused (0..1). A list's opening ("Maßgebliche
        Erfolgsfaktoren für unsere Arbeit bleiben dabei unverändert:") is as close to the question as the
        closer of itself and the whole list ("What makes case management successful?")."""
        if not ids:
            return {}
        dense = {i: float(s) for i, s in zip(ids, self.vectors[ids] @ qvec)}
        for i in ids:
            if i in self.list_vectors:
                dense[i] = max(dense[i], float(self.list_vectors[i] @ qvec))
        keyword = self.keyword_scores(ids, set(self.keyword.query_terms(expanded)))
        return dict(blend(dense, keyword, mode))

    def rank(self, ranked_chunks: list[tuple[int, float]], expanded: str, qvec: np.ndarray,
             mode: str = "hybrid", question: str = "") -> list[tuple[int, float]]:
        """Sentences of the given chunks (the caller picks how many), best first.

        Score = fused sentence score + CHUNK_WEIGHT x the chunk's scaled score + PHRASE_BONUS per
        word pair shared with the sentence or its section's title (a sentence repeating the title's
        "§§ 16e und 16i" is no likelier the answer than its neighbours) + ANSWER_TYPE_BONUS when the
        sentence is what the question type wants (DEFINITION_WEIGHT times it for the sentence introducing
        the name a what-is question asks about).
        A list counts as one unit: its opening sentence carries the best score of its items.
        """
        chunk_score = minmax(dict(ranked_chunks))
        ids = [i for cid in chunk_score for i in self.by_chunk.get(cid, [])]
        step = asked_step(question)
        if step is not None:  # the steps found bring the model's others: the last may be in another chunk
            ids += self._other_steps(ids)
        own = self.scores(ids, expanded, qvec, mode)
        qpairs = _pairs(question) if mode != "dense" else set()
        wanted = [(kind, w) for asks, kind, w in _ANSWER_TYPES if asks.search(question)]
        defines = definition_asked(question)
        total = {}
        for i in ids:
            score = own.get(i, 0.0) + CHUNK_WEIGHT * chunk_score.get(self.refs[i].chunk, 0.0)
            if qpairs:
                score += PHRASE_BONUS * min(2, len(qpairs & self.pairs[i]))
            score += ANSWER_TYPE_BONUS * sum(w for kind, w in wanted if kind.search(self.texts[i]))
            if self.introduces_asked(i, defines):
                score += ANSWER_TYPE_BONUS * DEFINITION_WEIGHT
            total[i] = score
        if step is not None:
            numbered = {i: int(m.group(1)) for i in total if (m := NUMBERED_STEP.match(self.texts[i]))}
            wanted = step or max(numbered.values(), default=0)  # 0: the last one
            for i, n in numbered.items():
                if n == wanted:
                    total[i] += STEP_BONUS
        if _LIST_QUESTION.search(question):
            for i in list(total):
                intro = i if i in self.list_items else self.intro_of.get(i)
                if intro is not None:
                    total[intro] = max(total.get(intro, 0.0), total[i]) + (ANSWER_TYPE_BONUS if i == intro else 0.0)
        return sorted(total.items(), key=lambda kv: -kv[1])

    def _other_steps(self, ids: list[int]) -> list[int]:
        """The numbered steps ("Phase 4: ...") of the sections where ids hold one, not among ids."""
        sections = {self.refs[i].section for i in ids if NUMBERED_STEP.match(self.texts[i])}
        have = set(ids)
        return [j for key in sections for j in self.by_section[key]
                if j not in have and NUMBERED_STEP.match(self.texts[j])]

    # ------------------------------------------------------------ the answer window

    def window(self, best: int, scores: dict[int, float], expanded: str = "", question: str = "") -> list[int]:
        """The best sentence widened to what a reader needs to understand it (document order).

        The sentence before comes first when the best one leans on it ("Sie stellt ..."); then
        the window grows, one sentence at a time, toward the neighbour that adds question words
        the window lacks ("Motto" after "Zusammenarbeit von Reha-Trägern und Jobcentern"), else
        toward the one that scores higher, so an answer two sentences after the best match is
        still shown. For a why-question (question) a neighbour giving a reason ("Denn ...",
        "aufgrund ...") adds REASON_GAIN. A best match inside a bulleted item of several sentences
        keeps to its item. For a what-is question whose best match introduces the name asked about,
        the window starts at the first sentence introducing it, leaves out neighbours introducing
        other names, and takes the sentence after it even when that fits only in part.
        """
        qterms = frozenset(self.keyword.query_terms(expanded))
        why = bool(_WHY_QUESTION.search(question))
        item = self._item(best)
        if len(item) > 1:  # a list item of several sentences reads like a paragraph of its own
            def allowed(j: int) -> bool:
                return j in item
        else:
            best = self.intro_of.get(best, best)
            if best in self.list_items:  # with the sentence it leans on ("Sie werden durch ...:")
                chosen, size = [best], len(self.texts[best])
                if self.leans_back(best) and best - 1 not in self.intro_of and self._fits(best, best - 1, size):
                    chosen, size = [best - 1, best], size + 1 + len(self.texts[best - 1])
                return self._with_list(best, chosen, size, scores, best)

            def allowed(j: int) -> bool:
                return j not in self.intro_of
        asked = definition_asked(question)
        defining = self.introduces_asked(best, asked)
        if defining:
            # the first of the sentences introducing it ("die sogenannte Beratungsaktivität. Unter
            # Beratungsaktivität verstehen wir ...")
            while allowed(best - 1) and self._same_section(best, best - 1) and self.introduces_asked(best - 1, asked):
                best -= 1
            plain = allowed

            def allowed(j: int) -> bool:  # not a neighbour introducing something else ("Projekt „Wasserschloss“")
                return plain(j) and (not self.introduced[j] or self.introduces_asked(j, asked))
        chosen = [best]
        size = len(self.texts[best])
        if self.leans_back(best) and allowed(best - 1) and self._fits(best, best - 1, size):
            chosen.append(best - 1)
            size += len(self.texts[best - 1])
        while len(chosen) < 3:
            sides = [j for j in (min(chosen) - 1, max(chosen) + 1) if allowed(j) and self._fits(best, j, size)]
            if not sides:
                break
            missing = qterms - frozenset().union(*(self.terms[i] for i in chosen))

            def adds(j: int) -> float:  # the question words j adds, and for a why-question a reason
                return self._gain(j, missing) + (REASON_GAIN if why and _REASON.search(self.texts[j]) else 0.0)
            j = max(sides, key=lambda j: (adds(j), scores.get(j, float("-inf")), j))
            chosen.append(j)
            size += len(self.texts[j])
            if j in self.list_items:  # a neighbour opens a list: show it
                return self._with_list(j, sorted(chosen), size, scores, best,
                                       wants_items=bool(_LIST_QUESTION.search(question)))
        if defining and chosen == [best] and allowed(best + 1) and self._same_section(best, best + 1) \
                and not self.is_table_row(best + 1) and best + 1 not in self.list_items:
            # what the named thing is or does follows its introduction, even when it does not fit
            # whole (the quote then ends with "…": „… mittels des Projekts „Gatekeeper U25“ neue Wege.
            # Die damit gewährten Leistungen sind überwiegend niederschwellig und aufsuchend, …“)
            chosen.append(best + 1)
        return sorted(chosen)

    def introduces_asked(self, i: int, asked: str) -> bool:
        """Sentence i introduces a name the what-is question `asked` (definition_asked) names
        ("mittels des Projekts „Gatekeeper U25“" for "was ist gatekeeper u25?")."""
        return bool(asked) and any(_names(asked, name) for name in self.introduced[i])

    def _item(self, i: int) -> list[int]:
        """The sentences of the bulleted list item sentence i belongs to ([] outside one)."""
        if not self.list_place[i]:
            return []
        start = i
        while self.list_place[start] == "more" and start > 0:
            start -= 1
        end = i + 1
        while end < len(self.texts) and self.list_place[end] == "more":
            end += 1
        return list(range(start, end))

    def _gain(self, j: int, missing: frozenset) -> float:
        """What sentence j adds to the window: the idf of the question terms the window lacks."""
        return math.fsum(self.keyword.idf.get(t, 0.0) for t in missing & self.terms[j])

    def _fits(self, best: int, j: int, size: int) -> bool:
        """j is in best's section, not a table row, and fits (with a space) in MAX_WINDOW_CHARS."""
        return self._same_section(best, j) and not self.is_table_row(j) \
            and size + 1 + len(self.texts[j]) <= MAX_WINDOW_CHARS

    def _with_list(self, intro: int, chosen: list[int], size: int, scores: dict[int, float],
                   best: Optional[int] = None, wants_items: bool = False) -> list[int]:
        """Add a list's items to the window while they fit, the best-scoring item always.

        The items are what the list's opening promises ("Maßgebliche Erfolgsfaktoren ...:"). While
        fewer than MIN_LIST_ITEMS items fit, sentences of the window give way, in this order:

            sentence of the window                gives way
            any other (farthest from the list)    always
            the one the best match leans on       while no item fits; always if the best match is the opening
            the best match                        while no item fits; always if wants_items
            the list's opening                    never

        (wants_items: the question asks for the items, "Welche kommunalen Eingliederungsleistungen ...?")
        """
        items = self.list_items[intro]
        needed = {best, intro} | ({best - 1} if best is not None and self.leans_back(best) else set())
        context = sorted((i for i in chosen if i not in needed), key=lambda i: -abs(i - intro))
        # last of all, the best match and what it leans on: an opening without a single item says nothing
        context += sorted((i for i in needed if i != intro and i in chosen), key=lambda i: -abs(i - intro))
        # once an item fits, the best match and what it leans on stay; the opening's own sentence before
        # ("Flankierend werden ... angeboten. Sie dienen ... und beinhalten:") is read through its items
        kept_on = {best} | ({best - 1} if best is not None and best != intro and self.leans_back(best) else set())
        while True:
            kept, used = [], size
            for j in items:
                if used + len(self.texts[j]) + 1 > MAX_WINDOW_CHARS:
                    break
                kept.append(j)
                used += len(self.texts[j]) + 1
            if len(kept) >= min(MIN_LIST_ITEMS, len(items)) or not context \
                    or (kept and context[0] in kept_on and not (context[0] == best and wants_items)):
                break
            dropped = context.pop(0)
            chosen = [i for i in chosen if i != dropped]
            size -= len(self.texts[dropped]) + 1
        best_item = max(items, key=lambda j: scores.get(j, 0.0))
        if kept and best_item not in kept:
            kept[-1] = best_item
        return sorted(set(chosen) | set(kept))

    def text_of(self, ids: list[int]) -> str:
        """The window's sentences as one quote: list items marked "–", a left-out sentence "…"."""
        parts = []
        for n, i in enumerate(ids):
            if n and i != ids[n - 1] + 1:
                parts.append("…")
            item = i in self.intro_of and self.list_place[i] != "more"  # an item's second sentence goes on
            parts.append(f"– {self.texts[i]}" if item else self.texts[i])
        return " ".join(parts)


def asked_step(question: str) -> Optional[int]:
    """The number of the step a question asks for ("Phase 2", "die zweite Phase" -> 2), 0 for
    the last one ("the final stage"), None when it asks for no single step."""
    m = _ASKED_STEP.search(question)
    if not m:
        return None
    if m.group(1):
        return int(m.group(1))
    return _ORDINALS[(m.group(2) or m.group(3)).lower()]


def definition_asked(question: str) -> str:
    """The folded question when it asks what something is ("Was ist Gatekeeper U25?"), else ""."""
    return fold(question) if _DEFINITION_QUESTION.search(question) else ""


def _introduced_names(text: str) -> tuple[str, ...]:
    """The names a sentence introduces, folded: "(4-Phasen-Modell)", "„Gatekeeper U25“", "die
    sogenannte Beratungsaktivität", "Unter Beratungsaktivität verstehen wir"."""
    return tuple(fold(next(g for g in m.groups() if g).strip()) for m in _INTRODUCED_NAME.finditer(text))


def _names(folded_text: str, name: str) -> bool:
    """The folded text names name as a whole word ("gatekeeper u25", not a part of "gatekeeper-u25-team")."""
    return re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", folded_text) is not None


def _pairs(text: str) -> set[tuple[str, str]]:
    """Adjacent content-word stems of a text ("Phase 4" -> ("phase", "4"))."""
    # single digits count here ("Phase 2"), though they are too short to be keyword terms
    kept = set(content_words(text))
    toks = [stem(w) for w in words(text) if w in kept or w.isdigit()]
    return set(zip(toks, toks[1:]))
