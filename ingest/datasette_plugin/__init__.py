"""Datasette plugin for the archive: highlighted search snippets, links from query results to
articles, and the data of the article page (templates/row-archive-articles.html).

Registered through the `datasette` entry point in pyproject.toml, so a plain
`datasette archive.db -m metadata.yml` loads it too once the package is installed. Everything an
article contains is escaped here or by Jinja's autoescape: nothing from a page becomes markup.
"""

import json
import re
from urllib.parse import parse_qsl, quote

from datasette import Response, hookimpl
from datasette.filters import FilterArguments, Filters, through_filters
from datasette.utils import escape_fts, path_with_replaced_args
from datasette.utils.asgi import BadRequest
from datasette.views.base import ureg
from markupsafe import Markup, escape

from ..search import MAX_PAGE, PAGE_SIZE, BadParameter, check_parameter, check_parameters
from .facet_cache import REQUEST_MATCHES, latest_versions_clause, latest_versions_clause_for_columns

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


# Control characters and every kind of white space, read as one plain space before escaping.
# FTS5 ends a query at a NUL ("unterminated string"), and Datasette's escape_fts() only knows a
# quoted phrase on one line, so a quote followed by a newline (pasted text, an API call) left a
# bare quote in the expression ("fts5: syntax error").
_SEPARATORS = re.compile(r"[\x00-\x1f\x7f-\x9f\s]+")


def escape_fts_never_empty(query: str | None) -> str:
    """Datasette's escape_fts(), except that a search with no words ("", spaces, a lone quote)
    becomes the empty phrase '""', which matches nothing, instead of '', which FTS5 rejects:
    submitting an empty search box must not end in "Invalid SQL". Control characters and line
    breaks separate words, as spaces do."""
    return escape_fts(_SEPARATORS.sub(" ", query or "")) or '""'


@hookimpl(trylast=True)
def prepare_connection(conn):
    # trylast: runs after Datasette's own prepare_connection, so this escape_fts replaces its
    # one for every query, the table search (?_search=) included.
    conn.create_function("escape_fts", 1, escape_fts_never_empty, deterministic=True)


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
    try:
        check_parameter("_versions", request.args.get("_versions"))
    except BadParameter as error:
        raise BadRequest(str(error)) from None
    if request.args.get("_versions") == "all":
        return None
    raw = request.args.get("_searchmode") == "raw"
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
    parameters as they were typed: a plugin can neither change nor refuse them otherwise."""
    check_parameters(names.split("_"), request.args if request is not None else {})
    return ""


@hookimpl
def register_magic_parameters(datasette):
    return [("valid", _checked_parameters)]


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    if database == DATABASE_NAME and table is None and isinstance(value, int):
        return _version_link(row, value, column, datasette)
    if database != DATABASE_NAME or not isinstance(value, str):
        return None
    if column == "authors" and table in ("articles", None):
        return _author_links(datasette, value)
    # The rest is for results of queries (saved or typed): table pages have their own links.
    if table is not None:
        return None
    if column == "snippet":
        return highlight(value)
    if column == "title":
        keys = row.keys()
        article_id = row["article_id"] if "article_id" in keys else row["id"] if "id" in keys else None
        if isinstance(article_id, int):
            href = datasette.urls.row(DATABASE_NAME, "articles", str(article_id))
            return Markup('<a href="{}">{}</a>').format(href, value)
    if column == "previous_title" and "previous_id" in row.keys() and isinstance(row["previous_id"], int):
        href = datasette.urls.row(DATABASE_NAME, "articles", str(row["previous_id"]))
        return Markup('<a href="{}">{}</a>').format(href, value)
    return None


def _version_link(row, value: int, column: str, datasette) -> Markup | None:
    """The `search` query's version columns as links: earlier_versions to the `versions` query
    of the result's story, later_version to the article that replaced the text shown."""
    if column == "later_version":
        href = datasette.urls.row(DATABASE_NAME, "articles", str(value))
        return Markup('<a href="{}">#{}</a>').format(href, value)
    if column == "earlier_versions" and value > 0 and isinstance(row["id"] if "id" in row.keys() else None, int):
        href = datasette.urls.path(f"/{DATABASE_NAME}/versions") + f"?article={row['id']}"
        return Markup('<a href="{}">{}</a>').format(href, value)
    return None


@hookimpl
def asgi_wrapper(datasette):
    """Each request gets its own memo of the matches its count and facets share
    (facet_cache.REQUEST_MATCHES), dropped when the request ends."""

    def wrap(app):
        async def with_memo(scope, receive, send):
            refused = _refused_csv(datasette, scope)
            if refused is not None:
                await send({"type": "http.response.start", "status": 400,
                            "headers": [(b"content-type", b"text/plain; charset=utf-8")]})
                await send({"type": "http.response.body", "body": (refused + "\n").encode()})
                return
            token = REQUEST_MATCHES.set({})
            try:
                await app(scope, receive, send)
            finally:
                REQUEST_MATCHES.reset(token)

        return with_memo

    return wrap


_CSV_QUERY = re.compile(rf"^/{DATABASE_NAME}/([\w-]+)\.csv$")
_CHECKS = re.compile(r":_valid_(\w+)")


def _refused_csv(datasette, scope) -> str | None:
    """Why a saved query's CSV cannot be given, or None. Datasette answers a CSV whose query
    failed with an empty body and status 200, so a script fetching search.csv?since=notadate
    got an empty file as if nothing matched: its parameters are checked here first, as the
    query's own magic parameter checks them for the page and the JSON."""
    if scope.get("type") != "http":
        return None
    match = _CSV_QUERY.match(scope.get("path", ""))
    if match is None:
        return None
    query = (datasette.metadata("queries", database=DATABASE_NAME) or {}).get(match[1])
    checks = _CHECKS.search(query.get("sql", "") if isinstance(query, dict) else "")
    if checks is None:
        return None
    args: dict[str, str] = {}
    for key, value in parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True):
        args.setdefault(key, value)
    try:
        check_parameters(checks[1].split("_"), args)
    except BadParameter as error:
        return str(error)
    return None


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
SELECT sources.id, sources.location, sources.format, sources.status, sources.url,
       sources.published, sources.seen_at, sources.last_seen, outlets.name AS outlet
FROM sources LEFT JOIN outlets ON outlets.id = sources.outlet_id
WHERE sources.article_id = :id
ORDER BY sources.published, sources.seen_at, sources.id
"""


# The saved query whose page links to its next and previous pages (templates/query-archive-search.html).
PAGED_SEARCH_TEMPLATE = "query-archive-search.html"


def search_page_links(request, datasette) -> dict:
    """The `search` page's links to its neighbours, every other parameter kept: `page` is a
    parameter of the query, which a user had to edit by hand. `next` is given for any valid
    page; the template shows it only when the page is full (PAGE_SIZE rows), as a shorter
    page is the last. A page that is no page number (the query's error) links nowhere."""
    value = request.args.get("page") or "1"
    try:
        check_parameter("page", value)
    except BadParameter:
        return {"page_size": PAGE_SIZE, "previous_page": None, "next_page": None}
    page = int(value)

    def link(number: int) -> str:
        return datasette.urls.path(path_with_replaced_args(request, {"page": str(number)}))

    return {"page_size": PAGE_SIZE, "previous_page": link(page - 1) if page > 1 else None,
            "next_page": link(page + 1) if page < MAX_PAGE else None}


@hookimpl
def extra_template_vars(template, database, table, view_name, request, datasette):
    if template == PAGED_SEARCH_TEMPLATE and request is not None:
        return search_page_links(request, datasette)
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
        sources = [dict(row) for row in (await db.execute(SOURCES_SQL, {"id": int(pks)})).rows]
        for source in sources:
            source["link"] = _web_link(source["url"])
        versions = [dict(row) for row in (await db.execute(
            VERSIONS_SQL, {"id": int(pks), "previous": article["previous_version"]})).rows]
        return {"article": article, "article_sources": sources, "article_versions": versions}

    return article_vars


def _author_links(datasette, authors_json: str) -> Markup | None:
    """A JSON array of names as links to each author's articles (the array facet's filter)."""
    names = _json_list(authors_json)
    if not names:
        return None
    base = datasette.urls.table(DATABASE_NAME, "articles")
    return Markup(", ").join(
        Markup('<a href="{}?authors__arraycontains={}">{}</a>').format(base, quote(name), name)
        for name in names
    )


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
