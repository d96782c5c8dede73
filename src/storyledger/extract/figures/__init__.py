"""Figures: reported quantities with bounds, what was counted, what happened, who says so."""
