"""What an attribution phrase names: a person, a role or a pronoun.

The smallest pieces of speaker attribution, shared by `attribution` and `interviews`: a phrase
reduced to a name ("Kremlin spokesman Dmitry Peskov" -> "Dmitry Peskov"), whether a name may be a
person's (not a place or an institution), and the role noun of an unnamed source.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import lru_cache

from analysis.segment.institutions import _full_institution, _spelled_out
from analysis.segment.lists import (
    institution_nouns,
    institution_words,
    not_persons,
    portfolio_words,
    role_nouns,
    saint_prefixes,
)
from analysis.segment.patterns import (
    _CAP,
    _CONNECT,
    _DET,
    _HYPHEN_PARTICLE,
    _LOW_WORD,
    _NAME,
    _NAMES,
    _OF_BODY,
    _ROLE_LAZY,
    _UPPER,
)

_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})


# Words dropped from the front of a name ("Kremlin spokesman Dmitry Peskov" -> "Dmitry Peskov");
# a phrase made only of them stays as it is ("Russian Foreign Minister").
_TITLES = frozenset(
    "mr mrs ms dr prof professor sir president vice prime minister foreign defence defense deputy"
    " spokesman spokeswoman spokesperson press secretary general gen colonel col lt lieutenant major"
    " maj captain capt sergeant sgt admiral commander chief head ambassador envoy senator sen rep"
    " representative gov governor federal chancellor councillor councilor commissioner mayor king queen pope"
    " former acting top senior director fm pm"
    " adviser advisor aide official affairs state department ministry kremlin russian ukrainian"
    " american british belarusian french german chinese polish turkish european western us u.s uk"
    " u.k un u.n eu nato of honourable honorable right rt hon speaker chairman chairwoman chair duma rada leader"
    " datuk dato dato' datin seri utama tun tunku tengku taoiseach tanaiste"  # ("Datuk Seri Anwar Ibrahim")
    " father fr rev reverend bishop archbishop metropolitan patriarch cardinal imam rabbi sheikh".split()  # (clergy)
)


#: A surname opened by a particle and a hyphen: "al-Ansari".
_PARTICLE_NAME = re.compile(rf"{_HYPHEN_PARTICLE}[A-Z]")
#: Lower-case particles inside a person's name.
_PARTICLES = frozenset("de da das do dos di e van von der den du le la al bin binti binte bte ibn".split())
#: "Jane Roe of the Example Institute", "... of the Warsaw-based Centre for Eastern Example Studies", and where it is:
#: "... for Minority Rights at Example Research in Bozen" (not "Anthony of Volokolamsk").
_OF_THE = re.compile(rf"({_NAME})\s+of\s+(?:the\s+{_NAME}|{_CAP}\s+{_NAME})"
                     rf"(?:\s+(?:for|of|on|at|in|and)\s+(?:the\s+)?{_NAME}){{0,3}}")

#: A person and the one-word place or body they are of: "Jim Risch of Idaho", "Jane Roe of RSIS".
_OF_ONE = re.compile(rf"({_NAME})\s+of\s+{_CAP}")
_FROM_PLACE = re.compile(rf"(?:(?:My|Our)\s+)?({_NAME})\s+(?:from\s+{_NAME}|(?P<far>from|in)\s+(?:the\s+)?[\w'’-]+"
                         r"(?:\s+[\w'’-]+)*)")
_SERVING = re.compile(r"\s+(?:serving|stationed|based|fighting|deployed|living|posted)\s+(?:in|near|at|on|outside|with|from)\s")
#: What a role noun's person is doing, right after the noun: "the old man mending a net".
_DOING = re.compile(r"\s+[a-z]{2,}ing(?:\s+(?:an?|the|his|her|their|its|in|on|at|by|near|next|outside|behind|with)\s|$)")
_RELATIVE = re.compile(r"\s+(?:who|whose|which)\s")
#: A sentence's end inside a run of capitalised words: "Economics. Marchenko", "KYIV. Jane" (not "J. Roe", "U.S. envoy").
_SENTENCE_END = re.compile(rf"(?:(?<=[a-z]{{2}}\.)|(?<=[{_UPPER}]{{3}}\.))\s+(?=[{_UPPER}])")

#: A capitalised possessive that says whose role a phrase names: "the Prime Minister's spokesman", "Putin's aide".
_OWNER = re.compile(r"[A-Z]\w*['’]s")
_TAG_END = re.compile(r"\s+\([^()\n]{1,40}\)$")
_AGE_TAG = re.compile(r"\s+\(\d{1,3}\)(?=[\s,]|$)")
_OF_PLACE = re.compile(r"\s(?:in|at|from|near|involved\s+in|familiar\s+with)\s")


@lru_cache(maxsize=65536)
def _clean_speaker(phrase: str) -> str:
    """Reduce an attribution subject to a name, a role ("reserve colonel") or a pronoun. (Cached, as
    `_is_name` and `_person`: pure functions of a phrase that an article asks about again and again.)"""
    if re.fullmatch(r"\s*(?:his|her)\s+(?:part|turn)\s*,?\s*", phrase):  # ("..., for his part recalled": he)
        return phrase.split()[0].lower()
    if phrase.rstrip(" ,").endswith(("part", "turn")):  # ("Jane Roe, for her part, recalled": Jane Roe)
        phrase = re.sub(r",?\s+(?:for\s+(?:his|her|its|their|our)\s+part|in\s+(?:his|her|its|their)\s+turn)\s*,?\s*$", "", phrase)
    if "-year-old " in phrase:  # ("Fifteen-year-old Jana", "63-year-old Jan Roe": the name)
        phrase = re.sub(r"^\s*[\w-]*-year-old\s+(?=[A-Z])", "", phrase)
    if ", who " in phrase:  # ("The director of X, the Brazilian Jan Roe, who attended ..., said": what the clause qualifies)
        phrase = phrase.split(", who ", 1)[0] + ","
    if phrase.endswith(("statement", "communiqué", "communique")):  # ("the ministry's statement says": the ministry)
        # (and "the MAE statement": after an abbreviation)
        phrase = re.sub(r"(?:['’]s|(?<=[A-Z]{2}))\s+(?:official\s+)?(?:statement|communiqu[ée])$", "", phrase)
    if phrase.endswith(")"):  # "Jane Roe (National Alliance)": a party or state tag is no part of the name
        phrase = _TAG_END.sub("", phrase)
    if ", or rather " in phrase:  # "Lyosha, or rather Jan Roe": the name that corrects the first
        return _clean_speaker(phrase.split(", or rather ", 1)[1])
    if "(" in phrase:  # (nor an age: "a woman from Fukuoka (34) who came ...")
        phrase = _AGE_TAG.sub("", phrase)
    appositive = re.fullmatch(rf"\s*{_ROLE_LAZY}{_OF_BODY},\s+(?:{_LOW_WORD}\s+){{0,4}}?({_NAME})(?:\s+from\s+{_NAME})?,?\s*",
                              phrase)  # (and where they are from: "The colleague, guide Jana Roe from Vologda,")
    if appositive:  # "a ministry spokeswoman, Jane Roe,", "the head of the delegation, deputy minister Jane Roe,": the name
        return _clean_speaker(appositive.group(1))
    if (named := re.search(rf"\bnamed\s+({_NAME})\s*,?\s*$", phrase)) and _person(named.group(1)):
        return named.group(1)  # "a 52-year-old engineer named Jan": the name
    if (bare := re.fullmatch(rf"\s*(?:{_CAP}['’]s\s+)?(?:[a-z][\w'’-]*\s+){{0,4}}[a-z][\w'’-]*,\s+"
                             rf"((?:[a-z][\w'’-]*\s+){{0,3}}{_NAME})\s*", phrase)):
        # "military expert, reserve colonel Jane Roe", "Roe's colleague, the driver Jan": the name
        return _clean_speaker(bare.group(1))
    if phrase.count(",") >= 2 and re.match(rf"\s*(?i:{_DET})\s", phrase) and (chain := re.search(
            rf",\s+((?:(?!(?:of|for|from|to|with|and|by|at|in|on)\s)[a-z][\w'’-]*\s+){{0,3}}({_NAME})),?\s*$", phrase)) and \
            len(chain.group(2).split()) >= 2 and _person(chain.group(2)):
        # "the side in the Azores, the Commissioner for Children's Rights, our countrywoman Jane Roe,": a chain of
        # descriptions that ends with the person's name (not "the friend, a colleague of Jan Roe,")
        return _clean_speaker(chain.group(2))
    first, _, rest = phrase.partition(", ")
    if rest and re.match(r"(?:the|an?)\s", rest) and (first.isupper() or not _person(first.strip())) and \
            len((named := _clean_speaker(rest)).split()) >= 2 and _person(named):
        return named  # ("PAHO, the Brazilian Jan Roe,": the person an institution's abbreviation is followed by)
    p = phrase.split(",")[0].strip(" \t\n.:;'’\"“”")
    if p.endswith(")"):  # ("Jane Roe of the Example Authority (EA), who ...": the acronym before a comma too)
        p = _TAG_END.sub("", p)
    if ". " in p:  # a name never runs over a sentence's end: "... School of Economics. Marchenko argues"
        p = _SENTENCE_END.split(p)[-1]  # (or a dateline's "KYIV.")
    # "Jane Roe of the Higher School of Economics", "Jane Roe of Universitas Example": the person
    if (" from " in p or " in " in p) and (fr := _FROM_PLACE.fullmatch(p)) and _person(fr.group(1)) and (
            not fr.group("far") or len(fr.group(1).split()) >= 2):  # ("Tatyana from Iskitim" too)
        # "Jane Roe from Kamensk-Uralsky", "Jane Roe from the Association of ...", "My Aunt Jane in Quezon City": the person
        return _clean_speaker(fr.group(1))
    if " of " in p and (of := _OF_THE.fullmatch(p)) and len(of.group(1).split()) >= 2 and _person(of.group(1)):
        return _clean_speaker(of.group(1))
    if " of " in p and (of := _OF_ONE.fullmatch(p)) and len(of.group(1).split()) <= 3 and \
            len((person := _clean_speaker(of.group(1))).split()) >= 2 and _person(person) and \
            institution_words().isdisjoint(p.lower().split()) and not re.match(r"\s*(?i:the)\s", phrase):
        # "Jim Risch of Idaho", "Jane Roe of RSIS": the person (not "Metropolitan Anthony of Volokolamsk", nor "The
        # State Nuclear Regulatory Inspectorate of Ukraine", "Hungarian Cultural Association of Subcarpathia")
        return person
    p = re.sub(r"^(?:the|a|an)\s+|^(?-i:My|Our)\s+(?=[A-Z])", "", re.sub(r"['’]s$", "", p), flags=re.IGNORECASE)
    determined = re.match(_DET + r"\s", phrase.lstrip()) is not None  # ("a diplomat ...", "the officer ...")
    if " wh" in p and determined:  # "a diplomat who has attended the talks": a diplomat
        p = _RELATIVE.split(p, maxsplit=1)[0]
    if p.lower() in _PRONOUNS:
        return p.lower()
    if determined and (cut := _SERVING.search(p)) and _head(p[:cut.start()]) in _role_heads():
        return p[:cut.start()]  # "a Ukrainian officer serving near Kostiantynivka": the officer, not the place
    if determined and (cut := _DOING.search(p)) and p[:cut.start()].split()[-1].lower() in _role_heads():
        return p[:cut.start()]  # "the old man mending a net on the quay": the man (the participle right after the noun)
    if determined and _OF_PLACE.search(p) and (_head(p) in _role_heads() or (
            re.match(r"(?:[Aa]n?|[Oo]ne|[Aa]nother)\s", phrase.lstrip()) and _OF.split(p, maxsplit=1)[0].split()[-1].islower())):
        # an unnamed source where it is: "diplomat in Kyiv", "one user from Kharkiv" (any lower-case noun;
        # not the auxiliary of its verb: "... involved in the talks has told")
        return re.sub(r"\s+(?:has|have|had|is|was|were|are|will|would)$", "", p)
    if determined and " of the " in p and _head(p) in _role_heads():
        # "the head of the Presidential Office": a role, not the institution; but "the head of the Regional
        # Military Administration Jane Roe": the person named after the institution's last word
        rest = _after_institution(p.split(" of the ", 1)[1].split())
        return " ".join(rest) if rest and all(w[:1].isupper() for w in rest) else p
    words = p.split()
    i = len(words)
    while i and (words[i - 1][:1].isupper() or (i < len(words) and words[i - 1] in _PARTICLES and i >= 2 and (
            words[i - 2][:1].isupper() or (words[i - 2] in _PARTICLES and i >= 3 and words[i - 3][:1].isupper())))):
        i -= 1  # (particles inside a name: "Ursula von der Leyen", "Luiz Inácio Lula da Silva")
    run = words[i:]  # trailing capitalised run: the name, after any lower-case role words
    if len(run) == 1 and i >= 2 and words[i - 1] == "to" and (
            words[i - 2].lower() in _TITLES or words[i - 2].lower() in _role_heads()):
        return p  # "Ukraine's Ambassador to Examplestan": a role, not the place it serves
    if len(run) >= 3 and i >= 2 and (words[i - 1] in ("of", "to") or words[i - 2:i] == ["of", "the"] or (
            words[i - 1] == "and" and "of" in words[max(0, i - 5):i])) and any(
            w.lower().rstrip(".") in _TITLES for w in words[:i]):
        # "President of Examplestan Jane Roe", "Minister of Foreign Affairs of the Russian Federation Jane Roe":
        # the place a title serves, then its holder ("Minister of Labour and Social Protection Jane Roe": its portfolio)
        run = run[1:]
        while len(run) > 2 and (run[0].lower() in institution_words() or run[0].lower() in not_persons()
                                or run[0].lower() in portfolio_words()):
            run = run[1:]
    while len(run) > 2 and run[0].lower() in portfolio_words():
        run = run[1:]  # (a portfolio's last words before its holder's name: "... of Labour and Social Protection Jane Roe")
    if not run or run[-1].lower().rstrip(".") in _TITLES:
        return p
    # (an institution's name before the person's: "Presidential Office Jane Roe", "Regional Administration Jane Roe";
    # not a name that opens with the word: "Hotel Président Wilson" stays a hotel)
    run = _after_institution(run, first=1) or run
    # (a title inside the run ends what comes before it: "Committee on International Affairs Jane Roe")
    inner = [j for j, word in enumerate(run[:-1]) if word.lower().rstrip(".") in _TITLES or _hyphen_title(word)]
    if inner and inner[-1] > 0:
        run = run[inner[-1]:]
    # (and descriptions written as one word: "Mother-of-three Jane Roe"; and what ends an institution
    # before the name: "Minister of Defence of the Russian Federation Jane Roe", "General of the Army Jane Roe")
    titled = False  # (an institution's word only after a title: "Hotel Président Wilson" stays a hotel)
    while len(run) > 1 and (run[0].lower().rstrip(".") in _TITLES or re.fullmatch(r"[A-Z][a-z]+(?:-[a-z]+)+", run[0])
                            or _hyphen_title(run[0])
                            or (len(run) > 2 and run[0].lower() in role_nouns())  # ("Driller Jan Roe" opening a sentence)
                            or (len(run) > 2 and _demonym(run[0]))  # ("Austrian Jane Roe")
                            or (titled and len(run) > 2 and (run[0].lower() in institution_words()
                                                             or run[0].lower() in not_persons()))):
        titled, run = True, run[1:]
    return " ".join(run)


def _hyphen_title(word: str) -> bool:
    """A title joined by hyphens: "Ambassador-at-Large", "Major-General" (a title, then a lower-case word or only
    titles); not a hyphenated first name that opens with one, "Maj-Britt"."""
    parts = word.split("-")
    return len(parts) > 1 and parts[0].lower() in _TITLES and (
        any(p.isalpha() and p.islower() for p in parts) or all(p.lower() in _TITLES for p in parts))


@lru_cache(maxsize=4096)
def _demonym(word: str) -> bool:
    """A people's adjective of a place the not-persons list names ("Austrian", "Canadian", "Japanese"):
    it begins as the place does (all but its last two letters, at least four) and ends as
    such adjectives end; never the place's own name ("Jordan"). (Cached: it reads the whole list.)"""
    low = word.lower()
    return low.endswith(("n", "ese", "ish", "i", "ic")) and low not in not_persons() and any(
        " " not in place and len(place) >= 5 and len(low) >= len(place) - 1 and low.startswith(place[:max(4, len(place) - 2)])
        for place in not_persons())  # (not "Roman" of "Romania")


def _after_institution(words: list[str], first: int = 0) -> list[str]:
    """The words after the last word of ``words`` that only institutions have (at ``first`` or later), when they
    are a person's name of two words or more ("Regional Military Administration Jane Roe": Jane Roe); else []."""
    last = max((j for j, w in enumerate(words[:-2]) if w.lower() in institution_words()), default=-1)
    return words[last + 1:] if last >= first and _person(" ".join(words[last + 1:])) else []


@lru_cache(maxsize=65536)
def _is_name(speaker: str) -> bool:
    """True for a personal-looking name ("Lavrov"), False for roles, titles and pronouns."""
    words = speaker.split()
    capitalised = all(w[:1].isupper() or w in _CONNECT.split("|") or _PARTICLE_NAME.match(w) for w in words)
    return bool(words) and capitalised and words[-1].lower().rstrip(".") not in _TITLES and not (
        words[-1].isupper() and words[-1].lower() in _role_heads())  # "the German MEP": a role


#: What ends an unnamed source's role words: "diplomat in Kyiv", "Ambassador to Examplestan" (not "adviser to the president").
_OF = re.compile(r"\s(?:in|at|from|near|of|to(?=\s+[A-Z])|close\s+to|involved\s+in|familiar\s+with|who|which|whose)\s")


def _head(description: str) -> str:
    """The role noun of an unnamed source: "senior U.S. official" / "Western diplomat in Kyiv" -> the last
    word before any "in", "at", "from" or "of" (lower case)."""
    words = _OF.split(description, maxsplit=1)[0].lower().split()
    return words[-1] if words else ""


@lru_cache(maxsize=1)
def _role_heads() -> frozenset[str]:
    """The last word of each role noun ("political scientist" -> "scientist")."""
    return frozenset(noun.split()[-1] for noun in role_nouns())


@lru_cache(maxsize=65536)
def _person(name: str) -> bool:
    """A name that may be a person's: capitalised, neither it nor its last word a place or institution,
    and no word of it one that only organisations and places have ("Hotel", "University"), nor a saint's name (a
    church's, a town's, a street's: "the Church of St. Demetrius")."""
    return _is_name(name) and not name.lower().startswith(saint_prefixes()) \
        and name.lower() not in not_persons() and name.split()[-1].lower() not in not_persons() \
        and institution_words().isdisjoint(name.lower().split()) and not (  # (nor "North Korean", an adjective)
            name.startswith(("North ", "South ", "East ", "West ")) and len(name.split()) == 2 and _demonym(name.split()[1])) \
        and not (" " not in name and _demonym(name))  # (nor "Tongan" alone: a people or its language)


def _full_name(label: str, mentions: Sequence[tuple[int, int, str]]) -> str:
    """A surname label ("Lavrov") as the full name the article gave earlier ("Sergei Lavrov")."""
    if not label.split():
        return label  # (an answer whose interviewee no introduction names)
    for _, _, name in reversed(mentions):
        if len(name) > len(label) and name.split()[-1].lower() == label.split()[-1].lower():
            return name  # (never a shorter form: a headline's "Roe:" does not shorten "Jane Roe")
    return label


#: A preposition of place right before a name: "in Ponta Delgada", "at the Palácio", "via Jan Roe" (a street); or a
#: byline's "By Jane Roe" (who wrote, not who speaks).
_PLACE_BEFORE = re.compile(r"\b(?:(?i:in|at|near|via)\s+(?:the\s+)?|By\s+)$")


def _after_place(text: str, at: int) -> bool:
    """Whether the name at offset ``at`` of ``text`` follows a preposition of place or a byline's "By" (`_PLACE_BEFORE`)."""
    return _PLACE_BEFORE.search(text, max(0, at - 12), at) is not None


def _last_named(texts: Sequence[str], end: int = -1) -> str:
    """The last person named with two words or more in ``texts`` (the last one read up to ``end``
    when that is not -1), not after a preposition of place or a byline's "By" (`_after_place`); else ""."""
    for n, text in enumerate(reversed(texts)):
        stop = end if n == 0 and end >= 0 else len(text)
        # (not a place a preposition gives: "opened the talks at the Palácio de Sant'Ana, in Ponta Delgada")
        names = [name for m in _NAMES.finditer(text, 0, stop) if len((name := _clean_speaker(m.group(0))).split()) >= 2
                 and _person(name) and not _after_place(text, m.start())]
        if names:
            return names[-1]
    return ""


#: Generational suffixes: "Donald Trump Jr." is not the "Donald Trump" named before him.
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def fuller_name(speaker: str, names: Iterable[str]) -> str:
    """The one longer name the article gives a speaker ("Marcos Lacerda", named before as "Senator
    Marcos Lacerda Pinto"; "Nina Fyodorovna" of "Nina Fyodorovna Lagutina"; a podcast's "Koji" of
    "Koji Tanabe", a Korean surname "Hwang" of "Hwang In-cheol", "Jan Roe" of "Jan Roe-Ruiz"): a person named
    with one more capitalised word after the same ones, or one word that is the surname of the one person
    named with it; ``speaker`` itself when no one or several are, or when the longer name only adds a
    generational suffix.

    Parameters
    ----------
    speaker : a quote's speaker.
    names : the people the article names (mentions and role holders).

    Returns
    -------
    str
    """
    if not speaker.split() or not _person(speaker):
        return speaker
    # (one word that is one person's surname: that person, named before or after, "Roe" of a live blog's headline
    # "'It is done': Roe reads ..." before "Minister Jane Roe read ..."; of two people's, as it is; or the first of
    # two surnames, "Morales" of "Héctor Morales Aguilar", where no one has it as the last)
    if " " not in speaker and (owners := {n for n in names if len(n.split()) >= 2 and n.split()[-1] == speaker} or {
            n for n in names if len(n.split()) >= 3 and n.split()[-2] == speaker and n.split()[-1][:1].isupper()}):
        return owners.pop() if len(owners) == 1 and _person(next(iter(owners))) else speaker
    # (or a hyphenated second surname: "Mariia Roe" of "Mariia Roe-Ruiz")
    # (two more for a name of two words: "Lúcia Helena" of "Lúcia Helena Arruda Bessa")
    more = 2 if len(speaker.split()) >= 2 else 1
    longer = {n for n in names if n.startswith((speaker + " ", speaker + "-")) and n.split()[-1].lower().strip(".")
              not in _SUFFIXES and 1 <= len(rest := n[len(speaker) + 1:].split()) <= more
              and all(w[:1].isupper() for w in rest) and _person(n)}
    return longer.pop() if len(longer) == 1 else speaker


def named_later(speaker: str, roles: Sequence[tuple[int, int, str, str, str]], texts: Sequence[str]) -> str:
    """The person a role left unresolved ("the ambassador", "Ukrainian delegation's legal adviser")
    stands for when the article names someone with that role only later ("The Swiss host was
    Ambassador Jane Roe"): the one person named with its role noun, the best match of role words
    when several are; "" when no one is.

    Parameters
    ----------
    speaker : a quote's speaker as attribution left it.
    roles : the article's role mentions, as `_role_mentions` gives them, over all its paragraphs.
    texts : the narration of each of the article's paragraphs (joined here only when needed): only a role
        it writes with "the" and never with "a" is one person's ("a Ukrainian official" stays an unnamed source).

    Returns
    -------
    str
        The person's name, or "".
    """
    if not speaker or _is_name(speaker) or speaker in _PRONOUNS:
        return ""
    words = set(speaker.lower().replace("'s", " ").replace("’s", " ").split())
    head = speaker.lower().split()[-1]  # ("the spokesman's office" is no spokesman)
    owned = {w.lower() for w in speaker.split() if _OWNER.fullmatch(w)}  # ("the Prime Minister's spokesman")
    named = {r[3] for r in roles if r[2] == head and _person(r[3]) and owned <= set(r[4].split())}
    if not named:  # (before the searches below, whose patterns are compiled anew for each phrase)
        return ""
    text = "\n".join(texts)
    phrase = r"\s+".join(map(re.escape, speaker.split()))
    # (not "a neighbour" who stays unnamed; but "says a neighbour ... The neighbour is Jane Roe" names her)
    if not re.search(rf"\b[Tt]he\s+{phrase}\b", text) or (re.search(rf"\b[Aa]n?\s+{phrase}\b", text) and
                                                             not re.search(rf"\bThe\s+{phrase}\s+(?:is|was)\s+[A-Z]", text)):
        return ""
    if len(named) <= 1:
        return next(iter(named), "")
    score = {name: max(len(words & set(r[4].split())) for r in roles if r[3] == name and r[2] == head) for name in named}
    top = max(score.values())
    best = [name for name, v in score.items() if v == top]
    return best[0] if len(best) == 1 else ""


#: A title of a place or body without its holder's name: "The President of Examplestan", "the Minister of Defence".
_TITLE_OF = re.compile(rf"\s*(?i:the)\s+(?P<role>{_NAME}\s+of\s+(?:the\s+)?{_NAME})\s*")


def _title_holder(phrase: str, texts: Sequence[str]) -> str:
    """Who holds a title written without a name ("The President of Examplestan"): the person an article
    names right after that title ("President of Examplestan Jane Roe"), the first one; "" for none."""
    title = _TITLE_OF.fullmatch(phrase.rstrip(".,;: "))
    if not title:
        return ""
    role = title.group("role")
    first = role.split()[0].lower().rstrip(".")
    if first not in _TITLES:
        return ""
    # (also after a second title and an honorific: "The President of the Republic, Head of Government, Mr. Jan Roe";
    # not after an institution's name: "Spokesperson of the Ministry of Foreign Affairs, Dr Jan Roe" is no ministry)
    apposed = r"(?:,\s+[^,.;]{1,60})?,?" if first not in institution_nouns() else ""
    rx = re.compile(rf"(?<![\w'’]){re.escape(role)}{apposed}\s+(?:(?:Mr|Mrs|Ms|Dr|Madam)\.?\s+)?(?P<name>{_NAME})")
    for text in texts:
        for m in rx.finditer(text):
            if len((name := _clean_speaker(m.group("name"))).split()) >= 2 and _person(name):
                return name
    return ""


#: What '"...," the statement said' names as its speaker: a document, whose issuer `institution_speakers` looks for.
_DOCUMENTS = frozenset({"statement", "the statement", "text", "the text", "release", "press release", "the release",
                        "communiqué", "the communiqué", "communique", "the communique"})


#: The institution a narration names as a document's issuer: "a communiqué of the Ministry of Foreign Affairs",
#: "In a statement released on Friday, the Ministry of Foreign Affairs said".
_ISSUED = re.compile(rf"\b(?:statement|communiqu[ée]|release)(?:\s+(?:of|from|by|issued\s+by)\s+|[^,.;]{{0,60}},\s+)"
                     rf"the\s+(?P<who>{_NAME}(?:\s+(?:of|for|and|on)\s+(?:the\s+)?{_NAME})*)")

#: ... or as the subject of the sentence that says it issued one: "The Ministry of ... also welcomed the
#: memorandum in a press release issued on Friday".
_ISSUED_BEFORE = re.compile(rf"\b[Tt]he\s+(?P<who>{_NAME}(?:\s+(?:of|for|and|on)\s+(?:the\s+)?{_NAME})*)\s+"
                            r"(?:[a-z]+\s+){1,8}?in\s+an?\s+(?:press\s+)?(?:statement|release|communiqu[ée])\b")


def institution_speakers(quotes: Sequence, texts: Sequence[str]) -> list:
    """Quotes (of `segment.find_quotes`) whose speaker is an institution named short, with the full name
    the narration ``texts`` (one per paragraph) gave it up to the quote's paragraph ("ministry" ->
    "Ministry of Foreign Affairs": `_full_institution`); and '"...," the statement said' with the speaker
    of the last quote before it from a paragraph whose narration speaks of a statement ("In a statement,
    the ministry said that ..."), resolved the same way.

    Parameters
    ----------
    quotes : the article's quotes.
    texts : the narration of each paragraph, in order.

    Returns
    -------
    list
        The quotes, in the same order.
    """
    ordered = sorted(range(len(quotes)), key=lambda n: (quotes[n].paragraph_index, quotes[n].start))
    speakers = [q.speaker for q in quotes]
    for i, n in enumerate(ordered):
        q = quotes[n]
        if q.speaker.lower() in _DOCUMENTS and not any(
                "joint statement" in text.lower() for text in texts[:q.paragraph_index + 1]):
            # (the issuer named two paragraphs back at most, in a paragraph that speaks of a statement or a press
            # release, or the one before it; a joint statement has several)
            issuer = next((speakers[k] for k in reversed(ordered[:i]) if speakers[k] and speakers[k].lower() not in _DOCUMENTS
                           and q.paragraph_index - 2 <= (at := quotes[k].paragraph_index) and any(
                               w in text.lower() for text in texts[max(0, at - 1):at + 1]
                               for w in ("statement", "release", "communiqu"))), "")
            # (else the institution the narration names as the document's issuer: "according to a communiqué of
            # the Ministry of ...", "In a communiqué, the Ministry of ... welcomed")
            issued = [m.group("who") for text in texts[max(0, q.paragraph_index - 2):q.paragraph_index + 1]
                      for m in sorted([*_ISSUED.finditer(text), *_ISSUED_BEFORE.finditer(text)], key=lambda m: m.start())
                      ] if not issuer else []
            speakers[n] = issuer or (" ".join(issued[-1].split()) if issued else q.speaker)
        speakers[n] = (_full_institution(speakers[n], texts[:q.paragraph_index + 1])
                       or _spelled_out(speakers[n], texts[:q.paragraph_index + 1]) or speakers[n])
    return [replace(q, speaker=s) if s != q.speaker else q for q, s in zip(quotes, speakers)]


def full_speakers(quotes: Sequence, people: Iterable[str], texts: Sequence[str]) -> list:
    """The quotes with each speaker's fuller name among ``people`` (`fuller_name`), then an institution's
    full name for its short one (`institution_speakers`).

    Parameters
    ----------
    quotes : the article's quotes.
    people : the people the article names.
    texts : the narration of each paragraph, in order.

    Returns
    -------
    list
        The quotes, in the same order.
    """
    people = set(people)
    return institution_speakers([replace(q, speaker=full) if (full := fuller_name(q.speaker, people)) != q.speaker else q
                                 for q in quotes], texts)
