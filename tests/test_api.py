"""The JSON API as a program uses it: paging through every result by `next_url`, the types of
the fields, the CSV of the same rows, errors a program can read, polling for new articles, and
CORS for a dashboard on another origin. Through Datasette's own client, on invented notes."""

import csv
import io
import json
import re
import sqlite3
from pathlib import Path
from urllib.parse import quote

import pytest

from conftest import ARTICLE_TEXT, LIMITS_FOR_ANSWERS, served_from
from ingest.pipeline import run_ingest
from ingest.search import add_query_functions
from ingest.serve import load_metadata

# Three ingest runs, each stamped with its own first_seen (ingest stamps the time of its run).
RUNS = ["2030-01-01T09:00:00+00:00", "2030-01-02T09:00:00+00:00", "2030-01-03T09:00:00+00:00"]


def note(i: int, published: str | None = "2024-05-02", extra: str = "") -> dict:
    """An invented note; every one matches "harbour", with the same length and the same date, so
    that rank and date tie between them all (the case where paging skips or repeats rows)."""
    return {"title": f"Harbor note {i:03d}", "outlet": "The Harbor Ledger", "authors": ["Ann Lee", "Bo Park"],
            "published": published, "body": f"Note {i:03d} of the day from the harbour master{extra}. " + ARTICLE_TEXT}


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("api")
    runs = [[note(i) for i in range(45)],
            [note(i, "2024-05-03T21:40:00-05:00", " and the ferry") for i in range(45, 50)],
            [note(i, None, " and the ferry") for i in range(50, 53)]]
    with pytest.MonkeyPatch.context() as patch:
        for stamp, records in zip(RUNS, runs):
            patch.setattr("ingest.store.utc_now", lambda stamp=stamp: stamp)
            path = folder / f"run-{stamp[:10]}.jsonl"
            path.write_text("\n".join(json.dumps(r) for r in records) + "\n")
            assert run_ingest([str(path)], str(folder / "a.db"), workers=1).stored == len(records)
    return folder / "a.db"


@pytest.fixture(scope="module")
def get(archive):
    with served_from(archive) as get:
        yield get


def follow(get, url: str) -> tuple[list, list]:
    """Every row a program gets by following next_url from `url`, and each page's size."""
    rows, sizes = [], []
    while url:
        answer = get(url.removeprefix("http://localhost"))
        assert answer.status_code == 200, answer.text[:300]
        page = answer.json()
        rows += page["rows"]
        sizes.append(len(page["rows"]))
        assert ("link" in answer.headers) == (page["next_url"] is not None)
        url = page["next_url"]
    return rows, sizes


# --- paging through every result ---------------------------------------------------------------

@pytest.mark.parametrize("asked", [
    "q=harbour", "q=harbour&sort=newest", "q=harbour&outlet=The+Harbor+Ledger",
    "q=harbour&author=Ann+Lee&since=2024", "q=harbour&since=2024-05-02&until=2024-05-03&sort=newest",
])
def test_a_program_pages_through_every_hit_by_next_url(get, asked):
    # The JSON said nothing of a next page: a script had to know 20 a page and guess at the end.
    # 53 hits, tied in rank (and the first 45 in date): no page repeats or skips one.
    rows, sizes = follow(get, f"/archive/search.json?{asked}&_shape=objects")
    expected = 53 if "until" not in asked and "author" not in asked else 50
    assert sizes == [20, 20, expected - 40]
    assert len({row["id"] for row in rows}) == len(rows) == expected


@pytest.mark.parametrize("query, asked, sizes", [
    ("by_outlet", "outlet=The+Harbor+Ledger", [53]), ("by_author", "author=Bo+Park", [53]),
    ("new_articles", "after=0", [53]),
])
def test_the_other_paged_queries_say_their_last_page(get, query, asked, sizes):
    assert follow(get, f"/archive/{query}.json?{asked}")[1] == sizes


@pytest.mark.parametrize("asked", [
    "q=harbour",  # ranked: FTS5 makes the snippets as it ranks
    "q=harb*",  # a prefix, best first
    "q=harbour&sort=newest", "q=harbour&since=2024-05-02",  # by date: each row's sought by its id
    "q=harb*&sort=newest", "q=harb*&outlet=The+Harbor+Ledger",  # a prefix by date: one pass over the page's span
])
def test_every_hit_of_every_way_of_searching_has_its_snippet(get, asked):
    # The search query makes snippets four ways (metadata.yml: page, shown, the final select);
    # each path is here, so a change to one that loses its snippets fails.
    for page in (1, 3):
        rows = get(f"/archive/search.json?{asked}&page={page}&_shape=objects").json()["rows"]
        assert rows and all("<mark>" in row["snippet"] for row in rows), (page, rows[:1])


def test_a_full_page_offers_the_next_and_a_page_past_the_end_none(get):
    # 45 hits of one day: 20, 20, then 5, the last
    last = get("/archive/search.json?q=harbour&since=2024-05-02&until=2024-05-02&page=3&_shape=objects").json()
    assert len(last["rows"]) == 5 and last["next"] is None and last["next_url"] is None
    full = get("/archive/search.json?q=harbour&page=2").json()
    assert len(full["rows"]) == 20 and full["next"] == "3"
    assert full["next_url"] == "http://localhost/archive/search.json?q=harbour&page=3"
    beyond = get("/archive/search.json?q=harbour&page=4").json()
    assert beyond["rows"] == [] and beyond["next"] is None and beyond["next_url"] is None


def test_the_array_shape_gives_its_next_page_in_the_link_header(get):
    answer = get("/archive/search.json?q=harbour&_shape=array&page=2")
    assert len(answer.json()) == 20
    assert answer.headers["link"] == '<http://localhost/archive/search.json?q=harbour&_shape=array&page=3>; rel="next"'
    assert "link" not in get("/archive/search.json?q=harbour&_shape=array&page=3").headers


@pytest.mark.parametrize("path, link", [
    # one row a line (_nl=on): no JSON document, so no page said it had a next one
    ("/archive/search.json?q=harbour&_shape=array&_nl=on&page=2",
     "/archive/search.json?q=harbour&_shape=array&_nl=on&page=3"),
    ("/archive/search.json?q=harbour&_shape=array&_nl=on&page=3", None),  # 13 rows: the last
    ("/archive/by_author.json?author=Ann+Lee&_shape=array&_nl=on", None),
])
def test_rows_one_a_line_give_their_next_page_in_the_link_header(get, path, link):
    answer = get(path)
    assert answer.status_code == 200 and all(json.loads(line) for line in answer.text.splitlines())
    assert answer.headers.get("link") == (f'<http://localhost{link}>; rel="next"' if link else None)


def test_a_refused_parameter_is_passed_on_as_it_was(get):
    answer = get("/archive/search.json?q=harbour&page=0")
    assert answer.status_code == 400 and "page: '0'" in answer.json()["error"] and "link" not in answer.headers


@pytest.mark.parametrize("path, link", [
    ("/archive/search.csv?q=harbour&page=2", "/archive/search.csv?q=harbour&page=3"),
    ("/archive/search.csv?q=harbour&page=3", None),  # 13 rows: the last
    ("/archive/new_articles.csv?after=0", None),
    ("/archive/by_author.csv?author=Ann+Lee&_dl=1", None),
])
def test_a_csv_page_gives_its_next_in_the_link_header(get, path, link):
    answer = get(path)
    assert answer.status_code == 200
    assert answer.headers.get("link") == (f'<http://localhost{link}>; rel="next"' if link else None)


@pytest.mark.parametrize("rows, columns, expected", [
    ([[str(i), "t"] for i in range(1, 1001)], ["id", "title"], "1000"),   # a CSV's cells
    ([[i, "t"] for i in range(1, 1001)], ["id", "title"], "1000"),        # the default shape
    ([{"id": i} for i in range(5, 1005)], None, "1004"),                   # objects, array
    (list(range(1, 1001)), None, "1000"),                                  # arrayfirst
    ([[i, "t"] for i in range(1, 1000)], ["id", "title"], None),          # 999: the last page
])
def test_new_articles_next_is_after_the_last_id_of_a_full_page(rows, columns, expected):
    from ingest.datasette_plugin.api_paging import next_value

    assert next_value("new_articles", {"query_string": b"after=0"}, rows, columns) == expected


# --- types -------------------------------------------------------------------------------------

def test_authors_as_a_json_array_with_underscore_json(get):
    plain = get("/archive/search.json?q=ferry&_shape=array").json()
    assert plain[0]["authors"] == '["Ann Lee", "Bo Park"]'  # stored as JSON text
    for query in ("search.json?q=ferry", "by_author.json?author=Ann+Lee", "new_articles.json?after=50"):
        rows = get(f"/archive/{query}&_shape=array&_json=authors").json()
        assert rows and all(row["authors"] == ["Ann Lee", "Bo Park"] for row in rows)


def test_dates_are_strings_as_stored_with_their_offsets(get):
    rows = get("/archive/new_articles.json?after=44&_shape=array").json()
    assert [row["published"] for row in rows][:2] == ["2024-05-02", "2024-05-03T21:40:00-05:00"]
    assert rows[-1]["published"] is None and rows[-1]["first_seen"] == RUNS[2]


def test_the_csv_of_a_search_has_the_json_columns_and_rows(get):
    objects = get("/archive/search.json?q=ferry&_shape=objects").json()
    table = list(csv.reader(io.StringIO(get("/archive/search.csv?q=ferry").text)))
    assert table[0] == list(objects["rows"][0]) == objects["columns"]
    assert [int(row[0]) for row in table[1:]] == [row["id"] for row in objects["rows"]]


# --- errors a program can read -----------------------------------------------------------------

@pytest.mark.parametrize("path, status, said", [
    ("/archive/no_such_query.json", 404, "not found"),
    ("/archive/new_articles.json?after=last", 400, "after: 'last' is not an article's id"),
    ("/archive/new_articles.json?after=-1", 400, "after: '-1' is not an article's id"),
    ("/archive/new_articles.json?after=99999999999999999999", 400, "after: '99999999999999999999' is not an article's id"),
    ("/archive/new_articles.json?seen=yesterday", 400, "seen: 'yesterday' is not a date"),
    # compared as text with first_seen, which is UTC: two hours off without a word
    ("/archive/new_articles.json?seen=2030-01-02T11:00:00%2B02:00", 400, "seen: '2030-01-02T11:00:00+02:00' is not a UTC time"),
    ("/archive/new_articles.json?seen=2030-01-02T04:00:00-0500", 400, "is not a UTC time"),
    ("/archive/new_articles.json?seen=2030-01-02T11:00:00.000%2B02:00", 400, "is not a UTC time"),
    # " 20:00" sorts before "T09:00": the day's every article counted as after it
    ("/archive/new_articles.json?seen=2030-01-02+20:00:00", 400, "seen: '2030-01-02 20:00:00' has a space before the time"),
    ("/archive/new_articles.json?q=-ferry", 400, "q: '-ferry' only leaves words out"),
    # a parameter the query does not take: ignored, it ran the query without it (no rows for a
    # misspelt q, every author's articles for a misspelt author)
    ("/archive/search.json?query=harbour", 400, "query: not a parameter of search (it takes: q, outlet,"),
    ("/archive/by_author.json?auther=Ann+Lee", 400, "auther: not a parameter of by_author (it takes: author, before, page)"),
    ("/archive/coverage.json?q=ferry&outlet=x", 400, "outlet: not a parameter of coverage (it takes: q, versions, page)"),
    # answered 200 with {"ok": false}
    ("/archive/search.json?q=harbour&_shape=bogus", 400, "_shape: 'bogus' is not a shape"),
    ("/archive/search.json?q=harbour&_shape=object", 400, "_shape: 'object' (rows by primary key) is for tables only"),
    ("/archive.json?sql=select+1&_shape=object", 400, "_shape: 'object' (rows by primary key) is for tables only"),
    ("/archive/articles.json?_shape=bogus", 400, "_shape: 'bogus' is not a shape"),
    # answered 500, a fault of the server
    ("/archive/articles.json?_sort=nosuch", 400, "_sort: 'nosuch' is not a column of articles"),
    ("/archive/articles.json?_sort_desc=first_seen_at", 400, "_sort_desc: 'first_seen_at' is not a column of articles"),
    ("/archive/search.json?q=harbour&_timelimit=abc", 400, "_timelimit: 'abc' is not a number of milliseconds"),
    ("/archive/articles.json?_timelimit=1.5", 400, "_timelimit: '1.5' is not a number of milliseconds"),
    ("/archive/articles.json?_sort=rowid", 400, "_sort: 'rowid' is not a column of articles"),  # (its key is id)
    # rows by primary key of a view, or of a table without one: 200 and {"ok": false}
    ("/archive/article_list.json?_shape=object", 400, "_shape: 'object' (rows by primary key): article_list has none"),
    ("/archive/articles_fts.json?_shape=object", 400, "_shape: 'object' (rows by primary key): articles_fts has none"),
    # a view too (Datasette's 500, "Cannot sort table by"); a view has no rowid to sort by
    ("/archive/article_list.json?_sort=nosuch", 400, "_sort: 'nosuch' is not a column of article_list"),
    ("/archive/article_list.json?_sort_desc=rowid", 400, "_sort_desc: 'rowid' is not a column of article_list"),
])
def test_errors_are_json_saying_which_parameter_and_why(get, path, status, said):
    answer = get(path)
    assert answer.status_code == status and answer.headers["content-type"].startswith("application/json")
    assert said in answer.json()["error"].lower() if status == 404 else said in answer.json()["error"]


@pytest.mark.parametrize("path", [
    # near misses: Datasette's own parameters, a cache-buster, a shape that fits, a real column
    "/archive/search.json?q=harbour&_shape=arrayfirst&_json=authors&_=1733", "/archive/search.json?q=harbour&page=",
    "/archive/articles.json?_sort=first_seen&_shape=object&_size=2", "/archive/articles.json?_sort_desc=id&_size=1",
    "/archive/by_author.json?author=Ann+Lee&_shape=objects", "/archive.json?sql=select+1+as+n&_shape=array",
    "/archive/search.json?q=harbour&_timelimit=5000", "/archive/article_list.json?_sort=title&_size=1",
])
def test_well_formed_requests_still_answer(get, path):
    assert get(path).status_code == 200, get(path).text[:300]


@pytest.mark.parametrize("path", [
    "/archive/search.json?query=harbour", "/archive/search.csv?q=harbour&since=nodate",
    "/archive/articles.json?_sort=nosuch", "/archive/search.json?q=harbour&_shape=bogus",
])
def test_a_browsers_preflight_of_a_refused_request_is_not_refused(archive, path):
    # A page of another origin that sends a header (Authorization) is preflighted with OPTIONS:
    # a 400 to the preflight failed it, and the browser hid the GET's 400 that says which
    # parameter behind a bare CORS network error. The GET itself is still refused.
    with served_from(archive, cors=True) as get:
        preflight = get(path, method="OPTIONS")
        assert preflight.status_code == 200 and preflight.headers["access-control-allow-origin"] == "*"
        assert get(path).status_code == 400


@pytest.mark.parametrize("path, status", [
    # a table's CSV with a column it does not have: Datasette's 500 and an HTML page
    ("/archive/articles.csv?_sort=nosuch", 400), ("/archive/outlets.csv?_sort_desc=nosuch", 400),
    # near misses: a real column, and no sort
    ("/archive/article_list.csv?_sort=nosuch", 400),
    ("/archive/articles.csv?_sort=title&_size=2", 200), ("/archive/articles.csv?_size=2", 200),
])
def test_a_tables_csv_sorted_by_no_column_is_refused_as_its_json_is(get, path, status):
    answer = get(path)
    assert answer.status_code == status, answer.text[:200]
    if status == 400:
        assert answer.text.startswith(("_sort: 'nosuch' is not a column", "_sort_desc: 'nosuch' is not a column"))


@pytest.mark.parametrize("path, said", [
    # each a table's CSV a program (curl ... > hits.csv) asks amiss: the 400 came as Datasette's
    # HTML error page, saved as the spreadsheet, where the README promises the message as text
    ("/archive/articles.csv?_search=-harbour", "_search: '-harbour' only leaves words out"),
    ("/archive/articles.csv?_search=ferry+AND&_searchmode=raw", "_search: 'ferry AND' is not a search"),
    ("/archive/article_facets.csv?_search=-harbour&_stream=on", "_search: '-harbour' only leaves words out"),
    ("/archive/articles.csv?_versions=some", "_versions:"),
    ("/archive/articles.csv?_facet=nosuch", "_facet:"),
    ("/archive/articles.csv?_through=x", "_through: 'x' is not JSON"),
    ("/archive/articles.csv?_col=nosuch", "_col=nosuch - invalid columns"),
    ("/archive/articles.csv?_size=many", "_size must be a positive integer"),
])
def test_a_tables_csv_refused_says_why_in_text_not_html(get, path, said):
    answer = get(path)
    assert answer.status_code == 400
    assert answer.headers["content-type"].startswith("text/plain"), answer.text[:100]
    assert answer.text.startswith(said), answer.text[:200]
    # near misses: the same asked as JSON stays JSON, and an HTML page stays a page
    assert get(path.replace(".csv", ".json")).json()["error"].startswith(said)
    assert get(path.replace(".csv", "")).headers["content-type"].startswith("text/html")


@pytest.mark.parametrize("path, said", [
    # Datasette reads _size and _next on tables only: a saved query ignored them, so a script
    # asking search for 100 rows a page got 20 and no word why (and took them for every hit when
    # it did not follow next_url), and _next= started again at the first page
    ("/archive/search.json?q=harbour&_size=100", "_size: search gives 20 rows a page"),
    ("/archive/search.csv?q=harbour&_size=50", "_size: search gives 20 rows a page"),
    ("/archive/by_outlet.json?outlet=harbor&_size=5", "_size: by_outlet gives 100 rows a page"),
    ("/archive/search.json?q=harbour&_next=20", "_next: search gives 20 rows a page"),
    ("/archive/near_copies.json?_size=5", "_size: near_copies gives 1,000 rows a page"),
])
def test_a_saved_query_refuses_a_tables_page_size_saying_how_it_pages(get, path, said):
    answer = get(path)
    assert answer.status_code == 400
    error = answer.json()["error"] if ".json" in path else answer.text
    assert error.startswith(said) and "next_url" in error, error
    # near misses: the same query without them answers, and a table still takes them
    assert get(re.sub(r"&?_(size|next)=\w+", "", path)).status_code == 200
    assert len(get("/archive/articles.json?_size=5&_shape=array").json()) == 5
    # (Datasette's own CSV link of a query's page asks _size=max)
    assert get("/archive/search.csv?q=harbour&_size=max").status_code == 200


def test_the_near_copies_query_pages_by_next_url_as_the_others_do(archive, tmp_path):
    # near_copies takes a page of 1,000 rows like syndication, but its JSON had no next_url and
    # its page no Next page link: a program (or a person) saw the first 1,000 pairs as if they
    # were all. Every pair of the 53 notes linked (1,378), as SQL may hold them.
    import shutil

    copy = tmp_path / "pairs.db"
    shutil.copy(archive, copy)
    with sqlite3.connect(copy) as db:
        ids = [row[0] for row in db.execute("select id from articles order by id")]
        db.executemany("insert into near_copies values (?, ?, 0.9)",
                       [(later, earlier) for i, later in enumerate(ids) for earlier in ids[:i]])
    pairs = len(ids) * (len(ids) - 1) // 2
    with served_from(copy) as get_pairs:
        rows, sizes = follow(get_pairs, "/archive/near_copies.json?_shape=objects")
        assert sizes == [1000, pairs - 1000] and len({(r["article_id"], r["near_copy"]) for r in rows}) == pairs
        assert 'href="/archive/near_copies?page=2"' in get_pairs("/archive/near_copies").text
        # near miss: one article's near copies, a short page, is the last
        assert get_pairs(f"/archive/near_copies.json?article={ids[0]}").json()["next_url"] is None


@pytest.mark.parametrize("path", [
    # a _next no page gave (an id typed for the place to start, a token cut short in copying):
    # Datasette answered 200 with no rows, which a program paging took for the end of the table
    "/archive/articles.json?_next=20&_shape=array",
    "/archive/articles.json?_next=abc",
    "/archive/article_facets.json?_next=5&_shape=array",
    "/archive/articles.json?_sort=id&_next=2024-05-02",
    "/archive/articles.csv?_next=20",
    "/archive/outlets.json?_next=Harbor,x",
    "/archive/article_list.json?_next=abc",
])
def test_a_next_no_page_gave_is_refused_not_answered_as_the_end(get, path):
    answer = get(path)
    assert answer.status_code == 400
    error = answer.json()["error"] if ".json" in path else answer.text
    assert error.startswith("_next: ") and "next_url" in error, error


def test_the_next_each_page_gives_still_pages_through_every_table(get):
    # near misses: the tokens the pages give (a sort value with a comma in it among them)
    for path in ("/archive/articles.json?_size=7", "/archive/articles.json?_size=7&_sort=title",
                 "/archive/article_facets.json?_size=7", "/archive/authors.json?_size=1",
                 "/archive/article_list.json?_size=7", "/archive/sources.json?_size=7",
                 "/archive/articles.json?_size=7&_search=ferry"):
        rows, _ = follow(get, path)
        assert len(rows) == len({json.dumps(row) for row in rows}) > 1, path
    assert get("/archive/articles.json?_sort=title&_next=Harbor+note+002%2C3").status_code == 200
    assert get("/archive/articles.json?_next=").status_code == 200


def test_a_misspelt_parameter_in_a_csv_is_refused_too(get):
    answer = get("/archive/search.csv?query=harbour")
    assert answer.status_code == 400 and answer.text.startswith("query: not a parameter of search")
    assert get("/archive/search.csv?q=harbour&_=1").status_code == 200


def test_the_page_a_person_reads_is_not_refused(get):
    # (the forms send only their fields; a hand-typed extra parameter stays harmless there: the
    # page is sent to its address without it, which then shows its rows)
    answer = get("/archive/search?q=harbour&utm_source=x")
    assert answer.status_code == 302 and answer.headers["location"] == "/archive/search?q=harbour"
    assert get(answer.headers["location"]).status_code == 200


@pytest.mark.parametrize("asked, sent_to", [
    # what the query does not take goes; what it takes and Datasette's `_` parameters stay, as written
    ("/archive/search?q=harbour&utm_source=x", "/archive/search?q=harbour"),
    ("/archive/search?utm_source=x&q=harbour+ferry&_hide_sql=1&fbclid=y&page=2",
     "/archive/search?q=harbour+ferry&_hide_sql=1&page=2"),
    ("/archive/search?q=caf%C3%A9&q=second&query=strike", "/archive/search?q=caf%C3%A9&q=second"),
    ("/archive/by_outlet?outlett=The+Harbor+Ledger", "/archive/by_outlet"),
    ("/archive/versions?article=1&q=ferry&ref=mail", "/archive/versions?article=1&q=ferry"),
    # near misses: nothing unknown, no parameters, a table's page (its filters are its columns),
    # and a program's JSON (refused, below)
    ("/archive/search?q=harbour&outlet=&author=&since=&until=&_hide_sql=1", None),
    ("/archive/search", None), ("/archive/by_author?author=Ann+Lee&before=&page=", None),
    ("/archive/articles?utm_source=x", None),
])
def test_a_saved_querys_page_reached_with_a_parameter_it_does_not_take_is_sent_without_it(get, asked, sent_to):
    answer = get(asked)
    if sent_to is None:
        assert answer.status_code == 200, answer.text[:300]
    else:
        assert answer.status_code == 302 and answer.headers["location"] == sent_to
        assert get(sent_to).status_code == 200


def test_the_export_links_of_a_page_reached_with_an_unknown_parameter_work(get):
    # A shared link with a tracking parameter shows its rows, but its "json" and "CSV" links kept
    # the parameter, and a person who clicked them got the 400 meant for a program's misspelling.
    page = get("/archive/search?q=harbour&utm_source=x")
    if page.status_code == 302:
        page = get(page.headers["location"])
    assert page.status_code == 200
    links = re.findall(r'href="(/archive/search\.(?:json|csv)[^"]*)"', page.text)
    assert links and all(get(link.replace("&amp;", "&")).status_code == 200 for link in links)
    # near miss: a program's JSON or CSV with the parameter is still refused, not redirected
    for path in ("/archive/search.json?q=harbour&utm_source=x", "/archive/search.csv?q=harbour&utm_source=x"):
        assert get(path).status_code == 400


def test_a_query_stopped_at_the_time_limit_says_so_in_words(get):
    # Datasette's error was the HTML of its page: a paragraph, a link, a textarea and a script.
    slow = "with recursive c(x) as (select 1 union all select x + 1 from c where x < 100000000) select count(*) from c"
    answer = get(f"/archive.json?sql={quote(slow)}&_timelimit=5")
    assert answer.status_code == 400 and answer.json()["title"] == "SQL Interrupted"
    limit = LIMITS_FOR_ANSWERS["sql_time_limit_ms"]  # (the server's, as the tests set it)
    assert answer.json()["error"].startswith(f"SQL query took too long: stopped at the time limit ({limit:,} ms")
    assert "<" not in answer.json()["error"]
    # near miss: another error of a query keeps Datasette's words
    assert get("/archive.json?sql=select+nosuch+from+articles").json()["error"] == "no such column: nosuch"


# --- polling for new articles ------------------------------------------------------------------

@pytest.mark.parametrize("asked, ids", [
    ("after=0", range(1, 54)), ("", range(1, 54)), ("after=45", range(46, 54)), ("after=53", []),
    ("after=999", []),
    # first stored at or after a time (UTC, as first_seen): the runs' boundaries
    (f"seen={RUNS[1][:10]}", range(46, 54)), (f"seen={RUNS[1].replace('+', '%2B')}", range(46, 54)),
    ("seen=2030-01-02T09:00:01", range(51, 54)), ("seen=2030-01-02T09:00:00", range(46, 54)),
    ("seen=2030-01-02T09:00", range(46, 54)),
    ("seen=2030-01-02T09:00:00%2B0000", range(46, 54)), ("seen=2029", range(1, 54)), ("seen=2031", []),
    # UTC as JavaScript's toISOString writes it, and a fraction cut to the second, not rounded up
    # (fail before: refused; compared as text, each sorted after first_seen's "+00:00", so the
    # articles of that very second were left out)
    *[(f"seen=2030-01-02T09:00:00{written}", range(46, 54))
      for written in ("Z", "z", ".000Z", ".999Z", "-00:00", "-0000", ".5%2B00:00", ".000")],
    # both: the later of the two
    (f"seen={RUNS[1][:10]}&after=50", range(51, 54)), (f"seen={RUNS[2][:10]}&after=10", range(51, 54)),
    # only those matching a search
    ("q=ferry", range(46, 54)), ("q=ferry&after=48", range(49, 54)), ("q=zebra", []),
])
def test_new_articles_since_an_id_or_a_time(get, asked, ids):
    rows = get(f"/archive/new_articles.json?{asked}&_shape=array").json()
    assert [row["id"] for row in rows] == list(ids)


def test_new_articles_reads_no_whole_table(archive):
    """At a million articles a scan of first_seen took the whole 2 s time limit: the saved query
    seeks the primary key (halving the ids for `seen`) and the search index."""
    sql = load_metadata()["databases"]["archive"]["queries"]["new_articles"]["sql"]
    connection = sqlite3.connect(archive)
    add_query_functions(connection)
    for q in ("", "ferry"):
        plan = [row[3] for row in connection.execute(
            "explain query plan " + sql, {"after": "", "seen": "2030-01-02", "q": q, "_valid_q_after_seen": ""})]
        # (a SCAN of the query's own few rows, or of the search index's matches, is no table read)
        scans = [step for step in plan if step.startswith("SCAN ") and not re.match(
            r"SCAN (halves|picked|boundary|CONSTANT ROW|\(subquery-\d+\)|articles_fts VIRTUAL TABLE)( |$)", step)]
        assert scans == [], plan


# --- CORS --------------------------------------------------------------------------------------

def test_cors_is_off_unless_asked_then_every_answer_allows_any_origin(archive):
    with served_from(archive) as get:
        assert "access-control-allow-origin" not in get("/archive/search.json?q=ferry").headers
    with served_from(archive, cors=True) as get:
        for path in ("/archive/search.json?q=ferry", "/archive/articles.json?id__gt=50",
                     "/archive/new_articles.json?seen=nodate", "/archive/search.csv?q=ferry&since=nodate"):
            answer = get(path)
            assert answer.headers["access-control-allow-origin"] == "*", path
        assert "Link" in get("/archive/search.json?q=ferry").headers["access-control-expose-headers"]


@pytest.mark.parametrize("flags, cors", [(["--cors"], True), ([], False)])
def test_serve_passes_cors_on_only_when_asked(archive, monkeypatch, flags, cors):
    from conftest import run_cli
    from ingest import serve as serving

    called = []
    monkeypatch.setattr(serving, "serve", lambda *args: called.append(args))
    result = run_cli("serve", "--db", archive, "--port", "0", *flags)
    assert result.exit_code == 0, result.output
    # (--port 0 is served on a free port the command picks and passes on: any number but 0)
    [(db, host, port, passed_cors)] = called
    assert (db, host, passed_cors) == (str(archive), "127.0.0.1", cors) and port > 0


# --- every match of a common search ------------------------------------------------------------

@pytest.fixture(scope="module")
def many(tmp_path_factory):
    """520 notes that all match "harbour", tied in rank and date: more than `search` ranks."""
    folder = tmp_path_factory.mktemp("many")
    (folder / "notes.jsonl").write_text("\n".join(json.dumps(note(i)) for i in range(520)) + "\n")
    assert run_ingest([str(folder / "notes.jsonl")], str(folder / "a.db"), workers=1).stored == 520
    with served_from(folder / "a.db") as get:
        yield get


def test_every_match_of_a_common_search_is_reached_as_the_readme_says(many):
    # Best first ranks the 500 latest matches: its pages end there, and say so (fail before: page
    # 25 offered a 26th, empty, and nothing said more matched).
    best, sizes = follow(many, "/archive/search.json?q=harbour&_shape=objects")
    assert len({row["id"] for row in best}) == len(best) == 500 and sizes == [20] * 25
    last = many("/archive/search.json?q=harbour&page=25").json()
    assert last["next_url"] is None and any("500 latest matches" in note for note in last["notes"])
    # near misses: an earlier page says nothing of it, and newest first goes on past page 25
    assert many("/archive/search.json?q=harbour&page=24").json()["notes"] == []
    assert many("/archive/search.json?q=harbour&sort=newest&page=25").json()["next"] == "26"
    # Newest first, and the table search paged by id, reach every one, none twice.
    newest, _ = follow(many, "/archive/search.json?q=harbour&sort=newest&_shape=objects")
    table, sizes = follow(many, "/archive/articles.json?_search=harbour&_sort_desc=id&_col=title"
                                "&_nofacet=1&_nocount=1&_size=200&_shape=objects")
    assert sizes == [200, 200, 120]
    for rows in (newest, table):
        assert sorted(row["id"] for row in rows) == list(range(1, 521))


@pytest.mark.parametrize("asked, next_shown, window_said", [
    ("q=harbour&page=25", False, True),  # fails before: Next led to a page of "0 results"
    ("q=harbour&page=24", True, False),  # near misses: a page before the last ranked,
    ("q=harbour&sort=newest&page=25", True, False),  # and newest first, which lists every match
])
def test_the_search_page_ends_where_best_first_ranking_ends(many, asked, next_shown, window_said):
    html = many(f"/archive/search?{asked}").text
    assert ('rel="next">Next page</a>' in html) == next_shown
    assert ("Best first ranks the 500 latest matches" in html) == window_said


def test_a_timeline_longer_than_a_response_is_paged_not_cut_off(tmp_path):
    # 1,050 days of notes: Datasette cut the timeline at 1,000 rows (max_returned_rows), saying so
    # only in the default shape's "truncated"; _shape=array gave 1,000 days as if that were all.
    import datetime

    first = datetime.date(2021, 1, 1)
    records = [note(i, (first + datetime.timedelta(days=i)).isoformat()) for i in range(1050)]
    (tmp_path / "notes.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n")
    assert run_ingest([str(tmp_path / "notes.jsonl")], str(tmp_path / "a.db"), workers=1).stored == 1050
    with served_from(tmp_path / "a.db") as get:
        days, sizes = follow(get, "/archive/timeline.json?q=harbour&_shape=objects")
        assert sizes == [1000, 50] and [row["day"] for row in days] == sorted(r["published"] for r in records)
        first_page = get("/archive/timeline.json?q=harbour")
        assert first_page.json()["truncated"] is False and first_page.json()["next"] == "2"
        array = get("/archive/timeline.json?q=harbour&_shape=array&page=2")
        assert len(array.json()) == 50 and "link" not in array.headers
        assert get("/archive/timeline.json?q=harbour&page=two").status_code == 400
        # the page itself links to the next (fail before: it showed 1,000 days, nothing said more followed)
        first_html = get("/archive/timeline?q=harbour").text
        assert '<a href="/archive/timeline?q=harbour&amp;page=2" rel="next">Next page</a>' in first_html
        second_html = get("/archive/timeline?q=harbour&page=2").text
        assert 'rel="next"' not in second_html
        assert '<a href="/archive/timeline?q=harbour&amp;page=1" rel="prev">Previous page</a>' in second_html
        # near miss: a short answer of the other paged counts is one page, the last
        assert 'class="search-pages"' not in get("/archive/coverage?q=harbour").text
        assert follow(get, "/archive/coverage.json?q=harbour")[1] == [1]
        assert follow(get, "/archive/syndication.json?q=harbour")[1] == [0]
        assert follow(get, "/archive/versions.json")[1] == [0]


def test_the_table_filter_the_readme_gives_for_polling(get):
    page = get("/archive/articles.json?id__gt=50&_sort=id&_nofacet=1&_col=title&_shape=objects").json()
    assert [row["id"] for row in page["rows"]] == [51, 52, 53] and page["facet_results"] == {}
    assert page["next_url"] is None


@pytest.mark.parametrize("path, error", [
    # fail before: Datasette's whole answer of a query, with the saved query's SQL (25 KB of it for
    # search, which hides its SQL on the page) around the one line a program reads
    ("/archive/search.json?q=harbour&since=notadate", "since: 'notadate' is not a date"),
    ("/archive/search.json?q=-harbour", "q: '-harbour' only leaves words out"),
    ("/archive/by_outlet.json?outlet=x&before=2024-13-01", "before: '2024-13-01' is not a date"),
    ("/archive/search.json?q=harbour&page=0&_shape=array", "page: '0' is not a page number"),
])
def test_a_refused_saved_querys_json_gives_the_message_without_its_sql(get, path, error):
    answer = get(path)
    assert answer.status_code == 400
    assert answer.json() == {"ok": False, "error": answer.json()["error"], "status": 400, "title": None}
    assert answer.json()["error"].startswith(error)
    assert "select" not in answer.text.lower()


def test_a_refused_query_of_the_askers_own_keeps_it(get):
    # near miss: ?sql= is the asker's own SQL, which Datasette's answer repeats (as it does)
    answer = get("/archive.json?sql=select+nosuch+from+articles")
    assert answer.status_code == 400 and answer.json()["query"]["sql"] == "select nosuch from articles"


@pytest.mark.parametrize("path", [
    # fail before: Datasette's TableView took a POST for a writable saved query's, and answered 500
    # (an AttributeError for a saved query, an AssertionError for a table): a fault of the server
    "/archive/search", "/archive/search.json?q=harbour", "/archive/by_author.csv?author=Ann+Lee",
    "/archive/articles", "/archive/articles.json",
])
def test_a_post_to_a_saved_query_or_a_table_is_refused_as_the_archive_is_read_only(get, path):
    answer = get(path, method="POST")
    assert answer.status_code == 405 and answer.headers["allow"] == "GET, HEAD, OPTIONS"
    message = answer.json()["error"] if ".json" in path else answer.text
    assert "read-only" in message
    # near miss: the same address read is answered
    assert get(path).status_code == 200


@pytest.mark.parametrize("path, method", [("/archive", "POST"), ("/archive/articles/1", "POST"),
                                          ("/archive/search", "PUT")])
def test_what_datasette_refused_with_405_it_still_refuses(get, path, method):
    assert get(path, method=method).status_code == 405


@pytest.mark.parametrize("path, said", [
    # fail before: Datasette's 400 said "no such column: inner.nosuch" (its facet's SQL), and the
    # other facets it had not run yet were left as coroutines never awaited (a RuntimeWarning each)
    ("/archive/articles.json?_facet_array=nosuch", "_facet_array: 'nosuch' is not a column of articles"),
    ("/archive/articles?_facet_array=nosuch", "_facet_array: &#39;nosuch&#39; is not a column of articles"),
    ("/archive/articles.json?_facet=nosuch", "_facet: 'nosuch' is not a column of articles"),
    ("/archive/article_facets.json?_search=harbour&_facet_day=nosuch", "_facet_day: 'nosuch' is not a column"),
    ("/archive/outlets.json?_facet_date=nosuch", "_facet_date: 'nosuch' is not a column of outlets"),
    # fail before: an array facet on a column of no JSON lists was Datasette's 400 "Invalid SQL",
    # saying "malformed JSON" (its json_each), naming neither the parameter nor the column, and the
    # facets not yet run were left never awaited; one of numbers counted them as if lists of one
    ("/archive/articles.json?_facet_array=title", "_facet_array: 'title' is not a column of JSON lists in articles"),
    ("/archive/articles?_facet_array=title", "_facet_array: &#39;title&#39; is not a column of JSON lists"),
    ("/archive/articles.json?_facet_array=authors&_facet_array=language&_facet=outlet_id",
     "_facet_array: 'language' is not a column of JSON lists in articles"),
    ("/archive/article_facets.json?_search=harbour&_facet_array=title", "_facet_array: 'title' is not a column"),
    ("/archive/articles.json?_facet_array=word_count", "_facet_array: 'word_count' is not a column of JSON lists"),
    # near misses: facets on columns the table has
    ("/archive/articles.json?_facet_array=authors&_facet=language", None),
    ("/archive/article_facets.json?_search=harbour&_facet_array=authors", None),
    ("/archive/articles.json?_facet=title&_facet_size=3", None),  # (a plain facet of any column)
    ("/archive/articles.json?_facet_day=published&_facet_size=3", None),
])
def test_a_facet_on_no_column_is_refused_before_any_facet_runs(get, path, said):
    import gc
    import warnings

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        answer = get(path)
        gc.collect()
    assert not [w for w in caught if "never awaited" in str(w.message)]
    if said is None:
        assert answer.status_code == 200, answer.text[:300]
    else:
        assert answer.status_code == 400 and said in answer.text


@pytest.mark.parametrize("table", ["articles", "article_facets"])
@pytest.mark.parametrize("sort", ["_sort", "_sort_desc"])
@pytest.mark.parametrize("column", ["published", "outlet_id", "language", "title", "id"])
def test_a_table_sorted_on_a_column_pages_through_every_row_once(get, table, sort, column):
    # Datasette ordered a sorted table's first page by the column alone, and the pages after it
    # by the column then the id: rows tied in the column (53 notes of one outlet and language)
    # came first in the order of the index SQLite read (by date, or latest id first), so
    # following next_url repeated some and never gave others.
    columns = "&_col=title" if table == "articles" else ""
    rows, sizes = follow(get, f"/archive/{table}.json?{sort}={column}&_size=7{columns}&_shape=objects")
    assert sorted(row["id"] for row in rows) == list(range(1, 54))


def test_the_articles_in_their_own_order_page_through_every_row_once(get):
    # The table's own sort (latest published first), asked for with no _sort: the same mistake.
    rows, sizes = follow(get, "/archive/articles.json?_size=7&_col=title&_shape=objects")
    assert sorted(row["id"] for row in rows) == list(range(1, 54))
    searched, sizes = follow(get, "/archive/articles.json?_search=harbour&_size=7&_col=title&_shape=objects")
    assert sorted(row["id"] for row in searched) == list(range(1, 54))


def test_a_query_of_ones_own_is_run_as_written(get):
    # The key is added to a table page's order only: SQL asked through ?sql= is left alone.
    answer = get("/archive.json?sql=select+language+from+articles+order+by+language+limit+2&_shape=objects")
    assert answer.status_code == 200 and answer.json()["query"]["sql"].endswith("order by language limit 2")


def test_a_new_servers_first_searches_are_not_stopped_by_preparing_the_query(archive, monkeypatch):
    """SQLite takes 0.06-0.3 s of CPU to prepare the search query (0.25-0.9 s before stop 32's
    changes to it), once on each of Datasette's connections, and that counted in the first
    request's 2 s limit: on a busy machine the first searches of a new server were answered "SQL
    Interrupted" (400), on any archive. Now it is prepared (and run, matching nothing) before the
    limit starts. Checked by the order of events, not by a limit shorter than the compile, which
    idle machines beat: on each connection, the search statement's first run is outside any time
    limit, and every search then answers 200."""
    import asyncio
    import contextlib
    import threading

    import datasette.database

    from ingest import serve
    from ingest.datasette_plugin.facet_cache import ArchiveDatabase

    inside_limit = threading.local()
    events = []  # (connection, "limited" or "unlimited") for each run of the search statement
    limit = datasette.database.sqlite_timelimit

    @contextlib.contextmanager
    def noted_limit(conn, ms):
        inside_limit.yes = True
        try:
            with limit(conn, ms):
                yield
        finally:
            inside_limit.yes = False

    connect = ArchiveDatabase.connect

    def traced_connect(self, write=False):
        conn = connect(self, write=write)
        conn.set_trace_callback(lambda sql: events.append(
            (id(conn), "limited" if getattr(inside_limit, "yes", False) else "unlimited"))
            if "prefix_newest(id, snippet) as materialized" in sql else None)
        return conn

    monkeypatch.setattr(datasette.database, "sqlite_timelimit", noted_limit)
    monkeypatch.setattr(ArchiveDatabase, "connect", traced_connect)
    datasette_ = serve.build_datasette(archive)
    loop = asyncio.new_event_loop()
    try:
        loop.run_until_complete(datasette_.invoke_startup())
        answers = [loop.run_until_complete(datasette_.client.get(f"/archive/search.json?q={word}&_shape=array"))
                   for word in ("harbour", "ferry", "harbour", "ferry")]
    finally:
        loop.close()
    assert [answer.status_code for answer in answers] == [200] * 4, [a.text[:200] for a in answers]
    assert all(answer.json() for answer in answers)
    first_run = {}
    for conn, where in events:
        first_run.setdefault(conn, where)
    assert first_run and set(first_run.values()) == {"unlimited"}, events
    assert sum(where == "limited" for _, where in events) == 4, events
