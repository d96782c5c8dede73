"""What news reports that PLOVER codes as no event (the events guideline, section 2):
accidents and disasters ("the airliner crashed into a mountain, killing all 120 people", "the
earthquake destroyed 300 homes"), commercial deals ("agreed to buy its rival") and a deed
committed ("committed suicide", CAMEO's PERPETUATE block, no commitment). Short lists
of English words, written by hand (docs/decisions.md, issue #15 round 9B)."""

from __future__ import annotations

from spacy.tokens import Token

from storyledger.extract.events.actors import political
from storyledger.extract.quotes.lexicon import speech_lexicon

# Verbs of a vehicle or building failing, and of nature striking.
_ACCIDENT_VERBS = frozenset(
    {"crash", "collide", "derail", "capsize", "sink", "collapse", "overturn", "plunge", "erupt"}
)
# Nouns of an accident or disaster as the subject of a killing ("the crash killed ...").
_ACCIDENT_NOUNS = frozenset(
    {
        "accident",
        "avalanche",
        "collapse",
        "collision",
        "crash",
        "cyclone",
        "derailment",
        "earthquake",
        "eruption",
        "flood",
        "flooding",
        "hurricane",
        "landslide",
        "mudslide",
        "quake",
        "storm",
        "tornado",
        "tremor",
        "tsunami",
        "typhoon",
    }
)
# Acts of commerce: what one agrees or offers to do when a firm is bought or merged.
_COMMERCE_VERBS = frozenset({"buy", "acquire", "purchase", "merge"})
_COMMERCE_NOUNS = frozenset({"acquisition", "merger", "purchase", "takeover", "buyout"})
# Deeds one commits (CAMEO's PERPETUATE block: "commit suicide" [---], crimes and abuses).
_DEEDS = frozenset(
    {
        "abuse",
        "act",
        "adultery",
        "atrocity",
        "crime",
        "error",
        "fraud",
        "mistake",
        "murder",
        "offence",
        "offense",
        "perjury",
        "polygamy",
        "sin",
        "suicide",
        "violation",
    }
)


def accident(verb: Token) -> bool:
    """The act is an accident's or a disaster's: its subject names one, or it is a participle
    of its toll on a verb of crashing or collapsing ("crashed ..., killing all 120")."""
    head = verb.head
    if (
        verb.dep_ == "advcl"
        and verb.tag_ == "VBG"
        and head.lemma_.lower() in _ACCIDENT_VERBS
        and not any(c.dep_ == "dobj" for c in head.children)  # "crashed the party": no accident
    ):
        return True
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subject is not None and subject.lemma_.lower() in _ACCIDENT_NOUNS


def commercial(verb: Token) -> bool:
    """An agreement or offer of a firm or person whose content is a purchase or a merger
    ("agreed to buy its rival", "offered to acquire", "agreed to a takeover"): business
    between companies, no event. A state's deal stays ("China agreed to purchase 60 jets")."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if political(subject):
        return False
    for child in verb.children:
        if child.dep_ == "xcomp" and child.lemma_.lower() in _COMMERCE_VERBS:
            return True
        to = child.dep_ == "prep" and child.lower_ == "to"
        if to and any(c.lemma_.lower() in _COMMERCE_NOUNS for c in child.children):
            return True
    return False


def perpetrated(verb: Token) -> bool:
    """ "Commit" with a deed and no "to" is doing it ("committed suicide", "committed a crime"),
    not a commitment ("committed to the ceasefire", "committed itself to", "committed funds
    to rebuild"); the parser often leaves the deed out of the object ("suicide" as a compound
    of the next noun), so a "commit" with no object and no "to" is a deed too."""
    if verb.lemma_.lower() != "commit":
        return False
    if any(c.lower_ == "to" or _to_infinitive(c) for c in verb.children):
        return False
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    return obj is None or obj.lemma_.lower() in _DEEDS


def _to_infinitive(clause: Token) -> bool:
    return clause.dep_ in ("xcomp", "advcl") and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in clause.children
    )


def bought(verb: Token) -> bool:
    """A purchase with no seller named ("airliners are purchased by the government", "bought
    a stake"): the goods are no party, and commerce alone is no event; "bought arms from
    Russia" names the other party and stays the dictionary's."""
    if verb.lemma_.lower() not in _COMMERCE_VERBS:
        return False
    return not any(c.dep_ == "prep" and c.lower_ == "from" for c in verb.children)


# Verbs whose infinitive complement did not happen (negative implicatives: Karttunen 1971).
_REFUSALS = frozenset({"refuse", "decline", "fail"})
_FINITE = frozenset({"VBD", "VBZ", "VBP"})


def refused_content(verb: Token) -> bool:
    """ "refused to allow planes to land and evacuate": an act inside what a refusal denies
    (a permission or request refused) did not take place and is no one's act; the refusal
    (REJECT) is the event. The refused verb itself ("refused to release the prisoners") stays
    a negated record of its own, as before (`stage._denied`)."""
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _REFUSALS:
        return False
    token = verb
    for _ in range(4):
        if token.dep_ not in ("xcomp", "ccomp", "conj") or token.head is token:
            return False
        if token.dep_ == "conj" and token.tag_ in _FINITE:
            return False  # "refused to release them and attacked": a finite verb, its own act
        head = token.head  # "refused to deploy ... and urged": a conjunct refusal is no content
        if token.dep_ != "conj" and head.lemma_.lower() in _REFUSALS and head.pos_ == "VERB":
            return True
        token = head
    return False


_UNSAID = frozenset({"elaborate", "discuss", "speculate", "specify"})
_ANSWERS = frozenset({"answer", "respond", "reply"})  # "refused to answer questions from X"
_UNNAMED = frozenset({"name", "identify", "quote", "draw"})  # "declined to be named"


def no_comment(verb: Token) -> bool:
    """A refusal of nothing a party asked for: declining or refusing to comment, speak or
    elaborate is a statement ("no comment"), not a rejection; "decline" with nothing declined
    is a fall ("prices declined"); nor is declining to be named. "Declined to answer questions
    from X" is a refusal."""
    said = (speech_lexicon().cue_verbs | _UNSAID) - _ANSWERS
    content = [c for c in verb.children if c.dep_ in ("xcomp", "dobj")]
    if verb.lemma_.lower() == "decline" and not content:
        return True
    return any(
        c.dep_ == "xcomp"
        and (
            c.lemma_.lower() in said
            or (c.lemma_.lower() in _UNNAMED and any(a.dep_ == "auxpass" for a in c.children))
        )
        for c in content
    )


def joined_in(verb: Token, kind: str) -> bool:
    """ "joined thousands of demonstrators in demanding a referendum": to join people in an act
    is to do it with them (they are co-actors), not to meet them (the dictionary's ASSEMBLE
    block reads "join" as a meeting)."""
    return (
        kind == "CONSULT"
        and verb.lemma_.lower() == "join"
        and any(
            prep.dep_ == "prep" and prep.lower_ == "in" and c.dep_ == "pcomp" and c.tag_ == "VBG"
            for prep in verb.children
            for c in prep.children
        )
    )
