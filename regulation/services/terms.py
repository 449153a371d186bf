"""A new term: renew an in-force regulation as a draft, edit the draft, adopt it with both bodies."""

import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coordination.models import CoordinationArea
from coordination.security import require

from .. import permissions as perms
from ..models import Article, Decision, DecisionKind, Regulation, RegulationVersion
from ..selectors import regulation_text, version_on
from ..text import split_article_key
from .common import approved_by_every_issuer, audited_save, save_article, sync_rows
from .visibility import grant_regulation_readers

COMMENT_REQUIRED = _("Say why you return the draft, so that the admins can rework it.")
TERM_RE = re.compile(r"(\d{4})\s*[-–]\s*(\d{4})")


def _retitle(text, old, new):
    return TERM_RE.sub(lambda m: new if (int(m.group(1)), int(m.group(2))) == old else m.group(0), text)


def regulation_renew(*, by, regulation):
    """Copies the text in force as a draft for the next term, with the term's years replaced."""
    require(perms.can_renew(by, regulation))
    length = regulation.term_end - regulation.term_start
    start, end = regulation.term_end, regulation.term_end + length
    old, new = (regulation.term_start, regulation.term_end), f"{start} - {end}"
    content = version_on(regulation, timezone.localdate()).content
    for chapter in content["chapters"]:
        chapter["articles"] = [dict(a, title=_retitle(a["title"], old, new), body=_retitle(a["body"], old, new))
                               for a in chapter["articles"] if not a.get("repealed")]
    with transaction.atomic():
        draft = Regulation(title=_retitle(regulation.title, old, new), term_start=start, term_end=end,
                           legal_bases=regulation.legal_bases, predecessor=regulation)
        audited_save(draft, by=by, reason=f"renewed from {regulation.pk}")
        draft.issuing_parties.set(regulation.issuing_parties.all())
        grant_regulation_readers(draft)
        sync_rows(draft, content, by=by, reason="copied from the previous term")
        return draft


def draft_update(*, by, regulation, title, number_symbol, legal_bases, signed_place=None, signed_on=None,
                 recipients=None):
    """Edits the frame of a draft; the place, date and recipients are left as they are when not given."""
    require(perms.can_edit_draft(by, regulation))
    with transaction.atomic():
        regulation.title, regulation.number_symbol = title.strip(), number_symbol.strip()
        regulation.legal_bases = "\n".join(line.strip() for line in legal_bases.splitlines() if line.strip())
        if signed_place is not None:
            regulation.signed_place, regulation.signed_on = signed_place.strip(), signed_on
        if recipients is not None:
            regulation.recipients = "\n".join(line.strip() for line in recipients.splitlines() if line.strip())
        return audited_save(regulation, by=by, reason="draft edited")


def draft_article_add(*, by, regulation, chapter_number, article_key, title, body):
    """Adds an article to a draft; refused with a message when the chapter is missing or the number taken."""
    require(perms.can_edit_draft(by, regulation))
    parts = split_article_key(article_key)
    chapter = regulation.chapters.filter(number=chapter_number).first()
    if parts is None or chapter is None:
        raise ValidationError(_("Give an existing chapter and an article number such as 11 or 8a."))
    if regulation.articles.filter(number=parts[0], suffix=parts[1]).exists():
        raise ValidationError(_("Article %(key)s already exists.") % {"key": article_key})
    areas = {a.article_number: a for a in CoordinationArea.objects.all()}
    with transaction.atomic():
        article = Article(regulation=regulation, chapter=chapter, number=parts[0], suffix=parts[1], title=title.strip(),
                          body=body.strip(), area=None if parts[1] else areas.get(parts[0]))
        return save_article(article, by=by, reason="draft: article added")


def draft_article_remove(*, by, article):
    require(perms.can_edit_draft(by, article.regulation))
    with transaction.atomic():
        article._history_user = by
        article._change_reason = "draft: article removed"
        article.delete()


def draft_article_update(*, by, article, title, body):
    require(perms.can_edit_draft(by, article.regulation))
    with transaction.atomic():
        article.title, article.body = title.strip(), body.strip()
        return save_article(article, by=by, reason="draft edited")


def regulation_submit_draft(*, by, regulation):
    require(perms.can_submit_draft(by, regulation))
    if not regulation.articles.exists():
        raise ValidationError(_("The draft has no articles yet."))
    with transaction.atomic():
        regulation.submit_for_adoption()
        return audited_save(regulation, by=by, reason="submitted for approval")


def _locked(regulation):
    return Regulation.objects.select_for_update().get(pk=regulation.pk)


def regulation_return_adoption(*, by, regulation, party, comment):
    require(perms.can_decide_adoption(by, regulation, party))
    if not comment.strip():
        raise ValidationError(COMMENT_REQUIRED)
    with transaction.atomic():
        regulation = _locked(regulation)
        require(perms.can_decide_adoption(by, regulation, party))
        audited_save(Decision(regulation=regulation, round=regulation.adoption_round, party=party,
                              kind=DecisionKind.RETURN, comment=comment, by=by), by=by, reason="return")
        regulation.return_to_draft()
        return audited_save(regulation, by=by, reason=f"returned for {party.abbreviation}: {comment}")


def regulation_approve_adoption(*, by, regulation, party, comment=""):
    """One body's approval; with the last one the draft comes into force and its predecessor is superseded."""
    require(perms.can_decide_adoption(by, regulation, party))
    with transaction.atomic():
        regulation = _locked(regulation)
        require(perms.can_decide_adoption(by, regulation, party))
        audited_save(Decision(regulation=regulation, round=regulation.adoption_round, party=party,
                              kind=DecisionKind.APPROVE, comment=comment, by=by), by=by, reason="approve")
        if approved_by_every_issuer(regulation.adoption_decisions, round=regulation.adoption_round,
                                    regulation=regulation):
            _adopt(regulation, by=by)
        return audited_save(regulation, by=by, reason=f"approved for {party.abbreviation}")


def _adopt(regulation, *, by):
    today = timezone.localdate()
    regulation.come_into_force(today)
    grant_regulation_readers(regulation)
    RegulationVersion.objects.create(regulation=regulation, number=1, valid_from=today,
                                     content=regulation_text(regulation), created_by=by)
    previous = regulation.predecessor
    if previous is not None and previous.is_in_force:
        previous.supersede()
        audited_save(previous, by=by, reason=f"superseded by {regulation.pk}")
        grant_regulation_readers(previous)
