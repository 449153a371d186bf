"""OpenAPI pieces of the request endpoints: the path id and the error answers each endpoint may give, all in
the one error format."""

from drf_spectacular.utils import OpenApiParameter, OpenApiResponse

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


ID = OpenApiParameter("id", int, OpenApiParameter.PATH, description="Mã số của đề nghị.")
