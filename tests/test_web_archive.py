"""Web archives (WARC, gzipped or not): each captured HTML page is one input, with the captured
address as its URL when the page names none; and a page saved whole in one MHTML file. The archives are written here with warcio's own
writer, around pages we wrote."""

import io
import json
import subprocess
import sys

import pytest
from sqlite_utils import Database
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from conftest import ARTICLE_TEXT, connect, ingest_json, run_cli


def page(headline: str, text: str, canonical: str | None = None) -> bytes:
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    paragraphs = "".join(f"<p>{p}</p>" for p in text.split("\n\n"))
    return (f"<html><head><title>{headline}</title>{link}</head><body><article>"
            f"<h1>{headline}</h1><p class='byline'>By Ada Quill</p>{paragraphs}</article></body></html>"
            ).encode()


def write_archive(path, records, gzip=True):
    """records: (uri, WARC type, HTTP status line or None, content type, payload bytes)."""
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=gzip)
        for uri, kind, status, content_type, payload in records:
            http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1") if status else None
            writer.write_record(writer.create_warc_record(
                uri, kind, payload=io.BytesIO(payload), http_headers=http,
                warc_content_type="application/http; msgtype=response" if status else content_type))


FLOOD = ARTICLE_TEXT
FAIR = ("The county fair opened on Saturday with a record entry of four hundred sheep, the "
        "organisers said.\n\nJudging of the vegetable classes runs until Sunday afternoon, when "
        "the prize for the heaviest marrow is announced on the main stage.")


def test_each_captured_html_page_is_an_article_with_the_captured_url(tmp_path, db_path):
    archive = tmp_path / "crawl.warc.gz"
    write_archive(archive, [
        ("https://millbrook-gazette.example/2024/03/05/river-rises", "request", None,
         "application/http; msgtype=request", b"GET /2024/03/05/river-rises HTTP/1.1\r\n\r\n"),
        ("https://millbrook-gazette.example/2024/03/05/river-rises", "response", "200 OK",
         "text/html; charset=utf-8", page("River rises in Millbrook", FLOOD)),
        ("https://millbrook-gazette.example/logo.png", "response", "200 OK", "image/png", b"\x89PNG\r\n"),
        ("https://millbrook-gazette.example/old", "response", "301 Moved Permanently", "text/html", b""),
        ("https://shire-news.example/fair?utm_source=feed", "response", "200 OK", "text/html",
         page("County fair opens", FAIR, canonical="https://shire-news.example/fair")),
    ])
    code, summary = ingest_json(archive, "--db", db_path)
    assert (code, summary["stored"], summary["failed"]) == (0, 2, 0)
    db = Database(db_path)
    articles = {r["title"]: r for r in db.query("SELECT title, url, published, body FROM articles")}
    # No canonical link: the captured address, and the date in its path.
    river = articles["River rises in Millbrook"]
    assert river["url"] == "https://millbrook-gazette.example/2024/03/05/river-rises"
    assert river["published"].startswith("2024-03-05")
    # The page's own canonical address wins over the captured one.
    assert articles["County fair opens"]["url"] == "https://shire-news.example/fair"
    locations = [r["location"] for r in db.query("SELECT location FROM sources ORDER BY location")]
    assert locations == [f"{archive}#2", f"{archive}#5"]  # record numbers within the archive


def test_an_unchanged_archive_is_not_extracted_again(tmp_path, db_path):
    archive = tmp_path / "crawl.warc"
    write_archive(archive, [("https://a.example/flood", "response", "200 OK", "text/html",
                             page("River rises", FLOOD))], gzip=False)
    ingest_json(archive, "--db", db_path)
    code, again = ingest_json(archive, "--db", db_path)
    assert (code, again["unchanged"], again["stored"]) == (0, 1, 0)


def test_the_same_story_captured_twice_is_one_article_seen_twice(tmp_path, db_path):
    archive = tmp_path / "crawl.warc.gz"
    write_archive(archive, [
        ("https://a.example/flood", "response", "200 OK", "text/html", page("River rises", FLOOD)),
        ("https://b.example/news/flood", "response", "200 OK", "text/html",
         page("River rises", FLOOD).replace(b"<body>", b"<body><nav>Home | News</nav>")),
    ])
    code, summary = ingest_json(archive, "--db", db_path)
    assert (summary["stored"], summary["duplicate"]) == (1, 1)


def test_an_archive_without_pages_or_a_broken_one_fails_by_name_and_the_run_goes_on(tmp_path, db_path):
    media = tmp_path / "media.warc.gz"
    write_archive(media, [("https://a.example/logo.png", "response", "200 OK", "image/png", b"\x89PNG")])
    cut = tmp_path / "cut.warc"  # a copy that stopped part-way through its one page
    write_archive(cut, [("https://a.example/fair", "response", "200 OK", "text/html", page("Fair", FAIR * 20))],
                  gzip=False)
    cut.write_bytes(cut.read_bytes()[: cut.stat().st_size * 4 // 5])
    junk = tmp_path / "junk.warc"
    junk.write_bytes(b"this was never a web archive\n" * 10)
    good = tmp_path / "good.txt"
    good.write_text("A good headline\n\n" + ARTICLE_TEXT)
    code, summary = ingest_json(media, cut, junk, good, "--db", db_path)
    assert (code, summary["stored"], summary["failed"]) == (1, 1, 3)
    errors = {f["location"].rsplit("/", 1)[-1]: f["error"] for f in summary["failures"]}
    assert "no HTML page found in this web archive" in errors["media.warc.gz"]
    assert "ends inside this record" in errors["cut.warc#1"]
    assert "web archive" in errors["junk.warc"]


def test_a_web_archive_without_its_extension_is_recognised(tmp_path, db_path):
    archive = tmp_path / "capture.bin"
    write_archive(archive, [("https://a.example/fair", "response", "200 OK", "text/html",
                             page("County fair opens", FAIR))], gzip=False)
    code, summary = ingest_json(archive, "--db", db_path)
    assert (code, summary["stored"]) == (0, 1)
    assert json.loads(Database(db_path).execute("SELECT authors FROM articles").fetchone()[0]) == ["Ada Quill"]


def test_parse_shows_every_page_of_an_archive(tmp_path):
    from conftest import run_cli

    archive = tmp_path / "crawl.warc.gz"
    write_archive(archive, [
        ("https://a.example/flood", "response", "200 OK", "text/html", page("River rises", FLOOD)),
        ("https://a.example/fair", "response", "200 OK", "text/html", page("County fair opens", FAIR)),
    ])
    result = run_cli("parse", archive, "--json")
    assert result.exit_code == 0
    pages = json.loads(result.output)
    assert [(p["title"], p["url"]) for p in pages] == [
        ("River rises", "https://a.example/flood"), ("County fair opens", "https://a.example/fair")]


def mhtml(html: bytes, header: str = "Snapshot-Content-Location: https://millbrook-gazette.example/news/flood\r\n",
          part_type: str = "text/html", charset: str = "") -> bytes:
    """A page saved whole in one file, as Chrome's "Webpage, Single File" writes it."""
    import quopri

    return (f"From: <Saved by Blink>\r\n{header}Subject: River rises\r\nMIME-Version: 1.0\r\n"
            'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="----Boundary--7f----"\r\n\r\n'
            f"------Boundary--7f----\r\nContent-Type: {part_type}{'; charset=' + charset if charset else ''}\r\n"
            "Content-Transfer-Encoding: quoted-printable\r\n"
            "Content-Location: https://millbrook-gazette.example/news/flood\r\n\r\n").encode() + \
        quopri.encodestring(html).replace(b"\n", b"\r\n") + \
        (b"\r\n------Boundary--7f----\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\n"
         b"iVBORw0KGgo=\r\n------Boundary--7f------\r\n")


@pytest.mark.parametrize("name, data, error", [
    # fail before: passed over in a folder, or read as a page of quoted-printable ("no article")
    ("flood.mhtml", mhtml(page("River rises in Millbrook", FLOOD)), None),
    ("flood.mht", mhtml(page("River rises in Millbrook", FLOOD.replace("river", "rivière")).decode().encode("cp1252"),
                        header="", charset="windows-1252"), None),  # Internet Explorer's: a code page, no snapshot line
    ("flood.html", mhtml(page("River rises in Millbrook", FLOOD)), None),  # named as a page
    ("flood.mhtml", mhtml(b"x", part_type="text/plain"), "no HTML page in this MHTML file"),
])
def test_a_page_saved_as_mhtml_is_read_with_the_address_it_was_saved_from(tmp_path, db_path, name, data, error):
    (tmp_path / name).write_bytes(data)
    code, summary = ingest_json(tmp_path, "--db", db_path)
    if error:
        assert (code, summary["failed"]) == (1, 1) and summary["failures"][0]["error"].startswith(error), summary
        return
    assert (code, summary["stored"]) == (0, 1), summary
    article = next(Database(db_path).query("SELECT title, authors, url, body FROM articles"))
    assert (article["title"], json.loads(article["authors"])) == ("River rises in Millbrook", ["Ada Quill"])
    assert article["url"] == "https://millbrook-gazette.example/news/flood"
    assert "=20" not in article["body"] and "=\r\n" not in article["body"]
    assert ("rivière" in article["body"]) == name.endswith(".mht")


def webarchive(data: bytes, mime: str = "text/html", encoding: str | None = "UTF-8",
               url: str | None = "https://millbrook-gazette.example/news/flood") -> bytes:
    """A page saved by Safari's "Save As... Web Archive": a binary property list, the page as its
    main resource, an image beside it."""
    import plistlib

    main = {"WebResourceData": data, "WebResourceMIMEType": mime, "WebResourceFrameName": ""}
    if encoding:
        main["WebResourceTextEncodingName"] = encoding
    if url:
        main["WebResourceURL"] = url
    return plistlib.dumps({"WebMainResource": main, "WebSubresources": [
        {"WebResourceData": b"\x89PNG\r\n\x1a\n" + bytes(32), "WebResourceMIMEType": "image/png",
         "WebResourceURL": "https://millbrook-gazette.example/logo.png"}]}, fmt=plistlib.FMT_BINARY)


@pytest.mark.parametrize("name, data, error", [
    # fail before: "binary file" (or passed over in a folder)
    ("flood.webarchive", webarchive(page("River rises in Millbrook", FLOOD)), None),
    ("flood.webarchive", webarchive(page("River rises in Millbrook", FLOOD.replace("river", "rivière")).decode()
                                    .encode("cp1252"), encoding="windows-1252"), None),  # a code page, said beside it
    ("flood.html", webarchive(page("River rises in Millbrook", FLOOD)), None),  # named as a page
    # what is no page in it is said, with the file's name
    ("flood.webarchive", webarchive(b"\x89PNG\r\n\x1a\n", mime="image/png"),
     "no HTML page in this Safari web archive (its main resource is image/png)"),
    ("flood.webarchive", webarchive(page("River rises in Millbrook", FLOOD))[:200],
     "a damaged Safari web archive"),
    # near miss: another property list is no page, and says what it is
    ("prefs.txt", __import__("plistlib").dumps({"Theme": "dark"}, fmt=__import__("plistlib").FMT_BINARY),
     "binary file (an Apple property list)"),
])
def test_a_page_saved_as_a_safari_web_archive(tmp_path, db_path, name, data, error):
    folder = tmp_path / "saved"
    folder.mkdir()
    (folder / name).write_bytes(data)
    code, summary = ingest_json(folder, "--db", db_path)
    if error:
        assert (code, summary["failed"]) == (1, 1) and summary["failures"][0]["error"].startswith(error), summary
        assert name in summary["failures"][0]["location"]
        return
    assert (code, summary["stored"]) == (0, 1), summary
    article = next(Database(db_path).query("SELECT title, authors, url, body FROM articles"))
    assert (article["title"], json.loads(article["authors"])) == ("River rises in Millbrook", ["Ada Quill"])
    assert article["url"] == "https://millbrook-gazette.example/news/flood"
    assert ("rivière" in article["body"]) == ("rivière" in data.decode("cp1252", errors="ignore"))


def test_a_safari_web_archive_of_a_text_page_is_read_as_text(tmp_path, db_path):
    text = f"River rises in Millbrook\n\nBy Ada Quill\n\n{FLOOD}\n".encode()
    (tmp_path / "flood.webarchive").write_bytes(webarchive(text, mime="text/plain", url=None))
    code, summary = ingest_json(tmp_path / "flood.webarchive", "--db", db_path)
    assert (code, summary["stored"]) == (0, 1), summary
    article = next(Database(db_path).query("SELECT title, authors FROM articles"))
    assert (article["title"], json.loads(article["authors"])) == ("River rises in Millbrook", ["Ada Quill"])


def test_a_mail_saved_as_text_is_no_mhtml():
    # near miss: a text that opens with mail headers but holds no multipart page is a text
    from ingest.read import sniff_format

    assert sniff_format(b"From: Ann Lee\nSubject: Tide tables\nDate: 4 March 2024\n\nThe tide tables are out.") == "text"


def test_a_file_that_is_no_web_archive_fails_on_one_line_without_the_readers_chatter(tmp_path):
    """Standard error holds the run's own lines only: each `failed: PATH: reason`. warcio
    logged a warning of its own for a first line with spaces ("Replacing spaces in invalid
    WARC-Target-URI: this was never..."), and with no handler set Python printed it, a line a
    script reading the failures could not place. Run as a process: pytest's own log handler
    would hide what a user sees."""
    junk = tmp_path / "junk.warc"
    junk.write_bytes(b"this was never a web archive\n" * 10)
    run = subprocess.run([sys.executable, "-m", "ingest", "ingest", str(junk), "--db", str(tmp_path / "a.db")],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 1
    lines = run.stderr.splitlines()
    assert lines and all(line.startswith("failed: ") for line in lines), run.stderr
    assert "web archive" in lines[0]


@pytest.mark.parametrize("mime, url, kept", [
    # fail before: a text page's address was lost (only a page's was given to its extractor)
    ("text/plain", "https://millbrook-gazette.example/news/flood.txt", "https://millbrook-gazette.example/news/flood.txt"),
    ("text/plain", "file:///Users/ada/flood.txt", None),  # near miss: a file on the saver's disk is no address
])
def test_a_safari_web_archive_of_a_text_page_keeps_its_address(tmp_path, db_path, mime, url, kept):
    text = f"River rises in Millbrook\n\nBy Ada Quill\n\n{FLOOD}\n".encode()
    (tmp_path / "flood.webarchive").write_bytes(webarchive(text, mime=mime, url=url))
    code, summary = ingest_json(tmp_path / "flood.webarchive", "--db", db_path)
    assert (code, summary["stored"]) == (0, 1), summary
    assert next(Database(db_path).query("SELECT url FROM articles"))["url"] == kept


def test_a_safari_web_archive_as_an_xml_property_list(tmp_path, db_path):
    # fail before: a web archive turned into XML (plutil -convert xml1, as some tools keep
    # them) was read as a page, its base64 plist data stored as the story
    import plistlib

    archive = plistlib.loads(webarchive(page("River rises in Millbrook", FLOOD)))
    (tmp_path / "flood.webarchive").write_bytes(plistlib.dumps(archive, fmt=plistlib.FMT_XML))
    code, summary = ingest_json(tmp_path, "--db", db_path)
    assert (code, summary["stored"]) == (0, 1), summary
    article = next(Database(db_path).query("SELECT title, url FROM articles"))
    assert (article["title"], article["url"]) == ("River rises in Millbrook", "https://millbrook-gazette.example/news/flood")


def test_another_xml_property_list_is_no_web_archive():
    from ingest.read import sniff_format

    # near miss: an XML property list of something else is no web archive
    assert sniff_format(b'<?xml version="1.0"?>\n<plist version="1.0"><dict><key>Theme</key><string>dark</string></dict></plist>') != "webarchive"


def with_frame(shell: bytes, framed: bytes) -> bytes:
    """A web archive whose page shows another in a frame: Safari keeps the frame's page as a web
    archive of its own under "WebSubframeArchives"."""
    import plistlib

    archive = plistlib.loads(webarchive(shell))
    archive["WebSubframeArchives"] = [plistlib.loads(webarchive(framed, url="https://millbrook-gazette.example/frame/flood"))]
    return plistlib.dumps(archive, fmt=plistlib.FMT_BINARY)


@pytest.mark.parametrize("shell, story_in_frame", [
    # fail before: "no article text found", the story unread in the frame's archive
    (b"<html><head><title>River rises in Millbrook</title></head><body>"
     b"<iframe src='https://millbrook-gazette.example/frame/flood'></iframe></body></html>", True),
    # near miss: a page with its story, and an advert in a frame, is read as its page
    (page("River rises in Millbrook", FLOOD), False),
])
def test_a_safari_web_archive_whose_story_is_in_a_frame(tmp_path, db_path, shell, story_in_frame):
    framed = page("Ferry times", "The ferry runs at noon and at six every day this week, the harbour office "
                  "said in a notice put up on the quay on Monday morning, after the storm.") if not story_in_frame \
        else page("River rises in Millbrook", FLOOD)
    (tmp_path / "flood.webarchive").write_bytes(with_frame(shell, framed))
    code, summary = ingest_json(tmp_path, "--db", db_path)
    assert (code, summary["stored"]) == (0, 1), summary
    article = next(Database(db_path).query("SELECT title, url, body FROM articles"))
    assert article["title"] == "River rises in Millbrook" and "ferry runs at noon" not in article["body"]
    assert article["url"] == "https://millbrook-gazette.example/news/flood"  # the address the reader saved


def test_an_archive_damaged_after_its_first_pages_says_they_were_read(tmp_path, db_path):
    # A crawl cut short or damaged part-way: its pages before the damage are stored, and the
    # failure said only "a malformed record", leaving its owner to wonder whether any were.
    archive = tmp_path / "crawl.warc"
    write_archive(archive, [("https://a.example/flood", "response", "200 OK", "text/html", page("River rises", FLOOD))],
                  gzip=False)
    archive.write_bytes(archive.read_bytes() + b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 900\r\n\r\nshort")
    code, summary = ingest_json(archive, "--db", db_path)
    assert (code, summary["stored"], summary["failed"]) == (1, 1, 1), summary
    assert summary["failures"][0]["error"].endswith("; the 1 page before it was read"), summary


@pytest.mark.parametrize("gzip, cut", [
    (True, 0.9),  # early in the last record's gzip member: warcio ended there as at the archive's end
    (True, 0.99),  # a few bytes of it (an uncompressed archive cut so fails already: a malformed record)
    (True, 0.0),  # near miss: whole, and so with a blank line after it
    (False, 0.0),
])
def test_an_archive_cut_short_inside_its_last_record_says_so(tmp_path, db_path, gzip, cut):
    # A crawl cut short by a transfer or a full disk lost its last page in silence: "2 new, 0
    # failed", exit status 0, where the page that was cut was one of its owner's.
    archive = tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc")
    pages = [(f"https://a.example/{name}", "response", "200 OK", "text/html", page(title, text))
             for name, title, text in [("flood", "River rises", FLOOD), ("fair", "County fair opens", FAIR)]]
    write_archive(tmp_path / "first.warc", pages[:1], gzip=gzip)
    write_archive(archive, pages, gzip=gzip)
    whole, first = archive.read_bytes(), (tmp_path / "first.warc").read_bytes()
    kept = len(whole) - int((len(whole) - len(first)) * cut) if cut else len(whole)
    archive.write_bytes(whole[:kept] + (b"" if cut else b"\r\n"))
    code, summary = ingest_json(archive, "--db", db_path)
    if not cut:
        assert (code, summary["stored"], summary["failed"]) == (0, 2, 0), summary
        return
    assert (code, summary["stored"], summary["failed"]) == (1, 1, 1), summary
    assert summary["failures"] == [{"location": str(archive), "error": "the web archive ends inside its record 2 "
                                    "(a copy cut short?); the 1 page before it was read"}]


def _headline_page(title: str, headline: str, site_name: str | None = None) -> bytes:
    """A page whose headline is a paragraph of its own above the story (trafilatura keeps it
    as the text's first line), with the og:site_name given."""
    paragraphs = "".join(f"<p>{p}</p>" for p in (FLOOD + "\n\n" + FAIR).split("\n\n"))
    meta = f'<meta property="og:site_name" content="{site_name}">' if site_name else ""
    return (f"<html><head><title>{title}</title>{meta}</head><body><div>"
            f"<p>{headline}</p>{paragraphs}</div></body></html>").encode()


ELSEWHERE = "https://news.example.com/2024/03/05/story"  # a host that does not name the site
GAZETTE = "https://www.millbrookgazette.example/2024/03/05/story"


@pytest.mark.parametrize("title, headline, url, site_name, expected_title", [
    # the site's name beside the headline that opens the text, where the record's address
    # or the page names the site: the headline alone (fail before d2d7f45: the title kept it)
    ("Millbrook Gazette: River rises in Millbrook", "River rises in Millbrook", GAZETTE, None,
     "River rises in Millbrook"),
    ("River rises in Millbrook — The Millbrook Gazette", "River rises in Millbrook", GAZETTE, None,
     "River rises in Millbrook"),
    ("MILLBROOK GAZETTE :: river rises in Millbrook", "River rises in Millbrook", GAZETTE, None,
     "river rises in Millbrook"),  # (as the <title> writes it)
    ("Valley Courier: River rises in Millbrook", "River rises in Millbrook", ELSEWHERE, "Valley Courier",
     "River rises in Millbrook"),
    ("River rises in Millbrook | Millbrook Gazette", "River rises in Millbrook", ELSEWHERE, None,
     "River rises in Millbrook"),  # (a ' | ' suffix is cut by the title's own rules)
    # fail before this mend: no evidence names the part beside the headline as the site's, and
    # it is the headline's own - the title stays whole and the first line stays in the body
    ("Millbrook Gazette: River rises in Millbrook", "River rises in Millbrook", ELSEWHERE, None,
     "Millbrook Gazette: River rises in Millbrook"),
    ("Brexit: What happens next", "What happens next", ELSEWHERE, None, "Brexit: What happens next"),
    ("Opinion: The river needs a wall", "The river needs a wall", ELSEWHERE, None,
     "Opinion: The river needs a wall"),
    ("Analysis | The river needs a wall", "The river needs a wall", ELSEWHERE, None,
     "Analysis | The river needs a wall"),
    ("Ukraine war: Grain ships sail again", "Grain ships sail again", ELSEWHERE, None,
     "Ukraine war: Grain ships sail again"),
    ("Exclusive: Mayor to resign", "Mayor to resign", ELSEWHERE, None, "Exclusive: Mayor to resign"),
    ("River rises in Millbrook - Part 2", "River rises in Millbrook", ELSEWHERE, None,
     "River rises in Millbrook - Part 2"),
    ("River rises in Millbrook — in pictures", "River rises in Millbrook", ELSEWHERE, None,
     "River rises in Millbrook — in pictures"),
    ("River rises in Millbrook - as it happened", "River rises in Millbrook", ELSEWHERE, None,
     "River rises in Millbrook - as it happened"),
    ("US-China trade talks resume", "China trade talks resume", "https://www.us.example/story", None,
     "US-China trade talks resume"),
    # near misses: a site named, but not the part beside the headline; the part after ':' is
    # the headline's own; the part beside it is a sentence, or longer than a site's name
    ("Opinion: River rises in Millbrook", "River rises in Millbrook", GAZETTE, "Millbrook Gazette",
     "Opinion: River rises in Millbrook"),
    ("River rises in Millbrook: what the warden says", "River rises in Millbrook", GAZETTE, None,
     "River rises in Millbrook: what the warden says"),
    ("Warden warns. — River rises in Millbrook", "River rises in Millbrook", GAZETTE, None,
     "Warden warns. — River rises in Millbrook"),
    ("The warden and the volunteers of the town: River rises in Millbrook", "River rises in Millbrook",
     GAZETTE, None, "The warden and the volunteers of the town: River rises in Millbrook"),
])
def test_a_title_with_the_site_name_beside_the_headline_that_opens_the_text(
        tmp_path, db_path, title, headline, url, site_name, expected_title):
    archive = tmp_path / "crawl.warc.gz"
    write_archive(archive, [(url, "response", "200 OK", "text/html; charset=utf-8",
                             _headline_page(title, headline, site_name))])
    code, summary = ingest_json(archive, "--db", db_path)
    assert (code, summary["stored"]) == (0, 1), summary
    [article] = Database(db_path).query("SELECT title, body FROM articles")
    assert article["title"] == expected_title
    headline_left = article["body"].startswith(headline + "\n")
    assert headline_left == (expected_title.casefold() != headline.casefold()), article["body"][:80]


def _flood_image_fair(path, gzip=False):
    write_archive(path, [
        ("https://a.example/flood", "response", "200 OK", "text/html", page("River rises", FLOOD)),
        ("https://a.example/map.png", "response", "200 OK", "image/png", b"\x89PNG\r\n" + bytes(600)),
        ("https://a.example/fair", "response", "200 OK", "text/html", page("County fair opens", FAIR)),
    ], gzip=gzip)
    return path.read_bytes()


@pytest.mark.parametrize("where, failure", [
    # fail before: stored the first page and said nothing (exit 0), the rest of the crawl lost
    ("inside the image's content", "the web archive ends inside its record 2 (a copy cut short?)"),
    ("inside the third record's header", "the web archive ends inside its record 3 (a copy cut short?)"),
    # fail before: "a malformed record (AttributeError: 'NoneType' ...)", naming no record
    ("inside the third record's first line", "cannot read web archive: its record 3 is malformed or cut short"),
])
def test_an_archive_cut_short_names_the_record_it_ends_in(tmp_path, db_path, where, failure):
    archive = tmp_path / "crawl.warc"
    whole = _flood_image_fair(archive)
    third = whole.index(b"WARC/1.0", whole.index(b"map.png"))
    kept = {"inside the image's content": whole.index(b"\x89PNG") + 300,
            "inside the third record's header": whole.index(b"WARC-Type", third),
            "inside the third record's first line": third + 4}[where]
    archive.write_bytes(whole[:kept])
    code, summary = ingest_json(archive, "--db", db_path)
    assert (code, summary["stored"], summary["failed"]) == (1, 1, 1), summary
    assert summary["failures"][0]["location"] == str(archive)
    error = summary["failures"][0]["error"]
    assert error.startswith(failure) and error.endswith("; the 1 page before it was read"), error


@pytest.mark.parametrize("cut", [False, True])
def test_an_archive_gzipped_whole_is_read(tmp_path, db_path, cut):
    # fails before: `gzip crawl.warc` (one gzip member, not one a record) failed with warcio's
    # page-long advice to run its own tool, "\n" and all, after the first page
    import gzip as gzip_module

    packed = gzip_module.compress(_flood_image_fair(tmp_path / "crawl.warc"))
    archive = tmp_path / "crawl.warc.gz"
    archive.write_bytes(packed[:len(packed) - 40] if cut else packed)
    code, summary = ingest_json(archive, "--db", db_path)
    if not cut:
        assert (code, summary["stored"], summary["failed"]) == (0, 2, 0), summary
        return
    # near miss: cut short, it fails by name after what it read (not "no HTML page found")
    assert (code, summary["failed"]) == (1, 1), summary
    assert "cut short" in summary["failures"][0]["error"], summary


@pytest.mark.parametrize("header, encoding", [
    ("text/html; charset=iso-8859-1", "latin-1"),  # fails before: "déją" (the <meta>'s UTF-8 refused, then guessed)
    ("text/html; charset=\"windows-1252\"", "cp1252"),
    ("text/html", "utf-8"),  # near misses: no charset from the server, the page's own word as before
    ("text/html; charset=iso-8859-1", "utf-8"),  # (a server's stale word: valid UTF-8 is read as it)
])
def test_a_captured_page_is_read_in_the_servers_charset_over_its_meta(tmp_path, db_path, header, encoding):
    text = "Le café déjà plein à Zürich, où la crème brûlée se vend à prix d'or.\n\n" + FAIR
    html = page("Café déjà plein", text).replace(b"<head>", b'<head><meta charset="utf-8">')
    archive = tmp_path / "crawl.warc.gz"
    write_archive(archive, [("https://a.example/cafe", "response", "200 OK", header,
                             html.decode().encode(encoding))])
    code, summary = ingest_json(archive, "--db", db_path)
    assert (code, summary["stored"]) == (0, 1), summary
    title, = (r["title"] for r in Database(db_path).query("SELECT title FROM articles"))
    assert title == "Café déjà plein"


@pytest.mark.parametrize("second", [
    page("River rises", FLOOD),  # fails before: the same bytes, their later capture's date dropped
    page("River rises", FLOOD).replace(b"<body>", b"<body><nav>Home | News</nav>"),  # (the same text)
])
def test_each_capture_of_a_page_keeps_when_it_was_captured(tmp_path, db_path, second):
    # A crawl that captured a page again, unchanged, a month later: the story was still up then,
    # which a researcher of how long stories stay online asks; only the first date was kept.
    archive = tmp_path / "crawl.warc.gz"
    with open(archive, "wb") as out:
        writer = WARCWriter(out, gzip=True)
        for when, payload in (("2024-03-05T08:00:00Z", page("River rises", FLOOD)), ("2024-04-05T09:30:00Z", second)):
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                "https://a.example/flood", "response", payload=io.BytesIO(payload), http_headers=http,
                warc_headers_dict={"WARC-Date": when}))
    code, summary = ingest_json(archive, "--db", db_path)
    assert (code, summary["stored"], summary["duplicate"]) == (0, 1, 1), summary
    db = Database(db_path)
    assert [(r["status"], r["captured"]) for r in db.query("SELECT status, captured FROM sources ORDER BY id")] == [
        ("stored", "2024-03-05T08:00:00+00:00"), ("duplicate", "2024-04-05T09:30:00+00:00")]
    assert [r["captured"] for r in db.query("SELECT captured FROM articles")] == ["2024-03-05T08:00:00+00:00"]


def test_an_archive_cut_inside_a_pages_content_names_that_page(tmp_path, db_path):
    # A crawl gzipped whole and cut short inside its second page: the error is raised while that
    # page's content is read. Fails before: "its record 3 is malformed or cut short ...; the 2
    # pages before it were read", where one page was stored and the cut is in record 2.
    import gzip as gzip_module
    import random

    words = random.Random(38).choices(["river", "council", "bridge", "ferry", "storm", "budget", "harbour"], k=60_000)
    long_story = "\n\n".join(" ".join(words[i:i + 60]) + "." for i in range(0, len(words), 60))
    write_archive(tmp_path / "crawl.warc", [
        ("https://a.example/flood", "response", "200 OK", "text/html", page("River rises", FLOOD)),
        ("https://a.example/long", "response", "200 OK", "text/html", page("A long story", long_story)),
        ("https://a.example/fair", "response", "200 OK", "text/html", page("County fair opens", FAIR)),
    ], gzip=False)
    packed = gzip_module.compress((tmp_path / "crawl.warc").read_bytes())
    archive = tmp_path / "crawl.warc.gz"
    archive.write_bytes(packed[:len(packed) // 2])
    code, summary = ingest_json(archive, "--db", db_path)
    assert (code, summary["stored"], summary["failed"]) == (1, 1, 1), summary
    error = summary["failures"][0]["error"]
    assert error.startswith("cannot read web archive: its record 2 is malformed or cut short"), error
    assert error.endswith("; the 1 page before it was read"), error


def test_reparse_fills_when_a_stored_page_was_captured_in_an_archive_made_before_0031(tmp_path, db_path):
    # Rows stored before schema/0031 have no capture date: reparse reads the stored page's record
    # again and fills its row (fails before: left empty). A copy's row, the later capture of the
    # same page at another record, is not read by reparse and stays empty (the README says so).
    archive = tmp_path / "crawl.warc.gz"
    with open(archive, "wb") as out:
        writer = WARCWriter(out, gzip=True)
        for when in ("2024-03-05T08:00:00Z", "2024-04-05T09:30:00Z"):
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                "https://a.example/flood", "response", payload=io.BytesIO(page("River rises", FLOOD)),
                http_headers=http, warc_headers_dict={"WARC-Date": when}))
    assert ingest_json(archive, "--db", db_path)[0] == 0
    with connect(db_path) as conn:
        conn.execute("UPDATE sources SET captured = NULL")  # as rows stored before 0031
    assert run_cli("reparse", "--all", "--db", db_path).exit_code == 0
    db = Database(db_path)
    assert [(r["status"], r["captured"]) for r in db.query("SELECT status, captured FROM sources ORDER BY id")] == [
        ("stored", "2024-03-05T08:00:00+00:00"), ("duplicate", None)]


def test_reparse_fills_no_capture_date_from_the_same_bytes_at_another_record(tmp_path, db_path):
    # A crawl written again with another page first: the stored page's bytes are now only at
    # record 2, its later capture. Reparse reads them there (a record is found by its bytes), but
    # that record's date is the later capture's, not the stored row's (fails before: it was filled
    # with the later date).
    def crawl(pages):
        with open(tmp_path / "crawl.warc.gz", "wb") as out:
            writer = WARCWriter(out, gzip=True)
            for when, payload in pages:
                http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
                writer.write_record(writer.create_warc_record(
                    "https://a.example/flood", "response", payload=io.BytesIO(payload), http_headers=http,
                    warc_headers_dict={"WARC-Date": when}))

    crawl([("2024-03-05T08:00:00Z", page("River rises", FLOOD))])
    assert ingest_json(tmp_path / "crawl.warc.gz", "--db", db_path)[0] == 0
    with connect(db_path) as conn:
        conn.execute("UPDATE sources SET captured = NULL")  # as rows stored before 0031
    crawl([("2024-04-01T00:00:00Z", page("County fair opens", FAIR)),
           ("2024-04-05T09:30:00Z", page("River rises", FLOOD))])
    assert run_cli("reparse", "--all", "--db", db_path).exit_code == 0
    db = Database(db_path)
    assert [(r["location"][-2:], r["captured"]) for r in db.query("SELECT location, captured FROM sources")] == [
        ("#1", None)]


def _long_story(seed: int) -> str:
    import random

    words = random.Random(seed).choices(["river", "council", "bridge", "ferry", "storm", "budget", "harbour"], k=60_000)
    return "\n\n".join(" ".join(words[i:i + 60]) + "." for i in range(0, len(words), 60))


@pytest.mark.parametrize("damaged, kind, long", [
    (2, "text/html", True),  # fails before: record 2 "cut short?", record 3 lost, warcio's "Error -3" on stderr
    (2, "image/png", True),  # (a record passed over: warcio lost the rest while skipping it)
    (2, "text/html", False),  # fails before: "Unknown archive format" (one block, read as not gzipped), record 3 lost
    (3, "text/html", True),  # the last record: no record after it to read on from
])
def test_a_record_whose_gzip_data_is_damaged_fails_by_name_and_the_records_after_it_are_read(
        tmp_path, damaged, kind, long):
    # A crawl gzipped a record at a time, one record's member damaged deep in its body (a bad
    # disk block, a flipped bit in a copy). Run as a process: what warcio printed is seen.
    payloads = [page("River rises", FLOOD), page("A long story", _long_story(38) if long else FLOOD + FAIR),
                page("County fair opens", FAIR)]
    if damaged == 3:
        payloads[1], payloads[2] = payloads[2], payloads[1]
    kinds = ["text/html"] * 3
    kinds[damaged - 1] = kind
    archive = tmp_path / "crawl.warc.gz"
    write_archive(archive, [(f"https://a.example/{n}", "response", "200 OK", k, p)
                            for n, (k, p) in enumerate(zip(kinds, payloads), start=1)])
    data = bytearray(archive.read_bytes())
    member = data.index(b"\x1f\x8b\x08", 1)  # record 2's member
    if damaged == 3:
        member = data.index(b"\x1f\x8b\x08", data.index(b"\x1f\x8b\x08", member + 1))
    deep = len(data) - 2_000 if damaged == 3 else member + (20_000 if long else 200)
    for i in range(deep, deep + 40):
        data[i] ^= 0x55
    archive.write_bytes(data)
    db = tmp_path / "a.db"
    run = subprocess.run([sys.executable, "-m", "ingest", "ingest", str(archive), "--db", str(db)],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 1
    lines = run.stderr.splitlines()
    assert lines and all(line.startswith("failed: ") for line in lines), run.stderr
    rows = list(Database(db).query("SELECT location, status, error FROM sources ORDER BY location"))
    assert [(r["location"].rsplit("#")[-1], r["status"]) for r in rows if r["status"] == "failed"] == [
        (str(damaged), "failed")], rows
    error = next(r["error"] for r in rows if r["status"] == "failed")
    assert error.startswith("cannot read this record of the web archive: its gzip data is damaged (Error -3"), error
    if damaged == 3:
        assert "no record begins after it: its last" in error and "bytes, from byte" in error, error
    else:
        assert "the archive read on from its next record, at byte" in error, error
    stored = {r["title"] for r in Database(db).query("SELECT title FROM articles")}
    assert stored == {"River rises", "County fair opens"}


@pytest.mark.parametrize("damaged", [
    0.75,  # fails before: stored cut at the damage, exit 0, warcio's "Error -3" on stderr
    0.001,  # fails before: its first block failed, so warcio read it as never gzipped, the gzip stored as the page
    0,  # near miss: a page gzipped by its server, whole, is read whole
])
def test_a_page_whose_servers_compression_is_damaged_fails_by_name(tmp_path, damaged):
    import gzip as gzip_module

    story = _long_story(39)
    packed = bytearray(gzip_module.compress(page("A long story", story)))
    if damaged:
        deep = max(20, int(len(packed) * damaged))
        for i in range(deep, deep + 40):
            packed[i] ^= 0x55
    archive = tmp_path / "crawl.warc"
    with open(archive, "wb") as out:
        writer = WARCWriter(out, gzip=False)
        for n, (payload, encoded) in enumerate([(page("River rises", FLOOD), False), (bytes(packed), True),
                                                (page("County fair opens", FAIR), False)], start=1):
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")] + [("Content-Encoding", "gzip")] * encoded,
                                    protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(f"https://a.example/{n}", "response",
                                                          payload=io.BytesIO(payload), http_headers=http))
    db = tmp_path / "a.db"
    run = subprocess.run([sys.executable, "-m", "ingest", "ingest", str(archive), "--db", str(db)],
                         capture_output=True, text=True, timeout=120)
    assert all(line.startswith("failed: ") for line in run.stderr.splitlines()), run.stderr
    failed = [(r["location"].rsplit("#")[-1], r["error"])
              for r in Database(db).query("SELECT location, error FROM sources WHERE status = 'failed'")]
    stored = {r["title"]: len(r["body"]) for r in Database(db).query("SELECT title, body FROM articles")}
    if not damaged:
        assert (run.returncode, failed, len(stored)) == (0, [], 3), (failed, stored)
        assert stored["A long story"] > len(story) * 0.9
        return
    assert run.returncode == 1
    assert [number for number, _ in failed] == ["2"], failed
    assert failed[0][1].startswith("cannot read this page: the compression its server sent it in is damaged "
                                   "(Error -3 while decompressing data"), failed
    assert set(stored) == {"River rises", "County fair opens"}
