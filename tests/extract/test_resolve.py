"""The shared resolver: pronouns, descriptions and relative pronouns to the names they stand for.

Passages are invented; each shows a phenomenon seen in real news (MEANTIME, ECB+)."""

from dataclasses import replace

import pytest

from storyledger.extract.resolve import Resolver
from storyledger.model import Article
from storyledger.pipeline import analyse


def _resolve(nlp, text: str, phrase: str, nth: int = 0) -> str | None:
    """The actor name that the `nth` occurrence of `phrase` in `text` resolves to."""
    (analysis,) = analyse([Article(id="a", text=text, source="t")], nlp, only=("layout", "actors"))
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    resolver = Resolver(analysis.doc, analysis.get("mentions"))
    found = resolver.resolve(start, start + len(phrase))
    if found is None:
        return None
    names = {a.id: a.name for a in analysis.get("actors")}
    return names[found.mention.actor_id]


CASES = [
    # he / she across sentences, to the subject of the sentence before
    (
        "Governor Elena Marsh visited the flooded valley on Monday. She promised new levees.",
        "She",
        0,
        "Elena Marsh",
    ),
    # gender from the text's own words: "Mrs" before one name, "he" after the other
    (
        "Mrs Ada Quill met Tomas Brandt in Oslo. Brandt left early; he had a flight. "
        "Later she told reporters the talks had gone well.",
        "she",
        0,
        "Ada Quill",
    ),
    # a pronoun with no person in view resolves to nothing
    ("The storm closed the port for a week. He said the damage was severe.", "He", 0, None),
    # "it" to the organisation, subjects first
    (
        "Norvale Airways cancelled 40 flights on Friday. It blamed a strike by pilots.",
        "It",
        0,
        "Norvale Airways",
    ),
    # a description to the nearest organisation
    (
        "Shares of Halberd Motors fell after Halberd Motors recalled 9,000 cars. "
        "The carmaker said the fault was rare.",
        "The carmaker",
        0,
        "Halberd Motors",
    ),
    # a description to the name given with its noun ("Coroner ...")
    (
        "The body was found on Tuesday, Coroner Jed Harlow said. Police searched the house. "
        "The coroner said he believes the man died on Saturday.",
        "The coroner",
        0,
        "Jed Harlow",
    ),
    # a possessive role named later ("her publicist ... Dana Pike, her publicist")
    (
        "The singer Mira Lent died at home, her publicist said. "
        "Dana Pike, her publicist, asked for privacy.",
        "her publicist",
        0,
        "Dana Pike",
    ),
    # a relative pronoun as the phrase it hangs from
    (
        "The grant went to Calder University, which said the money would fund a lab.",
        "which",
        0,
        "Calder University",
    ),
    # negatives: a plural description is no one earlier name, a named description is its own
    (
        "Vesta Steel and Orlo Metals posted losses. The manufacturers blamed energy prices.",
        "The manufacturers",
        0,
        None,
    ),
]


@pytest.mark.issue(18)
@pytest.mark.parametrize(("text", "phrase", "nth", "expected"), CASES)
def test_resolves_to_the_named_actor(nlp, text, phrase, nth, expected):
    found = _resolve(nlp, text, phrase, nth)
    if expected is None:
        assert found is None
    else:  # the actor's name may keep a title the actors stage does not strip ("Coroner")
        assert found is not None and found.endswith(expected)


@pytest.mark.issue(18)
def test_hidden_words_are_never_antecedents(nlp):
    text = '"I thank my friend Tom Reyes," she said.'
    (analysis,) = analyse([Article(id="a", text=text, source="t")], nlp, only=("layout", "actors"))
    start = text.index("she")
    hidden = Resolver(analysis.doc, analysis.get("mentions"), hidden=lambda offset: offset < 30)
    assert hidden.resolve(start, start + 3) is None


@pytest.mark.issue(18)
def test_owner_of_a_spokesman(nlp):
    text = "Kora Bank cut rates on Monday. A spokesman for Kora Bank said more cuts may follow."
    (analysis,) = analyse([Article(id="a", text=text, source="t")], nlp, only=("layout", "actors"))
    start = text.index("A spokesman")
    owner = Resolver(analysis.doc, analysis.get("mentions")).owner(
        start, start + len("A spokesman for Kora Bank")
    )
    assert owner is not None and owner.text == "Kora Bank"


@pytest.mark.issue(18)
@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        ("Professor Varoufakis", "organization", True),  # the model's ORG for a titled name
        ("Tom Reed", "person", True),
        ("Harbour Rail", "organization", False),
        ("Lagos", "place", False),
    ],
)
def test_a_person_for_he_and_she(text, kind, expected):
    from storyledger.extract.resolve import _a_person
    from storyledger.model import Mention

    mention = Mention(
        article="a", start=0, end=len(text), text=text, id="m", label="X", kind=kind, actor_id="x"
    )
    assert _a_person(mention) is expected


CHAIN_CASES = [
    # a story keeps its focus: "she" many sentences on from the name passes back through
    # the earlier "she"s to the person the text says is a woman
    (
        "Actress Mara Lind retired in 1960. She moved to a farm. She raised goats there. "
        "The farm grew over the years. The goats won prizes at fairs. The fairs were in the "
        "valley. Visitors came from far away. She sold cheese at the market. "
        "The market was busy. Prices were high. Buyers were happy. The town grew. "
        "She said the goats were her family.",
        "She",
        3,
        "Mara Lind",
    ),
    # a speech reported over many sentences: the name once, then "his" and "he" only
    (
        "In a speech today, President Tom Arlen presented a plan for the mill. Describing the "
        "problem as old, Arlen explained the reasons behind his plan. He stated that the loan "
        "was a mistake. The state would hold a stake. The state will give the mill money. "
        "The mill will stay open. Workers will keep their jobs. He stated that the mill was "
        "a complex company.",
        "He",
        1,
        "Tom Arlen",
    ),
]


@pytest.mark.issue(18)
@pytest.mark.parametrize(("text", "phrase", "nth", "expected"), CHAIN_CASES)
def test_pronoun_passes_back_through_earlier_pronouns(nlp, text, phrase, nth, expected):
    assert _resolve(nlp, text, phrase, nth) == expected


@pytest.mark.issue(18)
def test_object_pronoun_of_a_clause_says_nothing_of_its_subject_gender(nlp):
    """ "Rell met her": her is not Rell, and the next sentence's "She" follows a sentence
    with a he/she of its own, so neither is a vote for Rell."""
    text = (
        "Actress Mara Lind moved to a farm in 1950. A photographer named Jon Rell met her "
        "there. She said the photos made her smile."
    )
    (analysis,) = analyse([Article(id="a", text=text, source="t")], nlp, only=("layout", "actors"))
    resolver = Resolver(analysis.doc, analysis.get("mentions"))
    genders = {m.text: resolver.gender(m) for m in analysis.get("mentions")}
    assert genders.get("Mara Lind") == "female" and genders.get("Jon Rell") is None, genders


@pytest.mark.issue(18)
def test_a_name_in_apposition_to_a_person_noun_is_a_person(nlp):
    """The small model may tag "Yanis Varoufakis" an organisation; beside "a professor" it
    is a person, and "he" can stand for it."""
    text = (
        "A professor of economics at the University of Athens, Yanis Varoufakis, stayed home. "
        "He said the city was empty."
    )
    (analysis,) = analyse([Article(id="a", text=text, source="t")], nlp, only=("layout", "actors"))
    resolver = Resolver(analysis.doc, analysis.get("mentions"))
    named = [m for m in analysis.get("mentions") if m.text == "Yanis Varoufakis"]
    assert named and resolver.is_person(named[0])
    start = text.index("He")
    found = resolver.resolve(start, start + 2)
    assert found is not None and found.mention.text == "Yanis Varoufakis"


@pytest.mark.issue(18)
def test_pronoun_after_a_description_of_the_person_is_that_person(nlp):
    """A walk back stops at an unnamed person subject ("the star"); when that description
    itself resolves to a person of the pronoun's gender, the pronoun is that person."""
    text = (
        "Actress Mara Lind left the clinic on Monday. Earlier this year, the star said she "
        "had changed. She told reporters she was happy."
    )
    assert _resolve(nlp, text, "She", 0) == "Mara Lind"


@pytest.mark.issue(18)
def test_a_company_named_with_a_title_word_is_no_person(nlp):
    """ "General Motors" opens with a title word but is written again and again, never as
    "Motors" alone, as no person is: "he" passes over it to the person."""
    text = (
        "President Barack Obama spoke on Monday about General Motors. "
        "General Motors filed for bankruptcy. "
        "He said General Motors would be leaner."
    )
    (analysis,) = analyse([Article(id="a", text=text, source="t")], nlp, only=("layout", "actors"))
    resolver = Resolver(analysis.doc, analysis.get("mentions"))
    company = [m for m in analysis.get("mentions") if m.text == "General Motors"]
    assert company and not any(resolver.is_person(m) for m in company)
    start = text.index("He said")
    found = resolver.resolve(start, start + 2)
    assert found is not None and found.mention.text != "General Motors"


@pytest.mark.issue(18)
def test_a_titled_name_whose_surname_recurs_alone_stays_a_person(nlp):
    """ "Professor Varoufakis" then "Varoufakis": the news style of a person's name."""
    text = (
        "Professor Varoufakis spoke in Athens. Professor Varoufakis was tired. "
        "Varoufakis left early."
    )
    (analysis,) = analyse([Article(id="a", text=text, source="t")], nlp, only=("layout", "actors"))
    resolver = Resolver(analysis.doc, analysis.get("mentions"))
    titled = [m for m in analysis.get("mentions") if m.text == "Professor Varoufakis"]
    assert titled and all(resolver.is_person(m) for m in titled)


@pytest.mark.issue(18)
def test_a_surname_written_alone_is_the_person(nlp):
    """News names a person in full once and by surname after. Where the model tags the lone
    surname as nothing (simulated: its mention is dropped), the surname still names the
    person, and "he" after it reaches the person, not the lawyer named before."""
    text = (
        "Defender Paul Lynde said the boy was innocent. Jermayne Tibbet, 16, is on trial. "
        "Tibbet told police he fired once. He said the gun was hidden under a shed."
    )
    (analysis,) = analyse([Article(id="a", text=text, source="t")], nlp, only=("layout", "actors"))
    lone = text.index("Tibbet told")
    kept = [m for m in analysis.get("mentions") if m.start != lone]
    resolver = Resolver(analysis.doc, kept)
    found = resolver.resolve(lone, lone + len("Tibbet"))
    assert found is not None and found.mention.text == "Jermayne Tibbet"
    start = text.index("He said")
    found = resolver.resolve(start, start + 2)
    assert found is not None and found.mention.text == "Jermayne Tibbet"


@pytest.mark.issue(18)
def test_a_surname_two_people_share_is_no_echo(nlp):
    """ "Cole" alone after "Anna Cole" and "Ben Cole" stands for neither."""
    text = "Anna Cole met Ben Cole in May. The judge said Cole was at home."
    (analysis,) = analyse([Article(id="a", text=text, source="t")], nlp, only=("layout", "actors"))
    resolver = Resolver(analysis.doc, analysis.get("mentions"))
    start = text.index("Cole was")
    tagged = {m.actor_id for m in analysis.get("mentions") if m.start == start}
    echoed = {m.actor_id for m in resolver.names_in(start, start + 4)}
    assert echoed == tagged


@pytest.mark.issue(18)
def test_the_text_says_person_or_place_where_the_model_errs(nlp):
    """The small model tags some Indonesian names the wrong way round (simulated here by
    swapping the kinds): a name beside "an official" is a person, a name set before
    "village" or after "capital" is a place, and "he" passes over the place to the person."""
    text = (
        "Wibowo, an official of the relief agency, spoke on Monday. "
        "In Tanjung Mas village a landslide buried a farm, near the provincial capital "
        "Banda Aceh. He said two houses fell."
    )
    (analysis,) = analyse([Article(id="a", text=text, source="t")], nlp, only=("layout", "actors"))
    swapped = {"Wibowo": "place", "Tanjung Mas": "person", "Banda Aceh": "person"}
    mentions = [replace(m, kind=swapped.get(m.text, m.kind)) for m in analysis.get("mentions")]
    assert {m.text for m in mentions} >= set(swapped)
    resolver = Resolver(analysis.doc, mentions)
    people = {m.text for m in mentions if resolver.is_person(m)}
    assert "Wibowo" in people and not people & {"Tanjung Mas", "Banda Aceh"}
    start = text.index("He said")
    found = resolver.resolve(start, start + 2)
    assert found is not None and found.mention.text == "Wibowo"


@pytest.mark.issue(18)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the friend" after "a close friend" is that unnamed friend, not the woman named since
        (
            "A close friend of the family said the house was quiet. Nora Blyth had moved "
            "back in May. The friend said she was cheerful on Friday.",
            None,
        ),
        # negative: a friend given a name is that name
        (
            "A close friend, Tessa Marlow, said the house was quiet. Nora Blyth had moved "
            "back in May. The friend said she was cheerful on Friday.",
            "Tessa Marlow",
        ),
    ],
)
def test_a_description_of_an_unnamed_person_is_no_one_named(nlp, text, expected):
    assert _resolve(nlp, text, "The friend") == expected


@pytest.mark.issue(18)
@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        # a gendered noun in apposition says the gender
        ("Kim Adair, the girl's mother, spoke to the court on Monday.", "Kim Adair", "female"),
        # a possessive on a subject votes for the one person named
        (
            "Lee Varga has spent years on the road, but her latest destination is home.",
            "Lee Varga",
            "female",
        ),
        # negative: a possessive on an object says nothing of the subject
        ("Jon Pell admired her painting at the fair.", "Jon Pell", None),
        # a he/she after a sentence whose only he/she is a possessive of the same gender
        # (bindable by its subject) votes for the one person that sentence names
        (
            "Mayor Dan Osler explained the reasons behind his plan. He said the vote was close.",
            "Dan Osler",
            "male",
        ),
        # negative: after an object pronoun (never its clause's subject) it does not
        ("Jon Pell met her at the fair. She said the painting was sold.", "Jon Pell", None),
    ],
)
def test_the_text_says_a_persons_gender(nlp, text, name, expected):
    (analysis,) = analyse([Article(id="a", text=text, source="t")], nlp, only=("layout", "actors"))
    resolver = Resolver(analysis.doc, analysis.get("mentions"))
    named = [m for m in analysis.get("mentions") if m.text == name]
    assert named and resolver.gender(named[0]) == expected


@pytest.mark.issue(18)
@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        # a title that names the role: "the judge" named next as "Justice ..."
        (
            "Defendant Andrew Lopez sat still. After the hearing, the judge said the witness "
            "could speak. Justice Vincent Delmar added that the court would sit on Monday.",
            "the judge",
            "Vincent Delmar",
        ),
        # "the pastor" is "the Rev. ..."
        (
            "Volunteers cleared the hall on Sunday. The Rev. Larry Kroft led a prayer, and "
            "Dan Hollis thanked the volunteers. "
            "The pastor said the church would reopen.",
            "The pastor",
            "Larry Kroft",
        ),
    ],
)
def test_a_role_is_the_person_whose_title_names_it(nlp, text, phrase, expected):
    found = _resolve(nlp, text, phrase)
    assert found is not None and found.endswith(expected)
