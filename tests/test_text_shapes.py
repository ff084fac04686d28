"""Byline, title and dateline shapes as real outlets set them, each beside the near-miss that
must not give a name: the text parser on short inputs we wrote (none from ../shared)."""

from datetime import datetime, timezone

import pytest

from ingest import text_rules as rules
from ingest.extract_text import extract_text
from ingest.normalise import normalise
from ingest.text_rules import read_lines

NOW = datetime(2026, 1, 1, tzinfo=timezone.utc)
HEADLINE = "Dockers vote to end the harbour strike"
STORY = ("The dockers voted to end the strike after a ten-hour meeting, the union said on Monday, "
         "and the first ships were unloaded within the hour.")


def line(text: str):
    (only,) = read_lines(text)
    return only


def parse(text: str, markdown: bool):
    return normalise(extract_text(text, markdown=markdown), NOW)


def authors_under_headline(header: str, markdown: bool) -> list[str]:
    """The authors of a short story whose byline area is header, with or without heading marks."""
    top = f"# {HEADLINE}" if markdown else HEADLINE
    return parse(f"{top}\n\n{header}\n\n{STORY}\n\n{STORY}\n", markdown).authors


# --- two writers parted by a slash or a bar ----------------------------------------------------


@pytest.mark.parametrize("header, authors", [
    ("By Ann Lee / Tom Park", ["Ann Lee", "Tom Park"]),
    ("By Ann Lee | Tom Park", ["Ann Lee", "Tom Park"]),
    ("By ANN LEE / TOM PARK", ["Ann Lee", "Tom Park"]),
    ("By Ann Lee | Tom Park | March 3, 2019", ["Ann Lee", "Tom Park"]),
    ("By Ann Lee / Tom Park / Harbour Gazette", ["Ann Lee", "Tom Park"]),
    # near-misses: what follows the bar is the outlet, a role, a place or a date
    ("By Ann Lee | Harbour Gazette", ["Ann Lee"]),
    ("By Ann Lee / Staff Writer", ["Ann Lee"]),
    ("By Ann Lee | Los Angeles", ["Ann Lee"]),
    ("By Ann Lee / New York", ["Ann Lee"]),
    ("By Ann Lee | Mexico City", ["Ann Lee"]),
    ("By Ann Lee | March 3, 2019", ["Ann Lee"]),
    ("By Ann Lee | Photos: Tom Park", ["Ann Lee"]),
    ("By Ann Lee | Edited by Tom Park", ["Ann Lee"]),
])
@pytest.mark.parametrize("markdown", [True, False])
def test_two_writers_parted_by_a_slash_or_a_bar(header, authors, markdown):
    assert authors_under_headline(header, markdown) == authors


# --- names in capitals -------------------------------------------------------------------------


@pytest.mark.parametrize("header, authors", [
    ("By SEAN McDONALD", ["Sean McDonald"]), ("BY MARY O'NEILL", ["Mary O'Neill"]),
    ("SEAN McDONALD\n\nMarch 3, 2019", ["Sean McDonald"]),
    ("BY JEAN-LUC PICARD AND ANN MCKAY", ["Jean-Luc Picard", "Ann McKay"]),
    ("BY THE TIME THE SHIPS LEFT", []),  # a sentence in capitals, not a name
])
@pytest.mark.parametrize("markdown", [True, False])
def test_names_in_capitals_take_their_spelling(header, authors, markdown):
    assert authors_under_headline(header, markdown) == authors


# --- a name, then a job title with no comma ----------------------------------------------------


@pytest.mark.parametrize("header, authors", [
    ("Ann Lee Kyiv Bureau Chief", ["Ann Lee"]),
    ("Ann Lee Middle East Bureau Chief", ["Ann Lee"]),
    ("By Ann Lee Kyiv Bureau Chief", ["Ann Lee"]),
    ("Ann Lee Europe Editor", ["Ann Lee"]),
    ("Ann Lee Washington Correspondent", ["Ann Lee"]),
    ("John Smith Senior Reporter", ["John Smith"]),
    ("Maria Ruiz Staff Writer", ["Maria Ruiz"]),
    ("Mary Ann Lee Staff Writer", ["Mary Ann Lee"]),  # a three-word name before a role with its own modifier
    ("By Ann Lee Bureau Chief", ["Ann Lee"]),  # no place: the name is kept whole
    # near-misses: a role with nobody's name before it
    ("Kyiv Bureau Chief", []),
    ("Middle East Editor", []),
])
@pytest.mark.parametrize("markdown", [True, False])
def test_a_role_after_the_name_without_a_comma(header, authors, markdown):
    assert authors_under_headline(header, markdown) == authors
