# The two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8000
CORPUS ?= ../shared/corpus/syndicated-ar-microsoft-altman.txt

.PHONY: setup run test lint format messages pagecheck

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

setup: $(VENV)/.installed
	$(PY) manage.py migrate --noinput
	$(PY) manage.py collectstatic --noinput -v0
	$(PY) manage.py load_demo
	@if [ -f "$(CORPUS)" ]; then \
		$(PY) manage.py import_article "$(CORPUS)" --language ar --topic ai \
			--publisher "ZephyrNet" --source-language en \
			--translator "machine translation" --publish --update; \
	fi
	$(PY) manage.py ensure_admin

run: setup
	@echo "Serving on http://127.0.0.1:$(PORT)/ (admin at /ar/admin/)"
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

test: $(VENV)/.installed
	$(VENV)/bin/pytest

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.installed
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

messages: $(VENV)/.installed
	$(PY) manage.py makemessages -l ar -l en --ignore=.venv --ignore=var
	$(PY) manage.py compilemessages --ignore=.venv

# Lighthouse, axe and the Nu HTML checker on the home page, a topic, the sample
# article, an English article and search. `make pagecheck URL=http://127.0.0.1:8000`
# checks a running site; without URL a site is started on a free port (DEBUG off,
# static files collected) and stopped afterwards. PAGES overrides the paths.
PAGECHECK ?= bash ../shared/tools/pagecheck/pagecheck
PAGECHECK_FLAGS ?= --min-lighthouse 95 --max-axe 0 --max-html-errors 0
URL ?=
PAGES ?=

pagecheck: $(VENV)/.installed
	@set -e; \
	base="$(URL)"; \
	if [ -z "$$base" ]; then \
		$(PY) manage.py migrate --noinput -v0; \
		$(PY) manage.py collectstatic --noinput -v0; \
		port=$$($(PY) -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'); \
		log=$$(mktemp); \
		DJANGO_DEBUG=false $(PY) manage.py runserver "127.0.0.1:$$port" --noreload >"$$log" 2>&1 & \
		server=$$!; \
		trap 'kill $$server 2>/dev/null; rm -f "$$log"' EXIT; \
		base="http://127.0.0.1:$$port"; \
		for _ in $$(seq 100); do \
			$(PY) -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=5)' \
				"$$base/ar/" 2>/dev/null && break; \
			sleep 0.2; \
		done; \
	fi; \
	paths="$(PAGES)"; \
	if [ -z "$$paths" ]; then paths=$$($(PY) manage.py sample_urls); fi; \
	echo "pagecheck on $$base:" $$paths; \
	$(PAGECHECK) $(PAGECHECK_FLAGS) $$(for path in $$paths; do printf '%s%s ' "$$base" "$$path"; done)
