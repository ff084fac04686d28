"""What a command imports before it has work that needs it. Re-running ingest on an unchanged
folder does almost nothing, so its time is Python's start, the imports and opening the archive:
importing the extractors (trafilatura, lxml, courlan, numpy: 0.3-0.6 s) or sqlite-utils (25 ms)
for it made it several times slower. Each run is a fresh process, as a user's is."""

import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ARTICLE_TEXT, undo_source_authors

REPO = Path(__file__).resolve().parents[1]

# Imported only for work that needs them: extraction (trafilatura and what it brings), the
# language model, applying a migration or a command that reads through sqlite-utils; the
# installed packages' metadata reader (with the email parser), for trafilatura's version.
HEAVY = ("trafilatura", "lxml", "htmldate", "courlan", "justext", "numpy", "py3langid", "charset_normalizer",
         "sqlite_utils", "dateutil", "yaml", "datasette", "warcio", "feedparser", "importlib.metadata", "email")

_RUN_AND_LIST_MODULES = """
import json, sys
from ingest.cli import cli
try:
    cli(sys.argv[2:], prog_name="news-archive")
except SystemExit as stop:
    code = stop.code
with open(sys.argv[1], "w") as out:
    json.dump({"code": code, "modules": sorted(sys.modules)}, out)
"""


def command_imports(tmp_path, *args) -> tuple[int, set[str], str]:
    """Run `news-archive ARGS` in a new process: (exit code, the heavy modules it imported,
    standard output)."""
    listing = tmp_path / "modules.json"
    run = subprocess.run([sys.executable, "-c", _RUN_AND_LIST_MODULES, str(listing), *map(str, args)],
                         cwd=REPO, capture_output=True, text=True, check=True)
    found = json.loads(listing.read_text())
    heavy = {first for name in found["modules"] for first in HEAVY if name == first or name.startswith(first + ".")}
    return found["code"] or 0, heavy, run.stdout


def _pages(folder: Path, count: int = 16) -> None:
    """`count` saved pages, enough that ingest starts worker processes for them (a run of fewer
    than 16 small files extracts in its own process), last modified an hour ago."""
    folder.mkdir()
    then = time.time() - 3600
    for n in range(count):
        page = folder / f"story-{n}.html"
        page.write_text(f"<html><head><title>Harbor story {n}</title></head><body><article>"
                        f"<h1>Harbor story {n}</h1><p>Story number {n} of the Harbor Ledger.</p>"
                        + "".join(f"<p>{paragraph}</p>" for paragraph in ARTICLE_TEXT.split("\n\n"))
                        + "</article></body></html>")
        os.utime(page, (then, then))


@pytest.fixture(scope="module")
def ingested_folder(tmp_path_factory):
    """A folder of HTML pages ingested once with two workers, and its archive."""
    root = tmp_path_factory.mktemp("light")
    _pages(root / "pages")
    code, _, out = command_imports(root, "ingest", root / "pages", "--db", root / "archive.db",
                                   "--workers", "2", "--json")
    assert code == 0 and json.loads(out)["stored"] == 16
    return root / "pages", root / "archive.db"


def test_an_unchanged_rerun_imports_neither_the_extractors_nor_sqlite_utils(tmp_path, ingested_folder):
    folder, db = ingested_folder
    code, heavy, out = command_imports(tmp_path, "ingest", folder, "--db", db, "--workers", "2", "--json")
    assert (code, json.loads(out)["unchanged"]) == (0, 16)
    assert heavy == set()


def test_an_unchanged_rerun_that_reads_and_hashes_every_file_imports_no_extractor(tmp_path, ingested_folder):
    # --rehash reads each file and finds its bytes unchanged: still nothing to extract.
    folder, db = ingested_folder
    code, heavy, out = command_imports(tmp_path, "ingest", folder, "--db", db, "--workers", "2", "--json",
                                       "--rehash")
    assert (code, json.loads(out)["unchanged"]) == (0, 16)
    assert heavy == set()


def test_a_rerun_with_a_changed_page_imports_trafilatura_before_starting_the_workers(tmp_path, ingested_folder):
    # The near miss: with a page to extract, the writer imports trafilatura once, before the
    # workers are forked, so that they start with it (each imported it for itself before).
    folder, db = ingested_folder
    page = folder / "story-3.html"
    page.write_text(page.read_text().replace("Story number 3 of", "Story number three of"))
    code, heavy, out = command_imports(tmp_path, "ingest", folder, "--db", db, "--workers", "2", "--json")
    summary = json.loads(out)
    assert (code, summary["stored"], summary["unchanged"]) == (0, 1, 15)
    assert "trafilatura" in heavy


@pytest.mark.parametrize("args", [["--help"], ["--version"], ["ingest", "--help"], ["search", "--help"],
                                  ["serve", "--help"], ["reparse", "--help"]])
def test_help_and_version_import_nothing_heavy(tmp_path, args):
    code, heavy, out = command_imports(tmp_path, *args)
    assert code == 0 and out
    assert heavy == set()


def test_stats_reads_the_archive_without_sqlite_utils(tmp_path, ingested_folder):
    _, db = ingested_folder
    code, heavy, out = command_imports(tmp_path, "stats", "--db", db, "--json")
    assert code == 0 and json.loads(out)["articles"] >= 16  # (a test above stores one page again, edited)
    assert heavy == set()


def test_a_current_archive_opens_without_sqlite_utils_and_an_older_one_is_upgraded(tmp_path):
    # Opened by a new process each time, where sqlite-utils is imported only for a migration.
    script = ("import sys\n"
              "from ingest.store import open_connection\n"
              "conn = open_connection(sys.argv[1])\n"
              "print('sqlite_utils' in sys.modules, conn.execute('PRAGMA recursive_triggers').fetchone()[0],\n"
              "      conn.execute('PRAGMA foreign_keys').fetchone()[0], conn.execute('PRAGMA journal_mode').fetchone()[0])\n")

    def open_in_new_process(db):
        return subprocess.run([sys.executable, "-c", script, str(db)], cwd=REPO, capture_output=True,
                              text=True, check=True).stdout.split()

    db = tmp_path / "archive.db"
    # A new file: the whole schema is made, through sqlite-utils' Migrations.
    assert open_in_new_process(db) == ["True", "1", "1", "wal"]
    # Current: nothing to apply, nothing imported; the connection is set as sqlite-utils'
    # Database sets it (recursive triggers on), and as open_database sets it.
    assert open_in_new_process(db) == ["False", "1", "1", "wal"]
    with sqlite3.connect(db) as conn:  # as an archive made before the last migration
        last = conn.execute("SELECT name FROM _sqlite_migrations ORDER BY rowid DESC LIMIT 1").fetchone()[0]
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = ?", (last,))
        if last == "0029_source_authors":  # (the column it adds, which such an archive lacks)
            undo_source_authors(conn)  # (0029)
        if last == "0031_source_captured":  # (what it added taken away, as before it)
            conn.execute("ALTER TABLE sources DROP COLUMN captured")
    assert open_in_new_process(db) == ["True", "1", "1", "wal"]
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM _sqlite_migrations WHERE name = ?", (last,)).fetchone() == (1,)


def test_installed_versions_are_read_as_importlib_metadata_reads_them():
    from importlib.metadata import distributions, version

    from ingest.store import installed_version

    names = {distribution.metadata["Name"] for distribution in distributions()}
    assert "trafilatura" in names and "sqlite-utils" in names
    assert {name: installed_version(name) for name in names} == {name: version(name) for name in names}
    # Spelt another way, as importlib.metadata normalises it; and a distribution not installed.
    assert installed_version("SQLite_Utils") == version("sqlite-utils")
    assert installed_version("harbor-ledger-tools") is None


@pytest.mark.parametrize("folder_holds, expected", [
    # One NAME-VERSION.dist-info: its METADATA's Version, read directly.
    ({"harbor_ledger_tools-1.2.3.dist-info": "Metadata-Version: 2.1\nName: harbor-ledger-tools\nVersion: 1.2.3\n\nVersion: 9\n"},
     "1.2.3"),
    # The field read as the email parser reads it (spaces after the colon, any case of its name).
    ({"Harbor.Ledger_Tools-1.2.3.dist-info": "Name: harbor-ledger-tools\nversion:   1.2.4rc1\n"}, "1.2.4rc1"),
    # Two candidates in one folder, or none with a Version: importlib.metadata decides.
    ({"harbor_ledger_tools-1.2.3.dist-info": "Name: harbor-ledger-tools\nVersion: 1.2.3\n",
      "harbor_ledger_tools-1.3.0.dist-info": "Name: harbor-ledger-tools\nVersion: 1.3.0\n"}, None),
    ({"harbor_ledger_tools-1.2.3.dist-info": "Name: harbor-ledger-tools\nSummary: no version\n"}, None),
])
def test_a_distribution_first_on_the_path_is_the_one_whose_version_is_read(tmp_path, monkeypatch,
                                                                          folder_holds, expected):
    from importlib.metadata import version

    import ingest.store
    from ingest.store import installed_version

    for name, metadata in folder_holds.items():
        (tmp_path / name).mkdir()
        (tmp_path / name / "METADATA").write_text(metadata)
    monkeypatch.syspath_prepend(str(tmp_path))
    asked = []
    real = ingest.store._version_from_importlib
    monkeypatch.setattr(ingest.store, "_version_from_importlib", lambda name: asked.append(name) or real(name))
    try:
        reference = version("harbor-ledger-tools")
    except Exception as error:  # (what importlib.metadata does with no Version is its own affair)
        reference = error
    if expected is not None:
        assert installed_version("harbor-ledger-tools") == expected == reference
        assert asked == []  # read directly
    else:
        try:
            found = installed_version("harbor-ledger-tools")
        except Exception as error:
            found = error
        assert asked == ["harbor-ledger-tools"]
        assert found == reference or type(found) is type(reference)
