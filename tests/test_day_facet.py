"""The faceted pages count an article under the day its date says, as written (the plugin's `day`
facet), as the article page, the `timeline` query and since/until do. Datasette's date facet used
SQLite's date(), which converts to UTC: 21:40 at -05:00 on the 5th was counted under the 6th.
The in-memory facet cache and Datasette's SQL must give the same counts and the same rows."""

import asyncio
import json

import pytest

from ingest.pipeline import run_ingest
from ingest.serve import build_datasette

# (title, published): invented stories, each a distinct text
DATED = [
    ("Night ferry runs late at Quayport", "2025-03-05T21:40:00-05:00"),  # UTC: the 6th
    ("Morning tide lifts the Quayport pontoon", "2025-03-05T08:15:00+00:00"),  # near miss: UTC already
    ("Quayport harbour fees rise", "2025-03-06"),  # a day alone
    ("Early market opens at Quayport", "2025-03-06T00:30:00+09:00"),  # UTC: the 5th
    ("Quayport lighthouse keeper retires", None),  # no date: in no day
]
EXPECTED_DAYS = {"2025-03-05": 2, "2025-03-06": 2}


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    yield from _served(tmp_path_factory, DATED)


def _served(tmp_path_factory, dated, outlets=("The Harbor Ledger",)):
    folder = tmp_path_factory.mktemp("days")
    lines = []
    for number, (title, published) in enumerate(dated):
        record = {"title": title, "outlet": outlets[number % len(outlets)], "url": f"https://harborledger.example/{number}",
                  "body": f"{title}, the harbour office said on the day, in a notice number {number} "
                          f"posted at the quay for the crews and the passengers waiting there."}
        if published:
            record["published"] = published
        lines.append(json.dumps(record))
    (folder / "export.jsonl").write_text("\n".join(lines) + "\n")
    path = folder / "archive.db"
    assert run_ingest([str(folder / "export.jsonl")], str(path), workers=1).stored == len(dated)
    datasette = build_datasette(path)
    database = datasette.databases["archive"]
    assert database.facet_cache is None or database.facet_cache.loaded.wait(30)
    loop = asyncio.new_event_loop()
    loop.run_until_complete(datasette.invoke_startup())

    def get(path, cache=True):
        kept = database.facet_cache
        if not cache:
            database.facet_cache = None
        try:
            response = loop.run_until_complete(datasette.client.get(path))
        finally:
            database.facet_cache = kept
        assert response.status_code == 200, response.text
        return response.json()

    yield get
    loop.close()


@pytest.mark.parametrize("table", ["articles", "article_facets"])
@pytest.mark.parametrize("cache", [True, False])
def test_the_day_facet_counts_the_day_as_written(served, table, cache):
    page = served(f"/archive/{table}.json?_search=quayport", cache=cache)
    facet = page["facet_results"]["published"]
    assert facet["type"] == "day"
    assert {row["value"]: row["count"] for row in facet["results"]} == EXPECTED_DAYS


@pytest.mark.parametrize("cache", [True, False])
def test_a_day_clicked_lists_that_days_articles(served, cache):
    page = served("/archive/article_facets.json?_search=quayport", cache=cache)
    fifth = next(row for row in page["facet_results"]["published"]["results"] if row["value"] == "2025-03-05")
    listed = served(fifth["toggle_url"].replace("http://localhost", "") + "&_shape=objects", cache=cache)
    assert sorted(row["title"] for row in listed["rows"]) == [
        "Morning tide lifts the Quayport pontoon", "Night ferry runs late at Quayport"]
    assert listed["filtered_table_rows_count"] == 2
    (chosen,) = [row for row in listed["facet_results"]["published"]["results"] if row["selected"]]
    assert chosen["value"] == "2025-03-05"


def test_the_timeline_and_the_facet_agree(served):
    timeline = served("/archive/timeline.json?q=quayport&_shape=array")
    assert {row["day"]: row["articles"] for row in timeline} == EXPECTED_DAYS


@pytest.mark.parametrize("query", [
    "?_search=quayport&published__startswith=2025-03",  # a month: left to SQLite, same answer
    "?_search=quayport&published__startswith=2025-03-06",
    "?_search=quayport&published__date=2025-03-06",  # Datasette's own date filter still works (UTC)
    "?_search=quayport&_facet_date=published",  # and its date facet, asked for by hand
])
def test_the_cache_and_sqlite_agree(served, query):
    fast = served("/archive/article_facets.json" + query)
    slow = served("/archive/article_facets.json" + query, cache=False)
    for key in ("filtered_table_rows_count", "facet_results", "rows"):
        assert fast[key] == slow[key], key


# Days of unequal counts: the busiest (the 1st) is neither the latest nor the earliest.
SPREAD = [(f"Quayport notice {n}", day) for n, day in enumerate(
    ["2025-03-01T09:00:00+00:00"] * 3 + ["2025-03-04T10:00:00-05:00"] + ["2025-03-09"] * 2 + [None])]


@pytest.fixture(scope="module")
def spread(tmp_path_factory):
    yield from _served(tmp_path_factory, SPREAD, outlets=("The Harbor Ledger", "Quayport Gazette"))


@pytest.mark.parametrize("table", ["articles", "article_facets"])
@pytest.mark.parametrize("cache", [True, False])
@pytest.mark.parametrize("size, days", [
    ("", [("2025-03-09", 2), ("2025-03-04", 1), ("2025-03-01", 3)]),  # latest first, not busiest first
    ("&_facet_size=2", [("2025-03-09", 2), ("2025-03-04", 1)]),  # cut short: the latest days kept
])
def test_the_day_facet_lists_the_latest_day_first(spread, table, cache, size, days):
    facet = spread(f"/archive/{table}.json?_search=quayport{size}", cache=cache)["facet_results"]["published"]
    assert [(row["value"], row["count"]) for row in facet["results"]] == days
    assert facet["truncated"] is (len(days) < 3)


@pytest.mark.parametrize("cache", [True, False])
def test_the_other_facets_still_list_the_most_first(spread, cache):
    # near miss: the outlet facet keeps Datasette's order, the most articles first (4 against 3)
    facet = spread("/archive/article_facets.json?_search=quayport", cache=cache)["facet_results"]["outlet_id"]
    assert [row["count"] for row in facet["results"]] == [4, 3]


# Datasette's own day filter and date facet (SQLite's date(): UTC) are read as the day as
# written (datasette_plugin._local_days): the 21:40 -05:00 ferry is the 5th's, the 00:30 +09:00
# market the 6th's, as the day facet, the article page and the timeline say.
@pytest.mark.parametrize("table", ["articles", "article_facets"])
@pytest.mark.parametrize("cache", [True, False])
@pytest.mark.parametrize("query, titles", [
    ("published__date=2025-03-05", {"Night ferry runs late at Quayport", "Morning tide lifts the Quayport pontoon"}),
    ("published__date=2025-03-06", {"Quayport harbour fees rise", "Early market opens at Quayport"}),
    # near misses: the day facet's own filter (unchanged), a value that is no whole day (left to
    # Datasette: date() is never a month, so nothing), another operator
    ("published__startswith=2025-03-05", {"Night ferry runs late at Quayport", "Morning tide lifts the Quayport pontoon"}),
    ("published__date=2025-03", set()),
    ("published__gte=2025-03-06", {"Quayport harbour fees rise", "Early market opens at Quayport"}),
    # ... a value no day at all, Datasette's date filter on a column that holds no date (both
    # left to Datasette: nothing, not an error), a value with the day's slashes
    ("published__date=notaday", set()),
    ("title__date=2025-03-05", set()),
    ("published__date=2025%2F03%2F05", set()),
])
def test_datasettes_day_filter_is_the_day_as_written(served, table, cache, query, titles):
    page = served(f"/archive/{table}.json?_search=quayport&{query}&_shape=objects", cache=cache)
    assert {row["title"] for row in page["rows"]} == titles


@pytest.mark.parametrize("cache", [True, False])
def test_datasettes_date_facet_is_the_day_facet(served, cache):
    page = served("/archive/article_facets.json?_search=quayport&_facet_date=published", cache=cache)
    facet = page["facet_results"]["published"]
    assert facet["type"] == "day"
    assert {row["value"]: row["count"] for row in facet["results"]} == EXPECTED_DAYS
    # a click on a day filters by the day as written
    fifth = next(row for row in facet["results"] if row["value"] == "2025-03-05")
    assert "published__startswith=2025-03-05" in fifth["toggle_url"]


@pytest.mark.parametrize("cache", [True, False])
def test_datasettes_date_facet_on_a_column_that_is_no_date_is_left_to_datasette(served, cache):
    # near miss: only the date columns' facet is rewritten
    page = served("/archive/article_facets.json?_search=quayport&_facet_date=title", cache=cache)
    assert page["facet_results"]["title"]["type"] == "date"
