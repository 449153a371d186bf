"""Annual evaluations through the API: the page's figures and report, to exactly those the pages allow."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.settings import api_settings
from rest_framework.throttling import SimpleRateThrottle

from coordination.jobs import system_user
from coordination.models import CoordinationArea, SecurityEvent
from meetings.evaluation import selectors, services
from meetings.evaluation.services.opening import evaluation_open
from regulation.models import Regulation

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def default_rate_limits():
    """test_foundation's rate-limit test leaves its 3/min rate on the throttle class (it reloads the settings
    while they are still overridden); start every test here from the configured rate."""
    api_settings.reload()
    SimpleRateThrottle.THROTTLE_RATES = api_settings.DEFAULT_THROTTLE_RATES

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def denials():
    return SecurityEvent.objects.filter(kind=SecurityEvent.Kind.ACCESS_DENIED).count()


@pytest.fixture
def regulation(db):
    return Regulation.objects.filter(status=Regulation.Status.IN_FORCE).get()


@pytest.fixture
def evaluation(regulation, bcsd, du):
    evaluation, _created = evaluation_open(by=system_user(), regulation=regulation, year=2026)
    return evaluation


@pytest.fixture
def closed(evaluation, bcsd, du, bcsd_staff, du_staff, bcsd_leader, du_leader):
    """The evaluation brought to its end through the services, as the pages would."""
    for party, staff in ((bcsd, bcsd_staff), (du, du_staff)):
        part = evaluation.parts.get(party=party)
        services.assessment_save(by=staff, part=part, values={
            a.area_id: {"results": f"Kết quả {party.code}"} for a in evaluation.assessments.filter(party=party)})
        services.assessment_submit(by=staff, part=part)
    services.conclusion_save(
        by=bcsd_staff, evaluation=evaluation, conclusion="Hai bên thống nhất.", number_symbol="Số 01-BC/BCSĐ-ĐU",
        actions=[{"content": "Trao đổi thông tin hằng quý", "area": CoordinationArea.objects.get(article_number=8),
                  "owner_party": du, "deadline": datetime.date(2027, 3, 31)}],
    )
    services.evaluation_submit(by=bcsd_staff, evaluation=evaluation)
    evaluation.refresh_from_db()
    services.evaluation_approve(by=bcsd_leader, part=evaluation.parts.get(party=bcsd))
    services.evaluation_approve(by=du_leader, part=evaluation.parts.get(party=du))
    evaluation.refresh_from_db()
    return evaluation


def test_signed_out_calls_get_401(anon_api, evaluation):
    assert anon_api.get("/api/v1/evaluations/").status_code == 401
    assert anon_api.get(f"/api/v1/evaluations/{evaluation.pk}/report/").status_code == 401


def test_members_list_the_evaluations_and_an_outsider_is_refused(api_for, evaluation, du_staff, reg_admin,
                                                                  outsider, bcsd, du):
    body = api_for(du_staff).get("/api/v1/evaluations/").json()
    assert [e["id"] for e in body["results"]] == [evaluation.pk]
    assert [p["party"] for p in body["results"][0]["parts"]] == [bcsd.pk, du.pk]
    assert api_for(reg_admin).get("/api/v1/evaluations/").json()["count"] == 1
    before = denials()
    refused = api_for(outsider).get("/api/v1/evaluations/")
    assert refused.status_code == 403 and set(refused.json()) == {"detail", "errors"}
    assert denials() == before + 1


def test_an_outsider_gets_404_for_the_evaluation_and_its_report_logged(api_for, client_for, evaluation, outsider):
    assert client_for(outsider).get(f"/danh-gia/{evaluation.pk}/bao-cao.docx").status_code == 404  # as the page
    client, before = api_for(outsider), denials()
    assert client.get(f"/api/v1/evaluations/{evaluation.pk}/").status_code == 404
    report = client.get(f"/api/v1/evaluations/{evaluation.pk}/report/", HTTP_ACCEPT=DOCX)
    assert report.status_code == 404 and report["Content-Type"] == "application/json"
    assert report.json()["detail"]
    assert denials() == before + 2


def test_the_detail_carries_the_pages_figures_and_what_this_reader_may_do(api_for, evaluation, bcsd_staff, bcsd, du):
    response = api_for(bcsd_staff).get(f"/api/v1/evaluations/{evaluation.pk}/")
    assert response.status_code == 200 and response["ETag"]
    body = response.json()
    table = selectors.figures_table(selectors.latest_snapshot(evaluation))
    assert body["figures"]["parties"] == [p.pk for p in table["parties"]] == [bcsd.pk, du.pk]
    assert [row["area"] for row in body["figures"]["rows"]] == [row["area"].pk for row in table["rows"]]
    assert [t["sent"] for t in body["figures"]["totals"]] == [t.get("sent") for t in table["totals"]]
    assert {p["party"]: p["can_edit"] for p in body["parts"]} == {bcsd.pk: True, du.pk: False}
    assert len(body["assessments"]) == 2 * CoordinationArea.objects.count()
    assert body["can_edit_conclusion"] is True and body["ready_for_approval"] is False


def test_a_closed_evaluation_offers_its_follow_up_to_the_other_body_only(api_for, closed, bcsd_staff, du_staff):
    [action] = api_for(bcsd_staff).get(f"/api/v1/evaluations/{closed.pk}/").json()["actions"]
    assert action["can_make_request"] is True and action["request"] is None
    body = api_for(du_staff).get(f"/api/v1/evaluations/{closed.pk}/").json()
    assert body["state"] == "closed" and body["actions"][0]["can_make_request"] is False
    assert body["can_edit_conclusion"] is False and body["conclusion"] == "Hai bên thống nhất."


def test_the_report_is_the_pages_file(api_for, client_for, closed, du_staff):
    api = api_for(du_staff).get(f"/api/v1/evaluations/{closed.pk}/report/")
    page = client_for(du_staff).get(f"/danh-gia/{closed.pk}/bao-cao.docx")
    assert api.status_code == page.status_code == 200
    assert api["Content-Type"] == page["Content-Type"] == DOCX
    assert api["Content-Disposition"] == page["Content-Disposition"]
    assert api["Content-Disposition"] == 'attachment; filename="bao-cao-danh-gia-2026.docx"'
    assert api.content[:2] == b"PK" and len(api.content) == len(page.content)
    assert api_for(du_staff).get(f"/api/v1/evaluations/{closed.pk}/report/", HTTP_ACCEPT=DOCX).status_code == 200


@pytest.mark.parametrize("path", ["abc/", "99999999999999999999999/", "0/report/", "1.5/report/",
                                  "99999999999999999999999/report/"])
def test_junk_ids_answer_404_never_500(api_for, evaluation, du_staff, path):
    assert api_for(du_staff).get(f"/api/v1/evaluations/{path}").status_code == 404


@pytest.mark.parametrize("query", ["page=abc", "page_size=-1", "page=99999999999999999999", "state=nope"])
def test_junk_paging_never_500(api_for, evaluation, du_staff, query):
    assert api_for(du_staff).get(f"/api/v1/evaluations/?{query}").status_code == 200


def test_writes_are_not_offered(api_for, evaluation, bcsd_staff):
    client = api_for(bcsd_staff)
    assert client.post("/api/v1/evaluations/", {}, format="json").status_code == 405
    assert client.put(f"/api/v1/evaluations/{evaluation.pk}/", "x", content_type="text/plain").status_code in (405, 415)


def _queries(client, path):
    client.get(path)  # the token's first use is recorded once; measure the steady state
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def test_the_evaluation_list_does_not_query_per_row(api_for, regulation, du_staff, bcsd, du):
    system, client = system_user(), api_for(du_staff)
    for year in range(2000, 2005):
        evaluation_open(by=system, regulation=regulation, year=year)
    few = _queries(client, "/api/v1/evaluations/?page_size=100")
    for year in range(2005, 2050):
        evaluation_open(by=system, regulation=regulation, year=year)
    assert client.get("/api/v1/evaluations/?page_size=100").json()["count"] == 50
    assert _queries(client, "/api/v1/evaluations/?page_size=100") == few <= 12
