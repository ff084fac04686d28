-- The byline each copy itself carried (a JSON array of names in byline order, as
-- articles.authors), so the archive keeps who a story ran under at each place: a wire story a
-- paper ran under a staff byline, a copy that named the writer the first file left out. The
-- article's own `authors` stays the byline of its text (a later copy only fills one it lacks).
-- NULL: not recorded, a source seen before this column (the upgrade cannot know what its file
-- said; `reparse` fills the stored source and its byte-identical copies when it reads the file
-- again). '[]': the copy had no byline.
-- (0029 after 0026, with or without 0027 and 0028: migrations apply by name, each once,
-- whichever are missing; a number left out is nothing pending.)
ALTER TABLE sources ADD COLUMN authors TEXT;
-- The copies that carried a byline, by it: a search of an author whom no article's byline
-- names says which stories ran under that name elsewhere (search.names_not_in_archive), reading
-- these alone, not every source. Partial: most sources are no such copy.
CREATE INDEX IF NOT EXISTS sources_copy_bylines ON sources(authors, article_id)
    WHERE status = 'duplicate' AND authors != '[]';
