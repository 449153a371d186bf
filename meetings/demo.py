"""Demo data: see load."""
