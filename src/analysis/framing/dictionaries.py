"""The packaged word lists of framing (markers, frames, speaker groups) and their matchers.

The lists are data files in `resources/`; a user's file of the same columns replaces one.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pandas as pd

from analysis.terms import TermMatcher, read_table

USAGES = ("russian_official", "ukrainian_western", "neutral")


def load_markers(path: str | Path | None = None) -> pd.DataFrame:
    """The naming and labelling markers: group, term, usage, note (see resources/markers.csv).

    Parameters
    ----------
    path
        A markers file of the same columns in place of the packaged one.

    Returns
    -------
    pandas.DataFrame
        One row per marker: group, term, usage (one of `USAGES`), note ("" where empty).
    """
    rows = read_table("markers.csv", path, ("group", "term", "usage"))
    table = pd.DataFrame(rows).reindex(columns=["group", "term", "usage", "note"])
    table["note"] = table["note"].astype("object").where(table["note"].notna(), "")
    bad = sorted(set(table["usage"]) - set(USAGES))
    if bad:
        raise ValueError(f"{path or 'markers.csv'}: unknown usage {bad}; use one of {', '.join(USAGES)}")
    return table


def load_frames(path: str | Path | None = None) -> pd.DataFrame:
    """The frame dictionary: frame, term (see resources/frames.csv for sources).

    Parameters
    ----------
    path
        A frames file of the same columns in place of the packaged one.

    Returns
    -------
    pandas.DataFrame
        One row per term: frame, term.
    """
    rows = read_table("frames.csv", path, ("frame", "term"))
    return pd.DataFrame(rows).reindex(columns=["frame", "term"])


def load_speaker_groups(path: str | Path | None = None) -> pd.DataFrame:
    """Speaker-to-group mapping (group, term), first match in file order wins.

    Parameters
    ----------
    path
        A speaker-groups file of the same columns in place of the packaged one.

    Returns
    -------
    pandas.DataFrame
        One row per term, in file order: group, term.
    """
    return pd.DataFrame(read_table("speaker_groups.csv", path, ("group", "term"))).reindex(columns=["group", "term"])


def _marker_matcher(markers: pd.DataFrame) -> tuple[TermMatcher, dict[str, tuple[str, str]]]:
    """One matcher over every marker term (where terms overlap the longest wins) and each term's (group, usage)."""
    info = markers.drop_duplicates("term").set_index("term")
    return (TermMatcher(markers["term"], skip_proper_names=True),
            {t: (info.at[t, "group"], info.at[t, "usage"]) for t in info.index})


def _frame_matchers(frames: pd.DataFrame) -> dict[str, TermMatcher]:
    """One matcher per frame, in frame order."""
    return {f: TermMatcher(t) for f, t in frames.groupby("frame", sort=True)["term"]}


def _speaker_matchers(groups: pd.DataFrame) -> list[tuple[str, TermMatcher]]:
    return [(group, TermMatcher([term])) for group, term in groups[["group", "term"]].itertuples(index=False)]


@lru_cache(maxsize=1)
def _dictionaries() -> dict:
    """The packaged dictionaries as matchers, built once per process."""
    markers = load_markers()
    matcher, info = _marker_matcher(markers)
    frames = load_frames()
    speakers = load_speaker_groups()
    return {
        "markers": matcher,
        "marker_info": info,
        "frames": _frame_matchers(frames),
        "speakers": _speaker_matchers(speakers),
        "groups": sorted(markers["group"].unique()),
        "frame_names": sorted(frames["frame"].unique()),
        "speaker_groups": sorted({*speakers["group"], "other", "unattributed"}),
        "speaker_cache": {},
    }
