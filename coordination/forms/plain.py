"""Form widgets' HTML written in Python: the same markup as Django's widget templates (input.html,
select.html, select_option.html, attrs.html), without a template render per option, which cost a list
filter or an agenda form with a few hundred options 10–15 ms a page (issue 11). Used where a page draws
many options; everywhere else Django's templates draw the widgets."""

from django import forms
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe


def attrs_html(attrs):
    """django/forms/widgets/attrs.html: True writes the name alone, False leaves it out."""
    return "".join(f" {conditional_escape(name)}" if value is True
                   else f' {conditional_escape(name)}="{conditional_escape(value)}"'
                   for name, value in attrs.items() if value is not False)


def widget_html(widget):
    """The HTML of a widget's context (the "widget" of Widget.get_context): a select with its option
    groups, or an input."""
    if "optgroups" in widget:
        parts = [f'<select name="{conditional_escape(widget["name"])}"{attrs_html(widget["attrs"])}>']
        for group_name, options, _index in widget["optgroups"]:
            if group_name:
                parts.append(f'\n  <optgroup label="{conditional_escape(group_name)}">')
            parts.extend(f'\n  <option value="{conditional_escape(option["value"])}"{attrs_html(option["attrs"])}>'
                         f'{conditional_escape(option["label"])}</option>\n' for option in options)
            if group_name:
                parts.append("\n  </optgroup>")
        parts.append("\n</select>")
        return mark_safe("".join(parts))
    value = "" if widget["value"] is None else f' value="{conditional_escape(widget["value"])}"'
    return mark_safe(f'<input type="{conditional_escape(widget["type"])}" name="{conditional_escape(widget["name"])}"'
                     f'{value}{attrs_html(widget["attrs"])}>')


class PlainOptions:
    def render(self, name, value, attrs=None, renderer=None):
        return widget_html(self.get_context(name, value, attrs)["widget"])


class PlainSelect(PlainOptions, forms.Select):
    pass


class PlainSelectMultiple(PlainOptions, forms.SelectMultiple):
    pass
