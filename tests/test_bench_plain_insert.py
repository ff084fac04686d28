"""bench_ingest's reference writer (plain sqlite3, no checks) writes into an archive of this
schema: since schema/0021 the index's triggers call our cjk_index_text on every article written,
and plain's own connection lacked it ('no such function'), so the records benchmark stopped."""

import json
import sqlite3
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import bench_ingest  # noqa: E402

RECORDS = [
    {"title": "Harbor ferry returns", "body": "The ferry ran again on Monday after repairs.",
     "authors": ["Ann Lee"], "published": "2024-03-01T08:00:00Z", "outlet": "Coast Daily",
     "url": "https://coast.example/ferry"},
    {"title": "台風の接近", "body": "東京都知事は十日、台風の接近に備えて会見した。",
     "authors": ["Bo Kim"], "published": "2024-03-02T08:00:00Z", "outlet": "Coast Daily",
     "url": "https://coast.example/typhoon"},
]


def _corpus(path: Path, records) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def _found(db: Path, match: str) -> list[str]:
    conn = sqlite3.connect(db)  # MATCH reads the index alone: no function of ours needed
    return [title for (title,) in conn.execute(
        "SELECT title FROM articles WHERE id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?) "
        "ORDER BY id", (match,))]


@pytest.mark.parametrize("match, titles", [
    ("ferry", ["Harbor ferry returns"]),
    ('"東 京"', ["台風の接近"]),  # a word inside a run of CJK characters: the index read it through the function
    ('"京 東"', []),
])
def test_plain_writes_into_a_new_archive_and_onto_a_base(tmp_path, match, titles):
    new = tmp_path / "new.db"
    bench_ingest.plain_insert(str(_corpus(tmp_path / "a.jsonl", RECORDS)), str(new), 10)
    assert _found(new, match) == titles
    # Appended to an archive that has articles already (--base): ids go on from the largest.
    more = [{**r, "body": r["body"] + " Updated.", "url": r["url"] + "-2"} for r in RECORDS]
    bench_ingest.plain_insert(str(_corpus(tmp_path / "b.jsonl", more)), str(new), 1)
    assert _found(new, match) == titles * 2
