"""Refit story grouping's pair model on the odd ECB+ topics (issue #17, round 3).

    python scripts/fit_story_model.py ../shared/corpora/ecbplus

analyses the 982 ECB+ articles as `storyledger eval compare` does (stamp lines left out, the
corpus's page dates), builds every article's evidence blocks as story grouping does, and fits
a logistic regression (scikit-learn) over pairs of articles of the ODD topics only: all pairs
within a topic (same event, or the other event of the same kind) and 20,000 pairs across
topics. Features: the cosine of each block, and for people, other names, places, figures and
dates whether both articles have evidence there. It prints the weights (the defaults of
`compare.story_model.StorySettings`) and the pairs' ROC AUC within a topic on the even topics
(held out). ECB+: Cybulska and Vossen 2014, CC BY 3.0.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score

from storyledger.compare.stories import grow
from storyledger.evaluation.compare_ecbplus import analyse_articles, load_ecbplus
from storyledger.nlp import load_model

NAMES = ("word", "title", "person", "name", "place", "figure", "date")
CROSS_PAIRS = 20_000


def pair_features(corpus: Path) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Features, same-story labels and the two topics of the pairs within topics and of a
    sample of pairs across topics."""
    items = load_ecbplus(corpus)
    articles = [item.article for item in items]
    _actors, mentions, figures = analyse_articles(articles, load_model())
    grouping = grow(None, articles, mentions, figures)
    order = [grouping.ids.index(article.id) for article in articles]
    topic = np.array([item.topic for item in items])
    story = np.array([item.story for item in items])
    first, second = np.triu_indices(len(items), 1)
    within = topic[first] == topic[second]
    cross = np.random.default_rng(0).choice(np.flatnonzero(~within), CROSS_PAIRS, replace=False)
    chosen = np.concatenate([np.flatnonzero(within), cross])
    first, second = first[chosen], second[chosen]
    columns, present = [], []
    for block in grouping.blocks:
        rows = block[order]
        columns.append(np.asarray(rows[first].multiply(rows[second]).sum(axis=1)).ravel())
        present.append(np.diff(rows.indptr) > 0)
    both = [p[first] & p[second] for p in present[2:]]
    features = np.column_stack(columns + both).astype(np.float64)
    return features, story[first] == story[second], topic[first], topic[second]


def main(corpus: Path) -> None:
    features, same, one, other = pair_features(corpus)
    odd = (one % 2 == 1) & (other % 2 == 1)
    even = (one % 2 == 0) & (other % 2 == 0) & (one == other)
    model = LogisticRegression(C=10, max_iter=3000).fit(features[odd], same[odd])
    weights = model.coef_[0]
    for k, name in enumerate(NAMES):
        sys.stdout.write(f"{name}_weight = {weights[k]:.2f}\n")
    for k, name in enumerate(NAMES[2:]):
        sys.stdout.write(f"{name}_both = {weights[len(NAMES) + k]:.2f}\n")
    sys.stdout.write(f"bias = {model.intercept_[0]:.2f}\n")
    scored = model.decision_function(features[even])
    sys.stdout.write(
        f"even topics, pairs within a topic: AUC {roc_auc_score(same[even], scored):.3f}\n"
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]))
