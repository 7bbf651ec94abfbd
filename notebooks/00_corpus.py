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
# # 00 · The corpus and its cleaning audit
#
# **Question.** What articles does the suite analyse, and can a reader trust that the text every
# later notebook analyses is the article itself, not the web page around it?
#
# **Data.** The articles of the corpus named by `CORPUS`, as received, web leftovers included; their
# number, outlets, blocs, languages and dates are computed below. (The seed corpus in `data/raw` is
# five English-language articles, two from Russian and three from Western outlets.)
#
# **One-line answer.** Cleaning keeps the article text and removes navigation, captions, credits,
# bylines, bios, related links, comment forms and disclaimers; every raw line is accounted for below,
# with the reason for each removal, and the check at the end says whether the lines add up.

# %%
from IPython.display import Markdown, display

from analysis import corpus, overview, plots
from analysis.display import rows_shown

# %% tags=["parameters"]
CORPUS = "data/raw"  # the raw articles the tables were built from (for the record and rebuild commands; the notebook reads OUT)
OUT = "data/processed"  # the folder `python -m analysis build` wrote: point it at another build to read that one (its figures then go to OUT/figures/)
SEED = 20240601  # not used here (nothing is random in this notebook)
BLOCS = ("russian", "western")  # not used here; kept so every notebook takes the same parameters

# %% [markdown]
# ## The tables
#
# `python -m analysis build` cleaned and segmented the raw articles into the tables below
# (documented column by column in `data/processed/README.md`). This notebook only reads them.
#
# **Method and terms.** Every term these notebooks use is explained in plain words in the
# [glossary](../docs/glossary.md); for this notebook, [boilerplate and removed lines](../docs/glossary.md#boilerplate-and-removed-lines)
# and [dictionaries](../docs/glossary.md#dictionary-word-list).

# %%
tables = overview.read_tables(OUT)
plots.set_provenance(tables, CORPUS=CORPUS, OUT=OUT, SEED=SEED, BLOCS=BLOCS)
tables.rows()  # rows per table, from the build's manifest (no table is read for this)

# %% [markdown]
# ## The corpus at a glance

# %%
Markdown(overview.corpus_description(tables["articles"]))

# %% [markdown]
# Outlet, bloc, publication date and how much text each article contributes after cleaning, one row
# per article (ordered by bloc, then article id).

# %%
summary = overview.corpus_summary(tables["articles"])
summary

# %%
fig = plots.article_lengths(tables["articles"])
plots.save(fig, "corpus_article_lengths")

# %%
Markdown(overview.length_note(tables["articles"]))

# %% [markdown]
# Because lengths differ, every bloc comparison in later notebooks is a mean over articles (or over
# sentences within articles), never a sum. Two descriptive views pool a bloc's text instead and say
# so: the word contributions of notebook 01 (which lexicon words drive the scores, per 1,000 of the
# bloc's sentences) and the pooled marker-rate tables of notebook 02; there a long article weighs
# more. Where the articles span several years (dates above), the
# statements and the war changed over that time, which a bloc comparison cannot separate from
# outlet differences. Each article is labelled "outlet · article id" in the figures; above
# 30 articles the figure shows one row of dots per bloc instead of a bar per article.

# %% [markdown]
# ## What cleaning removed, and why
#
# Each removed raw line carries a reason. The rules use page structure (position before the
# headline or after an end-of-article marker, short lines without sentence punctuation,
# repetition, caption and credit patterns) and an editable cue file
# (`src/analysis/resources/boilerplate_cues.tsv`), not the strings of particular pages. An edit to
# the cue file takes effect only after `python -m analysis build` (or `make reproduce`): this
# notebook reads the tables the last build wrote.

# %%
counts = overview.removal_by_reason(tables["removed_lines"], tables["articles"])
counts

# %%
fig = plots.removal_by_reason(counts)
plots.save(fig, "cleaning_removed_by_reason")

# %% [markdown]
# Every removed line, so a reviewer can check each decision against the raw text (`line_no` is the
# 1-based line number in the article's raw text). Past 60 rows the page shows the first and last
# rows only; the whole table is `removed_lines` in the `OUT` folder.

# %%
tables["removed_lines"]

# %% [markdown]
# **Check these first.** Lines a rule removed (or kept) on weak evidence: an uncredited photo
# caption, a dateline or outlet name alone on its line, emoji-bulleted or time-stamped teaser
# lists. Their `doubt` flag is in `removed_lines`; a wrong call here is the likeliest place for lost
# article text or a kept leftover.

# %%
doubtful = overview.doubtful_lines(tables)
shown, note = rows_shown(doubtful, "doubtful", empty="No line was removed or kept on such weak evidence.")
display(Markdown(note))
shown

# %% [markdown]
# ## Every line accounted for
#
# Each non-blank raw line is either inside a kept paragraph (`line_start`..`line_end`) or listed
# as removed, exactly once. `ok` is true when the two add up to the article's non-blank lines.

# %%
audit = overview.accounting(tables)
audit

# %%
Markdown(overview.accounting_note(audit))

# %% [markdown]
# Kept paragraphs by kind: the headline (`title`), the standfirst, subheadings and body.

# %%
tables["paragraphs"].pivot_table(index="article_id", columns="kind", values="paragraph_id", aggfunc="count", fill_value=0)

# %% [markdown]
# ## Paragraphs several articles share
#
# News corpora carry syndicated wire copy and reused paragraphs. Each kept paragraph of 12 or more
# words is normalised (letters lower-cased, punctuation and spacing ignored) and hashed, and the
# hashes of all articles are grouped in one pass: paragraphs found in two or more articles are
# listed below, with whether the articles come from different outlets. (`build` warns with the same
# check on the raw texts, which still hold the lines cleaning removed.)

# %%
shared = overview.shared_paragraphs(tables)
display(Markdown(overview.shared_paragraphs_text(shared, tables["articles"])))
shown, note = rows_shown(shared, "shared")
display(Markdown(note))
shown

# %% [markdown]
# ## Outlets coded two ways, and outlets that may not be independent
#
# The metadata table is the researcher's coding: an outlet whose articles carry two blocs puts it on
# both sides of a comparison, and one outlet under names that differ only in case, spacing or
# punctuation counts as two outlets. `corpus.coding_issues` lists both (and a country given on some
# of an outlet's articles only). It also lists what may make outlets less independent than the
# comparisons assume: names that begin with the same four words (desks or editions of one
# organisation, counted as separate outlets), and authors whose articles are in several blocs (often
# a wire service: the same text on both sides). It reports and does not recode.

# %%
coding = corpus.coding_issues(tables["articles"])
display(Markdown(corpus.coding_text(coding)))
shown, note = rows_shown(coding, "coding", by="articles")
display(Markdown(note))
shown

# %% [markdown]
# ## Articles not in English
#
# The sentence splitter, the VADER lexicon, the naming markers, the frames and the speech patterns
# are all English. In an article written in another language they find nothing, and its tone of 0
# and its missing markers would read as findings ("neutral", "never says Kiev") when nothing was
# measured. `corpus.not_english_articles` reads each article's kept text: in English prose about a
# third of the words are common function words ("the", "of", "and"); below 12%, over 25 words or
# more, an article is listed here (the build warns about the same articles). Translate them, or leave
# them out.

# %%
foreign = corpus.not_english_articles(tables["articles"])
display(Markdown(corpus.language_text(foreign, len(tables["articles"]))))
shown, note = rows_shown(foreign, "foreign")
display(Markdown(note))
shown

# %% [markdown]
# **Try this.**
#
# - Check one article's cleaning line by line: `python -m analysis clean data/raw/002_03c9cd5b9a5185ba.txt`
#   in a terminal prints every line with its decision and reason.
# - Test a cue of your own without touching the packaged list: copy
#   `src/analysis/resources/boilerplate_cues.tsv` to `my_cues.tsv`, add a phrase a site prints
#   around its articles, run `python -m analysis build --cues my_cues.tsv --out /tmp/my_tables`,
#   then set `OUT = "/tmp/my_tables"` in the parameters cell and rerun: the removal tables above
#   change (a build is needed; this notebook computes nothing from the raw text).

# %% [markdown]
# ## Limits

# %%
Markdown(overview.limits_note(tables["articles"]))

# %% [markdown]
# - The seed corpus (`data/raw`, five articles, one per outlet) is a pilot that shows the method
#   runs end to end; it cannot speak for an outlet, let alone a bloc of outlets.
# - The cleaning was checked line by line on the five seed pages and on labelled pages from other
#   kinds of sites (see `tests/`), but a new site can still leave a stray line in, or, more rarely,
#   lose one; run `python -m analysis clean FILE` on a few of your own articles before trusting a
#   new corpus, and edit the cue file where a site needs it.
# - Titles, dates and authors found in the text fill gaps in the metadata; the metadata given with
#   the corpus (for the seeds, `data/raw/metadata.csv`, researched by hand) wins where both exist.
