"""Checks of the deployment files: Dockerfile, .dockerignore, docker-compose.yml, deploy/.

Docker cannot run where these tests run, so they check what can be checked without it:
the compose file's structure and variable interpolation, that it agrees with `make run`
(ports, commands, files) and with the Dockerfile, and that Rasa really builds its tracker
and lock stores from the endpoint files (the Redis ones against the machine's Redis).
"""

from __future__ import annotations

import asyncio
import copy
import inspect
import os
import re
import shlex
import shutil
import subprocess
import uuid
from typing import Iterator, Set
from urllib.parse import urlparse

import pytest
import yaml

from bot.settings import PROJECT_ROOT
from tests.deploy_support import (
    COMPOSE_FILE,
    DEPENDS_ON_CONDITIONS,
    DOCKER_ENDPOINTS,
    DOCKERFILE,
    DURATION,
    HEALTHCHECK_KEYS,
    REDIS_ENDPOINTS,
    RESTART_POLICIES,
    SERVICE_KEYS,
    TOP_LEVEL_KEYS,
    InterpolationError,
    command_of,
    dockerfile_instructions,
    dockerignored,
    environment_of,
    final_stage,
    health_url,
    interpolate,
    option,
    published_ports,
    run_sh_default,
    variables_in,
)

APP_SERVICES = ("actions", "rasa", "web")
# What a user must set (README, "Running with docker-compose"); the rest have defaults.
DEPLOY_ENV = {"POSTGRES_PASSWORD": "not-a-real-password", "WEB_SECRET_KEY": "not-a-real-key"}
KNOWN_VARIABLES = {
    "POSTGRES_PASSWORD", "RASA_PUBLIC_URL", "RASA_CORS", "LOG_LEVEL", "WEB_SECRET_KEY", "SMALL_COUNT_THRESHOLD",
}

@pytest.fixture(scope="module")
def raw_compose() -> dict:
    """docker-compose.yml as parsed YAML (anchors and merge keys resolved, not interpolated)."""
    return yaml.safe_load(COMPOSE_FILE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def compose(raw_compose) -> dict:
    """docker-compose.yml as compose sees it with the documented environment."""
    return interpolate(raw_compose, DEPLOY_ENV)


# --- compose: structure -------------------------------------------------------------------


def test_compose_has_the_services_and_only_known_keys(raw_compose):
    assert set(APP_SERVICES) | {"postgres"} <= set(raw_compose["services"])
    unknown = {key for key in raw_compose if not key.startswith("x-")} - TOP_LEVEL_KEYS
    assert not unknown, f"unknown top-level keys: {unknown}"
    for name, service in raw_compose["services"].items():
        assert re.fullmatch(r"[a-zA-Z0-9._-]+", name)
        unknown = {key for key in service if not key.startswith("x-")} - SERVICE_KEYS
        assert not unknown, f"{name}: unknown keys {unknown}"
        assert service.get("image") or service.get("build"), f"{name}: needs an image or a build"
        assert service.get("restart", "no") in RESTART_POLICIES


def test_compose_healthchecks_and_dependencies_are_well_formed(raw_compose):
    services = raw_compose["services"]
    for name, service in services.items():
        check = service.get("healthcheck")
        if check:
            assert set(check) <= HEALTHCHECK_KEYS, f"{name}: unknown healthcheck keys"
            assert check["test"][0] in ("CMD", "CMD-SHELL", "NONE"), f"{name}: test must start with CMD"
            for key in ("interval", "timeout", "start_period", "start_interval"):
                assert key not in check or DURATION.match(check[key]), f"{name}: bad duration {check[key]!r}"
        for dependency, spec in (service.get("depends_on") or {}).items():
            assert dependency in services, f"{name} depends on unknown service {dependency}"
            assert spec["condition"] in DEPENDS_ON_CONDITIONS
            if spec["condition"] == "service_healthy":
                assert "healthcheck" in services[dependency], f"{dependency} has no healthcheck to wait for"


def test_compose_named_volumes_are_declared(raw_compose):
    declared = set(raw_compose.get("volumes") or {})
    for name, service in raw_compose["services"].items():
        for volume in service.get("volumes") or []:
            source = volume["source"] if isinstance(volume, dict) else volume.split(":")[0]
            if not source.startswith((".", "/", "~")):
                assert source in declared, f"{name}: volume {source} is not declared at the top level"
    assert "postgres-data" in declared


def test_compose_interpolation_is_valid_and_documented(raw_compose):
    interpolate(raw_compose, DEPLOY_ENV)  # raises on a stray $ that compose would reject
    assert variables_in(raw_compose) <= KNOWN_VARIABLES, "document new variables in the README section"


def test_compose_refuses_to_start_without_a_postgres_password(raw_compose):
    with pytest.raises(InterpolationError, match="set POSTGRES_PASSWORD"):
        interpolate(raw_compose, {"WEB_SECRET_KEY": "not-a-real-key"})
    # The database itself must not start with an empty password either.
    with pytest.raises(InterpolationError, match="set POSTGRES_PASSWORD"):
        interpolate(raw_compose["services"]["postgres"], {})


def test_compose_refuses_to_start_without_a_session_key(raw_compose):
    with pytest.raises(InterpolationError, match="set WEB_SECRET_KEY"):
        interpolate(raw_compose["services"]["web"], {"POSTGRES_PASSWORD": "not-a-real-password"})


def test_app_services_share_one_image_built_from_the_repo_root(compose):
    images = set()
    for name in APP_SERVICES:
        service = compose["services"][name]
        build = service["build"]
        context = build if isinstance(build, str) else build.get("context", ".")
        assert context == ".", f"{name} must build from the repository root"
        assert isinstance(build, str) or build.get("dockerfile", "Dockerfile") == "Dockerfile"
        images.add(service["image"])
    assert len(images) == 1, "one image name, so compose builds the image once"
    assert DOCKERFILE.is_file()


# --- compose: agreement with `make run`, the Dockerfile and the repository ---------------


def test_only_rasa_and_web_are_published_on_the_make_run_ports(compose):
    rasa_port, web_port = run_sh_default("RASA_PORT"), run_sh_default("WEB_PORT")
    published = {name: published_ports(service) for name, service in compose["services"].items()}
    assert published["rasa"] == {rasa_port: rasa_port}
    assert published["web"] == {web_port: web_port}
    assert {port for ports in published.values() for port in ports} == {5005, 8000}
    assert not published["actions"] and not published["postgres"], "actions and postgres stay internal"


def test_servers_listen_where_compose_and_make_run_expect_them(compose):
    services = compose["services"]
    rasa_port, actions_port, web_port = (run_sh_default(v) for v in ("RASA_PORT", "ACTIONS_PORT", "WEB_PORT"))

    rasa = command_of(services["rasa"])
    assert rasa[:2] == ["rasa", "run"] and option(rasa, "--port") == str(rasa_port)
    assert option(rasa, "--interface") == "0.0.0.0", "reachable from outside its container"
    assert option(rasa, "--cors"), "the widget calls Rasa from another origin"

    actions = command_of(services["actions"])
    assert ["python", "-m", "bot", "directory", "load"] == actions[:5], "the directory is loaded first"
    server = actions[actions.index("&&") + 1 :]
    assert server[:4] == ["exec", "rasa", "run", "actions"] and option(server, "--port") == str(actions_port)
    assert environment_of(services["actions"]).get("SANIC_HOST", "0.0.0.0") == "0.0.0.0", "reachable by rasa"

    web_env = environment_of(services["web"])
    assert command_of(services["web"]) == ["python", "-m", "bot", "web", "serve"]
    assert web_env["WEB_HOST"] == "0.0.0.0" and web_env["WEB_PORT"] == str(web_port)
    assert web_env["RASA_PUBLIC_URL"] == f"http://localhost:{rasa_port}"

    health = {"actions": (actions_port, "/health"), "rasa": (rasa_port, "/"), "web": (web_port, "/healthz")}
    for name, (port, path) in health.items():
        url = urlparse(health_url(services[name]))
        assert (url.port, url.path) == (port, path), f"{name} healthcheck asks the wrong port or path"


def test_database_url_points_at_the_postgres_service(compose):
    from sqlalchemy.engine import make_url

    postgres_env = environment_of(compose["services"]["postgres"])
    for name in ("actions", "web"):
        url = make_url(environment_of(compose["services"][name])["DATABASE_URL"])
        assert url.drivername == "postgresql+psycopg2"
        assert (url.host, url.port) == ("postgres", 5432)
        assert url.username == postgres_env["POSTGRES_USER"] and url.database == postgres_env["POSTGRES_DB"]
        assert url.password == DEPLOY_ENV["POSTGRES_PASSWORD"] == postgres_env["POSTGRES_PASSWORD"]
    assert "DATABASE_URL" not in environment_of(compose["services"]["rasa"]), "Rasa keeps no app data"


def test_files_named_in_commands_are_in_the_image(compose):
    train = next(text for keyword, text in dockerfile_instructions() if keyword == "RUN" and "rasa train" in text)
    train_words = shlex.split(train.split("&&")[0])
    model = f"{option(train_words, '--out')}/{option(train_words, '--fixed-model-name')}.tar.gz"
    for name in APP_SERVICES:
        words = command_of(compose["services"][name])
        for flag in ("--endpoints", "--credentials"):
            path = option(words, flag)
            if path:
                assert (PROJECT_ROOT / path).is_file(), f"{name}: {path} does not exist"
                assert not dockerignored(path), f"{name}: {path} is excluded by .dockerignore"
        if option(words, "--model"):
            assert option(words, "--model") == model, f"{name} loads a model the image does not train"
        if option(words, "--actions"):
            assert (PROJECT_ROOT / option(words, "--actions") / "__init__.py").is_file()
    assert option(command_of(compose["services"]["rasa"]), "--endpoints") == "deploy/endpoints.docker.yml"


# --- Dockerfile and .dockerignore ---------------------------------------------------------


def test_dockerfile_builds_on_python_310_and_runs_as_a_non_root_user():
    instructions = dockerfile_instructions()
    first_from = next(text for keyword, text in instructions if keyword == "FROM")
    assert first_from.split()[0] == "python:3.10-slim"
    for keyword, text in instructions:
        if keyword == "FROM" and ":" in text.split()[0]:
            assert text.split()[0].startswith("python:3.10"), "Rasa 3.6 needs Python 3.10"
    users = [text for keyword, text in final_stage() if keyword == "USER"]
    assert users and users[-1] not in ("root", "0"), "the image must not run as root"
    assert final_stage()[-1][0] == "CMD"


def test_dockerfile_sets_up_like_make_without_secrets():
    text = " ".join(f"{keyword} {rest}" for keyword, rest in dockerfile_instructions())
    assert "pip install --no-cache-dir -r requirements.txt" in text
    assert "pybabel compile -d bot/translations" in text
    assert "RASA_TELEMETRY_ENABLED=false" in text
    makefile = (PROJECT_ROOT / "Makefile").read_text(encoding="utf-8")
    train_data = re.search(r"^TRAIN_DATA := (.+)$", makefile, re.MULTILINE).group(1).strip()
    assert f"rasa train --data {train_data} --fixed-model-name openwelcome --out models" in text
    for keyword, rest in dockerfile_instructions():
        if keyword in ("ENV", "ARG"):
            assert not re.search(r"PASSWORD|SECRET|TOKEN|DATABASE_URL", rest), f"no secrets in the image: {rest}"


def training_inputs() -> Set[str]:
    """Files `rasa train` reads: Makefile prerequisites, config files, imported bot modules."""
    inputs = {"config.yml", "domain.yml", "data/rules.yml", "data/nlu/"}
    config = yaml.safe_load((PROJECT_ROOT / "config.yml").read_text(encoding="utf-8"))
    for component in config["pipeline"] + config["policies"]:
        files = [value for value in component.values() if isinstance(value, str) and (PROJECT_ROOT / value).is_file()]
        inputs.update(files)
    pending = sorted(PROJECT_ROOT.glob("components/*.py"))
    inputs |= {"components/" + path.name for path in pending}
    seen = set()
    while pending:
        source = pending.pop().read_text(encoding="utf-8")
        for module in re.findall(r"^\s*(?:from|import) bot\.(\w+)", source, re.MULTILINE):
            if module not in seen:
                seen.add(module)
                inputs.add(f"bot/{module}.py")
                pending.append(PROJECT_ROOT / "bot" / f"{module}.py")
    return inputs


def test_everything_training_reads_is_copied_before_training():
    copied = []
    for keyword, text in dockerfile_instructions():
        if keyword == "RUN" and "rasa train" in text:
            break
        if keyword == "COPY" and "--from" not in text:
            copied += text.split()[:-1]
    assert copied, "the build stage copies nothing before training"
    for path in sorted(training_inputs()):
        covered = any(path == source or source.endswith("/") and path.startswith(source) for source in copied)
        assert covered, f"{path} is read by `rasa train` but not copied before it (see Dockerfile)"


def test_dockerignore_keeps_local_state_and_secrets_out():
    left_out = (".venv", "models", "var", ".git", ".env", "deploy/.env", "bot/__pycache__", "bot/translations/x.mo")
    for path in left_out:
        assert dockerignored(path), f"{path} must not reach the build context"
    needed = ("requirements.txt", "deploy/endpoints.docker.yml", "credentials.yml", "data/services.yaml", "bot/")
    for path in needed:
        assert not dockerignored(path), f"{path} is needed in the image"


def test_docker_compose_config_accepts_the_file_when_docker_is_installed(raw_compose, tmp_path):
    """Runs the Docker CLI's own loader when one is installed (it needs no Docker engine).

    `docker compose config` checks the whole file. Without the compose plugin,
    `docker stack config` (in the Docker CLI itself) still checks the parts its older file
    format shares: interpolation, durations, ports, commands. The development and CI
    machines ship the Docker CLI (not the engine); without it this test fails rather than
    pretending to pass.
    """
    docker = shutil.which("docker")
    assert docker, "the Docker CLI is needed to check docker-compose.yml (apt-get install docker.io)"
    env = dict(os.environ, **DEPLOY_ENV)
    plugin = subprocess.run([docker, "compose", "version"], capture_output=True, text=True, timeout=30)
    if plugin.returncode == 0:
        result = subprocess.run(
            [docker, "compose", "-f", str(COMPOSE_FILE), "config", "--quiet"],
            capture_output=True, text=True, env=env, timeout=60,
        )
        assert result.returncode == 0, result.stderr
        return
    # The stack file format (3.x) has no project name, x- anchors, long-form depends_on or
    # `platform`; leave those out and check the rest.
    legacy = copy.deepcopy({key: value for key, value in raw_compose.items() if key in ("services", "volumes")})
    for service in legacy["services"].values():
        service.pop("platform", None)
        if isinstance(service.get("depends_on"), dict):
            service["depends_on"] = sorted(service["depends_on"])
    path = tmp_path / "stack.yml"
    path.write_text(yaml.safe_dump(legacy, sort_keys=False), encoding="utf-8")
    result = subprocess.run(
        [docker, "stack", "config", "-c", str(path)], capture_output=True, text=True, env=env, timeout=60
    )
    assert "unknown command" not in result.stderr and "is not a docker command" not in result.stderr, (
        "this Docker CLI has neither `compose` nor `stack config`: " + result.stderr
    )
    assert result.returncode == 0, result.stderr
    loaded = yaml.safe_load(result.stdout)
    assert set(loaded["services"]) == set(raw_compose["services"])
    database_url = loaded["services"]["actions"]["environment"]["DATABASE_URL"]
    assert f":{DEPLOY_ENV['POSTGRES_PASSWORD']}@postgres:" in database_url


# --- endpoint files, as Rasa reads them ---------------------------------------------------


def test_docker_endpoints_use_the_actions_service_and_the_expiring_store():
    from rasa.core.tracker_store import TrackerStore
    from rasa.core.utils import AvailableEndpoints
    from rasa.shared.core.domain import Domain

    from components.tracker_store import ExpiringInMemoryTrackerStore

    endpoints = AvailableEndpoints.read_endpoints(str(DOCKER_ENDPOINTS))
    assert endpoints.action.url == "http://actions:5055/webhook"
    assert urlparse(endpoints.action.url).port == run_sh_default("ACTIONS_PORT")
    # The store passes unknown keys on as **kwargs, so a misspelt one would be ignored.
    accepted = set(inspect.signature(ExpiringInMemoryTrackerStore.__init__).parameters) - {"self", "kwargs"}
    assert set(endpoints.tracker_store.kwargs) == {"expire_after_seconds"} <= accepted
    store = TrackerStore.create(endpoints.tracker_store, Domain.empty())
    assert isinstance(store, ExpiringInMemoryTrackerStore)
    assert store.expire_after_seconds == 3600


def test_redis_endpoint_keys_are_arguments_the_stores_accept(monkeypatch):
    """RedisTrackerStore swallows unknown keys (**kwargs), so a misspelt one would be ignored."""
    from rasa.core.lock_store import RedisLockStore
    from rasa.core.tracker_store import RedisTrackerStore
    from rasa.utils.endpoints import read_endpoint_config

    monkeypatch.setenv("REDIS_HOST", "localhost")
    stores = (
        ("tracker_store", RedisTrackerStore, "components.tracker_store.RedactingRedisTrackerStore"),
        ("lock_store", RedisLockStore, "redis"),
    )
    for section, store_class, store_type in stores:
        config = read_endpoint_config(str(REDIS_ENDPOINTS), section)
        assert config.type == store_type and config.url == "localhost", "url comes from REDIS_HOST"
        accepted = set(inspect.signature(store_class.__init__).parameters) - {"self", "kwargs"}
        assert set(config.kwargs) <= accepted, f"{section}: {set(config.kwargs) - accepted} not accepted"
    endpoints_text = yaml.safe_load(REDIS_ENDPOINTS.read_text(encoding="utf-8"))
    assert endpoints_text["action_endpoint"]["url"] == "http://actions:5055/webhook"


@pytest.fixture
def local_redis() -> Iterator[dict]:
    """Clients for databases 0 and 1 of the machine's Redis (localhost:6379)."""
    import redis

    clients = {db: redis.Redis(host="localhost", port=6379, db=db, socket_timeout=5) for db in (0, 1)}
    try:
        clients[0].ping()
    except redis.exceptions.ConnectionError as error:
        pytest.fail(f"this test needs Redis on localhost:6379 (run with -m 'not redis' to leave it out): {error}")
    yield clients
    for client in clients.values():
        client.close()


@pytest.mark.redis
def test_redis_endpoints_build_working_stores(monkeypatch, local_redis):
    from rasa.core.lock_store import LockStore, RedisLockStore
    from rasa.core.tracker_store import TrackerStore
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import ActionExecuted, SlotSet, UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker
    from rasa.utils.endpoints import read_endpoint_config

    from components.tracker_store import RedactingRedisTrackerStore

    monkeypatch.setenv("REDIS_HOST", "localhost")
    domain = Domain.load(str(PROJECT_ROOT / "domain.yml"))
    tracker_store = TrackerStore.create(read_endpoint_config(str(REDIS_ENDPOINTS), "tracker_store"), domain)
    lock_store = LockStore.create(read_endpoint_config(str(REDIS_ENDPOINTS), "lock_store"))
    assert isinstance(tracker_store, RedactingRedisTrackerStore)
    assert isinstance(lock_store, RedisLockStore)
    assert tracker_store.key_prefix.startswith("openwelcome:")
    assert lock_store.key_prefix.startswith("openwelcome:")

    sender = f"test-deploy-{uuid.uuid4().hex}"
    tracker_key, lock_key = tracker_store.key_prefix + sender, lock_store.key_prefix + sender
    greet = {"name": "greet", "confidence": 1.0}
    events = [ActionExecuted("action_listen"), UserUttered("Hallo", greet), SlotSet("language", "de")]
    tracker = DialogueStateTracker.from_events(sender, events, slots=domain.slots)

    async def round_trip():
        await tracker_store.save(tracker)
        async with lock_store.lock(sender):
            assert local_redis[1].exists(lock_key), "the lock lives in Redis database 1"
        return await tracker_store.retrieve(sender)

    try:
        restored = asyncio.run(round_trip())
        assert restored is not None
        assert restored.latest_message.text == "Hallo" and restored.get_slot("language") == "de"
        assert 0 < local_redis[0].ttl(tracker_key) <= 3600, "conversations must expire (record_exp)"
        assert not local_redis[1].exists(lock_key), "the lock is removed once the message is handled"
    finally:
        local_redis[0].delete(tracker_key)
        local_redis[1].delete(lock_key)
