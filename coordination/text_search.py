"""Diacritics-insensitive search that behaves the same on SQLite and PostgreSQL.

Services store `normalize(text)` in a `search_text` column; queries are normalised the same way
and matched with a plain `contains`, so "hoi nghi" finds "Hội nghị" on every database.
"""

import unicodedata

from django.db.models import Q


def normalize(*parts):
    text = " ".join(str(p) for p in parts if p)
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return " ".join(stripped.lower().split())


MAX_WORDS, MAX_WORD = 10, 100


def query_words(query):
    """The words searched for: at most ten of at most 100 characters. A pasted page of text would
    otherwise become thousands of LIKE clauses (SQLite refuses expressions that deep)."""
    return [word[:MAX_WORD] for word in normalize(query[:2000]).split()[:MAX_WORDS]]


def search_q(query, field="search_text", hidden=None):
    """Every word of the query must appear (in any order). `hidden` is {field: Q}: a word may also be found
    in that field, but only in the rows the Q selects (where the user may read that part)."""
    q = Q()
    for word in query_words(query):
        found = Q(**{f"{field}__contains": word})
        for other, readable in (hidden or {}).items():
            found |= readable & Q(**{f"{other}__contains": word})
        q &= found
    return q
