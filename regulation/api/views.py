"""The regulation under /api/v1/: regulations, their versions and text on a date, search, amendments, decisions.

Each endpoint mirrors a page of regulation/views: the same selectors decide what is visible (a hidden object
answers 404 and is logged), the same permissions and services decide and record decisions (403 logged).
Everything is read-only except the decisions of the leaders."""

from functools import partial

from django.db import transaction
from django.http import Http404
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from coordination.api.conditional import check_if_match, etag_for
from coordination.api.errors import Conflict
from coordination.models import Party
from coordination.security import require

from .. import permissions as perms
from .. import services
from ..models import Amendment, Regulation, RegulationVersion
from ..presentation import present, present_article
from ..selectors import (
    amendment_texts,
    areas_by_article_number,
    article_history,
    find_article,
    search_articles,
    text_shown,
    version_on,
    version_rows,
    version_shown,
    versions_of,
    visible_amendments,
    visible_regulations,
)
from ..views.common import amendment_or_404, regulation_or_404
from . import serializers as s

NOT_IN_FORCE_ON = _("The regulation was not in force on %(date)s.")
NO_TEXT = _("There is no text to show.")
DRAFT_TEXT = _("A draft: the text being prepared, not in force.")
NOT_A_DECIDER = _("Only a leader of an issuing body approves or returns on its behalf.")
AMENDMENT_NOT_AWAITING = _("The amendment is not awaiting approval: there is nothing to decide.")
DRAFT_NOT_AWAITING = _("The draft is not awaiting approval: there is nothing to decide.")

NOT_FOUND = OpenApiResponse(description="Không tìm thấy, hoặc người gọi không được xem (ghi nhật ký an ninh).")
BAD_INPUT = OpenApiResponse(description="Tham số không hợp lệ; lỗi theo từng trường trong `errors`.")
ON = OpenApiParameter("on", OpenApiTypes.DATE, description="Ngày (YYYY-MM-DD); mặc định: hôm nay.")
DECISION_RESPONSES = {
    400: OpenApiResponse(description="Dữ liệu không hợp lệ (trả lại mà không ghi ý kiến…); không thay đổi gì."),
    403: OpenApiResponse(description="Người gọi không được quyết định thay mặt cơ quan này (ghi nhật ký an ninh)."),
    404: NOT_FOUND,
    409: OpenApiResponse(description="Không có gì chờ quyết định (chưa trình hoặc đã quyết xong)."),
    412: OpenApiResponse(description="If-Match không còn đúng: đối tượng đã thay đổi; không thay đổi gì."),
}


def _valid(serializer_class, data):
    serializer = serializer_class(data=data)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data


def _with_etag(data, code=status.HTTP_200_OK):
    response = Response(data, status=code)
    response["ETag"] = etag_for(data)
    return response


def _approval_state(thing, issuing):
    current = {d.party_id: d for d in perms.current_decisions(thing)}
    return [{"party": p, "decision": current.get(p.pk)} for p in issuing]


def _decide(request, *, regulation, awaiting, not_awaiting, approve, give_back, detail):
    """A leader's decision for one body, as the pages' approve/return buttons: the same services and checks.

    Someone who leads no issuing body is refused (403, logged) whatever the state; a leader is told 409
    when nothing awaits a decision. An optional If-Match is compared with the detail read under the lock."""
    require(perms.leads_issuing_body(request.user, regulation), NOT_A_DECIDER)
    if not awaiting:
        raise Conflict(not_awaiting)
    data = _valid(s.DecisionInputSerializer, request.data)
    party = Party.objects.filter(pk=data["party"]).first()
    require(party is not None, NOT_A_DECIDER)  # the page's form refuses an unknown body with 403 too
    with transaction.atomic():
        check_if_match(request, detail(lock=True), required=False)
        step = approve if data["action"] == "approve" else give_back
        step(by=request.user, party=party, comment=data["comment"])
    return _with_etag(detail(), status.HTTP_201_CREATED)


@extend_schema_view(
    list=extend_schema(summary="Các quy chế người gọi được xem (dự thảo: chỉ lãnh đạo và quản trị quy chế)",
                       parameters=[s.RegulationFilterSerializer], responses={200: s.RegulationSerializer(many=True),
                                                                             400: BAD_INPUT}),
    retrieve=extend_schema(summary="Một quy chế: thông tin, phiên bản đang có hiệu lực, ý kiến thông qua dự thảo",
                           responses={200: s.RegulationDetailSerializer, 404: NOT_FOUND}),
)
class RegulationViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = s.RegulationSerializer
    lookup_value_regex = "[0-9]+"

    def get_queryset(self):
        qs = visible_regulations(self.request.user)
        if self.action == "list":
            wanted = _valid(s.RegulationFilterSerializer, self.request.query_params)
            if "status" in wanted:
                qs = qs.filter(status=wanted["status"])
        return qs

    def get_object(self):
        return regulation_or_404(self.request, self.kwargs["pk"])

    def _detail(self, lock=False):
        if lock:  # the row the service will lock, locked first so the ETag compared is the one decided on
            Regulation.objects.select_for_update().filter(pk=self.kwargs["pk"]).exists()
        regulation = self.get_object()
        user = self.request.user
        issuing = list(regulation.issuing_parties.all())
        regulation.current_version = version_on(regulation, timezone.localdate())
        regulation.adoption_decisions_shown = list(regulation.adoption_decisions.select_related("by"))
        regulation.approval_state = _approval_state(regulation, issuing)
        regulation.decide_for = perms.adoption_decision_parties(user, regulation)
        return s.RegulationDetailSerializer(regulation).data

    def retrieve(self, request, *args, **kwargs):
        return _with_etag(self._detail())

    @extend_schema(summary="Văn bản có hiệu lực vào một ngày: chương → điều → khoản → điểm, như trang đọc quy chế",
                   description="Không có văn bản vào ngày đó (trước khi quy chế có hiệu lực, hoặc sau khi quy chế "
                               "nhiệm kỳ sau thay thế): 200 với `version` null, `chapters` rỗng và `message` giải "
                               "thích. Dự thảo: văn bản đang soạn, bất kể ngày.",
                   parameters=[ON], responses={200: s.TextSerializer, 400: BAD_INPUT, 404: NOT_FOUND})
    @action(detail=True)
    def text(self, request, pk=None):
        regulation = self.get_object()
        day = _valid(s.OnDateSerializer, request.query_params).get("on")
        version = version_shown(regulation, day)
        content = text_shown(regulation, version)
        if regulation.is_draft:
            message = DRAFT_TEXT
        elif content is None:
            message = NOT_IN_FORCE_ON % {"date": formats.date_format(day, "SHORT_DATE_FORMAT")} if day else NO_TEXT
        else:
            message = ""
        return _with_etag(s.TextSerializer({
            "regulation": regulation, "on": day, "is_draft": regulation.is_draft, "version": version,
            "message": str(message), "chapters": present(content, areas_by_article_number()) if content else [],
        }).data)

    @extend_schema(summary="Một điều của quy chế vào một ngày, và các phiên bản đã sửa đổi điều đó",
                   parameters=[ON, OpenApiParameter("key", str, OpenApiParameter.PATH, description="5, hoặc 8a")],
                   responses={200: s.ArticleSerializer, 400: BAD_INPUT, 404: NOT_FOUND})
    @action(detail=True, url_path=r"articles/(?P<key>[0-9]{1,4}[a-z]?)")
    def article(self, request, pk=None, key=None):
        regulation = self.get_object()
        day = _valid(s.OnDateSerializer, request.query_params).get("on")
        version = version_shown(regulation, day)
        content = text_shown(regulation, version)
        chapter, article = find_article(content, key) if content else (None, None)
        if article is None:
            raise Http404
        return _with_etag(s.ArticleSerializer({
            "regulation": regulation, "on": day, "version": version, "chapter": chapter,
            "article": present_article(article, areas_by_article_number()),
            "changed_in": [row["version"].number for row in article_history(versions_of(regulation), key)],
        }).data)

    @extend_schema(summary="Các phiên bản hợp nhất của quy chế (toàn bộ, không phân trang: mỗi văn bản sửa đổi một "
                           "phiên bản)", responses={200: s.VersionSerializer(many=True), 404: NOT_FOUND})
    @action(detail=True, pagination_class=None)
    def versions(self, request, pk=None):
        versions = []
        for row in version_rows(self.get_object()):
            version = row.pop("version")
            versions.append(version)
            for name, value in row.items():
                setattr(version, name, value)
        return Response(s.VersionSerializer(versions, many=True).data)

    @extend_schema(summary="Văn bản của một phiên bản hợp nhất",
                   parameters=[OpenApiParameter("number", int, OpenApiParameter.PATH)],
                   responses={200: s.VersionTextSerializer, 404: NOT_FOUND})
    @action(detail=True, url_path=r"versions/(?P<number>[0-9]{1,5})")
    def version(self, request, pk=None, number=None):
        regulation = self.get_object()
        version = RegulationVersion.objects.filter(regulation=regulation, number=int(number)).first()
        if version is None:
            raise Http404
        return _with_etag(s.VersionTextSerializer({
            "regulation": regulation, "version": version,
            "chapters": present(version.content, areas_by_article_number()),
        }).data)

    @extend_schema(summary="Tìm trong các quy chế có hiệu lực hoặc đã hết hiệu lực (không phân biệt dấu; tối đa 50 "
                           "điều, như trang tìm kiếm)",
                   parameters=[s.SearchQuerySerializer],
                   responses={200: s.SearchHitSerializer(many=True), 400: BAD_INPUT})
    @action(detail=False, pagination_class=None)
    def search(self, request):
        query = _valid(s.SearchQuerySerializer, request.query_params)["q"]
        articles, _needle = search_articles(request.user, query)
        return Response(s.SearchHitSerializer(articles, many=True).data)

    @extend_schema(summary="Lãnh đạo phê duyệt hoặc trả lại dự thảo quy chế nhiệm kỳ mới thay mặt một cơ quan",
                   description="Như nút trên trang quy chế. If-Match (ETag của quy chế) là tùy chọn. Trả về quy chế "
                               "sau quyết định.",
                   request=s.DecisionInputSerializer,
                   responses={201: s.RegulationDetailSerializer, **DECISION_RESPONSES})
    @action(detail=True, methods=["post"])
    def decisions(self, request, pk=None):
        regulation = self.get_object()
        return _decide(
            request, regulation=regulation, awaiting=regulation.awaiting_adoption, not_awaiting=DRAFT_NOT_AWAITING,
            approve=partial(services.regulation_approve_adoption, regulation=regulation),
            give_back=partial(services.regulation_return_adoption, regulation=regulation),
            detail=self._detail)


@extend_schema_view(
    list=extend_schema(summary="Các văn bản sửa đổi người gọi được xem (chuyên viên: chỉ khi đã được phê duyệt)",
                       parameters=[s.AmendmentFilterSerializer],
                       responses={200: s.AmendmentSerializer(many=True), 400: BAD_INPUT}),
    retrieve=extend_schema(summary="Một văn bản sửa đổi: các thay đổi, ý kiến từng cơ quan, quyền quyết định",
                           responses={200: s.AmendmentDetailSerializer, 404: NOT_FOUND}),
)
class AmendmentViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = s.AmendmentSerializer
    lookup_value_regex = "[0-9]+"

    def get_queryset(self):
        qs = visible_amendments(self.request.user)
        if self.action == "list":
            wanted = _valid(s.AmendmentFilterSerializer, self.request.query_params)
            if "status" in wanted:
                qs = qs.filter(status=wanted["status"])
            if "regulation" in wanted:
                qs = qs.filter(regulation_id=wanted["regulation"])
        return qs

    def get_object(self):
        return amendment_or_404(self.request, self.kwargs["pk"])

    def _detail(self, lock=False):
        if lock:
            Amendment.objects.select_for_update().filter(pk=self.kwargs["pk"]).exists()
        amendment = self.get_object()
        _before, _after, amendment.problem = amendment_texts(amendment)
        amendment.approval_state = _approval_state(amendment, list(amendment.regulation.issuing_parties.all()))
        amendment.decide_for = perms.amendment_decision_parties(self.request.user, amendment)
        return s.AmendmentDetailSerializer(amendment).data

    def retrieve(self, request, *args, **kwargs):
        return _with_etag(self._detail())

    @extend_schema(summary="Văn bản hợp nhất sau khi áp dụng văn bản sửa đổi (điều lãnh đạo phê duyệt)",
                   responses={200: s.PreviewSerializer, 404: NOT_FOUND})
    @action(detail=True)
    def preview(self, request, pk=None):
        amendment = self.get_object()
        _before, after, problem = amendment_texts(amendment)
        return _with_etag(s.PreviewSerializer({
            "amendment": amendment, "problem": problem,
            "chapters": present(after, areas_by_article_number()) if after else [],
        }).data)

    @extend_schema(summary="Lãnh đạo phê duyệt hoặc trả lại văn bản sửa đổi thay mặt một cơ quan ban hành",
                   description="Như nút trên trang văn bản sửa đổi, cùng điều kiện: chỉ lãnh đạo của cơ quan đó, "
                               "mỗi người một cơ quan mỗi vòng; trả lại phải có ý kiến. If-Match (ETag của văn bản "
                               "sửa đổi) là tùy chọn. Trả về văn bản sửa đổi sau quyết định.",
                   request=s.DecisionInputSerializer,
                   responses={201: s.AmendmentDetailSerializer, **DECISION_RESPONSES})
    @action(detail=True, methods=["post"])
    def decisions(self, request, pk=None):
        amendment = self.get_object()
        return _decide(
            request, regulation=amendment.regulation, awaiting=amendment.is_pending,
            not_awaiting=AMENDMENT_NOT_AWAITING,
            approve=partial(services.amendment_approve, amendment=amendment),
            give_back=partial(services.amendment_return, amendment=amendment),
            detail=self._detail)
