"""The application's URLs plus the floor: a signed-in view that does nothing, to measure pages against."""

from django.http import HttpResponse
from django.urls import include, path


def floor(request):
    return HttpResponse(f"ok {request.user.pk}", content_type="text/plain")


urlpatterns = [path("bench/floor/", floor, name="bench_floor"), path("", include("config.urls"))]
