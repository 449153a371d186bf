"""Reading pages: text at a date, anchors, search without diacritics, diff, live work, admin read-only."""

import re

import pytest
from django.contrib.admin.sites import site
from django.test import RequestFactory
from django.urls import reverse

from regulation import live_work, services
from regulation.models import Article, ChangeKind, Regulation

from .conftest import NEW_CLAUSE


def approve_both(amendment, bcsd_leader, du_leader, bcsd, du):
    services.amendment_approve(by=bcsd_leader, amendment=amendment, party=bcsd)
    services.amendment_approve(by=du_leader, amendment=amendment, party=du)


def test_regulation_page_has_toc_stable_anchors_bases_and_reconstruction_label(regulation, bcsd_staff, client_for):
    html = client_for(bcsd_staff).get(reverse("regulation:detail", args=[regulation.pk])).content.decode()
    for number in range(1, 11):
        assert f'id="dieu-{number}"' in html and f'href="#dieu-{number}"' in html
    assert 'id="dieu-2-khoan-4"' in html and 'id="dieu-3-khoan-3-diem-a"' in html
    assert "Quy định số 24-QĐ/TW ngày 30/7/2021" in html
    assert "29/08/2021" in html and "reg-source" in html
    assert "css/regulation.css" in html


def test_article_page_shows_its_area_and_live_work(regulation, bcsd_staff, client_for):
    def provider(user, number):
        return {"title": "t", "template": "regulation/_test_live_work.html", "number": number} if number == 5 else None

    live_work.register(provider)
    try:
        html = client_for(bcsd_staff).get(reverse("regulation:article", args=[regulation.pk, "5"])).content.decode()
    finally:
        live_work._providers.remove(provider)
    assert "Lãnh đạo công tác tổ chức, cán bộ" in html
    assert "live-work-for-article-5" in html


def test_article_in_force_shortcut_redirects_to_the_article(regulation, du_staff, client_for):
    response = client_for(du_staff).get(reverse("regulation:article_in_force", args=[6]))
    assert response.status_code == 302 and response.url == reverse("regulation:article", args=[regulation.pk, "6"])


def test_unknown_article_is_404(regulation, du_staff, client_for):
    assert client_for(du_staff).get(reverse("regulation:article", args=[regulation.pk, "99"])).status_code == 404


@pytest.mark.parametrize(("query", "expected"), [("phoi hop", "phối hợp"), ("dang uy", "Đảng ủy"),
                                                 ("DOAN THE", "đoàn thể"), ("khiếu nại", "khiếu nại")])
def test_search_ignores_diacritics_and_case(query, expected, regulation, du_staff, client_for):
    html = client_for(du_staff).get(reverse("regulation:search"), {"q": query}).content.decode()
    assert "<mark>" in html
    assert expected.lower() in html.lower()


def test_search_shows_nothing_to_someone_without_membership(regulation, outsider, client_for):
    html = client_for(outsider).get(reverse("regulation:search"), {"q": "phoi hop"}).content.decode()
    assert "<mark>" not in html


def test_text_in_force_on_a_date_and_earlier_versions_stay_readable(
        regulation, pending_amendment, bcsd_leader, du_leader, bcsd, du, client_for, bcsd_staff, in_days):
    pending_amendment.proposed_effective_on = in_days(5)
    pending_amendment.save()
    approve_both(pending_amendment, bcsd_leader, du_leader, bcsd, du)
    client = client_for(bcsd_staff)
    url = reverse("regulation:detail", args=[regulation.pk])
    assert NEW_CLAUSE not in client.get(url).content.decode()
    assert NEW_CLAUSE in client.get(url, {"ngay": in_days(5).isoformat()}).content.decode()
    assert NEW_CLAUSE not in client.get(url, {"ngay": "2022-01-01"}).content.decode()
    assert "không có hiệu lực" in client.get(url, {"ngay": "2020-01-01"}).content.decode()
    assert NEW_CLAUSE not in client.get(reverse("regulation:version", args=[regulation.pk, 1])).content.decode()
    assert NEW_CLAUSE in client.get(reverse("regulation:version", args=[regulation.pk, 2])).content.decode()


def test_diff_shows_exactly_the_change(regulation, pending_amendment, bcsd_leader, du_leader, bcsd, du,
                                       client_for, du_staff):
    approve_both(pending_amendment, bcsd_leader, du_leader, bcsd, du)
    html = client_for(du_staff).get(reverse("regulation:compare", args=[regulation.pk]),
                                    {"tu": 1, "den": 2}).content.decode()
    assert html.count('class="card reg-diff"') == 1 and 'id="dieu-8"' in html
    section = html.split('class="card reg-diff"', 1)[1]
    assert "<ins>" in section and "<del>" in section
    hidden = re.compile(r'<span class="visually-hidden">[^<]*</span>')
    inserted = " ".join(hidden.sub("", m) for m in re.findall(r"<ins>(.*?)</ins>", section))
    deleted = " ".join(hidden.sub("", m) for m in re.findall(r"<del>(.*?)</del>", section))
    assert " ".join(inserted.split()) == "qua hệ thống phần mềm phối hợp công tác"
    assert "sơ kết sáu tháng" in deleted and "Hai bên" not in deleted


def test_versions_page_lists_each_version_with_its_amendment_and_both_approvals(
        regulation, pending_amendment, bcsd_leader, du_leader, bcsd, du, client_for, du_staff):
    approve_both(pending_amendment, bcsd_leader, du_leader, bcsd, du)
    html = client_for(du_staff).get(reverse("regulation:versions", args=[regulation.pk])).content.decode()
    assert pending_amendment.title in html
    assert f"BCSĐ: {bcsd_leader.get_full_name()}" in html
    assert f"ĐU: {du_leader.get_full_name()}" in html


def test_amendment_page_previews_the_consolidated_result(draft_amendment, reg_admin, client_for):
    client = client_for(reg_admin)
    html = client.get(reverse("regulation:amendment", args=[draft_amendment.pk])).content.decode()
    assert "<ins>" in html and "Trình phê duyệt" in html
    preview = client.get(reverse("regulation:amendment_preview", args=[draft_amendment.pk])).content.decode()
    assert NEW_CLAUSE in preview


def test_adding_an_invalid_change_shows_a_message_and_saves_nothing(draft_amendment, reg_admin, client_for):
    response = client_for(reg_admin).post(reverse("regulation:change_add", args=[draft_amendment.pk]),
                                          {"kind": ChangeKind.REPLACE_CLAUSE, "article_key": "8", "clause_number": 9,
                                           "body": "x"})
    assert response.status_code == 200
    assert "không có khoản 9" in response.content.decode()
    assert draft_amendment.changes.count() == 1


def test_index_and_detail_use_a_constant_number_of_queries(regulation, reg_admin, client_for,
                                                           django_assert_max_num_queries, pending_amendment):
    client = client_for(reg_admin)
    with django_assert_max_num_queries(20):
        client.get(reverse("regulation:index"))
    with django_assert_max_num_queries(20):
        client.get(reverse("regulation:detail", args=[regulation.pk]))
    with django_assert_max_num_queries(20):
        client.get(reverse("regulation:amendment_list", args=[regulation.pk]))
    with django_assert_max_num_queries(20):
        client.get(reverse("regulation:versions", args=[regulation.pk]))


def test_django_admin_shows_text_in_force_read_only(regulation, admin_user):
    request = RequestFactory().get("/")
    request.user = admin_user
    article = Article.objects.filter(regulation=regulation).first()
    for model, obj in ((Article, article), (Regulation, regulation), (type(article.chapter), article.chapter)):
        model_admin = site._registry[model]
        assert not model_admin.has_change_permission(request, obj)
        assert not model_admin.has_delete_permission(request, obj)


def test_django_admin_allows_editing_a_draft(regulation, reg_admin, admin_user):
    draft = services.regulation_renew(by=reg_admin, regulation=regulation)
    request = RequestFactory().get("/")
    request.user = admin_user
    assert site._registry[Article].has_change_permission(request, draft.articles.first())


def test_daily_task_brings_due_amendments_into_force(regulation, pending_amendment, bcsd_leader, du_leader, bcsd,
                                                     du, in_days):
    from regulation.tasks import bring_amendments_into_force

    pending_amendment.proposed_effective_on = in_days(1)
    pending_amendment.save()
    approve_both(pending_amendment, bcsd_leader, du_leader, bcsd, du)
    assert bring_amendments_into_force.delay().get() == []


def test_shared_words_keep_the_regulation_meaning_in_vietnamese(regulation, pending_amendment, reg_admin, client_for):
    """Words other catalogues translate differently ("Changes" → "Thay đổi") use a context here."""
    html = client_for(reg_admin).get(reverse("regulation:amendment", args=[pending_amendment.pk])).content.decode()
    assert "Nội dung sửa đổi" in html and "Hình thức sửa đổi" not in html  # pending: no change form
    html = client_for(reg_admin).get(reverse("regulation:versions", args=[regulation.pk])).content.decode()
    assert "Thời gian có hiệu lực" in html
