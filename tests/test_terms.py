"""Dictionary matching that measures what it says: plurals, exact forms, proper names, scare quotes."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from analysis import framing, segment, terms
from analysis.framing import dictionaries
from analysis.terms import TermMatcher


def hits(matcher: TermMatcher, text: str) -> list[tuple[str, str]]:
    return [(term, text[a:b]) for term, a, b in matcher.finditer(text)]


def markers(text: str) -> list[tuple[str, str]]:
    """The packaged markers as framing matches them."""
    return hits(dictionaries._dictionaries()["markers"], text)


# --------------------------------------------------------------------------- plurals


def test_a_marker_finds_the_plural_of_its_last_word() -> None:
    found = markers("Russia would give up its special military operations in the east.")
    assert ("special military operation", "special military operations") in found
    assert markers("Two wars, not one.") == [("war", "wars")]
    assert markers("The invasions of 2014 and 2022.") == [("invasion", "invasions")]


@pytest.mark.parametrize(("term", "text", "form"), [
    ("war", "WARS", "WARS"), ("crisis", "two crisises", "crisises"), ("tax", "taxes", "taxes"),
    ("speech", "speeches", "speeches"), ("army", "both armies", "armies"), ("army", "the armies' positions", "armies"),
    ("day", "days", "days"), ("deputy", "the deputies", "deputies")])
def test_regular_plurals(term: str, text: str, form: str) -> None:
    assert hits(TermMatcher([term]), text) == [(term, form)]


def test_a_plurals_possessive_apostrophe_is_left_outside_the_hit() -> None:
    matcher = TermMatcher(["special military operation"])
    text = "the special military operations' aims and the special military operations’ costs"
    assert hits(matcher, text) == [("special military operation", "special military operations")] * 2


def test_plural_rules_do_not_invent_words() -> None:
    assert hits(TermMatcher(["army"]), "armys armies") == [("army", "armies")]  # consonant + y: -ies only
    assert hits(TermMatcher(["crisis"]), "crisiss crisises") == [("crisis", "crisises")]  # sibilants: -es only
    assert hits(TermMatcher(["Donbas", "Donbass"]), "Donbass Donbases") == [
        ("Donbass", "Donbass"), ("Donbas", "Donbases")]  # -es, not -s: Donbass stays its own term
    assert hits(TermMatcher(["war"]), "warsaw warlord wartime wars") == [("war", "wars")]  # whole words still


def test_acronyms_take_no_plural() -> None:
    matcher = TermMatcher(["DPR", "SMO", "republic"])
    assert hits(matcher, "the DPRS and the DPRs and SMOs") == []
    assert hits(matcher, "the DPRs and other republics") == [("republic", "republics")]
    assert hits(matcher, "the DPR's leader") == [("DPR", "DPR's")]


def test_a_trailing_exclamation_mark_switches_the_plural_off() -> None:
    matcher = TermMatcher(["special operation!", "security!"])
    assert hits(matcher, "Ukraine's special operations forces and US securities") == []
    assert hits(matcher, "the special operation's aims and security") == [
        ("special operation!", "special operation's"), ("security!", "security")]
    assert markers("Ukraine's special operations forces struck a depot.") == []


def test_a_term_listed_in_its_plural_wins_for_that_form() -> None:
    matcher = TermMatcher(["Nazi", "Nazis", "neo-Nazi", "neo-Nazis"])
    assert hits(matcher, "Nazis, Nazi's, neo-Nazis and a neo-Nazi") == [
        ("Nazis", "Nazis"), ("Nazi", "Nazi's"), ("neo-Nazis", "neo-Nazis"), ("neo-Nazi", "neo-Nazi")]
    assert hits(TermMatcher(["Kiev", "Kiev regime"]), "the Kiev regimes") == [("Kiev regime", "Kiev regimes")]


def test_the_word_index_knows_the_plurals_of_one_word_terms() -> None:
    matcher = TermMatcher(["war", "army", "special military operation", "Zelensk*", "DPR"])
    whole, _, _ = matcher._starts
    assert {"war", "wars", "army", "armies", "special", "dpr"} <= whole and "dprs" not in whole
    text = "armies at war; wars; Zelenskyy's special military operations; DPRs"
    plain = [(matcher.terms[m.lastindex - 1], m.start(), m.end()) for m in matcher._all.finditer(text)]
    assert list(matcher.finditer(text)) == plain and len(plain) == 5


# --------------------------------------------------------------------------- proper names


@pytest.mark.parametrize("text", [
    "Negotiations continued during the Korean War, he recalled.",
    "He compared it with the Vietnam War and the Gulf War.",
    "Finland fought the Winter War against the Soviet Union in 1939.",
    "Medinsky spoke about Peter the Great and the Northern War for almost 20 minutes.",
    "Europe was ruined by the Thirty Years' War, the historian said.",
    "Britain and France fought Russia in the Crimean War of 1853-1856, he said.",
])
def test_a_named_war_is_not_the_marker_war(text: str) -> None:
    assert "war" not in [term for term, _ in markers(text)]


@pytest.mark.parametrize(("text", "form"), [
    ("War is the continuation of politics, the minister said.", "War"),
    ("The talks failed in 2022. War came back to the east.", "War"),
    ("Officials discussed the war in Ukraine on Monday.", "war"),
    ("Russia's War on Ukraine enters its fourth year, the minister said.", "War"),
])
def test_the_war_is_still_war(text: str, form: str) -> None:
    """Beside a named war in the same paragraph, which is not."""
    text += " He recalled the Korean War."
    assert [hit for hit in markers(text) if hit[0] == "war"] == [("war", form)]


def test_a_capitalised_name_of_this_war_counts_as_war() -> None:
    found = markers("This article is part of our Ukraine War coverage of the Russia-Ukraine War.")
    assert found == [("Ukraine war", "Ukraine War"), ("Ukraine war", "Ukraine War")]
    assert [u for t, _ in found for u in [dictionaries._dictionaries()["marker_info"][t][1]]] == ["ukrainian_western"] * 2


def test_the_proper_name_rule_is_only_for_the_markers() -> None:
    assert hits(TermMatcher(["court"]), "the Supreme Court ruled") == [("court", "Court")]
    assert hits(TermMatcher(["court"], skip_proper_names=True), "the Supreme Court ruled") == []
    # terms written with a capital are exact as ever
    assert hits(TermMatcher(["Cold War"], skip_proper_names=True), "the First Cold War") == [("Cold War", "Cold War")]


def test_the_proper_name_rule_is_the_same_without_the_word_index() -> None:
    matcher = TermMatcher(["war", "liberation", "World War"], skip_proper_names=True)
    text = ("During the Korean War and the Second World War, the war went on. War is hell; "
            "the Palestine Liberation Organization spoke of liberation.")
    fast = list(matcher.finditer(text))
    matcher._starts = None
    assert list(matcher.finditer(text)) == fast
    assert [t for t, _, _ in fast] == ["World War", "war", "war", "liberation"]


def test_a_title_case_headline_keeps_war() -> None:
    assert markers("Trump Says War Must End Soon") == [("war", "War")]
    assert markers("Trump recalled the Korean War at the talks.") == []


# --------------------------------------------------------------------------- metaphorical wars


@pytest.mark.parametrize(("text", "term"), [
    ("The trade war with China has hurt exports.", "trade war"),
    ("A price war on oil followed.", "price war"),
    ("Moscow is waging an information war, officials said.", "information war"),
    ("An online war of words followed the talks.", "war of words"),
    ("The sides agreed to exchange 1,000 prisoners of war.", "prisoners of war"),
    ("Tariff wars and culture wars", "tariff war"),
])
def test_metaphorical_wars_are_neutral_not_war(text: str, term: str) -> None:
    found = markers(text)
    assert term in [t for t, _ in found] and "war" not in [t for t, _ in found]
    assert all(dictionaries._dictionaries()["marker_info"][t][1] == "neutral" for t, _ in found)


# --------------------------------------------------------------------------- scare quotes


SCARE_ARTICLE = """Kyiv rejects Moscow's terms

Russian forces shelled Kharkiv on Monday, the third year of what the Kremlin still calls its so-called "special military operation" against Ukraine.

Officials in Kyiv said the invasion had displaced millions, and the war would not end with a freeze.
"""


def test_scare_quoted_markers_are_a_layer_of_their_own() -> None:
    from analysis import pipeline
    from analysis.corpus import METADATA_COLUMNS

    row = {column: None for column in METADATA_COLUMNS} | {"article_id": "s1", "outlet": "Example",
                                                            "bloc": "western", "text": SCARE_ARTICLE}
    tables = pipeline.build_tables(pd.DataFrame([row]), progress=False, skip_topics=True)
    counts = tables["markers"]
    smo = counts[counts["term"] == "special military operation"]
    assert list(smo["layer"]) == ["scare"]
    summary = tables["article_framing"].iloc[0]
    assert summary["naming_index"] == -1.0  # Kharkiv, invasion, war: the scare quote is not counted
    assert pd.isna(summary["naming_index_quoted"])
    assert summary["naming_index_scare"] == 1.0
    table = framing.naming_by_layer(tables["article_framing"]).iloc[0]
    assert (table["own_words_mean"], table["own_words_articles"]) == (-1.0, 1)
    assert (table["scare_mean"], table["scare_articles"]) == (1.0, 1)
    assert table["quoted_articles"] == 0
    assert "scare" not in segment.OWN_LAYERS and "scare" not in framing.QUOTED_LAYERS


def test_fold_char_gives_one_key_to_the_characters_re_matches_to_each_other() -> None:
    from analysis import terms

    groups = ["Kk\u212a", "Ssſ", "Iiıİ", "Σσς", "µμΜ", "Aa"]
    for group in groups:
        assert all(re.fullmatch(re.escape(a), b, re.IGNORECASE) for a in group for b in group), group
        assert len({terms.fold_char(c) for c in group}) == 1, group
    assert len({terms.fold_char(group[0]) for group in groups}) == len(groups)
    assert [terms.fold_char(c) for c in "AZaz09 -"] == list("azaz09 -")


@pytest.mark.parametrize("space", [None, r"\s+"])
def test_a_trie_alternation_matches_what_the_longest_first_alternation_matches(space: str | None) -> None:
    words = ["said", "says", "say", "stated", "pointed out", "pointed", "point", "according to", "accord",
             "Re-stated", "a.b", "told", "to"]
    trie = terms.alternation(words, space)
    assert trie.count("said") == 0  # shared prefixes are written once
    escape = (lambda w: r"\s+".join(map(re.escape, w.split()))) if space else re.escape
    plain = "|".join(escape(w) for w in sorted(words, key=len, reverse=True))
    text = ("He said, she says: they say it was stated; it pointed  out, pointed at a point; according to "
            "him, accordingly; Re-stated a.b and axb; told to; saying sayings POINTED OUT")
    for flags in (0, re.IGNORECASE):
        for wrap in (r"(?<!\w)({})(?!\w)", r"({})", r"\b({})\b"):
            got = [(m.span(), m.group(1)) for m in re.finditer(wrap.format(trie), text, flags)]
            want = [(m.span(), m.group(1)) for m in re.finditer(wrap.format(plain), text, flags)]
            assert got == want, (wrap, flags)
    assert terms.alternation([]) == ""
