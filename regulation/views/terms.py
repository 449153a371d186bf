"""Drafts: import from Word, renew for a new term, edit a draft article, and adopt it with both bodies."""

from functools import partial

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coordination.security import get_visible_or_404

from .. import import_pending, services
from .. import permissions as perms
from ..forms import DraftArticleForm, DraftNewArticleForm, DraftRegulationForm, ImportForm
from ..models import DocxImport
from ..selectors import visible_regulations
from .common import decide, regulation_or_404, report


def import_docx(request):
    if not perms.can_import(request.user):
        raise PermissionDenied
    kept = import_pending.pending_name(request)
    form = ImportForm(request.POST or None, request.FILES or None, kept_name=kept)
    if request.method == "POST":
        valid = form.is_valid()
        chosen = form.cleaned_data.get("file")
        if valid:
            record = _import(request, form, chosen or import_pending.take(request))
            if record is not None:
                return redirect("regulation:import_result", record.pk)
        if chosen:  # refused for another reason: the file waits on the server for the next attempt
            import_pending.keep(request, chosen)
            form.keep_file(chosen.name)
    return render(request, "regulation/import_form.html", {"form": form, "kept": form.kept_name})


def _import(request, form, upload):
    data = form.cleaned_data
    try:
        record, created = services.regulation_import_docx(
            by=request.user, upload=upload, parties=data["parties"],
            term_start=data["term_start"], term_end=data["term_end"])
    except ValidationError as exc:
        form.add_error(None, exc)
        return None
    import_pending.forget(request)
    if created:
        messages.success(request, _("The file was imported as a draft regulation."))
    else:
        messages.warning(request, _("This file was imported before; here is that import. Nothing was added."))
    return record


def import_result(request, pk):
    record = get_object_or_404(DocxImport.objects.select_related("regulation", "uploaded_by"), pk=pk)
    regulation = get_visible_or_404(request, visible_regulations(request.user), pk=record.regulation_id)
    articles = regulation.articles.count()
    return render(request, "regulation/import_result.html", {
        "record": record, "regulation": regulation, "chapters": regulation.chapters.count(), "articles": articles,
    })


@require_POST
def renew(request, pk):
    regulation = regulation_or_404(request, pk)
    draft = services.regulation_renew(by=request.user, regulation=regulation)
    messages.success(request, _("A draft for the term %(term)s was made from the text in force. "
                                "Amend it, then send it to the leaders of both bodies.") % {"term": draft.term})
    return redirect("regulation:detail", draft.pk)


def draft_article_edit(request, pk, key):
    regulation = regulation_or_404(request, pk)
    if not perms.can_edit_draft(request.user, regulation):
        raise PermissionDenied
    article = next((a for a in regulation.articles.all() if a.key == key), None)
    if article is None:
        raise Http404
    form = DraftArticleForm(request.POST or None, initial={"title": article.title, "body": article.body})
    if request.method == "POST" and form.is_valid():
        services.draft_article_update(by=request.user, article=article, **form.cleaned_data)
        messages.success(request, _("The article was saved in the draft."))
        return redirect(reverse("regulation:detail", args=[regulation.pk]) + f"#{article.anchor}")
    return render(request, "regulation/draft_article_form.html",
                  {"form": form, "regulation": regulation, "article": article})


def draft_article_add(request, pk):
    regulation = regulation_or_404(request, pk)
    if not perms.can_edit_draft(request.user, regulation):
        raise PermissionDenied
    form = DraftNewArticleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            article = services.draft_article_add(by=request.user, regulation=regulation, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The article was added to the draft."))
            return redirect(reverse("regulation:detail", args=[regulation.pk]) + f"#{article.anchor}")
    return render(request, "regulation/draft_form.html", {"form": form, "regulation": regulation, "adding": True})


@require_POST
def draft_article_remove(request, pk, key):
    regulation = regulation_or_404(request, pk)
    article = next((a for a in regulation.articles.select_related("regulation") if a.key == key), None)
    if article is None:
        raise Http404
    services.draft_article_remove(by=request.user, article=article)
    messages.success(request, _("The article was removed from the draft."))
    return redirect("regulation:detail", regulation.pk)


def draft_edit(request, pk):
    regulation = regulation_or_404(request, pk)
    if not perms.can_edit_draft(request.user, regulation):
        raise PermissionDenied
    form = DraftRegulationForm(request.POST or None, instance=regulation)
    if request.method == "POST" and form.is_valid():
        services.draft_update(by=request.user, regulation=regulation, **form.cleaned_data)
        messages.success(request, _("The draft was saved."))
        return redirect("regulation:detail", regulation.pk)
    return render(request, "regulation/draft_form.html", {"form": form, "regulation": regulation})


@require_POST
def draft_submit(request, pk):
    regulation = regulation_or_404(request, pk)
    try:
        services.regulation_submit_draft(by=request.user, regulation=regulation)
    except ValidationError as exc:
        report(request, exc)
    else:
        messages.success(request, _("The draft was sent to the leaders of both bodies for approval."))
    return redirect("regulation:detail", regulation.pk)


@require_POST
def draft_decide(request, pk, action):
    regulation = regulation_or_404(request, pk)
    decide(request, action, approve=partial(services.regulation_approve_adoption, regulation=regulation),
           give_back=partial(services.regulation_return_adoption, regulation=regulation),
           returned_message=_("The draft was returned to the admins with your comments."))
    return redirect("regulation:detail", regulation.pk)
