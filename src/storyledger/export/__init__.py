"""Exports: the `storyledger/1` document as JSON, JSON Lines, CSV and Parquet."""

from storyledger.export.build import build_export, tables_of
from storyledger.export.contract import SCHEMA, TABLES
from storyledger.export.writers import FORMATS, neutralise, write_export

__all__ = ["FORMATS", "SCHEMA", "TABLES", "build_export", "neutralise", "tables_of", "write_export"]
