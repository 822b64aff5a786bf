"""Bad input, property-based: /api/ask, the loaders and `amip ask` never crash.

Whatever arrives (any JSON, any unicode including control characters and lone surrogates,
huge strings, random bytes, broken documents) the answer is an answer or one clear German
message: never a 500, never a traceback. Example counts are bounded so the suite stays fast.
"""
from __future__ import annotations

import json
import random
import string
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from assistant.chunks import chunk_sentences, make_chunks
from assistant.cli import main
from assistant.facts import extract_facts
from assistant.glossary import extract_glossary
from assistant.loaders import LoadError, load_blocks
from assistant.structure import parse_document

ROOT = Path(__file__).resolve().parent.parent
MARKDOWN = (ROOT / "corpus" / "amip-2022-jobcenter-landkreis-kassel.md").read_text(encoding="utf-8")
KINDS = {"glossary", "fact", "passage", "none"}


def fuzz(examples: int) -> settings:
    """Bounded: a few dozen examples each, no per-example deadline (the machine is shared)."""
    return settings(max_examples=examples, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                           HealthCheck.data_too_large])


# Any character: control characters, combining marks, emoji, private use, and lone surrogates
# (what JSON "\ud800" decodes to, or Python makes of invalid UTF-8 in argv), which are refused.
any_char = st.characters(codec=None, categories=None)
any_text = st.text(any_char, max_size=80)
# Text that looks like a question: words from the programme mixed with noise.
words = st.sampled_from(["Was", "ist", "AsA", "flex", "FbW", "Budget", "2022", "wie", "viele", "Eintritte",
                         "Jobcenter", "Kassel", "what", "does", "stand", "for", "?", "€", "%", "\x00", "\u202e",
                         "\ud800", "\t", "\n", "ß", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "<script>", "' OR 1=1 --", "{{7*7}}"])
questionish = st.lists(st.one_of(words, any_text), min_size=1, max_size=8).map(" ".join)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | any_text,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(any_text, inner, max_size=4),
    max_leaves=12)


def _askable(q: object) -> bool:
    """What check_question lets through: text, not blank, at most 500 characters, no lone surrogate."""
    return (isinstance(q, str) and 0 < len(q.strip()) <= 500
            and not any("\ud800" <= ch <= "\udfff" for ch in q))


def _check_ask_response(r) -> None:
    assert r.status_code in (200, 400, 413), (r.status_code, r.data[:300])
    assert r.is_json, r.data[:300]
    body = r.get_json()
    assert b"Traceback" not in r.data
    if r.status_code == 200:
        assert body["kind"] in KINDS
        assert isinstance(body["answer"], str) and body["answer"].strip()
        assert isinstance(body["citations"], list)
        assert body["kind"] != "none" or body["citations"] == []
    else:
        message = body["error"]
        assert isinstance(message, str) and message.endswith(".") and len(message) < 200


# ---------------------------------------------------------------- HTTP

@fuzz(60)
@given(body=json_values)
def test_api_ask_any_json_body(client, body):
    r = client.post("/api/ask", data=json.dumps(body), content_type="application/json")
    _check_ask_response(r)
    if not isinstance(body, dict):
        assert r.status_code == 400


@fuzz(60)
@given(question=st.one_of(questionish, any_text, json_values))
@example(question="\x00\x01\x02\x1b[31m")
@example(question=" " * 600 + "?")               # long, but only spaces around one character
@example(question="A" * 500)
@example(question="A" * 501)
def test_api_ask_any_question(client, question):
    r = client.post("/api/ask", data=json.dumps({"question": question}), content_type="application/json")
    _check_ask_response(r)
    assert r.status_code == (200 if _askable(question) else 400)


@fuzz(40)
@given(raw=st.binary(max_size=2048), content_type=st.sampled_from(
    ["application/json", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data", ""]))
def test_api_ask_random_bytes(client, raw, content_type):
    r = client.post("/api/ask", data=raw, content_type=content_type)
    _check_ask_response(r)


# A lone surrogate (JSON "\ud800", or invalid UTF-8 in argv) is refused by check_question.
@pytest.mark.parametrize("body", ['{"question": "\\ud800 Was ist AsA flex?"}', '{"question": "FbW \\udfff"}'])
def test_api_ask_lone_surrogate(client, body):
    r = client.post("/api/ask", data=body, content_type="application/json")
    _check_ask_response(r)


@pytest.mark.parametrize("size", [16 * 1024 + 1, 100_000, 2_000_000])
def test_api_ask_huge_body(client, size):
    body = json.dumps({"question": "x" * size})
    r = client.post("/api/ask", data=body, content_type="application/json")
    assert r.status_code == 413
    _check_ask_response(r)


def test_api_ask_deeply_nested_json(client):
    body = "[" * 5000 + "]" * 5000  # recursion in the JSON parser, under 16 KiB
    _check_ask_response(client.post("/api/ask", data=body, content_type="application/json"))
    body = '{"question": ' + "[" * 3000 + "]" * 3000 + "}"
    r = client.post("/api/ask", data=body, content_type="application/json")
    _check_ask_response(r)
    assert r.status_code == 400


# ---------------------------------------------------------------- loaders

def _parse_everything(path: Path) -> None:
    """Load and parse a corpus file the way `amip build` does; LoadError is the only way to fail."""
    try:
        doc = parse_document(path)
    except LoadError as exc:
        message = str(exc)
        assert message.startswith(path.name + ":") and "\n" not in message
        return
    extract_glossary(doc)
    extract_facts(doc)
    for chunk in make_chunks(doc):
        chunk_sentences(chunk)


@fuzz(40)
@given(data=st.binary(max_size=4096), suffix=st.sampled_from([".md", ".pdf", ".markdown", ".txt", ""]))
def test_loaders_random_bytes(tmp_path, data, suffix):
    path = tmp_path / f"doc{suffix}"
    path.write_bytes(data)
    _parse_everything(path)


@fuzz(40)
@given(text=st.text(any_char, max_size=2000))
def test_markdown_any_text(tmp_path, text):
    path = tmp_path / "doc.md"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")  # a lone surrogate: invalid UTF-8
    _parse_everything(path)


@fuzz(25)
@given(seed=st.integers(0, 2**32 - 1), edits=st.integers(1, 12))
def test_markdown_broken_programme(tmp_path, seed, edits):
    """The real programme, cut, shuffled and with random lines inserted or removed."""
    rng = random.Random(seed)
    lines = MARKDOWN.splitlines(keepends=True)
    start = rng.randrange(len(lines))
    lines = lines[start:start + rng.randrange(1, 400)]
    for _ in range(edits):
        op = rng.choice(["drop", "dup", "noise", "swap", "heading", "tabs"])
        i = rng.randrange(len(lines)) if lines else 0
        if op == "drop" and lines:
            del lines[i]
        elif op == "dup" and lines:
            lines.insert(i, lines[i] * rng.randrange(1, 5))
        elif op == "noise":
            lines.insert(i, "".join(rng.choice(string.printable + "äöüß€§–„“\t") for _ in range(rng.randrange(80))))
        elif op == "swap" and len(lines) > 1:
            j = rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "heading":
            lines.insert(i, rng.choice(["# ", "## **", "### ", "**"]) + rng.choice(["1.", "9.9.9", "0", "Legende",
                                                                                     "12.3 Ziel", ""]) + "\n")
        elif op == "tabs":
            lines.insert(i, "\t".join(rng.choice(["FbW", "150", "785.000", "14,4 %", "", "–"]) for _ in range(5)) + "\n")
    path = tmp_path / "amip-broken.md"
    path.write_text("".join(lines), encoding="utf-8")
    _parse_everything(path)


def _tiny_pdf(text: str) -> bytes:
    """A valid one-page PDF showing `text` (correct xref offsets), to be broken by the test."""
    stream = zlib.compress(f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode("latin-1", "replace"))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def test_tiny_pdf_is_readable(tmp_path):
    """The fixture of the PDF fuzz test is itself a PDF the loader reads."""
    path = tmp_path / "tiny.pdf"
    path.write_bytes(_tiny_pdf("1. Ziele des Jobcenters"))
    assert any("Ziele" in b.text for b in load_blocks(path))


@fuzz(40)
@given(text=st.text(st.characters(min_codepoint=32, max_codepoint=255), max_size=60),
       cut=st.floats(0, 1), flips=st.lists(st.tuples(st.floats(0, 1), st.integers(0, 255)), max_size=6))
def test_pdf_broken(tmp_path, text, cut, flips):
    data = bytearray(_tiny_pdf(text))
    for where, byte in flips:
        data[int(where * (len(data) - 1))] = byte
    data = data[: max(1, int(len(data) * cut))] if cut < 0.999 else data
    path = tmp_path / "doc.pdf"
    path.write_bytes(bytes(data))
    _parse_everything(path)


@pytest.mark.parametrize("fraction", [0.02, 0.5, 0.97])
def test_real_pdf_truncated(tmp_path, fraction):
    data = (ROOT / "tests" / "fixtures" / "amip-2022-jobcenter-landkreis-kassel.pdf").read_bytes()
    path = tmp_path / "amip.pdf"
    path.write_bytes(data[: int(len(data) * fraction)])
    _parse_everything(path)


# ---------------------------------------------------------------- command line

@pytest.fixture(scope="module")
def cli_args(assistant):
    return ["--corpus", str(ROOT / "corpus"), "--index", str(assistant.index_dir)]


def _check_cli(result) -> None:
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    if result.exit_code == 0:
        assert result.stdout.startswith("[")
    else:
        assert result.exit_code == 1 and result.stdout == ""
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].endswith("."), result.stderr


@fuzz(25)
@given(question=st.one_of(questionish, any_text))
@example(question="")
@example(question="-" * 600)
def test_cli_ask_any_question(cli_args, question):
    result = CliRunner().invoke(main, cli_args + ["ask", "--", question])  # "--": "-x" is a question too
    _check_cli(result)
    assert result.exit_code == (0 if _askable(question) else 1), result.output


@pytest.mark.parametrize("question", ["\udcff\udcfe", "Was ist \ud800?"])
def test_cli_ask_lone_surrogate(cli_args, question):
    """`amip ask $'\\xff\\xfe'`: Python turns the invalid UTF-8 of argv into lone surrogates."""
    _check_cli(CliRunner().invoke(main, cli_args + ["ask", "--", question]))


@fuzz(8)
@given(questions=st.lists(st.one_of(questionish, any_text), min_size=1, max_size=8))
def test_cli_ask_batch(cli_args, questions):
    lines = [q.replace("\r", " ").replace("\n", " ") for q in questions]
    data = "\n".join(lines).encode("utf-8", "surrogatepass")
    result = CliRunner().invoke(main, cli_args + ["ask", "--batch", "-", "--json"], input=data)
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    if result.exit_code == 0:
        # one JSON object per "\n"-terminated line (str.splitlines would also split at \x85, \x1c, ...)
        out = [json.loads(line) for line in result.stdout.split("\n") if line]
        assert len(out) == sum(1 for q in lines if q.strip())
        for o in out:
            assert ("error" in o) or (o["kind"] in KINDS)
    else:
        assert result.exit_code == 1 and len(result.stderr.strip().splitlines()) == 1
