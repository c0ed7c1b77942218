"""A language classifier fitted on the assistant's own training examples.

Lingua (``bot.language``) knows each language in general; it does not know how people
write to this assistant: German office words inside Turkish or Arabic messages
("asylbewerberleistungen ne kadar"), chat alphabets, one-word topics. The NLU training
examples (``data/nlu/<language>/``) are exactly that, already sorted by language, so a
character n-gram classifier fitted on them fills the gap. ``LanguageIdentifier`` mixes its
scores with Lingua's. Languages are weighted equally whatever the number of their
examples, so that a newly added language with a small folder is not drowned by the
others. Fitting takes a few seconds; nothing is downloaded.
"""

from __future__ import annotations

from pathlib import Path
from typing import Dict, List, Mapping, Sequence

import numpy as np

from bot.model_files import read_model, write_model
from bot.tfidf import MessageFeatures


class ExampleLanguageModel:
    """Scores languages by character n-grams learnt from example messages."""

    def __init__(self, pipeline) -> None:
        self._pipeline = pipeline
        # Scoring one message through the pipeline costs more in scikit-learn's input checks
        # than in the arithmetic; ``scores`` applies the fitted parts directly.
        self._features = MessageFeatures(pipeline.steps[0][1])
        classifier = pipeline.steps[-1][1]
        self._weights = classifier.coef_  # classes x features
        self._bias = classifier.intercept_.copy()
        self._languages = [str(language) for language in classifier.classes_]

    @classmethod
    def fit(cls, examples: Mapping[str, Sequence[str]], seed: int = 42) -> "ExampleLanguageModel":
        """Fits on example messages per language (at least two languages with examples)."""
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import SGDClassifier
        from sklearn.pipeline import make_pipeline

        texts: List[str] = []
        labels: List[str] = []
        for language, messages in examples.items():
            texts.extend(messages)
            labels.extend([language] * len(messages))
        if len(set(labels)) < 2:
            raise ValueError("examples of at least two languages are needed")
        pipeline = make_pipeline(
            TfidfVectorizer(analyzer="char_wb", ngram_range=(1, 4), sublinear_tf=True),
            SGDClassifier(loss="log_loss", alpha=1e-5, class_weight="balanced", random_state=seed),
        )
        pipeline.fit(texts, labels)
        return cls(pipeline)

    @property
    def languages(self) -> List[str]:
        """The languages the model knows."""
        return list(self._languages)

    def scores(self, text: str) -> Dict[str, float]:
        """Probability of each known language for ``text`` (as ``predict_proba`` computes it:
        one-vs-rest logistic scores, normalised)."""
        indices, values = self._features(text)
        decision = self._weights[:, indices] @ values + self._bias
        positive = 1.0 / (1.0 + np.exp(-decision))
        if len(positive) == 1:  # two languages: one score, for the second
            positive = np.array([1.0 - positive[0], positive[0]])
        probabilities = positive / positive.sum()
        return {language: float(p) for language, p in zip(self._languages, probabilities)}

    def save(self, path: Path) -> None:
        """Writes the model (skops, no pickle)."""
        write_model(self._pipeline, path)

    @classmethod
    def load(cls, path: Path) -> "ExampleLanguageModel":
        """Reads a model written by ``save``; refuses files holding unexpected types."""
        return cls(read_model(path, "language model"))
