"""The regulation through /api/v1/, seen from a client: it shows and decides exactly what the pages do.

Rows of docs/permissions.md ("The regulation"): reading the regulation, a draft regulation, an amendment
(draft/pending vs approved), approving or returning an amendment or a draft for a body."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from coordination.models import SecurityEvent
from regulation import services
from regulation.models import Amendment, ChangeKind, Decision, Regulation
from regulation.services.visibility import grant_regulation_readers

pytestmark = pytest.mark.django_db

NEW_CLAUSE = "Hai bên gửi cho nhau báo cáo qua hệ thống phần mềm phối hợp công tác, trừ tài liệu mật."


@pytest.fixture
def regulation(db):
    return Regulation.objects.get(term_start=2020, term_end=2025)


@pytest.fixture
def amendment_of(regulation, reg_admin):
    def make(title, *, submit=True, effective_on=None):
        amendment = services.amendment_create(
            by=reg_admin, regulation=regulation, title=title, rationale="Lý do",
            proposed_effective_on=effective_on or timezone.localdate())
        services.amendment_add_change(by=reg_admin, amendment=amendment, kind=ChangeKind.REPLACE_CLAUSE,
                                      article_key="8", clause_number=3, body=NEW_CLAUSE)
        if submit:
            services.amendment_submit(by=reg_admin, amendment=amendment)
        return amendment

    return make


@pytest.fixture
def world(regulation, amendment_of, reg_admin, bcsd_leader, du_leader, bcsd, du):
    in_force = amendment_of("Đã có hiệu lực")
    services.amendment_approve(by=bcsd_leader, amendment=in_force, party=bcsd)
    services.amendment_approve(by=du_leader, amendment=in_force, party=du)
    return {"draft": amendment_of("Dự thảo", submit=False), "pending": amendment_of("Chờ duyệt"),
            "in_force": in_force, "draft_regulation": services.regulation_renew(by=reg_admin, regulation=regulation)}


def denied_logged():
    return SecurityEvent.objects.filter(kind=SecurityEvent.Kind.ACCESS_DENIED).count()


def ids(response):
    body = response.json()
    return {row["id"] for row in (body["results"] if isinstance(body, dict) else body)}


# ---- regulations ----------------------------------------------------------------------------------

def test_signed_out_gets_401(anon_api, regulation):
    assert anon_api.get("/api/v1/regulations/").status_code == 401
    assert anon_api.get(f"/api/v1/regulations/{regulation.pk}/text/").status_code == 401


def test_staff_list_the_regulation_in_force_but_not_the_new_terms_draft(world, regulation, api_for, bcsd_staff,
                                                                       du_leader, outsider):
    draft = world["draft_regulation"]
    assert ids(api_for(bcsd_staff).get("/api/v1/regulations/")) == {regulation.pk}
    assert ids(api_for(du_leader).get("/api/v1/regulations/")) == {regulation.pk, draft.pk}
    assert ids(api_for(du_leader).get("/api/v1/regulations/?status=draft")) == {draft.pk}
    assert ids(api_for(outsider).get("/api/v1/regulations/")) == set()


def test_a_draft_regulation_fetched_by_staff_is_404_and_logged(world, api_for, du_staff, bcsd_leader):
    url = f"/api/v1/regulations/{world['draft_regulation'].pk}/"
    before = denied_logged()
    for path in ("", "text/", "versions/", "articles/9/"):
        response = api_for(du_staff).get(url + path)
        assert response.status_code == 404 and set(response.json()) == {"detail", "errors"}
    assert denied_logged() == before + 4
    assert api_for(bcsd_leader).get(url).status_code == 200


def test_regulation_detail_has_an_etag_and_today_s_version(regulation, api_for, du_staff):
    response = api_for(du_staff).get(f"/api/v1/regulations/{regulation.pk}/")
    body = response.json()
    assert response.status_code == 200 and response["ETag"].startswith('"')
    assert body["status"] == "in_force" and body["current_version"]["number"] == 1
    assert body["decide_for"] == [] and len(body["issuing_parties"]) == 2


def _page_chapters(client, regulation, day=None):
    """The chapters the reading page renders for `day`, in the API's shape (area as its id)."""
    url = reverse("regulation:detail", args=[regulation.pk])
    context = client.get(url, {"ngay": day.isoformat()} if day else {}).context
    return [{"number": c["number"], "roman": c["roman"], "title": c["title"], "articles": [
        {"key": a["key"], "number": a["number"], "suffix": a["suffix"], "title": a["title"], "repealed": a["repealed"],
         "intro": a["intro"], "clauses": a["clauses"], "area": a["area"].pk if a["area"] else None}
        for a in c["articles"]]} for c in context["chapters"] or []]


def test_text_on_a_date_is_what_the_reading_page_shows_for_that_date(
        regulation, amendment_of, bcsd_leader, du_leader, bcsd, du, bcsd_staff, api_for, client_for):
    later = timezone.localdate() + datetime.timedelta(days=5)
    amendment = amendment_of("Sửa khoản 3 Điều 8", effective_on=later)
    services.amendment_approve(by=bcsd_leader, amendment=amendment, party=bcsd)
    services.amendment_approve(by=du_leader, amendment=amendment, party=du)
    api, page = api_for(bcsd_staff), client_for(bcsd_staff)
    for day, version, has_new_clause in ((None, 1, False), (later, 2, True), (datetime.date(2022, 1, 1), 1, False)):
        query = f"?on={day.isoformat()}" if day else ""
        body = api.get(f"/api/v1/regulations/{regulation.pk}/text/{query}").json()
        assert body["version"]["number"] == version and body["message"] == ""
        assert body["chapters"] == _page_chapters(page, regulation, day)
        assert (NEW_CLAUSE in str(body["chapters"])) is has_new_clause
    article = api.get(f"/api/v1/regulations/{regulation.pk}/articles/8/?on={later.isoformat()}").json()
    assert article["chapter"] == 2 and article["changed_in"] == [1, 2]
    assert article["article"]["clauses"][2]["text"] == NEW_CLAUSE


def test_before_the_regulation_took_effect_the_text_is_empty_and_explained(regulation, api_for, du_staff):
    response = api_for(du_staff).get(f"/api/v1/regulations/{regulation.pk}/text/?on=2020-01-01")
    body = response.json()
    assert response.status_code == 200 and body["version"] is None and body["chapters"] == []
    assert "01/01/2020" in body["message"]


@pytest.mark.parametrize("day", ["2024-13-45", "hôm qua", "0", "9" * 300, "2024-02-30T00:00"])
def test_a_bad_date_is_400_in_the_error_format(day, regulation, api_for, du_staff):
    response = api_for(du_staff).get(f"/api/v1/regulations/{regulation.pk}/text/", {"on": day})
    assert response.status_code == 400 and "on" in response.json()["errors"]


def test_a_leader_reads_the_draft_text_of_a_new_term(world, api_for, bcsd_leader):
    body = api_for(bcsd_leader).get(f"/api/v1/regulations/{world['draft_regulation'].pk}/text/?on=2000-01-01").json()
    assert body["is_draft"] and body["version"] is None and body["chapters"] and body["message"]


def test_versions_and_a_version_s_text(world, regulation, api_for, du_staff):
    api = api_for(du_staff)
    versions = api.get(f"/api/v1/regulations/{regulation.pk}/versions/").json()
    assert [v["number"] for v in versions] == [1, 2]
    assert versions[1]["amendment"] == world["in_force"].pk and len(versions[1]["decisions"]) == 2
    assert versions[0]["valid_to"] == versions[1]["valid_from"] and versions[1]["is_current"]
    assert NEW_CLAUSE in str(api.get(f"/api/v1/regulations/{regulation.pk}/versions/2/").json()["chapters"])
    assert api.get(f"/api/v1/regulations/{regulation.pk}/versions/99999/").status_code == 404
    assert api.get(f"/api/v1/regulations/{regulation.pk}/articles/99/").status_code == 404


def test_search_ignores_accents_and_never_shows_drafts(world, regulation, api_for, bcsd_leader, outsider):
    hits = api_for(bcsd_leader).get("/api/v1/regulations/search/", {"q": "PHOI HOP"}).json()
    assert hits and {h["regulation"] for h in hits} == {regulation.pk}
    assert api_for(outsider).get("/api/v1/regulations/search/", {"q": "phoi hop"}).json() == []
    for junk in ({}, {"q": "x" * 201}):
        assert api_for(bcsd_leader).get("/api/v1/regulations/search/", junk).status_code == 400
    for no_word in ("", "   ", "\u0097", "…"):
        assert api_for(bcsd_leader).get("/api/v1/regulations/search/", {"q": no_word}).json() == []


# ---- amendments -----------------------------------------------------------------------------------

def test_staff_list_only_approved_amendments_leaders_follow_them_all(world, api_for, bcsd_staff, du_leader,
                                                                      reg_admin, outsider):
    every = {world["draft"].pk, world["pending"].pk, world["in_force"].pk}
    assert ids(api_for(bcsd_staff).get("/api/v1/amendments/")) == {world["in_force"].pk}
    assert ids(api_for(du_leader).get("/api/v1/amendments/")) == every
    assert ids(api_for(reg_admin).get("/api/v1/amendments/?status=pending")) == {world["pending"].pk}
    assert ids(api_for(outsider).get("/api/v1/amendments/")) == set()


def test_a_pending_amendment_fetched_by_staff_is_404_and_logged(world, api_for, du_staff, du_leader, du):
    before = denied_logged()
    assert api_for(du_staff).get(f"/api/v1/amendments/{world['pending'].pk}/").status_code == 404
    assert denied_logged() == before + 1
    response = api_for(du_leader).get(f"/api/v1/amendments/{world['pending'].pk}/")
    body = response.json()
    assert response.status_code == 200 and response["ETag"]
    assert body["status"] == "pending" and body["decide_for"] == [du.pk] and len(body["changes"]) == 1
    assert [s["decision"] for s in body["approval_state"]] == [None, None]


def test_the_preview_is_the_consolidated_text_the_leaders_approve(world, api_for, client_for, bcsd_leader, du_staff):
    pending = world["pending"]
    body = api_for(bcsd_leader).get(f"/api/v1/amendments/{pending.pk}/preview/").json()
    page = client_for(bcsd_leader).get(reverse("regulation:amendment_preview", args=[pending.pk])).context
    assert body["problem"] is None and NEW_CLAUSE in str(body["chapters"])
    assert [a["title"] for c in body["chapters"] for a in c["articles"]] == [
        a["title"] for c in page["chapters"] for a in c["articles"]]
    assert api_for(du_staff).get(f"/api/v1/amendments/{pending.pk}/preview/").status_code == 404


def decide(client, amendment, party, action="approve", comment="", **headers):
    return client.post(f"/api/v1/amendments/{amendment.pk}/decisions/",
                       {"party": party.pk, "action": action, "comment": comment}, format="json", **headers)


def test_each_leader_approves_for_their_own_body_and_the_amendment_comes_into_force(
        world, api_for, bcsd_leader, du_leader, bcsd, du):
    pending = world["pending"]
    first = decide(api_for(bcsd_leader), pending, bcsd)
    assert first.status_code == 201 and first.json()["status"] == "pending" and first["ETag"]
    second = decide(api_for(du_leader), pending, du, comment="Đồng ý.")
    assert second.status_code == 201 and second.json()["status"] == "in_force"
    assert second.json()["version"] == 3


def test_a_leader_cannot_decide_for_the_other_body_nor_an_admin_nor_twice(
        world, api_for, bcsd_leader, du_leader, reg_admin, bcsd, du):
    pending, before = world["pending"], denied_logged()
    assert decide(api_for(bcsd_leader), pending, du).status_code == 403
    assert decide(api_for(reg_admin), pending, bcsd).status_code == 403
    assert decide(api_for(bcsd_leader), pending, bcsd).status_code == 201
    again = decide(api_for(bcsd_leader), pending, bcsd)  # the same person, the same round: the page's 403
    assert again.status_code == 403 and set(again.json()) == {"detail", "errors"}
    assert denied_logged() == before + 3
    assert Decision.objects.filter(amendment=pending).count() == 1


def test_an_unknown_body_is_refused_as_on_the_page(world, api_for, bcsd_leader):
    before = denied_logged()
    assert decide(api_for(bcsd_leader), world["pending"], type("P", (), {"pk": 999999})).status_code == 403
    assert denied_logged() == before + 1 and not world["pending"].decisions.exists()


def test_staff_cannot_even_see_a_pending_amendment_to_decide_on_it(world, api_for, bcsd_staff, bcsd):
    assert decide(api_for(bcsd_staff), world["pending"], bcsd).status_code == 404


def test_deciding_when_nothing_awaits_a_decision_is_409_for_a_leader_403_for_others(
        world, api_for, bcsd_leader, bcsd_staff, bcsd):
    for amendment in (world["in_force"], world["draft"]):
        response = decide(api_for(bcsd_leader), amendment, bcsd)
        assert response.status_code == 409 and "chờ phê duyệt" in response.json()["detail"]
    before = denied_logged()
    assert decide(api_for(bcsd_staff), world["in_force"], bcsd).status_code == 403
    assert denied_logged() == before + 1


def test_returning_needs_a_comment_and_then_goes_back_to_draft(world, api_for, du_leader, du):
    pending = world["pending"]
    refused = decide(api_for(du_leader), pending, du, action="return")
    assert refused.status_code == 400 and refused.json()["errors"]
    pending.refresh_from_db()
    assert pending.status == Amendment.Status.PENDING and not pending.decisions.exists()
    returned = decide(api_for(du_leader), pending, du, action="return", comment="Cần sửa lại.")
    assert returned.status_code == 201 and returned.json()["status"] == "draft"


def test_a_stale_if_match_changes_nothing(world, api_for, bcsd_leader, du_leader, bcsd, du):
    pending = world["pending"]
    client = api_for(du_leader)
    etag = client.get(f"/api/v1/amendments/{pending.pk}/")["ETag"]
    assert decide(api_for(bcsd_leader), pending, bcsd).status_code == 201
    assert decide(client, pending, du, HTTP_IF_MATCH=etag).status_code == 412
    assert Decision.objects.filter(amendment=pending).count() == 1
    fresh = client.get(f"/api/v1/amendments/{pending.pk}/")["ETag"]
    assert decide(client, pending, du, HTTP_IF_MATCH=fresh).status_code == 201


def test_a_decision_through_the_api_leaves_the_history_the_page_leaves(
        amendment_of, api_for, client_for, bcsd_leader, du_leader, bcsd, du):
    by_page, by_api = amendment_of("Qua trang"), amendment_of("Qua API")
    client_for(bcsd_leader).post(reverse("regulation:amendment_approve", args=[by_page.pk]), {"party": bcsd.pk})
    decide(api_for(bcsd_leader), by_api, bcsd)

    def trail(amendment):
        return ([(h.status, h.history_change_reason, h.history_user_id) for h in amendment.history.order_by("pk")],
                [(d.party_id, d.kind, d.by_id, d.round) for d in amendment.decisions.all()])

    assert trail(by_page) == trail(by_api)


# ---- adoption of a new term's draft ---------------------------------------------------------------

def test_leaders_adopt_a_new_term_s_draft_for_their_bodies(world, api_for, reg_admin, bcsd_leader, du_leader,
                                                          bcsd, du, regulation):
    draft = world["draft_regulation"]
    url = f"/api/v1/regulations/{draft.pk}/decisions/"
    assert api_for(bcsd_leader).post(url, {"party": bcsd.pk, "action": "approve"}, format="json").status_code == 409
    services.regulation_submit_draft(by=reg_admin, regulation=draft)
    assert api_for(du_leader).post(url, {"party": bcsd.pk, "action": "approve"}, format="json").status_code == 403
    assert api_for(reg_admin).post(url, {"party": bcsd.pk, "action": "approve"}, format="json").status_code == 403
    assert api_for(bcsd_leader).post(url, {"party": bcsd.pk, "action": "approve"}, format="json").status_code == 201
    adopted = api_for(du_leader).post(url, {"party": du.pk, "action": "approve"}, format="json")
    assert adopted.status_code == 201 and adopted.json()["status"] == "in_force"
    regulation.refresh_from_db()
    assert regulation.status == Regulation.Status.SUPERSEDED


# ---- junk and query budgets -----------------------------------------------------------------------

@pytest.mark.parametrize("body", [
    {}, {"party": "abc", "action": "approve"}, {"party": 10**30, "action": "approve"}, {"party": -1, "action": "x"},
    {"party": 1, "action": "explode"},
    {"action": "approve"}, {"party": None, "action": None}, {"party": [1], "action": {"a": 1}}, [1, 2], "text",
])
def test_junk_decisions_are_400_and_change_nothing(body, world, api_for, bcsd_leader):
    pending = world["pending"]
    response = api_for(bcsd_leader).post(f"/api/v1/amendments/{pending.pk}/decisions/", body, format="json")
    assert response.status_code == 400 and response.json()["errors"]
    assert not pending.decisions.exists()


@pytest.mark.parametrize("path", [
    "/api/v1/regulations/abc/", "/api/v1/regulations/99999999999999999999999/", "/api/v1/regulations/-1/",
    "/api/v1/amendments/99999999999999999999999/", "/api/v1/regulations/?status=nope",
    "/api/v1/regulations/?page=abc&page_size=-5", "/api/v1/amendments/?regulation=abc",
    "/api/v1/amendments/?regulation=99999999999999999999999", "/api/v1/amendments/?status=%00",
    "/api/v1/regulations/{pk}/articles/99999/", "/api/v1/regulations/{pk}/articles/8zz/",
    "/api/v1/regulations/{pk}/versions/99999/", "/api/v1/regulations/{pk}/text/?on=%00",
    "/api/v1/regulations/search/?q=%00", "/api/v1/regulations/99999999999999999999999/decisions/",
])
def test_junk_urls_never_give_a_server_error(path, regulation, api_for, bcsd_leader):
    client = api_for(bcsd_leader)
    url = path.format(pk=regulation.pk)
    assert client.get(url).status_code < 500
    assert client.post(url, "<xml/>", content_type="application/xml").status_code < 500


def _more_regulations(count, parties):
    for year in range(count):
        regulation = Regulation.objects.create(title=f"Quy chế {year}", term_start=1900 + year,
                                               term_end=1905 + year, status=Regulation.Status.SUPERSEDED)
        regulation.issuing_parties.set(parties)
        grant_regulation_readers(regulation)


def _queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_list_queries_do_not_grow_with_rows(regulation, amendment_of, api_for, du_leader, bcsd, du,
                                            django_assert_max_num_queries):
    client = api_for(du_leader)
    _more_regulations(4, [bcsd, du])
    for _ in range(5):
        amendment_of("Một")
    few = {url: _queries(client, url) for url in ("/api/v1/regulations/", "/api/v1/amendments/")}
    _more_regulations(45, [bcsd, du])
    for _ in range(45):
        amendment_of("Nhiều")
    for url, count in few.items():
        with django_assert_max_num_queries(count):
            body = client.get(url + "?page_size=100").json()
        assert body["count"] >= 50
    assert max(few.values()) <= 12
