"""The Celery application; tasks are discovered in each installed app's tasks.py."""

import os

from celery import Celery

from .broker import install as install_embedded_broker

install_embedded_broker()  # `filesystem://` is the race-free transport of config/broker.py
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")

app = Celery("config")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
