"""The served archive through Datasette's own client: table search and facets, every saved query,
the article page, hostile searches, and the read-only settings. The archive is built once, by the
real ingest, from the small hand-written articles in tests/data/served/."""

import asyncio
import importlib
import json
import re
import sqlite3
import subprocess
import sys
from html import unescape
from pathlib import Path
from urllib.parse import parse_qs, quote

import pytest

from ingest.pipeline import run_ingest
from ingest.resources import samples_dir
from ingest.serve import SETTINGS, build_datasette, count_articles, ensure_archive, load_metadata

from conftest import ARTICLE_TEXT, LIMITS_FOR_ANSWERS

REPO = Path(__file__).resolve().parents[1]
SERVED_DATA = Path(__file__).resolve().parent / "data" / "served"
SAVED_QUERIES = ("search", "by_author", "by_outlet", "timeline", "syndication", "coverage", "versions",
                 "new_articles", "near_copies")
# What people paste into a search box; FTS5 would read most of these as (broken) syntax.
# (-ferry alone is no longer here: leaving words out with nothing to find is a 400 with a message,
# tests/test_query_language.py)
HOSTILE_QUERIES = ['"', 'ferry"', '"ferry', "*", "ferry*", "NEAR(", "NEAR(ferry strike", "-", "ferry -",
                   "", "   ", "AND", "OR OR", "(", ")", "^", "col:ferry", "title:", "'", "\\", "%", "\u200b",
                   # a NUL ended FTS5's reading of the query; a quote then a line break left a bare quote
                   "ferry\x00", "\x00", "fer\x00ry", '"\n-', 'ferry "\nstrike', "ferry\r\nstrike", "\x01"]


@pytest.fixture(scope="session")
def archive_path(tmp_path_factory) -> Path:
    # Not called archive.db on purpose: serve must present any file as /archive.
    path = tmp_path_factory.mktemp("served") / "clippings.db"
    summary = run_ingest([str(SERVED_DATA)], str(path), workers=1)
    assert summary.failed == 0 and summary.stored == 6 and summary.duplicate == 2
    return path


@pytest.fixture(scope="session")
def served(archive_path):
    """get(path) -> httpx response from a Datasette on the archive, through its ASGI client."""
    datasette = build_datasette(archive_path)
    loop = asyncio.new_event_loop()
    loop.run_until_complete(datasette.invoke_startup())

    def get(path: str):
        return loop.run_until_complete(datasette.client.get(path))

    get.datasette = datasette
    yield get
    loop.close()


def rows(get, path: str) -> list[dict]:
    """The rows of a JSON page, failing with the error Datasette gave if it was not 200."""
    separator = "&" if "?" in path else "?"
    response = get(f"{path}{separator}_shape=array")
    assert response.status_code == 200, response.text
    return response.json()


def article_ids(get, title: str) -> int:
    (row,) = rows(get, f"/archive/articles.json?title={quote(title)}&_col=id")
    return row["id"]


# --- metadata ----------------------------------------------------------------------------------

def test_metadata_describes_the_data_and_every_saved_query():
    metadata = load_metadata()
    for key in ("title", "description_html", "source", "license"):
        assert metadata.get(key), key
    assert "How to search" in metadata["description_html"]
    queries = metadata["databases"]["archive"]["queries"]
    assert set(queries) == set(SAVED_QUERIES)
    for name, query in queries.items():
        assert query["title"] and query["description_html"], name
        assert ":" in query["sql"], f"{name} has no named parameter"
        if "match" in query["sql"]:
            assert "escape_fts(:q)" in query["sql"], f"{name} must escape what users type"


@pytest.mark.parametrize("query, fields", [
    # the words first: the search form asked for since, until, outlet, author, sort, page and then q
    ("search", ["q", "outlet", "author", "since", "until", "sort", "versions", "page"]),
    ("timeline", ["q", "outlet", "split", "versions", "page"]),
    ("by_author", ["author", "before", "page"]),
    ("by_outlet", ["outlet", "before", "page", "after"]),
    ("versions", ["q", "article", "page"]),
])
def test_saved_query_forms_ask_for_the_words_first(served, query, fields):
    import re

    page = served(f"/archive/{query}").text
    # a text box, or a list of choices (metadata.yml's fields, datasette_plugin.with_field_hints)
    assert re.findall(r'<(?:input type="text"|select) id="qp\d+" name="([^"]+)"', page) == fields


def test_a_saved_query_that_orders_its_fields_lists_every_parameter():
    import re

    # Datasette binds "" only for the parameters listed: one left out would fail every request.
    for name, query in load_metadata()["databases"]["archive"]["queries"].items():
        if "params" in query:
            used = {p for p in re.findall(r"(?<![:\w]):([a-z]\w*)", query["sql"])}
            assert used == set(query["params"]), name


def test_internal_and_fts_tables_are_hidden(served):
    tables = {t["name"]: t["hidden"] for t in served("/archive.json").json()["tables"]}
    for name in ("articles", "outlets", "authors", "sources"):
        assert tables[name] is False, name
    for name in ("articles_fts", "articles_fts_data", "articles_fts_idx", "articles_fts_docsize",
                 "articles_fts_config", "ingest_runs", "_sqlite_migrations", "article_authors",
                 "sqlite_sequence", "input_files", "article_facets_changes"):
        assert tables[name] is True, name


def test_ready_made_views_in_the_description_all_answer(served):
    import re

    links = re.findall(r'href="(/archive[^"]*)"', load_metadata()["description_html"])
    assert len(links) >= 5
    for link in links:
        response = served(link.replace("&amp;", "&"))
        assert response.status_code == 200, link


# --- table search and facets -------------------------------------------------------------------

def test_articles_are_listed_newest_first(served):
    published = [r["published"] for r in rows(served, "/archive/articles.json?_col=published")]
    dated = [p for p in published if p]
    assert dated == sorted(dated, reverse=True) and len(dated) == 5


@pytest.mark.parametrize("table", ["articles", "article_facets"])
@pytest.mark.parametrize("asked", ["_facet=outlet_id", "_facet_array=authors", "_facet_day=published",
                                   "_facet_date=published", "_facet=language&_facet=language"])
def test_a_facet_the_table_gives_already_is_counted_once(served, table, asked):
    # A program that asks for the facets it wants, not knowing the table gives them, got each
    # one twice, under its name and under "outlet_id_2" (the page showed it twice), counted twice.
    page = served(f"/archive/{table}.json?_search=larchmouth&{asked}").json()
    assert set(page["facet_results"]) == {"outlet_id", "authors", "published", "language"}, asked
    # near miss: a facet the table does not give is added, once
    page = served(f"/archive/{table}.json?_search=larchmouth&{asked}&_facet=title&_facet=title").json()
    assert set(page["facet_results"]) == {"outlet_id", "authors", "published", "language", "title"}, asked


def test_table_search_uses_the_fts_index(served):
    # If Datasette did not see articles_fts, ?_search= would be ignored and all 6 rows returned.
    found = rows(served, "/archive/articles.json?_search=library&_col=title")
    assert [r["title"] for r in found] == ["Library website showed <em>raw code</em> to visitors"]
    stemmed = rows(served, "/archive/articles.json?_search=cancel&_col=title")
    assert {r["title"] for r in stemmed} == {"Ferry strike halts every crossing at Larchmouth"}


def test_search_then_narrow_by_facets(served):
    page = served("/archive/articles.json?_search=larchmouth&_labels=on").json()
    assert len(page["rows"]) == 4  # strike, agency story, vote, French story
    facets = page["facet_results"]
    assert set(facets) == {"outlet_id", "authors", "published", "language"}
    outlets = {f["label"]: f["count"] for f in facets["outlet_id"]["results"]}
    assert outlets == {"Coastal Herald": 2, "Valley Times": 1, "Le Phare": 1}
    authors = {f["value"]: f["count"] for f in facets["authors"]["results"]}
    assert authors == {"Ines Varga": 2, "Oskar Lind": 1, "Piet Brandt": 1, "Élodie Marchal": 1}
    assert {f["value"] for f in facets["language"]["results"]} == {"en", "fr"}
    assert "2024-03-04" in {f["value"] for f in facets["published"]["results"]}
    # Foreign keys show names, not ids.
    assert {r["outlet_id"]["label"] for r in page["rows"]} == set(outlets)

    # Clicking a facet value follows its toggle_url: the search stays, the filter is added.
    herald = next(f for f in facets["outlet_id"]["results"] if f["label"] == "Coastal Herald")
    narrowed = served(herald["toggle_url"].replace("http://localhost", "")).json()
    assert {r["title"] for r in narrowed["rows"]} == {
        "Ferry strike halts every crossing at Larchmouth", "Larchmouth ferry talks resume"}
    by_author = rows(served, f"/archive/articles.json?_search=larchmouth&outlet_id={herald['value']}"
                             f"&authors__arraycontains={quote('Ines Varga')}&_col=title")
    assert [r["title"] for r in by_author] == ["Ferry strike halts every crossing at Larchmouth"]


def test_table_pagination_with_next(served):
    first = served("/archive/articles.json?_size=4&_col=title&_shape=objects").json()
    assert len(first["rows"]) == 4 and first["next"]
    second = served(f"/archive/articles.json?_size=4&_col=title&_shape=objects&_next={first['next']}").json()
    assert len(second["rows"]) == 2 and second["next"] is None
    assert not {r["id"] for r in first["rows"]} & {r["id"] for r in second["rows"]}


@pytest.mark.parametrize("text", HOSTILE_QUERIES)
def test_hostile_table_search_never_fails(served, text):
    found = rows(served, f"/archive/articles.json?_search={quote(text)}&_col=title")
    if "ferry" in text.lower() and "near(" not in text.lower() and not text.startswith("col:"):
        assert found, f"{text!r} should still find the ferry stories"
    assert served(f"/archive/articles?_search={quote(text)}").status_code == 200


def test_any_text_escaped_for_search_is_valid_fts5():
    """Every string of these pieces (syntax words, quotes, control characters, line breaks, odd
    spaces) is escaped into an expression FTS5 accepts, as the saved queries and ?_search= use it."""
    import random

    from ingest.search import fts_expression

    pieces = ['"', "'", "*", "-", "(", ")", ":", "^", "+", "{", "}", ",", ".", "\\", "AND", "OR", "NOT",
              "NEAR", " ", "ferry", "\x00", "\x01", "\t", "\n", "\r", "\x85", "\u2028", "\u3000", "\xa0",
              "\u200b", "é"]
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(title, body, tokenize='porter unicode61 remove_diacritics 2')")
    conn.execute("INSERT INTO t VALUES ('ferry strike', 'crossing')")
    generator = random.Random(14)
    for _ in range(20000):
        text = "".join(generator.choice(pieces) for _ in range(generator.randint(0, 7)))
        expression = fts_expression(text)
        for candidate in (expression, expression.replace('*"', '"*')):  # as the search query makes prefixes
            try:
                conn.execute("SELECT rowid FROM t WHERE t MATCH ?", (candidate,)).fetchall()
            except sqlite3.OperationalError as error:
                pytest.fail(f"{text!r} -> {candidate!r}: {error}")


def test_raw_search_mode_offers_fts_syntax_and_rejects_broken_syntax_as_a_user_error(served):
    found = rows(served, "/archive/articles.json?_searchmode=raw&_search=" + quote("librar* OR stoppage") + "&_col=title")
    assert {r["title"] for r in found} == {
        "Library website showed <em>raw code</em> to visitors", "Crews vote to end the Larchmouth ferry stoppage"}
    assert served("/archive/articles.json?_searchmode=raw&_search=" + quote("NEAR(")).status_code == 400


@pytest.mark.parametrize("page", ["articles", "article_facets"])
@pytest.mark.parametrize("search, told", [
    # FTS5's own words alone, titled "Invalid SQL" though no SQL was written: "no such column: op"
    # for a hyphenated word (in FTS5 "co-op" is the column "co" minus "op"), "fts5: syntax error
    # near ..." for a stray mark. Now the parameter, that it is SQLite's search syntax, and what to do.
    ("co-op", "no such column: op"),
    ("_search_title=U.S.", 'fts5: syntax error near "."'),
    ("ferry AND", 'fts5: syntax error near ""'),
    ("", 'fts5: syntax error near ""'),  # a search box emptied: FTS5 reads no expression
])
def test_a_broken_raw_search_says_which_parameter_and_how_to_mend_it(served, page, search, told):
    key, _, value = search.rpartition("=")
    response = served(f"/archive/{page}.json?_searchmode=raw&{key or '_search'}=" + quote(value))
    assert response.status_code == 400
    error = response.json()["error"]
    assert error.startswith(f"{key or '_search'}: {value!r} is not a search in SQLite's full-text syntax "
                            "(_searchmode=raw): " + told)
    assert "without _searchmode=raw" in error
    page_answer = served(f"/archive/{page}?_searchmode=raw&{key or '_search'}=" + quote(value))
    assert page_answer.status_code == 400 and "without _searchmode=raw" in page_answer.text


@pytest.mark.parametrize("search", ['"co-op"', "title:ferry", "ferr* OR strike", "NEAR(ferry strike)"])
def test_a_well_formed_raw_search_is_not_refused(served, search):
    assert served("/archive/articles.json?_searchmode=raw&_search=" + quote(search)).status_code == 200


# --- saved queries -----------------------------------------------------------------------------

def test_search_ranks_title_matches_first_and_highlights(served):
    found = rows(served, "/archive/search.json?q=strike")
    titles = [r["title"] for r in found]
    # "strike" is in the first story's title and body, and only in the body of none else.
    assert titles[0] == "Ferry strike halts every crossing at Larchmouth"
    assert found[0]["outlet"] == "Coastal Herald"
    assert json.loads(found[0]["authors"]) == ["Ines Varga", "Oskar Lind"]
    assert "<mark>strike</mark>" in found[0]["snippet"].lower()
    ranks = [r["rank"] for r in found]
    assert ranks == sorted(ranks)


def test_search_filters_outlet_author_and_dates(served):
    base = "/archive/search.json?q=larchmouth"
    assert len(rows(served, base)) == 4
    assert {r["outlet"] for r in rows(served, f"{base}&outlet=Valley+Times")} == {"Valley Times"}
    assert {r["title"] for r in rows(served, f"{base}&author=Ines+Varga")} == {
        "Ferry strike halts every crossing at Larchmouth", "Crews vote to end the Larchmouth ferry stoppage"}
    window = rows(served, f"{base}&since=2024-03-05&until=2024-03-06")
    assert {r["published"] for r in window} == {"2024-03-05", "2024-03-06"}
    # until is inclusive of a timestamped day.
    assert len(rows(served, f"{base}&since=2024-03-04&until=2024-03-04")) == 1


def test_search_accents_and_phrases(served):
    assert [r["outlet"] for r in rows(served, "/archive/search.json?q=greve")] == ["Le Phare"]
    assert len(rows(served, '/archive/search.json?q="ferry+talks"')) == 1
    assert rows(served, '/archive/search.json?q="talks+ferry"') == []


def test_by_author_latest_first_with_paging(served):
    found = rows(served, "/archive/by_author.json?author=Oskar+Lind")
    assert [r["title"] for r in found] == [
        "Ferry strike halts every crossing at Larchmouth", "Library website showed <em>raw code</em> to visitors"]
    older = rows(served, f"/archive/by_author.json?author=Oskar+Lind&before={found[0]['published']}")
    assert [r["title"] for r in older] == [found[1]["title"]]
    assert rows(served, "/archive/by_author.json?author=Nobody+Known") == []
    assert rows(served, "/archive/by_author.json?author=oskar+LIND") == found  # typed in any case


def harbor_note(i: int, published: str | None) -> dict:
    """One of many invented notes of one outlet and author, all matching "harbour"."""
    return {"title": f"Harbor note {i}", "outlet": "The Harbor Ledger", "authors": ["Ann Lee"],
            "published": published, "body": f"Note {i} of the day from the harbour master. " + ARTICLE_TEXT}


def served_notes(folder: Path, records: list[dict]):
    """Ingest `records` as one JSON Lines file into a new archive and serve it: (get(path), the
    event loop to close)."""
    (folder / "notes.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n")
    assert run_ingest([str(folder / "notes.jsonl")], str(folder / "a.db"), workers=1).stored == len(records)
    datasette = build_datasette(folder / "a.db")
    loop = asyncio.new_event_loop()
    loop.run_until_complete(datasette.invoke_startup())
    return (lambda path: loop.run_until_complete(datasette.client.get(path))), loop


@pytest.mark.parametrize("query, who", [("by_outlet", "outlet=The+Harbor+Ledger"),
                                        ("by_author", "author=Ann+Lee")])
def test_paging_by_author_or_outlet_loses_no_article(tmp_path_factory, query, who):
    # 130 articles of one day and 5 undated: paging "before the last date shown" skipped the 30
    # of that day not yet shown, and never reached the undated ones.
    records = [harbor_note(i, "2024-05-02" if i < 130 else None) for i in range(135)]
    get, loop = served_notes(tmp_path_factory.mktemp("paging"), records)

    pages = [rows(get, f"/archive/{query}.json?{who}&page={page}") for page in (1, 2, 3)]
    assert [len(page) for page in pages] == [100, 35, 0]
    assert sorted(r["title"] for page in pages for r in page) == sorted(r["title"] for r in records)
    assert rows(get, f"/archive/{query}.json?{who}&before=2024-05-02") == []  # a filter: none older
    loop.close()


def test_by_outlet_latest_first(served):
    found = rows(served, "/archive/by_outlet.json?outlet=Coastal+Herald")
    assert [r["published"] for r in found] == ["2024-03-06", "2024-03-04T08:30:00+00:00", None]
    assert rows(served, "/archive/by_outlet.json?outlet=coastal+herald") == found  # typed in any case


def test_timeline_counts_articles_per_day(served):
    days = rows(served, "/archive/timeline.json?q=larchmouth")
    assert [(d["day"], d["articles"]) for d in days] == [
        ("2024-03-04", 1), ("2024-03-05", 1), ("2024-03-06", 1), ("2024-03-10", 1)]
    assert all(d["outlet"] is None for d in days)
    split = rows(served, "/archive/timeline.json?q=ferry&split=outlet")
    assert ("2024-03-10", "Valley Times", 1) in [(d["day"], d["outlet"], d["articles"]) for d in split]
    one = rows(served, "/archive/timeline.json?q=ferry&outlet=Coastal+Herald")
    assert [d["day"] for d in one] == ["2024-03-04", "2024-03-06"]


def test_syndication_lists_every_copy(served):
    copies = rows(served, "/archive/syndication.json")
    assert {c["title"] for c in copies} == {"Larchmouth ferry talks resume"}
    assert sorted((c["outlet"], c["published"]) for c in copies) == [
        ("Coastal Herald", "2024-03-06"), ("Evening Lantern", "2024-03-07"), ("Valley Times", "2024-03-06")]
    assert {c["copies"] for c in copies} == {3} and {c["outlets"] for c in copies} == {3}
    assert all(c["url"].startswith("https://") and c["seen_at"] for c in copies)
    assert rows(served, "/archive/syndication.json?q=mediator") == copies
    assert rows(served, "/archive/syndication.json?q=library") == []


@pytest.mark.parametrize("second_place, syndicated", [
    ("moved", False),  # the same file in a renamed folder: every story read as syndicated
    ("copied", False),  # the same file copied to a second folder
    ("other address", True),  # near miss: the same outlet ran it under a second address
])
def test_a_moved_folder_is_not_syndication(tmp_path, second_place, syndicated):
    from conftest import run_cli

    first = tmp_path / "clips"
    first.mkdir()
    (first / "a.txt").write_text("Flood closes Millbrook bridge\n\n" + ARTICLE_TEXT)
    (first / "a.json").write_text(json.dumps({"outlet": "The Harbor Ledger", "url": "https://harborledger.example/a"}))
    db = tmp_path / "a.db"
    run_ingest([str(first)], str(db), workers=1)
    second = tmp_path / "clippings-2024"
    if second_place == "moved":
        first.rename(second)
    else:
        import shutil

        shutil.copytree(first, second)
        if second_place == "other address":
            (second / "a.json").write_text(json.dumps({"outlet": "The Harbor Ledger", "url": "https://harborledger.example/b"}))
    assert run_ingest([str(second)], str(db), workers=1).duplicate == 1
    datasette = build_datasette(db)
    loop = asyncio.new_event_loop()
    loop.run_until_complete(datasette.invoke_startup())
    copies = rows(lambda path: loop.run_until_complete(datasette.client.get(path)), "/archive/syndication.json")
    loop.close()
    assert len(copies) == (2 if syndicated else 0)
    figures = json.loads(run_cli("stats", "--db", db, "--json").stdout)
    assert figures["syndicated_articles"] == int(syndicated)


def test_coverage_per_outlet(served):
    found = rows(served, "/archive/coverage.json?q=ferry")
    assert found[0] == {"outlet": "Coastal Herald", "articles": 2, "first": "2024-03-04", "last": "2024-03-06"}
    assert {r["outlet"]: r["articles"] for r in found} == {"Coastal Herald": 2, "Valley Times": 1}


@pytest.mark.parametrize("query", ["search", "timeline", "syndication", "coverage"])
@pytest.mark.parametrize("text", HOSTILE_QUERIES)
def test_hostile_saved_query_searches_never_fail(served, query, text):
    found = rows(served, f"/archive/{query}.json?q={quote(text)}")
    if not text.strip().strip('"*-^()\\%\'') and query != "syndication":
        assert found == []  # no words: nothing matches, nothing fails
    assert served(f"/archive/{query}?q={quote(text)}").status_code == 200


@pytest.mark.parametrize("path, said", [
    # each silently matched nothing (a date compared as text) or everything (before=garbage)
    ("search?q=ferry&since=notadate", "since: 'notadate' is not a date"),
    ("search?q=ferry&until=2024-13-01", "until: '2024-13-01' is not a date"),
    ("search?q=ferry&since=2024-02-30", "since: '2024-02-30' is not a date"),
    ("search?q=ferry&since=5+March+2024", "since: '5 March 2024' is not a date"),
    ("search?q=ferry&since=03/05/2024", "since: '03/05/2024' is not a date"),
    # digits of other scripts (a phone's or an input method's full-width ones) were taken as a
    # date's and compared as text with the stored ASCII ones: since matched nothing, until everything
    ("search?q=ferry&since=%EF%BC%92%EF%BC%90%EF%BC%92%EF%BC%94", "since: '\uff12\uff10\uff12\uff14' is not a date"),
    ("search?q=ferry&until=%D9%A2%D9%A0%D9%A2%D9%A4-03", "until: '\u0662\u0660\u0662\u0664-03' is not a date"),
    ("by_outlet?outlet=Coastal+Herald&before=2024-%EF%BC%90%EF%BC%93", "before: '2024-\uff10\uff13' is not a date"),
    # a time of no clock sorted after every time of its day, and matched nothing of it
    ("search?q=ferry&since=2024-03-05T25:99", "since: '2024-03-05T25:99' is not a date"),
    ("by_author?author=Ines+Varga&before=2024-03-05T10:60:00", "before: '2024-03-05T10:60:00' is not a date"),
    ("search?q=ferry&sort=oldest", "sort: 'oldest' is not one of its choices"),
    ("search?q=ferry&page=0", "page: '0' is not a page number"),
    ("search?q=ferry&page=two", "page: 'two' is not a page number"),
    ("search?q=ferry&page=99999999999999999999", "page: 99999999999999999999 is beyond the last page"),
    ("search?q=ferry&since=2025-01-01&until=2024-12-31", "since 2025-01-01 is after until 2024-12-31"),
    ("search?q=ferry&since=2024-03-07&until=2024-03-06", "since 2024-03-07 is after until 2024-03-06"),
    ("by_author?author=Ines+Varga&before=garbage", "before: 'garbage' is not a date"),
    ("by_outlet?outlet=Coastal+Herald&before=yesterday", "before: 'yesterday' is not a date"),
    ("by_outlet?outlet=Coastal+Herald&page=last", "page: 'last' is not a page number"),
    ("timeline?q=ferry&split=outlets", "split: 'outlets' is not one of its choices"),
])
def test_a_malformed_parameter_is_an_error_the_user_sees(served, path, said):
    name, query = path.split("?")
    answer = served(f"/archive/{name}.json?{query}")
    assert answer.status_code == 400 and said in answer.json()["error"]
    page = served(f"/archive/{name}?{query}")  # the page shows it above the form, the value kept
    assert page.status_code == 400 and said.replace("'", "&#39;") in page.text
    assert 'class="message-error"' in page.text


# (a saved query's address, the one line the server logs for it; None: nothing logged)
REFUSAL_LOGS = [
    ("search?q=ferry&since=notadate", "since: 'notadate' is not a date"),
    ("search.json?q=ferry&page=0", "page: '0' is not a page number"),
    ("search?q=ferry&since=2025-01-01&until=2024-12-31", "since 2025-01-01 is after until 2024-12-31"),
    ("by_outlet.json?outlet=Coastal+Herald&before=yesterday", "before: 'yesterday' is not a date"),
    # near misses: well-formed parameters log nothing
    ("search?q=ferry&since=2024-03-05", None),
    ("by_outlet.json?outlet=Coastal+Herald&before=2024-03-06", None),
]


@pytest.mark.parametrize("path, said", REFUSAL_LOGS)
def test_a_refused_parameter_is_one_line_of_the_server_log(served, capsys, path, said):
    """Datasette took the check's refusal, raised while SQLite bound the parameters, for a failed
    query and wrote the whole SQL (~20 KB for `search`) and its parameters to stderr, for each
    mistyped date. Now the log says which parameter and why, in one line."""
    capsys.readouterr()
    assert served(f"/archive/{path}").status_code == (400 if said else 200)
    logged = capsys.readouterr().err
    if said is None:
        assert logged == ""
        return
    assert logged.count("\n") == 1 and said in logged and len(logged) < 400, logged[:500]
    assert "Refused a saved query's parameter" in logged and "sql =" not in logged


def test_a_saved_querys_parameters_are_checked_once_per_request(served, monkeypatch):
    """The plugin checks a saved query's parameters before it runs (to log a refusal in one
    line) and SQLite asked the magic parameter again while binding: two parses and checks of
    the address for every search. Now one per request. Near misses: each request is checked
    afresh (a bad date after a good one is still refused), and a refused value still fails."""
    import ingest.datasette_plugin as plugin

    checked = []
    real = plugin.check_parameters
    monkeypatch.setattr(plugin, "check_parameters", lambda names, values: checked.append(names) or real(names, values))
    assert served("/archive/search.json?q=ferry&since=2024-03-05&_shape=array").status_code == 200
    assert checked == [["q", "since", "until", "sort", "page", "versions"]]
    assert served("/archive/search.json?q=ferry&since=2024-03-05&_shape=array").status_code == 200
    assert len(checked) == 2
    response = served("/archive/search.json?q=ferry&since=notadate&_shape=array")
    assert response.status_code == 400 and "since: 'notadate' is not a date" in response.text
    assert len(checked) == 3


def test_the_count_links_read_the_address_only_when_a_row_asks(served):
    """The coverage and timeline rows link to the search they count, with the request's words
    (REQUEST_ARGS): read from the address when a cell asks, not parsed for every request. The
    first value of a repeated parameter counts, as before."""
    from ingest.datasette_plugin import _FirstValues

    asked = _FirstValues({"type": "http", "query_string": b"q=ferry&q=strike&outlet=&split=outlet"})
    assert asked._args is None
    assert (asked.get("q"), asked["outlet"], asked.get("split"), asked.get("versions", "")) == (
        "ferry", "", "outlet", "")
    assert _FirstValues({"type": "websocket", "query_string": b"q=ferry"}).get("q", "") == ""
    page = served("/archive/coverage?q=ferry")
    assert page.status_code == 200 and "/archive/search?q=ferry&amp;outlet=" in page.text


def test_a_real_query_error_is_still_logged_with_its_sql(served, capsys):
    """Near miss of the above: a query that fails in SQLite is a fault to find, logged as
    Datasette logs it, SQL and all."""
    capsys.readouterr()
    sql = "select nosuchcolumn from articles"
    assert served(f"/archive.json?sql={quote(sql)}").status_code == 400
    logged = capsys.readouterr().err
    assert "ERROR:" in logged and sql in logged and "no such column" in logged


@pytest.mark.parametrize("path, said", [
    # Datasette answered a failed query's CSV with an empty body and status 200: an empty file,
    # as if nothing matched
    ("search.csv?q=ferry&since=notadate", "since: 'notadate' is not a date"),
    ("by_outlet.csv?outlet=Coastal+Herald&before=2024-02-30", "before: '2024-02-30' is not a date"),
    ("timeline.csv?q=ferry&split=day", "split: 'day' is not one of its choices"),
    # near misses: well formed, the CSV as before
    ("search.csv?q=ferry&since=2024-03-05", None), ("coverage.csv?q=ferry", None),
])
def test_a_saved_querys_csv_with_a_malformed_parameter_says_so(served, path, said):
    answer = served(f"/archive/{path}")
    if said is None:
        assert answer.status_code == 200 and answer.text.count("\n") >= 2
    else:
        assert answer.status_code == 400 and answer.text.startswith(said)


@pytest.mark.parametrize("query", ["search", "by_author", "by_outlet", "timeline"])
def test_a_saved_querys_sql_runs_through_sql_with_its_check_given_empty(served, query):
    # As its comment says: the check is the plugin's magic parameter, which ?sql= does not know.
    import re

    sql = load_metadata()["databases"]["archive"]["queries"][query]["sql"]
    check = re.search(r":(_valid_\w+)", sql)[1]
    assert f"&{check}=" in sql
    answer = served(f"/archive.json?sql={quote(sql)}&q=ferry&author=Ines+Varga&outlet=Coastal+Herald&{check}=")
    assert answer.status_code == 200, answer.json().get("error")


@pytest.mark.parametrize("path, found", [
    ("search?q=larchmouth&since=2024-03-05", 3), ("search?q=larchmouth&since=2024-03&until=2024-03", 4),
    ("search?q=larchmouth&since=2024&until=2024&sort=newest&page=1", 4),
    ("search?q=larchmouth&page=2", 0), ("search?q=larchmouth&since=2024-03-06&until=2024-03-06", 1),
    ("search?q=larchmouth&since=2024-03&until=2024", 4), ("search?q=larchmouth&page=1000000&sort=newest", 0), ("search?q=larchmouth&since=&until=&sort=&page=", 4),
    # the date a page shows, pasted back as it is (a + read as a space, as from a typed URL)
    ("by_author?author=Oskar+Lind&before=2024-03-04T08:30:00%2B00:00", 1),
    ("by_author?author=Oskar+Lind&before=2024-03-04T08:30:00+00:00", 1),
    ("by_outlet?outlet=Coastal+Herald&before=2024-03-06", 1), ("timeline?q=ferry&split=outlet", 3),
])
def test_well_formed_parameters_are_accepted(served, path, found):
    name, query = path.split("?")
    assert len(rows(served, f"/archive/{name}.json?{query}")) == found


# Three notes of one day, on their sources' own clocks: 08:00 and 12:00 UTC, and 18:30 at -05:00.
TIMED_NOTES = ["2024-05-06T08:00:00+00:00", "2024-05-06T12:00:00+00:00", "2024-05-06T18:30:00-05:00"]


@pytest.fixture(scope="module")
def timed(tmp_path_factory):
    get, loop = served_notes(tmp_path_factory.mktemp("timed"),
                             [harbor_note(i, published) for i, published in enumerate(TIMED_NOTES)])
    yield get
    loop.close()


# A time as every page shows a date ("2024-05-06 12:00 UTC", a space before it) sorted before
# each "T..." of its day when compared as text: since kept the day's every note, until and
# before none; a "Z" after the seconds sorted after the stored "+00:00", dropping that second.
TYPED_TIMES = [
    ("search", "since=2024-05-06 12:00", [1, 2]), ("search", "since=2024-05-06 12:00 UTC", [1, 2]),
    ("search", "until=2024-05-06 12:00", [0, 1]), ("search", "until=2024-05-06 23:00 -05:00", [0, 1, 2]),
    ("search", "since=2024-05-06T12:00:00Z", [1, 2]), ("search", "until=2024-05-06T07:59+00:00", []),
    ("search", "since=2024-05-06 08:00&until=2024-05-06 12:00", [0, 1]),
    ("by_outlet", "before=2024-05-06 18:30 -05:00", [0, 1]), ("by_author", "before=2024-05-06 12:00 UTC", [0]),
]


@pytest.mark.parametrize("query, bounds, found", TYPED_TIMES)
def test_a_time_typed_as_the_pages_show_it_bounds_the_day(timed, query, bounds, found):
    typed = "&".join(f"{name}={quote(value)}" for name, value in (pair.split("=") for pair in bounds.split("&")))
    who = {"search": "q=harbour", "by_outlet": "outlet=The+Harbor+Ledger", "by_author": "author=Ann+Lee"}[query]
    titles = {row["title"] for row in rows(timed, f"/archive/{query}.json?{who}&{typed}")}
    assert titles == {f"Harbor note {i}" for i in found}


@pytest.mark.parametrize("bounds, found", [(bounds, found) for query, bounds, found in TYPED_TIMES
                                           if query == "search"])
def test_the_command_line_search_reads_a_typed_time_the_same_way(tmp_path, bounds, found):
    from ingest.search import search

    (tmp_path / "notes.jsonl").write_text("".join(json.dumps(harbor_note(i, published)) + "\n"
                                                  for i, published in enumerate(TIMED_NOTES)))
    assert run_ingest([str(tmp_path / "notes.jsonl")], str(tmp_path / "a.db"), workers=1).stored == 3
    with sqlite3.connect(tmp_path / "a.db") as db:
        hits = search(db, "harbour", **dict(pair.split("=") for pair in bounds.split("&")))
    assert {hit["title"] for hit in hits} == {f"Harbor note {i}" for i in found}


def test_the_command_line_search_refuses_a_malformed_date_too(tmp_path):
    from ingest.search import BadParameter, search
    from ingest.store import open_database

    db = open_database(tmp_path / "a.db")
    with pytest.raises(BadParameter, match="since: 'last week' is not a date"):
        search(db, "ferry", since="last week")
    assert search(db, "ferry", since="2024-03-05", until="2024") == []


@pytest.mark.parametrize("query", SAVED_QUERIES)
def test_every_saved_query_answers_with_no_parameters(served, query):
    assert isinstance(rows(served, f"/archive/{query}.json"), list)


def test_plain_sql_through_the_api(served):
    found = rows(served, "/archive.json?sql=" + quote("select name from outlets order by name"))
    assert [r["name"] for r in found] == ["Coastal Herald", "Evening Lantern", "Le Phare", "Valley Times"]


# --- pages people read -------------------------------------------------------------------------

def test_article_page_reads_as_an_article(served):
    article_id = article_ids(served, "Larchmouth ferry talks resume")
    html = served(f"/archive/articles/{article_id}").text
    assert "<h1>Larchmouth ferry talks resume</h1>" in html
    assert "<p>The mediator said both sides had accepted a timetable for a vote on a new roster.</p>" in html
    assert ">Piet Brandt</a>" in html and ">Coastal Herald</a>" in html
    for outlet in ("Coastal Herald", "Valley Times", "Evening Lantern"):
        assert f'<td data-label="Outlet">{outlet}</td>' in html
    assert "https://evening-lantern.test/2024/03/07/ferry-talks" in html


def test_article_text_is_never_markup(served):
    article_id = article_ids(served, "Library website showed <em>raw code</em> to visitors")
    html = served(f"/archive/articles/{article_id}").text
    assert "<script>alert('catalogue')" not in html and "<em>raw code</em>" not in html
    assert "&lt;script&gt;alert(" in html and "&lt;em&gt;raw code&lt;/em&gt;" in html
    search_page = served("/archive/search?q=catalogue").text
    assert "<mark>catalogue</mark>" in search_page
    assert "<script>alert(" not in search_page and "&lt;script&gt;alert(" in search_page
    table_page = served("/archive/articles?_search=catalogue").text
    assert "<em>raw code</em>" not in table_page and "&lt;em&gt;raw code&lt;/em&gt;" in table_page


def test_search_page_links_results_to_articles(served):
    article_id = article_ids(served, "Crews vote to end the Larchmouth ferry stoppage")
    html = served("/archive/search?q=roster+vote").text
    assert f'href="/archive/articles/{article_id}">Crews vote to end the Larchmouth ferry stoppage</a>' in html


# --- read-only, limits, and serving any archive ------------------------------------------------

def test_read_only_settings_are_set_on_purpose(served):
    datasette = served.datasette
    for name, value in SETTINGS.items():  # (the time limits: the tests' own, conftest.py)
        assert datasette.setting(name) == LIMITS_FOR_ANSWERS.get(name, value), name
    assert datasette.setting("suggest_facets") is False
    plugins = served("/-/plugins.json").json()
    assert [p["name"] for p in plugins] == ["news-archive"]
    response = served("/archive.json?sql=" + quote("delete from articles"))
    assert response.status_code == 400
    assert len(rows(served, "/archive/articles.json?_col=id")) == 6
    queries = load_metadata()["databases"]["archive"]["queries"]
    assert not any(q.get("write") for q in queries.values())


def test_an_empty_archive_is_filled_with_the_samples(tmp_path):
    path = tmp_path / "new.db"
    summary = ensure_archive(path)
    assert summary is not None and summary.stored > 0 and summary.failed == 0
    assert count_articles(path) == summary.stored
    assert ensure_archive(path) is None  # not twice


@pytest.mark.parametrize("made_by", ["failed ingest", "opened", "empty file"])
def test_only_an_archive_never_ingested_into_is_filled_with_the_samples(tmp_path, made_by):
    # An archive whose every input failed was filled with the fictional samples, which then
    # stayed in it among the real stories ingested later.
    path = tmp_path / "mine.db"
    if made_by == "failed ingest":
        (tmp_path / "broken.txt").write_bytes(b"")
        assert run_ingest([str(tmp_path / "broken.txt")], str(path)).failed == 1
    elif made_by == "opened":  # created by a command, nothing ingested: still a first run
        open_database_for_test(path)
    else:
        path.write_bytes(b"")
    summary = ensure_archive(path)
    assert (summary is None) == (made_by == "failed ingest")
    assert count_articles(path) == (0 if made_by == "failed ingest" else summary.stored)


@pytest.mark.parametrize("stopped_at_batch, samples_again", [
    (1, True),  # fails before: Ctrl+C during the first serve's samples left 0 articles, served for good
    (3, True),  # ... or 2 of the samples, served as if they were all
    (None, False),  # near miss: the samples all stored, not again
])
def test_a_first_serve_stopped_while_it_ingested_the_samples_finishes_them_next_time(
        tmp_path, monkeypatch, stopped_at_batch, samples_again):
    from ingest import pipeline
    from ingest.store import Archive

    path = tmp_path / "archive.db"
    monkeypatch.setattr(pipeline, "BATCH_SIZE", 1)
    monkeypatch.setattr(pipeline, "EARLY_BATCH", 1)
    real_write, calls = Archive.write_batch, []

    def write_until_stopped(self, run_id, batch):
        calls.append(len(batch))
        if len(calls) == stopped_at_batch:
            raise KeyboardInterrupt
        return real_write(self, run_id, batch)

    with monkeypatch.context() as stopping:
        stopping.setattr(Archive, "write_batch", write_until_stopped)
        try:
            ensure_archive(path)
        except KeyboardInterrupt:
            pass
    if stopped_at_batch:
        assert count_articles(path) == sum(calls[:stopped_at_batch - 1])
    summary = ensure_archive(path)
    assert (summary is not None) == samples_again
    all_samples = run_ingest([str(samples_dir())], str(tmp_path / "whole.db")).stored
    assert count_articles(path) == all_samples


def test_a_users_stopped_first_ingest_is_not_filled_with_the_samples(tmp_path, monkeypatch):
    # near miss of the above: the user's own run stopped before its first batch is the user's archive
    from ingest.store import Archive

    (tmp_path / "a.txt").write_text("A headline\n\n" + ARTICLE_TEXT)

    def stopped(self, run_id, batch):
        raise KeyboardInterrupt

    with monkeypatch.context() as stopping:
        stopping.setattr(Archive, "write_batch", stopped)
        with pytest.raises(KeyboardInterrupt):
            run_ingest([str(tmp_path / "a.txt")], str(tmp_path / "mine.db"))
    assert ensure_archive(tmp_path / "mine.db") is None
    assert count_articles(tmp_path / "mine.db") == 0


def open_database_for_test(path):
    from ingest.store import open_database

    open_database(path).close()


def test_serve_says_an_ingested_archive_holds_no_article_yet(tmp_path, monkeypatch):
    from conftest import run_cli
    from ingest import serve as serving

    (tmp_path / "broken.txt").write_bytes(b"")
    run_ingest([str(tmp_path / "broken.txt")], str(tmp_path / "mine.db"))
    monkeypatch.setattr(serving, "serve", lambda *args: None)
    result = run_cli("serve", "--db", tmp_path / "mine.db", "--port", "0")
    assert "holds no articles yet" in result.output and "/archive/sources" in result.output
    assert count_articles(tmp_path / "mine.db") == 0


def test_serving_an_archive_of_an_older_version_upgrades_it_first(tmp_path):
    path = tmp_path / "old.db"
    (tmp_path / "a.txt").write_text("A headline\n\n" + ARTICLE_TEXT)
    assert run_ingest([str(tmp_path / "a.txt")], str(path)).stored == 1
    with sqlite3.connect(path) as old:  # as the previous version left it
        old.execute("DROP INDEX article_facets_id_published")
        old.execute("DELETE FROM _sqlite_migrations WHERE name = '0005_article_facets_dates'")
    assert ensure_archive(path) is None
    with sqlite3.connect(path) as upgraded:
        assert upgraded.execute("SELECT count(*) FROM sqlite_master WHERE name = 'article_facets_id_published'").fetchone()[0] == 1


def test_plain_datasette_command_from_the_repository_root(archive_path, tmp_path):
    # `datasette archive.db -m metadata.yml`: the file name gives the database name "archive".
    archive = tmp_path / "archive.db"
    with sqlite3.connect(archive_path) as source, sqlite3.connect(archive) as copy:
        source.backup(copy)
    # With the time limit the README's command sets: a new connection spends 150-300 ms of CPU
    # preparing the search statement, which on a machine at load 7 (2 cores) passed Datasette's
    # default 1 s limit ("SQL Interrupted"). The cost itself is checked below, not timed.
    result = subprocess.run(
        [sys.executable, "-m", "datasette", str(archive), "-m", "metadata.yml",
         "--setting", "sql_time_limit_ms", str(SETTINGS["sql_time_limit_ms"]),
         "--get", "/archive/search.json?q=library&_shape=array"],
        cwd=REPO, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    assert [r["title"] for r in found] == ["Library website showed <em>raw code</em> to visitors"]


def test_plain_datasette_serves_an_archive_of_any_name_as_archive(archive_path, tmp_path):
    # `datasette clippings.db -m metadata.yml` (the --db of `news-archive ingest --help`'s
    # example): Datasette named the database "clippings", and metadata.yml's saved queries,
    # facets and order, all under "archive", were silently not there (/archive/search: 404).
    archive = tmp_path / "clippings.db"
    with sqlite3.connect(archive_path) as source, sqlite3.connect(archive) as copy:
        source.backup(copy)
    other = tmp_path / "notes.db"  # a database that is no archive keeps its own name
    sqlite3.connect(other).execute("CREATE TABLE notes (text)").connection.close()
    for get, answer in [("/archive/search.json?q=library&_shape=array",
                         ["Library website showed <em>raw code</em> to visitors"]),
                        ("/notes/notes.json?_shape=array", [])]:
        result = subprocess.run(
            [sys.executable, "-m", "datasette", str(archive), str(other), "-m", "metadata.yml",
             "--setting", "sql_time_limit_ms", str(SETTINGS["sql_time_limit_ms"]), "--get", get],
            cwd=REPO, capture_output=True, text=True, timeout=120,
        )
        assert result.returncode == 0, (get, result.stdout, result.stderr)
        assert [r.get("title", r) for r in json.loads(result.stdout)] == answer


def test_the_readme_gives_plain_datasette_the_time_limit_serve_sets():
    # (what the test above relies on: a user of plain datasette is told to pass it)
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert f"--setting sql_time_limit_ms {SETTINGS['sql_time_limit_ms']}" in readme


def test_the_search_statement_reads_its_page_of_rows_few_times(archive_path):
    # Preparing the search statement compiles a CTE's whole definition again for each subquery
    # that mentions it: BETWEEN (select min(id) from page) AND (select max(id) from page) was
    # expanded to four mentions of page, 7 in all, and the statement took ~270 ms to prepare
    # (~165 ms with the bounds read once). The plan lists one row per mention.
    from ingest.datasette_plugin import prepare_connection
    sql = load_metadata()["databases"]["archive"]["queries"]["search"]["sql"]
    conn = sqlite3.connect(archive_path)
    prepare_connection(conn)
    plan = conn.execute("EXPLAIN QUERY PLAN " + sql,
                        dict.fromkeys(re.findall(r"(?<!:):(\w+)", sql), "")).fetchall()
    conn.close()
    reads_of_page = [detail for *_, detail in plan if re.fullmatch(r"(SCAN|SEARCH) page\b.*", detail)]
    assert len(reads_of_page) <= 4, reads_of_page
    # near miss: the snippets of a prefix search still read only the shown rows' id range
    assert any(re.fullmatch(r"SCAN articles_fts VIRTUAL TABLE INDEX \d+:M\d*><", detail) for *_, detail in plan)


def test_documented_curl_examples_answer(served):
    import re

    docs = [REPO / "README.md"]
    text = "\n".join(p.read_text(encoding="utf-8") for p in docs if p.exists())
    paths = re.findall(r"curl -s '?\"?http://127\.0\.0\.1:8001(/[^'\"\s]+)", text)
    assert len(paths) >= 10, "the JSON API section's examples were not found"
    for path in paths:
        response = served(path)
        assert response.status_code == 200, path
        assert isinstance(response.json(), (list, dict)), path


# --- page titles -------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["search", "by_author", "by_outlet", "timeline", "syndication", "coverage"])
def test_a_saved_query_page_is_titled_by_its_title_not_its_sql(served, name):
    # The browser tab and a bookmark showed the query's SQL (the search query's is 6,000
    # characters), though the queries hide their SQL on the page.
    page = served(f"/archive/{name}").text
    title = page.split("<title>", 1)[1].split("</title>", 1)[0]
    assert title == f"{load_metadata()['databases']['archive']['queries'][name]['title']} · archive"


def test_a_query_of_ones_own_is_still_titled_by_its_sql(served):
    page = served("/archive?sql=" + quote("select count(*) from outlets")).text
    assert "<title>archive: select count(*) from outlets</title>" in page


def test_schema_changes_are_checked_at_most_once_a_second(tmp_path, archive_path):
    """Datasette reads every file's schema version before each request; the archive's server
    does it at most once a second (ArchiveDatasette), and a new table still shows after that."""
    import shutil

    path = tmp_path / "copy.db"
    shutil.copyfile(archive_path, path)
    datasette = build_datasette(path)
    loop = asyncio.new_event_loop()
    internal = datasette.get_database("_internal")

    def catalogued_tables() -> set[str]:
        result = loop.run_until_complete(internal.execute(
            "SELECT table_name FROM tables WHERE database_name = 'archive'"))
        return {row[0] for row in result.rows}

    try:
        loop.run_until_complete(datasette.refresh_schemas())
        assert "articles" in catalogued_tables()
        with sqlite3.connect(path) as connection:
            connection.execute("CREATE TABLE reading_list (id INTEGER PRIMARY KEY)")
        loop.run_until_complete(datasette.refresh_schemas())
        assert "reading_list" not in catalogued_tables()  # checked less than a second ago
        datasette._schema_checked_at -= datasette.SCHEMA_CHECK_SECONDS  # as if a second passed
        loop.run_until_complete(datasette.refresh_schemas())
        assert "reading_list" in catalogued_tables()
        response = loop.run_until_complete(datasette.client.get("/archive/reading_list.json"))
        assert response.status_code == 200
    finally:
        loop.close()


def test_serve_runs_on_uvicorns_c_parser_and_event_loop():
    """httptools and uvloop are dependencies, so uvicorn's "auto" picks them for `serve`."""
    import uvicorn
    from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

    config = uvicorn.Config(lambda scope, receive, send: None, http="auto", loop="auto")
    config.load()
    assert config.http_protocol_class is HttpToolsProtocol
    if sys.platform != "win32":
        importlib.import_module("uvloop")  # (auto picks it when it imports)


# --- the search page's next and previous pages -------------------------------------------------

@pytest.fixture(scope="module")
def paged(tmp_path_factory):
    """get(path) on an archive of 45 invented notes that all match "harbour": 20, 20, then 5."""
    get, loop = served_notes(tmp_path_factory.mktemp("search_pages"),
                             [harbor_note(i, f"2024-05-{1 + i % 28:02d}") for i in range(45)])
    yield get
    loop.close()


def page_links(html: str) -> dict[str, str]:
    """The search page's "Next page" / "Previous page" links: {link text: href}."""
    return {text: unescape(href) for href, text in
            re.findall(r'<a href="([^"]*)"[^>]*>((?:Next|Previous) page)</a>', html)}


SEARCHED = "/archive/search?q=harbour&outlet=The+Harbor+Ledger&since=2024&sort=newest&_hide_sql=1"


def test_the_search_page_links_to_the_next_page_keeping_the_search(paged):
    # Only a `page` field to edit by hand: a journalist reading results 1-20 had no link to 21-40.
    response = paged(SEARCHED)
    assert response.status_code == 200
    links = page_links(response.text)
    assert list(links) == ["Next page"]  # page 1: nothing before it
    (path, query) = links["Next page"].split("?", 1)
    assert path == "/archive/search"
    assert parse_qs(query, keep_blank_values=True) == {
        "q": ["harbour"], "outlet": ["The Harbor Ledger"], "since": ["2024"], "sort": ["newest"],
        "_hide_sql": ["1"], "page": ["2"]}


def test_the_next_link_leads_to_the_next_twenty_and_back(paged):
    seen = []
    path, pages = SEARCHED, 0
    while path:
        pages += 1
        html = paged(path).text
        json_path = path.replace("/archive/search?", "/archive/search.json?")
        seen += [row["id"] for row in rows(paged, json_path)]
        links = page_links(html)
        if pages > 1:
            assert parse_qs(links["Previous page"].split("?", 1)[1])["page"] == [str(pages - 1)]
        path = links.get("Next page")
    assert pages == 3  # 20, 20, 5: the last page, short, offers no next
    assert sorted(seen) == sorted(set(seen)) and len(seen) == 45


@pytest.mark.parametrize("query, links", [
    ("q=harbour&page=2", ["Previous page", "Next page"]),
    ("q=harbour&page=3", ["Previous page"]),       # 5 rows: the last page
    ("q=harbour&page=4", ["Previous page"]),       # beyond the end: back is still useful
    ("q=nothingmatchesthis", []),                  # no results, no pages
    ("q=harbour&page=abc", []),                    # an error, not a page
    ("q=harbour&page=0", []),
    ("q=harbour&since=notadate&page=2", []),       # another parameter's error: no page of it either
])
def test_page_links_only_where_they_lead_somewhere(paged, query, links):
    assert list(page_links(paged(f"/archive/search?{query}").text)) == links


def test_other_saved_queries_have_no_search_page_links(paged):
    assert page_links(paged("/archive/by_outlet?outlet=The+Harbor+Ledger").text) == {}


def test_the_search_statement_reads_an_articles_bylines_by_the_article_when_many_authors_are_found(archive_path):
    # An author filter keeps a match whose byline names one of the authors found. Read by
    # article_authors_author (author_id, article_id), SQLite sought each author found once for
    # each match: "k" found 918 authors, and q=harbor with author=k took 12 s at 980,069 articles
    # (5,810 matches x 918 seeks); read by the match's own rows (its primary key) and tested
    # against the authors found, 1.2 s. Near miss: one author (or a few) is still sought by the
    # covering index, which a walk by date needs (8 s read the other way, 0.6 s so).
    from ingest.datasette_plugin import prepare_connection
    sql = load_metadata()["databases"]["archive"]["queries"]["search"]["sql"]
    conn = sqlite3.connect(archive_path)
    prepare_connection(conn)
    plan = conn.execute("EXPLAIN QUERY PLAN " + sql,
                        {**dict.fromkeys(re.findall(r"(?<!:):(\w+)", sql), ""), "q": "river", "author": "a"}).fetchall()
    conn.close()
    bylines_read = {detail for *_, detail in plan if detail.startswith("SEARCH article_authors")}
    assert any(detail.endswith("(article_id=?)") for detail in bylines_read), bylines_read
    assert any("article_authors_author (author_id=? AND article_id=?)" in detail for detail in bylines_read)


@pytest.mark.parametrize("path, kept", [
    # fail before (500, KeyError 'published'): the column menu's "Hide this column" on the
    # column the page is sorted by, or a program's _col without it, where the page shows labels
    # (Datasette reads the next page's sort value from a labelled row, which has no such column)
    ("/archive/articles?_nocol=published&_size=1", True),
    ("/archive/articles?_col=title&_size=1", True),
    ("/archive/articles?_sort=title&_nocol=title&_size=1", True),
    ("/archive/articles.json?_labels=on&_col=outlet_id&_size=1", True),
    ("/archive/sources?_nocol=seen_at&_size=1", True),
    # near misses, answered as before: no labels (Datasette finds the value itself), a hidden
    # column that is not the sort's, the sort column asked for
    ("/archive/articles.json?_col=title&_size=1", False),
    ("/archive/articles?_nocol=title&_size=1", False),
    ("/archive/articles.json?_labels=on&_col=outlet_id&_col=published&_size=1", False),
])
def test_hiding_the_column_a_page_is_sorted_by_keeps_it_instead_of_failing(served, path, kept):
    response = served(path)
    assert response.status_code == 200, response.text[-300:]
    if path.startswith("/archive/articles.json"):
        columns = response.json()["columns"]
        assert ("published" in columns) == ("published" in path or kept), columns


@pytest.mark.parametrize("through, said", [
    # fail before: each a 500 with Python's words ("'table'", "Expecting value: line 1 column 1")
    ("notjson", "is not JSON"),
    ("{}", "table, column and value"),
    ('{"table": "article_authors"}', "table, column and value"),
    ("[1]", "table, column and value"),
    ('{"table": "nosuch", "column": "author_id", "value": "1"}', "no table 'nosuch'"),
    ('{"table": "outlets", "column": "id", "value": "1"}', "no column of outlets refers to articles"),
])
@pytest.mark.parametrize("page", ["/archive/articles.json", "/archive/articles", "/archive/articles.json?_search=ferry&"])
def test_a_malformed_through_is_a_400_naming_it(served, page, through, said):
    separator = "" if page.endswith("&") else "?"
    response = served(f"{page}{separator}_through={quote(through)}")
    assert response.status_code == 400 and said in unescape(response.text), response.text[-300:]


def test_a_well_formed_through_still_filters(served):
    # the near miss: the articles of one author, through article_authors
    (author,) = rows(served, "/archive/authors.json?_size=1&_col=id")
    through = json.dumps({"table": "article_authors", "column": "author_id", "value": str(author["id"])})
    found = rows(served, f"/archive/articles.json?_through={quote(through)}&_col=id")
    expected = rows(served, f"/archive/article_authors.json?author_id={author['id']}&_col=article_id&_size=max")
    assert found and sorted(r["id"] for r in found) == sorted(r["article_id"] for r in expected)


@pytest.mark.parametrize("bounds", [
    # a bound with a time, which the plugin writes again as the stored dates compare with it
    # (_bounds_as_stored): the other parameters are written again too, and a word of another
    # alphabet among them must reach the query as typed (review34 asked whether it was read as
    # latin-1 there; it is not: the percent-escapes are read as UTF-8, as Datasette reads them)
    "&since=2025-03-04%2021:00&until=2025-03-05%2008:00",
    # near miss: no bound, nothing written again
    "",
])
def test_a_word_of_another_alphabet_beside_a_date_bound_is_searched_as_typed(tmp_path, bounds):
    from conftest import served_from

    (tmp_path / "zurich.jsonl").write_text(json.dumps({
        "title": "Crue à Zürich", "body": "Le quai de Zürich est fermé. " + ARTICLE_TEXT,
        "published": "2025-03-04T21:40:00-05:00"}) + "\n")
    run_ingest([str(tmp_path / "zurich.jsonl")], str(tmp_path / "archive.db"), workers=1)
    with served_from(tmp_path / "archive.db") as get:
        for word in ("Zürich", "fermé", "Crue à"):
            hits = get(f"/archive/search.json?q={quote(word)}{bounds}&_shape=array").json()
            assert [hit["title"] for hit in hits] == ["Crue à Zürich"], word


@pytest.mark.parametrize("path, note", [
    # fails before: the days alone, and no word of the undated matches they leave out
    ("/archive/timeline.json?q=harbour&outlet=Coastal+Herald",
     "1 matching article has no date and is left out of the days (search lists it)"),
    ("/archive/timeline.json?q=larchmouth", None),  # near miss: every match dated, nothing to say
])
def test_a_timeline_says_how_many_undated_matches_it_leaves_out(served, path, note):
    answer = served(path).json()
    day = answer["columns"].index("day")
    assert answer["rows"] and all(row[day] for row in answer["rows"]), answer["rows"]
    assert [n for n in answer["notes"] if "no date" in n] == ([note] if note else []), answer["notes"]
    if note:
        assert f"Note: {note}." in served(path.replace(".json", "")).text
        undated = rows(served, "/archive/by_outlet.json?outlet=Coastal+Herald")
        assert [r["published"] for r in undated].count(None) == 1


def test_a_timeline_whose_undated_count_cannot_be_made_still_says_its_outlet_is_none(served, monkeypatch):
    # fails before: the RuntimeError of a timeline query changed where the count looks went up to
    # the notes' catch-all, and the outlet's note went with it
    from ingest import datasette_plugin

    def changed(*args, **kwargs):
        raise RuntimeError("the timeline query's date condition is not where undated_matches looks")

    monkeypatch.setattr(datasette_plugin, "undated_matches", changed)
    answer = served("/archive/timeline.json?q=harbour&outlet=Nowhere").json()
    assert answer["notes"] == ["no outlet of the archive is named 'Nowhere'"], answer["notes"]


def test_a_raw_search_is_not_asked_in_both_spellings_of_a_sharp_s(tmp_path):
    # _searchmode=raw is FTS5's own syntax, passed as typed (the README says so): Straße there
    # finds no Swiss Strasse, as the search box does
    from conftest import served_from

    (tmp_path / "lanes.jsonl").write_text(json.dumps({
        "title": "Neue Velostreifen", "body": "Die Seestrasse erhält einen Velostreifen. " + ARTICLE_TEXT}) + "\n")
    run_ingest([str(tmp_path / "lanes.jsonl")], str(tmp_path / "archive.db"), workers=1)
    with served_from(tmp_path / "archive.db") as get:
        for mode, found in (("", ["Neue Velostreifen"]), ("&_searchmode=raw", [])):
            hits = get(f"/archive/articles.json?_search=Seestra%C3%9Fe{mode}&_col=title&_shape=array").json()
            assert [hit["title"] for hit in hits] == found, mode
