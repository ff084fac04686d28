"""How the ingest writer writes: the log (-wal) copied into the archive by a thread of its own
between batches, and nothing of that left behind once the run ends."""
import json
import os
import sqlite3
import subprocess
import sys
import threading
from types import SimpleNamespace

from ingest import pipeline
from ingest.pipeline import run_ingest


def _records(path, count):
    with open(path, "w") as out:
        for n in range(count):
            out.write(json.dumps({"title": f"Quay note {n}", "body": f"Ann Lee wrote note number {n} about the quay. " * 5,
                                  "authors": ["Ann Lee"], "outlet": "The Harbor Ledger",
                                  "published": "2024-03-01"}) + "\n")


def _log_frames(db_path) -> int:
    conn = sqlite3.connect(db_path)
    try:  # (busy, frames in the log, frames copied into the archive)
        return conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()[1]
    finally:
        conn.close()


def test_batches_are_copied_from_the_log_and_the_copying_thread_ends_with_the_run(tmp_path, monkeypatch):
    records, db_path = tmp_path / "feed.jsonl", tmp_path / "archive.db"
    _records(records, 120)
    monkeypatch.setattr(pipeline, "BATCH_SIZE", 25)
    copies = []
    real_run = pipeline._Checkpointer._run

    def counting_run(self):
        copies.append(threading.current_thread().name)
        return real_run(self)

    monkeypatch.setattr(pipeline._Checkpointer, "_run", counting_run)
    summary = run_ingest([str(records)], str(db_path), workers=1)
    assert summary.stored == 120
    assert copies == ["checkpointer"]  # started once, at the first batch committed
    assert not [t for t in threading.enumerate() if t.name == "checkpointer"]
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'quay'").fetchone()[0] == 120
    conn.close()
    assert _log_frames(db_path) == 0  # closed as before: everything copied, the log emptied


def test_a_run_of_one_batch_starts_no_copying_thread(tmp_path, monkeypatch):
    # An unchanged re-run (one batch, its run's end in the same transaction) is a tenth of a
    # second: closing the archive copies its log, as before.
    records, db_path = tmp_path / "feed.jsonl", tmp_path / "archive.db"
    _records(records, 10)
    started = []
    monkeypatch.setattr(pipeline._Checkpointer, "__init__", lambda self, writer: started.append(writer))
    assert run_ingest([str(records)], str(db_path), workers=1).stored == 10
    assert run_ingest([str(records)], str(db_path), workers=1).unchanged == 10
    assert started == []


def test_the_writer_waits_for_a_copy_only_when_the_last_batch_began_with_one_under_way():
    checkpointer = pipeline._Checkpointer.__new__(pipeline._Checkpointer)
    checkpointer._idle, checkpointer._behind = threading.Event(), False
    checkpointer._thread = SimpleNamespace(is_alive=lambda: True)
    waits = []
    checkpointer._idle.wait = lambda timeout: waits.append(True) or True
    checkpointer.keep_log_short()  # busy, first time: go on
    assert waits == [] and checkpointer._behind
    checkpointer.keep_log_short()  # busy again: wait
    assert waits == [True] and not checkpointer._behind
    checkpointer._idle.set()
    checkpointer.keep_log_short()  # idle: go on (the batch starts the log over)
    assert waits == [True] and not checkpointer._behind


def test_the_writer_settings_are_its_connection_s_alone(tmp_path):
    from ingest.store import open_connection

    writer, other = open_connection(tmp_path / "archive.db"), open_connection(tmp_path / "archive.db")
    pipeline._writer_settings(writer)
    assert writer.execute("PRAGMA temp_store").fetchone()[0] == 2  # statement journals in memory
    assert writer.execute("PRAGMA cache_size").fetchone()[0] == -pipeline.WRITER_CACHE_KB
    assert writer.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 0
    # Another command's connection (optimize merges the whole index in one statement) keeps
    # SQLite's defaults.
    assert other.execute("PRAGMA temp_store").fetchone()[0] == 0
    assert other.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 1000
    writer.close(), other.close()


def _run_in_a_thread(**kwargs):
    """run_ingest in a thread of its own, given 60 s: a writer waiting for ever fails the test
    instead of hanging the suite."""
    ended = {}

    def run():
        try:
            ended["summary"] = run_ingest(**kwargs)
        except BaseException as error:  # noqa: BLE001 (reported by the test)
            ended["error"] = error

    runner = threading.Thread(target=run, daemon=True)
    runner.start()
    runner.join(60)
    assert not runner.is_alive(), "the run hung"
    if "error" in ended:
        raise ended["error"]
    return ended["summary"]


def test_a_copying_thread_that_cannot_open_the_archive_leaves_the_writer_to_copy(tmp_path, monkeypatch):
    # Its connection failed to open ("unable to open database file": no file handle left, the
    # folder gone): the thread died, and the writer waited for its copy for ever, at its third
    # batch. Now the writer copies the log itself, as SQLite does by default.
    records, db_path = tmp_path / "feed.jsonl", tmp_path / "archive.db"
    _records(records, 120)
    monkeypatch.setattr(pipeline, "BATCH_SIZE", 25)
    real_connect = sqlite3.connect

    def connect(*args, **kwargs):
        if threading.current_thread().name == "checkpointer":
            raise sqlite3.OperationalError("unable to open database file")
        return real_connect(*args, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", connect)
    copying, writers = [], []  # at each commit, how many pages in the log make the writer copy it
    real_settings, real_committed = pipeline._writer_settings, pipeline._Checkpointer.committed
    monkeypatch.setattr(pipeline, "_writer_settings", lambda conn: writers.append(conn) or real_settings(conn))

    def committed(self):
        copying.append(writers[0].execute("PRAGMA wal_autocheckpoint").fetchone()[0])
        return real_committed(self)

    monkeypatch.setattr(pipeline._Checkpointer, "committed", committed)
    summary = _run_in_a_thread(paths=[str(records)], db_path=str(db_path), workers=1)
    assert summary.stored == 120
    assert copying[0] == 0 and copying[-1] == 1000  # SQLite's default once the thread was gone
    assert not [t for t in threading.enumerate() if t.name == "checkpointer"]
    monkeypatch.undo()
    assert _log_frames(db_path) == 0


def test_the_copying_thread_opens_the_writer_s_archive_whatever_the_working_folder(tmp_path, monkeypatch):
    # A relative archive path, and the working folder changed during the run (by a caller's
    # callback): the thread opened a new empty 'archive.db' in the other folder, copied nothing,
    # and the log grew by every batch (0.47, 0.87, 1.34, 1.85 MB against 0.47 MB each time).
    # Near miss: without the change (test above), nothing in the other folder either.
    (tmp_path / "run").mkdir(), (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "run")
    _records(tmp_path / "run" / "feed.jsonl", 120)
    monkeypatch.setattr(pipeline, "BATCH_SIZE", 25)
    log_sizes = []
    real_committed = pipeline._Checkpointer.committed

    def committed(self):
        log_sizes.append((tmp_path / "run" / "archive.db-wal").stat().st_size)
        return real_committed(self)

    monkeypatch.setattr(pipeline._Checkpointer, "committed", committed)
    summary = run_ingest(["feed.jsonl"], "archive.db", workers=1,
                         on_written=lambda written: os.chdir(tmp_path / "elsewhere"))
    assert summary.stored == 120
    assert list((tmp_path / "elsewhere").iterdir()) == []
    assert len(log_sizes) >= 4 and max(log_sizes) < 2 * log_sizes[0]  # copied: the log started over


_STOPPED_AS_THE_THREAD_STARTS = """
import os, signal, sys, threading
from ingest import pipeline
# Python's own Ctrl-C handler, as at a terminal: a child of a shell's background job (how a CI
# job may run) starts with SIGINT ignored, and the stop then never came.
signal.signal(signal.SIGINT, signal.default_int_handler)
real_start = pipeline._Checkpointer.start
def start(self):
    real_start(self)
    os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C, the thread just started
pipeline._Checkpointer.start = start
pipeline.BATCH_SIZE = 25
try:
    pipeline.run_ingest([sys.argv[1]], sys.argv[2], workers=1)
except KeyboardInterrupt as stop:
    print(stop.summary.stored, [thread.name for thread in threading.enumerate()])
"""


def test_a_stop_as_the_copying_thread_starts_leaves_no_thread(tmp_path):
    # Before, the stop left the thread running (with its connection to the archive open), as
    # nothing held it yet to stop it: a program calling run_ingest again kept one per stop.
    records, db_path = tmp_path / "feed.jsonl", tmp_path / "archive.db"
    _records(records, 120)
    ran = subprocess.run([sys.executable, "-c", _STOPPED_AS_THE_THREAD_STARTS, str(records), str(db_path)],
                         capture_output=True, text=True, timeout=60)
    assert ran.stdout.split() == ["25", "['MainThread']"], ran.stderr
