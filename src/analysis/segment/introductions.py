"""Who an interview's introduction names: the interviewee, the hosts, a byline's author, the holder
of a role a label gives (read by `interviews.interview_turns`)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from analysis.segment.lists import interviewer_labels, role_nouns
from analysis.segment.names import _TITLES, _clean_speaker, _person
from analysis.segment.patterns import _BYLINE, _CLOCK, _NAME, _NAMES, _TALKED_WITH, _TITLED, _UPPER
from analysis.segment.places import _Places

#: A date as datelines write it: "1 July 2028", "July 1", "09.12.2028", a monthly's "November 2028".
_DATE = (r"(?:\d{1,2}\s+[A-Z][a-z]+\.?\s+\d{4}|[A-Z][a-z]+\.?\s+\d{1,2}\b(?:,?\s+\d{4})?|\d{1,2}[./]\d{1,2}[./]\d{2,4}"
         r"|[A-Z][a-z]{2,8}\s+(?:19|20)\d\d\b)")
#: A finite verb: what a byline or header line ("Jane Roe | Example Outlet | 30 March 2028") never has.
_FINITE_WORD = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|said|says|told|tells|spoke|speaks|[a-z]+ed)\b")


def _header_line(par: str) -> bool:
    """A short line of names and a date, no sentence: "Jane Roe | 13 September 2027", "Jane Roe | Example Outlet |
    30 March 2028 | translated from Hungarian", "Jane Roe, Example Outlet, 27 March 2028. Translated from
    Ukrainian", "Example Outlet | 3 June 2028 | Interview by Jane Roe | Translated from Portuguese" (who wrote it,
    where)."""
    words = [w for w in par.split() if any(c.isalnum() for c in w)]  # (not the separators "|", "·", "—")
    return len(words) <= 16 and re.search(_DATE, par) is not None and not _FINITE_WORD.search(
        re.sub(r"\b[Tt]ranslated\b", "", par))


#: What follows a dateline's place: ", 1 July 2028".
_DATELINE_TAIL = re.compile(rf",\s+{_DATE}")
#: A paragraph that is only a dateline: "La Semaine Africaine, Brazzaville, 1 July 2028", "Vesti.az, 09.12.2028".
_DATELINE = re.compile(rf"\s*[^.!?]{{0,80}}?,\s+{_DATE}\s*")
#: A line of an outlet's or author's name and a place, no sentence: "Example Review, Wellington" (no one interviewed).
_PLACE_LINE = re.compile(rf"\s*{_NAME},\s+{_NAME}\s*")


def _by_author(label: str, intro: Sequence[str]) -> bool:
    """Whether a turn's label stands for the author of a byline in the introduction ("O.H." or
    "Roe" for "By Oksana Roe", or a paragraph that is only the name)."""
    short = label.replace(".", "").replace(" ", "")
    for par in intro:
        name = re.sub(r"^\s*(?i:by|(?:words|text|author|writer|reporter|interview)(?:\s+by)?\s*:?)\s+", "", par).strip()
        if (_BYLINE.fullmatch(par) or par.strip() == name) and re.fullmatch(_NAME, name) and len(name.split()) >= 2 and (
                short == "".join(w[0] for w in name.split()) or label.lower() == name.split()[-1].lower()):
            return _person(name)
    return False


#: A nickname's introduction: "Jane Roe, known to three generations of patients as Miss Ray", "nicknamed Janie".
_KNOWN_AS = re.compile(rf"(?P<full>{_NAME}),?\s+(?:(?:also|better|widely)\s+)?(?:known\b[^.;,]{{0,60}}?\bas|nicknamed)"
                       rf"\s+[\"“'‘]?(?P<alias>{_TITLED}|{_NAME})")


#: A preposition that sends someone to a place or finds them there: "asked him to Launceston", "in Lerwick".
_SENT_TO = re.compile(r"\b(?:to|in|at|from|near)\s+")
#: What a name is no interviewee after: "by", "the", a preposition of place ("the museum of X", "the fields around X"),
#: an opening quotation mark.
_NOT_INTERVIEWEE_BEFORE = re.compile(r"(?:\b(?:(?i:by|the|an?)|in|at|on|from|near|of|around|outside)\s+|[\"“«„‘])$")


#: What an introduction says after the name of the one who answers: "Jane Roe, ..., answered our questions", "spoke to
#: the Herald", "agreed to speak to the Danube Herald" (an outlet with "the"; not "spoke to Jan Roe", another person).
_ANSWERED = re.compile(r"[^.!?]{0,100}?(?<!\bhe\s)(?<!\bshe\s)(?<!\bwe\s)(?<!\bthey\s)(?<!\bI\s)"  # (not a new subject's)
                       r"\b(?:answered\s+(?:[\w'’-]+\s+){0,2}?questions|"
                       r"(?:(?:agreed|offered|consented)\s+to\s+)?(?:spoke|talked|speak|talk)\s+to\s+"
                       r"(?:us|me|the\s+[A-Z][\w'’-]*)\b)")
#: Whom the outlet spoke to or asked, by a role in apposition before the name: "We spoke to Example Ltd's managing
#: director, Jane Roe, ...", "We asked the State Department's adviser on cultural property, Jane Roe, three questions".
_ASKED_ROLE = re.compile(r"\b(?:(?:spoke|talked|sat\s+down)\s+(?:to|with)|asked|interviewed|met|reached|contacted)\s+"
                         r"(?:(?:the\s+)?(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*['’]s\s+|(?:the|an?|our)\s+)"
                         r"(?:[a-z][\w-]*\s+){0,6}[a-z][\w-]*,\s+$")
#: Whom the outlet put its questions to: "Example Review put readers' most frequent questions to Jane Roe", "we sent
#: five questions to the ministry's spokeswoman, Jane Roe".
_QUESTIONS_TO = re.compile(r"\b(?:put|sent|submitted|addressed|asked|took)\b[^.!?]{0,60}?\bquestions?\s+(?:to|for)\s+"
                           r"(?:(?:the|a|an|[a-z][\w'’-]*)\s+){0,4}$")
#: A sentence in which the person just named, as "he" or "she", speaks to the outlet: "She spoke to Example Daily on
#: Friday.", "He answered our questions", "She talked to us" (that person is the interviewee, on a tie).
_SHE_SPOKE = re.compile(r"(?:^|[.!?]\s+)(?:He|She)\s+(?:(?:spoke|talked)\s+to\s+(?!(?:him|her|them)\b)|"
                        r"answered\s+(?:our|these|the|my)\s+questions|(?:gave|granted)\s+(?:an\s+)?interview)")


#: A sentence in which the outlet speaks to the person just named, as "him" or "her": "We spoke to her on Wednesday",
#: "Example Daily spoke to him on the quay", "We met her in Graz" (the paragraph's first person named in full is the
#: interviewee, on a tie).
_SPOKE_TO_HER = re.compile(r"(?:^|[.!?]\s+)[^.!?]{0,60}?\b(?:(?:spoke|talked|sat\s+down)\s+(?:to|with)|met|"
                           r"interviewed|reached|caught\s+up\s+with)\s+(?:him|her)\b")


#: A name that opens a sentence, after at most a title's capitalised words: "Jane Roe, president of ...", "Deputy
#: Minister Jane Roe led ...".
_SUBJECT_NAME = re.compile(rf"(?:^|(?<=[.!?]\s))\s*(?:[A-Z][\w'’.-]*\s+){{0,3}}?(?P<name>{_NAME})(?=[\s,])")


#: A live blog entry's clock with its half of the day or time zone: "15:05", "3:05 p.m.", "15:05 GMT".
_ZONED_CLOCK = rf"{_CLOCK}(?:\s*(?:[ap]\.?m\.?|GMT|CET|EET|MSK))?"
#: A live blog entry's time before its heading: "15:05", "15.05 |", "3:05 p.m. -".
_ENTRY_TIME = re.compile(rf"^\s*{_ZONED_CLOCK}\s*[|—–-]?\s*", re.IGNORECASE)
#: A paragraph a live blog entry's time opens: "16:20", "16:20 The engineer explains ...".
_ENTRY_OPENS = re.compile(rf"\s*{_ZONED_CLOCK}(?:\s*[|—–-])?(?:\s+[A-Z]|\s*$)", re.IGNORECASE)
#: A heading that names whom the questions after it are put to: "Three questions for Jane Roe, spokeswoman of ...",
#: "Q&A with Jane Roe", "Q&A | Jane Roe, rail engineer", "Five questions to Dr Jane Roe".
_BOX_HEADING = re.compile(rf"\s*(?:(?:[A-Z][a-z]+|\d+)\s+questions?\s+(?:for|to)|Q\s*&\s*A(?:\s+with|\s*[|:–—-])|"
                          rf"In\s+conversation\s+with)\s+"
                          rf"(?:(?P<name>{_NAME})(?=\s*(?:,|:|$))|(?:the|an?|our)\s+[\w'’ -]{{1,60}}$)")


def _interviewee(intro: Sequence[str], addressed: str = "") -> str:
    """The person an interview's introduction names most often ("EU foreign policy chief Kaja
    Kallas spoke to ..."), by surname, or first the one the first question ``addressed`` ("Frau
    Roe, ..."); the fullest form of the name; "" when it names no one."""
    # (a box's heading right before its turns: "Three questions for Jane Roe, spokeswoman", whom it names; or "Three
    # questions for the ombudsman", then the introduction is what follows it)
    for n in range(len(intro) - 1, max(-1, len(intro) - 4), -1):
        box = _BOX_HEADING.match(_ENTRY_TIME.sub("", intro[n]))  # (a live blog's: "15:05 Three questions to ...")
        if box and box.group("name") and _person(name := _clean_speaker(box.group("name"))):
            return name
        if box and n + 1 < len(intro):  # (its person: not the outlet that asks, "Example Daily asked ...")
            named = [name for par in intro[n + 1:] for m in re.finditer(_NAME, par)
                     if not re.match(r"\s+(?:asked|spoke|talked|put)\b", par[m.end():])
                     and len((name := _clean_speaker(m.group(0))).split()) >= 2 and _person(name)]
            if named:
                return named[-1]
            break
    # (a live blog's questions: the entry they are in, whose time opens its paragraph, names the interviewee, not
    # the entries before it, which may name someone else more often)
    entries = [n for n, par in enumerate(intro) if _ENTRY_OPENS.match(par)]
    if len(entries) >= 2 and entries[-1] > 0 and (own := _interviewee(intro[entries[-1]:], addressed)):
        return own
    names: list[str] = []
    talked: set[str] = set()  # "talked about this with the historian Jane Roe": the interviewee, on a tie
    last: set[str] = set()  # whom the paragraph right before the turns says the outlet asked: first, before any count

    def answering(name: str, par: str) -> None:
        """`name`, named in `par`, answers the outlet; named in full (not "with Mint") in the last paragraph, it is
        `last` too (a live blog's "Example Online asked Jane Roe three questions", after entries naming others more)."""
        talked.add(name)
        if par is intro[-1] and " " in name:
            last.add(name)

    bare: list[str] = []  # a paragraph that is only a name: a byline, unless no other name is given
    for par in intro:
        if _BYLINE.fullmatch(par) or _DATELINE.fullmatch(par) or _header_line(par) or _PLACE_LINE.fullmatch(par):
            continue  # ("Words: Jane Roe", "Author: Jane Roe": who wrote it; "Outlet, City, 1 July 2028": where and when)
        if re.fullmatch(rf"\s*{_NAME}\s*", par) and len(par.split()) >= 2:
            bare.append(_clean_speaker(par))
            continue
        for m in re.finditer(rf"{_TITLED}|{_NAME}", par):
            name = _clean_speaker(m.group(0))
            # ("Jane Roe says Central Asia ...", "Jane Roe receives Corriere": Jane Roe, not what follows the verb)
            # (but "Babel asked Jane Roe": whom the outlet asked)
            asked = _person(name) and _TALKED_WITH.search(m.group(0)[:max(0, m.group(0).rfind(name))])
            if not asked and (first := re.match(_NAME, m.group(0))) and _person(lead := _clean_speaker(first.group(0))) and (
                    not _person(name) or any(w[:1].islower() and w.endswith(("s", "ed")) and w not in role_nouns()
                                             and w not in _TITLES for w in m.group(0)[first.end():].split())):
                name = lead
            at = m.start() + max(0, m.group(0).rfind(name))  # ("Babel asked Jane Roe": where the name starts)
            # (not "Ukraine's deputy foreign minister", "Interviewed by Jane Roe": who asks, "The Daily Example",
            # "A Guatemalan colonel"; but "The Austrian Jane Roe")
            # (nor a place: "based in Libreville", "from Debidwar upazila", a dateline "Libreville, 1 July 2028";
            # nor a quotation's first word: 'Jane Roe: "Peace is made ..."'; nor "the museum of Cuauhtémoc", "the fields
            # around Cuauhtémoc")
            if _person(name) and not _NOT_INTERVIEWEE_BEFORE.search(par[:at]) and \
                    not _DATELINE_TAIL.match(par, at + len(name)):
                names.append(name)
                lead = par[max(0, at - 120):at]  # (what the sentence says before the name: "We spoke to ...")
                if _TALKED_WITH.search(lead[-60:]) or _ANSWERED.match(par, at + len(name)) or \
                        _ASKED_ROLE.search(lead) or _QUESTIONS_TO.search(lead):
                    answering(name, par)
        # ("Jane Roe, president of ..., led the work. She spoke to Example Daily on Friday.": the person named in
        # full who opens a sentence before that one, its subject; not "The President of X, Nobel Prize laureate")
        if spoke := _SHE_SPOKE.search(par):
            for m in _SUBJECT_NAME.finditer(par, 0, spoke.start() + 1):
                if (name := _clean_speaker(m.group("name"))) in names and " " in name:
                    answering(name, par)
                    break
        # ("The woman running the talks is Jane Roe, a former ambassador, with Tom Roe. We spoke to her on Wednesday.":
        # the paragraph's first person named in full before that sentence, whom it is about)
        elif (spoke := _SPOKE_TO_HER.search(par)) and (before := sorted(
                (at, n) for n in set(names) if " " in n and (at := par.find(n, 0, spoke.start() + 1)) >= 0)):
            answering(before[0][1], par)
    names = [n for n in names if not n.isupper()] or names or [n for n in bare if _person(n)]  # (not "JANE ROE - ANKARA")
    asking = _asked_by(intro)  # (not the one it says asked: "he sat down with our correspondent, Jane Roe")
    names = [n for n in names if n.split()[-1].lower() not in asking] or names
    if not names:
        return ""
    # (a nickname stands for the name it is given to: "Jane Roe, known to her patients as Miss Ray" then "Miss Ray, ...?")
    for par in intro:
        for m in _KNOWN_AS.finditer(par):
            full, alias = _clean_speaker(m.group("full")), _clean_speaker(m.group("alias"))
            if len(full.split()) >= 2 and _person(full):
                names = [full if n == alias or n.split()[-1] == alias.split()[-1] else n for n in names]
                addressed = full.split()[-1] if addressed and addressed in alias.split() else addressed
    # (a one-word name the introduction also writes as a place, "asked him to Launceston", is no one's surname when
    # someone is named in full)
    written_as_place = _Places(" ".join(intro), _SENT_TO)
    places = {n for n in names if " " not in n and n in written_as_place}
    if places and any(" " in n for n in names):
        names = [n for n in names if n not in places or any(m.split()[-1] == n for m in names if " " in m)]
    # (a first name alone stands for the full name it starts: "Md Jahangir Alam, 29, ..." then "Jahangir says")
    fuller = {w: n for n in names if len(n.split()) >= 2 for w in n.split()[:-1] if w[:1].isupper()}
    names = [fuller.get(n, n) if " " not in n else n for n in names]
    surnames = [n.split()[-1] for n in names]
    # (on a tie, a surname the introduction gives with a first name: "Eight questions for Jan Roe")
    best = max(dict.fromkeys(surnames), key=lambda s: (any(n.split()[-1] == s and addressed in n.split() for n in names),
                                                        any(n.split()[-1] == s for n in last), surnames.count(s),
                                                        any(n.split()[-1] == s for n in talked),
                                                        any(n.split()[-1] == s and " " in n for n in names)))
    return max((n for n in names if n.split()[-1] == best), key=len)


def _role_holder(label: str, paragraphs: Sequence[str]) -> str:
    """The person an article names with the role a label gives ("Spokesman:" -> "Spokesman Jane Roe" or
    "Jane Roe, spokeswoman for ..."), the first one named; "" when the label is no role or names no one."""
    role = label.strip().lower()
    if role not in role_nouns():
        return ""
    # "Spokesman Jane Roe", "Jane Roe, Deputy Department Spokesperson", a heading "President: Mr. Jan Example (Denmark)"
    # (also "the spokesman of the Ministry of Foreign Affairs, Jane Roe")
    rx = re.compile(rf"\b(?i:{re.escape(role)})\s+(?:(?:of|for|at)\s+(?:the\s+)?{_NAME},\s+)?(?P<a>{_NAME})|"
                    rf"(?P<b>{_NAME}),\s+(?:(?:the|a|an)\s+)?"
                    rf"(?:[\w'’.-]+\s+){{0,3}}?(?i:{re.escape(role)})\b|"
                    rf"^\s*(?:The\s+)?(?i:{re.escape(role)})\s*:\s+(?:(?:Mr|Mrs|Ms|Dr|Sir|Dame)\.?\s+)?(?P<c>{_NAME})")
    one = ""  # ("President Example" with no first name anywhere: "Example")
    for par in paragraphs:
        for m in rx.finditer(par):
            name = _clean_speaker(m.group("a") or m.group("b") or m.group("c"))
            if len(name.split()) >= 2 and _person(name):
                return name
            one = one or (name if _person(name) and name.lower() != role else "")
    return one


@lru_cache(maxsize=1)
def _host_intro() -> re.Pattern[str]:
    """A person introduced with an interviewer's word: "host Jane Roe", "Jane Roe, the programme's presenter"."""
    words = sorted((w for w, always in interviewer_labels().items() if always and len(w) > 2), key=len, reverse=True)
    alt = "|".join(map(re.escape, words))
    return re.compile(rf"\b(?i:{alt}):?\s+(?P<a>{_NAME})|(?P<b>{_NAME}),\s+(?:(?:the|our|a|an)\s+)?(?:[\w'’-]+\s+){{0,2}}?"
                      rf"(?i:{alt})\b|(?P<c>{_NAME})\s+\((?i:{alt})\)")  # (or "Jane Roe (host)")


#: Whom an introduction names as the one who asked: "He spoke to Jane Roe in Graz", "Jane Roe spoke to him",
#: "interviewed by Jane Roe", "he sat down with Example Daily's defence correspondent, Jane Roe".
_ASKED_BY = re.compile(rf"\b(?:(?:[Hh]e|[Ss]he)\s+(?:spoke|talked|sat\s+down)\s+(?:to|with)\s+"
                       rf"(?:{_NAME}['’]s\s+(?:[a-z][\w-]*\s+){{0,3}}[a-z][\w-]*,\s+)?(?P<a>{_NAME})|(?P<b>{_NAME})\s+(?:spoke|talked)"
                       rf"\s+(?:to|with)\s+(?:him|her)\b|(?P<b2>{_NAME})\s+interviewed\s+(?:him|her)\b|"
                       rf"[Ii]nterviewed\s+by\s+(?P<c>{_NAME}))")


def _asked_by(intro: Sequence[str]) -> set[str]:
    """Surnames (lower case) of the people an introduction names as the one who asked (`_ASKED_BY`)."""
    asked = (_clean_speaker(next(g for g in m.groups() if g)).split() for par in intro for m in _ASKED_BY.finditer(par))
    return {words[-1].lower() for words in asked if words}


def _hosts(intro: Sequence[str]) -> set[str]:
    """Surnames (lower case) of the people an interview's introduction presents with an interviewer's
    word ("host Jane Roe", "Jane Roe, the programme's presenter") or as the one who asked ("He spoke to
    Jane Roe", "Jane Roe spoke to him")."""
    out = _asked_by(intro)
    for par in intro:
        for m in _host_intro().finditer(par):
            # (a name never runs over a sentence's end: "host Dana Roe. Witkoff said ...")
            name = (m.group("a").split(". ")[0] if m.group("a") else (m.group("b") or m.group("c")).split(". ")[-1]).split()
            if name[0].lower().rstrip(".") not in _TITLES:  # (each surname: "Host: Jane Roe Soto" asks as "JANE ROE")
                out |= {w.lower().rstrip(".,;:") for w in name[1:] or name}  # ("Presenter: Jane Roe. With ...": roe)
    return out


#: A transcript's list of guests: "Guests: Dr Jane Roe, head of ...; Professor Tom Roe, ..." (one guest per part).
_GUESTS = re.compile(r"\b(?:Guests?|Panel(?:l?ists)?|In\s+(?:the\s+)?studio)\s*:\s*(?P<list>[^\n]+)")


def _guests(intro: Sequence[str]) -> set[str]:
    """Surnames (lower case) of the guests a transcript's introduction lists ("Guests: Dr Jane Roe, ...;
    Professor Tom Roe, ..."): the people who answer, where no label says who asks."""
    out = set()
    for par in intro:
        for m in _GUESTS.finditer(par):
            parts = m.group("list").split(";") if ";" in m.group("list") else re.split(r",\s+|\s+and\s+", m.group("list"))
            for part in parts:
                name = re.match(rf"\s*(?:(?:{'|'.join(sorted(_TITLES))})\.?\s+)*(?P<n>{_NAME})", part, re.IGNORECASE)
                if name and len(words := _clean_speaker(name.group("n")).split()) >= 2 and _person(" ".join(words)):
                    out |= {w.lower() for w in words[1:]}  # (each surname: "Dr. Tom Roe Layme" answers as "TOM ROE")
    return out


#: A label of initials: "VZ", "S.K.", "S. K.", "ÞKG", "PvD" (a particle's small letter: "Pieter van Dam").
_INITIALS = re.compile(rf"[{_UPPER}]{{2,4}}|(?:[{_UPPER}][a-z]?\.\s?){{2,4}}|[{_UPPER}](?:[a-z]{{1,2}}[{_UPPER}]){{1,2}}")
# (and "B.Zh.": a digraph's initial)


def _gives_initials(letters: Sequence[str], name: str) -> bool:
    """Whether a label's ``letters`` ("P", "K"; "B", "Zh") are the initials of ``name``, a letter per word
    (a hyphenated surname gives a letter per part: "KNL" of "Kabiru Ndagi-Lawal"; so does a given name of two
    syllables, the second in lower case: "CWL" of "Chen Wei-lun"; a particle's small letter gives the particle: "PvD" of
    "Pieter van Dam")."""
    chars = [c for a in letters for c in a]  # ("Pv", "D" read letter by letter: "P", "v", "D")
    return any(len(parts) == len(letters) and all(w.startswith(a) for w, a in zip(parts, letters))
               for parts in (name.split(), [w[:1].upper() + w[1:] for w in re.split(r"[\s-]+", name)])) or (
        len(chars) > len(letters) and len(name.split()) == len(chars)
        and all(w.startswith(c) for w, c in zip(name.split(), chars)))


def _initials_of(label: str, intro: Sequence[str]) -> str:
    """The name in an interview's introduction whose initials a label gives ("OL": "Olena Lysenko";
    "BZh": "Bakhyt Zhanuzakov", a transliterated digraph's two letters)."""
    letters = re.findall(rf"[{_UPPER}][a-z]?", label)
    for par in intro:
        for m in _NAMES.finditer(par):
            if _gives_initials(letters, name := _clean_speaker(m.group(0))):
                return name
    # (else a name of one word more, whose first and last words the label's first and last letters give: "TMA" of
    # "Tran Thi Mai Anh", a Vietnamese middle name left out)
    for par in intro:
        for m in _NAMES.finditer(par):
            parts = _clean_speaker(m.group(0)).split()
            if len(letters) >= 2 and len(parts) == len(letters) + 1 and parts[0].startswith(letters[0]) and any(
                    all(w.startswith(a) for w, a in zip(parts[:k] + parts[k + 1:], letters)) for k in range(1, len(parts) - 1)):
                return " ".join(parts)
    return ""
