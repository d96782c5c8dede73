"""The event lexicon read by phrase (issue #15, round 6B; `extract/events/lexicon.py`): an
object phrase ("martial law", "a state of siege") codes its act however its head word alone
reads; the head word alone ("the law", "a state") codes nothing."""

import pytest

from tests.extract.events.helpers import events_of


def _events(nlp, text):
    return events_of(nlp, text, fields=("action", "mode"))


@pytest.mark.issue(15)
@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("The junta imposed martial law across the country on Friday.", ("COERCE", "martial-law")),
        ("The army declared a state of siege in Bolivia.", ("COERCE", "martial-law")),
        ("General Jaruzelski proclaimed martial law in Poland.", ("COERCE", "martial-law")),
        ("The government lifted martial law in Taiwan.", ("CONCEDE", None)),
    ],
)
def test_rule_by_force_is_one_phrase(nlp, text, wanted):
    assert wanted in _events(nlp, text)


@pytest.mark.issue(15)
@pytest.mark.parametrize(
    "text",
    [
        # the head word alone is no such act
        "The court declared the law unconstitutional.",
        "Parliament imposed a new tax law on the state.",
        # a disaster's emergency is administration, not force (our own set: a flood)
        "The mayor declared a state of emergency after the floods.",
    ],
)
def test_the_head_word_alone_is_no_rule_by_force(nlp, text):
    assert not [e for e in _events(nlp, text) if e[1] == "martial-law"]
