"""The ordered registry of per-article stages, and the check that its order is sound.

A stage is a function from an `Analysis` (the article, its parse and the records of the
stages before it) to the records it produces. Stages never touch the store, CLI or batch engine.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc

from storyledger.model import Article

BASE_INPUTS = frozenset({"article", "doc"})


@dataclass(frozen=True, slots=True, kw_only=True)
class Analysis:
    """An article on its way through the pipeline: its parse and the records made so far."""

    article: Article
    doc: Doc | None = None
    records: Mapping[str, tuple[Any, ...]] = field(default_factory=dict)

    def get(self, name: str) -> tuple[Any, ...]:
        """The records a stage produced under `name` (empty when none)."""
        return self.records.get(name, ())


StageFunc = Callable[[Analysis], Mapping[str, Sequence[Any]] | Sequence[Any]]


@dataclass(frozen=True, slots=True, kw_only=True)
class Stage:
    """A registered stage: its name, function, and the records it needs and makes."""

    name: str
    func: StageFunc
    requires: tuple[str, ...]
    produces: tuple[str, ...]
    before_parse: bool = False

    def run(self, analysis: Analysis) -> dict[str, tuple[Any, ...]]:
        """Call the stage and return its records keyed by what it produces."""
        result = self.func(analysis)
        if isinstance(result, Mapping):
            return {name: tuple(result.get(name, ())) for name in self.produces}
        (only,) = self.produces
        return {only: tuple(result)}


def stage(
    name: str, *, requires: Sequence[str], produces: Sequence[str], before_parse: bool = False
) -> Callable[[StageFunc], StageFunc]:
    """Describe the decorated function as a stage; `extract.PIPELINE` lists stages in order."""

    def describe(func: StageFunc) -> StageFunc:
        func.stage = Stage(  # type: ignore[attr-defined]
            name=name,
            func=func,
            requires=tuple(requires),
            produces=tuple(produces),
            before_parse=before_parse,
        )
        return func

    return describe


def build_registry(funcs: Sequence[StageFunc]) -> tuple[Stage, ...]:
    """The stages of `funcs`, in that order, after checking the order is sound."""
    stages = tuple(func.stage for func in funcs)  # type: ignore[attr-defined]
    names = [item.name for item in stages]
    if len(set(names)) != len(names):
        raise ValueError(f"a stage is listed twice in {names}")
    check_order(stages)
    return stages


def check_order(stages: Sequence[Stage]) -> None:
    """Raise `ValueError` if a stage needs records no earlier stage makes."""
    available = set(BASE_INPUTS) - {"doc"}
    parsed = False
    for item in stages:
        if not item.before_parse and not parsed:
            available.add("doc")
            parsed = True
        if item.before_parse and parsed:
            raise ValueError(
                f"stage {item.name!r} runs before the parse but is registered after it"
            )
        missing = [need for need in item.requires if need not in available]
        if missing:
            raise ValueError(f"stage {item.name!r} needs {missing} before it runs")
        available.update(item.produces)
