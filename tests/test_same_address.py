"""An address and the same address with a trailing slash are one page ("/news/flood" and
"/news/flood/"): for linking an edited story (tests/test_versions.py) and for counting the places a
story ran. The address stored and shown is left as it was."""

import json

import pytest

from ingest.normalise import same_address_forms, same_address_key
from ingest.pipeline import run_ingest

from conftest import ARTICLE_TEXT, run_cli, served_from

FLOOD = "https://harborledger.example/news/flood"


@pytest.mark.parametrize("url, key", [
    (FLOOD + "/", FLOOD),
    (FLOOD + "//", FLOOD),
    (FLOOD, FLOOD),
    ("https://harborledger.example/", "https://harborledger.example"),
    # near misses: a query's address is left as written (the slash before "?" too)
    (FLOOD + "/?id=7", FLOOD + "/?id=7"),
    ("https://harborledger.example/story?next=/", "https://harborledger.example/story?next=/"),
])
def test_same_address_key(url, key):
    assert same_address_key(url) == key
    assert same_address_key(url) in same_address_forms(url)


@pytest.mark.parametrize("second_url, places", [
    (FLOOD + "/", 1),  # the same page with a trailing slash: one place (two before)
    (FLOOD + "/?", 1),  # (canonical_url drops the empty query)
    (FLOOD + "/photos", 2),  # near miss: another page
    ("https://valleypost.example/news/flood/", 2),  # near miss: another outlet's copy
])
def test_a_story_seen_at_an_address_with_and_without_its_slash_ran_in_one_place(tmp_path, second_url, places):
    def record(url: str) -> str:
        return json.dumps({"title": "Flood closes bridge", "body": ARTICLE_TEXT, "url": url,
                           "outlet": "Valley Post" if "valleypost" in url else "The Harbor Ledger",
                           "published": "2024-03-05"})

    (tmp_path / "monday.jsonl").write_text(record(FLOOD) + "\n")
    (tmp_path / "tuesday.jsonl").write_text(record(second_url) + "\n")
    db_path = tmp_path / "archive.db"
    summary = run_ingest([str(tmp_path / "monday.jsonl"), str(tmp_path / "tuesday.jsonl")], str(db_path), workers=1)
    assert (summary.stored, summary.duplicate) == (1, 1)
    with served_from(db_path) as get:
        syndicated = get("/archive/syndication.json?_shape=array").json()
        page = get("/archive/articles/1").text
    assert len(syndicated) == (places if places > 1 else 0)
    assert (f"Ran in {places} places" in page) is (places > 1)


@pytest.mark.parametrize("patched, places", [(True, 1), (False, 2)])  # near miss: the rule as it is
def test_the_places_a_story_ran_are_counted_by_the_one_definition_of_an_address(tmp_path, monkeypatch,
                                                                                 patched, places):
    """The syndication query and the article page compared addresses with SQL of their own (and
    the upgrade's grouping with a third copy), each to be kept in step with same_address_key by
    hand: a rule changed there alone changed nothing they counted. They call it now."""
    import ingest.normalise

    if patched:  # a rule of our own, for this test: ".html" or not, one page
        rule = ingest.normalise.same_address_key
        monkeypatch.setattr(ingest.normalise, "same_address_key", lambda url: rule(url).removesuffix(".html"))
    lines = [json.dumps({"title": "Flood closes bridge", "body": ARTICLE_TEXT, "url": url,
                         "outlet": "The Harbor Ledger", "published": "2024-03-05"}) for url in (FLOOD, FLOOD + ".html")]
    for number, line in enumerate(lines):
        (tmp_path / f"run{number}.jsonl").write_text(line + "\n")
    db_path = tmp_path / "archive.db"
    run_ingest([str(tmp_path / "run0.jsonl"), str(tmp_path / "run1.jsonl")], str(db_path), workers=1)
    with served_from(db_path) as get:
        syndicated = get("/archive/syndication.json?_shape=array").json()
        page = get("/archive/articles/1").text
    assert len(syndicated) == (places if places > 1 else 0)
    assert (f"Ran in {places} places" in page) is (places > 1)
    # and stats (which compared addresses as stored: a trailing slash made a story syndicated there)
    assert json.loads(run_cli("stats", "--db", db_path, "--json").output)["syndicated_articles"] == (places > 1)
