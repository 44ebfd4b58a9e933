# The README's commands. First run creates .venv and installs; later runs reuse it.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
TSTAMP := $(VENV)/.installed-test

.PHONY: site test test-fast serve check bench lint schema clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

$(TSTAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $@

## site: build the public site and the posters into site/ (strict; leak scan and link check;
## site/ is replaced only when everything succeeded). `mkdocs build` does the same build.
site: $(STAMP)
	$(BIN)/datavisie bouw

## test: every check: lint, types, and the whole suite (installs what the tests need,
## the browser included)
test: lint
	bash tests/setup-test-env.sh
	$(BIN)/python -m pytest

## test-fast: the quick loop while developing: lint, types, and the suite without the
## whole-site builds and the browser
test-fast: lint
	$(BIN)/python -m pytest -q -m "not slow and not browser"

## serve: live preview on http://127.0.0.1:8000/
serve: $(STAMP)
	$(BIN)/mkdocs serve

## check: validate content/, the house style and the posters' fit; report every issue
check: $(STAMP)
	$(BIN)/datavisie check

## bench: speed and scale figures against plain MkDocs
bench: $(TSTAMP)
	$(BIN)/python tests/benchmarks/bench.py --uit docs/performance.md

## lint: lint and types: ruff and mypy on build_tools and tests (mypy's files and settings
## are in pyproject.toml: every test function typed, every `# type: ignore` still needed)
lint: $(TSTAMP)
	$(BIN)/ruff check build_tools tests
	$(BIN)/mypy build_tools tests

## schema: regenerate the JSON Schemas for editors after changing build_tools/content/contract.py
schema: $(STAMP)
	$(BIN)/datavisie schema --editor

clean:
	rm -rf site .cache
