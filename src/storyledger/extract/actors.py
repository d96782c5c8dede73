"""Actors stage: named mentions from the parse, cleaned of determiners, titles and possessives."""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan

from storyledger.actors import resolve_actors
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
    "the a an another one two three some several many other others both all each every "
    "any former ex late".split()
)
TITLES = frozenset(
    "president vice prime minister secretary mr mrs ms miss dr sen senator rep "
    "representative gov governor gen general chancellor king queen prince princess pope "
    "judge justice mayor envoy ambassador spokesman spokeswoman spokesperson chief ceo "
    "chairman chairwoman commissioner lt col colonel sgt sergeant capt captain adm "
    "admiral sir lord lady rev reverend sheikh emir premier leader director officer "
    "official press boss tycoon deputy professor prof coach".split()
)


PLACE_HEADS = frozenset(
    "river lake bay sea ocean strait gulf island islands valley mountain mountains hills "
    "county province district region state city town village street avenue road square "
    "bridge dam lock canal harbor harbour airport station port park forest desert coast "
    "peninsula border crossing".split()
)
PLACE_PREFIXES = frozenset("port lake mount mt fort cape gulf isle".split())
ORG_HEADS = frozenset(
    "authority union alliance council company corporation corp inc ltd group ministry "
    "agency department party bank university college association commission committee "
    "office service services court board institute foundation federation club network "
    "times post news press radio tv television".split()
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
                kind=kind_of_name(article.text[start:end], kind),
                actor_id="",
            )
        )
    actors, linked = resolve_actors(mentions)
    return {"mentions": linked, "actors": actors}


def kind_of_name(name: str, kind: ActorKind) -> ActorKind:
    """Correct an ORG tag by the name's shape: "Port Meridian", "Carrow Lock" are places."""
    words = name.replace("’", "'").split()
    if kind != "organization" or len(words) < 2 or words[-1].lower() in ORG_HEADS:
        return kind
    if words[-1].lower() in PLACE_HEADS or words[0].lower().rstrip(".") in PLACE_PREFIXES:
        return "place"
    return kind


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
