from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvaluationConfig(AppConfig):
    """The annual evaluation (Article 9): a sub-app of meetings, label "evaluation"."""

    name = "meetings.evaluation"
    label = "evaluation"
    verbose_name = _("Annual evaluation")

    def ready(self):
        # Imported here, not at the top: these modules import models, which cannot load before the
        # app registry is ready (Django's rule for AppConfig.ready, not an import cycle).
        from regulation import live_work

        from . import demo, home  # noqa: F401  (demo loader, home page section)

        live_work.register(home.live_work_section)
