"""Re-running ingest on what the archive has already judged: nothing is extracted again unless
the bytes or the extracting code changed."""

import json
import sqlite3
import subprocess
import sys

import pytest
from sqlite_utils import Database

from conftest import ARTICLE_TEXT, ingest_json


def test_a_failed_input_is_not_extracted_again_by_the_same_code(tmp_path, db_path):
    (tmp_path / "menu.html").write_text("<html><body><p>Menu</p></body></html>")
    code, first = ingest_json(tmp_path / "menu.html", "--db", db_path)
    assert (code, first["failed"]) == (1, 1)
    code, again = ingest_json(tmp_path / "menu.html", "--db", db_path)
    assert (code, again["failed"], again["unchanged"]) == (0, 0, 1)
    assert again["unchanged_failed"] == 1  # said, not hidden among the fine ones
    # After an upgrade of the extracting code the same bytes are tried again.
    db = Database(db_path)
    with db.conn:  # as an upgrade leaves them: judged, and read whole, by older code
        db.execute("UPDATE sources SET extractor = 'older code'")
        db.execute("UPDATE input_files SET extractor = 'older code'")
    code, upgraded = ingest_json(tmp_path / "menu.html", "--db", db_path)
    assert (upgraded["failed"], upgraded["unchanged"]) == (1, 0)


def test_changed_bytes_are_extracted_again(tmp_path, db_path):
    page = tmp_path / "a.txt"
    page.write_text("Headline\n\n" + ARTICLE_TEXT)
    ingest_json(page, "--db", db_path)
    page.write_text("Another headline\n\n" + ARTICLE_TEXT.replace("forty", "fifty"))
    code, summary = ingest_json(page, "--db", db_path)
    assert (summary["stored"], summary["unchanged"]) == (1, 0)


def test_a_run_with_nothing_to_extract_does_not_import_the_extractors(tmp_path, db_path):
    page = tmp_path / "a.txt"
    page.write_text("Headline\n\n" + ARTICLE_TEXT)
    ingest_json(page, "--db", db_path)
    code = (
        "import sys\n"
        "from ingest.pipeline import run_ingest\n"
        f"summary = run_ingest([{str(page)!r}], {str(db_path)!r})\n"
        "assert summary.unchanged == 1, summary\n"
        "assert not {'trafilatura', 'courlan'} & set(sys.modules), 'extraction imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_known_bytes_are_only_hashed_not_decompressed_or_parsed(tmp_path):
    from ingest.read import InputFile, read_sources, sha256

    lines = tmp_path / "feed.jsonl"
    lines.write_bytes(b'{"title": "A"}\nnot json at all\n')
    asked = []

    def known(location, digest):
        asked.append(location)
        return location.endswith("#2")

    sources = list(read_sources(InputFile(lines, lines.stat().st_size), known=known))
    assert asked == [f"{lines}#1", f"{lines}#2"]
    assert sources[0].format == "record" and sources[0].raw and sources[0].error is None
    # The second line is known by its hash: never parsed, so its bad JSON is no error now.
    assert (sources[1].raw, sources[1].error, sources[1].raw_sha256) == (b"", None, sha256(b"not json at all"))

    broken = tmp_path / "page.html.gz"
    broken.write_bytes(b"\x1f\x8b not really gzip")
    (source,) = read_sources(InputFile(broken, broken.stat().st_size), known=lambda *_: True)
    assert source.error is None and source.raw == b""  # not decompressed
    (source,) = read_sources(InputFile(broken, broken.stat().st_size), known=lambda *_: False)
    assert source.error and "gzip" in source.error


# --- files skipped whole by path, size and modification time ---------------------------------

def _age(path, seconds=3600):
    """Give a file a modification time in the past, as a folder copied in long ago has."""
    import os
    import time

    then = time.time() - seconds
    os.utime(path, (then, then))


def _swap_same_size(path, old, new):
    """Change a file's bytes but not its size or modification time (what only --rehash sees)."""
    import os

    status = path.stat()
    assert len(old) == len(new)
    path.write_text(path.read_text().replace(old, new))
    os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns))


def _old_feed(folder, records):
    """A JSON Lines file of distinct stories, last modified an hour ago."""
    lines = folder / "feed.jsonl"
    lines.write_text("".join(
        json.dumps({"title": f"Story {n}", "body": f"Story number {n}. " + ARTICLE_TEXT}) + "\n"
        for n in range(records)))
    _age(lines)
    return lines


def test_an_old_unchanged_file_is_skipped_without_reading_it(tmp_path, db_path):
    page = tmp_path / "a.txt"
    page.write_text("Headline\n\n" + ARTICLE_TEXT)
    _age(page)
    ingest_json(page, "--db", db_path)
    # Same size, same time, other bytes: only a read would notice, and none happens.
    _swap_same_size(page, "forty", "fifty")
    code, again = ingest_json(page, "--db", db_path)
    assert (code, again["unchanged"], again["stored"]) == (0, 1, 0)
    code, checked = ingest_json(page, "--db", db_path, "--rehash")
    assert (checked["unchanged"], checked["stored"]) == (0, 1)


def test_a_file_modified_just_before_it_was_read_is_read_again(tmp_path, db_path):
    page = tmp_path / "a.txt"
    page.write_text("Headline\n\n" + ARTICLE_TEXT)  # modified now: within the racy window
    ingest_json(page, "--db", db_path)
    _swap_same_size(page, "forty", "fifty")
    code, again = ingest_json(page, "--db", db_path)
    assert (again["unchanged"], again["stored"]) == (0, 1)


def test_a_skipped_json_lines_file_counts_and_sees_every_record(tmp_path, db_path):
    lines = _old_feed(tmp_path, 3)
    code, first = ingest_json(lines, "--db", db_path)
    assert first["stored"] == 3
    db = Database(db_path)
    with db.conn:  # as if the first run had been a day ago
        db.execute("UPDATE sources SET last_seen = '2000-01-01T00:00:00+00:00'")
        db.execute("UPDATE ingest_runs SET started = '2000-01-01T00:00:00+00:00'")
    code, again = ingest_json(lines, "--db", db_path)
    assert (again["seen"], again["unchanged"]) == (3, 3)
    assert db.execute("SELECT count(*) FROM sources WHERE last_seen > '2000-01-01'").fetchone()[0] == 3
    runs = db.execute("SELECT unchanged FROM ingest_runs ORDER BY id").fetchall()
    assert runs[-1] == (3,)


def test_sources_deleted_by_hand_are_restored_by_reading_the_file_again(tmp_path, db_path):
    lines = _old_feed(tmp_path, 2)
    ingest_json(lines, "--db", db_path)
    db = Database(db_path)
    with db.conn:
        db.execute("DELETE FROM sources WHERE location LIKE '%#2'")
    code, again = ingest_json(lines, "--db", db_path)
    assert (again["unchanged"], again["duplicate"]) == (1, 1)  # the article itself was kept
    assert db.execute("SELECT count(*) FROM sources").fetchone()[0] == 2


def _kept(db_path) -> dict:
    """What the archive holds, ids aside: each article's title and byline, each source's file,
    status and article title."""
    with sqlite3.connect(db_path) as conn:
        return {
            "articles": sorted(conn.execute("SELECT title, authors FROM articles")),
            "bylines": conn.execute("SELECT count(*) FROM article_authors").fetchone()[0],
            "sources": sorted(conn.execute(
                "SELECT substr(location, length(location) - 9), status, title FROM sources")),
        }


@pytest.mark.parametrize("deleted, foreign_keys", [
    # fails before: the file's sources stayed, naming an article no longer there, so the file
    # was found unchanged and the story never came back (its copy still counted as a duplicate)
    ("First", False),
    # fails before: the newest deleted, its id was given to the next article stored, which met
    # the deleted one's byline rows (the run stopped: UNIQUE constraint failed)
    ("Second", False),
    # the same through a connection with foreign keys on (which refused the delete before)
    ("First", True),
])
def test_an_article_deleted_with_sql_is_stored_again_when_its_file_is(tmp_path, db_path, deleted, foreign_keys):
    from conftest import connect, run_cli

    folder = tmp_path / "clips"
    folder.mkdir()
    for name, title, writer in (("one.txt", "First", "Ann Lee"), ("two.txt", "Second", "Bo Chen")):
        (folder / name).write_text(f"{title} story of the flood\n\nBy {writer}\n\n{title}. {ARTICLE_TEXT}")
    (folder / "one-copy.txt").write_text((folder / "one.txt").read_text())  # one more place it ran
    for path in folder.iterdir():
        _age(path)
    assert ingest_json(folder, "--db", db_path)[1]["stored"] == 2
    before = _kept(db_path)
    conn = connect(db_path)
    conn.execute(f"PRAGMA foreign_keys = {'ON' if foreign_keys else 'OFF'}")
    with conn:
        conn.execute("DELETE FROM articles WHERE title LIKE ?", (deleted + " %",))
    assert conn.execute("SELECT count(*) FROM sources").fetchone()[0] == (1 if deleted == "First" else 2)
    conn.close()
    result = run_cli("ingest", folder, "--db", db_path)
    copies = 1 if deleted == "First" else 0
    assert (result.exit_code == 0 and f": 1 new (1 of them stored again, deleted from the archive since), "
            f"{copies} duplicate, {2 - copies} unchanged, 0 failed" in result.stdout), result.stdout
    assert _kept(db_path) == before  # every place and byline once, nothing else lost
    code, third = ingest_json(folder, "--db", db_path)
    assert (third["stored"], third["duplicate"], third["unchanged"], third["stored_again"]) == (0, 0, 3, 0)


def test_an_article_deleted_with_sql_is_counted_stored_again_under_rehash_too(tmp_path, db_path):
    # fails before: --rehash, which reads every file, never asked whether a file's sources were
    # lost, and said 0 stored again of the article its file stored again
    from conftest import connect

    page = tmp_path / "one.txt"
    page.write_text(f"First story of the flood\n\n{ARTICLE_TEXT}")
    _age(page)
    ingest_json(page, "--db", db_path)
    with connect(db_path) as conn:
        conn.execute("DELETE FROM articles")
    code, again = ingest_json(page, "--db", db_path, "--rehash")
    assert (again["stored"], again["stored_again"]) == (1, 1)


@pytest.mark.parametrize("replaced", [True, False])
def test_an_article_replaced_with_sql_gets_its_bylines_and_stored_source_back(tmp_path, db_path, replaced):
    # fails before: REPLACE deletes the row (the trigger of schema/0023 removing its sources and
    # byline rows) and inserts it again; its file, read again, was a duplicate of its own
    # article, and the byline rows never came back: `search --author` did not find it
    from conftest import connect, run_cli
    from ingest.cjk import add_index_function

    folder = tmp_path / "clips"
    folder.mkdir()
    own, elsewhere = folder / "z-own.md", folder / "a-copy.md"  # (the copy read first)
    for path, outlet in ((own, "Harbour Times"), (elsewhere, "Lakeside Post")):
        path.write_text(f"---\ntitle: Bridge shut\noutlet: {outlet}\nauthor: Ann Lee\n---\n\n{ARTICLE_TEXT}\n")
        _age(path)
    ingest_json(own, "--db", db_path)
    assert ingest_json(folder, "--db", db_path)[1]["duplicate"] == 1
    rows = "SELECT substr(location, -9), status FROM sources ORDER BY location"
    with connect(db_path) as conn:
        before = conn.execute(rows).fetchall()
    db = Database(db_path)  # (sqlite-utils turns recursive triggers on: REPLACE's delete fires the trigger)
    add_index_function(db.conn)
    with db.conn:
        if replaced:  # as `sqlite-utils insert --replace` writes a corrected row
            db.execute("REPLACE INTO articles (id, content_hash, title, authors, body, first_seen, outlet_id) "
                       "SELECT id, content_hash, 'Bridge shut again', authors, body, first_seen, outlet_id "
                       "FROM articles")
        else:  # near miss: an UPDATE leaves what names the article
            db.execute("UPDATE articles SET title = 'Bridge shut again'")
    assert db.execute("SELECT count(*) FROM article_authors").fetchone()[0] == (0 if replaced else 1)
    db.close()
    code, again = ingest_json(folder, "--db", db_path)
    assert (again["stored"], again["duplicate"], again["unchanged"]) == ((0, 2, 0) if replaced else (0, 0, 2))
    with connect(db_path) as conn:
        assert conn.execute(rows).fetchall() == before  # its own file stored it, the copy a duplicate
        assert conn.execute("SELECT title FROM articles").fetchall() == [("Bridge shut again",)]
    found = run_cli("search", "bridge", "--author", "Ann Lee", "--json", "--db", db_path)
    assert [hit["title"] for hit in json.loads(found.stdout)] == ["Bridge shut again"]
    code, third = ingest_json(folder, "--db", db_path)
    assert (third["stored"], third["duplicate"], third["unchanged"]) == (0, 0, 2)


def test_what_an_article_deleted_before_0023_left_is_removed_on_upgrade(tmp_path, db_path):
    """An archive whose article was deleted with SQL before the trigger (schema/0023): its file's
    sources and byline stayed, and the file was found unchanged; upgraded, the file stores it again."""
    from conftest import connect
    from ingest.store import open_database

    page = tmp_path / "one.txt"
    page.write_text(f"First story of the flood\n\nBy Ann Lee\n\n{ARTICLE_TEXT}")
    _age(page)
    ingest_json(page, "--db", db_path)
    with connect(db_path) as conn:  # as an older version left it, and the user's delete
        conn.execute("DROP TRIGGER articles_forget_deleted")
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0023_forget_deleted_articles'")
        conn.execute("DELETE FROM articles")
        assert conn.execute("SELECT (SELECT count(*) FROM sources), (SELECT count(*) FROM article_authors)"
                            ).fetchone() == (1, 1)
    open_database(db_path).close()
    with connect(db_path) as conn:
        assert conn.execute("SELECT (SELECT count(*) FROM sources), (SELECT count(*) FROM article_authors)"
                            ).fetchone() == (0, 0)
    code, again = ingest_json(page, "--db", db_path)
    assert (again["stored"], again["stored_again"], again["unchanged"]) == (1, 1, 0)


def test_a_deleted_articles_revision_copies_are_found_by_an_index(db_path):
    """The trigger's delete of the revisions its copies gave, found by their source: with no index
    on it each deleted article read the whole table (200 deletes with 300,000 rows: 4.76 s)."""
    import re

    from ingest.store import open_database

    db = open_database(db_path)
    trigger = db.execute("SELECT sql FROM sqlite_master WHERE name = 'articles_forget_deleted'").fetchone()[0]
    statement = re.search(r"DELETE FROM article_revision_copies[^;]*", trigger).group(0)
    plan = [row[3] for row in db.execute("EXPLAIN QUERY PLAN " + statement.replace("old.id", "1"))]
    db.close()
    assert not [step for step in plan if step.startswith("SCAN")], plan


def test_the_sources_an_article_deleted_before_0023_left_on_an_id_given_again_are_removed_on_upgrade(
        tmp_path, db_path):
    """Before the trigger (schema/0023), the newest article deleted with SQL, the next article
    stored took its id, and the deleted one's sources with it: its file was found unchanged and
    never stored again, and its copy counted as the new article's."""
    # fails before: the cleanup looked only for ids no article has
    from conftest import connect
    from ingest.store import open_database

    old, new = tmp_path / "old", tmp_path / "new"
    old.mkdir(), new.mkdir()
    for name, outlet in (("a.jsonl", "Ledger"), ("b.jsonl", "Gazette")):
        (old / name).write_text(json.dumps({"title": "Spam story", "body": "Spam. " + ARTICLE_TEXT,
                                            "outlet": outlet}) + "\n")
        _age(old / name)
    (new / "flood.jsonl").write_text(json.dumps({"title": "Flood closes bridge", "body": ARTICLE_TEXT}) + "\n")
    _age(new / "flood.jsonl")
    ingest_json(old, "--db", db_path)
    forget = "DELETE FROM _sqlite_migrations WHERE name = '0023_forget_deleted_articles'"
    with connect(db_path) as conn:  # as an older version left it (a day ago), and the user's delete
        conn.execute("DROP TRIGGER articles_forget_deleted")
        conn.execute("UPDATE sources SET seen_at = '2026-01-01T00:00:00+00:00', last_seen = '2026-01-01T00:00:00+00:00'")
        conn.execute("UPDATE articles SET first_seen = '2026-01-01T00:00:00+00:00'")
        conn.execute("DELETE FROM articles")
    ingest_json(new, "--db", db_path)  # (0023 still recorded: stored as the older version would)
    with connect(db_path) as conn:
        assert conn.execute("SELECT article_id, count(*) FROM sources GROUP BY article_id").fetchall() == [(1, 3)]
        conn.execute(forget)
    open_database(db_path).close()
    with connect(db_path) as conn:
        assert conn.execute("SELECT substr(location, -13), status FROM sources").fetchall() == [
            ("flood.jsonl#1", "stored")]  # (near miss: the new article's own source stays)
    code, again = ingest_json(tmp_path, "--db", db_path)
    assert (again["stored"], again["duplicate"], again["unchanged"]) == (1, 1, 1)


def test_a_copy_last_seen_just_before_its_article_was_first_seen_stays_on_upgrade(tmp_path, db_path):
    """A run that waited for the write lock took its clock before the wait, so its copy of a
    story another run stored meanwhile can be last seen seconds before that story's first seen:
    0023's cleanup of sources left on reused ids must not take it (review35e)."""
    from conftest import connect
    from ingest.store import open_database

    for name, outlet in (("a.jsonl", "Ledger"), ("b.jsonl", "Gazette")):
        (tmp_path / name).write_text(json.dumps({"title": "Ferry story", "body": ARTICLE_TEXT,
                                                 "outlet": outlet}) + "\n")
        _age(tmp_path / name)
    ingest_json(tmp_path, "--db", db_path)
    with connect(db_path) as conn:
        conn.execute("UPDATE articles SET first_seen = '2026-01-01T00:01:00+00:00'")
        conn.execute("UPDATE sources SET last_seen = '2026-01-01T00:00:20+00:00' WHERE status = 'duplicate'")
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0023_forget_deleted_articles'")
    open_database(db_path).close()
    with connect(db_path) as conn:
        assert conn.execute("SELECT status FROM sources ORDER BY id").fetchall() == [("stored",), ("duplicate",)]


@pytest.mark.parametrize("foreign_keys", [False, True])
def test_an_edit_of_a_version_deleted_with_sql_names_the_text_before_it(tmp_path, db_path, foreign_keys):
    """Three texts of one story from one file, the middle one deleted: the last is linked to
    the first, so a search still shows the story once (with foreign keys on, the column's
    ON DELETE SET NULL cut the link, and the first text was a story of its own)."""
    from conftest import connect
    from ingest.search import search
    from ingest.store import open_database

    page = tmp_path / "flood.txt"
    for version in ("forty", "fifty", "sixty"):
        page.write_text("Flood closes bridge\n\n" + ARTICLE_TEXT.replace("forty", version))
        _age(page, 7200 if version == "forty" else 3600 if version == "fifty" else 1800)
        ingest_json(page, "--db", db_path)
    conn = connect(db_path)
    conn.execute(f"PRAGMA foreign_keys = {'ON' if foreign_keys else 'OFF'}")
    assert conn.execute("SELECT id, previous_version FROM articles ORDER BY id").fetchall() == [
        (1, None), (2, 1), (3, 2)]
    with conn:
        conn.execute("DELETE FROM articles WHERE id = 2")
    assert conn.execute("SELECT id, previous_version FROM articles ORDER BY id").fetchall() == [(1, None), (3, 1)]
    conn.close()
    db = open_database(db_path)
    assert [hit["id"] for hit in search(db, "bridge")] == [3]
    db.close()


def test_a_file_that_gave_a_reading_error_is_read_again_next_time(tmp_path, db_path):
    lines = tmp_path / "feed.jsonl"
    lines.write_text(json.dumps({"title": "A", "body": ARTICLE_TEXT}) + "\nnot json\n")
    _age(lines)
    code, first = ingest_json(lines, "--db", db_path)
    assert (code, first["stored"], first["failed"]) == (1, 1, 1)
    # Not skipped whole: the changed record is found (the bad line, judged by the same code,
    # is unchanged as any failure is).
    _swap_same_size(lines, "forty", "fifty")
    code, again = ingest_json(lines, "--db", db_path)
    assert (code, again["stored"], again["unchanged"], again["failed"]) == (0, 1, 1, 0)


def test_a_file_whose_article_failed_is_skipped_whole_but_one_with_a_bad_line_is_not(tmp_path, db_path):
    # A page without text fails the same way while its bytes and our code are the same, so its
    # file is skipped like any other; a line that is not JSON is an error in reading the input.
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "good.txt").write_text("Bridge reopens\n\n" + ARTICLE_TEXT)
    (folder / "stub.txt").write_text("Too short to be an article.")
    (folder / "feed.jsonl").write_text(json.dumps({"title": "A", "body": ARTICLE_TEXT + " More."}) + "\n[1, 2]\n")
    for path in folder.iterdir():
        _age(path)
    code, first = ingest_json(folder, "--db", db_path)
    assert (first["stored"], first["failed"]) == (2, 2)
    remembered = sorted(row[0] for row in Database(db_path).execute("SELECT path FROM input_files"))
    assert remembered == [str(folder / "good.txt"), str(folder / "stub.txt")]
    # The second run skips good.txt and stub.txt whole and the feed line by line; the stub and
    # the bad line failed before, and the summary says so.
    code, again = ingest_json(folder, "--db", db_path)
    assert (code, again["unchanged"], again["unchanged_failed"], again["failed"]) == (0, 4, 2, 0)


def test_the_summary_line_says_how_many_unchanged_inputs_failed_before(tmp_path, db_path):
    from click.testing import CliRunner

    from ingest.cli import cli

    (tmp_path / "good.txt").write_text("Bridge reopens\n\n" + ARTICLE_TEXT)
    (tmp_path / "stub.txt").write_text("Too short to be an article.")
    runner = CliRunner()
    runner.invoke(cli, ["ingest", str(tmp_path), "--db", str(db_path)])
    result = runner.invoke(cli, ["ingest", str(tmp_path), "--db", str(db_path)])
    assert result.exit_code == 0
    assert "2 unchanged (1 of them failed before, not tried again), 0 failed" in result.output


def test_a_new_extractor_reads_skipped_files_again(tmp_path, db_path, monkeypatch):
    from ingest import store
    from ingest.pipeline import run_ingest

    page = tmp_path / "a.txt"
    page.write_text("Headline\n\n" + ARTICLE_TEXT)
    _age(page)
    assert run_ingest([str(page)], str(db_path), workers=1).stored == 1
    _swap_same_size(page, "forty", "fifty")
    assert run_ingest([str(page)], str(db_path), workers=1).unchanged == 1
    monkeypatch.setattr(store, "extractor", lambda: "news-archive next; trafilatura next")
    assert run_ingest([str(page)], str(db_path), workers=1).stored == 1


def test_the_lines_of_a_new_json_lines_file_are_hashed_by_whoever_extracts_them(tmp_path):
    """For a file the archive has nothing from, reading leaves the hashing to the workers:
    `known` is not asked and the hash is empty until hash_source fills it in."""
    from ingest.read import InputFile, hash_source, read_sources, sha256

    lines = tmp_path / "wire.jsonl"
    lines.write_bytes(b'{"title": "One", "body": "x"}\n  {"title": "Two", "body": "y"}  \n')
    asked = []
    sources = list(read_sources(InputFile(lines, lines.stat().st_size),
                                known=lambda *args: asked.append(args), defer_record_hashes=True))
    assert asked == []
    assert [source.raw_sha256 for source in sources] == ["", ""]
    assert [hash_source(source).raw_sha256 for source in sources] == [
        sha256(b'{"title": "One", "body": "x"}'), sha256(b'{"title": "Two", "body": "y"}')]
    hashed = next(read_sources(InputFile(lines, lines.stat().st_size)))
    assert hashed.raw_sha256 == sources[0].raw_sha256  # the same hash as when read hashed


def test_records_of_a_new_file_get_their_line_hashes_and_copies_are_duplicates(tmp_path, db_path):
    """The hashes the workers give are the ones a re-run compares (so an unchanged file is
    known), and the same lines under another file's name are duplicates of the same articles."""
    import hashlib
    import os

    first = tmp_path / "wire.jsonl"
    records = [json.dumps({"title": f"Ferry timetable {n}", "body": f"Story {n}: {ARTICLE_TEXT}"}) for n in range(3)]
    first.write_text("\n".join(records) + "\n")
    code, summary = ingest_json(first, "--db", db_path, "--workers", "2")
    assert summary["stored"] == 3
    db = Database(db_path)
    assert [row[0] for row in db.execute("SELECT raw_sha256 FROM sources ORDER BY id")] == [
        hashlib.sha256(line.encode()).hexdigest() for line in records]
    os.utime(first, ns=(1, 1))  # another modification time: the file is read again, line by line
    code, again = ingest_json(first, "--db", db_path)
    assert (again["unchanged"], again["stored"]) == (3, 0)
    second = tmp_path / "wire-copy.jsonl"
    second.write_text("\n".join(records) + "\n")
    code, copies = ingest_json(second, "--db", db_path)
    assert (copies["duplicate"], copies["stored"]) == (3, 0)
    assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == 3
    assert db.execute("SELECT count(DISTINCT article_id) FROM sources").fetchone()[0] == 3


def _clippings(tmp_path):
    folder = tmp_path / "clippings"
    folder.mkdir()
    (folder / "ferry.txt").write_text("Ferry fares rise at Port Vale\n\n" + ARTICLE_TEXT)
    (folder / "wire.jsonl").write_text(json.dumps({"title": "Harbor wall repaired", "body": "A second story. " + ARTICLE_TEXT}) + "\n")
    return folder


def test_the_same_folder_named_another_way_is_the_same_files(tmp_path, db_path, monkeypatch):
    # By hand from one folder, from cron with an absolute path, from inside the folder: the
    # same files. Each spelling used to add a "duplicate" sighting of every article, so each
    # story looked syndicated and a re-run was not idempotent.
    folder = _clippings(tmp_path)
    monkeypatch.chdir(tmp_path)
    code, first = ingest_json("clippings", "--db", db_path)
    assert (code, first["stored"]) == (0, 2)
    for spelling, cwd in (("./clippings/", tmp_path), (folder, tmp_path), (".", folder), ("../clippings", folder)):
        monkeypatch.chdir(cwd)
        code, again = ingest_json(spelling, "--db", db_path)
        assert (code, again["stored"], again["duplicate"], again["unchanged"]) == (0, 0, 0, 2), spelling
    conn = sqlite3.connect(db_path)
    assert sorted(row[0] for row in conn.execute("SELECT location FROM sources")) == [
        str(folder / "ferry.txt"), str(folder / "wire.jsonl") + "#1"]
    conn.close()


def test_an_archive_that_kept_paths_as_typed_takes_them_back_from_the_same_folder(tmp_path, db_path, monkeypatch):
    # Archives made before kept each location as it was typed ("clippings/ferry.txt"): a run
    # from the folder they were typed in finds them, and nothing is recorded twice.
    folder = _clippings(tmp_path)
    monkeypatch.chdir(tmp_path)
    ingest_json("clippings", "--db", db_path)
    conn = sqlite3.connect(db_path)
    with conn:  # as such an archive holds them
        for table, column in (("sources", "location"), ("input_files", "path")):
            conn.execute(f"UPDATE {table} SET {column} = substr({column}, ?) WHERE {column} LIKE ?",
                         (len(str(tmp_path)) + 2, f"{tmp_path}/%"))
    assert conn.execute("SELECT min(location) FROM sources").fetchone()[0] == "clippings/ferry.txt"
    code, again = ingest_json("clippings", "--db", db_path)
    assert (code, again["stored"], again["duplicate"], again["unchanged"]) == (0, 0, 0, 2)
    assert sorted(row[0] for row in conn.execute("SELECT location FROM sources")) == [
        str(folder / "ferry.txt"), str(folder / "wire.jsonl") + "#1"]
    code, third = ingest_json(folder, "--db", db_path)  # and now under any spelling
    assert (third["duplicate"], third["unchanged"]) == (0, 2)
    conn.close()


def test_a_copy_under_another_name_is_still_a_duplicate(tmp_path, db_path, monkeypatch):
    folder = _clippings(tmp_path)
    monkeypatch.chdir(folder)
    ingest_json("ferry.txt", "--db", db_path)
    (folder / "ferry-copy.txt").write_bytes((folder / "ferry.txt").read_bytes())
    code, summary = ingest_json("ferry-copy.txt", "--db", db_path)
    assert (summary["stored"], summary["duplicate"]) == (0, 1)


def _story(n: int) -> dict:
    return {"title": f"Harbor story {n}", "body": f"Story number {n} of the harbour desk. " + ARTICLE_TEXT}


def _counts(db_path) -> dict:
    conn = sqlite3.connect(db_path)
    try:
        return dict(conn.execute("SELECT status, count(*) FROM sources GROUP BY status").fetchall())
    finally:
        conn.close()


def test_an_export_written_again_newest_first_adds_only_its_new_record(tmp_path, db_path):
    # An export regenerated each day, newest first (or a feed fetched again): every old record
    # moved down a line. Each was recorded as a copy of itself at its new line number, and every
    # story then looked syndicated.
    export = tmp_path / "export.jsonl"
    export.write_text("".join(json.dumps(_story(n)) + "\n" for n in range(1, 6)))
    ingest_json(export, "--db", db_path)
    export.write_text("".join(json.dumps(_story(n)) + "\n" for n in range(0, 6)))
    code, again = ingest_json(export, "--db", db_path)
    assert (code, again["stored"], again["unchanged"], again["duplicate"]) == (0, 1, 5, 0)
    assert _counts(db_path) == {"stored": 6}
    code, third = ingest_json(export, "--db", db_path, "--rehash")  # and it stays so
    assert (third["stored"], third["unchanged"], third["duplicate"]) == (0, 6, 0)


def test_a_record_moved_into_another_file_is_still_a_copy(tmp_path, db_path):
    # near miss: the same record in a second export is a second sighting, as before
    first, second = tmp_path / "monday.jsonl", tmp_path / "tuesday.jsonl"
    first.write_text(json.dumps(_story(1)) + "\n")
    second.write_text(json.dumps(_story(2)) + "\n")
    ingest_json(tmp_path, "--db", db_path)
    second.write_text(json.dumps(_story(1)) + "\n" + json.dumps(_story(2)) + "\n")
    code, again = ingest_json(second, "--db", db_path)
    assert (again["stored"], again["duplicate"], again["unchanged"]) == (0, 1, 1)


@pytest.mark.parametrize("name, make, second_name, expected", [
    # fail before: the run that looked before the other wrote recorded the stored inputs as
    # duplicates of themselves, over the rows that stored them
    ("wire.jsonl", lambda: "\n".join(json.dumps({"title": f"Ferry {n}", "body": ARTICLE_TEXT + f" Pier {n}."})
                                     for n in range(3)), None, {"unchanged": 3, "duplicate": 0}),
    ("story.txt", lambda: "Ferry fares rise\n\n" + ARTICLE_TEXT, None, {"unchanged": 1, "duplicate": 0}),
    # near miss: the same text at another place is a duplicate still, a sighting of its own
    ("story.txt", lambda: "Ferry fares rise\n\n" + ARTICLE_TEXT, "copy.txt", {"unchanged": 0, "duplicate": 1}),
])
def test_an_input_another_run_stored_meanwhile_stays_stored(tmp_path, db_path, monkeypatch, name, make,
                                                            second_name, expected):
    # Two ingests of one folder at once: the second looks for each input before the first has
    # written it, finds nothing, extracts it, and writes after the first. Looking is made to
    # find nothing here, which is what that second run saw.
    from ingest.store import Archive

    (tmp_path / name).write_text(make())
    assert ingest_json(tmp_path / name, "--db", db_path)[0] == 0
    before = sqlite3.connect(db_path).execute("SELECT location, status, article_id FROM sources").fetchall()
    monkeypatch.setattr(Archive, "unchanged_file", lambda self, input_file: None)
    monkeypatch.setattr(Archive, "seen_before", lambda self, location: False)
    monkeypatch.setattr(Archive, "previous_sighting", lambda self, *args: None)
    if second_name:
        (tmp_path / second_name).write_text(make())
    code, again = ingest_json(tmp_path / (second_name or name), "--db", db_path)
    assert code == 0 and {k: again[k] for k in expected} == expected, again
    after = sqlite3.connect(db_path).execute("SELECT location, status, article_id FROM sources").fetchall()
    assert after[:len(before)] == before  # the rows that stored the articles are as they were


def _summary_only_feed(folder):
    (folder / "wire.rss").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Harbor Wire</title>'
        "<link>https://harborwire.example/</link>"
        f"<item><title>Full story</title><link>/a</link><description>{ARTICLE_TEXT * 6}</description></item>"
        "<item><title>Teaser</title><link>/b</link><description>Only a teaser.</description></item>"
        "</channel></rss>")


def _too_large_file(folder):
    (folder / "dump.txt").write_text("A headline\n\n" + ARTICLE_TEXT * 20)


def _too_long_line(folder):
    (folder / "export.jsonl").write_text(
        json.dumps({"title": "Fits", "body": ARTICLE_TEXT}) + "\n"
        + json.dumps({"title": "Runaway", "body": ARTICLE_TEXT * 15}) + "\n")


def _unreadable_file(folder):
    (folder / "gone.html").symlink_to(folder / "nowhere.html")  # may come back: tried again


@pytest.mark.parametrize("make, failing_again", [
    (_summary_only_feed, 0),  # the item's bytes are known: it fails the same way
    (_too_large_file, 0),
    (_too_long_line, 0),
    (_unreadable_file, 1),  # near-miss: nothing was read, so nothing is known to be the same
])
def test_an_input_that_failed_while_being_read_is_unchanged_next_time(tmp_path, db_path, monkeypatch,
                                                                      make, failing_again):
    # A feed's summary-only item, or a file too large, failed again on every run: a re-run of
    # an unchanged folder (from cron, say) exited 1 for ever, against "a known bad file counted
    # as unchanged does not count", while a page without text, failing later, was unchanged.
    from ingest import read

    monkeypatch.setattr(read, "MAX_INPUT_BYTES", 4000)
    folder = tmp_path / "in"
    folder.mkdir()
    make(folder)
    for path in folder.iterdir():
        if path.exists():
            _age(path)
    code, first = ingest_json(folder, "--db", db_path)
    assert (code, first["failed"]) == (1, 1)
    for _ in range(2):  # the second time read again (or skipped whole), the third from memory
        code, again = ingest_json(folder, "--db", db_path)
        assert (code == 1, again["failed"], again["unchanged_failed"]) == (
            bool(failing_again), failing_again, 1 - failing_again)
        assert again["failures"] == first["failures"][:failing_again]


# --- the look-ups of an unchanged folder, many files a query ---------------------------------

def _old_stories(folder, count):
    folder.mkdir()
    for n in range(count):
        (folder / f"story-{n}.txt").write_text(f"Story {n} of the Harbor Ledger\n\nNumber {n}. " + ARTICLE_TEXT)
        _age(folder / f"story-{n}.txt")
    return folder


def _statements_of(monkeypatch):
    """The SQL run by every archive connection ingest opens from now on."""
    import ingest.store

    statements, connect = [], ingest.store._connect

    def traced(path):
        conn = connect(path)
        conn.set_trace_callback(statements.append)
        return conn

    monkeypatch.setattr(ingest.store, "_connect", traced)
    return statements


def test_an_unchanged_folder_is_looked_up_in_one_query_not_two_a_file(tmp_path, db_path, monkeypatch):
    folder = _old_stories(tmp_path / "stories", 40)
    assert ingest_json(folder, "--db", db_path)[1]["stored"] == 40
    statements = _statements_of(monkeypatch)
    code, again = ingest_json(folder, "--db", db_path)
    assert (code, again["unchanged"]) == (0, 40)
    looked_up = [sql for sql in statements if sql.lstrip().upper().startswith("SELECT")
                 and "input_files" in sql]
    assert len(looked_up) == 1  # was 40 of input_files, and 40 more of sources
    # Two transactions: the run's start, then its one batch with the run marked finished (was
    # three: each waits for the disk as it commits).
    assert [sql for sql in statements if sql.startswith("BEGIN")] == ["BEGIN IMMEDIATE"] * 2
    # --rehash reads every file, and looks them up too (whether one lost sources: stored_again),
    # as many files a query.
    statements.clear()
    code, checked = ingest_json(folder, "--db", db_path, "--rehash")
    assert (code, checked["unchanged"]) == (0, 40)
    assert len([sql for sql in statements if sql.lstrip().upper().startswith("SELECT") and "input_files" in sql
                and "read_at_ns" in sql and "count(" in sql]) == 1


@pytest.mark.parametrize("written_between, expected", [
    # A write between two look-ups (here: the second file's sources deleted) is seen by the
    # second, though its record was read with the first's.
    ("DELETE FROM sources WHERE location = ?", None),
    # near miss: a write that changes nothing of the second file leaves it unchanged
    ("DELETE FROM sources WHERE location = ? AND 0", {"sources": 1, "failed": 0}),
])
def test_records_read_ahead_are_read_again_after_a_write(tmp_path, db_path, written_between, expected):
    from ingest.read import expand_paths
    from ingest.store import Archive, open_connection

    folder = _old_stories(tmp_path / "stories", 2)
    ingest_json(folder, "--db", db_path)
    first, second = files = list(expand_paths([str(folder)]))
    archive = Archive(open_connection(db_path))
    archive.expect_files(files)
    assert archive.unchanged_file(first)["sources"] == 1
    with archive._writing():
        archive.conn.execute(written_between, (second.location,))
    found = archive.unchanged_file(second)
    assert (found if found is None else {k: found[k] for k in ("sources", "failed")}) == expected
    # A file not expected is looked up alone, and a file asked about twice is read again.
    archive.expect_files([])
    assert archive.unchanged_file(first) is not None
    assert archive.unchanged_file(first) is not None


@pytest.mark.parametrize("stopped, failure_lines", [
    # fails before: a stop before the last transaction's commit (which also marks the run
    # finished) kept nothing of the last batch, but its failures had been printed already,
    # beside "Every batch already written is kept"
    (True, 0),
    # near miss: a run that finishes reports its failures as before
    (False, 1),
])
def test_the_last_batchs_failures_are_reported_only_once_kept(tmp_path, db_path, monkeypatch, stopped,
                                                              failure_lines):
    from conftest import run_cli
    from ingest import store

    folder = tmp_path / "clippings"
    folder.mkdir()
    (folder / "empty.txt").write_text("")
    (folder / "ferry.txt").write_text("Ferry fares rise\n\n" + ARTICLE_TEXT)
    finish_run = store.Archive.finish_run

    def stopped_before_the_commit(self, run_id):
        finish_run(self, run_id)
        if stopped:
            raise KeyboardInterrupt

    monkeypatch.setattr(store.Archive, "finish_run", stopped_before_the_commit)
    result = run_cli("ingest", str(folder), "--db", str(db_path))
    assert result.exit_code == (130 if stopped else 1), result.output
    with sqlite3.connect(db_path) as conn:
        kept = conn.execute("SELECT count(*) FROM sources WHERE status = 'failed'").fetchone()[0]
    assert kept == failure_lines
    assert result.output.count("failed: ") == failure_lines


@pytest.mark.parametrize("name, data", [
    ("empty.jsonl", b""),  # a JSON Lines export with no record
    ("nothing.warc", b""),  # a web archive with no page
    ("cut.warc", b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 900\r\n\r\ncut short"),
    ("empty.enex", b""),  # an Evernote export, empty
    ("cut.enex", b'<?xml version="1.0"?><en-export><note><title>Cut'),
    ("nothing.enex", b'<?xml version="1.0"?><en-export></en-export>'),
    ("empty.mbox", b""),
])
def test_a_streamed_file_that_failed_whole_is_not_failed_again_while_unchanged(tmp_path, db_path, name, data):
    # JSON Lines, web archives, Evernote exports and mailboxes are read as they stream, their
    # failure of the whole file given no hash: each was failed again on every run (exit 1 from
    # cron for good), where any other file that failed counts as unchanged, "failed before".
    (tmp_path / name).write_bytes(data)
    code, first = ingest_json(tmp_path / name, "--db", db_path)
    assert (code, first["failed"]) == (1, 1)
    code, again = ingest_json(tmp_path / name, "--db", db_path)
    assert (code, again["failed"], again["unchanged"], again["unchanged_failed"]) == (0, 0, 1, 1), again
    (tmp_path / name).write_bytes(data + b"\n\n")  # other bytes: tried again
    code, changed = ingest_json(tmp_path / name, "--db", db_path)
    assert changed["unchanged"] == 0
