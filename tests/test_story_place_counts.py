"""Each story's places are counted once and kept (schema/0027, story_place_counts), not counted at
each request of "Syndicated stories": the kept counts must be the counts from scratch after any
write, whoever writes (ingest, link-copies, an outlet corrected, a source removed, SQL by hand with
no address function, which names the stories it touched stale for the next writer to count)."""

import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from ingest import near_copies, store
from ingest.near_copies import recount_story_places
from ingest.normalise import same_address_key
from ingest.store import open_connection_for_reading, open_database

from conftest import connect, run_cli, served_from
from test_near_copy_places import HERALD, LANTERN, VALLEY, components, ingest_records, syndication_rows

# Every trigger that names a stale story: dropping any one must leave a count wrong.
STALE_TRIGGERS = ["sources_stale_story_added", "sources_stale_story_removed", "sources_stale_story_changed",
                  "sources_stale_story_replaced",
                  "near_copy_stories_stale_changed",
                  "near_copy_stories_stale_removed"]

ARTICLES = range(1, 61)
ADDRESSES = [None, "https://a.example/ferry", "https://a.example/ferry/", "https://b.example/ferry",
             "https://b.example/ferry?page=2", "https://b.example/ferry/?page=2"]
DAYS = [None, "2024-03-05", "2024-03-05T09:30:00", "2024-03-06"]
OUTLETS = [None, 1, 2, 3]


def counts_from_scratch(conn) -> dict[int, tuple[int, int, int]]:
    """Each story's (copies, outlets, edited), by the syndication query's rules written again in
    Python: a story is every article linked to it directly or not (a union-find of the links), or
    an article alone; a place is one outlet, address (same_address_key) and day, of a source not
    failed naming an outlet or an address; an edited place saw none of the story's own text."""
    story = components(conn.execute("SELECT article_id, copy_of FROM near_copies"))
    places: dict[int, dict[tuple, bool]] = {}
    for article_id, outlet_id, url, published in conn.execute(
            "SELECT article_id, outlet_id, url, published FROM sources WHERE article_id IS NOT NULL "
            "AND status != 'failed' AND (outlet_id IS NOT NULL OR url IS NOT NULL)"):
        first = story.get(article_id, article_id)
        place = (outlet_id, url and same_address_key(url), published and published[:10])
        story_places = places.setdefault(first, {})
        story_places[place] = story_places.get(place, False) or article_id == first
    return {first: (len(found), len({outlet for outlet, _, _ in found if outlet is not None}),
                    sum(not same for same in found.values()))
            for first, found in places.items() if len(found) >= 2}


def kept_counts(conn) -> dict[int, tuple[int, int, int]]:
    recount_story_places(conn)
    return {story: (copies, outlets, edited) for story, copies, outlets, edited in
            conn.execute("SELECT story_id, copies, outlets, edited FROM story_place_counts")}


def random_writes(conn, chance: random.Random, steps: int):
    """Links written and removed, sources written, removed, changed (outlet, address, day,
    status, article; and last_seen, which changes no place) and replaced, articles deleted: a write a step,
    by a connection with no address function (as SQL by hand)."""
    source_ids = []
    for step in range(steps):
        kind = chance.random()
        if kind < 0.2:
            a, b = chance.sample(ARTICLES, 2)
            pair = (max(a, b), min(a, b))
            if chance.random() < 0.3:
                # (a link that is there: each removal may split a story)
                pair = chance.choice(conn.execute("SELECT article_id, copy_of FROM near_copies").fetchall() or [pair])
                conn.execute("DELETE FROM near_copies WHERE article_id = ? AND copy_of = ?", pair)
            else:
                conn.execute("INSERT OR IGNORE INTO near_copies (article_id, copy_of, shared) VALUES (?, ?, 0.8)", pair)
        elif kind < 0.6 or not source_ids:
            source_ids.append(conn.execute(
                "INSERT INTO sources (location, raw_sha256, status, article_id, outlet_id, url, published, seen_at, "
                "last_seen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (f"/in/{step}.json", str(step), chance.choice(["stored", "duplicate", "duplicate", "failed"]),
                 chance.choice(ARTICLES), chance.choice(OUTLETS), chance.choice(ADDRESSES), chance.choice(DAYS),
                 f"2024-04-{step % 28 + 1:02d}", "2024-05-01")).lastrowid)
        elif kind < 0.7:
            conn.execute("DELETE FROM sources WHERE id = ?", (source_ids.pop(chance.randrange(len(source_ids))),))
        elif kind < 0.9:
            column, values = chance.choice([("outlet_id", OUTLETS), ("url", ADDRESSES), ("published", DAYS),
                                            ("status", ["stored", "duplicate", "failed"]),
                                            ("article_id", list(ARTICLES)), ("last_seen", ["2024-06-01"])])
            conn.execute(f"UPDATE sources SET {column} = ? WHERE id = ?", (chance.choice(values), chance.choice(source_ids)))
        elif kind < 0.95:  # (REPLACE: with recursive triggers off, as here, the row deleted fires no DELETE trigger)
            conn.execute("REPLACE INTO sources (id, location, raw_sha256, status, article_id, url, seen_at, last_seen) "
                         "VALUES (?, ?, 'r', 'stored', ?, ?, '', '')", (chance.choice(source_ids), f"/in/r{step}",
                                                                      chance.choice(ARTICLES), chance.choice(ADDRESSES)))
        else:
            gone = chance.choice(ARTICLES)
            conn.execute("DELETE FROM articles WHERE id = ?", (gone,))
            conn.execute("INSERT INTO articles (id, content_hash, first_seen, body) VALUES (?, ?, '', '')",
                         (gone, f"again {step}"))
            source_ids = [found for found, in conn.execute("SELECT id FROM sources")]
        yield step


def archive_for_writes(tmp_path) -> sqlite3.Connection:
    open_database(tmp_path / "a.db").conn.close()
    conn = connect(tmp_path / "a.db")  # (foreign keys off; no same_address_key: SQL by hand)
    conn.executemany("INSERT INTO articles (id, content_hash, first_seen, body) VALUES (?, ?, '', '')",
                     [(article, str(article)) for article in ARTICLES])
    return conn


@pytest.mark.parametrize("seed", [37, 38, 39])
def test_the_kept_counts_are_the_counts_from_scratch_after_every_write(tmp_path, seed):
    conn = archive_for_writes(tmp_path)
    chance = random.Random(seed)
    for step in random_writes(conn, chance, 400):
        if step % 7 == 0 or step > 390:
            # every few writes: the stale stories counted again together, as a batch commits
            assert kept_counts(conn) == counts_from_scratch(conn), step
    assert len(counts_from_scratch(conn)) >= 5  # (stories of several places were made)


@pytest.mark.parametrize("trigger", STALE_TRIGGERS)
def test_each_trigger_is_needed(tmp_path, trigger):
    """Near miss: the same writes with one trigger dropped leave some count wrong (so the test
    above would fail without it)."""
    conn = archive_for_writes(tmp_path)
    conn.execute(f"DROP TRIGGER {trigger}")
    chance = random.Random(37)
    wrong = False
    for step in random_writes(conn, chance, 400):
        if step % 7 == 0:
            wrong = wrong or kept_counts(conn) != counts_from_scratch(conn)
    assert wrong


def test_an_upgraded_archive_is_counted_once(tmp_path):
    conn = archive_for_writes(tmp_path)
    for _ in random_writes(conn, random.Random(40), 300):
        pass
    expected = counts_from_scratch(conn)
    # an archive as 0026 left it: no counts kept
    conn.executescript("DROP TABLE story_place_counts; DROP TABLE story_place_counts_stale; "
                       "DROP VIEW stale_story_place_counts; "
                       + "".join(f"DROP TRIGGER {trigger}; " for trigger in STALE_TRIGGERS)
                       + "DELETE FROM _sqlite_migrations WHERE name IN "
                       "('0027_story_place_counts', '0028_count_story_places', "
                       "'0030_story_place_counts_fewer_stale');")
    conn.close()
    conn = open_database(tmp_path / "a.db").conn
    assert conn.execute("SELECT count(*) FROM story_place_counts_stale").fetchone()[0] == 0
    assert kept_counts(conn) == expected


def test_a_source_of_an_article_seen_at_one_source_names_no_story_stale(tmp_path):
    """Fails before: every source written named its article stale, so a bulk update by hand of
    every source left every article for the syndication query to count from scratch (2.2-2.8 s
    at 323,466 articles, over the 2 s limit). Only what can change a kept count is named."""
    conn = archive_for_writes(tmp_path)

    def stale() -> list[int]:
        return [story for story, in conn.execute("SELECT story_id FROM story_place_counts_stale ORDER BY 1")]

    def add_source(article: int, status: str = "stored"):
        conn.execute("INSERT INTO sources (location, raw_sha256, status, article_id, outlet_id, url, published, "
                     "seen_at, last_seen) VALUES ('/in/' || (SELECT coalesce(max(id), 0) + 1 FROM sources), 'x', ?, ?, 1, "
                     "'https://a.example/ferry', '2024-03-05', '', '')", (status, article))

    for article in (1, 2, 3):
        add_source(article)
    add_source(2, "failed")  # (a failed source is no place)
    conn.execute("UPDATE sources SET url = 'https://b.example/ferry', published = '2024-03-06'")
    conn.execute("DELETE FROM sources WHERE article_id = 3")
    assert stale() == []
    # near miss: a second source, a copy seen elsewhere, can make two places
    add_source(1)
    assert stale() == [1]
    conn.execute("UPDATE sources SET url = 'https://c.example/ferry' WHERE id = (SELECT max(id) FROM sources)")
    assert kept_counts(conn) == counts_from_scratch(conn) == {1: (2, 1, 0)}
    # and the source that made it two places, removed or failed, names it again
    conn.execute("UPDATE sources SET status = 'failed' WHERE id = (SELECT max(id) FROM sources)")
    assert stale() == [1]
    assert kept_counts(conn) == counts_from_scratch(conn) == {}


@pytest.mark.parametrize("same", ["id", "location and bytes"])
def test_a_source_replaced_without_recursive_triggers_names_its_story(tmp_path, db_path, same):
    """Fails before: REPLACE INTO sources in the sqlite3 shell (recursive triggers off: the row
    it deletes fires no DELETE trigger) moved a copy of a story to another article, and the
    story stayed counted with it for good."""
    ingest_records(tmp_path, db_path, [HERALD, VALLEY, LANTERN])
    conn = connect(db_path)
    assert conn.execute("PRAGMA recursive_triggers").fetchone() == (0,)
    conn.execute("INSERT INTO articles (id, content_hash, first_seen, body) VALUES (50, 'other', '', 'other')")
    columns = [column for _, column, *_ in conn.execute("PRAGMA table_info(sources)")]
    row = dict(zip(columns, conn.execute("SELECT * FROM sources WHERE article_id = 3").fetchone()))
    row["article_id"] = 50
    if same != "id":
        row["id"] = None
    conn.execute(f"REPLACE INTO sources ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})", list(row.values()))
    conn.commit()
    assert conn.execute("SELECT count(*) FROM sources WHERE article_id = 3").fetchone() == (0,)
    assert kept_counts(conn) == counts_from_scratch(conn) == {1: (2, 2, 1)}


def test_a_folder_read_again_unchanged_names_no_story_stale(tmp_path, db_path, monkeypatch):
    """A re-read of a folder writes each source's last_seen and nothing else: a trigger firing on
    it (0030's UPDATE OF leaves it out) would name every story read stale and count it again."""
    ingest_records(tmp_path, db_path, [HERALD, VALLEY, LANTERN])
    with connect(db_path) as conn:  # (an earlier reading, told from this one's)
        conn.execute("UPDATE sources SET last_seen = '2024-01-01T00:00:00+00:00'")
    open_database(db_path).conn.close()
    recount = near_copies.recount_story_places
    counted = []  # (what each recount found stale, as ingest commits)
    monkeypatch.setattr(near_copies, "recount_story_places", lambda conn: counted.append(recount(conn)) or counted[-1])
    ingest_records(tmp_path, db_path, [HERALD, VALLEY, LANTERN])
    with connect(db_path) as conn:
        assert conn.execute("SELECT min(last_seen) FROM sources").fetchone()[0] > "2025"  # (the sources read again)
    assert counted and not any(counted)


def test_a_story_changed_by_hand_is_served_right_before_it_is_counted_again(tmp_path, db_path):
    ingest_records(tmp_path, db_path, [HERALD, VALLEY, LANTERN])
    with connect(db_path) as conn:  # ingest counted its stories as it stored them
        assert conn.execute("SELECT count(*) FROM story_place_counts_stale").fetchone()[0] == 0
        assert kept_counts(conn) == {1: (3, 3, 2)}
        conn.execute("DELETE FROM sources WHERE article_id = 3")  # by hand, no address function
    # the stale story is counted from scratch by the query itself
    assert [row[:4] for row in syndication_rows(db_path)] == [(1, 2, 2, 1), (1, 2, 2, 1)]
    # and kept by the next command that opens the archive to write
    open_database(db_path).conn.close()
    with connect(db_path) as conn:
        assert conn.execute("SELECT count(*) FROM story_place_counts_stale").fetchone()[0] == 0
        assert kept_counts(conn) == {1: (2, 2, 1)}
    assert [row[:4] for row in syndication_rows(db_path)] == [(1, 2, 2, 1), (1, 2, 2, 1)]


def test_served_pages_read_from_kept_counts_equal_those_counted_from_scratch(tmp_path):
    conn = archive_for_writes(tmp_path)
    for _ in random_writes(conn, random.Random(41), 500):
        pass
    conn.execute("UPDATE articles SET body = 'ferry ' || id WHERE id % 2 = 0")  # (words for q to find)
    conn.commit()
    recount_story_places(conn)
    conn.commit()
    paths = [f"/archive/syndication.json?_shape=array&texts={texts}&q={q}" for texts in ("", "same") for q in ("", "ferry")]

    def served():
        with served_from(tmp_path / "a.db") as get:
            return [get(path).json() for path in paths]

    kept = served()
    # every story named stale and no count kept: the query counts all of them, as before 0027
    conn.execute("DELETE FROM story_place_counts")
    conn.execute("INSERT INTO story_place_counts_stale (story_id) SELECT id FROM articles")
    conn.commit()
    assert served() == kept
    assert len(kept[0]) >= 10 and 0 < len(kept[1]) < len(kept[0])


def test_link_copies_counts_the_stories_it_links(tmp_path, db_path):
    ingest_records(tmp_path, db_path, [HERALD, VALLEY])
    with connect(db_path) as conn:  # as an archive stored before 0024 holds them: no sketch, no link
        conn.execute("DELETE FROM near_copies")
        conn.execute("DELETE FROM article_sketches")
    assert run_cli("link-copies", "--db", db_path).exit_code == 0
    with connect(db_path) as conn:  # (the command's last step counted its stories before it committed)
        assert conn.execute("SELECT count(*) FROM story_place_counts_stale").fetchone()[0] == 0
        assert kept_counts(conn) == counts_from_scratch(conn) == {1: (2, 2, 1)}


def stale_stories(db_path) -> int:
    with sqlite3.connect(db_path) as conn:
        return conn.execute("SELECT count(*) FROM story_place_counts_stale").fetchone()[0]


def archive_with_a_story_changed_by_hand(tmp_path, db_path):
    """Three outlets' copies of a story, one of them removed by hand: the story stale."""
    ingest_records(tmp_path, db_path, [HERALD, VALLEY, LANTERN])
    with connect(db_path) as conn:
        conn.execute("DELETE FROM sources WHERE article_id = 3")
    assert stale_stories(db_path) == 1


def searched_places(db_path) -> dict[int, int]:
    result = run_cli("search", "chartered", "--db", db_path, "--json")
    assert result.exit_code == 0, result.output
    return {row["id"]: row["places"] for row in json.loads(result.stdout)}


def opened_as_not_writable(monkeypatch, db_path):
    """The archive opened as SQLite opens a file its user may not write (root may write any, so
    by mode=ro), until monkeypatch.undo()."""
    real_connect = sqlite3.connect
    monkeypatch.setattr(store.sqlite3, "connect", lambda path, *args, **kwargs: real_connect(
        f"file:{path}?mode=ro", uri=True) if str(path) == str(db_path) else real_connect(path, *args, **kwargs))


def test_a_reader_of_an_archive_it_may_not_write_leaves_the_stale_stories(tmp_path, db_path, monkeypatch):
    """search, stats and serve on an archive file its user may not write, in a folder they may:
    SQLite opens it read-only. They failed ("attempt to write a readonly database") once the
    reader counted the stale stories again; they answer right without."""
    archive_with_a_story_changed_by_hand(tmp_path, db_path)
    opened_as_not_writable(monkeypatch, db_path)
    assert searched_places(db_path) == {1: 2, 2: 2, 3: 2}
    assert run_cli("stats", "--db", db_path, "--json").exit_code == 0
    monkeypatch.undo()
    assert stale_stories(db_path) == 1
    assert [row[:4] for row in syndication_rows(db_path)] == [(1, 2, 2, 1), (1, 2, 2, 1)]


# Root may write any file: its search runs in a process without the capabilities that let it
# (setpriv, util-linux), so that the file's mode is what stops it, as for any other user.
_AS_A_USER = (["setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner"]
              if os.geteuid() == 0 and shutil.which("setpriv") else [])


@pytest.mark.skipif(os.geteuid() == 0 and not _AS_A_USER, reason="root may write any file, and setpriv is absent")
def test_a_reader_of_a_file_made_read_only_leaves_the_stale_stories(tmp_path, db_path):
    archive_with_a_story_changed_by_hand(tmp_path, db_path)
    os.chmod(db_path, 0o444)
    # (a real process, a real file: the search as the user would run it)
    searched = subprocess.run([*_AS_A_USER, sys.executable, "-m", "ingest", "search", "chartered", "--db",
                               str(db_path), "--json"], capture_output=True, text=True, cwd=Path(store.__file__).parents[1])
    assert searched.returncode == 0, searched.stderr
    assert {row["id"]: row["places"] for row in json.loads(searched.stdout)} == {1: 2, 2: 2, 3: 2}
    assert stale_stories(db_path) == 1


def test_a_reader_beside_a_writer_holding_the_lock_neither_waits_nor_fails(tmp_path, db_path, monkeypatch):
    """search beside an ingest committing a batch: it waited for the lock (60 s) to count the
    stale stories again, then failed; it leaves them to the writer."""
    archive_with_a_story_changed_by_hand(tmp_path, db_path)
    monkeypatch.setattr(store, "BUSY_TIMEOUT_MS", 600_000)  # (a reader that waits outlasts the join below)
    writer = sqlite3.connect(db_path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    opened = []

    def read():
        try:
            conn = open_connection_for_reading(db_path)
            opened.append(conn.execute("SELECT count(*) FROM story_place_counts_stale").fetchone()[0])
            conn.close()
        except sqlite3.Error as error:
            opened.append(error)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(30)
    waited = reader.is_alive()
    writer.rollback()
    reader.join()
    writer.close()
    assert not waited and opened == [1]
    # with the lock free, a reader counts them again (a writer no longer has to)
    open_connection_for_reading(db_path).close()
    assert stale_stories(db_path) == 0


def test_stats_counts_the_stale_stories_of_an_archive_it_cannot_count_again(tmp_path, db_path, monkeypatch):
    """stats' syndicated_articles: the kept counts but the stale stories', and those counted from
    scratch. Read where they stay stale (an archive it may not write): without either part, a
    story whose copy was removed by hand counted 0 or twice."""
    archive_with_a_story_changed_by_hand(tmp_path, db_path)
    opened_as_not_writable(monkeypatch, db_path)
    result = run_cli("stats", "--db", db_path, "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["syndicated_articles"] == 1
    monkeypatch.undo()
    assert stale_stories(db_path) == 1
    with connect(db_path) as conn:  # (the story still kept as counted before its copy was removed)
        assert conn.execute("SELECT story_id, copies FROM story_place_counts").fetchall() == [(1, 3)]
