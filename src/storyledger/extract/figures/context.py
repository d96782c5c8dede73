"""What a quantity counts, what happened to it, where, read from the dependency parse.

"killed at least 57,575 Palestinians": counted "Palestinians", measure "killed". "500,000 people
in Gaza face famine": counted "people", measure "face famine", place "Gaza". "thousands of
children": the counted noun is the object of "of". "The death toll rose to 23": a toll counts
deaths.
"""

from __future__ import annotations

from spacy.tokens import Token

from storyledger.extract.figures.dates import TIME_UNITS, entity_span
from storyledger.extract.figures.numbers import SCALES

_OF_HEADS = frozenset({"of"})
_PLACE_PREPS = frozenset({"in", "at", "across", "inside", "throughout", "within", "from", "near"})
_PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
_TOLL_NOUNS = {"toll": "deaths"}
_COUNT_NOUNS = frozenset({"number", "count", "total", "tally", "figure"})
_MEASURE_WORDS = 4
_RELATIVES = frozenset({"that", "which", "who", "whom", "what"})
_PEOPLE_NOUNS = frozenset(
    "resident inhabitant citizen people person population civilian villager".split()
)
_PARTITIVES = frozenset(
    "most half all many some much part majority third quarter two-thirds none".split()
)
_PLACE_NOUNS = frozenset(
    "town city country village nation region island state enclave province district "
    "territory county capital municipality".split()
)
POPULATION = "population"


def counted_noun(number: Token) -> Token | None:
    """The noun the number counts, or None when the number stands on its own."""
    while number.dep_ == "conj" and number.head.like_num and number.head is not number:
        number = number.head  # "between 30 and 40 bridges": 40 hangs off 30
    if number.lower_ in SCALES and number.dep_ == "quantmod" and number.head.i < number.i:
        number = number.head  # "two dozen lenders": "dozen" hangs off "two"
    head = number.head
    if number.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod") and head.pos_ in (
        "NOUN",
        "PROPN",
    ):
        if head.ent_type_ == "DATE" and (
            head.lower_ not in TIME_UNITS
            or any(t.lower_ in ("last", "next", "this", "every") for t in head.lefts)
        ):
            return None  # "5,000 last week": the week is when, not what
        return _through_of(head)
    of = next((c for c in number.children if c.lower_ in _OF_HEADS and c.dep_ == "prep"), None)
    if of is not None:
        return next((c for c in of.children if c.dep_ == "pobj"), None)
    if number.dep_ == "pobj" and head.lower_ == "to":
        return _counted_by_subject(head.head)
    return None


def counted_text(noun: Token, number_last: int) -> str:
    """The counted noun with the words that name it: "U.N. personnel", "White House officials"."""
    if noun.lemma_.lower() in _TOLL_NOUNS:
        return _TOLL_NOUNS[noun.lemma_.lower()]
    start = noun.i
    while (
        start - 1 > number_last
        and noun.doc[start - 1].head.i in range(start - 1, noun.i + 1)
        and (noun.doc[start - 1].dep_ in ("compound", "amod", "punct", "nmod", "npadvmod"))
    ):
        start -= 1
    return noun.doc[start : noun.i + 1].text


def measure_of(noun: Token, speech_verbs: frozenset[str] = frozenset()) -> str | None:
    """What happened to the counted thing: the verb it is the subject or object of."""
    whole = _whole_set(noun)
    if whole is not None:
        return whole
    anchor = _climb_of(noun)
    head = anchor.head
    participle = next((c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"), None)
    if participle is not None and noun.dep_ == "pobj":
        return participle.text  # "the number of people killed has risen to 21"
    if head.lemma_.lower() in speech_verbs:
        return _words_after(noun)  # the parser swallowed the reported clause ("warns that ...")
    if anchor.dep_ == "nsubjpass" and head.pos_ in ("VERB", "AUX"):
        return _verb_phrase(head, with_object=False)
    if anchor.dep_ == "nsubj":
        if head.pos_ == "VERB":
            return _verb_phrase(head, with_object=True)
        if head.pos_ == "ADJ":
            return head.text
        if head.lemma_ == "be":
            complement = next(
                (c for c in head.children if c.dep_ in ("acomp", "attr", "prep")), None
            )
            if complement is not None:
                return _short(complement)
    if anchor.dep_ in ("dobj", "attr", "oprd") and head.pos_ in ("VERB", "AUX"):
        return _verb_phrase(head, with_object=False)
    if (
        anchor.dep_ == "pobj"
        and head.dep_ == "prep"
        and head.head.pos_ == "VERB"
        and head.head.lower_ != "according"
        and head.head.lemma_.lower() not in speech_verbs
    ):
        return _verb_phrase(head.head, with_object=False)  # "damage between 30 and 40 bridges"
    participles = [t for t in noun.subtree if t.dep_ == "acl" and t.pos_ == "VERB"]
    if participles:
        return _verb_phrase(participles[-1], with_object=True)
    return _words_after(noun)


def _whole_set(noun: Token) -> str | None:
    """A figure that counts a whole set, not what happened to it.

    "the city's 8 million residents", "all 2 million Palestinians in Gaza": the population of a
    place. "most of the 300 workers were laid off": the 300 is the whole staff, so the verb's
    measure belongs to a part of it. Returns the measure for such a figure ("population", or
    "" for a whole set that is not a population), else None.
    """
    people = noun.lemma_.lower() in _PEOPLE_NOUNS or noun.ent_type_ == "NORP"
    owner = any(c.dep_ == "poss" for c in noun.children)
    every = any(t.lower_ == "all" for t in noun.subtree if t.i < noun.i)
    placed = _words_place(noun) is not None or any(
        c.dep_ == "prep" and c.lower_ in ("in", "of") and _has_place(c) for c in noun.children
    )
    partitive = (
        noun.dep_ == "pobj"
        and noun.head.lower_ == "of"
        and noun.head.head.lower_ in _PARTITIVES
        and any(c.lower_ == "the" or c.dep_ == "poss" for c in noun.children)
    )
    if people and (owner or (every and placed) or (partitive and (owner or placed))):
        return POPULATION
    if people and noun.dep_ == "pobj" and noun.head.head.lemma_.lower() in _PLACE_NOUNS:
        return POPULATION  # "a town of 15,200 inhabitants"
    if partitive:
        described = next(
            (c for c in noun.children if c.dep_ in ("amod", "acl") and c.tag_ == "VBN"), None
        )
        return described.text if described is not None else ""  # "most of the 8,000 evacuated"
    return None


def _has_place(prep: Token) -> bool:
    return any(word.ent_type_ in _PLACE_ENTS for word in prep.subtree)


def place_of(noun: Token, number: Token) -> str | None:
    """A place named with the figure: "in Gaza" in the counted phrase or on its verb."""
    anchor = _climb_of(noun) if noun is not None else number
    preps = [t for t in anchor.subtree if t.dep_ == "prep" and t.lower_ in _PLACE_PREPS]
    if anchor.head is not anchor:
        preps += [c for c in anchor.head.children if c.dep_ == "prep" and c.lower_ in _PLACE_PREPS]
    for prep in preps:
        for word in prep.subtree:
            if word.ent_type_ in _PLACE_ENTS:
                return _entity_text(word)
    return _words_place(noun) if noun is not None else None


def _words_place(noun: Token) -> str | None:
    """ "500,000 people in Gaza": a place right after the counted noun, however it is parsed."""
    doc = noun.doc
    if noun.i + 2 < len(doc) and doc[noun.i + 1].lower_ in _PLACE_PREPS:
        word = doc[noun.i + 2]
        if word.ent_type_ in _PLACE_ENTS:
            return _entity_text(word)
    return None


def _through_of(noun: Token) -> Token:
    """ "thousands of children": the noun after "of" is what is counted."""
    if noun.lower_ in ("thousands", "hundreds", "millions", "dozens", "tens", "scores"):
        of = next((c for c in noun.children if c.lower_ == "of"), None)
        target = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
        if target is not None:
            return _through_of(target)
    return noun


def _climb_of(noun: Token) -> Token:
    """ "most of the 2.1 million residents": the role is played by "most"; "195 personnel and
    172 of their dependents": the second plays the role of the first."""
    token = noun
    for _ in range(6):
        if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head is not token:
            token = token.head.head
        elif (token.dep_ == "conj" and token.head is not token) or (
            token.dep_ in ("nummod", "quantmod") and token.head.pos_ in ("NOUN", "PROPN")
        ):
            token = token.head
        else:
            break
    return token


def _counted_by_subject(verb: Token) -> Token | None:
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return None
    if subject.lemma_.lower() in _COUNT_NOUNS:
        of = next((c for c in subject.children if c.lower_ == "of"), None)
        return next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
    return subject


def _verb_phrase(verb: Token, *, with_object: bool) -> str:
    tokens = [verb, *(c for c in verb.children if c.dep_ == "prt")]
    if with_object:
        obj = next(
            (
                c
                for c in verb.children
                if c.dep_ in ("dobj", "acomp", "attr") and c.lower_ not in _RELATIVES
            ),
            None,
        )
        if obj is not None:
            tokens += [t for t in obj.lefts if t.dep_ in ("compound", "amod")] + [obj]
        else:
            prep = next((c for c in verb.children if c.dep_ == "prep"), None)
            target = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep else None
            if target is not None:
                tokens += [
                    prep,
                    *(t for t in target.lefts if t.dep_ in ("compound", "amod")),
                    target,
                ]
    tokens.sort(key=lambda t: t.i)
    return verb.doc[tokens[0].i : tokens[-1].i + 1].text


def _words_after(noun: Token) -> str | None:
    """The words after the counted phrase (and a place phrase), up to punctuation or a
    preposition: "500,000 people in Gaza face famine" -> "face famine"."""
    doc = noun.doc
    index = noun.i + 1
    if index < len(doc) and doc[index].lower_ in _PLACE_PREPS:
        index += 1
        while index < len(doc) and (
            doc[index].ent_type_ in _PLACE_ENTS
            or doc[index].lower_ in ("the", "northern", "southern", "eastern", "western", "central")
        ):
            index += 1
    words = []
    for token in doc[index : index + 3]:
        if token.is_punct or token.pos_ in ("ADP", "CCONJ", "SCONJ", "DET", "PRON"):
            break
        words.append(token)
    if not words or words[0].text[:1].isupper() or words[0].pos_ not in ("VERB", "AUX", "NOUN"):
        return None
    return doc[words[0].i : words[-1].i + 1].text


def _short(token: Token) -> str:
    words = list(token.subtree)[:_MEASURE_WORDS]
    return token.doc[words[0].i : words[-1].i + 1].text


def _entity_text(token: Token) -> str:
    return entity_span(token).text
