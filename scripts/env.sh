# Environment shared by make targets and scripts: privacy and quiet defaults for Rasa.
export RASA_TELEMETRY_ENABLED=false          # no usage data leaves the machine
export SQLALCHEMY_SILENCE_UBER_WARNING=1
export TF_CPP_MIN_LOG_LEVEL=2
export PYTHONWARNINGS="${PYTHONWARNINGS:-ignore::DeprecationWarning}"
export LOG_LEVEL="${LOG_LEVEL:-INFO}"
