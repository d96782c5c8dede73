"""When an article says things happened: dates named in its text, as story-grouping terms."""

from datetime import date

import pytest

from storyledger.compare.when import date_terms

FRIDAY = date(2011, 11, 11)


@pytest.mark.issue(17)
@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("It struck on Dec. 11, 2008.", None, ["md:12-11", "y:2008", "m:2008-12", "d:2008-12-11"]),
        (
            "It struck on 11 December 2008.",
            None,
            ["md:12-11", "y:2008", "m:2008-12", "d:2008-12-11"],
        ),
        ("He was sentenced in March 2007.", None, ["y:2007", "m:2007-03"]),
        ("The first quake was in 1991.", None, ["y:1991"]),
        # no year, no publication date: only the day of the month is known
        ("She left on May 3.", None, ["md:05-03"]),
        # relative days resolve against the publication date (news reports the past)
        (
            "Pirates attacked yesterday.",
            FRIDAY,
            ["md:11-10", "y:2011", "m:2011-11", "d:2011-11-10"],
        ),
        (
            "The navy acted on Thursday.",
            FRIDAY,
            ["wd:thursday", "md:11-10", "y:2011", "m:2011-11", "d:2011-11-10"],
        ),
        (
            "It happened last Friday.",
            FRIDAY,
            ["wd:friday", "md:11-04", "y:2011", "m:2011-11", "d:2011-11-04"],
        ),
        ("The navy acted on Thursday.", None, ["wd:thursday"]),
        ("Pirates attacked yesterday.", None, []),
        # a month and day without a year: the latest such day before publication
        ("It began on Sept. 30.", FRIDAY, ["md:09-30", "y:2011", "m:2011-09", "d:2011-09-30"]),
        ("It began on Jan. 30.", FRIDAY, ["md:01-30", "y:2011", "m:2011-01", "d:2011-01-30"]),
        (
            "It began on Dec. 30.",
            date(2011, 10, 5),
            ["md:12-30", "y:2010", "m:2010-12", "d:2010-12-30"],
        ),
        # no dates: numbers, times and the modal "may"
        ("20,000 people may leave at 10:30.", FRIDAY, []),
        ("The 2008 model has 300 seats.", None, []),
    ],
)
def test_dates_named_become_terms(text, published, expected):
    assert date_terms(text, published) == expected
