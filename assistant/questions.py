"""The one check every entry point (CLI, HTTP, chat form) applies to a question."""
from __future__ import annotations

from typing import Any

MAX_QUESTION_CHARS = 500  # design.md §4


class QuestionError(ValueError):
    """A question that cannot be asked; the message is one German sentence for the user."""


def check_question(value: Any) -> str:
    """The question stripped of surrounding space, or QuestionError saying what is wrong."""
    if value is None:
        raise QuestionError("Bitte geben Sie eine Frage ein.")
    if not isinstance(value, str):
        raise QuestionError("Die Frage muss ein Text sein.")
    question = value.strip()
    if not question:
        raise QuestionError("Bitte geben Sie eine Frage ein.")
    if len(question) > MAX_QUESTION_CHARS:
        raise QuestionError(f"Die Frage ist zu lang: höchstens {MAX_QUESTION_CHARS} Zeichen.")
    if any("\ud800" <= ch <= "\udfff" for ch in question):
        # half of a UTF-16 pair (JSON "\ud800"): not text, and no encoder can write it
        raise QuestionError("Die Frage enthält ungültige Zeichen.")
    return question
