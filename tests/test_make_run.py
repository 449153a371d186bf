"""What a newcomer's terminal shows under `make run`: the address and accounts last, nothing that
looks like an error, mail in files, DEBUG off."""

import logging
import os
import subprocess
import sys
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

from coordination.demo import ACCOUNTS, DEMO_PASSWORD
from coordination.management.commands.shell import Command as ShellCommand


@pytest.mark.django_db(transaction=True)
def test_welcome_prints_the_address_and_every_demo_account_once_the_server_answers(live_server):
    out = StringIO()
    with override_settings(SITE_URL=live_server.url):
        call_command("welcome", once=True, timeout=30, stdout=out)
    text = out.getvalue()
    assert f"{live_server.url}/" in text and "chưa trả lời" not in text
    assert DEMO_PASSWORD in text and all(username in text for username, *_ in ACCOUNTS)
    assert text.rstrip().endswith("=" * 78)


@pytest.mark.django_db
def test_welcome_says_so_when_the_server_does_not_answer():
    out = StringIO()
    with override_settings(SITE_URL="http://127.0.0.1:9"):
        call_command("welcome", once=True, timeout=1, stdout=out)
    assert "chưa trả lời / is not answering" in out.getvalue()


def test_shell_auto_imports_the_models_but_not_the_history_models_it_cannot_import():
    imports = ShellCommand().get_auto_imports()
    assert "coordination.models.requests.CoordinationRequest" in imports
    assert not [path for path in imports if ".Historical" in path]


def test_kombu_hostname_warning_of_the_filesystem_broker_is_dropped_and_nothing_else(caplog, monkeypatch):
    from config.celery import app

    # Celery's conf.broker_url reads CELERY_BROKER_URL from the environment first (CI sets Redis there).
    monkeypatch.delenv("CELERY_BROKER_URL", raising=False)
    logger = logging.getLogger("kombu.connection")
    with caplog.at_level(logging.WARNING, logger="kombu.connection"), _broker(app, "filesystem://"):
        logger.warning("No hostname was supplied. Reverting to default 'localhost'")
        logger.warning("Some other broker problem")
    assert [r.getMessage() for r in caplog.records] == ["Some other broker problem"]


class _broker:
    def __init__(self, app, url):
        self.app, self.url = app, url

    def __enter__(self):
        self.before = self.app.conf.broker_url
        self.app.conf.broker_url = self.url

    def __exit__(self, *exc):
        self.app.conf.broker_url = self.before


def test_local_settings_run_without_debug_write_mail_to_var_and_link_to_the_local_address():
    env = {k: v for k, v in os.environ.items() if k not in ("DEBUG", "EMAIL_URL", "SITE_URL")}
    env["DJANGO_SETTINGS_MODULE"] = "config.settings.local"
    code = ("from django.conf import settings as s; "
            "print(s.DEBUG, s.EMAIL_BACKEND, s.EMAIL_FILE_PATH.relative_to(s.BASE_DIR), s.SITE_URL, "
            "s.WHITENOISE_USE_FINDERS)")
    out = subprocess.run([sys.executable, "-c", f"import django; django.setup(); {code}"], env=env,
                         cwd=settings.BASE_DIR, capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "django.core.mail.backends.filebased.EmailBackend", "var/mail",
                   "http://127.0.0.1:8000", "True"]
