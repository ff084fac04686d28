"""news-archive: ingest news articles into a searchable SQLite archive served by Datasette."""

import sys

# Recorded with every source (sources.extractor): a failed input is tried again only when this
# or trafilatura's version changed, so raise it with every change to what extraction finds.
__version__ = "0.3.1"


def _import_sqlite_utils_without_numpy():
    """sqlite-utils imports numpy when it is installed (our language detector needs it), only
    to give numpy values column types on insert. We insert none, and that import was 0.11 s of
    every command: a third of re-running an unchanged folder. A None in sys.modules makes the
    import fail as if numpy were absent; it is removed at once, so numpy imports normally for
    whoever needs it later (the language detector, in the workers). Done here, where the
    package is first imported: each command reaches sqlite-utils through a different module first
    (the CLI now through migrations), and only the first import decides."""
    if "numpy" in sys.modules:
        return
    sys.modules["numpy"] = None
    try:
        import sqlite_utils  # noqa: F401
    finally:
        del sys.modules["numpy"]


_import_sqlite_utils_without_numpy()
