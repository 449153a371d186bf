from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from coordination import home as home_registry
from regulation import live_work


class MeetingsConfig(AppConfig):
    name = "meetings"
    verbose_name = _("Meetings and information")

    def ready(self):
        # In ready(): these modules import models, which are not loaded when apps.py is imported.
        from . import demo, home  # noqa: F401  (demo registers its loader)

        home_registry.register(home.home_section)
        live_work.register(home.live_work_section)
