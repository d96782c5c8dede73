"""Per-article stages and `PIPELINE`, the one ordered registry of them.

A later stage is added by writing its module and listing its function here, in order.
"""

from storyledger.extract.actors import actor_stage
from storyledger.extract.events.stage import event_stage
from storyledger.extract.figures.stage import figure_stage
from storyledger.extract.framing.stage import framing_stage
from storyledger.extract.layout_stages import layout_stage, sentence_stage
from storyledger.extract.quotes.stage import quote_stage
from storyledger.extract.registry import Analysis, Stage, build_registry, stage

PIPELINE = (
    layout_stage,
    sentence_stage,
    actor_stage,
    quote_stage,
    figure_stage,
    event_stage,
    framing_stage,
)


def registered_stages() -> tuple[Stage, ...]:
    """The pipeline's stages in order, checked."""
    return build_registry(PIPELINE)


__all__ = ["PIPELINE", "Analysis", "Stage", "registered_stages", "stage"]
