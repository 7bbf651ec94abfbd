"""Every notebook on a corpus that breaks the usual assumptions, run end to end (a file of its own so that
`make test`'s --dist loadfile runs it beside the other notebook tests): a compared bloc whose articles
only quote (interview transcripts: no own words), articles in Russian, an article exported as HTML (in
a third bloc), and an article that is boilerplate only. Each once made a notebook fail or print a number that measured nothing."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from analysis import reproduce

ENGLISH = [
    "Talks resume in Geneva\n\nSergey Lavrov said on Friday that Moscow was ready for talks, but the terms set by Kyiv "
    "were unacceptable and the West kept sending weapons.\n\nDiplomats said the next round could open in March, "
    "although neither side has agreed on an agenda for the meeting.",
    "Kremlin on the ceasefire\n\nDmitry Peskov told reporters that the Kremlin welcomed any serious proposal, and that "
    "a ceasefire was possible if the arms deliveries stopped.\n\nObservers in Moscow called the statement a careful "
    "signal to Washington after weeks of heavy fighting in the east.",
]
RUSSIAN = ("Переговоры в Женеве\n\nМинистр иностранных дел России Сергей Лавров заявил, что Москва готова к "
           "переговорам, но условия Киева неприемлемы.\n\nДипломаты в Москве и Киеве считают, что следующий раунд "
           "переговоров может начаться в марте, если стороны договорятся о повестке встречи.")
INTERVIEW = ("Q: What do you expect from the next round of talks?\n\nA: We expect nothing "
             "new. The positions are far apart, and the war goes on every day.\n\nQ: Is a ceasefire possible?\n\n"
             "A: Only if both sides stop shooting first, and I see no sign of that at the moment.")
HTML = ("<h1>Ceasefire plan discussed</h1>\n<p>European diplomats said on Monday that the ceasefire plan was &quot;"
        "a starting point&quot; for talks &amp; that Kyiv had not rejected it.</p>\n<p>The plan will be discussed "
        "again in Brussels next week, officials added.</p>")
BOILERPLATE = "Home | World | Politics | Sport\n\nAccept cookies\n\nShare this article\n\nSubscribe to our newsletter"


def _corpus(path: Path) -> list[dict]:
    rows = []
    for n in range(6):
        rows.append({"article_id": f"ru{n}", "outlet": f"Moscow Daily {n % 3}", "bloc": "russian",
                     "text": ENGLISH[n % 2].replace("Friday", ["Friday", "Monday", "Sunday"][n % 3])})
    rows += [{"article_id": f"ru-lang{n}", "outlet": "Vesti", "bloc": "russian", "text": RUSSIAN} for n in range(2)]
    for n in range(6):
        rows.append({"article_id": f"we{n}", "outlet": f"Western Weekly {n % 3}", "bloc": "western",
                     "text": INTERVIEW.replace("next round", ["next round", "coming round", "new round"][n % 3])})
    rows.append({"article_id": "ot-html", "outlet": "Brussels Wire", "bloc": "other", "text": HTML})
    rows.append({"article_id": "we-empty", "outlet": "Brussels Wire", "bloc": "western", "text": BOILERPLATE})
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return rows


@pytest.mark.slow
def test_every_notebook_runs_and_says_what_it_cannot_measure(tmp_path: Path) -> None:
    corpus, out = tmp_path / "corpus.jsonl", tmp_path / "out"
    rows = _corpus(corpus)
    assert reproduce.main(corpus=str(corpus), out=str(out), notebook_jobs=2) == 0
    markdown = {}
    for source in reproduce.notebooks():
        nb = nbformat.read(out / "notebooks" / source.name, as_version=4)
        code = [c for c in nb.cells if c.cell_type == "code"]
        assert not any(o.get("output_type") == "error" for c in code for o in c.outputs), source.name
        markdown[source.stem] = "\n".join("".join(o.get("data", {}).get("text/markdown", "")) for c in code
                                          for o in c.outputs)
        assert " nan" not in markdown[source.stem] and "+nan" not in markdown[source.stem], source.name
    assert "2 of the compared articles (russian 2) do not read as English" in markdown["01_sentiment"]
    assert "1 of the compared articles (western 1) kept no text" in markdown["01_sentiment"]
    assert "Left out of this comparison: other (1 article)" in markdown["01_sentiment"]
    assert "No tone difference: **russian** has 8 articles and **western** 0 with sentences here" in markdown["01_sentiment"]
    assert f"2 of {len(rows)} articles do not read as English (ru-lang0, ru-lang1" in markdown["00_corpus"]
    kept = pd.read_parquet(out / "paragraphs.parquet")
    html = " ".join(kept.loc[kept["article_id"] == "ot-html", "text"])
    assert 'the ceasefire plan was "a starting point" for talks & that Kyiv had not rejected it.' in html
    assert (kept["article_id"] == "we-empty").sum() == 0
