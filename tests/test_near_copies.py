"""Near copies: a wire story at several outlets, each copy a little edited (a "Read more" line, a
changed verb, a byline left in the body), is stored as an article per outlet (their content
hashes differ) and linked as one story (near_copies, schema/0024): search names the other
outlets, and the `near_copies` saved query lists them."""

import json
import os
import re
import sqlite3

import pytest

from ingest.near_copies import NEAR_COPY_BUCKET, NEAR_COPY_SKETCH, candidates, near_copies_of, sketch_stored_articles, text_sketch
from ingest.store import open_database

from conftest import connect, ingest_json, run_cli, served_from

WIRE_STORY = (
    "Ferry crews at Larchmouth walked out on Monday after talks with the port company broke down, "
    "leaving hundreds of passengers stranded at the harbour overnight.\n\n"
    "The union said the strike would last at least a week and that its members had voted by a "
    "large margin to stop work over new night rosters. The port company said it regretted the "
    "action and hoped talks would resume soon, adding that a reduced timetable would run from "
    "Tuesday with help from a chartered vessel.\n\n"
    "Shops on the quay reported a quiet morning, and the council opened the school hall for "
    "travellers who could not find a room in town.")
# The same story as other outlets ran it.
CHANGED_SENTENCE = WIRE_STORY.replace(
    "Shops on the quay reported a quiet morning", "Traders on the quay said trade had all but stopped")
READ_MORE = WIRE_STORY.replace("walked out", "stopped work") + "\n\nRead more local news on our website."
BYLINE_IN_BODY = "By Mara Quinlan, Coastal Wire\n\n" + WIRE_STORY
# Another story of the same event: many of the same words, few of the same runs of three.
SAME_EVENT = (
    "Talks between the ferry crews and the port company at Larchmouth resumed on Thursday, the "
    "union said, three days after the strike left hundreds of passengers stranded at the harbour.\n\n"
    "A mediator from the regional labour office will chair the talks, which both sides said they "
    "hoped would end the dispute over night rosters before the weekend. The chartered vessel will "
    "keep running a reduced timetable in the meantime, the port company said, and tickets already "
    "sold for cancelled crossings will be refunded in full.")
# A brief of 25 runs of three words (more than a sketch's 16): too little text to tell one story.
SHORT_BRIEF = ("Ferry crews at Larchmouth walked out on Monday after talks with the port company broke "
               "down, leaving hundreds of passengers stranded at the harbour, the union said.")
SHORT_BRIEF_EDITED = SHORT_BRIEF.replace("the union said", "the union told reporters")


def record(body: str, outlet: str, url: str, title: str = "Ferry crews walk out at Larchmouth") -> dict:
    return {"title": title, "body": body, "outlet": outlet, "url": url}


def ingest_records(tmp_path, db_path, records: list[dict], name: str = "export.jsonl") -> dict:
    path = tmp_path / name
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    code, summary = ingest_json(path, "--db", db_path)
    assert code == 0, summary
    return summary


def pairs(db_path) -> list[tuple]:
    with sqlite3.connect(db_path) as conn:
        return conn.execute("SELECT article_id, copy_of FROM near_copies ORDER BY 1, 2").fetchall()


# --- the sketch -------------------------------------------------------------------------------

def test_a_sketch_is_the_smallest_hashes_of_the_texts_runs_the_same_in_every_process():
    sketch = text_sketch(WIRE_STORY)
    assert len(sketch) == NEAR_COPY_SKETCH and sketch == sorted(sketch)
    assert text_sketch(WIRE_STORY.upper()) == sketch  # (words casefolded, as the same-story test reads them)
    # Stable hashes (not Python's salted hash()): a sketch stored by one run is found by the next.
    assert sketch == text_sketch(" ".join(WIRE_STORY.split()))
    # ... checked against numbers written down once (CRC-32 of the run's words joined by a space):
    # a hash that changes between processes or versions passes the line above, not this one.
    assert sketch[:4] == [49977027, 73725821, 93823040, 103072261]


@pytest.mark.parametrize("other, least, most", [
    (CHANGED_SENTENCE, 10, 16),
    (READ_MORE, 10, 16),
    (BYLINE_IN_BODY, 10, 16),
    # 0.11 of its runs in the other, 3 hashes by chance: below a candidate's 4
    (SAME_EVENT, 0, 3),
])
def test_copies_share_most_of_a_sketch_other_stories_of_the_event_share_few(other, least, most):
    shared = len(set(text_sketch(WIRE_STORY)) & set(text_sketch(other)))
    assert least <= shared <= most


def test_a_short_text_has_no_sketch():
    assert text_sketch(SHORT_BRIEF) == []
    assert text_sketch("") == [] and text_sketch(None) == []


def test_candidates_are_the_articles_sharing_several_hashes(tmp_path):
    open_database(tmp_path / "a.db").conn.close()
    conn = connect(tmp_path / "a.db")  # (foreign keys off: sketches of articles not written)
    sketch = text_sketch(WIRE_STORY)
    conn.executemany("INSERT INTO article_sketches (hash, article_id) VALUES (?, ?)",
                     [(sketch[at], 7) for at in range(4)] + [(sketch[at], 8) for at in (2, 5, 9)]
                     + [(sketch[at], 9) for at in range(5, 16)] + [(sketch[at], 10) for at in range(16)])
    conn.executemany("INSERT INTO articles (id, content_hash, first_seen, body, outlet_id) VALUES (?, ?, '', '', ?)",
                     [(7, "a", 1), (8, "b", 1), (9, "c", 2), (10, "d", 3)])
    # (8 shares three hashes only; 10, all, but it is of the new text's outlet, and is not read)
    assert candidates(conn, sketch, outlet_id=3) == [9, 7]
    assert candidates(conn, sketch, outlet_id=2) == [10, 7]



def test_more_candidates_of_the_new_texts_own_outlet_than_the_limit_leave_room_for_another(tmp_path):
    # The outlet is filtered before the candidates' limit (20): 30 texts of the new text's own
    # outlet sharing 8 hashes each filled the limit, and the copy at another outlet sharing 6
    # was never read (review35e)
    open_database(tmp_path / "a.db").conn.close()
    conn = connect(tmp_path / "a.db")  # (foreign keys off: sketches of articles not written)
    sketch = text_sketch(WIRE_STORY)
    own = range(300, 330)
    conn.executemany("INSERT INTO article_sketches (hash, article_id) VALUES (?, ?)",
                     [(sketch[at], other) for other in own for at in range(8)]
                     + [(sketch[at], 400) for at in range(8, 14)])
    conn.executemany("INSERT INTO articles (id, content_hash, first_seen, body, outlet_id) VALUES (?, ?, '', '', ?)",
                     [(other, str(other), 1) for other in own] + [(400, "x", 2)])
    assert candidates(conn, sketch, outlet_id=1) == [400]


def test_hashes_of_a_template_many_articles_carry_do_not_make_a_candidate(tmp_path):
    # fails before: 50 stored texts (a full bucket) ending with one footer, at several outlets,
    # carry 4 of the new text's hashes; each was a candidate, read and refused
    open_database(tmp_path / "a.db").conn.close()
    conn = connect(tmp_path / "a.db")  # (foreign keys off: sketches of articles not written)
    sketch = text_sketch(WIRE_STORY)
    footer_carriers = range(100, 100 + NEAR_COPY_BUCKET)
    conn.executemany("INSERT INTO article_sketches (hash, article_id) VALUES (?, ?)",
                     [(sketch[at], other) for other in footer_carriers for at in range(4)]
                     + [(sketch[at], 200) for at in range(8)] + [(sketch[at], 201) for at in [0, 1, 8, 9]])
    conn.executemany("INSERT INTO articles (id, content_hash, first_seen, body, outlet_id) VALUES (?, ?, '', '', ?)",
                     [(other, str(other), 1 + other % 5) for other in [*footer_carriers, 200, 201]])
    # (200 shares 8, a wire story at more outlets than a bucket holds; 201 shares 2 of the
    # template's and 2 more: 4 counting the template's, fewer without)
    assert candidates(conn, sketch, outlet_id=9) == [200]


# --- linked when stored -----------------------------------------------------------------------

@pytest.mark.parametrize("second, outlet, linked", [
    (CHANGED_SENTENCE, "Valley Times", True),
    (READ_MORE, "Valley Times", True),
    (BYLINE_IN_BODY, "Valley Times", True),
    (SAME_EVENT, "Valley Times", False),  # two stories of one event
    (CHANGED_SENTENCE, "Coastal Herald", False),  # the same outlet: not the story running elsewhere
])
def test_a_story_at_another_outlet_a_little_edited_is_a_near_copy(tmp_path, db_path, second, outlet, linked):
    ingest_records(tmp_path, db_path, [record(WIRE_STORY, "Coastal Herald", "https://herald.example/ferry"),
                                       record(second, outlet, "https://other.example/2024/ferry")])
    assert pairs(db_path) == ([(2, 1)] if linked else [])


# --- stories that share boilerplate, quotes or a template are not near copies ----------------
# Two different short stories ending with one disclaimer, pitch or "About" section, two reports of
# one meeting quoting the same speakers, a story and its follow-up that retells it, a weather line
# or a score table of another day: each pair shares 0.58 to 0.92 of the shorter text's runs, which
# made them "near copies" by the versions' test (half). Each is refused; a short wire story with a
# byline, a rewritten sentence or a dateline and tagline is still linked.
DISCLAIMER = ("This article is provided for general information only and does not constitute legal, "
  "financial or investment advice. Readers should consult a qualified professional before acting on any "
  "of the information it contains. The publisher accepts no liability for any loss arising from reliance "
  "on this material, and views expressed are those of the author and not necessarily those of the publisher. "
  "Past performance is no guide to future returns, and the value of investments may fall as well as rise.")
PITCH = ("Get the morning briefing in your inbox. Sign up for our free newsletter to receive the day's top "
  "stories, local sport and weather every morning before seven, and support independent local journalism "
  "by becoming a member today from just three pounds a month. You can unsubscribe at any time.")
OTHER_STORY_A = ("Shares in Halden Mining fell sharply on Tuesday after the company cut its output forecast "
  "for the second time this year, blaming flooding at its northern pit.")
OTHER_STORY_B = ("The regional water board raised household charges by four percent, saying the money "
  "would pay for new pipes in the eastern suburbs over the next decade.")
ABOUT = ("About Brightwell Group: Brightwell Group is a leading provider of logistics and warehousing "
  "services across the region, employing more than four thousand people at twenty sites. Founded in "
  "1987, the company serves retail, healthcare and manufacturing customers. For more information "
  "visit the company website or contact the press office.")
COUNCIL_A = ("Councillors voted nine to four on Wednesday night to close the Elm Street library, despite a "
  "petition signed by more than two thousand residents. \"This is a sad day, but we cannot keep "
  "spending money we do not have,\" said council leader Ann Brody. \"We will look at every option to "
  "keep a service in the area, including a mobile library.\" Opposition councillor Tom Reyes called the "
  "decision short-sighted. \"Libraries are not a luxury,\" he said. The branch will close in March.")
COUNCIL_B = ("The Elm Street library will shut in March after a late-night council vote. \"This is a sad day, "
  "but we cannot keep spending money we do not have,\" said council leader Ann Brody. \"We will look at "
  "every option to keep a service in the area, including a mobile library.\" Campaigners, who gathered "
  "two thousand signatures, said they would fight on. \"Libraries are not a luxury,\" said councillor Tom Reyes.")
FOLLOW_A = ("Ferry crews at Larchmouth walked out on Monday after talks with the port company broke down, "
  "leaving hundreds of passengers stranded at the harbour overnight. The union said the strike would last "
  "at least a week and that its members had voted by a large margin to stop work over new night rosters.")
FOLLOW_B = ("Ferry crews at Larchmouth returned to work on Friday after the union accepted a new offer. "
  "Crews walked out on Monday after talks with the port company broke down, leaving hundreds of passengers "
  "stranded at the harbour overnight. The union had said the strike would last at least a week and that "
  "its members had voted by a large margin to stop work over new night rosters. The new rosters begin in May.")
WEATHER_A = ("Weather for Tuesday: mostly cloudy in the morning with sunny spells developing by the afternoon. "
  "Winds light and variable. High of 14 degrees, low of 6 degrees overnight. Chance of rain 20 percent. "
  "Sunrise 7.12am, sunset 4.48pm. Pollen count low. UV index 2.")
WEATHER_B = WEATHER_A.replace("Tuesday", "Wednesday").replace("14", "11").replace("6 degrees", "3 degrees").replace("20", "60").replace("7.12", "7.14").replace("4.48", "4.46")
SCORES_A = ("Results from Saturday's league games: Harbor United 2 Millbrook Rovers 1; Eastfield Town 0 "
  "Westgate Athletic 0; Northfield City 3 Southport Wanderers 2; Riverside FC 1 Kingsbridge 4. Full tables "
  "and fixtures for next weekend are on the league's website. All kick-offs 3pm unless stated.")
SCORES_B = ("Results from Saturday's league games: Harbor United 1 Eastfield Town 1; Millbrook Rovers 2 "
  "Northfield City 0; Westgate Athletic 0 Riverside FC 3; Kingsbridge 2 Southport Wanderers 2. Full tables "
  "and fixtures for next weekend are on the league's website. All kick-offs 3pm unless stated.")
SHORT_WIRE = ("Ferry crews at Larchmouth walked out on Monday after talks with the port company broke down, "
  "leaving hundreds of passengers stranded at the harbour overnight.\n\nThe union said the strike would last "
  "at least a week and that its members had voted by a large margin to stop work over new night rosters.")



@pytest.mark.parametrize("first, second, first_title, second_title, linked", [
    (OTHER_STORY_A + "\n\n" + DISCLAIMER, OTHER_STORY_B + "\n\n" + DISCLAIMER, "T1", "T2", False),
    (OTHER_STORY_A + "\n\n" + PITCH, OTHER_STORY_B + "\n\n" + PITCH, "T1", "T2", False),
    (OTHER_STORY_A + " Brightwell said it would open a new depot.\n\n" + ABOUT,
     OTHER_STORY_B + " Brightwell won the contract.\n\n" + ABOUT, "T1", "T2", False),
    (COUNCIL_A, COUNCIL_B, "Library to close", "Elm Street library to shut", False),
    (COUNCIL_A, COUNCIL_B, "Library to close", "Library to close", False),
    (FOLLOW_A, FOLLOW_B, "Ferry strike", "Ferry strike ends", False),
    # the follow-up stored first: each text's opening must be in the other, not the later one's only
    (FOLLOW_B, FOLLOW_A, "Ferry strike ends", "Ferry strike", False),
    (WEATHER_A, WEATHER_B, "Weather", "Weather", False),
    (SCORES_A, SCORES_B, "Results", "Results", False),
    (SHORT_WIRE, "By Mara Quinlan, Coastal Wire\n\n" + SHORT_WIRE, "Ferry crews walk out", "Ferry crews walk out", True),
    (SHORT_WIRE, SHORT_WIRE.replace("The union said the strike would last at least a week",
                                    "A union spokesman told reporters the stoppage could go on for seven days or more"),
     "Ferry crews walk out", "Strike strands ferry passengers", True),
    (SHORT_WIRE, "LARCHMOUTH (Coastal Wire) - " + SHORT_WIRE + "\n\nReporting by Mara Quinlan; editing by Tom Hale.",
     "Ferry crews walk out", "Ferry crews walk out", True),
])
def test_shared_boilerplate_quotes_or_a_template_do_not_make_a_near_copy(
        tmp_path, db_path, first, second, first_title, second_title, linked):
    ingest_records(tmp_path, db_path, [record(first, "Coastal Herald", "https://herald.example/a", first_title),
                                       record(second, "Valley Times", "https://valley.example/b", second_title)])
    assert pairs(db_path) == ([(2, 1)] if linked else [])


def test_short_texts_at_two_outlets_are_not_near_copies(tmp_path, db_path):
    ingest_records(tmp_path, db_path, [record(SHORT_BRIEF, "Coastal Herald", "https://herald.example/brief"),
                                       record(SHORT_BRIEF_EDITED, "Valley Times", "https://valley.example/brief")])
    assert pairs(db_path) == []


def test_an_edit_at_the_same_address_and_outlet_is_a_version_not_a_near_copy(tmp_path, db_path):
    url = "https://herald.example/ferry"
    ingest_records(tmp_path, db_path, [record(WIRE_STORY, "Coastal Herald", url)], "monday.jsonl")
    ingest_records(tmp_path, db_path, [record(CHANGED_SENTENCE, "Coastal Herald", url)], "tuesday.jsonl")
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT id, previous_version FROM articles ORDER BY id").fetchall() == [(1, None), (2, 1)]
    assert pairs(db_path) == []


def test_near_copies_are_found_across_runs_and_a_rerun_changes_nothing(tmp_path, db_path):
    ingest_records(tmp_path, db_path, [record(WIRE_STORY, "Coastal Herald", "https://herald.example/ferry")], "a.jsonl")
    ingest_records(tmp_path, db_path, [record(READ_MORE, "Valley Times", "https://valley.example/ferry"),
                                       record(BYLINE_IN_BODY, "Evening Lantern", "https://lantern.example/ferry")],
                   "b.jsonl")
    assert pairs(db_path) == [(2, 1), (3, 1), (3, 2)]
    with sqlite3.connect(db_path) as conn:
        before = conn.execute("SELECT * FROM articles ORDER BY id").fetchall()
        sketches = conn.execute("SELECT count(*) FROM article_sketches").fetchone()[0]
    summary = ingest_records(tmp_path, db_path, [record(READ_MORE, "Valley Times", "https://valley.example/ferry")],
                             "b.jsonl")
    assert summary["stored"] == 0
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT * FROM articles ORDER BY id").fetchall() == before
        assert conn.execute("SELECT count(*) FROM article_sketches").fetchone()[0] == sketches == 3 * NEAR_COPY_SKETCH
    assert pairs(db_path) == [(2, 1), (3, 1), (3, 2)]


def test_an_article_deleted_with_sql_takes_its_links_and_sketch(tmp_path, db_path):
    ingest_records(tmp_path, db_path, [record(WIRE_STORY, "Coastal Herald", "https://herald.example/ferry"),
                                       record(READ_MORE, "Valley Times", "https://valley.example/ferry")])
    with connect(db_path) as conn:
        conn.execute("DELETE FROM articles WHERE id = 1")
        assert conn.execute("SELECT DISTINCT article_id FROM article_sketches").fetchall() == [(2,)]
    assert pairs(db_path) == []


def test_the_later_article_deleted_takes_the_link_too(tmp_path, db_path):
    ingest_records(tmp_path, db_path, [record(WIRE_STORY, "Coastal Herald", "https://herald.example/ferry"),
                                       record(READ_MORE, "Valley Times", "https://valley.example/ferry")])
    with connect(db_path) as conn:
        conn.execute("DELETE FROM articles WHERE id = 2")  # (near_copies.article_id, not copy_of)
    assert pairs(db_path) == []


@pytest.mark.parametrize("clipping_first", [True, False])
def test_a_text_naming_no_outlet_is_linked_to_nobody(tmp_path, db_path, clipping_first):
    clipping = {"title": "Ferry crews walk out at Larchmouth", "body": READ_MORE}  # (an address names its site)
    wire = record(WIRE_STORY, "Coastal Herald", "https://herald.example/ferry")
    ingest_records(tmp_path, db_path, [clipping, wire] if clipping_first else [wire, clipping])
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT count(*) FROM articles WHERE outlet_id IS NULL").fetchone() == (1,)
    assert pairs(db_path) == []


def test_an_archive_older_than_near_copies_names_none(tmp_path):
    conn = sqlite3.connect(tmp_path / "old.db")
    conn.execute("CREATE TABLE articles (id INTEGER PRIMARY KEY)")
    assert near_copies_of(conn, [1]) == {}


def test_articles_stored_before_the_upgrade_are_linked_once_sketched(tmp_path, db_path):
    ingest_records(tmp_path, db_path, [record(WIRE_STORY, "Coastal Herald", "https://herald.example/ferry"),
                                       record(SAME_EVENT, "Valley Times", "https://valley.example/talks"),
                                       record(CHANGED_SENTENCE, "Valley Times", "https://valley.example/ferry")])
    with sqlite3.connect(db_path) as conn:  # as an archive made before schema/0024 holds them
        conn.execute("DELETE FROM article_sketches")
        conn.execute("DELETE FROM near_copies")
        assert sketch_stored_articles(conn) == (3, 1)
        assert sketch_stored_articles(conn) == (0, 0)  # (once)
    assert pairs(db_path) == [(3, 1)]


# --- where users look -------------------------------------------------------------------------

def test_search_names_the_outlets_that_ran_a_near_copy(tmp_path, db_path):
    ingest_records(tmp_path, db_path, [record(WIRE_STORY, "Coastal Herald", "https://herald.example/ferry"),
                                       record(READ_MORE, "Valley Times", "https://valley.example/ferry"),
                                       record(SAME_EVENT, "Evening Lantern", "https://lantern.example/talks",
                                              title="Ferry talks resume")])
    result = run_cli("search", "walked", "--db", db_path)
    assert result.exit_code == 0
    # (the edited copy's outlet a place the story ran too: see test_syndication_takes_in_near_copies)
    assert "(ran in 2 places: Coastal Herald, Valley Times (edited); also ran, edited, at: Valley Times #2)" in result.stdout
    assert "(ran in 2 places: Coastal Herald (edited), Valley Times; also ran, edited, at: Coastal Herald #1)" in result.stdout
    found = json.loads(run_cli("search", "chartered", "--db", db_path, "--json").stdout)
    near = {row["id"]: [(copy["id"], copy["outlet"]) for copy in row["near_copies"]] for row in found}
    assert near == {1: [(2, "Valley Times")], 2: [(1, "Coastal Herald")], 3: []}
    assert 0.8 < next(row for row in found if row["id"] == 1)["near_copies"][0]["shared"] <= 1


def test_near_copies_saved_query(tmp_path, db_path):
    ingest_records(tmp_path, db_path, [record(WIRE_STORY, "Coastal Herald", "https://herald.example/ferry"),
                                       record(READ_MORE, "Valley Times", "https://valley.example/ferry"),
                                       record(BYLINE_IN_BODY, "Evening Lantern", "https://lantern.example/ferry")])
    with served_from(db_path) as get:
        of_first = get("/archive/near_copies.json?article=1&_shape=array").json()
        # (most alike first: the byline's copy holds the whole wire text)
        assert [(row["article_id"], row["near_copy"], row["near_copy_outlet"], row["shared"]) for row in of_first] == [
            (1, 3, "Evening Lantern", 1.0), (1, 2, "Valley Times", 0.962)]
        every = get("/archive/near_copies.json?_shape=array").json()
        assert [(row["article_id"], row["near_copy"]) for row in every] == [(3, 1), (3, 2), (2, 1)]  # (each pair once)
        refused = get("/archive/near_copies.json?article=x&_shape=array")
        assert refused.status_code == 400
        # fail before: an id no article has (a typo) answered with no rows, as an article with no
        # near copy does; versions' article is refused so
        for extension in ("json", "csv"):
            unknown = get(f"/archive/near_copies.{extension}?article=99")
            assert unknown.status_code == 400 and "article: no article has the id 99" in unknown.text
        # (near miss: article=1, a stored id, above)


def test_an_articles_page_links_its_near_copies(tmp_path, db_path):
    ingest_records(tmp_path, db_path, [record(WIRE_STORY, "Coastal Herald", "https://herald.example/ferry"),
                                       record(READ_MORE, "Valley Times", "https://valley.example/ferry"),
                                       record(SAME_EVENT, "Evening Lantern", "https://lantern.example/talks")])
    with served_from(db_path) as get:
        page = get("/archive/articles/1").text
        other_story = get("/archive/articles/3").text
    assert "This story also ran, a little edited, at other outlets" in page
    assert 'Valley Times:\n      <a href="/archive/articles/2">Ferry crews walk out at Larchmouth</a>' in page
    assert "(96% of the shorter text's phrases in the other)" in page
    assert '<a href="/archive/near_copies?article=1">near copies</a>' in page
    assert "also ran, a little edited" not in other_story


@pytest.mark.parametrize("path, column", [
    ("/archive/near_copies?article=1", "near_copy_published"),  # fails before: 2024-03-05T21:40:00-05:00
    ("/archive/articles/2", "captured"),  # fails before: the article page's stored fields
    ("/archive/articles?_col=published&_col=captured", "captured"),  # fails before (a column asked for)
    ("/archive/near_copies", "near_copy_published"),
    ("/archive/articles/2", "published"),  # near miss: read so before
])
def test_every_date_column_reads_as_a_date(tmp_path, db_path, path, column):
    """Dates read the same way on every page (the day, then the time and offset): the near copy's
    date and an article's capture time were shown as stored, 2024-03-05T21:40:00-05:00."""
    dated = {"published": "2024-03-05T21:40:00-05:00", "captured": "2024-03-06T08:15:00Z"}
    ingest_records(tmp_path, db_path, [record(WIRE_STORY, "Coastal Herald", "https://herald.example/ferry") | dated,
                                       record(READ_MORE, "Valley Times", "https://valley.example/ferry") | dated])
    with served_from(db_path) as get:
        page = get(path).text
    shown = re.findall(rf'<td class="col-{column}(?: [^"]*)?"[^>]*>(.*?)</td>', page, re.S)
    assert shown, page
    for cell in shown:
        text = " ".join(re.sub(r"<[^>]+>", " ", cell).split())
        assert text in ("2024-03-05 21:40 -05:00", "2024-03-06 08:15 UTC"), cell


# --- an outlet changed after storing ----------------------------------------------------------

@pytest.mark.parametrize("first_outlet, corrected_outlet, linked_before, linked_after", [
    ("Valley Times", "Coastal Herald", [(2, 1)], []),  # now of one outlet: not near copies
    (None, "Valley Times", [], [(2, 1)]),  # a clipping given an outlet is linked
])
def test_an_outlet_corrected_by_its_sidecar_links_the_article_again(
        tmp_path, db_path, first_outlet, corrected_outlet, linked_before, linked_after):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Ferry crews walk out\n\n" + WIRE_STORY)
    (folder / "a.json").write_text(json.dumps({"outlet": "Coastal Herald"}))
    (folder / "b.txt").write_text("Ferry crews walk out\n\n" + READ_MORE)
    if first_outlet:
        (folder / "b.json").write_text(json.dumps({"outlet": first_outlet}))
    assert ingest_json(folder, "--db", db_path)[0] == 0
    assert pairs(db_path) == linked_before
    (folder / "b.json").write_text(json.dumps({"outlet": corrected_outlet}))
    os.utime(folder / "b.json", (2_000_000_000, 2_000_000_000))  # (changed since the first run)
    code, summary = ingest_json(folder, "--db", db_path)
    assert code == 0 and summary["sidecar_revised"] == 1, summary
    assert pairs(db_path) == linked_after


def test_an_outlet_corrected_keeps_the_links_of_a_story_that_ran_at_more_outlets_than_are_read_again(
        tmp_path, db_path):
    # A relink found the article's near copies again under the candidates' limit (20) and each
    # hash's latest texts: a story at 25 outlets kept 20 of an article's 24 links (review35e).
    # Links the new outlet does not undo are kept; one to an article of the new outlet goes.
    folder = tmp_path / "in"
    folder.mkdir()
    for number in range(1, 26):
        (folder / f"a{number:02}.txt").write_text(
            f"Ferry crews walk out\n\n{WIRE_STORY}\n\nFiled for outlet number {number} desk.")
        (folder / f"a{number:02}.json").write_text(json.dumps({"outlet": f"Outlet {number}"}))
    assert ingest_json(folder, "--db", db_path)[0] == 0

    def links_of(article_id):
        with sqlite3.connect(db_path) as conn:
            return {pair for pair in conn.execute("SELECT article_id, copy_of FROM near_copies WHERE "
                                                  "? IN (article_id, copy_of)", (article_id,))}

    before = links_of(13)
    assert len(before) > 20  # (more than one link-up finds again)
    (folder / "a13.json").write_text(json.dumps({"outlet": "Outlet 13 Renamed"}))
    os.utime(folder / "a13.json", (2_000_000_000, 2_000_000_000))
    code, summary = ingest_json(folder, "--db", db_path)
    assert code == 0 and summary["sidecar_revised"] == 1, summary
    assert links_of(13) == before
    # near miss: renamed to the outlet of another copy, the link to that copy goes, the rest stay
    (folder / "a13.json").write_text(json.dumps({"outlet": "Outlet 7"}))
    os.utime(folder / "a13.json", (2_000_000_100, 2_000_000_100))
    assert ingest_json(folder, "--db", db_path)[1]["sidecar_revised"] == 1
    with sqlite3.connect(db_path) as conn:
        seventh = conn.execute("SELECT a.id FROM articles a JOIN outlets o ON o.id = a.outlet_id "
                               "WHERE o.name = 'Outlet 7' AND a.id != 13").fetchone()[0]
    assert links_of(13) == {pair for pair in before if seventh not in pair}


def test_a_near_copy_edited_since_is_named_by_its_latest_version(tmp_path, db_path):
    ingest_records(tmp_path, db_path, [record(WIRE_STORY, "Coastal Herald", "https://herald.example/ferry"),
                                       record(READ_MORE, "Valley Times", "https://valley.example/ferry")])
    ingest_records(tmp_path, db_path, [record(WIRE_STORY + "\n\nUpdated: talks resume on Friday.", "Coastal Herald",
                                              "https://herald.example/ferry")], name="edit.jsonl")
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT previous_version FROM articles WHERE id = 3").fetchone() == (1,)
        named = near_copies_of(conn, [2])
    assert [copy["id"] for copy in named[2]] == [3]  # (not #1, the text #3 replaced)
    with served_from(db_path) as get:
        page = get("/archive/articles/2").text
    # (the near copies named above the text; the sources below list every place the story was
    # seen, #1's own among them, each linked to the text seen there)
    named = page.split('<p class="near-copies">', 1)[1].split("</p>", 1)[0]
    assert '<a href="/archive/articles/3">' in named and '<a href="/archive/articles/1">' not in named


def test_an_article_replaced_with_sql_is_sketched_and_linked_again_when_met_again(tmp_path, db_path):
    # `sqlite-utils insert --replace` deletes the row first (recursive triggers on): the delete's
    # trigger took its sketch and links, which ingesting its file again did not restore
    from sqlite_utils import Database

    from ingest.cjk import add_index_function

    records = [record(WIRE_STORY, "Coastal Herald", "https://herald.example/ferry"),
               record(READ_MORE, "Valley Times", "https://valley.example/ferry")]
    ingest_records(tmp_path, db_path, records)
    db = Database(db_path)
    add_index_function(db.conn)
    with db.conn:
        db.execute("REPLACE INTO articles (id, content_hash, title, authors, body, first_seen, outlet_id) "
                   "SELECT id, content_hash, title, authors, body, first_seen, outlet_id FROM articles WHERE id = 2")
    db.conn.close()
    assert pairs(db_path) == []
    ingest_records(tmp_path, db_path, records)
    assert pairs(db_path) == [(2, 1)]


def test_link_copies_links_the_articles_stored_before_near_copies_once(tmp_path, db_path):
    ingest_records(tmp_path, db_path, [record(WIRE_STORY, "Coastal Herald", "https://herald.example/ferry"),
                                       record(READ_MORE, "Valley Times", "https://valley.example/ferry"),
                                       record(OTHER_STORY_A, "Valley Times", "https://valley.example/other")])
    assert pairs(db_path) == [(2, 1)]
    with connect(db_path) as conn:  # as an archive stored before 0024 holds them: no sketch, no link
        conn.execute("DELETE FROM near_copies")
        conn.execute("DELETE FROM article_sketches")
    result = run_cli("link-copies", "--db", db_path, "--json")
    assert result.exit_code == 0, result.output
    assert {k: v for k, v in json.loads(result.output).items() if k != "seconds"} == {
        "database": str(db_path), "read": 3, "linked": 1}
    assert pairs(db_path) == [(2, 1)]
    # run again: only the text too short to sketch is read again, nothing is linked twice
    with connect(db_path) as conn:
        unsketched = conn.execute("SELECT count(*) FROM articles WHERE id NOT IN "
                                  "(SELECT article_id FROM article_sketches)").fetchone()[0]
    again = run_cli("link-copies", "--db", db_path, "--json")
    assert json.loads(again.output)["read"] == unsketched == 1 and pairs(db_path) == [(2, 1)]
    text = run_cli("link-copies", "--db", db_path)
    assert text.exit_code == 0 and "Read 1 article stored before near copies; linked 0 near copies" in text.output


def test_link_copies_refuses_a_file_that_is_no_archive(tmp_path):
    result = run_cli("link-copies", "--db", tmp_path / "missing.db")
    assert result.exit_code != 0 and "missing.db" in result.output
