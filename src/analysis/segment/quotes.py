"""The quotes of one article with their speakers and kinds.

Direct, dash and interview speech, partial and scare quotes, and reported speech ("Lavrov said
that ..."), found with rules for the quoting styles of English-language news and of translated
Russian/Ukrainian/Polish press.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from analysis.segment.attribution import (
    _QUOTE_LEAD,
    _SUBJECT,
    _context_speaker,
    _lead,
    _named_first,
    _named_next,
    _person_of,
    _subject_mentions,
    _subject_speaker,
    _who,
)
from analysis.segment.candidates import (
    _blank,
    _Cand,
    _dash_candidates,
    _first_sentence,
    _headline_singles,
    _headline_speaker,
    _inside_sentence,
    _mark_candidates,
    _nested,
    _runs_on,
    _single_quote_style,
    _straight_doubles,
    signed_next,
)
from analysis.segment.clauses import (
    _AND_THAT,
    _CLAUSE_STOP,
    _FINITE,
    _THAT,
    _bare_clause,
    _group_attributions,
    _verbless,
)
from analysis.segment.fullnames import _full_of, _identified_later, _known_as, _named_after_lede
from analysis.segment.interviews import _PLAIN_LABEL, _interviewer_label, interview_turns
from analysis.segment.labelling import _SO_CALLED, _entry_start, _headline_label, _labelled_in
from analysis.segment.names import (
    _after_place,
    _clean_speaker,
    _full_name,
    _head,
    _is_name,
    _person,
    _role_heads,
    full_speakers,
    named_later,
)
from analysis.segment.patterns import (
    _CLOCK,
    _DATELINE,
    _HE_SHE,
    _LABELLING,
    _MARKS,
    _NAME,
    _NOUN_VERBS,
    _PASSIVE_BY,
    _ROLE_SUBJECT,
    _SPOKE_WITH,
    _STAMPED,
    _UNNAMED_ASIDE,
    _attribution_before,
    _attributions,
    _finditer,
    _patterns,
    _search,
    _unnamed_subject,
    forget_attributions,
)
from analysis.segment.places import _Places
from analysis.segment.repeats import QUOTED_KINDS, _repeated
from analysis.segment.roles import _role_mentions
from analysis.segment.sentences import _strip, sentence_spans
from analysis.segment.tokens import count_tokens


@dataclass(frozen=True)
class Quote:
    """Quoted or reported words: ``text == paragraphs[paragraph_index][start:end]`` (marks excluded).

    ``kind``: ``direct`` (in quotation marks), ``dash`` (dash-introduced speech), ``interview``
    (an interviewee's answer after a speaker label), ``question`` (an interviewer's turn),
    ``partial`` (a few quoted words inside an attributed sentence), ``scare`` (quoted words no one
    is said to have said) or ``indirect`` (reported speech: "Lavrov said that ...").
    """

    paragraph_index: int
    start: int
    end: int
    text: str
    speaker: str
    kind: str = "direct"


__all__ = ["QUOTED_KINDS", "VOICE_KINDS", "Quote", "find_quotes"]  # (QUOTED_KINDS: defined in `repeats`, read here too)

#: Kinds that give a speaker a voice (for who-is-quoted counts): all but scare quotes and questions.
VOICE_KINDS = ("direct", "dash", "interview", "partial", "indirect")


_MIN_QUOTE_WORDS = 4


def find_quotes(paragraphs: list[str], *, min_words: int = _MIN_QUOTE_WORDS, short: bool = False,
                reported: bool = False) -> list[Quote]:
    """Quotes of one article, in order, each with its speaker ("" when the text does not say) and kind.

    Quotes shorter than ``min_words`` words are skipped, or with ``short`` kept as ``partial``
    (an attribution stands in their sentence) or ``scare`` quotes; with ``reported``, reported
    speech ("Lavrov said on Friday that ...", "according to X, ...") is found too, as ``indirect``.
    Speaker labels at the start of paragraphs (an interview: "Q:", "Lavrov:", "SP:") make
    ``question`` and ``interview`` turns when at least two paragraphs carry one. A quote
    without its own attribution takes the speaker of: the quote it continues (unclosed in the
    previous paragraph, or closed here with no opening mark), else an earlier quote in the same
    paragraph, else the last attribution ("Lavrov told reporters") earlier in the paragraph,
    else - for a paragraph opening with a quote - the last quote of the previous paragraph, skipping
    interview-label lines. Pronouns resolve to the latest person mentioned before them.

    Parameters
    ----------
    paragraphs : the article's paragraphs, in order.
    min_words : shortest quote kept as a quote of its own, in word tokens.
    short : keep shorter quoted words, as ``partial`` or ``scare`` quotes.
    reported : find reported speech too, as ``indirect``.

    Returns
    -------
    list of Quote
        Ordered by paragraph, then offset.
    """
    return _find_quotes(paragraphs, [sentence_spans(par) for par in paragraphs], min_words, short, reported)


def _find_quotes(paragraphs: list[str], paragraph_spans: list[list[tuple[int, int]]], min_words: int,
                 short: bool = False, reported: bool = False,
                 turns: dict[int, tuple[int, str, str]] | None = None) -> list[Quote]:
    """`find_quotes`, given the sentence spans of each paragraph (by the default splitter) and,
    if the caller has them, the paragraphs' `interview_turns`."""
    forget_attributions()  # (a new article: what the last one's texts matched is not wanted)
    # (doubled apostrophes, ”Swedish”, British style, headlines in single marks: searched as double marks, offsets kept)
    searched = _straight_doubles(paragraphs) or paragraphs
    british = _single_quote_style(searched)
    british = _headline_singles(searched) if british is None else british
    found = _find_marked_quotes(searched if british is None else british, paragraph_spans, min_words, short, reported,
                                turns if british is None else None)
    if british is None and searched is paragraphs:
        return found
    return [replace(q, text=paragraphs[q.paragraph_index][q.start:q.end]) for q in found]


def _mention(mentions: list[tuple[int, int, str]], where: tuple[int, int], speaker: str) -> None:
    """Add the person a partial quote is attributed to at ``where`` to ``mentions`` (kept in order):
    'X described the offer as "bold". ... "...," she said' - the one quoted is whom "she" means."""
    if _person(speaker) and where not in {m[:2] for m in mentions}:
        mentions.append((*where, speaker))
        mentions.sort(key=lambda m: m[:2])


def _find_marked_quotes(paragraphs: list[str], paragraph_spans: list[list[tuple[int, int]]], min_words: int,
                        short: bool = False, reported: bool = False,
                        turns: dict[int, tuple[int, str, str]] | None = None) -> list[Quote]:
    """`_find_quotes` on paragraphs whose quotation marks are double ones (`turns`: their
    `interview_turns`, found here if None)."""
    quotes: list[Quote] = []
    mentions: list[tuple[int, int, str]] = []  # (paragraph, offset, speaker) in reading order
    roles: list[tuple[int, int, str, str, str]] = []
    fulls: dict[str, str] = {}  # surname -> the full name the article used
    texts: list[str] = []  # the narration of the paragraphs read so far
    gists: list[tuple[Quote, bool]] = []  # "Lavrov: Moscow will not ...": a headline's gist (and whether timed), kept if named
    turns = interview_turns(paragraphs) if turns is None else turns
    last_speaker, carry, prev_open, after_question = "", "", False, False
    places = _Places("\n".join(paragraphs))  # (to tell a place from a person: "in Lerwick")
    for pi, (par, spans) in enumerate(zip(paragraphs, paragraph_spans)):
        if pi in turns:
            start, label, kind = turns[pi]
            speaker = label if kind == "question" else _full_name(label, mentions)
            end = _strip(par, start, len(par))[1] - (2 if par[start - 2:start] in ("**", "__") else 0)  # (bold's close)
            if par[start:end].startswith(("\"", "“")) and par[end - 1:end] in ("\"", "”"):
                start, end = _strip(par, start + 1, end - 1)
            quotes.append(Quote(pi, start, end, par[start:end], speaker, kind))
            if kind == "interview" and speaker:
                mentions.append((pi, 0, speaker))
            last_speaker, carry, prev_open, after_question = speaker, carry, False, kind == "question"
            continue
        long_enough = lambda c, par=par: count_tokens(par[c.start : c.end]) >= min_words  # noqa: E731
        found = _mark_candidates(par)
        marks = [c for c in found if long_enough(c)]
        shorts = [c for c in found if c.kind == "pair" and not long_enough(c)
                  and not all(w[:1].isupper() for w in par[c.start:c.end].split())] if short else []  # not names
        dashes = [c for c in _dash_candidates(par, spans, marks) if long_enough(c)]
        if dashes and (marks or shorts):  # (quotes nested in dash speech are its words, no quotes of their own)
            marks, shorts = [[c for c in cs if not any(_nested(c, d) for d in dashes)] for cs in (marks, shorts)]
        cands = sorted(marks + dashes, key=lambda c: c.start)
        # quoted words blanked, so attributions and mentions are searched in the narration only
        masked = _blank(par, cands)
        here = _role_mentions(pi, masked)
        roles += here
        # "The opposition spokesman, Tom Example, accused ...": a person named with a role as a
        # sentence's subject is whom a following "he said" means
        mentions += [(pi, r[1], r[3]) for r in here if _person(r[3]) and _ROLE_SUBJECT.search(masked, max(0, r[1] - 60), r[1])]
        texts.append(masked)
        unnamed = []  # (match, phrase) of subjects that name no person: roles, resolved after the subjects
        for m in _attributions(masked):
            if m.groupdict().get("verb") in _NOUN_VERBS and (_FINITE.match(masked, m.end() + 1) or re.search(
                    r"\b(?:several|many|other|all|both|some|these|those|few)\s+$", masked[:m.start("subj")])):
                continue  # ("that African states were accepted", "several Indian Ocean states": a noun, no verb)
            if masked.startswith(" to ", m.end()) and re.search(r"\b(?:is|was|are|were)\s+\S+$", masked[m.start():m.end()]):
                continue  # ("where Hippocrates is said to have taught": hearsay about someone, not their words)
            subj = m.group("subj")
            if ", " in subj and _after_place(masked, m.start("subj")):
                subj = subj.split(", ", 1)[1]  # ("In Durban, the minister Jane Roe reads out": not the place)
            name = _person_of(masked, m.start("subj"), _clean_speaker(subj), subj)
            if re.fullmatch(rf"\s*(?i:the)\s+{_NAME}\s*", subj) and name == re.sub(r"^\s*(?i:the)\s+", "", subj).strip():
                continue  # "the Baltic states", "the Kremlin said": no person is named with "the" (but "the
                # Presidential Office Jane Roe said": the person after the institution's name)
            if _is_name(name):
                if len(name.split()) == 1 and _person(name):
                    name = _full_of(name, texts, fulls) or _named_first(name, (pi, m.start("subj")), mentions) or name
                mentions.append((pi, m.start("subj"), name))
            else:
                unnamed.append((m, name))
        # (sentence subjects before roles: "X offered a different account. "...," the Kremlin aide said" is X)
        mentions += [m for m in _subject_mentions(pi, masked, mentions, texts, fulls) if m[2] not in places]
        mentions += [(pi, m.start("who"), name) for m in _SPOKE_WITH.finditer(masked)
                     if _person(name := _clean_speaker(m.group("who")))]
        mentions.sort(key=lambda m: m[:2])
        if "A " in masked or "An " in masked or "One " in masked or "Another " in masked or " by " in masked:
            # "A Republican senator who speaks to the president often said ...": an unnamed source whose
            # description runs on past its role noun, which the attribution patterns do not take whole
            # (and "This was told to the paper by a source in the delegation")
            unnamed += [(m, name) for m in [*_unnamed_subject().finditer(masked), *_UNNAMED_ASIDE.finditer(masked),
                                            *_PASSIVE_BY.finditer(masked)]
                        if (pi, m.start("subj")) not in {x[:2] for x in mentions}
                        and not any(u.start("subj") == m.start("subj") for u, _ in unnamed)
                        and _head(name := _clean_speaker(m.group("subj"))) in _role_heads()]
        for m, name in unnamed:
            if _head(name) in _role_heads():
                if re.match(r"\s*(?i:the)\b", m.group("subj")):  # "the Kremlin aide noted": who that is
                    name = _who(m.group("subj"), (pi, m.start("subj")), mentions, roles)
                    if _is_name(name):
                        mentions.append((pi, m.start("subj"), name))
                else:  # an unnamed source: "a senior official said"
                    mentions.append((pi, m.start("subj"), name))
        mentions.sort(key=lambda m: m[:2])
        para_speaker, any_quote, prev_end = "", False, 0
        for c in cands:
            phrase, at = (c.speaker, c.at) if c.speaker else _context_speaker(masked, spans, c)
            if c.kind == "label":
                kind = "question" if _interviewer_label(phrase) else "interview"
                quotes.append(Quote(pi, c.start, c.end, par[c.start : c.end], phrase, kind))
                after_question = kind == "question"
                continue
            speaker = _who(phrase, (pi, at), mentions, roles, texts, fulls)
            speaker = "" if " " not in speaker and speaker in places else speaker  # ("'...': Lerwick remembers")
            first = c is cands[0] and (not par[: c.start].strip(" \t\n-–—•▪●◦\"“„«")  # (behind a dash or a bullet)
                                       or bool(c.lo >= 0 and _QUOTE_LEAD.fullmatch(par[: c.lo])))  # ('Quote: "..."')
            # ('"..." / – Jane Roe, Minister of Foreign Affairs': signed in the next paragraph)
            if not speaker and first and c.kind == "pair" and pi + 1 < len(paragraphs) and \
                    (signed := signed_next(paragraphs[pi + 1])) and not par[c.end + 1:].strip(" .,\"”»"):
                speaker = _who(signed.group("subj"), (pi + 1, signed.start("subj")), mentions, roles, texts, fulls)
            if not speaker:
                if c.kind == "close" or (first and prev_open):
                    speaker = last_speaker
                elif c.kind == "pair" and (lab := _labelled_in(pi, masked, spans, c, mentions, roles, texts, fulls)) is not None:
                    # ("The delegation asked for a pause. Jane Roe, Ukraine's envoy, called the decree "a ban"": Roe, named
                    # as its subject by the quote's own sentence, not the last attribution before it; a so-called quote: no one)
                    speaker = lab
                elif c.kind == "pair" and not _inside_sentence(par, spans, c) and \
                        (named := _named_next(masked, c))[0]:  # '"..." That was how X put it.'
                    phrase, at = named
                    speaker = _who(phrase, (pi, at), mentions, roles, texts, fulls)
                elif para_speaker and not (c.kind == "pair" and _inside_sentence(par, spans, c)) and (subject := [
                        m for m in mentions if m[0] == pi and prev_end <= m[1] < c.start and _person(m[2])]):
                    speaker = subject[-1][2]  # '"...?" X asked him. Y smiled. "..."': Y, named since the last quote
                elif para_speaker:
                    speaker = para_speaker
                elif before := [sc for sc in shorts if sc.hi < c.start and par[sc.hi - 1:sc.hi] in ",!?…"
                                and not _inside_sentence(par, spans, sc)]:
                    # '"Sequencing is everything," said X. "If you ...': the short quote's attribution
                    phrase, at = _context_speaker(masked, spans, before[-1])
                    speaker = _who(phrase, (pi, at), mentions, roles, texts, fulls) if phrase else ""
                elif earlier := _attributions(masked[: c.start]):
                    speaker = _who(earlier[-1].group("subj"), (pi, earlier[-1].start("subj")), mentions)
                elif not (c.kind == "pair" and _inside_sentence(par, spans, c)) and \
                        (subject := [m for m in mentions if m[0] == pi and m[1] < c.start and _person(m[2])]):
                    speaker = subject[-1][2]  # "Tusk summed up the day in four words. "...""
                elif not (c.kind == "pair" and _inside_sentence(par, spans, c)) and \
                        (pronoun := list(_HE_SHE.finditer(masked, 0, c.start))):
                    # 'Asked whether ..., he did not hesitate. "..."': whom the pronoun means
                    speaker = _who("he", (pi, pronoun[-1].start()), mentions)
                elif first:
                    speaker = carry
            kind = "dash" if c.kind == "dash" else "interview" if after_question and first else \
                "partial" if c.kind == "pair" and _inside_sentence(par, spans, c) else "direct"
            quotes.append(Quote(pi, c.start, c.end, par[c.start : c.end], speaker, kind))
            if speaker:  # (the quote's speaker replaces what was guessed at its attribution)
                where = (pi, at if at >= 0 else c.start)
                mentions[:] = [m for m in mentions if m[:2] != where] + [(*where, speaker)]
            para_speaker = speaker or para_speaker
            prev_end = c.end
            last_speaker, any_quote = speaker, True
        short_speaker = ""
        for c in shorts + [c for c in cands if c.kind == "pair" and _inside_sentence(par, spans, c)]:
            if c in cands:  # a longer quote inside the author's sentence: settle its speaker the same way
                q = next((q for q in reversed(quotes) if q.paragraph_index == pi and q.start == c.start), None)
                if q is None or q.speaker:
                    continue
            s0, e0 = next(((a, e) for a, e in spans if a <= c.start < e), (0, len(par)))
            said = _attributions(masked[s0:e0]) or list(_LABELLING.finditer(masked[s0:e0]))
            scare = _SO_CALLED.search(par, max(0, c.lo - 30), c.lo)
            if c in cands:
                if said and not scare:
                    m = _attribution_before(said, c.start - s0)
                    speaker = _who(m.group("subj"), (pi, s0 + m.start("subj")), mentions, roles, texts, fulls)
                    at = quotes.index(q)
                    quotes[at] = Quote(q.paragraph_index, q.start, q.end, q.text, speaker, q.kind)
                    _mention(mentions, (pi, s0 + m.start("subj")), speaker)
                continue
            if not scare and not _inside_sentence(par, spans, c):
                # a short quote that is a sentence of its own: '"Nothing is agreed," said X.' / '... he
                # said. "That is all."' - direct speech of the attribution after it, else of the paragraph's speaker
                # (or a headline's "'It is done': Roe reads the statement")
                phrase, at = _context_speaker(masked, spans, c) if par[c.hi - 1:c.hi] in ",!?…" or \
                    par[c.hi + 1:c.hi + 2] in ",!?" or _headline_speaker(masked, c.hi + 1) else ("", -1)
                speaker = _who(phrase, (pi, at), mentions, roles, texts, fulls) if phrase else para_speaker or short_speaker
                short_speaker = speaker or short_speaker  # ('"Nothing yet," she said. "Maybe tomorrow."')
                if speaker:
                    quotes.append(Quote(pi, c.start, c.end, par[c.start : c.end], speaker, "direct"))
                    continue
            if said and not scare:
                m = _attribution_before(said, c.start - s0)
                speaker = _who(m.group("subj"), (pi, s0 + m.start("subj")), mentions, roles, texts, fulls)
                quotes.append(Quote(pi, c.start, c.end, par[c.start : c.end], speaker, "partial"))
                _mention(mentions, (pi, s0 + m.start("subj")), speaker)
            elif not scare and (label := _headline_label(par, c.lo)):  # "Zelensky: Ukraine ready to sign 'tomorrow'"
                quotes.append(Quote(pi, c.start, c.end, par[c.start : c.end], _full_name(label, mentions), "partial"))
            else:
                quotes.append(Quote(pi, c.start, c.end, par[c.start : c.end], "", "scare"))
        if reported:
            quotes += _reported_speech(pi, par, masked, spans, cands, mentions, roles)
            # "Lavrov: Moscow will not accept ..." (a headline's gist; no transcript label)
            # (and a live blog's timed entry heading: "18:40 Rautio: monitors can start in six weeks")
            k = _entry_start(par)
            if not cands and not _MARKS.search(par) and (label := _headline_label(par[k:])):
                a, b = _strip(par, k + _PLAIN_LABEL.match(par[k:]).end(), len(par))
                while b > a and par[b - 1] in ".;!?…":
                    b -= 1
                if len(par[a:b].split()) >= 2:  # (and whether a time opened it)
                    gists.append((Quote(pi, a, b, par[a:b], label, "indirect"), k > 0))
        # (a narration paragraph that names no one, "Here are the key passages of the speech.", hands on
        # whom the one before it handed on)
        carry = last_speaker if any_quote else carry if cands else _lead(pi, masked, mentions, roles, texts, fulls) or (
            carry if not any(m[0] == pi for m in mentions) and not _HE_SHE.search(masked) else "")
        prev_open = bool(cands) and cands[-1].kind == "open"
        asked_here = any(c.kind == "label" and _interviewer_label(c.speaker) for c in cands)
        after_question = asked_here or (after_question and not any_quote)
    # a headline's gist counts when the label names someone the article names elsewhere ("Lavrov: ...", and
    # Lavrov speaks in the body), not a heading's "Live Coverage:", "Publication:", "By:"
    # (a timed entry's full name, "15:20 Jane Roe: ...", counts too: a live blog names a speaker so)
    for q, timed in gists:
        named = [m[2] for m in mentions if m[0] != q.paragraph_index and m[2].split()[-1] == q.speaker.split()[-1]]
        if named or (timed and len(q.speaker.split()) >= 2 and _person(q.speaker)):
            # (the fullest name; of equally long ones the latest, whatever the hash seed)
            quotes.append(replace(q, speaker=max([q.speaker, *reversed(named)], key=len)))
    # a quote that runs on into the next paragraph ('"... [no closing mark]' / '"...," said X.'): the speaker there
    firsts: dict[int, Quote] = {}
    for q in quotes:
        firsts.setdefault(q.paragraph_index, q)
    quotes = [replace(q, speaker=nxt.speaker) if q.kind == "direct" and (
        nxt := firsts.get(q.paragraph_index + 1)) and nxt.speaker and nxt.kind == "direct" and
        _runs_on(paragraphs, q.paragraph_index, q.start, q.end) else q for q in quotes]
    # a role named only later ('"...," the ambassador said. ... The host was Ambassador Jane Roe'), a nickname's real name
    later = {s: named_later(s, roles, texts) or _known_as(s, texts) or _identified_later(s, texts)  # (once a speaker)
             for s in {q.speaker for q in quotes}}
    quotes = [replace(q, speaker=later[q.speaker]) if later[q.speaker] and later[q.speaker] not in places
              else q for q in quotes]  # (not "the old man on the bench at Victoria Pier": a place, no name)
    quotes = _named_after_lede(quotes, paragraphs)  # ('"...," she says.' then "Jane Roe is 77.")
    people = {m[2] for m in mentions} | {r[3] for r in roles}  # ("Jane Roe": "Senator Jane Roe Example" before)
    quotes = full_speakers(quotes, people, texts)  # (and "the ministry said": the Ministry of Foreign Affairs named before)
    alone = {n for n, q in enumerate(quotes) if not paragraphs[q.paragraph_index][q.end:].strip(" \"“”'‘’«».!?") and (
        not (before := paragraphs[q.paragraph_index][:q.start].strip(" \"“”'‘’«»")) or _STAMPED.fullmatch(before)
        or re.fullmatch(rf"(?:{_CLOCK}|\d{{1,2}}\s?h\s?\d\d)\s*[|—–-]?", before))}
    # (a quote that is all its paragraph, or all a live blog's timed heading after its label or time, "17:10 X: '...'",
    # "17 h 20 | « ... »")
    answering = {speaker for _, speaker, kind in turns.values() if kind == "interview" and speaker}
    return sorted(_repeated(quotes, alone, answering.pop() if len(answering) == 1 else ""),
                  key=lambda q: (q.paragraph_index, q.start, q.end))


def _reported_speech(pi: int, par: str, masked: str, spans: Sequence[tuple[int, int]], cands: Sequence[_Cand],
                     mentions: list[tuple[int, int, str]], roles: Sequence[tuple[int, int, str, str, str]]) -> list[Quote]:
    """Reported speech in the narration of one paragraph: a subject and speech verb with a
    that-clause or "as saying" ("Peskov said on Friday that ..."), "according to X, ..." and
    "..., according to X." Each clause runs to the end of its sentence."""
    out: list[Quote] = []
    p = _patterns()
    done = 0
    for s0, e0 in spans:
        sentence = masked[s0:e0]
        if not sentence.strip() or any(c.start <= s0 and e0 <= c.end for c in cands):
            continue
        has_verb = p["verb"].search(sentence) is not None
        if not has_verb and _search("lead", sentence) is None and _search("opinion", sentence) is None:
            continue  # no speech verb and no "according to": nothing reported here
        coordinated = list(_finditer("also", sentence)) if has_verb else []
        said = [*_attributions(sentence), *coordinated]
        for m in sorted([*said, *(_group_attributions(sentence, said) if has_verb else ())], key=lambda m: m.start()):
            if s0 + m.start() < done:
                continue  # inside the clause found before
            subj = m.group("subj")
            if m.re is p["also"]:  # "Umerov confirmed the exchange and said ...": the sentence's subject speaks
                subject = next(iter(_SUBJECT.finditer(sentence[: m.start()])), None)
                subj = subject.group("name") if subject else ""
                if not subj:
                    continue
            if m.re is p["lead"] or m.re is p["opinion"]:  # according to X / in his opinion
                if sentence[m.start():m.start("subj")].rstrip().lower().endswith(" by"):
                    continue  # ("The position was expressed by X": a passive's subject, no reported clause)
                before = sentence[: m.start()].rstrip(" ,;")
                after = sentence[m.end():]
                if before.strip() and (not after.strip(" .;!?") or ("," not in after and len(after.split()) <= 6)):
                    a, b = s0, s0 + len(before)
                elif not before.strip() and after.lstrip().startswith(","):
                    a, b = s0 + m.end() + after.index(",") + 1, e0
                else:
                    continue
            elif m.re is p["quoted"]:  # quoted X as saying (that)
                clause = re.compile(r"(?:\s+that)?\s+(?=\S)").match(sentence, m.end())
                if not clause:
                    continue
                a, b = s0 + clause.end(), e0
            else:
                clause = _THAT.match(sentence, m.end())
                if clause and _FINITE.search(sentence, m.end(), clause.start() + len(clause.group(0).rstrip())
                                             - len(clause.group(0).rstrip().split()[-1])):
                    clause = None  # "said Kyiv would not accept any arrangement that ...": the clause starts earlier
                if not clause:
                    clause = _bare_clause(sentence, m.end(), m.group("verb").lower())
                if not clause:
                    continue
                a, b = s0 + clause.end(), e0
                stop = _CLAUSE_STOP.search(sentence, clause.end())
                if stop:
                    b = s0 + stop.start()
            speaker = None
            while True:
                a, b = _strip(par, a, b)
                while b > a and par[b - 1] in ".;!?…":
                    b -= 1
                if not (len(par[a:b].split()) < 3 or _MARKS.search(par, a, b) or par[a:a + 1] in "\"“«„" or _verbless(par, a, b)):
                    # (a clause holding quoted words: those words carry it, a partial or direct quote)
                    if speaker is None:  # ("Jane Roe of [the Example Authority, who ...,] told": the person)
                        speaker = _subject_speaker(masked, s0 + max(m.start("subj"), 0), subj, pi, mentions, roles)
                    out.append(Quote(pi, a, b, par[a:b], speaker, "indirect"))
                    done = b
                more = _AND_THAT.match(par, b) if m.re is not p["lead"] else None
                if not more:
                    break
                a = more.end()
                stop = _CLAUSE_STOP.search(masked, a, s0 + len(sentence))
                b = stop.start() if stop else s0 + len(sentence)
        if done <= s0 and not _MARKS.search(par, s0, e0):  # "Clause, Sybiha has stated.": the attribution ends it
            tail = [t for rx in (p["tail_sv"], p["tail_vs"]) if (t := rx.search(sentence))]
            t = min(tail, key=lambda t: t.start(), default=None)
            lead = _DATELINE.match(sentence)
            a = s0 + (lead.end() if lead else 0)
            if t and s0 + t.start() > a and _FINITE.search(sentence, a - s0, t.start()) \
                    and len(sentence[t.end():].split()) <= 9 and not re.search(r"\bthat\b|,", sentence[t.end():]) \
                    and par[a:a + 1] not in "'‘" and not any(c.start < s0 + t.start() and c.end > a for c in cands) \
                    and not (t.group("verb") in _NOUN_VERBS and sentence[t.end():].strip(" .!?…")):
                # (the attribution runs to the sentence's end, "the Baltic states and Finland" is none; no
                # quoted paragraph, nor a clause a quote found here overlaps: "— ..., — X told Example.ru.")
                a, b = _strip(par, a, s0 + t.start())
                if len(par[a:b].split()) >= 4:
                    subj = _first_sentence(t.group("subj")) if t.re is p["tail_vs"] else t.group("subj")
                    speaker = _who(subj, (pi, s0 + t.start("subj")), mentions, roles)
                    out.append(Quote(pi, a, b, par[a:b], speaker, "indirect"))
                    if _person(speaker):  # ("..., reported the mayor Jane Roe." / '"...," he wrote.': Roe)
                        _mention(mentions, (pi, s0 + t.start("subj")), speaker)
    return out
