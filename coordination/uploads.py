"""Checks an uploaded file by its content, never its name: PDF, DOCX, ODT, XLSX, PNG, JPEG only."""

import hashlib
import os
import re
import struct
import unicodedata
import zipfile
import zlib

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from .archives import ODT, ArchiveRefused, check_archive, is_odt

WRONG_TYPE = _("This file is not a PDF, DOCX, ODT, XLSX, PNG or JPEG document (its content was checked, not its "
               "name).")
TOO_LARGE = _("The file is %(size)s; the largest file accepted is %(limit)s.")
EMPTY_FILE = _("The file is empty.")
NAME_TOO_LONG = _("The file name is longer than %(limit)s characters: rename the file and choose it again.")
MAX_NAME = 200  # Django cuts longer names to 255 before we see them; past 200 the user renames the file

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SIMPLE = {"application/pdf": "pdf", "image/png": "png", "image/jpeg": "jpg"}


def _zip_kind(fileobj):
    """DOCX, XLSX and ODT are zip archives: tell them apart by what they contain, judged without inflating
    (coordination/archives.py). Raises ArchiveRefused for an archive that would unpack too far."""
    check_archive(fileobj)
    fileobj.seek(0)
    try:
        with zipfile.ZipFile(fileobj) as archive:
            names = set(archive.namelist())
            if "mimetype" in names and is_odt(archive):
                return ODT, "odt"
            if "[Content_Types].xml" in names and "word/document.xml" in names:
                return DOCX, "docx"
            if "[Content_Types].xml" in names and "xl/workbook.xml" in names:
                return XLSX, "xlsx"
    except (zipfile.BadZipFile, KeyError, OSError, RuntimeError, NotImplementedError, zlib.error):
        return None
    return None


def sniff(fileobj):
    """(content_type, extension) of an accepted file, or None."""
    fileobj.seek(0)
    head = fileobj.read(8192)
    fileobj.seek(0)
    kind = filetype.guess(head)
    if kind is None:
        return None
    if kind.mime in SIMPLE:
        return kind.mime, SIMPLE[kind.mime]
    if kind.extension in ("zip", "docx", "xlsx", "odt"):
        try:
            return _zip_kind(fileobj)
        except (zipfile.BadZipFile, OSError, struct.error, ValueError):
            return None
        finally:
            fileobj.seek(0)
    return None


SAME_TYPE = {"jpg": {"jpg", "jpeg"}}
LOOKS_LIKE_EXTENSION = re.compile(r"[A-Za-z0-9]{1,5}")


def safe_original_name(name, extension=None):
    """The user's file name for display and download: no folder part, no control or bidi characters
    (U+202E would show "gpj.exe" as "exe.jpg"), and ending in `extension`, the detected type's, so a PDF
    uploaded as "poly.html" downloads as "poly.pdf" and opens as what it is."""
    name = unicodedata.normalize("NFC", os.path.basename((name or "").replace("\\", "/")))
    name = "".join(c for c in name if unicodedata.category(c)[0] != "C").strip().lstrip(".") or "tai-lieu"
    if not extension:
        return name[:200]
    stem, dot, suffix = name.rpartition(".")
    if dot and suffix.lower() in SAME_TYPE.get(extension, {extension}):
        stem, extension = stem, suffix
    elif not (dot and stem and LOOKS_LIKE_EXTENSION.fullmatch(suffix) and not suffix.isdigit()):
        stem = name
    return f"{stem[:199 - len(extension)].rstrip()}.{extension}"


def check_upload(upload):
    """Validate size and content; return (content_type, extension, size, sha256). Raises ValidationError."""
    limit = settings.DOCUMENT_MAX_UPLOAD_SIZE
    if len(upload.name or "") > MAX_NAME:
        raise ValidationError(NAME_TOO_LONG, code="name_too_long", params={"limit": MAX_NAME})
    if upload.size == 0:
        raise ValidationError(EMPTY_FILE, code="empty")
    if upload.size > limit:
        raise ValidationError(
            TOO_LARGE, code="too_large", params={"size": filesizeformat(upload.size), "limit": filesizeformat(limit)}
        )
    try:
        found = sniff(upload)
    except ArchiveRefused as refused:
        raise ValidationError(refused.message, code="archive_refused", params=refused.params) from None
    if found is None:
        raise ValidationError(WRONG_TYPE, code="wrong_type")
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return found[0], found[1], upload.size, digest.hexdigest()
