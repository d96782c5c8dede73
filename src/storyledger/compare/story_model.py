"""The knobs of story grouping: the gate, the pair model and its weights (issue #17, round 3).

The pair model's weights are a logistic regression over pairs of ECB+ articles of the odd
topics only (`scripts/fit_story_model.py` refits and prints them): every pair within a topic
(same event or the other event of the same kind) and a sample of pairs across topics, its
features the cosines of the two articles' evidence blocks and, for the blocks that can be
empty, whether both articles have evidence there. The gate threshold, the time factor, the
model's threshold and the merge thresholds were chosen on the odd topics and MEANTIME; the
even topics are the held-out check (docs/decisions.md).
"""

from __future__ import annotations

from dataclasses import dataclass

from storyledger.compare.grouping import Scoring


@dataclass(frozen=True, slots=True, kw_only=True)
class StorySettings:
    """The knobs of story grouping. Blocks (`compare.stories._documents`): words, headline
    and lead (the first sentence, round 5), people, other names, places, figures, dates."""

    similarity: float = 0.1
    """The gate: the weighted mean of centroid cosines an article must reach."""
    gate_title: float = 1.0
    gate_people: float = 1.0
    gate_names: float = 1.0
    gate_places: float = 0.25
    gate_figures: float = 0.5
    threshold: float = 0.0
    """The pair model's log-odds (averaged over the story's articles) an article must reach."""
    bias: float = -2.57
    word_weight: float = 10.27
    title_weight: float = 1.72
    person_weight: float = 5.31
    name_weight: float = 0.43
    place_weight: float = 1.67
    figure_weight: float = 5.65
    date_weight: float = 5.24
    person_both: float = -1.2
    name_both: float = -0.37
    place_both: float = -0.06
    figure_both: float = -0.53
    date_both: float = -1.05
    merge: float = 0.0
    """The log-odds, averaged over the pairs of two stories' articles, that make them one."""
    link: float = 0.0
    """The log-odds, averaged over every pair of two stories' articles, at which stories are
    made one after a batch (`compare.grouping._link`)."""
    agree: float = 0.5
    """The pair model's mean probability over those pairs that a merge after a batch needs
    too (one article bridging two stories cannot carry it)."""
    attach: float = 0.5
    """The mean log-odds with its `attach_k` nearest articles in a story (of at least that
    many) at which a lone report joins the story after a batch (`compare.grouping._attach`;
    inf: never). Chosen on the odd ECB+ topics and MEANTIME (round 7)."""
    attach_k: int = 3
    time_bonus: float = 2.0
    """How much more the cosines count when both reports are dated (times the time decay)."""
    copy_similarity: float = 0.85
    decay_days: float = 90.0

    def scoring(self) -> Scoring:
        """The settings as `compare.grouping` scores with them."""
        return Scoring(
            gate=(
                1.0,
                self.gate_title,
                self.gate_people,
                self.gate_names,
                self.gate_places,
                self.gate_figures,
                0.0,
            ),
            similarity=self.similarity,
            bias=self.bias,
            cosine=(
                self.word_weight,
                self.title_weight,
                self.person_weight,
                self.name_weight,
                self.place_weight,
                self.figure_weight,
                self.date_weight,
            ),
            both=(
                0.0,
                0.0,
                self.person_both,
                self.name_both,
                self.place_both,
                self.figure_both,
                self.date_both,
            ),
            time_bonus=self.time_bonus,
            threshold=self.threshold,
            merge=self.merge,
            link=self.link,
            agree=self.agree,
            attach=self.attach,
            attach_k=self.attach_k,
            copy_similarity=self.copy_similarity,
            decay_days=self.decay_days,
        )
