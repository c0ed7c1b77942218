# OpenWelcome — `make run` and `make test` do all set-up on a fresh clone.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
PY := $(VENV)/bin/python
RASA := $(VENV)/bin/rasa
PYBABEL := $(VENV)/bin/pybabel
MODEL := models/openwelcome.tar.gz
TRAIN_DATA := data/nlu data/rules.yml
NLU_FILES := $(shell find data/nlu -name '*.yml' 2>/dev/null)
PO_FILES := $(wildcard bot/translations/*/LC_MESSAGES/messages.po)
MO_FILES := $(PO_FILES:.po=.mo)
ENV := source scripts/env.sh &&

.PHONY: help setup run test test-unit bench bench-nlu bench-wishes catalogs extract update-catalogs db browser validate clean

help: ## Show the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

$(VENV)/.installed: requirements.txt
	@PY310=$$(scripts/find-python310.sh) || exit 1; \
	  [ -x $(PY) ] || $$PY310 -m venv $(VENV)
	$(PY) -m pip install --disable-pip-version-check -q --upgrade pip==24.0
	$(PY) -m pip install --disable-pip-version-check -q -r requirements.txt
	$(PY) -m pip check
	@touch $@

bot/translations/%/LC_MESSAGES/messages.mo: bot/translations/%/LC_MESSAGES/messages.po $(VENV)/.installed
	$(PYBABEL) compile -d bot/translations -l $* -i $< -o $@

catalogs: $(MO_FILES) ## Compile the translation catalogs (.po -> .mo)

extract: $(VENV)/.installed ## Extract messages to bot/translations/messages.pot
	$(PYBABEL) extract -F babel.cfg -k N_ --no-default-keywords --omit-header --sort-by-file \
	  -o bot/translations/messages.pot .

update-catalogs: extract ## Extract, then merge new messages into every language's .po
	$(PYBABEL) update -i bot/translations/messages.pot -d bot/translations --no-fuzzy-matching

validate: $(VENV)/.installed ## Validate the service directory and the Rasa training data
	$(ENV) $(PY) -m bot directory validate
	$(ENV) $(RASA) data validate --fail-on-warnings --data $(TRAIN_DATA) --domain domain.yml

db: $(VENV)/.installed ## Validate the directory and load it into the database
	$(ENV) $(PY) -m bot db upgrade
	$(ENV) $(PY) -m bot directory load

$(MODEL): $(VENV)/.installed config.yml domain.yml data/rules.yml $(NLU_FILES) components/*.py bot/language.py bot/language_examples.py bot/intent_model.py bot/model_files.py bot/tfidf.py bot/receipts.py
	$(ENV) $(RASA) train --data $(TRAIN_DATA) --fixed-model-name openwelcome --out models
	@touch $@

setup: $(VENV)/.installed catalogs db $(MODEL) ## Everything `run` and `test` need

run: setup ## Start Rasa (5005), actions (5055) and the web app (8000); Ctrl-C stops
	scripts/run.sh

browser: ## Install headless Chromium + chromedriver (Debian packages) for the browser test
	scripts/install-browser.sh

test: setup browser ## Set up, then run the whole test suite
	$(ENV) scripts/test.sh

test-unit: $(VENV)/.installed catalogs ## Unit tests only (no servers)
	$(ENV) $(PY) -m pytest -q -m "not e2e" tests

bench: setup ## Training time, start-up time, REST latency (p50/p95)
	$(ENV) $(PY) -m tests.bench.bench

bench-nlu: $(VENV)/.installed ## Intent accuracy/macro-F1 and language ID per language, tuned vs Rasa default
	$(ENV) $(PY) -m tests.bench.nlu

bench-wishes: $(VENV)/.installed ## Share of held-out follow-ups whose wish or situation is read, per language
	$(ENV) $(PY) -m tests.bench.wishes

clean: ## Remove the venv, models, compiled catalogs and the local database
	rm -rf $(VENV) models var $(MO_FILES)
