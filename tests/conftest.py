"""Shared fixtures: one real Assistant for the whole session, and a flaskr-style app.

Embedding the whole corpus takes about 35 s (2 cores), so the index is built once per session
into a temporary folder, seeded with the embedding cache of earlier runs (pytest's cache
folder) or of the repository's own index/. The engine re-embeds only text whose hash is not
in that cache, so a warm run builds in about a second and a cold one still works.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
EMBEDDING_CACHE = "cache.npz"  # file name the engine's EmbeddingCache uses inside an index folder


def pytest_configure(config):
    config.addinivalue_line("markers", "browser: end-to-end tests in headless Chromium (Playwright)")


def _cache_dir(config) -> Path | None:
    cache = getattr(config, "cache", None)  # absent with -p no:cacheprovider
    return Path(cache.mkdir("amip-embeddings")) if cache is not None else None


@pytest.fixture(scope="session")
def assistant(tmp_path_factory, request):
    from assistant.engine import Assistant

    index = tmp_path_factory.mktemp("index")
    saved = _cache_dir(request.config)
    for seed in (saved / EMBEDDING_CACHE if saved else None, ROOT / "index" / EMBEDDING_CACHE):
        if seed is not None and seed.is_file():
            shutil.copy2(seed, index / EMBEDDING_CACHE)
            break
    opened = Assistant.open(CORPUS, index)
    built = index / EMBEDDING_CACHE
    if saved is not None and built.is_file():
        shutil.copy2(built, saved / EMBEDDING_CACHE)
    return opened


@pytest.fixture
def app(assistant):
    from assistant.web import create_app

    return create_app({"TESTING": True, "ASSISTANT": assistant})


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()
