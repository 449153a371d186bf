"""Drafts over the API: created and edited through the page's own RequestForm (built as `request_create` and
`request_edit` build it), then the same services, so the rules on bodies, officers and deadlines are one."""

from rest_framework import serializers

from ...forms.requests import RequestForm
from ...models import Confidentiality, ExchangeForm, RequestKind, Urgency
from ...services import requests as request_services
from ...views.requests import _form_kwargs as request_form_kwargs  # the page's bodies and officers on offer
from .forms import as_form_data, check_form, id_field, ids_field
from .serializers import RequestDetailSerializer

EDITABLE = ("requested_party", "area", "kind", "title", "content", "exchange_form", "reply_deadline", "urgency",
            "confidentiality")


def _as_submitted(req):
    """The draft as its edit page shows it (request_edit's `initial`), as the API would receive it."""
    data = {name: getattr(req, name) for name in EDITABLE}
    data["requested_party"], data["area"] = req.requested_party_id, req.area_id
    data["requesting_officers"] = list(req.requesting_officers.values_list("pk", flat=True))
    return data


class RequestWriteSerializer(serializers.Serializer):
    # The page's "New coordination request" / "Edit the draft" form (RequestForm); the docstring is the schema's.
    """Dự thảo đề nghị phối hợp, với cùng các quy tắc như biểu mẫu tạo / sửa dự thảo trên trang."""

    requesting_party = id_field(required=False, help_text="Cơ quan đề nghị (bỏ qua khi sửa dự thảo; khi tạo mới "
                                                           "có thể bỏ qua nếu người dùng chỉ thuộc một cơ quan).")
    requested_party = id_field(help_text="Cơ quan được đề nghị.")
    area = id_field(help_text="Lĩnh vực phối hợp.")
    kind = serializers.ChoiceField(choices=RequestKind.choices)
    title = serializers.CharField(max_length=300)
    content = serializers.CharField()
    exchange_form = serializers.ChoiceField(choices=ExchangeForm.choices, default=ExchangeForm.WRITING)
    reply_deadline = serializers.DateField(required=False, allow_null=True,
                                           help_text="Hạn trả lời (ngày); không dùng cùng reply_working_days.")
    reply_working_days = serializers.IntegerField(required=False, allow_null=True, min_value=1, max_value=120,
                                                  help_text="…hoặc số ngày làm việc kể từ hôm nay.")
    urgency = serializers.ChoiceField(choices=Urgency.choices, default=Urgency.NORMAL)
    confidentiality = serializers.ChoiceField(choices=Confidentiality.choices, default=Confidentiality.NORMAL)
    requesting_officers = ids_field(required=False, help_text="Cán bộ của cơ quan đề nghị được phân công.")

    def validate(self, attrs):
        request = self.context["request"]
        if self.instance is None:
            kwargs = request_form_kwargs(request)
            if "requesting_party" not in attrs and len(kwargs["parties"]) == 1:
                attrs = {**attrs, "requesting_party": kwargs["parties"][0].pk}  # the page preselects it too
            form = RequestForm(as_form_data(attrs), **kwargs)
        else:
            req = self.instance
            merged = {**_as_submitted(req), **attrs}
            if attrs.get("reply_working_days") and "reply_deadline" not in attrs:
                merged.pop("reply_deadline")  # the new count of days replaces the date kept on the draft
            form = RequestForm(as_form_data(merged), initial={"requesting_party": req.requesting_party},
                               **request_form_kwargs(request, req.requesting_party))
            form.fields["requesting_party"].disabled = True
        data = dict(check_form(form))
        data.pop("reply_working_days")
        if self.instance is not None:
            data.pop("requesting_party")
        return data

    def create(self, validated_data):
        return request_services.request_create(by=self.context["request"].user, **validated_data)

    def update(self, instance, validated_data):
        return request_services.request_update(by=self.context["request"].user, creq=instance, **validated_data)

    def to_representation(self, instance):
        return RequestDetailSerializer(instance, context=self.context).data
