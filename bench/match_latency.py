"""Match and search latency through the Flask test client on the seed directory, with the app's
Meilisearch client on keep-alive connections (``search.client.PooledClient``) against the plain
library client that opens a TCP connection per call.

    python -m bench.match_latency                  # 200 matches and 200 searches per client
    python -m bench.match_latency --n 50

Both clients run in one process against one fresh Meilisearch and SQLite database, alternating
request by request, so that other load on the machine falls on both alike. Besides the two API
calls it times the client's own ``multi_search`` (one query, 50 hits) to show the transport alone.
"""

from __future__ import annotations

import argparse
import json
import random
import secrets
import shutil
import tempfile
import time
from pathlib import Path

import meilisearch

from bench.run import match_profiles, query_string, search_queries, summary_ms
from bench.synth import DEFAULT_SEED
from directory_app import create_app, db, meili_server
from directory_app.auth.users import create_token, create_user
from directory_app.search import indexing
from directory_app.search.client import PooledClient
from directory_app.seed import load_all
from directory_app.services import services

# The seed directory is Trafford's: the benchmark's profiles (spread over England) are moved there,
# so that matches rank nearby services as a link worker's would.
TRAFFORD = (53.43, -2.33)


def _near_seed(profile: dict, i: int) -> dict:
    rng = random.Random(i)
    return {
        **profile,
        "lat": round(TRAFFORD[0] + rng.gauss(0, 0.02), 5),
        "lng": round(TRAFFORD[1] + rng.gauss(0, 0.03), 5),
    }


def _timed(call) -> float:
    started = time.perf_counter()
    response = call()
    took = (time.perf_counter() - started) * 1000
    if response.status_code != 200:
        raise SystemExit(f"request failed: {response.status_code} {response.get_data(as_text=True)[:300]}")
    return took


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Match/search latency, pooled vs per-call connections.")
    parser.add_argument("--n", type=int, default=200, help="matches and searches per client")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args(argv)
    if PooledClient is None:
        raise SystemExit("the installed meilisearch client has no HttpRequests: nothing to compare")

    work = Path(tempfile.mkdtemp(prefix="bench_latency_"))
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
                "MEILI_INDEX_PREFIX": "latency",
                "SECRET_KEY": "latency-" + secrets.token_hex(24),
                "RATELIMIT_ENABLED": False,
                "RATELIMIT_STORAGE_URI": "memory://",
            }
        )
        with app.app_context():
            db.upgrade(app)
            indexing.apply_settings(app)
            report = load_all(app)
            indexing.wait_until_idle(app)
            with db.session_scope(app) as session:
                create_user(
                    session,
                    "latency_lw",
                    "latency-password-" + secrets.token_hex(8),
                    "link_worker",
                    actor="bench",
                )
                token = create_token(session, "latency_lw", actor="bench")
            index = services(app).index
            app_key = index.client.http.config.api_key  # the scoped key, made on first use
            clients = {
                "plain": meilisearch.Client(meili.url, app_key, timeout=index.timeout_s),
                "pooled": PooledClient(meili.url, app_key, timeout=index.timeout_s),
            }
            http = app.test_client()
            headers = {"Authorization": f"Bearer {token}"}
            profiles = match_profiles(args.seed)
            queries = [query_string(query) for query in search_queries(args.seed)]
            for body in profiles[:5]:  # the first requests load the text model and the embedder
                http.post("/api/v1/match", json=body, headers=headers)

            samples: dict[str, dict[str, list[float]]] = {
                name: {"match": [], "search": [], "multi_search": []} for name in clients
            }
            for i in range(args.n):
                body = _near_seed(profiles[i % len(profiles)], i)
                query = queries[i % len(queries)]
                direct = [{"indexUid": index.name, "q": body["goals"], "limit": 50}]
                # Alternate which client goes first, so that a busy moment falls on both alike.
                for name in sorted(clients, reverse=bool(i % 2)):
                    index._client = client = clients[name]
                    samples[name]["match"].append(
                        _timed(lambda body=body: http.post("/api/v1/match", json=body, headers=headers))
                    )
                    samples[name]["search"].append(
                        _timed(lambda query=query: http.get("/api/v1/services", query_string=query))
                    )
                    started = time.perf_counter()
                    client.multi_search(direct)
                    samples[name]["multi_search"].append((time.perf_counter() - started) * 1000)
        summary = {
            "services": report["directory"],
            **{name: {kind: summary_ms(values) for kind, values in s.items()} for name, s in samples.items()},
        }
        print(json.dumps(summary, indent=2))
        db.get_engine(app).dispose()
    finally:
        meili.stop()
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
