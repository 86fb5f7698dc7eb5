"""The search index on a real Meilisearch (the product's): ``index.SearchIndex`` in Meilisearch's terms.

Meilisearch accepts a write before it has looked at the documents, so "accepted" is not "indexed":
every write's task is waited for, and a refusal comes back with Meilisearch's reason. Day-to-day
work goes through the key scoped to this app's indexes (client.py); creating, swapping and
deleting indexes is the master key's job.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable, Sequence
from typing import Any
from urllib.parse import quote

import meilisearch

from . import client as connection
from .filters import expressions
from .index import EMBEDDER, Chunk, Query, Reload, Result, SearchIndex

TASK_TIMEOUT_MS = 120_000


class MeiliIndex(SearchIndex):
    def __init__(self, url: str, master_key: str | None, prefix: str, timeout_s: int):
        self.url, self.master_key, self.timeout_s = url, master_key, timeout_s
        self.name = f"{prefix}_services"
        self.pattern = f"{prefix}_*"
        self._client: meilisearch.Client | None = None
        self._lock = threading.Lock()

    # --- connections ---------------------------------------------------------------------

    @property
    def client(self) -> meilisearch.Client:
        """The client on the app's scoped key, made (and the key created) on first use."""
        if self._client is None:
            with self._lock:
                if self._client is None:
                    key = connection.ensure_app_key(self.url, self.master_key, self.pattern, self.timeout_s)
                    self._client = connection.new_client(self.url, key, self.timeout_s)
        return self._client

    @property
    def admin(self) -> meilisearch.Client:
        return meilisearch.Client(self.url, self.master_key, timeout=self.timeout_s)

    def healthy(self) -> tuple[bool, str]:
        try:
            self.client.health()
            return True, "ok"
        except Exception as error:  # any transport or API failure means "down" to a health check
            return False, f"{type(error).__name__}: {str(error)[:200]}"

    # --- reading -------------------------------------------------------------------------

    def _request(self, query: Query) -> dict[str, Any]:
        body: dict[str, Any] = {"indexUid": self.name, "filter": expressions(query.filter)}
        if query.q or query.vector is None:
            body["q"] = query.q
        if query.count_all:
            body["page"] = query.offset // query.limit + 1
            body["hitsPerPage"] = query.limit
        else:
            body["limit"], body["offset"] = query.limit, query.offset
        if query.nearest_to is not None:
            lat, lng = query.nearest_to
            body["sort"] = [f"_geoPoint({lat:.6f}, {lng:.6f}):asc"]
        if query.vector is not None:
            body["vector"] = [float(x) for x in query.vector]
            body["hybrid"] = {"embedder": EMBEDDER, "semanticRatio": 1.0}
            body["showRankingScore"] = True
        if query.facets:
            body["facets"] = list(query.facets)
        if query.fields is not None:
            body["attributesToRetrieve"] = list(query.fields)
        if query.with_vectors:
            body["retrieveVectors"] = True
        return body

    @staticmethod
    def _result(answer: dict[str, Any], query: Query) -> Result:
        hits = answer["hits"]
        for hit in hits:
            if "_geoDistance" in hit:
                hit["_distance_m"] = hit.pop("_geoDistance")
            if query.vector is not None:
                # Meilisearch scores a vector search (1 + cosine) / 2.
                hit["_similarity"] = 2.0 * float(hit.pop("_rankingScore", 0.5)) - 1.0
            if query.with_vectors:
                embeddings = ((hit.pop("_vectors", None) or {}).get(EMBEDDER) or {}).get("embeddings") or []
                hit["_vector"] = embeddings[0] if embeddings else None
        total = answer.get("totalHits", answer.get("estimatedTotalHits", len(hits)))
        return Result(hits=hits, total=int(total), facets=answer.get("facetDistribution") or {})

    def search(self, query: Query) -> Result:
        return self.search_many([query])[0]

    def search_many(self, queries: Sequence[Query]) -> list[Result]:
        answer = self.client.multi_search([self._request(query) for query in queries])
        return [self._result(one, query) for one, query in zip(answer["results"], queries, strict=True)]

    def get(self, document_id: str) -> dict[str, Any] | None:
        try:
            return dict(self.client.index(self.name).get_document(document_id))
        except meilisearch.errors.MeilisearchApiError as error:
            if error.code == "document_not_found":
                return None
            raise

    def versions(self) -> dict[str, str | None]:
        self.wait_until_idle(TASK_TIMEOUT_MS)
        index = self.client.index(self.name)
        versions: dict[str, str | None] = {}
        offset = 0
        while True:
            page = index.get_documents({"fields": ["id", "last_modified"], "limit": 1000, "offset": offset})
            for doc in page.results:
                data = dict(doc)
                versions[data["id"]] = data.get("last_modified")
            offset += len(page.results)
            if offset >= page.total or not page.results:
                return versions

    # --- writing -------------------------------------------------------------------------

    def exists(self) -> bool:
        return self._exists(self.name)

    def _exists(self, uid: str) -> bool:
        try:
            self.admin.get_index(uid)
            return True
        except Exception as error:
            if getattr(error, "code", None) == "index_not_found":
                return False
            raise

    def configure(self, settings: dict[str, Any]) -> None:
        self._configure(self.name, settings)

    def _configure(self, uid: str, settings: dict[str, Any]) -> None:
        admin = self.admin
        created = None if self._exists(uid) else admin.create_index(uid, {"primaryKey": "id"})
        # Meilisearch runs an index's tasks in the order they came: the settings wait for the index
        # to be made without our waiting in between.
        updated = self.client.index(uid).update_settings(settings)
        if created is not None:
            self._wait(admin, created.task_uid)
        self._wait(self.client, updated.task_uid)

    def put(
        self, documents: dict[str, dict[str, Any]], gone: Sequence[str], timeout_ms: int
    ) -> dict[str, str]:
        index = self.client.index(self.name)
        refused = self._add(index, documents, timeout_ms) if documents else {}
        if gone:
            # Ids travel in the request body, never in the URL path.
            task = index.http.post(f"indexes/{quote(index.uid, safe='')}/documents/delete-batch", list(gone))
            reason = self._outcome(task["taskUid"], timeout_ms)
            if reason is not None:
                refused.update({document_id: reason for document_id in gone})
        return refused

    def _add(self, index: Any, documents: dict[str, dict[str, Any]], timeout_ms: int) -> dict[str, str]:
        """One bad document fails its whole task, so a failed batch is halved until the refused
        documents are found (a few extra tasks, not one per document)."""
        task = index.add_documents(list(documents.values()), primary_key="id")
        reason = self._outcome(task.task_uid, timeout_ms)
        if reason is None:
            return {}
        if len(documents) == 1:
            return {next(iter(documents)): reason}
        items = list(documents.items())
        middle = len(items) // 2
        return {
            **self._add(index, dict(items[:middle]), timeout_ms),
            **self._add(index, dict(items[middle:]), timeout_ms),
        }

    def rebuild(self, settings: dict[str, Any], chunks: Iterable[Chunk], reload: Reload) -> dict[str, str]:
        """Build a new index beside the live one and swap it in: search never sees a half-built one."""
        admin = self.admin
        building = f"{self.name}_build_{int(time.time() * 1000)}"
        self._configure(building, settings)
        refused: dict[str, str] = {}
        try:
            index = self.client.index(building)
            # Every chunk is sent before any is waited for: Meilisearch indexes while we read the next.
            tasks = [(ids, index.add_documents(documents, primary_key="id")) for ids, documents in chunks]
            for ids, task in tasks:
                if self._outcome(task.task_uid, TASK_TIMEOUT_MS) is not None:
                    refused.update(self._add(index, reload(ids), TASK_TIMEOUT_MS))
            if not self._exists(self.name):
                self._wait(admin, admin.create_index(self.name, {"primaryKey": "id"}).task_uid)
            self._wait(admin, admin.swap_indexes([{"indexes": [self.name, building]}]).task_uid)
        except BaseException:
            try:
                admin.delete_index(building)
            except Exception:  # the build failed already; cleaning up is best effort
                pass
            raise
        self._wait(admin, admin.delete_index(building).task_uid)
        return refused

    def wait_until_idle(self, timeout_ms: int) -> None:
        queued = self.client.get_tasks(
            {"indexUids": [self.name], "statuses": ["enqueued", "processing"], "limit": 1}
        )
        if queued.results:
            self.client.wait_for_task(queued.results[0].uid, timeout_in_ms=timeout_ms, interval_in_ms=20)

    def drop(self) -> None:
        admin = self.admin
        for index in admin.get_indexes({"limit": 1000})["results"]:
            if index.uid == self.name or index.uid.startswith(f"{self.name}_build_"):
                self._wait(admin, admin.delete_index(index.uid).task_uid)

    # --- tasks ---------------------------------------------------------------------------

    def _outcome(self, task_uid: int, timeout_ms: int) -> str | None:
        """None when the task succeeded, else Meilisearch's reason."""
        result = self.client.wait_for_task(task_uid, timeout_in_ms=timeout_ms, interval_in_ms=20)
        if result.status == "succeeded":
            return None
        error = result.error or {}
        return f"{error.get('code', result.status)}: {error.get('message', '')}"[:1000]

    @staticmethod
    def _wait(client: meilisearch.Client, task_uid: int, timeout_ms: int = TASK_TIMEOUT_MS) -> None:
        result = client.wait_for_task(task_uid, timeout_in_ms=timeout_ms, interval_in_ms=20)
        if result.status != "succeeded":
            raise RuntimeError(f"Meilisearch task {task_uid} {result.status}: {result.error}")
