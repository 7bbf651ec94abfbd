"""Corpus at a glance and the cleaning audit: the tables notebook 00 shows."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pandas as pd

from analysis import paths
from analysis.corpus import duplicates as corpus_duplicates
from analysis.schema import MANIFEST, TABLE_COLUMNS, csv_unescape

__all__ = ["IncompleteOutputError", "RebuildNeeded", "accounting", "accounting_note", "check_output", "corpus_description",
           "corpus_summary", "length_note", "limits_note", "doubtful_lines", "read_manifest", "read_tables",
           "rebuild_command", "removal_by_reason", "require_built_with", "require_topics", "resolve"]


class IncompleteOutputError(ValueError):
    """The tables in a folder are not the complete output of one build (see its manifest.json)."""


class RebuildNeeded(ValueError):
    """A notebook asks for a build setting the tables in its `OUT` folder were not built with."""


#: Build settings a notebook may ask for, as `build` records them in its manifest, with their option.
_BUILD_OPTIONS = {"compare": "--compare", "scorers": "--scorers", "topic_units": "--topic-units",
                  "skip_topics": "--skip-topics", "learn_abbreviations": "--learn-abbreviations"}


def _option(name: str, value: object) -> str:
    flag = _BUILD_OPTIONS[name]
    if isinstance(value, bool):
        return flag if value else ""
    if name == "scorers":
        return f"{flag} {','.join(value)}"
    if isinstance(value, (list, tuple)):
        return f"{flag} {' '.join(str(v) for v in value)}"
    return f"{flag} {value}"


def rebuild_command(folder: str | Path = "data/processed", corpus: str | Path | None = None, **settings: object) -> str:
    """The `build` command that writes `folder` again with `settings`.

    Parameters
    ----------
    folder : the output folder, as the notebook's `OUT` names it.
    corpus : the corpus, as the notebook's `CORPUS` names it (None: the default, data/raw).
    **settings : build settings by their manifest name (`compare`, `scorers`, `topic_units`,
        `skip_topics`, `learn_abbreviations`).

    Returns
    -------
    The command line, e.g. "python -m analysis build --out data/processed --topic-units 500".
    """
    unknown = sorted(set(settings) - set(_BUILD_OPTIONS))
    if unknown:
        raise TypeError(f"not a build setting a notebook can ask for: {', '.join(unknown)} "
                        f"(known: {', '.join(sorted(_BUILD_OPTIONS))})")
    parts = ["python -m analysis build"] + ([f"--corpus {corpus}"] if corpus is not None else []) + [f"--out {folder}"]
    parts += [_option(name, value) for name, value in settings.items()]
    return " ".join(p for p in parts if p)


def require_built_with(folder: str | Path, corpus: str | Path | None = None, **settings: object) -> dict:
    """Check that the tables in `folder` were built with `settings` (a setting given as None is not
    checked); raise `RebuildNeeded`, naming the exact `build` command, when one differs. For
    notebook parameters that only a new build can change.

    Parameters
    ----------
    folder : a folder `build` wrote (relative paths are under the project root).
    corpus : the corpus the rebuild should read (named in the command; None: the default).
    **settings : build settings by their manifest name, as in `rebuild_command`.

    Returns
    -------
    The manifest's settings (the tables were built with what was asked).
    """
    wanted = {name: value for name, value in settings.items() if value is not None}
    rebuild_command(folder, corpus, **wanted)  # rejects unknown names before the manifest is read
    manifest = read_manifest(folder)
    if not wanted:
        return {} if manifest is None else manifest.get("settings", {})
    if manifest is None:
        raise RebuildNeeded(f"{resolve(folder)}: no manifest, so the build settings are unknown; run "
                            f"`{rebuild_command(folder, corpus, **wanted)}`")
    built = manifest.get("settings", {})
    differ = {}
    for name, value in wanted.items():
        have = built.get(name)
        same = (list(have) == list(value) if isinstance(value, (list, tuple)) and isinstance(have, list)
                else have == value)
        if not same:
            differ[name] = (have, value)
    if differ:
        said = "; ".join(f"{name} = {have!r} in the build, {value!r} asked" for name, (have, value) in differ.items())
        raise RebuildNeeded(f"{resolve(folder)} was built with other settings ({said}). This setting takes effect "
                            f"only in a new build: run `{rebuild_command(folder, corpus, **wanted)}` "
                            "(or set it back), then rerun the notebook.")
    return built


def resolve(path: str | Path) -> Path:
    """A path as given if absolute, else relative to the project root (not the working directory).

    Parameters
    ----------
    path : a file or folder path.

    Returns
    -------
    The path itself if absolute, else under `paths.ROOT`.
    """
    path = Path(path)
    return path if path.is_absolute() else paths.ROOT / path


def read_manifest(folder: str | Path) -> dict | None:
    """The manifest `build` wrote last into `folder` (None, with a warning, if there is none).

    Parameters
    ----------
    folder : a folder `build` wrote (relative paths are under the project root).

    Returns
    -------
    The manifest's contents, or None if the folder has none.
    """
    path = resolve(folder) / MANIFEST
    if not path.is_file():
        warnings.warn(f"{path.parent}: no {MANIFEST}, so nothing shows these tables are one complete build; "
                      "run `python -m analysis build`", stacklevel=3)
        return None
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
        tables = manifest["tables"]
        if not all(isinstance(t["file"], str) and isinstance(t["rows"], int) for t in tables.values()):
            raise TypeError("bad table entry")
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise IncompleteOutputError(f"{path}: not a manifest written by `build` ({exc}); rebuild") from None
    return manifest


def _read(path: Path) -> pd.DataFrame:
    if path.suffix == ".parquet":
        return pd.read_parquet(path)
    return csv_unescape(pd.read_csv(path, dtype={"article_id": "string"}, keep_default_na=False, na_values=[""]))


def _listed(folder: Path, manifest: dict, name: str) -> Path:
    entry = manifest["tables"].get(name)
    if entry is None:
        raise FileNotFoundError(f"{folder}: the last build wrote no {name} table (see {MANIFEST}); "
                                "rebuild without --skip-topics" if name == "topics" else f"{folder}: no {name} table")
    path = folder / Path(entry["file"]).name
    if not path.is_file():
        raise IncompleteOutputError(f"{path}: listed in {MANIFEST} but missing: the output is incomplete; rebuild")
    return path


def _check_rows(path: Path, rows: int, expected: int) -> None:
    if rows != expected:
        raise IncompleteOutputError(f"{path}: {rows} rows, but {MANIFEST} says the build wrote {expected}: "
                                    "the output is incomplete or mixed from several builds; rebuild")


def check_output(folder: str | Path) -> dict:
    """Check that `folder` holds one complete build: a manifest, and every table it lists with its
    row count (Parquet counts read from the file footers). Returns the manifest.

    Parameters
    ----------
    folder : a folder `build` wrote (relative paths are under the project root).

    Returns
    -------
    The manifest; `IncompleteOutputError` is raised if anything is missing or differs.
    """
    import pyarrow.parquet as pq

    folder = resolve(folder)
    if not (folder / MANIFEST).is_file():
        raise IncompleteOutputError(f"{folder}: no {MANIFEST}: the build did not finish; rebuild")
    manifest = read_manifest(folder)
    for name, entry in sorted(manifest["tables"].items()):
        path = _listed(folder, manifest, name)
        try:
            rows = pq.ParquetFile(path).metadata.num_rows if path.suffix == ".parquet" else len(_read(path))
        except Exception as exc:  # noqa: BLE001 - pyarrow and pandas raise many types for a damaged file
            raise IncompleteOutputError(f"{path}: cannot be read ({exc}); rebuild") from None
        _check_rows(path, rows, entry["rows"])
    return manifest


def read_tables(folder: str | Path) -> dict[str, pd.DataFrame]:
    """Read the tables `build` wrote (Parquet, or CSV when no Parquet is there), checked against
    the build's manifest: a table missing or with other row counts than it lists raises. The
    topic tables are left out when the build skipped them (`require_topics` then says so).

    Parameters
    ----------
    folder : a folder `build` wrote (relative paths are under the project root).

    Returns
    -------
    Each table by name, in `schema.TABLE_COLUMNS` order (no topic tables after `--skip-topics`).
    """
    folder = resolve(folder)
    manifest = read_manifest(folder)
    tables = {}
    for name in TABLE_COLUMNS:
        optional = name.startswith("topic")  # absent after `build --skip-topics`: notebook 03 says so
        if manifest is not None:
            if optional and name not in manifest["tables"]:
                continue
            path = _listed(folder, manifest, name)
            tables[name] = _read(path)
            _check_rows(path, len(tables[name]), manifest["tables"][name]["rows"])
            continue
        parquet, csv = folder / f"{name}.parquet", folder / f"{name}.csv"
        if parquet.is_file():
            tables[name] = _read(parquet)
        elif csv.is_file():
            tables[name] = _read(csv)
        elif optional:
            continue
        else:
            raise FileNotFoundError(f"{folder}: no {name}.parquet or {name}.csv; run `python -m analysis build` first")
    return tables


def corpus_summary(articles: pd.DataFrame) -> pd.DataFrame:
    """One row per article: outlet, bloc, date, and how much text cleaning kept and removed.

    Parameters
    ----------
    articles : the articles table.

    Returns
    -------
    One row per article, by bloc then id, with `share_lines_removed`.
    """
    table = articles[["article_id", "outlet", "bloc", "published", "n_paragraphs", "n_sentences",
                      "n_tokens", "n_quotes", "n_lines", "n_removed_lines"]].copy()
    table["share_lines_removed"] = (table["n_removed_lines"] / table["n_lines"]).round(3)
    return table.sort_values(["bloc", "article_id"]).reset_index(drop=True)


def removal_by_reason(removed: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Removed raw lines per article (rows, labelled "outlet · article id", ordered by bloc then id)
    and reason (columns, most frequent first, ties by name).

    Parameters
    ----------
    removed : the removed_lines table.
    articles : the articles table.

    Returns
    -------
    Counts of removed lines, articles by reasons.
    """
    from analysis.plots import article_labels

    ordered = articles.sort_values(["bloc", "article_id"]).reset_index(drop=True)
    counts = pd.crosstab(removed["article_id"], removed["reason"]).reindex(ordered["article_id"], fill_value=0)
    totals = counts.sum()
    counts = counts[sorted(totals.index, key=lambda r: (-int(totals[r]), str(r)))]
    counts.index = article_labels(ordered).tolist()
    counts.columns.name = "reason"
    return counts


def accounting(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Per article: non-blank raw lines, lines kept in paragraphs, lines removed; `ok` if they add up.

    Parameters
    ----------
    tables : the tables of one build (`articles`, `paragraphs`, `removed_lines`).

    Returns
    -------
    One row per article: article_id, n_lines, kept_lines, removed_lines, ok.
    """
    paragraphs = tables["paragraphs"]
    kept = (paragraphs["line_end"] - paragraphs["line_start"] + 1).groupby(paragraphs["article_id"]).sum()
    removed = tables["removed_lines"].groupby("article_id").size()
    table = tables["articles"][["article_id", "n_lines"]].set_index("article_id")
    table["kept_lines"] = kept.reindex(table.index, fill_value=0).astype("int64")
    table["removed_lines"] = removed.reindex(table.index, fill_value=0).astype("int64")
    table["ok"] = table["n_lines"] == table["kept_lines"] + table["removed_lines"]
    return table.reset_index()


def _counts(values: pd.Series, missing: str = "not recorded") -> str:
    """"a 20, b 5, c 1": counts of each value, most frequent first, ties by name."""
    counts = values.astype("string").fillna(missing).replace("", missing).value_counts()
    return ", ".join(f"{k} {v}" for k, v in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def corpus_description(articles: pd.DataFrame) -> str:
    """A Markdown paragraph on the corpus, computed from the articles table: how many articles,
    outlets, blocs and languages, and the publication dates, so the prose holds for any corpus.

    Parameters
    ----------
    articles : the articles table.

    Returns
    -------
    The paragraph, in Markdown.
    """
    n, outlets = len(articles), articles["outlet"].nunique()
    per_outlet = articles.groupby("outlet").size()
    repeated = int((per_outlet > 1).sum())
    dates = pd.to_datetime(articles["published"], errors="coerce")
    undated = int(dates.isna().sum())
    span = (f"published between {dates.min():%Y-%m-%d} and {dates.max():%Y-%m-%d}" if dates.notna().any()
            else "with no publication dates")
    spread = "one article per outlet" if repeated == 0 else f"{_plural(repeated, 'outlet')} with more than one article"
    parts = [
        f"**{_plural(n, 'article')}** from **{_plural(outlets, 'outlet')}** ({spread}), "
        f"in **{_plural(articles['bloc'].nunique(), 'bloc')}** ({_counts(articles['bloc'])}), {span}"
        + (f" ({undated} undated)" if undated and dates.notna().any() else "") + ".",
        f"Language (from the metadata): {_counts(articles['language'])}." if "language" in articles else "",
    ]
    return " ".join(p for p in parts if p)


def length_note(articles: pd.DataFrame) -> str:
    """One sentence on how much article lengths differ (kept word tokens), computed from the table.

    Parameters
    ----------
    articles : the articles table.

    Returns
    -------
    The sentence.
    """
    tokens = articles["n_tokens"].astype(int)
    if tokens.empty:
        return "The corpus has no articles."
    low, high, median = int(tokens.min()), int(tokens.max()), float(tokens.median())
    ratio = f"{high / low:.1f} times" if low > 0 else "many times"
    return (f"Kept article text runs from {low:,} to {high:,} word tokens (median {median:,.0f}): the longest "
            f"article is {ratio} the shortest.")


def limits_note(articles: pd.DataFrame, small: int = 5) -> str:
    """The first Limits bullet: n per bloc and outlet, computed, with blocs under `small` articles named.

    Parameters
    ----------
    articles : the articles table.
    small : blocs with fewer articles than this are named as too thin.

    Returns
    -------
    The bullet, in Markdown.
    """
    per_bloc = articles.groupby("bloc").size()
    thin = sorted(b for b, k in per_bloc.items() if k < small)
    outlets = articles["outlet"].nunique()
    text = (f"- **n = {_plural(len(articles), 'article')}** ({_counts(articles['bloc'])}) from "
            f"{_plural(outlets, 'outlet')}. Every bloc comparison in later notebooks describes these texts, "
            "not the whole coverage of a bloc or an outlet.")
    if thin:
        which = "A bloc" if len(thin) == 1 else "Blocs"
        text += (f" {which} with fewer than {small} articles ({', '.join(thin)}): a handful of texts, so any "
                 "comparison involving them describes those texts and nothing wider.")
    return text


def accounting_note(table: pd.DataFrame) -> str:
    """One sentence: whether every article's raw lines add up (a table from `accounting`).

    Parameters
    ----------
    table : the result of `accounting`.

    Returns
    -------
    The sentence.
    """
    bad = table.loc[~table["ok"], "article_id"].astype(str).tolist()
    if not bad:
        return f"All {_plural(len(table), 'article')} add up: every non-blank raw line is kept or removed exactly once."
    return (f"{_plural(len(bad), 'article')} of {len(table)} do not add up ({', '.join(sorted(bad))}): "
            "a line is lost or counted twice there; check them with `python -m analysis clean FILE`.")


def doubtful_lines(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Lines the cleaning rules decided on weak evidence (`doubt` in `removed_lines` and
    `paragraphs`), removed first, then kept, in article and line order: check these first.

    Parameters
    ----------
    tables : the tables of one build (`removed_lines`, `paragraphs`).

    Returns
    -------
    One row per doubtful line: article_id, line_no, decision, reason, text.
    """
    removed = tables["removed_lines"]
    removed = removed[removed["doubt"].astype(bool)] if "doubt" in removed else removed.iloc[0:0]
    kept = tables["paragraphs"]
    kept = kept[kept["doubt"].astype(bool)] if "doubt" in kept else kept.iloc[0:0]
    rows = pd.concat([
        pd.DataFrame({"article_id": removed["article_id"], "line_no": removed["line_no"], "decision": "removed",
                      "reason": removed["reason"], "text": removed["text"]}),
        pd.DataFrame({"article_id": kept["article_id"], "line_no": kept["line_start"], "decision": "kept",
                      "reason": kept["kind"], "text": kept["text"]}),
    ], ignore_index=True)
    return rows.sort_values(["decision", "article_id", "line_no"], ascending=[False, True, True],
                            kind="mergesort").reset_index(drop=True)


def require_topics(tables: dict[str, pd.DataFrame]) -> None:
    """Raise a clear error when the tables were built with `--skip-topics` (notebook 03 needs them).

    Parameters
    ----------
    tables : the tables `read_tables` returned.

    Returns
    -------
    Nothing; raises FileNotFoundError when a topic table is missing.
    """
    missing = sorted(name for name in TABLE_COLUMNS if name.startswith("topic") and name not in tables)
    if missing:
        raise FileNotFoundError(f"no {', '.join(missing)} table: the build skipped topics; "
                                "rebuild without --skip-topics to run this notebook")


def shared_paragraphs(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Kept paragraphs (the text every comparison reads) that two or more articles share, with
    `corpus.shared_paragraphs` (normalised paragraphs of 12+ words, grouped by hash, linear time).

    Parameters
    ----------
    tables : the processed tables (`paragraphs`, `articles`).

    Returns
    -------
    pd.DataFrame
        As `corpus.shared_paragraphs`: paragraph, n_articles, article_ids, outlets, n_outlets,
        outlets_differ.
    """
    outlets = tables["articles"][["article_id", "outlet"]]
    units = tables["paragraphs"][["article_id", "text"]].merge(outlets, on="article_id", how="left")
    return corpus_duplicates.shared_paragraphs(units)


def shared_paragraphs_text(table: pd.DataFrame, articles: pd.DataFrame) -> str:
    """What the shared paragraphs mean for the comparisons, with their counts (Markdown).

    Parameters
    ----------
    table : `shared_paragraphs` output.
    articles : the articles table (bloc, for the articles per bloc involved).

    Returns
    -------
    str
    """
    if table.empty:
        return (f"No kept paragraph of {corpus_duplicates.MIN_PARAGRAPH_WORDS}+ words appears in more than one "
                "article, so as far as this check can tell the articles are independent texts, as the "
                "article-level tests assume.")
    involved = {a for ids in table["article_ids"] for a in ids.split("; ")}
    blocs = articles.loc[articles["article_id"].isin(involved), "bloc"].value_counts()
    per_bloc = ", ".join(f"{b} {blocs[b]} of {int((articles['bloc'] == b).sum())}"
                         for b in sorted(blocs.index, key=lambda b: (-blocs[b], b)))
    note = corpus_duplicates.shared_paragraphs_note(table, len(articles))
    return (f"{note[0].upper()}{note[1:]} (articles involved per bloc: {per_bloc}). Every bloc comparison "
            "in these notebooks treats each article as an independent draw; articles that print the same "
            "paragraphs (syndicated wire copy, reused or recombined text) are not, so their shared text "
            "counts once per article, and p-values and intervals come out narrower than the design supports. "
            "Read a bloc difference carried by these articles with care, and check it with one copy of each "
            "kept (the table below names them).")
