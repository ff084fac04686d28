"""Each copy of a story keeps the byline it carried (sources.authors, schema/0029), as it keeps
its outlet, address, title and date: a wire story a paper ran under a staff byline, or a copy
naming the writer the first file left out. Before, a duplicate's row kept where and when the
copy ran but not who it ran under, and that byline was lost (unless the article lacked one and
took it). The article's own byline stays its text's: `--author` finds a story by it alone."""

import json
import shutil

import pytest

from conftest import ARTICLE_TEXT, connect, ingest_json, run_cli, served_from

LEDGER = {"title": "Flood closes bridge", "outlet": "The Harbor Ledger", "published": "2024-03-05",
          "url": "https://harborledger.example/flood", "authors": ["Ann Lee"], "body": ARTICLE_TEXT}
# the same text at another paper, under its staff byline
# a page of the same text with its byline, read whole (its bytes hashed before it is extracted)
BYLINED_PAGE = "# Flood closes bridge\n\nBy Ann Lee\n\n" + ARTICLE_TEXT + "\n"
POST = {**LEDGER, "outlet": "Valley Post", "url": "https://valleypost.example/flood", "authors": ["Jo Baker"]}


def _ingest(path, db_path, *records) -> None:
    path.write_text("".join(json.dumps(record) + "\n" for record in records))
    code, summary = ingest_json(path, "--db", db_path)
    assert code == 0, summary


def _bylines(db_path) -> list[tuple]:
    with connect(db_path) as conn:
        return conn.execute("SELECT status, authors FROM sources ORDER BY id").fetchall()


# (the copy's byline, what its sources row keeps, what ran_under says of it)
@pytest.mark.parametrize("authors, kept, ran_under", [
    # fails before: the copy's byline was not kept anywhere
    (["Jo Baker"], '["Jo Baker"]', [{"outlet": "Valley Post", "authors": ["Jo Baker"]}]),
    (["Jo Baker", "Ann Lee"], '["Jo Baker", "Ann Lee"]', [{"outlet": "Valley Post", "authors": ["Jo Baker", "Ann Lee"]}]),
    # near misses: a copy under the text's own byline, or none, says nothing more
    (["Ann Lee"], '["Ann Lee"]', []),
    ([], "[]", []),
])
def test_a_copy_keeps_its_own_byline_and_search_names_it(tmp_path, db_path, authors, kept, ran_under):
    _ingest(tmp_path / "ledger.jsonl", db_path, LEDGER)
    _ingest(tmp_path / "post.jsonl", db_path, {**POST, "authors": authors})
    assert _bylines(db_path) == [("stored", '["Ann Lee"]'), ("duplicate", kept)]

    hits = json.loads(run_cli("search", "flood", "--db", db_path, "--json").output)
    assert [(hit["authors"], hit["ran_in"], hit["ran_under"]) for hit in hits] == [
        (["Ann Lee"], ["The Harbor Ledger", "Valley Post"], ran_under)]
    printed = run_cli("search", "flood", "--db", db_path).output
    noted = f" (by {', '.join(authors)})" if ran_under else ""
    assert f"(ran in 2 places: The Harbor Ledger, Valley Post{noted})" in printed

    with served_from(db_path) as get:
        served = get("/archive/search.json?q=flood&_shape=array").json()
        page = get("/archive/search?q=flood").text
        article = get("/archive/articles/1").text
        syndicated = get("/archive/syndication.json?_shape=array").json()
    assert [json.loads(hit["ran_under"]) for hit in served] == [ran_under]
    assert f'<td class="col-ran_in">The Harbor Ledger, Valley Post{noted}</td>' in page
    # the article page's list of places, and syndication's rows, one a place
    assert f'<td data-label="Byline">{", ".join(authors) or "none"}</td>' in article
    assert [(row["outlet"], json.loads(row["authors"])) for row in syndicated] == [
        ("The Harbor Ledger", ["Ann Lee"]), ("Valley Post", authors)]


COPY_NOTE = ("no author of the archive is named {!r}; copies of stories kept under their text's byline "
             "ran under that name (#1): their pages name each copy's byline")


@pytest.mark.parametrize("typed, note", [
    # fails before: the name the archive holds on a copy was said to be no author of the archive
    ("Jo Baker", COPY_NOTE.format("Jo Baker")),
    ("jo  BAKER", COPY_NOTE.format("jo  BAKER")),  # by its key, as an author is found
    ("baker", COPY_NOTE.format("baker")),  # by the beginnings of its words
    # near misses: a name no copy carries, and the article's own writer
    ("Jo Bakr", "no author of the archive is named 'Jo Bakr'"),
    ("Ann Lee", None),
])
def test_a_copys_byline_does_not_make_it_that_authors_article_but_is_said(tmp_path, db_path, typed, note):
    # The decision (README, Duplicates): the article is its text's writers', as stored; the staff
    # byline on another paper's copy is shown where the copy is, not counted as authorship, and a
    # search of that name says where it ran.
    _ingest(tmp_path / "ledger.jsonl", db_path, LEDGER)
    _ingest(tmp_path / "post.jsonl", db_path, POST)
    result = run_cli("search", "flood", "--author", typed, "--db", db_path, "--json")
    assert len(json.loads(result.stdout)) == (1 if note is None else 0)
    assert (f"note: {note}." in result.stderr) if note else "note:" not in result.stderr
    with served_from(db_path) as get:
        served = get(f"/archive/search.json?q=flood&author={typed}").json()
        listed = get(f"/archive/by_author.json?author={typed}").json()
    assert served["notes"] == listed["notes"] == ([note] if note else [])
    assert len(served["rows"]) == len(listed["rows"]) == (1 if note is None else 0)


def test_a_later_copy_gives_the_article_the_byline_its_first_file_lacked(tmp_path, db_path):
    # README: a copy that carries a value the article lacks gives it, the byline too; each file
    # keeps its own (the first none, the copy its writer).
    (tmp_path / "clipping").mkdir()
    (tmp_path / "page").mkdir()
    (tmp_path / "clipping" / "flood.md").write_text("# Flood closes bridge\n\n" + ARTICLE_TEXT + "\n")
    (tmp_path / "page" / "flood.md").write_text(BYLINED_PAGE)
    assert ingest_json(tmp_path / "clipping", "--db", db_path)[0] == 0
    code, summary = ingest_json(tmp_path / "page", "--db", db_path)
    assert (code, summary["duplicate"], summary["filled_from_copies"]) == (0, 1, 1)
    with connect(db_path) as conn:
        assert conn.execute("SELECT authors FROM articles").fetchall() == [('["Ann Lee"]',)]
        assert conn.execute("SELECT count(*) FROM article_authors").fetchone() == (1,)
    assert _bylines(db_path) == [("stored", "[]"), ("duplicate", '["Ann Lee"]')]
    found = json.loads(run_cli("search", "flood", "--author", "Ann Lee", "--db", db_path, "--json").output)
    assert [(hit["authors"], hit["ran_under"]) for hit in found] == [(["Ann Lee"], [])]
    with served_from(db_path) as get:
        by_author = get("/archive/by_author.json?author=Ann+Lee&_shape=array").json()
    assert [row["id"] for row in by_author] == [1]


def _stored_then_copied_to_another_folder(tmp_path, db_path) -> None:
    """The bylined page ingested from a folder, then from a copy of that folder."""
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "flood.md").write_text(BYLINED_PAGE)
    assert ingest_json(tmp_path / "a", "--db", db_path)[0] == 0
    shutil.copytree(tmp_path / "a", tmp_path / "b")
    code, summary = ingest_json(tmp_path / "b", "--db", db_path)
    assert (code, summary["duplicate"]) == (0, 1)


def test_the_same_bytes_elsewhere_keep_the_byline_they_were_read_with(tmp_path, db_path):
    # A file copied to another folder is not read again (its bytes are known): its row takes
    # what the row it copies said, the byline too.
    _stored_then_copied_to_another_folder(tmp_path, db_path)
    assert _bylines(db_path) == [("stored", '["Ann Lee"]'), ("duplicate", '["Ann Lee"]')]


# fails before without --all: a plain reparse read only the sources another version's rules had
# read, and an upgrade by a version reading as the last one did left every byline not recorded
@pytest.mark.parametrize("command", [["reparse"], ["reparse", "--all"]])
def test_reparse_fills_the_bylines_an_upgrade_could_not_know(tmp_path, db_path, command):
    # An archive upgraded to 0029 holds no byline for its older sources (NULL: "not recorded"):
    # reparse reads each stored source's file again and fills it, and its byte-identical copies';
    # a copy of other bytes is not read again, and stays not recorded.
    _stored_then_copied_to_another_folder(tmp_path, db_path)
    _ingest(tmp_path / "post.jsonl", db_path, POST)
    with connect(db_path) as conn:  # as the upgrade leaves them
        conn.execute("UPDATE sources SET authors = NULL")
    with served_from(db_path) as get:
        assert get("/archive/articles/1").text.count('<span class="not-recorded">not recorded</span>') == 3
    result = run_cli(*command, "--db", db_path)
    assert result.exit_code == 0, result.output
    assert _bylines(db_path) == [("stored", '["Ann Lee"]'), ("duplicate", '["Ann Lee"]'), ("duplicate", None)]
    # read once: the next plain reparse has nothing to read
    assert json.loads(run_cli("reparse", "--json", "--db", db_path).output)["candidates"] == 0
    with served_from(db_path) as get:
        assert get("/archive/articles/1").text.count("not recorded</span>") == 1


def test_a_copys_corrected_sidecar_corrects_its_byline(tmp_path, db_path):
    # A copy's row records what its corrected sidecar now says of it, its byline too, the old
    # one kept in article_revisions (as sources.authors); the article's own byline stays.
    _ingest(tmp_path / "ledger.jsonl", db_path, LEDGER)
    (tmp_path / "copy").mkdir()
    page = tmp_path / "copy" / "flood.md"
    page.write_text("# Flood closes bridge\n\n" + ARTICLE_TEXT + "\n")
    sidecar = tmp_path / "copy" / "flood.json"
    sidecar.write_text(json.dumps({"outlet": "Valley Post", "authors": ["Jo Bakr"]}))
    assert ingest_json(tmp_path / "copy", "--db", db_path)[0] == 0
    assert _bylines(db_path) == [("stored", '["Ann Lee"]'), ("duplicate", '["Jo Bakr"]')]
    sidecar.write_text(json.dumps({"outlet": "Valley Post", "authors": ["Jo Baker"]}))
    code, summary = ingest_json(tmp_path / "copy", "--db", db_path)
    assert (code, summary["sidecar_revised"]) == (0, 1)
    assert _bylines(db_path) == [("stored", '["Ann Lee"]'), ("duplicate", '["Jo Baker"]')]
    with connect(db_path) as conn:
        assert conn.execute("SELECT authors FROM articles").fetchall() == [('["Ann Lee"]',)]
        assert conn.execute("SELECT field, old_value, new_value FROM article_revisions").fetchall() == [
            ("sources.authors", '["Jo Bakr"]', '["Jo Baker"]')]


def test_a_byline_a_copy_gave_the_article_follows_that_copys_corrected_sidecar(tmp_path, db_path):
    # README: a value a copy gave the article that its correction changes is changed too. For a
    # byline it was not (the copy's row kept none to tell that it had said it): the misspelt
    # name stayed the article's for good.
    (tmp_path / "clipping").mkdir()
    (tmp_path / "clipping" / "flood.md").write_text("# Flood closes bridge\n\n" + ARTICLE_TEXT + "\n")
    assert ingest_json(tmp_path / "clipping", "--db", db_path)[0] == 0
    (tmp_path / "copy").mkdir()
    (tmp_path / "copy" / "flood.md").write_text("# Flood closes bridge\n\n" + ARTICLE_TEXT + "\n\n")
    sidecar = tmp_path / "copy" / "flood.json"
    sidecar.write_text(json.dumps({"outlet": "Valley Post", "authors": ["Jo Bakr"]}))
    assert ingest_json(tmp_path / "copy", "--db", db_path)[0] == 0
    with connect(db_path) as conn:
        assert conn.execute("SELECT authors FROM articles").fetchall() == [('["Jo Bakr"]',)]
    sidecar.write_text(json.dumps({"outlet": "Valley Post", "authors": ["Jo Baker"]}))
    assert ingest_json(tmp_path / "copy", "--db", db_path)[0] == 0
    with connect(db_path) as conn:
        assert conn.execute("SELECT authors FROM articles").fetchall() == [('["Jo Baker"]',)]
    assert _bylines(db_path) == [("stored", "[]"), ("duplicate", '["Jo Baker"]')]
    found = json.loads(run_cli("search", "flood", "--author", "Jo Baker", "--db", db_path, "--json").stdout)
    assert [hit["authors"] for hit in found] == [["Jo Baker"]]


def test_the_bylines_migration_leaves_0027_and_0028_to_the_story_counts(tmp_path, db_path):
    # Another branch's migrations take 0027 and 0028 (a story's place counts): this one is 0029,
    # and applies by name whether or not they are there yet.
    from ingest.migrations import MIGRATION_NAMES, applied_migrations
    assert "0029_source_authors" in MIGRATION_NAMES
    assert not [name for name in MIGRATION_NAMES if name.startswith(("0027_", "0028_")) and "author" in name]
    _ingest(tmp_path / "ledger.jsonl", db_path, LEDGER)
    with connect(db_path) as conn:
        assert "0029_source_authors" in applied_migrations(conn)


def test_a_copys_corrected_record_is_the_byline_it_ran_under(tmp_path, db_path):
    # A JSON Lines record corrected ("Jo Bakr" -> "Jo Baker") is new bytes: ingested again, a new
    # sources row at the same location, the old row kept as history. Fails before: syndication
    # took the first sighting's byline, and search named both ("by Jo Bakr, by Jo Baker").
    _ingest(tmp_path / "ledger.jsonl", db_path, LEDGER)
    _ingest(tmp_path / "post.jsonl", db_path, {**POST, "authors": ["Jo Bakr"]})
    _ingest(tmp_path / "post.jsonl", db_path, POST)
    assert _bylines(db_path) == [("stored", '["Ann Lee"]'), ("duplicate", '["Jo Bakr"]'), ("duplicate", '["Jo Baker"]')]
    hits = json.loads(run_cli("search", "flood", "--db", db_path, "--json").output)
    assert [hit["ran_under"] for hit in hits] == [[{"outlet": "Valley Post", "authors": ["Jo Baker"]}]]
    # the old name is no copy's any more; the new one is
    assert "ran under that name" not in run_cli("search", "flood", "--author", "Jo Bakr", "--db", db_path).stderr
    assert "ran under that name" in run_cli("search", "flood", "--author", "Jo Baker", "--db", db_path).stderr
    with served_from(db_path) as get:
        syndicated = get("/archive/syndication.json?_shape=array").json()
    assert [(row["outlet"], json.loads(row["authors"])) for row in syndicated] == [
        ("The Harbor Ledger", ["Ann Lee"]), ("Valley Post", ["Jo Baker"])]
    # and the record put back as it was: its old row, seen again, is the latest sighting (the
    # rows made a day older, as the clock counts seconds)
    with connect(db_path) as conn:
        conn.execute("UPDATE sources SET seen_at = '2024-03-05T00:00:00+00:00', last_seen = '2024-03-05T00:00:00+00:00'")
    _ingest(tmp_path / "post.jsonl", db_path, {**POST, "authors": ["Jo Bakr"]})
    hits = json.loads(run_cli("search", "flood", "--db", db_path, "--json").output)
    assert [hit["ran_under"] for hit in hits] == [[{"outlet": "Valley Post", "authors": ["Jo Bakr"]}]]


# (the copy's byline; whether search names it: the text's is "Ann Lee", "Zoe Chan")
@pytest.mark.parametrize("authors, named", [
    # fail before: the same writers, compared as JSON text, were another byline
    (["Zoe Chan", "Ann Lee"], False),
    (["Ann Lee", "Zoë Chan"], False),
    # near misses: a writer fewer or another is another byline
    (["Ann Lee"], True),
    (["Ann Lee", "Zoe Chang"], True),
])
def test_a_copy_under_the_texts_writers_in_any_order_or_spelling_ran_under_the_texts_byline(
        tmp_path, db_path, authors, named):
    # As the author filter finds a writer: by the names' keys (person_key), in any order.
    _ingest(tmp_path / "ledger.jsonl", db_path, {**LEDGER, "authors": ["Ann Lee", "Zoe Chan"]})
    _ingest(tmp_path / "post.jsonl", db_path, {**POST, "authors": authors})
    hits = json.loads(run_cli("search", "flood", "--db", db_path, "--json").output)
    assert [hit["ran_under"] for hit in hits] == [[{"outlet": "Valley Post", "authors": authors}] if named else []]


# another story, written here, which another paper ran under a name "Jo Baker" begins
FERRY_TEXT = ("The harbour ferry will run an extra crossing each evening from next month, the port "
              "authority said, after commuters complained for a year that the last boat left before "
              "most offices closed. The new crossing leaves at half past seven and returns at eight. "
              "Fares stay the same, and season tickets cover the later boat without any change.")
FERRY = {"title": "Ferry adds evening crossing", "outlet": "The Harbor Ledger", "published": "2024-04-02",
         "url": "https://harborledger.example/ferry", "authors": ["Ann Lee"], "body": FERRY_TEXT}


@pytest.mark.parametrize("typed, listed", [
    # fails before: a name a copy carries exactly found the names it begins too
    ("Jo Baker", "#1"),
    # near misses: with no exact name, word beginnings find both, as an author is found
    ("baker", "#1, #2"),
    ("Jo Bakerson", "#2"),
])
def test_the_copy_note_takes_word_beginnings_only_when_no_copy_names_the_author(tmp_path, db_path, typed, listed):
    _ingest(tmp_path / "ledger.jsonl", db_path, LEDGER, FERRY)
    _ingest(tmp_path / "post.jsonl", db_path, POST, {**FERRY, "outlet": "Bay News", "url": "https://baynews.example/ferry",
                                                     "authors": ["Jo Bakerson"]})
    assert f"ran under that name ({listed})" in run_cli("search", "said", "--author", typed, "--db", db_path).stderr


@pytest.mark.parametrize("change", [
    "UPDATE sources SET authors = '[\"Someone Else\"]' WHERE status = 'duplicate'",
    "UPDATE sources SET authors = NULL WHERE status = 'duplicate'",
    "DELETE FROM sources WHERE status = 'duplicate'",
    # fails before schema/0032: a REPLACE (the shell's recursive triggers off) kept the row's id
    "REPLACE INTO sources (id, location, raw_sha256, status, article_id, seen_at, last_seen, authors) "
    "SELECT id, location, raw_sha256, status, article_id, seen_at, last_seen, '[\"Someone Else\"]' "
    "FROM sources WHERE status = 'duplicate'",
])
def test_the_served_copy_note_follows_a_byline_changed_in_place(tmp_path, db_path, change):
    # Fails before: the served notes were kept by the names tables and the last source's id, which
    # a copy's byline changed in place (a corrected sidecar, a reparse filling one, SQL) leaves as
    # they were: the note went on naming copies no longer under that name.
    _ingest(tmp_path / "ledger.jsonl", db_path, LEDGER)
    _ingest(tmp_path / "post.jsonl", db_path, POST)
    with served_from(db_path) as get:
        asked = "/archive/search.json?q=flood&author=Jo+Baker"
        assert get(asked).json()["notes"] == [COPY_NOTE.format("Jo Baker")]
        with connect(db_path) as conn:
            conn.execute(change)
        assert get(asked).json()["notes"] == ["no author of the archive is named 'Jo Baker'"]


def test_a_copy_note_given_up_for_time_is_not_kept(tmp_path, db_path, monkeypatch):
    # Fails before: the notes of a request whose copy note was given up (COPY_BYLINES_SECONDS)
    # were kept, and every later request of that name went without it.
    import ingest.search

    _ingest(tmp_path / "ledger.jsonl", db_path, LEDGER)
    _ingest(tmp_path / "post.jsonl", db_path, POST)
    with served_from(db_path) as get:
        asked = "/archive/search.json?q=flood&author=jo+baker"
        with monkeypatch.context() as patched:
            patched.setattr(ingest.search, "_copy_bylines_note", lambda db, typed: None)
            assert get(asked).json()["notes"] == ["no author of the archive is named 'jo baker'"]
        assert get(asked).json()["notes"] == [COPY_NOTE.format("jo baker")]


# (the copy's byline as its row keeps it; syndication's cell of it)
@pytest.mark.parametrize("kept, cell", [
    # fails before: a link to the articles under that name, which lists none (the article is its
    # text's writer's), and a byline not recorded was a blank cell where the article page says so
    ('["Jo Baker"]', "Jo Baker"),
    (None, '<span class="not-recorded" style="color: #767676">not recorded</span>'),
    # near miss: a copy without a byline, "none" as on the article page
    ("[]", "none"),
])
def test_syndication_shows_a_copys_byline_as_the_article_page_does(tmp_path, db_path, kept, cell):
    _ingest(tmp_path / "ledger.jsonl", db_path, LEDGER)
    _ingest(tmp_path / "post.jsonl", db_path, POST)
    with connect(db_path) as conn:
        conn.execute("UPDATE sources SET authors = ? WHERE status = 'duplicate'", (kept,))
    with served_from(db_path) as get:
        page = get("/archive/syndication").text
    assert f'<td class="col-authors">{cell}</td>' in page


def test_a_byline_not_recorded_filled_by_a_corrected_sidecar_is_no_revision(tmp_path, db_path):
    # Fails before: a copy seen before 0029 (its byline NULL, not recorded) whose sidecar was
    # corrected recorded a revision NULL -> ["Jo Baker"], as if the copy had said no byline.
    _ingest(tmp_path / "ledger.jsonl", db_path, LEDGER)
    (tmp_path / "copy").mkdir()
    (tmp_path / "copy" / "flood.md").write_text("# Flood closes bridge\n\n" + ARTICLE_TEXT + "\n")
    sidecar = tmp_path / "copy" / "flood.json"
    sidecar.write_text(json.dumps({"outlet": "Valley Post", "authors": ["Jo Bakr"]}))
    assert ingest_json(tmp_path / "copy", "--db", db_path)[0] == 0
    with connect(db_path) as conn:  # as the upgrade leaves it
        conn.execute("UPDATE sources SET authors = NULL WHERE status = 'duplicate'")
    sidecar.write_text(json.dumps({"outlet": "Valley Post", "authors": ["Jo Baker"]}))
    assert ingest_json(tmp_path / "copy", "--db", db_path)[0] == 0
    assert _bylines(db_path) == [("stored", '["Ann Lee"]'), ("duplicate", '["Jo Baker"]')]
    with connect(db_path) as conn:
        assert conn.execute("SELECT field, old_value, new_value FROM article_revisions").fetchall() == []
