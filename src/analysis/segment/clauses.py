"""Reported clauses: where the words a speech verb reports begin and end ("Peskov said on Friday that ...",
"told reporters the Kremlin had ...", "..., and that ..."), read by `quotes`' reported-speech finder."""

from __future__ import annotations

import re
from functools import lru_cache

from analysis.segment.lists import clause_verbs, group_nouns

#: Auxiliaries and modals that open a clause's verb ("did", "does" and "do" aside: `_AUXILIARIES`).
_AUX = "is|are|was|were|had|has|have|would|will|could|can|should|must|might|may"
_THAT = re.compile(r"(?:\s+(?!that\b)[\w'’,-]+){0,8}?(?<!\bso)(?<!\bsuch)\s+(?:that|as saying(?:\s+that)?)\s+(?=\S)")
#: Finite verbs and auxiliaries: a reported clause without "that" ("said Kyiv would not ...") needs one.
_FINITE = re.compile(r"\b(?:is|are|was|were|had|has|have|would|will|could|cannot|can|should|must|might|may|did|does|do|"
                     r"remained|remains|wanted|wants|needed|needs|planned|plans|intended|stood|stands|saw|sees|"
                     r"expected|expects|believed|believes|hoped|hopes|agreed|failed|lasted|ended|began|left|"
                     r"launched|received|prepared|considered|considers|opposed|supported|demanded|"
                     r"refused|refuses|rejected|rejects|accepted|accepts|signed|insisted|insists)\b")
#: A reported clause without "that" ("said two mines had been found"; not "told me about her museum").
_BARE_CLAUSE = re.compile(
    r"(?:\s+(?:reporters|journalists|me|us|him|her|them|the\s+(?:press|media|parliament|newspaper|paper|magazine|broadcaster|website|portal|outlet|agency|channel|council|assembly)|"
    r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}))?"  # told reporters / told Reuters
    r"(?:\s+(?:on|in|at|during|after|late|earlier|later|this|last)\s+[\w'’-]+(?:\s+[\w'’-]+)?)?,?"  # on Friday
    r"\s+(?=(?:the|a|an|(?:it|this)(?!\s+(?:in|to|for|when|at|on|with|so|because|as|and|every|again)\b)|he|she|they|we|there|its|his|her|their|[A-Z][\w'’-]*|[0-9][\d,.]*\s+[a-z]|"
    r"two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands|some|several|many|most|all|both|"
    r"no|more|fewer|nearly|almost|about(?!\s+(?:her|his|its|their|the|my|our|it|him|them|what|how|why)\b)|around|only)\b)")
#: Where a reported clause stops: a coordinated clause of the reporting sentence begins.
#: "... and that B" / "..., but that B": a second reported clause of the same reporting verb.
_AND_THAT = re.compile(r",?\s+(?:and|but)\s+that\s+(?=\S)")
_CLAUSE_STOP = re.compile(r",?\s+(?:while|whereas|although|though|adding|saying|as\s+(?:[A-Z]|the|he|she|they))\b|"
                          # (the reporting subject goes on: "..., calling them «...»", "..., and she hoped ..."; not
                          # "..., and they would ...", a second clause of what was reported)
                          r",\s+(?:calling|describing|noting|citing|stressing|insisting|arguing|warning|rejecting|accusing|"
                          r"dismissing|urging|referring|pointing|promising|vowing|praising|criticising|criticizing)\b|"
                          # (another speaker's clause: "..., and Russia's chief negotiator, Jan Roe, said after ...")
                          r",\s+and\s+(?=[^.;:\"“”«»]{0,100}?\s(?:said|says|told)\s)|"
                          rf",\s+and\s+(?:he|she|they)\s+(?!(?:{_AUX}|did|does|do)\b)|"
                          # ("... would welcome British forces but could not ...": without a comma, a
                          # "but" before a modal or auxiliary goes on with the reported clause's subject)
                          r",\s+but\b|\s+but\b(?!\s+(?:could|would|will|can|should|must|might|may|was|were|is|are|"
                          r"had|has|have|did|does|do)\b)|"
                          r",?\s+and\s+that\b|"
                          r",?\s+and\s+(?:also\s+)?(?:said|says|added|adds|gave|called|urged|warned|warns|insisted|"
                          r"insists|stressed|noted|argued|claimed|demanded|told|stated|states|reaffirmed|reiterated|"
                          r"announced|explained|emphasi[sz]ed|underlined|confirmed|acknowledged|expressed)\b|"
                          # "..., and has proposed instead ...": the reporting sentence's subject goes on
                          r",\s+and\s+(?:has|have|had)\s+(?:also\s+|since\s+|repeatedly\s+)?[a-z]+ed\b|"
                          r";\s|\s+--\s|\s+[—–]\s")


#: Prepositions that, before the auxiliary, show that what follows a verb taking an object ("announced") is that
#: object, not a clause: "announced the agreement signed in Ankara, which was welcomed".
_PREPOSITIONS = frozenset("about in on at after before during with by to from into".split())
_AUXILIARIES = frozenset([*_AUX.split("|"), "did", "does", "do"])

#: A clause opening with a bare noun before its auxiliary: "said foreign specialists could ...", "insisted
#: verification was not ...", "explained large metal objects were ..." (no preposition, relative or conjunction first).
_LOOSE_CLAUSE = re.compile(rf"(?:\s+(?:me|us|him|her|them|reporters|journalists))?,?\s+(?=(?:[a-z][\w'’-]*\s+){{1,5}}"
                           rf"(?:{_AUX})\b)")
_NOT_SUBJECT = _PREPOSITIONS | frozenset("that to who whom what which how why whether if when where not so and or but as "
                                         "than then also yet today yesterday tomorrow tonight".split())


def _loose_clause(sentence: str, end: int) -> re.Match[str] | None:
    """`_LOOSE_CLAUSE` at ``end`` when no word before the auxiliary is a preposition, relative or conjunction."""
    loose = _LOOSE_CLAUSE.match(sentence, end)
    if loose is None:
        return None
    words = sentence[loose.end():].split()[:6]
    # (the auxiliary may carry punctuation, "a line that is, in fact, faded": "is,")
    subject = words[:next((i for i, w in enumerate(words) if w.strip(",.;:!?…\"”’)") in _AUXILIARIES), len(words))]
    return None if _NOT_SUBJECT.intersection(subject) else loose


#: A verb-like word: a short reported clause has one ("recalled that episode last week, calling it ..." has none).
_VERBISH = re.compile(rf"{_FINITE.pattern}|\b[a-z]{{2,}}(?:ed|s)\b")


def _verbless(text: str, a: int, b: int) -> bool:
    """Whether the words ``text[a:b]`` after a "that", four or fewer, have no verb-like word (`_VERBISH`): no
    reported clause but an object ("recalled that episode last week")."""
    return text[max(0, a - 5):a] == "that " and len(text[a:b].split()) <= 4 and _VERBISH.search(text, a, b) is None


#: A clause's subject of up to six words, then a verb in the past tense: "the map of the canal now showed ...".
_PAST = re.compile(r"(?:[\w'’-]+\s+){1,6}?(?:[a-z]{3,}ed|showed|came|went|took|gave|made|found|knew|kept|held|became|"
                   r"brought|told|said|thought|felt|meant|understood)\b")

#: Words that make what follows a speech verb a time or a question, not a clause: "said on Tuesday when she opened".
_NOT_CLAUSE = re.compile(r"\b(?:when|why|how|what|where|whether|if|as|while|about|before|after|since|until)\b")


def _bare_clause(sentence: str, end: int, verb: str) -> re.Match[str] | None:
    """The start of a reported clause without "that" after speech verb ``verb`` ending at ``end`` of ``sentence``
    ("said two mines had been found", "told me she had not slept"), else None: a clause needs a finite verb within
    90 characters; after a verb that as often takes an object (marked "+object" in ``clause_verbs.txt``) an
    auxiliary within eight words and no preposition before it."""
    takes_object = clause_verbs().get(verb)
    if takes_object is None:
        return None
    bare = _BARE_CLAUSE.match(sentence, end) or _loose_clause(sentence, end)
    finite = bare and _FINITE.search(sentence, bare.end(), min(len(sentence), bare.end() + 90))
    if bare and not finite and not takes_object:  # ("said the map now showed 212 points": a past tense, no comma before)
        finite = _PAST.match(sentence, bare.end())
        if finite and _NOT_CLAUSE.search(sentence, end, finite.end()):  # ("said on Tuesday when she opened talks")
            return None
    if not finite or sentence[bare.end():bare.end() + 1] in "\"“«„":
        return None
    if not takes_object:
        return bare
    words = sentence[bare.end():finite.start()].split()
    return bare if len(words) <= 8 and _PREPOSITIONS.isdisjoint(words) and finite.group(0) in _AUXILIARIES else None


@lru_cache(maxsize=1)
def _group_subject() -> re.Pattern[str]:
    """A group opening a sentence or clause before a speech verb: "Ukrainian officials say", "Critics will say",
    "Experts in Rostov, who asked not to be named, told Example Daily" (`group_nouns`; the subject is the group
    without its place)."""
    nouns = "|".join(sorted(group_nouns(), key=len, reverse=True))
    return re.compile(rf"(?:^|(?<=[.!?…]\s)|(?<=,\s)|(?<=\bwhile\s)|(?<=\band\s))"
                      rf"(?P<subj>(?:[A-Z][\w'’-]*\s+){{0,2}}(?i:{nouns}))(?:\s+(?:in|from)\s+[A-Z][\w'’-]*)?"
                      r"(?:,\s+who\s[^,.;]{1,80},)?\s+(?:will\s+|also\s+|have\s+|had\s+)?"  # (not "would say": hypothetical)
                      r"(?P<verb>say|says|said|told|tell|believe|believed|warn|warned|insist|insisted|argue|argued|"
                      r"claim|claimed|note|noted|fear|feared|estimate|estimated|report|reported)\b")


def _group_attributions(sentence: str, found: list[re.Match[str]]) -> list[re.Match[str]]:
    """`_group_subject` matches in ``sentence`` whose verb no attribution in ``found`` ends with."""
    ends = {m.end() for m in found}
    return [m for m in _group_subject().finditer(sentence) if m.end() not in ends]
