"""The archive file itself: a --db that cannot be an archive (its folder missing, a file of
another kind, another program's database, a read-only file) is one clear message naming the
file and the reason, never a traceback, and leaves that file as it was."""

import sqlite3

import pytest

from conftest import ARTICLE_TEXT, run_cli

COMMANDS = {
    "ingest": lambda story: ("ingest", story),
    "stats": lambda story: ("stats",),
    "search": lambda story: ("search", "river"),
    "optimize": lambda story: ("optimize",),
}


@pytest.fixture
def story(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("Millbrook bridge closed\n\n" + ARTICLE_TEXT)
    return path


def test_an_archive_in_a_folder_that_does_not_exist_is_a_clear_error(tmp_path, story):
    db_path = tmp_path / "no-such-folder" / "archive.db"
    result = run_cli("ingest", story, "--db", db_path)
    assert result.exit_code == 1
    assert str(db_path) in result.output and "no-such-folder" in result.output
    assert "does not exist" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_file_that_is_not_a_database_is_a_clear_error_and_is_left_alone(tmp_path, story, command):
    notes = tmp_path / "notes.txt"
    notes.write_text("Call Ann Lee about the ferry timetable.\n")
    result = run_cli(*COMMANDS[command](story), "--db", notes)
    assert result.exit_code == 1, result.output
    assert f"{notes} is not a news archive" in result.output
    assert "Traceback" not in result.output
    assert notes.read_text() == "Call Ann Lee about the ferry timetable.\n"


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_another_programs_database_is_not_written_into(tmp_path, story, command):
    other = tmp_path / "recipes.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.execute("INSERT INTO recipes VALUES ('Harbor chowder')")
    conn.commit()
    conn.close()
    result = run_cli(*COMMANDS[command](story), "--db", other)
    assert result.exit_code == 1, result.output
    assert f"{other} is not a news archive" in result.output and "recipes" in result.output
    conn = sqlite3.connect(other)
    tables = [row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    conn.close()
    assert tables == ["recipes"]


def test_an_empty_file_becomes_an_archive(tmp_path, story):
    # An empty file is an empty SQLite database (what `touch archive.db` makes): not refused.
    db_path = tmp_path / "archive.db"
    db_path.touch()
    result = run_cli("ingest", story, "--db", db_path)
    assert result.exit_code == 0, result.output
    assert "1 new" in result.output


def test_a_read_only_archive_is_a_clear_error_and_keeps_what_it_holds(tmp_path, story, monkeypatch):
    db_path = tmp_path / "archive.db"
    assert run_cli("ingest", story, "--db", db_path).exit_code == 0
    # As SQLite opens a file the user may not write (chmod a-w; root is never refused, so the
    # test opens it read-only the way SQLite would have to).
    from ingest import store

    monkeypatch.setattr(store, "_connect", lambda path: sqlite3.connect(f"file:{path}?mode=ro", uri=True))
    other = tmp_path / "other.txt"
    other.write_text("Ferry timetable changes\n\nThe ferry to Port Vale will sail an hour later from "
                     "Monday, the harbour office said, because the tide tables have moved.")
    result = run_cli("ingest", other, "--db", db_path)
    assert result.exit_code == 1
    assert str(db_path) in result.output and "read-only" in result.output
    assert "Traceback" not in result.output
    monkeypatch.undo()
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
    conn.close()


def test_optimize_on_an_archive_locked_too_long_is_a_clear_error(tmp_path, story, monkeypatch):
    from ingest import store

    db_path = tmp_path / "archive.db"
    assert run_cli("ingest", story, "--db", db_path).exit_code == 0
    monkeypatch.setattr(store, "BUSY_TIMEOUT_MS", 200)
    other = sqlite3.connect(db_path)
    other.execute("BEGIN IMMEDIATE")  # an ingest holds the archive
    try:
        result = run_cli("optimize", "--db", db_path)
    finally:
        other.rollback()
        other.close()
    assert result.exit_code == 1
    assert "stayed locked by another writer" in result.output and "Traceback" not in result.output


def test_serve_on_a_port_in_use_says_so_before_touching_the_archive(tmp_path):
    # uvicorn's own words came after the bundled samples were ingested into the new archive:
    # "[Errno 98] error while attempting to bind on address", and exit status 3.
    import socket

    db_path = tmp_path / "archive.db"
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run_cli("serve", "--db", db_path, "--port", port)
    assert result.exit_code == 1
    assert f"port {port}" in result.output and "in use" in result.output and "--port" in result.output
    assert not db_path.exists()


def test_commands_started_together_on_a_new_archive_all_succeed(tmp_path):
    # An ingest and a serve started together on a first run, or two cron jobs: each found the
    # migrations pending, and one failed with "index ... already exists", called the file
    # "another program's database" (it saw the other's half-made schema), or said it had
    # waited 60 s for a lock it had not waited for.
    import subprocess
    import sys
    import time

    opener = ("import sys, time\n"
              "from ingest.store import open_database\n"
              "time.sleep(max(0.0, float(sys.argv[2]) - time.time()))\n"  # all start at once
              "open_database(sys.argv[1]).close()\n")
    for round_ in range(4):
        db_path = tmp_path / f"new-{round_}.db"
        start = str(time.time() + 1.0)
        processes = [subprocess.Popen([sys.executable, "-c", opener, str(db_path), start],
                                      stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                     for _ in range(4)]
        outcomes = [(p.wait(timeout=120), p.stderr.read()) for p in processes]
        assert all(code == 0 for code, _ in outcomes), [err for _, err in outcomes if err]
        with sqlite3.connect(db_path) as conn:
            names = [row[0] for row in conn.execute("SELECT name FROM _sqlite_migrations")]
        assert len(names) == len(set(names)) and "0009_article_versions" in names


@pytest.fixture
def read_only_disk(tmp_path):
    """A folder on a file system mounted read-only (a DVD, a snapshot, a share mounted so), made
    with a small tmpfs; skipped where this user may not mount one. Yields (folder, remount):
    call remount() once the files are in place."""
    import subprocess

    folder = tmp_path / "disk"
    folder.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(folder)],
                      capture_output=True).returncode != 0:
        pytest.skip("mounting a tmpfs needs root (and a system that allows it)")

    def remount():
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)

    try:
        yield folder, remount
    finally:
        # (lazily: a connection the command left open would keep it busy)
        subprocess.run(["umount", "-l", str(folder)], check=False)


@pytest.mark.parametrize("command, output", [
    # fail before: "cannot open or create the archive ... may you write in ...?"
    (("search", "river"), "Millbrook bridge closed"),
    (("stats",), "articles"),
    (("reparse", "--dry-run"), "stored article(s) to read again"),
    # writing into it is still refused (before too), now in words that say why
    (("ingest", "{story}"), "may not write"),
])
def test_an_archive_on_a_read_only_disk_is_read(tmp_path, story, read_only_disk, command, output):
    folder, remount = read_only_disk
    db_path = tmp_path / "archive.db"
    assert run_cli("ingest", story, "--db", db_path).exit_code == 0
    import shutil

    shutil.copy(db_path, folder / "archive.db")  # closed cleanly: no -wal or -shm beside it
    remount()
    result = run_cli(*[part.format(story=story) for part in command], "--db", folder / "archive.db")
    assert result.exit_code == (1 if command[0] == "ingest" else 0), result.output
    assert output in result.output and "Traceback" not in result.output


def test_an_archive_on_a_read_only_disk_is_served(tmp_path, story, read_only_disk):
    from ingest.serve import build_datasette, ensure_archive

    folder, remount = read_only_disk
    assert run_cli("ingest", story, "--db", tmp_path / "archive.db").exit_code == 0
    import shutil

    shutil.copy(tmp_path / "archive.db", folder / "archive.db")
    remount()
    assert ensure_archive(folder / "archive.db") is None  # fails before: it tried to ingest the samples
    import asyncio

    async def search():
        datasette = build_datasette(folder / "archive.db")
        await datasette.invoke_startup()
        return await datasette.client.get("/archive/search.json?q=river&_shape=array")

    response = asyncio.run(search())
    assert response.status_code == 200 and response.json()[0]["title"] == "Millbrook bridge closed"


def test_an_older_archive_on_a_read_only_disk_says_it_needs_its_upgrade(tmp_path, story, read_only_disk):
    folder, remount = read_only_disk
    db_path = tmp_path / "archive.db"
    assert run_cli("ingest", story, "--db", db_path).exit_code == 0
    with sqlite3.connect(db_path) as conn:  # as an older version left it: its last migration not run
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = (SELECT max(name) FROM _sqlite_migrations)")
    conn.close()
    import shutil

    shutil.copy(db_path, folder / "archive.db")
    remount()
    result = run_cli("search", "river", "--db", folder / "archive.db")
    assert result.exit_code == 1 and "must be upgraded once" in result.output, result.output


def test_an_archive_before_the_copies_bylines_on_a_read_only_disk_is_not_served(tmp_path, story, read_only_disk):
    # Why the article page reads sources.authors without asking whether it is there (schema/0029):
    # `serve` upgrades a writable archive first, and refuses an older one it cannot upgrade.
    from conftest import undo_source_authors
    from ingest.serve import ensure_archive
    from ingest.store import ArchiveNeedsUpgrade

    folder, remount = read_only_disk
    db_path = tmp_path / "archive.db"
    assert run_cli("ingest", story, "--db", db_path).exit_code == 0
    with sqlite3.connect(db_path) as conn:
        undo_source_authors(conn)
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0029_source_authors'")
    conn.close()
    import shutil

    shutil.copy(db_path, folder / "archive.db")
    remount()
    with pytest.raises(ArchiveNeedsUpgrade, match="0029_source_authors"):
        ensure_archive(folder / "archive.db")
