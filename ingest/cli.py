"""The `news-archive` command line. It parses arguments and reports; the work is elsewhere."""

import errno
import json
import os
import re
import shutil
import signal
import sqlite3
import sys
import threading
import time
from collections import Counter
from contextlib import contextmanager, nullcontext
from datetime import datetime, timezone
from itertools import islice
from pathlib import Path

import click

from . import __version__
from .migrations import NewerArchive
from .pipeline import Summary, inputs_warned, process_source, run_ingest
from .near_copies import UNSKETCHED_SQL, near_copies_of, recount_story_places, sketch_stored_articles
from .read import expand_paths, read_sources
from .search import (QUOTE_MARKS, RANKED_WINDOW, BadParameter, SearchTimeout, check_parameter, check_parameters,
                     copies_at_outlet, names_matching_many, names_not_in_archive, outlets_noted)
from .search import search as run_search
from .stats import archive_stats
from .store import (BUSY_TIMEOUT_MS, ArchiveNeedsUpgrade, NotAnArchive, open_connection, open_connection_for_reading,
                    open_database)
from .store import optimize as optimize_archive

DEFAULT_DB = "archive.db"


def _named_file(context, parameter, value):
    """--db '' (`--db "$ARCHIVE"` with the variable unset) is refused: SQLite opens '' as a
    temporary database, deleted when closed, so an ingest reported its articles stored and kept
    none, and a search answered "No articles match." where there is no archive."""
    if value == "":
        raise click.BadParameter("an empty file name ('') names no archive (a variable left unset?)")
    return value


db_option = click.option(
    "--db", "db_path", default=DEFAULT_DB, show_default=True, callback=_named_file,
    type=click.Path(dir_okay=False), help="The archive's SQLite file (created if missing).",
)
# search, stats and optimize refuse a missing archive (_require_database): their help must not
# promise to create one.
existing_db_option = click.option(
    "--db", "db_path", default=DEFAULT_DB, show_default=True, callback=_named_file,
    type=click.Path(dir_okay=False), help="The archive's SQLite file.",
)
json_option = click.option("--json", "as_json", is_flag=True, help="Print the result as JSON, for scripts.")
class TimeLeft:
    """The time a progress bar has left, at the pace kept since its first step, for the bar to
    show (click's item_show_func). Click's own estimate averages seven one-second samples of
    (time since start / share done): the first, taken while the workers were starting and little
    was written, weighed as much as the others, and a 9-second ingest showed 27 minutes left at
    its start and 4 minutes at 58%. Measured from the first step, the start-up is left out, and
    nothing is shown until a second of steps gives a pace."""

    def __init__(self, total: int, clock=time.monotonic, beside: int = 0):
        self.total, self.done, self.clock = total, 0, clock
        self.first = None  # (time, amount done) at the first step
        self.stage = None  # (what the run is doing, since when) while the bar cannot move: see show_stage
        self.beside = beside  # columns of the bar's line but the bar and what this shows (label, share)
        self.bar = None  # the bar showing this, narrowed for a stage (see progress_bar)
        # One thread draws the bar at a time: the run's, and the one redrawing a stage (show_stage).
        self.drawing = threading.Lock()
        self.redrawing = False  # whether that thread runs

    def step(self, amount: int) -> None:
        self.done += amount
        if self.first is None:
            self.first = (self.clock(), self.done)

    def __call__(self, _item=None) -> str | None:
        if self.stage is not None:
            doing, since = self.stage
            seconds = f": {round(self.clock() - since)} s"
            # A line longer than the terminal wraps, and each redraw then adds a line: the bar
            # narrows for the stage, then the stage's file name is shortened.
            columns = shutil.get_terminal_size().columns - 1
            bar_width = 0
            if self.bar is not None:
                bar_width = self.bar.width = max(MIN_BAR_WIDTH, min(BAR_WIDTH, columns - self.beside - len(doing + seconds)))
            return fitted_stage(doing, columns - self.beside - bar_width - len(seconds)) + seconds
        if self.bar is not None:
            self.bar.width = BAR_WIDTH
        if self.first is None or self.done >= self.total:
            return None
        since, done_then = self.first
        elapsed = self.clock() - since
        if elapsed < 1 or self.done <= done_then:
            return None
        seconds = round((self.total - self.done) * elapsed / (self.done - done_then))
        hours, rest = divmod(seconds, 3600)
        return f"{hours:02}:{rest // 60:02}:{rest % 60:02}"


# One input file this large is a second or more of work (records, pages, a JSON Lines export
# read at about 0.8 MB a second on 2 cores): its run shows a bar. At 10 MB, a 4.4 MB export of
# 4,000 records ran 6 s with nothing on the screen.
LARGE_INPUT_BYTES = 1_000_000


BAR_WIDTH = 36  # (click's own)
# How long (seconds) a bar being left waits for another drawing of it (a stage's redraw takes far less).
FINISH_WAIT_SECONDS = 2.0
MIN_BAR_WIDTH = 10  # the bar narrowed this far for a stage, at most

# A stage's file name, between what is done with it and its size: "extracting NAME (20.0 MB)".
_STAGE_NAME = re.compile(r"((?:extracting|writing|waiting for) )(.+?)((?: \([\d.]+ MB\))?)")


def fitted_stage(stage: str, room: int) -> str:
    """`stage` in `room` columns, its file name shortened in the middle, where its start and
    its extension tell it ("extracting 2026-harbor…draft.txt (20.0 MB)")."""
    if len(stage) <= room:
        return stage
    match = _STAGE_NAME.fullmatch(stage)
    if not match:
        return stage[:max(room, 1)]
    doing, name, size = match.groups()
    keep = max(room - len(doing) - len(size) - 1, 2)
    return f"{doing}{name[:(keep + 1) // 2]}…{name[len(name) - keep // 2:]}{size}"


def progress_bar(total: int, label: str, file=None, clock=time.monotonic):
    """A progress bar on standard error (or `file`) showing its share done and the time left
    (TimeLeft), and the function that moves it on: (bar, advance)."""
    # click's line: the label, two spaces, [the bar], two spaces, the share ("100%"), two spaces
    time_left = TimeLeft(total, clock, beside=len(label) + 12)
    bar = click.progressbar(length=max(total, 1), label=label, file=file or sys.stderr, show_pos=False,
                            show_percent=True, show_eta=False, item_show_func=time_left, width=BAR_WIDTH)
    time_left.bar = bar
    finish = bar.render_finish

    def render_finish() -> None:  # (the bar left, as a stopped run leaves it: no stage drawn after)
        # A Ctrl-C landing in another drawing between its lock's acquire and the with that
        # releases it leaves the lock held: the exit waits a while for it, then leaves anyway.
        held = time_left.drawing.acquire(timeout=FINISH_WAIT_SECONDS)
        try:
            time_left.stage = None
            finish()
        finally:
            if held:
                time_left.drawing.release()

    bar.render_finish = render_finish

    def advance(amount: int) -> None:
        with time_left.drawing:
            time_left.step(amount)
            bar.update(amount)

    return bar, advance


# How often (seconds) a stage's line is drawn again while the run is told nothing new.
STAGE_REDRAW_SECONDS = 1.0


def show_stage(bar, stage: str | None) -> None:
    """Show on `bar` (made by progress_bar) what the run is doing while its share cannot move,
    and for how long ("extracting big.txt (20.0 MB): 12 s"); None goes back to the time left.
    A bar counts an input's bytes once it is written, and one 20 MB text stood at 0% with
    nothing else shown for the 20-40 s of its extraction."""
    time_left = bar.item_show_func
    with time_left.drawing:
        if stage is None or time_left.stage is None or time_left.stage[0] != stage:
            time_left.stage = None if stage is None else (stage, time_left.clock())
        bar.render_progress()
        if stage is not None and not time_left.redrawing:
            time_left.redrawing = True
            threading.Thread(target=_redraw_stage, args=(bar,), daemon=True).start()


def _redraw_stage(bar) -> None:
    """Draw a stage's line again every STAGE_REDRAW_SECONDS until it ends: with --workers 1 the
    one process extracts a large input itself and tells no stage meanwhile, so its line read
    "extracting big.txt (12.9 MB): 0 s" for the whole of its 20 s."""
    time_left = bar.item_show_func
    while True:
        time.sleep(STAGE_REDRAW_SECONDS)
        with time_left.drawing:
            if time_left.stage is None or bar.finished:
                time_left.redrawing = False
                return
            bar.render_progress()


class _Commands(click.Group):
    """The command group, ending a command whose reader stopped reading (`search ... | head -1`)
    as the broken pipe would end it (SIGPIPE: 128 + 13): click exited with status 1, which is
    "no archive" (or "an input failed") to a script run with pipefail."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except OSError as error:
            if error.errno != errno.EPIPE:
                raise
            # What Python would still flush into the closed pipe as it exits goes nowhere, as
            # Python's documentation of SIGPIPE does it (else a second BrokenPipeError is printed).
            try:
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            except (OSError, ValueError):  # (a stdout with no file: a test's runner)
                pass
            raise click.exceptions.Exit(128 + signal.SIGPIPE) from None


@click.group(cls=_Commands)
@click.version_option(__version__, prog_name="news-archive")
def cli():
    """A searchable news archive: ingest saved pages, text, Markdown, JSON records, feeds, web
    archives, mails, news XML, Evernote notes and documents into SQLite with full-text search,
    then search it or serve it with Datasette.

    Every command but parse works on --db (default archive.db in the current folder); only
    ingest and serve create a missing one. Exit status 2 is a wrong option or value. Each
    command explains itself: news-archive COMMAND --help.

    \b
    Example:
        news-archive ingest ~/clippings/
        news-archive search '"kestrel bay" strike'
        news-archive serve            # then open http://127.0.0.1:8001/archive/articles"""


@cli.command(short_help="Ingest articles from files and folders into the archive.")
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("--outlet", help="Outlet of every input this run reads (new or duplicate), in place of what "
                                "the files say; inputs read before (unchanged) keep theirs. Default: read "
                                "from each file.")
@click.option("--url", help="Address of the one article given, whole (https://...): a single file holding "
                             "one article; refused otherwise. Default: read from the file.")
@click.option("--workers", type=click.IntRange(1, 64), default=None,
              help="Extraction processes. Default: one per CPU core.")
@click.option("--rehash", is_flag=True,
              help="Read and hash every file, even one whose size and modification time are "
                   "those it had when last ingested (for copies that kept old times).")
@json_option
def ingest(paths, db_path, outlet, url, workers, rehash, as_json):
    """Ingest articles from files and folders into the archive.

    PATHS are files, folders (walked recursively), quoted globs, or - to read a list of paths
    from standard input (one a line, or NUL-separated as find -print0 writes them; read once, as
    a path given twice is). Formats, any
    of them gzipped (.gz): HTML (.html, .htm, .xhtml); a page saved whole in one file (.mhtml,
    .mht, Safari's .webarchive), with the address it was saved from; a newsletter saved as a
    mail (.eml, Apple Mail's .emlx), or each mail of a mailbox (.mbox): its HTML or text part, its subject and
    sending day where the story gives none; a page printed or saved as PDF (.pdf), without
    what the browser prints on every page;
    plain text and Markdown (.txt, .text, .md,
    .markdown), their front matter (YAML between ---, TOML between +++) read first (one in
    neither UTF-8 nor UTF-16 is read in the encoding its bytes suggest, with a warning); JSON and
    JSON Lines records (.json, .jsonl, .ndjson: an object, a list, or an API's response with its
    list under a key) with fields such as title, body, authors, published, outlet, url (an HTML
    body, or a CMS's {"rendered": ...}, is read as text); web archives (.warc, .arc): each HTML
    page they captured, with its captured address; RSS, Atom and JSON feeds (.rss, .atom, a
    feed saved as .xml, a JSON Feed's .json): each item
    that carries its article (an item with only a summary is reported, not stored); the news
    industry's XML (.xml): a NITF story, each NewsML-G2 news item, with the headline, byline,
    day and provider they give (another XML file given by name fails, naming its root element;
    in a walked folder it is passed over); each note of an Evernote export (.enex) as a page, with
    the address a web clip was taken from, and a note's own title, author and days where it
    gives none; a word processor's document (.docx, .odt) as the text of its paragraphs and
    headings, its title, creator and day of creation where the text gives none. The format
    is sniffed from the content when the extension is missing or wrong. A NAME.json beside
    NAME.html/.txt/.md (or .pdf, .docx, .odt, .mhtml, .webarchive) supplies metadata the
    file lacks.

    A story already in the archive (same normalised text) is not stored again: the input is
    recorded as one more place it ran. A file, or an address, ingested again with changed text is
    stored as a new version of its story, linked to the earlier one, which is kept. A file with
    the size and modification time it had when last ingested is skipped without reading it, and
    one whose bytes are unchanged is skipped before parsing, so re-running on the same folder is
    cheap. A bad file is reported, recorded as failed, and the run goes on. A bad file that is
    unchanged is not tried again, and the summary counts it ("N of them failed before"). A run
    may be stopped (Ctrl+C, or kill PID) at any moment: every batch written is kept, and the
    same command finishes the job.

    On a terminal, a progress bar on standard error (for several files, or one large one) shows
    the share of the input bytes written to the archive and the time left; while one large
    input is extracted or written, what it is doing and for how long. Prints each failure on
    standard error ("failed: PATH: reason"), then one line: "N inputs in
    Ts: N new, N duplicate, N unchanged, N failed -> FILE" (an input is a file, or a record, feed
    item or captured page within one; duplicate: its text was already stored; unchanged: read
    before with the same bytes). --json prints the same counts and the failures as an object.
    Exit status: 0; 1 if an input failed in this run; 2 for a wrong option; 130 (Ctrl+C) or 143
    (kill) when stopped.

    \b
    Example:
        news-archive ingest samples/
        news-archive ingest ~/clippings --db clippings.db --json
        news-archive ingest crawl.warc.gz feeds/*.rss
        find . -name '*.html' | news-archive ingest -
        find . -name '*.html' -print0 | news-archive ingest -
    """
    if url and url.strip():
        _check_url(url)
    if "" in paths:
        # `ingest "$CLIPPINGS"` with the variable unset: '' was read as the current folder, and
        # everything under it (a home folder) was ingested.
        raise click.UsageError("an empty path ('') names no file (a variable left unset?); to ingest "
                               "the current folder, write '.'")
    arguments = [path for path in paths if path != "-"]
    if "-" in paths:
        # Read once, as a path named twice is: a second "-" was taken for a file named "-" and
        # failed as "no such file or folder" (standard input had been read by the first).
        if paths.count("-") > 1:
            click.echo(f"note: - given {paths.count('-')} times: the list on standard input is read once", err=True)
        arguments.extend(_listed_paths(sys.stdin.read()))
    overrides = {key: value for key, value in (("outlet", outlet), ("url", url)) if value}
    passed_over: Counter = Counter()
    files = list(expand_paths(arguments, passed_over, archive=db_path))
    if url and len(files) > 1:
        # Checked before anything is written: every article would get that one address (and
        # the date and outlet read from it), and being unchanged, keep it on a later run.
        raise click.UsageError(f"--url is the address of one article, but {len(files)} files were "
                               "given: ingest that file alone with it (or use a NAME.json sidecar "
                               "beside each file).")
    if url and files and len(list(islice(read_sources(files[0]), 2))) > 1:
        # The same mistake within one file: every record, feed item or captured page got the
        # address, and was then read as an edited version of the one before it.
        raise click.UsageError(f"--url is the address of one article, but {files[0].location} holds "
                               "several (records, feed items or captured pages): give each its "
                               "address in the file itself.")
    total = sum(f.size for f in files)

    def report_failure(written):
        if written.status == "failed" and not as_json:
            # Over the bar's line, which ends without a line break, cleared first: else the
            # failure was printed on it ("Ingesting [---] 0%failed: ..."). The bar redraws below.
            over_bar = "\r\x1b[K" if show_bar else ""
            click.echo(f"{over_bar}failed: {_escaped_breaks(written.location)}: "
                       f"{_escaped_breaks(written.error or '')}", err=True)

    # Over a second or so of work: several files, or one large one (a JSON Lines export).
    show_bar = not as_json and sys.stderr.isatty() and (len(files) > 1 or total > LARGE_INPUT_BYTES)
    stops = _stop_like_ctrl_c_on(signal.SIGTERM, signal.SIGINT)
    summary = None  # (a stop that lands once the run has returned is told what it did)
    started = time.monotonic()  # (for a run stopped before its first batch: how long it waited)
    try:
        # No bar to show: none made (click's bar module and the terminal modules it imports are
        # 2 ms of a 0.1 s unchanged re-run), and nothing is drawn, as a hidden bar draws nothing.
        bar, advance = progress_bar(total, "Ingesting") if show_bar else (nullcontext(), lambda step: None)
        with bar, _stop_lost_in_sql(stops):
            summary = run_ingest(
                arguments, db_path, overrides=overrides, workers=workers, rehash=rehash,
                # (none without a bar: it has the run's first outcomes written early, for the bar)
                input_files=files, on_progress=advance if show_bar else None, on_written=report_failure,
                on_stage=(lambda stage: show_stage(bar, stage)) if show_bar else None,
            )
        if stops:  # caught, but its KeyboardInterrupt lost on the way (see _stop_like_ctrl_c_on)
            raise KeyboardInterrupt
    except KeyboardInterrupt as stop:
        terminated = stops.terminated
        if as_json:  # the same object as a finished run's, with what was written before the stop
            written = getattr(stop, "summary", None) or summary or _nothing_written(db_path, started)
            click.echo(json.dumps({**written.as_dict(), "passed_over": dict(passed_over.most_common()),
                                   "stopped": "terminated" if terminated else "interrupted"}, indent=2))
        written = getattr(stop, "summary", None) or summary
        # (with what was kept: "kept" alone left the user guessing whether 2 or 2,000 stories were in)
        kept = f": {_kept_counts(written)}" if written is not None else ""
        click.echo(f"\n{'Stopped' if terminated else 'Interrupted'}. Every batch already written is "
                   f"kept{kept}; run the same command again to finish (what is stored is skipped).", err=True)
        # The shell's codes for "stopped by" SIGTERM, or by Ctrl-C.
        sys.exit(128 + signal.SIGTERM if terminated else 130)
    except sqlite3.DatabaseError as error:
        problem = _archive_problem(db_path, error)
        if problem is None:
            raise
        written = getattr(error, "summary", None)
        if written is None and _stops_a_run(error):
            # Stopped before its first batch: the archive locked by another writer (an optimize,
            # another ingest's long batch) or its disk full from the start. A script reading
            # --json got an empty stdout where the README promises "stopped": "failed".
            written = _nothing_written(db_path, started)
        if as_json and written is not None:
            # A run the archive stopped midway (its disk full): a script reading --json got an
            # empty stdout, and no word of the batches kept. (One that never began, on a file
            # that is no archive, has nothing to report: it says so on standard error alone.)
            click.echo(json.dumps({**written.as_dict(), "passed_over": dict(passed_over.most_common()),
                                   "stopped": "failed", "error": problem}, indent=2))
        if written is not None:
            problem += f" This run kept: {_kept_counts(written)}."
        raise click.ClickException(problem) from error
    finally:
        stops.restore()
    if as_json:
        click.echo(json.dumps({**summary.as_dict(), "passed_over": dict(passed_over.most_common()),
                               "stopped": None}, indent=2))
    else:
        _print_warnings(summary.warnings)
        click.echo(
            f"{summary.seen} inputs in {summary.seconds:.1f}s: {summary.stored} new"
            + (f" ({summary.new_versions} of them an edited version of a stored article, both kept)"
               if summary.new_versions else "")
            + (f" ({summary.stored_again} of them stored again, deleted from the archive since)"
               if summary.stored_again else "")
            + f", {summary.duplicate} duplicate"
            + (f" ({summary.filled_from_copies} of them gave their article a value it lacked)"
               if summary.filled_from_copies else "")
            + f", {summary.unchanged} unchanged"
            + (f" ({summary.unchanged_failed} of them failed before, not tried again)"
               if summary.unchanged_failed else "")
            + (f" ({summary.sidecar_revised} of them given what their corrected sidecar says)"
               if summary.sidecar_revised else "")
            + f", {summary.failed} failed"
            + (f", {inputs_warned(summary.warnings)} with a warning" if summary.warnings else "")
            + f" -> {db_path}"
        )
        if overrides and summary.unchanged:
            # An unchanged input is not read again, so what was given now is not applied to it:
            # said, or the user believes the archive was mended.
            given = "/".join(f"--{name}" for name in overrides)
            click.echo(f"note: {given} changed nothing already in the archive: the {summary.unchanged} "
                       "unchanged input(s) keep what they were stored with.", err=True)
        if passed_over:
            # Else a folder of Word files reads "0 inputs", as an empty folder does.
            kinds = ", ".join(f"{extension} {count}" for extension, count in passed_over.most_common(6))
            count = sum(passed_over.values())
            click.echo(f"note: passed over {count} file{'' if count == 1 else 's'} of kinds ingest does not read "
                       f"({kinds}{', ...' if len(passed_over) > 6 else ''}): it reads HTML, saved pages (MHTML, "
                       "Safari web archives, PDF), text, Markdown, JSON records, feeds, web archives, "
                       "saved mails, news agencies' XML (NITF, NewsML), Evernote exports and Word or "
                       "OpenDocument documents.", err=True)
        elif not summary.seen:
            # An empty folder, or one of hidden files only, or an empty list on standard input:
            # "0 inputs" alone reads like a run that found everything already stored.
            where = ", ".join(arguments) if arguments else "the list on standard input (it was empty)"
            click.echo(f"note: found no file to read in {where}.", err=True)
    if summary.failed:
        sys.exit(1)


# A search from the command line may take longer than a served page's 2 s (the reader is
# waiting for it), but not without end: a query of one word repeated 3,000 times over an archive
# holding a long transcript ran for over 6 minutes, with no way to tell it would ever finish.
SEARCH_SECONDS = 30.0


# The words may come as one quoted argument or several, and an excluded word may come first:
# "-football" is a word of the query, not an unknown option.
@cli.command(context_settings={"ignore_unknown_options": True},
             short_help="Search the archive from the command line.")
@click.argument("words", nargs=-1, required=True)
@existing_db_option
@click.option("--limit", type=click.IntRange(1, 1000), default=20, show_default=True,
              help="The most articles to show (best first: of the 500 latest matches at most; "
                   "--newest reaches every match).")
@click.option("--outlet", default="", help="Only this outlet's articles: its name in any case, with or without "
                                            "\"The\", accents and punctuation, or its web address; or the "
                                            "beginnings of its words (harbor: every outlet they begin).")
@click.option("--author", default="", help="Only this author's articles: the name in any case, with or without "
                                            "accents and punctuation; or the beginnings of its words "
                                            "(smith, \"ann smi\": every author they begin).")
@click.option("--since", default="", metavar="DATE",
              help="Only articles published on or after DATE (YYYY-MM-DD, YYYY-MM or YYYY).")
@click.option("--until", default="", metavar="DATE",
              help="Only articles published on or before DATE (YYYY-MM-DD, YYYY-MM or YYYY).")
@click.option("--newest", is_flag=True, help="Newest first, instead of best matches first.")
@click.option("--all-versions", is_flag=True,
              help="Every stored text of an edited story that matches, not only its latest.")
@click.option("--timeout", type=click.FloatRange(0), default=SEARCH_SECONDS, show_default=True, metavar="SECONDS",
              help="Stop a search that runs longer than this (0: never), as the server stops one at its "
                   "time limit.")
@json_option
def search(words, db_path, limit, outlet, author, since, until, newest, all_versions, timeout, as_json):
    """Search the archive, best matches first (title matches weigh most).

    Type words, "quoted phrases", prefix* and -excluded words, read as every served page reads
    them; every other character is taken as text. Only -excluded words, and nothing to find, is
    a usage error. The filters are those of the served `search` query.
    An edited story is one result, its latest text that matches; the older texts it replaced are
    counted beside it ("(2 earlier versions stored)"), and --all-versions shows them too. An
    older text found by words its edit took out says so ("replaced by a later version, #ID").
    A story seen at several places (other outlets, addresses or dates) names their outlets
    ("ran in 3 places: The Harbor Ledger, The Meridian Post, Northfield Courier").
    A story another outlet ran a little edited (a line added, a word changed: a near copy,
    stored as an article of its own) counts that place too, the outlet marked ("ran in 2
    places: The Harbor Ledger, The Meridian Post (edited)"), and names it ("also ran, edited,
    at: The Meridian Post #12"). An outlet whose copy carried a byline other than this text's
    names it ("The Meridian Post (by Jane Staff)"); --author finds a story by its text's byline
    only.

    Prints each hit's title; its #ID, outlet, authors and date; and a passage with the matched
    words in **, on one line (a paragraph break in it shown as ¶). --json prints a list of objects: id, title, outlet, authors, published,
    snippet, url, rank (lower is better), earlier_versions, later_version, places (how many
    places the story ran in: outlet, address and day, its edited copies' included), ran_in
    (their outlets), edited_in (those of them that ran only an edited copy), ran_under (outlet
    and authors of each copy whose own byline is not this text's) and near_copies
    (id, outlet, title, url, published and shared of each near copy). Exit status: 0, also
    when nothing matches ("No articles match."; an --outlet or --author that names no outlet or
    author of the archive is said on standard error, with the nearest names, and so is one that
    matches more than one outlet or author, with how many); 1 if there is no
    archive, or the search ran past --timeout; 2 for a wrong DATE or words that are all -excluded.

    \b
    Example:
        news-archive search '"kestrel bay" strike'
        news-archive search 'flood* -football' --limit 5 --json
        news-archive search -football flood
        news-archive search strike --outlet "The Harbor Ledger" --since 2025-09 --newest
    """
    query = " ".join(words)
    try:
        check_parameter("q", query)
    except BadParameter as error:
        # the served pages' 400, without their field name (the words are not an option)
        raise click.UsageError(str(error).split(": ", 1)[1]) from None
    for name, value in (("--since", since), ("--until", until)):
        try:
            check_parameter(name.lstrip("-"), value)
        except BadParameter as error:
            raise click.BadParameter(str(error).split(": ", 1)[1], param_hint=name) from None
    try:
        check_parameters(("since", "until"), {"since": since, "until": until})
    except BadParameter as error:
        raise click.UsageError(str(error).replace("since ", "--since ", 1).replace("until ", "--until ", 1)) from None
    _require_database(db_path)
    with _archive_errors(db_path):
        db = open_connection_for_reading(db_path)  # (sqlite-utils not imported for it)
    try:
        results = run_search(db, query, limit, outlet=outlet, author=author, since=since, until=until,
                             newest=newest, all_versions=all_versions, time_limit=timeout or None)
    except SearchTimeout as error:
        click.echo(f"error: {error}: narrow it (a rarer word, --since/--until, --outlet), or give a longer "
                   "--timeout (0 waits for it).", err=True)
        sys.exit(1)
    near = near_copies_of(db, [row["id"] for row in results])
    for row in results:
        row["authors"] = json.loads(row["authors"] or "[]")
        row["ran_in"] = json.loads(row["ran_in"] or "[]")
        row["edited_in"] = json.loads(row["edited_in"] or "[]")
        row["ran_under"] = json.loads(row["ran_under"] or "[]")
        row["near_copies"] = near.get(row["id"], [])
    # (on standard error: --json keeps its list)
    unknown = names_not_in_archive(db, outlet, author) if not results else []
    # A name that finds many (--author k) narrows the search less than the reader thinks.
    unknown += names_matching_many(db, outlet, author)
    unknown += copies_at_outlet(db, query, outlet, [row["id"] for row in results], author=author, since=since,
                                until=until, all_versions=all_versions)
    if _BOOLEAN_WORD.search(_QUOTED.sub(" ", query.translate(QUOTE_MARKS))):
        # "ferry NOT storm" found the stories with "not" and "storm" in them, the opposite of what
        # was meant, without a word: say how the words are read, and how to leave one out.
        unknown.append("AND, OR and NOT are searched as words here (every word typed must appear): "
                       "leave a word out with -word ('ferry -storm'); for SQLite's own syntax, add "
                       "_searchmode=raw to a served articles page")
    if not newest and limit > RANKED_WINDOW and len(results) >= RANKED_WINDOW:
        # --limit 1000 gave 500 rows, which read as "500 articles match" (8,987 did): say why.
        unknown.append(f"best first ranks the {RANKED_WINDOW} latest matches at most; --newest lists "
                       "every match, newest first (or narrow it with --since/--until)")
    if as_json:
        click.echo(json.dumps(results, indent=2, ensure_ascii=False))
    elif not results:
        click.echo("No articles match.")
    for note in unknown:
        click.echo(f"note: {_escaped_breaks(note)}.", err=True)
    if as_json:
        return
    for row in results:
        click.echo(click.style(_escaped_breaks(row["title"] or "(untitled)"), bold=True))
        meta = " · ".join(x for x in (row["outlet"], ", ".join(row["authors"]), _readable_date(row["published"])) if x)
        click.echo(f"  #{row['id']}  {_escaped_breaks(meta)}".rstrip())  # (no outlet, author or date: no trailing blanks)
        notes = _places_and_versions_note(row)
        if notes:
            click.echo(f"  {_escaped_breaks(notes)}")
        # (FTS5 puts its " … " with blanks at the ends too: "   … words … " was out of line with
        # the #id's indent, and ended in a blank)
        click.echo(f"  {_escaped_breaks(_one_line(row['snippet'])).strip()}\n")


# A line break (and the blank space around it) in a snippet: the body keeps one paragraph a
# line, so a snippet across paragraphs holds them. Printed raw, the passage's next lines began at
# the left margin, outside the hit's indented block. Every character a terminal or str.splitlines
# takes as a line end counts (\r alone would send the cursor back over the passage).
_SNIPPET_BREAK = re.compile(r"\s*[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]\s*")


def _one_line(snippet: str | None) -> str:
    """A snippet for the text output, on one line: each paragraph break shown as " ¶ "."""
    return _SNIPPET_BREAK.sub(" ¶ ", snippet or "")


# A date as ingest stores it: the day, then (when the source gave one) the time and its offset.
_STORED_DATE = re.compile(
    r"(?P<day>\d{4}-\d{2}-\d{2})(?:[T ](?P<time>\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(?P<zone>Z|[+-]\d{2}:?\d{2})?)?")


def _readable_date(value: str | None) -> str | None:
    """A stored date as every served page shows it (the plugin's readable_date, in plain text):
    2025-03-04 21:40 -05:00, not 2025-03-04T21:40:00-05:00, and UTC for a zero offset. The
    command printed the stored value, so one article's date read two ways. Anything else is
    printed as it is; --json keeps the stored value."""
    match = _STORED_DATE.fullmatch(value) if value else None
    if match is None or not match["time"]:
        return value
    zone = match["zone"] or ""
    zone = " UTC" if zone in ("Z", "+00:00", "+0000") else f" {zone}" if zone else ""
    return f"{match['day']} {match['time']}{zone}"


def _places_and_versions_note(row: dict) -> str:
    """What a search result says of the other places its story ran in and the other stored
    texts of its story, if it has any: "(ran in 3 places: A, B, C; 2 earlier versions stored)"."""
    notes = []
    if row.get("places", 0) >= 2:
        # (an outlet that ran only an edited copy, a near copy, marked: not this text word for word;
        # one that ran it under another byline, that byline)
        outlets = outlets_noted(row.get("ran_in") or [], row.get("edited_in") or [], row.get("ran_under") or [])
        notes.append(f"ran in {row['places']} places" + (f": {', '.join(outlets)}" if outlets else ""))
    if row.get("near_copies"):
        # (other articles, told from the same text's places above: their text differs a little)
        notes.append("also ran, edited, at: " + ", ".join(f"{copy['outlet']} #{copy['id']}" for copy in row["near_copies"]))
    if row.get("earlier_versions"):
        count = row["earlier_versions"]
        notes.append(f"{count} earlier version{'s' if count != 1 else ''} stored")
    if row.get("later_version"):
        notes.append(f"replaced by a later version, #{row['later_version']}")
    return "(" + "; ".join(notes) + ")" if notes else ""


class _Signalled(list):
    """The stop signals caught so far (true once one was), and the handlers they replaced."""

    def __init__(self):
        super().__init__()
        self.previous: dict = {}

    @property
    def terminated(self) -> bool:
        """Whether the stop was a kill (SIGTERM), not a Ctrl-C: the first signal decides."""
        return bool(self) and self[0] == signal.SIGTERM

    def restore(self) -> None:
        if threading.current_thread() is threading.main_thread():
            for signum, handler in self.previous.items():
                signal.signal(signum, handler)


def _stop_like_ctrl_c_on(*signums: int) -> _Signalled:
    """Make each of `signums` stop the run as Ctrl-C does. SIGTERM (`kill PID`, `timeout`, a service
    manager) reaches the run but not its worker processes: it killed the run at once and left
    the workers waiting for work forever, holding its output pipe open. As a KeyboardInterrupt
    the batch in hand is rolled back and the workers are shut down. A worker inherits the
    handler until it starts (then it ignores the signal, pipeline._start_worker), and ignores it
    meanwhile too: the signal sent to the whole group must leave the shutting down to the run.

    Only the first stops the run: a second (Ctrl-C pressed twice, a kill after a Ctrl-C) came
    while the first was carried out, and broke that off where it landed: the workers' shutdown
    ("Exception ignored in: <generator object _ordered_parallel>" and its traceback), or the
    report of what was kept (no --json, 'Aborted!', exit 1; or '"stored": 0'). The first's stop
    takes as long as the chunks the workers hold and the archive's closing; SIGKILL still ends
    it at once, keeping every batch committed. (Python drops a KeyboardInterrupt raised in some
    of its own code, a fork hook or a __del__: the command then reports the stop once the run
    ends, with the exit status of a stop.)"""
    caught, run_pid = _Signalled(), os.getpid()

    def stop(number, frame):
        if os.getpid() != run_pid:
            return
        caught.append(number)
        if len(caught) == 1:
            raise KeyboardInterrupt

    for signum in signums:
        if threading.current_thread() is threading.main_thread():  # (only there may Python set one)
            caught.previous[signum] = signal.signal(signum, stop)
        else:
            caught.previous[signum] = signal.getsignal(signum)
    return caught


@contextmanager
def _stop_lost_in_sql(stops):
    """A stop that landed while SQLite ran one of our SQL functions is that stop, not a failure.
    The search index's triggers call cjk_index_text (ingest/cjk.py) on every article written,
    and Python's sqlite3 turns any exception a function raises, the KeyboardInterrupt of a
    Ctrl-C or kill included, into `OperationalError: user-defined function raised exception`:
    the run ended as an archive error, exit status 1, not as a stop (130), the batch in hand
    rolled back as for any stop. With a stop caught (`stops`), the error is that stop."""
    try:
        yield
    except sqlite3.DatabaseError as error:
        if not stops:
            raise
        stop = KeyboardInterrupt()
        stop.summary = getattr(error, "summary", None)  # (what the batches before it wrote)
        raise stop from error


@cli.command(short_help="Merge the search index, after a bulk ingest.")
@existing_db_option
@json_option
def optimize(db_path, as_json):
    """Merge the search index into one segment, after a bulk ingest.

    Every ingest batch adds a small segment to the full-text index; they are merged lazily,
    and a search reads each one. After ingesting many thousands of articles, this makes
    searches for common words faster. It rewrites the index (about 3 minutes for a million
    articles here), during which other writers wait; readers (Datasette) carry on.

    Prints the time it took and the index's size in pages before and after (--json:
    database, index_pages_before, index_pages_after, seconds).

    \b
    Example:
        news-archive ingest ~/big-export.jsonl && news-archive optimize
    """
    _require_database(db_path)
    with _archive_errors(db_path):
        db = open_database(db_path)
    if not as_json:  # one long statement with nothing to report until it ends: say so first
        articles = db.execute("SELECT count(*) FROM articles").fetchone()[0]
        click.echo(f"Merging the search index of {articles:,} article{'' if articles == 1 else 's'} "
                   f"(about 3 minutes a million here; searches go on meanwhile)...", err=True)
    with _archive_errors(db_path):
        result = optimize_archive(db)
    if as_json:
        click.echo(json.dumps({"database": db_path, **result}, indent=2))
    else:
        click.echo(f"Search index merged in {result['seconds']:.1f} s: {result['index_pages_before']:,} "
                   f"-> {result['index_pages_after']:,} index pages.")


# The articles link_copies reads between two commits: other writers wait for one such step.
_LINK_STEP = 1000


@cli.command("link-copies", short_help="Link the near copies among articles stored before near copies.")
@existing_db_option
@json_option
def link_copies(db_path, as_json):
    """Sketch and link the articles stored before the archive was upgraded to near copies.

    Ingest links each article it stores to its near copies at other outlets (see the README,
    Near copies). Articles stored before that upgrade (schema 0024) have no sketch, so nothing
    links them: this reads each of them once, oldest first, and links it to the articles read
    before it and to those stored since. About 500 articles a second here (35-40 minutes a
    million). It commits every 1,000 articles, so a stopped run goes on where it stopped when
    run again; other writers wait for each thousand, readers (Datasette) carry on.

    Prints how many articles it read and how many near copies it linked (--json: database, read,
    linked, seconds). A text too short to sketch is read again by each run.

    \b
    Example:
        news-archive link-copies --db old-archive.db
    """
    _require_database(db_path)
    started = time.perf_counter()
    with _archive_errors(db_path):
        conn = open_connection(db_path)
    read = linked = after = 0
    try:
        total = conn.execute(f"SELECT count(*) FROM (SELECT 1 {UNSKETCHED_SQL})", (0,)).fetchone()[0]
        bar = (nullcontext() if as_json or not total else
               click.progressbar(length=total, label="Linking near copies", file=sys.stderr))
        with bar as progress:
            while True:
                # (the step's last id first: a short text gets no sketch, so "not sketched" alone
                # would read it again in every step)
                ids = [found for found, in conn.execute(f"SELECT id {UNSKETCHED_SQL} LIMIT ?",
                                                        (after, _LINK_STEP))]
                if not ids:
                    break
                conn.execute("BEGIN IMMEDIATE")
                with conn:  # commits, or rolls back the step a stop cut short
                    step_read, step_linked = sketch_stored_articles(conn, after, limit=len(ids))
                    recount_story_places(conn)  # (the stories its links joined: schema/0027)
                read, linked, after = read + step_read, linked + step_linked, ids[-1]
                if progress is not None:
                    progress.update(step_read)
    finally:
        conn.close()
    result = {"database": db_path, "read": read, "linked": linked, "seconds": round(time.perf_counter() - started, 3)}
    if as_json:
        click.echo(json.dumps(result, indent=2))
    else:
        click.echo(f"Read {read:,} article{'' if read == 1 else 's'} stored before near copies; "
                   f"linked {linked:,} near cop{'y' if linked == 1 else 'ies'} in {result['seconds']:.1f} s.")


@cli.command(short_help="Read stored articles again with this version's rules.")
@existing_db_option
@click.option("--dry-run", is_flag=True, help="Count what would change; write nothing.")
@click.option("--all", "every", is_flag=True,
              help="Read every article again. Default: only those no run of this version has read.")
@click.option("--workers", type=click.IntRange(1, 64), default=None,
              help="Extraction processes. Default: one per CPU core (one for a few articles).")
@json_option
def reparse(db_path, dry_run, every, workers, as_json):
    """Read the stored articles' titles, bylines, dates and outlets again with this version.

    An unchanged file is never extracted twice by ingest, so each article keeps what the
    version that stored it read. After an upgrade, this reads each article's file again
    (where it was, if its bytes are the ones stored) and updates the fields the current rules
    read differently; and each whose source's byline an upgrade left not recorded (schema
    0029), recording the byline its file gives. Every value replaced is kept in the article_revisions table with the
    signal it came from: nothing is lost, and what a change replaced can be looked up there.

    Left as stored: the article's text (its identity for deduplication), values given with
    --outlet or --url, addresses already stored, and articles whose file is gone or changed
    (counted and named in the summary; a file moved and ingested again is read where it is
    now). It can be stopped at any moment; run again, it goes on where it stopped (with --all
    too, once it has finished reading every article). A dry run
    reads the archive only: it does not even upgrade an archive of an older version.

    Prints each warning as ingest does ("warning: PATH: ...": a value dropped, an encoding
    guessed; kept in the source's row), then one line: how many articles were to be read again,
    how many were read, revised (with the count per field), unchanged and with a warning; then
    notes naming the files gone or changed (and those
    that now hold the later text of an edited story whose earlier version is stored). --json
    prints the same as an object, also when stopped (with what was written, and "stopped":
    "interrupted" or "terminated"; null when the run finished). Exit status:
    0; 1 if the current rules could not extract an article (it keeps what it had); 130 or 143
    when stopped.

    \b
    Example:
        news-archive reparse --dry-run
        news-archive reparse --db clippings.db --json
    """
    from .reparse import run_reparse

    _require_database(db_path)
    show_bar = not as_json and sys.stderr.isatty()
    bar = advance = None

    def start(total):
        nonlocal bar, advance
        if show_bar and total:
            bar, advance = progress_bar(total, "Reparsing")
            bar.__enter__()

    stops = _stop_like_ctrl_c_on(signal.SIGTERM, signal.SIGINT)
    summary = None
    try:
        with _archive_errors(db_path), _stop_lost_in_sql(stops):
            summary = run_reparse(db_path, every=every, dry_run=dry_run, workers=workers,
                                  on_candidates=start, on_progress=lambda n: advance and advance(n))
        if stops:  # caught, but its KeyboardInterrupt lost on the way (see _stop_like_ctrl_c_on)
            raise KeyboardInterrupt
    except KeyboardInterrupt as stop:
        terminated = stops.terminated
        if as_json:  # as ingest: the same object as a finished run's, with the batches written
            from .reparse import ReparseSummary
            done = (getattr(stop, "summary", None) or summary
                    or ReparseSummary(database=str(db_path), dry_run=dry_run))
            click.echo(json.dumps({**done.as_dict(), "stopped": "terminated" if terminated else "interrupted"},
                                  indent=2, ensure_ascii=False))
        done = getattr(stop, "summary", None) or summary
        if dry_run:  # it wrote nothing, and keeps nothing of what it read: run again, it starts over
            counted = f" after {done.reread} read ({done.revised} would be revised)" if done is not None else ""
            click.echo(f"\n{'Stopped' if terminated else 'Interrupted'}{counted}. A dry run writes nothing: "
                       "run again, it counts from the start.", err=True)
            sys.exit(128 + signal.SIGTERM if terminated else 130)
        kept = f" ({done.reread} read, {done.revised} revised)" if done is not None else ""
        # (with --all too: what a stopped --all read is skipped, schema/0022)
        click.echo(f"\n{'Stopped' if terminated else 'Interrupted'}. Every batch already written is "
                   f"kept{kept}; run the same command again to go on.", err=True)
        sys.exit(128 + signal.SIGTERM if terminated else 130)
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)
        stops.restore()
    if as_json:
        click.echo(json.dumps({**summary.as_dict(), "stopped": None}, indent=2, ensure_ascii=False))
    else:
        _report_reparse(summary, db_path, dry_run)
    if summary.failed:  # as ingest: a script learns that not every article was read again
        sys.exit(1)


def _report_reparse(summary, db_path: str, dry_run: bool) -> None:
    would = "would be " if dry_run else ""
    fields = ", ".join(f"{name} {count}" for name, count in summary.fields.most_common())
    _print_warnings(summary.warnings)
    click.echo(f"{summary.candidates} stored article(s) to read again, {summary.reread} read in "
               f"{summary.seconds:.1f}s: {summary.revised} {would}revised"
               + (f" ({fields})" if fields else "") + f", {summary.unchanged} unchanged"
               + f", {summary.failed} failed to extract now" * bool(summary.failed)
               + (f", {inputs_warned(summary.warnings)} with a warning" if summary.warnings else "")
               + f" -> {db_path}")
    for item in summary.left_as_stored:
        if item["why"] == "failed":  # as ingest names its failures
            click.echo(f"failed: {_escaped_breaks(item['location'])}: {_escaped_breaks(item['error'])}", err=True)
    skipped = [("gone", "whose file is gone"),
               ("changed", "whose file holds other bytes now (ingest stores its new text)"),
               ("replaced", "earlier versions of edited stories, whose file now holds the later text, stored")]
    for kind, why in skipped:
        files = summary.files[kind]
        count = sum(files.values())
        if count:
            named = [f"{path} ({n})" if n > 1 else path for path, n in files.most_common(10)]
            click.echo(f"note: {count} article(s) left as stored, {why}: {_escaped_breaks(', '.join(named))}"
                       + (f" and {len(files) - len(named)} more file(s)" if len(files) > len(named) else "")
                       + ".", err=True)
    if summary.body_differs:
        click.echo(f"note: {summary.body_differs} article(s) whose text the current rules cut "
                   "differently keep their stored text (it is what their copies point to).", err=True)
    if summary.revised and not dry_run:
        click.echo("The values replaced are in the article_revisions table.")
    removed = [f"{count} {kind}{'s' * (count != 1)}" for count, kind in
               ((summary.unused_authors, "author"), (summary.unused_outlets, "outlet")) if count]
    if removed and dry_run:
        click.echo(f"Would remove {' and '.join(removed)} no article would name any more.")
    elif removed:
        click.echo(f"Removed {' and '.join(removed)} no article names any more "
                   "(their names are kept in article_revisions).")


@cli.command(short_help="Counts of articles, sources, duplicates, failures...")
@existing_db_option
@json_option
def stats(db_path, as_json):
    """Counts of articles, sources, duplicates, outlets, authors, dates and failures.

    Prints one figure a line (--json: one object, the archive's path as `database` first): articles; sources (every input seen);
    duplicates (inputs whose text was already stored); syndicated articles (stories seen at two
    or more places, their edited copies at other outlets included, each story once); failed
    (inputs that fail now); new versions (edited texts kept beside the ones they replace); outlets; authors; languages; the first and last publication dates; articles without
    a date or an author; ingest runs.

    \b
    Example:
        news-archive stats --json
    """
    _require_database(db_path)
    with _archive_errors(db_path):
        db = open_connection_for_reading(db_path)  # (sqlite-utils not imported for it)
    figures = archive_stats(db)
    if as_json:  # (the archive named, as ingest's and reparse's --json name it)
        click.echo(json.dumps({"database": db_path, **figures}, indent=2))
        return
    width = max(len(k) for k in figures)
    for key, value in figures.items():
        click.echo(f"{key.replace('_', ' '):<{width}}  {value if value is not None else '-'}")


class _ExistingFile(click.Path):
    """click.Path(exists=True) that tells a file it may not look up from one that is not
    there: click said "does not exist" of a file in a folder without search permission."""

    def __init__(self):
        super().__init__(exists=True, dir_okay=False)

    def convert(self, value, param, ctx):
        try:
            os.stat(value)
        except OSError as error:
            if error.errno not in (errno.ENOENT, errno.ENOTDIR):
                self.fail(f"cannot read {click.format_filename(value)!r}: {error.strerror or error}",
                          param, ctx)
            if os.path.islink(value):  # as ingest says it: "does not exist" sent one looking for the link
                self.fail(f"cannot read {click.format_filename(value)!r}: broken symbolic link "
                          f"(to {os.readlink(value)})", param, ctx)
        return super().convert(value, param, ctx)


@cli.command(short_help="Show what extraction finds in one file.")
@click.argument("file", type=_ExistingFile())
@json_option
def parse(file, as_json):
    """Show what extraction finds in one file, without storing it (for debugging a rule).

    Reads no archive. Prints each field found (title, description, authors, dates, outlet,
    url, language, word count, content hash), where each came from (provenance; for a text,
    also the rule that found each writer), then the text. A NAME.json beside the file is applied, as ingest applies it. --json prints one
    object, or a list when the file holds several inputs (records, feed items, captured pages).
    Exit status: 0; 1 if an input could not be extracted (its error is printed) or the file
    holds none.

    \b
    Example:
        news-archive parse samples/text/cpa-riverton-levee.txt --json
        news-archive parse crawl.warc.gz          # every page the archive captured
    """
    now = datetime.now(timezone.utc)
    results = []
    for input_file in expand_paths([file]):
        for source in read_sources(input_file):
            outcome = process_source(source, now)
            entry = {"location": source.location, "format": source.format}
            if outcome.error:
                entry["error"] = outcome.error
            else:
                article = outcome.article
                entry.update({
                    "title": article.title, "description": article.description,
                    "authors": article.authors, "published": article.published,
                    "updated": article.updated, "outlet": article.outlet,
                    "outlet_domain": article.outlet_domain, "url": article.url,
                    "language": article.language, "word_count": article.word_count,
                    "content_hash": article.content_hash, "provenance": article.provenance,
                })
                # (what ingest would warn of: a date naming a month or a year, dropped; only
                # when there is one, so that a clean parse prints what it always printed)
                if article.warnings:
                    entry["warnings"] = article.warnings
                entry["body"] = article.body
            results.append(entry)
    if not results:
        raise click.ClickException(f"{file}: nothing to parse in it (a JSON Lines file with no record?)")
    if as_json:
        click.echo(json.dumps(results if len(results) > 1 else results[0], indent=2, ensure_ascii=False))
    else:
        for entry in results:
            for key, value in entry.items():
                if key == "body":
                    click.echo(f"body:\n{_escaped_controls(str(value))}")
                elif key == "warnings":
                    click.echo(f"warnings: {_escaped_breaks('; '.join(value))}")
                else:
                    click.echo(f"{key}: {_escaped_breaks(str(value))}")
    if any("error" in e for e in results):  # in both forms: scripts read the status
        sys.exit(1)


@cli.command(short_help="Serve the archive with Datasette, for search and a JSON API.")
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (0.0.0.0 to be reachable from other machines).")
@click.option("--port", type=click.IntRange(0, 65535), default=8001, show_default=True,
              help="Port to listen on (0: any free one, printed).")
@click.option("--cors", is_flag=True,
              help="Let web pages of any other origin read the JSON API (Access-Control-Allow-Origin: *), "
                   "for a dashboard served elsewhere. Everything served is public and read-only.")
def serve(db_path, host, port, cors):
    """Serve the archive with Datasette: search, facets, saved queries and a JSON API.

    If the archive does not exist or was never ingested into, the bundled sample articles are
    ingested into it first (an archive you ingested into is served as it is). Read-only:
    nothing served can change the archive; articles ingested meanwhile show on the next page load.

    Prints the address of the search page, then serves until Ctrl+C. Exit status 1 if the port
    is in use or the host is not an address of this machine.

    \b
    Example:
        news-archive serve
        news-archive serve --db clippings.db --port 8080
        news-archive serve --cors
    """
    from . import serve as serving  # imports Datasette and uvicorn only for this command

    refused = _cannot_listen(host, port)  # before the samples are ingested into a new archive for nothing
    if refused is not None and refused.errno == errno.EADDRINUSE:
        raise click.ClickException(f"port {port} on {host} is in use (another news-archive serve?): "
                                   "give --port another number.")
    if refused is not None:
        raise click.ClickException(f"cannot listen on {host} port {port}: {refused.strerror or refused} "
                                   "(--host must be an address of this machine, or 0.0.0.0 for all).")
    if port == 0:  # any free port: the one the system gives now, served and printed (":0" was)
        port = _free_port(host)
    with _archive_errors(db_path):
        summary = serving.ensure_archive(db_path)
    if summary is not None:
        click.echo(f"{db_path} held no articles: ingested the {summary.stored} bundled samples "
                   f"from {serving.samples_dir()}")
    elif not serving.count_articles(db_path):
        click.echo(f"note: {db_path} holds no articles yet (what its ingests read failed, or was "
                   f"deleted): see {'/'.join(('', serving.DATABASE_NAME, 'sources'))}, or run "
                   f"`news-archive ingest PATH --db {db_path}`.", err=True)
    url = f"http://{host}:{port}"
    click.echo(f"Serving {db_path} at {url}/ - search it at {url}/{serving.DATABASE_NAME}/articles "
               "(Ctrl+C to stop)")
    serving.serve(db_path, host, port, cors)


def _cannot_listen(host: str, port: int) -> OSError | None:
    """Why the server could not listen there, or None (uvicorn says so only after start-up, in
    its own words). Bound with SO_REUSEADDR, as uvicorn binds: a port left in TIME_WAIT is free."""
    import socket  # (here: every other command starts without it)

    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as error:
            return error
    return None


def _free_port(host: str) -> int:
    """A port free on `host` now, as the system picks one for port 0."""
    import socket

    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        probe.bind((host, 0))
        return probe.getsockname()[1]


_LINE_BREAKS = {"\n": "\\n", "\r": "\\r", "\x0b": "\\v", "\x0c": "\\f", "\x85": "\\x85",
                "\u2028": "\\u2028", "\u2029": "\\u2029"}
# Every other control character (C0 but the tab, DEL, C1) as its escape: a terminal reads ESC,
# BEL and CSI (0x9b) as the start of a command. A page's title holding "\x1b]0;...\x07" renamed
# the terminal's window when `search` printed it, and "\x1b[2J" cleared its screen.
_CONTROLS = {code: f"\\x{code:02x}" for code in [*range(0x20), 0x7f, *range(0x80, 0xa0)] if code != 0x09}
_SHOWN_ON_ONE_LINE = str.maketrans({**_CONTROLS, **_LINE_BREAKS})
_SHOWN_ON_LINES = str.maketrans({code: escape for code, escape in _CONTROLS.items() if code != 0x0a})


def _print_warnings(warnings: list[dict]) -> None:
    """Each warning of a run (what an input gave that was dropped, or guessed), on standard error."""
    for warned in warnings:
        click.echo(f"warning: {_escaped_breaks(warned['location'])}: {warned['warning']}", err=True)


def _escaped_breaks(text: str) -> str:
    """A file name, a reason or a value on the one line it is reported on: a name holding a line
    break ("line\nbreak.txt", which find -print0 passes) or a library's reason of several lines
    split its report, and a script reading "failed: PATH: reason" a line at a time misread it.
    Every other control character is escaped too (_CONTROLS)."""
    return text.translate(_SHOWN_ON_ONE_LINE)


def _escaped_controls(text: str) -> str:
    """A text of several lines as the terminal should show it: its line breaks kept, every other
    control character escaped (_CONTROLS)."""
    return text.translate(_SHOWN_ON_LINES)


def _check_url(url: str) -> None:
    """Refuse (status 2, before anything is read or written) a --url that is no whole web
    address: only one is stored, so "harborledger.example/a", typed without its https://, was
    dropped without a word and the article stored with no address."""
    from .normalise import canonical_url  # (courlan: only when --url is given)

    if canonical_url(url) is not None:
        return
    bare = url.strip()
    hint = f" (https://{bare.lstrip('/')}?)" if re.match(r"^/*[\w-]+(?:\.[\w-]+)+(?:[/?#]|$)", bare) else ""
    raise click.BadParameter(f"{url!r} is not a whole web address: write it with its https://{hint}.",
                             param_hint="--url")


# AND, OR or NOT typed in capitals as a word of its own (outside a "quoted phrase"), as a search
# engine's operator: read here as a word to find (fts_expression).
_BOOLEAN_WORD = re.compile(r"(?<!\S)(?:AND|OR|NOT)(?!\S)")
_QUOTED = re.compile(r'"[^"]*"')


def _kept_counts(summary) -> str:
    """What a stopped run wrote, for its last message."""
    return (f"{summary.stored} new, {summary.duplicate} duplicate, {summary.unchanged} unchanged, "
            f"{summary.failed} failed")


def _listed_paths(listing: str) -> list[str]:
    """The paths of a list given on standard input: one a line (blank lines and the spaces
    around a path left out), or separated by NULs, as `find -print0` and `git ls-files -z`
    write them for names that hold a line break. Read as lines, such a list was one path made
    of all the names, which failed as "no such file or folder". A line that names a file as it
    stands is kept whole: a name may end in a space (a download saved as "Story .html"), and
    stripped it named no file."""
    if "\0" in listing:
        return [path for path in listing.split("\0") if path.strip()]
    return [line if os.path.lexists(line) else line.strip()
            for line in listing.splitlines() if line.strip()]


def _require_database(db_path: str) -> None:
    """Refuse a missing archive, and an empty file (made by `touch`, or a copy cut short) as
    one: opened, it took the schema and answered as an empty archive ("No articles match.",
    every count 0), where these commands say there is none, and `reparse --dry-run` called it
    "another program's database (its tables: )"."""
    path = Path(db_path)
    if not path.exists():
        raise click.ClickException(f"no archive at {db_path}: run `news-archive ingest PATH` first")
    if path.is_file() and path.stat().st_size == 0:
        raise click.ClickException(f"no archive at {db_path}: it is an empty file (left as it was); "
                                   "run `news-archive ingest PATH` to make one there")


@contextmanager
def _archive_errors(db_path: str):
    """An error of the archive file itself (see _archive_problem) as one message, not a traceback."""
    try:
        yield
    except sqlite3.DatabaseError as error:
        problem = _archive_problem(db_path, error)
        if problem is None:
            raise
        raise click.ClickException(problem) from error


def _nothing_written(db_path, started: float) -> Summary:
    """The summary of a run stopped before its first batch, with the time it took: a run that
    waited out another writer's lock for a minute said "seconds": 0.0."""
    return Summary(database=str(db_path), seconds=round(time.monotonic() - started, 3))


def _stops_a_run(error: sqlite3.DatabaseError) -> bool:
    """Whether the archive stopped a run that may be run again as it was (see _archive_problem):
    another writer held it too long, or its disk is full."""
    reason = str(error)
    return any(words in reason for words in ("locked", "busy", "disk is full", "disk I/O error"))


def _archive_problem(db_path: str, error: sqlite3.DatabaseError) -> str | None:
    """What is wrong with the archive file, in words a user can act on, or None for an error
    that is not the file's (a bug of ours keeps its traceback). SQLite's own words ("unable to
    open database file") name neither the file nor what to do."""
    reason = str(error)
    if "locked" in reason or "busy" in reason:
        return (f"{db_path} stayed locked by another writer (an ingest or optimize) for "
                f"{BUSY_TIMEOUT_MS // 1000} s. Every batch written before is kept: run the same "
                f"command again when the other one is done.")
    if isinstance(error, ArchiveNeedsUpgrade):
        return (f"{db_path} is on a disk this user may not write: {reason}. Nothing was read or "
                f"written; copy it where it can be written, or run news-archive there once.")
    if isinstance(error, NewerArchive):
        return (f"{db_path}: {reason}. Nothing was read or written; use it with that version, or "
                f"install it here.")
    if isinstance(error, NotAnArchive) or "not a database" in reason:
        return (f"{db_path} is not a news archive: {reason}. It was left as it was; give --db an "
                f"archive or the name of a new file.")
    if "unable to open" in reason:
        folder = Path(db_path).parent
        if not folder.is_dir():
            return f"cannot make the archive {db_path}: the folder {folder} does not exist."
        if Path(db_path).is_file() and not os.access(folder, os.W_OK):
            return (f"{db_path} is on a disk or in a folder this user may not write ({reason}): nothing "
                    f"can be written to it here; search, stats and serve still read it.")
        return f"cannot open or create the archive {db_path} ({reason}): may you write in {folder}?"
    if "readonly" in reason:
        return (f"{db_path} is read-only for this user ({reason}): nothing was written, and what "
                f"it holds is unchanged. Give --db a file you may write.")
    if "disk is full" in reason or "disk I/O error" in reason:
        return (f"{db_path}: {reason}. Every batch written before is kept: run the same command "
                f"again once that is mended.")
    return None
