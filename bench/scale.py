"""Scale: many programmes in one index, and where FAISS should leave the flat index.

    .venv/bin/python bench/scale.py                  # 100 programmes, sizes 1/10/30/100, and the sweep
    .venv/bin/python bench/scale.py --sizes 1,10     # a short version
    .venv/bin/python bench/scale.py --no-corpus      # only the flat/HNSW sweep
    .venv/bin/python bench/scale.py --no-sweep       # only the corpus part

Corpus part: the real programme is copied under 100 document ids (10 fictitious jobcenters x
the years 2013-2022). Each copy gets its year and jobcenter in the title and every figure of
its tables scaled by a factor of its own (0.70-1.30), so table chunks differ between copies;
prose is left as it is (changing "2022" everywhere would make every chunk new and the build
take hours, see the README). For each size the index is built (reusing the embedding cache
of the larger build), then the real server is started and asked the mixed question set, with
the floor measured in between as in bench.py. Reported: build time, texts embedded, index size,
p50/p95 over HTTP, engine time in-process, server memory.

Sweep part: flat (exact) against HNSW search at several sizes on vectors of the embedder's
dimension: "clustered" vectors scattered around real passage embeddings and queried with real
question embeddings, and uniform random vectors (a worst case for HNSW). Reported: time of one
query (k=20, as the engine asks), recall@20 against the exact result, build time, memory.

Work files go to bench/out/scale/ (git-ignored); a second run reuses its embedding cache.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import sys
import time
from pathlib import Path
from typing import Optional

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench  # noqa: E402  (same folder; sets up sys.path for assistant/)

ROOT = bench.ROOT
SOURCE = ROOT / "corpus" / "amip-2022-jobcenter-landkreis-kassel.md"
YEARS = list(range(2013, 2023))
JOBCENTERS = [f"Beispielkreis {i:02d}" for i in range(1, 11)]
_NUMBER = re.compile(r"(?<![\w.,])(\d{1,3}(?:\.\d{3})+|\d+)(,\d+)?(?![\w])")


# ---------------------------------------------------------------- the generated corpus

def _german(value: float, decimals: int, grouped: bool) -> str:
    text = f"{value:,.{decimals}f}"  # 1,234.5
    text = text.replace(",", "_").replace(".", ",").replace("_", ".")
    return text if grouped else text.replace(".", "")


def _scale_number(m: re.Match, factor: float) -> str:
    whole, frac = m.group(1), m.group(2)
    if re.fullmatch(r"(19|20)\d\d", whole) and not frac:
        return m.group(0)  # a year stays a year
    value = float(whole.replace(".", "") + (("." + frac[1:]) if frac else ""))
    decimals = len(frac) - 1 if frac else 0
    return _german(value * factor, decimals, grouped="." in whole or value * factor >= 10000)


def vary(text: str, year: int, jobcenter: str, factor: float) -> str:
    """The programme for another jobcenter and year: title changed, table figures scaled."""
    lines = text.split("\n")
    out = []
    in_toc = False
    for line in lines:
        if line.startswith("# Inhaltsverzeichnis"):
            in_toc = True
        elif line.startswith("# ***"):
            in_toc = False
        if line.startswith("## Arbeitsmarkt- und Integrationsprogramm"):
            line = f"## Arbeitsmarkt- und Integrationsprogramm {year}"
        elif line.startswith("# ***Arbeitsmarktprogramm"):
            line = f"# ***Arbeitsmarktprogramm {year}***"
        elif line.startswith("# ***Jobcenter"):
            line = f"# ***Jobcenter {jobcenter}***"
        elif "\t" in line and not in_toc:
            cells = line.split("\t")
            line = "\t".join([cells[0]] + [_NUMBER.sub(lambda m: _scale_number(m, factor), c) for c in cells[1:]])
        out.append(line)
    return "\n".join(out)


def generate(folder: Path, n: int) -> list[Path]:
    """n programmes (the real one first, then variants) in `folder`; unchanged files are kept."""
    folder.mkdir(parents=True, exist_ok=True)
    text = SOURCE.read_text(encoding="utf-8")
    rng = random.Random(2022)
    specs = [(year, jc, round(rng.uniform(0.7, 1.3), 3)) for jc in JOBCENTERS for year in YEARS]
    paths = [folder / SOURCE.name]
    if not paths[0].exists() or paths[0].read_bytes() != SOURCE.read_bytes():
        shutil.copy2(SOURCE, paths[0])
    for year, jc, factor in specs[: n - 1]:
        slug = jc.lower().replace(" ", "-")
        path = folder / f"amip-{year}-jobcenter-{slug}.md"
        content = vary(text, year, jc, factor)
        if not path.exists() or path.read_text(encoding="utf-8") != content:
            path.write_text(content, encoding="utf-8")
        paths.append(path)
    keep = set(paths)
    for stale in folder.glob("*.md"):
        if stale not in keep:
            stale.unlink()
    return paths


def dir_mib(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 2**20


def corpus_part(sizes: list[int], work: Path, requests: int, block: int, env: dict[str, str]) -> list[dict]:
    from assistant.index import FLAT_LIMIT, build_index, current_dir

    quiet = lambda m: None  # noqa: E731
    questions = bench.load_questions()
    results = []
    shared_cache = work / "cache.npz"
    if not shared_cache.exists() and (ROOT / "index" / "cache.npz").exists():
        shutil.copy2(ROOT / "index" / "cache.npz", shared_cache)  # the real programme, already embedded
    for n in sorted(sizes, reverse=True):  # the largest first: its cache serves the smaller ones
        corpus, index = work / f"corpus-{n}", work / f"index-{n}"
        generate(corpus, n)
        index.mkdir(parents=True, exist_ok=True)
        if shared_cache.exists():
            shutil.copy2(shared_cache, index / "cache.npz")
        print(f"{n} Programme: Index-Aufbau …", file=sys.stderr)
        report = build_index(corpus, index, force=True, log=quiet)
        if n == max(sizes):
            shutil.copy2(index / "cache.npz", shared_cache)
        row = {"documents": report.documents, "chunks": report.chunks, "sentences": None, "facts": report.facts,
               "glossary": report.glossary, "build_s": report.seconds, "embedded": report.embedded,
               "cached": report.cached, "index_mib": dir_mib(current_dir(index)),
               "cache_mib": (index / "cache.npz").stat().st_size / 2**20}
        row["faiss"] = "HNSW" if report.chunks > FLAT_LIMIT else "flat"
        row["sentences"] = len(json.loads((current_dir(index) / "sentences.json").read_text(encoding="utf-8")))
        print(f"  {report.seconds:.1f} s, {report.embedded} neu eingebettet, {row['index_mib']:.1f} MiB", file=sys.stderr)

        t0 = time.perf_counter()
        server = bench.start_server(corpus, index, work, env)
        row["server_start_s"] = time.perf_counter() - t0
        row["server_note"] = server.note
        try:
            rss_start = bench.rss_kib(server.pid)
            bench.run_load(server.port, bench.mixed(questions, 30, seed=99), 1)
            floor = bench.FloorWorker(corpus, index, env)
            items = bench.mixed(questions, requests, seed=1)
            lat, errors = [], 0
            for s in range(0, requests, block):
                part = items[s:s + block]
                r = bench.run_load(server.port, part, 1)
                lat += r.latencies
                errors += r.errors
                floor.run([q["question"] for q in part])
            fl = floor.close()
            row.update({"http_ms": bench.summary_ms(lat), "errors": errors, "engine_ms": fl["engine_ask_ms"],
                        "embed_ms": fl["embed_query_ms"], "keyword_ms": fl["keyword_search_ms"],
                        "rss_start_mib": rss_start / 1024, "rss_after_mib": bench.rss_kib(server.pid) / 1024})
        finally:
            server.stop()
        print(f"  HTTP p50/p95 {row['http_ms']['p50']:.1f}/{row['http_ms']['p95']:.1f} ms, "
              f"Speicher {row['rss_after_mib']:.0f} MiB", file=sys.stderr)
        results.append(row)
    return sorted(results, key=lambda r: r["documents"])


# ---------------------------------------------------------------- flat vs HNSW

def _normalise(m: np.ndarray) -> np.ndarray:
    return (m / np.linalg.norm(m, axis=1, keepdims=True)).astype(np.float32)


def sweep_data(kind: str, n: int, dim: int, centres: Optional[np.ndarray], rng: np.random.Generator) -> np.ndarray:
    if kind == "uniform":
        return _normalise(rng.standard_normal((n, dim), dtype=np.float32))
    # around real passage vectors: cosine to its centre about 0.9, like paraphrases of one topic
    idx = rng.integers(0, len(centres), n)
    noise = rng.standard_normal((n, dim), dtype=np.float32) * (0.5 / np.sqrt(dim))
    return _normalise(centres[idx] + noise)


def sweep(sizes: list[int], queries_n: int = 200, k: int = 20, ef_values=(32, 64, 128)) -> list[dict]:
    import faiss

    from assistant.index import HNSW_EF_CONSTRUCTION, HNSW_M

    faiss.omp_set_num_threads(1)  # one query at a time, as the server asks; no thread noise
    rng = np.random.default_rng(7)
    cache = np.load(ROOT / "index" / "cache.npz")
    centres = _normalise(np.asarray(cache["vectors"], dtype=np.float32))
    dim = centres.shape[1]
    from assistant.embedders import load_embedder
    embedder = load_embedder()
    qtexts = [q["question"] for q in bench.load_questions()][:queries_n]
    real_queries = np.asarray(embedder.embed_queries(qtexts), dtype=np.float32)
    rows = []
    for kind in ("clustered", "uniform"):
        queries = real_queries if kind == "clustered" else _normalise(rng.standard_normal((queries_n, dim), dtype=np.float32))
        for n in sizes:
            data = sweep_data(kind, n, dim, centres, rng)
            flat = faiss.IndexFlatIP(dim)
            flat.add(data)
            t_flat, truth = [], []
            for q in queries:
                t0 = time.perf_counter()
                _, ids = flat.search(q[None, :], k)
                t_flat.append(time.perf_counter() - t0)
                truth.append(set(ids[0].tolist()))
            faiss.omp_set_num_threads(os.cpu_count() or 1)  # building uses both cores
            t0 = time.perf_counter()
            hnsw = faiss.IndexHNSWFlat(dim, HNSW_M, faiss.METRIC_INNER_PRODUCT)
            hnsw.hnsw.efConstruction = HNSW_EF_CONSTRUCTION
            hnsw.add(data)
            build = time.perf_counter() - t0
            faiss.omp_set_num_threads(1)
            row = {"kind": kind, "n": n, "flat_ms": bench.summary_ms(t_flat), "hnsw_build_s": build,
                   "flat_mib": faiss.serialize_index(flat).nbytes / 2**20,
                   "hnsw_mib": faiss.serialize_index(hnsw).nbytes / 2**20, "hnsw": {}}
            for ef in ef_values:
                hnsw.hnsw.efSearch = ef
                t_h, hits = [], 0
                for q, t in zip(queries, truth):
                    t0 = time.perf_counter()
                    _, ids = hnsw.search(q[None, :], k)
                    t_h.append(time.perf_counter() - t0)
                    hits += len(t & set(ids[0].tolist()))
                row["hnsw"][ef] = {"ms": bench.summary_ms(t_h), "recall": hits / (k * len(queries))}
            rows.append(row)
            h64 = row["hnsw"].get(64) or next(iter(row["hnsw"].values()))
            print(f"  {kind:9} n={n:>7}: flat {row['flat_ms']['p50']:.2f} ms, HNSW(ef64) {h64['ms']['p50']:.3f} ms "
                  f"recall {h64['recall']:.3f}, Aufbau {build:.1f} s", file=sys.stderr)
            del flat, hnsw, data
    return rows


# ---------------------------------------------------------------- report

def markdown(corpus_rows: list[dict], sweep_rows: list[dict]) -> str:
    out = []
    if corpus_rows:
        out.append("| Programme | Chunks | Sätze | Fakten | Aufbau | neu eingebettet | Index | HTTP p50 / p95 | "
                   "Engine p50 / p95 | Einbettung p50 | Server-RSS |")
        out.append("|---|---|---|---|---|---|---|---|---|---|---|")
        for r in corpus_rows:
            out.append(f"| {r['documents']} | {r['chunks']} | {r['sentences']} | {r['facts']} | {r['build_s']:.1f} s | "
                       f"{r['embedded']} | {r['index_mib']:.1f} MiB | {r['http_ms']['p50']:.1f} / {r['http_ms']['p95']:.1f} ms | "
                       f"{r['engine_ms']['p50']:.1f} / {r['engine_ms']['p95']:.1f} ms | {r['embed_ms']['p50']:.1f} ms | "
                       f"{r['rss_after_mib']:.0f} MiB |")
    if sweep_rows:
        efs = list(sweep_rows[0]["hnsw"])
        out.append("")
        out.append("| Vektoren | n | flat p50 | " + " | ".join(f"HNSW ef={e} p50 / recall@20" for e in efs)
                   + " | HNSW-Aufbau | Speicher flat / HNSW |")
        out.append("|---|---|---|" + "---|" * len(efs) + "---|---|")
        for r in sweep_rows:
            cells = " | ".join(f"{r['hnsw'][e]['ms']['p50']:.3f} ms / {r['hnsw'][e]['recall']:.3f}" for e in efs)
            out.append(f"| {r['kind']} | {r['n']} | {r['flat_ms']['p50']:.2f} ms | {cells} | {r['hnsw_build_s']:.1f} s | "
                       f"{r['flat_mib']:.0f} / {r['hnsw_mib']:.0f} MiB |")
    return "\n".join(out)


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1,10,30,100", help="Anzahl Programme je Messung")
    ap.add_argument("--requests", type=int, default=300, help="Anfragen je Größe (1 Client)")
    ap.add_argument("--block", type=int, default=50)
    ap.add_argument("--sweep-sizes", default="1000,5000,10000,20000,50000,100000,200000")
    ap.add_argument("--no-corpus", action="store_true")
    ap.add_argument("--no-sweep", action="store_true")
    ap.add_argument("--work", type=Path, default=bench.OUT / "scale")
    ap.add_argument("--server-env", action="append", default=[], metavar="NAME=WERT",
                    help="Umgebungsvariable für Server und Boden-Messung, z. B. OMP_NUM_THREADS=1")
    args = ap.parse_args(argv)
    try:
        sizes = [int(x) for x in args.sizes.split(",") if x.strip()]
        sweep_sizes = [int(x) for x in args.sweep_sizes.split(",") if x.strip()]
    except ValueError:
        ap.error("--sizes und --sweep-sizes erwarten Zahlen, durch Kommas getrennt")
    if any(not 1 <= n <= len(YEARS) * len(JOBCENTERS) for n in sizes):
        ap.error(f"--sizes: zwischen 1 und {len(YEARS) * len(JOBCENTERS)} Programme")
    try:
        env = dict(kv.split("=", 1) for kv in args.server_env)
    except ValueError:
        ap.error("--server-env erwartet NAME=WERT")
    args.work.mkdir(parents=True, exist_ok=True)
    res = {"started": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "git": bench.git_state(),
           "machine": {"cpus": os.cpu_count(), "load_before": bench.loadavg()},
           "options": {"sizes": sizes, "requests": args.requests, "sweep_sizes": sweep_sizes, "server_env": env}}
    res["corpus"] = [] if args.no_corpus else corpus_part(sizes, args.work, args.requests, args.block, env)
    if not args.no_sweep:
        print("Flat gegen HNSW …", file=sys.stderr)
    res["sweep"] = [] if args.no_sweep else sweep(sweep_sizes)
    res["machine"]["load_after"] = bench.loadavg()
    res["table"] = markdown(res["corpus"], res["sweep"])
    stamp = time.strftime("%Y%m%d-%H%M%S")
    bench.OUT.mkdir(parents=True, exist_ok=True)
    for name in (f"scale-{stamp}.json", "scale-latest.json"):
        tmp = bench.OUT / f".{name}.tmp"
        tmp.write_text(json.dumps(res, ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(tmp, bench.OUT / name)
    print(res["table"])
    print(f"Last vorher {res['machine']['load_before']}, nachher {res['machine']['load_after']}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
