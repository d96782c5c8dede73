"""Cross-article stages over records (never spaCy objects): actors now; stories and series later."""
