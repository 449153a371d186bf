"""The last thing `make run` prints: where the application answers and the demo accounts.

Runs as its own Procfile process: it waits until the web server answers, lets the other processes
finish their start-up lines, prints, and then stays (honcho stops everything when one process ends).
"""

import time
import urllib.error
import urllib.request

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import translation

from coordination.demo import DEMO_PASSWORD, account_lines


class Command(BaseCommand):
    help = "Wait for the web server, print its address and the demo accounts, then wait for Ctrl-C."

    def add_arguments(self, parser):
        parser.add_argument("--timeout", type=float, default=120, help="seconds to wait for the web server")
        parser.add_argument("--once", action="store_true", help="print and return (no waiting for Ctrl-C)")

    def handle(self, *args, timeout, once, **options):
        answered = self._wait_for(f"{settings.SITE_URL}/healthz", timeout)
        time.sleep(0 if once else 2)  # the worker's and beat's start-up lines come first
        translation.activate("vi")
        rule = "=" * 78
        lines = ["", rule]
        if answered:
            lines.append(f"  Ứng dụng / application:  {settings.SITE_URL}/    (Ctrl-C để dừng / to stop)")
        else:
            lines.append(f"  {settings.SITE_URL}/ chưa trả lời / is not answering: xem các dòng ở trên / see above")
        lines += [
            f"  Tài khoản mẫu / demo accounts — mật khẩu / password: {DEMO_PASSWORD}",
            *account_lines(),
            "  Thư điện tử được ghi vào / emails are written to: var/mail/",
            rule,
            "",
        ]
        self.stdout.write("\n".join(lines))
        self.stdout.flush()
        try:
            while not once:
                time.sleep(3600)
        except KeyboardInterrupt:  # Ctrl-C: honcho stops everything; no traceback on the way out
            pass

    @staticmethod
    def _wait_for(url, timeout):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(url, timeout=5):  # our own address, from settings
                    return True
            except urllib.error.HTTPError:  # it answers (503 while the broker is not ready yet)
                return True
            except OSError:  # refused: still starting
                time.sleep(0.5)
        return False
