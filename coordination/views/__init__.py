"""Pages of the coordination app, one module per concern: members and the security log, requests, documents, sign-in."""
