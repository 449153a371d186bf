"""The scheduled jobs page: every beat entry with its last run, and the recent runs (for admins)."""

from django.shortcuts import render

from .. import jobs, permissions
from ..security import require


def job_runs(request):
    require(permissions.can_view_job_runs(request.user))
    return render(request, "coordination/job_runs.html", {"jobs": jobs.job_overview(), "runs": jobs.recent_runs()})
