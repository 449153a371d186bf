"""Annual evaluations with their figures (read) and the .docx report, as the evaluation pages show them."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import renderers, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from coordination.api.conditional import etag_for
from coordination.security import get_visible_or_404, require
from meetings.api.common import FORBIDDEN, ID, NOT_FOUND, NamedUserSerializer

from .. import permissions, selectors
from ..models import AnnualEvaluation
from ..selectors.figures import METRICS
from ..views.report import evaluation_docx

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


class DocxRenderer(renderers.BaseRenderer):
    """Lets a client ask for the report with `Accept: …wordprocessingml.document`; the body is the file itself."""

    media_type = DOCX
    format = "docx"
    charset = None
    render_style = "binary"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return data


class PartSerializer(serializers.Serializer):
    party = serializers.IntegerField(source="party_id")
    submitted_at = serializers.DateTimeField(allow_null=True, help_text="Ngày cơ quan gửi bản tự đánh giá.")
    approved_at = serializers.DateTimeField(allow_null=True)


class EvaluationSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    year = serializers.IntegerField()
    regulation = serializers.IntegerField(source="regulation_id")
    regulation_title = serializers.CharField(source="regulation.title")
    state = serializers.ChoiceField(choices=AnnualEvaluation.State.choices)
    opened_at = serializers.DateTimeField()
    submitted_at = serializers.DateTimeField(allow_null=True)
    closed_at = serializers.DateTimeField(allow_null=True)
    parts = PartSerializer(many=True, source="parts.all")


class PartDetailSerializer(PartSerializer):
    submitted_by = NamedUserSerializer(allow_null=True)
    approved_by = NamedUserSerializer(allow_null=True)
    can_edit = serializers.BooleanField()
    can_reopen = serializers.BooleanField()
    can_approve = serializers.BooleanField()


class CellSerializer(serializers.Serializer):
    """One body's figures (in one area, or its totals); null where the page shows “—” or 0 (nothing counted)."""

    sent = serializers.IntegerField(allow_null=True)
    received = serializers.IntegerField(allow_null=True)
    answered_on_time = serializers.IntegerField(allow_null=True)
    answered_late = serializers.IntegerField(allow_null=True)
    still_open = serializers.IntegerField(allow_null=True)
    median_days = serializers.FloatField(allow_null=True)
    meetings_held = serializers.IntegerField(allow_null=True)
    minutes_approved = serializers.IntegerField(allow_null=True)
    notices_sent = serializers.IntegerField(allow_null=True)
    documents_exchanged = serializers.IntegerField(allow_null=True)


class FigureRowSerializer(serializers.Serializer):
    area = serializers.IntegerField(source="area.pk")
    cells = CellSerializer(many=True, help_text="Một ô cho mỗi cơ quan, theo thứ tự của `parties`.")


class FiguresSerializer(serializers.Serializer):
    """`selectors.figures_table` of the latest snapshot: what the evaluation page's table and chart show."""

    computed_at = serializers.DateTimeField()
    computed_by = NamedUserSerializer()
    as_of = serializers.DateTimeField(help_text="Số liệu tính đến thời điểm này.")
    parties = serializers.ListField(child=serializers.IntegerField())
    rows = FigureRowSerializer(many=True)
    totals = CellSerializer(many=True)


class AssessmentSerializer(serializers.Serializer):
    party = serializers.IntegerField(source="party_id")
    area = serializers.IntegerField(source="area_id")
    results = serializers.CharField()
    shortcomings = serializers.CharField()
    causes = serializers.CharField()
    proposals = serializers.CharField()


class ActionSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    content = serializers.CharField()
    area = serializers.IntegerField(source="area_id", allow_null=True)
    owner_party = serializers.IntegerField(source="owner_party_id")
    deadline = serializers.DateField(allow_null=True)
    request = serializers.IntegerField(source="request_id", allow_null=True)
    request_title = serializers.CharField(source="request.title", allow_null=True)
    can_make_request = serializers.BooleanField()


class EvaluationDetailSerializer(EvaluationSerializer):
    number_symbol = serializers.CharField()
    conclusion = serializers.CharField()
    parts = PartDetailSerializer(many=True, source="part_rows")
    figures = FiguresSerializer(allow_null=True)
    assessments = AssessmentSerializer(many=True, source="assessment_list")
    actions = ActionSerializer(many=True, source="action_rows")
    can_edit_conclusion = serializers.BooleanField()
    can_submit = serializers.BooleanField()
    ready_for_approval = serializers.BooleanField()
    can_return = serializers.BooleanField()
    can_recompute = serializers.BooleanField()


def _cell(cell):
    return {metric: cell.get(metric) for metric in METRICS}


def _figures(evaluation):
    snapshot = selectors.latest_snapshot(evaluation)
    table = selectors.figures_table(snapshot)
    if table is None:
        return None
    return {
        "computed_at": snapshot.computed_at, "computed_by": snapshot.computed_by, "as_of": table["as_of"],
        "parties": [p.pk for p in table["parties"]],
        "rows": [{"area": row["area"], "cells": [_cell(c) for c in row["cells"]]} for row in table["rows"]],
        "totals": [_cell(c) for c in table["totals"]],
    }


def _readable(user, evaluation):
    """The evaluation with what its page computes for this reader (views.evaluations.evaluation_detail)."""
    parts = selectors.parts_for_reader(user, evaluation)
    actions = selectors.actions_for_reader(user, evaluation)
    evaluation.part_rows, evaluation.action_rows = parts, actions
    evaluation.figures = _figures(evaluation)
    evaluation.assessment_list = selectors.assessments(evaluation)
    evaluation.can_edit_conclusion = permissions.can_edit_conclusion(user, evaluation)
    evaluation.can_submit = permissions.can_submit_for_approval(user, evaluation)
    evaluation.ready_for_approval = all(p.submitted_at for p in parts) and bool(evaluation.conclusion.strip())
    evaluation.can_return = permissions.can_return(user, evaluation)
    evaluation.can_recompute = permissions.can_recompute_statistics(user, evaluation)
    return evaluation


@extend_schema_view(
    list=extend_schema(summary="Các kỳ đánh giá hằng năm người gọi được xem",
                       responses={200: EvaluationSerializer(many=True), 403: FORBIDDEN}),
    retrieve=extend_schema(summary="Một kỳ đánh giá: tiến độ, số liệu, tự đánh giá, kết luận chung, việc tiếp theo",
                           parameters=[ID], responses={200: EvaluationDetailSerializer, 404: NOT_FOUND}),
)
class EvaluationViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = EvaluationSerializer
    lookup_value_regex = r"[0-9]+"

    def get_queryset(self):
        return selectors.evaluation_list(user=self.request.user)

    def list(self, request):
        require(permissions.can_view_evaluations(request.user))
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(EvaluationSerializer(page, many=True).data)

    def retrieve(self, request, pk=None):
        evaluation = get_visible_or_404(request, selectors.evaluation_detail_qs(request.user), pk=pk)
        data = EvaluationDetailSerializer(_readable(request.user, evaluation)).data
        return Response(data, headers={"ETag": etag_for(data)})

    @extend_schema(summary="Báo cáo đánh giá (.docx, tiếng Việt), cùng tệp với nút tải trên trang",
                   parameters=[ID], responses={(200, DOCX): OpenApiTypes.BINARY, 404: NOT_FOUND})
    @action(detail=True, renderer_classes=[renderers.JSONRenderer, DocxRenderer])
    def report(self, request, pk=None):
        """The page's own view: the same visibility check (404, logged) and the same file."""
        return evaluation_docx(request._request, pk)

    def handle_exception(self, exc):
        """Errors are JSON even when the .docx was asked for."""
        self.request.accepted_renderer, self.request.accepted_media_type = renderers.JSONRenderer(), "application/json"
        return super().handle_exception(exc)
