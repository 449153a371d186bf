"""Judges an office archive (DOCX, XLSX, ODT are zip files) from its central directory, never inflating it.

A zip declares each member's compressed and uncompressed size before any data; a "zip bomb" of a few
megabytes that declares gigabytes is refused from those numbers alone. The only member ever read is
ODT's `mimetype`, and only its first bytes.
"""

import struct
import zipfile

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

TOO_BIG_INFLATED = _("This archive would unpack to %(size)s; the largest accepted is %(limit)s.")
TOO_COMPRESSED = _("This archive is compressed far more than a real document (one part shrinks %(ratio)s times); "
                   "it was refused as a possible “zip bomb”.")
TOO_MANY_PARTS = _("This archive has more than %(limit)s parts; a real document has far fewer.")

ODT = "application/vnd.oasis.opendocument.text"
END_OF_DIRECTORY = b"PK\x05\x06"
SMALL_MEMBER = 1024 * 1024  # below this, a high ratio (a run of identical XML tags) is harmless


class ArchiveRefused(Exception):
    def __init__(self, message, params):
        super().__init__(message)
        self.message, self.params = message, params


def _declared_entries(fileobj):
    """The number of members the end-of-directory record declares, read before zipfile builds a ZipInfo per
    member (a 20 MB file can declare hundreds of thousands). None when the record is not found."""
    fileobj.seek(0, 2)
    size = fileobj.tell()
    fileobj.seek(max(0, size - 65557))
    tail = fileobj.read()
    at = tail.rfind(END_OF_DIRECTORY)
    if at < 0 or len(tail) < at + 22:
        return None
    return struct.unpack("<H", tail[at + 10:at + 12])[0]


def check_archive(fileobj):
    """Raise ArchiveRefused when the declared sizes or ratios of the members pass the settings' limits."""
    max_entries = settings.UPLOAD_ARCHIVE_MAX_MEMBERS
    declared = _declared_entries(fileobj)
    fileobj.seek(0)
    if declared is not None and declared > max_entries:  # 0xFFFF (zip64) also lands here
        raise ArchiveRefused(TOO_MANY_PARTS, {"limit": max_entries})
    with zipfile.ZipFile(fileobj) as archive:
        members = archive.infolist()
        if len(members) > max_entries:
            raise ArchiveRefused(TOO_MANY_PARTS, {"limit": max_entries})
        total = sum(m.file_size for m in members)
        limit = settings.UPLOAD_ARCHIVE_MAX_UNPACKED
        if total > limit:
            raise ArchiveRefused(TOO_BIG_INFLATED, {"size": filesizeformat(total), "limit": filesizeformat(limit)})
        max_ratio = settings.UPLOAD_ARCHIVE_MAX_RATIO
        for member in members:
            ratio = member.file_size / max(member.compress_size, 1)
            if member.file_size > SMALL_MEMBER and ratio > max_ratio:
                raise ArchiveRefused(TOO_COMPRESSED, {"ratio": int(ratio)})


def is_odt(archive):
    """Read at most a few bytes of `mimetype`, whatever it declares."""
    try:
        with archive.open("mimetype") as member:
            return member.read(len(ODT) + 2).strip() == ODT.encode()
    except KeyError:
        return False
