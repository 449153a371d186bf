"""What the OpenAPI schema says every operation may answer besides success, so that no view has to repeat it:
the error format for 400, 401, 403, 404 and 429, and, on the views with ConditionalUpdateMixin, the ETag of a read
and the If-Match (412, 428) of an edit. A view's own declaration of a status wins; one with a description only
gets the error format as its body.

The contract test (tests/api/test_schema_contract.py) then holds every error answer to the error format too."""

from drf_spectacular.openapi import AutoSchema as SpectacularAutoSchema
from rest_framework import serializers

from .conditional import ConditionalUpdateMixin

# The schema is documented in Vietnamese (docs/api.md has the English).
ERRORS = {
    "400": "Dữ liệu hoặc tham số gửi lên không hợp lệ (xem `errors`); không có gì bị thay đổi.",
    "401": "Chưa xác thực: thiếu khóa API, khóa sai dạng hoặc đã bị thu hồi.",
    "403": "Người dùng không có quyền thực hiện bước này (cùng quy tắc như nút trên trang).",
    "404": "Không có đối tượng này, hoặc người dùng không được xem nó.",
    "429": "Vượt quá số lần gọi cho phép của khóa API; chờ số giây trong tiêu đề Retry-After.",
}
CONDITIONAL_ERRORS = {
    "412": "If-Match không phải phiên bản hiện tại: đối tượng đã bị người khác sửa. Đọc lại rồi sửa lại.",
    "428": "Thiếu tiêu đề If-Match (ETag nhận được khi đọc đối tượng); không có gì bị thay đổi.",
}
IF_MATCH = {
    "in": "header", "name": "If-Match", "required": True, "schema": {"type": "string"},
    "description": "ETag nhận được khi đọc đối tượng (GET), để không ghi đè thay đổi của người khác.",
}
ETAG = {"ETag": {"schema": {"type": "string"},
                 "description": "Phiên bản của đối tượng; gửi lại trong If-Match khi sửa."}}


class ApiErrorSerializer(serializers.Serializer):
    detail = serializers.CharField(help_text="Một câu cho người đọc, theo ngôn ngữ của lời gọi.")
    errors = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        help_text="Lỗi theo từng trường (trường lồng nhau ghi theo đường dẫn, `items[1].title`); {} nếu không có.",
    )


class AutoSchema(SpectacularAutoSchema):
    def get_operation(self, path, path_regex, path_prefix, method, registry):
        operation = super().get_operation(path, path_regex, path_prefix, method, registry)
        if operation is None:
            return None
        errors = dict(ERRORS)
        if isinstance(self.view, ConditionalUpdateMixin):
            if self.method in ("PUT", "PATCH"):
                operation.setdefault("parameters", []).append(IF_MATCH)
                errors.update(CONDITIONAL_ERRORS)
            elif self.method == "GET" and "200" in operation["responses"] and "{" in path:
                operation["responses"]["200"].setdefault("headers", {}).update(ETAG)
        error = {"application/json": {"schema": self.resolve_serializer(ApiErrorSerializer, "response").ref}}
        for status, description in errors.items():
            operation["responses"].setdefault(status, {"description": description, "content": error})
        for status, response in operation["responses"].items():
            if status[0] in "45" and "content" not in response:  # declared with a description only
                response["content"] = error
        return operation
