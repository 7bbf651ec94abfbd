"""A widget shown live in Jupyter, with a static fallback for rendered copies and plain consoles."""

from __future__ import annotations

import os

#: Set (to "1") by `reproduce.execute_notebook` for the kernels it starts: an unattended run shows
#: the static fallbacks only. Nobody can use a widget there, and widget messages can leave
#: nbclient waiting for a reply forever (jupyter/nbclient#312: seen once in a test run, after
#: the keyword-in-context explorer's cell had finished).
STATIC_ENV = "ANALYSIS_STATIC_WIDGETS"


def widgets_wanted() -> bool:
    """Whether to build live widgets: not in a kernel started for an unattended run (`STATIC_ENV`).

    Returns
    -------
    bool
    """
    return os.environ.get(STATIC_ENV, "") != "1"


class WidgetWithFallback:
    """An ipywidgets widget (or None) displayed together with static representations.

    Jupyter shows the widget; nbconvert's HTML and other front ends without a widget manager show
    the richest fallback (e.g. `text/html`), so a reader of the rendered notebook sees content, not
    a widget's repr.
    """

    def __init__(self, widget, fallback: dict[str, str]) -> None:  # noqa: ANN001 - an ipywidgets widget or None
        self.widget, self.fallback = widget, dict(fallback)

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict:  # noqa: ANN001
        bundle = {}
        if self.widget is not None:
            shown = self.widget._repr_mimebundle_(include=include, exclude=exclude) or {}
            bundle.update(shown[0] if isinstance(shown, tuple) else shown)
        bundle.update(self.fallback)
        return bundle
