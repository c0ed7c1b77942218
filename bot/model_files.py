"""Fitted scikit-learn models on disk, with skops (no pickle: loading runs no stored code)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

# The only type our saved models hold beyond scikit-learn's and Python's own (skops asks).
TRUSTED_TYPES = ["scipy.sparse._csr.csr_matrix"]


def write_model(obj: Any, path: Path) -> None:
    """Writes ``obj`` (a fitted model, or a dict holding one) to ``path``."""
    import skops.io

    skops.io.dump(obj, path)


def read_model(path: Path, what: str) -> Any:
    """Reads what ``write_model`` wrote; a file holding unexpected types is refused (ValueError)."""
    import skops.io

    untrusted = [t for t in skops.io.get_untrusted_types(file=path) if t not in TRUSTED_TYPES]
    if untrusted:
        raise ValueError(f"{path}: unexpected types in the {what}: {untrusted}")
    return skops.io.load(path, trusted=TRUSTED_TYPES)
