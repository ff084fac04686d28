"""The pieces of SQL written more than once because they must be: metadata.yml's saved queries
are literal SQL (Datasette runs the text as it stands, with no way to name a piece and use it
again), and each copy sits where its own SELECT reads the rows it needs (snippet() only works
inside the query over articles_fts that matched). These tests keep the copies identical, and
equal to the Python constants they stand for, so that a change to one that misses another fails."""

import re

import pytest

from ingest.datasette_plugin import STORY_SOURCES_SQL
from ingest.resources import schema_dir
from ingest.search import _TIMELINE_DATED, OPENING_WORDS, SNIPPET_MOST_WORDS, search_sql
from ingest.serve import load_metadata


def folded(sql: str) -> str:
    """The SQL without its comments, its spaces folded."""
    return " ".join(re.sub(r"--[^\n]*", "", sql).split())


# A text too long for FTS5's snippet() gets its opening words (search.opening, SNIPPET_MOST_WORDS).
_CLIPPED_SNIPPET = re.compile(
    r"coalesce\(\(select opening\(text\.body\) from articles as text where text\.id = articles_fts\.rowid "
    r"and text\.word_count > (\d+)\), snippet\(articles_fts, -1, '<mark>', '</mark>', ' … ', (\d+)\)\)")
# A story's texts: the article, and every article near_copy_stories links to its story.
_STORY_TEXTS = ("select story.article_id from near_copy_stories as own join near_copy_stories as story "
                "on story.story_id = own.story_id where own.article_id = articles.id)")
# One place a story ran: an outlet, an address as ingest compares them, a day.
_PLACE = "same_address_key({t}url), substr({t}published, 1, 10)"


def test_every_snippet_the_search_makes_clips_a_long_text_alike():
    sql = folded(search_sql())
    clips = _CLIPPED_SNIPPET.findall(sql)
    # the prefix newest first, best first, a page's span, a page's row sought alone
    assert len(clips) == 4
    assert len(re.findall(r"\bsnippet\(", sql)) == len(clips)  # (no snippet made another way; readable_snippet( is not one)
    assert set(clips) == {(str(SNIPPET_MOST_WORDS), str(OPENING_WORDS))}


def test_the_search_reads_a_storys_texts_alike_wherever_it_counts_them():
    sql = folded(search_sql()).lower()
    # places (twice: counted, then its distinct places), ran_in and ran_under (the copies' bylines)
    # with the article itself; edited_in without
    assert sql.count(_STORY_TEXTS) == 5
    assert sql.count("select articles.id union all " + _STORY_TEXTS) == 4
    # and the article page's list of every place the story was seen, by its :id
    assert _STORY_TEXTS.replace("articles.id", ":id") in folded(STORY_SOURCES_SQL).lower()


@pytest.mark.parametrize("query, places", [
    ("search", ["outlet_id, " + _PLACE.format(t="")]),
    # placed (each story's places counted) and places (the page's stories' places listed)
    ("syndication", ["sources.outlet_id, " + _PLACE.format(t="sources.")] * 2),
    # the view that counts the stale stories' places (and fills the kept counts the query reads)
    ("schema/0027", ["sources.outlet_id, " + _PLACE.format(t="sources.")]),
])
def test_a_place_a_story_ran_is_one_outlet_address_and_day_in_every_query(query, places):
    if query.startswith("schema/"):
        sql = folded(next(schema_dir().glob(query.removeprefix("schema/") + "_*.sql")).read_text()).lower()
    else:
        sql = folded(load_metadata()["databases"]["archive"]["queries"][query]["sql"]).lower()
    found = [m.group(0) for m in re.finditer(r"[\w.]*outlet_id, same_address_key\([\w.]*url\), "
                                             r"substr\([\w.]*published, 1, 10\)", sql)]
    assert found == places


def test_the_timeline_leaves_out_the_undated_by_one_condition_the_count_of_them_turns_round():
    # search.undated_matches counts what the timeline leaves out by turning this one condition of
    # its SQL round, as written (a second copy, or the condition written otherwise, and it refuses)
    sql = load_metadata()["databases"]["archive"]["queries"]["timeline"]["sql"]
    assert sql.count(_TIMELINE_DATED) == 1
    assert "published is null" not in folded(sql).lower()
