#!/usr/bin/env bash
# The whole test suite (called by `make test` after set-up).
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== unit tests (bot/, actions/, components/)"
.venv/bin/python -m pytest -q -m "not e2e" tests

echo "== directory and training data validation"
.venv/bin/python -m bot directory validate
.venv/bin/rasa data validate --fail-on-warnings --data data/nlu data/rules.yml --domain domain.yml

echo "== Rasa test stories (every language)"
rm -rf var/rasa-test-results
.venv/bin/rasa test core --model models/openwelcome.tar.gz --stories tests/ \
  --fail-on-prediction-errors --out var/rasa-test-results --no-plot

echo "== end-to-end: real Rasa, action server and web app on localhost; headless Chromium"
.venv/bin/python -m pytest -q -m e2e tests/e2e
