"""Shared, session-scoped fixtures: the spaCy model, the seed articles, the example story."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from storyledger.ingest import IngestOptions, read_inputs
from storyledger.ingest.sidecar import load_sidecar
from storyledger.model import Article

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
MEANTIME = SHARED / "corpora" / "meantime" / "articles.jsonl"
EXAMPLES = ROOT / "examples"

settings.register_profile(
    "storyledger", deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
settings.load_profile("storyledger")


def run_script(script: str, *args: str, timeout: int = 300) -> subprocess.CompletedProcess:
    """Run one of the repository's scripts (`bench/x.py`) with this Python; fail on its error."""
    return subprocess.run(
        [sys.executable, str(ROOT / script), *map(str, args)],
        capture_output=True,
        text=True,
        check=True,
        timeout=timeout,
    )


def need(path: Path) -> Path:
    """`path`, or skip the test when the shared data beside the checkout is absent."""
    if not path.exists():
        pytest.skip(f"{path} is not here (shared/ lies beside the checkout in CI)")
    return path


def read_articles(path: Path, meta: Path | None = None) -> list[Article]:
    """The articles storyledger reads from `path`."""
    options = IngestOptions(sidecar=load_sidecar(meta) if meta else None)
    return [item for item in read_inputs([path], options) if isinstance(item, Article)]


@pytest.fixture(scope="session")
def nlp():
    from storyledger.nlp import load_model

    return load_model()


@pytest.fixture(scope="session")
def seed_articles() -> dict[str, Article]:
    """The two seed articles keyed by their file-name prefix ("000", "001")."""
    articles = read_articles(need(SEEDS), SEEDS / "meta.json")
    return {Path(article.source).name[:3]: article for article in articles}


@pytest.fixture(scope="session")
def seed_analyses(nlp, seed_articles):
    from storyledger.pipeline import analyse

    return {
        key: analysis
        for key, analysis in zip(seed_articles, analyse(seed_articles.values(), nlp), strict=True)
    }


@pytest.fixture(scope="session")
def example_articles() -> list[Article]:
    return read_articles(EXAMPLES / "story", EXAMPLES / "meta.json")
