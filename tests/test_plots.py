"""Figures stay readable at any corpus size: unique article labels, a compact form above a stated
size, top outlets plus "other", no overlapping text, fixed bloc colours, byte-stable files."""

from __future__ import annotations

import io
import itertools

import matplotlib

matplotlib.use("Agg")

import matplotlib.collections  # noqa: E402
import matplotlib.colors  # noqa: E402
import matplotlib.container  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from analysis import overview, plots  # noqa: E402

BLOCS = ["russian", "western", "ukrainian", "other", "central-asian"]
MEASURES = ["naming_index", *(f"rate_{k}" for k in "abcdefg"), *(f"frame_{k}" for k in "abcdefg"),
            *(f"voice_{k}" for k in "abcdefgh")]


def _articles(n: int = 60, n_outlets: int = 45, seed: int = 7) -> pd.DataFrame:
    """`n` articles from `n_outlets` outlets (the first ones with two articles), names sharing long
    prefixes, in five blocs including a user label."""
    rng = np.random.default_rng(seed)
    outlets = [f"Moscow Federal News Agency International Service {k:02d}" if k % 3 == 0 else
               f"Outlet $number$ {k:02d}" if k % 3 == 1 else f"O{k}" for k in range(n_outlets)]
    rows = []
    for i in range(n):
        k = i % n_outlets
        rows.append({"article_id": f"a{i:03d}", "outlet": outlets[k], "bloc": BLOCS[k % len(BLOCS)],
                     "published": f"2024-{1 + i % 12:02d}-01", "n_tokens": int(rng.integers(150, 1200))})
    return pd.DataFrame(rows)


def _paragraphs(articles: pd.DataFrame, seed: int = 1) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    rows = []
    for a in articles.itertuples():
        k = int(rng.integers(2, 12))
        for p in range(k):
            rows.append({"bloc": a.bloc, "outlet": a.outlet, "article_id": a.article_id, "paragraph_id": f"{a.article_id}-{p}",
                         "mean": float(rng.uniform(-1, 1)), "n_sentences": 2, "position": round(p / (k - 1), 4)})
    return pd.DataFrame(rows)


def _summary(articles: pd.DataFrame, seed: int = 2) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    table = articles[["article_id", "outlet", "bloc"]].copy()
    for m in MEASURES:
        values = rng.uniform(-1, 1, len(table))
        values[rng.uniform(size=len(table)) < 0.1] = np.nan
        table[m] = values
    return table


def _sentences(articles: pd.DataFrame, seed: int = 3) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    rows = [{"article_id": a.article_id, "outlet": a.outlet, "bloc": a.bloc, "sentence_id": f"{a.article_id}-{s}",
             "compound": float(rng.uniform(-1, 1))} for a in articles.itertuples() for s in range(4)]
    return pd.DataFrame(rows)


def _visible_axes(fig) -> list:  # noqa: ANN001
    return [ax for ax in fig.axes if ax.get_visible()]


def _ytick_texts(ax) -> list[str]:  # noqa: ANN001
    return [t.get_text() for t in ax.get_yticklabels()]


def _assert_no_overlapping_text(fig) -> None:  # noqa: ANN001
    """Tick labels of an axis do not overlap each other, panel titles and the figure title do not
    overlap any panel, and no text leaves the figure."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    page = fig.bbox.padded(1)
    for ax in _visible_axes(fig):
        for labels, limits, coord in ((ax.get_yticklabels(), sorted(ax.get_ylim()), 1),
                                      (ax.get_xticklabels(), sorted(ax.get_xlim()), 0)):
            shown = [t for t in labels if t.get_visible() and t.get_text()
                     and limits[0] - 1e-9 <= t.get_position()[coord] <= limits[1] + 1e-9]  # ticks beyond the limits are not drawn
            boxes = [t.get_window_extent(renderer) for t in shown]
            for a, b in itertools.combinations(boxes, 2):
                assert not a.overlaps(b), f"tick labels overlap: {ax.get_title()!r}"
            for box in boxes:
                assert page.contains(box.x0, box.y0) and page.contains(box.x1, box.y1), "tick label leaves the figure"
    titles = [t for t in [fig._suptitle, *(ax.title for ax in _visible_axes(fig))] if t is not None and t.get_text()]
    frames = [ax.get_window_extent(renderer) for ax in _visible_axes(fig)]
    for title in titles:
        box = title.get_window_extent(renderer)
        assert page.contains(box.x0, box.y0) and page.contains(box.x1, box.y1), f"title leaves the figure: {title.get_text()!r}"
        assert not any(box.overlaps(frame) for frame in frames), f"title covers a panel: {title.get_text()!r}"
    for legend in fig.legends:
        box = legend.get_window_extent(renderer)
        assert not any(box.overlaps(frame) for frame in frames), "a figure legend covers a panel"


@pytest.fixture(scope="module")
def articles() -> pd.DataFrame:
    return _articles()


def test_article_labels_are_unique_and_short(articles: pd.DataFrame) -> None:
    labels = plots.article_labels(articles)
    assert labels.is_unique and len(labels) == 60
    assert all(label.endswith(f" · {a}") for label, a in zip(labels, articles["article_id"]))
    assert max(map(len, labels)) <= 30 + len(" · a000")
    # outlets that share their first 30 characters still get different labels
    assert labels[articles["outlet"].str.startswith("Moscow")].is_unique


def test_outlet_groups_keep_the_top_outlets_and_take_ties_in_turn_from_each_bloc(articles: pd.DataFrame) -> None:
    groups = plots.outlet_groups(articles, top=12)
    pooled = {g for g in set(groups) if g.endswith(" (pooled)")}
    assert len(set(groups)) - len(pooled) == 12
    # the rest pooled by bloc: one pool per bloc, counting that bloc's outlets not named
    bloc_of = articles.drop_duplicates("outlet").set_index("outlet")["bloc"]
    top = sorted(set(groups) - pooled)
    left = bloc_of.drop(top).value_counts()
    assert pooled == {plots.parts.pooled_outlets(int(n), b) for b, n in left.items()}
    assert all(g.startswith(f"{b}: ") for g, b in zip(groups, articles["bloc"]) if g in pooled)  # (a pool never mixes blocs)
    # 15 outlets have two articles; the 12 kept are taken from them in turns, one per bloc (blocs by
    # name), each bloc's by name, whatever the row order
    doubles = articles.groupby("outlet").size().loc[lambda s: s == 2].index
    queues = {bloc: sorted(o for o in doubles if bloc_of[o] == bloc) for bloc in sorted(set(bloc_of[doubles]))}
    turns = [queue[k] for k in range(max(map(len, queues.values()))) for queue in queues.values() if k < len(queue)]
    assert top == sorted(turns[:12]) and top != sorted(doubles)[:12]  # (not the first 12 by name)
    kept = pd.Series(bloc_of[top]).value_counts()
    assert kept.max() - kept.min() <= 1
    shuffled = articles.sample(frac=1, random_state=0)
    assert plots.outlet_groups(shuffled, top=12).sort_index().equals(groups.sort_index())
    few = articles.head(5)
    assert plots.outlet_groups(few, top=12).tolist() == few["outlet"].tolist()
    # outlets of one article keep no name where some are pooled: 15 outlets have two articles, so top=20 names 15
    assert len({g for g in plots.outlet_groups(articles, top=20) if not g.endswith("(pooled)")}) == 15


def test_article_lengths_one_bar_per_article_then_one_row_per_bloc(articles: pd.DataFrame) -> None:
    small = articles.head(plots.COMPACT_ABOVE)
    fig = plots.article_lengths(small)
    (ax,) = _visible_axes(fig)
    assert _ytick_texts(ax) == [plots.plain(x) for x in plots.article_labels(small.sort_values(["bloc", "article_id"]))]
    _assert_no_overlapping_text(fig)
    plt.close(fig)
    fig = plots.article_lengths(articles)
    (ax,) = _visible_axes(fig)
    assert [t.split("\n")[0] for t in _ytick_texts(ax)] == sorted(BLOCS)
    assert sum(len(c.get_offsets()) for c in ax.collections) == 60  # every article is a dot
    height = fig.get_size_inches()[1]
    _assert_no_overlapping_text(fig)
    plt.close(fig)
    bigger = pd.concat([articles, articles.assign(article_id=articles["article_id"] + "b")])
    fig = plots.article_lengths(bigger)
    assert fig.get_size_inches()[1] == height  # the compact form does not grow with the corpus
    plt.close(fig)


def test_tone_along_article_panels_then_one_panel_per_bloc(articles: pd.DataFrame) -> None:
    paragraphs = _paragraphs(articles)
    few = paragraphs[paragraphs["article_id"].isin(articles["article_id"].head(12))]
    fig = plots.tone_along_article(few)
    panels = _visible_axes(fig)
    assert len(panels) == 12
    titles = [ax.get_title() for ax in panels]
    assert len(set(titles)) == 12 and all(" · a0" in t for t in titles)
    _assert_no_overlapping_text(fig)
    plt.close(fig)
    fig = plots.tone_along_article(paragraphs)
    panels = _visible_axes(fig)
    assert len(panels) == len(BLOCS)
    assert sorted(ax.get_title().split(" (")[0] for ax in panels) == sorted(BLOCS)
    _assert_no_overlapping_text(fig)
    plt.close(fig)


def test_tone_along_article_samples_the_lines_of_a_large_bloc() -> None:
    rows = [{"bloc": bloc, "outlet": "O", "article_id": f"{bloc[0]}{i:04d}", "paragraph_id": k, "mean": 0.1 * k,
             "n_sentences": 1, "position": k / 2} for bloc, n in (("russian", 50), ("western", 8)) for i in range(n)
            for k in range(3)]
    fig = plots.tone_along_article(pd.DataFrame(rows), compact_above=10, max_lines=20)
    lines = {ax.get_title().split(" (")[0]: [c for c in ax.collections
                                              if isinstance(c, matplotlib.collections.LineCollection)]
             for ax in _visible_axes(fig)}
    assert [len(c.get_segments()) for c in lines["russian"]] == [20]  # 20 of its 50 articles
    assert [len(c.get_segments()) for c in lines["western"]] == [8]
    assert "a random 20 per bloc" in " ".join(t.get_text() for t in fig.legends[0].get_texts())
    plt.close(fig)


def test_framing_summary_rows_per_article_then_per_bloc(articles: pd.DataFrame) -> None:
    summary = _summary(articles)
    fig = plots.framing_small_multiples(summary.head(16), MEASURES)
    panels = _visible_axes(fig)
    assert len(panels) == len(MEASURES)
    ordered = summary.head(16).sort_values(["bloc", "article_id"])
    assert _ytick_texts(panels[0]) == ordered["article_id"].tolist()  # full outlet names are in the key
    key = [t.get_text() for legend in fig.legends for t in legend.get_texts()]
    assert all(any(t.startswith(f"{a}: ") for t in key) for a in ordered["article_id"])
    assert all(any(t.startswith(b) for t in key) for b in ordered["bloc"])  # a legend names the bloc colours
    limits = {ax.get_title().split("\n")[0]: ax.get_xlim() for ax in panels}
    for family in ("rate_", "frame_", "voice_"):  # one scale within a family
        assert len({v for k, v in limits.items() if k.startswith(family)}) == 1
    _assert_no_overlapping_text(fig)
    plt.close(fig)
    fig = plots.framing_small_multiples(summary, MEASURES)
    panels = _visible_axes(fig)
    assert len(panels) == len(MEASURES)
    assert [t.split(" (")[0] for t in _ytick_texts(panels[0])] == sorted(BLOCS)
    empty = int(summary["rate_a"].isna().sum())
    assert f"{empty} articles empty" in next(ax.get_title() for ax in panels if ax.get_title().startswith("rate_a"))
    assert fig.get_size_inches()[1] < 16
    _assert_no_overlapping_text(fig)
    plt.close(fig)


def test_sentiment_distribution_shows_top_outlets_and_other(articles: pd.DataFrame) -> None:
    fig = plots.sentiment_distribution(_sentences(articles), seed=1)
    by_bloc, by_outlet = _visible_axes(fig)
    assert len(_ytick_texts(by_bloc)) == len(BLOCS)
    outlets = _ytick_texts(by_outlet)
    named = [o for o in outlets if "(pooled)" not in o.replace("\n", " ")]
    assert len(named) == plots.TOP_OUTLETS and len(outlets) == plots.TOP_OUTLETS + len(BLOCS)  # (a pool per bloc)
    _assert_no_overlapping_text(fig)
    plt.close(fig)


def test_removal_by_reason_one_bar_per_article_up_to_the_threshold(articles: pd.DataFrame) -> None:
    removed = pd.DataFrame({"article_id": np.repeat(articles["article_id"].head(8), 3),
                            "reason": ["navigation", "caption", "credit"] * 8})
    counts = overview.removal_by_reason(removed, articles.head(8))
    fig = plots.removal_by_reason(counts)
    (ax,) = _visible_axes(fig)
    assert _ytick_texts(ax) == [plots.plain(x) for x in counts.index]
    _assert_no_overlapping_text(fig)
    plt.close(fig)


def test_removal_by_reason_keeps_every_removed_line(articles: pd.DataFrame) -> None:
    rng = np.random.default_rng(5)
    removed = pd.DataFrame({"article_id": rng.choice(articles["article_id"], 400),
                            "reason": rng.choice(["navigation", "caption", "credit", "related"], 400)})
    counts = overview.removal_by_reason(removed, articles)
    assert counts.index.is_unique and len(counts) == 60 and int(counts.to_numpy().sum()) == 400
    fig = plots.removal_by_reason(counts)
    (ax,) = _visible_axes(fig)
    labels = _ytick_texts(ax)
    assert len(labels) == plots.COMPACT_ABOVE and labels[-1] == "31 more articles (sum)"
    drawn = sum(patch.get_width() for patch in ax.patches)
    assert drawn == 400  # the bars add up to every removed line
    _assert_no_overlapping_text(fig)
    plt.close(fig)


def test_removal_by_reason_draws_no_bar_of_zeros_when_few_articles_lost_lines(articles: pd.DataFrame) -> None:
    """Of 60 articles only 5 lost lines: 5 bars and one for the 55 others, said to have lost none (it drew 29
    bars, 24 of them empty, under a title promising 'the 29 articles with most removed lines')."""
    lost = articles["article_id"].iloc[[3, 10, 20, 30, 40]]
    removed = pd.DataFrame({"article_id": np.repeat(lost, 2), "reason": ["navigation", "credit"] * 5})
    fig = plots.removal_by_reason(overview.removal_by_reason(removed, articles))
    (ax,) = _visible_axes(fig)
    labels = _ytick_texts(ax)
    assert len(labels) == 6 and labels[-1] == "55 more articles, no line removed"
    assert "5 articles that lost lines" in fig._suptitle.get_text()
    assert sum(patch.get_width() for patch in ax.patches) == 10
    plt.close(fig)


def test_bloc_colours_are_fixed_and_documented() -> None:
    assert plots.bloc_colour("russian") == "#D55E00" and plots.bloc_colour("Western") == "#0072B2"
    assert plots.bloc_colour("ukrainian") == "#009E73" and plots.bloc_colour("other") == "#CC79A7"
    known = set(plots.BLOC_COLOURS.values())
    assert known <= set(plots.OKABE_ITO) and not known & set(plots.SPARE_COLOURS)
    assert not {"#000000", "#F0E442"} & set(plots.SPARE_COLOURS)  # (black: means and text; yellow: unreadable on white)
    assert plots.bloc_colour("central-asian") in plots.SPARE_COLOURS
    assert plots.bloc_colour("central-asian") == plots.bloc_colour("Central-Asian")


def test_a_corpus_s_own_bloc_labels_get_distinct_spare_colours() -> None:
    """Two labels a hash would give one colour get two once the corpus's blocs are registered
    (as `set_provenance` does), in the order of their names; the suite's own blocs keep theirs."""
    spare = plots.SPARE_COLOURS
    hashed = {}
    for name in (f"bloc{i}" for i in range(50)):  # two labels that share a hashed colour
        hashed.setdefault(plots.bloc_colour(name), []).append(name)
    first, second = next(names for names in hashed.values() if len(names) >= 2)[:2]
    try:
        plots.register_blocs([second, "russian", first, second, None])
        assert plots.bloc_colour(first) == spare[0] and plots.bloc_colour(second) == spare[1]
        assert plots.bloc_colour("russian") == plots.BLOC_COLOURS["russian"]
        articles = pd.DataFrame({"article_id": ["a", "b"], "text_sha256": ["0", "1"], "bloc": ["zeta", "alpha"]})
        plots.set_provenance({"articles": articles})
        assert (plots.bloc_colour("alpha"), plots.bloc_colour("zeta")) == spare[:2]
    finally:
        plots.register_blocs([])
    assert plots.bloc_palette(["western", "russian", "western"]) == {"russian": "#D55E00", "western": "#0072B2"}


def test_data_text_is_drawn_as_plain_text(articles: pd.DataFrame) -> None:
    """An outlet called "Outlet $number$ 01" is drawn as written, not as math."""
    fig = plots.tone_along_article(_paragraphs(articles.head(6)))
    fig.canvas.draw()
    texts = [ax.title for ax in _visible_axes(fig)]
    dollars = [t for t in texts if "$number" in t.get_text()]
    assert dollars and not any(t._preprocess_math(t.get_text())[1] for t in dollars)
    assert plots.plain("Outlet $number$ 01") == "Outlet \\$number\\$ 01"
    plt.close(fig)
    fig = plots.article_lengths(articles.head(6))
    fig.canvas.draw()
    (ax,) = _visible_axes(fig)
    labels = [t for t in ax.get_yticklabels() if "$number" in t.get_text()]
    assert labels and not any(t._preprocess_math(t.get_text())[1] for t in labels)
    assert "mathdefault" not in "".join(t.get_text() for t in ax.get_xticklabels())  # numbers still formatted
    plt.close(fig)


def test_saved_files_are_byte_identical(articles: pd.DataFrame, tmp_path) -> None:  # noqa: ANN001
    blobs = []
    for run in range(2):
        fig = plots.tone_along_article(_paragraphs(articles))
        plots.save(fig, "tone", tmp_path / str(run))
        plt.close(fig)
        blobs.append([(tmp_path / str(run) / f"tone.{ext}").read_bytes() for ext in ("png", "svg")])
    assert blobs[0] == blobs[1]
    assert b"<dc:date>" not in blobs[0][1]


def _keyness(n: int = 400, seed: int = 4) -> pd.DataFrame:
    """A keyness table whose terms share few distinct positions, so labels compete for room."""
    rng = np.random.default_rng(seed)
    ca, cb = rng.integers(0, 6, n), rng.integers(0, 6, n)
    z = np.round((ca - cb) / np.sqrt(ca + cb + 1), 1)
    return pd.DataFrame({"term": [f"term{k:03d}" for k in range(n)], "count_russian": ca, "count_western": cb,
                         "rate_russian": ca / 10, "rate_western": cb / 10, "z": z})


@pytest.mark.parametrize("figure", ["fightin_words", "term_map"])
def test_term_labels_do_not_overlap(figure: str) -> None:
    table = _keyness()
    fig = getattr(plots, figure)(table, "russian", "western", **({"threshold": 2.5} if figure == "fightin_words" else {}))
    (ax,) = [a for a in _visible_axes(fig) if a.get_label() != "<colorbar>"]
    renderer = fig.canvas.get_renderer()
    labels = [t for t in ax.texts if t.get_text().startswith("term")]
    boxes = [t.get_window_extent(renderer) for t in labels]
    assert len(labels) >= 10
    for a, b in itertools.combinations(boxes, 2):
        assert not a.overlaps(b)
    frame = ax.get_window_extent(renderer)
    assert all(frame.x0 <= b.x0 and b.x1 <= frame.x1 and frame.y0 <= b.y0 and b.y1 <= frame.y1 for b in boxes)
    wanted = 24 if figure == "fightin_words" else 30
    title = ax.get_title()
    assert len(labels) == wanted or f"({wanted - len(labels)} left out for lack of room)" in title
    plt.close(fig)


def _pixels(fig) -> np.ndarray:  # noqa: ANN001
    fig.canvas.draw()
    pixels = np.asarray(fig.canvas.buffer_rgba()).copy()
    plt.close(fig)
    return pixels


def _nudged(table: pd.DataFrame, seed: int) -> pd.DataFrame:
    """Rates moved by a few units in the last place, as another CPU's vectorised log moves the positions."""
    sign = np.random.default_rng(seed).choice([-1, 1], size=(2, len(table)))
    return table.assign(rate_russian=table["rate_russian"] * (1 + 1e-15 * sign[0]),
                        rate_western=table["rate_western"] * (1 + 1e-15 * sign[1]))


def test_term_map_says_where_a_term_a_bloc_never_uses_is_drawn() -> None:
    """A rate of 0 has no place on a log axis: such terms sit at a floor, now a dashed line the axis label names
    (a reviewer read 'kiev' as used by western outlets at about 0.15 per 1,000)."""
    table = _keyness()  # (counts from 0: both blocs leave some terms unused)
    fig = plots.term_map(table, "russian", "western", threshold=2.5)
    (ax,) = [a for a in _visible_axes(fig) if a.get_label() != "<colorbar>"]
    assert "on the dashed line: never used, 0" in ax.get_xlabel() and "on the dashed line: never used, 0" in ax.get_ylabel()
    assert sum(line.get_linestyle() == "--" for line in ax.lines) == 2
    plt.close(fig)
    used = table.assign(rate_russian=table["rate_russian"] + 0.05, rate_western=table["rate_western"] + 0.05)
    fig = plots.term_map(used, "russian", "western", threshold=2.5)
    (ax,) = [a for a in _visible_axes(fig) if a.get_label() != "<colorbar>"]
    assert "never used" not in ax.get_xlabel() + ax.get_ylabel()
    plt.close(fig)


def test_term_map_pixels_stay_when_positions_move_in_the_last_bits() -> None:
    """The label leader lines end at fixed offsets from their points: no bisection to a tolerance
    turns a last-bit difference into other anti-aliased pixels (which made the committed PNG differ
    on another CPU)."""
    table = _keyness(80)
    fig = plots.term_map(table, "russian", "western", threshold=2.5)
    assert len(fig.axes[0].lines) > 5  # the diagonal and several leader lines
    base = _pixels(fig)
    for seed in range(3):
        assert np.array_equal(base, _pixels(plots.term_map(_nudged(table, seed), "russian", "western", threshold=2.5)))


def test_a_shrunk_annotation_arrow_would_move_pixels_on_the_same_nudge() -> None:
    """The check above can fail: leader lines drawn as annotation arrows shrunk 2 points from
    their points (as before) change pixels under the same last-bit nudge."""
    def arrows(table: pd.DataFrame) -> np.ndarray:
        fig, ax = plt.subplots(figsize=(6, 6))
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_xlim(0.05, 20)
        ax.set_ylim(0.05, 20)
        for x, y in zip(table["rate_western"], table["rate_russian"]):
            ax.annotate("", (x, y), xytext=(-4, 14), textcoords="offset points",
                        arrowprops={"arrowstyle": "-", "linewidth": 0.5, "shrinkA": 0, "shrinkB": 2})
        return _pixels(fig)
    rng = np.random.default_rng(5)
    table = pd.DataFrame({"rate_russian": rng.uniform(0.1, 10, 80), "rate_western": rng.uniform(0.1, 10, 80)})
    base = arrows(table)
    assert any(not np.array_equal(base, arrows(_nudged(table, seed))) for seed in range(3))


def test_sentiment_distribution_samples_dots_of_large_rows() -> None:
    rng = np.random.default_rng(0)
    n = 6000
    frame = pd.DataFrame({"bloc": np.where(np.arange(n) < 5000, "russian", "western"),
                          "outlet": np.where(np.arange(n) < 5000, "A", "B"),
                          "article_id": [f"a{i // 20:04d}" for i in range(n)], "compound": rng.uniform(-1, 1, n)})
    fig = plots.sentiment_distribution(frame, seed=1, max_dots=500)
    dots = [len(c.get_offsets()) for c in fig.axes[1].collections if len(c.get_offsets()) > 1]
    assert sorted(dots) == [500, 500]  # 5,000 and 1,000 sentences, each drawn as 500 dots
    assert "at most 500 random sentences" in fig.axes[1].get_xlabel()
    small = plots.sentiment_distribution(frame.iloc[4700:5500], seed=1, max_dots=500)  # 300 and 500 sentences
    assert "random" not in small.axes[1].get_xlabel()
    plt.close("all")


def _dots_by_colour(ax) -> dict[str, int]:  # noqa: ANN001
    """Dots of the scatter collections of `ax`, counted by their hex colour."""
    out: dict[str, int] = {}
    for collection in ax.collections:
        offsets = collection.get_offsets()
        colours = collection.get_facecolors()
        if isinstance(collection, matplotlib.collections.PathCollection) and len(offsets) and len(colours):
            key = matplotlib.colors.to_hex(colours[0])
            out[key] = out.get(key, 0) + len(offsets)
    return out


def test_bloc_panel_shows_one_dot_per_article_and_the_layer(articles: pd.DataFrame) -> None:
    sentences = _sentences(articles)
    fig = plots.sentiment_distribution(sentences, seed=1, layer="own words")
    left = fig.axes[0]
    assert sum(_dots_by_colour(left).values()) == articles["article_id"].nunique()  # article means, not sentences
    assert "own words" in left.get_title() and "article" in left.get_xlabel()
    legend = [t.get_text() for leg in fig.legends for t in leg.get_texts()]
    assert "one article (left); one sentence (right)" in legend  # (the right panel's dots are sentences)
    _assert_no_overlapping_text(fig)
    plt.close(fig)


def _article_table(articles: pd.DataFrame, seed: int = 6) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Article values per voice, and their bloc summary with an interval only for blocs with enough articles."""
    from analysis import stats

    rng = np.random.default_rng(seed)
    values = pd.DataFrame([{"bloc": a.bloc, "voice": v, "article_id": a.article_id, "mean": float(rng.uniform(-1, 1))}
                           for a in articles.itertuples() for v in ("narration", "quote")])
    rows = []
    for (voice, bloc), part in values.groupby(["voice", "bloc"]):
        n = len(part)
        mean = part["mean"].mean()
        ok = n >= stats.MIN_ARTICLES_FOR_INTERVAL
        rows.append({"voice": voice, "bloc": bloc, "n_articles": n, "n_sentences": 4 * n, "mean": mean,
                     "ci_low": mean - 0.1 if ok else np.nan, "ci_high": mean + 0.1 if ok else np.nan})
    return pd.DataFrame(rows), values


def test_interval_plot_draws_every_article_and_no_interval_below_the_rule(articles: pd.DataFrame) -> None:
    few = articles[(articles["bloc"] != "other") | (articles.index < 10)]  # "other" keeps 2 articles: below the rule
    table, values = _article_table(few)
    fig = plots.interval_plot(table, "voice", "t", articles=values, seed=3)
    (ax,) = fig.axes
    assert sum(_dots_by_colour(ax).values()) == len(values)
    bars = [c for c in ax.containers if isinstance(c, matplotlib.container.ErrorbarContainer)]
    with_interval = sum(1 for c in bars if c.has_xerr)
    assert with_interval == int(table["ci_low"].notna().sum()) and with_interval < len(table)
    _assert_no_overlapping_text(fig)
    plt.close(fig)


def test_interval_plot_drops_a_group_that_is_zero_in_every_article_and_names_it(articles: pd.DataFrame) -> None:
    """drop_zero: a frame no article uses gets no rows of dots on 0, and the title names it; a group whose
    bloc means are 0 but some article is not stays; with drop_zero off every group is drawn."""
    table, values = _article_table(articles)
    values.loc[values["voice"] == "quote", "mean"] = 0.0
    table.loc[table["voice"] == "quote", ["mean", "ci_low", "ci_high"]] = 0.0
    fig = plots.interval_plot(table, "voice", "t", articles=values, seed=3, drop_zero=True)
    (ax,) = fig.axes
    assert [t.get_text() for t in ax.get_yticklabels()] == [f"narration · {b}" for b in sorted(table["bloc"].unique())]
    assert "0 in every article, not drawn: quote" in ax.get_title()
    assert sum(_dots_by_colour(ax).values()) == int((values["voice"] == "narration").sum())
    plt.close(fig)
    values.loc[values.index[values["voice"] == "quote"][0], "mean"] = 0.5  # one article uses it: kept
    fig = plots.interval_plot(table, "voice", "t", articles=values, seed=3, drop_zero=True)
    assert len(fig.axes[0].get_yticklabels()) == len(table) and "not drawn" not in fig.axes[0].get_title()
    plt.close(fig)
    fig = plots.interval_plot(table, "voice", "t", articles=values.assign(mean=0.0), seed=3)
    assert len(fig.axes[0].get_yticklabels()) == len(table)
    plt.close(fig)


def test_interval_plot_samples_the_dots_of_a_row_with_many_articles(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(plots.parts, "MAX_ROW_DOTS", 50)
    many = pd.DataFrame({"article_id": [f"a{i:04d}" for i in range(130)],
                         "bloc": ["russian"] * 120 + ["western"] * 10})
    table, values = _article_table(many)
    fig = plots.interval_plot(table, "voice", "t", articles=values, seed=3)
    (ax,) = fig.axes
    assert sum(_dots_by_colour(ax).values()) == 2 * 50 + 2 * 10  # russian rows sampled, western rows whole
    notes = [t.get_text() for t in ax.texts]
    assert sum("dots: 50 at random" in t for t in notes) == 2 and sum("120 articles" in t for t in notes) == 2
    _assert_no_overlapping_text(fig)
    plt.close(fig)


def test_marker_dots_one_dot_per_article_and_term(articles: pd.DataFrame) -> None:
    from analysis import framing

    rng = np.random.default_rng(8)
    terms = [("capital", "Kiev", "russian_official"), ("capital", "Kyiv", "ukrainian_western")] + [
        (f"group{g}", f"term{g}{k}", "neutral") for g in range(6) for k in range(5)]
    counts = pd.DataFrame([{"article_id": a, "group": g, "term": t, "usage": u, "count": int(rng.integers(1, 4)),
                            "layer": "narration"} for a in articles["article_id"][::3] for g, t, u in terms[::2]])
    rates = framing.marker_rates_by_article(counts, articles.assign(n_tokens_own=articles["n_tokens"]))
    assert len(rates) == len(articles) * counts[["term"]].drop_duplicates().shape[0]  # zeros kept
    fig = plots.marker_dots(rates, seed=2)
    assert sum(sum(_dots_by_colour(ax).values()) for ax in fig.axes) == len(rates)
    assert fig.get_size_inches()[1] <= plots.framing.MARKER_MAX_HEIGHT  # 16 terms of 5 blocs: rows narrowed to fit
    _assert_no_overlapping_text(fig)
    plt.close(fig)
    with pytest.MonkeyPatch.context() as patch:  # more articles in a bloc than dots in a row: a sample, said so
        patch.setattr(plots.parts, "MAX_ROW_DOTS", 3)
        patch.setattr(plots.framing, "MAX_ROW_DOTS", 3)
        fig = plots.marker_dots(rates, seed=2)
        assert "one dot per article (at most 3 random ones per row)" in fig._suptitle.get_text()
        assert sum(sum(_dots_by_colour(ax).values()) for ax in fig.axes) < len(rates)
        plt.close(fig)


def _no_bloc_colour(fig) -> None:  # noqa: ANN001
    """No artist of `fig` is drawn in a bloc colour (nor a spare one a user's bloc could take)."""
    blocs = {c.lower() for c in (*plots.BLOC_COLOURS.values(), *plots.SPARE_COLOURS)} - {"#000000"}  # black: text, edges
    used = set()
    for ax in fig.axes:
        for artist in [*ax.patches, *ax.lines, *ax.collections]:
            for getter in ("get_facecolor", "get_color", "get_edgecolor"):
                if hasattr(artist, getter):
                    colour = np.atleast_2d(matplotlib.colors.to_rgba_array(getattr(artist, getter)()))
                    used.update(matplotlib.colors.to_hex(c) for c in colour if c[3] > 0)
    assert not used & blocs, f"bloc colours used for something that is not a bloc: {used & blocs}"


def test_non_bloc_series_use_no_bloc_colour() -> None:
    assert not {c.lower() for c in plots.OTHER_COLOURS} & {c.lower() for c in (*plots.BLOC_COLOURS.values(),
                                                                                *plots.SPARE_COLOURS, plots.MIXED)}
    stability = pd.DataFrame({"label": [f"topic {k}" for k in range(6)], "stability": np.linspace(0.2, 0.9, 6)})
    fig = plots.topic_stability(stability)
    _no_bloc_colour(fig)
    renderer = fig.canvas.get_renderer()
    legend = fig.axes[0].get_legend().get_window_extent(renderer)
    assert not any(legend.overlaps(bar.get_window_extent(renderer)) for bar in fig.axes[0].patches)  # (covers no bar)
    plt.close(fig)
    groups = [f"group {k}" for k in range(9)]
    shares = pd.DataFrame([{"bloc": b, "speaker_group": g, "quotes": 3, "share_of_quotes": 1 / len(groups)}
                           for b in ("russian", "western") for g in groups])
    fig = plots.voice_shares(shares)
    (ax,) = fig.axes
    assert len({(p.get_facecolor(), p.get_hatch()) for p in ax.patches}) == len(groups)  # every group told apart
    _no_bloc_colour(fig)
    plt.close(fig)
    grid = pd.DataFrame({"k": [3, 4, 5], "nmf_npmi": [0.1, 0.2, 0.1], "lda_npmi": [0.0, 0.1, 0.1], "nmf_error": [3, 2, 1],
                         "kmeans_silhouette": [0.1, 0.1, 0.2], "agglomerative_silhouette": [0.0, 0.1, 0.1]})
    fig = plots.k_grid_scores(grid, 4)
    _no_bloc_colour(fig)
    plt.close(fig)


def test_article_dot_figures_are_byte_identical(articles: pd.DataFrame, tmp_path) -> None:  # noqa: ANN001
    table, values = _article_table(articles)
    blobs = []
    for run in range(2):
        fig = plots.interval_plot(table, "voice", "t", articles=values, seed=5)
        plots.save(fig, "dots", tmp_path / str(run))
        plt.close(fig)
        blobs.append([(tmp_path / str(run) / f"dots.{ext}").read_bytes() for ext in ("png", "svg")])
    assert blobs[0] == blobs[1]


def test_dense_dot_layers_are_an_image_in_the_svg_and_the_rest_stays_vector(tmp_path) -> None:  # noqa: ANN001
    """Thousands of article dots make one embedded image in the SVG, not an element per dot, while
    labels and the blocs' means stay vector; a few dozen articles stay fully vector; the PNG and
    the figure itself are the same as without the rule."""
    import re

    from analysis.plots import style

    def elements(svg: str) -> int:
        return len(re.findall(r"<use ", svg))  # (matplotlib writes each scatter marker as a <use>)

    table, values = _article_table(_articles(n=6000, n_outlets=12))
    svgs, pngs = {}, {}
    for limit in (None, 10**9):  # the rule as shipped, and no rule
        fig = plots.interval_plot(table, "voice", "t", articles=values, seed=5)
        flags = [a.get_rasterized() for ax in fig.axes for a in ax.get_children()]
        with pytest.MonkeyPatch.context() as patch:
            if limit is not None:
                patch.setattr(style, "SVG_RASTER_LIMIT", limit)
            plots.save(fig, "dots", tmp_path / str(limit))
        assert [a.get_rasterized() for ax in fig.axes for a in ax.get_children()] == flags
        plt.close(fig)
        svgs[limit] = (tmp_path / str(limit) / "dots.svg").read_text(encoding="utf-8")
        pngs[limit] = (tmp_path / str(limit) / "dots.png").read_bytes()
    assert elements(svgs[10**9]) >= len(values) and "<image " not in svgs[10**9]
    assert elements(svgs[None]) < 100 and svgs[None].count("<image ") >= 1
    for svg in svgs.values():
        assert "narration" in svg and "quote" in svg  # (tick labels stay text: svg.fonttype none)
    assert pngs[None] == pngs[10**9]

    few, few_values = _article_table(_articles(n=40, n_outlets=12))
    fig = plots.interval_plot(few, "voice", "t", articles=few_values, seed=5)
    plots.save(fig, "few", tmp_path)
    plt.close(fig)
    svg = (tmp_path / "few.svg").read_text(encoding="utf-8")
    assert "<image " not in svg and elements(svg) >= len(few_values)


def test_topic_map_has_one_panel_per_topic_with_its_units_in_bloc_colours() -> None:
    """Each topic's panel draws exactly that topic's units, in their bloc's colour, over every unit in
    pale grey (context); no panel beyond the topics is shown."""
    from matplotlib.colors import to_hex

    rng = np.random.default_rng(0)
    coords = rng.normal(size=(40, 2))
    assignment = np.repeat([0, 1, 2, 3], 10)
    blocs = ["russian", "western"] * 20
    fig = plots.topic_map(coords, assignment, blocs, ["a", "b", "c", "d"])
    panels = [ax for ax in fig.axes if ax.get_visible()]
    assert len(panels) == 4
    context = to_hex(plots.OTHER_COLOURS[3])
    for t, ax in enumerate(panels):
        assert ax.get_title().startswith(f"{t}: ")
        drawn = [c for c in ax.collections if len(c.get_offsets())]
        background = [c for c in drawn if to_hex(c.get_facecolors()[0]) == context]
        assert sum(len(c.get_offsets()) for c in background) == 40  # every unit, as context
        front = [c for c in drawn if c not in background]
        assert {to_hex(c.get_facecolors()[0]) for c in front} == {to_hex(plots.bloc_colour("russian")),
                                                                  to_hex(plots.bloc_colour("western"))}
        points = np.concatenate([np.asarray(c.get_offsets()) for c in front])
        assert sorted(map(tuple, points.round(9))) == sorted(map(tuple, coords[assignment == t].round(9)))
    plt.close(fig)


def test_tone_band_only_in_bins_with_the_minimum_of_articles() -> None:
    from analysis import stats

    # six articles with paragraphs in the first six position bins only, two reaching the end:
    # bins 6 to 9 have two articles, below the minimum, and get a mean but no band
    rows = []
    for i in range(stats.MIN_ARTICLES_FOR_INTERVAL + 1):
        for k, position in enumerate(np.linspace(0, 0.55, 6)):
            rows.append({"bloc": "russian", "outlet": f"O{i}", "article_id": f"r{i}", "paragraph_id": k,
                         "mean": float(np.sin(i + k)), "n_sentences": 2, "position": round(float(position), 4)})
    for i in range(2):
        for k, position in enumerate(np.linspace(0, 1, 11)):
            rows.append({"bloc": "russian", "outlet": f"P{i}", "article_id": f"s{i}", "paragraph_id": k,
                         "mean": float(np.cos(i + k)), "n_sentences": 2, "position": round(float(position), 4)})
    fig = plots.tone_along_article(pd.DataFrame(rows), compact_above=1)
    ax = _visible_axes(fig)[0]
    band = [c for c in ax.collections if isinstance(c, matplotlib.collections.PolyCollection)]
    xs = np.concatenate([p.vertices[:, 0] for c in band for p in c.get_paths()])
    assert xs.size and xs.max() == pytest.approx(0.55)  # the centre of bin 5, the last with six articles
    mean_line = next(line for line in ax.get_lines() if line.get_color() == "black")
    drawn = np.asarray(mean_line.get_xdata())[np.isfinite(mean_line.get_ydata())]
    assert drawn.max() > 0.9  # the mean is drawn where two articles reach, without a band
    plt.close(fig)


def _interval_bounds(fig) -> list[tuple[float, float]]:  # noqa: ANN001
    bounds = []
    for ax in fig.axes:
        for c in ax.containers:
            if isinstance(c, matplotlib.container.ErrorbarContainer) and c.has_xerr:
                segments = c.lines[2][0].get_segments()
                bounds += [(float(s[:, 0].min()), float(s[:, 0].max())) for s in segments]
    return bounds


def test_rate_intervals_never_go_below_zero() -> None:
    # mostly zero rates with one high article: a normal interval (mean - 1.96 se) would be negative
    ids = [f"a{i:02d}" for i in range(20)]
    blocs = ["russian"] * 10 + ["western"] * 10
    values = np.r_[[0.0] * 9, 30.0, [0.0] * 8, 12.0, 25.0]
    rates = pd.DataFrame({"article_id": ids, "bloc": blocs, "group": "capital", "term": "Kiev",
                          "usage": "russian_official", "rate_per_1000": values})
    fig = plots.marker_dots(rates, seed=1)
    bounds = _interval_bounds(fig)
    assert len(bounds) == 2 and all(0 <= low < high for low, high in bounds)
    plt.close(fig)
    summary = pd.DataFrame({"article_id": ids, "outlet": "O", "bloc": blocs, "rate_kiev": values})
    fig = plots.framing_small_multiples(summary, ["rate_kiev"], compact_above=4, seed=1)
    bounds = _interval_bounds(fig)
    assert len(bounds) == 2 and all(0 <= low < high for low, high in bounds)
    plt.close(fig)


def _figure_text(fig) -> str:  # noqa: ANN001
    texts = [fig._suptitle.get_text() if fig._suptitle else ""]
    for ax in fig.axes:
        texts += [ax.get_title(), ax.get_xlabel(), ax.get_ylabel()]
    return "\n".join(texts)


def test_figures_name_their_text_layer(articles: pd.DataFrame) -> None:
    paragraphs = _paragraphs(articles)
    for fig in (plots.tone_along_article(paragraphs.head(20)), plots.tone_along_article(paragraphs)):
        assert "text layer: all sentences" in _figure_text(fig)
        plt.close(fig)
    fig = plots.tone_along_article(paragraphs, layer="all sentences (own words and quotes)")
    assert "text layer: all sentences (own words and quotes)" in _figure_text(fig)
    plt.close(fig)
    words = pd.DataFrame({"bloc": ["russian", "western"], "word": ["peace", "war"], "per_1000_sentences": [3.0, -2.0],
                          "n": [4, 3]})
    fig = plots.word_contributions(words)
    assert "text layer: all sentences" in _figure_text(fig)
    plt.close(fig)
    # each panel says how many sentences its bars are per 1,000 of (a one-article bloc's bars are a few sentences)
    fig = plots.word_contributions(words.assign(sentences=[7, 1_200]))
    cut = "\n(few sentences: bars past the scale are cut)"
    assert [ax.get_title() for ax in _visible_axes(fig)] == ["russian (7 sentences)" + cut, "western (1,200 sentences)"]
    assert fig._suptitle.get_text().startswith("Up to 12 lexicon words")
    plt.close(fig)
    # the few sentences of a small bloc do not set the shared scale: its long bar is cut, its value written
    big = pd.DataFrame({"bloc": ["russian", "western", "western"], "word": ["peace", "war", "calm"],
                        "per_1000_sentences": [400.0, -2.0, 3.0], "n": [3, 30, 40], "sentences": [7, 1_200, 1_200]})
    fig = plots.word_contributions(big)
    russian, western = _visible_axes(fig)
    low, high = western.get_xlim()
    assert russian.get_xlim() == (low, high) and -3 < low < -2 and 3 < high < 4
    assert max(bar.get_width() for bar in russian.patches) == 3.0
    assert [t.get_text() for t in russian.texts] == [" 400 off scale, n=3 "]
    plt.close(fig)
    # a bloc read from a sample: the panel says so, as n counts the sample's occurrences
    fig = plots.word_contributions(words.assign(sentences=[7, 1_200], sentences_read=[7, 500]))
    assert [ax.get_title() for ax in _visible_axes(fig)] == ["russian (7 sentences)" + cut,
                                                            "western\n(a random 500 of 1,200 sentences; n counts them)"]
    plt.close(fig)
    table = pd.DataFrame({"bloc": ["russian", "western"], "mean": [0.1, -0.1], "ci_low": [0.0, -0.2], "ci_high": [0.2, 0.0]})
    fig = plots.raw_vs_neutral(table, table, layer="own words")
    assert "text layer: own words" in _figure_text(fig)
    plt.close(fig)
    for figure in (plots.fightin_words, plots.term_map):
        fig = figure(_keyness(60), "russian", "western")
        assert "text layer: own words" in _figure_text(fig)
        plt.close(fig)
    fig = plots.framing_small_multiples(_summary(articles), MEASURES)
    title = fig._suptitle.get_text()
    assert all(f"{family}_: " in title for family in ("naming", "rate", "frame", "voice"))
    assert "rate_: marker hits per 1,000 words, own words" in " ".join(title.split())
    assert "frame_: frame hits per 100 tokens, own words" in " ".join(title.split())
    plt.close(fig)


def test_legends_cover_no_title_and_no_point_and_a_p_of_one_is_whole(articles: pd.DataFrame) -> None:
    removed = pd.DataFrame({"article_id": np.repeat(articles["article_id"].head(8), 3),
                            "reason": ["navigation", "caption", "credit"] * 8})
    fig = plots.removal_by_reason(overview.removal_by_reason(removed, articles.head(8)))
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    (legend,) = fig.legends
    assert not legend.get_window_extent(renderer).overlaps(fig._suptitle.get_window_extent(renderer))
    plt.close(fig)
    fig = plots.fightin_words(_keyness(), "russian", "western", threshold=2.5)
    fig.canvas.draw()
    (ax,) = _visible_axes(fig)
    legend = ax.get_legend()
    assert not legend.get_window_extent(renderer).overlaps(ax.get_window_extent(renderer))  # outside the points
    plt.close(fig)
    table = pd.DataFrame({"measure": ["tone", "frame"], "layer": ["own words", "all words"], "contrast": "r - w",
                          "p_value": [1.0, 0.01], "min_p": [0.0001, 0.0001]})
    fig = plots.summary_p_values(table)
    ax = fig.axes[0]
    fig.canvas.draw()
    right = ax.transData.transform((1.0, 0))[0] + np.sqrt(22) / 2 * fig.dpi / 72  # the dot's right edge
    assert right < ax.get_window_extent().x1
    plt.close(fig)


@pytest.mark.parametrize("figure", ["fightin_words", "term_map"])
def test_log_axes_print_plain_numbers(figure: str) -> None:
    # counts of 0 to 10 span about a decade: matplotlib's default labels the 2s and 5s as "2×10^0"
    fig = getattr(plots, figure)(_keyness(), "russian", "western")
    fig.canvas.draw()
    (ax,) = [a for a in _visible_axes(fig) if a.get_label() != "<colorbar>"]
    axes = [ax.xaxis] + ([ax.yaxis] if figure == "term_map" else [])
    labels = [t.get_text() for axis in axes for t in [*axis.get_ticklabels(), *axis.get_ticklabels(minor=True)]
              if t.get_text()]
    assert len(labels) >= 3
    assert not [t for t in labels if set(t) & set("$×^\\{}")], labels
    assert all(float(t.replace(",", "")) > 0 for t in labels)
    plt.close(fig)


def test_marker_figure_keeps_its_size_with_many_markers_and_blocs() -> None:
    rng = np.random.default_rng(3)
    blocs = ["russian", "western", "ukrainian", "other", "chinese", "turkish"]
    terms = [(f"group{g}", f"term{g}{k}", "neutral") for g in range(12) for k in range(5)]  # 60 terms
    rates = pd.DataFrame([{"article_id": f"{b}{i}", "bloc": b, "group": g, "term": t, "usage": u,
                           "rate_per_1000": float(rng.exponential(1.0 + k))}
                          for b in blocs for i in range(8) for k, (g, t, u) in enumerate(terms)])
    fig = plots.marker_dots(rates, seed=1)
    width, height = fig.get_size_inches()
    assert height <= plots.framing.MARKER_MAX_HEIGHT and width <= 18
    (ax,) = fig.axes
    assert len(ax.get_yticklabels()) == plots.framing.MARKER_MAX_TERMS
    assert f"{plots.framing.MARKER_MAX_TERMS} of 60 terms" in fig._suptitle.get_text()
    assert "20 left out" in fig._suptitle.get_text()
    bounds = _interval_bounds(fig) or [seg for c in ax.collections for seg in c.get_segments()]
    assert bounds  # every bloc has 8 articles: intervals are drawn
    _assert_no_overlapping_text(fig)
    plt.close(fig)
    few = rates[rates["term"].isin(["term00", "term01"]) & rates["bloc"].isin(["russian", "western"])]
    fig = plots.marker_dots(few, seed=1)
    assert sum(sum(_dots_by_colour(a).values()) for a in fig.axes) == len(few)  # small: one dot per article
    plt.close(fig)


def test_topic_map_shows_blocs_outside_the_compared_pair_in_grey() -> None:
    from matplotlib.colors import to_hex

    rng = np.random.default_rng(0)
    coords = rng.normal(size=(60, 2))
    assignment = np.tile([0, 1, 2], 20)
    blocs = ["russian"] * 25 + ["western"] * 25 + ["ukrainian"] * 7 + ["other"] * 3
    fig = plots.topic_map(coords, assignment, blocs, ["a", "b", "c"], compared=("russian", "western"))
    drawn = [c for ax in fig.axes for c in ax.collections if len(c.get_offsets())]
    grey, context = to_hex(plots.OTHER_COLOURS[2]), to_hex(plots.OTHER_COLOURS[3])
    by_colour: dict[str, int] = {}
    for coll in drawn:
        colour = to_hex(coll.get_facecolors()[0])
        by_colour[colour] = by_colour.get(colour, 0) + len(coll.get_offsets())
    assert by_colour == {to_hex(plots.bloc_colour("russian")): 25, to_hex(plots.bloc_colour("western")): 25, grey: 10,
                         context: 3 * 60}  # (every unit as context in each of the three panels)
    legend = [t.get_text() for leg in fig.legends for t in leg.get_texts()]
    assert "russian (25)" in legend and any(t.startswith("not compared: other (3), ukrainian (7)")
                                            for t in [x.replace("\n", " ") for x in legend])
    plt.close(fig)


def test_word_contributions_without_a_single_lexicon_word_says_so() -> None:
    """On a corpus where no sentence holds a VADER word (articles not in English) the table is empty:
    the figure says why there is nothing to draw, with its text layer, instead of failing."""
    empty = pd.DataFrame(columns=["bloc", "word", "per_1000_sentences", "n"])
    fig = plots.word_contributions(empty, layer="own words")
    words = " ".join([*(t.get_text() for t in fig.texts), *(t.get_text() for ax in fig.axes for t in ax.texts)])
    assert "No sentence holds a word of the VADER lexicon" in words and "text layer: own words" in words
    plt.close(fig)


def test_figure_intervals_over_few_articles_are_not_too_narrow() -> None:
    """The bands and bars the figures compute themselves match the tables' intervals on few articles:
    a t interval (not mean ± 1.96 standard errors) and the expanded percentile bootstrap."""
    from analysis.plots import parts
    from analysis.stats import bootstrap

    mean, low, high = parts._mean_interval(np.array([1.0, 2.0, 3.0, 4.0, 5.0]))
    assert mean == 3.0 and high - mean == pytest.approx(2.7764451 * np.sqrt(2.5) / np.sqrt(5))
    values = np.array([-3.0, -1.0, 0.2, 0.4, 1.0, 3.0])  # (a wide range: no bound is clipped)
    plain = bootstrap.bootstrap_mean_ci(values, seed=4)
    mean, low, high = parts._article_bootstrap(values, seed=4)
    factor = np.sqrt(6 / 5) * 2.5705818 / 1.9599640
    assert (mean - low, high - mean) == pytest.approx(((plain[0] - plain[1]) * factor, (plain[2] - plain[0]) * factor))
    shares = np.array([0.0, 0.0, 0.1, 0.0, 0.3])  # (a share: the widened bound stays within the values)
    assert parts._article_bootstrap(shares, seed=1)[1] >= 0.0


def test_a_bloc_of_one_article_gets_its_dot_and_no_mean_diamond() -> None:
    """A row of one article shows the article's dot alone (a black diamond over it would read as a bloc
    mean and hide it); rows of several articles keep their diamond."""
    articles = _articles(n=13, n_outlets=13).assign(bloc=["russian"] * 6 + ["western"] * 6 + ["other"])
    table, values = _article_table(articles)
    fig = plots.interval_plot(table, "voice", "t", articles=values, seed=1)
    ax = fig.axes[0]
    diamonds = [c for c in ax.containers if isinstance(c, matplotlib.container.ErrorbarContainer)]
    assert len(diamonds) == 4  # (narration and quote rows of russian and western; none for other's two rows)
    other = {matplotlib.colors.to_hex(plots.bloc_colour("other"))}
    dots = [c for c in ax.collections if {matplotlib.colors.to_hex(x) for x in c.get_facecolors()} == other]
    assert len(dots) == 2 and all(len(c.get_offsets()) == 1 for c in dots)
    plt.close(fig)


def test_p_value_labels_put_the_layer_on_its_own_line_and_name_topics_by_label() -> None:
    """A measure with its own parentheses followed by its layer in parentheses read "tone (own words
    (narration and paraphrase))"; a long topic row was cut before its label."""
    table = pd.DataFrame({
        "measure": ["tone (one copy of each shared paragraph)",
                    "topic prevalence (NMF, stable topics only; mostly copied text: 51% of its units): russian / said / lavrov",
                    "topic prevalence (NMF, stable topics only): peskov / dmitry / kremlin"],
        "layer": ["own words (narration and paraphrase)", "all words (own and quoted)", "all words (own and quoted)"],
        "contrast": "r - w", "p_value": [0.07, 0.3, 0.01], "min_p": [0.0001] * 3})
    fig = plots.summary_p_values(table)
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert labels[0] == "tone (one copy of each shared paragraph)\nlayer: own words (narration and paraphrase)"
    assert labels[1] == "topic: russian / said / lavrov (mostly copied text, 51%)\nlayer: all words (own and quoted)"
    assert labels[2].startswith("topic: peskov / dmitry / kremlin\n")
    assert "topic rows: prevalence of the topic (NMF, stable topics only)" in fig._suptitle.get_text()
    plt.close(fig)


def test_framing_summary_names_a_measure_that_is_zero_everywhere_instead_of_drawing_it(articles: pd.DataFrame) -> None:
    summary = _summary(articles).assign(rate_b=0.0, voice_a=np.nan)
    fig = plots.framing_small_multiples(summary, MEASURES)
    titles = [ax.get_title().split("\n")[0] for ax in _visible_axes(fig)]
    assert "rate_b" not in titles and "voice_a" not in titles and len(titles) == len(MEASURES) - 2
    assert "0 in every article, no panel: rate_b, voice_a" in fig._suptitle.get_text()
    plt.close(fig)
    fig = plots.framing_small_multiples(summary.assign(rate_a=0.0), ["rate_a", "rate_b"])  # all zero: still drawn
    assert len(_visible_axes(fig)) == 2 and "no panel" not in fig._suptitle.get_text()
    plt.close(fig)


def test_term_map_without_a_term_beyond_noise_draws_no_colour_scale_and_says_so() -> None:
    table = _keyness()
    fig = plots.term_map(table, "russian", "western", threshold=1.5)  # (|z| up to 2.0: some beyond)
    assert any(a.get_label() == "<colorbar>" for a in fig.axes) and "no term beyond noise" not in fig.axes[0].get_title()
    plt.close(fig)
    fig = plots.term_map(table, "russian", "western", threshold=10.0)
    assert [a.get_label() for a in fig.axes] != ["<colorbar>"] and len(fig.axes) == 1
    (ax,) = fig.axes
    labels = [t for t in ax.texts if t.get_text().startswith("term")]
    assert "no term beyond noise (all grey); the 15 largest |z| labelled" in ax.get_title()
    assert 0 < len(labels) <= 15
    plt.close(fig)


def test_tone_along_article_draws_the_spread_of_every_article_at_scale() -> None:
    """Above a few dozen articles the figure shows the 10th and 90th percentiles of the article means per
    position bin (from every article, not only the sampled lines): a few hundred lines were one smear."""
    rng = np.random.default_rng(3)
    rows = [{"bloc": "russian", "outlet": "O", "article_id": f"r{i:04d}", "paragraph_id": k, "n_sentences": 1,
             "mean": float(rng.uniform(-1, 1)), "position": k / 3} for i in range(200) for k in range(4)]
    table = pd.DataFrame(rows)
    fig = plots.tone_along_article(table, compact_above=10, bins=4)
    (ax,) = _visible_axes(fig)
    dashed = [line for line in ax.lines if line.get_linestyle() == "--"]
    assert len(dashed) == 2
    cell = np.clip(np.digitize(table["position"], np.linspace(0, 1, 5)[1:-1]), 0, 3)
    per_article = table.assign(_bin=cell).groupby(["_bin", "article_id"])["mean"].mean()
    expected = np.array([np.quantile(per_article.loc[b], [0.1, 0.9]) for b in range(4)]).T
    assert np.allclose([line.get_ydata() for line in dashed], expected)
    lines = [c for c in ax.collections if isinstance(c, matplotlib.collections.LineCollection)]
    assert [len(c.get_segments()) for c in lines] == [40]  # the default sample of lines
    plt.close(fig)


def test_removal_by_reason_shows_totals_and_the_distribution_for_many_articles() -> None:
    """Among hundreds of articles tied on their removed lines, bars of 'the 29 with most' were picked by label;
    above `REMOVAL_DISTRIBUTION_ABOVE` articles the figure gives each reason's total and lines per article."""
    rng = np.random.default_rng(2)
    ids = [f"a{k:04d}" for k in range(300)]
    removed = pd.DataFrame({"article_id": rng.choice(ids[:250], 2000),
                            "reason": rng.choice(["navigation", "caption", "credit"], 2000, p=[0.6, 0.3, 0.1])})
    articles = pd.DataFrame({"article_id": ids, "outlet": "O", "bloc": "russian"})
    counts = overview.removal_by_reason(removed, articles)
    fig = plots.removal_by_reason(counts)
    left, right = _visible_axes(fig)
    assert [p.get_width() for p in left.patches] == sorted(removed["reason"].value_counts().tolist(), reverse=True)
    assert sum(p.get_height() for p in right.patches) == 300  # every article, those without removed lines too
    navigation = int(removed.loc[removed["reason"] == "navigation", "article_id"].nunique())
    assert any(f"articles ({navigation / 300:.0%})" in t.get_text() and t.get_text().startswith(" ") for t in left.texts)
    assert "2,000 raw lines removed from 300 articles" in fig._suptitle.get_text()
    _assert_no_overlapping_text(fig)
    plt.close(fig)


def test_tone_along_article_draws_an_interval_bar_in_a_bin_between_two_without() -> None:
    """A band drawn with fill_between shows nothing at a bin whose neighbours have no interval: each bin
    with the minimum of articles also gets a vertical bar."""
    from analysis import stats

    n = stats.MIN_ARTICLES_FOR_INTERVAL
    rows = [{"bloc": "russian", "outlet": "O", "article_id": f"r{i}", "paragraph_id": 0, "n_sentences": 1,
             "mean": 0.1 * i, "position": 0.45} for i in range(n)]  # (bin 4 alone has five articles)
    rows += [{"bloc": "russian", "outlet": "O", "article_id": "x", "paragraph_id": k, "n_sentences": 1, "mean": 0.0,
              "position": p} for k, p in enumerate((0.0, 1.0))]
    fig = plots.tone_along_article(pd.DataFrame(rows), compact_above=1)
    (ax,) = _visible_axes(fig)
    colour = matplotlib.colors.to_hex(plots.bloc_colour("russian"))
    bars = [line for line in ax.lines if matplotlib.colors.to_hex(line.get_color()) == colour
            and line.get_linestyle() == "-" and len(line.get_xdata()) == 2 and line.get_xdata()[0] == line.get_xdata()[1]]
    assert [round(float(b.get_xdata()[0]), 2) for b in bars] == [0.45]
    plt.close(fig)


def test_topic_map_says_how_many_units_sit_exactly_on_another() -> None:
    """Copied paragraphs get one position: 5 of 40 units drawn on others' places are said in the title."""
    coords = np.random.default_rng(0).normal(size=(40, 2))
    coords[35:] = coords[:5]
    fig = plots.topic_map(coords, np.repeat([0, 1], 20), ["russian", "western"] * 20, ["a", "b"])
    assert "5 of the 40 units drawn sit exactly on another (copied text)" in fig._suptitle.get_text()
    plt.close(fig)
    fig = plots.topic_map(coords[:35], np.repeat([0, 1], 20)[:35], ["russian", "western"] * 17 + ["russian"], ["a", "b"])
    assert "sit exactly on another" not in fig._suptitle.get_text()
    plt.close(fig)


def test_topic_map_rings_a_spot_shared_by_units_of_several_blocs() -> None:
    """One paragraph copied into a russian and a western article: its dot has one bloc's colour, so the
    spot gets a ring (in its topic's panel only) and the legend and title say so; a spot shared within
    one bloc gets none."""
    coords = np.random.default_rng(0).normal(size=(40, 2))
    coords[1] = coords[0]  # units 0 (russian) and 1 (western), topic 0: a mixed spot
    coords[22] = coords[20]  # units 20 and 22, both russian, topic 1: not mixed
    fig = plots.topic_map(coords, np.repeat([0, 1], 20), ["russian", "western"] * 20, ["a", "b"])
    panels = [ax for ax in fig.axes if ax.get_visible()]
    from matplotlib.colors import to_hex

    rings = [[c for c in ax.collections if len(c.get_offsets()) and to_hex(c.get_facecolors()[0]) == "#ffffff"]
             for ax in panels]
    assert [sum(len(c.get_offsets()) for c in r) for r in rings] == [1, 0]
    assert np.allclose(rings[0][0].get_offsets()[0], coords[0])
    assert to_hex(rings[0][0].get_edgecolors()[0]) == to_hex(plots.OTHER_COLOURS[0])
    legend = " ".join(t.get_text().replace("\n", " ") for leg in fig.legends for t in leg.get_texts())
    assert "ring: a spot where units of several blocs coincide (1 spot)" in legend
    assert "ringed where they come from several blocs" in fig._suptitle.get_text()
    plt.close(fig)
    fig = plots.topic_map(coords, np.repeat([0, 1], 20), ["russian"] * 40, ["a", "b"])
    assert "ring" not in " ".join(t.get_text() for leg in fig.legends for t in leg.get_texts())
    plt.close(fig)


def test_a_sampled_row_of_dots_keeps_its_extremes(monkeypatch) -> None:  # noqa: ANN001
    """Above MAX_ROW_DOTS a row draws a sample: the largest and smallest values stay, since the axis reaches
    them (a rate panel ran to 80 for one article that was not drawn)."""
    from analysis.plots import parts

    monkeypatch.setattr(parts, "MAX_ROW_DOTS", 10)
    values = np.r_[np.linspace(0, 1, 200), 80.0, -5.0]
    fig, ax = plt.subplots()
    parts._article_row(ax, 0, values, float(values.mean()), np.nan, np.nan, "#000000", seed=3)
    drawn = ax.collections[0].get_offsets()[:, 0]
    assert len(drawn) == 10 and drawn.max() == 80.0 and drawn.min() == -5.0
    plt.close(fig)


def test_the_by_outlet_rows_run_by_bloc_then_most_articles(articles: pd.DataFrame) -> None:
    """Outlet rows were ordered by name as text ("Outlet 10" before "Outlet 2"): within a bloc, most articles first."""
    from analysis.plots.parts import _wrap

    frame = _sentences(articles)
    fig = plots.sentiment_distribution(frame, seed=1, top=60)
    _, by_outlet = _visible_axes(fig)
    sizes = frame.groupby("outlet").agg(bloc=("bloc", "first"), n=("article_id", "nunique")).reset_index()
    expected = sizes.sort_values(["bloc", "n", "outlet"], ascending=[True, False, True])["outlet"]
    assert [t.rsplit("\n(", 1)[0] for t in _ytick_texts(by_outlet)] == [plots.plain(_wrap(o, 34)) for o in expected]
    plt.close(fig)


def test_a_comparison_figure_names_the_blocs_it_leaves_out_below_everything_it_holds() -> None:
    articles = pd.DataFrame({"bloc": ["russian"] * 3 + ["western"] * 2 + ["ukrainian"] * 2 + ["other"]})
    fig, ax = plt.subplots(figsize=(5, 3))
    ax.plot([0, 1], [0, 1])
    ax.set_xlabel("difference")
    fig.legend(["a line"], loc="lower center", bbox_to_anchor=(0.5, -0.3))
    assert plots.left_out_note(fig, articles, ("russian", "western")) is fig
    note = [t for t in fig.texts if "left out" in t.get_text()]
    assert [t.get_text() for t in note] == ["left out of this comparison: ukrainian (2 articles), other (1 article)"]
    renderer = fig.canvas.get_renderer()
    others = [a.get_window_extent(renderer) for a in (*fig.legends, ax.xaxis.label)]
    assert note[0].get_window_extent(renderer).y1 <= min(b.y0 for b in others)  # (under the legend, not on it)
    plt.close(fig)
    fig, _ = plt.subplots()
    plots.left_out_note(fig, articles, ("russian", "western", "ukrainian", "other"))
    assert not fig.texts
    plt.close(fig)
    # a layout engine places an outside legend only when the figure is drawn, and a "tight" save enlarges the figure's
    # box to take in the note: in the saved image, every row of the legend's red patch is above every row of the note
    fig, ax = plt.subplots(figsize=(5, 3), layout="constrained")
    ax.plot([0, 1], [0, 1], color="black")
    fig.legend(handles=[matplotlib.patches.Patch(color="#ff0000", label=f"entry {k}") for k in range(4)],
               loc="outside lower center", ncols=1, labelcolor="#ff0000")  # (red: told apart from the note)
    plots.left_out_note(fig, articles, ("russian", "western"))
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", bbox_inches="tight")
    plt.close(fig)
    from PIL import Image

    pixels = np.asarray(Image.open(buffer).convert("RGB")).astype(int)
    red = np.flatnonzero(((pixels[..., 0] > 200) & (pixels[..., 1] < 60) & (pixels[..., 2] < 60)).any(axis=1))
    grey = np.flatnonzero((np.abs(pixels - 64).max(axis=2) < 12).any(axis=1))  # (the note's 0.25 grey, and the line's)
    note_rows = grey[grey > red.min()]
    assert len(red) and len(note_rows) and red.max() < note_rows.min()
