"""Measure cleaning against hand-labelled pages: how much article text is kept, how much junk removed.

A labelled page is a text file whose every non-blank line starts with `K|` (article text,
must be kept), `D|` (web leftover, should be removed) or `M|` (metadata printed as a line:
byline, date, desk label, lone outlet name; should be removed too, and is counted apart); blank
lines stay blank. Label a few pages from your own sites this way and run
`python -m analysis evaluate-cleaning FOLDER`.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from analysis.clean import clean_article

__all__ = ["cleaning_accuracy", "parse_labelled", "read_labelled"]


def parse_labelled(page: str, name: str = "<page>") -> tuple[str, dict[int, str]]:
    """The raw text of a labelled page (labels stripped) and {line number: "K", "D" or "M"}."""
    raw, labels = [], {}
    for no, line in enumerate(page.split("\n"), 1):
        if line[:2] in ("K|", "D|", "M|"):
            labels[no] = line[0]
            raw.append(line[2:])
        elif line.strip():
            raise ValueError(f"{name}:{no}: a non-blank line must start with K|, D| or M|")
        else:
            raw.append(line)
    return "\n".join(raw), labels


def read_labelled(path: str | Path) -> tuple[str, dict[int, str]]:
    """`parse_labelled` of a file."""
    path = Path(path)
    return parse_labelled(path.read_text(encoding="utf-8"), str(path))


def cleaning_accuracy(files: Iterable[str | Path]) -> pd.DataFrame:
    """Per file: article lines and characters kept, leftover and metadata lines removed, with a
    TOTAL row. A line counts as kept when any of it stands in a kept paragraph; its characters
    count as kept in proportion to the part of it that does (a stripped prefix is not lost)."""
    rows = []
    for path in sorted(Path(f) for f in files):
        text, labels = read_labelled(path)
        lines = text.split("\n")
        result = clean_article(text)
        kept = {n for p in result.paragraphs for n in range(p["line_start"], p["line_end"] + 1)}
        removed_chars: dict[int, int] = {}
        for row in result.removed:
            removed_chars[row["line_no"]] = removed_chars.get(row["line_no"], 0) + len(row["text"])
        article = [n for n, lab in labels.items() if lab == "K"]
        leftover = [n for n, lab in labels.items() if lab == "D"]
        metadata = [n for n, lab in labels.items() if lab == "M"]
        chars = {n: len(" ".join(lines[n - 1].split())) for n in article}
        rows.append({
            "file": path.name,
            "article_lines": len(article),
            "article_kept": sum(n in kept for n in article),
            "article_chars": sum(chars.values()),
            "article_chars_kept": sum(max(0, chars[n] - removed_chars.get(n, 0)) if n in kept else 0 for n in article),
            "leftover_lines": len(leftover),
            "leftover_removed": sum(n not in kept for n in leftover),
            "metadata_lines": len(metadata),
            "metadata_removed": sum(n not in kept for n in metadata),
            "lost_lines": ",".join(str(n) for n in article if n not in kept),
            "kept_leftovers": ",".join(str(n) for n in sorted(leftover + metadata) if n in kept),
        })
    table = pd.DataFrame(rows)
    total = table.drop(columns=["file", "lost_lines", "kept_leftovers"]).sum()
    table.loc[len(table)] = {"file": "TOTAL", **total.to_dict(), "lost_lines": "", "kept_leftovers": ""}
    table["share_kept"] = (table["article_kept"] / table["article_lines"]).round(4)
    table["share_chars_kept"] = (table["article_chars_kept"] / table["article_chars"]).round(4)
    table["share_removed"] = (table["leftover_removed"] / table["leftover_lines"].where(table["leftover_lines"] > 0)).round(4)
    table["share_metadata_removed"] = (table["metadata_removed"] / table["metadata_lines"].where(table["metadata_lines"] > 0)).round(4)
    return table
