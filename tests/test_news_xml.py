"""XML files (.xml): a feed saved as feed.xml / rss.xml, and the news industry's own formats,
NITF (News Industry Text Format) and NewsML-G2 news items, told apart by their root element
(ingest/news_xml.py). Every file is written here, its content invented."""

import json

import pytest
from sqlite_utils import Database

from conftest import FERRY_HEADLINE as HEADLINE, FERRY_PARAGRAPHS as PARAGRAPHS, ingest_json, run_cli
from ingest.news_xml import NewsXmlError, news_xml_stories
from ingest.read import sniff_format

NITF_NS = "http://iptc.org/std/NITF/2006-10-18/"
G2_NS = "http://iptc.org/std/nar/2006-10-01/"


def nitf(head: str = "", body_head: str = "", namespace: str = "", paragraphs=PARAGRAPHS) -> bytes:
    xmlns = f" xmlns='{namespace}'" if namespace else ""
    content = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<?xml version='1.0' encoding='UTF-8'?>\n<nitf{xmlns} version='-//IPTC//DTD NITF 3.6//EN'>"
            f"<head><title>{HEADLINE} - The Harbor Ledger</title>{head}</head>"
            f"<body><body.head><hedline><hl1>{HEADLINE}</hl1></hedline>{body_head}</body.head>"
            f"<body.content>{content}</body.content>"
            "<body.end><tagline>Copyright The Harbor Ledger</tagline></body.end></body></nitf>").encode("utf-8")


NITF_HEAD = ("<docdata><doc-id id-string='HL-2024-0305-1'/><date.issue norm='20240305T073000-0500'/>"
             "</docdata><pubdata type='web' name='The Harbor Ledger' ex-ref='https://harborledger.example/ferry-cut'/>")
NITF_BYLINE = ("<byline>By <person>Ann Lee</person>, <byttl>Transport Correspondent</byttl></byline>"
               "<dateline><location>PORT ELLIS</location></dateline>"
               "<abstract><p>Two crossings a day from December.</p></abstract>")


def news_item(content_set: str | None = None, meta: str = "", item_class: str = "ninat:text",
              root: bool = True) -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    if content_set is None:
        content_set = (f"<inlineXML contenttype='application/nitf+xml'><nitf xmlns='{NITF_NS}'><body>"
                       f"<body.content>{paragraphs}</body.content></body></nitf></inlineXML>")
    xmlns = f" xmlns='{G2_NS}'" if root else ""
    return (f"<newsItem{xmlns} guid='urn:newsml:harborledger.example:2024:ferry' version='2' "
            "standard='NewsML-G2' standardversion='2.29'>"
            f"<itemMeta><itemClass qcode='{item_class}'/><provider literal='The Harbor Ledger'/>"
            "<versionCreated>2024-03-05T14:00:00Z</versionCreated>"
            "<firstCreated>2024-03-05T07:30:00-05:00</firstCreated></itemMeta>"
            f"<contentMeta><headline>{HEADLINE}</headline><by>By Ann Lee</by><dateline>PORT ELLIS</dateline>"
            f"<creditline>Harbor Ledger staff</creditline><language tag='en'/>{meta}</contentMeta>"
            f"<contentSet>{content_set}</contentSet></newsItem>")


def newsml(*args, **kwargs) -> bytes:
    return ("<?xml version='1.0' encoding='UTF-8'?>\n" + news_item(*args, **kwargs)).encode("utf-8")


RSS = ("<?xml version='1.0' encoding='UTF-8'?><rss version='2.0'><channel><title>The Harbor Ledger</title>"
       "<link>https://harborledger.example/</link><item><title>" + HEADLINE + "</title>"
       "<link>https://harborledger.example/ferry-cut</link><pubDate>Tue, 05 Mar 2024 12:30:00 GMT</pubDate>"
       "<description>" + " ".join(PARAGRAPHS * 3) + "</description></item></channel></rss>").encode()


def stored(db_path) -> list[dict]:
    rows = Database(db_path).query(
        "SELECT a.title, a.authors, a.published, a.updated, o.name AS outlet, a.url, a.body, a.description,"
        " a.title_source, a.published_source, a.outlet_source FROM articles a"
        " LEFT JOIN outlets o ON o.id = a.outlet_id ORDER BY a.id")
    return [{**row, "authors": json.loads(row["authors"])} for row in rows]


@pytest.mark.parametrize("name", ["feed.xml", "rss.xml", "feed.xml.gz"])
def test_a_feed_saved_as_xml_is_read_as_a_feed(tmp_path, db_path, name):
    # worked before when given by name (sniffed); kept working now that .xml is a kind of its own
    path = tmp_path / name
    if name.endswith(".gz"):
        import gzip

        path.write_bytes(gzip.compress(RSS))
    else:
        path.write_bytes(RSS)
    code, summary = ingest_json(tmp_path, "--db", db_path)
    assert (code, summary["stored"], summary["failed"]) == (0, 1, 0), summary
    [article] = stored(db_path)
    assert (article["title"], article["outlet"], article["url"]) == (
        HEADLINE, "The Harbor Ledger", "https://harborledger.example/ferry-cut")


@pytest.mark.parametrize("namespace", ["", NITF_NS])
def test_a_nitf_story_is_read_with_its_metadata(tmp_path, db_path, namespace):
    # fail before: read as a page, its date, outlet and address were lost and its head's title
    # ("... - The Harbor Ledger") taken for the headline where the page had none
    (tmp_path / "ferry.xml").write_bytes(nitf(NITF_HEAD, NITF_BYLINE, namespace))
    code, summary = ingest_json(tmp_path / "ferry.xml", "--db", db_path)
    assert (code, summary["stored"]) == (0, 1), summary
    [article] = stored(db_path)
    assert article["title"] == HEADLINE
    assert article["authors"] == ["Ann Lee"]
    assert article["published"] == "2024-03-05T07:30:00-05:00"
    assert article["outlet"] == "The Harbor Ledger"
    assert article["url"] == "https://harborledger.example/ferry-cut"
    assert article["description"] == "Two crossings a day from December."
    assert article["body"].split("\n\n") == PARAGRAPHS  # no tagline, no byline, no dateline
    assert (article["title_source"], article["published_source"], article["outlet_source"]) == ("nitf",) * 3


def test_a_nitf_story_with_no_head_metadata_keeps_what_it_has(tmp_path):
    # near miss: no docdata, no pubdata, no byline: a headline and text, nothing invented
    [story] = news_xml_stories(nitf())
    assert story.hints == {"title": HEADLINE}
    assert story.body.split("\n\n") == PARAGRAPHS


def test_a_newsml_item_is_read_with_its_metadata(tmp_path, db_path):
    # fail before: read as a page, with no headline, writer or outlet, and htmldate's guess as its day
    (tmp_path / "ferry.xml").write_bytes(newsml())
    code, summary = ingest_json(tmp_path / "ferry.xml", "--db", db_path)
    assert (code, summary["stored"]) == (0, 1), summary
    [article] = stored(db_path)
    assert (article["title"], article["authors"], article["outlet"]) == (HEADLINE, ["Ann Lee"], "The Harbor Ledger")
    assert (article["published"], article["updated"]) == ("2024-03-05T07:30:00-05:00", "2024-03-05T14:00:00+00:00")
    assert article["body"].split("\n\n") == PARAGRAPHS
    assert article["published_source"] == "newsml"


@pytest.mark.parametrize("content_set", [
    "<inlineXML contenttype='application/xhtml+xml'><html xmlns='http://www.w3.org/1999/xhtml'><head>"
    "<title>x</title></head><body>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "</body></html></inlineXML>",
    "<inlineData contenttype='text/plain'>" + "\n\n".join(PARAGRAPHS) + "</inlineData>",
])
def test_a_newsml_items_text_in_xhtml_or_plain_text(content_set):
    [story] = news_xml_stories(newsml(content_set))
    assert story.body.split("\n\n") == PARAGRAPHS


def test_each_item_of_a_newsml_message_is_one_input(tmp_path, db_path):
    second = news_item(root=False).replace(HEADLINE, "Night buses return to the island").replace(
        "deckhands", "drivers")
    message = (f"<?xml version='1.0'?><newsMessage xmlns='{G2_NS}'><header><sent>2024-03-05T15:00:00Z</sent></header>"
               f"<itemSet>{news_item(root=False)}{second}</itemSet></newsMessage>").encode()
    (tmp_path / "message.xml").write_bytes(message)
    code, summary = ingest_json(tmp_path, "--db", db_path)
    assert (code, summary["stored"]) == (0, 2), summary
    locations = [row["location"] for row in Database(db_path).query("SELECT location FROM sources ORDER BY location")]
    assert [location.rsplit("/", 1)[1] for location in locations] == ["message.xml#1", "message.xml#2"]


@pytest.mark.parametrize("data, error", [
    (b"<?xml version='1.0'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'><url><loc>"
     b"https://harborledger.example/</loc></url></urlset>",
     "an XML file that is not a feed, NITF or NewsML: root <urlset>"),
    (nitf()[:-40], "a damaged XML file (not well-formed: "),
    (newsml(item_class="ninat:picture", content_set="<remoteContent href='ferry.jpg' contenttype='image/jpeg'/>"),
     "no text in this NewsML item (a picture item"),
    (newsml(content_set="<remoteContent href='ferry-text.xml' contenttype='application/nitf+xml'/>"),
     "no text in this NewsML item: its content is in another file (ferry-text.xml)"),
])
def test_an_xml_file_with_no_story_fails_by_name_and_the_run_goes_on(tmp_path, db_path, data, error):
    (tmp_path / "a-bad.xml").write_bytes(data)
    (tmp_path / "b-good.xml").write_bytes(nitf(NITF_HEAD))
    code, summary = ingest_json(tmp_path / "a-bad.xml", tmp_path / "b-good.xml", "--db", db_path)
    assert (code, summary["stored"], summary["failed"]) == (1, 1, 1), summary
    [failure] = summary["failures"]
    assert failure["location"].endswith("a-bad.xml")
    assert failure["error"].startswith(error), failure


def test_news_xml_files_of_a_folder_are_read_and_other_xml_passed_over(tmp_path, db_path):
    # fail before: a NewsML item was passed over, as .xml; a damaged NITF story too
    (tmp_path / "item.xml").write_bytes(newsml())
    (tmp_path / "cut-short.xml").write_bytes(nitf()[:-40])
    # near miss: a site's sitemap and a program's settings are no stories, passed over as before
    (tmp_path / "sitemap.xml").write_bytes(b"<?xml version='1.0'?><urlset><url><loc>https://harborledger.example/"
                                           b"</loc></url></urlset>")
    (tmp_path / "settings.xml").write_bytes(b"<settings><theme>dark</theme></settings>")
    (tmp_path / "blank.xml").write_bytes(b"")  # ... and one that is no XML at all
    code, summary = ingest_json(tmp_path, "--db", db_path)
    assert (code, summary["stored"], summary["failed"]) == (1, 1, 1), summary
    assert summary["failures"][0]["location"].endswith("cut-short.xml")
    assert summary["passed_over"] == {".xml": 3}


@pytest.mark.parametrize("data, kind", [
    (nitf(), "xml"), (newsml(), "xml"),
    (RSS, "feed"),
    # near misses: an XHTML page and a sitemap are no news XML
    (b"<?xml version='1.0'?><html xmlns='http://www.w3.org/1999/xhtml'><body><p>Hi</p></body></html>", "html"),
    (b"<?xml version='1.0'?><urlset><url><loc>https://harborledger.example/</loc></url></urlset>", "html"),
])
def test_news_xml_is_told_by_its_content(data, kind):
    assert sniff_format(data) == kind


def test_a_nitf_story_without_its_extension_is_read_as_one(tmp_path, db_path):
    (tmp_path / "HL-2024-0305-1").write_bytes(nitf(NITF_HEAD))
    code, summary = ingest_json(tmp_path, "--db", db_path)
    assert (code, summary["stored"]) == (0, 1), summary
    assert stored(db_path)[0]["title_source"] == "nitf"


def test_an_xhtml_page_saved_as_xml_is_read_as_a_page(tmp_path, db_path):
    page = ("<?xml version='1.0'?><html xmlns='http://www.w3.org/1999/xhtml'><head><title>" + HEADLINE +
            "</title></head><body><article><h1>" + HEADLINE + "</h1>" +
            "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "</article></body></html>").encode()
    (tmp_path / "page.xml").write_bytes(page)
    code, summary = ingest_json(tmp_path, "--db", db_path)
    assert (code, summary["stored"]) == (0, 1), summary
    assert stored(db_path)[0]["title"] == HEADLINE


def test_parse_prints_a_nitf_story(tmp_path):
    (tmp_path / "ferry.xml").write_bytes(nitf(NITF_HEAD, NITF_BYLINE))
    result = run_cli("parse", tmp_path / "ferry.xml", "--json")
    assert result.exit_code == 0, result.output
    parsed = json.loads(result.stdout)
    assert (parsed["title"], parsed["provenance"]["title"]) == (HEADLINE, "nitf")


def test_a_news_xml_error_names_the_root():
    with pytest.raises(NewsXmlError, match="root <catalog>"):
        news_xml_stories(b"<catalog><book/></catalog>")


def test_the_nitf_stories_of_a_newsml_1_file(tmp_path, db_path):
    # NewsML 1 (the older envelope) holds its stories as NITF documents deep in its components
    inner = nitf(NITF_HEAD, NITF_BYLINE).split(b"?>", 1)[1].decode()
    wrapped = ("<?xml version='1.0'?><NewsML><NewsEnvelope><DateAndTime>20240305T073000-0500</DateAndTime>"
               "</NewsEnvelope><NewsItem><NewsComponent><ContentItem><DataContent>" + inner +
               "</DataContent></ContentItem></NewsComponent></NewsItem></NewsML>").encode()
    (tmp_path / "wire.xml").write_bytes(wrapped)
    code, summary = ingest_json(tmp_path, "--db", db_path)
    assert (code, summary["stored"]) == (0, 1), summary
    [article] = stored(db_path)
    assert (article["title"], article["authors"], article["title_source"]) == (HEADLINE, ["Ann Lee"], "nitf")
    # near miss: a NewsML 1 file with no NITF in it (its text elsewhere) fails saying so
    (tmp_path / "wire.xml").write_bytes(b"<NewsML><NewsItem><NewsComponent/></NewsItem></NewsML>")
    code, summary = ingest_json(tmp_path / "wire.xml", "--db", db_path)
    assert summary["failures"][0]["error"] == "no NITF story in this NewsML 1 file", summary


@pytest.mark.parametrize("declaration, encoding", [
    # Latin-1 declared, written by Windows software: its curly quotes (0x93, 0x94) and the
    # apostrophe (0x92) are C1 control characters in Latin-1, and the words lost them.
    ("<?xml version='1.0' encoding='ISO-8859-1'?>", "cp1252"),
    # No encoding declared (UTF-8, by the XML standard) but written in a Windows code page: it
    # failed whole as "a damaged XML file (not well-formed: invalid token)".
    ("<?xml version='1.0'?>", "cp1252"),
    ("", "cp1252"),
    # near misses: what the declaration says, and is, is read as before
    ("<?xml version='1.0' encoding='ISO-8859-1'?>", "latin-1"),
    ("<?xml version='1.0' encoding='UTF-8'?>", "utf-8"),
    ("<?xml version='1.0' encoding='UTF-16'?>", "utf-16"),
])
def test_a_nitf_story_in_the_code_page_it_was_written_in_keeps_its_letters(tmp_path, db_path, declaration, encoding):
    headline = "\u201cNo overtime\u201d: the crews\u2019 vote at Br\u00e6kwater" if encoding == "cp1252" else \
        "No overtime: the crews' vote at Br\u00e6kwater"
    story = (f"{declaration}<nitf><body><body.head><hedline><hl1>{headline}</hl1></hedline></body.head>"
             f"<body.content>{''.join(f'<p>{p}</p>' for p in PARAGRAPHS)}<p>Caf\u00e9 owners agreed.</p>"
             "</body.content></body></nitf>")
    (tmp_path / "crews.xml").write_bytes(story.encode(encoding))
    code, summary = ingest_json(tmp_path / "crews.xml", "--db", db_path)
    assert (code, summary["stored"]) == (0, 1), summary
    [(title, body)] = Database(db_path).execute("SELECT title, body FROM articles").fetchall()
    assert (title, body.endswith("Caf\u00e9 owners agreed.")) == (headline, True)


def test_a_newsml_item_holding_a_whole_nitf_story_gives_its_body_and_what_it_says(tmp_path, db_path):
    # fail before: the NITF's subheadline and abstract were read as paragraphs of the text (so
    # the story did not fold with the same NITF stored alone), and its byline was lost
    paragraphs = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    whole_nitf = (f"<nitf xmlns='{NITF_NS}'><head><title>{HEADLINE} - The Harbor Ledger</title></head><body>"
                  f"<body.head><hedline><hl1>{HEADLINE}</hl1><hl2>Islanders to be stranded</hl2></hedline>"
                  f"{NITF_BYLINE}</body.head><body.content>{paragraphs}</body.content>"
                  "<body.end><tagline>Copyright The Harbor Ledger</tagline></body.end></body></nitf>")
    item = news_item(f"<inlineXML contenttype='application/nitf+xml'>{whole_nitf}</inlineXML>")
    (tmp_path / "item.xml").write_text("<?xml version='1.0'?>\n" + item.replace("<by>By Ann Lee</by>", ""))
    (tmp_path / "story.xml").write_bytes(nitf(NITF_HEAD, NITF_BYLINE))
    code, summary = ingest_json(tmp_path / "item.xml", tmp_path / "story.xml", "--db", db_path)
    assert (code, summary["stored"], summary["duplicate"]) == (0, 1, 1), summary
    [article] = stored(db_path)
    assert article["body"].split("\n\n") == PARAGRAPHS
    assert (article["authors"], article["description"]) == (["Ann Lee"], "Two crossings a day from December.")
    # near miss: what the item's own metadata says wins over its NITF's
    assert (article["outlet"], article["published"]) == ("The Harbor Ledger", "2024-03-05T07:30:00-05:00")
