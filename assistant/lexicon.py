"""English -> German (and everyday -> written German) bridge words for the keyword side of search.

The embedder is multilingual, but BM25 only matches German words; these domain words
let "budget for rehab" reach "Reha" and "Budget". Keys are lower-case English words.
"""
from __future__ import annotations

import re

EN_DE = {
    "budget": "Budget Mittel Betrag", "money": "Budget Betrag Mittel", "funds": "Mittel Budget",
    "funding": "Förderung Mittel", "administrative": "Verwaltungsbudget Verwaltung", "administration": "Verwaltung",
    "integration": "Eingliederung Integration", "integrations": "Integrationen", "rehab": "Reha Rehabilitation",
    "rehabilitation": "Reha Rehabilitation", "disabled": "Behinderung schwerbehinderte", "disability": "Behinderung",
    "disabilities": "Behinderungen", "severely": "schwerbehinderte", "planned": "geplant geplante Planung",
    "plan": "geplant Planung", "entries": "Eintritte Neueintritte", "entry": "Eintritte", "new": "neue Neu",
    "places": "Plätze", "place": "Plätze", "training": "Weiterbildung Qualifizierung Ausbildung",
    "further": "Weiterbildung", "vocational": "beruflichen Ausbildung", "apprenticeship": "Ausbildung",
    "education": "Bildung Ausbildung", "qualification": "Qualifizierung", "staff": "Mitarbeiterinnen Mitarbeiter Personal",
    "employees": "Mitarbeiterinnen Mitarbeiter", "personnel": "Personal", "full-time": "Vollzeitäquivalente",
    "fte": "Vollzeitäquivalente VZÄ", "equivalents": "Vollzeitäquivalente", "unemployed": "Arbeitslose arbeitslos",
    "unemployment": "Arbeitslosigkeit Arbeitslose", "long-term": "Langzeit Langzeitarbeitslose",
    "longterm": "Langzeit", "long": "Langzeit", "term": "", "women": "Frauen", "woman": "Frauen", "female": "Frauen",
    "men": "Männer", "male": "Männer", "young": "junge Jugendliche U25", "youth": "Jugendliche junge",
    "people": "Menschen Personen", "persons": "Personen", "customers": "Kunden Kundinnen", "customer": "Kunden",
    "clients": "Kunden", "job": "Arbeit Stelle", "jobs": "Arbeit Stellen", "work": "Arbeit",
    "employer": "Arbeitgeber", "employers": "Arbeitgeber", "service": "Service", "self-employed": "Selbstständige",
    "selfemployed": "Selbstständige", "entrepreneurs": "Selbstständige Gründungen", "start-up": "Gründung",
    "migrants": "Migranten Migrationshintergrund", "migration": "Migrationshintergrund Migranten",
    "refugees": "Geflüchtete Flucht", "single": "Alleinerziehende", "parents": "Erziehende Eltern",
    "childcare": "Kinderbetreuung", "children": "Kinder", "goals": "Ziele", "goal": "Ziel", "targets": "Zielwerte Ziele",
    "target": "Zielwert Ziel", "rate": "Quote", "quota": "Quote", "share": "Anteil Quote", "percentage": "Prozent Anteil",
    "percent": "Prozent", "total": "Gesamt insgesamt", "number": "Zahl Anzahl", "count": "Anzahl",
    "how": "", "many": "", "much": "", "subsidies": "Zuschüsse", "subsidy": "Zuschuss", "wage": "Eingliederungszuschuss",
    "benefits": "Leistungen", "benefit": "Leistungen", "recipients": "Leistungsbezieher Leistungsberechtigte",
    "legal": "Rechtmäßigkeit", "lawfulness": "Rechtmäßigkeit", "quality": "Qualität", "communication": "Kommunikation",
    "contact": "Kontakt Kontaktdichte", "video": "Video Videokommunikation", "digital": "digital Digitale",
    "online": "digital Internet", "website": "Homepage Internetangebot", "homepage": "Homepage",
    "counselling": "Beratung", "counseling": "Beratung", "advice": "Beratung", "case": "Fall", "management": "Management Fallmanagement",
    "school": "Schule Schulabgänger", "leavers": "Schulabgänger", "transition": "Übergang", "strategy": "Strategie",
    "framework": "Rahmenbedingungen", "economic": "wirtschaftliche gesamtwirtschaftliche", "economy": "Wirtschaft",
    "growth": "Wachstum", "inflation": "Inflation", "pandemic": "Pandemie Corona", "corona": "Corona Pandemie",
    "covid": "Corona Covid19", "underemployment": "Unterbeschäftigung", "jobseekers": "Arbeitsuchende",
    "foreigners": "Ausländer", "foreign": "Ausländer ausländische", "nationals": "Staatsangehörigkeit", "germans": "Deutsche", "german": "Deutsche deutsche", "academic": "akademische", "without": "ohne", "with": "mit",
    "opportunities": "Work-opportunities Arbeitsgelegenheiten", "priorities": "Schwerpunkte", "priority": "Schwerpunkt",
    "focus": "Schwerpunkt Fokus", "risks": "Risiken Umsetzungsrisiken", "risk": "Risiko", "measures": "Maßnahmen",
    "measure": "Maßnahme", "activation": "Aktivierung", "foreword": "Vorwort", "preface": "Vorwort",
    "closing": "Schlussbemerkung", "conclusion": "Schlussbemerkung", "glossary": "Legende", "abbreviations": "Legende",
    "local": "Lokale kommunale", "municipal": "kommunale", "district": "Landkreis", "september": "September",
    "november": "November", "august": "August", "employed": "Erwerbstätige", "working": "Erwerbstätige",
    "newcustomers": "Neukunden", "participation": "Teilhabe", "social": "soziale", "orientation": "Orientierung",
    "centre": "Zentrum", "center": "Zentrum", "career": "Beruf Berufsorientierung", "guidance": "Beratung Berufsberatung",
    "shifted": "Umschichtungsbetrag", "shift": "Umschichtung", "reallocation": "Umschichtungsbetrag",
    "transfer": "Umschichtung", "integrationtitle": "Eingliederungstitel", "title": "Titel",
    "less": "weniger", "fewer": "weniger", "increase": "Steigerung", "decrease": "Abbau Rückgang",
    "cases": "Fälle", "stock": "Bestand", "population": "Bestand", "contract": "Vertrag", "applications": "Anträge",
    "fall": "gesunken Rückgang", "fell": "gesunken Rückgang", "drop": "Rückgang gesunken",
    "decline": "Rückgang gesunken", "rise": "Anstieg gestiegen", "rose": "Anstieg gestiegen",
    "compared": "Vergleich", "since": "seit", "founded": "gegründet Gründung", "existed": "seit besteht",
    "entrance": "Eintritte", "starts": "Eintritte", "jobcentre": "Jobcenter", "jobcenter": "Jobcenter",
    # how staff name the programme's things in English (each German word is one the programme uses)
    "project": "Projekt", "projects": "Projekte Projekt", "coach": "Coaching Jobcoaches", "coaches": "Jobcoaches Coaching",
    "coaching": "Coaching", "indicator": "Kennziffer", "indicators": "Zielindikatoren Kennziffer",
    "steering": "Steuerung Steuerungsziele", "agreement": "Vereinbarung Zielvereinbarung", "agreed": "vereinbart",
    "principle": "Grundsatz Prinzip", "offices": "Standorte", "office": "Standort", "locations": "Standorte",
    "location": "Standort", "apprentices": "Ausbildung", "apprenticeships": "Ausbildung Ausbildungsplätze",
    "barriers": "Hemmnisse Vermittlungshemmnisse", "obstacles": "Hemmnisse", "providers": "Träger Bildungsträger",
    "provider": "Träger Bildungsträger", "companies": "Betriebe", "company": "Betrieb", "firms": "Betriebe",
    "businesses": "Betriebe", "teenagers": "Jugendliche", "appointment": "Termin", "profiling": "Profiling",
    "unskilled": "Angelernte", "skilled": "Fachkräfte", "shortage": "Fachkräftemangel", "demand": "Bedarf Nachfrage",
    "labour": "Arbeitsmarkt Arbeit", "labor": "Arbeitsmarkt Arbeit", "market": "Markt Arbeitsmarkt",
    "placement": "Vermittlung", "placements": "Vermittlungen Integrationen", "courses": "Kurse Maßnahmen",
    "course": "Kurs Maßnahme", "language": "Sprache Sprachkenntnisse", "health": "Gesundheit gesundheitliche",
    "debt": "Schulden Schuldnerberatung", "addiction": "Sucht Suchtberatung", "housing": "Unterkunft",
    "heating": "Heizung", "monitoring": "Monitoring", "controlling": "Controlling", "income": "Einkommen",
    "earnings": "Einkommen", "part-time": "Teilzeit", "employment": "Beschäftigung",
    "self-employment": "Selbstständigkeit", "network": "Netzwerk Netzwerkarbeit", "networks": "Netzwerke",
    "cooperation": "Zusammenarbeit", "partners": "Akteure", "municipality": "Kommune", "municipalities": "Kommunen",
    "schools": "Schulen", "pupils": "Schüler Schülerinnen", "students": "Schüler Schülerinnen",
    "graduates": "Schulabgänger", "families": "Familien", "family": "Familie", "households": "Bedarfsgemeinschaften",
    "household": "Bedarfsgemeinschaft", "mothers": "Frauen Erziehende", "elderly": "Ältere", "older": "ältere",
    "caseworkers": "Integrationsfachkräfte Fachkräfte", "caseworker": "Integrationsfachkraft",
    "advisers": "Beratungsfachkräfte Fachkräfte", "advisors": "Beratungsfachkräfte Fachkräfte",
    "specialists": "Spezialisten", "managers": "Führungskräfte", "sectors": "Branchen", "sector": "Branche",
    "industries": "Branchen", "law": "Gesetz", "laws": "Gesetze", "application": "Antrag",
    "digitalisation": "Digitalisierung", "digitization": "Digitalisierung",
}

# Everyday German for words the programme writes formally; a caseworker types "Leute", the text
# says "Personen". (Lower-case keys, like EN_DE.)
COLLOQUIAL_DE = {"leute": "Personen Menschen", "leuten": "Personen Menschen"}

_TOKEN = re.compile(r"[A-Za-z][A-Za-z\-]*")


def bridge(question: str) -> str:
    """German words for the English domain words of a question (empty for German questions)."""
    out = []
    for tok in _TOKEN.findall(question):
        de = EN_DE.get(tok.lower()) or COLLOQUIAL_DE.get(tok.lower())
        if de:
            out.append(de)
    return " ".join(out)
