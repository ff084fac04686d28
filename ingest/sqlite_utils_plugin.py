"""The archive's SQL functions for sqlite-utils, installed with the package.

The search index reads each article through cjk_index_text (ingest/cjk.py, schema/0021), so a
connection without it cannot change an article, nor read the index's text (snippet(),
highlight()). The README offers `sqlite-utils archive.db "select ..."` as the way to query the
file outside the server; sqlite-utils runs the prepare_connection hook of every installed plugin
on each database it opens (its command line and its Database class alike), so with this entry
point (pyproject.toml) that way keeps working. The sqlite3 shell has no such hook."""

from sqlite_utils import hookimpl

from .cjk import add_index_function
from .search import add_query_functions


@hookimpl
def prepare_connection(conn):
    add_index_function(conn)
    add_query_functions(conn)
