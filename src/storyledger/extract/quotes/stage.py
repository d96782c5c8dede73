"""The quotes stage: direct, partial and indirect speech as `Quote` records."""

from __future__ import annotations

import bisect

from storyledger.extract.quotes.direct import DirectQuotes, Found
from storyledger.extract.quotes.indirect import find_indirect
from storyledger.extract.quotes.interview import find_interview
from storyledger.extract.quotes.marks import find_quoted
from storyledger.extract.quotes.speakers import SpeakerFinder
from storyledger.extract.registry import Analysis, stage
from storyledger.model import Quote, content_id


@stage("quotes", requires=("doc", "blocks", "sentences", "mentions"), produces=("quotes",))
def quote_stage(analysis: Analysis) -> list[Quote]:
    """Every quote of the article with its speaker, in text order."""
    article = analysis.article
    text, doc = article.text, analysis.doc
    blocks, sentences = analysis.get("blocks"), analysis.get("sentences")
    quoted = find_quoted(text, blocks)
    finder = SpeakerFinder(doc, text, analysis.get("mentions"), quoted)
    reports = find_indirect(doc, text, blocks, sentences, quoted, finder)
    found = DirectQuotes(doc, text, blocks, sentences, finder).find(quoted, reports)
    found += reports
    found += find_interview(text, blocks, quoted, analysis.get("mentions"))
    found.sort(key=lambda item: (item.start, item.end))
    records = [_record(article.id, text, item) for item in _one_report(found)]
    return list({record.id: record for record in reversed(records)}.values())[::-1]


def _one_report(found: list[Found]) -> list[Found]:
    """Drop a partial quote inside the indirect report of its own speaker: 'said the plan was
    "a disaster"' is one quote, the report (which holds the quoted words)."""
    reports = sorted((f for f in found if f.kind == "indirect"), key=lambda f: f.start)
    starts = [f.start for f in reports]
    kept = []
    for item in found:
        index = bisect.bisect_right(starts, item.start) - 1
        report = reports[index] if item.kind == "partial" and index >= 0 else None
        if report is not None and item.start < report.end and _same_voice(report, item):
            continue
        kept.append(item)
    return kept


def _same_voice(report: Found, item: Found) -> bool:
    if report.cue is not None and item.cue is not None and report.cue.i == item.cue.i:
        return True
    return (
        report.speaker is not None
        and item.speaker is not None
        and (report.speaker.mention or report.speaker.resolved)
        == (item.speaker.mention or item.speaker.resolved)
    )


def _record(article: str, text: str, item: Found) -> Quote:
    speaker = item.speaker
    return Quote(
        article=article,
        start=item.start,
        end=item.end,
        text=text[item.start : item.end],
        id=content_id("quote", article, item.start, item.end, item.kind),
        kind=item.kind,
        speaker=speaker.text if speaker else None,
        speaker_actor=speaker.mention.actor_id if speaker and speaker.mention else None,
        speaker_mention=speaker.mention.id if speaker and speaker.mention else None,
        speaker_resolved=speaker.resolved if speaker else None,
        speaker_start=speaker.start if speaker else None,
        speaker_end=speaker.end if speaker else None,
        anonymous=bool(speaker and speaker.anonymous),
        affiliation=speaker.affiliation if speaker else None,
        cue=item.cue.text if item.cue is not None else None,
        cue_start=item.cue.idx if item.cue is not None else None,
        cue_end=item.cue.idx + len(item.cue.text) if item.cue is not None else None,
    )
