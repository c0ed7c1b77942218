#!/usr/bin/env bash
# Starts the action server (5055), Rasa (5005: REST + socket.io) and the web app (8000).
# Ctrl-C (or SIGTERM) stops all three.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

pids=()
stop() {
  trap - INT TERM EXIT
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  echo "Stopped."
}
trap stop INT TERM EXIT

SANIC_HOST="${ACTIONS_HOST:-127.0.0.1}" .venv/bin/rasa run actions --port "${ACTIONS_PORT:-5055}" --actions actions & pids+=($!)
.venv/bin/rasa run --model models/openwelcome.tar.gz --port "${RASA_PORT:-5005}" --interface "${RASA_HOST:-127.0.0.1}" \
  --cors "${RASA_CORS:-*}" --endpoints endpoints.yml --credentials credentials.yml & pids+=($!)
.venv/bin/python -m bot web serve & pids+=($!)

echo "Starting: Rasa http://localhost:${RASA_PORT:-5005}  actions http://localhost:${ACTIONS_PORT:-5055}  web http://localhost:${WEB_PORT:-8000}/"
# Exit (and stop the others) as soon as any of the three dies.
wait -n "${pids[@]}"
echo "A server stopped; stopping the others." >&2
exit 1
