"""The units modelled (paragraphs with their headings, or sentences) and their TF-IDF and count
matrices over the shared n-gram analyser, with a minimum document frequency that grows with the corpus."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pandas as pd
from scipy import sparse

from analysis.ngrams import grams


def units(tables: dict[str, pd.DataFrame], unit: str = "paragraph") -> pd.DataFrame:
    """Texts to model: body paragraphs with the standfirst and subheadings joined to the paragraph
    they head (headlines left out), or sentences. Columns: article_id, paragraph_id, text, bloc, outlet.

    Parameters
    ----------
    tables : dict of DataFrame
        The built tables: `articles` and `paragraphs` (`sentences` for sentence units).
    unit : {"paragraph", "sentence"}
        What one unit is.

    Returns
    -------
    DataFrame
        One row per unit.
    """
    meta = tables["articles"][["article_id", "bloc", "outlet"]]
    if unit == "sentence":
        return tables["sentences"][["article_id", "paragraph_id", "text"]].merge(meta, on="article_id")
    if unit != "paragraph":
        raise ValueError(f"unit must be 'paragraph' or 'sentence', not {unit!r}")
    rows, pending = [], []
    for record in tables["paragraphs"].sort_values(["article_id", "paragraph_id"]).to_dict("records"):
        if pending and pending[0]["article_id"] != record["article_id"]:
            pending = []  # a subheading at the very end of an article heads nothing
        if record["kind"] == "title":
            continue
        if record["kind"] in ("standfirst", "subhead"):
            pending.append(record)
            continue
        text = " ".join([p["text"] for p in pending] + [record["text"]])
        rows.append({"article_id": record["article_id"], "paragraph_id": record["paragraph_id"], "text": text})
        pending = []
    table = pd.DataFrame(rows, columns=["article_id", "paragraph_id", "text"])
    return table.merge(meta, on="article_id").reset_index(drop=True)


def adaptive_min_df(n_docs: int) -> int:
    """Minimum document frequency for a corpus of n_docs: 1 below 50 documents, then 2, rising
    by one per thousand documents up to 10 (an absolute 10 would empty a small corpus).

    Parameters
    ----------
    n_docs : int
        Number of documents (units) vectorised.

    Returns
    -------
    int
        The fewest documents a term must occur in.
    """
    if n_docs < 50:
        return 1
    return int(min(10, max(2, math.ceil(n_docs / 1000))))


def vectorize(texts: Sequence[str], *, min_df: int | None = None,
              max_df: float = 0.8) -> tuple[sparse.csr_matrix, sparse.csr_matrix, np.ndarray]:
    """TF-IDF and raw counts over unigrams and bigrams of the project's tokens, stop words removed.

    Parameters
    ----------
    texts : sequence of str
        One text per unit.
    min_df : int, optional
        Minimum document frequency (default `adaptive_min_df(len(texts))`).
    max_df : float
        Terms in a larger share of units are dropped (not below 20 units).

    Returns
    -------
    tfidf : scipy.sparse.csr_matrix
        Sublinear TF-IDF, units x terms.
    counts : scipy.sparse.csr_matrix
        Raw counts, units x terms.
    vocabulary : numpy.ndarray
        The terms, in column order.
    """
    from sklearn.feature_extraction.text import CountVectorizer, TfidfTransformer

    def analyse(text: str) -> list[str]:
        return grams(text, (1, 2), min_length=2)

    n = len(texts)
    counter = CountVectorizer(analyzer=analyse, min_df=min_df if min_df is not None else adaptive_min_df(n),
                              max_df=max_df if n >= 20 else 1.0)
    counts = counter.fit_transform(texts).tocsr()
    tfidf = TfidfTransformer(sublinear_tf=True).fit_transform(counts).tocsr()
    return tfidf, counts, counter.get_feature_names_out()
