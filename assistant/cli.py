"""The `amip` command line (click): build, ask, serve, eval, inspect."""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from .index import IndexError_, build_index, write_atomic
from .loaders import LoadError
from .questions import QuestionError, check_question


def _fail(message: str) -> None:
    click.echo(message, err=True)
    sys.exit(1)


def _paths(ctx: click.Context) -> tuple[Path, Path]:
    return ctx.obj["corpus"], ctx.obj["index"]


def _open(ctx: click.Context, mode: str = "hybrid"):
    from .embedders import EmbedderError
    from .engine import Assistant

    corpus, index = _paths(ctx)
    try:
        return Assistant.open(corpus, index, mode=mode)
    except (IndexError_, EmbedderError, LoadError) as exc:
        _fail(str(exc))


@click.group()
@click.option("--corpus", type=click.Path(path_type=Path), envvar="AMIP_CORPUS", default="corpus",
              show_default=True, help="Ordner mit den Programmen (.md, .pdf).")
@click.option("--index", "index", type=click.Path(path_type=Path), envvar="AMIP_INDEX", default="index",
              show_default=True, help="Ordner für den Index.")
@click.pass_context
def main(ctx: click.Context, corpus: Path, index: Path) -> None:
    """AMIP-Assistent: Fragen zum Arbeitsmarkt- und Integrationsprogramm beantworten."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    ctx.obj = {"corpus": corpus, "index": index}


def _common(f):
    """--corpus/--index after the sub-command too ("amip build --corpus X")."""
    f = click.option("--corpus", "sub_corpus", type=click.Path(path_type=Path), default=None,
                     help="Ordner mit den Programmen.")(f)
    f = click.option("--index", "sub_index", type=click.Path(path_type=Path), default=None,
                     help="Ordner für den Index.")(f)
    return f


def _apply(ctx: click.Context, sub_corpus, sub_index) -> None:
    if sub_corpus is not None:
        ctx.obj["corpus"] = sub_corpus
    if sub_index is not None:
        ctx.obj["index"] = sub_index


@main.command()
@_common
@click.option("--force", is_flag=True, help="Alles neu bauen, auch wenn der Index aktuell ist.")
@click.pass_context
def build(ctx, sub_corpus, sub_index, force):
    """Index aus dem Korpus bauen (nur geänderte Abschnitte werden neu eingebettet)."""
    _apply(ctx, sub_corpus, sub_index)
    corpus, index = _paths(ctx)
    try:
        report = build_index(corpus, index, force=force, progress=True)
    except (IndexError_, LoadError) as exc:
        _fail(str(exc))
    except Exception as exc:  # e.g. the embedder cannot be loaded
        _fail(f"Der Index konnte nicht gebaut werden: {exc}")
    click.echo(report.summary())
    if report.documents == 0:
        _fail("Im Korpus wurde kein lesbares Dokument gefunden.")


@main.command()
@_common
@click.argument("question", required=False)
@click.option("--json", "as_json", is_flag=True, help="Antwort als JSON ausgeben.")
@click.option("--batch", type=click.File("r", encoding="utf-8"), default=None,
              help="Datei (oder -) mit einer Frage pro Zeile.")
@click.pass_context
def ask(ctx, sub_corpus, sub_index, question, as_json, batch):
    """Eine Frage beantworten (oder viele mit --batch)."""
    _apply(ctx, sub_corpus, sub_index)
    if batch is None:
        try:
            question = check_question(question)
        except QuestionError as exc:
            _fail(str(exc))
    assistant = _open(ctx)
    if batch is not None:
        try:
            for line in batch:
                q = line.rstrip("\n")
                if not q.strip():
                    continue
                try:
                    out = assistant.ask(check_question(q)).to_dict()
                except QuestionError as exc:
                    out = {"question": q, "error": str(exc)}
                click.echo(json.dumps(out, ensure_ascii=False))
        except UnicodeDecodeError:
            _fail("Die Fragendatei ist kein UTF-8-Text.")
        return
    answer = assistant.ask(question)
    if as_json:
        click.echo(json.dumps(answer.to_dict(), ensure_ascii=False, indent=2))
        return
    labels = {"glossary": "Begriff", "fact": "Zahl", "passage": "Textstelle", "none": "nicht gefunden"}
    if answer.read_as:
        click.echo(f"(gelesen als: {answer.read_as})")
    click.echo(f"[{labels[answer.kind]}] {answer.answer}")
    for n, c in enumerate(answer.citations, 1):
        page = f", S. {c.page}" if c.page else ""
        click.echo(f"  [{n}] {c.section} {c.title}{page} – {c.doc}")


@main.command()
@_common
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.pass_context
def serve(ctx, sub_corpus, sub_index, host, port):
    """Web-Oberfläche starten (waitress, kein Debug-Modus)."""
    _apply(ctx, sub_corpus, sub_index)
    from .web import serve as run

    assistant = _open(ctx)
    corpus, index = _paths(ctx)
    try:
        run(host=host, port=port, corpus=corpus, index=index, assistant=assistant)
    except OSError as exc:  # port taken, address not available
        _fail(f"Der Server kann nicht auf {host}:{port} starten ({exc.strerror or exc}).")


@main.command(name="eval")
@_common
@click.option("--set", "qset", type=click.Path(path_type=Path), default=Path("tests/eval/questions.jsonl"),
              show_default=True, help="Fragen-Datei (JSONL).")
@click.option("--out", type=click.Path(path_type=Path), default=None,
              help="Ergebnis-JSON (Standard: <index>/eval-<Set>.json).")
@click.option("--modes", default="hybrid,keyword,dense", show_default=True)
@click.option("--failures", is_flag=True, help="Falsch beantwortete Fragen auflisten.")
@click.option("--typed", is_flag=True, help="Auch mit Tippfehlern, ohne Umlaute, im Chat-Ton … gestellt (Gesamtsystem).")
@click.pass_context
def eval_cmd(ctx, sub_corpus, sub_index, qset, out, modes, failures, typed):
    """Antwortqualität messen: Gesamtsystem gegen Keyword- und Dense-Baseline."""
    _apply(ctx, sub_corpus, sub_index)
    from .evaluate import EvalError, format_robustness, format_table, load_questions, run_eval, run_robustness

    try:
        questions = load_questions(qset)
    except EvalError as exc:
        _fail(str(exc))
    assistant = _open(ctx)
    results = {}
    for mode in [m.strip() for m in modes.split(",") if m.strip()]:
        if mode not in ("hybrid", "keyword", "dense"):
            _fail(f"Unbekannter Modus '{mode}' (erlaubt: hybrid, keyword, dense).")
        results[mode] = run_eval(assistant.with_mode(mode), questions)
    click.echo(format_table(results, qset.name))
    if failures:
        for r in results.get("hybrid", next(iter(results.values())))["failures"]:
            click.echo(f"  FAIL {r['id']} [{r['expected_kind']}->{r['kind']}] {r['question']} | "
                       f"{r['answer'][:140]} | {r['cited']} vs {r['sections']}")
    report = dict(results)
    if typed:
        report["typed"] = run_robustness(assistant, questions)
        click.echo("\n" + format_robustness(report["typed"]))
    out = out or (ctx.obj["index"] / f"eval-{qset.stem}.json")
    out.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(out, json.dumps(report, ensure_ascii=False, indent=2).encode("utf-8"))
    click.echo(f"Ergebnis geschrieben: {out}")


@main.command()
@_common
@click.argument("what", type=click.Choice(["sections", "glossary", "facts"]))
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def inspect(ctx, sub_corpus, sub_index, what, as_json):
    """Zeigen, was der Parser verstanden hat (ohne Index, direkt aus dem Korpus)."""
    _apply(ctx, sub_corpus, sub_index)
    from .facts import extract_facts
    from .glossary import extract_glossary
    from .index import corpus_files
    from .structure import parse_document

    corpus, _ = _paths(ctx)
    try:
        files = corpus_files(corpus)
    except IndexError_ as exc:
        _fail(str(exc))
    rows: list[dict] = []
    for path in files:
        try:
            doc = parse_document(path)
        except LoadError as exc:
            click.echo(str(exc), err=True)
            continue
        if what == "sections":
            for s in doc.sections:
                rows.append({"doc": doc.doc, "section": s.section, "title": s.title, "parent": s.parent,
                             "level": s.level, "lines": [s.line_start, s.line_end],
                             "pages": [s.page_start, s.page_end], "chars": len(s.text)})
        elif what == "glossary":
            for t in extract_glossary(doc):
                rows.append({"doc": doc.doc, "abbr": t.abbr, "long": t.long, "source": t.source,
                             "sections": t.sections, "defined_in": t.defined_in, "variants": t.variants})
        else:
            for f in extract_facts(doc):
                d = f.answer_dict()
                d.update({"doc": f.doc, "source_text": f.source_text, "table": f.table, "page": f.page})
                rows.append(d)
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    for r in rows:
        if what == "sections":
            indent = "  " * (r["level"] - 1)
            where = f"S. {r['pages'][0]}" if r["pages"][0] else f"Z. {r['lines'][0]}"
            click.echo(f"{r['doc'][:24]:24} {indent}{r['section']} {r['title'] if r['title'] != r['section'] else ''} ({where})")
        elif what == "glossary":
            click.echo(f"{r['abbr']:10} {r['long']}  [{r['source']}; {', '.join(r['sections'][:8])}]")
        else:
            period = f" ({r['period']})" if r["period"] else ""
            click.echo(f"{r['section']:8} {r['subject'][:50]:50} | {r['measure'][:40]:40}{period} = {r['value']}")
    click.echo(f"{len(rows)} Einträge", err=True)


if __name__ == "__main__":  # pragma: no cover
    main()
