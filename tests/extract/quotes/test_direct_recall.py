"""Direct quotes news writes without a cue beside them (issue #18): invented passages."""

import pytest

from storyledger.model import Article
from storyledger.pipeline import analyse


def _quotes(nlp, text: str) -> list[tuple[str, str, str | None, str | None]]:
    """(kind, text, speaker as written, actor name) of every quote, in text order."""
    (analysis,) = analyse([Article(id="a", text=text, source="t")], nlp)
    names = {a.id: a.name for a in analysis.get("actors")}
    return [
        (q.kind, q.text, q.speaker, names.get(q.speaker_actor or ""))
        for q in analysis.get("quotes")
    ]


CASES = [
    # a quote paragraph with no speaker continues the voice of the report before it
    (
        "Mayor Tom Reed said the talks had failed.\n\n"
        "\u201cWe tried everything. Nothing worked.\u201d",
        ("direct", "We tried everything. Nothing worked.", "Mayor Tom Reed", "Tom Reed"),
    ),
    # a colon at the end of the paragraph before introduces the quote
    (
        "Mayor Tom Reed told reporters on Friday:\n\n\u201cThe bridge will reopen in May.\u201d",
        ("direct", "The bridge will reopen in May.", "Mayor Tom Reed", "Tom Reed"),
    ),
    # a quote that opens lower-case, or with a dash
    (
        "Mayor Tom Reed spoke on Monday. He said: \u201cwe will not back down.\u201d",
        ("direct", "we will not back down.", "He", "Tom Reed"),
    ),
    (
        "Mayor Tom Reed spoke on Monday.\n\n\u201c\u2014and that is final,\u201d he said.",
        ("direct", "\u2014and that is final", "he", "Tom Reed"),
    ),
    # question and answer: the answer is the interviewee's
    (
        "In an interview, Mayor Tom Reed spoke about the flood.\n\nQ: Will you run again?\n\n"
        "A: I have not decided yet.",
        ("direct", "I have not decided yet.", "A", "Tom Reed"),
    ),
    (
        "Reporters asked Tom Reed about the flood.\n\nQuestion: Will the bridge reopen?\n\n"
        "Reed: It will reopen in May.",
        ("direct", "It will reopen in May.", "Reed", "Tom Reed"),
    ),
]


@pytest.mark.issue(18)
@pytest.mark.parametrize(("text", "expected"), CASES)
def test_direct_quote_found_with_its_speaker(nlp, text, expected):
    found = _quotes(nlp, text)
    assert expected in found, found


@pytest.mark.issue(18)
def test_multi_paragraph_quote_is_one_quote_a_paragraph(nlp):
    """A paragraph that ends inside a quote, and a next one that opens a mark: a quote each
    (the real-news set's convention), both the speaker's."""
    text = (
        "Mayor Tom Reed said on Friday: \u201cThe first part is done.\n\n"
        "\u201cThe second part starts now,\u201d he said."
    )
    found = _quotes(nlp, text)
    assert [q[1] for q in found] == ["The first part is done.", "The second part starts now"]
    assert [q[3] for q in found] == ["Tom Reed", "Tom Reed"]


@pytest.mark.issue(18)
def test_run_on_paragraph_without_cue_takes_the_cue_that_closes_the_quote(nlp):
    text = (
        "The storm passed on Friday.\n\n\u201cThe first part is done.\n\n"
        "\u201cThe second part starts now,\u201d Mayor Tom Reed said."
    )
    found = _quotes(nlp, text)
    assert [(q[1], q[3]) for q in found] == [
        ("The first part is done.", "Tom Reed"),
        ("The second part starts now", "Tom Reed"),
    ]


@pytest.mark.issue(18)
def test_quote_over_lines_of_one_sentence_each_is_one_quote(nlp):
    """Wire copy stored one sentence a line: the quote opens on one line and closes lines later."""
    text = (
        "Mayor Tom Reed spoke on Friday.\n"
        '"The first part is done," he said.\n'
        '"The second part starts now.\n'
        "We will finish by May.\n"
        'Then we rest."\n'
        "The council met later."
    )
    found = _quotes(nlp, text)
    assert ("direct", "The second part starts now.\nWe will finish by May.\nThen we rest.") in [
        q[:2] for q in found
    ]
    assert all(q[3] == "Tom Reed" for q in found), found


@pytest.mark.issue(18)
@pytest.mark.parametrize(
    "text",
    [
        # labels outside a question-and-answer passage are no quotes
        "WASHINGTON: The bridge will reopen in May, officials hope.",
        "Note: The figures are provisional.\n\nA: the first option is cheaper.",
    ],
)
def test_labels_without_questions_yield_no_answers(nlp, text):
    assert all(kind != "direct" for kind, *_ in _quotes(nlp, text))


@pytest.mark.issue(18)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a sentence in marks after a cue's "that", to the end of the writer's sentence
        (
            'The premier of the state, Karl Brandt, remarked that "The decision is a scandal. '
            'It is completely unacceptable."',
            "direct",
        ),
        # negative: a clause that opens lower-case stays in the writer's sentence
        (
            'Health chief Dr. Ana Ruiz told a news conference that "the next two weeks are '
            'critical."',
            "partial",
        ),
    ],
)
def test_a_sentence_in_marks_after_said_that_is_direct(nlp, text, expected):
    kinds = [kind for kind, *_ in _quotes(nlp, text) if kind != "indirect"]
    assert kinds == [expected]


@pytest.mark.issue(18)
def test_an_attribution_after_the_quote_that_the_parser_broke_names_the_speaker(nlp):
    """'"...," claims writer John Ostrower.': the parser hung the cue on the noun phrase."""
    text = (
        "Boeing says it must build ten planes a month. \"It's an extraordinary challenge, no "
        'one has ever built a wide body aircraft at that rate before," claims writer John '
        "Ostrower."
    )
    found = [q for q in _quotes(nlp, text) if q[0] == "direct"]
    assert found and found[0][3] == "John Ostrower", found


@pytest.mark.issue(18)
def test_quotes_side_by_side_after_one_attribution_are_the_same_speakers(nlp):
    """'"...," he said. "...," "..."': the run of one speaker's quotes with no words between."""
    text = (
        'Mayor Tom Reed opened the new plant on Monday. "The plant will bring jobs," he said. '
        '"The project will make the town a centre of design," "This opportunity will put the '
        'town on the map."'
    )
    found = [(kind, name) for kind, _, _, name in _quotes(nlp, text) if kind == "direct"]
    assert found == [("direct", "Tom Reed")] * 3, _quotes(nlp, text)


@pytest.mark.issue(18)
@pytest.mark.parametrize(
    ("text", "direct"),
    [
        # a sentence in marks after a cue and its phrase, to the end of the writer's sentence
        (
            'Chief executive Dermot Mannion said of the new aircraft "The A350 fits in with '
            'our plans to expand existing routes."',
            True,
        ),
        # negative: a short title after a cue's phrase is no quoted sentence
        ('Critic Ana Ruiz wrote of the film "The Last Show."', False),
    ],
)
def test_a_sentence_in_marks_after_a_cue_and_its_phrase_is_direct(nlp, text, direct):
    kinds = [kind for kind, *_ in _quotes(nlp, text)]
    assert ("direct" in kinds) is direct, kinds
