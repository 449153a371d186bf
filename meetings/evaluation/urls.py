from django.urls import path
from django.views.generic import RedirectView

from .views import evaluations, report

app_name = "evaluation"

urlpatterns = [
    path("", evaluations.evaluation_list, name="evaluation_list"),
    # The scheduled jobs page moved to coordination (shared plumbing); old links and bookmarks follow.
    path("tac-vu/", RedirectView.as_view(pattern_name="coordination:job_runs", permanent=True), name="job_runs"),
    path("<int:pk>/", evaluations.evaluation_detail, name="evaluation_detail"),
    path("<int:pk>/tu-danh-gia/<int:party_pk>/", evaluations.assessment_edit, name="assessment_edit"),
    path("<int:pk>/tu-danh-gia/<int:party_pk>/gui/", evaluations.assessment_submit, name="assessment_submit"),
    path("<int:pk>/tu-danh-gia/<int:party_pk>/mo-lai/", evaluations.assessment_reopen, name="assessment_reopen"),
    path("<int:pk>/ket-luan/", evaluations.conclusion_edit, name="conclusion_edit"),
    path("<int:pk>/trinh-duyet/", evaluations.evaluation_submit, name="evaluation_submit"),
    path("<int:pk>/tra-lai/", evaluations.evaluation_return, name="evaluation_return"),
    path("<int:pk>/duyet/<int:party_pk>/", evaluations.evaluation_approve, name="evaluation_approve"),
    path("<int:pk>/tinh-lai-so-lieu/", evaluations.statistics_recompute, name="statistics_recompute"),
    path("<int:pk>/hanh-dong/<int:action_pk>/de-nghi/", evaluations.action_make_request, name="action_make_request"),
    path("<int:pk>/ban-in/", report.evaluation_print, name="evaluation_print"),
    path("<int:pk>/bao-cao.docx", report.evaluation_docx, name="evaluation_docx"),
]
