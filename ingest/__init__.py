"""news-archive: ingest news articles into a searchable SQLite archive served by Datasette."""

__version__ = "0.1.0"
