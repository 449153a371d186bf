"""Test settings: the database and broker come from the environment, as in CI."""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import CELERY_BROKER_URL, env, filesystem_broker

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="qc-media-"))
# Tasks queued by services run inline in ordinary tests; the worker tests switch this off and
# send them through the real broker to a real worker.
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=True)
CELERY_TASK_EAGER_PROPAGATES = True
if CELERY_BROKER_URL.startswith("filesystem"):
    CELERY_BROKER_TRANSPORT_OPTIONS, CELERY_RESULT_BACKEND = filesystem_broker(
        Path(env("CELERY_BROKER_FOLDER", default="") or tempfile.mkdtemp(prefix="qc-broker-"))
    )
AXES_ENABLED = True
STATIC_ROOT = Path(tempfile.mkdtemp(prefix="qc-static-"))
WHITENOISE_AUTOREFRESH = True
# The suite makes thousands of API calls as the same few people; the rate-limit test sets its own rate.
REST_FRAMEWORK = {**REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"api": "100000/min"}}  # noqa: F405
