"""The regular expressions quotes and speakers are found with.

Names, titles and roles, quotation marks, dashes and interview labels, and the attribution
phrases ("Lavrov said", "according to X") built on ``resources/speech_verbs.txt``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from analysis.segment.lists import institution_words, role_nouns, speech_verbs
from analysis.terms import alternation

_CONNECT = "of|de|da|dos|das|di|van|von|al|bin|binti|binte|bte|le|la|du|der|den|e"  # ("Nur Hafizah binti Abdul Latif")


_WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_STOP_CAP = (
    "The|A|An|And|But|Or|So|Yet|In|On|At|For|From|By|With|To|Of|It|Its|This|That|These|Those|"
    "There|Then|Thus|He|She|Him|Her|His|They|We|I|You|Our|Their|My|If|When|While|As|After|Before|"
    "Since|Meanwhile|Moreover|However|Also|Still|Although|Though|Despite|During|Earlier|Later|Now|"
    "According|Speaking|What|Who|Why|How|Where|Which|Instead|Notably|Nothing|Both|Some|Many|Most|"
    # (prepositions of title case: "President Example Aboard Air Force One")
    "Aboard|Amid|Among|Against|Across|Into|Inside|Outside|Toward|Towards|Upon|Via|Without|Between|Until|"
    # (days, never a name: "in Barbados on Thursday, says Minister ..."; nor "Today Jan has three passengers")
    "Today|Tonight|Yesterday|Tomorrow|"
    f"{_WEEKDAYS}"
)
_STOP_LOW = (
    "that|which|who|whom|whose|and|or|but|to|is|was|are|were|has|had|have|been|be|not|it|its|they|he|she|we|"
    "this|these|will|would|can|could|should|may|might|must|did|does|do|in|on|at|by|for|from|with|"
    "as|when|while|during|after|before|the|a|an|also|then|later|again|still|even|just|earlier"
)
# (with Latin Extended-A and Romanian capitals: "Țoiu", "Łukasz")
_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽȘȚА-ЯЁ"
# (?=[...]) first: the stop-word test then only runs where a capital stands; the stop words are
# tries of shared prefixes (`alternation`), tried at every capital and role word (same matches, faster)
_NOT_CAP = alternation(_STOP_CAP.split("|"))
_NOT_LOW = alternation(_STOP_LOW.split("|"))
#: Emoji and pictographs that open a Telegram post's line ("🇷🇺 Peskov — on ...:", "📌 Peskov, meanwhile, ...").
_EMOJI = r"[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\uFE0F\u200D]+\s*"
_CAP = rf"(?=[{_UPPER}])(?!(?:{_NOT_CAP})\b)[{_UPPER}][\w'’.-]*"
#: A particle joined to a surname by a hyphen: "al-" of "Majed al-Ansari".
_HYPHEN_PARTICLE = r"(?:al|el|ad|bin|ibn|abu)-"
_NAME = rf"(?<![\w'’]){_CAP}(?:\s+(?:(?:{_CONNECT})\s+){{0,2}}(?:{_HYPHEN_PARTICLE})?{_CAP})*"  # ("von der Leyen")
_TITLED = rf"{_NAME}(?:\s+(?=[a-z])(?!(?:{_NOT_LOW})\b)[a-z][\w-]*){{1,3}}\s+{_NAME}"  # Kremlin spokesman D. Peskov
# ("a senior U.S. official"; a word's final dot only where no sentence starts after it: "the Black Sea. She")
_ROLE_WORD = rf"(?!(?:{_NOT_LOW})\b)[\w'’-]+(?:\.[\w'’-]+)*(?:\.(?!\s+[{_UPPER}]))?"
# ("one senior EU diplomat", "his mother", "our correspondent")
_DET = r"(?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Oo]ur)"
_LOW_WORD = rf"(?!(?:{_NOT_LOW})\b)[a-z][\w'’-]*"  # ("of the delegation", not "of the dialogue and")
_ROLE_LAZY = rf"\b{_DET}\s+(?:{_ROLE_WORD}\s+){{0,4}}?{_ROLE_WORD}"
_ROLE_GREEDY = rf"\b{_DET}\s+{_ROLE_WORD}(?:\s+{_ROLE_WORD}){{0,4}}"
_PRON = r"\b(?i:he|she|him|her)\b"
# An unnamed source with where they are, after its verb: "said a portfolio manager at a London fund,",
# "wrote one user from Kharkiv under ...", "said a diplomat involved in the talks." (the phrase ends the
# clause, or its place is a name)
_UNNAMED_WHERE = (rf"\b(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+{_ROLE_WORD}(?:\s+{_ROLE_WORD}){{0,4}}\s+"
                  rf"(?:(?:in|at|from)\s+(?:the\s+)?{_NAME}(?![\w'’])"
                  rf"|(?:in|at|from|involved\s+in|close\s+to|familiar\s+with)\s+(?:(?:the|a|an)\s+)?"
                  rf"(?:[\w'’-]+\s+){{0,3}}[\w'’-]+(?=\s*[,.;]|\s*$))")
# (never past a sentence's end: "In Visaginas, near the border, ... close. Rūta V., who ..., said")
# (or a possessive's: ", Energoatom's director for cooperation,", ", Ukraine's First Deputy Minister of Justice,")
_APPOSITION = (rf"(?:,\s+(?=[a-z0-9]|[{_UPPER}][\w-]*['’]s\s)"  # ", a political scientist at X,", ", 19,", ", Ukraine's envoy,"
               rf"(?:[^,;:.!?]|[.!?](?!\s+[A-Z])){{1,200}}?){{1,3}},")
#: Someone's role, then the person's name in apposition: "Roe's colleague, the driver Jan," (not Roe), "her neighbour
#: on the landing, Jana Ivanovna." (not "her").
_POSSESSED_NAMED = (rf"(?:{_CAP}['’]s\s+(?:{_LOW_WORD}\s+){{0,2}}?{_LOW_WORD},\s+(?:the\s+)?(?:{_LOW_WORD}\s+){{0,3}}?"
                    rf"{_NAME}(?=[,.])|"
                    rf"(?-i:his|her|their|our|my)\s+(?:[a-z][\w'’-]*\s+){{0,4}}?[a-z][\w'’-]*,\s+(?:the\s+)?"
                    rf"(?:{_LOW_WORD}\s+){{0,3}}?{_NAME}(?=\.|\s*$|,\s+(?:who|an?|the)\s))")  # (not "her son, Jan, now 14,")
#: A relative clause without commas before the verb: "an official who followed the talks [put it]".
_WHO_BARE = r"\s+who\s[^\s,;:.!?\"“”«»]+\s(?:(?!\band\s)[^,;:.!?\"“”«»]){1,120}?"
#: An unnamed person from a place, with an age and a relative clause: "A woman from Fukuoka (34) who came to Jeju
#: on holiday said" (an indefinite determiner only: "the embassy in X who ..." is no one from X).
_FROM_WHO = (rf"\b(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:{_ROLE_WORD}\s+){{0,3}}?{_ROLE_WORD}\s+(?:in|at|from)\s+(?:the\s+)?{_NAME}"
             rf"(?:\s+\(\d{{1,3}}\))?{_WHO_BARE}")
#: Not a place after its preposition: "Jane Roe from Kamensk-Uralsky, whose ..., asked" (the subject is Roe).
_NOT_PLACE = r"(?<!\bfrom\s)(?<!\bnear\s)(?<!\bin\s)(?<!\bat\s)(?<!\bIn\s)(?<!\bAt\s)(?<!\bFrom\s)(?<!\bNear\s)"
#: A party or state tag after a name: "Jane Roe (National Alliance) told", "Sen. Jim Example (R-Idaho) said".
_TAG = r"(?:\s+\([^()\n]{1,40}\))?"
#: An institution's name after its first words, and where it is: "(the Centre) for Example Studies at Example Research in Bozen".
_INSTITUTION_REST = rf"(?:\s+(?:for|of|on|at|in)\s+(?:the\s+)?{_NAME}){{0,3}}"
#: A role's body and the person's name in apposition after it: "the head of the Russian delegation, deputy
#: foreign minister Jane Roe, said" (the body may be empty: "the minister, Jane Roe,").
_OF_BODY = r"(?:\s+of\s+the\s+(?:[\w'’-]+\s+){0,2}?[\w'’-]+)?"
_GAP = r"(?:\s+(?:has|have|had|was|is|also|then|later|again|once|further|still|even|just|first|long|already|[a-z]+ly)){0,3}"
#: `_GAP` beside a quote: also "would", of habitual speech ('"...," she would say'), not in narration ("Critics would say that").
_GAP_BY_QUOTE = _GAP.replace("|is|", "|is|would|")
_CLAUSE_END = (r"(?=\s*(?:[,.;:!?…]|$)|\s+(?:again|at\s+last|[a-z]{2,}ly)\s*[,.;:!?…]"  # ("says finally.", "smiles sadly.")
               r"|\s+(?:in|on|at|to|during|after|before|as|when|while|with|from|for)\b)")
_LEAD = r"[\s,;:—–-]*"
# "- X told journalists.", "- X concluded the meeting.", "- X told «Krasnaya Zvezda»." (an outlet in guillemets)
# (an outlet of up to three words: "- X told Business FM.")
_OBJECT = (r"(?:\s+(?:reporters|journalists|the\s+press|me|us|him|her|them|himself|herself|"  # ("— he asks himself. —")
           r"(?=[A-Z])[\w'’-]+(?:\s+[A-Z][\w'’-]*){0,2}|"
           r"(?:the|a|an|his|her|our|their|its)\s+(?:[a-z]+\s+)?[a-z]+"
           # ("- X told the correspondent of Example Vestnik.", a translation's object)
           r"(?:\s+of\s+(?:the\s+)?(?:«[^»]{1,40}»|[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}))?"
           r"|«[^»]{1,40}»))?")
#: An unnamed source a passive sentence names: "This was told to REN TV by a source in the delegation."
_PASSIVE_BY = re.compile(rf"\b(?:was|were|has\s+been|had\s+been)\s+(?:told|said|reported|stated|confirmed)\s+"
                         rf"(?:to\s+(?:[\w'’.-]+\s+){{1,3}}?)?by\s+(?P<subj>(?:a|an|one|another)\s+{_ROLE_WORD}(?:\s+{_ROLE_WORD}){{0,3}}?"
                         rf"(?:\s+(?:in|at|from|close\s+to)\s+(?:the\s+)?(?:[\w'’-]+\s+){{0,3}}?[\w'’-]+)?)(?=\s*[.,;]|\s*$)")
#: A live blog's time: "17:10", "21.14".
_CLOCK = r"\d{1,2}[:.]\d\d"
_MARKS = re.compile(r"[\"“”„«»]")
_LABEL = re.compile(r"^[ \t]*[\"“]([^\"“”\n]{1,60})[\"”][ \t]*:[ \t]*(.*)$", re.MULTILINE)
#: 'Putin: "..."', also after a live blog's time: '21:05 Putin: "..."', '【21:05】 Putin: "..."' (Japanese brackets).
#: (and where they wrote it: 'Zelensky on Telegram: "..."')
_NAME_COLON = re.compile(rf"\s*(?:[【\[(]?{_CLOCK}[】\])]?\s+(?:[|—–·•-]\s+)?)?({_NAME})"  # ("Roe on Telegram:", "Roe in Graz:",
                         rf"(?:\s+(?:on|in|at|from)\s+{_CAP}(?:\s+{_CAP})?|\s+\([^()]{{1,30}}\))?\s*:\s*")  # "Roe (in Moscow):")
_DASH = re.compile(r"(?:\A\s*|(?<=[.!?…\"”»])\s+)[-–—]\s+(?=\S)")


_NAMES = re.compile(rf"{_TITLED}|{_NAME}")

#: A news site's line naming the source of the quote block below it: "Source: Umerov on Telegram".
_SOURCE_LINE = re.compile(rf"\s*Source:\s+(?P<who>{_NAME})")
#: A news site's quote block: "Quote: ", "Quote from Umerov: ".
_QUOTE_LEAD = re.compile(r"\s*Quotes?(?:\s+from\s+(?P<who>[^:]{2,80}?))?\s*:\s*")
#: A sign-off after a closing mark: '"..." — Costa, at the end of the dinner.'
_SIGN_OFF = re.compile(rf"[ \t]*[—–-][ \t]*(?P<subj>{_TITLED}|{_NAME})[ \t]*(?=[,.(]|$)")


def first_letters(words: list[str] | tuple[str, ...]) -> str:
    """A lookahead on the first characters of `words`, to put before their alternation: the
    positions where none of them can start are passed over at once (same matches, faster); "" for
    no words. Compiled with the alternation's flags, it matches the same case variants.

    Parameters
    ----------
    words : the alternatives.

    Returns
    -------
    str
        ``(?=[...])``, or "".
    """
    first = "".join(sorted({re.escape(w[0]) for w in words if w}))
    return f"(?=[{first}])" if first else ""


#: Prepositions: the word after a lead-in's name that is no part of it ("read out by Jane Roe on Thursday").
_PREPOSITION = r"(?:on|in|at|of|for|to|from|with|by|after|before|during|over|since|until)"


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    """Attribution regexes built once from the speech-verb list: "sv" subject + verb ("Lavrov said",
    "Ivan Mezhuh, a scientist, said"); "lead" ("according to Colonel Matysiak"); "after_sv" and
    "after_vs" right after a closing mark ('," Peskov said', '," said Ned Price'); "dash_sv" and
    "dash_vs" ending a dash quote (", he adds." / " - he emphasizes", ", says a reserve colonel")."""
    entries = speech_verbs()
    leads = [e for e in entries if " " in e and e.split()[-1] in ("to", "by")]
    verbs = [e for e in entries if e not in leads]

    def alt(words: list[str]) -> str:  # longest first, as a trie of shared prefixes (faster, same matches)
        return alternation([" ".join(w.split()) for w in words], r"\s+") or "(?!)"

    verb = rf"\b(?P<verb>{alt(verbs)})\b"
    # ("Jane Roe of the Faculty of Political Science, Example University, observed": the university it belongs to)
    within = rf"(?:,\s+(?:{_CAP}\s+){{0,3}}(?i:{alt(sorted(institution_words()))}),)?"
    # (one role phrase, then its three continuations: each length of the role is tried with all
    # three before a longer one, so "the secretary of state said in April. Rubio said" is not one subject)
    # (every subject starts with a capital, a pronoun or a determiner: other words are passed over at once)
    # ("a source close to the Russian delegation said", "an official who followed the talks put it", "the head of
    # the delegation said")
    subject = (rf"(?=[{_UPPER}]|(?i:he|she|him|her|the|an?|one|another|his|its|their|our)\b)(?P<subj>{_PRON}|{_FROM_WHO}|"
          rf"{_ROLE_LAZY}(?:,\s+{_NAME},|{_OF_BODY},\s+(?:{_LOW_WORD}\s+){{0,4}}?{_NAME}(?:\s+from\s+{_NAME})?,|\s+of\s+the\s+(?:{_LOW_WORD}\s+){{0,2}}?{_LOW_WORD}|\s+(?:in|at|from|close\s+to)\s+(?:the\s+)?{_NAME}(?:\s+[a-z]+)?(?:{_APPOSITION})?|"
          rf"\s+(?:involved\s+in|familiar\s+with|close\s+to|briefed\s+on)\s+(?:the\s+)?(?:{_LOW_WORD}\s+){{0,2}}?{_LOW_WORD}|"
          rf"(?:,\s+who\s[^,;:]{{1,200}}?,|{_WHO_BARE})?)|{_TITLED}|"
          rf"(?<=,\s){_CAP}(?:\s+{_CAP}){{1,2}},|"  # "Ukraine's ambassador, Jane Roe, said"
          rf"{_NOT_PLACE}{_NAME}(?:\s+(?:from|to)\s+(?:the\s+)?{_NAME}(?:\s+of\s+the\s+{_NAME})?){{0,2}}{_TAG}(?:\s+of\s+the\s+{_NAME}{_INSTITUTION_REST}{_TAG}{within}(?:{_APPOSITION})?|{_APPOSITION})?)")
    sv, by_quote = (rf"{subject}{gap}\s+{verb}" for gap in (_GAP, _GAP_BY_QUOTE))  # (by_quote: right beside a quote)
    # ("said one resident, Jane Roe,": the name)
    # ("believes political scientist Jane Roe": a role noun without a determiner before the name)
    roles = alt(list(role_nouns()))
    bare_role = rf"(?:[a-z][\w'’-]*\s+){{0,2}}(?:{roles})\s+{_NAME}"
    # ("reported the head of the Regional Military Administration Jane Roe": the institution's name and the person's)
    # ('"...", explains to Adnkronos Jane Roe, researcher at X': the outlet addressed, then the speaker)
    # ("says the director of the depot, Jane Roe.": the role's body, then the name)
    vs = (rf"{verb}(?:\s+to\s+{_CAP}(?=\s+[{_UPPER}]))?\s+(?P<subj>{_POSSESSED_NAMED}|{_PRON}|{_ROLE_GREEDY}{_OF_BODY},\s+"
          rf"{_NAME}(?=[,.])|{_UNNAMED_WHERE}|"
          rf"{_ROLE_GREEDY}\s+of\s+the\s+{_NAME}|{_ROLE_GREEDY}|{_TITLED}|{bare_role}|{_CAP}(?:\s+{_CAP}){{0,2}}\s+of\s+the\s+{_NAME}|"
          rf"{_NAME}(?:,\s+or\s+rather\s+{_NAME})?)")  # ("says Lyosha, or rather Jan Roe,": the name that corrects)
    lead = rf"\b(?i:{alt(leads)})\s+(?P<subj>{_PRON}|{_ROLE_GREEDY}|{_TITLED}|{_NAME}(?:\s+(?!{_PREPOSITION}\b)[a-z]+)?)"
    sep = r"(?:,|\s[-–—])\s+"
    quoted = rf"\bquot(?:ed|es|ing)\s+(?P<subj>{_ROLE_LAZY},\s+{_NAME},|{_TITLED}|{_NAME}|{_ROLE_LAZY}|{_PRON})\s+as\s+saying"
    also = rf"(?:,\s+|\s+)and\s+(?:also\s+|later\s+|then\s+)?(?P<subj>){verb}"  # "... and said that": the sentence's subject
    opinion = r"\b(?i:in)\s+(?P<subj>his|her)\s+(?:opinion|words|view)(?=,)"  # "In his opinion, ..."
    # every subject starts a word (positions inside a word are passed over at once) with a capital, a pronoun or a determiner
    return {"sv": re.compile(rf"(?<!\w)(?:{sv})"), "verb": re.compile(verb), "lead": re.compile(lead),
            "quoted": re.compile(quoted), "verb_at": re.compile(rf"(?=\b({alt(verbs)})\b)"),  # (each speech verb's end)
            "tail_sv": re.compile(r",\s+" + sv), "tail_vs": re.compile(r",\s+" + vs),  # "..., Sybiha has stated."
            "opinion": re.compile(opinion), "also": re.compile(also), "after_sv": re.compile(_LEAD + by_quote),
            "after_vs": re.compile(_LEAD + vs), "dash_sv": re.compile(sep + by_quote + _OBJECT + _CLAUSE_END),
            "dash_vs": re.compile(sep + vs),
            # "- ..., - military correspondent Jane Roe, who ..., told the paper. -": a role without a determiner (roles joined
            # by "and"; two roles: "- military expert, reserve colonel Jane Roe told ...") before the name, after a dash only;
            # "dash_unnamed": "..., — a former engineer of a Rosatom plant who worked in Donetsk told Proekt.", an unnamed source
            "dash_bare": re.compile(rf"(?:,\s+[-–—]|,|\s[-–—])\s+(?P<subj>(?:[a-z][\w'’-]*\s+){{0,4}}"
                                    rf"(?:(?:{roles}),\s+(?:[a-z][\w'’-]*\s+){{0,3}})?(?:{roles})\s+{_NAME}(?:{_APPOSITION})?){_GAP}\s+{verb}{_OBJECT}{_CLAUSE_END}"),
            "dash_unnamed": re.compile(rf",\s+[-–—]\s+(?P<subj>(?:an?|one|another)\s[^.!?;:\"“”«»—–]{{1,160}}?){_GAP}\s+{verb}"
                                       rf"{_OBJECT}{_CLAUSE_END}")}


def _attributions(text: str) -> list[re.Match[str]]:
    """Subject + speech verb and lead-in ("according to X") matches in ``text``, in order (a new list:
    the caller may change it)."""
    return list(_attributions_of(text))


@lru_cache(maxsize=1024)
def _attributions_of(text: str) -> tuple[re.Match[str], ...]:
    """`_attributions`, kept for the texts read since the last `forget_attributions`: an article's
    quote finder asks again for a fifth of the texts (a sentence read for its quotes and for its
    reported speech; a paragraph read for its mentions and its lead). Forgotten at each article,
    as the benchmark corpus repeats paragraphs from article to article (see `terms._word_keys`)."""
    p = _patterns()
    # (an sv match ends where a speech verb ends: the text after the last one is not searched; the same matches, a third faster)
    end = max((m.end(1) for m in p["verb_at"].finditer(text)), default=-1)
    said = p["sv"].finditer(text, 0, end) if end >= 0 else ()  # (no speech verb: no sv match)
    return tuple(sorted([*said, *_finditer("lead", text), *_finditer("quoted", text), *_finditer("opinion", text)],
                        key=lambda m: m.start()))


def forget_attributions() -> None:
    """Forget the texts `_attributions` has read: called where a new article starts."""
    _attributions_of.cache_clear()


@lru_cache(maxsize=1)
def _lead_words() -> tuple[str, ...]:
    """The first word of each lead-in of ``speech_verbs.txt`` ("according", "expressed")."""
    return tuple(sorted({e.split()[0] for e in speech_verbs() if " " in e and e.split()[-1] in ("to", "by")}))


#: The two non-ASCII letters that match an ASCII one in a case-insensitive pattern and lower-case to another.
_FOLD = str.maketrans({"ſ": "s", "ı": "i"})


@lru_cache(maxsize=1)
def _lead_word() -> re.Pattern[str]:
    """A lead-in's first word, as the lead-in patterns need it: at a word's start, in any case, before a space."""
    return re.compile(r"\b(?i:" + "|".join(map(re.escape, _lead_words())) + r")\s")


def _has_lead_word(text: str) -> bool:
    """Whether ``text`` holds a lead-in's first word (`_lead_word`), looked for as lower-case text (fast):
    in ASCII text, where lower-casing keeps every offset, the regex's word start and white space after
    are checked at each place the word is found (the regex cost most of the time, as "read" is in
    "already" and "spread")."""
    if not text.isascii():
        low = text.lower().translate(_FOLD)
        return any(w in low for w in _lead_words()) and _lead_word().search(text) is not None
    low = text.lower()
    for word in _lead_words():
        at = low.find(word)
        while at >= 0:
            end = at + len(word)
            if end < len(low) and low[end].isspace() and (at == 0 or not (low[at - 1].isalnum() or low[at - 1] == "_")):
                return True
            at = low.find(word, at + 1)
    return False


#: What the lead-in patterns cannot match without: the first word of a lead-in ("according") in any case, "quoted ... as saying",
#: "in his opinion/words/view"; and the coordinated "... and said" (`also`, case-sensitive) without "and". Where it is missing,
#: the pattern is not tried: the same matches, a quarter of `_attributions`' time saved, and a third of `also`'s (measured on the
#: corpus sentences with a speech verb, of which 43% hold "and").
_NEEDED = {"lead": _has_lead_word, "quoted": lambda text: "quot" in text,
           "opinion": lambda text: "opinion" in text or "words" in text or "view" in text,
           "also": lambda text: "and" in text}


def _finditer(name: str, text: str) -> Iterator[re.Match[str]]:
    """`_patterns()[name].finditer(text)`, not tried where `text` lacks what the pattern needs (`_NEEDED`)."""
    return _patterns()[name].finditer(text) if _NEEDED[name](text) else iter(())


def _search(name: str, text: str) -> re.Match[str] | None:
    """`_patterns()[name].search(text)`, not tried where `text` lacks what the pattern needs (`_NEEDED`)."""
    return _patterns()[name].search(text) if _NEEDED[name](text) else None


#: An apposition of a labelling verb's subject ("X, a former envoy, called ...", "X, Ukraine's envoy,"), no clause.
_LAB_APPOSITION = (rf"(?:,\s+(?=[a-z0-9]|[{_UPPER}][\w-]*['’]s\s+[a-z])(?!(?:where|when|which|while|whose|whom|and|but|or|as|"
                   r"if|though|although|after|before|because|since|so)\b)(?:[^,;:.!?]|[.!?](?!\s+[A-Z])){1,200}?){1,3},")
#: Verbs that put someone's words in quotation marks inside the author's sentence ('Medinsky
#: called the outcome "satisfactory"'), and "X, who said ... that", whose subject is the speaker.
_LABELLING = re.compile(
    rf"(?P<subj>{_TITLED}|{_NAME}|{_ROLE_LAZY}|{_PRON})(?P<app>,\s+who|{_LAB_APPOSITION}|,)?(?:\s+(?:has|had|have|also|earlier|later|then|once))*"
    r"(?:(?<!,)\s+(?:already|now|often|still|even|widely|sometimes))*\s+"
    r"(?P<verb>called|calls|described|describes|dubbed|dubs|termed|terms|labelled|labeled|branded|brands|spoke of|"
    r"speaks of|warned against|warns against|urged|urges|thanked|thanks|promised|promises|vowed|vows|pledged|"
    r"demanded|demands|praised|praises|criticised|criticized|dismissed|dismisses|rejected|rejects|accused|accuses|"
    r"hailed|hails|welcomed|welcomes|put it|wants|wanted|offered|offers)\b")


def _attribution_before(said: list[re.Match[str]], at: int) -> re.Match[str]:
    """Which of a sentence's attributions ``said`` a quote at offset ``at`` belongs to: the last one that
    ends before it ("X told reporters that the Kremlin «...» assesses": X, not the reported clause's
    own verb), else the last that starts before it, else the first (after it: '"...", X said')."""
    ended = [m for m in said if m.end() <= at]
    started = [m for m in said if m.start() < at]
    return ended[-1] if ended else started[-1] if started else said[0]


#: Whom a reporter spoke with: "Our correspondent Jane Roe spoke with one of the organisers, Ivan Demov, who ...";
#: the next "he said" means Demov, not the reporter (only after a reporter's word, "we" or "I": "X spoke with Y" of
#: two politicians leaves X the subject).
_SPOKE_WITH = re.compile(rf"\b(?:correspondent|reporter|journalist|[Ww]e|I)\b[^.!?]{{0,80}}?\b(?:spoke|talked|speaking|"
                         rf"talking)\s+(?:to|with)\s+(?:(?:one|some|several)\s+of\s+(?:the\s+)?[a-z]+,\s+)?(?P<who>{_NAME})")

#: What ends the words before a capitalised word inside an institution's name ("Institute of ... and Political Science").
#: (A title before "and" is no institution's: "Deputy Prime Minister and Defence Minister Jane Roe".)
_INSIDE_NAME = re.compile(r"(?:\b(?:of|for|on|at|in)|(?P<w>[A-Z][\w'’-]*)\s+and)\s+$")

#: A sentence right after an unattributed quote that names who spoke: '"..." That was how X put it',
#: '"..." The speaker is X, a broker', '"..." That is X, a former monitor', '"..." The man, X, is 71',
#: '"..." X, a duty engineer in Y, shrugs', '"..." With these words Minister X opened the talks'.
_NAMED_NEXT = re.compile(  # (also "'...'. This was stated by Minister Jane Roe, ...": a translated agency's)
    rf"[\s\"”»]*\.?\s*(?:(?:That|This|It)\s+(?:is|was|has\s+been)\s+(?:stated|said|announced|declared|noted|stressed|"
    rf"emphasi[sz]ed|underlined|written|explained)\s+by\s+(?P<by>[^.;:!?,]{{1,150}}?)(?=\s*[,.;]|\s*$)"
    rf"|(?:That|This)\s+(?:is|was)\s+how\s+(?P<how>{_PRON}|{_TITLED}|{_NAME})\s+(?:put|phrased|summed|described)\b"
    rf"|(?:The\s+speaker\s+(?:is|was)|(?:That|This)\s+(?:is|was))\s+(?P<is>{_TITLED}|{_NAME})(?=[,.])"
    rf"|The\s+(?:man|woman|speaker|former\s+[a-z]+|[a-z]+er),\s+(?P<apposed>{_NAME}),"
    rf"|(?P<subj>{_NAME}),\s+(?:a|an|the)\s+[^,.;:!?]{{1,100}},\s+[a-z]+s\b"
    rf"|(?:With|In)\s+(?:these|those|such)\s+words,?\s+(?P<words>{_TITLED}|{_NAME})(?=\s+[a-z]))")
#: What follows a first name a paragraph opens with when it introduces a person: "Rimma, a midwife, ...",
#: "Semyon has worked as an electrician ...".
_FIRST_NAME_INTRO = re.compile(r",\s+(?:who\b|a\b|an\b|the\b|\d{1,3},)|\s+(?:has|had)\s+(?:worked|lived|been|served|spent)\b|"
                              r"\s+(?:works|worked|lives|lived|runs|ran|owns|owned|sells|sold|keeps|kept|teaches|taught)\b")

#: "He" or "she" as the subject of a narration sentence or of the clause after an opening one.
_HE_SHE = re.compile(r"(?:^|(?<=[.!?…]\s)|(?<=,\s))(?:[Hh]e|[Ss]he)\s+(?=[a-z])")
#: What may stand before a role noun that opens a sentence: "The opposition", "Ukraine's chief".
#: (also behind an opening participle: "Contacted by X, the")
_ROLE_SUBJECT = re.compile(r"(?:^|[.!?…]\s+)(?:(?:[A-Z][a-z]+ed|Speaking|Asked|Talking)\b[^,.;:!?]{0,60},\s+(?:the|a|an)\s+)?"
                           r"(?:(?:The|A|An)\s+)?(?:(?:[A-Z][\w-]*\s+){0,2}[A-Z][\w-]*(?:['’]s|s['’])\s+)?"
                           r"(?:[\w'’-]+\s+){0,3}\Z")  # (also "The Social Democrats' foreign policy spokesperson")

#: An indefinite subject with an aside, before any verb: "A member of the delegation, who spoke on condition
#: of anonymity, was less sentimental." (whom a following "he said" means).
_UNNAMED_ASIDE = re.compile(r"(?:^|(?<=[.!?…]\s))(?P<subj>(?:A|An|One|Another)\s[^.!?;:\"“”«»,]{1,80}?),\s+"
                            r"(?:who|whose)\s[^.!?;:,\"“”«»]{1,160},\s+(?:was|is|were|are|had|has|[a-z]+ed)\b")


#: Whom the writer met: "I spoke on Monday with Jane Roe in Edmonton, whose ...": the "she" of what follows. A relative named with
#: a possessive: "my grandfather Tserenjav", "her son Mathieu" (and so whether "he" or "she" can mean them: `_KIN_GENDER`).
_KIN_NAME = re.compile(rf"\b(?P<owner>[Mm]y|MY|[Hh]is|[Hh]er|[Oo]ur|[Tt]heir|[A-Z][\w-]*['’]s)\s+"
                       r"(?P<adj>(?:younger|elder|older|eldest|youngest|little|big|late)\s+)?"  # ("his younger sister Ines")
                       rf"(?P<kin>grand(?:father|mother|son|daughter)|father|mother|son|daughter|brother|sister|uncle|aunt|wife|husband|nephew|niece)"
                       rf"(?:-in-law)?,?\s+(?P<name>{_NAME})(?<!['’]s)(?![\w'’-])"
                       r"(?!(?:\s+[A-Z][\w'’-]*)*['’]s\b)")  # ("My grandfather, Jan Roe, ran"; not "Her husband, Jana Roe's son")
_KIN_GENDER = {**dict.fromkeys("grandfather father son grandson brother uncle husband nephew".split(), "he"),
              **dict.fromkeys("grandmother mother daughter granddaughter sister aunt wife niece".split(), "she")}
#: The relatives the author's own unnamed relative may be ("my grandfather", "my great-grandmother", `_MY_KIN`).
_OWN_KIN = r"(?:great[- ])*grand(?:father|mother)|father|mother|brother|sister|uncle|aunt|wife|husband"
#: The author's own unnamed relative, "My mother, who ..., put it better" / "my father's rule": whom a next "she said" means.
_MY_KIN = re.compile(rf"\b(?P<owner>[Mm]y|[Oo]ur)\s+(?P<kin>{_OWN_KIN})(?:['’]s)?\b(?!\s+[A-Z])")
#: A live blog's entry heading up to its quote: "17:10 ICRC:", "21.14 | Roe:".
_STAMPED = re.compile(rf"{_CLOCK}\s+(?:[|—–-]\s+)?[^:\n]{{1,60}}:")
#: A byline of its own: "By Jane Roe", "Words: Jane Roe", "Author: Jane Roe", "Interview by Jane Roe", "Jane Roe
#: (The Daily Example)", "Jane Roe / The Daily Example".
_BYLINE = re.compile(r"\s*(?i:by\s|(?:words|text|author|writer|reporter|interview|interviewed|reporting|written)"
                     r"(?:\s+by)?\s*:?\s)"
                     rf"[^.!?:]{{2,80}}|\s*{_NAME}\s*(?:\([^()]{{2,60}}\)|[/|]\s*{_NAME})\s*")


#: A role of an institution: "the representative of the Foreign Ministry", "the head of Government".
_ROLE_OF = re.compile(rf"\s*(?i:the)\s+(?P<role>(?:[a-z][\w'’-]*\s+){{0,2}}[a-z][\w'’-]*)\s+(?:of|at|for)\s+"
                      rf"(?:the\s+)?{_NAME}\s*$")
#: The same role before an institution an attribution's subject names ("the representative of [the Foreign Ministry]").
_ROLE_BEFORE = re.compile(r"\b(?i:the)\s+(?P<role>(?:[a-z][\w'’-]*\s+){0,2}[a-z][\w'’-]*)\s+(?:of|at|for)\s+(?:the\s+)?$")
#: A person right before the institution an attribution's subject names ("Prof. Jane Roe of [the Faculty ...]").
_PERSON_OF = re.compile(rf"(?P<name>{_NAME})\s+(?:of|at|from)\s+(?:the\s+)?(?:{_CAP}\s+(?:for|of|and|on)\s+(?:the\s+)?){{0,2}}$")
#: The person after a role noun: "Foreign Minister Jane Roe", "the adviser, Jane Roe", and an article's late naming "The legal
#: adviser was Jane Roe", "The neighbour is Jane Roe." (after "was" or "is", a name of two words or more).
_NAME_AFTER = re.compile(rf",?\s+(?P<name>{_NAME})|\s+(?:was|is)\s+(?P<was>{_CAP}(?:\s+{_CAP})+)(?=[.,;]|\s+[a-z(])")
#: "ambassador to France, Jan Example,": a role's holder after the place it serves (and "Minister of Foreign
#: Affairs and Foreign Trade, Senator the Hon. Jane Roe.", a title and an honorific before the name, "head of the
#: Example district, Jane Roe,", and "Director General of the National Agency for Maritime Affairs (ANAM), Jane Roe,").
_PLACE_NAME_AFTER = re.compile(rf"\s+(?:to|of|for|in|at)\s+(?:the\s+)?{_NAME}(?:\s+(?:for|of|on)\s+(?:the\s+)?{_NAME}){{0,2}}"
                               rf"(?:\s+[a-z]+){{0,2}}(?:\s+and\s+{_NAME})?"
                               r"(?:\s+\([^()]{1,20}\))?,\s+"  # (an abbreviation: "of the National Olympic Committee (CNO), X,")
                               r"(?:(?:Senator|Dr|Mr|Mrs|Ms|Sir|Dame|Prof|Colonel|General|Major|Captain|Admiral)\.?\s+)?"
                               r"(?:the\s+)?(?:Hon(?:ourable)?\.?\s+)?"
                               # (not a second title: "President of the Republic, Head of Government, Mr. Jan Roe")
                               rf"(?!(?:Head|Chief)\s+of\b)(?P<name>{_NAME})(?=,|\s*$)")
#: The person after a long title: "chairman of the Council committee on international affairs Jane Roe, ...",
#: "The professor of international relations at the University of Example, Jane Roe, ...".
_LONG_TITLE_NAME = re.compile(rf"\s+(?:of|on|for)\s+(?:[\w'’-]+\s+){{1,8}}?(?:{_NAME},\s+)?(?P<name>{_CAP}(?:\s+{_CAP})+)(?=,)")
_NAME_BEFORE = re.compile(rf"{_NOT_PLACE}(?P<name>{_NAME}),\s+(?!whose\b)(?:(?:the|a|an|his|her|its)\s+)?(?:[\w'’-]+\s+){{0,4}}$")
#: What an introduction says right before the name of whom it spoke with: "talked about this with the historian",
#: "Snob asked the orientalist", "Lao Dong talked with Dr." (a title).
_TALKED_WITH = re.compile(r"\b(?:(?:talk\w*|spoke|spoken|speak\w*|conversation|interview\w*|met|discuss\w*)\s+"
                          r"(?:(?!(?:he|she|they|we|I)\s)[\w'’]+\s+){0,3}?"  # (not "the talks he sat down with": a new subject)
                          r"with|asked|interviewed|questioned|reached|contacted|phoned)"  # ("The Echo reached Jane Roe")
                          r"\s+(?:(?:the|a|an|[a-z][\w'’-]*|(?:Dr|Prof|Mr|Mrs|Ms)\.?)\s+){0,4}$")
#: A question in bold as a scraped page keeps it, a paragraph all in "**" (or "__"): "**Minister, why ...?**".
_BOLD_QUESTION = re.compile(r"\s*(\*\*|__)(?=[^*_\s])(?=.*\S\1\s*$)")
#: What an introduction says when the questions that follow were put to someone (an interview's marked
#: questions with unlabelled answers: numbered, dashed, one outlet's label, or no label at all).
_PUT_TO = re.compile(r"\b(?:interview\w*|answer(?:s|ed)?|repl(?:y|ies|ied)|(?:questions?|asked)\s+(?:for|to|him|her)|"
                     r"sent\s+(?:him|her)|(?:spoke|talked)\s+(?:to|with)|met\s+(?:him|her)|Q\s*&\s*A|conversation|edited\s+for|"
                     r"(?:told|tells)\s+(?:us|me)|discuss\w*\s+(?:[\w'’]+\s+){0,3}?with|"
                     r"(?-i:[A-Z][\w'’-]*\s+asked\s+(?:[a-z][\w'’-]*\s+){0,4}?(?=[A-Z]))|"  # ("Babel asked Jane Roe, ...")
                     r"(?-i:(?:told|received)\s+(?:the\s+)?[A-Z]\w*))\b",  # ("he told the Daily Example", "received Folha")
                     re.IGNORECASE)
#: A form of address that stands for the person just named: "His Highness", "Her Excellency".
_HONORIFIC = re.compile(r"\s*(?:His|Her)\s+(?:Royal\s+)?(?:Highness|Excellency|Majesty|Holiness|Beatitude|Eminence)\s*")
#: A person described by age alone: "the 41-year-old".
_AGED = re.compile(r"\d{1,3}-year-old")
#: A verb of reply right after its subject: "... replied", "..., responded".
_REPLY = re.compile(r",?\s+(?:[a-z]+ly\s+)?(?:replied|replies|responded|responds|answered|answers|retorted|retorts|"
                    r"countered|counters|shot\s+back)\b")
_ASKED = re.compile(r"\basked\b")
#: Translated Russian's "the interlocutor of RBC", "the publication's interlocutor": whoever the outlet just quoted.
_INTERLOCUTOR = re.compile(r"\s*(?i:the)\s+(?:[\w'’-]+\s+)?interlocutor\b")
#: A capitalised word shaped like a nationality ("Cuban", "Russian", "Chinese", "Turkish", "Israeli").
_DEMONYM = re.compile(r"\b[A-Z][a-z]+(?:an|ese|ish|ch|i)\b")
#: A line that introduces the next paragraph's quote by name and description: "Jane Roe — economist, head of ...:".
_INTRO_LINE = re.compile(rf"\s*(?:{_EMOJI})?(?P<who>{_NAME})\s+[—–]\s+[^:.!?]{{1,200}}:\s*")
#: A sentence of the narration whose subject is "he" or "she".
_PRONOUN_SUBJECT = re.compile(r"(?:^|(?<=[.!?…]\s))(?:He|She)\s+(?=[a-z])")
#: A person introduced with an apposition: "Jane Roe, a member of ...", "Petro, 70, who ...".
_INTRODUCED = re.compile(rf"(?P<name>{_NAME}),\s+(?:an?\s|\d{{1,3}},)")
#: A verb right after a role noun: the noun is its sentence's subject ("Upstairs, the host was ..."), no apposition.
_VERB_NEXT = re.compile(r"\s+(?:[a-z]+ly\s+)?(?:was|is|were|are|has|had|will|would|did|does|said|says|told|[a-z]+ed)\b")
#: A subject behind a short opening phrase: "By evening Moroz has taken two ships out.", "On Friday morning Roe was".
_LED_SUBJECT = re.compile(rf"(?:^|(?<=[.!?…]\s))(?:By|At|On|In|Since|After|Before|Until)\s+"
                          rf"(?:(?:[a-z][\w-]*|{_WEEKDAYS})\s+){{1,2}}"
                          rf"(?P<name>{_NAME})\s+(?=(?:has|had|is|was|[a-z]+ed|[a-z]+s)\b)")
#: A speaker named after the verb of a reversed attribution: "..., says correspondent Jane Roe in Moscow.", "...,
#: reports Example Daily correspondent Jane Roe from Kyiv.", "..., believes Jane Roe, associate professor at ...".
_SAID_NAME = re.compile(rf",\s+(?:says|said|reports|reported|believes|believed|thinks|notes|noted|adds|added|explains|"
                        rf"explained|writes|wrote|argues|argued)\s+(?:{_NAME}\s+(?=[a-z]))?(?:[a-z][\w'’-]*\s+){{0,3}}?"
                        rf"(?P<name>{_NAME})"
                        r"(?=\s*[,.;]|\s+(?:in|at|from|of|on)\s)")
#: A wire dateline before a story's first clause: "MOSCOW, Oct 14 (Reuters) - ", "KYIV (AP) — ".
_DATELINE = re.compile(r"\s*[A-Z][A-Z .,/]{1,40}[^()\n]{0,30}\([^()\n]{1,30}\)\s*[-–—]\s+")
#: What a nickname's introduction needs: "known as", "nicknamed", "calls her".
_ALIAS_CUE = re.compile(r"known\b[^.;,]{0,40}?\bas\s|nicknamed|\bcall(?:s|ed)?\s+(?:him|her)"
                        r"|\b(?:[Ww]hom|[Ee]veryone|[Ee]verybody)\s+(?:[\w-]+\s+){0,6}call(?:s|ed)?\s")
#: The one or two names after a first name, up to lower case or punctuation ("Nina| Roe,").
_NAMES_AFTER = re.compile(rf"(?:\s+(?:{_HYPHEN_PARTICLE})?{_CAP}){{1,2}}(?=[,.;]|\s+[a-z(]|\s*$)")
#: Speech verbs that are also plural nouns: ending a sentence's attribution only at its very end.
_NOUN_VERBS = frozenset("states claims notes remarks comments observes reports".split())

#: A Russian patronymic: "Borisovich", "Ivanovna" ("Mikhail Borisovich" stands for the Mikhail the article named).
_PATRONYMIC = re.compile(r"[A-Z][a-z]+(?:ovich|evich|ovna|evna|ichna|inichna)")
#: A colon lead-in whose subject is a person's words: "Grossi's message was short:", "X's post read in part:",
#: or a bullet ending in a name ("... - Zelensky:").
_POSSESSIVE_COLON = re.compile(rf"\s*(?:(?:[\w'’-]+\s+){{0,3}}?({_NAME})['’]s\s[^\"“”«».!?;]*|.*\s[-–—•]\s+({_NAME})\s*):\s*$")
#: The capitalised words right before a surname ("Hakan " of "Fidan"), or a first name and a particle ("Salem al-").
_BEFORE_SURNAME = re.compile(rf"(?:{_CAP}\s+){{1,3}}$|{_CAP}\s+(?:{_HYPHEN_PARTICLE})$")
#: Past forms not ending in -ed that follow a sentence's subject ("Zakharova went further").
_IRREGULAR = ("went|made|took|gave|came|spoke|wrote|met|sat|stood|put|kept|held|brought|thought|felt|began|became|"
              "told|said|sought|won|lost|ran|saw|knew|left|led|heard|set|struck|chose|drew|grew|flew|rose|fell|"
              "shook|wore|sent|paid|spent|found|got|broke|fought|read|wept|threw|hung|lay|let|meant|stuck|swore|bit|"
              "taught|bought|built|caught|sold|slept|understood|hid|fed|forgot|drove|rode|dealt|lent")
#: The subject of a sentence a colon ends, at its start, behind a bullet or an opening clause: "X was firm:",
#: "A senior official in the Chancellery, who ..., described it like this:", "- X, arriving:".
_COLON_SUBJECT = re.compile(  # (also "Jane Roe on the agreement:", "13:00 - Jane Roe on X:")
    rf"(?:^\s*(?:\d{{1,2}}[:.]\d\d\s+(?:[AP]\.?M\.?(?:\s+[A-Z]{{2,5}})?:?\s+)?(?:[|—–-]\s+)?)?(?:[-–—•*]\s+|{_EMOJI})?|(?<=,\s))(?!(?:Here|Asked|Pressed|Questioned|Told|Today|Yesterday|Tonight|Below|Above|"
    rf"Overall|Again|Next|Finally|First|Second|Third|Last)\b)"
    rf"(?P<subj>(?:[Hh]e|[Ss]he)(?=\s+[a-z])|{_TITLED}|{_NAME}|(?<![,\s]\s)(?:[Aa]n?|[Tt]he|[Oo]ne|[Aa]nother)\s+"
    rf"(?:{_ROLE_WORD}\s+){{0,5}}{_ROLE_WORD}(?:\s+(?:in|at|from|of)\s+(?:the\s+)?{_NAME})?)"
    rf"(?=,|\s*:|\s+on\s+[^:.!?]{{1,80}}:\s*$|\s+(?:[a-z]+ly\s+)?(?:was|is|were|are|has|had|{_IRREGULAR}|[a-z]+ed|[a-z]+s)\b)")


@lru_cache(maxsize=1)
def _unnamed_subject() -> re.Pattern[str]:
    """An indefinite subject at a sentence's start, up to its speech verb: "A source in the delegation
    told", "A European diplomat who has read both documents said"."""
    return re.compile(rf"(?:^|(?<=[.!?…]\s))(?P<subj>(?:A|An|One|Another)\s[^.!?;:\"“”«»]{{1,160}}?)\s+"
                      rf"(?:{_patterns()['verb'].pattern})")
