"""Readers for the deployment files, as Docker would read them (used by test_deploy_files.py).

Docker is not needed: compose's variable interpolation, the Dockerfile's instructions and
.dockerignore's patterns are simple enough to reproduce here, closely enough for checks.
"""

from __future__ import annotations

import re
import shlex
from typing import Dict, List, Mapping, Optional, Set

from bot.settings import PROJECT_ROOT

COMPOSE_FILE = PROJECT_ROOT / "docker-compose.yml"
DOCKERFILE = PROJECT_ROOT / "Dockerfile"
DOCKER_ENDPOINTS = PROJECT_ROOT / "deploy" / "endpoints.docker.yml"
REDIS_ENDPOINTS = PROJECT_ROOT / "deploy" / "endpoints.redis.yml"

# Key names of the Compose Specification (service, healthcheck, top level), so that a typo
# is caught here rather than by `docker compose config` on the user's machine.
TOP_LEVEL_KEYS = {"version", "name", "include", "services", "networks", "volumes", "secrets", "configs", "models"}
SERVICE_KEYS = {
    "annotations", "attach", "blkio_config", "build", "cap_add", "cap_drop", "cgroup", "cgroup_parent",
    "command", "configs", "container_name", "cpu_count", "cpu_percent", "cpu_period", "cpu_quota",
    "cpu_rt_period", "cpu_rt_runtime", "cpu_shares", "cpus", "cpuset", "credential_spec", "depends_on",
    "deploy", "develop", "device_cgroup_rules", "devices", "dns", "dns_opt", "dns_search", "domainname",
    "entrypoint", "env_file", "environment", "expose", "extends", "external_links", "extra_hosts", "gpus",
    "group_add", "healthcheck", "hostname", "image", "init", "ipc", "isolation", "label_file", "labels",
    "links", "logging", "mac_address", "mem_limit", "mem_reservation", "mem_swappiness", "memswap_limit",
    "models", "network_mode", "networks", "oom_kill_disable", "oom_score_adj", "pid", "pids_limit",
    "platform", "ports", "post_start", "pre_stop", "privileged", "profiles", "provider", "pull_policy",
    "read_only", "restart", "runtime", "scale", "secrets", "security_opt", "shm_size", "stdin_open",
    "stop_grace_period", "stop_signal", "storage_opt", "sysctls", "tmpfs", "tty", "ulimits",
    "use_api_socket", "user", "userns_mode", "uts", "volumes", "volumes_from", "working_dir",
}
HEALTHCHECK_KEYS = {"test", "interval", "timeout", "retries", "start_period", "start_interval", "disable"}
DEPENDS_ON_CONDITIONS = {"service_started", "service_healthy", "service_completed_successfully"}
RESTART_POLICIES = {"no", "always", "on-failure", "unless-stopped"}
DURATION = re.compile(r"^(\d+(\.\d+)?(us|ms|s|m|h))+$")

# Compose's variable syntax: $$ (a literal $), $VAR, ${VAR}, ${VAR:-default}, ${VAR-default},
# ${VAR:?error}, ${VAR?error}, ${VAR:+replacement}, ${VAR+replacement}.
VARIABLE = re.compile(
    r"\$(?:(?P<escaped>\$)"
    r"|\{(?P<braced>[A-Za-z_][A-Za-z0-9_]*)(?:(?P<op>:?[-?+])(?P<arg>[^}]*))?\}"
    r"|(?P<named>[A-Za-z_][A-Za-z0-9_]*))"
)


class InterpolationError(ValueError):
    """A variable reference compose would reject, or a required variable that is missing."""


def interpolate_string(text: str, env: Mapping[str, str]) -> str:
    """Substitutes variables in one string the way `docker compose` does."""

    def substitute(match: re.Match) -> str:
        if match.group("escaped"):
            return "$"
        name = match.group("braced") or match.group("named")
        op, arg = match.group("op"), match.group("arg")
        value = env.get(name)
        unset_or_empty = not value if op and op.startswith(":") else value is None
        if op in (":-", "-"):
            return arg if unset_or_empty else value
        if op in (":?", "?"):
            if unset_or_empty:
                raise InterpolationError(f"required variable {name} is missing a value: {arg}")
            return value
        if op in (":+", "+"):
            return "" if unset_or_empty else arg
        return value or ""

    if "$" in VARIABLE.sub("", text):
        raise InterpolationError(f"invalid interpolation in {text!r}; write $$ for a literal $")
    return VARIABLE.sub(substitute, text)


def interpolate(value, env: Mapping[str, str]):
    """Interpolates every string in a parsed compose document."""
    if isinstance(value, dict):
        return {key: interpolate(item, env) for key, item in value.items()}
    if isinstance(value, list):
        return [interpolate(item, env) for item in value]
    if isinstance(value, str):
        return interpolate_string(value, env)
    return value


def variables_in(value) -> Set[str]:
    """Names of the variables a parsed compose document refers to."""
    if isinstance(value, dict):
        return set().union(*(variables_in(item) for item in value.values())) if value else set()
    if isinstance(value, list):
        return set().union(*(variables_in(item) for item in value)) if value else set()
    if isinstance(value, str):
        return {m.group("braced") or m.group("named") for m in VARIABLE.finditer(value) if not m.group("escaped")}
    return set()


def command_of(service: dict) -> List[str]:
    """A service's command as an argument list (the `sh -c` script split into words)."""
    command = service.get("command") or []
    words = shlex.split(command) if isinstance(command, str) else list(command)
    if words[:2] == ["sh", "-c"]:
        words = shlex.split(words[2].replace("&&", " && "))
    return words


def option(words: List[str], name: str) -> Optional[str]:
    """The value after ``name`` in an argument list, if given."""
    return words[words.index(name) + 1] if name in words else None


def environment_of(service: dict) -> Dict[str, str]:
    """A service's environment as a dict (compose accepts a map or a KEY=value list)."""
    env = service.get("environment") or {}
    if isinstance(env, list):
        env = dict(item.split("=", 1) for item in env)
    return {key: "" if value is None else str(value) for key, value in env.items()}


def published_ports(service: dict) -> Dict[int, int]:
    """Host port -> container port for a service's short- or long-syntax ``ports``."""
    ports = {}
    for entry in service.get("ports") or []:
        if isinstance(entry, dict):
            ports[int(entry["published"])] = int(entry["target"])
            continue
        parts = str(entry).split("/")[0].split(":")
        assert len(parts) in (2, 3), f"{entry!r}: publish as HOST:CONTAINER so the host port is fixed"
        ports[int(parts[-2])] = int(parts[-1])
    return ports


def run_sh_default(variable: str) -> int:
    """The default of ``${variable:-N}`` in scripts/run.sh (what `make run` uses)."""
    text = (PROJECT_ROOT / "scripts" / "run.sh").read_text(encoding="utf-8")
    match = re.search(r"\$\{" + variable + r":-(\d+)\}", text)
    assert match, f"scripts/run.sh no longer has a default for {variable}"
    return int(match.group(1))


def health_url(service: dict) -> str:
    """The URL a service's python/urllib healthcheck requests."""
    test = " ".join(service["healthcheck"]["test"])
    match = re.search(r"urlopen\('([^']+)'", test)
    assert match, f"unexpected healthcheck: {test}"
    return match.group(1)


def dockerfile_instructions() -> List[List[str]]:
    """Dockerfile instructions as [KEYWORD, text], continuation lines joined, comments dropped."""
    instructions, current = [], ""
    for line in DOCKERFILE.read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        current += " " + stripped[:-1] if stripped.endswith("\\") else " " + stripped
        if not stripped.endswith("\\"):
            keyword, _, rest = current.strip().partition(" ")
            instructions.append([keyword.upper(), rest.strip()])
            current = ""
    return instructions


def final_stage() -> List[List[str]]:
    """The instructions of the Dockerfile's last stage (the image that runs)."""
    instructions = dockerfile_instructions()
    last_from = max(i for i, (keyword, _) in enumerate(instructions) if keyword == "FROM")
    return instructions[last_from:]


def dockerignore_patterns() -> List[re.Pattern]:
    """.dockerignore's patterns as regular expressions, with Docker's rules: paths are
    relative to the context root, ``*`` stays within one folder, ``**/`` spans any number."""
    patterns = []
    for line in (PROJECT_ROOT / ".dockerignore").read_text(encoding="utf-8").splitlines():
        pattern = line.strip().strip("/")
        if not pattern or pattern.startswith("#"):
            continue
        assert not pattern.startswith("!"), "exceptions are not supported by this check"
        regex = ""
        for token in re.findall(r"\*\*/|\*\*|\*|\?|[^*?]+", pattern):
            regex += {"**/": "(?:.*/)?", "**": ".*", "*": "[^/]*", "?": "[^/]"}.get(token) or re.escape(token)
        patterns.append(re.compile(regex + r"\Z"))
    return patterns


def dockerignored(path: str) -> bool:
    """Whether .dockerignore keeps ``path`` (or a folder above it) out of the build context."""
    parts = path.split("/")
    candidates = ["/".join(parts[: i + 1]) for i in range(len(parts))]
    return any(pattern.match(candidate) for pattern in dockerignore_patterns() for candidate in candidates)
