"""The ingest command end to end: formats, dedup, unchanged files, bad input, overrides.

Every test runs the real command line on real files under tmp_path and then looks inside the
real SQLite file it wrote.
"""

import gzip
import io
import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlite_utils import Database

from conftest import ARTICLE_TEXT, ingest_json, run_cli
from ingest.cli import cli

HTML_PAGE = """<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8">
<title>Millbrook bridge closed as river rises | The Valley Echo</title>
<meta property="og:site_name" content="The Valley Echo">
<meta name="author" content="Ada Quill">
<meta property="article:published_time" content="2025-10-07T08:30:00+01:00">
<link rel="canonical" href="https://valleyecho.example/news/millbrook-bridge?utm_source=feed">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Millbrook bridge closed as river rises</h1>
<p class="byline">By Ada Quill</p>
{paragraphs}
</article>
<footer>© The Valley Echo</footer>
</body></html>"""


def html_page(text: str = ARTICLE_TEXT) -> str:
    return HTML_PAGE.format(paragraphs="\n".join(f"<p>{p}</p>" for p in text.split("\n\n")))


def rows(db_path, sql, params=()):
    conn = sqlite3.connect(db_path)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(row) for row in conn.execute(sql, params)]
    finally:
        conn.close()


def test_html_text_markdown_and_records_are_stored(tmp_path, db_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "bridge.html").write_text(html_page())
    (folder / "council.txt").write_text(
        "Council delays vote on the harbour budget\n\n"
        "The council postponed its vote on the harbour budget for a second week after two "
        "members asked for an independent audit of the dredging contract.\n\n"
        "The audit is expected to take a month, officials said."
    )
    (folder / "final.md").write_text(
        "# Rovers win the county final\n\nThe Rovers beat the Wanderers 3-1 in the county final "
        "on Saturday before a crowd of [eight thousand](https://example.org/crowd).\n\n"
        "## Late goals\n\n- a header in the 80th minute\n- a penalty in stoppage time\n"
    )
    (folder / "feed.jsonl").write_text(
        json.dumps({"title": "Ferry fares to rise", "body": "Ferry fares on the island route will rise by "
                    "six percent in January, the operator announced, citing fuel costs.",
                    "authors": "Ben Ostrow and Cy Varga", "published": "2025-09-30",
                    "outlet": "Island Herald", "url": "https://islandherald.example/ferry"}) + "\n"
    )
    code, summary = ingest_json(folder, "--db", db_path)
    assert code == 0, summary
    assert (summary["stored"], summary["failed"]) == (4, 0)
    stored = {r["title"]: r for r in rows(db_path, "SELECT * FROM articles")}
    assert set(stored) == {
        "Millbrook bridge closed as river rises", "Council delays vote on the harbour budget",
        "Rovers win the county final", "Ferry fares to rise",
    }
    ferry = stored["Ferry fares to rise"]
    assert json.loads(ferry["authors"]) == ["Ben Ostrow", "Cy Varga"]
    assert ferry["published"] == "2025-09-30"
    bridge = stored["Millbrook bridge closed as river rises"]
    assert "forty homes" in bridge["body"] and "Home" not in bridge["body"].split()
    assert bridge["language"] == "en"
    markdown = stored["Rovers win the county final"]
    assert "eight thousand" in markdown["body"] and "example.org" not in markdown["body"]
    people = rows(db_path, "SELECT authors.name FROM article_authors JOIN authors ON authors.id = author_id "
                           "WHERE article_id = ? ORDER BY position", (ferry["id"],))
    assert [p["name"] for p in people] == ["Ben Ostrow", "Cy Varga"]
    assert rows(db_path, "SELECT name FROM outlets WHERE id = ?", (ferry["outlet_id"],))[0]["name"] == "Island Herald"


def test_same_story_twice_is_one_article_with_two_sources(tmp_path, db_path):
    (tmp_path / "echo.html").write_text(html_page())
    # Another outlet's template, different white space and quotes: the same story.
    (tmp_path / "copy.txt").write_text("Millbrook bridge closed\n\n" + ARTICLE_TEXT.replace("  ", " ").upper())
    code, first = ingest_json(tmp_path / "echo.html", "--db", db_path)
    assert (code, first["stored"]) == (0, 1)
    copy = tmp_path / "copy.html"
    copy.write_text(html_page().replace("The Valley Echo", "Riverside Daily").replace("\n<p>", "\n\n   <p>"))
    code, second = ingest_json(copy, "--db", db_path)
    assert (code, second["stored"], second["duplicate"]) == (0, 0, 1)
    assert rows(db_path, "SELECT count(*) AS n FROM articles")[0]["n"] == 1
    sources = rows(db_path, "SELECT location, status, article_id, outlet_id FROM sources ORDER BY id")
    assert [s["status"] for s in sources] == ["stored", "duplicate"]
    assert sources[0]["article_id"] == sources[1]["article_id"]
    assert sources[0]["outlet_id"] != sources[1]["outlet_id"]  # where each copy ran


def test_reingesting_an_unchanged_folder_adds_nothing(tmp_path, db_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(3):
        (folder / f"a{n}.txt").write_text(f"Headline number {n}\n\n{ARTICLE_TEXT} Paragraph {n}.")
    code, first = ingest_json(folder, "--db", db_path)
    assert (code, first["stored"]) == (0, 3)
    code, again = ingest_json(folder, "--db", db_path)
    assert (code, again["stored"], again["unchanged"], again["duplicate"]) == (0, 0, 3, 0)
    assert rows(db_path, "SELECT count(*) AS n FROM sources")[0]["n"] == 3
    # A changed file is a new version: stored, and the old source row stays.
    (folder / "a0.txt").write_text(f"Headline number 0\n\n{ARTICLE_TEXT} Corrected.")
    code, changed = ingest_json(folder, "--db", db_path)
    assert (changed["stored"], changed["unchanged"]) == (1, 2)
    assert rows(db_path, "SELECT count(*) AS n FROM articles")[0]["n"] == 4


def test_same_bytes_at_another_path_is_a_sighting_without_extraction(tmp_path, db_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "story.html").write_text(html_page())
    (tmp_path / "b" / "story.html").write_text(html_page())
    code, summary = ingest_json(tmp_path, "--db", db_path)
    assert (code, summary["stored"], summary["duplicate"]) == (0, 1, 1)


@pytest.mark.parametrize("how", ["--outlet", "sidecar"])
def test_a_copy_keeps_the_outlet_the_user_gave_it(tmp_path, db_path, how):
    # The same wire story saved from two outlets' pages, each named by the user: the second is
    # a copy of the first's bytes, and took the first copy's outlet, dropping the one given.
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    for folder in ("a", "b"):
        (tmp_path / folder / "wire.txt").write_text("Ferry fares rise at Port Vale\n\n" + ARTICLE_TEXT)
    ingest_json(tmp_path / "a" / "wire.txt", "--db", db_path, "--outlet", "The Harbor Ledger")
    if how == "sidecar":
        (tmp_path / "b" / "wire.json").write_text(json.dumps({"outlet": "The Quay Courier"}))
        code, summary = ingest_json(tmp_path / "b" / "wire.txt", "--db", db_path)
    else:
        code, summary = ingest_json(tmp_path / "b" / "wire.txt", "--db", db_path, "--outlet", "The Quay Courier")
    assert (code, summary["stored"], summary["duplicate"]) == (0, 0, 1)
    assert rows(db_path, "SELECT o.name FROM sources s JOIN outlets o ON o.id = s.outlet_id ORDER BY s.id") == [
        {"name": "The Harbor Ledger"}, {"name": "The Quay Courier"}]


def test_an_outlet_given_for_unchanged_files_is_said_to_change_nothing(tmp_path, db_path):
    (tmp_path / "a.txt").write_text("Ferry fares rise at Port Vale\n\n" + ARTICLE_TEXT)
    assert run_cli("ingest", tmp_path, "--db", db_path).exit_code == 0
    result = run_cli("ingest", tmp_path, "--db", db_path, "--outlet", "The Quay Courier")
    assert result.exit_code == 0
    assert "1 unchanged" in result.stdout
    assert "--outlet changed nothing" in result.stderr
    # near miss: the same run on a new file says nothing of the kind
    (tmp_path / "b.txt").write_text("Harbor wall repaired\n\nA second story. " + ARTICLE_TEXT)
    result = run_cli("ingest", tmp_path / "b.txt", "--db", db_path, "--outlet", "The Quay Courier")
    assert "changed nothing" not in result.stderr


def test_a_file_name_that_is_not_utf8_is_stored_and_the_run_goes_on(tmp_path, db_path):
    # A Latin-1 "café.txt" unpacked from an old zip: its name is bytes no UTF-8 text holds,
    # and binding it to SQLite stopped the whole run with a traceback, on every re-run.
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / os.fsdecode(b"caf\xe9.txt")).write_text("Harbor cafe closes\n\nA second story. " + ARTICLE_TEXT)
    (folder / "good.txt").write_text("Ferry fares rise at Port Vale\n\n" + ARTICLE_TEXT)
    code, summary = ingest_json(folder, "--db", db_path)
    assert (code, summary["stored"], summary["failed"]) == (0, 2, 0)
    assert {r["location"] for r in rows(db_path, "SELECT location FROM sources")} == {
        str(folder) + "/caf\\xe9.txt", str(folder / "good.txt")}
    code, again = ingest_json(folder, "--db", db_path)
    assert (code, again["unchanged"], again["stored"], again["duplicate"]) == (0, 2, 0, 0)


def test_ingest_runs_from_a_thread_that_may_not_set_signal_handlers(tmp_path, db_path):
    # The SIGTERM handler may only be set from the main thread; a program that runs the
    # command in a worker thread must not fail on it.
    import threading

    (tmp_path / "a.txt").write_text("Ferry fares rise at Port Vale\n\n" + ARTICLE_TEXT)
    results = []
    thread = threading.Thread(target=lambda: results.append(run_cli("ingest", tmp_path / "a.txt", "--db", db_path)))
    thread.start()
    thread.join()
    assert results[0].exit_code == 0 and "1 new" in results[0].output


def test_files_of_kinds_not_read_are_counted_not_passed_over_in_silence(tmp_path, db_path):
    # A clippings folder of e-books and spreadsheets gave "0 inputs" and nothing else: the user
    # could not tell an empty folder from one holding nothing ingest reads. (PDFs and Word files
    # are read now: tests/test_pdf.py, tests/test_documents.py.)
    folder = tmp_path / "clippings"
    (folder / "page_files").mkdir(parents=True)
    (folder / "a.txt").write_text("Ferry fares rise at Port Vale\n\n" + ARTICLE_TEXT)
    (folder / "a.json").write_text(json.dumps({"outlet": "The Quay Courier"}))  # a sidecar
    for name in ("b.epub", "c.xlsx", "d.epub", "e"):
        (folder / name).write_bytes(b"PK\x03\x04" + bytes(range(256)))
    (folder / ".hidden.epub").write_bytes(b"PK\x03\x04")  # near misses: hidden, a page's own files,
    (folder / "page_files" / "f.epub").write_bytes(b"PK\x03\x04")  # a folder's notes
    (folder / "README").write_text("Clippings of the harbour dispute.")
    code, summary = ingest_json(folder, "--db", db_path)
    assert (code, summary["stored"]) == (0, 1)
    assert summary["passed_over"] == {".epub": 2, ".xlsx": 1, "(no extension)": 1}
    result = run_cli("ingest", folder, "--db", db_path)
    assert "passed over 4 files" in result.stderr and ".epub 2" in result.stderr
    (folder / "a.txt").unlink()
    for name in ("b.epub", "c.xlsx", "d.epub", "e"):
        (folder / name).unlink()
    assert "passed over" not in run_cli("ingest", folder, "--db", db_path).stderr



@pytest.mark.parametrize("typed", [".", "*"])
def test_the_archive_in_the_folder_ingested_is_no_input(tmp_path, monkeypatch, typed):
    """`news-archive ingest .` in a clippings folder, with the default archive.db there: every run
    said it passed over a file of a kind it does not read (.db, and .db-wal, .db-shm while a server
    had it open), and `ingest *` failed on the archive itself (a "binary file", new bytes each run),
    exit status 1. Near miss: another SQLite file in the folder is still passed over, said."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PWD", str(tmp_path))
    (tmp_path / "a.txt").write_text("Ferry fares rise at Port Vale\n\n" + ARTICLE_TEXT)
    assert run_cli("ingest", "a.txt").exit_code == 0
    reader = sqlite3.connect("archive.db")  # a server reading it: its -wal and -shm beside it
    reader.execute("SELECT count(*) FROM articles").fetchone()
    (tmp_path / "b.txt").write_text("Council delays the harbour vote\n\nA second story. " + ARTICLE_TEXT)
    (tmp_path / "old.db").write_bytes((tmp_path / "archive.db").read_bytes())
    paths = sorted(p.name for p in tmp_path.iterdir()) if typed == "*" else ["."]
    assert {"archive.db", "archive.db-wal", "archive.db-shm"} <= set(paths) or typed == "."
    code, summary = ingest_json(*paths)
    reader.close()
    failed = 0 if typed == "." else 1  # old.db named by the glob: read, and a binary file
    assert (code, summary["stored"], summary["failed"]) == (failed, 1, failed), summary
    assert summary["passed_over"] == ({".db": 1} if typed == "." else {})
    assert [f["location"] for f in summary["failures"]] == ([] if typed == "." else [str(tmp_path / "old.db")])
    assert rows(tmp_path / "archive.db", "SELECT count(*) AS n FROM sources WHERE location LIKE '%archive.db%'")[0]["n"] == 0

def test_the_archive_failed_as_an_input_before_it_was_left_out_is_no_failure_now(tmp_path, monkeypatch):
    """Before aaa1b49, `ingest *` in the archive's folder read the archive and recorded it failed
    ("binary file"); it is never read again, so `stats` counted it failing for good. Near miss:
    a file that fails still counts, and so does a failure of another folder's archive.db."""
    from ingest import read

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PWD", str(tmp_path))
    (tmp_path / "a.txt").write_text("Ferry fares rise at Port Vale\n\n" + ARTICLE_TEXT)
    (tmp_path / "empty.txt").write_text("")
    other = tmp_path / "elsewhere"
    other.mkdir()
    (other / "archive.db").write_bytes(b"SQLite format 3\x00" + bytes(200))  # another archive, not this one
    assert run_cli("ingest", "a.txt").exit_code == 0
    with monkeypatch.context() as old_version:  # the archive not told apart from the inputs
        old_version.setattr(read, "archive_files", lambda archive: set())
        code, summary = ingest_json(*sorted(p.name for p in tmp_path.iterdir() if p.is_file()), "elsewhere/archive.db")
    assert str(tmp_path / "archive.db") in [f["location"] for f in summary["failures"]], summary
    assert summary["failed"] >= 3  # the archive, empty.txt, elsewhere/archive.db
    figures = json.loads(run_cli("stats", "--json").stdout)
    assert figures["failed"] == 2, figures  # empty.txt and elsewhere/archive.db


@pytest.mark.parametrize("error, existed, left", [
    ("SQLITE_FULL", False, False),  # the disk full as the archive is made: nothing left behind
    ("SQLITE_IOERR_SHMMAP", False, False),  # (what a full tmpfs answers: "disk I/O error")
    ("SQLITE_FULL", True, True),  # near miss: an archive that was there stays, whatever its disk says
    ("SQLITE_BUSY", False, True),  # near miss: a new archive another command holds may be that one's
])
def test_an_archive_its_disk_stopped_being_made_is_not_left_behind(tmp_path, monkeypatch, error, existed, left):
    """A disk full as `ingest` made a new archive left a 4 KB file (and its -wal, -shm): the next
    command took it for an archive, `search` and `stats` answering as from an empty one where they
    say there is none, and ingest said that every batch written before was kept."""
    from ingest import store

    db = tmp_path / "new.db"
    if existed:
        db.write_bytes(b"")  # (an empty file: an archive where one may be made, and the user's)
    story = tmp_path / "a.txt"
    story.write_text("Ferry fares rise at Port Vale\n\n" + ARTICLE_TEXT)

    def disk_stops(conn):
        conn.execute("CREATE TABLE half_made (x)")  # (written before the disk stopped it)
        stopped = sqlite3.OperationalError("database or disk is full")
        stopped.sqlite_errorname = error
        raise stopped

    monkeypatch.setattr(store, "migrate", disk_stops)
    result = run_cli("ingest", story, "--db", db)
    assert result.exit_code == 1 and "disk is full" in result.stderr, result.stderr
    assert db.exists() == left
    assert left or not [p.name for p in tmp_path.iterdir() if p.name.startswith("new.db")]


BAD_INPUTS = {
    "empty.txt": (b"", "empty file"),
    "blank.html": (b"   \n\n  ", "empty file"),
    "binary.txt": (bytes(range(256)) * 8, "binary file"),
    "corrupt.html.gz": (b"\x1f\x8b\x08\x00garbage-not-deflate", "corrupt gzip"),
    "nav-only.html": (b"<html><body><nav><a href='/'>Home</a></nav></body></html>", "no article text"),
    "broken.json": (b'{"title": "x", "body": ', "invalid JSON"),
    "list.json": (b'[1, 2]', "must be a JSON object, not a number (1)"),  # (was Python's "not int")
    # fail before: read as a text, "no article text found (fewer than 10 words)"
    "null.json": (b"null\n", "a record must be a JSON object, not null"),
    "count.json": (b"0", "a record must be a JSON object, not a number (0)"),
}


@pytest.mark.parametrize("data, error", [
    # fail before: "empty file" of a file a user opens and finds lines or bytes in
    (b"   \n\n\t\n", "empty file: only white space (7 bytes)"),
    (b"\r\n\r\n  \r\n", "empty file: only white space (8 bytes)"),
    # near-miss: a file of no byte at all is the plain "empty file"
    (b"", "empty file"),
])
def test_an_empty_file_says_what_it_holds(tmp_path, db_path, data, error):
    (tmp_path / "notes.md").write_bytes(data)
    code, summary = ingest_json(tmp_path / "notes.md", "--db", db_path)
    assert (code, summary["failures"][0]["error"]) == (1, error)


def test_bad_inputs_are_reported_recorded_and_the_run_goes_on(tmp_path, db_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, (data, _) in BAD_INPUTS.items():
        (folder / name).write_bytes(data)
    (folder / "lines.jsonl").write_text(
        '{"title": "Good one", "body": "A perfectly good record about the harbour dredging audit, which the council ordered on Monday."}\n'
        '{"title": "Broken", "body": \n'
    )
    (folder / "good.txt").write_text("A good headline\n\n" + ARTICLE_TEXT)
    os.symlink(folder / "missing-target.html", folder / "dangling.html")
    result = run_cli("ingest", folder, "--db", db_path)
    assert result.exit_code == 1
    messages = result.stderr
    for name, (_, reason) in BAD_INPUTS.items():
        assert any(name in line and reason in line for line in messages.splitlines()), (name, messages)
    assert "lines.jsonl#2" in messages and "dangling.html" in messages
    assert "2 new" in result.stdout and "failed" in result.stdout
    failed = rows(db_path, "SELECT location, error FROM sources WHERE status = 'failed'")
    # every bad file, both elements of list.json, line 2 of lines.jsonl and the dangling link
    assert len(failed) == len(BAD_INPUTS) + 3
    assert all(row["error"] for row in failed)
    assert rows(db_path, "SELECT count(*) AS n FROM articles")[0]["n"] == 2


@pytest.mark.parametrize("name, data", [
    ("empty.jsonl", b""),
    ("blank-lines.jsonl", b"\n  \n\n"),
    ("empty.jsonl.gz", gzip.compress(b"", mtime=0)),
    ("no-records.json", b"[]"),
    ("no-records-with-bom.json", b"\xef\xbb\xbf[ ]\n"),
])
def test_a_record_file_with_no_record_is_reported_not_passed_over(tmp_path, db_path, name, data):
    # An export that came out empty must not look like a run with nothing to do: an empty .txt
    # is reported, and an empty .jsonl was counted as no input at all.
    (tmp_path / name).write_bytes(data)
    code, summary = ingest_json(tmp_path / name, "--db", db_path)
    assert code == 1
    assert summary["failed"] == 1 and summary["failures"][0]["location"] == str(tmp_path / name)
    assert "no record" in summary["failures"][0]["error"]
    assert rows(db_path, "SELECT status FROM sources") == [{"status": "failed"}]


def test_blank_lines_around_a_record_are_no_failure(tmp_path, db_path):
    record = json.dumps({"title": "Ferry timetable changes", "body": ARTICLE_TEXT})
    (tmp_path / "one.jsonl").write_text(f"\n\n{record}\n\n")
    (tmp_path / "one.json").write_text(f"[{record}]")
    code, summary = ingest_json(tmp_path, "--db", db_path)
    assert (code, summary["stored"], summary["duplicate"], summary["failed"]) == (0, 1, 1, 0)


@pytest.mark.parametrize("make, said", [
    ("empty folder", "note: found no file to read in "),
    ("hidden files only", "note: found no file to read in "),
    ("empty standard input", "note: found no file to read in the list on standard input (it was empty)"),
    ("unchanged file", None),  # near miss: a run with nothing new, but it read a file
])
def test_a_run_that_found_no_file_says_so(tmp_path, db_path, make, said):
    folder = tmp_path / "in"
    folder.mkdir()
    args, stdin = [folder], None
    if make == "hidden files only":
        (folder / ".git").mkdir()
        (folder / ".git" / "notes.txt").write_text("Headline\n\n" + ARTICLE_TEXT)
    elif make == "empty standard input":
        args, stdin = ["-"], ""
    elif make == "unchanged file":
        (folder / "a.txt").write_text("Headline\n\n" + ARTICLE_TEXT)
        run_cli("ingest", folder, "--db", db_path)
    result = run_cli("ingest", *args, "--db", db_path, input=stdin)
    assert result.exit_code == 0
    assert ("note: found no file" in result.output) == (said is not None)
    if said:
        assert said in result.output


_NO_NUL = bytes(range(1, 256)) * 40  # binary content with no NUL byte early on


@pytest.mark.parametrize("name, data, error", [
    # binary files named as text, with no NUL early: they failed with a codec's words
    # ("'charmap' codec can't decode byte 0x8d in position 5248: character maps to <undefined>")
    # (a PDF is read as one, whatever its name: this one has no page to read)
    ("report.txt", b"%PDF-1.4\n1 0 obj\n<< /Type /Page >>\nendobj\nstream\n" + _NO_NUL,
     "a damaged PDF, or one cut short"),
    ("photo.txt", b"\xff\xd8\xff\xe0" + _NO_NUL, "binary file (a JPEG image): not HTML, text, Markdown or JSON"),
    ("letter.md", b"PK\x03\x04" + _NO_NUL,
     "binary file (a ZIP archive, or a Word or Excel file): not HTML, text, Markdown or JSON"),
    ("noise.txt", bytes(range(0x81, 0x100)) * 20, "not text in any encoding it could be read in (byte 0x81 at position 0"),
    # a page marked UTF-16 whose bytes are not (cut short, or mislabelled): the codec's words
    # ("'utf-16-le' codec can't decode byte 0x01 in position 16: truncated data") named no file fault
    ("page.html", "<html><body>".encode("utf-16") + b"\x01", "not text in any encoding it could be read in (byte 0x01"),
    ("note.txt", "A ferry note".encode("utf-16") + b"\x01", "not text in any encoding it could be read in (byte 0x01"),
    # near miss: a story that begins with letters of such a signature is text
    ("gift.txt", ("GIF8 shop reopens\n\n" + ARTICLE_TEXT).encode(), None),
])
def test_a_binary_file_named_as_text_says_what_it_is(tmp_path, db_path, name, data, error):
    (tmp_path / name).write_bytes(data)
    code, summary = ingest_json(tmp_path / name, "--db", db_path)
    if error is None:
        assert (code, summary["stored"]) == (0, 1)
    else:
        assert code == 1 and summary["failures"][0]["error"].startswith(error)


_FERRY = "Ferry fares rise at Port Vale\n\nBy Ann Lee\n\n" + ARTICLE_TEXT
_FERRY_JA = ("港の渡し船、運賃を一割値上げ\n\n港湾局は三日、来月一日から渡し船の運賃を一割値上げすると発表した。"
             "燃料費の高騰が理由で、通勤客からは反発の声が上がっている。\n\n"
             "片道運賃は現在の300円から330円になる。港湾局は定期券の割引を広げ、毎日乗る客の負担を抑えるとしている。\n")
_FERRY_ZH = ("渡轮票价上涨一成\n\n港务局周一宣布，从下月一日起渡轮票价上涨一成，理由是燃油成本上升。"
             "每天乘船通勤的居民对此表示不满。\n\n单程票价将从3元涨到3.3元。港务局表示将扩大月票优惠，减轻通勤者的负担。\n")
_FERRY_RU = ("Паромные тарифы в Порт-Вейле растут\n\nПортовое управление в понедельник объявило, что с первого "
             "числа следующего месяца стоимость проезда на пароме вырастет на десять процентов из-за подорожания "
             "топлива.\n\nЖители, которые каждый день ездят на работу паромом, недовольны решением.\n")


@pytest.mark.parametrize("name, data, stored, error", [
    # fail before ("binary file"): a text padded with NULs (cut short by a crash), one with a
    # stray NUL, a page with one, a UTF-16 text saved without its byte order mark (LE and BE)
    ("padded.txt", _FERRY.encode() + b"\x00" * 5000, "Ferry fares rise at Port Vale", None),
    ("stray.txt", _FERRY.replace("Port Vale", "Port\x00Vale", 1).encode(), "Ferry fares rise at PortVale", None),
    ("stray.html", f"<html><body><article><h1>Ferry fares rise</h1><p>{ARTICLE_TEXT}\x00</p></article>"
                   f"</body></html>".encode(), "Ferry fares rise", None),
    ("no-mark-le.txt", _FERRY.encode("utf-16-le"), "Ferry fares rise at Port Vale", None),
    ("no-mark-be.txt", _FERRY.encode("utf-16-be"), "Ferry fares rise at Port Vale", None),
    # fail before ("binary file"): the same in other scripts, where only the line breaks, spaces
    # and digits give NULs (and a character such as 一, U+4E00, one on the other side)
    ("no-mark-ja.txt", _FERRY_JA.encode("utf-16-le"), "港の渡し船、運賃を一割値上げ", None),
    ("no-mark-zh.txt", _FERRY_ZH.encode("utf-16-be"), "渡轮票价上涨一成", None),
    ("no-mark-ru.txt", _FERRY_RU.encode("utf-16-le"), "Паромные тарифы в Порт-Вейле растут", None),
    # near misses: a UTF-8 text of one long paragraph with a stray NUL, a UTF-32 text
    ("one-stray.txt", (" ".join(ARTICLE_TEXT.split()) + "\x00").encode(), None, None),
    ("utf32.txt", _FERRY.encode("utf-32-le"), None, "binary file: not HTML, text, Markdown or JSON"),
    # near misses: binary files with NULs stay binary files, a file of NULs alone is empty
    ("blob.txt", bytes(range(256)) * 20, None, "binary file: not HTML, text, Markdown or JSON"),
    ("words-and-zeros.txt", b"Ferry fares\x00\x00\x00\x01\x02\x03 rise\x00\x00\x00\x04" * 200, None,
     "binary file: not HTML, text, Markdown or JSON"),
    ("zeros.txt", b"\x00" * 4096, None,
     "empty file: only NUL bytes (4,096; a file cut short before its text was written?)"),
])
def test_a_text_with_nul_bytes_is_still_a_text(tmp_path, db_path, name, data, stored, error):
    (tmp_path / name).write_bytes(data)
    code, summary = ingest_json(tmp_path / name, "--db", db_path)
    if error is None:
        assert (code, summary["stored"]) == (0, 1), summary
        article = rows(db_path, "SELECT title, body FROM articles")[0]
        assert article["title"] == stored and "\x00" not in article["body"]
    else:
        assert (code, summary["failures"][0]["error"]) == (1, error)


_RTF = ("{\\rtf1\\ansi\\ansicpg1252\n{\\fonttbl\\f0\\fswiss Helvetica;}\n\\f0\\fs24 \\cf0 Ferry fares rise\\\n\\\n"
        + ARTICLE_TEXT.replace("\n\n", "\\\n") + "}")


@pytest.mark.parametrize("name, data, stored", [
    # fail before: stored with "\f0\fs24 \cf0 Ferry fares rise\" as its headline
    ("story.txt", _RTF, False), ("story.md", "\ufeff" + _RTF, False),
    # near misses: a text that opens with a brace, a JSON record
    ("story.txt", "{Draft} Ferry fares rise\n\n" + ARTICLE_TEXT, True),
    ("story.txt", json.dumps({"title": "Ferry fares rise", "body": ARTICLE_TEXT}), True),
])
def test_rich_text_named_as_text_is_reported_not_stored_as_its_codes(tmp_path, db_path, name, data, stored):
    (tmp_path / name).write_text(data)
    code, summary = ingest_json(tmp_path / name, "--db", db_path)
    assert (code, summary["stored"]) == ((0, 1) if stored else (1, 0)), summary
    if not stored:
        assert summary["failures"][0]["error"].startswith("an RTF document")


def test_missing_path_fails_but_other_paths_are_ingested(tmp_path, db_path):
    (tmp_path / "good.txt").write_text("A good headline\n\n" + ARTICLE_TEXT)
    code, summary = ingest_json(tmp_path / "nope.html", tmp_path / "good.txt", "--db", db_path)
    assert code == 1
    assert summary["stored"] == 1 and summary["failed"] == 1
    assert "no such file" in summary["failures"][0]["error"]


@pytest.mark.parametrize("walked", [True, False])
def test_a_broken_link_is_reported_as_one_with_its_target(tmp_path, db_path, walked):
    folder = tmp_path / "in"
    folder.mkdir()
    os.symlink(tmp_path / "moved-away.txt", folder / "story.txt")
    code, summary = ingest_json(folder if walked else folder / "story.txt", "--db", db_path)
    assert code == 1
    assert summary["failures"] == [{"location": str(folder / "story.txt"),
                                    "error": f"cannot read: broken symbolic link (to {tmp_path / 'moved-away.txt'})"}]


def test_parse_says_a_broken_link_is_one_as_ingest_does(tmp_path):
    # parse said "File '.../story.txt' does not exist." of a link whose file was moved away;
    # the near miss, a name that is nowhere, still does not exist
    os.symlink(tmp_path / "moved-away.txt", tmp_path / "story.txt")
    result = run_cli("parse", tmp_path / "story.txt")
    assert result.exit_code == 2 and f"broken symbolic link (to {tmp_path / 'moved-away.txt'})" in result.output
    result = run_cli("parse", tmp_path / "nowhere.txt")
    assert result.exit_code == 2 and "does not exist" in result.output


@pytest.mark.parametrize("locked", ["sub", "."])
def test_a_folder_that_cannot_be_read_is_reported_not_passed_over(tmp_path, db_path, monkeypatch, locked):
    # A folder without read permission (root is never refused, so the refusal is made here as
    # the system makes it) was skipped without a word: "0 inputs", as for an empty folder.
    folder = tmp_path / "clippings"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "a.txt").write_text("Ferry fares rise at Port Vale\n\n" + ARTICLE_TEXT)
    (folder / "b.txt").write_text("Harbor wall repaired\n\nA second story. " + ARTICLE_TEXT)
    refused = folder / locked if locked != "." else folder
    real_scandir = os.scandir

    def scandir(path="."):
        if os.fspath(path) == str(refused):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    code, summary = ingest_json(folder, "--db", db_path)
    assert (code, summary["stored"], summary["failed"]) == (1, 1 if locked == "sub" else 0, 1)
    assert summary["failures"] == [{"location": str(refused), "error": "cannot read folder: Permission denied"}]


@pytest.mark.parametrize("given, name", [
    ("file", "a.txt"),  # named on the command line: a traceback from Path.is_dir
    ("folder", "a.json"),  # walked: a traceback from the sidecar check's is_file
    ("folder", "a.txt"),  # near-miss: failed by name already
])
def test_a_file_in_a_folder_that_cannot_be_searched_is_reported_not_a_traceback(tmp_path, db_path, monkeypatch,
                                                                                given, name):
    # A folder whose files cannot be looked up (no x permission: `chmod 000`, or r-- on a
    # share) stopped the whole run with PermissionError before anything was read. Root is
    # never refused, so the refusal is made here as the system makes it, on every stat.
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / name).write_text(json.dumps({"title": "A", "body": ARTICLE_TEXT}) if name.endswith(".json")
                               else "Ferry fares rise at Port Vale\n\n" + ARTICLE_TEXT)
    (tmp_path / "open.txt").write_text("Harbor wall repaired\n\nA second story. " + ARTICLE_TEXT)
    real_stat = os.stat

    def stat(path, *args, **kwargs):
        if os.path.dirname(os.fspath(path)) == str(locked):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_stat(path, *args, **kwargs)

    monkeypatch.setattr(os, "stat", stat)
    target = locked / name if given == "file" else locked
    code, summary = ingest_json(target, tmp_path / "open.txt", "--db", db_path)
    assert (code, summary["stored"], summary["failed"]) == (1, 1, 1)
    assert summary["failures"] == [{"location": str(locked / name), "error": "cannot read: Permission denied"}]


def test_a_missing_file_is_not_called_a_broken_link(tmp_path, db_path):
    code, summary = ingest_json(tmp_path / "never-there.txt", "--db", db_path)
    assert code == 1 and "broken" not in summary["failures"][0]["error"]


def test_a_linked_folder_is_walked_once_and_a_link_loop_ends(tmp_path, db_path):
    # Clippings kept on another disk and linked into the folder: a link to a folder was passed
    # over without a word while a link to a file was read. A link back up the tree (a loop)
    # and a second link to a folder already walked must not read anything twice.
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "far.txt").write_text("Ferry fares rise at Port Vale\n\n" + ARTICLE_TEXT)
    folder = tmp_path / "clippings"
    (folder / "local").mkdir(parents=True)
    (folder / "local" / "near.txt").write_text("Harbor wall repaired\n\nA second story. " + ARTICLE_TEXT)
    os.symlink(tmp_path / "elsewhere", folder / "linked")
    os.symlink(tmp_path / "elsewhere", folder / "local" / "linked-again")
    os.symlink(folder, folder / "local" / "loop")
    code, summary = ingest_json(folder, "--db", db_path)
    assert (code, summary["stored"], summary["duplicate"], summary["failed"]) == (0, 2, 0, 0)
    assert sorted(r["location"] for r in rows(db_path, "SELECT location FROM sources")) == [
        str(folder / "linked" / "far.txt"), str(folder / "local" / "near.txt")]


@pytest.mark.parametrize("link, target, location", [
    # fail before: a link that sorts before what it points at, in the same tree, gave its name
    ("latest", "clippings/news", "clippings/news/story.txt"),  # a folder ("latest" < "news")
    ("a-copy.txt", "clippings/news/story.txt", "clippings/news/story.txt"),  # a file
    # near misses: what is linked from outside the tree is known by the link's name, as before
    ("a-far", "elsewhere", "clippings/a-far/story.txt"),
    ("a-far.txt", "elsewhere/story.txt", "clippings/a-far.txt"),
])
def test_a_file_reached_by_its_own_path_and_by_a_link_keeps_its_own(tmp_path, db_path, link, target, location):
    for folder in ("clippings/news", "elsewhere"):
        (tmp_path / folder).mkdir(parents=True)
    (tmp_path / "clippings" / "news" / "story.txt").write_text("Ferry fares rise at Port Vale\n\n" + ARTICLE_TEXT)
    (tmp_path / "elsewhere" / "story.txt").write_text("Harbor wall repaired\n\nA second story. " + ARTICLE_TEXT)
    os.symlink(tmp_path / target, tmp_path / "clippings" / link)
    code, summary = ingest_json(tmp_path / "clippings", "--db", db_path)
    assert (code, summary["duplicate"], summary["failed"]) == (0, 0, 0), summary
    assert str(tmp_path / location) in {r["location"] for r in rows(db_path, "SELECT location FROM sources")}


def test_a_quoted_glob_through_a_link_loop_reads_each_file_once(tmp_path, db_path, monkeypatch):
    # Python's ** follows links to folders, round a loop until the path is too long: one file
    # was ingested under 41 names, 40 of them "copies" of itself.
    (tmp_path / "clip" / "sub").mkdir(parents=True)
    (tmp_path / "clip" / "sub" / "a.txt").write_text("Ferry fares rise at Port Vale\n\n" + ARTICLE_TEXT)
    os.symlink("..", tmp_path / "clip" / "sub" / "loop")
    monkeypatch.chdir(tmp_path)
    code, summary = ingest_json("clip/**/*.txt", "--db", db_path)
    assert (code, summary["seen"], summary["stored"], summary["duplicate"]) == (0, 1, 1, 0)


def test_a_named_pipe_among_the_files_is_reported_not_waited_on(tmp_path, db_path):
    # Reading a pipe waits for a writer that never comes: the run hung for good.
    folder = tmp_path / "in"
    folder.mkdir()
    os.mkfifo(folder / "pipe.txt")
    (folder / "good.txt").write_text("Ferry fares rise at Port Vale\n\n" + ARTICLE_TEXT)
    result = subprocess.run([sys.executable, "-m", "ingest", "ingest", str(folder), "--db", str(db_path), "--json"],
                            capture_output=True, text=True, timeout=60)
    summary = json.loads(result.stdout)
    assert (result.returncode, summary["stored"], summary["failed"]) == (1, 1, 1)
    assert summary["failures"] == [{"location": str(folder / "pipe.txt"),
                                    "error": "cannot read: not a regular file (a pipe, socket or device)"}]


@pytest.mark.parametrize("name", ["pipe", "pipe.xml"])
def test_a_named_pipe_with_no_kind_in_its_name_is_reported_not_waited_on(tmp_path, db_path, name):
    # A walked file whose name gives no kind (or .xml) is opened to see what it begins with: a
    # pipe there waited for a writer that never came, and the run hung for good.
    folder = tmp_path / "in"
    folder.mkdir()
    os.mkfifo(folder / name)
    (folder / "good.txt").write_text("Ferry fares rise at Port Vale\n\n" + ARTICLE_TEXT)
    result = subprocess.run([sys.executable, "-m", "ingest", "ingest", str(folder), "--db", str(db_path), "--json"],
                            capture_output=True, text=True, timeout=60)
    summary = json.loads(result.stdout)
    assert (result.returncode, summary["stored"], summary["failed"]) == (1, 1, 1)
    assert summary["failures"] == [{"location": str(folder / name),
                                    "error": "cannot read: not a regular file (a pipe, socket or device)"}]


@pytest.mark.parametrize("target, error", [
    ("moved-away", "cannot read: broken symbolic link (to {target})"),
    ("kestrel-bay-strike", "cannot read: Too many levels of symbolic links"),  # the link to itself
])
def test_a_broken_link_with_no_kind_in_its_name_fails_as_one(tmp_path, db_path, target, error):
    # Whether a file with no extension is a page is told by its first bytes: a link that cannot
    # be followed has none, and was counted among the files of kinds ingest does not read,
    # "(no extension) 1", where the same link named .html fails, naming its target.
    folder = tmp_path / "mirror"
    folder.mkdir()
    target = folder / target
    os.symlink(target, folder / "kestrel-bay-strike")
    code, summary = ingest_json(folder, "--db", db_path)
    assert code == 1 and summary["passed_over"] == {}
    assert summary["failures"] == [{"location": str(folder / "kestrel-bay-strike"),
                                    "error": error.format(target=target)}]


def test_a_site_mirror_gives_its_pages_whatever_their_names(tmp_path, db_path):
    # wget -r names a page after its address: "kestrel-bay-strike" (no extension), "index.php",
    # "story.12345". Walking a mirror passed over every one of them without a word; its styles,
    # images and source maps are still no articles.
    mirror = tmp_path / "harborledger.example"
    (mirror / "news").mkdir(parents=True)
    pages = {"news/kestrel-bay-strike": "river", "index.php": "canal", "news/story.12345": "lake"}
    for name, water in pages.items():
        (mirror / name).write_text(html_page(ARTICLE_TEXT.replace("river", water)))
    (mirror / "style.css").write_text("body { font-family: serif; }\np { margin: 0 }\n")
    (mirror / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (mirror / "app.js.map").write_text(json.dumps({"version": 3, "sources": ["app.js"], "mappings": "AAAA"}))
    (mirror / "notes").write_text("Ask the harbour office about the tide tables.\n")
    (mirror / "make_page.py").write_text('PAGE = """<html><body><p>A template.</p></body></html>"""\n')
    (mirror / "sitemap.xml").write_text('<?xml version="1.0"?><urlset><url><loc>https://harborledger.example/'
                                        '</loc></url></urlset>')
    code, summary = ingest_json(mirror, "--db", db_path)
    assert (code, summary["stored"], summary["failed"], summary["seen"]) == (0, 3, 0, 3), summary
    assert {r["format"] for r in rows(db_path, "SELECT format FROM sources")} == {"html"}


@pytest.mark.parametrize(
    "encoding, declare",
    [("cp1252", True), ("cp1252", False), ("utf-16", False), ("latin-1", True), ("utf-8-sig", False)],
)
def test_charsets(tmp_path, db_path, encoding, declare):
    text = "Café owners in Sète fear “the worst” as the lagoon’s oyster beds fail. " * 3
    page = html_page(text + "\n\n" + ARTICLE_TEXT)
    if declare:
        page = page.replace('charset="utf-8"', f'charset="{encoding}"')
    else:
        page = page.replace('<meta charset="utf-8">', "")
    if encoding == "latin-1":
        page = page.replace("“", '"').replace("”", '"').replace("’", "'")
    (tmp_path / "page.html").write_bytes(page.encode(encoding))
    code, summary = ingest_json(tmp_path / "page.html", "--db", db_path)
    assert (code, summary["stored"]) == (0, 1), summary
    body = rows(db_path, "SELECT body FROM articles")[0]["body"]
    assert "Café owners in Sète" in body


def test_text_in_cp1252_and_utf16(tmp_path, db_path):
    (tmp_path / "a.txt").write_bytes(("Résumé of the night\n\n" + ARTICLE_TEXT + " Crème brûlée.").encode("cp1252"))
    (tmp_path / "b.txt").write_bytes(("Another night\n\nÜber alles: " + ARTICLE_TEXT).encode("utf-16"))
    code, summary = ingest_json(tmp_path, "--db", db_path)
    assert (code, summary["stored"]) == (0, 2)
    bodies = " ".join(r["body"] for r in rows(db_path, "SELECT body FROM articles"))
    assert "Crème brûlée" in bodies and "Über alles" in bodies


# A short Western text in a Windows code page, with no charset said (or a wrong one): a
# detector finds DOS code pages (cp775, cp852) reading it as well, and one of them won.
PIER = ("The harbour council of Kestrel Point voted on Tuesday to close the old ferry pier after "
        "engineers found cracks in the pilings. Residents said the decision came too late. ") * 6


@pytest.mark.parametrize("name, text, encoding, expected", [
    # fails before: read as cp775, "Ūa co¹te cher Ś ōquotesö"
    ("a.txt", "Café owners protest\n\n{body} Ça coûte cher — “quotes”.", "cp1252", "Ça coûte cher — “quotes”"),
    # fails before: a page saying utf-8 whose bytes are Latin-1, read as cp852 ("ěstby")
    ("a.html", "<html><head><meta charset='utf-8'><title>Fees at Østby</title></head><body><article>"
               "<h1>Fees at Østby</h1><p>{body} Ærø and Østby façade.</p></article></body></html>", "latin-1",
     "Ærø and Østby façade"),
    # fails before too (cp775, "─rger")
    ("a.txt", "Fähre fährt seltener\n\n{body} Der Bürgermeister sagt, Ärger über Gebühren wächst.", "cp1252",
     "Ärger über Gebühren wächst"),
    # near misses, read right before and after: Russian and Greek in their Windows code pages
    ("a.txt", "Пожар в порту\n\n" + "Пожарные потушили склад в порту. Жители говорят, что дым был виден "
              "издалека. " * 3, "cp1251", "дым был виден издалека"),
    ("a.txt", "Πυρκαγιά στο λιμάνι\n\n" + "Οι πυροσβέστες έσβησαν τη φωτιά στην αποθήκη του λιμανιού. "
              "Οι κάτοικοι λένε ότι ο καπνός φαινόταν από μακριά. " * 3, "cp1253", "ο καπνός φαινόταν"),
])
def test_a_western_code_page_is_not_read_as_a_dos_one(tmp_path, db_path, name, text, encoding, expected):
    (tmp_path / name).write_bytes(text.replace("{body}", PIER).encode(encoding))
    code, summary = ingest_json(tmp_path / name, "--db", db_path)
    assert (code, summary["stored"]) == (0, 1), summary
    body = rows(db_path, "SELECT body FROM articles")[0]["body"]
    assert expected in body, body[-120:]


def _declaring(charset: str, words: str = "Jetée fermée à Kestrelport") -> str:
    return (f"<html><head><meta charset='{charset}'><title>{words}</title></head><body><article>"
            f"<h1>{words}</h1><p>{PIER}</p><p>Ça coûte cher — « trop cher ».</p></article></body></html>")


@pytest.mark.parametrize("page, encoding, title", [
    # fail before: a UTF-8 page that declares the charset its site once had ("JetÃ©e"), in a
    # meta charset and in an http-equiv; a page declaring UTF-16 (read so, a line of CJK)
    (_declaring("windows-1252"), "utf-8", "Jetée fermée à Kestrelport"),
    (_declaring("x").replace("<meta charset='x'>", '<meta http-equiv="Content-Type" '
                             'content="text/html; charset=iso-8859-1">'), "utf-8", "Jetée fermée à Kestrelport"),
    (_declaring("utf-16"), "utf-8", "Jetée fermée à Kestrelport"),
    (_declaring("utf-16", "Pier shut at Kestrelport").replace("Ça coûte cher — « trop cher »", "Too dear"), "ascii",
     "Pier shut at Kestrelport"),
    # near misses, read as declared before and after: the page is in what it declares
    (_declaring("windows-1252"), "cp1252", "Jetée fermée à Kestrelport"),
    (_declaring("shift_jis", "港の桟橋が閉鎖").replace("Ça coûte cher — « trop cher »", "住民は遅すぎると話す"),
     "shift_jis", "港の桟橋が閉鎖"),
    (_declaring("iso-2022-jp", "港の桟橋が閉鎖").replace("Ça coûte cher — « trop cher »", "住民は遅すぎると話す"),
     "iso-2022-jp", "港の桟橋が閉鎖"),
])
def test_a_pages_bytes_beat_the_charset_it_declares_when_they_are_utf8(tmp_path, db_path, page, encoding, title):
    data = page.encode(encoding)
    # (of an even length: an odd number of bytes is no UTF-16, whatever the page says)
    (tmp_path / "page.html").write_bytes(data + b" " * (len(data) % 2))
    code, summary = ingest_json(tmp_path / "page.html", "--db", db_path)
    assert (code, summary["stored"]) == (0, 1), summary
    assert rows(db_path, "SELECT title FROM articles")[0]["title"] == title


FETE = ("Fête de la Saône\n\nPar Léa Durand\n\nLa fête annuelle a attiré plus de visiteurs que jamais "
        "cette année, selon les organisateurs, qui ont compté près de douze mille entrées payantes. "
        "Les élus se sont félicités du succès du week-end. ") + PIER
HARBOUR_JA = "港の桟橋が閉鎖\n\n" + "住民は遅すぎると話す。港の古い桟橋は火曜日に閉鎖された。技術者が杭にひびを見つけた。" * 6


@pytest.mark.parametrize("name, data, expected", [
    # fail before: one Windows-1252 quote in a UTF-8 file, and every accent was read as
    # Shift_JIS ("Lテゥa Durand"); the same on a page declaring its site's old code page
    ("a.txt", FETE.encode().replace(b"succ", b"\x92succ"), "Léa Durand ... ’succès"),
    ("a.html", _declaring("windows-1252").encode().replace(b"cher \xe2\x80\x94", b"cher \x97"),
     "Jetée fermée ... cher —"),
    # near misses, read as before: a text all in Windows-1252 (no valid UTF-8 letter), and
    # Shift_JIS, whose bytes can form valid UTF-8 sequences, but far fewer than its stray ones
    ("a.txt", FETE.encode("cp1252"), "Léa Durand ... succès"),
    ("a.txt", HARBOUR_JA.encode("shift_jis"), "港の桟橋が閉鎖 ... 技術者が杭にひびを見つけた"),
])
def test_a_utf8_text_with_a_stray_byte_is_read_as_utf8(tmp_path, db_path, name, data, expected):
    (tmp_path / name).write_bytes(data)
    code, summary = ingest_json(tmp_path / name, "--db", db_path)
    assert (code, summary["stored"]) == (0, 1), summary
    row = rows(db_path, "SELECT title, authors, body FROM articles")[0]
    text = " ".join(str(row[key]) for key in ("title", "authors", "body"))
    for part in expected.split(" ... "):
        assert part in text, text[:200]


def test_gzip_html_and_lying_extension(tmp_path, db_path):
    (tmp_path / "page.html.gz").write_bytes(gzip.compress(html_page().encode()))
    (tmp_path / "actually-html.txt").write_text(html_page(ARTICLE_TEXT.replace("forty", "fifty")))
    code, summary = ingest_json(tmp_path, "--db", db_path)
    assert (code, summary["stored"]) == (0, 2)
    formats = {r["format"] for r in rows(db_path, "SELECT format FROM sources")}
    assert formats == {"html"}


TEXT_STORY = "Ferry fares rise at Port Vale\n\nBy Ann Lee\n\n" + ARTICLE_TEXT
MARKDOWN_STORY = "# Ferry fares rise at Port Vale\n\n**By Ann Lee**\n\n" + ARTICLE_TEXT
FERRY_RECORD = {"title": "Ferry fares rise at Port Vale", "body": ARTICLE_TEXT, "authors": "Ann Lee"}


@pytest.mark.parametrize("name, data, read_as", [
    ("story.html", TEXT_STORY, "text"),  # no tag at all: a text saved under a page's name
    ("story.htm", MARKDOWN_STORY, "markdown"),
    ("story.json", TEXT_STORY, "text"),  # cannot be JSON: it does not begin as JSON does
    ("story.jsonl", TEXT_STORY, "text"),
    ("records.jsonl", json.dumps([FERRY_RECORD], indent=2), "record"),  # one JSON document, pretty-printed
])
def test_the_content_wins_over_an_extension_it_cannot_be(tmp_path, db_path, name, data, read_as):
    (tmp_path / name).write_text(data)
    code, summary = ingest_json(tmp_path / name, "--db", db_path)
    assert (code, summary["stored"], summary["failed"]) == (0, 1, 0), summary
    found = rows(db_path, "SELECT a.title, a.authors, s.format FROM articles a JOIN sources s ON s.article_id = a.id")
    assert found == [{"title": "Ferry fares rise at Port Vale", "authors": '["Ann Lee"]', "format": read_as}]


@pytest.mark.parametrize("name, data, read_as, error", [
    # a page fragment that begins with text is still a page: it has tags
    ("fragment.html", "Lead paragraph of the story. <p>" + ARTICLE_TEXT + "</p>", "html", None),
    # broken JSON is reported as such, not read as a text article
    ("broken.json", '{"title": "Ferry fares rise", "body": "The river rose', "record", "invalid JSON"),
    ("broken-array.jsonl", '[{"title": "Ferry fares rise",\n  "body": "The river rose', "record", "invalid JSON"),
])
def test_an_extension_the_content_can_be_is_kept(tmp_path, db_path, name, data, read_as, error):
    (tmp_path / name).write_text(data)
    ingest_json(tmp_path / name, "--db", db_path)
    found = rows(db_path, "SELECT format, error FROM sources")
    assert [row["format"] for row in found] == [read_as]
    assert (error or "") in (found[0]["error"] or "")


def _records(*titles):
    return [{"title": title, "body": ARTICLE_TEXT + f" Filed as {title}."} for title in titles]


@pytest.mark.parametrize("document, stored, failed", [
    # fail before: an API's response saved as it came, its records in a list under a key (one
    # level down, or two), read as one record with no text: every article lost
    ({"status": "ok", "totalResults": 2, "articles": _records("Ferry fares rise", "Pier shuts")}, 2, 0),
    ({"response": {"status": "ok", "pages": 1, "results": _records("Ferry fares rise", "Pier shuts")}}, 2, 0),
    # near misses, as before: a record with a list of objects in it (its tags) is one record;
    # an object with no record and two lists of them is one (failed) record, not a guess
    ({**_records("Ferry fares rise")[0], "tags": [{"name": "ferries"}, {"name": "harbour"}]}, 1, 0),
    ({"kept": _records("Ferry fares rise"), "dropped": _records("Pier shuts")}, 0, 1),
])
def test_records_wrapped_in_an_api_response_are_read(tmp_path, db_path, document, stored, failed):
    (tmp_path / "response.json").write_text(json.dumps(document))
    code, summary = ingest_json(tmp_path / "response.json", "--db", db_path)
    assert (summary["stored"], summary["failed"]) == (stored, failed), summary


@pytest.mark.parametrize("item, expected", [
    # fail before: the Guardian's content API names its item's own fields webTitle, webUrl and
    # webPublicationDate, and gives its text and byline (show-fields=...) in "fields": every item
    # failed as "no article text found"
    ({"webTitle": "Pier shuts", "webUrl": "https://gazette.example/uk/2024/mar/04/pier-shuts",
      "webPublicationDate": "2024-03-04T06:00:00Z",
      "fields": {"headline": "Pier shuts for the winter", "byline": "Ada Quill and Tom Park",
                 "trailText": "Storm damage", "firstPublicationDate": "2024-03-03T21:00:00Z",
                 "bodyText": ARTICLE_TEXT}},
     ("Pier shuts for the winter", ["Ada Quill and Tom Park"], "2024-03-03T21:00:00Z",
      "https://gazette.example/uk/2024/mar/04/pier-shuts", "Storm damage")),
    ({"webTitle": "Pier shuts", "webPublicationDate": "2024-03-04T06:00:00Z",
      "fields": {"body": f"<p>{ARTICLE_TEXT}</p><p>{ARTICLE_TEXT}</p>"}},
     ("Pier shuts", [], "2024-03-04T06:00:00Z", None, None)),
    # the item's own keys win over its fields'
    ({"title": "Ferry fares rise", "body": ARTICLE_TEXT, "fields": {"headline": "Another", "body": "Other words."}},
     ("Ferry fares rise", [], None, None, None)),
])
def test_a_news_apis_items_with_their_fields_are_read(item, expected):
    from ingest.extract_record import extract_record

    article = extract_record(json.dumps(item).encode())
    assert (article.title, article.authors, article.published, article.url, article.description) == expected
    assert ARTICLE_TEXT.split()[:8] == article.body.split()[:8]


def test_a_saved_news_api_response_is_stored_item_by_item(tmp_path, db_path):
    # fails before: the response of the README's example (its list under response.results) read
    # as two records, and both failed
    items = [{"webTitle": title, "webUrl": f"https://gazette.example/{n}", "fields": {"bodyText": ARTICLE_TEXT + title}}
             for n, title in enumerate(("Ferry fares rise", "Pier shuts"))]
    (tmp_path / "search.json").write_text(json.dumps({"response": {"status": "ok", "results": items}}))
    code, summary = ingest_json(tmp_path / "search.json", "--db", db_path)
    assert (code, summary["stored"], summary["failed"]) == (0, 2, 0), summary
    assert {row["title"] for row in rows(db_path, "SELECT title FROM articles")} == {"Ferry fares rise", "Pier shuts"}


@pytest.mark.parametrize("document, expected", [
    # fails before: a news API's response for one item holds it under "content", a record's
    # field name, so the response was read as one record with no text, and failed
    ({"response": {"status": "ok", "total": 1, "content": {
        "webTitle": "Pier shuts", "webUrl": "https://gazette.example/uk/2024/mar/04/pier-shuts",
        "webPublicationDate": "2024-03-04T06:00:00Z", "fields": {"byline": "Ada Quill", "bodyText": ARTICLE_TEXT}}}},
     ("Pier shuts", '["Ada Quill"]', "https://gazette.example/uk/2024/mar/04/pier-shuts")),
    ({"item": {"title": "Pier shuts", "body": ARTICLE_TEXT}}, ("Pier shuts", "[]", None)),
    # near misses: a CMS's post, its title and text each in an object ({"rendered": ...}), and a
    # record whose one object is its outlet, are records themselves
    ({"title": {"rendered": "Pier shuts"}, "content": {"rendered": f"<p>{ARTICLE_TEXT}</p>"}},
     ("Pier shuts", "[]", None)),
    ({"title": "Pier shuts", "body": ARTICLE_TEXT, "source": {"name": "Gazette", "url": "https://gazette.example/"}},
     ("Pier shuts", "[]", None)),
])
def test_a_saved_news_api_response_for_one_item_is_read_as_that_item(tmp_path, db_path, document, expected):
    (tmp_path / "item.json").write_text(json.dumps(document))
    code, summary = ingest_json(tmp_path / "item.json", "--db", db_path)
    assert (code, summary["stored"], summary["failed"]) == (0, 1, 0), summary
    assert [tuple(row.values()) for row in rows(db_path, "SELECT title, authors, url FROM articles")] == [expected]


@pytest.mark.parametrize("name, content, warning", [
    # fail before: a date naming a month or a year alone was stored as no date without a word
    ("story.json", json.dumps({"title": "Pier shuts", "published": "2026-04", "body": ARTICLE_TEXT}),
     "published '2026-04' names a month, not a day: stored with no date"),
    ("story.md", f"---\ntitle: Pier shuts\ndate: '1912'\n---\n\n{ARTICLE_TEXT}\n",
     "published '1912' names a year, not a day: stored with no date"),
    ("story.txt", "sidecar:April 2026", "published 'April 2026' names a month, not a day: stored with no date"),
    # fail before: a year unquoted, which YAML (or JSON) reads as a number, was read as a Unix
    # time (1912 seconds: no date) and dropped without a word
    ("story.md", f"---\ntitle: Pier shuts\ndate: 1912\n---\n\n{ARTICLE_TEXT}\n",
     "published '1912' names a year, not a day: stored with no date"),
    ("story.json", json.dumps({"title": "Pier shuts", "published": 1912, "body": ARTICLE_TEXT}),
     "published '1912' names a year, not a day: stored with no date"),
    # near misses: a day is stored; a text that names its month in its own words is the rules'; a
    # day YAML reads as a date, and a Unix time, are days
    ("story.md", f"---\ntitle: Pier shuts\ndate: 1912-04-15\n---\n\n{ARTICLE_TEXT}\n", None),
    ("story.json", json.dumps({"title": "Pier shuts", "published": 1712217600, "body": ARTICLE_TEXT}), None),
    ("story.json", json.dumps({"title": "Pier shuts", "published": "2026-04-01", "body": ARTICLE_TEXT}), None),
    ("story.txt", f"Pier shuts\n\nApril 2026\n\n{ARTICLE_TEXT}\n", None),
])
def test_a_date_dropped_for_naming_a_month_or_a_year_is_said(tmp_path, db_path, name, content, warning):
    if content.startswith("sidecar:"):
        (tmp_path / name).write_text(f"Pier shuts\n\n{ARTICLE_TEXT}\n")
        (tmp_path / "story.json").write_text(json.dumps({"published": content.removeprefix("sidecar:")}))
    else:
        (tmp_path / name).write_text(content)
    code, summary = ingest_json(tmp_path / name, "--db", db_path)
    assert (code, summary["stored"]) == (0, 1), summary
    expected = [{"location": f"{tmp_path / name}" + ("#1" if name.endswith(".json") else ""), "warning": warning}]
    assert (summary["warned"], summary["warnings"]) == ((1, expected) if warning else (0, [])), summary
    # fails before: recorded nowhere but on standard error, so the next run (the file unchanged,
    # not read again) and the archive could not say why the article has no date
    assert [tuple(row.values()) for row in rows(db_path, "SELECT status, error FROM sources")] == [("stored", warning)]
    if not content.startswith("sidecar:"):
        # fails before: a byte-identical copy in another folder, read in a later run, is stored
        # as a copy of that row, unread, and its row had no warning
        (tmp_path / "copy").mkdir()
        (tmp_path / "copy" / name).write_text(content)
        assert ingest_json(tmp_path / "copy" / name, "--db", db_path)[1]["duplicate"] == 1
        assert [tuple(row.values()) for row in rows(db_path, "SELECT status, error FROM sources ORDER BY id")] == [
            ("stored", warning), ("duplicate", warning)]
    result = run_cli("ingest", tmp_path / name, "--db", str(tmp_path / "again.db"))
    assert (", 1 with a warning -> " in result.stdout) == bool(warning), result.stdout
    assert (f"warning: {expected[0]['location']}: {warning}" in result.stderr) == bool(warning), result.stderr
    if content.startswith("sidecar:"):  # fails before: the warning stayed once the sidecar gave a day
        time.sleep(1.1)
        (tmp_path / "story.json").write_text(json.dumps({"published": "2026-04-02"}))
        code, summary = ingest_json(tmp_path / name, "--db", db_path)
        assert (code, summary["sidecar_revised"]) == (0, 1), summary
        assert [tuple(row.values()) for row in rows(db_path, "SELECT error FROM sources")] == [(None,)]


@pytest.mark.parametrize("document", [
    # fails before: a post's or a comment's object under an API's key was read as a record for
    # its "text" or "body" alone, and stored as an untitled article (a response holding it was
    # "no article text found", as a record with no text is)
    {"data": {"id": "1764", "text": ARTICLE_TEXT, "created_at": "2024-03-05T22:00:00Z", "author_id": "42"}},
    {"data": {"type": "comments", "id": "9", "attributes": {"body": ARTICLE_TEXT, "created": "2024-03-05",
                                                            "author": "Ada Quill"}}},
    {"status": "ok", "content": {"text": ARTICLE_TEXT, "link": "https://gazette.example/p/9", "language": "en"}},
])
def test_an_object_under_an_api_key_without_a_title_and_a_text_is_no_article(tmp_path, db_path, document):
    (tmp_path / "item.json").write_text(json.dumps(document))
    code, summary = ingest_json(tmp_path / "item.json", "--db", db_path)
    assert (summary["stored"], summary["duplicate"], summary["failed"]) == (0, 0, 1), summary
    assert "no article text found" in summary["failures"][0]["error"]


def test_a_records_text_an_api_cut_short_is_no_article(tmp_path, db_path):
    # fails before: NewsAPI gives each article's first 200 characters, then "… [+2143 chars]",
    # which was stored as the story's text (the page, ingested later, another article); a
    # feed's item with only its summary is refused the same way
    cut = {"title": "Pier shuts", "url": "https://gazette.example/pier", "source": {"name": "Gazette"},
           "content": " ".join(ARTICLE_TEXT.split()[:25]) + "… [+2143 chars]"}
    whole = {"title": "Ferry fares rise", "content": ARTICLE_TEXT + " A note on the timetable [+2 lines] follows."}
    (tmp_path / "top.json").write_text(json.dumps({"status": "ok", "totalResults": 2, "articles": [cut, whole]}))
    code, summary = ingest_json(tmp_path / "top.json", "--db", db_path)
    assert (code, summary["stored"], summary["failed"]) == (1, 1, 1), summary
    assert summary["failures"][0]["error"] == (
        "only the opening of the article, which the API cut short ([+2143 chars]), not the article: "
        "ingest its page (https://gazette.example/pier)")


def test_a_records_camel_case_dates_are_read():
    # fails before: "publishedAt" / "updatedAt", as JavaScript APIs write them
    from ingest.extract_record import extract_record

    article = extract_record(json.dumps({"body": ARTICLE_TEXT, "publishedAt": "2024-03-04T10:00:00Z",
                                         "updatedAt": "2024-03-05T08:00:00Z"}).encode())
    assert (article.published, article.updated) == ("2024-03-04T10:00:00Z", "2024-03-05T08:00:00Z")


def test_a_read_it_later_apps_export_is_read():
    # fails before: wallabag's JSON export names its writers "published_by" and its site
    # "domain_name" (its "content" and "published_at" were read already)
    from ingest.extract_record import extract_record

    article = extract_record(json.dumps({
        "title": "River rises", "content": f"<p>{ARTICLE_TEXT}</p>", "url": "https://millbrook.example/river",
        "published_at": "2024-03-04T10:00:00+0000", "published_by": ["Ada Quill", "Tom Park"],
        "domain_name": "millbrook.example", "created_at": "2024-03-09T10:00:00+0000"}).encode())
    assert (article.authors, article.outlet, article.published) == (
        ["Ada Quill", "Tom Park"], "millbrook.example", "2024-03-04T10:00:00+0000")


@pytest.mark.parametrize("name, data", [
    # fail before: a UTF-16 list on one line (taken for JSON Lines: "not a JSON object"), UTF-16
    # JSON Lines (split as bytes: every line after the first undecodable), JSON Lines in cp1252
    ("export.json", json.dumps(_records("Café reopens", "Pier shuts"), ensure_ascii=False).encode("utf-16")),
    ("export.jsonl", "\n".join(json.dumps(r, ensure_ascii=False) for r in _records("Café reopens", "Pier shuts"))
     .encode("utf-16")),
    ("export.jsonl", "\n".join(json.dumps(r, ensure_ascii=False) for r in _records("Café reopens", "Pier shuts"))
     .encode("cp1252")),
    # near misses, read before too: UTF-8 with a mark, CRLF line ends, UTF-16 pretty-printed
    ("export.json", b"\xef\xbb\xbf" + json.dumps(_records("Café reopens", "Pier shuts")).encode()),
    ("export.jsonl", "\r\n".join(json.dumps(r) for r in _records("Café reopens", "Pier shuts")).encode()),
    ("export.json", json.dumps(_records("Café reopens", "Pier shuts"), indent=2, ensure_ascii=False).encode("utf-16")),
])
def test_records_in_utf16_or_a_code_page_are_read(tmp_path, db_path, name, data):
    (tmp_path / name).write_bytes(data)
    code, summary = ingest_json(tmp_path / name, "--db", db_path)
    assert (code, summary["stored"], summary["failed"]) == (0, 2, 0), summary
    assert [r["title"] for r in rows(db_path, "SELECT title FROM articles ORDER BY id")] == ["Café reopens", "Pier shuts"]


def test_a_json_lines_file_with_a_bad_first_line_is_still_read_line_by_line(tmp_path, db_path):
    (tmp_path / "export.jsonl").write_text("a stray note, not a record\n" + json.dumps(FERRY_RECORD) + "\n")
    code, summary = ingest_json(tmp_path / "export.jsonl", "--db", db_path)
    assert (code, summary["stored"], summary["failed"]) == (1, 1, 1)
    assert summary["failures"][0]["location"].endswith("export.jsonl#1")


@pytest.mark.parametrize("name, data", [
    ("page.html.gz", html_page()),  # saved already unpacked under the name it was served with
    ("records.jsonl.gz", json.dumps(FERRY_RECORD) + "\n"),
])
def test_a_file_named_gz_that_is_not_gzip_is_read_as_it_is(tmp_path, db_path, name, data):
    (tmp_path / name).write_text(data)
    code, summary = ingest_json(tmp_path / name, "--db", db_path)
    assert (code, summary["stored"], summary["failed"]) == (0, 1, 0), summary


def test_overrides_and_sidecar(tmp_path, db_path):
    (tmp_path / "note.txt").write_text("Dredging audit ordered\n\n" + ARTICLE_TEXT)
    (tmp_path / "note.json").write_text(json.dumps(
        {"outlet": "The Harbor Ledger", "url": "https://harborledger.example/audit", "published": "2025-10-12",
         "authors": ["Mara Ellison"]}))
    (tmp_path / "other.txt").write_text("Another story\n\n" + ARTICLE_TEXT.replace("river", "canal"))
    code, summary = ingest_json(tmp_path, "--db", db_path)
    assert (code, summary["stored"], summary["failed"]) == (0, 2, 0)  # the sidecar is no article
    article = rows(db_path, "SELECT a.*, o.name AS outlet, o.domain FROM articles a "
                            "LEFT JOIN outlets o ON o.id = a.outlet_id WHERE title = 'Dredging audit ordered'")[0]
    assert (article["outlet"], article["domain"], article["published"]) == (
        "The Harbor Ledger", "harborledger.example", "2025-10-12")
    assert json.loads(article["authors"]) == ["Mara Ellison"]
    assert article["outlet_source"] == "override"
    (tmp_path / "third.txt").write_text("Third story\n\n" + ARTICLE_TEXT.replace("river", "lake"))
    code, summary = ingest_json(tmp_path / "third.txt", "--db", db_path, "--outlet", "the harbor ledger")
    outlets = rows(db_path, "SELECT name FROM outlets")
    assert outlets == [{"name": "The Harbor Ledger"}]  # one outlet whatever the form


@pytest.mark.parametrize("sidecar, authors, outlet, published", [
    # values written as other JSON types: an author as a number stopped the file ("TypeError:
    # 'int' object is not iterable"); the others were stored as Python's repr of them
    ({"authors": 5}, [], None, None),
    ({"authors": {"name": "Ann Lee"}}, ["Ann Lee"], None, None),
    ({"authors": [{"name": "Ann Lee"}, "Bo Chen", 7]}, ["Ann Lee", "Bo Chen"], None, None),
    ({"outlet": ["The Harbor Ledger"]}, [], "The Harbor Ledger", None),
    ({"published": {"date": "2024-05-02"}}, [], None, None),
    ({"published": 1714608000}, [], None, "2024-05-02T00:00:00+00:00"),
    # near misses: sidecars as they were always written, read as before
    ({"author": "Ann Lee", "outlet": "The Harbor Ledger", "published": "2024-05-02"},
     ["Ann Lee"], "The Harbor Ledger", "2024-05-02"),
    ({"authors": ["Ann Lee", "Bo Chen"]}, ["Ann Lee", "Bo Chen"], None, None),
])
def test_a_sidecar_value_of_another_json_type_is_read_as_a_records_is(tmp_path, db_path, sidecar, authors,
                                                                      outlet, published):
    (tmp_path / "note.txt").write_text("Dredging audit ordered\n\n" + ARTICLE_TEXT)
    (tmp_path / "note.json").write_text(json.dumps(sidecar))
    code, summary = ingest_json(tmp_path, "--db", db_path)
    assert (code, summary["stored"], summary["failed"]) == (0, 1, 0), summary["failures"]
    article = rows(db_path, "SELECT a.authors, a.published, o.name AS outlet FROM articles a "
                            "LEFT JOIN outlets o ON o.id = a.outlet_id")[0]
    assert (json.loads(article["authors"]), article["outlet"], article["published"]) == (authors, outlet, published)


DEEP = "[" * 50000 + "]" * 50000  # JSON nested past Python's recursion limit
PAGE_BODY = " ".join(["The river rose two metres overnight in Millbrook, the warden said on Tuesday."] * 20)


@pytest.mark.parametrize("encoding", [
    "utf-16", "cp1252",  # fail before: "'utf-8' codec can't decode byte 0xff" failed the article
    "utf-8-sig", "utf-8",  # near misses, read before too
])
def test_a_sidecar_in_another_encoding_is_read(tmp_path, db_path, encoding):
    (tmp_path / "a.txt").write_text("Ferry fares rise at Port Vale\n\n" + ARTICLE_TEXT)
    (tmp_path / "a.json").write_bytes(json.dumps({"outlet": "Le Café du Port"}, ensure_ascii=False).encode(encoding))
    code, summary = ingest_json(tmp_path, "--db", db_path)
    assert (code, summary["stored"]) == (0, 1), summary
    assert rows(db_path, "SELECT name FROM outlets")[0]["name"] == "Le Café du Port"


@pytest.mark.parametrize("mended, stored", [
    (True, 1),  # fails before: the file stayed "failed before, not tried again" for good
    (False, 0),  # fails before too: a sidecar edited and still bad was counted unchanged, unsaid
])
def test_a_file_failed_for_its_sidecar_is_read_again_once_the_sidecar_is_mended(tmp_path, db_path, mended, stored):
    (tmp_path / "a.txt").write_text("Ferry fares rise at Port Vale\n\n" + ARTICLE_TEXT)
    (tmp_path / "a.json").write_text('{"outlet": "Harbor Post", }')
    code, first = ingest_json(tmp_path, "--db", db_path)
    assert (code, first["failed"]) == (1, 1) and first["failures"][0]["error"].startswith("bad sidecar a.json")
    (tmp_path / "a.json").write_text('{"outlet": "Harbor Post"}' if mended else '{"outlet": "Harbor Post",,}')
    code, again = ingest_json(tmp_path, "--db", db_path)
    assert (code, again["stored"], again["failed"], again["unchanged"]) == (1 - stored, stored, 1 - stored, 0), again
    # near miss of the other kind: a file that failed for its own bytes is still not tried again
    (tmp_path / "b.txt").write_bytes(b"%PDF-1.4 " + bytes(range(1, 256)))
    ingest_json(tmp_path / "b.txt", "--db", db_path)
    assert ingest_json(tmp_path / "b.txt", "--db", db_path)[1]["unchanged_failed"] == 1


@pytest.mark.parametrize("files, failure", [
    # each stopped the whole run with a traceback (RecursionError, or warcio's AttributeError)
    ({"note.txt": "Dredging audit\n\n" + ARTICLE_TEXT.replace("river", "canal"), "note.json": DEEP},
     ("note.txt", "bad sidecar note.json: nested too deeply to read")),
    ({"export.json": DEEP}, ("export.json", "invalid JSON: nested too deeply to read")),
    ({"export.txt": DEEP}, None),  # sniffed as JSON: read as the text it then is
    ({"export.jsonl": '{"title": "x", "body": ' + DEEP + "}\n"},
     ("export.jsonl#1", "invalid JSON: nested too deeply to read")),
    ({"crawl.warc": "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99\r\n\r\nHTTP/1.1 200 OK\r\n"},
     ("crawl.warc", "cannot read web archive: its record 1 is malformed or cut short (AttributeError")),
    # near miss: a page whose JSON-LD is nested that deep is still an article (its other signals)
    ({"page.html": '<html><head><title>River rises</title><script type="application/ld+json">' + DEEP
                   + "</script></head><body><article><h1>River rises</h1><p>" + PAGE_BODY + "</p></article></body></html>"},
     None),
])
def test_input_nested_too_deep_or_malformed_fails_alone(tmp_path, db_path, files, failure):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("Ferry fares rise at Port Vale\n\n" + ARTICLE_TEXT)
    for name, text in files.items():
        (folder / name).write_text(text)
    result = run_cli("ingest", folder, "--db", db_path, "--json")
    summary = json.loads(result.stdout)
    failures = [(f["location"].removeprefix(str(folder) + "/"), f["error"]) for f in summary["failures"]]
    if failure is None:
        assert result.exit_code in (0, 1) and summary["stored"] >= 1
        assert all("Recursion" not in error for _, error in failures)
        if "page.html" in files:
            assert (result.exit_code, summary["stored"]) == (0, 2)
    else:
        assert (result.exit_code, summary["stored"], len(failures)) == (1, 1, 1)
        assert failures[0][0] == failure[0] and failures[0][1].startswith(failure[1])


def test_an_archive_error_while_reading_a_file_still_stops_the_run():
    # Only the file's own errors become one failed input; the archive's (a lock held too long,
    # met while asking whether bytes are known) must reach the command, which says what to do.
    from ingest.read import InputFile, read_sources

    def locked(location, digest):
        raise sqlite3.OperationalError("database is locked")

    with pytest.raises(sqlite3.OperationalError):
        list(read_sources(InputFile(Path(__file__), Path(__file__).stat().st_size), known=locked))


def test_url_is_refused_for_more_than_one_file(tmp_path, db_path):
    # --url is one article's address: given with a folder it was written as the address of
    # every article in it (and its date and domain read from it), and a later run without it
    # would not mend them, the files being unchanged.
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(f"Story {name}\n\n{ARTICLE_TEXT} {name}.")
    result = run_cli("ingest", tmp_path, "--db", db_path, "--url", "https://harborledger.example/2025/10/12/a")
    assert result.exit_code == 2
    assert "--url" in result.output and "2 files" in result.output
    assert not db_path.exists()


@pytest.mark.parametrize("name, text, refused", [
    # several records in the one file given: each got the address, and each was then read as
    # an edited version of the one before
    ("export.jsonl", "\n".join(json.dumps({"title": f"Story {i}", "body": f"{ARTICLE_TEXT} {i}."}) for i in range(3)), True),
    ("export.json", json.dumps([{"title": f"Story {i}", "body": f"{ARTICLE_TEXT} {i}."} for i in range(2)]), True),
    # near misses: one record, one article file
    ("export.json", json.dumps({"title": "Story", "body": ARTICLE_TEXT}), False),
    ("story.txt", "Story\n\n" + ARTICLE_TEXT, False),
])
def test_url_is_refused_for_a_file_of_several_articles(tmp_path, db_path, name, text, refused):
    (tmp_path / name).write_text(text)
    result = run_cli("ingest", tmp_path / name, "--db", db_path, "--url", "https://harborledger.example/2025/a")
    assert result.exit_code == (2 if refused else 0), result.output
    assert ("holds several" in result.output) == refused
    assert db_path.exists() != refused


@pytest.mark.parametrize("url, refused", [
    # fail before: dropped without a word, the article stored with no address
    ("harborledger.example/2025/a", "(https://harborledger.example/2025/a?)"),
    ("ftp://harborledger.example/a", "not a whole web address"),
    ("the ferry story", "not a whole web address"),
    # near misses: whole addresses, kept
    ("https://harborledger.example/2025/a", None), ("HTTP://harborledger.example/a", None),
])
def test_a_url_that_is_no_whole_address_is_refused(tmp_path, db_path, url, refused):
    (tmp_path / "a.txt").write_text(f"Story a\n\n{ARTICLE_TEXT}")
    result = run_cli("ingest", tmp_path / "a.txt", "--db", db_path, "--url", url)
    if refused:
        assert result.exit_code == 2 and refused in result.output and "--url" in result.output, result.output
        assert not db_path.exists()
    else:
        assert result.exit_code == 0, result.output
        assert "harborledger.example/" in rows(db_path, "SELECT url FROM articles")[0]["url"]


def test_url_is_the_address_of_the_one_file_given(tmp_path, db_path):
    (tmp_path / "a.txt").write_text(f"Story a\n\n{ARTICLE_TEXT}")
    code, summary = ingest_json(tmp_path / "a.txt", "--db", db_path, "--url", "https://harborledger.example/a")
    assert (code, summary["stored"]) == (0, 1)
    assert rows(db_path, "SELECT url FROM articles") == [{"url": "https://harborledger.example/a"}]


def test_paths_from_stdin_and_globs(tmp_path, db_path):
    for n in range(3):
        (tmp_path / f"s{n}.txt").write_text(f"Story {n}\n\n{ARTICLE_TEXT} Number {n}.")
    code, summary = ingest_json("-", "--db", db_path, input=f"{tmp_path / 's0.txt'}\n{tmp_path / 's1.txt'}\n")
    assert (code, summary["stored"]) == (0, 2)
    code, summary = ingest_json(str(tmp_path / "s*.txt"), "--db", db_path)
    assert (summary["stored"], summary["unchanged"]) == (1, 2)


@pytest.mark.parametrize("arguments, note", [
    # fail before: the second - was read as a file named "-" and recorded as failed
    (["-", "-"], "note: - given 2 times: the list on standard input is read once"),
    (["-", "{folder}/s1.txt", "-"], "note: - given 2 times"),
    (["-"], None),  # near miss: no note
])
def test_standard_input_given_twice_is_read_once(tmp_path, db_path, arguments, note):
    for n in range(2):
        (tmp_path / f"s{n}.txt").write_text(f"Story {n}\n\n{ARTICLE_TEXT} Number {n}.")
    arguments = [argument.format(folder=tmp_path) for argument in arguments]
    result = run_cli("ingest", *arguments, "--db", db_path, "--json", input=f"{tmp_path / 's0.txt'}\n")
    summary = json.loads(result.stdout)
    assert (result.exit_code, summary["seen"], summary["failed"]) == (0, len(set(arguments)), 0), summary
    assert (note in result.stderr) if note else "note:" not in result.stderr, result.stderr


@pytest.mark.parametrize("separator, end", [
    ("\0", "\0"),  # fails before: find -print0's list was read as one path of every name
    ("\0", ""),  # ... without the last NUL (git ls-files -z)
    ("\n", "\n"), ("\r\n", "\r\n\n  \n"),  # near misses, read before too: lines, CRLF and blank lines
])
def test_a_list_of_paths_on_stdin_may_be_separated_by_nuls(tmp_path, db_path, separator, end):
    names = ["a story.txt", "line\nbreak.txt", "plain.txt"] if separator == "\0" else ["a story.txt", "plain.txt"]
    for n, name in enumerate(names):
        (tmp_path / name).write_text(f"Story {n}\n\n{ARTICLE_TEXT} Number {n}.")
    listing = separator.join(str(tmp_path / name) for name in names) + end
    code, summary = ingest_json("-", "--db", db_path, input=listing)
    assert (code, summary["stored"], summary["failed"]) == (0, len(names), 0), summary


@pytest.mark.parametrize("name, listed", [
    ("story.txt ", "{path}\n"),  # fails before: a name ending in a space was cut to one that is not there
    ("story.txt\t", "{path}\r\n"),  # ... a tab, in a list with Windows line ends
    ("story.txt", "  {path}  \n"),  # near miss: spaces typed around a path are still left out
])
def test_a_listed_path_keeps_the_white_space_its_name_ends_in(tmp_path, db_path, name, listed):
    (tmp_path / name).write_text(f"Story\n\n{ARTICLE_TEXT}")
    code, summary = ingest_json("-", "--db", db_path, input=listed.format(path=tmp_path / name))
    assert (code, summary["stored"], summary["failed"]) == (0, 1, 0), summary


@pytest.mark.parametrize("name", [
    "line\nbreak.txt", "carriage\rreturn.txt",  # fail before: the report ran over two lines
    "plain name.txt",  # near miss
])
def test_each_failure_is_reported_on_one_line(tmp_path, db_path, name):
    (tmp_path / name).write_bytes(b"")
    (tmp_path / "ok.txt").write_text("Ferry fares rise\n\n" + ARTICLE_TEXT)
    result = run_cli("ingest", tmp_path, "--db", db_path)
    failures = [line for line in result.stderr.splitlines() if line]
    assert len(failures) == 1 and failures[0].startswith("failed: ") and failures[0].endswith(": empty file"), failures
    assert name.translate({10: "\\n", 13: "\\r"}) in failures[0]


def test_schema_and_settings(db_path, tmp_path):
    (tmp_path / "a.txt").write_text("Headline\n\n" + ARTICLE_TEXT)
    ingest_json(tmp_path / "a.txt", "--db", db_path)
    db = Database(db_path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert {"articles", "outlets", "authors", "article_authors", "sources", "ingest_runs"} <= set(db.table_names())
    assert db["articles"].detect_fts() == "articles_fts"
    applied = [m["name"] for m in db.query("SELECT name FROM _sqlite_migrations")]
    assert applied[0] == "0001_initial" and applied == sorted(set(applied))
    # Opening an existing archive again applies nothing twice.
    ingest_json(tmp_path / "a.txt", "--db", db_path)
    assert db.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0] == len(applied)


def test_help_explains_commands():
    result = run_cli("--help")
    assert all(word in result.output for word in ("ingest", "search", "stats", "parse"))
    # the first help a user reads showed no command line to start from (each command's has one)
    example = result.output.split("Example:", 1)[-1]
    assert "news-archive ingest" in example and "news-archive serve" in example
    for command in cli.commands:
        assert "Example:" in run_cli(command, "--help").output, command
    result = run_cli("ingest", "--help")
    assert "Example:" in result.output and "--json" in result.output


def test_stats_json(tmp_path, db_path):
    (tmp_path / "a.txt").write_text("Headline\n\n" + ARTICLE_TEXT)
    (tmp_path / "b.txt").write_text("Headline again\n\n" + ARTICLE_TEXT)
    (tmp_path / "c.txt").write_bytes(b"")
    run_cli("ingest", tmp_path, "--db", db_path)
    figures = json.loads(run_cli("stats", "--db", db_path, "--json").stdout)
    assert (figures["articles"], figures["sources"], figures["duplicates"], figures["failed"]) == (1, 3, 1, 1)
    assert run_cli("stats", "--db", tmp_path / "none.db").exit_code != 0


def test_stats_counts_a_mended_file_as_failed_no_more(tmp_path, db_path):
    # An empty file, filled and ingested again: stats said "failed 1" for good.
    (tmp_path / "a.txt").write_bytes(b"")
    (tmp_path / "b.txt").write_bytes(b"")
    run_cli("ingest", tmp_path, "--db", db_path)
    (tmp_path / "a.txt").write_text("Headline\n\n" + ARTICLE_TEXT)
    run_cli("ingest", tmp_path, "--db", db_path)
    figures = json.loads(run_cli("stats", "--db", db_path, "--json").stdout)
    assert (figures["articles"], figures["sources"], figures["failed"]) == (1, 3, 1)  # b.txt still fails


def test_stats_counts_a_file_restored_to_bytes_stored_before_as_failed_no_more(tmp_path, db_path):
    """A stored file emptied by a crash, then restored from a backup: its row of those bytes,
    stored before the failure, is what it is now, but only a later row was taken to mend a
    failure, and stats said "failed 1" for good. Near miss: the file emptied again fails again."""
    story = tmp_path / "a.txt"
    story.write_text("Headline\n\n" + ARTICLE_TEXT)
    run_cli("ingest", tmp_path, "--db", db_path)
    for content, failing in (("", 1), ("Headline\n\n" + ARTICLE_TEXT, 0), ("", 1)):
        time.sleep(1.1)  # (each run's sighting a second after the last: last_seen has seconds)
        story.write_text(content)
        os.utime(story, (time.time() - 10, time.time() - 10))  # not "modified within 2 s"
        run_cli("ingest", tmp_path, "--db", db_path)
        figures = json.loads(run_cli("stats", "--db", db_path, "--json").stdout)
        assert (figures["articles"], figures["sources"], figures["failed"]) == (1, 2, failing), content



def test_stats_counts_a_file_that_failed_with_other_bytes_too_as_one_failure(tmp_path, db_path):
    """A file that fails, is edited and fails again is one input failing now, not two: each
    failed row at its place was counted until a row that did not fail came after it, and
    stats said "failed 2" of one bad file. The same when it is put back to its first bytes."""
    stub = tmp_path / "stub.txt"
    for content, sources in (("Too short.", 1), ("Still too short, edited.", 2), ("Too short.", 2)):
        time.sleep(1.1)  # (each run's sighting a second after the last: last_seen has seconds)
        stub.write_text(content)
        os.utime(stub, (time.time() - 10, time.time() - 10))  # not "modified within 2 s"
        run_cli("ingest", stub, "--db", db_path)
        figures = json.loads(run_cli("stats", "--db", db_path, "--json").stdout)
        assert (figures["sources"], figures["failed"]) == (sources, 1), content


@pytest.mark.parametrize("later_name, failing", [
    ("export.jsonl", 0),  # fails before: its records (PATH#1, PATH#2) did not mend the whole file's failure
    ("export.jsonl.old", 1),  # near miss: another file, whose name begins with the failed one's
])
def test_stats_counts_a_file_of_records_read_after_it_failed_whole_as_failed_no_more(tmp_path, db_path,
                                                                                     later_name, failing):
    """A JSON Lines export (a feed, a web archive, a mailbox) named before it was there (a typo,
    a copy not finished) fails as a whole, at its path; read once it is there, its records are
    stored at PATH#1, PATH#2..., and stats said "failed 1" of it for good."""
    export = tmp_path / "export.jsonl"
    run_cli("ingest", export, "--db", db_path)
    records = [{"title": f"Story {n}", "body": f"{ARTICLE_TEXT} Told {n} times.", "outlet": "Marsh Notes"}
               for n in (1, 2)]
    (tmp_path / later_name).write_text("".join(json.dumps(record) + "\n" for record in records))
    run_cli("ingest", tmp_path / later_name, "--db", db_path)
    figures = json.loads(run_cli("stats", "--db", db_path, "--json").stdout)
    assert (figures["articles"], figures["sources"], figures["failed"]) == (2, 3, failing)

def test_stats_counts_a_file_of_records_failing_whole_again_as_failing(tmp_path, db_path):
    """Fails before: an export that failed whole (named before it was there), was read, then
    failed whole again (gone) kept its first failure's row, with the lowest id (read again, a
    failure's row is updated), and its records stored in between, with higher ids, counted as
    mending it: stats said "failed 0" of an export failing now. A row mends a failure by when it
    was read (last seen), not by its id."""
    export = tmp_path / "export.jsonl"
    run_cli("ingest", export, "--db", db_path)
    time.sleep(1.1)  # (each run's sighting a second after the last: last_seen has seconds)
    export.write_text("".join(json.dumps({"title": f"Story {n}", "body": f"{ARTICLE_TEXT} Told {n} times."}) + "\n"
                              for n in (1, 2)))
    run_cli("ingest", export, "--db", db_path)
    assert json.loads(run_cli("stats", "--db", db_path, "--json").stdout)["failed"] == 0  # (09dc7a8)
    time.sleep(1.1)
    export.unlink()
    run_cli("ingest", export, "--db", db_path)
    figures = json.loads(run_cli("stats", "--db", db_path, "--json").stdout)
    assert (figures["articles"], figures["sources"], figures["failed"]) == (2, 3, 1)


def test_optimize_merges_the_index_and_search_still_finds_everything(tmp_path, db_path):
    # Three ingest runs leave three index segments; optimize merges them and the same words
    # find the same articles afterwards.
    for number, word in enumerate(["heron", "otter", "kestrel"]):
        (tmp_path / f"{word}.json").write_text(json.dumps({
            "title": f"A {word} returns to the marsh", "body": f"{ARTICLE_TEXT} The {word} was seen {number} times.",
            "outlet": "Marsh Notes"}))
        code, _ = ingest_json(tmp_path / f"{word}.json", "--db", db_path)
        assert code == 0
    before = {w: run_cli("search", w, "--db", db_path, "--json").output for w in ("heron", "otter", "marsh")}
    result = run_cli("optimize", "--db", db_path, "--json")
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert figures["index_pages_after"] < figures["index_pages_before"]
    after = {w: run_cli("search", w, "--db", db_path, "--json").output for w in before}
    assert after == before
    assert len(json.loads(after["marsh"])) == 3


def test_optimize_says_what_it_is_doing_before_the_long_statement(tmp_path, db_path):
    (tmp_path / "a.txt").write_text("A headline\n\n" + ARTICLE_TEXT)
    ingest_json(tmp_path / "a.txt", "--db", db_path)
    result = run_cli("optimize", "--db", db_path)
    assert result.exit_code == 0
    assert "Merging the search index of 1 article " in result.stderr
    assert "Search index merged in" in result.stdout


def test_optimize_needs_an_archive(tmp_path):
    result = run_cli("optimize", "--db", tmp_path / "none.db")
    assert result.exit_code != 0 and "no archive" in result.output


def test_progress_is_reported_within_a_large_json_lines_file(tmp_path, db_path):
    from ingest.pipeline import PROGRESS_BYTES, run_ingest

    feed = tmp_path / "feed.jsonl"
    record = {"title": "Story", "body": ARTICLE_TEXT}
    with feed.open("w") as out:
        for n in range(2 * PROGRESS_BYTES // len(ARTICLE_TEXT) + 10):
            out.write(json.dumps({**record, "title": f"Story {n}"}) + "\n")
    steps = []
    run_ingest([str(feed)], str(db_path), workers=1, on_progress=steps.append)
    assert len(steps) >= 3  # twice within the file, then the rest at its end
    assert sum(steps) == feed.stat().st_size


def test_inputs_too_large_for_one_article_fail_without_being_read_whole(tmp_path, db_path, monkeypatch):
    from ingest import read

    monkeypatch.setattr(read, "MAX_INPUT_BYTES", 4000)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "huge.txt").write_text("A headline\n\n" + ARTICLE_TEXT * 20)
    # 200 KB of text that gzip packs into a few hundred bytes: the unpacked size counts
    (folder / "bomb.html.gz").write_bytes(gzip.compress(b"<html><body><p>" + b"a " * 100_000))
    (folder / "feed.jsonl").write_text(
        json.dumps({"title": "Fits", "body": ARTICLE_TEXT}) + "\n"
        + json.dumps({"title": "Runaway", "body": ARTICLE_TEXT * 15}) + "\n"
        + json.dumps({"title": "Fits too", "body": "Another story. " + ARTICLE_TEXT}) + "\n")
    (folder / "fine.txt").write_text("A good headline\n\nA third story. " + ARTICLE_TEXT)
    code, summary = ingest_json(folder, "--db", db_path)
    assert (code, summary["stored"], summary["failed"]) == (1, 3, 3)
    errors = {f["location"].rsplit("/", 1)[-1]: f["error"] for f in summary["failures"]}
    assert set(errors) == {"huge.txt", "bomb.html.gz", "feed.jsonl#2"}
    assert all("too large for one article" in error for error in errors.values())
    assert "unpacks to more than" in errors["bomb.html.gz"]


@pytest.mark.parametrize("as_json", [False, True])
def test_parse_exits_1_when_the_file_gives_no_article_in_either_form(tmp_path, as_json):
    # Scripts use --json, and read the exit status: it said 0 for a file that failed.
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "good.txt").write_text("Ferry fares rise at Port Vale\n\n" + ARTICLE_TEXT)
    flag = ["--json"] if as_json else []
    failed = run_cli("parse", tmp_path / "empty.txt", *flag)
    assert failed.exit_code == 1 and "empty file" in failed.stdout
    if as_json:
        assert json.loads(failed.stdout)["error"] == "empty file"
    assert run_cli("parse", tmp_path / "good.txt", *flag).exit_code == 0


def test_parse_says_when_a_file_holds_nothing_to_parse(tmp_path):
    empty = tmp_path / "none.jsonl"
    empty.write_text("\n\n")
    result = run_cli("parse", empty)
    assert result.exit_code == 1 and "no record in it: only blank lines" in result.output


def test_a_second_writer_waits_for_the_first_instead_of_failing_on_its_rows(db_path):
    """Two ingests into one archive: a batch must not look up an outlet, then find it inserted
    by the other writer when it comes to insert it (that failed with a UNIQUE error)."""
    import threading

    from ingest.record import Article, Outcome, Source
    from ingest.store import BUSY_TIMEOUT_MS, Archive, open_database

    open_database(db_path).close()  # the schema
    # The writer runs in a thread here, so its connection may be used from one.
    connection = sqlite3.connect(db_path, check_same_thread=False)
    connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    archive = Archive(Database(connection))
    run_id = archive.start_run(["test"])
    other = sqlite3.connect(db_path)
    other.execute("BEGIN IMMEDIATE")  # the other ingest, mid-batch, has just added this outlet
    other.execute("INSERT INTO outlets (name, key) VALUES ('Shire News', 'shirenews')")
    article = Article(title="Fair", body=ARTICLE_TEXT, outlet="Shire News", content_hash="f" * 64)
    outcome = Outcome(Source("fair.txt", b"", "0" * 64, "text", 1), article)
    errors = []

    def write():
        try:
            archive.write_batch(run_id, [outcome])
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)

    writer = threading.Thread(target=write)
    writer.start()
    writer.join(0.5)  # it is waiting for the lock...
    other.commit()  # ...until the other batch commits
    writer.join(10)
    assert errors == []
    assert rows(db_path, "SELECT count(*) AS n FROM outlets")[0]["n"] == 1
    assert rows(db_path, "SELECT o.name FROM articles a JOIN outlets o ON o.id = a.outlet_id")[0]["name"] == "Shire News"


@pytest.mark.parametrize("as_json", [False, True])
def test_an_archive_locked_too_long_by_another_writer_is_a_clear_error(tmp_path, db_path, monkeypatch, as_json):
    """With --json, fails before: another writer (an optimize, a long batch of another ingest)
    holding the archive from the run's start left stdout empty, where a run stopped after some
    batches prints "stopped": "failed" and the error, as the README says of both. Now the same
    object, with nothing written. Near miss: a file that is no archive says so on standard error
    alone."""
    from ingest import store

    monkeypatch.setattr(store, "BUSY_TIMEOUT_MS", 200)
    (tmp_path / "a.txt").write_text("A headline\n\n" + ARTICLE_TEXT)
    ingest_json(tmp_path / "a.txt", "--db", db_path)
    (tmp_path / "b.txt").write_text("Another headline\n\nA second story. " + ARTICLE_TEXT)
    other = sqlite3.connect(db_path)
    other.execute("BEGIN IMMEDIATE")  # another writer holds the archive
    result = run_cli("ingest", tmp_path / "b.txt", "--db", db_path, *(["--json"] if as_json else []))
    other.rollback()
    other.close()
    assert result.exit_code == 1
    assert "stayed locked by another writer" in result.stderr and "kept" in result.stderr
    assert rows(db_path, "SELECT count(*) AS n FROM articles")[0]["n"] == 1  # the first run's, kept
    if not as_json:
        assert result.stdout == ""
        return
    summary = json.loads(result.stdout)
    assert (summary["seen"], summary["stored"], summary["stopped"]) == (0, 0, "failed")
    assert "stayed locked" in summary["error"]
    assert summary["seconds"] >= 0.2  # fail before: 0.0, where it waited out the lock (200 ms here)
    (tmp_path / "not.db").write_text("a note, not an archive")
    result = run_cli("ingest", tmp_path / "b.txt", "--db", tmp_path / "not.db", "--json")
    assert result.exit_code == 1 and result.stdout == "" and "not a news archive" in result.stderr


def _four_stories_stopped_after_two_batches(folder, monkeypatch, stop) -> list[int]:
    """Four stories in folder, written one a batch, and `stop` raised at the third batch's
    writing (a full disk, Ctrl+C): the batches' sizes, as the writer was asked them."""
    from ingest import pipeline
    from ingest.store import Archive

    monkeypatch.setattr(pipeline, "BATCH_SIZE", 1)
    monkeypatch.setattr(pipeline, "EARLY_BATCH", 1)
    for n in range(4):
        (folder / f"s{n}.txt").write_text(f"Story {n}\n\n{ARTICLE_TEXT} Number {n}.")
    real_write, calls = Archive.write_batch, []

    def write_until_stopped(self, run_id, batch):
        calls.append(len(batch))
        if len(calls) > 2:
            raise stop
        return real_write(self, run_id, batch)

    monkeypatch.setattr(Archive, "write_batch", write_until_stopped)
    return calls


@pytest.mark.parametrize("as_json", [True, False])
def test_a_run_the_archive_stops_midway_still_prints_its_json(tmp_path, db_path, monkeypatch, as_json):
    """The disk filled after some batches: --json printed nothing at all (a script's json.loads
    failed on an empty stdout), though those batches were kept. Now the object of what was
    written, "stopped": "failed" and the error; the text run (near miss) keeps its one message."""
    calls = _four_stories_stopped_after_two_batches(tmp_path, monkeypatch, sqlite3.OperationalError("database or disk is full"))
    result = run_cli("ingest", tmp_path, "--db", db_path, "--workers", "1", *(["--json"] if as_json else []))
    assert result.exit_code == 1
    assert "disk is full" in result.stderr and "kept" in result.stderr
    stored = rows(db_path, "SELECT count(*) AS n FROM articles")[0]["n"]
    assert stored == sum(calls[:2])
    if as_json:
        summary = json.loads(result.stdout)
        assert (summary["stored"], summary["stopped"]) == (stored, "failed")
        assert "disk is full" in summary["error"]
    else:
        assert result.stdout == ""


@pytest.mark.parametrize("first, then, shell_folder", [
    # fails before: cron read the linked folder by its name, then '.' typed inside it (the shell
    # there says /.../clippings) was the physical folder: every story one more "duplicate" place
    ("clippings", ".", "clippings"),
    ("clippings", "a.txt", "clippings"),
    # near misses: a $PWD that names another folder is not believed, and the folder's own path
    ("real", ".", "elsewhere"),
    ("real", ".", "real"),
])
def test_a_folder_reached_through_a_link_is_the_same_files_typed_from_inside_it(
        tmp_path, db_path, monkeypatch, first, then, shell_folder):
    (tmp_path / "real").mkdir()
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "clippings").symlink_to(tmp_path / "real")
    (tmp_path / "real" / "a.txt").write_text("A headline\n\n" + ARTICLE_TEXT)
    code, summary = ingest_json(tmp_path / first, "--db", db_path)
    assert summary["stored"] == 1
    monkeypatch.chdir(tmp_path / "clippings")
    monkeypatch.setenv("PWD", str(tmp_path / shell_folder))
    code, summary = ingest_json(then, "--db", db_path)
    assert (code, summary["unchanged"], summary["duplicate"]) == (0, 1, 0), summary
    assert rows(db_path, "SELECT count(*) AS n FROM sources")[0]["n"] == 1


@pytest.mark.parametrize("stop", [KeyboardInterrupt, sqlite3.OperationalError("database or disk is full")])
def test_a_stopped_run_says_what_it_kept(tmp_path, db_path, monkeypatch, stop):
    """Ctrl+C (or a full disk) midway: the run said "Every batch already written is kept" and no
    more, so the user could not tell whether 2 or 2,000 stories were in. Now the counts kept too."""
    _four_stories_stopped_after_two_batches(tmp_path, monkeypatch, stop)
    result = run_cli("ingest", tmp_path, "--db", db_path, "--workers", "1")
    assert result.exit_code == (130 if stop is KeyboardInterrupt else 1)
    assert "kept: 2 new, 0 duplicate, 0 unchanged, 0 failed" in result.stderr, result.stderr


def test_one_batch_writes_duplicates_failures_and_copies_with_the_ids_sqlite_would_give(db_path):
    """The writer gathers a batch's rows and writes each table in one statement: a text seen
    twice in one batch is one article, ids follow the largest stored one (even after the newest
    article was deleted by hand), and every source points at the right article."""
    from ingest.record import Article, Outcome, Source
    from ingest.store import Archive, open_database

    archive = Archive(open_database(db_path))
    run_id = archive.start_run(["test"])

    def outcome(name, body=None, error=None):
        article = None if body is None else Article(
            title=name, body=body, authors=["Ada Quill", "Ben Ortiz"], content_hash=body[:1] * 64)
        return Outcome(Source(f"{name}.txt", b"", name[:1] * 64, "text", 1), article, error=error)

    first = archive.write_batch(run_id, [outcome("a", "alpha"), outcome("b", "beta")])
    assert [(w.status, w.article_id) for w in first] == [("stored", 1), ("stored", 2)]
    archive.conn.execute("DELETE FROM article_authors WHERE article_id = 2")
    archive.conn.execute("DELETE FROM sources WHERE article_id = 2")
    archive.conn.execute("DELETE FROM articles WHERE id = 2")
    archive.conn.commit()
    written = archive.write_batch(run_id, [
        outcome("c", "gamma"), outcome("d", "gamma"), outcome("e", "alpha"),
        outcome("f", error="no article text found"),
        ("copy", Source("g.txt", b"", "g" * 64, "text", 1), {"article_id": 1, "outlet_id": None, "url": None,
                                                             "title": "a", "published": None}),
    ])
    assert [(w.status, w.article_id) for w in written] == [
        ("stored", 2), ("duplicate", 2), ("duplicate", 1), ("failed", None), ("duplicate", 1)]
    assert rows(db_path, "SELECT location, status, article_id FROM sources ORDER BY location") == [
        {"location": "a.txt", "status": "stored", "article_id": 1},
        {"location": "c.txt", "status": "stored", "article_id": 2},
        {"location": "d.txt", "status": "duplicate", "article_id": 2},
        {"location": "e.txt", "status": "duplicate", "article_id": 1},
        {"location": "f.txt", "status": "failed", "article_id": None},
        {"location": "g.txt", "status": "duplicate", "article_id": 1},
    ]
    assert rows(db_path, "SELECT article_id, position FROM article_authors ORDER BY article_id, position") == [
        {"article_id": 1, "position": 1}, {"article_id": 1, "position": 2},
        {"article_id": 2, "position": 1}, {"article_id": 2, "position": 2}]
    # The full-text index follows the ids given.
    assert rows(db_path, "SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'gamma'") == [{"rowid": 2}]
    assert rows(db_path, "SELECT stored, duplicate, failed FROM ingest_runs") == [
        {"stored": 3, "duplicate": 3, "failed": 1}]


def _ferry_records(tmp_path, count: int):
    """A JSON Lines file of `count` different stories."""
    records = tmp_path / "wire.jsonl"
    records.write_text("".join(
        json.dumps({"title": f"Ferry timetable {n}", "body": f"Story number {n}: {ARTICLE_TEXT}"}) + "\n"
        for n in range(count)))
    return records


def _batch_sizes(monkeypatch) -> list[int]:
    """The sizes of the non-empty batches the writer writes, in order, as the run goes."""
    from ingest import store

    sizes = []
    write_batch = store.Archive.write_batch

    def counting(self, run_id, items):
        if items:
            sizes.append(len(items))
        return write_batch(self, run_id, items)

    monkeypatch.setattr(store.Archive, "write_batch", counting)
    return sizes


@pytest.mark.parametrize("seconds, slow_batch, batches", [(3600, 500, [4]), (0, 500, [1, 1, 1, 1]), (0, 1, [4])])
def test_a_batch_is_written_once_it_has_waited_batch_seconds(tmp_path, db_path, monkeypatch, seconds,
                                                             slow_batch, batches):
    """A run too small to fill a batch still writes as it goes (overlapping extraction), not
    all at the end; with time to spare, the batch stays whole. Inputs arriving faster than
    SLOW_BATCH a wait keep their batch whole however long it takes (the writer is their
    bottleneck, and whole batches cost it least)."""
    from ingest import pipeline

    sizes = _batch_sizes(monkeypatch)
    monkeypatch.setattr(pipeline, "BATCH_SECONDS", seconds)
    monkeypatch.setattr(pipeline, "SLOW_BATCH", slow_batch)
    summary = pipeline.run_ingest([str(_ferry_records(tmp_path, 4))], str(db_path), workers=1)
    assert summary.stored == 4
    assert sizes == batches
    assert rows(db_path, "SELECT count(*) AS n FROM articles") == [{"n": 4}]


def _workers_behind_after_every_third(monkeypatch):
    """The writer finds the workers behind (WAITING) after every third outcome."""
    from ingest import pipeline

    real = pipeline._ordered_parallel

    def workers_behind_after_every_third(chunks, now, workers, niceness=None):
        for number, outcome in enumerate(real(chunks, now, 1), start=1):
            yield outcome
            if number % 3 == 0:
                yield pipeline.WAITING

    monkeypatch.setattr(pipeline, "_ordered_parallel", workers_behind_after_every_third)


def test_the_writer_writes_what_it_holds_while_the_workers_are_behind(tmp_path, db_path, monkeypatch):
    """When the next outcome is not ready, a batch of at least EARLY_BATCH is written at once
    instead of waiting for the batch to fill; fewer are kept until there are more."""
    from ingest import pipeline

    sizes = _batch_sizes(monkeypatch)
    _workers_behind_after_every_third(monkeypatch)
    monkeypatch.setattr(pipeline, "EARLY_BATCH", 5)
    monkeypatch.setattr(pipeline, "BATCH_SECONDS", 3600)
    summary = pipeline.run_ingest([str(_ferry_records(tmp_path, 14))], str(db_path), workers=1)
    assert summary.stored == 14
    # Waits after 3 (too few), 6 (written), 9 (3: too few), 12 (written), then the rest at the end.
    assert sizes == [6, 6, 2]
    assert rows(db_path, "SELECT count(*) AS n FROM articles") == [{"n": 14}]


@pytest.mark.parametrize("chunk_size, batches", [
    # Read a record at a time: early writes within the first BATCH_SIZE (6) outcomes only; past
    # them the writer waits for whole batches, as the workers are the slower stage.
    (1, [3, 6, 5]),
    # Everything read at once: past the first 6, the writer waits for a whole batch while more
    # than a batch is still with the workers (8 after the 6th), and writes early once less is
    # (2 after the 12th), the end of the run, while the workers finish.
    (64, [3, 6, 3, 2]),
])
def test_the_writer_writes_early_only_at_the_start_and_the_end(tmp_path, db_path, monkeypatch, chunk_size,
                                                               batches):
    """Mid-run, a writer that waits for the workers keeps its batch whole: small batches there
    cost it a commit each, CPU the slower workers wanted."""
    from ingest import pipeline

    sizes = _batch_sizes(monkeypatch)
    _workers_behind_after_every_third(monkeypatch)
    monkeypatch.setattr(pipeline, "EARLY_BATCH", 2)
    monkeypatch.setattr(pipeline, "BATCH_SIZE", 6)
    monkeypatch.setattr(pipeline, "CHUNK_SIZE", chunk_size)
    monkeypatch.setattr(pipeline, "FIRST_CHUNK", chunk_size)  # (every task that size from the first)
    monkeypatch.setattr(pipeline, "BATCH_SECONDS", 3600)
    summary = pipeline.run_ingest([str(_ferry_records(tmp_path, 14))], str(db_path), workers=1)
    assert summary.stored == 14
    assert sizes == batches
    assert rows(db_path, "SELECT count(*) AS n FROM articles") == [{"n": 14}]


def test_a_batch_the_workers_fell_behind_on_mid_run_is_written_once_it_has_waited(tmp_path, db_path, monkeypatch):
    """Mid-run, a writer that waits for the workers keeps its batch whole only while its
    outcomes come at least as fast as a slow input's (SLOW_BATCH a BATCH_SECONDS). Records
    followed by slow HTML pages left the records' last part in a batch that then filled at the
    pages' pace: 96 s with nothing written (7,000 records then 6,000 pages of 30 KB, 2 workers),
    no progress shown, and a SIGTERM at 30 s kept 4,800 sources where 7,935 were kept before."""
    from ingest import pipeline

    sizes = _batch_sizes(monkeypatch)
    real = pipeline._ordered_parallel
    clock = [0.0]

    class FakeTime:
        monotonic = staticmethod(lambda: clock[0])

        def __getattr__(self, name):
            return getattr(time, name)

    def fast_then_slow(chunks, now, workers, niceness=None):
        for number, outcome in enumerate(real(chunks, now, 1), start=1):
            if number > 16:  # the slow part: each outcome 5 s after the last, the writer waiting
                clock[0] += 5
                yield pipeline.WAITING
            yield outcome

    monkeypatch.setattr(pipeline, "time", FakeTime())
    monkeypatch.setattr(pipeline, "_ordered_parallel", fast_then_slow)
    monkeypatch.setattr(pipeline, "BATCH_SIZE", 12)
    monkeypatch.setattr(pipeline, "EARLY_BATCH", 4)
    monkeypatch.setattr(pipeline, "SLOW_BATCH", 4)
    monkeypatch.setattr(pipeline, "BATCH_SECONDS", 2)
    monkeypatch.setattr(pipeline, "CHUNK_SIZE", 1)
    summary = pipeline.run_ingest([str(_ferry_records(tmp_path, 20))], str(db_path), workers=1)
    assert summary.stored == 20
    # 12 whole; the 4 fast ones left over written while the workers are behind on the 17th, 5 s
    # later (not held until the batch fills, at the slow ones' pace); then slow batches by time.
    assert sizes == [12, 4, 2, 2]
    assert rows(db_path, "SELECT count(*) AS n FROM articles") == [{"n": 20}]


@pytest.mark.parametrize("seconds", [
    # near miss: outcomes that keep coming at a slow input's pace or faster (here all at once)
    # keep the batch whole mid-run, however often the writer waits
    3600,
])
def test_a_batch_coming_fast_mid_run_stays_whole_while_the_workers_are_behind(tmp_path, db_path, monkeypatch,
                                                                               seconds):
    from ingest import pipeline

    sizes = _batch_sizes(monkeypatch)
    real = pipeline._ordered_parallel

    def always_behind(chunks, now, workers, niceness=None):
        for outcome in real(chunks, now, 1):
            yield pipeline.WAITING
            yield outcome

    monkeypatch.setattr(pipeline, "_ordered_parallel", always_behind)
    monkeypatch.setattr(pipeline, "BATCH_SIZE", 12)
    monkeypatch.setattr(pipeline, "EARLY_BATCH", 4)
    monkeypatch.setattr(pipeline, "SLOW_BATCH", 4)
    monkeypatch.setattr(pipeline, "BATCH_SECONDS", seconds)
    monkeypatch.setattr(pipeline, "CHUNK_SIZE", 1)
    pipeline.run_ingest([str(_ferry_records(tmp_path, 30))], str(db_path), workers=1)
    assert sizes == [4, 4, 12, 10]  # early within the first 12 outcomes, then whole


def test_ordered_parallel_says_when_it_would_wait_for_a_worker(monkeypatch):
    """WAITING comes before a chunk's outcomes exactly when that chunk is not finished yet."""
    import concurrent.futures
    from datetime import datetime, timezone

    from ingest import pipeline
    from ingest.record import Source

    class Pending:  # a chunk a worker has not finished until someone asks for it
        def __init__(self, fn, args):
            self.fn, self.args, self.value = fn, args, None

        def done(self):
            return self.value is not None

        def result(self, timeout=None):
            if self.value is None:
                self.value = self.fn(*self.args)
            return self.value

    class Executor:
        def __init__(self, max_workers, initializer, initargs):
            self.submitted = []

        def submit(self, fn, *args):
            future = Pending(fn, args)
            if len(self.submitted) % 2 == 0:  # every other chunk is finished at once
                future.result()
            self.submitted.append(future)
            return future

        def shutdown(self, wait, cancel_futures):
            pass

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", Executor)
    monkeypatch.setattr(pipeline, "process_source", lambda source, now: pipeline.Outcome(source))
    sources = [Source(f"s{n}", b"", "", "text", 0) for n in range(4)]
    got = list(pipeline._ordered_parallel(iter([sources[:2], sources[2:3], sources[3:]]), datetime.now(timezone.utc), 2))
    assert [item if item is pipeline.WAITING else item.source.location for item in got] == [
        "s0", "s1", pipeline.WAITING, "s2", "s3"]


@pytest.mark.parametrize("sizes, expected", [
    ([10] * 7, [3, 3, 1]),  # small records: cut by count
    ([400, 700, 10, 10], [2, 2]),  # large pages: cut once the bytes reach the bound
    ([2000, 10, 10, 10], [1, 3]),  # one page over the bound travels alone
    ([], []),
])
def test_tasks_for_the_workers_are_bounded_by_count_and_by_bytes(sizes, expected):
    """A task is one hand-off between processes: many small records share one, while big
    pages go a few at a time so that the workers still share a small folder evenly."""
    from ingest import pipeline
    from ingest.record import Source

    sources = [Source(f"s{n}", b"", "", "text", size) for n, size in enumerate(sizes)]
    chunks = list(pipeline._chunks(sources, 3, 1000))
    assert [len(chunk) for chunk in chunks] == expected
    assert [source for chunk in chunks for source in chunk] == sources


def test_with_a_bar_the_start_is_written_whenever_the_workers_are_behind(tmp_path, db_path, monkeypatch):
    # Until EARLY_BATCH outcomes are written, a writer with a bar to move writes what it holds
    # when it would wait: holding the first 500 (or 2 s) left the bar at 0-1% for 4.5 s after
    # the first task was written (3,000 small texts, load 10).
    from ingest import pipeline

    sizes = _batch_sizes(monkeypatch)
    _workers_behind_after_every_third(monkeypatch)
    monkeypatch.setattr(pipeline, "EARLY_BATCH", 5)
    monkeypatch.setattr(pipeline, "FIRST_CHUNK", 64)  # (no first task written as it comes)
    monkeypatch.setattr(pipeline, "BATCH_SECONDS", 3600)
    summary = pipeline.run_ingest([str(_ferry_records(tmp_path, 14))], str(db_path), workers=1,
                                  on_progress=lambda step: None)
    assert summary.stored == 14
    # 3 written at each wait until 5 are (3, 6), then as without a bar: 6 at the wait after 12
    assert sizes == [3, 3, 6, 2]


def test_the_first_tasks_for_the_workers_are_small():
    # No outcome comes back before a worker's whole task is done, and its first sources wait for
    # it to warm up: with tasks of 64 from the start, 3,000 small texts at load 10 showed the bar
    # at 0% for 9.4 s.
    from ingest import pipeline
    from ingest.record import Source

    sources = [Source(f"s{n}", b"", "", "text", 10) for n in range(140)]
    chunks = list(pipeline._chunks(sources, 64, 10_000))
    assert [len(chunk) for chunk in chunks] == [4, 8, 16, 32, 64, 16]
    assert [source for chunk in chunks for source in chunk] == sources
    # near miss: the bytes bound still cuts a task early, and the next is twice the last size
    assert [len(chunk) for chunk in pipeline._chunks(sources[:30], 64, 35)] == [4, 4, 4, 4, 4, 4, 4, 2]


@pytest.mark.parametrize("shown, first_told", [
    (True, 4),  # the first task's outcomes (FIRST_CHUNK), written as they come
    (False, None),  # near miss: with no bar to move, the batch is kept whole (one commit)
])
def test_a_bar_moves_once_the_first_task_is_written(tmp_path, db_path, monkeypatch, shown, first_told):
    from ingest import pipeline

    sizes = _batch_sizes(monkeypatch)
    monkeypatch.setattr(pipeline, "BATCH_SECONDS", 3600)
    for n in range(40):  # a folder of small texts, each one's bytes told once it is written
        (tmp_path / f"ferry-{n:02}.txt").write_text(f"Ferry timetable {n}\n\nStory number {n}: {ARTICLE_TEXT}")
    written, told_at = [0], []
    pipeline.run_ingest([str(tmp_path)], str(db_path), workers=1,
                        on_progress=(lambda step: told_at.append(written[0])) if shown else None,
                        on_written=lambda outcome: written.__setitem__(0, written[0] + outcome.count))
    assert (told_at[0] if shown else None) == first_told
    assert sizes == ([4, 36] if shown else [40])


@pytest.mark.parametrize("record, field, expected", [
    # a scraper's lists of strings (a Scrapy item): the text fields joined, the others the first
    ({"title": ["Ferry fares rise"]}, "title", "Ferry fares rise"),
    ({"title": ["Ferry fares", "rise again"]}, "title", "Ferry fares rise again"),
    ({"body": ["First paragraph.", " ", "Second paragraph."]}, "body", "First paragraph.\n\nSecond paragraph."),
    ({"url": ["https://example.org/a", "https://example.org/b"]}, "url", "https://example.org/a"),
    ({"outlet": ["The Harbor Ledger"]}, "outlet", "The Harbor Ledger"),
    # Unix times in seconds and in milliseconds
    ({"published": 1700000000}, "published", "2023-11-14T22:13:20+00:00"),
    ({"updated": 1700000000123}, "updated", "2023-11-14T22:13:20+00:00"),
    # near-misses: a number too small or too large to be a time, a flag, a plain string
    ({"published": 20240}, "published", None),
    # a year alone is no Unix time: kept as written, for normalise to drop saying why
    ({"published": 2024}, "published", "2024"),
    ({"published": 10 ** 15}, "published", None),
    ({"title": "Ferry fares rise"}, "title", "Ferry fares rise"),
    ({"title": [1, 2]}, "title", None),
])
def test_a_record_field_given_as_a_list_or_a_unix_time_is_read(record, field, expected):
    from ingest.extract_record import extract_record

    article = extract_record(json.dumps({"body": ARTICLE_TEXT, **record}).encode())
    assert getattr(article, field) == expected


@pytest.mark.parametrize("record, field, expected", [
    # fail before: a CMS's rich fields, WordPress's REST API ({"rendered": ...}) and Drupal's
    # JSON:API ({"value": ..., "format": ...}), and a rendered title's entities and inline tags
    ({"title": {"rendered": "Ferry fares rise"}}, "title", "Ferry fares rise"),
    ({"body": None, "content": {"rendered": "<p>Ferry fares rose today.</p>", "protected": False}},
     "body", "Ferry fares rose today."),
    ({"body": {"value": "<p>Ferry fares rose today.</p>", "format": "full_html"}}, "body", "Ferry fares rose today."),
    ({"title": {"rendered": "Ferry fares rise &#8211; <em>again</em>"}}, "title", "Ferry fares rise – again"),
    ({"title": "Ferry fares rise &#8211; again &amp; again"}, "title", "Ferry fares rise – again & again"),
    ({"excerpt": {"rendered": "<p>Fares rise &amp; crossings fall.</p>"}}, "description", "Fares rise & crossings fall."),
    # near misses, as before: "&" and "<" that are no entity or tag, an object with no text in it
    ({"title": "AT&T profits < costs as fares rise"}, "title", "AT&T profits < costs as fares rise"),
    ({"title": "A <b>bold</b> fare rise"}, "title", "A <b>bold</b> fare rise"),  # one tag in a plain field
    ({"title": {"id": 3}}, "title", None),
    ({"published": {"date": "2024-03-04"}}, "published", None),
])
def test_a_cms_exports_rich_fields_are_read(record, field, expected):
    from ingest.extract_record import extract_record

    article = extract_record(json.dumps({"body": ARTICLE_TEXT, **record}).encode())
    assert getattr(article, field) == expected


def test_a_nul_in_a_record_is_dropped_before_storing(tmp_path, db_path):
    """A NUL (a broken export's) was stored and cut the search snippet at it (found by audit13)."""
    records = tmp_path / "wire.jsonl"
    records.write_text(json.dumps({"title": "Ferry\u0000 fares rise", "authors": ["Ann\u0000 Lee"],
                                   "body": "Ferry\u0000 fares rose today. " + ARTICLE_TEXT}) + "\n")
    from ingest.pipeline import run_ingest

    run_ingest([str(records)], str(db_path), workers=1)
    assert rows(db_path, "SELECT title, instr(body, char(0)) AS nul, authors FROM articles") == [
        {"title": "Ferry fares rise", "nul": 0, "authors": '["Ann Lee"]'}]


def _ingest_in_runs(tmp_path, db_path, records: list[dict], one_run: bool) -> None:
    """The records ingested as one JSON Lines file, or one file a run, in their order."""
    files = [tmp_path / "all.jsonl"] if one_run else [tmp_path / f"{step}.jsonl" for step in range(len(records))]
    for path, part in zip(files, [records] if one_run else [[record] for record in records]):
        path.write_text("".join(json.dumps(record) + "\n" for record in part), encoding="utf-8")
        assert ingest_json(path, "--db", db_path)[0] == 0


@pytest.mark.parametrize("one_run", [False, True])
def test_an_outlet_known_by_its_domain_takes_the_name_of_the_same_key(tmp_path, db_path, one_run):
    """Fails before: "harborledger.example" and "The Harbor Ledger" have one key, so the page
    naming the outlet found the domain's row by key, not by domain, and the rule that a name
    beats a bare domain was never asked: every article stayed listed under the domain. Near
    miss: a later page giving the domain alone keeps the name."""
    records = [{"title": f"Ferry story {step}", "body": f"{ARTICLE_TEXT} Part {step}.",
                "url": f"https://harborledger.example/ferry-{step}", **({"outlet": outlet} if outlet else {})}
               for step, outlet in enumerate([None, "The Harbor Ledger", None])]
    _ingest_in_runs(tmp_path, db_path, records, one_run)
    assert rows(db_path, "SELECT name, domain FROM outlets") == [
        {"name": "The Harbor Ledger", "domain": "harborledger.example"}]
    assert [row["outlet_id"] for row in rows(db_path, "SELECT outlet_id FROM articles ORDER BY id")] == [1, 1, 1]


@pytest.mark.parametrize("one_run", [False, True])
def test_an_outlet_known_by_its_domain_keeps_it_when_another_site_names_its_key(tmp_path, db_path, one_run):
    """Fails before: "ferrygazette.example" and a page of "gazetteferry.other" naming "The
    Ferry Gazette" share a key, and the outlet stored under the first domain was renamed after
    the other site, its articles listed under a name it never gave. A rename asks the same
    domain; a different one is kept as it was before the rename rule."""
    records = [{"title": "Ferry story one", "body": ARTICLE_TEXT, "url": "https://ferrygazette.example/one"},
               {"title": "Ferry story two", "body": f"{ARTICLE_TEXT} Part two.",
                "url": "https://gazetteferry.other/two", "outlet": "The Ferry Gazette"}]
    _ingest_in_runs(tmp_path, db_path, records, one_run)
    assert rows(db_path, "SELECT name, domain FROM outlets") == [
        {"name": "ferrygazette.example", "domain": "ferrygazette.example"}]
    assert rows(db_path, "SELECT outlets.name FROM articles JOIN outlets ON outlets.id = outlet_id "
                         "WHERE title = 'Ferry story one'") == [{"name": "ferrygazette.example"}]


def test_an_outlet_first_known_by_its_domain_keeps_one_row_once_named(tmp_path, db_path):
    """A page giving only its domain makes an outlet named by the domain; a later page of that
    domain naming it renames the row. Runs after that, by name or by domain, find that one row
    (before, the next run filed the named page under a second outlet of the same name)."""
    for step, outlet in enumerate([None, "The Harbor Ledger Weekly", "The Harbor Ledger Weekly", None]):
        record = {"title": f"Ferry story {step}", "body": f"{ARTICLE_TEXT} Part {step}.",
                  "url": f"https://harborledger.example/ferry-{step}"}
        if outlet:
            record["outlet"] = outlet
        path = tmp_path / f"{step}.jsonl"
        path.write_text(json.dumps(record) + "\n", encoding="utf-8")
        code, summary = ingest_json(path, "--db", db_path)  # each its own run
        assert code == 0 and summary["stored"] == 1
    assert rows(db_path, "SELECT name, domain FROM outlets") == [
        {"name": "The Harbor Ledger Weekly", "domain": "harborledger.example"}]
    assert [row["outlet_id"] for row in rows(db_path, "SELECT outlet_id FROM articles ORDER BY id")] == [1, 1, 1, 1]


@pytest.mark.parametrize("batch_size", [10_000, 100])  # 100: a near miss, most batches committed before the last
def test_progress_reaches_the_end_only_once_the_last_batch_is_committed(tmp_path, db_path, monkeypatch, batch_size):
    # The last batch is committed with the run's end and told after it; its bytes were counted
    # before, so the bar said 100% with that batch still to commit (a full suite under load met
    # it as 1% ahead; here the whole run is the last batch).
    from ingest import pipeline

    monkeypatch.setattr(pipeline, "BATCH_SIZE", batch_size)
    monkeypatch.setattr(pipeline, "EARLY_BATCH", batch_size)  # (no early write while the workers start)
    monkeypatch.setattr(pipeline, "PROGRESS_BYTES", 2000)
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps({"title": f"Story {n}", "body": f"Story number {n}. " + ARTICLE_TEXT}) + "\n"
                            for n in range(300)))
    written, told_at = [0], []
    pipeline.run_ingest([str(feed)], str(db_path), workers=1, on_progress=lambda step: told_at.append(written[0]),
                        on_written=lambda outcome: written.__setitem__(0, written[0] + outcome.count))
    assert told_at and told_at[-1] == 300, told_at[-5:]


@pytest.mark.parametrize("workers", [2, 1])  # 1: a near-miss, read only a chunk ahead before
def test_progress_counts_what_is_written_not_what_is_read_ahead(tmp_path, db_path, monkeypatch, workers):
    # The bar reached 100% (its time left "00:00:01") with a third of a 41,500-input run still
    # to extract and write: progress was counted as inputs were read, and reading runs up to
    # IN_FLIGHT_SOURCES ahead of the workers and a batch ahead of the writer.
    from ingest import pipeline

    monkeypatch.setattr(pipeline, "BATCH_SIZE", 100)
    monkeypatch.setattr(pipeline, "IN_FLIGHT_SOURCES", 1000)
    monkeypatch.setattr(pipeline, "PROGRESS_BYTES", 2000)
    feed = tmp_path / "feed.jsonl"
    lines = [json.dumps({"title": f"Story {n}", "body": f"Story number {n}. " + ARTICLE_TEXT}) + "\n"
             for n in range(3000)]
    feed.write_text("".join(lines))
    size, written, progress, leads = feed.stat().st_size, [0], [0], []

    def on_step(step):
        progress[0] += step
        leads.append(progress[0] / size - written[0] / len(lines))

    def on_written(outcome):
        written[0] += outcome.count

    pipeline.run_ingest([str(feed)], str(db_path), workers=workers, on_progress=on_step, on_written=on_written)
    assert progress[0] == size and written[0] == len(lines)
    assert max(leads) <= 0, f"progress ran {max(leads):.0%} ahead of what was written"


@pytest.mark.parametrize("refusal, said", [
    (PermissionError(13, "Permission denied"), "cannot read"),  # the file is there, not its folder's x bit
    (FileNotFoundError(2, "No such file or directory"), "does not exist"),  # near-miss: truly missing
])
def test_parse_tells_a_file_it_may_not_look_up_from_a_missing_one(tmp_path, monkeypatch, refusal, said):
    # click said "File '.../story.txt' does not exist" of a file in a folder without search
    # permission: the user, who can see it with ls as another user, looked for a typo.
    page = tmp_path / "story.txt"
    page.write_text("Ferry fares rise at Port Vale\n\n" + ARTICLE_TEXT)
    real_stat = os.stat

    def stat(path, *args, **kwargs):
        if os.fspath(path) == str(page):
            raise type(refusal)(refusal.errno, refusal.strerror, os.fspath(path))
        return real_stat(path, *args, **kwargs)

    monkeypatch.setattr(os, "stat", stat)
    result = run_cli("parse", page)
    assert result.exit_code == 2 and said in result.output
    if said == "cannot read":
        assert refusal.strerror in result.output and "does not exist" not in result.output


def _ingest_on_a_terminal(*arguments) -> str:
    """What `news-archive ingest` writes to standard error when that is a terminal (where the
    progress bar is shown), as the terminal receives it."""
    import pty

    main, terminal = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "ingest", "ingest", *map(str, arguments)],
                               stdout=subprocess.DEVNULL, stderr=terminal, stdin=subprocess.DEVNULL)
    os.close(terminal)
    received = b""
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:  # the other end closed (EIO on Linux)
            break
        if not chunk:
            break
        received += chunk
    process.wait(timeout=60)
    os.close(main)
    return received.decode()


@pytest.mark.parametrize("bad", [True, False])  # False: a near-miss, no failure to print
def test_a_failure_is_printed_on_a_line_of_its_own_under_the_progress_bar(tmp_path, db_path, bad):
    # On a terminal the first failure was printed after the bar, on its line:
    # "Ingesting  [----]    0%failed: .../binary.html: binary file: ..."
    (tmp_path / "in").mkdir()
    for n in range(3):
        (tmp_path / "in" / f"story{n}.txt").write_text(f"Story {n} headline\n\nStory {n}. " + ARTICLE_TEXT)
    if bad:
        (tmp_path / "in" / "empty.txt").write_text("")
    shown = _ingest_on_a_terminal(tmp_path / "in", "--db", db_path, "--workers", "1")
    assert "Ingesting" in shown and "100%" in shown
    # (the terminal turns each \n into \r\n; the bar redraws itself after a \r)
    lines = [line.rstrip("\r").rsplit("\r", 1)[-1].replace("\x1b[K", "") for line in shown.split("\n")]
    failures = [line for line in lines if "failed: " in line]
    assert failures == ([f"failed: {tmp_path / 'in' / 'empty.txt'}: empty file"] if bad else []), shown


@pytest.mark.parametrize("records, shown", [
    (700, True),  # fails before: a 1.2 MB export, seconds of work, ran with nothing on the screen
    (2, False),  # near miss: a small file is over before a bar could say anything
])
def test_one_large_file_shows_the_progress_bar(tmp_path, db_path, records, shown):
    export = tmp_path / "export.jsonl"
    export.write_text("".join(json.dumps({"title": f"Story {n}", "body": f"Story {n}. " + ARTICLE_TEXT * 5})
                              + "\n" for n in range(records)))
    assert (export.stat().st_size > 1_000_000) == shown and export.stat().st_size < 2_000_000
    said = _ingest_on_a_terminal(export, "--db", db_path, "--workers", "1")
    assert ("Ingesting" in said) == shown, said


@pytest.mark.parametrize("workers", ["1", "2"])  # extracted in this process, or by a worker
def test_one_large_text_shows_what_it_is_going_through(tmp_path, db_path, workers):
    """A text is one input, its bytes counted once it is written: a 20 MB one left the bar at
    0% for the 20-40 s of its extraction, with nothing else on the screen. Fails before: no
    stage was shown."""
    story = tmp_path / "big story.txt"
    paragraphs = [f"Paragraph {n} of the council's long report on the harbor fees and the ferry. "
                  + ARTICLE_TEXT for n in range(3000)]
    story.write_text("Harbor report runs long\n\n" + "\n\n".join(paragraphs))
    assert 1_000_000 < story.stat().st_size < 2_000_000
    said = _ingest_on_a_terminal(story, "--db", db_path, "--workers", workers)
    assert f"extracting big story.txt ({story.stat().st_size / 1e6:.1f} MB)" in said, said
    # and its bytes are counted once it is written (they were as it was read: 100% before the work)
    assert said.index("writing big story.txt") < said.index("100%"), said


def test_a_large_text_behind_small_ones_is_said_extracting_once_they_are_back_and_said_once(
        tmp_path, db_path, monkeypatch):
    """Fails before: "extracting zbig.txt" was told as it was sent, while the forty small texts
    before it were still to extract; and each early write of them cleared it, told again at
    0 s (it flickered). Now: nothing while it waits; "extracting" once those before it are
    back; "writing" until its batch commits; then nothing."""
    from ingest import pipeline

    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(40):
        (folder / f"s{n:03}.txt").write_text(f"Harbor note {n}\n\nNote {n}. {ARTICLE_TEXT}\n")
    paragraphs = [f"Paragraph {n} of the council's long report on the harbor fees and the ferry. "
                  + ARTICLE_TEXT for n in range(3000)]
    (folder / "zbig.txt").write_text("Harbor report runs long\n\n" + "\n\n".join(paragraphs))
    extracted, told = [], []
    process_source = pipeline.process_source

    def counted(source, now):
        extracted.append(source.location)
        return process_source(source, now)

    monkeypatch.setattr(pipeline, "process_source", counted)
    pipeline.run_ingest([str(folder)], db_path, workers=1, on_progress=lambda step: None,
                        on_stage=lambda stage: told.append((stage, len(extracted))))
    stages = [stage for n, (stage, _) in enumerate(told) if n == 0 or told[n - 1][0] != stage]
    size = (folder / "zbig.txt").stat().st_size / 1e6
    assert stages == [f"extracting zbig.txt ({size:.1f} MB)", "writing zbig.txt", None], told
    assert next(done for stage, done in told if stage.startswith("extracting")) == 40, told


def test_a_stage_is_shown_with_its_seconds_then_the_time_left_again():
    from ingest.cli import progress_bar, show_stage

    now = [0.0]
    shown = _Terminal()
    bar, advance = progress_bar(1000, "Ingesting", file=shown, clock=lambda: now[0])
    with bar:
        show_stage(bar, "extracting big.txt (20.0 MB)")
        now[0] = 12.4
        show_stage(bar, "extracting big.txt (20.0 MB)")  # the same stage: its seconds go on
        assert shown.getvalue().rsplit("\r", 1)[-1].rstrip().endswith("0%  extracting big.txt (20.0 MB): 12 s")
        show_stage(bar, "writing big.txt")  # another: counted from now
        assert shown.getvalue().rsplit("\r", 1)[-1].rstrip().endswith("writing big.txt: 0 s")
        show_stage(bar, None)
        advance(1000)
    assert "big.txt" not in shown.getvalue().rsplit("\r", 1)[-1]


@pytest.mark.parametrize("columns, stage, shown", [
    # fail before: the stage was shown whole, and a long file name made the bar's line longer
    # than the terminal (which wraps it, a new line at each redraw)
    (80, "extracting 2026-03-harbor-board-annual-report-and-accounts-final-draft.txt (20.0 MB)",
     "extracting 2026-03-har…-draft.txt (20.0 MB): 3 s"),
    (80, "writing 2026-03-harbor-board-annual-report-and-accounts-final-draft.txt",
     "writing 2026-03-harbor-bo…s-final-draft.txt: 3 s"),
    # near misses, shown whole: a short name (the bar narrowed for it); a wide terminal
    (80, "extracting big.txt (20.0 MB)", "extracting big.txt (20.0 MB): 3 s"),
    (200, "writing 2026-03-harbor-board-annual-report-and-accounts-final-draft.txt",
     "writing 2026-03-harbor-board-annual-report-and-accounts-final-draft.txt: 3 s"),
])
def test_a_stage_fits_the_terminal_its_file_name_shortened_in_the_middle(monkeypatch, columns, stage, shown):
    import os

    from ingest.cli import progress_bar, show_stage

    monkeypatch.setattr("shutil.get_terminal_size", lambda *args: os.terminal_size((columns, 24)))
    now = [0.0]
    screen = _Terminal()
    bar, _ = progress_bar(1000, "Ingesting", file=screen, clock=lambda: now[0])
    with bar:
        show_stage(bar, stage)
        now[0] = 3.0
        show_stage(bar, stage)
        line = screen.getvalue().rsplit("\r", 1)[-1].rstrip().removeprefix("\x1b[?25l")
    assert line.endswith("0%  " + shown), line
    assert len(line) <= columns - 1, line


_DIV_MARKDOWN = ('<div class="article-header">\n\n# Ferry fares rise at Port Vale\n\n<div class="byline">\n\n'
                 'By Ann Lee\n\n</div>\n\n</div>\n\n' + ARTICLE_TEXT)


@pytest.mark.parametrize("name, data, kind, title", [
    # fail before: Markdown that opens with an HTML block (Pandoc's GitHub Markdown of a page
    # keeps its <div>s) was read as a page, and its "# " headline was lost
    ("story.md", _DIV_MARKDOWN, "markdown", "Ferry fares rise at Port Vale"),
    # near misses, read as before: a whole page saved as .md; the same text saved as .txt
    ("page.md", "<html><body><article><h1>Ferry fares rise at Port Vale</h1><p>" + ARTICLE_TEXT
     + "</p></article></body></html>", "html", "Ferry fares rise at Port Vale"),
    ("story.txt", _DIV_MARKDOWN, "html", None),
])
def test_markdown_that_opens_with_an_html_block_is_markdown(tmp_path, name, data, kind, title):
    (tmp_path / name).write_text(data)
    result = json.loads(run_cli("parse", tmp_path / name, "--json").stdout)
    assert (result["format"], result["title"]) == (kind, title)


class _Terminal(io.StringIO):
    def isatty(self):
        return True


def test_the_time_left_is_the_pace_since_the_first_step_not_the_start_up():
    """A run whose workers took 3 s to start, then wrote 10% a second, has 7 s left at 30%.
    Click's own estimate (seven one-second samples of elapsed time over the share done, the
    start-up's among them) showed minutes there: a 9-second ingest said 27 minutes at its start."""
    from ingest.cli import progress_bar

    now = [0.0]
    shown = _Terminal()
    bar, advance = progress_bar(1000, "Ingesting", file=shown, clock=lambda: now[0])
    with bar:
        now[0] = 3.0
        advance(100)  # the first batch written, after the start-up
        assert "Ingesting" in shown.getvalue() and ":" not in shown.getvalue().rsplit("%", 1)[-1]
        for _ in range(2):
            now[0] += 1
            advance(100)
        line = shown.getvalue().rsplit("\r", 1)[-1]
        assert "30%" in line and line.rstrip().endswith("00:00:07"), line
        now[0] += 7
        advance(700)
    assert "00:00:00" not in shown.getvalue()  # a finished bar shows no time left


@pytest.mark.parametrize("steps, shown", [
    ([], None),                      # nothing written yet: no pace, no estimate
    ([(0, 10)], None),               # one step: no pace yet
    ([(0, 10), (0.5, 20)], None),    # under a second of steps: too soon to tell
    ([(0, 10), (2, 30)], "00:00:07"),  # 20 in 2 s, 70 to go
    ([(0, 10), (10, 100)], None),    # done
    ([(0, 10), (3600, 11)], "89:00:00"),  # one an hour, 89 to go: hours past 24 stay hours
])
def test_time_left_rows(steps, shown):
    from ingest.cli import TimeLeft

    now = [0.0]
    time_left = TimeLeft(100, clock=lambda: now[0])
    for at, done in steps:
        now[0] = at
        time_left.step(done - time_left.done)
    assert time_left() == shown


@pytest.mark.parametrize("arguments", [[""], ["", "story.txt"], ["story.txt", ""]])
def test_an_empty_path_is_refused_not_read_as_the_current_folder(tmp_path, db_path, monkeypatch, arguments):
    """`news-archive ingest "$CLIPPINGS"` with the variable unset passes '': read as the current
    folder, it ingested everything under it (a home folder: every stray text and page). Refused
    as a usage error before anything is read; the near miss, ".", is the current folder."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "story.txt").write_text("Ferry fares rise at Port Vale\n\n" + ARTICLE_TEXT)
    (tmp_path / "other.txt").write_text("Harbor wall repaired\n\nA second story. " + ARTICLE_TEXT)
    result = run_cli("ingest", *arguments, "--db", db_path)
    assert result.exit_code == 2 and "empty path" in result.stderr
    assert not os.path.exists(db_path)
    code, summary = ingest_json(".", "--db", db_path)
    assert (code, summary["stored"]) == (0, 2)


@pytest.mark.parametrize("command", [["ingest", "story.txt"], ["search", "ferry"], ["stats"], ["optimize"],
                                     ["reparse"], ["serve", "--port", "0"]])
def test_an_empty_archive_name_is_refused(tmp_path, monkeypatch, command):
    """--db '' (`--db "$ARCHIVE"` with the variable unset): SQLite opens '' as a temporary
    database, deleted when closed. An ingest said "1 new ... -> " and kept nothing, a search said
    "No articles match.", serve failed with "disk I/O error". Now a usage error, nothing done."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "story.txt").write_text("Ferry fares rise at Port Vale\n\n" + ARTICLE_TEXT)
    result = run_cli(*command, "--db", "")
    assert result.exit_code == 2 and "empty file name" in result.stderr, result.output
    assert os.listdir(tmp_path) == ["story.txt"]


_AD = "<html><body><div>Subscribe now and read every story for one euro in the first month, cancel at any time with no risk and no hidden costs at all.</div></body></html>"


@pytest.mark.parametrize("folder, skipped", [
    ("Story_files", True),     # a browser in English (skipped before too)
    ("Story-Dateien", True),   # fail before: in German its ad frames were stored as articles
    ("Story_fichiers", True),  # in French
    ("Story_archivos", True),  # in Spanish
    # near misses: a folder of articles beside a page of the same name, which holds no page's
    # scripts or styles, and a saved page's folder whose page is not beside it
    ("Story-coverage", False),
    ("Other-Dateien", False),
])
def test_a_saved_pages_resource_folder_is_not_read_as_articles_in_any_language(tmp_path, db_path, folder, skipped):
    (tmp_path / "Story.html").write_text(html_page())
    (tmp_path / folder).mkdir()
    (tmp_path / folder / "saved_resource.html").write_text(_AD)
    if folder != "Story-coverage":
        (tmp_path / folder / "app.js").write_text("var x = 1;")
        (tmp_path / folder / "style.css").write_text("p { margin: 0 }")
    code, summary = ingest_json(tmp_path, "--db", db_path)
    assert (code, summary["seen"], summary["stored"]) == ((0, 1, 1) if skipped else (0, 2, 2))


def _zip_of(parts: dict[str, str]) -> bytes:
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return out.getvalue()


_MISNAMED_HEADLINE = "Quarry road to close for a month of repairs"
_MISNAMED_DOCX = _zip_of({"word/document.xml": (
    "<w:document xmlns:w='http://schemas.openxmlformats.org/wordprocessingml/2006/main'><w:body>"
    + "".join(f"<w:p><w:pPr><w:pStyle w:val='{style}'/></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"
              for text, style in ((_MISNAMED_HEADLINE, "Heading1"), (ARTICLE_TEXT, "Normal")))
    + "</w:body></w:document>")})
_MISNAMED_ODT = _zip_of({
    "mimetype": "application/vnd.oasis.opendocument.text",
    "content.xml": ("<office:document-content xmlns:office='urn:oasis:names:tc:opendocument:xmlns:office:1.0' "
                    "xmlns:text='urn:oasis:names:tc:opendocument:xmlns:text:1.0'><office:body><office:text>"
                    f"<text:h text:outline-level='1'>{_MISNAMED_HEADLINE}</text:h><text:p>{ARTICLE_TEXT}</text:p>"
                    "</office:text></office:body></office:document-content>")})
_MISNAMED_NITF = (f"<?xml version='1.0'?><nitf><body><body.head><hedline><hl1>{_MISNAMED_HEADLINE}</hl1></hedline>"
                  f"</body.head><body.content><p>{ARTICLE_TEXT}</p></body.content></body></nitf>").encode()
_MISNAMED_TEXT = f"{_MISNAMED_HEADLINE}\n\n{ARTICLE_TEXT}\n".encode()
_MISNAMED_FEED = (f"<?xml version='1.0'?><rss version='2.0'><channel><title>Quarry Notes</title><item>"
                  f"<title>{_MISNAMED_HEADLINE}</title><link>https://quarry.example/road</link>"
                  f"<description>{' '.join([ARTICLE_TEXT] * 3)}</description></item></channel></rss>")
_MISNAMED_PAGE = (f"<!DOCTYPE html><html><head><title>{_MISNAMED_HEADLINE}</title></head><body><article>"
                  f"<h1>{_MISNAMED_HEADLINE}</h1><p>{ARTICLE_TEXT}</p></article></body></html>").encode()
_MISNAMED_ENEX = (f"<?xml version='1.0'?><en-export><note><title>{_MISNAMED_HEADLINE}</title><content><![CDATA["
                  f"<en-note><p>{ARTICLE_TEXT}</p></en-note>]]></content></note></en-export>").encode()


@pytest.mark.parametrize("name, data", [
    ("road.warc", _MISNAMED_PAGE),  # a page as .warc: "no HTML page found in this web archive"
    ("road.enex", _MISNAMED_PAGE),  # ...as .enex: "not an Evernote export: root <html>"
    ("road.warc", _MISNAMED_ENEX),  # an Evernote export as .warc
    # a pretty-printed record as .jsonl: each of its lines failed as "invalid JSON"
    ("road.jsonl", json.dumps({"title": _MISNAMED_HEADLINE, "body": ARTICLE_TEXT}, indent=2).encode()),
    ("road.txt", _MISNAMED_DOCX),  # a Word document saved as .txt: it failed as a binary file
    ("road.html", _MISNAMED_ODT),  # ...an OpenDocument one as .html
    ("road.txt", _MISNAMED_NITF),  # a NITF story as .txt: read as text, "<?xml ...><nitf>" its headline
    ("road.md", _MISNAMED_NITF),
    ("road.pdf", _MISNAMED_TEXT),  # a text as .pdf: it failed as "unsupported format 'pdf'"
    ("road.docx", _MISNAMED_TEXT),  # ...as .docx: "a damaged document: not a ZIP archive"
    ("road.rss", _MISNAMED_FEED.encode("utf-16")),  # a feed in UTF-16, by its mark alone: "not well-formed"
    ("road.xml", _MISNAMED_FEED.replace("version='1.0'?>", "version='1.0' encoding='UTF-16'?>").encode("utf-16-be")),
])
def test_a_file_under_another_formats_extension_is_read_as_what_it_is(tmp_path, db_path, name, data):
    # The README: "by extension or, when the extension is missing or wrong, by sniffing the content".
    (tmp_path / name).write_bytes(data)
    code, summary = ingest_json(tmp_path / name, "--db", db_path)
    assert (code, summary["stored"], summary["failed"]) == (0, 1, 0), summary
    [title] = [row[0] for row in Database(db_path).execute("SELECT title FROM articles")]
    assert title == _MISNAMED_HEADLINE


def test_a_damaged_document_or_pdf_under_its_own_extension_still_fails_saying_so(tmp_path, db_path):
    # near misses: bytes of the named kind (a ZIP, a PDF) cut short are no text to read instead
    (tmp_path / "cut.docx").write_bytes(_MISNAMED_DOCX[:200])
    (tmp_path / "cut.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n")
    code, summary = ingest_json(tmp_path, "--db", db_path)
    errors = sorted(failure["error"].split(":")[0] for failure in summary["failures"])
    assert (code, errors) == (1, ["a damaged PDF, or one cut short (PDFSyntaxError", "a damaged document"]), summary


@pytest.mark.parametrize("name", ["notes.enex", "crawl.warc", "export.jsonl", "inbox.mbox", "story.docx", "feed.xml"])
def test_an_empty_file_of_any_kind_fails_saying_it_is_empty(tmp_path, db_path, name):
    # An empty Evernote export failed as "a damaged Evernote export (not well-formed: no element
    # found: line 1, column 0)", an empty web archive as "no HTML page found in this web archive".
    (tmp_path / name).write_bytes(b"")
    code, summary = ingest_json(tmp_path / name, "--db", db_path)
    [failure] = summary["failures"]
    assert code == 1 and "empty file" in failure["error"], failure


@pytest.mark.parametrize("name", ["items.json", "items.jsonl"])
def test_records_jq_wrote_one_after_another_pretty_printed_are_each_read(tmp_path, db_path, name):
    # `jq '.items[]' response.json > items.json` writes each record pretty-printed, one after
    # another, which is no one JSON document: the file failed whole as "invalid JSON: Extra data".
    records = [{"title": f"Tide gauge {number} replaced", "body": f"{ARTICLE_TEXT} Gauge {number}."} for number in (1, 2)]
    (tmp_path / name).write_text("".join(json.dumps(record, indent=2) + "\n" for record in records))
    code, summary = ingest_json(tmp_path / name, "--db", db_path)
    assert (code, summary["stored"], summary["failed"]) == (0, 2, 0), summary
    # near miss: a document with a mistake after its first record still fails, saying where
    (tmp_path / "bad.json").write_text(json.dumps(records[0], indent=2) + '\n{"title": "Tide gauge 3",\n')
    code, summary = ingest_json(tmp_path / "bad.json", "--db", db_path)
    assert code == 1 and summary["failures"][0]["error"].startswith("invalid JSON: "), summary


@pytest.mark.parametrize("flag", [[], ["--json"]])
def test_parse_says_which_date_ingest_would_drop(tmp_path, flag):
    # fails before: ingest named a month-only date as dropped, parse (for debugging a rule)
    # showed no date and no word of why
    (tmp_path / "story.json").write_text(json.dumps({"title": "Pier shuts", "published": "2026-04",
                                                     "body": ARTICLE_TEXT}))
    (tmp_path / "clean.json").write_text(json.dumps({"title": "Pier shuts", "published": "2026-04-01",
                                                     "body": ARTICLE_TEXT}))
    warning = "published '2026-04' names a month, not a day: stored with no date"
    result = run_cli("parse", tmp_path / "story.json", *flag)
    clean = run_cli("parse", tmp_path / "clean.json", *flag)
    assert result.exit_code == 0 and clean.exit_code == 0
    if flag:
        assert json.loads(result.stdout)["warnings"] == [warning]
        assert "warnings" not in json.loads(clean.stdout)  # near miss: a day gives none
    else:
        assert f"\nwarnings: {warning}\n" in result.stdout
        assert "warnings:" not in clean.stdout


def test_a_record_in_schema_orgs_words_is_read(tmp_path, db_path):
    # fails before: a NewsArticle as schema.org names its fields (a page's JSON-LD kept as a
    # record, or a scraping API's article output) keeps its text in "articleBody", its language
    # in "inLanguage" and its address in "canonicalUrl": the record failed as "no article text
    # found", its whole text unread
    record = {"@type": "NewsArticle", "headline": "Pier shuts for repairs", "articleBody": ARTICLE_TEXT,
              "author": [{"@type": "Person", "name": "Ada Quill"}], "datePublished": "2024-03-04",
              "dateModified": "2024-03-05", "inLanguage": "en",
              "canonicalUrl": "https://gazette.example/pier-shuts",
              "publisher": {"@type": "Organization", "name": "Millbrook Gazette"}}
    (tmp_path / "articles.jsonl").write_text(json.dumps(record) + "\n")
    code, summary = ingest_json(tmp_path / "articles.jsonl", "--db", db_path)
    assert (code, summary["stored"], summary["failures"]) == (0, 1, []), summary
    assert [tuple(row.values()) for row in rows(
        db_path, "select a.title, a.authors, a.published, a.updated, a.language, a.url, o.name "
                 "from articles a join outlets o on o.id = a.outlet_id")] == [
        ("Pier shuts for repairs", '["Ada Quill"]', "2024-03-04", "2024-03-05", "en",
         "https://gazette.example/pier-shuts", "Millbrook Gazette")]
    from ingest.extract_record import extract_record

    # (the language stated, not the one detected from the text)
    assert extract_record(json.dumps(record).encode()).provenance["language"] == "record"


_CAFE = ("Le café de la gare a rouvert ses portes lundi matin après six mois de travaux. « C’est une fête », "
         "dit la patronne, qui a servi plus de deux cents cafés avant midi à des habitués très contents.")
_FAEHRE = ("Die Fähre über den Fluss fährt ab Montag öfter, sagte der Bürgermeister am Abend. Die Gebühren "
           "steigen im Frühjahr, und die Müllers äußerten sich über die Größe der neuen Brücke am Hafen.")
_HARBOR_RU = ("Городской совет утвердил новый бюджет порта в понедельник после долгих споров о тарифах. "
              "Паромная переправа будет работать зимой дважды в день, сообщили в администрации.")


@pytest.mark.parametrize("name, data, text, warning", [
    # fail before: bytes that are not UTF-8 were read through a code page without a word, and
    # the archive could not say which text was a guess
    ("cafe.txt", f"Café rouvert\n\n{_CAFE}\n".encode("cp1252"), "« C’est une fête »",
     "not UTF-8 or UTF-16 with its mark: read as cp1252, the encoding guessed from its bytes"),
    ("port.md", f"# Бюджет порта\n\n{_HARBOR_RU}\n".encode("cp1251"), "Паромная переправа",
     "not UTF-8 or UTF-16 with its mark: read as cp1251, the encoding guessed from its bytes"),
    # a UTF-8 text with one Windows quote pasted in: UTF-8, the byte read as cp1252 and said
    ("quote.txt", f"Café rouvert\n\n{_CAFE}\n".encode("utf-8").replace("’".encode("utf-8"), b"\x92"),
     "« C’est une fête »", "UTF-8 but for 1 stray byte, read as cp1252 (a Windows program's quote or dash?)"),
    # fail before: a German text the detector reads as cp1250, Central European, the same text
    # as cp1252 gives: named cp1250 (and the stray byte's warning said 'the encoding guessed')
    ("faehre.txt", f"Fähre fährt öfter\n\n{_FAEHRE}\n".encode("cp1252"), "Bürgermeister",
     "not UTF-8 or UTF-16 with its mark: read as cp1252, the encoding guessed from its bytes"),
    # fail before: UTF-8 with its mark and one bad byte was read by the detector, the whole text
    # a code page's mojibake ("read as iso8859_10"): UTF-8, the byte replaced and counted
    ("bommed.txt", b"\xef\xbb\xbf" + f"Café rouvert\n\n{_CAFE}\n".encode("utf-8").replace(b"patronne", b"patro\xffne"),
     "« C’est une fête »", "UTF-8 by its mark, but 1 byte not UTF-8, replaced by U+FFFD"),
    # near misses, no guess to say: UTF-8, with and without its mark; UTF-16 with its mark; ASCII
    ("plain.txt", f"Café rouvert\n\n{_CAFE}\n".encode("utf-8"), "« C’est une fête »", None),
    ("marked.txt", b"\xef\xbb\xbf" + f"Café rouvert\n\n{_CAFE}\n".encode("utf-8"), "« C’est une fête »", None),
    ("wide.md", f"# Бюджет порта\n\n{_HARBOR_RU}\n".encode("utf-16"), "Паромная переправа", None),
    ("ascii.txt", f"Floods close bridge\n\n{ARTICLE_TEXT}\n".encode("ascii"), "sandbags", None),
])
def test_a_text_not_in_utf8_is_read_in_the_encoding_guessed_and_said(tmp_path, db_path, name, data, text, warning):
    (tmp_path / name).write_bytes(data)
    code, summary = ingest_json(tmp_path / name, "--db", db_path)
    assert (code, summary["stored"]) == (0, 1), summary
    assert text in rows(db_path, "SELECT body FROM articles")[0]["body"]
    expected = [{"location": str(tmp_path / name), "warning": warning}] if warning else []
    assert summary["warnings"] == expected, summary
    assert [row["error"] for row in rows(db_path, "SELECT error FROM sources")] == [warning]
    result = run_cli("ingest", tmp_path / name, "--db", str(tmp_path / "again.db"))
    assert (f"warning: {tmp_path / name}: {warning}" in result.stderr) == bool(warning), result.stderr


def test_with_a_warning_counts_the_inputs_not_their_warnings(tmp_path, db_path):
    """Fails before: one text with two warnings (not UTF-8, and a month for its date) made "2
    with a warning" of one input; the README counts inputs. Its warnings are all listed."""
    (tmp_path / "cafe.md").write_bytes(f"---\ntitle: Café rouvert\ndate: '2026-04'\n---\n\n{_CAFE}\n"
                                       .encode("cp1252"))
    (tmp_path / "plain.txt").write_text(f"Floods close bridge\n\n{ARTICLE_TEXT}\n")
    code, summary = ingest_json(tmp_path, "--db", db_path)
    assert (code, summary["stored"], summary["warned"], len(summary["warnings"])) == (0, 2, 1, 2), summary
    result = run_cli("ingest", tmp_path, "--db", str(tmp_path / "again.db"))
    assert ", 1 with a warning -> " in result.stdout, result.stdout


def test_a_text_no_encoding_reads_fails_alone(tmp_path, db_path):
    """Bytes no encoding reads fail with a reason, on the file's own line, and the rest of the
    run goes on (as before: kept so, now that no code page is tried as a last resort; the byte
    named is the first that is not UTF-8, where the code page's first undefined one was)."""
    (tmp_path / "noise.txt").write_bytes(b"Harbor fees\n\n" + bytes(range(0x80, 0x100)) * 4)
    (tmp_path / "story.txt").write_text(f"Floods close bridge\n\n{ARTICLE_TEXT}\n")
    code, summary = ingest_json(tmp_path, "--db", db_path)
    assert (code, summary["stored"], summary["failed"]) == (1, 1, 1), summary
    [failure] = summary["failures"]
    assert failure["location"] == str(tmp_path / "noise.txt")
    assert failure["error"].startswith("not text in any encoding it could be read in (byte 0x80 at position 13)")


def test_waiting_is_said_again_each_second_while_a_chunk_is_not_back():
    """WAITING once before a chunk not back yet, and again after each WAITING_SECONDS it is
    still not (a stage's seconds are shown as WAITING comes): the tests only saw it once."""
    from concurrent.futures import TimeoutError as FutureTimeout

    from ingest import pipeline

    class Slow:  # done after three waits of WAITING_SECONDS
        def __init__(self):
            self.waits = []

        def done(self):
            return len(self.waits) >= 3

        def result(self, timeout=None):
            self.waits.append(timeout)
            raise FutureTimeout()

    slow = Slow()
    said = list(pipeline._waiting_for(slow))
    assert said == [pipeline.WAITING] * 3 and slow.waits == [pipeline.WAITING_SECONDS] * 3


@pytest.mark.parametrize("names, lone", [
    (["big.txt"], True),  # a lone large text: its worker at the writer's priority
    ([f"note{n}.txt" for n in range(16)], False),  # near miss: several files, the workers kept low
])
def test_the_priority_a_runs_workers_extract_at(tmp_path, db_path, monkeypatch, names, lone):
    """The niceness the worker that extracts a source has, as a run sets it: the test of
    lone_article_file alone stayed green with the workers' lowest passed for every run."""
    from ingest import pipeline

    for name in names:  # (over SMALL_RUN_BYTES or SMALL_RUN_FILES: extracted by workers)
        paragraphs = [f"Paragraph {n} of the council's report {name} on the harbor fees. " + ARTICLE_TEXT
                      for n in range(3000 if lone else 2)]
        (tmp_path / name).write_text(f"Harbor report {name}\n\n" + "\n\n".join(paragraphs))
    seen = tmp_path / "niceness"
    process_source = pipeline.process_source

    def noted(source, now):  # (run in the worker, forked with this in place)
        with open(seen, "a") as out:
            out.write(f"{os.nice(0)}\n")
        return process_source(source, now)

    monkeypatch.setattr(pipeline, "process_source", noted)
    summary = pipeline.run_ingest([str(tmp_path / name) for name in names], db_path, workers=2)
    assert summary.stored == len(names), summary
    mine = os.nice(0)
    expected = mine if lone else min(mine + pipeline.WORKER_NICENESS, 19)
    assert set(map(int, seen.read_text().split())) == {expected}


@pytest.mark.parametrize("names, lone", [
    # one file of one article: its worker runs at the writer's priority (fails before: at the
    # workers' lowest, a lone 20 MB text took 612 s on a busy machine for 17 s of work)
    (["big.txt"], True), (["big.md.gz"], True), (["page.html"], True), (["print.pdf"], True),
    # near misses, the workers kept low: records, captures or mails to share with the writer's
    # work; several files
    (["export.jsonl"], False), (["crawl.warc"], False), (["mail.mbox"], False), (["a.txt", "b.txt"], False),
])
def test_a_lone_one_article_file_is_extracted_at_the_writers_priority(tmp_path, names, lone):
    from ingest.pipeline import lone_article_file
    from ingest.read import InputFile

    assert lone_article_file([InputFile(tmp_path / name, 2_000_000) for name in names]) == lone


def test_a_lone_text_that_is_a_mailbox_is_no_lone_article(tmp_path):
    """Fails before: a mailbox saved as .txt, read mail by mail, counted as one article's file,
    its worker at the writer's priority; near miss: a text of one mail, or of none, is one."""
    from ingest.pipeline import lone_article_file
    from ingest.read import InputFile

    mail = "From ann@example.org Mon Mar  4 09:00:00 2024\nFrom: ann@example.org\nSubject: Pier {n}\n\n{text}\n\n"
    (tmp_path / "box.txt").write_text("".join(mail.format(n=n, text=ARTICLE_TEXT) for n in range(2)))
    (tmp_path / "one.txt").write_text(mail.format(n=1, text=ARTICLE_TEXT))
    (tmp_path / "story.txt").write_text(f"Floods close bridge\n\n{ARTICLE_TEXT}\n")
    lone = {name: lone_article_file([InputFile(tmp_path / name, 2_000_000)]) for name in ("box.txt", "one.txt", "story.txt")}
    assert lone == {"box.txt": False, "one.txt": True, "story.txt": True}


def test_every_json_summary_names_its_archive_and_ingest_counts_duplicates_as_stats_does(tmp_path, db_path):
    # Fails before: ingest's count was "duplicate" alone where stats says "duplicates" (the old
    # key stays, for the scripts that read it), and stats, optimize and link-copies named no
    # archive, where a script that ingests into several could not tell which answered.
    (tmp_path / "a.txt").write_text("Headline\n\n" + ARTICLE_TEXT)
    (tmp_path / "b.txt").write_text("Headline again\n\n" + ARTICLE_TEXT)
    code, summary = ingest_json(tmp_path, "--db", db_path)
    assert (summary["database"], summary["duplicate"], summary["duplicates"]) == (str(db_path), 1, 1), summary
    for command in ("stats", "optimize", "link-copies"):
        answer = json.loads(run_cli(command, "--db", db_path, "--json").stdout)
        assert answer["database"] == str(db_path), (command, answer)
    assert json.loads(run_cli("stats", "--db", db_path, "--json").stdout)["duplicates"] == 1


def test_a_stage_told_once_is_drawn_again_as_its_seconds_pass(monkeypatch):
    # With --workers 1 the one process extracts a large input itself and tells no stage
    # meanwhile: fails before, its line stayed at "extracting big.txt (12.9 MB): 0 s" to the end.
    import time

    from ingest import cli
    from ingest.cli import progress_bar, show_stage

    monkeypatch.setattr(cli, "STAGE_REDRAW_SECONDS", 0.02)
    now = [0.0]
    shown = _Terminal()
    bar, advance = progress_bar(1000, "Ingesting", file=shown, clock=lambda: now[0])
    with bar:
        show_stage(bar, "extracting big.txt (20.0 MB)")
        now[0] = 7.2
        waited = time.monotonic()
        while not shown.getvalue().rstrip().endswith(": 7 s") and time.monotonic() - waited < 10:
            time.sleep(0.02)
        assert shown.getvalue().rsplit("\r", 1)[-1].rstrip().endswith("0%  extracting big.txt (20.0 MB): 7 s")
        show_stage(bar, None)
        now[0] = 9.0
        advance(1000)
    drawn = shown.getvalue()
    time.sleep(0.1)  # near miss: once the stage has ended, nothing is drawn for it
    assert shown.getvalue() == drawn and "big.txt" not in drawn.rsplit("\r", 1)[-1]


def test_a_bar_is_left_though_its_drawing_lock_was_left_held(monkeypatch):
    # A Ctrl-C between the lock's acquire and the with that releases it leaves the lock held;
    # fails before: the bar's finish waited for it for ever, and the run never exited.
    import threading

    from ingest import cli

    monkeypatch.setattr(cli, "FINISH_WAIT_SECONDS", 0.1)
    shown = _Terminal()
    bar, advance = cli.progress_bar(10, "Ingesting", file=shown)
    bar.render_progress()
    bar.item_show_func.drawing.acquire()  # (as the interrupted drawing left it)
    leaving = threading.Thread(target=bar.render_finish, daemon=True)
    leaving.start()
    leaving.join(timeout=60)
    assert not leaving.is_alive()
    assert shown.getvalue().endswith("\n"), shown.getvalue()  # the bar's line ended, as it ends
