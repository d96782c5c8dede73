# Set-up and the two front-door jobs. Everything installs into .venv from pinned files.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint bench eval clean

$(STAMP): pyproject.toml requirements/lock.txt requirements/model.txt requirements/dev.txt requirements/ray.txt js/package-lock.json
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "storyledger needs Python 3.11 or newer (PYTHON=$(PYTHON))" >&2; exit 2; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements/lock.txt -r requirements/dev.txt -r requirements/ray.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes -r requirements/model.txt
	bash scripts/vendor_js.sh
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

## demo: set up, then analyse the bundled example story and export it
demo: $(STAMP)
	mkdir -p out
	$(BIN)/storyledger analyze examples/story --meta examples/meta.json --db out/examples.db --json out/examples.json
	$(BIN)/storyledger show articles --db out/examples.db
	$(BIN)/storyledger show comparisons --db out/examples.db
	$(BIN)/storyledger report --db out/examples.db --out out/examples.html

## test: set up, lint, then run the whole test suite
test: $(STAMP)
	bash scripts/ensure_browser.sh
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python bench/throughput.py

clean:
	rm -rf $(VENV) out .pytest_cache .ruff_cache
