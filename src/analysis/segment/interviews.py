"""Interview turns: paragraphs opened by a speaker label ("Q:", "Lavrov:", "SP:") or a dash.

Which labels ask and which answer, and who the interviewee is (from the labels, or from the
introduction: `introductions`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from analysis.segment.asked import (
    _NOT_SPEAKERS,
    _TURN_DASH,
    _VOCATIVE,
    _answer_paragraphs,
    _asked_turns,
    _called,
    _numbered_turns,
    _unlabelled_turns,
)
from analysis.segment.introductions import (
    _INITIALS,
    _by_author,
    _gives_initials,
    _guests,
    _hosts,
    _initials_of,
    _interviewee,
    _role_holder,
)
from analysis.segment.lists import interviewer_labels, role_nouns
from analysis.segment.names import _TITLES, _clean_speaker, _person, fuller_name
from analysis.segment.patterns import _BOLD_QUESTION, _CAP, _LABEL, _NAMES, _UPPER

#: Labels of an interview's answers that name nobody: the interviewee the introduction names speaks.
_ANSWER_LABELS = frozenset({"a", "answer"})
#: A paragraph-opening speaker label: an optional timestamp ("[00:12:40] ", "00:12:40 "), a name, role or tag
#: ("Q", "ANCHOR", "Mr. Nebenzia", "The Minister for Europe", "D. Peskov", "Question from the floor"), an optional description
#: (", U.S. SECRETARY OF STATE") and parenthesised asides ("(North Wessex) (Con)", "(through
#: interpreter)", "(Marta, Lviv)"), then a colon. A description may give an age and several parts, as a vox
#: pop's "Jane Roe, 63, retired teacher, from Lviv:" does. A label may open with an accented capital
#: ("ÍÑIGO EXAMPLE:", "Ábrego:"; one word in capitals so opened is left to the initials: "ÞLE:") or follow a
#: bracketed tag ("[CLIP] ROE:").
_PLAIN_LABEL = re.compile(
    r"^\s*(?:[*_]{1,2})?(?P<stamp>[\[(]\d{1,2}(?::\d{2}){1,2}[\])]\s*|\d{1,2}:\d{2}:\d{2}\s+|\[[A-Z]{2,12}\]\s+)?"
    rf"(?P<label>(?P<head>Q|A|Our\s+[a-z]+|Question\s+from\s+(?:the\s+|an?\s+)?[\w'’.-]+(?:\s+[{_UPPER}][\w'’.-]*){{0,3}}|(?:[A-Z]|[{_UPPER}](?=[\w'’.-]*\s+[{_UPPER}]|[a-zß-öø-ÿ]))[\w'’./&-]+"
    rf"(?:\s+(?:(?:of|for|the|and|de|van|von|al)\s+){{0,2}}[{_UPPER}][\w'’.-]*){{0,4}})"
    r"(?P<desc>,\s+(?:[A-Z][\w'’.-]*|\d{1,3})(?:\s+[\w'’.–-]+){0,6}(?:,\s+[\w'’.–-]+(?:\s+[\w'’.–-]+){0,6}){0,3})?"
    r"(?P<parens>(?:\s*\([^()\n]{1,40}\)){0,4}))"
    r"\s*(?:[*_]{1,2})?:(?:[*_]{1,2})?\s+(?=\S)")  # (also in bold: "**Q:**", "**Q**:")
#: "Q. ..." / "A. ..." turns (the same groups as `_PLAIN_LABEL`), only in an article with both.
_DOT_LABEL = re.compile(r"^\s*(?P<stamp>)(?P<label>(?P<head>Q|A|Question|Answer))(?P<desc>)(?P<parens>)\.\s+(?=\S)")
#: A congressional record's turn: "The CHAIRMAN. ...", "Senator EXAMPLE. ...", "Mr. EXAMPLE. ..." (the same
#: groups as `_PLAIN_LABEL`).
_RECORD_LABEL = re.compile(
    r"^\s*(?P<stamp>)(?P<label>(?P<head>(?:The\s+|(?:Mr|Mrs|Ms|Dr|Senator|Representative|Secretary|Ambassador|General)\.?\s+)?"
    r"[A-Z][A-Z'’-]+(?:\s+[A-Z][A-Z'’-]+)?)(?P<desc>)(?P<parens>))\.\s+(?=\S)")
#: Who asks in a record of a hearing: its chair and its members; the others are witnesses.
_HEARING_ASKERS = frozenset({"chairman", "chairwoman", "chair", "senator", "representative", "congressman", "congresswoman"})
#: A transcript's label in square brackets: "[SPOKESMAN] ...", "[JOURNALIST, Outlet] ..." (the groups of
#: `_PLAIN_LABEL`).
_BRACKET_LABEL = re.compile(r"^\s*\[(?P<stamp>)(?P<label>(?P<head>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})"
                            r"(?P<desc>,\s+[^\]\n]{1,40})?(?P<parens>))\]\s+(?=\S)")
#: An outlet's question label before a dash: "LE FIGARO. - Has France been sidelined?" (the groups of
#: `_PLAIN_LABEL`).
_DOT_DASH_LABEL = re.compile(r"^\s*(?P<stamp>)(?P<label>(?P<head>[A-Z][A-Z0-9&'’./ -]{0,30}[A-Z0-9])(?P<desc>)(?P<parens>))"
                             r"\.\s*[-–—]\s+(?=\S)")
#: A transcript's bare question tag: "Q  Sir, did you speak to ...?" (the groups of `_PLAIN_LABEL`).
_BARE_Q = re.compile(r"^\s*(?P<stamp>)(?P<label>(?P<head>Q))(?P<desc>)(?P<parens>)\s+(?=[A-Z\"“])")
#: A broadcast transcript's marked label: "◇ Jane Roe> ...", "◆ Tom Roe> ..." (the groups of `_PLAIN_LABEL`).
_ARROW_LABEL = re.compile(r"^\s*(?:[◇◆◈■□●○▶►▷•]\s*)?(?P<stamp>)(?P<label>(?P<head>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})"
                          r"(?P<desc>)(?P<parens>))\s*>\s+(?=\S)")
#: Label shapes taken only in an article where at least so many paragraphs open with them.
_GATED_LABELS = ((_RECORD_LABEL, 3), (_BARE_Q, 2), (_BRACKET_LABEL, 3), (_DOT_DASH_LABEL, 3), (_ARROW_LABEL, 3))
#: What follows a label in a heading that names a role's holder, not a turn: "Mr. Jan Example (Denmark)".
_ROSTER = re.compile(rf"(?:(?:Mr|Mrs|Ms|Dr|Sir|Dame)\.?\s+)?{_CAP}(?:\s+{_CAP})+(?:\s*\([^()]{{1,40}}\))*")
#: A label's description that is a date: the label is a dateline ("KATHMANDU, Feb 27: ..."), no speaker.
_DATE_DESC = re.compile(r",\s+(?:\d{1,2}\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?(?:\s+\d{1,2})?"
                        r"(?:,?\s+\d{4})?\s*")
#: Honorifics dropped from a label's front ("Mr Alan Example" -> "Alan Example").
_HONORIFICS = frozenset("mr mrs ms miss mx dr sir dame lord lady baroness madam madame rt hon".split())


def _asker_label(label: str, asking: bool = False) -> bool:
    """An interviewer's tag by its words (``resources/interviewer_labels.txt``): Q, Question,
    INTERVIEWER, HOST, a parenthesised or outlet-like name; words such as REPORTER only where the
    label's turns are mostly questions (``asking``). A label ending in a role noun ("Press
    Secretary") names a person who answers."""
    label = label.strip()
    if label in ("Q", "Question") or "(" in label:
        return True
    table = interviewer_labels()
    words = [w.strip(".'’-").lower() for w in label.split()]
    if not words:
        return False
    if words[-1] in table:
        return table[words[-1]] or asking
    if words[-1] in role_nouns():
        return False
    return any(table.get(w, asking) for w in words if w in table)


def _label_speaker(m: re.Match[str]) -> tuple[str, bool]:
    """Who a `_PLAIN_LABEL` names, and whether its words say that person asks: its name without
    honorifics ("Mr Alan Example (North) (Con)" -> "Alan Example"), the person in its parentheses when
    it is a role ("The Minister for Europe (Helen Example)" -> "Helen Example", "CALLER (Marta, Lviv)"
    -> "Marta", "Moderator (Jane Roe)" -> "Jane Roe", asking), without its description ("TOM EXAMPLE,
    CORRESPONDENT" -> "TOM EXAMPLE"; "JANE ROE, HOST" asks)."""
    words = m.group("head").split()
    while len(words) > 1 and words[0].lower().rstrip(".") in _HONORIFICS:
        words = words[1:]
    if len(words) > 1 and words[0] in ("The", "THE"):  # "The PRESIDENT", "THE PRESIDENT": the role
        words = words[1:]
    if len(words) > 2 and words[0].lower() == "voice" and words[1].lower() == "of":  # "VOICE OF JANE ROE": a clip
        words = words[2:]
    head = " ".join(words)
    if not m.group("stamp") and not m.group("desc") and not m.group("parens"):
        return (head if len(m.group("head").split()) > 1 else m.group("head")), False
    table = interviewer_labels()
    lower = [w.lower().strip(".'’") for w in words]
    # (an aside's "Question" is a debate's item, "(Urgent Question)", not an asker's tag)
    asks = any(table.get(w) for w in lower) or any(
        table.get(w) and not w.startswith("q") for w in re.findall(r"[\w-]+", f"{m.group('desc')} {m.group('parens')}".lower()))
    if lower[0] in ("q", "question", "questions"):  # "Q (Reuters):", "QUESTION (TASS):": a question
        return head, True
    roles = _TITLES | set(role_nouns()) | set(table)
    if m.group("head").startswith("The ") or " for " in head or " of " in head or all(w in roles for w in lower):
        for inner in re.findall(r"\(([^()]*)\)", m.group("parens") or ""):
            name = inner.split(",")[0].split()
            if "," in inner and " ".join(name).isupper():  # "CALLER (WINSTON, ST LUCY)": a vox pop's name, place
                name = [w.title() for w in name]
            while len(name) > 1 and name[0].lower().rstrip(".") in _HONORIFICS:
                name = name[1:]
            name = " ".join(name)
            if 1 <= len(name.split()) <= 4 and not name.isupper() and _person(name):
                return name, asks
    return head, asks


def _interviewer_label(label: str) -> bool:
    """An interviewer's tag: Q, an abbreviation (SP), a parenthesised outlet, or an outlet-like name."""
    return _asker_label(label) or bool(re.fullmatch(r"[A-Z]{2,6}", label.strip()))


def interview_turns(paragraphs: Sequence[str]) -> dict[int, tuple[int, str, str]]:
    """Paragraphs that open with a speaker label, as {paragraph: (text start, label, kind)}, kind
    ``question`` (an interviewer's tag: Q, SP, "Free Media (SP)") or ``interview`` (a person's
    name, or A).

    A labelled paragraph is a turn only when what follows the label is at least three words
    ending a sentence (headlines such as "Putin Giving Up: Is Russia ..." are no turns), and an
    article is an interview only with an interviewer's turn and an answer, or with a person's
    label repeated (at most three people). Words such as Background, Update or Source are never
    speakers. Paragraphs without a label after an answer continue it up to the next question.

    Parameters
    ----------
    paragraphs : the article's paragraphs, in order.

    Returns
    -------
    dict of int to (int, str, str)
        Empty when the article is no interview. An answer's label ("A", initials, a surname)
        becomes the interviewee's name where the article gives it; a dash interview's questions
        are labelled ``interviewer``.
    """
    found: dict[int, tuple[int, str, str]] = {}
    brief: dict[int, tuple[int, str, str]] = {}
    dashed = {pi: m.end() for pi, par in enumerate(paragraphs) if (m := _TURN_DASH.match(par))}
    asks = [pi for pi in dashed if paragraphs[pi].rstrip().endswith("?")]
    if len(asks) >= 3 and (2 * len(asks) >= len(dashed) or _VOCATIVE.match(paragraphs[min(dashed)], dashed[min(dashed)])) \
            and (plain := _asked_turns(paragraphs, sorted(dashed.items()))):
        return plain  # "-- How do you read the talks?" then an unlabelled answer (half the questions may end in a full stop:
        # "— The Russian side wanted its banks in the scheme."; fewer when the first calls the interviewee by name)
    if len(asks) >= 2 and len(dashed) - len(asks) >= 2 and not any(
            (m := _PLAIN_LABEL.match(p)) and m.group("head").lower() not in _NOT_SPEAKERS for p in paragraphs[1:]):
        # a dash interview: "— How do you assess ...?" / "— I assess them as positive ..." (a "Photo:" line is no label)
        first, q0 = min(dashed), min(asks)  # (first the person the first question calls by name: "– Mr Roe, ...")
        who = _interviewee(paragraphs[:first], _called(paragraphs[q0][dashed[q0]:]))
        asks = _in_step(sorted(dashed), asks, paragraphs)
        turns = {pi: (start, "interviewer" if pi in asks else who, "question" if pi in asks else "interview")
                 for pi, start in sorted(dashed.items())}
        # (an answer over two paragraphs, the second without its dash, up to the next question: the same answer;
        # not a quotation or an aside between turns)
        order = sorted(dashed)
        for before, after in zip(order, order[1:]):
            if before not in asks and after in asks:
                turns |= {k: turn for k, turn in _answer_paragraphs(paragraphs, before + 1, after, who).items()
                          if not re.match(r"\s*[\"“«„(\[]", paragraphs[k])}
        return dict(sorted(turns.items()))
    if numbered := _numbered_turns(paragraphs):
        return numbered
    if len(bold := [(pi, m.end()) for pi, par in enumerate(paragraphs) if (m := _BOLD_QUESTION.match(par))]) >= 3 and (
            plain := _asked_turns(paragraphs, bold)):  # (questions in bold over unlabelled answers)
        return plain
    dotted = sum(par.lstrip().startswith(("Q. ", "Question. ")) for par in paragraphs) >= 2 and \
        any(par.lstrip().startswith(("A. ", "Answer. ")) for par in paragraphs)  # "Q. ..." / "A. ..." (also written out)
    # (the label shapes a transcript uses throughout: taken only where enough paragraphs open with one)
    gated = [rx for rx, least in _GATED_LABELS if sum(bool(rx.match(par)) for par in paragraphs) >= least]
    hosted: set[str] = set()  # labels whose description or role says they ask
    common: dict[int, tuple[int, str, str]] = {}  # questions under a label that is a common word ("TIME:", "Update:")
    labelled: dict[int, str] = {}  # every paragraph's `_PLAIN_LABEL` label, turn or not
    short: dict[str, str] = {}  # a label's abbreviation in parentheses -> the label
    rich = 0  # labels with a timestamp, a description or parentheses: a transcript's, of any number of people
    for pi, par in enumerate(paragraphs):
        m = _PLAIN_LABEL.match(par) or _LABEL.match(par) or (dotted and _DOT_LABEL.match(par)) or next(
            (hit for rx in gated if (hit := rx.match(par))), None)
        if not m:
            continue
        plain = m.re is not _LABEL
        if m.re is _PLAIN_LABEL and m.group("desc") and _DATE_DESC.fullmatch(m.group("desc")):
            continue  # a wire dateline, "KATHMANDU, Feb 27: ...", opens the story: no one's turn
        if m.re is _PLAIN_LABEL:
            labelled[pi] = m.group("label")
        label, asks = _label_speaker(m) if plain else (m.group(1).strip(), False)
        if plain:  # "Jane Roe (JR): ..." then "JR: ...": the short label stands for the full one
            short.update({inner: label for inner in re.findall(r"\(([A-Z]{2,6})\)", m.group("parens") or "")})
        label = short.get(label, label)
        rest = (par[m.end():] if plain else m.group(2)).strip()
        if rest[:1] in "\"“«„" or not re.search(r"[.!?…\"”»)—–]$", rest) or _ROSTER.fullmatch(rest):
            continue  # ("President: Mr. Jan Example (Denmark)": a record's heading, who holds a role, no turn)
        if label.lower() in _NOT_SPEAKERS or (plain and m.group("head").lower() in _NOT_SPEAKERS):
            if plain and len(rest.split()) >= 3 and rest.endswith("?"):
                common[pi] = (m.end(), label, "")  # "TIME: ...?": an outlet's name that is also a word (see below)
            continue
        rich += plain and bool(m.group("stamp") or m.group("desc") or m.group("parens"))
        if asks or (m.re is _RECORD_LABEL and not _HEARING_ASKERS.isdisjoint(label.lower().split())):
            hosted.add(label)  # "JANE ROE (HOST):", "Moderator (Jane Roe):", a hearing's "Senator EXAMPLE."
        start = m.end() if plain else m.start(2)
        if len(rest.split()) < 3:  # "STUBB: Thank you.": a turn only once the label is known as a turn's
            brief[pi] = (start, label, "")
            continue
        found[pi] = (start, label, "")
    for word in {label for _, label, _ in common.values()}:
        # a common word's label that asks at least twice in an interview of another's labelled answers (an
        # outlet's name, "TIME:"), and never states: the interviewer's
        mine = {pi: turn for pi, turn in common.items() if turn[1] == word}
        if len(mine) >= 2 and len(found) >= 2 and not any(
                label == word for pi, label in labelled.items() if pi not in mine):
            found = dict(sorted({**found, **mine}.items()))
    if 0 in found and 1 not in found and 1 not in brief and all(lb != found[0][1] for pi, (_, lb, _) in found.items() if pi):
        del found[0]  # "Ask the Expert: Can a line ...?" over an introduction: a headline, no turn
    # one person under several labels: "Mr Example" / "Alan Example", "TOM EXAMPLE, CORRESPONDENT" / "TOM EXAMPLE"
    same = _same_person({label for _, label, _ in [*found.values(), *brief.values()]})
    found = {pi: (start, same[label], "question" if _interviewer_label(same[label]) else "interview")
             for pi, (start, label, _) in found.items()}
    known = {label for _, label, _ in found.values()}
    found = dict(sorted({**found, **{pi: (start, same[label], "question" if _interviewer_label(same[label]) else "interview")
                                      for pi, (start, label, _) in brief.items() if same[label] in known}}.items()))
    # "KOTA KINABALU: Dr Jane Roe is a lecturer ... She spoke to FMT ..." then "FMT: ...?": a dateline over narration,
    # no turn (a label in capitals once, no role, over two sentences or more, before the first question)
    if len(found) >= 3 and (first := min(found)) and (dateline := found[first][1]).isupper() and len(dateline) >= 4 and \
            "," not in dateline and sum(lb == dateline for _, lb, _ in found.values()) == 1 and \
            dateline.lower() not in role_nouns() and not _asker_label(dateline) and \
            not paragraphs[first].rstrip().endswith("?") and re.search(r"[.!]\s+[A-Z]", paragraphs[first][found[first][0]:]) and \
            paragraphs[min(pi for pi in found if pi > first)].rstrip().endswith(("?", "?\"", "?”")):
        del found[first]
    if len({label for _, label, _ in found.values()}) == 1 and len(found) >= 3 and not brief and \
            3 * sum(bool(re.search(r"\?[\"”»]?\s*$", paragraphs[pi])) for pi in found) >= 2 * len(found) and \
            (plain := _asked_turns(paragraphs, [(pi, start) for pi, (start, _, _) in sorted(found.items())])):
        return plain  # one label, asking ("LE FIGARO. - ...?", "Q: ...?"), and answers without labels
    # who asks: a label whose words say so (Q, Question, INTERVIEWER, HOST, an outlet) or the person the
    # article introduces as host; without one, of two or three labels ("KELLY:" / "WITKOFF:", "MH:" /
    # "OL:") the one whose turns are mostly questions; the others answer, abbreviations included (a
    # debate's record, with more people, has no interviewer)
    named = {label for _, label, _ in found.values()}
    if len(named) >= 2:
        share = {label: sum(paragraphs[pi].rstrip().endswith(("?", "?\"", "?”")) for pi, (_, lb, _) in found.items()
                            if lb == label) / sum(lb == label for _, lb, _ in found.values()) for label in named}
        askers = {label for label in named if _asker_label(label, share[label] >= 0.5) or label in hosted}
        if not askers and (hosts := _hosts(paragraphs[:min(found)])):
            askers = {label for label in named if label.split()[-1].lower() in hosts}
        if not askers and (guests := _guests(paragraphs[:min(found)])) and \
                any(label.split()[-1].lower() in guests for label in named):
            # ("Guests: Dr Jane Roe, ...; Professor Tom Roe, ..." over a broadcast with two hosts): the labels
            # of no guest that ask at all
            askers = {label for label in named if label.split()[-1].lower() not in guests and share[label] > 0}
        if not askers:  # ("O.H.:" of the byline's "Oksana Hrynkiv": the author asks)
            askers = {label for label in named if _by_author(label, paragraphs[:min(found)])}
        if not askers and len(named) <= 3:
            top = max(share.values())
            asker = next(label for label, v in share.items() if v == top)
            # (half of two turns is no sign: "Mr X (Seat) (Con):" asks once and states once)
            if top >= 0.5 and sum(v == top for v in share.values()) == 1 and (
                    top > 0.5 or sum(lb == asker for _, lb, _ in found.values()) >= 3):
                askers = {asker}
        if not askers and len(named) > 3:
            # readers' or callers' questions to one expert ("Hanna (Toronto): ...?" / "Dr. Whitfield: ..."):
            # the labels whose every turn is a question answered right away by the one who speaks most
            turns_of = {label: [pi for pi, (_, lb, _) in found.items() if lb == label] for label in named}
            expert = max(sorted(named), key=lambda label: len(turns_of[label]))
            order = sorted(found)
            nxt = {pi: found[order[n + 1]][1] if n + 1 < len(order) else "" for n, pi in enumerate(order)}
            others = [label for label in named if label != expert]
            if len(turns_of[expert]) >= 2 and all(share[label] == 1 and all(nxt[pi] == expert for pi in turns_of[label])
                                                  for label in others):
                askers = set(others)
        if not askers and len(named) > 3:  # a moderator of several guests: the one label that mostly asks
            mostly = [label for label in named if share[label] >= 0.75 and sum(lb == label for _, lb, _ in found.values()) >= 3]
            if len(mostly) == 1 and all(share[label] < 0.5 for label in named - set(mostly)):
                askers = set(mostly)
        if not askers and len(named) > 3:  # (a broadcast's host, whom no line calls one: the label that opens it and
            # asks every question, three or more, between hand-overs, thanks and introductions of guests)
            opener = found[min(found)][1]
            if {label for label in named if share[label] > 0} == {opener} and \
                    share[opener] * sum(lb == opener for _, lb, _ in found.values()) >= 3:
                askers = {opener}
        if askers:
            found = {pi: (start, label, "question" if label in askers else "interview")
                     for pi, (start, label, _) in found.items()}
    labels = [label for _, label, kind in found.values() if kind == "interview"]
    asked = [pi for pi, (_, _, kind) in found.items() if kind == "question"]
    questions = sum(bool(re.search(r"\?[\"”»]?$", paragraphs[pi].rstrip())) for pi in asked)
    repeated = any(labels.count(label) >= 2 for label in labels) and (len(set(labels)) <= 3 or rich >= 2)
    if not ((asked and labels and len(found) >= 3) or (len(asked) >= 2 and 2 * questions >= len(asked)) or repeated):
        # (labels that make no interview are stray words: "Yes: patience and the radio." in an unlabelled one)
        return _unlabelled_turns(paragraphs)
    if not asked and len(set(labels)) == 1 and len(labels) == len(found) and len(found) >= len(paragraphs) - 1:
        return {}  # one name before every paragraph: a list's labels, not turns
    intro = paragraphs[:min(found)]
    interviewee = next((label for label in labels if label.lower() not in _ANSWER_LABELS), "") or _interviewee(intro)
    initialled = ""  # (a name whose initials the label gives: as long as they say, never made fuller below)
    if _INITIALS.fullmatch(interviewee):  # initials ("VZ", "S.K."): the name they stand for
        # (initials of no name given, the only answering label: the one person the introduction names, "Fr Jan
        # Roe ..." then "YM:")
        # (not a surname in capitals the introduction gives: "WONG:" of "Senator Penny Wong", read below)
        interviewee = initialled = _initials_of(interviewee.replace(".", "").replace(" ", ""), intro) or (
            one if len(set(labels)) == 1 and not re.search(rf"\b{re.escape(interviewee)}\b", " ".join(intro), re.I)
            and len((one := _interviewee(intro)).split()) >= 2 else interviewee)
    named_in_intro = _interviewee(intro) if interviewee.isupper() else ""
    if named_in_intro and named_in_intro.split()[-1].lower() == interviewee.split()[-1].lower():
        interviewee = named_in_intro  # "STUBB:": the full name the introduction gave
    surname = interviewee.split()[-1].lower() if interviewee.split() else None  # ("" when no name is known)
    # (initials: not a second guest's surname in capitals that the introduction gives, "ORAV:" of "Liis Orav")
    told = " ".join(intro)
    guest = {label for label in {lb for _, lb, _ in found.values()}  # (the last word of a name the introduction gives)
             if re.search(rf"\b[A-Z][\w'’-]+\s+{re.escape(label.title())}\b(?!\s+[A-Z])", told)}
    # (a second guest's initials that spell another name the introduction gives: "FS" of "Fujimoto Satoshi" beside
    # "HK" of "Hoshino Kenta", each their own)
    own = {label: spelt for _, label, kind in found.values() if kind == "interview" and _INITIALS.fullmatch(label)
           and (spelt := _initials_of(label.replace(".", "").replace(" ", ""), intro))
           and spelt.split()[-1].lower() != (surname or "")}
    turns = {pi: (start, own[label] if label in own else interviewee if surname and kind == "interview" and (
                      label.lower() in _ANSWER_LABELS or label.lower() == surname or (
                          _INITIALS.fullmatch(label) and label not in guest))
                  else label, kind)
             for pi, (start, label, kind) in found.items()}
    for label in {label for _, label, kind in turns.values() if kind == "interview"}:
        if (named := _role_holder(label, paragraphs)):  # "Spokesman:": the spokesman the article names
            turns = {pi: (start, named if lb == label else lb, kind) for pi, (start, lb, kind) in turns.items()}
    for label in {lb for _, lb, _ in turns.values() if lb.isupper() and len(lb.split()) >= 2}:
        bare = label.split()
        while len(bare) > 2 and bare[0].lower().rstrip(".") in _TITLES:
            bare = bare[1:]  # ("PROF. TOM EXAMPLE": the name after the title)
        if not any(w.lower().strip(".") in _TITLES or w.lower() in role_nouns() for w in bare):
            # "TOM EXAMPLE": as the article spells the name, else in title case
            named = re.search(r"\b" + r"\s+".join(map(re.escape, bare)) + r"\b", "\n".join(paragraphs[:min(turns)]),
                              re.IGNORECASE)
            spelt = named.group(0) if named and not named.group(0).isupper() else " ".join(bare).title()
            turns = {pi: (start, spelt if lb == label else lb, kind) for pi, (start, lb, kind) in turns.items()}
    # (the fuller name the introduction gives an answer's speaker: "Paula Roe" of "The agronomist Paula Roe Soto
    # runs ...", a second surname)
    intro_names = {_clean_speaker(m.group(0)) for par in paragraphs[:min(turns)] for m in _NAMES.finditer(par)}
    # (not a name the label's initials spell out: "MC" of "Mwansa Chileshe" is not "Mwansa Chileshe Position" of a
    # profile box's "Name: Mwansa Chileshe Position: ...")
    fuller = {lb: lb if lb == initialled else fuller_name(lb, intro_names)
              for _, lb, kind in turns.values() if kind == "interview"}
    for lb in [lb for lb, full in fuller.items() if full == lb and " " not in lb]:  # ("Leota:" of "Leota Tavita Sefo",
        starting = {n for n in intro_names if n.startswith(lb + " ") and _person(n)}  # a title name over two more)
        # (or the first of two surnames: "Quintero:" of "Marisol Quintero Vega", as Spanish names are shortened)
        paternal = {" ".join(n.split()[-3:]) for n in intro_names  # (one name, whatever precedes it: "Panama's ...")
                    if len(n.split()) >= 3 and n.split()[-2] == lb and _person(n)}
        fuller[lb] = starting.pop() if len(starting) == 1 else paternal.pop() if len(paternal) == 1 and not starting else lb
    fuller |= {lb: full for lb in fuller if lb.isupper() and " " not in lb and len(lb) > 2 and  # ("ORAV": "Liis Orav")
               (full := fuller_name(lb.title(), intro_names)) != lb.title()}
    turns = {pi: (start, fuller.get(lb, lb), kind) for pi, (start, lb, kind) in turns.items()}
    labelled = sorted(turns)
    for n, pi in enumerate(labelled[:-1]):
        following = labelled[n + 1]
        if turns[pi][2] == "interview" and turns[following][2] == "question":
            turns |= _answer_paragraphs(paragraphs, pi + 1, following, turns[pi][1])
    return dict(sorted(turns.items()))


def _in_step(order: list[int], asks: list[int], paragraphs: Sequence[str]) -> list[int]:
    """A dash interview's questions: those ending in "?" and, where three or more of them stand in step
    (every other turn), the short turns in step with them ("— Jane Ivanovna, why Vienna? Until now ...");
    where at least three in four of them do, an answer out of step that ends in "?" answers ("... Who will
    answer for it? Zelensky?")."""
    step = {pi: n % 2 for n, pi in enumerate(order)}
    steps = [step[pi] for pi in asks]
    main = max((0, 1), key=steps.count)
    if len(asks) < 3 or steps.count(main) < 3 or 4 * steps.count(main) < 3 * len(asks):
        return asks
    return sorted(pi for pi in order if step[pi] == main and (pi in asks or len(paragraphs[pi].split()) <= 60))


def _same_person(labels: set[str]) -> dict[str, str]:
    """Each label -> the fullest label of the same person: a label whose words end another's
    ("Example" / "Mr Example" -> "Alan Example"), case aside ("TOM EXAMPLE" / "Tom Example"), or gives its initials
    ("PK" -> "Petro Kotin");
    interviewer tags and one-letter labels stay as they are."""
    out = {}
    for label in labels:
        words = label.lower().split()
        if len(label) < 2 or _asker_label(label) and len(words) == 1 or not words:
            out[label] = label
            continue
        fuller = [other for other in labels if other.lower().split()[-len(words):] == words]
        if len(fuller) == 1 and len(words) == 1 and len(given := [o for o in labels if o.lower().split()[0] == words[0]
                                                                  and " " in o]) == 1:
            fuller = given  # (a given name after the full one, "Putri Handayani:" then "Putri:"; a surname first, "Park:")
        # (initials of one full-name label: "PK" / "Petro Kotin", "TH" of "Tereza Horáková")
        letters = re.findall(rf"[{_UPPER}][a-z]?", label) if len(fuller) == 1 and _INITIALS.fullmatch(label) else []
        initialled = [other for other in labels if " " in other and _gives_initials(letters, other)] if letters else []
        out[label] = initialled[0] if len(initialled) == 1 else max(fuller, key=lambda o: (len(o.split()), not o.isupper(), o))
    return out
