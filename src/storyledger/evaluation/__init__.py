"""Evaluations: each extractor scored against annotated articles kept in `evals/`."""
