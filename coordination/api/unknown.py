"""The answer for addresses under /api/v1/ that name no resource."""

from drf_spectacular.utils import extend_schema
from rest_framework import exceptions
from rest_framework.views import APIView


@extend_schema(exclude=True)
class UnknownPath(APIView):
    """Any address under /api/v1/ that names no resource (or a path parameter the route does not accept, like
    `1.5`): 404 in the error format, 401 signed out, instead of the pages' HTML 404."""

    def http_method_not_allowed(self, request, *args, **kwargs):
        raise exceptions.NotFound()

    options = http_method_not_allowed
