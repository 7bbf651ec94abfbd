# ---
# jupyter:
#   jupytext:
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
# Kyiv's government, Western arms, past agreements, US mediation...), and do Russian and Western
# outlets give them different weight?
#
# **Data.** The paragraphs of the processed corpus (`data/processed/`): body paragraphs, with the
# standfirst and subheadings joined to the paragraph they head.
#
# **One-line answer (seed corpus).** A few themes can be told apart (Lavrov's statements as
# reported, the Svobodnaya Pressa interview on negotiations, the Kremlin and the West), but on 84
# paragraphs most topics are unstable under resampling, the four models barely agree, and topics
# follow single articles, so topic weights by bloc describe these five articles, not the blocs.

# %%
from analysis import overview, plots, topics

# %% tags=["parameters"]
CORPUS = "data/raw"
OUT = "data/processed"
SEED = 20240601
BLOCS = ("russian", "western")
UNIT = "paragraph"
K_GRID = tuple(range(2, 9))
N_RESAMPLES = 20
N_BOOT = 2000

# %% [markdown]
# ## Features
#
# TF-IDF (sublinear term frequency) over the project's lower-cased tokens, English stop words
# removed, unigrams and bigrams. The minimum document frequency adapts to the corpus
# (`topics.adaptive_min_df`: 1 below 50 units, then 2, rising by one per thousand units up to 10);
# terms in more than 80% of units are dropped.

# %%
tables = overview.read_tables(OUT)
plots.set_provenance(tables, CORPUS=CORPUS, OUT=OUT, SEED=SEED, BLOCS=BLOCS, UNIT=UNIT, K_GRID=K_GRID, N_RESAMPLES=N_RESAMPLES, N_BOOT=N_BOOT)
data = topics.units(tables, UNIT)
tfidf, counts, vocab = topics.vectorize(data["text"].tolist())
{"units": tfidf.shape[0], "terms kept": tfidf.shape[1], "min_df": topics.adaptive_min_df(len(data)),
 "units per bloc": data["bloc"].value_counts().to_dict()}

# %% [markdown]
# ## Choosing k
#
# For each k: the mean NPMI coherence of the top eight terms of NMF and LDA topics, computed from
# document co-occurrence in this corpus (Lau, Newman and Baldwin 2014); NMF's reconstruction
# error; and the silhouette of the k-means and agglomerative clusterings.

# %%
grid = topics.k_grid(tfidf, counts, [k for k in K_GRID if k < len(data)], SEED)
k, why = topics.choose_k(grid)
print(why)
fig = plots.k_grid(grid, k)
plots.save(fig, "topics_k_grid")
grid.round(3)

# %% [markdown]
# ## The topics
#
# NMF (topics as weighted terms) and LDA (on raw counts) with the chosen k. Stability: NMF is refitted
# on random 80% samples of the units, each refitted topic is matched to the full-corpus topic it
# shares most top terms with, and the mean Jaccard similarity of the top ten terms is the topic's
# stability (Greene, O'Callaghan and Cunningham 2014). Topics below 0.5 are flagged `(unstable)`
# in every table and figure. `ctfidf_terms` are the class-based TF-IDF terms of the units whose
# dominant topic it is, as BERTopic computes them.

# %%
models = topics.fit(tfidf, counts, k, SEED)
stability = topics.topic_stability(tfidf, k, range(N_RESAMPLES))
coherence = topics.npmi_coherence(topics.top_indices(models["nmf"]["components"], 8), counts)
nmf_table = topics.topic_table(models["nmf"], vocab, counts, coherence, stability)
labels = nmf_table["label"].tolist()
nmf_table

# %%
fig = plots.topic_stability(nmf_table)
plots.save(fig, "topics_stability")

# %%
lda_coherence = topics.npmi_coherence(topics.top_indices(models["lda"]["components"], 8), counts)
lda_stability = stability.assign(stability=float("nan"))
topics.topic_table(models["lda"], vocab, counts, lda_coherence, lda_stability).drop(columns=["stability", "unstable"])

# %% [markdown]
# ## The evidence: the three paragraphs that weigh most on each topic
#
# Judge each label by these texts, not by its words alone.

# %%
topics.representative_units(data, models["nmf"]["weights"], labels)

# %% [markdown]
# ## Clusterings, and how much the models agree
#
# k-means and agglomerative (Ward) clusterings of the LSA projection put each unit in one cluster.
# The adjusted Rand index between all four models' hard assignments, and the stability of k-means
# under the same resampling (1 = the same partition every time, 0 = chance):

# %%
print(f"k-means stability (mean ARI over {N_RESAMPLES} resamples): {topics.cluster_stability(tfidf, k, range(N_RESAMPLES)):.2f}")
topics.model_agreement(models).round(2)

# %% [markdown]
# ## Topics by bloc and by outlet
#
# Mean NMF topic weight (each unit's weights sum to 1): per bloc with a two-level bootstrap
# interval (articles within the bloc, then units within articles), and per outlet.

# %%
by_bloc = topics.prevalence(data, models["nmf"]["weights"], labels, n_boot=N_BOOT, seed=SEED)
fig = plots.topic_prevalence(by_bloc)
plots.save(fig, "topics_prevalence_by_bloc")
by_bloc.round(3)

# %%
topics.prevalence_by_outlet(data, models["nmf"]["weights"], labels, n_boot=N_BOOT, seed=SEED).pivot_table(
    index="label", columns=["bloc", "outlet"], values="mean").round(2)

# %% [markdown]
# With one article per outlet, a topic that only one article discusses shows up as that outlet's,
# and so as its bloc's: the per-outlet table shows whether a bloc difference is one article.

# %% [markdown]
# ## A map of the paragraphs
#
# Units on the first two LSA dimensions (a linear projection, reproducible for a seed), coloured by
# their dominant NMF topic and shaped by bloc.

# %%
coords = topics.topic_map(tfidf, SEED)
fig = plots.topic_map(coords, models["nmf"]["weights"].argmax(axis=1), data["bloc"].tolist(), labels)
plots.save(fig, "topics_map")

# %% [markdown]
# ## Limits
#
# - **About eighty paragraphs from five articles.** Topic models need many documents; here a
#   "topic" is often one article's subject, and the stability column says which topics would
#   survive a different sample. Do not read bloc differences in topic weight as differences
#   between Russian and Western media.
# - The choice of k is a judgement among criteria that disagree on small data (the grid shows
#   them all); other k give other, equally defensible topics.
# - Bag-of-words topics ignore negation and stance: "ceasefire" in "Russia rejects a ceasefire"
#   and in "Russia backs a ceasefire" count the same. The framing notebook (02) reads stance
#   more directly.
# - On a corpus of thousands of articles the same code gives more stable topics; pass it with
#   `python -m analysis reproduce --corpus ... --out ...`.
