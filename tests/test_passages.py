"""The answer window: which sentences around the best match a passage answer shows."""
from __future__ import annotations

import numpy as np
import pytest

from assistant.chunks import list_text, mark_lists
from assistant.keyword import KeywordIndex
from assistant.passages import MAX_WINDOW_CHARS, SentenceIndex, _pairs
from assistant.records import Chunk

TEXTS = [
    "Das Jobcenter berät junge Menschen.",           # 0
    "Die Beratung findet im Haus statt.",             # 1 best
    "Der Bedarf an Nachhilfe war rückläufig.",        # 2
    "Wir haben deshalb das Angebot verkleinert.",     # 3
    "Sie wird zusätzlich digital angeboten.",         # 4 leans on 3
]


def _index(texts=TEXTS, places=None) -> SentenceIndex:
    chunk = Chunk(id=0, doc="d", section="5.4.2", title="T", heading_path="T", text=" ".join(texts), sha="x")
    vectors = np.zeros((len(texts), 4), dtype=np.float32)
    places = places or [""] * len(texts)  # a sentence's place in a bulleted list: "item", "more" or ""
    sentences = [{"text": t, "chunk": 0, "list": p} for t, p in zip(texts, places)]
    mark_lists(sentences, [chunk])  # as the index build does
    return SentenceIndex(sentences, [chunk], vectors, KeywordIndex(texts))


def test_window_grows_toward_the_better_neighbour():
    # the sentences after the best one answer better than the one before it: 1, 2, 3 not 0, 1, 2
    ix = _index()
    assert ix.window(1, {0: 0.1, 1: 0.9, 2: 0.5, 3: 0.6, 4: 0.0}) == [1, 2, 3]
    assert ix.window(1, {0: 0.7, 1: 0.9, 2: 0.5, 3: 0.6, 4: 0.0}) == [0, 1, 2]


def test_window_grows_toward_the_question_word_it_lacks():
    # 5.7 of the programme: "Was ist das Motto für die Zusammenarbeit von Reha-Trägern und
    # Jobcentern?" matches "Dazu sollen die Reha-Träger ..." best; the motto is the sentence after
    # it, though the one before scores higher
    texts = ["Die Jobcenter können Rehabilitanden ergänzend fördern.",
             "Ziel ist es, die Leistungserbringung zu verbessern.",
             "Dazu sollen die Reha-Träger und die Jobcenter ihre Leistungen abstimmen.",
             "Das Motto ist nun: „Miteinander statt Nebeneinander.“"]
    ix = _index(texts)
    scores = {0: 0.8, 1: 0.5, 2: 1.0, 3: 0.6}
    assert ix.window(2, scores) == [0, 1, 2]  # no question given: the better score wins
    assert ix.window(2, scores, "Was ist das Motto der Reha-Träger und Jobcenter?") == [1, 2, 3]


def test_window_takes_the_sentence_a_best_match_leans_on():
    ix = _index()
    assert ix.window(4, {3: 0.0, 4: 0.9, 2: 0.8}) == [2, 3, 4]


def test_a_demonstrative_among_the_first_words_leans_back():
    # 7 of the programme: "Durch dieses zusätzliche Controlling-Instrument ..." is about the
    # Bestandsfall-Controlling the sentence before introduces
    long = " mit allen Unterlagen, Nachweisen und Bescheiden der Leistungsberechtigten" * 2
    texts = ["Die Bearbeitung der Anträge bleibt ein Schwerpunkt" + long + ".",
             "Im Jahr 2022 wird das Bestandsfall-Controlling verbindlich eingeführt" + long + ".",
             "Durch dieses zusätzliche Controlling-Instrument wird die Qualität gesichert" + long + ".",
             "Die Quote der Widersprüche soll sinken" + long + "."]
    ix = _index(texts)
    assert ix.window(2, {0: 0.6, 1: 0.1, 2: 1.0, 3: 0.5}) == [1, 2]  # only two fit: not [2, 3]


def test_a_conclusion_leans_on_its_premise():
    # 6.6: "Insoweit ist die Integration in Arbeit nicht das vorrangige Ziel des FM" is a conclusion;
    # why it holds is said in the sentence before
    texts = ["Das Fallmanagement betreut 300 Kunden.",
             "Diese Kunden haben mindestens drei Hemmnisse.",
             "Insoweit ist die Integration nicht das vorrangige Ziel.",
             "Die Quote liegt bei 19 %.",
             "Sie liegt knapp unter dem Durchschnitt."]
    ix = _index(texts)
    assert ix.window(2, {0: 0.1, 1: 0.0, 2: 1.0, 3: 0.5, 4: 0.4}) == [1, 2, 3]


def test_window_stays_within_its_length():
    long = ["Ein sehr langer Satz über die Förderung " + "und die Beratung " * 20 + "."] * 3
    ix = _index(["Kurz."] + long)
    window = ix.window(0, {0: 1.0, 1: 0.5})
    assert sum(len(ix.texts[i]) for i in window) <= MAX_WINDOW_CHARS


def test_quote_keeps_the_best_sentence_when_it_is_too_long():
    from assistant.excerpts import MAX_ANSWER_CHARS, quote
    text = "Unsere Ziele sind: " + "Ausbau der Marktpräsenz und der Stellenakquise; " * 12 + "Aktionen wie Speed-Dating."
    answer = quote(text, "5.3", "Intensivbetreuung", keep="Aktionen wie Speed-Dating.")
    assert "Speed-Dating" in answer and answer.startswith("„… ") and len(answer) <= MAX_ANSWER_CHARS
    assert quote(text, "5.3", "Intensivbetreuung").startswith("„Unsere Ziele sind:")  # no keep: the end goes


def test_numbered_step_named_in_the_question_wins():
    # "phase 2" must find "Phase 2: ...", not the phase before it (a one-digit number is a word here)
    texts = ["Phase 1: Das Profiling klärt die Stärken.", "Phase 2: Der Handlungsbedarf wird festgelegt."]
    ix = _index(texts)
    ranked = ix.rank([(0, 1.0)], "Phase", np.zeros(4, dtype=np.float32), question="what happens in phase 2?")
    assert ranked[0][0] == 1


def test_a_sentence_opening_a_list_ends_the_list_before_it():
    # section 4 of the programme: one list ("... so gestalten, dass:") right before the next
    # ("Nachfolgende strategischen Ziele ...:"); the second list's opening is not an item of the first
    texts = ["Wir wollen unsere Strategie so gestalten, dass:", "Kontakt sichergestellt ist",
             "die Beratung individuell erfolgt", "Nachfolgende Ziele nehmen wir in den Fokus:",
             "Gleichstellung fördern", "Fachkräftesicherung"]
    ix = _index(texts)
    assert ix.list_items == {0: [1, 2], 3: [4, 5]}
    assert ix.window(3, {3: 1.0}) == [3, 4, 5]


def test_a_list_the_window_reaches_gets_room_for_its_items():
    # 6.6 of the programme: the best match, a long sentence, then "Maßgebliche Erfolgsfaktoren ...:";
    # the sentence between gives way so that the factors are shown, and the gap is marked
    texts = ["Das beschäftigungsorientierte Fallmanagement wird auch 2022 weiter fortgeführt.",
             "Als fachliche Schwerpunkte haben wir uns "
             + "die Nacharbeit der Integrationsfortschritte, " * 7 + "vorgenommen.",
             "Maßgebliche Erfolgsfaktoren für unsere Arbeit bleiben dabei unverändert:",
             "qualifiziertes Personal", "hohe Betreuungsintensität", "persönliche, individuelle Beratung",
             "vertrauensvolle Zusammenarbeit/Arbeitsbündnis"]
    ix = _index(texts)
    window = ix.window(0, {0: 1.0, 1: 0.5, 2: 0.4}, "Welche Erfolgsfaktoren nennt das Fallmanagement?")
    assert window == [0, 2, 3, 4, 5, 6]
    assert ix.text_of(window) == ("Das beschäftigungsorientierte Fallmanagement wird auch 2022 weiter fortgeführt. … "
                                  "Maßgebliche Erfolgsfaktoren für unsere Arbeit bleiben dabei unverändert: "
                                  "– qualifiziertes Personal – hohe Betreuungsintensität – persönliche, individuelle "
                                  "Beratung – vertrauensvolle Zusammenarbeit/Arbeitsbündnis")


def test_the_sentence_a_best_match_leans_on_does_not_give_way_to_a_list():
    texts = ["Das beschäftigungsorientierte Fallmanagement wird auch 2022 " + "sehr engagiert " * 12 + "fortgeführt.",
             "Dabei bleiben die Schwerpunkte " + "der Nacharbeit " * 10 + "unverändert.",
             "Maßgebliche Erfolgsfaktoren sind:",
             "qualifiziertes Personal", "hohe Betreuungsintensität", "persönliche, individuelle Beratung"]
    ix = _index(texts)
    window = ix.window(1, {0: 0.2, 1: 1.0, 2: 0.4}, "Welche Erfolgsfaktoren gelten?")
    assert window[:3] == [0, 1, 2] and len(window) < 6  # "Dabei ..." keeps what it leans on


def test_a_list_opening_that_leans_back_keeps_what_it_leans_on():
    # 2.1 of the programme: the three steering goals, then "Sie werden durch die Zielindikatoren: ..."
    texts = ["Für die Zielvereinbarung sind die Steuerungsziele A, B und C maßgeblich.",
             "Sie werden durch die Zielindikatoren:",
             "Summe der Leistungen zum Lebensunterhalt", "Integrationsquote", "beschrieben."]
    ix = _index(texts)
    assert ix.window(1, {0: 0.8, 1: 1.0, 2: 0.3}, "Welche drei Steuerungsziele gibt es?") == [0, 1, 2, 3, 4]


# 3 of the programme: the reasons are bulleted items of several sentences each
REASONS = ["Die Zahl der ELB ist deutlich unter das Vor-Corona-Niveau gesunken.",
           "Für die unterschiedlichen Entwicklungen gibt es mehrere Erklärungsansätze:",
           "So ist die Region Kassel gut durch die Pandemie gekommen.",
           "Viele ELB erzielen nun ein bedarfsdeckendes Einkommen.",
           "Hinsichtlich der Arbeitslosigkeit ist die sogenannte Entlastungswirkung zu beachten.",
           "Sie stellt die Differenz zwischen Unterbeschäftigung und Arbeitslosigkeit dar.",
           "Im September 2021 waren 4.262 ELB im Langzeitleistungsbezug."]
REASON_PLACES = ["", "", "item", "more", "item", "more", ""]


def test_bulleted_items_of_several_sentences_make_a_list():
    ix = _index(REASONS, REASON_PLACES)
    assert ix.list_items == {1: [2, 3, 4, 5]}  # the sentence after the items ends the list
    window = ix.window(0, {0: 1.0, 1: 0.5}, "Warum ist die Zahl der ELB gesunken?")
    assert window == [0, 1, 2, 3, 4, 5]  # the premise, the opening and the reasons (all fit)
    text = ix.text_of(window)  # an item's second sentence goes on without a new dash
    assert "– So ist die Region Kassel gut durch die Pandemie gekommen. Viele ELB erzielen" in text
    assert "– Hinsichtlich der Arbeitslosigkeit" in text and "– Viele" not in text


def test_a_list_opening_is_as_close_to_the_question_as_its_whole_list():
    # 6.6 of the programme: "Maßgebliche Erfolgsfaktoren ... bleiben dabei unverändert:" and its items
    # ("hohe Betreuungsintensität", ...) answer "What makes case management successful?"; the opening
    # alone is far from the question, the list as a whole is close (the index embeds it, list_text)
    texts = ["Das Fallmanagement wird fortgeführt.", "Maßgebliche Erfolgsfaktoren bleiben dabei unverändert:",
             "qualifiziertes Personal", "hohe Betreuungsintensität"]
    chunk = Chunk(id=0, doc="d", section="6.6", title="T", heading_path="T", text=" ".join(texts), sha="x")
    sentences = [{"text": t, "chunk": 0, "list": ""} for t in texts]
    mark_lists(sentences, [chunk])
    assert list_text(sentences, 1) == "Maßgebliche Erfolgsfaktoren bleiben dabei unverändert: " \
                                      "qualifiziertes Personal hohe Betreuungsintensität"
    vectors = np.eye(4, dtype=np.float32)
    vectors[0] = [0.6, 0.8, 0.0, 0.0]
    question = np.array([1.0, 0.0, 0.0, 0.0], dtype=np.float32)
    whole_list = np.array([[0.9, 0.0, 0.3, 0.3]], dtype=np.float32)
    ranked = [(0, 1.0)]
    plain = SentenceIndex(sentences, [chunk], vectors, KeywordIndex(texts))
    assert plain.rank(ranked, "", question, mode="dense")[0][0] == 0
    ix = SentenceIndex(sentences, [chunk], vectors, KeywordIndex(texts), list_vectors=whole_list)
    assert ix.list_items == {1: [2, 3]}
    assert ix.rank(ranked, "", question, mode="dense")[0][0] == 1
    assert ix.window(1, {1: 1.0}) == [1, 2, 3]


def test_a_best_match_inside_a_long_item_stays_in_its_item():
    ix = _index(REASONS, REASON_PLACES)
    assert ix.window(5, {5: 1.0, 4: 0.3}, "Was ist die Entlastungswirkung?") == [4, 5]


def test_section_title_words_count_for_its_sentences():
    # a sentence of a section titled "Neukunden" is about new customers even when it says "Kunden"
    texts = ["Kunden werden persönlich beraten.", "Kunden werden persönlich beraten."]
    chunks = [Chunk(id=k, doc="d", section=s, title=t, heading_path=t, text=texts[k], sha=str(k))
              for k, (s, t) in enumerate([("5.1", "Beratung"), ("5.2", "Neukunden")])]
    ix = SentenceIndex([{"text": t, "chunk": k} for k, t in enumerate(texts)], chunks,
                       np.zeros((2, 4), dtype=np.float32), KeywordIndex(texts + ["Neukunden"]))
    scores = ix.keyword_scores([0, 1], {"neukund", "kund"})
    assert scores[1] > scores[0] > 0


@pytest.mark.parametrize("q", ["Welche Erfolgsfaktoren nennt das Programm für das Fallmanagement?",
                               "Which success factors does the programme name for case management?"])
def test_a_list_is_found_by_what_its_items_say(assistant, q):
    # 6.6: the list's opening ("Maßgebliche Erfolgsfaktoren für unsere Arbeit bleiben dabei unverändert:")
    # lost to "Einander zu kennen und sich zu vertrauen, das ist der Erfolgsfaktor ..." before the list
    # as a whole was embedded
    a = assistant.ask(q)
    assert a.kind == "passage" and a.citations[0].section == "6.6"
    assert "Maßgebliche Erfolgsfaktoren" in a.answer and "– hohe Betreuungsintensität" in a.answer


def test_a_title_named_by_the_question_picks_its_section(assistant):
    # was 6.7 ("Selbstständige"), whose sentences also speak of customers
    a = assistant.ask("Was plant das Jobcenter bei Neukunden?")
    assert a.kind == "passage" and a.citations[0].section == "5.2"


def test_a_why_question_widens_toward_the_reason():
    # 6.4 of the programme: "Warum will das Jobcenter verstärkt in die berufliche Weiterbildung
    # investieren?" best matches the plan; the reason ("… Bedarf an Fachkräften …") is the sentence before
    texts = ["Aufgrund des Strukturwandels entsteht " + "in vielen Branchen " * 12 + "ein hoher Bedarf an Fachkräften.",
             "Hier setzt unsere Planung an, verstärkt in die berufliche Weiterbildung zu investieren.",
             "Die Zahl der Eintritte " + "in geförderte Weiterbildungen " * 9 + "soll steigen."]
    ix = _index(texts)
    scores = {0: 0.2, 1: 1.0, 2: 0.5}
    assert ix.window(1, scores, "Weiterbildung investieren", question="Warum will das Jobcenter investieren?") == [0, 1]
    assert ix.window(1, scores, "Weiterbildung investieren", question="Was plant das Jobcenter?") == [1, 2]


def test_a_list_no_item_of_which_fits_beside_the_best_match_takes_its_place():
    # 2.2 of the programme: "Welche kommunalen Eingliederungsleistungen werden angeboten?" best matches
    # a long sentence, the list's long opening follows; the items answer, so the best match gives way
    texts = ["Flankierend werden die kommunalen Eingliederungsleistungen " + "zur Verbesserung " * 11 + "erbracht.",
             "Sie dienen der Minderung " + "von persönlichen Hemmnissen " * 8 + "und beinhalten im Wesentlichen:",
             "häusliche Pflege von Angehörigen", "die Schuldnerberatung", "die Suchtberatung"]
    ix = _index(texts)
    assert len(texts[0]) + len(texts[1]) < MAX_WINDOW_CHARS < len(texts[0]) + len(texts[1]) + len(texts[2])
    assert ix.window(0, {0: 1.0, 1: 0.5}, "kommunale Eingliederungsleistungen") == [1, 2, 3, 4]


# 2.2 of the programme: "Flankierend werden ... angeboten." then the list's opening, leaning on it
SERVICES = ["Flankierend werden die kommunalen Eingliederungsleistungen " + "zur Verbesserung " * 10 + "angeboten.",
            "Sie dienen der Minderung " + "von persönlichen Hemmnissen " * 8 + "und beinhalten im Wesentlichen:",
            "die Betreuung minderjähriger Kinder", "häusliche Pflege von Angehörigen", "die Schuldnerberatung",
            "die psychosoziale Betreuung", "die Suchtberatung"]


def test_the_sentence_a_best_matching_list_opening_leans_on_gives_way_to_its_items():
    ix = _index(SERVICES)
    # one item fits beside both sentences; the opening's items are what it says
    assert len(SERVICES[0]) + len(SERVICES[1]) + len(SERVICES[2]) + 2 < MAX_WINDOW_CHARS
    window = ix.window(1, {0: 0.5, 1: 1.0}, "Unterstützung bei persönlichen Hemmnissen")
    assert window[0] == 1 and len(window) >= 4


def test_a_best_match_before_a_list_gives_way_when_the_question_asks_for_the_items():
    ix = _index(SERVICES)
    assert ix.window(0, {0: 1.0, 1: 0.5}, "kommunale Eingliederungsleistungen")[:3] == [0, 1, 2]
    window = ix.window(0, {0: 1.0, 1: 0.5}, "kommunale Eingliederungsleistungen",
                       question="Welche kommunalen Eingliederungsleistungen werden angeboten?")
    assert window[0] == 1 and len(window) >= 4


def test_a_word_pair_of_the_section_title_counts_for_each_of_its_sentences():
    # 6.3 "Soziale Teilhabe nach den §§ 16e und 16i SGB II": the sentence repeating "16e und 16i" ranked
    # above the one saying what the law provides for stable jobs
    texts = ["Das Jobcenter hat für die §§ 16e und 16i spezialisierte Fachkräfte eingesetzt.",
             "Das Gesetz sieht eine ganzheitliche beschäftigungsbegleitende Betreuung vor."]
    chunk = Chunk(id=0, doc="d", section="6.3", title="Soziale Teilhabe nach den §§ 16e und 16i SGB II",
                  heading_path="6.3", text=" ".join(texts), sha="x")
    ix = SentenceIndex([{"text": t, "chunk": 0, "list": ""} for t in texts], [chunk],
                       np.zeros((2, 4), dtype=np.float32), KeywordIndex(texts))
    asked = _pairs("Was sieht das Gesetz für Beschäftigte nach §§ 16e und 16i vor?")
    assert asked & ix.pairs[0] == asked & ix.pairs[1] != set()


def test_a_who_question_prefers_a_sentence_naming_a_role():
    # 8 of the programme: "Wer hat das Arbeitsmarktprogramm als Geschäftsführer unterschrieben?"
    texts = ["Neuanträge prüft das Haus sorgfältig.", "Neuanträge prüft die Führungskraft sorgfältig."]
    ix = _index(texts)
    qvec = np.zeros(4, dtype=np.float32)
    plain = dict(ix.rank([(0, 1.0)], "Neuanträge prüfen", qvec, question="Neuanträge prüfen?"))
    assert plain[0] == plain[1]
    who = ix.rank([(0, 1.0)], "Neuanträge prüfen", qvec, question="Wer prüft die Neuanträge?")
    assert who[0][0] == 1 and who[0][1] > who[1][1]
    # the who may come in the question's last clause
    last = ix.rank([(0, 1.0)], "Neuanträge prüfen", qvec,
                   question="Wie läuft das ab – wer prüft die Neuanträge?")
    assert last[0][0] == 1 and last[0][1] > last[1][1]


def test_a_priority_question_prefers_a_sentence_naming_what_comes_first():
    texts = ["Beratung findet bei Neukunden statt.", "Am wichtigsten ist die Beratung bei Neukunden."]
    ix = _index(texts)
    qvec = np.zeros(4, dtype=np.float32)
    first = ix.rank([(0, 1.0)], "Beratung Neukunden", qvec, question="Welche Beratung hat Vorrang bei Neukunden?")
    assert first[0][0] == 1 and first[0][1] > first[1][1]


def test_a_purpose_question_prefers_a_sentence_naming_an_aim():
    # 6.5 of the programme: "Ziel ist es, durch intensive Zusammenarbeit mit den Reha-Trägern, die Zeit bis
    # zur realen Hilfe so kurz wie möglich zu halten" ranked below the section's list of Handlungsschwerpunkte
    texts = ["Die Reha-Träger arbeiten mit dem Jobcenter zusammen.",
             "Ziel ist es, durch die Zusammenarbeit mit den Reha-Trägern die Wartezeit kurz zu halten."]
    ix = _index(texts)
    qvec = np.zeros(4, dtype=np.float32)
    plain = dict(ix.rank([(0, 1.0)], "Reha-Träger Zusammenarbeit", qvec, question="Wie arbeiten die Reha-Träger?"))
    for question in ["What's the point of working with the Reha-Träger?", "Wozu arbeiten wir mit den Reha-Trägern?",
                     "Was ist das Ziel der Zusammenarbeit mit den Reha-Trägern?"]:
        aim = dict(ix.rank([(0, 1.0)], "Reha-Träger Zusammenarbeit", qvec, question=question))
        assert aim[1] - aim[0] > plain[1] - plain[0], question


def test_a_what_is_question_prefers_the_sentence_that_introduces_the_name():
    # 5.4.2 of the programme introduces „Gatekeeper U25“ in quotes; a later sentence repeats the
    # name word for word but says only that the project has proved itself
    texts = ["Das Projekt Gatekeeper U25 hat sich bewährt.",
             "Mit dem Projekt „Gatekeeper U25“ geht das Jobcenter neue Wege.",
             "Unter Beratungsaktivität verstehen wir Intensivkontakte.",
             "Das Modell heißt Integrationskonzept (Vier-Phasen-Modell)."]
    ix = _index(texts)
    qvec = np.zeros(4, dtype=np.float32)
    plain = dict(ix.rank([(0, 1.0)], "Projekt Gatekeeper U25", qvec, question="Seit wann gibt es Gatekeeper U25?"))
    assert plain[0] >= plain[1]
    for question, introducing in [("Was ist Gatekeeper U25?", 1), ("What is the Gatekeeper U25 project?", 1),
                                  ("Was versteht man unter Beratungsaktivität?", 2),
                                  ("What is the Vier-Phasen-Modell?", 3)]:
        ranked = ix.rank([(0, 1.0)], "Projekt Gatekeeper U25 Beratungsaktivität Modell", qvec, question=question)
        assert ranked[0][0] == introducing, question
    # a name is named whole: "Gatekeeper" alone is not „Gatekeeper U25“, "AGH" not "(AGH-E)"
    from assistant.passages import definition_asked
    assert not ix.introduces_asked(1, definition_asked("Was ist Gatekeeper?"))
    assert not _index(["Wir rechnen mit 20 Plätzen (AGH-E)."]).introduces_asked(0, definition_asked("Was ist AGH?"))


def test_a_what_is_window_starts_where_the_name_is_introduced():
    # 5.4.2 of the programme: the sentence before „Gatekeeper U25“ is about another project, the one
    # after it (too long to fit whole) says what Gatekeeper U25 does
    texts = ["Hinzu kommen 16 Plätze im Projekt „Wasserschloss“ (AgiL).",
             "Das Jobcenter geht mittels des Projekts „Gatekeeper U25“ neue Wege.",
             "Die damit gewährten Leistungen sind niederschwellig und aufsuchend" + ", und sie helfen" * 40 + ".",
             "Das Projekt hat sich bewährt."]
    ix = _index(texts)
    scores = {0: 0.8, 1: 1.0, 2: 0.3, 3: 0.2}
    assert ix.window(1, scores, question="Wofür steht das Projekt Gatekeeper U25?") == [0, 1]
    assert ix.window(1, scores, question="Was ist das Projekt Gatekeeper U25?") == [1, 2]
    assert len(ix.text_of([1, 2])) > MAX_WINDOW_CHARS  # the quote ends with "…" (excerpts.quote)
    # of two sentences introducing the name, the window starts at the first
    texts = ["Neu ist eine Kennziffer, die sogenannte Beratungsaktivität.",
             "Unter Beratungsaktivität verstehen wir Intensivkontakte.",
             "Diese werden im Fachverfahren erfasst."]
    ix = _index(texts)
    assert ix.window(1, {0: 0.5, 1: 1.0, 2: 0.4}, question="Was ist die Beratungsaktivität?")[0] == 0


def test_aims_and_what_became_of_something_are_no_what_is_questions():
    texts = ["Das Jobcenter ist Ansprechpartner rund um das Sozialgesetzbuch II (SGB II).",
             "Der Bedarf an ausbildungsbegleitenden Hilfen (abH) war rückläufig."]
    ix = _index(texts)
    from assistant.passages import definition_asked
    assert ix.introduces_asked(0, definition_asked("What is the SGB II?"))
    assert ix.introduces_asked(1, definition_asked("Was sind abH?"))
    for q, i in [("What are the central aims of the SGB II?", 0), ("What are the main objectives of SGB II?", 0),
                 ("Was ist aus den abH geworden?", 1), ("Was ist mit den abH?", 1)]:
        assert definition_asked(q) == "" and not ix.introduces_asked(i, definition_asked(q)), q


def test_a_where_question_prefers_a_sentence_naming_a_place():
    # 6.5 of the programme: "Wo finde ich im Jobcenter Ansprechpartner für Kunden mit Behinderung?"
    texts = ["Ansprechpartner für Reha-Kunden gibt es im Jobcenter.",
             "Ansprechpartner für Reha-Kunden gibt es an jedem Standort."]
    ix = _index(texts)
    qvec = np.zeros(4, dtype=np.float32)
    asked = "Ansprechpartner Reha-Kunden"
    plain = dict(ix.rank([(0, 1.0)], asked, qvec, question="Ansprechpartner für Reha-Kunden?"))
    assert plain[0] == plain[1]
    where = ix.rank([(0, 1.0)], asked, qvec, question="Wo gibt es Ansprechpartner für Reha-Kunden?")
    assert where[0][0] == 1 and where[0][1] > where[1][1]
    from assistant.passages import _WHERE_QUESTION
    assert not _WHERE_QUESTION.search("Where is the high demand for skilled staff coming from?")


def test_a_list_question_in_the_questions_last_clause():
    from assistant.passages import _LIST_QUESTION
    assert _LIST_QUESTION.search("What can an AGH do for a customer – what are its aims?")
    assert _LIST_QUESTION.search("Gatekeeper U25? Welche Angebote gibt es da?")
    assert not _LIST_QUESTION.search("Was ist AsA flex?")


def test_the_step_a_question_asks_for():
    from assistant.passages import asked_step
    assert asked_step("Was passiert in Phase 2?") == 2
    assert asked_step("Was passiert in der zweiten Phase?") == 2
    assert asked_step("What happens in the third step?") == 3
    assert asked_step("What is the final stage?") == 0  # the last one
    assert asked_step("Was ist das 4-Phasen-Modell?") is None
    assert asked_step("Welche Phasen hat das Modell?") is None
