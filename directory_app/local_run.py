"""``make run``: start Meilisearch (unless MEILI_URL is given), prepare the database, load the seed
directory, index it and serve the app. Ctrl-C or SIGTERM stops the app and the server it started."""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

from . import bootstrap, create_app, db, meili_server
from . import config as config_module
from .directory import rereading
from .search import indexing


def _terminate_gracefully(_signum, _frame):
    raise KeyboardInterrupt


def _port_free(port: int) -> bool:
    import socket

    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.1", port))
            return True
        except OSError:
            return False


# The bundled seed is Trafford's directory, with the Manchester charities and food banks that work
# there: left to itself the gap report would cover both boroughs (and lose Trafford's wards).
DEMO_REPORT_AREA = "E08000009"


def main() -> int:
    os.environ.setdefault("REPORT_AREA_CODES", DEMO_REPORT_AREA)
    meili_server.die_with_parent()
    signal.signal(signal.SIGTERM, _terminate_gracefully)
    env = config_module.from_environment()
    instance = Path(env["INSTANCE_PATH"])
    instance.mkdir(parents=True, exist_ok=True)
    server = None
    try:
        if not os.environ.get("MEILI_URL"):
            key = config_module.instance_secret(instance, "meili_master_key")
            wanted = int(os.environ.get("MEILI_PORT", "7700"))
            port = wanted if _port_free(wanted) else meili_server.free_port()
            print(f"Starting Meilisearch {meili_server.MEILI_VERSION} on 127.0.0.1:{port} …", flush=True)
            server = meili_server.start(
                instance / "meili", key, port=port, log_path=instance / "meilisearch.log"
            )
            os.environ["MEILI_URL"] = server.url
            os.environ["MEILI_MASTER_KEY"] = key
        else:
            meili_server.wait_healthy(os.environ["MEILI_URL"])

        app = create_app()
        db.upgrade(app)
        summary = bootstrap.load_seed(app)
        if summary.get("skipped"):
            print("Seed data already loaded.", flush=True)
        else:
            print(f"Seed data loaded: {summary}", flush=True)
        reread = rereading.refresh_if_changed(app)
        if reread is not None:
            print(f"The understanding step changed: read {reread} services again.", flush=True)
        with app.app_context():
            count = indexing.ensure_index(app)
        print(f"Search index ready ({count} services).", flush=True)
        if app.config["APP_ENV"] != "production":
            # Shown once, at creation; only the hashes are kept.
            for username, password, role in bootstrap.ensure_demo_accounts(app):
                print(f"  demo account  {role:<13} {username} / {password}", flush=True)
        port = int(os.environ.get("PORT", "5000"))
        print(f"Serving on http://127.0.0.1:{port}  (Ctrl-C to stop)", flush=True)
        from werkzeug.serving import run_simple

        run_simple("127.0.0.1", port, app, threaded=True, use_reloader=False)
    except KeyboardInterrupt:
        print("\nStopping.", flush=True)
    except (meili_server.MeiliSetupError, config_module.ConfigError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    finally:
        if server is not None:
            server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
