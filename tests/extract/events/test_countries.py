"""The country a party belongs to, from PETRARCH2's country actor dictionary (issue #15)."""

import pytest

from storyledger.extract.events.countries import country_of, untagged_country
from tests.extract.events.helpers import events_of


def _head(doc, word):
    return next(t for t in doc if t.text == word)


@pytest.mark.issue(15)
@pytest.mark.parametrize(
    ("text", "word", "code"),
    [
        ("Angela Merkel spoke on Monday.", "Merkel", "DEU"),
        ("The prime minister of Israel spoke.", "minister", "ISR"),
        ("Iranian officials spoke.", "officials", "IRN"),
        ("The U.S. spoke.", "U.S.", "USA"),
        ("The farmers spoke.", "farmers", None),
    ],
)
def test_country_of(nlp, text, word, code):
    assert country_of(_head(nlp(text), word)) == code


@pytest.mark.issue(15)
def test_an_untagged_country_names_the_side(nlp):
    doc = nlp("Recent US drone strikes have killed eight militants.")
    us = _head(doc, "US")
    assert untagged_country(us) or us.ent_type_  # the model may tag it or not
    assert ("US", "ASSAULT", "eight militants") in events_of(nlp, doc.text)
