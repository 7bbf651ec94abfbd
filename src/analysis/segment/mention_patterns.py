"""Narration that names a person a later pronoun or role may mean: "His real name is Jane Roe", "I spoke with
Jane Roe", "read out by Jane Roe", "Jane Roe from X has", "Among them is Jane Roe, who", "the call sign Shtil",
a live blog's "Roe: ..." and "Jane Roe, who ..., sees". `attribution._subject_mentions` collects their names."""

from __future__ import annotations

import re
from functools import lru_cache

from analysis.segment.patterns import _CAP, _NAME
from analysis.segment.roles import _role_noun

#: A person named late, after a nickname or a description: "His real name is Jane Roe", "Her name is Jane Roe".
_NAME_IS = re.compile(rf"\b(?:His|Her)\s+(?:real\s+|full\s+)?name\s+is\s+(?P<name>{_NAME})")
#: A person who gave only a first name: "The owner of a café, who introduced herself only as Jana, says ...".
_INTRODUCED_AS = re.compile(rf"\bintroduced\s+(?:himself|herself)\s+(?:only\s+)?as\s+(?P<name>{_CAP})")
#: Someone the author met or reached: "I wrote to Jane Roe, who ...", "We reached Jane Roe by phone", "I went back to Roe".
_MET_NAME = re.compile(rf"\b(?:I|We)\s+(?:[a-z]+\s+){{0,4}}?(?:(?:spoke|speak|talked|talk|met)\s+(?:[\w-]+\s+){{0,3}}?"
                       rf"(?:with|to)|"
                       rf"wrote\s+to|went\s+back\s+to|returned\s+to|called|phoned|rang|visited|reached|contacted)\s+(?P<name>{_NAME})")
#: The agent of a passive: "The statement was read out by the Minister of X, Jane Roe." (the "he" that follows).
#: (also before an apposition: "The news was followed with particular attention by Jan Roe, a paediatrician ...")
_BY_NAME = re.compile(rf"\b(?:was|were)\s+(?:[a-z]+\s+){{1,4}}?by\s+(?:the\s+)?(?:[\w'’-]+\s+){{0,8}}?(?:{_NAME},\s+)?"
                      rf"(?P<name>{_NAME})(?=\s*[.;]|\s*$|,\s+(?:an?|the|who)\s)")
#: A person and where they are from, opening a sentence: "Jane Roe from the X district has", "My aunt Jane Roe in
#: Y still keeps".
_LOCATED_SUBJECT = re.compile(rf"(?:^|(?<=[.!?…]\s))(?:(?:My|Our)\s+)?(?P<name>{_CAP}(?:\s+{_CAP})+)\s+(?:from|in)\s+(?:the\s+)?"
                              r"[\w'’-]+(?:\s+[\w'’-]+){0,6}?(?=,|\s+(?:still\s+)?(?:has|had|is|was|[a-z]+s)\b)")
#: A person a sentence introduces after its verb, at its end or before an apposition: "Among Kim's drivers is
#: Jane Roe, who moved ...", "One of them is Jane Roe, 47, who ...", "The first in line was Jan Roe." (the "he says" that
#: follows).
# (also "He is Jan Roe, 83, known to everyone as ...": a name with an age; "One of them is likely to be Jane Roe, who")
_INVERTED_SUBJECT = re.compile(rf"\b(?:is|was)\s+(?:(?:likely|expected|set|due)\s+to\s+be\s+|also\s+|probably\s+)?"
                               rf"(?P<name>{_CAP}(?:\s+{_CAP})+)"
                               r"(?=,\s+(?:\d{1,3},\s+)?(?:who|a|an|the)\s|,\s+\d{1,3},|\.?\s*$)")
#: A call sign that names someone the article leaves unnamed: "An instructor, who uses the call sign Shtil, puts it
#: simply." (the "he says" that follows is Shtil's).
_CALL_SIGN = re.compile(rf"\b(?:call\s+sign|callsign|nom\s+de\s+guerre)\s+[«\"“]?(?P<name>{_CAP})")
#: A name and a colon opening a paragraph of more than one sentence, as a live blog's entry says who said what:
#: "Umerov: the delegation is leaving the session. «...», the head of the delegation wrote." (whom the role after
#: it means; not a headline's place, "Nouakchott: signing of ...", nor "Quote:" or "Source:").
_OPENING_LABEL = re.compile(rf"\A\s*(?!(?:Quotes?|Source|Update)\b)(?P<name>{_NAME}):\s+(?=[a-z«\"“„])(?=[^\n]*?[.!?…»\"”]\s+\S)")
#: A person opening a sentence with a long "who" clause before the verb: "Jane Roe, who negotiated for ... and today
#: teaches at the Central American University (UCA), sees in it an echo" (the "she" of what follows).
_WHO_SUBJECT = re.compile(rf"(?:^|(?<=[.!?…]\s))(?P<name>{_CAP}(?:\s+{_CAP})+),\s+who\s[^.!?;:\"“”«»]{{1,300}}?,\s+"
                          r"(?:[a-z]+ly\s+)?(?=(?:has|had|is|was|[a-z]+ed|[a-z]+s)\b)")
#: A person named after a description that opens the sentence, before its verb: "The chairman of the cooperative,
#: Jane Roe, does not see this as a problem.", "His partner Jan Roe is sure that ...", "Her nephew, the hunter Jan Roe,
#: is 52." (the "he" that follows).
#: (a description, no clause: "The President recalled that ... the Tashkent Declaration, signed", "The delegation headed
#: by Minister Jane Roe remains" name no subject)
_DESCRIBED_SUBJECT = re.compile(rf"(?:(?:^|(?<=[.!?…]\s))(?:The|An?|His|Her|Its|Their|Our|My)\s+|(?<=,\s)(?P<low>the)\s+)"
                                rf"(?:(?!that\b|[a-z]+ed\b)[\w'’-]+,?\s+){{0,6}}?"
                                # (the description ends with a noun or "of the": not "The first crew change on the Amber
                                # Cove could")
                                rf"(?!(?:that|an?|of|on|in|at|to|for|from|with|by)\b|[a-z]+ed\b)"
                                r"(?<!\bon\s)(?<!\bin\s)(?<!\bat\s)(?<!\bto\s)(?<!\bby\s)(?<!\bfor\s)(?<!\bfrom\s)(?<!\bwith\s)"
                                rf"[a-z][\w'’-]*"
                                # (after a comma, no apposition closes: not "Jane Roe, whose husband, the mechanic Jan Roe, is")
                                rf"(?:,\s+|\s+)(?P<name>{_CAP}(?:\s+{_CAP})+)(?(low)|,?)\s+(?:[a-z]+ly\s+)?"
                                r"(?=(?:has|had|is|was|does|did|will|would|can|could|[a-z]+ed|[a-z]+s)\b)")
#: A person a sentence introduces as there being, described and then named before a "who": "There is a Ukrainian
#: woman in our neighbourhood, Dona Jana, who came in 2022 ..." (the "she told me" that follows).
_THERE_IS = re.compile(rf"\bThere\s+(?:is|was|lives|lived)\s+(?:an?|one)\s+[^.!?,;:]{{1,80}},\s+"
                       rf"(?P<name>{_CAP}(?:\s+{_CAP}){{0,3}}),\s+who\b")
#: A person whose view a sentence gives, opening it: "For Roe, the numbers matter less than ..." (the "she said" that
#: follows); without the comma, before "the", "this", "that" or "it": "For Jan Roe the line that matters runs ...".
_FOR_NAME = re.compile(rf"(?:^|(?<=[.!?…]\s))For\s+(?P<name>{_CAP}(?:\s+{_CAP}){{0,2}}(?=,\s)"
                       rf"|{_CAP}(?:\s+{_CAP}){{0,2}}(?=\s+(?:the|this|that|it)\s))")
#: A person whose story a sentence opens with: "Dmitry's family story runs the other way." (the "he says" that follows).
_STORY_OF = re.compile(rf"(?:^|(?<=[.!?…]\s))(?P<name>{_NAME})['’]s\s+(?:own\s+)?(?:family\s+)?"
                       r"(?:story|family|life|journey|case)\b")
#: A person a narration question asks about: "What did Jana think, when it did?", "How does Jane Roe see it?" (the "she
#: says" that follows answers it).
_ASKED_ABOUT = re.compile(rf"(?:^|(?<=[.!?…]\s))(?:What|How|Why)\s+(?:did|does|do|would|will)\s+(?P<name>{_NAME})"
                          r"\s+[a-z][^.!?]*\?")

# Screens: text each pattern's every match holds, looked for first (a pattern that starts at any
# capital or word boundary is tried at every character; most paragraphs hold none of these words).
_SCREENED = ((_MET_NAME, re.compile(r"(?:I|We)\s").search), (_LOCATED_SUBJECT, re.compile(r"\s(?:from|in)\s").search),
             (_BY_NAME, lambda text: "by" in text),
             (_DESCRIBED_SUBJECT, re.compile(r"(?:The|An?|His|Her|Its|Their|Our|My|, the)\s").search),
             (_FOR_NAME, lambda text: "For" in text))
_KIN_WORD = re.compile("father|mother|son|daughter|brother|sister|uncle|aunt|wife|husband|nephew|niece")
_LED_WORD = re.compile(r"(?:By|At|On|In|Since|After|Before|Until)\s")


@lru_cache(maxsize=1)
def _described_unnamed() -> re.Pattern[str]:
    """A person the narration introduces unnamed, by a role noun and a description in apposition, as a sentence's
    subject before a verb in the past: "A Ukrainian journalist, a woman about my age, was filming the crowd." (the
    "she said" that follows; not "A prisoner released last year told her", a participle)."""
    return re.compile(rf"(?:^|(?<=[.!?…]\s))(?P<name>An?\s+(?:[\w'’-]+\s+){{0,2}}?(?i:{_role_noun().pattern})),\s+"
                      r"[^,.!?;:]{1,80},\s+(?:was|had|[a-z]+ed)\b")
