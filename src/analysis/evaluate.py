"""Measure cleaning against hand-labelled pages: how much article text is kept, how much junk removed.

A labelled page is a text file whose every non-blank line starts with `K|` (article text,
must be kept) or `D|` (web leftover, should be removed); blank lines stay blank. Label a few
pages from your own sites this way and run `python -m analysis evaluate-cleaning FOLDER`.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from analysis.clean import clean_article

__all__ = ["cleaning_accuracy", "read_labelled"]


def read_labelled(path: str | Path) -> tuple[str, dict[int, str]]:
    """The raw text (labels stripped) and {line number: "K" or "D"}."""
    path = Path(path)
    raw, labels = [], {}
    for no, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if line[:2] in ("K|", "D|"):
            labels[no] = line[0]
            raw.append(line[2:])
        elif line.strip():
            raise ValueError(f"{path}:{no}: a non-blank line must start with K| or D|")
        else:
            raw.append(line)
    return "\n".join(raw), labels


def cleaning_accuracy(files: Iterable[str | Path]) -> pd.DataFrame:
    """Per file: article lines kept and leftover lines removed, with a TOTAL row."""
    rows = []
    for path in sorted(Path(f) for f in files):
        text, labels = read_labelled(path)
        result = clean_article(text)
        kept = {n for p in result.paragraphs for n in range(p["line_start"], p["line_end"] + 1)}
        article = [n for n, lab in labels.items() if lab == "K"]
        leftover = [n for n, lab in labels.items() if lab == "D"]
        rows.append({
            "file": path.name,
            "article_lines": len(article),
            "article_kept": sum(n in kept for n in article),
            "leftover_lines": len(leftover),
            "leftover_removed": sum(n not in kept for n in leftover),
            "lost_lines": ",".join(str(n) for n in article if n not in kept),
        })
    table = pd.DataFrame(rows)
    total = table.drop(columns=["file", "lost_lines"]).sum()
    table.loc[len(table)] = {"file": "TOTAL", **total.to_dict(), "lost_lines": ""}
    table["share_kept"] = (table["article_kept"] / table["article_lines"]).round(4)
    table["share_removed"] = (table["leftover_removed"] / table["leftover_lines"]).round(4)
    return table
