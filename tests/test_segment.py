"""Tests for analysis.segment: sentences, tokens, direct quotes and their speakers."""

from __future__ import annotations

from importlib.resources import files

import nltk
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import segment
from analysis.paths import RAW
from analysis.segment import (
    Quote,
    default_abbreviations,
    find_quotes,
    segment_paragraphs,
    sentence_quote_overlap,
    sentence_spans,
    sentence_tokenizer,
    speech_verbs,
    split_sentences,
    token_spans,
    tokenize,
)

# ----------------------------------------------------------------------------- sentences
PUNKT_HARD_CASES = [
    ("The U.S. President spoke.", ["The U.S. President spoke."]),
    ("Mr. Peskov said so. Then he left.", ["Mr. Peskov said so.", "Then he left."]),
    ("Gen. Smith arrived.", ["Gen. Smith arrived."]),
    (
        "He met J. R. Smith in Jan. 2024 at 3 p.m. in Moscow.",
        ["He met J. R. Smith in Jan. 2024 at 3 p.m. in Moscow."],
    ),
    ("U.N. officials met. They agreed.", ["U.N. officials met.", "They agreed."]),
    ("Lavrov said: “We are ready.” Kyiv disagreed.", ["Lavrov said: “We are ready.”", "Kyiv disagreed."]),
    ('He said "we will see." Then he left.', ['He said "we will see."', "Then he left."]),
    ("It ended in 2022. The war went on.", ["It ended in 2022.", "The war went on."]),
    ("What now? Nobody knows.", ["What now?", "Nobody knows."]),
    ("Wait! Really?", ["Wait!", "Really?"]),
    ("Talks... maybe later.", ["Talks... maybe later."]),
    # an abbreviation before a capitalised sentence starter still ends the sentence
    ("Talks with the U.S. The Kremlin declined.", ["Talks with the U.S.", "The Kremlin declined."]),
    ("The talks ended at 3 p.m. The delegates left.", ["The talks ended at 3 p.m.", "The delegates left."]),
    ("He met “U.S. officials” in Geneva.", ["He met “U.S. officials” in Geneva."]),
    (
        "Prof. Ivanov, Dr. Smith and Sen. Jones spoke at 10 a.m. on Monday.",
        ["Prof. Ivanov, Dr. Smith and Sen. Jones spoke at 10 a.m. on Monday."],
    ),
    ("It was signed in Washington, D.C. on Monday.", ["It was signed in Washington, D.C. on Monday."]),
    # "no" is an abbreviation only before a number
    ("He lives at No. 10 Downing Street.", ["He lives at No. 10 Downing Street."]),
    ("Kyiv said no. Russia disagreed.", ["Kyiv said no.", "Russia disagreed."]),
    # a split right after "?" must not leave a sentence starting with ":"
    ("What Do They Expect?: Peskov spoke.", ["What Do They Expect?: Peskov spoke."]),
]


@pytest.mark.parametrize(("text", "expected"), PUNKT_HARD_CASES)
def test_punkt_hard_cases(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


def test_sentence_spans_are_offsets_into_the_text() -> None:
    text = "  Mr. Peskov said so.   Then he left.\n"
    spans = sentence_spans(text)
    assert spans == [(2, 21), (24, 37)]
    assert [text[s:e] for s, e in spans] == split_sentences(text)


def test_abbreviation_list_drives_the_split() -> None:
    assert len(sentence_tokenizer([]).tokenize("Mr. Peskov spoke.")) == 2
    assert len(sentence_tokenizer(["mr"]).tokenize("Mr. Peskov spoke.")) == 1
    assert sentence_tokenizer() is sentence_tokenizer()  # the default one is cached


def test_resource_files_have_header_and_normalised_entries() -> None:
    abbrevs = default_abbreviations()
    assert {"u.s", "mr", "gen", "jan", "p.m", "e.g", "etc"} <= abbrevs
    assert set("abcdefghijklmnopqrstuvwxyz") <= abbrevs
    assert all(a == a.lower() and not a.endswith(".") and not a.startswith("#") for a in abbrevs)
    assert {"said", "told", "added", "emphasizes", "according to"} <= set(speech_verbs())
    for name in ("abbreviations.txt", "speech_verbs.txt", "clause_verbs.txt", "saint_prefixes.txt", "portfolio_words.txt"):
        text = (files("analysis") / "resources" / name).read_text(encoding="utf-8")
        assert text.startswith("# ") and "Source:" in text and "How to edit:" in text


def test_results_do_not_depend_on_nltk_data(tmp_path, monkeypatch) -> None:
    text = (
        "Kremlin spokesman Dmitry Peskov spoke on Jan. 5 in the U.S. capital. “We are ready,” he said. "
        "Dr. Smith disagreed... The talks ended at 3 p.m. Nobody knows what comes next."
    )
    expected = sentence_tokenizer().tokenize(text)

    def no_download(*args, **kwargs):
        raise AssertionError("nltk.download must never be called")

    monkeypatch.setattr(nltk, "download", no_download)
    monkeypatch.setattr(nltk.data, "path", [str(tmp_path)])
    fresh = sentence_tokenizer(default_abbreviations())  # built while no NLTK data can be found
    assert fresh.tokenize(text) == expected
    assert len(expected) == 4


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab AB.?!,:;\"“”'()-\n12")), max_size=80) | st.text(max_size=60))
def test_sentence_spans_partition_the_text(text: str) -> None:
    spans = sentence_spans(text)
    previous_end = 0
    for start, end in spans:
        assert 0 <= previous_end <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        previous_end = end
    covered = {i for s, e in spans for i in range(s, e)}
    assert all(i in covered for i, ch in enumerate(text) if not ch.isspace())


# ----------------------------------------------------------------------------- tokens
def test_tokenize() -> None:
    text = "Zelenskyy's U.S.-backed plan: Russia’s “30-day” truce, 1,000 troops — e.g. US!"
    assert tokenize(text) == [
        "zelenskyy's", "u.s", "backed", "plan", "russia's", "30-day", "truce", "1,000", "troops", "e.g", "us",
    ]


def test_token_spans_keep_original_form_and_offsets() -> None:
    text = "Russia’s U.S. talks"
    spans = token_spans(text)
    assert spans == [("Russia’s", 0, 8), ("U.S", 9, 12), ("talks", 14, 19)]
    assert all(text[s:e] == tok for tok, s, e in spans)


# ----------------------------------------------------------------------------- quotes
def quotes_of(*paragraphs: str) -> list[tuple[str, str]]:
    """(text, speaker) of every quote found in the given paragraphs."""
    return [(q.text, q.speaker) for q in find_quotes(list(paragraphs))]


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        ("“It takes two sides to have a dialogue,” Peskov told Khabar 24.", "Peskov"),
        ("“The direction has not changed at all,” Peskov reportedly said.", "Peskov"),
        ("“We see this as posturing, not an offer,” said Ned Price.", "Ned Price"),
        ('"We do not see a constructive offer here," Price said.', "Price"),
        ("“We have already been in these stories,” Lavrov told reporters on Monday.", "Lavrov"),
        ('Lavrov said: "We are ready to talk at any time."', "Lavrov"),
        ("Kremlin spokesman Dmitry Peskov said: “The goals remain exactly the same.”", "Dmitry Peskov"),
        ("Russian Foreign Minister Sergey Lavrov said: “Nothing has changed for us.”", "Sergey Lavrov"),
        (
            'Ivan Mezhuh, a political scientist and chairman of the "Political Enlightenment Center" in Russia, '
            'said: "The balance of interests means taking into account both parties."',
            "Ivan Mezhuh",
        ),
        (
            "Vladimir Brylinov, associate professor at the Financial University, believes: "
            '"Such statements are part of a public opinion campaign."',
            "Vladimir Brylinov",
        ),
        ("However, the foreign minister stressed that talks must mean “putting an end to attempts to build security.”",
         "foreign minister"),
        ("“We are ready for talks with anyone,” said Kremlin spokesman Dmitry Peskov.", "Dmitry Peskov"),
        ("“I see no chance of a ceasefire soon,” Zelensky’s chief of staff Andriy Yermak said.", "Andriy Yermak"),
        ("“We are ready for talks with anyone,” the Kremlin said in a statement.", "Kremlin"),
        ("Putin: “We never refused to negotiate with anyone.”", "Putin"),
        ("“Nobody in Moscow believes this any more,” one analyst wrote.", "one analyst"),  # an unnamed source
    ],
)
def test_quote_speaker_forms(paragraph: str, speaker: str) -> None:
    [quote] = find_quotes([paragraph])
    assert quote.speaker == speaker
    assert paragraph[quote.start : quote.end] == quote.text
    assert quote.text[0] not in "\"“”" and quote.text[-1] not in "\"“”"


def test_sentence_subject_is_the_speaker_of_every_quote_in_it() -> None:
    paragraph = (
        "Lavrov added that Russia is “always ready to discuss these issues seriously,” but suggested that "
        "Kiev has been the unwilling party, saying “We have never rejected the negotiations.”"
    )
    assert quotes_of(paragraph) == [
        ("always ready to discuss these issues seriously,", "Lavrov"),
        ("We have never rejected the negotiations.", "Lavrov"),
    ]


def test_unattributed_quote_after_attributed_one_in_same_paragraph() -> None:
    paragraph = (
        "“The special military operation continues,” Peskov reportedly said. "
        "“However, we remain open to negotiations to achieve our objectives.”"
    )
    assert [s for _, s in quotes_of(paragraph)] == ["Peskov", "Peskov"]


def test_unattributed_quote_takes_earlier_attribution_in_paragraph() -> None:
    # the short first quote is not returned, but its attribution still names the speaker
    assert quotes_of('"We are ready," Peskov said. "But the conditions must be met by Kyiv first."') == [
        ("But the conditions must be met by Kyiv first.", "Peskov")
    ]
    assert quotes_of("Lavrov told reporters the plan was dead. “Nobody in Moscow takes it seriously.”") == [
        ("Nobody in Moscow takes it seriously.", "Lavrov")
    ]


def test_scare_quotes_and_terms_are_not_quotes() -> None:
    paragraph = (
        "Peskov said the “special military operation” goes on and the “liberation” of Donbas is the "
        'goal, citing the "hostile" West.'
    )
    assert find_quotes([paragraph]) == []
    assert quotes_of("The “special military operation” goes on.") == []
    assert len(find_quotes(["The “special military operation” goes on."], min_words=3)) == 1


def test_multi_paragraph_quote_continues_with_same_speaker() -> None:
    paragraphs = [
        "Lavrov said: “We will not negotiate on our territory. Nobody should expect it.",
        "“The West knows our conditions very well. They have not changed since 2022.”",
        "Kyiv rejected the conditions.",
    ]
    quotes = find_quotes(paragraphs)
    assert [(q.paragraph_index, q.speaker) for q in quotes] == [(0, "Lavrov"), (1, "Lavrov")]
    assert quotes[0].text == "We will not negotiate on our territory. Nobody should expect it."
    assert quotes[1].start == 1


def test_unmatched_closing_mark_continues_previous_quote() -> None:
    paragraphs = [
        'Vladimir Brylinov believes: "Trump is executing a public opinion task."',
        "Russia is very clear about this and sees that a compromise is impossible to reach.\"",
    ]
    quotes = find_quotes(paragraphs)
    assert quotes[1] == Quote(
        1, 0, len(paragraphs[1]) - 1,
        "Russia is very clear about this and sees that a compromise is impossible to reach.",
        "Vladimir Brylinov",
    )


def test_interview_label_speaks_its_line_and_answers_go_to_interviewee() -> None:
    paragraphs = [
        'Ivan Mezhuh said: "The balance of interests means taking both sides into account."',
        '"Free Media (SP)": Can the negotiations start now, and how long will they last?"',
        '"Putin has never opposed direct negotiations, but he wants legitimacy."',
    ]
    assert quotes_of(*paragraphs) == [
        ("The balance of interests means taking both sides into account.", "Ivan Mezhuh"),
        ("Can the negotiations start now, and how long will they last?", "Free Media (SP)"),
        ("Putin has never opposed direct negotiations, but he wants legitimacy.", "Ivan Mezhuh"),
    ]


def test_dash_quotes_with_attribution() -> None:
    paragraph = (
        "- Lavrov is distorting the truth, says a reserve colonel, in an interview with WP. "
        "I wouldn't pay heed to his words, he adds."
    )
    assert quotes_of(paragraph) == [
        ("Lavrov is distorting the truth", "reserve colonel"),
        ("I wouldn't pay heed to his words", "reserve colonel"),
    ]


def test_dash_quote_mid_paragraph_with_pronoun() -> None:
    paragraph = (
        "According to Colonel Matysiak, Russia wants the West to give up. - It has been this way from "
        "the outset. We've been through a whole cycle of events - he emphasizes."
    )
    assert quotes_of(paragraph) == [
        ("It has been this way from the outset. We've been through a whole cycle of events", "Matysiak")
    ]


def test_dash_as_separator_is_not_a_quote() -> None:
    assert quotes_of("Is Russia doubling down? – Russian Foreign Minister Sergey Lavrov this week ruled out a truce.") == []
    assert quotes_of("Support from all - Western, democratic nations - is crucial for the country.") == []
    assert quotes_of("– We are ready to talk to anyone about peace.") == [("We are ready to talk to anyone about peace.", "")]


def test_pronoun_resolves_to_latest_named_speaker() -> None:
    paragraphs = [
        "Ned Price said on Monday that Washington was sceptical.",
        "Speaking in Minsk, Lavrov told reporters that Western leaders had approached him.",
        "“I do not want to name names, but several leaders sent signals,” he said.",
    ]
    assert quotes_of(*paragraphs) == [
        ("I do not want to name names, but several leaders sent signals,", "Lavrov")
    ]
    assert quotes_of(paragraphs[2]) == [("I do not want to name names, but several leaders sent signals,", "")]


def test_names_inside_quotes_are_not_antecedents() -> None:
    paragraphs = [
        "Lavrov told reporters: “Price said nothing new about the talks.”",
        "“We are waiting for a serious proposal from them,” he added.",
    ]
    assert [s for _, s in quotes_of(*paragraphs)] == ["Lavrov", "Lavrov"]


def test_segment_paragraphs_marks_quoted_sentences() -> None:
    paragraphs = [
        "Washington was sceptical.",
        "“We see this as posturing. We do not see a constructive offer here,” Price said. The talks stalled.",
        # about a third of this sentence is quoted: not enough to count as quoted speech
        "“We are ready for talks,” Peskov told the Khabar 24 TV channel on Thursday.",
    ]
    sentences, quotes = segment_paragraphs(paragraphs)
    assert [(s["sentence_index"], s["paragraph_index"], s["in_quote"], s["speaker"]) for s in sentences] == [
        (0, 0, False, ""), (1, 1, True, "Price"), (2, 1, True, "Price"), (3, 1, False, ""), (4, 2, False, ""),
    ]
    for s in sentences:
        assert paragraphs[s["paragraph_index"]][s["start"] : s["end"]] == s["text"]
    assert quotes == [
        {
            "paragraph_index": 1, "quote_index": 0, "speaker": "Price",
            "text": "We see this as posturing. We do not see a constructive offer here,", "kind": "direct",
            "start": 1, "end": 67,
        },
        {"paragraph_index": 2, "quote_index": 1, "speaker": "Peskov", "text": "We are ready for talks,", "kind": "direct",
         "start": 1, "end": 24},
    ]
    assert [s["voice"] for s in sentences] == ["narration", "quote", "quote", "narration", "narration"]


def test_sentence_quote_overlap_needs_half_the_characters() -> None:
    text = "“We are ready for talks,” Peskov told the Khabar 24 TV channel on Thursday."
    [quote] = find_quotes([text])
    share, best = sentence_quote_overlap(text, (0, len(text)), [quote])
    assert best == quote and 0.2 < share < 0.5
    assert sentence_quote_overlap(text, (0, 26), [quote]) == (pytest.approx(19 / 21), quote)
    assert sentence_quote_overlap(text, (27, len(text)), [quote]) == (0.0, None)


def test_find_quotes_is_deterministic() -> None:
    paragraphs = raw_paragraphs("001")
    assert find_quotes(paragraphs) == find_quotes(list(paragraphs))


# ----------------------------------------------------------------------------- seed articles
def raw_paragraphs(prefix: str) -> list[str]:
    [path] = RAW.glob(f"{prefix}_*.txt")
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def speaker_of(prefix: str, quote_start: str) -> str:
    [quote] = [q for q in find_quotes(raw_paragraphs(prefix)) if q.text.startswith(quote_start)]
    return quote.speaker


@pytest.mark.parametrize(
    ("prefix", "quote_start", "speaker"),
    [
        ("002", "We see this as posturing", "Ned Price"),  # the full name the article uses
        ("002", "However, we have repeatedly reiterated", "Dmitry Peskov"),
        ("004", "We have already been in these stories", "Sergey Lavrov"),  # as the article names him after its headline
        ("003", "We have never rejected the negotiations", "Sergey Lavrov"),
        ("001", "If this is not the negotiation preparation", "Sergey Lavrov"),
        ("001", "In this situation, Trump is executing", "Vladimir Brylinov"),
        ("001", "Putin has never opposed direct negotiations", "Ivan Mezhuh"),
        ("001", "It seems that neither Putin nor Zelenskyy", "Free Media (SP)"),
        ("000", "It has been this way from the outset", "Matysiak"),
    ],
)
def test_seed_article_speakers(prefix: str, quote_start: str, speaker: str) -> None:
    assert speaker_of(prefix, quote_start) == speaker


def test_seed_article_pronoun_speaker() -> None:
    assert "Lavrov" in speaker_of("003", "I do not want to and I have no right to name names")


def test_seed_article_scare_quotes_skipped() -> None:
    texts = [q.text for q in find_quotes(raw_paragraphs("002"))]
    assert not any(t.startswith(("special military operation", "liberation", "hostile")) for t in texts)
    assert len(texts) == 5


def test_learned_abbreviations_are_initialisms_only() -> None:
    texts = ["Officials in Santa Fe, N.M. said talks were off. They met two weeks ago. Nobody came."] * 3
    learned = segment.learn_abbreviations(texts)
    assert "n.m" in learned
    assert "ago" not in learned and all("." in a for a in learned)
    splitter = segment.sentence_tokenizer(segment.default_abbreviations() | learned)
    assert len(segment.split_sentences(texts[0], splitter)) == 3


def test_tokens_of_ascii_and_other_text_are_lower_cased_the_same_way() -> None:
    text = "The U.S. and Russia's envoy said 1,000 POWs - e.g. in Kyiv - were freed"
    assert segment.tokenize(text) == [t.lower() for t, _, _ in segment.token_spans(text)]
    assert segment.tokenize(text) == ["the", "u.s", "and", "russia's", "envoy", "said", "1,000", "pows", "e.g", "in",
                                      "kyiv", "were", "freed"]
    curly = text.replace("'", "’") + " İstanbul Ærø"
    assert segment.tokenize(curly)[:4] == ["the", "u.s", "and", "russia's"]
    assert segment.tokenize(curly)[-2:] == ["i̇stanbul", "ærø"]
    assert segment.count_tokens(curly) == len(segment.tokenize(curly))


def test_layer_tokens_give_each_token_the_layer_layer_at_gives_it() -> None:
    """The sweep over a paragraph's stretches agrees with `layer_at` token by token, nested and
    overlapping stretches and ties in length included."""
    from collections import Counter

    from analysis.segment.tokens import token_spans

    rng = np.random.default_rng(11)
    text = ("Lavrov said the talks, which Kyiv calls a 'farce', would go on. \"We are ready,\" he added, "
            "according to the ministry, while U.S. officials stayed silent on 1,000 prisoners.")
    layers = ["quoted", "reported", "scare", "question", "label"]
    for _ in range(200):
        spans = []
        for _ in range(int(rng.integers(1, 5))):
            a = int(rng.integers(0, len(text)))
            spans.append((a, int(rng.integers(a, len(text) + 1)), str(rng.choice(layers))))
        spans.sort()
        expected = Counter(segment.layer_at(spans, a, b) for _, a, b in token_spans(text))
        assert segment.layer_tokens([text], {0: spans}) == expected
    assert segment.layer_tokens([text, "No quotes here."], {0: []}) == {"narration": len(token_spans(text)) + 3}
