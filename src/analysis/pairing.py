"""Each notebook as a pair: `NN_name.ipynb` (with outputs) and `NN_name.py` (jupytext py:percent,
the file reviewers read). An edit to either reaches the other before execution.

Which file was edited is decided by content, not by modification times (which `git checkout`
and copies reset): when `reproduce` pairs the two it records the SHA-256 of the `.py` and of the
notebook's cells in the notebook's metadata (`analysis_pairing`). At the next sync, a `.py` that
no longer matches its record was edited, and so was a notebook whose cells no longer match
theirs. One edited side is carried into the other; both edited is an error that names the files,
so neither edit is lost.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

PAIRING = {"formats": "ipynb,py:percent"}
RECORD = "analysis_pairing"


class PairingConflict(RuntimeError):
    """Both files of a pair were edited since they were last paired, differently."""


def _inputs(notebook) -> list[tuple[str, str]]:  # noqa: ANN001 - a jupytext/nbformat notebook
    return [(cell.cell_type, cell.source.strip()) for cell in notebook.cells]


def _digest(data: bytes | str) -> str:
    return hashlib.sha256(data.encode("utf-8") if isinstance(data, str) else data).hexdigest()


def _inputs_digest(notebook) -> str:  # noqa: ANN001
    return _digest(repr(_inputs(notebook)))


def _write_pair(notebook, notebook_path: Path) -> None:  # noqa: ANN001
    """Write the notebook's `.py`, then the notebook with the pairing record of both."""
    import jupytext

    script = notebook_path.with_suffix(".py")
    notebook.metadata["jupytext"] = dict(PAIRING)
    notebook.metadata.pop(RECORD, None)
    jupytext.write(notebook, script, fmt="py:percent")
    notebook.metadata[RECORD] = {"py_sha256": _digest(script.read_bytes()), "cells_sha256": _inputs_digest(notebook)}
    jupytext.write(notebook, notebook_path, fmt="ipynb")


def pair_scripts(paths_: list[Path]) -> None:
    """Write each notebook's code and text as `NN_name.py` (jupytext py:percent, no outputs) and
    record the pair in the notebook's metadata.

    Parameters
    ----------
    paths_ : executed notebooks (`NN_name.ipynb`).
    """
    import jupytext

    for path in paths_:
        _write_pair(jupytext.read(path), Path(path))


def sync_pairs(folder: Path) -> list[str]:
    """Bring each `NN_name.py` / `NN_name.ipynb` pair in `folder` into step before execution.

    The edited side (see the module docstring) replaces the other's cells; a notebook keeps the
    outputs of the cells that did not change. A pair with no record yet (a first sync) takes the
    `.py`. A `.py` without a notebook gets one, so a new notebook may start as a script.

    Parameters
    ----------
    folder : the notebooks' folder.

    Returns
    -------
    list of str
        One line per file rewritten, saying from which file.

    Raises
    ------
    PairingConflict
        When both files of a pair were edited since they were paired and their cells differ.
    """
    import jupytext
    from jupytext.combine import combine_inputs_with_outputs

    said = []
    stems = sorted({p.stem for p in folder.glob("[0-9][0-9]_*.py")} | {p.stem for p in folder.glob("[0-9][0-9]_*.ipynb")})
    for stem in stems:
        script, notebook_path = folder / f"{stem}.py", folder / f"{stem}.ipynb"
        if not script.is_file():
            pair_scripts([notebook_path])
            said.append(f"{script.name} written from {notebook_path.name}")
            continue
        from_script = jupytext.read(script, fmt="py:percent")
        if not notebook_path.is_file():
            _write_pair(from_script, notebook_path)
            said.append(f"{notebook_path.name} created from {script.name}")
            continue
        notebook = jupytext.read(notebook_path)
        record = notebook.metadata.get(RECORD, {})
        script_edited = record.get("py_sha256") != _digest(script.read_bytes())
        notebook_edited = bool(record) and record.get("cells_sha256") != _inputs_digest(notebook)
        if _inputs(from_script) == _inputs(notebook):
            if script_edited or notebook_edited:  # same cells, stale record (e.g. saved by JupyterLab)
                _write_pair(notebook, notebook_path)
            continue
        if script_edited and notebook_edited:
            raise PairingConflict(
                f"{script} and {notebook_path} were both edited since they were last paired and now differ: "
                f"keep one (`git checkout -- {notebook_path}` keeps the .py, `git checkout -- {script}` the notebook)")
        if notebook_edited:
            _write_pair(notebook, notebook_path)
            said.append(f"{script.name} updated from {notebook_path.name} (the notebook was edited)")
            continue
        _write_pair(combine_inputs_with_outputs(from_script, notebook, fmt="py:percent"), notebook_path)
        said.append(f"{notebook_path.name} updated from {script.name}")
    return said
