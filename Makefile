# The front door. Every target sets up what it needs (a virtualenv with pinned packages) itself.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
# Byte-code is written (into the git-ignored __pycache__/ folders): every build would otherwise compile
# the hooks from source again, some tens of milliseconds each time.
unexport PYTHONDONTWRITEBYTECODE
# Which site every target works on (CONFIG=path/to/mkdocs.yml), and where `make site` / `make properdocs`
# write it (tests point them at broken copies).
CONFIG ?= mkdocs.yml
SITE ?= $(dir $(CONFIG))site
# Builds are dated by the site's last commit (sitemap dates, gzip headers): two builds of one commit are
# byte-identical. A site in no git repository is dated 0 (1 January 1970) for the same reason.
ifndef SOURCE_DATE_EPOCH
SOURCE_DATE_EPOCH := $(or $(shell git -C $(dir $(CONFIG)) log -1 --format=%ct 2>/dev/null),0)
endif
export SOURCE_DATE_EPOCH

.PHONY: help serve site offline publish validate test test-setup fuzz clean schemas new-site new-actor new-term properdocs bench

## help: list the targets
help:
	@sed -n 's/^## //p' $(MAKEFILE_LIST)

$(BIN)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(BIN)/.installed-test: requirements-test.txt requirements.txt $(BIN)/.installed
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

## serve: live preview at http://127.0.0.1:8000, rebuilt on every edit of docs/ or data/
serve: $(BIN)/.installed
	$(BIN)/mkdocs serve --strict --config-file $(CONFIG)

## site: strict build into site/; a failed build leaves the previous site/ untouched
site: $(BIN)/.installed
	rm -rf $(SITE).new
	$(BIN)/mkdocs build --strict --config-file $(CONFIG) --site-dir $(SITE).new
	rm -rf $(SITE).old && { [ ! -d $(SITE) ] || mv $(SITE) $(SITE).old; } && mv $(SITE).new $(SITE) && rm -rf $(SITE).old

## offline: the classroom copy: one zip under dist/ that works opened from file://, no network needed
offline: $(BIN)/.installed
	$(BIN)/python scripts/classroom_copy.py --config-file $(CONFIG)

## publish: what GitHub Pages deploys: the classroom zip (as `make offline`), then the site with the zip inside it
publish: $(BIN)/.installed
	zip="$$($(BIN)/python scripts/classroom_copy.py --config-file $(CONFIG) --path-only)" && CLASSROOM_ZIP="$$zip" $(MAKE) --no-print-directory site CONFIG=$(CONFIG)

## validate: check the site's data only (no build), every problem at once, then a summary
validate: $(BIN)/.installed
	$(BIN)/python scripts/validate.py --config-file $(CONFIG)

## schemas: regenerate schemas/ from the model and add the `$schema` line to data files lacking it
schemas: $(BIN)/.installed
	$(BIN)/python scripts/schemas.py --headers

## new-site DIR=x: start a site for another article in folder x (its config, data and docs), ready to build
new-site: $(BIN)/.installed
	$(BIN)/python scripts/new_site.py "$(DIR)"

## new-actor ID=x: start data/actors/x.yaml from a commented skeleton
new-actor: $(BIN)/.installed
	$(BIN)/python scripts/scaffold.py actor "$(ID)" --config-file $(CONFIG)

## new-term ID=x: append a new term skeleton to data/glossary.yaml
new-term: $(BIN)/.installed
	$(BIN)/python scripts/scaffold.py term "$(ID)" --config-file $(CONFIG)

## properdocs: the same strict build with ProperDocs (the MkDocs fork), into site-properdocs/
$(VENV)-properdocs/.installed: requirements-properdocs.txt requirements.txt
	$(PYTHON) -m venv $(VENV)-properdocs
	$(VENV)-properdocs/bin/pip install --quiet --disable-pip-version-check -r requirements-properdocs.txt
	touch $@

properdocs: $(VENV)-properdocs/.installed
	$(VENV)-properdocs/bin/properdocs build --strict --config-file $(CONFIG) --site-dir $(SITE)-properdocs

## bench: build cost of the hooks and growth to 1,000 actors (minutes); QUICK=1 for the smoke run
bench: $(BIN)/.installed
	$(BIN)/python scripts/bench.py $(if $(QUICK),--quick) --json bench-results.json

## test: the whole suite (unit, build, HTML checker and browser tests), after setting up what it needs
test: $(BIN)/.installed-test test-setup
	$(BIN)/python -m pytest

# Chromium, Java and the npm checkers: installed when missing and root, else the command is printed.
test-setup:
	@scripts/test_setup.sh

## fuzz: a long fuzz run of the loader (RUNS=3000, SEED=random): for whoever changes the loader
fuzz: $(BIN)/.installed-test
	$(BIN)/python tests/fuzz.py --runs $(or $(RUNS),3000) $(if $(SEED),--seed $(SEED))

## clean: remove build output
clean:
	rm -rf site site.new site.old site-properdocs dist .pytest_cache .cache bench-results.json test-output node_modules
