"""Pages of documents: the document page, its history, a new version, and the permission-checked download."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from .. import permissions
from ..forms.documents import VersionForm
from ..grants import note_visible
from ..history import entries, history_entries, merged
from ..paging import DeferredPaginator
from ..security import client_ip, get_visible_or_404
from ..selectors import documents as document_selectors
from ..services import documents as document_services


def get_document_or_404(request, pk):
    return note_visible(request.user, get_visible_or_404(request, document_selectors.documents_visible(request.user),
                                                         pk=pk))


def document_list(request):
    query = request.GET.get("q", "").strip()
    docs = document_selectors.document_list(user=request.user, q=query)
    page = DeferredPaginator(docs, 20, rows=document_selectors.document_list_rows).get_page(request.GET.get("page"))
    return render(request, "coordination/document_list.html", {"page": page, "q": query})


def document_detail(request, pk):
    document = get_document_or_404(request, pk)
    can_add = permissions.can_add_document_version(request.user, document)
    form = VersionForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        if not can_add:
            raise PermissionDenied
        if form.is_valid():
            try:
                document_services.document_add_version(
                    by=request.user, document=document, file=form.cleaned_data["file"],
                                              note=form.cleaned_data["note"])
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, _("The new version was added; earlier versions stay downloadable."))
                return redirect("coordination:document_detail", document.pk)
    return render(request, "coordination/document_detail.html", {
        "document": document, "versions": document.versions.select_related("uploaded_by"),
        "form": form if can_add else None, "requests": document.request_links.select_related("request"),
        "downloads": document_selectors.document_downloads(document=document)[:20], "tab": "detail",
    })


def document_history(request, pk):
    document = get_document_or_404(request, pk)
    Version = document.versions.model
    lists = [entries(document, subject=_("Document")),
             history_entries(Version.history.filter(document_id=document.pk),
                             lambda r: _("Version %(n)s") % {"n": r.number})]
    page = Paginator(merged(*lists), 50).get_page(request.GET.get("page"))
    return render(request, "coordination/document_history.html", {
        "document": document, "entries": page.object_list, "page": page, "tab": "history",
        # The latest downloads; a page never carries an unbounded list.
        "downloads": document_selectors.document_downloads(document=document)[:50],
    })


def document_download(request, pk, version):
    return version_file_response(request, get_document_or_404(request, pk), version)


def version_file_response(request, document, number):
    """The file of version `number` of a document the caller may see, its download logged. The page and
    the API both answer with this, so a download is refused, logged and sent the same way."""
    found = document.versions.filter(number=number).first()
    if found is None:
        raise Http404
    document_services.document_record_download(by=request.user, version=found, ip_address=client_ip(request))
    response = FileResponse(found.file.open("rb"), as_attachment=True, filename=found.download_name,
                            content_type=found.content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
