"""`python -m ingest` runs the news-archive command line."""

from .cli import cli

cli()
