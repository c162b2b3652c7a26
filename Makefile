# Fresh machine: `make demo` (set up, run the main job) and `make test` (set up, run all checks).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip

.PHONY: demo test lint typecheck unit bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(PIP) install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(PIP) install --quiet -e '.[dev]'
	touch $@ $(VENV)/.installed

DATASET := layers/dprk-russia-2024.yaml

demo: $(VENV)/.installed
	$(BIN)/movemap resolve --file layers/dprk-russia-2024.places.txt
	$(BIN)/movemap validate $(DATASET)
	$(BIN)/movemap timeline $(DATASET)
	$(BIN)/movemap status $(DATASET) --on 2024-10-20

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check src tests benchmarks tools

typecheck: $(VENV)/.installed-dev
	$(BIN)/mypy src/movemap

unit: $(VENV)/.installed-dev
	$(BIN)/python -m pytest

test: lint typecheck unit

bench: $(VENV)/.installed-dev
	$(BIN)/python benchmarks/gazetteer_bench.py

clean:
	rm -rf $(VENV) build dist out .pytest_cache .mypy_cache .ruff_cache
