"""storyledger: a sourced, structured record of a developing news story."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("storyledger")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"

PIPELINE_VERSION = "3"
"""Bumped whenever a stage's output can change for the same input and model."""
