"""HTML metadata rules, one by one, on short pages written for these tests (html_signals)."""

import json
from datetime import datetime, timezone

import pytest

from conftest import run_cli
from ingest.extract_html import extract_html
from ingest.normalise import normalise

NOW = datetime(2025, 6, 1, 12, 0, tzinfo=timezone.utc)
BODY = " ".join(
    f"<p>Paragraph {i} of the story says the river council met on Tuesday evening and agreed "
    f"to rebuild the old stone footbridge before the autumn floods return to the valley.</p>"
    for i in range(6)
)


def page(head: str = "", top: str = "", body: str = BODY) -> bytes:
    return (f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>{head}</head><body>"
            f"<article>{top}{body}</article></body></html>").encode()


def json_ld(data) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def parsed(head: str = "", top: str = ""):
    return normalise(extract_html(page(head, top)), NOW)


# --- titles --------------------------------------------------------------------------------


def test_title_drops_site_name_named_by_og_site_name():
    article = parsed('<title>Bridge to be rebuilt | Valley Courier</title>'
                     '<meta property="og:site_name" content="Valley Courier">')
    assert article.title == "Bridge to be rebuilt"
    assert article.provenance["title"] == "title"


def test_title_drops_site_name_in_front_and_section_when_heading_agrees():
    article = parsed("<title>Valley Courier - Bridge to be rebuilt - Local news</title>"
                     '<meta property="og:site_name" content="Valley Courier">',
                     "<h1>Bridge to be rebuilt</h1>")
    assert article.title == "Bridge to be rebuilt"


def test_title_keeps_a_dash_that_belongs_to_the_headline():
    article = parsed("<title>Rain - and more rain - for the valley</title>")
    assert article.title == "Rain - and more rain - for the valley"


def test_json_ld_headline_leads_the_title():
    article = parsed(json_ld({"@type": "NewsArticle", "headline": "Council backs bridge plan"})
                     + "<title>Bridge news | Courier</title>")
    assert (article.title, article.provenance["title"]) == ("Council backs bridge plan", "json-ld")


def test_social_card_title_counts_once_against_the_visible_headline():
    # og:title and twitter:title repeat one catchy line; the page's one <h1> and its <title>
    # agree on the headline.
    article = parsed('<meta property="og:title" content="You will not believe this bridge">'
                     '<meta name="twitter:title" content="You will not believe this bridge">'
                     "<title>Council backs bridge plan - Courier</title>",
                     "<h1>Council backs bridge plan</h1>")
    assert article.title == "Council backs bridge plan"


def test_a_heading_that_is_the_site_logo_is_not_the_title():
    article = parsed('<meta property="og:site_name" content="Valley Courier">'
                     "<title>Council backs bridge plan | Valley Courier</title>",
                     "<h1>Valley Courier</h1><h1>Council backs bridge plan</h1>")
    assert article.title == "Council backs bridge plan"


def test_typographic_quotes_agree_and_the_visible_form_is_kept():
    article = parsed("<meta property=\"og:title\" content=\"Why the bridge won't wait\">",
                     "<h1>Why the bridge won\u2019t wait</h1>")
    assert article.title == "Why the bridge won\u2019t wait"



def test_a_social_card_copied_from_the_title_with_its_site_name_is_no_second_vote():
    # og:title repeats the <title> character for character, site name and all: the CMS filled
    # it from the document title, so it is one statement, and the visible headline, written
    # differently, is not outvoted by the copy.
    title = "Bridge toll to rise, council says | Valley Courier"
    article = parsed(f'<title>{title}</title><meta property="og:title" content="{title}">'
                     '<meta property="og:site_name" content="Valley Courier">',
                     "<h1>Council raises the bridge toll</h1>")
    assert (article.title, article.provenance["title"]) == ("Council raises the bridge toll", "heading")


@pytest.mark.parametrize("ellipsis", ["…", "...", " …"])
def test_a_title_cut_short_with_an_ellipsis_gives_way_to_the_whole_headline(ellipsis):
    # Templates cut JSON-LD headlines and cards to a length limit: the cut form is the same
    # headline, not a rival to the whole one on the page.
    # Here both the JSON-LD and the card carry the cut form, the <title> and <h1> the whole.
    whole = "Council backs plan to rebuild the old stone footbridge before the autumn floods"
    cut = whole[:50] + ellipsis
    article = parsed(json_ld({"@type": "NewsArticle", "headline": cut})
                     + f'<meta property="og:title" content="{cut}"><title>{whole} | Valley Courier</title>',
                     f"<h1>{whole}</h1>")
    assert article.title == whole


def test_an_ellipsis_that_ends_the_headline_itself_is_kept():
    article = parsed(json_ld({"@type": "NewsArticle", "headline": "And then the bridge fell…"}),
                     "<h1>And then the bridge fell…</h1>")
    assert article.title == "And then the bridge fell…"


@pytest.mark.parametrize("heading, title, headline", [
    # fail before: the <h1> ends in its own ellipsis, which the <title> writes too (in another
    # form) before the site's name: the same headline, not one the <title> states whole
    ("And then the bridge fell…", "And then the bridge fell... — Valley Courier", "And then the bridge fell…"),
    ("And then the bridge fell...", "And then the bridge fell… | Valley Courier", "And then the bridge fell..."),
    # near miss: a heading cut short where the <title> goes on with the headline's words
    ("And then the bridge fell…", "And then the bridge fell into the river — Valley Courier",
     "And then the bridge fell into the river"),
])
def test_an_ellipsis_the_title_repeats_before_the_site_name_ends_the_headline(heading, title, headline):
    article = parsed(f'<title>{title}</title><meta property="og:site_name" content="Valley Courier">',
                     f"<h1>{heading}</h1>")
    assert article.title == headline


def test_html_entities_left_escaped_in_a_title_tag_are_read():
    # Some CMSs escape the headline twice: "&amp;#8217;" in the markup is "&#8217;" as text.
    article = parsed(json_ld({"@type": "NewsArticle", "headline": "Don&#8217;t close the bridge &amp; road"}))
    assert article.title == "Don\u2019t close the bridge & road"


@pytest.mark.parametrize("mark", ["¶", "#", "§", "🔗"])
def test_a_headings_permalink_mark_is_no_part_of_the_headline(mark):
    # Documentation and blog generators end each heading with a link to its own anchor.
    article = parsed("<title>Rebuilding the footbridge</title>",
                     f'<h1>Rebuilding the footbridge<a class="headerlink" href="#top">{mark}</a></h1>')
    assert (article.title, article.provenance["title"]) == ("Rebuilding the footbridge", "heading")


@pytest.mark.parametrize("title, heading, headline", [
    # fail before: the JSON-LD headline and the social card give one line written for sharing,
    # the <h1> and the <title> (less its site's name) another: the one a reader sees
    ("Council raises the bridge toll - Valley Courier", "<h1>Council raises the bridge toll</h1>",
     "Council raises the bridge toll"),
    ("Council raises the bridge toll", "<h1>Council raises the bridge toll</h1>", "Council raises the bridge toll"),
    # near misses: the <title> agrees with the card, not the <h1>; two <h1>s
    ("Bridge toll row is over - Valley Courier", "<h1>Council raises the bridge toll</h1>", "Bridge toll row is over"),
    ("Council raises the bridge toll - Valley Courier",
     "<h1>Council raises the bridge toll</h1><h1>Most read</h1>", "Bridge toll row is over"),
])
def test_the_headline_the_h1_and_the_title_agree_on_beats_the_card_and_json_ld(title, heading, headline):
    card = "Bridge toll row is over"
    article = parsed(json_ld({"@type": "NewsArticle", "headline": card})
                     + f'<title>{title}</title><meta property="og:title" content="{card}">'
                     '<meta property="og:site_name" content="Valley Courier">', heading)
    assert article.title == headline


SEARCH_TITLE = "Toll to rise as council backs bridge plan"


@pytest.mark.parametrize("item, heading, headline", [
    # fail before: the article's JSON-LD headline states the <h1>, the <title> and its copy in
    # the social card a line worded for search engines (no site's name to tell them apart)
    (json_ld({"@type": "NewsArticle", "headline": "Council raises the bridge toll"}),
     "<h1>Council raises the bridge toll</h1>", "Council raises the bridge toll"),
    # ... in a JSON-LD block that is not valid JSON (a quote left unescaped in its description)
    ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Council raises the bridge toll",'
     ' "description": "The "toll" rises"}</script>', "<h1>Council raises the bridge toll</h1>",
     "Council raises the bridge toll"),
    ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Council raises the \\"toll\\"",'
     ' "description": "The "toll" rises"}</script>', '<h1>Council raises the "toll"</h1>', 'Council raises the "toll"'),
    # near misses: the JSON-LD headline is the <title>'s line, or there are two <h1>s
    (json_ld({"@type": "NewsArticle", "headline": SEARCH_TITLE}), "<h1>Council raises the bridge toll</h1>", SEARCH_TITLE),
    # (fail before) in a block that is not valid JSON, a headline nested deeper than the
    # article's own is a related story's, and does not confirm that story's <h1>
    ('<script type="application/ld+json">{"@type": "NewsArticle", "description": "The "toll" rises", "isPartOf":'
     ' {"relatedLink": [{"headline": "Ferry fares frozen"}]}, "headline": "' + SEARCH_TITLE + '"}</script>',
     "<h1>Ferry fares frozen</h1>", SEARCH_TITLE),
    ('<script type="application/ld+json">{"@type": "NewsArticle", "description": "The "toll" rises", "mentions":'
     ' [{"@type": "NewsArticle", "headline": "Ferry fares frozen"}]}</script>', "<h1>Ferry fares frozen</h1>",
     SEARCH_TITLE),
    # (near miss) the article's own in the block's @graph is read
    ('<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", "description": "The "toll" rises",'
     ' "headline": "Council raises the bridge toll"}]}</script>', "<h1>Council raises the bridge toll</h1>",
     "Council raises the bridge toll"),
    (json_ld({"@type": "NewsArticle", "headline": "Council raises the bridge toll"}),
     "<h1>Council raises the bridge toll</h1><h1>Most read</h1>", SEARCH_TITLE),
])
def test_the_headline_the_h1_and_the_articles_json_ld_agree_on_beats_the_title_and_its_copies(item, heading, headline):
    article = parsed(f'{item}<title>{SEARCH_TITLE}</title><meta property="og:title" content="{SEARCH_TITLE}">'
                     f'<meta itemprop="headline" content="{SEARCH_TITLE}">', heading)
    assert article.title == headline


def test_a_social_card_equal_to_a_title_without_site_name_still_votes():
    # With no site name in it the copy may be the editor's own line set in both tags: it
    # keeps its vote (only the verbatim copy of a "Headline | Site" title is discounted).
    article = parsed("<title>Bridge toll to rise, council says</title>"
                     '<meta property="og:title" content="Bridge toll to rise, council says">',
                     "<h1>Council raises the bridge toll</h1>")
    assert article.title == "Bridge toll to rise, council says"

# --- authors -------------------------------------------------------------------------------


def test_json_ld_people_not_organisations():
    article = parsed(json_ld({
        "@context": "https://schema.org", "@type": "NewsArticle", "headline": "Bridge",
        "author": [{"@type": "Person", "name": "Maria Lindqvist"},
                   {"@type": "Organization", "name": "Valley Courier"},
                   {"@type": "Person", "name": "Tom O'Rourke"}],
    }))
    assert article.authors == ["Maria Lindqvist", "Tom O'Rourke"]
    assert article.provenance["authors"] == "json-ld"


def test_json_ld_in_a_graph_and_a_list():
    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "WebSite", "name": "Valley Courier"},
        {"@type": ["ReportageNewsArticle"], "headline": "Bridge",
         "author": {"@type": "Person", "name": "Maria Lindqvist"},
         "datePublished": "2024-03-05T09:30:00+01:00"},
    ]}
    article = parsed(json_ld([graph]))
    assert article.authors == ["Maria Lindqvist"]
    assert article.published == "2024-03-05T09:30:00+01:00"


def test_meta_author_profile_url_is_skipped_and_name_used():
    article = parsed('<meta property="article:author" content="https://example.org/people/ml">'
                     '<meta name="author" content="Maria Lindqvist">')
    assert (article.authors, article.provenance["authors"]) == (["Maria Lindqvist"], "meta")


def test_meta_author_naming_the_copyright_holder_is_an_organisation():
    article = parsed('<meta name="copyright" content="Copyright (c) Hilltop Media Group 2024">'
                     '<meta name="author" content="Hilltop Media Group">'
                     '<meta name="article:author" content="Maria Lindqvist">')
    assert article.authors == ["Maria Lindqvist"]


def test_meta_value_attribute_is_read_like_content():
    article = parsed('<meta name="author" value="Maria Lindqvist">')
    assert article.authors == ["Maria Lindqvist"]


def test_visible_byline_split_into_people_without_agency_or_date():
    article = parsed(top='<div class="article-byline">By <span>Maria Lindqvist</span> and '
                         "<span>Tom Okafor</span><div>Associated Press</div>"
                         "<time>March 5, 2024 at 9:30 am</time></div>")
    assert article.authors == ["Maria Lindqvist", "Tom Okafor"]
    assert article.provenance["authors"] == "byline"


def test_byline_fields_separated_by_middle_dots():
    article = parsed(top='<p class="byline">Maria Lindqvist · Valley Courier · Posted 5 March</p>')
    assert article.authors == ["Maria Lindqvist"]


def test_only_the_first_byline_counts_not_related_story_teasers():
    teasers = "".join(f'<li><a>Other story {i}</a><span class="byline">Writer Number{i} Smith</span></li>'
                      for i in range(3))
    article = parsed(top='<p class="byline">By Maria Lindqvist</p>', )
    assert article.authors == ["Maria Lindqvist"]
    article = normalise(extract_html(page(top='<p class="byline">By Maria Lindqvist</p>',
                                          body=BODY + f"<aside><ul>{teasers}</ul></aside>")), NOW)
    assert article.authors == ["Maria Lindqvist"]


def test_a_byline_in_another_article_box_than_the_headline_is_a_teasers():
    # A sidebar of <article> teasers after the story, each with its own byline class; the
    # story's own byline is a plain "By" line.
    teasers = "".join(f'<article><h3><a href="/story/{i}">Other story {i}</a></h3>'
                      f'<a class="byline" href="/people/{i}">Writer Number{i} Smith</a></article>'
                      for i in range(2))
    html = (f"<html><body><article><h1>Bridge</h1><p><span>By <a>Maria Lindqvist</a></span></p>"
            f"{BODY}</article><aside>{teasers}</aside></body></html>")
    assert normalise(extract_html(html.encode()), NOW).authors == ["Maria Lindqvist"]


def test_element_starting_with_by_is_a_byline_of_last_resort():
    article = parsed(top='<div class="x1"><div class="x2">By <span class="x3">Maria Lindqvist'
                         "</span></div></div>")
    assert article.authors == ["Maria Lindqvist"]


@pytest.mark.parametrize("credit", ["Photo by Tomas Berg", "Photographs: Tomas Berg",
                                    "Medically reviewed by Tomas Berg, MD", "Fact-checked by Tomas Berg",
                                    "Edited by Tomas Berg"])
def test_a_credit_line_marked_as_a_byline_gives_way_to_the_writers_byline(credit):
    # Templates mark the picture's or the reviewer's credit with the byline's class too; it
    # names no writer, so the byline after it is read (and the credited person is not one).
    top = (f'<h1>Bridge</h1><div class="byline">{credit}</div>'
           '<div class="byline">By Maria Lindqvist</div>')
    assert parsed(top=top).authors == ["Maria Lindqvist"]


def test_a_byline_naming_no_person_still_stops_the_search():
    # "Staff" or an agency is this article's byline all the same: a teaser's name further
    # down is not taken in its place.
    top = ('<h1>Bridge</h1><div class="byline">By Valley Courier Staff</div>'
           '<aside><div class="byline">By Maria Lindqvist</div></aside>')
    assert parsed(top=top).authors == []


def test_no_author_signal_no_author():
    article = parsed("<title>Bridge</title>")
    assert article.authors == [] and "authors" not in article.provenance


# --- dates ---------------------------------------------------------------------------------


def test_published_and_updated_kept_apart():
    article = parsed('<meta property="article:published_time" content="2024-03-05T09:30:00Z">'
                     '<meta property="article:modified_time" content="2024-03-07T18:00:00Z">')
    assert article.published == "2024-03-05T09:30:00+00:00"
    assert article.updated == "2024-03-07T18:00:00+00:00"
    assert article.provenance["published"] == article.provenance["updated"] == "meta"


def test_future_date_is_not_a_publication_date():
    article = parsed('<meta property="article:published_time" content="2031-01-01T00:00:00Z">'
                     '<meta name="date" content="2024-03-05">')
    assert article.published == "2024-03-05"


def test_date_from_the_url_when_no_markup_states_one():
    article = parsed('<link rel="canonical" href="https://news.example.org/2024/03/05/bridge-plan">')
    assert (article.published, article.provenance["published"]) == ("2024-03-05", "url")


@pytest.mark.parametrize("url, published", [
    # a date at the end of the slug, and one run together
    ("https://news.example.org/local/bridge-plan-2024-03-05.html", "2024-03-05"),
    ("https://news.example.org/local/bridge-plan-20240305-story.html", "2024-03-05"),
    ("https://news.example.org/local/20240305/k1001", "2024-03-05"),
    # digits inside a longer number, an impossible day, a date in the query: no date
    ("https://news.example.org/local/1202403051", None),
    ("https://news.example.org/local/a_20241305_b", None),
    ("https://news.example.org/local/story?day=2024-03-05", None),
    ("https://news.example.org/2024/mar/05/bridge-plan", "2024-03-05"),
    ("https://news.example.org/2024/Sept/5/bridge-plan", "2024-09-05"),
    ("https://news.example.org/2024/mar/bridge-plan", None),  # a month is no day
    ("https://news.example.org/local/story?from=/2024/mar/05/", None),  # spelled, in the query
    ("https://news.example.org/local/202403/05/c_1001.htm", "2024-03-05"),  # year and month run together
    ("https://news.example.org/local/202413/05/c_1001.htm", None),
])
def test_date_from_the_url_in_other_shapes(url, published):
    article = parsed(f'<link rel="canonical" href="{url}">')
    # (htmldate, the last resort, reads a query's date on its own account)
    assert (article.published if article.provenance.get("published") == "url" else None) == published


def test_the_web_page_node_dates_the_page_when_no_article_object_does():
    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "WebPage", "@id": "https://example.org/bridge/#webpage", "name": "Bridge",
         "datePublished": "2024-03-05T09:30:00+01:00", "dateModified": "2024-04-01T10:00:00+01:00"},
        {"@type": "WebSite", "@id": "https://example.org/#website", "name": "Valley Courier"}]}
    article = parsed(json_ld(graph))
    assert (article.published, article.provenance["published"]) == ("2024-03-05T09:30:00+01:00", "json-ld")
    assert article.updated == "2024-04-01T10:00:00+01:00"


def test_the_article_meta_date_leads_the_web_page_node():
    article = parsed(json_ld({"@type": "WebPage", "datePublished": "2024-04-01"})
                     + '<meta property="article:published_time" content="2024-03-05">')
    assert (article.published, article.provenance["published"]) == ("2024-03-05", "meta")


def test_dates_of_a_json_ld_block_that_is_not_valid_json():
    broken = ('<script type="application/ld+json">{"@type": "NewsArticle", "description": "A "stone" '
              'bridge", "datePublished": "2024-03-05", "dateModified": "2024-03-07"}</script>')
    article = parsed(broken)
    assert (article.published, article.provenance["published"]) == ("2024-03-05", "json-ld")
    assert article.updated == "2024-03-07"


def test_a_year_in_the_url_is_not_a_date():
    article = parsed('<link rel="canonical" href="https://news.example.org/2024/bridge-plan">')
    assert article.published is None


def test_time_element_marked_as_publication():
    article = parsed(top='<time itemprop="datePublished" datetime="2024-03-05T09:30:00Z">'
                         "5 March</time>")
    assert article.published == "2024-03-05T09:30:00+00:00"


def test_no_date_anywhere_no_date():
    article = parsed("<title>Bridge</title>")
    assert article.published is None and "published" not in article.provenance


# --- outlet --------------------------------------------------------------------------------


def test_outlet_from_og_site_name_and_domain_from_canonical():
    article = parsed('<meta property="og:site_name" content="The Valley Courier">'
                     '<link rel="canonical" href="https://www.valleycourier.com/a/1">')
    assert (article.outlet, article.provenance["outlet"]) == ("The Valley Courier", "meta")
    assert article.outlet_domain == "valleycourier.com"


def test_outlet_from_json_ld_publisher():
    article = parsed(json_ld({"@type": "NewsArticle", "headline": "Bridge",
                              "publisher": {"@type": "NewsMediaOrganization",
                                            "name": "Valley Courier"}}))
    assert (article.outlet, article.provenance["outlet"]) == ("Valley Courier", "json-ld")


def test_broken_json_ld_is_ignored():
    article = parsed('<script type="application/ld+json">{"@type": "NewsArticle", </script>'
                     "<title>Bridge plan</title>")
    assert article.title == "Bridge plan"


@pytest.mark.parametrize("before, head, url", [
    # fail before: a relative canonical link under <base href>; the address a browser or
    # SingleFile wrote into the page it saved, for a page that names none of its own
    ("", '<base href="https://valleycourier.example/"><link rel="canonical" href="/news/bridge">',
     "https://valleycourier.example/news/bridge"),
    ("<!-- saved from url=(0041)https://valleycourier.example/news/bridge -->\n", "",
     "https://valleycourier.example/news/bridge"),
    ("<!--\n Page saved with SingleFile \n url: https://valleycourier.example/news/bridge \n saved date: Mon Mar 04 "
     "2024 10:00:00 GMT+0100\n-->", "", "https://valleycourier.example/news/bridge"),
    # near misses: the page's own whole address wins over where it was saved from; a relative
    # canonical with no base names no address
    ("<!-- saved from url=(0041)https://valleycourier.example/news/other -->\n",
     '<link rel="canonical" href="https://valleycourier.example/news/bridge">', "https://valleycourier.example/news/bridge"),
    ("", '<link rel="canonical" href="/news/bridge">', None),
])
def test_a_saved_pages_address_from_its_base_or_the_browsers_note(before, head, url):
    article = normalise(extract_html(before.encode() + page(head)), NOW)
    assert article.url == url
    if url:
        assert article.outlet_domain == "valleycourier.example"


def _links(count: int, words: str = "Ferry story") -> str:
    return "".join(f'<li><a href="https://valleycourier.example/s/{n}">{words} {n}</a></li>' for n in range(count))


_MENU = "<nav><ul>" + _links(40, "Section") + "</ul></nav>"


@pytest.mark.parametrize("raw, is_list", [
    # fail before: stored as articles ("Bookmarks", "Pocket Export") of their links' words
    ("<!DOCTYPE NETSCAPE-Bookmark-file-1><TITLE>Bookmarks</TITLE><H1>Bookmarks</H1><DL><p>"
     + "".join(f'<DT><A HREF="https://valleycourier.example/{n}" ADD_DATE="1709424000">Bridge story {n}</A>'
               for n in range(40)) + "</DL>", True),
    ("<html><head><title>Pocket Export</title></head><body><h1>Unread</h1><ul>" + _links(60)
     + "</ul><h1>Read Archive</h1><ul></ul></body></html>", True),
    (f"<html><body><h1>Harbour news</h1><ul>{_links(45)}</ul><p>Page 2</p></body></html>", True),
    # near misses: a brief under a long menu, a Japanese story (no spaces to count words by), a
    # short list of links
    (f"<html><body>{_MENU}<article><h1>Bridge shut</h1><p>The old stone footbridge was shut on Tuesday "
     "after the river council found a crack in its middle arch. Engineers will inspect it on Friday, "
     "and a ferry will run until it reopens.</p></article></body></html>", False),
    (f"<html><body>{_MENU}<article><h1>橋が閉鎖</h1><p>市議会は火曜日、中央のアーチにひびが見つかったため、古い石の歩道橋を閉鎖した。"
     "技術者が金曜日に点検し、再開まで渡し船が運航する。住民は迂回路を使うよう求められている。市は修理費の見積もりを来月発表する予定で、"
     "観光への影響を心配する声も上がっている。</p></article></body></html>", False),
    (f"<html><body><ul>{_links(20)}</ul></body></html>", False),
])
def test_a_list_of_links_is_no_article(tmp_path, raw, is_list):
    (tmp_path / "page.html").write_text(raw)
    result = run_cli("ingest", tmp_path / "page.html", "--db", tmp_path / "archive.db", "--json")
    summary = json.loads(result.stdout)
    if is_list:
        assert (result.exit_code, summary["failed"]) == (1, 1)
        assert "a list of links" in summary["failures"][0]["error"]
    else:  # stored, or (the short list) failed for its want of text, as before
        assert "a list of links" not in json.dumps(summary["failures"])
        assert summary["stored"] == (1 if "<article>" in raw else summary["stored"])


# --- the command -----------------------------------------------------------------------------


def test_parse_json_prints_chosen_values_with_provenance(tmp_path):
    path = tmp_path / "story.html"
    path.write_bytes(page(
        json_ld({"@type": "NewsArticle", "headline": "Council backs bridge plan",
                 "author": {"@type": "Person", "name": "Maria Lindqvist"},
                 "datePublished": "2024-03-05T09:30:00Z"})
        + '<meta property="og:site_name" content="Valley Courier">'
    ))
    result = json.loads(run_cli("parse", path, "--json").stdout)
    assert result["title"] == "Council backs bridge plan"
    assert result["authors"] == ["Maria Lindqvist"]
    assert result["outlet"] == "Valley Courier"
    assert result["provenance"] == {"title": "json-ld", "authors": "json-ld",
                                    "published": "json-ld", "outlet": "meta"}


def test_visible_date_in_a_date_element_when_no_markup_states_one():
    article = parsed(top='<p class="entry-date">Posted on March 5, 2024</p>')
    assert (article.published, article.provenance["published"]) == ("2024-03-05", "text")


@pytest.mark.parametrize("text, day", [
    ("2019年4月4日", "2019-04-04"), ("2019/04/04 10:00", "2019-04-04"), ("2019년 4월 4일", "2019-04-04"),
    ("5 March 2024", "5 March 2024"), ("Posted May 2019", None), ("Page 2 of 12", None),
])
def test_text_date_needs_a_whole_day(text, day):
    from ingest.html_signals import text_date

    assert text_date(text) == day


def test_an_updated_stamp_is_not_read_as_the_publication_date():
    from trafilatura.utils import load_html

    from ingest.html_signals import read_signals

    tree = load_html(page(top='<p class="updated-date">Updated March 7, 2024</p>'
                              '<p class="post-date">March 5, 2024</p>').decode())
    assert read_signals(tree).date_texts == ["March 5, 2024"]


def test_the_byline_under_the_headline_beats_one_in_the_page_header():
    article = normalise(extract_html(
        b"<html><head><title>Bridge</title></head><body>"
        b'<header><div class="featured"><span class="byline">By Featured Writer</span></div></header>'
        b'<article><h1>Bridge</h1><p class="byline">By Maria Lindqvist</p>'
        + BODY.encode() + b"</article></body></html>"), NOW)
    assert article.authors == ["Maria Lindqvist"]


def test_title_parts_joined_without_spaces_in_chinese_and_japanese():
    article = parsed("<title>新しい橋の計画が決まった：谷新聞</title>"
                     '<meta property="og:site_name" content="谷新聞">')
    assert article.title == "新しい橋の計画が決まった"


def test_trafilatura_title_when_the_page_has_no_title_tags():
    # No <title>, no meta, no <h1>: trafilatura's own search (a headline class) is all there is.
    article = normalise(extract_html(page(top='<h2 class="entry-title">Council backs bridge plan</h2>')), NOW)
    assert (article.title, article.provenance["title"]) == ("Council backs bridge plan", "trafilatura")


def test_json_ld_of_related_stories_does_not_add_authors():
    article = parsed(json_ld([
        {"@type": "NewsArticle", "headline": "Bridge", "author": {"@type": "Person", "name": "Maria Lindqvist"}},
        {"@type": "NewsArticle", "headline": "Other", "author": {"@type": "Person", "name": "Tom Okafor"}},
    ]))
    assert article.authors == ["Maria Lindqvist"]


RELATED_JSON_LD = json_ld([
    {"@type": "NewsArticle", "headline": "Bridge to be rebuilt", "url": "https://valley.example/bridge"},
    {"@type": "NewsArticle", "headline": "Ferry fares rise", "url": "https://valley.example/ferry",
     "author": {"@type": "Person", "name": "Tom Okafor"}, "datePublished": "2024-02-01"},
]) + '<link rel="canonical" href="https://valley.example/bridge">'


@pytest.mark.parametrize("top, authors", [
    ('<h1>Bridge to be rebuilt</h1><p class="byline">By Maria Lindqvist</p>', ["Maria Lindqvist"]),
    ("<h1>Bridge to be rebuilt</h1>", []),
])
def test_another_storys_json_ld_names_no_author_or_date_when_the_pages_own_names_none(top, authors):
    # The page's own article object states no author or date; the next object, another story
    # (its own headline and address), does: those are that story's.
    article = parsed(RELATED_JSON_LD, top)
    assert (article.authors, article.published) == (authors, None)


def test_a_second_json_ld_object_of_the_same_story_still_gives_its_author():
    # Two plugins each state the page: one names the author, the other does not.
    article = parsed(json_ld([
        {"@type": "Article", "headline": "Bridge to be rebuilt", "url": "https://valley.example/bridge"},
        {"@type": "NewsArticle", "headline": "Bridge to be rebuilt", "datePublished": "2024-03-05",
         "author": {"@type": "Person", "name": "Maria Lindqvist"}},
    ]))
    assert (article.authors, article.published) == (["Maria Lindqvist"], "2024-03-05")


def test_an_application_name_that_repeats_the_title_is_not_the_site():
    article = parsed('<meta name="application-name" content="Council backs bridge plan">'
                     "<title>Council backs bridge plan</title>")
    assert article.title == "Council backs bridge plan"
    assert article.outlet != "Council backs bridge plan"
    assert article.outlet is None  # no tag names the site, so nothing does


def test_description_from_meta_written_with_value():
    article = parsed('<meta name="description" value="The council backs a new footbridge.">')
    assert article.description == "The council backs a new footbridge."


# --- document shape: fragments and layout tables ---------------------------------------------


def test_a_fragment_without_html_or_body_is_extracted():
    # A saved article <div> alone: trafilatura rejects a one-block tree as "not HTML".
    fragment = f"<div class='story'><div class='text'>{BODY}</div></div>".encode()
    article = extract_html(fragment)
    assert article.body.startswith("Paragraph 0 of the story")
    assert "Paragraph 5" in article.body


LAYOUT = (
    "<html><head><title>Valley Radio - Council backs bridge plan</title></head><body>"
    "<table><tr><td colspan='2'><a href='/'>Home</a> | <a href='/news'>News</a> | "
    "<a href='/listen'>Listen</a></td></tr>"
    "<tr><td><h2>Council backs bridge plan</h2>{body}{data}</td>"
    "<td><b>Newsletter</b><br><a href='/signup'>Sign up</a></td></tr></table></body></html>"
)
DATA_TABLE = "<table><tr><th>Option</th><th>Cost</th></tr><tr><td>Stone</td><td>40,000</td></tr></table>"


def test_a_layout_table_is_read_as_blocks_not_as_one_table_row():
    article = extract_html(LAYOUT.format(body=BODY, data="").encode())
    assert article.body.startswith("Paragraph 0 of the story")
    assert "Home" not in article.body


def test_a_data_table_inside_a_layout_table_stays_a_table():
    from trafilatura.utils import load_html
    from ingest.extract_html import _unwrap_layout_tables

    tree = load_html(LAYOUT.format(body=BODY, data=DATA_TABLE))
    _unwrap_layout_tables(tree)
    assert [t.xpath("string(.//th)") for t in tree.iter("table")] == ["Option"]
    assert tree.xpath("count(//td)") == 2


def test_a_heading_that_is_one_part_of_the_title_is_the_headline():
    article = extract_html(LAYOUT.format(body=BODY, data="").encode())
    assert (article.title, article.provenance["title"]) == ("Council backs bridge plan", "heading")


def test_a_lone_heading_sharing_no_word_with_the_title_is_not_the_headline():
    article = parsed("<title>Council backs bridge plan</title>", top="<h1>More from this section</h1>")
    assert (article.title, article.provenance["title"]) == ("Council backs bridge plan", "title")


def test_a_lone_heading_sharing_only_little_words_with_the_title_is_not_the_headline():
    # "and", "the", "of" are in every title: they do not tie a section heading to it.
    article = parsed("<title>Floods: what the council will do and when</title>",
                     top="<h1>News and information for the valley</h1>")
    assert (article.title, article.provenance["title"]) == ("Floods: what the council will do and when", "title")


ARTICLE_HEADLINE = "<h1>Why the harbor town is suddenly wearing striped sailor shirts again</h1>"


@pytest.mark.parametrize("markup, title", [
    # fail before: a sentence-long <h1> in the <article>, under a <title> written for search
    # engines in other words, was dropped as a widget's heading
    (f"<article>{ARTICLE_HEADLINE}{BODY}</article>",
     "Why the harbor town is suddenly wearing striped sailor shirts again"),
    # near misses: the same heading outside any <article> (a banner), and a short one inside
    (f"<div class='promo'>{ARTICLE_HEADLINE}</div><article>{BODY}</article>", "Breton tops for every season"),
    (f"<article><h1>Sign up for our newsletter today</h1>{BODY}</article>", "Breton tops for every season"),
])
def test_a_lone_sentence_long_heading_in_the_article_is_the_headline(markup, title):
    raw = (f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Breton tops for every season</title>"
           f"</head><body>{markup}</body></html>").encode()
    assert extract_html(raw).title == title


@pytest.mark.parametrize("markup, title", [
    # fail before: the page's one <h1>, sentence-long and in an <article>, is the next story's
    # card, while an <h2> states the <title>'s headline (less its site's name) word for word
    (f"<h2>Breton tops for every season</h2><article>{BODY}</article><article>{ARTICLE_HEADLINE}</article>",
     "Breton tops for every season"),
    # near misses: no <h2> states the <title>'s headline (a part of it only, or other words)
    (f"<h2>Breton tops</h2><article>{ARTICLE_HEADLINE}{BODY}</article>",
     "Why the harbor town is suddenly wearing striped sailor shirts again"),
    (f"<h2>More from the harbor</h2><article>{ARTICLE_HEADLINE}{BODY}</article>",
     "Why the harbor town is suddenly wearing striped sailor shirts again"),
])
def test_an_h2_stating_the_titles_headline_beats_another_storys_lone_h1(markup, title):
    raw = (f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Breton tops for every season"
           f" - Pine Style</title><meta name='application-name' content='Pine Style'></head>"
           f"<body>{markup}</body></html>").encode()
    assert extract_html(raw).title == title


@pytest.mark.parametrize("markup, title", [
    # fail before: the <h2> stating the <title>'s headline comes after the <h1>, in the story
    # it heads: a section of it ("Live updates"), not this story's headline
    (f"<article>{ARTICLE_HEADLINE}{BODY}<h2>Live updates</h2><p>More to follow.</p></article>",
     "Why the harbor town is suddenly wearing striped sailor shirts again"),
    # near miss: the <h2> before the <h1>, which is another story's card below this one
    (f"<h2>Live updates</h2><article>{BODY}</article><article>{ARTICLE_HEADLINE}</article>", "Live updates"),
])
def test_an_h2_after_the_lone_h1_stating_the_title_is_a_section_of_its_story(markup, title):
    raw = (f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Live updates - Pine Style</title>"
           f"<meta name='application-name' content='Pine Style'></head><body>{markup}</body></html>").encode()
    assert extract_html(raw).title == title


@pytest.mark.parametrize("heading, title", [
    # fail before: a kicker set before the headline in the <h1>, which the <title> leaves out
    ("<h1><span class='label'>Analysis</span> Bridge to be rebuilt</h1>", "Bridge to be rebuilt"),
    ("<h1><span>ANALYSIS</span>Bridge to be rebuilt</h1>", "Bridge to be rebuilt"),
    ("<h1>Watch: Bridge to be rebuilt</h1>", "Bridge to be rebuilt"),
    # near misses: a headline that ends in the <title>'s words, in sentence or title case, and
    # a kicker with the rest too short to be a headline
    ("<h1>Council says bridge to be rebuilt</h1>", "Council says bridge to be rebuilt"),
    ("<h1>Council Says Bridge to be Rebuilt</h1>", "Council Says Bridge to be Rebuilt"),
    ("<h1><span>Analysis</span> Bridge rebuilt</h1>", "Analysis Bridge rebuilt"),
])
def test_a_kicker_before_the_headline_in_its_heading_is_left_out(heading, title):
    stated = "Bridge rebuilt" if "Bridge rebuilt" in heading else "Bridge to be rebuilt"
    article = parsed(f"<title>{stated} | Valley Courier</title>", top=heading)
    assert (article.title, article.provenance["title"]) == (title, "heading")


@pytest.mark.parametrize("title, heading", [
    # fail before: the <title> states the whole <h1>, dashes and colon and all: the words
    # before the first dash were cut as a kicker
    ("Storm - and more storm - for the valley | Valley Courier", "Storm - and more storm - for the valley"),
    ("Rain – then floods – for the valley", "Rain – then floods – for the valley"),
    ("Valley Courier | Watch: bridge to be rebuilt by the council", "Watch: bridge to be rebuilt by the council"),
])
def test_a_heading_that_the_title_states_whole_loses_no_kicker(title, heading):
    article = parsed(f"<title>{title}</title>", top=f"<h1>{heading}</h1>")
    assert (article.title, article.provenance["title"]) == (heading, "heading")


def test_a_lone_heading_that_is_the_headline_still_leads():
    article = parsed("<title>Council backs bridge plan - Valley News</title>",
                     top="<h1>Council backs the bridge plan</h1>")
    assert (article.title, article.provenance["title"]) == ("Council backs the bridge plan", "heading")


@pytest.mark.parametrize("head", [
    '<title>Valley Courier</title><meta property="og:site_name" content="Valley Courier">',
    '<title>Valley Courier</title><link rel="canonical" href="https://www.valleycourier.example/news/1">',
])
def test_a_lone_heading_is_not_tested_against_a_title_that_is_only_the_sites_name(head):
    # Templates that put the site's name alone in every page's <title>: the headline shares no
    # word with it, and is the headline all the same (the site's name is no title to test by).
    article = parsed(head, top="<h1>Council backs bridge plan</h1>")
    assert (article.title, article.provenance["title"]) == ("Council backs bridge plan", "heading")


def test_a_headline_in_capitals_is_given_in_the_case_another_signal_writes_it():
    article = parsed("<title>COUNCIL BACKS BRIDGE PLAN | VALLEY COURIER</title>"
                     '<meta property="og:title" content="Council backs bridge plan">'
                     '<meta property="og:site_name" content="Valley Courier">')
    assert article.title == "Council backs bridge plan"


def test_trafilatura_site_name_that_is_the_headline_does_not_cut_the_title():
    # With no site-name tags, trafilatura names the site after a <title> part holding a dot
    # (a domain, it assumes): here the headline, which must not then be cut away as the site.
    article = parsed("<title>Council backs St. Ann bridge plan - Valley News</title>",
                     top="<h1>Council backs St. Ann bridge plan</h1>")
    assert article.title == "Council backs St. Ann bridge plan"
    assert article.outlet != "Council backs St. Ann bridge plan"
    assert article.outlet is None  # no tag names the site, so nothing does


# --- more author signals -------------------------------------------------------------------


def test_scholarly_citation_author_tags_one_per_author():
    article = parsed('<meta name="citation_author" content="Maria Lindqvist">'
                     '<meta name="citation_author_institution" content="Valley Institute">'
                     '<meta name="citation_author" content="Tom Okafor">')
    assert (article.authors, article.provenance["authors"]) == (["Maria Lindqvist", "Tom Okafor"], "meta")


def test_card_label_written_by_names_the_author():
    article = parsed('<meta name="twitter:label1" value="Reading time"><meta name="twitter:data1" value="2 min read">'
                     '<meta name="twitter:label2" value="Written by"><meta name="twitter:data2" value="Maria Lindqvist">')
    assert article.authors == ["Maria Lindqvist"]


def test_byline_class_with_a_template_prefix():
    article = parsed(top='<h1>Bridge</h1><div class="post__author"><a href="/u/ml">Maria Lindqvist</a></div>')
    assert (article.authors, article.provenance["authors"]) == (["Maria Lindqvist"], "byline")


def test_posted_date_by_line_names_the_author():
    article = parsed(top="<h1>Bridge</h1><p><font size='-1'>Posted May 3, 2025 by Maria Lindqvist</font></p>")
    assert article.authors == ["Maria Lindqvist"]
    # the date the byline itself carries is the publication date
    assert (article.published, article.provenance["published"]) == ("2025-05-03", "byline")


def test_a_date_elsewhere_in_the_byline_area_is_not_taken_for_the_byline_date():
    article = parsed(top="<h1>Bridge</h1><p class='byline'>By Maria Lindqvist</p>"
                         "<p>The bridge opened on May 3, 2025, after years of delay.</p>")
    assert article.published is None


def test_credits_filed_with_the_author_give_way_to_the_visible_byline():
    article = parsed('<meta name="author" content="Maria Lindqvist,Tom Okafor,Ana Ruiz at Valley Models,'
                     'Lee Park using Brand Cosmetics">',
                     top='<h1>Bridge</h1><div class="byline">By Maria Lindqvist</div>')
    assert (article.authors, article.provenance["authors"]) == (["Maria Lindqvist"], "byline")


def test_several_meta_authors_all_shown_in_the_byline_are_kept():
    article = parsed('<meta name="author" content="Maria Lindqvist, Tom Okafor">',
                     top='<h1>Bridge</h1><div class="byline">By Maria Lindqvist and Tom Okafor</div>')
    assert article.authors == ["Maria Lindqvist", "Tom Okafor"]


def test_a_byline_showing_one_of_several_plain_names_does_not_cut_the_list():
    article = parsed('<meta name="author" content="Maria Lindqvist, Tom Okafor">',
                     top='<h1>Bridge</h1><div class="byline">By <a>Maria Lindqvist</a></div>')
    assert article.authors == ["Maria Lindqvist", "Tom Okafor"]


def test_the_visible_byline_comes_before_a_card_written_by_label():
    article = parsed('<meta name="twitter:label1" value="Written by"><meta name="twitter:data1" value="Tom Okafor">',
                     top='<h1>Bridge</h1><div class="byline">By Maria Lindqvist</div>')
    assert article.authors == ["Maria Lindqvist"]


def test_by_run_into_the_name():
    article = parsed(top='<h1>Bridge</h1><div class="byline"><span>By</span><a>Maria Lindqvist</a></div>')
    assert article.authors == ["Maria Lindqvist"]


def test_contributor_class_and_itemprop_creator_are_bylines():
    article = parsed(top='<h1>Bridge</h1><span class="contributor">Maria Lindqvist</span>')
    assert (article.authors, article.provenance["authors"]) == (["Maria Lindqvist"], "byline")
    article = parsed(top='<h1>Bridge</h1><span itemprop="creator">Tom Okafor</span>')
    assert (article.authors, article.provenance["authors"]) == (["Tom Okafor"], "byline")


def test_a_plain_colon_against_japanese_text_separates_title_parts():
    article = parsed("<title>新しい橋の計画が決まった:谷新聞</title>"
                     '<meta property="og:site_name" content="谷新聞">')
    assert article.title == "新しい橋の計画が決まった"
    assert parsed("<title>Meeting at 10:30 backs bridge</title>").title == "Meeting at 10:30 backs bridge"


@pytest.mark.parametrize("head, top, authors", [
    ('<meta name="author" value="林美音">', "", ["林美音"]),
    ("", '<h1>橋</h1><a class="article_author">著者：森田航平</a>', ["森田航平"]),
    ("", '<h1>橋</h1><div class="author"><span class="name">周子涵</span></div>', ["周子涵"]),
])
def test_cjk_author_names(head, top, authors):
    assert parsed(head, top).authors == authors


@pytest.mark.parametrize("top, authors", [
    # the article's plain "By" line wins over a classed byline in a related-stories list
    ("<h1>Bridge</h1><p><span>By <a>Maria Lindqvist</a></span></p>"
     "<ul><li><h3><a href='/other'>Ferry fares</a></h3><span class='byline'>By Tom Okafor</span></li></ul>",
     ["Maria Lindqvist"]),
    # a byline in a list item with no heading of its own is still the article's
    ("<h1>Bridge</h1><ul class='meta'><li class='byline'>By Maria Lindqvist</li><li>May 3</li></ul>",
     ["Maria Lindqvist"]),
])
def test_teaser_bylines_are_not_the_article_byline(top, authors):
    assert parsed(top=top).authors == authors


def teaser_page(outside: str) -> bytes:
    """An article with no byline of its own, and `outside` after it in the page."""
    return (f"<html><head><title>Bridge</title></head><body><main><h1>Bridge</h1>{BODY}</main>"
            f"{outside}</body></html>").encode()


@pytest.mark.parametrize("outside", [
    # a box of other stories, named so by its class or id
    '<div class="related-stories"><div><span class="byline">By Tom Okafor</span></div></div>',
    '<section id="most-popular"><p class="author">Tom Okafor</p></section>',
    '<div class="recommended"><a href="/author/tom-okafor">Tom Okafor</a></div>',
    '<div class="more-stories"><a rel="author" href="/people/7">Tom Okafor</a></div>',
    # a card whose heading links to another story, in no list and no <article>
    '<div class="grid"><div class="card"><h3><a href="/ferry-fares">Ferry fares rise</a></h3>'
    '<span class="byline">By Tom Okafor</span></div></div>',
    # the site's navigation
    '<nav><a href="/author/tom-okafor">Tom Okafor</a></nav>',
])
def test_a_byline_in_another_storys_box_names_no_author_of_this_one(outside):
    # The article shows no byline; the names further down belong to other stories.
    assert normalise(extract_html(teaser_page(outside)), NOW).authors == []


@pytest.mark.parametrize("outside", [
    # the writer's box beside the article (its heading is no link to another story)
    '<aside class="author-bio"><h3>About the author</h3><p class="author">Maria Lindqvist</p></aside>',
    # the writer's name set in a heading linked to their page: the byline itself, no teaser
    '<div class="profile-box"><h3 class="author-name"><a href="/profile/7">Maria Lindqvist'
    '</a></h3><p class="role">Transport reporter</p></div>',
])
def test_an_author_box_outside_the_article_text_still_names_the_writer(outside):
    assert normalise(extract_html(teaser_page(outside)), NOW).authors == ["Maria Lindqvist"]


def test_a_post_tagged_with_a_word_like_popular_is_no_box_of_other_stories():
    # Blog themes add a class per tag and category to the post's box ("tag-popular",
    # "category-trending"); the headline may be set outside that box, in a page header.
    html = (b'<html><head><title>Bridge</title></head><body><header><h1>Bridge</h1></header>'
            b'<div class="post type-post tag-popular category-trending-now"><p class="byline">'
            b'By Maria Lindqvist</p>' + BODY.encode() + b"</div></body></html>")
    assert normalise(extract_html(html), NOW).authors == ["Maria Lindqvist"]


def test_a_byline_beside_a_standfirst_heading_is_the_articles():
    top = ('<h1>Bridge</h1><div class="intro"><h2>The council decides at last</h2>'
           '<span class="byline">By Maria Lindqvist</span></div>')
    assert parsed(top=top).authors == ["Maria Lindqvist"]


def test_a_headline_that_begins_with_the_sites_name_is_no_site_name():
    # The site's name opens the headline; the <h1>s after the first are the page's menus.
    article = parsed("<title>Courier’s guide to the new bridge toll and its exemptions | Courier</title>"
                     '<meta property="og:site_name" content="Courier">',
                     "<h1>Courier’s guide to the new bridge toll and its exemptions</h1>"
                     "<h1>Offices</h1><h1>Editions</h1>")
    assert article.title == "Courier’s guide to the new bridge toll and its exemptions"


@pytest.mark.parametrize("title", ["Bridge reopens - Courier Business", "Bridge reopens - CourierTV"])
def test_the_sites_name_with_a_short_section_after_it_is_still_the_site(title):
    article = parsed(f'<title>{title}</title><meta property="og:site_name" content="Courier">')
    assert article.title == "Bridge reopens"


def test_a_section_front_named_after_the_site_keeps_that_name_as_title():
    article = parsed("<title>Valley Courier en Español - Valley Courier</title>"
                     '<meta property="og:title" content="Valley Courier en Español">'
                     + json_ld({"@type": "NewsMediaOrganization", "name": "Valley Courier"}))
    assert article.title == "Valley Courier en Español"


@pytest.mark.parametrize("start, end", [("<![CDATA[", "]]>"), ("<!--", "-->")])
def test_json_ld_wrapped_in_cdata_or_a_comment_is_read(start, end):
    data = json.dumps({"@type": "NewsArticle", "headline": "Bridge",
                       "datePublished": "2024-03-05T09:30:00Z"})
    article = parsed(f'<script type="application/ld+json">\n  {start}\n  {data}\n  {end}\n</script>')
    assert (article.published, article.provenance["published"]) == ("2024-03-05T09:30:00+00:00", "json-ld")


def test_a_date_set_beside_the_byline_in_its_block():
    top = ('<h1>Bridge</h1><div class="meta"><div><span>By</span><span>Maria Lindqvist</span></div>'
           '<div><div>March 5, 2024, 4:19 PM</div></div></div>')
    article = parsed(top=top)
    assert (article.published, article.provenance["published"]) == ("2024-03-05", "byline")


def test_a_date_outside_the_byline_block_is_not_the_byline_date():
    story = "<p>" + "The council met again and talked about the bridge. " * 8 + "</p>"
    top = (f'<h1>Bridge</h1><div><div><div><span>By</span><span>Maria Lindqvist</span></div>'
           f'{story}</div><p>March 5, 2024</p></div>')
    assert parsed(top=top).provenance.get("published") != "byline"


@pytest.mark.parametrize("head, top, published", [
    # the page's own clock, in a human-written meta date, puts the evening story on its day
    ('<meta property="article:published_time" content="2024-03-06T00:47:31Z">'
     '<meta name="sailthru.date" content="Tuesday, March 5, 2024, 06:47 PM">', "",
     "2024-03-05T18:47:31-06:00"),
    # ... or in the visible dateline, seconds dropped
    ('<meta property="article:published_time" content="2024-03-05T23:10:00Z">',
     '<p class="dateline">Published: Mar. 6, 2024, 10:10 a.m.</p>', "2024-03-06T10:10:00+11:00"),
    # a written time that is no whole time zone away is another moment: UTC is kept
    ('<meta property="article:published_time" content="2024-03-06T00:47:31Z">',
     '<p class="date">Updated March 5, 2024, 07:02 PM</p>', "2024-03-06T00:47:31+00:00"),
    # ... or in a <time> whose machine value is the local clock with no zone
    ('<meta property="article:published_time" content="2024-03-06T02:59:46Z">',
     '<time datetime="2024-03-05 20:59:46">March 5</time>', "2024-03-05T20:59:46-06:00"),
    # near miss: a zoneless <time> no whole time zone away is another moment: UTC is kept
    ('<meta property="article:published_time" content="2024-03-06T02:59:46Z">',
     '<time datetime="2024-03-05 18:12:10">March 5</time>', "2024-03-06T02:59:46+00:00"),
])
def test_a_utc_date_time_is_given_on_the_pages_own_clock(head, top, published):
    assert parsed(head, top).published == published


def test_a_date_on_the_link_to_the_page_itself():
    head = '<link rel="canonical" href="https://social.example.org/Maria/status/123">'
    top = ('<h1>Maria</h1><span class="joined" title="3:06 PM - 20 Oct 2019">Joined October 2019</span>'
           '<a href="/maria/status/99" title="7:46 PM - 20 Jun 2024">Jun 20</a>'
           '<a href="/Maria/status/123" title="8:27 AM - 21 Jun 2024">Jun 21</a>')
    article = parsed(head, top)
    assert (article.published, article.provenance["published"]) == ("2024-06-21", "text")


@pytest.mark.parametrize("top, published", [
    ('<h1>Bridge</h1><table><tr><td><p class="x">2024.03.05</p></td></tr></table>', "2024-03-05"),
    # two such dates are a list of other items' dates: no date
    ('<h1>Bridge</h1><ul><li><span>2024.03.05</span></li><li><span>2024.02.11</span></li></ul>', None),
    # a date inside a sentence is not set alone (htmldate may still read it, marked as such)
    ('<h1>Bridge</h1><p>Works start on 2024.03.05 at the latest.</p>', None),
])
def test_a_date_set_alone_in_an_element(top, published):
    article = parsed(top=top)
    found = article.published if article.provenance.get("published") == "text" else None
    assert found == published


# --- trafilatura's metadata, read only as far as needed ------------------------------------


@pytest.mark.parametrize("head, top", [
    ('<title>Bridge to be rebuilt | Valley Courier</title><meta name="author" content="Maria Lindqvist">'
     '<meta property="og:site_name" content="valley courier"><meta name="description" content="The old '
     'bridge &amp; the floods">', ""),
    ('<title>Bridge</title><link rel="canonical" href="/news/bridge">'
     '<meta property="og:image" content="https://www.valley.example/img/1.jpg">',
     '<p class="byline">By Maria Lindqvist</p>'),
    (json_ld({"@type": "NewsArticle", "headline": "Bridge to be rebuilt", "datePublished": "2024-03-05",
              "author": {"@type": "Person", "name": "Maria Lindqvist"},
              "publisher": {"@type": "Organization", "name": "Valley Courier"}})
     + '<meta property="og:url" content="https://news.valley.example/2024/03/05/bridge">', ""),
    ("", "<h1>Bridge to be rebuilt</h1><p>March 5, 2024</p>"),
])
def test_trafilatura_metadata_read_step_by_step_equals_its_own(head, top):
    from trafilatura import bare_extraction
    from trafilatura.utils import load_html

    from ingest.extract_html import TrafilaturaMetadata

    tree = load_html(page(head, top).decode())
    expected = bare_extraction(tree, with_metadata=True, include_comments=False,
                               date_extraction_params=TrafilaturaMetadata.DATE_PARAMS).as_dict()
    ours = TrafilaturaMetadata(tree)
    for name in ("title", "author", "date", "sitename", "url", "hostname", "description"):
        assert getattr(ours, name) == expected[name], name


@pytest.mark.parametrize("top, searched", [
    # nothing any of trafilatura's author expressions could match: its search is skipped
    ('<div class="story-meta"><span class="when">March 5</span></div>', False),
    ('<p id="credits">Photos: Ann Lee</p><a href="/author/ann-lee" rel="bookmark">Ann Lee</a>', False),
    # near misses, each one of its tests: searched, and its answer kept
    ('<span class="author-name">Ann Lee</span>', True),
    ('<div data-component="ArticleByline">Ann Lee</div>', True),
    ('<p class="byl">Ann Lee</p>', True),
    ('<span itemprop="author name">Ann Lee</span>', True),
    ('<a rel="author" href="/people/ann-lee">Ann Lee</a>', True),
    ('<span class="journalist-name">Ann Lee</span>', True),
    ('<author>Ann Lee</author>', True),
    ('<p><rel>me</rel>Ann Lee</p>', True),
])
def test_trafilatura_author_search_skipped_only_where_it_could_find_nothing(monkeypatch, top, searched):
    from trafilatura import bare_extraction
    from trafilatura.utils import load_html

    import ingest.extract_html as module

    tree = load_html(page("<title>Bridge</title>", top).decode())
    expected = bare_extraction(tree, with_metadata=True, include_comments=False,
                               date_extraction_params=module.TrafilaturaMetadata.DATE_PARAMS).author
    calls = []
    search = module.trafilatura_metadata.extract_author
    monkeypatch.setattr(module.trafilatura_metadata, "extract_author",
                        lambda tree: calls.append(tree) or search(tree))
    assert module.TrafilaturaMetadata(tree).author == expected
    assert bool(calls) == searched


def test_trafilatura_author_pieces_cover_each_test_of_its_expressions():
    """Every string an author expression of trafilatura's tests an attribute against (each
    alternative of its patterns) holds one of the pieces the skip looks for: a new trafilatura
    that adds one fails here, not silently on a page."""
    import re

    from trafilatura.xpaths import AUTHOR_XPATHS

    import ingest.extract_html as module

    tested = [alternative
              for expression in AUTHOR_XPATHS
              for literal in re.findall(r"@[\w-]+\s*=\s*'([^']*)'|@[\w-]+,\s*'([^']*)'", expression.path)
              for alternative in "".join(literal).split("|")]
    assert len(tested) > 20
    for alternative in tested:
        spelled = [re.sub(r"\[(\w)\w\]", r"\1", alternative), re.sub(r"\[\w(\w)\]", r"\1", alternative)]
        for word in spelled:
            assert module._TRAFILATURA_AUTHOR_PIECES.search(word.replace("-?", "-")), alternative
            assert module._TRAFILATURA_AUTHOR_PIECES.search(word.replace("-?", "")), alternative
    attributes = set(re.findall(r"@([\w-]+)", " ".join(x.path for x in AUTHOR_XPATHS)))
    assert attributes <= module._TRAFILATURA_AUTHOR_ATTRIBUTES


def test_trafilatura_author_and_htmldate_are_not_run_when_the_page_states_both(monkeypatch):
    import ingest.extract_html as module

    def dear(*args, **kwargs):
        raise AssertionError("run although the page's own signals were enough")

    monkeypatch.setattr(module.trafilatura_metadata, "extract_author", dear)
    monkeypatch.setattr(module, "find_date", dear)
    article = parsed(json_ld({"@type": "NewsArticle", "headline": "Bridge", "datePublished": "2024-03-05",
                              "author": {"@type": "Person", "name": "Maria Lindqvist"}}))
    assert (article.authors, article.published) == (["Maria Lindqvist"], "2024-03-05")
    with pytest.raises(AssertionError, match="were enough"):
        parsed("<title>Bridge</title>")  # nothing of ours speaks: both are asked


# --- authors: JSON-LD shapes, several names in one byline, plural classes ------------------


def test_json_ld_author_given_by_reference_to_a_person_node():
    # WordPress SEO plugins write the article's author as {"@id": ...} and the Person as a
    # separate node of the same @graph.
    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "Article", "headline": "Bridge",
         "author": [{"@id": "https://example.org/#/person/1"}, {"@id": "https://example.org/#/org"}]},
        {"@type": "Person", "@id": "https://example.org/#/person/1", "name": "Maria Lindqvist"},
        {"@type": "Organization", "@id": "https://example.org/#/org", "name": "Valley Courier"},
    ]}
    article = parsed(json_ld(graph))
    assert (article.authors, article.provenance["authors"]) == (["Maria Lindqvist"], "json-ld")


def test_json_ld_reference_resolved_across_script_blocks():
    person = {"@context": "https://schema.org", "@type": "Person", "@id": "#writer", "name": "Tom Okafor"}
    article = parsed(json_ld({"@type": "NewsArticle", "headline": "Bridge", "author": {"@id": "#writer"}})
                     + json_ld(person))
    assert (article.authors, article.provenance["authors"]) == (["Tom Okafor"], "json-ld")


def test_json_ld_person_without_a_name_is_named_by_its_profile_url():
    article = parsed(json_ld({"@type": "NewsArticle", "headline": "Bridge", "author": [
        {"@type": "Person", "url": "https://example.org/authors/maria-lindqvist/"},
        {"@type": "Person", "url": "https://example.org/authors/8812"},
        {"@type": "Person", "url": "https://social.example/mlindqvist"}]}))
    assert (article.authors, article.provenance["authors"]) == (["Maria Lindqvist"], "json-ld")


def test_a_reference_to_a_person_never_stated_is_named_by_its_author_page_id():
    # The Person node of the reference is missing from the page: its @id is the author page.
    article = parsed(json_ld({"@type": "NewsArticle", "headline": "Bridge", "author": [
        {"@id": "https://example.org/author/maria-lindqvist/#author"},
        # an identifier that is no author page names nobody
        {"@id": "https://example.org/#/schema/person/tom-okafor"}]}))
    assert (article.authors, article.provenance["authors"]) == (["Maria Lindqvist"], "json-ld")


def test_a_visible_byline_beats_a_name_spelled_out_of_a_profile_url():
    article = parsed(json_ld({"@type": "NewsArticle", "headline": "Bridge",
                              "author": {"@type": "Person", "url": "/authors/tom-orourke"}}),
                     '<h1>Bridge</h1><p class="byline">By Tom O\u2019Rourke</p>')
    assert (article.authors, article.provenance["authors"]) == (["Tom O\u2019Rourke"], "byline")


def test_json_ld_name_given_as_a_list_is_several_people():
    article = parsed(json_ld({"@type": "NewsArticle", "headline": "Bridge",
                              "author": {"@type": "Person", "name": ["Maria Lindqvist", "Tom Okafor"]}}))
    assert article.authors == ["Maria Lindqvist", "Tom Okafor"]


def test_json_ld_name_string_with_several_people_and_job_titles():
    article = parsed(json_ld({"@type": "NewsArticle", "headline": "Bridge", "author": {
        "@type": "Person", "name": "Maria Lindqvist, Senior Reporter & Tom Okafor"}}))
    assert article.authors == ["Maria Lindqvist", "Tom Okafor"]


def test_an_author_element_with_several_names_gives_them_all():
    article = parsed(top='<h1>Bridge</h1><div itemprop="author" itemscope>'
                         '<span itemprop="name">Maria Lindqvist</span>'
                         '<span itemprop="name">Tom Okafor, Valley Press Agency</span></div>')
    assert (article.authors, article.provenance["authors"]) == (["Maria Lindqvist", "Tom Okafor"], "byline")


@pytest.mark.parametrize("css", ["authors", "article-authors", "story_authors"])
def test_a_plural_authors_class_is_a_byline(css):
    article = parsed(top=f'<h1>Bridge</h1><div class="{css}"><a>Maria Lindqvist</a> and <a>Tom Okafor</a></div>')
    assert (article.authors, article.provenance["authors"]) == (["Maria Lindqvist", "Tom Okafor"], "byline")


def test_json_ld_publisher_given_by_reference_names_the_outlet():
    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "NewsArticle", "headline": "Bridge", "publisher": {"@id": "#org"}},
        {"@type": "NewsMediaOrganization", "@id": "#org", "name": "Valley Courier"},
    ]}
    article = parsed(json_ld(graph))
    assert (article.outlet, article.provenance["outlet"]) == ("Valley Courier", "json-ld")


# --- titles: more separators, the site's name before a colon, taglines, initials, logos -----

SITE = '<meta property="og:site_name" content="Valley Courier">'


@pytest.mark.parametrize("title", [
    "Bridge to be rebuilt « Valley Courier", "Bridge to be rebuilt › Valley Courier",
    "Valley Courier ‹ Bridge to be rebuilt", "Bridge to be rebuilt :: Valley Courier",
    "Valley Courier: Bridge to be rebuilt", "Bridge to be rebuilt － Valley Courier",
])
def test_more_separators_between_headline_and_site(title):
    assert parsed(SITE + f"<title>{title}</title>").title == "Bridge to be rebuilt"


def test_a_full_width_dash_inside_a_word_is_kept():
    # (near miss of the full-width dash between spaces: without them it joins a headline's words)
    assert parsed(SITE + "<title>Bridge－rebuilt plan | Valley Courier</title>").title == "Bridge－rebuilt plan"


def test_a_colon_inside_the_headline_is_kept():
    assert parsed(SITE + "<title>Bridge: the council decides | Valley Courier</title>").title == (
        "Bridge: the council decides")


def test_the_sites_tagline_after_its_name_goes_with_it():
    article = parsed(SITE + "<title>Bridge to be rebuilt | Valley Courier - News from the valley</title>")
    assert article.title == "Bridge to be rebuilt"
    # Between a section and the headline, the longer side is the headline.
    article = parsed(SITE + "<title>Local | Valley Courier | Bridge to be rebuilt</title>")
    assert article.title == "Bridge to be rebuilt"


def test_the_sites_initials_at_the_end_of_the_title_are_its_name():
    assert parsed(SITE + "<title>Bridge to be rebuilt | VC</title>").title == "Bridge to be rebuilt"
    # Capitals that are not the site's initials stay part of the headline.
    assert parsed(SITE + "<title>Bridge to be rebuilt - UN</title>").title == "Bridge to be rebuilt - UN"


@pytest.mark.parametrize("logo", [
    '<h1 class="site-title"><a href="/" rel="home">Valley Courier</a></h1>',
    '<h1><a href="https://www.valleycourier.example/">Valley Courier</a></h1>',
    '<h1 id="logo">Valley Courier</h1>',
    '<h1><a href="https://www.valleycourier.example/?ref=top" rel="noopener home">Valley Courier</a></h1>',
])
def test_a_heading_marked_as_the_sites_logo_is_a_site_name_not_the_headline(logo):
    article = parsed("<title>Bridge to be rebuilt | Valley Courier</title>", logo)
    assert article.title == "Bridge to be rebuilt"
    article = parsed("<title>Valley Courier | Bridge to be rebuilt</title>", logo + "<h2>Bridge to be rebuilt</h2>")
    assert (article.title, article.provenance["title"]) == ("Bridge to be rebuilt", "heading")


# --- authors: weaker signals for pages that mark no byline ---------------------------------


def test_a_link_to_an_author_page_after_the_headline_names_the_author():
    article = parsed(top='<a href="/author/ann-lee/">Ann Lee</a><h1>Bridge</h1>'
                         '<p><a href="/authors/maria-lindqvist/">Maria Lindqvist</a> and '
                         '<a href="https://example.org/authors/tom-okafor">Tom Okafor</a></p>')
    assert (article.authors, article.provenance["authors"]) == (["Maria Lindqvist", "Tom Okafor"], "byline")


def test_a_link_to_an_authoring_guide_is_no_author():
    article = parsed(top='<h1>Bridge</h1><p><a href="/authoring/style-guide">Style Guide</a></p>')
    assert article.authors == []


@pytest.mark.parametrize("line", ["by Maria Lindqvist", "Words by Maria Lindqvist",
                                  "Story by Maria Lindqvist", "Text by Maria Lindqvist"])
def test_a_line_with_a_lower_case_or_labelled_by_is_a_byline_of_last_resort(line):
    article = parsed(top=f"<h1>Bridge</h1><p>{line}</p>")
    assert (article.authors, article.provenance["authors"]) == (["Maria Lindqvist"], "byline")


# Byline shapes: (the headline, what the page sets under it, the people read from it).
BYLINE_SHAPES = {
    "a writer class": (
        "Bridge", '<div class="article-writer">Maria Lindqvist</div>', ["Maria Lindqvist"]),
    "an authorname class": (
        "Bridge", '<span class="authorname-txt"><span>Maria Lindqvist</span></span>', ["Maria Lindqvist"]),
    "a name and a job title in two inline elements (two lines)": (
        "Bridge", '<div class="byline"><span class="name">Maria Lindqvist</span><span class="role">Reporter</span></div>',
        ["Maria Lindqvist"]),
    "a 'By' label alone in its element takes the names after it": (
        "Bridge", '<div><span class="label">By</span><span>by MARIA LINDQVIST and TOM OKAFOR</span></div>',
        ["Maria Lindqvist", "Tom Okafor"]),
    "a name and a date in two inline elements (two lines)": (
        "橋の再建", '<div class="author"><span class="name">林美音</span><span class="time">2017-03-01 14:27</span></div>',
        ["林美音"]),
    # the names of other roles' boxes, and a reporter's class
    "a contributor's name class": (
        "Bridge", '<span class="contributor-name">Maria Lindqvist</span>', ["Maria Lindqvist"]),
    "a writer's name class": (
        "Bridge", '<span class="writer__name">Maria Lindqvist</span>', ["Maria Lindqvist"]),
    "a reporter class": (
        "Bridge", '<div class="story-reporter">Maria Lindqvist</div>', ["Maria Lindqvist"]),
    # a script-rendered template marks the byline with a data attribute, not a class
    "a byline data attribute": (
        "Bridge", '<div data-testid="byline-block"><a href="/p/1">Maria Lindqvist</a></div>', ["Maria Lindqvist"]),
    "'BY' in capitals": (
        "Bridge", "<p>BY MARIA LINDQVIST AND TOM OKAFOR</p>", ["Maria Lindqvist", "Tom Okafor"]),
    "an 'Author:' label": ("Bridge", "<p>Author: Maria Lindqvist</p>", ["Maria Lindqvist"]),
    "a 'Written by:' label": ("Bridge", "<p>Written by: Maria Lindqvist</p>", ["Maria Lindqvist"]),
    # other labels with a colon for the writer
    "a 'Writer:' label": ("Bridge", "<p>Writer: Maria Lindqvist</p>", ["Maria Lindqvist"]),
    "a 'Words:' label": ("Bridge", "<p class='credit'>Words: Maria Lindqvist</p>", ["Maria Lindqvist"]),
    "a 'Reporter:' label": ("Bridge", "<p>Reporter: Maria Lindqvist</p>", ["Maria Lindqvist"]),
    "a 'Written by' label alone before a linked name": (
        "Bridge", '<div class="credits"><span>Written by</span> <a href="/u/7">Maria Lindqvist</a></div>',
        ["Maria Lindqvist"]),
    "a lower-case 'by' before a linked name and a day-first date": (
        "Bridge", '<div class="entry-meta">by <a href="/u/7">Maria Lindqvist</a> on 4th March 2024</div>',
        ["Maria Lindqvist"]),
    # Drupal's default submitted line
    "a 'Submitted by' line": (
        "Bridge", '<div class="node__submitted">Submitted by <span class="username">Maria Lindqvist</span> '
                  'on Mon, 03/04/2024 - 10:00</div>', ["Maria Lindqvist"]),
    # the kind of piece before its writer's linked name
    "an 'Analysis by' label before a link": (
        "Bridge", '<div class="article-meta">Analysis by <a href="/p/7">Maria Lindqvist</a></div>', ["Maria Lindqvist"]),
    "a 'Guest post by' line": ("Bridge", "<p><em>Guest post by Maria Lindqvist</em></p>", ["Maria Lindqvist"]),
    "a 'Reported by' line": ("Bridge", '<p>Reported by <a href="/p/7">Maria Lindqvist</a></p>', ["Maria Lindqvist"]),
    "a 'Story:' label": ("Bridge", "<p>Story: Maria Lindqvist</p>", ["Maria Lindqvist"]),
    # CSS modules: the component's name, the class's, a hash
    "a CSS module's author class": (
        "Bridge", '<div class="Header_meta__x1"><span class="Header_author__Qw3rT">Maria Lindqvist</span></div>',
        ["Maria Lindqvist"]),
    "a CSS module's authors box": (
        "Bridge", '<div class="styles_authors__a1b2"><a href="/p/7">Maria Lindqvist</a></div>', ["Maria Lindqvist"]),
}


# Near-misses of the labels above: no writer named.
NOT_BYLINES = {
    "a reader's picture 'Submitted photo by'": '<p class="caption">Submitted photo by Maria Lindqvist</p>',
    "'by' inside a sentence's emphasis": "<p>Words <em>by</em> the river keeper.</p>",
    "a 'Text:' label before a sentence": "<p>Text: the full statement follows below.</p>",
    "a CSS module's class that only begins with the word": (
        '<div class="Header_authority__x1">Harbour Board</div>'),
}


@pytest.mark.parametrize("line", NOT_BYLINES.values(), ids=NOT_BYLINES.keys())
def test_not_bylines(line):
    article = parsed(top=f"<h1>Bridge</h1>{line}")
    assert article.authors == []


@pytest.mark.parametrize("headline,byline,people", BYLINE_SHAPES.values(), ids=BYLINE_SHAPES.keys())
def test_byline_shapes(headline, byline, people):
    article = parsed(top=f"<h1>{headline}</h1>{byline}")
    assert (article.authors, article.provenance["authors"]) == (people, "byline")


def test_parsely_page_meta_names_authors():
    head = ('<meta name="parsely-page" content=\'{"title": "Bridge", "authors": ["Maria Lindqvist",'
            ' "Tom Okafor"], "pub_date": "2024-03-05T09:30:00Z"}\'>')
    article = parsed(head, "<h1>Bridge</h1>")
    assert (article.authors, article.provenance["authors"]) == (["Maria Lindqvist", "Tom Okafor"], "meta")
    assert article.published == "2024-03-05T09:30:00+00:00"


def test_json_ld_author_of_the_web_page_when_no_article_object_names_one():
    article = parsed(json_ld({"@type": "WebPage", "author": {"@type": "Person", "name": "Maria Lindqvist"}}),
                     "<h1>Bridge</h1>")
    assert (article.authors, article.provenance["authors"]) == (["Maria Lindqvist"], "json-ld")


def test_a_link_that_is_no_url_is_passed_over():
    article = parsed(top='<h1><a href="http://[broken">Bridge</a></h1>'
                         '<p><a href="http://[x/author/a">Ann Lee</a></p>')
    assert article.title == "Bridge" and article.authors == []


def test_json_ld_person_named_by_given_and_family_name():
    article = parsed(json_ld({"@type": "NewsArticle", "headline": "Bridge", "author": {
        "@type": "Person", "givenName": "Maria", "familyName": "Lindqvist"}}))
    assert (article.authors, article.provenance["authors"]) == (["Maria Lindqvist"], "json-ld")


@pytest.mark.parametrize("key", ["article:author_name", "author_name", "authors", "byline"])
def test_more_meta_author_names(key):
    article = parsed(f'<meta name="{key}" content="Maria Lindqvist and Tom Okafor">', "<h1>Bridge</h1>")
    assert (article.authors, article.provenance["authors"]) == (["Maria Lindqvist", "Tom Okafor"], "meta")


def test_a_byline_date_set_in_inline_pieces_is_still_one_date():
    article = parsed(top='<h1>橋の再建</h1><div class="author"><span>林美音</span>'
                         '<span>2019</span>年<span>4</span>月<span>4</span>日</div>')
    assert (article.authors, article.published, article.provenance["published"]) == (
        ["林美音"], "2019-04-04", "byline")


def test_an_itemprop_listing_author_among_other_properties_is_a_byline():
    article = parsed(top='<h1>Bridge</h1><span itemprop="author creator" itemscope>'
                         '<span itemprop="name">Maria Lindqvist</span></span>'
                         '<ul><li><span class="authorname">Ann Lee</span></li></ul>')
    assert (article.authors, article.provenance["authors"]) == (["Maria Lindqvist"], "byline")


def test_json_ld_author_as_a_list_object_with_escaped_names():
    article = parsed(json_ld({"@type": "NewsArticle", "headline": "Bridge", "author": {"@list": [
        {"@type": "Person", "name": "Tom O&#039;Rourke"}, {"@type": "Person", "name": "Maria Lindqvist"}]}}))
    assert article.authors == ["Tom O'Rourke", "Maria Lindqvist"]


@pytest.mark.parametrize("css", ["author-link", "story-author__name", "meta__author__link"])
def test_name_and_link_classes_of_the_author_are_bylines(css):
    article = parsed(top=f'<h1>Bridge</h1><div class="info">Share this story</div>'
                         f'<a class="{css}" href="/people/ml">Maria Lindqvist</a>')
    assert (article.authors, article.provenance["authors"]) == (["Maria Lindqvist"], "byline")


# --- authors known by one word -------------------------------------------------------------

LONE_HEADLINE = "<h1>Bridge to be rebuilt</h1>"


@pytest.mark.parametrize("head, top, authors", [
    # the byline and a link to the writer's author page give the same one word
    ("", '<span class="byline">by <a href="/author/marlo/">Marlo</a></span>', ["Marlo"]),
    # the JSON-LD Person and rel="author" agree
    (json_ld({"@type": "BlogPosting", "headline": "Bridge", "author": {"@type": "Person", "name": "Vortex"}}),
     '<a rel="author" href="/about">Vortex</a>', ["Vortex"]),
    # one signal alone: a lone word there is as often a handle or a section
    ("", '<span class="byline">by Marlo</span>', []),
    ('<meta name="author" content="Marlo">', "", []),
    # accounts, roles, agencies and capitals are no one's name, however many signals agree
    ("", '<span class="byline">by <a href="/author/admin/">Admin</a></span>', []),
    ("", '<span class="byline">by <a href="/author/editor/">Editor</a></span>', []),
    ("", '<span class="byline">by <a href="/author/reuters/">Reuters</a></span>', []),
    ("", '<span class="byline">by <a href="/author/kt/">KT</a></span>', []),
    # the site's own name is the publisher
    ('<meta property="og:site_name" content="Riverlog">',
     '<span class="byline">by <a href="/author/riverlog/">Riverlog</a></span>', []),
    # an account's name in lower case: the byline, rel="author" and the author page all give it
    ("", '<span class="byline">by <a rel="author" href="/author/jdoe/">jdoe</a></span>', ["jdoe"]),
    # or the byline, the author page and the link's tooltip ("View all posts by jdoe", a
    # theme's own words for the writer), in a line no class marks
    ("", '<p>Posted on March 5, 2024 by <a href="/author/jdoe/" title="View all posts by jdoe">jdoe</a></p>',
     ["jdoe"]),
    ("", '<span class="byline">by <a href="/author/jdoe/" title="More posts by  jdoe">jdoe</a></span>', ["jdoe"]),
    # two of them are not enough for a word in lower case
    ("", '<span class="byline">by <a href="/author/jdoe/">jdoe</a></span>', []),
    # (nor with a tooltip that is no "posts by" the same word, or names an account)
    ("", '<p>Posted on March 5, 2024 by <a href="/author/jdoe/" title="jdoe">jdoe</a></p>', []),
    ("", '<p>Posted on March 5, 2024 by <a href="/author/jdoe/" title="View all posts by jdoe2">jdoe</a></p>', []),
    ("", '<p>Posted on March 5, 2024 by <a href="/author/admin/" title="View all posts by admin">admin</a></p>', []),
    ("", '<span class="byline">by <a rel="author" href="/author/admin/">admin</a></span>', []),
    # the tooltip as a theme's translation writes it: German, French, Spanish, Italian, Dutch
    ("", '<span class="byline">von <a href="/author/jdoe/" title="Alle Beiträge von jdoe anzeigen">jdoe</a></span>',
     ["jdoe"]),
    ("", '<span class="byline">von <a href="/author/jdoe/" title="Zeige alle Beiträge von jdoe">jdoe</a></span>',
     ["jdoe"]),
    ("", '<span class="byline">par <a href="/author/jdoe/" title="Voir tous les articles de jdoe">jdoe</a></span>',
     ["jdoe"]),
    ("", '<span class="byline">por <a href="/author/jdoe/" title="Ver todas las entradas de jdoe">jdoe</a></span>',
     ["jdoe"]),
    ("", '<span class="byline"><a href="/author/jdoe/" title="Articoli di jdoe">jdoe</a></span>', ["jdoe"]),
    ("", '<span class="byline">door <a href="/author/jdoe/" title="Berichten van jdoe">jdoe</a></span>', ["jdoe"]),
    # (not one that names another, nor a category's tooltip)
    ("", '<span class="byline">von <a href="/author/jdoe/" title="Alle Beiträge von jdoe2 anzeigen">jdoe</a></span>', []),
    ("", '<span class="byline">von <a href="/author/jdoe/" title="Alle Beiträge in jdoe">jdoe</a></span>', []),
    # a login with a number after it ("jdoe07"), as a platform makes one, read as a login is:
    # three signals, in lower case, and no account's word before the number
    ("", '<span class="byline">by <a rel="author" href="/author/jdoe07/">jdoe07</a></span>', ["jdoe07"]),
    ("", '<span class="byline">by <a href="/author/jdoe07/">jdoe07</a></span>', []),
    ("", '<span class="byline">by <a rel="author" href="/author/jdoe07/">Jdoe07</a></span>', []),
    ("", '<span class="byline">by <a rel="author" href="/author/user123/">user123</a></span>', []),
    ("", '<span class="byline">by <a rel="author" href="/author/x2024/">2024</a></span>', []),
    # a full name anywhere wins over a lone word
    ('<meta name="author" content="Maria Lindqvist">',
     '<span class="byline">by <a href="/author/marlo/">Marlo</a></span>', ["Maria Lindqvist"]),
])
def test_a_writer_known_by_one_word_needs_two_signals(head, top, authors):
    assert parsed(head, LONE_HEADLINE + top).authors == authors


@pytest.mark.parametrize("head, top, authors", [
    # the word the site's address begins with signs its own posts: a brand, not a pen name
    ('<link rel="canonical" href="https://harborlightnews.example/post/1">',
     '<span class="byline">by <a href="/author/harborlight/">Harborlight</a></span>', []),
    # another one-word writer on the same site is still a writer
    ('<link rel="canonical" href="https://harborlightnews.example/post/1">',
     '<span class="byline">by <a href="/author/marlo/">Marlo</a></span>', ["Marlo"]),
    # a full "name" that is the site's address, where the site names itself otherwise
    ('<link rel="canonical" href="https://www.harborlantern.example/news/1">'
     '<meta property="og:site_name" content="HL Daily"><meta name="author" content="Harbor Lantern">', "", []),
])
def test_the_sites_address_names_the_site_not_a_writer(head, top, authors):
    assert parsed(head, LONE_HEADLINE + top).authors == authors


def test_a_name_that_starts_with_the_site_name_is_a_desk_of_the_site():
    article = parsed('<meta property="og:site_name" content="VCN">'
                     '<meta name="author" content="Maria Lindqvist, VCN Editor-at-large">')
    assert article.authors == ["Maria Lindqvist"]


@pytest.mark.parametrize("top, authors", [
    # trafilatura's search reads a box marked for the author whole: its "name" then joins the
    # lines of the box (initials, a share bar's label, a link), which no line of the page writes
    ('<div class="author-tools"><span>kr</span><ul><li>Artikel teilen:</li></ul></div>', []),
    ('<div class="author-tools"><span>jl</span><ul><li>Partager l’article</li></ul></div>', []),
    ('<div class="author-tools"><span>ml</span><ul><li>Compartir noticia:</li></ul></div>', []),
    ('<div class="author-tools"><span>jl</span><div>Newsletter Abonnieren</div></div>', []),
    # near misses: a name on one line, in inline parts or whole
    ('<div class="author-tools"><span><span>Ann</span> <span>Lee</span></span></div>', ["Ann Lee"]),
    ('<div class="post-authorbox">Ann Lee</div>', ["Ann Lee"]),
])
def test_trafilaturas_author_is_written_on_one_line_of_the_page(top, authors):
    article = parsed(top=LONE_HEADLINE + top + "<p>The council voted on Monday to rebuild the bridge.</p>")
    assert article.authors == authors


@pytest.mark.parametrize("story, blocks_read", [
    # fail before: a block holding the name's first word in many text nodes had its lines read
    # once for each of them (seconds on a long page); now once
    ("<div>" + "<span>Ann went out</span> and came back.<br>" * 50 + "</div>", 2),
    # near miss: the word in two blocks of their own, each read
    ("<div><p>Ann went out.</p><p>Ann came back.</p></div>", 3),
])
def test_a_block_is_read_once_for_the_lines_of_a_name(story, blocks_read, monkeypatch):
    from lxml import html as lxml_html
    from ingest import html_signals
    reads = []
    read_lines = html_signals._lines
    monkeypatch.setattr(html_signals, "_lines", lambda element, *a, **k: reads.append(element) or read_lines(element, *a, **k))
    tree = lxml_html.fromstring(f'<html><body><div class="author-tools"><span>Ann</span><ul><li>Lee</li></ul></div>{story}</body></html>')
    assert html_signals._runs_lines_together(tree, ["ann", "lee"])
    assert len(reads) == blocks_read


# --- the hCard that marks a post's author, against the template's meta author -------------

TEMPLATE_AUTHOR = '<meta name="author" content="Tomas Reyes">'


@pytest.mark.parametrize("top, authors", [
    # a blog platform's footer line and a WordPress theme's byline, each an hAtom author card
    ('<p>The council voted.</p><div class="post-footer"><span class="post-author vcard">Posted by '
     '<span class="fn">Ann Lee</span></span></div>', ["Ann Lee"]),
    ('<span class="byline"><span class="author vcard"><a class="url fn n" href="/author/ann-lee/">Ann Lee</a>'
     '</span></span><p>The council voted.</p>', ["Ann Lee"]),
    # (the card's own element the name)
    ('<p>By <a class="author vcard fn" href="/about">Ann Lee</a></p><p>The council voted.</p>', ["Ann Lee"]),
    # the same person as the tag: the tag's
    ('<span class="author vcard"><span class="fn">Tomas Reyes</span></span>', ["Tomas Reyes"]),
    # not a commenter's card, nor a related story's, nor a card that is no author's
    ('<p>The council voted.</p><ol class="commentlist"><li class="comment"><div class="comment-author vcard">'
     '<cite class="fn">Ann Lee</cite> says:</div><p>Good news.</p></li></ol>', ["Tomas Reyes"]),
    ('<p>The council voted.</p><ul class="related-posts"><li><h3><a href="/2024/03/ferry-timetable-changes">'
     'Ferry timetable changes next month</a></h3><span class="author vcard"><span class="fn">Ann Lee</span>'
     '</span></li></ul>', ["Tomas Reyes"]),
    ('<p>The council voted.</p><div class="vcard"><span class="fn">Ann Lee</span>, press office</div>',
     ["Tomas Reyes"]),
    # nor a byline with no card: the tag names its writer as before
    ('<p class="byline">By Ann Lee</p><p>The council voted.</p>', ["Tomas Reyes"]),
    # fail before: "author" inside another class name (a book's writer, a reviewed one), a card
    # in a sidebar's widget or among readers' responses
    ('<p>The council voted.</p><div class="book-author vcard"><span class="fn">Ann Lee</span></div>',
     ["Tomas Reyes"]),
    ('<p>The council voted.</p><div class="reviewed-author vcard"><span class="fn">Ann Lee</span></div>',
     ["Tomas Reyes"]),
    ('<p>The council voted on Monday to rebuild the bridge over the river, after a long debate.</p>'
     '<aside id="sidebar"><div class="author vcard"><span class="fn">Ann Lee</span></div></aside>', ["Tomas Reyes"]),
    ('<p>The council voted.</p><section id="responses"><div class="author vcard"><span class="fn">Ann Lee</span>'
     '</div><p>Nice.</p></section>', ["Tomas Reyes"]),
])
def test_an_hcard_author_wins_over_a_meta_author_naming_another(top, authors):
    assert parsed(TEMPLATE_AUTHOR, LONE_HEADLINE + top).authors == authors


def test_an_hcard_outside_the_entrys_box_is_no_author():
    # fail before: the blog owner's card in a column beside the post, outside its box
    html = ('<html><head><title>Bridge vote</title>' + TEMPLATE_AUTHOR + '</head><body><article><h1>Bridge vote'
            '</h1><p>The council voted.</p></article><div class="about-box"><div class="author vcard">'
            '<span class="fn">Ann Lee</span></div></div></body></html>')
    assert normalise(extract_html(html.encode()), NOW).authors == ["Tomas Reyes"]


# --- titles: "Headline - Section - Site" and a site name set as the lone <h1> ------------------

SITE = '<meta property="og:site_name" content="Valley Courier">'


@pytest.mark.parametrize("head, top, title", [
    (f"<title>Bridge to be rebuilt - Local news - Valley Courier</title>{SITE}", "", "Bridge to be rebuilt"),
    (f"<title>Valley Courier | World | Bridge to be rebuilt</title>{SITE}", "", "Bridge to be rebuilt"),
    # a long part next to the site's name is the headline's own
    (f"<title>Bridge to be rebuilt - and the council will pay for all of it | Valley Courier</title>{SITE}",
     "", "Bridge to be rebuilt - and the council will pay for all of it"),
    # with no site name known, one dash parts nothing (a headline's punctuation as often);
    # the same dash twice before a section's name and a name does (since stop 32)
    ("<title>Bridge to be rebuilt - Valley Courier</title>", "", "Bridge to be rebuilt - Valley Courier"),
    ("<title>Bridge to be rebuilt - Local news - Valley Courier</title>", "", "Bridge to be rebuilt"),
    # the lone <h1> set inside the link to the front page is the site's logo, and so names the
    # site to cut from the <title>
    ("<title>河川の橋を再建する計画が決まった_地域_渓谷日報</title>",
     '<a href="https://valley.example/"><h1>渓谷日報</h1><img src="logo.png"></a>', "河川の橋を再建する計画が決まった"),
    ("<title>Council backs the plan to rebuild the old bridge | Local | Valley Daily</title>",
     '<a class="logo" href="/home"><h1>Valley Daily</h1></a>', "Council backs the plan to rebuild the old bridge"),
    # a short headline before a long site name, and a headline linked to its own page
    ("<title>About bugs - Valley Cannon Entertainment</title>", "<h1>About bugs</h1>", "About bugs"),
    ("<title>About bugs - Valley Cannon Entertainment</title>",
     '<a href="/2019/about-bugs"><h1>About bugs</h1></a>', "About bugs"),
])
def test_title_section_and_site_parts(head, top, title):
    assert parsed(head, top).title == title


# --- bylines in the other languages of the news we see most --------------------------------


@pytest.mark.parametrize("top, authors", [
    ('<div class="autor">Lucía Garza</div>', ["Lucía Garza"]),
    ('<span class="article-autor__name">Lucía Garza</span>', ["Lucía Garza"]),
    ('<p class="auteur">Inès Morel</p>', ["Inès Morel"]),
    ('<p class="meta-auteur"><a href="/p/im">Inès Morel</a></p>', ["Inès Morel"]),
    # "autoresize" is no byline class
    ('<div class="autoresize">Lucía Garza</div>', []),
    ("<p>Par Inès Morel</p>", ["Inès Morel"]),
    ("<p>Por Lucía Garza y Tomás Ruiz</p>", ["Lucía Garza", "Tomás Ruiz"]),
    ("<p>Door Lotte van Dijk</p>", ["Lotte van Dijk"]),
    ("<p>Von Lotte Brandt und Jonas Weber</p>", ["Lotte Brandt", "Jonas Weber"]),
    # links to the writers' pages under /by/ and /staff/
    ('<p><a href="/by/lucia-garza">Lucía Garza</a></p>', ["Lucía Garza"]),
    ('<p><a href="https://example.org/staff/lucia-garza/">Lucía Garza</a></p>', ["Lucía Garza"]),
    ('<p><a href="/team/valley-rovers">Valley Rovers</a></p>', []),
    # a line that only begins with the same word names no one
    ("<p>Por qué el puente se cierra</p>", []),
])
def test_bylines_in_other_languages(top, authors):
    assert parsed(top="<h1>Puente</h1>" + top).authors == authors


@pytest.mark.parametrize("key", ["cxenseparse:author", "article_author", "sailthru.byline_name",
                                 "analytics:author", "analyticsattributes.author", "dcsext.author",
                                 "content-creator"])
def test_analytics_tags_that_carry_the_byline(key):
    assert parsed(f'<meta name="{key}" content="Maria Lindqvist">').authors == ["Maria Lindqvist"]


@pytest.mark.parametrize("text, day", [
    ("19. července 2022", "2022-07-19"),
    ("Publié le 4 mai 2020 à 10h30", "2020-05-04"),
    ("13 de octubre de 2024", "2024-10-13"),
    ("Aktualisiert am 05.07.2022, 14:30 Uhr", "2022-07-05"),  # day first, with dots
    ("Version v1.2.2019", None),
    ("Oktober 2024", None),  # a month is not a day
])
def test_dates_written_for_readers_in_other_languages(text, day):
    from ingest.html_signals import text_date
    from ingest.normalise import iso_date

    found = text_date(text)
    assert (iso_date(found, NOW)[:10] if found else None) == day


@pytest.mark.parametrize("key", ["article:published", "og:pubdate", "pub_date", "published_at",
                                 "uploaddate", "citation_publication_date", "publish_time",
                                 "gsa_publish_date", "displaydate", "date_created",
                                 "analyticsattributes.articledate"])
def test_less_common_published_meta_tags(key):
    article = parsed(f'<meta name="{key}" content="2024-10-03T09:15:00Z">')
    assert (article.published, article.provenance["published"]) == ("2024-10-03T09:15:00+00:00", "meta")


def test_a_print_date_tag_of_eight_digits():
    article = parsed('<meta name="pdate" content="20241003">')
    assert (article.published, article.provenance["published"]) == ("2024-10-03", "meta")


def test_the_standard_published_tag_leads_the_less_common_ones():
    article = parsed('<meta name="pub_date" content="2024-10-01">'
                     '<meta property="article:published_time" content="2024-10-03T09:15:00Z">')
    assert article.published == "2024-10-03T09:15:00+00:00"


# --- dates written for readers: labels, <time> elements, teasers ----------------------------


@pytest.mark.parametrize("top, published", [
    # a "Published" line with no class to name it, in English and other languages
    ("<h1>Bridge</h1><p>Published on 5 March 2024</p>", "2024-03-05"),
    ("<h1>Bridge</h1><p>Published: Mar. 5, 2024 at 10:00 a.m.</p>", "2024-03-05"),
    ("<h1>Bridge</h1><p>Posted 5 March 2024</p>", "2024-03-05"),
    ("<h1>Bridge</h1><p>Publicado el 5 de marzo de 2024</p>", "2024-03-05"),
    ("<h1>Bridge</h1><p>Publié le 5 mars 2024 à 10h00</p>", "2024-03-05"),
    ("<h1>Bridge</h1><p>Veröffentlicht am 5. März 2024</p>", "2024-03-05"),
    ("<h1>Bridge</h1><div><span>PUBLISHED</span> <span>March 5, 2024</span></div>", "2024-03-05"),
    # the published date of a line that gives both, whichever comes first
    ("<h1>Bridge</h1><p>Updated March 9, 2024; Published March 5, 2024</p>", "2024-03-05"),
    ("<h1>Bridge</h1><p>Last updated: 9 March 2024</p><p>First published: 5 March 2024</p>",
     "2024-03-05"),
    # "Date:" at the start of a line of its own
    ("<h1>Bridge</h1><p>Date: 5 March 2024</p>", "2024-03-05"),
])
def test_a_line_labelled_published_dates_the_page(top, published):
    article = parsed(top=top)
    assert (article.published, article.provenance.get("published")) == (published, "text")


def test_a_date_label_inside_a_line_names_another_kind_of_date():
    # "Date:" counts only at the start of its line: here it is a film's release.
    article = parsed(top="<h1>Bridge</h1><p>Release date: 5 March 2024</p>")
    assert article.provenance.get("published") != "text"


@pytest.mark.parametrize("text, day", [
    ("Published March 5, 2024", "March 5, 2024"),
    ("March 5, 2024 | Updated March 9, 2024", "March 5, 2024"),
    ("Updated March 9, 2024 | Published March 5, 2024", "March 5, 2024"),
    ("Mis à jour le 9 mars 2024, publié le 5 mars 2024", "5 mars 2024"),
    ("Updated March 9, 2024", None),  # a revision's date alone: not the publication's
    ("Aktualisiert am 09.03.2024", None),
    ("公開日：2024年3月5日 更新日：2024年3月9日", "2024-03-05"),
    ("更新日：2024年3月9日", None),
    ("Posted by Ada Quill on March 5, 2024", "March 5, 2024"),
])
def test_the_published_date_of_a_line_with_labels(text, day):
    from ingest.html_signals import published_text_date

    assert published_text_date(text) == day


@pytest.mark.parametrize("top, published", [
    # a <time> marked as the update, by its class or by the label before it, is no publication
    ('<h1>Bridge</h1><time class="updated" datetime="2024-03-09">March 9</time>'
     '<time class="published" datetime="2024-03-05">March 5</time>', "2024-03-05"),
    ('<h1>Bridge</h1><p>Updated <time datetime="2024-03-09">March 9</time></p>'
     '<p>Published <time datetime="2024-03-05">March 5</time></p>', "2024-03-05"),
    ('<h1>Bridge</h1><p>Updated <time datetime="2024-03-09">March 9</time></p>'
     '<p><time datetime="2024-03-05">March 5</time></p>', "2024-03-05"),
    # a <time> in a related-stories list dates another story
    ('<h1>Bridge</h1><ul><li><h3>Other story</h3><time datetime="2023-01-01">Jan 1</time></li></ul>'
     '<p class="published">March 5, 2024</p>', "2024-03-05"),
])
def test_time_elements_of_updates_and_teasers_do_not_date_the_page(top, published):
    assert parsed(top=top).published == published


def test_a_revision_date_in_the_byline_is_not_the_byline_date():
    top = '<h1>Bridge</h1><p class="byline">Maria Lindqvist<br>Updated March 9, 2024</p>'
    assert parsed(top=top).provenance.get("published") != "byline"


# --- bylines in more shapes ----------------------------------------------------------------


@pytest.mark.parametrize("top, authors", [
    # two linked names set side by side with only a space between them are two people
    ('<h1>Bridge</h1><div class="byline"><a href="/a/1">Maria Lindqvist</a> '
     '<a href="/a/2">Tomas Berg</a></div>', ["Maria Lindqvist", "Tomas Berg"]),
    # ... while a name set in two spans (given and family name) stays one
    ('<h1>Bridge</h1><div class="byline"><span class="given-name">Maria</span> '
     '<span class="family-name">Lindqvist</span></div>', ["Maria Lindqvist"]),
    # "Posted on <time> by <name>": the "by" comes after the date element
    ('<h1>Bridge</h1><div class="entry-meta">Posted on <time datetime="2024-03-05">March 5, 2024'
     '</time> by <span class="vcard"><a class="url fn n" href="/u/ml">Maria Lindqvist</a></span></div>',
     ["Maria Lindqvist"]),
    # a byline marked by a test id, as script-rendered templates do
    ('<h1>Bridge</h1><div data-testid="author-name">Maria Lindqvist</div>', ["Maria Lindqvist"]),
])
def test_bylines_in_more_shapes(top, authors):
    article = parsed(top=top)
    assert (article.authors, article.provenance.get("authors")) == (authors, "byline")


def test_a_time_marked_updated_is_a_last_resort_when_the_page_shows_no_other_date():
    # themes mark the one date they show "updated": until an edit, it is the publication's
    article = parsed(top='<h1>Bridge</h1><p><time class="updated" datetime="2024-03-05">March 5</time></p>')
    assert (article.published, article.provenance.get("published")) == ("2024-03-05", "time")


@pytest.mark.parametrize("head, authors", [
    # one field names the lead author alone, another all of them: the fuller list
    (json_ld({"@type": "NewsArticle", "author": {"@type": "Person", "name": "Maria Lindqvist"}})
     + '<meta name="author" content="Maria Lindqvist, Tomas Berg">', ["Maria Lindqvist", "Tomas Berg"]),
    ('<meta name="author" content="Maria Lindqvist">'
     '<meta name="parsely-author" content="Maria Lindqvist"><meta name="parsely-author" content="Tomas Berg">',
     ["Maria Lindqvist", "Tomas Berg"]),
    # a list that is not a superset (another person) does not replace the first
    (json_ld({"@type": "NewsArticle", "author": {"@type": "Person", "name": "Maria Lindqvist"}})
     + '<meta name="author" content="Tomas Berg, Ana Ruiz">', ["Maria Lindqvist"]),
])
def test_the_fuller_of_two_structured_author_lists(head, authors):
    assert parsed(head).authors == authors


@pytest.mark.parametrize("top, published", [
    # the masthead's "today" is not the article's date
    ('<header><time datetime="2024-05-31">Today</time></header><h1>Bridge</h1>'
     '<time datetime="2024-03-05">March 5, 2024</time>', "2024-03-05"),
    ('<nav><time datetime="2024-05-31">Today</time></nav><h1>Bridge</h1>'
     '<time datetime="2024-03-05">March 5, 2024</time>', "2024-03-05"),
    # ... while the article's own <header> holds its headline and its date
    ('<header><h1>Bridge</h1><time datetime="2024-03-05">March 5, 2024</time></header>', "2024-03-05"),
])
def test_a_time_in_the_page_header_does_not_date_the_article(top, published):
    assert parsed(top=top).published == published


def test_a_line_in_the_readers_comments_names_and_dates_nothing():
    top = ('<h1>Bridge</h1><section id="comments"><div class="comment-body">'
           '<p>Posted by Tomas Berg on March 9, 2024</p></div></section>')
    article = parsed(top=top)
    assert (article.authors, article.published) == ([], None)


@pytest.mark.parametrize("comment", [
    '<time datetime="2024-03-09T10:00:00Z">March 9</time>',
    '<span class="date">March 9, 2024</span>',
])
def test_a_readers_comment_dates_nothing(comment):
    top = f'<h1>Bridge</h1><ol class="comment-list"><li class="comment"><p>Nice.</p>{comment}</li></ol>'
    assert parsed(top=top).provenance.get("published") not in ("time", "text")


def test_a_link_to_an_author_page_in_the_comments_names_no_author():
    top = ('<h1>Bridge</h1><div id="comments"><p>Reply from '
           '<a href="/author/tomas-berg">Tomas Berg</a></p></div>')
    assert parsed(top=top).authors == []


def test_comment_flags_on_the_body_do_not_make_the_page_a_comment():
    html = (b'<html><head><title>Bridge</title></head><body class="single comments-open f_comment_on">'
            b'<article><h1>Bridge</h1><p class="byline">By Maria Lindqvist</p>' + BODY.encode()
            + b"</article></body></html>")
    assert normalise(extract_html(html), NOW).authors == ["Maria Lindqvist"]


def test_a_comment_flag_on_the_articles_own_box_does_not_make_it_a_comment():
    top = ('<div class="post comment-status-open"><h1>Bridge</h1>'
           '<p class="byline">By Maria Lindqvist</p><time datetime="2024-03-05">March 5</time></div>')
    article = parsed(top=top)
    assert (article.authors, article.published) == (["Maria Lindqvist"], "2024-03-05")


def test_trafilatura_author_is_not_run_when_the_pages_byline_names_no_person(monkeypatch):
    import ingest.extract_html as module

    def dear(*args, **kwargs):
        raise AssertionError("run although the page's byline was read")

    monkeypatch.setattr(module.trafilatura_metadata, "extract_author", dear)
    assert parsed(top='<h1>Bridge</h1><p class="byline">By Valley Courier Staff</p>').authors == []


@pytest.mark.parametrize("outside", [
    '<div class="related-stories"><time datetime="2024-03-05T10:00">March 5</time></div>',
    '<section id="most-popular"><span class="date">March 5, 2024</span></section>',
    '<div class="grid"><div class="card"><h3><a href="/ferry-fares">Ferry fares rise</a></h3>'
    '<p>Published March 5, 2024</p></div></div>',
])
def test_a_date_in_another_storys_box_does_not_date_this_one(outside):
    # The article states no date; the dates further down are other stories'.
    assert normalise(extract_html(teaser_page(outside)), NOW).published is None


# --- text: a date's label left alone on a line -------------------------------------------------


@pytest.mark.parametrize("dateline, kept", [
    # The extractor drops the <time> elements and keeps the label between them: it goes.
    ("<p class='dateline'><time datetime='2025-03-04T09:00'>4 March 2025</time> &#183; Updated "
     "<time datetime='2025-03-04T17:30'>17:30</time></p>", None),
    ("<p>Published: <time datetime='2025-03-04'>4 March</time></p>", None),
    ("<p>Last updated on <time datetime='2025-03-04'>Tuesday</time></p>", None),
    # Near misses: a label with a date in words, and a sentence that begins with the word, stay.
    ("<p>Updated: 4 March 2025, 17:30</p>", "Updated: 4 March 2025, 17:30"),
    ("<p>Updated guidance for travellers crossing the footbridge was issued by the council on "
     "Tuesday evening after the meeting.</p>", "Updated guidance for travellers"),
])
def test_a_date_label_left_alone_by_its_dropped_times_is_no_line_of_the_text(dateline, kept):
    article = extract_html(page(top=dateline))
    assert "Paragraph 0 of the story" in article.body
    lines = article.body.split("\n")
    if kept is None:
        assert not any(word in line.casefold() for line in lines
                       for word in ("updated", "published")), article.body
    else:
        assert any(line.startswith(kept) for line in lines), article.body


# --- whole-page searches walked in Python: the same elements as their XPath -------------------


@pytest.mark.parametrize("search, markup, found", [
    ("_TIME_PUBLISHED_XPATH", '<time class="entry-date published" datetime="2024-03-05">March 5</time>', 1),
    ("_TIME_PUBLISHED_XPATH", '<abbr class="published" title="2024-03-05T10:00">March 5</abbr>', 1),
    ("_TIME_PUBLISHED_XPATH", '<abbr class="published">March 5</abbr>', 0),  # no title
    ("_TIME_PUBLISHED_XPATH", '<time class="unpublished" datetime="2024-03-05">March 5</time>', 0),
    ("_TIME_PUBLISHED_XPATH", '<span itemprop="datePublished">2024-03-05</span>', 1),
    ("_TIME_PUBLISHED_XPATH", '<meta itemprop="datePublished" content="2024-03-05">', 0),
    ("_TIME_PUBLISHED_XPATH", '<span property="dc:date  dc:created" content="2024-03-05">March 5</span>', 1),
    ("_TIME_PUBLISHED_XPATH", '<span property="dc:dates">March 5</span>', 0),
    ("_TIME_PUBLISHED_XPATH", '<ul><li><h3>Ferry fares</h3><span property="dc:date">March 5</span></li></ul>', 0),
    ("_MODIFIED_PROPERTY_XPATH", '<span property="schema:dateModified">2024-03-06</span>', 1),
    ("_MODIFIED_PROPERTY_XPATH", '<span property="dateModifiedLocal">2024-03-06</span>', 0),
    ("_MODIFIED_PROPERTY_XPATH", '<span itemprop="dateModified">2024-03-06</span>', 1),
    ("_HATOM_UPDATED", '<span class="entry updated">2024-03-06</span>', 1),
    ("_HATOM_UPDATED", '<span class="last-updated">2024-03-06</span>', 0),
    ("_HATOM_UPDATED", '<time class="updated" datetime="2024-03-06">March 6</time>', 0),
    ("_REL_AUTHOR", '<a rel="Author external" href="/people/ann-lee">Ann Lee</a>', 1),
    ("_REL_AUTHOR", '<a rel="coauthor" href="/people/ann-lee">Ann Lee</a>', 0),
    ("_REL_AUTHOR", '<span rel="author">Ann Lee</span>', 0),
    ("_TIMES", '<time datetime="2024-03-05">March 5</time><time>March 6</time>', 1),
    ("_TIMES", '<ul><li><h3>Ferry fares</h3><time datetime="2024-03-05">March 5</time></li></ul>', 0),
    ("_ALL_TIMES", '<ul><li><h3>Ferry fares</h3><time datetime="2024-03-05">March 5</time></li></ul>', 1),
    ("_ALL_TIMES", '<time>March 6</time>', 0),
    ("_HEADINGS", '<h2>Ferry</h2><div><h4>Fares</h4></div><h1>Second</h1>', 2),
    ("_NAME_HEADINGS", '<h3>About</h3><p><b>Ann Lee</b> <strong>writes</strong></p>', 3),
])
def test_page_searches_find_what_their_xpath_finds(search, markup, found):
    from lxml import etree
    from trafilatura.utils import load_html

    from ingest import html_signals

    tree = load_html(page(top=f"<h1>Bridge</h1>{markup}<p class='updated-note'>Note</p>").decode())
    searched = getattr(html_signals, search)
    assert searched(tree) == etree.XPath(searched.xpath)(tree)
    assert len(searched(tree)) == found


STORY_PARAGRAPHS = ("<p>The city council voted on Tuesday to build twelve kilometres of protected "
                    "bike lanes across the centre of town, after a year of consultation.</p>"
                    "<p>Work begins in spring and should finish by the end of next year, the "
                    "council said in a statement on its website.</p>")


@pytest.mark.parametrize("top, first_line", [
    # An unmarked byline paragraph under the headline: it leaves the body.
    ("<h1>Council approves new bike lanes</h1><p>By Tomasz Wierzbicki, Staff Writer</p>",
     "The city council voted"),
    ("<h1>Council approves new bike lanes</h1><p>By Ann Lee and Piet Kamau</p>", "The city council voted"),
    ("<p>By Ann Lee, Senior Correspondent</p>", "The city council voted"),
    # Near misses: the line holds more than the byline (a sentence, an outlet, a date) ...
    ("<h1>Council approves new bike lanes</h1><p>By Ann Lee, Staff Writer. The vote was close.</p>",
     "By Ann Lee, Staff Writer. The vote was close."),
    ("<h1>Council approves new bike lanes</h1><p>By Ann Lee, updated March 4, 2025</p>",
     "By Ann Lee, updated March 4, 2025"),
    # ... or is no byline at all.
    ("<h1>Council approves new bike lanes</h1><p>By the end of the year the lanes will be open.</p>",
     "By the end of the year"),
])
def test_a_bare_byline_paragraph_leaves_the_body(top, first_line):
    article = extract_html(page(top=top, body=STORY_PARAGRAPHS))
    lines = [line for line in article.body.split("\n") if line != "Council approves new bike lanes"]
    assert lines[0].startswith(first_line)


_SHORT_STORY = "<p>The ferry company said fares would rise by a tenth from the first of April.</p>"
_A_COMMENT = ("<div>Comments</div><div><h3>Comment by Bo</h3>7 March 2024, 16:19"
              "<p>Thanks for this.</p></div>")


@pytest.mark.parametrize("lang, article, published", [
    # The date line as bare text between the headline and the story, no element of its own
    # (under the site's <h1>, the story's <h2>): not the readers' comment's date below it.
    ("en", f"<h1>Harbour News</h1><div><h2>Ferry fares rise</h2>5 March 2024, 18:30 | Ann Lee{_SHORT_STORY}</div>"
           f"{_A_COMMENT}", "2024-03-05"),
    ("de", "<h1>Hafen-News</h1><div><h2>Fähre wird teurer</h2>5. März 2024, 18:30 | "
           "<script>var x = 1;</script>Anna Lenz"
           "<p>Die Fähre kostet ab April ein Zehntel mehr.</p></div>"
           "<div>Kommentare</div><div><h3>Kommentar von Bo</h3>7. März 2024, 16:19<p>Danke.</p></div>",
     "2024-03-05"),
    ("en", f"<h1>Ferry fares rise</h1>March 5, 2024 | <a href='/ann'>Ann Lee</a>{_SHORT_STORY}", "2024-03-05"),
    # A bare line that is a sentence of the story, not a line of fields, dates nothing.
    ("en", "<h1>Harbour News</h1><div><h2>Ferry fares rise</h2>The company met on 5 March 2024 to set the fares "
           f"for the summer.{_SHORT_STORY}</div>", None),
    # A heading's line after the story's first paragraph is the story's own (a timeline's step).
    ("en", f"<h1>How the quay gave way</h1>{_SHORT_STORY}<h3>First crack</h3>June 12, 2022 | survey"
           "<p>A diver found a crack under the east quay.</p>", None),
])
def test_a_bare_date_line_after_the_headline_dates_the_page(lang, article, published):
    html = (f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'></head><body>"
            f"<div id='content'>{article}</div></body></html>")
    assert normalise(extract_html(html.encode()), NOW).published == published


_SIDE_COLUMN = ("<div class='sidebar'><div class='widget Text'><h2>About</h2><p>"
                + "This blog is written by the volunteers who keep the harbour's ferries running, "
                  "and tells of the boats, the crews and the timetables through the seasons. " * 8
                + "</p></div><div class='widget PopularPosts'><h2>Popular posts</h2><ul>"
                + "".join(f"<li><a href='/p{i}'>Another post about the ferries, number {i}</a></li>"
                          for i in range(12))
                + "</ul></div></div>")


@pytest.mark.parametrize("posts, published", [
    # A blog's posts set in a widget of their own (and no <h1>): the day over the post, in the
    # box that holds the post marked as hAtom's entry, is the post's, though the post is short
    # beside a long side column.
    ("<div class='widget Blog'><h2 class='date-header'><span>Tuesday, March 5, 2024</span></h2>"
     "<div class='post hentry'><h3 class='post-title'>Ferry fares rise</h3>"
     "<p>The ferry company said fares would rise by a tenth from the first of April.</p></div></div>",
     "2024-03-05"),
    # A widget that holds no entry is the side column's: its day is another post's.
    ("<div class='widget Blog'><h2 class='date-header'><span>Tuesday, March 5, 2024</span></h2>"
     "<div class='post'><h3 class='post-title'>Ferry fares rise</h3>"
     "<p>The ferry company said fares would rise by a tenth from the first of April.</p></div></div>",
     None),
    # A widget listing several entries is a recent posts' list (WordPress marks each "hentry"),
    # unless one of them is titled as the headline.
    ("<h1>Ferry fares rise</h1><p>The ferry company said fares would rise by a tenth from the first of April.</p>"
     "<div class='widget Recent'><h2 class='date-header'><span>Tuesday, March 5, 2024</span></h2>"
     "<div class='post hentry'><h3 class='entry-title'>Quay repairs begin</h3></div>"
     "<div class='post hentry'><h3 class='entry-title'>Night boats return</h3></div></div>", None),
    ("<div class='widget Blog'><h2 class='date-header'><span>Tuesday, March 5, 2024</span></h2>"
     "<div class='post hentry'><h1 class='entry-title'>Ferry fares rise</h1>"
     "<p>The ferry company said fares would rise by a tenth from the first of April.</p></div>"
     "<div class='post hentry'><h3 class='entry-title'>Night boats return</h3></div></div>", "2024-03-05"),
])
def test_a_day_in_the_widget_that_holds_the_post_dates_it(posts, published):
    html = (f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'></head><body>"
            f"<header><p>Harbour ferries blog</p></header><div id='main'>{posts}</div>{_SIDE_COLUMN}</body></html>")
    article = normalise(extract_html(html.encode()), NOW)
    assert (article.published if article.provenance.get("published") != "htmldate" else None) == published


@pytest.mark.parametrize("line, published", [
    # A date line under the writer's name whose clock's zone is set in brackets.
    ("March 5, 2024 9:00AM (UTC)", "2024-03-05"),
    ("5 March 2024, 10:00 (CET)", "2024-03-05"),
    # Not a place in brackets, nor brackets with no clock before them: words beside the date.
    ("5 March 2024, 10:00 (Berlin)", None),
    ("March 5, 2024 (UTC)", None),
])
def test_a_date_line_with_its_zone_in_brackets(line, published):
    top = (f"<h1>Ferry fares rise</h1><section><h5><a href='/writer/ann-lee'>Ann Lee</a></h5>"
           f"<h6>{line}</h6></section>")
    article = parsed(top=top)
    assert (article.published if article.provenance.get("published") != "htmldate" else None) == published


@pytest.mark.parametrize("header, top, published", [
    # Today's date set beside the site's logo in the page's header, its classes named as a
    # template pleases: not the story's day.
    ("<div class='hd'><div class='hd-a'><a href='/'><img src='/logo.svg' alt='Harbour Post'></a></div>"
     "<div class='hd-date'>Wednesday, March 6, 2024</div></div>",
     "<dl><dd class='story-publish'>2024/3/5 5:50</dd></dl>", "2024-03-05"),
    # Not a date beside a writer's portrait linked to the writer's page.
    ("", "<div class='by'><div><a href='/author/ann-lee'><img src='/ann.jpg' alt=''></a></div>"
         "<div class='post-date'>March 5, 2024</div></div>", "2024-03-05"),
])
def test_a_date_beside_the_sites_logo_is_todays(header, top, published):
    html = (f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'></head><body>{header}"
            f"<article><h1>Ferry fares rise</h1>{top}{BODY}</article></body></html>")
    article = normalise(extract_html(html.encode()), NOW)
    assert (article.published or "")[:10] == published


_LOGO = "<div class='hd-a'><a href='/'><img src='/img/mark.svg' alt='Harbour Post'></a></div>"


@pytest.mark.parametrize("header, top, aside, published", [
    # A writer's portrait linked to the front page is no logo: the post's date beside it dates
    # it, not another post's in the side column.
    ("", "<div class='by'><a href='/'><img src='/ann.jpg' alt='Ann Lee'></a></div>"
         "<div class='post-meta'><time>March 5, 2024</time></div>",
     "<aside><h3>Recent posts</h3><ul><li><a href='/a'>Seed swap</a> <span>March 1, 2024</span></li></ul></aside>",
     "2024-03-05"),
    # A slim header whose only date is the one beside the logo (named so by the <title>): kept.
    (f"<div class='top'>{_LOGO}<div class='when'>5 March 2024</div></div>", "", "", "2024-03-05"),
])
def test_a_date_beside_what_is_no_logo_or_the_only_date(header, top, aside, published):
    html = (f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Ferry fares rise - Harbour Post"
            f"</title></head><body>{header}<article><h1>Ferry fares rise</h1>{top}{BODY}</article>{aside}</body></html>")
    article = normalise(extract_html(html.encode()), NOW)
    assert (article.published or "")[:10] == published
