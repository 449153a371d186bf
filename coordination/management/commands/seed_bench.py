"""Creates benchmark data at scale: `manage.py seed_bench --requests 100000 --years 5`."""

import time

from django.core.management.base import BaseCommand
from django.utils import translation

from coordination.bench_seed import seed


class Command(BaseCommand):
    help = "Create years of realistic data (requests, documents, meetings, notices) for the benchmark."

    def add_arguments(self, parser):
        parser.add_argument("--requests", type=int, default=100_000)
        parser.add_argument("--years", type=int, default=5)
        parser.add_argument("--meetings", type=int, default=2000)
        parser.add_argument("--notices", type=int, default=5000)
        parser.add_argument("--members", type=int, default=200)

    def handle(self, *args, **options):
        translation.activate("vi")
        started = time.monotonic()
        counts = seed(requests=options["requests"], years=options["years"], meetings=options["meetings"],
                      notices=options["notices"], members=options["members"], out=self.stdout.write)
        for name, n in counts.items():
            self.stdout.write(f"  {name}: {n}")
        self.stdout.write(f"Done in {time.monotonic() - started:.0f} s.")
