"""The bundled samples give what samples/README.md says they give: that README is the
specification of the corpus, written before the parsers, so these figures are not read off
our own output."""

import json
import sqlite3
from collections import Counter

import pytest

from ingest.resources import samples_dir

from conftest import ingest_json

# samples/README.md, "Story lines": each keyword is in every article of its story line only.
STORY_LINES = {"Kestrel": 7, "Almsey": 6, "Linwood": 6, "Corrow": 4, "Pellham": 4, "Ashcombe": 4, "Skerrow": 4}


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    db_path = tmp_path_factory.mktemp("samples") / "archive.db"
    code, summary = ingest_json(samples_dir(), "--db", db_path)
    connection = sqlite3.connect(db_path)
    connection.row_factory = sqlite3.Row
    yield code, summary, connection
    connection.close()


def test_every_document_is_read_and_duplicates_fold(archive):
    code, summary, _ = archive
    assert code == 0, summary["failures"]
    assert (summary["stored"], summary["duplicate"], summary["failed"]) == (35, 5, 0)


def test_the_syndicated_agency_story_is_one_article_seen_three_times(archive):
    _, _, db = archive
    sightings = db.execute(
        "SELECT count(*) FROM sources WHERE article_id = "
        "(SELECT article_id FROM sources WHERE location LIKE '%syndicated-meridianpost.html')"
    ).fetchone()[0]
    assert sightings == 3


def test_the_web_archive_gives_a_new_article_dated_by_its_address_and_a_second_capture(archive):
    _, _, db = archive
    rows = db.execute(
        "SELECT s.location, s.status, a.url, a.published, a.published_source FROM sources s "
        "JOIN articles a ON a.id = s.article_id WHERE s.location LIKE '%harborledger-crawl.warc.gz#%' "
        "ORDER BY s.location").fetchall()
    assert [(r[0].rsplit("#", 1)[1], r[1]) for r in rows] == [("2", "stored"), ("5", "duplicate")]
    assert tuple(rows[0])[2:] == (
        "https://harborledger.example/port/2025/10/28/ferries-back-on-timetable", "2025-10-28", "url")
    flood = db.execute("SELECT article_id FROM sources WHERE location LIKE '%html/trpr-almsey-flood-warning.html'").fetchone()[0]
    assert db.execute("SELECT article_id FROM sources WHERE location LIKE '%warc.gz#5'").fetchone()[0] == flood


def test_wire_copy_in_text_and_in_a_record_is_one_article(archive):
    _, _, db = archive
    ids = {row[0] for row in db.execute(
        "SELECT article_id FROM sources WHERE location LIKE '%cpa-riverton-levee.txt' "
        "OR location LIKE '%wire-feed.jsonl#1'")}
    assert len(ids) == 1 and None not in ids


@pytest.mark.parametrize("keyword,articles", STORY_LINES.items())
def test_each_story_line_keyword_finds_exactly_its_articles(archive, keyword, articles):
    _, _, db = archive
    found = db.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?",
                       [keyword]).fetchone()[0]
    assert found == articles


def test_languages(archive):
    _, _, db = archive
    languages = Counter(row[0] for row in db.execute("SELECT language FROM articles"))
    assert languages == {"en": 33, "fr": 1, "de": 1}


def test_nineteen_reporters_and_no_one_else(archive):
    _, _, db = archive
    names = {row[0] for row in db.execute("SELECT name FROM authors")}
    assert len(names) == 19, sorted(names)


def test_exactly_the_unsigned_and_undated_articles_lack_author_and_date(archive):
    _, _, db = archive
    no_author = {row[0] for row in db.execute(
        "SELECT s.location FROM articles a JOIN sources s ON s.article_id = a.id "
        "WHERE a.authors = '[]'")}
    no_date = {row[0] for row in db.execute(
        "SELECT s.location FROM articles a JOIN sources s ON s.article_id = a.id "
        "WHERE a.published IS NULL AND a.updated IS NULL")}
    assert sorted(p.rsplit("/", 1)[-1] for p in no_author) == [
        "northfieldcourier-editorial-linwood.html", "shield-final-road-closures.txt"]
    assert sorted(p.rsplit("/", 1)[-1] for p in no_date) == [
        "riverton-sentinel-how-to-help.html", "shield-final-road-closures.txt"]


def test_timeline_by_month(archive):
    _, _, db = archive
    months = Counter(
        (row[0] or "")[:7] for row in db.execute("SELECT coalesce(published, updated) FROM articles"))
    assert months == {"2025-09": 5, "2025-10": 17, "2025-11": 11, "": 2}


def test_multi_author_bylines_keep_their_order(archive):
    _, _, db = archive
    authors = {json.dumps(json.loads(row[0])) for row in db.execute("SELECT authors FROM articles")}
    assert json.dumps(["Priya Castellanos", "Daniel Okafor", "Grace Lindqvist"]) in authors
    assert json.dumps(["Ruth Calloway", "Felix Amundsen", "Hannah Birch"]) in authors


def test_a_feed_a_newsletter_and_a_printed_page_are_read_as_the_readme_says(archive):
    _, _, db = archive
    rows = {row["location"].split("samples/", 1)[1]: dict(row) for row in db.execute(
        "SELECT s.location, a.title, a.authors, a.published, o.name AS outlet, a.url, a.published_source, "
        "a.outlet_source FROM sources s JOIN articles a ON a.id = s.article_id "
        "LEFT JOIN outlets o ON o.id = a.outlet_id WHERE a.body LIKE '%Skerrow%'")}
    assert {name: (row["title"], json.loads(row["authors"]), row["published"][:10], row["outlet"])
            for name, row in rows.items()} == {
        "feed/harborledger-port.rss#1": ("Islanders sign petition to keep Skerrow winter ferry", ["Mara Ellison"],
                                         "2025-11-14", "The Harbor Ledger"),
        "feed/harborledger-port.rss#2": ("Skerrow Isle ferry to lose its winter sailings", ["Tobias Wren"],
                                         "2025-11-12", "The Harbor Ledger"),
        "mail/harbor-notes-2025-11-16.eml": ("The island that kept count", ["Mara Ellison"], "2025-11-16", "Harbor Notes"),
        "pdf/meridianpost-skerrow-ferry.pdf": ("Why one island's ferry is a test for every small port",
                                               ["Rafael Ostrowski"], "2025-11-18", "The Meridian Post"),
    }
    newsletter, printed = rows["mail/harbor-notes-2025-11-16.eml"], rows["pdf/meridianpost-skerrow-ferry.pdf"]
    assert (newsletter["url"], newsletter["published_source"]) == (
        "https://harborledger.example/newsletters/harbor-notes/2025-11-16", "email")
    assert printed["url"] == "http://meridianpost.example/business/2025/11/18/skerrow-ferry-small-ports"
