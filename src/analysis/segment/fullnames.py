"""Full names for short ones: the full name an article gave a surname ("Fidan" -> "Hakan Fidan"), a
first name ("Nina" -> "Nina Roe") or a nickname ("Janie" -> "Jane Roe"), searched in its narration."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from analysis.segment.names import _PARTICLES, _clean_speaker, _last_named, _person
from analysis.segment.patterns import _ALIAS_CUE, _BEFORE_SURNAME, _CAP, _KIN_NAME, _NAME, _NAMES_AFTER, _OWN_KIN, _PATRONYMIC

#: A second surname after the first, as Spanish names have: "Marcela Roe| Vega," (then punctuation or lower case).
_SECOND_SURNAME = re.compile(rf"\s+{_CAP}(?=,|\.\s|\s+\(|\s+[a-z])")
_PARTICLE_TAIL = re.compile(rf"(?:\s+(?:{'|'.join(sorted(_PARTICLES))}))+\s+{_CAP}")


def _full_of(surname: str, texts: Sequence[str], fulls: dict[str, str]) -> str:
    """The full name ("Hakan Fidan") the article's narration ``texts`` gave a surname ("Fidan")
    anywhere before, else "" (``fulls`` caches surname -> full name, searched only on demand; a name
    not found is searched again once the article has more paragraphs: it may give the full name later)."""
    unfound = "\0" + surname  # (-> the number of paragraphs searched without finding it)
    if not fulls.get(surname) and fulls.get(unfound) != str(len(texts)):
        fulls[surname] = ""
        for text in texts:
            at = text.find(surname)
            while at >= 0 and not fulls[surname]:
                if not text[at + len(surname):at + len(surname) + 1].isalnum():
                    before = _BEFORE_SURNAME.search(text, max(0, at - 80), at)
                    if before and re.search(r"\bcall(?:s|ed)\s+$", text[max(0, before.start() - 10):before.start()]):
                        before = None  # ("Everyone calls Roe Sashko": a nickname after the surname, no first name)
                    # "Lula da Silva"; "Marcela Tapia Vega," (a second surname, as Spanish names have)
                    tail = _PARTICLE_TAIL.match(text, at + len(surname)) or _SECOND_SURNAME.match(text, at + len(surname))
                    name = _clean_speaker(before.group(0) + surname + (tail.group(0) if tail else "")) if before else ""
                    if len(name.split()) >= 2 and _person(name) and any(
                            w == surname or w.endswith("-" + surname) for w in name.split()[1:]):
                        fulls[surname] = name
                at = text.find(surname, at + 1)
            if fulls[surname]:
                break
        fulls[surname] = fulls[surname] or _alias_of(surname, texts)
        if not fulls[surname]:
            fulls[unfound] = str(len(texts))
    return fulls.get(surname, "")


#: A name opening a sentence before its verb: "Jane Roe has driven ..." (whom the "him" of "calls him X" after it means).
#: (also after an age: "Roe, 68, is a whaling captain")
_OPENING_SUBJECT = re.compile(rf"(?:^|(?<=[.!?]\s))(?P<name>{_NAME})(?:,\s+\d{{1,3}},)?\s+"
                              r"(?=(?:has|had|is|was|[a-z]+s|[a-z]+ed)\b)")
#: The real name given after a nickname ("a man whom everybody calls Mzee Moto, Old Man Fire. ... His real name is Jane Roe").
_REAL_NAME = re.compile(rf"\b(?:[Hh]is|[Hh]er|whose)\s+(?:(?:real|full|actual|given)\s+)?name\s+(?:is|was)\s+(?P<full>{_NAME})")


def _may_alias(text: str) -> bool:
    """Whether `text` holds a word every `_ALIAS_CUE` match holds ("known", "nicknamed" or "call"): where it
    holds none, the pattern is not tried (the same answer; it ran over every paragraph for every speaker)."""
    return "call" in text or "known" in text or "nicknamed" in text


def _nickname_of(word: str, texts: Sequence[str]) -> str:
    """The full name of the person the narration ``texts`` gives the nickname ``word`` ("Jane Roe, known
    as Janie", "everyone calls her Janie", "Jane Roe, whom everybody at the rank calls Janie": the person
    named last before it; "a man whom everybody calls Mzee Moto [, Old Man Fire] ... His real name is Jane
    Roe": the real name given within 400 characters after it or in the next three paragraphs), else ""."""
    # (the paragraphs where the word follows what the alias pattern cannot match without: the pattern, compiled
    # for each word, is compiled only for a word so introduced)
    for text in texts:  # ("Jane Roe, Aunty Jay to three generations of children", "Jane Roe (Jay)": in apposition)
        if (f", {word} to " in text or f" ({word})" in text) and re.fullmatch(rf"{_CAP}(?:\s+{_CAP})*", word) and (m := re.search(
                rf"(?P<full>{_NAME})(?:,\s+{re.escape(word)}\s+to\s|\s+\({re.escape(word)}\))", text)) and \
                not m.group("full").isupper() and len(name := _clean_speaker(m.group("full")).split()) >= 2 and \
                _person(" ".join(name)):  # (not a dateline's "PLACE (Example district)")
            return " ".join(name)
    cued = [i for i, text in enumerate(texts)
            if word in text and _may_alias(text) and any(word in text[c.end():c.end() + 80] for c in _ALIAS_CUE.finditer(text))]
    if cued:
        w = re.escape(word)
        alias = re.compile(rf"(?P<full>{_NAME})(?:,\s+\d{{1,3}})?,?\s+(?:(?:also|better|widely)\s+)?"
                           rf"(?:known\b[^.;,]{{0,40}}?\bas|nicknamed)\s+"  # (and "Jan Roe, 46, known to everyone as Sandy")
                           rf"[\"“'‘]?{w}\b"
                           rf"|\b(?:call(?:s|ed)?\s+(?:him|her)|(?:[Ww]hom|[Ee]veryone|[Ee]verybody)\s+(?:[\w-]+\s+){{0,6}}call(?:s|ed)?"
                           rf"(?:\s+(?P<named>{_CAP}))?)\s+(?:simply\s+|just\s+)?"  # ("Everyone on the boat calls Roe
                           # Sashko": Roe's nickname; "whom everyone calls simply Uncle Jan")
                           # (a nickname after another, "Bobo-Pochta, Grandfather Post", in marks: « Papa Example »)
                           rf"(?:[\"“'‘«]?\s?[\w-]+\s?[\"”'’»]?,\s+)?(?:the\s+)?[\"“'‘«]?\s?{w}\b")  # ("calls the parrinu")
        for i in cued:
            if m := alias.search(text := texts[i]):
                real = None if m.group("full") else _REAL_NAME.search(text, m.end(), m.end() + 400) or next(
                    (r for t in texts[i + 1:i + 4] if (r := _REAL_NAME.search(t))), None)
                # ("Jane Roe has driven a minibus between X and Y. Everyone calls her Janie": the subject before it)
                # (a surname alone, as the article named the person in full before: "Roe, 68, is ... calls him Bud")
                opener = [full for o in _OPENING_SUBJECT.finditer(text, 0, m.start())
                          if len((full := o.group("name")).split()) >= 2
                          or (full := _full_of(_clean_speaker(o.group("name")), texts[:i + 1], {}))]
                name = (_clean_speaker((real or m).group("full")) if real or m.group("full")
                        else named if m.group("named") and (named := _full_of(m.group("named"), texts, {}))
                        else _clean_speaker(opener[-1]) if opener and m.group(0)[:1] in "Cc"
                        else _last_named([text], m.start()))
                if len(name.split()) == 1 and m.group("full"):  # ("Roe, known across the island as Kin": Roe named in full)
                    name = _full_of(name, texts[:i + 1], {}) or name
                if len(name.split()) >= 2 and _person(name) and name != word:
                    return name
    return ""


#: Kin words a family or a neighbourhood puts before a first name: "Uncle Jan", "Auntie Jana".
_KIN_TITLE = re.compile(r"(?:Uncle|Aunt|Auntie|Grandpa|Grandma|Granny|Grandfather|Grandmother)\s+(?P<first>\S+)")


def _kin_titled(name: str, texts: Sequence[str]) -> str:
    """The one full name the narration ``texts`` gives the first name after a kin word ("Uncle Jan" after "my
    uncle, Jan Roe,": Jan Roe), else ""."""
    if not (m := _KIN_TITLE.fullmatch(name)):
        return ""
    firsts = _names_starting(m.group("first"), texts)
    return firsts.pop() if len(firsts) == 1 else ""


def _alias_of(word: str, texts: Sequence[str]) -> str:
    """The full name a one-word name that is no surname stands for: a nickname the narration ``texts``
    gives ("Jane Roe, known as Janie", "everyone calls her Janie": the person named last before it),
    else the first name of the one full name that starts with it ("Nina" -> "Nina Roe"); else ""."""
    if nickname := _nickname_of(word, texts):
        return nickname
    firsts = _names_starting(word, texts)
    return firsts.pop() if len(firsts) == 1 else ""


def _known_as(speaker: str, texts: Sequence[str]) -> str:
    """The full name a two-word speaker that is a nickname ("Mzee Moto": `_nickname_of`) or a first name
    and patronymic ("Nina Fyodorovna": `_patronymic_of`), or a one-word nickname ("parrinu", "Kin"),
    stands for in the narration ``texts``, else ""."""
    if len(speaker.split()) == 1:  # (or a nickname in lower case: "whom everyone calls the parrinu")
        # (not initials: "PS", an interviewer's label for "Paul Sample (PS)", stays as written)
        return _kin_named(speaker, texts) or (_nickname_of(speaker, texts) if not speaker.isupper() else "")
    return (_nickname_of(speaker, texts) or _patronymic_of(speaker, texts)) if len(speaker.split()) == 2 else ""


#: Words a family calls its relatives by: "Pa always said" is what "my father" said.
_INFORMAL_KIN = {**dict.fromkeys(("pa", "papa", "dad", "daddy"), "father"),
                 **dict.fromkeys(("mum", "mom", "mama", "mummy"), "mother"),
                 "grandpa": "grandfather", "grandma": "grandmother", "granny": "grandmother"}


def _kin_named(speaker: str, texts: Sequence[str]) -> str:
    """The name the narration ``texts`` gave the author's relative that a capitalised kin word stands for
    ("Mother used to say" after "My mother, Jane Roe, was a conductor": Jane Roe), else ""."""
    kin = _INFORMAL_KIN.get(speaker.lower(), speaker.lower())  # ("Pa always said": my father)
    if not speaker[:1].isupper() or not re.fullmatch(_OWN_KIN, kin):
        return ""
    return _kin_name(kin, ("my", "our"), texts)


def _kin_name(kin: str, owners: Sequence[str], texts: Sequence[str]) -> str:
    """The name the narration ``texts`` first gives a relative ``kin`` of one of ``owners`` ("my grandfather
    Tserenjav", "My grandfather, Jan Roe,": Jan Roe for "grandfather" of "my"), else "".

    Parameters
    ----------
    kin : the kin word, lower case ("mother").
    owners : the possessives that may own it, lower case ("my", "our").
    texts : the narration of the paragraphs read so far.

    Returns
    -------
    str
        The relative's name, or "".
    """
    return next((name for owner, word, name in _relatives(texts) if word == kin and owner in owners), "")


def _relatives(texts: Sequence[str]) -> list[tuple[str, str, str]]:
    """(owner in lower case, kin word, name) of each relative the narration ``texts`` names ("my grandfather
    Tserenjav", "her son Mathieu", "Roe's daughter Loretta"), in order."""
    return [(k.group("owner").lower(), k.group("kin"), _clean_speaker(k.group("name")))
            for t in texts for k in _KIN_NAME.finditer(t)]


def _child_named(kin: re.Match[str], texts: Sequence[str], fulls: dict[str, str]) -> str:
    """The full name of a son or daughter a `_KIN_NAME` match ``kin`` names by first name after a parent's surname
    ("Roe's daughter Loretta" after "Jan Roe": Loretta Roe), the parent's surname added; else the name as written."""
    name, owner = _clean_speaker(kin.group("name")), kin.group("owner")
    if kin.group("kin") in ("son", "daughter") and " " not in name and owner[-2:-1] in "'’" and \
            _full_of(surname := owner[:-2], texts, fulls):
        return f"{name} {surname}"
    return name


#: A parent named as a sentence's subject before "her son" or "his daughter": "Jane Roe keeps the photograph of her son".
_PARENT_OF = {parent: re.compile(rf"(?:^|(?<=[.!?…]\s)|(?<=[A-Z]\.\s))(?P<name>{_NAME})\s+[a-z][^.!?]{{0,120}}?\b{own}\s+"
                                 r"(?:son|daughter|children|grandson|granddaughter)\b")
              for parent, own in (("mother", "her"), ("father", "his"))}


def _parent_named(phrase: str, texts: Sequence[str]) -> str:
    """The person a "his mother" or "her father" ``phrase`` means: the one the narration ``texts`` last made the
    subject of a sentence about "her son" ("Jane Roe keeps the photograph of her son on the sideboard. ... — ..., —
    his mother repeats."), in full; else ""."""
    kin = phrase.split()[-1].lower()
    if kin not in _PARENT_OF:
        return ""
    found = [_clean_speaker(m.group("name")) for t in texts for m in _PARENT_OF[kin].finditer(t)]
    found = [n for n in found if len(n.split()) >= 2 and _person(n)]
    return found[-1] if found else ""


#: A person the narration names after quoting them unnamed: "This is Jane Roe, the head of the centre.", "He is Jan Roe, 58,".
_IDENTIFIED = {pronoun: re.compile(rf"(?:^|(?<=[.!?…]\s))(?:This|{pronoun})\s+is\s+(?P<name>{_NAME})(?=[,.])")
               for pronoun in ("He", "She")}


def _identified_later(speaker: str, texts: Sequence[str]) -> str:
    """The name of an unnamed man or woman a quote was given to ("a woman in a white coat", "a man in the bed by the
    window", "a tall young man in a football scarf"), when the narration ``texts`` later says who they are ("This is
    Jane Roe, the head of the centre", "He is Jan Roe, 58"), the first such name; else ""."""
    # (the noun before what describes them: "man in the bed", "tall young man in a football scarf")
    head = (re.split(r"\s+(?:in|at|with|from|by|on|near|who)\s", speaker.lower(), maxsplit=1)[0].split() or [""])[-1]
    if head not in ("man", "woman") or _person(speaker):
        return ""
    rx = _IDENTIFIED["He" if head == "man" else "She"]
    found = [n for t in texts for m in rx.finditer(t) if len((n := _clean_speaker(m.group("name"))).split()) >= 2 and _person(n)]
    return found[0] if found else ""


def _patronymic_of(name: str, texts: Sequence[str]) -> str:
    """The full name a first name and Russian patronymic (`_PATRONYMIC`: "Nina Fyodorovna") stands for: the one other full name
    the narration ``texts`` gives with that first name ("Nina Roe, 59"), else ""."""
    words = name.split()
    if len(words) != 2 or not _PATRONYMIC.fullmatch(words[1]):
        return ""
    others = _names_starting(words[0], texts) - {name}
    return others.pop() if len(others) == 1 else ""


def _names_starting(word: str, texts: Sequence[str]) -> set[str]:
    """The full names (two words or more) the narration ``texts`` gives that start with the first name ``word``."""
    # (a name that lower case or punctuation ends, never title case: "Example Dismisses Ceasefire: ...")
    # (a surname may open with a particle: "Majed al-Ansari")
    # (the word, then the names after it: one pattern for every word, as compiling one per word cost most
    # of the time of the quote gold sets' measurement)
    firsts = set()
    for text in texts:
        at, end = text.find(word), 0
        while at >= 0:
            before = text[at - 1] if at else " "
            if at >= end and not (before.isalnum() or before in "_'’") and (tail := _NAMES_AFTER.match(text, at + len(word))):
                end = tail.end()
                if len((name := _clean_speaker(text[at:end])).split()) >= 2 and name.split()[0] == word and _person(name):
                    firsts.add(name)
            at = text.find(word, at + 1)
    return firsts


#: A pronoun's or an unnamed role's attribution right after a quote: '"...," she says', '"...," says the old man'.
_PRONOUN_AFTER = re.compile(r"[\s,.!?…\"”»’]*(?:she|he|(?:says|said|asks|asked)\s+the\s+(?:[a-z]+\s+)?[a-z]+(?=[\s,.]))")
#: A paragraph that opens by naming someone as its subject: "Jane Roe is 77.", "Jan Roe, 16, has lived ...", "He is Jan
#: Roe, 83, known as ...", "His name is Jan Roe, he is 58".
_OPENS_WITH_NAME = re.compile(rf"\s*(?:(?:He|She)\s+is\s+|(?:His|Her)\s+name\s+is\s+)?(?P<name>{_NAME})(?:,\s+\d{{1,3}},)?"
                              r"(?:\s+(?:is|was|has|had|lives|lived|works|worked|known)\b|,\s+(?:he|she)\s+is\b)")


def _named_after_lede(quotes: list, paragraphs: Sequence[str]) -> list:
    """A feature's opening: its first quote (after a headline's) given to "she", "he" or "the old man" in the first
    paragraph after the headline and byline lines (none over 25 words), and the next paragraph opening with a full
    name ('"...," she says.' then "Jane Roe is 77.", "He is Jan Roe, 83, ..."): the quotes of that paragraph that have
    the first one's speaker get the name."""
    if not quotes:
        return quotes
    first = min(quotes, key=lambda q: (q.paragraph_index == 0 and len(quotes) > 1, q.paragraph_index, q.start))
    pi = first.paragraph_index
    if first.kind != "direct" or pi + 1 >= len(paragraphs) or any(len(p.split()) > 25 for p in paragraphs[:pi]) or \
            not _PRONOUN_AFTER.match(paragraphs[pi], first.end) or not (m := _OPENS_WITH_NAME.match(paragraphs[pi + 1])):
        return quotes
    name = _clean_speaker(m.group("name"))
    if len(name.split()) < 2 or not _person(name) or name == first.speaker:
        return quotes
    return [replace(q, speaker=name) if q.paragraph_index == pi and q.speaker == first.speaker else q for q in quotes]


def _not_a_relative(seen: str, surname: str, texts: Sequence[str], fulls: dict[str, str]) -> str:
    """The full name ``seen`` last given a ``surname``, unless the narration ``texts`` names that person as someone's
    relative ("His wife, Svitlana Roe, ...") and first named another with the surname ("Andriy Roe steered ..."):
    then that other, whom a bare "Roe" means."""
    if " " not in seen or (first := _full_of(surname, texts, fulls)) in ("", seen):
        return seen
    return first if seen in {name for _, _, name in _relatives(texts)} else seen


def _named_as(name: str, texts: Sequence[str]) -> str:
    """The person a two-word ``name`` stands for: a nickname's ("El Profe"), a titled relative's ("Uncle Jan"); else ""."""
    return _nickname_of(name, texts) or _kin_titled(name, texts)
