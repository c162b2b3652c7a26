# Fresh machine: `make demo` (set up, run the main job) and `make test` (set up, run all checks).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip

.PHONY: demo test lint typecheck unit bench clean assets chromium gdal screenshot

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(PIP) install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(PIP) install --quiet -e '.[dev]'
	touch $@ $(VENV)/.installed

# JavaScript and CSS the maps inline: npm installs what package-lock.json pins, and
# tools/build_assets.py copies it into the package (never committed).
ASSETS := src/movemap/render/assets/manifest.json

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund

$(ASSETS): node_modules/.package-lock.json tools/build_assets.py
	$(PYTHON) tools/build_assets.py

assets: $(ASSETS)

# The browser tests drive Debian's Chromium (CI runs as root; a browser download cannot work here).
chromium:
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }

# The export tests open the files with GDAL's own tools, as QGIS reads them.
gdal:
	@command -v ogrinfo >/dev/null 2>&1 || { apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gdal-bin; }

DATASET := layers/dprk-russia-2024.yaml

demo: $(VENV)/.installed $(ASSETS)
	$(BIN)/movemap validate $(DATASET)
	$(BIN)/movemap timeline $(DATASET)
	$(BIN)/movemap status $(DATASET) --on 2024-10-20
	$(BIN)/movemap render $(DATASET) -o out/dprk-russia-2024.html

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check src tests benchmarks tools hatch_build.py

typecheck: $(VENV)/.installed-dev
	$(BIN)/mypy src/movemap

unit: $(VENV)/.installed-dev $(ASSETS) chromium gdal
	$(BIN)/python -m pytest

test: lint typecheck unit

# The README's picture, taken by the browser test itself
screenshot: $(VENV)/.installed-dev $(ASSETS) chromium
	MOVEMAP_SCREENSHOT=$(CURDIR)/docs/images/reference-map.png $(BIN)/python -m pytest -q \
		tests/render/test_map_browser.py -k screenshot

bench: $(VENV)/.installed-dev $(ASSETS) chromium
	$(BIN)/python benchmarks/gazetteer_bench.py
	$(BIN)/python benchmarks/routing_bench.py
	$(BIN)/python benchmarks/render_bench.py
	$(BIN)/python benchmarks/located_bench.py
	$(BIN)/python benchmarks/notebook_bench.py
	$(BIN)/python benchmarks/scale_bench.py --quick
	$(BIN)/python benchmarks/extract_eval.py

clean:
	rm -rf $(VENV) build dist out .pytest_cache .mypy_cache .ruff_cache node_modules \
		src/movemap/render/assets
