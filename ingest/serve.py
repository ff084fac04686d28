"""Serves the archive with Datasette: the settings, metadata and database name that
`news-archive serve` and the tests share, and the sample archive a first run falls back on."""

import asyncio
import json
import os
import sqlite3
import time
from pathlib import Path

import uvicorn
from datasette.app import Datasette

from .datasette_plugin import DATABASE_NAME
from .datasette_plugin.facet_cache import ArchiveDatabase, FacetCache
from .pipeline import Summary, run_ingest
from .resources import load_metadata, samples_dir
from .store import on_read_only_disk, open_for_reading, read_only_uri

# The table whose searched page's count and facets are answered from memory (facet_cache.py):
# the narrow copy of the articles that metadata.yml offers for faceted search.
CACHED_FACETS_TABLE = "article_facets"
# Set to "off" to leave them to Datasette's SQL: the arrays take about 30 MB at a million articles
# (/-/facet-cache.json tells their state and size).
FACET_CACHE_SWITCH = "NEWS_ARCHIVE_FACET_CACHE"

# Chosen for a public, read-only archive of up to a million articles (see README.md, Serving):
SETTINGS = {
    # A ranked search or a timeline takes milliseconds; a pathological query is stopped at 2 s
    # instead of holding one of the few SQL threads.
    "sql_time_limit_ms": 2000,
    # One request never returns more than this many rows; a day-by-day timeline of about three
    # years still fits. Larger results are paged through with _next on table views, and with page
    # on the saved queries (their next_url: datasette_plugin/api_paging.py).
    "max_returned_rows": 1000,
    "default_page_size": 50,
    # Suggested facets run a query per column on every table page and were most of the time of
    # a search at a million articles: off. The configured facets stay, each given up to 500 ms
    # before Datasette shows it as timed out rather than delaying the page.
    "suggest_facets": False,
    "facet_time_limit_ms": 500,
    # The table page shows the start of each body; the article page shows it whole.
    "truncate_cells_html": 240,
}


class ArchiveDatasette(Datasette):
    """Datasette that checks the database files for schema changes at most once a second.

    Datasette 0.65 reads every database's schema version before each request (views/base.py
    calls refresh_schemas): three SQL calls, each handed to its thread pool and back. On this
    2-core VM each hand-off waits for a thread to wake, and the three cost about 0.3 ms of a
    6 ms search at a million articles (benchmarks/README.md, Stop 20). The archive's schema only
    changes when an ingest upgrades it, so a page that shows a new table up to a second late
    loses nothing; articles themselves are read afresh by every query as before."""

    SCHEMA_CHECK_SECONDS = 1.0
    _schema_checked_at = float("-inf")

    async def refresh_schemas(self):
        now = time.monotonic()
        if now - self._schema_checked_at < self.SCHEMA_CHECK_SECONDS:
            return
        self._schema_checked_at = now
        await super().refresh_schemas()


def count_articles(db_path: str | Path) -> int | None:
    """How many articles the archive holds, or None if it is no archive (yet)."""
    if not Path(db_path).exists():
        return None
    connection = sqlite3.connect(read_only_uri(db_path), uri=True)
    try:
        return connection.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:  # an empty file, or not ingested into yet
        return None
    finally:
        connection.close()


def count_runs(db_path: str | Path) -> int:
    """How many ingest runs the archive has had (0 for no archive, or an empty file)."""
    if not Path(db_path).exists():
        return 0
    connection = sqlite3.connect(read_only_uri(db_path), uri=True)
    try:
        return connection.execute("SELECT count(*) FROM ingest_runs").fetchone()[0]
    except sqlite3.OperationalError:
        return 0
    finally:
        connection.close()


def samples_unfinished(db_path: str | Path) -> bool:
    """Whether every ingest run the archive has had is the first serve's samples, and none of them
    finished: Ctrl+C while the first `serve` ingested them left the archive with a run, so it
    counted as ingested into, and 0 of the samples (or a few) were served for good."""
    if not Path(db_path).exists():
        return False
    connection = sqlite3.connect(read_only_uri(db_path), uri=True)
    try:
        runs = connection.execute("SELECT arguments, finished FROM ingest_runs").fetchall()
    except sqlite3.OperationalError:
        return False
    finally:
        connection.close()
    samples = json.dumps([str(samples_dir())])
    return bool(runs) and all(arguments == samples and finished is None for arguments, finished in runs)


def ensure_archive(db_path: str | Path) -> Summary | None:
    """Ingest the bundled samples if the archive is missing or was never ingested into, so a
    first `serve` shows something; returns the ingest summary, or None if it was left as it was.

    An archive the user has ingested into is never filled, even with no article in it (every
    input failed, or the articles were deleted): the fictional samples would stay in it for
    good, among the real stories ingested later. One whose only runs are the samples', stopped
    before they finished, gets the rest of them (samples_unfinished).

    An archive made by an older version is brought up to the current schema first: the saved
    queries in metadata.yml read what the newest migrations add (article_facets, its index)."""
    if (count_articles(db_path) or count_runs(db_path)) and not samples_unfinished(db_path):
        open_for_reading(db_path).close()  # (on a read-only disk: served as it is)
        return None
    return run_ingest([str(samples_dir())], str(db_path))


def build_datasette(db_path: str | Path, cors: bool = False) -> ArchiveDatasette:
    """A Datasette instance on the archive with the project's metadata and settings.

    Datasette names a database after its file; it is re-added as "archive" so the metadata and
    its links apply to any file name. The file is opened mutable (Datasette reads it with
    mode=ro), not immutable, so that a running ingest's new articles show up.

    The database is an ArchiveDatabase, which answers the count and facets of the searched
    article_facets page from memory; their arrays load in a background thread (a few seconds at a
    million articles), and until they are ready Datasette's own queries answer.

    cors: Datasette's --cors, Access-Control-Allow-Origin: * on every answer, so that a page of
    another origin (a newsroom dashboard) can read the JSON; off unless asked, as in Datasette.
    """
    db_path = Path(db_path)
    metadata = load_metadata()
    # On a read-only disk, immutable: SQLite cannot open a WAL file there otherwise (see
    # store.on_read_only_disk), and nothing there can change it.
    read_only = on_read_only_disk(db_path)
    datasette = ArchiveDatasette(files=[] if read_only else [str(db_path)],
                                 immutables=[str(db_path)] if read_only else [],
                                 metadata=metadata, settings=SETTINGS, cors=cors)
    plain = datasette.databases[db_path.stem]
    datasette.remove_database(db_path.stem)
    database = ArchiveDatabase(datasette, path=plain.path, is_mutable=plain.is_mutable)
    datasette.add_database(database, name=DATABASE_NAME)
    if os.environ.get(FACET_CACHE_SWITCH, "on") != "off" and not read_only:  # (it reads with mode=ro)
        table = metadata["databases"][DATABASE_NAME]["tables"][CACHED_FACETS_TABLE]
        database.facet_cache = FacetCache.from_metadata(str(db_path.resolve()), CACHED_FACETS_TABLE, table)
        database.facet_cache.load_in_background()
    return datasette


def serve(db_path: str | Path, host: str, port: int, cors: bool = False) -> None:
    """Run Datasette on the archive until interrupted (what `datasette serve` does)."""
    datasette = build_datasette(db_path, cors)
    asyncio.run(datasette.invoke_startup())
    # http and loop "auto" pick httptools and uvloop, installed with the package (pyproject.toml):
    # uvicorn's C parser and event loop, about 0.3 ms less per request than h11 and asyncio.
    uvicorn.run(datasette.app(), host=host, port=port, log_level="info", lifespan="on", workers=1,
                http="auto", loop="auto")
