"""An edited story: the same file or address ingested again with changed text is stored as a new
article linked to the earlier one (articles.previous_version, schema/0009), which is kept whole;
the link shows in the run summary, stats, the article pages, the articles list and the
`versions` saved query."""

import json
import sqlite3
from urllib.parse import quote

import pytest

from ingest.pipeline import run_ingest
from ingest.store import open_database

from conftest import ARTICLE_TEXT, ingest_json, run_cli, served_from

EDITED_TEXT = ARTICLE_TEXT.replace("forty homes", "fifty-two homes") + (
    "\n\nBy noon the bridge had reopened to pedestrians, the council said.")
OTHER_STORY = (
    "The Harbor Ledger's chess club crowned a new champion on Saturday after a five-hour final "
    "played in the back room of the old ferry terminal.\n\nThe winner, a retired pilot, said she "
    "had learned the game from her grandfather and had entered the tournament on a dare.")


STRIKE_DAY_ONE = (
    "The ferry crews at Larchmouth walked out on Monday after talks with the port company broke down, "
    "leaving hundreds of passengers stranded at the harbour. The union said the strike would last a week. "
    "The port company said it regretted the action and hoped talks would resume soon.")
STRIKE_DAY_FOUR = (
    "Talks between the ferry crews and the port company at Larchmouth resumed on Thursday, the union said, "
    "a week after the strike left hundreds of passengers stranded at the harbour. A mediator will chair "
    "the talks, which the port company said it hoped would end the dispute soon.")


GREETING = "Good morning, and welcome to the briefing from the newsroom of the Harbor Ledger. "
BRIEFING_MONDAY = GREETING + (
    "The harbour board meets tonight to vote on the new mooring fees, which fishing crews say "
    "would double their costs. Rain is forecast until Thursday. The library reopens after its "
    "refit with longer hours on weekends.")
BRIEFING_TUESDAY = GREETING + (
    "The council approved the school bus contract after a two-hour debate that ran past "
    "midnight. A lorry shed its load on the coast road, closing one lane until noon. The "
    "rowing club named its new captain, a teacher at the primary school.")
REWRITTEN_TEXT = (
    "The river rose two metres overnight in Millbrook, the town's flood warden said on "
    "Tuesday, forcing the closure of the old stone bridge and the evacuation of forty homes.\n\n"
    "Engineers will inspect the arches once the water falls, the county said, and a temporary "
    "footbridge may open downstream by the weekend. Shops on the quay stayed shut and the "
    "market was moved to the school playground until further notice.")


def articles(db_path) -> list[tuple]:
    with sqlite3.connect(db_path) as conn:
        return conn.execute("SELECT id, title, previous_version, body FROM articles ORDER BY id").fetchall()


def record(title: str, body: str, url: str, outlet: str = "The Harbor Ledger") -> str:
    return json.dumps({"title": title, "body": body, "url": url, "outlet": outlet})


# (what the file held first, what it holds at the second run, whether the second text is linked)
FILE_EDITS = [
    # the same file edited: a new version of its story
    ("Flood closes Millbrook bridge\n\n" + ARTICLE_TEXT, "Flood closes Millbrook bridge\n\n" + EDITED_TEXT, True),
    # headline rewritten too: the text is still mostly the same story
    ("Flood closes Millbrook bridge\n\n" + ARTICLE_TEXT, "Millbrook bridge reopens after flood\n\n" + EDITED_TEXT, True),
    # near miss: the file name reused for another story
    ("Flood closes Millbrook bridge\n\n" + ARTICLE_TEXT, "Chess club crowns a champion\n\n" + OTHER_STORY, False),
    # near miss: reused for the next story of the same event, sharing most of its words (0.71 of
    # them) but few runs of three
    ("Ferry crews walk out\n\n" + STRIKE_DAY_ONE, "Ferry talks resume\n\n" + STRIKE_DAY_FOUR, False),
]


@pytest.mark.parametrize("first, second, linked", FILE_EDITS)
def test_a_file_ingested_again_with_changed_text(tmp_path, db_path, first, second, linked):
    page = tmp_path / "story.txt"
    page.write_text(first)
    ingest_json(page, "--db", db_path)
    page.write_text(second)
    code, summary = ingest_json(page, "--db", db_path)
    assert (code, summary["stored"], summary["new_versions"]) == (0, 1, int(linked))
    (one, old_title, none, old_body), (two, _, previous, _) = articles(db_path)
    assert none is None and previous == (one if linked else None)
    assert old_body == first.split("\n\n", 1)[1] and old_title == first.split("\n")[0]  # kept whole


# (records of a JSON Lines file, in order; which of them is linked to which, by position)
RECORD_EDITS = [
    # the same address twice in one file (a feed export holding both texts): linked in the batch
    ([record("Flood closes bridge", ARTICLE_TEXT, "https://harborledger.example/2024/flood"),
      record("Flood closes bridge", EDITED_TEXT, "https://harborledger.example/2024/flood")], {1: 0}),
    # three versions: each names the one before it
    ([record("Flood closes bridge", ARTICLE_TEXT, "https://harborledger.example/2024/flood"),
      record("Flood closes bridge", EDITED_TEXT, "https://harborledger.example/2024/flood"),
      record("Flood closes bridge", EDITED_TEXT + "\n\nUpdated at six.", "https://harborledger.example/2024/flood")],
     {1: 0, 2: 1}),
    # near miss: another outlet's edit under the original's address is a copy, not an edit
    ([record("Flood closes bridge", ARTICLE_TEXT, "https://harborledger.example/2024/flood"),
      record("Flood closes bridge", EDITED_TEXT, "https://harborledger.example/2024/flood", "Valley Post")], {}),
    # near miss: every page of a site under its home page's address
    ([record("Flood closes bridge", ARTICLE_TEXT, "https://harborledger.example/"),
      record("Flood closes bridge", EDITED_TEXT, "https://harborledger.example/")], {}),
    # near miss: the same address, another story (a reused slug)
    ([record("Flood closes bridge", ARTICLE_TEXT, "https://harborledger.example/2024/news"),
      record("Chess club crowns a champion", OTHER_STORY, "https://harborledger.example/2024/news")], {}),
    # a page at one address that carries another story each day (a daily briefing, a live page,
    # a section front): the same heading, a shared greeting, otherwise other news - not an edit
    ([record("Morning briefing", BRIEFING_MONDAY, "https://harborledger.example/briefing"),
      record("Morning briefing", BRIEFING_TUESDAY, "https://harborledger.example/briefing")], {}),
    # near miss: the same heading over a story rewritten in most of its sentences (a breaking
    # stub written up): fewer shared runs than an edit under a new heading needs, but the heading
    # and a real share of the text together are one story
    ([record("Flood closes bridge", ARTICLE_TEXT, "https://harborledger.example/2024/flood"),
      record("Flood closes bridge", REWRITTEN_TEXT, "https://harborledger.example/2024/flood")], {1: 0}),
    # near miss: two stories with no address at all
    ([json.dumps({"title": "Flood closes bridge", "body": ARTICLE_TEXT}),
      json.dumps({"title": "Flood closes bridge", "body": EDITED_TEXT})], {}),
]


@pytest.mark.parametrize("lines, links", RECORD_EDITS)
def test_records_of_one_address_with_changed_text(tmp_path, db_path, lines, links):
    (tmp_path / "export.jsonl").write_text("\n".join(lines) + "\n")
    code, summary = ingest_json(tmp_path / "export.jsonl", "--db", db_path)
    assert (code, summary["stored"], summary["new_versions"]) == (0, len(lines), len(links))
    ids = [row[0] for row in articles(db_path)]
    assert {ids.index(row[0]): ids.index(row[2]) for row in articles(db_path) if row[2]} == links


def test_an_address_seen_in_an_earlier_run_links_across_runs_and_files(tmp_path, db_path):
    url = "https://harborledger.example/2024/flood"
    (tmp_path / "monday.jsonl").write_text(record("Flood closes bridge", ARTICLE_TEXT, url) + "\n")
    (tmp_path / "tuesday.jsonl").write_text(record("Flood closes bridge", EDITED_TEXT, url) + "\n")
    ingest_json(tmp_path / "monday.jsonl", "--db", db_path)
    code, summary = ingest_json(tmp_path / "tuesday.jsonl", "--db", db_path)
    assert summary["new_versions"] == 1
    assert [row[2] for row in articles(db_path)] == [None, 1]
    # Run again: nothing new, nothing linked twice.
    code, again = ingest_json(tmp_path, "--db", db_path)
    assert (again["stored"], again["new_versions"], again["unchanged"]) == (0, 0, 2)


def test_the_summary_and_stats_say_it(tmp_path, db_path):
    page = tmp_path / "story.txt"
    page.write_text("Flood closes Millbrook bridge\n\n" + ARTICLE_TEXT)
    run_cli("ingest", page, "--db", db_path)
    page.write_text("Flood closes Millbrook bridge\n\n" + EDITED_TEXT)
    said = run_cli("ingest", page, "--db", db_path).output
    assert "1 new (1 of them an edited version of a stored article, both kept)" in said
    stats = json.loads(run_cli("stats", "--db", db_path, "--json").output)
    assert (stats["articles"], stats["new_versions"]) == (2, 1)


def test_an_archive_made_before_versions_is_upgraded_in_place(tmp_path, db_path):
    (tmp_path / "a.txt").write_text("Flood closes Millbrook bridge\n\n" + ARTICLE_TEXT)
    run_ingest([str(tmp_path / "a.txt")], str(db_path), workers=1)
    with sqlite3.connect(db_path) as old:  # as the previous version left it
        old.execute("DROP TRIGGER articles_forget_deleted")  # (0023, which names the column)
        old.execute("DROP INDEX articles_previous_version")
        old.execute("DROP INDEX articles_url")
        old.execute("ALTER TABLE articles DROP COLUMN previous_version")
        old.execute("DELETE FROM _sqlite_migrations WHERE name IN ('0009_article_versions', "
                    "'0023_forget_deleted_articles')")
    db = open_database(db_path)
    assert "previous_version" in db["articles"].columns_dict
    assert db.execute("SELECT count(*), max(previous_version) FROM articles").fetchone() == (1, None)
    db.close()
    (tmp_path / "a.txt").write_text("Flood closes Millbrook bridge\n\n" + EDITED_TEXT)
    assert run_ingest([str(tmp_path / "a.txt")], str(db_path), workers=1).new_versions == 1


def test_deleting_an_earlier_version_by_hand_is_not_refused(tmp_path, db_path):
    page = tmp_path / "story.txt"
    page.write_text("Flood closes Millbrook bridge\n\n" + ARTICLE_TEXT)
    ingest_json(page, "--db", db_path)
    page.write_text("Flood closes Millbrook bridge\n\n" + EDITED_TEXT)
    ingest_json(page, "--db", db_path)
    db = open_database(db_path)  # foreign keys on, as every writer opens it
    with db.conn:
        db.execute("DELETE FROM sources WHERE article_id = 1")
        db.execute("DELETE FROM article_authors WHERE article_id = 1")
        db.execute("DELETE FROM articles WHERE id = 1")
    assert db.execute("SELECT id, previous_version FROM articles").fetchall() == [(2, None)]


@pytest.fixture(scope="module")
def edited_archive(tmp_path_factory):
    folder = tmp_path_factory.mktemp("edited")
    db_path = folder / "archive.db"
    page = folder / "story.txt"
    page.write_text("Flood closes Millbrook bridge\n\n" + ARTICLE_TEXT)
    run_ingest([str(page)], str(db_path), workers=1)
    page.write_text("Millbrook bridge reopens after flood\n\n" + EDITED_TEXT)
    run_ingest([str(page)], str(db_path), workers=1)
    with served_from(db_path) as get:
        yield get


def test_each_version_page_links_to_the_other(edited_archive):
    later = edited_archive("/archive/articles/2").text
    assert "Earlier version:" in later and 'href="/archive/articles/1">Flood closes Millbrook bridge</a>' in later
    earlier = edited_archive("/archive/articles/1").text
    assert "Later version:" in earlier and 'href="/archive/articles/2">Millbrook bridge reopens after flood</a>' in earlier
    assert "forty homes" in earlier and "fifty-two homes" in later  # both texts, each on its page


def test_the_articles_list_marks_the_new_version(edited_archive):
    listing = edited_archive("/archive/articles").text
    assert listing.count('class="version-note"') == 1
    assert '(edited: a new version of\n' in listing or "(edited: a new version of" in listing
    assert edited_archive("/archive/articles/2.json?_shape=array").json()[0]["previous_version"] == 1


def test_the_versions_saved_query(edited_archive):
    rows = edited_archive("/archive/versions.json?_shape=array").json()
    assert [(r["article_id"], r["title"], r["previous_id"], r["previous_title"]) for r in rows] == [
        (2, "Millbrook bridge reopens after flood", 1, "Flood closes Millbrook bridge")]
    assert edited_archive("/archive/versions.json?_shape=array&q=reopens").json() == rows
    assert edited_archive("/archive/versions.json?_shape=array&q=chess").json() == []
    page = edited_archive("/archive/versions").text
    assert '<a href="/archive/articles/1">Flood closes Millbrook bridge</a>' in page


# --- search: an edited story is one hit ------------------------------------------------------------

def _search(edited_archive, query: str) -> list[tuple]:
    rows = edited_archive(f"/archive/search.json?_shape=array&{query}").json()
    return [(r["id"], r["earlier_versions"], r["later_version"]) for r in rows]


# (the search, what it finds: (id, earlier versions, later version) of each hit)
SEARCHES = [
    # both texts match: the latest only, saying one earlier text is kept (both were hits before)
    ("q=bridge", [(2, 1, None)]),
    ("q=bridge&sort=newest", [(2, 1, None)]),
    ("q=bridge&since=2000-01-01&until=2100-12-31", []),  # neither is dated: the range is exact
    ("q=bridge&versions=all", [(2, 1, None), (1, 0, 2)]),
    # near miss: a word the edit took out is found in the earlier text, which names its successor
    ("q=forty", [(1, 0, 2)]),
    # near miss: a word only the edit added
    ("q=pedestrians", [(2, 1, None)]),
]


@pytest.mark.parametrize("query, found", SEARCHES)
def test_the_search_query_shows_an_edited_story_once(edited_archive, query, found):
    assert sorted(_search(edited_archive, query), reverse=True) == sorted(found, reverse=True)


def test_an_unknown_versions_choice_is_an_error(edited_archive):
    response = edited_archive("/archive/search.json?q=bridge&versions=every")
    assert response.status_code == 400 and "versions: 'every'" in response.json()["error"]


@pytest.mark.parametrize("table", ["articles", "article_facets"])
def test_an_unknown_versions_choice_on_a_table_page_is_an_error(edited_archive, table):
    """`_versions=ALL` or `=yes` on a searched table page showed the latest texts only, as if
    nothing had been asked, while the saved queries refuse such a value: a user believed they
    saw every text. Now it is a 400 that says what to write, as on the saved queries."""
    for value in ("every", "ALL", "yes", "1"):
        response = edited_archive(f"/archive/{table}.json?_search=bridge&_versions={value}")
        assert response.status_code == 400, value
        assert f"_versions: {value!r}" in response.json()["error"] and "'all'" in response.json()["error"]
    page = edited_archive(f"/archive/{table}?_search=bridge&_versions=ALL")
    assert page.status_code == 400 and "_versions: &#39;ALL&#39;" in page.text
    # near misses: the choices themselves, and a page with no search
    for query, ids in (("_search=bridge&_versions=all", [2, 1]), ("_search=bridge&_versions=", [2]),
                       ("_search=bridge", [2]), ("_versions=all", [2, 1])):
        response = edited_archive(f"/archive/{table}.json?{query}&_shape=array")
        assert response.status_code == 200 and sorted(row["id"] for row in response.json()) == sorted(ids), query


def test_an_article_that_is_no_id_is_an_error_in_the_versions_query(edited_archive):
    """versions?article=2x (a typo in the address a search result links to) answered with no
    rows, as if the story had never been edited; the other saved queries' parameters are
    checked. Now a 400 says what to write."""
    for value in ("abc", "2x", "-1", "0", "2.5", "99999999999999999999"):
        response = edited_archive(f"/archive/versions.json?article={value}")
        assert response.status_code == 400, value
        assert f"article: {value!r} is not an article's id" in response.json()["error"], value
    # an id no article has (a typo of a real one, or an article of another archive) answered
    # with no rows too, as a story never edited does: now a 400 as by_outlet's after= is
    for value in ("9", "99999"):
        for extension in ("json", "csv"):
            response = edited_archive(f"/archive/versions.{extension}?article={value}")
            assert response.status_code == 400, (value, extension)
            assert f"article: no article has the id {value}" in response.text
    # near misses: an id of either text of the story, and none at all
    for value, ids in (("2", [2]), ("1", [2]), ("", [2])):
        response = edited_archive(f"/archive/versions.json?_shape=array&article={value}")
        assert response.status_code == 200 and [row["article_id"] for row in response.json()] == ids, value


# (a table page's search of one column or more, the ids it lists)
COLUMN_SEARCHES = [
    ("_search_body=bridge", [2]),  # both texts match: the latest only (both were listed)
    ("_search_title=flood", [2]),
    ("_search_title=flood&_search_body=bridge", [2]),
    ("_search_title=flood&_searchmode=raw", [2]),
    ("_search_body=bridge&_versions=all", [1, 2]),
    ("_search_body=forty", [1]),  # near miss: a word the edit took out
    ("_search_title=closes", [1]),  # near miss: the later title does not have it
    ("_search_title=closes&_search_body=bridge", [1]),
    ("_search=bridge&_search_title=closes", [2]),  # Datasette reads _search alone then
    ("_search=&_search_title=closes", []),  # and an empty one matches nothing, as ever
    ("_search_nosuchcolumn=bridge", None),  # Datasette's 400
]


@pytest.mark.parametrize("table", ["articles", "article_facets"])
@pytest.mark.parametrize("query, ids", COLUMN_SEARCHES)
def test_a_table_page_searching_columns_shows_an_edited_story_once(edited_archive, table, query, ids):
    """Datasette's search of one column (?_search_title=, ?_search_body=) listed every text of
    an edited story, where ?_search= lists it once."""
    response = edited_archive(f"/archive/{table}.json?{query}&_shape=objects")
    if ids is None:
        assert response.status_code == 400
        return
    assert response.status_code == 200, response.text
    assert sorted(row["id"] for row in response.json()["rows"]) == ids
    assert response.json()["filtered_table_rows_count"] == len(ids)


def test_the_search_page_links_a_story_to_its_versions(edited_archive):
    page = edited_archive("/archive/search?q=bridge&versions=all").text
    assert '<a href="/archive/versions?article=2">1</a>' in page
    assert '<a href="/archive/articles/2">#2</a>' in page  # the earlier text's successor
    for article in (1, 2):
        rows = edited_archive(f"/archive/versions.json?_shape=array&article={article}").json()
        assert [(r["article_id"], r["previous_id"]) for r in rows] == [(2, 1)]
    assert edited_archive("/archive/versions.json?_shape=array&article=9").status_code == 400  # no such article


def test_the_search_command_shows_an_edited_story_once(tmp_path, db_path):
    page = tmp_path / "story.txt"
    page.write_text("Flood closes Millbrook bridge\n\n" + ARTICLE_TEXT)
    run_cli("ingest", page, "--db", db_path)
    page.write_text("Flood closes Millbrook bridge\n\n" + EDITED_TEXT)
    run_cli("ingest", page, "--db", db_path)
    found = json.loads(run_cli("search", "bridge", "--db", db_path, "--json").output)
    assert [(r["id"], r["earlier_versions"]) for r in found] == [(2, 1)]
    assert "(1 earlier version stored)" in run_cli("search", "bridge", "--db", db_path).output
    every = run_cli("search", "bridge", "--db", db_path, "--all-versions").output
    assert "  #1" in every.splitlines() and "(replaced by a later version, #2)" in every  # (no outlet or date: the id alone)


def test_an_archive_linked_by_heading_alone_is_unlinked_on_upgrade(tmp_path, db_path):
    """The ingest before the fix linked texts of one address and heading whatever they said;
    the upgrade (0012) takes back those links that are no edit, and keeps both texts."""
    url = "https://harborledger.example/briefing"
    lines = [record("Morning briefing", BRIEFING_MONDAY, url), record("Morning briefing", BRIEFING_TUESDAY, url),
             record("Flood closes bridge", ARTICLE_TEXT, url + "/flood"),
             record("Flood closes bridge", EDITED_TEXT, url + "/flood")]
    (tmp_path / "export.jsonl").write_text("\n".join(lines) + "\n")
    ingest_json(tmp_path / "export.jsonl", "--db", db_path)
    with sqlite3.connect(db_path) as conn:  # as that ingest left it
        conn.execute("UPDATE articles SET previous_version = 1 WHERE id = 2")
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0012_unlink_false_versions'")
    assert [row[2] for row in articles(db_path)] == [None, 1, None, 3]
    open_database(db_path).close()
    assert [row[2] for row in articles(db_path)] == [None, None, None, 3]  # the edit stays linked
    assert len(articles(db_path)) == 4
    open_database(db_path).close()  # applied once; and run again it would change nothing
    from ingest.store import unlink_false_versions
    with sqlite3.connect(db_path) as conn:
        assert unlink_false_versions(conn) == 0


def as_made_before_versions(db_path) -> None:
    """Put an archive back into the shape a version before schema/0009 left it: no links (the
    column did not exist), and 0009 and the migration that links such texts not applied."""
    with sqlite3.connect(db_path) as old:
        old.execute("DROP TRIGGER articles_forget_deleted")  # (0023, which names the column)
        old.execute("DROP INDEX articles_previous_version")
        old.execute("DROP INDEX articles_url")
        old.execute("ALTER TABLE articles DROP COLUMN previous_version")
        old.execute("DELETE FROM _sqlite_migrations WHERE name IN "
                    "('0009_article_versions', '0013_link_versions_stored_unlinked', '0023_forget_deleted_articles')")


FLOOD = "https://harborledger.example/2024/flood"
# (the runs of an ingest, each the files it read: {name: a text, or JSON Lines records}; which
# article is then an edit of which, by position, as ingest links them and as the upgrade must)
EDITS_BEFORE_VERSIONS = [
    # the same file edited
    ([{"story.txt": "Flood closes Millbrook bridge\n\n" + ARTICLE_TEXT},
      {"story.txt": "Flood closes Millbrook bridge\n\n" + EDITED_TEXT}], {1: 0}),
    # the same address in two runs' exports
    ([{"monday.jsonl": [record("Flood closes bridge", ARTICLE_TEXT, FLOOD)]},
      {"tuesday.jsonl": [record("Flood closes bridge", EDITED_TEXT, FLOOD)]}], {1: 0}),
    # the address with a tracking parameter: one address to ingest (normalise.canonical_url)
    ([{"monday.jsonl": [record("Flood closes bridge", ARTICLE_TEXT, FLOOD)]},
      {"tuesday.jsonl": [record("Flood closes bridge", EDITED_TEXT, FLOOD + "?utm_source=newsletter")]}], {1: 0}),
    # the address with and without a trailing slash: one story's (normalise.same_address_key),
    # in two runs, in one export, and edited twice between the two forms
    ([{"monday.jsonl": [record("Flood closes bridge", ARTICLE_TEXT, FLOOD)]},
      {"tuesday.jsonl": [record("Flood closes bridge", EDITED_TEXT, FLOOD + "/")]}], {1: 0}),
    ([{"monday.jsonl": [record("Flood closes bridge", ARTICLE_TEXT, FLOOD + "/")]},
      {"tuesday.jsonl": [record("Flood closes bridge", EDITED_TEXT, FLOOD)]}], {1: 0}),
    ([{"export.jsonl": [record("Flood closes bridge", text, url) for text, url in (
        (ARTICLE_TEXT, FLOOD + "/"), (EDITED_TEXT, FLOOD), (EDITED_TEXT + "\n\nUpdated at six.", FLOOD + "/"))]}],
     {1: 0, 2: 1}),
    # three texts in one export: each an edit of the one before
    ([{"export.jsonl": [record("Flood closes bridge", text, FLOOD)
                        for text in (ARTICLE_TEXT, EDITED_TEXT, EDITED_TEXT + "\n\nUpdated at six.")]}], {1: 0, 2: 1}),
    # a file edited, an address's text stored before it: the file's own earlier text is replaced
    ([{"wire.jsonl": [record("Flood closes bridge", ARTICLE_TEXT, FLOOD)]},
      {"story.txt": "Chess club crowns a champion\n\n" + OTHER_STORY},
      {"story.txt": "Chess club crowns a new champion\n\n" + OTHER_STORY + " She will defend the title."}], {2: 1}),
    # near misses: what ingest does not link either
    ([{"story.txt": "Flood closes Millbrook bridge\n\n" + ARTICLE_TEXT},  # the file reused for another story
      {"story.txt": "Chess club crowns a champion\n\n" + OTHER_STORY}], {}),
    # near misses of the trailing slash (above): another page below the address, a query's
    # address (the slash before "?" is left as written), a site's home page with or without it
    ([{"monday.jsonl": [record("Flood closes bridge", ARTICLE_TEXT, FLOOD)]},
      {"tuesday.jsonl": [record("Flood closes bridge", EDITED_TEXT, FLOOD + "/photos")]}], {}),
    ([{"monday.jsonl": [record("Flood closes bridge", ARTICLE_TEXT, FLOOD + "/?id=7")]},
      {"tuesday.jsonl": [record("Flood closes bridge", EDITED_TEXT, FLOOD + "?id=7")]}], {}),
    ([{"monday.jsonl": [record("Flood closes bridge", ARTICLE_TEXT, "https://harborledger.example")]},
      {"tuesday.jsonl": [record("Flood closes bridge", EDITED_TEXT, "https://harborledger.example/")]}], {}),
    ([{"monday.jsonl": [record("Flood closes bridge", ARTICLE_TEXT, FLOOD)]},  # another outlet's copy
      {"tuesday.jsonl": [record("Flood closes bridge", EDITED_TEXT, FLOOD, outlet="Valley Post")]}], {}),
    ([{"monday.jsonl": [record("Flood closes bridge", ARTICLE_TEXT, "https://harborledger.example/")]},
      {"tuesday.jsonl": [record("Flood closes bridge", EDITED_TEXT, "https://harborledger.example/")]}], {}),
    ([{"monday.jsonl": [record("Morning briefing", BRIEFING_MONDAY, "https://harborledger.example/briefing")]},
      {"tuesday.jsonl": [record("Morning briefing", BRIEFING_TUESDAY, "https://harborledger.example/briefing")]}], {}),
    # the first record of one export read twice, no address: a record's number is only its line
    ([{"export.jsonl": [json.dumps({"title": "Flood closes bridge", "body": ARTICLE_TEXT})]},
      {"export.jsonl": [json.dumps({"title": "Flood closes bridge", "body": EDITED_TEXT})]}], {}),
]


def ingest_runs(folder, runs) -> None:
    for files in runs:
        for name, content in files.items():
            (folder / name).write_text(content if isinstance(content, str) else "\n".join(content) + "\n")
        assert run_ingest([str(folder / name) for name in files], str(folder / "archive.db"), workers=1).failed == 0


def version_links(db_path) -> dict[int, int]:
    ids = [row[0] for row in articles(db_path)]
    return {ids.index(row[0]): ids.index(row[2]) for row in articles(db_path) if row[2]}


@pytest.mark.parametrize("runs, links", EDITS_BEFORE_VERSIONS)
def test_edits_stored_before_versions_are_linked_on_upgrade(tmp_path, runs, links):
    """An archive made before schema/0009 held each text of an edited story unlinked: a search
    showed them as two hits for good. The upgrade (0013) links them as ingest does now."""
    ingest_runs(tmp_path, runs)
    db_path = tmp_path / "archive.db"
    assert version_links(db_path) == links  # what ingest links
    as_made_before_versions(db_path)
    open_database(db_path).close()
    assert version_links(db_path) == links
    if links:  # and the search shows the story once
        db = open_database(db_path)
        from ingest.search import search
        found = {row["id"] for word in ("bridge", "champion") for row in search(db, word)}
        assert len(found) == len(articles(db_path)) - len(links)
        db.close()


@pytest.mark.parametrize("second_text, second_url, links", [
    (EDITED_TEXT, FLOOD + "/", {1: 0}),  # stored unlinked for the slash alone: linked by 0014
    (EDITED_TEXT, FLOOD + "/photos", {}),  # near miss: another address
    # near miss: the address with its slash gave another story (a page reused): both stay stories
    (OTHER_STORY, FLOOD + "/", {}),
])
def test_edits_stored_unlinked_for_a_trailing_slash_are_linked_on_upgrade(tmp_path, second_text, second_url, links):
    """An archive of the version before took an address with a trailing slash for another one:
    the edit of a story fetched again at ".../flood/" was stored unlinked, after 0013 had run.
    The upgrade (0014) links it as ingest does now, once."""
    ingest_runs(tmp_path, [{"monday.jsonl": [record("Flood closes bridge", ARTICLE_TEXT, FLOOD)]},
                           {"tuesday.jsonl": [record("Flood closes bridge", second_text, second_url)]}])
    db_path = tmp_path / "archive.db"
    with sqlite3.connect(db_path) as conn:  # as the version before left it
        conn.execute("UPDATE articles SET previous_version = NULL")
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0014_link_versions_stored_unlinked'")
        assert conn.execute("SELECT url FROM articles ORDER BY id").fetchall() == [(FLOOD,), (second_url,)]
    open_database(db_path).close()
    assert version_links(db_path) == links
    with sqlite3.connect(db_path) as conn:  # the addresses stored and shown are left as they were
        assert conn.execute("SELECT url FROM articles ORDER BY id").fetchall() == [(FLOOD,), (second_url,)]
        applied = [row[0] for row in conn.execute("SELECT name FROM _sqlite_migrations")]
    assert applied.count("0014_link_versions_stored_unlinked") == 1


def test_linking_edits_on_upgrade_is_done_once_whole_or_not_at_all(tmp_path, monkeypatch):
    """Interrupted (Ctrl-C in the middle), the upgrade leaves no link and stays to be done;
    done, it is not done again, and run again it would change nothing."""
    import ingest.store
    from ingest.store import link_versions_stored_unlinked

    runs = [{"monday.jsonl": [record("Flood closes bridge", ARTICLE_TEXT, FLOOD),
                              record("Ferry crews walk out", STRIKE_DAY_ONE, FLOOD.replace("flood", "strike"))]},
            {"tuesday.jsonl": [record("Flood closes bridge", EDITED_TEXT, FLOOD),
                               record("Ferry crews walk out", STRIKE_DAY_ONE + " Talks resume on Friday.",
                                      FLOOD.replace("flood", "strike"))]}]
    ingest_runs(tmp_path, runs)
    db_path = tmp_path / "archive.db"
    as_made_before_versions(db_path)
    compared = []
    real = ingest.store.same_story_texts

    def interrupted_at_the_second(earlier, later):
        compared.append(later)
        if len(compared) == 2:
            raise KeyboardInterrupt
        return real(earlier, later)

    monkeypatch.setattr(ingest.store, "same_story_texts", interrupted_at_the_second)
    with pytest.raises(KeyboardInterrupt):
        open_database(db_path)
    monkeypatch.setattr(ingest.store, "same_story_texts", real)
    with sqlite3.connect(db_path) as conn:  # nothing of the upgrade kept: not even the column
        assert "previous_version" not in [row[1] for row in conn.execute("PRAGMA table_info(articles)")]
    open_database(db_path).close()
    assert version_links(db_path) == {2: 0, 3: 1}
    with sqlite3.connect(db_path) as conn:
        assert link_versions_stored_unlinked(conn) == 0
        applied = [row[0] for row in conn.execute("SELECT name FROM _sqlite_migrations")]
    assert applied.count("0013_link_versions_stored_unlinked") == 1


@pytest.fixture(scope="module")
def dated_edits(tmp_path_factory):
    """Two dated stories of one outlet, the first edited twice (three texts at one address)."""
    folder = tmp_path_factory.mktemp("dated")
    url = "https://harborledger.example/2024/flood"
    texts = [ARTICLE_TEXT, EDITED_TEXT, EDITED_TEXT + "\n\nUpdated at six."]
    lines = [json.dumps({"title": "Flood closes bridge", "body": text, "url": url, "outlet": "The Harbor Ledger",
                         "published": "2024-03-05", "authors": ["Ann Lee"]}) for text in texts]
    lines.append(json.dumps({"title": "Bridge fund opens", "body": "A fund for the bridge repairs opened. " + OTHER_STORY,
                             "outlet": "The Harbor Ledger", "published": "2024-03-06", "authors": ["Ann Lee"],
                             "url": "https://harborledger.example/2024/fund"}))
    (folder / "export.jsonl").write_text("\n".join(lines) + "\n")
    db_path = folder / "archive.db"
    assert run_ingest([str(folder / "export.jsonl")], str(db_path), workers=1).new_versions == 2
    return open_database(db_path)


# (the filters, with q=bridge) every way of the query that picks matches by date, outlet or author
FILTERED = [
    {},
    {"sort": "newest"},
    {"since": "2024", "until": "2024"},              # whole years: the latest arrivals in them
    {"since": "2024-03-01", "until": "2024-03-31"},  # a part year: each match's date looked up
    {"outlet": "The Harbor Ledger"},
    {"author": "Ann Lee"},
    {"outlet": "The Harbor Ledger", "sort": "newest"},
]


@pytest.mark.parametrize("filters", FILTERED)
def test_every_way_of_the_search_shows_an_edited_story_once(dated_edits, filters):
    from ingest.search import search

    found = search(dated_edits, "bridge", **{k: v for k, v in filters.items() if k != "sort"},
                   newest=filters.get("sort") == "newest")
    assert sorted((r["id"], r["earlier_versions"], r["later_version"]) for r in found) == [
        (3, 2, None), (4, 0, None)]
    every = search(dated_edits, "bridge", all_versions=True, **{k: v for k, v in filters.items() if k != "sort"},
                   newest=filters.get("sort") == "newest")
    assert sorted((r["id"], r["later_version"]) for r in every) == [(1, 2), (2, 3), (3, None), (4, None)]


@pytest.fixture(scope="module")
def redated_edit(tmp_path_factory):
    """A story whose edit moved its date on and dropped a co-author."""
    folder = tmp_path_factory.mktemp("redated")
    url = "https://harborledger.example/2024/flood"
    first = {"title": "Flood closes bridge", "body": ARTICLE_TEXT, "url": url, "outlet": "The Harbor Ledger",
             "published": "2024-03-05", "authors": ["Ann Lee", "Ben Ortiz"]}
    edit = dict(first, body=EDITED_TEXT, published="2024-03-09", authors=["Ann Lee"])
    (folder / "export.jsonl").write_text(json.dumps(first) + "\n" + json.dumps(edit) + "\n")
    db_path = folder / "archive.db"
    assert run_ingest([str(folder / "export.jsonl")], str(db_path), workers=1).new_versions == 1
    return open_database(db_path)


# (the filters, with q=bridge; the hits: (id, earlier versions, later version))
REDATED = [
    ({"until": "2024-03-06"}, [(1, 0, 2)]),  # the edit is out of the range: the earlier text is the hit
    ({"since": "2024-03-01", "until": "2024-03-06"}, [(1, 0, 2)]),
    ({"until": "2024-03-06", "sort": "newest"}, [(1, 0, 2)]),
    ({"author": "Ben Ortiz"}, [(1, 0, 2)]),  # the edit dropped him
    ({"author": "Ben Ortiz", "sort": "newest"}, [(1, 0, 2)]),
    ({"author": "Ben Ortiz", "until": "2024-03-31"}, [(1, 0, 2)]),
    # near misses: filters the edit passes too
    ({}, [(2, 1, None)]),
    ({"until": "2024-03-31"}, [(2, 1, None)]),
    ({"since": "2024", "until": "2024"}, [(2, 1, None)]),
    ({"author": "Ann Lee"}, [(2, 1, None)]),
    ({"outlet": "The Harbor Ledger", "sort": "newest"}, [(2, 1, None)]),
    ({"since": "2024-03-08"}, [(2, 1, None)]),
]


@pytest.mark.parametrize("filters, found", REDATED)
def test_a_text_whose_edit_the_filters_leave_out_is_the_hit(redated_edit, filters, found):
    """An edit dated later than a search's range (or without one of its authors) hid the text
    the range holds: the story vanished from the search, found only with versions=all. The
    latest text that matches the whole search, filters included, is the hit."""
    from ingest.search import search

    hits = search(redated_edit, "bridge", **{k: v for k, v in filters.items() if k != "sort"},
                  newest=filters.get("sort") == "newest")
    assert [(r["id"], r["earlier_versions"], r["later_version"]) for r in hits] == found


@pytest.fixture(scope="module")
def redated_served(redated_edit):
    path = redated_edit.execute("PRAGMA database_list").fetchone()[2]
    with served_from(path) as get:
        yield get


# (a searched table page's filters, the ids it lists) on the story whose edit moved its date on
# and dropped a co-author
TABLE_FILTERS = [
    ("_search=bridge&published__lt=2024-03-06", [1]),  # the edit is dated after: the earlier text is listed
    ("_search=bridge&published__date=2024-03-05", [1]),
    ("_search=bridge&authors__arraycontains=" + quote("Ben Ortiz"), [1]),  # the edit dropped him
    ("_search=bridge&authors__arraycontains=" + quote("Ben Ortiz") + "&published__gte=2024-03-01", [1]),
    ("_search=bridge&_where=" + quote("published < '2024-03-06'"), [1]),
    ("_search=bridge&published__lt=2024-03-06&_searchmode=raw", [1]),
    ("_search_body=bridge&published__lt=2024-03-06", [1]),  # a column's search
    ("_search=bridge&published__lt=2024-03-06&_sort=published", [1]),
    # near misses: filters the edit passes too, no filter, and every text asked for
    ("_search=bridge", [2]),
    ("_search=bridge&published__lt=2024-03-31", [2]),
    ("_search=bridge&published__gte=2024-03-06", [2]),
    ("_search=bridge&authors__arraycontains=" + quote("Ann Lee"), [2]),
    ("_search_body=bridge&published__lt=2024-03-31", [2]),
    ("_search=bridge&published__lt=2024-03-06&_versions=all", [1]),
    ("_search=bridge&published__lt=2024-03-31&_versions=all", [1, 2]),
]


@pytest.mark.parametrize("table", ["articles", "article_facets"])
@pytest.mark.parametrize("query, ids", TABLE_FILTERS)
def test_a_table_pages_filters_count_for_the_later_version(redated_served, table, query, ids):
    """A searched table page with a column filter (?published__lt=) hid a text whose edit matched
    the words but not the filter: the earlier text, which passes it, vanished with the edit.
    The `search` query kept it (test above); the table pages now do the same."""
    response = redated_served(f"/archive/{table}.json?{query}&_shape=objects")
    assert response.status_code == 200, response.text
    assert sorted(row["id"] for row in response.json()["rows"]) == ids
    assert response.json()["filtered_table_rows_count"] == len(ids)


def test_a_through_filter_counts_for_the_later_version(redated_served):
    """?_through= (rows of another table that point here) is a filter of the page too."""
    def through(author: str) -> str:
        author_id = redated_served(f"/archive/authors.json?_shape=array&name={quote(author)}").json()[0]["id"]
        return quote(json.dumps({"table": "article_authors", "column": "author_id", "value": str(author_id)}))

    for author, ids in (("Ben Ortiz", [1]), ("Ann Lee", [2])):  # near miss: both texts name her
        response = redated_served(f"/archive/articles.json?_search=bridge&_through={through(author)}&_shape=array")
        assert response.status_code == 200, response.text
        assert [row["id"] for row in response.json()] == ids, author


def _harbour_reports(path):
    """An archive of 2,100 reports of one outlet that all match "harbour", one a second from
    2024-01-01 (ids 1-2100): enough that newest first walks the date index."""
    db = open_database(path)
    with db.conn:
        db.execute("INSERT INTO outlets (id, name, key) VALUES (1, 'Coast Weekly', 'coastweekly')")
        db.conn.executemany(
            "INSERT INTO articles (id, content_hash, title, body, published, outlet_id, first_seen) "
            "VALUES (?, ?, ?, ?, ?, 1, '2026-01-01')",
            [(i, f"h{i}", f"Harbour report {i}", f"The harbour board met for the {i}th time.",
              f"2024-01-01T00:{i // 60 % 60:02d}:{i % 60:02d}") for i in range(1, 2101)])
    return db


def test_the_walks_of_the_date_index_show_an_edited_story_once(tmp_path):
    """With 2,000 or more matches, newest first walks the date index (or the outlet's): the
    texts replaced by a later matching version are left out there too."""
    from ingest.search import search

    db = _harbour_reports(tmp_path / "many.db")
    with db.conn:
        # the newest story edited: 2101 replaces 2100 (dated the same), 2102 replaces 2101
        db.conn.executemany(
            "INSERT INTO articles (id, content_hash, title, body, published, outlet_id, first_seen, previous_version) "
            "VALUES (?, ?, 'Harbour report 2100', ?, '2024-01-01T00:35:00', 1, '2026-01-02', ?)",
            [(2101, "h2101", "The harbour board met for the 2100th time, it said.", 2100),
             (2102, "h2102", "The harbour board met for the 2100th time, it said on Monday.", 2101)])
    for filters in ({}, {"outlet": "Coast Weekly"}):
        found = search(db, "harbour", limit=3, newest=True, **filters)
        assert [r["id"] for r in found] == [2102, 2099, 2098], filters
        every = search(db, "harbour", limit=3, newest=True, all_versions=True, **filters)
        assert [r["id"] for r in every] == [2102, 2101, 2100], filters


def test_the_walks_of_the_date_index_keep_a_text_whose_edit_is_out_of_range(tmp_path):
    """As above, with the edit dated after the range (or under another outlet): the walks keep
    the text the range holds."""
    from ingest.search import search

    db = _harbour_reports(tmp_path / "many.db")
    with db.conn:
        db.execute("INSERT INTO articles (id, content_hash, title, body, published, outlet_id, first_seen, "
                   "previous_version) VALUES (2101, 'h2101', 'Harbour report 2100', "
                   "'The harbour board met for the 2100th time, it said.', '2024-02-01', 1, '2026-01-02', 2100)")
    for filters in ({"until": "2024-01-31"}, {"outlet": "Coast Weekly", "until": "2024-01-31"}):
        found = search(db, "harbour", limit=2, newest=True, **filters)
        assert [(r["id"], r["later_version"]) for r in found] == [(2100, 2101), (2099, None)], filters
    # near miss: the range holds the edit too
    found = search(db, "harbour", limit=2, newest=True, until="2024-02-28")
    assert [r["id"] for r in found] == [2101, 2099]


@pytest.mark.parametrize("older_reports", [0, 600])
def test_best_first_within_one_outlet_leaves_out_only_what_an_edit_there_replaced(tmp_path, older_reports):
    """Best first within one outlet with 500 matches or fewer ranks the outlet's matches as FTS5
    gives them, with no look-up of each (the search's way `alone`): a text replaced by a later
    version that has the words in the same outlet is left out as before; one whose edit is filed
    under another outlet, or no longer has the words, is kept. Near miss: with 600 older reports
    too, the same search looks each match up (the newest 500 by date) and must agree."""
    from ingest.search import search

    db = open_database(tmp_path / "outlets.db")
    with db.conn:
        db.execute("INSERT INTO outlets (id, name, key) VALUES (1, 'Coast Weekly', 'coastweekly'), "
                   "(2, 'Inland Daily', 'inlanddaily')")
        db.conn.executemany(
            "INSERT INTO articles (id, content_hash, title, body, published, outlet_id, first_seen) "
            "VALUES (?, ?, ?, 'The harbour board met again.', '2020-01-01', 1, '2026-01-01')",
            [(i, f"old{i}", f"Harbour minutes {i}") for i in range(1, older_reports + 1)])
        base = older_reports
        db.conn.executemany(
            "INSERT INTO articles (id, content_hash, title, body, published, outlet_id, first_seen, previous_version) "
            "VALUES (?, ?, ?, ?, '2024-05-01', ?, '2026-01-02', ?)",
            [(base + 1, "a1", "Harbour dues rise", "The harbour dues rise in May.", 1, None),
             (base + 2, "a2", "Harbour dues rise", "The harbour dues rise in June.", 1, base + 1),  # replaces 1 here
             (base + 3, "a3", "Quay repairs", "The harbour quay will be repaired.", 1, None),
             (base + 4, "a4", "Quay repairs", "The harbour quay will be repaired soon.", 2, base + 3),  # elsewhere
             (base + 5, "a5", "Ferry timetable", "The harbour ferry keeps its timetable.", 1, None),
             (base + 6, "a6", "Ferry timetable", "The ferry keeps its timetable.", 1, base + 5)])  # words gone
    found = search(db, "harbour", limit=older_reports + 10, outlet="Coast Weekly")
    assert sorted(r["id"] - base for r in found if r["id"] > base) == [2, 3, 5]
    assert {r["later_version"] for r in found if r["id"] - base in (3, 5)} == {base + 4, base + 6}
    every = search(db, "harbour", limit=older_reports + 10, outlet="Coast Weekly", all_versions=True)
    assert sorted(r["id"] - base for r in every if r["id"] > base) == [1, 2, 3, 5]


@pytest.mark.parametrize("matches", [500, 501])
def test_best_first_within_one_outlet_ranks_the_same_at_the_shortcuts_edge(tmp_path, matches):
    """At 500 matches in the outlet the search ranks them as FTS5 gives them (way `alone`); at 501
    it looks each up and ranks the newest 500 by date. Either way the rows and their order are
    those of the same search with a date range that holds every match (which never takes the
    shortcut), and an outlet typed in other capitals or one that does not exist agrees too."""
    from ingest.search import search

    db = open_database(tmp_path / "edge.db")
    with db.conn:
        db.execute("INSERT INTO outlets (id, name, key) VALUES (1, 'Coast Weekly', 'coastweekly'), "
                   "(2, 'Inland Daily', 'inlanddaily')")
        db.conn.executemany(
            "INSERT INTO articles (id, content_hash, title, body, published, outlet_id, first_seen) "
            "VALUES (?, ?, ?, ?, ?, ?, '2026-01-01')",
            [(i, f"h{i}", f"Harbour note {i}", "harbour " * (1 + i % 5) + "tide " * (i % 7),
              f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}", 1) for i in range(1, matches + 1)]
            + [(matches + 1, "other", "Elsewhere", "harbour", "2024-01-01", 2)])
    for outlet in ("Coast Weekly", "COAST WEEKLY", "Harbor Nowhere"):
        shortcut = [r["id"] for r in search(db, "harbour", limit=520, outlet=outlet)]
        ranged = [r["id"] for r in search(db, "harbour", limit=520, outlet=outlet, since="1900")]
        assert shortcut == ranged and len(shortcut) == (0 if outlet == "Harbor Nowhere" else 500)


@pytest.fixture(scope="module")
def dated_served(dated_edits):
    path = dated_edits.execute("PRAGMA database_list").fetchone()[2]
    with served_from(path) as get:
        yield get


# (a saved query, what it answers for q=bridge: each row's values; then with versions=all)
COUNTS = [
    ("coverage", [("The Harbor Ledger", 2)], [("The Harbor Ledger", 4)]),
    ("timeline", [("2024-03-05", 1), ("2024-03-06", 1)], [("2024-03-05", 3), ("2024-03-06", 1)]),
]


@pytest.mark.parametrize("query, once, every", COUNTS)
def test_coverage_and_timeline_count_an_edited_story_once(dated_served, query, once, every):
    def counted(extra: str) -> list[tuple]:
        rows = dated_served(f"/archive/{query}.json?_shape=array&q=bridge{extra}").json()
        return [(row["outlet"] if query == "coverage" else row["day"], row["articles"]) for row in rows]

    assert counted("") == once
    assert counted("&versions=all") == every
    assert dated_served(f"/archive/{query}.json?q=bridge&versions=each").status_code == 400
    # near miss: a word only the first text has: that text counts (its edit took the word out)
    rows = dated_served(f"/archive/{query}.json?_shape=array&q=forty").json()
    assert [row["articles"] for row in rows] == [1]


# (the runs, each a list of records; the previous_version of each article, in id order)
COPY_THEN_EDIT = "https://harborledger.example/news/flood-closes-bridge"
EDITS_OF_A_COPY = [
    # fail before: the text first seen at the second address was a duplicate of the story stored
    # from the first, so no article had that address, and its edit there was stored unlinked
    ([[record("Flood closes bridge", ARTICLE_TEXT, "https://harborledger.example/2024/flood")],
      [record("Flood closes bridge", ARTICLE_TEXT, COPY_THEN_EDIT)],
      [record("Flood closes bridge", EDITED_TEXT, COPY_THEN_EDIT)]], [None, 1]),
    # the same in one file, one batch
    ([[record("Flood closes bridge", ARTICLE_TEXT, "https://harborledger.example/2024/flood"),
       record("Flood closes bridge", ARTICLE_TEXT, COPY_THEN_EDIT),
       record("Flood closes bridge", EDITED_TEXT, COPY_THEN_EDIT)]], [None, 1]),
    # near misses: another outlet's copy under that address; another story under it; the edit
    # read before the copy in the same file
    ([[record("Flood closes bridge", ARTICLE_TEXT, "https://harborledger.example/2024/flood")],
      [record("Flood closes bridge", ARTICLE_TEXT, COPY_THEN_EDIT, "Valley Post")],
      [record("Flood closes bridge", EDITED_TEXT, COPY_THEN_EDIT)]], [None, None]),
    ([[record("Flood closes bridge", ARTICLE_TEXT, "https://harborledger.example/2024/flood")],
      [record("Flood closes bridge", ARTICLE_TEXT, COPY_THEN_EDIT)],
      [record("Chess club crowns a champion", OTHER_STORY, COPY_THEN_EDIT)]], [None, None]),
    ([[record("Flood closes bridge", ARTICLE_TEXT, "https://harborledger.example/2024/flood"),
       record("Flood closes bridge", EDITED_TEXT, COPY_THEN_EDIT),
       record("Flood closes bridge", ARTICLE_TEXT, COPY_THEN_EDIT)]], [None, None]),
]


@pytest.mark.parametrize("runs, links", EDITS_OF_A_COPY)
def test_an_edit_of_a_text_first_stored_as_a_duplicate_is_linked(tmp_path, db_path, runs, links):
    for number, lines in enumerate(runs):
        (tmp_path / f"run{number}.jsonl").write_text("\n".join(lines) + "\n")
        code, summary = ingest_json(tmp_path / f"run{number}.jsonl", "--db", db_path)
        assert code == 0
    assert [row[2] for row in articles(db_path)] == links


def saved_page(title: str, body: str) -> str:
    """A page as a browser saves it: the address it was saved from in a comment, no canonical link."""
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
    return ("<!DOCTYPE html>\n<!-- saved from url=(0042)https://harborledger.example/news/flood -->\n"
            f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>{paragraphs}"
            "</article></body></html>")


@pytest.mark.parametrize("first_save, later_saves", [
    # fail before: a browser names a page saved again "Story (1).html", "Story (2).html"...; walked
    # in the names' order, the first save ("Story.html", after "Story (1).html" as "." sorts after
    # " ") was stored last, and became the latest text, "replacing" the edit saved after it
    ("Flood.html", ["Flood (1).html"]),
    ("Flood.html", ["Flood (1).html", "Flood (2).html"]),
    ("Flood.html", ["Flood(1).html", "Flood(10).html"]),  # (Firefox's way, and 10 after 1 to 9)
    # near miss: names of their own, walked in their order as before
    ("Flood a.html", ["Flood b.html"]),
])
def test_pages_saved_again_by_a_browser_are_stored_in_the_order_saved(tmp_path, db_path, first_save, later_saves):
    folder = tmp_path / "saved"
    folder.mkdir()
    texts = [ARTICLE_TEXT, EDITED_TEXT, EDITED_TEXT + "\n\nThe market reopens on Monday, traders were told."]
    for name, text in zip([first_save, *later_saves], texts):
        (folder / name).write_text(saved_page("Flood closes bridge", text))
    run_ingest([str(folder)], db_path, workers=1)
    stored = articles(db_path)
    assert [" ".join(body.split()) for *_, body in stored] == [" ".join(text.split()) for text in texts[:len(stored)]]
    assert len(stored) == 1 + len(later_saves)
    assert [previous for _, _, previous, _ in stored] == [None, *[id_ for id_, *_ in stored[:-1]]]


def test_a_glob_of_pages_saved_again_takes_them_in_the_order_saved(tmp_path, db_path):
    folder = tmp_path / "saved"
    folder.mkdir()
    (folder / "Flood.html").write_text(saved_page("Flood closes bridge", ARTICLE_TEXT))
    (folder / "Flood (1).html").write_text(saved_page("Flood closes bridge", EDITED_TEXT))
    run_ingest([str(folder / "*.html")], db_path, workers=1)
    (first, *_), (_, _, previous, latest) = articles(db_path)
    assert previous == first and "fifty-two homes" in latest
