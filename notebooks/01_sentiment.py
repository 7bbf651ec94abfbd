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
# # 01 · Tone: do outlets of two blocs report these statements differently?
#
# **Question.** Do the outlets of two blocs (`BLOCS`: Russian and Western by default, else the two largest blocs) cover
# Russian statements on peace talks in a different tone, towards whom, and how far can a sentiment
# lexicon's answer be trusted on war news?
#
# **Data.** The sentences of the processed corpus (`OUT`, by default `data/processed/`), each scored by VADER and
# checked against NLTK's port, a second lexicon (TextBlob) and machine-generated reference codes (one AI coder,
# not human coding).
#
# **One-line answer.** Computed from the data of the corpus this notebook was run on, in the section
# "The answer on this corpus" at the end (no answer is written here, as it would hold for one corpus only).

# %%
from IPython.display import Markdown, display

from analysis import coding, overview, plots, sentiment, stats
from analysis.display import blanks_explained

# %% tags=["parameters"]
CORPUS = "data/raw"  # the raw articles the tables were built from (for the record and rebuild commands; the notebook reads OUT)
OUT = "data/processed"  # the folder `python -m analysis build` wrote: point it at another build to read that one (its figures then go to OUT/figures/)
SEED = 20240601  # seed of every random draw here (bootstrap, permutations, samples): another seed, slightly other intervals
BLOCS = ("russian", "western")  # the two blocs compared, first minus second (absent ones: the two largest); recomputed here
N_BOOT = 2000  # bootstrap resamples per interval: more is steadier and slower
N_PERM = 10000  # most article relabellings per permutation test (exact below that; the library's stats.N_PERMUTATIONS, as in notebook 04): more is steadier and slower
CODING_FOLDER = None  # a folder of your choice: the coding tool writes and resumes its codes file there
RESEARCHER_CODES = None  # a codes CSV you filled in (e.g. CODING_FOLDER/sentiment_codes.csv), or None
N_CODE = 60  # sentences in the sample you code
SENTIMENT_THRESHOLD = 0.05  # |compound| at which a sentence is labelled positive/negative (VADER's convention: 0.05); changes the labels in the validity section

# %% [markdown]
# ## Method
#
# Each sentence is scored with VADER's reference implementation (`vaderSentiment`): `compound` runs
# from -1 (negative) to +1 (positive), and VADER calls a sentence positive above +0.05 and negative
# below -0.05. An article's tone is the **mean of its sentence scores** (the compound of a whole
# article saturates near ±1 and says little), and a bloc's tone is the **mean of its article
# means**, so a long article does not outweigh a short one. Intervals are 95% bootstrap intervals (except the
# bands of tone along the article, Student t intervals over the articles of each position bin, as their legend says):
# for a bloc, its articles are resampled, each kept whole with its mean, and they are shown only
# where the bloc has enough articles (the rule is stated with the table), widened for blocs of few
# articles (Hesterberg's expanded percentile interval: the plain one covers only about 88% with 5
# articles per bloc). The sentences within a picked article are not resampled as well: an article's
# mean already carries the noise of its sentences, and resampling them again would count it twice. The
# per-article intervals of the article table are widened for short articles in the same way. The gap
# between two blocs gets an article-level permutation p-value: exact over every relabelling of the
# articles when there are at most `N_PERM`, otherwise over `N_PERM` random ones; by the same rule as
# intervals, none where a compared bloc has fewer than 5 articles (the text says so instead).
#
# The terms in plain words, in the [glossary](../docs/glossary.md): [article as unit](../docs/glossary.md#article-as-unit),
# [mean of article means](../docs/glossary.md#mean-of-article-means),
# [bootstrap interval](../docs/glossary.md#bootstrap-interval) (and [why none below 5 articles](../docs/glossary.md#no-interval-below-5-articles)),
# [permutation test](../docs/glossary.md#permutation-test) and [the smallest p a design allows](../docs/glossary.md#smallest-p-a-design-allows),
# [VADER compound and the 0.05 threshold](../docs/glossary.md#vader-compound-and-the-005-threshold),
# [Cohen's d](../docs/glossary.md#cohens-d), [leave one outlet out](../docs/glossary.md#leave-one-outlet-out),
# [own words and quoted words](../docs/glossary.md#own-words-and-quoted-words-layers),
# [machine-generated reference codes](../docs/glossary.md#machine-generated-reference-codes),
# [majority-class baseline](../docs/glossary.md#majority-class-baseline) and
# [Krippendorff's alpha](../docs/glossary.md#krippendorffs-alpha).
#
# **Whose words.** Every sentence has a `voice`: the outlet's own `narration`, `reported` speech
# (its paraphrase of what someone said), someone's `quote`, or an interviewer's `question`. The
# bloc comparisons below use **the outlet's own words** (narration and reported speech: `own`);
# quoted speech is compared apart in its own section, as is the tone around each actor; the
# descriptive figures (the outlet panel, tone along the article) show every sentence; each figure's
# title names its layer.

# %%
tables = overview.read_tables(OUT)
plots.set_provenance(tables, CORPUS=CORPUS, OUT=OUT, SEED=SEED, BLOCS=BLOCS, N_BOOT=N_BOOT, N_PERM=N_PERM)
a, b = stats.compared_blocs(stats.blocs_with_text(tables["articles"]), BLOCS)
shared = overview.copied_paragraphs(tables)  # (paragraphs other articles print: read once, before the sentences)
copied = overview.shared_text_note(tables, a, b, shared=shared)  # (shown with the answer)
frame = sentiment.sentence_frame(tables)
own = sentiment.own_words(frame, text=False)  # (the comparisons need the scores, not the text)
frame.pivot_table(index="bloc", columns="voice", values="sentence_id", aggfunc="count", fill_value=0)

# %% [markdown]
# Descriptive tables and figures show every bloc; the bloc differences compare two (`BLOCS`; if the
# corpus lacks one of them, its two largest blocs, ties broken by name):

# %%
Markdown(stats.comparison_note(tables["articles"], BLOCS))

# %% [markdown]
# ## Sentence scores by bloc and by outlet
#
# Left, the tested quantity: every dot is an **article** (the mean of its sentence scores) in the
# outlet's **own words** (narration and reported speech), beside the bloc's mean of article means and
# its interval. Right, a description: every dot is a **sentence**, over **all sentences** (quoted
# speech included), and boxes show the middle half. Counts are in the labels.

# %%
fig = plots.sentiment_distribution(frame, seed=SEED, tested=own, layer="own words (narration and reported speech)",
                                   summary=sentiment.bloc_summary(own, n_boot=N_BOOT, seed=SEED))
plots.save(fig, "sentiment_by_bloc_and_outlet")

# %% [markdown]
# How many sentences sit near zero, and how the spread within outlets compares with the gap
# between the blocs, is computed below the bloc difference.

# %% [markdown]
# ## Article by article
#
# The unit the blocs are made of, in the layer they are compared on: each article's mean over
# **its own words** (narration and reported speech; an article with no such sentence is not listed). A
# bloc mean is only as solid as this table is uniform. `sd` is the standard deviation of the article's
# sentence scores: how much its sentences differ, a description. No interval is given per article: its
# sentences are not independent draws, and an interval resampled from them would look like an estimate
# the design cannot give. Above a few dozen articles the table lists only those of lowest and of highest
# mean tone, the articles that pull a bloc mean most (the line above the table says how many).

# %%
table, note = sentiment.article_table(own)  # (own words: the dots of the figure above)
display(Markdown(note))
blanks_explained(table, "no spread: an article of one sentence", digits=3)

# %% [markdown]
# ## Bloc means, their difference, and how much one outlet moves it
#
# In the outlet's own words (narration and reported speech).

# %%
summary = sentiment.bloc_summary(own, n_boot=N_BOOT, seed=SEED)
blanks_explained(summary, stats.no_interval("articles with such sentences in the bloc"))

# %%
Markdown(stats.interval_rule())

# %%
difference = sentiment.bloc_difference(own, a, b, n_boot=N_BOOT, seed=SEED, n_perm=N_PERM)
Markdown(sentiment.difference_text(difference, sentences=frame, layer="the outlet's own words") + " "
         + sentiment.spread_text(own, difference, threshold=SENTIMENT_THRESHOLD, layer="the outlet's own words"))

# %% [markdown]
# The gap is the first bloc minus the second, in the outlet's own words. `d` is the same gap
# standardised at the article level: divided by the pooled standard deviation of the **article
# means** (not of sentence scores: sentences of one article are not independent observations, and
# their spread would make any gap look small). It needs two articles in each bloc and is not shown
# otherwise; with a handful of articles per bloc the pooled deviation is itself very uncertain, so
# read `d` as a description of these articles, not a conventional effect size.
#
# **Leaving out one outlet, then one author.** The tables below recompute the gap without each
# outlet's articles, then without each author's (from the `author` metadata; articles without one
# stay in every row): if one removal flips the sign, the "bloc" difference is that outlet or that
# writer. Where an outlet has a single article, leaving it out is leaving out one article; the
# text says when that is so.

# %%
n_compared = difference["n_articles_a"] + difference["n_articles_b"]
leave_out = sentiment.leave_one_outlet_out(own, a, b)
Markdown(sentiment.leave_one_group_out_text(leave_out, "outlet", n_compared))

# %%
shown, note = sentiment.leave_out_shown(leave_out)
display(Markdown(note))
shown.round(3)

# %%
by_author = sentiment.leave_one_group_out(own, a, b, "author")
Markdown(sentiment.leave_one_group_out_text(by_author, "author", n_compared))

# %%
by_author.round(3)

# %% [markdown]
# **Copied text counted once.** Articles that print the same paragraph (wire copy, reused or
# recombined text) are not independent, and the p-value and interval above count each as a draw of
# its own. Here the gap is recomputed with each shared paragraph text kept in one article only (a
# stated rule: the first published article, by its date; undated ones last, ties by id), the rest of
# each article unchanged:

# %%
once = sentiment.bloc_difference(sentiment.without_copies(own, shared, columns=["article_id", "bloc", "compound"]), a, b,
                                 n_boot=N_BOOT, seed=SEED, n_perm=N_PERM)
Markdown(sentiment.copies_once_text(difference, once, shared, layer="the outlet's own words"))

# %% [markdown]
# **A mixed model.** Sentences are nested in articles and articles in outlets. A linear mixed model
# of the sentence score on bloc, with a random intercept for each outlet and one for each article
# within its outlet (REML, computed from per-article sums, so it fits corpora of any size in
# seconds; checked against statsmodels' `MixedLM`), estimates the bloc gap while counting how much of
# the spread lies between outlets and between articles (the ICCs). Its interval is a Wald interval
# (normal approximation), optimistic when there are few outlets, and it is not shown when a variance
# is estimated at zero. The model is fitted only where the corpus allows:

# %%
Markdown(stats.mixed_model_rule())

# %%
mixed = stats.bloc_mixed_model(own, a, b)
Markdown(sentiment.mixed_model_text(mixed, "tone in the outlet's own words"))

# %% [markdown]
# Even where an interval or p-value is shown, it describes uncertainty about these articles'
# sampling, not about a bloc's media as a whole.

# %% [markdown]
# **What changed when quoted words were set apart.** Earlier versions of this notebook scored
# every sentence, quoted speech included, as the outlet's tone. The same bloc means over all
# sentences and over the outlet's own words, computed here for this corpus:

# %%
tone_change = sentiment.tone_layer_change(frame)
Markdown(sentiment.tone_layer_change_text(tone_change, a, b))

# %%
tone_change.round(3)

# %% [markdown]
# ## Tone along each article
#
# Mean tone of each paragraph over all its sentences (quoted speech included), in reading order. Articles that open with a conciliatory statement
# and close on the other side's rebuttal (or the reverse) show it here.

# %%
paragraphs = sentiment.paragraph_tone(frame)
fig = plots.tone_along_article(paragraphs, layer="all sentences (own words and quotes)")
plots.save(fig, "sentiment_along_article")

# %% [markdown]
# ## Quoted speech versus the journalist's narration
#
# Outlets choose whom to quote, so the tone of what they quote and the tone of their own narration
# are reported apart, by each sentence's `voice` (a sentence is `quote` when at least half of it is
# someone's quoted words, `reported` when at least half is reported speech).

# %%
voices = sentiment.quote_vs_narration(frame, n_boot=N_BOOT, seed=SEED)
fig = plots.interval_plot(voices, "voice", "Tone of quoted speech and of narration, one dot per article",
                          xlabel="article mean of VADER compound, sentences of each voice",
                          interval=f"95% bootstrap over articles, blocs with {stats.MIN_ARTICLES_FOR_INTERVAL}+ articles",
                          articles=sentiment.article_tone(frame, "voice"), seed=SEED)
plots.save(fig, "sentiment_quote_vs_narration")
blanks_explained(voices, stats.no_interval("articles with such sentences in the bloc"))

# %% [markdown]
# ## Tone of sentences that mention each actor
#
# Actors come from an editable dictionary (`src/analysis/resources/actors.csv`: Russia, Ukraine,
# the United States, the West). A sentence that names two actors counts for both, so this is the
# tone of the sentences around an actor, not a judgement about it. It reads **the outlet's own words**
# (the layer the bloc comparison tests: quoted speech about an actor is the speaker's view, not the
# outlet's) scored with **the topic-neutral variant** (section (b, c) below): one actor's name carries
# lexicon valence of its own, VADER scoring "united" +1.8, so with the full lexicon every sentence
# naming the United States starts positive ("The United States said so." scores +0.42); the
# topic-neutral variant scores "united", "peace", "war" and the other topic words 0. The actor of each
# sentence is found by `build`: an edit to `actors.csv` takes effect only after
# `python -m analysis build` (or `make reproduce`).

# %%
mentions = sentiment.actor_mentions(frame)
actors = sentiment.actor_bloc_summary(own, mentions, "compound_neutral", n_boot=N_BOOT, seed=SEED)
fig = plots.interval_plot(actors, "actor", "Tone of the outlet's own sentences that mention each actor, one dot per article "
                          "(own words, topic-neutral VADER)",
                          xlabel="article mean of topic-neutral VADER compound, own sentences naming the actor",
                          articles=sentiment.actor_article_tone(own, mentions, "compound_neutral"), seed=SEED)
plots.save(fig, "sentiment_actor_by_bloc")
blanks_explained(actors, stats.no_interval("articles with such sentences in the bloc"))

# %% [markdown]
# ## Validity: what drives the scores, and how do they compare with reference codes?
#
# VADER was built for social-media text. On war news its lexicon has opinions about the topic
# itself: "peace" +2.5, "war" -2.9, "justice" +2.4, "integrity" +1.6, and "special" +1.7, so the
# Russian official term "special military operation" scores positive (+0.40 on its own) where "war"
# scores negative ("military" and "operation" are not in the lexicon). An outlet that writes about
# peace and justice looks positive whatever it says about them.
#
# **(a) Which lexicon words drive each bloc's score** (summed valence after VADER's negation and
# "but" rules, per 1,000 sentences), in the outlet's own words: the layer the bloc comparison above
# tests (the section "Quoted speech versus the journalist's narration" shows the quoted layer's tone):

# %%
contributions = sentiment.word_contributions(frame, seed=SEED, within=sentiment.own_mask(frame))
display(Markdown(sentiment.contributions_note(contributions, layer="the outlet's own words")))
display(Markdown(sentiment.speech_verb_note(contributions)))
fig = plots.word_contributions(contributions, layer="the outlet's own words (narration and reported speech)")
plots.save(fig, "sentiment_word_contributions")

# %% [markdown]
# **(b, c) A topic-neutral variant.** The terms in `src/analysis/resources/neutral_terms.txt`
# (peace, war, talks, ceasefire, conflict, justice, security, agreement...) are scored 0, and the
# bloc comparison is repeated ([topic-neutral variant](../docs/glossary.md#topic-neutral-variant)).
# `build` writes these scores: an edit to `neutral_terms.txt` takes effect only after
# `python -m analysis build` (or `make reproduce`).

# %%
raw = sentiment.bloc_summary(own, n_boot=N_BOOT, seed=SEED)
neutral = sentiment.bloc_summary(own, "compound_neutral", n_boot=N_BOOT, seed=SEED)
fig = plots.raw_vs_neutral(raw, neutral, layer="own words (narration and reported speech)")
plots.save(fig, "sentiment_raw_vs_topic_neutral")
neutral_difference = sentiment.bloc_difference(own, a, b, column="compound_neutral", n_boot=N_BOOT, seed=SEED,
                                               n_perm=N_PERM)
Markdown(sentiment.topic_share_text(difference, neutral_difference))

# %% [markdown]
# **A second method and a cross-check.** TextBlob's pattern lexicon (shipped inside its wheel) is an
# independent lexicon; NLTK's port of VADER should agree with the reference except where it
# misses a rule. Spearman rank correlations between the methods, sentence by sentence:

# %%
sentiment.agreement_between_methods(frame).round(2)

# %%
sentiment.disagreements(frame)

# %% [markdown]
# Where the two VADER implementations differ, `likely_rule` names the usual causes: NLTK's port
# does not strip quotation marks and ellipses from the word next to them (`justice".` and
# `conflict...` are not found in its lexicon, so they score 0), and the two apply negation
# differently (a "negation" row: the word "not" or "no" turns the score one way in one implementation
# and the other way, or not at all, in the other; read the rows). The
# reference implementation is the one used everywhere else in this notebook.

# %% [markdown]
# **(d) Machine-generated reference codes (one AI coder, not human coding).** 176 sentences of the
# 5 seed articles were coded negative, neutral or positive by the written codebook in
# `src/analysis/resources/validation/codebook.md`, **by a single machine coder (an AI assistant on
# the project team), blind to every automatic score**. No human coded them; with one coder there is
# no inter-coder reliability, and "agreement" below means agreement with these machine-generated
# codes, not with a careful human reading. A code counts only for the exact sentence it was given to.

# %%
coders = {sentiment.REFERENCE: sentiment.load_gold()}
if RESEARCHER_CODES is not None:
    coders["researcher"] = coding.read_codes(RESEARCHER_CODES)
coded = sentiment.coded_sentences(frame, coders)
Markdown(sentiment.coverage_text(coded, list(coders)))

# %% [markdown]
# **Accuracy beside the majority-class baseline.** Each method's labels use the ±`SENTIMENT_THRESHOLD`
# threshold (VADER's ±0.05 by default; the `threshold` column). `baseline_accuracy` is what answering the most frequent code for every sentence
# scores on the same sentences, and `above_baseline` is how much the method adds to it; the last
# row is that baseline itself. Macro-F1 weights the three codes equally; Spearman's rho compares
# the raw score with the codes as -1, 0, +1. These accuracy, confusion and agreement tables use **every
# coded sentence, quoted ones included** (the codes judge a sentence's tone whoever speaks); the bloc
# difference under the codes further down uses the outlet's own words only, as the comparisons above do.

# %%
metrics = sentiment.validate(frame, threshold=SENTIMENT_THRESHOLD)
display(Markdown(sentiment.accuracy_text(metrics)))
blanks_explained(metrics, "does not apply: the baseline row has no threshold, and its constant answer no rank correlation")

# %% [markdown]
# **Where VADER goes wrong.** VADER's labels (columns) against the machine reference codes (rows):

# %%
sentiment.confusion(coded, sentiment.REFERENCE, threshold=SENTIMENT_THRESHOLD)

# %% [markdown]
# **Krippendorff's alpha** (`analysis.stats.reliability.krippendorff_alpha`, nominal and ordinal
# for negative < neutral < positive): between each method's labels and each coder, and between the
# coders when a researcher's codes are loaded. 1 is perfect agreement, 0 agreement at chance level;
# Krippendorff asks for at least 0.667 before tentative conclusions and 0.8 for firm ones.

# %%
agreement = sentiment.coder_agreement(coded, list(coders), threshold=SENTIMENT_THRESHOLD)
agreement.round(3)

# %% [markdown]
# **Does the bloc finding depend on the method?** The bloc difference on the coded sentences in the
# outlet's own words (narration and reported speech, as in the headline comparison): the mean of
# article means of the first bloc minus the second, under the codes (negative -1, neutral 0,
# positive +1) and under each method, as its score and as its ±`SENTIMENT_THRESHOLD` label on the codes' scale,
# with the article-level permutation p-value where each bloc has at least `stats.MIN_ARTICLES_FOR_INTERVAL`
# coded articles; below that the `p_value` column is empty and the text says there are too few
# articles (`same_sign_as_codes` compares with the first row).

# %%
under = sentiment.bloc_difference_under(sentiment.own_words(coded), a, b, list(coders), n_perm=N_PERM, seed=SEED,
                                        threshold=SENTIMENT_THRESHOLD)
display(Markdown(sentiment.bloc_under_text(under)))
blanks_explained(under, f"no p-value: fewer than {stats.MIN_ARTICLES_FOR_INTERVAL} coded articles in a bloc (see the text above)")

# %% [markdown]
# **Try this.**
#
# - Set `SENTIMENT_THRESHOLD = 0.25` (or `0.5`) in the parameters cell and rerun: more sentences
#   become neutral, and the accuracy table, the confusion table, alpha and the bloc difference
#   "as its label" above are recomputed with the new cut-off. The bloc means, intervals and
#   p-values of the earlier sections use the raw scores, not labels, and do not move.
# - Set `BLOCS` to another pair of this corpus's blocs (the line below names them): every bloc
#   difference in this notebook is recomputed for that pair, in that order.
# - Set `RESEARCHER_CODES` to a codes file you made with the tool below: your codes join the
#   machine reference codes as a second coder in every table of this section.

# %%
Markdown(stats.blocs_tip(tables["articles"], BLOCS))

# %% [markdown]
# **What this leaves out.** The reference codes cover 176 sentences of the 5 seed articles (at most
# three per bloc: too few articles per bloc for a p-value, so the bloc difference under the codes
# describes these articles only);
# they come from one machine coder, so neither they nor the accuracy, alpha and bloc difference
# measured against them say how a human reader would code these sentences; and no human has coded
# any sentence. The step that would change this is below.
#
# **Code a sample yourself, blind to the scores.** `coding.coding_tool` draws `N_CODE` sentences
# with `SEED` (from the reference-coded ones when this corpus has them, so the two sets of codes
# can be compared), writes their ids and text, never a score, to `sentiment_codes.csv` in
# `CODING_FOLDER`, and in Jupyter shows one sentence at a time with three buttons (every click
# saved; running the cell again resumes). Without widgets, or in a rendered copy, it prints what to
# do instead. Then set `RESEARCHER_CODES` to the file and rerun: the tables above add the
# researcher as a coder.

# %%
coding.coding_tool(frame, CODING_FOLDER, n=N_CODE, seed=SEED, within=sentiment.load_gold())

# %% [markdown]
# ## The most negative and most positive sentences per bloc
#
# For checking by eye whether the extremes are what a reader would call negative or positive.

# %%
sentiment.extreme_sentences(frame, n=3)

# %% [markdown]
# ## The answer on this corpus
#
# Computed from the tables above, for the compared pair (other blocs are left out):

# %%
Markdown(stats.comparison_note(tables["articles"], BLOCS) + "\n\n"
         + sentiment.tone_answer(summary, difference, neutral_difference, sentences=frame,
                                 layer="the outlet's own words")
         + " " + sentiment.validity_text(metrics, agreement, coded)
         + "\n\n" + copied + " " + sentiment.copies_once_answer(difference, once, shared))

# %% [markdown]
# ## Limits

# %%
Markdown(stats.corpus_counts(tables["articles"]))

# %% [markdown]
# - Bloc means, intervals and p-values describe these texts. They cannot say how an outlet usually
#   writes, let alone a bloc's media; with few outlets per bloc a leave-one-outlet-out check is
#   itself thin.
# - The articles span the dates above and different moments of the war and of the talks: unless
#   every bloc covers the same dates, date and bloc are confounded.
# - Dictionary sentiment is a proxy: it reads words, not stance. Sarcasm, scare quotes and
#   "readiness for talks" framed as a ploy are invisible to it, as the validation table shows.
# - Quoted and actor-linked tone depend on the quote and speaker detection of `analysis.segment`
#   and on the actor dictionary; both are rules, not a parser.
