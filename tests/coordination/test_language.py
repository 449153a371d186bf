"""The interface language: Vietnamese whatever the browser says; English only when the person
chooses it, and then on every device they sign in from."""

import pytest
from django.test import Client
from django.urls import reverse

from coordination.models import UserPreference

ENGLISH_BROWSER = {"HTTP_ACCEPT_LANGUAGE": "en-US,en;q=0.9"}
PASSWORD = "x-test-password-1"


def _sign_in(client, user):
    response = client.post(reverse("login"), {"username": user.username, "password": PASSWORD}, **ENGLISH_BROWSER)
    assert response.status_code == 302, "signed in"
    return client


def _lang(response):
    html = response.content.decode()
    assert response.status_code == 200
    return html.split('<html lang="', 1)[1].split('"', 1)[0]


@pytest.mark.django_db
def test_english_browser_gets_vietnamese_sign_in_page(client):
    response = client.get(reverse("login"), **ENGLISH_BROWSER)
    assert _lang(response) == "vi"
    assert "Đăng nhập" in response.content.decode()


@pytest.mark.django_db
def test_english_browser_gets_vietnamese_pages_after_sign_in(client, bcsd_leader):
    _sign_in(client, bcsd_leader)
    response = client.get("/", **ENGLISH_BROWSER)
    assert _lang(response) == "vi"
    assert "Đăng xuất" in response.content.decode()


@pytest.mark.django_db
def test_choosing_english_is_remembered_on_another_device(client, du_staff):
    _sign_in(client, du_staff)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert _lang(client.get("/")) == "en"
    assert UserPreference.objects.get(user=du_staff).language == "en"

    other_device = _sign_in(Client(), du_staff)  # no language cookie, a Vietnamese browser or none
    response = other_device.get("/")
    assert _lang(response) == "en"
    assert "Staff · Party Executive Committee" in response.content.decode()


@pytest.mark.django_db
def test_choosing_vietnamese_again_is_remembered_too(client, du_staff):
    _sign_in(client, du_staff)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    client.post(reverse("set_language"), {"language": "vi", "next": "/"})
    assert _lang(_sign_in(Client(), du_staff).get("/", **ENGLISH_BROWSER)) == "vi"
    assert UserPreference.history.filter(user=du_staff).count() == 2, "each change is in the history"


@pytest.mark.django_db
def test_one_persons_english_does_not_carry_over_to_the_next_person_on_the_same_device(client, du_staff, bcsd_staff):
    _sign_in(client, du_staff)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    client.post(reverse("logout"))
    _sign_in(client, bcsd_staff)
    assert _lang(client.get("/")) == "vi"


@pytest.mark.django_db
def test_english_chosen_before_signing_in_shows_the_sign_in_page_in_english(client):
    client.post(reverse("set_language"), {"language": "en", "next": reverse("login")})
    assert _lang(client.get(reverse("login"), **ENGLISH_BROWSER)) == "en"
    assert not UserPreference.objects.exists(), "nobody to remember it for"
