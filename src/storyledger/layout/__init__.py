"""Layout: blocks, the model's view of the text, and sentences, all by offsets."""

from storyledger.layout.blocks import Layout, analyse_layout
from storyledger.layout.normalise import PROSE_KINDS, model_text
from storyledger.layout.sentences import mark_block_starts, sentences

__all__ = [
    "PROSE_KINDS",
    "Layout",
    "analyse_layout",
    "mark_block_starts",
    "model_text",
    "sentences",
]
