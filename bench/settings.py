"""Production settings on one machine for the benchmark: plain HTTP on 127.0.0.1, no collectstatic.

The client sends `X-Forwarded-Proto: https` as the reverse proxy would, so the production security
settings (secure cookies, SSL redirect, CSRF referer checks) stay on.
"""

import os
import warnings

os.environ.setdefault("SECRET_KEY", "bench-only-not-a-secret")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
os.environ.setdefault("SITE_URL", "https://127.0.0.1")

from config.settings.production import *  # noqa: E402, F403

ROOT_URLCONF = "bench.urls"
# The pages render {% static %}; the manifest needs collectstatic, which the benchmark has no use for.
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}  # noqa: F405
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
# Whitenoise warns that STATIC_ROOT is missing (no collectstatic); the benchmark serves no static file.
warnings.filterwarnings("ignore", message="No directory at")
