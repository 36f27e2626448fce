# Each target creates the virtual environment when it is missing and reinstalls the project
# only when pyproject.toml changed since the last install (a stamp file inside .venv).
#
#   make run                    serve on http://127.0.0.1:8000 (ARGS="--port 9000" to change)
#   make test                   lint, format check, type check and the test suite
#   make demo                   create a demo company and print its logins
#   make migrations NAME=x      write the next migration of each dialect after a models change

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
RUN_STAMP := $(VENV)/.installed-run
TEST_STAMP := $(VENV)/.installed-test
PIP := $(BIN)/python -m pip --disable-pip-version-check

.PHONY: run test demo migrations

run: $(RUN_STAMP)
	$(BIN)/servicedesk serve $(ARGS)

test: $(TEST_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports
	$(BIN)/pytest $(ARGS)

demo: $(RUN_STAMP)
	$(BIN)/servicedesk demo

ifneq ($(filter migrations,$(MAKECMDGOALS)),)
ifeq ($(strip $(NAME)),)
$(error usage: make migrations NAME=short_name, e.g. make migrations NAME=add_orders)
endif
endif

migrations: $(RUN_STAMP)
	$(BIN)/python -m servicedesk.devtools.makemigrations $(NAME)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(RUN_STAMP): pyproject.toml | $(BIN)/python
	$(PIP) install -e .
	touch $@

# .ci/run installs the same way and touches this stamp too.
$(TEST_STAMP): pyproject.toml | $(BIN)/python
	$(PIP) install -e '.[test]'
	touch $@
