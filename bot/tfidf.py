"""One message's TF-IDF features from a fitted scikit-learn ``TfidfVectorizer``, fast.

The assistant scores one message at a time. For a single message scikit-learn spends
most of its time in per-call input checks and sparse-matrix bookkeeping, not in the
arithmetic; this applies the fitted vectorizer's own analyzer, vocabulary and idf weights
directly (same result, checked by tests) and returns the non-zero features only.
"""

from __future__ import annotations

from collections import Counter
from typing import Tuple

import numpy as np


class MessageFeatures:
    """The TF-IDF row of one message, as (feature indices, values).

    Args:
        vectorizer: A fitted ``TfidfVectorizer`` with ``norm="l2"`` or ``None``.
        offset: Added to every index (for vectorizers whose features are stacked).
    """

    def __init__(self, vectorizer, offset: int = 0) -> None:
        if vectorizer.norm not in ("l2", None) or vectorizer.binary:
            raise ValueError("only l2-normalised or unnormalised, non-binary TF-IDF is supported")
        self._analyze = vectorizer.build_analyzer()
        self._vocabulary = vectorizer.vocabulary_
        self._idf = vectorizer.idf_ if vectorizer.use_idf else None
        self._sublinear = vectorizer.sublinear_tf
        self._normalise = vectorizer.norm == "l2"
        self._offset = offset
        self.size = len(self._vocabulary)

    def __call__(self, text: str) -> Tuple[np.ndarray, np.ndarray]:
        counts = Counter(term for term in self._analyze(text) if term in self._vocabulary)
        indices = np.fromiter((self._vocabulary[term] for term in counts), dtype=np.int64, count=len(counts))
        values = np.fromiter(counts.values(), dtype=np.float64, count=len(counts))
        if self._sublinear:
            values = np.log(values) + 1.0
        if self._idf is not None:
            values = values * self._idf[indices]
        if self._normalise and len(values):
            values = values / np.sqrt(np.dot(values, values))
        return indices + self._offset, values
