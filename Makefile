# Two commands on a fresh machine: `make run` and `make test`. Everything else is set-up they share.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed
ASSETS := directory_app/static/vendor/.copied

.PHONY: run test lint setup assets meili browser postgres serve bench bench-quick bench-load clean

# The packages, the front-end assets and the Meilisearch binary are fetched side by side: each
# waits mostly on the network, and one after another they took most of a minute.
setup:
	@$(PYTHON) directory_app/meili_server.py ensure > /dev/null & meili=$$!; \
	$(MAKE) --no-print-directory assets & assets=$$!; \
	$(MAKE) --no-print-directory $(INSTALLED); installed=$$?; \
	wait $$meili; fetched=$$?; wait $$assets; copied=$$?; \
	test $$installed -eq 0 && test $$fetched -eq 0 && test $$copied -eq 0

assets: $(ASSETS)

$(INSTALLED): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@# uv resolves and installs in parallel: the install takes seconds rather than most of a minute.
	$(PY) -m pip install --quiet 'uv>=0.5'
	$(VENV)/bin/uv pip install --quiet --python $(PY) -e '.[test]'
	@# Compiled once here, since a process may not write its own .pyc (PYTHONDONTWRITEBYTECODE) and
	@# would otherwise compile scipy, scikit-learn and the rest on every start. Not the packages'
	@# own test suites, nor phonenumbers' geocoding and carrier tables, which nothing here imports:
	@# half the work of uv's --compile-bytecode (27 s -> 18 s for the whole install).
	$(PY) -m compileall -q -j 0 -x '/tests?/|phonenumbers/(geodata|carrierdata|tzdata)/' $(VENV)/lib/python*/site-packages > /dev/null
	@touch $@

node_modules/.package-lock.json: package.json
	npm install --silent --no-audit --no-fund
	@touch $@

$(ASSETS): node_modules/.package-lock.json Makefile
	@mkdir -p directory_app/static/vendor/nhsuk directory_app/static/vendor/leaflet
	@# The NHS.UK stylesheet points at /assets/; ours are served under /static/vendor/nhsuk/assets/.
	@# Its web fonts live on an NHS server our CSP (rightly) does not allow: drop them, Arial is the fallback.
	sed -E -e 's#url\(/assets/#url(/static/vendor/nhsuk/assets/#g' -e 's#@font-face\{[^}]*\}##g' node_modules/nhsuk-frontend/dist/nhsuk/nhsuk-frontend.min.css > directory_app/static/vendor/nhsuk/nhsuk-frontend.min.css
	cp node_modules/nhsuk-frontend/dist/nhsuk/nhsuk-frontend.min.js directory_app/static/vendor/nhsuk/
	cp -r node_modules/nhsuk-frontend/dist/nhsuk/assets directory_app/static/vendor/nhsuk/
	cp node_modules/leaflet/dist/leaflet.js node_modules/leaflet/dist/leaflet.css directory_app/static/vendor/leaflet/
	cp -r node_modules/leaflet/dist/images directory_app/static/vendor/leaflet/
	@touch $@

meili:
	@$(PYTHON) directory_app/meili_server.py ensure

# Debian's Chromium for the browser tests; installed only when missing (needs root, as on CI).
browser:
	@command -v chromium >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

# PostgreSQL server binaries for the PostgreSQL half of the test suite (a throwaway cluster per run).
postgres:
	@command -v initdb >/dev/null || test -x /usr/lib/postgresql/*/bin/initdb || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; }

run: setup
	$(PY) -m directory_app.local_run

# The database-touching suites run a second time on a throwaway PostgreSQL cluster (with a few
# tests that read the same on either database and, in make test, run only there: TEST_HALVES below).
PG_TESTS ?= tests/foundation tests/directory tests/search tests/matchmaking tests/production tests/referrals tests/reports \
	tests/views/test_search_pages.py tests/views/test_sheet_email.py \
	tests/relevance/test_relevance.py tests/relevance/test_relevance_regions.py

# The SQLite half runs as two processes: the relevance suites (only it runs those the PostgreSQL
# half does not) apart from the rest, which include those the PostgreSQL half runs too (and the views, moved out
# of the apart process when it ended about a minute after the others). (Four test
# processes in all were slower than three: each pays for its own models and seed. With security
# and API fuzzing apart as well, that process ended about a minute and a half after the others,
# one core idle. With 48 relevance suites the apart process ended a minute after the others, so
# three of the browser files, about 35 s, run in the other SQLite process; and in session 44, a
# minute after them again, so the Trafford seed's relevance suite, about a minute, runs in the
# PostgreSQL half, which ended two minutes before the others; in session 45 the two newest region
# suites too, IN_POSTGRESQL_HALF in tests/relevance/test_relevance_regions.py. In session 58, with
# 65 relevance suites and cheaper password hashing, the other SQLite process ended a minute and a
# half before the suites process: every browser file runs there now.)
# The three processes share nothing but the vector store and the seeded SQLite database made
# beside it (each starts its own Meilisearch on a free port, in its own pytest temporary
# directory; the PostgreSQL half its own throwaway cluster), so they run side by side. The
# background processes' output is kept in instance/ and shown when all are done.
PG_LOG := instance/test-postgresql.log
APART_TESTS ?= tests/relevance
APART_LOG := instance/test-sqlite-only.log

# Both halves share one store of sentence vectors, emptied first: a service text is encoded once
# per run (tests/conftest.py). TEST_HALVES=1 lets a measure that reads the same on either database
# run in the PostgreSQL half, which would otherwise finish first (tests/conftest.py).
TEST_VECTORS := instance/test-sentence-vectors.sqlite3
# And one folder of fitted need classifiers, emptied first too: each is fitted once per run, by
# the first process to need it, and read by the rest and by the `flask` commands tests start.
TEST_FITTED := instance/test-fitted-models

# Lint runs beside the tests rather than before them: the tests leave a core idle now and then.
LINT_LOG := instance/lint.log
# The slowest tests of each process are listed at its end, to see where the time goes.
PYTEST_ARGS ?= --durations=10

test: setup browser postgres
	@mkdir -p instance && rm -f $(TEST_VECTORS) $(TEST_VECTORS)-wal $(TEST_VECTORS)-shm $(TEST_VECTORS).seeded.db
	@rm -rf $(TEST_FITTED)
	@# Our own code compiled once, not by each test process and each app a test starts (see setup).
	@$(PY) -m compileall -q -j 0 directory_app matching tests bench > /dev/null
	@date +"set-up done at %T; the tests start"
	@$(MAKE) --no-print-directory lint > $(LINT_LOG) 2>&1 & lint=$$!; \
	export TEST_VECTOR_STORE=$(CURDIR)/$(TEST_VECTORS) TEST_FITTED_MODELS=$(CURDIR)/$(TEST_FITTED) TEST_HALVES=1; \
	TEST_DB=postgresql $(PY) -m pytest -p no:cacheprovider $(PG_TESTS) $(PYTEST_ARGS) > $(PG_LOG) 2>&1 & pg=$$!; \
	$(PY) -m pytest -p no:cacheprovider $(APART_TESTS) $(PYTEST_ARGS) > $(APART_LOG) 2>&1 & apart=$$!; \
	$(PY) -m pytest $(foreach t,$(APART_TESTS),--ignore=$(t)) $(PYTEST_ARGS); sqlite=$$?; \
	wait $$apart; browser=$$?; wait $$pg; postgresql=$$?; wait $$lint; linted=$$?; \
	echo "--- SQLite: $(APART_TESTS) ($(APART_LOG)) ---"; cat $(APART_LOG); \
	echo "--- PostgreSQL half ($(PG_LOG)) ---"; cat $(PG_LOG); \
	echo "--- ruff and mypy ($(LINT_LOG)) ---"; cat $(LINT_LOG); \
	echo "SQLite: exit $$sqlite, SQLite-only suites: exit $$browser; PostgreSQL half: exit $$postgresql; lint: exit $$linted"; \
	date +"all done at %T"; \
	test $$sqlite -eq 0 && test $$browser -eq 0 && test $$postgresql -eq 0 && test $$linted -eq 0

# Lint, formatting and types: ruff everywhere, mypy --strict on the pure matching library and a basic
# mypy on the app (settings in pyproject.toml).
lint: $(INSTALLED)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy --strict matching
	$(VENV)/bin/mypy directory_app

serve: setup
	$(VENV)/bin/gunicorn --config deploy/gunicorn.conf.py 'directory_app:create_app()'

# Side-by-side benchmarks against raw Meilisearch (bench/run.py); results in bench/results/.
bench: setup
	$(PY) -m bench.run --sizes 1000,10000,100000

bench-quick: setup
	$(PY) -m bench.run --quick

clean:
	rm -rf $(VENV) node_modules directory_app/static/vendor .meili

# The app under gunicorn (2 workers) on the seed directory, driven by search and match for 60 s.
bench-load: setup
	$(PY) -m bench.load --seconds 60
