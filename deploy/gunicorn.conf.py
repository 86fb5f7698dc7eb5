"""Gunicorn settings for `make serve` and production. Override with GUNICORN_CMD_ARGS or env vars."""

import multiprocessing
import os

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '5000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", min(2 * multiprocessing.cpu_count() + 1, 9)))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
timeout = 30
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then so a slow leak cannot grow without bound.
max_requests = 2000
max_requests_jitter = 200
accesslog = "-"
errorlog = "-"
# %(U)s is the path without the query string: search and match parameters could carry personal
# details (a postcode, words about someone's situation), so they never reach the access log.
access_log_format = '%(h)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(M)sms'
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")

# Build the app once in the master and load its models (TF-IDF, sentence embeddings) there, then
# fork: workers share those pages instead of each fitting its own copy (the fit is the memory peak).
preload_app = os.environ.get("GUNICORN_PRELOAD", "1") != "0"


def when_ready(server):
    if not preload_app:
        return
    from directory_app.matchmaking.preload import preload

    server.log.info("models preloaded: %s", preload(server.app.wsgi()))
