from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "meetings"
    verbose_name = _("Meetings and information")

    def ready(self):
        from coordination import home as home_registry

        from . import demo, home  # noqa: F401  (demo registers its loader)

        home_registry.register(home.home_section)
        try:
            from regulation import live_work
        except ImportError:  # the regulation app may not offer it
            return
        live_work.register(home.live_work_section)
