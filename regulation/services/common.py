"""Helpers shared by the regulation services: audited saves and syncing the current rows to a version."""


from coordination.models import CoordinationArea
from coordination.workflow import approved_by_every_body

from ..models import Article, Chapter


def audited_save(obj, *, by, reason):
    obj._history_user = by
    obj._change_reason = str(reason)[:100]
    obj.save()
    return obj


def approved_by_every_issuer(decisions, *, round, regulation) -> bool:
    """Has every issuing body of `regulation` approved in this round?"""
    return approved_by_every_body(decisions.all(), round=round,
                                  party_ids=regulation.issuing_parties.values_list("pk", flat=True))


def save_article(article, *, by, reason):
    article.refresh_search_text()
    return audited_save(article, by=by, reason=reason)


def sync_rows(regulation, content, *, by, reason):
    """Make the Chapter and Article rows equal to `content`, saving (with history) only what changed."""
    areas = {a.article_number: a for a in CoordinationArea.objects.all()}
    chapters = {c.number: c for c in regulation.chapters.all()}
    articles = {(a.number, a.suffix): a for a in regulation.articles.all()}
    for chapter_data in content["chapters"]:
        chapter = chapters.get(chapter_data["number"]) or Chapter(regulation=regulation, number=chapter_data["number"])
        if chapter.pk is None or chapter.title != chapter_data["title"]:
            chapter.title = chapter_data["title"]
            audited_save(chapter, by=by, reason=reason)
        for data in chapter_data["articles"]:
            key = (data["number"], data.get("suffix", ""))
            article = articles.get(key) or Article(regulation=regulation, number=key[0], suffix=key[1])
            wanted = {"chapter_id": chapter.pk, "title": data["title"], "body": data["body"],
                      "repealed": data.get("repealed", False), "area": areas.get(key[0]) if not key[1] else None}
            if article.pk is None or any(getattr(article, f) != v for f, v in wanted.items()):
                for field, value in wanted.items():
                    setattr(article, field, value)
                save_article(article, by=by, reason=reason)
