"""One query language everywhere: what a user types in `q` (every saved query that takes words),
in a table page's search box (?_search=) and on the command line is read by one function,
ingest.search.fts_expression (the escape_fts() SQL function the plugin registers): words,
"a phrase", prefix*, -excluded words, and a search of excluded words alone refused with a
message (a 400, or the command's usage error). Before, the served pages used Datasette's own
escape_fts(): `strik*` found nothing outside `search`, and `-word` found the word."""

import json
from urllib.parse import quote

import pytest

from ingest.pipeline import run_ingest
from ingest.search import check_parameter, BadParameter, fts_query

from conftest import ARTICLE_TEXT, run_cli, served_from

LEDGER, GAZETTE = "The Harbor Ledger", "Quarry Gazette"
TUGBOAT = "Tugboat crews strike at Quayport"
BAKERS = "Bakers striking at the Quayport market"
FOG = "Fog postpones the Quayport regatta"
FLOOD = "Flood closes Millbrook bridge"

TUGBOAT_TEXT = (
    "Tugboat crews at Quayport began a strike on Wednesday over night rosters, and the harbour "
    "master said ships would wait offshore until the crews return. The port company said talks "
    "would resume on Friday.")
BAKERS_TEXT = (
    "Bakers striking for better pay closed their stalls at the Quayport market on Thursday, and "
    "the market hall stood half empty by noon. Shoppers said they would wait for the ovens.")
FOG_TEXT = (
    "Thick fog over the bay postponed the Quayport regatta on Friday, the rowing club said, and "
    "the boats stayed moored in the inner harbour until the evening.")
FLOOD_EDITED = ARTICLE_TEXT.replace("forty homes", "fifty-two homes") + (
    "\n\nCrews striking at the quarry lent their pumps to the town, the council said.")


def _record(title, body, outlet, url, published):
    return json.dumps({"title": title, "body": body, "outlet": outlet, "url": url, "published": published})


RECORDS = [
    _record(TUGBOAT, TUGBOAT_TEXT, LEDGER, "https://harborledger.example/2025/tugboats", "2025-04-02T09:00:00+00:00"),
    # the same story at a second outlet: syndication
    _record(TUGBOAT, TUGBOAT_TEXT, GAZETTE, "https://quarrygazette.example/tugboats", "2025-04-02"),
    _record(BAKERS, BAKERS_TEXT, GAZETTE, "https://quarrygazette.example/bakers", "2025-04-03"),
    _record(FOG, FOG_TEXT, LEDGER, "https://harborledger.example/2025/regatta", "2025-04-04"),
    # an edited story: the same address again with changed text (the versions query)
    _record(FLOOD, ARTICLE_TEXT, LEDGER, "https://harborledger.example/2025/flood", "2025-04-05"),
    _record(FLOOD, FLOOD_EDITED, LEDGER, "https://harborledger.example/2025/flood", "2025-04-05"),
]


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    folder = tmp_path_factory.mktemp("language")
    (folder / "export.jsonl").write_text("\n".join(RECORDS) + "\n")
    path = folder / "archive.db"
    summary = run_ingest([str(folder / "export.jsonl")], str(path), workers=1)
    assert (summary.stored, summary.duplicate, summary.new_versions) == (5, 1, 1)
    return path


@pytest.fixture(scope="module")
def served(archive):
    with served_from(archive) as get:
        yield get


# What each page answers, reduced to what tells the searches apart.
def _titles(rows):
    return sorted({row["title"] for row in rows})


def _per_day(rows):
    return {row["day"]: row["articles"] for row in rows}


def _per_outlet(rows):
    return {row["outlet"]: row["articles"] for row in rows}


PAGES = {
    "search": ("/archive/search.json?q={}", _titles),
    "timeline": ("/archive/timeline.json?q={}", _per_day),
    "coverage": ("/archive/coverage.json?q={}", _per_outlet),
    "syndication": ("/archive/syndication.json?q={}", _titles),
    "versions": ("/archive/versions.json?q={}", _titles),
    "articles": ("/archive/articles.json?_search={}&_col=title", _titles),
    "article_facets": ("/archive/article_facets.json?_search={}&_col=title", _titles),
}

SEARCHES = [
    # a prefix: every word it begins (strike, strikers, striking) - found only by `search` before
    ("search", "strik*", [BAKERS, FLOOD, TUGBOAT]),
    ("timeline", "strik*", {"2025-04-02": 1, "2025-04-03": 1, "2025-04-05": 1}),
    ("coverage", "strik*", {LEDGER: 2, GAZETTE: 1}),
    ("syndication", "strik*", [TUGBOAT]),
    ("versions", "strik*", [FLOOD]),
    ("articles", "strik*", [BAKERS, FLOOD, TUGBOAT]),
    ("article_facets", "strik*", [BAKERS, FLOOD, TUGBOAT]),
    # near miss: without its *, the same letters are a word of their own, in no article
    ("search", "strik", []),
    ("timeline", "strik", {}),
    ("coverage", "strik", {}),
    ("syndication", "strik", []),
    ("versions", "strik", []),
    ("articles", "strik", []),
    # an excluded word: served, -bakers found the bakers
    ("search", "quayport -bakers", [FOG, TUGBOAT]),
    ("timeline", "quayport -bakers", {"2025-04-02": 1, "2025-04-04": 1}),
    ("coverage", "quayport -bakers", {LEDGER: 2}),
    ("syndication", "quayport -tugboat", []),
    ("syndication", "quayport -bakers", [TUGBOAT]),
    ("versions", "millbrook -quarry", []),  # the edit brought the quarry in
    ("versions", "millbrook -regatta", [FLOOD]),
    ("articles", "quayport -bakers", [FOG, TUGBOAT]),
    ("article_facets", "quayport -bakers", [FOG, TUGBOAT]),
    # near miss: a hyphen inside a word is not an exclusion (fifty-two: the phrase "fifty two")
    ("versions", "fifty-two", [FLOOD]),
    ("search", "fifty-two homes", [FLOOD]),
    # a phrase, and its words in another order (near miss)
    ("search", '"night rosters"', [TUGBOAT]),
    ("search", '"rosters night"', []),
    ("timeline", '"night rosters"', {"2025-04-02": 1}),
    ("coverage", '"night rosters"', {LEDGER: 1}),
    ("syndication", '"night rosters"', [TUGBOAT]),
    ("syndication", '"rosters night"', []),
    ("versions", '"fifty-two homes"', [FLOOD]),
    ("versions", '"homes fifty-two"', []),
    ("articles", '"night rosters"', [TUGBOAT]),
    # a phrase in typographic quotes (a phone's keyboard, smart quotes, a quotation copied from
    # a document): read as text, its words were found in any order; near miss, the other order
    ("search", "“night rosters”", [TUGBOAT]),
    ("search", "“rosters night”", []),
    ("articles", "„rosters night“", []),
    ("coverage", "«rosters night»", {}),
    ("search", "quayport -“night rosters”", [BAKERS, FOG]),
    # a prefix phrase: its last word is a prefix
    ("search", '"night rost*"', [TUGBOAT]),
    ("timeline", '"night rost*"', {"2025-04-02": 1}),
]


@pytest.mark.parametrize("page, text, expected", SEARCHES)
def test_every_page_reads_a_search_the_same_way(served, page, text, expected):
    path, reduce = PAGES[page]
    response = served(path.format(quote(text)) + "&_shape=array")
    assert response.status_code == 200, response.text
    assert reduce(response.json()) == expected


@pytest.mark.parametrize("page", list(PAGES))
@pytest.mark.parametrize("text", ["-bakers", "-bakers -fog", '-"night rosters"', "-strik*"])
def test_a_search_that_only_leaves_words_out_is_an_error(served, page, text):
    path, _ = PAGES[page]
    response = served(path.format(quote(text)))
    assert response.status_code == 400, response.text
    assert "only leaves words out" in response.json()["error"]


@pytest.mark.parametrize("page", list(PAGES))
@pytest.mark.parametrize("text", ["-", "- -", '"-"', "bakers-"])
def test_a_lone_dash_is_no_exclusion_and_no_error(served, page, text):
    # near miss: a dash with no word after it leaves nothing out
    path, _ = PAGES[page]
    assert served(path.format(quote(text))).status_code == 200


@pytest.mark.parametrize("path", [
    "/archive/timeline?q=-bakers", "/archive/syndication?q=-bakers", "/archive/articles?_search=-bakers",
])
def test_the_error_is_shown_on_the_page(served, path):
    response = served(path)
    assert response.status_code == 400 and "only leaves words out" in response.text


@pytest.mark.parametrize("query", ["search", "timeline", "coverage", "syndication", "versions"])
def test_the_error_is_the_whole_answer_of_a_csv(served, query):
    response = served(f"/archive/{query}.csv?q=-bakers")
    assert response.status_code == 400 and "only leaves words out" in response.text


def test_blank_words_in_the_optional_searches_still_list_everything(served):
    # near miss: an empty q of syndication and versions is no search (every story), not an error
    assert _titles(served("/archive/syndication.json?q=&_shape=array").json()) == [TUGBOAT]
    assert _titles(served("/archive/versions.json?q=&_shape=array").json()) == [FLOOD]


def test_the_served_escape_fts_is_the_command_lines(served):
    sql = quote("select escape_fts(:q) as expression")
    response = served(f"/archive.json?sql={sql}&q={quote('strik* -bakers')}&_shape=array")
    assert response.json() == [{"expression": fts_query("strik* -bakers")}]
    assert fts_query("strik* -bakers") == '"strik"* NOT "bakers"'


CLI_SEARCHES = [
    (["strik*"], [BAKERS, FLOOD, TUGBOAT]),
    (["strik"], []),
    (["quayport", "-bakers"], [FOG, TUGBOAT]),
    (['"night rosters"'], [TUGBOAT]),
    (['"rosters night"'], []),
    (['"night rost*"'], [TUGBOAT]),
]


@pytest.mark.parametrize("words, expected", CLI_SEARCHES)
def test_the_command_line_reads_a_search_as_the_pages_do(archive, words, expected):
    result = run_cli("search", *words, "--db", archive, "--json")
    assert result.exit_code == 0, result.output
    assert _titles(json.loads(result.stdout)) == expected


@pytest.mark.parametrize("words", [["-bakers"], ["-bakers", "-fog"], ["-strik*"]])
def test_the_command_line_refuses_a_search_that_only_leaves_words_out(archive, words):
    result = run_cli("search", "--db", archive, "--", *words)
    assert result.exit_code == 2
    assert "only leaves words out" in result.output and "Traceback" not in result.output


@pytest.mark.parametrize("text, expression", [
    ('"north kor*"', '"north kor"*'),  # a prefix phrase
    ('"north kor* "', '"north kor"*'),
    ('"north *"', '"north"'),  # near miss: a * standing apart prefixes nothing
    ('"north kor"', '"north kor"'),
    ('"kor*', '"kor"*'),  # an unclosed quote
    ("kor*ea", '"kor ea"'),  # near miss: a * inside a word
    ("“north korea”", '"north korea"'), ("„north korea“", '"north korea"'),  # typographic quotes
    ("« north korea »", '"north korea"'), ("-“north korea” troops", '"troops" NOT "north korea"'),
    ("o’brien’s", '"o brien s"'),  # near miss: ’ is an apostrophe, no quote
    ("-", None), ("-bakers", None), ("bakers-", '"bakers"'),
])
def test_what_a_search_compiles_to(text, expression):
    assert fts_query(text) == expression


@pytest.mark.parametrize("text, refused", [
    ("-bakers", True), ('-"a b"', True), ("-bakers -fog", True),
    ("", False), ("-", False), ("- -", False), ("!!", False), ("bakers -fog", False), ("-bakers fog", False),
])
def test_which_searches_are_refused(text, refused):
    if refused:
        with pytest.raises(BadParameter, match="only leaves words out"):
            check_parameter("q", text)
    else:
        check_parameter("q", text)


def test_every_form_that_takes_words_says_what_can_be_typed():
    from ingest.serve import load_metadata

    queries = load_metadata()["databases"]["archive"]["queries"]
    asking = {name for name, query in queries.items() if ":q" in query["sql"]}
    assert asking == {"search", "timeline", "coverage", "syndication", "versions", "new_articles"}
    for name in asking:
        hint = queries[name]["fields"]["q"]["hint"]
        assert '"a phrase"' in hint and "prefix*" in hint and "-word" in hint, name
        assert ":_valid_q" in queries[name]["sql"], f"{name} must check its words"


@pytest.mark.parametrize("filters, expected", [
    # each way the search query finds its matches (best first, whole years, a date range, an outlet,
    # newest first) keeps the exclusion and the prefix
    ("", [FOG, TUGBOAT]),
    ("&since=2025&until=2025", [FOG, TUGBOAT]),
    ("&since=2025-04-01&until=2025-04-03", [TUGBOAT]),
    ("&outlet=" + quote(LEDGER), [FOG, TUGBOAT]),
    ("&outlet=" + quote(GAZETTE), []),
    ("&sort=newest", [FOG, TUGBOAT]),
    ("&versions=all", [FOG, TUGBOAT]),
])
def test_the_search_query_keeps_an_exclusion_with_every_filter(served, filters, expected):
    response = served(f"/archive/search.json?q={quote('quayport -bak*')}{filters}&_shape=array")
    assert response.status_code == 200, response.text
    assert _titles(response.json()) == expected
