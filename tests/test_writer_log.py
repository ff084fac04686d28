"""How the ingest writer writes: the log (-wal) copied into the archive by a thread of its own
between batches, and nothing of that left behind once the run ends."""
import json
import sqlite3
import threading

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
    monkeypatch.setattr(pipeline._Checkpointer, "__init__", lambda self, path: started.append(path))
    assert run_ingest([str(records)], str(db_path), workers=1).stored == 10
    assert run_ingest([str(records)], str(db_path), workers=1).unchanged == 10
    assert started == []


def test_the_writer_waits_for_a_copy_only_when_the_last_batch_began_with_one_under_way():
    checkpointer = pipeline._Checkpointer.__new__(pipeline._Checkpointer)
    checkpointer._idle, checkpointer._behind = threading.Event(), False
    waits = []
    checkpointer._idle.wait = lambda: waits.append(True)
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
