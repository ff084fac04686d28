"""A sidecar (NAME.json beside NAME.html / .txt / .md) corrected after its article was stored
reaches the article on the next ingest, though the article's own bytes are unchanged: the file
was skipped as unchanged (same path, size and time), or read and found known, and the article
kept the byline and outlet of the old sidecar for good (even `reparse` keeps given values)."""

import json
import os
import sqlite3
import time

import pytest

from conftest import ARTICLE_TEXT, ingest_json, run_cli

OLD = {"authors": ["Ann Lee"], "outlet": "The Harbor Ledger", "published": "2024-03-05"}


def _age(path, seconds=3600):
    then = time.time() - seconds
    os.utime(path, (then, then))


def _article(db_path) -> tuple:
    with sqlite3.connect(db_path) as conn:
        return conn.execute(
            "SELECT articles.authors, outlets.name, articles.published, articles.title FROM articles "
            "LEFT JOIN outlets ON outlets.id = articles.outlet_id").fetchall()


def _revisions(db_path) -> list[tuple]:
    with sqlite3.connect(db_path) as conn:
        return conn.execute("SELECT field, old_value, new_value FROM article_revisions ORDER BY id").fetchall()


def _folder(tmp_path, article_age: bool) -> tuple:
    folder = tmp_path / "clippings"
    folder.mkdir()
    story = folder / "story.txt"
    story.write_text("Millbrook bridge shut as river rises\n\n" + ARTICLE_TEXT)
    sidecar = folder / "story.json"
    sidecar.write_text(json.dumps(OLD))
    _age(sidecar)
    if article_age:
        _age(story)  # skipped whole on the next run unless something says otherwise
    return folder, story, sidecar


@pytest.mark.parametrize("article_age", [True, False])  # skipped whole; read and found known
@pytest.mark.parametrize("new_sidecar, expected, revised", [
    # corrected: the article takes the new values, the old ones kept in article_revisions
    ({**OLD, "authors": ["Ann Leigh"]},
     ('["Ann Leigh"]', "The Harbor Ledger", "2024-03-05"), [("authors", '["Ann Lee"]', '["Ann Leigh"]')]),
    ({**OLD, "outlet": "Valley Post", "published": "2024-03-06"},
     ('["Ann Lee"]', "Valley Post", "2024-03-06"),
     [("published", "2024-03-05", "2024-03-06"), ("outlet", "The Harbor Ledger", "Valley Post")]),
    # near misses: written again as it was; the same values spelt otherwise (one outlet, one date)
    (OLD, ('["Ann Lee"]', "The Harbor Ledger", "2024-03-05"), []),
    ({**OLD, "outlet": "the harbor ledger", "published": "5 March 2024"},
     ('["Ann Lee"]', "The Harbor Ledger", "2024-03-05"), []),
])
def test_a_corrected_sidecar_reaches_an_unchanged_article(tmp_path, db_path, article_age, new_sidecar,
                                                         expected, revised):
    folder, story, sidecar = _folder(tmp_path, article_age)
    code, first = ingest_json(folder, "--db", db_path)
    assert (code, first["stored"]) == (0, 1)
    sidecar.write_text(json.dumps(new_sidecar))  # corrected now, after the run
    code, again = ingest_json(folder, "--db", db_path)
    assert (code, again["stored"], again["unchanged"], again["duplicate"]) == (0, 0, 1, 0)
    assert again["sidecar_revised"] == (1 if revised else 0)
    assert _article(db_path) == [(*expected, "Millbrook bridge shut as river rises")]
    assert [(field, old, new) for field, old, new in _revisions(db_path)] == revised
    with sqlite3.connect(db_path) as conn:  # the names no article uses any more are gone
        assert conn.execute("SELECT name FROM authors").fetchall() == [tuple(json.loads(expected[0]))]
        assert conn.execute("SELECT name FROM outlets").fetchall() == [(expected[1],)]
    _age(sidecar)  # and the run after changes nothing more
    code, third = ingest_json(folder, "--db", db_path)
    assert (third["unchanged"], third["sidecar_revised"]) == (1, 0)
    assert len(_revisions(db_path)) == len(revised)


@pytest.mark.parametrize("new_sidecar, expected", [
    # fail before: reparse kept every value the old sidecar gave (the date, the byline, a field
    # taken out of it) until the next ingest applied the corrected sidecar
    ({**OLD, "authors": ["Ann Leigh"], "published": "2024-03-06"}, ('["Ann Leigh"]', "The Harbor Ledger", "2024-03-06")),
    ({"authors": ["Ann Lee"], "outlet": "The Harbor Ledger"}, ('["Ann Lee"]', "The Harbor Ledger", None)),
    # near miss: an outlet taken out of the sidecar stays, as ingest keeps it (--outlet gives one)
    ({"authors": ["Ann Lee"], "published": "2024-03-05"}, ('["Ann Lee"]', "The Harbor Ledger", "2024-03-05")),
])
def test_reparse_applies_a_corrected_sidecar_as_ingest_does(tmp_path, new_sidecar, expected):
    applied = {}
    for by in ("reparse", "ingest"):
        (tmp_path / by).mkdir()
        folder, story, sidecar = _folder(tmp_path / by, article_age=True)
        db_path = str(tmp_path / by / "archive.db")
        assert ingest_json(folder, "--db", db_path)[1]["stored"] == 1
        sidecar.write_text(json.dumps(new_sidecar))
        result = run_cli(*((by, "--all") if by == "reparse" else (by, folder)), "--db", db_path)
        assert result.exit_code == 0, result.output
        applied[by] = (_article(db_path), _revisions(db_path))
        if by == "reparse":  # and the next ingest finds nothing more to give
            assert ingest_json(folder, "--db", db_path)[1]["sidecar_revised"] == 0
            assert _revisions(db_path) == applied[by][1]
    assert applied["reparse"][0] == [(*expected, "Millbrook bridge shut as river rises")]
    assert applied["reparse"] == applied["ingest"]


def test_reparse_keeps_the_outlet_given_on_the_command_line_over_an_unchanged_sidecar(tmp_path, db_path):
    # fail before: --outlet beats the sidecar at ingest, but reparse read the file with its
    # sidecar and took the sidecar's outlet, the sidecar unchanged since. Near miss: a sidecar
    # corrected since ingest read the file is applied, as the next ingest applies it.
    folder, story, sidecar = _folder(tmp_path, article_age=False)
    sidecar.write_text(json.dumps({"outlet": "The Harbor Ledger"}))
    assert ingest_json(story, "--outlet", "Millbrook Weekly", "--url", "https://weekly.example/bridge",
                       "--db", db_path)[1]["stored"] == 1
    assert run_cli("reparse", "--all", "--db", db_path).exit_code == 0
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT url FROM articles").fetchall() == [("https://weekly.example/bridge",)]
    assert [row[1] for row in _article(db_path)] == ["Millbrook Weekly"]
    assert _revisions(db_path) == []
    sidecar.write_text(json.dumps({"outlet": "The Harbor Gazette"}))
    assert run_cli("reparse", "--all", "--db", db_path).exit_code == 0
    assert [row[1] for row in _article(db_path)] == ["The Harbor Gazette"]


def test_the_summary_line_says_an_article_took_its_corrected_sidecar(tmp_path, db_path):
    folder, story, sidecar = _folder(tmp_path, article_age=True)
    run_cli("ingest", folder, "--db", db_path)
    sidecar.write_text(json.dumps({**OLD, "authors": ["Ann Leigh"]}))
    result = run_cli("ingest", folder, "--db", db_path)
    assert "1 unchanged (1 of them given what their corrected sidecar says)" in result.stdout


def test_an_untouched_sidecar_costs_no_read(tmp_path, db_path, monkeypatch):
    """Near miss: a folder whose files and sidecars are all as they were is skipped whole."""
    folder, story, sidecar = _folder(tmp_path, article_age=True)
    ingest_json(folder, "--db", db_path)
    import ingest.pipeline

    def no_reading(*args, **kwargs):
        raise AssertionError("an unchanged file with an unchanged sidecar was read")

    monkeypatch.setattr(ingest.pipeline, "read_sources", no_reading)
    code, again = ingest_json(folder, "--db", db_path)
    assert (code, again["unchanged"], again["sidecar_revised"]) == (0, 1, 0)


def _stored_and_copied(tmp_path, db_path):
    """The story stored from one folder, then the same text from another with its own sidecar
    (a copy: where else it ran); returns that other folder."""
    folder, story, sidecar = _folder(tmp_path, article_age=True)
    ingest_json(folder, "--db", db_path)
    elsewhere = tmp_path / "wire"
    elsewhere.mkdir()
    (elsewhere / "story.txt").write_bytes(story.read_bytes())
    (elsewhere / "story.json").write_text(json.dumps({**OLD, "outlet": "Valley Post"}))
    _age(elsewhere / "story.txt")
    _age(elsewhere / "story.json")
    assert ingest_json(elsewhere, "--db", db_path)[1]["duplicate"] == 1
    return elsewhere

def test_a_copys_corrected_sidecar_changes_the_copy_not_the_article(tmp_path, db_path):
    """The same text in another folder with its own sidecar is a copy (where else it ran): its
    corrected sidecar changes what is recorded of that copy, not the article stored from the
    first file."""
    elsewhere = _stored_and_copied(tmp_path, db_path)
    (elsewhere / "story.json").write_text(json.dumps({**OLD, "outlet": "Quayport Gazette"}))
    code, again = ingest_json(elsewhere, "--db", db_path)
    assert (code, again["unchanged"], again["sidecar_revised"]) == (0, 1, 1)
    assert _article(db_path) == [('["Ann Lee"]', "The Harbor Ledger", "2024-03-05", "Millbrook bridge shut as river rises")]
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT sources.status, outlets.name FROM sources JOIN outlets ON outlets.id = "
                            "sources.outlet_id ORDER BY sources.id").fetchall() == [
            ("stored", "The Harbor Ledger"), ("duplicate", "Quayport Gazette")]


@pytest.mark.parametrize("corrected, kept", [
    # what the copy's row said before is kept, by the row it was in and the column it was
    ({**OLD, "outlet": "Quayport Gazette"}, [("sources.outlet", "Valley Post", "source 2", "Quayport Gazette", "override")]),
    ({**OLD, "outlet": "Quayport Gazette", "published": "2024-03-07"},
     [("sources.outlet", "Valley Post", "source 2", "Quayport Gazette", "override"),
      ("sources.published", "2024-03-05", "source 2", "2024-03-07", "override")]),
    ({**OLD, "outlet": "Valley Post", "url": "https://valley.example/bridge"},
     [("sources.url", None, "source 2", "https://valley.example/bridge", "override")]),
    # near misses: written again as it was, or the same outlet and date spelt otherwise: nothing
    ({**OLD, "outlet": "Valley Post"}, []),
    ({**OLD, "outlet": "valley post", "published": "5 March 2024"}, []),
])
def test_a_copys_corrected_sidecar_keeps_what_the_copy_said_before(tmp_path, db_path, corrected, kept):
    """Nothing stored is lost: the copy's row held where and when that copy ran, and its
    corrected sidecar replaced it with no record of what it said (article_revisions held only an
    article's fields)."""
    elsewhere = _stored_and_copied(tmp_path, db_path)
    (elsewhere / "story.json").write_text(json.dumps(corrected))
    code, again = ingest_json(elsewhere, "--db", db_path)
    assert (code, again["unchanged"], again["sidecar_revised"]) == (0, 1, 1 if kept else 0)
    with sqlite3.connect(db_path) as conn:
        rows = conn.execute("SELECT article_id, field, old_value, old_source, new_value, new_source, "
                            "new_extractor IS NOT NULL FROM article_revisions ORDER BY id").fetchall()
        assert rows == [(1, *row, 1) for row in kept]
        copy = conn.execute("SELECT sources.id, outlets.name, sources.url, sources.published FROM sources "
                            "JOIN outlets ON outlets.id = sources.outlet_id WHERE status = 'duplicate'").fetchone()
        assert copy[0] == 2  # (the row the revisions name)
        now = {field.removeprefix("sources."): new for field, _, _, new, _ in kept}
        assert copy[1] == ("Valley Post" if "outlet" not in now else now["outlet"])
        assert copy[3] == now.get("published", "2024-03-05") and copy[2] == now.get("url")
    _age(elsewhere / "story.json")  # and the run after changes nothing more
    assert ingest_json(elsewhere, "--db", db_path)[1]["sidecar_revised"] == 0
    assert len(_revisions(db_path)) == len(kept)


def _sources(db_path) -> list[tuple]:
    with sqlite3.connect(db_path) as conn:
        return conn.execute("SELECT status, article_id FROM sources ORDER BY id").fetchall()


@pytest.mark.parametrize("article_age", [True, False])
def test_a_sidecar_broken_after_it_was_read_keeps_the_stored_article_its_file(tmp_path, db_path, article_age):
    """A sidecar that was valid and is now not JSON fails this reading (the run says so), but the
    file's bytes are stored: its source row stays the article's. It became a failed row with no
    article, and once the sidecar was mended the file was only a duplicate of its own article,
    never given the mended values (nor reached by reparse)."""
    folder, story, sidecar = _folder(tmp_path, article_age)
    ingest_json(folder, "--db", db_path)
    sidecar.write_text('{"authors": ["Ann Leigh"],')  # cut short while being edited
    code, broken = ingest_json(folder, "--db", db_path)
    assert (code, broken["failed"], broken["stored"], broken["duplicate"]) == (1, 1, 0, 0)
    assert broken["failures"][0]["error"].startswith("bad sidecar story.json")
    assert _sources(db_path) == [("stored", 1)]
    assert _article(db_path)[0][:3] == ('["Ann Lee"]', "The Harbor Ledger", "2024-03-05")
    code, still = ingest_json(folder, "--db", db_path)  # said again on each run until mended
    assert (code, still["failed"], _sources(db_path)) == (1, 1, [("stored", 1)])
    sidecar.write_text(json.dumps({**OLD, "authors": ["Ann Leigh"]}))  # mended
    code, mended = ingest_json(folder, "--db", db_path)
    assert (code, mended["unchanged"], mended["sidecar_revised"], mended["duplicate"]) == (0, 1, 1, 0)
    assert _sources(db_path) == [("stored", 1)]
    assert _article(db_path)[0][0] == '["Ann Leigh"]'


def test_a_copys_sidecar_broken_keeps_the_copy_recorded(tmp_path, db_path):
    """The same for a copy of a story stored from another file: it stays recorded where it ran."""
    elsewhere = _stored_and_copied(tmp_path, db_path)
    (elsewhere / "story.json").write_text("not json")
    code, broken = ingest_json(elsewhere, "--db", db_path)
    assert (code, broken["failed"]) == (1, 1)
    assert _sources(db_path) == [("stored", 1), ("duplicate", 1)]


def test_a_new_file_with_a_broken_sidecar_still_fails(tmp_path, db_path):
    """Near miss: a file never stored, its sidecar not JSON, is recorded failed as before."""
    folder, story, sidecar = _folder(tmp_path, article_age=True)
    sidecar.write_text("not json")
    code, first = ingest_json(folder, "--db", db_path)
    assert (code, first["failed"]) == (1, 1)
    assert _sources(db_path) == [("failed", None)]


def test_a_corrected_sidecar_revises_an_article_read_by_older_rules(tmp_path, db_path):
    """The stored article's text was read by older rules (its content hash is not what today's
    read of the same bytes gives, until `reparse`): the sidecar still revises that article. It
    was stored as a second article, an 'edit' of the first, and the file's source row moved to
    it, leaving the first with no source."""
    folder, story, sidecar = _folder(tmp_path, article_age=True)
    ingest_json(folder, "--db", db_path)
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE articles SET content_hash = 'read by older rules'")
    sidecar.write_text(json.dumps({**OLD, "authors": ["Ann Leigh"]}))
    code, again = ingest_json(folder, "--db", db_path)
    assert (code, again["stored"], again["unchanged"], again["sidecar_revised"]) == (0, 0, 1, 1)
    assert [row[0] for row in _article(db_path)] == ['["Ann Leigh"]']
    assert _sources(db_path) == [("stored", 1)]


@pytest.mark.parametrize("article_age", [True, False])  # skipped whole; read and found known
@pytest.mark.parametrize("first_sidecar, new_sidecar, expected, revised", [
    # fail before: a value deleted from the sidecar stayed in the article for good (the file's
    # text gives no byline and no date, so the article now holds none), the old one kept
    (OLD, {"outlet": "The Harbor Ledger", "published": "2024-03-05"},
     ("[]", "The Harbor Ledger", "2024-03-05"), [("authors", '["Ann Lee"]', "[]")]),
    (OLD, {**OLD, "authors": []}, ("[]", "The Harbor Ledger", "2024-03-05"), [("authors", '["Ann Lee"]', "[]")]),
    (OLD, {"authors": ["Ann Lee"], "outlet": "The Harbor Ledger"},
     ('["Ann Lee"]', "The Harbor Ledger", None), [("published", "2024-03-05", None)]),
    # a wrong author of two taken out of the list
    ({**OLD, "authors": ["Ann Lee", "Bo Wrong"]}, OLD, ('["Ann Lee"]', "The Harbor Ledger", "2024-03-05"),
     [("authors", '["Ann Lee", "Bo Wrong"]', '["Ann Lee"]')]),
    # near miss: the outlet, which --outlet may have given the run that stored it, is kept
    (OLD, {"authors": ["Ann Lee"], "published": "2024-03-05"}, ('["Ann Lee"]', "The Harbor Ledger", "2024-03-05"), []),
])
def test_a_value_deleted_from_a_sidecar_is_taken_back(tmp_path, db_path, article_age, first_sidecar, new_sidecar,
                                                      expected, revised):
    folder, story, sidecar = _folder(tmp_path, article_age)
    sidecar.write_text(json.dumps(first_sidecar))
    _age(sidecar)
    assert ingest_json(folder, "--db", db_path)[1]["stored"] == 1
    sidecar.write_text(json.dumps(new_sidecar))
    code, again = ingest_json(folder, "--db", db_path)
    assert (code, again["unchanged"], again["sidecar_revised"]) == (0, 1, 1 if revised else 0)
    assert _article(db_path) == [(*expected, "Millbrook bridge shut as river rises")]
    assert _revisions(db_path) == revised
    with sqlite3.connect(db_path) as conn:  # who wrote it, as the byline now says
        assert [name for (name,) in conn.execute(
            "SELECT name FROM authors JOIN article_authors ON authors.id = author_id ORDER BY position")] == \
            json.loads(expected[0])
    _age(sidecar)  # and the run after changes nothing more
    code, third = ingest_json(folder, "--db", db_path)
    assert (third["unchanged"], third["sidecar_revised"]) == (1, 0)
    assert len(_revisions(db_path)) == len(revised)


@pytest.mark.parametrize("own_sidecar, expected", [
    # fail before: the article's own new sidecar (a title only) took back the byline a copy's
    # sidecar gave it, as if deleted from the article's sidecar, which never held it
    ({"title": "Bridge shut as river rises"}, ('["Ann Lee"]', "Bridge shut as river rises")),
    ({"published": "2024-03-05"}, ('["Ann Lee"]', "Millbrook bridge shut as river rises")),
    # near miss: the article's own sidecar that gives an author still gives it
    ({"authors": ["Bo Park"]}, ('["Bo Park"]', "Millbrook bridge shut as river rises")),
])
def test_a_copys_sidecar_value_is_not_taken_back_by_the_articles_own_sidecar(tmp_path, db_path, own_sidecar,
                                                                            expected):
    folder = tmp_path / "clippings"
    folder.mkdir()
    text = "Millbrook bridge shut as river rises\n\n" + ARTICLE_TEXT
    (folder / "story.txt").write_text(text)
    (folder / "copy.txt").write_text(text)
    (folder / "copy.json").write_text(json.dumps({"authors": ["Ann Lee"]}))
    for path in folder.iterdir():
        _age(path)
    assert ingest_json(folder / "story.txt", "--db", db_path)[1]["stored"] == 1
    assert ingest_json(folder / "copy.txt", "--db", db_path)[1]["duplicate"] == 1
    assert [row[0] for row in _article(db_path)] == ['["Ann Lee"]']
    (folder / "story.json").write_text(json.dumps(own_sidecar))
    code, again = ingest_json(folder, "--db", db_path)
    assert (code, again["sidecar_revised"]) == (0, 1)
    assert [(row[0], row[3]) for row in _article(db_path)] == [expected]


@pytest.mark.parametrize("article_age", [True, False])  # skipped whole; read and found known
@pytest.mark.parametrize("delete, expected, revised", [
    # the defect: the sidecar deleted altogether kept its byline and date for good (its file,
    # unchanged, was skipped; even --rehash and reparse kept them), where one emptied ({})
    # gave them back
    (True, ("[]", "The Harbor Ledger", None), [("authors", '["Ann Lee"]', "[]"), ("published", "2024-03-05", None)]),
    # near miss: the sidecar still there, untouched: nothing read, nothing changed
    (False, ('["Ann Lee"]', "The Harbor Ledger", "2024-03-05"), []),
])
def test_a_deleted_sidecar_takes_back_its_values(tmp_path, db_path, article_age, delete, expected, revised):
    folder, story, sidecar = _folder(tmp_path, article_age)
    assert ingest_json(folder, "--db", db_path)[1]["stored"] == 1
    if delete:
        sidecar.unlink()
    code, again = ingest_json(folder, "--db", db_path)
    assert (code, again["unchanged"], again["sidecar_revised"]) == (0, 1, 1 if revised else 0)
    assert _article(db_path) == [(*expected, "Millbrook bridge shut as river rises")]
    assert _revisions(db_path) == revised
    code, third = ingest_json(folder, "--db", db_path)  # and the run after changes nothing more
    assert (third["unchanged"], third["sidecar_revised"]) == (1, 0)
    assert len(_revisions(db_path)) == len(revised)
    assert run_cli("reparse", "--all", "--db", db_path).exit_code == 0
    assert _article(db_path) == [(*expected, "Millbrook bridge shut as river rises")]


@pytest.mark.parametrize("own_sidecar", [True, False])
def test_a_sidecar_deleted_is_noticed_in_an_archive_read_before_0018(tmp_path, db_path, own_sidecar):
    """An archive whose files were read before input_file_sidecars: the upgrade lists a file whose
    article holds a value only a sidecar gives (near miss: one whose article holds none, listed
    not, is still skipped unread)."""
    folder, story, sidecar = _folder(tmp_path, article_age=True)
    if not own_sidecar:
        sidecar.unlink()
    assert ingest_json(folder, "--db", db_path)[1]["stored"] == 1
    with sqlite3.connect(db_path) as conn:  # as an older version left it
        conn.execute("DROP TABLE input_file_sidecars")
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0018_input_file_sidecars'")
    if own_sidecar:
        sidecar.unlink()
    code, again = ingest_json(folder, "--db", db_path)
    assert (code, again["unchanged"], again["sidecar_revised"]) == (0, 1, 1 if own_sidecar else 0)
    assert _article(db_path)[0][:3] == (("[]", "The Harbor Ledger", None) if own_sidecar else ("[]", None, None))
