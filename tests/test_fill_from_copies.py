"""A duplicate (the same text from another file or outlet) gives its stored article the values
the article lacks - a date, a byline, a title, an address, a language, a description - and
nothing else: a value already stored is kept, the outlet stays the first copy's, a failed copy
gives nothing. Each value taken is kept in article_revisions (old value empty) with the signal
it came from in the copy. Before, a story first stored from an undated copy stayed undated."""

import json
import os
import time
import sqlite3

import pytest

from conftest import ARTICLE_TEXT, connect, ingest_json, run_cli, undo_source_authors

BARE = {"body": ARTICLE_TEXT}
DATED = {"published": "2024-03-05"}


def _article(db_path) -> dict:
    with sqlite3.connect(db_path) as conn:
        conn.row_factory = sqlite3.Row
        row = conn.execute(
            "SELECT articles.title, articles.authors, articles.published, articles.url, articles.language, "
            "articles.description, outlets.name AS outlet, published_source, authors_source, title_source "
            "FROM articles LEFT JOIN outlets ON outlets.id = articles.outlet_id").fetchall()
        assert len(row) == 1  # one text, one article, whatever its copies
        return dict(row[0])


def _revisions(db_path) -> list[tuple]:
    with sqlite3.connect(db_path) as conn:
        return conn.execute("SELECT field, old_value, new_value, new_source FROM article_revisions "
                            "ORDER BY id").fetchall()


def _write_records(path, records) -> None:
    path.write_text("".join(json.dumps({**BARE, **record}) + "\n" for record in records))


# (the first copy's fields, the later copies' fields, what the article then holds, the revisions)
ROWS = [
    # the defect: values a later copy carries and the stored article lacks are taken
    ({}, [DATED], {"published": "2024-03-05", "published_source": "record"},
     [("published", None, "2024-03-05", "record")]),
    ({}, [{"authors": ["Ann Lee"]}], {"authors": '["Ann Lee"]', "authors_source": "record"},
     [("authors", "[]", '["Ann Lee"]', "record")]),
    ({}, [{"title": "Bridge shut as river rises"}], {"title": "Bridge shut as river rises"},
     [("title", None, "Bridge shut as river rises", "record")]),
    ({}, [{"description": "Forty homes evacuated."}], {"description": "Forty homes evacuated."},
     [("description", None, "Forty homes evacuated.", None)]),
    # three copies: each gives what is still lacking, the first that carries a value gives it
    ({}, [{"authors": ["Ann Lee"]}, DATED, {"published": "2024-03-09", "authors": ["Bo Park"]}],
     {"published": "2024-03-05", "authors": '["Ann Lee"]'},
     [("authors", "[]", '["Ann Lee"]', "record"), ("published", None, "2024-03-05", "record")]),
    # an address from a copy at the article's own outlet
    ({"outlet": "The Harbor Ledger"}, [{"outlet": "The Harbor Ledger", "url": "https://ledger.example/flood"}],
     {"url": "https://ledger.example/flood", "outlet": "The Harbor Ledger"},
     [("url", None, "https://ledger.example/flood", "record")]),
    # near misses: a stored value is never replaced by a copy's other one
    (DATED, [{"published": "2024-03-09"}], {"published": "2024-03-05"}, []),
    ({"authors": ["Ann Lee"]}, [{"authors": ["Bo Park"]}], {"authors": '["Ann Lee"]'}, []),
    ({}, [{"language": "fr"}], {"language": "en"}, []),  # (the first copy's text said which)
    # the outlet stays the first copy's, even none: a clipping is not the paper that ran a copy;
    # nor does it take that paper's address (the date is the story's, and is taken)
    ({}, [{"outlet": "The Harbor Ledger", "url": "https://ledger.example/flood", **DATED}],
     {"outlet": None, "url": None, "published": "2024-03-05"},
     [("published", None, "2024-03-05", "record")]),
    ({"outlet": "Valley Post"}, [{"outlet": "The Harbor Ledger", "url": "https://ledger.example/flood"}],
     {"outlet": "Valley Post", "url": None}, []),
    # a copy that carries nothing the article lacks
    ({}, [{}], {"published": None, "authors": "[]"}, []),
]


@pytest.mark.parametrize("one_batch", [False, True], ids=["later run", "same batch"])
@pytest.mark.parametrize("first, copies, expected, revisions", ROWS)
def test_a_copy_gives_its_article_the_values_it_lacks(tmp_path, db_path, one_batch, first, copies,
                                                      expected, revisions):
    if one_batch:  # the first copy and the others in one file: one batch, one transaction
        _write_records(tmp_path / "all.jsonl", [first, *copies])
        code, summary = ingest_json(tmp_path / "all.jsonl", "--db", db_path)
        assert (code, summary["stored"], summary["duplicate"]) == (0, 1, len(copies))
    else:
        _write_records(tmp_path / "first.jsonl", [first])
        assert ingest_json(tmp_path / "first.jsonl", "--db", db_path)[1]["stored"] == 1
        _write_records(tmp_path / "copies.jsonl", copies)
        code, summary = ingest_json(tmp_path / "copies.jsonl", "--db", db_path)
        assert (code, summary["stored"], summary["duplicate"]) == (0, 0, len(copies))
    article = _article(db_path)
    assert {name: article[name] for name in expected} == expected
    assert _revisions(db_path) == revisions
    # counted once a copy that gave any: the first copy that carries each value taken
    assert summary["filled_from_copies"] == len({next(at for at, copy in enumerate(copies) if field in copy)
                                                 for field, *_ in revisions})
    # a second run of the same inputs fills nothing more
    again = ingest_json(tmp_path, "--db", db_path)[1]
    assert (again["stored"], again["duplicate"], again["filled_from_copies"]) == (0, 0, 0)
    assert _revisions(db_path) == revisions


def test_a_failed_copy_gives_nothing(tmp_path, db_path):
    _write_records(tmp_path / "first.jsonl", [{}])
    ingest_json(tmp_path / "first.jsonl", "--db", db_path)
    # the same text's record with a date and a byline, but failing (its body too short to be one)
    (tmp_path / "copies.jsonl").write_text(json.dumps({"body": "", **DATED, "authors": ["Ann Lee"]}) + "\n")
    code, summary = ingest_json(tmp_path / "copies.jsonl", "--db", db_path)
    assert (summary["failed"], summary["filled_from_copies"]) == (1, 0)
    assert (_article(db_path)["published"], _revisions(db_path)) == (None, [])


def test_a_date_taken_from_a_copy_is_searched_by_date(tmp_path, db_path):
    _write_records(tmp_path / "first.jsonl", [{}])
    ingest_json(tmp_path / "first.jsonl", "--db", db_path)
    before = run_cli("search", "sandbags", "--since", "2024-03", "--db", db_path, "--json")
    assert json.loads(before.output) == []
    _write_records(tmp_path / "copies.jsonl", [{**DATED, "title": "Quayside flood", "authors": ["Ann Lee"]}])
    result = run_cli("ingest", tmp_path / "copies.jsonl", "--db", db_path)
    assert "1 duplicate (1 of them gave their article a value it lacked)" in result.output
    for search in (("sandbags", "--since", "2024-03"), ("quayside",), ("sandbags", "--author", "Ann Lee")):
        found = run_cli("search", *search, "--db", db_path, "--json")  # the search index follows
        assert len(json.loads(found.output)) == 1, search
    with connect(db_path) as conn:  # the facets follow, by their trigger
        assert conn.execute("SELECT published FROM article_facets").fetchall() == [("2024-03-05",)]


@pytest.mark.parametrize("given_by_copy, kept", [
    (True, True),  # the stored copy, read again, still has no date: the copy's date stays
    # near miss: a date with no such history (as older rules read it from the stored copy
    # itself) is one the stored copy no longer gives: reparse clears it, as it always did
    (False, False),
])
def test_reparse_keeps_a_value_a_copy_gave(tmp_path, db_path, given_by_copy, kept):
    _write_records(tmp_path / "first.jsonl", [{}])
    ingest_json(tmp_path / "first.jsonl", "--db", db_path)
    if given_by_copy:
        _write_records(tmp_path / "copies.jsonl", [{**DATED, "authors": ["Ann Lee"]}])
        ingest_json(tmp_path / "copies.jsonl", "--db", db_path)
    else:
        with connect(db_path) as conn:
            conn.execute("UPDATE articles SET published = '2024-03-05', authors = '[\"Ann Lee\"]'")
    result = run_cli("reparse", "--all", "--db", db_path)
    assert result.exit_code == 0
    article = _article(db_path)
    assert (article["published"], article["authors"]) == (
        ("2024-03-05", '["Ann Lee"]') if kept else (None, "[]"))


# An update a copy carries is its own publication's: taken only where it is not before the
# article's date (the date the article holds, or the one this copy gives it).
@pytest.mark.parametrize("first, copy, updated", [
    # the defect: another paper's copy dated a month earlier made the article "updated" a month
    # before it was published
    ({**DATED, "outlet": "The Harbor Ledger"},
     {"published": "2024-02-01", "updated": "2024-02-02T10:00:00Z", "outlet": "Quay Street Gazette"}, None),
    ({**DATED}, {"updated": "2024-03-04"}, None),
    # near misses: an update on the article's day or after it, or with the date this copy gives
    ({**DATED}, {"updated": "2024-03-05T18:00:00Z"}, "2024-03-05T18:00:00+00:00"),
    ({**DATED}, {"updated": "2024-03-09"}, "2024-03-09"),
    ({}, {"published": "2024-02-01", "updated": "2024-02-02"}, "2024-02-02"),
])
@pytest.mark.parametrize("one_batch", [False, True], ids=["later run", "same batch"])
def test_a_copys_update_before_the_articles_date_is_not_taken(tmp_path, db_path, one_batch, first, copy, updated):
    if one_batch:
        _write_records(tmp_path / "all.jsonl", [first, copy])
        ingest_json(tmp_path / "all.jsonl", "--db", db_path)
    else:
        _write_records(tmp_path / "first.jsonl", [first])
        ingest_json(tmp_path / "first.jsonl", "--db", db_path)
        _write_records(tmp_path / "copies.jsonl", [copy])
        ingest_json(tmp_path / "copies.jsonl", "--db", db_path)
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT updated FROM articles").fetchone()[0] == updated
        assert conn.execute("SELECT count(*) FROM article_revisions WHERE field = 'updated'").fetchone()[0] == (
            1 if updated else 0)


def _copy_with_sidecar(tmp_path, db_path, own_date, sidecar: dict):
    """The article stored from a text file (dated `own_date` by its own sidecar), then a copy
    of it in another folder with a sidecar; returns the copy's sidecar path."""
    (tmp_path / "story.txt").write_text(ARTICLE_TEXT)
    if own_date:
        (tmp_path / "story.json").write_text(json.dumps({"published": own_date}))
    assert ingest_json(tmp_path / "story.txt", "--db", db_path)[1]["stored"] == 1
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "copy.txt").write_text(ARTICLE_TEXT)
    (elsewhere / "copy.json").write_text(json.dumps(sidecar))
    for path in (elsewhere / "copy.txt", elsewhere / "copy.json"):  # (read long after written)
        then = time.time() - 3600
        os.utime(path, (then, then))
    assert ingest_json(elsewhere, "--db", db_path)[1]["duplicate"] == 1
    return elsewhere / "copy.json"


# (the article's own date, what the copy's sidecar said when it was first read, what it says
# corrected, what the article then holds, the article's revisions the correction adds)
CORRECTED_COPIES = [
    # the defect: the date the copy gave stayed the article's though the copy no longer said it
    (None, {**DATED, "authors": ["Ann Lee"]}, {"published": "2024-03-07", "authors": ["Ann Lee"]},
     {"published": "2024-03-07", "authors": '["Ann Lee"]'}, [("published", "2024-03-05", "2024-03-07")]),
    # the defect: a copy whose corrected sidecar gives a value the article lacks did not give it,
    # as the same copy read with that sidecar the first time does
    (None, {}, {**DATED, "authors": ["Ann Lee"]}, {"published": "2024-03-05", "authors": '["Ann Lee"]'},
     [("authors", "[]", '["Ann Lee"]'), ("published", None, "2024-03-05")]),
    # near misses: a value removed from the sidecar is not taken back; a date the article had
    # before the copy came is not the copy's to change; nor one a copy gave and this one never said
    (None, {**DATED}, {}, {"published": "2024-03-05"}, []),
    ("2024-03-01", {**DATED}, {"published": "2024-03-07"}, {"published": "2024-03-01"}, []),
    (None, {**DATED}, {"published": "2024-03-05", "title": "Quayside flood"}, {"published": "2024-03-05"}, []),
]


@pytest.mark.parametrize("own_date, said, corrected, expected, revised", CORRECTED_COPIES)
def test_a_copys_corrected_sidecar_corrects_what_it_gave_its_article(tmp_path, db_path, own_date, said,
                                                                      corrected, expected, revised):
    sidecar = _copy_with_sidecar(tmp_path, db_path, own_date, said)
    before = _revisions(db_path)
    sidecar.write_text(json.dumps(corrected))
    code, summary = ingest_json(sidecar.parent, "--db", db_path)
    assert (code, summary["unchanged"]) == (0, 1)
    article = _article(db_path)
    assert {name: article[name] for name in expected} == expected
    # what the article held before is kept (the copy's own row's changes are sources.<column>)
    assert [row[:3] for row in _revisions(db_path)[len(before):] if not row[0].startswith("sources.")] == revised
    found = run_cli("search", "sandbags", "--since", "2024-03-06", "--db", db_path, "--json")  # the index follows
    assert len(json.loads(found.output)) == (1 if expected["published"] == "2024-03-07" else 0)
    # and reparse, reading the stored copy again (no date, no byline), keeps what the copies gave
    assert run_cli("reparse", "--all", "--db", db_path).exit_code == 0
    article = _article(db_path)
    assert {name: article[name] for name in expected} == expected


@pytest.mark.parametrize("copy_sidecar, own_sidecar, expected", [
    # fail before: a date a copy's sidecar gave (provenance "override") was never revised, though
    # the article's own file, read by today's rules, gives its own date: "override" keeps what
    # the user gave the article's own file, not what a copy said of itself
    ({"published": "2024-03-09"}, None, "2024-03-06"),
    # near misses: a date the copy gave as a record value (no sidecar) is revised as before; a
    # date the article's own sidecar gives is kept
    (None, None, "2024-03-06"),
    ({"published": "2024-03-09"}, {"published": "2024-03-01"}, "2024-03-01"),
])
def test_reparse_gives_the_article_its_own_date_over_a_copys(tmp_path, db_path, copy_sidecar, own_sidecar, expected):
    text = "Cranes idle at the quay\n\nMarch 6, 2024\n\n" + ARTICLE_TEXT + "\n"
    (tmp_path / "own.txt").write_text(text)
    if own_sidecar:
        (tmp_path / "own.json").write_text(json.dumps(own_sidecar))
    ingest_json(tmp_path / "own.txt", "--db", db_path)
    if not own_sidecar:  # as older rules stored it: undated
        with connect(db_path) as conn:
            conn.execute("UPDATE articles SET published = NULL, published_source = NULL")
    copies = tmp_path / "copies"
    copies.mkdir()
    if copy_sidecar:
        (copies / "copy.txt").write_text(text.replace("March 6, 2024\n\n", ""))
        (copies / "copy.json").write_text(json.dumps(copy_sidecar))
    else:
        (copies / "copy.jsonl").write_text(json.dumps({"body": ARTICLE_TEXT, "published": "2024-03-09"}) + "\n")
    assert ingest_json(copies, "--db", db_path)[1]["duplicate"] == 1
    assert run_cli("reparse", "--all", "--db", db_path).exit_code == 0
    assert _article(db_path)["published"] == expected


@pytest.mark.parametrize("corrected", [True, False])
def test_reparse_gives_the_article_its_own_date_over_a_corrected_copys(tmp_path, db_path, corrected):
    """The same when the copy's sidecar was corrected after it gave the date: the date it gives
    now is still a copy's (fail before: kept for good, as the user's)."""
    text = "Cranes idle at the quay\n\nMarch 6, 2024\n\n" + ARTICLE_TEXT + "\n"
    (tmp_path / "own.txt").write_text(text)
    ingest_json(tmp_path / "own.txt", "--db", db_path)
    with connect(db_path) as conn:  # as older rules stored it: undated
        conn.execute("UPDATE articles SET published = NULL, published_source = NULL")
    copies = tmp_path / "copies"
    copies.mkdir()
    (copies / "copy.txt").write_text(text.replace("March 6, 2024\n\n", ""))
    (copies / "copy.json").write_text(json.dumps({"published": "2024-03-09"}))
    for path in copies.iterdir():
        os.utime(path, (time.time() - 3600,) * 2)
    ingest_json(copies, "--db", db_path)
    if corrected:
        (copies / "copy.json").write_text(json.dumps({"published": "2024-03-10"}))
        assert ingest_json(copies, "--db", db_path)[1]["sidecar_revised"] == 1
        assert _article(db_path)["published"] == "2024-03-10"
    assert run_cli("reparse", "--all", "--db", db_path).exit_code == 0
    assert _article(db_path)["published"] == "2024-03-06"


@pytest.mark.parametrize("copy, updated", [
    # fail before: the copy's update stayed, now before the date the article's own file gives
    ({"published": "2024-03-01", "updated": "2024-03-02"}, None),
    # near miss: a copy's update on or after the article's own date stays
    ({"published": "2024-03-01", "updated": "2024-03-08"}, "2024-03-08"),
])
def test_reparse_drops_a_copys_update_before_the_articles_own_date(tmp_path, db_path, copy, updated):
    (tmp_path / "own.txt").write_text("Cranes idle at the quay\n\nMarch 6, 2024\n\n" + ARTICLE_TEXT + "\n")
    ingest_json(tmp_path / "own.txt", "--db", db_path)
    with connect(db_path) as conn:  # as older rules stored it: undated
        conn.execute("UPDATE articles SET published = NULL, published_source = NULL")
    _write_records(tmp_path / "copies.jsonl", [copy])
    ingest_json(tmp_path / "copies.jsonl", "--db", db_path)
    assert run_cli("reparse", "--all", "--db", db_path).exit_code == 0
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT published, updated FROM articles").fetchone() == ("2024-03-06", updated)


def _story(folder, sidecar: dict | None):
    """A plain-text copy of the story in `folder`, with a sidecar giving `sidecar` if any (aged:
    the next run reads it again only when it changes)."""
    folder.mkdir(exist_ok=True)
    (folder / "story.txt").write_text("Millbrook bridge shut as river rises\n\n" + ARTICLE_TEXT)
    if sidecar is not None:
        (folder / "story.json").write_text(json.dumps(sidecar))
        then = time.time() - 3600
        os.utime(folder / "story.json", (then, then))


def _source_id(db_path, location_end: str) -> int:
    with sqlite3.connect(db_path) as conn:
        return conn.execute("SELECT id FROM sources WHERE location LIKE ?", (f"%{location_end}",)).fetchone()[0]


# (how the undated article gets its date, the file whose source row the revision names (None:
# the article's own), the signal it names)
PROVENANCE_ROWS = [
    # the defect: a copy gave the date, and its revision read as the article's own signal
    ("a copy's sidecar", "copy/story.txt", "override"),
    ("a copy's record", "copies.jsonl#1", "record"),
    ("a copy's corrected sidecar", "copy/story.txt", "override"),
    # near miss: the article's own corrected sidecar gives it (a copy stored too): no copy named
    ("its own corrected sidecar", None, "override"),
]


@pytest.mark.parametrize("given_by, copy_file, signal", PROVENANCE_ROWS)
def test_a_revision_names_the_copy_that_gave_its_value(tmp_path, db_path, given_by, copy_file, signal):
    if given_by == "a copy's record":
        _write_records(tmp_path / "first.jsonl", [{}])
        ingest_json(tmp_path / "first.jsonl", "--db", db_path)
        _write_records(tmp_path / "copies.jsonl", [DATED])
        ingest_json(tmp_path / "copies.jsonl", "--db", db_path)
    else:
        _story(tmp_path / "own", {} if given_by == "its own corrected sidecar" else None)
        assert ingest_json(tmp_path / "own", "--db", db_path)[1]["stored"] == 1
        _story(tmp_path / "copy", DATED if given_by == "a copy's sidecar" else {})
        assert ingest_json(tmp_path / "copy", "--db", db_path)[1]["duplicate"] == 1
        corrected = {"a copy's corrected sidecar": "copy", "its own corrected sidecar": "own"}.get(given_by)
        if corrected:
            (tmp_path / corrected / "story.json").write_text(json.dumps(DATED))
            assert ingest_json(tmp_path / corrected, "--db", db_path)[1]["sidecar_revised"] == 1
    assert _article(db_path)["published"] == "2024-03-05"
    with sqlite3.connect(db_path) as conn:
        revisions = conn.execute("SELECT field, old_value, new_value, new_source, source_id "
                                 "FROM article_revisions LEFT JOIN article_revision_copies "
                                 "ON revision_id = article_revisions.id WHERE field = 'published'").fetchall()
    copy_id = copy_file and _source_id(db_path, copy_file)
    assert revisions == [("published", None, "2024-03-05", signal, copy_id)]
    # the article's own column keeps the signal alone, as reparse reads it
    assert _article(db_path)["published_source"] == signal


# (who gave the undated article its date, whether its revision predates article_revision_copies
# (an archive upgraded to 0017 after it), the date once the article's own sidecar holds none)
TAKEN_BACK_ROWS = [
    # the defect: the date the user gave the article's own sidecar, then deleted from it, stayed
    # for good (ingest and reparse kept it) because an undated copy of the story was stored
    ("its own sidecar", False, None),
    # near misses: a date a copy's sidecar gave is not the article's sidecar's to take back; nor,
    # in an archive whose revisions predate 0017, one given while the article had a copy
    ("a copy's sidecar", False, "2024-03-05"),
    ("a copy's sidecar", True, "2024-03-05"),
]


@pytest.mark.parametrize("given_by, before_0017, expected", TAKEN_BACK_ROWS)
def test_a_date_deleted_from_the_articles_own_sidecar_is_taken_back_though_it_has_a_copy(
        tmp_path, db_path, given_by, before_0017, expected):
    _story(tmp_path / "own", {})
    assert ingest_json(tmp_path / "own", "--db", db_path)[1]["stored"] == 1
    _story(tmp_path / "copy", DATED if given_by == "a copy's sidecar" else None)
    assert ingest_json(tmp_path / "copy", "--db", db_path)[1]["duplicate"] == 1
    if given_by == "its own sidecar":
        (tmp_path / "own" / "story.json").write_text(json.dumps(DATED))
        assert ingest_json(tmp_path / "own", "--db", db_path)[1]["sidecar_revised"] == 1
    assert _article(db_path)["published"] == "2024-03-05"
    if before_0017:  # as an older version kept it: no copy named, 0017 applied since
        with sqlite3.connect(db_path) as conn:
            conn.execute("DELETE FROM article_revision_copies")
            conn.execute("UPDATE _sqlite_migrations SET applied_at = '2999-01-01 00:00:00.000000+00:00' "
                         "WHERE name = '0017_revision_copies'")
    (tmp_path / "own" / "story.json").write_text(json.dumps({"title": "Millbrook bridge shut"}))
    assert ingest_json(tmp_path / "own", "--db", db_path)[0] == 0
    assert _article(db_path)["published"] == expected
    assert run_cli("reparse", "--all", "--db", db_path).exit_code == 0
    assert _article(db_path)["published"] == expected


@pytest.mark.parametrize("corrected, expected", [
    # the defect: copy b, which gave nothing (a had given the date first), moved the article's date
    # when its sidecar was corrected, though a, which gave it, still says it
    ("b", "2024-03-05"),
    # near miss: the copy that gave the date corrects it
    ("a", "2024-03-07"),
])
def test_a_corrected_copy_changes_only_a_value_it_gave(tmp_path, db_path, corrected, expected):
    _story(tmp_path / "own", None)
    assert ingest_json(tmp_path / "own", "--db", db_path)[1]["stored"] == 1
    for copy in ("a", "b"):  # both say the same date; a, read first, gives it
        _story(tmp_path / copy, DATED)
        assert ingest_json(tmp_path / copy, "--db", db_path)[1]["duplicate"] == 1
    assert _article(db_path)["published"] == "2024-03-05"
    (tmp_path / corrected / "story.json").write_text(json.dumps({"published": "2024-03-07"}))
    assert ingest_json(tmp_path / corrected, "--db", db_path)[1]["sidecar_revised"] == 1
    assert _article(db_path)["published"] == expected
    with sqlite3.connect(db_path) as conn:  # the copy's own row says what it says now, either way
        assert conn.execute("SELECT published FROM sources WHERE location LIKE ?",
                            (f"%/{corrected}/story.txt",)).fetchone() == ("2024-03-07",)


def test_a_dry_run_reads_an_archive_made_before_revisions_named_their_copies(tmp_path, db_path):
    """reparse --dry-run opens the archive as it is, not upgraded: one made before
    article_revision_copies (0017) has no such table, and asking whether a copy gave a value must
    not need it (it stopped with "no such table"); the value a copy gave is counted as kept."""
    _write_records(tmp_path / "first.jsonl", [{}])
    ingest_json(tmp_path / "first.jsonl", "--db", db_path)
    _write_records(tmp_path / "copies.jsonl", [DATED])
    ingest_json(tmp_path / "copies.jsonl", "--db", db_path)
    with sqlite3.connect(db_path) as conn:  # as an older version left it
        conn.execute("DROP TRIGGER articles_forget_deleted")  # (0023)
        undo_source_authors(conn)  # (0029)
        conn.execute("DROP TABLE article_revision_copies")
        conn.execute("DELETE FROM _sqlite_migrations WHERE name >= '0017'")
        conn.execute("DROP TABLE reparse_all_read")  # (0022)
        conn.execute("DROP TABLE input_file_sidecars")
        conn.execute("ALTER TABLE articles DROP COLUMN captured")  # (0019)
        conn.execute("ALTER TABLE sources DROP COLUMN captured")  # (0031)
    result = run_cli("reparse", "--all", "--dry-run", "--json", "--db", db_path)
    assert result.exit_code == 0, result.output
    assert (json.loads(result.stdout)["revised"], json.loads(result.stdout)["reread"]) == (0, 1)
