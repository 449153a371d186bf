"""WSGI entry point for gunicorn."""

import gc
import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")
application = get_wsgi_application()

# Django, the apps, their models and (read here, as the first request would) the URLs and views are
# loaded for the life of the worker: move them out of the cyclic garbage collector's reach. Without this,
# every full collection walks those ~180,000 objects again (about 220 ms on the benchmark machine, once
# every couple of hundred pages, and that page waits for it); with it, only what pages have made since.
_views = get_resolver().url_patterns
gc.freeze()
