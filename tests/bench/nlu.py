"""NLU benchmark (``make bench-nlu``): intent accuracy, macro-F1 and language ID per language.

Trains the project's pipeline (config.yml) and Rasa's default pipeline on the same
training data (``data/nlu``), evaluates both on the held-out sets in
``tests/nlu_eval/<lang>.yml`` (never used in training), and measures inference time per
message. Language identification (the tuned model's, as the assistant uses it) is measured
on the same held-out messages, and separately on short ones (1-3 words); messages listed in
``tests/nlu_eval/written_in.yml`` are scored against the language they are written in. A
script, not a test: it prints figures.

Usage: ``python -m tests.bench.nlu [--skip-default] [--languages en de ...]``
"""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Dict, List, Tuple

from bot.language import Detection
from bot.settings import PROJECT_ROOT
from tests.bench.machine import machine
from tests.e2e.conftest import VENV_BIN

EVAL_DIR = PROJECT_ROOT / "tests" / "nlu_eval"
TUNED = "tuned (config.yml)"
PIPELINES = {
    TUNED: PROJECT_ROOT / "config.yml",
    "Rasa default": PROJECT_ROOT / "tests" / "bench" / "config_default.yml",
}
Example = Tuple[str, str]  # (text, intent)
# Both lead to the same answer (action_fallback), so they are scored as one class.
SAME_OUTCOME = {"nlu_fallback": "out_of_scope"}


def eval_languages() -> List[str]:
    """The languages that have a held-out set."""
    return sorted(path.stem for path in EVAL_DIR.glob("*.yml") if path.stem != "written_in")


def written_in(language: str) -> Dict[str, str]:
    """Held-out messages of ``language`` written in another language: text -> that language."""
    import yaml

    data = yaml.safe_load((EVAL_DIR / "written_in.yml").read_text(encoding="utf-8")) or {}
    return {text: other for other, texts in (data.get(language) or {}).items() for text in texts}


def load_eval(language: str) -> List[Example]:
    """The held-out messages of one language as (text, intent)."""
    from rasa.shared.nlu.training_data.loading import load_data

    data = load_data(str(EVAL_DIR / f"{language}.yml"))
    return [(m.get("text"), m.get("intent")) for m in data.intent_examples]


def train(config: Path, work: Path) -> Tuple[float, Path]:
    """Trains an NLU-only model with an empty cache; returns (seconds, model path)."""
    env = dict(os.environ, RASA_TELEMETRY_ENABLED="false", RASA_CACHE_DIRECTORY=str(work / "cache"))
    command = [str(VENV_BIN / "rasa"), "train", "nlu", "--nlu", "data/nlu", "--config", str(config),
               "--out", str(work), "--fixed-model-name", "nlu"]
    start = time.monotonic()
    with (work / "train.log").open("w", encoding="utf-8") as log:
        subprocess.run(command, cwd=PROJECT_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, check=True)
    return time.monotonic() - start, work / "nlu.tar.gz"


def with_epochs(config: Path, epochs: int, work: Path) -> Path:
    """A copy of ``config`` whose trainable NLU components train for ``epochs`` epochs."""
    import yaml

    data = yaml.safe_load(config.read_text(encoding="utf-8"))
    for component in data["pipeline"]:
        if "epochs" in component:
            component["epochs"] = epochs
    path = work / "config.yml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


def predict(model: Path, examples: List[str]) -> Tuple[List[str], float, List[Detection]]:
    """Predicted intents, mean seconds per message and language scores (if the model has them)."""
    from rasa.core.agent import Agent

    agent = Agent.load(str(model))

    async def run() -> Tuple[List[str], float, List[Detection]]:
        await agent.parse_message("warm up")
        start = time.perf_counter()
        results = [await agent.parse_message(text) for text in examples]
        seconds = (time.perf_counter() - start) / max(len(examples), 1)
        intents = [r["intent"]["name"] for r in results]
        detections = [Detection((r.get("language_detection") or {}).get("scores") or {}) for r in results]
        return [SAME_OUTCOME.get(intent, intent) for intent in intents], seconds, detections

    return asyncio.run(run())


def macro_f1(gold: List[str], predicted: List[str]) -> float:
    """Macro-averaged F1 over the intents present in the gold labels."""
    from sklearn.metrics import f1_score

    return float(f1_score(gold, predicted, labels=sorted(set(gold)), average="macro", zero_division=0))


def language_id(detections: List[Detection], texts: List[str], language: str) -> Tuple[float, float, int, str]:
    """(accuracy on all, accuracy on 1-3 word messages, number of short ones, worst confusions)."""
    detected = [detection.best for detection in detections]
    other = written_in(language)
    gold = [other.get(text, language) for text in texts]
    hits = [found == expected for found, expected in zip(detected, gold)]
    short = [hit for hit, text in zip(hits, texts) if len(text.split()) <= 3]
    wrong = Counter(found or "none" for found, expected in zip(detected, gold) if found != expected).most_common(2)
    confusions = ", ".join(f"→{found} ×{count}" for found, count in wrong) or "none"
    return sum(hits) / len(hits), (sum(short) / len(short) if short else float("nan")), len(short), confusions


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-default", action="store_true", help="Only the tuned pipeline.")
    parser.add_argument(
        "--default-epochs", type=int, default=None,
        help="Train Rasa's default pipeline for N of its 100 epochs (a full run takes about 3 hours on 2 cores).",
    )
    parser.add_argument("--languages", nargs="*", help="Languages to evaluate (default: every eval file).")
    args = parser.parse_args()
    languages = args.languages or eval_languages()
    evals = {language: load_eval(language) for language in languages}
    detections: Dict[str, List[Detection]] = {}
    print("\n".join(f"{key:10} {value}" for key, value in machine().items()))
    rows: Dict[str, Dict[str, Tuple[float, float]]] = {}
    speed: Dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="bench-nlu-") as tmp:
        for name, config in PIPELINES.items():
            if args.skip_default and name == "Rasa default":
                continue
            work = Path(tmp) / name.split()[0]
            work.mkdir()
            if name == "Rasa default" and args.default_epochs:
                config = with_epochs(config, args.default_epochs, work)
                print(f"\nNOTE: Rasa default trained for {args.default_epochs} of its 100 epochs: its accuracy may be"
                      " below a full run's (2 epochs: compare its speed only).")
            seconds, model = train(config, work)
            print(f"\n== {name}: trained in {seconds:.0f} s, model {model.stat().st_size / 2**20:.1f} MiB")
            rows[name] = {}
            timings = []
            for language, examples in evals.items():
                gold = [intent for _, intent in examples]
                predicted, per_message, detected = predict(model, [text for text, _ in examples])
                if name == TUNED:
                    detections[language] = detected
                timings.append(per_message)
                accuracy = sum(g == p for g, p in zip(gold, predicted)) / len(gold)
                rows[name][language] = (accuracy, macro_f1(gold, predicted))
                confusions = Counter((g, p) for g, p in zip(gold, predicted) if g != p).most_common(3)
                worst = ", ".join(f"{g}→{p} ×{n}" for (g, p), n in confusions) or "none"
                print(f"{language}: intent acc {accuracy:.3f}  macro-F1 {rows[name][language][1]:.3f}  worst: {worst}")
            speed[name] = sum(timings) / len(timings)
            print(f"inference: {speed[name] * 1000:.1f} ms per message")
    header = " | ".join(f"{n}: intent acc / macro-F1" for n in rows)
    print(f"\n| language | {header} | LID acc (all) | LID acc (1–3 words) | LID confusions |")
    print("|---|" + "---|" * len(rows) + "---|---|---|")
    for language, examples in evals.items():
        if language not in detections:
            continue
        all_acc, short_acc, n_short, confusions = language_id(detections[language], [t for t, _ in examples], language)
        cells = " | ".join(f"{rows[n][language][0]:.3f} / {rows[n][language][1]:.3f}" for n in rows)
        print(f"| {language} | {cells} | {all_acc:.3f} | {short_acc:.3f} (n={n_short}) | {confusions} |")
    print("| ms per message | " + " | ".join(f"{speed[n] * 1000:.1f}" for n in rows) + " | | | |")


if __name__ == "__main__":
    main()
