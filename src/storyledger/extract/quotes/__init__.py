"""Quotes: direct, partial and indirect speech, each with its speaker."""
