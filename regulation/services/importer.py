"""Imports a .docx regulation as a draft: "Chương I" starts a chapter, "Điều 1." an article.

Clause ("1.") and point ("a)") lines become the article's text. The document's frame (header table,
number and symbol, place and date, title, term, legal bases, signatures, recipients) is read into the
regulation's fields by `docx_reader`. Anything the importer cannot place is kept and listed for the
admin, never dropped. The file's SHA-256 is recorded, so importing the same file again returns the
first import.
"""

import hashlib

import docx
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from coordination.models import CoordinationArea
from coordination.security import require

from .. import permissions as perms
from ..models import Article, Chapter, DocxImport, Regulation
from .common import audited_save, save_article
from .docx_reader import TERM_RE, docx_blocks, read_blocks
from .visibility import grant_regulation_readers

NOT_DOCX = _("This file is not a Word (.docx) document that can be read.")
NO_ARTICLES = _('No article was found: the importer looks for headings such as "Chương I" and "Điều 1."')
NO_TERM = _("The term could not be read from the document; enter its start and end years.")


def _blocks(upload):
    try:
        document = docx.Document(upload)
    except Exception as exc:  # noqa: BLE001 - python-docx raises several kinds on bad input
        raise ValidationError(NOT_DOCX) from exc
    return list(docx_blocks(document))


def parse_document(blocks):
    """Paragraphs and table cells → {"title", "bases", "number_symbol", "signed_place", "signed_on", "issuers",
    "signers", "recipients", "chapters": [{number, title, articles: [...]}], "unplaced": [...]}."""
    return read_blocks(blocks)


def _sha256(upload):
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return digest.hexdigest()


def regulation_import_docx(*, by, upload, parties, term_start=None, term_end=None):
    """Returns (DocxImport, created). A file imported before returns its first import."""
    require(perms.can_import(by, parties))
    sha = _sha256(upload)
    if existing := DocxImport.objects.filter(sha256=sha).select_related("regulation").first():
        return existing, False
    parsed = parse_document(_blocks(upload))
    if not any(c["articles"] for c in parsed["chapters"]):
        raise ValidationError(NO_ARTICLES)
    if not (term_start and term_end) and (match := TERM_RE.search(parsed["title"])):
        term_start, term_end = int(match.group(1)), int(match.group(2))  # typed years override the title's
    if not term_start or not term_end or term_end <= term_start:
        raise ValidationError(NO_TERM)
    with transaction.atomic():
        regulation = Regulation(
            title=(parsed["title"] or upload.name)[:300], term_start=term_start, term_end=term_end,
            legal_bases="\n".join(parsed["bases"]), number_symbol=parsed["number_symbol"][:60],
            signed_on=parsed["signed_on"], signed_place=parsed["signed_place"][:100],
            signers=parsed["signers"], recipients="\n".join(parsed["recipients"]))
        audited_save(regulation, by=by, reason=f"imported from {upload.name}")
        regulation.issuing_parties.set(parties)
        grant_regulation_readers(regulation)
        _create_text(regulation, parsed, by=by)
        record = DocxImport(sha256=sha, filename=upload.name[:255], regulation=regulation,
                            unplaced=parsed["unplaced"], issuers_named=parsed["issuers"], uploaded_by=by)
        return audited_save(record, by=by, reason="imported"), True


def _create_text(regulation, parsed, *, by):
    areas = {a.article_number: a for a in CoordinationArea.objects.all()}
    seen, seen_chapters = set(), set()
    for data in parsed["chapters"]:
        if data["number"] in seen_chapters:
            parsed["unplaced"].append(f"Chương {data['number']} {data['title']}")
            continue
        chapter = audited_save(Chapter(regulation=regulation, number=data["number"],
                                       title=data["title"][:300] or "—"), by=by, reason="imported")
        seen_chapters.add(data["number"])
        for item in data["articles"]:
            key = (item["number"], item["suffix"])
            if key in seen:
                parsed["unplaced"].append(f"Điều {item['number']}{item['suffix']}. {item['title']}")
                parsed["unplaced"].extend(item["lines"])
                continue
            seen.add(key)
            save_article(Article(regulation=regulation, chapter=chapter, number=item["number"], suffix=item["suffix"],
                                 title=item["title"][:300], body="\n".join(item["lines"]),
                                 area=None if item["suffix"] else areas.get(item["number"])), by=by, reason="imported")
