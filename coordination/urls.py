from django.urls import path

from .views import documents as document_views
from .views import jobs as job_views
from .views import members as member_views
from .views import requests as request_views
from .views import tokens as token_views

app_name = "coordination"

urlpatterns = [
    path("thanh-vien/", member_views.member_list, name="member_list"),
    path("thanh-vien/them/", member_views.member_add, name="member_add"),
    path("thanh-vien/<int:pk>/sua/", member_views.member_edit, name="member_edit"),
    path("thanh-vien/<int:pk>/ket-thuc/", member_views.member_end, name="member_end"),
    path("thanh-vien/<int:pk>/lich-su/", member_views.member_history, name="member_history"),
    path("nhat-ky-bao-mat/", member_views.security_log, name="security_log"),
    path("tac-vu/", job_views.job_runs, name="job_runs"),
    path("khoa-api/", token_views.token_list, name="token_list"),
    path("khoa-api/<int:pk>/thu-hoi/", token_views.token_revoke, name="token_revoke"),
    # Coordination requests
    path("de-nghi/", request_views.request_list, name="request_list"),
    path("de-nghi/tao-moi/", request_views.request_create, name="request_create"),
    path("de-nghi/<int:pk>/", request_views.request_detail, name="request_detail"),
    path("de-nghi/<int:pk>/sua/", request_views.request_edit, name="request_edit"),
    path("de-nghi/<int:pk>/lich-su/", request_views.request_history, name="request_history"),
    path("de-nghi/<int:pk>/buoc/<slug:action>/", request_views.request_step, name="request_step"),
    path("de-nghi/<int:pk>/tiep-nhan/", request_views.request_acknowledge, name="request_acknowledge"),
    path("de-nghi/<int:pk>/tra-loi/", request_views.request_response, name="request_response"),
    path("de-nghi/<int:pk>/can-bo/<slug:side>/", request_views.request_officers, name="request_officers"),
    path("de-nghi/<int:pk>/trao-doi/", request_views.comment_add, name="comment_add"),
    path("de-nghi/<int:pk>/y-kien/", request_views.opinion_give, name="opinion_give"),
    path("de-nghi/<int:pk>/van-ban/", request_views.request_attach, name="request_attach"),
    path("viec-cua-toi/", request_views.inbox, name="inbox"),
    path("thong-bao/<int:pk>/mo/", request_views.notification_open, name="notification_open"),
    path("thong-bao/da-doc/", request_views.notifications_read_all, name="notifications_read_all"),
    path("tong-quan/", request_views.dashboard, name="dashboard"),
    # Documents
    path("van-ban/", document_views.document_list, name="document_list"),
    path("van-ban/<int:pk>/", document_views.document_detail, name="document_detail"),
    path("van-ban/<int:pk>/lich-su/", document_views.document_history, name="document_history"),
    path("van-ban/<int:pk>/phien-ban/<int:version>/tai-ve/", document_views.document_download,
         name="document_download"),
]
