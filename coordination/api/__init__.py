"""The JSON API's shared plumbing (/api/v1/): token sign-in, one error format, bounded pages, per-token rate
limits and ETag/If-Match. Each app's resources live in its own `api/` package and ask the app's own
selectors (visibility) and permissions.py, exactly as its pages do."""
