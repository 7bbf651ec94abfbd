# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 04 · Results at a glance: every bloc contrast in one table
#
# **Question.** What do the notebooks find when the two blocs are compared, measure by measure,
# and how much can each difference carry?
#
# **Data.** The processed tables (`OUT`, by default `data/processed/`). This notebook also writes
# the table for a paper, as `summary.csv` and `summary.tex` in `TABLES` (by default `reports/tables/`
# for the project's own build and `OUT/tables/` for another, as `python -m analysis reproduce --out OUT`
# writes them), with `corpus.csv|tex` (articles,
# sentences, tokens and quotes per bloc and outlet) and `keyness_top.csv|tex` (each bloc's most
# distinctive terms).
#
# **One-line answer.** Computed below for the corpus at hand (no answer is written here, as it would
# hold for one corpus only). On a corpus as small as the seeds, 2 against 3 articles allow only 10
# relabellings, so no contrast can reach p < 0.1.

# %%
from IPython.display import Markdown

from analysis import overview, plots, stats, summary, topics
from analysis.display import blanks_explained

# %% tags=["parameters"]
CORPUS = "data/raw"  # the raw articles the tables were built from (for the record and rebuild commands; the notebook reads OUT)
OUT = "data/processed"  # the folder `python -m analysis build` wrote: point it at another build to read that one (its figures then go to OUT/figures/)
SEED = 20240601  # seed of every random draw here (bootstrap, permutations, samples): another seed, slightly other intervals
BLOCS = ("russian", "western")  # the two blocs compared, first minus second (absent ones: the two largest); recomputed here
N_BOOT = 2000  # bootstrap resamples per interval: more is steadier and slower
STABLE_AT = 0.5  # smallest topic stability for a topic row (build's cut-off: 0.5), as in notebook 03; recomputed here
TABLES = None  # where the tables for a paper are written as CSV and LaTeX (None: reports/tables/ for the project's build, OUT/tables/ for another; a relative path is under the project root)

# %% [markdown]
# ## Method
#
# One row per contrast the other notebooks report. Every row compares **articles**: each measure
# is first reduced to one value per article (the mean tone of its sentences, its naming index, the
# share of its quotes given to a speaker group, the share of its paragraphs in a topic), and the
# bloc value is the mean of those article values. Columns:
#
# - `layer`: which words the measure reads: the outlet's **own words** (narration and its
#   paraphrase of others), the **quoted words**, or all of them. The two are different data. The
#   voice shares read **quoted and paraphrased speakers**: whom the outlet quotes or paraphrases, so
#   a paraphrase counts there as a voice while its wording counts as own words in the tone and
#   naming rows.
# - `estimate`: bloc A minus bloc B.
# - `ci_low`, `ci_high`: a 95% bootstrap interval over articles (each kept whole with its value),
#   left empty when a bloc has fewer than 5 articles: with fewer, resampling only reshuffles
#   the same few texts.
# - `p_value`: an article-level permutation test: how often relabelling the articles at random
#   gives a difference at least as large. Exact over every relabelling when they are few. Left
#   empty, by the same rule, when a bloc has fewer than 5 articles with a value (the seed corpus's
#   2 against 3 articles have only 10 relabellings, so p could not go below 0.1); the `method`
#   column says why.
# - `min_p`: the smallest p-value the test can give (empty where there is no p-value): the design's
#   when every relabelling is counted (it depends only on the articles), else 1 / (draws + 1), the
#   floor of the relabellings drawn, which says nothing about the design.
# - `n_articles_a`, `n_articles_b`: the articles with a value (an article without quotes has no
#   quoted-words tone).
#
# The terms in plain words, in the [glossary](../docs/glossary.md): [article as unit](../docs/glossary.md#article-as-unit),
# [mean of article means](../docs/glossary.md#mean-of-article-means),
# [bootstrap interval](../docs/glossary.md#bootstrap-interval) and [why none below 5 articles](../docs/glossary.md#no-interval-below-5-articles),
# [permutation test](../docs/glossary.md#permutation-test), [the smallest p a design allows](../docs/glossary.md#smallest-p-a-design-allows),
# [own words and quoted words](../docs/glossary.md#own-words-and-quoted-words-layers),
# [naming index](../docs/glossary.md#naming-index) and [topic stability](../docs/glossary.md#topic-stability).
#
# **What it leaves out.** Blocs other than the two compared; outlets are not modelled by the permutation
# tests and intervals (several articles of one outlet count as independent: only the mixed model's row of
# own-words tone gives outlets their own intercept); articles that print the same paragraphs count as
# independent too (the note below says how many; a topic whose units are mostly copied paragraphs says
# so in its row, as its prevalence may be one reused text rather than a theme); many rows are tested,
# and some of them overlap (layers of one measure, speaker shares that sum to one), so some small
# p-values are expected by chance alone and they are not corrected for the number of tests.

# %%
tables = overview.read_tables(OUT)
a, b = stats.compared_blocs(stats.blocs_with_text(tables["articles"]), BLOCS)
shared = overview.copied_paragraphs(tables)  # (paragraphs other articles print: read once, used twice)
copied = overview.shared_text_note(tables, a, b, shared=shared)  # (articles that print the same paragraphs are not independent)
Markdown(stats.comparison_note(tables["articles"], BLOCS) + "\n\n" + copied)

# %%
tables = topics.with_stability_cutoff(tables, STABLE_AT)  # which topics get a row (see STABLE_AT)

# %%
plots.set_provenance(tables, CORPUS=CORPUS, OUT=OUT, SEED=SEED, BLOCS=BLOCS, N_BOOT=N_BOOT, STABLE_AT=STABLE_AT)
table = summary.bloc_contrasts(tables, a, b, n_boot=N_BOOT, seed=SEED, shared=shared)
blanks_explained(table.drop(columns=["method"]), "not computed for that row: its method, listed below the figure, says why",
                 digits=4)

# %% [markdown]
# The same rows as a picture: each dot is a contrast's p-value, each grey tick the smallest p-value
# its test can give. Where every relabelling is counted (few articles) that is the design's floor: it
# depends only on how many articles each bloc has, and for how many of them the measure exists, and a
# tick to the right of the dashed line means no difference, however large, could have reached that
# level with these articles. Where relabellings are drawn (many articles) the tick is the floor of
# the draws, 1 / (draws + 1), and a dot on it means "at most that small".

# %%
fig = plots.left_out_note(plots.summary_p_values(table), tables["articles"], (a, b))
plots.save(fig, "results_p_values")

# %% [markdown]
# How each row was tested (the smallest p-value the design allows is part of it):

# %%
Markdown("\n".join(f"- **{m}** ({layer}): {method}" for m, layer, method
                   in table[["measure", "layer", "method"]].drop_duplicates("method").itertuples(index=False)))

# %% [markdown]
# ## Tables for a paper
#
# The table above (`summary`), the articles, sentences, tokens and quotes per bloc and outlet
# (`corpus`) and the most distinctive terms of each bloc (`keyness_top`), each as CSV and as a LaTeX
# tabular, in the folder `TABLES`:

# %%
written = summary.write_paper_tables(tables, a, b, TABLES, contrasts=table, out=OUT)
Markdown(", ".join(f"`{path.name}`" for path in written))

# %% [markdown]
# **Try this.**
#
# - Set `BLOCS` to another pair of this corpus's blocs (the line below names them) and rerun: every
#   row is recomputed for that pair, in that order, and so are the tables written for a paper.
# - Set `STABLE_AT = 0.3`: topics that notebook 03 flags unstable at 0.5 get rows here too; read
#   them with that notebook's stability table beside you.

# %%
Markdown(stats.blocs_tip(tables["articles"], BLOCS))

# %% [markdown]
# ## The answer on this corpus

# %%
Markdown(summary.answer(table) + "\n\n" + copied)
