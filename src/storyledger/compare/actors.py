"""Actor resolution as the cross-article stage uses it (it lives in `storyledger.actors`, which
imports only the model, so the per-article actors stage does not import `compare/`)."""

from storyledger.actors import normalise_name, resolve_actors

__all__ = ["normalise_name", "resolve_actors"]
