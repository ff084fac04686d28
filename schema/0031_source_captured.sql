-- When each copy was captured, where its input says (a web archive record's WARC-Date, as
-- articles.captured holds for the text's first copy; ISO 8601, NULL where nothing says). A page
-- a crawl captured again unchanged a month later is a second sources row of the same article,
-- and that row kept only when it was ingested (seen_at): the later capture's date, the evidence
-- that the story was still up then, was read and dropped. Rows stored before this have none.
ALTER TABLE sources ADD COLUMN captured TEXT;
