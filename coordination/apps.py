from django.apps import AppConfig
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from regulation.live_work import register as register_live_work

from .home import register
from .names import use_vietnamese_name_order


class CoordinationConfig(AppConfig):
    name = "coordination"
    verbose_name = _("Coordination")

    def ready(self):
        use_vietnamese_name_order(get_user_model())
        # In ready(): these modules import models, which are not loaded when apps.py is imported.
        from . import (
            language,  # noqa: F401  (applies the person's language at sign-in)
            signals,  # noqa: F401  (security log receivers)
        )
        from .demo import requests as demo_requests  # noqa: F401  (registers the demo requests and documents)
        from .sections import article_requests, home_inbox

        register(home_inbox)
        register_live_work(article_requests)
