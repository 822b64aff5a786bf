"""Build, check and load index/.

Layout: index/CURRENT names the active version folder (index/v-<time>/) that holds
manifest.json, documents/glossary/facts/chunks/sentences JSON, chunks.faiss and the
sentence and fact vectors. A build writes a new version folder and then replaces
CURRENT atomically, so a build killed halfway leaves the previous index working; a
lock file keeps two builds from running at once. index/cache.npz keeps embeddings by
content hash so an edit re-embeds only the text it changed.
"""
from __future__ import annotations

import fcntl
import hashlib
import io
import json
import os
import re
import shutil
import sys
import tempfile
import time
import zipfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator, Optional

import numpy as np

from .chunks import chunk_sentences, content_hash, list_item_texts, list_text, make_chunks, mark_lists
from .embedders import Embedder, embedder_name, embedder_spec, load_embedder
from .facts import extract_facts
from .glossary import extract_glossary
from .loaders import LoadError, file_sha256
from .records import Chunk, Document, Fact, GlossaryTerm
from .structure import parse_document

def _parser_version() -> str:
    """A hash of the parsing code: any change to it makes existing indexes stale."""
    h = hashlib.sha256()
    here = Path(__file__).resolve().parent
    for name in ("text.py", "loaders.py", "structure.py", "glossary.py", "facts.py", "chunks.py"):
        h.update((here / name).read_bytes())
    return h.hexdigest()[:16]


PARSER_VERSION = _parser_version()
INDEX_FORMAT = 2  # 2: lists.npy, and a list's opening sentence names its items
# Above this many chunks FAISS switches from the exact flat index to HNSW. Measured (bench/scale.py,
# README "Benchmarks and scale"): one flat query costs 1.1 ms at 20,000 vectors, 3.7 ms at 50,000
# and 7.5 ms at 100,000, against a floor of ~20 ms; HNSW costs <0.5 ms with recall@20 0.98 at
# 50,000 (efSearch 128). Below 50,000 exactness is worth the few milliseconds.
FLAT_LIMIT = 50000
HNSW_M, HNSW_EF_CONSTRUCTION, HNSW_EF_SEARCH = 32, 80, 128
# Every version folder holds exactly these; the manifest lists a checksum for each.
INDEX_FILES = ("chunks.faiss", "chunks.json", "documents.json", "facts.json", "facts.npy",
               "glossary.json", "lists.npy", "sentences.json", "sentences.npy")
_VERSION_RE = re.compile(r"v-[0-9A-Za-z_-]+")


class IndexError_(Exception):
    """The index is missing, stale or damaged; the message says which and what to do."""


@dataclass
class BuildReport:
    documents: int = 0
    sections: int = 0
    chunks: int = 0
    glossary: int = 0
    facts: int = 0
    seconds: float = 0.0
    embedded: int = 0
    cached: int = 0
    errors: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (f"{self.documents} Dokumente, {self.sections} Abschnitte, {self.chunks} Chunks, "
                f"{self.glossary} Glossarbegriffe, {self.facts} Fakten in {self.seconds:.1f} s "
                f"({self.embedded} neu eingebettet, {self.cached} aus dem Cache)")


def corpus_files(corpus: Path) -> list[Path]:
    if not corpus.is_dir():
        raise IndexError_(f"Der Korpus-Ordner {corpus} existiert nicht.")
    return sorted(p for p in corpus.iterdir() if p.is_file() and not p.name.startswith("."))


def corpus_state(corpus: Path) -> dict[str, str]:
    return {p.name: file_sha256(p) for p in corpus_files(corpus)}


def fact_text(f: Fact) -> str:
    """What a fact is about, as one line, for keyword search."""
    return " ".join(x for x in (f.subject, f.measure, f.period or "", f.value, f.source_text) if x)


def fact_label(f: Fact) -> str:
    """The short line that gets embedded for a fact: what it counts and when (cheap to embed)."""
    if f.table:
        return " ".join(x for x in (f.subject, f.measure, f.period or "") if x)
    return f.source_text[:160]


# ---------------------------------------------------------------- files

def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary name beside path, then rename: a reader sees the old file or the new one."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def _write_json(path: Path, obj) -> None:
    write_atomic(path, json.dumps(obj, ensure_ascii=False).encode("utf-8"))


def _write_npy(path: Path, arr: np.ndarray) -> None:
    buf = io.BytesIO()
    np.save(buf, arr, allow_pickle=False)
    write_atomic(path, buf.getvalue())


def _fsync_dir(path: Path) -> None:
    """Make renames inside `path` durable (a power cut must not leave CURRENT naming nothing)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _sha_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


@contextmanager
def build_lock(index: Path, wait: bool = True) -> Iterator[None]:
    index.mkdir(parents=True, exist_ok=True)
    with open(index / ".lock", "w") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError as exc:
            raise IndexError_("Ein anderer Index-Aufbau läuft gerade; bitte später erneut versuchen.") from exc
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def current_dir(index: Path) -> Optional[Path]:
    """The active version folder, or None when CURRENT is missing, damaged or names nothing."""
    try:
        name = (index / "CURRENT").read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return None
    if not _VERSION_RE.fullmatch(name):  # garbage, or a path leading out of index/
        return None
    d = index / name
    return d if d.is_dir() else None


def read_manifest(index: Path) -> Optional[dict]:
    d = current_dir(index)
    if d is None:
        return None
    try:
        manifest = json.loads((d / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):  # missing, truncated, not UTF-8, not JSON
        return None
    return manifest if isinstance(manifest, dict) else None


def staleness(corpus: Path, index: Path) -> Optional[str]:
    """None when the index is up to date, else a German reason why it must be built."""
    manifest = read_manifest(index)
    if manifest is None:
        if (index / "CURRENT").exists():
            return "Der Index ist beschädigt (CURRENT oder manifest.json unlesbar)"
        return "Es gibt noch keinen Index"
    if manifest.get("format") != INDEX_FORMAT or manifest.get("parser_version") != PARSER_VERSION:
        return "Der Parser hat sich geändert"
    try:
        if manifest.get("embedder") != embedder_name(embedder_spec()):
            return "Der Index wurde mit einem anderen Embedder gebaut"
    except Exception as exc:
        raise IndexError_(str(exc)) from exc
    if manifest.get("corpus") != corpus_state(corpus):
        return "Der Korpus hat sich geändert"
    problem = verify_files(index, manifest)
    if problem:
        return problem
    return None


def verify_files(index: Path, manifest: dict) -> Optional[str]:
    """None when every index file is there with the checksum the manifest recorded."""
    d = current_dir(index)
    files = manifest.get("files")
    if d is None or not isinstance(files, dict) or any(n not in files for n in INDEX_FILES):
        return "Das Manifest des Index ist unvollständig"
    for name in INDEX_FILES:
        p = d / name
        if not p.is_file():
            return f"Die Index-Datei {name} fehlt"
        try:
            if _sha_file(p) != files[name]:
                return f"Die Index-Datei {name} ist beschädigt (Prüfsumme stimmt nicht)"
        except OSError:
            return f"Die Index-Datei {name} kann nicht gelesen werden"
    return None


# ---------------------------------------------------------------- embedding cache

class EmbeddingCache:
    """Vectors by content hash, per embedder; stored as one .npz next to the versions."""

    def __init__(self, path: Path, embedder: str):
        self.path, self.embedder = path, embedder
        self.vectors: dict[str, np.ndarray] = {}
        try:
            with np.load(path, allow_pickle=False) as data:
                if str(data["embedder"]) == embedder:
                    for k, v in zip(data["keys"], data["vectors"]):
                        self.vectors[str(k)] = v
        except (OSError, KeyError, ValueError, EOFError, zipfile.BadZipFile):
            self.vectors = {}  # no cache yet, or a damaged one: start empty

    def embed(self, embedder: Embedder, texts: list[str], kind: str,
              progress: Optional[Callable[[int], None]] = None) -> tuple[np.ndarray, int]:
        keys = [content_hash(kind + "\n" + t) for t in texts]
        missing = sorted({k: t for k, t in zip(keys, texts) if k not in self.vectors}.items())
        batch = 16
        for s in range(0, len(missing), batch):
            part = missing[s:s + batch]
            fn = embedder.embed_queries if kind == "query" else embedder.embed_passages
            vecs = fn([t for _, t in part])
            for (k, _), v in zip(part, vecs):
                self.vectors[k] = v
            if progress:
                progress(len(part))
        if not texts:
            return np.zeros((0, embedder.dim), dtype=np.float32), 0
        return np.stack([self.vectors[k] for k in keys]).astype(np.float32), len(missing)

    def save(self, keep: set[str]) -> None:
        keys = sorted(k for k in self.vectors if k in keep)
        if not keys:
            return
        tmp = self.path.with_name(f".cache.{os.getpid()}.tmp.npz")
        np.savez(tmp, embedder=np.array(self.embedder), keys=np.array(keys),
                 vectors=np.stack([self.vectors[k] for k in keys]))
        os.replace(tmp, self.path)


# ---------------------------------------------------------------- build

def build_index(corpus: Path, index: Path, force: bool = False, progress: bool = False,
                log: Callable[[str], None] = lambda m: print(m, file=sys.stderr)) -> BuildReport:
    """Parse the corpus, embed what changed and switch index/CURRENT to the new version."""
    try:
        return _build(corpus, index, force, progress, log)
    except OSError as exc:  # index/ not writable, disk full, a file where the folder should be
        raise IndexError_(f"Der Index in {index} kann nicht geschrieben werden "
                          f"({exc.strerror or type(exc).__name__}).") from exc


def _build(corpus: Path, index: Path, force: bool, progress: bool, log: Callable[[str], None]) -> BuildReport:
    t0 = time.perf_counter()
    report = BuildReport()
    with build_lock(index):
        if not force and staleness(corpus, index) is None:
            m = read_manifest(index) or {}
            c = m.get("counts", {})
            report.documents, report.sections, report.chunks = c.get("documents", 0), c.get("sections", 0), c.get("chunks", 0)
            report.glossary, report.facts = c.get("glossary", 0), c.get("facts", 0)
            report.seconds = time.perf_counter() - t0
            return report
        spec = embedder_spec()
        emb_name = embedder_name(spec)
        state = corpus_state(corpus)
        docs: list[Document] = []
        for path in corpus_files(corpus):
            try:
                docs.append(parse_document(path))
            except LoadError as exc:
                report.errors.append(str(exc))
                log(str(exc))
        if not docs:  # never replace a working index with an empty one
            raise IndexError_(f"Im Korpus {corpus} wurde kein lesbares Dokument gefunden; "
                              f"der bisherige Index bleibt unverändert.")
        glossary: list[GlossaryTerm] = []
        facts: list[Fact] = []
        chunks: list[Chunk] = []
        for d in docs:
            glossary.extend(extract_glossary(d))
            facts.extend(extract_facts(d))
            chunks.extend(make_chunks(d, start_id=len(chunks)))
        items = {d.doc: list_item_texts(d) for d in docs}
        sentences = [{"chunk": c.id, "text": s, **({"list": place} if place else {})}
                     for c in chunks for s, place in chunk_sentences(c, items[c.doc])]
        mark_lists(sentences, chunks)
        embedder = load_embedder(spec)
        cache = EmbeddingCache(index / "cache.npz", emb_name)
        passage_texts = [c.heading_path + "\n" + c.text for c in chunks]
        sentence_texts = [s["text"] for s in sentences]
        fact_texts = [fact_label(f) for f in facts]
        list_texts = [list_text(sentences, i) for i, s in enumerate(sentences) if s.get("items")]
        total = len(passage_texts) + len(sentence_texts) + len(fact_texts) + len(list_texts)
        bar = _Progress(total, enabled=progress)
        chunk_vecs, n1 = cache.embed(embedder, passage_texts, "passage", bar.update)
        sent_vecs, n2 = cache.embed(embedder, sentence_texts, "passage", bar.update)
        fact_vecs, n3 = cache.embed(embedder, fact_texts, "passage", bar.update)
        list_vecs, n4 = cache.embed(embedder, list_texts, "passage", bar.update)
        bar.close()
        report.embedded = n1 + n2 + n3 + n4
        report.cached = total - report.embedded
        keep = {content_hash("passage\n" + t) for t in passage_texts + sentence_texts + fact_texts + list_texts}
        cache.save(keep)

        previous = current_dir(index)
        vdir = Path(tempfile.mkdtemp(prefix=f"v-{time.strftime('%Y%m%d-%H%M%S')}-", dir=index))
        vdir.chmod(0o755)
        version = vdir.name
        _write_json(vdir / "documents.json", [d.to_dict() for d in docs])
        _write_json(vdir / "glossary.json", [t.to_dict() for t in glossary])
        _write_json(vdir / "facts.json", [f.to_dict() for f in facts])
        _write_json(vdir / "chunks.json", [c.to_dict() for c in chunks])
        _write_json(vdir / "sentences.json", sentences)
        _write_faiss(vdir / "chunks.faiss", chunk_vecs)
        _write_npy(vdir / "sentences.npy", sent_vecs)
        _write_npy(vdir / "facts.npy", fact_vecs)
        _write_npy(vdir / "lists.npy", list_vecs)
        files = {name: _sha_file(vdir / name) for name in INDEX_FILES}
        report.documents = len(docs)
        report.sections = sum(len(d.sections) for d in docs)
        report.chunks, report.glossary, report.facts = len(chunks), len(glossary), len(facts)
        manifest = {
            "format": INDEX_FORMAT, "parser_version": PARSER_VERSION, "embedder": emb_name,
            "dim": int(chunk_vecs.shape[1]) if chunk_vecs.size else embedder.dim,
            "corpus": state, "files": files, "errors": report.errors,
            "counts": {"documents": report.documents, "sections": report.sections, "chunks": report.chunks,
                       "glossary": report.glossary, "facts": report.facts},
            "built_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        }
        _write_json(vdir / "manifest.json", manifest)
        _fsync_dir(vdir)
        write_atomic(index / "CURRENT", version.encode())
        _fsync_dir(index)
        # Keep the version just replaced (a process may be loading it right now); remove
        # older ones and the half-written folders of killed builds.
        for old in index.glob("v-*"):
            if old.is_dir() and old.name != version and (previous is None or old != previous):
                shutil.rmtree(old, ignore_errors=True)
        for tmp in index.glob(".*.tmp*"):  # temp files of killed builds (we hold the lock)
            tmp.unlink(missing_ok=True)
        report.seconds = time.perf_counter() - t0
        return report


def _write_faiss(path: Path, vecs: np.ndarray) -> None:
    import faiss

    dim = vecs.shape[1] if vecs.ndim == 2 and vecs.shape[1] else 384
    if len(vecs) > FLAT_LIMIT:
        idx = faiss.IndexHNSWFlat(dim, HNSW_M, faiss.METRIC_INNER_PRODUCT)
        idx.hnsw.efConstruction = HNSW_EF_CONSTRUCTION
        idx.hnsw.efSearch = HNSW_EF_SEARCH  # stored in the file; the engine asks for k=20
    else:
        idx = faiss.IndexFlatIP(dim)
    if len(vecs):
        idx.add(np.ascontiguousarray(vecs, dtype=np.float32))
    write_atomic(path, faiss.serialize_index(idx).tobytes())


class _Progress:
    """A progress bar on a terminal, silent otherwise."""

    def __init__(self, total: int, enabled: bool):
        self.total, self.done = max(total, 1), 0
        self.enabled = enabled and sys.stderr.isatty()

    def update(self, n: int) -> None:
        self.done += n
        if self.enabled:
            width = 30
            filled = int(width * self.done / self.total)
            sys.stderr.write(f"\rEinbetten [{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total}")
            sys.stderr.flush()

    def close(self) -> None:
        if self.enabled and self.done:
            sys.stderr.write("\n")


# ---------------------------------------------------------------- load

@dataclass
class LoadedIndex:
    manifest: dict
    documents: list[Document]
    glossary: list[GlossaryTerm]
    facts: list[Fact]
    chunks: list[Chunk]
    sentences: list[dict]
    chunk_index: object  # faiss index
    sentence_vectors: np.ndarray
    fact_vectors: np.ndarray
    list_vectors: np.ndarray  # one per sentence opening a list, in sentence order


def load_index(index: Path) -> LoadedIndex:
    import faiss

    manifest = read_manifest(index)
    if manifest is None:
        raise IndexError_(f"Im Ordner {index} liegt kein gültiger Index; bitte 'amip build' ausführen.")
    problem = verify_files(index, manifest)
    if problem:
        raise IndexError_(problem + "; bitte 'amip build --force' ausführen.")
    d = current_dir(index)
    try:
        rd = lambda n: json.loads((d / n).read_text(encoding="utf-8"))  # noqa: E731
        loaded = LoadedIndex(
            manifest=manifest,
            documents=[Document.from_dict(x) for x in rd("documents.json")],
            glossary=[GlossaryTerm.from_dict(x) for x in rd("glossary.json")],
            facts=[Fact.from_dict(x) for x in rd("facts.json")],
            chunks=[Chunk.from_dict(x) for x in rd("chunks.json")],
            sentences=rd("sentences.json"),
            chunk_index=faiss.read_index(str(d / "chunks.faiss")),
            sentence_vectors=np.load(d / "sentences.npy", allow_pickle=False),
            fact_vectors=np.load(d / "facts.npy", allow_pickle=False),
            list_vectors=np.load(d / "lists.npy", allow_pickle=False),
        )
    except Exception as exc:
        raise IndexError_(f"Der Index in {index} kann nicht gelesen werden ({type(exc).__name__}); "
                          f"bitte 'amip build --force' ausführen.") from exc
    problem = _inconsistency(loaded)
    if problem:
        raise IndexError_(f"Der Index in {index} passt nicht zusammen ({problem}); "
                          f"bitte 'amip build --force' ausführen.")
    return loaded


def _inconsistency(ix: LoadedIndex) -> Optional[str]:
    """Files that are each intact can still not belong together (hand-copied, another embedder)."""
    dim = ix.manifest.get("dim")
    vectors = (ix.sentence_vectors, ix.fact_vectors, ix.list_vectors)
    if ix.chunk_index.d != dim or any(v.ndim != 2 or v.shape[1] != dim for v in vectors):
        return "Vektordimension"
    if ix.chunk_index.ntotal != len(ix.chunks):
        return "Anzahl der Chunks"
    if len(ix.sentence_vectors) != len(ix.sentences) or len(ix.fact_vectors) != len(ix.facts) \
            or len(ix.list_vectors) != sum(1 for s in ix.sentences if s.get("items")):
        return "Anzahl der Vektoren"
    return None
