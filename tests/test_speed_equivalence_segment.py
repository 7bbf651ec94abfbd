"""Segmentation's layers and the attribution patterns find exactly what the reference code finds.

Kept apart from test_speed_equivalence.py (whose corpora it reads) so that the long equivalence files
run side by side on two processes (`make test`, `--dist loadfile`).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from functools import lru_cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_speed_equivalence import benchmark_articles, corpus_sentences, equivalence_lines, equivalence_texts

from analysis import clean, segment
from analysis.segment import candidates as segment_candidates
from analysis.segment import patterns as segment_patterns

# --------------------------------------------------------------------------- segmentation and attribution


def reference_tokenize(text: str) -> list[str]:
    table = str.maketrans({"’": "'", "ʼ": "'", "‐": "-"})
    return [tok.lower().translate(table) for tok, _, _ in segment.token_spans(text)]


def reference_blank(text: str, cands: Sequence) -> str:
    return "".join(" " if any(c.start <= i < c.end for c in cands) else ch for i, ch in enumerate(text))


def reference_quote_overlap(text: str, span: tuple[int, int], quotes: Sequence[segment.Quote]) -> tuple[float, object]:
    start, end = span

    def solid(a: int, b: int) -> int:
        return sum(not c.isspace() for c in text[a:b]) if a < b else 0

    total = solid(start, end)
    counts = [(solid(max(start, q.start), min(end, q.end)), q) for q in quotes]
    covered, inside = start, 0
    for q in sorted(quotes, key=lambda q: q.start):
        a, b = max(covered, q.start, start), min(q.end, end)
        if a < b:
            inside += solid(a, b)
            covered = b
    best = max(counts, key=lambda nq: nq[0], default=(0, None))
    return (inside / total if total else 0.0), (best[1] if best[0] else None)


@lru_cache(maxsize=1)
def _reference_quotes(paragraphs: tuple[str, ...]) -> list[segment.Quote]:
    """The reference's quotes of one article, kept for its next call (the same article with another
    sentence splitter: quotes are always found on the default split)."""
    return segment.find_quotes(list(paragraphs), short=True, reported=True)


def reference_segment_paragraphs(paragraphs: list[str], tokenizer: object = None) -> tuple[list[dict], list[dict]]:
    """segment.segment_paragraphs as it was: quotes found with their own sentence split."""
    quotes = _reference_quotes(tuple(paragraphs))
    labels = {pi: start for pi, (start, _, _) in segment.interview_turns(paragraphs).items()}
    sentences: list[dict] = []
    for pi, par in enumerate(paragraphs):
        here = [q for q in quotes if q.paragraph_index == pi and q.kind in segment.QUOTED_KINDS]
        reported = [q for q in quotes if q.paragraph_index == pi and q.kind == "indirect"]
        for s, e in segment.sentence_spans(par, tokenizer):
            if pi in labels and s < labels[pi] <= e:
                s = len(par) - len(par[labels[pi]:].lstrip()) if par[labels[pi]:e].strip() else e
                if s >= e:
                    continue
            share, quote = segment.sentence_quote_overlap(par, (s, e), here)
            in_quote = share >= 0.5 and quote is not None
            voice = ("question" if quote.kind == "question" else "quote") if in_quote else \
                "reported" if segment.sentence_quote_overlap(par, (s, e), reported)[0] >= 0.5 else "narration"
            sentences.append({"paragraph_index": pi, "sentence_index": len(sentences), "text": par[s:e], "start": s,
                              "end": e, "in_quote": in_quote, "speaker": quote.speaker if in_quote and quote else "",
                              "voice": voice})
    keys = ("paragraph_index", "text", "speaker", "kind", "start", "end")
    return sentences, [{"quote_index": i} | {k: getattr(q, k) for k in keys} for i, q in enumerate(quotes)]


@lru_cache(maxsize=1)
def article_paragraphs() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(p["text"] for p in clean.clean_article(t).paragraphs)
                 for t in [*benchmark_articles()[:300], *equivalence_texts()])


def test_segmentation_of_the_corpus_articles_is_unchanged() -> None:
    custom = segment.sentence_tokenizer(segment.default_abbreviations() | {"n.m", "approx"})
    for i, paragraphs in enumerate(article_paragraphs()):
        assert segment.segment_paragraphs(list(paragraphs)) == reference_segment_paragraphs(list(paragraphs))
        if i % 5 == 0:
            assert segment.segment_paragraphs(list(paragraphs), custom) == reference_segment_paragraphs(list(paragraphs), custom)


def test_quote_overlaps_and_tokens_of_the_corpus_paragraphs_are_unchanged() -> None:
    for paragraphs in article_paragraphs():
        quotes = segment.find_quotes(list(paragraphs))
        for pi, par in enumerate(paragraphs):
            assert segment.tokenize(par) == reference_tokenize(par)
            here = [q for q in quotes if q.paragraph_index == pi]
            for span in segment.sentence_spans(par):
                assert segment.sentence_quote_overlap(par, span, here) == reference_quote_overlap(par, span, here)


def test_whitespace_and_lower_case_facts_the_fast_code_relies_on() -> None:
    """split() drops exactly the characters isspace() calls white space; lower-casing never makes
    one of the characters tokenize translates."""
    for code in range(0x110000):
        char = chr(code)
        assert (char.split() == []) == char.isspace()
        if char not in "’ʼ‐":
            assert not any(c in "’ʼ‐" for c in char.lower())


@st.composite
def _cands(draw: st.DrawFn) -> tuple[str, list]:
    text = draw(st.text(alphabet="ab “”\"\n\u00a0\u2003.", max_size=40))
    ends = st.integers(0, len(text) + 2)
    spans = draw(st.lists(st.tuples(ends, ends), max_size=5))
    return text, [segment_candidates._Cand(min(a, b), max(a, b), "pair") for a, b in spans]


@given(_cands())
def test_blanking_quotes_is_unchanged(case: tuple[str, list]) -> None:
    text, cands = case
    assert segment_candidates._blank(text, cands) == reference_blank(text, cands)
    quotes = [segment.Quote(0, c.start, c.end, text[c.start:c.end], "x") for c in cands]
    for span in [(0, len(text)), (0, len(text) // 2), (len(text) // 3, len(text))]:
        assert segment.sentence_quote_overlap(text, span, quotes) == reference_quote_overlap(text, span, quotes)


@st.composite
def quote_paragraphs(draw: st.DrawFn) -> list[str]:
    """Paragraphs of names, titles, speech verbs, quotation marks and dashes."""
    pieces = ["Lavrov", "Sergei Lavrov", "Russian Foreign Minister", "Dmitry Peskov", "the spokesman", "he", "She",
              "said", "told reporters", "added", "according to", "The", "Kremlin", "of", "van", "a", "political",
              "scientist", "at", "Kyiv", ",", ".", ":", "“", "”", '"', "«", "»", "—", "-", "We are ready", "talks",
              "Zelensky’s", "Ivan Mezhuh", "Él", "Ólafur", "Юрий", "again", "later", "Question", "Answer", "\n"]
    paragraphs = []
    for _ in range(draw(st.integers(1, 4))):
        paragraphs.append(" ".join(draw(st.lists(st.sampled_from(pieces), max_size=30))))
    return paragraphs


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(quote_paragraphs())
def test_quotes_and_sentences_of_generated_paragraphs_are_unchanged(paragraphs: list[str]) -> None:
    assert segment.segment_paragraphs(paragraphs) == reference_segment_paragraphs(paragraphs)
    for par in paragraphs:
        assert segment.tokenize(par) == reference_tokenize(par)


@lru_cache(maxsize=1)
def reference_patterns() -> dict[str, re.Pattern[str]]:
    """segment's attribution patterns as they were built (from the same word lists), without the
    capital-letter lookahead that speeds up names, and with the rules added on purpose written out
    here too: speakers in apposition ("a ministry spokeswoman, Jane Roe,"), "who" clauses, roles
    with initials ("a senior U.S. official"), unnamed sources ("one senior EU diplomat", "his
    mother", "a Western diplomat in Kyiv"), "quoted X as saying", "... and said", "In his
    opinion, ...", clauses ended by their attribution ("..., Sybiha has stated.") and dash
    attributions with an object ("- X told journalists.", "- X concluded the meeting."), and "X of
    the <Institution>" subjects (attr-rules); a name between commas before the verb ("Ukraine's
    ambassador, Jane Roe, said"), "has long argued", "a role at the <Institution>" and "said one
    resident, Jane Roe," (blind5 families); "said a manager at a London fund," (spk2); "believes political
    scientist Jane Roe" and "Majed al-Ansari" (blind12 families); "von der", "Jane Roe from <Place>", party tags
    (blind14 families)."""
    g = segment_patterns
    cap = rf"(?!(?:{g._STOP_CAP})\b)[A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽȘȚА-ЯЁ][\w'’.-]*"  # (blind15: Latin Extended-A capitals)
    # (blind12: "al-"; blind14: two particles, "von der")
    name = rf"(?<![\w'’]){cap}(?:\s+(?:(?:{g._CONNECT})\s+){{0,2}}(?:(?:al|el|ad|bin|ibn|abu)-)?{cap})*"
    titled = rf"{name}(?:\s+(?!(?:{g._STOP_LOW})\b)[a-z][\w-]*){{1,3}}\s+{name}"
    role_word = rf"(?!(?:{g._STOP_LOW})\b)[\w'’-]+(?:\.[\w'’-]+)*(?:\.(?!\s+[A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽȘȚА-ЯЁ]))?"
    det = r"(?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Oo]ur)"  # (blind18: "our correspondent")
    low = rf"(?!(?:{g._STOP_LOW})\b)[a-z][\w'’-]*"
    role_lazy = rf"\b{det}\s+(?:{role_word}\s+){{0,4}}?{role_word}"
    role_greedy = rf"\b{det}\s+{role_word}(?:\s+{role_word}){{0,4}}"
    pron = r"\b(?i:he|she|him|her)\b"
    # (attr-rules: no sentence end, ages; blind37/38: or a possessive, ", Exampleatom's director for cooperation,")
    # (blind87: or a possessive before a title, ", Ukraine's First Deputy Minister of Justice,")
    apposition = (r"(?:,\s+(?=[a-z0-9]|[A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽȘȚА-ЯЁ][\w-]*['’]s\s)"
                  r"(?:[^,;:.!?]|[.!?](?!\s+[A-Z])){1,200}?){1,3},")
    gap = r"(?:\s+(?:has|have|had|was|is|also|then|later|again|once|further|still|even|just|first|long|already|[a-z]+ly)){0,3}"
    clause_end = (r"(?=\s*(?:[,.;:!?…]|$)|\s+(?:again|at\s+last|[a-z]{2,}ly)\s*[,.;:!?…]"
                  r"|\s+(?:in|on|at|to|during|after|before|as|when|while|with|from|for)\b)")  # (blind73: "— X says finally. —"; blind78: any adverb in -ly)
    lead_in = r"[\s,;:—–-]*"
    # (blind15: an outlet in guillemets, "- the general told «Krasnaya Zvezda».")
    # (blind22: an outlet of up to three words, "- X told Business FM.")
    obj = (r"(?:\s+(?:reporters|journalists|the\s+press|me|us|him|her|them|himself|herself|(?=[A-Z])[\w'’-]+(?:\s+[A-Z][\w'’-]*){0,2}|"
           r"(?:the|a|an|his|her|our|their|its)\s+(?:[a-z]+\s+)?[a-z]+"  # (blind59: "told our correspondent")
           r"(?:\s+of\s+(?:the\s+)?(?:«[^»]{1,40}»|[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}))?"  # (blind115: "... of X")
           r"|«[^»]{1,40}»))?")
    entries = segment.speech_verbs()
    leads = [e for e in entries if " " in e and e.split()[-1] in ("to", "by")]
    verbs = [e for e in entries if e not in leads]

    def alt(words: list[str]) -> str:
        ordered = sorted(words, key=len, reverse=True)
        return "|".join(r"\s+".join(map(re.escape, w.split())) for w in ordered) or "(?!)"

    verb = rf"\b(?P<verb>{alt(verbs)})\b"
    # (one role phrase with its three continuations, each role length tried with all three: a deliberate
    # change, so "the secretary of state said in April. Rubio" is no subject; see test_attribution.py)
    # (blind14: no place after its preposition is a subject, "Jane Roe from Kamensk-Uralsky", and a party tag)
    # (blind18: "Ukraine's Ambassador to Examplestan, ..., said")
    # (blind28: "Jane Roe from the Association of Families of the Missing from Example, who ..., said")
    person = (r"(?<!\bfrom\s)(?<!\bnear\s)(?<!\bin\s)(?<!\bat\s)"
              + rf"{name}(?:\s+(?:from|to)\s+(?:the\s+)?{name}(?:\s+of\s+the\s+{name})?){{0,2}}"
              + r"(?:\s+\([^()\n]{1,40}\))?")
    # (blind18: "the head of the delegation said")
    # (blind21: "the head of the Russian delegation, deputy foreign minister Jane Roe, said")
    # (blind64: "A woman from Fukuoka (34) who came to Jeju on holiday said")
    from_who = (rf"\b(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:{role_word}\s+){{0,3}}?{role_word}\s+(?:in|at|from)\s+(?:the\s+)?{name}"
                rf"(?:\s+\(\d{{1,3}}\))?\s+who\s[^\s,;:.!?\"“”«»]+\s(?:(?!\band\s)[^,;:.!?\"“”«»]){{1,120}}?")
    sv = (rf"(?P<subj>{pron}|{from_who}|{role_lazy}(?:,\s+{name},|(?:\s+of\s+the\s+(?:[\w'’-]+\s+){{0,2}}?[\w'’-]+)?,\s+(?:{low}\s+){{0,4}}?{name}(?:\s+from\s+{name})?,|"  # (blind79: "from <Place>")
          rf"\s+of\s+the\s+(?:{low}\s+){{0,2}}?{low}|\s+(?:in|at|from|close\s+to)\s+(?:the\s+)?{name}(?:\s+[a-z]+)?(?:{apposition})?|"
          # (blind27: "a senior official involved in the talks told News24")
          rf"\s+(?:involved\s+in|familiar\s+with|close\s+to|briefed\s+on)\s+(?:the\s+)?(?:{low}\s+){{0,2}}?{low}|"
          rf"(?:,\s+who\s[^,;:]{{1,200}}?,|\s+who\s[^\s,;:.!?\"“”«»]+\s(?:(?!\band\s)[^,;:.!?\"“”«»]){{1,120}}?)?)|{titled}|(?<=,\s){cap}(?:\s+{cap}){{1,2}},|"
          # (blind18: an institution's name with "for", "of" or "on", "of the Centre for Eastern Example Studies")
          # (blind27: and the institution it belongs to, "of the Faculty of Political Science, Example University,")
          # (blind57: and its abbreviation in parentheses, "of the Centre for ... Development (RCMRD) told")
          # (blind81: and where it is, "of the Institute for Minority Rights at Example Research in Bozen")
          rf"{person}\s+of\s+the\s+{name}(?:\s+(?:for|of|on|at|in)\s+(?:the\s+)?{name}){{0,3}}(?:\s+\([^()\n]{{1,40}}\))?"
          rf"(?:,\s+(?:{cap}\s+){{0,3}}(?i:{alt(sorted(segment.lists.institution_words()))}),)?"
          rf"(?:{apposition})?|"  # (blind75: and an aside after it, "of the Example Fund of Russia Jane Roe, who was ...,")
          rf"{person}(?:{apposition})?){gap}\s+{verb}")
    # (spk2: an unnamed source after its verb keeps where they are, "said a manager at a London fund,")
    unnamed_where = (rf"\b(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+{role_word}(?:\s+{role_word}){{0,4}}\s+"
                     rf"(?:(?:in|at|from)\s+(?:the\s+)?{name}(?![\w'’])"
                     rf"|(?:in|at|from|involved\s+in|close\s+to|familiar\s+with)\s+(?:(?:the|a|an)\s+)?"
                     rf"(?:[\w'’-]+\s+){{0,3}}[\w'’-]+(?=\s*[,.;]|\s*$))")
    # (blind12: a role without a determiner before the name, "believes political scientist Jane Roe")
    bare_role = rf"(?:[a-z][\w'’-]*\s+){{0,2}}(?:{alt(list(segment.role_nouns()))})\s+{name}"
    # (blind21: "reported the head of the Regional Military Administration Jane Roe")
    # (blind22: "explains to Adnkronos Jane Roe")
    # (blind64: "says the director of the depot, Jane Roe"; "says Roe's colleague, the driver Jan")
    # (blind68: "says her neighbour on the landing, Jana Ivanovna.", before the pronoun; not "said her son, Jan, now 14,")
    possessed = (rf"{cap}['’]s\s+(?:{low}\s+){{0,2}}?{low},\s+(?:the\s+)?(?:{low}\s+){{0,3}}?{name}(?=[,.])|"
                 rf"(?:his|her|their|our|my)\s+(?:[a-z][\w'’-]*\s+){{0,4}}?[a-z][\w'’-]*,\s+(?:the\s+)?(?:{low}\s+){{0,3}}?"
                 rf"{name}(?=\.|\s*$|,\s+(?:who|an?|the)\s)")
    vs = (rf"{verb}(?:\s+to\s+{cap}(?=\s+[A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽȘȚА-ЯЁ]))?\s+(?P<subj>{possessed}|{pron}|"
          rf"{role_greedy}(?:\s+of\s+the\s+(?:[\w'’-]+\s+){{0,2}}?[\w'’-]+)?,\s+{name}(?=[,.])|{unnamed_where}|{role_greedy}\s+of\s+the\s+{name}|"
          # (blind57: a title of an institution before the name, "recalls Captain of the Internal Service Jane Roe")
          # (blind66: "says Lyosha, or rather Jan Roe,")
          rf"{role_greedy}|{titled}|{bare_role}|{cap}(?:\s+{cap}){{0,2}}\s+of\s+the\s+{name}|{name}(?:,\s+or\s+rather\s+{name})?)")
    # (blind37/38: no preposition after the name, "read out by Jane Roe on Thursday")
    prep = r"(?:on|in|at|of|for|to|from|with|by|after|before|during|over|since|until)"
    lead = rf"\b(?i:{alt(leads)})\s+(?P<subj>{pron}|{role_greedy}|{titled}|{name}(?:\s+(?!{prep}\b)[a-z]+)?)"
    quoted = rf"\bquot(?:ed|es|ing)\s+(?P<subj>{role_lazy},\s+{name},|{titled}|{name}|{role_lazy}|{pron})\s+as\s+saying"
    also = rf"(?:,\s+|\s+)and\s+(?:also\s+|later\s+|then\s+)?(?P<subj>){verb}"
    opinion = r"\b(?i:in)\s+(?P<subj>his|her)\s+(?:opinion|words|view)(?=,)"
    sep = r"(?:,|\s[-–—])\s+"
    # (blind89/90: beside a quote, also "would", '"...," she would say')
    assert sv.endswith(rf"{gap}\s+{verb}")
    by_quote = sv[:-len(rf"{gap}\s+{verb}")] + gap.replace("|is|", "|is|would|") + rf"\s+{verb}"
    return {"sv": re.compile(sv), "lead": re.compile(lead), "quoted": re.compile(quoted), "also": re.compile(also),
            "opinion": re.compile(opinion), "tail_sv": re.compile(r",\s+" + sv), "tail_vs": re.compile(r",\s+" + vs),
            "after_sv": re.compile(lead_in + by_quote),
            # (blind16: a role without a determiner before the name, after a dash)
            # (blind22: two roles, "- military expert, reserve colonel Jane Roe told")
            "dash_bare": re.compile(rf"(?:,\s+[-–—]|,|\s[-–—])\s+(?P<subj>(?:[a-z][\w'’-]*\s+){{0,4}}"
                                    rf"(?:(?:{alt(list(segment.role_nouns()))}),\s+(?:[a-z][\w'’-]*\s+){{0,3}})?"
                                    rf"(?:{alt(list(segment.role_nouns()))})\s+{name}"
                                    rf"(?:{apposition})?){gap}\s+{verb}{obj}{clause_end}"),
            # (blind83: an unnamed source after a dash, "..., — a former engineer of a Rosatom plant who ... told Proekt.")
            "dash_unnamed": re.compile(rf",\s+[-–—]\s+(?P<subj>(?:an?|one|another)\s[^.!?;:\"“”«»—–]{{1,160}}?){gap}\s+{verb}"
                                       rf"{obj}{clause_end}"),
            "after_vs": re.compile(lead_in + vs), "dash_sv": re.compile(sep + by_quote + obj + clause_end),
            "dash_vs": re.compile(sep + vs), "name_colon": re.compile(rf"\s*(?:[【\[(]?\d{{1,2}}[:.]\d\d[】\])]?\s+(?:[|—–·•-]\s+)?)?({name})"  # (blind64: "【21:05】 Roe:")
                                     rf"(?:\s+(?:on|in|at|from)\s+{cap}(?:\s+{cap})?|\s+\([^()]{{1,30}}\))?\s*:\s*")}
    # (blind70: "Roe on Telegram:"; blind84: "10:25 · Roe:"; blind98: "Roe in Graz:", "17:05 Roe (in Moscow):")


def _attribution_matches(patterns: dict[str, re.Pattern[str]], text: str) -> list:
    found = []
    for name, pattern in sorted(patterns.items()):
        found += [(name, m.span(), m.groupdict()) for m in pattern.finditer(text)]
        for at in range(0, len(text), 7):
            m = pattern.match(text, at)
            found.append((name, at, m and (m.span(), m.groupdict())))
    return found


def reference_attributions(text: str) -> list:
    p = reference_patterns()
    found = sorted([*p["sv"].finditer(text), *p["lead"].finditer(text), *p["quoted"].finditer(text),
                    *p["opinion"].finditer(text)], key=lambda m: m.start())
    return [(m.span(), m.groupdict()) for m in found]


def test_attributions_of_the_corpus_texts_are_unchanged() -> None:
    texts = [*equivalence_lines(), *(p[:n] for p in equivalence_lines() for n in (40, 120))]
    for text in texts:
        assert [(m.span(), m.groupdict()) for m in segment_patterns._attributions(text)] == reference_attributions(text)


def test_attribution_patterns_find_the_same_matches() -> None:
    old, new = reference_patterns(), {**segment_patterns._patterns(), "name_colon": segment_patterns._NAME_COLON}
    del new["verb"], new["verb_at"]
    letters = "abcdefghijklmnopqrstuvwxyzàéöАЯЁабя_1ÀÖØÞß"
    made = [f"Kremlin {a}ord spokesman {b.upper()}mitry Peskov {c}aid: “We are ready,” {b}e said." for a in letters
            for b in letters[:26] for c in "sz"]
    made += [f"{w} {x}aid the talks would go on, according to {w} {x}." for w in ("The", "Their", "Then", "Theo")
             for x in letters]
    made += [f"Kremlin {a}ord spokesman Dmitry Peskov said on Monday that {b}ussia would talk." for a in letters
             for b in letters]
    for text in [*equivalence_lines(), *made]:
        assert _attribution_matches(new, text) == _attribution_matches(old, text), text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(quote_paragraphs())
def test_attribution_patterns_find_the_same_matches_in_generated_text(paragraphs: list[str]) -> None:
    old, new = reference_patterns(), {**segment_patterns._patterns(), "name_colon": segment_patterns._NAME_COLON}
    del new["verb"], new["verb_at"]
    for text in paragraphs:
        assert _attribution_matches(new, text) == _attribution_matches(old, text)
        assert [(m.span(), m.groupdict()) for m in segment_patterns._attributions(text)] == reference_attributions(text)


def test_attribution_prefilters_never_hide_a_match() -> None:
    """`segment.patterns._attributions` tries the "according to", "quoted ... as saying" and "in his
    opinion" patterns, and reported speech the coordinated "... and said" one, only where `_NEEDED`
    allows: the same matches as
    trying them everywhere, on every sentence and line of the corpora and on forms in odd case."""
    p = segment_patterns._patterns()

    def unfiltered(text: str) -> list[tuple[int, int]]:
        said = p["sv"].finditer(text) if p["verb"].search(text) else ()
        found = [*said, *p["lead"].finditer(text), *p["quoted"].finditer(text), *p["opinion"].finditer(text)]
        return sorted(m.span() for m in found)

    odd = ["AcCoRdInG   TO the minister, talks stalled.", "according\nto him, x", "In his words, x",
           "quoted Jane Roe as saying that talks had stalled", "In her view, x"]
    for text in (*corpus_sentences(), *odd):  # (corpus_sentences holds every line too)
        assert sorted(m.span() for m in segment_patterns._attributions(text)) == unfiltered(text), text
        assert [m.span() for m in segment_patterns._finditer("also", text)] == [m.span() for m in p["also"].finditer(text)]
    assert [m.span() for m in segment_patterns._finditer("also", "Peskov met him and\tsaid no")] == [(14, 23)]
    # "ccord" in lower case finds every form `(?i:according)` matches: no other character folds to c, o, r or d
    folds = re.compile("(?i:[cord])")
    assert {ch for ch in map(chr, range(sys.maxunicode + 1)) if folds.fullmatch(ch)} == set("cordCORD")


def test_subject_and_verb_matches_are_not_searched_for_after_the_last_speech_verb() -> None:
    """`_attributions` searches the "sv" pattern only up to the end of the last speech verb (`verb_at`: every place one
    can start, overlapping ones too): the same matches as searching the whole text, at the text's end, before a
    glued word, a full stop or a multi-word verb, and with several verbs."""
    p = segment_patterns._patterns()
    verbs = sorted(segment.lists.speech_verbs())[::7]
    made = [f"{lead}{subject} {verb}{tail}" for lead in ("", "Tuesday. ", "“Fine,” ")
            for subject in ("Jane Roe", "the minister", "A source close to the talks", "He")
            for verb in verbs for tail in ("", ".", "x", " that it was over", ", and Jan Roe added")]
    for text in [*made, *corpus_sentences()]:
        full = sorted(m.span() for m in p["sv"].finditer(text))
        assert sorted(m.span() for m in segment_patterns._attributions(text) if m.re is p["sv"]) == full, text


def test_subject_mention_screens_never_hide_a_match() -> None:
    """`attribution._subject_mentions` tries some narration patterns only where a word each match must
    hold is present (`_SCREENED`, `_KIN_WORD`, `_LED_WORD`): wherever a pattern matches, on every
    sentence and line of the corpora and on a sentence written for each pattern, its screen lets it."""
    from analysis.segment import attribution

    screened = [*attribution._SCREENED, (attribution._KIN_NAME, attribution._KIN_WORD.search),
                (attribution._LED_SUBJECT, attribution._LED_WORD.search)]
    written = ["We spoke\twith Jane Roe, who runs the shelter.", "The statement was read out by Jan Roe.",
               "Jane Roe from the\nriverside district has seen it all.", "His partner Jan Roe is sure of it.",
               "For Jane Roe, the numbers matter less.", "My grandfather Jan Roe ran the farm.",
               "On Friday morning Jane Roe was in Kyiv.", "Her son-in-law, Jan Roe, was there."]
    hits = 0
    for text in (*corpus_sentences(), *written):
        for pattern, needs in screened:
            if pattern.search(text):
                hits += 1
                assert needs(text), (pattern.pattern[:40], text)
    assert all(any(p.search(t) for t in written) for p, _ in screened)  # each pattern is tried on a match
    assert hits > len(written)


def test_the_alias_screen_never_hides_a_nickname_cue() -> None:
    """`fullnames._nickname_of` tries `_ALIAS_CUE` only in a paragraph holding "call", "known" or
    "nicknamed" (`_may_alias`): wherever the pattern matches, on every sentence and line of the corpora
    and on sentences written for each of its alternatives, the screen lets it; and the nicknames of
    those sentences are found as before."""
    from analysis.segment import fullnames

    written = ["Jane Roe, known to everyone as Janie, runs the ferry.", "Jan Roe, nicknamed Bud, drove the truck.",
               "Jane Roe fixes the nets. Everyone calls her Janie.", "The man whom everybody at the rank calls Mzee Moto."]
    hits = 0
    for text in (*corpus_sentences(), *written):
        if segment_patterns._ALIAS_CUE.search(text):
            hits += 1
            assert fullnames._may_alias(text), text
    assert hits > len(written) and all(segment_patterns._ALIAS_CUE.search(t) for t in written)
    assert fullnames._nickname_of("Janie", written[:1]) == "Jane Roe"
    assert fullnames._nickname_of("Bud", written[1:2]) == "Jan Roe"
    assert fullnames._nickname_of("Janie", written[2:3]) == "Jane Roe"
