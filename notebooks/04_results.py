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
# **Data.** The processed tables (`OUT`, by default `data/processed/`). The same table is written
# by `python -m analysis reproduce` as `reports/tables/summary.csv` and `summary.tex` (for a paper),
# or under `OUT/tables/` for your own corpus.
#
# **One-line answer.** Computed below for the corpus at hand. Seed corpus reading (5 articles):
# no contrast can reach p < 0.1, because 2 against 3 articles allow only 10 relabellings; the
# table describes these five texts.

# %%
from IPython.display import Markdown

from analysis import overview, plots, stats, summary

# %% tags=["parameters"]
CORPUS = "data/raw"
OUT = "data/processed"
SEED = 20240601
BLOCS = ("russian", "western")
N_BOOT = 2000

# %% [markdown]
# ## Method
#
# One row per contrast the other notebooks report. Every row compares **articles**: each measure
# is first reduced to one value per article (the mean tone of its sentences, its naming index, the
# share of its quotes given to a speaker group, the share of its paragraphs in a topic), and the
# bloc value is the mean of those article values. Columns:
#
# - `layer`: which words the measure reads: the outlet's **own words** (narration and its
#   paraphrase of others), the **quoted words**, or all of them. The two are different data.
# - `estimate`: bloc A minus bloc B.
# - `ci_low`, `ci_high`: a 95% bootstrap interval over articles (and sentences within them, for
#   tone), left empty when a bloc has fewer than 5 articles: with fewer, resampling only reshuffles
#   the same few texts.
# - `p_value`: an article-level permutation test: how often relabelling the articles at random
#   gives a difference at least as large. Exact over every relabelling when they are few.
# - `min_p`: the smallest p-value the design allows (with 2 against 3 articles there are only 10
#   relabellings, so p cannot go below 0.1).
# - `n_articles_a`, `n_articles_b`: the articles with a value (an article without quotes has no
#   quoted-words tone).
#
# **What it leaves out.** Blocs other than the two compared; outlets are not modelled (several
# articles of one outlet count as independent); many rows are tested, so some small p-values are
# expected by chance alone.

# %%
tables = overview.read_tables(OUT)
a, b = stats.compared_blocs(tables["articles"]["bloc"], BLOCS)
Markdown(stats.comparison_note(tables["articles"], BLOCS))

# %%
plots.set_provenance(tables, CORPUS=CORPUS, OUT=OUT, SEED=SEED, BLOCS=BLOCS, N_BOOT=N_BOOT)
table = summary.bloc_contrasts(tables, a, b, n_boot=N_BOOT, seed=SEED)
table.drop(columns=["method"])

# %% [markdown]
# The same rows as a picture: each dot is a contrast's p-value, each grey tick the smallest p-value
# its design allows (it depends only on how many articles each bloc has, and for how many of them
# the measure exists). A tick to the right of the dashed line means no difference, however large,
# could have reached that level with these articles.

# %%
fig = plots.summary_p_values(table)
plots.save(fig, "results_p_values")

# %% [markdown]
# How each row was tested (the smallest p-value the design allows is part of it):

# %%
Markdown("\n".join(f"- **{m}** ({layer}): {method}" for m, layer, method
                   in table[["measure", "layer", "method"]].drop_duplicates("method").itertuples(index=False)))

# %% [markdown]
# ## The answer on this corpus

# %%
Markdown(summary.answer(table))
