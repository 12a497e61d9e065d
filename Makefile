# Each target does its own set-up: a virtual environment in .venv/ with the pinned versions.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: site site-zensical test serve check lint bench bench-scale bench-serve bench-tour weight clean

$(VENV)/.installed: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test]'
	touch $@

site: $(VENV)/.installed
	$(BIN)/python -m generator build
	$(BIN)/mkdocs build --strict --site-dir site

# The same pages built by Zensical (Material for MkDocs' successor) into site-zensical/, from
# zensical.yml, which inherits mkdocs.yml. Zensical runs no hooks, so the generator runs first.
site-zensical: $(VENV)/.installed
	$(BIN)/python -m generator build
	$(BIN)/zensical build --strict -f zensical.yml

# --dirty: a save re-renders only the pages it changed (generator/preview.py keeps the rest right).
serve: $(VENV)/.installed
	$(BIN)/mkdocs serve --dirty

check: $(VENV)/.installed
	$(BIN)/python -m generator check

lint: $(VENV)/.installed
	$(BIN)/ruff check generator tests
	$(BIN)/ruff format --check generator tests

# The browser tests need Chromium: ensure_browser.py finds it, or installs it, or says what to install.
# The tests run in parallel, a process per core (at most 4); tests marked with one xdist_group
# run in the same process, so a fixture they share is set up once.
test: $(VENV)/.installed
	$(BIN)/ruff check generator tests
	$(BIN)/python scripts/ensure_browser.py
	$(BIN)/python -m pytest -n auto --maxprocesses 4 --dist loadgroup

bench: $(VENV)/.installed
	$(BIN)/python benchmarks/build_times.py

# CPU time and memory of the generator and MkDocs on data 1, 3, 10 and 30 times larger (long:
# K=30 takes many minutes). Choose sizes with: make bench-scale SCALE_ARGS="--k 1,3 --repeat 1"
bench-scale: $(VENV)/.installed
	$(BIN)/python benchmarks/scale.py $(SCALE_ARGS)

# Seconds from saving a one-record edit to the page reloaded by `mkdocs serve` (needs Chromium).
bench-serve: $(VENV)/.installed
	$(BIN)/python benchmarks/serve_reload.py

# Where the browser suite's tour of every page spends its CPU, check by check (axe, loading…).
bench-tour: site site-zensical
	$(BIN)/python benchmarks/tour_profile.py

weight: site
	$(BIN)/python benchmarks/page_weight.py site

clean:
	rm -rf site site-zensical $(VENV)
