"""A run killed with SIGKILL at any moment leaves a consistent archive, and the next run
finishes the job without duplicates."""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from conftest import ARTICLE_TEXT, connect

RECORDS = 6000


def _write_records(path):
    words = ["harbour", "council", "river", "ferry", "budget", "strike", "flood", "audit", "final", "port"]
    with open(path, "w") as out:
        for n in range(RECORDS):
            # Each body is unique: the record number spelled out in words of the list.
            body = " ".join(words[int(d)] for d in f"{n:06d}") + " " + " ".join(words) * 3
            out.write(json.dumps({"title": f"Record {n}", "body": body, "authors": ["Ada Quill"],
                                  "outlet": "Test Wire", "published": "2025-10-01"}) + "\n")


def _count(db_path, sql):
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute(sql).fetchone()[0]
    except sqlite3.OperationalError:
        return 0
    finally:
        conn.close()


def _stop_once(command, db_path, sql, at_least, signum=signal.SIGINT) -> tuple[int, str, str]:
    """Run `command`, stop it with `signum` once `sql` counts `at_least` rows in the archive (or
    after 60 s), and return its exit status, stdout and stderr.

    Its own process group, which Ctrl-C (SIGINT) signals whole (the worker processes too), as a
    terminal's foreground job has it: a shell that starts jobs in the background (`cmd &`)
    passes SIGINT down ignored, and Python then never turns it into KeyboardInterrupt. Other
    signals go to the run alone, as `kill PID` sends them."""
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               start_new_session=True,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 60
    while _count(db_path, sql) < at_least and time.monotonic() < deadline:
        assert process.poll() is None, process.stderr.read().decode()
        time.sleep(0.02)
    (os.killpg if signum == signal.SIGINT else os.kill)(process.pid, signum)
    stdout, stderr = process.communicate(timeout=60)
    return process.returncode, stdout.decode(), stderr.decode()


def test_sigkill_mid_run_leaves_a_consistent_archive(tmp_path):
    records, db_path = tmp_path / "feed.jsonl", tmp_path / "archive.db"
    _write_records(records)
    command = [sys.executable, "-m", "ingest", "ingest", str(records), "--db", str(db_path), "--workers", "1"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while _count(db_path, "SELECT count(*) FROM articles") < 400 and time.monotonic() < deadline:
        assert process.poll() is None, process.stderr.read().decode()
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    process.wait()
    process.stderr.close()  # read only if the run ended early; else a ResourceWarning
    stored_at_kill = _count(db_path, "SELECT count(*) FROM articles")
    assert 0 < stored_at_kill < RECORDS, "the kill should land mid-run"

    conn = connect(db_path)  # (FTS5's check reads the index's text through cjk_index_text)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    # FTS5's own check that the index matches the external content table exactly.
    conn.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")
    assert conn.execute("SELECT count(*) FROM sources").fetchone()[0] == stored_at_kill
    conn.close()

    finished = subprocess.run(command + ["--json"], capture_output=True, text=True, check=True)
    summary = json.loads(finished.stdout)
    assert summary["stored"] == RECORDS - stored_at_kill
    assert summary["unchanged"] == stored_at_kill
    assert _count(db_path, "SELECT count(*) FROM articles") == RECORDS
    assert _count(db_path, "SELECT count(DISTINCT content_hash) FROM articles") == RECORDS
    assert _count(db_path, "SELECT count(*) FROM sources") == RECORDS


def test_ctrl_c_mid_run_says_what_is_kept_and_the_next_run_finishes(tmp_path):
    records, db_path = tmp_path / "feed.jsonl", tmp_path / "archive.db"
    _write_records(records)
    command = [sys.executable, "-m", "ingest", "ingest", str(records), "--db", str(db_path), "--workers", "2"]
    returncode, _, stderr = _stop_once(command, db_path, "SELECT count(*) FROM articles", 400)
    assert returncode == 130
    assert "Interrupted. Every batch already written is kept" in stderr
    assert "Traceback" not in stderr  # neither ours nor the workers'
    stored = _count(db_path, "SELECT count(*) FROM articles")
    assert 0 < stored < RECORDS
    summary = json.loads(subprocess.run(command + ["--json"], capture_output=True, text=True, check=True).stdout)
    assert (summary["stored"], summary["unchanged"]) == (RECORDS - stored, stored)


def _processes_using(db_path) -> list[int]:
    """Processes whose command line names this archive (the run and its workers)."""
    found = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as cmdline:
                if str(db_path).encode() in cmdline.read():
                    found.append(int(pid))
        except OSError:
            pass
    return found


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGKILL])
def test_a_signal_to_the_run_stops_its_workers_too(tmp_path, signum):
    # `kill PID`, `timeout`, a service manager: SIGTERM reaches the run, not its workers. The
    # run died at once and its two workers were left waiting for work forever (160 MB each).
    # SIGKILL (or the out-of-memory killer) leaves the run no moment to shut its pool down:
    # the workers go with it all the same.
    records, db_path = tmp_path / "feed.jsonl", tmp_path / "archive.db"
    _write_records(records)
    command = [sys.executable, "-m", "ingest", "ingest", str(records), "--db", str(db_path), "--workers", "2"]
    log_path = tmp_path / "stderr.log"  # a pipe would stay open as long as a stray worker lives
    with open(log_path, "wb") as log:
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=log)
    try:
        # Signalled as soon as both workers run. (It waited for 400 stored articles before: the
        # first batch is 500, and the workers had extracted the other 5,500 records and left by
        # the time a loaded machine let this loop see it, so it found no worker to check.)
        deadline = time.monotonic() + 60
        workers: list[int] = []
        while len(workers) < 2 and time.monotonic() < deadline:
            assert process.poll() is None, log_path.read_text()
            time.sleep(0.02)
            workers = [pid for pid in _processes_using(db_path) if pid != process.pid]
        assert len(workers) == 2
        process.send_signal(signum)
        process.wait(timeout=60)
        if signum == signal.SIGTERM:
            stderr = log_path.read_text()
            assert process.returncode == 128 + signal.SIGTERM
            assert "Stopped. Every batch already written is kept" in stderr and "Traceback" not in stderr
        deadline = time.monotonic() + 10
        while _processes_using(db_path) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert _processes_using(db_path) == []
    finally:
        for pid in _processes_using(db_path):  # whatever happens, leave no process behind
            os.kill(pid, signal.SIGKILL)
    summary = json.loads(subprocess.run(command + ["--json"], capture_output=True, text=True, check=True).stdout)
    assert summary["stored"] + summary["unchanged"] + summary["duplicate"] == RECORDS


def _bylines_agree(conn) -> bool:
    """Each article's authors column names the byline rows it has, in order."""
    for article_id, authors in conn.execute("SELECT id, authors FROM articles"):
        names = [row[0] for row in conn.execute(
            "SELECT name FROM article_authors JOIN authors ON authors.id = author_id WHERE article_id = ? "
            "ORDER BY position", (article_id,))]
        if names != json.loads(authors):
            return False
    return True


def _archive_an_older_reader_filed(records, db_path) -> None:
    """An archive of RECORDS articles whose titles, bylines and outlets an older reader read
    otherwise (under another byline and outlet): a reparse revises each one."""
    _write_records(records)
    subprocess.run([sys.executable, "-m", "ingest", "ingest", str(records), "--db", str(db_path)],
                   capture_output=True, check=True)
    with connect(db_path) as conn:  # as an older reader filed them
        stale_author = conn.execute("INSERT INTO authors (name, key) VALUES ('Old Penname', 'oldpenname')").lastrowid
        stale_outlet = conn.execute("INSERT INTO outlets (name, key) VALUES ('Old Wire', 'oldwire')").lastrowid
        conn.execute("UPDATE articles SET title = 'Stale ' || title, authors = '[\"Old Penname\"]', outlet_id = ?",
                      (stale_outlet,))
        conn.execute("UPDATE article_authors SET author_id = ?", (stale_author,))
        conn.execute("UPDATE sources SET extractor = 'older', outlet_id = ?", (stale_outlet,))
    conn.close()


def test_ctrl_c_mid_dry_run_of_reparse_does_not_promise_to_go_on(tmp_path):
    # A dry run writes nothing, so run again it counts from the start: it said "Every batch
    # already written is kept ...; run the same command again to go on", as a real run does.
    folder, db_path = tmp_path / "clippings", tmp_path / "archive.db"
    folder.mkdir()
    for n in range(600):  # (texts, each parsed on its own: a file of records is read in a moment)
        (folder / f"{n}.txt").write_text(f"Ferry fares rise at pier {n}\n\nBy Ann Lee\n\n{ARTICLE_TEXT} {n}.")
    subprocess.run([sys.executable, "-m", "ingest", "ingest", str(folder), "--db", str(db_path)],
                   capture_output=True, check=True)
    command = [sys.executable, "-m", "ingest", "reparse", "--dry-run", "--all", "--db", str(db_path), "--workers", "2"]
    # (nothing in the archive tells how far a dry run has read: stopped as its workers start)
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 60
    while len(_processes_using(db_path)) < 2 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    stderr = stderr.decode()
    assert process.returncode == 130 and "Traceback" not in stderr, "the stop should land mid-run"
    assert "A dry run writes nothing: run again, it counts from the start." in stderr
    assert "Every batch" not in stderr and "go on" not in stderr


def test_ctrl_c_mid_reparse_leaves_a_consistent_archive_and_the_next_run_finishes(tmp_path):
    """Every batch of a reparse is one transaction: stopped between two, each article is either
    revised whole (fields, byline rows, facets, search index, its revisions, its source marked
    read) or not at all, and the next run revises the rest and removes the rows no longer used."""
    records, db_path = tmp_path / "feed.jsonl", tmp_path / "archive.db"
    _archive_an_older_reader_filed(records, db_path)
    command = [sys.executable, "-m", "ingest", "reparse", "--db", str(db_path), "--workers", "1"]
    returncode, _, stderr = _stop_once(command, db_path, "SELECT count(*) FROM article_revisions", 500)
    assert returncode == 130 and "Traceback" not in stderr
    assert "Interrupted. Every batch already written is kept" in stderr

    conn = connect(db_path)
    revised = conn.execute("SELECT count(*) FROM articles WHERE title NOT LIKE 'Stale %'").fetchone()[0]
    assert 0 < revised < RECORDS, "the interruption should land mid-run"
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert _bylines_agree(conn)
    assert conn.execute("SELECT count(*) FROM articles JOIN article_facets USING (id) WHERE "
                        "article_facets.title IS NOT articles.title OR article_facets.outlet_id IS NOT "
                        "articles.outlet_id OR article_facets.authors IS NOT articles.authors").fetchone() == (0,)
    # each revised article has its three old values kept and its source marked read; none other
    assert conn.execute("SELECT count(DISTINCT article_id), count(*) FROM article_revisions").fetchone() == (
        revised, 3 * revised)
    assert conn.execute("SELECT count(*) FROM sources WHERE extractor IS NOT 'older'").fetchone() == (revised,)
    assert conn.execute("SELECT count(*) FROM articles").fetchone() == (RECORDS,)
    conn.close()

    summary = json.loads(subprocess.run(command + ["--json"], capture_output=True, text=True, check=True).stdout)
    assert (summary["candidates"], summary["revised"]) == (RECORDS - revised, RECORDS - revised)
    assert summary["unused_removed"] == {"authors": 1, "outlets": 1}
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT count(*) FROM article_revisions").fetchone() == (3 * RECORDS,)
    assert _bylines_agree(conn) and conn.execute("PRAGMA foreign_key_check").fetchall() == []
    conn.close()


@pytest.mark.parametrize("signum, stopped, code", [
    (signal.SIGINT, "interrupted", 130),  # fails before: nothing on standard output
    (signal.SIGTERM, "terminated", 143),  # (kill, or a script's timeout)
])
def test_a_stopped_run_still_prints_its_json_with_what_was_written(tmp_path, signum, stopped, code):
    records, db_path = tmp_path / "feed.jsonl", tmp_path / "archive.db"
    _write_records(records)
    command = [sys.executable, "-m", "ingest", "ingest", str(records), "--db", str(db_path), "--workers", "1",
               "--json"]
    returncode, stdout, stderr = _stop_once(command, db_path, "SELECT count(*) FROM articles", 400, signum)
    assert returncode == code, stderr
    summary = json.loads(stdout)
    stored = _count(db_path, "SELECT count(*) FROM articles")
    assert summary["stopped"] == stopped and 0 < summary["stored"] <= stored < RECORDS
    assert summary["seen"] == summary["stored"] + summary["duplicate"] + summary["unchanged"] + summary["failed"]
    # near miss: a run that finishes says it was not stopped, in the same shape
    finished = json.loads(subprocess.run(command, capture_output=True, text=True, check=True).stdout)
    assert finished["stopped"] is None and set(finished) == set(summary)


@pytest.mark.parametrize("signum, stopped, code", [
    (signal.SIGINT, "interrupted", 130),  # fails before: nothing on standard output
    (signal.SIGTERM, "terminated", 143),
])
def test_a_stopped_reparse_still_prints_its_json_with_what_was_written(tmp_path, signum, stopped, code):
    records, db_path = tmp_path / "feed.jsonl", tmp_path / "archive.db"
    _archive_an_older_reader_filed(records, db_path)
    command = [sys.executable, "-m", "ingest", "reparse", "--db", str(db_path), "--workers", "1", "--json"]
    returncode, stdout, stderr = _stop_once(command, db_path, "SELECT count(*) FROM article_revisions", 500, signum)
    assert returncode == code, stderr
    summary = json.loads(stdout)
    revised = _count(db_path, "SELECT count(*) FROM articles WHERE title NOT LIKE 'Stale %'")
    assert 0 < revised < RECORDS, "the stop should land mid-run"
    # exactly the batches committed: none rolled back by the stop is counted, none kept is left out
    assert (summary["stopped"], summary["candidates"], summary["revised"], summary["reread"]) == (
        stopped, RECORDS, revised, revised)
    assert summary["fields"] == {"title": revised, "authors": revised, "outlet": revised}
    # near miss: a run that finishes says it was not stopped, in the same shape
    finished = json.loads(subprocess.run(command, capture_output=True, text=True, check=True).stdout)
    assert finished["stopped"] is None and set(finished) == set(summary)
    assert finished["revised"] == RECORDS - revised


def test_a_signal_to_the_whole_process_group_stops_the_run_and_never_hangs(tmp_path):
    # `timeout`, a service manager's stop and `kill -- -PGID` send SIGTERM to the run and its
    # workers at once. The workers died of it while the run's queue thread was writing a task
    # (over a pipe's 64 KB) to them; the run then waited for that thread for ever, printing
    # nothing (its --json neither). Ctrl-C, which the workers ignore, stopped it cleanly.
    records, db_path = tmp_path / "feed.jsonl", tmp_path / "archive.db"
    paragraph = " ".join(["The harbour council met again about the ferry budget."] * 40)
    with open(records, "w") as out:
        for n in range(20000):
            out.write(json.dumps({"title": f"Record {n}", "body": f"Record number {n}. {paragraph}"}) + "\n")
    command = [sys.executable, "-m", "ingest", "ingest", str(records), "--db", str(db_path), "--workers", "2",
               "--json"]
    for attempt in range(3):  # the hang needed the stop to land while a task was being written
        db_path.unlink(missing_ok=True)
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
        try:
            deadline = time.monotonic() + 60
            while _count(db_path, "SELECT count(*) FROM articles") < 300 + 700 * attempt and time.monotonic() < deadline:
                assert process.poll() is None, process.stderr.read().decode()
                time.sleep(0.02)
            os.killpg(process.pid, signal.SIGTERM)
            stdout, stderr = process.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            pytest.fail(f"the run hung after SIGTERM to its process group (attempt {attempt + 1})")
        finally:
            try:
                os.killpg(process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        assert process.returncode == 128 + signal.SIGTERM, stderr.decode()
        assert json.loads(stdout)["stopped"] == "terminated"



# The run, signalling itself at given moments (MOMENT=SIGNUM, comma-separated): with a fork hook
# ("fork:before:N", "fork:after_in_parent:N": before the Nth fork, or just after it in the
# run), or as a function is first called ("_Checkpointer.stop": a name in ingest.pipeline; with
# "~" before it, from a __del__, where Python drops the KeyboardInterrupt). Python runs the
# handler (which raises KeyboardInterrupt) in the next Python code: in a fork hook, as in
# logging's own, the exception is printed and dropped.
_SIGNAL_AT = """
import os, sys
import concurrent.futures
from ingest import pipeline
def signal_from_del(signum):
    class Dropped:
        def __del__(self):
            os.kill(os.getpid(), signum)
    Dropped()
for spec in sys.argv[1].split(","):
    moment, signum = spec.rsplit("=", 1)
    signum = int(signum)
    if moment.startswith("fork:"):
        _, when, nth = moment.split(":")
        def hook(forks=[], nth=int(nth), signum=signum):
            forks.append(1)
            if len(forks) == nth:
                os.kill(os.getpid(), signum)
        os.register_at_fork(**{when: hook})
        continue
    send = (lambda signum: os.kill(os.getpid(), signum)) if not moment.startswith("~") else signal_from_del
    *owners, name = moment.lstrip("~").split(".")
    owner = pipeline if owners[:1] != ["concurrent"] else concurrent
    for step in owners[1 if owner is concurrent else 0:]:
        owner = getattr(owner, step)
    real = getattr(owner, name)
    def signalled(*args, real=real, send=send, signum=signum, sent=[], **kwargs):
        if not sent:
            sent.append(send(signum))
        return real(*args, **kwargs)
    setattr(owner, name, signalled)
from ingest.cli import cli
cli(sys.argv[2:], prog_name="news-archive")
"""


def _run_signalled_at(tmp_path, moments: str):
    """The run of _write_records' records into a new archive, signalled at `moments`: its exit
    status, --json summary, standard error and articles stored; no process of it left."""
    records, db_path = tmp_path / "feed.jsonl", tmp_path / "archive.db"
    _write_records(records)
    command = [sys.executable, "-c", _SIGNAL_AT, moments,
               "ingest", str(records), "--db", str(db_path), "--workers", "2", "--json"]
    log_path = tmp_path / "stderr.log"  # (a pipe would stay open as long as a stray worker lives)
    with open(log_path, "wb") as log:
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=log)
    try:
        stdout, _ = process.communicate(timeout=60)
        stderr = log_path.read_text()
        deadline = time.monotonic() + 10
        while _processes_using(db_path) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert _processes_using(db_path) == []  # the workers went with it
    finally:
        for pid in _processes_using(db_path):
            os.kill(pid, signal.SIGKILL)
    summary = json.loads(stdout) if stdout.strip() else None
    return process.returncode, summary, stderr, _count(db_path, "SELECT count(*) FROM articles")


@pytest.mark.parametrize("moment, signum", [
    ("open_connection", signal.SIGTERM),  # before the run begins
    ("fork:before:1", signal.SIGTERM),  # as the first worker is forked
    ("fork:after_in_parent:1", signal.SIGTERM),  # just after
    ("fork:after_in_parent:2", signal.SIGTERM),  # just after the second
    ("fork:after_in_parent:2", signal.SIGINT),
    ("_Checkpointer.__init__", signal.SIGTERM),  # the first batch just committed
    ("_Checkpointer.stop", signal.SIGTERM),  # every input stored, the archive being closed
])
def test_a_signal_at_any_moment_stops_the_run_and_says_what_it_kept(tmp_path, moment, signum):
    # A SIGTERM that landed while the run forked a worker was lost ("Exception ignored in ...
    # _releaseLock"): the run ingested everything and exited 0. One that landed as the run
    # closed the archive printed '"stored": 0, "seen": 0' of a run that had stored everything.
    returncode, summary, stderr, stored = _run_signalled_at(tmp_path, f"{moment}={int(signum)}")
    terminated = signum == signal.SIGTERM
    assert returncode == (143 if terminated else 130), stderr
    assert ("Stopped." if terminated else "Interrupted.") in stderr
    assert "Traceback" not in stderr and "Exception ignored" not in stderr
    assert summary["stopped"] == ("terminated" if terminated else "interrupted")
    assert summary["stored"] == summary["seen"] == stored


@pytest.mark.parametrize("moments", [
    # Ctrl-C twice: the second as the workers are shut down ("Exception ignored in: <generator
    # object _ordered_parallel>" and a traceback), or as what was kept is reported (no --json,
    # 'Aborted!', exit 1)
    "_Checkpointer.__init__=2,concurrent.futures.ProcessPoolExecutor.shutdown=2",
    "_Checkpointer.__init__=2,Summary.as_dict=2",
    "_Checkpointer.__init__=2,Summary.as_dict=15",  # a kill after the Ctrl-C
])
def test_a_second_stop_lets_the_first_finish_and_report(tmp_path, moments):
    returncode, summary, stderr, stored = _run_signalled_at(tmp_path, moments)
    assert returncode == 130, stderr
    assert "Interrupted." in stderr and "Traceback" not in stderr and "Aborted" not in stderr
    assert summary["stopped"] == "interrupted" and summary["stored"] == stored > 0


def test_a_stop_python_dropped_still_gives_the_run_the_status_of_a_stop(tmp_path):
    # Python drops a KeyboardInterrupt raised in its own hooks or in a __del__ (one is the fork
    # hooks, now held off): the run went on to its end and exited 0, the kill ignored.
    returncode, summary, stderr, stored = _run_signalled_at(tmp_path, "~_Checkpointer.committed=15")
    assert returncode == 143, stderr
    assert "Stopped." in stderr
    assert summary["stopped"] == "terminated" and summary["stored"] == stored == RECORDS


@pytest.mark.parametrize("command", ["ingest", "reparse"])
def test_a_stop_that_lands_in_our_sql_function_is_a_stop_not_an_archive_error(tmp_path, monkeypatch, command):
    """The index's triggers call cjk_index_text on every article written; a Ctrl-C landing while
    SQLite runs it reached the run as sqlite3's "user-defined function raised exception", and
    the run ended as an archive error (exit 1) instead of a stop (130). Here the stop is sent
    from inside the function, on its 40th call."""
    from conftest import run_cli
    from ingest import cjk

    folder, db_path = tmp_path / "in", tmp_path / "archive.db"
    folder.mkdir()
    for n in range(30):
        (folder / f"story-{n:02d}.txt").write_text(
            f"Ferry timetable change number {n}\n\nBy Ada Quill\n\nThe harbour board moved sailing {n} "
            f"to the evening, citing the tides and a crew shortage that began in week {n}.\n")
    if command == "reparse":
        assert run_cli("ingest", folder, "--db", db_path).exit_code == 0
        # a title reparse will change, so that it writes the article again (and its index)
        conn = connect(db_path)
        conn.execute("UPDATE articles SET title = 'old title'")
        conn.commit()
        conn.close()
    calls, index_text = [0], cjk.index_text

    def interrupted_on_the_40th_call(text):
        calls[0] += 1
        if calls[0] == 40:
            signal.raise_signal(signal.SIGINT)
        return index_text(text)

    monkeypatch.setattr(cjk, "index_text", interrupted_on_the_40th_call)
    args = [folder] if command == "ingest" else ["--all"]
    result = run_cli(command, *args, "--db", db_path, "--workers", "1")
    assert calls[0] >= 40
    assert result.exit_code == 130, result.output
    assert "Interrupted." in result.stderr and "raised exception" not in result.output


def _slow_source(source, now):
    """An input whose extraction takes long (a 10 MB page's does), saying when it starts and ends."""
    (source.folder / "started").write_text("")
    time.sleep(5)
    (source.folder / "finished").write_text("")


def test_a_stopped_run_does_not_wait_for_the_pages_its_workers_are_reading(tmp_path, monkeypatch):
    # fails before: a stop waited for the pool's running tasks to finish (shutdown(wait=True)),
    # so Ctrl-C while a worker read a 10 MB page took 88 s to stop the run
    from datetime import datetime, timezone
    from types import SimpleNamespace

    from ingest import pipeline

    # (the workers are forked with these)
    monkeypatch.setattr(pipeline, "hash_source", lambda source: source)
    monkeypatch.setattr(pipeline, "process_source", _slow_source)
    chunk = [SimpleNamespace(folder=tmp_path, size=1, format="text")]
    outcomes = pipeline._ordered_parallel(iter([chunk]), datetime.now(timezone.utc), workers=2)
    assert next(outcomes) is pipeline.WAITING
    deadline = time.monotonic() + 60
    while not (tmp_path / "started").exists() and time.monotonic() < deadline:
        time.sleep(0.02)
    outcomes.close()  # the writer stops, as Ctrl-C stops it
    assert (tmp_path / "started").exists() and not (tmp_path / "finished").exists()


def _slow_start(writer_pid):
    """A worker that takes a while to start (forked while the machine is busy), saying when it has."""
    from ingest import pipeline

    open(os.environ["SLOW_START_FLAG"], "w").close()
    time.sleep(1)
    pipeline.__dict__["_real_start_worker"](writer_pid)


def test_a_run_stopped_while_its_workers_start_does_not_kill_them(tmp_path, monkeypatch):
    # fails before: the stop (SIGUSR1) reached a worker before _start_worker set its handler,
    # and SIGUSR1's default action killed it (exit code -10; 20 of 80 stops made at once)
    from datetime import datetime, timezone
    from types import SimpleNamespace

    from ingest import pipeline

    monkeypatch.setattr(pipeline, "hash_source", lambda source: source)
    monkeypatch.setattr(pipeline, "process_source", _slow_source)
    monkeypatch.setitem(pipeline.__dict__, "_real_start_worker", pipeline._start_worker)
    monkeypatch.setattr(pipeline, "_start_worker", _slow_start)
    monkeypatch.setenv("SLOW_START_FLAG", str(tmp_path / "starting"))
    chunk = [SimpleNamespace(folder=tmp_path, size=1, format="text")]
    outcomes = pipeline._ordered_parallel(iter([chunk, chunk]), datetime.now(timezone.utc), workers=2)
    assert next(outcomes) is pipeline.WAITING
    workers = list(outcomes.gi_frame.f_locals["executor"]._processes.values())
    deadline = time.monotonic() + 60
    while not (tmp_path / "starting").exists() and time.monotonic() < deadline:
        time.sleep(0.02)
    outcomes.close()  # stopped while a worker is still starting
    assert [worker.exitcode for worker in workers] == [0] * len(workers)
    assert not (tmp_path / "started").exists()  # told to stop, it took no task up
