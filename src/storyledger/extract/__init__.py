"""Per-article stages. Importing this package registers them, in pipeline order."""

from storyledger.extract import actors as _actors  # noqa: F401
from storyledger.extract import layout_stages as _layout_stages  # noqa: F401  (registers first)
from storyledger.extract.registry import Analysis, Stage, registered_stages, stage

__all__ = ["Analysis", "Stage", "registered_stages", "stage"]
