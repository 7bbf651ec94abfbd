"""Where an article's parts are: the first prose, the headline (and a standfirst above it), the
head and tail blocks around the body, repeats, and the kind of each kept line."""

from __future__ import annotations

from collections.abc import Sequence

from analysis.clean.bylines import _BIO, _ROLE, _byline_like, _matches_author, _name_and_role, _names_only
from analysis.clean.lines import _SENTENCE_INSIDE, _count_words, _Line, _similar_words, normalize_line


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
        elif (_names_only(line) and (_matches_author(line.text, author) or line.words <= 4 and title_at is not None)
              or title_at is not None and standfirst_seen and (_byline_like(line) or _name_and_role(line))):
            line.reason = "byline"  # names: the author's, short ones under a headline, or names and roles after the standfirst
        elif title_at is None and line.words <= 3 and not line.ends_sentence:
            line.reason = "navigation"
        if line.reason is None and title_at is not None and i > title_at:
            standfirst_seen = True


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
    # (a line of fewer than six distinct words is nobody's twin: `_similar_words`)
    removed_tail = [ln for ln in tail if ln.reason in ("bio", "byline", "related") and len(ln.word_set) >= 6]
    half = len(body) // 2
    for line in body[half:]:
        if line.reason is not None:
            continue
        if _BIO.match(line.text) and (_matches_author(line.text, author) or _only_leftovers_after(body, line)):
            line.reason = "bio"
        elif removed_tail:
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
        elif not line.prose and _headline_like(line) and line.words <= 15 and \
                not line.text.startswith(("\"", "“", "-", "–", "—")):
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
