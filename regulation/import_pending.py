"""Keeps a Word file chosen for import across a refused attempt, so the admin does not choose it again.

A browser cannot refill a file input, so the file waits on the server under a random name; only the
session of the person who chose it knows that name. One file per session, replaced by the next choice.
"""

import uuid

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile

SESSION_KEY = "regulation_import_pending"
FOLDER = "import-pending"


def keep(request, upload):
    forget(request)
    upload.seek(0)
    path = default_storage.save(f"{FOLDER}/{uuid.uuid4().hex}.docx", ContentFile(upload.read()))
    upload.seek(0)
    request.session[SESSION_KEY] = {"path": path, "name": upload.name}


def pending_name(request):
    pending = request.session.get(SESSION_KEY)
    return pending["name"] if pending and default_storage.exists(pending["path"]) else ""


def take(request):
    """The kept file as an upload, or None."""
    pending = request.session.get(SESSION_KEY)
    if not pending or not default_storage.exists(pending["path"]):
        return None
    with default_storage.open(pending["path"], "rb") as stored:
        return SimpleUploadedFile(pending["name"], stored.read())


def forget(request):
    pending = request.session.pop(SESSION_KEY, None)
    if pending and default_storage.exists(pending["path"]):
        default_storage.delete(pending["path"])
