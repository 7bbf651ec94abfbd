"""Cleaning: seed articles line by line, leftovers of kinds the seed lacks, and the audit invariant."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import clean
from analysis.clean import clean_article, parse_date_line, split_lines
from analysis.clean import lines as clean_lines

RAW = Path(__file__).resolve().parents[1] / "data" / "raw"
META = {row["file"]: row for row in csv.DictReader((RAW / "metadata.csv").open(encoding="utf-8"))}


def _clean_seed(name: str) -> clean.CleanedArticle:
    row = META[name]
    return clean_article((RAW / name).read_text(encoding="utf-8"), title=row["title"], author=row["author"] or None)


def _kept_lines(result: clean.CleanedArticle) -> set[int]:
    return {n for p in result.paragraphs for n in range(p["line_start"], p["line_end"] + 1)}


def _removed(result: clean.CleanedArticle) -> dict[int, str]:
    return {r["line_no"]: r["reason"] for r in result.removed}


def _nonblank(text: str) -> set[int]:
    return {n for n, line in enumerate(split_lines(text), 1) if line.strip()}


# Every removed line of the five seed articles, with its reason; everything else is article text.
SEED_REMOVED = {
    "000_97ff51a12b2cfb2d.txt": {1: "duplicate", 5: "caption", 6: "caption", 7: "credit", 8: "metadata:date", 64: "related"},
    "001_71301487dbdee544.txt": {3: "byline", 4: "byline", 5: "byline", 30: "promo", 31: "metadata:url", 32: "disclaimer"},
    "002_03c9cd5b9a5185ba.txt": {1: "navigation", 3: "navigation", 5: "navigation", 9: "caption", 10: "caption",
                                 46: "caption", 48: "credit", 52: "bio", 54: "bio", 56: "bio", 58: "advert"},
    "003_162acfb98ebd08d7.txt": {},
    "004_8266323ece6c59c2.txt": {1: "navigation", 3: "navigation", 5: "navigation", 9: "caption", 10: "credit",
                                 36: "bio", 38: "bio", 40: "related", 42: "related", 44: "related", 46: "byline",
                                 47: "bio", 49: "bio", 51: "comments", 53: "comments", 55: "comments",
                                 57: "comments", 59: "comments", 61: "comments",
                                 **{n: "related" for n in range(63, 80, 2)}},
}


@pytest.mark.parametrize("name", sorted(SEED_REMOVED))
def test_seed_articles_line_by_line(name: str) -> None:
    result = _clean_seed(name)
    text = (RAW / name).read_text(encoding="utf-8")
    assert _removed(result) == SEED_REMOVED[name]
    assert _kept_lines(result) == _nonblank(text) - set(SEED_REMOVED[name])


def test_seed_kinds_and_found_metadata() -> None:
    essa = _clean_seed("000_97ff51a12b2cfb2d.txt")
    kinds = {p["line_start"]: p["kind"] for p in essa.paragraphs}
    assert kinds[3] == "title"
    assert [n for n, k in kinds.items() if k == "subhead"] == [18, 44, 54]
    assert essa.date == "2024-01-28"

    svp = _clean_seed("001_71301487dbdee544.txt")
    assert [p["kind"] for p in svp.paragraphs[:3]] == ["title", "standfirst", "body"]
    assert svp.author == "Dmitriy Rodionov"

    rt = _clean_seed("003_162acfb98ebd08d7.txt")
    assert rt.title is None  # RT's headline is not in the text
    assert rt.paragraphs[0]["kind"] == "standfirst"

    nsj = _clean_seed("004_8266323ece6c59c2.txt")
    assert nsj.title.startswith("‘Putin Thinks He Is Winning’")  # metadata has straight quotes


def test_title_found_without_metadata() -> None:
    result = _clean_seed_without_title("001_71301487dbdee544.txt")
    assert result.paragraphs[0]["kind"] == "title"
    assert result.title.startswith("Russian-Ukrainian direct negotiations")


def _clean_seed_without_title(name: str) -> clean.CleanedArticle:
    return clean_article((RAW / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(SEED_REMOVED))
def test_seed_keeps_every_article_line_without_metadata(name: str) -> None:
    """Without title and author the cleaner may keep more, but never drops article text."""
    result = _clean_seed_without_title(name)
    text = (RAW / name).read_text(encoding="utf-8")
    article_lines = _nonblank(text) - set(SEED_REMOVED[name])
    assert article_lines <= _kept_lines(result)


# A page from a kind of site the seed corpus does not have: breadcrumb, cookie banner,
# share bar, reading time, relative date, newsletter box and ad slot mid-article, inline
# "Read more", gallery captions, tags, copyright footer, wire-service credits.
BROADSHEET = """\
Skip to main content
We use cookies to improve your experience. Accept all cookies
Home > World > Europe
Europe
Kremlin says talks possible if West halts arms deliveries
Peskov sets out conditions a day after Ukraine's foreign minister rejected a ceasefire
By Jane Doe and Piotr Nowak
3 hours ago
5 min read
Share on Facebook
Share on Twitter
Share via Email

MOSCOW — The Kremlin said on Tuesday it was open to negotiations with Ukraine, provided Western governments stopped supplying weapons to Kyiv.
“We have never closed the door to dialogue,” Kremlin spokesman Dmitry Peskov told reporters.
Advertisement
By contrast, officials in Kyiv said any talks would have to start with a full withdrawal.
Sign up for our daily newsletter on the war in Ukraine
Read more: Zelensky rejects ceasefire without guarantees

The Istanbul talks
Talks in Istanbul in 2022 collapsed after a few weeks. That did not happen again.
Photo: AP Photo/Efrem Lukatsky
1 of 12
Reuters reported that both delegations met again in May.

Tags: Russia, Ukraine, Peace talks
(Reporting by Jane Doe; Editing by John Smith)
© 2024 The Daily Example. All rights reserved.
Privacy Policy | Terms of Use
"""

BROADSHEET_LEFTOVERS = {1, 2, 3, 4, 7, 8, 9, 10, 11, 12, 16, 18, 19, 23, 24, 27, 28, 29, 30}


def test_leftovers_absent_from_the_seed_are_removed() -> None:
    result = clean_article(BROADSHEET)
    removed = _removed(result)
    assert set(removed) == BROADSHEET_LEFTOVERS
    assert {removed[n] for n in (10, 11, 12)} == {"social"}
    assert removed[16] == "advert"
    assert removed[18] == "promo"
    assert removed[19] == "related"
    assert removed[7] == "byline"
    assert removed[8] == "metadata:date"
    assert removed[29] == "legal"
    assert result.author == "Jane Doe and Piotr Nowak"


def test_article_lines_of_the_unseen_page_are_kept() -> None:
    result = clean_article(BROADSHEET)
    kinds = {p["line_start"]: p["kind"] for p in result.paragraphs}
    assert kinds == {5: "title", 6: "standfirst", 14: "body", 15: "body", 17: "body", 21: "subhead",
                     22: "body", 25: "body"}


def test_hard_wrapped_paragraphs_join_with_their_line_range() -> None:
    text = (
        "Putin says nothing has changed\n\n"
        "The Russian president said on Friday that the goals of the operation\n"
        "were unchanged, and that Moscow would not accept a ceasefire that\n"
        "allowed Ukraine to regroup.\n\n"
        "Kyiv dismissed the remarks as posturing.\n"
    )
    result = clean_article(text)
    body = [p for p in result.paragraphs if p["kind"] == "body"]
    assert body[0]["line_start"] == 3 and body[0]["line_end"] == 5
    assert body[0]["text"].endswith("allowed Ukraine to regroup.")
    assert body[1]["line_start"] == body[1]["line_end"] == 7


def test_windows_line_endings_number_lines_like_an_editor() -> None:
    text = "Headline about the talks here\r\n\r\nShare\r\nThe talks resumed on Monday in Geneva, officials said.\r\n"
    result = clean_article(text)
    assert _removed(result) == {3: "social"}
    assert [p["line_start"] for p in result.paragraphs] == [1, 4]


def test_lines_repeated_across_an_outlets_articles_are_boilerplate() -> None:
    tagline = "The Daily Example: news you can trust"
    quote = "“We are ready for talks,” Lavrov said on Tuesday in a televised interview."
    texts = [
        f"{tagline}\nHeadline number {i} about the talks\n{quote}\nBody text number {i} goes here and is long enough to be prose.\n"
        for i in range(3)
    ]
    shared = clean.repeated_lines(texts)
    result = clean_article(texts[0], shared_lines=shared)
    removed = _removed(result)
    assert removed == {1: "boilerplate"}  # the repeated quote is prose inside the body: kept


def test_an_article_published_twice_by_an_outlet_keeps_its_text() -> None:
    text = ("Kremlin says talks possible\nPeskov told reporters on Monday that talks could resume soon.\n"
            "He added that Moscow was ready to listen to any serious proposal from Kyiv.\n")
    result = clean_article(text, shared_lines=clean.repeated_lines([text, text, text]))
    assert result.removed == [] and [p["kind"] for p in result.paragraphs] == ["title", "body", "body"]


def test_prose_an_outlet_repeats_after_the_article_is_boilerplate() -> None:
    footer = "The Daily Example is an independent newsroom funded by readers like you since 1998."
    texts = [
        f"Headline number {i} about the talks\nBody text number {i} goes here and is long enough to be prose.\n"
        f"Second paragraph number {i} is also long enough to count as prose here.\n{footer}\n"
        for i in range(3)
    ]
    result = clean_article(texts[1], shared_lines=clean.repeated_lines(texts))
    assert _removed(result) == {4: "boilerplate"}


def test_mid_article_related_block_does_not_truncate_the_article() -> None:
    body = "The negotiators met again on Monday and agreed to exchange prisoners, officials said."
    text = "\n".join(
        ["Talks resume in Istanbul after long pause", body, body.replace("Monday", "Tuesday"),
         "Related articles", "Ukraine rejects Russian terms", "Kremlin hints at new round",
         *(body.replace("Monday", f"day {i}") for i in range(6))]
    )
    result = clean_article(text)
    # The box and the teasers printed right under it (no blank line between) go; the text resumes.
    assert _removed(result) == {4: "related", 5: "related", 6: "related"}
    assert len([p for p in result.paragraphs if p["kind"] == "body"]) == 8
    # A line set apart by a blank line just above the resumed text may be a subheading: it stays.
    spaced = text.replace("Kremlin hints at new round\n", "Kremlin hints at new round\n\nWhat comes next\n\n")
    assert _removed(clean_article(spaced)) == {4: "related", 5: "related", 6: "related"}


def test_interview_resumes_after_an_embedded_related_box() -> None:
    answer = "Three things, she said, and the first is to keep the money flowing to Kyiv."
    text = "\n".join(["Germany weighs its role in the talks", answer, answer.replace("first", "second"),
                     answer.replace("first", "third"), "Explore more", "Video: Zelensky in Berlin",
                     "What can Germany actually do?", answer.replace("first", "fourth"),
                     "And if that fails?", "Then we will read about it in a Kremlin readout, she said."])
    removed = _removed(clean_article(text))
    assert removed == {5: "related", 6: "related"}


def test_numbered_most_read_list_after_the_article_is_removed() -> None:
    body = "The Kremlin said on Monday that talks could resume in Istanbul if Kyiv agreed, officials said."
    text = "\n".join(["Kremlin says talks could resume", body, body.replace("Monday", "Tuesday"),
                     body.replace("Monday", "Friday"), "Most read",
                     "1. Heatwave grips southern Europe as temperatures top 44C",
                     "2. Central bank holds rates steady, signals cut in autumn"])
    assert set(_removed(clean_article(text))) == {5, 6, 7}


def test_end_of_article_block_removes_bio_and_comment_form() -> None:
    text = "\n".join([
        "Lavrov says the West is seeking talks",
        *["Russia's foreign minister said Western leaders had sent signals through several channels."] * 1,
        "He did not name any of the leaders, but said one of them was very well known.",
        "Kyiv has ruled out talks with the current Kremlin leadership.",
        "About the Author",
        "Maria Ivanova is a senior correspondent covering Russian foreign policy.",
        "Her latest book is about diplomacy.",
        "Leave a comment",
        "Name *",
        "Email *",
        "Post Comment",
    ])
    result = clean_article(text)
    removed = _removed(result)
    assert set(removed) == {5, 6, 7, 8, 9, 10, 11}
    assert removed[5] == removed[6] == "bio"
    assert removed[8] == "comments"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("2:38 PM EST, January 28, 2024", (True, "2024-01-28")),
        ("Published: 12 March 2024", (True, "2024-03-12")),
        ("Updated 2024-05-21 14:02", (True, "2024-05-21")),
        ("3 hours ago", (True, None)),
        ("May 21", (True, None)),
        ("Talks ended on May 21, 2024, without agreement.", (False, None)),
        ("2024 was a hard year", (False, None)),
        ("What Does Russia Want?", (False, None)),
    ],
)
def test_parse_date_line(line: str, expected: tuple[bool, str | None]) -> None:
    assert parse_date_line(line) == expected


def test_raw_markup_lines_are_removed_and_inline_tags_kept() -> None:
    text = ("Talks resume in Geneva after a pause\n<script>alert('x')</script>\n"
            "<div class=\"ad-slot\"></div>\nThe talks resumed on Monday, officials <b>said</b> in Geneva.\n")
    assert _removed(clean_article(text)) == {2: "markup", 3: "markup"}


def test_layout_leftovers_of_other_page_kinds() -> None:
    text = "\n".join([
        "Politics Economy Society Region World Video Opinion",      # 1 a menu on one line
        "Front page > Current affairs > Press releases",            # 2 a breadcrumb
        "Kremlin cools talk of a leaders' summit in Geneva",        # 3 headline
        "The Kremlin said a meeting of the two presidents was not on the agenda for now.",
        "Ingrid Solberg, Brussels correspondent",                   # 5 byline with role
        "7–9 minutes",                                              # 6 reading time
        "T",                                                        # 7 drop cap
        "he first thing the delegates noticed was how far apart the chairs had been set.",
        "“You could have parked a car between us.”",                # 9 pull quote
        "“You could have parked a car between us,” one delegate said of the opening session.",
        "* * *",                                                    # 11 section break
        "The second round began two hours late, officials said, and ended before dinner.",
    ])
    removed = _removed(clean_article(text))
    assert removed == {1: "navigation", 2: "navigation", 5: "byline", 6: "navigation", 7: "markup",
                       9: "duplicate", 11: "markup"}


def test_cue_file_errors_name_the_line(tmp_path: Path) -> None:
    bad = tmp_path / "cues.tsv"
    bad.write_text("# header\nnavigation\tline\t5\t(menu\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"cues.tsv:2: bad regular expression"):
        clean.load_cues(bad)
    bad.write_text("junk\tline\t5\tmenu\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"cues.tsv:1: unknown reason 'junk'"):
        clean.load_cues(bad)


def test_user_cue_file_is_used(tmp_path: Path) -> None:
    cues = tmp_path / "cues.tsv"
    cues.write_text("promo\tline\t5\tdonate to our fund\n", encoding="utf-8")
    text = "Headline about the talks here\nThe talks resumed on Monday in Geneva, officials said.\nDonate to our fund\n"
    assert _removed(clean_article(text, cues=clean.load_cues(cues))) == {3: "promo"}


# --------------------------------------------------------------- the audit invariant

_LINE_KINDS = st.one_of(
    st.just(""),
    st.sampled_from(["Advertisement", "Share", "Connect with us", "Related content", "About the Author",
                     "2 Comments", "Leave a Reply", "Written By", "Jack Smith", "Photo: AP", "3 hours ago",
                     "Tags: Russia, Ukraine", "Home > World", "“Short quote,” he said.", "   ", "\t"]),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n"), max_size=80),
    st.lists(st.sampled_from(["Russia", "said", "the", "talks", "Kyiv", "peace", "war", "on", "Monday", "“We",
                              "ready,”", "Lavrov", "and", "Ukraine", "NATO"]), min_size=1, max_size=40)
    .map(" ".join).map(lambda s: s[0].upper() + s[1:] + "."),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_LINE_KINDS, max_size=40), st.sampled_from(["\n", "\r\n", "\r"]), st.booleans())
def test_every_nonblank_line_is_accounted_for_exactly_once(lines: list[str], newline: str, with_title: bool) -> None:
    text = newline.join(lines)
    result = clean_article(text, title=lines[0] if with_title and lines else None)
    kept = [n for p in result.paragraphs for n in range(p["line_start"], p["line_end"] + 1)]
    removed = [r["line_no"] for r in result.removed]
    assert sorted(kept + removed) == sorted(_nonblank_any(text))
    assert all(r["reason"] in clean.REASONS for r in result.removed)
    assert all(p["kind"] in ("title", "standfirst", "subhead", "body") for p in result.paragraphs)


def _nonblank_any(text: str) -> list[int]:
    return [n for n, line in enumerate(split_lines(text), 1) if clean_lines._fold(line)]


@pytest.mark.parametrize("missing", ["re._casefix", "re._parser"])
def test_a_python_without_res_internals_cleans_the_same(missing: str) -> None:
    """Without `re._casefix` (`terms.fold_char` unavailable) or `re._parser`, as on another Python,
    the cue screen is off and every cue is tried on every line: the same cleaning as with it."""
    import json
    import subprocess
    import sys

    import analysis
    from analysis.clean import cues

    def digest(result: clean.CleanedArticle) -> str:
        return json.dumps([result.paragraphs, result.removed, result.title, result.date, result.author], sort_keys=True)

    code = (
        f"import re, sys; saved = sys.modules[{missing!r}]; sys.modules[{missing!r}] = None; delattr(re, {missing[3:]!r})\n"
        "import json\nfrom pathlib import Path\nfrom analysis import clean, terms\nfrom analysis.clean import cues\n"
        f"sys.modules[{missing!r}] = saved; setattr(re, {missing[3:]!r}, saved)  # (re itself needs it later)\n"
        "assert not any(cues._required_strings(c.pattern) for c in clean.load_cues())\n"
        f"assert terms.RE_CASE_RULES is {missing != 're._casefix'}\n"
        "for path in sys.argv[1:]:\n"
        "    r = clean.clean_article(Path(path).read_text(encoding='utf-8'))\n"
        "    print(json.dumps([r.paragraphs, r.removed, r.title, r.date, r.author], sort_keys=True))\n"
    )
    paths = sorted(str(p) for p in RAW.glob("*.txt"))
    src = str(Path(analysis.__file__).resolve().parents[1])
    run = subprocess.run([sys.executable, "-c", code, *paths], capture_output=True, text=True, env={"PYTHONPATH": src})
    assert run.returncode == 0, run.stderr
    assert any(c.match == "contains" and cues._required_strings(c.pattern) for c in clean.load_cues())
    assert run.stdout.splitlines() == [digest(clean_article(Path(p).read_text(encoding="utf-8"))) for p in paths]


def test_text_exported_as_html_keeps_its_words() -> None:
    """Paragraphs wrapped in text tags (`<p>`, `<div>`, links, emphasis) keep their words, with character
    references decoded (&nbsp; &quot; &amp; &#8220;); a line of tags only, a script and an image are still
    removed as markup; an escaped tag (&lt;p&gt;) is text; every raw line is kept or removed once."""
    from analysis.clean import clean_article

    raw = "\n".join([
        '<div class="article"><h1>Talks&nbsp;resume in Geneva</h1>',
        '<p>Sergey Lavrov said on Friday that Moscow was &quot;ready&quot; for talks &amp; a ceasefire, '
        'and that the &#8220;Istanbul terms&#8221; still stood. <a href="/x">Kyiv</a> rejected the offer.</p>',
        '<div class="ad-slot">',
        '<script>var slot = window.ads || [];</script>',
        '<img src="/photo.jpg">',
        '<p>Diplomats in <em>Geneva</em> said the next round could open in &lt;p&gt; form, officials added.</p>',
    ])
    cleaned = clean_article(raw)
    kept = " ".join(p["text"] for p in cleaned.paragraphs)
    assert 'Moscow was "ready" for talks & a ceasefire, and that the “Istanbul terms” still stood. Kyiv rejected' in kept
    assert "Diplomats in Geneva said the next round could open in <p> form" in kept and "Talks resume in Geneva" in kept
    assert "&" not in kept.replace("& a ceasefire", "") and "<a" not in kept and "nbsp" not in kept
    removed = {r["line_no"]: r["reason"] for r in cleaned.removed}
    assert removed == {3: "markup", 4: "markup", 5: "markup"}
    kept_lines = {n for p in cleaned.paragraphs for n in range(p["line_start"], p["line_end"] + 1)}
    assert kept_lines | set(removed) == set(range(1, 7)) and not kept_lines & set(removed)


def test_the_case_and_space_key_folds_only_case_and_white_space() -> None:
    from analysis.clean import case_space_key, normalize_line

    assert case_space_key("  Peace\tTALKS\n resume ") == case_space_key("peace talks resume") == "peace talks resume"
    assert case_space_key("“Peace talks.”") != case_space_key("Peace talks")  # (quotes and punctuation stay)
    assert normalize_line("“Peace talks.”") == normalize_line("Peace talks")  # (where the line key folds them)
