"""Adding an eleventh language is data only: NLU examples, a catalog, configuration lines.

Builds a small model from fixture data with Italian added (no code change), then runs a
message through the trained model and the real actions: the language is recognised (also
by the classifier that language ID fits on each language's folder of examples) and the
answer comes from the Italian catalog.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import tarfile
from pathlib import Path

import pytest
import yaml

import actions.common
from actions.answers import ActionAnswerTopic
from actions.language import ActionDecideLanguage
from bot import texts
from bot.db import make_engine
from bot.directory import read_directory, store_directory
from bot.language_examples import ExampleLanguageModel
from bot.runtime import build_runtime
from bot.settings import PROJECT_ROOT, Settings
from components.language_id import GOAL_LANGUAGES, MODEL_FILE
from tests.actions.conftest import make_tracker, run_action
from tests.conftest import compile_catalog
from tests.e2e.conftest import VENV_BIN

pytestmark = pytest.mark.e2e

FIXTURE = PROJECT_ROOT / "tests" / "fixtures" / "extra_language"
NEW = "it"


def add_language_folder(tmp: Path) -> Path:
    """The project's examples folder (data/nlu/<code>/) with the new language's folder added."""
    examples = tmp / "examples"
    examples.mkdir()
    for code in GOAL_LANGUAGES:
        (examples / code).symlink_to(PROJECT_ROOT / "data" / "nlu" / code)
    (examples / NEW).symlink_to(FIXTURE / "nlu" / NEW)
    return examples


def add_language_to_config(tmp: Path) -> Path:
    """config.yml with the new language among the detector's candidates and its examples folder."""
    config = yaml.safe_load((PROJECT_ROOT / "config.yml").read_text(encoding="utf-8"))
    for component in config["pipeline"]:
        if component["name"] == "components.language_id.LanguageDetector":
            component["languages"] = list(component.get("languages") or GOAL_LANGUAGES) + [NEW]
            component["examples_dir"] = str(add_language_folder(tmp))
        if component["name"] == "components.danger.DangerKeywordClassifier":
            component["keywords_file"] = str(PROJECT_ROOT / "data" / "danger_keywords.yml")
    path = tmp / "config.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return path


def add_language_to_directory(tmp: Path) -> Path:
    """data/services.yaml with one more entry in city.languages (the one line a city adds)."""
    data_dir = tmp / "data"
    data_dir.mkdir()
    text = (PROJECT_ROOT / "data" / "services.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    data["city"]["languages"].append(NEW)
    (data_dir / "services.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return data_dir


def catalogs_with_new_language(compiled: Path, tmp: Path) -> Path:
    """The project's compiled catalogs plus the fixture's Italian one."""
    translations = tmp / "translations"
    shutil.copytree(compiled, translations)
    compile_catalog(FIXTURE / "messages.po", translations, NEW)
    return translations


def trained_language_model(model: Path, tmp: Path) -> ExampleLanguageModel:
    """The example-trained language classifier inside a trained model archive."""
    with tarfile.open(model) as archive:
        member = next(m for m in archive.getmembers() if m.name.endswith(MODEL_FILE))
        archive.extract(member, tmp / "unpacked")
    return ExampleLanguageModel.load(tmp / "unpacked" / member.name)


def test_eleventh_language_from_data_only(tmp_path, compiled_translations, monkeypatch):
    config = add_language_to_config(tmp_path)
    env = dict(os.environ, RASA_TELEMETRY_ENABLED="false", RASA_CACHE_DIRECTORY=str(tmp_path / "cache"))
    subprocess.run(
        [str(VENV_BIN / "rasa"), "train", "nlu", "--nlu", str(FIXTURE / "nlu"), "--config", str(config),
         "--out", str(tmp_path), "--fixed-model-name", "extra"],
        cwd=PROJECT_ROOT, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT,
    )
    assert "it" in trained_language_model(tmp_path / "extra.tar.gz", tmp_path).languages
    data_dir = add_language_to_directory(tmp_path)
    engine = make_engine(f"sqlite:///{tmp_path / 'app.db'}")
    store_directory(engine, read_directory(data_dir / "services.yaml"))
    settings = Settings(
        database_url=str(engine.url),
        data_dir=data_dir,
        translations_dir=catalogs_with_new_language(compiled_translations, tmp_path),
    )
    runtime = build_runtime(settings)
    monkeypatch.setattr(actions.common, "runtime", lambda: runtime)

    from rasa.core.agent import Agent

    agent = Agent.load(str(tmp_path / "extra.tar.gz"))
    parsed = asyncio.run(agent.parse_message("buongiorno, mio figlio sta male e non abbiamo l'assicurazione"))
    assert parsed["intent"]["name"] == "ask_health"

    tracker = make_tracker(
        parsed["text"], "ask_health", {"language": "en"}, scores=parsed["language_detection"]["scores"]
    )
    events, _ = asyncio.run(run_action(ActionDecideLanguage(), tracker))
    language = {event["name"]: event["value"] for event in events}["language"]
    assert language == NEW

    answer_tracker = make_tracker(parsed["text"], "ask_health", {"language": language})
    _, messages = asyncio.run(run_action(ActionAnswerTopic(), answer_tracker))
    italian = runtime.translator.gettext(NEW, texts.TOPIC_ANSWERS["health"])
    assert italian.startswith("In caso di emergenza")
    assert messages[0]["text"].startswith(italian)
