"""What the regulation API shows: regulations, their versions and text, amendments and decisions.

The text is given as the reading page lays it out (chapters → articles → clauses → points), from the
same presentation functions; the views hand these serializers objects already filtered for the caller."""

from rest_framework import serializers

from coordination.api.parties import PersonSerializer

from ..models import Amendment, AmendmentChange, Decision, DecisionKind, Regulation, RegulationVersion


class DecisionSerializer(serializers.ModelSerializer):
    by = PersonSerializer()

    class Meta:
        model = Decision
        fields = ["id", "round", "party", "kind", "comment", "by", "at"]


class ApprovalStateSerializer(serializers.Serializer):
    """Where each issuing body stands in the current round: its decision, or null while it has none."""

    party = serializers.IntegerField(source="party.pk")
    decision = DecisionSerializer(allow_null=True)


# ---- regulations and their text -------------------------------------------------------------------

class RegulationSerializer(serializers.ModelSerializer):
    issuing_parties = serializers.PrimaryKeyRelatedField(many=True, read_only=True)

    class Meta:
        model = Regulation
        fields = ["id", "title", "number_symbol", "term_start", "term_end", "status", "effective_on",
                  "awaiting_adoption", "issuing_parties"]


class VersionSummarySerializer(serializers.ModelSerializer):
    class Meta:
        model = RegulationVersion
        fields = ["number", "valid_from", "amendment"]


class RegulationDetailSerializer(RegulationSerializer):
    legal_bases = serializers.ListField(child=serializers.CharField(), source="legal_basis_lines")
    recipients = serializers.ListField(child=serializers.CharField(), source="recipient_lines")
    signers = serializers.ListField(child=serializers.DictField(child=serializers.CharField()))
    current_version = VersionSummarySerializer(allow_null=True,
                                               help_text="Phiên bản có hiệu lực hôm nay (null với dự thảo).")
    adoption_decisions = DecisionSerializer(many=True, source="adoption_decisions_shown")
    approval_state = ApprovalStateSerializer(many=True, help_text="Dự thảo chờ duyệt: ý kiến từng cơ quan vòng này.")
    decide_for = serializers.ListField(child=serializers.IntegerField(),
                                       help_text="Các cơ quan mà người gọi có thể phê duyệt/trả lại thay mặt.")

    class Meta(RegulationSerializer.Meta):
        fields = [*RegulationSerializer.Meta.fields, "legal_bases", "signed_on", "signed_place", "signers",
                  "recipients", "predecessor", "reconstructed_from_summary_on", "source", "adoption_round",
                  "created_at", "current_version", "adoption_decisions", "approval_state", "decide_for"]


class PointSerializer(serializers.Serializer):
    letter = serializers.CharField()
    text = serializers.CharField()


class ClauseSerializer(serializers.Serializer):
    number = serializers.IntegerField()
    text = serializers.CharField()
    points = PointSerializer(many=True)


class ArticleTextSerializer(serializers.Serializer):
    key = serializers.CharField(help_text="Số điều dùng trong đường dẫn: 5, hoặc 8a cho điều bổ sung.")
    number = serializers.IntegerField()
    suffix = serializers.CharField(allow_blank=True)
    title = serializers.CharField()
    repealed = serializers.BooleanField()
    intro = serializers.ListField(child=serializers.CharField(), help_text="Các dòng trước khoản 1.")
    clauses = ClauseSerializer(many=True)
    area = serializers.IntegerField(source="area.pk", allow_null=True, help_text="Lĩnh vực phối hợp (Điều 3–8).")


class ChapterTextSerializer(serializers.Serializer):
    number = serializers.IntegerField()
    roman = serializers.CharField()
    title = serializers.CharField()
    articles = ArticleTextSerializer(many=True)


class TextSerializer(serializers.Serializer):
    regulation = serializers.IntegerField(source="regulation.pk")
    on = serializers.DateField(allow_null=True, help_text="Ngày được hỏi (null: không hỏi ngày).")
    is_draft = serializers.BooleanField(help_text="Dự thảo: văn bản đang soạn, chưa có hiệu lực.")
    version = VersionSummarySerializer(allow_null=True)
    message = serializers.CharField(allow_blank=True, help_text="Giải thích khi không có văn bản.")
    chapters = ChapterTextSerializer(many=True)


class ArticleSerializer(serializers.Serializer):
    regulation = serializers.IntegerField(source="regulation.pk")
    on = serializers.DateField(allow_null=True)
    version = VersionSummarySerializer(allow_null=True)
    chapter = serializers.IntegerField(source="chapter.number")
    article = ArticleTextSerializer()
    changed_in = serializers.ListField(child=serializers.IntegerField(),
                                       help_text="Các phiên bản mà điều này được sửa đổi.")


class VersionSerializer(serializers.ModelSerializer):
    valid_to = serializers.DateField(allow_null=True, help_text="Ngày phiên bản sau có hiệu lực (null: chưa có).")
    is_current = serializers.BooleanField()
    is_future = serializers.BooleanField()
    decisions = DecisionSerializer(many=True, help_text="Ý kiến về văn bản sửa đổi tạo ra phiên bản này.")

    class Meta:
        model = RegulationVersion
        fields = ["number", "valid_from", "valid_to", "is_current", "is_future", "amendment", "created_at",
                  "decisions"]


class VersionTextSerializer(serializers.Serializer):
    regulation = serializers.IntegerField(source="regulation.pk")
    version = VersionSummarySerializer()
    chapters = ChapterTextSerializer(many=True)


class SearchHitSerializer(serializers.Serializer):
    regulation = serializers.IntegerField(source="regulation_id")
    regulation_title = serializers.CharField(source="regulation.title")
    chapter = serializers.IntegerField(source="chapter.number")
    key = serializers.CharField()
    number = serializers.IntegerField()
    suffix = serializers.CharField(allow_blank=True)
    title = serializers.CharField()
    body = serializers.CharField(allow_blank=True)
    repealed = serializers.BooleanField()


# ---- query parameters -----------------------------------------------------------------------------

class OnDateSerializer(serializers.Serializer):
    on = serializers.DateField(required=False, input_formats=["iso-8601", "%d/%m/%Y"],
                               help_text="Ngày (YYYY-MM-DD); mặc định: hôm nay.")


class RegulationFilterSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=Regulation.Status.choices, required=False)


class SearchQuerySerializer(serializers.Serializer):
    # Like the page, a query without any word finds nothing (200, []), it is not an error.
    q = serializers.CharField(max_length=200, allow_blank=True,
                              help_text='Không phân biệt dấu, hoa thường: "phoi hop" tìm thấy "phối hợp".')


class AmendmentFilterSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=Amendment.Status.choices, required=False)
    regulation = serializers.IntegerField(required=False, min_value=1, max_value=2**62)


# ---- amendments -----------------------------------------------------------------------------------

class AmendmentSerializer(serializers.ModelSerializer):
    drafted_by = PersonSerializer()

    class Meta:
        model = Amendment
        fields = ["id", "regulation", "title", "status", "proposed_effective_on", "effective_on", "round",
                  "drafted_by", "created_at"]


class AmendmentChangeSerializer(serializers.ModelSerializer):
    class Meta:
        model = AmendmentChange
        fields = ["id", "order", "kind", "article_key", "clause_number", "chapter_number", "title", "body"]


class AmendmentDetailSerializer(AmendmentSerializer):
    changes = AmendmentChangeSerializer(many=True, source="changes.all")
    version = serializers.IntegerField(source="version.number", allow_null=True,
                                       help_text="Phiên bản hợp nhất mà văn bản sửa đổi tạo ra (khi đã duyệt).")
    decisions = DecisionSerializer(many=True, source="decisions.all", help_text="Mọi ý kiến, mọi vòng.")
    approval_state = ApprovalStateSerializer(many=True, help_text="Ý kiến từng cơ quan ban hành trong vòng này.")
    problem = serializers.CharField(allow_null=True, help_text="Vì sao các thay đổi không áp dụng được vào văn bản.")
    decide_for = serializers.ListField(child=serializers.IntegerField(),
                                       help_text="Các cơ quan mà người gọi có thể phê duyệt/trả lại thay mặt.")

    class Meta(AmendmentSerializer.Meta):
        fields = [*AmendmentSerializer.Meta.fields, "rationale", "changes", "version", "decisions", "approval_state",
                  "problem", "decide_for"]


class PreviewSerializer(serializers.Serializer):
    amendment = serializers.IntegerField(source="amendment.pk")
    problem = serializers.CharField(allow_null=True, help_text="Vì sao các thay đổi không áp dụng được (khi đó "
                                                               "`chapters` rỗng).")
    chapters = ChapterTextSerializer(many=True)


class DecisionInputSerializer(serializers.Serializer):
    party = serializers.IntegerField(min_value=1, max_value=2**62,
                                     help_text="Cơ quan mà lãnh đạo quyết định thay mặt (không phải cơ quan mình "
                                               "lãnh đạo, hoặc không tồn tại: 403, như trang).")
    action = serializers.ChoiceField(choices=DecisionKind.choices, help_text="approve: phê duyệt; return: trả lại.")
    comment = serializers.CharField(required=False, allow_blank=True, default="", max_length=5000,
                                    help_text="Bắt buộc khi trả lại.")
