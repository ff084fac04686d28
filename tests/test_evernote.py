"""Evernote's export (.enex): an XML file of notes, each an ENML page with its title, days,
author and the address a web clip was taken from. Each note is one input (PATH#N), read as a
page (ingest/evernote.py). Every export is written here, its content invented."""

import gzip
import json

import pytest
from sqlite_utils import Database

from conftest import ingest_json

PARAGRAPHS = [
    "The harbour board voted on Monday to cut the winter ferry timetable to two crossings a day, "
    "citing the cost of fuel and a shortage of deckhands across the island routes.",
    "Islanders who commute to the mainland said the change would add an hour to each working day, "
    "and the council asked the board to delay the cut until the spring review is published.",
]
NOTES = [
    "Call the harbour office about the winter timetable before the board meets again on Thursday, "
    "and ask whether the deckhands' union was consulted on the cut.",
    "The council clerk said the spring review would be published in April, not March as the board "
    "had told the island's commuters at the public meeting.",
]


def note(title: str, paragraphs: list[str], created: str = "20240305T123000Z", updated: str | None = None,
         attributes: str = "", headline: str | None = None, resource: bool = False) -> str:
    blocks = (f"<div><h1>{headline}</h1></div><div>By Ann Lee</div>" if headline else "") + "".join(
        f"<div>{p}</div>" for p in paragraphs)
    enml = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><!DOCTYPE en-note SYSTEM \"http://xml.evernote.com/pub/enml2.dtd\">"
            f"<en-note>{blocks}<en-media type=\"image/png\" hash=\"0f0f\"/></en-note>")
    picture = ("<resource><data encoding='base64'>" + "iVBORw0KGgo=" * 50 + "</data><mime>image/png</mime></resource>"
               if resource else "")
    return (f"<note><title>{title}</title><created>{created}</created>"
            + (f"<updated>{updated}</updated>" if updated else "")
            + f"<tag>ferries</tag><note-attributes>{attributes}</note-attributes>"
            f"<content><![CDATA[{enml}]]></content>{picture}</note>")


def export(*notes: str) -> bytes:
    return ("<?xml version='1.0' encoding='UTF-8'?>\n<!DOCTYPE en-export SYSTEM "
            "'http://xml.evernote.com/pub/evernote-export4.dtd'>\n"
            "<en-export export-date='20240306T120000Z' application='Evernote' version='10.68'>"
            + "".join(notes) + "</en-export>").encode("utf-8")


CLIP = note("Ferry crossings cut for winter | The Harbor Ledger", PARAGRAPHS, headline="Ferry crossings cut for winter",
            attributes="<source>web.clip7</source><source-url>https://harborledger.example/ferry-cut</source-url>",
            resource=True)
OWN = note("Timetable questions", NOTES, created="20240306T081500Z", updated="20240307T090000Z",
           attributes="<author>Ann Lee</author>")


def stored(db_path) -> list[dict]:
    rows = Database(db_path).query(
        "SELECT s.location, a.title, a.authors, a.published, a.updated, a.url, a.body, a.title_source,"
        " a.published_source, a.authors_source FROM articles a JOIN sources s ON s.article_id = a.id"
        " ORDER BY s.location")
    return [{**row, "authors": json.loads(row["authors"])} for row in rows]


@pytest.mark.parametrize("name", ["clippings.enex", "clippings.enex.gz", "clippings.xml"])
def test_each_note_of_an_evernote_export_is_one_input(tmp_path, db_path, name):
    # fail before: passed over in a folder (.enex); named, the whole export was one page, its
    # notes run together into one story with no address and no day
    data = export(CLIP, OWN)
    (tmp_path / name).write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    code, summary = ingest_json(tmp_path, "--db", db_path)
    assert (code, summary["stored"], summary["failed"]) == (0, 2, 0), summary
    clip, own = stored(db_path)
    assert [clip["location"].rsplit("/", 1)[1], own["location"].rsplit("/", 1)[1]] == [f"{name}#1", f"{name}#2"]
    # the clip: the page's own headline, the address it was clipped from; the day of clipping
    # is no day of the story's (as a PDF's day of printing is not)
    assert (clip["title"], clip["url"], clip["published"]) == (
        "Ferry crossings cut for winter", "https://harborledger.example/ferry-cut", None)
    assert clip["body"].split()[-len(" ".join(PARAGRAPHS).split()):] == " ".join(PARAGRAPHS).split()
    # a note of one's own: its title, author and days are the note's
    assert (own["title"], own["authors"], own["published"], own["updated"]) == (
        "Timetable questions", ["Ann Lee"], "2024-03-06T08:15:00+00:00", "2024-03-07T09:00:00+00:00")
    assert (own["title_source"], own["authors_source"], own["published_source"]) == ("evernote",) * 3
    assert own["body"].split() == " ".join(NOTES).split()


def test_an_unchanged_export_is_not_read_again(tmp_path, db_path):
    (tmp_path / "clippings.enex").write_bytes(export(CLIP, OWN))
    ingest_json(tmp_path, "--db", db_path)
    (tmp_path / "clippings.enex").write_bytes(export(CLIP, OWN, note("Third", NOTES[::-1])))
    code, summary = ingest_json(tmp_path, "--db", db_path)
    assert (code, summary["stored"], summary["unchanged"]) == (0, 1, 2), summary


@pytest.mark.parametrize("data, stored_notes, error", [
    (export(CLIP, OWN)[:-400], 1, "a damaged Evernote export (not well-formed: "),
    (export(), 0, "no note in this Evernote export"),
    (b"<?xml version='1.0'?><notes><note/></notes>", 0, "not an Evernote export: root <notes>"),
])
def test_a_damaged_or_empty_export_fails_by_name_and_the_run_goes_on(tmp_path, db_path, data, stored_notes, error):
    (tmp_path / "a-bad.enex").write_bytes(data)
    (tmp_path / "b-good.enex").write_bytes(export(OWN))
    code, summary = ingest_json(tmp_path, "--db", db_path)
    assert (code, summary["stored"], summary["failed"]) == (1, 1 + stored_notes, 1), summary
    [failure] = summary["failures"]
    assert failure["location"].endswith("a-bad.enex")
    assert failure["error"].startswith(error), failure


def test_an_export_without_its_extension_is_read_as_one(tmp_path, db_path):
    (tmp_path / "Notebook export").write_bytes(export(OWN))
    code, summary = ingest_json(tmp_path, "--db", db_path)
    assert (code, summary["stored"]) == (0, 1), summary


def test_a_note_with_no_words_fails_on_its_own(tmp_path, db_path):
    # near miss of a note: an empty one fails as a page with no text, the export's others are read
    (tmp_path / "clippings.enex").write_bytes(export(note("Empty", []), OWN))
    code, summary = ingest_json(tmp_path, "--db", db_path)
    assert (code, summary["stored"], summary["failed"]) == (1, 1, 1), summary
    assert summary["failures"][0]["location"].endswith("clippings.enex#1")
