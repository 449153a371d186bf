"""The Celery application; tasks are discovered in each installed app's tasks.py."""

import logging
import os

from celery import Celery

from .broker import install as install_embedded_broker

install_embedded_broker()  # `filesystem://` is the race-free transport of config/broker.py
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")

app = Celery("config")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


class _FilesystemBrokerHasNoHost(logging.Filter):
    """kombu warns "No hostname was supplied. Reverting to default 'localhost'" on every connection to
    the filesystem broker, whose URL names no host by nature (`make run`); in the terminal it reads
    like an error. Only that message is dropped, and only for the filesystem broker."""

    def filter(self, record):
        return not (str(app.conf.broker_url or "").startswith("filesystem")
                    and str(record.msg).startswith("No hostname was supplied"))


logging.getLogger("kombu.connection").addFilter(_FilesystemBrokerHasNoHost())
