"""The figures stage: every reported quantity as a `Figure`, with who reports it.

A figure inside a quote or a report (direct, partial or indirect speech) is attributed to that
quote's speaker; otherwise it is stated on the article's own authority (`attributed_to` null).
"""

from __future__ import annotations

from collections.abc import Sequence

from storyledger.extract.figures.context import counted_noun, counted_text, measure_of, place_of
from storyledger.extract.figures.quantity import Quantity, find_quantities
from storyledger.extract.quotes.lexicon import speech_lexicon
from storyledger.extract.registry import Analysis, stage
from storyledger.layout import PROSE_KINDS
from storyledger.model import Figure, Quote, content_id

_SPEECH = speech_lexicon().indirect_verbs | speech_lexicon().cue_verbs
_UNIT_NAMES = {"USD": "dollars", "EUR": "euros", "GBP": "pounds", "JPY": "yen", "%": "percent"}


@stage("figures", requires=("doc", "blocks", "sentences", "quotes"), produces=("figures",))
def figure_stage(analysis: Analysis) -> list[Figure]:
    """Every quantity of the prose blocks, in text order."""
    article, doc = analysis.article, analysis.doc
    prose = {b.index for b in analysis.get("blocks") if b.kind in PROSE_KINDS}
    quotes = sorted(analysis.get("quotes"), key=lambda q: q.end - q.start)
    figures: list[Figure] = []
    for sentence in analysis.get("sentences"):
        span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
        if span is None or sentence.block not in prose:
            continue
        for quantity in find_quantities(span):
            figures.append(_figure(article.id, article.text, doc, quantity, quotes))
    return figures


def _figure(
    article: str, text: str, doc: object, quantity: Quantity, quotes: Sequence[Quote]
) -> Figure:
    start = doc[quantity.first].idx
    last = doc[quantity.last]
    end = last.idx + len(last.text)
    if last.text.endswith(".") and len(last.text) > 1 and last.is_sent_end:
        end -= 1  # "lent US$2.5m.": the tokenizer kept the sentence's full stop on the unit
    number = doc[quantity.number_last]
    noun = counted_noun(number)
    counted = counted_text(noun, quantity.last) if noun is not None else None
    if quantity.unit == "%" or (quantity.unit and counted is None):
        counted = _UNIT_NAMES.get(quantity.unit, quantity.unit)
    source = next((q for q in quotes if q.start <= start and end <= q.end and q.speaker), None)
    return Figure(
        article=article,
        start=start,
        end=end,
        text=text[start:end],
        id=content_id("figure", article, start, end),
        value=quantity.value,
        low=quantity.low,
        high=quantity.high,
        qualifier=quantity.qualifier,
        counted=counted,
        measure=measure_of(noun if noun is not None else number, _SPEECH) or None,
        place=place_of(noun, number) if noun is not None else place_of(number, number),
        attributed_to=(source.speaker_resolved or source.speaker) if source else None,
        unit=quantity.unit,
        source_quote=source.id if source else None,
    )
