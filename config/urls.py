"""Root URLconf. Every view requires login except those marked @login_not_required."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.generic import RedirectView

from coordination.language import set_language
from coordination.views.auth import LoginView

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("dang-nhap/", LoginView.as_view(), name="login"),
    path("dang-xuat/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/setlang/", set_language, name="set_language"),
    path("quy-che/", include("regulation.urls")),
    # /phoi-hop/ itself is where people land when they shorten a link: the request list.
    path("phoi-hop/", RedirectView.as_view(pattern_name="coordination:request_list"), name="coordination_root"),
    path("phoi-hop/", include("coordination.urls")),
    path("cuoc-hop/", include("meetings.urls")),
    path("danh-gia/", include("meetings.evaluation.urls")),
    path("api/v1/", include("config.api_urls")),
    path("quan-tri/", admin.site.urls),
]

handler400 = "config.views.bad_request"
handler403 = "config.views.permission_denied"
handler404 = "config.views.page_not_found"
handler500 = "config.views.server_error"
