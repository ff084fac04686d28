"""`news-archive reparse`: stored articles read again with the current rules, on real archives
under tmp_path. "An older version" is made by marking the sources as read by another extractor
and giving the articles the values a worse reader might have stored."""

import json
import os
import sqlite3
import time

import pytest

from ingest.pipeline import run_ingest
from ingest.reparse import run_reparse
from ingest.store import extractor

from conftest import ARTICLE_TEXT, connect, ingest_json, run_cli

OLD_VERSION = "news-archive 0.0.1; trafilatura 1.0"

PAGE = """<html><head><title>Millbrook bridge closes as river rises | The Harbor Ledger</title>
<script type="application/ld+json">{{"@type": "NewsArticle", "headline": "Millbrook bridge closes as river rises",
"author": [{{"@type": "Person", "name": "Ann Lee"}}, {{"@type": "Person", "name": "Tom Park"}}],
"datePublished": "2024-03-05T09:30:00Z", "publisher": {{"@type": "Organization", "name": "The Harbor Ledger"}}}}</script>
</head><body><article><h1>Millbrook bridge closes as river rises</h1><p>{body}</p></article></body></html>"""

TEXT = """Sandbag volunteers work through the night

By Ruth Okafor

March 6, 2024

{body}
"""


def body(word: str) -> str:
    return f"{ARTICLE_TEXT} The {word} committee met again."


@pytest.fixture
def archive(tmp_path, db_path):
    """An archive of an HTML page, a text file and two JSON Lines records, as an older version
    stored them: every source read by OLD_VERSION, each article's title, byline and date worse."""
    folder = tmp_path / "clippings"
    folder.mkdir()
    (folder / "bridge.html").write_text(PAGE.format(body=body("harbour")), encoding="utf-8")
    (folder / "sandbags.txt").write_text(TEXT.format(body=body("library")), encoding="utf-8")
    records = [{"title": f"Ferry timetable {n} changes", "body": body(f"ferry{n}"),
                "authors": "Ben Ortiz and Ann Lee", "published": f"2024-04-0{n}", "outlet": "Bay Courier"}
               for n in (1, 2)]
    (folder / "export.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    code, summary = ingest_json(folder, "--db", db_path)
    assert code == 0 and summary["stored"] == 4
    with connect(db_path) as conn:
        conn.execute("UPDATE sources SET extractor = ?", (OLD_VERSION,))
        conn.execute("UPDATE articles SET title = title || ' | Site', authors = '[\"Staff\"]', "
                     "published = NULL, title_source = 'trafilatura'")
        staff = conn.execute("INSERT INTO authors (name, key) VALUES ('Staff', 'staff')").lastrowid
        conn.execute("DELETE FROM article_authors")
        conn.execute("INSERT INTO article_authors SELECT id, ?, 1 FROM articles", (staff,))
    return folder


def articles(db_path) -> dict[str, tuple]:
    with connect(db_path) as conn:
        return {location.rsplit("/", 1)[-1]: tuple(row[1:]) for location, *row in conn.execute(
            "SELECT sources.location, articles.id, articles.title, articles.authors, articles.published "
            "FROM articles JOIN sources ON sources.article_id = articles.id AND sources.status = 'stored'")}


def test_stale_fields_are_read_again_and_old_values_kept(archive, db_path):
    summary = run_reparse(str(db_path))
    assert (summary.candidates, summary.reread, summary.revised, summary.failed) == (4, 4, 4, 0)
    assert summary.fields == {"title": 4, "authors": 4, "published": 4}
    assert summary.body_differs == 0
    now = articles(db_path)
    assert now["bridge.html"] == ("Millbrook bridge closes as river rises", '["Ann Lee", "Tom Park"]',
                                  "2024-03-05T09:30:00+00:00")
    assert now["sandbags.txt"][:2] == ("Sandbag volunteers work through the night", '["Ruth Okafor"]')
    assert now["export.jsonl#2"] == ("Ferry timetable 2 changes", '["Ben Ortiz", "Ann Lee"]', "2024-04-02")
    with connect(db_path) as conn:
        revisions = conn.execute(
            "SELECT field, old_value, old_source, new_value, old_extractor, new_extractor "
            "FROM article_revisions JOIN sources ON sources.article_id = article_revisions.article_id "
            "WHERE sources.location LIKE '%bridge.html' ORDER BY field").fetchall()
        assert revisions == [
            ("authors", '["Staff"]', "json-ld", '["Ann Lee", "Tom Park"]', OLD_VERSION, extractor()),
            ("published", None, "json-ld", "2024-03-05T09:30:00+00:00", OLD_VERSION, extractor()),
            ("title", "Millbrook bridge closes as river rises | Site", "trafilatura",
             "Millbrook bridge closes as river rises", OLD_VERSION, extractor())]
        # The byline table, the search index and the faceted copy follow the article.
        names = conn.execute("SELECT authors.name FROM article_authors JOIN authors ON authors.id = author_id "
                             "JOIN sources ON sources.article_id = article_authors.article_id "
                             "WHERE sources.location LIKE '%bridge.html' ORDER BY position").fetchall()
        assert names == [("Ann Lee",), ("Tom Park",)]
        assert conn.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'site'").fetchone() == (0,)
        assert conn.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'okafor'").fetchone() == (1,)
        assert conn.execute("SELECT count(*) FROM article_facets WHERE authors LIKE '%Staff%'").fetchone() == (0,)
        assert conn.execute("SELECT count(*) FROM sources WHERE extractor = ?", (OLD_VERSION,)).fetchone() == (0,)


def test_a_second_run_has_nothing_to_do_and_all_changes_nothing(archive, db_path):
    run_reparse(str(db_path))
    again = run_reparse(str(db_path))
    assert (again.candidates, again.revised) == (0, 0)
    every = run_reparse(str(db_path), every=True)
    assert (every.candidates, every.reread, every.revised, every.unchanged) == (4, 4, 0, 4)
    with connect(db_path) as conn:
        assert conn.execute("SELECT count(*) FROM article_revisions").fetchone() == (12,)


def test_dry_run_counts_and_writes_nothing(archive, db_path):
    before = articles(db_path)
    summary = run_reparse(str(db_path), dry_run=True)
    assert (summary.revised, summary.fields["authors"]) == (4, 4)
    assert articles(db_path) == before
    with connect(db_path) as conn:
        assert conn.execute("SELECT count(*) FROM article_revisions").fetchone() == (0,)
        assert conn.execute("SELECT count(*) FROM sources WHERE extractor = ?", (OLD_VERSION,)).fetchone() == (4,)


def test_gone_and_changed_files_are_counted_and_left_as_stored(archive, db_path):
    (archive / "bridge.html").unlink()
    (archive / "sandbags.txt").write_text(TEXT.format(body=body("rewritten")), encoding="utf-8")
    before = articles(db_path)
    summary = run_reparse(str(db_path))
    assert (summary.file_missing, summary.file_changed, summary.revised) == (1, 1, 2)
    after = articles(db_path)
    assert after["bridge.html"] == before["bridge.html"]
    assert after["sandbags.txt"] == before["sandbags.txt"]
    assert after["export.jsonl#1"] != before["export.jsonl#1"]


def test_a_value_the_user_gave_is_kept(tmp_path, db_path):
    page = tmp_path / "bridge.html"
    page.write_text(PAGE.format(body=body("harbour")), encoding="utf-8")
    code, _ = ingest_json(page, "--db", db_path, "--outlet", "Millbrook Weekly")
    assert code == 0
    with connect(db_path) as conn:
        conn.execute("UPDATE sources SET extractor = ?", (OLD_VERSION,))
        conn.execute("UPDATE articles SET title = 'Old title'")
    summary = run_reparse(str(db_path))
    assert summary.fields == {"title": 1}  # the outlet read from the page is not put back
    with connect(db_path) as conn:
        assert conn.execute("SELECT outlets.name, outlet_source FROM articles JOIN outlets "
                            "ON outlets.id = outlet_id").fetchone() == ("Millbrook Weekly", "override")


def test_a_changed_text_is_counted_not_rewritten(archive, db_path):
    with connect(db_path) as conn:
        # An older reader kept a line more, so its text had another hash.
        conn.execute("UPDATE articles SET body = body || ' Extra words an older reader kept.', "
                     "content_hash = 'the older text''s hash' WHERE title LIKE 'Sandbag%'")
    summary = run_reparse(str(db_path))
    assert summary.body_differs == 1
    with connect(db_path) as conn:
        assert conn.execute("SELECT count(*) FROM articles WHERE body LIKE '%older reader kept.'").fetchone() == (1,)


def test_cli_summary_json_and_errors(archive, db_path, tmp_path):
    result = run_cli("reparse", "--db", db_path, "--dry-run")
    assert result.exit_code == 0
    assert "4 stored article(s) to read again, 4 read" in result.stdout
    assert "4 would be revised (title 4, authors 4, published 4)" in result.stdout
    result = run_cli("reparse", "--db", db_path, "--json")
    summary = json.loads(result.stdout)
    assert (summary["revised"], summary["fields"], summary["dry_run"]) == (
        4, {"title": 4, "authors": 4, "published": 4}, False)
    assert summary["examples"][0]["changes"]["authors"]["old"] == '["Staff"]'
    missing = run_cli("reparse", "--db", tmp_path / "none.db")
    assert missing.exit_code == 1 and "no archive at" in missing.output


def test_revisions_are_served_with_a_field_facet(archive, db_path):
    import asyncio

    from ingest.serve import build_datasette

    run_reparse(str(db_path))
    datasette = build_datasette(db_path)
    loop = asyncio.new_event_loop()
    try:
        response = loop.run_until_complete(datasette.client.get(
            "/archive/article_revisions.json?field=authors&_shape=objects"))
    finally:
        loop.close()
    assert response.status_code == 200, response.text
    page = response.json()
    assert {row["new_value"] for row in page["rows"]} >= {'["Ann Lee", "Tom Park"]', '["Ruth Okafor"]'}
    assert {facet["value"]: facet["count"] for facet in page["facet_results"]["field"]["results"]} == {"authors": 4}


def test_one_outlet_held_as_two_rows_of_one_name_is_not_a_change(tmp_path, db_path):
    """Archives made before ingest kept a renamed outlet's key may hold one outlet twice under
    one name; an article is not moved between them (nothing a user sees would change)."""
    path = tmp_path / "ferry.jsonl"
    path.write_text(json.dumps({"title": "Ferry", "body": ARTICLE_TEXT, "outlet": "Bay Courier"}) + "\n",
                    encoding="utf-8")
    assert ingest_json(path, "--db", db_path)[0] == 0
    with connect(db_path) as conn:
        twin = conn.execute("INSERT INTO outlets (name, domain, key) VALUES ('Bay Courier', NULL, "
                            "'bay courier as an older version keyed it')").lastrowid
        conn.execute("UPDATE articles SET outlet_id = ?", (twin,))
        conn.execute("UPDATE sources SET extractor = ?", (OLD_VERSION,))
    summary = run_reparse(str(db_path))
    assert (summary.reread, summary.revised, summary.unchanged) == (1, 0, 1)
    with connect(db_path) as conn:
        conn.execute("UPDATE outlets SET name = 'Bay Courier Archive' WHERE id = ?", (twin,))
        conn.execute("UPDATE sources SET extractor = ?", (OLD_VERSION,))
    assert run_reparse(str(db_path)).fields == {"outlet": 1}  # another name: a real change

def test_a_copy_of_the_revised_source_follows_its_outlet(tmp_path, db_path):
    """A byte-identical copy of a file in another folder is stored as a duplicate row copying
    the stored row's outlet. Fails before: reparse moved the stored row to the outlet read
    now and left the copy on the old one, so the story counted as run in a second place."""
    record = json.dumps({"title": "Ferry", "body": ARTICLE_TEXT, "outlet": "Bay Courier"}) + "\n"
    for folder in ("a", "b", "c"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "ferry.jsonl").write_text(record, encoding="utf-8")
    for folder in ("a", "b"):
        assert ingest_json(tmp_path / folder, "--db", db_path)[0] == 0
    # near miss: a copy the user named another outlet for is its own place, and stays there
    assert ingest_json(tmp_path / "c", "--db", db_path, "--outlet", "Ferry Weekly")[0] == 0
    with connect(db_path) as conn:  # as an older version read the outlet
        older = conn.execute("INSERT INTO outlets (name, domain, key) VALUES ('Bay Courier as read before', NULL, "
                             "'bay courier as read before')").lastrowid
        conn.execute("UPDATE articles SET outlet_id = ?", (older,))
        conn.execute("UPDATE sources SET outlet_id = ? WHERE location NOT LIKE '%/c/%'", (older,))
        conn.execute("UPDATE sources SET extractor = ?", (OLD_VERSION,))
    assert run_reparse(str(db_path)).fields == {"outlet": 1}
    with connect(db_path) as conn:
        rows = conn.execute("SELECT substr(location, -15), status, outlets.name FROM sources "
                            "JOIN outlets ON outlets.id = outlet_id ORDER BY location").fetchall()
    assert rows == [("a/ferry.jsonl#1", "stored", "Bay Courier"), ("b/ferry.jsonl#1", "duplicate", "Bay Courier"),
                    ("c/ferry.jsonl#1", "duplicate", "Ferry Weekly")]


def test_an_address_given_at_ingest_still_gives_the_outlet(tmp_path, db_path):
    """A text names no outlet: ingest --url files it under the address's domain. Read again
    without that address, the outlet was dropped (reparse --all on a fresh archive revised it)."""
    story = tmp_path / "sandbags.txt"
    story.write_text(TEXT.format(body=body("library")), encoding="utf-8")
    code, _ = ingest_json(story, "--db", db_path, "--url", "https://www.harborledger.example/sandbags")
    assert code == 0
    every = run_reparse(str(db_path), every=True)
    assert (every.reread, every.revised, every.unchanged) == (1, 0, 1)
    with connect(db_path) as conn:
        assert conn.execute("SELECT outlets.name, outlet_source FROM articles JOIN outlets "
                            "ON outlets.id = outlet_id").fetchone() == ("harborledger.example", "url")


def test_a_text_without_an_address_gets_none(tmp_path, db_path):
    """The near miss: with no address stored, nothing is given to the rules."""
    story = tmp_path / "sandbags.txt"
    story.write_text(TEXT.format(body=body("library")), encoding="utf-8")
    assert ingest_json(story, "--db", db_path)[0] == 0
    every = run_reparse(str(db_path), every=True)
    assert (every.revised, every.unchanged) == (0, 1)
    with connect(db_path) as conn:
        assert conn.execute("SELECT url, outlet_id FROM articles").fetchone() == (None, None)


def _everything(db_path) -> list[str]:
    with connect(db_path) as conn:
        return list(conn.iterdump())


def test_a_dry_run_on_an_archive_of_the_version_before_does_not_upgrade_it(archive, db_path):
    """The first command after installing a new version is often `reparse --dry-run`: it used
    to apply the new schema (and any search index rebuild) before counting."""
    with connect(db_path) as conn:
        conn.execute("DROP TABLE article_revisions")
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0010_article_revisions'")
    before, file_before = _everything(db_path), db_path.read_bytes()
    summary = run_reparse(str(db_path), dry_run=True)
    assert (summary.candidates, summary.revised) == (4, 4)
    assert db_path.read_bytes() == file_before
    assert _everything(db_path) == before
    # The near miss: a real run upgrades it, as every command does.
    assert run_reparse(str(db_path)).revised == 4
    assert _everything(db_path) != before


def test_a_dry_run_of_another_file_says_it_is_no_archive(tmp_path):
    other = tmp_path / "notes.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE notes (text TEXT)")
    result = run_cli("reparse", "--db", other, "--dry-run")
    assert result.exit_code == 1 and "another program's database" in result.output
    assert [row[0] for row in sqlite3.connect(other).execute("SELECT name FROM sqlite_master")] == ["notes"]


@pytest.mark.parametrize("days_after_ingest, published", [
    (3, None),  # after the run that stored it: a misread then, and still one
    (-3, "as written"),  # the near miss: a date before the run is the article's, as before
])
def test_a_date_is_judged_as_of_the_run_that_stored_the_article(tmp_path, db_path, monkeypatch,
                                                              days_after_ingest, published):
    """A date after the ingest run is taken for a misread. Reparse judged it as of its own day,
    so once that date had passed, `reparse --all` gave it to an archive the same rules built."""
    from datetime import datetime, timedelta, timezone

    import ingest.reparse

    day = datetime.now(timezone.utc) + timedelta(days=days_after_ingest)
    story = tmp_path / "sandbags.txt"
    story.write_text(TEXT.replace("March 6, 2024", f"{day:%B} {day.day}, {day.year}").format(
        body=body("library")), encoding="utf-8")
    assert ingest_json(story, "--db", db_path)[0] == 0
    expected = day.date().isoformat() if published else None
    with connect(db_path) as conn:
        assert conn.execute("SELECT published FROM articles").fetchone() == (expected,)

    class TenDaysLater(datetime):
        @classmethod
        def now(cls, tz=None):
            return datetime.now(tz) + timedelta(days=10)

    monkeypatch.setattr(ingest.reparse, "datetime", TenDaysLater)
    every = run_reparse(str(db_path), every=True)
    assert (every.revised, every.unchanged) == (0, 1)
    with connect(db_path) as conn:
        assert conn.execute("SELECT published FROM articles").fetchone() == (expected,)


def test_records_an_export_moved_down_are_still_read_again(tmp_path, db_path):
    """An export written again newest first moves every old record down a line; ingest knows
    them there as the records it stored. Reparse looked for them at their old lines only and
    left them as stored, "whose file holds other bytes now"."""
    def record(n):
        return json.dumps({"title": f"Ferry timetable {n} changes", "body": body(f"ferry{n}"),
                           "authors": "Ben Ortiz", "outlet": "Bay Courier"})

    export = tmp_path / "export.jsonl"
    export.write_text(record(1) + "\n" + record(2) + "\n", encoding="utf-8")
    assert ingest_json(export, "--db", db_path)[1]["stored"] == 2
    export.write_text(record(3) + "\n" + record(1) + "\n" + record(2) + "\n", encoding="utf-8")
    assert ingest_json(export, "--db", db_path)[1]["stored"] == 1
    with connect(db_path) as conn:
        conn.execute("UPDATE sources SET extractor = ?", (OLD_VERSION,))
        conn.execute("UPDATE articles SET title = 'Old title'")
    summary = run_reparse(str(db_path))
    assert (summary.candidates, summary.reread, summary.revised) == (3, 3, 3)
    assert (summary.file_changed, summary.file_missing) == (0, 0)
    with connect(db_path) as conn:
        assert sorted(row[0] for row in conn.execute("SELECT title FROM articles")) == [
            f"Ferry timetable {n} changes" for n in (1, 2, 3)]


def test_a_record_no_longer_in_its_file_is_left_as_stored(tmp_path, db_path):
    """The near miss: a record whose bytes are nowhere in the file now is not read again."""
    export = tmp_path / "export.jsonl"
    export.write_text(json.dumps({"title": "Ferry", "body": body("ferry"), "outlet": "Bay Courier"}) + "\n",
                      encoding="utf-8")
    assert ingest_json(export, "--db", db_path)[0] == 0
    export.write_text(json.dumps({"title": "Ferry", "body": body("ferries"), "outlet": "Bay Courier"}) + "\n",
                      encoding="utf-8")
    with connect(db_path) as conn:
        conn.execute("UPDATE sources SET extractor = ?", (OLD_VERSION,))
        conn.execute("UPDATE articles SET title = 'Old title'")
    summary = run_reparse(str(db_path))
    assert (summary.reread, summary.revised, summary.file_changed) == (0, 0, 1)
    with connect(db_path) as conn:
        assert conn.execute("SELECT title FROM articles").fetchone() == ("Old title",)


@pytest.mark.parametrize("damage", [b"", b"PK\x03\x04 cut short", b"\x00\x01\x02 not a story"])
def test_a_file_damaged_since_is_changed_not_gone(archive, db_path, damage):
    # fail before: a file still there whose bytes now fail to read (emptied, cut short) was named
    # "gone" (file_missing), sending its owner to look for a file that had not moved
    (archive / "sandbags.txt").write_bytes(damage)
    summary = run_reparse(str(db_path))
    assert (summary.file_missing, summary.file_changed) == (0, 1)


def test_a_file_replaced_by_a_folder_is_gone(archive, db_path):
    (archive / "sandbags.txt").unlink()
    (archive / "sandbags.txt").mkdir()
    (archive / "sandbags.txt" / "other.txt").write_text(TEXT.format(body=body("other")), encoding="utf-8")
    summary = run_reparse(str(db_path))
    assert (summary.file_missing, summary.reread, summary.revised) == (1, 3, 3)


def test_the_summary_names_the_articles_left_as_stored(archive, db_path, monkeypatch):
    """The notes said how many articles were left as stored, not which: a user could not find
    the file that had gone, nor the one the current rules fail on."""
    import ingest.pipeline
    from ingest.record import Outcome

    real = ingest.pipeline.process_source

    def failing_on_the_page(source, now):
        return Outcome(source, error="rules broke") if source.location.endswith("bridge.html") else real(source, now)

    monkeypatch.setattr(ingest.pipeline, "process_source", failing_on_the_page)
    (archive / "sandbags.txt").unlink()
    result = run_cli("reparse", "--db", db_path)
    assert result.exit_code == 1  # an article the rules failed on, as ingest's exit status says
    assert f"failed: {archive / 'bridge.html'}: rules broke" in result.stderr
    assert f"1 article(s) left as stored, whose file is gone: {archive / 'sandbags.txt'}." in result.stderr
    as_json = run_cli("reparse", "--db", db_path, "--json")
    assert as_json.exit_code == 1
    summary = json.loads(as_json.stdout)
    assert summary["left_as_stored"] == [{"location": str(archive / "sandbags.txt"), "why": "gone"},
                                         {"location": str(archive / "bridge.html"), "why": "failed",
                                          "error": "rules broke"}]
    # The near miss: articles read again are named nowhere among those left.
    assert all("export.jsonl" not in item["location"] for item in summary["left_as_stored"])


def _slow_revisions(monkeypatch, seconds: float):
    """Each batch a single article whose rewrite holds the write lock `seconds` (a large
    archive's search index makes a batch of revisions slow); returns an event set when the
    first rewrite has begun."""
    import threading

    import ingest.reparse

    begun = threading.Event()
    real_apply = ingest.reparse._apply

    def slow_apply(*args):
        begun.set()
        time.sleep(seconds)
        return real_apply(*args)

    monkeypatch.setattr(ingest.reparse, "BATCH", 1)
    monkeypatch.setattr(ingest.reparse, "_apply", slow_apply)
    return begun


def test_another_writer_gets_a_turn_between_slow_batches(archive, db_path, monkeypatch):
    """An ingest into the archive while reparse rewrote many articles waited minutes (182 s for
    2,000 records): SQLite queues no one, and reparse took the lock again at once."""
    import threading

    begun = _slow_revisions(monkeypatch, 0.4)
    waited = []

    def other_writer():
        begun.wait(10)
        started = time.monotonic()
        conn = sqlite3.connect(db_path, timeout=1.0)
        try:
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("COMMIT")
            waited.append(time.monotonic() - started)
        except sqlite3.OperationalError as error:  # database is locked
            waited.append(str(error))
        finally:
            conn.close()

    thread = threading.Thread(target=other_writer)
    thread.start()
    summary = run_reparse(str(db_path), workers=1)
    thread.join()
    assert summary.revised == 4
    assert isinstance(waited[0], float) and waited[0] < 1.0, waited


def test_quick_batches_are_not_slowed(archive, db_path, monkeypatch):
    """The near miss: batches that hold the lock briefly go on at once."""
    import ingest.reparse

    pauses = []
    monkeypatch.setattr(ingest.reparse.time, "sleep", pauses.append)
    assert run_reparse(str(db_path), workers=1).revised == 4
    assert pauses == []


@pytest.mark.parametrize("new_name, reread", [
    ("moved/sandbags.txt", 1),  # the folder renamed, then ingested again: the same bytes
    ("moved/sandbags.md", 0),  # the near miss: read as Markdown, the same bytes may read otherwise
])
def test_a_file_moved_and_ingested_again_is_read_where_it_is_now(tmp_path, db_path, new_name, reread):
    """After a folder was moved and ingested again (each file recorded as a copy of itself),
    reparse said every article's file was gone."""
    story = tmp_path / "clippings" / "sandbags.txt"
    story.parent.mkdir()
    story.write_text(TEXT.format(body=body("library")), encoding="utf-8")
    assert ingest_json(story, "--db", db_path)[1]["stored"] == 1
    moved = tmp_path / new_name
    moved.parent.mkdir()
    story.rename(moved)
    assert ingest_json(moved, "--db", db_path)[1]["duplicate"] == 1
    with connect(db_path) as conn:
        conn.execute("UPDATE sources SET extractor = ?", (OLD_VERSION,))
        conn.execute("UPDATE articles SET title = 'Old title'")
    summary = run_reparse(str(db_path))
    assert (summary.reread, summary.revised, summary.file_missing) == (reread, reread, 1 - reread)
    with connect(db_path) as conn:
        title = conn.execute("SELECT title FROM articles").fetchone()[0]
    assert title == ("Sandbag volunteers work through the night" if reread else "Old title")


def test_progress_counts_the_articles_left_as_stored(archive, db_path):
    """A bar counting only the articles read again stopped at 3 of 4 when a file had gone."""
    (archive / "bridge.html").unlink()
    steps = []
    summary = run_reparse(str(db_path), on_progress=steps.append)
    assert (summary.candidates, summary.reread, summary.file_missing) == (4, 3, 1)
    assert sum(steps) == 4


def test_progress_moves_while_articles_come_slowly(archive, db_path, monkeypatch):
    """The bar counts written batches, and a batch was 500 articles whatever time they took: on a
    loaded machine it stayed at 0% for 14 s of an 800-article run, a run of fewer than 500 for
    all of it. Now a batch is also what came in BATCH_SECONDS (here none: each article its own)."""
    from ingest import reparse

    monkeypatch.setattr(reparse, "BATCH_SECONDS", 0.0, raising=False)
    steps = []
    assert run_reparse(str(db_path), workers=1, on_progress=steps.append).reread == 4
    assert steps == [1, 1, 1, 1]


def test_progress_of_a_run_with_nothing_to_do(archive, db_path):
    """The near miss: nothing to read, nothing reported."""
    run_reparse(str(db_path))
    steps = []
    assert run_reparse(str(db_path), on_progress=steps.append).candidates == 0
    assert sum(steps) == 0


def test_an_article_deleted_during_the_run_is_counted_once(archive, db_path):
    """It was counted as read again and as gone: the summary added up to more than its
    candidates (and the progress bar past its end)."""
    def delete_one(count):
        with connect(db_path) as conn:
            gone = conn.execute("SELECT article_id FROM sources WHERE location LIKE '%bridge.html'").fetchone()[0]
            conn.execute("DELETE FROM article_authors WHERE article_id = ?", (gone,))
            conn.execute("DELETE FROM articles WHERE id = ?", (gone,))

    steps = []
    summary = run_reparse(str(db_path), on_candidates=delete_one, on_progress=steps.append)
    assert (summary.candidates, summary.reread, summary.file_missing, summary.revised) == (4, 3, 1, 3)
    assert sum(steps) == 4


@pytest.mark.parametrize("stored_url", [None, "https://harbor.example/kept"])
def test_an_address_found_now_is_recorded_for_its_source_too(tmp_path, db_path, stored_url):
    """An address an older version missed went into the article, not into its source's row
    (the sources page kept showing none). The near miss: an address already stored stays."""
    page = tmp_path / "bridge.html"
    page.write_text(PAGE.format(body=body("harbour")).replace(
        "<head>", '<head><link rel="canonical" href="https://harborledger.example/bridge">'), encoding="utf-8")
    assert ingest_json(page, "--db", db_path)[0] == 0
    with connect(db_path) as conn:
        conn.execute("UPDATE sources SET extractor = ?, url = ?", (OLD_VERSION, stored_url))
        conn.execute("UPDATE articles SET url = ?, title = 'Old title'", (stored_url,))
    assert run_reparse(str(db_path)).revised == 1
    expected = stored_url or "https://harborledger.example/bridge"
    with connect(db_path) as conn:
        assert conn.execute("SELECT articles.url, sources.url FROM articles JOIN sources "
                            "ON sources.article_id = articles.id").fetchone() == (expected, expected)


@pytest.mark.parametrize("run_from, reread", [
    ("", 1),  # the folder the path was typed from
    ("elsewhere", 0),  # the near miss: from another folder the typed path names no file
])
def test_a_location_kept_as_typed_is_read_from_the_folder_it_was_typed_from(
        archive, db_path, monkeypatch, run_from, reread):
    """Archives made before locations were absolute keep them as typed ("clippings/a.txt");
    reparse said every such article's file was gone, wherever it was run from."""
    parent = archive.parent
    with connect(db_path) as conn:
        conn.execute("UPDATE sources SET location = substr(location, ?) WHERE location LIKE '%sandbags.txt'",
                     (len(str(parent)) + 2,))
        assert conn.execute("SELECT count(*) FROM sources WHERE location = 'clippings/sandbags.txt'").fetchone() == (1,)
    (parent / "elsewhere").mkdir()
    monkeypatch.chdir(parent / run_from)
    summary = run_reparse(str(db_path))
    assert (summary.reread, summary.file_missing) == (3 + reread, 1 - reread)


def test_a_file_of_records_gone_is_named_once(archive, db_path):
    """A JSON Lines export gone was named by its records ("export.jsonl#1, export.jsonl#2"),
    twenty of 100,000, not as the one file it is."""
    (archive / "export.jsonl").unlink()
    result = run_cli("reparse", "--db", db_path)
    assert f"2 article(s) left as stored, whose file is gone: {archive / 'export.jsonl'} (2)." in result.stderr
    assert "export.jsonl#" not in result.stderr


def names(db_path, table: str) -> list[str]:
    with connect(db_path) as conn:
        return [row[0] for row in conn.execute(f"SELECT name FROM {table} ORDER BY name")]


def test_authors_and_outlets_no_article_uses_any_more_are_removed(archive, db_path):
    with connect(db_path) as conn:  # the records as an older reader filed them
        wire = conn.execute("INSERT INTO outlets (name, key) VALUES ('Ledger Wire', 'ledgerwire')").lastrowid
        conn.execute("UPDATE articles SET outlet_id = ? WHERE outlet_id = "
                     "(SELECT id FROM outlets WHERE name = 'Bay Courier')", (wire,))
        conn.execute("UPDATE sources SET outlet_id = ? WHERE outlet_id = "
                     "(SELECT id FROM outlets WHERE name = 'Bay Courier')", (wire,))
    assert "Staff" in names(db_path, "authors") and "Ledger Wire" in names(db_path, "outlets")
    dry = json.loads(run_cli("reparse", "--db", db_path, "--json", "--dry-run").output)
    assert "Staff" in names(db_path, "authors") and "Ledger Wire" in names(db_path, "outlets")
    result = run_cli("reparse", "--db", db_path, "--json")
    summary = json.loads(result.output)
    assert summary["fields"]["authors"] == 4 and summary["fields"]["outlet"] == 2
    assert summary["unused_removed"] == {"authors": 1, "outlets": 1} == dry["unused_removed"]
    assert names(db_path, "authors") == ["Ann Lee", "Ben Ortiz", "Ruth Okafor", "Tom Park"]
    assert "Ledger Wire" not in names(db_path, "outlets") and "Bay Courier" in names(db_path, "outlets")
    with connect(db_path) as conn:  # what they were is kept, by name
        assert conn.execute("SELECT count(*) FROM article_revisions WHERE old_value = 'Ledger Wire'").fetchone() == (2,)
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    # run again: nothing left to remove
    assert json.loads(run_cli("reparse", "--db", db_path, "--json").output)["unused_removed"] == {
        "authors": 0, "outlets": 0}


def test_an_outlet_a_copy_still_gives_is_kept_and_a_dry_run_removes_nothing(archive, db_path):
    with connect(db_path) as conn:
        wire = conn.execute("INSERT INTO outlets (name, key) VALUES ('Ledger Wire', 'ledgerwire')").lastrowid
        conn.execute("UPDATE articles SET outlet_id = ? WHERE outlet_id = "
                     "(SELECT id FROM outlets WHERE name = 'Bay Courier')", (wire,))
        # a copy of a story seen under that outlet: it ran there, whatever the article says now
        conn.execute("INSERT INTO sources (location, raw_sha256, status, article_id, outlet_id, seen_at, last_seen) "
                     "VALUES ('/elsewhere/copy.txt', 'abc', 'duplicate', 1, ?, '2024-01-01', '2024-01-01')", (wire,))
    # the dry run counts what the run would remove (it said 0, and the run then removed an
    # author), and removes nothing
    dry = json.loads(run_cli("reparse", "--db", db_path, "--json", "--dry-run").output)
    assert dry["unused_removed"] == {"authors": 1, "outlets": 0} and "Staff" in names(db_path, "authors")
    assert "Would remove 1 author no article would name any more." in run_cli(
        "reparse", "--db", db_path, "--dry-run").output
    assert "Staff" in names(db_path, "authors") and "Ledger Wire" in names(db_path, "outlets")
    said = run_cli("reparse", "--db", db_path).output
    assert "Removed 1 author no article names any more" in said
    assert "Ledger Wire" in names(db_path, "outlets") and "Staff" not in names(db_path, "authors")


@pytest.mark.parametrize("edited_and_ingested, why, note", [
    # fail before: named as a file "whose file holds other bytes now (ingest stores its new
    # text)" on every run, though ingest had stored the new text already, as the later version
    (True, "replaced", "earlier versions of edited stories, whose file now holds the later text, stored"),
    # near-miss: a file edited and not ingested since is still "changed", and said so
    (False, "changed", "whose file holds other bytes now (ingest stores its new text)"),
])
def test_an_earlier_version_whose_later_one_is_stored_is_not_told_to_be_ingested(
        tmp_path, db_path, edited_and_ingested, why, note):
    story = tmp_path / "sandbags.txt"
    story.write_text(TEXT.format(body=body("library")), encoding="utf-8")
    assert ingest_json(story, "--db", db_path)[0] == 0
    story.write_text(TEXT.format(body=body("library") + " A later paragraph was added."), encoding="utf-8")
    if edited_and_ingested:
        code, summary = ingest_json(story, "--db", db_path)
        assert summary["new_versions"] == 1
    result = run_cli("reparse", "--all", "--db", db_path, "--json")
    summary = json.loads(result.stdout)
    assert summary["file_changed"] == 1
    assert [item["why"] for item in summary["left_as_stored"]] == [why]
    result = run_cli("reparse", "--all", "--db", db_path)
    assert f"note: 1 article(s) left as stored, {note}: {story}." in result.stderr
    assert result.stderr.count("note: 1 article(s) left as stored") == 1


def test_an_earlier_version_replaced_from_another_file_is_changed_when_its_file_is(tmp_path, db_path):
    """fail before: the later version of a story stored from another input (a record at the same
    address and outlet) made the first file "replaced" (its later text stored), though that
    file now held another story never ingested, and the user was not told to ingest it."""
    story = tmp_path / "sandbags.txt"
    story.write_text(TEXT.format(body=body("library")), encoding="utf-8")
    (tmp_path / "sandbags.json").write_text(json.dumps({"outlet": "The Harbor Ledger",
                                                        "url": "https://ledger.example/sandbags"}))
    assert ingest_json(story, "--db", db_path)[0] == 0
    (tmp_path / "later.jsonl").write_text(json.dumps({
        "body": body("library") + " A later paragraph was added.", "outlet": "The Harbor Ledger",
        "url": "https://ledger.example/sandbags"}) + "\n")
    assert ingest_json(tmp_path / "later.jsonl", "--db", db_path)[1]["new_versions"] == 1
    story.write_text(TEXT.format(body=body("quay")), encoding="utf-8")  # another story, not ingested
    summary = json.loads(run_cli("reparse", "--all", "--db", db_path, "--json").stdout)
    assert [item["why"] for item in summary["left_as_stored"]] == ["changed"]


@pytest.mark.parametrize("name", [
    # fail before: a name that is not UTF-8 is stored with its odd bytes written as \xe9, and
    # reparse looked for a file of that written name: "gone", though it was there
    b"caf\xe9 notes.txt",
    b"caf\xe9 export.jsonl",
    # near miss: a name that holds "\xe9" as its own four characters is read as it is
    b"caf\\xe9 notes.txt",
])
def test_a_file_whose_name_is_not_utf8_is_read_again(tmp_path, db_path, name):
    path = tmp_path / os.fsdecode(name)
    if name.endswith(b".jsonl"):
        path.write_text(json.dumps({"title": "Ferry timetable changes", "body": body("ferry"),
                                    "outlet": "Bay Courier"}) + "\n", encoding="utf-8")
    else:
        path.write_text("Ferry timetable changes\n\n" + body("ferry"), encoding="utf-8")
    assert ingest_json(path, "--db", db_path)[1]["stored"] == 1
    with connect(db_path) as conn:
        (location,) = conn.execute("SELECT location FROM sources").fetchone()
        assert location.startswith(str(tmp_path) + "/caf\\xe9 ")  # the same either way
        conn.execute("UPDATE sources SET extractor = ?", (OLD_VERSION,))
        conn.execute("UPDATE articles SET title = 'Old title'")
    summary = run_reparse(str(db_path))
    assert (summary.reread, summary.revised, summary.file_missing) == (1, 1, 0)
    with connect(db_path) as conn:
        assert conn.execute("SELECT title FROM articles").fetchone() == ("Ferry timetable changes",)


def test_a_stopped_reparse_all_goes_on_where_it_stopped(tmp_path, monkeypatch):
    """`reparse --all` stopped started again from the first article when run again (nothing told
    which articles it had read, as every one had this version's extractor): hours of a large
    archive read twice. Near miss: once finished, the next --all reads every article again."""
    from ingest import reparse

    db_path = tmp_path / "archive.db"
    for n in range(3):
        (tmp_path / f"{n}.txt").write_text(f"Ferry timetable {n}\n\nStory number {n}. " + ARTICLE_TEXT)
    assert run_ingest([str(tmp_path)], str(db_path), workers=1).stored == 3
    monkeypatch.setattr(reparse, "BATCH", 1)

    def stop_after_the_first_batch(step):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt) as stopped:
        run_reparse(str(db_path), every=True, workers=1, on_progress=stop_after_the_first_batch)
    assert (stopped.value.summary.candidates, stopped.value.summary.reread) == (3, 1)
    going_on = run_reparse(str(db_path), every=True, workers=1)
    assert (going_on.candidates, going_on.reread) == (2, 2)
    assert (run_reparse(str(db_path), every=True, workers=1).candidates,
            run_reparse(str(db_path), workers=1).candidates) == (3, 0)


@pytest.mark.parametrize("every", [True, False])
def test_a_stopped_reparse_says_what_it_read_and_what_running_it_again_does(tmp_path, monkeypatch, every):
    """Stopped, `reparse --all` said "run the same command again to go on", and the same command
    started again from the first article (--all reads every one; nothing tells which this run
    read): hours of a large archive read again by a user who believed it would go on. Now it says
    so, and how many articles the run read; near miss, a reparse without --all goes on."""
    from ingest import reparse
    from ingest.reparse import ReparseSummary

    db_path = tmp_path / "archive.db"
    (tmp_path / "a.txt").write_text("A headline\n\n" + ARTICLE_TEXT)
    assert run_cli("ingest", tmp_path / "a.txt", "--db", db_path).exit_code == 0

    def stopped(*args, **kwargs):
        stop = KeyboardInterrupt()
        stop.summary = ReparseSummary(database=str(db_path), reread=3, revised=1)
        raise stop

    monkeypatch.setattr(reparse, "run_reparse", stopped)
    result = run_cli("reparse", "--db", db_path, *(["--all"] if every else []))
    assert result.exit_code == 130
    assert "Every batch already written is kept (3 read, 1 revised)" in result.stderr
    assert "run the same command again to go on" in result.stderr  # (--all too: see the test below)


MONTH_ONLY = "published '2026-04' names a month, not a day: stored with no date"


@pytest.mark.parametrize("dry_run", [False, True])
def test_reparse_records_and_prints_warnings_as_ingest_does(tmp_path, db_path, dry_run):
    """Fails before: reparse said nothing of what the current rules drop or guess, and an
    archive stored before warnings were kept in sources.error never got them (an unchanged file
    is not read by ingest again). Near misses: the story with none has none; a dry run writes none."""
    (tmp_path / "pier.md").write_text(f"---\ntitle: Pier shuts\ndate: '2026-04'\n---\n\n{ARTICLE_TEXT}\n")
    (tmp_path / "cafe.txt").write_bytes(f"Café rouvert\n\nLe café de la gare a rouvert lundi. {ARTICLE_TEXT}\n"
                                        .encode("cp1252"))
    (tmp_path / "plain.txt").write_text(f"Floods close bridge\n\n{ARTICLE_TEXT} The library stays shut.\n")
    code, ingested = ingest_json(tmp_path, "--db", db_path)
    assert (code, ingested["stored"], ingested["warned"]) == (0, 3, 2), ingested
    with connect(db_path) as conn:  # as an archive stored before warnings were kept
        conn.execute("UPDATE sources SET error = NULL, extractor = ?", (OLD_VERSION,))
    dry = ["--dry-run"] if dry_run else []
    summary = json.loads(run_cli("reparse", "--db", db_path, "--json", *dry).stdout)
    assert (summary["warned"], summary["warnings"]) == (ingested["warned"], ingested["warnings"]), summary
    result = run_cli("reparse", "--all", "--db", db_path, *dry)
    for warned in ingested["warnings"]:  # the same lines as ingest's
        assert f"warning: {warned['location']}: {warned['warning']}" in result.stderr, result.stderr
    assert ", 2 with a warning -> " in result.stdout, result.stdout
    with connect(db_path) as conn:
        errors = dict(conn.execute("SELECT location, error FROM sources"))
    guessed = next(warned["warning"] for warned in ingested["warnings"] if warned["location"].endswith("cafe.txt"))
    assert guessed.startswith("not UTF-8 or UTF-16 with its mark: read as cp125"), guessed
    assert errors == {str(tmp_path / name): (None if dry_run else warning) for name, warning in (
        ("pier.md", MONTH_ONLY), ("plain.txt", None), ("cafe.txt", guessed))}


def test_reparse_leaves_a_title_the_user_gave_beside_the_headline_that_opens_the_text(tmp_path, db_path):
    """Fails before: a sidecar's title that is the text's first line with the site's name
    before it ("Harbor Ledger: What happens next", the outlet Harbor Ledger) was cut to that
    line on reparse (and on ingest), a title the user gave rewritten by a rule for <title>s."""
    (tmp_path / "story.html").write_text(
        "<html><head><title>Untitled document</title></head><body><article><p>What happens next</p>"
        + "".join(f"<p>{p}</p>" for p in ARTICLE_TEXT.split("\n\n")) + "</article></body></html>")
    (tmp_path / "story.json").write_text(json.dumps({"title": "Harbor Ledger: What happens next",
                                                     "outlet": "Harbor Ledger"}))
    code, ingested = ingest_json(tmp_path, "--db", db_path)
    assert (code, ingested["stored"]) == (0, 1), ingested
    with connect(db_path) as conn:
        conn.execute("UPDATE sources SET extractor = ?", (OLD_VERSION,))
    run_cli("reparse", "--all", "--db", db_path)
    with connect(db_path) as conn:
        [(title, source)] = conn.execute("SELECT title, title_source FROM articles")
    assert (title, source) == ("Harbor Ledger: What happens next", "override")
