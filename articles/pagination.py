"""Paging through very long admin lists without counting every row each time."""

from django.core.paginator import Paginator
from django.db import connections
from django.utils.functional import cached_property


class EstimatedCountPaginator(Paginator):
    """Counts exactly when filtered or small; estimates a whole big table.

    COUNT(*) over a whole table reads every row on every page view. PostgreSQL
    keeps an estimate of each table's rows (pg_class.reltuples, refreshed by
    autovacuum and ANALYZE) that costs nothing to read. A filtered list is
    counted exactly: its filters have indexes and the numbers matter there.
    """

    # Below this many rows an exact count is cheap, and nobody sees an estimate.
    exact_below = 10_000

    @cached_property
    def count(self) -> int:
        estimate = self._whole_table_estimate()
        if estimate is not None and estimate >= self.exact_below:
            return estimate
        return super().count

    def _whole_table_estimate(self) -> int | None:
        queryset = self.object_list
        query = getattr(queryset, "query", None)
        if query is None or query.where or query.combinator or query.distinct:
            return None
        connection = connections[queryset.db]
        if connection.vendor != "postgresql":
            return None
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT reltuples FROM pg_class WHERE oid = %s::regclass",
                [connection.ops.quote_name(queryset.model._meta.db_table)],
            )
            row = cursor.fetchone()
        # -1 (or 0) means the table was never analysed: count it instead.
        return int(row[0]) if row and row[0] > 0 else None
