from django.urls import path

from . import views, views_report

app_name = "evaluation"

urlpatterns = [
    path("", views.evaluation_list, name="evaluation_list"),
    path("tac-vu/", views.job_runs, name="job_runs"),
    path("<int:pk>/", views.evaluation_detail, name="evaluation_detail"),
    path("<int:pk>/tu-danh-gia/<int:party_pk>/", views.assessment_edit, name="assessment_edit"),
    path("<int:pk>/tu-danh-gia/<int:party_pk>/gui/", views.assessment_submit, name="assessment_submit"),
    path("<int:pk>/tu-danh-gia/<int:party_pk>/mo-lai/", views.assessment_reopen, name="assessment_reopen"),
    path("<int:pk>/ket-luan/", views.conclusion_edit, name="conclusion_edit"),
    path("<int:pk>/trinh-duyet/", views.evaluation_submit, name="evaluation_submit"),
    path("<int:pk>/tra-lai/", views.evaluation_return, name="evaluation_return"),
    path("<int:pk>/duyet/<int:party_pk>/", views.evaluation_approve, name="evaluation_approve"),
    path("<int:pk>/tinh-lai-so-lieu/", views.statistics_recompute, name="statistics_recompute"),
    path("<int:pk>/hanh-dong/<int:action_pk>/de-nghi/", views.action_make_request, name="action_make_request"),
    path("<int:pk>/ban-in/", views_report.evaluation_print, name="evaluation_print"),
    path("<int:pk>/bao-cao.docx", views_report.evaluation_docx, name="evaluation_docx"),
]
