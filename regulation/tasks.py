"""Daily job: approved amendments whose effective date has come change the current text.

Reading "the text in force on date D" does not wait for this job (it queries the versions'
dates); the job brings the current articles, the search index and the amendment's status in line.
"""

from celery import shared_task

from .services import amendments_bring_into_force


@shared_task(autoretry_for=(Exception,), retry_backoff=True, max_retries=5)
def bring_amendments_into_force():
    """Safe to run twice: only amendments still in the "approved" state are applied (row-locked)."""
    return amendments_bring_into_force(by=None)
