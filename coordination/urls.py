from django.urls import path

from . import views

app_name = "coordination"

urlpatterns = [
    path("thanh-vien/", views.member_list, name="member_list"),
    path("thanh-vien/them/", views.member_add, name="member_add"),
    path("thanh-vien/<int:pk>/sua/", views.member_edit, name="member_edit"),
    path("thanh-vien/<int:pk>/ket-thuc/", views.member_end, name="member_end"),
    path("thanh-vien/<int:pk>/lich-su/", views.member_history, name="member_history"),
    path("nhat-ky-bao-mat/", views.security_log, name="security_log"),
]
