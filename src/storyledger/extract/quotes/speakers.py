"""Who speaks: the subject of a speech cue, as written, resolved, and flagged when anonymous.

A speaker is the noun phrase that is the subject of the cue verb (climbing from participles
such as "adding" or "accusing" to the verb they hang from). Pronouns, definite descriptions
("the official") and "one" are resolved to an earlier noun phrase of the article.

Every lookup costs about the same however long the article or its sentences are: the parse is
read through a `ParseTree`, each token's phrase is bounded once, and an antecedent is sought
only among the phrases of the window before the pronoun.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from spacy.attrs import IDX
from spacy.tokens import Doc, Token

from storyledger.extract.quotes.acronyms import is_acronym, stands_for
from storyledger.extract.quotes.lexicon import speech_lexicon
from storyledger.extract.quotes.marks import QuoteCover, Quoted
from storyledger.extract.resolve import PRONOUN_GENDER, Resolver
from storyledger.extract.tree import ParseTree, PhraseBounds
from storyledger.model import Mention

SUBJECTS = ("nsubj", "nsubjpass")
_PERSONAL = {"he": "sg", "she": "sg", "him": "sg", "her": "sg", "they": "pl", "we": "pl"}
_CUT_DEPS = ("relcl", "advcl")
_ABBREVIATED_TITLES = frozenset(
    "sgt lt col capt gen gov sen rep rev dr prof const det cpl insp supt adm maj cmdr "
    "mr mrs ms".split()
)
_ADDRESSING = frozenset({"tell", "ask", "warn", "urge", "remind", "inform"})  # object: hearer
_NOUN_PHRASE = frozenset({"PROPN", "NOUN", "DET", "ADJ", "NUM", "PART"})
_WHEN_NOUNS = frozenset(
    "time times occasion day week month year morning afternoon evening night hour".split()
)  # "several times", "last week": an adverb of time the parser took for a subject
_WHEN_ENTS = frozenset({"DATE", "TIME"})
_LOOKBACK = 600  # characters searched back for an antecedent


@dataclass(frozen=True, slots=True)
class Speaker:
    """A speaker as written (`start`/`end`), what it resolves to, and how to count it."""

    start: int
    end: int
    text: str
    resolved: str
    mention: Mention | None
    anonymous: bool
    affiliation: str | None


class SpeakerFinder:
    """Finds and resolves speakers in one analysed article."""

    def __init__(
        self, doc: Doc, text: str, mentions: Sequence[Mention], quoted: Sequence[Quoted] = ()
    ) -> None:
        self.doc = doc
        self.text = text
        self.quoted = list(quoted)
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self._mention_starts = [m.start for m in self.mentions]
        self.lexicon = speech_lexicon()
        self.tree = ParseTree(doc)
        self._roots: dict[tuple[int, int], Token] = {}

    @functools.cached_property
    def bounds(self) -> PhraseBounds:
        """The noun phrase of each token (`bounds[i]`): its subtree without the clauses hung
        on it, edges trimmed. A reduced relative stays ("two diplomats briefed on the talks"),
        a speech cue does not ("a report claiming ..."). Each worked out once, when needed."""
        cues = self.lexicon.cue_verbs
        return self.tree.phrase_bounds(
            cut=lambda t: t.dep_ in _CUT_DEPS or (t.dep_ == "acl" and t.lemma_.lower() in cues),
            trim_end=lambda t: t.is_punct or t.dep_ == "case",
        )

    @functools.cached_property
    def _cover(self) -> QuoteCover:
        return QuoteCover(self.quoted)

    @functools.cached_property
    def _token_starts(self) -> list[int]:
        return self.doc.to_array(IDX).tolist()

    def _phrases_back(self, before: int, reach: int) -> Iterator[tuple[int, int]]:
        """Candidate antecedents outside quotes that start in `[before - reach, before]` and
        end by `before`, latest first (by token among phrases with one start). Their heads lie
        in that stretch, so only its tokens are looked at, however long the article."""
        low = bisect.bisect_left(self._token_starts, before - reach)
        high = bisect.bisect_left(self._token_starts, before)
        found = []
        for token in self.doc[low:high]:
            if (
                token.dep_ in (*SUBJECTS, "dobj", "pobj", "appos", "conj")
                and token.pos_ in ("NOUN", "PROPN")
                and token.idx not in self._cover
            ):
                p_start, p_end = self.bounds[token.i]
                if p_start >= before - reach and p_end <= before:
                    found.append((p_start, p_end, token.i))
        for p_start, p_end, _ in sorted(found, key=lambda phrase: (-phrase[0], phrase[2])):
            yield p_start, p_end

    def subject_of(self, cue: Token) -> Token | None:
        """The subject of `cue`; from a participle ("adding", "accusing") or a clause, the
        subject of the verb it hangs from. None when the cue's own subject cannot speak or is
        a passive subject ("the legacy will be written")."""
        quoted_as = _quoted_as(cue)
        if quoted_as is not None and self._can_speak(quoted_as):
            return quoted_as  # "the Daily News quoted witness Devonte Brown as saying"
        token = cue
        for _ in range(8):
            subject = self._nearest_subject(token)
            if (
                token is cue
                and subject is not None
                and cue.dep_ == "conj"
                and (subject.lemma_.lower() in _WHEN_NOUNS or subject.ent_type_ in _WHEN_ENTS)
            ):
                token = cue.head  # "He stated ... and several times described": his verb's
                continue
            if token is cue and subject is not None:
                if subject.lower_ == "it":  # "it said": a company or body, when one is in view
                    start, end = self.bounds[subject.i]
                    return subject if self.resolver.resolve(start, end) is not None else None
                return subject if subject.lower_ != "there" else None
            if token is cue and self.tree.has_child(token, "nsubjpass"):
                return None  # "the legacy will be written": the subject is not a speaker
            if token is cue and subject is None:
                inverted = _inverted_subject(cue)
                if inverted is not None:
                    return inverted
            if subject is not None and self._can_speak(subject):
                return subject
            if (
                token.dep_ == "acl"
                and token.head.pos_ in ("NOUN", "PROPN")
                and self._can_speak(token.head)
            ):
                return token.head  # "a report claiming ...", "a spokesman saying ..."
            if token.dep_ == "pcomp":
                owner = next(
                    (c for c in self.tree.children(token.head.head) if c.dep_ == "poss"), None
                )
                if owner is not None:
                    return owner  # "Witkoff's optimism in claiming ..."
            if token.head is token:
                return None
            if (
                token.dep_ == "advcl"
                and token.head.dep_ == "ccomp"
                and (token.head.head.lemma_.lower() in self.lexicon.cue_verbs)
            ):
                token = token.head.head  # "told X that A remains B, dismissing C": the teller
                continue
            token = token.head
        return None

    def _nearest_subject(self, verb: Token) -> Token | None:
        """The verb's subject; of two the parser gave it, the last before it ("As well as new
        routes to the US, Mannion stated": Mannion), as a clause has one."""
        subjects = [c for c in self.tree.children(verb) if c.dep_ == "nsubj"]
        before = [c for c in subjects if c.i < verb.i]
        return before[-1] if before else next(iter(subjects), None)

    def speaker(self, subject: Token) -> Speaker:
        """The speaker that `subject` names, resolved when it is a pronoun or a description:
        he, she, it and relative pronouns by the shared resolver first, the rest by the
        phrase-level rules below, the resolver again when those find no name."""
        start, end = self.bounds[subject.i]
        titled = self._after_title(start, end)
        if titled is not None:  # "Police Sgt. Marty Earley", cut at the title's full stop
            return self._named(start, titled.end, self.text[start : titled.end], titled)
        written = self.text[start:end]
        if subject.lower_ in PRONOUN_GENDER and end - start == len(subject.text):
            first = self.resolver.resolve(start, end)  # salience: the last main subject first
            if (
                first is not None
                and self.resolver.gender(first.mention) == PRONOUN_GENDER[subject.lower_]
            ):
                return self._named(start, end, written, first.mention)
        antecedent = self._antecedent(subject, start)
        if antecedent is not None:
            a_start, a_end = antecedent
            found = self._describe(start, end, written, a_start, a_end)
        else:
            found = self._describe(start, end, written, start, end)
        if subject.lower_ in _PERSONAL and found.mention is not None:
            said = self.resolver.gender(found.mention)
            if said is not None and said != PRONOUN_GENDER.get(subject.lower_, said):
                found = replace(found, resolved=written, mention=None)  # "she" is not "Tom"
                antecedent = None
        if found.mention is None and not found.anonymous:
            resolution = self.resolver.resolve(*(antecedent or (start, end)))
            if resolution is not None:
                return self._named(start, end, written, resolution.mention)
            body = self._body_of(start, end)
            if body is not None:
                return Speaker(start, end, written, body[0], body[1], False, body[0])
            unnamed = self.resolver.stand_in(start, end) if antecedent is None else None
            if unnamed is not None:  # "one customer was sceptical ... he said": the customer
                found = self._describe(start, end, written, *unnamed)
        if found.mention is None:
            later = self._named_next(start, end)
            if later is not None:
                found = replace(found, mention=later, anonymous=False)
        if found.mention is not None and self.resolver.is_person(found.mention):
            return replace(found, resolved=self._full_name(found.mention))  # not "Sen. X, 61"
        if (
            found.mention is not None
            and is_acronym(found.mention.text)
            and (found.resolved or "").endswith(found.mention.text)
        ):
            return replace(found, resolved=self._full_name(found.mention))  # "The USGS": in full
        return found

    def _named_next(self, start: int, end: int) -> Mention | None:
        """The news lede's delayed identification: "..., the city's chief prosecutor said." then
        "..., District Attorney Lynne Abraham said.": a definite or possessive person noun no
        name stood for yet is the person who speaks in the very next sentence, named there for
        the first time."""
        root = self._root(start, end)
        if root is None or root.tag_ in ("NNS", "NNPS"):
            return None
        if root.lemma_.lower() not in self.resolver.words.person_nouns:
            return None
        if not any(
            (c.dep_ == "det" and c.lower_ == "the") or c.dep_ == "poss"
            for c in self.tree.children(root)
        ):
            return None
        sentence = root.sent
        if sentence.end >= len(self.doc):
            return None
        following = self.doc[sentence.end].sent
        for token in following:
            if token.lemma_.lower() not in self.lexicon.cue_verbs or token.idx in self._cover:
                continue
            subject = next((c for c in self.tree.children(token) if c.dep_ == "nsubj"), None)
            if subject is None:
                continue
            s_start, s_end = self.bounds[subject.i]
            inside = list(self._mentions_within(s_start, s_end))
            person = self._person_in(inside, subject)
            if person is not None and not any(
                m.start < start and (m.actor_id or m.text) == (person.actor_id or person.text)
                for m in self.mentions
            ):
                return person
        return None

    def _after_title(self, start: int, end: int) -> Mention | None:
        """The person named right after a phrase that ends with an abbreviated title and its
        full stop, which the parser took for a sentence end ("said Bloomington Police Sgt.
        Marty Earley", "according to police spokesperson Const. Tim Fanning")."""
        words = self.text[start:end].split()
        if not words or words[-1].lower() not in _ABBREVIATED_TITLES:
            return None
        if not self.text.startswith(".", end):
            return None
        after = end + 1
        while after < len(self.text) and self.text[after] == " ":
            after += 1
        index = bisect.bisect_left(self._mention_starts, after)
        if index < len(self.mentions) and self.mentions[index].start == after:
            mention = self.mentions[index]
            return mention if mention.kind == "person" else None
        return None

    def _body_of(self, start: int, end: int) -> tuple[str, Mention | None] | None:
        """Who a statement, a report or an unnamed spokesman speaks for, as a name and its
        mention when it has one: its owner ("the company's response team"), else the one who
        issued it ("Kraft Foods issued a statement", "the NCAA report"). No guess beyond: the
        nearest organisation was right as often as wrong for a statement or a report."""
        root = self._root(start, end)
        if root is None or root.tag_ in ("NNS", "NNPS"):
            return None
        lemma = root.lemma_.lower()
        voices = self.lexicon.speech_nouns | self.lexicon.spokesperson_heads
        if lemma not in voices and lemma not in BODY_NOUNS:
            return None
        owner = self.resolver.owner(start, end)
        if owner is not None:
            return self._full_name(owner), owner
        if lemma not in voices:
            return None
        return self._issuer(root)

    def _issuer(self, root: Token) -> tuple[str, Mention | None] | None:
        """Who issued the statement or report the phrase names (again): the name given with
        the same noun here or earlier ("the NCAA report"), or the subject of the nearest clause
        with that noun as its object ("Kraft Foods issued a statement", "the government said in
        a statement", "Jobs resigned in a letter ... stating")."""
        lemma = root.lemma_.lower()
        low = bisect.bisect_left(self._token_starts, root.idx - _LOOKBACK * 3)
        for token in reversed(self.doc[low : root.i + 1]):  # itself first: "Jobs resigned
            if token.lemma_.lower() != lemma or token.idx in self._cover:  # in a letter stating"
                continue
            named = next(
                (c for c in self.tree.children(token) if c.dep_ in ("compound", "poss")), None
            )
            verb = token.head if token.dep_ == "dobj" else token.head.head
            if named is None and token.dep_ in ("dobj", "pobj") and verb.pos_ == "VERB":
                named = next((c for c in self.tree.children(verb) if c.dep_ == "nsubj"), None)
            if named is None or named.pos_ not in ("PROPN", "NOUN"):
                continue
            n_start, n_end = self.bounds[named.i]
            found = self.resolver.resolve(n_start, n_end)
            if found is not None:
                return self._full_name(found.mention), found.mention
            return self.text[n_start:n_end], None
        return None

    def _named(self, start: int, end: int, written: str, mention: Mention) -> Speaker:
        """A speaker resolved to `mention`, shown by the article's fullest name for it."""
        return Speaker(start, end, written, self._full_name(mention), mention, False, None)

    def _full_name(self, mention: Mention) -> str:
        """The article's fullest name for the mention's actor; for initials, the one longer
        organisation name they stand for ("SIA": "Singapore Airlines")."""
        same = self._by_actor.get(mention.actor_id, [mention.text])
        name = max(same, key=lambda name: (len(name.split()), len(name)))
        if not is_acronym(name):
            return name
        longer = {
            m.text
            for m in self.mentions
            if m.kind == "organization"
            and m.actor_id != mention.actor_id
            and stands_for(name, m.text)
        }
        return longer.pop() if len(longer) == 1 else name

    @functools.cached_property
    def _by_actor(self) -> dict[str, list[str]]:
        names: dict[str, list[str]] = {}
        for m in self.mentions:
            names.setdefault(m.actor_id, []).append(m.text)
        return names

    @functools.cached_property
    def resolver(self) -> Resolver:
        """The shared mention resolver, blind to the words inside quotation marks."""
        return Resolver(self.doc, self.mentions, hidden=self._cover.__contains__)

    def _describe(self, start: int, end: int, written: str, r_start: int, r_end: int) -> Speaker:
        resolved = self.text[r_start:r_end]
        inside = list(self._mentions_within(r_start, r_end))
        root = self._root(r_start, r_end)
        person = self._person_in(inside, root)
        if person is None and root is not None and root.dep_ == "appos":
            person = self._person_at(root.head.idx)  # "Ema Suryani, a doctor at ...": her
        head = root.lemma_.lower() if root is not None else ""
        others = [m for m in inside if not self.resolver.is_person(m)]
        affiliation = others[0].text if others else None
        if person is not None:
            return Speaker(start, end, written, resolved, person, False, affiliation)
        if head in self.lexicon.anonymous_heads and not self._definite_role(r_start, r_end):
            return Speaker(start, end, written, resolved, None, True, affiliation)
        if head in self.lexicon.spokesperson_heads:
            owner = others[0] if others else self.resolver.owner(r_start, r_end)
            if owner is not None:
                affiliation = self._full_name(owner)
            named = self.resolver.resolve(r_start, r_end)  # "Dana Pike, her publicist"
            if named is not None and named.mention.kind == "person":
                speaker = self._named(start, end, written, named.mention)
                return replace(speaker, affiliation=affiliation)
            owner = owner or self.resolver.organisation_before(r_start)  # "a spokesman said"
            if owner is not None:
                affiliation = self._full_name(owner)
            return Speaker(start, end, written, resolved, owner, False, affiliation)
        named = next(
            (m for m in others if m.start == r_start or _covers(m, root)),
            None,
        )
        if named is None and not inside:
            named = self._person_by_surname(resolved)
        return Speaker(start, end, written, resolved, named, False, affiliation)

    def _person_in(self, inside: list[Mention], root: Token | None) -> Mention | None:
        """The person a phrase names: the one whose name holds its head ("Oscar producer
        Laurence Mark", where the model also took "Oscar" for a person), else the first that
        neither owns the head nor hangs from a preposition ("Biancardi's attorney, James
        Zeszutek": not Biancardi; "the mother of Jane Doe": nobody)."""
        people = [m for m in inside if self.resolver.is_person(m)]
        head = next((m for m in people if _covers(m, root)), None)
        if head is not None:
            return head
        for mention in people:
            own = self._root(mention.start, mention.end)
            if own is None or own.dep_ not in ("poss", "pobj"):
                return mention
        return None

    def _person_at(self, offset: int) -> Mention | None:
        """The person mention that holds `offset`, if any."""
        index = bisect.bisect_right(self._mention_starts, offset) - 1
        while index >= 0 and offset - self.mentions[index].start < 200:
            mention = self.mentions[index]
            if mention.start <= offset < mention.end and self.resolver.is_person(mention):
                return mention
            index -= 1
        return None

    def _person_by_surname(self, name: str) -> Mention | None:
        """A bare surname the model did not tag: the article's one person with that surname."""
        words = name.split()
        if len(words) != 1 or not name[:1].isupper():
            return None
        people = self._people_by_surname.get(name, {})
        return next(iter(people.values())) if len(people) == 1 else None

    @functools.cached_property
    def _people_by_surname(self) -> dict[str, dict[str, Mention]]:
        """Surname -> {full name: its last mention}, for the people named in several words."""
        found: dict[str, dict[str, Mention]] = {}
        for m in self.mentions:
            words = m.text.split()
            if m.kind == "person" and len(words) > 1:
                found.setdefault(words[-1], {})[m.text] = m
        return found

    def _mentions_within(self, start: int, end: int) -> Iterator[Mention]:
        """The mentions inside `[start, end)`, in order of their start."""
        index = bisect.bisect_left(self._mention_starts, start)
        while index < len(self.mentions) and self.mentions[index].start <= end:
            mention = self.mentions[index]
            if mention.end <= end:
                yield mention
            index += 1

    def _root(self, start: int, end: int) -> Token | None:
        """The root of the tokens over `[start, end)` (spaCy's `Span.root`), memoised."""
        if (start, end) not in self._roots:
            span = self.doc.char_span(start, end, alignment_mode="expand")
            self._roots[start, end] = span.root if span is not None else None
        return self._roots[start, end]

    def _definite_role(self, start: int, end: int) -> bool:
        """ "the city engineer" names one identifiable person; "an official" does not."""
        root = self._root(start, end)
        if root is None:
            return False
        return root.tag_ in ("NN", "NNP") and any(
            c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an", "another", "any", "some")
            for c in self.tree.children(root)
        )

    def _can_speak(self, subject: Token) -> bool:
        """A subject that could utter words: a name, a pronoun, a person or source noun."""
        if subject.lower_ in _PERSONAL or subject.lower_ in ("i", "one", "it"):
            return subject.lower_ != "it"
        if subject.pos_ == "PROPN" or subject.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
            return True
        lemma = subject.lemma_.lower()
        lexicon = self.lexicon
        return (
            lemma in lexicon.anonymous_heads
            or lemma in lexicon.spokesperson_heads
            or lemma in lexicon.speech_nouns
            or lemma in ROLE_NOUNS
            or lemma in BODY_NOUNS
        )

    def _antecedent(self, subject: Token, start: int) -> tuple[int, int] | None:
        word = subject.lower_
        if word in _PERSONAL:
            return self._earlier(start, plural=_PERSONAL[word] == "pl")
        if word == "one" and not self.tree.kids[subject.i]:
            return self._earlier(start, plural=True, anonymous_only=True)
        determiner = next((c for c in self.tree.children(subject) if c.dep_ == "det"), None)
        if determiner is not None and determiner.lower_ in ("the", "this", "that"):
            return self._same_head(subject, start)
        return None

    def _earlier(
        self, before: int, *, plural: bool, anonymous_only: bool = False
    ) -> tuple[int, int] | None:
        """The nearest earlier phrase that could be the speaker a pronoun points back to (not
        one inside the clause the pronoun's own verb reports)."""
        reported = self.resolver.reported_by(before)
        for p_start, p_end in self._phrases_back(before, _LOOKBACK):
            if any(low <= p_start < high for low, high in reported):
                continue
            head = self._root(p_start, p_end)
            if head.lower_ in _PERSONAL:
                continue
            is_plural = head.tag_ in ("NNS", "NNPS") or self.tree.has_child(head, "conj")
            if plural != is_plural:
                continue
            if anonymous_only and head.lemma_.lower() not in self.lexicon.anonymous_heads:
                continue
            if not plural and not self._names_person(p_start, p_end):
                if head.dep_ in SUBJECTS and self._unnamed_person(head):
                    return None  # "one customer was sceptical": the resolver's to say
                continue
            if head.dep_ in (*SUBJECTS, "appos") and self._can_speak(head):
                return p_start, p_end
        return None

    def _same_head(self, subject: Token, before: int) -> tuple[int, int] | None:
        """ "the official" -> the nearest earlier phrase with the same head noun."""
        lemma = subject.lemma_.lower()
        for p_start, p_end in self._phrases_back(before, _LOOKBACK * 3):
            head = self._root(p_start, p_end)
            if (
                head.lemma_.lower() == lemma
                and head.idx < before
                and not self._definite(head)
                and self._plural(head) == self._plural(subject)
            ):  # "The friend" is not "Friends"; "the Bank of Canada, ... and the Fed" are banks
                return p_start, p_end
            if (
                lemma in ROLE_NOUNS
                and self._names_person(p_start, p_end)
                and lemma in (self.text[p_start:p_end].lower())
            ):
                return p_start, p_end
        return None

    def _plural(self, head: Token) -> bool:
        return head.tag_ in ("NNS", "NNPS") or self.tree.has_child(head, "conj")

    def _unnamed_person(self, head: Token) -> bool:
        """A singular person noun that names no one ("one Mac customer", "the friend")."""
        return (
            head.pos_ == "NOUN"
            and head.tag_ == "NN"
            and head.lemma_.lower() in self.resolver.words.person_nouns
        )

    def _names_person(self, start: int, end: int) -> bool:
        return any(self.resolver.is_person(m) for m in self.resolver.names_in(start, end))

    def _definite(self, token: Token) -> bool:
        return any(
            c.dep_ == "det" and c.lower_ in ("the", "this", "that")
            for c in self.tree.children(token)
        )


ROLE_NOUNS = frozenset(
    "president minister premier chancellor governor mayor envoy secretary leader chief head "
    "king queen senator ambassador general commander director chairman chairwoman judge "
    "prosecutor spokesman spokeswoman spokesperson".split()
)


BODY_NOUNS = frozenset(
    "ministry government agency authority office department army military police council "
    "court commission committee union party company firm group organisation organization "
    "administration campaign team embassy bank board coalition alliance network newspaper "
    "channel station institute university hospital school family lawyer attorney study "
    "survey poll investigation inquiry".split()
)


def _inverted_subject(cue: Token) -> Token | None:
    """ "..., said analyst Chris Weafer commenting ...": a subject phrase right after the cue
    that the parser hung on a later verb."""
    if cue.i == 0 or not cue.doc[cue.i - 1].is_punct:
        return None  # inversion follows a quote or a comma: '"...," said X'
    for token in cue.doc[cue.i + 1 : cue.i + 7]:
        if token.dep_ == "nsubj" and token.left_edge.i == cue.i + 1:
            return token
        if (
            token.dep_ == "dobj"
            and token.head.i == cue.i
            and cue.doc[cue.i - 1].text in ('"', "\u201d")
            and token.pos_ in ("NOUN", "PROPN")
            and token.left_edge.i == cue.i + 1
            and cue.lemma_.lower() in speech_lexicon().direct_verbs
            and cue.lemma_.lower() not in _ADDRESSING
        ):
            return token  # '"...," added the doctor': parsed as the object, it is the subject
    return _closing_phrase(cue)


def _closing_phrase(cue: Token) -> Token | None:
    """'"...," claims writer John Ostrower.': after a closing mark, a cue that only a noun
    phrase follows to the end of its sentence has that phrase for its subject, however the
    parser hung it (the news order of an attribution after the quote); its last noun."""
    if cue.doc[cue.i - 1].text not in ('"', "\u201d"):
        return None
    phrase = []
    for token in cue.doc[cue.i + 1 : cue.sent.end]:
        if token.is_punct:
            break
        phrase.append(token)
    if not phrase or any(t.pos_ not in _NOUN_PHRASE for t in phrase):
        return None
    return phrase[-1] if phrase[-1].pos_ in ("PROPN", "NOUN") else None


def _quoted_as(cue: Token) -> Token | None:
    """The object of "quoted X as saying", "cited X as saying": X spoke, not the outlet."""
    if cue.dep_ != "pcomp" or cue.head.lower_ != "as" or cue.head.head.pos_ != "VERB":
        return None
    verb, before = cue.head.head, cue.doc[cue.head.i - 1]
    if before.i > verb.i and before.pos_ in ("PROPN", "NOUN"):
        return before  # the head of the quoted one's phrase, however the parser hung it
    return next((c for c in verb.children if c.dep_ == "dobj"), None)


def _covers(mention: Mention, root: Token | None) -> bool:
    return root is not None and mention.start <= root.idx < mention.end
