-- Which code judged each source ("news-archive X; trafilatura Y"). A source that failed is
-- extracted again on the next run only when this has changed: the same bytes through the same
-- code fail the same way, and re-trying every failed page made re-running an unchanged folder
-- 6-9x faster than the first run instead of 50x (benchmarks/README.md).
ALTER TABLE sources ADD COLUMN extractor TEXT;
