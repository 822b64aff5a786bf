"""What a question asks for, read from its words alone.

A definition, a figure (in which unit, for which month and year), a reason, a single
customer's case, contact details, another place: patterns and small functions of the
question text. The engine decides what to do with them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple, Optional

from .keyword import STOPWORDS, fold, stem, words
from .lexicon import english_entry, german_for, written_forms
from .text import split_sentences


# ---------------------------------------------------------------- what kind of question

GLOSSARY_CUE = re.compile(
    r"\b(was\s+(?:genau\s+|eigentlich\s+|denn\s+)?(ist|sind|bedeutet|bedeuten|heißt|heisst|meint)|"
    r"wof[üu]r\s+steht|steht\s+f[üu]r|bedeutung|bedeutet|bedeuten|versteh(t|en)\s+man\s+(?:dar)?unter|gemeint|"
    r"abk[üu]rzung|langform|ausgeschrieben|what\s+(is|are|does|do)|what'?s|stand\s+for|stands\s+for|meaning|mean|"
    r"meant|full\s+(form|name|term)|long\s+form|spelled\s+out|definition|define|abbreviation|erkl[äa]r|explain|"
    r"steckt\s+(?:da)?hinter|verbirgt\s+sich\s+(?:da)?hinter|versteckt\s+sich\s+(?:da)?hinter|"
    r"steht\s+\S+\s+f[üu]r|expand|"
    # "Which institute is the IAB?", "Welche Behörde ist das BAMF?": what kind of thing the term is
    r"^\s*(?:which|welche[rs]?)\s+[\w\-]+\s+(?:is|are|ist|sind)\b)", re.I)

# Asking for the short form of a name: "Abkürzung für Vollzeitäquivalente?"
ABBREVIATION_ASKED = re.compile(r"abk[üu]rz|abgek[üu]rzt|k[üu]rzel|kurzform|abbreviat|acronym|short\s+form", re.I)
# A question for what an abbreviation stands for: nothing else it says (where the term stands) asks more
LONG_FORM_ASKED = re.compile(ABBREVIATION_ASKED.pattern + r"|wof[üu]r\s+steht|\bsteht\s+(?:\S+\s+)?f[üu]r\b|"
                             r"\bstands?\s+for\b|\bshort\s+for\b|ausgeschrieben|langform|\blong\s+form|"
                             r"\bfull\s+(?:form|name|term)|spelled\s+out", re.I)

# Words of a glossary question that ask for nothing beyond the term ("ELB Abkürzung", "LZB ausgeschrieben")
# (the document itself is no further subject: "the BA mentioned in the programme")
GLOSSARY_FILLER = frozenset({"abkurzung", "ausgeschrieben", "langform", "begriff", "term", "stand", "stands", "mean",
                             "programme", "program", "programm", "mentioned", "erwahnt", "genannt",
                             "explain", "steckt", "verbirgt", "versteckt", "hinter", "etwas",
                             # "Was heißt React-EU auf Deutsch?": the long form in a language
                             "deutsch", "german", "englisch", "english",
                             # "Wofür steht die laut Legende?": where the long form stands
                             "laut", "according", "legende", "glossar", "glossary"})

# Questions for a time, place, person, reason, choice or way ask about more than what an abbreviation
# means ("How do I reset my BA password?")
NOT_ABOUT_A_TERM = re.compile(r"\s*(?:(?:in|an|bei|mit|for)\s+)?(wann|wo|wohin|woher|wer|wem|wen|warum|wieso|weshalb|"
                              r"welche[mnrs]?|wie|when|where|who|whom|why|which|how)\b", re.I)

CUE_WORDS = ("steht", "heisst", "bedeutet", "meint", "stands", "means")

# A wage: an amount, and always one person's ("a wage subsidy" is the EGZ, a budget of the programme)
WAGE_WORDS = r"\blohn\b|\blöhne\b|\bgehalt\b|\bgehälter\b|\bwages?\b(?!\s+subsid)|\bsalar(?:y|ies)\b"
# Words that ask for an amount or a share. The unit filter (asked_unit) trusts only these;
# scoring also leans on "Mittel", "wie hoch" and "how much", which ask for an amount more often than not.
# (a "Ein-Euro-Job", a "one-euro job" is a name: AGH)
MONEY_WORDS = (r"budget|betrag|€|(?<!ein-)(?<!1-)(?<!one-)(?<!one\s)euro(?![-\s]jobs?\b)|kosten|kostet|geld|"
               r"kohle|knete|money|funds|ausgaben|ausgegeben|ausgeben|spen[dt]|cost|" + WAGE_WORDS)

# ("wie vielseitig" asks no figure; "geplant"/"planned" alone is no cue: "What is planned for women?" asks
# for plans, "planned FbW entries" has its cue in "entries")
FIGURE_CUE = re.compile(
    r"\b(wie\s*viele?[nmrs]?\b|wie\s+hoch|welche[rmn]?\s+h(?:ö|oe?)he|wie\s+gro[ßs]|wie\s+stark|anzahl|zahl\s+der|"
    r"etat|mittel|quote|anteil|prozent|eintritte|neueintritte|plätze|plaetze|vzä|mitarbeit|personal|integrationen|"
    r"zielwert|bestand|how\s+many|how\s+much|number|amount|share|percentage|percent|rate|entries|"
    r"places|staff|figure|total|target(?!\s*(?:groups?|agreements?)\b)|"
    r"count(?!(?:s|ed)?\s+(?:as|in(?!\s+\d)|towards)\b|ry|ies|y\b)|%|"  # "counted in": included
    + MONEY_WORDS + ")", re.I)

# A figure named by a compound: "Integrationsquote 2022?", "Verwaltungsbudget" (bare lookups)
# the endings of a figure's compound: "Integrationsquote", "Reha-Budget", "Frauenanteil"
_FIGURE_SUFFIX = r"(?:quote|budget|anteil)"
FIGURE_COMPOUND = re.compile(rf"\w{_FIGURE_SUFFIX}\b", re.I)

QUANTITY_CUE = re.compile(r"\b(wie\s*viele?[nmrs]?\b|wie\s+hoch|wie\s+gro[ßs]|wie\s+stark|anzahl|how\s+many|how\s+much|"
                          r"what\s+(was|were|is|are)\s+the\s+([\w\-]+\s+){0,4}(number|amount|rate|share|total))\b", re.I)

# Questions that want a person, a place, a way or a yes/no, not a figure, even when they
# mention one ("planned", "Integrationsquote"); "how many" or a superlative overrides them
# ("Wofür wird das meiste Geld ausgegeben?" compares the figures of a table).
OTHER_QUESTION = re.compile(
    r"^\s*(wer|wem|wen|wessen|who|whom|whose|"
    r"(?:mit|von|bei|für|an|zu|über|gegenüber)\s+(?:wem|wen)|(?:with|to|for|by|from)\s+whom|"  # "Mit wem ...?"
    r"wo|wohin|wo(?:r?auf|r?an|mit|durch|zu|r?über|von|r?aus|für|r?in|bei|nach)|"
    r"where|when|wann|wie\s+(soll|sollen|will|wollen|wird|werden|kann|können|"
    r"funktioniert|läuft|laufen|sieht|sehen|geht|gehen)|how\s+(do|does|did|is|are|will|can|should|would|has|have)|"
    r"wird|werden|ist|sind|gibt|hat|haben|kann|können|soll|sollen|gilt|war|waren|gab|hatte|hatten|wurde|wurden|"
    r"does|do|did|is|are|were|can|will|has|have|had|should)\s",  # not "was": German "Was ist …?"
    re.I)

# a yes/no question after what it is about: "a client wants to start a business, do we give money for that"
YES_NO_CLAUSE = re.compile(r"[,;–]\s*(?:and\s+|so\s+|but\s+)?(?:do|does|did|can|could|will|would|should|is|are)"
                           r"\s+(?:we|you|they|the|our|there|it|he|she|i)\b", re.I)

# "What's new about how the integration rate is planned?", "... in terms of how intensively ...": a
# change or a way, not a figure
NEWS_OR_WAY = re.compile(r"\bwhat(?:'?s|\s+is)\s+new\b|\bwas\s+ist\s+(?:neu|anders)\b"
                         r"|\b(?:about|in\s+terms\s+of)\s+how\b", re.I)

# asks what something rests on: "Which regulation is the allocation based on?", "Auf welcher Grundlage ...?"
BASIS_QUESTION = re.compile(r"\b(?:based\s+on|basis|grundlage|basiert|beruht|relies\s+on)\b", re.I)

# "Was muss passieren, damit es genug Plätze gibt?", "What needs to happen ...?": a condition, not a figure
WHAT_MUST_HAPPEN = re.compile(r"\bwas\s+(?:muss|müsste|sollte|müssen|müssten)\b[^?]*\b"
                              r"(?:passieren|geschehen|getan\s+werden|tun)\b|"
                              r"\bwhat\s+(?:needs|has|would\s+have|must)\s+(?:to\s+)?(?:happen|be\s+done)\b", re.I)

# "What is paid for out of the rehab budget?", "Welche Leistungen werden aus dem Reha-Budget finanziert?":
# what a budget pays for, not its amount ("What is spent on FbW?" asks the amount)
PAID_FROM_BUDGET = re.compile(
    r"\b(?:paid(?:\s+for)?|funded|financed|covered)\s+(?:out\s+of|from|by|with)\b"
    r"|\b(?:aus|mit)\s+(?:de[mnr]\s+|diese[mnr]\s+|unsere[mnr]\s+)?[\w-]*(?:budget|topf|mitteln|titel)\b[^?]*?"
    r"\b(?:bezahlt|finanziert|gefördert|gedeckt|abgedeckt|getragen)\b"
    r"|\bbudget\s+(?:covers?|includes?|pays?\s+for|funds?|finances?)\b", re.I)

# "What does the jobcenter intend to do with the money ...?", "What worries the programme about ... places?":
# the content of an intent, a worry or a view, not a figure; what something costs or counts still is one
# ("how many" needs no word here: QUANTITY_CUE overrides every NOT_A_FIGURE pattern)
CONTENT_ASKED = re.compile(
    r"^\s*what\s+(?:(?:does|do|did|should|will|would|can|must|might)\s+|(?!(?:is|was|has|means|counts|makes|"
    r"remains|happens|costs)\b)[a-z]+s\s+(?:the|our|us|we)\b)"
    r"(?![^?]*\b(?:cost|costs|spend|spent|amount|total|add\s+up|come\s+to|count|number|budget|mean|"
    r"stand\s+for)\b)", re.I)

# "Welche Kennzahlen ...?", "Which specialised staff ...?" ask which things, not a figure; "Welcher Anteil",
# "Which integration rate", "Which type of measure gets more money?" ask for one or compare them
WHICH_THINGS = re.compile(
    r"^\s*(?:which|welche[nrsm]?)\s+(?!(?:[\w-]+\s+){0,2}?[\w-]*(?:anteil|quote|betrag|budget|summe|zahl|wert|höhe|"
    r"wachstum|grenzen?|satz|sätze|rate|share|amount|number|percentage|growth|figure|sum|total|value|limit|cap|"
    r"money|geld|kosten|costs?)\b)"
    r"(?![^?]*\b(?:mehr|weniger|größer|kleiner|höher|niedriger|more|less|fewer|larger|bigger|smaller|higher|"
    r"lower)\b)", re.I)

# "Which three steering goals ...?", "Welche zwei Projekte ...?": the number says how many items to name
NAMED_ITEMS = re.compile(r"^\s*(?:which|what\s+are\s+the|welche[nrs]?|nenne\s+die)\s+(?:two|three|four|five|six|"
                         r"zwei|drei|vier|fünf|sechs)\b", re.I)

REASON_CUE = re.compile(r"^\s*(warum|wieso|weshalb|weswegen|why|how\s+come|what\s+(?:could|might|would|will)\s+"
                        r"(?:make|cause|lead)|what\s+(?:makes|causes|led))\b", re.I)

DATE_CUE = re.compile(r"\b(seit\s+wann|since\s+when|in\s+welchem\s+jahr|in\s+which\s+year|what\s+year|"
                      r"(?:seit|an)\s+welche[mn]\s+(?:jahr|datum|tag|zeitpunkt)|"
                      r"(?:since|from|on|as\s+of)\s+(?:what|which)\s+(?:year|date|day)|what\s+date|"
                      r"when\s+did\s+[^?]{1,80}?(?:come\s+into\s+(?:force|effect)|take\s+effect))\b", re.I)

# "Welcher Bildungsträger ...?", "Wer leitet ...?", "Who runs ...?", "Wie heißt ...?" want the name of an
# organisation or a person (the programme names few: "bei einem Bildungsträger")
_NAME_ASKED = r"wie\s+hei(?:ß|ss)t|what\s+is\s+the\s+name"
NAME_QUESTION = re.compile(
    r"\b(welche[rmns]?\s+(bildungs)?träger\w*|bei\s+welchem\s+\w*träger|"
    r"which\s+([\w-]+\s+)?(provider|organi[sz]ation|institution|company|partner)s?|"  # "Which training provider"
    r"(?:which|welche[nm]?)\s+(?:\w+\s+){0,2}?jobcent(?:ers|res|ern)\b|"  # "Which three other jobcenters ...?"
    r"wer\s+(leitet|führt|betreibt|organisiert|macht|ist\s+(der|die)\s+\w*(leit|ansprech))|"
    r"who\s+(runs|leads|heads|chairs|manages|is\s+in\s+charge|is\s+responsible|sits\s+on)|"
    r"who\s+is\s+the\s+(chair|head|director|leader|manager)\w*|wer\s+sitzt\s+(\w+\s+)?(im|in)\b|"
    rf"{_NAME_ASKED}|ansprechpartner\w*|contact\s+person)", re.I)
# "Wie heißt unsere Beauftragte für Chancengleichheit?", "What is the name of the managing director?"
PERSON_ASKED = re.compile(r"\b(?:beauftragte\w*|leiter\w*|geschäftsführ\w*|vorsitzende\w*|ansprechpartner\w*|"
                          r"chef\w*|koordinator\w*|sprecher\w*|commissioner|officer|director|manager|chair\w*|"
                          r"head\s+of|coordinator|spokes\w*)", re.I)
# what answers one: a person ("Frau ...", a signature's "Gregor Vick Geschäftsführer"), an organisation by
# its legal form or kind of body
NAMED_BODY = re.compile(r"\b(?:Frau|Herr|Herrn)\s+[A-ZÄÖÜ]\w+"
                        r"|(?-i:\b[A-ZÄÖÜ][a-zäöüß]+\s+[A-ZÄÖÜ][a-zäöüß]+)\s+"
                        r"(?:geschäftsführ|leiter|vorsitzend|beauftragt)\w*"
                        r"|\bg?GmbH\b|\be\.\s?V\.|\w*(?:werk|verein|stiftung|"
                        r"akademie|institut|gesellschaft|verband|diakon\w*|caritas|volkshochschule)\b|\bAWO\b|\bVHS\b",
                        re.I)
# "Which organisations ...?", "Which parties agreed ...?", "Welche Akteure ...?" ask who, a body or a group of
# them, not a figure; the answer may be a public body: "gemeinsame Einrichtung der Agentur für Arbeit und des
# Landkreises Kassel", "BMAS, Länder, BA und kommunale Spitzenverbände" (a person is asked for by "Wer leitet
# ...?", "Wer sitzt im Beirat?")
ORGANISATION_ASKED = re.compile(r"\b(?:which|what)\s+(?:\w+\s+)?(?:organi[sz]ations?|institutions?|partners?|bodies|"
                                r"body|authorit(?:y|ies)|part(?:y|ies)|actors?|stakeholders?|ministr(?:y|ies))\b|"
                                r"\bwelche[nrs]?\s+(?:\w+\s+)?(?:organisation|institution|partner|einrichtung|behörde|"
                                r"stelle|akteur|partei|beteiligt|ministeri)\w*", re.I)
PUBLIC_BODY = re.compile(r"\bAgentur\s+für\s+Arbeit\b|\bLandkreis(?:es)?\s+[A-ZÄÖÜ]\w+|\bKommunen\b|"
                         r"\bBundesregierung\b|\w*(?:amt|kammer|ministerium)\b(?<!samt)|\bIHK\b|\bHWK\b")
# "Wo finde ich Ansprechpartner für ...?" is answered by a role ("eine/-n Reha-Spezialist/-in" at every site)
CONTACT_ASKED = re.compile(r"\bansprechpartner\w*|\bcontact\s+persons?\b"
                           r"|\bwho\s+(?:can|should)\s+\w+\s+(?:contact|ask)\b", re.I)
ROLE = re.compile(r"\b[\w-]*(?:spezialist|fachkr[äa]ft|berater|coach|fallmanager|lotse|ansprechpartner)\w*", re.I)
# "Wie heißt das Projekt ...?" may want a name in quotes: „WiN - Wiedereinstieg in Nordhessen“
NAME_ASKED = re.compile(rf"\b(?:{_NAME_ASKED})\b", re.I)
QUOTED_NAME = re.compile(r"„[A-ZÄÖÜ][^“]*“")


STATED_FIGURE = re.compile(r"\d[\d.]*(,\d+)?\s*(€|euro|%|prozent)", re.I)

ENGLISH_PERSONAL = re.compile(r"\bpersonal\s+[a-z]", re.I)


# Questions that name a figure word but want something else; "how many" or a superlative overrides them
NOT_A_FIGURE = (
    OTHER_QUESTION,  # "Who would use the planned centre?", "Mit wem ...?", "Is the budget enough?"
    YES_NO_CLAUSE,  # "a client wants to start a business, do we give money for that"
    NAME_QUESTION,  # "Bei welchem Träger laufen die BvB-Plätze?"
    NAMED_ITEMS,  # "Which three steering goals ...?"
    NEWS_OR_WAY,  # "What's new about how the integration rate is planned?"
    BASIS_QUESTION,  # "Which regulation is the allocation of funds based on?"
    ORGANISATION_ASKED,  # "Which organisations agreed the targets?"
    WHAT_MUST_HAPPEN,  # "Was muss passieren, damit es genug Plätze gibt?"
    PAID_FROM_BUDGET,  # "What is paid for out of the rehab budget?"
    WHICH_THINGS,  # "Welche Kennzahlen ...?", "Which specialised staff ...?"
    CONTENT_ASKED,  # "What does the jobcenter intend to do with the money ...?"
)


def asks_for_figure(q: str) -> bool:
    """Whether the question wants a figure: a figure word, not a "why", no amount given already.

    "Warum ist die Zahl der ELB gesunken?" asks for a reason and "Welche Leistungen umfasst das
    Reha-Budget von 330.000 €?" already knows the amount; both are answered by passages.
    """
    q = ASIDE.sub(" ", q)
    if REASON_CUE.search(q) or (STATED_FIGURE.search(q) and not QUANTITY_CUE.search(q)):
        return False
    if any(p.search(q) for p in NOT_A_FIGURE) and not (QUANTITY_CUE.search(q) or SUPERLATIVE.search(q)):
        return False
    return bool(FIGURE_CUE.search(ENGLISH_PERSONAL.sub(" ", q)) or WHICH_FIGURE.match(q))


# "Besides the number of job placements, which quality aspects ...": what the question sets aside
# is not what it asks for
ASIDE = re.compile(r"^\s*(?:besides|apart\s+from|aside\s+from|other\s+than|in\s+addition\s+to|abgesehen\s+von|"
                   r"neben|außer)\b[^,;–—?]*[,;–—]", re.I)


# which rate, which budget: "Welche Integrationsquote streben wir an?", "What was the Verwaltungsbudget in 2020?"
WHICH_FIGURE = re.compile(rf"\s*(?:welche[nrs]?|what\s+(?:is|was|are|were)\s+the)\s+\w*{_FIGURE_SUFFIX}\b",
                          re.I)


# "was" only where a German clause starts with it ("Was ist ...?", "..., was"): "What target was agreed?"
# is English
GERMAN_HINT = re.compile(r"(?:^|[,;:(]\s*)was\b|"
                         r"\b(der|die|das|ist|sind|wie|wer|welche[rsn]?|gibt|für|und|im|des|hat|wird|werden|nicht)\b",
                         re.I)


# English words German does not have: "what was it" is English, though "was" is German too
ENGLISH_HINT = re.compile(r"\b(the|what|which|how|who|does|do|did|is|are|of|to|at|by|with|it|there|we|our)\b", re.I)


# a German word's umlaut ("für", "Übertritte"), not an abbreviation's ("ÖPNV", "BÜA")
_UMLAUT_WORD = re.compile(r"[äöüß]|[ÄÖÜ][a-zäöüß]")


def language(q: str) -> Optional[str]:
    """The language a question's words say it is in: "de", "en", or None when no word says it
    ("Arbeitslose U25 November 2021", "planned FbW entries"). A German word with an umlaut counts
    as one more German word: an English question may name the programme's terms ("Agentur für Arbeit",
    "Integrationsfachkräfte") and still be English."""
    german, english = len(GERMAN_HINT.findall(q)), len(ENGLISH_HINT.findall(q))
    german += bool(_UMLAUT_WORD.search(q))
    if german and german >= english:
        return "de"
    return "en" if english else None


def is_german(q: str) -> bool:
    return language(q) == "de"


def is_english(q: str) -> bool:
    return language(q) == "en"


# ---------------------------------------------------------------- unit, comparison, polarity

ONLY_MONEY = re.compile(f"({MONEY_WORDS})", re.I)

MONEY_CUE = re.compile(f"({MONEY_WORDS}|mittel|how much|wie hoch)", re.I)
# asking for an amount with no money word: "How much is the monthly rate?" (not "wie hoch": a share is high too)
HOW_MUCH = re.compile(r"\bhow\s+much\b|\bwie\s*viel\b(?!e)", re.I)

PERCENT_CUE = re.compile(r"(quote|anteil|prozent|%|\bshare|percent|\brate\b)", re.I)

# What became of people after a measure ("How many ... finished their apprenticeship?", "stayed in their
# job after the subsidy ran out", "Wie viele haben die Maßnahme abgeschlossen?"), and the words a figure
# of it would stand beside: a plan's entries or a budget count none of it
OUTCOME_CUE = re.compile(r"\b(?:successfully\s+)?(?:finish(?:ed)?|complet(?:ed?)|pass(?:ed)?)\s+"
                         r"(?:their|the|his|her|an?)\s+(?:\w+\s+)?"
                         r"(?:training|apprenticeship|course|measure|exam|qualification|programme)|"
                         r"\b(?:stay(?:ed)?|remain(?:ed)?)\s+(?:in\s+(?:their|the|a)\s+(?:job|employment|position|"
                         r"company)|employed)|\b(?:kept|taken)\s+on\b|\bafter\s+the\s+(?:subsidy|funding|support|"
                         r"measure)\s+(?:ran\s+out|ended|expired|stopped)|"
                         r"\b(?:abgeschlossen|beendet|bestanden|abgebrochen)(?:\s+(?:haben|hat|wurden?))?\s*[?.!]*\s*$|"
                         r"\b(?:weiterbeschäftigt|übernommen)\s+(?:wurden?|worden)|"
                         r"\bnach\s+(?:dem\s+)?(?:ende|auslaufen|ablauf)\s+der\s+"
                         r"(?:förderung|maßnahme|ausbildung)", re.I)
OUTCOME_WORDS = re.compile(r"abschl(?:u|ü)ss|abgeschlossen|beendet|bestanden|abbr(?:u|ü)ch|abgebrochen|übernomm|"
                           r"übernahme|verbleib|weiterbeschäftig|nachhaltig", re.I)

# How often something happens ("How many contacts per month ...?", "Wie oft ...?") and a sentence stating a
# frequency ("Mindestens 3-monatlich wird ... ein qualifizierter Kontakt initiiert"): that is its count
HOW_OFTEN = re.compile(r"\b(?:pro|je|im)\s+(?:monat|woche|jahr|quartal)\b|\bper\s+(?:month|week|year|quarter)\b|"
                       r"\ba\s+(?:month|week|year)\b|\bhow\s+often\b|\bwie\s+oft\b", re.I)
STATES_FREQUENCY = re.compile(r"\b(?:\d+-)?(?:monatlich|wöchentlich|jährlich|vierteljährlich|halbjährlich)\w*|"
                              r"\bquartalsweise\b", re.I)

# An amount for one person or one month ("Wie viel Einstiegsgeld bekommt ein Kunde im Monat?"): a
# budget's total for the year is not it
PER_HEAD_CUE = re.compile(r"\b(?:pro|je)\s+(?:monat|person|kunde|kundin|teilnehm\w*|platz|fall|tag|stunde|kopf)\b|"
                          r"\bim\s+monat\b|\bmonatlich|\bmonthly\b|\bper\s+(?:month|person|client|customer|participant|place|"
                          r"head|day|hour)\b|\ba\s+month\b|\beach\s+(?:month|person|client|customer|participant)\b|"
                          r"\bbis\s+zu\s+welche[mnr]\s+(?:betrag|h(?:ö|oe?)he)|\bup\s+to\s+what\s+amount|"
                          # one client's amount ("Wie viel bekommt ein Kunde ...?"), or what one earns
                          r"\b(?:ein|eine|einen|einem)\s+(?:kunden?|kundin|person|teilnehmer\w*|teilnehmerin)\b|"
                          r"\b(?:a|one)\s+(?:customer|client|person|participant)\b|"
                          r"\bverdien\w*|\bearn(?:s|ed|ing)?\b|" + WAGE_WORDS, re.I)

COUNT_CUE = re.compile(r"(wie\s*viele|anzahl|how many|number of|eintritte|entries|plätze|places|personen)", re.I)


def asked_unit(q: str) -> Optional[str]:
    """'€' or '%' when the question clearly asks for an amount or a share, else None.

    "Wie viele ELB verdienten über 450 €?" asks for a count: the € only qualifies it, and so
    does an amount the question states ("ELB mit mehr als 450 € im Monat, September 2021").
    """
    if COUNT_CUE.search(q):
        return None
    q = STATED_FIGURE.sub(" ", q)
    if SHARE_OF.search(q):  # "What share of the budget goes to FbW?": the budget is what it is a share of
        return "%"
    money, share = bool(ONLY_MONEY.search(q)), bool(PERCENT_CUE.search(q))
    if money != share:
        return "€" if money else "%"
    return None


# a share of people ("What share of our customers ...", "Anteil der Kunden"): a budget's share is none
_SHARE_EN = r"\b(?:share|percentage|proportion|per\s?cent)\s+of"
_SHARE_DE = r"\b(?:anteil|prozentsatz)\s+"
SHARE_OF_PEOPLE = re.compile(_SHARE_EN + r"\s+(?:(?:our|the|all|those|these)\s+)?"
                             r"(?:customers|clients|participants|people|persons|women|men|young|unemployed|"
                             r"benefit\s+recipients|recipients|jobseekers|job\s+seekers|elb)\b|"
                             + _SHARE_DE + r"(?:an\s+den|der|unter\s+den)\s+(?:\w+\s+)?"
                             r"(?:kund\w*|teilnehm\w*|menschen|personen|frauen|männer|jugendlich\w*|arbeitslos\w*|"
                             r"leistungsberechtigt\w*|leistungsbezieh\w*|elb)\b", re.I)
SHARE_OF = re.compile(_SHARE_EN + r"\b|" + _SHARE_DE + r"(?:am|an|des|der)\b|\bwie\s+viel\s+prozent\b", re.I)


# A question for a change ("By what percentage do we increase FbW?", "Um wie viel sinkt das
# Verwaltungsbudget?"; not "compared with last year" alone: "How many entries are planned compared
# with last year?" asks for the count) and a figure stating one ("eine Steigerung um 20%",
# "Veränderung zum Vorjahr")
CHANGE_CUE = re.compile(r"\b(?:increas\w*|rais(?:e[sd]?|ing)|rise[sn]?|rising|rose|decreas\w*|drop(?:s|ped|ping)?|fell|"
                        r"falls?(?!\s+(?:under|into))|falling|cut(?:s|ting)?|reduc\w*|"
                        r"steiger\w*|erhöh\w*|zuwachs|anstieg|gestiegen|steigt|steigen|sinkt|sinken|gesunken|senk\w*|"
                        r"rückgang|"
                        r"veränder\w*|by\s+how\s+much|how\s+much\s+(?:less|more)|wie\s*viel\s+(?:weniger|mehr)|"
                        r"by\s+(?:about\s+|roughly\s+|approximately\s+|around\s+)?what\s+(?:percentage|share|amount)|"
                        r"um\s+wie\s*viel\w*)\b",
                        re.I)
STATES_A_CHANGE = re.compile(r"veränderung|steigerung|anstieg|ansteigen|rückgang|gestiegen|gesunken\w*|zuwachs|"
                             r"zunahme|abnahme|erhöh\w*|gesteigert|gesenkt|im\s+vergleich|gegenüber|zum\s+vorjahr|"
                             r"[€%]\s+(?:weniger|mehr)\b",  # "Insgesamt stehen demnach 884.520 € weniger zur Verfügung"
                             re.I)

# A question for the sum of what it names ("Bundesmittel (Verwaltung plus Eingliederung) insgesamt",
# "admin + integration budget together") and a sentence stating a sum ("Insgesamt stehen demnach ...")
TOTAL_ASKED = re.compile(r"\b(?:insgesamt|zusammen(?:genommen)?|in\s+total|altogether|together|combined|overall)\b",
                         re.I)
STATES_A_TOTAL = re.compile(r"\b(?:insgesamt|zusammen(?:genommen)?|gesamt\w*)\b", re.I)

# (not "at most", "at least": a bound, not the largest of several)
SUPERLATIVE = re.compile(r"\b(?<!at\s)(?:(?P<high>größte[nmrs]?|grösste[nmrs]?|höchste[nmrs]?|meiste[nmrs]?|largest|"
                         r"biggest|highest|most)|(?P<low>kleinste[nmrs]?|niedrigste[nmrs]?|geringste[nmrs]?|"
                         r"wenigste[nmrs]?|smallest|lowest|least|fewest))\b", re.I)

NEGATION = re.compile(r"\b(ohne|nicht|kein|keine|without|not|no|non)\b", re.I)


def polarity(text: str) -> bool:
    return bool(NEGATION.search(text))


# ---------------------------------------------------------------- time

YEAR_RE = re.compile(r"\b(19|20)\d\d\b")

MONTHS = {"januar": "Januar", "january": "Januar", "februar": "Februar", "february": "Februar", "märz": "März",
          "march": "März", "april": "April", "mai": "Mai", "may": "Mai", "juni": "Juni", "june": "Juni",
          "juli": "Juli", "july": "Juli", "august": "August", "september": "September", "sept": "September",
          "oktober": "Oktober", "october": "Oktober", "november": "November", "nov": "November",
          "dezember": "Dezember", "december": "Dezember", "dez": "Dezember", "dec": "Dezember"}

# counts written in words, as prose writes small ones ("drei Jobcoaches", "zweieinhalb Betriebsakquisiteure")
COUNT_WORDS = "zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|zwölf|eineinhalb|anderthalb|zweieinhalb|dreieinhalb"

MONTH_RE = re.compile(r"\b(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b", re.I)

# "Bis wann ...?", "When will ...?", "Wie lange ...?" want a time; "When is a client considered ...?" a condition
WHEN_QUESTION = re.compile(r"^\s*(?:bis|ab|seit)?\s*wann\b|\b(?:by|until|since)\s+when\b"
                           r"|\bwhen\s+(?:will|did|was|were|does|do|is\s+the)\b|\bwie\s+lange\b|\bhow\s+long\b", re.I)
_MONTH_NAME = "(?:" + "|".join(sorted({m.lower() for m in MONTHS.values()})) + ")"  # the German names
# a span as an adjective answers "How long ...?" ("mehrstündige Pendelzeiten"), not "Bis wann ...?"
_SPAN_ADJECTIVE = (r"\b(?:mehr|viel|ganz|halb|ein|zwei|drei|vier)(?:stündig|tägig|wöchig|monatig|jährig)\w*"
                   r"|\b\w*(?:stunden|tage|wochen|monate|jahre)lang\w*"
                   # "der jeweils 12-wöchigen Projektteilnahme", "ein bis zu 12-monatiges Angebot"
                   r"|\b\d+-(?:stündig|tägig|wöchig|monatig)\w*")  # (not an age: "25-jährige")
SPAN_ADJECTIVE = re.compile(_SPAN_ADJECTIVE, re.I)
# what answers one: a year, a date, a month, a span of the calendar or a time word
TIME_WORDS = re.compile(rf"\b(?:19|20)\d\d\b|\d{{1,2}}\.\d{{1,2}}\.\d{{2,4}}|"
                        rf"\b(?:{_MONTH_NAME}|jahreshälfte\w*|quartal\w*|\w*ferien|monat\w*|wochen?|jahr\w*|"
                        r"seit|bis|ab|anfang|ende|laufe|zeitnah|künftig|zukünftig|bald)\b", re.I)
# "In which month ...?", "An welchem Tag ...?", "Bis zu welchem Stichtag ...?" want a month or a date
DAY_QUESTION = re.compile(r"\b(?:in\s+which\s+month|in\s+welchem\s+monat|an\s+welchem\s+(?:tag|datum)|"
                          r"welche[mn]?\s+(?:stichtag|termin)|which\s+deadline|what\s+deadline|by\s+which\s+date|"
                          r"on\s+which\s+(?:day|date)|which\s+date|welches\s+datum|what\s+date)\b", re.I)
# "Wie viele Wochen dauert ...?", "How many months can ...?": a span, which the tables do not hold
_SPAN_COUNT = r"\bwie\s*viele\s+(?:wochen|monate|tage|stunden)\b|\bhow\s+many\s+(?:weeks|months|days|hours)\b"
SPAN_COUNT = re.compile(_SPAN_COUNT, re.I)
# "Wie lange ...?", "How long ...?", "Innerhalb welcher Frist ...?" want a span: "ein bis zu 12-monatiges
# Angebot", "bis Ende 2022", "in den nächsten sechs Monaten"
DURATION_QUESTION = re.compile(rf"\bwie\s+lange\b|\bhow\s+long\b(?!\s+ago)|{_SPAN_COUNT}"
                               r"|\binnerhalb\s+welche[rmns]?\s+(?:frist|zeit)|\bin\s+welchem\s+zeitraum\b"
                               r"|\bwithin\s+(?:what|which)\s+(?:period|time)"
                               r"|\b(?:what|which)\s+time\s*-?\s*frame\b", re.I)
# (with "ein\w*": "eines Jahres", "einen Monat")
DURATION = re.compile(rf"\b(?:\d+|ein\w*|elf|{COUNT_WORDS})[\s-]*(?:monat|jahr|woche|tag|stunde)\w*"
                      # ("bis zu 50 Plätze" is a number of places: "bis zu 12 Monate" is a span by the first line)
                      rf"|\bbis\s+(?:zu[mr]|zu(?!\s+(?:\d+|{COUNT_WORDS})\b)|ende|mitte|anfang|(?:19|20)\d\d)\b"
                      r"|\bdauer\w*|\b(?:un)?befristet\w*"
                      r"|\w+fristig\w*|\bauf\s+\w+\s+sicht\b|" + _SPAN_ADJECTIVE, re.I)
# "How long has it been around?", "Wie lange gibt es das schon?": since when answers it ("seit 2005")
SO_FAR_QUESTION = re.compile(r"\bhow\s+long\s+(?:has|have|had)\b|\bwie\s+lange\b.*\b(?:schon|bereits)\b", re.I)
SINCE = re.compile(r"\bseit\s+(?:(?:19|20)\d\d|\d{1,2}\.|dem\b|der\b|jahren\b)", re.I)
# "Ab welchem Alter ...?", "From what age ...?" want an age: "unter 25", "U25", "15 bis 24 Jahre"
AGE_QUESTION = re.compile(r"\b(?:what\s+age|how\s+old|welchem\s+alter|wie\s+alt|welches\s+alter|age\s+limit|"
                          r"altersgrenze|mindestalter|minimum\s+age)\b", re.I)
# "Wann hat das Jobcenter geöffnet?", "Zu welchen Zeiten ...?", "opening hours" want a time of day or a weekday
HOURS_QUESTION = re.compile(r"\b(?:öffnungszeit\w*|sprechzeit\w*|geöffnet|uhrzeit\w*|"
                            r"zu\s+welche[nr]\s+(?:uhr)?zeit(?:en)?|um\s+wie\s*viel\s+uhr|"
                            r"(?:opening|office|business|consultation)\s+(?:hours|times)|at\s+what\s+times?)\b", re.I)
HOURS = re.compile(r"\b\d{1,2}(?:[:.]\d{2})?\s*uhr\b|\b(?:mon|diens|mittwo|donners|frei|sams|sonn)tags?\b", re.I)
MONTH_OR_DATE = re.compile(rf"\d{{1,2}}\.\s?\d{{1,2}}\.\s?\d{{2,4}}|\b{_MONTH_NAME}\b", re.I)


def misses_what_is_asked(q: str, text: str) -> bool:
    """The text cannot answer a question for a time ("Bis wann ...?"), a span ("How long ...?"), an
    age ("Ab welchem Alter ...?"), a day ("In which month ...?", "Bis zu welchem Stichtag ...?"), an
    hour ("Zu welchen Zeiten ist ... geöffnet?") or a name ("Welcher Bildungsträger ...?", "Wer sitzt
    im Beirat?"): it names no time, no span, no age, no month or date, no time of day or weekday, no
    person or organisation (other than those the question names)."""
    duration = bool(DURATION_QUESTION.search(q))
    if WHEN_QUESTION.search(q) and not TIME_WORDS.search(text) and not (duration and SPAN_ADJECTIVE.search(text)):
        return True
    if duration and not DURATION.search(text) \
            and not (SO_FAR_QUESTION.search(q) and SINCE.search(text)):
        return True
    if AGE_QUESTION.search(q) and age_range(text) is None and not re.search(r"jährig|lebensjahr", text, re.I):
        return True
    if DAY_QUESTION.search(q) and not MONTH_OR_DATE.search(text):
        return True
    if HOURS_QUESTION.search(q) and not HOURS.search(text):
        return True
    if not NAME_QUESTION.search(q):
        return False
    asked = {fold(w) for w in words(q)}
    # a project's name may stand in quotes ("WiN - Wiedereinstieg in Nordhessen"), a person's does not
    quoted = NAME_ASKED.search(q) and not PERSON_ASKED.search(q)
    names = [*NAMED_BODY.finditer(text), *(QUOTED_NAME.finditer(text) if quoted else ()),
             *(PUBLIC_BODY.finditer(text) if ORGANISATION_ASKED.search(q) else ()),
             *(ROLE.finditer(text) if CONTACT_ASKED.search(q) and not NAME_ASKED.search(q) else ())]
    return all({fold(w) for w in words(m.group(0))} <= asked for m in names)


# Words that say when, not what: they must not make a figure look relevant ("im Jahr 2021").
TIME_TERMS = {"jahr", "jahre", "jahres", "year", "years"}


# A time a figure is compared with ("im Vergleich zum August 2019"): the figure is not one of that
# year, unless the question compares too ("Seit Ende 2020 ... von 6.714 auf ...": that one is)
REFERENCE_TIME = re.compile(r"\b(?:im\s+vergleich\s+zu[mr]?|gegenüber|verglichen\s+mit|compared\s+(?:to|with))"
                            r"\s+(?:(?:dem|der|de[nm]?|jahr|monat|ende|anfang|mitte|\w+ber|januar|februar|märz|april|"
                            r"mai|juni|juli|august)\s+)*(?:\d{1,2}\.\d{1,2}\.)?(?:19|20)\d\d\b", re.I)
COMPARISON_CUE = re.compile(r"\b(vergleich\w*|gegenüber|verglichen|seit|compared?|since|than|als\s+im)\b", re.I)


# "last year", "im vergangenen Jahr" as a time of its own: the year before the programme's. Not what a
# figure is compared with ("compared with last year", "gegenüber dem Vorjahr") nor "last year's increase"
LAST_YEAR = re.compile(r"\b(?:last|previous|prior)\s+year\b(?!'s)|\b(?:letzte[nms]?|vergangene[nms]?)\s+jahr(?:es)?\b"
                       r"|\bim\s+vorjahr\b", re.I)


def names_last_year(text: str) -> bool:
    """Whether a text speaks of the year before its programme's, not in a comparison."""
    return bool(LAST_YEAR.search(text)) and not COMPARISON_CUE.search(text)


# When something began, said of it ("Das seit 2020 laufende Projekt"): its figures are of a later time
# ("Seit Ende 2020 ... von 6.714 auf ..." dates a figure)
START_TIME = re.compile(r"\bseit\s+(?:19|20)\d\d\s+(?=\w+end(?:e[nrsm]?)?\b)", re.I)


def of_own_time(text: str, q: str) -> str:
    """The text without the times its figures are compared with or that something began, unless
    the question compares too."""
    return text if COMPARISON_CUE.search(q) else START_TIME.sub(" ", REFERENCE_TIME.sub(" ", text))


def years_in(text: str) -> set[str]:
    """The years a text names ("2021")."""
    return {m.group(0) for m in YEAR_RE.finditer(text)}


def months_in(q: str) -> set[str]:
    """The months a question names, as the German month names the facts use."""
    return {MONTHS[m.group(1).lower()] for m in MONTH_RE.finditer(q)}


# a question comparing with "als 2021", "than in 2021" (in the programme's text, "höher als im August
# 2021 mit 846 ELB" states the figure of August 2021)
_THAN_TIME = re.compile(r"\b(?:als|than)\s+(?:(?:im|in)\s+)?(?:\w+\s+)?(?:19|20)\d\d\b", re.I)


def asked_period(q: str) -> tuple[set[str], set[str]]:
    """The years and months a question asks about, not those it compares with: "How much less is
    available compared to 2021?" asks about the programme's year ("884.520 € weniger")."""
    own = _THAN_TIME.sub(" ", REFERENCE_TIME.sub(" ", q))
    return years_in(own), months_in(own)


def asked_time(q: str) -> str:
    """The month(s) and year(s) a question asks about, as German words ("September 2019"), or ""."""
    years, months = asked_period(q)
    return " ".join(sorted(months) + sorted(years))


# ---------------------------------------------------------------- ages

class AgeRange(NamedTuple):
    """Ages from `low` up to, not including, `high`; None where the text sets no bound."""

    low: Optional[int]
    high: Optional[int]


_AGE = r"([1-9]\d)(?![\d.,]|\s*(?:€|euro|%|prozent|plätze|places|stunden|hours))"
_AGE_SPAN = re.compile(r"(?:zwischen|between|aged|im\s+alter\s+von)?\s*\b" + _AGE + r"\s*(?:jahren?\s*)?"
                       r"(?:bis|-|–|to|und|and)\s*(unter\s+|under\s+)?" + _AGE, re.I)
_AGE_BELOW = re.compile(r"(?:\bunter|\bunder|\bjünger\s+als|\byounger\s+than|\bbis)\s+" + _AGE + r"|\bU" + _AGE,
                        re.I)
_AGE_FROM = re.compile(r"(?:\büber|\bover|\bab|\bälter\s+als|\bolder\s+than|\baged)\s+" + _AGE + r"|\bÜ" + _AGE
                       + r"|\b" + _AGE + r"\s*(?:\+|(?:jahre\s+)?(?:und|oder|and|or)\s+(?:älter|over|older))", re.I)


def age_range(text: str) -> Optional[AgeRange]:
    """The ages a text names: "15 bis unter 25 Jahre", "zwischen 25 und 49" -> 25..50, "unter 25",
    "U25", "under 25" -> ..25, "50 Jahre und älter", "über 55", "55+" -> 55.., or None.
    A span's upper bound counts as included unless "unter"/"under" says otherwise ("15-24" -> 15..25)."""
    m = _AGE_SPAN.search(text)
    if m:
        return AgeRange(int(m.group(1)), int(m.group(3)) + (0 if m.group(2) else 1))
    m = _AGE_FROM.search(text)
    if m:
        return AgeRange(int(next(g for g in m.groups() if g)), None)
    m = _AGE_BELOW.search(text)
    if m:
        return AgeRange(None, int(next(g for g in m.groups() if g)))
    return None


def ages_fit(asked: AgeRange, stated: AgeRange) -> bool:
    """Whether every bound the question sets is the row's (one year either way: "bis 50" may mean 49)."""
    return all(want is None or (have is not None and abs(want - have) <= 1)
               for want, have in ((asked.low, stated.low), (asked.high, stated.high)))


# ---------------------------------------------------------------- what the programme cannot answer

# Contact details: a programme text names none, so such a question is answered only from a corpus
# that holds some (a phone number, an e-mail or web address). "address" as a noun only: "the addresses
# of the three locations", not "How does the programme address ...?"
CONTACT_QUESTION = re.compile(
    r"(telefonnummer|rufnummer|durchwahl|faxnummer|e-?mail-?\s?(adresse|address)|\be-?mail\s+(of|von|des|der|vom)\b|"
    r"anschrift|postadresse|internetadresse|\badressen?\b|\baddress(?:es)?\s+of\b|\b(?:at|under)\s+which\s+address|"
    r"\bwhat\s+(?:is|are)\s+the\s+address|öffnungszeit|sprechzeit|kontaktdaten|phone\s+number|opening\s+hours|"
    r"contact\s+(details|data)|postal\s+address|web\s*address|\burl\b)", re.I)

# "Mein Kunde ist 58 und krank, was soll ich tun?": the programme does not decide single cases.
PERSONAL_CASE = re.compile(r"\b(mein(e|em|en|er)?\s+(kunde|kundin|klient|klientin)|my\s+(client|customer))", re.I)
# ... unless it asks what the programme offers for such a case ("Gibt es dafür flankierende Leistungen?",
# "Is there anything in the programme for women like her?")
OFFER_ASKED = re.compile(r"\b(gibt\s+es\s+(dafür|da|hierfür|für\s+\w+)|is\s+there\s+any(thing)?|are\s+there\s+any|"
                         r"welche\s+(angebote|leistungen|hilfen|maßnahmen|unterstützung)|"
                         r"what\s+(offers|support|help|programmes|projects))\b", re.I)
# the person of a case, in the sentence that asks ("..., was soll ich tun?", "does she have to ...?")
_CASE_PERSON = re.compile(r"\b(ich|mir|mich|er|sie|ihm|ihr|ihre[mnrs]?|sein|seine[mnrs]?|i|me|he|she|him|her|his)\b",
                          re.I)


def asks_about_a_case(q: str) -> bool:
    """A question about one customer's case, which the programme does not decide. A case told before a
    question that asks about no one ("Mein Kunde hat Probleme mit Pünktlichkeit. Kann man laut Programm
    mit einer Arbeitsgelegenheit daran arbeiten?") only says why it is asked."""
    if not PERSONAL_CASE.search(q) or OFFER_ASKED.search(q):
        return False
    sentences = split_sentences(q)
    asking = sentences[-1] if sentences else q
    return len(sentences) < 2 or bool(PERSONAL_CASE.search(asking) or _CASE_PERSON.search(asking))

# A figure for a wider area than the district ("the nationwide integration rate", "im Bundesdurchschnitt"):
# only a figure said to be of that area answers, not one of the jobcenter's own ("ca. 19%" of its Fallmanager)
WIDER_AREA = re.compile(r"\b(?:nationwide|nation-wide|nationally|national\s+average|across\s+germany|in\s+germany|"
                        r"germany-wide|federal\s+average|bundesweit\w*|deutschlandweit\w*|in\s+ganz\s+deutschland|"
                        r"in\s+deutschland|bundesdurchschnitt\w*|landesweit\w*|hessenweit\w*|in\s+ganz\s+hessen)\b",
                        re.I)
AREA_STATED = re.compile(r"bundesweit|deutschlandweit|bundesdurchschnitt|deutschland|hessen|landesweit|"
                         r"\bdes\s+bundes\b|\bim\s+bund\b", re.I)

PLACE_BEFORE = re.compile(r"\b(jobcenters?|landkreis(es)?|kreis(es)?|stadt|region|gemeinde|in|aus|bei|nach)\s*$", re.I)


def names_a_place(q: str, unknown: list[str]) -> bool:
    """An unknown word that follows "Jobcenter", "Landkreis", "in" ... names another place."""
    return any(PLACE_BEFORE.search(q[:m.start()]) for w in unknown for m in re.finditer(re.escape(w), q))


_COUNTED = re.compile(r"\b(?i:wie\s*vielen?|wievielen?|anzahl\s+der)\s+(?:[a-zäöüß\-]+\s+){0,2}"
                      r"([A-ZÄÖÜ][\wäöüß\-]{3,})")


# Nouns that count people without saying which: "Wie viele Personen waren langzeitarbeitslos?"
# counts the Langzeitarbeitslose, not the sentences that say "Personen".
PERSON_WORDS = frozenset({"person", "personen", "mensch", "menschen", "leute", "leuten", "people", "persons"})
# the jobcenter's clients by the stems of their names ("Kunden", "Teilnehmende", "participants"):
# a figure of placements or entries counts them without naming them
CLIENT_STEMS = ("kund", "teilne")
# a duration counted: no table row of entries, places or people counts it
TIME_UNIT_STEMS = ("monat", "jahr", "woch", "tag", "stund")
# the jobcenter's staff, in any compound ("Integrationsfachkräfte", "Reha-Spezialisten"): no table row
# counts them
STAFF_STEMS = ("mitarbeit", "personal", "speziali", "fachkr", "berater", "coach", "fallmanag", "vermittler")


# Some more of what is counted, not all of it: "drei weitere Mitarbeiterinnen", "Wie viele wurden
# zusätzlich geschult?", "Wie viele kamen 2021 dazu?" (folded text too: "zusatzlich")
SOME_MORE = re.compile(r"\b(weitere[nrs]?|andere[nrs]?|other|zus[äa]tzlich\w*|neue[nrs]?|additional|further|"
                       r"more|new|(?:da|hin)zu(?:ge)?kommen\w*)\b|\b(?:kam|kamen|kommt|kommen)\b[^?]*\b(?:da|hin)zu\b",
                       re.I)


def counted_noun(q: str) -> Optional[str]:
    """The noun a German "wie viele" question counts ("Wie viele neue Mitarbeiter ..." -> "Mitarbeiter");
    None for a word that only says they are people ("Wie viele Personen ..."), unless they are
    people working at the jobcenter ("Wie viele Leute arbeiten im Jobcenter?": its staff)."""
    m = _COUNTED.search(q)
    if not m:
        return None
    if fold(m.group(1)) in PERSON_WORDS:
        return STAFF if counts_staff(q) else None
    return m.group(1)


# People who work at the jobcenter are its staff: "Wie viele Leute arbeiten bei uns?", "How many
# people work at the jobcenter?" (not "Wie viele Personen arbeiten in einem Minijob?")
STAFF = "Mitarbeiter"
# the jobcenter's own staff: "unter den Beschäftigten des Jobcenters", "our staff", "the jobcenter's employees"
OWN_STAFF = re.compile(
    r"\b(?:beschäftigten|mitarbeite\w*|angestellten|personal|staff|employees|workforce)\s+(?:des|unseres|im|beim|vom|"
    r"of\s+the|at\s+the|in\s+the|of\s+our)\s+(?:jobcenters?|jc|hauses)\b"
    r"|\b(?:our|unsere[mnrs]?)\s+(?:own\s+)?(?:staff|employees|mitarbeite\w*|beschäftigten|workforce)\b"
    r"|\bjobcenter(?:'s)?\s+(?:staff|employees|workforce)\b", re.I)
_PEOPLE_AND_WHAT_FOLLOWS = re.compile(r"\b(?:leute|personen|menschen|people|persons)\b((?:\s+\S+){1,6})", re.I)
_AT_THE_JOBCENTER = r"(?:at|for|in|by|im|beim|bei|für)\s+(?:the\s+|dem\s+|unserem\s+|our\s+)?(?:jobcenter|jc|uns|us)\b"
# "arbeiten im Jobcenter", "work at the jobcenter", "employed by us"; "im Jobcenter beschäftigt"
_WORKING_THERE = re.compile(rf"\b(?:arbeiten|arbeitet|tätig|beschäftigt|work|working|employed)\s+{_AT_THE_JOBCENTER}"
                            rf"|\b{_AT_THE_JOBCENTER}\s+(?:tätig|beschäftigt)\b", re.I)


def counts_staff(q: str) -> bool:
    """Whether a count of people asks for the jobcenter's staff: the word for people is followed
    by working at the jobcenter ("How many people work at the jobcenter?"), not by what the
    jobcenter does for people ("How many people did the jobcenter help into work?")."""
    m = _PEOPLE_AND_WHAT_FOLLOWS.search(q)
    return bool(m and _WORKING_THERE.search(m.group(1)))


def counted_head(noun: str) -> str:
    """The stem a counted noun is found by in any inflection: "Mitarbeiter" names "Mitarbeiterinnen";
    a hyphenated compound by its last part ("BaE-Ausbildungsplätze": "Ausbildungsplätze")."""
    s = stem(noun.rsplit("-", 1)[-1])
    return s[:max(5, len(s) - 2)]


_FIGURE_NOUN = re.compile(rf"\b([A-Za-zÄÖÜäöüß]+{_FIGURE_SUFFIX})\b", re.I)


class AskedNoun(NamedTuple):
    """What a figure question wants the figure of, by the stems that name it in any inflection
    (several for an English noun: "employees" is "Mitarbeiter" or "Arbeitnehmer")."""

    heads: tuple[str, ...]
    figure_before: bool  # a count: the figure stands right before the noun ("zweieinhalb Betriebsakquisiteure")
    # what an English rate is of: "unemployment" in "unemployment rate", as stems of its German words;
    # a figure that never names it is of something else (a German compound's first part may be "Ziel-",
    # "Prozent-": not checked)
    of: tuple[str, ...] = ()


_HOW_MANY = re.compile(r"\bhow\s+many\s+([A-Za-zÄÖÜäöüß\- ]+)", re.I)


def english_counted_heads(q: str) -> tuple[str, ...]:
    """What an English "how many" counts, as stems of its German words: "How many employees does
    ..." -> "mitarbeit", "arbeitne"; the last word before a function word ("does", "in", "were")
    or "people" that the bridge translates, or a German noun standing first ("How many
    Integrationsfachkräfte work ...")."""
    m = _HOW_MANY.search(q)
    if not m:
        return ()
    noun = None
    phrase = m.group(1).split()[:3]  # (not "words": that is keyword.words)
    for k, word in enumerate(phrase):
        if fold(word) in PERSON_WORDS and noun is None and counts_staff(q):
            return (counted_head(STAFF),)  # "How many people work at the jobcenter?"
        if fold(word) in STOPWORDS | PERSON_WORDS:  # "young people aged 15-24": the noun ends the phrase
            break
        pair = f"{phrase[k - 1]} {word}" if k else ""
        if pair and english_entry(pair, noun=True):
            noun = pair  # "benefit communities": two words for one of the programme's compounds
        elif english_entry(word, noun=True):
            noun = word
        elif noun is None and _GERMAN_NOUN.match(word):
            return (counted_head(word),)  # "How many Integrationsfachkräfte work ...": the German noun itself
        if _PLURAL.search(word):  # "How many coaches work ...": what is counted is plural
            if noun not in (word, pair):
                # "third-party assignments (Beauftragungen Dritter)": the German it is given in
                gloss = re.search(re.escape(word) + r"\s*\((\w+)", q)
                return (counted_head(gloss.group(1) if gloss else word),)
            break
    if not noun:
        return ()
    # "staff" is "Personal", whose stem would name any "Personen": people say nothing of what is counted
    heads = (counted_head(w) for w in german_for(noun, noun=True).split())
    return tuple(dict.fromkeys(h for h in heads if not any(p.startswith(h) for p in PERSON_WORDS)))


_PLURAL = re.compile(r"^[a-z]{2,}[^s]s$")


# a German noun in an English question: capitalised, not an abbreviation ("BaE", "FbW")
_GERMAN_NOUN = re.compile(r"[A-ZÄÖÜ][a-zäöüß]{4,}(?:-[A-ZÄÖÜa-zäöüß]+)*$")


def counted_heads(q: str) -> tuple[str, ...]:
    """The stems of the noun a German "wie viele" question counts, or (): an everyday word's
    written forms count it too ("Kollegen": "Mitarbeiter")."""
    counted = counted_noun(q)
    if not counted:
        return ()
    return tuple(dict.fromkeys(counted_head(w) for w in [counted, *written_forms(counted).split()]))


def asked_noun(q: str) -> Optional[AskedNoun]:
    """The noun "wie viele"/"how many" counts ("Betriebsakquisiteure", "employees"), else a figure's
    compound ("Aktivierungsquote")."""
    heads = counted_heads(q) or english_counted_heads(q)
    if heads:
        return AskedNoun(heads, True)
    m = _FIGURE_NOUN.search(q)
    if m:
        return AskedNoun((counted_head(m.group(1)),), False)
    m = _ENGLISH_FIGURE_NOUN.search(q)
    if m and english_entry(m.group(1), noun=True) and fold(m.group(1)) not in STOPWORDS:
        of = tuple(dict.fromkeys(counted_head(w) for w in german_for(m.group(1), noun=True).split()))
        return AskedNoun(of, False, of) if of else None
    return None


# "the unemployment rate", "the integration quota": a rate of what the word before names
_ENGLISH_FIGURE_NOUN = re.compile(r"\b([a-z]{4,})\s+(?:rate|quota)\b", re.I)
# "the marketing budget", "the travel budget": a budget of what the word before names
_ENGLISH_BUDGET = re.compile(r"\b([a-z]{3,})\s+budget\b", re.I)


def english_budget_of(q: str) -> Optional[str]:
    """The word an English question names a budget by ("marketing" in "the marketing budget"), or None."""
    m = _ENGLISH_BUDGET.search(q)
    return m.group(1) if m and fold(m.group(1)) not in STOPWORDS and is_english(q) else None


# ---------------------------------------------------------------- a part of the document named

@dataclass(frozen=True)
class SectionReference:
    """A part of the document the question names: by number ("Abschnitt 6.4") or by words
    ("laut Vorwort", "in the training section"), and the question without that reference."""

    number: Optional[str]
    words: str
    rest: str
    position: str = ""  # "first" or "last": "at the start of the programme", "am Ende des Programms"


# "Abschnitt 6.4", "Kapitel 5", "section 5.4.2", "in 6.4": not "§ 16e", "section 16i SGB II", "1.576"
_PART_WORD = r"(?:abschnitts?|abschnitten|kapitels?|kapiteln|ziffer|gliederungspunkt|sections?|chapters?)"
_NUMBER = r"(\d{1,2}(?:\.\d{1,2}){0,3})\.?(?![\w,]|\.\d)(?!\s*(?:abs|sgb|satz)\b)"
_SECTION_BY_NUMBER = re.compile(
    rf"\b(?:(?:in|im|aus|laut|nach|from|of|under)\s+(?:de[mn]\s+|the\s+)?)?{_PART_WORD}\s+{_NUMBER}"
    rf"|\b(?:in|im|unter|laut|from|under)\s+(\d{{1,2}}(?:\.\d{{1,2}}){{1,3}})\.?(?![\w,]|\.\d)", re.I)
# The document's named parts, and a section named by a word of its title: "im Abschnitt über
# Weiterbildung", "the section on women", "the training section" ("the part about implementation
# risks" describes content, not a title, and is left to retrieval)
_NAMED_PART = r"(vorwort|einleitung|schlussbemerkung|schlusswort|legende|foreword|preface|conclusion|closing\s+remarks)"
_SECTION_BY_WORDS = re.compile(
    rf"\b(?:(?:laut|im|in\s+der|in\s+dem|aus\s+dem|aus\s+der|nach\s+dem|according\s+to\s+the|in\s+the|from\s+the)\s+)?{_NAMED_PART}\b"
    r"|\b(?:(?:im|in\s+dem|aus\s+dem|laut\s+dem)\s+)?(?:abschnitt|kapitel)\s+(?:über|zu[mr]?)\s+(?:(?:den|die|das|der|dem)\s+)?"
    r"([\wäöüß\-]+)"
    r"|\b(?:(?:in|according\s+to|from)\s+)?the\s+(?:section|chapter)\s+(?:about|on)\s+(?:the\s+)?([\w\-]+)"
    r"|\b(?:(?:in|according\s+to|from)\s+)?the\s+([\w\-]+)\s+(?:section|chapter)\b", re.I)


# where in the document, not by name: "as described at the start of the programme", "am Ende des Programms"
_DOCUMENT_NOUN = r"(?:programm(?:e|es|s)?|programs?|dokuments?|documents?|amip)"
_SECTION_BY_POSITION = re.compile(
    r"\b(?:(?:at|in)\s+the\s+(?:very\s+)?(start|beginning|end)|(?:ganz\s+)?am\s+(anfang|ende)|zu\s+(beginn)|"
    rf"zum\s+(schluss))\s+(?:of\s+the|des|der|im)\s+{_DOCUMENT_NOUN}\b", re.I)
_FIRST_PLACE = {"start", "beginning", "anfang", "beginn"}


def section_reference(q: str) -> Optional[SectionReference]:
    """The part of the document a question names, if any ("Was steht in Abschnitt 6.4?")."""
    m = _SECTION_BY_NUMBER.search(q)
    if m:
        return SectionReference(m.group(1) or m.group(2), "", _without(q, m))
    m = _SECTION_BY_POSITION.search(q)
    if m:
        place = next(g for g in m.groups() if g).lower()
        return SectionReference(None, "", _without(q, m), position="first" if place in _FIRST_PLACE else "last")
    m = _SECTION_BY_WORDS.search(q)
    if m:
        return SectionReference(None, next(g for g in m.groups() if g), _without(q, m))
    return None


def _without(q: str, m: re.Match) -> str:
    rest = re.sub(r"\s+", " ", f"{q[:m.start()]} {q[m.end():]}")
    return re.sub(r"\s+([?.!,])", r"\1", rest).strip(" ,")


# Words naming the document itself, not a subject in it ("Was sagt das Programm zu Neukunden?")
DOCUMENT_WORDS = frozenset({"programm", "programme", "program", "amip", "dokument", "document"})


def without_document_words(q: str) -> str:
    """The question without the words naming the document ("What does the programme say about migrants?")."""
    kept = re.sub(r"[\wÄÖÜäöüß\-]+", lambda m: "" if fold(m.group(0)) in DOCUMENT_WORDS else m.group(0), q)
    return re.sub(r"\s+", " ", kept).strip()


# Words that ask for no more than what a section says ("Was steht in Abschnitt 6.4?", "Worum geht es in Kapitel 5.3?"),
# or for what the programme says at all: they are not the subject of a question
OVERVIEW_WORDS = frozenset({"geht", "steht", "stehen", "sagt", "sagen", "drin", "darin", "beschrieben", "behandelt",
                            "inhalt", "zusammenfassung", "uberblick", "kurz", "say", "says", "about", "contain",
                            "contains", "cover", "covers", "summary", "summarise", "summarize", "overview", "content",
                            "contents", "worum", "genau", "eigentlich", "bitte",
                            # asking to be told: "Erzähl mir was über ...", "Infos zu ..."
                            "erzahl", "erzahle", "erzahlen", "mir", "mich", "etwas", "infos", "info",
                            "informationen", "wissen", "tell", "know",
                            # where in the document: "laut Tabelle", "the table in section 3"
                            "tabelle", "tabellen", "table", "tables",
                            # what a long part says in short: "the FbW section is long – what are the main points?"
                            "main", "points", "kernpunkte", "kernaussagen", "hauptpunkte", "eckpunkte",
                            "highlights", "long", "lang",
                            # whether it is named at all: "whether the programme even mentions them"
                            "mention", "mentions", "mentioned", "erwahnt", "erwahnen"})


# ---------------------------------------------------------------- chat around the question

# "Hallo, kurze Frage: …", "Ich bin neu im Team. …", "… Danke!": what people write around a
# question in a chat says nothing about what they ask, but its words would be searched too.
_GREETING = (r"(?:hallo|hi|hey|moin|servus|guten\s+(?:morgen|tag|abend)|hello|good\s+(?:morning|afternoon|evening))"
             r"(?:\s+(?:zusammen|allerseits|alle|team|there|everyone|all))?")
_INTRO = (r"(?:(?:(?:ich\s+)?(?:habe|hätte)\s+)?(?:mal\s+)?(?:noch\s+)?(?:eine?\s+)?(?:kurze\s+)?frage|"
          r"(?:i\s+have\s+)?(?:a\s+)?(?:quick\s+)?question)")
_NEWCOMER = (r"(?:ich\s+bin\s+(?:noch\s+)?neu(?:\s+(?:hier|im\s+team|im\s+jobcenter|beim\s+jobcenter|dabei))?|"
             r"i'?\s*a?m\s+new(?:\s+(?:here|on\s+the\s+team|to\s+the\s+team|at\s+the\s+jobcenter))?)")
_LEADING_CHATTER = re.compile(
    rf"^\s*(?:(?:{_GREETING}|{_INTRO}|{_NEWCOMER})(?:\s*[,:;.!–—-]+\s*|\s+(?=und\b|and\b)(?:und|and)\s+|\s*$))+",
    re.I)
_TRAILING_CHATTER = re.compile(
    r"(?:[\s,.;–—-]*\b(?:(?:vielen\s+)?dank(?:e)?(?:\s+(?:schön|sehr|dir|euch|ihnen))?(?:\s+im\s+voraus)?|merci|"
    r"thanks?(?:\s+(?:you|a\s+lot|very\s+much|in\s+advance))*|thx|cheers|lg|viele\s+grüße|grüße)\s*[!.]*\s*)+$", re.I)


def without_chatter(q: str) -> str:
    """The question without the greeting, "kurze Frage:", "Ich bin neu im Team." or "Danke!"
    around it ("" when nothing else is left)."""
    rest = _TRAILING_CHATTER.sub("", _LEADING_CHATTER.sub("", q)).strip()
    if rest and rest[0].islower() and not q.startswith(rest) and q != q.lower():
        rest = rest[0].upper() + rest[1:]  # "Hallo, kurze Frage: wofür …" starts a sentence at "Wofür"
    return rest


# "09/2021", "11.2020", "Sep. 2021": how statistics and hurried people name a month; the facts
# name it "September 2021"
_NUMERIC_MONTH = re.compile(r"(?<![\d./])(0?[1-9]|1[0-2])\s?[/.]\s?((?:19|20)\d\d)\b")
MONTH_NAMES = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
               "November", "Dezember")
_SHORT_MONTH = re.compile(r"\b(jan|feb|mrz|mär|apr|jun|jul|aug|sept?|okt|oct|nov|dez|dec)\.?\s+(?=(?:19|20)\d\d\b)", re.I)
_SHORT = {"jan": 1, "feb": 2, "mrz": 3, "mär": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
          "okt": 10, "oct": 10, "nov": 11, "dez": 12, "dec": 12}


def with_month_names(q: str) -> str:
    """A month written as a number or abbreviated ("im 09/2021", "Sep. 2021") written as the
    programme writes it ("im September 2021")."""
    q = _NUMERIC_MONTH.sub(lambda m: f"{MONTH_NAMES[int(m.group(1)) - 1]} {m.group(2)}", q)
    return _SHORT_MONTH.sub(lambda m: f"{MONTH_NAMES[_SHORT[m.group(1).lower()] - 1]} ", q)
