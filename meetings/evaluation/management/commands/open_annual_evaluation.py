"""Open the annual evaluation by hand: the same as the daily job, or for a given year."""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from coordination.jobs import recorded_run, system_user

from ...selectors.opening import opening_date, regulations_in_force
from ...services.opening import evaluation_open, open_due_evaluations


class Command(BaseCommand):
    help = "Open the annual evaluation (Article 9) that is due, or the one of --year; says what it did."

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, help="open this year's evaluation now, whatever the date")

    def handle(self, *args, year=None, **options):
        regulations = list(regulations_in_force())
        if not regulations:
            raise CommandError("No regulation is in force: there is nothing to evaluate.")
        with recorded_run("manage.py open_annual_evaluation") as run:
            if year is not None:
                done = [evaluation_open(by=system_user(), regulation=r, year=year) for r in regulations]
            else:
                done = open_due_evaluations(by=system_user())
            lines = [self._line(e, created) for e, created in done]
            if not done:
                today = timezone.localdate()
                lines = [
                    f"Nothing to open yet: the {today.year} evaluation of “{r}” opens on "
                    f"{opening_date(r, today.year):%d/%m/%Y}." for r in regulations
                ]
            run["message"] = "; ".join(lines)
        for line in lines:
            self.stdout.write(line)

    def _line(self, evaluation, created):
        if created:
            return self.style.SUCCESS(
                f"Opened the {evaluation.year} evaluation of “{evaluation.regulation}” (#{evaluation.pk})."
            )
        return (
            f"The {evaluation.year} evaluation of “{evaluation.regulation}” was already open "
            f"(#{evaluation.pk}); nothing done."
        )
