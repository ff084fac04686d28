"""The bounded search design of the `search` saved query (metadata.yml), pinned on a small
archive: what it ranks, what it gives up, and the exact paths for filters and newest first."""

import sqlite3

import pytest

from ingest.datasette_plugin import escape_fts_never_empty
from ingest.search import search, search_sql
from ingest.store import open_database

WINDOW = 500  # matches ranked when there is no filter (the saved query's own constant)
PARAMS = {"q": "", "outlet": "", "author": "", "since": "", "until": "", "sort": "", "page": ""}


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
            body = f"The harbour board met for the {i}th time. Dredging crews waited at the quay."
            if i % 50 == 0:
                body += " A lighthouse keeper spoke."
            published = f"20{10 + i % 15:02d}-{1 + i % 12:02d}-{1 + i % 28:02d}T12:00:00+00:00"
            rows.append((i, f"h{i}", title, body, published, 1 + i % 2, "2026-01-01", f'["Author {i % 7}"]'))
        db.conn.executemany(
            "INSERT INTO articles (id, content_hash, title, body, published, outlet_id, first_seen, authors) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
    return path


def saved(archive, **params) -> list[tuple]:
    conn = sqlite3.connect(archive)
    conn.create_function("escape_fts", 1, escape_fts_never_empty)
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
