"""OpenAPI pieces of the request endpoints: the list's filters (those of the page's RequestFilterForm) and the
error answers each endpoint may give, all in the one error format."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse

from ...forms.requests import RequestFilterForm
from .serializers import ErrorSerializer

ERRORS = {
    400: "Dữ liệu gửi lên không hợp lệ; không có gì thay đổi.",
    403: "Người gọi không được thực hiện việc này (ghi vào nhật ký an ninh).",
    404: "Không tìm thấy, hoặc người gọi không được xem.",
    409: "Bước này không thực hiện được ở trạng thái hiện tại; không có gì thay đổi.",
    412: "ETag trong If-Match đã cũ: có người đã sửa sau khi bạn đọc; không có gì thay đổi.",
    428: "Thiếu If-Match: gửi lại ETag đã nhận khi đọc; không có gì thay đổi.",
}


def errors(*codes):
    return {code: OpenApiResponse(ErrorSerializer, description=ERRORS[code]) for code in codes}


def _choices(name):
    return [value for value, _label in RequestFilterForm.base_fields[name].choices if value]


LIST_PARAMETERS = [
    OpenApiParameter("q", str, description="Tìm kiếm không dấu trong tiêu đề, nội dung (và trả lời, nếu được xem)."),
    OpenApiParameter("party", int, description="Cơ quan (đề nghị hoặc được đề nghị)."),
    OpenApiParameter("direction", str, enum=_choices("direction"), description="Đề nghị cơ quan mình gửi / nhận."),
    OpenApiParameter("area", int, description="Lĩnh vực phối hợp."),
    OpenApiParameter("state", str, enum=_choices("state"), description="Trạng thái; open = đang mở."),
    OpenApiParameter("overdue", bool, description="Chỉ các đề nghị quá hạn trả lời."),
    OpenApiParameter("waiting", bool, description="Chỉ các đề nghị đang chờ bước của người gọi."),
    OpenApiParameter("deadline", OpenApiTypes.DATE, description="Hạn trả lời đúng ngày này."),
    OpenApiParameter("date_from", OpenApiTypes.DATE, description="Tạo từ ngày."),
    OpenApiParameter("date_to", OpenApiTypes.DATE, description="Tạo đến ngày."),
    OpenApiParameter("sort", str, enum=_choices("sort"), description="Thứ tự sắp xếp."),
]

ID = OpenApiParameter("id", int, OpenApiParameter.PATH, description="Mã số của đề nghị.")
