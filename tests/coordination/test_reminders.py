"""The daily deadline reminder: due tomorrow (next working day) or overdue, once a day each."""

import datetime

from coordination.models import Notification
from coordination.models import RequestState as S
from coordination.services_requests import remind_deadlines
from coordination.tasks import remind_request_deadlines

from .helpers import advance


def test_reminders_go_once_a_day_to_the_requested_body(make_request, bcsd_staff, bcsd_leader, du_staff, du_leader):
    people = dict(a_staff=bcsd_staff, a_leader=bcsd_leader, b_staff=du_staff, b_leader=du_leader)
    friday = datetime.date(2026, 11, 27)
    due_monday = advance(make_request(bcsd_staff, title="Hạn thứ Hai", reply_deadline=datetime.date(2026, 11, 30)),
                         S.SENT, **people)
    overdue = advance(make_request(bcsd_staff, title="Quá hạn", reply_deadline=datetime.date(2026, 11, 20)),
                      S.ACKNOWLEDGED, **people)
    advance(make_request(bcsd_staff, title="Còn xa", reply_deadline=datetime.date(2026, 12, 20)), S.SENT, **people)
    before = Notification.objects.filter(recipient=du_staff).count()
    assert remind_deadlines(today=friday) == 2
    assert remind_deadlines(today=friday) == 0  # safe to run twice
    notes = Notification.objects.filter(recipient=du_staff).order_by("pk")[before:]
    subjects = sorted(n.subject for n in notes)
    assert subjects == [f"Hạn trả lời sắp đến: {due_monday.title}", f"Đã quá hạn trả lời: {overdue.title}"]
    assert remind_deadlines(today=friday + datetime.timedelta(days=3)) == 2  # a new day, reminded again


def test_the_task_runs_the_service(db):
    assert remind_request_deadlines.delay().get() == 0
