"""Helpers every evaluation service shares: save with the history user and reason, lock a row."""

from ..models import AnnualEvaluation


def _save(obj, by, reason, **kwargs):
    obj._history_user = by
    obj._change_reason = reason
    obj.save(**kwargs)
    return obj


def _locked(model, pk):
    """The row again, locked for this transaction, so two members acting at once are serialised."""
    qs = model.objects.select_for_update()
    return (qs if model is AnnualEvaluation else qs.select_related("evaluation")).get(pk=pk)
