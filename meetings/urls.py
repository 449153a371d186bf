from django.urls import path

from .views import calendar, meetings, minutes, notices

app_name = "meetings"

urlpatterns = [
    path("", meetings.meeting_list, name="meeting_list"),
    path("moi/", meetings.meeting_create, name="meeting_create"),
    path("<int:pk>/", meetings.meeting_detail, name="meeting_detail"),
    path("<int:pk>/sua/", meetings.meeting_edit, name="meeting_edit"),
    path("<int:pk>/huy/", meetings.meeting_cancel, name="meeting_cancel"),
    path("<int:pk>/noi-dung/them/", meetings.agenda_add, name="agenda_add"),
    path("<int:pk>/noi-dung/<int:item_pk>/xoa/", meetings.agenda_remove, name="agenda_remove"),
    path("<int:pk>/diem-danh/", meetings.attendance, name="attendance"),
    path("<int:pk>/tai-lieu/", meetings.document_add, name="meeting_document_add"),
    path("<int:pk>/lich-su/", meetings.meeting_history, name="meeting_history"),
    path("<int:pk>/cuoc-hop.ics", meetings.meeting_ics, name="meeting_ics"),
    path("<int:pk>/bien-ban/", minutes.minutes_edit, name="minutes_edit"),
    path("<int:pk>/bien-ban/trinh/", minutes.minutes_submit, name="minutes_submit"),
    path("<int:pk>/bien-ban/duyet/", minutes.minutes_approve, name="minutes_approve"),
    path("<int:pk>/bien-ban/tra-lai/", minutes.minutes_return, name="minutes_return"),
    path("<int:pk>/ket-luan/them/", minutes.conclusion_add, name="conclusion_add"),
    path("<int:pk>/ket-luan/<int:conclusion_pk>/xoa/", minutes.conclusion_remove, name="conclusion_remove"),
    path("<int:pk>/ket-luan/<int:conclusion_pk>/tao-de-nghi/", minutes.conclusion_create_request,
         name="conclusion_create_request"),
    path("lich/", calendar.calendar_month, name="calendar_month"),
    path("lich-cua-toi/", calendar.calendar_feed_settings, name="calendar_feed_settings"),
    path("lich-cua-toi/tao/", calendar.calendar_feed_regenerate, name="calendar_feed_regenerate"),
    path("lich-cua-toi/thu-hoi/", calendar.calendar_feed_revoke, name="calendar_feed_revoke"),
    path("lich/<str:token>.ics", calendar.calendar_feed, name="calendar_feed"),
    path("thong-bao/", notices.notice_list, name="notice_list"),
    path("thong-bao/moi/", notices.notice_create, name="notice_create"),
    path("thong-bao/<int:pk>/", notices.notice_detail, name="notice_detail"),
    path("thong-bao/<int:pk>/sua/", notices.notice_edit, name="notice_edit"),
    path("thong-bao/<int:pk>/gui/", notices.notice_send, name="notice_send"),
    path("thong-bao/<int:pk>/tai-lieu/", notices.notice_document_add, name="notice_document_add"),
    path("thong-bao/<int:pk>/lich-su/", notices.notice_history, name="notice_history"),
    path("thong-bao/lich-bao-cao/", notices.notice_schedule, name="notice_schedule"),
    path("thong-bao/lich-bao-cao/them/", notices.notice_schedule_add, name="notice_schedule_add"),
    path("thong-bao/lich-bao-cao/<int:pk>/tam-dung/", notices.notice_schedule_toggle, name="notice_schedule_toggle"),
]
