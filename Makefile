# Two entry points, each doing its own set-up on a fresh machine:
#   make site   install chartergen in .venv and build the site for charters/ into site/
#   make test   install chartergen, its test tools and Chromium, then run every test
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: site pdf test serve browser lint bench clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@

site: $(VENV)/.installed
	$(BIN)/chartergen build

# chartergen pdf: Playwright and pypdf in .venv, and Debian's Chromium
pdf: $(VENV)/.installed
	$(BIN)/python -m pip install -q -e '.[pdf]'
	@command -v chromium >/dev/null 2>&1 || { $(SUDO) apt-get update -q && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium \
		fonts-dejavu-core fonts-liberation; }

serve: $(VENV)/.installed
	$(BIN)/chartergen serve

# What the browser tests (tests/e2e) and `chartergen pdf` need besides Python: Debian's
# Chromium, fonts for pages and PDFs, and axe-core from the npm registry (locked version).
browser:
	@command -v chromium >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 && \
		[ -d /usr/share/fonts/truetype/dejavu ] || { $(SUDO) apt-get update -q && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium \
		fonts-dejavu-core fonts-liberation $$(command -v npm >/dev/null 2>&1 || echo npm); }
	@[ -f tests/e2e/node_modules/axe-core/axe.min.js ] || \
		npm ci --prefix tests/e2e --no-audit --no-fund --loglevel=error

test: $(VENV)/.installed-test browser
	$(BIN)/python -m pytest -n 2 --dist loadscope

lint: $(VENV)/.installed-test
	$(BIN)/ruff check src tests benchmarks

bench: $(VENV)/.installed-test
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf site .pytest_cache .ruff_cache
