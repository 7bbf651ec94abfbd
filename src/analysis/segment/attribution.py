"""Speaker attribution: who said a quote.

An attribution phrase is reduced to a name, a role or a pronoun; pronouns and roles ("the
minister") resolve to the people the article named before (as speakers, sentence subjects or
with their role), and a surname to the full name the article gave.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from analysis.segment.candidates import _Cand, _first_sentence, _headline_speaker
from analysis.segment.fullnames import _child_named, _full_of, _kin_name, _named_as, _not_a_relative, _parent_named, _relatives
from analysis.segment.introductions import _header_line
from analysis.segment.lists import group_nouns, institution_words, not_persons, source_nouns
from analysis.segment.mention_patterns import (
    _ASKED_ABOUT,
    _CALL_SIGN,
    _INTRODUCED_AS,
    _INVERTED_SUBJECT,
    _KIN_WORD,
    _LED_WORD,
    _MET_NAME,
    _NAME_IS,
    _OPENING_LABEL,
    _SCREENED,
    _STORY_OF,
    _THERE_IS,
    _WHO_SUBJECT,
    _described_unnamed,
)
from analysis.segment.names import (
    _OWNER,
    _PRONOUNS,
    _TITLES,
    _after_place,
    _clean_speaker,
    _head,
    _is_name,
    _last_named,
    _person,
    _role_heads,
    _title_holder,
)
from analysis.segment.patterns import (
    _AGED,
    _ASKED,
    _CAP,
    _COLON_SUBJECT,
    _DEMONYM,
    _FIRST_NAME_INTRO,
    _HONORIFIC,
    _INSIDE_NAME,
    _INTERLOCUTOR,
    _INTRO_LINE,
    _INTRODUCED,
    _IRREGULAR,
    _KIN_GENDER,
    _KIN_NAME,
    _LABELLING,
    _LED_SUBJECT,
    _MY_KIN,
    _NAME,
    _NAME_COLON,
    _NAMED_NEXT,
    _NAMES,
    _OWN_KIN,
    _PATRONYMIC,
    _PERSON_OF,
    _POSSESSIVE_COLON,
    _PRONOUN_SUBJECT,
    _QUOTE_LEAD,
    _REPLY,
    _ROLE_BEFORE,
    _ROLE_OF,
    _SAID_NAME,
    _SIGN_OFF,
    _SOURCE_LINE,
    _TITLED,
    _UPPER,
    _VERB_NEXT,
    _attributions,
    _patterns,
)
from analysis.segment.roles import _EXPERTS

#: The author's relative right after a quote, with a speech verb: '"...," my grandfather told me once.'
_AFTER_KIN = re.compile(rf"[\s,]*(?P<subj>(?:my|our)\s+(?:{_OWN_KIN}))(?:\s+(?:once|later|always|then|often))?\s+"
                        r"(?:said|says|told|tells|asked|asks|added|adds|replied|answered|recalled|recalls|whispered|wrote|"
                        r"writes|used\s+to\s+say|would\s+say)\b")


#: A document right after a quote, with the verbs a document "says" by ('"...," the statement read.', "reads",
#: "states"): its issuer is the speaker (`_who`, source nouns).
_AFTER_DOCUMENT = re.compile(r"[\s,]*(?P<subj>the\s+(?:statement|communiqu[ée]|text|press\s+release|release))\s+"
                             r"(?:read|reads|states|stated|notes|noted|adds|added|specifies|specified|continues|continued)\b")


def _context_speaker(masked: str, spans: list[tuple[int, int]], c: _Cand) -> tuple[str, int]:
    """Attribution of a quotation-mark quote: right after it, else in its sentence before it."""
    p = _patterns()
    if c.hi >= 0:
        # (a quote inside a sentence, 'the Kremlin «on the whole positively» assesses the results', is no '"...," said X')
        inner = c.lo > 0 and masked[:c.lo].rstrip()[-1:].isalnum() and not re.match(r"\s*[,—–-]", masked[c.hi + 1:c.hi + 4])
        for rx in (p["after_sv"], p["after_vs"], _after_named()) if not inner else (p["after_sv"], _after_named()):
            if m := rx.match(masked, c.hi + 1):  # ('," said Jan Roe. Jane Example disagreed.': Roe)
                return _first_sentence(m.group("subj")) if rx is p["after_vs"] else m.group("subj"), m.start("subj")
        if m := _headline_speaker(masked, c.hi + 1):  # "'...': Jane Roe on the protocol" (a headline)
            return m.group("who"), m.start("who")
        if (m := (_AFTER_KIN.match(masked, c.hi + 1) or _AFTER_DOCUMENT.match(masked, c.hi + 1))) and not inner:
            return m.group("subj"), m.start("subj")  # '"...," my grandfather told me once.' / '"...," the statement read.'
    if c.lo >= 0:
        s0 = next((a for a, e in spans if a <= c.lo < e), 0)
        pre = masked[s0 : c.lo]
        if lead := _QUOTE_LEAD.fullmatch(pre):  # 'Quote from Umerov: "..."', or a bare 'Quote: "..."' (no one named)
            return (lead.group("who"), s0 + lead.start("who")) if lead.group("who") else ("", -1)
        if (m := _NAME_COLON.fullmatch(pre)) and m.group(1).lower() not in group_nouns():  # 'Putin: "..."' (not
            return m.group(1), s0 + m.start(1)  # "Families in Duhok:", a group whose one member the body quotes)
        found = _attributions(pre)  # (a speech verb first: "Putin's spokesman Jane Roe told reporters:" is Roe)
        if pre.rstrip().endswith(":") and not found and (m := _POSSESSIVE_COLON.match(pre)):
            g = 1 if m.group(1) else 2  # 'Grossi's message to both capitals was short: "...' / '... - Zelensky: "...'
            if _person(_clean_speaker(m.group(g))):
                return m.group(g), s0 + m.start(g)
        if found:
            adjacent = [m for m in found if not pre[m.end() :].strip(" \t\n,:;—–-")]
            if pre.rstrip().endswith(":"):  # 'X put it more bluntly: "...': the attribution the colon ends
                adjacent = found[-1:]
            m = adjacent[-1] if adjacent else found[0]  # 'X said: "...' else the sentence subject
            return m.group("subj"), s0 + m.start("subj")
        if pre.rstrip().endswith(":"):  # 'Asked about it, X was firm: "...' / '- X, arriving: "...'
            subjects = list(_COLON_SUBJECT.finditer(pre))
            for m, after in zip(subjects, [*subjects[1:], None]):
                if after is not None and pre[m.end("subj"):after.start("subj")].strip() == ",":
                    continue  # ("Alghero, Todde opens the talks:": a place before the subject)
                who = _clean_speaker(m.group("subj"))
                if who in _PRONOUNS or _person(who) or (not _is_name(who) and _head(who) in _role_heads()):
                    return m.group("subj"), s0 + m.start("subj")
    if c.hi >= 0 and (m := _SIGN_OFF.match(masked, c.hi + 1)):  # '"..." — X, at the end of the dinner.'
        who = _clean_speaker(m.group("subj"))
        if _person(who) or (not _is_name(who) and _head(who) in _role_heads()):
            return m.group("subj"), m.start("subj")
    return "", -1


def _named_next(masked: str, c: _Cand) -> tuple[str, int]:
    """The person the sentence right after a quote names as its speaker (`_NAMED_NEXT`), else ("", -1).

    Parameters
    ----------
    masked : the paragraph with its quotes blanked.
    c : the quote, a closed quotation-mark candidate.

    Returns
    -------
    tuple of (str, int)
        The speaker phrase and its offset in the paragraph.
    """
    m = _NAMED_NEXT.match(masked, c.hi + 1) if c.hi >= 0 else None
    if m is None:
        return "", -1
    group = next(g for g in ("by", "how", "is", "apposed", "subj", "words") if m.group(g))
    return m.group(group), m.start(group)


@lru_cache(maxsize=1)
def _after_named() -> re.Pattern[str]:
    """After a closing mark, a name behind lower-case role words or a role phrase, then a speech verb:
    '," spokesman Jane Roe said' / '," the head of the union, Jane Roe, told ...' / '», — aide Jane Roe said'
    (not after "while", "and" ...: another clause's speaker)."""
    verb = _patterns()["verb"].pattern
    clause = r"(?!(?:while|whereas|but|and|or|as|when|although|though|after|before|since|if)\b)"
    # (also behind a possessive: '," Ukraine's chief negotiator, Jane Roe, wrote')
    # (and after a dash, Russian style: '», — presidential press secretary Jane Roe told')
    return re.compile(rf"[\s,]+(?:[—–]\s+)?(?:{clause}(?:[a-z]|[{_UPPER}][\w-]*['’]s\s)[^\"“”«».!?;:]{{0,100}}?[\s,])?"
                      rf"(?P<subj>{_NAME})(?:,\s+(?:who|the|an?)\s[^,;:]{{1,200}}?,)?,?\s+{verb}")  # ("aide Jane Roe, who headed
    # ..., joked", "the judge Jane Roe, the Tunisian member of the panel, told")


def _person_of(masked: str, at: int, speaker: str, phrase: str) -> str:
    """The person named right before an institution that an attribution's subject ``phrase`` at ``at`` names
    ("Prof. Jane Roe of [the Faculty of ... at Example University] said"), else ``speaker`` as it is."""
    if _person(speaker) or institution_words().isdisjoint(phrase.lower().split()):
        return speaker
    of = _PERSON_OF.search(masked, max(0, at - 80), at)
    return name if of and _person(name := _clean_speaker(of.group("name"))) else speaker


#: The author's unnamed relatives ("my mother", `_own_kin`) whom a pronoun of the other gender never means.
_OWN_KIN_NOT = {own: frozenset(f"{o} {k}" for k, g in _KIN_GENDER.items() if g != own for o in ("my", "our"))
                for own in ("he", "she")}


def _own_kin(m: re.Match[str], texts: Sequence[str]) -> str:
    """The author's relative a `_MY_KIN` match names: the name the narration ``texts`` gave them ("my
    grandfather Tserenjav", "My grandfather, Jan Roe,"), else "my grandfather"."""
    owner = m.group("owner").lower()
    return _kin_name(m.group("kin"), (owner,), texts) or f"{owner} {m.group('kin')}"


def _subject_speaker(masked: str, at: int, subj: str, pi: int, mentions: list[tuple[int, int, str]],
                     roles: Sequence[tuple[int, int, str, str, str]]) -> str:
    """The speaker of an attribution's subject ``subj`` at ``at`` in paragraph ``pi``: the person named
    right before the institution it names ("Jane Roe of [the Example Authority, who ...,] told"), else `_who`'s."""
    if subj and (person := _person_of(masked, at, cleaned := _clean_speaker(subj), subj)) != cleaned:
        return person
    return _who(subj, (pi, at), mentions, roles)


def _who(phrase: str, where: tuple[int, int], mentions: list[tuple[int, int, str]],
         roles: Sequence[tuple[int, int, str, str, str]] = (), texts: Sequence[str] = (),
         fulls: dict[str, str] | None = None) -> str:
    """The cleaned speaker of an attribution phrase at ``where`` = (paragraph, offset); a pronoun
    becomes the latest speaker mentioned before it, else ""; a role ("the minister") the person
    the article last named with that role before it ("Foreign Minister Sergei Lavrov"), if any."""
    speaker = _clean_speaker(phrase) if phrase else ""
    if texts and phrase.lower().startswith(("my ", "our ")) and (kin := _MY_KIN.fullmatch(phrase.strip())):
        return _own_kin(kin, texts)  # ("my grandfather said": the name "My grandfather, Jan Roe," gave him)
    if texts and re.fullmatch(r"\s*(?:his|her)\s+(?:mother|father)\s*", phrase) and (parent := _parent_named(phrase, texts)):
        return parent  # ("his mother repeats" after "Jane Roe keeps the photograph of her son")
    if texts and phrase[-12:].split()[-1:] and phrase.split()[-1].lower() in source_nouns() and \
            re.match(r"\s*(?i:the)\s", phrase) and not _INTERLOCUTOR.match(phrase) and (source := _source(texts, where[1])):
        return source  # "the paper wrote": the outlet just named as a subject
    if speaker in _PRONOUNS:  # (never a place or an institution)
        # (nor a group: "the prisoners had asked him ... "...," he said" is one person; nor a relative the
        # article gave the other gender: "her son Mathieu ... "...," she told")
        own = "she" if speaker in ("she", "her") else "he"
        kin = {name for _, word, name in _relatives(texts) if _KIN_GENDER[word] != own} | _OWN_KIN_NOT[own]
        earlier = [m for m in mentions if m[:2] < where and m[2].lower() not in not_persons() and m[2] not in kin
                   and not (m[2][:1].islower() and m[2].endswith("s") and not m[2].endswith("ss"))]
        if texts and not any(m[0] == where[0] for m in earlier) and (introduced := _introduced(texts, where)):
            return introduced  # "The question came from Jane Roe, a member of ... "...," she asked.': Roe
        if texts and not any(m[0] == where[0] for m in earlier) and (held := [
                r for r in roles if r[0] == where[0] and r[1] < where[1] and len(r[3].split()) >= 2 and _is_name(r[3])]):
            # "The Portuguese Prime Minister, Luís Montenegro, opened the talks ... "...," he said': the person the
            # paragraph named with a role (a surname that is also a country's name included)
            return max(held)[3]
        if earlier:
            return max(earlier, key=lambda m: m[:2])[2]
        # no one named as a subject or speaker yet: the person the narration just named ("We asked
        # Dr Jane Roe, who ..., to explain." / '"...," she said.')
        return _last_named(texts[max(0, len(texts) - 2):], where[1]) if texts else ""
    if texts and " of " in phrase and (holder := _title_holder(phrase, texts)):
        return holder  # "The President of Examplestan said": whom the article named "President of Examplestan Jane Roe"
    here = bool(texts) and where[0] == len(texts) - 1  # (the phrase stands in the paragraph read last)
    if here and (person := _person_of(texts[-1], where[1], speaker, phrase)) != speaker:
        return person  # "Prof. Jane Roe of [the Faculty of ... at Example University] said": the person, not the faculty
    # "the representative of the Foreign Ministry noted": a role, as "the representative" (not of a country: "the
    # representative of France" is another person)
    if not _person(speaker) and not institution_words().isdisjoint(speaker.lower().split()) and (
            (of := _ROLE_OF.match(phrase)) or (here and (
                of := _ROLE_BEFORE.search(texts[-1], max(0, where[1] - 60), where[1])))) and \
            of.group("role").split()[-1].lower() in _role_heads():
        speaker, phrase = of.group("role"), f"the {of.group('role')}"
    if _INTERLOCUTOR.match(phrase):  # "the interlocutor of RBC said" (translated Russian): a role, not the outlet
        speaker = "interlocutor"
    if _HONORIFIC.fullmatch(phrase):  # '," His Highness said': the person just named
        recent = [m for m in mentions if m[:2] < where and _person(m[2])]
        # (else the person the narration last named: "His Majesty King Jan II on Tuesday opened ...")
        return max(recent, key=lambda m: m[:2])[2] if recent else _last_named(texts[-3:]) or speaker
    words = speaker.lower().split()
    if (speaker and not _is_name(speaker) and re.match(r"\s*(?:the|our)\b", phrase, re.IGNORECASE)
            and (not _role_heads().isdisjoint(words) or any(map(_AGED.fullmatch, words)))):  # ("the 41-year-old [expert] said")
        if texts and where[0] == len(texts) - 1 and _REPLY.match(texts[-1], where[1] + len(phrase)) and \
                _ASKED.search(" ".join([*texts[-2:-1], texts[-1][:where[1]]])):
            # '"...?" she asked. The High Representative replied ...': whoever replies to a question
            # (asked in this paragraph or the one before) is not the last speaker
            # (unless the article gave them that role: '"...?" host Jane Roe asked. "...," the host replied')
            last = max((m for m in mentions if m[:2] < where and _person(m[2])), key=lambda m: m[:2], default=None)
            if last is not None and not any(r[3] == last[2] and r[2] in words for r in roles):
                mentions = [m for m in mentions if m[2] != last[2]]
        # "the minister": the person (or unnamed source) just mentioned, in this paragraph or the
        # one before, when nothing says they hold another role; else the person last named with
        # that role (the one whose role words match best), else the person last named as a
        # speaker; "a diplomat" stays an unnamed source.
        # (not for another's role: "the Prime Minister's official spokesman" is whom the article names so, else no one)
        if texts and not _KIN_GENDER.keys().isdisjoint(words):  # ("Her son, Jan Roe, ..." then "the mother told": not Jan Roe)
            kin = {name for _, word, name in _relatives(texts) if word not in words}
            mentions = [m for m in mentions if m[2] not in kin]
        owned = [w.lower() for w in phrase.split() if _OWNER.fullmatch(w)]
        recent = None if owned else max((m for m in mentions if m[0] >= where[0] - 1 and m[:2] < where
                                         and m[2].lower() not in not_persons()), key=lambda m: m[:2], default=None)
        if recent is not None:
            if _is_name(recent[2]):  # (roles of the same person named in full: "Senator Johnson Smith" is
                same = [r for r in roles if r[:2] < where and (r[3] == recent[2] or r[3].endswith(" " + recent[2]))]
                held = {r[2] for r in same}  # "Minister ..., Senator the Hon. Kamina Johnson Smith")
                # ("the head of the region" after "The Governor of the Kursk region, Jane Roe,": the place agrees)
                place = re.search(r"\bof\s+(?:the\s+)?([a-z]+)\s*$", phrase)
                if not held or not held.isdisjoint(words) or (held & _EXPERTS and not _EXPERTS.isdisjoint(words)) or (
                        place and any(re.search(rf"(?i:{re.escape(h)})\s+of\s+(?:the\s+)?(?:[\w'’-]+\s+){{0,3}}"
                                                rf"{place.group(1)},?\s+{re.escape(recent[2])}", t)
                                      for h in held for t in texts)):
                    return max([recent[2], *(r[3] for r in same)], key=len)
            elif _head(recent[2]) in words or "interlocutor" in words:  # "a senior official ..." / "the official said"
                return recent[2]
        named = [r for r in roles if r[2] in words and r[:2] < where and set(owned) <= set(r[4].split())]
        # ("the Cuban foreign minister" is not "Russian Foreign Minister Sergei Lavrov": a holder whose role
        # words carry another nationality than the phrase's capitalised qualifier is someone else)
        if named and (qualifiers := {w.lower() for w in phrase.split()[1:] if w[:1].isupper()}):
            demonyms = {w.lower() for w in _DEMONYM.findall(" ".join(texts))} - qualifiers
            named = [r for r in named if qualifiers <= set(r[4].split()) or demonyms.isdisjoint(r[4].split())]
        if named:
            return max(named, key=lambda r: (len(set(words) & set(r[4].split())), r[:2]))[3]
        if owned:  # (no one else's: the role as written)
            return speaker
        earlier = [m for m in mentions if m[:2] < where and _person(m[2])]
        if earlier:
            return max(earlier, key=lambda m: m[:2])[2]
        if named := _last_named([t for t in texts[max(0, where[0] - 1):where[0] + 1] if not _header_line(t)]):
            return named  # "At its head sat Hakan Fidan." (not a byline's "Example News | 19.04.2027")
    if _is_name(speaker) and len(speaker.split()) == 1 and _person(speaker):
        # "Peskov" -> "Dmitry Peskov", as the article named him; "Mao" -> "Mao Ning" (a name given surname first)
        return (_full_of(speaker, texts, fulls) if texts else "") or _named_first(speaker, where, mentions) or speaker
    if " " in speaker and _is_name(speaker):  # "Prince Faisal" -> "Prince Faisal bin Farhan", named so before
        longer = {m[2] for m in mentions if m[:2] < where and m[2].startswith(speaker + " ") and _person(m[2])}
        if not longer and len(words) == 2 and _PATRONYMIC.fullmatch(speaker.split()[1]):  # "Mikhail Borisovich": the
            longer = {m[2] for m in mentions if m[:2] < where and m[2].split()[0] == speaker.split()[0]  # one Mikhail
                      and len(m[2].split()) >= 2 and not _PATRONYMIC.fullmatch(m[2].split()[-1]) and _person(m[2])}
        return longer.pop() if len(longer) == 1 else speaker
    return speaker


@lru_cache(maxsize=1)
def _source_subject() -> re.Pattern[str]:
    """A name as a sentence's subject, before a speech, labelling or copular verb ("Gazeta Example
    warned", "The Union said", "Le Example was", "The blog Example Notes (1.2 million readers) called")."""
    verbs = _patterns()["verb"].pattern
    return re.compile(rf"(?P<name>{_NAME})(?:\s+\([^()]{{1,60}}\))?\s+(?:(?P<speech>{verbs})|(?:was|is|has|had|called|described|"
                      r"dubbed|quoted|posted|ran|carried|headlined)\b)")


def _introduced(texts: Sequence[str], where: tuple[int, int]) -> str:
    """The person the current paragraph's narration (``texts[-1]``) last introduced with an
    apposition before ``where`` ("came from Jane Roe, a French member of ...", "Her neighbour Petro,
    70, ..."), as the article names them in full; "" if none.

    Parameters
    ----------
    texts : the narration of the paragraphs read so far, the current one last.
    where : (paragraph, offset) of the pronoun.

    Returns
    -------
    str
        The person's name, or "".
    """
    found = ""
    for m in _INTRODUCED.finditer(texts[-1], 0, max(0, where[1])):
        name = _clean_speaker(m.group("name"))
        if _person(name):
            found = name if len(name.split()) >= 2 else _full_of(name, texts, {}) or name
    return found


def _source(texts: Sequence[str], at: int) -> str:
    """The organisation or outlet named last as a sentence's subject before offset ``at`` of the
    current paragraph's narration (``texts[-1]``), else in the paragraph before; "" if none. A subject
    of a speech verb comes first ("The Authority said in a statement that ships in the Black Sea had
    been told ...": the Authority)."""
    for text, end in ((texts[-1], at), *((t, len(t)) for t in texts[-2:-1])):
        found = list(_source_subject().finditer(text, 0, max(0, end)))
        if found:
            name = ([m for m in found if m.group("speech")] or found)[-1].group("name")
            return re.split(r"['’]s\s+", name)[-1]  # "Germany's Frankfurter Zeitung": the paper
    return ""


def _named_first(word: str, where: tuple[int, int], mentions: Sequence[tuple[int, int, str]]) -> str:
    """The one person mentioned before ``where`` whose full name starts with ``word`` ("Mao" -> "Mao
    Ning", "Oleg" -> "Oleg Example"), when no one's name ends with it; else ""."""
    names = {m[2] for m in mentions if m[:2] < where and len(m[2].split()) >= 2}
    if any(n.split()[-1] == word for n in names):
        return ""
    first = [n for n in names if n.split()[0] == word and _person(n)]
    if not first:  # "Lula" -> "Luiz Inácio Lula da Silva": a name the article shortens to a word inside it
        first = [n for n in names if word in n.split()[1:-1] and _person(n)]
    return first[0] if len(first) == 1 else ""


@lru_cache(maxsize=1)
def _apposed() -> re.Pattern[str]:
    """A name with a role in apposition: "Serhiy, a 24-year-old marine" / "Peskov, the Kremlin's spokesman" /
    "Timur, 20, a student"."""
    nouns = "|".join(sorted(_role_heads(), key=len, reverse=True))
    # (not a sentence's opening word before its subject: "Upstairs, the host was ...")
    return re.compile(rf"(?P<name>{_NAME}),\s+(?:\d{{1,3}},\s+)?(?:a|an|the)\s+(?:[\w'’-]+\s+){{0,5}}?(?:{nouns})\b"
                      rf"(?!{_VERB_NEXT.pattern})")


_SUBJECT = re.compile(rf"(?=[{_UPPER}])(?:^|(?<=[.!?…:\]]\s)|(?<=[.!?…][\"”»]\s)|(?<=,\s)|(?<=\bwhen\s)|(?<=\bas\s)"
                      r"|(?<=-year-old\s)|(?<=\bwhere\s)"  # ("One of the patients, 63-year-old Jan Roe, has been coming ...")
                      r"|(?<=\band\s)|(?<=\d\s[-–—]\s)|(?<=\w\s[–—]\s))"  # (and after a live blog's time: "23:40 - X spoke",
    # a dateline's place: "Inhambane – X did not sleep")
                      # ("Jane Roe from Kherson showed", "Jane Roe of the Example Organization urged"; "Jane (name changed), who")
                      rf"(?P<name>(?:{_TITLED}|{_NAME})(?:\s+from\s+{_CAP}|\s+of\s+the\s+{_CAP}(?:\s+(?:for\s+|and\s+)?{_CAP}){{0,5}})?)(?P<aside>\s+\([^()]{{1,60}}\))?"
                      r"(?:\s+(?:himself|herself))?(?:(?:,\s(?:[^,.!?]|(?<=\b[A-Z][a-z])\.|[.!?](?!\s+[A-Z])){1,120}){1,2},|,(?=\s+(?:has|had|have|is|was|said|says|told)\b))?\s+"
                      r"(?:[a-z]+ly\s+|also\s+|then\s+|now\s+|still\s+|already\s+)?"  # ("Svetlana now works at a bakery")
                      rf"(?=(?:has|had|is|was|will|would|could|can|did|does|remains|remained|{_IRREGULAR}|[a-z]+ed|[a-z]+s)\b)")
_KIN_VERB = re.compile(rf"\s+(?:[a-z]+ly\s+)?(?:has|had|is|was|will|would|{_IRREGULAR}|[a-z]+ed|[a-z]+s)\b")
def _subject_mentions(pi: int, masked: str, known: Sequence[tuple[int, int, str]], texts: Sequence[str],
                      fulls: dict[str, str]) -> list[tuple[int, int, str]]:
    """People named as the subject of a narration sentence ("Fidan, for his part, remains ...",
    "Dmitry Peskov summed up ...", "..., says correspondent Jane Roe") or with a role in apposition
    ("Serhiy, a 24-year-old marine"): what a following "he said" refers to. A one-word subject counts only when it is the surname
    of a full name seen before (as a speaker in ``known``, or anywhere in the narration ``texts``
    of this and earlier paragraphs: `_full_of`); places and institutions never."""
    out = []
    # (a one-word name the article introduced on its own, "Oleh, a duty engineer, ...", counts too)
    named = {m[2]: m[2] for m in known if len(m[2].split()) == 1 and _person(m[2])}
    named |= {m[2].split()[-1]: m[2] for m in known if len(m[2].split()) >= 2}
    said = _SAID_NAME.finditer(masked) if ", " in masked else ()
    # ("I spoke with X", "read out by X", "X from Y has", "His partner X is")
    more = [m for rx, needs in _SCREENED for m in (rx.finditer(masked) if needs(masked) else ())]
    more += _NAME_IS.finditer(masked) if " name is " in masked else ()  # ("His real name is X": named late)
    more += _INTRODUCED_AS.finditer(masked) if "introduced" in masked else ()
    more += [*_WHO_SUBJECT.finditer(masked), *_THERE_IS.finditer(masked)] if ", who " in masked else ()
    more += _INVERTED_SUBJECT.finditer(masked) if " is " in masked or " was " in masked else ()
    more += _CALL_SIGN.finditer(masked) if "sign" in masked or "guerre" in masked else ()
    more += _OPENING_LABEL.finditer(masked) if ": " in masked[:60] else ()
    more += _ASKED_ABOUT.finditer(masked) if "?" in masked else ()  # ("What did Jana think?": whom "she says" answers for)
    more += _STORY_OF.finditer(masked) if "'s" in masked or "’s" in masked else ()  # ("Dmitry's family story runs ...")
    # ("my grandfather Tserenjav": the author's relative, named; not "her son Artyom", whose mother speaks)
    # (and "Butt's daughter-in-law Zainab": a relative of someone named, the subject of its sentence)
    kin = _KIN_NAME.finditer(masked) if _KIN_WORD.search(masked) else ()
    more += [m for m in kin if m.group("owner").lower() in ("my", "our")
             or (m.group("owner")[-1] in "s" and _KIN_VERB.match(masked, m.end()))
             or (masked[m.start("name") - 2:m.start("name")] == ", " and not m.group("adj"))]  # ("with her husband, Jan Roe,
    # an agronomist"; not "and her younger sister, Jana, still lives there", a clause's subject the "she" after it is not)
    led = _LED_SUBJECT.finditer(masked) if _LED_WORD.search(masked) else ()
    for m in sorted([*_SUBJECT.finditer(masked), *led, *said, *more], key=lambda m: m.start()):
        name = _clean_speaker(m.group("name"))
        if not _person(name) or ((inside := _INSIDE_NAME.search(masked, max(0, m.start("name") - 40), m.start("name")))
                                 and (inside.group("w") or "").lower() not in _TITLES):
            continue  # (nor the end of an institution's name: "Institute of International Relations and Political Science")
        # (or a first name the article introduces: "Olga, who ...,"; a relative, a call sign, an entry's "Roe:", someone the
        # author spoke with, "We managed to speak with Snezhana", stay as written)
        if len(name.split()) == 1 and m.re not in (_KIN_NAME, _CALL_SIGN, _OPENING_LABEL, _MET_NAME, _INTRODUCED_AS) and \
                "-year-old " not in masked[max(0, m.start("name") - 10):m.end("name")]:  # ("Fifteen-year-old Jana came")
            end = m.end("aside") if m.groupdict().get("aside") else m.end("name")
            # (a full name first: "Daria Levashova, 32, ..." before "Daria is not sure", whatever "Daria says" left)
            seen = _not_a_relative(named.get(name, ""), name, texts, fulls)
            name = (seen if " " in seen else "") or _full_of(name, texts, fulls) or \
                _named_first(name, (pi, m.start("name")), known) or seen or (
                name if masked.startswith(", who ", end) or (
                re.fullmatch(r"\s*(?:[A-Z][a-z]+\.\s+|.*[.!?]\s+)?", masked[:m.start("name")])  # (a sentence's start)
                and _FIRST_NAME_INTRO.match(masked, end)) else "")
            if not name:
                continue
        elif len(name.split()) == 2 and (full := _named_as(name, texts)):
            name = full  # ("everyone calls him El Profe" before "El Profe climbs down": the person so called; "Uncle Jan")
        elif m.re is _KIN_NAME:
            name = _child_named(m, texts, fulls)  # ("Roe's daughter Loretta": Loretta Roe)
        out.append((pi, m.start("name"), name))
        named[name.split()[-1]] = name
    if masked[:1] == "A" or ". A" in masked:  # ("A Ukrainian journalist, a woman about my age, was filming": unnamed)
        out += [(pi, m.start("name"), _clean_speaker(m.group("name"))) for m in _described_unnamed().finditer(masked)]
    if "y " in masked or "ur " in masked:  # ("My mother, who ..., put it better": the author's relative, unnamed)
        out += [(pi, m.start(), _own_kin(m, texts)) for m in _MY_KIN.finditer(masked)]
    if masked.rstrip().endswith(":") and (subj := _COLON_SUBJECT.search(masked)) and masked[subj.end():][:1] != "," and \
            (name := _clean_speaker(subj.group("subj"))) not in _PRONOUNS and _person(name):
        out.append((pi, subj.start("subj"), named.get(name) or _full_of(name, texts, fulls) or name))  # ("X today, on ...:")
    if ", a" in masked or ", the" in masked:
        for m in _apposed().finditer(masked):
            name = _clean_speaker(m.group("name"))
            # (not a place: "In Durban, the South African minister Jane Roe reads out ...")
            if _person(name) and not _after_place(masked, m.start("name")):
                out.append((pi, m.start("name"), named.get(name) or _full_of(name, texts, fulls) or name))
    return out


def _lead(pi: int, masked: str, mentions: list[tuple[int, int, str]],
          roles: Sequence[tuple[int, int, str, str, str]], texts: Sequence[str] = (),
          fulls: dict[str, str] | None = None) -> str:
    """Who a narration paragraph hands the next paragraph's unattributed quote to: the speaker of
    the attribution its colon ends ("In a post on X, he wrote:"), else the person it mentions
    last ("Witkoff himself remains upbeat."), else the person a "He ..." or "She ..." sentence
    means (the person named before it in the paragraph, "For Example, that captures it. He says
    ...", else the latest speaker), else nobody."""
    # (or of a labelling verb's: "An old officer, with whom I served, put it to me bluntly:")
    if masked.rstrip().endswith(":") and (found := _attributions(masked) or list(_LABELLING.finditer(masked))):
        return _who(found[-1].group("subj"), (pi, found[-1].start("subj")), mentions, roles)
    if (intro := _INTRO_LINE.fullmatch(masked)) and _person(name := _clean_speaker(intro.group("who"))):
        return name  # "Jane Roe — political scientist, Kazan Federal University:" over her quote
    if (source := _SOURCE_LINE.match(masked)) and _person(name := _clean_speaker(source.group("who"))):
        # "Source: Umerov on Telegram" over a news site's "Quote: ..." block
        return (_full_of(name, texts, {} if fulls is None else fulls) if len(name.split()) == 1 else "") or name
    here = [m for m in mentions if m[0] == pi and _person(m[2])]
    if here:
        return here[-1][2]
    if (he := _PRONOUN_SUBJECT.search(masked)) is None:
        return ""
    for m in reversed(list(_NAMES.finditer(masked, 0, he.start()))):
        name = _clean_speaker(m.group(0))
        if _person(name) and not _after_place(masked, m.start()):
            # (not a place: "We walked together as far as via Jan Roe. He told me ...")
            name = name if len(name.split()) >= 2 else _full_of(name, texts, {} if fulls is None else fulls)
            if name:
                return name
    return _who("he", (pi, he.start()), mentions)
