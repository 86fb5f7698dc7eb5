"""Connections to Meilisearch (used by search.meili.MeiliIndex).

Day-to-day work (documents, search, settings, tasks) goes through an API key scoped to this app's
own ``<prefix>_*`` indexes, so a bug or a hostile value can at worst touch our indexes, never
another tenant's or the keys. The master key is used only to create that key and to create, swap
and delete our indexes (``MeiliIndex.admin``).
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable
from typing import Any

import meilisearch
import requests

try:  # a private module of the client (0.43); without it we fall back to its plain per-call requests
    from meilisearch._httprequests import HttpRequests
except ImportError:  # pragma: no cover - depends on the installed client
    HttpRequests = None

# Meilisearch 1.21 key actions: documents.* and settings.* cover add/get/delete documents and
# read/update settings; tasks.get lets us wait for our own tasks; stats.get reads index sizes.
APP_KEY_ACTIONS = ["search", "documents.*", "settings.*", "tasks.get", "stats.get"]
KEY_NAMESPACE = uuid.UUID("0b6f0f0e-52c1-4d47-8a3c-7c5b1d9e2a41")
# Connections kept open per Meilisearch host; threads beyond this open extra, short-lived ones.
POOL_SIZE = 16
_SESSION_METHODS = {"get", "post", "put", "patch", "delete"}


def app_key_uid(pattern: str) -> str:
    # One key per index prefix, with a uid we can find again: workers starting together converge on it.
    return str(uuid.uuid5(KEY_NAMESPACE, f"directory-app:{pattern}"))


def ensure_app_key(url: str, master_key: str | None, pattern: str, timeout_s: int) -> str | None:
    """The scoped key's value, creating the key on first use; None when Meilisearch has no master key."""
    if not master_key:
        return None
    admin = meilisearch.Client(url, master_key, timeout=timeout_s)
    uid = app_key_uid(pattern)
    try:
        return admin.get_key(uid).key
    except meilisearch.errors.MeilisearchApiError as error:
        if error.code == "invalid_api_key":
            # The operator gave a key that cannot manage keys (already a scoped one): use it as is.
            return master_key
        if error.code != "api_key_not_found":
            raise
    try:
        return admin.create_key(
            {
                "uid": uid,
                "name": f"directory app ({pattern})",
                "description": "Scoped key used by the directory app for its own indexes.",
                "actions": APP_KEY_ACTIONS,
                "indexes": [pattern],
                "expiresAt": None,
            }
        ).key
    except meilisearch.errors.MeilisearchApiError as error:
        if error.code != "api_key_already_exists":  # another worker created it a moment ago
            raise
        return admin.get_key(uid).key


if HttpRequests is not None:

    class _Connections:
        """Keep-alive connections to one Meilisearch: a thread-safe urllib3 pool (the adapter) and a
        ``requests.Session`` per thread over it, shared by a client and every Index it hands out."""

        def __init__(self) -> None:
            self.adapter = requests.adapters.HTTPAdapter(pool_connections=4, pool_maxsize=POOL_SIZE)
            self._local = threading.local()

        def session(self) -> requests.Session:
            session: requests.Session | None = getattr(self._local, "session", None)
            if session is None:
                session = requests.Session()
                # Meilisearch gzips a response when asked (requests asks by default) and writes it in
                # small chunks; on a reused connection each chunk then waits for the client's delayed
                # ACK (Nagle), about 40 ms per call. Our responses are small: plain JSON is cheaper.
                session.headers["Accept-Encoding"] = "identity"
                session.mount("http://", self.adapter)
                session.mount("https://", self.adapter)
                session.hooks["response"].append(self._no_reuse_after_error)
                self._local.session = session
            return session

        def _no_reuse_after_error(self, response: requests.Response, *args: Any, **kwargs: Any) -> None:
            # Meilisearch closes a connection some time after an error response without saying so;
            # on a busy machine the next request could go out on it first and wait, unanswered, for
            # the whole timeout (15 s in each of four calls in a row in a test). An error is rare:
            # read it, then start afresh.
            if response.status_code >= 400:
                _ = response.content
                self.drop_idle()

        def drop_idle(self) -> None:
            # Clears the pools: idle connections close now, busy ones when they are given back.
            self.adapter.close()

    class _PooledHttpRequests(HttpRequests):
        """The client's request layer over keep-alive connections instead of one TCP connect per call.

        The library calls module-level ``requests.get/post/...``, each opening and closing a
        connection; we hand it the same method of this thread's session. Timeouts and the mapping
        of transport errors to Meilisearch errors stay the library's own. The library also sets and
        pops ``Content-Type`` on a shared headers dict for each call, which races between threads;
        here each thread gets its own copy.
        """

        def __init__(self, template: Any, connections: _Connections) -> None:
            self.config = template.config
            self._base_headers = dict(template.headers)
            self._connections = connections
            self._local = threading.local()

        @property
        def headers(self) -> dict[str, str]:  # type: ignore[override]
            headers: dict[str, str] | None = getattr(self._local, "headers", None)
            if headers is None:
                headers = self._local.headers = dict(self._base_headers)
            return headers

        def send_request(self, http_method: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
            name = getattr(http_method, "__name__", "")
            if name not in _SESSION_METHODS:
                return super().send_request(http_method, *args, **kwargs)
            # Bound Session methods keep the name the library branches on ("get" sends no body).
            try:
                return super().send_request(getattr(self._connections.session(), name), *args, **kwargs)
            except (
                meilisearch.errors.MeilisearchTimeoutError,
                meilisearch.errors.MeilisearchCommunicationError,
            ):
                # A kept-alive connection the server no longer answers on (after an error answer
                # _no_reuse_after_error has already let go of it; this catches any other): drop the
                # idle connections and try once on a new one. Every call made through this client
                # is safe to repeat (searches, upserts and deletes by id, settings, task reads);
                # swaps and new indexes go through the master key's own client, which is not pooled
                # and never retried.
                self._connections.drop_idle()
                return super().send_request(getattr(self._connections.session(), name), *args, **kwargs)

    class PooledClient(meilisearch.Client):
        """``meilisearch.Client`` whose requests, and those of its indexes and task waits, reuse connections."""

        def __init__(self, url: str, api_key: str | None = None, timeout: int | None = None) -> None:
            super().__init__(url, api_key, timeout=timeout)
            self._connections = _Connections()
            self._pool(self)
            self._pool(getattr(self, "task_handler", None))

        def _pool(self, holder: Any) -> None:
            # Anything without the request layer we know keeps the library's own: slower, still correct.
            if isinstance(getattr(holder, "http", None), HttpRequests):
                holder.http = _PooledHttpRequests(holder.http, self._connections)

        def index(self, uid: str) -> Any:
            index = super().index(uid)
            self._pool(index)
            self._pool(getattr(index, "task_handler", None))
            return index

else:  # pragma: no cover - depends on the installed client
    PooledClient = None  # type: ignore[assignment,misc]


def new_client(url: str, api_key: str | None, timeout_s: int) -> meilisearch.Client:
    if PooledClient is None:  # the client's internals moved: plain per-call connections still work
        return meilisearch.Client(url, api_key, timeout=timeout_s)
    return PooledClient(url, api_key, timeout=timeout_s)
