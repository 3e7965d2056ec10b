# Passend: two commands on a fresh machine — `make demo` and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
TOOLS := .tools
UV := $(TOOLS)/bin/uv
VENV := .venv
PY := $(VENV)/bin/python
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)
PG_PORT ?= 54329
# Test processes (pytest-xdist); each gets its own test database.
PYTEST_WORKERS ?= 2

.PHONY: help setup assets systeem systeem-demo demo test test-sqlite test-postgres lint bench bench-postgres clean

help:
	@echo "make demo   – alles klaarzetten en Passend starten op http://127.0.0.1:8000 (SQLite, demoregio)"
	@echo "make test   – alles klaarzetten en alle tests draaien (SQLite en PostgreSQL 15)"
	@echo "make lint   – ruff, mypy en djlint"
	@echo "make bench  – benchmarks op SQLite en PostgreSQL (zie BENCHMARKS.md)"

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet --disable-pip-version-check uv

$(VENV)/.gesynchroniseerd: $(UV) uv.lock pyproject.toml
	$(UV) sync --frozen --quiet
	@touch $@

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

assets: node_modules/.package-lock.json
	@mkdir -p var/assets/vendor/utrecht var/assets/vendor/htmx var/assets/vendor/axe
	@cp node_modules/@utrecht/component-library-css/dist/index.css var/assets/vendor/utrecht/component-library.css
	@cp node_modules/@utrecht/design-tokens/dist/index.css var/assets/vendor/utrecht/design-tokens.css
	@cp node_modules/htmx.org/dist/htmx.min.js var/assets/vendor/htmx/htmx.min.js
	@cp node_modules/axe-core/axe.min.js var/assets/vendor/axe/axe.min.js

setup: $(VENV)/.gesynchroniseerd assets

# System packages for the tests: PostgreSQL 15, Debian's Chromium, fonts (only when missing).
systeem:
	@bash scripts/systeempakketten.sh test

systeem-demo:
	@bash scripts/systeempakketten.sh demo

demo: setup systeem-demo
	$(PY) manage.py migrate --noinput -v0
	$(PY) manage.py demo --logins var/demo-logins.json
	@echo "Passend draait op http://127.0.0.1:8000 — log in met een van de accounts hierboven."
	$(PY) manage.py runserver 127.0.0.1:8000

lint: setup
	$(VENV)/bin/ruff check src tests
	$(VENV)/bin/ruff format --check src tests
	$(VENV)/bin/mypy src/passend
	$(VENV)/bin/djlint --lint src/passend

test: setup systeem lint
	$(PY) manage.py makemigrations --check --dry-run -v0
	DJANGO_SETTINGS_MODULE=passend.conf.base SECRET_KEY=$$(head -c 48 /dev/urandom | base64) ALLOWED_HOSTS=passend.example $(PY) manage.py check --deploy --fail-level WARNING
	$(MAKE) --no-print-directory test-sqlite
	$(MAKE) --no-print-directory test-postgres

test-sqlite: setup
	$(VENV)/bin/pytest -n $(PYTEST_WORKERS) --junitxml=var/test-artefacts/junit-sqlite.xml $(PYTEST_ARGS)

test-postgres: setup
	@bash scripts/pg-testcluster.sh start $(PG_PORT)
	DATABASE_URL=postgres://passend@127.0.0.1:$(PG_PORT)/passend $(VENV)/bin/pytest -n $(PYTEST_WORKERS) --junitxml=var/test-artefacts/junit-postgres.xml $(PYTEST_ARGS); \
	  status=$$?; bash scripts/pg-testcluster.sh stop $(PG_PORT); exit $$status

bench: setup systeem
	$(PY) -m passend.bench
	$(MAKE) --no-print-directory bench-postgres

bench-postgres: setup systeem
	@bash scripts/pg-testcluster.sh start $(PG_PORT)
	DATABASE_URL=postgres://passend@127.0.0.1:$(PG_PORT)/passend $(PY) -m passend.bench; \
	  status=$$?; bash scripts/pg-testcluster.sh stop $(PG_PORT); exit $$status

clean:
	rm -rf var/test-artefacts var/static
