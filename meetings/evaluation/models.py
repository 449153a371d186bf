"""Models: see the issue that builds the annual evaluation."""
