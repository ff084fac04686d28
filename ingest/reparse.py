"""Reparse stage: the stored articles' metadata read again with this version's rules.

An unchanged file is never extracted twice by `ingest` (that is what makes a re-run cheap), so
an article keeps the title, byline and dates the rules of the version that stored it read.
When a newer version reads them better, `news-archive reparse` brings the archive up to it:
each article's stored source (the input that first gave its text) is read again where it was
and, if its bytes are still the ones stored, extracted with the current rules. The fields that
now read differently are updated, and each value they had is kept in article_revisions with
the signal it came from, so nothing stored is lost and every change can be seen and undone.

Left as they were, and counted:
- the text (body) and its content hash: they are the article's identity, which its recorded
  copies point to; a body the rules now cut differently is counted (body_differs), not
  rewritten;
- a value the user gave (--outlet or --url on the ingest command line; provenance "override"),
  which the file alone cannot give back; a NAME.json sidecar is read again with its file, and
  what it gives now is taken, as ingest takes a corrected sidecar (a copy's sidecar that gave
  the article a value is a copy's, below, not the article's file's), but for an outlet given
  over a sidecar written before the run that read the file (the command line beat it then);
- a value a copy of the story (a duplicate) gave the article where the copy that stored it had
  none, which that copy read again still lacks: the article had it from the other copy;
- an address (url) already stored: the rules find the same canonical link, and a --url given
  at ingest time leaves no provenance to tell it apart; it is given back to the rules as --url
  gives it, so what they read from it (a text's outlet, its domain) is read again too;
- an article whose file is gone, or holds other bytes now (its new text is a new article for
  `ingest`), or that the current rules cannot extract. (A file moved or renamed and ingested
  again is found where ingest recorded the same bytes, if its name ends the same way.)

The byline the file gives is recorded on its source's row (sources.authors: what that copy
carried) and its byte-identical copies', which fills those an upgrade to schema/0029 could not
know; a copy of other bytes is not read here. So is when the file says its bytes were captured
(sources.captured, a web archive record's WARC-Date), on that row alone, where schema/0031 found
none, and only as read at that row's own record (the same bytes at another are another capture): a copy's row (a crawl's later capture of the same page, at another record) is not read, and
keeps none.

Each batch is one transaction, and a source read by this version is marked so (its
extractor; by a run of --all, in reparse_all_read too), so a reparse stopped midway goes on
where it stopped when run again.
"""

import os
import signal
import sqlite3
import time
from collections import Counter, defaultdict
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator

from .migrations import refuse_a_newer_archive
from .pipeline import CHUNK_BYTES, CHUNK_SIZE, STOPS, WAITING, _chunks, _ordered_parallel, inputs_warned
from .read import expand_paths, hash_source, location_path, read_sources, sidecar_for
from .record import Article, Outcome, Source
from .store import (BUSY_TIMEOUT_MS, FILLED_FROM_COPIES, NEW_OUTLET, REVISED_FIELDS, SIDECAR_ONLY_FIELDS,
                    STORED_FIELDS_SQL, Archive, _record_number, as_database, extractor, field_text, open_database,
                    order_versions_by_evidence, read_only_uri, refuse_another_programs_database,
                    remove_unused_authors_and_outlets, stored_values, updated_before_published, utc_now, warnings_kept)

if TYPE_CHECKING:
    from sqlite_utils import Database

BATCH = 500  # articles a transaction: a stop loses at most this much work
# ...or what came in this many seconds, fewer: a batch is what the progress bar counts, and on a
# loaded machine 500 articles took 14 s to read (the bar at 0% meanwhile; a run of fewer than
# 500, there till its end), as ingest writes every 2 s while inputs come slowly
BATCH_SECONDS = 2.0
SMALL_RUN = 200  # fewer candidates than this are extracted in this process
LONG_HOLD = 0.2  # s: a batch that held the write lock this long leaves it free for ...
TURN = 0.15  # s: ... longer than SQLite's longest wait between two tries of a waiting writer
NAMED = 20  # articles left as stored named in the summary, of each kind
EXAMPLES = 20  # changes shown in the summary
# (STOPS, Ctrl-C and kill, are held back while a batch commits: see _stops_held_when_called)


# ("replaced": the file holds another version of an edited story now (the later one, or an earlier
# one captured before it), stored as an article of its own, so this version's bytes are gone from it for good: a file changed, but not
# one that ingest has yet to read, as the note for "changed" tells the user to do.)
_COUNTED_AS = {"gone": "file_missing", "changed": "file_changed", "replaced": "file_changed", "failed": "failed"}


@dataclass
class ReparseSummary:
    database: str
    dry_run: bool = False
    candidates: int = 0  # stored articles whose source this version has not read
    reread: int = 0  # of them, extracted again from their file
    revised: int = 0  # articles with at least one field changed
    unchanged: int = 0  # read again, every field as stored
    fields: Counter = field(default_factory=Counter)  # field -> articles it changed in
    body_differs: int = 0  # the rules now cut the text differently (kept as stored)
    # author and outlet rows no article uses any more (after the changes), removed at the end
    unused_authors: int = 0
    unused_outlets: int = 0
    file_missing: int = 0
    file_changed: int = 0
    failed: int = 0  # the current rules cannot extract it (its stored values stay)
    seconds: float = 0.0
    examples: list = field(default_factory=list)  # a few changes, for the report
    # Which articles were left as stored, so a user can find the file: the first few of each
    # kind ("gone", "changed", "failed"), with the error of a failure.
    left_as_stored: list = field(default_factory=list)
    # The files of the articles gone or changed, with how many each: a file of 100,000 records
    # gone is one file to name, not 20 of its records.
    files: dict = field(default_factory=lambda: {"gone": Counter(), "changed": Counter(), "replaced": Counter()})
    # What the current rules drop of a value an article's file gives, or guess (Article.warnings),
    # as ingest reports them: {"location", "warning"}; kept in its source row's error, as ingest keeps them
    warnings: list[dict] = field(default_factory=list)

    def leave(self, why: str, location: str, error: str | None = None) -> None:
        counter = _COUNTED_AS[why]
        setattr(self, counter, getattr(self, counter) + 1)
        if why in self.files:
            self.files[why][location.rpartition("#")[0] if _record_number(location) else location] += 1
        if sum(1 for item in self.left_as_stored if item["why"] == why) < NAMED:
            self.left_as_stored.append({"location": location, "why": why, **({"error": error} if error else {})})

    def add(self, batch: "ReparseSummary") -> None:
        """Count a written batch's tally in (its leaves were already named as NAMED allows)."""
        for counter in ("reread", "revised", "unchanged", "body_differs", "file_missing", "file_changed", "failed"):
            setattr(self, counter, getattr(self, counter) + getattr(batch, counter))
        self.fields.update(batch.fields)
        self.examples.extend(batch.examples[:max(0, EXAMPLES - len(self.examples))])
        for item in batch.left_as_stored:
            if sum(1 for kept in self.left_as_stored if kept["why"] == item["why"]) < NAMED:
                self.left_as_stored.append(item)
        for why, files in batch.files.items():
            self.files[why].update(files)
        self.warnings.extend(batch.warnings)

    def as_dict(self) -> dict:
        return {"database": self.database, "dry_run": self.dry_run, "candidates": self.candidates,
                "reread": self.reread, "revised": self.revised, "unchanged": self.unchanged,
                "fields": dict(self.fields.most_common()), "body_differs": self.body_differs,
                "file_missing": self.file_missing, "file_changed": self.file_changed,
                "failed": self.failed, "unused_removed": {"authors": self.unused_authors,
                                                          "outlets": self.unused_outlets},
                "seconds": round(self.seconds, 3), "examples": self.examples,
                "left_as_stored": self.left_as_stored, "warned": inputs_warned(self.warnings), "warnings": self.warnings}


@dataclass
class _Candidate:
    source_id: int
    location: str
    raw_sha256: str
    article_id: int
    old_extractor: str | None
    url: str | None = None  # the article's stored address, given back to the rules (below)
    judged_at: str | None = None  # when the run that stored it began: its "now" (see below)


class _DryRunEffects:
    """What a dry run's changes would do to the author and outlet rows, so that it counts the
    rows the real run would then remove (unused_removed) instead of saying 0: a user checking
    with --dry-run what reparse will do was not told that it deletes rows. The changes are
    kept as the real run would make them (_apply) and replayed over the stored references."""

    def __init__(self) -> None:
        self.authors: dict[int, list[str]] = {}  # article id -> the byline it would get
        self.outlets: dict[int, object] = {}  # article id -> its outlet's id (or NEW_OUTLET, None)
        self.sources: dict[int, int] = {}  # source id -> article id whose outlet it would take

    def record(self, candidate: "_Candidate", article: Article, changes: dict, archive: Archive) -> None:
        if "authors" in changes:
            self.authors[candidate.article_id] = list(article.authors)
        if "outlet" in changes:
            self.outlets[candidate.article_id] = archive.known_outlet_id(article)
        self.sources[candidate.source_id] = candidate.article_id  # _apply copies the article's

    def unused_after(self, conn: sqlite3.Connection) -> tuple[int, int]:
        """The author and outlet rows remove_unused_authors_and_outlets would delete after."""
        from .normalise import person_key  # not at the top: see Archive._author_id

        authors_used = {author_id for article_id, author_id in
                        conn.execute("SELECT article_id, author_id FROM article_authors")
                        if article_id not in self.authors}
        for key in {person_key(name) for names in self.authors.values() for name in names}:
            row = conn.execute("SELECT id FROM authors WHERE key = ?", (key,)).fetchone()
            if row:
                authors_used.add(row[0])
        outlet_after = {article_id: self.outlets.get(article_id, outlet_id) for article_id, outlet_id in
                        conn.execute("SELECT id, outlet_id FROM articles")}
        outlets_used = set(outlet_after.values())
        for source_id, article_id, outlet_id in conn.execute("SELECT id, article_id, outlet_id FROM sources"):
            outlets_used.add(outlet_after.get(article_id) if source_id in self.sources else outlet_id)
        authors = sum(1 for (author_id,) in conn.execute("SELECT id FROM authors") if author_id not in authors_used)
        outlets = sum(1 for (outlet_id,) in conn.execute("SELECT id FROM outlets") if outlet_id not in outlets_used)
        return authors, outlets


def _file_of(location: str) -> str:
    """The file a source came from: its location, or the file of a record ("path#12")."""
    if _record_number(location) and not location_path(location).exists():
        return location.rpartition("#")[0]
    return location


def candidates(conn: sqlite3.Connection, every: bool) -> list[_Candidate]:
    """The source that gave each stored article, unless this version read it already and its
    byline is recorded (or `every`: unless a stopped run of `every` read it with this version).
    Ordered by location, so a file's sources come together.

    Why the byline: an archive upgraded to schema/0029 by a version whose rules read as the
    last one's did holds no byline for its sources (NULL, not recorded), and a plain `reparse`,
    reading only what another version read, filled none (README said it did)."""
    sql = ("SELECT sources.id, location, raw_sha256, article_id, extractor, articles.url, "
           "ingest_runs.started FROM sources JOIN articles ON articles.id = sources.article_id "
           "LEFT JOIN ingest_runs ON ingest_runs.id = sources.run_id WHERE status = 'stored'")
    params: tuple = ()
    if not every:
        bylines_kept = conn.execute("SELECT 1 FROM pragma_table_info('sources') WHERE name = 'authors'").fetchone()
        # (an archive a dry run left un-upgraded keeps no byline of any source: each is read)
        sql += " AND (extractor IS NOT ? OR sources.authors IS NULL)" if bylines_kept else ""
        params = (extractor(),) if bylines_kept else ()
    elif conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'reparse_all_read'").fetchone():
        # (not in an archive a dry run left un-upgraded: schema/0022) An --all run that was stopped
        # goes on: what it read with this version is not read again.
        sql += " AND NOT (extractor IS ? AND sources.id IN (SELECT source_id FROM reparse_all_read))"
        params = (extractor(),)
    return [_Candidate(*row) for row in conn.execute(sql + " ORDER BY location, sources.id", params)]


def differences(stored: tuple, article: Article, archive: Archive, article_id: int | None = None,
                sidecar_as_read: bool = False) -> dict[str, tuple]:
    """field -> (old value, old source, new value, new source) for the fields the current
    extraction reads differently, leaving what reparse keeps (see the module's docstring).
    An outlet is the same if it is the outlet row ingest would file the article under (one
    outlet, many spellings), not only the same name. `sidecar_as_read`: the file's sidecar is
    unchanged since ingest read the file (see _sidecar_as_read)."""
    old, old_sources = stored_values(stored)
    changes = {}
    for name in REVISED_FIELDS:
        # A given value is read again when the file's sidecar, read with it, gives that field
        # now, or when only a sidecar can have given it (SIDECAR_ONLY_FIELDS: one taken out of
        # the sidecar is taken back), as ingest applies a corrected sidecar (given_changes).
        # Kept whole, a corrected date stayed the old sidecar's until the next ingest.
        # An outlet or address given where the sidecar is the one ingest read is kept: the
        # sidecar says what it said then, so a stored value it differs from was given on the
        # command line (--outlet, --url), which beats the sidecar.
        if old_sources.get(name) == "override" \
                and (article.provenance.get(name) != "override" or sidecar_as_read) \
                and name not in SIDECAR_ONLY_FIELDS \
                and not _given_by_a_copys_sidecar(archive, article, article_id, name, old[name]):
            continue
        if name == "url" and old[name]:
            continue
        new_value = field_text(name, getattr(article, name))
        if name == "outlet":
            same = _same_outlet(archive, article, stored[14], old["outlet"])
        else:
            same = new_value == old[name]
        if not same and new_value in (None, "", "[]") and article_id is not None and name in FILLED_FROM_COPIES \
                and archive.given_by_copy(article_id, name, old[name]) \
                and not (name == "updated" and updated_before_published(
                    old[name], changes["published"][2] if "published" in changes else old["published"])):
            continue  # a copy gave it (see the module's docstring); not an update from before the date read now
        if not same:
            changes[name] = (old[name], old_sources.get(name), new_value, article.provenance.get(name))
    return changes


def _sidecar_as_read(conn: sqlite3.Connection, location: str) -> bool:
    """Whether the file at `location` has a sidecar written before the ingest run that last read
    the file began: what it gives now is what it gave that run."""
    sidecar = sidecar_for(location_path(location))
    if sidecar is None:
        return False
    try:
        written_ns = sidecar.stat().st_mtime_ns
    except OSError:
        return False
    row = conn.execute("SELECT read_at_ns FROM input_files WHERE path = ?", (location,)).fetchone()
    return row is not None and written_ns < row[0]


def _given_by_a_copys_sidecar(archive: Archive, article: Article, article_id: int | None, name: str, value) -> bool:
    """Whether an "override" value is one a copy's sidecar gave the article (a copy of the story
    filled a value the article lacked, _fill_from_copies), not one the user gave the article's
    own file, whose reading now has none. Why: "override" is kept because the file alone cannot
    give it back; a copy's sidecar says what that copy carried, and kept as an override it held
    off for good the article's own value, which today's rules read from its own file."""
    return (article_id is not None and name in FILLED_FROM_COPIES and article.provenance.get(name) != "override"
            and archive.given_by_copy(article_id, name, value))


def _same_outlet(archive: Archive, article: Article, stored_id: int | None, stored_name: str | None) -> bool:
    """Whether ingest would file the article under its stored outlet now. Archives made before
    a fix of ingest may hold one outlet as two rows of one name: moving an article between
    them would change nothing a user sees, so the same name counts as the same outlet."""
    known = archive.known_outlet_id(article)
    if known == stored_id:
        return True
    if known is None or stored_name is None:
        return False
    name = article.outlet if known is NEW_OUTLET else archive.conn.execute(
        "SELECT name FROM outlets WHERE id = ?", (known,)).fetchone()[0]
    return name == stored_name


def _sources_to_read(wanted: list[_Candidate], summary: ReparseSummary, by_location: dict[str, _Candidate],
                     conn: sqlite3.Connection) -> Iterator[Source]:
    """The candidates' sources, read again from their files; those whose file is gone or
    holds other bytes now are counted and skipped.

    A record is found by its bytes anywhere in its file, not only at the line it was stored
    from: an export written again newest first, or a feed fetched again, moves every old
    record down, and ingest knows them there as the records it stored (unchanged). Looked
    for at their old lines only, they were all "changed" and never read again.

    An article whose file is gone is read from a copy of the same bytes that ingest recorded
    elsewhere (a folder moved or renamed, then ingested again: each file a "duplicate" of
    itself), if that copy's file has the same kind of name (.html, .md, ...: the same bytes
    are then read the same way)."""
    by_file: dict[str, list[_Candidate]] = defaultdict(list)
    for candidate in wanted:
        by_file[_file_of(candidate.location)].append(candidate)
    lost: list[tuple[_Candidate, str]] = []
    yielded: set[str] = set()
    for path, of_file in by_file.items():
        yield from _read_file(path, of_file, by_location, yielded, lost)
    by_copy: dict[str, list[_Candidate]] = defaultdict(list)
    why_lost = {}
    for candidate, why in lost:
        why_lost[candidate.source_id] = why
        kind = "".join(Path(_file_of(candidate.location)).suffixes).lower()
        for (location,) in conn.execute(
                "SELECT location FROM sources WHERE article_id = ? AND raw_sha256 = ? AND id != ? "
                "AND status = 'duplicate' ORDER BY last_seen DESC",
                (candidate.article_id, candidate.raw_sha256, candidate.source_id)).fetchall():
            copy_file = _file_of(location)
            if "".join(Path(copy_file).suffixes).lower() == kind:
                by_copy[copy_file].append(candidate)
                break
    found_in_copies = set()
    for path, of_file in by_copy.items():
        missed: list = []
        for source in _read_file(path, of_file, by_location, yielded, missed):
            found_in_copies.add(by_location[source.location].source_id)
            yield source
    for candidate, why in lost:
        if candidate.source_id not in found_in_copies:
            # (another version read from this same file since: one stored from another input, a
            # record at the same address, says nothing of what this file holds now, which may be a
            # story never ingested, and "changed" tells the user to ingest it. The version read
            # since is the one linked after it, or before it where that text was captured earlier.)
            if why == "changed" and conn.execute(
                    "SELECT 1 FROM articles JOIN sources ON sources.article_id = articles.id "
                    "WHERE (articles.previous_version = ? OR articles.id = "
                    "(SELECT previous_version FROM articles WHERE id = ?)) "
                    "AND sources.location = ? AND articles.id > ? LIMIT 1",
                    (candidate.article_id, candidate.article_id, candidate.location, candidate.article_id)).fetchone():
                why = "replaced"
            summary.leave(why, candidate.location)


def _read_file(path: str, of_file: list[_Candidate], by_location: dict[str, _Candidate], yielded: set[str],
               lost: list[tuple[_Candidate, str]]) -> Iterator[Source]:
    """The sources of one file that hold the bytes of one of `of_file`; the candidates not
    found are added to `lost`, with why ("gone", or "changed": other bytes at its location)."""
    # A location an older archive keeps as it was typed ("clippings/a.txt") is looked for from
    # here: whatever file is found must hold the stored bytes to be read.
    on_disk = location_path(path)
    input_file = next(iter(expand_paths([os.fspath(on_disk)])), None) if on_disk.is_file() else None
    if input_file is None or input_file.error:
        lost.extend((candidate, "gone") for candidate in of_file)
        return
    # A location may have given several stored articles, one for each content it had.
    by_bytes: dict[str, list[_Candidate]] = defaultdict(list)
    for candidate in of_file:
        by_bytes[candidate.raw_sha256].append(candidate)
    found, read = set(), set()
    try:
        for source in read_sources(input_file):
            # "" (the file), or "#3": there, if not with the bytes stored (a file emptied or
            # damaged since is changed, not gone: it was named gone, as if it had moved)
            read.add(source.location[len(input_file.location):])
            if source.error:
                continue
            hash_source(source)
            waiting = by_bytes.get(source.raw_sha256) or next(
                (by_bytes[former] for former in source.former_sha256 if by_bytes.get(former)), None)
            if not waiting or source.location in yielded:
                continue
            # The one stored from this very location first, else the first stored elsewhere.
            candidate = next((c for c in waiting if c.location == source.location), waiting[0])
            waiting.remove(candidate)
            found.add(candidate.source_id)
            yielded.add(source.location)
            by_location[source.location] = candidate
            yield _with_stored_url(source, candidate.url)
    except OSError:  # removed or made unreadable while being read
        pass
    lost.extend((candidate, "changed" if candidate.location[len(path):] in read else "gone")
                for candidate in of_file if candidate.source_id not in found)


def _with_stored_url(source: Source, url: str | None) -> Source:
    """The source, with the article's stored address given to the rules as --url gives it.
    The address is kept as stored (see the module's docstring), and the rules read more from
    it: the outlet of a page or text that names none is its domain, so a text ingested with
    --url lost its outlet when read again without it. A page whose own link gave the address
    reads the same either way."""
    if not url or source.overrides.get("url"):
        return source
    return replace(source, overrides={**source.overrides, "url": url})


def _as_of(started: str | None, now: datetime) -> datetime:
    """The "now" a source is judged as of: the start of the ingest run that stored it. The
    rules take a date after it for a misread (no article is published after we store it);
    judged as of today instead, such a date became the article's once the day had passed,
    and `reparse --all` changed an archive the same rules had just built."""
    try:
        return min(datetime.fromisoformat(started), now) if started else now
    except (TypeError, ValueError):
        return now


def _split_by_run(chunks: Iterator[list[Source]], by_location: dict[str, _Candidate]) -> Iterator[list[Source]]:
    """The chunks, cut where the run that stored their sources changes: a chunk is judged as
    of one time."""
    for chunk in chunks:
        start = 0
        for at in range(1, len(chunk) + 1):
            if at == len(chunk) or (by_location[chunk[at].location].judged_at
                                    != by_location[chunk[start].location].judged_at):
                yield chunk[start:at]
                start = at


def _open_read_only(db_path) -> "Database":
    """The archive as it is, for a dry run: open_database would first upgrade it (the schema's
    new tables, a search index rebuilt for minutes on a large archive), and a dry run is the
    first thing a careful user runs after installing the version that brings those."""
    conn = sqlite3.connect(read_only_uri(db_path), uri=True)  # (immutable on a read-only disk)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    try:
        refuse_another_programs_database(conn, new_file_allowed=False)
        refuse_a_newer_archive(conn)  # its counts would be this older version's guesses
    except sqlite3.DatabaseError:
        conn.close()
        raise
    return as_database(conn)


def run_reparse(db_path: str, every: bool = False, dry_run: bool = False, workers: int | None = None,
                on_candidates: Callable[[int], None] | None = None,
                on_progress: Callable[[int], None] | None = None) -> ReparseSummary:
    """Read the stored articles' sources again with this version's rules and update the fields
    they now read differently (all of them with `every`, not only those an older version read);
    with `dry_run`, count what would change and write nothing."""
    started = time.monotonic()
    now = datetime.now(timezone.utc)
    db = _open_read_only(db_path) if dry_run else open_database(db_path)
    archive = Archive(db)
    conn = archive.conn
    summary = ReparseSummary(database=str(db_path), dry_run=dry_run)
    effects = _DryRunEffects() if dry_run else None
    # An archive made before sources recorded their extractor: every source is an older one's.
    every = every or "extractor" not in {column[1] for column in conn.execute("PRAGMA table_info(sources)")}
    wanted = candidates(conn, every)
    summary.candidates = len(wanted)
    if on_candidates:
        on_candidates(len(wanted))
    by_location: dict[str, _Candidate] = {}
    pending: list[tuple[_Candidate, Outcome]] = []
    reported = 0
    try:
        sources = _sources_to_read(wanted, summary, by_location, conn)
        if workers is None:  # starting worker processes costs more than a few articles' work
            workers = (os.cpu_count() or 1) if len(wanted) >= SMALL_RUN else 1
        def judged_at(chunk: list[Source]) -> datetime:
            return _as_of(by_location[chunk[0].location].judged_at, now)

        chunks = _split_by_run(_chunks(sources, CHUNK_SIZE, CHUNK_BYTES), by_location)
        for outcome in _ordered_parallel(chunks, judged_at, workers):
            if outcome is WAITING:
                continue
            if not pending:
                batch_started = time.monotonic()
            pending.append((by_location.pop(outcome.source.location), outcome))
            if len(pending) >= BATCH or time.monotonic() - batch_started >= BATCH_SECONDS:
                _write(archive, pending, summary, effects, every)
                reported = _report_progress(summary, reported, on_progress)
                pending = []
        _write(archive, pending, summary, effects, every)
        _report_progress(summary, reported, on_progress)
        if dry_run:
            summary.unused_authors, summary.unused_outlets = effects.unused_after(conn)
        else:
            # Every run, not only one that changed a byline: a run stopped after its changes and
            # before this point left the rows, and the next run has no article to change.
            with archive._writing():
                summary.unused_authors, summary.unused_outlets = remove_unused_authors_and_outlets(conn)
                if every:  # finished: the next --all reads every article again
                    conn.execute("DELETE FROM reparse_all_read")
                if summary.fields["published"] or summary.fields["updated"]:
                    # the dates that order an edited story's versions read anew (a second at a
                    # million articles, next to reading every file again)
                    order_versions_by_evidence(conn)
    except KeyboardInterrupt as stop:  # Ctrl-C, or kill (cli turns SIGTERM into this)
        # What the batches committed before the stop did, for the caller to report (--json
        # printed nothing at all): _write counts a batch only once it is committed.
        summary.seconds = time.monotonic() - started
        stop.summary = summary
        raise
    finally:
        db.close()
    summary.seconds = time.monotonic() - started
    return summary


@contextmanager
def _stops_held_when_called():
    """Give the block a function that holds Ctrl-C and kill (STOPS) back from then until the
    block ends; a stop that came meanwhile then stops the run as it leaves. A stop between a
    batch's commit and its count in the summary would leave written articles uncounted, one
    between its count and its commit would count articles rolled back."""
    if not hasattr(signal, "pthread_sigmask"):  # (Windows: no signal masks; a rare miscount)
        yield lambda: None
        return
    before = signal.pthread_sigmask(signal.SIG_BLOCK, ())  # (blocks nothing: reads the mask)
    try:
        yield lambda: signal.pthread_sigmask(signal.SIG_BLOCK, STOPS)
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


def _report_progress(summary: ReparseSummary, reported: int, on_progress: Callable[[int], None] | None) -> int:
    """Tell on_progress how many more candidates are done: read, or left as stored (a bar
    counting only those read stopped short of its end when files had gone)."""
    done = summary.reread + summary.failed + summary.file_missing + summary.file_changed
    if on_progress and done > reported:
        on_progress(done - reported)
    return done


def _write(archive: Archive, pending: list, summary: ReparseSummary, dry_run: "_DryRunEffects | None",
           every: bool = False) -> None:
    """Compare a batch of fresh extractions with what is stored, and (unless a dry run: then
    `dry_run` keeps what the changes would do) update the articles, keep their old values in
    article_revisions and mark the sources read (by a run of `every` too, for one stopped to go
    on)."""
    if not pending:
        return
    conn, now, version = archive.conn, utc_now(), extractor()
    locked_at = time.monotonic()
    # The batch is tallied apart and counted in once committed: a stop that rolls it back
    # leaves it out of the summary a stopped run prints, and one after its commit waits for
    # the count (see _stops_held_when_called).
    batch = ReparseSummary(database=summary.database, dry_run=summary.dry_run)
    with _stops_held_when_called() as hold_stops, (nullcontext() if dry_run else archive._writing()):
        for candidate, outcome in pending:
            if outcome.error or outcome.article is None:
                batch.leave("failed", candidate.location, outcome.error or "no article")
                continue
            article = outcome.article
            stored = conn.execute(STORED_FIELDS_SQL, (candidate.article_id,)).fetchone()
            if stored is None:  # deleted by hand meanwhile: counted once, not also as read
                batch.leave("gone", candidate.location)
                continue
            batch.reread += 1
            batch.warnings.extend({"location": candidate.location, "warning": warning} for warning in article.warnings)
            if article.content_hash != stored[13]:
                batch.body_differs += 1
            # (the sidecar looked for only where an outlet was given: a file's look-up an article)
            changes = differences(stored, article, archive, candidate.article_id,
                                  stored[12] == "override" and _sidecar_as_read(conn, candidate.location))
            if changes:
                batch.revised += 1
                batch.fields.update(changes.keys())
                if len(batch.examples) < EXAMPLES:
                    batch.examples.append({"article_id": candidate.article_id,
                                             "location": candidate.location,
                                             "changes": {name: {"old": old, "new": new}
                                                         for name, (old, _, new, _) in changes.items()}})
            else:
                batch.unchanged += 1
            if dry_run:
                if changes:
                    dry_run.record(candidate, article, changes, archive)
                continue
            if changes:
                _apply(archive, candidate, article, changes, now, version)
            # (its warnings as this version reads them: an archive stored before they were kept
            # gets them, and one a rule no longer gives is taken back, as a corrected sidecar's is)
            conn.execute("UPDATE sources SET extractor = ?, error = ? WHERE id = ?",
                         (version, warnings_kept(article), candidate.source_id))
            archive.record_byline(candidate.source_id, article.authors)  # (unknown before schema/0029)
            # When its bytes were captured (a web archive record's WARC-Date), which a row stored
            # before schema/0031 lacks; one already known is kept. Only from its own record: the
            # same bytes found at another (a crawl written again, a copy's file) are another
            # capture, with that capture's date.
            if outcome.source.location == candidate.location:
                conn.execute("UPDATE sources SET captured = ? WHERE id = ? AND captured IS NULL",
                             (article.captured, candidate.source_id))
            if every:
                conn.execute("INSERT OR IGNORE INTO reparse_all_read (source_id) VALUES (?)", (candidate.source_id,))
        hold_stops()  # until the commit (on leaving the transaction) and the count below are done
        summary.add(batch)

    if not dry_run and time.monotonic() - locked_at > LONG_HOLD:
        # Give a waiting writer its turn. SQLite queues no one: a writer kept waiting polls
        # every 100 ms, and a reparse rewriting many articles (each one's search index too)
        # takes the lock again within a millisecond. An ingest into the same archive waited
        # 182 s for its 2,000 records this way, and fails after BUSY_TIMEOUT_MS.
        time.sleep(TURN)


def _apply(archive: Archive, candidate: _Candidate, article: Article, changes: dict, now: str,
           version: str) -> None:
    archive.revise(candidate.article_id, candidate.source_id, article, changes, now, candidate.old_extractor, version)
