"""The pair (actor and recipient) on the shapes real news gives them (issue #15, round 4A):
the party behind the thing an act is aimed at, whose a damaged thing is, a name as modifier."""

import pytest

from tests.extract.events.helpers import events_of


@pytest.mark.issue(15)
@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        # the party on the thing the verb is aimed at: "to demands from X", "to a request from X"
        (
            "The President conceded to demands from the striking workers.",
            ("The President", "CONCEDE", "the striking workers"),
        ),
        (
            "The judge refused to respond to a request from the prosecutors.",
            ("The judge", "REJECT", "the prosecutors"),
        ),
        # the one who did the deed an act is aimed at: "abuses committed by X", "violations by X"
        (
            "The ministry launched an investigation into abuses committed by the police.",
            ("The ministry", "ACCUSE", "the police"),
        ),
        (
            "The union protested against the violations by the police.",
            ("The union", "PROTEST", "the police"),
        ),
        # a damaged thing stands for whose it is
        ("Soldiers demolished Kurdish homes.", ("Soldiers", "ASSAULT", "Kurdish")),
        (
            "The rebels attacked a shelter for displaced families.",
            ("The rebels", "ASSAULT", "displaced families"),
        ),
        # a name as a nominal modifier of the thing demanded
        (
            "The villagers demanded a U.N. military presence.",
            ("The villagers", "REQUEST", "U.N."),
        ),
    ],
)
def test_recipient_behind_the_thing(nlp, text, wanted):
    assert wanted in events_of(nlp, text)


@pytest.mark.issue(15)
@pytest.mark.parametrize(
    ("text", "unwanted"),
    [
        # a party met on the way ("after clashes with X") is not whom the act is aimed at
        ("The rebels seized the town after clashes with the army.", "the army"),
        ("Police arrested 40 protesters after talks with the crowd.", "the crowd"),
    ],
)
def test_no_recipient_met_on_the_way(nlp, text, unwanted):
    assert all(target != unwanted for _, _, target in events_of(nlp, text))


@pytest.mark.issue(15)
@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        # the doer of the thing acted on, named by a participle's agent
        (
            "Riot police prevented a march organised by the opposition.",
            ("Riot police", "COERCE", "the opposition"),
        ),
        # a name deep among the modifiers; a phrase on the last of joined objects
        (
            "The army fired rockets and mortar rounds against Kurdish rebel positions.",
            ("The army", "ASSAULT", "Kurdish"),
        ),
    ],
)
def test_recipient_on_the_object(nlp, text, wanted):
    assert wanted in events_of(nlp, text)


@pytest.mark.issue(15)
@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        # a complaint made to someone accuses the party it is about (CAMEO 11x)
        (
            "Chile complained to the United Nations about Peruvian fishing raids.",
            ("Chile", "ACCUSE", "Peruvian"),
        ),
        # a name of two words among the modifiers is named whole
        (
            "Spies tried to hack into South Korean army computers.",
            ("Spies", "COERCE", "South Korean"),
        ),
        # candidates and republics are parties
        (
            "The president threatened to ban opposition candidates from the vote.",
            ("The president", "THREATEN", "opposition candidates"),
        ),
    ],
)
def test_recipient_by_convention(nlp, text, wanted):
    assert wanted in events_of(nlp, text)


@pytest.mark.issue(15)
@pytest.mark.parametrize(
    "text",
    [
        # a dictionary verb's thing is no party: a record's holder is not attacked
        "The quarterback broke Newton's record in the second quarter.",
        # nor is the scorer of a goal the partner of those who managed it
        "Kansas City managed a field goal by Ryan Succop.",
    ],
)
def test_no_party_behind_a_dictionary_verbs_thing(nlp, text):
    assert events_of(nlp, text) == []


@pytest.mark.issue(15)
@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        # a party's purpose clause is its own, whatever it did to whom on the way
        (
            "Angry farmers blockaded Brussels to demand aid from the European Union.",
            ("Angry farmers", "REQUEST", "the European Union"),
        ),
        # when the head's subject is no party, its object does the infinitive
        (
            "The crisis led the foreign minister to cancel his visit to Chile.",
            ("the foreign minister", "REJECT", "Chile"),
        ),
    ],
)
def test_actor_of_an_infinitive(nlp, text, wanted):
    assert wanted in events_of(nlp, text)


@pytest.mark.issue(15)
@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        (
            "Police released the activists whom the army had arrested.",
            ("the army", "COERCE", "the activists"),
        ),
        (
            "The convoy, which rebels attacked on Monday, reached the city.",
            ("rebels", "ASSAULT", "The convoy"),
        ),
    ],
)
def test_recipient_named_by_a_relative_pronoun(nlp, text, wanted):
    assert wanted in events_of(nlp, text)


@pytest.mark.issue(15)
@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        (
            "Prisoners rioted at a jail in southern Chile.",
            ("Prisoners", "PROTEST", "southern Chile"),
        ),
        (
            "Israeli tanks fired shells at targets in Jenin.",
            ("Israeli tanks", "ASSAULT", "Jenin"),
        ),
    ],
)
def test_recipient_is_the_place_a_site_is_in(nlp, text, wanted):
    assert wanted in events_of(nlp, text)


@pytest.mark.issue(15)
def test_they_stands_for_a_group_of_people(nlp):
    text = "A group of opposition leaders announced that they had met the president."
    wanted = ("A group of opposition leaders", "CONSULT", "the president")
    assert wanted in events_of(nlp, text)


@pytest.mark.issue(15)
def test_recipient_of_what_an_act_is_done_for(nlp):
    text = "Soldiers opened fire to disperse the protesters."
    assert ("Soldiers", "ASSAULT", "the protesters") in events_of(nlp, text)


@pytest.mark.issue(15)
def test_protest_in_defiance_of_a_party(nlp):
    text = "Students blocked roads in Minsk in defiance of the government."
    assert ("Students", "PROTEST", "the government") in events_of(nlp, text)


@pytest.mark.issue(15)
@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        (
            "Supporters of the ousted president attacked a police station.",
            ("Supporters of the ousted president", "ASSAULT", "a police station"),
        ),
        ("Village elders rejected the peace plan.", ("Village elders", "REJECT", None)),
        (
            "The armed wing of the movement attacked an army post.",
            ("The armed wing of the movement", "ASSAULT", "an army post"),
        ),
    ],
)
def test_political_actor_nouns(nlp, text, wanted):
    assert wanted in events_of(nlp, text)


@pytest.mark.issue(15)
@pytest.mark.parametrize(
    ("text", "actor", "unwanted"),
    [
        # a helper is no recipient
        ("Police investigated with the assistance of the army.", "Police", "the army"),
        # a call for others to visit someone is no act of the caller's to them
        (
            "The councilman called for the mayor to visit the residents.",
            "The councilman",
            "the residents",
        ),
    ],
)
def test_no_recipient_from_a_helper_or_a_call(nlp, text, actor, unwanted):
    assert (actor, unwanted) not in [(a, target) for a, _, target in events_of(nlp, text)]


@pytest.mark.issue(15)
@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        (
            "Ethiopia said its troops had withdrawn from the border town.",
            ("Ethiopia", "RETREAT", None),
        ),
        (
            "The rebels said their fighters had attacked an army convoy.",
            ("The rebels", "ASSAULT", "an army convoy"),
        ),
    ],
)
def test_own_forces_act_for_their_owner(nlp, text, wanted):
    assert wanted in events_of(nlp, text)


@pytest.mark.issue(15)
@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        # parties joined in the modifiers act together: no recipient folded in from the content
        (
            "Chilean and Peruvian ministers agreed that their governments should help "
            "stranded fishermen.",
            ("Chilean and Peruvian ministers", "AGREE", None),
        ),
        # "X-led", "X-backed": the doer of the participle is the party named
        (
            "The cabinet refused to contribute to the Saudi-led offensive in Yemen.",
            ("The cabinet", "REJECT", "Saudi"),
        ),
        # a hyphenated verb cut in pieces by the parser: the piece with the phrases
        (
            "Georgia agreed to re-open its airspace to Armenian airlines.",
            ("Georgia", "AGREE", "Armenian airlines"),
        ),
        # a refusal despite someone's pressure is aimed at the one pressing
        (
            "The minister declined to resign despite mounting pressure from the unions.",
            ("The minister", "REJECT", "the unions"),
        ),
        # "a rally to protest X" parsed as a relative clause on the rally
        (
            "Hundreds of farmers gathered for a rally to protest the tariffs imposed by Canada.",
            ("Hundreds of farmers", "PROTEST", "Canada"),
        ),
    ],
)
def test_round_5a_pairs(nlp, text, wanted):
    assert wanted in events_of(nlp, text)


@pytest.mark.issue(15)
@pytest.mark.parametrize(
    ("text", "actor", "unwanted"),
    [
        # a joint actor of one name is no joint actor
        (
            "Senior Chilean officials agreed to help the fishermen.",
            "Senior Chilean officials",
            None,
        ),
        # "despite" a state of things names no one pressing
        ("The mayor refused to resign despite the scandal.", "The mayor", "the scandal"),
    ],
)
def test_round_5a_no_false_pairs(nlp, text, actor, unwanted):
    assert (actor, unwanted) not in [(a, target) for a, _, target in events_of(nlp, text)]


@pytest.mark.issue(15)
@pytest.mark.parametrize(
    ("text", "wanted", "count"),
    [
        # a result participle of the same kind is the act itself: one event
        (
            "Rebel gunmen shelled the port of Kismayo, killing or wounding 14 people.",
            ("Rebel gunmen", "ASSAULT", "Kismayo"),
            1,
        ),
        # another kind of act said after it stays an event of its own
        (
            "Riot police opened fire on the protesters, arresting 30 students.",
            ("Riot police", "ASSAULT", "the protesters"),
            2,
        ),
    ],
)
def test_a_result_participle_is_its_acts(nlp, text, wanted, count):
    found = events_of(nlp, text)
    assert wanted in found
    assert len(found) == count


@pytest.mark.issue(15)
@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        # a dative named with its country
        (
            "Chile has granted asylum to five Ghanaian sailors stranded in the port since May.",
            ("Chile", "AID", "Ghanaian"),
        ),
        # "to three ... officers holed up in ...": the parser made the object the subject of
        # the reduced relative clause after it
        (
            "Ecuador has granted diplomatic asylum to three Bolivian army officers holed up in a "
            "diplomatic residence since last month's coup, the Ecuadorian embassy said on Friday.",
            ("Ecuador", "AID", "Bolivian"),
        ),
    ],
)
def test_a_recipient_named_on_a_dative(nlp, text, wanted):
    # the recipient names the country: the dative itself ("five Ghanaian sailors", since
    # round 12 sailors and officers are parties) or, for one that is no party, the country
    actor, kind, country = wanted
    found = events_of(nlp, text)
    assert any(a == actor and k == kind and t and country in t for a, k, t in found), found


@pytest.mark.issue(15)
@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        # asylum or refuge is asked of the country it is sought in
        (
            "Hundreds of Syrian families sought asylum in Turkey last year.",
            ("Hundreds of Syrian families", "REQUEST", "Turkey"),
        ),
        ("The dissident asked for asylum in Sweden.", ("The dissident", "REQUEST", "Sweden")),
    ],
)
def test_asylum_is_asked_of_the_country(nlp, text, wanted):
    assert wanted in events_of(nlp, text)


@pytest.mark.issue(15)
def test_an_accusation_about_a_charge_is_aimed_at_the_accused(nlp):
    text = (
        "The commission has completed its investigation into an allegation by the opposition "
        "that the army had shelled the border villages."
    )
    assert ("The commission", "ACCUSE", "the army") in events_of(nlp, text)
    # a refusal to discuss a charge is not aimed at whom the charge is about
    text = "The bishop refused to discuss allegations that young girls were forced to marry."
    assert "young girls" not in [target for _, _, target in events_of(nlp, text)]
