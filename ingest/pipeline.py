"""Wires the stages for one ingest run: read -> (skip known) -> extract + normalise + hash in
worker processes -> store in batches in this process (SQLite wants a single writer)."""

import importlib
import os
import signal
import sqlite3
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from itertools import chain
from pathlib import Path

from .dedupe import content_hash
from .extract_record import UnreadableRecord
from .read import InputFile, expand_paths, hash_source, holds_one_article, read_as_mailbox, read_sources
from .record import Outcome, Source
from .store import (DUPLICATE, FAILED, STORED, UNCHANGED, Archive, Written, open_connection,
                    remove_unused_authors_and_outlets)

# Sources per transaction. Each commit also flushes FTS5's pending terms as a new index
# segment that later merges must rewrite, so bigger batches mean a smaller merge bill: 1,000
# records ingested 1.4x faster than 200 at 100k articles, and 5,000 took the writer 8-13% less
# CPU than 1,000 at 50k under load (10,000: no better, and more memory). On the idle machine
# at 100k the wall time showed no clear difference (benchmarks/README.md, stop 15).
BATCH_SIZE = 5000
BATCH_BYTES = 32_000_000  # ...or this much extracted text, whichever comes first
# ...or, for slow inputs, when its first outcome has waited this long. A run of a few hundred
# HTML pages never filled a batch, so all of its writing (FTS5 indexing, ~2.5 ms a page) came
# after the last page was extracted, with one core idle; written every few seconds it overlaps
# extraction. Inputs that arrive faster (records, ~1,000 a second) keep their batches whole:
# there the writer is the bottleneck, and whole batches cost it least.
BATCH_SECONDS, SLOW_BATCH = 2.0, 500
SMALL_RUN_FILES, SMALL_RUN_BYTES = 16, 1_000_000  # below both, extract in this process
PROGRESS_BYTES = 1_000_000  # progress is reported at least every this many bytes read
# Sources per task sent to a worker, at most this many or this many bytes: each task is a
# hand-off between processes, and each hand-off wakes this process's two pool threads, which
# take the GIL from the writer (and the writer, put to sleep, waits to be woken again). 20,000
# records appended to a 200,000-article archive, five runs each, alternated on the idle
# machine: with 8 a task the writer slept 14,600-18,600 times, the pool threads used 1.3-1.5
# CPU s, all processes 21.9-23.4 CPU s, and the runs took 13.5-13.9 s; with 64, 6,600-8,900
# times, 0.6-0.8 s, 21.0-22.1 s and 12.7-13.8 s (plain sqlite3: 11.3-12.1 s). The byte bound
# keeps HTML pages (tens of ms each) a few to a task, so two workers share a small folder evenly.
CHUNK_SIZE, CHUNK_BYTES = 64, 512_000
# ...but the first task holds this many, and each next one twice as many up to CHUNK_SIZE: a
# worker's first sources wait for its warming up (the rules' imports, the language model: 0.9 s
# idle, 3 s at load 10), and no outcome comes back before its whole task is done. 3,000 small
# texts at load 10 showed the bar at 0% for 9.4 s, 6.5 s of it the first two tasks of 64.
FIRST_CHUNK = 4
# Work queued for the workers: enough to keep them busy while this process writes a whole
# batch (the writer and the workers then overlap), bounded in bytes for large HTML pages.
# 100k records, batches of 5,000, idle machine, each alternated with stop 14's batches of 1,000
# (2,000 in flight): 2,000 in flight took 240.2 and 230.9 s against 191.3 and 231.0 s; later,
# twice the batch took 133.7 and 149.5 s against 157.6 and 142.1 s (the machine's speed drifts
# by 10-20%). Peak memory 249 against 174 MB.
IN_FLIGHT_SOURCES, IN_FLIGHT_BYTES = 2 * BATCH_SIZE, 64_000_000
# See _start_worker. 19, the lowest priority: with 5 the writer still lost part of its core to
# the two workers, and 100k records took 112.5 and 113.7 s against 108.0 and 106.1 s with 19
# (alternated, idle 2-core machine; plain sqlite3 91.5 s). One worker instead is no answer:
# it cannot keep up with the writer (189.6 s).
WORKER_NICENESS = 19
# The writer's page cache, in KB (SQLite's default is 2 MB). Each article inserted changes a
# leaf of six indexes at random places (its text's hash, date, outlet and date, address, its
# authors, its source's bytes' hash): with 2 MB each such leaf was read again through the kernel
# and its change written out to the log early, mid-batch, to make room. 20,000 records replayed
# onto a 200,000-article archive (statement journals in memory already), alternated: read calls
# 0.65M -> 0.26M, write calls 0.57M -> 0.41M, the writer's CPU 10.06, 9.74 -> 9.21, 8.73 s (32 MB:
# 9.07, 9.14 s). At 1M, stop 21 measured 128 MB: the articles insert 48.5 -> 42.6 s. It costs its
# size in peak memory, whatever the corpus (about 250 -> 315 MB; the target is 500).
WRITER_CACHE_KB = 65_536


# Ctrl-C, and kill (which the command turns into a Ctrl-C): see _stops_held
STOPS = {signal.SIGINT, signal.SIGTERM}


@contextmanager
def _stops_held(also: frozenset = frozenset()):
    """Hold Ctrl-C and kill (STOPS) back for the block: one that comes meanwhile stops the run as
    the block ends. Python runs a signal's handler, which raises KeyboardInterrupt, in whatever
    Python code the main thread runs next, and forking a worker runs some of Python's own
    (logging's fork hooks), which prints the exception and drops it: a kill that landed while
    the pool started its workers was lost, and the run went on to the end and exited 0 (its
    test saw it about 4 times in 40 under load).

    Two holds, as neither is enough alone:
    - This thread's signal mask. Threads started within the block hold the stops for good (a
      thread starts with its creator's mask), so the pool's threads and the checkpointer are
      started here, and the main thread is the one that takes a stop.
    - In the main thread, Python-level handlers that only note the stop, the program's own
      handlers called as the block ends. The kernel hands a signal sent to the process to any
      thread that does not hold it, and other threads do not: native ones (numpy's maths
      library starts some when language detection is imported) and a calling program's own.
      Python then runs the handler in the main thread, mask or not: the stop raised inside the
      block, in the checkpointer's start (the thread was left running, its archive open), about
      5 times in 40 under load.

    `also`: more signals held in the thread's mask alone (no handler of ours notes them)."""
    import threading

    noted: list[int] = []
    handlers = {}
    if threading.current_thread() is threading.main_thread():  # (only the main thread may set them)
        for stop in STOPS:
            if signal.getsignal(stop) is not None:  # (None: set outside Python, and not to be restored)
                handlers[stop] = signal.signal(stop, lambda signum, frame: noted.append(signum))
    masked = hasattr(signal, "pthread_sigmask")  # (Windows: no signal masks)
    before = signal.pthread_sigmask(signal.SIG_BLOCK, STOPS | also) if masked else None
    try:
        yield
    finally:
        if masked:
            signal.pthread_sigmask(signal.SIG_SETMASK, before)  # a stop held back is noted now
        for stop, handler in handlers.items():
            signal.signal(stop, handler)
        if noted:
            signal.raise_signal(noted[0])  # the program's own handler, as if it came now


NOT_ASKED = object()
# A sighting: these bytes are stored from this location, but the file's sidecar changed since.
READ_FOR_SIDECAR = "read for sidecar"
# Yielded by _ordered_parallel before it waits for the workers: the writer may write what it
# holds instead of waiting idle. At the start of a run it waits for the workers to import
# and extract a whole batch (5,000 records: about 1.3 s of a 20,000-record run into a 200,000
# archive); writing the first few hundred meanwhile took that wait to 0.3-0.4 s and the run
# from 11.9 and 11.7 s to 11.0 and 11.4 s (alternated, idle machine). Once the writer is the
# slower stage it never waits, and batches stay whole.
# Written early only at the start (within the run's first BATCH_SIZE outcomes) and at the end
# (every input read, less than a batch still with the workers), or a batch that came slowly
# (see _came_slowly). In between, a writer that waits has the
# slower stage behind it, and writing early there only cut the batches small: each commit (a
# new FTS5 segment, merged again later, and a WAL sync) cost the writer CPU the workers wanted.
# 100,000 records into an empty archive beside other work: 183 batches of 546 on average, their
# commits 19 s of the writer's time.
WAITING = object()
WAITING_SECONDS = 1.0  # how often WAITING is said again while the workers are still behind
# The least a batch written early holds: a commit costs a few milliseconds whatever its size.
EARLY_BATCH = 500


def _came_slowly(outcomes: int, seconds: float) -> bool:
    """Whether a batch's outcomes came, on average, no faster than a slow input's (SLOW_BATCH
    in BATCH_SECONDS): mid-run, a writer waiting for the workers then writes it rather than
    keep it whole. Records followed by slow HTML pages otherwise left the records' last part in
    a batch that filled at the pages' pace: 96 s with nothing written and no progress shown
    (7,000 records, then 6,000 pages of 30 KB, 2 workers), and a SIGTERM 30 s in kept 4,800
    sources where writing early whenever the workers were behind had kept 7,935. Records that
    keep coming faster (the case writing early only at the start and the end is for) stay whole."""
    return seconds >= BATCH_SECONDS * max(1.0, outcomes / SLOW_BATCH)


@dataclass
class Summary:
    stored: int = 0
    duplicate: int = 0
    unchanged: int = 0
    failed: int = 0
    unchanged_failed: int = 0  # of the unchanged, those that failed in an earlier run
    new_versions: int = 0  # of the stored, those that are another text of a stored article's story
    # of the stored, those of a file unchanged since it stored them, their article deleted since
    stored_again: int = 0
    # of the unchanged, those read again for a corrected sidecar whose values they then took
    sidecar_revised: int = 0
    # of the duplicates, those that gave their article a value it lacked (a date, a byline...)
    filled_from_copies: int = 0
    failures: list[dict] = field(default_factory=list)
    # What was dropped of a value an input gave (Article.warnings): {"location", "warning"}
    warnings: list[dict] = field(default_factory=list)
    seconds: float = 0.0
    run_id: int | None = None
    database: str = ""

    @property
    def seen(self) -> int:
        return self.stored + self.duplicate + self.unchanged + self.failed

    def as_dict(self) -> dict:
        return {
            "database": self.database,
            "run_id": self.run_id,
            "seen": self.seen,
            "stored": self.stored,
            "duplicate": self.duplicate,
            # (the same count under the name `stats --json` gives it; "duplicate" is kept for the
            # scripts that read it)
            "duplicates": self.duplicate,
            "unchanged": self.unchanged,
            "failed": self.failed,
            "unchanged_failed": self.unchanged_failed,
            "new_versions": self.new_versions,
            "stored_again": self.stored_again,
            "sidecar_revised": self.sidecar_revised,
            "filled_from_copies": self.filled_from_copies,
            "seconds": round(self.seconds, 3),
            "failures": self.failures,
            "warned": inputs_warned(self.warnings),
            "warnings": self.warnings,
        }


def process_source(source: Source, now: datetime) -> Outcome:
    """Extract, normalise and hash one source. Runs in a worker; never raises."""
    if source.error:
        return Outcome(source, error=source.error)
    # Imported here: trafilatura and courlan (with numpy) take 0.6 s to import, which a re-run
    # of an unchanged folder (nothing to extract) should not pay.
    from .extract import extract
    from .near_copies import text_sketch
    from .normalise import normalise

    try:
        article = normalise(extract(source), now)
        if not article.body:
            return Outcome(source, error="no article text found")
        article.content_hash = content_hash(article.body)
        article.sketch = text_sketch(article.body)
        return Outcome(source, article)
    except Exception as error:  # one bad input must never stop the run
        message = str(error) or type(error).__name__
        return Outcome(source, error=message if isinstance(error, ValueError) else f"{type(error).__name__}: {message}",
                       unreadable=isinstance(error, UnreadableRecord))


# A stopped run (Ctrl-C, kill, an error in the writer) tells its workers to drop their tasks with
# this signal: the pool's shutdown waited for the task each worker was extracting, and Ctrl-C
# while a worker read a 10 MB page took 88 s to stop the run, writing nothing meanwhile. Not
# SIGKILL: a worker killed while it sent its outcomes left half a message in the pool's pipe,
# and the pool's thread waited for the rest for ever (the run hung).
STOP_TASK = signal.SIGUSR1 if hasattr(signal, "SIGUSR1") else None
# Held in the mask the workers are forked with, until _start_worker has set its handler: a stop
# sent just after the fork killed a worker still starting (SIGUSR1's default action), 20 times
# in 80 stops made right after the pool started (review35a's early_stop.py).
HELD_AT_FORK = frozenset({STOP_TASK} if STOP_TASK is not None else ())
_in_task = False  # (a worker's: whether it is extracting, which the stop may then interrupt)
_told_to_stop = False  # (a worker's: told, it drops the tasks still queued for it too)


class TaskStopped(BaseException):
    """Raised in a worker told to stop (STOP_TASK): a BaseException, so that process_source's
    "one bad input must never stop the run" lets it through, to end the task."""


def _stop_task(signum, frame) -> None:
    global _told_to_stop
    _told_to_stop = True
    if _in_task:  # (not while the worker waits for a task or sends its outcomes: the pool's pipes)
        raise TaskStopped()


def inputs_warned(warnings: list[dict]) -> int:
    """The inputs with a warning among `warnings` (one input may have several): the summary's
    "N with a warning" and its `warned`, which counted the warnings."""
    return len({warned["location"] for warned in warnings})


def _process_chunk(chunk: list[Source], now: datetime) -> list[Outcome]:
    global _in_task
    try:
        _in_task = True  # (inside the try: a stop right after it still meets the finally)
        if _told_to_stop:
            raise TaskStopped()
        outcomes = [process_source(hash_source(source), now) for source in chunk]
    finally:
        _in_task = False
    for outcome in outcomes:
        # The writer needs the source's hash and size, not its bytes: do not ship them back.
        outcome.source = replace(outcome.source, raw=b"")
    return outcomes


def _chunks(sources: Iterable[Source], size: int, nbytes: int) -> Iterator[list[Source]]:
    """Consecutive sources, `size` at most (FIRST_CHUNK in the first, twice as many in each
    next one up to `size`), cut early once they hold `nbytes` or more."""
    chunk: list[Source] = []
    held, limit = 0, min(size, FIRST_CHUNK)
    for source in sources:
        chunk.append(source)
        held += source.size
        if len(chunk) >= limit or held >= nbytes:
            yield chunk
            chunk, held, limit = [], 0, min(size, limit * 2)
    if chunk:
        yield chunk


def _ordered_parallel(chunks: Iterator[list], now: datetime | Callable[[list], datetime],
                      workers: int, niceness: int = WORKER_NICENESS) -> Iterator[Outcome | object]:
    """Like executor.map, but with bounded work in flight, so memory stays flat however many
    inputs there are (executor.map would submit them all at once). Before it waits for the
    oldest chunk's outcomes it yields WAITING, so the caller can use the time.

    `now` may be a function of the chunk: reparse judges each source as of the run that
    stored it (a date after that run is a misread, however old the archive is now)."""
    when = now if callable(now) else (lambda chunk: now)
    if workers <= 1:
        # (one source at a time: between them the caller learns what is extracted next)
        for chunk in chunks:
            at = when(chunk)
            for source in chunk:
                yield from _process_chunk([source], at)
        return
    # Started only once there is something to extract: a re-run over an unchanged folder
    # then costs no worker processes (0.13 s of a 0.68 s re-run of 475 pages).
    first = next(chunks, None)
    if first is None:
        return
    from concurrent.futures import ProcessPoolExecutor  # 26 ms to import, for runs that extract

    if any(getattr(source, "format", None) == "html" for source in first):
        # HTML to extract: trafilatura (with courlan and numpy) imported here, once, before
        # the pool forks the workers, which then start with it (with fork, Linux's way), where
        # each imported it for itself (0.3 CPU s each). A run of records does not import it
        # at all (see extract), so it is not imported for one here.
        importlib.import_module(".extract_html", __package__)

    executor = ProcessPoolExecutor(max_workers=workers, initializer=_start_worker, initargs=(os.getpid(), niceness))
    finished = False
    try:
        in_flight: deque = deque()
        sources = size = 0
        for chunk in chain([first], chunks):
            # the first submit forks the workers and starts the pool's threads
            with _stops_held(also=HELD_AT_FORK):
                future = executor.submit(_process_chunk, chunk, when(chunk))
            in_flight.append((future, len(chunk), sum(s.size for s in chunk)))
            sources, size = sources + len(chunk), size + in_flight[-1][2]
            while in_flight and (sources >= IN_FLIGHT_SOURCES or size >= IN_FLIGHT_BYTES):
                future, count, nbytes = in_flight.popleft()
                sources, size = sources - count, size - nbytes
                yield from _waiting_for(future)
                yield from future.result()
        while in_flight:
            future = in_flight.popleft()[0]
            yield from _waiting_for(future)
            yield from future.result()
        finished = True
    finally:
        # Stopped early (Ctrl-C, an error in the writer): the queued work is dropped, not
        # finished first (the pool's own exit would extract up to IN_FLIGHT_SOURCES more), and
        # the tasks under way are stopped (STOP_TASK).
        if not finished and STOP_TASK is not None:
            for process in list((getattr(executor, "_processes", None) or {}).values()):
                try:
                    os.kill(process.pid, STOP_TASK)
                except (OSError, TypeError):  # gone already (or never started: no pid)
                    pass
        executor.shutdown(wait=True, cancel_futures=True)


def _waiting_for(future) -> Iterator[object]:
    """WAITING once before a chunk's outcomes that are not there yet, and again every
    WAITING_SECONDS while they are not: one 20 MB text is 20 s or more of one worker's work,
    and a caller told once could show nothing of it (the bar stood at 0%, the run silent)."""
    while not future.done():
        yield WAITING
        try:
            future.result(timeout=WAITING_SECONDS)
        except TimeoutError:  # (a worker's own error is raised by the caller's result())
            pass


def _start_worker(writer_pid: int, niceness: int = WORKER_NICENESS) -> None:
    """Workers ignore Ctrl-C, which reaches the whole process group: the writer stops the run
    and shuts the pool down, and a worker interrupted mid-task would only print a traceback.
    So they do SIGTERM, which `timeout`, a service manager or `kill -- -PGID` send to the whole
    group too: workers that died of it while the writer's queue thread was handing them a task
    left that thread blocked on the full pipe for ever, and the run hung, printing nothing.

    They die with the writer: a run killed outright (SIGKILL, the out-of-memory killer) cannot
    shut its pool down, and its workers used to wait for work forever, about 160 MB each.
    Linux sends them SIGKILL when the writer goes (they hold nothing to save: the archive is
    the writer's); elsewhere they outlive it, as before.

    They also run at a lower priority: the writer is the one stage that cannot be parallel
    (SQLite has one writer, and FTS5 indexing is most of its work), so when the workers and
    the writer want more CPU than there is, the writer should have it. (They yield to other
    programs on the machine too: an ingest is background work.) Not for a run of one file of one
    article (lone_article_file): there the writer waits idle for its one source."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    if STOP_TASK is not None:
        signal.signal(STOP_TASK, _stop_task)
    if hasattr(signal, "pthread_sigmask"):  # forked with them held (_stops_held): handled now instead
        signal.pthread_sigmask(signal.SIG_UNBLOCK, STOPS | HELD_AT_FORK)
    _die_with(writer_pid)
    if niceness:
        try:
            os.nice(niceness)
        except OSError:  # not permitted here: run at the same priority
            pass


def lone_article_file(files: list[InputFile]) -> bool:
    """Whether a run is one file of a kind that holds one article (a page, a text, a PDF...):
    its one source is the run's whole work, which a worker does while the writer waits. At the
    workers' low priority it was starved by whatever else the machine ran: a 20 MB text, 17 CPU
    seconds, took 45 s at load 10 and 612 s beside two test suites."""
    # (a mailbox saved as .txt is many mails, shared with the writer's work like a mailbox's)
    return len(files) == 1 and holds_one_article(files[0].path) and not read_as_mailbox(files[0].path)


def _die_with(writer_pid: int) -> None:
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        PR_SET_PDEATHSIG = 1  # <sys/prctl.h>
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # no libc to ask: outlive the writer, as before
        return
    if os.getppid() != writer_pid:  # the writer died before the request was made
        os._exit(1)


def _writer_settings(conn: sqlite3.Connection) -> None:
    """How this run's connection writes, set after open_connection (the migrations ran
    with SQLite's defaults), for this connection only; nothing stored changes.

    temp_store = MEMORY: each row an executemany inserts is its own statement, and a
    statement that may fail half-way (an article's insert fires the search-index and facet
    triggers; a source's is an upsert checked against three foreign keys) first copies every
    page it is about to change into a statement journal, to undo itself. SQLite keeps that
    journal in a temporary file once it passes 64 KB, so the writer wrote the same pages twice
    through the kernel, once for the journal and once for the log: 20,000 records replayed
    onto a 200,000-article archive made 1.76M write calls, 1.19M of them in the articles insert
    and 0.37M in the sources'. In memory (a row's statement journal holds a few pages, and
    is dropped when the row is done): 0.57M, and the writer's CPU 10.4-11.0 -> 9.7-10.2 s.
    Plain sqlite3 with the same triggers pays it too (1.15M write calls in its articles
    insert). Not for every command: an `optimize` merges the whole search index in one
    statement, whose journal in memory would be the size of the index.

    cache_size: see WRITER_CACHE_KB. wal_autocheckpoint: see _Checkpointer."""
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute(f"PRAGMA cache_size = -{WRITER_CACHE_KB}")
    conn.execute("PRAGMA wal_autocheckpoint = 0")  # see _Checkpointer


SQLITE_AUTOCHECKPOINT_PAGES = 1000  # SQLite's default wal_autocheckpoint


class _Checkpointer:
    """Copies what the writer committed from the log (the -wal file) into the archive, in a
    thread of its own with its own connection, so that the writer goes on with the next batch
    meanwhile. SQLite does it in the committing connection by default (wal_autocheckpoint):
    the writer read back every page a batch wrote, wrote it into the archive and waited for the
    disk to confirm, then went on. 20,000 records replayed onto a 200,000-article archive: the
    commits took the writer 1.17 s of CPU and 2.66 s of wall time with it, 0.53 and 1.2 s
    without. A passive checkpoint never blocks the writer (nor waits for it), and the sqlite3
    module lets go of the GIL while SQLite works, so the copying runs on the other core,
    beside the workers (which run at a lower priority). Started at the first batch committed:
    a run with one batch (an unchanged re-run) has the checkpoint made by closing the archive,
    as before."""

    def __init__(self, writer: sqlite3.Connection):
        import threading

        # The file the writer has open, as SQLite resolved it when it opened it: the path given
        # may be relative, and the working folder change meanwhile (a caller's callback). The
        # thread then opened another folder's 'archive.db' (a new empty file), and copied nothing.
        self._path = writer.execute("SELECT file FROM pragma_database_list WHERE name = 'main'").fetchone()[0]
        self._writer = writer
        self._wanted = threading.Event()
        self._idle = threading.Event()  # no checkpoint asked for or under way
        self._idle.set()
        self._behind = False  # the copying was under way when the last batch began
        self._stopping = False
        self._writer_copies = False  # the thread ended early: see keep_log_short
        self._thread = threading.Thread(target=self._run, name="checkpointer", daemon=True)
        self._thread.start()  # (with Ctrl-C and kill held: see run_ingest)

    def _run(self) -> None:
        conn = None
        try:
            conn = sqlite3.connect(self._path, check_same_thread=False)
            while True:
                self._wanted.wait()
                self._wanted.clear()
                if self._stopping:
                    return
                try:
                    conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
                except sqlite3.Error:  # another connection's checkpoint running: the next batch's will do
                    pass
                if not self._wanted.is_set():
                    self._idle.set()
        except Exception:  # noqa: BLE001 - the archive could not be opened again (no file handle left,
            pass  # its folder gone): the thread ends, and the writer copies its log itself (keep_log_short)
        finally:
            self._idle.set()
            if conn is not None:
                conn.close()

    def committed(self) -> None:
        self._idle.clear()
        self._wanted.set()

    def keep_log_short(self) -> None:
        """Called before a batch's transaction begins. SQLite starts the log over only at a
        transaction that begins with all of it copied, and the writer begins the next batch at
        once, the last one still being copied: the log grew by every batch (a 20,000-record
        run left a 229 MB -wal against 96 MB). So when the copying was behind at the start of
        the previous batch too, the writer waits for it, and the batch it then writes starts
        the log over: the log holds about two batches at most, and the writer waits for one
        copy in two at most instead of making every one.

        A thread that ended early (see _run) makes no copy to wait for: the writer waited for
        ever. It then copies the log at its commits itself, as SQLite does by default."""
        if not self._thread.is_alive():
            if not self._writer_copies:
                self._writer_copies = True
                self._writer.execute(f"PRAGMA wal_autocheckpoint = {SQLITE_AUTOCHECKPOINT_PAGES}")
        elif self._idle.is_set():
            self._behind = False
        elif self._behind:
            while not self._idle.wait(1.0) and self._thread.is_alive():
                pass  # (its last act sets _idle; a commit may have cleared it since)
            self._behind = False
        else:
            self._behind = True

    def stop(self) -> None:
        """Wait for a checkpoint under way; the writer's own closing of the archive makes the last."""
        self._stopping = True
        self._wanted.set()
        self._thread.join()


def run_ingest(
    paths: list[str],
    db_path: str,
    overrides: dict | None = None,
    workers: int | None = None,
    on_progress: Callable[[int], None] | None = None,
    on_written: Callable[[Written], None] | None = None,
    input_files: list[InputFile] | None = None,
    rehash: bool = False,
    on_stage: Callable[[str | None], None] | None = None,
) -> Summary:
    """Ingest every article under `paths` into the archive at `db_path`.

    A file with the path, size and modification time it had when a run read it whole is
    skipped without reading; `rehash` reads and hashes every file instead. `on_progress` is
    told the bytes whose inputs are written; given it, the run's first outcomes are written in
    small batches, for a bar to move from the start. `on_stage` is told, every second or so,
    what a large input (PROGRESS_BYTES or more, one source) is going through while the run
    waits for it ("extracting NAME (20.0 MB)", then "writing NAME"), and None once it is
    written: its bytes count only then, and a 20 MB text left a bar at 0% for 40 s."""
    started = datetime.now(timezone.utc)
    started_ns = time.time_ns()
    workers = workers or os.cpu_count() or 1
    db = open_connection(db_path)  # (not a sqlite-utils Database: see open_connection)
    _writer_settings(db)
    archive = Archive(db)
    summary = Summary(database=str(db_path))
    summary.run_id = run_id = archive.start_run(list(paths))
    files = input_files if input_files is not None else list(expand_paths(paths, archive=db_path))
    if sum(f.size for f in files) < SMALL_RUN_BYTES and len(files) < SMALL_RUN_FILES:
        workers = 1  # starting workers (imports, language model) costs more than the work
    archive.expect_files(files)  # each file's record read ahead, many files a query

    known: list = []  # inputs recognised without extraction, written with the next batch

    sightings: dict = {}  # location -> what previous_sighting said while reading it

    file_seen = True  # whether the file being read has any source in the archive
    # Files as they were when read whole, some of whose sources are gone since (unchanged_file)
    files_lost_sources: set[str] = set()
    # The file being read, when its sidecar changed since it was last read: its own bytes, if
    # unchanged, are extracted all the same, for the values the sidecar now gives.
    sidecar_changed_file: str | None = None

    def already_known(location: str, raw_sha256: str) -> bool:
        sightings[location] = sighting = archive.previous_sighting(location, raw_sha256, file_seen)
        if (location == sidecar_changed_file and sighting is not None and sighting[0] == UNCHANGED
                and not sighting[1]["failed"]):
            sightings[location] = (READ_FOR_SIDECAR, sighting[1])
            return False
        return sighting is not None and sighting[0] == UNCHANGED

    yielded = 0  # sources sent for extraction so far
    # The large sources sent for extraction, not yet written: [(yielded counting it, location, size)]
    large_sources: deque = deque()
    stage_told: list = [None]  # (what on_stage was last told)

    def tell_stage(stage: str | None) -> None:
        # (a stage told again, each WAITING, lets a bar show how long it has lasted)
        if on_stage and (stage is not None or stage_told[0] is not None):
            stage_told[0] = stage
            on_stage(stage)

    def large_source_stage() -> None:
        """What the oldest large source not yet written is going through, to on_stage: its
        extraction, once every source before it is back (until then it may wait in the queue,
        and "extracting" it was said while the sources before it were); then its writing, until
        its batch commits and its bytes move the bar. Nothing is said of it while it waits in the
        queue; and between its extraction and its bytes counted no time is left said either, at
        the pace of the sources before it with its seconds and not its bytes (2:32 left at 4%
        where 1 s was). A stage told again keeps its seconds: the early writes of small sources
        cleared it, and it came back at 0 s (a stage flickering)."""
        while large_sources and large_sources[0][0] <= outcomes_written:
            large_sources.popleft()
        if not large_sources:
            tell_stage(None)
            return
        position, location, size = large_sources[0]
        if position <= received:
            tell_stage(f"writing {Path(location).name}")
        elif position - 1 <= received:
            tell_stage(f"extracting {Path(location).name} ({size / 1_000_000:.1f} MB)")
        else:
            tell_stage(None)
    outcomes_written = 0
    # Bytes read, held back until what was read from them is written: reading runs up to
    # IN_FLIGHT_SOURCES ahead of the workers and a batch ahead of the writer, and a bar moved
    # as it read said 100% (time left: 1 s) with a third of a 41,500-input run still to do.
    # [sources yielded when these bytes had been read, bytes]
    progress_held: deque = deque()

    def progress(step: int) -> None:
        if not on_progress or step <= 0:
            return
        if yielded <= outcomes_written:  # nothing read is still waiting to be written
            on_progress(step)
        else:
            progress_held.append((yielded, step))
    # Files read whole, waiting for their last outcome to be written before they are
    # remembered as read: [sources yielded when the file ended, InputFile, its sources,
    # whether all of them could be read].
    read_whole: deque = deque()

    def fresh_sources() -> Iterator[Source]:
        nonlocal yielded, file_seen, sidecar_changed_file, all_read
        for input_file in files:
            reported = 0  # bytes of this file already counted as progress
            archive.take_back_typed_location(input_file.location)
            previous = archive.unchanged_file(input_file)
            if rehash:  # every file read, but asked all the same: whether some of its sources are lost
                previous = None
            if previous is not None:  # same path, size and time: not even read
                known.append(("file", input_file, previous))
            else:
                if archive.lost_sources:
                    files_lost_sources.add(input_file.location)
                # An error found while reading (empty, binary, a bad JSON line) is reported
                # again on every run, so a file with one is never skipped whole.
                count, read_cleanly = 0, not input_file.error
                file_seen = input_file.error is not None or archive.seen_before(input_file.location)
                sidecar_changed_file = (input_file.location if file_seen and archive.sidecar_changed(input_file)
                                        else None)
                # Progress within a file too: one JSON Lines file can be an hour's work.
                unreported = 0
                # The lines of a JSON Lines file the archive has nothing from cannot be known
                # (and a line stored from another file is found by its text's hash when it is
                # written, as a duplicate): the workers hash them, not this process, the
                # writer. A 20,000-line file appended to a 200,000-article archive, alternated
                # on the idle machine: the writer's CPU 11.4, 11.1, 12.0 -> 10.8, 11.2, 11.0 s;
                # wall 12.4, 12.1, 12.8 -> 11.9, 12.5, 12.0 s.
                for source in read_sources(input_file, overrides, already_known,
                                           defer_record_hashes=not file_seen):
                    count += 1
                    sighting = sightings.pop(source.location, NOT_ASKED)
                    if isinstance(sighting, tuple) and sighting[0] == READ_FOR_SIDECAR:
                        # Marked even when this reading failed (the sidecar is no longer JSON):
                        # the writer then reports the failure but keeps the bytes stored.
                        source.read_for_sidecar, sighting = sighting[1]["id"], None
                    if source.error:
                        # Failed while being read (a feed item with only a summary, a file too
                        # large): bytes failed before by the same code fail the same way, and
                        # count as unchanged, as a failed extraction does. An input not read at
                        # all (no hash: a broken link, no permission) is tried again.
                        if sighting is NOT_ASKED and source.raw_sha256:
                            sighting = archive.previous_sighting(source.location, source.raw_sha256, file_seen)
                        if sighting is NOT_ASKED or (sighting is not None and sighting[0] != UNCHANGED):
                            sighting = None
                        read_cleanly = read_cleanly and sighting is not None
                    elif sighting is NOT_ASKED and not source.raw_sha256:  # hashed by a worker
                        sighting = None
                    elif sighting is NOT_ASKED:  # a record of a JSON file, or a file not hashed whole
                        sighting = archive.previous_sighting(source.location, source.raw_sha256,
                                                             file_seen)
                    if sighting is not None and sighting[0] != UNCHANGED and source.overrides:
                        # A copy the user said something about (--outlet, --url, a sidecar) is
                        # extracted, so that this copy is recorded with what was said, not
                        # with the outlet and address of the copy whose bytes it shares.
                        sighting = None
                    if sighting is None:
                        yielded += 1
                        if on_stage and source.size >= PROGRESS_BYTES:
                            large_sources.append((yielded, source.location, source.size))
                            large_source_stage()  # (the first source sent: extracted next)
                        yield source
                    elif sighting[0] == UNCHANGED:
                        known.append((UNCHANGED, source.location, sighting[1]))
                    else:
                        known.append(("copy", source, sighting[1]))
                    if len(known) >= BATCH_SIZE:
                        flush(known[:])
                        known.clear()
                    # Counted once the source is sent (`yielded`), so held until it is written:
                    # counted before, a lone 20 MB text showed 100% before its extraction began.
                    unreported += source.size
                    if on_progress and unreported >= PROGRESS_BYTES:
                        step = max(0, min(unreported, input_file.size - reported))
                        progress(step)
                        reported, unreported = reported + step, 0
                if read_cleanly:
                    read_whole.append([yielded, input_file, count, True])
            if len(known) >= BATCH_SIZE:
                # A folder of unchanged files yields no outcomes to ride along with.
                flush(known[:])
                known.clear()
            progress(input_file.size - reported)
        all_read = True

    def flush(batch: list, told_after_commit: list | None = None) -> None:
        """Write the batch. What became of each input is told on_written at once, or, within a
        larger transaction, put in `told_after_commit` for the caller to tell once it commits."""
        nonlocal outcomes_written, checkpointer
        if checkpointer is not None:
            checkpointer.keep_log_short()
        for written in archive.write_batch(run_id, batch):
            setattr(summary, written.status, getattr(summary, written.status) + written.count)
            summary.unchanged_failed += written.failed_before
            summary.new_versions += written.previous_version is not None or written.later_version is not None
            summary.stored_again += written.status == STORED and bool(files_lost_sources) and (
                written.location in files_lost_sources or written.location.rpartition("#")[0] in files_lost_sources)
            summary.sidecar_revised += written.revised
            summary.filled_from_copies += written.filled
            if written.status == FAILED:
                summary.failures.append({"location": written.location, "error": written.error})
            if told_after_commit is not None:
                told_after_commit.append(written)
            elif on_written:
                on_written(written)
        summary.warnings.extend({"location": item.source.location, "warning": warning} for item in batch
                                if isinstance(item, Outcome) and item.article is not None
                                for warning in item.article.warnings)
        unreadable = [item.source.location for item in batch if isinstance(item, Outcome) and item.unreadable]
        if unreadable:
            # A line that is not JSON, found by the worker that parses it, is an error found
            # while reading, like one found here: its file is never skipped whole.
            for pending in read_whole:
                path = pending[1].location
                if any(location.startswith(path + "#") for location in unreadable):
                    pending[3] = False
        # Outcomes come back in the order their sources were read, and every "known" item is
        # in this batch or an earlier one, so a file whose last yielded source is written
        # now has all its sources in the archive.
        outcomes_written += sum(isinstance(item, Outcome) for item in batch)
        done = []
        while read_whole and read_whole[0][0] <= outcomes_written:
            _, input_file, count, clean = read_whole.popleft()
            if clean:
                done.append((input_file, count))
        if done:
            archive.record_files(run_id, started_ns, done)
        if told_after_commit is None:  # committed
            if checkpointer is None:
                with _stops_held():  # started and known, for the `finally` below to stop (see _stops_held)
                    checkpointer = _Checkpointer(db)
            checkpointer.committed()
            release_progress()  # (else once committed and told: the bar must not run ahead of on_written)
            large_source_stage()

    def release_progress() -> None:
        while progress_held and progress_held[0][0] <= outcomes_written:
            on_progress(progress_held.popleft()[1])

    checkpointer: _Checkpointer | None = None
    batch: list = []
    # When the batch's first outcome came: set as it comes (only a batch with outcomes in it is
    # timed, and an outcome is the first thing a batch gets; this value is never read).
    batch_started = time.monotonic()
    text_bytes = 0
    received = 0  # outcomes from the workers so far: see WAITING, early writes only at the start...
    all_read = False  # ...and once every input is read and less than a batch is still with the workers
    try:
        for outcome in _ordered_parallel(_chunks(fresh_sources(), CHUNK_SIZE, CHUNK_BYTES), started, workers,
                                         niceness=0 if lone_article_file(files) else WORKER_NICENESS):
            if outcome is WAITING:  # the workers are behind: write what is here meanwhile
                large_source_stage()
                if (len(batch) >= EARLY_BATCH and (received < BATCH_SIZE
                                                   or (all_read and yielded - received < BATCH_SIZE)
                                                   or _came_slowly(len(batch), time.monotonic() - batch_started))
                        # with a bar to move, whatever is here until the first EARLY_BATCH are
                        # written (a dozen commits at most, the tasks growing): 3,000 small texts
                        # at load 10 left it at 0-1% for 4.5 s after their first task was written
                        or (batch and on_progress and outcomes_written < EARLY_BATCH)):
                    flush(batch)
                    batch, text_bytes = [], 0
                continue
            if not batch:
                batch_started = time.monotonic()
            batch.append(outcome)
            received += 1
            if large_sources:  # (a large one back, written next; or the one after those back now)
                large_source_stage()
            if outcome.article is not None:
                text_bytes += len(outcome.article.body)
            if known:
                batch.extend(known)
                known.clear()
            if (len(batch) >= BATCH_SIZE or text_bytes >= BATCH_BYTES
                    or (len(batch) < SLOW_BATCH and time.monotonic() - batch_started >= BATCH_SECONDS)
                    # With a bar to move, the first task's outcomes are written as they come:
                    # held for a batch, they left it at 0% for the first batch's 2 s more.
                    or (on_progress and not outcomes_written and received >= FIRST_CHUNK)):
                flush(batch)
                batch, text_bytes = [], 0
        batch.extend(known)
        known.clear()
        # The last batch and the run marked finished are one transaction: a commit waits for
        # the disk, and an unchanged re-run made three (its start, its one batch, its end).
        # What the last batch wrote is told once that transaction commits: a stop before it
        # keeps none of the batch, and a failure printed then was nowhere in the archive, beside
        # "Every batch already written is kept".
        last_written: list = []
        with archive._writing():
            flush(batch, last_written)  # even if empty: it also remembers the files read whole since the last
            if summary.sidecar_revised:
                # A corrected byline or outlet leaves the old name's row with no article, listed in
                # the authors or outlets table for nothing (as reparse, which removes them too).
                remove_unused_authors_and_outlets(archive.conn)
            archive.finish_run(run_id)
        for written in last_written if on_written else ():
            on_written(written)
        tell_stage(None)
        # The last batch's bytes: counted once it is committed and told, not before (the bar
        # reached 100% with the last batch still to commit, by as much as that batch).
        release_progress()
    except (KeyboardInterrupt, sqlite3.DatabaseError) as stop:
        # Ctrl-C, or kill (cli turns SIGTERM into this); or the archive stopped the run (its disk
        # full, another writer holding it past the busy timeout).
        # What the batches written before the stop hold, for the caller to report: a script
        # reading --json got nothing at all from a run stopped by its timeout. Read from the
        # archive, which each batch's transaction updates with its counts: a stop can land
        # after a batch's commit and before its outcomes are tallied here.
        summary.seconds = (datetime.now(timezone.utc) - started).total_seconds()
        try:
            summary.stored, summary.duplicate, summary.unchanged, summary.failed = db.execute(
                "SELECT stored, duplicate, unchanged, failed FROM ingest_runs WHERE id = ?", (run_id,)).fetchone()
            summary.failures = [{"location": location, "error": error} for location, error in db.execute(
                "SELECT location, error FROM sources WHERE run_id = ? AND status = 'failed' ORDER BY id", (run_id,))]
        except (sqlite3.Error, TypeError):  # (no row: the run's first batch never came)
            pass
        stop.summary = summary
        raise
    finally:
        # A stop that comes now waits for the copying thread to end and the archive to close
        # (whose last checkpoint copies up to two batches' log, a second or more at 1M), and
        # is told what the run did: it left with no summary, and --json said 0 stored, 0 seen,
        # of a run that had stored every input (and a stop inside stop() left the thread).
        try:
            with _stops_held():
                if checkpointer is not None:
                    checkpointer.stop()
                db.close()
                summary.seconds = (datetime.now(timezone.utc) - started).total_seconds()
        except KeyboardInterrupt as late_stop:
            late_stop.summary = summary  # (as read from the archive above, if stopped before)
            raise
    return summary


__all__ = ["run_ingest", "Summary", "STORED", "DUPLICATE", "UNCHANGED", "FAILED"]
