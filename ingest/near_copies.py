"""Near copies (part of the store stage): articles at different outlets whose texts are evidently
one story, a wire story with a "Read more" line, a changed verb or a byline left in its body at
each outlet, which the content hash stores as separate articles.

Each stored body gets a sketch (text_sketch), kept in article_sketches (schema/0024); the
candidates for a new text are the stored articles sharing several of its sketch's hashes, found by
one index seek a hash, and each is confirmed on the two whole texts (near_copy_share: most of
the shorter text's runs in the other, and each text's opening in the other). A text is never compared with every article.
"""

import heapq
import sqlite3
from zlib import crc32

from .store import ordered_word_runs

# The sketch: the 16 smallest hashes of a body's three-word runs (a bottom-k MinHash sketch).
# Two texts' sketches share about as many hashes as the share of runs the two texts share, so a
# near copy (at least 0.7 of the shorter text's runs in the other, NEAR_COPY_SHARED_RUNS; a wire
# story with a changed sentence shares 0.9 and more) shares several of its 16, and two stories
# of one event (at most 0.22 of their runs shared, store.VERSION_SHARED_RUNS) few. A candidate
# shares 4 or more: of pairs of texts of 200 runs (500 simulated draws each, random runs), those
# sharing 0.5 of their runs pass in 98.8% of draws, 0.6 in 99.8%, 0.7 and more in all; a text half
# the other's length and wholly in it in 99%, a quarter of its length in 60% (a brief made of a
# long story is not what near copies are for); pairs sharing 0.1 in 4%, 0.05 in 0.2%. With 2,
# pairs sharing 0.1 passed in 41%: a generated corpus made of a pool of sentences gave 20
# candidates a text, every one of them read and refused (6 ms a text stored, ingest 2.2 times
# slower). Nor does a share estimated from the two sketches sort them out: it is made of the
# same hashes that made them candidates, so it is as high by the same chance.
# 16, not more: each hash is a row of two indexes (about 30 bytes with the article's), and a
# seek when a text is stored.
NEAR_COPY_SKETCH = 16
NEAR_COPY_SHARED_HASHES = 4
# A text of fewer runs than this (about 30 words: a brief, a caption, a "Read more" stub) gets no
# sketch and is nobody's near copy: half of a few runs is one common phrase ("said in a
# statement on Monday"), no evidence of one story.
NEAR_COPY_MIN_RUNS = 30
# A hash is read for the latest articles that carry it only, this many: a run every article of
# a site ends with ("all rights reserved") is in the sketch of a few in a hundred of them, and
# reading all of them would make storing a text slower as the archive grows. A real near copy
# shares several hashes, and is found by the others.
NEAR_COPY_BUCKET = 50
# At most this many candidates, most shared hashes first, are confirmed on their texts (each a
# read of a body and its runs counted).
NEAR_COPY_CONFIRMED = 20
# The confirm step. The same-story test of versions (store.same_story_texts: half the
# shorter text's runs in the other) is made for texts at one address, which are one story or an
# edit of it; across outlets, different stories share whole paragraphs that are not the story: a
# legal disclaimer, a newsletter pitch, a press release's "About" section, quotes two reporters
# took down at one council meeting, a weather line or a score table of another day. Written pairs
# of these share 0.58 to 0.75 of the shorter text's runs; a wire story with one of its two
# paragraphs' sentences rewritten shares 0.75, with a byline, a dateline or a tagline 1.0. So a
# near copy shares NEAR_COPY_SHARED_RUNS of the shorter text's runs, and each text's opening
# (its first NEAR_COPY_OPENING_RUNS runs; a byline or dateline is a few of them) is mostly in
# the other: shared boilerplate, quotes and templates are not at the start of both texts, and a
# follow-up that retells the first story after a new opening is not a copy of it.
NEAR_COPY_SHARED_RUNS = 0.7
NEAR_COPY_OPENING_RUNS = 20
NEAR_COPY_OPENING_SHARED = 0.5


def text_sketch(body: str | None) -> list[int]:
    """The sketch of a body: the NEAR_COPY_SKETCH smallest hashes of its three-word runs (its
    words casefolded, as the same-story test reads them, store.ordered_word_runs); none for a short text.

    The hash is CRC-32, the same in every process (Python's hash() of a string is not): 32 bits
    are enough, as two runs that collide only add a candidate, which must share 4 hashes and is
    then read; and at a third of the time of a 64-bit BLAKE2 hash (0.63 ms a text of 4,000
    characters, the words included, against 1.65 ms) it is what made sketching cheap enough to
    run for every text stored. Pairs pass as often as with BLAKE2 (of 400 pairs of texts
    sharing 0.41 of their runs, 0.912 and 0.902; sharing 0.08, 0.022 both)."""
    hashes = {crc32(" ".join(run).encode()) for run in ordered_word_runs(body)}
    if len(hashes) < NEAR_COPY_MIN_RUNS:
        return []
    return heapq.nsmallest(NEAR_COPY_SKETCH, hashes)


def near_copy_share(runs: list, other_runs: list) -> float | None:
    """The share of the shorter text's runs found in the other, when two texts of different
    outlets (each given as store.ordered_word_runs) are one story (NEAR_COPY_SHARED_RUNS and both openings,
    above); None when they are not."""
    found, other_found = set(runs), set(other_runs)
    if not (found and other_found):
        return None
    shared = len(found & other_found) / min(len(found), len(other_found))
    if shared < NEAR_COPY_SHARED_RUNS:
        return None
    for opening, other in ((runs[:NEAR_COPY_OPENING_RUNS], other_found), (other_runs[:NEAR_COPY_OPENING_RUNS], found)):
        if sum(run in other for run in opening) < NEAR_COPY_OPENING_SHARED * len(opening):
            return None
    return shared


_LATEST_WITH_HASH = f"SELECT article_id FROM article_sketches WHERE hash = ? ORDER BY article_id DESC LIMIT {NEAR_COPY_BUCKET}"
# The candidates of a sketch in one statement: each hash's latest articles (an index seek each),
# those found for several hashes, most first, of another outlet than the new text's (its own
# outlet's articles, which share a site's footer, would fill the NEAR_COPY_CONFIRMED places and be
# read for nothing: 3,000 articles of one outlet ending alike read 19.9 candidates a text).
# A hash whose bucket is full (NEAR_COPY_BUCKET articles carry it) is a run of a template many
# stored texts share, a footer, a disclaimer or a pitch at several outlets: it is not counted
# towards a candidate's NEAR_COPY_SHARED_HASHES, unless the candidate shares twice as many (a
# wire story that ran at more outlets than a bucket holds shares most of its 16). Counted, texts
# ending with one footer at 5 outlets read 19.9 candidates a text stored, each refused.
_FULL_BUCKET_SHARED_HASHES = 2 * NEAR_COPY_SHARED_HASHES
_CANDIDATES_SQL = (
    "SELECT found.article_id FROM (SELECT article_id, count(*) AS hashes, sum(template) AS templates FROM ("
    + " UNION ALL ".join([f"SELECT article_id, count(*) OVER () = {NEAR_COPY_BUCKET} AS template "
                          f"FROM ({_LATEST_WITH_HASH})"] * NEAR_COPY_SKETCH)
    + f") GROUP BY article_id HAVING hashes - templates >= {NEAR_COPY_SHARED_HASHES} "
    f"OR hashes >= {_FULL_BUCKET_SHARED_HASHES}) AS found "
    "JOIN articles ON articles.id = found.article_id "
    "WHERE articles.outlet_id IS NOT NULL AND articles.outlet_id != ? AND found.article_id != ? "
    f"ORDER BY found.hashes DESC, found.article_id DESC LIMIT {NEAR_COPY_CONFIRMED}")


def candidates(conn: sqlite3.Connection, sketch: list[int], outlet_id: int, article_id: int = 0) -> list[int]:
    """The ids of the sketched articles of outlets other than `outlet_id` (not `article_id`)
    sharing NEAR_COPY_SHARED_HASHES or more of `sketch`'s."""
    if len(sketch) < NEAR_COPY_SKETCH:
        return []
    return [found for found, in conn.execute(_CANDIDATES_SQL, [*sketch, outlet_id, article_id])]


def link_near_copies(conn: sqlite3.Connection, article_id: int, outlet_id: int | None,
                     body: str | None, sketch: list[int] | None = None) -> list[tuple[int, float]]:
    """Sketch the stored article `article_id` and link it to the sketched articles of other
    outlets that are near copies of it; return them, (id, shared). Idempotent: its sketch and
    links are written once (INSERT OR IGNORE), nothing else is changed.

    A text naming no outlet (a clipping) says nothing of where it ran: it is sketched, so that
    nothing has to be read again if it gets one, but linked to nobody. Texts of one outlet are
    not near copies: an edit there is a version of its story (store.Store._link_versions), and
    the same text under two addresses of one site is not the story running elsewhere.
    `sketch`: the body's text_sketch, when the caller made it (ingest's workers do)."""
    if sketch is None:
        sketch = text_sketch(body)
    if not sketch:
        return []
    found = []
    ids = candidates(conn, sketch, outlet_id, article_id) if outlet_id is not None else []
    if ids:
        runs = ordered_word_runs(body)
        rows = conn.execute(f"SELECT id, body FROM articles WHERE id IN ({', '.join('?' * len(ids))})",
                            ids).fetchall()
        for other, other_body in rows:
            shared = near_copy_share(runs, ordered_word_runs(other_body))
            if shared is not None:
                found.append((other, round(shared, 3)))
        conn.executemany("INSERT OR IGNORE INTO near_copies (article_id, copy_of, shared) VALUES (?, ?, ?)",
                         [(max(article_id, other), min(article_id, other), shared) for other, shared in found])
    conn.executemany("INSERT OR IGNORE INTO article_sketches (hash, article_id) VALUES (?, ?)",
                     [(value, article_id) for value in sketch])
    return found


def relink_near_copies(conn: sqlite3.Connection, article_id: int) -> list[tuple[int, float]]:
    """Link the stored article `article_id` again, its outlet changed (a corrected sidecar, a
    reparse): its links were made for its old outlet (two articles now of one outlet are not
    near copies, a clipping given an outlet has none yet). Its sketch is kept: its body is the
    same. Return the near copies found again, as link_near_copies (links kept are not listed)."""
    outlet_id, body = conn.execute("SELECT outlet_id, body FROM articles WHERE id = ?",
                                          (article_id,)).fetchone()
    # Only the links its new outlet undoes go: to an article of that outlet, or all of them when
    # it has none now. The others stay: found again, they would be cut to the candidates' limit
    # and the latest texts of each hash (a story at 25 outlets kept 20 of its 24 links).
    conn.execute("DELETE FROM near_copies WHERE (article_id = ? AND (? IS NULL OR copy_of IN "
                 "(SELECT id FROM articles WHERE outlet_id = ?))) OR (copy_of = ? AND (? IS NULL OR "
                 "article_id IN (SELECT id FROM articles WHERE outlet_id = ?)))",
                 (article_id, outlet_id, outlet_id, article_id, outlet_id, outlet_id))
    sketch = [value for value, in conn.execute(
        "SELECT hash FROM article_sketches WHERE article_id = ? ORDER BY hash", (article_id,))]
    return link_near_copies(conn, article_id, outlet_id, body, sketch or None)


# The stored articles past an id that have no sketch (stored before schema/0024), oldest first.
UNSKETCHED_SQL = ("FROM articles WHERE id > ? AND NOT EXISTS "
                  "(SELECT 1 FROM article_sketches WHERE article_sketches.article_id = articles.id) ORDER BY id")


def sketch_stored_articles(conn: sqlite3.Connection, after: int = 0, limit: int | None = None) -> tuple[int, int]:
    """Sketch and link the stored articles with ids past `after` that have no sketch yet (an
    archive's articles stored before schema/0024), oldest first, each linked to the ones sketched
    before it; return (articles read, near copies linked). Idempotent; a short text, which gets
    no sketch, is read again by each run."""
    read = linked = 0
    while limit is None or read < limit:
        # (a thousand texts at a time: the bodies of a million articles do not fit in memory)
        rows = conn.execute(
            f"SELECT id, outlet_id, body {UNSKETCHED_SQL} LIMIT ?",
            (after, 1000 if limit is None else min(1000, limit - read))).fetchall()
        if not rows:
            break
        for article_id, outlet_id, body in rows:
            read += 1
            linked += len(link_near_copies(conn, article_id, outlet_id, body))
        after = rows[-1][0]
    return read, linked


# After a CTE pairs(article_id, other, shared), the CTE latest(article_id, other, shared): a near
# copy since edited at its own address is named by its latest version, not by the text it ran as,
# which that edit replaced (each branch of its story once, by its latest text).
LATEST_OF_PAIRS_SQL = (
    "later(article_id, other, shared) AS (SELECT * FROM pairs UNION "
    "SELECT later.article_id, edit.id, later.shared FROM later JOIN articles AS edit ON edit.previous_version = later.other), "
    "latest(article_id, other, shared) AS (SELECT article_id, other, max(shared) FROM later "
    "WHERE other != article_id AND NOT EXISTS (SELECT 1 FROM articles AS edit WHERE edit.previous_version = later.other) "
    "GROUP BY article_id, other) ")


def near_copies_of(conn: sqlite3.Connection, ids: list[int]) -> dict[int, list[dict]]:
    """For each of the articles `ids`, its near copies, most shared first: id, outlet, title,
    url, published and shared (of the shorter text's three-word runs, in the other), each the
    latest version of its story (one edited since it was linked is named by its edit). An archive
    whose schema predates near copies (read on a read-only disk, not upgraded) has none."""
    if not ids or conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'near_copies'").fetchone() is None:
        return {}
    marks = ", ".join("?" * len(ids))
    found: dict[int, list[dict]] = {}
    for article_id, other, shared, outlet, title, url, published in conn.execute(
            "WITH pairs(article_id, other, shared) AS ("
            f"SELECT article_id, copy_of, shared FROM near_copies WHERE article_id IN ({marks}) UNION ALL "
            f"SELECT copy_of, article_id, shared FROM near_copies WHERE copy_of IN ({marks})), "
            + LATEST_OF_PAIRS_SQL +
            "SELECT latest.article_id, latest.other, latest.shared, outlets.name, articles.title, articles.url, "
            "articles.published FROM latest JOIN articles ON articles.id = latest.other "
            "LEFT JOIN outlets ON outlets.id = articles.outlet_id ORDER BY latest.shared DESC, latest.other",
            [*ids, *ids]):
        found.setdefault(article_id, []).append(
            {"id": other, "outlet": outlet, "title": title, "url": url, "published": published, "shared": shared})
    return found


def recount_story_places(conn: sqlite3.Connection) -> int:
    """Count again the places of the stories a write named stale (schema/0027), into
    story_place_counts, which the syndication query reads; return how many were counted. Run
    inside the writer's transaction (each batch ingest commits) or one of its own; with none
    stale, one look at an empty table."""
    if conn.execute("SELECT 1 FROM story_place_counts_stale LIMIT 1").fetchone() is None:
        return 0
    from .normalise import sql_same_address_key  # (slow to import for courlan: only when needed)

    conn.create_function("same_address_key", 1, sql_same_address_key, deterministic=True)
    conn.execute("DELETE FROM story_place_counts WHERE story_id IN (SELECT story_id FROM story_place_counts_stale)")
    conn.execute("INSERT INTO story_place_counts (story_id, copies, outlets, edited) "
                 "SELECT story_id, copies, outlets, edited FROM stale_story_place_counts")
    return conn.execute("DELETE FROM story_place_counts_stale").rowcount
