"""Who a phrase stands for: a pronoun, a description or a relative pronoun, resolved to a name.

`Resolver.resolve(start, end)` takes any phrase of the article (the subject of a speech verb, an
event's actor) and returns the named mention it refers to, or None. It knows nothing of quotes
or events; a caller can hide stretches (the words inside quotation marks) from the search.

- **Names** resolve to themselves (the actors stage already joins "Marsh" to "Elena Marsh").
- **he / she** resolve to the nearest earlier person of a compatible gender: in the pronoun's
  own sentence the nearest name before it, in earlier sentences the subject first, then the
  first name. A person's gender is what the text says: a title or gendered noun before the name
  ("Mrs", "actress"), else the pronouns that follow it while it is the only person in view.
- **it / they / we** resolve to the nearest earlier organisation (or group, for the plural),
  subjects first, within the last sentences.
- **Descriptions** ("the company", "the software giant", "the ministry", "the coroner") resolve
  to an earlier name whose own words hold the head noun ("Coroner Gary Hargrove", "Defence
  Ministry"), else to the nearest earlier organisation or person, by the noun's kind.
- **Relative pronouns** ("police who claim") resolve as the phrase they hang from.
- **Possessives** ("her spokesman", "a spokesman for X"): `owner` gives the owner's mention.

Each lookup reads only the sentences it walks back over: mentions and sentence starts are
sorted once per article and found by bisection.
"""

from __future__ import annotations

import bisect
import functools
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Literal

from spacy.attrs import IDX
from spacy.tokens import Doc, Span, Token

from storyledger.data_files import read_data
from storyledger.extract.actors import TITLES
from storyledger.model import Mention

Gender = Literal["female", "male"]
_SUBJECTS = ("nsubj", "nsubjpass")
PRONOUN_GENDER: dict[str, Gender] = {
    "he": "male",
    "she": "female",
    "him": "male",
    "her": "female",
    "his": "male",
}
_CORPORATE = {"it": "sg", "its": "sg", "they": "pl", "we": "pl", "them": "pl", "their": "pl"}
_GENDERED: dict[str, Gender] = {
    **dict.fromkeys(("he", "him", "his", "himself"), "male"),
    **dict.fromkeys(("she", "her", "hers", "herself"), "female"),
}
_RELATIVE = frozenset({"who", "which", "that"})
_BACK = 5  # sentences walked back for a pronoun or description
_REACH = 3000  # and never more characters than this: one lookup costs the same in any text
_HOPS = 3  # earlier he/she a pronoun may pass back through to a name
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})


@dataclass(frozen=True, slots=True)
class Resolution:
    """The named mention a phrase stands for, and how it was reached."""

    mention: Mention
    via: Literal["name", "pronoun", "description", "relative"]


@dataclass(frozen=True, slots=True)
class Referents:
    """The word lists of `data/referents.json`."""

    organization_nouns: frozenset[str]
    person_nouns: frozenset[str]
    female_words: frozenset[str]
    male_words: frozenset[str]
    journalist_nouns: frozenset[str]
    place_nouns: frozenset[str]
    titles: dict[str, frozenset[str]]


@functools.cache
def referents() -> Referents:
    """The lists shipped with the package."""
    raw = read_data("referents.json")
    lists = {
        name: frozenset(raw[name]) for name in Referents.__dataclass_fields__ if name != "titles"
    }
    titles = {n: frozenset(w) for n, w in raw["titles"].items() if not n.startswith("_")}
    return Referents(**lists, titles=titles)


class Resolver:
    """Resolves phrases of one analysed article to its named mentions."""

    def __init__(
        self,
        doc: Doc,
        mentions: Sequence[Mention],
        *,
        hidden: Callable[[int], bool] = lambda offset: False,
    ) -> None:
        self.doc = doc
        self.hidden = hidden
        self.words = referents()
        self._echoed: dict[tuple[int, int], Mention] = {}
        self.mentions = sorted(self._with_echoes(mentions), key=lambda m: (m.start, m.end))
        self._starts = [m.start for m in self.mentions]
        self._sentences = [sentence.start_char for sentence in doc.sents]
        self._token_starts = doc.to_array(IDX).tolist()

    def _with_echoes(self, mentions: Sequence[Mention]) -> list[Mention]:
        """The mentions, plus a person's surname written alone where the model tagged no
        person ("Timmons told police", "Page quickly retreated") or a place ("Rossi noted"):
        news names a person in full once and by surname after. Only a surname of one person
        of the article; each echo stands for that person's first full mention."""
        first: dict[str, Mention] = {}
        owners: dict[str, set[str]] = defaultdict(set)
        for mention in mentions:
            words = mention.text.split()
            if mention.kind == "person" and words and words[-1][:1].isupper():
                owners[words[-1]].add(mention.actor_id or mention.text)
                if len(words) > len(first.get(words[-1], mention).text.split()):
                    first[words[-1]] = mention  # the fullest name, first written
                first.setdefault(words[-1], mention)
        surnames = {word: first[word] for word, keys in owners.items() if len(keys) == 1}
        if not surnames:
            return list(mentions)
        kept = [m for m in mentions if not (m.kind == "place" and m.text in surnames)]
        covered = sorted((m.start, m.end) for m in kept)
        starts = [low for low, _ in covered]
        for token in self.doc:
            person = surnames.get(token.text)
            if person is None or token.pos_ != "PROPN" or token.ent_type_ not in ("", "GPE"):
                continue
            index = bisect.bisect_right(starts, token.idx) - 1
            if index >= 0 and covered[index][1] > token.idx:
                continue  # inside a name already: "Jermayne Timmons"
            if _in_longer_name(token):
                continue  # "Judge Page Smith": part of a name the model missed
            end = token.idx + len(token.text)
            echo = replace(person, start=token.idx, end=end, text=token.text)
            self._echoed[echo.start, echo.end] = person
            kept.append(echo)
        return kept

    def resolve(self, start: int, end: int) -> Resolution | None:
        """The named mention the phrase `[start, end)` stands for, or None."""
        found = self._resolve(start, end)
        if found is None or (found.mention.start, found.mention.end) not in self._echoed:
            return found
        return Resolution(self._echoed[found.mention.start, found.mention.end], found.via)

    def _resolve(self, start: int, end: int) -> Resolution | None:
        root = self._root(start, end)
        if root is None:
            return None
        named = self._named_in(start, end, root)
        if named is not None:
            return Resolution(named, "name")
        word = root.lower_
        if word in PRONOUN_GENDER and end - start == len(root.text):
            found = self._person_before(start, PRONOUN_GENDER[word])
            return Resolution(found, "pronoun") if found else None
        if word in _CORPORATE and end - start == len(root.text):
            found = self._body_before(start, plural=_CORPORATE[word] == "pl")
            return Resolution(found, "pronoun") if found else None
        if word in _RELATIVE and root.head.dep_ == "relcl":
            noun = root.head.head
            inner = self.resolve(*self._extent(noun))
            return Resolution(inner.mention, "relative") if inner else None
        owned = any(c.dep_ == "poss" for c in root.children)
        if root.lemma_.lower() in self.words.journalist_nouns and any(
            c.dep_ == "poss" and c.lower_ == "our" for c in root.children
        ):
            found = self._in_house()
            return Resolution(found, "description") if found else None  # "our reporter"
        if owned and root.lemma_.lower() in self.words.person_nouns:
            found = self._named_with(start, end, root.lemma_.lower(), "person")
            return Resolution(found, "description") if found else None  # "her spokesman"
        if not any(c.lower_ in _DEFINITE for c in root.children if c.dep_ == "det"):
            return None
        if root.tag_ in ("NNS", "NNPS") or self._has_name(start, end):
            return None  # "the manufacturers", "the Reuters news agency": no one earlier name
        found = self._described(start, root)
        return Resolution(found, "description") if found else None

    def names_in(self, start: int, end: int) -> list[Mention]:
        """The mentions inside `[start, end)`, with the surnames the model left untagged."""
        return self._within(start, end)

    def owner(self, start: int, end: int) -> Mention | None:
        """Whom a phrase speaks or works for: "her spokesman", "a spokesman for the Navy"."""
        root = self._root(start, end)
        if root is None:
            return None
        for child in root.children:
            if child.dep_ == "poss":
                found = self.resolve(*self._extent(child))
                return found.mention if found else None
            if child.dep_ == "prep" and child.lower_ in ("for", "of", "at"):
                objects = [c for c in child.children if c.dep_ == "pobj"]
                found = self.resolve(*self._extent(objects[0])) if objects else None
                if found is not None:
                    return found.mention
        return None

    def organisation_before(self, offset: int) -> Mention | None:
        """The organisation nearest before `offset` in the last sentences (subjects first),
        the one a statement or an unnamed spokesman speaks for."""
        return self._body_before(offset, plural=False)

    def is_person(self, mention: Mention) -> bool:
        """A person, or a name the model took for an organisation that a title opens
        ("Professor Varoufakis"), or for an organisation or place that a person noun stands
        beside ("a professor of economics, Yanis Varoufakis", "Fauzi, an official",
        "agency official Fauzi") or an age qualifies ("25-year-old Guzel"); never a name the
        text gives a place noun ("in Suka Makmur village", "the provincial capital Banda
        Aceh")."""
        if (mention.actor_id or mention.text) in self._places:
            return False
        if _a_person(mention):
            return mention.kind == "person" or mention.text not in self._titled_names
        if mention.kind not in ("organization", "place"):
            return False
        root = self._root(mention.start, mention.end)
        if root is None:
            return False
        nouns = self.words.person_nouns
        if root.dep_ == "appos" and root.head.lemma_.lower() in nouns:
            return True
        return any(
            (c.dep_ in ("appos", "compound") and c.pos_ == "NOUN" and c.lemma_.lower() in nouns)
            or (c.lower_ == "old" and any(g.lemma_ == "year" for g in c.children))
            for c in root.children
        )  # the last: an age, "25-year-old Guzel"

    @functools.cached_property
    def _places(self) -> frozenset[str]:
        """Actors tagged as people that the text names with a place noun: "Suka Makmur
        village", "the capital, Banda Aceh", "the provincial capital Banda Aceh"."""
        places = self.words.place_nouns
        found = set()
        for mention in self.mentions:
            if mention.kind != "person":
                continue
            root = self._root(mention.start, mention.end)
            if root is None:
                continue
            head = root.head
            if (
                root.dep_ in ("compound", "appos")
                and head.pos_ == "NOUN"
                and (head.lemma_.lower() in places)
            ) or any(
                c.dep_ in ("appos", "compound") and c.pos_ == "NOUN" and c.lemma_.lower() in places
                for c in root.children
            ):
                found.add(mention.actor_id or mention.text)
        return frozenset(found)

    @functools.cached_property
    def _titled_names(self) -> frozenset[str]:
        """Names that open with a title word yet name no one ("General Motors", "Press
        Association"): written more than once, never without the title. News style names a
        person in full once and by surname after ("Professor Varoufakis" ... "Varoufakis")."""
        text = self.doc.text
        names = {m.text for m in self.mentions if m.kind == "organization" and _a_person(m)}
        return frozenset(
            name
            for name in names
            if len(name.split()) > 1
            and text.count(name) > 1
            and text.count(name.split()[-1]) == text.count(name)
        )

    def gender(self, mention: Mention) -> Gender | None:
        """What the text says of the actor's gender, or None."""
        return self._genders.get(mention.actor_id or mention.text)

    def _named_in(self, start: int, end: int, root: Token) -> Mention | None:
        """The name the phrase is (or whose head it holds): "Coroner Gary Hargrove", "Apple"."""
        inside = [m for m in self._within(start, end) if m.start <= root.idx < m.end]
        return inside[0] if inside else None

    def _person_before(self, offset: int, gender: Gender, hops: int = _HOPS) -> Mention | None:
        """The person a he/she at `offset` stands for; when no name is in reach, the person
        of an earlier he/she of that gender, whose person the text must say is of
        that gender (a story keeps its focus: "she" six sentences on from "Page" is Page)."""
        found, stop = self._pronoun_walk(offset, gender, first=hops == _HOPS)
        if stop is not None:
            return self._described_person(stop, gender)
        if found is None and hops > 0:
            earlier = self._pronoun_before(offset, gender)
            if earlier is not None:
                return self._person_before(earlier, gender, hops - 1)
        return found

    def _pronoun_walk(
        self, offset: int, gender: Gender, *, first: bool
    ) -> tuple[Mention | None, Token | None]:
        """The walk back of a he/she: the nearest person of a compatible gender, or the
        subject naming nobody it stopped at ("one customer was sceptical ... he said")."""
        known = (None, gender) if first else (gender,)  # passed on: the text says so
        reported = self.reported_by(offset)

        def fits(mention: Mention) -> bool:
            if any(low <= mention.start < high for low, high in reported):
                return False  # "Jackson was on probation, he said": he is not Jackson
            return self.is_person(mention) and self.gender(mention) in known

        return self._walk(offset, fits, blocked=self._other_person(gender))

    def stand_in(self, start: int, end: int) -> tuple[int, int] | None:
        """For a he/she that no name stands for, the unnamed person it does: the subject
        naming nobody that the walk back stopped at ("However, one customer was sceptical.
        "...," he said": the customer), as the extent of its phrase; else None."""
        root = self._root(start, end)
        if root is None or root.lower_ not in PRONOUN_GENDER or end - start != len(root.text):
            return None
        gender = PRONOUN_GENDER[root.lower_]
        _, stop = self._pronoun_walk(start, gender, first=True)
        if stop is None or self._described_person(stop, gender) is not None:
            return None
        return self._extent(stop)

    def reported_by(self, offset: int) -> list[tuple[int, int]]:
        """The clauses that the verb a pronoun at `offset` is the subject of reports."""
        index = self._token_at(offset)
        if index >= len(self.doc) or self.doc[index].dep_ not in _SUBJECTS:
            return []
        verb = self.doc[index].head
        return [self._extent(c) for c in verb.children if c.dep_ == "ccomp"]

    def _described_person(self, subject: Token, gender: Gender) -> Mention | None:
        """A walk stopped at "the star said ..." or "our reporter says ...": the he/she is
        the star, and the star is the person the description resolves to, when it does."""
        if not any(
            (c.dep_ == "det" and c.lower_ in _DEFINITE) or c.dep_ == "poss"
            for c in subject.children
        ):
            return None
        found = self.resolve(subject.idx, subject.idx + len(subject.text))
        if found is None or not self.is_person(found.mention):
            return None
        return found.mention if self.gender(found.mention) in (None, gender) else None

    def _pronoun_before(self, offset: int, gender: Gender) -> int | None:
        """Where the earliest he/she of `gender` outside hidden stretches stands, as the
        subject of its clause, in the sentences a lookup walks back over (each hop of a chain
        of pronouns reaches a window further back)."""
        low = max(self._sentence_start(offset, back=_BACK), offset - _REACH)
        for token in self._tokens(low, offset):
            if (
                _GENDERED.get(token.lower_) == gender
                and token.dep_ in _SUBJECTS
                and not self.hidden(token.idx)
            ):
                return token.idx
        return None

    def _body_before(self, offset: int, *, plural: bool) -> Mention | None:
        kinds = ("organization", "group") if plural else ("organization",)
        return self._walk(offset, lambda m: m.kind in kinds, sentences=3)[0]

    def _described(self, offset: int, root: Token) -> Mention | None:
        """ "the company" -> the nearest earlier organisation (one whose name holds "company"
        first); "the coroner" -> the person named with that word, else the nearest person."""
        noun = root.lemma_.lower()
        if noun in self.words.organization_nouns:
            kind = "organization"
        elif noun in self.words.person_nouns:
            kind = "person"
        else:
            return None
        gender = self._word_gender(noun)

        def fits(mention: Mention) -> bool:
            said = self.gender(mention)
            right = self.is_person(mention) if kind == "person" else mention.kind == kind
            return right and (gender is None or said in (None, gender))

        def named(mention: Mention) -> bool:
            return self._names_with(mention, noun)

        found = self._walk(offset, fits, prefer=named)[0]
        if kind == "person" and (found is None or not named(found)):
            given = self._named_with(offset, offset, noun, kind)
            if given is not None:
                return given
            if self._unnamed_before(offset, root) is not None:
                return None  # "A close friend said ... The friend said": no one named
        return found

    def _unnamed_before(self, offset: int, root: Token) -> int | None:
        """Where an earlier indefinite phrase with the description's head noun and number
        stands when it names no one ("A close friend of the dead mum said" ... "The friend
        said"): the description is that unnamed person, no name before it."""
        low = max(self._sentence_start(offset, back=_BACK * 4), offset - _REACH)
        for token in reversed(self._tokens(low, offset)):
            if token.lemma_ != root.lemma_ or token.tag_ != root.tag_ or self.hidden(token.idx):
                continue
            if not any(
                c.dep_ in ("det", "nummod") and c.lower_ in ("a", "an", "one", "another")
                for c in token.children
            ):
                continue
            if not self._within(*self._extent(token)):
                return token.idx
        return None

    def _in_house(self) -> Mention | None:
        """The outlet's own journalist that "our reporter" stands for: the person the article
        introduces with a journalist noun ("BBC correspondent Ann Roe", "Ann Roe, our Africa
        correspondent"), else as an organisation's own ("The BBC's James Copnall")."""
        people = [m for m in self.mentions if self.is_person(m)]
        # the first such person in the text: iterating the noun set instead made the answer
        # depend on string hashing, so two runs could differ
        nouns = self.words.journalist_nouns
        named = next((m for m in people if any(self._names_with(m, n) for n in nouns)), None)
        if named is not None:
            return named
        for mention in people:
            root = self._root(mention.start, mention.end)
            owners = [c for c in root.children if c.dep_ == "poss"] if root is not None else []
            if any(self._organisation_at(c.idx) for c in owners):
                return mention
        return None

    def _organisation_at(self, offset: int) -> bool:
        """True when an organisation's mention covers `offset`."""
        index = bisect.bisect_right(self._starts, offset) - 1
        return index >= 0 and any(
            m.kind == "organization" and m.start <= offset < m.end
            for m in self.mentions[max(0, index - 2) : index + 1]
        )

    def _named_with(self, start: int, end: int, noun: str, kind: str) -> Mention | None:
        """The name given with `noun` ("Coroner Gary Hargrove", "Harlan Boll, her spokesman"):
        the nearest before the phrase, else the first in the next sentences."""
        low = max(self._sentence_start(start, back=_BACK * 4), start - 2 * _REACH)
        for mention in reversed(self._within(low, start)):
            if mention.kind == kind and self._names_with(mention, noun) and not self._hid(mention):
                return mention
        index = bisect.bisect_right(self._sentences, end)
        high = self._sentences[index + _BACK] if index + _BACK < len(self._sentences) else None
        high = min(high if high is not None else len(self.doc.text), end + _REACH)
        for mention in self._within(end, high):
            if mention.kind == kind and self._names_with(mention, noun) and not self._hid(mention):
                return mention
        return None

    def _walk(
        self,
        offset: int,
        fits: Callable[[Mention], bool],
        *,
        sentences: int = _BACK,
        blocked: Callable[[Token], bool] | None = None,
        prefer: Callable[[Mention], bool] | None = None,
    ) -> tuple[Mention | None, Token | None]:
        """The nearest fitting mention before `offset`: in its own sentence the last one, in an
        earlier sentence its subject, else its first; or, with `blocked`, the subject that is
        no name but a person of another kind the walk stopped at ("her spokesman said ... He")."""
        index = bisect.bisect_right(self._sentences, offset) - 1
        for n in range(index, max(index - sentences, -1) - 1, -1):
            low = max(self._sentences[n] if n >= 0 else 0, offset - _REACH)
            high = offset if n == index else self._sentences[n + 1]
            if high <= offset - _REACH:
                return None, None
            found = [m for m in self._within(low, high) if fits(m) and not self._hid(m)]
            if n == index and blocked is not None:
                found = [m for m in found if self._rank(m) < 2]  # "he": a subject before it
            if prefer is not None and any(prefer(m) for m in found):
                found = [m for m in found if prefer(m)]  # "the coroner": "Coroner Gary Hargrove"
            if found:
                best = min(self._rank(m) for m in found)
                ranked = [m for m in found if self._rank(m) == best]
                return (ranked[-1] if n == index else ranked[0]), None
            stop = self._blocked(low, high, blocked) if n != index and blocked else None
            if stop is not None:
                return None, stop
        return None, None

    def _blocked(self, low: int, high: int, blocked: Callable[[Token], bool]) -> Token | None:
        """The last subject in `[low, high)` that stops a walk back, or None."""
        stops = [
            t
            for t in self._tokens(low, high)
            if t.dep_ in _SUBJECTS and blocked(t) and not self.hidden(t.idx)
        ]
        main = [t for t in stops if t.head.dep_ == "ROOT"]  # "Guzel said ... her daughter"
        return (main or stops)[-1] if stops else None

    def _other_person(self, gender: Gender) -> Callable[[Token], bool]:
        """A subject naming nobody that a he/she could stand for: "her spokesman", "a woman";
        one person, never a plural ("Workers will keep their jobs. He said": not them)."""

        def person(token: Token) -> bool:
            lemma = token.lemma_.lower()
            if token.pos_ != "NOUN" or token.tag_ == "NNS" or lemma not in self.words.person_nouns:
                return False
            return self._word_gender(lemma) in (None, gender)

        return person

    def _names_with(self, mention: Mention, noun: str) -> bool:
        """ "Coroner Gary Hargrove", "Hargrove, the coroner", "the Defence Ministry"; a
        title that names the role ("Justice Vincent DelGiudice" for "the judge", "the Rev.
        Larry Kroon" for "the pastor")."""
        index = self._token_at(mention.start)
        before = [t.lower_.rstrip(".") for t in self.doc[max(0, index - 2) : index]]
        words = {*(w.rstrip(".") for w in mention.text.lower().split()), *before}
        if noun in words or words & self.words.titles.get(noun, frozenset()):
            return True
        root = self._root(mention.start, mention.end)
        if root is None:
            return False
        if root.dep_ == "appos" and root.head.lemma_.lower() == noun:
            return True  # "A close friend, Tessa Marlow, said"
        return any(
            t.lemma_.lower() == noun and t.dep_ in ("appos", "compound") for t in root.children
        )

    def _rank(self, mention: Mention) -> int:
        """0 for the subject of a main verb, 1 for another subject, 2 for any other name."""
        root = self._root(mention.start, mention.end)
        if root is None:
            return 2
        if root.dep_ in ("compound", "appos"):
            root = root.head  # "Apple CEO Steve Jobs", "the vice president, Constantin Stroe"
        if root.dep_ not in _SUBJECTS:
            return 2
        return 0 if root.head.dep_ == "ROOT" else 1

    def _has_name(self, start: int, end: int) -> bool:
        return any(t.pos_ == "PROPN" for t in self._tokens(start, end))

    def _hid(self, mention: Mention) -> bool:
        return self.hidden(mention.start)

    def _within(self, start: int, end: int) -> list[Mention]:
        low = bisect.bisect_left(self._starts, start)
        high = bisect.bisect_left(self._starts, end)
        return [m for m in self.mentions[low:high] if m.end <= end]

    def _sentence_start(self, offset: int, *, back: int) -> int:
        index = bisect.bisect_right(self._sentences, offset) - 1
        return self._sentences[max(0, index - back)] if self._sentences else 0

    def _token_at(self, offset: int) -> int:
        """The index of the first token that starts at or after `offset`."""
        return bisect.bisect_left(self._token_starts, offset)

    def _tokens(self, start: int, end: int) -> Span:
        """The tokens that start in `[start, end)`."""
        return self.doc[self._token_at(start) : self._token_at(end)]

    def _extent(self, token: Token) -> tuple[int, int]:
        left, right = token.left_edge, token.right_edge
        return left.idx, right.idx + len(right.text)

    def _root(self, start: int, end: int) -> Token | None:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return span.root if span is not None and len(span) else None

    def _appositive_gender(self, mention: Mention) -> Gender | None:
        """The gender of a noun set beside the name: "Shondell McAllister, the girl's
        mother", "the actress, Jane Doe", "Tom Ekwall, a businessman"."""
        root = self._root(mention.start, mention.end)
        if root is None:
            return None
        beside = [c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
        if root.dep_ == "appos" and root.head.pos_ == "NOUN":
            beside.append(root.head)
        said = {self._word_gender(t.lemma_.lower()) for t in beside} - {None}
        return said.pop() if len(said) == 1 else None

    def _word_gender(self, word: str) -> Gender | None:
        if word in self.words.female_words:
            return "female"
        if word in self.words.male_words:
            return "male"
        return None

    @functools.cached_property
    def _genders(self) -> dict[str, Gender]:
        """Per actor: a gendered title or noun just before a name ("Mrs", "actress") decides;
        else the vote of each sentence's first he/she outside quotes when its sentence (before
        it, the he/she a subject), or else the sentence before, names that person and no
        other."""
        votes: dict[str, Counter[Gender]] = defaultdict(Counter)
        people = [m for m in self.mentions if m.kind == "person"]
        for mention in people:
            index = self._token_at(mention.start)
            before = self.doc[index - 1].lower_ if index > 0 else ""
            said = self._word_gender(before) or self._appositive_gender(mention)
            if said is not None:
                votes[mention.actor_id or mention.text][said] += 10
        gendered = [t.i for t in self.doc if t.lower_ in _GENDERED and not self.hidden(t.idx)]
        for sentence in self.doc.sents:
            token = next((t for t in sentence if t.lower_ in _GENDERED), None)
            said = _GENDERED.get(token.lower_) if token is not None else None
            if said is None or self.hidden(token.idx):
                continue  # only a sentence's first he/she votes: a later one may be another
            for back in (0, 1):  # its own sentence, else the one before, naming one person
                low = max(self._sentence_start(token.idx, back=back), token.idx - _REACH)
                high = token.idx if back == 0 else self._sentence_start(token.idx, back=0)
                seen = {
                    m.actor_id or m.text
                    for m in self._within(low, high)
                    if m.kind == "person" and not self._hid(m)
                }
                if seen:
                    break
            if back == 0 and not _subject_side(token):
                continue  # "Tibbs ... asked her to pose": her is not Tibbs
            if back == 1 and any(
                _GENDERED[self.doc[i].lower_] != said or not _bindable(self.doc[i])
                for i in gendered[bisect.bisect_left(gendered, self._token_at(low)) :]
                if i < sentence.start
            ):
                continue  # the sentence before has a he/she of its own: the one named or it
            if len(seen) == 1:
                votes[seen.pop()][said] += 1
        return {key: count.most_common(1)[0][0] for key, count in votes.items() if count}


def _a_person(mention: Mention) -> bool:
    """A person, or a name the model took for an organisation that opens with a person's title
    ("Professor Varoufakis")."""
    first = mention.text.split()[0].lower().rstrip(".") if mention.text.split() else ""
    return mention.kind == "person" or (mention.kind == "organization" and first in TITLES)


def _in_longer_name(token: Token) -> bool:
    """A proper noun joined to another that is no title ("Page Smith", "Timmons Street")."""
    doc = token.doc
    before = doc[token.i - 1] if token.i > 0 else None
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if before is not None and before.pos_ == "PROPN" and before.lower_.rstrip(".") not in TITLES:
        return True
    return after is not None and after.pos_ == "PROPN" and token.head.i == after.i


def _bindable(token: Token) -> bool:
    """A he/she that may be the subject of its own clause: a subject, or a possessive
    ("Obama explained his plan. He said"); an object pronoun never is ("Smith met her. She
    said": her is someone else), the binding rule of English (himself, not him)."""
    return token.dep_ in _SUBJECTS or token.dep_ == "poss"


def _subject_side(token: Token) -> bool:
    """A subject pronoun, or a possessive on a subject ("Tara Reid ..., but her latest
    destination hits"); not an object's ("Tibbs admired her body")."""
    if token.dep_ in _SUBJECTS:
        return True
    return token.dep_ == "poss" and token.head.dep_ in _SUBJECTS
