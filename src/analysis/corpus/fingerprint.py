"""Content hashes for provenance records: of a corpus (ids and texts) and of a file."""

from __future__ import annotations

import hashlib
import os

import pandas as pd

__all__ = ["corpus_fingerprint", "sha256_file"]


def corpus_fingerprint(articles: pd.DataFrame) -> str:
    """SHA-256 hex digest of the corpus content, for provenance records.

    Only `article_id` and `text` count (metadata edits do not change it), and row
    order does not matter. Scheme: for each (article_id, text) pair in sorted
    order, for each of the two strings, feed the 8-byte big-endian length of its
    UTF-8 encoding and then the encoding itself.

    Parameters
    ----------
    articles
        A table with non-missing string columns `article_id` and `text` (else ValueError).

    Returns
    -------
    str
        The 64-character hex digest.
    """
    missing = [c for c in ("article_id", "text") if c not in articles.columns]
    if missing:
        raise ValueError(f"articles table lacks column(s): {', '.join(missing)}")
    ids = articles["article_id"].tolist()
    texts = articles["text"].tolist()
    if any(v is None or v is pd.NA or not isinstance(v, str) for v in ids + texts):
        raise ValueError("article_id and text must be non-missing strings to fingerprint a corpus")
    digest = hashlib.sha256()
    for pair in sorted(zip(ids, texts)):
        for part in pair:
            encoded = part.encode("utf-8", "surrogatepass")
            digest.update(len(encoded).to_bytes(8, "big"))
            digest.update(encoded)
    return digest.hexdigest()


def sha256_file(path: str | os.PathLike[str]) -> str:
    """SHA-256 hex digest of a file's bytes, read in chunks so large files are fine.

    Parameters
    ----------
    path
        The file to hash.

    Returns
    -------
    str
        The 64-character hex digest.
    """
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()
