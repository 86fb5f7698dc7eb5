"""`make bench-load`: the app under gunicorn (2 workers) with the seed directory, driven by search
and match requests from a second process for 60 s on loopback. Prints throughput, p50/p95 and
errors, and writes bench/results/load.json. Target: zero errors.

    python -m bench.load [--seconds 60] [--concurrency 8]
"""
from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
POSTCODES = ["M33 7ZZ", "M32 0SQ", "WA14 1PF", "M41 0WS", "M16 0LN", "WA15 6NL", "M31 4BH", "M33 3EF"]
QUERIES = ["lunch club", "food bank", "debt advice", "walking", "carers", "mental health", "library",
           "befriending", "jobcentre", "bereavement", "fodbank", "art group", "gardening", "youth"]
NEEDS = ["loneliness", "food", "money_debt", "mental_wellbeing", "carers", "employment_skills", "older_people"]
GOALS = ["hardly leaves the house since his wife died", "can't keep up with the rent and the bailiffs",
         "wants to get out more and meet people", "looks after her mum with dementia and is exhausted",
         "low mood, would like to be outdoors", "no money for food until payday", "wants to get back into work"]


def prepare(tmp: Path) -> dict:
    """Meilisearch + database + seed directory + a link worker token, as `make run` would."""
    from directory_app import bootstrap, create_app, db, meili_server
    from directory_app.auth.users import create_token, create_user
    from directory_app.search import indexing

    key = uuid.uuid4().hex
    server = meili_server.start(tmp / "meili", key, log_path=tmp / "meili.log")
    env = {"INSTANCE_PATH": str(tmp / "instance"), "DATABASE_URL": f"sqlite:///{tmp / 'load.db'}",
           "MEILI_URL": server.url, "MEILI_MASTER_KEY": key, "MEILI_INDEX_PREFIX": "load",
           "SECRET_KEY": uuid.uuid4().hex * 2, "RATELIMIT_ENABLED": "false"}
    app = create_app(dict(env))
    db.upgrade(app)
    bootstrap.load_seed(app, force=True)
    with app.app_context():
        indexing.ensure_index(app)
    with db.session_scope(app) as session:
        create_user(session, "load_worker", uuid.uuid4().hex, "link_worker")
        token = create_token(session, "load_worker")
    return {"server": server, "env": env, "token": token}


def drive(base: str, token: str, seconds: float, concurrency: int) -> dict:
    """The load itself: `concurrency` threads, 70% search and 30% match, for `seconds`."""
    deadline = time.monotonic() + seconds
    lock = threading.Lock()
    latencies: dict[str, list[float]] = {"search": [], "match": []}
    errors: list[str] = []

    def worker(seed: int) -> None:
        rng = random.Random(seed)
        http = requests.Session()
        while time.monotonic() < deadline:
            if rng.random() < 0.7:
                kind = "search"
                params = {"q": rng.choice(QUERIES), "postcode": rng.choice(POSTCODES)}
                if rng.random() < 0.5:
                    params["radius_km"] = rng.choice([2, 5, 10])
                if rng.random() < 0.3:
                    params["free_only"] = "true"
                started = time.perf_counter()
                response = http.get(f"{base}/api/v1/services", params=params, timeout=30)
            else:
                kind = "match"
                body = {"goals": rng.choice(GOALS), "postcode": rng.choice(POSTCODES), "age": rng.randint(18, 90)}
                if rng.random() < 0.5:
                    body["needs"] = rng.sample(NEEDS, 2)
                if rng.random() < 0.5:
                    body["constraints"] = {"max_distance_km": rng.choice([3, 5, 10]), "free_only": rng.random() < 0.3}
                started = time.perf_counter()
                response = http.post(f"{base}/api/v1/match", json=body, timeout=30,
                                     headers={"Authorization": f"Bearer {token}"})
            elapsed = (time.perf_counter() - started) * 1000
            with lock:
                if response.status_code != 200:
                    errors.append(f"{kind} {response.status_code} {response.text[:120]}")
                else:
                    latencies[kind].append(elapsed)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    def summary(values: list[float]) -> dict:
        if not values:
            return {"requests": 0}
        ordered = sorted(values)
        return {"requests": len(values), "per_s": round(len(values) / seconds, 1),
                "p50_ms": round(statistics.median(ordered), 1),
                "p95_ms": round(ordered[int(0.95 * (len(ordered) - 1))], 1)}

    return {"seconds": seconds, "concurrency": concurrency, "search": summary(latencies["search"]),
            "match": summary(latencies["match"]), "errors": len(errors), "error_samples": errors[:5],
            "total_per_s": round(sum(len(v) for v in latencies.values()) / seconds, 1)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--drive", help=argparse.SUPPRESS)  # internal: "BASE TOKEN", run as the load process
    args = parser.parse_args()
    if args.drive:
        base, token = args.drive.split(" ")
        print(json.dumps(drive(base, token, args.seconds, args.concurrency)))
        return 0

    with tempfile.TemporaryDirectory(prefix="bench-load-") as directory:
        state = prepare(Path(directory))
        port = _free_port()
        gunicorn = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "--workers", "2", "--threads", "4", "--bind", f"127.0.0.1:{port}",
             "--access-logfile", "/dev/null", "directory_app:create_app()"],
            env={**os.environ, **state["env"]}, cwd=ROOT)
        base = f"http://127.0.0.1:{port}"
        try:
            _wait_for(f"{base}/healthz")
            # The load comes from a second process, as a real client would.
            result = subprocess.run([sys.executable, "-m", "bench.load", "--seconds", str(args.seconds),
                                     "--concurrency", str(args.concurrency), "--drive", f"{base} {state['token']}"],
                                    cwd=ROOT, capture_output=True, text=True, check=True)
            report = json.loads(result.stdout.strip().splitlines()[-1])
        finally:
            gunicorn.terminate()
            gunicorn.wait(10)
            state["server"].stop()
    report["target_zero_errors_met"] = report["errors"] == 0
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "load.json").write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))
    return 0 if report["errors"] == 0 else 1


def _free_port() -> int:
    from directory_app.meili_server import free_port

    return free_port()


def _wait_for(url: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if requests.get(url, timeout=2).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.3)
    raise RuntimeError(f"{url} did not become healthy")


if __name__ == "__main__":
    sys.exit(main())
