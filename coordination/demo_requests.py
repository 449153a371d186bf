"""Demo requests, documents and comments across both bodies (filled in below)."""
