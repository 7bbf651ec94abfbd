"""Reading an article's raw text into logical lines, and the line keys every rule compares.

`split_lines` numbers raw lines as an editor does; `_read_lines` folds white space and invisible
characters, cuts an export's metadata prefix, and joins hard-wrapped lines into one `_Line`;
`normalize_line` is the key lines are compared by, inside an article and across an outlet's.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_HAS_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
#: HTML tags that wrap or format text (paragraphs, links, emphasis, headings, list items, quotes): in a
#: corpus exported as HTML they are taken out and their text kept. Tags of things that are not article
#: text (script, style, img, iframe, forms ...) are left, and the markup cue removes their lines.
_TEXT_TAG = re.compile(r"</?(?:p|div|span|a|b|i|u|em|strong|small|big|sup|sub|h[1-6]|li|ul|ol|dl|dt|dd|blockquote|q|"
                       r"cite|article|section|header|main|br|font|mark|abbr|time|center)\b[^<>]*/?>", re.IGNORECASE)
#: Character references: named (&nbsp; &quot; &amp;), decimal (&#8220;) and hexadecimal (&#x201C;).
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_SENTENCE_END = re.compile(r"[.!?…](?:[\"'”’»)\]]+)?$")
_SENTENCE_INSIDE = re.compile(r"[.!?…][\"'”’»)\]]*\s+[\"'“‘«(\[]?[A-Z0-9А-Я]")
_WORD = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*", re.UNICODE)


_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MD_PREFIX = re.compile(r"^(?:#{1,6}\s+|[*+•]\s+|>\s*|\(?\d{1,3}[.)\]]\s+|\[\d{1,3}\]\s*)+")
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'",
                         "–": "-", "—": "-", "‐": "-", "‑": "-"})


class _cached:
    """A property computed on first use and kept in the instance's `__dict__` (which `_Line._changed`
    clears): `functools.cached_property` without its lock, which costs more than most of these take."""

    def __init__(self, compute: Callable[[Any], Any]) -> None:
        self.compute = compute
        self.name = compute.__name__
        self.__doc__ = compute.__doc__

    def __get__(self, line: Any, owner: type | None = None) -> Any:
        if line is None:
            return self
        value = line.__dict__[self.name] = self.compute(line)
        return value


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

    @_cached
    def plain(self) -> str:
        return _plain(self.text)

    @_cached
    def plain_words(self) -> int:
        plain = self.plain
        return self.words if plain == self.text else _count_words(plain)  # (`words` counts `text`'s words)

    @_cached
    def word_set(self) -> frozenset[str]:
        """The line's words in lower case (`_similar`)."""
        return _word_set(self.text)

    @_cached
    def key(self) -> str:
        """`normalize_line(self.text)`."""
        return normalize_line(self.text)

    @property
    def no_end(self) -> int:
        return self.parts[-1][0]

    @_cached
    def ends_sentence(self) -> bool:
        """Ends with sentence punctuation; a short line cut off with an ellipsis is a teaser."""
        text = self.plain
        if text.endswith(("...", "…")):
            return self.words >= 25
        return bool(_SENTENCE_END.search(text))

    @_cached
    def prose(self) -> bool:
        """A line that reads as running text: long enough and with sentence punctuation."""
        if self.words >= 30:
            return True
        return self.words >= 8 and (self.ends_sentence or bool(_SENTENCE_INSIDE.search(self.plain)))

    def _changed(self) -> None:
        for name in ("plain", "plain_words", "word_set", "key", "ends_sentence", "prose"):
            self.__dict__.pop(name, None)


def split_lines(text: str) -> list[str]:
    """Split raw text into lines the way an editor numbers them (\\n, \\r\\n or \\r).

    Parameters
    ----------
    text : str
        Raw text.

    Returns
    -------
    list[str]
        The lines without their line breaks; a final line break starts no empty line.
    """
    lines = text.split("\n") if "\r" not in text else _LINE_BREAK.split(text)
    if lines and lines[-1] == "" and len(lines) > 1:
        lines.pop()
    return lines


def _unmark(line: str) -> str:
    """`line` with HTML character references decoded and text tags (`_TEXT_TAG`) taken out, where
    the line holds text besides them; a line of tags only is left as it is (the markup cue removes
    it, and it still counts as a raw line removed)."""
    if "<" in line and ">" in line:  # (tags first: an escaped "&lt;p&gt;" is text, and stays so)
        text = _TEXT_TAG.sub(" ", line)
        if text != line and text.strip():
            line = text
    if "&" in line and ";" in line:
        line = _ENTITY.sub(lambda m: html.unescape(m.group()), line)
    return line


def _fold(line: str) -> str:
    if ("&" in line or "<" in line) and (_ENTITY.search(line) or _TEXT_TAG.search(line)):
        line = _unmark(line)
    if not line.isascii():  # (ASCII text is NFC and holds none of the invisible characters)
        line = unicodedata.normalize("NFC", line)
        if _HAS_INVISIBLE.search(line):
            line = line.translate(_INVISIBLE)
    return " ".join(line.split())


def case_space_key(text: object) -> str:
    """A comparison key that ignores only case and white space (lighter than `normalize_line`, which
    also folds quotes, dashes and edge punctuation): for listing a text once where wire copy repeats it.

    Parameters
    ----------
    text : the text (anything `str` accepts).

    Returns
    -------
    str
    """
    return " ".join(str(text).casefold().split())


def normalize_line(line: str) -> str:
    """A comparison key for a line: case, quotes, dashes, spacing and edge punctuation folded.

    Parameters
    ----------
    line : str
        One raw line.

    Returns
    -------
    str
        The key (empty for a line of white space and punctuation only).
    """
    folded = _fold(line)
    if not folded.isascii():  # the quotes and dashes to fold are not ASCII
        folded = folded.translate(_QUOTES)
    return folded.casefold().strip(" .,:;!?-'\"")


def _plain(text: str) -> str:
    """Text with Markdown link, image, heading and list syntax (HTML-to-text exports) removed."""
    text = _MD_IMAGE.sub(lambda m: m.group(1), text)
    text = _MD_LINK.sub(lambda m: m.group(1), text)
    return _MD_PREFIX.sub("", text).strip()


_LINK_LEFTOVER = re.compile(r"[\s*+|·•,>#-]")


def _only_links(text: str) -> bool:
    """A line made of Markdown links or images and nothing else: a menu or a picture."""
    if "](" not in text:
        return False
    rest = _MD_LINK.sub("", _MD_IMAGE.sub("", text))
    return not _LINK_LEFTOVER.sub("", rest)


def _count_words(text: str) -> int:
    return len(_WORD.findall(text))


def _similar(a: str, b: str) -> bool:
    """Near-duplicates: one contains most of the other's words (for repeated bios and captions)."""
    return _similar_words(_word_set(a), _word_set(b))


def _word_set(text: str) -> frozenset[str]:
    return frozenset(_WORD.findall(text.lower()))


def _similar_words(wa: frozenset[str], wb: frozenset[str]) -> bool:
    if min(len(wa), len(wb)) < 6:
        return False
    return len(wa & wb) / min(len(wa), len(wb)) >= 0.85


#: An export's metadata field in front of the text on the same line: "date 2025-06-03 MOSCOW, ...".
_EXPORT_PREFIX = re.compile(
    r"^((?:date|published|pubdate|updated|posted|created)\s*:?\s*\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?Z?)?)\s+(?=\S)",
    re.IGNORECASE)


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
