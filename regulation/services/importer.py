"""Imports a .docx regulation as a draft: "Chương I" starts a chapter, "Điều 1." an article.

Clause ("1.") and point ("a)") lines become the article's text. The title, the legal bases
("Căn cứ …") and the term ("2025 - 2030") are read from the paragraphs before the first chapter.
Anything else the importer cannot place is kept and listed for the admin, never dropped. The
file's SHA-256 is recorded, so importing the same file again returns the first import.
"""

import hashlib
import re

import docx
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from coordination.models import CoordinationArea
from coordination.security import require

from .. import permissions as perms
from ..models import Article, Chapter, DocxImport, Regulation
from ..text import from_roman, nfc
from .common import audited_save, save_article
from .visibility import grant_regulation_readers

CHAPTER_RE = re.compile(r"^chương\s+([IVXLC]+|\d+)\b[\s.:\-–]*(.*)$", re.IGNORECASE)
ARTICLE_RE = re.compile(r"^điều\s+(\d+)([a-z]?)\s*[.:]\s*(.*)$", re.IGNORECASE)
BASIS_RE = re.compile(r"^căn cứ\s+(.*)$", re.IGNORECASE)
TERM_RE = re.compile(r"(20\d\d)\s*[-–]\s*(20\d\d)")

NOT_DOCX = _("This file is not a Word (.docx) document that can be read.")
NO_ARTICLES = _('No article was found: the importer looks for headings such as "Chương I" and "Điều 1."')
NO_TERM = _("The term could not be read from the document; enter its start and end years.")


def _paragraphs(upload):
    try:
        document = docx.Document(upload)
    except Exception as exc:  # noqa: BLE001 - python-docx raises several kinds on bad input
        raise ValidationError(NOT_DOCX) from exc
    return [text for p in document.paragraphs if (text := nfc(p.text).strip())]


def parse_document(paragraphs):
    """Paragraphs → {"title", "bases", "chapters": [{number, title, articles: [...]}], "unplaced": [...]}."""
    result = {"title": "", "bases": [], "chapters": [], "unplaced": []}
    chapter = article = None
    awaiting_chapter_title = False
    for text in paragraphs:
        if match := CHAPTER_RE.match(text):
            number = match.group(1)
            chapter = {"number": int(number) if number.isdigit() else from_roman(number),
                       "title": match.group(2).strip(), "articles": []}
            result["chapters"].append(chapter)
            article, awaiting_chapter_title = None, not chapter["title"]
        elif match := ARTICLE_RE.match(text):
            article = {"number": int(match.group(1)), "suffix": match.group(2).lower(),
                       "title": match.group(3).strip(), "lines": []}
            awaiting_chapter_title = False
            if chapter is None:
                result["unplaced"].append(text)
            else:
                chapter["articles"].append(article)
        elif awaiting_chapter_title:
            chapter["title"], awaiting_chapter_title = text, False
        elif article is not None and chapter is not None:
            article["lines"].append(text)
        elif chapter is None and (basis := BASIS_RE.match(text)):
            result["bases"].append(basis.group(1).rstrip(",;") + ";")
        elif chapter is None and not result["title"] and "quy chế" in text.lower():
            result["title"] = text
        else:
            result["unplaced"].append(text)
    return result


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
    parsed = parse_document(_paragraphs(upload))
    if not any(c["articles"] for c in parsed["chapters"]):
        raise ValidationError(NO_ARTICLES)
    if match := TERM_RE.search(parsed["title"]):
        term_start, term_end = int(match.group(1)), int(match.group(2))
    if not term_start or not term_end or term_end <= term_start:
        raise ValidationError(NO_TERM)
    with transaction.atomic():
        regulation = Regulation(title=parsed["title"] or upload.name, term_start=term_start, term_end=term_end,
                                legal_bases="\n".join(parsed["bases"]))
        audited_save(regulation, by=by, reason=f"imported from {upload.name}")
        regulation.issuing_parties.set(parties)
        grant_regulation_readers(regulation)
        _create_text(regulation, parsed, by=by)
        record = DocxImport(sha256=sha, filename=upload.name[:255], regulation=regulation,
                            unplaced=parsed["unplaced"], uploaded_by=by)
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
