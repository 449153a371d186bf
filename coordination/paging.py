"""Pagination that never counts more rows than it needs: the count stops a little past the page asked for.

A list of 100,000 visible requests should not be counted (every row checked for visibility) to show
20 of them. The count is capped at `ahead` rows past the requested page; beyond that the page says
"of more than N pages" and offers the next page.
"""

from django.core.paginator import Paginator
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
