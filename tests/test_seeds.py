"""The five seed texts in ../shared/seeds parse to what expected.json says: title, authors,
published date and outlet exactly, and every body snippet present (or absent)."""

import json
from datetime import datetime, timezone

import pytest

from conftest import SHARED
from ingest.extract_text import extract_text
from ingest.normalise import normalise

SEEDS = SHARED / "seeds"
NOW = datetime(2026, 1, 1, tzinfo=timezone.utc)


def expected_seeds() -> list[tuple[str, dict]]:
    path = SEEDS / "expected.json"
    if not path.is_file():
        return []
    expected = json.loads(path.read_text(encoding="utf-8"))
    return sorted((name, value) for name, value in expected.items() if not name.startswith("_"))


@pytest.fixture(scope="module")
def seeds_present():
    if not (SEEDS / "expected.json").is_file():
        pytest.skip(f"../shared/seeds is not beside the repository (looked at {SEEDS})")


def parse_seed(name: str):
    path = SEEDS / name
    article = extract_text(path.read_text(encoding="utf-8"), markdown=path.suffix == ".md")
    return normalise(article, NOW)


def test_seeds_are_there_to_test(seeds_present):
    assert len(expected_seeds()) == 5


# Parametrised by position so the test ids exist (and skip clearly) even without ../shared.
@pytest.mark.parametrize("index", range(5))
def test_seed(seeds_present, index):
    name, expected = expected_seeds()[index]
    article = parse_seed(name)
    assert article.title == expected["title"], name
    assert article.authors == expected["authors"], name
    assert (article.published[:10] if article.published else None) == expected["published"], name
    assert article.outlet == expected["outlet"], name
    for snippet in expected["body_must_contain"]:
        assert snippet in article.body, f"{name}: body lacks {snippet!r}"
    for snippet in expected["body_must_not_contain"]:
        assert snippet not in article.body, f"{name}: body still has {snippet!r}"
