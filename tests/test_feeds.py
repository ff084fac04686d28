"""RSS and Atom feeds: each item with the article in it is one record (title, link, authors,
dates, the feed's title as outlet); an item holding only a summary is reported, not stored as
a partial copy of the story. The feeds are written here, around stories we wrote."""

import hashlib
import json

import pytest
from sqlite_utils import Database

from conftest import ARTICLE_TEXT, ingest_json, run_cli

FAIR = ("The county fair opened on Saturday with a record entry of four hundred sheep, the "
        "organisers said. Judging of the vegetable classes runs until Sunday afternoon, when the "
        "prize for the heaviest marrow is announced on the main stage.")
LONG_TEXT = " ".join([ARTICLE_TEXT.replace("\n\n", " ")] * 3)  # a full-text description


def rss(items: str) -> str:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Millbrook Gazette</title>'
            f'<link>https://millbrook-gazette.example/</link>{items}</channel></rss>')


def atom(entries: str) -> str:
    return ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>Shire News</title>{entries}</feed>")


def test_rss_items_with_the_article_become_records_and_summaries_are_reported(tmp_path, db_path):
    feed = tmp_path / "gazette.rss"
    feed.write_text(rss(
        "<item><title>River rises in Millbrook</title>"
        "<link>https://millbrook-gazette.example/news/river-rises</link>"
        "<dc:creator>Ada Quill</dc:creator><pubDate>Tue, 05 Mar 2024 08:30:00 +0000</pubDate>"
        "<description>The river rose two metres overnight.</description>"
        f"<content:encoded><![CDATA[{''.join(f'<p>{p}</p>' for p in ARTICLE_TEXT.split(chr(10) * 2))}]]>"
        "</content:encoded></item>"
        "<item><title>County fair opens</title><link>https://millbrook-gazette.example/news/fair</link>"
        "<pubDate>Sat, 09 Mar 2024 10:00:00 +0000</pubDate>"
        f"<description>{FAIR}</description></item>"
        "<item><title>Bridge works</title><link>https://millbrook-gazette.example/news/bridge</link>"
        f"<description><![CDATA[<p>{LONG_TEXT}</p>]]></description></item>"))
    code, summary = ingest_json(feed, "--db", db_path)
    assert (code, summary["stored"], summary["failed"]) == (1, 2, 1)
    assert "only a summary in the feed" in summary["failures"][0]["error"]
    assert summary["failures"][0]["location"].endswith("gazette.rss#2")
    db = Database(db_path)
    river = next(db.query("SELECT a.*, o.name AS outlet FROM articles a JOIN outlets o ON o.id = a.outlet_id "
                          "WHERE title = 'River rises in Millbrook'"))
    assert json.loads(river["authors"]) == ["Ada Quill"]
    assert river["published"].startswith("2024-03-05T08:30:00")
    assert river["url"] == "https://millbrook-gazette.example/news/river-rises"
    assert river["outlet"] == "Millbrook Gazette"
    assert river["description"] == "The river rose two metres overnight."
    assert "<p>" not in river["body"] and river["body"].startswith("The river rose two metres")
    # a full-text description is the article
    assert next(db.query("SELECT body FROM articles WHERE title = 'Bridge works'"))["body"].startswith("The river rose")


def test_an_atom_feed_without_its_extension_and_re_runs(tmp_path, db_path):
    feed = tmp_path / "feed.xml"
    feed.write_text(atom(
        "<entry><title>County fair opens</title>"
        '<link href="https://shire-news.example/fair"/><author><name>Ben Orde</name></author>'
        "<published>2024-03-09T10:00:00Z</published><updated>2024-03-10T09:00:00Z</updated>"
        f'<content type="html">&lt;p&gt;{FAIR}&lt;/p&gt;&lt;p&gt;{FAIR}&lt;/p&gt;</content></entry>'))
    code, summary = ingest_json(feed, "--db", db_path)
    assert (code, summary["stored"]) == (0, 1)
    row = next(Database(db_path).query("SELECT authors, published, updated FROM articles"))
    assert (json.loads(row["authors"]), row["published"][:10], row["updated"][:10]) == (
        ["Ben Orde"], "2024-03-09", "2024-03-10")
    code, again = ingest_json(feed, "--db", db_path)
    assert (again["unchanged"], again["stored"]) == (1, 0)


@pytest.mark.parametrize("title, outlet", [
    # fails before: a title the feed marks as HTML (jekyll-feed writes its site's name so) was
    # the outlet as markup, "Tom &amp; Jerry's Almanac"
    ('<title type="html">Tom &amp;amp; Jerry&amp;#8217;s Almanac</title>', "Tom & Jerry’s Almanac"),
    ('<title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Tom &amp; <em>Jerry</em></div></title>',
     "Tom & Jerry"),
    # near misses: a plain title, its entity read by the XML parser; a plain title's "<" kept
    ("<title>Tom &amp; Jerry</title>", "Tom & Jerry"),
    ('<title type="text">Tom &lt;em&gt;Jerry&lt;/em&gt;</title>', "Tom <em>Jerry</em>"),
])
def test_a_feeds_title_marked_as_html_names_its_outlet_as_text(tmp_path, db_path, title, outlet):
    feed = tmp_path / "feed.atom"
    feed.write_text(atom(
        "<entry><title>County fair opens</title>"
        f'<link href="https://shire-news.example/fair"/><content type="html">&lt;p&gt;{FAIR}&lt;/p&gt;&lt;p&gt;{FAIR}&lt;/p&gt;</content></entry>'
    ).replace("<title>Shire News</title>", title))
    code, summary = ingest_json(feed, "--db", db_path)
    assert (code, summary["stored"]) == (0, 1)
    assert [row["name"] for row in Database(db_path).query("SELECT name FROM outlets")] == [outlet]


@pytest.mark.parametrize("title, headline", [
    # fails before: the headline kept the tags of a title the feed marks as HTML, shown as text
    ('<title type="html">Fair &lt;em&gt;opens&lt;/em&gt; &amp;amp; sheep &lt;b&gt;win&lt;/b&gt;</title>',
     "Fair opens & sheep win"),
    ('<title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Fair <em>opens</em></div></title>', "Fair opens"),
    # near misses: entities alone (read as ever), a plain title's "<" kept as written
    ('<title type="html">Fair opens &amp;#8211; again</title>', "Fair opens \u2013 again"),
    ('<title type="text">Fair &lt;em&gt;opens&lt;/em&gt;</title>', "Fair <em>opens</em>"),
])
def test_an_items_title_marked_as_html_is_its_text(tmp_path, db_path, title, headline):
    feed = tmp_path / "feed.atom"
    feed.write_text(atom(
        f'<entry>{title}<link href="https://shire-news.example/fair"/>'
        f"<content type=\"html\">&lt;p&gt;{FAIR}&lt;/p&gt;&lt;p&gt;{FAIR}&lt;/p&gt;</content></entry>"))
    code, summary = ingest_json(feed, "--db", db_path)
    assert (code, summary["stored"]) == (0, 1)
    assert [row["title"] for row in Database(db_path).query("SELECT title FROM articles")] == [headline]


def test_an_archive_read_before_titles_marked_as_html_were_text_is_revised_by_reparse(tmp_path, db_path, monkeypatch):
    # fails before: reading such a title as text in the item's record changed its bytes, so
    # the item stored by an older version was read again after the upgrade as a new copy of
    # itself, and reparse (which finds an item by its bytes) could not revise its headline
    feed = tmp_path / "feed.atom"
    body = f"<p>{FAIR}</p><p>{FAIR}</p>"
    feed.write_text(atom(
        '<entry><title type="html">Fair &lt;em&gt;opens&lt;/em&gt;</title>'
        '<link href="https://shire-news.example/fair"/>'
        f'<content type="html">{body.replace("<", "&lt;").replace(">", "&gt;")}</content></entry>'
    ).replace("<title>Shire News</title>",
              '<title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Tom &amp; <em>Jerry</em></div></title>'))
    # The record as every version before wrote it: the titles as feedparser gives them
    old_record = {"body": body, "description": body, "outlet": "Tom &amp; <em>Jerry</em>",
                  "title": "Fair <em>opens</em>", "url": "https://shire-news.example/fair"}
    old_raw = json.dumps(old_record, sort_keys=True, ensure_ascii=False).encode("utf-8")
    with monkeypatch.context() as older:  # the older version: no title marked as HTML
        older.setattr("ingest.read._marked_as_html", lambda element: False, raising=False)
        older.setattr("ingest.read._feed_text", lambda element, key: element.get(key), raising=False)
        assert ingest_json(feed, "--db", db_path)[1]["stored"] == 1
    db = Database(db_path)
    assert [row["raw_sha256"] for row in db.query("SELECT raw_sha256 FROM sources")] == [
        hashlib.sha256(old_raw).hexdigest()]
    assert [row["title"] for row in db.query("SELECT title FROM articles")] == ["Fair <em>opens</em>"]
    code, again = ingest_json(feed, "--db", db_path)
    assert (code, again["stored"], again["duplicate"], again["unchanged"]) == (0, 0, 0, 1)
    assert run_cli("reparse", "--all", "--db", db_path).exit_code == 0  # (--all: this version stored it)
    assert [(row["title"], row["name"]) for row in db.query(
        "SELECT title, outlets.name FROM articles JOIN outlets ON outlets.id = articles.outlet_id")] == [
        ("Fair opens", "Tom & Jerry")]
    assert db.execute("SELECT count(*) FROM sources").fetchone()[0] == 1


def test_a_feed_with_no_item_fails_by_name(tmp_path, db_path):
    feed = tmp_path / "empty.rss"
    feed.write_text(rss(""))
    code, summary = ingest_json(feed, "--db", db_path)
    assert (code, summary["failed"]) == (1, 1)
    assert "no item in this feed" in summary["failures"][0]["error"]


def test_a_record_body_written_as_html_is_stored_as_text(tmp_path, db_path):
    (tmp_path / "export.json").write_text(json.dumps({
        "title": "River rises", "body": "".join(f"<p>{p}</p>" for p in ARTICLE_TEXT.split("\n\n")),
        "description": "A plain <b>standfirst</b>, kept as written: one tag is no markup"}))
    ingest_json(tmp_path / "export.json", "--db", db_path)
    row = next(Database(db_path).query("SELECT body, description FROM articles"))
    assert row["body"] == ARTICLE_TEXT.replace("\n\n", "\n")
    assert row["description"] == "A plain <b>standfirst</b>, kept as written: one tag is no markup"
    result = run_cli("search", "sandbags", "--db", db_path, "--json")
    assert json.loads(result.output)[0]["title"] == "River rises"


def test_a_feed_fetched_again_with_a_new_item_first_adds_only_that_item(tmp_path, db_path):
    def item(n: int) -> str:
        return (f"<item><title>Gazette story {n}</title><link>https://millbrook-gazette.example/news/{n}</link>"
                f"<description><![CDATA[<p>Story {n}. {LONG_TEXT}</p>]]></description></item>")

    feed = tmp_path / "gazette.rss"
    feed.write_text(rss(item(2) + item(1)))
    ingest_json(feed, "--db", db_path)
    feed.write_text(rss(item(3) + item(2) + item(1)))  # as a feed is: newest first
    code, again = ingest_json(feed, "--db", db_path)
    assert (code, again["stored"], again["unchanged"], again["duplicate"]) == (0, 1, 2, 0)


@pytest.mark.parametrize("link, url", [
    # fails before: a root-relative link (and one without a scheme) lost the item's address
    ("/news/river-rises", "https://millbrook-gazette.example/news/river-rises"),
    ("//millbrook-gazette.example/news/river-rises", "https://millbrook-gazette.example/news/river-rises"),
    # near misses: a whole address is kept, a path relative to the feed's own address is not guessed
    ("https://millbrook-gazette.example/news/river-rises", "https://millbrook-gazette.example/news/river-rises"),
    ("news/river-rises", None),
])
def test_an_items_link_is_made_whole_against_its_site(tmp_path, db_path, link, url):
    (tmp_path / "gazette.rss").write_text(rss(
        f"<item><title>River rises in Millbrook</title><link>{link}</link>"
        f"<description><![CDATA[<p>{LONG_TEXT}</p>]]></description></item>"))
    code, summary = ingest_json(tmp_path / "gazette.rss", "--db", db_path)
    assert (code, summary["stored"]) == (0, 1), summary
    assert next(Database(db_path).query("SELECT url FROM articles"))["url"] == url


@pytest.mark.parametrize("link, named", [
    ("/news/fair", "https://millbrook-gazette.example/news/fair"),  # made whole, as stored items are
    ("https://other.example/fair", "https://other.example/fair"),  # near-miss: whole already
    ("news/fair", "news/fair"),  # near-miss: relative to the feed's own address, not known
    (None, "no link given"),
])
def test_a_summary_only_item_names_the_whole_address_of_its_page(tmp_path, db_path, link, named):
    # The failure said "ingest its page (/news/fair)": a path, where the stored items of the
    # same feed got the address made whole against the feed's site.
    feed = tmp_path / "gazette.rss"
    link_element = f"<link>{link}</link>" if link else ""
    feed.write_text(rss(f"<item><title>County fair opens</title>{link_element}<description>{FAIR}</description></item>"))
    code, summary = ingest_json(feed, "--db", db_path)
    assert summary["failures"][0]["error"].endswith(f"ingest its page ({named})")


@pytest.mark.parametrize("item, description", [
    # fail before: an item with its article in <content:encoded> and no <description> (an Atom
    # entry with <content> and no <summary>): feedparser gives the content as the summary too,
    # and the whole article was stored as its description (shown above the story, and weighed
    # four times over in the search's ranking)
    (f"<content:encoded><![CDATA[{''.join(f'<p>{p}</p>' for p in ARTICLE_TEXT.split(chr(10) * 2))}]]>"
     "</content:encoded>", None),
    # near miss: a description of its own beside the content is the description, as before
    ("<description>The river rose two metres overnight.</description>"
     f"<content:encoded><![CDATA[<p>{ARTICLE_TEXT}</p>]]></content:encoded>", "The river rose two metres overnight."),
])
def test_an_items_content_is_not_its_description_too(tmp_path, db_path, item, description):
    feed = tmp_path / "gazette.rss"
    feed.write_text(rss(f"<item><title>River rises in Millbrook</title>"
                        f"<link>https://millbrook-gazette.example/news/river-rises</link>{item}</item>"))
    code, summary = ingest_json(feed, "--db", db_path)
    assert (code, summary["stored"]) == (0, 1)
    row = next(Database(db_path).query("SELECT body, description FROM articles"))
    assert row["description"] == description and row["body"].startswith("The river rose two metres")


def test_an_atom_entrys_content_is_not_its_description_too(tmp_path, db_path):
    feed = tmp_path / "shire.atom"
    feed.write_text(atom(
        "<entry><title>River rises</title>"
        '<link href="https://shire.example/river"/><updated>2024-03-05T08:30:00Z</updated>'
        f'<content type="html">&lt;p&gt;{ARTICLE_TEXT}&lt;/p&gt;</content></entry>'))
    code, summary = ingest_json(feed, "--db", db_path)
    assert (code, summary["stored"]) == (0, 1)
    assert next(Database(db_path).query("SELECT description FROM articles"))["description"] is None


@pytest.mark.parametrize("description, kept", [
    (ARTICLE_TEXT, None),  # fail before: the body repeated as the description
    (ARTICLE_TEXT.replace("\n\n", " "), None),  # (the same words, set otherwise)
    (ARTICLE_TEXT.split("\n\n")[0], ARTICLE_TEXT.split("\n\n")[0]),  # near miss: its first paragraph, a standfirst
])
def test_a_records_description_that_is_its_body_is_none(tmp_path, db_path, description, kept):
    path = tmp_path / "export.json"
    path.write_text(json.dumps({"title": "River rises", "body": ARTICLE_TEXT, "description": description}))
    code, summary = ingest_json(path, "--db", db_path)
    assert (code, summary["stored"]) == (0, 1)
    assert next(Database(db_path).query("SELECT description FROM articles"))["description"] == kept


def json_feed(items: list, version: str = "https://jsonfeed.org/version/1.1", **feed) -> str:
    return json.dumps({"version": version, "title": "Millbrook Gazette",
                       "home_page_url": "https://millbrook-gazette.example/", **feed, "items": items})


def test_json_feed_items_become_records(tmp_path, db_path):
    # fail before: the whole feed was one record, the feed's title and no text ("no article text found")
    paragraphs = "".join(f"<p>{p}</p>" for p in ARTICLE_TEXT.split("\n\n"))
    feed = tmp_path / "feed.json"
    feed.write_text(json_feed([
        {"id": "1", "url": "/news/river-rises", "title": "River rises in Millbrook", "content_html": paragraphs,
         "summary": "The river rose two metres overnight.", "date_published": "2024-03-05T08:30:00+00:00",
         "date_modified": "2024-03-05T12:00:00+00:00", "authors": [{"name": "Ada Quill"}, {"name": "Tom Park"}]},
        {"id": "2", "url": "https://millbrook-gazette.example/news/fair", "title": "County fair opens",
         "content_text": FAIR, "date_published": "2024-03-09T10:00:00+00:00"},
        {"id": "3", "url": "https://millbrook-gazette.example/news/bridge", "title": "Bridge works",
         "summary": "The bridge closes for a week."},  # no content: reported with its page's address
    ], language="en"))
    code, summary = ingest_json(feed, "--db", db_path)
    assert (code, summary["stored"], summary["failed"]) == (1, 2, 1), summary
    assert summary["failures"][0]["location"].endswith("feed.json#3")
    assert "https://millbrook-gazette.example/news/bridge" in summary["failures"][0]["error"]
    rows = {r["title"]: r for r in Database(db_path).query(
        "SELECT title, url, authors, published, updated, description, body, language, outlets.name AS outlet "
        "FROM articles LEFT JOIN outlets ON outlets.id = articles.outlet_id")}
    river = rows["River rises in Millbrook"]
    assert (river["url"], json.loads(river["authors"]), river["published"], river["updated"], river["outlet"]) == (
        "https://millbrook-gazette.example/news/river-rises", ["Ada Quill", "Tom Park"], "2024-03-05T08:30:00+00:00",
        "2024-03-05T12:00:00+00:00", "Millbrook Gazette")
    assert river["body"] == ARTICLE_TEXT.replace("\n\n", "\n") and river["description"] == "The river rose two metres overnight."
    assert rows["County fair opens"]["body"] == FAIR and rows["County fair opens"]["language"] == "en"


def test_a_json_feed_1_0_author_and_a_json_record_named_version_are_told_apart(tmp_path, db_path):
    # version 1.0 gives one author, on the item or on the feed
    (tmp_path / "feed.json").write_text(json_feed([{"id": "1", "title": "County fair opens", "content_text": FAIR}],
                                                  version="https://jsonfeed.org/version/1", author={"name": "Ada Quill"}))
    # near miss: a record of our own that has a "version" field is a record, read as before
    (tmp_path / "record.json").write_text(json.dumps({"version": 2, "title": "River rises in Millbrook",
                                                      "body": ARTICLE_TEXT, "items": [{"a": 1}]}))
    code, summary = ingest_json(tmp_path, "--db", db_path)
    assert (code, summary["stored"]) == (0, 2), summary
    rows = dict(Database(db_path).execute("SELECT title, authors FROM articles").fetchall())
    assert json.loads(rows["County fair opens"]) == ["Ada Quill"] and "River rises in Millbrook" in rows


def test_a_json_feed_item_with_the_whole_article_in_its_summary(tmp_path, db_path):
    # fail before: an item whose summary holds the whole article (no content_html or
    # content_text, as some generators write it) failed as "no content", where an RSS item's
    # full-text description of a hundred words or more is read as the article
    whole = " ".join([ARTICLE_TEXT.replace("\n\n", " ")] * 3)
    assert len(whole.split()) >= 100
    (tmp_path / "feed.json").write_text(json_feed([
        {"id": "1", "url": "/news/river-rises", "title": "River rises in Millbrook", "summary": whole},
        {"id": "2", "url": "/news/bridge", "title": "Bridge works", "summary": "The bridge closes for a week."},  # near miss
    ]))
    code, summary = ingest_json(tmp_path, "--db", db_path)
    assert (code, summary["stored"], summary["failed"]) == (1, 1, 1), summary
    assert summary["failures"][0]["location"].endswith("feed.json#2")
    row = next(Database(db_path).query("SELECT title, body, description FROM articles"))
    assert row["title"] == "River rises in Millbrook" and row["body"].startswith("The river rose two metres")
    assert row["description"] is None  # the article, not a summary of it


@pytest.mark.parametrize("author, authors", [
    # fail before: feedparser cuts an address whose last part runs past four letters, and took
    # the writer for "a (Ann Lee", the address for "ann@harbor.medi"
    ("ann@harbor.media (Ann Lee)", ["Ann Lee"]),
    ("ann@harborledger.example (Ann Lee)", ["Ann Lee"]),
    # near misses: an address it reads whole, and a name alone, read as before
    ("ann@harborledger.com (Ann Lee)", ["Ann Lee"]),
    ("Ann Lee", ["Ann Lee"]),
])
def test_an_rss_author_written_as_an_address_and_a_name(tmp_path, db_path, author, authors):
    (tmp_path / "gazette.rss").write_text(rss(
        f"<item><title>Bridge works</title><link>https://millbrook-gazette.example/news/bridge</link>"
        f"<author>{author}</author><description>{LONG_TEXT}</description></item>"))
    code, summary = ingest_json(tmp_path / "gazette.rss", "--db", db_path)
    assert (code, summary["stored"]) == (0, 1), summary
    assert json.loads(next(Database(db_path).query("SELECT authors FROM articles"))["authors"]) == authors


@pytest.mark.parametrize("kind, cut_inside", [
    ("rss", "</content:encoded>"),  # inside the last item's full text (in CDATA)
    ("rss", "<pubDate>"),  # inside its first fields
    ("atom", "</content>"),
    ("rss", None),  # near misses: whole, and cut between two items
    ("rss", "between"),
])
def test_a_feed_cut_short_inside_its_last_item_says_so(tmp_path, db_path, kind, cut_inside):
    # A full-text feed cut short failed its last item as "only a summary in the feed (0 words)":
    # feedparser drops the text of an item left open.
    text = "".join(f"<p>{p}</p>" for p in ARTICLE_TEXT.split("\n\n"))
    if kind == "rss":
        items = "".join(f"<item><title>Story {n}</title><link>https://millbrook-gazette.example/{n}</link>"
                        f"<pubDate>Tue, 0{n + 1} Mar 2024 08:30:00 +0000</pubDate>"
                        f"<content:encoded><![CDATA[{text} Story {n}.]]></content:encoded></item>" for n in range(2))
        whole = rss(items)
    else:
        whole = atom("".join(f"<entry><title>Story {n}</title><id>urn:story:{n}</id>"
                             f"<content type='html'>{text.replace('<', '&lt;')} Story {n}.</content></entry>"
                             for n in range(2)))
    end = whole.rindex("</item>" if kind == "rss" else "</entry>")
    if cut_inside == "between":
        whole = whole[:whole.index("</item>") + len("</item>")]
    elif cut_inside:
        last = whole.rindex("<item>" if kind == "rss" else "<entry>")
        at = whole.index(cut_inside, last)
        whole = whole[:at + (len(cut_inside) // 2 if cut_inside.startswith("</") else 3)] if at < end else whole
    feed = tmp_path / f"gazette.{kind}"
    feed.write_text(whole)
    code, summary = ingest_json(feed, "--db", db_path)
    if cut_inside in (None, "between"):
        assert (code, summary["failed"]) == (0, 0), summary
        assert summary["stored"] == (2 if cut_inside is None else 1)
        return
    assert (code, summary["stored"], summary["failed"]) == (1, 1, 1), summary
    assert summary["failures"] == [{"location": f"{feed}#2", "error": "the feed ends inside this item (a copy cut short?)"}]
