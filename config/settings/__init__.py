"""Settings package: base, local (make run), test (make test), production (environment only)."""
