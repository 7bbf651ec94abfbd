"""Interviews whose questions are marked and whose answers are not: plain questions over unlabelled
answers, numbered or bold questions, a dash interview's turns (read by `interviews.interview_turns`);
the answers are the person the introduction names (`introductions._interviewee`)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from analysis.segment.introductions import _interviewee
from analysis.segment.patterns import _CAP, _PATRONYMIC, _PUT_TO

#: Words that open a paragraph with a colon but name no speaker ("Background:", "Read more:", "Photo:").
_NOT_SPEAKERS = frozenset(
    "background note notes update updates source sources photo photos video read more related context analysis "
    "summary editor's editors note correction corrections topics tags key points why it matters what's next breaking "
    "live latest watch listen warning disclaimer opinion comment commentary editorial column reaction timeline location "
    "date time when where what who why how see also also quote quotes statement transcript excerpt excerpts readout "
    "explainer factbox present subject subjects guests participants panelists panellists "
    "absent details detail broadcast aired recorded programme program episode segment comments".split())
#: A paragraph that is only a bracketed aside of a transcript: "(Laughter.)", "[Crosstalk]".
_ASIDE = re.compile(r"\s*[\[(][^()\[\]]{1,60}[\])]\s*")
#: The dash that opens a turn of a dash interview, before its words: "— How do you ...?", "-- I assess ...".
_TURN_DASH = re.compile(r"\s*(?:--|[-–—])\s+(?=\S)")


def _answer_paragraphs(paragraphs: Sequence[str], start: int, stop: int, who: str) -> dict[int, tuple[int, str, str]]:
    """The paragraphs ``start`` to ``stop`` (not included) of one answer as ``who``'s turns, each from its first
    word: every paragraph with words, but no transcript's aside ("(Laughter.)")."""
    return {k: (len(paragraphs[k]) - len(paragraphs[k].lstrip()), who, "interview") for k in range(start, stop)
            if paragraphs[k].strip() and not _ASIDE.fullmatch(paragraphs[k])}


#: A numbered question of a written interview: "3. Would Poland send soldiers?".
_NUMBERED_QUESTION = re.compile(r"\s*(?P<n>\d{1,2})[.)]\s+(?=\S)(?=.*\?[\"”»]?\s*$)")


#: A first question that addresses the interviewee: "Ms Roe, the talks are in Oman. Has ...?"
#: (or by first name and patronymic, the Russian polite address: "Gleb Arkadyevich, ...")
_VOCATIVE = re.compile(r"\s*(?:(?:Mr|Mrs|Ms|Dr|Madam|Frau|Herr|Minister|Ambassador|President|General|Secretary)\.?"
                       rf"(?:\s+[A-Z][\w'’-]+){{0,2}}|[A-Z][a-z]+\s+{_PATRONYMIC.pattern}),\s")


def _unlabelled_turns(paragraphs: Sequence[str]) -> dict[int, tuple[int, str, str]]:
    """A question-and-answer interview without labels: from its first question on, short paragraphs
    ending in "?" (at least four) alternate with answers, and the introduction says the questions
    were put to someone or the first question addresses them (`_asked_turns`). Where three or more
    questions stand an even number of paragraphs apart, the short paragraphs between them in step
    are questions too ("Critics say Austria should keep out of it.")."""
    asked = [pi for pi, par in enumerate(paragraphs) if pi >= 2 and re.search(r"\?[\"”»]?\s*$", par)
             and len(par.split()) <= 40 and not re.match(r"\s*[\"“«„]", par)]
    asked = [pi for n, pi in enumerate(asked) if not (n and asked[n - 1] == pi - 1)]  # (an answer may end asking)
    if len(asked) >= 3 and all(b - a >= 2 and (b - a) % 2 == 0 for a, b in zip(asked, asked[1:])) and all(
            len(paragraphs[pi].split()) <= 40 for pi in range(asked[0], asked[-1] + 1, 2)):
        asked = list(range(asked[0], asked[-1] + 1, 2))  # (questions put as statements, between them)
    if len(asked) < 4 or any(b - a < 2 for a, b in zip(asked, asked[1:])):
        return {}
    while all(b - a == 2 for a, b in zip(asked, asked[1:])) and (q := asked[-1] + 2) + 1 < len(paragraphs) and (
            len(paragraphs[q].split()) < min(40, len(paragraphs[q + 1].split())) or re.match(r"\s*Thank", paragraphs[q])):
        asked.append(q)  # (one-paragraph answers: the short paragraphs after the last "?" stay in step, "Thank you.")
    # (every paragraph between the first question and the last is a question or an answer: a feature
    # that asks a few questions of its own has narration with quotes in between)
    between = [pi for pi in range(asked[0], asked[-1]) if pi not in asked]
    if any(re.search(r"[\"“”«»„]", paragraphs[pi][:1]) for pi in between):
        return {}
    return _asked_turns(paragraphs, [(pi, len(paragraphs[pi]) - len(paragraphs[pi].lstrip())) for pi in asked])


def _numbered_turns(paragraphs: Sequence[str]) -> dict[int, tuple[int, str, str]]:
    """A written interview of numbered questions, each paragraph "1. ...?" followed by its
    unlabelled answer: the questions are the interviewer's, the paragraphs up to the next question
    the interviewee's (the person the introduction names; after the last question, one paragraph).
    Only with at least three questions numbered 1, 2, 3 ... in order, each with an answer, and an
    introduction that says they were put to someone ("we sent him eight questions", "interview"):
    an explainer's numbered question headings are answered by the author, and are no turns."""
    asked = [(pi, m) for pi, par in enumerate(paragraphs) if (m := _NUMBERED_QUESTION.match(par))]
    if len(asked) < 3 or [int(m.group("n")) for _, m in asked] != list(range(1, len(asked) + 1)):
        return {}
    return _asked_turns(paragraphs, [(pi, m.end()) for pi, m in asked])


def _called(question: str) -> str:
    """The name a question opens by calling someone ("Mr Roe, ...", "Jane, ..."): its last word, or ""."""
    called = re.match(r"\s*(?:[A-Z][\w'’.-]*\s+){0,2}?([A-Z][\w'’-]+),\s", question)
    if patronymic := re.match(rf"\s*([A-Z][a-z]+)\s+{_PATRONYMIC.pattern},\s", question):
        return patronymic.group(1)  # ("Gleb Arkadyevich, ...": Gleb, whose surname the introduction gives)
    return called.group(1) if called else ""


#: A first-person word, also as a sentence's first ("We talked ...", "Our lawyers ..."; not "US").
_FIRST_PERSON = re.compile(r"\b(?:I|[Mm]e|[Mm]y|[Ww]e|us|[Oo]ur)\b")


def _asked_turns(paragraphs: Sequence[str], asked: Sequence[tuple[int, int]]) -> dict[int, tuple[int, str, str]]:
    """Turns of an interview whose questions (paragraph, text start) are marked and whose answers are
    not: each question's answer runs to the next question (after the last one, one paragraph); the
    answers are the person the introduction names, when it says the questions were put to someone.
    Nothing when a question has no answer paragraph."""
    at = [pi for pi, _ in asked]
    if any(b - a < 2 for a, b in zip(at, at[1:])) or at[-1] + 1 >= len(paragraphs):
        return {}
    intro = paragraphs[:at[0]]
    # (a question's opening dash is no word of it: "– Mr Roe, ..." calls Roe)
    first = paragraphs[at[0]][asked[0][1]:]
    first = first[dash.end():] if (dash := _TURN_DASH.match(first)) else first
    addressed = _VOCATIVE.match(first)  # ("Frau Roe, ...", "Jane, ...": whom
    who = _interviewee(intro, _called(first))  # the first question asks)
    # (or a closing note says so: "This interview has been shortened and translated from Dutch.")
    notes = [par for par in paragraphs[at[-1] + 2:] if len(par.split()) <= 25]
    # (or five questions or more, each answered by one paragraph mostly in the first person: no feature or
    # explainer asks so regularly and answers as "I")
    in_step = all(b - a == 2 for a, b in zip(at, at[1:]))  # (each question answered by one paragraph)
    # (mostly in step: an answer over two paragraphs, or a "Read more:" line between two turns)
    mostly = 2 * sum(b - a == 2 for a, b in zip(at, at[1:])) >= len(at) - 1
    regular = len(at) >= 5 and mostly and 2 * sum(
        bool(_FIRST_PERSON.search(paragraphs[pi + 1])) for pi in at) > len(at)
    # (or four questions or more in step under a headline that gives the interviewee's words: "J. Roe: '...'")
    headline = re.match(rf"\s*({_CAP}(?:\s+{_CAP})*):\s", paragraphs[0]) if len(at) >= 4 and in_step else None
    regular = regular or bool(headline and who and headline.group(1).split()[-1] == who.split()[-1]
                              and headline.group(1).lower() not in _NOT_SPEAKERS)  # (not "Explainer: ...")
    if not who or not (any(_PUT_TO.search(par) for par in [*intro, *notes]) or addressed or regular):
        return {}
    turns = {pi: (start, "interviewer", "question") for pi, start in asked}
    for n, pi in enumerate(at):
        turns |= _answer_paragraphs(paragraphs, pi + 1, at[n + 1] if n + 1 < len(at) else pi + 2, who)
    # (the closing courtesies after the last answer: "Thank you for the conversation." then "Thank you.")
    if (end := at[-1] + 2) + 1 < len(paragraphs) and _THANKS.match(paragraphs[end]) and \
            len(paragraphs[end].split()) <= 12 and _THANKS.match(paragraphs[end + 1]) and len(paragraphs[end + 1].split()) <= 12:
        turns[end] = (len(paragraphs[end]) - len(paragraphs[end].lstrip()), "interviewer", "question")
        turns[end + 1] = (len(paragraphs[end + 1]) - len(paragraphs[end + 1].lstrip()), who, "interview")
    return dict(sorted(turns.items()))


#: A closing courtesy of an interview: "Thank you for the conversation.", "Thanks.", "My pleasure.", "– Thank you."
_THANKS = re.compile(r"\s*(?:(?:--|[-–—])\s+)?(?:Thank(?:s|\s+you)|My\s+pleasure|You(?:'re|’re|\s+are)\s+welcome|"
                     r"It\s+was\s+a\s+pleasure)\b")
