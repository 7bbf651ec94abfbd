"""The packaged word lists segmentation reads: abbreviations, speech verbs, role nouns, not-persons,
institution words, interviewer labels, source nouns, group nouns, clause verbs and saint prefixes.

Each list is a file under ``resources/`` (edit it there, or pass your own), read once and cached.
"""

from __future__ import annotations

from functools import lru_cache

from analysis import paths


def _read_list(name: str) -> tuple[str, ...]:
    """Entries of a packaged word list: lower-cased lines, '#' comments and blanks skipped."""
    text = paths.resource_text(name)
    lines = (line.strip().lower() for line in text.splitlines())
    return tuple(dict.fromkeys(line for line in lines if line and not line.startswith("#")))


@lru_cache(maxsize=None)
def default_abbreviations() -> frozenset[str]:
    """Punkt abbreviation types from ``abbreviations.txt`` (lower case, no final period).

    Returns
    -------
    frozenset of str
    """
    return frozenset(entry.rstrip(".") for entry in _read_list("abbreviations.txt"))


@lru_cache(maxsize=None)
def not_persons() -> frozenset[str]:
    """Places and institutions that are sentence subjects but never a "he" or "she" (``not_persons.txt``).

    Returns
    -------
    frozenset of str
        Lower-case names.
    """
    return frozenset(_read_list("not_persons.txt"))


@lru_cache(maxsize=None)
def institution_words() -> frozenset[str]:
    """Words that make a name an organisation's or place's wherever they stand in it ("Universitas",
    "Hotel"), from ``institution_words.txt``.

    Returns
    -------
    frozenset of str
        Lower-case words.
    """
    return frozenset(_read_list("institution_words.txt"))


@lru_cache(maxsize=None)
def portfolio_words() -> frozenset[str]:
    """Words of a ministry's portfolio, dropped between a title and its holder's name ("Minister of Social
    Protection Jane Roe"), from ``portfolio_words.txt``.

    Returns
    -------
    frozenset of str
        Lower-case words.
    """
    return frozenset(_read_list("portfolio_words.txt"))


@lru_cache(maxsize=None)
def institution_nouns() -> frozenset[str]:
    """Nouns that name again an institution named in full before ("the ministry"), from ``institution_nouns.txt``.

    Returns
    -------
    frozenset of str
        Lower-case words.
    """
    return frozenset(_read_list("institution_nouns.txt"))


@lru_cache(maxsize=None)
def role_nouns() -> tuple[str, ...]:
    """Nouns that describe a person by role ("spokesman", "official", "mother"), from ``role_nouns.txt``.

    Returns
    -------
    tuple of str
        Lower-case nouns (some of several words, "political scientist"), in file order.
    """
    return _read_list("role_nouns.txt")


@lru_cache(maxsize=None)
def speech_verbs() -> tuple[str, ...]:
    """Attribution verb forms and lead-ins ("according to") from ``speech_verbs.txt``.

    Returns
    -------
    tuple of str
        Lower-case entries, in file order.
    """
    return _read_list("speech_verbs.txt")


@lru_cache(maxsize=None)
def interviewer_labels() -> dict[str, bool]:
    """Words that make a speaker label the interviewer's ("host", "q", "anchor"), from ``interviewer_labels.txt``.

    Returns
    -------
    dict of str to bool
        Lower-case word -> True when it always asks, False when it asks only where most of the
        label's turns are questions (an entry written "reporter ?").
    """
    return {line.rstrip(" ?"): not line.endswith("?") for line in _read_list("interviewer_labels.txt")}


@lru_cache(maxsize=None)
def source_nouns() -> frozenset[str]:
    """Nouns that refer back to a speaking organisation or outlet ("the paper", "the statement"), from
    ``source_nouns.txt``.

    Returns
    -------
    frozenset of str
        Lower-case nouns.
    """
    return frozenset(_read_list("source_nouns.txt"))


@lru_cache(maxsize=None)
def group_nouns() -> frozenset[str]:
    """Plural nouns that name a group as the subject of reported speech ("officials", "critics"), from
    ``group_nouns.txt``.

    Returns
    -------
    frozenset of str
        Lower-case plural nouns.
    """
    return frozenset(_read_list("group_nouns.txt"))


@lru_cache(maxsize=None)
def clause_verbs() -> dict[str, bool]:
    """Speech verbs after which a reported clause may come without "that" ("said the Kremlin had ..."),
    from ``clause_verbs.txt``.

    Returns
    -------
    dict of str to bool
        Lower-case verb form -> True when it as often takes an object (an entry written
        "recalled +object"), so that a clause after it needs an auxiliary close by.
    """
    return {line.removesuffix("+object").strip(): line.endswith("+object") for line in _read_list("clause_verbs.txt")}


@lru_cache(maxsize=None)
def saint_prefixes() -> tuple[str, ...]:
    """Words that open a saint's name ("st.", "sveti"), from ``saint_prefixes.txt``, each with the space
    after it, to test a lower-cased name's start with.

    Returns
    -------
    tuple of str
        Lower-case words followed by a space.
    """
    return tuple(word + " " for word in _read_list("saint_prefixes.txt"))
