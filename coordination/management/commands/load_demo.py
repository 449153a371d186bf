"""Loads the demo data set (idempotent) and prints the demo accounts."""

from django.core.management.base import BaseCommand
from django.utils import translation

from coordination.demo import DEMO_PASSWORD, account_lines, load_demo


class Command(BaseCommand):
    help = "Create the demo accounts and demo data (a second run changes nothing)."

    def handle(self, *args, **options):
        translation.activate("vi")
        created = load_demo()
        self.stdout.write(f"Demo: {len(created)} new account(s).")
        self.stdout.write(f"Tài khoản mẫu / demo accounts (mật khẩu / password: {DEMO_PASSWORD}):")
        for line in account_lines():
            self.stdout.write(line)
