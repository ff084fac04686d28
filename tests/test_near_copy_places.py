"""The places a story ran take in its near copies: a wire story run by three outlets, one of them
with its own edits (a "Read more" line, a changed paragraph), is stored as an article per text,
linked in near_copies, and was missing from "Syndicated stories", from stats' count and from the
places `search` and the article page name. Each place now says whether it ran the same text or an
edited copy, and the rules of exact copies hold for the edited ones (a clipping naming neither
outlet nor address is no place, the same outlet, address and day is one place).

near_copy_stories (schema/0026) keeps each linked article's story: every article linked to it,
directly or through another copy."""

import random

import pytest

from ingest.store import open_database

from conftest import connect
from test_near_copies import BYLINE_IN_BODY, READ_MORE, WIRE_STORY, ingest_records, record

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
