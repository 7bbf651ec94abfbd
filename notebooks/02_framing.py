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
# # 02 · Framing: how do outlets of two blocs frame the same statements?
#
# **Question.** When the outlets of two blocs (`BLOCS`: Russian and Western by default, else the two largest blocs)
# report what Lavrov, Peskov and Putin say about peace
# talks, do they use different words, different names for the same things, different news frames,
# and different voices?
#
# **Data.** The kept text of the processed corpus (`OUT`, by default `data/processed/`), and the framing tables `build`
# writes next to it (`keyness`, `article_terms`, `markers`, `frames`, `voices`, `article_framing`).
#
# **One-line answer.** Computed from the data of the corpus this notebook was run on, in the section
# "The answer on this corpus" at the end (no answer is written here, as it would hold for one corpus only).

# %%
from IPython.display import Markdown, display

from analysis import evaluate, framing, overview, plots, stats
from analysis.display import blanks_explained
from analysis.summary import keyness_top

# %% tags=["parameters"]
CORPUS = "data/raw"  # the raw articles the tables were built from (for the record and rebuild commands; the notebook reads OUT)
OUT = "data/processed"  # the folder `python -m analysis build` wrote: point it at another build to read that one (its figures then go to OUT/figures/)
SEED = 20240601  # seed of every random draw here (bootstrap, permutations, samples): another seed, slightly other intervals
BLOCS = ("russian", "western")  # the two blocs compared, first minus second (absent ones: the two largest); recomputed here
N_BOOT = 2000  # bootstrap resamples per interval: more is steadier and slower
N_PERM = 200  # most label shuffles for the keyness noise threshold and the prior table (exact below that)
KWIC_TERMS = ("Kiev", "Kyiv", "special military operation", "regime", "negotiations")  # terms shown in context in section 5 (any words; found in the text here)
MIN_ARTICLES_PER_TERM = 2  # keyness lists only terms used by at least this many articles (1: every term); recomputed here
PRIOR_SCALE = 1.0  # weight of the Fightin' Words prior (x the pooled counts): smaller lets rare terms reach larger |z|; recomputed here

# %%
tables = overview.read_tables(OUT)
plots.set_provenance(tables, CORPUS=CORPUS, OUT=OUT, SEED=SEED, BLOCS=BLOCS, N_BOOT=N_BOOT, N_PERM=N_PERM,
                     KWIC_TERMS=KWIC_TERMS, MIN_ARTICLES_PER_TERM=MIN_ARTICLES_PER_TERM, PRIOR_SCALE=PRIOR_SCALE)
a, b = framing.compared_blocs(stats.blocs_with_text(tables["articles"]), BLOCS)
copied = overview.shared_text_note(tables, a, b)  # (articles that print the same paragraphs: shown with the answer)
texts = framing.paragraphs_with_bloc(tables)
tables["articles"].groupby("bloc").agg(articles=("article_id", "size"), tokens=("n_tokens", "sum"))

# %% [markdown]
# **Method and terms.** The terms below in plain words, in the [glossary](../docs/glossary.md):
# [article as unit](../docs/glossary.md#article-as-unit), [Dirichlet prior and log-odds z (Fightin' Words)](../docs/glossary.md#dirichlet-prior-and-log-odds-z-fightin-words),
# [minimum articles per term](../docs/glossary.md#minimum-articles-per-term),
# [the noise threshold from shuffled blocs](../docs/glossary.md#noise-threshold-from-shuffled-blocs),
# [token-level chi2 and G2](../docs/glossary.md#token-level-chi2-and-g2),
# [unigrams, bigrams and spelling variants](../docs/glossary.md#unigrams-bigrams-and-spelling-variants),
# [own words and quoted words](../docs/glossary.md#own-words-and-quoted-words-layers),
# [naming index](../docs/glossary.md#naming-index), [news frames](../docs/glossary.md#news-frames),
# [dictionaries](../docs/glossary.md#dictionary-word-list), [bootstrap interval](../docs/glossary.md#bootstrap-interval),
# [permutation test](../docs/glossary.md#permutation-test) and [the smallest p a design allows](../docs/glossary.md#smallest-p-a-design-allows).
#
# The descriptive tables and figures below show every bloc. Sections 1 and 6 compare two blocs
# (`BLOCS`; if the corpus lacks one of them, its two largest blocs, ties broken by name), with
# articles as the unit:

# %%
Markdown(stats.comparison_note(tables["articles"], BLOCS))

# %% [markdown]
# ## 1. Distinctive vocabulary (Fightin' Words)
#
# For each unigram and bigram of the outlets' own words (quoted words, interviewers' questions,
# scare quotes and speaker labels left out; stop words removed; spelling variants such as
# Zelenskyy/Zelensky merged by `src/analysis/resources/spelling_variants.csv`, while Kyiv/Kiev and
# the other politically meaningful spellings stay apart), the log-odds ratio of its use in one bloc
# against the other with an informative Dirichlet prior (Monroe, Colaresi and Quinn 2008, "Fightin'
# Words", *Political Analysis* 16(4)), divided by its standard error: `z`. Unigrams and bigrams are
# separate multinomials (their own totals and prior), so "balance interests" does not count the
# words of "balance" and "interests" a second time. The prior is each term's pooled count, which
# shrinks rare words towards zero.
#
# **The table's columns.** `count_<bloc>`: occurrences; `n_articles`: how many articles of the two
# blocs use the term (`n_articles_<bloc>` per bloc). A term used by a single article shows one
# article's habit, not a bloc's, so only terms used by at least two articles get a row; the rarer
# ones still count in the totals and the prior. `rate_<bloc>`: per 1,000 terms of the same order.
# `chi2` and `g2`: chi-square and log-likelihood keyness as quanteda's `textstat_keyness` reports
# them, **token-level** tests that treat every word as an independent draw; they stand beside `z`
# for comparison with the keyness literature and are not held against the article-level null below.
#
# **What noise alone reaches.** The bloc labels are shuffled across the two blocs' articles (every
# relabelling when there are at most `N_PERM` of them, as the ten of the seed corpus's 2 against 3 articles; otherwise
# `N_PERM` distinct random ones, seeded) and the largest |z| of each shuffle is kept, counted on
# the same words and the same rows as the table. The noise threshold is the 95% quantile of those
# largest values (`framing.noise_threshold`: a term beyond it stands out from the shuffles at the 5%
# family-wise level, and the threshold does not rise as `N_PERM` grows); with fewer than 20
# relabellings (the seeds' 2 against 3 articles have ten) it is the largest any of them reaches, and no term can
# stand out at that level. Sampled relabellings place the threshold only so precisely: the text gives
# its 95% range from the draws (order statistics) and marks a term below the range's upper end as
# near the threshold, where more relabellings (`N_PERM`) could put it under. The table is the one `build` wrote when it was
# built for this pair with the default `MIN_ARTICLES_PER_TERM` and `PRIOR_SCALE`, and is computed
# here from the per-article term counts (the `article_terms` table `build` writes, which the
# shuffles read too) for any other pair or setting. The spelling variants are
# merged by `build`: an edit to `spelling_variants.csv` takes effect only after
# `python -m analysis build` (or `make reproduce`).

# %%
keyness = framing.keyness_for(tables, a, b, min_articles=MIN_ARTICLES_PER_TERM, prior_scale=PRIOR_SCALE)
matrix, vocab, groups = framing.article_matrix(tables)
null, null_split = framing.null_max_z(matrix, vocab, groups, a, b, n_perm=N_PERM, seed=SEED, return_split=True,
                                      min_articles=MIN_ARTICLES_PER_TERM, prior_scale=PRIOR_SCALE)
threshold = framing.noise_threshold(null)
Markdown(framing.keyness_summary(keyness, null, a, b, tables["articles"], min_articles=MIN_ARTICLES_PER_TERM))

# %% [markdown]
# Which shuffle reaches the largest |z|: if it puts one outlet's articles on one side, an
# outlet's own vocabulary drives the noise threshold.

# %%
Markdown(framing.null_split_summary(tables["articles"], null_split, matrix, vocab, a, b,
                                    min_articles=MIN_ARTICLES_PER_TERM, prior_scale=PRIOR_SCALE))

# %% [markdown]
# The twelve most distinctive terms of each bloc (`keyness_top`: the same selection as the
# paper table `keyness_top.csv`), most distinctive first; `side` is the bloc a term leans to.

# %%
keyness_top(keyness, n=12).round(3)

# %%
fig = plots.left_out_note(plots.fightin_words(keyness, a, b, threshold=threshold), tables["articles"], (a, b))
plots.save(fig, "framing_fightin_words")

# %%
fig = plots.left_out_note(plots.term_map(keyness, a, b, threshold=threshold), tables["articles"], (a, b))
plots.save(fig, "framing_term_map")

# %% [markdown]
# The labelled terms are the most distinctive of each bloc; in the first figure the dashed lines mark the
# noise threshold of shuffled labels, and in both only terms beyond it are drawn in a bloc's colour (the term
# map's dashed lines, where drawn, are the floor where a term one bloc never uses sits). What lies
# inside them (grey) is indistinguishable from the differences between any two groups of these
# articles; what lies outside them may still be the topic of each article (which event it covers)
# rather than its bloc.
#
# **How much the prior decides.** With a prior proportional to pooled counts, every term that only
# one bloc uses gets the same log-odds whatever its count; the prior's weight (its total, by default
# the pooled count) sets that value and how fast z grows with a term's count, and nothing in the
# data chooses it. The same table and null under a tenth and ten times the default weight:

# %%
prior_summary, prior_terms = framing.prior_sensitivity(matrix, vocab, groups, a, b, n_perm=N_PERM, seed=SEED,
                                                       min_articles=MIN_ARTICLES_PER_TERM)
fig = plots.left_out_note(plots.keyness_prior_sensitivity(prior_summary, prior_terms, a, b), tables["articles"], (a, b))
plots.save(fig, "framing_keyness_prior")
prior_summary.round(3)

# %%
low, default, high = (prior_summary.iloc[i] for i in (0, len(prior_summary) // 2, -1))
Markdown(f"Terms beyond the noise threshold ({a} / {b}): {int(low[f'n_beyond_{a}'])} / {int(low[f'n_beyond_{b}'])} "
         f"at {low['scale']:g} times the default weight, {int(default[f'n_beyond_{a}'])} / "
         f"{int(default[f'n_beyond_{b}'])} at the default, {int(high[f'n_beyond_{a}'])} / "
         f"{int(high[f'n_beyond_{b}'])} at {high['scale']:g} times. The strongest term of {a} is "
         f"\"{low[f'top_{a}']}\", \"{default[f'top_{a}']}\" and \"{high[f'top_{a}']}\" at these weights; of {b}, "
         f"\"{low[f'top_{b}']}\", \"{default[f'top_{b}']}\" and \"{high[f'top_{b}']}\".")

# %% [markdown]
# **Try this.**
#
# - Set `MIN_ARTICLES_PER_TERM = 1` and rerun: every term gets a row, including the words only one
#   article uses, and the noise threshold is recomputed on the same rows; compare how many terms
#   stand beyond it. Set it to 3 for stricter rows.
# - Set `PRIOR_SCALE = 0.1` or `10`: the table, both figures and the noise threshold are recomputed
#   under a lighter or heavier prior (the prior table above always shows 0.1, 1 and 10 times the
#   default, whatever you choose).
# - Set `BLOCS` to another pair of this corpus's blocs (the line below names them): sections 1 and
#   6 are recomputed for that pair, in that order (the keyness table from the per-article counts, not
#   the built one).

# %%
Markdown(stats.blocs_tip(tables["articles"], BLOCS))

# %% [markdown]
# ## 2. Naming and labelling choices
#
# An editable dictionary (`src/analysis/resources/markers.csv`) lists contrasting names for the
# capital, the conflict, the government in Kyiv, territory, evaluative labels and the West, each
# with whose documented usage it is (`russian_official`: the Kremlin's or Russian state media's term;
# `ukrainian_western`: Ukrainian official usage or the term Western style guides adopted, such as
# AP's "Kyiv" since 2019; `neutral`: used by both). Rates are hits per 1,000 tokens **of the same
# layer**: own-word hits per 1,000 of the outlet's own words, quoted hits per 1,000 quoted words
# (quotes take a different share of each article, so a rate over all its words would shrink an
# own-word rate where the article quotes much).
#
# **Whose words.** Every hit carries the layer it stands in (`markers.layer`): the outlet's own
# narration, its paraphrase of what someone said (reported speech), someone's quoted words, an
# interviewer's question, a scare quote. The table and figure below count **the outlet's own words**
# (narration and reported speech); quoted words are counted apart, in the next table, because a
# Western article quoting Lavrov's "Kiev regime" does not itself say "Kiev regime". The tables pool
# each bloc's articles (its hits over its words: long articles weigh more); the figure shows each
# article's rate and the bloc mean of those rates, so the two can differ.
#
# The marker hits behind the rates and the naming index are found by `build`: an edit to
# `markers.csv` takes effect there only after `python -m analysis build` (or `make reproduce`).
# The in-context list at the end of this section reads the file when it runs, so until the
# rebuild it can show hits the rates do not count.

# %%
rates = framing.marker_rates_by_bloc(tables["markers"], tables["articles"])
rates.pivot_table(index=["group", "term", "usage"], columns="bloc", values="rate_per_1000", fill_value=0).round(2)

# %%
fig = plots.marker_dots(framing.marker_rates_by_article(tables["markers"], tables["articles"]), seed=SEED)
plots.save(fig, "framing_naming_markers")

# %% [markdown]
# The same markers in the words each bloc's articles **quote** (layer `quoted`), and the naming
# index of both layers per bloc: the mean over the articles with at least one marker hit in that
# layer.

# %%
quoted_rates = framing.marker_rates_by_bloc(tables["markers"], tables["articles"], layers=("quoted",))
quoted_rates.pivot_table(index=["group", "term", "usage"], columns="bloc", values="rate_per_1000", fill_value=0).round(2)

# %%
blanks_explained(framing.naming_by_layer(tables["article_framing"]), "no mean: no article of the bloc has a marker hit in that layer")

# %% [markdown]
# **What changed when quoted words were set apart.** Earlier versions of this notebook counted
# every marker hit, quoted ones included, as the outlet's usage. The naming index of each article
# over all its words beside the index of its own words, computed here for this corpus (largest
# change first within each bloc):

# %%
naming_change = framing.naming_layer_change(tables["markers"], tables["articles"])
Markdown(framing.naming_layer_change_text(naming_change))

# %%
naming_change.round(3)

# %% [markdown]
# A dot per article and marker (the outlet's own words; an article without the marker is a 0), and
# each bloc's mean of article rates, with an interval only where the bloc has enough articles (with
# many markers or blocs the figure keeps the means and intervals only, for the markers its title says,
# and names how many it leaves out); where
# a bloc has few articles a marker's rate can be one article's habit (or one quotation); the
# per-article table in section 6 shows whose. How many articles each bloc has (the dots of each row):

# %%
Markdown(stats.corpus_counts(tables["articles"]))

# %% [markdown]
# Every hit, in context, so each count can be checked (above a few dozen articles with a hit, those
# of a seeded random sample of them; the line above the table says which). `layer` is whose words each hit is
# in: the naming figure counts the `narration` and `reported` rows (the outlet's own words), the table
# of quoted words the `quoted` ones.

# %%
hits, note = framing.marker_hits_shown(texts, tables["markers"], seed=SEED, quotes=framing.quote_spans(tables))
display(Markdown(note))
hits

# %% [markdown]
# ## 3. Generic news frames
#
# A dictionary (`src/analysis/resources/frames.csv`) translates the five generic frames of Semetko
# and Valkenburg (2000, "Framing European politics", *Journal of Communication* 50(2)): conflict,
# responsibility, economic consequences, human interest and morality, plus security/defence and
# legality/legitimacy from the Policy Frames Codebook (Boydstun, Card, Gross, Resnik and Smith 2014),
# into indicative words. Each paragraph gets hits per 100 tokens for each frame. Dictionary frames
# are a proxy for human frame coding, which asks about meaning, not words. An edit to `frames.csv`
# takes effect only after `python -m analysis build` (or `make reproduce`).
#
# **Whose words.** Frame salience counts the **outlet's own words** (its narration and its paraphrase
# of what others said): hits in them per 100 of them, in each paragraph that has own words, as the
# keyness and naming sections do. A frame word inside a quote is the speaker's, not the outlet's.
# The `frames` table keeps both counts (`hits_own`, `score_own`; `hits`, `score` over all words), and
# the table after the figure shows how many of each bloc's frame words stand in quotes. The `frame_`
# columns of the per-article table (section 6) are these own-word measures. The topic prevalence of
# notebook 03 uses all words.

# %%
salience = framing.frame_salience(tables["frames"], tables["articles"], n_boot=N_BOOT, seed=SEED, layer="own")
fig = plots.interval_plot(salience, "frame", "Frame salience by bloc, one dot per article (own words)",
                          xlabel="article mean of frame hits per 100 own-word tokens (paragraphs with own words)",
                          count="n_paragraphs",
                          interval=f"95% bootstrap over articles, blocs with {stats.MIN_ARTICLES_FOR_INTERVAL}+ articles",
                          articles=framing.article_frame_scores(tables["frames"], tables["articles"], layer="own"),
                          seed=SEED, drop_zero=True)
plots.save(fig, "framing_frame_salience")
blanks_explained(salience, stats.no_interval())

# %% [markdown]
# `share_of_paragraphs` is the share of a bloc's paragraphs (with own words) that have at least one
# own-word hit of the frame. The intervals resample the bloc's articles, each kept whole (its mean over its paragraphs).

# %%
Markdown(stats.interval_rule())

# %% [markdown]
# Frame words in the outlet's own words and in the words it quotes, per bloc (hits pooled over the
# bloc's articles; `quoted_share` is the quoted part): where it is large, the bloc's articles carry the
# frame mostly in what they quote, and the figure above leaves it out.

# %%
blanks_explained(framing.frame_layers(tables["frames"], tables["articles"]), "no frame word in the bloc's articles")

# %% [markdown]
# ## 4. Voices: who gets quoted, and how
#
# Each quote's speaker (from `analysis.segment`) is mapped to a group by an editable list
# (`src/analysis/resources/speaker_groups.csv`), and the speech verb nearest the quote is kept:
# "said" is neutral; "claimed", "insisted", "parroted" or "refuted" frame the speaker. **A bare role
# with no name or nationality** ("the spokesman", "diplomats", "officials") counts as a Russian
# official by default (section 5 of the file says why: in coverage of Russian statements such a role
# most often points back to the Russian official just named); where that does not hold, as for
# diplomats in Brussels named only as "diplomats", delete those rows. The groups are
# assigned by `build`: an edit to `speaker_groups.csv` (or `speech_verbs.txt`) takes effect only
# after `python -m analysis build` (or `make reproduce`). The bars are the mean over a bloc's
# articles of each article's share of quotes, so every article that quotes anyone weighs the same
# and a few quote-heavy articles do not speak for their bloc; articles that quote nobody are left
# out (the table below also gives the pooled shares, `share_of_quotes`). Layer: quoted and paraphrased speakers.
# A paraphrase ("Peskov said that ...") counts here as a voice, someone whose statement the outlet
# relays, while sections 2 and 6 count its wording as the outlet's own: the outlet chose the words of
# a paraphrase, not the speaker. The machine rules find paraphrase less reliably than quotation marks
# (the accuracy text below gives both rates, measured on machine-written test sets).

# %%
shares = framing.voice_shares(tables["voices"], tables["articles"])
bare = framing.bare_role_note(tables["voices"], tables["articles"])  # (quotes counted by the bare-role default)
fig = plots.footnote(plots.voice_shares(shares, value="mean_article_share"), bare)
plots.save(fig, "framing_voices")
Markdown(framing.voices_text(shares, tables["voices"], tables["articles"]) + "\n\n" + bare)

# %%
shares.round(3)

# %%
framing.verb_counts(tables["voices"], tables["articles"])  # (the 8 verbs used most; the rest: "other verbs")

# %% [markdown]
# Shares rest on the quote counts above, and on the quote and speaker detection of
# `analysis.segment` (a rule set, not a parser): `other` and `unattributed` are where it failed to
# name or place a speaker. Read the counts, not only the shares.

# %% [markdown]
# **How often the quote finder is right.** Measured against the project's gold sets, which are
# **machine-generated**: synthetic articles and their quote labels (span, speaker, kind) written by AI agents that
# never saw the code, not by human annotators (`tests/fixtures/quotes/`; `analysis.evaluate`). Read each rate as
# agreement with machine-written labels on machine-written text; a human-labelled sample of your own corpus is the
# test to trust. Each set was measured once while blind; the rules
# were then tuned on all but the newest, the held-out ones (measured with the same rules), whose
# rows, pooled, are the estimate for text like a user's (the README gives every set's first
# measurement: they range with the kind of text a set holds, and an interview layout new to the rules is missed). Recall: share
# of gold quotes found (span), and found with the right speaker;
# precision: share of found quotes that are gold quotes. The speaker layer of this section and the
# narration/quotation split of every layer rest on these numbers. (The gold sets are not your
# corpus: this table is the same on every corpus.)

# %%
accuracy = evaluate.quote_accuracy_by_set()
display(Markdown(evaluate.quote_accuracy_text(accuracy)))
display(Markdown("Right speaker (span and speaker found), by kind: each held-out set, then the sets tuned on:"))
display(evaluate.quote_accuracy_table(accuracy, "recall_speaker", compact=True))
display(Markdown("Precision (share of the quotes found that match a gold quote), the same rows:"))
evaluate.quote_accuracy_table(accuracy, "precision", compact=True)

# %% [markdown]
# ## 5. Keyword in context
#
# The key markers in their sentences, grouped by bloc, with the layer each hit stands in (`narration`
# and `reported` are the outlet's own words, `quoted` someone else's). Each table shows at most 12
# hits, a seeded sample spread over the blocs (the line above it says how many of how many). In
# JupyterLab the explorer below takes any term and window and lists every hit; in a rendered copy of
# this notebook it shows a static sample of its first term.

# %%
spans = framing.paragraph_layers(framing.quote_spans(tables))  # (each hit's layer: whose words it stands in; once)
for term in KWIC_TERMS:
    table = framing.kwic(texts, term, window=8, quotes=spans)
    shown, note = framing.kwic_sample(table[["bloc", "outlet", "layer", "left", "match", "right"]], n=12, seed=SEED)
    print(f"\n{term!r}: {len(table)} hits. {note}")
    display(shown)

# %%
framing.kwic_explorer(texts, list(KWIC_TERMS), quotes=spans, seed=SEED)

# %% [markdown]
# ## 6. One table per article
#
# Marker rates, frame salience and voice shares side by side, with the `naming_index`: (hits of
# Russian-official-usage terms − hits of Ukrainian/Western-usage terms) / all such hits, from −1
# (only Ukrainian/Western usage) to +1 (only Russian official usage), empty without such hits. **The
# index describes vocabulary, not truthfulness**: an article can use "Kiev" and report accurately,
# or use "Kyiv" and not. On 24 machine-generated articles (written by an AI agent that never saw the
# dictionaries) in the house styles of 12 Russian and 12 Western outlets (`tests/fixtures/naming/`), the index separated the two with ROC AUC 1.0 (checked
# by `tests/test_framing.py`); synthetic text is an easier test than real coverage.

# %%
summary = tables["article_framing"]
blanks_explained(summary, "no value: no naming-marker hit in that layer (naming index columns), no quote or paraphrase in the voices table (voice shares)")

# %%
measures = [c for c in summary.columns if c == "naming_index" or c.startswith(("rate_", "frame_", "voice_"))]
fig = plots.framing_small_multiples(summary, measures, seed=SEED)
plots.save(fig, "framing_article_summary")

# %% [markdown]
# One dot per article. A panel where the colours separate shows these articles differ on that
# measure, not that the blocs do. The naming index compared between the two blocs, article by article:

# %%
naming = framing.naming_answer(summary, a, b, seed=SEED)  # (a permutation test: computed once, shown twice)
Markdown(naming)

# %% [markdown]
# ## The answer on this corpus
#
# Computed from the tables above, for the compared pair (other blocs are left out, as said at the top):

# %%
Markdown("\n\n".join([stats.comparison_note(tables["articles"], BLOCS), naming,
                       "Distinctive words: " + framing.keyness_summary(keyness, null, a, b, tables["articles"],
                                                                       min_articles=MIN_ARTICLES_PER_TERM),
                       copied]))

# %% [markdown]
# ## Limits

# %%
Markdown(stats.corpus_counts(tables["articles"]))

# %% [markdown]
# - Every bloc difference above describes these texts, not the outlets' usual coverage or a bloc's
#   media. Frame and voice shares rest on the paragraph and quote counts shown with them.
# - The articles cover different events and dates (above); what an article is about drives its
#   vocabulary as much as who published it.
# - Dictionaries (markers, frames, speaker groups) are rules written from documented usage. They
#   miss paraphrase and irony. Quotation is kept apart by machine rules (`segment`), whose
#   accuracy on machine-generated test articles (written and labelled by AI agents, not
#   human annotators) is in the README: a missed quotation still counts as
#   the outlet's own words, and a missed speaker leaves its voice unattributed.
# - The naming index is about vocabulary only and says nothing about accuracy or intent.
