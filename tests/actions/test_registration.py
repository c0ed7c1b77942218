"""The action server can start: rasa-sdk registers every action the domain names, once."""

import yaml
from rasa_sdk.executor import ActionExecutor

from bot.settings import PROJECT_ROOT


def test_every_domain_action_is_registered_by_the_action_server():
    executor = ActionExecutor()
    executor.register_package("actions")  # raises when an action class has no name
    domain = yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text(encoding="utf-8"))
    assert set(domain["actions"]) <= set(executor.actions)
