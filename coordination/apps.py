from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoordinationConfig(AppConfig):
    name = "coordination"
    verbose_name = _("Coordination")

    def ready(self):
        from django.contrib.auth import get_user_model

        from .names import use_vietnamese_name_order

        use_vietnamese_name_order(get_user_model())
        from . import signals  # noqa: F401  (security log receivers)
        from .demo import requests as demo_requests  # noqa: F401  (registers the demo requests and documents)
        from .home import register
        from .sections import article_requests, home_inbox

        register(home_inbox)
        try:
            from regulation.live_work import register as register_live_work
        except ImportError:  # the regulation app has no article sections
            pass
        else:
            register_live_work(article_requests)
