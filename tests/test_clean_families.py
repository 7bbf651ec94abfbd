"""Cleaning: one test per family of leftovers and losses found on sites nobody had looked at.

Each page below is written for the test in the labelled format of `tests/fixtures/` (`K|` article
text to keep, `D|` leftover and `M|` metadata to remove); each family is a pattern of a kind of
site, not the strings of one page.
"""

from __future__ import annotations

from analysis import evaluate
from analysis.clean import clean_article


def _check(page: str, title: str | None = None) -> None:
    text, labels = evaluate.parse_labelled(page.strip("\n") + "\n")
    result = clean_article(text, title=title)
    kept = {n for p in result.paragraphs for n in range(p["line_start"], p["line_end"] + 1)}
    lines = text.split("\n")
    lost = [lines[n - 1] for n, lab in sorted(labels.items()) if lab == "K" and n not in kept]
    left = [lines[n - 1] for n, lab in sorted(labels.items()) if lab != "K" and n in kept]
    assert not lost, f"article text lost: {lost}"
    assert not left, f"leftovers kept: {left}"


BODY = (
    "K|The two delegations met for four hours behind closed doors, according to officials on both sides, and agreed to exchange written proposals before the next round.\n"
    "K|Western diplomats said the meeting had produced no breakthrough, but that the decision to keep talking was itself a signal that neither side wanted the process to collapse.\n"
    "K|Ukraine's foreign ministry said it would study the proposals carefully, while insisting that any agreement must respect the country's internationally recognised borders.\n"
)


def test_wire_dateline_leads_are_article_text() -> None:
    _check("""
K|Lavrov says Moscow ready for new round of talks
K|MOSCOW /Russia/, June 3. /TASS/. Russia is ready to continue negotiations with Ukraine in Istanbul if Kiev confirms its participation, Russian Foreign Minister Sergey Lavrov told reporters on Tuesday.
""" + BODY + """
K|MINSK, June 4 /BelTA/ - Belarus supports the resumption of direct contacts between the delegations, the foreign ministry said in a statement.
""")


def test_a_lead_after_an_export_date_prefix_is_kept() -> None:
    text, _ = evaluate.parse_labelled("""K|Peskov comments on the Istanbul talks
K|date 2025-06-03 MOSCOW, June 3. /TASS/. The Kremlin considers the Istanbul talks useful, presidential spokesman Dmitry Peskov told journalists on Tuesday.
""" + BODY)
    result = clean_article(text)
    assert any(p["text"].startswith("MOSCOW, June 3. /TASS/.") for p in result.paragraphs)
    assert not any("date 2025-06-03" in p["text"] for p in result.paragraphs)
    assert result.date == "2025-06-03"
    assert {"line_no": 2, "text": "date 2025-06-03", "reason": "metadata:date", "doubt": False} in result.removed


def test_a_standfirst_that_repeats_headline_words_is_kept() -> None:
    _check("""
K|Kremlin says peace talks with Ukraine will continue in Istanbul
K|The Kremlin says the peace talks with Ukraine will continue in Istanbul next month, despite the lack of progress on a ceasefire.
""" + BODY)


def test_a_last_paragraph_cut_off_mid_sentence_is_kept() -> None:
    _check("""
K|Talks resume in Istanbul as both sides trade accusations
""" + BODY + """K|The next round is expected to focus on humanitarian questions, including the exchange of prisoners of war and the return of children who were taken from the occupied territories, but officials in Kyiv cautioned that
D|Subscribe to continue reading
""")


def test_donation_appeals_addressed_to_the_reader_are_removed() -> None:
    _check("""
K|Zelensky rejects Russian terms for a ceasefire
""" + BODY + """
D|Dear reader, independent journalism in Ukraine has never been under more pressure. Since the full-scale invasion we have lost most of our advertising income, and our reporters work under air-raid sirens every night.
D|We do not have a billionaire owner. We rely on readers like you. If you value what we do, please consider supporting us with a monthly contribution: it takes a minute, and it keeps our newsroom open.
D|Become a member today
""")


def test_teaser_rails_between_paragraphs_are_removed() -> None:
    _check("""
K|Ceasefire talks stall over prisoner exchange
""" + BODY[:BODY.index("\n") + 1] + """
D|Most read
D|🔴 Five things we learned from the Istanbul talks
D|📌 How the sanctions package will hit Russian oil exports
D|Why the front line has barely moved this year
""" + BODY[BODY.index("\n") + 1:])


def test_job_listings_newsletter_widgets_and_icon_residue_are_removed() -> None:
    _check("""
K|Moscow and Kyiv swap prisoners after talks
""" + BODY + """
D|facebooktwittertelegramwhatsappemailcopy link
D|Get e-mail notifications about new articles
D|Jobs
D|Senior Editor, Foreign Desk (Kyiv, full time)
D|Video Producer (remote)
D|See all vacancies
""")


def test_photo_captions_without_a_credit_are_removed() -> None:
    _check("""
K|Lavrov meets Turkish counterpart before new round of talks
""" + BODY[:BODY.index("\n") + 1] + """
D|Russian Foreign Minister Sergei Lavrov speaks during a news conference in Moscow, Russia, on June 3, 2025.
""" + BODY[BODY.index("\n") + 1:])


def test_repeated_headlines_and_headlines_glued_to_breadcrumbs_are_removed() -> None:
    _check("""
M|NewsSergei Lavrov's offer of talks divides Western capitals
K|Sergei Lavrov's offer of talks divides Western capitals
""" + BODY + """
M|Sergei Lavrov's offer of talks divides Western capitals
""")


def test_status_notes_and_links_to_other_sites_are_removed() -> None:
    _check("""
K|Kremlin responds to the latest Ukrainian proposal
D|This is a developing story and will be updated.
""" + BODY + """
D|Read this article on the original site
D|Originally published at www.example-news.com
""")


def test_video_and_social_descriptions_with_urls_are_removed() -> None:
    _check("""
K|Peskov: no date yet for a Putin-Zelensky meeting
""" + BODY + """
D|Watch the full briefing on our YouTube channel https www youtube com @examplenews and follow us on www example-news com
D|Watch the full briefing on our YouTube channel: https://www.youtube.com/@examplenews and follow us at www.example-news.com
""")


def test_metadata_lines_are_removed_and_not_counted_as_text() -> None:
    _check("""
M|World News | 14:32, 03.06.2025
K|Russia and Ukraine agree to a second round of talks in Istanbul
M|RT staffAnna Petrova
M|MOSCOW
""" + BODY + """
M|Interfax
""")


def test_a_standfirst_printed_above_the_headline_keeps_its_kind() -> None:
    page = """
D|Home | World | Europe
K|Moscow says it is ready for a third round in Istanbul, but only on its own terms.
K|Kremlin sets conditions for third round of talks
""" + BODY
    text, _ = evaluate.parse_labelled(page.strip("\n") + "\n")
    for title in (None, "Kremlin sets conditions for third round of talks"):
        kinds = {p["line_start"]: p["kind"] for p in clean_article(text, title=title).paragraphs}
        assert kinds[2] == "standfirst" and kinds[3] == "title" and kinds[4] == "body", (title, kinds)


def test_doubtful_decisions_are_flagged() -> None:
    text, _ = evaluate.parse_labelled("""K|Lavrov meets Turkish counterpart before new round of talks
""" + BODY[:BODY.index("\n") + 1] + """
D|Russian Foreign Minister Sergei Lavrov speaks during a news conference in Moscow, Russia, on June 3, 2025.
""" + BODY[BODY.index("\n") + 1:] + "D|Share on Facebook\n")
    removed = {r["text"][:7]: r for r in clean_article(text).removed}
    assert removed["Russian"]["reason"] == "caption" and removed["Russian"]["doubt"] is True
    assert removed["Share o"]["doubt"] is False
