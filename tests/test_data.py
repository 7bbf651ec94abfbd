"""data/raw is the corpus exactly as received: hashes recorded, metadata complete."""

from __future__ import annotations

import csv
import hashlib
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"
SHARED = ROOT.parent / "shared" / "corpus"


def _recorded_hashes() -> dict[str, str]:
    readme = (RAW / "README.md").read_text(encoding="utf-8")
    return {m.group(1): m.group(2) for m in re.finditer(r"\| (\S+\.txt) \|.*`([0-9a-f]{64})` \|", readme)}


def test_every_raw_file_matches_its_recorded_sha256() -> None:
    recorded = _recorded_hashes()
    files = sorted(p.name for p in RAW.glob("*.txt"))
    assert sorted(recorded) == files and len(files) == 5
    for name in files:
        assert hashlib.sha256((RAW / name).read_bytes()).hexdigest() == recorded[name], name


@pytest.mark.skipif(not SHARED.is_dir(), reason="the seed corpus folder is not beside this clone")
def test_raw_files_are_the_seed_corpus_byte_for_byte() -> None:
    for source in sorted(SHARED.glob("*.txt")):
        assert (RAW / source.name).read_bytes() == source.read_bytes(), source.name


def test_metadata_has_one_row_per_file_with_the_documented_columns() -> None:
    with (RAW / "metadata.csv").open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = list(reader)
    assert reader.fieldnames == ["article_id", "file", "outlet", "bloc", "published", "title", "author",
                                 "url", "country", "language", "notes"]
    assert sorted(r["file"] for r in rows) == sorted(p.name for p in RAW.glob("*.txt"))
    assert {r["bloc"] for r in rows} == {"russian", "western"}
    assert sum(r["bloc"] == "russian" for r in rows) == 2
    assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["published"]) for r in rows)
