"""The served archive as its users meet it, page by page, through Datasette's own client: every
link from the index leads somewhere, saved query forms say what to type, and cells show names
and readable dates rather than ids and JSON. The archive is the bundled samples plus one edited
story of our own (so the version links are walked too)."""

import re
from html import unescape
from urllib.parse import urljoin, urlsplit

import pytest

from ingest.pipeline import run_ingest
from ingest.resources import samples_dir

from conftest import ARTICLE_TEXT, ingest_written, served_from

EDITED_URL = "https://harborledger.example/2024/03/millbrook-flood"
FIRST_TEXT = {"title": "Millbrook bridge shut as river rises", "body": ARTICLE_TEXT, "url": EDITED_URL,
              "outlet": "The Harbor Ledger", "authors": ["Ann Lee"], "published": "2024-03-05T21:40:00-05:00"}
EDITED_TEXT = {**FIRST_TEXT, "body": ARTICLE_TEXT.replace("forty homes", "fifty-two homes")
               + "\n\nBy noon the bridge had reopened to pedestrians, the council said."}


# An article of no known outlet, on the day of the edited story.
NO_OUTLET = {"title": "Lantern walk returns to the quay", "authors": ["Ben Cole"], "published": "2024-03-05",
             "body": "The lantern walk along the quay returns on Saturday after a year away, its organisers "
                     "said, with two hundred paper lanterns made by pupils of the harbour school.\n\n"
                     "The walk starts at the old ferry steps at dusk and ends at the lifeboat station, where "
                     "the brass band will play until the lanterns are lit on the water."}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """get(path) -> response from a Datasette on the samples and one edited story."""
    folder = tmp_path_factory.mktemp("pages")
    db_path = folder / "archive.db"
    assert run_ingest([str(samples_dir())], str(db_path), workers=1).failed == 0
    ingest_written(folder / "first.jsonl", FIRST_TEXT)
    summary = ingest_written(folder / "edited.jsonl", EDITED_TEXT)
    assert summary.new_versions == 1, "the second text must be stored as an edit of the first"
    ingest_written(folder / "no-outlet.jsonl", NO_OUTLET)
    with served_from(db_path) as get:
        yield get


def links(html: str, page: str) -> list[str]:
    """The site's own addresses a page links to (path and query), as a browser would resolve them."""
    found = []
    for href in re.findall(r'href="([^"]*)"', html):
        parts = urlsplit(urljoin("http://localhost" + page, unescape(href)))
        if parts.netloc == "localhost" and parts.scheme == "http":
            found.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return found


def test_every_link_from_the_index_to_depth_two_answers(site):
    """A user following links never meets a broken page: every address linked from the index,
    and from the pages it links to, and from theirs, answers without a 4xx or 5xx."""
    status, frontier, linked_from = {}, ["/"], {}
    for depth in range(3):
        following = []
        for page in frontier:
            if page in status:
                continue
            response = site(page)
            status[page] = response.status_code
            if depth < 2 and "html" in response.headers.get("content-type", ""):
                for link in links(response.text, page):
                    if link not in status:
                        linked_from.setdefault(link, page)
                        following.append(link)
        frontier = following
    broken = {page: (code, linked_from.get(page)) for page, code in status.items() if code >= 400}
    assert not broken, broken
    # The walk reached what a user reaches: a saved query, an article's page, a version link.
    assert len(status) > 150
    assert any(page.startswith("/archive/search") for page in status)
    assert any(re.fullmatch(r"/archive/articles/\d+", page) for page in status)
    assert any(page.startswith("/archive/versions") for page in status)


def cells(html: str, column: str) -> list[str]:
    """The inner HTML of a results table's cells of one column."""
    return re.findall(rf'<td class="col-{column}[^"]*"[^>]*>(.*?)</td>', html, re.S)


@pytest.mark.parametrize("table", ["articles", "article_facets"])
def test_a_searched_table_shows_authors_as_names_and_titles_open_the_article(site, table):
    html = site(f"/archive/{table}?_search=millbrook").text
    (authors,) = cells(html, "authors")
    assert "[" not in authors and '"' not in unescape(re.sub(r"<[^>]+>", "", authors))
    assert ">Ann Lee</a>" in authors
    (title,) = cells(html, "title")
    assert re.search(r'<a href="/archive/articles/\d+">Millbrook bridge shut as river rises</a>', title), title


def test_the_narrow_copys_other_cells_are_left_as_datasette_shows_them(site):
    """Near miss: only title and authors change; the outlet keeps Datasette's label link."""
    html = site("/archive/article_facets?_search=millbrook").text
    (outlet,) = cells(html, "outlet_id")
    assert re.search(r'<a href="/archive/outlets/\d+">The Harbor Ledger</a>', outlet), outlet


def text_of(html) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", str(html))).split())


@pytest.mark.parametrize("stored, shown", [
    ("2025-10-06T17:20:00-04:00", "2025-10-06 17:20 -04:00"),
    ("2025-10-06T07:05:00+00:00", "2025-10-06 07:05 UTC"),
    ("2025-10-06T07:05:00Z", "2025-10-06 07:05 UTC"),
    ("2025-10-06T07:05:30.25+01:00", "2025-10-06 07:05 +01:00"),
    ("2025-10-04T14:15:00", "2025-10-04 14:15"),
    ("2025-10-06", "2025-10-06"),
    # near misses: not a stored date, left exactly as they are
    ("yesterday", "yesterday"),
    ("2025-10-06 and the day after", "2025-10-06 and the day after"),
    ("2025", "2025"),
])
def test_a_stored_date_reads_day_first_then_time_and_offset(stored, shown):
    from ingest.datasette_plugin import readable_date

    rendered = readable_date(stored)
    assert text_of(rendered) == shown
    if shown != stored:
        assert f'datetime="{stored}"' in str(rendered) and f'title="{stored}"' in str(rendered)


def test_dates_read_the_same_way_in_tables_queries_and_the_article_page(site):
    day, time = '<span class="date-day"', '<small class="date-time"'
    table = site("/archive/articles?_search=millbrook").text
    (published,) = cells(table, "published")
    assert text_of(published) == "2024-03-05 21:40 -05:00" and day in published and time in published
    for query in ("search?q=millbrook", "by_author?author=Ann+Lee"):
        published = cells(site(f"/archive/{query}").text, "published")
        assert published and all(text_of(cell) == "2024-03-05 21:40 -05:00" for cell in published), query
    # The JSON keeps the stored value.
    (row,) = site("/archive/search.json?q=millbrook&_shape=array").json()
    assert row["published"] == "2024-03-05T21:40:00-05:00"
    article = site(f"/archive/articles/{row['id']}").text
    assert "Published 2024-03-05 21:40 -05:00" in text_of(article)
    assert "2024-03-05T21:40:00-05:00</" not in article


def test_the_article_page_names_an_update_only_when_it_differs(site):
    def byline(article_id) -> str:
        page = site(f"/archive/articles/{article_id}").text
        return text_of(page.split('class="byline"')[1].split("</p>")[0])

    articles = site("/archive/articles.json?_shape=array&_col=published&_col=updated&_size=max").json()
    same = next(a for a in articles if a["updated"] and a["updated"] == a["published"])
    assert "Updated" not in byline(same["id"])
    other = next(a for a in articles if a["updated"] and a["published"] and a["updated"] != a["published"])
    assert f"Updated {other['updated'][:10]}" in byline(other["id"])


def byline_of(site, article_id: int) -> str:
    return site(f"/archive/articles/{article_id}").text.split('class="byline"')[1].split("</p>")[0]


def test_an_article_that_ran_in_several_places_says_so_at_the_top(site):
    """From a search hit to where the story ran is one click: the article page says how many
    places near its title and links to its Sources table (below the whole text)."""
    syndicated = site("/archive/syndication.json?_shape=array").json()
    places = {}
    for row in syndicated:
        places[row["article_id"]] = row["copies"]
    assert places and max(places.values()) >= 3
    for article_id, copies in places.items():
        byline = byline_of(site, article_id)
        assert f'<a href="#sources" class="places">Ran in {copies} places</a>' in byline
        assert '<h2 id="sources">' in site(f"/archive/articles/{article_id}").text


def test_a_story_saved_twice_from_one_place_is_not_said_to_have_run_in_several(site):
    """Near miss: two sources of one outlet, address and date (a page saved again) are one place,
    as in the syndication query."""
    rows = site("/archive/sources.json?_shape=array&_size=max&status__not=failed").json()
    by_article = {}
    for row in rows:
        by_article.setdefault(row["article_id"], []).append((row["outlet_id"], row["url"], row["published"]))
    twice = [a for a, seen in by_article.items() if len(seen) > 1 and len(set(seen)) == 1]
    assert twice, "the samples hold a page saved twice"
    for article_id in twice:
        assert "Ran in" not in byline_of(site, article_id)


def test_a_search_hit_shows_its_score_short_and_its_site_linked_to_the_whole_address(site):
    html = site("/archive/search?q=millbrook").text
    (rank,) = cells(html, "rank")
    assert re.fullmatch(r"-?\d+\.\d\d", rank.strip()), rank
    (url,) = cells(html, "url")
    assert url.strip() == (f'<a href="{EDITED_URL}" title="{EDITED_URL}" rel="nofollow noopener">'
                           "harborledger.example</a>")
    (row,) = site("/archive/search.json?q=millbrook&_shape=array").json()
    assert row["url"] == EDITED_URL and len(repr(row["rank"])) > 6, "the JSON keeps the values whole"


def test_other_queries_keep_the_whole_address(site):
    """Near miss: only a search hit (a row with a snippet) shortens its address; the syndication
    query's rows are places, told apart by their addresses."""
    html = site("/archive/syndication").text
    urls = [text_of(cell) for cell in cells(html, "url")]
    assert any(url.startswith("https://") and "/" in url[8:] for url in urls), urls


def saved_queries() -> dict:
    from ingest.serve import load_metadata

    return load_metadata()["databases"]["archive"]["queries"]


def query_parameters(sql: str) -> set[str]:
    """The parameters a user gives (the plugin's magic :_valid_... ones excepted)."""
    return set(re.findall(r"(?<![:\w]):([a-z]\w*)", sql))


def test_every_field_of_every_saved_query_says_what_it_takes():
    for name, query in saved_queries().items():
        fields = query.get("fields") or {}
        assert set(fields) == query_parameters(query["sql"]), name
        for field, spec in fields.items():
            assert spec.get("hint") or spec.get("choices"), (name, field)
        assert query.get("button") and query["button"] != "Run SQL", name


@pytest.mark.parametrize("name", sorted(saved_queries()))
def test_every_choice_a_form_lists_is_accepted_by_its_query(site, name):
    for field, spec in saved_queries()[name]["fields"].items():
        for value in spec.get("choices") or {}:
            response = site(f"/archive/{name}.json?q=strike&{field}={value}")
            assert response.status_code == 200, (name, field, value, response.text[:300])


def form_of(html: str) -> str:
    return html.split('<form class="sql"')[1].split("</form>")[0]


@pytest.mark.parametrize("name", sorted(saved_queries()))
def test_every_saved_querys_form_sends_only_what_its_page_keeps(site, name):
    """A page reached with a parameter its query does not take is sent (302) to its address
    without it; a form's own submission must never be: it sends each of its fields, named as the
    query's parameters, and Datasette's own `_` ones."""
    form = form_of(site(f"/archive/{name}").text)
    names = re.findall(r'<(?:input|select|textarea)[^>]*\sname="([^"]+)"', form)
    assert set(names) >= set(saved_queries()[name]["fields"]), (names, form)
    submitted = "&".join(f"{field}=" for field in names)
    response = site(f"/archive/{name}?{submitted}")
    assert response.status_code == 200, (name, submitted, response.headers.get("location"))


def test_the_search_form_hints_each_box_and_lists_the_choices(site):
    form = form_of(site("/archive/search?q=strike&sort=newest").text)
    since = re.search(r'<input type="text" id="qp\d+" name="since" value=""[^>]*>', form)[0]
    assert 'placeholder="YYYY-MM-DD, YYYY-MM or YYYY"' in since
    sort = re.search(r'<select id="qp\d+" name="sort">(.*?)</select>', form)[1]
    assert re.findall(r'<option value="([^"]*)"( selected)?>', sort) == [("", ""), ("newest", " selected")]
    versions = re.search(r'<select id="qp\d+" name="versions">(.*?)</select>', form)[1]
    assert re.findall(r'<option value="([^"]*)"( selected)?>', versions) == [("", " selected"), ("all", "")]
    assert '<input type="submit" value="Search">' in form and "Run SQL" not in form
    assert 'value="strike"' in form, "what was typed stays in its box"


def test_a_value_not_among_the_choices_stays_shown_beside_its_error(site):
    """Near miss: sort=NEWEST is no choice; the list shows it, selected, under the query's error,
    rather than silently showing another value than the one that was asked."""
    html = site("/archive/search?q=strike&sort=NEWEST").text
    assert "message-error" in html
    sort = re.search(r'<select id="qp\d+" name="sort">(.*?)</select>', form_of(html))[1]
    assert '<option value="NEWEST" selected>NEWEST</option>' in sort


def test_a_query_of_ones_own_keeps_datasettes_form(site):
    """Near miss: SQL typed by the user has no hints to give; its form is Datasette's."""
    form = form_of(site("/archive?sql=select+:sort+as+x").text)
    assert re.search(r'<input type="text" id="qp1" name="sort" value="">', form)
    assert "<select" not in form and '<input type="submit" value="Run SQL">' in form


def linked(html: str, column: str) -> list[tuple[str, str]]:
    return [(unescape(href), text) for href, text in
            re.findall(rf'<td class="col-{column}(?: [^"]*)?">\s*<a href="([^"]+)">([^<]+)</a>\s*</td>', html)]


@pytest.mark.parametrize("query, column, per", [
    ("coverage?q=strike", "outlet", "outlet"),
    ("timeline?q=strike", "day", "day"),
    ("timeline?q=strike&split=outlet", "day", "day and outlet"),
    ("timeline?q=millbrook&versions=all", "day", "day, every text"),
])
def test_each_count_of_coverage_and_timeline_links_to_the_hits_it_counts(site, query, column, per):
    counted = site(f"/archive/{query.replace('?', '.json?', 1)}&_shape=array").json()
    links = linked(site(f"/archive/{query}").text, column)
    assert len(links) == len(counted) > 0, per
    for (href, _), row in zip(links, counted):
        assert href.startswith("/archive/search?")
        hits = site(href.replace("/archive/search?", "/archive/search.json?_shape=array&", 1)).json()
        assert len(hits) == row["articles"], (per, href)


def test_a_count_with_no_search_links_nowhere(site):
    """Near miss: with no words there are no hits to open (and the search would find nothing);
    a search hit's own outlet column is not a count either."""
    assert not linked(site("/archive/coverage?q=").text, "outlet")
    assert not linked(site("/archive/search?q=strike").text, "outlet")


@pytest.mark.parametrize("table, query, name", [
    ("authors", "by_author", "Ann Lee"),
    ("outlets", "by_outlet", "The Harbor Ledger"),
])
def test_an_author_or_outlet_name_opens_their_articles(site, table, query, name):
    html = site(f"/archive/{table}").text
    names = dict((text, href) for href, text in linked(html, "name"))
    assert len(names) == len(site(f"/archive/{table}.json?_shape=array&_size=max").json())
    href = names[name]
    assert href == f"/archive/{query}?{query.split('_')[1]}={name.replace(' ', '+')}"
    hits = site(href.replace(f"/archive/{query}?", f"/archive/{query}.json?_shape=array&", 1)).json()
    assert hits and all(name in (hit.get("authors", "") + hit.get("outlet", name)) for hit in hits)
    (row_id,) = [r["id"] for r in site(f"/archive/{table}.json?_shape=array&name={name.replace(' ', '+')}").json()]
    assert href.replace("&", "&amp;") in site(f"/archive/{table}/{row_id}").text, "the row page links too"


def test_other_name_columns_are_left_alone(site):
    """Near miss: only the names of authors and outlets link to their lists; an outlet's domain
    and key stay text."""
    html = site("/archive/outlets").text
    assert not linked(html, "domain") and not linked(html, "key")


def test_every_link_in_the_descriptions_answers(site):
    """The descriptions in metadata.yml name pages, queries and tables: none may be stale."""
    from ingest.serve import load_metadata

    metadata = load_metadata()
    texts = [metadata["description_html"]] + [q["description_html"] for q in saved_queries().values()]
    hrefs = {unescape(href) for text in texts for href in re.findall(r'href="([^"]+)"', text)}
    assert {"/archive/search", "/archive/authors", "/archive/outlets"} <= hrefs
    for href in sorted(hrefs):
        assert site(href).status_code == 200, href


def facet_titles(html: str) -> list[str]:
    return [" ".join(text_of(title).split()[:-1]) for title in
            re.findall(r'<p class="facet-info-name">\s*<strong>(.*?)</strong>', html, re.S)]


@pytest.mark.parametrize("table", ["articles", "article_facets"])
def test_facets_are_titled_as_a_reader_names_them(site, table):
    titles = facet_titles(site(f"/archive/{table}?_search=strike").text)
    assert sorted(titles) == ["authors", "language", "outlet", "published (by day)"]


def test_a_facet_of_ones_own_keeps_its_column_name(site):
    """Near miss: a facet asked in the address on another column is titled by that column."""
    titles = facet_titles(site("/archive/sources?_facet=extractor").text)
    assert "extractor" in titles and "outlet" in titles and "status" in titles


def test_a_search_hit_that_ran_in_several_places_says_so_under_its_title(site):
    places = {row["article_id"]: row["copies"] for row in site("/archive/syndication.json?_shape=array").json()}
    html = site("/archive/search?q=kestrel").text
    hits = site("/archive/search.json?q=kestrel&_shape=array").json()
    titles = cells(html, "title")
    assert len(titles) == len(hits) and any(hit["id"] in places for hit in hits)
    for hit, title in zip(hits, titles):
        note = re.search(r'<small class="places"><a href="/archive/articles/(\d+)#sources">ran in (\d+) places</a>', title)
        if hit["id"] in places:
            assert note and (int(note[1]), int(note[2])) == (hit["id"], places[hit["id"]]), title
        else:
            assert note is None, title  # near miss: one place (or one place saved twice) says nothing
        assert "places" not in hit["title"], "the JSON's title is the title"


@pytest.mark.parametrize("path, asked", [
    ("/archive/search", "<em>q</em>, then press Search"),
    ("/archive/search?q=&outlet=The+Harbor+Ledger", "<em>q</em>, then press Search"),
    ("/archive/timeline?q=+", "<em>q</em>, then press Count by day"),
    ("/archive/coverage", "<em>q</em>, then press Count by outlet"),
    ("/archive/by_author", "<em>author</em>, then press Show articles"),
    ("/archive/by_outlet?before=2025", "<em>outlet</em>, then press Show articles"),
])
def test_a_form_with_nothing_asked_says_what_to_fill_in_not_0_results(site, path, asked):
    html = site(path).text
    assert f'<p class="zero-results">Fill in {asked}.</p>' in html and "0 results" not in html


@pytest.mark.parametrize("path", [
    "/archive/search?q=nosuchwordanywhere",   # asked, and nothing matched
    "/archive/by_author?author=Nobody+Here",
    "/archive/versions?q=nosuchwordanywhere",  # its words are optional: blank lists every edit
])
def test_a_search_that_found_nothing_still_says_0_results(site, path):
    html = site(path).text
    assert '<p class="zero-results">0 results</p>' in html and "Fill in" not in html


def test_the_faceted_searchs_rows_open_the_article_and_name_the_outlet_column(site):
    html = site("/archive/article_facets?_search=millbrook").text
    (article_id,) = re.findall(r'<td class="col-id[^"]*"><a href="/archive/articles/(\d+)">\1</a></td>', html)
    assert "/archive/article_facets/" not in html.split("<tbody>")[1]
    headers = [text_of(th) for th in re.findall(r'<th class="col-[^"]*"[^>]*>(.*?)</th>', html, re.S)]
    assert [h.split()[0] for h in headers] == ["id", "title", "outlet", "authors", "published", "language"]
    # near miss: the articles table's id keeps Datasette's link to its own row, the article's page
    assert f'<a href="/archive/articles/{article_id}">' in site("/archive/articles?_search=millbrook").text


def test_a_timeline_day_of_no_known_outlet_links_nowhere_when_split_by_outlet(site):
    """Near miss: split by outlet, the row of a day's articles with no outlet has no search that
    asks for those alone, so it links nowhere rather than to every outlet's hits of the day."""
    rows = site("/archive/timeline.json?q=quay&split=outlet&versions=all&_shape=array").json()
    html = site("/archive/timeline?q=quay&split=outlet&versions=all").text
    days = cells(html, "day")
    assert len(days) == len(rows) and any(row["outlet"] is None for row in rows)
    for row, day in zip(rows, days):
        assert ("<a href=" in day) == (row["outlet"] is not None), (row, day)


def _stored_fields(site, title: str) -> str:
    row = site(f"/archive/articles.json?title={title}&_shape=array").json()[0]
    page = site(f"/archive/articles/{row['id']}").text
    return page.split("<summary>All stored fields</summary>", 1)[1].split("</details>", 1)[0]


def test_the_article_pages_stored_fields_are_every_column_with_the_outlet_named(site):
    # fail before: "All stored fields" showed the articles list's seven reading columns (the list's
    # template), and its outlet as a bare number ("3"), the row page expanding no label
    fields = _stored_fields(site, "Millbrook bridge shut as river rises")
    columns = site("/archive/articles.json?_size=1").json()["columns"]
    shown = re.findall(r'<th class="col-([\w-]+)"', fields)
    assert shown == columns
    assert "url" in shown and "first_seen" in shown and "previous_version" in shown
    outlet = re.search(r'<td class="col-outlet_id[^"]*">(.*?)</td>', fields, re.S)[1]
    assert re.fullmatch(r'<a href="/archive/outlets/\d+">The Harbor Ledger</a>&nbsp;<em>\d+</em>', outlet.strip())
    # near miss: an article of no known outlet shows none, not a link
    none = re.search(r'<td class="col-outlet_id[^"]*">(.*?)</td>', _stored_fields(site, NO_OUTLET["title"]), re.S)[1]
    assert "<a " not in none
    # near miss: the articles list keeps its reading columns
    listed = site("/archive/articles?_size=2").text
    assert sorted(re.findall(r'<th class="col-([\w-]+)"', listed)) == sorted(
        ["id", "title", "outlet_id", "authors", "published", "language", "word_count"])


@pytest.mark.parametrize("path", ["/archive/articles?authors=%5B%5D", "/archive/search?q=reserve+fund",
                                  "/archive/article_facets?authors=%5B%5D"])
def test_an_article_of_no_known_author_says_so_rather_than_showing_json(site, path):
    # fail before: the authors cell showed "[]", the JSON of an empty list
    page = site(path).text
    cells = re.findall(r'<td class="col-authors[^"]*">(.*?)</td>', page, re.S)
    assert cells and "[]" not in "".join(cells)
    assert any("no known author" in cell for cell in cells)
    # near miss: a byline still links each author
    assert '<a href="/archive/articles?authors__arraycontains=' in site("/archive/search?q=flood").text


@pytest.mark.parametrize("path, heading", [
    # fail before: a journalist's search was headed "Custom SQL query returning 6 rows (show)"
    ("/archive/search?q=flood", r"Saved query returning \d+ rows"),
    ("/archive/coverage?q=flood", r"Saved query returning \d+ rows"),
    ("/archive/search?q=nothingmatchesthis", "Saved query"),
    # near miss: SQL typed by the user is still a custom query
    ("/archive?sql=select+1+as+one", "Custom SQL query returning 1 row"),
])
def test_a_saved_query_page_is_not_headed_custom_sql(site, path, heading):
    page = site(path).text
    h3 = re.search(r"<h3>(.*?)</h3>", page, re.S)[1]
    assert re.fullmatch(heading, re.sub(r"\s+", " ", re.sub(r"<span.*", "", h3, flags=re.S)).strip())
    if "sql=" not in path:
        assert ">show the SQL</a>)" in h3


def test_the_article_list_view_reads_as_the_articles_list(site):
    # fail before: the article_list view (listed under Views on the database page) showed each
    # byline as JSON (["Ann Lee"]) and its titles opened nothing
    page = site("/archive/article_list?title=Millbrook+bridge+shut+as+river+rises").text
    authors = re.findall(r'<td class="col-authors[^"]*">(.*?)</td>', page, re.S)
    assert authors and all('<a href="/archive/articles?authors__arraycontains=Ann%20Lee">Ann Lee</a>' == a.strip()
                           for a in authors)
    titles = re.findall(r'<td class="col-title[^"]*">(.*?)</td>', page, re.S)
    assert titles and all(re.fullmatch(r'<a href="/archive/articles/\d+">Millbrook bridge shut as river rises</a>',
                                       t.strip()) for t in titles)
    # near miss: its JSON keeps the stored values
    rows = site("/archive/article_list.json?title=Millbrook+bridge+shut+as+river+rises&_shape=array").json()
    assert rows and all(row["authors"] == '["Ann Lee"]' for row in rows)


@pytest.mark.parametrize("path, labelled", [
    # fail before: the articles of no known outlet were a row with a blank outlet, read as a glitch
    ("/archive/coverage?q=lantern", True),
    ("/archive/timeline?q=lantern&split=outlet", True),
    # near miss: a timeline not split by outlet names no outlet in any row
    ("/archive/timeline?q=lantern", False),
])
def test_a_count_of_articles_of_no_known_outlet_says_so(site, path, labelled):
    page = site(path).text
    cells = [c.strip() for c in re.findall(r'<td class="col-outlet[^"]*">(.*?)</td>', page, re.S)]
    assert cells
    assert any("no known outlet" in c for c in cells) == labelled
    if not labelled:
        assert all(c in ("", "&nbsp;") for c in cells)


@pytest.mark.parametrize("path", ["/archive/articles", "/archive/articles?_search=harbour",
                                  "/archive/article_facets?_search=harbour"])
def test_the_articles_list_names_each_outlet_without_its_row_number(site, path):
    # fail before: each outlet was written "Coastal Herald 3", its row's id after the name as
    # Datasette labels a key, the very shape of the facet's "Coastal Herald 3" beside it, where
    # the number counts the articles: a reader took the id for a count
    page = site(path).text
    cells = [c.strip() for c in re.findall(r'<td class="col-outlet_id[^"]*">(.*?)</td>', page, re.S)]
    named = [c for c in cells if c not in ("", "&nbsp;")]  # (no outlet: a blank)
    assert named and [c for c in named if not re.fullmatch(r'<a href="/archive/outlets/\d+">[^<]+</a>', c)] == []
    # near miss: an article's own page, every field, still gives the outlet's id beside its name
    article = site("/archive/articles.json?outlet_id__notblank=1&_shape=array&_size=1").json()[0]["id"]
    assert re.search(r'</a>&nbsp;<em>\d+</em>', site(f"/archive/articles/{article}").text)


UNTITLED = {"outlet": "The Harbor Ledger", "authors": ["Ann Lee"], "published": "2024-03-05",
            "body": "Gulls gathered over the quay at dawn as the trawlers came in with the first catch of the "
                    "season, and the fish market opened an hour early to take it.\n\n"
                    "Traders said the price of cod fell by a third by noon, the lowest since the spring."}


@pytest.fixture(scope="module")
def untitled_site(tmp_path_factory):
    """get(path) -> response from a Datasette on one article that has no title."""
    folder = tmp_path_factory.mktemp("untitled")
    ingest_written(folder / "untitled.jsonl", UNTITLED)
    with served_from(folder / "archive.db") as get:
        yield get


@pytest.mark.parametrize("path", [
    "/archive/search?q=gulls", "/archive/by_outlet?outlet=harbor", "/archive/by_author?author=ann+lee",
    "/archive/new_articles?after=0", "/archive/article_list",
    # near miss: the faceted search, a table its template (_table-archive-articles.html) writes,
    # which called it "Untitled article" before the queries did
    pytest.param("/archive/article_facets?_search=gulls", id="near-miss-article_facets")])
def test_an_untitled_article_is_a_hit_that_opens(untitled_site, path):
    # fail before (but the near miss): the hit's title cell was empty, no link to open it (44 of
    # 646 articles of the corpora's pages had no title); the articles table already called it
    # "Untitled article"
    page = untitled_site(path).text
    cells = [c.strip() for c in re.findall(r'<td class="col-title[^"]*">(.*?)</td>', page, re.S)]
    assert len(cells) == 1 and re.match(r'<a href="/archive/articles/1">Untitled article</a>', cells[0]), cells
    # near miss: the JSON keeps the stored null
    address, _, asked = path.partition("?")
    assert untitled_site(f"{address}.json?{asked}&_shape=array").json()[0]["title"] is None


def test_an_articles_own_words_carry_its_language_and_the_pages_do_not(site, untitled_site):
    # fail before: nothing said which language the text was in, so a screen reader read a
    # Japanese or Russian article in the voice of the reader's own language
    article = site("/archive/articles.json?language=en&_shape=array&_size=1").json()[0]
    page = site(f"/archive/articles/{article['id']}").text
    assert re.search(r'<h1 lang="en">', page) and re.search(r'<div class="body" lang="en">', page)
    # near miss: the byline, the page's own words, has none; nor has "Untitled article"
    assert re.search(r'<p class="byline">', page)
    untitled = untitled_site("/archive/articles/1").text
    assert "<h1>Untitled article</h1>" in untitled and re.search(r'<div class="body" lang="en">', untitled)


def test_a_searched_list_tells_of_edited_stories_only_in_an_archive_that_has_one(site, untitled_site):
    # fail before: every search's heading said "and only the latest matching text of an edited
    # story (_versions=all for every text)", in an archive of no edited story too
    heading = re.search(r"<h3>(.*?)</h3>", untitled_site("/archive/articles?_search=gulls").text, re.S)[1]
    assert "gulls" in heading and "edited story" not in heading
    assert untitled_site("/archive/articles.json?_search=gulls&_shape=array").json()[0]["id"] == 1
    # near miss: an archive with an edited story still says how it lists one
    assert "only the latest matching text of an edited story" in site("/archive/articles?_search=bridge").text


# A page's text kept with the blank, indented lines of its layout (a video page's menus).
LAID_OUT = {"title": "Council meets on the ferry fees", "outlet": "The Harbor Ledger", "published": "2024-05-01",
            "body": "The council met on Monday about the ferry timetable and the harbour fees for next year.\n\n"
                    "                Chapters\n                \n                  \n                Description\n"
                    "                \n                   \n                  Chapters of the plan were read aloud by "
                    "the clerk, who said the fees would rise by a tenth."}


def test_a_search_hits_passage_reads_as_one_line(tmp_path):
    # fail before: the passage kept the text's blank and indented lines, and the page shows a
    # cell's line breaks, so one hit was a screen tall (9 of 20 hits of a search of the corpora)
    ingest_written(tmp_path / "laid-out.jsonl", LAID_OUT)
    with served_from(tmp_path / "archive.db") as get:
        cell = re.search(r'<td class="col-snippet[^"]*">(.*?)</td>', get("/archive/search?q=chapters").text, re.S)[1]
        snippet = get("/archive/search.json?q=chapters&_shape=array").json()[0]["snippet"]
    assert "<mark>Chapters</mark> Description <mark>Chapters</mark> of the plan" in cell and "\n" not in cell.strip()
    # near miss: the JSON keeps the text as stored
    assert "\n                Description\n" in snippet


def test_a_near_copy_opens_from_near_copies_titled_or_not(tmp_path):
    # fail before: near_copy_title was text, no link, and an untitled near copy a blank cell, so
    # it could not be opened from the list of an article's near copies
    ingest_written(tmp_path / "untitled.jsonl", {**UNTITLED, "body": ARTICLE_TEXT, "url": "https://harborledger.example/flood"})
    ingest_written(tmp_path / "titled.jsonl", {"title": "Millbrook bridge shut", "outlet": "The Valley Times",
                                               "body": ARTICLE_TEXT + "\n\nRead more local news on our website.",
                                               "url": "https://valleytimes.example/flood"})
    with served_from(tmp_path / "archive.db") as get:
        pages = {article: get(f"/archive/near_copies?article={article}").text for article in (1, 2)}
        stored = get("/archive/near_copies.json?article=2&_shape=array").json()
    cells = {article: re.findall(r'<td class="col-near_copy_title[^"]*">(.*?)</td>', page, re.S)
             for article, page in pages.items()}
    assert [c.strip() for c in cells[2]] == ['<a href="/archive/articles/1">Untitled article</a>'], cells
    assert [c.strip() for c in cells[1]] == ['<a href="/archive/articles/2">Millbrook bridge shut</a>'], cells
    # near miss: the JSON keeps the stored null
    assert [row["near_copy_title"] for row in stored] == [None]


def test_an_untitled_article_is_called_by_one_name_on_every_page(tmp_path, monkeypatch):
    # fail before: the templates spelt "Untitled article" five times beside the constant the
    # queries' cells use, so a change of the name reached the cells and not the article's page
    # or the articles list
    from ingest import datasette_plugin

    monkeypatch.setattr(datasette_plugin, "UNTITLED_ARTICLE", "No headline given")
    ingest_written(tmp_path / "untitled.jsonl", UNTITLED)
    with served_from(tmp_path / "archive.db") as get:
        pages = {path: get(path).text for path in ("/archive/articles/1", "/archive/articles", "/archive/search?q=gulls")}
    assert {path: "No headline given" in page and "Untitled article" not in page for path, page in pages.items()} == {
        path: True for path in pages}
    # (and the browser tab's title of the article page)
    assert "<title>No headline given ·" in pages["/archive/articles/1"]
