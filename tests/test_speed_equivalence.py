"""The faster per-article code gives exactly what the plain code it replaced gives.

Each fast path is compared with the original, slow implementation, kept here as the reference,
on every text at hand: the seed corpus, all sentences and paragraphs of the 1,000-article
benchmark corpus (benchmarks/bench_build.py), the texts in tests/fixtures, and texts that
hypothesis builds from the words and marks the rules react to. "Exactly" means equal reprs:
the same floats to the last bit, the same strings, the same order.
"""

from __future__ import annotations

import hashlib
import json
import re
import string
import sys
import tempfile
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis import clean, segment, sentiment
from analysis.clean import bylines as clean_bylines
from analysis.clean import cues as clean_cues
from analysis.clean import dates as clean_dates
from analysis.clean import lines as clean_lines
from analysis.sentiment import fast_vader
from analysis.terms import fold_char

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"


# --------------------------------------------------------------------------- texts


@lru_cache(maxsize=1)
def benchmark_articles() -> tuple[str, ...]:
    """The raw texts of the 1,000-article benchmark corpus."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from bench_build import generate
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    with tempfile.TemporaryDirectory() as tmp:
        path = generate(1000, 20240601, Path(tmp) / "corpus.jsonl")
        return tuple(json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines())


@lru_cache(maxsize=1)
def fixture_files() -> tuple[tuple[Path, str], ...]:
    """Each text fixture (.txt, .md) and its text, in path order, read once."""
    return tuple((p, p.read_text(encoding="utf-8")) for p in sorted(FIXTURES.rglob("*")) if p.suffix in (".txt", ".md"))


@lru_cache(maxsize=1)
def fixture_texts() -> tuple[str, ...]:
    return tuple(text for _, text in fixture_files())


@lru_cache(maxsize=1)
def corpus_lines() -> tuple[str, ...]:
    """Every distinct line of the benchmark corpus, the fixtures and the seed paragraphs."""
    seed = pd.read_parquet(ROOT / "data" / "processed" / "paragraphs.parquet")["text"].tolist()
    lines = [line for text in (*benchmark_articles(), *fixture_texts()) for line in text.splitlines()]
    return tuple(dict.fromkeys(line.strip() for line in [*seed, *lines] if line.strip()))


#: The quotation gold sets whose lines the cleaning-cue and term-matcher equivalences read (blind to blind12:
#: about 6,000 lines). Later sets add synthetic prose of the same kinds (17,500 lines over thirty sets) and
#: are written to measure attribution, which neither cues nor dictionaries depend on (see
#: `EQUIVALENCE_GOLD_SETS` for those of attribution and segmentation; the pipeline's digest reads every set).
CUE_GOLD_SETS = 12


#: The quotation gold sets that the equivalences of attribution patterns and of segmentation's layers read
#: (blind to blind20, of the fast code with the reference code): sets from blind21 on are written to the
#: same brief, and each new pair lengthened the suite by about 15 s; the pipeline's digest, which pins
#: every output of cleaning and segmentation, reads every set.
EQUIVALENCE_GOLD_SETS = 20


def _later_set(path: Path, sets: int) -> bool:
    """Whether a fixture file belongs to a quotation gold set after the first ``sets``."""
    return path.parent.name.startswith("blind") and int(path.parent.name.removeprefix("blind") or 1) > sets


@lru_cache(maxsize=1)
def equivalence_texts() -> tuple[str, ...]:
    """The fixture texts without those of the gold sets after the first `EQUIVALENCE_GOLD_SETS`."""
    return tuple(text for path, text in fixture_files() if not _later_set(path, EQUIVALENCE_GOLD_SETS))


@lru_cache(maxsize=1)
def equivalence_lines() -> tuple[str, ...]:
    """`corpus_lines` of the benchmark corpus, the seed paragraphs and `equivalence_texts`."""
    seed = pd.read_parquet(ROOT / "data" / "processed" / "paragraphs.parquet")["text"].tolist()
    lines = [line for text in (*benchmark_articles(), *equivalence_texts()) for line in text.splitlines()]
    return tuple(dict.fromkeys(line.strip() for line in [*seed, *lines] if line.strip()))


@lru_cache(maxsize=1)
def cue_lines() -> tuple[str, ...]:
    """`corpus_lines` without the lines of quotation gold sets after the first `CUE_GOLD_SETS`."""
    lines = {True: set(), False: set()}  # (lines of the later sets; of every other fixture)
    for path, text in fixture_files():
        lines[_later_set(path, CUE_GOLD_SETS)].update(line.strip() for line in text.splitlines())
    return tuple(line for line in corpus_lines() if line not in lines[True] or line in lines[False])


@lru_cache(maxsize=1)
def cue_sentences() -> tuple[str, ...]:
    """`corpus_sentences` of `cue_lines`: the seed sentences, and the sentences of every line (with the lines)."""
    seed = pd.read_parquet(ROOT / "data" / "processed" / "sentences.parquet")["text"].tolist()
    split = [s for line in cue_lines() for s in segment.split_sentences(line)]
    return tuple(dict.fromkeys([*seed, *split, *cue_lines()]))


@lru_cache(maxsize=1)
def corpus_sentences() -> tuple[str, ...]:
    """The seed sentences, and the sentences of every line above (with the lines themselves)."""
    seed = pd.read_parquet(ROOT / "data" / "processed" / "sentences.parquet")["text"].tolist()
    split = [s for line in corpus_lines() for s in segment.split_sentences(line)]
    return tuple(dict.fromkeys([*seed, *split, *corpus_lines()]))


# --------------------------------------------------------------------------- sentence scores


def reference_score_texts(texts: list[str], neutral_terms: frozenset[str] | None = None,
                          cross_checks: bool = False) -> list[dict[str, float]]:
    """`sentiment.score_texts` as it was: each library's own scorer on each text (VADER and the
    topic-neutral variant; with `cross_checks`, NLTK's port and TextBlob too)."""
    neutral = frozenset(sentiment.load_neutral_terms() if neutral_terms is None else neutral_terms)
    vader, vader_neutral, port = sentiment.analyzer(), sentiment.analyzer(neutral), sentiment.nltk_analyzer()
    rows = []
    for text in texts:
        scores = vader.polarity_scores(text)
        row = {**{k: float(scores[k]) for k in ("neg", "neu", "pos", "compound")},
               "compound_neutral": float(vader_neutral.polarity_scores(text)["compound"])}
        if cross_checks:
            row["compound_nltk"] = float(port.polarity_scores(text)["compound"])
            row["polarity_textblob"] = round(sentiment.textblob_polarity(text), 4)
        rows.append(row)
    return rows


def test_fast_scorers_are_used_with_the_installed_libraries() -> None:
    """The equivalence tests below are about the fast paths; they only run with the library
    versions the paths were checked against (fast_vader._CHECKED): update that after re-checking."""
    assert all(fast_vader._checked(package) for package in fast_vader._CHECKED), fast_vader._CHECKED


def test_scores_of_every_corpus_sentence_are_unchanged() -> None:
    texts = list(corpus_sentences())
    assert len(texts) > 1000
    assert repr(sentiment.score_texts(texts)) == repr(reference_score_texts(texts))


def test_cross_check_scores_on_demand_are_the_libraries_own() -> None:
    texts = list(corpus_sentences())[:300]
    assert repr(sentiment.score_texts(texts, scorers=sentiment.SCORERS)) == repr(reference_score_texts(texts, cross_checks=True))
    only_vader = sentiment.score_texts(texts[:5], scorers=["vader"])
    assert set(only_vader[0]) == {"neg", "neu", "pos", "compound"}


def test_scores_with_other_neutral_terms_are_unchanged() -> None:
    texts = list(corpus_sentences())[:400]
    for terms in (frozenset(), frozenset({"good", "war", "no", "but"})):
        assert repr(sentiment.score_texts(texts, terms)) == repr(reference_score_texts(texts, terms))


_VADER = sentiment.analyzer()
_NEUTRAL = sorted(sentiment.load_neutral_terms())
#: Words VADER's and pattern's rules look for around a lexicon word, and a few lexicon words.
_RULE_WORDS = [
    "no", "not", "never", "without", "doubt", "least", "at", "very", "so", "this", "but", "kind", "of",
    "sort", "kinda", "just", "enough", "or", "nor", "isn't", "don't", "n't", "cannot", "the", "shit", "bomb",
    "bad", "ass", "bus", "stop", "yeah", "right", "kiss", "death", "to", "die", "for", "beating", "heart",
    "cut", "mustard", "extremely", "barely", "most", "really", "good", "great", "terrible", "peace", "war",
    "talks", "hostile", "killed", "love", "a", "x", "is",
]
_MARKS = [*string.punctuation, "!!", "!!!", "??", "???", "?!?", "!?!", "...", "…", "“", "”", "‘", "’", "«", "»",
          "—", "–", "'s", "’s"]
_ODD = ["(!)", "( ! )", ":)", ": )", ":-(", ":D", "XD", "8)", "8 )", "<3", ":'(", ";)", "o_O", "°O°", "U.S.", "Mr.",
        "e.g.", "etc.", "1,000", "3.5", "2022", "😡", "😁", "💘", "☺", "♥", "👍", "🙂", "☠", "🇺🇦", "🕊", " "]


@lru_cache(maxsize=1)
def _pattern_words() -> tuple[str, ...]:
    from textblob.en import sentiment as pattern

    len(pattern)
    return tuple(sorted(w for w in dict.keys(pattern) if w))


@st.composite
def _word(draw: st.DrawFn) -> str:
    kind = draw(st.integers(0, 99))
    if kind < 50:
        word = draw(st.sampled_from(_RULE_WORDS))
    elif kind < 62:
        word = draw(st.sampled_from(sorted(_VADER.lexicon)))
    elif kind < 70:
        word = draw(st.sampled_from(_pattern_words()))
    elif kind < 75:
        word = draw(st.sampled_from(_NEUTRAL))
    elif kind < 85:
        word = draw(st.sampled_from(_MARKS + _ODD))
    else:
        word = draw(st.text(alphabet="abXY'-.!?:)(8", min_size=1, max_size=4))
    case = draw(st.integers(0, 9))
    word = word.upper() if case == 0 else word.title() if case == 1 else word
    glue = draw(st.integers(0, 9))
    if glue == 0:
        word = draw(st.sampled_from(_MARKS)) + word
    elif glue == 1:
        word += draw(st.sampled_from(_MARKS))
    return word


_SEPARATORS = st.sampled_from([" "] * 12 + ["", "  ", "\n", "\n\n", "\t", "\u00a0", " - ", ", "])


@st.composite
def sentiment_texts(draw: st.DrawFn) -> str:
    words = draw(st.lists(_word(), max_size=20))
    text = ""
    for word in words:
        text += word + draw(_SEPARATORS)
    return text if draw(st.booleans()) else text.strip()


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(sentiment_texts(), min_size=1, max_size=4))
def test_scores_of_generated_texts_are_unchanged(texts: list[str]) -> None:
    assert repr(sentiment.score_texts(texts)) == repr(reference_score_texts(texts))


_CONTEXT = ["no", "not", "n't", "never", "without", "doubt", "least", "at", "very", "so", "this", "but", "kind",
            "of", "or", "nor", "the", "bomb", "x", "GOOD", "bad"]


def test_scores_of_every_short_context_of_a_lexicon_word_are_unchanged() -> None:
    """Each rule looks at most three words back and two ahead: all such contexts of a few words."""
    texts = [f"{a} {b} {c} good" for a in _CONTEXT for b in _CONTEXT for c in _CONTEXT]
    texts += [f"{a} {b} bad {c} {d}!" for a in _CONTEXT[:8] for b in _CONTEXT for c in _CONTEXT[8:16] for d in ("x", "bomb")]
    assert repr(sentiment.score_texts(texts)) == repr(reference_score_texts(texts))


def test_scores_around_every_idiom_and_two_word_booster_are_unchanged() -> None:
    from vaderSentiment.vaderSentiment import BOOSTER_DICT, SPECIAL_CASES

    phrases = [*SPECIAL_CASES, *(k for k in BOOSTER_DICT if " " in k), "kiss of death", "to die for"]
    texts = [f"{pre}{phrase}{post}" for phrase in phrases
             for pre in ("", "x ", "x x ", "x x x ", "good ", "x good ", "no x ", "x x x x ")
             for post in ("", " x", " good", " x good", " good x x", "!", " bad!!")]
    assert repr(sentiment.score_texts(texts)) == repr(reference_score_texts(texts))


def test_scores_of_lexicon_words_with_marks_inside_and_around_are_unchanged() -> None:
    """NLTK's port strips a mark around a word only when the word holds no other punctuation."""
    inner = [w for w in _VADER.lexicon if len(w) > 2 and any(c in string.punctuation for c in w[1:-1])]
    texts = [f"{pre}{w}{post} is {pre}good{post}" for w in inner for pre in ("", "'", '"', "(") for post in ("", ".", "!!", "?!?", ",")]
    assert repr(sentiment.score_texts(texts)) == repr(reference_score_texts(texts))


@pytest.mark.parametrize("text", ["", " ", "\n", "!", "!!", "no", "No progress.", "(see page 8)", "( ! ) good",
                                  "Peace 😡 talks", "not good", "but", "kind of good", "KIND OF GOOD but BAD"])
def test_scores_of_edge_cases_are_unchanged(text: str) -> None:
    assert repr(sentiment.score_texts([text])) == repr(reference_score_texts([text]))


# --------------------------------------------------------------------------- cleaning and segmentation

#: sha256 of every output of clean_article, segment_paragraphs and tokenize on the benchmark corpus
#: (its first `BENCHMARK_ARTICLES` articles since the digest below) and the fixtures (see `pipeline_digest`),
#: computed with the code before the speed-ups (commit d4f99e1). Change it only when the cleaning or
#: segmentation rules change on purpose: last changed for the cleaning families of unseen sites (doubt flags,
#: export prefixes) and for quote kinds, reported speech and sentence voices, then for the speaker-attribution families (pronouns and
#: roles resolved to the person just mentioned, unnamed sources, full names), then for the blind2
#: families (interview label styles, single and »...« quotation marks, reported-speech forms), then
#: when the third blind quote set joined the fixtures (the same code gives 184937f2... without it),
#: then for the blind3 attribution families (role phrases stop at a sentence end, "its" roles,
#: capitalised titles, coordinated-verb clause stops, short direct quotes, one-word names), then
#: when the fourth blind quote set joined the fixtures (the same code gives 23f709d3... without it),
#: then for the attr-rules families (appositions stop at a sentence end, "the <Name>" and
#: institution names are no people, role-named sentence subjects, interview role labels; a name
#: behind lower-case role words after a closing mark), then for a quote's speaker named in the
#: sentence after it ('"..." That was how X put it', 'The speaker is X', 'The man, X, is 71'), then
#: for possessive colon lead-ins and bullet names ("X's message was short:", "- X:"), "X of the
#: <Institution>" subjects, dash tails with a two-word object and the verb "reminds", then for
#: subjects behind a short opening phrase ("By evening X has ..."), then when the fifth blind quote
#: set joined the fixtures (the same code gives 021c6f42... without it), then for transcript turns
#: (labels with timestamps, descriptions and parenthesised constituencies or names, honorifics
#: dropped, one person's labels merged, hosts named in the introduction ask, debates with many
#: speakers have no interviewer) and names that never run over a sentence's end, then for the
#: blind5 direct-speaker families (", Name, said" and ", did" subjects, names given surname first,
#: a "He ..." narration paragraph handing the next unattributed quote to its referent), then for
#: partial-quote subjects (appositions before labelling verbs, "has long argued") and reported
#: clauses that go on past "but" before a modal, then for "the paper" / "the statement" (source
#: nouns in resources/source_nouns.txt) as the outlet or organisation just named as a subject, then
#: for label asides that ask ("JANE ROE (HOST):", "Moderator (Jane Roe):"), role labels with the
#: person in parentheses, "speaker" as a role noun, capitals names in title case for every turn,
#: and no asker from half of two turns; then when the sixth blind set joined the fixtures (the same
#: code gives b639be10... without it), then for the spk families (role labels of transcript turns
#: named in a heading, headings and bracketed asides that are no turns, readers' questions to one expert,
#: headline quotes taking the speaker of the body quote they repeat, colon lead-in subjects and sign-off
#: dashes, sentence subjects settled before "the <role> said"), then for role holders named after
#: the place they serve, subjects with two asides, indefinite pronouns as no people, names with
#: particles and shortened to an inner word, the person named since the last quote, "he ..." clauses
#: before a quote, possessive roles after a closing mark and short quotes in a row, then for bullets
#: of narration ("- X told the radio that ...") that are no dash speech; then when the seventh blind
#: set joined the fixtures (the same code gives 44b7fb5b... without it), then for the speech verbs and
#: role nouns added to the packaged lists after that set's measurement, then for a pronoun meaning the
#: person its paragraph introduced with an apposition and a reply never going to the question's asker,
#: then for unnamed sources after their verb keeping where they are ("said a manager at a London fund",
#: "one user from Kharkiv" with any lower-case noun), then for roles written as acronyms ("the German
#: MEP") that are no names; then when the eighth blind set joined the fixtures (the same code gives
#: 8e817703... without it); then for the rules tuned on blind8 (numbered and vox-pop interviews, places,
#: nicknames, roles named late), the ninth blind set joining the fixtures and the rules tuned on it
#: (transcript layouts, Spanish dialogue dashes, signed quotes, bullets, first names); then when the
#: tenth blind set joined the fixtures (the same code gives 1a7b0d82... without it), then for the rules
#: tuned on it (unnamed sources described past their role noun, people by age, Source/Quote blocks,
#: interviews without labels or with labels in brackets); then when the eleventh blind set joined the
#: fixtures (the same code gives 46628c22... without it), and the twelfth (6a70fb11... without it);
#: then for the rules tuned on blind12 (bare roles after the verb, capitalised roles, labels with a
#: slash, an outlet's question label before a dash, names with "al-", full names given later); then
#: when the thirteenth blind set joined the fixtures (b440112a... without it), then for the rules tuned on
#: it (unlabelled interviews with statements for questions, translated "interlocutors", honorifics);
#: then when the fourteenth blind set joined the fixtures (dfdd5393... without it), then for the rules
#: tuned on it (nested guillemets, "Question."/"Answer." labels, party tags, shorter forms of full names,
#: Malaysian honorifics, places after "from"/"near", long titles, headlines quoting in single marks);
#: then when the fifteenth blind set joined the fixtures (94c943b0... without it), then when a headline's
#: phrase in single marks before a colon stopped being converted to a quote (a speaker tag to the label rule);
#: then for the rules tuned on blind15 (vox pops, speaker lines, outlets in guillemets after a dash,
#: institutions after titles, nationality qualifiers, Latin Extended-A capitals); then when the sixteenth
#: blind set joined the fixtures (f52f0d73... without it), then for the rules tuned on it (regions, dash speech
#: of roles without an article, unnamed sources with a "who" clause of two words or more, or "close to" whom);
#: then when the seventeenth blind set joined the fixtures (fae3a8d6... without it), then for the rules tuned on
#: it (dotted initials, introductions naming their subject with a verb, roles of someone named in the possessive);
#: then when the eighteenth blind set joined the fixtures (461e71f8... without it), then for the rules tuned on
#: it (unlabelled interviews given to an outlet, an outlet's label that is a common word, institutions named
#: with "for", roles after a dash, roles' labels over live-blog entries, "the President of X", headline gists),
#: then for the second round on it ("Ambassador to X", "our correspondent", "the head of the delegation", a
#: source named in the passive); then when the nineteenth blind set joined the fixtures (ce9025ea... without it),
#: then for the rules tuned on it ("he", "she", "we" never in a role phrase; a quote inside a reported clause is the
#: reporter's; an interview's subject is whom its introduction talked with, never who asked; a quote that is a
#: paragraph of its own takes the speaker of the body quote that repeats it); then when the twentieth blind set
#: joined the fixtures (0b00307f... without it), then for the rules tuned on it (a dash interview's questions in
#: step, the interviewee whom the outlet asked, "His Majesty" as the person last named, places and centres no people);
#: then when the twenty-first blind set joined the fixtures (0e761308... without it), then for the rules tuned on it
#: (initials with an accented capital, bylines no interviewee, "the outlet asked X", "the head of the delegation,
#: deputy minister X,", a headline's quote repeated in another case, "put it to me bluntly:", the person after an
#: institution's name, whom a reporter spoke with) (f344b238... before them); then when the twenty-second blind set
#: joined the fixtures (8404088c... without it), then for the rules tuned on it (doubled apostrophes, "This was
#: stated by X", quotes nested in dash speech, outlets of two words, bylines with the outlet in parentheses, a dash
#: interview's answer ending in "?", the end of an institution's name, "delegate") (fa5bdd18... before them); then
#: when the twenty-third blind set joined the fixtures (43616af7... without it); then when the twenty-fourth did
#: (d2f14605... without it), then for the rules tuned on both (first names a paragraph opens with, "named X",
#: streets, roles after a plural possessive, quotes over two paragraphs) (9dcf1c0e... before them); then when the
#: twenty-fifth and twenty-sixth blind sets joined the fixtures (1dd05881... without them), then for the rules
#: tuned on them ("Subjects:", "laughs", "Eduard, the owner of", "could", "the 38-year-old hydrologist")
#: (264a41a3... before them); then when the twenty-seventh and twenty-eighth blind sets joined the fixtures
#: (016bc19d... without them), then for the rules tuned on them ("WRITER:", the first question's "Frau X",
#: "The Austrian X", a byline's initials asking, "received Folha", turns after the last "?", "X from the
#: Association of ...", "I spoke with X", a passive's agent, "involved in the talks", a live blog's timed heading)
#: (ad435e26... before them); then when the twenty-ninth and thirtieth blind sets joined the fixtures
#: (63c5b87c... without them), then for the rules tuned on them (Swedish ”...” marks, "Relations" and
#: "Emergency" only in institutions' names, the interviewee the first question calls by first name)
#: (7ccf24ca... before them); then when the thirty-first and thirty-second blind sets joined the fixtures
#: (dcd1d646... without them), then for the rules tuned on them (unlabelled interviews with a stray label or
#: a closing note, a demonym in an introduction, a caller's caps name, "the academic", a role of an
#: institution, weekdays and "North Korean" as no person, Telegram emoji lines, a time zone in a timed entry, a
#: headline's "'...': X on ...", a long title or "who" clause before a name, a name's aside) (57883d61... before them);
#: then when the thirty-third and thirty-fourth blind sets joined the fixtures (3c768197... without them), then for
#: the rules tuned on them (a byline "X / Outlet", outlets' "Times", labels' abbreviations, "Host: X", the person
#: before an institution, "al-X", "dos", "reports ... correspondent X", "believes X", an interview's headline quote,
#: "the expert" of a professor, "head of the X district, Y,") (a1c67420... before them); then when the
#: thirty-fifth and thirty-sixth blind sets joined the fixtures (9ad5389f... without them), then for the rules
#: tuned on them ("states" as a noun after a demonym or a quantifier, a patronymic) (3551758e... before them);
#: then when the thirty-seventh and thirty-eighth blind sets joined the fixtures (40aab3f3... without them), then
#: for the rules tuned on them (caps labels with an accented capital or a bracketed tag, a possessive apposition, a
#: name given before with one more word, passive lead-ins) (68166fb7... before them); then when the thirty-ninth
#: and fortieth blind sets joined the fixtures (3cfd7086... without them), then for the rules tuned on them (a
#: moderator of several guests, "Jane Roe (host)", "VOICE OF", five questions answered in the first person, the person a
#: dash interview's first question calls, initials of a double surname, a role of an institution with its
#: abbreviation, "Contacted by X, the ...", a first name that runs a shop, a live blog's "23:40 - X spoke" and
#: "X on Y:") (4558de04... before them); then when the forty-first and forty-second blind sets joined the
#: fixtures (daa28ab0... without them), then for the rules tuned on them (initials with a digraph, first-name
#: labels after full ones, an unlabelled interview's answer that ends asking, "◇ Jane Roe>" labels, "summed up",
#: relatives and their gender, a group never "he") (7286ae70... before them); then when the forty-third and
#: forty-fourth blind sets joined the fixtures (2d6f1e11... without them), then for the rules tuned on them (a
#: wire dateline before a colon, an institution named short, "the statement said") (fe1366a5... before them);
#: then when the forty-fifth and forty-sixth blind sets joined the fixtures (df74296e... without them), then for
#: the rules tuned on them (a people's name alone, the other UN member states as places, an unlabelled interview
#: under a headline that names its interviewee, clergy titles) (a652ff70... before them); then when the
#: forty-seventh and forty-eighth blind sets joined the fixtures (3cbb5690... without them); then, with the same
#: code, for the benchmark corpus's first 300 articles in place of its 1,000 (a9c7381b... with all of them); then
#: for the rules tuned on blind47 and blind48 (places and datelines in an interview's introduction, a first name
#: alone, "told us", "discussed ... with") (01ce2787... before them); then for the trades met in features as role
#: nouns, a source "near" a place and a named person's relative as a subject (0203ff64... before them); then for
#: a person before an institution's name in reported speech, an acronym before a comma, "Authority", "Bureau" and
#: "Service" as institution words and no place as a role's holder (61027290... before them); then when the
#: forty-ninth and fiftieth blind sets joined the fixtures (5d6aebe5... without them); then for the rules tuned
#: on them (a broadcast's guests, a nickname, the author's relative, a person written to) (bc97517c... before them);
#: then when the fifty-first and fifty-second blind sets joined the fixtures (f3041f60... without them); then for
#: the rules tuned on them (accented one-word labels, "His real name is", a place opening a sentence, two-word
#: nicknames) (8c8f163c... before them); then when the fifty-third and fifty-fourth blind sets joined the fixtures
#: (841c85da... without them); then for the rules tuned on them (double surnames, initials without a middle
#: name, dated bylines) (d2f93728... before them); then when the fifty-fifth and fifty-sixth blind sets joined the
#: fixtures (440c89df... without them); then for the rules tuned on them (header lines of names and a date, a
#: relative named in apposition) (f7450685... before them); then when the fifty-seventh and fifty-eighth blind
#: sets joined the fixtures (d7703966... without them); then for the rules tuned on them (nicknames' real names,
#: patronymics, the author's relative after a quote, ...) (877a36ab... before them); then when the fifty-ninth and
#: sixtieth blind sets joined the fixtures (95a4eee9... without them); then for the rules tuned on them (a
#: statement's issuer, nicknames, 'used to say', ...) (d7aa2e0e... before them); then when the sixty-first and
#: sixty-second blind sets joined the fixtures (447c4016... without them); then for the rules tuned on them (a
#: communiqué's issuer, 'the statement read', ...) (b6c4ef98... before them); then when the sixty-third and
#: sixty-fourth blind sets joined the fixtures (e8d9c58b... without them); then for the rules tuned on them
#: (initials of a two-syllable given name, a call sign, 'Mother used to say', ...) (21975673... before them;
#: aa4ec6fb... before the last three: a live blog's 'Roe:' entry, its time in Japanese brackets, 'A woman from X (34) who');
#: then when the sixty-fifth and sixty-sixth blind sets joined the fixtures (767984cc... without them); then for
#: the rules tuned on them (abbreviations written out, second surnames, a dateline over an interview, ...) (05065aa1...
#: before them); then when the sixty-seventh and sixty-eighth blind sets joined the fixtures (2e3ec8e4... without them);
#: then for the rules tuned on them (initials of no name, headline quotes before 'Roe opens', a daughter's surname, ...)
#: (1a5b3164... before them); then when the sixty-ninth and seventieth blind sets joined the fixtures (e78d1432...
#: without them); then for the rules tuned on them ('With these words X opened', a nickname in lower case, 'his mother
#: repeats', ...) (192bb3d8... before them); then when the seventy-first and seventy-second blind sets joined the fixtures
#: (b0dbe785... without them); then for the rules tuned on them (two titles before a head of state's name, a nickname in
#: parentheses, an unnamed man or woman named later, ...) (cb514bb4... before them); then when the seventy-third and
#: seventy-fourth blind sets joined the fixtures (b37719e8... without them); then for the rules tuned on them ('says
#: finally', 'objects', 'introduced herself as', an abbreviation in parentheses, ...) (c1455195... before them); then
#: when the seventy-fifth and seventy-sixth blind sets joined the fixtures (ef897b02... without them); then for the rules
#: tuned on them (no interviewee after 'of', an institution and an aside before a dash attribution's verb, a question
#: about someone) (3d7a0711... before them); then when the seventy-seventh and seventy-eighth blind sets joined the
#: fixtures (93dc781b... without them); then for the rules tuned on them (rectors as roles, a dash turn's own words, an
#: adverb ending a dash attribution, a first name after a full one, a feature's first speaker named next) (b918d222...
#: before them); then when the seventy-ninth and eightieth blind sets joined the fixtures (db10c9a8... without them); then
#: for the rules tuned on them (dash questions half of them statements, one-word nicknames, a capitalised occupation)
#: (950a2a26... before them); then when the eighty-first and eighty-second blind sets joined the fixtures (db9d3dcf...
#: without them); then for the rules tuned on them (a patronymic's dash interview, a quote's own labelling subject)
#: (4d2c84fc... before them); then when the eighty-third and eighty-fourth blind sets joined the fixtures (c0527ddd...
#: without them); then for the rules tuned on them (an island no interviewee, an unnamed dash source, a name after its
#: verb ending with its sentence) (c8de3c43... before them); then when the eighty-fifth and eighty-sixth blind sets joined
#: the fixtures (3f1da60e... without them); then for the rules tuned on them (a second guest's label, a one-word place,
#: a person introduced with an age) (394426e6... before them); then when the eighty-seventh and eighty-eighth blind sets
#: joined the fixtures (21f7db1e... without them); then for the rules tuned on them (a possessive title in apposition, a
#: place no interviewee, a nickname after an age) (b62600f5... before them); then when a role's fallback read the whole
#: paragraph again ('," said the head of the delegation, Presidential Aide Jan Roe.') (b414eea7... before); then when
#: the eighty-ninth and ninetieth blind sets joined the fixtures (de273b57... without them); then for the rules tuned on
#: them (habitual speech beside a quote, '"...," she would say'; "my great-grandmother") (35da72e7... before them); then
#: when the ninety-first and ninety-second blind sets joined the fixtures (bbc517e5... without them); then for the rules
#: tuned on them (a live blog's timed entry heading as its speaker's gist) (fd7689e2... before them); then when the
#: ninety-third and ninety-fourth blind sets joined the fixtures (c7352055... without them); then for the rules tuned on
#: them (reported clauses without "that" after more verbs and subjects, group subjects, saints' names, "X of Idaho")
#: (742d8c40... before them); then when the ninety-fifth and ninety-sixth blind sets joined the fixtures (67ea2e79...
#: without them); then for the rules tuned on them (a box heading's interviewee, longer bare subjects, timed entries
#: under a full name) and the scoring of quotes over two paragraphs (50244391... before them); then when the
#: ninety-seventh and ninety-eighth blind sets joined the fixtures (ef3826c6... without them); then for the rules tuned
#: on them (labels in full then initials, who asks, box headings with a role, labels with a place) (eb113c0e... before);
#: then when the ninety-ninth and hundredth blind sets joined the fixtures (862ae8c2... without them); then for the rules
#: tuned on them ("den", "Q&A |", a relative's shared surname, "I went back to") (a7e2cf57... before them); then when
#: the hundred-and-first and hundred-and-second blind sets joined the fixtures (930b8d62... without them); then when the
#: hundred-and-third and hundred-and-fourth joined (70cd9595... without them); then for the rules tuned on them (whom an
#: interviewee "sat down with", a live blog's questions to a ministry, a surname-first label, an "FM", titles joined by
#: hyphens, a person "of the ... Organization", captains and headmen as roles) (858fc49a... before them); then when the
#: hundred-and-fifth and hundred-and-sixth joined (76a4e16f... without them); then for the rules tuned on them
#: (questions in bold markers, the first of two surnames as a label, instructors as roles) (c592e2af... before them);
#: then when the hundred-and-seventh and hundred-and-eighth joined (44e25ac5... without them); then for the rules tuned
#: on them (peoples' adjectives, "Port", whoever "answered our questions") (40f485f7... before them); then when the
#: hundred-and-ninth and hundred-and-tenth joined (07c37e36... without them); then when the hundred-and-eleventh and
#: hundred-and-twelfth joined (eee2acba... without them); then for the rules tuned on them (a name its label's initials
#: spell out, whom the paragraph before the turns says the outlet asked) (fe931083... before them); then when a dash
#: before words that end with no stop became a list's bullet (b7b219bb... before); then when the hundred-and-thirteenth
#: to hundred-and-sixteenth joined (34b86e24... without them); then for the rules tuned on them (given names after full
#: ones as labels, whom an outlet "reached", a title name as a label, a line of a name and a place, "told the
#: correspondent of") (835765af... before them); then when the hundred-and-seventeenth to hundred-and-twentieth joined
#: (ac372b9f... without them); then when the hundred-and-twenty-first to hundred-and-twenty-fourth joined (e6bb7001...
#: without them); then for the rules tuned on them (portfolio words, caption labels, plain questions mostly in step)
#: (991bbfb7... before them); then when the hundred-and-twenty-fifth to hundred-and-twenty-eighth joined (52bb6a91...
#: without them); then for the rules tuned on them (whom "she spoke to" the outlet, continents, a dashed question's
#: name, a second guest's initials, a dash answer's second paragraph, closing thanks) (626121a6... before them); then
#: when the hundred-and-twenty-ninth to hundred-and-thirty-second joined (2e4e00d4... without them); then for the rules
#: tuned on them (whom the outlet spoke to as "her", "answered three questions", a presenter's name before a full
#: stop) (75d0ec4e... before them); then when the hundred-and-thirty-third to hundred-and-thirty-sixth joined
#: (21e01d5f... without them); then for the rules tuned on them (a role in apposition before whom the outlet spoke to,
#: a broadcast's host who opens it and asks every question, "Question from the floor:") (1d4d5469... before them);
#: then when the hundred-and-thirty-seventh to hundred-and-fortieth joined (ea2c4cd6... without them); then for the
#: rules tuned on them (a dash interview under a caption line, "put its questions to", quotes in bullets)
#: (dc786220... before them); then when the hundred-and-forty-first to hundred-and-forty-eighth joined (a0e25bc9...
#: without them); then for the rules tuned on them ("spoke to the Herald", initials with a particle, the first of two
#: surnames) (bccf83a5... before them); then when the hundred-and-forty-ninth to hundred-and-fifty-sixth joined
#: (aede4c21... without them); then when the hundred-and-fifty-seventh to hundred-and-sixty-fourth joined (b3391e4c...
#: without them); then when the fixture READMEs (read as texts too) gained their provenance note, with no rule changed
#: (cc5bec0d... before: the same code gives it on the READMEs as they were).
PIPELINE_DIGEST = "73db626bd7fce27faa42d72e431fb9cd6421cfe007bdfaed72d39e7645fb2b3a"

#: The benchmark corpus's articles the pipeline's digest reads: its 1,000 articles recombine the seeds' body
#: paragraphs and the same leftovers, 113 distinct lines, which its first 100 already hold; 300 keep orders and
#: neighbours of paragraphs varied at a third of the cost (22 s of the digest's 56 s were the 1,000 articles).
BENCHMARK_ARTICLES = 300


def pipeline_digest() -> str:
    texts = [*benchmark_articles()[:BENCHMARK_ARTICLES], *fixture_texts()]
    shared = clean.repeated_lines(texts[:300])
    digest = hashlib.sha256()
    for i, text in enumerate(texts):
        lines = text.splitlines()
        known = {} if i % 3 else {"title": lines[8] if len(lines) > 8 else None, "author": "Jane Example",
                                  "shared_lines": shared}
        cleaned = clean.clean_article(text, **known)
        paragraphs = [p["text"] for p in cleaned.paragraphs]
        sentences, quotes = segment.segment_paragraphs(paragraphs)
        out = [cleaned.paragraphs, cleaned.removed, cleaned.title, cleaned.date, cleaned.author, sentences, quotes,
               [segment.tokenize(p) for p in paragraphs]]
        digest.update(json.dumps(out, ensure_ascii=False, sort_keys=True).encode("utf-8"))
    return digest.hexdigest()


def test_cleaning_and_segmentation_of_every_corpus_article_are_unchanged() -> None:
    assert pipeline_digest() == PIPELINE_DIGEST


def reference_cue_reason(text: str, words: int, cues: Sequence[clean.Cue],
                         hits: dict[int, bool] | None = None) -> tuple[str | None, bool]:
    """clean_cues._cue_reason as it was: every cue tried in turn. `hits` (cue index: whether it
    matches `text`) keeps the matches tried for one text across calls with other word counts (a
    match does not depend on the count)."""
    hits = {} if hits is None else hits
    found = None
    for k, cue in enumerate(cues):
        if cue.max_words and words > cue.max_words:
            continue
        if k not in hits:
            hits[k] = _reference_cue_hit(text, cue)
        if not hits[k]:
            continue
        if cue.block:
            return cue.reason, True
        if found is None:
            found = cue.reason
    return found, False


def _reference_cue_hit(text: str, cue: clean.Cue) -> bool:
    if cue.match == "line":
        hit = cue.pattern.fullmatch(text) or cue.pattern.fullmatch(text.strip(clean_cues._DECORATION))
    elif cue.match == "start":
        hit = cue.pattern.match(text)
    else:
        hit = cue.pattern.search(text)
    if not hit:
        return False
    return not (cue.reason == "byline" and cue.match == "start"
                and not clean_bylines._looks_like_names(text[hit.end() - 1:]))


def _fast_cue_reason(text: str, words: int, cues: Sequence[clean.Cue]) -> tuple[str | None, bool]:
    return clean_cues._cue_reason(text, words, cues, clean_cues._cue_screen(tuple(cues)))


def test_cues_of_every_corpus_line_are_unchanged() -> None:
    cues = clean.load_cues()
    for line in cue_lines():
        plain = clean_lines._plain(clean_lines._fold(line))
        hits: dict[int, bool] = {}
        for words in {clean_lines._count_words(plain), 0, 3, 7, 13, 31, 61, 500}:
            assert _fast_cue_reason(plain, words, cues) == reference_cue_reason(plain, words, cues, hits), (plain, words)


_CUE_WORDS = ["share", "Share", "SHARE", "ſhare", "read more", "by", "photo", "reuters", "cookie", "subscribe", "©",
              "advertisement", "ad", "home", "news", "»", ">", "|", "…", "kelvin", "\u212aelvin", "ık", "İstanbul",
              "straße", "STRASSE", "µ", "μ", "σ", "ς", "Σ", "comment", "2024", "12:30", "(", ")", "[", "]", "-"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_CUE_WORDS) | st.text(max_size=6), max_size=12), st.integers(0, 70))
def test_cues_of_generated_lines_are_unchanged(parts: list[str], words: int) -> None:
    cues = clean.load_cues()
    text = " ".join(parts)
    assert _fast_cue_reason(text, words, cues) == reference_cue_reason(text, words, cues)


# Pieces of regular expressions for cue files: literals with case look-alikes, alternations with an
# empty branch, optional and repeated groups, classes, anchors, lookarounds, a back reference.
_PATTERN_PIECES = ["share", "ſ", "s", "K", "\u212a", "ı", "i", "İ", "σ", "ς", "ß", "ẞ", "µ", "μ", "©", "ab", " ", r"\s+",
                   r"\b", r"\w+", r"\d", "[a-z]", "[^x]", ".", "^", "$", "(?:ab|)", "(cd|ef)", "(?:gh)?", "(?:ij)*",
                   "(?:kl)+", "(?=m)", "(?!n)", "(?<=o)", "(?-i:PQ)", r"(x)\1", "(?>rs)", "t{2,3}", "u*+"]


@st.composite
def cue_files(draw: st.DrawFn) -> str:
    rows = []
    for _ in range(draw(st.integers(1, 8))):
        pattern = "".join(draw(st.lists(st.sampled_from(_PATTERN_PIECES), min_size=1, max_size=5)))
        if draw(st.booleans()):
            pattern += "|" + "".join(draw(st.lists(st.sampled_from(_PATTERN_PIECES), min_size=1, max_size=3)))
        match = draw(st.sampled_from(["contains", "contains", "line", "start"]))
        reason = draw(st.sampled_from(["navigation", "social", "related+block" if match == "line" else "promo"]))
        rows.append(f"{reason}\t{match}\t{draw(st.sampled_from([0, 0, 3, 8]))}\t{pattern}")
    return "\n".join(rows)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cue_files(), st.lists(st.text(alphabet="abcdefghijklmnopqrstuxSKIPQ ſ\u212aıİσςΣßẞµμ©x12", max_size=14), max_size=5))
def test_generated_cue_files_match_the_same_lines(cue_file: str, lines: list[str]) -> None:
    """Any cue file: the strings a cue's matches need are read from its pattern correctly."""
    try:
        cues = clean_cues._parse_cues(cue_file, "generated.tsv")
    except ValueError:
        return
    for line in lines:
        for words in (1, 5, 20):
            assert _fast_cue_reason(line, words, cues) == reference_cue_reason(line, words, cues), line


def test_case_keys_join_the_characters_re_takes_for_one_another() -> None:
    """terms.fold_char (clean_cues._fold_case) gives characters that re.IGNORECASE matches to each other the same key."""
    from re._casefix import _EXTRA_CASES

    assert all(fold_char(c) == c.lower() for c in map(chr, range(128)))
    for code in range(0x2500):
        char = chr(code)
        for other in {char.lower(), char.upper(), char.casefold(), char.title(), *map(chr, _EXTRA_CASES.get(code, ()))}:
            if len(other) == 1 and re.fullmatch(re.escape(other), char, re.IGNORECASE):
                assert fold_char(char) == fold_char(other), (char, other)


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40) | st.text(alphabet="aSſKk\u212aıIİiσςΣß’“", max_size=20))
def test_case_folded_text_is_folded_one_character_at_a_time(text: str) -> None:
    assert clean_cues._fold_case(text) == "".join(map(fold_char, text))


def reference_fold(line: str) -> str:
    line = unicodedata.normalize("NFC", line).translate(clean_lines._INVISIBLE)
    return " ".join(line.split())


def reference_normalize_line(line: str) -> str:
    folded = reference_fold(line).translate(clean_lines._QUOTES).casefold()
    return folded.strip(" .,:;!?-'\"")


def reference_parse_date_line(text: str) -> tuple[bool, str | None]:
    """clean.parse_date_line as it was, with the two rules added on purpose written out here too:
    day-month-year dates ("03.06.2025", "06-Jun-2025") count as having a year, and an ISO date
    ("2024-05-03") is read as it is written, not day first."""
    fill, months = clean_dates._DATE_FILLER, clean_dates._MONTHS
    tokens = reference_date_tokens(text)
    if tokens is None:
        return False, None
    text = re.sub(r"^(?:[A-Z][\w'’.-]+ ){0,3}[A-Z][\w'’.-]+,\s+(?=\S)", "", reference_fold(text))
    if not all(fill.match(t) for t in tokens):
        return False, None
    has_year = any(re.fullmatch(r"(?:19|20)\d{2}", t) or re.match(r"\d{4}[-/.]\d", t) or re.search(r"-(?:19|20)\d{2}$", t)
                   or re.fullmatch(r"\d{1,2}[-/.]\d{1,2}[-/.](?:19|20)\d{2}", t) for t in tokens)
    has_month = any(re.fullmatch(months, t) for t in tokens)
    relative = "ago" in tokens or "today" in tokens or "yesterday" in tokens
    has_time = any(re.fullmatch(r"\d{1,2}[:.]\d{2}(?::\d{2})?(?:am|pm)?", t) for t in tokens)
    stamped = has_time and any(re.fullmatch(r"[a-z]{2,4}|(?:gmt|utc)[+-].*|published|updated|posted", t)
                               and not re.fullmatch(months, t) for t in tokens)
    if not (has_year or relative or stamped or (has_month and any(t.isdigit() for t in tokens))):
        return False, None
    has_day = any(re.fullmatch(r"\d{1,2}(?:st|nd|rd|th)?", t) for t in tokens) or any(
        re.match(r"\d{1,4}[-/.]\d{1,2}[-/.]\d", t) for t in tokens)
    if relative or not has_year or not has_day:
        return True, None
    iso = next((t for t in tokens if re.fullmatch(r"(?:19|20)\d{2}-\d{2}-\d{2}(?:t[\d:.z+-]+)?", t)), None)
    if iso:
        try:
            return True, __import__("datetime").date.fromisoformat(iso[:10]).isoformat()
        except ValueError:
            return True, None
    first = next((part for part in re.split(r"[|·•]", text) if re.search(r"\d{4}", part)), text)
    cleaned = re.sub(r"\b(published|updated|posted|last|modified|created|date|on|at)\b:?", " ", first, flags=re.I)
    cleaned = re.sub(r"\b(GMT|UTC)[+-]\d{1,2}(:?\d{2})?\b|\bET\b|\bPT\b|\bIST\b|\s[+-]\d{4}\b", " ", cleaned)
    cleaned = re.sub(r"\b(\d{1,2})\.(\d{2})\b(?![./-]\d)", r"\1:\2", cleaned)
    cleaned = re.sub(r"\b(EST|EDT|CST|CDT|MST|MDT|PST|PDT|BST|CET|CEST|EET|EEST|MSK|IST|JST|KST)\b", " ", cleaned)
    try:
        stamp = clean_dates.dateparser.parse(cleaned, fuzzy=True, dayfirst=not re.search(rf"\b({months})\b", cleaned, re.I))
    except (ValueError, OverflowError):
        return True, None
    return True, stamp.date().isoformat()


def reference_date_tokens(text: str) -> list[str] | None:
    """The tokens parse_date_line judges, or None where it gives up for their number."""
    text = re.sub(r"^(?:[A-Z][\w'’.-]+ ){0,3}[A-Z][\w'’.-]+,\s+(?=\S)", "", reference_fold(text))
    tokens = [t.strip(".,:;()|•·-–—").lower() for t in text.split()]
    tokens = [t for t in tokens if t]
    return None if not tokens or len(tokens) > 14 else tokens


_LINE_TEXTS = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60) | st.text(
    alphabet="aB ,.:-–—“”‘’«»\u200b\u00ad\ufeff\u00a0\tMay2025é\u0301", max_size=60)


@settings(max_examples=500, deadline=None)
@given(_LINE_TEXTS)
def test_line_folding_and_keys_are_unchanged(line: str) -> None:
    assert clean_lines._fold(line) == reference_fold(line)
    assert clean.normalize_line(line) == reference_normalize_line(line)


def test_line_folding_of_every_corpus_line_is_unchanged() -> None:
    for line in [*corpus_lines(), *(ln for text in fixture_texts() for ln in text.splitlines())]:
        assert clean_lines._fold(line) == reference_fold(line)
        assert clean.normalize_line(line) == reference_normalize_line(line)
        assert clean.parse_date_line(line) == reference_parse_date_line(line)


def test_date_lines_of_every_length_are_unchanged() -> None:
    for n in range(10, 18):
        for filler in (["May", "3"], ["12:30", "GMT"], ["on", "2024-05-03"], ["-", "Updated"]):
            line = " ".join((filler * n)[:n])
            assert clean.parse_date_line(line) == reference_parse_date_line(line), line
            line = "New Delhi, " + line
            assert clean.parse_date_line(line) == reference_parse_date_line(line), line


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["May", "3,", "2025", "12:30", "GMT", "Updated", "-", "—", "|", "on", "at", "x", "New",
                                 "Delhi,", "ago", "2", "hours", "Mon", "2024-05-03", "·", "()"]), max_size=20))
def test_date_lines_are_unchanged(words: list[str]) -> None:
    line = " ".join(words)
    assert clean.parse_date_line(line) == reference_parse_date_line(line)


def test_cached_line_properties_equal_fresh_ones() -> None:
    for text in [*benchmark_articles()[:200], *fixture_texts()]:
        for line in clean_lines._read_lines(text):
            cached = (line.plain, line.plain_words, line.key, line.word_set, line.ends_sentence, line.prose)
            line._changed()
            assert cached == (clean_lines._plain(line.text), clean_lines._count_words(clean_lines._plain(line.text)),
                              clean.normalize_line(line.text), clean_lines._word_set(line.text), line.ends_sentence, line.prose)
