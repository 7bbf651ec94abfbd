"""Line rules of a kind: leftovers recognised by their own shape (desk labels, staff bylines,
datelines, calls to follow, icon residue, photo captions), emoji and timed teaser lists, appeals
for money, and captions next to their credit."""

from __future__ import annotations

import re
import unicodedata

from analysis.clean.dates import _MONTHS, _is_date_line
from analysis.clean.lines import _SENTENCE_END, _count_words, _Line
from analysis.clean.shared_lines import SharedLinesLike

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
#: Where a line of fields breaks: "World News | 14:32, 03.06.2025".
_FIELD_BREAK = re.compile(r"\s*[|·•]\s*|\s+[-–—]\s+")
_BY_NAME = re.compile(r"^by\s+[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}$")
_REPORTED_FROM = re.compile(r"^[A-Z][\w'’-]+(?: and [A-Z][\w'’-]+)? (?:reported|contributed reporting|wrote) from [A-Z]")
_POST_SIGNATURE = re.compile(r"^[—–-]\s*[^()]{2,80}\(@\w+\)\s+" + rf"(?:{_MONTHS})\.?\s+\d{{1,2}},\s+\d{{4}}$",
                             re.IGNORECASE)
_HANDLE = re.compile(r"^[a-z][\w.]*\d*:\s|^[A-Za-z]+(?:_\w+|\d{2,})\w*:\s")
_URL = re.compile(r"https?://|\bt\.me/|\bwww\.\w")
_TIMED = re.compile(r"^\d{1,2}[:.]\d{2}\s+\S")
_SAYS = re.compile(r"\b(said|says|told|stated|added|according to|claimed|noted|warned|insisted)\b", re.IGNORECASE)


def _line_rule(line: _Line) -> str | None:
    """Leftovers recognised by their shape whatever the site: desk labels with a date, staff
    bylines, lone datelines, calls to follow a link, icon-font residue, photo captions without a
    credit and emoji-bulleted teasers. Returns the reason, or None; marks weak decisions as doubtful."""
    plain = line.plain
    if line.words <= 14 and not line.ends_sentence:
        parts = [p for p in _FIELD_BREAK.split(plain) if p.strip()]
        dated = [_is_date_line(p) for p in parts] if len(parts) >= 2 else []
        if any(dated) and all(d or (_count_words(p) <= 4 and not _SENTENCE_END.search(p)) for p, d in zip(parts, dated)):
            return "metadata:date"  # "World News | 14:32, 03.06.2025", "03.06.2025 | Politics | World"
        if line.words <= 8 and _STAFF_BYLINE.match(plain):
            return "byline"
        if line.words <= 4 and _LONE_DATELINE.match(plain):
            line.doubt = True
            return "metadata:dateline"
        if line.words <= 6 and _BY_NAME.match(plain):
            return "byline"  # "by Daria Hordiienko"
        if line.words <= 10 and _REPORTED_FROM.match(plain):
            return "byline"  # "Marsh reported from London."
    if _POST_SIGNATURE.match(plain):
        return "social"  # "— Jane Roe (@janeroe) June 25, 2025": the signature of an embedded post
    if _HANDLE.match(plain) and line.words <= 60:
        line.doubt = True
        return "comments"  # "HarlanDad57: ...", "peter_w: ...": a commenter's handle
    if line.words <= 12 and _URL.search(plain) and not line.ends_sentence:
        return "metadata:url"
    if " " not in plain and len(plain) >= 12 and plain.islower() and _ICON_NAMES.fullmatch(plain):
        return "social"  # "facebooktwittertelegramwhatsappemail": icon names run together
    if line.words <= 50 and _may_link(plain) and _URL_OR_HANDLE.search(plain) and _CALL_VERB.search(plain) \
            and not plain.startswith(("\"", "“")):
        return "promo"  # "Watch the briefing on our channel https://... and follow us at www..."
    # (the cheap tests first: the date at the end is the slowest to look for)
    if (6 <= line.words <= 40 and not any(q in plain for q in "\"“”«»") and _DEPICTION.search(plain)
            and _CAPTION_WHEN.search(plain) and not _SAYS.search(plain)):
        line.doubt = True
        return "caption"  # "Sergei Lavrov speaks during a news conference in Moscow, Russia, on June 3, 2025."
    return None


def _may_link(text: str) -> bool:
    """Holds a string every match of `_URL_OR_HANDLE` holds (a quick test before the search)."""
    return "http" in text or "www" in text or "@" in text


def _emoji_teaser(line: _Line) -> bool:
    plain = line.plain
    return bool(plain) and unicodedata.category(plain[0]) == "So" and line.words <= 16 and not line.ends_sentence


def _timed_teaser(line: _Line) -> bool:
    return line.words <= 10 and not line.ends_sentence and bool(_TIMED.match(line.plain))


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


_QUOTED = re.compile(r"[\"“«][^\"”»]*[\"”»]")
_DEAR = re.compile(r"^dear (reader|readers|friend|friends)\b", re.IGNORECASE)
_OURS = re.compile(r"\b(we|our|us)\b", re.IGNORECASE)
_THANKS = re.compile(r"\bthank you\b|\bthanks\b", re.IGNORECASE)


def _addresses_reader(text: str) -> bool:
    """`_SECOND_PERSON` found in `text`, searched only when it holds "you" or "dear" in any case (as every
    match does: no other character matches these letters under re.IGNORECASE)."""
    lower = text.lower()
    return ("you" in lower or "dear" in lower) and bool(_SECOND_PERSON.search(text))


def _outside_quotes(text: str) -> str:
    return _QUOTED.sub(" ", text)


def _mark_appeals(lines: list[_Line], shared: frozenset[str] | SharedLinesLike = frozenset()) -> None:
    """Appeals to the reader for money or membership, of any length: a paragraph that addresses
    the reader ("you", "dear reader") and asks for support twice over, and the paragraphs of the
    same appeal around it (addressing the reader and asking once). Lines the outlet repeats on
    many pages are left to the boilerplate rule."""
    def appeal(line: _Line, needed: int) -> bool:
        text = _outside_quotes(line.plain)
        return _addresses_reader(text) and len({m.group(0).lower() for m in _APPEAL.finditer(text)}) >= needed

    core = [i for i, ln in enumerate(lines)
            if ln.reason is None and ln.key not in shared and (appeal(ln, 2) or _DEAR.match(ln.plain))]
    def same_appeal(line: _Line) -> bool:
        text = _outside_quotes(line.plain)
        ours = bool(_OURS.search(text))
        return appeal(line, 1) or (ours and bool(_APPEAL.search(text))) or (
            line.words <= 12 and bool(_THANKS.search(text)))

    for i in core:
        lines[i].reason = "promo"
        for step in (-1, 1):
            j = i + step
            while 0 <= j < len(lines) and (lines[j].reason in (None, "promo")) and lines[j].key not in shared and (
                    lines[j].reason == "promo" or same_appeal(lines[j])):
                lines[j].reason = "promo"
                j += step


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
