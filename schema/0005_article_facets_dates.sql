-- Each article's id and date alone, in id order: the saved `search` query looks up the date of
-- every match of a word when a date range is the only filter (up to 20,000 matches), and this
-- index holds about 130 of them a page against article_facets' 40, so the look-ups touch a third
-- of the pages. At 980,069 articles, a one-year range on a word in 14,668 of them (and two
-- others), the saved query in sqlite3, old and new alternated 75 times: p50 53 -> 46 ms, fastest
-- 36 -> 27 ms (benchmarks/README.md), for about 30 bytes an article. Same rows in 56 cases.
CREATE INDEX article_facets_id_published ON article_facets(id, published);
