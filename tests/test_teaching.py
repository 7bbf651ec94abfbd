"""Teaching aids: the helpers behind the notebooks' "Try this" parameters, and the glossary every
notebook links to (each linked term must exist)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analysis import overview, paths, topics

GLOSSARY = paths.ROOT / "docs" / "glossary.md"
NOTEBOOK_SOURCES = sorted((paths.ROOT / "notebooks").glob("[0-9][0-9]_*.py"))
LINK = re.compile(r"\]\(((?:\.\./)?docs/glossary\.md)(?:#([^)\s]*))?\)")


def _slug(heading: str) -> str:
    """GitHub's anchor for a Markdown heading: lower case, punctuation dropped, spaces as hyphens."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


def _anchors() -> set[str]:
    text = GLOSSARY.read_text(encoding="utf-8")
    return {_slug(m.group(1)) for m in re.finditer(r"^#{2,4} (.+)$", text, re.MULTILINE)}


def _manifest(folder: Path, **settings: object) -> None:
    built = {"compare": ["russian", "western"], "scorers": ["vader", "neutral"], "topic_units": 20_000,
             "skip_topics": False, "learn_abbreviations": False, **settings}
    (folder / "manifest.json").write_text(json.dumps({"settings": built, "tables": {}}), encoding="utf-8")


def test_every_glossary_link_in_a_notebook_names_an_entry() -> None:
    anchors = _anchors()
    assert len(anchors) >= 25
    for source in NOTEBOOK_SOURCES:
        links = LINK.findall(source.read_text(encoding="utf-8"))
        assert links, f"{source.name} does not link the glossary"
        for path, anchor in links:
            assert path == "../docs/glossary.md", f"{source.name}: {path} is not relative to notebooks/"
            assert not anchor or anchor in anchors, f"{source.name}: no glossary entry #{anchor}"


def test_the_readme_links_the_glossary() -> None:
    readme = (paths.ROOT / "README.md").read_text(encoding="utf-8")
    assert "(docs/glossary.md)" in readme
    for _, anchor in LINK.findall(readme):
        assert not anchor or anchor in _anchors()


def test_glossary_entries_say_where_they_are_used() -> None:
    text = GLOSSARY.read_text(encoding="utf-8")
    entries = re.split(r"^### ", text, flags=re.MULTILINE)[1:]
    assert len(entries) >= 25
    for entry in entries:
        assert "*Where:*" in entry, entry.splitlines()[0]


def test_every_notebook_has_a_try_this_prompt_and_commented_parameters() -> None:
    for source in NOTEBOOK_SOURCES:
        text = source.read_text(encoding="utf-8")
        assert "**Try this.**" in text, source.name
        cell = text.split('# %% tags=["parameters"]', 1)[1].split("# %%", 1)[0]
        extra = [line for line in cell.splitlines()
                 if "=" in line and not line.startswith(("CORPUS", "OUT", "SEED", "BLOCS", "N_BOOT", "N_PERM"))]
        assert all("#" in line for line in extra), f"{source.name}: a parameter without a comment: {extra}"


def test_require_built_with_accepts_what_was_built_and_names_the_rebuild(tmp_path: Path) -> None:
    _manifest(tmp_path, topic_units=500)
    assert overview.require_built_with(tmp_path, topic_units=500)["topic_units"] == 500
    assert overview.require_built_with(tmp_path, topic_units=None, compare=("russian", "western"))
    with pytest.raises(overview.RebuildNeeded) as error:
        overview.require_built_with(tmp_path, corpus="my.jsonl", topic_units=2000)
    message = str(error.value)
    assert "topic_units = 500 in the build, 2000 asked" in message
    assert f"python -m analysis build --corpus my.jsonl --out {tmp_path} --topic-units 2000" in message
    with pytest.raises(TypeError, match="not a build setting"):
        overview.require_built_with(tmp_path, min_df=3)


def test_rebuild_command_spells_each_option() -> None:
    command = overview.rebuild_command("out", compare=("western", "russian"), scorers=("vader", "nltk"),
                                       skip_topics=True, learn_abbreviations=False)
    assert command == ("python -m analysis build --out out --compare western russian --scorers vader,nltk "
                       "--skip-topics")


def test_require_built_with_without_a_manifest_says_to_build(tmp_path: Path) -> None:
    with pytest.warns(UserWarning), pytest.raises(overview.RebuildNeeded, match="python -m analysis build"):
        overview.require_built_with(tmp_path, topic_units=100)
    with pytest.warns(UserWarning):
        assert overview.require_built_with(tmp_path, topic_units=None) == {}  # nothing asked, nothing to check


def _summary() -> pd.DataFrame:
    return pd.DataFrame({"model": ["nmf"] * 3 + ["lda"], "topic": [0, 1, 2, 0],
                         "label": ["a b", "c d (unstable)", "e f", "g h"],
                         "stability": [0.9, 0.45, 0.55, np.nan],
                         "status": ["stable", "unstable", "stable", "not measured"]})


def test_a_stricter_stability_cutoff_flags_more_topics() -> None:
    tables = {"topic_summary": _summary(), "articles": pd.DataFrame()}
    strict = topics.with_stability_cutoff(tables, 0.6)["topic_summary"]
    assert strict["status"].tolist() == ["stable", "unstable", "unstable", "not measured"]
    assert strict["label"].tolist() == ["a b", "c d (unstable)", "e f (unstable)", "g h"]
    assert topics.stable_topics(strict) == [0]
    loose = topics.with_stability_cutoff(tables, 0.4)["topic_summary"]
    assert loose["label"].tolist() == ["a b", "c d", "e f", "g h"] and topics.stable_topics(loose) == [0, 1, 2]
    same = topics.with_stability_cutoff(tables, topics.UNSTABLE_BELOW)["topic_summary"]
    pd.testing.assert_frame_equal(same, tables["topic_summary"])
    assert tables["topic_summary"]["status"].tolist()[2] == "stable"  # the input is left alone
    with pytest.raises(ValueError, match=r"\[0, 1\]"):
        topics.with_stability_cutoff(tables, 5)
