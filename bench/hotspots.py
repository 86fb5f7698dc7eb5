"""Where an import and a match spend their time: cProfile of both, in-process, on a synthetic
directory in a temporary directory with a fresh Meilisearch (the same set-up as bench/run.py).

    python -m bench.hotspots --n 2000                 # import 2,000, then profile 20 matches
    python -m bench.hotspots --n 10000 --top 40 --out /tmp/prof

Prints the functions with the most cumulative time for the import and for the matches, and the
time per match step (embedding the goals, retrieval, ranking). Timings include cProfile's overhead;
read them as shares, not as latencies.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import secrets
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from bench import synth
from bench.run import PUBLISHER, match_profiles


def _top(profile: cProfile.Profile, limit: int, sort: str = "cumulative") -> str:
    out = io.StringIO()
    pstats.Stats(profile, stream=out).strip_dirs().sort_stats(sort).print_stats(limit)
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    from directory_app import create_app, db, meili_server
    from directory_app import seed as seed_module
    from directory_app.auth.users import create_token, create_user
    from directory_app.directory.jobs import import_file
    from directory_app.search import indexing

    parser = argparse.ArgumentParser(description="cProfile an import and a few matches.")
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--matches", type=int, default=20)
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--seed", type=int, default=synth.DEFAULT_SEED)
    parser.add_argument("--out", type=Path, help="also write the raw .prof files here (snakeviz, pstats)")
    args = parser.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="bench_prof_"))
    key = secrets.token_hex(16)
    meili = meili_server.start(work / "meili", key, log_path=work / "meili.log")
    try:
        instance = work / "instance"
        app = create_app(
            {
                "INSTANCE_PATH": str(instance),
                "DATABASE_URL": f"sqlite:///{instance / 'directory.db'}",
                "MEILI_URL": meili.url,
                "MEILI_MASTER_KEY": key,
                "MEILI_INDEX_PREFIX": "prof",
                "SECRET_KEY": "prof-" + secrets.token_hex(24),
                "RATELIMIT_ENABLED": False,
                "RATELIMIT_STORAGE_URI": "memory://",
            }
        )
        content = synth.to_csv_bytes(synth.generate(args.n, args.seed))
        with app.app_context():
            db.upgrade(app)
            seed_module.load_geography(app)
            indexing.apply_settings(app)
            profile = cProfile.Profile()
            started = time.perf_counter()
            profile.enable()
            report = import_file(app, content, f"synthetic_{args.n}.csv", PUBLISHER, actor="prof")
            indexing.wait_until_idle(app)
            profile.disable()
            took = time.perf_counter() - started
            print(
                f"== import: {report.created} created in {took:.1f} s under cProfile "
                f"({report.created / took:.0f} services/s)"
            )
            print(_top(profile, args.top))
            if args.out:
                args.out.mkdir(parents=True, exist_ok=True)
                profile.dump_stats(args.out / "import.prof")

            with db.session_scope(app) as session:
                create_user(
                    session,
                    "prof_link_worker",
                    "prof-password-" + secrets.token_hex(8),
                    "link_worker",
                    actor="prof",
                )
                token = create_token(session, "prof_link_worker", actor="prof")
            client = app.test_client()
            headers = {"Authorization": f"Bearer {token}"}
            profiles = match_profiles(args.seed)[: args.matches]
            for body in profiles[:3]:  # first requests load the text model and the embedder
                client.post("/api/v1/match", json=body, headers=headers)
            plain = []
            for body in profiles:
                started = time.perf_counter()
                client.post("/api/v1/match", json=body, headers=headers)
                plain.append((time.perf_counter() - started) * 1000)
            print(
                f"== match without profiler: median {statistics.median(plain):.1f} ms, "
                f"max {max(plain):.1f} ms over {len(plain)}"
            )
            profile = cProfile.Profile()
            profile.enable()
            for body in profiles:
                client.post("/api/v1/match", json=body, headers=headers)
            profile.disable()
            print(f"== {len(profiles)} matches under cProfile")
            print(_top(profile, args.top))
            if args.out:
                profile.dump_stats(args.out / "match.prof")
        db.get_engine(app).dispose()
    finally:
        meili.stop()
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
