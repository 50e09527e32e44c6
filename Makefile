# leadcrawl: the same commands locally and in CI (.ci/run calls `make lint` and `make test`).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: run test lint format typecheck eval bench load browser postgresql screenshots clean

# Create .venv and install the project with every dependency group (needs Python 3.11+).
$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "leadcrawl needs Python 3.11+: set PYTHON=python3.11"'
	@$(PYTHON) -c 'import ensurepip' 2>/dev/null || scripts/install-system-packages.sh python3-venv
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade 'pip>=25.1'
	$(BIN)/python -m pip install --quiet --editable . --group dev
	@touch $@

## browser: a Chromium for deep mode (scripts/install-chromium.sh says how it is found)
browser: $(STAMP)
	@scripts/install-chromium.sh $(BIN)

## run: the whole service on its embedded defaults: a local scrapyd, the API on gunicorn,
## SQLite under var/ (prints the URL and an API key; LEADCRAWL_* variables: README)
run: $(STAMP) browser
	$(BIN)/leadcrawl serve

## test: the whole suite (unit tables, golden pages, doctests, crawls of the farm,
## deep mode in a real Chromium)
test: $(STAMP) browser postgresql
	$(BIN)/pytest

# PostgreSQL's binaries: the tests and `make bench` start throwaway clusters with them
postgresql:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null \
		|| scripts/install-system-packages.sh postgresql

## lint: formatting, lint rules, strict typing and the import contracts
lint: $(STAMP)
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/lint-imports

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

typecheck: $(STAMP)
	$(BIN)/mypy

## eval: crawl the fixture farm with both spiders and score them against its truth
eval: $(STAMP) browser
	$(BIN)/python -m tests.farm.evaluate

## bench: extraction speed per page, crawls of 2,000 and 10,000 synthetic sites against
## a bare Scrapy spider on the same farm, deep mode on 200, then one 10,000-POI job
## through the API on one crawl process, two, and two scrapyd nodes (figures, never
## assertions)
bench: $(STAMP) browser postgresql
	$(BIN)/python scripts/bench_extract.py
	$(BIN)/python -m tests.farm.bench --sites 2000 10000 --deep-sites 200
	$(BIN)/python -m tests.farm.bench_jobs --pois 10000

## load: 50 concurrent job creations, then 200 concurrent SSE watchers, against
## `leadcrawl serve` started on free ports (latency percentiles and errors)
load: $(STAMP)
	$(BIN)/python -m scripts.load --jobs 50 --watchers 200

## screenshots: the web page's states as PNGs in docs/screenshots/ (its browser tests
## drive make run's stack on the farm and save each state)
screenshots: $(STAMP) browser
	LEADCRAWL_SCREENSHOTS=docs/screenshots $(BIN)/pytest tests/web/test_page.py -q

clean:
	rm -rf $(VENV) var build *.egg-info .mypy_cache .ruff_cache .pytest_cache
