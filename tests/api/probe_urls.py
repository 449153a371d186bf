"""A small writable resource for the plumbing tests only (main has no writable resource of its own yet): the
caller's API tokens, renamed through PATCH with If-Match, plus a nested form and a view that fails."""

from django.urls import include, path
from rest_framework import mixins, serializers, viewsets
from rest_framework.response import Response
from rest_framework.routers import SimpleRouter
from rest_framework.views import APIView

from config.urls import handler400, handler403, handler404, handler500  # noqa: F401 - the app's error answers
from coordination.api.conditional import ConditionalUpdateMixin
from coordination.models import ApiToken


class TokenSerializer(serializers.ModelSerializer):
    class Meta:
        model = ApiToken
        fields = ["id", "name", "lookup"]


class TokenRenameSerializer(serializers.ModelSerializer):  # an edit may use another serializer than the read
    class Meta:
        model = ApiToken
        fields = ["name"]


class TokenViewSet(ConditionalUpdateMixin, mixins.RetrieveModelMixin, mixins.UpdateModelMixin,
                   viewsets.GenericViewSet):
    def get_queryset(self):
        return ApiToken.objects.filter(user=self.request.user)

    def get_serializer_class(self):
        return TokenRenameSerializer if self.action in ("update", "partial_update") else TokenSerializer


class ItemSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=5)


class FormSerializer(serializers.Serializer):
    number = serializers.IntegerField()
    items = ItemSerializer(many=True)


class FormView(APIView):
    def post(self, request):
        form = FormSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        return Response(form.validated_data)


class FailingView(APIView):
    def get(self, request):
        raise RuntimeError("a bug")


router = SimpleRouter()
router.register("api/v1/probe/tokens", TokenViewSet, basename="probe-token")

urlpatterns = [
    path("api/v1/probe/form/", FormView.as_view()),
    path("api/v1/probe/fail/", FailingView.as_view()),
    *router.urls,
    path("", include("config.urls")),
]
