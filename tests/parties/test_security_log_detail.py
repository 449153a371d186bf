"""The security log's detail column reads as words, in the reader's language, not as developer text."""

from django.urls import reverse

from coordination.models import SecurityEvent

LOG = reverse("coordination:security_log")


def _details(client):
    return [e.detail_text for e in client.get(LOG).context["page"].object_list]


def test_a_hidden_object_is_named_by_its_kind_and_number(client_for, reg_admin):
    SecurityEvent.objects.create(kind=SecurityEvent.Kind.ACCESS_DENIED, detail="coordination.Document {'pk': 2}")
    client = client_for(reg_admin)
    html = client.get(LOG).content.decode()
    assert "Văn bản #2" in html and "{&#x27;pk&#x27;" not in html and "coordination.Document" not in html


def test_membership_changes_read_as_sentences(client_for, reg_admin):
    for detail in ["add lan BCSD:staff clearance=1", "change lan BCSD: staff/1 -> leader/2", "end lan DU:leader"]:
        SecurityEvent.objects.create(kind=SecurityEvent.Kind.PERMISSION_CHANGED, detail=detail)
    details = _details(client_for(reg_admin))
    assert "Kết thúc tư cách thành viên của lan tại Đảng ủy (Lãnh đạo)" in details
    assert any(d.startswith("Thay đổi lan tại Ban cán sự đảng từ Chuyên viên") for d in details)
    assert any(d.startswith("Thêm lan vào Ban cán sự đảng với vai trò Chuyên viên") for d in details)


def test_unknown_detail_is_shown_as_written(client_for, reg_admin):
    SecurityEvent.objects.create(kind=SecurityEvent.Kind.ACCESS_DENIED, detail="nothing.Known {'pk': 1}")
    assert "nothing.Known {'pk': 1}" in _details(client_for(reg_admin))
