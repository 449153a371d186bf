"""One machine, nothing installed: SQLite (WAL) and Celery's filesystem broker under var/."""

from .base import *  # noqa: F403
from .base import VAR_DIR, env

# Off by default, as in production: a mistyped address shows the application's own 404 page, not
# Django's debug page. DEBUG=true make run for the debug pages.
DEBUG = env.bool("DEBUG", default=False)
VAR_DIR.mkdir(exist_ok=True)
if not env.str("EMAIL_URL", default=""):
    # Every email is written to a file under var/mail/ (one .log file per sending), never sent.
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = VAR_DIR / "mail"
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True  # with DEBUG off, whitenoise serves the static files straight from the apps
(VAR_DIR / "static").mkdir(exist_ok=True)
STATIC_ROOT = VAR_DIR / "static"
