# Kennisbank voor ICT-coördinatoren: alle taken.
# `make serve` en `make test` doen zelf de volledige installatie (.venv + vastgepinde pakketten).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PIP    := $(BIN)/python -m pip --disable-pip-version-check
ADDR   ?= 127.0.0.1:8000

# Material prints an end-of-life notice on every build; it is tracked in README.md.
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true

.PHONY: install serve build test check lint lock benchmark clean

install: $(STAMP)

# Reinstall only when the lock or the project metadata changed.
$(STAMP): requirements.lock pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet -r requirements.lock
	$(PIP) install --quiet --no-deps -e .
	@touch $(STAMP)

serve: $(STAMP)
	KB_SITE_URL=http://$(ADDR)/ $(BIN)/mkdocs serve --no-strict --dev-addr $(ADDR) --livereload \
		--watch src/kb/templates

build: $(STAMP)
	$(BIN)/mkdocs build --strict --site-dir site

test: $(STAMP)
	$(BIN)/python -m pytest

check: $(STAMP)
	$(BIN)/kb check

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy

# Refresh the pinned versions after changing dependencies in pyproject.toml.
lock: $(STAMP)
	$(BIN)/pip-compile --quiet --extra dev --strip-extras --no-emit-index-url \
		--no-emit-find-links --output-file requirements.lock pyproject.toml

benchmark: $(STAMP)
	$(BIN)/python scripts/benchmark.py

clean:
	rm -rf site .pytest_cache
