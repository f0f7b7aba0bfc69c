# Amanat: `make run` sets up and starts the app, `make test` runs every check CI runs.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
READY  := $(VENV)/.ready
DEMO   := build/demo.amanat

export QT_QPA_PLATFORM ?= offscreen

.PHONY: run test lint typecheck pytest bench demo clean lock

$(READY): requirements/dev.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements/dev.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(READY)

# Until the desktop application lands, `make run` opens the demo archive from the command line.
run: $(READY)
	@test -d $(DEMO) || $(BIN)/amanat demo $(DEMO)
	@echo "The demo archive $(DEMO) (password: demo). Its documents:"
	@$(BIN)/amanat doc list --archive $(DEMO) --password-file resources/demo-password.txt
	@echo
	@$(BIN)/amanat --help

demo: $(READY)
	rm -rf $(DEMO)
	$(BIN)/amanat demo $(DEMO)

test: lint typecheck pytest

lint: $(READY)
	$(BIN)/ruff check desktop tests
	$(BIN)/ruff format --check desktop tests

typecheck: $(READY)
	$(BIN)/mypy

pytest: $(READY)
	$(BIN)/pytest -q

bench: $(READY)
	$(BIN)/python -m tests.bench

# Re-resolve the pinned dependencies (needs the package index); commit the result.
lock: $(READY)
	$(BIN)/python -m pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --generate-hashes --strip-extras --extra dev --allow-unsafe \
		-o requirements/dev.lock pyproject.toml

clean:
	rm -rf $(VENV) build .pytest_cache .mypy_cache .ruff_cache
