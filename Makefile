# The commands people type. Every target first makes sure .venv (Python) and
# node_modules (npm assets and checkers) exist and are not older than the files
# that pin them, so a fresh clone needs nothing but `make serve` / `make test`.

PYTHON ?= python3
# Material prints a notice about MkDocs 2.0 on every build; the course pins MkDocs 1.6 (see README).
export NO_MKDOCS_2_WARNING := 1
VENV   := .venv
BIN    := $(VENV)/bin
PY_STAMP   := $(VENV)/.installed
NODE_STAMP := node_modules/.installed

.PHONY: setup serve site test test-fast lint check pdf instructor bench clean lock

$(PY_STAMP): pyproject.toml requirements.lock
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $@

$(NODE_STAMP): package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $@

setup: $(PY_STAMP) $(NODE_STAMP)

## make serve: strict build, then serve the course at http://127.0.0.1:8000 with live reload
serve: site
	$(BIN)/mkdocs serve --strict --dev-addr 127.0.0.1:8000 --livereload

## make site: strict build into site/
site: setup
	$(BIN)/mkdocs build --strict --clean

# Tests run on every core (pytest-xdist); the site is built once and shared; the tests of the PDF build and of
# the browser crawl each keep one worker (--dist loadgroup, see tests/conftest.py).
PYTEST_PARALLEL ?= -n auto --dist loadgroup

## make test: the whole suite (unit, build, browser, PDF, quality gates)
test: setup
	$(BIN)/ruff check coursekit tests
	$(BIN)/course check
	$(BIN)/pytest $(PYTEST_PARALLEL)

## make test-fast: everything but the browser and PDF tests, for the edit-test loop
test-fast: setup
	$(BIN)/ruff check coursekit tests
	$(BIN)/course check
	$(BIN)/pytest $(PYTEST_PARALLEL) -m "not browser and not pdf"

check: setup
	$(BIN)/course check

lint: setup
	$(BIN)/ruff check coursekit tests

## make pdf: dist/course-student.pdf, dist/course-instructor.pdf, dist/course-student.epub, dist/chapters/*.pdf,
## dist/course-site.zip
# SITE_URL: the published address printed on the covers (CI passes the Pages URL); default: site_url in mkdocs.yml
pdf: site
	$(BIN)/course pdf --site site --out dist $(if $(SITE_URL),--site-url "$(SITE_URL)")

## make instructor: answer keys, exam items and LMS exports in dist/instructor/
instructor: setup
	$(BIN)/course export --out dist/instructor

## make bench: build and page-weight figures, written to bench/results.json
bench: setup
	$(BIN)/course bench --out bench/results.json

## make lock: re-pin requirements.lock from pyproject.toml
lock:
	rm -rf /tmp/coursekit-lock && $(PYTHON) -m venv /tmp/coursekit-lock
	/tmp/coursekit-lock/bin/pip install --quiet -e '.[dev]'
	( echo '# Every package the course installs, pinned (pip freeze of a fresh .venv).'; \
	  echo '# Regenerate with `make lock` after changing pyproject.toml.'; \
	  /tmp/coursekit-lock/bin/pip freeze --exclude-editable | grep -v '^coursekit' ) > requirements.lock

clean:
	rm -rf site dist .cache build *.egg-info
