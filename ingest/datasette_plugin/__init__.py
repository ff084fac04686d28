"""Datasette plugin for the archive: highlighted search snippets, links from query results to
articles, and the data of the article page (templates/row-archive-articles.html).

Registered through the `datasette` entry point in pyproject.toml, so a plain
`datasette archive.db -m metadata.yml` loads it too once the package is installed. Everything an
article contains is escaped here or by Jinja's autoescape: nothing from a page becomes markup.
"""

import asyncio
import contextvars
import json
import re
import sqlite3
import threading
from html import unescape
from urllib.parse import parse_qsl, quote, urlencode, urlsplit

from datasette import Response, hookimpl
from datasette.filters import FilterArguments, Filters, through_filters
from datasette.utils import path_with_replaced_args
from datasette.utils.asgi import BadRequest
from datasette.views.base import ureg
from markupsafe import Markup, escape

from ..search import (MAX_PAGE, PAGE_SIZE, PUBLISHED_BOUNDS, RANKED_WINDOW, BadParameter, add_query_functions,
                      check_parameter, check_parameters, check_words, copies_at_outlet, names_matching_many,
                      names_not_in_archive, outlets_noted, past_ranked_window, published_bound, stopped_after,
                      undated_matches, undated_note)
from ..near_copies import near_copies_of
from .api_errors import csv_refusal, refusal, refused_json, tidied_address, with_plain_interruptions
from .api_paging import PAGED_QUERIES, paged_query, send_with_next_page
from .day_facet import DayFacet
from .facet_cache import REQUEST_MATCHES, TABLE_PAGE, latest_versions_clause, latest_versions_clause_for_columns

# metadata.yml and its links address the database as /archive, whatever the file is called
# (ingest/serve.py renames it).
DATABASE_NAME = "archive"

# The markers the saved queries ask snippet() to put around matches.
MARK_OPEN, MARK_CLOSE = "<mark>", "</mark>"


def highlight(snippet: str) -> Markup:
    """Escape a snippet's text but keep its <mark> tags: the only markup let through."""
    escaped = str(escape(snippet))
    return Markup(
        escaped.replace(str(escape(MARK_OPEN)), MARK_OPEN).replace(str(escape(MARK_CLOSE)), MARK_CLOSE)
    )


@hookimpl(trylast=True)
def prepare_connection(conn):
    # trylast: runs after Datasette's own prepare_connection, so this escape_fts replaces its
    # one for every query: the saved queries, the table search (?_search=) and its facets read
    # what was typed as `news-archive search` does (ingest.search.fts_expression: "a phrase",
    # prefix*, -excluded words, any other character as text). Datasette's own took `-word` for
    # the word and `word*` for the whole word, except where a saved query patched the prefix in.
    # With it, the functions that find a name as typed (by_author, by_outlet, search's filters).
    add_query_functions(conn)


def _same_address_key(url: str) -> str:
    from ..normalise import same_address_key

    return same_address_key(url)


# The tables whose page searches the articles (?_search=), each row an article by its id.
SEARCHED_TABLES = ("articles", "article_facets")
# The search index's columns a page may search one by one (?_search_title=), schema/0001, 0007, 0008.
FTS_COLUMNS = ("title", "description", "authors", "body", "published_year_term", "outlet_term")


@hookimpl(trylast=True)
def filters_from_request(request, database, table, datasette):
    """A searched articles page shows an edited story once, as the `search` query does: a text
    whose later version (schema/0009) matches the search and passes the page's filters too is
    left out, unless ?_versions=all. The page's "where" line says so. Another value of _versions
    (ALL, yes, 1) is a 400 saying what to write, as on the saved queries: taken as not asked, it
    showed the latest texts to a user who believed they saw every one."""
    if database != DATABASE_NAME or table not in SEARCHED_TABLES:
        return None
    raw = request.args.get("_searchmode") == "raw"
    try:
        check_parameter("_versions", request.args.get("_versions"))
        for key in request.args:
            if key.startswith("_search") and key != "_searchmode":
                # A search of -excluded words alone is the saved queries' 400 here too, not a
                # page with no rows; in raw mode, a search FTS5 cannot read.
                (check_raw_search if raw else check_words)(key, request.args.get(key))
    except BadParameter as error:
        raise BadRequest(str(error)) from None
    if request.args.get("_versions") == "all":
        return None
    if "_search" in request.args:  # then Datasette reads no column's search
        if not request.args.get("_search"):
            return None
        columns = None
    else:
        # Datasette's search of columns (?_search_title=...), each bound as :search_N in the
        # order of the address's parameters (datasette.filters.search_filters); it listed
        # every text of an edited story. A column the index lacks is Datasette's 400.
        columns = [(i, key.split("_search_", 1)[1]) for i, key in enumerate(
            key for key in request.args if key.startswith("_search") and key != "_searchmode")]
        if not columns or not all(column in FTS_COLUMNS for _, column in columns):
            return None

    async def latest_versions_only():
        later_filters = await page_filters(request, database, table, datasette)
        clause = (latest_versions_clause(table, raw, later_filters) if columns is None
                  else latest_versions_clause_for_columns(table, columns, raw, later_filters))
        return FilterArguments([clause], human_descriptions=[
            "only the latest matching text of an edited story (_versions=all for every text)"])

    return latest_versions_only


def check_raw_search(key: str, value: str) -> None:
    """Raise BadParameter, naming `key`, for a search in FTS5's own syntax (?_searchmode=raw) that
    FTS5 cannot read. FTS5's words alone were the answer, titled "Invalid SQL" though no SQL was
    written: "no such column: op" for `co-op` (to FTS5, the column co less the word op), "fts5:
    syntax error near ''" for `ferry AND` or an emptied search box. Read here by an empty table
    of the index's columns, so the archive is not searched to find the expression malformed."""
    conn = sqlite3.connect(":memory:")
    try:
        conn.execute(f"CREATE VIRTUAL TABLE t USING fts5({', '.join(FTS_COLUMNS)})")
        conn.execute("SELECT rowid FROM t WHERE t MATCH ?", (value,)).fetchall()
    except sqlite3.OperationalError as error:
        raise BadParameter(
            f"{key}: {value!r} is not a search in SQLite's full-text syntax (_searchmode=raw): {error}; "
            "there a word before ':' or after '-' names a column and marks such as '.' are not words: "
            "put such a word in double quotes (\"co-op\"), or search without _searchmode=raw, "
            "where every character is taken as text") from None
    finally:
        conn.close()


@hookimpl(tryfirst=True, specname="filters_from_request")
def refuse_a_malformed_through(request, database, table, datasette):
    """A 400 naming ?_through= when it is not Datasette's {"table", "column", "value"} of a table
    with a key to this one. Datasette answered each mistake with a 500 and Python's words:
    "Expecting value: line 1 column 1 (char 0)" for a value that is no JSON, "'table'" for one
    without its table, "Invalid _through - could not find corresponding foreign key". Asked
    only when _through is: no cost to another page. (tryfirst: before Datasette's own reading.)"""
    if database != DATABASE_NAME or "_through" not in request.args:
        return None

    async def check():
        db = datasette.get_database(database)
        for through in request.args.getlist("_through"):
            try:
                given = json.loads(through)
            except ValueError:
                raise BadRequest(f"_through: {through!r} is not JSON; write "
                                 '{"table": ..., "column": ..., "value": ...}') from None
            if not (isinstance(given, dict) and {"table", "column", "value"} <= given.keys()):
                raise BadRequest(f"_through: {through!r} does not give the table, column and value to go "
                                 'through; write {"table": ..., "column": ..., "value": ...}')
            if given["table"] not in await db.table_names():
                raise BadRequest(f"_through: no table {given['table']!r} in the archive")
            if not any(key["other_table"] == table for key in await db.foreign_keys_for_table(given["table"])):
                raise BadRequest(f"_through: no column of {given['table']} refers to {table}")
        return None

    return check


@hookimpl
def handle_exception(datasette, request, exception):
    # A CSV refused is answered with its reason as text (api_errors.csv_refusal), not an HTML page.
    return csv_refusal(datasette, request, exception)


# Datasette's facet parameters that name a column (?_facet_date= a date column that is none is
# left to Datasette by _local_days, and gets here as itself).
FACET_PARAMETERS = ("_facet", "_facet_array", "_facet_date", "_facet_day")


@hookimpl(specname="filters_from_request")
def refuse_facets_on_no_column(request, database, table, datasette):
    """A 400 naming the parameter for a facet on a column the table lacks, before any facet
    runs. Datasette ran each facet's SQL and answered the first error ("no such column:
    inner.nosuch", its facet's own SQL), and the facets it had not run yet were left as
    coroutines never awaited, a RuntimeWarning each in the server's log (it awaits them one after
    the other, views/table.py). Asked only when a facet is: no cost to another page."""
    if database != DATABASE_NAME or not any(key in request.args for key in FACET_PARAMETERS):
        return None

    async def check():
        db = datasette.get_database(database)
        if table not in await db.table_names() and table not in await db.view_names():
            return None  # (Datasette's 404)
        columns = set(await db.table_columns(table))
        for key in FACET_PARAMETERS:
            for column in request.args.getlist(key):
                if column and not column.startswith("{") and column not in columns:
                    raise BadRequest(f"{key}: {column!r} is not a column of {table}")
        for column in request.args.getlist("_facet_array"):
            if column and not column.startswith("{") and not await _holds_lists(db, table, column):
                raise BadRequest(f"_facet_array: {column!r} is not a column of JSON lists in {table} "
                                 f"(write _facet={column} to count its values)")
        return None

    return check


# How many of a column's first values _holds_lists reads (Datasette's own array facet suggestion
# reads 100 to decide a column holds lists).
_LIST_SAMPLE = 100


async def _holds_lists(db, table: str, column: str) -> bool:
    """Whether the table's first values of `column` are JSON lists (or empty): the array facet runs
    json_each() over the column, which refused a title with "malformed JSON" as a 400 "Invalid
    SQL" naming nothing asked for, and counted a number as a list of itself. The first rows by
    rowid, nulls among them, not the first non-null ones: a mostly empty column would have its
    every row read (a body inline each) to find 100."""
    sql = f"select [{column.replace(']', ']]')}] from [{table.replace(']', ']]')}] limit {_LIST_SAMPLE}"
    for (value,) in (await db.execute(sql)).rows:
        if value is None:
            continue
        if not isinstance(value, str):
            return False
        try:
            if not isinstance(json.loads(value), list):
                return False
        except ValueError:
            return False
    return True


async def page_filters(request, database, table, datasette) -> list[str]:
    """The WHERE clauses of a table page other than its search, as Datasette 0.65 writes them
    (views/table.py: the column filters, then ?_where= and ?_through=), with the same
    parameter names, which Datasette binds: a later version hides an earlier text only if it
    passes them too (?published__lt=2024-01-01 keeps a text whose edit is dated 2024)."""
    filter_args = [(key, value) for key in request.args if not (key.startswith("_") and "__" not in key)
                   for value in request.args.getlist(key)]
    units = datasette.table_metadata(database, table).get("units", {})
    clauses, _ = Filters(sorted(filter_args), units, ureg).build_where_clauses(table)
    clauses.extend(request.args.getlist("_where"))  # Datasette's own hook refuses it if not allowed
    if "_through" in request.args:
        clauses.extend((await through_filters(request, database, table, datasette)()).where_clauses)
    return clauses


def _checked_parameters(names: str, request) -> str:
    """The magic parameter :_valid_NAME_NAME...: checks each named parameter of the request
    (ingest.search.check_parameter) and is bound as "". A bad value raises BadParameter, which
    Datasette shows as the query's error, on the page above its form and as "error" in JSON
    (HTTP 400), instead of the query silently matching nothing (since=notadate) or everything
    (before=garbage). A parameter of its own, because Datasette binds a saved query's
    parameters as they were typed: a plugin can neither change nor refuse them otherwise.

    Checked once per request: the plugin asks before the query runs (refuse_bad_parameters) and
    SQLite asks again when it binds the parameters; the second answer is the first one's (the
    request's address cannot change in between), not a second parse of it."""
    if request is None:
        check_parameters(names.split("_"), {})
        return ""
    passed = request.scope.setdefault(_PASSED_CHECKS, set())
    # (with the address it passed for: a copy of the scope made for another address shares the set)
    asked = (names, request.scope.get("query_string"))
    if asked not in passed:
        check_parameters(names.split("_"), request.args)
        passed.add(asked)  # (a refused value raised above, so it is checked again if asked)
    return ""


# Where a request's scope keeps the checks its parameters passed (_checked_parameters).
_PASSED_CHECKS = "news_archive.passed_checks"


@hookimpl
def register_facet_classes():
    # metadata.yml's facet on the day an article was published, as written (day_facet.py).
    return [DayFacet]


@hookimpl
def register_magic_parameters(datasette):
    return [("valid", _checked_parameters)]


# The columns that hold a date or a time, in the tables and in the saved queries' results.
DATE_COLUMNS = frozenset({"published", "updated", "first_seen", "seen_at", "last_seen", "revised_at",
                          "started", "finished", "previous_first_seen", "first", "last", "day",
                          "captured", "near_copy_published"})
# A date as ingest stores it: the day, then (when the source gave one) the time and its offset.
_STORED_DATE = re.compile(
    r"(?P<day>\d{4}-\d{2}-\d{2})(?:[T ](?P<time>\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(?P<zone>Z|[+-]\d{2}:?\d{2})?)?")


def readable_date(value) -> Markup | str:
    """A stored date as people read it, the same shape in every row: the day first, then the time
    and its offset, smaller, when the source gave them (2025-03-04 21:40 -05:00, not
    2025-03-04T21:40:00-05:00, which a narrow column broke after "2025-03-"). The stored value is
    kept whole in the element's datetime and title; anything else is returned unchanged."""
    match = _STORED_DATE.fullmatch(value) if isinstance(value, str) else None
    if match is None:
        return value if value is not None else ""
    # Styled here: the cells of every page show it, and Datasette's pages share no stylesheet of ours.
    day = Markup('<span class="date-day" style="white-space: nowrap">{}</span>').format(match["day"])
    if match["time"]:
        zone = match["zone"] or ""
        zone = " UTC" if zone in ("Z", "+00:00", "+0000") else f" {zone}" if zone else ""
        day += Markup(' <small class="date-time" style="white-space: nowrap; color: #555">{}{}</small>').format(
            match["time"], zone)
    return Markup('<time datetime="{}" title="{}">{}</time>').format(value, value, day)


# A saved query's parameter as Datasette 0.65's query.html writes it: a bare text box.
_PARAMETER_BOX = re.compile(r'<input type="text" id="(?P<id>qp\d+)" name="(?P<name>[^"]+)" value="(?P<value>[^"]*)">')
_RUN_BUTTON = '<input type="submit" value="Run SQL">'
_NO_RESULTS = '<p class="zero-results">0 results</p>'
_QUERY_HEADING = "<h3>Custom SQL query"
_SHOW_SQL = ">show</a>)"
# A results column's heading as query.html writes it.
_COLUMN_HEADING = re.compile(r'(<th class="col-[^"]*" scope="col">)([^<]*_[^<]*)</th>')


def with_field_hints(page, fields, button=None) -> Markup:
    """A saved query's form with what each field takes (metadata.yml, the query's `fields`): a
    text box gets its hint as placeholder and tooltip, a field of a few values (sort, versions,
    split) becomes a list of them, and the button says what it does. Datasette's boxes were
    bare: nothing on the form said that sort takes "newest" or since a YYYY-MM date. A value in
    the address that is not among the choices stays shown (selected), beside the error it gave."""
    fields = fields or {}
    blank_needed = []

    def field(match) -> str:
        spec = fields.get(match["name"]) or {}
        if spec.get("needed") and not unescape(match["value"]).strip():
            blank_needed.append(match["name"])
        choices = spec.get("choices")
        if choices:
            current = unescape(match["value"])
            options = {str(value): label for value, label in choices.items()}
            options.setdefault(current, current)
            return Markup('<select id="{}" name="{}">{}</select>').format(
                match["id"], match["name"], Markup("").join(
                    Markup('<option value="{}"{}>{}</option>').format(
                        value, Markup(" selected") if value == current else "", label)
                    for value, label in options.items()))
        if spec.get("hint"):
            return match[0][:-1] + str(Markup(' placeholder="{}" title="{}">').format(spec["hint"], spec["hint"]))
        return match[0]

    page = _PARAMETER_BOX.sub(field, str(page))
    # A saved query is no "Custom SQL query" (Datasette's heading for every query page), and its
    # link to the hidden SQL said only "show" above a search form.
    page = page.replace(_QUERY_HEADING, "<h3>Saved query", 1).replace(_SHOW_SQL, ">show the SQL</a>)", 1)
    # A heading of joined words may break after each "_": "earlier_versions", one word, was the
    # widest thing in its column, and the search's twelve columns no longer fitted 1,280 pixels.
    page = _COLUMN_HEADING.sub(lambda m: m[1] + m[2].replace("_", "_<wbr>") + "</th>", page)
    if blank_needed:
        # Nothing was asked yet (a first visit, or the field cleared): "0 results" read as an
        # empty archive, or a search that found nothing.
        asked = Markup(" and ").join(Markup("<em>{}</em>").format(name) for name in blank_needed)
        page = page.replace(_NO_RESULTS, str(Markup('<p class="zero-results">Fill in {}, then press {}.</p>').format(
            asked, button or "Run SQL")), 1)
    if button:
        page = page.replace(_RUN_BUTTON, str(Markup('<input type="submit" value="{}">').format(button)), 1)
    return Markup(page)


def with_name_notes(page, notes) -> Markup:
    """The query's page with its name notes (_name_notes) under the form, above the results."""
    if not notes:
        return Markup(page)
    note = Markup('<p class="name-notes">{}</p>').format(
        Markup("<br>").join(Markup("Note: {}.").format(text) for text in notes))
    before, form_end, after = str(page).partition("</form>")
    # (all str: a str added to a Markup is escaped)
    return Markup(before + form_end + "\n" + str(note) + after) if form_end else Markup(str(note) + str(page))


@hookimpl
def prepare_jinja2_environment(env):
    env.filters["readable_date"] = readable_date
    env.filters["with_field_hints"] = with_field_hints
    env.filters["with_name_notes"] = with_name_notes


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    if database == DATABASE_NAME and table is None and isinstance(value, int):
        return _version_link(row, value, column, datasette)
    # The search's bm25 score, for ordering by eye: two decimals (its 17 digits took a sixth of the
    # table's width and pushed the version columns out of sight). The JSON keeps every digit.
    if database == DATABASE_NAME and table is None and column == "rank" and isinstance(value, float):
        return f"{value:.2f}"
    if database == DATABASE_NAME and table is None and column == "outlet" and value is None:
        return _no_known_outlet(row)
    if database == DATABASE_NAME and table is None and column == "authors" and "text_id" in row.keys():
        return _copy_byline(value)  # (syndication's: a copy's byline, null when not recorded)
    if database != DATABASE_NAME or not isinstance(value, str):
        return None
    if table is None and column in ("outlet", "day"):
        link = _count_link(row, value, column, datasette)
        if link is not None:
            return link
    if column in DATE_COLUMNS and _STORED_DATE.fullmatch(value):
        return readable_date(value)
    if column == "authors" and table in ("articles", "article_facets", "article_list", None):
        return _author_links(datasette, value)
    # The article_list view (schema/0001, listed under the database's views) read as the articles
    # list: its titles opened nothing, its bylines were JSON.
    if table == "article_list" and column == "title" and isinstance(row["id"], int):
        href = datasette.urls.row(DATABASE_NAME, "articles", str(row["id"]))
        return Markup('<a href="{}">{}</a>').format(href, value)
    if column == "author" and table is None and "authors" in row.keys():
        # by_author's authors found by part of a name ("smith"): each opens that author's articles.
        href = datasette.urls.path(f"/{DATABASE_NAME}/by_author")
        return Markup(", ").join(Markup('<a href="{}?{}">{}</a>').format(href, urlencode({"author": name}), name)
                                 for name in value.split(", "))
    # The faceted search's narrow copy: a hit's title opens the article, not the copy's own row
    # page (which holds nothing the hit does not show).
    if table == "article_facets" and column == "title" and isinstance(row["id"], int):
        href = datasette.urls.row(DATABASE_NAME, "articles", str(row["id"]))
        return Markup('<a href="{}">{}</a>').format(href, value)
    # An author's or an outlet's name opens their articles, latest first: the tables (and each
    # one's row page, which offered only the hidden article_authors join) listed names to read.
    if column == "name" and table in _NAMED_LISTS:
        query, parameter = _NAMED_LISTS[table]
        href = datasette.urls.path(f"/{DATABASE_NAME}/{query}") + "?" + urlencode({parameter: value})
        return Markup('<a href="{}">{}</a>').format(href, value)
    # The rest is for results of queries (saved or typed): table pages have their own links.
    if table is not None:
        return None
    if column == "snippet":
        return highlight(value)
    if column in ("ran_in", "edited_in") and "places" in row.keys():
        # The search's outlets of a story, a JSON array, as names to read. (Not links to by_outlet:
        # it lists an outlet's own articles, and a paper that ran the story as a copy of another's
        # article showed "0 results" there. The title's "ran in N places" opens the list of copies.)
        # An outlet that ran only an edited copy, or the story under another byline, is marked, as
        # `news-archive search` marks it: the page hides edited_in and ran_under
        # (templates/query-archive.html), columns more than 1280 pixels hold.
        if column == "edited_in":
            return ", ".join(_json_list(value))
        keys = row.keys()
        return ", ".join(outlets_noted(_json_list(value), _json_list(row["edited_in"]) if "edited_in" in keys else [],
                                       json.loads(row["ran_under"] or "[]") if "ran_under" in keys else []))
    if column == "url" and "snippet" in row.keys():
        return _site_link(value)
    if column == "title":
        keys = row.keys()
        article_id = row["article_id"] if "article_id" in keys else row["id"] if "id" in keys else None
        if isinstance(article_id, int):
            href = datasette.urls.row(DATABASE_NAME, "articles", str(article_id))
            link = Markup('<a href="{}">{}</a>').format(href, value)
            if "places" in keys and isinstance(row["places"], int):
                return _with_places(link, href, row["places"])
            return link
    if column == "previous_title" and "previous_id" in row.keys() and isinstance(row["previous_id"], int):
        href = datasette.urls.row(DATABASE_NAME, "articles", str(row["previous_id"]))
        return Markup('<a href="{}">{}</a>').format(href, value)
    return None


def _version_link(row, value: int, column: str, datasette) -> Markup | None:
    """The `search` query's version columns as links: earlier_versions to the `versions` query
    of the result's story, later_version to the article that replaced the text shown; and
    `syndication`'s text_id to the article whose text ran at that place."""
    # (syndication's text_id: the article whose text ran at a place, the story's own or an
    # edited copy)
    if column == "later_version" or (column == "text_id" and "text" in row.keys()):
        href = datasette.urls.row(DATABASE_NAME, "articles", str(value))
        return Markup('<a href="{}">#{}</a>').format(href, value)
    if column == "earlier_versions" and value > 0 and isinstance(row["id"] if "id" in row.keys() else None, int):
        href = datasette.urls.path(f"/{DATABASE_NAME}/versions") + f"?article={row['id']}"
        return Markup('<a href="{}">{}</a>').format(href, value)
    return None


@hookimpl
def asgi_wrapper(datasette):
    """Each request gets its own memo of the matches its count and facets share
    (facet_cache.REQUEST_MATCHES), dropped when the request ends; a paged saved query's JSON
    gets its next page (api_paging.py); a program's mistake is a 400 saying which parameter, and
    a person's saved query page reached with a parameter it does not take is sent to its address
    without it (api_errors.py)."""

    def wrap(app):
        async def with_memo(scope, receive, send):
            # GET and HEAD only: a browser's CORS preflight (OPTIONS) of a request refused here
            # must pass, or the page is told a bare network error instead of the GET's 400 that
            # says which parameter.
            refused = tidied = None
            if scope.get("type") == "http" and scope.get("method") == "POST" and _TABLE_OR_QUERY.match(scope["path"]):
                await _send_read_only(datasette, scope, send)
                return
            if scope.get("method", "GET") in ("GET", "HEAD"):
                refused = await refusal(datasette, DATABASE_NAME, scope)
                tidied = refused is None and await tidied_address(datasette, DATABASE_NAME, scope)
            if tidied:  # a person's page reached with a parameter its query does not take
                headers = [(b"location", tidied.encode("latin-1")),
                           (b"content-type", b"text/plain; charset=utf-8")]
                if datasette.cors:
                    headers.append((b"access-control-allow-origin", b"*"))
                await send({"type": "http.response.start", "status": 302, "headers": headers})
                await send({"type": "http.response.body", "body": b""})
                return
            if refused is not None:
                as_json = scope["path"].endswith(".json")
                headers = [(b"content-type", b"application/json; charset=utf-8" if as_json
                            else b"text/plain; charset=utf-8")]
                if datasette.cors:  # (Datasette's own answers carry it; this one is the plugin's)
                    headers.append((b"access-control-allow-origin", b"*"))
                await send({"type": "http.response.start", "status": 400, "headers": headers})
                await send({"type": "http.response.body",
                            "body": refused_json(refused) if as_json else (refused + "\n").encode()})
                return
            scope = _facets_once(datasette, _sort_column_kept(datasette, _local_days(_bounds_as_stored(datasette, scope))))
            token = REQUEST_MATCHES.set({})
            args_token = REQUEST_ARGS.set(_FirstValues(scope))
            page = _TABLE_PAGE.match(scope.get("path", "")) if scope.get("type") == "http" else None
            table_token = TABLE_PAGE.set(page["table"] if page else None)
            paged = paged_query(DATABASE_NAME, scope)
            typed = _asked_names(scope)
            undated = _asked_undated(scope)
            notes_task = (asyncio.ensure_future(_name_notes(datasette, typed, _asked_copies(scope), undated))
                          if typed or undated else None)
            notes_token = NAME_NOTES.set(notes_task)
            if scope.get("type") == "http" and scope.get("path", "").endswith(".json"):
                send = with_plain_interruptions(send, datasette.setting("sql_time_limit_ms"))
            try:
                if paged is not None:
                    await send_with_next_page(datasette, paged, scope, receive, send, app,
                                              request_name_notes if typed is not None else None)
                else:
                    await app(scope, receive, send)
            finally:
                if notes_task is not None and not notes_task.done():
                    notes_task.cancel()  # (an answer that never asked for them: a redirect, an error)
                NAME_NOTES.reset(notes_token)
                REQUEST_ARGS.reset(args_token)
                TABLE_PAGE.reset(table_token)
                REQUEST_MATCHES.reset(token)

        return with_memo

    return wrap


# The saved queries that take a name typed (an outlet, an author), and which: each finds every
# name whose words it begins when it names none (ingest.search._NAMES_FOUND).
NAMED_QUERIES = {"search": ("outlet", "author"), "timeline": ("outlet",), "by_author": ("author",),
                 "by_outlet": ("outlet",)}
# The notes of the request being answered (_asked_names), being worked out while its query runs:
# a task, or None when none are asked; for its JSON (api_paging) and its page (extra_template_vars).
NAME_NOTES: contextvars.ContextVar[asyncio.Task | None] = contextvars.ContextVar("name_notes", default=None)


def _asked_names(scope) -> dict[str, str] | None:
    """The names typed in a named query's page or JSON request ({} if none), or None for any
    other request."""
    if scope.get("type") != "http" or scope.get("method", "GET") not in ("GET", "HEAD"):
        return None
    path = scope.get("path", "")
    prefix = f"/{DATABASE_NAME}/"
    if not path.startswith(prefix):
        return None
    name, _, extension = path[len(prefix):].partition(".")
    if name not in NAMED_QUERIES or extension not in ("", "json"):
        return None
    args = _first_values(scope)
    return {kind: args[kind] for kind in NAMED_QUERIES[name] if args.get(kind, "").strip()}


# The queries of one outlet's articles, whose notes say what the outlet ran under another
# outlet's name (search.copies_at_outlet), and whether they take words (q).
_COPIES_NOTED = {"search": True, "timeline": True, "by_outlet": False}
# How many of those stories the note counts ("more than 1,000"), and for how long (seconds) it
# looks, beside the page's own query: it read every story an outlet ran as a copy, on every
# page, 0.5-3 s at 10,000-100,000 of them where the page took 15 ms (benchmarks/README.md,
# stop 36). Past the time, it says what it found by then ("40 or more"), or nothing.
_COPIES_COUNTED = 1_000
_COPIES_TIME_LIMIT = 0.1


def _asked_copies(scope) -> dict | None:
    """What a `search`, `timeline` or `by_outlet` request that names an outlet asks (its words,
    filters and versions), for the note of what the outlet ran that is kept under another
    outlet's name; else None."""
    name = scope.get("path", "")[len(f"/{DATABASE_NAME}/"):].partition(".")[0]
    if name not in _COPIES_NOTED:
        return None
    args = _first_values(scope)
    if not args.get("outlet", "").strip() or _COPIES_NOTED[name] and not args.get("q", "").strip():
        return None
    asked = {name: args.get(name, "") for name in ("q", "outlet", "author", "since", "until", "before", "versions")}
    if not _COPIES_NOTED[name]:  # (by_outlet lists every stored text of a story)
        asked.update(q="", versions="all")
    asked["dated"] = name == "timeline"  # (its days count the dated stories alone)
    return asked


# How long (seconds) the timeline's count of its undated matches may take, beside the query: about
# as long as the timeline itself, which counts the same matches. Past it the note says they are
# left out, uncounted.
_UNDATED_TIME_LIMIT = 1.0


def _asked_undated(scope) -> dict | None:
    """What a `timeline` request asks (its words, outlet and versions), for the note of how many
    matches it leaves out for having no date; else None."""
    if _asked_names(scope) is None or scope.get("path", "")[len(f"/{DATABASE_NAME}/"):].partition(".")[0] != "timeline":
        return None
    args = _first_values(scope)
    if not args.get("q", "").strip():
        return None
    return {name: args.get(name, "") for name in ("q", "outlet", "versions")}


async def _name_notes(datasette, typed: dict[str, str], copies: dict | None = None,
                      undated: dict | None = None) -> list[str]:
    """What `news-archive search` says on standard error of the names typed: a name that matches
    many ("k" finds every author a k begins, and the answer held all their articles while the
    reader thought it narrowed to one) and a name that matches none, with the nearest (the answer
    was "0 results", as for words found nowhere), and the copies that ran under that byline if any
    (the bylined copies' index alone). Names tables only: a seek by key or name, else
    one pass over the names (as the query itself makes), in another SQL thread while the query
    runs: in turn, they cost a search of one outlet 3 ms more, of an outlet's first letters 10 ms
    (at 980,069 articles). A failure here is no note, never a failed answer.

    And, for a search of one outlet (`copies`), what that outlet ran of the matching stories kept
    under the outlet of their first stored copy, which the outlet filter does not find
    (search.copies_at_outlet, as `news-archive search` says it): the page answered "0 rows" of a
    story the outlet ran word for word. Not kept with the names' notes: it depends on the articles.

    And, for a timeline (`undated`), how many of its matches it leaves out for having no date."""
    database = datasette.databases.get(DATABASE_NAME)
    if not (typed or undated) or database is None:
        return []

    def notes(conn) -> list[str]:
        # The same names typed again (the next page, a timeline after a search) while the names
        # tables hold the same rows: the notes already worked out.
        names = conn.execute(_NAMES_STATE).fetchone()
        key = (tuple(sorted(typed.items())), names)
        with _NOTES_LOCK:
            if key in _NOTES_MADE:
                return _NOTES_MADE[key]
        missing = names_not_in_archive(conn, **typed)
        made = missing + names_matching_many(conn, **typed)
        if not missing.complete:  # (a part given up for time: worked out again next time)
            return made
        with _NOTES_LOCK:
            _NOTES_MADE[key] = made
            while len(_NOTES_MADE) > _NOTES_KEPT:
                del _NOTES_MADE[next(iter(_NOTES_MADE))]
        return made

    def notes_with_copies(conn) -> list[str]:
        made = notes(conn) if typed else []
        if undated:
            try:
                with stopped_after(conn, _UNDATED_TIME_LIMIT):
                    count = undated_matches(conn, undated["q"], undated["outlet"], undated["versions"])
                if count:
                    made = made + [undated_note(count)]
            except sqlite3.Error as error:  # (a search FTS5 refuses: the other notes still go)
                if "interrupt" in str(error):
                    made = made + ["matching articles without a date are left out of the days "
                                   "(too many matches to count them in time)"]
            except RuntimeError:  # (metadata.yml's timeline changed where the count looks: the other notes still go)
                pass
        try:
            if copies:
                made = made + copies_at_outlet(
                    conn, copies["q"], copies["outlet"], [], author=copies["author"], since=copies["since"],
                    until=copies["until"], before=copies["before"], all_versions=copies["versions"] == "all",
                    outlet_filter="the outlet filter", one_outlet=True, most=_COPIES_COUNTED,
                    time_limit=_COPIES_TIME_LIMIT, dated=copies["dated"])
        except sqlite3.Error:  # (a search FTS5 refuses: the names' notes still go)
            pass
        return made

    try:
        return await database.execute_fn(notes_with_copies)
    except Exception:  # (sqlite3.Error, a names table not there yet): the answer goes without
        return []


# What the names tables hold, as far as the notes go: a name added or taken out changes it; and,
# as an unknown author's note names the copies that ran under that byline, the last source and the
# count of the copies' bylines changed in place (schema/0029's triggers: a corrected sidecar, a
# reparse filling one, an UPDATE or DELETE by hand, an older row at a location seen again).
_NAMES_STATE = ("select (select max(id) from authors), (select count(*) from authors), "
                "(select max(id) from outlets), (select count(*) from outlets), (select max(id) from sources), "
                "(select changes from source_bylines_changed)")
# The notes last worked out, by the names typed and that state (oldest first), shared by the SQL threads.
_NOTES_MADE: dict = {}
_NOTES_KEPT = 256
_NOTES_LOCK = threading.Lock()


async def request_name_notes() -> list[str]:
    """The request's notes, once worked out ([] when none were asked)."""
    task = NAME_NOTES.get()
    return await task if task is not None else []


# The addresses of a table's or a saved query's page, JSON or CSV (Datasette's TableView).
_TABLE_OR_QUERY = re.compile(rf"^/{DATABASE_NAME}/[^/]+$")
READ_ONLY = "Method not allowed: the archive is read-only; read it with GET"


async def _send_read_only(datasette, scope, send):
    """A 405 for a POST to a table or a saved query. Datasette's TableView takes a POST for a
    writable saved query's and answered 500 to every other (an AttributeError for a saved query,
    an AssertionError for a table): a fault of the server, for a request this archive never
    takes (no saved query writes). Every other address and method is Datasette's own 405."""
    as_json = scope["path"].endswith(".json")
    headers = [(b"content-type", b"application/json; charset=utf-8" if as_json else b"text/plain; charset=utf-8"),
               (b"allow", b"GET, HEAD, OPTIONS")]
    if datasette.cors:
        headers.append((b"access-control-allow-origin", b"*"))
    body = (json.dumps({"ok": False, "error": READ_ONLY, "status": 405, "title": "Method not allowed"}).encode()
            if as_json else READ_ONLY.encode())
    await send({"type": "http.response.start", "status": 405, "headers": headers})
    await send({"type": "http.response.body", "body": body})


_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _local_days(scope):
    """The request, with Datasette's own day filter and date facet on a date column made the
    day as written, as everything else here reads it: ?published__date=YYYY-MM-DD is
    ?published__startswith=YYYY-MM-DD and ?_facet_date=published is ?_facet_day=published.

    Why: both are SQLite's date(), which turns a time with an offset into UTC: an article of
    21:40 -05:00 on the 5th was listed under the 6th, while its page, the day facet, the
    timeline and since/until say the 5th. Datasette offers "date" in every filter form, and links
    made before the day facet carry them. Rewritten, not refused: the page then says what it
    filtered by ("starts with"), and a script's JSON is the day it asked for. A value that is no
    whole day ("2025-03") and other columns are left to Datasette."""
    if scope.get("type") != "http" or not scope.get("path", "").startswith(f"/{DATABASE_NAME}/"):
        return scope
    raw = scope.get("query_string", b"")
    if b"__date=" not in raw and b"_facet_date=" not in raw:
        return scope
    pairs = parse_qsl(raw.decode("latin-1"), keep_blank_values=True)
    changed = []
    for key, value in pairs:
        column, _, operator = key.rpartition("__")
        if operator == "date" and column in DATE_COLUMNS and _DAY.fullmatch(value):
            key = f"{column}__startswith"
        elif key == "_facet_date" and value in DATE_COLUMNS:
            key = "_facet_day"
        changed.append((key, value))
    if changed == pairs:
        return scope
    return {**scope, "query_string": urlencode(changed).encode("latin-1")}


def _bounds_as_stored(datasette, scope):
    """The request, with a saved query's since, until and before written as the stored dates
    compare with them (ingest.search.published_bound): "2025-03-04 21:40 -05:00", a date as the
    pages show it, is since=2025-03-04T21:40. Datasette binds a saved query's parameters as
    typed, and the SQL compares them as text, so the space put that time before each of its
    day's ("T..."): since= matched the day's every article, until= and before= none of them."""
    page = _TABLE_PAGE.match(scope.get("path", "")) if scope.get("type") == "http" else None
    raw = scope.get("query_string", b"")
    if page is None or not any(f"{name}=".encode() in raw for name in PUBLISHED_BOUNDS):
        return scope
    query = (datasette.metadata("queries", database=DATABASE_NAME) or {}).get(page["table"])
    taken = set(query.get("params") or ()) if isinstance(query, dict) else set()
    pairs = parse_qsl(raw.decode("latin-1"), keep_blank_values=True)
    changed = [(key, published_bound(value) if key in PUBLISHED_BOUNDS and key in taken else value)
               for key, value in pairs]
    if changed == pairs:
        return scope
    return {**scope, "query_string": urlencode(changed).encode("latin-1")}


_TABLE_PAGE = re.compile(rf"^/{DATABASE_NAME}/(?P<table>[^/.]+)(?:\.(?P<extension>json|csv))?$")


def _sort_column_kept(datasette, scope):
    """The request, with the column its rows are sorted by kept among the columns it shows,
    where they are shown with labels (a table's page; JSON or CSV with _labels=on).

    Why: Datasette reads the next page's sort value from the last row, and looks it up by key
    when that row lacks the column, but a labelled row answers a missing column with KeyError,
    not the IndexError it catches: a 500. The articles page's column menu offers "Hide this
    column" on `published`, the column it is sorted by (_nocol=published), and a program asking
    _col=outlet_id&_labels=on got it too. Kept, the page works and says what it is sorted by."""
    if scope.get("type") != "http":
        return scope
    raw = scope.get("query_string", b"")
    if b"col=" not in raw:  # (_col= and _nocol=)
        return scope
    page = _TABLE_PAGE.match(scope.get("path", ""))
    if page is None:
        return scope
    pairs = parse_qsl(raw.decode("latin-1"), keep_blank_values=True)
    args = dict(reversed(pairs))  # (the first of each, as Datasette reads them)
    labels = args.get("_labels")
    if not (labels == "on" or "_label" in args if page["extension"] else labels != "off"):
        return scope
    table = datasette.table_metadata(DATABASE_NAME, page["table"])
    sort = args.get("_sort") or args.get("_sort_desc") or table.get("sort") or table.get("sort_desc")
    if not sort:
        return scope
    kept = [(key, value) for key, value in pairs if not (key == "_nocol" and value == sort)]
    shown = [value for key, value in kept if key == "_col"]
    if shown and sort not in shown:
        kept.append(("_col", sort))
    if kept == pairs:
        return scope
    return {**scope, "query_string": urlencode(kept).encode("latin-1")}


# A facet parameter's type, as metadata.yml names it ("- array: authors"); a plain column's is "column".
_FACET_TYPES = {"_facet": "column", "_facet_array": "array", "_facet_day": "day"}


def _facets_once(datasette, scope):
    """The request, without the facets it asks for that its table gives already (its facets in
    metadata.yml) or that it asks for twice.

    Why: Datasette counts a facet asked both ways twice, and answers it twice, under its name
    and under another ("outlet_id" and "outlet_id_2"), the page showing it twice: a program that
    asks for the facets it wants, not knowing which the table gives, doubled the time of the
    slowest (the authors). Runs after _local_days, which makes _facet_date _facet_day."""
    if scope.get("type") != "http" or b"_facet" not in scope.get("query_string", b""):
        return scope
    page = _TABLE_PAGE.match(scope.get("path", ""))
    if page is None:
        return scope
    given = set()
    for facet in datasette.table_metadata(DATABASE_NAME, page["table"]).get("facets") or []:
        given.update(facet.items() if isinstance(facet, dict) else [("column", facet)])
    pairs = parse_qsl(scope["query_string"].decode("latin-1"), keep_blank_values=True)
    kept = []
    for key, value in pairs:
        facet = (_FACET_TYPES.get(key), value)
        if facet[0] is not None:
            if facet in given:
                continue
            given.add(facet)
        kept.append((key, value))
    if kept == pairs:
        return scope
    return {**scope, "query_string": urlencode(kept).encode("latin-1")}


def _first_values(scope) -> dict[str, str]:
    args: dict[str, str] = {}
    if scope.get("type") == "http":
        for key, value in parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True):
            args.setdefault(key, value)
    return args


class _FirstValues:
    """The first value of each of a request's address parameters, read from its scope only if
    asked (the coverage and timeline rows' links ask): parsed for every request, they cost
    6-16 us of each search through the API, which never asks."""

    def __init__(self, scope):
        self._scope = scope
        self._args: dict[str, str] | None = None

    def _parsed(self) -> dict[str, str]:
        if self._args is None:
            self._args = _first_values(self._scope)
        return self._args

    def get(self, key: str, default=None):
        return self._parsed().get(key, default)

    def __getitem__(self, key: str) -> str:
        return self._parsed()[key]


# The address's parameters of the request being answered: render_cell is not given the request,
# and the coverage and timeline rows link to the search they count (_count_link).
REQUEST_ARGS: contextvars.ContextVar[dict | _FirstValues] = contextvars.ContextVar("request_args", default={})


@hookimpl
def startup(datasette):
    """Serve the one archive a plain `datasette FILE -m metadata.yml` was given as "archive",
    whatever its file is called, as `news-archive serve` does (ingest/serve.py): metadata.yml's
    saved queries, facets and order are under that name, and Datasette names a database after
    its file, so `datasette clippings.db -m metadata.yml` served none of them, saying nothing.
    Left as named: a database that is no archive, and every one when two archives, or one
    already called "archive", leave no single one to call so."""
    async def name_the_archive():
        if DATABASE_NAME in datasette.databases:
            return
        archives = [database for name, database in datasette.databases.items()
                    if not name.startswith("_") and not database.is_memory and await _is_an_archive(database)]
        if len(archives) == 1:
            datasette.remove_database(archives[0].name)
            datasette.add_database(archives[0], name=DATABASE_NAME)
    return name_the_archive


async def _is_an_archive(database) -> bool:
    """Whether the database holds the archive's tables (schema/0001_initial.sql)."""
    try:
        tables = await database.execute(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('articles', 'sources', 'articles_fts')")
    except Exception:  # (not a database at all: Datasette says so itself when it is read)
        return False
    return tables.first()[0] == 3


@hookimpl
def register_routes():
    return [(r"^/-/facet-cache\.json$", facet_cache_state)]


async def facet_cache_state(datasette):
    """The in-memory facet columns' state (a benchmark waits for "ready" before timing)."""
    database = datasette.databases.get(DATABASE_NAME)
    cache = getattr(database, "facet_cache", None)
    return Response.json(cache.state() if cache is not None else {"ready": False, "enabled": False})


# An empty search box would otherwise be submitted as ?_search= and match nothing; leaving it
# out of the form instead shows every article, which is what clearing the box means.
DROP_EMPTY_SEARCH_JS = """
document.querySelectorAll('input[name="_search"]').forEach(function (input) {
  input.form.addEventListener('submit', function () {
    if (!input.value.trim()) { input.disabled = true; }
  });
});
"""


@hookimpl
def extra_body_script(view_name, database):
    if view_name == "table" and database == DATABASE_NAME:
        return DROP_EMPTY_SEARCH_JS
    return None


ARTICLE_SQL = """
SELECT articles.id, articles.title, articles.description, articles.body, articles.authors,
       articles.published, articles.updated, articles.url, articles.language,
       articles.word_count, articles.first_seen, articles.outlet_id, outlets.name AS outlet,
       articles.previous_version
FROM articles LEFT JOIN outlets ON outlets.id = articles.outlet_id
WHERE articles.id = :id
"""

# The article's neighbours among the versions of its story (schema/0009): the one it replaced
# and those that replaced it.
VERSIONS_SQL = """
SELECT id, title, first_seen, word_count, 'earlier' AS relation FROM articles WHERE id = :previous
UNION ALL
SELECT id, title, first_seen, word_count, 'later' FROM articles WHERE previous_version = :id
ORDER BY first_seen, id
"""

SOURCES_SQL = """
SELECT sources.id, sources.article_id, sources.location, sources.format, sources.status, sources.url,
       sources.published, sources.seen_at, sources.last_seen, outlets.name AS outlet, sources.authors
FROM sources LEFT JOIN outlets ON outlets.id = sources.outlet_id
WHERE sources.article_id = :id
ORDER BY sources.published, sources.seen_at, sources.id
"""

# Every place the article's story was seen: its own sources, and those of the edited copies that
# near_copy_stories links to it at other outlets (schema/0026), as the `syndication` and `search`
# queries count them.
STORY_SOURCES_SQL = SOURCES_SQL.replace("WHERE sources.article_id = :id", """WHERE sources.article_id IN (
  SELECT :id UNION ALL
  SELECT story.article_id FROM near_copy_stories AS own
  JOIN near_copy_stories AS story ON story.story_id = own.story_id WHERE own.article_id = :id)""")


# The saved query whose page links to its next and previous pages (templates/query-archive-search.html).
PAGED_SEARCH_TEMPLATE = "query-archive-search.html"
# Every other query page of the archive (templates/query-archive.html), which shows the name notes.
NAMED_QUERY_TEMPLATE = "query-archive.html"
# by_outlet's page, which links to the articles after its last (templates/query-archive-by_outlet.html).
BY_OUTLET_TEMPLATE = "query-archive-by_outlet.html"


def search_page_links(request, datasette, page_size: int = PAGE_SIZE) -> dict:
    """A paged query's page's links to its neighbours, every other parameter kept: `page` is a
    parameter of the query, which a user had to edit by hand. `next` is given for any valid
    page; the template shows it only when the page is full (page_size rows), as a shorter
    page is the last. A page that is no page number (the query's error) links nowhere."""
    value = request.args.get("page") or "1"
    try:
        check_parameter("page", value)
    except BadParameter:
        return {"page_size": page_size, "previous_page": None, "next_page": None}
    page = int(value)

    def link(number: int) -> str:
        return datasette.urls.path(path_with_replaced_args(request, {"page": str(number)}))

    window_ends = past_ranked_window(_paged_query_name(request), request.args.get("sort") or "", page)
    return {"page_size": page_size, "previous_page": link(page - 1) if page > 1 else None,
            "next_page": link(page + 1) if page < MAX_PAGE and not window_ends else None,
            "ranked_window_ends": window_ends, "ranked_window": RANKED_WINDOW}


def _paged_query_name(request) -> str:
    prefix = f"/{DATABASE_NAME}/"
    return request.path[len(prefix):] if request.path.startswith(prefix) else ""


def _paged_by_number(request) -> int | None:
    """The rows a full page of the saved query this page is of holds, if it goes by page number
    (api_paging.PAGED_QUERIES), else None."""
    size, parameter = PAGED_QUERIES.get(_paged_query_name(request), (None, None))
    return size if parameter == "page" else None


@hookimpl
def extra_template_vars(template, database, table, view_name, request, datasette):
    if template in (PAGED_SEARCH_TEMPLATE, NAMED_QUERY_TEMPLATE, BY_OUTLET_TEMPLATE) and request is not None:
        if template == PAGED_SEARCH_TEMPLATE:
            links = search_page_links(request, datasette)
        elif template == BY_OUTLET_TEMPLATE:
            # (the link's after= is last, its value the last row's id, which the template adds)
            links = {"after_link": datasette.urls.path(path_with_replaced_args(request, {"page": None, "after": ""})),
                     "latest_link": datasette.urls.path(path_with_replaced_args(request, {"page": None, "after": None}))}
        elif _paged_by_number(request):
            # Every other query paged by number (by_author 100 rows a page; timeline, coverage,
            # syndication, versions 1,000): its page showed the first page alone, with nothing to
            # say more followed (a timeline of 3,652 days showed 1,000 of them as if they were all).
            links = search_page_links(request, datasette, _paged_by_number(request))
        else:
            links = {}

        async def with_notes():
            return {**links, "name_notes": await request_name_notes()}

        return with_notes
    if view_name != "row" or database != DATABASE_NAME or table != "articles":
        return None

    async def article_vars():
        pks = request.url_vars.get("pks", "")
        if not pks.isdigit():
            return {}
        db = datasette.get_database(DATABASE_NAME)
        rows = (await db.execute(ARTICLE_SQL, {"id": int(pks)})).rows
        if not rows:
            return {}
        article = dict(rows[0])
        article["authors"] = _json_list(article["authors"])
        article["link"] = _web_link(article["url"])
        # Extraction keeps one paragraph per line.
        article["paragraphs"] = [line.strip() for line in (article["body"] or "").splitlines() if line.strip()]
        # (an archive served from a read-only disk may predate near-copy stories: its own sources.
        # Each source's byline, schema/0029, is there: `serve` upgrades an older archive first,
        # and refuses one on a read-only disk (store.open_connection_for_reading), so no archive
        # without it is served)
        with_copies = bool((await db.execute("SELECT 1 FROM sqlite_master WHERE name = 'near_copy_stories'")).rows)
        sources = [dict(row) for row in (await db.execute(
            STORY_SOURCES_SQL if with_copies else SOURCES_SQL, {"id": int(pks)})).rows]
        for source in sources:
            source["link"] = _web_link(source["url"])
            # (the byline that copy itself carried; None: not recorded, a source seen before 0029)
            source["authors"] = None if source["authors"] is None else _json_list(source["authors"])
            # (the text seen there: this one, or an edited copy of it, an article of its own)
            source["edited"] = source["article_id"] != article["id"]
        # The places the story ran, counted as the `syndication` query counts them: the same
        # outlet, address and day seen again (a file moved or saved twice) is one place, whichever
        # of the story's texts was seen there (this one, or an edited copy at another outlet).
        # An address with or without a trailing slash is one place (normalise.same_address_key).
        # A copy naming neither outlet nor address (a text clipping) is none.
        article["places"] = len({(s["outlet"], s["url"] and _same_address_key(s["url"]),
                                  s["published"] and s["published"][:10])
                                 for s in sources if s["status"] != "failed" and (s["outlet"] or s["url"])})
        article["edited_copies"] = sum(source["edited"] for source in sources)
        versions = [dict(row) for row in (await db.execute(
            VERSIONS_SQL, {"id": int(pks), "previous": article["previous_version"]})).rows]
        # (The same story at other outlets, a little edited, most alike first: near_copies_of,
        # as search reads them; none on an archive that predates the table.)
        near_copies = (await db.execute_fn(lambda conn: near_copies_of(conn, [int(pks)]))).get(int(pks), [])
        return {"article": article, "article_sources": sources, "article_versions": versions,
                "article_near_copies": near_copies}

    return article_vars


# An article whose byline is empty: its cell showed "[]", the JSON of an empty list, which a reader
# does not read as "no author is known". The words of the index page's "Articles with no known author".
NO_KNOWN_AUTHOR = Markup('<span class="no-author" style="color: #767676">no known author</span>')


def _author_links(datasette, authors_json: str) -> Markup | None:
    """A JSON array of names as links to each author's articles (the array facet's filter); an
    empty one as "no known author". Anything else is left to Datasette."""
    names = _json_list(authors_json)
    if not names:
        try:
            return NO_KNOWN_AUTHOR if json.loads(authors_json) == [] else None
        except ValueError:
            return None
    base = datasette.urls.table(DATABASE_NAME, "articles")
    return Markup(", ").join(
        Markup('<a href="{}?authors__arraycontains={}">{}</a>').format(base, quote(name), name)
        for name in names
    )


# A copy's byline not recorded (a source seen before schema/0029), as the article page says it.
NOT_RECORDED = Markup('<span class="not-recorded" style="color: #767676">not recorded</span>')


def _copy_byline(authors_json: str | None) -> Markup | str:
    """syndication's byline of a copy (sources.authors) as names to read, as the article page
    lists its sources': "none" for a copy without one, "not recorded" for one seen before the
    archive kept them. Not links to the articles of each name, as an article's byline is: the
    author filter finds an article by its text's byline alone, and a name only a copy carried
    (a paper's staff byline on a wire story) listed 0 articles there."""
    if authors_json is None:
        return NOT_RECORDED
    return ", ".join(_json_list(authors_json)) or "none"


# The tables of names, each with the saved query that lists a name's articles and its parameter.
_NAMED_LISTS = {"authors": ("by_author", "author"), "outlets": ("by_outlet", "outlet")}

# The columns of the rows that count a search's matches: coverage (per outlet) and timeline (per day).
_COVERAGE_COLUMNS = ("outlet", "articles", "first", "last")
_TIMELINE_COLUMNS = ("day", "outlet", "articles")


NO_KNOWN_OUTLET = Markup('<span class="no-outlet" style="color: #767676">no known outlet</span>')


def _no_known_outlet(row) -> Markup | None:
    """A coverage row, or a timeline row split by outlet, that counts the articles of no known
    outlet: its outlet cell was blank, a row that read as a glitch. (A timeline not split names
    no outlet in any row: left blank.)"""
    columns = tuple(row.keys())
    if columns == _COVERAGE_COLUMNS or (columns == _TIMELINE_COLUMNS and REQUEST_ARGS.get().get("split") == "outlet"):
        return NO_KNOWN_OUTLET
    return None


def _count_link(row, value: str, column: str, datasette) -> Markup | None:
    """A coverage row's outlet, or a timeline row's day, as a link to the `search` hits it
    counts: the counts were a dead end (the articles behind "4" had to be searched again by hand,
    with the outlet and dates retyped). The search keeps the words and versions asked for;
    a day is searched newest first within that day, an outlet best first."""
    columns = tuple(row.keys())
    if columns not in (_COVERAGE_COLUMNS, _TIMELINE_COLUMNS):
        return None
    asked = REQUEST_ARGS.get()
    if not asked.get("q", "").strip():
        return None
    search = {"q": asked["q"]}
    if columns == _COVERAGE_COLUMNS:
        if column != "outlet":
            return None
        search["outlet"] = value
    else:
        if column != "day" or not _STORED_DATE.fullmatch(value):
            return None
        if asked.get("split") == "outlet" and not row["outlet"]:
            return None  # the day's articles of no known outlet: no search asks for those alone
        outlet = row["outlet"] or asked.get("outlet", "")
        if outlet:
            search["outlet"] = outlet
        search.update(since=value, until=value, sort="newest")
    if asked.get("versions"):
        search["versions"] = asked["versions"]
    href = datasette.urls.path(f"/{DATABASE_NAME}/search") + "?" + urlencode(search)
    return Markup('<a href="{}">{}</a>').format(href, value)


def _with_places(link: Markup, href: str, places: int) -> Markup:
    """A search hit's title, and under it "ran in N places" when the story ran in several (the
    query's `places`), linked to the article's list of them: that a story was syndicated showed
    nowhere among the hits."""
    if places < 2:
        return link
    return link + Markup(' <br><small class="places"><a href="{}#sources">ran in {} places</a></small>').format(
        href, places)


def _site_link(url: str) -> Markup | None:
    """A search hit's address as the site it is on, linked to the whole address (shown on
    hover): the full address, one long word, took the snippet's width or, allowed to break,
    made a column of fragments. The title beside it opens the archived text."""
    link = _web_link(url)
    host = urlsplit(link).hostname if link else None
    if not host:
        return None
    return Markup('<a href="{}" title="{}" rel="nofollow noopener">{}</a>').format(
        link, link, host.removeprefix("www."))


def _json_list(text: str | None) -> list[str]:
    try:
        value = json.loads(text or "[]")
    except ValueError:
        return []
    return [str(item) for item in value] if isinstance(value, list) else []


def _web_link(url: str | None) -> str | None:
    """The URL if it is safe to put in an href (a page can claim a javascript: URL)."""
    if url and url.lower().startswith(("http://", "https://")):
        return url
    return None
