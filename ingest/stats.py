"""Counts that describe an archive, for `news-archive stats`."""

import json
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from .read import ARCHIVE_COMPANIONS, archive_files
from .search import add_query_functions

if TYPE_CHECKING:
    from sqlite_utils import Database


def archive_stats(db: "Database | sqlite3.Connection") -> dict:
    # (same_address_key, as the syndication query has it, for the stories a write left stale;
    # normalise, slow to import for courlan, is imported only when a story was seen twice)
    add_query_functions(getattr(db, "conn", db))
    one = lambda sql: db.execute(sql).fetchone()[0]  # noqa: E731
    first, last = db.execute(
        "SELECT min(substr(published, 1, 10)), max(substr(published, 1, 10)) FROM articles"
    ).fetchone()
    return {
        "articles": one("SELECT count(*) FROM articles"),
        "sources": one("SELECT count(*) FROM sources"),
        "duplicates": one("SELECT count(*) FROM sources WHERE status = 'duplicate'"),
        # Stories seen at two or more places (outlet, address, day): as the syndication query
        # counts them, so a folder moved and ingested again does not make every story one (nor a
        # copy naming neither outlet nor address, a text clipping). A story is an article and
        # the edited copies near_copy_stories links to it (schema/0026), counted once. Read from
        # the counts kept (schema/0027), the stale ones counted from scratch: counting every
        # story's places here took 1.5 s (7 ms now) at 323,466 articles with 20,143 near-copy stories.
        "syndicated_articles": one(
            "SELECT (SELECT count(*) FROM story_place_counts WHERE story_id NOT IN "
            "(SELECT story_id FROM story_place_counts_stale)) + (SELECT count(*) FROM stale_story_place_counts)"
        ),
        # Inputs failing now: a failed file since mended and ingested again from the same place
        # keeps its failed row as history (sources), but is no longer a failure to see to. Mended
        # by new bytes (a later row), or by bytes it held before (restored from a backup: its
        # earlier row, seen again since the failure). One failing with other bytes since is
        # counted by its latest failure only: a file edited and failing still is one failure.
        # A file of several inputs (records, feed items, captured pages, mails) that failed as a
        # whole, at its path (named before it was there, cut short), is mended by its inputs read
        # since, at PATH#1, PATH#2...: the range of locations after "PATH#" and before "PATH$" ("$"
        # follows "#"), read from the index of locations. Later by when each was last seen, not by
        # id: a failure read again keeps its row, and its first id, and a row stored in between
        # mended an input failing now ("failed 0" of an export gone since its records were read).
        # (and not the archive itself: see _failed_as_an_input)
        "failed": db.execute(
            "SELECT count(*) FROM sources AS failure WHERE status = 'failed' AND NOT EXISTS ("
            "SELECT 1 FROM sources AS later WHERE (later.location = failure.location "
            "OR (later.location > failure.location || '#' AND later.location < failure.location || '$')) "
            "AND later.id != failure.id "
            "AND (later.last_seen > failure.last_seen "
            "OR (later.last_seen = failure.last_seen AND later.id > failure.id))) "
            "AND failure.location NOT IN (SELECT value FROM json_each(?))", (json.dumps(_failed_as_an_input(db)),)
        ).fetchone()[0],
        # articles that are an edited text of an earlier one (schema/0009), kept beside it
        "new_versions": one("SELECT count(*) FROM articles WHERE previous_version IS NOT NULL"),
        "outlets": one("SELECT count(*) FROM outlets"),
        "authors": one("SELECT count(*) FROM authors"),
        "languages": one("SELECT count(DISTINCT language) FROM articles"),
        "published_first": first,
        "published_last": last,
        "articles_without_date": one("SELECT count(*) FROM articles WHERE published IS NULL"),
        "articles_without_author": one("SELECT count(*) FROM articles WHERE authors = '[]'"),
        "ingest_runs": one("SELECT count(*) FROM ingest_runs"),
    }


def _failed_as_an_input(db: "Database | sqlite3.Connection") -> list[str]:
    """The locations of failures that are the archive itself, or its -wal or -shm: before the
    archive was left out of the inputs (aaa1b49), `ingest *` in its folder read it and recorded
    it failed ("binary file"). It is never read again, so no later reading mends those rows, and
    `stats` counted them failing for good. Told by the file, not the name, as ingest tells it: a
    location may name it through a link, and another folder's archive.db is another file."""
    main = next((path for _, name, path in db.execute("PRAGMA database_list") if name == "main"), "")
    if not main:  # (in memory)
        return []
    names = tuple(Path(main).name + companion for companion in ARCHIVE_COMPANIONS)
    archive = archive_files(main)
    found = []
    for (location,) in db.execute("SELECT DISTINCT location FROM sources WHERE status = 'failed' AND ("
                                  + " OR ".join(["location LIKE ?"] * len(names)) + ")",
                                  tuple("%/" + name for name in names)):
        try:
            status = Path(location).stat()
        except OSError:
            continue
        if (status.st_dev, status.st_ino) in archive:
            found.append(location)
    return found
