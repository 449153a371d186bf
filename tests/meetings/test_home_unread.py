"""The home page names the body whose notices are unread: "the other body" means nothing to a member of both."""

from django.urls import reverse

from meetings import services


def _send(by, sender, recipient, title):
    notice = services.notice_create(by=by, sender_party=sender, recipient_party=recipient, kind="other",
                                    title=title, summary="…")
    return services.notice_send(by=by, notice=notice)


def test_member_of_both_bodies_is_told_which_body_wrote(client_for, reg_admin, bcsd_staff, du_staff, bcsd, du):
    _send(bcsd_staff, bcsd, du, "Từ Ban cán sự đảng")
    _send(du_staff, du, bcsd, "Từ Đảng ủy 1")
    _send(du_staff, du, bcsd, "Từ Đảng ủy 2")
    html = client_for(reg_admin).get(reverse("home")).content.decode()
    assert "1 thông báo chưa đọc của Ban cán sự đảng" in html
    assert "2 thông báo chưa đọc của Đảng ủy" in html
    assert "bên kia" not in html


def test_member_of_one_body_sees_only_what_was_sent_to_it(client_for, bcsd_staff, du_staff, bcsd, du):
    _send(bcsd_staff, bcsd, du, "Từ Ban cán sự đảng")
    html = client_for(du_staff).get(reverse("home")).content.decode()
    assert "1 thông báo chưa đọc của Ban cán sự đảng" in html
    assert "chưa đọc" not in client_for(bcsd_staff).get(reverse("home")).content.decode()
