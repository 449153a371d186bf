"""The agenda form's request options, read as (id, title) rows (a select of a few hundred requests cost the
meeting page ~10 ms as model objects drawn through the form templates; see also coordination.forms.plain)."""

from django.forms.models import ModelChoiceIterator


class TitleChoices(ModelChoiceIterator):
    """The choices of a ModelMultipleChoiceField of requests as (id, title) rows: no model object per option
    (the label is the request's str(), its title). Validation still reads the field's queryset."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        yield from self.queryset.values_list("pk", "title")
