"""The pooled Meilisearch client against a server that, like Meilisearch on a busy machine, stops
answering on a kept-alive connection once it has sent an error on it (without closing it at once)."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import meilisearch
import pytest

from directory_app.search.client import PooledClient

ERROR = {
    "message": "The API key cannot act on this index.",
    "code": "invalid_api_key",
    "type": "auth",
    "link": "",
}


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.seen: list[tuple[int, str]] = []  # (connection number, path) of every request that arrived
        self.connections = 0


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as Meilisearch

    def setup(self) -> None:
        super().setup()
        self.server.connections += 1
        self.number, self.erred = self.server.connections, False

    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:
        self.server.seen.append((self.number, self.path))
        if self.erred:
            time.sleep(3)  # never answers on this connection again: the client waits for its timeout
            self.close_connection = True
            return
        status, body = (403, ERROR) if self.path.startswith("/indexes/") else (200, {"status": "available"})
        payload = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)
        self.erred = status >= 400


@pytest.fixture
def server():
    server = _Server()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def test_a_connection_that_carried_an_error_is_not_used_again(server):
    client = PooledClient(f"http://127.0.0.1:{server.server_address[1]}", "key", timeout=2)
    assert client.health()["status"] == "available"
    with pytest.raises(meilisearch.errors.MeilisearchApiError) as refused:
        client.get_raw_index("someone-elses")
    assert refused.value.code == "invalid_api_key"
    assert client.health()["status"] == "available"
    # The health check after the error went out once, on a new connection: it did not sit on the
    # old one until the timeout and then go again.
    (error_connection,) = [number for number, path in server.seen if path.startswith("/indexes/")]
    after = [number for number, path in server.seen if path == "/health"][1:]
    assert len(after) == 1 and after[0] != error_connection, server.seen
    # Healthy answers keep their connection: the first health check and the error shared one.
    assert server.seen[0][0] == error_connection
