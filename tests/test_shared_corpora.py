"""Ingest the real pages and seeds in ../shared: every input is stored or reported, none
crashes the run, and what is stored is searchable."""

import json
import sqlite3

import pytest

from conftest import SHARED, ingest_json, run_cli


def corpus_pages():
    corpora = SHARED / "corpora"
    return sorted(
        list((corpora / "postlight_parser" / "fixtures").glob("*.html"))
        + list((corpora / "mozilla_readability" / "pages").glob("*/source.html"))
        + list((corpora / "scrapinghub_aeb" / "html").glob("*.html.gz"))
    )


@pytest.fixture(scope="module")
def corpora_archive(tmp_path_factory):
    if not SHARED.is_dir():
        pytest.skip(f"../shared is not beside the repository (looked at {SHARED})")
    pages = corpus_pages()
    db_path = tmp_path_factory.mktemp("corpora") / "archive.db"
    code, summary = ingest_json("-", "--db", db_path, input="\n".join(map(str, pages)))
    return pages, db_path, code, summary


def test_every_corpus_page_is_stored_or_reported(corpora_archive):
    pages, db_path, code, summary = corpora_archive
    assert len(pages) > 400
    assert summary["seen"] == len(pages)
    assert summary["stored"] + summary["duplicate"] + summary["failed"] == len(pages)
    assert code == (1 if summary["failed"] else 0)
    # A failure is rare (pages with no article text) and always says why.
    assert summary["failed"] <= len(pages) * 0.05
    assert all(f["error"] and f["location"].endswith((".html", ".gz")) for f in summary["failures"])
    conn = sqlite3.connect(db_path)
    by_status = dict(conn.execute("SELECT status, count(*) FROM sources GROUP BY status").fetchall())
    assert sum(by_status.values()) == len(pages)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_corpus_archive_is_searchable_and_rerun_is_unchanged(corpora_archive):
    pages, db_path, _, summary = corpora_archive
    results = json.loads(run_cli("search", "president", "--db", db_path, "--json").stdout)
    assert len(results) >= 5 and all("**" in r["snippet"] for r in results)
    code, again = ingest_json("-", "--db", db_path, input="\n".join(map(str, pages)))
    assert again["stored"] == 0 and again["duplicate"] == 0
    # A failure judged by the same code is not retried: the same bytes would fail the same way.
    assert again["unchanged"] == len(pages) and again["failed"] == 0


def test_seeds_ingest(shared, db_path):
    code, summary = ingest_json(shared / "seeds", "--db", db_path)
    # Five articles; expected.json is a JSON file but not an article record, so it is reported.
    assert summary["stored"] == 5
    assert [f["location"].rsplit("/", 1)[-1] for f in summary["failures"]] == ["expected.json#1"]
