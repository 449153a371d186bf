"""Documents: the list and metadata, registration with its first file, new versions, the logged download, and
the documents attached to a request. Each view asks what the documents and request pages ask: the same
selectors, forms (content checks), permissions, services (numbering) and download function."""

from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import exceptions, generics, mixins, parsers, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.response import Response

from .. import permissions
from ..archives import ODT
from ..forms.documents import DocumentForm, VersionForm
from ..models import Document, DocumentVersion, Party, RequestDocument, Role
from ..permissions import member_party_ids
from ..security import require
from ..selectors import documents as document_selectors
from ..services import documents as document_services
from ..services import requests as request_services
from ..uploads import DOCX, XLSX
from ..views.documents import get_document_or_404, version_file_response
from ..views.requests import get_request_or_404

CHOOSE_BODY = _("You work in more than one body: say which one registers the document (owner_party).")
UNKNOWN_BODY = _("There is no such body.")
NO_BODY = _("You are not a staff member or leader of any body, so you cannot register documents.")
FILE_TYPES = ("application/pdf", DOCX, ODT, XLSX, "image/png", "image/jpeg")

NOT_FOUND = OpenApiResponse(description="Không có văn bản (hoặc đề nghị) này, hoặc bạn không được xem (theo độ mật).")
REFUSED = OpenApiResponse(description="Bạn không được làm việc này (đã ghi vào nhật ký bảo mật).")
DOCUMENT_ID = OpenApiParameter("id", int, OpenApiParameter.PATH, description="Mã văn bản.")
VERSION_NUMBER = OpenApiParameter("number", int, OpenApiParameter.PATH, description="Số phiên bản.")
REQUEST_ID = OpenApiParameter("id", int, OpenApiParameter.PATH, description="Mã đề nghị phối hợp.")
INVALID = OpenApiResponse(description="Dữ liệu hoặc tệp không hợp lệ (sai loại, rỗng, quá lớn, “zip bomb”…); "
                                      "không có gì được lưu.")


class DocumentVersionSerializer(serializers.ModelSerializer):
    file_name = serializers.CharField(source="download_name", help_text="Tên tệp khi tải về.")
    download_url = serializers.SerializerMethodField(help_text="Địa chỉ tải tệp (mỗi lần tải được ghi nhật ký).")

    class Meta:
        model = DocumentVersion
        fields = ["number", "file_name", "content_type", "size", "sha256", "note", "uploaded_by", "uploaded_at",
                  "download_url"]

    def get_download_url(self, version) -> str:
        path = reverse("api:document-download", kwargs={"pk": version.document_id, "number": version.number})
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request else path


class DocumentSerializer(serializers.ModelSerializer):
    class Meta:
        model = Document
        fields = ["id", "number_symbol", "doc_type", "summary", "issued_on", "year", "is_incoming", "owner_party",
                  "issuing_party", "issuer_name", "signer_name", "signer_title", "place", "confidentiality",
                  "urgency", "recipients", "created_at"]


class DocumentDetailSerializer(DocumentSerializer):
    versions = DocumentVersionSerializer(many=True, read_only=True)

    class Meta(DocumentSerializer.Meta):
        fields = [*DocumentSerializer.Meta.fields, "versions"]


class NewDocumentSerializer(serializers.Serializer):
    """The multipart body, as the schema shows it. Validation is the page's DocumentForm (see _form_data)."""

    doc_type = serializers.ChoiceField(choices=DocumentForm.base_fields["doc_type"].choices, required=False,
                                       help_text="Mặc định: CV (công văn).")
    number_symbol = serializers.CharField(max_length=100, required=False, help_text="Chỉ với văn bản đến; để "
                                          "trống thì văn bản được cấp số tiếp theo (Số N-LOẠI/CƠ QUAN).")
    issuer_name = serializers.CharField(max_length=200, required=False)
    issued_on = serializers.DateField(required=False, help_text="Mặc định: hôm nay.")
    summary = serializers.CharField(max_length=500)
    signer_name = serializers.CharField(max_length=200, required=False)
    signer_title = serializers.CharField(max_length=200, required=False)
    confidentiality = serializers.ChoiceField(choices=DocumentForm.base_fields["confidentiality"].choices,
                                              required=False, help_text="Mặc định: 0 (thường). Tuyệt mật (3) luôn bị "
                                              "từ chối: không đưa vào hệ thống nối mạng.")
    urgency = serializers.ChoiceField(choices=DocumentForm.base_fields["urgency"].choices, required=False,
                                      help_text="Mặc định: 0 (thường).")
    recipients = serializers.CharField(required=False)
    file = serializers.FileField(help_text="PDF, DOCX, ODT, XLSX, PNG hoặc JPEG (kiểm tra theo nội dung).")


class DocumentUploadSerializer(NewDocumentSerializer):
    owner_party = serializers.IntegerField(required=False, help_text="Cơ quan đăng ký (và ban hành) văn bản; "
                                           "bắt buộc nếu bạn làm việc ở cả hai cơ quan.")


class VersionUploadSerializer(serializers.Serializer):
    file = serializers.FileField(help_text="PDF, DOCX, ODT, XLSX, PNG hoặc JPEG (kiểm tra theo nội dung).")
    note = serializers.CharField(max_length=300, required=False, help_text="Điểm thay đổi.")


class AttachmentSerializer(serializers.ModelSerializer):
    document = DocumentSerializer()

    class Meta:
        model = RequestDocument
        fields = ["side", "added_by", "added_at", "document"]


def _id(value):
    """A path id as a number; anything else answers 404 in the API's error format (the URL patterns take any
    text, so that a junk id never falls through to the site's HTML 404 page)."""
    value = str(value)
    if not (value.isascii() and value.isdigit() and len(value) < 10):
        raise Http404
    return int(value)


def _form_data(request, form_class):
    """The page's form, bound to the multipart body; 400 with its field errors when it is not valid. A field
    left out takes the value the page's form starts with (type CV, today, not confidential, normal urgency)."""
    data = request.data.copy() if isinstance(request.data, dict) else {}  # a JSON list or string: no fields
    for name, field in form_class.base_fields.items():
        initial = field.initial() if callable(field.initial) else field.initial
        if initial is not None and data.get(name) in (None, ""):
            data[name] = initial
    form = form_class(data, request.FILES)
    if not form.is_valid():
        errors = form.errors.get_json_data()
        raise exceptions.ValidationError({"non_field_errors" if field == "__all__" else field:
                                          [e["message"] for e in messages] for field, messages in errors.items()})
    return form.cleaned_data


def _owner_party(request):
    """The body registering a standalone document: the one named, or the caller's only working body."""
    named = request.data.get("owner_party") if isinstance(request.data, dict) else None
    if named in (None, ""):
        bodies = member_party_ids(request.user, Role.STAFF, Role.LEADER)
        require(bodies, NO_BODY)
        if len(bodies) != 1:
            raise exceptions.ValidationError({"owner_party": [CHOOSE_BODY]})
        named = bodies.pop()
    named = str(named)
    party = Party.objects.filter(pk=int(named)).first() if named.isascii() and named.isdigit() and len(named) < 10 \
        else None
    if party is None:
        raise exceptions.ValidationError({"owner_party": [UNKNOWN_BODY]})
    return party


class AnyAccept(DefaultContentNegotiation):
    """The download answers whatever the client accepts (a file of its own type, or an error in JSON):
    `Accept: application/pdf` must not turn a download into 406."""

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


@extend_schema_view(
    list=extend_schema(summary="Danh sách văn bản được xem (như trang Văn bản)", parameters=[
        OpenApiParameter("q", str, description="Tìm theo số ký hiệu, trích yếu, người ký (không cần dấu).")]),
    retrieve=extend_schema(summary="Một văn bản và các phiên bản tệp", parameters=[DOCUMENT_ID],
                           responses={200: DocumentDetailSerializer, 404: NOT_FOUND}),
)
class DocumentViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = DocumentSerializer
    lookup_value_regex = "[^/]+"  # any text: _id() turns a junk id into the API's 404
    queryset = Document.objects.none()  # for the schema; every read goes through the documents selector

    def get_queryset(self):
        q = self.request.query_params.get("q", "")
        return document_selectors.document_list(user=self.request.user, q=q if isinstance(q, str) else "")

    def get_object(self):
        return get_document_or_404(self.request, _id(self.kwargs["pk"]))

    def retrieve(self, request, *args, **kwargs):
        document = self.get_object()
        return Response(DocumentDetailSerializer(document, context=self.get_serializer_context()).data)

    @extend_schema(summary="Đăng ký một văn bản với tệp đầu tiên (cấp số như trên trang)",
                   request={"multipart/form-data": DocumentUploadSerializer},
                   responses={201: DocumentDetailSerializer, 400: INVALID, 403: REFUSED})
    def create(self, request):
        party = _owner_party(request)
        fields = _form_data(request, DocumentForm)
        # As on the request page: the registering body is the issuer; a received document carries its number.
        document = document_services.document_create(by=request.user, owner_party=party, issuing_party=party,
                                                      **fields)
        return Response(DocumentDetailSerializer(document, context=self.get_serializer_context()).data,
                        status=status.HTTP_201_CREATED)

    @extend_schema(summary="Thêm một phiên bản tệp mới (các phiên bản cũ vẫn giữ nguyên)", parameters=[DOCUMENT_ID],
                   request={"multipart/form-data": VersionUploadSerializer},
                   responses={201: DocumentVersionSerializer, 400: INVALID, 403: REFUSED, 404: NOT_FOUND})
    @action(detail=True, methods=["post"], url_path="versions", parser_classes=[parsers.MultiPartParser])
    def versions(self, request, pk=None):
        document = self.get_object()
        require(permissions.can_add_document_version(request.user, document))
        fields = _form_data(request, VersionForm)
        version = document_services.document_add_version(by=request.user, document=document, **fields)
        return Response(DocumentVersionSerializer(version, context=self.get_serializer_context()).data,
                        status=status.HTTP_201_CREATED)

    @extend_schema(summary="Tải tệp của một phiên bản (ghi nhật ký tải như trên trang)",
                   parameters=[DOCUMENT_ID, VERSION_NUMBER],
                   responses={**{(200, kind): OpenApiTypes.BINARY for kind in FILE_TYPES}, 404: NOT_FOUND})
    @action(detail=True, methods=["get"], url_path=r"versions/(?P<number>[^/]+)/download",
            url_name="download", content_negotiation_class=AnyAccept, pagination_class=None)
    def download(self, request, pk=None, number=None):
        return version_file_response(request, self.get_object(), _id(number))


@extend_schema_view(
    get=extend_schema(summary="Văn bản đính kèm một đề nghị (chỉ những văn bản bạn được xem)", parameters=[REQUEST_ID],
                      responses={200: AttachmentSerializer(many=True), 404: NOT_FOUND}),
    post=extend_schema(summary="Đăng ký một văn bản mới và đính kèm vào đề nghị (như nút “Đính kèm văn bản”)",
                       parameters=[REQUEST_ID],
                       request={"multipart/form-data": NewDocumentSerializer},
                       responses={201: AttachmentSerializer, 400: INVALID, 403: REFUSED, 404: NOT_FOUND}),
)
class RequestDocumentsView(generics.ListCreateAPIView):
    """The documents attached to a request the caller sees (only those they may read, as on the request page),
    and attaching a new one as the page's “Attach a document” does."""

    serializer_class = AttachmentSerializer
    queryset = RequestDocument.objects.none()  # for the schema

    def get_request(self):
        return get_request_or_404(self.request, _id(self.kwargs["pk"]))

    def get_queryset(self):
        creq = self.get_request()
        visible_docs = document_selectors.documents_visible(self.request.user).filter(request_links__request=creq)
        return creq.attachments.filter(document__in=visible_docs.values("pk")).select_related(
            "document").order_by("added_at", "pk")

    def create(self, request, pk):
        creq = self.get_request()
        require(permissions.can_attach_document(request.user, creq))
        fields = _form_data(request, DocumentForm)
        link = request_services.request_add_new_document(by=request.user, creq=creq, **fields)
        return Response(self.get_serializer(link).data, status=status.HTTP_201_CREATED)
