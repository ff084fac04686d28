"""news-archive: ingest news articles into a searchable SQLite archive served by Datasette."""

# Recorded with every source (sources.extractor): a failed input is tried again only when this
# or trafilatura's version changed, so raise it with every change to what extraction finds.
__version__ = "0.3.1"
