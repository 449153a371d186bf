"""The figures of the year against numbers counted by hand, on SQLite and PostgreSQL alike.

The data (now = 15/01/2027, areas: A = article 3, B = article 4):
  BCSĐ → ĐU (ĐU answers)
    r1 A sent 02/03/2026, deadline 09/03, answered 05/03 ............ on time, 3 days
    r2 A sent 01/04/2026, deadline 03/04, answered 10/04 ............ late, 9 days
    r3 A sent 04/05/2026, no deadline, answered 09/05 ............... on time, 5 days
    r4 B sent 20/12/2025, deadline 30/12/2025, answered 08/01/2026 .. across the year: late in 2026, 19 days
    r5 B sent 15/12/2026, answered 05/01/2027 ....................... still open at the end of 2026
  ĐU → BCSĐ (BCSĐ answers)
    r6 A sent Fri 13/02/2026, deadline 3 working days = 25/02 (Tết 16–20/02 and the weekend skipped),
       answered 25/02 ................................................ on time (late if calendar days counted), 12 days
    r7 A sent 01/06/2026, withdrawn 05/06 ............................ sent, never open at year end
    r8 A draft, never sent ........................................... nothing
"""

import datetime

import pytest

from coordination.models.requests import REQUESTED, REQUESTING, RequestState
from coordination.workdays import add_working_days
from meetings.evaluation.selectors.figures import compute
from meetings.evaluation.services.figures import snapshot_compute
from meetings.evaluation.services.opening import evaluation_open

from .factories import area, attach, local, make_meeting, make_notice, make_request

pytestmark = pytest.mark.django_db

NOW = local(2027, 1, 15)


@pytest.fixture
def data(bcsd, du, bcsd_staff, du_staff):
    tet_deadline = add_working_days(datetime.date(2026, 2, 13), 3)
    assert tet_deadline == datetime.date(2026, 2, 25)
    r = {
        "r1": make_request(bcsd, du, 3, sent=local(2026, 3, 2), deadline=datetime.date(2026, 3, 9),
                           answered=local(2026, 3, 5)),
        "r2": make_request(bcsd, du, 3, sent=local(2026, 4, 1), deadline=datetime.date(2026, 4, 3),
                           answered=local(2026, 4, 10)),
        "r3": make_request(bcsd, du, 3, sent=local(2026, 5, 4), answered=local(2026, 5, 9)),
        "r4": make_request(bcsd, du, 4, sent=local(2025, 12, 20), deadline=datetime.date(2025, 12, 30),
                           answered=local(2026, 1, 8)),
        "r5": make_request(bcsd, du, 4, sent=local(2026, 12, 15), answered=local(2027, 1, 5)),
        "r6": make_request(du, bcsd, 3, sent=local(2026, 2, 13), deadline=tet_deadline, answered=local(2026, 2, 25)),
        "r7": make_request(du, bcsd, 3, sent=local(2026, 6, 1), closed=local(2026, 6, 5), state=RequestState.WITHDRAWN),
        "r8": make_request(du, bcsd, 3),
    }
    attach(r["r1"], REQUESTING, bcsd, bcsd_staff)
    attach(r["r1"], REQUESTED, du, du_staff)
    attach(r["r2"], REQUESTED, du, du_staff)
    make_meeting(bcsd, bcsd_staff, local(2026, 3, 10), [3, 3, 4], minutes_approved_at=local(2026, 3, 20))
    make_meeting(du, du_staff, local(2026, 9, 1), [3], cancelled=True)
    make_meeting(du, du_staff, local(2026, 10, 1), [4], minutes_state="awaiting_approval")
    make_notice(bcsd, du, bcsd_staff, sent=local(2026, 4, 1))
    make_notice(bcsd, du, bcsd_staff, sent=local(2026, 7, 1))
    make_notice(bcsd, du, bcsd_staff, sent=local(2027, 1, 3))
    make_notice(du, bcsd, du_staff)
    return r


def _figures(regulation, system, year):
    evaluation, _ = evaluation_open(by=system, regulation=regulation, year=year)
    return compute(evaluation, now=NOW)


def cell(data, article, party):
    return data["cells"].get(f"{area(article).pk}:{party.pk}", {})


def test_requests_per_area_and_body_match_the_hand_count(data, regulation, system, bcsd, du):
    figures = _figures(regulation, system, 2026)
    assert cell(figures, 3, bcsd) | {} == {
        "sent": 3, "received": 2, "answered_on_time": 1, "answered_late": 0, "median_days": 12.0,
        "meetings_held": 1, "minutes_approved": 1, "documents_exchanged": 1,
    }
    a_du = cell(figures, 3, du)
    assert (a_du["sent"], a_du["received"], a_du["answered_on_time"], a_du["answered_late"]) == (2, 3, 2, 1)
    assert a_du["median_days"] == 5.0
    assert a_du["documents_exchanged"] == 2
    assert "still_open" not in a_du and "meetings_held" not in a_du


def test_a_request_across_the_year_boundary_counts_in_each_year_for_what_happened_then(data, regulation, system, bcsd,
                                                                                          du):
    b_du_2026 = cell(_figures(regulation, system, 2026), 4, du)
    assert b_du_2026["received"] == 1  # r5 only: r4 was sent in 2025
    assert b_du_2026["answered_late"] == 1 and b_du_2026["median_days"] == 19.0  # r4, answered 08/01/2026
    assert b_du_2026["still_open"] == 1  # r5, answered only in January 2027
    b_du_2025 = cell(_figures(regulation, system, 2025), 4, du)
    assert b_du_2025 == {"received": 1, "still_open": 1}  # r4 was still open on 31/12/2025
    assert cell(_figures(regulation, system, 2025), 4, bcsd) == {"sent": 1}


def test_a_working_day_deadline_over_tet_makes_the_answer_on_time(data, regulation, system, bcsd):
    a_bcsd = cell(_figures(regulation, system, 2026), 3, bcsd)
    assert a_bcsd["answered_on_time"] == 1 and a_bcsd.get("answered_late", 0) == 0


def test_body_totals_are_their_own_queries_not_sums_of_medians(data, regulation, system, bcsd, du):
    totals = _figures(regulation, system, 2026)["totals"]
    assert totals[str(bcsd.pk)] == {
        "sent": 4, "received": 2, "answered_on_time": 1, "answered_late": 0, "median_days": 12.0,
        "meetings_held": 1, "minutes_approved": 1, "notices_sent": 2, "documents_exchanged": 1,
    }
    du_totals = totals[str(du.pk)]
    assert (du_totals["sent"], du_totals["received"], du_totals["answered_on_time"]) == (2, 4, 2)
    assert (du_totals["answered_late"], du_totals["still_open"], du_totals["median_days"]) == (2, 1, 7.0)
    assert du_totals["meetings_held"] == 1  # the cancelled meeting does not count
    assert "minutes_approved" not in du_totals and "notices_sent" not in du_totals  # draft notice, unapproved minutes


def test_figures_are_a_fixed_number_of_queries_whatever_the_data(
        data, regulation, system, django_assert_max_num_queries):
    evaluation, _ = evaluation_open(by=system, regulation=regulation, year=2026)
    with django_assert_max_num_queries(22):
        compute(evaluation, now=NOW)


def test_recomputing_adds_a_dated_snapshot_and_keeps_the_old_one(data, regulation, system, bcsd, du):
    evaluation, _ = evaluation_open(by=system, regulation=regulation, year=2026)
    first = evaluation.snapshots.get()
    make_request(bcsd, du, 3, sent=local(2026, 11, 2))
    second = snapshot_compute(evaluation=evaluation, by=system, now=NOW)
    assert evaluation.snapshots.count() == 2 and second.computed_at >= first.computed_at
    assert second.data["cells"][f"{area(3).pk}:{bcsd.pk}"]["sent"] == 4
