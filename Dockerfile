# OpenWelcome: one image for all three roles (Rasa server, action server, web app).
# docker-compose.yml picks the role per service with `command:`; the default is Rasa.
#
#   docker build -t openwelcome .
#
# The model is trained and the catalogs are compiled here, at build time, so containers
# start from a ready model (every replica serves the same one) and never train.
# No secrets are baked in: DATABASE_URL and the rest come from the environment at run time.

# Rasa 3.6 runs on Python 3.8-3.10 only.
FROM python:3.10-slim AS base

# Logs reach `docker logs` at once; the venv comes first on PATH. The rest are the quiet,
# private defaults of scripts/env.sh: no usage data leaves the machine.
ENV PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    VIRTUAL_ENV=/opt/venv \
    PATH="/opt/venv/bin:${PATH}" \
    RASA_TELEMETRY_ENABLED=false \
    TF_CPP_MIN_LOG_LEVEL=2 \
    SQLALCHEMY_SILENCE_UBER_WARNING=1 \
    PYTHONWARNINGS=ignore::DeprecationWarning

WORKDIR /app


FROM base AS build

# Dependencies first: this layer is rebuilt only when requirements.txt changes.
# pip 24.0 is the version the Makefile installs the same pinned tree with.
COPY requirements.txt ./
RUN python -m venv /opt/venv \
 && pip install --no-cache-dir pip==24.0 \
 && pip install --no-cache-dir -r requirements.txt \
 && pip check

# Only what training reads (the Makefile's model prerequisites, the danger keywords named
# in config.yml and the bot/ modules the custom components import), so that editing the
# service directory, the templates or the translations does not retrain the model.
COPY config.yml domain.yml ./
COPY data/nlu/ data/nlu/
COPY data/rules.yml data/danger_keywords.yml data/language_hints.yml data/
COPY components/ components/
COPY bot/__init__.py bot/language.py bot/language_examples.py bot/intent_model.py bot/model_files.py bot/tfidf.py bot/receipts.py bot/safety.py bot/redaction.py bot/
RUN rasa train --data data/nlu data/rules.yml --fixed-model-name openwelcome --out models \
 && rm -rf .rasa

COPY . .
# Compiled catalogs are not in git (.mo files are build output), so build them here.
# Validating the directory now fails the build, not the first start, on a broken services.yaml.
RUN pybabel compile -d bot/translations \
 && python -m bot directory validate


FROM base AS runtime

# A fixed, unprivileged uid that owns nothing but its home and var/ (SQLite, if used).
RUN useradd --create-home --uid 10001 --user-group openwelcome

COPY --from=build /opt/venv /opt/venv
COPY --from=build /app /app
RUN mkdir -p /app/var && chown openwelcome:openwelcome /app/var

# The code stays root-owned and read-only for the process; Python needs no .pyc writes.
ENV PYTHONDONTWRITEBYTECODE=1
USER openwelcome

# Rasa (REST + socket.io), action server, web app.
EXPOSE 5005 5055 8000

CMD ["rasa", "run", "--model", "models/openwelcome.tar.gz", "--port", "5005", "--interface", "0.0.0.0", \
     "--cors", "*", "--endpoints", "deploy/endpoints.docker.yml", "--credentials", "credentials.yml"]
