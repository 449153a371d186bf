"""Member management by regulation admins, and memberships taking effect on the next request."""

import pytest
from django.urls import reverse
from django.utils import timezone

from coordination.models import Clearance, Membership, Role, SecurityEvent

pytestmark = pytest.mark.django_db


def test_admin_adds_a_new_user_as_du_staff_and_they_get_the_group(client_for, reg_admin, du, django_user_model):
    response = client_for(reg_admin).post(reverse("coordination:member_add"), {
        "username": "moi.chuyenvien", "first_name": "Mai", "last_name": "Vũ Thị", "email": "",
        "party": du.pk, "role": Role.STAFF, "position_title": "Chuyên viên", "clearance": Clearance.NONE,
    })
    assert response.status_code == 302
    user = django_user_model.objects.get(username="moi.chuyenvien")
    membership = Membership.objects.get(user=user)
    assert (membership.party, membership.role) == (du, Role.STAFF)
    assert list(user.groups.values_list("name", flat=True)) == ["party:DU:staff"]
    assert membership.history.first().history_user == reg_admin
    assert SecurityEvent.objects.filter(kind="permission_changed", user=reg_admin).exists()


def test_add_member_without_a_name_is_refused_and_changes_nothing(client_for, reg_admin, du):
    before = Membership.objects.count()
    response = client_for(reg_admin).post(reverse("coordination:member_add"), {
        "party": du.pk, "role": Role.STAFF, "clearance": 0,
    })
    assert response.status_code == 200
    assert "Hãy chọn người dùng đã có" in response.content.decode()
    assert Membership.objects.count() == before


def test_admin_of_one_body_cannot_add_to_the_other(client_for, make_member, bcsd, du, du_staff):
    admin = make_member("bcsd.admin", (bcsd, Role.ADMIN))
    response = client_for(admin).post(reverse("coordination:member_add"), {
        "existing_user": du_staff.pk, "party": du.pk, "role": Role.LEADER, "clearance": 0,
    })
    assert response.status_code == 200  # the body is not among the choices
    assert not Membership.objects.filter(user=du_staff, role=Role.LEADER).exists()


def test_ending_a_membership_takes_effect_on_the_members_next_request(client, reg_admin, make_member, bcsd):
    member = make_member("sap.nghi", (bcsd, Role.ADMIN))
    client.force_login(member)
    assert client.get(reverse("coordination:member_list")).status_code == 200
    membership = Membership.objects.get(user=member)

    client.force_login(reg_admin)
    assert client.post(reverse("coordination:member_end", args=[membership.pk])).status_code == 302

    client.force_login(member)
    assert client.get(reverse("coordination:member_list")).status_code == 403
    assert "Chưa có tư cách thành viên" in client.get("/").content.decode()
    assert not member.groups.filter(name__startswith="party:").exists()


def test_adding_a_membership_shows_on_the_users_next_request(client, reg_admin, du, outsider):
    client.force_login(outsider)
    assert "Chưa có tư cách thành viên" in client.get("/").content.decode()
    client.force_login(reg_admin)
    client.post(reverse("coordination:member_add"), {
        "existing_user": outsider.pk, "party": du.pk, "role": Role.LEADER, "clearance": Clearance.MAT,
    })
    client.force_login(outsider)
    assert "Lãnh đạo · Đảng ủy" in client.get("/").content.decode()


def test_membership_that_ended_yesterday_gives_nothing(client_for, make_member, bcsd):
    today = timezone.localdate()
    user = make_member("het.han", (bcsd, Role.ADMIN), active_from=today - timezone.timedelta(days=100),
                       active_to=today - timezone.timedelta(days=1))
    assert client_for(user).get(reverse("coordination:member_list")).status_code == 403


def test_changing_role_and_clearance_is_recorded_in_history(client_for, reg_admin, du_staff):
    membership = Membership.objects.get(user=du_staff)
    client_for(reg_admin).post(reverse("coordination:member_edit", args=[membership.pk]), {
        "role": Role.LEADER, "clearance": Clearance.TOI_MAT, "position_title": "Phó Bí thư", "unit": "",
    })
    membership.refresh_from_db()
    assert (membership.role, membership.clearance) == (Role.LEADER, Clearance.TOI_MAT)
    page = client_for(reg_admin).get(reverse("coordination:member_history", args=[membership.pk])).content.decode()
    assert page.count("<tr>") >= 3  # header, creation, change
    assert "Tối mật" in page


def test_member_list_query_count_does_not_grow_with_members(client_for, reg_admin, make_member, du,
                                                           django_assert_max_num_queries):
    for i in range(30):
        make_member(f"nhieu.{i}", (du, Role.STAFF))
    client = client_for(reg_admin)
    with django_assert_max_num_queries(8):
        response = client.get(reverse("coordination:member_list"))
    assert response.status_code == 200 and response.content.decode().count("nhieu.") == 30


def test_new_user_is_not_left_behind_when_adding_the_membership_fails(
    client_for, reg_admin, du, django_user_model, monkeypatch
):
    """The account and its membership are one use case: both are made, or neither."""
    from django.core.exceptions import ValidationError

    from coordination.services import parties as party_services

    def fail(**kwargs):
        raise ValidationError("membership refused")

    monkeypatch.setattr(party_services, "membership_add", fail)
    with pytest.raises(ValidationError):
        client_for(reg_admin).post(reverse("coordination:member_add"), {
            "username": "nua.chung", "first_name": "Lan", "last_name": "Đỗ", "email": "",
            "party": du.pk, "role": Role.STAFF, "position_title": "", "clearance": Clearance.NONE,
        })
    assert not django_user_model.objects.filter(username="nua.chung").exists()
