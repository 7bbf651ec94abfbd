"""Code a sample of sentences by hand, blind to every automatic score.

A researcher draws a seeded random sample of sentences (`sample_sentences`), writes it as a
codes CSV (article_id, sentence_id, text and an empty label column; no score ever) and fills in
the labels negative / neutral / positive, in the notebook (`coding_tool`: one sentence at a
time, three buttons, saved after every click, resumable) or in any spreadsheet or editor.
`read_codes` reads the file back and rejects a label it does not know. Nothing is downloaded.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.display import WidgetWithFallback, widgets_wanted

__all__ = ["CODES_FILE", "LABELS", "CodingTool", "coding_tool", "instructions", "next_uncoded", "read_codes",
           "record", "sample_sentences", "template", "write_codes"]

#: The codes, in their order (negative < neutral < positive).
LABELS = ("negative", "neutral", "positive")
#: The name of the codes file inside the folder the researcher names.
CODES_FILE = "sentiment_codes.csv"
_COLUMNS = ["article_id", "sentence_id", "text", "label"]


def sample_sentences(frame: pd.DataFrame, n: int = 60, *, seed: int = 0,
                     within: pd.DataFrame | None = None) -> pd.DataFrame:
    """A seeded random sample of sentences, in the order to code them, with ids and text only.

    The draw does not depend on the frame's row order (sentences are sorted by id first).

    Parameters
    ----------
    frame : one row per sentence, with article_id, sentence_id and text (score columns are dropped).
    n : sentences drawn (all of them when there are fewer).
    seed : seed of the draw.
    within : article_id, sentence_id (and text) of sentences to draw from where the frame has any
        of them (e.g. the reference-coded sentences, so that codes can be compared); a row whose
        text differs from the frame's does not count. Otherwise every sentence is eligible.

    Returns
    -------
    pd.DataFrame
        article_id, sentence_id, text: `min(n, eligible)` rows, no score column.
    """
    pool = frame[["article_id", "sentence_id", "text"]].astype({"article_id": "string", "text": "string"})
    pool = pool.sort_values(["article_id", "sentence_id"], kind="stable").reset_index(drop=True)
    if within is not None:
        keys = ["article_id", "sentence_id"] + (["text"] if "text" in within else [])
        wanted = within[keys].astype({"article_id": "string"} | ({"text": "string"} if "text" in within else {}))
        matched = pool.merge(wanted.drop_duplicates(), on=keys, how="inner")
        if len(matched):
            pool = matched
    order = np.random.default_rng(seed).permutation(len(pool))[: min(n, len(pool))]
    return pool.iloc[order].reset_index(drop=True)


def template(sample: pd.DataFrame) -> pd.DataFrame:
    """The codes table of a sample: its ids and text and an empty label column.

    Parameters
    ----------
    sample : article_id, sentence_id, text (other columns, scores among them, are left out).

    Returns
    -------
    pd.DataFrame
        article_id, sentence_id, text, label (all labels missing).
    """
    codes = sample[["article_id", "sentence_id", "text"]].copy()
    codes["label"] = pd.Series(pd.NA, index=codes.index, dtype="string")
    return codes.reset_index(drop=True)


def write_codes(codes: pd.DataFrame, path: str | Path) -> Path:
    """Write a codes table as CSV (through a temporary file, so a crash never leaves half a file).

    Parameters
    ----------
    codes : article_id, sentence_id, text, label (a missing label is written empty).
    path : the CSV file; its folder is created.

    Returns
    -------
    Path
        The file written.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    codes[_COLUMNS].to_csv(partial, index=False, encoding="utf-8")
    os.replace(partial, path)
    return path


def read_codes(path: str | Path) -> pd.DataFrame:
    """Read a codes CSV (a filled-in or partly filled-in template).

    Labels are read without surrounding blanks and case; an empty label is a sentence not yet
    coded.

    Parameters
    ----------
    path : the CSV, with columns article_id, sentence_id, text, label.

    Returns
    -------
    pd.DataFrame
        article_id (string), sentence_id (int64), text (string), label (string, NA if not coded).

    Raises
    ------
    ValueError
        A missing column, a repeated sentence, or a label other than negative, neutral,
        positive (the rows are named, counted from 1 under the header).
    """
    codes = pd.read_csv(path, dtype={"article_id": "string", "text": "string", "label": "string"},
                        keep_default_na=False, na_values={"label": [""]})
    missing = [c for c in _COLUMNS if c not in codes.columns]
    if missing:
        raise ValueError(f"{path}: missing column(s) {', '.join(missing)}; expected {', '.join(_COLUMNS)}")
    codes = codes[_COLUMNS].astype({"sentence_id": "int64"})
    codes["label"] = codes["label"].str.strip().str.lower().replace("", pd.NA)
    bad = codes["label"].notna() & ~codes["label"].isin(LABELS)
    if bad.any():
        shown = ", ".join(f"row {i + 1}: {codes.at[i, 'label']!r}" for i in codes.index[bad][:5])
        raise ValueError(f"{path}: {int(bad.sum())} unknown label(s) ({shown}); use one of {', '.join(LABELS)} "
                         "or leave the label empty for a sentence not yet coded")
    repeated = codes.duplicated(["article_id", "sentence_id"])
    if repeated.any():
        raise ValueError(f"{path}: sentence(s) coded twice: "
                         f"{codes.loc[repeated, ['article_id', 'sentence_id']].values.tolist()[:5]}")
    return codes


def next_uncoded(codes: pd.DataFrame) -> int | None:
    """The position of the first sentence without a label.

    Parameters
    ----------
    codes : a codes table.

    Returns
    -------
    int or None
        Its row position, None when every sentence is coded.
    """
    empty = np.flatnonzero(codes["label"].isna().to_numpy())
    return int(empty[0]) if len(empty) else None


def record(codes: pd.DataFrame, position: int, code: str) -> pd.DataFrame:
    """A copy of `codes` with the sentence at `position` given `code`.

    Parameters
    ----------
    codes : a codes table.
    position : the row position.
    code : negative, neutral or positive (anything else is a ValueError).

    Returns
    -------
    pd.DataFrame
    """
    if code not in LABELS:
        raise ValueError(f"unknown label {code!r}: use one of {', '.join(LABELS)}")
    codes = codes.copy()
    codes.iloc[position, codes.columns.get_loc("label")] = code
    return codes


def instructions(path: str | Path | None, n: int) -> str:
    """What to do to code the sample by hand (Markdown), where widgets cannot run.

    Parameters
    ----------
    path : the codes CSV written, or None when no folder was named.
    n : sentences in the sample.

    Returns
    -------
    str
    """
    how = ("Code each sentence's tone as written by the codebook in "
           "`src/analysis/resources/validation/codebook.md`, without looking at any score.")
    if path is None:
        return ("**Coding a sample yourself.** No codes of yours are loaded. To code a sample of "
                f"{n} sentences, set `CODING_FOLDER` to a folder of your choice and run this cell in "
                "Jupyter: it writes the sample (sentence ids and text, no scores) to "
                f"`{CODES_FILE}` there and shows one sentence at a time with three buttons; every "
                "click is saved, and running the cell again resumes where you stopped. " + how
                + " Then set `RESEARCHER_CODES` to that file and run the notebook again.")
    return (f"**Coding a sample yourself.** The sample ({n} sentences: ids and text, no scores) is in "
            f"`{path}`. Widgets are not available here: fill its `label` column with negative, "
            "neutral or positive in any editor or spreadsheet (an empty label is a sentence not yet "
            f"coded). {how} Then set `RESEARCHER_CODES` to that file and run the notebook again.")


class CodingTool(WidgetWithFallback):
    """The coding widget with a Markdown fallback (shown in rendered copies and without widgets)."""

    def __init__(self, widget, text: str) -> None:  # noqa: ANN001 - an ipywidgets VBox or None
        super().__init__(widget, {"text/markdown": text, "text/plain": text})
        self.text = text


def coding_tool(frame: pd.DataFrame, folder: str | Path | None, *, n: int = 60, seed: int = 0,
                within: pd.DataFrame | None = None, widgets: bool = True) -> CodingTool:
    """The one call of the notebook: write (or resume) the codes file of a sample in `folder`
    and show the coding widget; without a folder, or without ipywidgets, the instructions.

    Parameters
    ----------
    frame : one row per sentence, with article_id, sentence_id and text.
    folder : where the codes file (`CODES_FILE`) goes; None writes nothing.
    n, seed, within : as in `sample_sentences` (used only when the file does not exist yet; an
        existing file is resumed as it is).
    widgets : whether to try ipywidgets.

    Returns
    -------
    CodingTool
        Displays the widget where it can run, else the instructions.
    """
    if folder is None:
        return CodingTool(None, instructions(None, n))
    path = Path(folder) / CODES_FILE
    if not path.exists():
        write_codes(template(sample_sentences(frame, n, seed=seed, within=within)), path)
    codes = read_codes(path)
    text = instructions(path, len(codes))
    if not widgets or not widgets_wanted():
        return CodingTool(None, text)
    try:
        import ipywidgets
    except ImportError:
        return CodingTool(None, text)
    return CodingTool(_widget(ipywidgets, codes, path), text.replace("Widgets are not available here: fill",
                                                                     "Code with the buttons, or fill"))


def _widget(ipywidgets, codes: pd.DataFrame, path: Path):  # noqa: ANN001, ANN202 - ipywidgets objects
    """Sentence, three buttons and progress over `codes`; every click saved to `path`."""
    state = {"codes": codes}
    sentence = ipywidgets.HTML()
    progress = ipywidgets.IntProgress(min=0, max=len(codes))
    status = ipywidgets.Label()
    buttons = [ipywidgets.Button(description=code) for code in LABELS]

    def show() -> None:
        current = state["codes"]
        done = int(current["label"].notna().sum())
        progress.value = done
        status.value = f"{done} of {len(current)} coded; saved to {path}"
        position = next_uncoded(current)
        if position is None:
            sentence.value = "<p><b>All sentences are coded.</b></p>"
        else:
            from html import escape

            sentence.value = f"<p style='font-size:120%'>{escape(str(current['text'].iloc[position]))}</p>"
        for button in buttons:
            button.disabled = position is None

    def click(button) -> None:  # noqa: ANN001
        position = next_uncoded(state["codes"])
        if position is not None:
            state["codes"] = record(state["codes"], position, button.description)
            write_codes(state["codes"], path)
        show()

    for button in buttons:
        button.on_click(click)
    show()
    return ipywidgets.VBox([sentence, ipywidgets.HBox(buttons), ipywidgets.HBox([progress, status])])

