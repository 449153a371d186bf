"""Views of the regulation: reading, amendments, and drafts (import, new term)."""
