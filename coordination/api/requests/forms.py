"""The page's own forms behind the API's input: the JSON is first checked for types (so the schema describes
it and `"title": {}` is a 400), then handed to the same Django form the page uses, so the rules are identical."""

from rest_framework import serializers

from ...forms.requests import RequestFilterForm
from .serializers import ACTION_CHOICES

MAX_ID = 2**31 - 1


def id_field(**kwargs):
    return serializers.IntegerField(min_value=1, max_value=MAX_ID, **kwargs)


def ids_field(**kwargs):
    return serializers.ListField(child=id_field(), max_length=500, **kwargs)


def form_errors(form):
    """A Django form's errors as the API's `errors` (non-field errors under "non_field_errors")."""
    return {("non_field_errors" if field == "__all__" else field): [str(m) for m in messages]
            for field, messages in form.errors.items()}


def check_form(form):
    if not form.is_valid():
        raise serializers.ValidationError(form_errors(form))
    return form.cleaned_data


def as_form_data(data):
    """JSON values as a form would receive them: ids as strings, lists kept, None left out."""
    out = {}
    for name, value in data.items():
        if value is None:
            continue
        out[name] = [str(v) for v in value] if isinstance(value, list) else str(value)
    return out


def _filter_choices(name):
    return [value for value, _label in RequestFilterForm.base_fields[name].choices if value]


class ListFilterSerializer(serializers.Serializer):
    """Bộ lọc của danh sách, như trên trang “Đề nghị phối hợp”."""

    # Types first (an empty or malformed value is a 400, as the schema says), then the page's RequestFilterForm.
    q = serializers.CharField(required=False, allow_blank=True, max_length=500,
                              help_text="Tìm kiếm không dấu trong tiêu đề, nội dung (và trả lời, nếu được xem).")
    party = id_field(required=False, help_text="Cơ quan (đề nghị hoặc được đề nghị).")
    direction = serializers.ChoiceField(choices=_filter_choices("direction"), required=False,
                                        help_text="made: cơ quan mình gửi; received: cơ quan mình nhận.")
    area = id_field(required=False, help_text="Lĩnh vực phối hợp.")
    state = serializers.ChoiceField(choices=_filter_choices("state"), required=False,
                                    help_text="Trạng thái; open = mọi trạng thái đang mở.")
    overdue = serializers.BooleanField(required=False, help_text="Chỉ các đề nghị quá hạn trả lời.")
    waiting = serializers.BooleanField(required=False, help_text="Chỉ các đề nghị đang chờ bước của người gọi.")
    deadline = serializers.DateField(required=False, help_text="Hạn trả lời đúng ngày này.")
    date_from = serializers.DateField(required=False, help_text="Tạo từ ngày.")
    date_to = serializers.DateField(required=False, help_text="Tạo đến ngày.")
    sort = serializers.ChoiceField(choices=_filter_choices("sort"), required=False, help_text="Thứ tự sắp xếp.")


def list_filters(query_params):
    """The filters of a list call, checked as the schema describes them, then cleaned by the page's form."""
    wanted = {name: query_params[name] for name in ListFilterSerializer().fields if name in query_params}
    params = ListFilterSerializer(data=wanted)  # a plain dict: an empty value is refused, not skipped
    params.is_valid(raise_exception=True)
    return {k: v for k, v in check_form(RequestFilterForm(as_form_data(params.validated_data))).items() if v}


class StepSerializer(serializers.Serializer):
    # A step: the page's buttons (`comment`), its acknowledge form and its response form.
    """Một bước của quy trình: action và ý kiến kèm theo; officers, consulted_leaders khi tiếp nhận;
    response_content khi lưu dự thảo trả lời."""

    action = serializers.ChoiceField(choices=ACTION_CHOICES)
    comment = serializers.CharField(required=False, allow_blank=True, default="", max_length=10_000)
    officers = ids_field(required=False, help_text="Với acknowledge: cán bộ của cơ quan được đề nghị.")
    consulted_leaders = ids_field(required=False, help_text="Với acknowledge (đề nghị cho ý kiến): "
                                                            "lãnh đạo được hỏi ý kiến.")
    response_content = serializers.CharField(required=False, allow_blank=True,
                                             help_text="Với draft_response: nội dung dự thảo trả lời.")


class OfficersSerializer(serializers.Serializer):
    officers = ids_field()


class CommentInSerializer(serializers.Serializer):
    body = serializers.CharField(max_length=20_000)


class OpinionInSerializer(serializers.Serializer):
    content = serializers.CharField(max_length=20_000)
