"""The term matcher's word index finds exactly what the one regular expression it replaced finds.

Kept apart from test_speed_equivalence.py (whose corpora it reads) so that the two long
equivalence files run side by side on two processes (`make test`, `--dist loadfile`).
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_speed_equivalence import ROOT, cue_sentences

from analysis import framing, sentiment
from analysis.screen import may_hit
from analysis.terms import TermMatcher

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


#: Most terms of a dictionary checked on every corpus text. The one regular expression tries each term at
#: every position: over the 19,600 texts the frames' 259 terms took 24 s and the speaker groups' 296 took 30 s
#: of the test's 76 s (the word index: about 1 s each), so these two read every second text.
EVERY_TEXT_UP_TO = 200


def test_term_hits_in_every_corpus_text_are_unchanged() -> None:
    quotes = pd.read_parquet(ROOT / "data" / "processed" / "quotes.parquet")
    # (each distinct text once: cue_sentences holds the lines too, and so every line and sentence of the
    # fixtures, the quotation gold sets from blind13 on left out (see CUE_GOLD_SETS); whole fixture files are
    # no text the pipeline hands a matcher, which reads paragraphs and sentences)
    texts = list(dict.fromkeys([*cue_sentences(), *quotes["speaker"], *quotes["text"]]))
    for name, matcher in packaged_matchers().items():
        # every text for the whole dictionaries up to `EVERY_TEXT_UP_TO` terms, every second text for larger ones,
        # every fifth for the parts of a dictionary (a frame's terms, an actor's)
        step = 5 if " " in name else 1 if len(matcher.terms) <= EVERY_TEXT_UP_TO else 2
        for text in texts[::step]:
            assert list(matcher.finditer(text)) == plain_finditer(matcher, text), (name, text)


def test_single_term_matchers_are_unchanged() -> None:
    """framing.speaker_group and kwic use one matcher per term."""
    texts = list(cue_sentences())[:300]
    for term in packaged_term_lists()["speakers"][::3]:
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
@given(st.lists(st.text(alphabet=_TERM_ALPHABET + " *", min_size=1, max_size=8), min_size=1, max_size=20),
       st.lists(st.text(alphabet=_TERM_ALPHABET + " .,\n", max_size=12), max_size=6))
def test_hits_of_generated_dictionaries_are_unchanged(terms: list[str], texts: list[str]) -> None:
    """Any dictionary: wildcards, acronyms, several words, terms that do not start with a word
    character (those matchers scan the whole text), on texts of the same characters."""
    if not any(t.strip() for t in terms):
        return
    matcher = TermMatcher(terms)
    for text in [*texts, " ".join(terms), " ".join(terms).upper(), ", ".join(t.lower() for t in terms)]:
        assert list(matcher.finditer(text)) == plain_finditer(matcher, text)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.text(alphabet=_TERM_ALPHABET + " *", min_size=1, max_size=8), min_size=1, max_size=20),
       st.lists(st.text(alphabet=_TERM_ALPHABET + " .,\n", max_size=12), max_size=6))
def test_the_screen_for_many_texts_never_drops_a_text_with_a_hit(terms: list[str], texts: list[str]) -> None:
    """`may_hit` (Arrow's regular expressions over many texts at once) says False only for texts in
    which `finditer` finds nothing, whatever the dictionary and the case, look-alike letters (ı, ſ,
    the Kelvin sign) included."""
    if not any(t.strip() for t in terms):
        return
    matcher = TermMatcher(terms)
    every = [*texts, " ".join(terms), " ".join(terms).upper(), ", ".join(t.lower() for t in terms)]
    for text, may in zip(every, may_hit(matcher, every)):
        assert may or not list(matcher.finditer(text)), text


def test_the_screen_rules_out_texts_of_the_corpus_without_a_term() -> None:
    """On the packaged dictionaries and every corpus paragraph: no paragraph with a hit is ruled out,
    and the screen rules out most of those without one (it is a screen, not a pass-through)."""
    texts = list(pd.read_parquet(ROOT / "data" / "processed" / "paragraphs.parquet")["text"])
    texts += [t.upper() for t in texts] + [t.replace("i", "ı") for t in texts]
    without, dropped = 0, 0
    for name, matcher in packaged_matchers().items():
        may = may_hit(matcher, pd.Series(texts, dtype="string"))
        hit = [bool(list(matcher.finditer(t))) for t in texts]
        assert not any(h and not m for h, m in zip(hit, may)), name
        without += sum(not h for h in hit[: len(texts) // 3])
        dropped += sum(not m for m in may[: len(texts) // 3])
    assert dropped > 0.5 * without  # (of the plain paragraphs without a hit, most are ruled out)


# --------------------------------------------------------------------------- n-grams


def sliced_grams(tokens: list[str], ngram_range: tuple[int, int], stops: frozenset[str], min_length: int) -> list[str]:
    """`ngrams.grams_of_tokens` as it was: every n-gram a joined slice."""
    tokens = [t for t in tokens if t not in stops and not t.isdigit() and len(t) >= min_length]
    out: list[str] = []
    for n in range(ngram_range[0], ngram_range[1] + 1):
        out += [" ".join(tokens[i:i + n]) for i in range(len(tokens) - n + 1)]
    return out


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["the", "kyiv", "war", "12", "a", "u.s", "peace talks", "", "x", "russia's"]), max_size=30),
       st.integers(1, 3), st.integers(1, 4), st.integers(0, 3))
def test_ngrams_are_those_of_joined_slices(tokens: list[str], low: int, span: int, min_length: int) -> None:
    """Unigrams as they are and bigrams by pairs (`grams_of_tokens`' shortcuts) give the same list, in the
    same order, as joining slices, for any range of n and any shortest token."""
    from analysis.ngrams import grams_of_tokens, stop_words

    ngram_range = (low, low + span - 1)
    assert grams_of_tokens(tokens, ngram_range, min_length=min_length) == \
        sliced_grams(tokens, ngram_range, stop_words(), min_length)
