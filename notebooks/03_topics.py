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
# # 03 · Topics: what themes run through the coverage, and who weighs them how?
#
# **Question.** What themes run through this coverage (ceasefire terms, territory, the legitimacy of
# Kyiv's government, Western arms, past agreements, US mediation...; which of them a corpus holds is
# for the topics below to show, and they may instead be who speaks), and do the outlets of two blocs
# (`BLOCS`: Russian and Western by default, else the two largest blocs) give them different weight?
#
# **Data.** The topic tables `python -m analysis build` writes (`topics`, `topic_summary`, `topic_grid`,
# `topic_evidence`, `topic_map` in `data/processed/`): this notebook reads them and fits nothing, so
# what it shows is what `build` wrote. Units are body paragraphs, with the standfirst and
# subheadings joined to the paragraph they head. Topics read every word of a unit, the outlet's own
# and the words it quotes together (a paragraph is one unit): a topic can be a speaker's words, or
# who speaks, as much as the outlet's own subject.
#
# **One-line answer.** Printed by the first cell below, computed from the tables of the corpus this
# notebook was run on: how many units, the chosen k, and how many topics survive resampling. Only
# topics that do are compared between blocs.

# %%
from IPython.display import Markdown, display

from analysis import overview, plots, stats, topics
from analysis.display import blanks_explained

# %% tags=["parameters"]
CORPUS = "data/raw"  # the raw articles the tables were built from (for the record and rebuild commands; the notebook reads OUT)
OUT = "data/processed"  # the folder `python -m analysis build` wrote: point it at another build to read that one (its figures then go to OUT/figures/)
SEED = 20240601  # seed of every random draw here (bootstrap, permutations, samples): another seed, slightly other intervals
BLOCS = ("russian", "western")  # the two blocs compared, first minus second (absent ones: the two largest); recomputed here
N_BOOT = 2000  # bootstrap resamples per interval: more is steadier and slower
STABLE_AT = 0.5  # smallest stability a topic needs to be compared between blocs (build's cut-off: 0.5); recomputed here
TOPIC_UNITS = None  # None: whatever build used; a number: the paragraphs build may model (--topic-units), checked: needs a rebuild

# %%
tables = topics.with_stability_cutoff(overview.read_tables(OUT), STABLE_AT)
overview.require_topics(tables)
overview.require_built_with(OUT, CORPUS, topic_units=TOPIC_UNITS)
plots.set_provenance(tables, CORPUS=CORPUS, OUT=OUT, SEED=SEED, BLOCS=BLOCS, N_BOOT=N_BOOT, STABLE_AT=STABLE_AT,
                     TOPIC_UNITS=TOPIC_UNITS)
print(topics.describe(tables, cutoff=STABLE_AT))
a, b = stats.compared_blocs(stats.blocs_with_text(tables["articles"]), BLOCS)  # the rule of notebooks 01, 02 and 04
shared = overview.shared_paragraph_keys(tables)  # (paragraphs another article prints: read once, used twice)
copied = overview.shared_text_note(tables, a, b, shared=shared)  # (shown with the comparison)

# %% [markdown]
# ## How the topics are made, and what changed for large corpora
#
# **Method and terms.** In plain words, in the [glossary](../docs/glossary.md): [TF-IDF](../docs/glossary.md#tf-idf),
# [NMF, LDA, k-means and Ward](../docs/glossary.md#nmf-lda-k-means-and-ward), [LSA](../docs/glossary.md#lsa),
# [NPMI coherence](../docs/glossary.md#npmi-coherence), [nested n-grams](../docs/glossary.md#nested-n-grams),
# [silhouette](../docs/glossary.md#silhouette), [c-TF-IDF](../docs/glossary.md#c-tf-idf),
# [topic stability](../docs/glossary.md#topic-stability), [ARI](../docs/glossary.md#ari),
# [article as unit](../docs/glossary.md#article-as-unit), [bootstrap interval](../docs/glossary.md#bootstrap-interval)
# and [permutation test](../docs/glossary.md#permutation-test).
#
# TF-IDF (sublinear term frequency) over the project's lower-cased tokens, English stop words
# removed, unigrams and bigrams; the minimum document frequency adapts to the corpus
# (`topics.adaptive_min_df`), terms in more than 80% of units are dropped. Every model is fitted by
# `build`, not here: changing `min_df`, k or the models means changing the code and running
# `python -m analysis build` again. `build` takes the
# paragraphs of a fixed sample of articles up to `--topic-units` (20,000 by default).
#
# Earlier versions fitted every model on every unit for every k, with batch LDA, Ward linkage and
# dense silhouettes: on 2,000 generated articles the build did not finish in 20 minutes and grew
# past 3 GB. Now each costly step sees at most a fixed number of units (`topics.LIMITS`, shown
# below), a sample chosen by a hash of seed, article and paragraph (not by file order), and the other
# units are assigned with the fitted model:
#
# - the k grid is scored on one sample (NMF coherence, k-means and Ward silhouettes); LDA is no
#   longer fitted for every k, because it cost more than everything else together;
# - NMF, the LSA basis and k-means are fitted on a sample, then every unit is projected or assigned;
# - LDA uses online variational Bayes (`learning_method="online"`) on a smaller sample;
# - Ward linkage needs memory quadratic in the units, so it clusters a sample and every other unit
#   joins the nearest cluster mean;
# - stability refits NMF and k-means on resamples of a bounded sample;
# - the stage runs on one BLAS/OpenMP thread: on a few shared cores, threads waiting for each other
#   cost more than they gained, and the results no longer depend on the machine's core count.
#
# Above `--topic-units` paragraphs the stage's work no longer grows with the corpus (apart from
# reading the paragraphs table); `benchmarks/RESULTS.md` has the measured times.
#
# On a corpus below every limit (the five seed articles, the 48-article test corpus), every model
# still sees every unit. The sizes each model was fitted on are in the `fit_units` column below.

# %%
topics.LIMITS

# %% [markdown]
# ## Choosing k
#
# For each k: the mean NPMI coherence of the top eight terms of NMF topics, from document
# co-occurrence in the grid's units (Lau, Newman and Baldwin 2014); NMF's reconstruction error; and
# the cosine silhouette of the k-means and Ward clusterings of the LSA projection. k is the best mean
# rank over NMF coherence and k-means silhouette (the smaller k on ties).

# %%
grid = tables["topic_grid"]
k, why = topics.choose_k(grid)
print(why)
fig = plots.k_grid_scores(grid, k)
plots.save(fig, "topics_k_grid")
grid

# %% [markdown]
# ## The topics
#
# NMF topics with the chosen k. Stability: NMF is refitted on random 80% resamples of a bounded
# sample of units, each refitted topic is matched to a reported topic by its top ten terms
# (Hungarian matching), and the mean Jaccard similarity of the top ten terms is the topic's
# stability (Greene, O'Callaghan and Cunningham 2014). Topics below `STABLE_AT` (0.5 by default,
# the cut-off `build` used) are flagged `(unstable)` in every table and figure. `ctfidf_terms` are the class-based TF-IDF terms of the units whose
# dominant topic it is, as BERTopic computes them.

# %%
summary = tables["topic_summary"]
nmf_table = summary[summary["model"] == "nmf"].drop(columns="model")
nmf_table

# %%
fig = plots.topic_stability(nmf_table, threshold=STABLE_AT)
plots.save(fig, "topics_stability")

# %% [markdown]
# **Try this.**
#
# - Set `STABLE_AT = 0.7` (stricter) or `0.3` (looser) in the parameters cell and rerun: which
#   topics count as stable, their "(unstable)" labels and every bloc and outlet table below are
#   recomputed from the stabilities `build` measured (nothing is refitted), and so is the
#   stability figure's dashed line.
# - Set `TOPIC_UNITS = 500`: the notebook stops with the exact `build --topic-units 500` command
#   to run first, because only a new build fits the models on another number of paragraphs.
# - Set `BLOCS` to another pair of this corpus's blocs (the line below names them): the bloc tables
#   are recomputed for that pair, in that order (the topics themselves do not depend on the blocs).

# %%
Markdown(stats.blocs_tip(tables["articles"], BLOCS))

# %% [markdown]
# LDA on raw counts with the same k, for comparison; its stability is not measured (it is the
# slowest model to refit), so no LDA topic is used for a bloc comparison.

# %%
summary[summary["model"] == "lda"].drop(columns=["model", "stability"])

# %% [markdown]
# ## The evidence: three paragraphs for each topic
#
# Judge each label by these texts, not by its words alone. Rule: the heaviest units first (weights
# rounded to four decimals), at most one per article while other articles remain, and ties broken
# by a hash of seed, article and paragraph, never by file order.

# %%
evidence = tables["topic_evidence"]
evidence[evidence["model"] == "nmf"].drop(columns="model")

# %% [markdown]
# ## Clusterings, and how much the models agree
#
# k-means and Ward clusterings of the LSA projection put each unit in one cluster. k-means
# stability is the mean Jaccard overlap of each cluster's members with its match under the same
# resampling; the adjusted Rand index compares the four models' hard assignments (1 = the same
# partition, about 0 = chance).

# %%
summary[summary["model"] == "kmeans"][["topic", "label", "n_units", "stability", "status"]]

# %%
topics.model_agreement(tables["topics"]).round(2)

# %% [markdown]
# ### Do the topics follow themes or articles?
#
# Paragraphs of one article share words, so a model can return "topics" that are really
# articles. The adjusted Rand index (ARI) compares two groupings of the same paragraphs, corrected
# for chance: 0 means a paragraph's dominant topic says no more about which article it is from than
# chance would; 1 means every topic is exactly one article's paragraphs. `top_article_share` is,
# averaged over topics, the share of a topic's paragraphs that its largest article contributes.
# High values mean a bloc difference in a topic mostly repeats that some articles differ.

# %%
topics.article_dependence(tables)

# %% [markdown]
# ### Are the topics copied text?
#
# The check above cannot see one paragraph printed by several articles (syndicated wire copy, reused or
# recombined text): its copies sit in different articles. For each NMF topic, the share of its
# paragraphs whose text (case, punctuation and spacing ignored, 12+ words) another article also
# prints. A topic made mostly of copies may be one text repeated rather than a theme: its coherence
# and stability then measure the repetition, and a bloc difference in it counts the copies.

# %%
copies = topics.copied_units(tables, shared)
display(Markdown(topics.copied_units_text(copies)))
copies

# %% [markdown]
# ## Topics by bloc and by outlet
#
# For each stable NMF topic: the share of an article's paragraphs whose dominant topic it is,
# averaged over the articles of each bloc, with a bootstrap interval that resamples the bloc's
# articles, each kept whole. The article is the unit. The two blocs compared are
# `BLOCS` (if the corpus lacks one of them, its two largest blocs, ties broken by name: the rule of
# notebooks 01, 02 and 04); unstable topics and the other blocs are left out; the next lines say which.

# %%
display(Markdown(stats.comparison_note(tables["articles"], BLOCS) + "\n\n" + copied))
by_bloc, left_out = topics.bloc_prevalence(tables, (a, b), n_boot=N_BOOT, seed=SEED)
print(left_out)
fig = plots.left_out_note(plots.topic_prevalence(by_bloc, topics.article_shares(tables), seed=SEED), tables["articles"], (a, b))
plots.save(fig, "topics_prevalence_by_bloc")
blanks_explained(by_bloc, stats.no_interval(), digits=4)

# %% [markdown]
# The difference between the two compared blocs for each stable topic, with an article-level
# permutation p-value (exact when the relabellings of articles are few, otherwise the library's
# `stats.N_PERMUTATIONS` random ones drawn with `SEED`: the same test as the results summary of
# notebook 04, so a topic's contrast has one p-value in both), given only where each bloc has at
# least `stats.MIN_ARTICLES_FOR_INTERVAL` articles (the `tested` column says how it was computed,
# or why there is none). A small p on a handful of articles is still a handful of articles.

# %%
blanks_explained(topics.bloc_difference(tables, a, b, seed=SEED), "not computed: the `tested` column says why", digits=4)

# %% [markdown]
# Per outlet (every bloc), the same shares for the stable topics: a bloc difference that comes from
# one or two outlets shows here.

# %%
topics.outlet_prevalence(tables, n_boot=N_BOOT, seed=SEED)

# %% [markdown]
# ## A map of the paragraphs
#
# Units on the first two LSA dimensions (a linear projection, reproducible for a seed), one panel per
# dominant NMF topic: each panel draws its topic's units coloured by bloc (each bloc's colour in every
# figure) for the two compared blocs, and in dark grey for every other bloc (named in the legend),
# over all other units in pale grey, so overlapping topics and blocs stay apart. Above 3,000 units, a
# fixed random sample is drawn. Copied paragraphs sit exactly on one another, so one dot stands for
# them all; where they come from articles of several blocs, the dot is white with a dark ring (its
# colour could show one bloc only). Units close together tend to use similar words, but two dimensions
# keep only part of the differences, and the axes have no meaning of their own to read.

# %%
data, _ = topics.assignments(tables, "nmf")
points = tables["topic_map"].merge(data[["article_id", "paragraph_id", "topic", "bloc"]], on=["article_id", "paragraph_id"])
fig = plots.topic_map(points[["x", "y"]].to_numpy(), points["topic"].to_numpy(), points["bloc"].tolist(),
                      nmf_table["label"].tolist(), compared=(a, b))
plots.save(fig, "topics_map")

# %% [markdown]
# ## Limits
#
# The size of this corpus and what was compared, computed from the tables:

# %%
print(topics.describe(tables, cutoff=STABLE_AT))
print(left_out)
print(topics.articles_per_bloc_text(data))

# %% [markdown]
# - A topic is only as good as its stability: on a small corpus a "topic" is often one article's
#   subject. Read the bloc table only for topics flagged stable, and even then as a description of
#   these articles, not of the blocs' media at large.
# - The choice of k is a judgement among criteria that disagree (the grid shows them all); other k
#   give other, equally defensible topics.
# - Above the limits, models are fitted on samples: a rare theme present in few units may be missed
#   by the sample, and `--topic-units` caps the articles whose paragraphs are modelled at all.
# - Bag-of-words topics ignore negation and stance: "ceasefire" in "Russia rejects a ceasefire"
#   and in "Russia backs a ceasefire" count the same. The framing notebook (02) reads stance
#   more directly.
