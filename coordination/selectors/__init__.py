"""Reads of the coordination app, already filtered for the user, one module per concern."""
