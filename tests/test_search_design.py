"""The bounded search design of the `search` saved query (metadata.yml), pinned on a small
archive: what it ranks, what it gives up, and the exact paths for filters and newest first."""

import asyncio
import sqlite3

import pytest

from ingest.search import CHECKED_PARAMETERS, add_query_functions, search, search_sql
from ingest.serve import build_datasette
from ingest.store import open_database

WINDOW = 500  # matches ranked when there is no filter (the saved query's own constant)
TITLED = WINDOW + 10  # inside the window, the one article there with "harbour" in its title
PARAMS = {"q": "", "outlet": "", "author": "", "since": "", "until": "", "sort": "", "versions": "", "page": "",
          CHECKED_PARAMETERS: ""}


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    """WINDOW + 100 articles about a harbour, arriving in id order but published out of order;
    the first to arrive has the word three times in its title, so full bm25 ranks it first."""
    path = tmp_path_factory.mktemp("design") / "archive.db"
    db = open_database(path)
    with db.conn:
        db.execute("INSERT INTO outlets (id, name, key) VALUES (1, 'Coast Weekly', 'coast weekly'), "
                   "(2, 'Inland Daily', 'inland daily')")
        rows = []
        for i in range(1, WINDOW + 101):
            title = "Harbour harbour harbour" if i == 1 else f"Dredging report {i}"
            if i == TITLED:
                title = f"Harbour dredging report {i}"
            body = f"The harbour board met for the {i}th time. Dredging crews waited at the quay."
            if i % 50 == 0:
                body += " A lighthouse keeper spoke."
            published = f"20{10 + i % 15:02d}-{1 + i % 12:02d}-{1 + i % 28:02d}T12:00:00+00:00"
            rows.append((i, f"h{i}", title, body, published, 1 + i % 2, "2026-01-01", f'["Author {i % 7}"]'))
        db.conn.executemany(
            "INSERT INTO articles (id, content_hash, title, body, published, outlet_id, first_seen, authors) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
        # who wrote what, as ingest records it (the author filter reads it, as by_author does)
        db.conn.executemany("INSERT INTO authors (id, name, key) VALUES (?, ?, ?)",
                            [(n + 1, f"Author {n}", f"author {n}") for n in range(7)])
        db.conn.executemany("INSERT INTO article_authors (article_id, author_id, position) VALUES (?, ?, 0)",
                            [(i, 1 + i % 7) for i in range(1, WINDOW + 101)])
    return path


def saved(archive, **params) -> list[tuple]:
    conn = sqlite3.connect(archive)
    add_query_functions(conn)
    cursor = conn.execute(search_sql(), {**PARAMS, **params})
    columns = [c[0] for c in cursor.description]
    return [dict(zip(columns, row)) for row in cursor.fetchall()]


def full_bm25(archive, match: str, limit: int = 20) -> list[int]:
    conn = sqlite3.connect(archive)
    return [r[0] for r in conn.execute(
        "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?", (match, limit))]


def test_rare_words_rank_every_match_exactly_as_bm25(archive):
    found = saved(archive, q="lighthouse")
    assert len(found) == (WINDOW + 100) // 50
    assert [r["id"] for r in found] == full_bm25(archive, "lighthouse")


def test_a_common_word_ranks_only_the_latest_matches_and_a_date_range_reaches_back(archive):
    # The trade-off, pinned: the best match by bm25 arrived first, outside the window.
    assert full_bm25(archive, "harbour")[0] == 1
    found = saved(archive, q="harbour")
    assert len(found) == 20 and 1 not in [r["id"] for r in found]
    assert min(r["id"] for r in found) > 100  # only the newest WINDOW arrivals are ranked
    # Any filter goes the exact way: the first arrival is found and ranked first again.
    in_range = saved(archive, q="harbour", since="2011-01-01", until="2011-12-31")
    assert in_range[0]["id"] == 1
    assert all(r["published"].startswith("2011") for r in in_range)


def test_newest_first_is_by_publication_date_not_arrival(archive):
    found = saved(archive, q="harbour", sort="newest")
    dates = [r["published"] for r in found]
    assert len(found) == 20 and dates == sorted(dates, reverse=True)
    newest = sqlite3.connect(archive).execute("SELECT max(published) FROM articles").fetchone()[0]
    assert dates[0] == newest


def test_outlet_and_author_filters_are_exact_and_pages_continue(archive):
    first = saved(archive, q="dredging", outlet="Coast Weekly", sort="newest")
    second = saved(archive, q="dredging", outlet="Coast Weekly", sort="newest", page="2")
    assert {r["outlet"] for r in first + second} == {"Coast Weekly"}
    assert not {r["id"] for r in first} & {r["id"] for r in second}
    assert first[-1]["published"] >= second[0]["published"]
    by_author = saved(archive, q="dredging", author="Author 3")
    assert by_author and all(r["authors"] == '["Author 3"]' for r in by_author)


def test_prefix_through_the_api_syntax_and_the_command_line_agree(archive):
    through_api = saved(archive, q="lightho*")
    assert len(through_api) == (WINDOW + 100) // 50
    db = open_database(archive)
    assert [r["id"] for r in search(db, "lightho*", limit=100)] == [r["id"] for r in through_api]
    assert "**lighthouse**" in search(db, "lighthouse")[0]["snippet"]


def test_the_command_line_pages_through_to_its_limit(archive):
    db = open_database(archive)
    found = search(db, "harbour", limit=45)
    assert len(found) == 45 and len({r["id"] for r in found}) == 45


def test_a_word_in_most_recent_articles_puts_title_matches_first_then_the_newest(archive):
    # "harbour" is in every article, so bm25 (which would count all of them first) is not used:
    # the window's title match comes first, then the rest newest first.
    found = [r["id"] for r in saved(archive, q="harbour")]
    assert found[0] == TITLED
    assert found[1:] == sorted(found[1:], reverse=True) and found[1] == WINDOW + 100
    second = [r["id"] for r in saved(archive, q="harbour", page="2")]
    assert not set(found) & set(second) and max(second) < min(found[1:])
    # A prefix that common costs a full merge of its words' lists per FTS5 pass: one pass, newest
    # first, snippets included.
    by_prefix = saved(archive, q="harbo*")
    assert [r["id"] for r in by_prefix] == list(range(WINDOW + 100, WINDOW + 80, -1))
    assert all("<mark>" in r["snippet"] for r in by_prefix)
    # A word in fewer than a tenth of the latest articles is still ranked by bm25.
    assert [r["id"] for r in saved(archive, q="lighthouse")] == full_bm25(archive, "lighthouse")


@pytest.mark.parametrize("size, newest_first", [(5200, True), (1000, False)])
def test_a_prefix_in_most_of_the_latest_articles_of_a_large_archive_comes_newest_first(tmp_path, size, newest_first):
    """Only the latest 300 articles hold a word beginning "quarr", a varying number of times. Its
    newest 20 matches lie within 200 arrivals, so in an archive of 5,000 or more the prefix is
    common (newest first, from the one pass that found the matches); in a smaller one, or as a
    whole word (300 matches, short of the 500 the check of words asks), bm25 ranks them."""
    db = open_database(tmp_path / "archive.db")
    rows = [(i, f"q{i}", f"Report {i}",
             " ".join(["quarry"] * (1 + i * 7 % 5) * (i > size - 300) + ["sea"] * (i % 11) + [f"x{i}"]),
             "2026-01-01") for i in range(1, size + 1)]
    with db.conn:
        db.conn.executemany("INSERT INTO articles (id, content_hash, title, body, first_seen) "
                            "VALUES (?, ?, ?, ?, ?)", rows)
    by_prefix = [r["id"] for r in saved(tmp_path / "archive.db", q="quarr*")]
    newest = list(range(size, size - 20, -1))
    ranked = full_bm25(tmp_path / "archive.db", '"quarr"*')
    assert ranked != newest  # the two orders differ, so the assertion below tells them apart
    assert by_prefix == (newest if newest_first else ranked)
    assert [r["id"] for r in saved(tmp_path / "archive.db", q="quarry")] == full_bm25(tmp_path / "archive.db", "quarry")


def test_article_facets_follows_every_change_to_an_article(tmp_path):
    db = open_database(tmp_path / "archive.db")
    columns = "id, title, outlet_id, authors, published, language"

    def in_step():
        return (db.execute(f"SELECT {columns} FROM articles ORDER BY id").fetchall()
                == db.execute(f"SELECT {columns} FROM article_facets ORDER BY id").fetchall())

    with db.conn:
        db.execute("INSERT INTO outlets (id, name, key) VALUES (1, 'Coast Weekly', 'coast weekly')")
        db.execute("INSERT INTO articles (id, content_hash, title, body, authors, published, outlet_id, "
                   "language, first_seen) VALUES (1, 'a', 'Tide tables', 'Low water at noon.', '[\"Ann Lee\"]', "
                   "'2020-01-02', 1, 'en', '2026-01-01'), (2, 'b', 'Gulls', 'Gulls everywhere.', '[]', "
                   "NULL, NULL, NULL, '2026-01-01')")
    assert in_step() and db.execute("SELECT count(*) FROM article_facets").fetchone()[0] == 2
    with db.conn:
        db.execute("UPDATE articles SET title = 'Tide tables revised', published = '2020-01-03', "
                   "authors = '[\"Ann Lee\", \"Bo Chen\"]', outlet_id = NULL, language = 'cy' WHERE id = 1")
    assert in_step()
    with db.conn:
        db.execute("DELETE FROM articles WHERE id = 2")
    assert in_step() and db.execute("SELECT count(*) FROM article_facets").fetchone()[0] == 1


@pytest.fixture(scope="module")
def many_matches(tmp_path_factory):
    """5,000 articles over two outlets: "tide" in 2,000 of them (enough that the saved query walks
    the outlet's or the date index instead of looking every match up), "gale" in 715 (looked
    up), each a varying number of times so that bm25 tells them apart."""
    path = tmp_path_factory.mktemp("many") / "archive.db"
    db = open_database(path)
    rows = []
    for i in range(1, 5001):
        words = ["tide"] * (1 + i // 5 % 4) if i % 5 < 2 else []
        words += ["gale"] * (1 + i % 3) if i % 7 == 0 else []
        body = " ".join(words + ["sea"] * (i % 13) + [f"quay{i}"])
        published = f"20{10 + i * 7 % 15:02d}-{1 + i % 12:02d}-{1 + i % 28:02d}T{i % 24:02d}:{i % 60:02d}:00"
        rows.append((i, f"m{i}", f"Report {i}", body, published, 1 + i % 2))
    with db.conn:
        db.execute("INSERT INTO outlets (id, name, key) VALUES (1, 'Coast Weekly', 'coast weekly'), "
                   "(2, 'Inland Daily', 'inland daily')")
        db.conn.executemany(
            "INSERT INTO articles (id, content_hash, title, body, published, outlet_id, first_seen) "
            "VALUES (?, ?, ?, ?, ?, ?, '2026-01-01')", rows)
        db.execute("INSERT INTO authors (id, name, key) VALUES (1, 'Writer One', 'writer one'), "
                   "(2, 'Writer Two', 'writer two'), (3, 'Writer Three', 'writer three')")
        db.conn.executemany("INSERT INTO article_authors (article_id, author_id, position) VALUES (?, ?, 0)",
                            [(i, 1 + i % 3) for i in range(1, 5001)])
    return path


@pytest.mark.parametrize("word", ["tide", "gale"])
@pytest.mark.parametrize("params", [
    {"outlet": "Coast Weekly"}, {"outlet": "Coast Weekly", "sort": "newest"},
    {"since": "2014-01-01", "until": "2015-06-30"}, {"since": "2014-01-01", "page": "2"},
    # within three calendar years the words are narrowed to the years' words in FTS5 (schema/0007)
    {"since": "2017-01-01", "until": "2017-12-31"}, {"since": "2015-02-05", "until": "2015-09-20"},
    {"since": "2015", "until": "2017", "sort": "newest"}, {"since": "2012-06-01", "until": "2015-05-31"},
    {"since": "2017-01-01", "until": "2017-12-31", "outlet": "Coast Weekly"},
    {"sort": "newest"}, {"sort": "newest", "page": "3"},
    # an author: each way checks who wrote a match (article_authors), as by_author lists them
    {"author": "Writer One"}, {"author": "writer one", "sort": "newest"},
    {"author": "Writer Two", "outlet": "Coast Weekly"}, {"author": "Writer Two", "since": "2014-01-01"},
])
def test_every_way_of_finding_filtered_matches_agrees_with_a_plain_query(many_matches, word, params):
    """Ranked rows compared by score and dated rows by date: equal scores or dates may come in
    either order. Best first with a filter ranks the newest 500 that pass it (the design)."""
    values = {**PARAMS, **params, "q": word}
    newest = values["sort"] == "newest"
    filtered = ("SELECT articles.id FROM articles_fts JOIN articles ON articles.id = articles_fts.rowid "
                "LEFT JOIN outlets ON outlets.id = articles.outlet_id WHERE articles_fts MATCH :q "
                "AND (:outlet = '' OR outlets.name = :outlet) AND (:since = '' OR articles.published >= :since) "
                "AND (:until = '' OR articles.published <= :until || 'T99') AND (:author = '' OR articles.id IN ("
                "SELECT article_id FROM article_authors JOIN authors ON authors.id = author_id "
                "WHERE authors.name = :author COLLATE NOCASE)) ORDER BY articles.published DESC")
    if newest:
        sql = f"SELECT published FROM articles WHERE id IN ({filtered}) ORDER BY published DESC"
    else:
        sql = (f"SELECT rank FROM articles_fts WHERE articles_fts MATCH :q AND rowid IN ({filtered} LIMIT 500) "
               "ORDER BY rank")
    expected = [row[0] for row in sqlite3.connect(many_matches).execute(
        sql + " LIMIT 20 OFFSET :skip", {**values, "skip": 20 * (int(values["page"] or 1) - 1)})]
    found = saved(many_matches, **values)
    assert len(expected) == 20
    if newest:
        assert [r["published"] for r in found] == expected
    else:
        assert [r["rank"] for r in found] == pytest.approx(expected)
    if values["outlet"]:
        assert {r["outlet"] for r in found} == {values["outlet"]}


def test_the_narrow_faceted_page_counts_what_the_articles_page_counts(archive):
    """/archive/article_facets is the faceted search (its facets read no bodies); it must count
    and facet a search exactly as the articles page does."""
    datasette = build_datasette(archive)
    loop = asyncio.new_event_loop()
    try:
        loop.run_until_complete(datasette.invoke_startup())

        def page(table: str, query: str) -> dict:
            response = loop.run_until_complete(datasette.client.get(f"/archive/{table}.json?{query}"))
            assert response.status_code == 200, response.text
            return response.json()

        for query in ("_search=lighthouse", "_search=harbour", "_search=dredging&language__isnull=1"):
            narrow, wide = page("article_facets", query), page("articles", query)
            assert narrow["filtered_table_rows_count"] == wide["filtered_table_rows_count"] > 0
            assert set(narrow["facet_results"]) == {"outlet_id", "authors", "published", "language"}
            for name, facet in wide["facet_results"].items():
                assert ([(v["value"], v["count"]) for v in narrow["facet_results"][name]["results"]]
                        == [(v["value"], v["count"]) for v in facet["results"]]), name
    finally:
        loop.close()


def test_the_year_words_are_in_the_index_and_no_search_meets_them(many_matches):
    conn = sqlite3.connect(many_matches)
    dated = conn.execute("SELECT count(*) FROM articles WHERE published IS NOT NULL").fetchone()[0]
    in_years = sum(conn.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?",
                                (f'"1y{year}"',)).fetchone()[0] for year in range(2000, 2030))
    assert dated == 5000 and in_years == dated
    # "2016" is in one title ("Report 2016"), and in no article's index as a year
    assert [r["id"] for r in saved(many_matches, q="2016")] == [2016]


def test_an_archive_indexed_before_the_year_words_is_upgraded_and_keeps_every_article(tmp_path, capsys):
    """An archive as schema 0006 left it (four indexed columns, no year or outlet words) is
    re-indexed by 0007 and 0008 on its next open: every article is still found, and date ranges
    and outlets narrow by their words."""
    from ingest.migrations import _statements
    from ingest.resources import schema_dir

    path = tmp_path / "old.db"
    db = open_database(path)
    with db.conn:  # back to 0006: the FTS table of 0001, without the year column
        for name in ("insert", "delete", "update"):
            db.execute(f"DROP TRIGGER articles_fts_{name}")
        db.execute("DROP TABLE articles_fts")
        db.execute("DROP VIEW articles_fts_text")  # (0021's, which reads the year column)
        db.execute("ALTER TABLE articles DROP COLUMN published_year_term")
        db.execute("ALTER TABLE articles DROP COLUMN outlet_term")
        initial = (schema_dir() / "0001_initial.sql").read_text()
        for statement in _statements(initial):
            if "articles_fts" in statement and "CREATE VIEW" not in statement:
                db.execute(statement)
        db.execute("DELETE FROM _sqlite_migrations WHERE name IN ('0007_published_year_term', '0008_outlet_term', "
                   "'0021_cjk_characters')")
        db.execute("INSERT INTO outlets (id, name, key) VALUES (1, 'Coast Weekly', 'coast weekly'), "
                   "(2, 'Inland Daily', 'inland daily')")
        db.conn.executemany(
            "INSERT INTO articles (id, content_hash, title, body, published, outlet_id, first_seen) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(i, f"o{i}", f"Ferry timetable {i}", "The ferry ran late again.", f"20{15 + i % 4}-05-0{1 + i % 9}",
              1 + i % 2, "2026-01-01") for i in range(1, 41)])
    assert db.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'ferry'").fetchone()[0] == 40
    db.close()
    upgraded = open_database(path)
    assert "re-indexing 40 articles" in capsys.readouterr().err
    assert upgraded.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'ferry'").fetchone()[0] == 40
    assert upgraded.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH '\"1y2016\"'").fetchone()[0] == 10
    assert upgraded.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH '\"1o1\"'").fetchone()[0] == 20
    assert {r["outlet"] for r in saved(path, q="ferry", outlet="Coast Weekly")} == {"Coast Weekly"}
    found = saved(path, q="ferry", since="2016-01-01", until="2017-12-31")
    assert len(found) == 20 and {r["published"][:4] for r in found} == {"2016", "2017"}
    # a date changed later moves the article to its new year's word
    with upgraded.conn:
        upgraded.execute("UPDATE articles SET published = '2031-01-01' WHERE id = 1")
    assert [r[0] for r in upgraded.execute(
        "SELECT rowid FROM articles_fts WHERE articles_fts MATCH '\"1y2031\"'")] == [1]
    # and an article moved to another outlet, to that outlet's word
    with upgraded.conn:
        upgraded.execute("UPDATE articles SET outlet_id = 1 WHERE id = 1")
    assert 1 in [r[0] for r in upgraded.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH '\"1o1\"'")]
    assert 1 not in [r[0] for r in upgraded.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH '\"1o2\"'")]
    open_database(path).close()
    assert capsys.readouterr().err == ""  # nothing left to upgrade: nothing said


@pytest.fixture(scope="module")
def one_busy_year(tmp_path_factory):
    """1,200 articles with "surf" published in 2020, arriving in an order unrelated to their
    dates, and 300 more from 2019: more matches in the year than the 500 ranked."""
    path = tmp_path_factory.mktemp("year") / "archive.db"
    db = open_database(path)
    rows = []
    for i in range(1, 1501):
        year = 2020 if i <= 1200 else 2019
        day = (i * 389) % 365  # scrambles the dates against the ids
        published = f"{year}-{1 + day // 31 % 12:02d}-{1 + day % 28:02d}T{i % 24:02d}:00:00"
        body = " ".join(["surf"] * (1 + i * 7 % 5) + ["sand"] * (i % 11) + [f"beach{i}"])
        rows.append((i, f"y{i}", f"Shore notes {i}", body, published))
    with db.conn:
        db.conn.executemany(
            "INSERT INTO articles (id, content_hash, title, body, published, first_seen) "
            "VALUES (?, ?, ?, ?, ?, '2026-01-01')", rows)
    return path


def _ranked_within(archive, window_sql: str, skip: int = 0) -> list[float]:
    return [row[0] for row in sqlite3.connect(archive).execute(
        f"SELECT rank FROM articles_fts WHERE articles_fts MATCH 'surf' AND rowid IN ({window_sql}) "
        "ORDER BY rank LIMIT 20 OFFSET ?", (skip,))]


IN_2020 = "SELECT id FROM articles WHERE published >= '2020' AND published < '2021'"


@pytest.mark.parametrize("since, until, page", [("2020-01-01", "2020-12-31", ""), ("2020", "2020", ""),
                                                ("2020-01", "2020-12", "2")])
def test_whole_years_rank_the_latest_arrivals_in_them_and_read_no_dates(one_busy_year, since, until, page):
    """Whole calendar years, best first: every match of the year's words is in range, so the
    window is the latest 500 arrivals among them, as with no filter (no date looked up)."""
    skip = 20 * (int(page or 1) - 1)
    by_arrival = _ranked_within(one_busy_year, f"{IN_2020} ORDER BY id DESC LIMIT 500", skip)
    by_date = _ranked_within(one_busy_year, f"{IN_2020} ORDER BY published DESC LIMIT 500", skip)
    assert by_arrival != by_date  # the fixture tells the two windows apart
    found = saved(one_busy_year, q="surf", since=since, until=until, page=page)
    assert [r["rank"] for r in found] == pytest.approx(by_arrival)
    assert all(r["published"].startswith("2020") for r in found)
    assert min(r["id"] for r in found) > 1200 - 500


def test_part_of_a_year_still_ranks_the_newest_by_date(one_busy_year):
    in_range = "SELECT id FROM articles WHERE published >= '2020-01-02' AND published <= '2020-12-31T99'"
    found = saved(one_busy_year, q="surf", since="2020-01-02", until="2020-12-31")
    assert [r["rank"] for r in found] == pytest.approx(
        _ranked_within(one_busy_year, f"{in_range} ORDER BY published DESC LIMIT 500"))


def test_an_outlet_or_author_typed_in_another_case_is_found(archive):
    """A name typed in lower case used to match nothing, silently (found by audit13)."""
    exact = saved(archive, q="dredging", outlet="Coast Weekly", author="Author 3")
    assert exact and saved(archive, q="dredging", outlet="coast WEEKLY", author="author 3") == exact
    # the beginnings of its words, as by_outlet reads them; not a piece inside a word
    assert saved(archive, q="dredging", outlet="coast weekl") == saved(archive, q="dredging", outlet="Coast Weekly")
    assert saved(archive, q="dredging", outlet="oast Weekly") == []


class _CountingConnection(sqlite3.Connection):
    """A connection that counts the SQL functions registered on it."""

    registered = 0

    def create_function(self, *args, **kwargs):
        self.registered += 1
        return super().create_function(*args, **kwargs)


def test_searching_again_on_a_connection_registers_nothing_again(archive):
    # fails before: each search() (and each timeline note) registered its SQL functions again,
    # which expires every statement prepared on the connection: the saved query, prepared again
    # on each call, cost 80-400 ms on a 10,000-article archive where its SQL runs in 1-15 ms.
    from ingest.search import undated_matches

    conn = sqlite3.connect(archive, factory=_CountingConnection)
    first = search(conn, "harbour")
    registered = conn.registered
    assert registered > 0
    assert search(conn, "harbour") == first
    undated_matches(conn, "harbour")
    assert conn.registered == registered


def test_our_functions_replace_another_escape_fts_on_the_connection(archive):
    # near miss: Datasette registers an escape_fts of its own on each connection before the
    # plugin's; that one is not taken for ours (it took `-word` for the word).
    from ingest.search import fts_expression

    conn = sqlite3.connect(archive)
    conn.create_function("escape_fts", 1, lambda text: f'"{text}"')
    add_query_functions(conn)
    assert conn.execute("SELECT escape_fts('harbour -lighthouse')").fetchone()[0] == fts_expression(
        "harbour -lighthouse") != '"harbour -lighthouse"'


def test_metadata_is_parsed_once_a_process_for_the_searches_and_timeline_notes(archive, monkeypatch):
    # fails before: the timeline's note read and parsed metadata.yml (100 ms with PyYAML's own
    # parser) for each timeline page the server gave. The server itself reads the file once,
    # when it starts, as Datasette does: the note reads it as the served timeline query does.
    import yaml

    from ingest.search import undated_matches

    conn = sqlite3.connect(archive)
    search(conn, "harbour"), undated_matches(conn, "harbour")
    parsed = []
    for name in ("load", "safe_load"):
        monkeypatch.setattr(yaml, name, lambda *args, _parse=getattr(yaml, name), **kwargs: (
            parsed.append(1), _parse(*args, **kwargs))[1])
    assert search(conn, "harbour") and undated_matches(conn, "harbour") == 0
    assert parsed == []


def test_metadata_parsed_by_libyaml_is_what_pyyaml_reads():
    import yaml

    from ingest.resources import load_metadata, metadata_path

    assert load_metadata() == yaml.safe_load(metadata_path().read_text(encoding="utf-8"))
