"""What the meetings API shares: people and attached documents as the pages show them, the declared errors."""

from drf_spectacular.utils import OpenApiParameter, OpenApiResponse
from rest_framework import serializers
from rest_framework.fields import empty

from coordination.models import Confidentiality
from coordination.models.documents import DocumentType

NOT_FOUND = OpenApiResponse(description="Không có, hoặc người gọi không được xem (ghi vào nhật ký an ninh).")
FORBIDDEN = OpenApiResponse(description="Người gọi không có quyền này (ghi vào nhật ký an ninh).")
ID = OpenApiParameter("id", int, OpenApiParameter.PATH, description="Mã của đối tượng.")
BAD_REQUEST = OpenApiResponse(description="Tham số không hợp lệ; không có gì thay đổi.")


class QueryValueMixin:
    """A query-string filter: `?when=` is refused like any unknown value instead of being taken as absent."""

    def get_value(self, dictionary):
        return dictionary.get(self.field_name, empty)


class QueryChoiceField(QueryValueMixin, serializers.ChoiceField):
    pass


class QueryBooleanField(QueryValueMixin, serializers.BooleanField):
    pass


class NamedUserSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    full_name = serializers.SerializerMethodField()

    def get_full_name(self, user) -> str:
        return user.get_full_name() or user.get_username()


class AttachedDocumentSerializer(serializers.Serializer):
    """A document link as `views.common.documents_for` leaves it: only those within the reader's clearance."""

    id = serializers.IntegerField(source="document.pk")
    number_symbol = serializers.CharField(source="document.number_symbol")
    summary = serializers.CharField(source="document.summary")
    doc_type = serializers.ChoiceField(DocumentType.choices, source="document.doc_type")
    confidentiality = serializers.ChoiceField(Confidentiality.choices, source="document.confidentiality")
    issued_on = serializers.DateField(source="document.issued_on")
    attached_at = serializers.DateTimeField()
    can_open = serializers.BooleanField(help_text="Người gọi có được mở văn bản này không.")


class WithDocumentsSerializer(serializers.Serializer):
    """The attachments of a meeting or notice, filled from `views.common.documents_for` as on the page."""

    documents = AttachedDocumentSerializer(many=True)
    hidden_documents = serializers.IntegerField(
        help_text="Số văn bản vượt quá độ mật người gọi được đọc: chỉ được đếm, không nêu tên.")
