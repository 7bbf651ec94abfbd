"""Separate an article's editorial text from the web leftovers around it, line by line.

Every non-blank raw line ends up in exactly one place: inside a kept paragraph (with its
`kind`) or in the removed list (with a `reason`). The rules use structure, not the strings
of particular sites: position relative to the first and last stretch of prose, short lines
without sentence punctuation, repetition inside the article and across an outlet's
articles, caption and credit patterns, and blocks after an end-of-article marker. The
phrase cues live in `resources/boilerplate_cues.tsv`, which a researcher may edit.
Losing article text is worse than keeping a stray line, so every rule that could touch
prose is hedged by length or position.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property, lru_cache
from pathlib import Path

from dateutil import parser as dateparser

from analysis import paths

try:  # re's parser and case rules, to skip cues that cannot match a line (see _cue_screen)
    import _sre
    from re import _constants as _sre_constants
    from re import _parser as _sre_parse
    from re._casefix import _EXTRA_CASES
except ImportError:  # another Python: every cue is tried on every line
    _sre_parse = None  # type: ignore[assignment]

__all__ = [
    "Cue",
    "CleanedArticle",
    "REASONS",
    "clean_article",
    "load_cues",
    "normalize_line",
    "parse_date_line",
    "repeated_lines",
    "split_lines",
]

#: Every reason a removed line can carry (documented in data/processed/README.md).
REASONS = (
    "navigation", "social", "advert", "promo", "comments", "related", "bio", "byline",
    "credit", "caption", "legal", "disclaimer", "metadata:date", "metadata:url",
    "metadata:dateline", "metadata:outlet", "duplicate", "boilerplate", "notes", "markup",
)

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_HAS_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SENTENCE_END = re.compile(r"[.!?…](?:[\"'”’»)\]]+)?$")
_SENTENCE_INSIDE = re.compile(r"[.!?…][\"'”’»)\]]*\s+[\"'“‘«(\[]?[A-Z0-9А-Я]")
_WORD = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*", re.UNICODE)
_NAME_TOKEN = re.compile(r"^(?:[A-ZА-ЯÀ-Þ][\w'’.-]*|de|van|von|der|da|di|bin|al|la|le|and|&|,|with|in|for|at|from|\|)$")
_DECORATION = " -–—•·|[](){}<>*#:=_~→←»«"
_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MD_PREFIX = re.compile(r"^(?:#{1,6}\s+|[*+•]\s+|>\s*|\(?\d{1,3}[.)\]]\s+|\[\d{1,3}\]\s*)+")
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'",
                         "–": "-", "—": "-", "‐": "-", "‑": "-"})


@dataclass(frozen=True)
class Cue:
    """One boilerplate cue from the cue file."""

    reason: str
    match: str  # "line", "start" or "contains"
    max_words: int
    pattern: re.Pattern[str]
    block: bool = False


@dataclass
class CleanedArticle:
    """The result of cleaning one article: kept paragraphs, removed lines, found metadata."""

    paragraphs: list[dict] = field(default_factory=list)
    removed: list[dict] = field(default_factory=list)
    title: str | None = None
    date: str | None = None
    author: str | None = None


@dataclass
class _Line:
    """One logical line: a raw line, or raw lines hard-wrapped inside one paragraph."""

    no: int  # 1-based number of its first raw line
    text: str  # white space folded, wrapped lines joined by a space
    words: int
    blank_before: bool
    parts: list[tuple[int, str]]  # (raw line number, folded raw text)
    reason: str | None = None
    kind: str | None = None
    prefix: str | None = None  # an export's metadata prefix cut from the front of this line
    doubt: bool = False  # a rule decided on weak evidence: worth a look (notebook 00 lists these)

    # The properties below depend on `text` and `words` only, which change only while
    # `_read_lines` joins wrapped lines (it calls `_changed`): each is computed once per line.

    @cached_property
    def plain(self) -> str:
        return _plain(self.text)

    @cached_property
    def plain_words(self) -> int:
        return _count_words(self.plain)

    @cached_property
    def word_set(self) -> frozenset[str]:
        """The line's words in lower case (`_similar`)."""
        return _word_set(self.text)

    @cached_property
    def key(self) -> str:
        """`normalize_line(self.text)`."""
        return normalize_line(self.text)

    @property
    def no_end(self) -> int:
        return self.parts[-1][0]

    @cached_property
    def ends_sentence(self) -> bool:
        """Ends with sentence punctuation; a short line cut off with an ellipsis is a teaser."""
        text = self.plain
        if text.endswith(("...", "…")):
            return self.words >= 25
        return bool(_SENTENCE_END.search(text))

    @cached_property
    def prose(self) -> bool:
        """A line that reads as running text: long enough and with sentence punctuation."""
        if self.words >= 30:
            return True
        return self.words >= 8 and (self.ends_sentence or bool(_SENTENCE_INSIDE.search(self.plain)))

    def _changed(self) -> None:
        for name in ("plain", "plain_words", "word_set", "key", "ends_sentence", "prose"):
            self.__dict__.pop(name, None)


# --------------------------------------------------------------------------- cues


def load_cues(path: str | Path | None = None) -> tuple[Cue, ...]:
    """Read a cue file (the packaged one by default); see its header for the format."""
    text = paths.resource_text("boilerplate_cues.tsv", path)
    return _parse_cues(text, str(path or "boilerplate_cues.tsv"))


@lru_cache(maxsize=8)
def _parse_cues(text: str, name: str) -> tuple[Cue, ...]:
    cues = []
    for no, raw in enumerate(text.splitlines(), 1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        parts = raw.split("\t")
        if len(parts) != 4:
            raise ValueError(f"{name}:{no}: expected 4 tab-separated fields, found {len(parts)}")
        reason, match, max_words, pattern = (p.strip() for p in parts)
        block = reason.endswith("+block")
        reason = reason.removesuffix("+block")
        if reason not in REASONS:
            raise ValueError(f"{name}:{no}: unknown reason {reason!r}; use one of {', '.join(REASONS)}")
        if match not in ("line", "start", "contains"):
            raise ValueError(f"{name}:{no}: match must be line, start or contains, not {match!r}")
        try:
            compiled = re.compile(pattern, re.IGNORECASE)
        except re.error as exc:
            raise ValueError(f"{name}:{no}: bad regular expression: {exc}") from exc
        if block and match != "line":
            raise ValueError(f"{name}:{no}: end-of-article markers (+block) must use match=line")
        cues.append(Cue(reason, match, int(max_words or 0), compiled, block))
    return tuple(cues)


def _cue_reason(text: str, words: int, cues: Sequence[Cue], screen: _CueScreen | None = None) -> tuple[str | None, bool]:
    """The first cue matching a line: (reason, is_block_marker).

    `screen` (`_cue_screen(cues)`) lists the cues that apply to a line of so many words, each
    `contains` cue with strings one of which every match holds (compared case-folded): a cue
    whose strings are all missing from the line cannot match, and its search is skipped. Once a
    cue has matched, only end-of-article markers can change the answer, so only they are tried.
    """
    found: str | None = None
    folded: str | None = None
    applicable = screen.applicable(words) if screen is not None else \
        [(c, None) for c in cues if not (c.max_words and words > c.max_words)]
    for cue, need in applicable:
        if found is not None and not cue.block:
            continue
        if need is not None:
            if folded is None:
                folded = _fold_case(text)
            if not any(map(folded.__contains__, need)):
                continue
        hit = _cue_hit(cue.match, cue.pattern, text)
        if not hit:
            continue
        if cue.reason == "byline" and cue.match == "start" and not _looks_like_names(text[hit.end() - 1:]):
            continue
        if cue.block:
            return cue.reason, True
        if found is None:
            found = cue.reason
    return found, False


def _cue_hit(match: str, pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    if match == "line":
        return pattern.fullmatch(text) or pattern.fullmatch(text.strip(_DECORATION))
    if match == "start":
        return pattern.match(text)
    return pattern.search(text)


class _CueScreen:
    """The cues that apply to a line of n words, in file order, each with the strings its
    matches need (`_required_strings`, for `contains` cues; None: always tried)."""

    def __init__(self, cues: Sequence[Cue]) -> None:
        self.cues = [(c, _required_strings(c.pattern) if c.match == "contains" else None) for c in cues]
        self.longest = max((c.max_words for c in cues), default=0)
        self._by_words: dict[int, list[tuple[Cue, frozenset[str] | None]]] = {}

    def applicable(self, words: int) -> list[tuple[Cue, frozenset[str] | None]]:
        words = min(words, self.longest + 1)  # beyond the largest limit only unlimited cues apply
        if words not in self._by_words:
            self._by_words[words] = [(c, need) for c, need in self.cues if not (c.max_words and words > c.max_words)]
        return self._by_words[words]


@lru_cache(maxsize=8)
def _cue_screen(cues: tuple[Cue, ...]) -> _CueScreen:
    return _CueScreen(cues)


def _required_strings(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Strings one of which every match of `pattern` contains, read from its parsed form: a run
    of literal characters in a sequence, the union over the branches of an alternation, the
    content of a group or of a repeat of at least one; of several, the set with the longest
    shortest string. Lookarounds, anchors, classes and group references require nothing."""
    if _sre_parse is None:
        return None
    try:
        found = _required_in(_sre_parse.parse(pattern.pattern, pattern.flags))
    except Exception:  # noqa: BLE001 - any surprise in re's internals: no screen for this cue
        return None
    return frozenset(map(_fold_case, found)) if found else None


def _required_in(items) -> frozenset[str] | None:  # noqa: ANN001 - re._parser.SubPattern
    const = _sre_constants
    options: list[frozenset[str]] = []
    run: list[str] = []
    for op, av in list(items) + [(None, None)]:
        if op is const.LITERAL:
            run.append(chr(av))
            continue
        if run:
            options.append(frozenset(["".join(run)]))
            run = []
        found = None
        if op is const.SUBPATTERN:
            found = _required_in(av[3])
        elif op is const.ATOMIC_GROUP:
            found = _required_in(av)
        elif op is const.BRANCH:
            branches = [_required_in(branch) for branch in av[1]]
            found = None if any(b is None for b in branches) else frozenset().union(*branches)
        elif op in (const.MAX_REPEAT, const.MIN_REPEAT, const.POSSESSIVE_REPEAT) and av[0] >= 1:
            found = _required_in(av[2])
        if found:
            options.append(found)
    return max(options, key=lambda s: (min(map(len, s)), -len(s)), default=None)


def _fold_case(text: str) -> str:
    """`text` with each character replaced by one key for all the characters `re.IGNORECASE`
    takes for it: the lower case it compares (one code point, as `re` lowers), then the smallest
    of the characters `re` also treats as that one (i/ı, s/ſ, µ/μ, σ/ς ...). Same length."""
    if text.isascii() or all(_lower_is_key(c) for c in set(text) if c > "\x7f"):
        return text.lower()
    return "".join(map(_case_key, text))


@lru_cache(maxsize=4096)
def _case_key(char: str) -> str:
    lower = _sre.unicode_tolower(ord(char))
    return chr(min((lower, *_EXTRA_CASES.get(lower, ()))))


@lru_cache(maxsize=4096)
def _lower_is_key(char: str) -> bool:
    """str.lower gives `_case_key` (it differs for İ, ſ, ı, Σ, µ, some Greek and Cyrillic forms)."""
    return char.lower() == _case_key(char)


# --------------------------------------------------------------------------- helpers


def split_lines(text: str) -> list[str]:
    """Split raw text into lines the way an editor numbers them (\\n, \\r\\n or \\r)."""
    lines = _LINE_BREAK.split(text)
    if lines and lines[-1] == "" and len(lines) > 1:
        lines.pop()
    return lines


def _fold(line: str) -> str:
    if not line.isascii():  # (ASCII text is NFC and holds none of the invisible characters)
        line = unicodedata.normalize("NFC", line)
        if _HAS_INVISIBLE.search(line):
            line = line.translate(_INVISIBLE)
    return " ".join(line.split())


def normalize_line(line: str) -> str:
    """A comparison key for a line: case, quotes, dashes, spacing and edge punctuation folded."""
    folded = _fold(line)
    if not folded.isascii():  # the quotes and dashes to fold are not ASCII
        folded = folded.translate(_QUOTES)
    return folded.casefold().strip(" .,:;!?-'\"")


def _plain(text: str) -> str:
    """Text with Markdown link, image, heading and list syntax (HTML-to-text exports) removed."""
    text = _MD_IMAGE.sub(lambda m: m.group(1), text)
    text = _MD_LINK.sub(lambda m: m.group(1), text)
    return _MD_PREFIX.sub("", text).strip()


def _only_links(text: str) -> bool:
    """A line made of Markdown links or images and nothing else: a menu or a picture."""
    if "](" not in text:
        return False
    rest = _MD_LINK.sub("", _MD_IMAGE.sub("", text))
    return not re.sub(r"[\s*+|·•,>#-]", "", rest)


def _count_words(text: str) -> int:
    return len(_WORD.findall(text))


def _looks_like_names(text: str) -> bool:
    """Two to twelve capitalised tokens (name particles and 'and' allowed), nothing else."""
    text = re.split(r"\s[|•·]\s|\s[-–—]\s", text.strip(), maxsplit=1)[0]
    tokens = text.replace(",", " , ").split()
    caps = [t for t in tokens if t not in {",", "and", "&"}]
    if not 1 <= len(caps) <= 12 or _SENTENCE_END.search(text.rstrip(",")) and not text.endswith("."):
        return False
    return all(_NAME_TOKEN.match(t) for t in tokens) and any(t[0].isupper() for t in caps)


def _names_only(line: _Line) -> bool:
    return 2 <= line.words <= 12 and not line.ends_sentence and _looks_like_names(line.text)


_MONTHS = (
    "jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|sep|sept|"
    "september|oct|october|nov|november|dec|december"
)
_DATE_FILLER = re.compile(
    rf"^(?:{_MONTHS}|mon|monday|tue|tues|tuesday|wed|wednesday|thu|thurs|thursday|fri|friday|sat|"
    r"saturday|sun|sunday|am|pm|a\.m|p\.m|est|edt|cst|cdt|mst|mdt|pst|pdt|gmt|utc|bst|cet|cest|"
    r"eet|eest|msk|ist|jst|kst|published|updated|posted|last|modified|created|date|on|at|of|the|"
    r"st|nd|rd|th|today|yesterday|ago|hours?|minutes?|mins?|days?|weeks?|months?|years?|just|now|"
    r"et|pt|ct|mt|cet|(?:gmt|utc)[+-]\d{1,2}(?::?\d{2})?|[+-]\d{4}|"
    r"\d{1,4}(?:st|nd|rd|th)?|\d{1,2}[:.]\d{2}(?::\d{2})?(?:am|pm)?|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:t[\d:.z+-]+)?|"
    rf"\d{{1,2}}[-/.]\d{{1,2}}[-/.]\d{{2,4}}|\d{{1,2}}-(?:{_MONTHS})-\d{{2,4}}|hrs?|mins?)$"
)


_DIGIT = re.compile(r"\d")
_RELATIVE_DAY = re.compile(r"(?<!\w)(?:ago|today|yesterday)(?!\w)", re.IGNORECASE)


def parse_date_line(text: str) -> tuple[bool, str | None]:
    """Is this line only a date/time stamp? Returns (is_date_line, ISO date or None)."""
    text = _fold(text)
    if _DIGIT.search(text) is None and _RELATIVE_DAY.search(text) is None and (
            text.isascii() or not any(map(str.isdigit, text))):
        return False, None  # every date line below needs a digit or "ago", "today", "yesterday"
    text = re.sub(r"^(?:[A-Z][\w'’.-]+ ){0,3}[A-Z][\w'’.-]+,\s+(?=\S)", "", text)  # "New Delhi, May 26 ..."
    tokens = []
    for token in text.split():
        token = token.strip(".,:;()|•·-–—").lower()
        if token:
            tokens.append(token)
            if len(tokens) > 14:  # too long for a date line: no need to read on
                return False, None
    if not tokens:
        return False, None
    if not all(_DATE_FILLER.match(t) for t in tokens):
        return False, None
    has_year = any(re.fullmatch(r"(?:19|20)\d{2}", t) or re.match(r"\d{4}[-/.]\d", t) or re.search(r"-(?:19|20)\d{2}$", t)
                   or re.fullmatch(r"\d{1,2}[-/.]\d{1,2}[-/.](?:19|20)\d{2}", t) for t in tokens)
    has_month = any(re.fullmatch(_MONTHS, t) for t in tokens)
    relative = "ago" in tokens or "today" in tokens or "yesterday" in tokens
    has_time = any(re.fullmatch(r"\d{1,2}[:.]\d{2}(?::\d{2})?(?:am|pm)?", t) for t in tokens)
    stamped = has_time and any(re.fullmatch(r"[a-z]{2,4}|(?:gmt|utc)[+-].*|published|updated|posted", t)
                               and not re.fullmatch(_MONTHS, t) for t in tokens)
    if not (has_year or relative or stamped or (has_month and any(t.isdigit() for t in tokens))):
        return False, None
    has_day = any(re.fullmatch(r"\d{1,2}(?:st|nd|rd|th)?", t) for t in tokens) or any(
        re.match(r"\d{1,4}[-/.]\d{1,2}[-/.]\d", t) for t in tokens)
    if relative or not has_year or not has_day:
        return True, None  # no full date to record (and never today's year or day filled in)
    iso = next((t for t in tokens if re.fullmatch(r"(?:19|20)\d{2}-\d{2}-\d{2}(?:t[\d:.z+-]+)?", t)), None)
    if iso:
        try:
            return True, date.fromisoformat(iso[:10]).isoformat()
        except ValueError:
            return True, None
    first = next((part for part in re.split(r"[|·•]", text) if re.search(r"\d{4}", part)), text)
    cleaned = re.sub(r"\b(published|updated|posted|last|modified|created|date|on|at)\b:?", " ", first, flags=re.I)
    cleaned = re.sub(r"\b(GMT|UTC)[+-]\d{1,2}(:?\d{2})?\b|\bET\b|\bPT\b|\bIST\b|\s[+-]\d{4}\b", " ", cleaned)
    cleaned = re.sub(r"\b(\d{1,2})\.(\d{2})\b(?![./-]\d)", r"\1:\2", cleaned)
    cleaned = re.sub(r"\b(EST|EDT|CST|CDT|MST|MDT|PST|PDT|BST|CET|CEST|EET|EEST|MSK|IST|JST|KST)\b", " ", cleaned)
    try:
        stamp = dateparser.parse(cleaned, fuzzy=True, dayfirst=not re.search(rf"\b({_MONTHS})\b", cleaned, re.I))
    except (ValueError, OverflowError):
        return True, None
    return True, stamp.date().isoformat()


_BIO = re.compile(
    r"^(?:[A-Z][\w'’.-]+ ){1,3}[A-Z][\w'’.-]+,? (?:is|was|has been|serves as|joined|covers|writes)\b"
    r"(?=.{0,300}\b(?:author|journalist|editor|reporter|correspondent|writer|contributor|columnist|"
    r"analyst|researcher|fellow|professor|producer|host|blogger|commentator|freelance|staff)\b)",
)


def _similar(a: str, b: str) -> bool:
    """Near-duplicates: one contains most of the other's words (for repeated bios and captions)."""
    return _similar_words(_word_set(a), _word_set(b))


def _word_set(text: str) -> frozenset[str]:
    return frozenset(_WORD.findall(text.lower()))


def _similar_words(wa: frozenset[str], wb: frozenset[str]) -> bool:
    if min(len(wa), len(wb)) < 6:
        return False
    return len(wa & wb) / min(len(wa), len(wb)) >= 0.85


def repeated_lines(texts: Iterable[str], min_articles: int = 2) -> frozenset[str]:
    """Normalised lines that stand in at least `min_articles` of the given texts (one outlet's).

    Navigation, taglines and disclaimers repeat across an outlet's pages; pass the result to
    `clean_article(shared_lines=...)`.
    """
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update({normalize_line(line) for line in split_lines(text) if normalize_line(line)})
    return frozenset(key for key, n in counts.items() if n >= min_articles)


# --------------------------------------------------------------------------- the cleaner


def clean_article(
    text: str,
    *,
    title: str | None = None,
    author: str | None = None,
    shared_lines: frozenset[str] = frozenset(),
    cues: Sequence[Cue] | None = None,
) -> CleanedArticle:
    """Clean one article's raw text.

    `title` and `author` (from the metadata, when known) help find the headline and the
    author's bio; `shared_lines` are normalised lines repeated across the outlet's articles.
    """
    cues = load_cues() if cues is None else cues
    lines = _read_lines(text)
    result = CleanedArticle()
    if not lines:
        return result
    prose_keys = [ln.key for ln in lines if ln.prose]
    if prose_keys and all(key in shared_lines for key in prose_keys):
        shared_lines = frozenset()  # the outlet published this same article more than once
    block_marker: dict[int, bool] = {}
    screen = _cue_screen(tuple(cues))
    for i, line in enumerate(lines):
        plain = line.plain
        reason, block = _cue_reason(plain, line.plain_words, cues, screen)
        if reason is not None and _dateline_lead(plain):
            reason, block = None, False  # "MOSCOW, June 3. /TASS/. Lavrov said ...": a wire lead, not a credit
        line.reason = reason
        block_marker[i] = block
        if reason is None and _only_links(line.text):
            line.reason = "caption" if line.text.lstrip().startswith("![") else "navigation"
        elif reason is None and parse_date_line(plain)[0]:
            line.reason = "metadata:date"
        elif reason is None and not line.prose and line.key in shared_lines:
            line.reason = "boilerplate"
        elif reason is None:
            line.reason = _line_rule(line)

    _mark_appeals(lines, shared_lines)
    _mark_emoji_teasers(lines)
    _mark_captions(lines)
    _mark_menus(lines)
    _mark_layout(lines)
    first_prose = _first_prose(lines)
    found = _find_title(lines, first_prose, title)
    found, first_prose = _standfirst_above_title(lines, first_prose, found)
    title_at = found[0]
    _mark_head(lines, first_prose, found, author)
    _mark_tail(lines, first_prose, block_marker, author)
    _mark_repeats(lines, shared_lines, first_prose, title_at)
    _assign_kinds(lines, first_prose, title_at)
    result.paragraphs = _paragraphs(lines)
    result.removed = []
    for ln in lines:
        if ln.prefix is not None:
            result.removed.append({"line_no": ln.no, "text": ln.prefix, "reason": "metadata:date", "doubt": False})
        if ln.reason is not None:
            result.removed.extend({"line_no": no, "text": part, "reason": ln.reason, "doubt": ln.doubt} for no, part in ln.parts)
    result.title = lines[title_at].text if title_at is not None else None
    stamps = [ln.text for ln in lines if ln.reason == "metadata:date"] + [ln.prefix for ln in lines if ln.prefix]
    result.date = next((d for stamp in stamps for d in [parse_date_line(stamp)[1]] if d), None)
    result.author = _find_author(lines)
    return result


# --------------------------------------------------------------------------- line rules of a kind

#: An export's metadata field in front of the text on the same line: "date 2025-06-03 MOSCOW, ...".
_EXPORT_PREFIX = re.compile(
    r"^((?:date|published|pubdate|updated|posted|created)\s*:?\s*\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?Z?)?)\s+(?=\S)",
    re.IGNORECASE)
#: A staff label joined to a name: "RT staffAnna Petrova", "TASS correspondent Ivan Ivanov".
_STAFF_BYLINE = re.compile(
    r"^(?:[A-Z][\w&.'’-]*\s){0,3}(?:staff|correspondent|reporter|desk|newsroom|bureau|journalist|writer|editor|"
    r"observer|columnist|contributor)s?\s*(?:[A-Z][\w'’.-]+\s?){2,4}$")
#: A dateline city alone on its line: "MOSCOW", "KYIV, Ukraine", "WASHINGTON, D.C.".
_LONE_DATELINE = re.compile(r"^[A-Z][A-Z'’.-]{2,}(?:\s[A-Z][A-Z'’.-]+){0,2}(?:,\s?[A-Z][\w.]+(?:\s[A-Z][\w.]+)?)?[\s—–-]*$")
_URL_OR_HANDLE = re.compile(r"https?://|\bhttps? www\b|\bwww[.\s]\w|(?<![\w.])@\w{3,}")
_CALL_VERB = re.compile(r"\b(watch|follow|subscribe|listen|join|visit|click|tap|like|download|find us|see more|more at)\b",
                        re.IGNORECASE)
_ICON_NAMES = re.compile(r"(facebook|twitter|telegram|whatsapp|email|e-mail|linkedin|vk|reddit|pinterest|instagram|"
                         r"youtube|tiktok|threads|bluesky|copy|link|print|share|messenger|viber|x)+")
#: A photo caption: someone shown doing something, in present tense, with where and when.
_DEPICTION = re.compile(
    r"\b(speaks|speak|attends|attend|gestures|gesture|looks on|look on|arrives|arrive|delivers|walks|walk|shakes hands|"
    r"shake hands|poses|pose|listens|listen|waves|is seen|are seen|sits|sit|stands|stand|meets|meet|"
    r"greets|greet|leaves|leave|inspects|visits|visit|take part|takes part|presides|chairs|"
    r"is pictured|are pictured|pictured|wrap|wraps|prepares|celebrate|celebrates|enters|enter|"
    r"smiles|smile|embraces|embrace|hugs|hug|rally|rallies|march|marches|gather|gathers|salutes|salute|"
    r"lays|lay|walk past|walks past)\b")
_CAPTION_WHEN = re.compile(
    rf"\b(?:on\s+)?(?:\w+,\s+)?(?:(?:{_MONTHS})\.?\s+\d{{1,2}}(?:,?\s+\d{{4}})?|\d{{1,2}}\s+(?:{_MONTHS})\.?(?:\s+\d{{4}})?)\.?$"
    r"|\bon\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b[^.]{0,20}\.?$"
    r"|\((?:file|archive)\s*(?:photo|image|picture)?\)|\b(?:file|archive) (?:photo|image|picture)\b", re.IGNORECASE)
_SAYS = re.compile(r"\b(said|says|told|stated|added|according to|claimed|noted|warned|insisted)\b", re.IGNORECASE)


#: A wire-service dateline opening a lead: "MOSCOW /Russia/, June 3. /TASS/.", "MINSK, June 4 /BelTA/ -",
#: "BEIJING, June 3 (Xinhua) --", "KYIV, Ukraine (AP) —".
_DATELINE = re.compile(
    r"^[A-Z][A-Za-z'’.-]+(?:[ -][A-Z][A-Za-z'’.-]+){0,3}(?:\s*/[^/]{2,30}/)?(?:,\s*[A-Z][A-Za-z.]+(?:\s[A-Z][a-z]+)?)?"
    rf"(?:,\s*(?:(?:{_MONTHS})\.?\s+\d{{1,2}}|\d{{1,2}}\s+(?:{_MONTHS}))\.?)?\s*(?:/[^/]{{2,30}}/|\([^)]{{2,30}}\))\s*[.,:—–-]*\s+",
    re.IGNORECASE)


def _dateline_lead(text: str) -> bool:
    """A paragraph that opens with a wire dateline and goes on as prose (six words or more)."""
    m = _DATELINE.match(text)
    return bool(m) and text[:1].isupper() and _count_words(text[m.end():]) >= 6


def _line_rule(line: _Line) -> str | None:
    """Leftovers recognised by their shape whatever the site: desk labels with a date, staff
    bylines, lone datelines, calls to follow a link, icon-font residue, photo captions without a
    credit and emoji-bulleted teasers. Returns the reason, or None; marks weak decisions as doubtful."""
    plain = line.plain
    if line.words <= 14 and not line.ends_sentence:
        parts = [p for p in re.split(r"\s*[|·•]\s*|\s+[-–—]\s+", plain) if p.strip()]
        if len(parts) >= 2 and any(parse_date_line(p)[0] for p in parts) and all(
                parse_date_line(p)[0] or (_count_words(p) <= 4 and not _SENTENCE_END.search(p)) for p in parts):
            return "metadata:date"  # "World News | 14:32, 03.06.2025", "03.06.2025 | Politics | World"
        if line.words <= 8 and _STAFF_BYLINE.match(plain):
            return "byline"
        if line.words <= 4 and _LONE_DATELINE.match(plain):
            line.doubt = True
            return "metadata:dateline"
        if line.words <= 6 and re.match(r"^by\s+[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}$", plain):
            return "byline"  # "by Daria Hordiienko"
        if line.words <= 10 and re.match(r"^[A-Z][\w'’-]+(?: and [A-Z][\w'’-]+)? (?:reported|contributed reporting|wrote) from [A-Z]", plain):
            return "byline"  # "Marsh reported from London."
    if re.match(r"^[—–-]\s*[^()]{2,80}\(@\w+\)\s+" + rf"(?:{_MONTHS})\.?\s+\d{{1,2}},\s+\d{{4}}$", plain, re.IGNORECASE):
        return "social"  # "— Jane Roe (@janeroe) June 25, 2025": the signature of an embedded post
    if re.match(r"^[a-z][\w.]*\d*:\s|^[A-Za-z]+(?:_\w+|\d{2,})\w*:\s", plain) and line.words <= 60:
        line.doubt = True
        return "comments"  # "HarlanDad57: ...", "peter_w: ...": a commenter's handle
    if line.words <= 12 and re.search(r"https?://|\bt\.me/|\bwww\.\w", plain) and not line.ends_sentence:
        return "metadata:url"
    if " " not in plain and len(plain) >= 12 and plain.islower() and _ICON_NAMES.fullmatch(plain):
        return "social"  # "facebooktwittertelegramwhatsappemail": icon names run together
    if line.words <= 50 and _URL_OR_HANDLE.search(plain) and _CALL_VERB.search(plain) and not plain.startswith(("\"", "“")):
        return "promo"  # "Watch the briefing on our channel https://... and follow us at www..."
    if (6 <= line.words <= 40 and (line.ends_sentence or _CAPTION_WHEN.search(plain)) and _DEPICTION.search(plain)
            and _CAPTION_WHEN.search(plain) and not _SAYS.search(plain) and not any(q in plain for q in "\"“”«»")):
        line.doubt = True
        return "caption"  # "Sergei Lavrov speaks during a news conference in Moscow, Russia, on June 3, 2025."
    return None


def _emoji_teaser(line: _Line) -> bool:
    plain = line.plain
    return bool(plain) and unicodedata.category(plain[0]) == "So" and line.words <= 16 and not line.ends_sentence


def _timed_teaser(line: _Line) -> bool:
    return line.words <= 10 and not line.ends_sentence and bool(re.match(r"^\d{1,2}[:.]\d{2}\s+\S", line.plain))


def _mark_emoji_teasers(lines: list[_Line]) -> None:
    """Runs of two or more headline lines led by an emoji bullet ("🔴 Five things ...") or by a time
    ("12:58 Talks begin", a live blog's key events): a teaser list."""
    for test, reason in ((_emoji_teaser, "related"), (_timed_teaser, "navigation")):
        i = 0
        while i < len(lines):
            j = i
            while j < len(lines) and lines[j].reason is None and test(lines[j]):
                j += 1
            if j - i >= 2:
                for k in range(i, j):
                    lines[k].reason, lines[k].doubt = reason, True
            i = max(j, i + 1)


_SECOND_PERSON = re.compile(r"\b(you|your|yours|yourself)\b|\bdear (reader|readers|friend|friends)\b", re.IGNORECASE)
_APPEAL = re.compile(
    r"\b(support(ing)? (us|our|independent|the)|donat\w*|contribut(e|ion|ions)|member(ship)?s?|subscri\w+|"
    r"independent (journalism|media|reporting)|our (newsroom|journalists|reporters|work|journalism|reporting)|"
    r"readers like you|(advertising|ad) (income|revenue)|billionaire|funding|fund us|pay ?wall|free for everyone|"
    r"keep(s)? (us|our \w+) (going|open|free|independent)|chip in|one-off|monthly|patreon|crowdfund\w*|"
    r"independent newsroom|rel(y|ies) on (its |our )?readers|not on oligarchs|standing with us)\b",
    re.IGNORECASE)


SharedLinesLike = Iterable[str]  # a set of normalised lines, or build.SharedLines (membership by hash)


def _outside_quotes(text: str) -> str:
    return re.sub(r"[\"“«][^\"”»]*[\"”»]", " ", text)


def _mark_appeals(lines: list[_Line], shared: frozenset[str] | SharedLinesLike = frozenset()) -> None:
    """Appeals to the reader for money or membership, of any length: a paragraph that addresses
    the reader ("you", "dear reader") and asks for support twice over, and the paragraphs of the
    same appeal around it (addressing the reader and asking once). Lines the outlet repeats on
    many pages are left to the boilerplate rule."""
    def appeal(line: _Line, needed: int) -> bool:
        text = _outside_quotes(line.plain)
        return bool(_SECOND_PERSON.search(text)) and len({m.group(0).lower() for m in _APPEAL.finditer(text)}) >= needed

    core = [i for i, ln in enumerate(lines) if ln.reason is None and ln.key not in shared and (appeal(ln, 2) or re.match(
        r"^dear (reader|readers|friend|friends)\b", ln.plain, re.IGNORECASE))]
    def same_appeal(line: _Line) -> bool:
        text = _outside_quotes(line.plain)
        ours = bool(re.search(r"\b(we|our|us)\b", text, re.IGNORECASE))
        return appeal(line, 1) or (ours and bool(_APPEAL.search(text))) or (
            line.words <= 12 and bool(re.search(r"\bthank you\b|\bthanks\b", text, re.IGNORECASE)))

    for i in core:
        lines[i].reason = "promo"
        for step in (-1, 1):
            j = i + step
            while 0 <= j < len(lines) and (lines[j].reason in (None, "promo")) and lines[j].key not in shared and (
                    lines[j].reason == "promo" or same_appeal(lines[j])):
                lines[j].reason = "promo"
                j += step


def _read_lines(text: str) -> list[_Line]:
    """Non-blank raw lines; a line continuing a hard-wrapped sentence joins the one above."""
    lines: list[_Line] = []
    blank = True
    for no, raw in enumerate(split_lines(text), 1):
        folded = _fold(raw)
        if not folded:
            blank = True
            continue
        prefix = None
        cut = _EXPORT_PREFIX.match(folded)
        if cut and _count_words(folded[cut.end():]) >= 5:
            prefix, folded = cut.group(1), folded[cut.end():]
        prev = lines[-1] if lines and not blank else None
        if prefix is None and prev is not None and _continues(prev.parts[-1][1], folded):
            prev.parts.append((no, folded))
            prev.text = f"{prev.text} {folded}"
            prev.words += _count_words(folded)
            prev._changed()
        else:
            lines.append(_Line(no, folded, _count_words(folded), blank_before=blank, parts=[(no, folded)], prefix=prefix))
        blank = False
    return lines


def _continues(previous: str, line: str) -> bool:
    """A wrapped line: the one above stops mid-sentence and this one starts in lower case."""
    return (
        line[:1].islower()
        and _count_words(previous) >= 5
        and not _SENTENCE_END.search(previous)
        and not previous.endswith((":", "...", "…"))
    )


def _is_credit(line: _Line) -> bool:
    return line.reason in ("caption", "credit")


_CAPTION_UI_BEFORE = re.compile(r"(enlarge|expand|view) (this )?image", re.I)
_CAPTION_UI_AFTER = re.compile(r"(toggle|hide|show) caption", re.I)


def _mark_captions(lines: list[_Line]) -> None:
    """An image's title or description right above its credit, or inside caption controls."""
    for i, line in enumerate(lines):
        if line.reason is not None:
            continue
        prev = lines[i - 1] if i else None
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        isolated = line.blank_before or (prev is not None and prev.reason in ("caption", "credit"))
        first_words = line.words >= 5 and not any(o.reason is None and o.words >= 4 for o in lines[:i])
        if nxt is not None and _is_credit(nxt) and not line.prose and not first_words:  # (the first words: a headline)
            if (not nxt.blank_before and line.words <= 10) or (line.words <= 3 and not line.ends_sentence) or \
                    nxt.key.startswith(line.key):
                line.reason = "caption"
        elif nxt is not None and _is_credit(nxt) and not nxt.blank_before and isolated and line.words <= 40:
            line.reason = "caption"  # a descriptive caption glued to its credit line
        elif line.words <= 40 and (
            (prev is not None and _CAPTION_UI_BEFORE.fullmatch(prev.plain.strip(" .")))
            or (nxt is not None and _CAPTION_UI_AFTER.fullmatch(nxt.plain.strip(" .")))
        ):
            line.reason = "caption"


def _short_label(line: _Line) -> bool:
    """A menu item or tag: at most four words, no sentence punctuation, not a bullet point."""
    return line.words <= 4 and not line.ends_sentence and not line.text.startswith(("•", "–", "—", "- "))


def _mark_menus(lines: list[_Line], run: int = 3) -> None:
    """Runs of three or more short label lines are menus, tag lists or link lists."""
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and (_short_label(lines[j]) and lines[j].reason in (None, "navigation", "social")):
            if lines[j].reason is None and j + 1 < len(lines) and lines[j + 1].reason is None and lines[j + 1].prose:
                break  # a short line right above a paragraph is a subheading, not a menu item
            j += 1
        if j - i >= run and any(lines[k].reason is None for k in range(i, j)):
            for k in range(i, j):
                if lines[k].reason is None:
                    lines[k].reason = "navigation"
        i = max(j, i + 1)


_FUNCTION_WORDS = frozenset("a an the of to in on at for with by from and or but is are was were be has have had says "
                            "said will would can could not no as that this these those it its".split())


def _menu_line(line: _Line) -> bool:
    """One line of section names: six or more capitalised words, no function word, no punctuation;
    or four or more capitalised words (hyphens and ampersands allowed) of which at least two, and
    at least two in five, are the names news sites give their sections (`section_names.txt`)."""
    tokens = line.plain.split()
    if (len(tokens) >= 6 and all(t[:1].isupper() and t.isalpha() for t in tokens)
            and not any(t.lower() in _FUNCTION_WORDS for t in tokens)):
        return True
    words = [t for t in tokens if t not in ("&", "|", "/", "•", "·", "-")]
    if len(words) < 4 or line.ends_sentence or any(t.lower() in _FUNCTION_WORDS - {"and"} for t in words):
        return False
    capitalised = sum(1 for t in words if t[:1].isupper() or t[:1].isdigit())
    named = sum(1 for t in words if t.lower().strip(",;") in _section_names())
    return capitalised >= 0.8 * len(words) and named >= 2 and named >= 0.4 * len(words)


@lru_cache(maxsize=1)
def _section_names() -> frozenset[str]:
    text = paths.resource_text("section_names.txt")
    return frozenset(w.strip().lower() for w in text.splitlines() if w.strip() and not w.startswith("#"))


def _mark_layout(lines: list[_Line]) -> None:
    """Section-name menus on one line, drop-cap letters, and pull quotes repeating the body."""
    bodies = [ln.key for ln in lines if ln.prose]
    for i, line in enumerate(lines):
        if line.reason is not None:
            continue
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if _menu_line(line):
            line.reason = "navigation"
        elif len(line.text) == 1 and line.text.isalpha() and nxt is not None and nxt.text[:1].islower():
            line.reason = "markup"  # a drop cap split from the rest of its word
        elif line.text[:1] in "\"“‘'«" and line.words >= 5:
            key = line.key
            if any(key != body and key in body for body in bodies):
                line.reason = "duplicate"  # a pull quote: the same words stand in the body


def _first_prose(lines: list[_Line]) -> int:
    """Where the article body starts: the first unremoved prose line with more prose close below.

    A lone prose line above (a cookie banner, a ticker) does not count when a run follows.
    """
    # Blocks inserted into the text (teasers, appeals, adverts, captions) do not count as distance.
    open_ = [i for i, ln in enumerate(lines) if ln.reason not in ("related", "promo", "advert", "social", "caption", "credit")]
    prose = [n for n, i in enumerate(open_) if lines[i].prose and lines[i].reason is None]
    for n in prose:
        if any(m in prose for m in range(n + 1, n + 4)):
            return open_[n]
    return open_[prose[0]] if prose else len(lines)


def _standfirst_above_title(lines: list[_Line], first_prose: int,
                            found: tuple[int | None, bool]) -> tuple[tuple[int | None, bool], int]:
    """Pages that print the standfirst above the headline: a prose line, then within the next two
    open lines the headline (the known title, or a headline-like line when none stands above),
    then the body. Returns the title and where the body starts."""
    title_at, confirmed = found
    after = [i for i in range(first_prose + 1, len(lines)) if lines[i].reason is None][:3]
    if title_at is None or title_at < first_prose:
        if title_at is not None or not after:
            return found, first_prose
        candidate = after[0]
        line = lines[candidate]
        if not (4 <= line.words <= 20 and not line.prose and not line.ends_sentence and _headline_like(line)):
            return found, first_prose
        title_at, confirmed = candidate, False
    elif title_at not in after[:2]:
        return found, first_prose
    body = next((i for i in range(title_at + 1, len(lines)) if lines[i].reason is None and lines[i].prose), None)
    if body is None:
        return (title_at, confirmed), first_prose
    return (title_at, confirmed), body


def _headline_like(line: _Line) -> bool:
    return 2 <= line.words <= 30 and not line.text.endswith((".", ",", ";", ":"))


def _find_title(lines: list[_Line], first_prose: int, title: str | None) -> tuple[int | None, bool]:
    """The headline and whether the metadata confirmed it.

    With a known title: the line equal to it (or containing it, glued to a label). Without:
    the headline-like line closest above the body, or the first of two such adjacent lines
    (headline and standfirst).
    """
    if title:
        key = normalize_line(title)
        exact = [i for i, ln in enumerate(lines) if ln.key == key]
        if exact:
            return exact[0], True
        glued = [i for i, ln in enumerate(lines[: first_prose + 1]) if key and key in ln.key
                 and ln.words <= _count_words(title) + 4]
        if glued:
            return glued[0], True
    candidates = [i for i in range(min(first_prose, len(lines)))
                  if lines[i].reason is None and lines[i].words >= 4 and _headline_like(lines[i])
                  and not (i and lines[i - 1].text.endswith(":") and lines[i - 1].words <= 2)]
    if not candidates:
        return None, False
    strong = [i for i in candidates if lines[i].words >= 6 and not _byline_like(lines[i])
              and not _ROLE.search(lines[i].text)]
    best = (strong or candidates)[-1]
    above = best - 1
    while above >= 0 and lines[above].reason is not None and lines[above].reason != "navigation":
        above -= 1
    if above >= 0 and lines[above].key == lines[best].key:
        return above, False  # the headline printed twice: the first is the headline, the second a repeat
    glued = above >= 0 and lines[best].key and lines[above].key.endswith(lines[best].key)
    if above in candidates and not lines[above + 1].blank_before and above == best - 1 and not glued:
        best = above
    return best, False


_ROLE = re.compile(
    r"\b(fellow|editor|correspondent|reporter|writer|director|professor|analyst|researcher|chief|head|"
    r"senior|staff|contributor|columnist|programme|program|institute|university|cent(?:re|er)|desk|bureau)\b",
    re.IGNORECASE,
)
_CONNECTORS = {"and", "in", "with", "from", "by", "for", "at", "of", "the", "&", ",", "|", "·"}


def _name_and_role(line: _Line) -> bool:
    """"Jane Doe, Brussels correspondent": a name, a comma, a short role."""
    name, _, role = line.plain.partition(", ")
    return bool(role) and _looks_like_names(name) and len(role.split()) <= 6 and bool(_ROLE.search(role)) \
        and not line.ends_sentence


def _byline_like(line: _Line) -> bool:
    """Names, optionally with places or outlets: "Jane Doe in Kyiv and John Roe", "From Jane Doe"."""
    if line.words > 14 or line.ends_sentence:
        return False
    tokens = line.plain.replace(",", " , ").replace("|", " | ").split()
    caps = [t for t in tokens if t[:1].isupper()]
    rest = [t for t in tokens if not t[:1].isupper() and t.lower() not in _CONNECTORS]
    return len(caps) >= 2 and not rest


def _mark_head(lines: list[_Line], first_prose: int, found: tuple[int | None, bool], author: str | None) -> None:
    """Lines before the first prose: navigation above the headline, bylines and labels below it."""
    title_at, confirmed = found
    head_end = first_prose if title_at is None or title_at < first_prose else title_at
    title_key = lines[title_at].key if title_at is not None else None
    standfirst_seen = False
    for i in range(min(head_end, len(lines))):
        line = lines[i]
        if i == title_at or line.reason is not None:
            if line.reason == "byline" and i + 1 < head_end and lines[i + 1].reason is None and \
                    lines[i + 1].words <= 10 and not lines[i + 1].prose and _ROLE.search(lines[i + 1].text):
                lines[i + 1].reason = "byline"  # the author's role under the byline
            continue
        key = line.key
        if title_key and key != title_key and (key.endswith(title_key) or key.startswith(title_key)):
            line.reason = "duplicate"  # the headline glued to a breadcrumb or section label
        elif title_at is not None and i < title_at:
            first_half = i == title_at - 1 and not lines[title_at].blank_before and line.text.endswith(":") and line.words >= 2
            if not line.prose and (confirmed or line.words <= 4) and not first_half:  # ("Title:" / "Subtitle")
                line.reason = "navigation"
        elif line.text.endswith(":") and line.words <= 4 and i + 1 < len(lines) and _names_only(lines[i + 1]):
            line.reason = "byline"
            lines[i + 1].reason = "byline"
        elif _names_only(line) and (_matches_author(line.text, author) or line.words <= 4 and title_at is not None):
            line.reason = "byline"
        elif title_at is not None and standfirst_seen and (_byline_like(line) or _name_and_role(line)):
            line.reason = "byline"
        elif title_at is None and line.words <= 3 and not line.ends_sentence:
            line.reason = "navigation"
        if line.reason is None and title_at is not None and i > title_at:
            standfirst_seen = True


def _matches_author(text: str, author: str | None) -> bool:
    return bool(author) and normalize_line(author) in normalize_line(text)


def _mark_tail(lines: list[_Line], first_prose: int, block_marker: dict[int, bool], author: str | None) -> None:
    """End-of-article blocks, author bios and trailing link lists."""

    def prose_chars(segment: Sequence[_Line]) -> int:
        return sum(len(ln.text) for ln in segment if ln.prose and ln.reason is None and not _BIO.match(ln.text))

    start = None
    i = first_prose + 1
    while i < len(lines):
        if not block_marker.get(i):
            i += 1
            continue
        resume = _resumes(lines, i) if lines[i].reason == "related" else None
        if resume is not None:
            # A related-links box inside the article: drop it; a single line just above the text
            # may be a subheading and stays, a list of two or more teaser lines goes whole.
            # A list of teasers printed right under the box's heading (no blank line between) goes whole.
            last = resume - 1
            k = i + 1
            while k < resume and not lines[k].blank_before and not lines[k].prose and not lines[k].ends_sentence:
                k += 1
            if k == resume or lines[k].blank_before:
                last = max(last, k)
            for k in range(i, last):
                lines[k].reason = lines[k].reason or "related"
            i = resume
            continue
        if prose_chars(lines[i + 1:]) < prose_chars(lines[:i]) / 3:
            start = i
            break
        i += 1
    if start is not None:
        block = lines[start].reason
        for i in range(start + 1, len(lines)):
            line = lines[i]
            if block_marker.get(i):
                block = line.reason
                continue
            if line.reason is not None:
                continue
            if _names_only(line) and line.words <= 4:
                line.reason = "byline"
            elif block == "bio" and not line.prose:
                line.reason = "related"
            else:
                line.reason = block
        tail = lines[start:]
        body = lines[:start]
    else:
        tail, body = [], lines

    # Bios of the author, and repeats of anything the tail removed, just above the tail.
    removed_tail = [ln for ln in tail if ln.reason in ("bio", "byline", "related")]
    half = len(body) // 2
    for line in body[half:]:
        if line.reason is not None:
            continue
        if _BIO.match(line.text) and (_matches_author(line.text, author) or _only_leftovers_after(body, line)):
            line.reason = "bio"
        else:
            twin = next((o for o in removed_tail if _similar_words(line.word_set, o.word_set)), None)
            if twin is not None:
                line.reason = twin.reason

    # A trailing run of non-prose lines after the last prose: tags, link lists, teaser headlines.
    # A single last line of more than six words stays: it may be a quote left without a full stop.
    trailing: list[_Line] = []
    for line in reversed(body):
        if line.reason is not None:
            continue
        if line.prose or line.words > 20 or line.ends_sentence:
            break
        trailing.append(line)
    for line in trailing:
        if len(trailing) >= 2 or line.words <= 6:
            line.reason = "navigation" if line.words <= 6 else "related"


def _article_prose(line: _Line) -> bool:
    """Prose that reads as the article's own: not removed, not a bio, not a teaser cut off with '...'."""
    return line.reason is None and line.prose and not _BIO.match(line.text) and not line.plain.endswith(("...", "…"))


def _resumes(lines: list[_Line], marker: int) -> int | None:
    """Where article prose starts again after a related-links marker, if at least two prose lines follow."""
    after = [k for k in range(marker + 1, len(lines)) if _article_prose(lines[k])]
    if len(after) >= 2 or (after and sum(len(lines[k].text) for k in after) >= 300):
        return after[0]
    return None


def _only_leftovers_after(body: list[_Line], line: _Line) -> bool:
    after = body[body.index(line) + 1:]
    return all(ln.reason is not None or not ln.prose or _BIO.match(ln.text) for ln in after)


def _mark_repeats(lines: list[_Line], shared: frozenset[str], first_prose: int, title_at: int | None) -> None:
    """Exact repeats inside the article, and lines the outlet prints on many pages."""
    seen: set[str] = set()
    kept_prose = [i for i, ln in enumerate(lines)
                  if ln.reason is None and ln.prose and ln.key not in shared]
    last_prose = kept_prose[-1] if kept_prose else -1
    title_key = lines[title_at].key if title_at is not None else None
    for i, line in enumerate(lines):
        if line.reason is not None or i == title_at:
            if i == title_at:
                seen.add(line.key)
            continue
        key = line.key
        if key and key in shared and (i < first_prose or i > last_prose):  # non-prose repeats went earlier
            line.reason = "boilerplate"
        elif key and key in seen and line.words >= 2:
            line.reason = "duplicate"
        elif title_key and key != title_key and (key.endswith(title_key) or key.startswith(title_key)) \
                and line.words <= lines[title_at].words + 3:
            line.reason = "duplicate"  # the headline glued to a label ("NewsKallas: ...") further down
        seen.add(key)


def _assign_kinds(lines: list[_Line], first_prose: int, title_at: int | None) -> None:
    kept = [i for i, ln in enumerate(lines) if ln.reason is None]
    standfirst_done = False
    for i in kept:
        line = lines[i]
        if i == title_at:
            line.kind = "title"
        elif i < first_prose:
            line.kind = "standfirst"
            standfirst_done = True
        elif not standfirst_done and i == kept[0] and title_at is None and line.words <= 30 and not _has_two_sentences(line):
            nxt = [j for j in kept if j > i]
            line.kind = "standfirst" if nxt and lines[nxt[0]].words > line.words else "body"
            standfirst_done = True
        elif not line.prose and _headline_like(line) and line.words <= 15 and not line.text.startswith(("\"", "“", "-", "–", "—")):
            line.kind = "subhead"
        else:
            line.kind = "body"
            standfirst_done = True


def _has_two_sentences(line: _Line) -> bool:
    return bool(_SENTENCE_INSIDE.search(line.text))


def _paragraphs(lines: list[_Line]) -> list[dict]:
    """Kept logical lines as numbered paragraphs with their raw line range."""
    kept = [ln for ln in lines if ln.reason is None]
    return [
        {"paragraph_id": n, "kind": ln.kind, "text": ln.text, "line_start": ln.no, "line_end": ln.no_end,
         "doubt": ln.doubt}
        for n, ln in enumerate(kept, 1)
    ]


def _find_author(lines: list[_Line]) -> str | None:
    for line in lines:
        if line.reason != "byline":
            continue
        m = re.match(
            r"^(?:by|written by|posted by|words by|text by|story by|reported by|author|authors|reporter|"
            r"correspondent|editor|contributor)s?\s*[:|]?\s+(.+)$",
            line.text,
            re.IGNORECASE,
        )
        candidate = m.group(1) if m else line.text
        candidate = re.split(r"\s[|•·]\s|\s[-–—]\s|,\s(?=[a-z])", candidate)[0].strip(" ,.")
        if _looks_like_names(candidate) and not candidate.endswith(":"):
            return candidate
    return None
