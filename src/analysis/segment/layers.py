"""Sentence records with their voice, and the layers of a paragraph's text.

A sentence is quoted, a question, reported or narration; a stretch of text is quoted, reported,
question, scare-quoted, a speaker label or narration (the outlet's own words).
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from analysis.segment.interviews import interview_turns
from analysis.segment.quotes import _MIN_QUOTE_WORDS, QUOTED_KINDS, Quote, _find_quotes
from analysis.segment.sentences import _is_default, _strip, sentence_spans
from analysis.segment.tokens import _TOKEN_RE

if TYPE_CHECKING:
    from nltk.tokenize.punkt import PunktSentenceTokenizer


def sentence_quote_overlap(
    text: str, span: tuple[int, int], quotes: Sequence[Quote]
) -> tuple[float, Quote | None]:
    """Share of the non-space characters of ``text[span]`` inside ``quotes`` (quotes of that same
    paragraph), and the quote holding most of them (None when no quote overlaps).

    Parameters
    ----------
    text : the paragraph.
    span : ``(start, end)`` of the sentence in it.
    quotes : quotes of that paragraph (overlapping ones count once).

    Returns
    -------
    (float, Quote or None)
        The share (0.0 for a sentence without non-space characters) and that quote.
    """
    start, end = span

    def solid(a: int, b: int) -> int:  # non-space characters of text[a:b] (split() drops str.isspace ones)
        return sum(map(len, text[a:b].split())) if a < b else 0

    total = solid(start, end)
    counts = [(solid(max(start, q.start), min(end, q.end)), q) for q in quotes]
    covered, inside = start, 0  # union of the quote intervals, in order
    for q in sorted(quotes, key=lambda q: q.start):
        a, b = max(covered, q.start, start), min(q.end, end)
        if a < b:
            inside += solid(a, b)
            covered = b
    best = max(counts, key=lambda nq: nq[0], default=(0, None))
    return (inside / total if total else 0.0), (best[1] if best[0] else None)


def segment_paragraphs(
    paragraphs: list[str], tokenizer: PunktSentenceTokenizer | None = None
) -> tuple[list[dict], list[dict]]:
    """Sentence and quote records of one article.

    Sentences: paragraph_index, sentence_index (0-based in the article), text, start, end (offsets
    in the paragraph), in_quote (at least half of the non-space characters are quoted: direct,
    dash or interview speech, or an interviewer's question), speaker (of that quote, else "") and
    voice: ``quote``, ``question`` (an interviewer's), ``reported`` (at least half inside reported
    speech) or ``narration`` (the outlet's own words). A speaker label opening a paragraph is not
    part of its first sentence. Quotes: paragraph_index, quote_index, text, speaker, kind, start, end.

    Parameters
    ----------
    paragraphs : the article's paragraphs, in order.
    tokenizer : the sentence splitter of the sentence records (None: the default one); quotes
        are always found on the default split.

    Returns
    -------
    (list of dict, list of dict)
        The sentence records and the quote records.
    """
    default = [sentence_spans(par) for par in paragraphs]
    own = default if _is_default(tokenizer) else [sentence_spans(par, tokenizer) for par in paragraphs]
    turns = interview_turns(paragraphs)
    quotes = _find_quotes(paragraphs, default, _MIN_QUOTE_WORDS, short=True, reported=True, turns=turns)
    by_paragraph: dict[int, list[Quote]] = {}
    for q in quotes:
        by_paragraph.setdefault(q.paragraph_index, []).append(q)
    labels = {pi: start for pi, (start, _, _) in turns.items()}
    sentences: list[dict] = []
    for pi, par in enumerate(paragraphs):
        here = by_paragraph.get(pi, [])
        quoted = [q for q in here if q.kind in QUOTED_KINDS]
        reported = [q for q in here if q.kind == "indirect"]
        for s, e in own[pi]:
            if pi in labels and s < labels[pi] <= e:
                s = _strip(par, labels[pi], e)[0]  # "SP: Can the talks ...": the label is no text
                if s >= e:
                    continue
            share, quote = sentence_quote_overlap(par, (s, e), quoted)
            in_quote = share >= 0.5 and quote is not None
            if in_quote:
                voice = "question" if quote.kind == "question" else "quote"
            else:
                voice = "reported" if sentence_quote_overlap(par, (s, e), reported)[0] >= 0.5 else "narration"
            sentences.append({
                "paragraph_index": pi, "sentence_index": len(sentences), "text": par[s:e], "start": s,
                "end": e, "in_quote": in_quote, "speaker": quote.speaker if in_quote and quote else "",
                "voice": voice,
            })
    keys = ("paragraph_index", "text", "speaker", "kind", "start", "end")
    return sentences, [{"quote_index": i} | {k: getattr(q, k) for k in keys} for i, q in enumerate(quotes)]


def layer_spans(quotes: Iterable[Mapping], key: str = "paragraph_index") -> dict[object, list[tuple[int, int, str]]]:
    """{paragraph: sorted (start, end, layer)} of the quoted, reported, question and scare-quoted
    stretches and speaker labels of each paragraph, from quote records with kind and offsets
    (`segment_paragraphs`'s, keyed by ``paragraph_index``; the `quotes` table's by ``paragraph_id``):
    what is not in one is narration.

    Parameters
    ----------
    quotes : quote records with ``kind``, ``start``, ``end`` and ``key``.
    key : the field naming the paragraph.

    Returns
    -------
    dict
        Paragraph key -> sorted ``(start, end, layer)``, layer one of `LAYER_OF_KIND`'s values or ``label``.
    """
    spans: dict[object, list[tuple[int, int, str]]] = {}
    for q in quotes:
        start, end = int(q["start"]), int(q["end"])
        here = spans.setdefault(q[key], [])
        here.append((start, end, LAYER_OF_KIND[q["kind"]]))
        if q["kind"] in ("question", "interview") and start > 0:
            here.append((0, start, "label"))
    return {k: sorted(v) for k, v in spans.items()}


#: The layer of a paragraph's text each kind of quote makes; `label` is a speaker label ("SP:").
LAYER_OF_KIND = {"direct": "quoted", "dash": "quoted", "interview": "quoted", "partial": "quoted",
                 "question": "question", "indirect": "reported", "scare": "scare"}


def layer_at(spans: Sequence[tuple[int, int, str]], start: int, end: int) -> str:
    """The layer of the text at [start, end): the innermost stretch holding it, else narration
    (a quote inside reported speech counts as quoted).

    Parameters
    ----------
    spans : the paragraph's stretches, from `layer_spans`.
    start, end : the text's offsets in the paragraph.

    Returns
    -------
    str
    """
    holding = [(e - s, lay) for s, e, lay in spans if s <= start and end <= e]
    return min(holding)[1] if holding else "narration"


#: Layers written in the outlet's own words: its narration, and what it reports others said in
#: its own paraphrase ("Lavrov said that Kiev ..."). Quoted words, interviewers' questions,
#: scare quotes and speaker labels are not.
OWN_LAYERS = ("narration", "reported")


def layer_tokens(texts: Sequence[str], spans: Mapping[object, Sequence[tuple[int, int, str]]],
                 keys: Sequence[object] | None = None, tokens: Sequence[Sequence[str]] | None = None) -> Counter[str]:
    """An article's word tokens (as `tokenize` finds them) per layer: each token in the layer of the
    text it stands in (`layer_at`), every token of a paragraph without stretches in narration. The
    denominator of a rate in one layer: hits in the outlet's own words per 1,000 of its own words,
    not of all the article's words (quotes take a different share of each article).

    Parameters
    ----------
    texts : the article's paragraphs.
    spans : {paragraph key: its stretches} (`layer_spans`).
    keys : each paragraph's key in `spans` (default: its position).
    tokens : each paragraph's `tokenize` tokens when already computed (counted for paragraphs
        without stretches).

    Returns
    -------
    collections.Counter
        layer -> tokens; `OWN_LAYERS` together are the outlet's own words.
    """
    out: Counter[str] = Counter()
    for n, text in enumerate(texts):
        here = spans.get(keys[n] if keys is not None else n)
        if not here:
            out["narration"] += len(tokens[n]) if tokens is not None else len(_TOKEN_RE.findall(text))
            continue
        spans_ = [m.span() for m in _TOKEN_RE.finditer(text)]
        starts, ends = [a for a, _ in spans_], [b for _, b in spans_]
        layers = ["narration"] * len(spans_)
        # (as `layer_at`, the innermost stretch holding a token wins, ties by layer name: written last)
        for start, end, layer in sorted(here, key=lambda sp: (sp[1] - sp[0], sp[2]), reverse=True):
            i = bisect_left(starts, start)
            while i < len(ends) and ends[i] <= end:
                layers[i] = layer
                i += 1
        out.update(layers)
    return out


def own_text(text: str, spans: Sequence[tuple[int, int, str]]) -> str:
    """`text` with every stretch not in the outlet's own words (`OWN_LAYERS`) blanked.

    Parameters
    ----------
    text : the paragraph.
    spans : its stretches, from `layer_spans`.

    Returns
    -------
    str
        Of the same length, the blanked characters replaced by spaces (offsets kept).
    """
    out, at = [], 0
    for s, e, _ in sorted(sp for sp in spans if sp[2] not in OWN_LAYERS):
        s, e = max(s, at), min(e, len(text))
        if s < e:
            out += [text[at:s], " " * (e - s)]
            at = e
    out.append(text[at:])
    return "".join(out)
