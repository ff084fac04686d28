"""Applies the SQL files in schema/ in order, each once, through sqlite-utils' Migrations.

The SQL files are the one source of the schema; this module only knows how to run them, so an
old archive.db is upgraded in place by the files it has not seen yet.
"""

import sqlite3
import sys
from functools import cache
from typing import TYPE_CHECKING

from .cjk import add_index_function
from .resources import schema_dir

if TYPE_CHECKING:
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

MIGRATION_SET = "news_archive"


def _statements(script: str):
    """Split a script into statements (triggers keep their inner semicolons)."""
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            if pending.strip():
                yield pending
            pending = ""
    if pending.strip() and not pending.strip().startswith("--"):
        yield pending


def _register(migrations: "Migrations", path):
    # db.executescript() would COMMIT first and break the migration's transaction, so the
    # statements run one by one inside it.
    def apply(db: "Database") -> None:
        for statement in _statements(path.read_text(encoding="utf-8")):
            db.execute(statement)

    migrations(name=path.stem)(apply)


def _store_pass(migration: str, done: str):
    """The data migration named NNNN_PASS: it runs store.PASS over the archive and, when that
    changed rows, says how many (`done` holds "{}" for the count)."""
    function_name = migration.partition("_")[2]  # (0013 and 0014 run the same pass)

    def migrate_data(db: "Database") -> None:
        from . import store  # store imports this module

        changed = getattr(store, function_name)(db.conn)
        if changed:
            print("Upgrading the archive: " + done.format(changed), file=sys.stderr, flush=True)

    return migrate_data


# Migrations that change data, not the schema, and need Python; applied in name order with
# the SQL files.
# 0011: archives made before ingest gave a renamed outlet its name's key (see
# store.merge_outlet_twins) hold outlets twice. A migration, not a command or a check on every
# open: ingest no longer makes twins, so one pass per archive is all it takes; every command
# that opens the archive applies it, in the transaction and under the write lock of the other
# migrations, and the user has nothing to learn or remember.
# 0012: links between texts that ingest no longer takes for one story (store.unlink_false_versions).
# 0013: the texts of edited stories stored before 0009, linked as ingest links them now
# (store.link_versions_stored_unlinked); after 0012, so both judge by today's rule.
# 0014: the same pass again, now that an address and the same address with a trailing slash are
# one (normalise.same_address_key): the edits ingest stored unlinked for that slash alone. It
# reads what 0013 reads (one pass over the address index, the unlinked articles of repeated
# addresses); measured in store.link_versions_stored_unlinked.
# 0016: the same pass again, now that an address where the story's earlier text was seen only as
# a duplicate counts (schema/0015 indexes those addresses): the edits ingest stored unlinked there.
# 0020: the versions of each edited story put in the order the evidence of when each text was
# current gives (store.order_versions_by_evidence), as ingest now links them; until 0019 a story's
# later version was the text ingested later.
_DATA_MIGRATIONS = {name: _store_pass(name, done) for name, done in {
    "0011_merge_outlet_twins":
        "{} outlet row(s) of the same name as another merged into it, with their articles and sources.",
    "0012_unlink_false_versions":
        "{} article(s) no longer linked as an edit of the text stored before them from the same "
        "address (another story under the same heading; both texts kept).",
    "0013_link_versions_stored_unlinked":
        "{} edited text(s), stored before edits were linked, now linked to the text of the same "
        "file or address they replaced (both kept; a search shows the story once).",
    "0014_link_versions_stored_unlinked":
        "{} edited text(s), stored unlinked because its address differed from the earlier text's by a "
        "trailing slash, now linked to it (both kept; a search shows the story once).",
    "0016_link_versions_stored_unlinked":
        "{} edited text(s), stored unlinked because the earlier text was seen at its address only as a "
        "copy of a story stored from elsewhere, now linked to it (both kept; a search shows the story once).",
    "0020_order_versions_by_evidence":
        "{} edited stor(ies), linked in the order their texts were ingested, now in the order their "
        "dates give (every text kept; the later text is the one a search shows).",
}.items()}



def _count_story_places(db: "Database") -> None:
    """0028: the places of every story of an upgraded archive, which 0027 named stale, counted
    into story_place_counts (1.2 s at 323,466 articles, 20,143 stories of 2 to 6 near copies)."""
    from .near_copies import recount_story_places  # (it imports store, which imports this module)

    recount_story_places(db.conn)


_DATA_MIGRATIONS["0028_count_story_places"] = _count_story_places

_schema_files = {path.stem: path for path in schema_dir().glob("*.sql")}
# Every migration this version knows, in the order they apply.
MIGRATION_NAMES = tuple(sorted([*_schema_files, *_DATA_MIGRATIONS]))


@cache
def migration_set() -> "Migrations":
    """The migrations as sqlite-utils applies them. Built, and sqlite-utils imported (about
    25 ms with what it imports: a sixth of re-running an unchanged folder), only when a
    migration is pending: an archive whose schema is current is checked without it
    (pending_migrations)."""
    from . import import_sqlite_utils

    import_sqlite_utils()
    from sqlite_utils.migrations import Migrations

    migrations = Migrations(MIGRATION_SET)
    for name in MIGRATION_NAMES:
        if name in _schema_files:
            _register(migrations, _schema_files[name])
        else:
            migrations(name=name)(_DATA_MIGRATIONS[name])
    return migrations


@cache
def _reindexing() -> set[str]:
    """The migrations that rebuild the full-text index, which read and index every article
    again: 59 s at 98,074 articles, 1,189 s at 980,069 (schema/0007, a loaded 2-core machine);
    287 s at 980,069 (schema/0008, the same machine idle and faster that day). A user whose
    ingest or server sits silent that long would think it hung, so it is announced. (Each SQL
    file read when a migration is pending, not on every start.)"""
    return {name for name, path in _schema_files.items() if "('rebuild')" in path.read_text(encoding="utf-8")}


def applied_migrations(conn: sqlite3.Connection) -> list[str]:
    """The names of the migrations applied to the archive, in the order they were applied (what
    sqlite-utils' Migrations.applied reads, read with plain sqlite3)."""
    if conn.execute("SELECT 1 FROM sqlite_master WHERE name = '_sqlite_migrations' AND type = 'table'").fetchone() is None:
        return []
    return [name for (name,) in conn.execute(
        "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY rowid", (MIGRATION_SET,))]


def pending_migrations(conn: sqlite3.Connection) -> list[str]:
    """The names of the migrations this version knows that the archive has not had, in order."""
    applied = set(applied_migrations(conn))
    return [name for name in MIGRATION_NAMES if name not in applied]


class NewerArchive(sqlite3.DatabaseError):
    """An archive upgraded by a later version of news-archive than this one."""


def refuse_a_newer_archive(db: "Database | sqlite3.Connection") -> None:
    """Raise NewerArchive when the archive holds migrations this version does not know: a
    later version upgraded it (a laptop's newer install, then cron's older one). This code
    would write rows without what the newer schema keeps in step (its columns, the tables its
    triggers fill) and read tables whose meaning changed; it went on, and said nothing."""
    known = set(MIGRATION_NAMES)
    unknown = [name for name in applied_migrations(getattr(db, "conn", db)) if name not in known]
    if unknown:
        raise NewerArchive(f"it was upgraded by a newer version of news-archive than this one (its schema "
                           f"has {', '.join(unknown)}, which this version does not know)")


def migrate(db: "Database | sqlite3.Connection") -> None:
    """Apply the pending migrations, all in one transaction that holds the write lock.

    Two commands opening one new (or old) archive at once (an ingest and a serve started
    together, two cron jobs) both found the same migrations pending and both applied them:
    one failed with "index ... already exists", or saw the other's half-made schema and
    called the file "another program's database". Under the lock, the second waits, then
    finds nothing left to do; and no other connection ever sees a schema half made.

    An archive a newer version upgraded raises NewerArchive, before anything is written.

    `db` may be a plain connection: sqlite-utils is then imported only if a migration is
    pending."""
    conn = getattr(db, "conn", db)
    refuse_a_newer_archive(conn)
    if not pending_migrations(conn):
        return
    add_index_function(conn)  # (schema/0021 re-indexes every article through it)
    if isinstance(db, sqlite3.Connection):
        from . import import_sqlite_utils

        # (Database() sets recursive_triggers, on already, and runs sqlite-utils' plugins on
        # the connection, as the Database that open_database opened before did.)
        db = import_sqlite_utils().Database(conn)
    pending = [name for name in pending_migrations(conn) if name in _reindexing()]
    if pending and conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'articles' AND type = 'table'").fetchone():
        articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        if articles:
            print(f"Upgrading the archive ({', '.join(pending)}): re-indexing {articles:,} articles "
                  "for search, once (5 to 20 minutes a million articles on 2 cores)...",
                  file=sys.stderr, flush=True)
    db.conn.execute("BEGIN IMMEDIATE")  # waits (busy_timeout) while another command migrates
    try:
        migration_set().apply(db)  # each migration a savepoint within; none if the other did them
        db.conn.execute("COMMIT")
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise
