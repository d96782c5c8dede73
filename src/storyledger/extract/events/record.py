"""The `Event` record of one coded act: its sentence, trigger and the two parties as named."""

from __future__ import annotations

from datetime import date as Date

from spacy.tokens import Span, Token

from storyledger.model import Aux, Event, content_id

Party = tuple[str | None, str | None]  # the phrase a party is named by, and its canonical actor
NO_PARTY: Party = (None, None)


def event_record(
    article: object,
    span: Span,
    trigger: Token,
    kind: str,
    mode: str | None,
    actor: Party,
    target: Party,
    *,
    date: Date | None = None,
    negated: bool = False,
    aux: Aux | None = None,
) -> Event:
    """The event `trigger` names in sentence `span` of `article`, coded `kind` (`mode`), done
    by `actor` to `target`; its id follows the article, the trigger's offset and the type."""
    return Event(
        article=article.id,
        start=span.start_char,
        end=span.end_char,
        text=article.text[span.start_char : span.end_char],
        id=content_id("event", article.id, trigger.idx, kind),
        action=kind,
        mode=mode,
        actor=actor[0],
        actor_id=actor[1],
        target=target[0],
        target_id=target[1],
        date=date,
        negated=negated,
        aux=aux,
        trigger=trigger.text,
        trigger_start=trigger.idx,
        trigger_end=trigger.idx + len(trigger.text),
    )
