"""Search latency on a large archive: the `search` saved query through Datasette's JSON API and
the same SQL in sqlite3, tantivy on the same articles as the outside reference, and the faceted
table search page. tantivy is timed two ways: finding the ids of the best matches ("ids"), and
doing the page's work as our saved query does ("page": 20 matches with their stored fields and a
highlighted snippet of the body), which is the like-for-like comparison. Also what the bounded ranking gives up: overlap of its top 20 with a full
bm25 ranking of every match. Prints Markdown tables.

The query set is chosen from the archive itself, deterministically: a rare term (a handful of
articles), a mid-frequency term (about 1%), a very common term (about a third), two terms, a
phrase, a prefix, a term in a one-year date range, a term within one outlet, a term newest first.

    python benchmarks/bench_search.py                       # builds a 10k archive if needed
    python benchmarks/bench_search.py --db benchmarks/out/corpus-1000000-ours.db \\
        --corpus benchmarks/out/corpus-1000000.jsonl --requests 40
    python benchmarks/bench_search.py --db ... --skip-api --no-tantivy --facet-tables article_facets \\
        [--no-facet-cache]                                   # the faceted page only, with or without
"""

import argparse
import hashlib
import http.client
import json
import os
import re
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import (REPO, HTTPFailed, Timer, free_port, git_revision, load, machine,  # noqa: E402
                    out_path, p50_p95_ms, start_server, table, timed_get_json)

from ingest.search import add_query_functions, fts_expression  # noqa: E402  (what the API's SQL calls)
from ingest.search import CHECKED_PARAMETERS  # noqa: E402  (bound as "" when run directly)
from ingest.datasette_plugin.facet_cache import ArchiveDatabase  # noqa: E402  (the server's page cache)
from ingest.serve import FACET_CACHE_SWITCH, load_metadata  # noqa: E402

SEARCH_PARAMS = ("q", "outlet", "author", "since", "until", "sort", "versions", "page")
WORD = re.compile(r"[a-z]{4,}")


# --- the query set -------------------------------------------------------------------------------

def fts_count(conn: sqlite3.Connection, match: str) -> int:
    return conn.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?", (match,)).fetchone()[0]


def choose_queries(conn: sqlite3.Connection, sample: int = 3000) -> list[dict]:
    """Terms picked by their share of articles: candidates from a sample of bodies, checked
    against the whole index (stemming included) by counting matches."""
    total = conn.execute("SELECT max(id) FROM articles").fetchone()[0]
    step = max(1, total // sample)
    df: Counter = Counter()
    first_sentences = []
    for (body,) in conn.execute("SELECT body FROM articles WHERE id % ? = 0 LIMIT ?", (step, sample)):
        df.update(set(WORD.findall(body.lower())))
        first_sentences.append(body.split(". ")[0])
    n = len(first_sentences)  # bodies sampled (the query stops at `sample`)
    articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]

    def pick(low: float, high: float, exclude=()) -> tuple[str, int]:
        target = (low + high) / 2
        for word, _ in sorted(df.items(), key=lambda item: (abs(item[1] / n - target), item[0])):
            if word in exclude:
                continue
            count = fts_count(conn, f'"{word}"')
            if low * articles <= count <= high * articles:
                return word, count
        raise SystemExit(f"no term in {low:.0%}-{high:.0%} of articles")

    common, _ = pick(0.28, 0.38)
    mid, _ = pick(0.008, 0.015, {common})
    mid2, _ = pick(0.008, 0.015, {common, mid})
    rare = None
    for word in sorted(w for w, c in df.items() if c == 1):
        if 3 <= fts_count(conn, f'"{word}"') <= 50:
            rare = word
            break
    phrase = None
    for sentence in first_sentences:
        words = WORD.findall(sentence.lower())
        for a, b in zip(words, words[1:]):
            if 0.01 <= df[a] / n <= 0.4 and 0.01 <= df[b] / n <= 0.4 and fts_count(conn, f'"{a} {b}"') >= 20:
                phrase = f'"{a} {b}"'
                break
        if phrase:
            break
    prefix = mid[: max(4, len(mid) - 3)] + "*"
    outlet = conn.execute(
        "SELECT outlets.name FROM articles JOIN outlets ON outlets.id = articles.outlet_id "
        "GROUP BY articles.outlet_id ORDER BY count(*) DESC LIMIT 1 OFFSET 20").fetchone()[0]
    year = conn.execute("SELECT substr(max(published), 1, 4) - 2 FROM articles").fetchone()[0]
    return [
        {"class": "rare term", "q": rare},
        {"class": "mid-frequency term", "q": mid},
        {"class": "very common term", "q": common},
        {"class": "two terms", "q": f"{common} {mid2}"},
        {"class": "phrase", "q": phrase},
        {"class": "prefix", "q": prefix},
        {"class": "term, one-year range", "q": mid, "since": f"{year}-01-01", "until": f"{year}-12-31"},
        {"class": "term, one outlet", "q": mid, "outlet": outlet},
        {"class": "term, newest first", "q": mid, "sort": "newest"},
        # The same three with the very common word: harder than the classes, reported
        # apart so that what the design does not do well is in the table too.
        {"class": "(stress) common term, one-year range", "q": common, "since": f"{year}-01-01",
         "until": f"{year}-12-31"},
        {"class": "(stress) common term, one outlet", "q": common, "outlet": outlet},
        {"class": "(stress) common term, newest first", "q": common, "sort": "newest"},
    ]


def params_of(query: dict) -> dict:
    return {**{name: query.get(name, "") for name in SEARCH_PARAMS}, CHECKED_PARAMETERS: ""}


# --- the three systems ---------------------------------------------------------------------------

def build_tantivy(corpus: Path, index_dir: Path, page: bool = False):
    """The same articles in tantivy: title and body stemmed like ours (English), outlet as a
    raw string, published as a fast integer for ranges and newest-first.

    `page`: also store what our result page shows (title, outlet, authors, date, URL and the
    body a snippet is cut from), so tantivy can be timed doing the page's work, not only
    finding the ids. A separate index: the stored fields make it larger and slower to build."""
    import tantivy

    builder = tantivy.SchemaBuilder()
    builder.add_integer_field("id", stored=True, indexed=True, fast=True)
    builder.add_text_field("title", tokenizer_name="en_stem", stored=page)
    builder.add_text_field("body", tokenizer_name="en_stem", stored=page)
    builder.add_text_field("outlet", tokenizer_name="raw", stored=page)
    builder.add_integer_field("published", indexed=True, fast=True, stored=page)
    if page:
        builder.add_text_field("authors", tokenizer_name="raw", stored=True)
        builder.add_text_field("url", tokenizer_name="raw", stored=True)
    schema = builder.build()
    if (index_dir / "meta.json").exists():
        return tantivy.Index(schema, path=str(index_dir)), schema, 0.0
    index_dir.mkdir(parents=True, exist_ok=True)
    index = tantivy.Index(schema, path=str(index_dir))
    with Timer() as timer:
        writer = index.writer(heap_size=300_000_000, num_threads=1)
        seen = set()  # digests, not bodies: a million bodies would hold 4 GB
        with open(corpus, "rb") as lines:
            for number, line in enumerate(lines, start=1):
                record = json.loads(line)
                digest = hashlib.blake2b(record["body"].encode(), digest_size=16).digest()
                if digest in seen:  # the archive keeps one copy of a duplicate
                    continue
                seen.add(digest)
                fields = dict(id=number, title=record["title"], body=record["body"], outlet=record["outlet"],
                              published=int(record["published"][:10].replace("-", "")))
                if page:
                    fields.update(authors=json.dumps(record.get("authors") or []), url=record.get("url") or "")
                writer.add_document(tantivy.Document(**fields))
        writer.commit()
        writer.wait_merging_threads()
    index.reload()
    return index, schema, timer.seconds


def tantivy_query(index, schema, query: dict):
    import tantivy

    text = query["q"]
    if text.endswith("*"):
        stem = text[:-1]
        parsed = tantivy.Query.boolean_query([
            (tantivy.Occur.Should, tantivy.Query.regex_query(schema, field, f"{stem}.*"))
            for field in ("title", "body")])
    else:
        parsed = index.parse_query(text, ["title", "body"], field_boosts={"title": 10.0},
                                   conjunction_by_default=True)
    musts = [(tantivy.Occur.Must, parsed)]
    if query.get("since"):
        low, high = (int(query[k].replace("-", "")) for k in ("since", "until"))
        musts.append((tantivy.Occur.Must, tantivy.Query.range_query(
            schema, "published", tantivy.FieldType.Integer, low, high)))
    if query.get("outlet"):
        musts.append((tantivy.Occur.Must, tantivy.Query.term_query(schema, "outlet", query["outlet"])))
    return tantivy.Query.boolean_query(musts) if len(musts) > 1 else parsed


def tantivy_hits(searcher, parsed, query: dict, limit: int) -> list:
    """The best (or, for newest first, the latest) `limit` matches' addresses."""
    order = {"order_by_field": "published"} if query.get("sort") == "newest" else {}
    return [address for _, address in searcher.search(parsed, limit, count=False, **order).hits]


def timed_runs(run, requests: int) -> list[float]:
    """Seconds of each of `requests` calls of run(), after two untimed warm-up calls."""
    times = []
    for i in range(requests + 2):
        started = time.perf_counter()
        run()
        if i >= 2:
            times.append(time.perf_counter() - started)
    return times


def time_tantivy(searcher, index, schema, query: dict, requests: int) -> list[float]:
    def ids():
        hits = tantivy_hits(searcher, tantivy_query(index, schema, query), query, 100)
        [searcher.doc(address) for address in hits[:20]]  # the stored id of what a page would show

    return timed_runs(ids, requests)


def time_tantivy_page(searcher, index, schema, query: dict, requests: int) -> list[float]:
    """tantivy doing what the saved query does for one page: the 20 best (or newest) matches
    with their stored title, outlet, authors, date and URL, and a highlighted snippet of about
    24 words (ours: FTS5's snippet(), 24 tokens) cut from the stored body."""
    import tantivy

    def page():
        parsed = tantivy_query(index, schema, query)
        hits = tantivy_hits(searcher, parsed, query, 20)
        snippets = tantivy.SnippetGenerator.create(searcher, parsed, schema, "body")
        snippets.set_max_num_chars(160)
        rows = []
        for address in hits:
            doc = searcher.doc(address)
            rows.append((doc["id"], doc["title"], doc["outlet"], doc["authors"], doc["published"],
                         doc["url"], snippets.snippet_from_doc(doc).to_html()))
        return rows

    return timed_runs(page, requests)


# --- the faceted table page --------------------------------------------------------------------------

FACETS = {"outlet_id", "authors", "published", "language"}  # the metadata's facets of both tables


def facet_page_path(conn: sqlite3.Connection, facet_table: str, query: dict) -> str:
    """The table page asked the way a user would: the words in the search box, a filter as a
    column filter, newest first as a sort. A prefix needs the raw search mode (the default one
    quotes the *)."""
    params = {"_search": query["q"], "_size": 20}
    if query["q"].endswith("*"):
        params["_searchmode"] = "raw"
    if query.get("since"):
        params["published__gte"] = query["since"]
        params["published__lte"] = query["until"] + "T99"
    if query.get("outlet"):
        params["outlet_id"] = conn.execute("SELECT id FROM outlets WHERE name = ?", (query["outlet"],)).fetchone()[0]
    if query.get("sort") == "newest":
        params["_sort_desc"] = "published"
    return f"/archive/{facet_table}.json?" + urlencode(params)


def time_facet_page(api, conn, facet_table: str, query: dict, requests: int) -> list:
    """p50/p95 of the page with every configured facet. Datasette leaves a facet that ran out of
    its time (facet_time_limit_ms) out of facet_results, so what is missing is what timed out."""
    path = facet_page_path(conn, facet_table, query)
    times, missing = [], set()
    for i in range(requests + 1):
        try:
            elapsed, page = timed_get_json(api, path)
        except HTTPFailed as error:
            return [facet_table, query["class"], _label(query), "", "", "", "", f"failed: {error}"]
        computed = set(page.get("facet_results", {}))
        missing |= FACETS - computed
        if i >= 1:
            times.append(elapsed)
    p50, p95 = p50_p95_ms(times)
    return [facet_table, query["class"], _label(query), page.get("filtered_table_rows_count"),
            ", ".join(sorted(FACETS - missing)), p50, p95, ", ".join(sorted(missing)) or "none"]


# --- ranking quality -------------------------------------------------------------------------------

def overlap_at_20(conn: sqlite3.Connection, sql: str, query: dict) -> tuple[float, float | None, int]:
    """Share of the full bm25 top 20 (every match that passes the filters ranked) that the
    saved query's top 20 holds; and, without a filter, the share of the bm25 top 20 of the same
    window (the newest 500 matches), which isolates what ordering the window without bm25 (for
    a very common word) gives up from what the window itself gives up."""
    match = fts_expression(query["q"]).replace('*"', '"*')
    full = [row[0] for row in conn.execute(
        "SELECT articles_fts.rowid FROM articles_fts JOIN articles ON articles.id = articles_fts.rowid "
        "LEFT JOIN outlets ON outlets.id = articles.outlet_id WHERE articles_fts MATCH :m "
        "AND (:outlet = '' OR outlets.name = :outlet) AND (:since = '' OR articles.published >= :since) "
        "AND (:until = '' OR substr(articles.published, 1, 10) <= :until) ORDER BY articles_fts.rank LIMIT 20",
        {"m": match, **params_of(query)})]
    ours = [row[0] for row in conn.execute(sql, params_of(query)).fetchmany(20)]
    windowed = None
    if not any(query.get(k) for k in ("outlet", "author", "since", "until", "sort")):
        window = [row[0] for row in conn.execute(
            "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? AND rowid >= (SELECT min(rowid) FROM "
            "(SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT 500)) "
            "ORDER BY rank LIMIT 20", (match, match))]
        windowed = len(set(window) & set(ours)) / len(window) if window else 1.0
    return (len(set(full) & set(ours)) / len(full) if full else 1.0), windowed, fts_count(conn, match)


def optimize_fts(db: Path) -> None:
    """FTS5's 'optimize': every segment of the index merged into one, so a query reads one list
    per word instead of one per segment (the archive's writer leaves a few dozen after a bulk
    ingest). Run after a large ingest; new articles go to new small segments again."""
    conn = sqlite3.connect(db)
    with conn:
        conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('optimize')")
    conn.close()


# --- main ------------------------------------------------------------------------------------------

def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", type=Path, help="an archive (default: build one of --n articles)")
    parser.add_argument("--corpus", type=Path, help="the JSON Lines it was built from (for tantivy)")
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=20, help="timed runs per query and system")
    parser.add_argument("--facet-requests", type=int, default=10)
    parser.add_argument("--port", type=int, help="default: a free one (a leftover server on a fixed port "
                        "would answer for another archive)")
    parser.add_argument("--no-tantivy", action="store_true")
    parser.add_argument("--facet-tables", nargs="+", default=["article_facets", "articles"],
                        help="table pages to time with their facets (articles: only the first three classes)")
    parser.add_argument("--skip-api", action="store_true",
                        help="time only the faceted table pages, not the saved query (API and SQL)")
    parser.add_argument("--no-facet-cache", action="store_true",
                        help="serve without the in-memory facet columns (Datasette's own SQL for the "
                             "facets and count of article_facets), to compare")
    parser.add_argument("--optimize", action="store_true",
                        help="merge the FTS index into one segment first (writes to --db; timed and reported)")
    args = parser.parse_args()
    if args.db is None:
        args.corpus = args.corpus or out_path(f"corpus-{args.n}.jsonl")
        if not args.corpus.exists():
            subprocess.run([sys.executable, str(Path(__file__).with_name("generate_corpus.py")),
                            "--n", str(args.n), "--out", str(args.corpus)], check=True)
        args.db = out_path(f"{args.corpus.stem}-ours.db")
        if not args.db.exists():
            subprocess.run([sys.executable, "-m", "ingest", "ingest", str(args.corpus), "--db", str(args.db),
                            "--json"], cwd=REPO, check=True, stdout=subprocess.DEVNULL)

    # Opening through the archive's own code applies pending migrations (indexes) once.
    from ingest.store import open_database
    open_database(args.db).close()
    optimized = ""
    if args.optimize:
        with Timer() as timer:
            optimize_fts(args.db)
        optimized = f"; FTS index merged into one segment ('optimize') first, in {timer.seconds:.0f} s"
    conn = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    add_query_functions(conn)
    # The page cache the server gives each of its connections, so that the SQL column times
    # what the API's SQL costs there (with SQLite's 2 MB the one-year range re-read 541 pages).
    conn.execute(f"PRAGMA cache_size = -{ArchiveDatabase.PAGE_CACHE_KIB}")
    articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    sql = load_metadata()["databases"]["archive"]["queries"]["search"]["sql"]
    queries = choose_queries(conn)
    print(f"queries: {json.dumps(queries)}", file=sys.stderr)

    index = schema = searcher = None
    tantivy_build = tantivy_page_build = 0.0
    if not args.no_tantivy and args.corpus:
        index, schema, tantivy_build = build_tantivy(args.corpus, out_path(f"{args.corpus.stem}-tantivy"))
        searcher = index.searcher()
        page_index, page_schema, tantivy_page_build = build_tantivy(
            args.corpus, out_path(f"{args.corpus.stem}-tantivy-page"), page=True)
        page_searcher = page_index.searcher()

    args.port = args.port or free_port()
    # The server inherits the environment (ingest/serve.py reads the switch).
    os.environ[FACET_CACHE_SWITCH] = "off" if args.no_facet_cache else "on"
    server = start_server(args.db, args.port)
    api = http.client.HTTPConnection("127.0.0.1", args.port, timeout=60)
    rows, loads = [], []
    try:
        # The server loads its facet columns in the background when it starts (a few seconds a
        # million articles, on one of the two cores): the saved query is timed after that, as a
        # server that has been up a while answers it, not beside its start-up work.
        cache = wait_for_facet_cache(api) if not args.no_facet_cache else "off"
        loads.append(load())
        for query in [] if args.skip_api else queries:
            path = "/archive/search.json?" + urlencode({**params_of(query), "_shape": "array"})
            api_times, sql_times = [], []
            params = params_of(query)
            # On a loaded machine a request can pass Datasette's time limit (2 s) and fail: the
            # warm-up is tried three times, and a timed request that fails is counted and reported
            # beside the class, not timed (it stopped the whole run before).
            errors = []
            for _ in range(3):
                try:
                    timed_get_json(api, path)
                    break
                except HTTPFailed as error:
                    errors.append(error)
            else:
                rows.append([query["class"], _label(query), "", "", f"failed: {errors[-1]}"])
                continue
            failed = 0
            for i in range(args.requests + 2):  # alternate, so both see the same machine load
                try:
                    elapsed, result = timed_get_json(api, path)
                except HTTPFailed:
                    failed += 1
                    continue
                with Timer() as timer:
                    sql_rows = conn.execute(sql, params).fetchall()
                if len(sql_rows) != len(result):
                    raise SystemExit(f"API {len(result)} rows, SQL {len(sql_rows)} for {query}")
                if i >= 2:
                    api_times.append(elapsed)
                    sql_times.append(timer.seconds)
            overlap, windowed, matches = overlap_at_20(conn, sql, query)
            api50, api95 = p50_p95_ms(api_times)
            sql50, sql95 = p50_p95_ms(sql_times)
            label = _label(query) + (f" ({failed} of {args.requests + 2} requests failed past the time limit, "
                                     "not timed)" if failed else "")
            row = [query["class"], label, matches, len(result), api50, api95, sql50, sql95]
            if searcher is not None:
                t50, t95 = p50_p95_ms(time_tantivy(searcher, index, schema, query, args.requests))
                p50, p95 = p50_p95_ms(time_tantivy_page(page_searcher, page_index, page_schema, query,
                                                        args.requests))
                row += [t50, t95, f"{api95 / t95:.1f}x", p50, p95, f"{api95 / p95:.1f}x", f"{sql95 / p95:.1f}x"]
            rows.append(row + ([f"{overlap:.0%}", "" if windowed is None else f"{windowed:.0%}"]
                               if "sort" not in query else ["n/a (by date)", ""]))
            print(row, file=sys.stderr, flush=True)
        loads.append(load())
        facet_rows = []
        for facet_table in args.facet_tables:
            for query in queries if facet_table == "article_facets" else queries[:3]:
                facet_rows.append(time_facet_page(api, conn, facet_table, query, args.facet_requests))
                print(facet_rows[-1], file=sys.stderr, flush=True)
        loads.append(load())
    finally:
        server.terminate()
        server.wait(timeout=10)

    headers = ["class", "query", "matches", "rows", "API p50 ms", "API p95 ms", "SQL p50 ms", "SQL p95 ms"]
    if searcher is not None:
        headers += ["tantivy ids p50 ms", "tantivy ids p95 ms", "API p95 / tantivy ids p95",
                    "tantivy page p50 ms", "tantivy page p95 ms", "API p95 / tantivy page p95",
                    "SQL p95 / tantivy page p95"]
    headers += ["top-20 overlap with full bm25", "with bm25 of the newest 500"]
    if not args.skip_api:
        print(table(headers, rows, title=(
            f"Search, {articles:,} articles ({args.db.name}); {args.requests} timed runs each; "
            f"{machine()}; rev {git_revision()}; {' / '.join(loads)}"
            + optimized + (f"; tantivy index built in {tantivy_build:.0f} s" if tantivy_build else "")
            + (f"; tantivy page index built in {tantivy_page_build:.0f} s" if tantivy_page_build else ""))))
    print(table(["page", "class", "query", "count", "facets computed", "p50 ms", "p95 ms", "facets not computed"],
                facet_rows, title=f"Faceted table search page (/archive/<table>.json?_search=..., the table's "
                                  f"metadata facets: outlet, authors, published by day, language); "
                                  f"{args.facet_requests} timed runs each; {articles:,} articles; {machine()}; rev "
                                  f"{git_revision()}; {' / '.join(loads[1:])}; in-memory facet columns: {cache}"))


def wait_for_facet_cache(api, wait: float = 600) -> str:
    """Wait until the server's in-memory facet columns have loaded (a few seconds a million
    articles), so that no timed request is answered by SQL for want of them; says how it went."""
    deadline = time.monotonic() + wait
    while True:
        _, state = timed_get_json(api, "/-/facet-cache.json")
        if state.get("ready") or state.get("failed") or not state.get("enabled", True) \
                or time.monotonic() > deadline:
            break
        time.sleep(0.5)
    if not state.get("ready"):
        return f"not used ({state.get('failed') or 'not ready'})"
    return f"{state['articles']:,} articles, {state['array_bytes'] / 1e6:.1f} MB of arrays"


def _label(query: dict) -> str:
    extra = [f"{k}={query[k]}" for k in ("since", "until", "outlet", "sort") if query.get(k)]
    return " ".join([query["q"], *extra])


if __name__ == "__main__":
    main()
