"""Refusals a program can act on: a 400 whose JSON `error` names the parameter and says why, for
mistakes Datasette let through as if nothing were wrong, or answered with the wrong status.

- A parameter a saved query does not take (`search.json?query=strike`, `by_outlet.json?outlett=`):
  Datasette ignored it, so the query ran without it: no rows for a misspelt q, every author's
  articles for a misspelt author, a spreadsheet of the wrong data that looked right.
- `_shape` that is no shape, or `object` on a query, a view or a table without a primary key:
  Datasette answered status 200 with {"ok": false, ...}, which a program checking the status took
  for rows.
- A malformed value in a saved query's CSV (`search.csv?since=notadate`): Datasette answers a CSV
  whose query failed with an empty body and status 200, an empty file as if nothing matched. Its
  values are checked first, as the query's own magic parameter checks them for the page and JSON.
- `_sort` / `_sort_desc` on a column the table (or view) does not have, in its JSON or CSV, or
  `_timelimit` that is no number: Datasette answered 500, a fault of the server to a program, for
  a mistake of its own.

- Any other refusal of a CSV (a table's search, facet, column or size asked amiss): Datasette
  answered with its HTML error page, saved by a script as the spreadsheet; the reason as text.

- A table's `_next` of a shape no page gives (`articles.json?_next=20`, an id for the place to
  start): Datasette answered 200 with no rows, which a program paging took for the end.
- `_size` or `_next` on a saved query: Datasette reads them on tables only, so `search.json?_size=100`
  gave 20 rows and no word why; the refusal says how the query pages (next_url).

Parameters starting with "_" are Datasette's (and a cache-buster's `_=`), and pass.
"""

import json
import re
from urllib.parse import parse_qsl, quote

from datasette import Response
from datasette.utils import add_cors_headers, derive_named_parameters
from datasette.utils.asgi import Base400
from datasette.views.base import DatasetteError

from ..search import BadParameter, check_parameter, check_parameters
from .api_paging import PAGED_QUERIES

# Datasette 0.65's shapes (renderer.json_renderer); `object` keys rows by primary key: tables only.
SHAPES = ("objects", "array", "arrays", "arrayfirst", "object")


def _args(scope) -> list[tuple[str, str]]:
    return parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)


def _first(args, key: str) -> str | None:
    """The value Datasette reads (request.args.get: the first given)."""
    return next((value for name, value in args if name == key), None)


async def refusal(datasette, database_name: str, scope) -> str | None:
    """Why this request for JSON or CSV is a mistake of the asker, or None to answer it."""
    if scope.get("type") != "http":
        return None
    path = scope.get("path", "")
    name, _, extension = path.rpartition(".")
    if extension not in ("json", "csv"):
        return None
    args = _args(scope)
    limit = _first(args, "_timelimit")
    if limit and not (limit.isascii() and limit.isdigit()):  # Datasette's int(): a 500
        return f"_timelimit: {limit!r} is not a number of milliseconds"
    if name == f"/{database_name}":  # ?sql=: a query of the asker's own, no primary key either
        return _bad_shape(args, table=False) if extension == "json" else None
    prefix = f"/{database_name}/"
    if not name.startswith(prefix) or "/" in name[len(prefix):]:
        return None
    name = name[len(prefix):]
    query = (datasette.metadata("queries", database=database_name) or {}).get(name)
    if isinstance(query, dict):
        table_paging = _table_paging(name, args)
        if table_paging:
            return table_paging
        if extension == "csv":
            refused = _bad_value(query, args) or await _unknown_parameter(name, query, args)
        else:
            refused = _bad_shape(args, table=False) or await _unknown_parameter(name, query, args)
        return refused or await _no_such_article(datasette, database_name, name, args)
    # (a table's CSV too: sorted by no column it was Datasette's 500, an HTML page)
    bad_shape = _bad_shape(args, table=True) if extension == "json" else None
    sorts = [(key, value) for key, value in args if key in ("_sort", "_sort_desc") and value]
    by_key = extension == "json" and _first(args, "_shape") == "object"
    token = _first(args, "_next")
    database = datasette.databases.get(database_name)
    if bad_shape or not (sorts or by_key or token) or database is None:
        return bad_shape  # (the table's names and keys are read only when they decide)
    is_view = name in await database.view_names()
    if not is_view and name not in await database.table_names():
        return None  # (an unknown table: Datasette's 404)
    # (as Datasette decides: a view has no primary key, and a table without one is keyed by rowid
    # for a sort but not for _shape=object, which then answered 200 with {"ok": false})
    keyed = not is_view and bool(await database.primary_keys(name))
    if by_key and not keyed:
        return f"_shape: 'object' (rows by primary key): {name} has none; write objects or array"
    # (the columns Datasette's table view sorts by: the metadata's sortable_columns, else every one)
    columns = set(datasette.table_metadata(database_name, name).get("sortable_columns")
                  or await database.table_columns(name))
    if not is_view and not keyed:
        columns.add("rowid")
    for key, value in sorts:
        if value not in columns:
            return f"{key}: {value!r} is not a column of {name}"
    if token and not await _a_tables_next(datasette, database, name, is_view, args, token):
        return (f"_next: {token!r} is no place in {name}'s pages; give the next its last page gave "
                "(or follow next_url), with the same _sort")
    return None


async def _a_tables_next(datasette, database, name: str, is_view: bool, args, token: str) -> bool:
    """Whether `token` has the shape of a _next the table's pages give: a view's, a number of
    rows to skip; a table's, its sort value (when sorted: by _sort, _sort_desc or its metadata),
    then each column of its primary key (or its rowid), comma-separated (a comma within a value
    is written ~2C), a whole number where the column is an INTEGER. Datasette read any other
    value as a place past every row, or before the first: 200 with no rows, or all again."""
    if is_view:
        return token.isascii() and token.isdigit()
    table = datasette.table_metadata(database.name, name)
    sorted_by = (_first(args, "_sort") or _first(args, "_sort_desc")
                 or table.get("sort") or table.get("sort_desc"))
    columns = (await database.execute(f"pragma table_info([{name}])")).rows
    # (pragma's pk: each key column's place in the key, 0 for the others)
    kinds = [column[2].upper() for column in sorted((c for c in columns if c[5]), key=lambda c: c[5])]
    parts = token.split(",")[1:] if sorted_by else token.split(",")
    kinds = kinds or ["INTEGER"]  # (keyed by rowid)
    return len(parts) == len(kinds) and all(
        re.fullmatch(r"-?\d+", part) for part, kind in zip(parts, kinds) if kind == "INTEGER")


def _table_paging(name: str, args) -> str | None:
    """Why a saved query does not take a table's _size or _next (Datasette ignores both there),
    saying how the query pages instead, or None."""
    # (_size=max is Datasette's own, in the CSV link of every query's page: let it pass)
    asked = next((key for key, value in args if key == "_next" or key == "_size" and value != "max"), None)
    if asked is None or name not in PAGED_QUERIES:
        return None
    size, parameter = PAGED_QUERIES[name]
    return (f"{asked}: {name} gives {size:,} rows a page, not another number; follow next_url for the "
            f"next ({parameter}=...) until it is null (_size and _next page a table, not a saved query)")


def _bad_shape(args, table: bool) -> str | None:
    shape = _first(args, "_shape")
    if shape is None or shape in SHAPES and (table or shape != "object"):
        return None
    if shape == "object":
        return "_shape: 'object' (rows by primary key) is for tables only; write objects or array"
    return f"_shape: {shape!r} is not a shape; write objects, array, arrays or arrayfirst"


# A saved query's checked parameters, named by its magic parameter (:_valid_q_since_until...).
_CHECKS = re.compile(r":_valid_(\w+)")


def _bad_value(query: dict, args) -> str | None:
    """Why a value of the query's checked parameters is malformed (the first given of each, as
    Datasette binds it), or None."""
    checks = _CHECKS.search(query.get("sql", ""))
    if checks is None:
        return None
    try:
        check_parameters(checks[1].split("_"), dict(reversed(args)))
    except BadParameter as error:
        return str(error)
    return None


async def _taken(query: dict) -> list[str]:
    """The parameters a saved query takes (its magic `_` ones excepted)."""
    return query.get("params") or [p for p in await derive_named_parameters(None, query.get("sql", ""))
                                   if not p.startswith("_")]


async def _unknown_parameter(name: str, query: dict, args) -> str | None:
    taken = await _taken(query)
    for key, _ in args:
        if not key.startswith("_") and key not in taken:
            listed = ", ".join(dict.fromkeys(taken)) or "none"
            return f"{key}: not a parameter of {name} (it takes: {listed})"
    return None


async def tidied_address(datasette, database_name: str, scope) -> str | None:
    """The address to send a person to (a 302) when a saved query's HTML page is reached with
    parameters the query does not take, or None to answer it as it is.

    Why: a shared link with a tracking parameter (`search?q=harbour&utm_source=x`) shows its rows,
    as Datasette ignores the parameter, but the page builds its JSON, CSV and next-page links from
    its own address: they kept the parameter, and its JSON and CSV got the 400 meant for a
    program's misspelling (`refusal`). Redirected to the address without it, the page and every
    link it makes are clean, and what the address bar shows is what the page used. Every
    parameter the query takes and every Datasette `_` parameter is kept as written, in order;
    the JSON and CSV of such an address are still refused, as a program must be told."""
    if scope.get("type") != "http":
        return None
    path = scope.get("path", "")
    prefix = f"/{database_name}/"
    name = path[len(prefix):] if path.startswith(prefix) else ""
    raw = scope.get("query_string", b"").decode("latin-1")
    if not raw or not name or "/" in name or "." in name:
        return None
    query = (datasette.metadata("queries", database=database_name) or {}).get(name)
    if not isinstance(query, dict):
        return None
    taken = set(await _taken(query))
    pieces = [piece for piece in raw.split("&") if piece]
    # (each piece kept as the address wrote it, its key read as Datasette reads it)
    kept = [piece for piece in pieces
            if all(key.startswith("_") or key in taken
                   for key, _ in parse_qsl(piece, keep_blank_values=True))]
    if len(kept) == len(pieces):
        return None
    address = (scope.get("raw_path") or quote(path).encode("ascii")).decode("latin-1")
    return address + ("?" + "&".join(kept) if kept else "")


# The saved queries whose parameter names an article: the one a page starts after (its place in
# by_outlet's order: an id of no article has no place, and its page of no rows read as the end
# of the list), or the one whose versions are asked (an id of no article, a typo, answered with
# no rows, as a story never edited does), or whose near copies are (likewise: an article with no
# near copy). (new_articles' after is a bound of ids, which any number is.)
ARTICLE_PARAMETERS = {"by_outlet": "after", "versions": "article", "near_copies": "article"}


async def _no_such_article(datasette, database_name: str, name: str, args) -> str | None:
    parameter = ARTICLE_PARAMETERS.get(name)
    value = _first(args, parameter) if parameter else None
    database = datasette.databases.get(database_name)
    if not value or database is None:
        return None
    try:
        check_parameter(parameter, value)
    except BadParameter:
        return None  # (malformed, article=0 among them: the query's own check says so)
    found = await database.execute("select 1 from articles where id = ?", [int(value)])
    return None if found.rows else f"{parameter}: no article has the id {value}"


def refused_json(message: str) -> bytes:
    """The body Datasette gives its own errors, with the message."""
    return json.dumps({"ok": False, "error": message, "status": 400, "title": None}).encode()


# Datasette's title of the error of a query stopped at its time limit.
INTERRUPTED = "SQL Interrupted"


def interrupted(limit_ms: int) -> str:
    """The error of a query stopped at the time limit, in words."""
    return (f"SQL query took too long: stopped at the time limit ({limit_ms:,} ms, "
            "sql_time_limit_ms, or the _timelimit asked if less); narrow it "
            "(a rarer word, a date range, an outlet)")


def csv_refusal(datasette, request, exception):
    """The answer to a CSV request Datasette refused (a 4xx: a table's search, facet, column or
    size asked amiss, an unknown table), its message as text, or None to leave it to Datasette.

    Why: Datasette answers every refusal that is not JSON with its HTML error page, so `curl
    'articles.csv?_search=-ferry' > hits.csv` saved a web page as the spreadsheet, and a program
    reading the CSV got markup instead of the reason (the saved queries' CSV refusals, checked
    before Datasette runs, were already text)."""
    if not request.path.endswith(".csv"):
        return None
    if isinstance(exception, Base400):
        status, message = exception.status, str(exception.args[0]) if exception.args else ""
    elif isinstance(exception, DatasetteError) and exception.status < 500:
        status, message = exception.status, exception.message
        if exception.title == INTERRUPTED:  # (its message is the HTML of Datasette's page)
            message = interrupted(datasette.setting("sql_time_limit_ms"))
    else:
        return None
    headers = {}
    if datasette.cors:
        add_cors_headers(headers)
    return Response.text(message + "\n", status=status, headers=headers)


def with_plain_interruptions(send, limit_ms: int):
    """`send` for a JSON answer, where the error of a query stopped at the time limit is said in
    words: Datasette gave the HTML of its page (a paragraph, a link, the SQL in a textarea and a
    script) as the `error` string; and a saved query's error is the message without the query's
    SQL. Answers of status 200 pass at once; only an error is held."""
    start, chunks = None, []

    async def plain(message):
        nonlocal start
        if message["type"] == "http.response.start" and message["status"] != 200:
            start = message
            return
        if start is None or message["type"] != "http.response.body":
            await send(message)
            return
        chunks.append(message.get("body", b""))
        if message.get("more_body"):
            return
        body = b"".join(chunks)
        try:
            data = json.loads(body)
        except ValueError:
            data = None
        headers = start.get("headers", [])
        changed = False
        if isinstance(data, dict) and data.get("title") == INTERRUPTED:
            data["error"] = interrupted(limit_ms)
            changed = True
        if isinstance(data, dict) and data.get("query_name") and data.get("error"):
            # A saved query refused (a malformed value its check refused, or stopped at the time
            # limit): Datasette's whole answer of a query, with the query's SQL (25 KB of it for
            # search, which hides it on its page) around the one line a program reads. The
            # message alone, as every other refusal; ?sql= keeps its SQL, the asker's own.
            data = {"ok": False, "error": data["error"], "status": data.get("status", start["status"]),
                    "title": data.get("title")}
            changed = True
        if changed:
            body = json.dumps(data).encode()
            headers = [(key, str(len(body)).encode() if key.lower() == b"content-length" else value)
                       for key, value in headers]
        await send(start | {"headers": headers})
        await send({"type": "http.response.body", "body": body})

    return plain
