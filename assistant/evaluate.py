"""Evaluation: answer accuracy, citation hit@k, refusals and latency on a JSONL question set.

A question counts as answered correctly when the answer's kind is right for refusals
("none") and, for the others, when the answer is not a refusal and contains every
`answer_contains` string (case-insensitive, whitespace collapsed).
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np

from .cues import MONTH_NAMES, is_german
from .text import UMLAUTS_SPELT_OUT


class EvalError(Exception):
    pass


REQUIRED = ("question", "kind", "answer_contains", "sections")


def load_questions(path: Path) -> list[dict]:
    if not path.is_file():
        raise EvalError(f"Die Fragen-Datei {path} gibt es nicht.")
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            q = json.loads(line)
        except ValueError as exc:
            raise EvalError(f"{path.name}, Zeile {n}: kein gültiges JSON ({exc.msg}).") from exc
        if not isinstance(q, dict) or any(k not in q for k in REQUIRED):
            raise EvalError(f"{path.name}, Zeile {n}: es fehlen Felder ({', '.join(REQUIRED)}).")
        q.setdefault("id", f"q{n}")
        out.append(q)
    if not out:
        raise EvalError(f"{path.name} enthält keine Fragen.")
    return out


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def is_correct(q: dict, answer: dict) -> bool:
    """A refusal for a question outside the programme; otherwise an answer holding every
    expected text (case and spacing aside)."""
    if q["kind"] == "none":
        return answer["kind"] == "none"
    return answer["kind"] != "none" and all(_norm(s) in _norm(answer["answer"]) for s in q["answer_contains"])


def run_eval(assistant, questions: list[dict]) -> dict:
    rows = []
    assistant.ask("Aufwärmen")  # the first question pays for lazy set-up; do not time it
    for q in questions:
        a = assistant.ask(q["question"]).to_dict()
        cited = [c["section"] for c in a["citations"]]
        correct = is_correct(q, a)
        allowed = set(q["sections"])
        rows.append({
            "id": q["id"], "question": q["question"], "expected_kind": q["kind"], "kind": a["kind"],
            "correct": correct, "hit1": bool(cited[:1]) and cited[0] in allowed,
            "hit3": any(c in allowed for c in cited[:3]), "ms": a["took_ms"], "answer": a["answer"],
            "cited": cited, "sections": q["sections"], "lang": q.get("lang"),
        })
    answerable = [r for r in rows if r["expected_kind"] != "none"]
    refusals = [r for r in rows if r["expected_kind"] == "none"]
    ms = np.array([r["ms"] for r in rows])
    by_kind = {}
    for kind in ("glossary", "fact", "passage", "none"):
        rs = [r for r in rows if r["expected_kind"] == kind]
        if rs:
            by_kind[kind] = round(sum(r["correct"] for r in rs) / len(rs), 3)
    return {
        "questions": len(rows),
        "accuracy": round(sum(r["correct"] for r in rows) / len(rows), 3),
        "hit1": round(sum(r["hit1"] for r in answerable) / max(len(answerable), 1), 3),
        "hit3": round(sum(r["hit3"] for r in answerable) / max(len(answerable), 1), 3),
        "refusals": f"{sum(r['correct'] for r in refusals)}/{len(refusals)}",
        "false_refusals": sum(r["kind"] == "none" for r in answerable),
        "p50_ms": round(float(np.percentile(ms, 50)), 1),
        "p95_ms": round(float(np.percentile(ms, 95)), 1),
        "by_kind": by_kind,
        "failures": [r for r in rows if not r["correct"] or (r["expected_kind"] != "none" and not r["hit3"])],
    }


# ---------------------------------------------------------------- as people type

_LONG_WORD = re.compile(r"[A-Za-zÄÖÜäöüß]{8,}")
_UMLAUTS = str.maketrans(UMLAUTS_SPELT_OUT)
_MONTH_NUMBER = {m: n for n, m in enumerate(MONTH_NAMES, 1)}
_NAMED_MONTH = re.compile(r"\b(" + "|".join(_MONTH_NUMBER) + r")\s+((?:19|20)\d\d)\b")


def typed_variants(question: str) -> dict[str, str]:
    """The question as people also type it (only the variants that change it):

    - tippfehler: two letters swapped in the middle of its longest word (8+ letters);
    - umlaute: "ä", "ö", "ü", "ß" typed as "ae", "oe", "ue", "ss";
    - chat: a greeting before it and thanks after it;
    - monat: "September 2021" typed as "09/2021";
    - klein: all in lower case, without the question mark.
    """
    german = is_german(question)
    out = {}
    longest = max(_LONG_WORD.findall(question), key=len, default="")
    if longest:
        i = len(longest) // 2
        out["tippfehler"] = question.replace(longest, longest[:i] + longest[i + 1] + longest[i] + longest[i + 2:], 1)
    out["umlaute"] = question.translate(_UMLAUTS)
    out["chat"] = ("Hallo, kurze Frage: " if german else "Hi, quick question: ") + question + (
        " Danke!" if german else " Thanks!")
    out["monat"] = _NAMED_MONTH.sub(lambda m: f"{_MONTH_NUMBER[m.group(1)]:02d}/{m.group(2)}", question)
    out["klein"] = question.lower().rstrip("?! ")
    return {name: text for name, text in out.items() if text != question}


def run_robustness(assistant, questions: list[dict]) -> dict[str, dict]:
    """For each way of typing: how many questions it changes, and how many of those are answered
    right as written and as typed that way."""
    out: dict[str, dict] = {}
    for q in questions:
        variants = typed_variants(q["question"])
        if not variants:
            continue
        as_written = is_correct(q, assistant.ask(q["question"]).to_dict())
        for name, text in variants.items():
            row = out.setdefault(name, {"questions": 0, "as_written": 0, "typed": 0})
            row["questions"] += 1
            row["as_written"] += as_written
            row["typed"] += is_correct(q, assistant.ask(text).to_dict())
    return out


def format_robustness(rows: dict[str, dict]) -> str:
    lines = ["| so getippt | Fragen | richtig wie geschrieben | richtig so getippt |", "|---|---|---|---|"]
    for name, r in rows.items():
        lines.append(f"| {name} | {r['questions']} | {r['as_written']} | {r['typed']} |")
    return "\n".join(lines)


def format_table(results: dict[str, dict], name: str) -> str:
    modes = list(results)
    lines = [f"Evaluation {name} ({next(iter(results.values()))['questions']} Fragen)", "",
             "| Messgröße | " + " | ".join(modes) + " |", "|---|" + "---|" * len(modes)]
    rows = [("Antwort-Genauigkeit", "accuracy", "{:.1%}"), ("Zitat hit@1", "hit1", "{:.1%}"),
            ("Zitat hit@3", "hit3", "{:.1%}"), ("korrekte Ablehnungen", "refusals", "{}"),
            ("falsche Ablehnungen", "false_refusals", "{}"), ("p50 ms", "p50_ms", "{}"), ("p95 ms", "p95_ms", "{}")]
    for label, key, fmt in rows:
        lines.append(f"| {label} | " + " | ".join(fmt.format(results[m][key]) for m in modes) + " |")
    for kind in ("glossary", "fact", "passage", "none"):
        if kind in results[modes[0]]["by_kind"]:
            lines.append(f"| Genauigkeit {kind} | " + " | ".join(
                f"{results[m]['by_kind'].get(kind, 0):.1%}" for m in modes) + " |")
    return "\n".join(lines)
