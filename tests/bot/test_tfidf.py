"""The fast one-message TF-IDF row equals scikit-learn's transform."""

import numpy as np
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer

from bot.tfidf import MessageFeatures

CORPUS = ["ich brauche einen Arzt", "I need a doctor for my son", "je cherche un médecin", "мені потрібен лікар",
          "3andi waja3 ras", "doktor lazım, çocuğum hasta", "Arzt Arzt Arzt bitte"]


def dense(features, text, size):
    row = np.zeros(size)
    indices, values = features(text)
    row[indices] = values
    return row


@pytest.mark.parametrize("options", [
    {"analyzer": "char_wb", "ngram_range": (2, 5), "sublinear_tf": True},
    {"analyzer": "char_wb", "ngram_range": (1, 4), "sublinear_tf": True},
    {"analyzer": "word", "ngram_range": (1, 2), "sublinear_tf": True},
    {"analyzer": "word", "sublinear_tf": False, "norm": None},
])
@pytest.mark.parametrize("text", ["Arzt bitte, Arzt!", "DOCTOR for my son", "лікар", "zzz qqq", "", "3andi doktor"])
def test_equals_scikit_learn(options, text):
    vectorizer = TfidfVectorizer(**options).fit(CORPUS)
    expected = vectorizer.transform([text]).toarray()[0]
    assert dense(MessageFeatures(vectorizer), text, len(vectorizer.vocabulary_)) == pytest.approx(expected)


def test_offset_shifts_indices():
    vectorizer = TfidfVectorizer().fit(CORPUS)
    plain, shifted = MessageFeatures(vectorizer)("ich brauche"), MessageFeatures(vectorizer, offset=100)("ich brauche")
    assert list(shifted[0]) == [index + 100 for index in plain[0]]


def test_binary_or_l1_vectorizers_are_refused():
    with pytest.raises(ValueError):
        MessageFeatures(TfidfVectorizer(binary=True).fit(CORPUS))
    with pytest.raises(ValueError):
        MessageFeatures(TfidfVectorizer(norm="l1").fit(CORPUS))
