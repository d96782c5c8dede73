"""Events: who did what to whom, in PLOVER 2.0 types, with dates (issue #5, in progress)."""
