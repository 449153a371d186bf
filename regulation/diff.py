"""Word-level diff of two consolidated texts, safe for Vietnamese.

Both sides are normalised to NFC first, then cut into word tokens that keep every combining
mark with its letter, so a change of tone mark (phối → phổi) shows as a changed word and never
as half a character. Insertions and deletions carry visually hidden text for screen readers.
"""

import difflib
import re

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from coordination.workflow import BadgeChoices, Tone

from .consolidation import iter_articles
from .text import article_key, nfc, split_article_key

MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
TOKEN_RE = re.compile(rf"(?:\w|[{MARKS}])+|\s+|[^\w\s{MARKS}]")


class ArticleChange(BadgeChoices):
    """What happened to an article between two texts, as the comparison page labels it."""

    ADDED = "added", gettext_lazy("inserted")
    REPEALED = "repealed", gettext_lazy("repealed")
    CHANGED = "changed", gettext_lazy("changed")

    __tones__ = {"added": Tone.OK, "repealed": Tone.DANGER, "changed": Tone.INFO}


def tokenise(text):
    return TOKEN_RE.findall(nfc(text))


def _chunks(a, b):
    """difflib's opcodes as (equal, old tokens, new tokens), with short equal runs (one or two words)
    between two changes folded into the change, so a rewritten phrase reads as one deletion and one
    insertion instead of a patchwork of common little words."""
    chunks = [(op == "equal", a[i1:i2], b[j1:j2])
              for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()]
    for index in range(1, len(chunks) - 1):
        same, old, _new = chunks[index]
        if same and not chunks[index - 1][0] and not chunks[index + 1][0] and _words(old) <= 2:
            chunks[index] = (False, old, old)
    merged = []
    for same, old, new in chunks:
        if merged and not same and not merged[-1][0]:
            merged[-1] = (False, merged[-1][1] + old, merged[-1][2] + new)
        else:
            merged.append((same, old, new))
    return merged


def _words(tokens):
    return sum(1 for token in tokens if not token.isspace())


def word_diff(old, new):
    """HTML with <del> and <ins> around changed word runs; also returns (inserted, deleted) word counts."""
    out, counts = [], [0, 0]
    for same, a, b in _chunks(tokenise(old), tokenise(new)):
        if same:
            out.append(escape("".join(a)))
            continue
        # Spaces at the edges of a change are shown as plain text: only words are marked.
        lead, a, b, trail = _edge_spaces(a, b)
        out.append(escape(lead))
        if a:
            out.append(_wrap("del", _("deleted: "), "".join(a)))
            counts[1] += _words(a)
        if b:
            out.append(_wrap("ins", _("inserted: "), "".join(b)))
            counts[0] += _words(b)
        out.append(escape(trail))
    return mark_safe("".join(out)), tuple(counts)


def _edge_spaces(a, b):
    """Whitespace that every non-empty side of a change starts (or ends) with, moved out of the marks."""
    sides = [tokens for tokens in (a, b) if tokens]
    lead = sides[0][0] if all(t[0].isspace() for t in sides) else ""
    trail = sides[-1][-1] if all(len(t) > 1 and t[-1].isspace() for t in sides) else ""

    def trim(tokens):
        start = 1 if lead and tokens else 0
        end = len(tokens) - 1 if trail and tokens else len(tokens)
        return tokens[start:end]

    return lead, trim(a), trim(b), trail


def _wrap(tag, label, text):
    return f'<{tag}><span class="visually-hidden">{escape(label)}</span>{escape(text)}</{tag}>'


def compare(before, after):
    """One entry per article that differs: key, titles, HTML of the diff, and what happened to it.

    The title is shown in the heading, so the body diff leaves it out (it would read as a first line
    repeating the heading); a changed title gets its own word diff, shown in the heading instead.
    """
    old = {article_key(a["number"], a.get("suffix", "")): a for _c, a in iter_articles(before)}
    new = {article_key(a["number"], a.get("suffix", "")): a for _c, a in iter_articles(after)}
    rows = []
    for key in sorted(old.keys() | new.keys(), key=split_article_key):
        left, right = old.get(key), new.get(key)
        if left == right:
            continue
        html, (inserted, deleted) = word_diff((left or {}).get("body", ""), (right or {}).get("body", ""))
        title_html = ""
        if left and right and left["title"] != right["title"]:
            title_html, (t_inserted, t_deleted) = word_diff(left["title"], right["title"])
            inserted, deleted = inserted + t_inserted, deleted + t_deleted
        status = (ArticleChange.ADDED if left is None
                  else ArticleChange.REPEALED if right and right.get("repealed") else ArticleChange.CHANGED)
        rows.append({"key": key, "title": (right or left)["title"], "title_html": title_html, "html": html,
                     "status": status, "inserted": inserted, "deleted": deleted})
    return rows
