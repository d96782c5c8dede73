"""The CAMEO verb dictionary (compiled from PETRARCH2, `data/cameo_verbs.json`, MIT) and the
CAMEO-to-PLOVER table (`data/cameo_plover.json`, CC BY-SA 4.0): a verb's PLOVER code.

Verbs are indexed by lemma. A verb codes to its own code or its block's default; the block's
most specific pattern whose words are found (subject words before the verb; object words and
prepositional phrases after it) overrides that. `[---]` and the dropped CAMEO roots 01 and 02
(statements, appeals) code no event; `[A:B]` codes B when the verb is passive.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from spacy.tokens import Token

from storyledger.data_files import read_data
from storyledger.extract.events.words import Bag, DocWords

Words = tuple[frozenset[str], ...]
_AFTER_DEPS = frozenset(
    {"dobj", "dative", "prep", "prt", "attr", "oprd", "xcomp", "acomp", "nsubjpass", "agent"}
)


@dataclass(frozen=True, slots=True)
class CameoPattern:
    """One pattern: what must be found around the verb, and its CAMEO code."""

    subject: Words
    after: Words
    preps: tuple[tuple[str, Words], ...]
    code: str
    size: int
    verbs: frozenset[str]  # the verbs a particle's pattern was written for (empty: every verb)


@dataclass(frozen=True, slots=True)
class CameoVerb:
    """A verb of the dictionary (a multi-word verb names its other words) and its patterns."""

    code: str
    particles: tuple[str, ...]
    before: tuple[str, ...]
    patterns: tuple[CameoPattern, ...]
    index: dict[str, tuple[int, ...]]  # a word -> the patterns that need it, most specific first


@dataclass(frozen=True, slots=True)
class Cameo:
    verbs: dict[str, tuple[CameoVerb, ...]]
    agents: frozenset[str]
    sectors: dict[str, str]  # a generic agent -> its CAMEO sector code (GOV, MIL, CVL ...)
    synonyms: dict[str, frozenset[str]]  # a synonym set ("&MILITARY") -> its head words
    plover: dict[str, tuple[str, str | None]]
    roots: dict[str, tuple[str, str | None] | None]

    def to_plover(self, code: str) -> tuple[str, str | None] | None:
        """The PLOVER (type, mode) of a CAMEO code; None for no event."""
        code = code.rstrip("!")
        if not code.strip("-") or code.startswith(("01", "02")):
            return None
        if code in self.plover:
            return self.plover[code]
        return self.roots.get(code[:3]) or self.roots.get(code[:2])


@functools.cache
def cameo() -> Cameo:
    """The compiled dictionary shipped with the package."""
    raw, table = read_data("cameo_verbs.json"), read_data("cameo_plover.json")
    synonyms = {name: frozenset(p.split()[-1] for p in ps) for name, ps in raw["synonyms"].items()}
    # in a pattern a phrase of the set needs all its words ("cease fire" is no "fire")
    phrases = {name: frozenset(ps) for name, ps in raw["synonyms"].items()}

    def words(found: list[str]) -> Words:
        return tuple(_forms(phrases.get(w, frozenset({w}))) for w in found)

    members: dict[str, set[str]] = {}
    for lemma, entries in raw["verbs"].items():
        for e in entries:
            members.setdefault(e["block"], set()).add(lemma)

    def pattern(p: dict, block: str) -> CameoPattern:
        # "- * (WITH) [130] # BREAK" is "break with", not "beat ... with": kept to its verb
        # (a name that is no verb of the block, "threw", leaves the pattern to all)
        named = frozenset(n.split()[0] for n in p.get("verbs", ()))
        verbs = named if named & members.get(block, set()) else frozenset()
        subject = words([w for e in p["subject"] if "prep" not in e for w in e["words"]])
        after = words([w for e in p["after"] if "prep" not in e for w in e["words"]])
        preps = tuple((e["prep"], words(e["words"])) for e in p["after"] if "prep" in e)
        size = len(subject) + len(after) + sum(1 + len(w) for _, w in preps)
        return CameoPattern(
            subject=subject, after=after, preps=preps, code=p["code"], size=size, verbs=verbs
        )

    blocks = {  # most specific first: the first pattern that matches is the one
        name: tuple(sorted((pattern(p, name) for p in block["patterns"]), key=lambda p: -p.size))
        for name, block in raw["blocks"].items()
    }
    indexes = {name: _index(patterns) for name, patterns in blocks.items()}
    verbs = {
        lemma: tuple(
            CameoVerb(
                code=e.get("code", raw["blocks"][e["block"]]["code"]),
                particles=tuple(e.get("particles", ())),
                before=tuple(e.get("before", ())),
                patterns=blocks[e["block"]],
                index=indexes[e["block"]],
            )
            for e in entries
        )
        for lemma, entries in raw["verbs"].items()
    }
    return Cameo(
        verbs=verbs,
        agents=frozenset(raw["agents"]),
        sectors=dict(raw["agents"]),
        synonyms={name: _forms(heads) for name, heads in synonyms.items()},
        plover={code: (v[0], v[1]) for code, v in table["codes"].items()},
        roots={root: (v[0], v[1]) if v else None for root, v in table["roots"].items()},
    )


def cameo_code(
    verb: Token, lexicon: Cameo, words: DocWords | None = None
) -> tuple[str, str | None, bool] | None:
    """The PLOVER (type, mode, the object names the event) the dictionary gives a verb in its
    sentence, or None. A pattern's object words name the event ("imposed sanctions"), not
    its recipient. `words` is the word index of the verb's doc (made here when not given)."""
    entries = lexicon.verbs.get(verb.lemma_.lower())
    if not entries:
        return None
    words = words if words is not None else DocWords(verb.doc)
    bag = words.bag(c for c in verb.children if c.dep_ in _AFTER_DEPS)
    entry = _entry(verb, entries, bag)
    if entry is None:
        return None
    code, names_object = entry.code, False
    subject_bag = words.bag(c for c in verb.children if c.dep_ in ("nsubj", "csubj"))
    heads = _phrase_heads(verb)
    size = bag.size + subject_bag.size
    if size < len(entry.index) or size < len(words.present(entry.index)):
        found = {*bag, *subject_bag, *(h.lower_ for h in heads)}  # look up the fewer words
        keys = [w for w in found if w in entry.index]
    else:
        head_words = {h.lower_ for h in heads}
        keys = [
            w for w in words.present(entry.index) if w in head_words or w in bag or w in subject_bag
        ]
    candidates = sorted({i for w in keys for i in entry.index[w]})
    lemma = verb.lemma_.lower()
    for pattern in (entry.patterns[i] for i in candidates):
        if pattern.verbs and lemma not in pattern.verbs:
            continue
        if _matches(pattern, subject_bag, bag, heads, words):
            code, names_object = pattern.code, bool(pattern.after)
            break
    active, colon, passive = code.partition(":")
    if colon and any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        active = passive
    coded = lexicon.to_plover(active)
    return (coded[0], coded[1], names_object) if coded is not None else None


def phrasal_verb(verb: Token, lexicon: Cameo) -> bool:
    """The verb and its particle are one of the dictionary's phrasal verbs ("called off",
    "gave up"): another verb than the one alone ("called a strike" is one, "called off the
    strike" ends it)."""
    particles = {c.lower_ for c in verb.children if c.dep_ == "prt"}
    entries = lexicon.verbs.get(verb.lemma_.lower(), ()) if particles else ()
    return any(e.particles and particles.issuperset(e.particles) for e in entries)


_ARMED_SECTORS = ("MIL", "COP", "UAF", "REB", "SPY")  # CAMEO's armed agents
_ARMED_SETS = ("&MILITARY", "&PKO", "&WEAPON", "&WMD", "&AIRCRAFT")


def armed(noun: Token, lexicon: Cameo, forces: frozenset[str]) -> bool:
    """A force or arms one mobilises or deploys (PLOVER's MOBILIZE: troops, police, militia,
    weapons): a name, an armed agent of the dictionary, a word of its military, peacekeeping,
    weapon or aircraft sets, or one of `forces`; through "thousands of" to the people counted.
    "Mobilised engineering teams", "deployed an update": no force."""
    if noun.ent_type_ in ("ORG", "NORP", "GPE") or noun.pos_ == "PROPN":
        return True
    counted = next((c for p in noun.children if p.lower_ == "of" for c in p.children), None)
    for token in (noun, counted) if counted is not None else (noun,):
        lemma, word = token.lemma_.lower(), token.lower_
        if lexicon.sectors.get(lemma, "").startswith(_ARMED_SECTORS) or {lemma, word} & forces:
            return True
        if any({lemma, word} & lexicon.synonyms[name] for name in _ARMED_SETS):
            return True
    return False


def _entry(verb: Token, entries: tuple[CameoVerb, ...], bag: Bag) -> CameoVerb | None:
    """The most specific entry whose other words are there ("call off" before "call")."""
    before = {t.lower_ for t in verb.doc[max(0, verb.i - 3) : verb.i]}
    fitting = [
        e
        for e in entries
        if all(p in bag for p in e.particles) and all(b in before for b in e.before)
    ]
    return max(fitting, key=lambda e: len(e.particles) + len(e.before), default=None)


def _index(patterns: tuple[CameoPattern, ...]) -> dict[str, tuple[int, ...]]:
    """Each pattern under the words of one thing it needs (its first object word, else its
    first preposition, else its first subject word), so that a verb checks only patterns
    whose word is in its sentence."""
    index: dict[str, list[int]] = {}
    for position, pattern in enumerate(patterns):
        if pattern.after:
            key = pattern.after[0]
        elif pattern.preps:
            key = frozenset({pattern.preps[0][0]})
        elif pattern.subject:
            key = pattern.subject[0]
        else:
            continue  # "- * [code]" needs nothing: the block's own code says the same
        for word in {w.split()[-1] for w in key}:  # a phrase under its head word
            index.setdefault(word, []).append(position)
    return {word: tuple(found) for word, found in index.items()}


def _forms(words: frozenset[str]) -> frozenset[str]:
    """A pattern's words with their plural or singular (the dictionary's automatic plurals)."""
    return frozenset(form for w in words for form in (w, f"{w}s", w[:-1] if w.endswith("s") else w))


def _matches(
    pattern: CameoPattern, subject: Bag, bag: Bag, after: list[Token], words: DocWords
) -> bool:
    if not all(subject.meets(w) for w in pattern.subject):
        return False
    if not all(bag.meets(w) for w in pattern.after):
        return False
    for prep, needed in pattern.preps:
        heads = [t for t in after if t.lower_ == prep]
        if not any(all(words.bag((h,)).meets(w) for w in needed) for h in heads):
            return False
    return True


def _phrase_heads(verb: Token) -> list[Token]:
    """The prepositions of the verb and of its object."""
    found = []
    for child in verb.children:
        if child.dep_ in ("prep", "agent", "dative"):
            found.append(child)
        elif child.dep_ in ("dobj", "nsubjpass"):
            found += [c for c in child.children if c.dep_ == "prep"]
    return found
