"""The benchmark scorers read a ground truth's byline the same way: rows for the shared helpers."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import html_accuracy  # noqa: E402
import text_accuracy  # noqa: E402


@pytest.mark.parametrize("byline, names", [
    # A profile button run into the name: the person is the name after it.
    ("Ann Lee, View ORCID ProfileBo Kim", ["Ann Lee", "Bo Kim"]),
    ("ProfileCara Dune", ["Cara Dune"]),
    # Near misses: a name that merely begins with the letters, or the word with a space after.
    ("Profilea Quince", ["Profilea Quince"]),
    ("Ann Lee, Bo Profileson", ["Ann Lee", "Bo Profileson"]),
])
def test_both_scorers_cut_a_glued_profile_button(byline, names):
    assert html_accuracy._truth_authors(byline) == names
    assert text_accuracy.truth_people(byline) == names
