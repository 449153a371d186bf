from django.urls import path

from . import views, views_documents, views_jobs, views_requests

app_name = "coordination"

urlpatterns = [
    path("thanh-vien/", views.member_list, name="member_list"),
    path("thanh-vien/them/", views.member_add, name="member_add"),
    path("thanh-vien/<int:pk>/sua/", views.member_edit, name="member_edit"),
    path("thanh-vien/<int:pk>/ket-thuc/", views.member_end, name="member_end"),
    path("thanh-vien/<int:pk>/lich-su/", views.member_history, name="member_history"),
    path("nhat-ky-bao-mat/", views.security_log, name="security_log"),
    path("tac-vu/", views_jobs.job_runs, name="job_runs"),
    # Coordination requests
    path("de-nghi/", views_requests.request_list, name="request_list"),
    path("de-nghi/tao-moi/", views_requests.request_create, name="request_create"),
    path("de-nghi/<int:pk>/", views_requests.request_detail, name="request_detail"),
    path("de-nghi/<int:pk>/sua/", views_requests.request_edit, name="request_edit"),
    path("de-nghi/<int:pk>/lich-su/", views_requests.request_history, name="request_history"),
    path("de-nghi/<int:pk>/buoc/<slug:action>/", views_requests.request_step, name="request_step"),
    path("de-nghi/<int:pk>/tiep-nhan/", views_requests.request_acknowledge, name="request_acknowledge"),
    path("de-nghi/<int:pk>/tra-loi/", views_requests.request_response, name="request_response"),
    path("de-nghi/<int:pk>/can-bo/<slug:side>/", views_requests.request_officers, name="request_officers"),
    path("de-nghi/<int:pk>/trao-doi/", views_requests.comment_add, name="comment_add"),
    path("de-nghi/<int:pk>/y-kien/", views_requests.opinion_give, name="opinion_give"),
    path("de-nghi/<int:pk>/van-ban/", views_requests.request_attach, name="request_attach"),
    path("viec-cua-toi/", views_requests.inbox, name="inbox"),
    path("thong-bao/<int:pk>/mo/", views_requests.notification_open, name="notification_open"),
    path("thong-bao/da-doc/", views_requests.notifications_read_all, name="notifications_read_all"),
    path("tong-quan/", views_requests.dashboard, name="dashboard"),
    # Documents
    path("van-ban/", views_documents.document_list, name="document_list"),
    path("van-ban/<int:pk>/", views_documents.document_detail, name="document_detail"),
    path("van-ban/<int:pk>/lich-su/", views_documents.document_history, name="document_history"),
    path("van-ban/<int:pk>/phien-ban/<int:version>/tai-ve/", views_documents.document_download,
         name="document_download"),
]
