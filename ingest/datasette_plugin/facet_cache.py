"""The faceted search page's count and facets from an in-memory copy of the facet columns.

Why: Datasette counts a searched table page and each of its facets with a query of its own of
the form `... where id in (select rowid from articles_fts where articles_fts match ...)`, and each
builds a temporary index of every match and looks each one up: about 0.25 s a query for a word in
a third of a million articles, so the page's facets ran out of their time. Here the matches are
read once per request (one pass over the word's list in the FTS index) and counted against numpy
arrays that hold, for every article id, a code for its outlet, language, day and authors.

How it stays exact: `ArchiveDatabase.execute` answers only the SQL Datasette 0.65 writes for the
count and for its column, array and date facets (recognised by pattern, with the same grouping,
ordering and limit), and only for the facets metadata.yml configures on the table; everything else
(and everything while the arrays are loading) goes to SQLite as before. Datasette's own facet code
still builds every label, toggle link and "selected" flag from the rows returned here.

How it stays fresh while an ingest writes: triggers log every change to the table in
`article_facets_changes` (schema/0006). Each answer runs in one read transaction that first applies
the log entries after the last one applied (re-reading those articles only) and then reads the
matches, so the arrays and the matches are the same snapshot of the database.
"""

from __future__ import annotations

import contextvars
import functools
import re
import sqlite3
import sys
import threading
from dataclasses import dataclass, field

import numpy as np
from datasette.database import Database, Results
from datasette.utils import escape_sqlite, sqlite_timelimit

from ..search import BadParameter
from .day_facet import DAY_GLOB

CHANGES_TABLE = "article_facets_changes"

# The matches of one WHERE clause, worked out once per request and shared by the count and every
# facet of the same page (set per request by the plugin's asgi_wrapper; never kept across
# requests, so a repeated search is worked out again).
REQUEST_MATCHES: contextvars.ContextVar[dict | None] = contextvars.ContextVar("request_matches", default=None)

# The table (or other name) whose page this request asks for, set per request by the plugin's
# asgi_wrapper; None for every other request (a query's ?sql= among them). See with_ties_broken.
TABLE_PAGE: contextvars.ContextVar[str | None] = contextvars.ContextVar("table_page", default=None)

# Longer SQL is never Datasette's count, facet or page query for the table (see recognise()).
MAX_RECOGNISED_SQL = 4096

# The later version's row in the clauses below, named so that the page's filters can be applied
# to it in a subquery of the page's own table.
LATER_VERSION = "later_version"


def _later_version_passing(table: str) -> str:
    """The opening of the clause that the later version's row of `table` passes the filters
    that follow it, closed by ")"."""
    t = escape_sqlite(table)
    # Inside the subquery the page's table is the nearest of its name, so the filters' columns
    # (bare, or "table"."column" as Datasette's array filters write them) are the later version's.
    return f" and exists (select 1 from {t} where {t}.id = {LATER_VERSION}.id and "


def _later_version_passes(table: str, later_filters: list[str]) -> str:
    return _later_version_passing(table) + " and ".join(later_filters) + ")" if later_filters else ""


def _later_versions(table: str) -> str:
    return (f"{escape_sqlite(table)}.id not in (select previous_version from articles as {LATER_VERSION} "
            f"indexed by articles_previous_version where previous_version is not null and ")


def latest_versions_clause(table: str, raw: bool, later_filters: list[str] = ()) -> str:
    """The WHERE clause the plugin adds to a searched articles page (filters_from_request): no
    text whose later version (articles.previous_version) matches the search and passes the
    page's other filters (`later_filters`: its column filters, ?_where= and ?_through= as
    Datasette writes them) too.
    One line, the search's own match expression, so that FacetCache.matches knows it when
    Datasette sends it.

    Why the filters: a text whose edit matched the words but not a filter (an edit dated after
    ?published__lt=, moved to another outlet) was hidden behind an edit the page does not list,
    so the story vanished from the page, although its earlier text passes every filter.

    The texts to leave out are worked out once a query (NOT IN an uncorrelated list): the
    versions index walked, each later version checked against the search's matches, fetched
    once. Checked for each match instead (NOT EXISTS), a word in 1,673 of 5,006 articles made
    the articles page 116 -> 160 ms: Datasette runs the count and each facet as a query."""
    match = ":search" if raw else "escape_fts(:search)"
    return (_later_versions(table) + f"+id in (select rowid from articles_fts where articles_fts match {match})"
            + _later_version_passes(table, later_filters) + ")")


def latest_versions_clause_for_columns(table: str, columns: list[tuple[int, str]], raw: bool,
                                       later_filters: list[str] = ()) -> str:
    """latest_versions_clause for Datasette's search of columns (?_search_title=...): the later
    version must match each column's search, bound by Datasette as :search_0, :search_1... in
    the order given. (Not known to FacetCache.matches: its pages are answered by SQLite.)"""
    matches = " and ".join(
        f"+id in (select rowid from articles_fts where {escape_sqlite(column)} match "
        + (f":search_{i}" if raw else f"escape_fts(:search_{i})") + ")" for i, column in columns)
    return _later_versions(table) + matches + _later_version_passes(table, later_filters) + ")"


# Authors kept in the per-article matrix; an article with more keeps the rest in a dict.
AUTHOR_SLOTS = 4


def _sql_order(value):
    """SQLite's ORDER BY order of values of any type: NULL, numbers, text (by code point, which is
    UTF-8 byte order, SQLite's BINARY collation), blobs."""
    if value is None:
        return (0, 0)
    if isinstance(value, (int, float)):
        return (1, value)
    if isinstance(value, str):
        return (2, value)
    return (3, bytes(value))


def _ids(text: str | None) -> np.ndarray:
    """group_concat()'s comma-separated ids as an array (parsed in C: 50 ms for 339,039 ids, where
    fetching them one row each took 225 ms)."""
    if not text:
        return np.zeros(0, dtype=np.int64)
    return np.fromstring(text, dtype=np.int64, sep=",")


@dataclass
class Codes:
    """One facet's values: a code per article id (-1: none) or, for an array facet, up to
    AUTHOR_SLOTS codes per id plus the rest in `extra`; `values[code]` is the value."""

    multi: bool
    codes: np.ndarray = None
    values: list = field(default_factory=list)
    index: dict = field(default_factory=dict)
    extra: dict = field(default_factory=dict)

    def resize(self, size: int) -> None:
        shape = (size, AUTHOR_SLOTS) if self.multi else (size,)
        grown = np.full(shape, -1, dtype=np.int32)
        if self.codes is not None:
            grown[: len(self.codes)] = self.codes
        self.codes = grown

    def code(self, value) -> int:
        # SQLite groups 1 and 1.0 together and so does a dict, but a dict would also merge True.
        key = (type(value) is str, value)
        if key not in self.index:
            self.index[key] = len(self.values)
            self.values.append(value)
        return self.index[key]

    def lookup(self, value) -> int | None:
        return self.index.get((type(value) is str, value))

    def clear(self, ids: np.ndarray) -> None:
        self.codes[ids] = -1
        if self.multi:
            for i in ids.tolist():
                self.extra.pop(i, None)

    def assign(self, value, ids: np.ndarray) -> None:
        code = self.code(value)
        if not self.multi:
            self.codes[ids] = code
            return
        # An id's first free slot; ids already full keep the value in `extra`.
        free = self.codes[ids] < 0
        has_free = free.any(axis=1)
        slot = free.argmax(axis=1)
        self.codes[ids[has_free], slot[has_free]] = code
        for i in ids[~has_free].tolist():
            self.extra.setdefault(i, []).append(code)

    def count(self, rows: np.ndarray) -> np.ndarray:
        """How many of `rows` have each code (an array facet: each article once per value)."""
        picked = self.codes[rows].ravel()
        counts = np.bincount(picked[picked >= 0], minlength=len(self.values))
        if self.extra:
            # Both are unique already: intersect1d would sort the matches again otherwise
            # (~270 ms for a third of a million, 4 ms without).
            for i in np.intersect1d(np.fromiter(self.extra, dtype=np.int64), rows, assume_unique=True).tolist():
                for code in self.extra[i]:
                    counts[code] += 1
        return counts

    def having(self, rows: np.ndarray, code: int) -> np.ndarray:
        """The rows whose value is (or whose array holds) `code`."""
        if not self.multi:
            return rows[self.codes[rows] == code]
        hit = (self.codes[rows] == code).any(axis=1)
        if self.extra:  # the few articles with more values than slots, not every matched row
            hit |= np.isin(rows, [i for i, codes in self.extra.items() if code in codes])
        return rows[hit]


# The SQL of Datasette 0.65's count and facets (datasette/views/table.py, datasette/facets.py),
# whitespace aside. `inner` is the table page's query without order or limit. The column list is
# spelled out (names as escape_sqlite() gives them) so that no pattern can backtrack over a long
# query: every query a user types passes through recognise(), on the server's event loop.
_NAME = r"(?:[A-Za-z_][A-Za-z0-9_]*|\[[^\]]*\])"
_COLUMNS = rf"(?P<columns>{_NAME}(?:, {_NAME})*)"
_COUNT = re.compile(r"select count\(\*\) from (?P<table>\S+) (?:where (?P<where>.*) )?", re.S)
_INNER = re.compile(rf"select {_COLUMNS} from (?P<table>\S+) (?:where (?P<where>.*) )?", re.S)
_COLUMN_FACET = re.compile(
    r"\s*select (?P<col>[^\s()]+) as value, count\(\*\) as count from \(\s*(?P<inner>select .*?)\s*\)\s*"
    r"where (?P=col) is not null\s*group by (?P=col) order by count desc, value limit (?P<limit>\d+)\s*", re.S)
_DATE_FACET = re.compile(
    r"\s*select date\((?P<col>\S+)\) as value, count\(\*\) as count from \(\s*(?P<inner>select .*?)\s*\)\s*"
    r"where date\((?P=col)\) is not null\s*group by date\((?P=col)\) order by count desc, value "
    r"limit (?P<limit>\d+)\s*", re.S)
_ARRAY_FACET = re.compile(
    r"\s*with inner as \((?P<inner>select .*?)\),\s*deduped_array_items as \(\s*select\s*distinct j\.value,\s*"
    r"inner\.\*\s*from\s*json_each\(\[inner\]\.(?P<col>\S+)\) j\s*join inner\s*\)\s*select\s*value as value,\s*"
    r"count\(\*\) as count\s*from\s*deduped_array_items\s*group by\s*value\s*order by\s*count\(\*\) desc, value "
    r"limit (?P<limit>\d+)\s*", re.S)
# The plugin's day facet (day_facet.facet_sql): the day as written, not date()'s UTC day.
_DAY_FACET = re.compile(
    r"\s*select substr\((?P<col>\S+), 1, 10\) as value, count\(\*\) as count from \(\s*(?P<inner>select .*?)\s*\)\s*"
    r"where (?P=col) glob '" + re.escape(DAY_GLOB) + r"'\s*group by substr\((?P=col), 1, 10\) "
    r"order by value desc limit (?P<limit>\d+)\s*", re.S)
_FACETS = (("column", _COLUMN_FACET), ("date", _DATE_FACET), ("day", _DAY_FACET), ("array", _ARRAY_FACET))
# The page's own rows in id order (metadata.yml sorts article_facets by id, newest first).
_PAGE = re.compile(rf"select {_COLUMNS} from (?P<table>\S+) (?:where (?P<where>.*) )?order by (?P<order>\S+)"
                   r"(?P<desc> desc)? limit (?P<limit>\d+)", re.S)


class FacetCache:
    """The facet columns of one table (those metadata.yml facets it by), by article id."""

    def __init__(self, path: str, table: str, facets: list, fts_table: str | None, fts_pk: str):
        self.path, self.table = path, table
        self.facets = {(kind, column): Codes(multi=kind == "array") for kind, column in facets}
        self.lock = threading.Lock()
        self.present = np.zeros(0, dtype=bool)
        self.seq = None  # the last change applied; None: not loaded (yet)
        self.generation = 0  # bumped whenever a change is applied (invalidates a request's matches)
        self.answered = 0  # queries answered here instead of by SQLite (for tests and curiosity)
        self.loaded = threading.Event()  # set once the first load has ended, well or not
        self.failed = None
        self.affinity = {}
        self.key = None  # the INTEGER PRIMARY KEY (the rowid under its own name), if any
        t = escape_sqlite(table)
        # The two forms of ?_search= (escaped and raw) as Datasette writes them for this table.
        self.search_clauses = {}
        if fts_table:
            fts = escape_sqlite(fts_table)
            for match in ("escape_fts(:search)", ":search"):
                clause = f"{escape_sqlite(fts_pk)} in (select rowid from {fts} where {fts} match {match})"
                self.search_clauses[clause] = (f"select group_concat(rowid) from {fts} where {fts} match {match}")
        self._table_sql = t
        # The plugin's "latest text of an edited story" clause, each with the search it goes with.
        self.latest_clauses = {}
        if fts_table and fts_pk == "id":
            for raw, match in ((False, "escape_fts(:search)"), (True, ":search")):
                search = f"{escape_sqlite(fts_pk)} in (select rowid from {fts} where {fts} match {match})"
                self.latest_clauses[latest_versions_clause(table, raw)] = search

    @classmethod
    def from_metadata(cls, path: str, table: str, table_metadata: dict) -> "FacetCache":
        """The cache of the facets a table's metadata configures (the forms Datasette accepts
        there: a column name, or {type: column})."""
        facets = []
        for config in table_metadata.get("facets", []):
            kind, column = ("column", config) if isinstance(config, str) else next(iter(config.items()))
            if isinstance(column, dict):
                column = column.get("column") or column.get("simple")
            if kind in ("column", "date", "day", "array") and isinstance(column, str):
                facets.append((kind, column))
        return cls(path, table, facets, table_metadata.get("fts_table"), table_metadata.get("fts_pk", "rowid"))

    # --- loading and keeping in step -----------------------------------------------------------

    def load_in_background(self) -> None:
        threading.Thread(target=self.load, name=f"facet-cache-{self.table}", daemon=True).start()

    def load(self) -> None:
        """Read the whole table (in one read transaction, with the position in the change log)."""
        try:
            conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
        except sqlite3.Error as error:
            self.failed = str(error)
            self.loaded.set()
            return
        try:
            with self.lock:
                conn.execute("begin")
                try:
                    columns = conn.execute(f"pragma table_info({self._table_sql})").fetchall()
                    self.affinity = {row[1]: row[2].upper() for row in columns}
                    keys = [row for row in columns if row[5]]
                    if len(keys) == 1 and keys[0][2].upper() == "INTEGER":
                        self.key = keys[0][1]
                    seq = conn.execute(f"select coalesce(max(seq), 0) from {CHANGES_TABLE}").fetchone()[0]
                    self._read(conn, None)
                    self.seq = seq
                finally:
                    conn.execute("rollback")
        except sqlite3.Error as error:  # no change log (an archive not migrated), bad JSON...
            self.failed = str(error)
        finally:
            conn.close()
            self.loaded.set()

    def _read(self, conn, since: int | None) -> None:
        """Read every article (since=None) or those changed after log entry `since`."""
        t = self._table_sql
        only = "" if since is None else f" and {t}.rowid in (select id from {CHANGES_TABLE} where seq > {int(since)})"
        if since is None:
            low, top = conn.execute(f"select coalesce(min(rowid), 0), coalesce(max(rowid), 0) from {t}").fetchone()
            if low < 0:  # ids index the arrays
                raise sqlite3.DataError(f"{self.table} has negative ids")
            changed = None
            self.present = np.zeros(0, dtype=bool)
            for key, codes in self.facets.items():
                self.facets[key] = Codes(multi=codes.multi)
        else:
            changed = _ids(conn.execute(
                f"select group_concat(distinct id) from {CHANGES_TABLE} where seq > ?", (since,)).fetchone()[0])
            top = int(changed.max()) if len(changed) else 0
            if len(changed) and changed.min() < 0:
                raise sqlite3.DataError(f"{self.table} has negative ids")
        if top + 1 > len(self.present):
            size = max(top + 1, int(len(self.present) * 1.25))
            grown = np.zeros(size, dtype=bool)
            grown[: len(self.present)] = self.present
            self.present = grown
            for codes in self.facets.values():
                codes.resize(size)
        if changed is not None:
            self.present[changed] = False
            for codes in self.facets.values():
                codes.clear(changed)
        self.present[_ids(conn.execute(f"select group_concat(rowid) from {t} where 1{only}").fetchone()[0])] = True
        for (kind, column), codes in self.facets.items():
            c = escape_sqlite(column)
            # The grouping is SQLite's own, as in Datasette's facet queries.
            if kind == "column":
                sql = f"select {c}, group_concat(rowid) from {t} where {c} is not null{only} group by {c}"
            elif kind == "date":
                sql = (f"select date({c}), group_concat(rowid) from {t} where date({c}) is not null{only} "
                       f"group by date({c})")
            elif kind == "day":
                sql = (f"select substr({c}, 1, 10), group_concat(rowid) from {t} where {c} glob '{DAY_GLOB}'{only} "
                       f"group by substr({c}, 1, 10)")
            else:
                sql = (f"select j.value, group_concat(distinct {t}.rowid) from {t}, json_each({t}.{c}) j "
                       f"where 1{only} group by j.value")
            for value, ids in conn.execute(sql):
                codes.assign(value, _ids(str(ids)))

    def _catch_up(self, conn) -> None:
        seq = conn.execute(f"select coalesce(max(seq), 0) from {CHANGES_TABLE}").fetchone()[0]
        if seq != self.seq:
            self._read(conn, self.seq)
            self.seq = seq
            self.generation += 1

    def state(self) -> dict:
        """For /-/facet-cache.json: whether it answers, for how many articles, at what cost."""
        arrays = [self.present] + [codes.codes for codes in self.facets.values() if codes.codes is not None]
        return {"table": self.table, "ready": self.ready, "failed": self.failed,
                "articles": int(self.present.sum()), "change_log_position": self.seq,
                "changes_applied": self.generation, "queries_answered": self.answered,
                "array_bytes": sum(array.nbytes for array in arrays),
                "values": {f"{kind}:{column}": len(codes.values) for (kind, column), codes in self.facets.items()}}

    @property
    def ready(self) -> bool:
        return self.seq is not None and self.failed is None

    # --- answering ------------------------------------------------------------------------------

    def recognise(self, sql: str):
        """(kind, column, where, limit) for Datasette's count, the page's rows in id order, or one
        of this table's configured facets, else None. kind "count" has no column or limit; for
        "page", column is (the columns selected, newest first?)."""
        # What Datasette writes for these is a few hundred characters (filter values come as
        # parameters); a long typed query is not one of them, and the patterns' lazy inner
        # query could take time growing with the square of its white space.
        if len(sql) > MAX_RECOGNISED_SQL or self._table_sql not in sql:
            return None
        match = _PAGE.fullmatch(sql)
        if match:
            if match["table"] != self._table_sql or self.key is None or match["order"] != escape_sqlite(self.key):
                return None
            return "page", (match["columns"], bool(match["desc"])), match["where"] or "", int(match["limit"])
        match = _COUNT.fullmatch(sql)
        if match:
            if match["table"] != self._table_sql:
                return None
            return "count", None, match["where"] or "", None
        for kind, pattern in _FACETS:
            match = pattern.fullmatch(sql)
            if not match:
                continue
            # Datasette's inner query ends in a space (after its WHERE), which the patterns above
            # may or may not have taken.
            inner = _INNER.fullmatch(match["inner"].rstrip() + " ")
            if not inner or inner["table"] != self._table_sql:
                return None
            column = next((c for k, c in self.facets if k == kind and escape_sqlite(c) == match["col"]), None)
            if column is None:
                continue
            return kind, column, inner["where"] or "", int(match["limit"])
        return None

    def matches(self, conn, where: str, params: dict) -> np.ndarray:
        """The ids of the rows `where` selects, at the snapshot the cache is at."""
        for unfiltered, search in self.latest_clauses.items():
            clause, later_filters = self._latest_clause_in(where, unfiltered)
            if clause is not None:
                rest = where.replace(" and " + clause, "").replace(clause + " and ", "").replace(clause, "")
                rows = self.matches(conn, rest, params)
                # The later versions that hide a text: those matching the search and the filters.
                later = f"{later_filters} and {search}" if later_filters else search
                return self._latest_only(conn, rows, rows if rest == later else self.matches(conn, later, params))
        if where == "":
            return np.flatnonzero(self.present)
        if where in self.search_clauses:
            # Every match that is a row of the table: what `id in (select rowid ...)` keeps.
            ids = _ids(conn.execute(self.search_clauses[where], params).fetchone()[0])
            ids = ids[(ids >= 0) & (ids < len(self.present))]
            return np.sort(ids[self.present[ids]])
        narrowed = self._narrowed(conn, where, params)
        if narrowed is not None:
            return narrowed
        # Any other filter: SQLite selects the rows (once, not once per facet).
        return np.sort(_ids(conn.execute(f"select group_concat(rowid) from {self._table_sql} where {where}",
                                         params).fetchone()[0]))

    def _latest_clause_in(self, where: str, unfiltered: str) -> tuple[str | None, str]:
        """The plugin's latest-versions clause in `where` and the filters it applies to the later
        version ("" for none), or (None, ""). Known with filters when they open `where` as they
        stand in the clause (Datasette writes the column filters first, then a ?_where=): the
        later versions are then the matches of those filters and the search, worked out as any
        filtered page's (facet selections from the arrays, other filters by SQLite). Any other
        shape is not known here and left to SQLite, which reads the clause itself."""
        if unfiltered in where:
            return unfiltered, ""
        opening = unfiltered[:-1] + _later_version_passing(self.table)
        at = where.find(opening)
        if at < 0:
            return None, ""
        inside = where[at + len(opening):]
        end = inside.find("))")
        while end >= 0:
            later_filters = inside[:end]
            # Balanced, so that a "))" inside a filter (a ?_where=) is not taken for the end.
            if where.startswith(later_filters + " and ") and later_filters.count("(") == later_filters.count(")"):
                return opening + later_filters + "))", later_filters
            end = inside.find("))", end + 1)
        return None, ""

    def _latest_only(self, conn, rows: np.ndarray, searched: np.ndarray) -> np.ndarray:
        """`rows` less each text whose later version is among `searched`, the matches of the
        search and of the filters the later version must pass (latest_versions_clause); the
        versions are read from their own small index."""
        earlier, later = conn.execute(
            "select group_concat(previous_version), group_concat(id) from articles "
            "where previous_version is not null").fetchone()
        earlier, later = _ids(earlier), _ids(later)
        if not len(earlier):
            return rows
        hidden = earlier[np.isin(later, searched)]
        return rows[~np.isin(rows, hidden)]

    _EXACT = re.compile(r'"(?P<col>[^"]+)" = :(?P<p>p\d+)')
    _DATE = re.compile(r'date\("(?P<col>[^"]+)"\) = :(?P<p>p\d+)')
    # the day facet's selection (Datasette's startswith filter), known here for a whole day only
    _STARTS = re.compile(r'"(?P<col>[^"]+)" like :(?P<p>p\d+)')
    _WHOLE_DAY = re.compile(r"\d{4}-\d{2}-\d{2}%")
    _CONTAINS = re.compile(r':(?P<p>p\d+) in \(select value from json_each\("(?P<table>[^"]+)"\."(?P<col>[^"]+)"\)\)')
    _INTEGER = re.compile(r"-?(0|[1-9][0-9]{0,17})")

    def _narrowed(self, conn, where: str, params: dict) -> np.ndarray | None:
        """A search narrowed by facet selections (column = value, array contains, date), worked
        out on the arrays; None when `where` is anything else."""
        search = next((clause for clause in self.search_clauses if where.endswith(" and " + clause)), None)
        if search is None:
            return None
        steps = []
        for clause in where[: -len(" and " + search)].split(" and "):
            if match := self._EXACT.fullmatch(clause):
                codes, value = self.facets.get(("column", match["col"])), params.get(match["p"])
                affinity = self.affinity.get(match["col"], "")
                if codes is None or not isinstance(value, str):
                    return None
                if "INT" in affinity:  # SQLite compares '5' as 5 in an INTEGER column
                    if not self._INTEGER.fullmatch(value):
                        return None
                    value = int(value)
                elif affinity != "TEXT":
                    return None
            elif match := self._DATE.fullmatch(clause):
                codes, value = self.facets.get(("date", match["col"])), params.get(match["p"])
            elif match := self._STARTS.fullmatch(clause):
                # A day's articles are those whose day code is that day; a month ("2025-03%") or
                # any other prefix is no code, and left to SQLite.
                codes, value = self.facets.get(("day", match["col"])), params.get(match["p"])
                if not (isinstance(value, str) and self._WHOLE_DAY.fullmatch(value)):
                    return None
                value = value[:-1]
            elif (match := self._CONTAINS.fullmatch(clause)) and match["table"] == self.table:
                codes, value = self.facets.get(("array", match["col"])), params.get(match["p"])
            else:
                return None
            if codes is None or not isinstance(value, str | int):
                return None
            steps.append((codes, codes.lookup(value)))
        rows = self.matches(conn, search, params)
        for codes, code in steps:
            rows = rows[:0] if code is None else codes.having(rows, code)
        return rows

    def facet_rows(self, kind: str, column: str, rows: np.ndarray, limit: int) -> list[dict]:
        """What Datasette's facet query returns: value and count, most first, then by value (the
        day facet: latest day first, day_facet.facet_sql)."""
        codes = self.facets[(kind, column)]
        counts = codes.count(rows)
        found = np.flatnonzero(counts)
        if kind == "day":
            latest = sorted(found.tolist(), key=lambda code: codes.values[code], reverse=True)[:limit]
            return [{"value": codes.values[code], "count": int(counts[code])} for code in latest]
        if len(found) > limit:
            # Only values that can be among the first `limit` are sorted in Python (ties at
            # the cut stay in): tens of thousands of authors otherwise took 140 ms.
            cut = np.partition(counts[found], -limit)[-limit]
            found = found[counts[found] >= cut]
        ranked = sorted(((-int(counts[code]), _sql_order(codes.values[code]), code) for code in found.tolist()))
        return [{"value": codes.values[code], "count": -negative} for negative, _, code in ranked[:limit]]


# The plugin's magic parameter that checks a saved query's parameters (datasette_plugin,
# _checked_parameters), as a saved query's SQL names it.
_CHECKED_PARAMETERS = re.compile(r":(_valid_\w+)")
# A refused value is quoted in the log line; a pasted page of text is not worth a screenful.
MAX_REFUSAL_LOGGED = 300


@functools.lru_cache(maxsize=64)
def _checked_parameter_names(sql: str) -> tuple[str, ...]:
    """The checked parameters a saved query's SQL names, in order, once per SQL text: finding
    them in the 23 KB of the `search` query took 13-35 us of every request."""
    return tuple(dict.fromkeys(_CHECKED_PARAMETERS.findall(sql)))


def refuse_bad_parameters(sql: str, params) -> None:
    """Raise BadParameter, after logging it as one line, when a saved query's checked parameter
    (its :_valid_... magic parameter) refuses a value.

    Why here, before the query runs: the check runs while SQLite binds the parameters, so
    Datasette's execute() took the refusal for a failed query and wrote the whole SQL (the
    `search` query is ~20 KB) and its parameters to stderr, once for each mistyped date a user
    submitted. The refusal is the user's error, shown to them as the page's 400; the server log
    needs one line saying which parameter and why. Any other error still reaches Datasette's
    own log line, SQL and all: that is a real fault to find."""
    if params is None or ":_valid_" not in sql:
        return
    for name in _checked_parameter_names(sql):
        try:
            params[name]  # a MagicParameters runs the check; a plain dict gives the value typed
        except KeyError:
            continue  # not given (a typed query): SQLite says so, as ever
        except BadParameter as refused:
            reason = " ".join(str(refused).split())
            if len(reason) > MAX_REFUSAL_LOGGED:
                reason = reason[:MAX_REFUSAL_LOGGED] + "..."
            sys.stderr.write(f"Refused a saved query's parameter (HTTP 400): {reason}\n")
            sys.stderr.flush()
            raise


# The saved queries that sort every match of the words: coverage by outlet, timeline by day.
SORTING_QUERIES = ("coverage", "timeline")
# Set while the search query runs (ArchiveDatabase.execute), read by execute_fn in the same task.
_PREPARED_QUERY_ASKED: contextvars.ContextVar[bool] = contextvars.ContextVar("prepared_query_asked", default=False)
# The page cache they run with, in KiB: SQLite's default. SQLite's sorter keeps as much in memory as
# the page cache may hold (vdbesort.c) before it writes a sorted run out, and one run of a million
# records sorted in 32 MB was 2.3-2.7x as slow as 2 MB runs merged (cache misses of one long list):
# coverage of a word in every one of 980,069 articles 0.64 -> 1.43 s in sqlite3 at 32 MB (its sort
# alone 0.46 -> 1.25 s), 1.4-2.2 s served, over the 2 s limit on a loaded machine.
SORTER_CACHE_KIB = 2 * 1024
# Set while a sorting query runs (ArchiveDatabase.execute), read by execute_fn in the same task.
_SMALL_SORTER: contextvars.ContextVar[bool] = contextvars.ContextVar("small_sorter", default=False)


def with_small_sorter(conn, fn, restore_kib: int):
    """fn(conn) with the page cache, and so the sorter's memory, at SORTER_CACHE_KIB, then the
    connection's own again (the pages beyond 2 MB are dropped: the next search reads them from the
    OS once, about 1 ms for a year's search at a million articles)."""
    conn.execute(f"PRAGMA cache_size = -{SORTER_CACHE_KIB}")
    try:
        return fn(conn)
    finally:
        conn.execute(f"PRAGMA cache_size = -{restore_kib}")


class ArchiveDatabase(Database):
    """Datasette's Database, with the count and facets of the cached table answered from the
    cache (see the module's docstring), and a saved query's refused parameter logged as one
    line (refuse_bad_parameters); every other query runs as Datasette runs it."""

    facet_cache: FacetCache | None = None

    # SQLite's page cache of each connection Datasette opens (one per SQL thread), in KiB; pages
    # are allocated as they are read, up to this. SQLite's default, 2 MB, is less than one search
    # of a whole year reads at a million articles (the year's list in the FTS index, then the
    # ranked matches' sizes): the saved query for a word in one year read 541 pages from the OS
    # again on every request (a system call each), 0 with 8 MB. 32 MB holds all twelve queries of
    # benchmarks/bench_search.py in turn (16 MB: a word in a third of the archive within one outlet
    # still read 2,059 pages when run after the others).
    PAGE_CACHE_KIB = 32 * 1024

    def connect(self, write=False):
        conn = super().connect(write=write)
        conn.execute(f"PRAGMA cache_size = -{self.PAGE_CACHE_KIB}")
        return conn

    @functools.cached_property
    def _sorting_sql(self) -> frozenset:
        queries = self.ds.metadata("queries", database=self.name) or {}
        return frozenset(queries[name]["sql"] for name in SORTING_QUERIES
                         if isinstance(queries.get(name), dict) and "sql" in queries[name])

    # The saved query whose statement each connection prepares before its first query.
    PREPARED_QUERY = "search"

    @functools.cached_property
    def _prepared_query_sql(self) -> str | None:
        query = (self.ds.metadata("queries", database=self.name) or {}).get(self.PREPARED_QUERY)
        return query["sql"] if isinstance(query, dict) and "sql" in query else None

    @functools.cached_property
    def _thread_connection(self) -> threading.local:
        return threading.local()

    def _with_search_prepared(self, fn):
        """fn, run once `search`'s statement is prepared on its connection (one per SQL thread),
        for the search query's own requests (execute).

        Why: SQLite takes 0.1 s of CPU to prepare that query, 0.3 s before stop 32's changes to it
        and 0.5-0.9 s before stop 31's (its CTEs are copied into every place that names them:
        bench_prepare.py; more on a busy machine), and Datasette counts it in the 2 s limit of the
        request that runs it first on a connection: on a busy machine (an ingest running beside
        the server, as the README suggests) the first searches of a new server failed with "SQL
        Interrupted", on 18 articles.
        Prepared here, before the limit starts, the statement stays in the connection's cache
        (Python's sqlite3 keeps 128 by their text), and the request runs it in milliseconds."""
        sql, local = self._prepared_query_sql, self._thread_connection

        def run(conn):
            if sql is not None and getattr(local, "conn", None) is not conn:
                local.conn = conn
                try:  # every parameter empty: matches nothing, in a millisecond once prepared
                    conn.execute(sql, dict.fromkeys(re.findall(r"(?<!:):(\w+)", sql), "")).fetchall()
                except sqlite3.Error:
                    pass  # (an archive the query cannot read: the request itself says why)
            return fn(conn)

        return run

    async def execute_fn(self, fn):
        if _PREPARED_QUERY_ASKED.get():
            fn = self._with_search_prepared(fn)
        if _SMALL_SORTER.get():
            restore = self.PAGE_CACHE_KIB
            return await super().execute_fn(lambda conn: with_small_sorter(conn, fn, restore))
        return await super().execute_fn(fn)

    async def _execute_flagged(self, flag: contextvars.ContextVar, sql: str, arguments: dict):
        """Datasette's own execute of `sql`, with `flag` set meanwhile for execute_fn to read."""
        token = flag.set(True)
        try:
            return await super().execute(sql, **arguments)
        finally:
            flag.reset(token)

    async def execute(self, sql, params=None, truncate=False, custom_time_limit=None, page_size=None,
                      log_sql_errors=True):
        refuse_bad_parameters(sql, params)
        arguments = dict(params=params, truncate=truncate, custom_time_limit=custom_time_limit,
                         page_size=page_size, log_sql_errors=log_sql_errors)
        if sql == self._prepared_query_sql:
            return await self._execute_flagged(_PREPARED_QUERY_ASKED, sql, arguments)
        sql = await self.with_ties_broken(sql)
        if sql in self._sorting_sql:
            return await self._execute_flagged(_SMALL_SORTER, sql, arguments)
        cache = self.facet_cache
        asked = cache.recognise(sql) if cache is not None and cache.ready else None
        if asked is not None:
            time_limit = min(custom_time_limit or self.ds.sql_time_limit_ms, self.ds.sql_time_limit_ms)
            # The memo is read here, in the request's context: execute_fn's thread has none.
            memo = REQUEST_MATCHES.get()
            answer = await self.execute_fn(
                lambda conn: self._answer(conn, asked, dict(params or {}), time_limit, memo,
                                          (truncate, page_size or self.ds.page_size)))
            if answer is not None:
                return answer
        return await super().execute(sql, params=params, truncate=truncate, custom_time_limit=custom_time_limit,
                                     page_size=page_size, log_sql_errors=log_sql_errors)

    # Datasette 0.65's query of a table page sorted on one column (_sort, _sort_desc or the table's
    # own sort), before its first _next: the select list is column names alone.
    _SORTED_PAGE = r"select [^()]* from {table} (?:where .* )?order by (?P<column>\S+)(?P<desc> desc)? limit \d+"

    async def with_ties_broken(self, sql: str) -> str:
        """A table page's SQL sorted on one column, with the table's key after it, as Datasette
        orders the pages after the first (by _next: the column, then the key).

        Why: the first page was ordered by the column alone, so rows tied in it (a day's articles,
        one outlet's, one language's) came in the order of the index SQLite read, often the
        latest id first, and the pages after it went on from the last row's key in the other
        order: following next_url through the articles (sorted by date by default) gave some
        rows twice and never gave others. Only the page of the table the request is for (not a
        query's ?sql=), and not a view (paged by offset, in one order throughout)."""
        table = TABLE_PAGE.get()
        if table is None or " order by " not in sql:
            return sql
        key = await self._tie_breaker(table)
        if key is None:
            return sql
        match = re.fullmatch(self._SORTED_PAGE.format(table=re.escape(escape_sqlite(table))), sql, re.S)
        if match is None or match["column"] == key:
            return sql
        end = match.end("desc") if match["desc"] else match.end("column")
        return f"{sql[:end]}, {key}{sql[end:]}"

    async def _tie_breaker(self, table: str) -> str | None:
        """The key Datasette pages a table by (its primary key, else rowid), or None for a view
        or a name that is no table (a saved query's page) or a table keyed by several columns."""
        known = self.__dict__.setdefault("_tie_breakers", {})
        if table not in known:
            key = None
            if table in await self.table_names():
                keys = await self.primary_keys(table)
                key = escape_sqlite(keys[0]) if len(keys) == 1 else "rowid" if not keys else None
            known[table] = key
        return known[table]

    def _page(self, conn, asked, rows: np.ndarray, limit: int, truncate: bool, page_size: int) -> Results:
        """The first `limit` rows in id order, read by id (the matches are the ones the count and
        facets use, so the search runs once a page): what Datasette's query and execute() give."""
        columns, newest_first = asked
        chosen = (rows[::-1] if newest_first else rows)[:limit]
        key = escape_sqlite(self.facet_cache.key)
        cursor = conn.execute(
            f"select {columns} from {self.facet_cache._table_sql} where {key} in "
            f"({','.join(str(i) for i in chosen.tolist())}) order by {key}{' desc' if newest_first else ''}")
        found = cursor.fetchall()
        most = self.ds.max_returned_rows
        if most == page_size:
            most += 1
        truncated = bool(most and truncate and len(found) > most)
        return Results(found[:most] if most and truncate else found, truncated, cursor.description)

    def _answer(self, conn, asked, params: dict, time_limit: int, memo: dict | None,
                shape: tuple = (False, None)) -> Results | None:
        kind, column, where, limit = asked
        cache = self.facet_cache
        used = tuple(sorted((name, repr(params.get(name))) for name in set(re.findall(r":(\w+)", where))))
        key = (where, used)
        opened = not conn.in_transaction
        with cache.lock:
            if opened:
                conn.execute("begin")
            try:
                try:
                    cache._catch_up(conn)
                except sqlite3.Error as error:
                    # The log or table changed shape under a running server: SQLite answers from now on.
                    cache.failed = str(error)
                    return None
                known = memo.get(key) if memo is not None else None
                if known is not None and known[0] == cache.generation:
                    rows = known[1]
                else:
                    # Within the time Datasette would give the query; out of it, Datasette runs
                    # the query itself, and reports it timed out as it always does.
                    try:
                        with sqlite_timelimit(conn, time_limit):
                            rows = cache.matches(conn, where, params)
                    except sqlite3.OperationalError as error:
                        if error.args == ("interrupted",):
                            return None
                        raise
                    if memo is not None:
                        memo[key] = (cache.generation, rows)
                cache.answered += 1
                if kind == "count":
                    return Results([(len(rows),)], False, [("count(*)",)])
                if kind == "page":
                    return self._page(conn, column, rows, limit, *shape)
                found = cache.facet_rows(kind, column, rows, limit)
                return Results(found, False, [("value",), ("count",)])
            finally:
                if opened:
                    conn.execute("rollback")
