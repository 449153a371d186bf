from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoordinationConfig(AppConfig):
    name = "coordination"
    verbose_name = _("Coordination")

    def ready(self):
        from django.contrib.auth import get_user_model

        from . import signals  # noqa: F401  (security log receivers)
        from .names import use_vietnamese_name_order

        use_vietnamese_name_order(get_user_model())
