"""Match latency, step by step, on a synthetic directory imported once and kept on disk, so that
code changes can be compared run after run (and interleaved) without re-importing.

    python -m bench.match_steps setup --dir /tmp/steps5k --n 5000   # import once (minutes)
    python -m bench.match_steps time --dir /tmp/steps5k --rounds 3  # 50 profiles x rounds
    python -m bench.match_steps time --dir /tmp/steps5k --profile /tmp/match.prof

``time`` starts Meilisearch on the kept data, serves ``POST /api/v1/match`` through the Flask test
client in-process and reports the median and p95 of whole requests and of each step (reading the
words, inferring needs, retrieval with the query's vector, the matching library), with the load
average, as JSON on stdout.
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import json
import os
import secrets
import statistics
import time
from pathlib import Path

from bench import synth
from bench.run import PUBLISHER, match_profiles, percentile


def _app(work: Path, key: str):
    from directory_app import create_app

    instance = work / "instance"
    return create_app(
        {
            "INSTANCE_PATH": str(instance),
            "DATABASE_URL": f"sqlite:///{instance / 'directory.db'}",
            "MEILI_URL": os.environ["BENCH_MEILI_URL"],
            "MEILI_MASTER_KEY": key,
            "MEILI_INDEX_PREFIX": "steps",
            "SECRET_KEY": "steps-" + secrets.token_hex(24),
            "RATELIMIT_ENABLED": False,
            "RATELIMIT_STORAGE_URI": "memory://",
        }
    )


def setup(work: Path, n: int, seed: int) -> None:
    from directory_app import db, meili_server
    from directory_app import seed as seed_module
    from directory_app.auth.users import create_token, create_user
    from directory_app.directory.jobs import import_file
    from directory_app.search import indexing

    work.mkdir(parents=True, exist_ok=True)
    key = secrets.token_hex(16)
    meili = meili_server.start(work / "meili", key, log_path=work / "meili.log")
    os.environ["BENCH_MEILI_URL"] = meili.url
    try:
        app = _app(work, key)
        with app.app_context():
            db.upgrade(app)
            seed_module.load_geography(app)
            indexing.apply_settings(app)
            started = time.perf_counter()
            report = import_file(
                app, synth.to_csv_bytes(synth.generate(n, seed)), "s.csv", PUBLISHER, actor="b"
            )
            indexing.wait_until_idle(app)
            print(f"imported {report.created} in {time.perf_counter() - started:.0f} s", flush=True)
            with db.session_scope(app) as session:
                create_user(
                    session, "steps_lw", "steps-password-" + secrets.token_hex(8), "link_worker", actor="b"
                )
                token = create_token(session, "steps_lw", actor="b")
        (work / "bench.json").write_text(json.dumps({"key": key, "token": token, "n": report.created}))
        db.get_engine(app).dispose()
    finally:
        meili.stop()


def _timed_steps() -> dict[str, list[float]]:
    """Wrap the steps of ``service.run_match`` so each call's time is collected by name."""
    from directory_app.matchmaking import embeddings, phrasing, retrieval, service
    from directory_app.search.meili import MeiliIndex
    from matching.need_inference import NeedInferrer

    steps: dict[str, list[float]] = {}

    def wrap(owner, name: str, label: str) -> None:
        # Steps come and go between versions; an old and a new tree are timed by the same file.
        inner = getattr(owner, name, None)
        if inner is None:
            return

        def timed(*args, **kwargs):
            started = time.perf_counter()
            try:
                return inner(*args, **kwargs)
            finally:
                steps.setdefault(label, []).append((time.perf_counter() - started) * 1000)

        setattr(owner, name, timed)

    wrap(service, "with_words_read", "read_words")
    wrap(service, "_place", "place")
    wrap(service, "_add_venue_areas", "venue_areas")
    wrap(service, "match", "matching_library")
    wrap(service, "record_demand", "record_demand")
    wrap(retrieval, "candidates", "retrieval")
    if hasattr(retrieval, "Searches"):  # searches sent ahead: encoding, then waiting for the rest
        wrap(retrieval.Searches, "send_semantic", "encode_and_send")
        wrap(retrieval.Searches, "collect", "retrieval_wait")
    wrap(NeedInferrer, "infer", "infer_needs")
    wrap(phrasing, "add_words", "phrasing")
    wrap(embeddings.EmbeddingService, "encode", "encode")
    plain = MeiliIndex.search_many

    def search_many(index, queries):
        started = time.perf_counter()
        results = plain(index, queries)
        took = (time.perf_counter() - started) * 1000
        steps.setdefault("multi_search", []).append(took)
        kinds = {
            "vector" if q.vector is not None else "words" if q.q else "needs" if q.nearest_to else "remote"
            for q in queries
        }
        for kind in kinds:
            steps.setdefault(f"search_{kind}_ms", []).append(took)
        return results

    MeiliIndex.search_many = search_many
    return steps


def run_time(work: Path, rounds: int, seed: int, profile_path: Path | None) -> dict:
    from directory_app import db, meili_server
    from directory_app.matchmaking import embeddings

    saved = json.loads((work / "bench.json").read_text())
    meili = meili_server.start(work / "meili", saved["key"], log_path=work / "meili.log")
    os.environ["BENCH_MEILI_URL"] = meili.url
    try:
        app = _app(work, saved["key"])
        steps = _timed_steps()
        with app.app_context():
            client = app.test_client()
            headers = {"Authorization": f"Bearer {saved['token']}"}
            profiles = match_profiles(seed)
            for body in profiles[:5]:  # the first requests load the text model and the embedder
                client.post("/api/v1/match", json=body, headers=headers)
            steps.clear()
            load_start = os.getloadavg()[0]
            profiler = cProfile.Profile() if profile_path else None
            whole: list[float] = []
            results = []
            model = embeddings._loaded.get("model")
            for _ in range(rounds):
                for body in profiles:
                    if model is not None:
                        # Every person's words are new: no vector from an earlier request's cache.
                        model._cache.clear()
                    if profiler:
                        profiler.enable()
                    started = time.perf_counter()
                    response = client.post("/api/v1/match", json=body, headers=headers)
                    whole.append((time.perf_counter() - started) * 1000)
                    if profiler:
                        profiler.disable()
                    assert response.status_code == 200, response.get_data(as_text=True)[:300]
                    if len(results) < len(profiles):
                        results.append(response.get_json())
            if profiler and profile_path:
                profiler.dump_stats(profile_path)
        db.get_engine(app).dispose()
    finally:
        meili.stop()

    def summary(values: list[float]) -> dict:
        return {
            "median": round(statistics.median(values), 1),
            "p95": round(percentile(values, 95), 1),
            "n": len(values),
        }

    return {
        "services": saved["n"],
        "load_average": [round(load_start, 2), round(os.getloadavg()[0], 2)],
        "match": summary(whole),
        "steps": {name: summary(values) for name, values in steps.items()},
        # the ranked ids of each profile's first run: equal before and after a change
        "results": results,
        "results_digest": hashlib.sha256(json.dumps(results, sort_keys=True).encode()).hexdigest()[:12],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Match latency step by step on a kept directory.")
    parser.add_argument("command", choices=["setup", "time"])
    parser.add_argument("--dir", type=Path, required=True)
    parser.add_argument("--n", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--seed", type=int, default=synth.DEFAULT_SEED)
    parser.add_argument("--profile", type=Path, help="cProfile of the timed matches to this file")
    parser.add_argument(
        "--results", type=Path, help="write each profile's first response here (JSON), to compare runs"
    )
    args = parser.parse_args(argv)
    if args.command == "setup":
        setup(args.dir, args.n, args.seed)
    else:
        summary = run_time(args.dir, args.rounds, args.seed, args.profile)
        if args.results:
            args.results.write_text(json.dumps(summary.pop("results")))
        else:
            summary.pop("results")
        print(json.dumps(summary, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
