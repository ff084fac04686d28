"""Full-text search over the archive: a forgiving query syntax compiled to safe FTS5.

Users type words, "quoted phrases", prefix* and -excluded words. Everything else FTS5 would read
as syntax (parentheses, AND/OR/NOT/NEAR, column filters, stray quotes) is treated as text, so no
query string can make the search fail.
"""

import re
import sqlite3

from sqlite_utils import Database

_TOKEN = re.compile(r'(-?)"([^"]*)"?|(-?)(\S+)')
_WORD = re.compile(r"\w+", re.UNICODE)

SEARCH_SQL = """
SELECT
    articles.id,
    articles.title,
    outlets.name AS outlet,
    articles.authors,
    articles.published,
    articles.url,
    snippet(articles_fts, -1, '**', '**', ' … ', 16) AS snippet,
    articles_fts.rank AS rank
FROM articles_fts
JOIN articles ON articles.id = articles_fts.rowid
LEFT JOIN outlets ON outlets.id = articles.outlet_id
WHERE articles_fts MATCH :query
ORDER BY articles_fts.rank
LIMIT :limit
"""


def _phrase(words: list[str], prefix: bool = False) -> str:
    return '"' + " ".join(words) + '"' + ("*" if prefix else "")


def fts_query(text: str) -> str | None:
    """Compile what a user typed into an FTS5 MATCH expression, or None if it has no words.

    >>> fts_query('kursk "north korean" troop* -drone')
    '"kursk" "north korean" "troop"* NOT "drone"'
    """
    positive: list[str] = []
    negative: list[str] = []
    for match in _TOKEN.finditer(text or ""):
        if match.group(2) is not None:
            excluded, words, prefix = match.group(1), _WORD.findall(match.group(2)), False
        else:
            excluded, raw = match.group(3), match.group(4)
            words, prefix = _WORD.findall(raw), raw.endswith("*")
        if not words:
            continue
        (negative if excluded else positive).append(_phrase(words, prefix))
    if not positive:
        return None
    return " ".join(positive) + "".join(f" NOT {term}" for term in negative)


def search(db: Database, text: str, limit: int = 20) -> list[dict]:
    query = fts_query(text)
    if query is None:
        return []
    try:
        cursor = db.execute(SEARCH_SQL, {"query": query, "limit": limit})
    except sqlite3.OperationalError as error:
        # fts_query only emits quoted phrases, so this is a bug of ours, not of the user's.
        raise RuntimeError(f"search failed for {query!r}: {error}") from error
    columns = [c[0] for c in cursor.description]
    return [dict(zip(columns, row)) for row in cursor.fetchall()]
