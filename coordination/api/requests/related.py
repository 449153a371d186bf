"""A request's officers, comments and leaders' opinions over the API, as on the request page: the same
checks (`can_set_officers`, `can_comment`, `can_give_opinion`), the same forms and services."""

from django.db import transaction
from django.http import Http404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from ... import permissions
from ...forms.requests import CommentForm, OfficersForm, OpinionForm
from ...models import Comment, CoordinationRequest, Opinion, Role
from ...models.requests import REQUESTED, REQUESTING
from ...security import require
from ...selectors import parties as party_selectors
from ...services import requests as request_services
from ..conditional import check_if_match, etag_for
from ..parties import PersonSerializer
from .forms import CommentInSerializer, OfficersSerializer, OpinionInSerializer, as_form_data, check_form
from .lookup import request_or_404
from .schema import ID, errors
from .serializers import SIDE_CHOICES

SIDE = OpenApiParameter("side", str, OpenApiParameter.PATH, enum=[REQUESTING, REQUESTED],
                        description="requesting: cơ quan đề nghị; requested: cơ quan được đề nghị.")


class OfficersOutSerializer(serializers.Serializer):
    side = serializers.ChoiceField(choices=SIDE_CHOICES)
    officers = PersonSerializer(many=True)
    can_change = serializers.BooleanField()


class CommentSerializer(serializers.ModelSerializer):
    author = PersonSerializer()

    class Meta:
        model = Comment
        fields = ["id", "author", "body", "created_at"]
        read_only_fields = fields


class OpinionSerializer(serializers.ModelSerializer):
    leader = PersonSerializer()

    class Meta:
        model = Opinion
        fields = ["id", "leader", "content", "asked_at", "given_at"]
        read_only_fields = fields


class RequestOfficersView(APIView):
    # GET the officers a side assigned; PUT replaces them (the page's officers form, `request_officers`).
    """Cán bộ được phân công của bên đề nghị (requesting) hoặc bên được đề nghị (requested)."""

    def _officers(self, req, side):
        field = req.requesting_officers if side == REQUESTING else req.requested_officers
        return OfficersOutSerializer({
            "side": side, "officers": field.order_by("last_name", "first_name", "pk"),
            "can_change": permissions.can_set_officers(self.request.user, req, side),
        }).data

    def _find(self, request, pk, side):
        req = request_or_404(request, pk)
        if side not in (REQUESTING, REQUESTED):
            raise Http404
        return req

    @extend_schema(summary="Cán bộ được phân công của một bên (có ETag)", parameters=[ID, SIDE],
                   responses={200: OfficersOutSerializer, **errors(404)})
    def get(self, request, pk, side):
        data = self._officers(self._find(request, pk, side), side)
        return Response(data, headers={"ETag": etag_for(data)})

    @extend_schema(summary="Thay cán bộ được phân công của một bên (If-Match tùy chọn)", parameters=[ID, SIDE],
                   request=OfficersSerializer, responses={200: OfficersOutSerializer, **errors(400, 403, 404, 412)})
    def put(self, request, pk, side):
        req = self._find(request, pk, side)
        require(permissions.can_set_officers(request.user, req, side))
        body = OfficersSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        form = OfficersForm(as_form_data(body.validated_data), officers_qs=party_selectors.party_members(
            req.side_party(side), Role.STAFF, Role.LEADER))
        officers = list(check_form(form)["officers"])
        with transaction.atomic():
            CoordinationRequest.objects.select_for_update().filter(pk=req.pk).exists()
            check_if_match(request, self._officers(req, side), required=False)
            request_services.request_set_officers(by=request.user, creq=req, side=side, officers=officers)
        data = self._officers(req, side)
        return Response(data, headers={"ETag": etag_for(data)})


class _RequestThread(generics.GenericAPIView):
    # A list under a request (oldest first, paginated) and a POST that adds to it.
    """Danh sách thuộc một đề nghị (cũ trước, theo trang) và thêm mới."""

    def get_request_object(self):
        return request_or_404(self.request, self.kwargs["pk"])

    def get(self, request, pk):
        req = self.get_request_object()
        page = self.paginate_queryset(self.rows(req))
        return self.get_paginated_response(self.get_serializer(page, many=True).data)


class RequestCommentsView(_RequestThread):
    serializer_class = CommentSerializer

    def rows(self, req):
        return req.comments.select_related("author").order_by("created_at", "pk")

    @extend_schema(parameters=[ID], summary="Trao đổi về đề nghị (cũ trước, mới sau)",
                   responses={200: CommentSerializer(many=True), **errors(404)})
    def get(self, request, pk):
        return super().get(request, pk)

    @extend_schema(parameters=[ID], summary="Thêm một ý kiến trao đổi", request=CommentInSerializer,
                   responses={201: CommentSerializer, **errors(400, 403, 404)})
    def post(self, request, pk):
        req = self.get_request_object()
        require(permissions.can_comment(request.user, req))
        body = CommentInSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        cleaned = check_form(CommentForm(as_form_data(body.validated_data)))
        comment = request_services.comment_add(by=request.user, creq=req, body=cleaned["body"])
        return Response(CommentSerializer(comment).data, status=status.HTTP_201_CREATED)


class RequestOpinionsView(_RequestThread):
    serializer_class = OpinionSerializer

    def rows(self, req):
        return req.opinions.select_related("leader").order_by("asked_at", "pk")

    @extend_schema(parameters=[ID], summary="Ý kiến của các lãnh đạo được hỏi (đề nghị cho ý kiến)",
                   responses={200: OpinionSerializer(many=True), **errors(404)})
    def get(self, request, pk):
        return super().get(request, pk)

    @extend_schema(parameters=[ID], summary="Lãnh đạo được hỏi cho ý kiến của mình", request=OpinionInSerializer,
                   responses={201: OpinionSerializer, **errors(400, 403, 404)})
    def post(self, request, pk):
        req = self.get_request_object()
        require(permissions.can_give_opinion(request.user, req))
        body = OpinionInSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        cleaned = check_form(OpinionForm(as_form_data(body.validated_data)))
        opinion = request_services.opinion_give(by=request.user, creq=req, content=cleaned["content"])
        return Response(OpinionSerializer(opinion).data, status=status.HTTP_201_CREATED)
