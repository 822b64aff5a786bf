"""Benchmark: index build, HTTP latency and throughput, the floor, server memory (issue 5).

    .venv/bin/python bench/bench.py            # the full run (about 15 minutes on 2 cores)
    .venv/bin/python bench/bench.py --quick    # a short version for a developer (about 2 minutes)

Everything happens on loopback in a temporary folder: the corpus is copied there, the index is
built there (from scratch, then after a one-paragraph edit), and the real server (`amip serve`,
waitress) is started as a subprocess on 127.0.0.1 and a free port. Questions come from
tests/eval/questions.jsonl (never from the held-out set). The result is printed as a Markdown
table and written as JSON to bench/out/ (git-ignored).
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

QUESTIONS = ROOT / "tests" / "eval" / "questions.jsonl"
OUT = ROOT / "bench" / "out"
BIN = Path(sys.executable).parent
EDIT_ANCHOR = "über 1.400 Personen in Arbeit integrieren"

TARGETS = {
    "p95_1_ms": 50.0,          # p95 with one client
    "errors_8": 0,             # errors with 8 clients
    "rss_growth_pct": 10.0,    # memory growth over the 8-client run
    "p50_over_floor": 2.0,     # end-to-end p50 / (embed one query + keyword search)
}


# ---------------------------------------------------------------- small helpers

def pct(values: list[float], p: float) -> float:
    """Percentile by linear interpolation (p in 0..100)."""
    if not values:
        return float("nan")
    s = sorted(values)
    k = (len(s) - 1) * p / 100
    lo = int(k)
    hi = min(lo + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (k - lo)


def summary_ms(values_s: list[float]) -> dict:
    ms = [v * 1000 for v in values_s]
    return {"n": len(ms), "p50": pct(ms, 50), "p95": pct(ms, 95), "p99": pct(ms, 99),
            "mean": statistics.fmean(ms) if ms else float("nan"), "max": max(ms) if ms else float("nan")}


def load_questions(path: Path = QUESTIONS) -> list[dict]:
    if "holdout" in path.name:
        raise SystemExit("Das Held-out-Set wird für Benchmarks nicht gelesen.")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [{"question": r["question"], "kind": r.get("kind", "?")} for r in rows]


def mixed(questions: list[dict], n: int, seed: int = 0) -> list[dict]:
    """n questions, all kinds interleaved: the set shuffled, repeated as often as needed."""
    rng = random.Random(seed)
    out: list[dict] = []
    while len(out) < n:
        batch = questions[:]
        rng.shuffle(batch)
        out.extend(batch)
    return out[:n]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_kib(pid: int) -> int:
    """Resident memory of a process from /proc/<pid>/status (VmRSS, KiB)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError(f"no VmRSS for pid {pid}")


def loadavg() -> list[float]:
    return [float(x) for x in Path("/proc/loadavg").read_text().split()[:3]]


def git_state() -> dict:
    def run(*args: str) -> str:
        try:
            return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, timeout=10).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            return ""
    return {"commit": run("rev-parse", "--short", "HEAD"), "dirty": bool(run("status", "--porcelain", "--", "assistant"))}


# ---------------------------------------------------------------- the server

@dataclass
class Server:
    proc: subprocess.Popen
    port: int
    command: list[str]
    note: str = ""
    log: Path = field(default_factory=Path)

    @property
    def pid(self) -> int:
        return self.proc.pid

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(15)


def _wait_ready(proc: subprocess.Popen, port: int, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return False
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/healthz")
            ok = conn.getresponse().status == 200
            conn.close()
            if ok:
                return True
        except OSError:
            pass
        time.sleep(0.2)
    return False


def start_server(corpus: Path, index: Path, workdir: Path, extra_env: Optional[dict[str, str]] = None,
                 timeout: float = 600) -> Server:
    """Start `amip serve` (waitress) on 127.0.0.1 and a free port; wait until /healthz answers.

    If `amip serve` itself exits before answering, the same production server is started
    through assistant.web.serve() and the run says so (`note`), so a broken command line is
    reported rather than hidden.
    """
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", **(extra_env or {})}
    port = free_port()
    log = workdir / f"server-{port}.log"
    cmd = [str(BIN / "amip"), "serve", "--corpus", str(corpus), "--index", str(index),
           "--host", "127.0.0.1", "--port", str(port)]
    with open(log, "wb") as fh:
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=fh, stderr=subprocess.STDOUT)
    if _wait_ready(proc, port, timeout):
        return Server(proc, port, cmd, log=log)
    tail = log.read_text(errors="replace").strip().splitlines()[-1:] if log.exists() else []
    if proc.poll() is None:
        proc.kill()
        proc.wait()
    note = f"`amip serve` exited early ({tail[0] if tail else 'no output'}); started waitress via assistant.web.serve()"
    port = free_port()
    log = workdir / f"server-{port}.log"
    code = ("import sys; from assistant.web import serve; "
            f"serve(host='127.0.0.1', port={port}, corpus={str(corpus)!r}, index={str(index)!r})")
    cmd = [sys.executable, "-c", code]
    with open(log, "wb") as fh:
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=fh, stderr=subprocess.STDOUT)
    if not _wait_ready(proc, port, timeout):
        proc.kill()
        raise SystemExit(f"Der Server startet nicht; siehe {log}.")
    return Server(proc, port, cmd, note=note, log=log)


# ---------------------------------------------------------------- load

@dataclass
class LoadResult:
    clients: int
    requests: int
    wall_s: float
    latencies: list[float]
    kinds: list[str]
    errors: int
    error_samples: list[str]
    rss_samples_kib: list[int]

    def to_dict(self) -> dict:
        by_kind: dict[str, list[float]] = {}
        for lat, kind in zip(self.latencies, self.kinds):
            by_kind.setdefault(kind, []).append(lat)
        return {"clients": self.clients, "requests": self.requests, "wall_s": self.wall_s,
                "throughput_rps": self.requests / self.wall_s if self.wall_s else 0.0,
                "latency_ms": summary_ms(self.latencies),
                "latency_ms_by_kind": {k: summary_ms(v) for k, v in sorted(by_kind.items())},
                "errors": self.errors, "error_samples": self.error_samples[:5],
                "rss_peak_kib": max(self.rss_samples_kib) if self.rss_samples_kib else None}


def run_load(port: int, items: list[dict], clients: int, pid: Optional[int] = None,
             timeout: float = 60) -> LoadResult:
    """POST every item to /api/ask from `clients` threads, each with its own keep-alive connection."""
    lock = threading.Lock()
    nxt = iter(range(len(items)))
    latencies: list[float] = [0.0] * len(items)
    kinds: list[str] = [""] * len(items)
    ok = [False] * len(items)
    errors: list[str] = []
    rss: list[int] = []
    done = threading.Event()

    def client() -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
        while True:
            with lock:
                i = next(nxt, None)
            if i is None:
                break
            body = json.dumps({"question": items[i]["question"]}).encode()
            t0 = time.perf_counter()
            try:
                conn.request("POST", "/api/ask", body=body, headers={"Content-Type": "application/json"})
                resp = conn.getresponse()
                data = resp.read()
                latencies[i] = time.perf_counter() - t0
                answer = json.loads(data)
                if resp.status != 200 or answer.get("kind") not in ("glossary", "fact", "passage", "none"):
                    raise ValueError(f"HTTP {resp.status}: {data[:120]!r}")
                kinds[i] = items[i]["kind"]
                ok[i] = True
            except Exception as exc:  # counted, and the connection is opened again
                latencies[i] = time.perf_counter() - t0
                with lock:
                    errors.append(f"{type(exc).__name__}: {exc}"[:200])
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
        conn.close()

    def sampler() -> None:
        while not done.wait(0.25):
            try:
                rss.append(rss_kib(pid))
            except (OSError, RuntimeError):
                return

    threads = [threading.Thread(target=client) for _ in range(clients)]
    watch = threading.Thread(target=sampler) if pid else None
    if watch:
        watch.start()
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    done.set()
    if watch:
        watch.join()
    good = [i for i in range(len(items)) if ok[i]]
    return LoadResult(clients, len(items), wall, [latencies[i] for i in good], [kinds[i] for i in good],
                      len(errors), errors, rss)


# ---------------------------------------------------------------- the floor

class FloorWorker:
    """A second process, with the server's environment, that times the floor on request.

    It loads what the server loads (index with FAISS, embedder, keyword index, engine) and,
    for each block of questions it is sent, times embedding each question alone, the keyword
    search alone and the whole engine without HTTP. Blocks alternate with blocks of HTTP
    requests for the same questions, so floor and end-to-end time see the same background
    load on a shared machine; while one runs, the other process is idle.
    """

    def __init__(self, corpus: Path, index: Path, env: dict[str, str]):
        code = ("import sys; sys.path.insert(0, %r); import bench; bench._floor_worker(%r, %r)"
                % (str(Path(__file__).parent), str(corpus), str(index)))
        self.proc = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, text=True, env={**os.environ, **env},
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        if self.proc.stdout.readline().strip() != "ready":
            raise SystemExit("Die Messung des Bodens startet nicht.")
        self.embed: list[float] = []
        self.keyword: list[float] = []
        self.ask: list[float] = []
        self.block_floors: list[float] = []  # per block: median embed + median keyword search (s)

    def run(self, questions: list[str]) -> None:
        self.proc.stdin.write(json.dumps(questions) + "\n")
        self.proc.stdin.flush()
        out = json.loads(self.proc.stdout.readline())
        self.block_floors.append(statistics.median(out["embed"]) + statistics.median(out["keyword"]))
        self.embed += out["embed"]
        self.keyword += out["keyword"]
        self.ask += out["ask"]

    def close(self) -> dict:
        self.proc.stdin.close()
        self.proc.wait(60)
        e, k = summary_ms(self.embed), summary_ms(self.keyword)
        # The floor is the fastest the two components ran in this run: the lowest block median.
        # On a shared machine a block can be slowed by other processes; taking the lowest one
        # makes the ratio end-to-end/floor conservative (never flattered by a slow floor).
        return {"embed_query_ms": e, "keyword_search_ms": k, "engine_ask_ms": summary_ms(self.ask),
                "floor_p50_ms": 1000 * min(self.block_floors),
                "floor_blocks_ms": [round(1000 * f, 2) for f in self.block_floors],
                "floor_overall_p50_ms": e["p50"] + k["p50"]}


def _floor_worker(corpus: str, index: str) -> None:
    from assistant.embedders import load_embedder
    from assistant.engine import Assistant
    from assistant.index import load_index
    from assistant.keyword import KeywordIndex

    embedder = load_embedder()
    loaded = load_index(Path(index))
    # The chunk keyword index exactly as the engine builds it (engine.Assistant.__init__).
    keyword = KeywordIndex([c.heading_path + "\n" + c.text for c in loaded.chunks])
    assistant = Assistant.open(Path(corpus), Path(index), log=lambda m: None)
    for q in load_questions()[:20]:  # warm-up
        assistant.ask(q["question"])
    print("ready", flush=True)
    for line in sys.stdin:
        embed, kw, ask = [], [], []
        for q in json.loads(line):
            t0 = time.perf_counter()
            embedder.embed_queries([q])
            t1 = time.perf_counter()
            keyword.search(q, 20)
            t2 = time.perf_counter()
            assistant.ask(q)
            t3 = time.perf_counter()
            embed.append(t1 - t0)
            kw.append(t2 - t1)
            ask.append(t3 - t2)
        print(json.dumps({"embed": embed, "keyword": kw, "ask": ask}), flush=True)


# ---------------------------------------------------------------- builds

def edit_paragraph(path: Path, variant: int) -> None:
    """Change one figure in one paragraph of the Vorwort (a different figure on every call)."""
    text = path.read_text(encoding="utf-8")
    new = f"über 1.{400 + variant + 1:03d} Personen in Arbeit integrieren"
    if EDIT_ANCHOR in text:
        text = text.replace(EDIT_ANCHOR, new, 1)
    else:
        import re
        text, n = re.subn(r"über 1\.\d{3} Personen in Arbeit integrieren", new, text, count=1)
        if n != 1:
            raise SystemExit("Der Absatz für die Änderung wurde im Korpus nicht gefunden.")
    path.write_text(text, encoding="utf-8")


def measure_builds(corpus: Path, index: Path, scratch_runs: int, edit_runs: int, seed_cache: Optional[Path]) -> dict:
    from assistant.index import build_index

    quiet = lambda m: None  # noqa: E731
    result: dict = {"scratch": [], "edit": []}
    for _ in range(scratch_runs):
        shutil.rmtree(index, ignore_errors=True)
        index.mkdir(parents=True)
        r = build_index(corpus, index, force=True, log=quiet)
        result["scratch"].append({"seconds": r.seconds, "embedded": r.embedded, "cached": r.cached,
                                  "chunks": r.chunks})
        print(f"  Aufbau von Grund auf: {r.seconds:.1f} s ({r.embedded} Texte eingebettet)", file=sys.stderr)
    if not scratch_runs:
        index.mkdir(parents=True, exist_ok=True)
        if seed_cache and seed_cache.is_file():
            shutil.copy2(seed_cache, index / "cache.npz")
        r = build_index(corpus, index, force=True, log=quiet)
        result["seeded"] = {"seconds": r.seconds, "embedded": r.embedded, "cached": r.cached,
                            "from": str(seed_cache)}
    doc = next(p for p in sorted(corpus.iterdir()) if p.suffix == ".md")
    for i in range(edit_runs):
        edit_paragraph(doc, i)
        r = build_index(corpus, index, log=quiet)
        result["edit"].append({"seconds": r.seconds, "embedded": r.embedded, "cached": r.cached})
        print(f"  Aufbau nach Absatz-Änderung: {r.seconds:.2f} s ({r.embedded} neu, {r.cached} aus dem Cache)",
              file=sys.stderr)
    for key in ("scratch", "edit"):
        runs = result[key]
        result[key + "_median_s"] = statistics.median(r["seconds"] for r in runs) if runs else None
    return result


# ---------------------------------------------------------------- report

def verdict(value: float, limit: float, lower_is_better: bool = True) -> str:
    if value != value:  # NaN
        return "–"
    return "ja" if (value <= limit if lower_is_better else value >= limit) else "**nein**"


def markdown(res: dict) -> str:
    b, one, eight, fl, mem = res["build"], res["load_1"], res["load_8"], res["floor"], res["memory"]
    l1, l8 = one["latency_ms"], eight["latency_ms"]
    rows = [("Messgröße", "Wert", "Ziel", "erreicht")]
    if b.get("scratch"):
        s = b["scratch"]
        rows.append((f"Index-Aufbau von Grund auf (Median von {len(s)})",
                     f"{b['scratch_median_s']:.1f} s ({s[0]['embedded']} Texte eingebettet)", "", ""))
    elif b.get("seeded"):
        rows.append(("Index-Aufbau von Grund auf", "übersprungen (--scratch-runs 0: Cache aus index/)", "", ""))
    if b.get("edit"):
        e = b["edit"]
        rows.append((f"Index-Aufbau nach Änderung eines Absatzes (Median von {len(e)})",
                     f"{b['edit_median_s']:.2f} s ({statistics.median(r['embedded'] for r in e):.0f} neu, "
                     f"{statistics.median(r['cached'] for r in e):.0f} aus dem Cache)", "", ""))
    rows += [
        (f"/api/ask, 1 Client, {one['requests']} Anfragen: p50 / p95 / p99",
         f"{l1['p50']:.1f} / {l1['p95']:.1f} / {l1['p99']:.1f} ms", "p95 ≤ 50 ms",
         verdict(l1["p95"], TARGETS["p95_1_ms"])),
        ("Durchsatz, 1 Client", f"{one['throughput_rps']:.1f} Anfragen/s", "", ""),
        (f"/api/ask, 8 Clients, {eight['requests']} Anfragen: p50 / p95 / p99",
         f"{l8['p50']:.1f} / {l8['p95']:.1f} / {l8['p99']:.1f} ms", "", ""),
        ("Durchsatz, 8 Clients", f"{eight['throughput_rps']:.1f} Anfragen/s", "", ""),
        ("Fehler (1 / 8 Clients)", f"{one['errors']} / {eight['errors']}", "0", verdict(eight["errors"] + one["errors"], 0)),
        ("Boden: eine Frage einbetten (p50 / p95)",
         f"{fl['embed_query_ms']['p50']:.1f} / {fl['embed_query_ms']['p95']:.1f} ms", "", ""),
        ("Boden: Keyword-Suche (p50 / p95)",
         f"{fl['keyword_search_ms']['p50']:.2f} / {fl['keyword_search_ms']['p95']:.2f} ms", "", ""),
        (f"Boden: schnellster Block (Median Einbettung + Keyword, von {len(fl['floor_blocks_ms'])} Blöcken)",
         f"{fl['floor_p50_ms']:.1f} ms", "", ""),
        ("Engine ohne HTTP, Assistant.ask (p50 / p95)",
         f"{fl['engine_ask_ms']['p50']:.1f} / {fl['engine_ask_ms']['p95']:.1f} ms", "", ""),
        ("Ende-zu-Ende p50 (1 Client) / Boden", f"{res['p50_over_floor']:.2f}×", "≤ 2×",
         verdict(res["p50_over_floor"], TARGETS["p50_over_floor"])),
        ("Server-Speicher (VmRSS): Start / vor 8 Clients / danach / Spitze",
         f"{mem['start_mib']:.0f} / {mem['before_8_mib']:.0f} / {mem['after_8_mib']:.0f} / {mem['peak_mib']:.0f} MiB",
         "", ""),
        ("Speicherzuwachs über den 8-Client-Lauf", f"{mem['growth_8_pct']:+.1f} % (seit Start {mem['growth_start_pct']:+.1f} %)",
         "≤ 10 %", verdict(mem["growth_8_pct"], TARGETS["rss_growth_pct"])),
    ]
    width = [max(len(r[i]) for r in rows) for i in range(4)]
    lines = ["| " + " | ".join(c.ljust(width[i]) for i, c in enumerate(r)) + " |" for r in rows]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in width) + "|")
    by_kind = one["latency_ms_by_kind"]
    kinds = ", ".join(f"{k} {v['p50']:.1f}/{v['p95']:.1f}" for k, v in by_kind.items())
    m = res["machine"]
    lines.append("")
    lines.append(f"1 Client, p50/p95 ms nach Art der Frage: {kinds}")
    lines.append(f"Maschine: {m['cpus']} Kerne, Last (1/5/15 min) vorher {m['load_before']}, nachher "
                 f"{m['load_after']}; Commit {res['git']['commit']}{' (+ lokale Änderungen)' if res['git']['dirty'] else ''}; "
                 f"Server: {res['server']['note'] or 'amip serve (waitress)'}"
                 f"{'; Umgebung ' + str(res['options']['server_env']) if res['options']['server_env'] else ''}")
    return "\n".join(lines)


# ---------------------------------------------------------------- main

def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="kurzer Lauf: 200/1000 Anfragen, kein Aufbau von Grund auf")
    ap.add_argument("--requests", type=int, default=None, help="Anfragen mit 1 Client (Standard 1000)")
    ap.add_argument("--requests-8", type=int, default=None, help="Anfragen mit 8 Clients (Standard 10000)")
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--scratch-runs", type=int, default=None, help="Aufbauten von Grund auf (Standard 3, --quick 0)")
    ap.add_argument("--edit-runs", type=int, default=5)
    ap.add_argument("--block", type=int, default=50,
                    help="Anfragen je Block; Blöcke über HTTP und Blöcke der Boden-Messung wechseln sich ab")
    ap.add_argument("--warmup", type=int, default=100)
    ap.add_argument("--server-env", action="append", default=[], metavar="NAME=WERT",
                    help="Umgebungsvariable für Server und Boden-Messung, z. B. AMIP_THREADS=1")
    ap.add_argument("--keep", action="store_true", help="Arbeitsordner nicht löschen")
    ap.add_argument("--strict", action="store_true", help="Exit-Status 1, wenn ein Ziel verfehlt wird")
    args = ap.parse_args(argv)
    n1 = args.requests or (200 if args.quick else 1000)
    n8 = args.requests_8 or (1000 if args.quick else 10000)
    scratch_runs = args.scratch_runs if args.scratch_runs is not None else (0 if args.quick else 3)

    questions = load_questions()
    try:
        server_env = dict(kv.split("=", 1) for kv in args.server_env)
    except ValueError:
        ap.error("--server-env erwartet NAME=WERT")
    work = Path(tempfile.mkdtemp(prefix="amip-bench-"))
    corpus, index = work / "corpus", work / "index"
    shutil.copytree(ROOT / "corpus", corpus)
    res: dict = {"started": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "git": git_state(),
                 "options": {"requests_1": n1, "requests_8": n8, "clients": args.clients,
                             "scratch_runs": scratch_runs, "edit_runs": args.edit_runs, "quick": args.quick,
                             "server_env": server_env},
                 "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                             "load_before": loadavg()},
                 "questions": {"file": str(QUESTIONS.relative_to(ROOT)), "count": len(questions),
                               "kinds": {k: sum(q["kind"] == k for q in questions)
                                         for k in sorted({q["kind"] for q in questions})}}}
    server: Optional[Server] = None
    try:
        print("Index-Aufbau …", file=sys.stderr)
        res["build"] = measure_builds(corpus, index, scratch_runs, args.edit_runs, ROOT / "index" / "cache.npz")

        print("Server starten …", file=sys.stderr)
        server = start_server(corpus, index, work, server_env)
        res["server"] = {"command": server.command, "note": server.note, "pid": server.pid}
        rss_start = rss_kib(server.pid)
        run_load(server.port, mixed(questions, args.warmup, seed=99), 1)

        print(f"1 Client, {n1} Anfragen, abwechselnd mit der Messung des Bodens …", file=sys.stderr)
        floor = FloorWorker(corpus, index, server_env)
        items = mixed(questions, n1, seed=1)
        blocks = []
        for s in range(0, n1, args.block):
            part = items[s:s + args.block]
            blocks.append(run_load(server.port, part, 1, pid=server.pid))
            floor.run([q["question"] for q in part])
        res["floor"] = floor.close()
        one = LoadResult(1, n1, sum(b.wall_s for b in blocks), [x for b in blocks for x in b.latencies],
                         [x for b in blocks for x in b.kinds], sum(b.errors for b in blocks),
                         [x for b in blocks for x in b.error_samples], [x for b in blocks for x in b.rss_samples_kib])
        rss_before = rss_kib(server.pid)
        print(f"{args.clients} Clients, {n8} Anfragen …", file=sys.stderr)
        eight = run_load(server.port, mixed(questions, n8, seed=8), args.clients, pid=server.pid)
        rss_after = rss_kib(server.pid)
        res["load_1"], res["load_8"] = one.to_dict(), eight.to_dict()
        peak = max([rss_start, rss_before, rss_after] + one.rss_samples_kib + eight.rss_samples_kib)
        res["memory"] = {"start_mib": rss_start / 1024, "before_8_mib": rss_before / 1024,
                         "after_8_mib": rss_after / 1024, "peak_mib": peak / 1024,
                         "growth_8_pct": 100 * (rss_after - rss_before) / rss_before,
                         "growth_start_pct": 100 * (rss_after - rss_start) / rss_start}
        res["p50_over_floor"] = res["load_1"]["latency_ms"]["p50"] / res["floor"]["floor_p50_ms"]
    finally:
        if server is not None:
            server.stop()
        res["machine"]["load_after"] = loadavg()
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
        else:
            print(f"Arbeitsordner: {work}", file=sys.stderr)
    res["targets"] = {
        "p95_1_ms": res["load_1"]["latency_ms"]["p95"] <= TARGETS["p95_1_ms"],
        "errors_8": res["load_8"]["errors"] == 0 and res["load_1"]["errors"] == 0,
        "rss_growth_pct": res["memory"]["growth_8_pct"] <= TARGETS["rss_growth_pct"],
        "p50_over_floor": res["p50_over_floor"] <= TARGETS["p50_over_floor"],
    }
    table = markdown(res)
    res["table"] = table
    OUT.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    for name in (f"bench-{stamp}.json", "bench-latest.json"):
        tmp = OUT / f".{name}.tmp"
        tmp.write_text(json.dumps(res, ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(tmp, OUT / name)
    print(table)
    print(f"\nJSON: {OUT / f'bench-{stamp}.json'}", file=sys.stderr)
    return 1 if args.strict and not all(res["targets"].values()) else 0


if __name__ == "__main__":
    sys.exit(main())
