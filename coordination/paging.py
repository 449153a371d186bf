"""Pagination that never counts more rows than it needs: the count stops a little past the page asked for.

A list of 100,000 visible requests should not be counted (every row checked for visibility) to show
20 of them. The count is capped at `ahead` rows past the requested page; beyond that the page says
"of more than N pages" and offers the next page.
"""

from django.core.exceptions import EmptyResultSet
from django.core.paginator import Paginator
from django.db import connections
from django.utils.functional import cached_property

MAX_PAGE = 100_000


class CappedPaginator(Paginator):
    def __init__(self, object_list, per_page, ahead=1000, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.ahead, self.limit = ahead, ahead

    def get_page(self, number):
        try:  # a page number past any real list (?page=999999999999) would overflow the LIMIT: bound it
            wanted = min(max(1, int(number)), MAX_PAGE)
        except (TypeError, ValueError, OverflowError):
            wanted = 1
        self.limit = wanted * self.per_page + self.ahead
        return super().get_page(number)

    @cached_property
    def count(self):
        """The number of rows, or limit + 1 when there are more than `limit`.

        Counted without the list's order: how many rows there are does not depend on it, and a sort on a
        column no index gives would read every row before the count could stop. Not for DISTINCT lists,
        whose rows may depend on the ordering columns."""
        rows = self.object_list
        if not rows.query.distinct:
            rows = rows.order_by()
        return rows[: self.limit + 1].count()

    @property
    def capped(self):
        return self.count > self.limit


class DeferredPaginator(CappedPaginator):
    """A CappedPaginator that reads a page in two short queries whatever its depth (a "deferred join").

    1. The ids of the page and the capped count in one narrow query: the list's own query, selecting only
       the id, ordered and cut at `limit + 1` rows as the count would be, numbered and counted by window
       functions (an index-only path where an index matches the order; the visibility EXISTS is probed
       once per row, as the count alone did).
    2. The page's rows by those ids (`rows(ids)`; by default the list's own query filtered on the ids), put
       back in the order of the ids.
    The plain way (a count, then LIMIT 20 OFFSET n over the full rows with their joins) read the rows before
    the page twice, and built every skipped row at a deep page. A page past the end falls back to the
    plain way (count, then the last page), as Paginator.get_page does.
    """

    def __init__(self, object_list, per_page, rows=None, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.rows = rows or (lambda ids: self.object_list.filter(pk__in=ids).order_by())

    def get_page(self, number):
        try:
            wanted = int(number) if not isinstance(number, float) or number.is_integer() else None
        except (TypeError, ValueError, OverflowError):
            wanted = None
        wanted = 1 if wanted is None else wanted  # as Paginator.get_page: not a whole number → the first page
        if not 1 <= wanted <= MAX_PAGE:
            return super().get_page(number)
        self.limit = wanted * self.per_page + self.ahead
        ids, count = self._page_ids(wanted)
        if not ids and wanted > 1:
            return super().get_page(number)
        self.__dict__["count"] = count  # the cached_property, as counted by CappedPaginator.count
        by_id = {obj.pk: obj for obj in self.rows(ids)} if ids else {}
        return self._get_page([by_id[pk] for pk in ids if pk in by_id], wanted, self)

    def _page_ids(self, number):
        """(the ids of page `number`, the number of rows up to limit + 1) in one query."""
        qs = self.object_list.values_list("pk", flat=True)[: self.limit + 1]
        connection = connections[qs.db]
        try:
            sql, params = qs.query.get_compiler(connection=connection).as_sql()
        except EmptyResultSet:  # qs.none(), e.g. a user without any group
            return [], 0
        # row_number() OVER () numbers the rows in the order the inner query returns them (its ORDER BY).
        wrapped = (f"SELECT * FROM (SELECT ids.*, COUNT(*) OVER () AS n, ROW_NUMBER() OVER () AS i "
                   f"FROM ({sql}) ids) numbered WHERE i > %s ORDER BY i LIMIT %s")
        with connection.cursor() as cursor:
            cursor.execute(wrapped, (*params, (number - 1) * self.per_page, self.per_page))
            found = cursor.fetchall()
        if found:  # each row: the id, the count, the row's number
            return [row[0] for row in found], found[0][-2]
        return [], 0
