from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvaluationConfig(AppConfig):
    """The annual evaluation (Article 9): a sub-app of meetings, label "evaluation"."""

    name = "meetings.evaluation"
    label = "evaluation"
    verbose_name = _("Annual evaluation")

    def ready(self):
        from regulation import live_work

        from . import demo, home  # noqa: F401  (demo loader, home page section)

        live_work.register(home.live_work_section)
