"""Ingest: turn files and dump records into `Article`s, or into skips with a reason."""

from storyledger.ingest.reader import IngestOptions, Skipped, read_inputs

__all__ = ["IngestOptions", "Skipped", "read_inputs"]
