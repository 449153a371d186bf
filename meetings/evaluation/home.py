"""The home page section: the evaluation that is open, and what the user's body still has to do."""

from coordination import home
from coordination.permissions import member_party_ids

from . import permissions, selectors
from .models import AnnualEvaluation


@home.register
def open_evaluation_section(user):
    if not permissions.can_view_evaluations(user):
        return None
    evaluation = (
        selectors.evaluation_list(user=user).exclude(state=AnnualEvaluation.State.CLOSED).order_by("-year").first()
    )
    if evaluation is None:
        return None
    mine = member_party_ids(user)
    todo = [p for p in evaluation.parts.all() if p.party_id in mine and (
        (evaluation.state == AnnualEvaluation.State.OPEN and not p.submitted_at)
        or (evaluation.state == AnnualEvaluation.State.AWAITING_APPROVAL and not p.approved_at))]
    return {"template": "evaluation/_home_section.html", "evaluation": evaluation, "todo": todo}


def live_work_section(user, article_number):
    """Under an article of chapter II: what each body said about its area in the latest evaluation."""
    if not permissions.can_view_evaluations(user):
        return None
    evaluation = selectors.evaluation_list(user=user).first()
    if evaluation is None:
        return None
    assessments = [
        a for a in selectors.assessments(evaluation).filter(area__article_number=article_number) if not a.is_blank
    ]
    if not assessments:
        return None
    return {"template": "evaluation/_live_work.html", "evaluation": evaluation, "assessments": assessments}
