# Each target creates the virtual environment when it is missing and installs the locked
# versions (requirements.lock, or requirements-test.lock with the test tools), then the project
# itself without dependencies; again only when pyproject.toml or that lock changed since the
# last install (a stamp file inside .venv).
#
#   make run                    serve on http://127.0.0.1:8000 (ARGS="--port 9000" to change)
#   make test                   lint, format check, type check, import layers and the test suite
#   make demo                   create a demo company and print its logins
#   make migrations NAME=x      write the next migration of each dialect after a models change
#   make install[-test]         only set up .venv, for make run [make test] (CI: install-test)
#   make lock                   rewrite both locks after a change of pyproject.toml's dependencies,
#                               keeping every pin that still fits
#   make upgrade                every pin to the newest release within pyproject.toml's bounds,
#                               then make test

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
RUN_STAMP := $(VENV)/.installed-run
TEST_STAMP := $(VENV)/.installed-test
PIP := $(BIN)/python -m pip --disable-pip-version-check

# pip-compile's options are pyproject.toml's [tool.pip-tools]; the header names `make lock`.
COMPILE := CUSTOM_COMPILE_COMMAND="make lock" $(BIN)/pip-compile --quiet pyproject.toml

.PHONY: run test demo migrations install install-test lock upgrade

run: $(RUN_STAMP)
	$(BIN)/servicedesk serve $(ARGS)

# mypy runs beside the suite: on a fresh checkout it has no cache (about 20 CPU-s, 40 s of a
# make test run), while the suite leaves part of the second core idle. Its report is printed
# after the suite's; either failing fails the target.
test: $(TEST_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	@report=$$(mktemp); $(BIN)/mypy >"$$report" 2>&1 & mypy=$$!; \
	$(PYTEST) $(PYTEST_PARALLEL) $(ARGS); tests=$$?; \
	wait $$mypy; types=$$?; echo "mypy:"; cat "$$report"; rm -f "$$report"; \
	test $$tests -eq 0 && test $$types -eq 0

# pytest keeps each test module's rewritten asserts in __pycache__ only when Python may write
# bytecode: with PYTHONDONTWRITEBYTECODE set (some shells and images set it) every worker
# rewrites and compiles every test module again, 5 s of each worker's start.
PYTEST := env -u PYTHONDONTWRITEBYTECODE $(BIN)/pytest

# Six pytest workers (pytest-xdist) on two cores: a third of a worker's time waits on sockets,
# sleeps, subprocesses and the databases, and more workers fill it (measured alone, pytest only:
# two workers 383 s at 1.5 cores busy, four 302 s; make test with four 308 s, with six 297 s,
# the same CPU). Modules that start servers once for all their tests carry an xdist_group mark
# and stay on one worker. PYTEST_PARALLEL= runs in one process.
PYTEST_PARALLEL ?= -n 6 --dist loadgroup

# The SQLite half only (no PostgreSQL or Redis needed): the tests marked `postgres` are left
# out (tests/conftest.py marks them). Lint and type checks are left to `make test`.
.PHONY: test-fast
test-fast: $(TEST_STAMP)
	$(PYTEST) $(PYTEST_PARALLEL) -m "not postgres" $(ARGS)

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

install: $(RUN_STAMP)

# .ci/run installs through this target.
install-test: $(TEST_STAMP)

$(RUN_STAMP): pyproject.toml requirements.lock | $(BIN)/python
	$(PIP) install --require-hashes -r requirements.lock
	$(PIP) install --no-deps -e .
	touch $@

$(TEST_STAMP): pyproject.toml requirements-test.lock | $(BIN)/python
	$(PIP) install --require-hashes -r requirements-test.lock
	$(PIP) install --no-deps -e .
	touch $@

# The runtime lock is compiled from a copy of the test lock, so that both pin the same versions.
lock: $(TEST_STAMP)
	$(COMPILE) --extra test -o requirements-test.lock
	cp requirements-test.lock requirements.lock
	$(COMPILE) -o requirements.lock

upgrade: $(TEST_STAMP)
	$(COMPILE) --upgrade --extra test -o requirements-test.lock
	cp requirements-test.lock requirements.lock
	$(COMPILE) -o requirements.lock
	$(MAKE) test
