"""Actors stage: named mentions from the parse, cleaned of determiners, titles and possessives."""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan

from storyledger.compare.actors import resolve_actors
from storyledger.extract.registry import Analysis, stage
from storyledger.model import ActorKind, Mention, content_id

LABEL_KIND: dict[str, ActorKind] = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "group",
}
_LEADING = frozenset(
    [
        "the",
        "a",
        "an",
        "another",
        "one",
        "two",
        "three",
        "some",
        "several",
        "many",
        "other",
        "others",
        "both",
        "all",
        "each",
        "every",
        "any",
        "former",
        "ex",
        "late",
    ]
)
TITLES = frozenset(
    [
        "president",
        "vice",
        "prime",
        "minister",
        "secretary",
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "sen",
        "senator",
        "rep",
        "representative",
        "gov",
        "governor",
        "gen",
        "general",
        "chancellor",
        "king",
        "queen",
        "prince",
        "princess",
        "pope",
        "judge",
        "justice",
        "mayor",
        "envoy",
        "ambassador",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "chief",
        "ceo",
        "chairman",
        "chairwoman",
        "commissioner",
        "lt",
        "col",
        "colonel",
        "sgt",
        "sergeant",
        "capt",
        "captain",
        "adm",
        "admiral",
        "sir",
        "lord",
        "lady",
        "rev",
        "reverend",
        "sheikh",
        "emir",
        "premier",
        "leader",
        "director",
        "officer",
        "official",
        "press",
    ]
)


@stage("actors", requires=("doc",), produces=("mentions", "actors"))
def actor_stage(analysis: Analysis) -> dict[str, tuple]:
    """Mentions of people, organisations, places and groups, grouped into this article's actors."""
    article = analysis.article
    mentions = []
    for ent in analysis.doc.ents:
        kind = LABEL_KIND.get(ent.label_)
        bounds = _name_bounds(ent) if kind else None
        if bounds is None:
            continue
        start, end = bounds
        mentions.append(
            Mention(
                article=article.id,
                start=start,
                end=end,
                text=article.text[start:end],
                id=content_id("mention", article.id, start, end),
                label=ent.label_,
                kind=kind,
                actor_id="",
            )
        )
    actors, linked = resolve_actors(mentions)
    return {"mentions": linked, "actors": actors}


def _name_bounds(ent: SpacySpan) -> tuple[int, int] | None:
    """The name inside an entity span: no determiner, title or possessive; None if no name."""
    tokens = list(ent)
    while tokens and (tokens[0].lower_ in _LEADING or _is_title(tokens[0], ent.label_)):
        tokens = tokens[1:]
    while tokens and (tokens[-1].lower_ in {"'s", "'", "’s", "’"} or tokens[-1].is_punct):
        tokens = tokens[:-1]
    if not tokens or not (tokens[0].text[0].isupper() or tokens[0].text[0].isdigit()):
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _is_title(token: object, label: str) -> bool:
    return label == "PERSON" and token.lower_.rstrip(".") in TITLES
