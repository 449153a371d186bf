"""Forms of the regulation pages. Rules live in permissions/services; forms only shape input."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from coordination.forms.common import DateInput
from coordination.models import Party

from .models import Amendment, ChangeKind, Regulation
from .text import split_article_key


class PointInTimeForm(forms.Form):
    ngay = forms.DateField(label=_("Text in force on"), required=False, widget=DateInput(),
                           input_formats=["%Y-%m-%d", "%d/%m/%Y"])


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search the regulation"), max_length=200, required=False,
                        help_text=_('Accents and capitals do not matter: "phoi hop" finds "phối hợp".'),
                        widget=forms.TextInput(attrs={"type": "search"}))


class AmendmentForm(forms.ModelForm):
    class Meta:
        model = Amendment
        fields = ["title", "rationale", "proposed_effective_on"]
        widgets = {"proposed_effective_on": DateInput(), "rationale": forms.Textarea(attrs={"rows": 4})}
        help_texts = {
            "proposed_effective_on": _("The amendment takes effect on this date once both bodies have approved it, "
                                       "or on the day of the last approval if that comes later."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk:
            self.initial.setdefault("proposed_effective_on", timezone.localdate() + timezone.timedelta(days=30))


class ChangeForm(forms.Form):
    kind = forms.ChoiceField(label=pgettext_lazy("amendment", "Change"), choices=ChangeKind.choices)
    article_key = forms.CharField(label=_("Article"), max_length=8,
                                  help_text=_("The number of the article, e.g. 5; a new article: 8a or 11."))
    clause_number = forms.IntegerField(label=_("Clause"), min_value=1, required=False,
                                       help_text=_("Only when replacing a clause."))
    chapter_number = forms.IntegerField(label=_("Chapter (number)"), min_value=1, required=False,
                                        help_text=_("Only when inserting an article: 1, 2 or 3."))
    title = forms.CharField(label=_("Title of the article"), max_length=300, required=False,
                            help_text=_("When replacing or inserting an article."))
    body = forms.CharField(label=_("New text"), required=False, widget=forms.Textarea(attrs={"rows": 8}),
                           help_text=_('Clauses on lines "1. …", points on lines "a) …". '
                                       "For one clause, write only that clause and its points."))

    def clean(self):
        data = super().clean()
        kind = data.get("kind")
        if data.get("article_key") and split_article_key(data["article_key"]) is None:
            self.add_error("article_key", _("Write the article's number as digits, optionally followed by a letter."))
        if kind == ChangeKind.REPLACE_CLAUSE and not data.get("clause_number"):
            self.add_error("clause_number", _("Say which clause is replaced."))
        if kind == ChangeKind.INSERT_ARTICLE:
            if not data.get("chapter_number"):
                self.add_error("chapter_number", _("Say in which chapter the article is inserted."))
            if not data.get("title"):
                self.add_error("title", _("A new article needs a title."))
        if kind != ChangeKind.REPEAL_ARTICLE and not data.get("body"):
            self.add_error("body", _("Write the new text."))
        return data


class DecisionForm(forms.Form):
    party = forms.ModelChoiceField(queryset=Party.objects.all(), widget=forms.HiddenInput)
    comment = forms.CharField(label=_("Comments"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


KEPT_FILE_HELP = _("The file %(name)s you chose is kept: import it as it is, or choose another file.")


class ImportForm(forms.Form):
    file = forms.FileField(label=_("Word file (.docx)"),
                           help_text=_('Headings such as "Chương I" and "Điều 1." structure the text.'),
                           widget=forms.ClearableFileInput(attrs={"accept": ".docx"}))
    parties = forms.ModelMultipleChoiceField(label=_("Issuing bodies"), queryset=Party.objects.all(),
                                             widget=forms.CheckboxSelectMultiple)
    term_start = forms.IntegerField(label=_("Term start year"), min_value=2000, max_value=2100, required=False,
                                    help_text=_("Only if the title does not name the term."))
    term_end = forms.IntegerField(label=_("Term end year"), min_value=2000, max_value=2100, required=False)

    def __init__(self, *args, kept_name="", **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("parties", list(Party.objects.values_list("pk", flat=True)))
        self.kept_name = ""
        if kept_name:
            self.keep_file(kept_name)

    def keep_file(self, name):
        """A file chosen in a refused attempt waits on the server: choosing it again is not needed."""
        self.kept_name = name
        self.fields["file"].required = False
        self.fields["file"].help_text = KEPT_FILE_HELP % {"name": name}

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload and not upload.name.lower().endswith(".docx"):
            raise forms.ValidationError(_("Choose a .docx file."))
        return upload


class DraftArticleForm(forms.Form):
    title = forms.CharField(label=_("Title of the article"), max_length=300)
    body = forms.CharField(label=pgettext_lazy("article", "Text"), required=False,
                           widget=forms.Textarea(attrs={"rows": 14}),
                           help_text=_('Clauses on lines "1. …", points on lines "a) …".'))


class DraftRegulationForm(forms.ModelForm):
    class Meta:
        model = Regulation
        fields = ["title", "number_symbol", "legal_bases", "signed_place", "signed_on", "recipients"]
        widgets = {"legal_bases": forms.Textarea(attrs={"rows": 5}), "recipients": forms.Textarea(attrs={"rows": 4}),
                   "signed_on": DateInput()}
        help_texts = {"legal_bases": _('One legal basis per line, without "Căn cứ" (it is added when shown).')}


class DraftNewArticleForm(forms.Form):
    chapter_number = forms.IntegerField(label=_("Chapter (number)"), min_value=1)
    article_key = forms.CharField(label=_("Article"), max_length=8,
                                  help_text=_("The number of the article, e.g. 5; a new article: 8a or 11."))
    title = forms.CharField(label=_("Title of the article"), max_length=300)
    body = forms.CharField(label=pgettext_lazy("article", "Text"), required=False,
                           widget=forms.Textarea(attrs={"rows": 10}),
                           help_text=_('Clauses on lines "1. …", points on lines "a) …".'))
