"""Widgets whose HTML is written in Python: the same markup as Django's, without a template include per
option (a select of a few hundred requests cost the meeting page ~10 ms through the form templates)."""

from django import forms
from django.forms.models import ModelChoiceIterator
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe


def _attrs(attrs):
    """django/forms/widgets/attrs.html"""
    return "".join(
        "" if value is False else f" {conditional_escape(name)}" if value is True
        else f' {conditional_escape(name)}="{conditional_escape(str(value))}"'
        for name, value in attrs.items()
    )


class PlainOptions:
    """A select widget with the same output as Django's, its options written here
    (django/forms/widgets/select.html and select_option.html)."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        parts = [f'<select name="{conditional_escape(widget["name"])}"{_attrs(widget["attrs"])}>']
        for group_name, options, _index in widget["optgroups"]:
            if group_name:
                parts.append(f'\n  <optgroup label="{conditional_escape(group_name)}">')
            for option in options:
                parts.append(f'\n  <option value="{conditional_escape(str(option["value"]))}"'
                             f'{_attrs(option["attrs"])}>{conditional_escape(option["label"])}</option>\n')
            if group_name:
                parts.append("\n  </optgroup>")
        parts.append("\n</select>")
        return mark_safe("".join(parts))


class PlainSelect(PlainOptions, forms.Select):
    pass


class PlainSelectMultiple(PlainOptions, forms.SelectMultiple):
    pass


class TitleChoices(ModelChoiceIterator):
    """The choices of a ModelMultipleChoiceField of requests as (id, title) rows: no model object per option
    (the label is the request's str(), its title). Validation still reads the field's queryset."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        yield from self.queryset.values_list("pk", "title")
