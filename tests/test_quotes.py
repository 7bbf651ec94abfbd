"""Who says what: quotes, reported speech and speakers against gold standards written by a
separate annotator (tests/fixtures/quotes/README.md): 22 articles in styles the rules were not
written for (wire copy, interviews, translated Russian articles, live blogs, analysis, features)
and the five seed articles.

First measurement on the blind set, with the rules as they stood when it arrived (quotation-mark
and dash quotes only, no kinds): see README.md, "How well quotes and speakers are found". The
targets of the measurement issue are: direct quotes with the right speaker >= 0.9 recall
(target met: 1.00 on blind/, dash speech 0.96), reported speech >= 0.6 (target met: 0.66),
interview answers >= 0.95 (target met: 1.00), precision >= 0.9 for each kind (target met: the
lowest is 0.95, reported speech; scare quotes 1.00 once repeated gold texts match one occurrence
each). blind/ was used to tune the attribution rules, so these numbers flatter them: a second
blind set judges them. The floors below sit a little under what is measured.

blind2/ (24 articles, 410 quotes, written by another separate annotator after the tuning on
blind/) was measured once while it was still blind: direct with speaker 0.83 (NOT MET),
reported speech 0.57 (NOT MET), interview answers 0.47 (NOT MET), precision 0.83 for reported
speech and 0.89 for scare quotes (NOT MET), the other kinds >= 0.92. The rules were then tuned on
blind2 (general rules only, each with a test in test_attribution.py), after which: direct with
speaker 0.92 (target met), reported speech 0.77 (target met), interview answers 1.00 (target
met), precision >= 0.93 for every kind (target met). These are tuning-set numbers now; a third
blind set judges them. The blind2 floors below sit a little under what is measured.

blind3/ (21 articles, 304 quotes, written by a third separate annotator after the tuning on
blind/ and blind2/) was measured once, with the final rules, while it was still blind; it is the
honest estimate: direct with speaker 0.78 (target 0.9: NOT MET), dash with speaker 0.81,
reported speech 0.62 (target 0.6: met), interview answers 1.00 (target 0.95: met), precision
0.87 for reported speech (target 0.9: NOT MET) and >= 0.95 for every other kind. Its floors
below sit a little under that measurement, so a change that loses ground on unseen text fails.

After tuning on blind3 (general rules only, each with a test in test_attribution.py): direct with
speaker 0.92 (target met), dash with speaker 0.86, reported speech 0.66 (target met), interview
answers 1.00 (target met), precision 0.92 for reported speech and >= 0.95 for every other kind
(target met). These are tuning-set numbers now; a fourth blind set judges them. The blind3 floors
below were raised to sit a little under these after-tuning numbers.

blind4/ (21 articles, 319 quotes, written by a fourth separate annotator) was measured once with
the rules tuned on the three earlier sets, while it was still blind; it is the current honest
estimate: direct with speaker 0.76 (target 0.9: NOT MET), interview answers 0.75 (target 0.95:
NOT MET), reported speech 0.53 (target 0.6: NOT MET), precision 0.87 for reported speech (target
0.9: NOT MET) and >= 0.92 for every other kind (met). Its floors sit a little under that
measurement, so a change that loses ground on unseen text fails. After two rounds of general
rules tuned on its failures (speakers named after the quote, role labels of interview turns,
possessive colon lead-ins ...) it reads direct 0.97, interview 1.00, reported speech 0.55 /
precision 0.89: tuning-set numbers, judged by blind5.

blind5/ (22 articles, 310 quotes, written by a fifth separate annotator in styles none of the
earlier sets has: a Hansard debate, TV and podcast transcripts, an explainer, a court report,
Indian, Gulf, Chinese, Canadian, Australian and Turkish outlets, sports and culture pages, a
think-tank summary, a Telegram roundup, nested attributions ...) was measured once with the rules
tuned on the four earlier sets, while it was still blind; it is the current honest estimate:
direct with speaker 0.81 (target 0.9: NOT MET), interview answers 0.35 (target 0.95: NOT MET; the
Hansard, podcast and TV-transcript labels are not found as turns at all: span recall 0.38),
reported speech 0.63 (target 0.6: met), precision 0.93 for reported speech (met), >= 0.97 for
direct, dash, interview, question and partial quotes (met) and 0.75 for scare quotes (3 of 4
found; target 0.9: NOT MET, on 4 quotes). That measurement is kept here; after the tuning below,
blind5 is a tuning set and a new held-out set judges the rules. Tuning on blind5 (general rules only, each with a test in test_attribution.py), the floors now
sit under tuning-set numbers: transcript turns (Hansard, TV and podcast labels) gave interview
answers 1.00 and questions 1.00, scare precision 1.00 (2 found); speaker families (", Name,
said" subjects, names given surname first, "He ..." narration before an unattributed quote) gave
direct quotes with the right speaker 0.89; partial-quote subjects gave partial speakers 0.75 and
reported speech 0.66; "the paper" / "the statement" resolved to the outlet named just before gave
direct quotes with the right speaker 0.92 (tuning-set numbers). The same rounds raised blind
(reported speech 0.72), blind2 (0.83) and blind4 (reported speech 0.57, precision 0.91; direct
0.98); their floors were raised to sit under these.

blind6/ (23 articles, 345 quotes, written by a sixth separate annotator who never opened the code,
in styles none of the earlier sets has: a State Department briefing, a Security Council record, a
Kremlin transcript, a radio call-in, a fact check, letters, a factbox, French, Japanese,
Brazilian, South African, German and Kazakh outlets in translation, a timestamped video interview
...) was measured once with the rules tuned on the five earlier sets, while it was still blind:
direct with speaker 0.77 (target 0.9: NOT MET), interview answers: every turn found (span 1.00)
but the right speaker 0.74 (target 0.95: NOT MET), reported speech 0.73 with precision 0.93
(targets met), dash precision 0.82 on 11 found (NOT MET), every other precision >= 0.94 (met).
Its floors sat a little under that measurement. After general rules tuned on its failures (role
labels of transcript turns named in a heading, headline quotes repeated in the body, colon lead-in
subjects, role holders named after the place they serve, names with particles, the person named
since the last quote, bullets of narration ...; each with a test in test_attribution.py): direct
with speaker 0.97, interview answers 1.00 with precision 1.00, dash precision 1.00, partial 0.73;
tuning-set numbers now, judged by the next blind set. Its floors sit under these.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pandas as pd
import pytest

from analysis import evaluate, segment

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "fixtures" / "quotes"


@pytest.fixture(scope="module")
def blind() -> pd.DataFrame:
    return evaluate.quote_accuracy(evaluate.read_quote_gold(GOLD / "blind")).set_index("kind")


@pytest.fixture(scope="module")
def blind2() -> pd.DataFrame:
    return evaluate.quote_accuracy(evaluate.read_quote_gold(GOLD / "blind2")).set_index("kind")


@pytest.fixture(scope="module")
def seeds() -> pd.DataFrame:
    return evaluate.quote_accuracy(evaluate.read_seed_quote_gold(ROOT / "data" / "raw", GOLD / "seeds.csv")).set_index("kind")


def test_the_gold_standard_covers_every_kind(blind: pd.DataFrame) -> None:
    assert blind["gold"].sum() >= 350 and (blind["gold"] >= 15).all()


def test_interview_answers_with_their_speaker(blind: pd.DataFrame) -> None:
    assert blind.at["interview", "recall_speaker"] >= 0.95
    assert blind.at["question", "recall_span"] >= 0.95


def test_reported_speech_is_found(blind: pd.DataFrame) -> None:
    assert blind.at["indirect", "recall_span"] >= 0.7  # (0.72 after the blind5 partial-subject families)
    assert blind.at["indirect", "precision"] >= 0.9


def test_direct_and_dash_quotes_with_their_speaker(blind: pd.DataFrame) -> None:
    assert blind.at["direct", "recall_span"] >= 0.95 and blind.at["dash", "recall_span"] >= 0.95
    assert blind.at["direct", "recall_speaker"] >= 0.95  # target 0.9: met (see the module docstring)
    assert blind.at["dash", "recall_speaker"] >= 0.9


@pytest.mark.parametrize("kind", ["direct", "dash", "interview", "question", "partial", "scare", "indirect"])
def test_precision_of_each_kind(blind: pd.DataFrame, kind: str) -> None:
    assert blind.at[kind, "precision"] >= 0.9


def test_the_second_blind_set_covers_every_kind(blind2: pd.DataFrame) -> None:
    assert blind2["gold"].sum() >= 400 and (blind2["gold"] >= 20).all()


def test_second_blind_set_direct_and_dash(blind2: pd.DataFrame) -> None:
    assert blind2.at["direct", "recall_span"] >= 0.99 and blind2.at["dash", "recall_span"] >= 0.99
    assert blind2.at["direct", "recall_speaker"] >= 0.93  # target 0.9: met after tuning on blind2
    assert blind2.at["dash", "recall_speaker"] >= 0.81


def test_second_blind_set_interviews(blind2: pd.DataFrame) -> None:
    assert blind2.at["interview", "recall_speaker"] >= 0.97  # target 0.95: met after tuning on blind2
    assert blind2.at["question", "recall_span"] >= 0.97


def test_second_blind_set_reported_speech(blind2: pd.DataFrame) -> None:
    assert blind2.at["indirect", "recall_span"] >= 0.81  # target 0.6: met after tuning on blind2 (0.83 after blind5 families)
    assert blind2.at["partial", "recall_span"] >= 0.97


@pytest.mark.parametrize("kind", ["direct", "dash", "interview", "question", "partial", "scare", "indirect"])
def test_second_blind_set_precision_of_each_kind(blind2: pd.DataFrame, kind: str) -> None:
    assert blind2.at[kind, "precision"] >= 0.92  # target 0.9: met after tuning on blind2


def test_the_seed_articles(seeds: pd.DataFrame) -> None:
    assert seeds.at["direct", "recall_speaker"] >= 0.94
    assert (seeds["precision"] >= 0.8).all()
    assert seeds.at["question", "recall_speaker"] == 1.0
    assert seeds.at["interview", "recall_speaker"] == 1.0


def test_each_kind_on_sentences_written_for_the_test() -> None:
    paragraphs = [
        "Foreign Minister Sergei Lavrov spoke in Ankara on Monday.",
        "Peskov said on Friday that Moscow remained open to talks with Kyiv.",
        "A ministry spokeswoman, Maria Zakharova, claimed that the West was not ready for peace.",
        "The minister called the so-called “peace formula” an ultimatum, and said the West was “not ready” for talks.",
        "— We are ready for talks, — the minister replied. — But not on these terms, and not now.",
        "According to Yermak, the talks will resume in June.",
        "«Washington and its satellites are not looking for a settlement,» Lavrov said.",
    ]
    found = [(q.kind, q.speaker, q.text) for q in segment.find_quotes(paragraphs, short=True, reported=True)]
    assert ("indirect", "Peskov", "Moscow remained open to talks with Kyiv") in found
    assert ("indirect", "Maria Zakharova", "the West was not ready for peace") in found
    assert ("scare", "", "peace formula") in found
    assert ("partial", "Sergei Lavrov", "not ready") in found  # "the minister": the one named before
    assert ("dash", "Sergei Lavrov", "But not on these terms, and not now.") in found
    assert ("indirect", "Yermak", "the talks will resume in June") in found
    assert ("direct", "Sergei Lavrov", "Washington and its satellites are not looking for a settlement,") in found


def test_interview_labels_are_turns_and_not_text() -> None:
    paragraphs = [
        "EU foreign policy chief Kaja Kallas spoke to our correspondent before the meeting.",
        "Q: Is Europe being left out of the talks?",
        "A: Europe is not a spectator. We are the biggest supporter of Ukraine.",
        "Q: What would an acceptable ceasefire look like?",
        "A: It must be verifiable, and it must not give Russia time to regroup.",
    ]
    found = [(q.kind, q.speaker) for q in segment.find_quotes(paragraphs)]
    assert found == [("question", "Q"), ("interview", "Kaja Kallas"), ("question", "Q"), ("interview", "Kaja Kallas")]
    sentences, _ = segment.segment_paragraphs(paragraphs)
    assert not any(s["text"].startswith(("Q:", "A:")) for s in sentences)
    assert [s["voice"] for s in sentences if s["paragraph_index"] == 1] == ["question"]


def test_headlines_with_a_colon_are_not_an_interview() -> None:
    paragraphs = ["Putin Giving Up: Is Russia Now Willing to Negotiate on Ukraine?",
                  "Lavrov Dismisses Ceasefire: Is Russia Doubling Down? The minister said no.",
                  "The Kremlin said the talks would go on."]
    assert segment.interview_turns(paragraphs) == {}


def _naming(text: str) -> pd.Series:
    from analysis import pipeline
    from analysis.corpus import METADATA_COLUMNS

    row = {column: None for column in METADATA_COLUMNS} | {"article_id": "a1", "outlet": "Example", "bloc": "western",
                                                            "text": text}
    articles = pd.DataFrame([row])
    tables = pipeline.build_tables(articles, progress=False, skip_topics=True)
    return tables["article_framing"].iloc[0]


WESTERN_QUOTING_RUSSIA = """Lavrov repeats Moscow's terms as the war grinds on

Russia's war against Ukraine entered its fourth year on Monday, and officials in Kyiv said the invasion had not changed their terms. The war has displaced millions, and Kyiv says it will not cede territory.

Speaking in Moscow, Foreign Minister Sergei Lavrov said: "The Kiev regime must accept the new realities. The special military operation will continue until its goals are met, and Novorossiya will never return to the Kiev regime."

"The Kiev regime has no future. The special military operation is the answer to the threats from the West," Lavrov added.

Ukraine's government in Kyiv rejected the remarks as a justification for the war.
"""

RUSSIAN_QUOTING_UKRAINE = """Zelensky repeats his demands as the special military operation goes on

The special military operation continued on Monday, and the Kiev regime again rejected talks, officials in Moscow said. Kiev has refused to recognise the new realities.

Speaking in Kyiv, Volodymyr Zelensky said: "Russia's invasion must end. The occupied territories are Ukraine, and Kyiv will never accept the occupation. This war is Russia's war."

"Kyiv is ready for peace, but not for surrender to the invasion," Zelensky added.

The Kremlin said the Kiev regime was once again refusing to face reality.
"""


def test_naming_index_reads_the_outlets_own_words_not_the_words_it_quotes() -> None:
    western = _naming(WESTERN_QUOTING_RUSSIA)
    assert western["naming_index"] < 0 < western["naming_index_quoted"]
    russian = _naming(RUSSIAN_QUOTING_UKRAINE)
    assert russian["naming_index"] > 0 > russian["naming_index_quoted"]


@pytest.fixture(scope="module")
def blind3() -> pd.DataFrame:
    return evaluate.quote_accuracy(evaluate.read_quote_gold(GOLD / "blind3")).set_index("kind")


def test_the_third_blind_set_covers_every_kind(blind3: pd.DataFrame) -> None:
    assert blind3["gold"].sum() >= 300 and (blind3["gold"] >= 15).all()


def test_third_blind_set_speakers(blind3: pd.DataFrame) -> None:
    assert blind3.at["direct", "recall_span"] >= 0.98 and blind3.at["dash", "recall_span"] >= 0.9
    # first measurement, blind: 0.78 (target 0.9 NOT MET on unseen text); after tuning on blind3: 0.92
    assert blind3.at["direct", "recall_speaker"] >= 0.91
    assert blind3.at["dash", "recall_speaker"] >= 0.88
    assert blind3.at["interview", "recall_speaker"] >= 0.95  # target 0.95: met (1.00)
    assert blind3.at["question", "recall_span"] >= 0.95


def test_third_blind_set_reported_speech(blind3: pd.DataFrame) -> None:
    assert blind3.at["indirect", "recall_span"] >= 0.65  # target 0.6: met (0.62 blind; 0.66 after tuning on blind3)
    # first measurement, blind: 0.87 (target 0.9 NOT MET on unseen text); after tuning on blind3: 0.92;
    # 0.906 since e5f8850, whose unnamed subjects with a "who" clause find "the people who run them say they
    # can handle even more Ukrainian grain": reported speech by the gold's own rule 4, which its row list omits;
    # 0.893 (25 of 28) since bare clauses with a past tense are found: "Tom Farrant, ..., said the debate missed the
    # point." is another such clause the rows omit (a gold omission, not a wrong find: the target is not lowered for it)
    assert blind3.at["indirect", "precision"] >= 0.89


@pytest.mark.parametrize("kind", ["direct", "dash", "interview", "question", "partial", "scare"])
def test_third_blind_set_precision_of_each_kind(blind3: pd.DataFrame, kind: str) -> None:
    assert blind3.at[kind, "precision"] >= 0.94  # target 0.9: met for these kinds


@pytest.fixture(scope="module")
def blind4() -> pd.DataFrame:
    return evaluate.quote_accuracy(evaluate.read_quote_gold(GOLD / "blind4")).set_index("kind")


def test_the_fourth_blind_set_covers_every_kind(blind4: pd.DataFrame) -> None:
    assert blind4["gold"].sum() >= 300 and (blind4["gold"] >= 15).all()


def test_fourth_blind_set_speakers(blind4: pd.DataFrame) -> None:
    assert blind4.at["direct", "recall_span"] >= 0.98 and blind4.at["dash", "recall_span"] >= 0.95
    # target 0.9: NOT MET on unseen text (0.76); after tuning on blind4: 0.87 after attr-rules, 0.91 with
    # speakers named after the quote, 0.94 with possessive colon lead-ins, 0.97 with subjects behind an opening phrase
    assert blind4.at["direct", "recall_speaker"] >= 0.97  # (0.978 after names stop at a sentence end)
    assert blind4.at["dash", "recall_speaker"] >= 0.95  # 0.86 before possessive colon lead-ins and "X of the <Institution>"
    assert blind4.at["interview", "recall_speaker"] >= 0.97  # target 0.95: NOT MET on unseen text (0.75; 1.00 after attr-rules)
    assert blind4.at["question", "recall_span"] >= 0.95


def test_fourth_blind_set_reported_speech(blind4: pd.DataFrame) -> None:
    assert blind4.at["indirect", "recall_span"] >= 0.55  # target 0.6: NOT MET on unseen text (0.53; 0.57 after blind5 families)
    assert blind4.at["indirect", "precision"] >= 0.9  # target 0.9: NOT MET on unseen text (0.87; 0.89 after attr-rules; 0.91 after blind5 families)


@pytest.mark.parametrize("kind", ["direct", "dash", "interview", "question", "partial", "scare"])
def test_fourth_blind_set_precision_of_each_kind(blind4: pd.DataFrame, kind: str) -> None:
    assert blind4.at[kind, "precision"] >= 0.9  # target 0.9: met for these kinds (>= 0.92)


@pytest.fixture(scope="module")
def blind5() -> pd.DataFrame:
    return evaluate.quote_accuracy(evaluate.read_quote_gold(GOLD / "blind5")).set_index("kind")


def test_the_fifth_blind_set_covers_the_main_kinds(blind5: pd.DataFrame) -> None:
    assert blind5["gold"].sum() >= 300
    assert (blind5.loc[["direct", "interview", "partial", "indirect"], "gold"] >= 25).all()


def test_fifth_blind_set_speakers(blind5: pd.DataFrame) -> None:
    assert blind5.at["direct", "recall_span"] >= 0.94
    assert blind5.at["direct", "recall_speaker"] >= 0.91  # target 0.9: NOT MET on unseen text (0.81); 0.92 after tuning
    assert blind5.at["interview", "recall_speaker"] >= 0.97  # target 0.95: NOT MET on unseen text (0.35); 1.00 after transcript turns
    assert blind5.at["question", "recall_span"] >= 0.97  # (0.40 on unseen text; 1.00 after transcript turns)
    assert blind5.at["partial", "recall_speaker"] >= 0.73  # 0.65 on unseen text; 0.75 after tuning


def test_fifth_blind_set_reported_speech(blind5: pd.DataFrame) -> None:
    assert blind5.at["indirect", "recall_span"] >= 0.64  # target 0.6: met on unseen text (0.63); 0.66 after tuning
    assert blind5.at["indirect", "precision"] >= 0.93  # target 0.9: met on unseen text (0.93); 0.95 after tuning


@pytest.mark.parametrize("kind", ["direct", "dash", "interview", "question", "partial"])
def test_fifth_blind_set_precision_of_each_kind(blind5: pd.DataFrame, kind: str) -> None:
    assert blind5.at[kind, "precision"] >= 0.9  # target 0.9: met for these kinds (>= 0.97); scare 0.75 on 4 quotes (unseen), 1.00 on 2 after tuning


@pytest.fixture(scope="module")
def blind6() -> pd.DataFrame:
    return evaluate.quote_accuracy(evaluate.read_quote_gold(GOLD / "blind6")).set_index("kind")


def test_the_sixth_blind_set_covers_the_main_kinds(blind6: pd.DataFrame) -> None:
    assert blind6["gold"].sum() >= 300
    assert (blind6.loc[["direct", "interview", "partial", "indirect"], "gold"] >= 30).all()


def test_sixth_blind_set_speakers(blind6: pd.DataFrame) -> None:
    assert blind6.at["direct", "recall_span"] >= 0.98
    assert blind6.at["direct", "recall_speaker"] >= 0.95  # 0.77 on unseen text (NOT MET); 0.97 after tuning on it
    assert blind6.at["interview", "recall_span"] >= 0.98  # every turn found (1.00)
    assert blind6.at["interview", "recall_speaker"] >= 0.98  # 0.74 on unseen text (NOT MET); 1.00 after tuning
    assert blind6.at["question", "recall_speaker"] >= 0.98
    assert blind6.at["partial", "recall_speaker"] >= 0.7  # 0.66 on unseen text, 0.73 after tuning
    assert blind6.at["interview", "precision"] >= 0.98  # (1.00 after tuning: headings and asides are no turns)
    assert blind6.at["dash", "precision"] >= 0.95  # (1.00 after tuning: bullets of narration are no dash speech)


def test_sixth_blind_set_reported_speech(blind6: pd.DataFrame) -> None:
    assert blind6.at["indirect", "recall_span"] >= 0.7  # target 0.6: met on unseen text (0.73)
    assert blind6.at["indirect", "precision"] >= 0.91  # target 0.9: met on unseen text (0.93)


@pytest.mark.parametrize("kind", ["direct", "interview", "question", "partial", "scare"])
def test_sixth_blind_set_precision_of_each_kind(blind6: pd.DataFrame, kind: str) -> None:
    assert blind6.at[kind, "precision"] >= 0.92  # target 0.9: met for these kinds (>= 0.94); dash 0.82 on 11 found: NOT MET


@pytest.fixture(scope="module")
def blind7() -> pd.DataFrame:
    return evaluate.quote_accuracy(evaluate.read_quote_gold(GOLD / "blind7")).set_index("kind")


def test_the_seventh_blind_set_covers_the_main_kinds(blind7: pd.DataFrame) -> None:
    assert blind7["gold"].sum() >= 400
    assert (blind7.loc[["direct", "interview", "partial", "indirect"], "gold"] >= 25).all()


def test_seventh_blind_set_speakers(blind7: pd.DataFrame) -> None:
    """Measured once, while blind, with every rule tuned on the six earlier sets (floors a little under)."""
    assert blind7.at["direct", "recall_span"] >= 0.97  # 0.99
    assert blind7.at["direct", "recall_speaker"] >= 0.84  # 0.71 on unseen text: target 0.9 NOT MET; 0.79 after the lists grew; 0.85 after spk2 (people introduced by apposition, replies, unnamed sources with their place, acronym roles: tuning-set numbers)
    assert blind7.at["interview", "recall_speaker"] >= 0.98  # 1.00 on unseen text: target 0.95 met
    assert blind7.at["question", "recall_speaker"] >= 0.98
    assert blind7.at["dash", "recall_speaker"] >= 0.8  # 0.82 (9 of 11)
    assert blind7.at["partial", "recall_speaker"] >= 0.58  # 0.60


def test_seventh_blind_set_reported_speech(blind7: pd.DataFrame) -> None:
    assert blind7.at["indirect", "recall_span"] >= 0.6  # target 0.6: met on unseen text (0.62)
    assert blind7.at["indirect", "precision"] >= 0.9  # target 0.9: met on unseen text (0.91)


@pytest.mark.parametrize("kind", ["direct", "dash", "interview", "question", "partial", "scare"])
def test_seventh_blind_set_precision_of_each_kind(blind7: pd.DataFrame, kind: str) -> None:
    assert blind7.at[kind, "precision"] >= 0.9  # target 0.9: met for every kind on unseen text (>= 0.91)


@lru_cache(maxsize=None)
def gold_set(name: str) -> pd.DataFrame:
    """`quote_accuracy` of one gold set in tests/fixtures/quotes, by kind (computed once per process)."""
    return evaluate.quote_accuracy(evaluate.read_quote_gold(GOLD / name)).set_index("kind")


@pytest.mark.parametrize("name", [f"blind{n}" for n in range(8, 165)])
def test_each_newer_blind_set_covers_the_main_kinds(name: str) -> None:
    accuracy = gold_set(name)
    assert accuracy["gold"].sum() >= {"blind15": 330, "blind17": 330, "blind18": 280, "blind21": 320, "blind22": 320,
                                      "blind23": 320, "blind24": 320, "blind25": 320, "blind26": 320, "blind27": 320,
                                      "blind31": 330, "blind32": 330, "blind35": 330, "blind37": 330,
                                      "blind39": 330, "blind41": 330, "blind42": 330, "blind43": 330,
                                      "blind44": 330, "blind45": 330, "blind46": 330, "blind49": 330, "blind50": 330,
                                      "blind52": 330, "blind54": 330, "blind56": 330, "blind62": 330,
                                      "blind68": 330, "blind69": 330, "blind70": 330, "blind75": 330, "blind79": 330,
                                      "blind90": 330, "blind92": 330, "blind93": 310, "blind129": 320, "blind133": 340, "blind134": 340, "blind143": 320, "blind145": 320,
                                      "blind146": 320, "blind152": 330, "blind154": 340, "blind155": 300,
                                      "blind156": 340, "blind160": 340, "blind164": 340}.get(
        name, 350)  # (339, 341, 291, 333, 338, 339, 344, 343, 344, 337, 346, 339, 342, 349, 346, 346, 342, 341, 345, 346, 344,
    #                  348, 347, 346, 342, 343, 348, 348, 347, 346, 346, 358, 351, 344, 354, 360, 351, 360, 360, 357, 350, 360,
    #                  355, 351, 345, 354, 345, 319, 355, 354, 360, 356, 360, 355, 360, 358, 355, 402, 397, 393, 405, 378, 389, 391, 350, 399, 395,
    #                  416, 399, 395, 384, 400, 386, 384, 388, 367, 405, 386, 393, 390, 395, 381, 358, 326, 373, 352, 359, 352, 352, 369, 365, 386, 377, 381, 358, 355, 350, 324, 367, 321, 328, 361, 353,
    #                  367, 363, 355, 334, 384, 343, 304, 348, 358, 383, 377, 343, 352, 377, 358, 347)
    assert len(list((GOLD / name).glob("*.quotes.csv"))) >= 20
    # (blind72's and blind74's annotators wrote 20 and 16 partial quotes, and more reported speech: 127 and 137 rows)
    least = pd.Series({"direct": 25, "interview": 25, "partial": {"blind72": 20, "blind74": 16}.get(name, 25), "indirect": 25})
    assert (accuracy.loc[least.index, "gold"] >= least).all()


FLOORS = pd.read_csv(GOLD / "floors.csv", keep_default_na=False)


@pytest.mark.parametrize("floor", FLOORS.to_dict("records"),
                         ids=[f"{r.set}-{r.stage}-{r.kind}-{r.measure}" for r in FLOORS.itertuples()])
def test_each_blind_set_holds_its_floors(floor: dict) -> None:
    """The floors of tests/fixtures/quotes/floors.csv: each blind set from blind8 on as first measured
    (while blind, once, with the rules tuned on the sets before it) and after the rules were tuned on it,
    a little under each measurement; the note gives the measurement and, where the quote issue sets one,
    its target. floor_stages.csv says what each stage measured and which rules were tuned."""
    value = gold_set(floor["set"]).at[floor["kind"], floor["measure"]]
    assert value >= floor["floor"] if floor["op"] == ">=" else value == floor["floor"], floor


def test_every_blind_set_from_the_eighth_has_its_first_measurement_as_floors() -> None:
    sets = sorted((p.name for p in GOLD.glob("blind*") if p.is_dir() and int(p.name.removeprefix("blind") or 1) >= 8),
                  key=lambda name: int(name.removeprefix("blind")))
    first = FLOORS[FLOORS["stage"] == "first"]
    assert sets == sorted(first["set"].unique(), key=lambda name: int(name.removeprefix("blind")))
    assert set(FLOORS["stage"]) == {"first", "tuned"} and set(FLOORS["op"]) <= {">=", "=="}
    stages = pd.read_csv(GOLD / "floor_stages.csv")
    assert {(s, stage) for sets_, stage in zip(stages["sets"], stages["stage"]) for s in sets_.split()} == set(
        zip(FLOORS["set"], FLOORS["stage"]))
    assert (first.groupby("set")["measure"].count() >= 4).all()


def test_quote_accuracy_by_set_marks_the_held_out_set_and_says_what_it_measured(tmp_path) -> None:  # noqa: ANN001
    for name, speaker in (("blind", "Dmitry Peskov"), ("blind2", "Someone Else")):
        folder = tmp_path / name
        folder.mkdir()
        (folder / "01_wire.txt").write_text('Talks resume\n\n"We are ready to talk again," Peskov told reporters.\n',
                                           encoding="utf-8")
        (folder / "01_wire.quotes.csv").write_text(f"quote,speaker,kind\nWe are ready to talk again,{speaker},direct\n",
                                                   encoding="utf-8")
    table = evaluate.quote_accuracy_by_set(tmp_path, held_out="blind2")
    direct = table[table["kind"] == "direct"].set_index("set")
    assert direct.loc["blind", "recall_speaker"] == 1.0 and direct.loc["blind2", "recall_speaker"] == 0.0
    assert table.loc[table["held_out"], "set"].unique().tolist() == ["blind2"]
    text = evaluate.quote_accuracy_text(table)
    assert "held-out set (blind2, 1 quote, never tuned on)" in text and "right speaker 0.0% of the time" in text
    assert "tuned on: 100% to 100%" in text
    wide = evaluate.quote_accuracy_table(table)
    assert wide.index.tolist() == ["blind", "blind2 (held out)"] and wide.columns[0] == "direct"
    assert wide["direct"].tolist() == [1.0, 0.0]
    assert evaluate.quote_accuracy_table(table.iloc[:0]).empty
    compact = evaluate.quote_accuracy_table(table, compact=True)
    assert compact.index.tolist() == ["blind2 (held out)", "1 sets tuned on: lowest", "1 sets tuned on: median"]
    assert compact["direct"].tolist() == [0.0, 1.0, 1.0]
    empty = evaluate.quote_accuracy_by_set(tmp_path / "none")
    assert empty.empty and evaluate.quote_accuracy_text(empty).startswith("No quotation gold set")


def test_quote_accuracy_by_set_on_two_processes_equals_one(tmp_path) -> None:  # noqa: ANN001
    """`jobs=2` (how the test run computes the sets' accuracy before its test processes start): the
    same table, sets in the same order, as one process."""
    import shutil

    for name in ("blind", "blind2", "blind3"):
        shutil.copytree(GOLD / name, tmp_path / name, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    one = evaluate.quote_accuracy_by_set(tmp_path, cache=False)
    two = evaluate.quote_accuracy_by_set(tmp_path, cache=False, jobs=2)
    assert one["set"].unique().tolist() == ["blind", "blind2", "blind3"]
    pd.testing.assert_frame_equal(two, one)


def test_quote_accuracy_by_set_is_kept_until_a_gold_file_changes(tmp_path, monkeypatch) -> None:  # noqa: ANN001
    folder = tmp_path / "blind"
    folder.mkdir()
    (folder / "01_wire.txt").write_text('Talks resume\n\n"We are ready to talk again," Peskov told reporters.\n',
                                       encoding="utf-8")
    gold = folder / "01_wire.quotes.csv"
    gold.write_text("quote,speaker,kind\nWe are ready to talk again,Peskov,direct\n", encoding="utf-8")
    first = evaluate.quote_accuracy_by_set(tmp_path, held_out="blind")
    assert len(list((tmp_path / ".cache").glob("quote_accuracy-*.parquet"))) == 1
    computed = []
    real = evaluate.quote_accuracy
    monkeypatch.setattr(evaluate, "quote_accuracy", lambda *a, **k: computed.append(1) or real(*a, **k))
    again = evaluate.quote_accuracy_by_set(tmp_path, held_out=())  # read back, held_out applied afresh
    assert not computed
    pd.testing.assert_frame_equal(again, first.assign(held_out=False))
    gold.write_text("quote,speaker,kind\nWe are ready to talk again,Someone Else,direct\n", encoding="utf-8")
    changed = evaluate.quote_accuracy_by_set(tmp_path, held_out="blind")
    assert computed and changed.set_index("kind").at["direct", "recall_speaker"] == 0.0
    assert first.set_index("kind").at["direct", "recall_speaker"] == 1.0
    assert len(list((tmp_path / ".cache").glob("quote_accuracy-*.parquet"))) == 1  # (the stale table removed)
    pd.testing.assert_frame_equal(evaluate.quote_accuracy_by_set(tmp_path, cache=False), changed.assign(held_out=False))


def test_several_held_out_sets_are_marked_and_pooled_by_their_quotes(tmp_path) -> None:  # noqa: ANN001
    texts = {"blind": ("Dmitry Peskov", 1), "blind2": ("Dmitry Peskov", 1), "blind3": ("Someone Else", 3)}
    for name, (speaker, n) in texts.items():
        folder = tmp_path / name
        folder.mkdir()
        body = "\n\n".join(f'"We are ready to talk again, round {k}," Peskov told reporters.' for k in range(n))
        rows = "".join(f"\"We are ready to talk again, round {k}\",{speaker},direct\n" for k in range(n))
        (folder / "01_wire.txt").write_text(f"Talks resume\n\n{body}\n", encoding="utf-8")
        (folder / "01_wire.quotes.csv").write_text(f"quote,speaker,kind\n{rows}", encoding="utf-8")
    table = evaluate.quote_accuracy_by_set(tmp_path, held_out=("blind2", "blind3"))
    assert sorted(table.loc[table["held_out"], "set"].unique()) == ["blind2", "blind3"]
    text = evaluate.quote_accuracy_text(table)
    # (one right of one, none right of three: 1 of 4 pooled, not the mean of 100% and 0%)
    assert "held-out sets (blind2 and blind3, pooled, 4 quotes, never tuned on)" in text
    assert "right speaker 25.0% of the time" in text


def test_each_line_of_a_gold_text_is_a_paragraph_as_builds_cleaner_gives_them(tmp_path) -> None:  # noqa: ANN001
    (tmp_path / "01_interview.txt").write_text("Jane Roe chairs the talks. We spoke to her.\n\nQ: How are you?\n"
                                               "A: Tired, and very grateful.\n\nQ: What next?\nA: Sleep.\n",
                                               encoding="utf-8")
    (tmp_path / "01_interview.quotes.csv").write_text(
        "quote,speaker,kind\nHow are you?,interviewer,question\n\"Tired, and very grateful.\",Jane Roe,interview\n"
        "What next?,interviewer,question\nSleep.,Jane Roe,interview\n", encoding="utf-8")
    [(name, paragraphs, gold)] = evaluate.read_quote_gold(tmp_path)
    assert paragraphs[1:] == ["Q: How are you?", "A: Tired, and very grateful.", "Q: What next?", "A: Sleep."]
    matched, _ = evaluate.quote_matches(paragraphs, gold)
    assert matched["speaker_ok"].all()


def test_the_held_out_sets_pooled_against_the_quote_issues_targets() -> None:
    """The sets no rule was tuned on (`evaluate.HELD_OUT`, each measured once while blind), pooled by their quotes,
    against the quote issue's targets: direct speakers 0.9, reported speech found 0.6, interview answers 0.95 and
    precision 0.9 for every kind. blind149 to blind164, sixteen sets measured with the same rules and judged pooled
    as the README fixed before they were measured: 0.93, 0.67, 0.953 (507 of 532) and 0.96 or more, every target
    met, the interview target narrowly (blind157 to blind164 alone, the replication: 254 of 271, 0.937)."""
    pooled = evaluate.quote_accuracy([article for name in evaluate.HELD_OUT
                                      for article in evaluate.read_quote_gold(GOLD / name)]).set_index("kind")
    assert len(evaluate.HELD_OUT) >= 4 and pooled["gold"].sum() >= 1400  # (5,693 quotes in blind149 to blind164)
    assert pooled.at["direct", "recall_speaker"] >= 0.9
    assert pooled.at["indirect", "recall_span"] >= 0.6
    assert (pooled["precision"] >= 0.9).all()
    assert pooled.at["interview", "recall_speaker"] >= 0.95


def test_the_held_out_sentence_does_not_round_a_miss_up_to_the_target(tmp_path) -> None:  # noqa: ANN001
    """947 right of 1,000 is '94.7%', never '95%', which a reader would take for the 0.95 the quote issue asks."""
    table = pd.DataFrame([{"set": "blind2", "kind": kind, "gold": 1000, "recall_span": 1.0, "recall_speaker": 0.947,
                           "found": 1000, "precision": 1.0, "held_out": True} for kind in evaluate.QUOTE_KINDS])
    text = evaluate.quote_accuracy_text(table)
    assert "interview answers 94.7%" in text and "95%" not in text
