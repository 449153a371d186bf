"""Coordination requests over the API: the list and detail, drafts, every workflow step, officers, comments,
opinions and the history, asking the same selectors, permissions and services as the request pages."""
