"""Pages of the annual evaluation: the evaluation and its steps (evaluations.py), the report (report.py)."""
