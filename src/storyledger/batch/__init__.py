"""Batch mode: the per-article core over input shards, writing Parquet, then `import`."""
