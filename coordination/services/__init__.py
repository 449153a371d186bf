"""Writes of the coordination app, one module per concern: parties (members), requests, documents."""
