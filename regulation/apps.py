from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegulationConfig(AppConfig):
    name = "regulation"
    verbose_name = _("Regulation")

    def ready(self):
        # In ready(): both modules import models, which are not loaded when apps.py is imported.
        from . import demo, home  # noqa: F401  (demo loader and home page section)
