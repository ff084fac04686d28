"""Outlet rows: twins of one name, left by archives made before ingest gave a renamed outlet its
name's key, are merged once on upgrade (migration 0011, store.merge_outlet_twins)."""

import json

import pytest

from ingest.normalise import outlet_key
from ingest.store import merge_outlet_twins, open_database

from conftest import ARTICLE_TEXT, connect, ingest_json, run_cli

MIGRATION = "0011_merge_outlet_twins"


def rows(db_path, sql):
    with connect(db_path) as conn:
        return conn.execute(sql).fetchall()


def archive_with(tmp_path, db_path, outlets: list[str]) -> None:
    """One record per outlet name given, each its own story, ingested in one run."""
    lines = [json.dumps({"title": f"Story {i}", "body": f"{ARTICLE_TEXT} Part {i}.", "outlet": outlet,
                         "url": f"https://harborledger.example/story-{i}"})
             for i, outlet in enumerate(outlets)]
    (tmp_path / "in.jsonl").write_text("\n".join(lines) + "\n")
    assert ingest_json(tmp_path / "in.jsonl", "--db", db_path)[0] == 0


def as_an_older_version_left_it(db_path, twins: list[tuple]) -> None:
    """Add outlet rows (name, domain, key) as the ingest before the fix made them, move the
    articles (and their sources) named in each to it, and forget that 0011 ran."""
    with connect(db_path) as conn:
        for name, domain, key, article_ids in twins:
            twin = conn.execute("INSERT INTO outlets (name, domain, key) VALUES (?, ?, ?)",
                                (name, domain, key)).lastrowid
            for article_id in article_ids:
                conn.execute("UPDATE articles SET outlet_id = ? WHERE id = ?", (twin, article_id))
                conn.execute("UPDATE sources SET outlet_id = ? WHERE article_id = ?", (twin, article_id))
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = ?", (MIGRATION,))


def test_outlet_twins_are_merged_with_everything_that_refers_to_them(tmp_path, db_path):
    archive_with(tmp_path, db_path, ["The Harbor Ledger Weekly"] * 3)
    # the row first named by its domain, renamed to the name but keyed by the domain
    as_an_older_version_left_it(db_path, [("The Harbor Ledger Weekly", "harborledger.example", "harborledger", [2, 3])])
    assert rows(db_path, "SELECT count(*) FROM outlets") == [(2,)]
    open_database(db_path).close()
    assert rows(db_path, "SELECT id, name, domain, key FROM outlets") == [
        (1, "The Harbor Ledger Weekly", "harborledger.example", outlet_key("The Harbor Ledger Weekly"))]
    for table in ("articles", "sources", "article_facets"):
        assert rows(db_path, f"SELECT DISTINCT outlet_id FROM {table}") == [(1,)], table
    assert rows(db_path, "SELECT count(*) FROM articles") == [(3,)]  # nothing lost
    # the search index's outlet word moved too: a search within the outlet finds all three
    found = json.loads(run_cli("search", "warden", "--outlet", "The Harbor Ledger Weekly", "--db", db_path,
                               "--json").output)
    assert sorted(r["id"] for r in found) == [1, 2, 3]
    assert rows(db_path, "PRAGMA foreign_key_check") == []


def test_the_row_kept_is_the_one_ingest_finds_by_name(tmp_path, db_path):
    archive_with(tmp_path, db_path, ["The Harbor Ledger Weekly"])
    with connect(db_path) as conn:  # the name's row came second here
        conn.execute("UPDATE outlets SET key = 'harborledger', domain = 'harborledger.example'")
    as_an_older_version_left_it(db_path, [("The Harbor Ledger Weekly", None, outlet_key("The Harbor Ledger Weekly"), [1])])
    open_database(db_path).close()
    assert rows(db_path, "SELECT id, domain, key FROM outlets") == [
        (2, "harborledger.example", outlet_key("The Harbor Ledger Weekly"))]
    assert rows(db_path, "SELECT outlet_id FROM sources") == [(2,)]
    # a later run files the outlet's next article under it, by name and by domain alone
    (tmp_path / "next.jsonl").write_text(
        json.dumps({"title": "Next", "body": "Ferry fares rose again today. " + ARTICLE_TEXT,
                    "outlet": "The Harbor Ledger Weekly"}) + "\n")
    ingest_json(tmp_path / "next.jsonl", "--db", db_path)
    assert rows(db_path, "SELECT count(*), max(outlet_id) FROM articles") == [(2, 2)]


# (outlets as ingested, twins added as an older version left them: (name, domain, key, articles))
NOT_TWINS = [
    # two names of one domain are two outlets (a republished story keeps the original's address)
    (["The Harbor Ledger", "Harbor Ledger Sport"], []),
    # a name-less outlet known by its domain is not a twin of a named one
    (["The Harbor Ledger Weekly"], [("harborledger.example", "harborledger.example", "harborledger", [])]),
]


@pytest.mark.parametrize("outlets, twins", NOT_TWINS)
def test_outlets_of_other_names_are_not_merged(tmp_path, db_path, outlets, twins):
    archive_with(tmp_path, db_path, outlets)
    as_an_older_version_left_it(db_path, twins)
    before = rows(db_path, "SELECT * FROM outlets ORDER BY id")
    open_database(db_path).close()
    assert rows(db_path, "SELECT * FROM outlets ORDER BY id") == before


def test_merging_again_finds_nothing_to_do(tmp_path, db_path):
    archive_with(tmp_path, db_path, ["The Harbor Ledger Weekly"] * 2)
    as_an_older_version_left_it(db_path, [("The Harbor Ledger Weekly", None, "an older key", [2])])
    db = open_database(db_path)
    state = [db.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall() for table in ("outlets", "articles", "sources")]
    with db.conn:
        assert merge_outlet_twins(db.conn) == 0
    assert [db.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
            for table in ("outlets", "articles", "sources")] == state
    db.close()


def test_a_key_held_by_another_outlet_does_not_stop_the_upgrade(tmp_path, db_path):
    archive_with(tmp_path, db_path, ["Harbor Ledger Weekly"])
    with connect(db_path) as conn:  # the name's key held by an outlet of another name
        conn.execute("UPDATE outlets SET key = 'kept elsewhere'")
        conn.execute("INSERT INTO outlets (name, domain, key) VALUES ('The Bay Courier', NULL, ?)",
                     (outlet_key("Harbor Ledger Weekly"),))
    as_an_older_version_left_it(db_path, [("Harbor Ledger Weekly", None, "an older key", [1])])
    open_database(db_path).close()
    assert rows(db_path, "SELECT name, key FROM outlets ORDER BY id") == [
        ("Harbor Ledger Weekly", "kept elsewhere"), ("The Bay Courier", outlet_key("Harbor Ledger Weekly"))]
    assert rows(db_path, "SELECT outlet_id FROM articles") == [(1,)]


@pytest.mark.parametrize("datelines, outlets", [
    # an agency's initials with dots in one story's dateline, without in another's: one outlet
    (["MILLBROOK (A.P.) — ", "QUAYPORT (AP) — "], [("The Associated Press",)]),
    (["MILLBROOK (A.F.P.) - ", "QUAYPORT (Agence France-Presse) — "], [("Agence France-Presse",)]),
    # near miss: initials of no agency we know are their own outlet, dotted or not alike
    (["MILLBROOK (H.N.A.) — ", "QUAYPORT (HNA) — "], [("H.N.A.",)]),
])
def test_an_agency_in_a_dateline_is_one_outlet_however_its_initials_are_written(tmp_path, db_path, datelines,
                                                                              outlets):
    for number, dateline in enumerate(datelines):
        (tmp_path / f"story{number}.txt").write_text(
            f"Bridge shut as river rises, part {number}\n\n{dateline}{ARTICLE_TEXT} Part {number}.")
    assert ingest_json(tmp_path, "--db", db_path)[1]["stored"] == len(datelines)
    assert rows(db_path, "SELECT name FROM outlets") == outlets
