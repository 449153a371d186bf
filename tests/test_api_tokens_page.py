"""The “API tokens” page: a person makes a token (its secret shown once), sees and revokes their own; a regulation
admin sees and revokes anyone's, and that is logged. Also the read-only admin, which never shows a secret."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from coordination.models import ApiToken, SecurityEvent
from coordination.services.tokens import token_create

pytestmark = pytest.mark.django_db

PAGE = reverse("coordination:token_list")


def _revoke_url(token):
    return reverse("coordination:token_revoke", args=[token.pk])


def _api(secret):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {secret}")
    return client


def test_the_page_is_in_vietnamese_and_links_to_the_api_documentation(client_for, bcsd_staff):
    html = client_for(bcsd_staff).get(PAGE).content.decode()
    assert "<h1>Khóa API</h1>" in html and 'href="/api/v1/docs/"' in html


def test_the_header_and_home_page_link_to_the_page(client_for, bcsd_staff):
    html = client_for(bcsd_staff).get("/").content.decode()
    assert html.count(f'href="{PAGE}"') == 2


def test_a_new_token_is_shown_once_and_works(client_for, bcsd_staff):
    client = client_for(bcsd_staff)
    response = client.post(PAGE, {"name": "Kết nối e-office"})
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    token = ApiToken.objects.get(user=bcsd_staff)
    secret = response.context["secret"]
    html = response.content.decode()
    assert secret.startswith(f"qc_{token.lookup}_") and secret in html
    assert "chỉ hiện một lần" in html  # the warning
    assert secret not in token.key_digest and token.name == "Kết nối e-office"
    assert _api(secret).get("/api/v1/me/").json()["username"] == "bcsd.staff"
    again = client.get(PAGE).content.decode()
    assert secret not in again and f"qc_{token.lookup}…" in again and "Kết nối e-office" in again


@pytest.mark.parametrize("name", ["", "   ", "x" * 101])
def test_a_token_needs_a_name_of_sensible_length(client_for, bcsd_staff, name):
    response = client_for(bcsd_staff).post(PAGE, {"name": name})
    assert response.status_code == 200 and response.context["secret"] is None
    assert response.context["form"].errors and not ApiToken.objects.exists()


def test_signed_out_visitors_are_sent_to_sign_in(client):
    assert client.get(PAGE).status_code == 302
    assert client.post(PAGE, {"name": "x"}).status_code == 302 and not ApiToken.objects.exists()


def test_a_person_sees_only_their_own_tokens(client_for, bcsd_staff, du_staff):
    token_create(by=du_staff, name="Báo cáo của Đảng ủy")
    html = client_for(bcsd_staff).get(PAGE).content.decode()
    assert "Báo cáo của Đảng ủy" not in html and "Chưa có khóa API nào" in html


def test_revoking_ones_own_token_stops_it_at_once(client_for, bcsd_staff):
    token, secret = token_create(by=bcsd_staff, name="Thử nghiệm")
    response = client_for(bcsd_staff).post(_revoke_url(token))
    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None and token.revoked_by == bcsd_staff
    assert _api(secret).get("/api/v1/me/").status_code == 401
    assert not SecurityEvent.objects.filter(kind=SecurityEvent.Kind.PERMISSION_CHANGED).exists()


def test_nobody_but_an_admin_revokes_another_persons_token(client_for, bcsd_staff, bcsd_leader):
    token, secret = token_create(by=bcsd_staff, name="Kết nối")
    response = client_for(bcsd_leader).post(_revoke_url(token))
    assert response.status_code == 404
    token.refresh_from_db()
    assert token.is_active and _api(secret).get("/api/v1/me/").status_code == 200
    assert SecurityEvent.objects.filter(kind=SecurityEvent.Kind.ACCESS_DENIED, user=bcsd_leader).exists()


def test_revoking_needs_a_post(client_for, bcsd_staff):
    token, _secret = token_create(by=bcsd_staff, name="Kết nối")
    assert client_for(bcsd_staff).get(_revoke_url(token)).status_code == 405
    token.refresh_from_db()
    assert token.is_active


def test_an_admin_sees_everyones_active_tokens_and_revokes_one_logged(client_for, reg_admin, bcsd_staff, du_staff):
    leaked, secret = token_create(by=bcsd_staff, name="Khóa bị lộ")
    old, _ = token_create(by=du_staff, name="Khóa cũ")
    old.revoked_at = old.created_at
    old.save()
    client = client_for(reg_admin)
    html = client.get(PAGE).content.decode()
    assert "Khóa bị lộ" in html and "bcsd.staff" in html and "Khóa cũ" not in html
    assert client.post(_revoke_url(leaked)).status_code == 302
    leaked.refresh_from_db()
    assert leaked.revoked_by == reg_admin and _api(secret).get("/api/v1/me/").status_code == 401
    event = SecurityEvent.objects.get(kind=SecurityEvent.Kind.PERMISSION_CHANGED)
    assert event.user == reg_admin and "bcsd.staff" in event.detail


def test_the_revoked_owner_sees_who_revoked_it(client_for, reg_admin, bcsd_staff):
    token, _ = token_create(by=bcsd_staff, name="Kết nối")
    client_for(reg_admin).post(_revoke_url(token))
    html = client_for(bcsd_staff).get(PAGE).content.decode()
    assert "Đã thu hồi" in html and reg_admin.get_full_name() in html


def test_the_admin_site_lists_tokens_read_only_without_secrets(client, django_user_model, bcsd_staff):
    token, secret = token_create(by=bcsd_staff, name="Kết nối")
    root = django_user_model.objects.create_superuser("root", "root@example.test", "x-test-password-1")
    client.force_login(root)
    listing = client.get(reverse("admin:coordination_apitoken_changelist"))
    change = client.get(reverse("admin:coordination_apitoken_change", args=[token.pk]))
    assert listing.status_code == 200 and change.status_code == 200
    for page in (listing, change):
        html = page.content.decode()
        assert token.key_digest not in html and secret not in html
    assert f"qc_{token.lookup}…" in change.content.decode()
    assert client.get(reverse("admin:coordination_apitoken_add")).status_code == 403
    delete = reverse("admin:coordination_apitoken_delete", args=[token.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    assert ApiToken.objects.filter(pk=token.pk).exists()


def test_only_the_api_documentation_lets_in_data_images_and_it_has_no_inline_style(client_for, bcsd_staff):
    client = client_for(bcsd_staff)
    docs = client.get("/api/v1/docs/")
    policy = docs["Content-Security-Policy"]
    assert "img-src 'self' data:" in policy and "unsafe-inline" not in policy
    assert b"<style" not in docs.content and b"/static/css/swagger" in docs.content
    assert "data:" not in client.get(PAGE)["Content-Security-Policy"]


def test_active_tokens_come_first_then_the_revoked_ones(client_for, bcsd_staff):
    old, _ = token_create(by=bcsd_staff, name="Khóa cũ")
    kept, _ = token_create(by=bcsd_staff, name="Khóa đang dùng")
    revoked, _ = token_create(by=bcsd_staff, name="Khóa mới thu hồi")
    client = client_for(bcsd_staff)
    for token in (old, revoked):
        client.post(_revoke_url(token))
    shown = list(client.get(PAGE).context["tokens"].object_list)
    assert shown == [kept, revoked, old]
