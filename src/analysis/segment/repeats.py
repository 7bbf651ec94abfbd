"""A quote's speaker from its repetition: a headline's quote, or a few words quoted as a paragraph of their own, that
the body quotes again and attributes (read by `quotes`)."""

from __future__ import annotations

import re
from dataclasses import replace

from analysis.segment.names import _person, _role_heads

#: Kinds of `quotes.Quote` whose words are someone else's, quoted (the quotation layer of a sentence).
QUOTED_KINDS = ("direct", "dash", "interview", "question", "partial")


def _unsure(speaker: str) -> bool:
    """A speaker no surer than a repetition: no one, not a person, or a role as a label ("Analyst: '...'")."""
    return not speaker or not _person(speaker) or (" " not in speaker and speaker.lower() in _role_heads())


def _repeated(quotes: list, alone: set[int] = frozenset(), interviewee: str = "") -> list:
    """A quote with no speaker (or a role's label, or a quote that is a whole paragraph of its own: ``alone``)
    whose words the article quotes again with one (a headline's quote, repeated in the body): that speaker; a
    headline's quote in an interview of one ``interviewee`` that the body does not repeat: the interviewee's."""
    # (and a few words quoted as all of a paragraph, "17 h 20 | « It is done »", or opening the headline, "«Finally
    # something normal»: ...", that the body gives a speaker)
    # (also a quote of an institution, "Kremlin: '...'", that the body gives its person: "... said Peskov")
    unsettled = {n for n, q in enumerate(quotes)
                 if ((_unsure(q.speaker) or not q.paragraph_index or n in alone) and q.kind in ("direct", "partial"))
                 or (q.kind == "scare" and (n in alone or (not q.paragraph_index and q.start <= 1)))}
    if not unsettled:
        return quotes
    # (case and punctuation aside: a headline capitalises what the body says mid-sentence, "«A pilot»" / "this is
    # a pilot", and joins its sentences, "..., even if" / "... . Even if")
    def bare(text: str) -> str:
        return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())

    # (not an interviewer's question that repeats the answer: "You said the hardest question is the simplest one.")
    said = [(n, bare(q.text), q.speaker) for n, q in enumerate(quotes)
            if q.speaker and q.kind in QUOTED_KINDS and q.kind != "question"]
    out = []
    for n, q in enumerate(quotes):
        words = bare(q.text)
        # (a word or two quoted in a headline, "Mayor 'honoured'", only where the body quotes the same words alone)
        if n in unsettled and (len(words.split()) >= 3 or (q.kind == "partial" and words)):
            # (a headline's own lead-in, "Place prepares for X: "..."", is no surer than the body)
            speakers = {speaker for k, text, speaker in said if k != n and (words in text if len(words.split()) >= 3
                                                                            else words == text)
                        and (not q.speaker or _person(speaker))}
            # (a headline's quote in an interview given to a role, "'...': Ukraine's deputy foreign minister", too)
            if len(speakers) == 1 or (not speakers and _unsure(q.speaker) and not q.paragraph_index and interviewee
                                      and q.kind != "scare"):
                q = replace(q, speaker=speakers.pop() if speakers else interviewee,
                            kind="direct" if q.kind == "scare" else q.kind)
        out.append(q)
    return out
