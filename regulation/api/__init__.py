"""API resources of this app (/api/v1/); see coordination/api for the shared plumbing."""
