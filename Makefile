# claimtrack: `make demo` runs the main job on the bundled corpus, `make test` runs the tests.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DB     ?= claims.db

# The modules setup.py compiles with mypyc: an edit reinstalls, which compiles them again.
NATIVE := $(filter-out %/__init__.py,$(wildcard src/claimtrack/extract/*.py))

.PHONY: demo test test-slow lint fmt bench clean

$(STAMP): pyproject.toml setup.py $(NATIVE)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	# An editable install leaves src/ uncompiled; where PYTHONDONTWRITEBYTECODE is set (CI,
	# containers) every command would compile its modules again: 10 ms of each trend's start-up.
	$(BIN)/python -m compileall -q src
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/claimtrack ingest corpus/ --db $(DB)
	$(BIN)/claimtrack trend al-hol --db $(DB)

test: $(STAMP)
	$(BIN)/ruff format --check src tests bench
	$(BIN)/ruff check src tests bench
	$(BIN)/python -m pytest -q

test-slow: $(STAMP)
	$(BIN)/python -m pytest -m slow

fmt: $(STAMP)
	$(BIN)/ruff format src tests bench
	$(BIN)/ruff check --fix src tests bench

bench: $(STAMP)
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .ruff_cache .mypy_cache bench/out
	rm -f src/claimtrack/extract/*.so
