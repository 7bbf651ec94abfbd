"""The faster per-article code gives exactly what the plain code it replaced gives.

Each fast path is compared with the original, slow implementation, kept here as the reference,
on every text at hand: the seed corpus, all sentences and paragraphs of the 1,000-article
benchmark corpus (benchmarks/bench_build.py), the texts in tests/fixtures, and texts that
hypothesis builds from the words and marks the rules react to. "Exactly" means equal reprs:
the same floats to the last bit, the same strings, the same order.
"""

from __future__ import annotations

import string
import sys
import tempfile
from functools import lru_cache
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis import framing, segment, sentiment
from analysis.terms import TermMatcher

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
    import json

    with tempfile.TemporaryDirectory() as tmp:
        path = generate(1000, 20240601, Path(tmp) / "corpus.jsonl")
        return tuple(json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines())


@lru_cache(maxsize=1)
def fixture_texts() -> tuple[str, ...]:
    return tuple(p.read_text(encoding="utf-8") for p in sorted(FIXTURES.rglob("*")) if p.suffix in (".txt", ".md"))


@lru_cache(maxsize=1)
def corpus_lines() -> tuple[str, ...]:
    """Every distinct line of the benchmark corpus, the fixtures and the seed paragraphs."""
    seed = pd.read_parquet(ROOT / "data" / "processed" / "paragraphs.parquet")["text"].tolist()
    lines = [line for text in (*benchmark_articles(), *fixture_texts()) for line in text.splitlines()]
    return tuple(dict.fromkeys(line.strip() for line in [*seed, *lines] if line.strip()))


@lru_cache(maxsize=1)
def corpus_sentences() -> tuple[str, ...]:
    """The seed sentences, and the sentences of every line above (with the lines themselves)."""
    seed = pd.read_parquet(ROOT / "data" / "processed" / "sentences.parquet")["text"].tolist()
    split = [s for line in corpus_lines() for s in segment.split_sentences(line)]
    return tuple(dict.fromkeys([*seed, *split, *corpus_lines()]))


# --------------------------------------------------------------------------- sentence scores


def reference_score_texts(texts: list[str], neutral_terms: frozenset[str] | None = None) -> list[dict[str, float]]:
    """`sentiment.score_texts` as it was: each library's own scorer on each text."""
    neutral = frozenset(sentiment.load_neutral_terms() if neutral_terms is None else neutral_terms)
    vader, vader_neutral, port = sentiment.analyzer(), sentiment.analyzer(neutral), sentiment.nltk_analyzer()
    rows = []
    for text in texts:
        scores = vader.polarity_scores(text)
        rows.append({
            **{k: float(scores[k]) for k in ("neg", "neu", "pos", "compound")},
            "compound_neutral": float(vader_neutral.polarity_scores(text)["compound"]),
            "compound_nltk": float(port.polarity_scores(text)["compound"]),
            "polarity_textblob": round(sentiment.textblob_polarity(text), 4),
        })
    return rows


def test_fast_scorers_are_used_with_the_installed_libraries() -> None:
    """The equivalence tests below are about the fast paths; they only run with the library
    versions the paths were checked against (sentiment._CHECKED): update that after re-checking."""
    assert all(sentiment._checked(package) for package in sentiment._CHECKED), sentiment._CHECKED


def test_scores_of_every_corpus_sentence_are_unchanged() -> None:
    texts = list(corpus_sentences())
    assert len(texts) > 1000
    assert repr(sentiment.score_texts(texts)) == repr(reference_score_texts(texts))


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


@pytest.mark.parametrize("text", ["", " ", "\n", "!", "!!", "no", "No progress.", "(see page 8)", "( ! ) good",
                                  "Peace 😡 talks", "not good", "but", "kind of good", "KIND OF GOOD but BAD"])
def test_scores_of_edge_cases_are_unchanged(text: str) -> None:
    assert repr(sentiment.score_texts([text])) == repr(reference_score_texts([text]))


# --------------------------------------------------------------------------- term matching


def plain_finditer(matcher: TermMatcher, text: str) -> list[tuple[str, int, int]]:
    """`TermMatcher.finditer` as it was: the one regular expression tried at every position."""
    return [(matcher.terms[m.lastindex - 1], m.start(), m.end()) for m in matcher._all.finditer(text)]


@lru_cache(maxsize=1)
def packaged_term_lists() -> dict[str, list[str]]:
    """Every packaged dictionary as `framing` and `sentiment` build matchers from it."""
    markers, frames = framing.load_markers(), framing.load_frames()
    actors, speakers = sentiment.load_actors(), framing.load_speaker_groups()
    lists = {"markers": list(markers["term"]), "frames": list(frames["term"]), "actors": list(actors["term"]),
             "speakers": list(speakers["term"])}
    lists.update({f"frame {f}": list(t) for f, t in frames.groupby("frame")["term"]})
    lists.update({f"actor {g}": list(t) for g, t in actors.groupby("group")["term"]})
    lists.update({f"speakers {g}": list(t) for g, t in speakers.groupby("group")["term"]})
    return lists


@lru_cache(maxsize=1)
def packaged_matchers() -> dict[str, TermMatcher]:
    return {name: TermMatcher(terms) for name, terms in packaged_term_lists().items()}


def test_the_packaged_dictionaries_use_the_word_index() -> None:
    matchers = packaged_matchers()
    assert all(matchers[name]._starts is not None for name in ("markers", "frames", "actors", "speakers"))


def test_term_hits_in_every_corpus_text_are_unchanged() -> None:
    quotes = pd.read_parquet(ROOT / "data" / "processed" / "quotes.parquet")
    texts = [*corpus_lines(), *corpus_sentences(), *fixture_texts(), *quotes["speaker"], *quotes["text"]]
    for name, matcher in packaged_matchers().items():
        for text in texts:
            assert list(matcher.finditer(text)) == plain_finditer(matcher, text), (name, text)


def test_single_term_matchers_are_unchanged() -> None:
    """framing.speaker_group uses one matcher per term (those scan with the regular expression)."""
    texts = list(corpus_sentences())[:300]
    for term in packaged_term_lists()["speakers"][:60]:
        matcher = TermMatcher([term])
        for text in [*texts, term, term.upper(), f"{term}’s view", f"x{term}", f"{term}x"]:
            assert list(matcher.finditer(text)) == plain_finditer(matcher, text)


# Characters `re.IGNORECASE` takes for others (ſ = s, ı and İ = i, Kelvin sign = k, µ = μ), marks
# around words, and word characters that are not letters.
_TRICKY = ["ſ", "ı", "İ", "\u212a", "µ", "μ", "ß", "ẞ", "é", "É", "_", "1", "-", "'", "’", "’s", "'s", ".", ",",
           "(", ")", "“", "”", "*", "\u00a0", "\n", "\t", "  "]


@st.composite
def term_texts(draw: st.DrawFn) -> str:
    """Texts made of the packaged terms' words, changed in case, glued, cut and extended."""
    words = sorted({w for terms in packaged_term_lists().values() for t in terms for w in t.rstrip("*").split()})
    parts = []
    for _ in range(draw(st.integers(0, 14))):
        kind = draw(st.integers(0, 9))
        if kind < 6:
            word = draw(st.sampled_from(words))
            case = draw(st.integers(0, 5))
            word = word.upper() if case == 0 else word.lower() if case == 1 else word.title() if case == 2 else word
            if draw(st.integers(0, 4)) == 0:
                word = word[: draw(st.integers(1, max(1, len(word))))] + draw(st.sampled_from(["", "s", "y", "ian", "-led"]))
        elif kind < 8:
            word = draw(st.sampled_from(_TRICKY))
        else:
            word = draw(st.text(alphabet="aeiksKSIyv-’'_1 ſıİ\u212a", max_size=5))
        parts.append(word)
        parts.append(draw(st.sampled_from([" "] * 8 + ["", "\n", ", ", ". ", "-", "’s ", "'s ", "  "])))
    return "".join(parts)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(term_texts())
def test_term_hits_in_generated_texts_are_unchanged(text: str) -> None:
    for name, matcher in packaged_matchers().items():
        assert list(matcher.finditer(text)) == plain_finditer(matcher, text), name


_TERM_ALPHABET = "akKsSiIyıİſ\u212a-’'_1é"


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.text(alphabet=_TERM_ALPHABET + " *", min_size=1, max_size=8), min_size=8, max_size=20),
       st.lists(st.text(alphabet=_TERM_ALPHABET + " .,\n", max_size=12), max_size=6))
def test_hits_of_generated_dictionaries_are_unchanged(terms: list[str], texts: list[str]) -> None:
    """Any dictionary: wildcards, acronyms, several words, terms that do not start with a word
    character (those matchers scan the whole text), on texts of the same characters."""
    if not any(t.strip() for t in terms):
        return
    matcher = TermMatcher(terms)
    for text in [*texts, " ".join(terms), " ".join(terms).upper(), ", ".join(t.lower() for t in terms)]:
        assert list(matcher.finditer(text)) == plain_finditer(matcher, text)
