"""A realistic test corpus: 48 articles in four blocs and 41 outlets, deterministic.

The five seed articles (`data/raw/`) and the 24 articles written blind in 24 outlets' house
styles (`tests/fixtures/naming/`) as they are, plus 19 articles recombined from their
paragraphs: five `ukrainian` articles from three outlets, one `other` article (a bloc with a
single article), and thirteen more Russian and Western articles from outlets with long names
that share their first 30 characters, two articles of one outlet for two of them, shared authors, and
two articles with the same title. Each recombined article carries web leftovers (menu, share
bar, caption, newsletter prompt, related links) like a scraped page.

    python tests/realistic_corpus.py OUT.jsonl     # write it
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
SEED = 20240601

#: (outlet, bloc, country, language of the style) of the recombined articles; repeated outlets get two articles.
GENERATED_OUTLETS = [
    ("Kyiv National Broadcasting Service (English edition)", "ukrainian", "Ukraine", "western"),
    ("Kyiv National Broadcasting Service (English edition)", "ukrainian", "Ukraine", "western"),
    ("Kyiv National Broadcasting Service (regional desk)", "ukrainian", "Ukraine", "western"),
    ("Lviv Daily Observer", "ukrainian", "Ukraine", "western"),
    ("Odesa Coastal Review", "ukrainian", "Ukraine", "western"),
    ("Anadolu-style State Wire", "other", "Turkey", "mixed"),
    ("Moscow Federal News Agency International Service", "russian", "Russia", "russian"),
    ("Moscow Federal News Agency International Service", "russian", "Russia", "russian"),
    ("Moscow Federal News Agency Regional Service", "russian", "Russia", "russian"),
    ("Minsk-Moscow Union State Herald", "russian", "Belarus", "russian"),
    ("Volga Evening Gazette", "russian", "Russia", "russian"),
    ("Siberian Regional Times", "russian", "Russia", "russian"),
    ("Atlantic Policy Review of International Affairs", "western", "United States", "western"),
    ("Atlantic Policy Review of International Affairs Online", "western", "United States", "western"),
    ("Baltic Morning Post", "western", "Lithuania", "western"),
    ("Warsaw Eastern Affairs Weekly", "western", "Poland", "western"),
    ("Rhine Valley Courier", "western", "Germany", "western"),
    ("Iberian Foreign Desk", "western", "Spain", "western"),
    ("Nordic Security Monitor", "western", "Sweden", "western"),
]
AUTHORS = ["Anna Petrova", "John Miller", "Olena Kovalenko", "Anna Petrova", "Mark Evans", None]
LEFTOVERS = [
    ["Skip to main content", "Home", "World", "Politics", "Opinion", "Search"],
    ["Share on Facebook", "Share on Twitter", "Share via Email"],
    ["Officials at a press conference in the capital. Photo: Staff photographer"],
    ["Sign up for our daily newsletter"],
    ["Related articles", "Talks stall again as both sides harden positions", "What the latest statement means"],
]


def _paragraphs(text: str) -> list[str]:
    parts = [" ".join(p.split()) for p in text.split("\n\n")]
    return [p for p in parts if len(p.split()) >= 12]


def records(seed: int = SEED) -> list[dict]:
    """The corpus as a list of records (`text` plus metadata), in a fixed order."""
    rows: list[dict] = []
    raw = ROOT / "data" / "raw"
    with (raw / "metadata.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            text = (raw / row.pop("file")).read_text(encoding="utf-8")
            rows.append({**row, "text": text})
    naming = ROOT / "tests" / "fixtures" / "naming"
    pools: dict[str, list[str]] = {"russian": [], "western": []}
    with (naming / "metadata.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            text = (naming / row.pop("file")).read_text(encoding="utf-8")
            rows.append({**row, "text": text})
            pools[row["bloc"]].extend(_paragraphs(text))
    pools["mixed"] = pools["russian"][::2] + pools["western"][::2]
    rng = np.random.default_rng(seed)
    for n, (outlet, bloc, country, style) in enumerate(GENERATED_OUTLETS, 1):
        pool = pools[style]
        body = [str(p) for p in rng.choice(pool, size=min(len(pool), int(rng.integers(5, 10))), replace=False)]
        title = "Peace talks: what the Kremlin's latest statement means" if n in (4, 14) else body[0].split(".")[0][:90]
        author = AUTHORS[n % len(AUTHORS)]
        lines = [*LEFTOVERS[0], "", title, "", *LEFTOVERS[1], ""]
        for k, para in enumerate(body):
            lines += [para, ""]
            if k == 1:
                lines += [*LEFTOVERS[2], ""]
            if k == 3:
                lines += [*LEFTOVERS[3], ""]
        lines += [*LEFTOVERS[4], ""]
        rows.append({"article_id": f"g{n:02d}", "outlet": outlet, "bloc": bloc,
                     "published": f"2024-{1 + n % 12:02d}-{1 + (7 * n) % 28:02d}", "title": title,
                     "author": author or "", "country": country, "text": "\n".join(lines)})
    return rows


def write(path: str | Path, seed: int = SEED) -> Path:
    """Write the corpus as JSON Lines (one article per line, a `text` column plus metadata)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        for row in records(seed):
            handle.write(json.dumps({k: v for k, v in row.items() if v not in (None, "")}, ensure_ascii=False) + "\n")
    return path


if __name__ == "__main__":
    print(write(sys.argv[1] if len(sys.argv) > 1 else "realistic.jsonl"))
