"""The next page of a paged saved query, for programs: `next` and `next_url` in its JSON (as a
table's JSON has them) and a `Link: <...>; rel="next"` header (which the array shapes, having no
keys of their own, can carry too, and so does the query's CSV). Null, and no header, on the last
page.

A script pulling every hit of a search had to know that a page of `search` holds 20 rows and one
of `by_author` 100, count them, and guess that a full page might be the last; nothing in the
answer said whether there was more. A full page offers the next, a shorter one is the last (a
page after the last is empty and offers none).
"""

import csv
import io
import json
from urllib.parse import parse_qsl

from datasette.utils import path_with_replaced_args
from datasette.utils.asgi import Request

from ..search import MAX_PAGE, PAGE_SIZE, RANKED_WINDOW, past_ranked_window

# Each paged saved query: (rows a full page holds, the parameter that moves on: "page", whose next
# value is the number plus one, or "after", whose next value is the last row's id).
PAGED_QUERIES = {
    "search": (PAGE_SIZE, "page"),
    "by_author": (100, "page"),
    # (by the last id shown, not the page number: a deep page of many outlets cost seconds, metadata.yml)
    "by_outlet": (100, "after"),
    "new_articles": (1000, "after"),
    # (1,000, Datasette's max_returned_rows: past it the rows were cut off)
    "timeline": (1000, "page"),
    "syndication": (1000, "page"),
    "versions": (1000, "page"),
    "coverage": (1000, "page"),
    "near_copies": (1000, "page"),
}


def paged_query(database_name: str, scope) -> str | None:
    """The paged query this request's JSON or CSV is of, or None."""
    if scope.get("type") != "http" or scope.get("method", "GET") not in ("GET", "HEAD"):
        return None
    path = scope.get("path", "")
    prefix = f"/{database_name}/"
    if not (path.startswith(prefix) and path.endswith((".json", ".csv"))):
        return None
    name = path[len(prefix):].rpartition(".")[0]
    return name if name in PAGED_QUERIES else None


def next_value(name: str, scope, rows: list, columns: list | None) -> str | None:
    """The parameter's value of the page after this one, or None if this one is the last."""
    size, parameter = PAGED_QUERIES[name]
    if len(rows) < size:
        return None
    if parameter == "page":
        page = _page_and_sort(scope)[0]
        if not page.isdigit() or int(page) >= MAX_PAGE or _ranked_window_ends(name, scope):
            return None
        return str(int(page) + 1)
    last = rows[-1]
    if isinstance(last, dict):
        last = last.get("id")
    elif isinstance(last, list):
        last = last[columns.index("id")] if columns and "id" in columns else None
    if isinstance(last, str) and last.isascii() and last.isdigit():  # (a CSV's cell)
        last = int(last)
    return str(last) if isinstance(last, int) else None  # (_shape=arrayfirst: the id itself)


def _page_and_sort(scope) -> tuple[str, str]:
    """The page asked for ("1" when none) and the sort, each its first value, as Datasette binds it."""
    asked = parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
    return (next((value for key, value in asked if key == "page"), "") or "1",
            next((value for key, value in asked if key == "sort"), ""))


def _ranked_window_ends(name: str, scope) -> bool:
    """Whether this page of `search` is the last that best first ranks (past_ranked_window)."""
    page, sort = _page_and_sort(scope)
    return page.isdigit() and past_ranked_window(name, sort, int(page))


# Said in the JSON's notes on the last page best first ranks, when it is full: a script following
# next_url stopped there with 500 hits, and nothing told it that more matched.
RANKED_WINDOW_NOTE = (f"best first ranks the {RANKED_WINDOW:,} latest matches at most: sort=newest lists "
                      "every match, and since and until look further back")


async def send_with_next_page(datasette, name: str, scope, receive, send, app, notes=None) -> None:
    """Run the request, holding its answer back to add the next page to it (a page is at most
    1,000 rows, so it is held in memory briefly). Anything but a 200 answer is passed on as it
    was, and so is a body that is neither JSON nor JSON lines. `notes`, when given (an async
    function giving a list, maybe empty), is written as the JSON object's "notes" key too (the
    array shapes have no place for it)."""
    start, chunks = None, []

    async def collect(message):
        nonlocal start
        if message["type"] == "http.response.start":
            start = message
            return
        if message["type"] != "http.response.body":
            await send(message)
            return
        chunks.append(message.get("body", b""))
        if message.get("more_body"):
            return
        listed = await notes() if notes is not None and start["status"] == 200 else None
        body, headers = _with_next(datasette, name, scope, receive, start, b"".join(chunks), listed)
        await send({"type": "http.response.start", "status": start["status"], "headers": headers})
        await send({"type": "http.response.body", "body": body})

    await app(scope, receive, collect)


def _with_next(datasette, name, scope, receive, start, body: bytes, notes: list | None = None) -> tuple[bytes, list]:
    headers = list(start.get("headers", []))
    if start["status"] != 200:
        return body, headers
    if scope["path"].endswith(".csv"):
        # A CSV has no keys: its next page is the Link header alone.
        table = list(csv.reader(io.StringIO(body.decode("utf-8", "replace"))))
        value, url = _next_page(datasette, name, scope, receive, table[1:], table[0] if table else None)
        return body, headers + _link(url)
    try:
        data = json.loads(body)
    except ValueError:
        data = _json_lines(body)
        if data is None:
            return body, headers
    if isinstance(data, dict):
        rows, columns = data.get("rows"), data.get("columns")
    else:
        rows, columns = data, None
    if not isinstance(rows, list):
        return body, headers
    value, url = _next_page(datasette, name, scope, receive, rows, columns)
    headers += _link(url)
    if isinstance(data, dict) and data and body.startswith(b"{"):
        # The two keys written in front, the rest of the body kept as Datasette wrote it: dumping it
        # again cost 0.3 ms more a search (its JSON carries the 20 KB of the query's SQL).
        written = {"next": value, "next_url": url}
        if notes is not None:
            full = len(rows) >= PAGED_QUERIES[name][0]
            written["notes"] = notes + ([RANKED_WINDOW_NOTE] if full and _ranked_window_ends(name, scope) else [])
        body = b"{" + json.dumps(written)[1:-1].encode() + b", " + body[1:]
    headers = [(key, str(len(body)).encode() if key.lower() == b"content-length" else header)
               for key, header in headers]
    return body, headers


def _json_lines(body: bytes) -> list | None:
    """The rows of _shape=array&_nl=on (one JSON object a line, no document around them), or
    None: a program streaming them line by line needs the next page as much as any other.
    (An empty body, a HEAD's or a page past the end, is None too: no rows, nothing to add.)"""
    try:
        return [json.loads(line) for line in body.splitlines() if line.strip()] or None
    except ValueError:
        return None


def _next_page(datasette, name, scope, receive, rows, columns) -> tuple[str | None, str | None]:
    """The next page's parameter value and its full address, or (None, None) on the last."""
    value = next_value(name, scope, rows, columns)
    if value is None:
        return None, None
    request = Request(scope, receive)
    replaced = {PAGED_QUERIES[name][1]: value}
    if replaced.keys() == {"after"}:
        replaced["page"] = None  # (a page number counts on from the article after: it would skip)
    return value, datasette.absolute_url(request, datasette.urls.path(path_with_replaced_args(request, replaced)))


def _link(url: str | None) -> list[tuple[bytes, bytes]]:
    return [(b"link", f'<{url}>; rel="next"'.encode("latin-1"))] if url else []
