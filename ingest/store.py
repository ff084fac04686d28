"""Store stage: the only code that writes the database.

Outlets and authors are upserted by key, an article is inserted or, when its content hash is
already stored, the input is recorded as one more sighting of it. Each batch of inputs is one
transaction, so a run killed at any moment leaves whole batches or nothing of them.
"""

import json
import os
import re
import sqlite3
import time
from bisect import bisect_left
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import cache, cached_property
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote, urlsplit

from . import __version__, import_sqlite_utils
from .cjk import add_index_function
from .migrations import MIGRATION_SET, migrate, pending_migrations, refuse_a_newer_archive
from .record import BAD_SIDECAR, Article, Outcome

if TYPE_CHECKING:
    from sqlite_utils import Database

BUSY_TIMEOUT_MS = 60_000
STORED, DUPLICATE, UNCHANGED, FAILED = "stored", "duplicate", "unchanged", "failed"
NEW_OUTLET = object()  # Archive.known_outlet_id: an outlet the archive does not hold yet
PROVENANCE_FIELDS = ("title", "authors", "published", "updated", "outlet")


@cache
def extractor() -> str:
    """The code that decides what a source holds, recorded with each source (read from the
    installed package metadata: importing trafilatura to ask would cost 0.3 s)."""
    return f"news-archive {__version__}; trafilatura {installed_version('trafilatura') or '?'}"


def installed_version(distribution: str) -> str | None:
    """What importlib.metadata.version(distribution) says (None for a distribution not
    installed), without importing importlib.metadata where it can: that import (with the email
    parser, zipfile and csv it brings) was 11 ms of the 0.1 s a re-run of an unchanged folder
    takes, only to read one line of one file.

    It looks where importlib.metadata looks first, the way it looks: the folders of sys.path in
    order, for a NAME-VERSION.dist-info whose NAME normalises to the distribution's, and reads
    the Version field of its METADATA. Anything less plain (another finder of distributions,
    an .egg-info, two candidates in one folder, a zip) is left to importlib.metadata itself."""
    import sys
    from importlib.machinery import PathFinder

    if any(getattr(finder, "find_distributions", None) is not None and finder is not PathFinder
           for finder in sys.meta_path):
        return _version_from_importlib(distribution)
    wanted = _normalised_distribution(distribution)
    for folder in sys.path:
        if not isinstance(folder, str) or folder.lower().endswith(".egg"):  # (an egg's egg-info is
            return _version_from_importlib(distribution)                    # found by the egg's name)
        try:
            children = os.listdir(folder or ".")
        except OSError:
            if os.path.isfile(folder):  # a zip: importlib.metadata reads those
                return _version_from_importlib(distribution)
            continue
        found = [child for child in children if child.lower().endswith((".dist-info", ".egg-info"))
                 and _normalised_distribution(child.lower().rpartition(".")[0].partition("-")[0]) == wanted]
        if not found:
            continue
        if len(found) > 1 or not found[0].lower().endswith(".dist-info"):
            return _version_from_importlib(distribution)
        try:
            with open(os.path.join(folder or ".", found[0], "METADATA"), encoding="utf-8") as metadata:
                for line in metadata:
                    if line in ("\n", "\r\n"):  # the end of the header fields
                        break
                    field_name, colon, value = line.partition(":")
                    if colon and field_name.lower() == "version":
                        return value.lstrip(" \t").rstrip("\r\n")  # (as the email parser reads a field)
        except (OSError, UnicodeDecodeError):
            pass
        return _version_from_importlib(distribution)
    return None


def _normalised_distribution(name: str) -> str:
    """A distribution's name as importlib.metadata compares it (PEP 503, "-" and "." as "_")."""
    return re.sub(r"[-_.]+", "-", name).lower().replace("-", "_")


def _version_from_importlib(distribution: str) -> str | None:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(distribution)
    except PackageNotFoundError:
        return None


# A file modified less than this before a run read it may change again without its time
# changing (FAT keeps times to 2 s; ext4 and APFS to the nanosecond): it is read again next time.
RACY_NS = 2_000_000_000
# The sources of one file: the file itself, or its records "PATH#1", "PATH#2", ... ("$" sorts
# right after "#"), so the (location, raw_sha256) index finds them as one range.
_OF_FILE = "(location = ? OR (location > ? AND location < ?))"


# What unchanged_file judges a file by, for the files of a piece at once: its input_files row,
# when the run that last read or skipped it started, and how many of the sources it gave (of
# them, failed) were seen by that run or since (_OF_FILE for each path; the location index is
# searched for each, as for one).
_FILE_RECORDS = (
    "SELECT input_files.path, input_files.size, input_files.mtime_ns, input_files.sources, "
    "input_files.read_at_ns, input_files.extractor, ingest_runs.started, "
    "count(seen.id), count(seen.id) FILTER (WHERE seen.status = 'failed'), "
    "EXISTS (SELECT 1 FROM input_file_sidecars WHERE input_file_sidecars.path = input_files.path) "
    "FROM input_files JOIN ingest_runs ON ingest_runs.id = input_files.last_run_id "
    "LEFT JOIN sources AS seen ON (seen.location = input_files.path OR (seen.location > input_files.path || '#' "
    "AND seen.location < input_files.path || '$')) AND seen.last_seen >= ingest_runs.started "
    "WHERE input_files.path IN ({}) GROUP BY input_files.path")
FILE_PIECE = 500  # files a _FILE_RECORDS query (under SQLite's limit on parameters)


def _file_range(path) -> tuple[str, str, str]:
    location = str(path)
    return location, location + "#", location + "$"


def _record_number(location: str) -> bool:
    """Whether a location is a record of a file ("PATH#12"), not a file of its own."""
    return location.rpartition("#")[2].isdigit()


def utc_now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class NotAnArchive(sqlite3.DatabaseError):
    """An SQLite file of another program: its tables are not an archive's."""


def open_database(path: str | Path) -> "Database":
    """Open (creating if needed) and upgrade an archive, as a sqlite-utils Database.

    A file that is no SQLite database raises sqlite3.DatabaseError, and another program's
    database NotAnArchive, before anything is written to either: the migrations would add our
    tables to someone's other data."""
    return as_database(open_connection(path))


def as_database(conn: sqlite3.Connection) -> "Database":
    """A sqlite-utils Database on the connection (sqlite-utils imported now, if not yet)."""
    return import_sqlite_utils().Database(conn)


def _connect(path: str | Path) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path))
    add_index_function(conn)  # the search index's triggers call it on every write of an article
    return conn


def open_connection(path: str | Path, reading_only: bool = False) -> sqlite3.Connection:
    """open_database's archive as a plain sqlite3 connection, for the code that needs no more
    (ingest): sqlite-utils is then imported only to apply a pending migration. A re-run of an
    unchanged folder spent a sixth of its time importing it.

    The connection is the one sqlite-utils' Database made of the file: its defaults, with
    recursive triggers on (which sqlite-utils sets, and the schema's triggers were written
    under: a row an INSERT OR REPLACE deletes fires its DELETE triggers only with them on).

    reading_only: for a command that only reads (see _recount_stale_story_places)."""
    made_here = not os.path.lexists(path)
    conn = _connect(path)
    try:
        conn.execute("PRAGMA recursive_triggers = on")
        # A writer waits this long for another (a second ingest, optimize) to finish a batch. Set
        # first: the look at the tables below, and switching a new file to WAL, wait for the lock
        # too (set after either, a command started beside another on a new archive failed at once
        # with "database is locked", or said it had waited 60 s).
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        refuse_another_programs_database(conn, new_file_allowed=True)
        # WAL: readers (Datasette) never block the writer and a killed writer leaves no torn page.
        _switch_to_wal(conn)
        conn.execute("PRAGMA foreign_keys = ON")
        migrate(conn)
        _recount_stale_story_places(conn, wait=not reading_only)
    except sqlite3.DatabaseError as error:
        conn.close()
        if made_here and getattr(error, "sqlite_errorname", "").startswith(DISK_ERRORS):
            _remove_archive_not_made(path)
        raise
    return conn


def _recount_stale_story_places(conn: sqlite3.Connection, wait: bool) -> None:
    """Count again the stories a write without the address function left stale (the sqlite3
    shell, a script: schema/0027). A writer waits for the write lock, as for its own writes. A
    reader (search, stats, serve) counts them only if it can write at once, and else leaves
    them to the next writer, its answers right all the same (the queries count stale stories
    from scratch): when it waited, `search` beside an ingest holding the lock waited 60 s and
    failed, and on an archive file it may not write it failed ("attempt to write a readonly
    database"); it did neither before the counts were kept."""
    if conn.execute("SELECT 1 FROM story_place_counts_stale LIMIT 1").fetchone() is None:
        return
    if wait:
        conn.execute("BEGIN IMMEDIATE")
        with conn:
            _recount_story_places(conn)
        return
    conn.execute("PRAGMA busy_timeout = 0")  # tried once: a busy archive answers at once
    try:
        conn.execute("BEGIN IMMEDIATE")
        with conn:  # (rolled back if the write fails)
            _recount_story_places(conn)
    except sqlite3.OperationalError as error:
        if not getattr(error, "sqlite_errorname", "").startswith(("SQLITE_BUSY", "SQLITE_LOCKED", "SQLITE_READONLY")):
            raise
    finally:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")


def _recount_story_places(conn: sqlite3.Connection) -> None:
    from .near_copies import recount_story_places  # (it imports this module)

    recount_story_places(conn)


# What a disk that is full (or failing) answers: an archive it stopped being made is removed.
DISK_ERRORS = ("SQLITE_FULL", "SQLITE_IOERR")


def _remove_archive_not_made(path: str | Path) -> None:
    """Remove the file (and its -wal and -shm) a command began an archive in and its disk stopped:
    the 4 KB left behind was an archive to the next command, which said, of a disk still full,
    that every batch written before was kept, and `search` and `stats` on it answered as from an
    empty archive where they say there is none. Only on the disk's errors: one that another
    command holds locked may be that command's new archive."""
    for companion in ("", "-wal", "-shm", "-journal"):
        try:
            os.remove(f"{os.fspath(path)}{companion}")
        except OSError:
            pass


class ArchiveNeedsUpgrade(sqlite3.DatabaseError):
    """A read-only archive made by an older version: it must be upgraded once before it is read."""


def on_read_only_disk(path: str | Path) -> bool:
    """Whether the archive is a file that exists where nothing may be written beside it: a DVD,
    a backup snapshot, a share or a colleague's folder mounted read-only. SQLite cannot open a
    WAL archive there even to read it ("unable to open database file"), since it makes a -shm
    file beside it; such an archive is opened immutable (see read_only_uri)."""
    path = Path(path)
    if not path.is_file():
        return False
    folder_writable = os.access(path.resolve().parent, os.W_OK)
    wal = Path(f"{path}-wal")
    # An archive whose -wal holds writes not yet merged into it is not read immutable: SQLite
    # would read the file without them.
    return not folder_writable and not (wal.exists() and wal.stat().st_size)


def read_only_uri(path: str | Path) -> str:
    """The URI that opens the archive for reading only: immutable on a read-only disk (nothing
    can change it there), else mode=ro (a running ingest's writes are seen)."""
    resolved = Path(path).resolve()
    return f"file:{quote(str(resolved))}?mode=ro" + ("&immutable=1" if on_read_only_disk(path) else "")


def open_for_reading(path: str | Path) -> "Database":
    """The archive for a command that only reads it (search, stats): as open_database opens it
    (upgraded if an older version made it), or, on a read-only disk, as it is. There search and
    stats failed with "cannot open or create the archive ... may you write in ...?", though
    they write nothing."""
    return as_database(open_connection_for_reading(path))


def open_connection_for_reading(path: str | Path) -> sqlite3.Connection:
    """open_for_reading's archive as a plain sqlite3 connection (see open_connection): the
    search and stats commands need no more."""
    if not on_read_only_disk(path):
        return open_connection(path, reading_only=True)
    conn = sqlite3.connect(read_only_uri(path), uri=True)
    try:
        refuse_another_programs_database(conn, new_file_allowed=False)
        refuse_a_newer_archive(conn)
        if pending_migrations(conn):
            raise ArchiveNeedsUpgrade(
                f"it was made by an older version of news-archive and must be upgraded once (by any "
                f"command) where it can be written: {', '.join(pending_migrations(conn))} "
                f"pending")
    except sqlite3.DatabaseError:
        conn.close()
        raise
    return conn


def refuse_another_programs_database(conn: sqlite3.Connection, new_file_allowed: bool) -> None:
    """Raise NotAnArchive for an SQLite file whose tables are not an archive's (every archive
    has had `articles` since the first schema); a file with no table at all is a new archive
    where one may be made."""
    tables = sorted(row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"))
    if "articles" not in tables and (tables or not new_file_allowed):
        shown = ", ".join(tables[:5]) + (", ..." if len(tables) > 5 else "")
        raise NotAnArchive(f"it is another program's database (its tables: {shown})")


def _switch_to_wal(conn: sqlite3.Connection) -> None:
    """PRAGMA journal_mode = wal, retried while another connection holds the file: SQLite
    answers "database is locked" at once, without waiting busy_timeout, when the switch meets
    another connection's lock (two commands started together on a new archive: about one run
    in ten of four at once failed so). Once any of them has switched, the file stays WAL."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            conn.execute("PRAGMA journal_mode = wal")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def optimize(db: "Database") -> dict:
    """Merge the full-text index into one segment and refresh the query planner's statistics.

    The writer commits a batch at a time and FTS5 keeps each commit's terms as a segment,
    merged lazily: after a bulk ingest a word's list is spread over a few dozen segments and
    a query reads all of them. One segment made a common word's count 34 -> 23 ms at 656k
    articles (benchmarks/README.md). It rewrites the whole index (172 s at 980,069 articles)
    and holds the write lock meanwhile, so it is a command of its own, run after a bulk ingest.
    """
    def index_pages() -> int:  # FTS5 stores its index as blobs of about a page each
        return db.execute("SELECT count(*) FROM articles_fts_data").fetchone()[0]

    started, before = time.perf_counter(), index_pages()
    with db.conn:
        db.execute("INSERT INTO articles_fts(articles_fts) VALUES ('optimize')")
    db.execute("PRAGMA optimize")
    return {"index_pages_before": before, "index_pages_after": index_pages(),
            "seconds": round(time.perf_counter() - started, 3)}


def merge_outlet_twins(conn: sqlite3.Connection) -> int:
    """Make each outlet held as several rows whose names share one key (as outlet_key gives
    it) one row again, and return how many rows were merged away.

    Why: before ingest gave a renamed outlet its name's key (a row first named by its domain,
    renamed when a page of that domain named it), a later run made a second row of the same
    name. Both then show in the outlet facet and lists, each with part of its articles, and a
    search within the outlet found only one part. The row kept is the one ingest finds by its
    name (its key is the name's key), else the first made; it takes the others' domain if it has
    none. Every reference moves to it: articles (whose triggers update article_facets, its log
    and the search index's outlet word), sources, and article_facets itself. Nothing else holds
    an outlet's id (article_revisions keeps names). Run again, it finds nothing to do."""
    from .normalise import outlet_key  # not at the top: see Archive._author_id

    by_key: dict[str, list[tuple]] = {}
    for row in conn.execute("SELECT id, name, domain, key FROM outlets ORDER BY id"):
        name_key = outlet_key(row[1]) if row[1] else ""
        if name_key:
            by_key.setdefault(name_key, []).append(row)
    twins = {name_key: rows for name_key, rows in by_key.items() if len(rows) > 1}
    if not twins:
        return 0
    moves, kept_rows = [], []  # (twin id, id of the row kept); (kept id, its domain, its key)
    for name_key, rows in twins.items():
        kept = next((row for row in rows if row[3] == name_key), rows[0])
        moves.extend((row[0], kept[0]) for row in rows if row[0] != kept[0])
        kept_rows.append((kept[0], kept[2] or next((row[2] for row in rows if row[2]), None), name_key))
    conn.execute("CREATE TEMP TABLE outlet_moves (twin INTEGER PRIMARY KEY, kept INTEGER NOT NULL)")
    conn.executemany("INSERT INTO outlet_moves VALUES (?, ?)", moves)
    for table in ("articles", "sources", "article_facets"):
        # One pass over each table (sources has no index on outlet_id).
        conn.execute(f"UPDATE {table} SET outlet_id = (SELECT kept FROM outlet_moves WHERE twin = outlet_id) "
                     f"WHERE outlet_id IN (SELECT twin FROM outlet_moves)")
    conn.execute("DELETE FROM outlets WHERE id IN (SELECT twin FROM outlet_moves)")
    conn.execute("DROP TABLE outlet_moves")
    # The name's key moves to the kept row once its twins are gone, unless another outlet holds it
    # (keys are unique; a renamed row keeps its domain's key, which may be another name's key).
    conn.executemany("UPDATE outlets SET domain = ? WHERE id = ?",
                     [(domain, outlet_id) for outlet_id, domain, _ in kept_rows])
    conn.executemany("UPDATE OR IGNORE outlets SET key = ? WHERE id = ?",
                     [(key, outlet_id) for outlet_id, _, key in kept_rows])
    return len(moves)


def unlink_false_versions(conn: sqlite3.Connection) -> int:
    """Clear the previous_version of each article whose text is not evidently an edit of the
    one it names (same_story_texts), and return how many.

    Why: until the heading alone stopped counting, a page that carries another story each day
    under one address and heading (a daily briefing, a live page) was linked day after day as
    versions of one story; the search shows an edited story once, so such a link would hide
    one day's news behind the next. Both texts are kept as they are: only the link goes, and
    ingest would not make it now. Links that pass are left alone, so running it again changes
    nothing."""
    false = [later_id for later_id, earlier_title, earlier_body, later_title, later_body in conn.execute(
        "SELECT later.id, earlier.title, earlier.body, later.title, later.body FROM articles AS later "
        "JOIN articles AS earlier ON earlier.id = later.previous_version "
        "WHERE later.previous_version IS NOT NULL")
        if not same_story_texts((earlier_title, earlier_body), (later_title, later_body))]
    conn.executemany("UPDATE articles SET previous_version = NULL WHERE id = ?", [(i,) for i in false])
    return len(false)


def link_versions_stored_unlinked(conn: sqlite3.Connection) -> int:
    """Link each article stored without a link to the text it replaced, as ingest links a new
    text (Archive._link_versions) - the article stored before it from the same file or else
    the latest from the same address and outlet, when same_story_texts agrees - and return
    how many were linked.

    Why: an archive made before schema/0009 holds every text of an edited story unlinked, and
    searches show an edited story once only through the link: its texts stayed one hit each.
    What ingest found at the time is read back from what it left: the file's earlier texts are
    its sources of lower id (ids are given in the order things are stored), the address's are
    the articles of lower id. Only articles with no link are looked at; one the writer has
    judged since 0009 is judged the same way again, so running it twice changes nothing.

    Cheap on a big archive: only files that gave more than one text and addresses held by more
    than one article are read, and only their texts compared. Measured on a copy of the
    980,069-article benchmark archive (2 cores): 1.1 s to open and upgrade it (no edits in it);
    with 15,000 edits planted in it, 19.4 s, of which 18 s comparing the texts (same_story_texts,
    what ingest pays for each edit it stores). Grouping the addresses by same_address_key (0014),
    on a generated 1,000,000-article archive with 5,000 slash edits planted: 7.4 s linking 4,982
    of them, 3.3 s with none left to link (1.4 s of it the grouping, 0.6 s by the bare address)."""
    files = [location for (location,) in conn.execute(
        "SELECT location FROM sources WHERE status != 'failed' AND article_id IS NOT NULL "
        "GROUP BY location HAVING min(article_id) != max(article_id)") if not _record_number(location)]
    from .normalise import same_address_forms, same_address_key, sql_same_address_key  # (see Archive._author_id)

    # The address as ingest compares it: articles.url (as normalise.canonical_url left it:
    # tracking parameters gone), by its same_address_key (a trailing slash aside).
    conn.create_function("same_address_key", 1, sql_same_address_key, deterministic=True)
    addresses = [url for (url,) in conn.execute(
        "SELECT same_address_key(url) AS address FROM articles WHERE url IS NOT NULL GROUP BY address "
        "HAVING count(*) > 1") if _names_one_page(url)]
    # and the addresses where a story's text was seen only as a duplicate (0015: ingest links an
    # edit stored at such an address to that text, as it does to an article stored there); an
    # edit an older version stored there was left unlinked
    addresses = list({*addresses, *(url for (url,) in conn.execute(
        "SELECT DISTINCT same_address_key(url) FROM sources WHERE status = 'duplicate' AND url IS NOT NULL")
        if _names_one_page(url))})
    from_file: dict[str, tuple[list, list]] = {}  # location -> (its source ids, their articles), in order
    for location, source_id, article_id in _in_pieces(
            conn, "SELECT location, id, article_id FROM sources WHERE location IN ({}) "
            "AND status != 'failed' AND article_id IS NOT NULL ORDER BY id", files):
        ids, articles = from_file.setdefault(location, ([], []))
        ids.append(source_id)
        articles.append(article_id)
    # address -> (article id, outlet id, None) of the articles stored from it, and (article id, the
    # copy's outlet id, source id) of the duplicates seen there, in id order
    from_address: dict[str, list[tuple]] = {}
    forms = [form for address in addresses for form in set(same_address_forms(address))]
    for url, article_id, outlet_id, seen_as in sorted(  # (in id order across the pieces)
            _in_pieces(conn, "SELECT url, id, outlet_id, NULL FROM articles WHERE url IN ({})", forms)
            + _in_pieces(conn, "SELECT url, article_id, outlet_id, id FROM sources "
                               "WHERE status = 'duplicate' AND article_id IS NOT NULL AND url IN ({})", forms),
            key=lambda row: (row[1], row[3] is None)):
        from_address.setdefault(same_address_key(url), []).append((article_id, outlet_id, seen_as))
    candidates = sorted({a for _, articles in from_file.values() for a in articles}
                        | {a for entries in from_address.values() for a, _, seen_as in entries if seen_as is None})
    # Where each was stored from: its first source (the one that stored it).
    stored_from = {article_id: (source_id, location) for article_id, source_id, location in _in_pieces(
        conn, "SELECT article_id, min(id), location FROM sources WHERE article_id IN ({}) "
        "AND status != 'failed' GROUP BY article_id", candidates)}
    pairs = []  # (earlier, later)
    for article_id, url, outlet_id in _in_pieces(
            conn, "SELECT id, url, outlet_id FROM articles WHERE id IN ({}) AND previous_version IS NULL "
            "ORDER BY id", candidates):
        earlier = None
        source_id, location = stored_from.get(article_id, (None, None))
        if location in from_file:  # the file's last text stored or seen before this one
            ids, articles = from_file[location]
            before = bisect_left(ids, source_id)
            earlier = articles[before - 1] if before else None
        if earlier is None and url is not None and same_address_key(url) in from_address:
            # the latest article stored from the address before this one, or copy seen there
            # before this one was read (ingest's order: an article over a copy of the same story)
            before = [(earlier_id, earlier_outlet) for earlier_id, earlier_outlet, seen_as
                      in from_address[same_address_key(url)]
                      if earlier_id < article_id and (seen_as is None or source_id is None or seen_as < source_id)]
            if before:
                earlier, earlier_outlet = before[-1]
                if outlet_id is not None and earlier_outlet is not None and earlier_outlet != outlet_id:
                    earlier = None  # another outlet's copy under the original's address
        if earlier is not None and earlier < article_id:
            pairs.append((earlier, article_id))
    linked = 0
    for at in range(0, len(pairs), 500):  # the texts of 500 pairs at a time in memory
        part = pairs[at:at + 500]
        texts = {article_id: (title, body) for article_id, title, body in _in_pieces(
            conn, "SELECT id, title, body FROM articles WHERE id IN ({})", list({i for pair in part for i in pair}))}
        links = [(earlier, later) for earlier, later in part
                 if same_story_texts(texts[earlier], texts[later])]
        conn.executemany("UPDATE articles SET previous_version = ? WHERE id = ? AND previous_version IS NULL", links)
        linked += len(links)
    return linked


def order_versions_by_evidence(conn: sqlite3.Connection) -> int:
    """Put the versions of each edited story in the order the evidence of when each text was
    current gives (place_in_story), as ingest now links a new text, and return how many
    stories changed order.

    Why: until schema/0019 the later version of a story was the text ingested later, so a later
    crawl ingested before an earlier one (a JSON Lines export in any order, an older copy added
    after a feed was refreshed) made the older text the story's latest: its search hit, the
    text "replaced by a later version" pointed from. Each story's texts are placed again one by
    one in the order they were stored (their ids), as ingest would place them now; a story the
    evidence says nothing new of comes out as it was. Only the links change, every text is kept.
    A story whose links fork (two texts naming one as the text they replaced) is left as it is.
    Running it again changes nothing: the same texts in the same id order are placed the same.

    An archive made before 0019 holds no capture time: its texts are ordered by their own update
    (or publication) dates. The links are read from their own small index, the dates of the
    linked texts only: 0.9 s at 294,002 articles with 5,653 edited stories all in order, 14.3 s
    putting 2,848 of them in order (most of it rewriting their rows; benchmarks/README, stop 30)."""
    previous_of, later_of = {}, {}
    for article_id, previous in conn.execute(
            "SELECT id, previous_version FROM articles WHERE previous_version IS NOT NULL"):
        previous_of[article_id] = previous
        later_of.setdefault(previous, []).append(article_id)
    stories = []
    for earliest in later_of:
        if earliest in previous_of:
            continue
        story = [earliest]
        while len(later_of.get(story[-1], ())) == 1:
            story.append(later_of[story[-1]][0])
        if story[-1] not in later_of:  # (not forked)
            stories.append(story)
    evidence = {article_id: tuple(rest) for article_id, *rest in _in_pieces(
        conn, "SELECT id, captured, updated, published FROM articles WHERE id IN ({})",
        [article_id for story in stories for article_id in story])}
    relinks, reordered = [], 0
    # (a link to a text deleted by hand with foreign keys off names no row: left as it is)
    for story in (story for story in stories if all(article_id in evidence for article_id in story)):
        placed: list[int] = []
        for article_id in sorted(story):
            placed.insert(place_in_story(placed, evidence, article_id), article_id)
        if placed != story:
            reordered += 1
            relinks += [(placed[at - 1] if at else None, article_id) for at, article_id in enumerate(placed)
                        if previous_of.get(article_id) != (placed[at - 1] if at else None)]
    conn.executemany("UPDATE articles SET previous_version = ? WHERE id = ?", relinks)
    return reordered


# The fields of an article that `reparse` (and a corrected sidecar) revise, in the order a summary
# lists them; the first five have a provenance column (<field>_source) in articles.
REVISED_FIELDS = ("title", "authors", "published", "updated", "outlet", "description", "language", "url")
REVISED_WITH_SOURCE = ("title", "authors", "published", "updated", "outlet")
# Of those, the values only a sidecar gives (no command-line option does), so a stored one whose
# source is "override" came from the file's sidecar (Archive.given_changes).
SIDECAR_ONLY_FIELDS = ("title", "authors", "published", "updated")
# An article's stored values of REVISED_FIELDS, their sources, its content hash and outlet id.
STORED_FIELDS_SQL = """
SELECT articles.title, articles.authors, articles.published, articles.updated, outlets.name,
       articles.description, articles.language, articles.url,
       articles.title_source, articles.authors_source, articles.published_source,
       articles.updated_source, articles.outlet_source,
       articles.content_hash, articles.outlet_id
FROM articles LEFT JOIN outlets ON outlets.id = articles.outlet_id
WHERE articles.id = ?
"""


# The fields a copy of a stored story (a duplicate: the same text from another file or outlet)
# gives its article when the article lacks them. Why: an article took its metadata from its first
# copy only, so a story first stored from an undated clipping stayed undated (and out of every
# `search --since`) however many dated copies came later. A value already stored is never
# replaced: changing one is what `reparse` and a corrected sidecar do, each by its own rules.
# The outlet is not among them: the article's outlet says where the copy that stored it ran, and
# an outlet-less clipping of an agency story is not the paper that ran a later copy (each copy's
# outlet is kept in its sources row, which the syndication view reads). For the same reason an
# address is taken only from a copy at the article's own outlet (or from an outlet-less copy of
# an outlet-less article): another outlet's address names that outlet's page, not this copy's.
FILLED_FROM_COPIES = ("title", "authors", "published", "updated", "description", "language", "url")
# For each stored text of a batch: its id, outlet id, date, and whether each of FILLED_FROM_COPIES
# is empty (1) - read with the ids the batch looks up anyway, so a duplicate of an article lacking
# nothing (nearly all of them) costs no query more.
# Then whether it lost its byline rows and its stored source (see _restore_lost_rows): asked
# here, 20,000 stored texts met again cost 0.05 -> 0.13 s of this query; asked in a query of
# their own, the run of 20,000 duplicates took 5.0-5.5 -> 5.7-6.1 s.
_STORED_AND_LACKING_SQL = ("SELECT content_hash, id, outlet_id, published, " + ", ".join(
    f"coalesce({name}, '') IN ('', '[]')" for name in FILLED_FROM_COPIES)
    + ", coalesce(authors, '') NOT IN ('', '[]') AND NOT EXISTS (SELECT 1 FROM article_authors "
    "WHERE article_id = articles.id), NOT EXISTS (SELECT 1 FROM sources WHERE article_id = articles.id "
    "AND status = 'stored') FROM articles WHERE content_hash IN ({})")


def updated_before_published(updated: str, published: str | None) -> bool:
    """Whether an update date is before a publication date, by the day (or as much of it as the
    shorter gives: "2024-03" is not before "2024-03-05"). A copy of a story at another paper, or
    dated otherwise, carries its own update: an article dated the 5th was given an update of
    the 2nd by a copy dated the 1st, an update before it was published."""
    if not published:
        return False
    size = min(len(updated), len(published), 10)
    return updated[:size] < published[:size]


def stored_values(stored: tuple) -> tuple[dict, dict]:
    """A STORED_FIELDS_SQL row as (field -> its stored value, field -> the signal it came from)."""
    return dict(zip(REVISED_FIELDS, stored[:8])), dict(zip(REVISED_WITH_SOURCE, stored[8:13]))


def field_text(name: str, value) -> str | None:
    """A field's value as the articles table holds it (the authors as a JSON array)."""
    return json.dumps(value or [], ensure_ascii=False) if name == "authors" else value


def _in_pieces(conn: sqlite3.Connection, sql: str, values: list) -> list[tuple]:
    """Rows of `sql` (with one "IN ({})") for every value, asked 500 at a time (under SQLite's
    limit on parameters)."""
    rows = []
    for at in range(0, len(values), 500):
        part = values[at:at + 500]
        rows.extend(conn.execute(sql.format(",".join("?" * len(part))), part).fetchall())
    return rows


def remove_unused_authors_and_outlets(conn: sqlite3.Connection) -> tuple[int, int]:
    """Delete the author rows no byline names and the outlet rows no article, source or
    article_facets row refers to; return how many of each.

    Why: `reparse` moves an article to the authors and outlet it now reads, and the rows it left
    stayed, listed in the authors and outlets tables with no article. They are derived data (a
    name as a byline or page gave it, and its key), made again by the next article that names
    them; every value a reparse replaced is kept in article_revisions, by name, not by id. An
    outlet still given by a copy of a story (a source) is kept: that copy still ran there."""
    authors = conn.execute("DELETE FROM authors WHERE NOT EXISTS "
                           "(SELECT 1 FROM article_authors WHERE author_id = authors.id)").rowcount
    # sources and article_facets have no index on outlet_id: each list is read once (NOT IN), not
    # once per outlet.
    outlets = conn.execute(
        "DELETE FROM outlets WHERE NOT EXISTS (SELECT 1 FROM articles WHERE outlet_id = outlets.id) "
        "AND id NOT IN (SELECT outlet_id FROM sources WHERE outlet_id IS NOT NULL) "
        "AND id NOT IN (SELECT outlet_id FROM article_facets WHERE outlet_id IS NOT NULL)").rowcount
    return authors, outlets


@dataclass
class Written:
    """What became of one source, for the run summary and the progress messages."""

    location: str
    status: str
    article_id: int | None = None
    error: str | None = None
    count: int = 1  # a file skipped whole stands for every source it gave
    # Of an unchanged input, how many sources failed when the same code judged them before:
    # they are not tried again, but the run says so instead of counting them as fine.
    failed_before: int = 0
    # Of a stored article, the article it is a new version of (same file or address, edited),
    # and the one it is an earlier version of (a text the evidence dates before one stored).
    previous_version: int | None = None
    later_version: int | None = None
    # Of an unchanged input read again for its corrected sidecar: whether that changed anything.
    revised: bool = False
    # Of a duplicate: whether it gave its article a value the article lacked (FILLED_FROM_COPIES).
    filled: bool = False


_ARTICLE_COLUMNS = ("id", "content_hash", "title", "description", "body", "authors", "published", "updated",
                    "outlet_id", "url", "language", "word_count", "first_seen", "title_source", "authors_source",
                    "published_source", "updated_source", "outlet_source", "captured", "previous_version")
_INSERT_ARTICLE = (f"INSERT INTO articles ({', '.join(_ARTICLE_COLUMNS)}) "
                   f"VALUES ({', '.join('?' * len(_ARTICLE_COLUMNS))})")
_ARTICLE_COLUMN_AT = {name: at for at, name in enumerate(_ARTICLE_COLUMNS)}  # in _article_row's rows
_INSERT_BYLINE = "INSERT INTO article_authors (article_id, author_id, position) VALUES (?, ?, ?)"
# A retried failure at the same (location, bytes) replaces its failed row.
_UPSERT_SOURCE = (
    "INSERT INTO sources (location, raw_sha256, format, size, status, error, article_id, "
    "outlet_id, url, title, published, authors, run_id, seen_at, last_seen, extractor, captured) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
    "ON CONFLICT (location, raw_sha256) DO UPDATE SET status = excluded.status, "
    "error = excluded.error, article_id = excluded.article_id, "
    "outlet_id = excluded.outlet_id, url = excluded.url, title = excluded.title, "
    "published = excluded.published, authors = excluded.authors, run_id = excluded.run_id, "
    "last_seen = excluded.last_seen, extractor = excluded.extractor, captured = excluded.captured"
)


def _article_row(article_id: int, article: Article, outlet_id: int | None, now: str) -> tuple:
    provenance = article.provenance
    return (article_id, article.content_hash, article.title, article.description, article.body,
            json.dumps(article.authors, ensure_ascii=False), article.published, article.updated,
            outlet_id, article.url, article.language, article.word_count, now,
            *(provenance.get(name) for name in PROVENANCE_FIELDS), article.captured, None)


def warnings_kept(article: Article) -> str | None:
    """What an input gave that was dropped (its warnings: a month-only date), for its sources
    row's error, as a failure's reason is kept: said on standard error alone, it was gone after
    the run (the file, unchanged, is not read again), and nothing said why the article lacked it."""
    return "; ".join(article.warnings) or None


def _source_row(run_id, source, status, error, now, article_id=None, outlet_id=None, url=None,
                title=None, published=None, authors=None, captured=None) -> tuple:
    return (source.location, source.raw_sha256, source.format, source.size, status, error,
            article_id, outlet_id, url, title, published, authors, run_id, now, now, extractor(), captured)


def _captured(source) -> str | None:
    """When a source's bytes were captured, where its container says (a web archive's WARC-Date),
    as normalise writes an article's: for a copy stored without being extracted (its bytes known)."""
    from .normalise import iso_date  # (the extraction's module, loaded by then in any run that stores)

    return iso_date((source.hints.get("captured") or (None,))[0], datetime.now(timezone.utc))


@dataclass
class _BatchRows:
    """The rows one batch will write, gathered before any is: one executemany per table."""
    stored: dict[str, int]  # content hash -> id, of texts in the archive or in this batch
    next_id: int
    articles: list[tuple] = field(default_factory=list)
    bylines: list[tuple] = field(default_factory=list)
    sources: list[tuple] = field(default_factory=list)
    seen_again: list[tuple] = field(default_factory=list)
    # article id -> (the FILLED_FROM_COPIES it lacks, its outlet id, its date), for the articles that lack
    # any, stored or stored by this batch; and the values duplicates give them: (article id,
    # the copy's Article, field -> value, and for an article of this batch, given in its row
    # already, the changes to keep in article_revisions), written once the batch's articles are.
    lacking: dict[int, tuple[frozenset, int | None, str | None]] = field(default_factory=dict)
    fills: list[tuple] = field(default_factory=list)
    # The articles this batch stores, for _link_versions: (their row's index in `articles`,
    # the Written of their source, the source's location, the Article, its outlet's id, the
    # index of the source's row in `sources`).
    new: list[tuple] = field(default_factory=list)
    # The duplicates of this batch that have an address, for _link_versions: (the index of the
    # source's row in `sources`, its address, the article, the copy's outlet id).
    copies: list[tuple] = field(default_factory=list)
    # The links between versions _link_versions makes: article id -> the id of its previous
    # version (None: the earliest of its story), and the other way round; and of the stored
    # articles among them, (previous, id) to write once the batch's articles are inserted.
    links: dict[int, int | None] = field(default_factory=dict)
    later_of: dict[int, set] = field(default_factory=dict)
    relinks: list[tuple] = field(default_factory=list)
    # article id -> (captured, updated, published), the evidence of when its text was current
    evidence: dict[int, tuple] = field(default_factory=dict)
    # The stored articles of the batch's texts that lost rows: id -> [whether its byline rows,
    # whether its stored source, its outlet id] (see _restore_lost_rows)
    lost: dict[int, list] = field(default_factory=dict)


# An edited story is linked to its earlier version only when the two texts are evidently one
# story: at least this share of the shorter text's runs of three words found in the other. A file
# name reused for another story (a new "story.txt" in the same folder) and a site that gives every
# page its home page as canonical address are not edits.
# Runs of words, not words: two stories of one event share most of their words (up to 0.71 of
# the shorter's, two short ones measured) but few runs of three (0.22 at most between any two
# of the 31 sample articles, several on one event), while an edit keeps most of them (0.95 for
# a changed number and an added sentence, 0.66 with every third sentence rewritten).
VERSION_SHARED_RUNS = 0.5
# The same heading alone is no evidence: a page that carries another story each day under one
# address keeps its heading (a daily briefing, a live page, a section front), and linking on it
# filed every day's news as an edit of the first. The same heading with a real share of the text
# is one story rewritten (a breaking stub written up keeps its lede: 0.49 in the test's example),
# so it lowers the bar to this; a recurring page's template (a greeting, a sign-off) can make a
# quarter of a short page's runs (0.27 in the test's two briefings), below it.
VERSION_SHARED_RUNS_SAME_TITLE = 0.4
_WORDS = re.compile(r"\w+")


def ordered_word_runs(text: str | None) -> list[tuple[str, ...]]:
    """A text's runs of three words in text order, casefolded (near_copies reads them so too)."""
    words = _WORDS.findall((text or "").casefold())
    return [tuple(words[at:at + 3]) for at in range(len(words) - 2)]


def _word_runs(text: str) -> set[tuple[str, ...]]:
    return set(ordered_word_runs(text))


def same_story_texts(earlier: tuple, later: tuple) -> bool:
    """Whether the text `later` (title, body) is an edit of `earlier` (title, body)."""
    (title, body), (later_title, later_body) = earlier, later
    old, new = _word_runs(body or ""), _word_runs(later_body or "")
    if not (old and new):
        return False
    same_title = bool(title and later_title) and (
        " ".join(title.casefold().split()) == " ".join(later_title.casefold().split()))
    needed = VERSION_SHARED_RUNS_SAME_TITLE if same_title else VERSION_SHARED_RUNS
    return len(old & new) >= needed * min(len(old), len(new))


# --- the order of an edited story's texts ------------------------------------------------------
#
# Which of two texts of one story is the later version, whatever order they were ingested in?
# The evidence, strongest first:
# 1. when each text was captured (articles.captured): a web archive record's WARC-Date, a saved
#    MHTML page's Date, a record's captured (fetched, crawled) time, a feed's last build time.
#    Each is a moment the text was the story's current one, by the capturing tool's clock.
# 2. when each text says it last changed: its update date (a page's dateModified or
#    article:modified_time, a record's or feed item's updated), else its publication date (a text
#    that states no update says it is as first published).
# Both are moments at which the text was current, so any two of them order two texts that were
# current one after the other. Two texts are compared by the first kind of evidence both carry
# that tells them apart, to the precision both are written to (a bare date against a time: the
# day); a text with only a capture time and one with only its own dates, by those two. Texts of
# one kind that agree (two copies dated alike, neither stating an update) are not compared
# across kinds: every capture is after a publication, which would make any captured text the
# later one. Where nothing tells them apart, the order they were ingested in stands.
# A file's modification time is not evidence: it says when the file was last written on this
# disk (a copy, an unzip, a download or a sync sets it), so two saves copied together would be
# ordered by the copying, and the same files ingested on another machine would give another
# order. It is not kept with the text either (input_files keeps it only to skip an unchanged file).


def _moments_compared(first: str, second: str) -> int:
    """1 if the moment `first` (ISO 8601) is after `second`, -1 if before, 0 if they are one to
    the precision both are written to."""
    if "T" in first and "T" in second:
        try:
            one, other = datetime.fromisoformat(first), datetime.fromisoformat(second)
        except ValueError:
            one = other = None
        if one is not None and other is not None and one.tzinfo is not None and other.tzinfo is not None:
            return (one > other) - (one < other)
        first, second = first[:19], second[:19]  # a time without its zone: as the clocks read
    else:
        first, second = first[:10], second[:10]
    return (first > second) - (first < second)


def later_text(first: tuple, second: tuple) -> int:
    """Of two texts of one story, each given as (captured, updated, published): 1 if the evidence
    says `first` is the later version, -1 if `second` is, 0 if it says neither."""
    captured, stated = first[0], first[1] or first[2]
    other_captured, other_stated = second[0], second[1] or second[2]
    shared = False
    for one, other in ((captured, other_captured), (stated, other_stated)):
        if one and other:
            shared = True
            order = _moments_compared(one, other)
            if order:
                return order
    if shared or not (captured or stated) or not (other_captured or other_stated):
        return 0
    return _moments_compared(captured or stated, other_captured or other_stated)


def place_in_story(story: list, evidence: dict, text) -> int:
    """Where `text` goes among the versions of its story (`story`, earliest first; `evidence`
    gives each its later_text tuple): after the latest, unless the evidence says that one is
    later than it, then before it, and so on back. A version the evidence cannot tell from it
    stops the walk there: ingest order stands."""
    at = len(story)
    while at and later_text(evidence[story[at - 1]], evidence[text]) > 0:
        at -= 1
    return at


def _names_one_page(url: str) -> bool:
    """Whether an address can be one story's: a site's home page (a canonical address some
    sites give every page) cannot."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return bool(parts.path.strip("/") or parts.query)


class Archive:
    def __init__(self, db: "Database | sqlite3.Connection"):
        self.db = db
        self.conn: sqlite3.Connection = getattr(db, "conn", db)
        add_index_function(self.conn)  # (on a connection not opened by open_connection)
        # unchanged_file's look-ups, made ahead for the files expected next (expect_files):
        # location -> _FILE_RECORDS row, or None for a file the archive has no record of.
        # Emptied by every write (_writing), after which they may be out of date.
        self._expected: list[str] = []
        self._expected_at: dict[str, int] = {}
        self._files_ahead: dict[str, tuple | None] = {}
        self._in_transaction = False  # within a _writing block
        self.lost_sources = False  # see unchanged_file
        self._outlets: dict[str, int] = {}  # outlet_key -> id
        self._outlet_names: dict[str, int] = {}  # name as written -> id
        self._named_by_domain: dict[int, str] = {}  # outlet of _outlets whose name is its domain -> that domain
        self._authors: dict[str, int] = {}  # person_key -> id
        self._author_names: dict[str, int] = {}  # name as written -> id

    # --- before extraction: is this input already known? -----------------------------------

    @contextmanager
    def _writing(self):
        """One write transaction, begun IMMEDIATE: it holds the write lock from its first read,
        so what it reads (is this outlet, this story already stored?) cannot change before it
        writes. Two ingests into one archive then take turns, batch by batch, instead of one
        failing on a row the other inserted between its look-up and its insert.

        Within another _writing block, it is part of that block's transaction (one commit, one
        flush of the log to disk, for both)."""
        self._files_ahead = {}
        if self._in_transaction:
            yield
            return
        self.conn.execute("BEGIN IMMEDIATE")
        self._in_transaction = True
        try:
            with self.conn:  # commits, or rolls back on an exception
                yield
                # (the places of the stories the batch touched, counted again before they are
                # read: schema/0027)
                _recount_story_places(self.conn)
        finally:
            self._in_transaction = False

    @cached_property
    def _holds_typed_locations(self) -> bool:
        """Whether the archive has sources located as they were typed ("clippings/a.txt"), as
        archives made before locations were absolute do. Absolute paths sort between "/" and
        "0": two probes of the location index, not a scan."""
        return any(self.conn.execute(f"SELECT 1 FROM sources WHERE {where} LIMIT 1", (bound,)).fetchone()
                   for where, bound in (("location < ?", "/"), ("location >= ?", "0")))

    def take_back_typed_location(self, path: str) -> None:
        """Move the sources and the input_files row an older archive keeps under the path as
        typed from this folder ("clippings/a.txt") to the absolute path, so the file is found
        unchanged instead of recorded again as a copy of itself. A path typed from another
        folder cannot be told apart from another file, and is left as it is."""
        if not self._holds_typed_locations:
            return
        typed = os.path.relpath(path)
        if typed == path or not self.seen_before(typed):
            return
        with self._writing():
            self.conn.execute(
                f"UPDATE OR IGNORE sources SET location = ? || substr(location, ?) WHERE {_OF_FILE}",
                (path, len(typed) + 1, *_file_range(typed)))
            self.conn.execute("UPDATE OR IGNORE input_files SET path = ? WHERE path = ?", (path, typed))

    def seen_before(self, path) -> bool:
        """Whether any source of this file (itself or its records) is in the archive."""
        return self.conn.execute(f"SELECT 1 FROM sources WHERE {_OF_FILE} LIMIT 1",
                                 _file_range(path)).fetchone() is not None

    def previous_sighting(self, location: str, raw_sha256: str,
                          location_seen: bool = True) -> tuple[str, dict] | None:
        """("unchanged", row) if these bytes were stored from this location before,
        ("copy", row) if they were stored from another location, else None.

        A failed input is "unchanged" only if the same code judged it: after an upgrade it is
        extracted again, since the parser may do better. `location_seen=False` (the file is new
        to the archive) skips the look-up that cannot succeed, once per record of a new file.
        """
        row = location_seen and self.conn.execute(
            "SELECT id, status, extractor, error FROM sources WHERE location = ? AND raw_sha256 = ?",
            (location, raw_sha256),
        ).fetchone()
        if row and (row[1] != FAILED or row[2] == extractor() and not (row[3] or "").startswith(BAD_SIDECAR)):
            # (A file failed for its sidecar is read again: the sidecar may have been mended,
            # and the file's own bytes, unchanged, are no reason to keep failing it.)
            return UNCHANGED, {"id": row[0], "failed": row[1] == FAILED}
        if not row and location_seen and _record_number(location):
            # The same record at another line of the same file: an export written again newest
            # first, a feed fetched again, where every old record moves down. It is the record
            # already seen there, not one more place the story ran.
            row = self.conn.execute(
                "SELECT id, status, extractor FROM sources WHERE raw_sha256 = ? "
                "AND location > ? AND location < ? LIMIT 1",
                (raw_sha256, *_file_range(location.rpartition("#")[0])[1:]),
            ).fetchone()
            if row and (row[1] != FAILED or row[2] == extractor()):
                return UNCHANGED, {"id": row[0], "failed": row[1] == FAILED}
        other = self.conn.execute(
            "SELECT article_id, outlet_id, url, title, published, authors, error FROM sources "
            "WHERE raw_sha256 = ? AND status != 'failed' LIMIT 1",
            (raw_sha256,),
        ).fetchone()
        if other:
            # (its error: the warnings its bytes gave, a month-only date dropped, as the copy's)
            keys = ("article_id", "outlet_id", "url", "title", "published", "authors", "error")
            return "copy", dict(zip(keys, other))
        return None

    def unchanged_file(self, input_file) -> dict | None:
        """The file's record if it can be skipped without reading: same path, size and
        modification time as when a run read it whole, that time older than the read by more
        than any file system's time resolution, the same extractor, and every source it gave
        then still in the archive. Else None, and the file is read and hashed as before;
        `lost_sources` then says whether the file is as it was but some of those sources are
        gone (deleted with SQL, with their article: what it stores now, it stores again)."""
        self.lost_sources = False
        if input_file.error or input_file.mtime_ns is None:
            return None
        record = self._file_record(input_file.location)
        if record is None:
            return None
        size, mtime_ns, sources, read_at_ns, judged_by, last_run_started, seen, failed, had_sidecar = record
        if (size, mtime_ns) != (input_file.size, input_file.mtime_ns) or judged_by != extractor():
            return None
        if mtime_ns >= read_at_ns - RACY_NS or self._sidecar_newer(input_file, read_at_ns):
            return None
        if had_sidecar and input_file.sidecar_mtime_ns is None:  # deleted: see sidecar_changed
            return None
        if seen != sources:  # rows deleted by hand since: read the file again to restore them
            self.lost_sources = seen < sources
            return None
        return {"sources": sources, "since": last_run_started, "failed": failed}

    def expect_files(self, files: list) -> None:
        """The files unchanged_file will be asked about, in the order it will be asked: what the
        archive holds of them is then read FILE_PIECE files a query, not two queries a file
        (950 for a folder of 475 pages run again unchanged)."""
        self._expected = [input_file.location for input_file in files]
        self._expected_at = {}
        for at, location in enumerate(self._expected):
            self._expected_at.setdefault(location, at)
        self._files_ahead = {}

    def _file_record(self, location: str) -> tuple | None:
        """What the archive holds of the file at `location` (see _FILE_RECORDS), or None: read
        with the files expected after it, unless already read since the last write."""
        if location not in self._files_ahead:
            at = self._expected_at.get(location)
            piece = [location] if at is None else self._expected[at:at + FILE_PIECE]
            self._files_ahead = dict.fromkeys(piece)
            self._files_ahead.update((row[0], row[1:]) for row in self.conn.execute(
                _FILE_RECORDS.format(",".join("?" * len(piece))), piece))
        return self._files_ahead.pop(location)

    @staticmethod
    def _sidecar_newer(input_file, read_at_ns: int | None) -> bool:
        """Whether the file's sidecar may have been written since the file was last read whole
        (at read_at_ns; None: never recorded as read whole), by the same rule as the file."""
        return input_file.sidecar_mtime_ns is not None and (
            read_at_ns is None or input_file.sidecar_mtime_ns >= read_at_ns - RACY_NS)

    def sidecar_changed(self, input_file) -> bool:
        """Whether the file has a sidecar that may have changed since the file was last read
        whole: its stored article is then read again, for what the sidecar now says (the file's
        unchanged bytes alone would leave it as it was). A sidecar deleted since counts: the
        values it gave are then taken back, as from a sidecar emptied (input_file_sidecars)."""
        if input_file.sidecar_mtime_ns is None:
            return self.conn.execute("SELECT 1 FROM input_file_sidecars WHERE path = ?",
                                     (input_file.location,)).fetchone() is not None
        row = self.conn.execute("SELECT read_at_ns FROM input_files WHERE path = ?",
                                (input_file.location,)).fetchone()
        return self._sidecar_newer(input_file, row[0] if row else None)

    def record_files(self, run_id: int, read_at_ns: int, files: list[tuple]) -> None:
        """Remember files read whole in this run: (InputFile, number of sources it gave)."""
        with self._writing():
            self.conn.executemany(
                "INSERT OR REPLACE INTO input_files "
                "(path, size, mtime_ns, sources, read_at_ns, last_run_id, extractor) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(f.location, f.size, f.mtime_ns, sources, read_at_ns, run_id, extractor())
                 for f, sources in files if f.mtime_ns is not None and not f.error],
            )
            # Which of them had a sidecar (see schema/0018); a file without one is taken out only
            # when some file is listed (a probe of an empty table per file read is saved).
            self.conn.executemany("INSERT OR IGNORE INTO input_file_sidecars (path) VALUES (?)",
                                  [(f.location,) for f, _ in files
                                   if f.sidecar_mtime_ns is not None and f.mtime_ns is not None and not f.error])
            if self.conn.execute("SELECT 1 FROM input_file_sidecars LIMIT 1").fetchone():
                self.conn.executemany("DELETE FROM input_file_sidecars WHERE path = ?",
                                      [(f.location,) for f, _ in files if f.sidecar_mtime_ns is None])

    # --- runs ------------------------------------------------------------------------------

    def start_run(self, arguments: list[str]) -> int:
        with self._writing():
            cursor = self.conn.execute(
                "INSERT INTO ingest_runs (started, arguments) VALUES (?, ?)",
                (utc_now(), json.dumps(arguments)),
            )
        return cursor.lastrowid

    def finish_run(self, run_id: int) -> None:
        with self._writing():
            self.conn.execute("UPDATE ingest_runs SET finished = ? WHERE id = ?", (utc_now(), run_id))

    # --- one batch, one transaction ----------------------------------------------------------

    def write_batch(self, run_id: int, items: list) -> list[Written]:
        """Write a batch of Outcomes, ("unchanged", location, sha, row) and ("copy", source, row)
        tuples in one transaction, and return what became of each.

        The rows are gathered first and written with one executemany per table: the writer is
        the one stage of an ingest that cannot run in parallel, and a statement per row cost
        it ~60 us an article more than one per table (6,000 articles, alternated with the
        per-row writer). Ids are given here, under the write lock, as SQLite would give them
        (one past the largest), so sources and bylines can name their article before it is
        inserted."""
        written: list[Written] = []
        counts = {STORED: 0, DUPLICATE: 0, UNCHANGED: 0, FAILED: 0}
        with self._writing():
            now = utc_now()  # (under the lock: a run that waited for it stores after the one before)
            stored, lacking, lost = self._stored_ids(items)
            batch = _BatchRows(stored, self._next_article_id(), lacking=lacking, lost=lost)
            for item in items:
                if isinstance(item, Outcome):
                    result = self._gather_outcome(batch, run_id, item, now)
                elif item[0] == "file":  # skipped whole: its sources were seen again
                    _, input_file, previous = item
                    self.conn.execute(
                        f"UPDATE sources SET last_seen = ? WHERE {_OF_FILE} AND last_seen >= ?",
                        (now, *_file_range(input_file.location), previous["since"]))
                    self.conn.execute("UPDATE input_files SET last_run_id = ? WHERE path = ?",
                                      (run_id, input_file.location))
                    result = Written(input_file.location, UNCHANGED, count=previous["sources"],
                                     failed_before=previous["failed"])
                elif item[0] == UNCHANGED:
                    _, location, row = item
                    batch.seen_again.append((now, row["id"]))
                    result = Written(location, UNCHANGED, failed_before=int(row["failed"]))
                else:
                    _, source, row = item
                    # (what its bytes gave, and the warnings they gave: those of the row it copies)
                    copied = {key: value for key, value in row.items() if key != "error"}
                    # (but when these bytes were captured is this copy's: a crawl's later capture)
                    copied["captured"] = _captured(source)
                    batch.sources.append(_source_row(run_id, source, DUPLICATE, row.get("error"), now, **copied))
                    result = Written(source.location, DUPLICATE, row["article_id"])
                counts[result.status] += result.count
                written.append(result)
            # Articles first: bylines and sources refer to them (foreign keys are on).
            self._link_versions(batch)
            self.conn.executemany(_INSERT_ARTICLE, batch.articles)
            # (a stored version now names one of this batch's as its previous: once inserted)
            self.conn.executemany("UPDATE articles SET previous_version = ? WHERE id = ?", batch.relinks)
            self._link_near_copies(batch)
            self.conn.executemany(_INSERT_BYLINE, batch.bylines)
            self.conn.executemany(_UPSERT_SOURCE, batch.sources)
            self.conn.executemany("UPDATE sources SET last_seen = ? WHERE id = ?", batch.seen_again)
            self._fill_from_copies(batch, now)
            self.conn.execute(
                "UPDATE ingest_runs SET stored = stored + ?, duplicate = duplicate + ?, "
                "unchanged = unchanged + ?, failed = failed + ? WHERE id = ?",
                (counts[STORED], counts[DUPLICATE], counts[UNCHANGED], counts[FAILED], run_id),
            )
        return written

    def _stored_ids(self, items: list) -> tuple[dict[str, int], dict[int, tuple[frozenset, int | None, str | None]],
                                                dict[int, list]]:
        """The ids of the batch's texts that are stored already, by content hash, of those
        that lack any of FILLED_FROM_COPIES, which (and their outlet and date), and of those that
        lost byline rows or their stored source (see _BatchRows.lost): one look-up for the batch
        (in pieces, under SQLite's limit on parameters)."""
        hashes = list({item.article.content_hash for item in items
                       if isinstance(item, Outcome) and item.article is not None and not item.error})
        ids, lacking, lost = {}, {}, {}
        for content_hash, article_id, outlet_id, published, *empty, lost_bylines, lost_stored in self._in_pieces(
                _STORED_AND_LACKING_SQL, hashes):
            ids[content_hash] = article_id
            if lost_bylines or lost_stored:
                lost[article_id] = [bool(lost_bylines), bool(lost_stored), outlet_id]
            if any(empty):
                lacking[article_id] = (frozenset(name for name, is_empty in zip(FILLED_FROM_COPIES, empty)
                                                 if is_empty), outlet_id, published)
        return ids, lacking, lost

    def _take_from_copy(self, batch: "_BatchRows", article_id: int, copy: Article, copy_outlet_id: int | None,
                        copy_key: tuple[str, str]) -> bool:
        """Take the values the duplicate `copy` gives its article, which lacks them (see
        FILLED_FROM_COPIES); whether it gives any. A later copy of the same batch then finds
        them taken: the first copy that carries a value gives it. `copy_key` (its location and
        bytes' hash) finds the copy's source row once written, which its revisions name.

        An article this batch stores is given them in the row it is about to be inserted with:
        updated once inserted, its text was indexed twice (the search index's trigger indexes the
        whole text again), which made a run whose copies gave 4,267 values 2.7 s slower."""
        lacking = batch.lacking.get(article_id)
        if lacking is None:
            return False
        empty, outlet_id, published = lacking
        given = {name: field_text(name, getattr(copy, name)) for name in empty if getattr(copy, name)}
        if "url" in given and copy_outlet_id != outlet_id:
            del given["url"]  # another outlet's page (see FILLED_FROM_COPIES)
        published = given.get("published", published)
        if "updated" in given and updated_before_published(given["updated"], published):
            del given["updated"]  # that copy's own update, before this article ran
        if not given:
            return False
        if empty - given.keys():
            batch.lacking[article_id] = (empty - given.keys(), outlet_id, published)
        else:
            del batch.lacking[article_id]
        first_of_batch = batch.next_id - len(batch.articles)
        if article_id < first_of_batch:
            batch.fills.append((article_id, copy, given, None, copy_key))
            return True
        row = list(batch.articles[article_id - first_of_batch])
        changes = {}
        for name, value in given.items():
            source_at = _ARTICLE_COLUMN_AT.get(f"{name}_source")
            changes[name] = (row[_ARTICLE_COLUMN_AT[name]], source_at and row[source_at], value,
                             copy.provenance.get(name))
            row[_ARTICLE_COLUMN_AT[name]] = value
            if source_at:
                row[source_at] = copy.provenance.get(name)
        batch.articles[article_id - first_of_batch] = tuple(row)
        if "authors" in given:  # (it had none)
            batch.bylines.extend((article_id, self._author_id(name), position)
                                 for position, name in enumerate(copy.authors, start=1))
        batch.fills.append((article_id, copy, given, changes, copy_key))
        return True

    def _fill_from_copies(self, batch: "_BatchRows", now: str) -> None:
        """Write the values duplicates gave their articles (taken by _take_from_copy), each
        with the signal that gave it in the copy and a row in article_revisions (old value
        empty), as `reparse` writes its changes. Run once the batch's articles and sources are
        written (the revisions name their article; its first copy's source gives the version
        that read the empty value)."""
        version = extractor()
        for article_id, copy, given, changes_made, (location, raw_sha256) in batch.fills:
            # The copy that gave the values, named in their revisions (article_revision_copies): new_source
            # alone ("record", "override") read as if the article's own file had given them.
            copy_id = self.conn.execute("SELECT id FROM sources WHERE location = ? AND raw_sha256 = ?",
                                        (location, raw_sha256)).fetchone()[0]
            if changes_made is not None:  # given to a row of this batch before it was inserted
                self.keep_revisions(article_id, changes_made, now, version, version, copy_id)
                continue
            old, old_sources = stored_values(self.conn.execute(STORED_FIELDS_SQL, (article_id,)).fetchone())
            read_by = self.conn.execute(
                "SELECT extractor FROM sources WHERE article_id = ? AND status = 'stored' ORDER BY id LIMIT 1",
                (article_id,)).fetchone()
            changes = {name: (old[name], old_sources.get(name), value, copy.provenance.get(name))
                       for name, value in given.items()}
            self.write_changes(article_id, copy, changes, now, read_by and read_by[0], version, copy_id)

    def _in_pieces(self, sql: str, values: list) -> list[tuple]:
        return _in_pieces(self.conn, sql, values)

    def _link_versions(self, batch: "_BatchRows") -> None:
        """Link each article the batch stores to the other versions of its story: the article
        last stored (or seen again) from the same file, or else the latest with the same address
        and outlet, is of its story when the two are one story (same_story_texts); the new text
        then goes among the story's versions where the evidence of when each was current puts
        it (place_in_story), at the end when nothing says otherwise. The other articles are kept
        as they were, but for the link of the one it now precedes: the links are how a reader
        finds one from the other. Records of a file ("PATH#3")
        are not matched by location, since a record's number is only its line.

        An address's texts include those seen there only as a duplicate (the story first stored
        from another address, then seen at this one): its edit there was stored unlinked, as no
        article row had the address. A duplicate of this batch counts from where it was read."""
        if not batch.new:
            return
        files = list({location for _, _, location, _, _, _ in batch.new if not _record_number(location)})
        last_at = dict(self._in_pieces(
            "SELECT location, article_id FROM sources WHERE location IN ({}) "
            "AND status != 'failed' AND article_id IS NOT NULL ORDER BY id", files))
        # Each new article's address, if it can be one story's (parsed once: this runs for every
        # article an ingest stores, in the one process that writes).
        from .normalise import same_address_forms, same_address_key  # (imported: see _author_id)

        # Compared by same_address_key: "/news/flood" and "/news/flood/" are one address.
        page_urls = [same_address_key(a.url) if a.url and _names_one_page(a.url) else None
                     for _, _, _, a, _, _ in batch.new]
        last_from = {}  # address -> (id, outlet) of the latest article stored (or copied) at it
        forms = list({form for url in filter(None, page_urls) for form in same_address_forms(url)})
        # (in id order across the pieces; a copy before a later article stored from its address)
        for url, article_id, outlet_id, _ in sorted(
                self._in_pieces("SELECT url, id, outlet_id, 1 FROM articles WHERE url IN ({})", forms)
                + self._in_pieces("SELECT url, article_id, outlet_id, 0 FROM sources INDEXED BY sources_duplicate_url "
                                  "WHERE status = 'duplicate' AND url IN ({})", forms),
                key=lambda row: (row[1], row[3])):
            last_from[same_address_key(url)] = (article_id, outlet_id)
        copies = iter(batch.copies)
        copy = next(copies, None)
        in_batch = {}  # id -> (title, body) of the articles stored earlier in this batch
        for (index, written, location, article, outlet_id, read_at), page_url in zip(batch.new, page_urls):
            # (the batch's duplicates read before this article)
            while copy is not None and copy[0] < read_at:
                if _names_one_page(copy[1]):
                    last_from[same_address_key(copy[1])] = copy[2:]
                copy = next(copies, None)
            earlier = last_at.get(location)
            if earlier is None and page_url in last_from:
                earlier, earlier_outlet = last_from[page_url]
                if outlet_id is not None and earlier_outlet is not None and earlier_outlet != outlet_id:
                    earlier = None  # another outlet's copy under the original's address: not an edit
            row = batch.articles[index]
            batch.evidence[written.article_id] = (row[_ARTICLE_COLUMN_AT["captured"]], row[_ARTICLE_COLUMN_AT["updated"]],
                                                  row[_ARTICLE_COLUMN_AT["published"]])
            if earlier is not None and earlier != written.article_id:
                text = in_batch.get(earlier) or self.conn.execute(
                    "SELECT title, body FROM articles WHERE id = ?", (earlier,)).fetchone()
                if text is not None and same_story_texts(text, (article.title, article.body)):
                    self._place_version(batch, written, earlier)
            in_batch[written.article_id] = (article.title, article.body)
            if page_url:
                last_from[page_url] = (written.article_id, outlet_id)
        first_of_batch = batch.next_id - len(batch.articles)
        for article_id, previous in batch.links.items():
            # (in its row if it names a text inserted before it: foreign keys are checked row by row)
            if article_id >= first_of_batch and (previous is None or previous < article_id):
                at = article_id - first_of_batch
                batch.articles[at] = batch.articles[at][:-1] + (previous,)
            else:
                batch.relinks.append((previous, article_id))

    def _link_near_copies(self, batch: "_BatchRows") -> None:
        """Sketch each article the batch stores and link it to the stored articles of other
        outlets that are near copies of it (ingest/near_copies.py), in the order they were read:
        an article of the batch is found by the later ones. Run once the batch's articles are
        inserted (the links name them)."""
        from .near_copies import link_near_copies  # (it imports this module)

        for _, written, _, article, outlet_id, _ in batch.new:
            link_near_copies(self.conn, written.article_id, outlet_id, article.body, article.sketch)

    def _place_version(self, batch: "_BatchRows", written: Written, member: int) -> None:
        """Put the text `written` stores among the versions of the story of `member`, where
        place_in_story says, linking it to the version before it and the one after it to it."""
        story = self._versions_of_story(batch, member)
        for article_id in story:
            if article_id not in batch.evidence:
                batch.evidence[article_id] = self.conn.execute(
                    "SELECT captured, updated, published FROM articles WHERE id = ?", (article_id,)).fetchone()
        at = place_in_story(story, batch.evidence, written.article_id)
        written.previous_version = story[at - 1] if at else None
        self._set_link(batch, written.article_id, written.previous_version)
        if at < len(story):
            written.later_version = story[at]
            self._set_link(batch, story[at], written.article_id)

    @staticmethod
    def _set_link(batch: "_BatchRows", article_id: int, previous: int | None) -> None:
        if article_id in batch.links and batch.links[article_id] is not None:
            batch.later_of[batch.links[article_id]].discard(article_id)
        batch.links[article_id] = previous
        if previous is not None:
            batch.later_of.setdefault(previous, set()).add(article_id)

    def _versions_of_story(self, batch: "_BatchRows", member: int) -> list[int]:
        """The versions of the story of `member`, earliest first, with the links this batch made:
        back by each one's previous version, forward by the latest of those that name it (as
        the saved queries' later_version: the highest id)."""
        def previous(article_id: int) -> int | None:
            if article_id in batch.links:
                return batch.links[article_id]
            # (a link to a text deleted by hand with foreign keys off: the story begins here)
            row = self.conn.execute("SELECT later.previous_version FROM articles AS later JOIN articles AS earlier "
                                    "ON earlier.id = later.previous_version WHERE later.id = ?", (article_id,)).fetchone()
            return row and row[0]

        def later(article_id: int) -> int | None:
            stored = [later_id for (later_id,) in self.conn.execute(
                "SELECT id FROM articles WHERE previous_version = ?", (article_id,)) if later_id not in batch.links]
            return max([*stored, *batch.later_of.get(article_id, ())], default=None)

        story, seen = [member], {member}
        while (back := previous(story[0])) is not None and back not in seen:
            story.insert(0, back)
            seen.add(back)
        while (on := later(story[-1])) is not None and on not in seen:
            story.append(on)
            seen.add(on)
        return story

    def _next_article_id(self) -> int:
        return self.conn.execute("SELECT coalesce(max(id), 0) + 1 FROM articles").fetchone()[0]

    def _gather_outcome(self, batch: "_BatchRows", run_id: int, outcome: Outcome, now: str) -> Written:
        source, article = outcome.source, outcome.article
        if outcome.error or article is None:
            if source.read_for_sidecar is None:
                batch.sources.append(_source_row(run_id, source, FAILED, outcome.error or "no article", now))
            # else these very bytes are stored (or recorded as a copy) from this file, read again
            # for a sidecar that now fails (no longer JSON): the run reports it, and the row keeps
            # its article. Written as failed, it lost the article its file, and the mended
            # sidecar found the file a mere duplicate of its own article.
            return Written(source.location, FAILED, error=outcome.error)
        if source.read_for_sidecar is not None:
            revised = self._revise_from_sidecar(source.location, source.read_for_sidecar, article, now)
            if revised is not None:
                batch.seen_again.append((now, source.read_for_sidecar))
                return revised
        outlet_id = self._outlet_id(article)
        article_id, filled = batch.stored.get(article.content_hash), False
        if article_id is not None:  # the same text is stored already, or earlier in this batch
            seen = self.conn.execute(
                "SELECT id FROM sources WHERE location = ? AND raw_sha256 = ? AND article_id = ? "
                "AND status != 'failed'", (source.location, source.raw_sha256, article_id)).fetchone()
            if seen is not None:
                # This very input, written by another run since this one looked for it (two
                # ingests of one folder at once): seen again, unchanged. Written as a duplicate,
                # it replaced the row that stored the article, which was then a copy of itself
                # with no stored source for reparse to read it again from.
                batch.seen_again.append((now, seen[0]))
                return Written(source.location, UNCHANGED)
            status = DUPLICATE
            # (its row's status only: counted as the duplicate it is, nothing new stored)
            restored = self._restore_lost_rows(batch, article_id, outlet_id)
            filled = self._take_from_copy(batch, article_id, article, outlet_id, (source.location, source.raw_sha256))
        else:
            status, article_id, restored = STORED, batch.next_id, False
            batch.next_id += 1
            batch.stored[article.content_hash] = article_id
            batch.articles.append(_article_row(article_id, article, outlet_id, now))
            empty = frozenset(name for name in FILLED_FROM_COPIES if not getattr(article, name))
            if empty:
                batch.lacking[article_id] = (empty, outlet_id, article.published)
            batch.bylines.extend((article_id, self._author_id(name), position)
                                 for position, name in enumerate(article.authors, start=1))
        batch.sources.append(_source_row(
            run_id, source, STORED if restored else status, warnings_kept(article), now,
            article_id=article_id, outlet_id=outlet_id, url=article.url, title=article.title,
            published=article.published, authors=field_text("authors", article.authors),
            captured=article.captured,
        ))
        written = Written(source.location, status, article_id, filled=filled)
        if status == STORED:
            batch.new.append((len(batch.articles) - 1, written, source.location, article, outlet_id,
                              len(batch.sources) - 1))
        elif article.url and not restored:
            batch.copies.append((len(batch.sources) - 1, article.url, article_id, outlet_id))
        return written

    def _restore_lost_rows(self, batch: "_BatchRows", article_id: int, outlet_id: int | None) -> bool:
        """What a stored article met again (its text read from a file) lost since it was stored:
        its byline rows, restored at once (its `authors` names people, no row names it), and its
        stored source. Whether the source being written is to be that stored source: the article
        has none, and this copy ran at its outlet (one elsewhere stays a duplicate: reparse reads
        the stored source again, and would take that outlet).

        `replace into articles` (sqlite-utils' `insert --replace`) deletes the row before it
        writes the new one, and the delete's trigger (schema/0023) removes what names the
        article: its file, read again, was then a duplicate of its own article, and the byline
        rows never came back (`search --author` did not find it). Its near-copy sketch and links
        went with them (schema/0024's trigger): it is sketched and linked again."""
        lost = batch.lost.get(article_id)
        if lost is None:
            return False
        if lost[1] and self.conn.execute("SELECT 1 FROM article_sketches WHERE article_id = ?",
                                         (article_id,)).fetchone() is None:
            from .near_copies import link_near_copies  # (it imports this module)

            body, = self.conn.execute("SELECT body FROM articles WHERE id = ?", (article_id,)).fetchone()
            link_near_copies(self.conn, article_id, lost[2], body)
        if lost[0]:
            authors = self.conn.execute("SELECT authors FROM articles WHERE id = ?", (article_id,)).fetchone()[0]
            batch.bylines.extend((article_id, self._author_id(name), position)
                                 for position, name in enumerate(json.loads(authors), start=1))
            lost[0] = False
        if lost[1] and lost[2] == outlet_id:
            lost[1] = False
            return True
        return False

    def _revise_from_sidecar(self, location: str, source_id: int, article: Article, now: str) -> Written | None:
        """Give the stored article of the source `source_id` (this file's unchanged bytes, read
        again because its sidecar changed) the values the sidecar now gives, keeping each old one
        in article_revisions; None if the source row is gone.

        Only the values given (provenance "override": the sidecar's, or --outlet/--url) change:
        the rest is what the rules read, which `reparse` revises. A copy of a story stored from
        another file (a duplicate source) keeps the article as it is, and records what its own
        sidecar says of this copy: its outlet, address, title and date."""
        # Whatever text today's rules read from these bytes: they are the bytes stored from this
        # file, so the article is theirs (a text read by older rules is `reparse`'s to revise,
        # not a new article that took the file's source row from the stored one).
        row = self.conn.execute(
            "SELECT sources.status, sources.article_id, sources.extractor "
            "FROM sources JOIN articles ON articles.id = sources.article_id WHERE sources.id = ?",
            (source_id,)).fetchone()
        if row is None:
            return None
        status, article_id, old_extractor = row
        # (what the corrected sidecar gives that is dropped now, or nothing: the old warning went stale)
        self.conn.execute("UPDATE sources SET error = ? WHERE id = ?", (warnings_kept(article), source_id))
        revised = False
        if status == STORED:
            changes = self.given_changes(article_id, article)
            if changes:
                self.revise(article_id, source_id, article, changes, now, old_extractor, extractor())
                revised = True
            self.record_byline(source_id, article.authors)
        else:
            revised = self._revise_copy(article_id, source_id, article, now, old_extractor)
        return Written(location, UNCHANGED, article_id, revised=revised)

    def _revise_copy(self, article_id: int, source_id: int, article: Article, now: str,
                     old_extractor: str | None) -> bool:
        """Record what a copy's corrected sidecar now says of it (its source row's outlet,
        address, title and date), each value it replaces kept in article_revisions; whether
        anything changed.

        Why kept: the copy's row is all the archive holds of where and when that copy ran, and
        nothing stored may be lost. The row in article_revisions is the article's (a copy has no
        article of its own), its field names the column of sources ("sources.outlet", the
        outlet by name as for an article), old_source the row ("source 7"), new_source where
        the new value came from, as for an article's field ("override": the sidecar's), and
        article_revision_copies the row again (the copy whose sidecar gave it)."""
        old = self.conn.execute(
            "SELECT outlets.name, sources.url, sources.title, sources.published, sources.outlet_id, sources.authors "
            "FROM sources LEFT JOIN outlets ON outlets.id = sources.outlet_id WHERE sources.id = ?",
            (source_id,)).fetchone()
        new_outlet_id = self._outlet_id(article)
        byline = field_text("authors", article.authors)
        replaced = [(name, before, after) for name, before, after, same in (
            ("outlet", old[0], article.outlet, new_outlet_id == old[4]),
            ("url", old[1], article.url, article.url == old[1]),
            ("title", old[2], article.title, article.title == old[2]),
            ("published", old[3], article.published, article.published == old[3]),
            # (a byline not recorded, a copy seen before schema/0029, filled below: no revision)
            ("authors", old[5], byline, byline == old[5] or old[5] is None)) if not same]
        if replaced:
            self.keep_revisions(article_id, {f"sources.{name}": (before, f"source {source_id}", after,
                                                                 article.provenance.get(name))
                                             for name, before, after in replaced}, now, old_extractor, extractor(),
                               source_id)
            self.conn.execute("UPDATE sources SET (outlet_id, url, title, published, authors) = (?, ?, ?, ?, ?) "
                              "WHERE id = ?", (new_outlet_id, article.url, article.title, article.published, byline,
                                               source_id))
        if old[5] is None:  # (not recorded: what the file says is recorded, as record_byline does)
            self.conn.execute("UPDATE sources SET authors = ? WHERE id = ?", (byline, source_id))
        said_before = {"url": old[1], "title": old[2], "published": old[3], "authors": old[5]}
        return self._give_from_corrected_copy(article_id, source_id, article, new_outlet_id, said_before, now,
                                              old_extractor) or bool(replaced)

    def _give_from_corrected_copy(self, article_id: int, copy_id: int, copy: Article, copy_outlet_id: int | None,
                                  said_before: dict, now: str, old_extractor: str | None) -> bool:
        """What a copy read with its corrected sidecar gives its article (FILLED_FROM_COPIES), as
        _take_from_copy gives what a copy first read does: a value the article lacks; and, for a
        value a copy gave it (given_by_copy) that this copy said (its row's url, title, date or
        byline before the correction; a byline only since schema/0029, which keeps it), the value the copy says now, its revision naming the copy's
        row `copy_id` (article_revision_copies). Whether the article changed.

        Why: the copy's row took the corrected values, but its article kept the ones the copy
        had given it, which no source then said (and reparse keeps such a value for good); and a
        copy whose corrected sidecar now carried a date the article lacked gave it none, where the
        same copy read with that sidecar the first time gives it. A value removed from the sidecar
        is not taken back (as for the article's own sidecar), and a value the article had of its
        own, or from another copy, is not this copy's to change."""
        stored = self.conn.execute(STORED_FIELDS_SQL, (article_id,)).fetchone()
        old, old_sources = stored_values(stored)
        changes = {}
        for name in FILLED_FROM_COPIES:
            value = field_text(name, getattr(copy, name)) if getattr(copy, name) else None
            if not value or value == old[name] or (name == "url" and copy_outlet_id != stored[14]):
                continue
            lacked = old[name] in (None, "", "[]")
            if lacked or (old[name] == said_before.get(name)
                          and self.given_by_copy(article_id, name, old[name], by=copy_id)):
                changes[name] = (old[name], old_sources.get(name), value, copy.provenance.get(name))
        published = changes["published"][2] if "published" in changes else old["published"]
        if "updated" in changes and updated_before_published(changes["updated"][2], published):
            del changes["updated"]
        if not changes:
            return False
        self.write_changes(article_id, copy, changes, now, old_extractor, extractor(), copy_id)
        return True

    def given_changes(self, article_id: int, article: Article) -> dict[str, tuple]:
        """field -> (old value, old source, new value, new source) for each value the user gave
        this reading of the article (a sidecar, --outlet, --url) that the stored article does
        not hold ("override"), and for each value a sidecar gave the stored article that it no
        longer gives (deleted from it, or emptied): what the file's text gives now.

        Why the latter: a user who took a wrong author out of a sidecar saw the article keep
        it for good (even `reparse` keeps given values). Taken back only for the fields no
        command-line option gives (title, authors, published, updated): an outlet given by
        --outlet to the run that stored it is not the sidecar's to take back."""
        stored = self.conn.execute(STORED_FIELDS_SQL, (article_id,)).fetchone()
        old, old_sources = stored_values(stored)
        changes = {}
        for name in REVISED_FIELDS:
            if (name in SIDECAR_ONLY_FIELDS and old_sources.get(name) == "override"
                    and article.provenance.get(name) != "override"):
                # (not a value a copy's sidecar gave the article: this file's sidecar never held
                # it, so it cannot have been deleted from it; reparse reads it so too)
                if self.given_by_copy(article_id, name, old[name]):
                    continue
                new_value = field_text(name, getattr(article, name))
                if new_value != old[name]:
                    changes[name] = (old[name], "override", new_value, article.provenance.get(name))
                continue
            if article.provenance.get(name) != "override":
                continue
            new_value = field_text(name, getattr(article, name))
            same = (self.known_outlet_id(article) == stored[14]) if name == "outlet" else new_value == old[name]
            if not same:
                changes[name] = (old[name], old_sources.get(name), new_value, "override")
        return changes

    def revise(self, article_id: int, source_id: int, article: Article, changes: dict, now: str,
               old_extractor: str | None, new_extractor: str) -> None:
        """Write `changes` (field -> (old value, old source, new value, new source)) to the
        article, each old value kept in article_revisions, and the source `source_id` given what
        the article now says (`reparse`, and ingest for a corrected sidecar)."""
        self.write_changes(article_id, article, changes, now, old_extractor, new_extractor)
        said = self.conn.execute("SELECT raw_sha256, title, published, outlet_id, url FROM sources WHERE id = ?",
                                 (source_id,)).fetchone()
        # What this copy itself said, as ingest records it for every source: now what was read.
        # (Its address too: one found where none was stored was missing from the sources page.)
        self.conn.execute("UPDATE sources SET (title, published, outlet_id, url) = "
                          "(SELECT title, published, outlet_id, url FROM articles WHERE id = ?) WHERE id = ?",
                          (article_id, source_id))
        # Its byte-identical copies stored from other places took what it said then, unread
        # (previous_sighting's "copy"), and say now what it says: left on the outlet read
        # before, a copy of a file in another folder counted as a second place the story ran.
        # (A copy extracted for what the user said of it, --outlet or a sidecar, said another
        # outlet or address: not one of these.)
        if said is not None and said[0]:
            self.conn.execute(
                "UPDATE sources SET (title, published, outlet_id, url) = "
                "(SELECT title, published, outlet_id, url FROM sources WHERE id = ?) "
                "WHERE raw_sha256 = ? AND status = 'duplicate' AND article_id = ? AND id != ? "
                "AND title IS ? AND published IS ? AND outlet_id IS ? AND url IS ?",
                (source_id, said[0], article_id, source_id, *said[1:]))

    def record_byline(self, source_id: int, authors: list[str]) -> None:
        """The byline the file of a stored source gives, read again (`reparse`, a corrected sidecar),
        on its sources row (sources.authors: what that copy itself carried, which the article's
        byline need not be), and on its byte-identical copies stored from other places that said
        what it said (previous_sighting's "copy", as `revise` gives them its other values).

        Why here: an archive upgraded to schema/0029 holds no byline (NULL) for the sources seen
        before it, which the upgrade cannot know without reading every file; reading the file
        again is when it is known. A copy of other bytes is not read again by `reparse`: its
        byline stays unknown."""
        byline = field_text("authors", authors)
        said = self.conn.execute("SELECT authors, raw_sha256, article_id, title, published, outlet_id, url "
                                 "FROM sources WHERE id = ?", (source_id,)).fetchone()
        if said is None or said[0] == byline:
            return
        self.conn.execute("UPDATE sources SET authors = ? WHERE id = ?", (byline, source_id))
        self.conn.execute(
            "UPDATE sources SET authors = ? WHERE raw_sha256 = ? AND status = 'duplicate' AND article_id = ? "
            "AND id != ? AND authors IS ? AND title IS ? AND published IS ? AND outlet_id IS ? AND url IS ?",
            (byline, said[1], said[2], source_id, said[0], *said[3:]))

    def given_by_copy(self, article_id: int, name: str, value: str, by: int | None = None) -> bool:
        """Whether the article holds `value` in the field `name` because a copy of it (a
        duplicate) gave it where the copy that stored it had none (_fill_from_copies): the
        field's latest revision took it from empty to this value, and the article has such a
        copy. `reparse`, reading the stored copy again and finding nothing there, keeps it.
        With `by` (a copy's sources row), whether that copy gave it.

        A revision made since the archive has article_revision_copies (schema/0017) says so
        itself: a copy gave it if it names the copy. Why: before, any revision from empty of an
        article that had a copy counted, so a date the user gave the article's own sidecar, then
        deleted from it, stayed for good (ingest and reparse kept it) once an undated copy of the
        story had been stored; and a copy whose corrected sidecar no longer said the date another
        copy had given moved the article's date, though the copy that gave it still said it. An
        older revision is judged as before (the article has a copy).

        A revision that a copy's corrected sidecar made (_give_from_corrected_copy: the copy's
        own row changed the same way at the same time, `sources.<field>`) leaves the value a
        copy's: the revision before it is looked at in turn."""
        # (An archive opened as it is, not upgraded - reparse --dry-run - may have no such table.)
        copies = ("(SELECT source_id FROM article_revision_copies WHERE revision_id = article_revisions.id)"
                  if self._revision_copies_since is not None else "NULL")
        for old_value, new_value, revised_at, copy_id in self.conn.execute(
                f"SELECT old_value, new_value, revised_at, {copies} FROM article_revisions "
                "WHERE article_id = ? AND field = ? ORDER BY id DESC", (article_id, name)).fetchall():
            if new_value != value:
                return False
            if by is not None and copy_id is not None and copy_id != by:
                return False  # another copy set it
            if old_value in (None, "", "[]"):
                if copy_id is not None:
                    return True
                if self._names_its_copies(revised_at):
                    return False  # the article's own file gave it
                return self.conn.execute("SELECT 1 FROM sources WHERE article_id = ? AND status = ? LIMIT 1",
                                         (article_id, DUPLICATE)).fetchone() is not None
            if self.conn.execute(
                    "SELECT 1 FROM article_revisions WHERE article_id = ? AND field = ? AND old_value IS ? "
                    "AND new_value IS ? AND revised_at = ? LIMIT 1",
                    (article_id, f"sources.{name}", old_value, new_value, revised_at)).fetchone() is None:
                return False
            value = old_value
        return False

    @cached_property
    def _revision_copies_since(self) -> datetime | None:
        """When schema/0017 (article_revision_copies) was applied to the archive, to the second."""
        try:
            row = self.conn.execute("SELECT applied_at FROM _sqlite_migrations WHERE migration_set = ? AND name = ?",
                                    (MIGRATION_SET, "0017_revision_copies")).fetchone()
            return datetime.fromisoformat(row[0]).replace(microsecond=0) if row else None
        except (sqlite3.OperationalError, TypeError, ValueError):  # (no such table: read as it is, never upgraded)
            return None

    def _names_its_copies(self, revised_at: str) -> bool:
        """Whether a revision made at `revised_at` was made once the archive had
        article_revision_copies (schema/0017 applied before it), so that one a copy gave names
        that copy there. (Revisions are stamped to the second, migrations to the microsecond.)"""
        since = self._revision_copies_since
        try:
            return since is not None and datetime.fromisoformat(revised_at) >= since
        except (TypeError, ValueError):
            return False

    def keep_revisions(self, article_id: int, changes: dict, now: str, old_extractor: str | None,
                       new_extractor: str, copy_id: int | None = None) -> None:
        """One article_revisions row for each of `changes` (see write_changes); `copy_id` the
        source row of the copy (a duplicate) that gave the new values, None for the article's
        own file, kept in article_revision_copies (new_source stays the signal, which the
        article's <field>_source takes too and reparse decides by)."""
        rows = [(article_id, name, old, old_source, new, new_source, now, old_extractor, new_extractor)
                for name, (old, old_source, new, new_source) in changes.items()]
        insert = ("INSERT INTO article_revisions (article_id, field, old_value, old_source, new_value, "
                  "new_source, revised_at, old_extractor, new_extractor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        if copy_id is None:
            self.conn.executemany(insert, rows)
            return
        # (one by one for their ids: a copy gives a few values, to few articles)
        self.conn.executemany("INSERT INTO article_revision_copies (revision_id, source_id) VALUES (?, ?)",
                              [(self.conn.execute(insert, row).lastrowid, copy_id) for row in rows])

    def write_changes(self, article_id: int, article: Article, changes: dict, now: str,
                      old_extractor: str | None, new_extractor: str, copy_id: int | None = None) -> None:
        """Write `changes` (field -> (old value, old source, new value, new source), the new
        values those of `article`) to the article, each old value kept in article_revisions.
        The search index and article_facets follow by their triggers."""
        self.keep_revisions(article_id, changes, now, old_extractor, new_extractor, copy_id)
        columns: dict[str, object] = {}
        for name, (_, _, new, new_source) in changes.items():
            if name == "outlet":
                columns["outlet_id"] = self._outlet_id(article)
            else:
                columns[name] = new
            if name in REVISED_WITH_SOURCE:
                columns[f"{name}_source"] = new_source
        assignments = ", ".join(f"{column} = ?" for column in columns)
        self.conn.execute(f"UPDATE articles SET {assignments} WHERE id = ?", (*columns.values(), article_id))
        if "authors" in changes:
            self.conn.execute("DELETE FROM article_authors WHERE article_id = ?", (article_id,))
            self.conn.executemany(_INSERT_BYLINE, [(article_id, self._author_id(name), position)
                                                     for position, name in enumerate(article.authors, start=1)])
        if "outlet" in changes:
            from .near_copies import relink_near_copies  # (it imports this module)

            relink_near_copies(self.conn, article_id)

    def _outlet_id(self, article: Article) -> int | None:
        if not article.outlet:
            return None
        if article.outlet in self._outlet_names:  # outlet_key runs several regexes
            return self._outlet_names[article.outlet]
        key, row = self._find_outlet(article)
        if not key:
            return None
        named = article.outlet != article.outlet_domain
        if key in self._outlets:
            outlet_id = self._outlets[key]
            if named and outlet_id in self._named_by_domain and (
                    self._named_by_domain[outlet_id] == article.outlet_domain):
                # (stored by its domain earlier this run; the same domain, as below)
                self.conn.execute("UPDATE outlets SET name = ? WHERE id = ?", (article.outlet, outlet_id))
                del self._named_by_domain[outlet_id]
            self._outlet_names[article.outlet] = outlet_id
            return outlet_id
        if row is not None and row[1] == row[2] == article.outlet_domain and named:
            # A name beats a bare domain as the outlet's display name, and its key becomes the
            # name's: keeping the domain's, a later run found no outlet by the name's key, nor
            # by the domain (no longer the name), and filed the next article under a second
            # outlet of the same name. Articles giving the domain alone still find it by domain.
            # Found by key too: "valleypost.example" and "Valley Post" share one, and the page
            # that named its site was listed under the domain. The same domain only: another
            # site's name sharing the key ("thetimes.other" naming "The Times" for
            # "times.example") is not this outlet's, and renamed it for every article of it.
            self.conn.execute("UPDATE outlets SET name = ?, key = ? WHERE id = ?", (article.outlet, key, row[0]))
            row = (row[0], article.outlet, row[2])
        if row is None:
            row = (self.conn.execute(
                "INSERT INTO outlets (name, domain, key) VALUES (?, ?, ?)",
                (article.outlet, article.outlet_domain, key),
            ).lastrowid, article.outlet, article.outlet_domain)
        elif row[2] is None and article.outlet_domain:
            self.conn.execute("UPDATE outlets SET domain = ? WHERE id = ?", (article.outlet_domain, row[0]))
        self._outlets[key] = self._outlet_names[article.outlet] = row[0]
        if row[1] == row[2]:
            self._named_by_domain[row[0]] = row[2]
        return row[0]

    def known_outlet_id(self, article: Article) -> int | None | object:
        """The id _outlet_id gives the article's outlet, without writing anything: None for
        no outlet, NEW_OUTLET for one the archive does not hold yet."""
        if not article.outlet:
            return None
        if article.outlet in self._outlet_names:
            return self._outlet_names[article.outlet]
        key, row = self._find_outlet(article)
        if not key:
            return None
        if key in self._outlets:
            return self._outlets[key]
        return NEW_OUTLET if row is None else row[0]

    def _find_outlet(self, article: Article) -> tuple[str, tuple | None]:
        """The outlet's key; its row (id, name, domain) if the archive holds it, by key or, for
        a name-less outlet known only by its domain, by domain (see below)."""
        from .normalise import outlet_key  # not at the top: see person_key below

        key = outlet_key(article.outlet)
        if not key or key in self._outlets:
            return key, None
        row = self.conn.execute("SELECT id, name, domain FROM outlets WHERE key = ?", (key,)).fetchone()
        if row is None and article.outlet_domain:
            # A name-less outlet known only by its domain is the named outlet of that domain,
            # and the other way round. Two different names are never merged by domain: a
            # republished story often keeps the original's canonical URL.
            row = self.conn.execute(
                "SELECT id, name, domain FROM outlets WHERE domain = ? AND (name = domain OR ? = ?) "
                "LIMIT 1", (article.outlet_domain, article.outlet, article.outlet_domain),
            ).fetchone()
        return key, row

    def _author_id(self, name: str) -> int:
        # Imported when an article is written: normalise pulls in courlan (and numpy), 0.3 s a
        # re-run of an unchanged folder need not pay.
        from .normalise import person_key

        if name in self._author_names:  # person_key runs a dozen regexes; a name recurs often
            return self._author_names[name]
        key = person_key(name)
        if key not in self._authors:
            row = self.conn.execute("SELECT id FROM authors WHERE key = ?", (key,)).fetchone()
            if row is None:
                row = (self.conn.execute(
                    "INSERT INTO authors (name, key) VALUES (?, ?)", (name, key)
                ).lastrowid,)
            self._authors[key] = row[0]
        self._author_names[name] = self._authors[key]
        return self._authors[key]
