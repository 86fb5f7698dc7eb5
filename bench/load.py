"""`make bench-load`: the app under gunicorn (2 workers) with the seed directory, driven from a
second process for 60 s on loopback. Two runs: read-only (70% search / 30% match), then mixed, in
which curators edit services (PATCH) while search and match run and, with --import-services, a
feed of that many synthetic services is imported as a background job at the start. After the mixed
run `flask search check` must find the index in step with the database. Prints throughput,
p50/p95, errors and failed edits, and writes bench/results/load.json. Target: zero errors and zero
failed edits.

    python -m bench.load [--seconds 60] [--concurrency 8] [--mixed-concurrency 16] [--import-services 5000]
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
QUERIES = [
    "lunch club",
    "food bank",
    "debt advice",
    "walking",
    "carers",
    "mental health",
    "library",
    "befriending",
    "jobcentre",
    "bereavement",
    "fodbank",
    "art group",
    "gardening",
    "youth",
]
NEEDS = [
    "loneliness",
    "food",
    "money_debt",
    "mental_wellbeing",
    "carers",
    "employment_skills",
    "older_people",
]
GOALS = [
    "hardly leaves the house since his wife died",
    "can't keep up with the rent and the bailiffs",
    "wants to get out more and meet people",
    "looks after her mum with dementia and is exhausted",
    "low mood, would like to be outdoors",
    "no money for food until payday",
    "wants to get back into work",
]


def prepare(tmp: Path) -> dict:
    """Meilisearch + database + seed directory + a link worker token, as `make run` would."""
    from sqlmodel import select

    from directory_app import bootstrap, create_app, db, meili_server
    from directory_app.auth.users import create_token, create_user
    from directory_app.models import Service
    from directory_app.search import indexing

    key = uuid.uuid4().hex
    server = meili_server.start(tmp / "meili", key, log_path=tmp / "meili.log")
    env = {
        "INSTANCE_PATH": str(tmp / "instance"),
        "DATABASE_URL": f"sqlite:///{tmp / 'load.db'}",
        "MEILI_URL": server.url,
        "MEILI_MASTER_KEY": key,
        "MEILI_INDEX_PREFIX": "load",
        "SECRET_KEY": uuid.uuid4().hex * 2,
        "RATELIMIT_ENABLED": "false",
    }
    app = create_app(dict(env))
    db.upgrade(app)
    indexing.apply_settings(app)  # the index first, so that loading the seed fills it as it goes
    bootstrap.load_seed(app, force=True)
    with app.app_context():
        indexing.ensure_index(app)
    with db.session_scope(app) as session:
        create_user(session, "load_worker", uuid.uuid4().hex, "link_worker")
        token = create_token(session, "load_worker")
        create_user(session, "load_curator", uuid.uuid4().hex, "curator")
        curator_token = create_token(session, "load_curator")
        service_ids = list(session.exec(select(Service.id).order_by(Service.id)))
    return {
        "server": server,
        "env": env,
        "token": token,
        "curator_token": curator_token,
        "service_ids": service_ids,
    }


def drive(
    base: str,
    token: str,
    seconds: float,
    concurrency: int,
    curator_token: str = "",
    service_ids: list[str] | None = None,
    edit_share: float = 0.0,
) -> dict:
    """The load itself: `concurrency` threads for `seconds`; a share `edit_share` of requests are
    curator edits, the rest 70% search and 30% match."""
    deadline = time.monotonic() + seconds
    lock = threading.Lock()
    latencies: dict[str, list[float]] = {"search": [], "match": [], "edit": []}
    errors: list[str] = []
    failed_edits: list[str] = []

    def worker(seed: int) -> None:
        rng = random.Random(seed)
        http = requests.Session()
        while time.monotonic() < deadline:
            if service_ids and rng.random() < edit_share:
                kind = "edit"
                service_id = rng.choice(service_ids)
                body = {"wait_weeks": rng.randint(0, 12), "accepting_referrals": rng.random() < 0.8}
                started = time.perf_counter()
                response = http.patch(
                    f"{base}/api/v1/services/{service_id}",
                    json=body,
                    timeout=30,
                    headers={"Authorization": f"Bearer {curator_token}"},
                )
            elif rng.random() < 0.7:
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
                body = {
                    "goals": rng.choice(GOALS),
                    "postcode": rng.choice(POSTCODES),
                    "age": rng.randint(18, 90),
                }
                if rng.random() < 0.5:
                    body["needs"] = rng.sample(NEEDS, 2)
                if rng.random() < 0.5:
                    body["constraints"] = {
                        "max_distance_km": rng.choice([3, 5, 10]),
                        "free_only": rng.random() < 0.3,
                    }
                started = time.perf_counter()
                response = http.post(
                    f"{base}/api/v1/match",
                    json=body,
                    timeout=30,
                    headers={"Authorization": f"Bearer {token}"},
                )
            elapsed = (time.perf_counter() - started) * 1000
            with lock:
                if response.status_code != 200:
                    errors.append(f"{kind} {response.status_code} {response.text[:120]}")
                    if kind == "edit":
                        failed_edits.append(f"{response.status_code} {response.text[:120]}")
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
        return {
            "requests": len(values),
            "per_s": round(len(values) / seconds, 1),
            "p50_ms": round(statistics.median(ordered), 1),
            "p95_ms": round(ordered[int(0.95 * (len(ordered) - 1))], 1),
        }

    return {
        "seconds": seconds,
        "concurrency": concurrency,
        "search": summary(latencies["search"]),
        "match": summary(latencies["match"]),
        "errors": len(errors),
        "error_samples": errors[:5],
        **(
            {
                "edit": summary(latencies["edit"]),
                "failed_edits": len(failed_edits),
                "edits_attempted": len(latencies["edit"]) + len(failed_edits),
            }
            if service_ids
            else {}
        ),
        "total_per_s": round(sum(len(v) for v in latencies.values()) / seconds, 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--mixed-concurrency", type=int, default=16)
    parser.add_argument(
        "--edit-share", type=float, default=0.15, help="share of mixed-run requests that are edits"
    )
    parser.add_argument(
        "--import-services", type=int, default=1000, help="feed size imported during the mixed run"
    )
    parser.add_argument(
        "--import-wait", type=float, default=300, help="seconds to let the import finish after the load"
    )
    parser.add_argument("--drive", help=argparse.SUPPRESS)  # internal: a JSON file of the load to run
    args = parser.parse_args()
    if args.drive:
        plan = json.loads(Path(args.drive).read_text())
        print(json.dumps(drive(**plan)))
        return 0

    report: dict = {}
    with tempfile.TemporaryDirectory(prefix="bench-load-") as directory:
        state = prepare(Path(directory))
        port = _free_port()
        gunicorn = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "-c",
                str(ROOT / "deploy" / "gunicorn.conf.py"),
                "--workers",
                "2",
                "--threads",
                "4",
                "--bind",
                f"127.0.0.1:{port}",
                "--access-logfile",
                "/dev/null",
                "--error-logfile",
                str(Path(directory) / "gunicorn.log"),
                "directory_app:create_app()",
            ],
            env={**os.environ, **state["env"]},
            cwd=ROOT,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            _wait_for(f"{base}/healthz", timeout=240)  # the master loads the models first
            report["read_only"] = _run_driver(
                Path(directory),
                {
                    "base": base,
                    "token": state["token"],
                    "seconds": args.seconds,
                    "concurrency": args.concurrency,
                },
            )
            importer = _start_import(base, state["curator_token"], args.import_services)
            report["mixed"] = _run_driver(
                Path(directory),
                {
                    "base": base,
                    "token": state["token"],
                    "seconds": args.seconds,
                    "concurrency": args.mixed_concurrency,
                    "curator_token": state["curator_token"],
                    "service_ids": state["service_ids"],
                    "edit_share": args.edit_share,
                },
            )
            report["mixed"]["import"] = importer.finish(args.import_wait)
            if report["mixed"]["import"].get("job_status") == "done":
                report["search_check"] = _search_check(state["env"])
            else:  # the index follows the import, so it cannot be in step before the job ends
                report["search_check"] = {"ok": None, "output": ["not run: the import job had not finished"]}
        finally:
            gunicorn.terminate()
            try:
                gunicorn.wait(40)  # graceful: workers finish their requests first
            except subprocess.TimeoutExpired:
                gunicorn.kill()
                gunicorn.wait()
            state["server"].stop()
    report["errors"] = report["read_only"]["errors"] + report["mixed"]["errors"]
    report["failed_edits"] = report["mixed"]["failed_edits"]
    report["target_zero_errors_met"] = report["errors"] == 0 and report["search_check"]["ok"] is not False
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "load.json").write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))
    return 0 if report["target_zero_errors_met"] else 1


def _run_driver(directory: Path, plan: dict) -> dict:
    """The load comes from a second process, as a real client would."""
    path = directory / f"plan-{uuid.uuid4().hex}.json"
    path.write_text(json.dumps(plan))
    result = subprocess.run(
        [sys.executable, "-m", "bench.load", "--drive", str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    print(json.dumps(outcome), file=sys.stderr, flush=True)  # kept even if a later step fails
    return outcome


class _Import:
    """A feed posted to the imports API at the start of the mixed run, followed to its end."""

    def __init__(self, base: str, token: str, count: int):
        self.base, self.token, self.count = base, token, count
        self.result: dict = {"services": count}
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run)
        self.thread.start()

    def _run(self) -> None:
        from bench.synth import generate, to_csv_bytes

        headers = {"Authorization": f"Bearer {self.token}"}
        content = to_csv_bytes(generate(self.count, seed=7))
        started = time.perf_counter()
        response = requests.post(
            f"{self.base}/api/v1/imports",
            headers=headers,
            timeout=600,
            files={"file": ("load.csv", content, "text/csv")},
            data={"publisher": "Load test"},
        )
        self.result["accepted_in_s"] = round(time.perf_counter() - started, 2)
        self.result["status"] = response.status_code
        if response.status_code == 202:
            job_url = self.base + response.json()["url"]
            job = {"status": "unknown", "done": None, "report": {}}
            while True:
                try:
                    job = requests.get(job_url, headers=headers, timeout=30).json()
                except requests.RequestException as error:
                    self.result.setdefault("status_errors", []).append(str(error)[:120])
                    if self.stop.is_set():
                        break
                    continue
                if job["status"] in ("done", "failed") or self.stop.is_set():
                    break
                time.sleep(1)
            self.result["job_status"] = job["status"]
            self.result["done"] = job["done"]
            self.result["report"] = {
                k: job["report"].get(k) for k in ("total", "created", "updated", "failed")
            }
        self.result["finished_in_s"] = round(time.perf_counter() - started, 1)

    def finish(self, wait_seconds: float) -> dict:
        """Wait for the job to end, at most ``wait_seconds`` after the load stopped."""
        self.thread.join(wait_seconds)
        self.stop.set()
        self.thread.join()
        return self.result


def _start_import(base: str, token: str, count: int):
    if count <= 0:
        return type(
            "NoImport", (), {"finish": staticmethod(lambda _wait: {"services": 0, "job_status": "done"})}
        )()
    return _Import(base, token, count)


def _search_check(env: dict) -> dict:
    """`flask search check` after the run; Meilisearch applies queued tasks in the background, so
    allow it a little time to catch up before calling it drift."""
    for _ in range(10):
        result = subprocess.run(
            [sys.executable, "-m", "flask", "--app", "directory_app", "search", "check"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            env={**os.environ, **env},
        )
        if result.returncode == 0:
            break
        time.sleep(3)
    return {"ok": result.returncode == 0, "output": result.stdout.strip().splitlines()[-2:]}


def _free_port() -> int:
    from directory_app.meili_server import free_port

    return free_port()


def _wait_for(url: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    last = "no answer"
    while time.monotonic() < deadline:
        try:
            response = requests.get(url, timeout=5)
            if response.status_code == 200:
                return
            last = f"{response.status_code} {response.text[:300]}"
        except requests.RequestException as error:
            last = str(error)[:300]
        time.sleep(0.3)
    raise RuntimeError(f"{url} did not become healthy: {last}")


if __name__ == "__main__":
    sys.exit(main())
