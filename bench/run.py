"""Side-by-side benchmark of the app against raw Meilisearch on this machine.

For each size, with a fresh Meilisearch and a fresh SQLite database in a temporary directory:

1. import:   a synthetic CSV (bench/synth.py) through ``importer.import_file`` (the import job in the
             foreground: parse, validate, understand/tag, batched writes, duplicate pass, index with
             vectors) until it is searchable (``wait_until_idle``), versus raw ``add_documents`` of
             the same documents, already built from the database, into a fresh index with the same
             settings and the vectors the app computed, read back from its index (raw includes
             Meilisearch's own indexing, vectors included; not parsing, validation,
             database writes or embedding) -> services/s, docs/s and their ratio; then the same feed
             again into a fresh database and index sharing the first import's vector store, so no
             text is encoded (a nightly re-import): ``import_warm`` services/s beside raw;
2. search:   ~50 fixed queries, raw through the meilisearch client with the filters and sort the app
             builds, versus ``GET /api/v1/services`` on the app served by gunicorn (2 workers)
             -> median and p95 ms; target p95_api <= 1.5 x p95_raw + 5 ms;
3. match:    ~50 profiles through ``POST /api/v1/match`` with a link worker's token -> median and
             p95 ms; target p95 <= 50 ms (the target is set for 100k services);
4. gaps:     the all-England gap report (33,755 LSOAs x every need) -> seconds; target <= 10 s;
5. memory:   after the run, each gunicorn worker's peak RSS (VmHWM, counts shared pages in full),
             PSS (shared pages split between sharers) and private MB, with the models loaded in the
             master before forking (deploy/gunicorn.conf.py) -> MB; target <= 400 MB, judged on PSS.

    python -m bench.run --sizes 1000,10000,100000
    python -m bench.run --quick          # 10k only

Prints a JSON summary, writes bench/results/latest.json and appends one line to
bench/results/history.jsonl. Timings are reported, never asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

import requests

from bench import synth

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "results"
INDEX_PREFIX = "bench"
RAW_PREFIX = "bench_raw"
RAW_INDEX = f"{RAW_PREFIX}_services"
RAW_BATCH = 5000
PUBLISHER = "Synthetic benchmark feed"
WAIT_MS = 3_600_000
SEARCH_ROUNDS = 3
MATCH_ROUNDS = 2
N_QUERIES = 50
N_PROFILES = 50
VECTORS = "_vectors"  # where a document carries its vectors
TOKENS = 4  # rotated, so that a per-token rate limit never bites even if limits stay on

TARGETS = {
    "search_api_p95": "p95_api <= 1.5 * p95_raw + 5 ms",
    "match_p95_ms": 50.0,
    "gap_report_s": 10.0,
    "worker_peak_rss_mb": 400.0,
}


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def percentile(values: list[float], q: float) -> float:
    """Linear-interpolated percentile (q in 0..100)."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    position = (len(ordered) - 1) * q / 100
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def summary_ms(samples: list[float]) -> dict:
    return {
        "n": len(samples),
        "median_ms": round(statistics.median(samples), 2),
        "p95_ms": round(percentile(samples, 95), 2),
        "max_ms": round(max(samples), 2),
    }


# --- fixed workloads -------------------------------------------------------------------------

QUERY_TEXTS = [
    "",
    "",
    "",
    "food bank",
    "lunch club",
    "luncheon club",
    "befriending",
    "debt advice",
    "men's shed",
    "walking group",
    "carers cafe",
    "ESOL",
    "english class",
    "lonely",
    "chair yoga",
    "benefits help",
    "mental health",
    "anxiety",
    "gardening",
    "youth club",
    "dementia",
    "bereavement",
    "community choir",
    "job club",
    "universal credit",
    "warm space",
    "stroke",
    "parenting",
    "recovery",
    "domestic abuse",
    "computer help",
    "art group",
    "tai chi",
    "pantry",
    "housing advice",
    "coffee morning",
    "diabetes",
]

GOALS = [
    "Lives alone since her husband died and hardly leaves the house; would like to meet people.",
    "Struggling with debts and rent arrears, worried about bailiffs.",
    "Wants to lose some weight and get more active, but has bad knees.",
    "Cares for his wife who has dementia and needs a break now and then.",
    "Recently arrived in the UK and wants to improve her English and make friends.",
    "Low mood and anxiety since losing his job; would like something to get him out of the house.",
    "Can't afford food this week and the electricity meter has run out.",
    "Retired, bored and lonely, used to enjoy woodwork.",
    "Young mum feeling isolated with a new baby.",
    "Needs help filling in a PIP form and checking benefits.",
    "Wants to volunteer and learn new skills to get back into work.",
    "Recovering from alcohol problems and wants support nearby.",
    "Enjoys singing and painting, would like a creative group.",
    "Has COPD and gets breathless; wants gentle exercise and advice.",
    "Grieving after the death of her son last year.",
    "Would like to get outdoors and do some gardening.",
    "Teenager being bullied, anxious about school, needs someone to talk to.",
    "Cannot use a computer and needs to manage things online.",
    "Facing eviction from private rented flat.",
    "Needs transport to get to the shops and appointments.",
    "",
]


def search_queries(seed: int) -> list[dict]:
    """~50 parameter sets: text, need filters, geo radius around LSOA centroids, free/day filters."""
    rng = random.Random(seed + 1)
    needs = list(synth.need_codes())
    queries = []
    for _ in range(N_QUERIES):
        params: dict = {"q": rng.choice(QUERY_TEXTS)}
        if rng.random() < 0.5 or not params["q"]:
            params["need"] = rng.sample(needs, 1 if rng.random() < 0.75 else 2)
        if rng.random() < 0.75:
            lsoa = synth.pick_lsoa(rng)
            params["lat"], params["lng"] = round(lsoa.lat, 5), round(lsoa.lng, 5)
            if rng.random() < 0.8:
                params["radius_km"] = rng.choice([2, 3, 5, 5, 10, 20])
        if rng.random() < 0.25:
            params["free_only"] = True
        if rng.random() < 0.2:
            params["day"] = sorted(rng.sample(["MO", "TU", "WE", "TH", "FR", "SA"], rng.choice([1, 2])))
        if rng.random() < 0.12:
            params["age"] = rng.randint(18, 85)
        if rng.random() < 0.08:
            params["wheelchair"] = True
        if rng.random() < 0.08:
            params["delivery"] = rng.choice(["in_person", "phone", "online"])
        queries.append(params)
    return queries


def match_profiles(seed: int) -> list[dict]:
    rng = random.Random(seed + 2)
    needs = list(synth.need_codes())
    groups = [
        "carers",
        "veterans",
        "women",
        "men",
        "refugees",
        "people_with_disabilities",
        "people_with_dementia",
    ]
    profiles = []
    for _ in range(N_PROFILES):
        lsoa = synth.pick_lsoa(rng)
        profile: dict = {
            "goals": rng.choice(GOALS),
            "lat": round(lsoa.lat + rng.gauss(0, 0.003), 5),
            "lng": round(lsoa.lng + rng.gauss(0, 0.005), 5),
            "age": rng.randint(18, 90),
            "limit": 10,
        }
        if rng.random() < 0.5 or not profile["goals"]:
            profile["needs"] = rng.sample(needs, rng.choice([1, 1, 2, 3]))
        constraints: dict = {}
        if rng.random() < 0.3:
            constraints["free_only"] = True
        if rng.random() < 0.1:
            constraints["wheelchair"] = True
        if rng.random() < 0.2:
            constraints["days"] = sorted(rng.sample(["MO", "TU", "WE", "TH", "FR"], rng.choice([1, 2, 3])))
        constraints["delivery"] = rng.choices(["online_ok", "in_person", "online_only"], [70, 22, 8])[0]
        if rng.random() < 0.3:
            constraints["max_distance_km"] = rng.choice([2, 5, 10])
        profile["constraints"] = constraints
        if rng.random() < 0.12:
            profile["circumstances"] = [rng.choice(groups)]
        profiles.append(profile)
    return profiles


def params_for(query: dict):
    from directory_app.search.service import SearchParams

    return SearchParams(
        q=query.get("q", ""),
        needs=list(query.get("need", [])),
        lat=query.get("lat"),
        lng=query.get("lng"),
        radius_km=query.get("radius_km"),
        age=query.get("age"),
        free_only=bool(query.get("free_only")),
        days=list(query.get("day", [])),
        delivery=query.get("delivery"),
        wheelchair=bool(query.get("wheelchair")),
    )


def raw_search_options(params) -> dict:
    """What directory_app.search.service.search sends, built from the app's own build_filters."""
    from directory_app.search.filters import expressions
    from directory_app.search.service import FACETS, build_filters

    options = {
        "filter": expressions(build_filters(params)),
        "facets": FACETS,
        "page": params.page,
        "hitsPerPage": params.per_page,
    }
    if params.lat is not None:
        options["sort"] = [f"_geoPoint({params.lat:.6f}, {params.lng:.6f}):asc"]
    return options


def query_string(query: dict) -> list[tuple[str, str]]:
    pairs = []
    for key, value in query.items():
        if isinstance(value, list):
            pairs += [(key, str(v)) for v in value]
        elif isinstance(value, bool):
            pairs.append((key, "true" if value else "false"))
        else:
            pairs.append((key, str(value)))
    return pairs


# --- processes -------------------------------------------------------------------------------


def _no_control_socket() -> list[str]:
    """Gunicorn 25+ opens a control socket at a fixed path in $HOME; do not take over the one a
    server of the developer's may be using."""
    try:
        from gunicorn import config

        if any(s.name == "control_socket_disable" for s in config.KNOWN_SETTINGS):
            return ["--no-control-socket"]
    except ImportError:
        pass
    return []


class Gunicorn:
    def __init__(self, env: dict, log_path: Path, workers: int = 2):
        from directory_app.meili_server import free_port

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        executable = Path(sys.executable).parent / "gunicorn"
        # The production settings (deploy/gunicorn.conf.py: preload, models loaded in the master
        # before forking), with the benchmark's own workers, port and logs.
        command = (
            ([str(executable)] if executable.exists() else [sys.executable, "-m", "gunicorn"])
            + [
                "-c",
                str(ROOT / "deploy" / "gunicorn.conf.py"),
                "-w",
                str(workers),
                "--threads",
                "1",
                "-b",
                f"127.0.0.1:{self.port}",
                "--access-logfile",
                "/dev/null",
                "--max-requests",
                "0",
            ]
            + _no_control_socket()
            + ["directory_app:create_app()"]
        )
        self.log = open(log_path, "ab")
        self.process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=self.log, stderr=self.log, start_new_session=True
        )
        deadline = time.monotonic() + 240  # the master loads the models before workers start
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited with {self.process.returncode}; see {log_path}")
            try:
                if requests.get(f"{self.url}/healthz", timeout=2).status_code < 500:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"gunicorn did not answer within 240 s; see {log_path}")

    def worker_pids(self) -> list[int]:
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        try:
            return [int(p) for p in children.read_text().split()]
        except OSError:
            return []

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()


def proc_status_mb(pid: int) -> dict:
    """VmHWM/VmRSS count every page a process maps, including those it shares with the master
    after fork; Pss splits shared pages between their sharers and Private is what the worker
    alone holds, so those two say what one more worker costs."""
    values = {}
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            key, _, rest = line.partition(":")
            if key in ("VmHWM", "VmRSS"):
                values[key] = round(int(rest.split()[0]) / 1024, 1)
        private = 0
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            key, _, rest = line.partition(":")
            if key == "Pss":
                values["Pss"] = round(int(rest.split()[0]) / 1024, 1)
            elif key in ("Private_Clean", "Private_Dirty"):
                private += int(rest.split()[0])
        values["Private"] = round(private / 1024, 1)
    except (OSError, ValueError, IndexError):
        pass
    return values


# --- optional profiling (pyinstrument, if installed; never a dependency) ---------------------


class Profile:
    """Context manager writing a pyinstrument text profile to `path`; does nothing when off."""

    def __init__(self, directory: Path | None, name: str):
        self.path = directory / f"{name}.txt" if directory else None
        self.profiler = None

    def __enter__(self):
        if self.path is not None:
            from pyinstrument import Profiler

            self.profiler = Profiler(interval=0.0005)
            self.profiler.start()
        return self

    def __exit__(self, *exc):
        if self.profiler is not None:
            self.profiler.stop()
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.path.write_text(self.profiler.output_text(unicode=False, color=False, show_all=False))
            log(f"profile written to {self.path}")
        return False


def profile_requests(app, tokens: list[str], seed: int, directory: Path) -> None:
    """The search and match views in-process (Flask test client), after a warm-up."""
    client = app.test_client()
    queries = [query_string(q) for q in search_queries(seed)]
    profiles = match_profiles(seed)
    headers = {"Authorization": f"Bearer {tokens[0]}"}
    for q in queries[:5]:
        client.get("/api/v1/services", query_string=q)
    for p in profiles[:3]:
        client.post("/api/v1/match", json=p, headers=headers)
    with Profile(directory, "search_api"):
        for _ in range(SEARCH_ROUNDS):
            for q in queries:
                client.get("/api/v1/services", query_string=q)
    with Profile(directory, "match_api"):
        for _ in range(MATCH_ROUNDS):
            for p in profiles:
                client.post("/api/v1/match", json=p, headers=headers)


# --- one size --------------------------------------------------------------------------------


def run_size(n: int, seed: int, keep: bool = False, profile_dir: Path | None = None) -> dict:
    import meilisearch
    from sqlalchemy import func
    from sqlmodel import select

    from directory_app import create_app, db, meili_server
    from directory_app import seed as seed_module
    from directory_app.auth.users import create_token, create_user
    from directory_app.directory.documents import load_services, related_many, to_search_document
    from directory_app.directory.jobs import import_file
    from directory_app.models import DuplicateFlag, Service
    from directory_app.needs import taxonomy_data
    from directory_app.search import indexing
    from directory_app.search.meili import MeiliIndex
    from directory_app.services import services
    from matching.gaps import gap_report

    result: dict = {"services": n, "load_average_at_start": [round(v, 2) for v in os.getloadavg()]}
    work = Path(tempfile.mkdtemp(prefix=f"bench_{n}_"))
    instance = work / "instance"
    key = secrets.token_hex(16)
    log(f"n={n}: synthesising ({work})")
    started = time.perf_counter()
    content = synth.to_csv_bytes(synth.generate(n, seed))
    result["synth_s"] = round(time.perf_counter() - started, 2)
    meili = meili_server.start(work / "meili", key, log_path=work / "meili.log")
    server = None
    try:
        config = {
            "INSTANCE_PATH": str(instance),
            "DATABASE_URL": f"sqlite:///{instance / 'directory.db'}",
            "MEILI_URL": meili.url,
            "MEILI_MASTER_KEY": key,
            "MEILI_INDEX_PREFIX": INDEX_PREFIX,
            "SECRET_KEY": "bench-" + secrets.token_hex(24),
            "RATELIMIT_ENABLED": False,
            "RATELIMIT_STORAGE_URI": "memory://",
        }
        app = create_app(config)
        with app.app_context():
            db.upgrade(app)
            started = time.perf_counter()
            seed_module.load_geography(app)
            result["geography_s"] = round(time.perf_counter() - started, 2)
            indexing.apply_settings(app)

            # 1. import through the app's own path, until searchable
            log(f"n={n}: import_file")
            started = time.perf_counter()
            with Profile(profile_dir and profile_dir / str(n), "import_file"):
                report = import_file(app, content, f"synthetic_{n}.csv", PUBLISHER, actor="bench")
            imported = time.perf_counter()
            indexing.wait_until_idle(app, timeout_ms=WAIT_MS)
            searchable = time.perf_counter()
            stats = services(app).index.client.index(services(app).index.name).get_stats()
            with db.session_scope(app) as session:
                flags = session.exec(select(func.count()).select_from(DuplicateFlag)).one()
            total_s = searchable - started
            result["import"] = {
                "created": report.created,
                "failed": len(report.errors),
                "warnings": len(report.warnings),
                "first_errors": report.errors[:3],
                "duplicate_flags": flags,
                "indexed_documents": stats.number_of_documents,
                "import_s": round(imported - started, 2),
                "searchable_s": round(total_s, 2),
                "services_per_s": round(report.created / total_s, 1),
            }
            log(f"n={n}: imported {report.created} in {total_s:.1f} s")

            # the same documents, built once from the database
            started = time.perf_counter()
            documents = []
            with db.session_scope(app) as session:
                ids = list(
                    session.exec(
                        select(Service.id).where(Service.merged_into_id.is_(None)).order_by(Service.id)
                    )
                )
                for start in range(0, len(ids), indexing.CHUNK):
                    chunk = load_services(session, ids[start : start + indexing.CHUNK])
                    related = related_many(session, [s.id for s in chunk])
                    documents += [to_search_document(s, related) for s in chunk]
                    session.expunge_all()
            build_s = time.perf_counter() - started
            # The same vectors the app's index holds, read back (not recomputed): raw then indexes
            # the vectors as the app's index did, and the embedding compute stays on the app's side.
            vectors = index_vectors(meili.url, key, services(app).index.name)
            for document in documents:
                document[VECTORS] = {"default": vectors.get(document["id"])}

            # raw Meilisearch: same documents, fresh index, same settings
            log(f"n={n}: raw add_documents")
            MeiliIndex(meili.url, key, RAW_PREFIX, 300).configure(indexing.index_settings(app))
            raw_client = meilisearch.Client(meili.url, key, timeout=300)
            started = time.perf_counter()
            tasks = raw_client.index(RAW_INDEX).add_documents_in_batches(
                documents, RAW_BATCH, primary_key="id"
            )
            for task in tasks:
                done = raw_client.wait_for_task(task.task_uid, timeout_in_ms=WAIT_MS, interval_in_ms=20)
                if done.status != "succeeded":
                    raise RuntimeError(f"raw indexing task {task.task_uid} {done.status}: {done.error}")
            raw_s = time.perf_counter() - started
            raw_rate = len(documents) / raw_s
            result["raw_index"] = {
                "documents": len(documents),
                "batch": RAW_BATCH,
                "build_documents_s": round(build_s, 2),
                "index_s": round(raw_s, 2),
                "docs_per_s": round(raw_rate, 1),
            }
            result["import_vs_raw"] = {
                "raw_docs_per_s_over_import_services_per_s": round(
                    raw_rate / result["import"]["services_per_s"], 1
                )
            }
            raw_client.wait_for_task(raw_client.delete_index(RAW_INDEX).task_uid, timeout_in_ms=WAIT_MS)
            log(f"n={n}: import_file again, fresh database, vectors already stored")
            result["import_warm"] = warm_import(config, work, content, n, raw_rate)
            log(f"n={n}: warm import {result['import_warm']['services_per_s']} services/s")

            # a link worker with a few tokens for /api/v1/match
            with db.session_scope(app) as session:
                create_user(
                    session,
                    "bench_link_worker",
                    "bench-password-" + secrets.token_hex(8),
                    "link_worker",
                    actor="bench",
                )
                tokens = [create_token(session, "bench_link_worker", actor="bench") for _ in range(TOKENS)]
            index_uid = services(app).index.name
        db.get_engine(app).dispose()

        # 2-3. HTTP against gunicorn
        env = dict(os.environ)
        env.update(
            {
                "DATABASE_URL": config["DATABASE_URL"],
                "MEILI_URL": meili.url,
                "MEILI_MASTER_KEY": key,
                "MEILI_INDEX_PREFIX": INDEX_PREFIX,
                "INSTANCE_PATH": str(instance),
                "SECRET_KEY": config["SECRET_KEY"],
                "APP_ENV": "development",
                "RATELIMIT_ENABLED": "false",
                "RATELIMIT_STORAGE_URI": "memory://",
                "SEARCH_RATE_LIMIT": "1000000/minute",
                "MATCH_RATE_LIMIT": "1000000/minute",
            }
        )
        env.pop("FLASK_DEBUG", None)
        server = Gunicorn(env, work / "gunicorn.log")
        http = requests.Session()
        result["search"] = bench_search(app, index_uid, server.url, http, seed)
        result["match"] = bench_match(server.url, http, tokens, seed, n)
        workers = {pid: proc_status_mb(pid) for pid in server.worker_pids()}
        peak = max((v.get("VmHWM", 0.0) for v in workers.values()), default=0.0)
        pss = max((v.get("Pss", 0.0) for v in workers.values()), default=0.0)
        master = proc_status_mb(server.process.pid)
        result["memory"] = {
            "models_loaded": "in the gunicorn master before forking (preload_app); match requests ran first",
            "workers": [
                {
                    "pid": pid,
                    "peak_rss_mb": v.get("VmHWM"),
                    "rss_mb": v.get("VmRSS"),
                    "pss_mb": v.get("Pss"),
                    "private_mb": v.get("Private"),
                }
                for pid, v in workers.items()
            ],
            "master_peak_rss_mb": master.get("VmHWM"),
            "master_pss_mb": master.get("Pss"),
            "worker_peak_rss_mb": peak,
            "worker_pss_mb": pss,
            "workers_total_peak_mb": round(sum(v.get("VmHWM", 0.0) for v in workers.values()), 1),
            "host_total_pss_mb": round(
                sum(v.get("Pss", 0.0) for v in workers.values()) + (master.get("Pss") or 0), 1
            ),
        }
        # A worker's own cost is its proportional share (shared model pages split between sharers);
        # its RSS counts the whole shared model in every worker.
        result["memory"]["target"] = target(pss or peak, TARGETS["worker_peak_rss_mb"], "MB")
        server.stop()
        server = None
        if profile_dir is not None:
            with app.app_context():
                profile_requests(app, tokens, seed, profile_dir / str(n))

        # 4. gap report: every English LSOA x every need, against the same documents
        log(f"n={n}: gap report")
        needs = taxonomy_data()["needs"]
        reach = {need["code"]: float(need.get("reach_km") or 5.0) for need in needs}
        areas = [
            {
                "code": a.code,
                "name": a.name,
                "type": "lsoa",
                "lat": a.lat,
                "lng": a.lng,
                "la_code": a.la_code,
                "population": a.population,
                "imd_decile": a.imd_decile,
                "imd_rank": a.imd_rank,
            }
            for a in synth.load_lsoas()
        ]
        started = time.perf_counter()
        with Profile(profile_dir and profile_dir / str(n), "gap_report"):
            rows = gap_report(areas, documents, [need["code"] for need in needs], reach_km=reach)
        gap_s = time.perf_counter() - started
        result["gap_report"] = {
            "areas": len(areas),
            "needs": len(needs),
            "rows": len(rows),
            "seconds": round(gap_s, 2),
            "target": target(gap_s, TARGETS["gap_report_s"], "s"),
        }
        del rows, documents
        result["load_average_at_end"] = [round(v, 2) for v in os.getloadavg()]
    finally:
        if server is not None:
            server.stop()
        meili.stop()
        if keep:
            log(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    return result


def warm_import(config: dict, work: Path, content: bytes, n: int, raw_rate: float) -> dict:
    """The same feed imported again into a fresh database and index, sharing the first import's
    vector store: what a nightly re-import (or a second host) costs once no text needs encoding,
    i.e. the import's own work alone (parse, validate, understand, write, duplicates, index)."""
    from directory_app import create_app, db
    from directory_app import seed as seed_module
    from directory_app.directory.jobs import import_file
    from directory_app.search import indexing
    from directory_app.services import services

    instance = work / "instance_warm"
    app = create_app(
        {
            **config,
            "INSTANCE_PATH": str(instance),
            "DATABASE_URL": f"sqlite:///{instance / 'directory.db'}",
            "MEILI_INDEX_PREFIX": f"{INDEX_PREFIX}_warm",
            "VECTOR_STORE": str(Path(config["INSTANCE_PATH"]) / "sentence-vectors.sqlite3"),
        }
    )
    with app.app_context():
        db.upgrade(app)
        seed_module.load_geography(app)
        indexing.apply_settings(app)
        started = time.perf_counter()
        report = import_file(app, content, f"synthetic_{n}.csv", PUBLISHER, actor="bench")
        indexing.wait_until_idle(app, timeout_ms=WAIT_MS)
        took = time.perf_counter() - started
        services(app).index.drop()
    db.get_engine(app).dispose()
    rate = report.created / took
    return {
        "created": report.created,
        "searchable_s": round(took, 2),
        "services_per_s": round(rate, 1),
        "over_raw": round(rate / raw_rate, 3),
    }


def index_vectors(url: str, key: str, uid: str, page: int = 2000) -> dict[str, list | None]:
    """Each document's vector in an index (None where it opted out), read in pages."""
    found: dict[str, list | None] = {}
    offset = 0
    while True:
        response = requests.get(
            f"{url}/indexes/{uid}/documents",
            timeout=300,
            headers={"Authorization": f"Bearer {key}"},
            params={"limit": page, "offset": offset, "fields": "id", "retrieveVectors": "true"},
        )
        response.raise_for_status()
        results = response.json()["results"]
        for document in results:
            embeddings = ((document.get(VECTORS) or {}).get("default") or {}).get("embeddings") or []
            found[document["id"]] = embeddings[0] if embeddings else None
        if len(results) < page:
            return found
        offset += page


def target(value: float, limit: float, unit: str) -> dict:
    met = value <= limit
    return {
        "limit": limit,
        "unit": unit,
        "met": met,
        "miss_by": None if met else round(value - limit, 2),
        "miss_by_pct": None if met else round(100 * (value - limit) / limit, 1),
    }


def bench_search(app, index_uid: str, base: str, http: requests.Session, seed: int) -> dict:
    from directory_app.services import services

    log("search: raw vs API")
    queries = search_queries(seed)
    index = services(app).index.client.index(index_uid)
    prepared = [(q, params_for(q), query_string(q)) for q in queries]
    options = [(p.q, raw_search_options(p)) for _, p, _ in prepared]
    statuses: dict[int, int] = {}
    totals = []

    def api(pairs):
        response = http.get(f"{base}/api/v1/services", params=pairs, timeout=30)
        statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
        return response

    # Warm both workers (concurrent requests land on both) and Meilisearch's caches.
    with ThreadPoolExecutor(4) as pool:
        list(
            pool.map(
                lambda item: requests.get(f"{base}/api/v1/services", params=item[2], timeout=30),
                prepared[:12],
            )
        )
    for q, opts in options:
        index.search(q, opts)
    raw_ms, api_ms = [], []
    for _ in range(SEARCH_ROUNDS):
        for (q, opts), (_, _, pairs) in zip(options, prepared, strict=True):
            started = time.perf_counter()
            raw = index.search(q, opts)
            raw_ms.append((time.perf_counter() - started) * 1000)
            started = time.perf_counter()
            response = api(pairs)
            api_ms.append((time.perf_counter() - started) * 1000)
            if response.status_code == 200:
                totals.append((raw.get("totalHits"), response.json().get("total")))
    raw_summary, api_summary = summary_ms(raw_ms), summary_ms(api_ms)
    limit = 1.5 * raw_summary["p95_ms"] + 5
    check = target(api_summary["p95_ms"], round(limit, 2), "ms")
    check["rule"] = TARGETS["search_api_p95"]
    return {
        "queries": len(queries),
        "rounds": SEARCH_ROUNDS,
        "raw": raw_summary,
        "api": api_summary,
        "p95_api_over_p95_raw": round(api_summary["p95_ms"] / raw_summary["p95_ms"], 2),
        "median_api_over_median_raw": round(api_summary["median_ms"] / raw_summary["median_ms"], 2),
        "api_status_codes": {str(k): v for k, v in sorted(statuses.items())},
        "same_total_hits": sum(1 for a, b in totals if a == b),
        "compared": len(totals),
        "median_total_hits": statistics.median([a for a, _ in totals]) if totals else None,
        "target": check,
    }


def bench_match(base: str, http: requests.Session, tokens: list[str], seed: int, n: int) -> dict:
    log("match: POST /api/v1/match")
    profiles = match_profiles(seed)
    statuses: dict[int, int] = {}
    sent = 0

    def post(profile, session=None):
        nonlocal sent
        token = tokens[(sent // 20) % len(tokens)]
        sent += 1
        response = (session or requests).post(
            f"{base}/api/v1/match", json=profile, timeout=120, headers={"Authorization": f"Bearer {token}"}
        )
        return response

    # The first match in each worker fits the TF-IDF model; warm both workers concurrently and
    # report that cold cost separately.
    started = time.perf_counter()
    with ThreadPoolExecutor(2) as pool:
        cold = list(pool.map(lambda p: (time.perf_counter(), post(p), time.perf_counter()), profiles[:4]))
    cold_ms = [(end - begin) * 1000 for begin, _, end in cold]
    warm_s = time.perf_counter() - started
    samples, considered = [], []
    for _ in range(MATCH_ROUNDS):
        for profile in profiles:
            started = time.perf_counter()
            response = post(profile, http)
            samples.append((time.perf_counter() - started) * 1000)
            statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
            if response.status_code == 200:
                considered.append(response.json().get("candidates_considered", 0))
    result = summary_ms(samples)
    result.update(
        {
            "profiles": len(profiles),
            "rounds": MATCH_ROUNDS,
            "warmup_first_requests_ms": [round(v) for v in cold_ms],
            "warmup_s": round(warm_s, 2),
            "status_codes": {str(k): v for k, v in sorted(statuses.items())},
            "median_candidates_considered": statistics.median(considered) if considered else None,
        }
    )
    result["target"] = target(result["p95_ms"], TARGETS["match_p95_ms"], "ms")
    result["target"]["applies_at"] = 100_000
    return result


# --- output ----------------------------------------------------------------------------------


def misses(size: dict) -> list[str]:
    out = []
    checks = [
        ("search API p95", size.get("search", {}).get("target")),
        ("match p95", size.get("match", {}).get("target")),
        ("gap report", size.get("gap_report", {}).get("target")),
        ("worker peak RSS", size.get("memory", {}).get("target")),
    ]
    for label, check in checks:
        if check and not check["met"]:
            out.append(f"{label}: over by {check['miss_by']} {check['unit']} ({check['miss_by_pct']}%)")
    return out


def git_commit() -> str | None:
    try:
        return subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.strip() + (
            "+dirty"
            if subprocess.run(
                ["git", "status", "--porcelain", "--untracked-files=no"],
                cwd=ROOT,
                capture_output=True,
                text=True,
            ).stdout.strip()
            else ""
        )
    except (OSError, subprocess.CalledProcessError):
        return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark the app against raw Meilisearch.")
    parser.add_argument("--sizes", default="1000,10000,100000", help="comma-separated numbers of services")
    parser.add_argument("--quick", action="store_true", help="10k services only (a couple of minutes)")
    parser.add_argument("--seed", type=int, default=synth.DEFAULT_SEED)
    parser.add_argument("--keep", action="store_true", help="keep the temporary directories (logs, database)")
    parser.add_argument("--out", type=Path, default=RESULTS / "latest.json")
    parser.add_argument(
        "--profile",
        type=Path,
        metavar="DIR",
        help="also write pyinstrument profiles (import, search, match, gap report) to DIR; "
        "import and gap timings then include profiler overhead (needs pyinstrument)",
    )
    parser.add_argument(
        "--no-history", action="store_true", help="do not append to bench/results/history.jsonl"
    )
    args = parser.parse_args(argv)
    sizes = [10_000] if args.quick else [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    started = time.perf_counter()
    summary: dict = {
        "generated_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "commit": git_commit(),
        "quick": args.quick,
        "seed": args.seed,
        "profiled": bool(args.profile),
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
        "targets": TARGETS,
        "sizes": {},
    }
    for n in sizes:
        size = run_size(n, args.seed, keep=args.keep, profile_dir=args.profile)
        size["misses"] = misses(size)
        size["all_targets_met"] = not size["misses"]
        summary["sizes"][str(n)] = size
    summary["total_s"] = round(time.perf_counter() - started, 1)
    text = json.dumps(summary, indent=2)
    print(text)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text + "\n")
    line = {
        "at": summary["generated_at"],
        "commit": summary["commit"],
        "quick": args.quick,
        "sizes": {
            n: {
                "import_services_per_s": s["import"]["services_per_s"],
                "import_warm_services_per_s": s.get("import_warm", {}).get("services_per_s"),
                "raw_docs_per_s": s["raw_index"]["docs_per_s"],
                "search_p95_raw_ms": s["search"]["raw"]["p95_ms"],
                "search_p95_api_ms": s["search"]["api"]["p95_ms"],
                "match_p95_ms": s["match"]["p95_ms"],
                "gap_report_s": s["gap_report"]["seconds"],
                "worker_peak_rss_mb": s["memory"]["worker_peak_rss_mb"],
                "misses": s["misses"],
            }
            for n, s in summary["sizes"].items()
        },
        "total_s": summary["total_s"],
    }
    if not args.no_history:
        with open(RESULTS / "history.jsonl", "a") as handle:
            handle.write(json.dumps(line) + "\n")
    log(f"done in {summary['total_s']} s; wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
