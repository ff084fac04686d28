"""The searched article_facets page's count and facets answered from memory (ingest/datasette_plugin/
facet_cache.py) against Datasette answering them itself with SQL: the same JSON, filters applied,
and still the same after articles are added, changed and deleted while the archive is served."""

import asyncio
import json
import shutil
import sqlite3
from urllib.parse import quote

import pytest

from ingest.pipeline import run_ingest
from ingest.serve import build_datasette

from conftest import connect
from test_datasette import SERVED_DATA

PAGE = "/archive/article_facets.json"
# Each kind of facet selection, alone and together, on searches with many, few and no matches, a
# prefix (raw mode), no search at all, page sizes, orders and columns, and what the cache must
# leave to SQLite (a filter it does not know, a second page, a facet metadata.yml does not
# configure, another sort).
PAGES = [
    "",
    "?_search=larchmouth",
    "?_search=ferry&language=en",
    "?_search=larchmouth&outlet_id=1",
    "?_search=larchmouth&outlet_id=01",
    "?_search=larchmouth&authors__arraycontains=" + quote("Ines Varga"),
    "?_search=larchmouth&authors__arraycontains=Nobody",
    "?_search=larchmouth&published__date=2024-03-04",
    "?_search=larchmouth&published__startswith=2024-03-04",
    "?_search=larchmouth&published__startswith=2024-03",
    "?_search=larchmouth&language=fr&outlet_id=4",
    "?_search=librar*+OR+stoppage&_searchmode=raw",
    "?_search=" + quote('"'),
    "?_search=zzzzunknownword",
    "?_search=larchmouth&published__gte=2024-03-05",
    "?_search=larchmouth&title__contains=ferry",
    "?_search=larchmouth&_facet_size=1",
    "?_search=larchmouth&_sort_desc=published&_size=2",
    "?_search=larchmouth&_facet=title",
    "?language=en",
    "?_search=larchmouth&_size=2",
    "?_search=larchmouth&_size=2&_next=3,3",  # (a next page sorted by id: its value, then its id)
    "?_search=larchmouth&_sort=id&_size=3",
    "?_search=larchmouth&_size=max",
    "?_search=larchmouth&_col=title&_nocol=authors",
    "?_where=" + quote("outlet_id > 1"),
]
COMPARED = ("filtered_table_rows_count", "facet_results", "rows")


@pytest.fixture
def archive(tmp_path):
    path = tmp_path / "clippings.db"
    run_ingest([str(SERVED_DATA)], str(path), workers=1)
    return path


class Served:
    def __init__(self, path):
        self.datasette = build_datasette(path)
        self.database = self.datasette.databases["archive"]
        self.cache = self.database.facet_cache
        # Loaded in the background: waited for, so that the first request is answered from it.
        assert self.cache.loaded.wait(30)
        self.loop = asyncio.new_event_loop()
        self.loop.run_until_complete(self.datasette.invoke_startup())

    def get(self, path):
        response = self.loop.run_until_complete(self.datasette.client.get(path))
        assert response.status_code == 200, response.text
        return response

    def both(self, path):
        """(from the cache, from Datasette's own SQL) for one page."""
        fast = self.get(path).json()
        self.database.facet_cache = None
        try:
            slow = self.get(path).json()
        finally:
            self.database.facet_cache = self.cache
        return fast, slow

    def assert_same(self, query):
        fast, slow = self.both(PAGE + query)
        for key in COMPARED:
            assert fast[key] == slow[key], (query, key)
        return fast


def test_the_cache_answers_exactly_what_datasette_does(archive):
    served = Served(archive)
    assert served.cache.ready, served.cache.failed
    for query in PAGES:
        before = served.cache.answered
        served.assert_same(query)
        if "_where" not in query and "_sort" not in query:
            # count and the four facets (a known filter or not), _where's order of clauses aside
            assert served.cache.answered - before >= 5, query
    larchmouth = served.assert_same("?_search=larchmouth")
    assert larchmouth["filtered_table_rows_count"] == 4
    assert set(larchmouth["facet_results"]) == {"outlet_id", "authors", "published", "language"}


def test_the_html_page_shows_the_same_facets(archive):
    served = Served(archive)
    before = served.cache.answered
    html = served.get("/archive/article_facets?_search=larchmouth").text
    assert served.cache.answered > before
    assert "Coastal Herald" in html and "Ines Varga" in html and "4 rows" in html
    # The page's facet block, with its counts and links, as Datasette's own SQL renders it.
    served.database.facet_cache = None
    try:
        slow = served.get("/archive/article_facets?_search=larchmouth").text
    finally:
        served.database.facet_cache = served.cache

    def facets_block(page):
        return page[page.index('<div class="facet-results">'):page.index("</table>")]

    assert facets_block(html) == facets_block(slow)


def test_counts_follow_articles_added_changed_and_deleted_while_served(archive, tmp_path):
    served = Served(archive)
    assert served.assert_same("?_search=larchmouth")["filtered_table_rows_count"] == 4

    more = tmp_path / "more"
    more.mkdir()
    records = [
        {"title": f"Larchmouth harbour note {i}", "body": f"Larchmouth harbour note number {i}: the quay was repaired, the boats came back, "
                 f"and the harbour master counted {10 + i} of them before noon.",
         "authors": ["Ines Varga", f"Writer {i}", "A. Second", "B. Third", "C. Fourth"][: 1 + i % 5],
         "published": f"2024-04-0{1 + i % 3}T10:00:00+00:00", "outlet": ["Coastal Herald", "New Outlet"][i % 2],
         "url": f"https://example.test/note-{i}", "language": "en"}
        for i in range(7)
    ]
    (more / "more.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    generation = served.cache.generation
    assert run_ingest([str(more)], str(archive), workers=1).stored == 7
    for query in PAGES:
        served.assert_same(query)
    assert served.cache.generation > generation
    assert served.assert_same("?_search=larchmouth")["filtered_table_rows_count"] == 11
    # An article with five authors keeps the fifth outside the matrix: still counted, still found.
    assert served.assert_same("?_search=harbour&authors__arraycontains=C.+Fourth")["filtered_table_rows_count"] == 1

    conn = connect(archive)
    with conn:
        conn.execute("UPDATE articles SET outlet_id = 2, authors = '[\"Piet Brandt\"]', published = '2023-01-01', "
                     "language = 'fr' WHERE title LIKE 'Ferry strike%'")
        conn.execute("DELETE FROM sources WHERE article_id IN (SELECT id FROM articles WHERE title LIKE '%note 3')")
        conn.execute("DELETE FROM articles WHERE title LIKE '%note 3'")
    conn.close()
    for query in PAGES:
        served.assert_same(query)
    assert served.assert_same("?_search=larchmouth")["filtered_table_rows_count"] == 10


def test_an_archive_without_the_change_log_is_answered_by_sqlite(archive, tmp_path):
    old = tmp_path / "old.db"
    shutil.copy(archive, old)
    conn = sqlite3.connect(old)
    with conn:
        for trigger in ("insert", "update", "delete"):
            conn.execute(f"DROP TRIGGER article_facets_changes_{trigger}")
        conn.execute("DROP TABLE article_facets_changes")
    conn.close()
    served = Served(old)
    assert not served.cache.ready and served.cache.failed
    page = served.assert_same("?_search=larchmouth")
    assert page["filtered_table_rows_count"] == 4 and served.cache.answered == 0


def test_state_route_and_switch(archive, monkeypatch):
    served = Served(archive)
    state = served.get("/-/facet-cache.json").json()
    assert state["ready"] and state["articles"] == 6 and state["array_bytes"] > 0
    monkeypatch.setenv("NEWS_ARCHIVE_FACET_CACHE", "off")
    datasette = build_datasette(archive)
    assert datasette.databases["archive"].facet_cache is None
    loop = asyncio.new_event_loop()
    assert loop.run_until_complete(datasette.client.get("/-/facet-cache.json")).json()["ready"] is False
    assert loop.run_until_complete(datasette.client.get(PAGE + "?_search=larchmouth")).json()[
        "filtered_table_rows_count"] == 4


def test_broken_raw_search_and_slow_queries_end_as_datasette_ends_them(archive):
    served = Served(archive)
    statuses = []
    for cache in (served.cache, None):
        served.database.facet_cache = cache
        response = served.loop.run_until_complete(served.datasette.client.get(
            PAGE + "?_searchmode=raw&_search=" + quote("NEAR(")))
        statuses.append((response.status_code, "fts5" in response.text))
    served.database.facet_cache = served.cache
    assert statuses[0] == statuses[1] == (400, True)
    # Out of time: the cache gives the query back to Datasette, which reports it as usual.
    served.datasette.sql_time_limit_ms = 0  # every query interrupted at its first step
    before = served.cache.answered
    fast, slow = (served.loop.run_until_complete(served.datasette.client.get(PAGE + "?_search=larchmouth"))
                  for served.database.facet_cache in (served.cache, None))
    assert served.cache.answered == before
    assert fast.status_code == slow.status_code and fast.status_code != 200


def test_a_commit_between_catching_up_and_searching_is_seen_whole_or_not_at_all(archive):
    """The change log is applied and the search run in one read transaction: an ingest committing
    in between (simulated here at the worst moment) is not half seen, i.e. a new match counted
    with the outlet the arrays still hold for it."""
    served = Served(archive)
    assert served.assert_same("?_search=zebra")["filtered_table_rows_count"] == 0
    catch_up = served.cache._catch_up

    def catch_up_then_commit(conn):
        catch_up(conn)
        served.cache._catch_up = catch_up
        writer = connect(archive)
        with writer:
            writer.execute("UPDATE articles SET title = 'Zebra crossing at the harbour', outlet_id = 3 "
                           "WHERE title LIKE 'Ferry strike%'")
        writer.close()

    served.cache._catch_up = catch_up_then_commit
    # The outlet facet as Datasette 0.65 asks for it, outside a request (so no shared matches).
    inner = ("select id, title, outlet_id, authors, published, language from article_facets where id in "
             "(select rowid from articles_fts where articles_fts match escape_fts(:search)) ")
    facet_sql = (f"select outlet_id as value, count(*) as count from ({inner}) where outlet_id is not null "
                 f"group by outlet_id order by count desc, value limit 31")
    before = served.cache.answered
    found = served.loop.run_until_complete(served.database.execute(facet_sql, {"search": "zebra"}))
    assert served.cache.answered == before + 1
    assert list(found.rows) == []  # the snapshot before the commit: no match yet
    # The next request sees the commit whole.
    after = served.assert_same("?_search=zebra")
    assert after["filtered_table_rows_count"] == 1
    assert [r["value"] for r in after["facet_results"]["outlet_id"]["results"]] == [3]


def test_a_long_typed_query_is_never_matched_against_the_patterns(archive, monkeypatch):
    """Every query, typed ones included, is matched against Datasette's patterns on the event
    loop; a pattern that backtracked took 5 s on a 100 KB one, blocking every request. A query
    longer than Datasette ever writes for the table is passed over before any pattern runs, so no
    pattern's worst case is reached (checked here by patterns that refuse to run, not by a clock:
    a timed test checks the machine)."""
    from ingest.datasette_plugin import facet_cache

    class Refused:
        def fullmatch(self, sql):
            raise AssertionError(f"a pattern ran on {len(sql):,} characters")

    served = Served(archive)
    monkeypatch.setattr(facet_cache, "_PAGE", Refused())
    monkeypatch.setattr(facet_cache, "_COUNT", Refused())
    monkeypatch.setattr(facet_cache, "_FACETS", [(kind, Refused()) for kind, _ in facet_cache._FACETS])
    for sql in ("select " + "x from article_facets where a and b " * 3000,
                # a facet query's opening, then white space: the lazy inner query of the patterns
                "select x as value, count(*) as count from (select article_facets" + " " * 32000):
        assert served.cache.recognise(sql) is None
    # near miss: a query of Datasette's length does reach the patterns
    with pytest.raises(AssertionError, match="a pattern ran"):
        served.cache.recognise("select count(*) from article_facets")


def test_a_change_log_dropped_while_served_hands_over_to_sqlite(archive):
    served = Served(archive)
    conn = sqlite3.connect(archive)
    with conn:
        conn.execute("DROP TRIGGER article_facets_changes_insert")
        conn.execute("DROP TABLE article_facets_changes")
    conn.close()
    assert served.get(PAGE + "?_search=larchmouth").json()["filtered_table_rows_count"] == 4
    assert not served.cache.ready and "article_facets_changes" in served.cache.failed


def test_an_edited_story_is_one_match_and_the_cache_agrees(tmp_path):
    """A searched page leaves out a text whose later version matches too (the plugin's filter),
    and the in-memory count and facets leave out the same texts as Datasette's SQL."""
    from test_versions import EDITED_TEXT, OTHER_STORY, record
    from conftest import ARTICLE_TEXT

    url = "https://harborledger.example/2024/flood"
    first = [record("Flood closes bridge", ARTICLE_TEXT, url),
             record("Chess club crowns a champion", OTHER_STORY, "https://harborledger.example/chess"),
             json.dumps({"title": "Bridge inspectors", "body": "The bridge was inspected. " + OTHER_STORY,
                         "outlet": "Valley Post", "authors": ["Ann Lee"]})]
    (tmp_path / "monday.jsonl").write_text("\n".join(first) + "\n")
    (tmp_path / "tuesday.jsonl").write_text(record("Flood closes bridge", EDITED_TEXT, url) + "\n")
    path = tmp_path / "edited.db"
    run_ingest([str(tmp_path / "monday.jsonl")], str(path), workers=1)
    assert run_ingest([str(tmp_path / "tuesday.jsonl")], str(path), workers=1).new_versions == 1
    served = Served(path)
    # (the page, the ids it lists)
    for query, ids in [
        ("?_search=bridge", [4, 3]),              # the flood story once: its latest text
        ("?_search=bridge&_versions=all", [4, 3, 1]),
        ("?_search=forty", [1]),                  # near miss: a word the edit took out
        ("?_search=bridge&outlet_id=1", [4]),     # with a facet selected
        ("?_search=bridge&_searchmode=raw", [4, 3]),
        ("?_search=bridge&_size=1", [4]),
        ("?_search=chess", [3, 2]),               # near miss: stories never edited
    ]:
        before = served.cache.answered
        page = served.assert_same(query)
        assert [row[0] for row in page["rows"]] == ids, query  # id first, newest first
        assert page["filtered_table_rows_count"] == (len(ids) if "_size" not in query else 2), query
        assert served.cache.answered - before >= 5, query  # answered from memory, not by SQLite
    html = served.get("/archive/article_facets?_search=bridge").text
    assert "only the latest matching text of an edited story" in html
    articles = served.get("/archive/articles.json?_search=bridge&_shape=array").json()
    assert sorted(row["id"] for row in articles) == [3, 4]


# (the page's filters with ?_search=bridge, the ids it lists, whether the cache answers it) on a
# story whose edit moved its date on and dropped a co-author
REDATED_PAGES = [
    ("&published__date=2024-03-05", [1], True),  # the edit is dated after: the earlier text
    ("&authors__arraycontains=" + quote("Ben Ortiz"), [1], True),  # the edit dropped him
    ("&published__lt=2024-03-06", [1], True),
    ("&published__lt=2024-03-06&_searchmode=raw", [1], True),
    ("&_where=" + quote("published < '2024-03-06'"), [1], True),
    # near misses: filters the edit passes too
    ("", [2], True),
    ("&published__date=2024-03-09", [2], True),
    ("&authors__arraycontains=" + quote("Ann Lee"), [2], True),
    ("&outlet_id=1", [2], True),
]


def test_a_filter_the_edit_fails_keeps_the_earlier_text_and_the_cache_agrees(tmp_path):
    """A text is left out only when its later version matches the search and the page's
    filters: an edit out of the filters hid the text the page's filters keep. The count and
    facets from memory leave out the same texts as Datasette's SQL, facet selections answered
    from the arrays."""
    from test_versions import EDITED_TEXT
    from conftest import ARTICLE_TEXT

    first = {"title": "Flood closes bridge", "body": ARTICLE_TEXT, "url": "https://harborledger.example/2024/flood",
             "outlet": "The Harbor Ledger", "published": "2024-03-05", "authors": ["Ann Lee", "Ben Ortiz"]}
    edit = dict(first, body=EDITED_TEXT, published="2024-03-09", authors=["Ann Lee"])
    (tmp_path / "export.jsonl").write_text(json.dumps(first) + "\n" + json.dumps(edit) + "\n")
    path = tmp_path / "redated.db"
    assert run_ingest([str(tmp_path / "export.jsonl")], str(path), workers=1).new_versions == 1
    served = Served(path)
    for filters, ids, from_memory in REDATED_PAGES:
        before = served.cache.answered
        page = served.assert_same("?_search=bridge" + filters)
        assert [row[0] for row in page["rows"]] == ids, filters
        assert page["filtered_table_rows_count"] == len(ids), filters
        assert (served.cache.answered - before >= 5) == from_memory, filters


def test_each_served_connection_has_the_larger_page_cache(archive):
    """Every connection Datasette opens on the archive (one per SQL thread) gets
    ArchiveDatabase.PAGE_CACHE_KIB of page cache: SQLite's 2 MB default was less than one
    search of a year reads at a million articles, so each such search read it from the OS
    again. Near miss: a connection opened on the same file outside the server keeps SQLite's
    default (the setting is the server's, not the archive file's)."""
    served = Served(archive)

    def cache_size(conn):
        return conn.execute("PRAGMA cache_size").fetchone()[0]

    sizes = {served.loop.run_until_complete(served.database.execute_fn(cache_size)) for _ in range(6)}
    assert sizes == {-served.database.PAGE_CACHE_KIB} and served.database.PAGE_CACHE_KIB >= 8 * 1024
    assert served.get("/archive/search.json?q=larchmouth&_shape=array").json()
    assert sqlite3.connect(archive).execute("PRAGMA cache_size").fetchone()[0] == -2000


@pytest.mark.parametrize("path, small", [
    ("/archive/coverage.json?q=bridge", True),
    ("/archive/timeline.json?q=bridge&split=outlet", True),
    # near misses: the search keeps the larger cache it gains from; a table page too
    ("/archive/search.json?q=bridge", False),
    ("/archive/articles.json?_search=bridge", False),
])
def test_coverage_and_timeline_sort_with_sqlites_own_sorter_memory(archive, monkeypatch, path, small):
    """SQLite's sorter holds as much in memory as the page cache may (vdbesort.c), and one sort
    of a million records in 32 MB took 2.3-2.7x as long as in 2 MB chunks merged (coverage of a
    word in every article of 980,069: 0.64 -> 1.43 s in sqlite3, over the 2 s limit served). The
    coverage and timeline queries, which sort every match by outlet or day, run with SQLite's
    default cache, and the connection gets its own back after."""
    import ingest.datasette_plugin.facet_cache as facet_cache

    sizes = []
    original = facet_cache.with_small_sorter

    def spy(conn, fn, restore_kib):
        def asked(conn):
            sizes.append(conn.execute("PRAGMA cache_size").fetchone()[0])
            return fn(conn)
        return original(conn, asked, restore_kib)

    monkeypatch.setattr(facet_cache, "with_small_sorter", spy)
    served = Served(archive)
    assert served.get(path).status_code == 200
    assert sizes == ([-facet_cache.SORTER_CACHE_KIB] if small else [])
    assert served.loop.run_until_complete(served.database.execute_fn(
        lambda conn: conn.execute("PRAGMA cache_size").fetchone()[0])) == -served.database.PAGE_CACHE_KIB
