"""An archive of an older version opened by this one: every stored row is kept, the data
migrations (0011: outlet twins merged; 0012: links made on the heading alone taken back; 0013:
edits stored before links existed linked) run once together, and the archive then answers searches and re-runs as a new one would.

The archive is built with today's ingest and put back into the shape the older version left
(as the other upgrade tests do), since an older release of the code is not at hand in a test."""

import json

import pytest

from ingest.search import search
from ingest.store import open_database

from conftest import ARTICLE_TEXT, connect, ingest_json, run_cli, undo_source_authors
from test_versions import BRIEFING_MONDAY, BRIEFING_TUESDAY, EDITED_TEXT, record

URL = "https://harborledger.example"


def snapshot(db_path) -> dict:
    """Every row a user's archive must keep, by content rather than by outlet id (the ids of
    merged outlet rows change, by design)."""
    with connect(db_path) as conn:
        return {
            "articles": conn.execute(
                "SELECT articles.id, content_hash, title, body, authors, published, articles.url, outlets.name "
                "FROM articles LEFT JOIN outlets ON outlets.id = outlet_id ORDER BY articles.id").fetchall(),
            "sources": conn.execute(
                "SELECT sources.id, location, raw_sha256, status, article_id, outlets.name, sources.url "
                "FROM sources LEFT JOIN outlets ON outlets.id = outlet_id ORDER BY sources.id").fetchall(),
            "bylines": conn.execute("SELECT article_id, position, name FROM article_authors "
                                    "JOIN authors ON authors.id = author_id ORDER BY 1, 2").fetchall(),
            "revisions": conn.execute("SELECT * FROM article_revisions ORDER BY id").fetchall(),
        }


def per_outlet(db_path) -> list[tuple]:
    with connect(db_path) as conn:
        return conn.execute("SELECT outlets.name, count(*) FROM articles JOIN outlets ON outlets.id = outlet_id "
                            "GROUP BY outlets.id ORDER BY 1").fetchall()


def test_an_archive_of_an_older_version_keeps_every_row_and_reads_as_a_new_one(tmp_path, db_path):
    lines = [record("Morning briefing", BRIEFING_MONDAY, URL + "/briefing", outlet="Harbor Ledger"),
             record("Morning briefing", BRIEFING_TUESDAY, URL + "/briefing", outlet="Harbor Ledger"),
             record("Flood closes bridge", ARTICLE_TEXT, URL + "/flood", outlet="Harbor Ledger"),
             record("Flood closes bridge", EDITED_TEXT, URL + "/flood", outlet="Harbor Ledger"),
             json.dumps({"title": "Ferry fares rise", "body": "Ferry fares rise in the spring. " + BRIEFING_MONDAY,
                         "outlet": "Valley Post", "authors": ["Ann Lee"], "url": "https://valleypost.example/f"})]
    (tmp_path / "export.jsonl").write_text("\n".join(lines) + "\n")
    assert ingest_json(tmp_path / "export.jsonl", "--db", db_path)[0] == 0
    with connect(db_path) as conn:  # as the older version left it
        assert conn.execute("SELECT id, previous_version FROM articles ORDER BY id").fetchall() == [
            (1, None), (2, None), (3, None), (4, 3), (5, None)]
        conn.execute("UPDATE articles SET previous_version = 1 WHERE id = 2")  # the heading alone
        conn.execute("UPDATE articles SET previous_version = NULL WHERE id = 4")  # stored before links
        # an outlet first known by its domain, renamed but keyed by the domain, and its twin
        twin = conn.execute("INSERT INTO outlets (name, domain, key) VALUES ('Harbor Ledger', ?, 'harborledgerexample')",
                            ("harborledger.example",)).lastrowid
        conn.execute("UPDATE articles SET outlet_id = ? WHERE id IN (1, 3)", (twin,))
        conn.execute("UPDATE sources SET outlet_id = ? WHERE article_id IN (1, 3)", (twin,))
        conn.execute("INSERT INTO article_revisions (article_id, field, old_value, new_value, revised_at, "
                     "new_extractor) VALUES (5, 'title', 'Fares', 'Ferry fares rise', '2024-01-01', 'older')")
        conn.execute("DELETE FROM _sqlite_migrations WHERE name IN "
                     "('0011_merge_outlet_twins', '0012_unlink_false_versions', '0013_link_versions_stored_unlinked')")
    before = snapshot(db_path)
    assert per_outlet(db_path) == [("Harbor Ledger", 2), ("Harbor Ledger", 2), ("Valley Post", 1)]

    open_database(db_path).close()
    after = snapshot(db_path)
    assert after == before  # every article, source, byline and revision, under the same outlet name
    assert per_outlet(db_path) == [("Harbor Ledger", 4), ("Valley Post", 1)]
    with connect(db_path) as conn:
        assert conn.execute("SELECT id, previous_version FROM articles ORDER BY id").fetchall() == [
            (1, None), (2, None), (3, None), (4, 3), (5, None)]  # the edit linked, the briefings not
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert conn.execute("SELECT count(*) FROM article_facets").fetchone() == (5,)

    # searches: both briefings (no longer one story), the edited story once, the outlet whole
    db = open_database(db_path)
    found = lambda q, **kw: sorted(r["id"] for r in search(db, q, **kw))
    assert found("briefing") == [1, 2, 5]
    assert found("bridge") == [4] and found("bridge", all_versions=True) == [3, 4]
    assert found("morning", outlet="Harbor Ledger") == [1, 2]  # one from each former twin
    assert found("bridge", outlet="Harbor Ledger", all_versions=True) == [3, 4]
    db.close()

    # opened again, and the same export ingested again: nothing changes
    open_database(db_path).close()
    code, summary = ingest_json(tmp_path / "export.jsonl", "--db", db_path)
    assert (code, summary["stored"], summary["duplicate"]) == (0, 0, 0)
    assert snapshot(db_path) == after and per_outlet(db_path) == [("Harbor Ledger", 4), ("Valley Post", 1)]


@pytest.mark.parametrize("migration_set, refused", [
    ("news_archive", True),  # fails before: a later version's migration, and this one wrote on
    ("field_notes", False),  # near miss: another program's own migrations in the same file
])
@pytest.mark.parametrize("command", [
    ["ingest", "{folder}"], ["search", "river"], ["stats"], ["optimize"], ["reparse"], ["reparse", "--dry-run"],
])
def test_an_archive_a_newer_version_upgraded_is_left_alone(tmp_path, db_path, migration_set, refused, command):
    (tmp_path / "a.txt").write_text("River rises at Millbrook\n\n" + ARTICLE_TEXT)
    assert ingest_json(tmp_path / "a.txt", "--db", db_path)[0] == 0
    with connect(db_path) as conn:
        conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES (?, ?, ?)",
                     (migration_set, "0099_reading_lists", "2030-01-01 00:00:00+00:00"))
    (tmp_path / "more").mkdir()
    (tmp_path / "more" / "b.txt").write_text("Bridge reopens at Millbrook\n\n" + ARTICLE_TEXT.replace("forty", "fifty"))
    before = snapshot(db_path)
    result = run_cli(*[part.format(folder=tmp_path / "more") for part in command], "--db", db_path)
    if refused:
        assert result.exit_code == 1, result.output
        assert "upgraded by a newer version of news-archive" in result.output
        assert "0099_reading_lists" in result.output and "Nothing was read or written" in result.output
        assert snapshot(db_path) == before
    else:
        assert result.exit_code == 0, result.output


@pytest.mark.parametrize("edit_outlet, linked", [
    # fails before: the edit was stored (by a version before 0015) at an address where the story's
    # earlier text was seen only as a duplicate; 0015 made ingest link such an edit, and the
    # upgrade left the one already stored unlinked, so a search still showed both texts
    ("Valley Post", True),
    # near miss: another outlet's text under that address is not that copy's edit
    ("The Harbor Ledger", False),
])
def test_an_edit_stored_unlinked_at_a_duplicates_address_is_linked_on_upgrade(tmp_path, db_path, edit_outlet,
                                                                            linked):
    lines = [record("Flood closes bridge", ARTICLE_TEXT, URL + "/flood", outlet="The Harbor Ledger"),
             record("Flood closes bridge", ARTICLE_TEXT, "https://valleypost.example/flood", outlet="Valley Post"),
             record("Flood closes bridge", EDITED_TEXT, "https://valleypost.example/flood", outlet=edit_outlet)]
    (tmp_path / "export.jsonl").write_text("\n".join(lines) + "\n")
    assert ingest_json(tmp_path / "export.jsonl", "--db", db_path)[0] == 0
    with connect(db_path) as conn:  # as the older version left it
        assert conn.execute("SELECT id, previous_version FROM articles ORDER BY id").fetchall() == [
            (1, None), (2, 1 if linked else None)]
        conn.execute("UPDATE articles SET previous_version = NULL")
        conn.execute("DROP INDEX sources_duplicate_url")
        conn.execute("ALTER TABLE articles DROP COLUMN captured")  # (0019)
        undo_source_authors(conn)  # (0029)
        conn.execute("ALTER TABLE sources DROP COLUMN captured")  # (0031)
        conn.execute("DROP TABLE reparse_all_read")  # (0022)
        conn.execute("DELETE FROM _sqlite_migrations WHERE name >= '0015'")
    before = snapshot(db_path)
    open_database(db_path).close()
    assert snapshot(db_path) == before
    with connect(db_path) as conn:
        assert conn.execute("SELECT id, previous_version FROM articles ORDER BY id").fetchall() == [
            (1, None), (2, 1 if linked else None)]
    db = open_database(db_path)
    assert len(search(db, "bridge")) == (1 if linked else 2)
    db.close()
