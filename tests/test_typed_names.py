"""by_author and by_outlet find a name as a user types it: in any case, spacing, accents and
punctuation (the key ingest files a person or an outlet under), by web address for an outlet,
or by the beginnings of its words, naming in each row who was found. They needed the exact
stored name: "smith", "ann  smith" or a name typed without its accent found nothing."""

import json

import pytest

from ingest.normalise import name_has_words
from ingest.pipeline import run_ingest

from conftest import ARTICLE_TEXT, served_from


@pytest.mark.parametrize("name, typed, found", [
    ("Ann Smith", "smith", True),
    ("Ann Smith", "ann smi", True),
    ("Ann Smith", "Smith, Ann", True),  # written last name first
    ("Ann Smith", "ANN  SMITH", True),
    ("Anne-Marie Dubé", "anne marie", True),  # the parts of a joined name
    ("Anne-Marie Dubé", "Dube", True),  # without the accent
    ("Anne-Marie Dubé", "annemarie", True),
    ("Theo O'Hara", "ohara", True),
    ("Theo O'Hara", "hara", True),
    # near misses: inside a word, a word longer than the name's, a word the name lacks
    ("Ann Smith", "nn", False),
    ("Ann Smith", "mith", False),
    ("Ann Smith", "ann smithe", False),
    ("Ann Smith", "ann lee", False),
    ("Ann Smith", "", False),
    ("Ann Smith", "-- ,", False),  # punctuation alone is no word: not every author
])
def test_name_has_words(name, typed, found):
    assert name_has_words(name, typed) is found


def _record(title: str, authors: list[str], outlet: str, url: str, published: str) -> dict:
    return {"title": title, "authors": authors, "outlet": outlet, "url": url, "published": published,
            "body": f"{ARTICLE_TEXT}\n\nThe council said more on {title.lower()} would follow."}


RECORDS = [
    _record("Quay wall repaired", ["Ann Smith"], "The Harbor Ledger",
            "https://www.harborledger.example/news/quay-wall", "2024-03-01T09:00:00+00:00"),
    _record("Ferry timetable changes", ["Ann Smithson"], "Harbor Evening Post",
            "https://eveningpost.example/ferry-timetable", "2024-03-02T09:00:00+00:00"),
    _record("Library opens on Sundays", ["Bo Smith", "Ann Smith"], "The Millbrook Times",
            "https://millbrooktimes.example/library-sundays", "2024-03-03T09:00:00+00:00"),
    _record("Bridge toll scrapped", ["Anne-Marie Dubé"], "The Millbrook Times",
            "https://millbrooktimes.example/bridge-toll", "2024-03-04T09:00:00+00:00"),
    _record("Ferry fares frozen", ["Cy Ng"], "AP", "https://wire.example/ferry-fares", "2024-03-05T09:00:00+00:00"),
]


def _archive_of(tmp_path_factory, name: str, records: list[dict]):
    """A new archive of `records` (each stored), ingested as one JSON Lines file."""
    folder = tmp_path_factory.mktemp(name)
    (folder / "records.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    db_path = folder / "archive.db"
    assert run_ingest([str(folder / "records.jsonl")], str(db_path), workers=1).stored == len(records)
    return db_path


@pytest.fixture(scope="module")
def get(tmp_path_factory):
    with served_from(_archive_of(tmp_path_factory, "typed-names", RECORDS)) as get:
        yield get


def _found(get, path: str) -> list[tuple]:
    response = get(path + "&_shape=array")
    assert response.status_code == 200, response.text
    return response.json()


@pytest.mark.parametrize("typed, expected", [
    # as stored (the links from articles and the authors table): that author alone
    ("Ann+Smith", {"Quay wall repaired": "Ann Smith", "Library opens on Sundays": "Ann Smith"}),
    # as its key: spacing, case, accents and punctuation as typed
    ("ann++SMITH", {"Quay wall repaired": "Ann Smith", "Library opens on Sundays": "Ann Smith"}),
    ("Anne-Marie+Dube", {"Bridge toll scrapped": "Anne-Marie Dubé"}),
    ("anne+marie+dube", {"Bridge toll scrapped": "Anne-Marie Dubé"}),
    # by the beginnings of words: every author they begin, each row naming who
    ("smith", {"Quay wall repaired": "Ann Smith", "Ferry timetable changes": "Ann Smithson",
               "Library opens on Sundays": "Bo Smith, Ann Smith"}),
    ("Smith%2C+Ann", {"Quay wall repaired": "Ann Smith", "Ferry timetable changes": "Ann Smithson",
                      "Library opens on Sundays": "Ann Smith"}),
    ("dub", {"Bridge toll scrapped": "Anne-Marie Dubé"}),
    # near misses: inside a word, one letter too many, nobody
    ("mith", {}), ("ann+smithe", {}), ("Nobody+Known", {}), ("%2C", {}),
    # LIKE's wildcards and SQL typed are text, not patterns nor SQL: nobody
    ("%25", {}), ("_", {}), ("%27", {}), ("x%27+or+%271%27%3D%271", {}), ("A" * 2000, {}),
    # one letter begins the words of many
    ("b", {"Library opens on Sundays": "Bo Smith"}),
])
def test_by_author_finds_a_name_as_typed(get, typed, expected):
    found = _found(get, f"/archive/by_author.json?author={typed}")
    assert {row["title"]: ", ".join(sorted(row["author"].split(", "), key=row["authors"].index))
            for row in found} == expected
    assert len(found) == len(expected)  # an article by two authors found is listed once


@pytest.mark.parametrize("typed, expected", [
    ("The+Harbor+Ledger", {"Quay wall repaired"}),
    ("harbor+ledger", {"Quay wall repaired"}),  # without "The", in any case
    ("HarborLedger", {"Quay wall repaired"}),
    ("harborledger.example", {"Quay wall repaired"}),  # its web address
    ("https%3A%2F%2Fwww.harborledger.example%2F", {"Quay wall repaired"}),
    ("eveningpost.example", {"Ferry timetable changes"}),  # a domain unlike the name
    ("harbor", {"Quay wall repaired", "Ferry timetable changes"}),  # the beginning of a word
    ("millbrook+tim", {"Library opens on Sundays", "Bridge toll scrapped"}),
    # an agency as ingest files it, however its initials are written
    ("AP", {"Ferry fares frozen"}), ("ap", {"Ferry fares frozen"}), ("A.P.", {"Ferry fares frozen"}),
    ("associated+press", {"Ferry fares frozen"}),
    # near misses
    ("arbor", set()), ("harbor+ledgers", set()), ("elsewhere.example", set()), ("APX", set()),
    ("A.P.P.", set()),
])
def test_by_outlet_finds_an_outlet_as_typed(get, typed, expected):
    found = _found(get, f"/archive/by_outlet.json?outlet={typed}")
    assert {row["title"] for row in found} == expected
    assert len(found) == len(expected)


def test_each_row_of_by_outlet_names_the_outlet_found(get):
    found = _found(get, "/archive/by_outlet.json?outlet=harbor")
    assert {row["title"]: row["outlet"] for row in found} == {
        "Quay wall repaired": "The Harbor Ledger", "Ferry timetable changes": "Harbor Evening Post"}


def test_each_author_found_opens_that_authors_articles(get):
    page = get("/archive/by_author?author=smith").text
    for name in ("Ann Smith", "Ann Smithson", "Bo Smith"):
        assert f'<a href="/archive/by_author?author={name.replace(" ", "+")}">{name}</a>' in page
    assert len(_found(get, "/archive/by_author.json?author=Ann+Smithson")) == 1  # that author alone


@pytest.mark.parametrize("typed", ["AP", "A.P.", "The+Associated+Press"])
def test_by_outlet_finds_an_agency_stored_under_its_initials_before_they_were_read_as_it(tmp_path, typed):
    """An archive made before dotted initials were read as the agency holds "A.P." as an outlet
    of its own (key "ap"), beside the agency's row: "AP" and "A.P." find both, as the key typed
    and as the agency ingest now files them under."""
    records = [_record("Ferry fares frozen", ["Cy Ng"], "The Associated Press", "https://wire.example/ferry-fares",
                       "2024-03-05T09:00:00+00:00"),
               _record("Quay wall repaired", ["Cy Ng"], "Valley Post", "https://wire.example/quay-wall",
                       "2024-03-06T09:00:00+00:00")]
    (tmp_path / "records.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    db_path = tmp_path / "archive.db"
    run_ingest([str(tmp_path / "records.jsonl")], str(db_path), workers=1)
    import sqlite3

    with sqlite3.connect(db_path) as conn:  # as the version before stored a dateline's "(A.P.)"
        conn.execute("UPDATE outlets SET name = 'A.P.', key = 'ap' WHERE name = 'Valley Post'")
    expected = {"Ferry fares frozen"} if typed.startswith("The") else {"Ferry fares frozen", "Quay wall repaired"}
    with served_from(db_path) as get:
        assert {row["title"] for row in _found(get, f"/archive/by_outlet.json?outlet={typed}")} == expected


# The `search` query's author and outlet filters find a name as by_author and by_outlet do: they
# needed the stored name (in any case), so "smith", "ann smi" or "harbor" found nothing, and a
# name typed as by_author takes it gave "No articles match." for articles that were there.
@pytest.mark.parametrize("author, expected", [
    ("Ann+Smith", {"Quay wall repaired", "Library opens on Sundays"}),
    ("ann++SMITH", {"Quay wall repaired", "Library opens on Sundays"}),
    ("anne+marie+dube", {"Bridge toll scrapped"}),
    ("smith", {"Quay wall repaired", "Ferry timetable changes", "Library opens on Sundays"}),
    ("ann+smi", {"Quay wall repaired", "Ferry timetable changes", "Library opens on Sundays"}),
    ("Smith%2C+Ann", {"Quay wall repaired", "Ferry timetable changes", "Library opens on Sundays"}),
    # near misses: inside a word, one letter too many, nobody, punctuation alone
    ("mith", set()), ("ann+smithe", set()), ("Nobody+Known", set()), ("%2C", set()), ("%25", set()),
])
def test_search_finds_an_author_as_typed(get, author, expected):
    assert {row["title"] for row in _found(get, f"/archive/search.json?q=river&author={author}")} == expected
    # the same articles by_author lists (with the words): one reading of a name typed
    assert expected == {row["title"] for row in _found(get, f"/archive/by_author.json?author={author}")}


@pytest.mark.parametrize("outlet, expected", [
    ("The+Harbor+Ledger", {"Quay wall repaired"}),
    ("harbor+ledger", {"Quay wall repaired"}),
    ("harborledger.example", {"Quay wall repaired"}),
    ("harbor", {"Quay wall repaired", "Ferry timetable changes"}),
    ("A.P.", {"Ferry fares frozen"}),
    ("arbor", set()), ("harbor+ledgers", set()), ("elsewhere.example", set()),
])
@pytest.mark.parametrize("sort", ["", "newest"])
def test_search_finds_an_outlet_as_typed(get, outlet, expected, sort):
    found = _found(get, f"/archive/search.json?q=river&outlet={outlet}&sort={sort}")
    assert {row["title"] for row in found} == expected
    assert expected == {row["title"] for row in _found(get, f"/archive/by_outlet.json?outlet={outlet}")}


def test_the_command_line_search_finds_an_author_and_an_outlet_as_typed(tmp_path):
    from click.testing import CliRunner

    from ingest.cli import cli

    (tmp_path / "records.jsonl").write_text("".join(json.dumps(r) + "\n" for r in RECORDS))
    db_path = tmp_path / "archive.db"
    run_ingest([str(tmp_path / "records.jsonl")], str(db_path), workers=1)
    runner = CliRunner()
    result = runner.invoke(cli, ["search", "river", "--db", str(db_path), "--author", "smith", "--outlet", "harbor",
                                 "--json"])
    assert result.exit_code == 0, result.output
    assert {row["title"] for row in json.loads(result.stdout)} == {"Quay wall repaired", "Ferry timetable changes"}
    # nobody of that name: said on standard error, as before
    result = runner.invoke(cli, ["search", "river", "--db", str(db_path), "--author", "ann smithe"])
    assert "no author of the archive is named 'ann smithe'" in result.stderr


@pytest.mark.parametrize("outlet, expected", [
    # fail before: the stored name only
    ("harbor", {"2024-03-01": 1, "2024-03-02": 1}), ("harborledger.example", {"2024-03-01": 1}),
    ("The+Harbor+Ledger", {"2024-03-01": 1}),
    # near misses: inside a word, nobody
    ("arbor", {}), ("Nobody+Known", {}),
])
def test_timeline_finds_an_outlet_as_typed(get, outlet, expected):
    found = _found(get, f"/archive/timeline.json?q=river&outlet={outlet}")
    assert {row["day"]: row["articles"] for row in found} == expected


# Twenty-five outlets whose names begin with "Quay", and one that does not.
MANY_OUTLETS = [_record(f"River report {number}", ["Ann Smith"], f"Quay {letter} Gazette",
                        f"https://quay{letter}.example/river-{number}", f"2024-04-{number:02d}T09:00:00+00:00")
                for number, letter in enumerate("abcdefghijklmnopqrstuvwxy", start=1)] + [
    _record("River report elsewhere", ["Ann Smith"], "Valley Post", "https://valleypost.example/river",
            "2024-04-26T09:00:00+00:00")]


@pytest.fixture(scope="module")
def many_outlets(tmp_path_factory):
    return _archive_of(tmp_path_factory, "many-outlets", MANY_OUTLETS)


def _first_value(db_path, sql: str, asked: dict):
    """The first value `sql` gives on the archive, each parameter it names not asked for empty."""
    import re
    import sqlite3

    from ingest.search import add_query_functions

    conn = sqlite3.connect(db_path)
    add_query_functions(conn)
    try:
        return conn.execute(sql, {**dict.fromkeys(re.findall(r"(?<!:):(\w+)", sql), ""), **asked}).fetchone()[0]
    finally:
        conn.close()


def _fts_words(db_path, **asked) -> str:
    """The words search hands FTS5 (its CTE `typed`), for the parameters asked."""
    from ingest.search import search_sql

    sql = search_sql()
    sql = sql[:sql.rindex("\nselect")] + "\nselect narrowed from typed"
    return _first_value(db_path, sql, asked)


@pytest.mark.parametrize("outlet, outlet_words", [
    # fail before: a word beginning 25 outlets' names ORed their 25 words into every look-up of
    # FTS5 (3,000 outlets for "the" at 980,069 articles: q=the 12 s, over the time limit)
    ("quay", 0),
    ("QUAY", 0),
    # near misses: one outlet, or a few, still narrow the search by their words; none found, by
    # the word no article has
    ("Quay A Gazette", 1),
    ("quay.example", 1),  # (an address of no outlet: none found, "1o")
    ("Valley", 1),
])
def test_many_outlets_found_are_not_ored_into_the_search(many_outlets, outlet, outlet_words):
    assert _fts_words(many_outlets, q="river", outlet=outlet).count('"1o') == outlet_words


@pytest.mark.parametrize("asked", [{}, {"sort": "newest"}, {"since": "2024-04-02"}, {"author": "ann"}])
def test_a_search_with_many_outlets_found_keeps_only_theirs(many_outlets, asked):
    from ingest.search import search
    from ingest.store import open_database

    found = search(open_database(many_outlets), "river", limit=100, outlet="quay",
                   newest=asked.get("sort") == "newest", **{k: v for k, v in asked.items() if k != "sort"})
    assert len(found) == 25 - ("since" in asked)
    assert {row["outlet"] for row in found} == {f"Quay {letter} Gazette" for letter in "abcdefghijklmnopqrstuvwxy"
                                                 if not ("since" in asked and letter == "a")}


def _timeline_words(db_path, **asked) -> str:
    """The words timeline hands FTS5, for the parameters asked."""
    import re

    import yaml

    from ingest.resources import metadata_path

    sql = yaml.safe_load(metadata_path().read_text(encoding="utf-8"))["databases"]["archive"]["queries"][
        "timeline"]["sql"]
    words = re.search(r"where articles_fts match (.*?)\n\s*and f\.published is not null", sql, re.S)[1]
    sql = sql[:sql.index("\nselect")] + "\nselect " + words
    return _first_value(db_path, sql, asked)


@pytest.mark.parametrize("outlet, outlet_words", [
    # fail before: 25 outlets' words ORed into the look-up (q=the outlet=the: 14 s at 980,069
    # articles, 0.7 s without the outlet)
    ("quay", 0),
    # near misses: one outlet narrows the search by its word; none found, by the word no article has
    ("Quay A Gazette", 1),
    ("quay.example", 1),
])
def test_timeline_does_not_or_many_outlets_words(many_outlets, outlet, outlet_words):
    assert _timeline_words(many_outlets, q="river", outlet=outlet).count('"1o') == outlet_words


def test_timeline_with_many_outlets_found_counts_only_theirs(many_outlets):
    with served_from(many_outlets) as get:
        rows = get("/archive/timeline.json?q=river&outlet=quay&_shape=array").json()
    assert sum(row["articles"] for row in rows) == 25


# A name typed that finds many authors or outlets narrows a search less than the reader thinks:
# the command line says so on standard error (it said nothing: --author k kept every author a k
# begins). A name that names one (as stored, by its key, an outlet by its address) finds that one
# alone, as the search's filter does, so no note.
MANY_RECORDS = [
    _record("Quay wall repaired", ["Kai Berg", "Kim Lee"], "The Harbor Ledger",
            "https://harborledger.example/quay-wall", "2024-04-01T09:00:00+00:00"),
    _record("Ferry timetable changes", ["Kim Leeson", "Kay Orr"], "The Harbor Lantern",
            "https://harborlantern.example/ferry", "2024-04-02T09:00:00+00:00"),
    _record("Library opens on Sundays", ["Kit Moss", "Ann Lee"], "Millbrook Times",
            "https://millbrooktimes.example/library", "2024-04-03T09:00:00+00:00"),
    _record("Bridge toll scrapped", ["Anne-Marie Dubé"], "Millbrook Times",
            "https://millbrooktimes.example/bridge", "2024-04-04T09:00:00+00:00"),
]


@pytest.fixture(scope="module")
def many_names_archive(tmp_path_factory):
    return _archive_of(tmp_path_factory, "many-names", MANY_RECORDS)


def _search_stderr(db_path, *arguments) -> str:
    from click.testing import CliRunner

    from ingest.cli import cli

    result = CliRunner().invoke(cli, ["search", "river", "--db", str(db_path), *arguments])
    assert result.exit_code == 0, result.output
    return result.stderr


@pytest.mark.parametrize("option, typed, note", [
    # beginnings of many names: how many, the first few, and what to do
    ("--author", "k", "author 'k' matches 5 authors (Kai Berg, Kay Orr, Kim Lee, ...); "
                      "type more of the name to narrow it"),
    ("--author", "lee", "author 'lee' matches 3 authors (Ann Lee, Kim Lee, Kim Leeson); "
                        "type more of the name to narrow it"),
    ("--author", "kim", "author 'kim' matches 2 authors (Kim Lee, Kim Leeson); type more of the name to narrow it"),
    ("--outlet", "the", "outlet 'the' matches 2 outlets (The Harbor Lantern, The Harbor Ledger); "
                        "type more of the name to narrow it"),
    ("--outlet", "harbor", "outlet 'harbor' matches 2 outlets (The Harbor Lantern, The Harbor Ledger); "
                           "type more of the name to narrow it"),
    # near misses: one name found, though its words begin others ("Kim Lee" begins "Kim Leeson")
    ("--author", "Kim Lee", None),
    ("--author", "kim  LEE", None),  # by its key
    ("--author", "kai", None),
    ("--author", "anne marie dube", None),  # one person, typed without the accent and hyphen
    ("--author", "Anne-Marie Dubé", None),  # ... and as stored
    ("--outlet", "The Harbor Ledger", None),
    ("--outlet", "harbor ledger", None),
    ("--outlet", "harborledger.example", None),  # by its address
    ("--outlet", "millbrook", None),
    ("--author", "zed", None),  # nobody: the other note, not this one
])
def test_the_command_line_says_a_name_matches_many(many_names_archive, option, typed, note):
    stderr = _search_stderr(many_names_archive, option, typed)
    if note:
        assert f"note: {note}.\n" in stderr
    else:
        assert " matches " not in stderr


def test_a_name_matching_many_is_counted_only_so_far(many_names_archive, monkeypatch):
    import ingest.search

    monkeypatch.setattr(ingest.search, "NAMES_COUNTED", 3)
    assert "author 'k' matches more than 3 authors (Kai Berg, Kay Orr, Kim Lee, ...)" in _search_stderr(
        many_names_archive, "--author", "k")


def test_json_keeps_its_list_when_a_name_matches_many(many_names_archive):
    from click.testing import CliRunner

    from ingest.cli import cli

    result = CliRunner().invoke(cli, ["search", "river", "--db", str(many_names_archive), "--author", "k", "--json"])
    assert result.exit_code == 0, result.output
    assert isinstance(json.loads(result.stdout), list)
    assert "note: author 'k' matches 5 authors" in result.stderr


# The served answers say the same (they said nothing: the JSON of search?author=k, and its page,
# listed the articles of every author a k begins as if one had been found): a "notes" key in the
# JSON of the queries that take a name (an extra key; the rows keep their shape), a note above
# the results on the page. A name that finds nobody is said too, with the nearest names.
@pytest.fixture(scope="module")
def many_names_get(many_names_archive):
    with served_from(many_names_archive) as get:
        yield get


@pytest.mark.parametrize("path, notes", [
    ("/archive/search.json?q=river&author=k",
     ["author 'k' matches 5 authors (Kai Berg, Kay Orr, Kim Lee, ...); type more of the name to narrow it"]),
    ("/archive/search.json?q=river&author=kim&outlet=harbor",
     ["outlet 'harbor' matches 2 outlets (The Harbor Lantern, The Harbor Ledger); type more of the name to narrow it",
      "author 'kim' matches 2 authors (Kim Lee, Kim Leeson); type more of the name to narrow it"]),
    ("/archive/timeline.json?q=river&outlet=the",
     ["outlet 'the' matches 2 outlets (The Harbor Lantern, The Harbor Ledger); type more of the name to narrow it"]),
    ("/archive/by_author.json?author=lee",
     ["author 'lee' matches 3 authors (Ann Lee, Kim Lee, Kim Leeson); type more of the name to narrow it"]),
    ("/archive/by_outlet.json?outlet=harbor",
     ["outlet 'harbor' matches 2 outlets (The Harbor Lantern, The Harbor Ledger); type more of the name to narrow it"]),
    ("/archive/search.json?q=river&author=zed", ["no author of the archive is named 'zed'"]),
    ("/archive/timeline.json?q=river&outlet=Harbor%20Ledgr",
     ["no outlet of the archive is named 'Harbor Ledgr' (nearest: 'The Harbor Ledger', 'The Harbor Lantern')"]),
    # near misses: one name found, or none asked
    ("/archive/search.json?q=river&author=Kim%20Lee", []),
    ("/archive/search.json?q=river&outlet=harborledger.example", []),
    ("/archive/timeline.json?q=river&outlet=millbrook", []),
    ("/archive/search.json?q=river", []),
    ("/archive/by_author.json?author=kai", []),
])
def test_the_served_answer_says_a_name_matches_many(many_names_get, path, notes):
    answer = many_names_get(path)
    assert answer.status_code == 200, answer.text
    data = answer.json()
    assert data["notes"] == notes
    # the rows as before: a value for each of the query's columns
    assert all(len(row) == len(data["columns"]) for row in data["rows"])


def test_a_note_keeps_the_array_shapes_a_list(many_names_get):
    rows = many_names_get("/archive/search.json?q=river&author=k&_shape=array").json()
    assert isinstance(rows, list) and len(rows) == 3
    assert {row["title"] for row in rows} == {"Quay wall repaired", "Ferry timetable changes",
                                             "Library opens on Sundays"}


@pytest.mark.parametrize("path, note", [
    ("/archive/search?q=river&author=k", "author &#39;k&#39; matches 5 authors (Kai Berg, Kay Orr, Kim Lee, ...)"),
    ("/archive/timeline?q=river&outlet=the", "outlet &#39;the&#39; matches 2 outlets"),
    ("/archive/by_outlet?outlet=zzz", "no outlet of the archive is named &#39;zzz&#39;"),
    ("/archive/search?q=river&author=Kim%20Lee", None),
    ("/archive/search?q=river", None),
])
def test_the_search_page_says_a_name_matches_many(many_names_get, path, note):
    page = many_names_get(path).text
    if note is None:
        assert 'class="name-notes"' not in page
    else:
        notes = page.split('<p class="name-notes">', 1)[1].split("</p>", 1)[0]
        assert note in notes
        # above the results, under the form
        assert page.index("</form>") < page.index('class="name-notes"')


def test_a_name_note_is_worked_out_again_when_the_names_change(tmp_path):
    # the notes of the same name typed again are kept while the names tables hold the same rows
    records = [_record(f"Note {i}", [name], "The Harbor Ledger", f"https://harborledger.example/{i}",
                       "2024-04-01T09:00:00+00:00") for i, name in enumerate(["Kai Berg", "Kim Lee"])]
    (tmp_path / "a.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    db_path = tmp_path / "archive.db"
    assert run_ingest([str(tmp_path / "a.jsonl")], str(db_path), workers=1).stored == 2
    with served_from(db_path) as get:
        assert get("/archive/search.json?q=river&author=k").json()["notes"][0].startswith("author 'k' matches 2 authors")
        (tmp_path / "b.jsonl").write_text(json.dumps(_record("Note 3", ["Kay Orr"], "The Harbor Ledger",
                                                             "https://harborledger.example/3",
                                                             "2024-04-02T09:00:00+00:00")) + "\n")
        assert run_ingest([str(tmp_path / "b.jsonl")], str(db_path), workers=1).stored == 1
        assert get("/archive/search.json?q=river&author=k").json()["notes"][0].startswith("author 'k' matches 3 authors")
