"""news-archive: ingest news articles into a searchable SQLite archive served by Datasette."""

import sys

# Recorded with every source (sources.extractor): a failed input is tried again only when this
# or trafilatura's version changed, so raise it with every change to what extraction finds.
__version__ = "0.3.7"


def import_sqlite_utils():
    """sqlite_utils, imported the first time without numpy. The package's code imports it
    through this, where it needs it (opening an archive as a sqlite-utils Database, applying a
    migration), not when a module is imported: a re-run of an unchanged folder, the command's
    help and its version use plain sqlite3 and need none of it (about 25 ms).

    sqlite-utils imports numpy when it is installed (our language detector needs it), only to
    give numpy values column types on insert. We insert none, and that import was 0.11 s of
    every command: a third of re-running an unchanged folder. A None in sys.modules makes the
    import fail as if numpy were absent; it is removed at once, so numpy imports normally for
    whoever needs it later (the language detector, in the workers). Only the first import
    decides, so every import of sqlite_utils in the package goes through here."""
    if "sqlite_utils" in sys.modules or "numpy" in sys.modules:
        import sqlite_utils

        return sqlite_utils
    sys.modules["numpy"] = None
    try:
        import sqlite_utils
    finally:
        del sys.modules["numpy"]
    return sqlite_utils
