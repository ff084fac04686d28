"""The places a story ran take in its near copies: a wire story run by three outlets, one of them
with its own edits (a "Read more" line, a changed paragraph), is stored as an article per text,
linked in near_copies, and was missing from "Syndicated stories", from stats' count and from the
places `search` and the article page name. Each place now says whether it ran the same text or an
edited copy, and the rules of exact copies hold for the edited ones (a clipping naming neither
outlet nor address is no place, the same outlet, address and day is one place).

near_copy_stories (schema/0026) keeps each linked article's story: every article linked to it,
directly or through another copy."""

import json
import random
import sqlite3

import pytest

from ingest.store import open_database

from conftest import connect, ingest_json, run_cli, served_from
from test_near_copies import BYLINE_IN_BODY, READ_MORE, SAME_EVENT, WIRE_STORY, ingest_records, record

HERALD = record(WIRE_STORY, "Coastal Herald", "https://herald.example/ferry")
VALLEY = record(READ_MORE, "Valley Times", "https://valley.example/ferry")
LANTERN = record(BYLINE_IN_BODY, "Evening Lantern", "https://lantern.example/ferry")


# --- the stories kept (schema/0026) ---------------------------------------------------------------

def components(links) -> dict[int, int]:
    """Each linked article's story, the least id of those linked to it directly or not (a
    union-find written here, to check the triggers against)."""
    parent: dict[int, int] = {}

    def root(node):
        while parent.setdefault(node, node) != node:
            node = parent[node]
        return node

    for a, b in links:
        first, second = sorted((root(a), root(b)))
        parent[second] = first
    return {node: root(node) for node in parent}


def stories(conn) -> dict[int, int]:
    return dict(conn.execute("SELECT article_id, story_id FROM near_copy_stories"))


@pytest.mark.parametrize("links, unlinked, expected", [
    ([(2, 1), (3, 1)], [], {1: 1, 2: 1, 3: 1}),
    # a chain: 3 is one story with 1 through 2 (each link is a confirmed pair, not every pair is)
    ([(2, 1), (3, 2)], [], {1: 1, 2: 1, 3: 1}),
    # two stories joined by a later link take the lesser id
    ([(4, 3), (2, 1), (4, 2)], [], {1: 1, 2: 1, 3: 1, 4: 1}),
    # the link that held the chain removed: two stories, and an article left unlinked is none
    ([(2, 1), (3, 2), (5, 4)], [(3, 2)], {1: 1, 2: 1, 4: 4, 5: 4}),
    ([(2, 1), (3, 2), (4, 3)], [(3, 2)], {1: 1, 2: 1, 3: 3, 4: 3}),
    # near miss: a link removed where another still holds the story together
    ([(2, 1), (3, 1), (3, 2)], [(2, 1)], {1: 1, 2: 1, 3: 1}),
    # the story's first article unlinked: the story goes on under the next least id
    ([(2, 1), (3, 1), (3, 2)], [(2, 1), (3, 1)], {2: 2, 3: 2}),
])
def test_a_story_is_every_article_linked_to_it_directly_or_not(tmp_path, links, unlinked, expected):
    open_database(tmp_path / "a.db").conn.close()
    conn = connect(tmp_path / "a.db")  # (foreign keys off: links of articles not written)
    conn.executemany("INSERT INTO near_copies (article_id, copy_of, shared) VALUES (?, ?, 0.9)", links)
    conn.executemany("DELETE FROM near_copies WHERE article_id = ? AND copy_of = ?", unlinked)
    assert stories(conn) == expected


def test_the_stories_follow_every_link_written_and_removed(tmp_path):
    open_database(tmp_path / "a.db").conn.close()
    conn = connect(tmp_path / "a.db")
    chance = random.Random(36)
    links: set[tuple[int, int]] = set()
    for _ in range(300):
        a, b = chance.sample(range(1, 40), 2)
        pair = (max(a, b), min(a, b))
        if pair in links and chance.random() < 0.6:
            links.discard(pair)
            conn.execute("DELETE FROM near_copies WHERE article_id = ? AND copy_of = ?", pair)
        else:
            links.add(pair)
            conn.execute("INSERT OR IGNORE INTO near_copies (article_id, copy_of, shared) VALUES (?, ?, 0.8)", pair)
        assert stories(conn) == components(links)


def test_an_archive_linked_before_is_given_its_stories_once(tmp_path):
    # An archive linked by 0024's ingest or link-copies, not yet upgraded to 0026
    open_database(tmp_path / "a.db").conn.close()
    conn = connect(tmp_path / "a.db")
    links = [(2, 1), (3, 2), (5, 4), (7, 6), (7, 5)]
    conn.executemany("INSERT INTO articles (id, content_hash, first_seen, body) VALUES (?, ?, '', '')",
                     [(article, str(article)) for article in range(1, 8)])
    conn.executemany("INSERT INTO near_copies (article_id, copy_of, shared) VALUES (?, ?, 0.9)", links)
    conn.executescript("DROP TABLE near_copy_stories; DROP TRIGGER near_copies_join_stories; "
                       "DROP TRIGGER near_copies_join_stories_again; DROP TRIGGER near_copies_split_stories; "
                       "DELETE FROM _sqlite_migrations WHERE name = '0026_near_copy_stories';")
    conn.close()
    conn = open_database(tmp_path / "a.db").conn
    assert stories(conn) == components(links) == {1: 1, 2: 1, 3: 1, 4: 4, 5: 4, 6: 4, 7: 4}


def test_an_article_deleted_with_sql_leaves_its_story(tmp_path, db_path):
    ingest_records(tmp_path, db_path, [HERALD, VALLEY, LANTERN])
    with connect(db_path) as conn:
        assert stories(conn) == {1: 1, 2: 1, 3: 1}
        conn.execute("DELETE FROM articles WHERE id = 1")
        assert stories(conn) == {2: 2, 3: 2}


# --- where users look -----------------------------------------------------------------------------

def served_json(db_path, path):
    with served_from(db_path) as get:
        answer = get(path)
    assert answer.status_code == 200, answer.text
    return answer.json()


def syndication_rows(db_path, query=""):
    return [(row["article_id"], row["copies"], row["outlets"], row["edited"], row["outlet"], row["text"],
             row["text_id"]) for row in served_json(db_path, "/archive/syndication.json?_shape=array" + query)]


def test_syndication_takes_in_near_copies(tmp_path, db_path):
    # fails before: three outlets ran the story, two of them edited; no text was seen twice, so
    # "Syndicated stories" had none
    ingest_records(tmp_path, db_path, [HERALD, VALLEY, LANTERN,
                                       record(SAME_EVENT, "Evening Lantern", "https://lantern.example/talks",
                                              title="Ferry talks resume")])
    assert syndication_rows(db_path) == [
        (1, 3, 3, 2, "Coastal Herald", "same", 1),
        (1, 3, 3, 2, "Valley Times", "edited", 2),
        (1, 3, 3, 2, "Evening Lantern", "edited", 3)]
    # the same text only, as before near copies: none
    assert syndication_rows(db_path, "&texts=same") == []
    # a search finds the story by words of any of its texts ("Read more" is the Valley Times' line)
    assert [row[4] for row in syndication_rows(db_path, "&q=%22read+more%22")] == [
        "Coastal Herald", "Valley Times", "Evening Lantern"]
    assert syndication_rows(db_path, "&q=mediator") == []
    with served_from(db_path) as get:
        refused = get("/archive/syndication.json?texts=edited")
        page = get("/archive/syndication").text
    assert refused.status_code == 400 and "texts" in refused.json()["error"]
    assert '<a href="/archive/articles/2">#2</a>' in page  # (the edited copy's own article)


def test_texts_same_lists_what_ran_word_for_word(tmp_path, db_path):
    # near miss: the same text only is what syndication listed before near copies
    ingest_records(tmp_path, db_path, [HERALD, VALLEY, record(WIRE_STORY, "Northfield Courier", "https://courier.example/ferry")])
    assert syndication_rows(db_path, "&texts=same") == [
        (1, 2, 2, 0, "Coastal Herald", "same", 1), (1, 2, 2, 0, "Northfield Courier", "same", 1)]
    assert [row[1:4] for row in syndication_rows(db_path)] == [(3, 3, 1)] * 3


@pytest.mark.parametrize("copy, places, same_places", [
    # an exact copy of the Herald's text at a fourth outlet: a place of the same text
    (record(WIRE_STORY, "Northfield Courier", "https://courier.example/ferry"), 4, 2),
    # near miss: the Valley Times' page saved twice (the same outlet, address and day) is one place
    (VALLEY, 3, 1),
    # ... and with a trailing slash, the same address
    (record(READ_MORE, "Valley Times", "https://valley.example/ferry/"), 3, 1),
    # a clipping of the edited text naming neither outlet nor address is no place
    ({"title": "Ferry crews walk out at Larchmouth", "body": READ_MORE}, 3, 1),
    # near miss: the Valley Times ran its edit again another day: another place
    (VALLEY | {"published": "2024-03-09"}, 4, 1),
])
def test_the_rules_of_a_place_hold_for_edited_copies(tmp_path, db_path, copy, places, same_places):
    day = {"published": "2024-03-05"}
    ingest_records(tmp_path, db_path, [HERALD | day, VALLEY | day, LANTERN | day])
    ingest_records(tmp_path, db_path, [day | copy], name="copies.jsonl")
    rows = syndication_rows(db_path)
    assert {row[1] for row in rows} == {places} and len(rows) == places
    assert sum(row[5] == "same" for row in rows) == same_places
    assert {row[3] for row in rows} == {places - same_places}


def test_search_counts_the_places_of_edited_copies(tmp_path, db_path):
    # fails before: "ran in 2 places" of a story four outlets ran (two of them edited it)
    ingest_records(tmp_path, db_path, [HERALD, VALLEY, LANTERN,
                                       record(WIRE_STORY, "Northfield Courier", "https://courier.example/ferry")])
    found = {row["id"]: row for row in json.loads(run_cli("search", "chartered", "--db", db_path, "--json").stdout)}
    assert {article: (row["places"], row["ran_in"], row["edited_in"]) for article, row in found.items()} == {
        1: (4, ["Coastal Herald", "Valley Times", "Evening Lantern", "Northfield Courier"],
            ["Valley Times", "Evening Lantern"]),
        2: (4, ["Coastal Herald", "Valley Times", "Evening Lantern", "Northfield Courier"],
            ["Coastal Herald", "Evening Lantern", "Northfield Courier"]),
        3: (4, ["Coastal Herald", "Valley Times", "Evening Lantern", "Northfield Courier"],
            ["Coastal Herald", "Valley Times", "Northfield Courier"])}
    printed = run_cli("search", "chartered", "--db", db_path).stdout
    assert ("(ran in 4 places: Coastal Herald, Valley Times (edited), Evening Lantern (edited), Northfield Courier; "
            "also ran, edited, at: ") in printed
    # the served search's JSON and page the same
    served = served_json(db_path, "/archive/search.json?q=chartered&_shape=array")
    assert {row["id"]: (row["places"], json.loads(row["edited_in"])) for row in served} == {
        article: (row["places"], row["edited_in"]) for article, row in found.items()}
    with served_from(db_path) as get:
        page = get("/archive/search?q=chartered").text
    assert "ran in 4 places</a>" in page
    assert ('<td class="col-ran_in">Coastal Herald, Valley Times (edited), Evening Lantern (edited), '
            'Northfield Courier</td>') in page


def test_a_story_seen_once_and_never_copied_still_ran_in_one_place(tmp_path, db_path):
    # near miss: a story no other outlet ran has no edited_in and one place
    ingest_records(tmp_path, db_path, [HERALD, record(SAME_EVENT, "Valley Times", "https://valley.example/talks")])
    found = json.loads(run_cli("search", "mediator", "--db", db_path, "--json").stdout)
    assert [(row["places"], row["ran_in"], row["edited_in"]) for row in found] == [(1, ["Valley Times"], [])]
    assert "ran in" not in run_cli("search", "mediator", "--db", db_path).stdout


def test_the_article_page_lists_the_places_of_edited_copies(tmp_path, db_path):
    # fails before: the page of a story three outlets ran said nothing of places
    ingest_records(tmp_path, db_path, [HERALD, VALLEY, LANTERN])
    with served_from(db_path) as get:
        page = get("/archive/articles/1").text
        copy = get("/archive/articles/2").text
    assert "Ran in 3 places</a> (outlets, addresses and dates below, edited copies among them)" in page
    assert "3 copies, 2 of them\n  of an edited copy at another outlet" in page
    assert 'edited copy, <a href="/archive/articles/2">#2</a>' in page
    assert 'edited copy, <a href="/archive/articles/1">#1</a>' in copy and "Ran in 3 places" in copy


def test_places_are_counted_alike_everywhere(tmp_path, db_path):
    # a chain: the Lantern's text linked to the Valley Times' only, the Valley Times' to the
    # Herald's (written by hand: two outlets' edits each near the wire text need not be near each
    # other), and the Herald's text seen at a fourth outlet too
    ingest_records(tmp_path, db_path, [HERALD, record(WIRE_STORY, "Northfield Courier", "https://courier.example/ferry"),
                                       record(SAME_EVENT, "Valley Times", "https://valley.example/talks",
                                              title="Ferry talks resume"),
                                       record(SAME_EVENT + " Talks go on.", "Evening Lantern",
                                              "https://lantern.example/talks", title="Ferry talks resume")])
    with sqlite3.connect(db_path) as conn:
        conn.execute("DELETE FROM near_copies")
        conn.executemany("INSERT INTO near_copies (article_id, copy_of, shared) VALUES (?, ?, 0.9)", [(2, 1), (3, 2)])
    hits = json.loads(run_cli("search", "ferry", "--db", db_path, "--json").stdout)
    rows = syndication_rows(db_path)
    stats = json.loads(run_cli("stats", "--db", db_path, "--json").stdout)
    with served_from(db_path) as get:
        pages = [get(f"/archive/articles/{article}").text for article in (1, 2, 3)]
    assert {row["id"]: row["places"] for row in hits} == {1: 4, 2: 4, 3: 4}
    assert {row[1] for row in rows} == {4} and [row[6] for row in rows] == [1, 1, 2, 3]
    assert stats["syndicated_articles"] == 1
    assert all("Ran in 4 places" in page for page in pages)


def test_stats_counts_a_story_once_with_its_edited_copies(tmp_path, db_path):
    # fails before: a story two outlets ran, each its own text, was no syndicated story
    ingest_records(tmp_path, db_path, [HERALD, VALLEY])
    assert json.loads(run_cli("stats", "--db", db_path, "--json").stdout)["syndicated_articles"] == 1
    ingest_records(tmp_path, db_path, [LANTERN], name="more.jsonl")
    assert json.loads(run_cli("stats", "--db", db_path, "--json").stdout)["syndicated_articles"] == 1
    code, _ = ingest_json(tmp_path / "more.jsonl", "--db", db_path)  # (a re-run changes nothing)
    assert code == 0
    assert json.loads(run_cli("stats", "--db", db_path, "--json").stdout)["syndicated_articles"] == 1
