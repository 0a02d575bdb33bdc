# The front door. Every target sets up what it needs (a virtualenv with pinned packages) itself.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: serve site validate test clean bench

$(BIN)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(BIN)/.installed-test: requirements-test.txt requirements.txt $(BIN)/.installed
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

## serve: live preview at http://127.0.0.1:8000, rebuilt on every edit of docs/ or data/
serve: $(BIN)/.installed
	$(BIN)/mkdocs serve --strict

## site: strict build into site/; a failed build leaves the previous site/ untouched
site: $(BIN)/.installed
	rm -rf site.new
	$(BIN)/mkdocs build --strict --site-dir site.new
	rm -rf site.old && { [ ! -d site ] || mv site site.old; } && mv site.new site && rm -rf site.old

## validate: check data/ only (no build), every problem at once, then a summary
validate: $(BIN)/.installed
	$(BIN)/python scripts/validate.py

## bench: build cost of the hooks and growth to 1,000 actors (minutes); QUICK=1 for the smoke run
bench: $(BIN)/.installed
	$(BIN)/python scripts/bench.py $(if $(QUICK),--quick) --json bench-results.json

## test: the whole suite (unit, build and browser tests)
test: $(BIN)/.installed-test
	$(BIN)/python -m pytest

clean:
	rm -rf site site.new site.old dist .pytest_cache
