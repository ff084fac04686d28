"""Search of Chinese, Japanese and Korean text: a word is found inside a run of characters
written without spaces (schema/0021, ingest/cjk.py), everywhere a user searches, with readable
snippets; other text is searched exactly as before. The sentences are our own."""

import json
import sqlite3
from urllib.parse import quote

import pytest

from conftest import ingest_json, run_cli, served_from
from ingest.cjk import SEPARATOR, index_text, query_words
from ingest.search import add_query_functions, fts_query, search
from ingest.store import open_database

# title, body: written for these tests
ARTICLES = {
    "ja_typhoon": ("東京都知事が台風対策を発表",
                   "東京都知事は十日、台風の接近に備えて都内の避難所を開くと発表した。"
                   "知事はテレビのニュースで、週末は外出を控えるよう呼びかけた。"),
    # 京, 東, 地震 but never 東京: the characters of 東京 apart and out of order
    "ja_quake": ("京都の東山で小さな地震",
                 "京都市東山区で九日夜、小さな地震があった。けが人はいなかった。"
                 "住民は東の空が明るくなるまで公園で過ごした。"),
    # 東京 written onto a Latin word, and 颱風 (not 台風)
    "zh_port": ("上海港口恢復運營",
                "颱風過後，上海港口於週二恢復運營。港務局表示，東京Olympics期間的貨運安排不受影響。"),
    "ko_drill": ("서울에서 지진 대피 훈련", "서울시는 지난주 시청에서 지진 대피 훈련을 했다. 시민 이백 명이 참가했고 소방관들이 안내를 맡았다."),
    "en_ferry": ("Olympics ferry timetable", "The harbour board added late ferries for the Olympics week."),
}


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cjk")
    for name, (title, body) in ARTICLES.items():
        (folder / f"{name}.txt").write_text(f"{title}\n\n{body}\n", encoding="utf-8")
    code, summary = ingest_json(folder, "--db", folder / "archive.db")
    assert code == 0 and summary["stored"] == len(ARTICLES)
    return folder / "archive.db"


TITLE = {title: name for name, (title, _) in ARTICLES.items()}


@pytest.mark.parametrize("text, expected", [
    ("東京", {"ja_typhoon", "zh_port"}),            # 2 characters, inside runs and onto a Latin word
    ("東", {"ja_typhoon", "ja_quake", "zh_port"}),  # 1 character
    ("東京都知事", {"ja_typhoon"}),                  # 5 characters
    ("京東", set()),                                 # the characters of 東京 out of order
    ("地震", {"ja_quake"}),
    ("知事", {"ja_typhoon"}),
    ("台風", {"ja_typhoon"}),                        # (颱風 is another character)
    ("ニュース", {"ja_typhoon"}),                    # Katakana
    ("けが人", {"ja_quake"}),                        # Hiragana and a Han character
    ("서울", {"ko_drill"}),                          # Hangul, a particle written onto the noun
    ("東京 Olympics", {"zh_port"}),                  # mixed: both words
    ('"東京Olympics"', {"zh_port"}),                 # a phrase across the scripts
    ("Olympics", {"zh_port", "en_ferry"}),           # a Latin word written onto Japanese
    ("東京 -台風", {"zh_port"}),                     # leaving out
    ("東京 OR 地震", set()),                         # OR is a word, as ever (no article has "or")
    ("地*", {"ja_quake"}),                           # a prefix of one character: the character
])
def test_a_word_is_found_inside_a_run_of_characters(archive, text, expected):
    assert {TITLE[row["title"]] for row in search(open_database(archive), text)} == expected


def test_the_command_line_finds_a_word_and_shows_its_passage_as_written(archive):
    result = run_cli("search", "--db", archive, "--json", "知事")
    rows = json.loads(result.stdout)
    assert result.exit_code == 0 and [row["title"] for row in rows] == [ARTICLES["ja_typhoon"][0]]
    # the body's passage as written (24 words of the index: 24 characters), the word marked
    assert rows[0]["snippet"] == "東京都**知事**は十日、台風の接近に備えて都内の避難所を … "
    plain = run_cli("search", "--db", archive, "台風")
    assert "台風" in plain.stdout and SEPARATOR not in plain.stdout


def test_the_served_search_query_and_table_search_find_it(archive):
    with served_from(archive) as get:
        rows = get("/archive/search.json?_shape=array&q=" + quote("地震")).json()
        assert [row["title"] for row in rows] == [ARTICLES["ja_quake"][0]]
        # the body's passage, marked as one word and with no separator left in it
        bodies = get("/archive/search.json?_shape=array&q=" + quote("明るく")).json()
        assert [row["snippet"] for row in bodies] == [" … かった。住民は東の空が<mark>明るく</mark>なるまで公園で過ごした。"]
        for table in ("articles", "article_facets"):
            found = get(f"/archive/{table}.json?_shape=array&_search=" + quote("東京")).json()
            assert {TITLE[row["title"]] for row in found} == {"ja_typhoon", "zh_port"}, table
            assert get(f"/archive/{table}.json?_shape=array&_search=" + quote("京東")).json() == [], table


def test_the_index_text_and_the_query_words():
    assert index_text("東京都知事はTokyoで") == SEPARATOR.join("東京都知事は") + SEPARATOR + "Tokyo" + SEPARATOR + "で"
    assert index_text("The ferry, 2024.") == "The ferry, 2024."
    assert index_text("東京、大阪") == f"東{SEPARATOR}京、大{SEPARATOR}阪"  # punctuation separates already
    assert index_text(None) is None
    assert query_words("東京Olympics") == ["東", "京", "Olympics"]
    assert query_words("harbour") == ["harbour"]
    assert fts_query('東京 "知事 発表" 台* -地震') == '"東 京" "知 事 発 表" "台"* NOT "地 震"'
    assert fts_query("kursk troop* -drone") == '"kursk" "troop"* NOT "drone"'


LATIN = {
    "kestrel": ("Kestrel Bay dockers strike", "Dockers at Kestrel Bay walked out on Monday over night shifts."),
    "budget": ("Council budget row deepens", "The budget row deepened as the Kestrel Bay strike cost the port."),
    "ferry": ("Ferry crossings cut", "The harbour board cut ferries; islanders said the strikes would spread."),
    "cafe": ("Café reopens in São Paulo", "The café on the square reopened after the strike ended."),
}
LATIN_QUERIES = ["kestrel", "strike", "strik*", '"kestrel bay"', "harbour -budget", "cafe", "sao paulo", "ferry OR"]


def _before_0021(path, articles):
    """An archive as the version before schema 0021 left it: the index of 0008 (its content the
    articles themselves, their text read as it is), holding `articles`."""
    from ingest.migrations import _statements
    from ingest.resources import schema_dir

    db = open_database(path)
    with db.conn:
        db.execute("DROP VIEW articles_fts_text")
        for statement in _statements((schema_dir() / "0008_outlet_term.sql").read_text()):
            if "ALTER TABLE" not in statement:  # (its columns are there)
                db.execute(statement)
        db.execute("DELETE FROM _sqlite_migrations WHERE name = '0021_cjk_characters'")
        db.conn.executemany("INSERT INTO articles (id, content_hash, title, body, first_seen) VALUES (?, ?, ?, ?, ?)",
                            [(i, name, title, body, "2026-01-01")
                             for i, (name, (title, body)) in enumerate(articles.items(), 1)])
    db.close()


def _answers(db, queries=LATIN_QUERIES):
    return {query: [(row["title"], row["rank"], row["snippet"]) for row in search(db, query)] for query in queries}


def _answers_before_upgrade(path, queries=LATIN_QUERIES):
    """The answers of an archive's index as it is, not upgraded (open_database would upgrade it)."""
    conn = sqlite3.connect(path)
    add_query_functions(conn)
    try:
        return _answers(conn, queries)
    finally:
        conn.close()


def test_an_older_archive_is_reindexed_and_finds_a_word_in_a_run(tmp_path, capsys):
    old = tmp_path / "old.db"
    _before_0021(old, {**LATIN, **ARTICLES})
    assert _answers_before_upgrade(old, ["知事"]) == {"知事": []}  # the defect
    before = _answers_before_upgrade(old)
    upgraded = open_database(old)
    assert "0021_cjk_characters" in capsys.readouterr().err  # announced: it re-indexes every article
    assert upgraded.execute("SELECT count(*) FROM articles").fetchone()[0] == len(LATIN) + len(ARTICLES)
    upgraded.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")
    assert [row["title"] for row in search(upgraded, "知事")] == [ARTICLES["ja_typhoon"][0]]
    # Latin searches find the same articles in the same order with the same snippets. Their rank
    # values move a little: bm25 weighs a text's length against the average, and the CJK texts
    # now count a word a character.
    after = _answers(upgraded)
    assert any(before.values())
    assert {query: [(title, snippet) for title, _, snippet in rows] for query, rows in after.items()} == \
        {query: [(title, snippet) for title, _, snippet in rows] for query, rows in before.items()}


def test_an_archive_of_other_scripts_alone_ranks_exactly_as_before(tmp_path):
    old = tmp_path / "old.db"
    _before_0021(old, LATIN)
    before = _answers_before_upgrade(old)
    assert _answers(open_database(old)) == before and any(before.values())


def test_sqlite_utils_reads_snippets_and_changes_articles_through_the_plugin(archive, tmp_path):
    """The README's way to query the file outside the server, `sqlite-utils archive.db "..."`:
    the package's sqlite-utils plugin gives it cjk_index_text, so a snippet and a change to an
    article work there (without it: "no such function: cjk_index_text")."""
    from importlib.metadata import entry_points

    from click.testing import CliRunner
    from sqlite_utils.cli import cli as sqlite_utils_cli

    if not any(point.value == "ingest.sqlite_utils_plugin" for point in entry_points(group="sqlite_utils")):
        pytest.skip("the package is not installed (pip install -e .): its entry points are not registered")
    copy = tmp_path / "copy.db"
    copy.write_bytes(archive.read_bytes())
    sql = ("select snippet(articles_fts, 3, '[', ']', '…', 8) as passage from articles_fts "
           "where articles_fts match '\"地 震\"'")
    result = CliRunner().invoke(sqlite_utils_cli, ["query", str(copy), sql])
    assert result.exit_code == 0, result.output
    assert "[地震]" in json.loads(result.output)[0]["passage"].replace(SEPARATOR, "")
    update = "update articles set title = '京都の東山で地震' where title = '京都の東山で小さな地震'"
    result = CliRunner().invoke(sqlite_utils_cli, ["query", str(copy), update])
    assert result.exit_code == 0, result.output
    conn = sqlite3.connect(copy)
    add_query_functions(conn)
    assert conn.execute("select count(*) from articles_fts where articles_fts match '\"東 山 で 地 震\"'").fetchone() == (1,)


def test_sqlite_utils_runs_a_saved_querys_functions_through_the_plugin(archive, tmp_path):
    """A saved query's SQL, copied into `sqlite-utils`, has the functions it calls (escape_fts,
    utc_seen, byline_key, readable_snippet): before, only cjk_index_text came with the plugin, and
    such SQL failed there with "no such function"."""
    from importlib.metadata import entry_points

    from click.testing import CliRunner
    from sqlite_utils.cli import cli as sqlite_utils_cli

    if not any(point.value == "ingest.sqlite_utils_plugin" for point in entry_points(group="sqlite_utils")):
        pytest.skip("the package is not installed (pip install -e .): its entry points are not registered")
    sql = ("select escape_fts('harbour strike*') as q, utc_seen('2026-01-01T00:00:00.500Z') as seen, "
           "byline_key('[\"Zoë Lee\", \"Ann Park\"]') = byline_key('[\"Ann Park\", \"Zoe Lee\"]') as same")
    result = CliRunner().invoke(sqlite_utils_cli, ["query", str(archive), sql])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == [{"q": '"harbour" "strike"*', "seen": "2026-01-01T00:00:00", "same": 1}]
