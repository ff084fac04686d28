"""`news-archive search` says where a story ran, as the served search page does under each
title ("ran in 3 places"): a syndicated story was one hit under the first outlet that ran it, and
neither the printed hits nor their JSON said that two other papers had run it too."""

import json
import re

import pytest

from ingest.pipeline import run_ingest

from conftest import ARTICLE_TEXT, run_cli, served_from

LEDGER = "https://harborledger.example/news/flood"


def record(url: str, outlet: str | None, published: str = "2024-03-05", body: str = ARTICLE_TEXT) -> str:
    fields = {"title": "Flood closes bridge", "body": body, "url": url, "published": published}
    if outlet:
        fields["outlet"] = outlet
    return json.dumps(fields)


@pytest.mark.parametrize("copies, places, ran_in", [
    # another outlet's copy, then a third paper's: three places, named in the order first seen
    ([("https://valleypost.example/flood", "Valley Post"), ("https://coastal.example/f", "Coastal Times")],
     3, ["The Harbor Ledger", "Valley Post", "Coastal Times"]),
    # near miss: the same page saved again (same outlet, address and date) is one place
    ([(LEDGER, "The Harbor Ledger")], 1, ["The Harbor Ledger"]),
    # the same outlet at another address is another place, its outlet named once
    ([(LEDGER + "/photos", "The Harbor Ledger")], 2, ["The Harbor Ledger"]),
    # fails before: a copy naming neither outlet nor address (a text clipping) was counted as one
    # more place ("ran in 2 places: The Harbor Ledger"), in syndication and stats too: it is no
    # evidence that the story ran anywhere else
    ([("", None)], 1, ["The Harbor Ledger"]),
    ([("", None, "2024-03-09")], 1, ["The Harbor Ledger"]),
    # near miss: a copy at an address of its own is a place, its outlet read from the address
    ([("https://riverside.example/flood", None)], 2, ["The Harbor Ledger", "riverside.example"]),
    # fails before: the same page on the same day, its time given by one copy only (a feed's item
    # and a record of the page), was two places ("ran in 2 places: The Harbor Ledger")
    ([(LEDGER, "The Harbor Ledger", "2024-03-05T09:30:00-04:00")], 1, ["The Harbor Ledger"]),
    ([(LEDGER + "/", "The Harbor Ledger", "2024-03-05T09:30:00-04:00")], 1, ["The Harbor Ledger"]),
    # near miss: the same page dated another day is another place (a story run again)
    ([(LEDGER, "The Harbor Ledger", "2024-03-06")], 2, ["The Harbor Ledger"]),
    # fails before in stats alone: an address with a trailing slash was another place there
    ([(LEDGER + "/", "The Harbor Ledger")], 1, ["The Harbor Ledger"]),
])
def test_search_names_the_places_a_story_ran(tmp_path, copies, places, ran_in):
    lines = [record(LEDGER, "The Harbor Ledger")] + [record(*copy) for copy in copies]
    for number, line in enumerate(lines):
        (tmp_path / f"run{number}.jsonl").write_text(line + "\n")
    # and a story seen once, which says nothing of places
    (tmp_path / "other.jsonl").write_text(json.dumps({
        "title": "Ferry timetable changes", "outlet": "Valley Post", "published": "2024-03-06",
        "body": "The ferry to the islands will sail twice a day from Monday, the operator said. " * 8}) + "\n")
    db_path = tmp_path / "archive.db"
    for number in range(len(lines)):  # one run each, so the copies are seen in this order
        run_ingest([str(tmp_path / f"run{number}.jsonl")], str(db_path), workers=1)
    run_ingest([str(tmp_path / "other.jsonl")], str(db_path), workers=1)

    hits = json.loads(run_cli("search", "flood", "--db", db_path, "--json").output)
    assert [(h["title"], h["places"], h["ran_in"]) for h in hits] == [("Flood closes bridge", places, ran_in)]
    other = json.loads(run_cli("search", "ferry", "--db", db_path, "--json").output)
    assert [(h["places"], h["ran_in"]) for h in other] == [(1, ["Valley Post"])]

    printed = run_cli("search", "flood", "--db", db_path).output
    if places > 1:
        assert f"  (ran in {places} places: {', '.join(ran_in)})\n" in printed
    else:
        assert "ran in" not in printed
    assert "ran in" not in run_cli("search", "ferry", "--db", db_path).output

    # The served search: the same fields in its JSON, the count under the title on its page,
    # and the outlets named (not linked to by_outlet, which lists no copy: "0 results").
    with served_from(db_path) as get:
        served = get("/archive/search.json?q=flood&_shape=array").json()
        page = get("/archive/search?q=flood").text
    assert [(h["places"], json.loads(h["ran_in"])) for h in served] == [(places, ran_in)]
    assert (f"ran in {places} places</a>" in page) is (places > 1)
    assert f'<td class="col-ran_in">{", ".join(ran_in)}</td>' in page
    assert "by_outlet?outlet=Valley" not in page
    # Counted the same way by syndication, the article's page and stats.
    with served_from(db_path) as get:
        syndicated = get("/archive/syndication.json?_shape=array").json()
        article = get("/archive/articles/1").text
    assert len(syndicated) == (places if places > 1 else 0)
    # (the count it shows, none for one place: "Ran in 2 places" of one place failed no test)
    shown = re.search(r"Ran in (\d+) places", article)
    assert (int(shown[1]) if shown else 1) == places
    stats = json.loads(run_cli("stats", "--db", db_path, "--json").output)
    assert stats["syndicated_articles"] == (places > 1)

