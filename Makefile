# The two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8000
CORPUS ?= ../shared/corpus/syndicated-ar-microsoft-altman.txt

.PHONY: setup run test lint format messages

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
