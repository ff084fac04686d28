"""The `day` facet: articles counted by the day their date says, as the source wrote it.

Why not Datasette's `date` facet: it groups by SQLite's date(), which turns a time with an offset
into UTC, so an article published at 21:40 -05:00 on the 5th was counted under the 6th, and a
click on the 6th (?published__date=, date() again) listed it, while its page, the `timeline`
query and since/until (text compared with the stored value) all say the 5th. Here the day is the
stored value's first ten characters, what every other page shows, and a click filters with
Datasette's own ?published__startswith=YYYY-MM-DD (published LIKE 'YYYY-MM-DD%'). Datasette's
date filter and facet, asked for by hand or by an old link (?published__date=, ?_facet_date=),
are rewritten to these before Datasette reads them (datasette_plugin._local_days).

Order: the latest days first, as the articles are listed, not the busiest first (Datasette's
order for a facet): the days of a search read as a timeline, and a click walks back in time. The
busiest days of a long story are the `timeline` query's counts; a search of several years shows
its latest days here, and "…" (more) the rest.

Cost: no schema change. Datasette's SQL reads the same rows as its date facet did, with substr()
and a glob in place of date()'s parsing; the in-memory facet cache (facet_cache.py) keeps one code
an article for it, as it did for the date facet, and recognises its query and filter the same way.
"""

from datasette.facets import Facet
from datasette.utils import escape_sqlite, path_with_added_args, path_with_removed_args
from datasette.database import QueryInterrupted

# A stored date: the day first (ingest writes ISO dates, "2025-03-05" or "2025-03-05T21:40:00-05:00").
# Anything else in the column has no day and is left out, as date() left it out (NULL).
DAY_GLOB = "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*"
# The filter a click adds: Datasette's startswith, on the day's ten characters.
FILTER = "startswith"


def facet_sql(column: str, sql: str, limit: int) -> str:
    """The facet's query over a page's query `sql` (facet_cache.py recognises this exact shape)."""
    col = escape_sqlite(column)
    return (f"select substr({col}, 1, 10) as value, count(*) as count from (\n    {sql}\n)\n"
            f"where {col} glob '{DAY_GLOB}'\n"
            f"group by substr({col}, 1, 10) order by value desc limit {limit}")


class DayFacet(Facet):
    type = "day"

    async def facet_results(self):
        results, timed_out = [], []
        args = dict(self.get_querystring_pairs())
        size = self.get_facet_size()
        for source_and_config in self.get_configs():
            config, source = source_and_config["config"], source_and_config["source"]
            column = config.get("column") or config["simple"]
            try:
                found = await self.ds.execute(self.database, facet_sql(column, self.sql, size + 1), self.params,
                                              truncate=False, custom_time_limit=self.ds.setting("facet_time_limit_ms"))
            except QueryInterrupted:
                timed_out.append(column)
                continue
            values = []
            results.append({
                "name": column, "type": self.type, "results": values, "hideable": source != "metadata",
                "toggle_url": path_with_removed_args(self.request, {"_facet_day": column}),
                "truncated": len(found) > size,
            })
            key = f"{column}__{FILTER}"
            for row in found.rows[:size]:
                selected = str(args.get(key)) == str(row["value"])
                toggle = (path_with_removed_args(self.request, {key: str(row["value"])}) if selected
                          else path_with_added_args(self.request, {key: row["value"]}))
                values.append({"value": row["value"], "label": row["value"], "count": row["count"],
                               "toggle_url": self.ds.absolute_url(self.request, toggle), "selected": selected})
        return results, timed_out
