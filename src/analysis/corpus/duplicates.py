"""Paragraphs shared by several articles: syndicated wire copy, reused paragraphs, recombined texts.

Article-level tests assume independent articles; two articles that print the same paragraphs are
not. This check finds them without comparing articles pairwise: every paragraph (a line of text)
of at least `MIN_PARAGRAPH_WORDS` words is normalised (ASCII letters lower-cased, runs of
punctuation and spacing one space) with a fixed number of numpy passes over the UTF-8 bytes,
hashed to 64 bits (one C call per line), and the hashes of all articles are grouped with one sort
(`numpy.lexsort`). Shorter lines (menus, bylines, share bars) are left out: a 12-word paragraph
that two articles share is very unlikely to be chance. A paragraph hard-wrapped over several
lines is compared line by line.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd

__all__ = ["MIN_PARAGRAPH_WORDS", "SHARED_COLUMNS", "ParagraphIndex", "paragraph_keys", "shared_paragraphs",
           "shared_paragraphs_note"]

#: Words a paragraph needs to be checked (after normalisation).
MIN_PARAGRAPH_WORDS = 12
#: Columns of `shared_paragraphs` and `ParagraphIndex.table`.
SHARED_COLUMNS = ["paragraph", "n_articles", "article_ids", "outlets", "n_outlets", "outlets_differ"]

#: Byte map of the normalisation: A-Z to a-z, digits and a-z kept, newline kept, every other
#: ASCII byte a space, bytes of non-ASCII characters kept (their punctuation is mapped apart).
_LOWER = np.arange(256, dtype=np.uint8)
_LOWER[65:91] += 32
_LOWER[[b for b in range(128) if not (48 <= b <= 57 or 65 <= b <= 90 or 97 <= b <= 122 or b == 10)]] = 32


def _line_keys(texts: list[str], min_words: int, with_text: bool = False) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """Hashes of the normalised lines of `texts` with `min_words` words, and the text each line is from.

    Normalised on the UTF-8 bytes with numpy (no Python work per line): ASCII letters lower-cased;
    every run of bytes that are not ASCII letters or digits, or that are U+00A0, U+00AB, U+00BB or
    U+2000-U+207F (spaces, dashes, quotes), becomes one space; spaces at the ends of a line go.
    Other non-ASCII letters stay as they are. Each chosen line's hash is Python's hash of its
    normalised bytes (one C call per line): equal within a process, not across processes.
    """
    if not texts:
        return np.empty(0, np.int64), np.empty(0, np.int64), []
    counts = np.fromiter((t.count("\n") + 1 for t in texts), dtype=np.int64, count=len(texts))
    raw = np.frombuffer(("\n".join(texts) + "\n").encode("utf-8", "surrogatepass"), dtype=np.uint8)
    data = _LOWER[raw]  # ASCII letters lower-cased, other ASCII but newline a space, non-ASCII bytes kept
    for lead, seconds, size in ((0xE2, (0x80, 0x81), 3), (0xC2, (0xA0, 0xAB, 0xBB), 2)):
        at = np.flatnonzero(raw[:-size] == lead)
        at = at[np.isin(raw[at + 1], seconds)]
        for shift in range(size):
            data[at + shift] = 32
    space = data == 32
    # keep every byte but a space that follows a space or a newline (runs collapse, lines start with a word)
    keep = np.ones(len(data), dtype=bool)
    keep[1:] = ~space[1:] | ~(space[:-1] | (data[:-1] == 10))
    keep[0] = not space[0]
    data = data[keep]
    ends = np.flatnonzero(data == 10)
    trailing = data[np.maximum(ends - 1, 0)] == 32
    trailing &= ends > np.r_[-1, ends[:-1]] + 1  # the line is not empty
    starts = np.r_[0, ends[:-1] + 1]
    ends = np.where(trailing, ends - 1, ends)  # a line's last space is not part of it
    spaces = np.flatnonzero(data == 32)
    n_words = np.searchsorted(spaces, ends) - np.searchsorted(spaces, starts) + (ends > starts)
    owner = np.repeat(np.arange(len(texts)), counts)
    chosen = np.flatnonzero(n_words >= min_words)
    if not len(chosen):
        return np.empty(0, np.int64), np.empty(0, np.int64), []
    buffer = data.tobytes()
    spans = zip(starts[chosen].tolist(), ends[chosen].tolist())
    if with_text:
        lines = [buffer[a:b].decode("utf-8", "surrogatepass") for a, b in spans]
        return np.fromiter((hash(line.encode("utf-8", "surrogatepass")) for line in lines), dtype=np.int64,
                           count=len(lines)), owner[chosen], lines
    return np.fromiter((hash(buffer[a:b]) for a, b in spans), dtype=np.int64, count=len(chosen)), owner[chosen], []


def paragraph_keys(text: str, min_words: int = MIN_PARAGRAPH_WORDS) -> list[str]:
    """The normalised paragraphs (lines) of one text that the check compares: ASCII letters
    lower-cased, every run of punctuation and spacing a single space, at least `min_words` words,
    each once, in text order.

    Parameters
    ----------
    text : an article's text (or one paragraph).
    min_words : words a paragraph needs.

    Returns
    -------
    list of str
    """
    return list(dict.fromkeys(_line_keys([text], min_words, with_text=True)[2]))


class ParagraphIndex:
    """Paragraph hashes of a stream of articles, grouped at the end: 16 bytes per paragraph, plus
    each added row's id and outlet.

    `add` chunks of articles in any order; `table` returns the paragraphs two or more distinct
    articles share. The work per chunk is a fixed number of numpy passes over its UTF-8 bytes.
    """

    def __init__(self, min_words: int = MIN_PARAGRAPH_WORDS) -> None:
        self.min_words = min_words
        self.article_ids: list[str] = []
        self.outlets: list[str] = []
        self._hashes: list[np.ndarray] = []
        self._owners: list[np.ndarray] = []

    def add(self, article_ids: Iterable[object], outlets: Iterable[object], texts: Iterable[object]) -> None:
        """Index the paragraphs of some articles (rows of one article may come in several calls).

        Parameters
        ----------
        article_ids, outlets, texts : one value per article (or per paragraph of an article).
        """
        ids, names, bodies = list(article_ids), list(outlets), [str(t) for t in texts]
        if not bodies:
            return
        hashes, owners, _ = _line_keys(bodies, self.min_words)
        self._hashes.append(hashes)
        self._owners.append(owners + len(self.article_ids))
        self.article_ids.extend(str(a) for a in ids)
        self.outlets.extend(str(o) for o in names)

    def groups(self) -> list[tuple[int, np.ndarray]]:
        """Each paragraph hash found in two or more articles, with its entry numbers (the rows
        added, in order: indices into `article_ids`), in the order of each group's first entry.

        Returns
        -------
        list of (int, numpy.ndarray)
        """
        hashes, rows = (np.concatenate(self._hashes), np.concatenate(self._owners)) if self._hashes else ([], [])
        if not len(hashes):
            return []
        codes = pd.factorize(pd.Series(self.article_ids, dtype=object))[0][rows]
        order = np.lexsort((rows, codes, hashes))
        hashes, codes, rows = hashes[order], codes[order], rows[order]
        first = np.r_[True, (hashes[1:] != hashes[:-1]) | (codes[1:] != codes[:-1])]  # one row per article
        hashes, rows = hashes[first], rows[first]
        starts = np.flatnonzero(np.r_[True, hashes[1:] != hashes[:-1]])
        ends = np.r_[starts[1:], len(hashes)]
        several = ends - starts > 1
        out = [(int(hashes[a]), rows[a:b]) for a, b in zip(starts[several].tolist(), ends[several].tolist())]
        return sorted(out, key=lambda group: int(group[1].min()))

    def _row(self, entries: np.ndarray, paragraph: str = "") -> dict:
        """One row of the table: the articles (and their outlets) of one group's entries."""
        ids = sorted({self.article_ids[e] for e in entries.tolist()})
        outlets = sorted({self.outlets[e] for e in entries.tolist()})
        return {"paragraph": paragraph, "n_articles": len(ids), "article_ids": "; ".join(ids),
                "outlets": "; ".join(outlets), "n_outlets": len(outlets), "outlets_differ": len(outlets) > 1}

    def table(self) -> pd.DataFrame:
        """The paragraphs shared by two or more articles, without their text (see `shared_paragraphs`).

        Returns
        -------
        pandas.DataFrame
            `SHARED_COLUMNS`, paragraph empty; sorted by article ids.
        """
        table = pd.DataFrame([self._row(entries) for _, entries in self.groups()], columns=SHARED_COLUMNS)
        return table.sort_values(["article_ids", "n_articles"], kind="stable", ignore_index=True)


def shared_paragraphs(units: pd.DataFrame, min_words: int = MIN_PARAGRAPH_WORDS,
                      chunk_rows: int = 20_000) -> pd.DataFrame:
    """Paragraphs of at least `min_words` words that two or more articles share, one row each.

    Parameters
    ----------
    units : article_id, outlet and text: one row per article (raw texts) or per paragraph (the
        `paragraphs` table with each article's outlet).
    min_words : words a paragraph needs.
    chunk_rows : rows hashed at a time (memory: a few times their text's size; the result is the same).

    Returns
    -------
    pandas.DataFrame
        paragraph (its normalised text), n_articles, article_ids and outlets ("; "-joined, sorted),
        n_outlets, outlets_differ; sorted by article ids.
    """
    index = ParagraphIndex(min_words)
    # in slices: `_line_keys` holds several byte arrays the size of the text it is given (all of a
    # 100,000-article corpus's paragraphs at once took 4.4 GB); lines and hashes are the same
    for at in range(0, len(units), chunk_rows):
        part = units.iloc[at:at + chunk_rows]
        index.add(part["article_id"], part["outlet"], part["text"])
    groups = index.groups()
    if not groups:
        return pd.DataFrame(columns=SHARED_COLUMNS)
    texts = units["text"].astype(str).tolist()
    rows = []
    for key, entries in groups:
        hashes, _, lines = _line_keys([texts[int(entries.min())]], min_words, with_text=True)
        rows.append(index._row(entries, lines[int(np.flatnonzero(hashes == key)[0])]))
    table = pd.DataFrame(rows, columns=SHARED_COLUMNS)
    return table.sort_values(["article_ids", "paragraph"], kind="stable", ignore_index=True)


def shared_paragraphs_note(table: pd.DataFrame, n_articles: int, min_words: int = MIN_PARAGRAPH_WORDS,
                           groups: Mapping[str, str] | None = None) -> str:
    """One sentence of counts from a `shared_paragraphs` table (for the build's warning and notebook 00).

    Parameters
    ----------
    table : `shared_paragraphs` or `ParagraphIndex.table` output.
    n_articles : articles in the corpus.
    min_words : the paragraph length the table was made with.
    groups : outlet name -> group (`corpus.organisation_groups`): a paragraph shared only between outlets of
        one group (desks or spellings of what may be one organisation) is counted apart from the
        paragraphs shared across organisations.

    Returns
    -------
    str
        "" when no paragraph is shared.
    """
    if table.empty:
        return ""
    involved = {a for ids in table["article_ids"] for a in ids.split("; ")}
    across = int(table["outlets_differ"].sum())
    one = 0
    if groups:
        one = sum(len({groups.get(o, o) for o in outlets.split("; ")}) == 1
                  for outlets in table.loc[table["outlets_differ"].astype(bool), "outlets"])
    within = (f" ({one} of them only between outlets that may be one organisation: see the coding check)"
              if one else "")
    return (f"{len(table)} paragraph(s) of {min_words}+ words appear in more than one article: {len(involved)} of "
            f"{n_articles} articles share text with another article, {across} of the paragraphs across different "
            f"outlets (syndicated or reused copy){within} and {len(table) - across} only within one outlet")
