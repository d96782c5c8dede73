"""The framing stage: loaded language, hedges and boosters, sourcing and opinion signals."""
