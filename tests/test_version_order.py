"""The versions of an edited story in the order they were captured, whatever order they were
ingested in (store.later_text, store.place_in_story): a later crawl ingested before an earlier
one, saved pages whose names do not sort by time, a JSON Lines export in any order, an older copy
of a feed added after the refreshed one. Each capture kind is ingested in both orders (and three
versions in every order), and both archives must give the same chain, the same search hit and the
same later_version / earlier_versions through the JSON API. Without evidence, ingest order stays."""

import io
import itertools
import json
import sqlite3

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from ingest.store import later_text, order_versions_by_evidence

from conftest import ARTICLE_TEXT, ingest_json, run_cli, served_from, undo_source_authors

URL = "https://harborledger.example/2024/03/05/flood"
# Three texts of one story, each told by the words it alone has (forty, fifty-two, sixty homes).
TEXTS = {
    "forty": ARTICLE_TEXT,
    "fifty-two": ARTICLE_TEXT.replace("forty homes", "fifty-two homes")
    + "\n\nBy noon the bridge had reopened to pedestrians, the council said.",
    "sixty": ARTICLE_TEXT.replace("forty homes", "sixty homes")
    + "\n\nBy noon the bridge had reopened to pedestrians, the council said."
    + "\n\nThe warden thanked the volunteers and said the clean-up would take a week.",
}
FIRST, SECOND, THIRD = TEXTS  # in the order they were written


# --- the evidence, on inputs we wrote ----------------------------------------------------------

# (the evidence of two texts as (captured, updated, published); later_text's answer: 1 the first is
# later, -1 the second, 0 nothing tells)
EVIDENCE = [
    # capture times, whatever the pages say
    (("2024-03-06T09:00:00+00:00", None, "2024-03-05"), ("2024-03-05T09:00:00+00:00", None, "2024-03-05"), 1),
    # the same instant written in two zones is one moment; an hour apart in another zone is not
    (("2024-03-05T10:00:00+01:00", None, None), ("2024-03-05T09:00:00+00:00", None, None), 0),
    (("2024-03-05T10:00:00+01:00", None, None), ("2024-03-05T09:30:00+00:00", None, None), -1),
    # capture times alike: the texts' own update dates tell
    (("2024-03-05T09:00:00+00:00", "2024-03-05T08:00:00", None),
     ("2024-03-05T09:00:00+00:00", "2024-03-05T07:00:00", None), 1),
    # the page's update against the other's publication (it states no update)
    ((None, "2024-03-06", "2024-03-05"), (None, None, "2024-03-05"), 1),
    ((None, None, "2024-03-05"), (None, "2024-03-05T18:00:00+00:00", "2024-03-05"), 0),  # a date vs a time that day
    ((None, "2024-03-05T18:00:00+00:00", None), (None, "2024-03-05T17:00:00", None), 1),  # no zone: clocks
    # only a capture time against only a stated date: those two
    (("2024-03-07T00:00:00+00:00", None, None), (None, "2024-03-06", None), 1),
    # near miss: the same stated dates, one text captured too - not compared across kinds (every
    # capture is after a publication)
    (("2024-03-07T00:00:00+00:00", None, "2024-03-05"), (None, None, "2024-03-05"), 0),
    # no evidence on one side, or on either
    ((None, None, None), (None, "2024-03-06", "2024-03-05"), 0),
    ((None, None, None), (None, None, None), 0),
]


@pytest.mark.parametrize("first, second, answer", EVIDENCE)
def test_which_text_is_later(first, second, answer):
    assert later_text(first, second) == answer
    assert later_text(second, first) == -answer


# --- captures of each kind, written here ------------------------------------------------------

def _page(marker: str, head: str = "") -> bytes:
    paragraphs = "".join(f"<p>{p}</p>" for p in TEXTS[marker].split("\n\n"))
    return (f'<html><head><title>Flood closes Millbrook bridge</title><link rel="canonical" href="{URL}">'
            f"{head}</head><body><article><h1>Flood closes Millbrook bridge</h1><p>By Ada Quill</p>{paragraphs}"
            "</article></body></html>").encode()


def warc(folder, marker, when):
    path = folder / f"crawl-{marker}.warc.gz"
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=True)
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            URL, "response", payload=io.BytesIO(_page(marker)), http_headers=http,
            warc_headers_dict={"WARC-Date": f"2024-03-{when:02d}T09:00:00Z"}))
    return [path]


def saved_page(folder, marker, when):
    # named so that the names sort against the order they were saved in
    path = folder / f"flood-{chr(ord('z') - when)}.html"
    path.write_bytes(_page(marker, '<meta property="article:published_time" content="2024-03-05T08:00:00Z">'
                                   f'<meta property="article:modified_time" content="2024-03-{when:02d}T12:00:00Z">'))
    return [path]


def mhtml(folder, marker, when):
    path = folder / f"flood-{marker}.mhtml"
    path.write_bytes(
        b"From: <Saved by Blink>\r\nSnapshot-Content-Location: " + URL.encode() + b"\r\n"
        b"Subject: Flood closes Millbrook bridge\r\n"
        + f"Date: Tue, {when} Mar 2024 09:00:00 -0000\r\n".encode()
        + b'MIME-Version: 1.0\r\nContent-Type: multipart/related; type="text/html"; boundary="----B"\r\n\r\n'
        b"------B\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: 8bit\r\n"
        b"Content-Location: " + URL.encode() + b"\r\n\r\n" + _page(marker) + b"\r\n------B--\r\n")
    return [path]


def _record(marker, **dates) -> str:
    return json.dumps({"title": "Flood closes Millbrook bridge", "body": TEXTS[marker], "url": URL,
                       "outlet": "The Harbor Ledger", **dates})


def record_updated(folder, marker, when):
    path = folder / f"export-{marker}.jsonl"
    path.write_text(_record(marker, published="2024-03-05", updated=f"2024-03-{when:02d}T12:00:00Z") + "\n")
    return [path]


def record_captured(folder, marker, when):
    path = folder / f"export-{marker}.jsonl"
    path.write_text(_record(marker, captured=f"2024-03-{when:02d}T12:00:00Z") + "\n")
    return [path]


def feed(folder, marker, when):
    """An Atom feed as fetched on the `when`th: the item states only its publication, the feed when
    it was last built (each refresh)."""
    path = folder / f"feed-{marker}.xml"
    body = "".join(f"<p>{p}</p>" for p in TEXTS[marker].split("\n\n"))
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>The Harbor Ledger</title><id>urn:ledger</id><updated>2024-03-{when:02d}T09:00:00Z</updated>"
        f"<entry><title>Flood closes Millbrook bridge</title><id>urn:flood</id><link href=\"{URL}\"/>"
        "<published>2024-03-05T08:00:00Z</published>"
        f'<content type="html">{body.replace("<", "&lt;")}</content></entry></feed>')
    return [path]


CAPTURES = [warc, saved_page, mhtml, record_updated, record_captured, feed]


def chain(db_path, of_ids: tuple = ()) -> list[str]:
    """The story's texts by their words, earliest first, as the links say (of the articles
    `of_ids`, when given: the flood story's among others)."""
    with sqlite3.connect(db_path) as conn:
        rows = [row for row in conn.execute("SELECT id, previous_version, body FROM articles")
                if not of_ids or row[0] in of_ids]
    marker = {article_id: next(m for m in reversed(TEXTS) if f"{m} homes" in body) for article_id, _, body in rows}
    previous = {article_id: earlier for article_id, earlier, _ in rows}
    assert len(rows) == len(set(marker.values()))  # every text stored once
    (latest,) = [article_id for article_id in previous if article_id not in previous.values()]
    story = [latest]
    while previous[story[0]] is not None:
        story.insert(0, previous[story[0]])
    assert len(story) == len(rows)  # one chain, no fork
    return [marker[article_id] for article_id in story]


def answer(get, path: str):
    """The server's answer to `path`, asked again if it met the server's 2 s limit (as a
    statement's first preparing does on a loaded machine: these are answers, not timings)."""
    for _ in range(3):
        response = get(path)
        if response.status_code != 400 or "took too long" not in response.text:
            break
    return response


def served_answers(db_path) -> dict:
    """What the JSON API and the command line answer, ids told by the words of their text."""
    with sqlite3.connect(db_path) as conn:
        marker = {article_id: next(m for m in reversed(TEXTS) if f"{m} homes" in body)
                  for article_id, body in conn.execute("SELECT id, body FROM articles")}
    named = lambda article_id: marker.get(article_id)
    answers = {}
    with served_from(db_path) as served:
        get = lambda path: answer(served, path)
        for q in ("homes", "forty", "bridge"):
            rows = get(f"/archive/search.json?_shape=array&q={q}").json()
            answers[q] = [(named(r["id"]), r["earlier_versions"], named(r["later_version"])) for r in rows]
        rows = get("/archive/search.json?_shape=array&q=homes&versions=all").json()
        answers["all"] = sorted((named(r["id"]), r["earlier_versions"], named(r["later_version"])) for r in rows)
        latest = next(article_id for article_id, m in marker.items() if m == answers["homes"][0][0])
        rows = get(f"/archive/versions.json?_shape=array&article={latest}").json()
        answers["versions"] = [(named(r["article_id"]), named(r["previous_id"])) for r in rows]
    result = run_cli("search", "homes", "--db", db_path, "--json")
    answers["cli"] = [(named(r["id"]), r["earlier_versions"], named(r["later_version"]))
                      for r in json.loads(result.stdout)]
    return answers


def ingest_in_turn(folder, db_path, capture, order):
    """Each text of `order` captured on the day of its place in TEXTS, ingested one run each in
    the order given."""
    for marker in order:
        paths = capture(folder, marker, 6 + list(TEXTS).index(marker))
        code, summary = ingest_json(*paths, "--db", db_path)
        assert (code, summary["stored"]) == (0, 1), summary


TWO_VERSIONS_ANSWERS = {
    "homes": [(SECOND, 1, None)], "forty": [(FIRST, 0, SECOND)], "bridge": [(SECOND, 1, None)],
    "all": sorted([(FIRST, 0, SECOND), (SECOND, 1, None)]), "versions": [(SECOND, FIRST)], "cli": [(SECOND, 1, None)],
}


@pytest.mark.parametrize("capture", CAPTURES, ids=lambda c: c.__name__)
def test_two_captures_ingested_in_either_order_give_one_chain(tmp_path, capture):
    answers = []
    for order in ((FIRST, SECOND), (SECOND, FIRST)):
        folder = tmp_path / "-".join(order)
        folder.mkdir()
        db_path = folder / "archive.db"
        ingest_in_turn(folder, db_path, capture, order)
        assert chain(db_path) == [FIRST, SECOND], order
        answers.append(served_answers(db_path))
    assert answers[0] == answers[1] == TWO_VERSIONS_ANSWERS


@pytest.mark.parametrize("order", list(itertools.permutations(TEXTS)), ids="-".join)
def test_three_versions_in_any_order_each_go_in_their_place(tmp_path, db_path, order):
    """The third text ingested goes before, between or after the two stored, as its date says."""
    ingest_in_turn(tmp_path, db_path, record_updated, order)
    assert chain(db_path) == [FIRST, SECOND, THIRD]
    answers = served_answers(db_path)
    assert answers["homes"] == answers["cli"] == [(THIRD, 2, None)]
    assert answers["forty"] == [(FIRST, 0, SECOND)]
    assert answers["versions"] == [(THIRD, SECOND), (SECOND, FIRST)]  # latest first, by place


@pytest.mark.parametrize("order", [(FIRST, SECOND, THIRD), (THIRD, FIRST, SECOND), (SECOND, THIRD, FIRST)],
                         ids="-".join)
def test_one_input_holding_the_versions_in_any_order(tmp_path, db_path, order):
    """A JSON Lines export (one batch), and a folder of saved pages read in its names' order."""
    export = tmp_path / "export.jsonl"
    export.write_text("".join(_record(m, updated=f"2024-03-{6 + list(TEXTS).index(m):02d}") + "\n" for m in order))
    code, summary = ingest_json(export, "--db", db_path)
    assert (code, summary["stored"], summary["new_versions"]) == (0, 3, 2)
    assert chain(db_path) == [FIRST, SECOND, THIRD]

    pages = tmp_path / "pages"
    pages.mkdir()
    for number, marker in enumerate(order):
        saved_page(pages, marker, 6 + list(TEXTS).index(marker)).pop().rename(pages / f"{number}.html")
    code, summary = ingest_json(pages, "--db", tmp_path / "pages.db")
    assert (code, summary["stored"]) == (0, 3)
    assert chain(tmp_path / "pages.db") == [FIRST, SECOND, THIRD]


def test_without_evidence_ingest_order_stays(tmp_path):
    """Two records with no date of any kind: the text ingested later is the later version."""
    for order in ((FIRST, SECOND), (SECOND, FIRST)):
        db_path = tmp_path / f"{order[0]}.db"
        for marker in order:
            path = tmp_path / f"{marker}.jsonl"
            path.write_text(_record(marker) + "\n")
            assert ingest_json(path, "--db", db_path)[0] == 0
        assert chain(db_path) == list(order)


def test_the_same_captures_ingested_again_change_nothing(tmp_path, db_path):
    ingest_in_turn(tmp_path, db_path, record_updated, (THIRD, FIRST, SECOND))
    with sqlite3.connect(db_path) as conn:
        before = conn.execute("SELECT * FROM articles ORDER BY id").fetchall()
    for marker in TEXTS:
        code, summary = ingest_json(tmp_path / f"export-{marker}.jsonl", "--db", db_path)
        assert (code, summary["stored"], summary["new_versions"]) == (0, 0, 0)
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT * FROM articles ORDER BY id").fetchall() == before
        assert order_versions_by_evidence(conn) == 0  # the upgrade's pass finds them in order


def test_an_archive_of_the_previous_release_is_put_in_order_once(tmp_path, db_path):
    """Links in ingest order, as the previous release made them, and no capture times: the upgrade
    (0020) orders each story by its texts' own dates, changing nothing but the links."""
    ingest_in_turn(tmp_path, db_path, record_updated, (THIRD, FIRST, SECOND))
    other = tmp_path / "other.jsonl"  # a story with no dates: left in ingest order
    other.write_text(json.dumps({"title": "Chess club crowns a champion", "url": "https://harborledger.example/chess",
                                 "body": "The chess club crowned a new champion on Saturday after a five-hour "
                                         "final in the back room of the old ferry terminal, the club said."}) + "\n"
                     + json.dumps({"title": "Chess club crowns a champion", "url": "https://harborledger.example/chess",
                                   "body": "The chess club crowned a new champion on Saturday after a five-hour "
                                           "final in the back room of the old ferry terminal, the club said on "
                                           "Sunday."}) + "\n")
    assert ingest_json(other, "--db", db_path)[0] == 0
    with sqlite3.connect(db_path) as conn:  # as the previous release left it
        conn.execute("UPDATE articles SET previous_version = NULL")
        conn.executemany("UPDATE articles SET previous_version = ? WHERE id = ?", [(1, 2), (2, 3), (4, 5)])
        conn.execute("ALTER TABLE articles DROP COLUMN captured")
        conn.execute("ALTER TABLE sources DROP COLUMN captured")  # (0031)
        conn.execute("DELETE FROM _sqlite_migrations WHERE name >= '0019'")
        undo_source_authors(conn)  # (0029)
        conn.execute("DROP TABLE reparse_all_read")  # (0022)
        before = conn.execute("SELECT id, content_hash, title, body, published, updated FROM articles").fetchall()
    result = run_cli("stats", "--db", db_path)
    assert result.exit_code == 0
    assert "Upgrading the archive: 1 edited stor(ies)" in result.stderr
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT id, content_hash, title, body, published, updated FROM articles").fetchall() == before
        assert conn.execute("SELECT id, previous_version FROM articles ORDER BY id").fetchall() == [
            (1, 3), (2, None), (3, 2), (4, None), (5, 4)]
    assert chain(db_path, of_ids=(1, 2, 3)) == [FIRST, SECOND, THIRD]
    assert "Upgrading" not in run_cli("stats", "--db", db_path).stderr  # once



def test_a_later_version_ingested_long_before_still_hides_the_earlier_text(tmp_path, db_path):
    """A word in more than 500 texts is ranked among its newest 500 arrivals: the earlier text,
    ingested last, is in that window, its later version (ingested first) is not, and still hides it."""
    ingest_in_turn(tmp_path, db_path, record_updated, (SECOND,))
    others = tmp_path / "others.jsonl"
    others.write_text("".join(json.dumps({
        "title": f"Housing survey, ward {number}", "url": f"https://harborledger.example/wards/{number}",
        "body": f"The survey of ward {number} counted {number * 7} homes, {number % 13} of them empty since "
                f"the winter, and found {number % 5} streets in need of new drains, the council said."}) + "\n"
        for number in range(1, 521)))
    assert ingest_json(others, "--db", db_path)[0] == 0
    ingest_in_turn(tmp_path, db_path, record_updated, (FIRST,))
    with sqlite3.connect(db_path) as conn:
        first_id = conn.execute("SELECT id FROM articles WHERE body LIKE '%forty homes%'").fetchone()[0]
    with served_from(db_path) as get:
        for query in ("homes", "homes&sort=newest"):
            ids = [r["id"] for r in answer(get, f"/archive/search.json?_shape=array&q={query}").json()]
            assert first_id not in ids, query
    assert first_id not in [r["id"] for r in json.loads(run_cli("search", "homes", "--db", db_path, "--json").stdout)]


def test_reparse_orders_the_versions_by_the_dates_it_reads_anew(tmp_path, db_path):
    """Texts stored without the update dates their pages give (as rules that did not read them
    left them), linked in ingest order: reparse reads the dates, then orders the story by them."""
    ingest_in_turn(tmp_path, db_path, saved_page, (SECOND, FIRST))
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE articles SET updated = NULL, previous_version = NULL")
        conn.execute("UPDATE articles SET previous_version = 1 WHERE id = 2")
    assert chain(db_path) == [SECOND, FIRST]
    result = run_cli("reparse", "--all", "--json", "--db", db_path)
    assert result.exit_code == 0 and json.loads(result.stdout)["fields"]["updated"] == 2, result.output
    assert chain(db_path) == [FIRST, SECOND]
