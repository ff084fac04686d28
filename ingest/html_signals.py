"""The metadata signals a news page carries, and the choice of one value per field by evidence.

A page states its title, authors, dates and publisher several times over: in JSON-LD for search
engines, in Open Graph / Twitter meta for social cards, in <meta name=...> for older crawlers, in
the visible headline and byline, and sometimes in its URL. Each source has typical faults: the
<title> carries the site name, JSON-LD "author" is often the publisher, meta authors are profile
URLs, htmldate reads a date from an image path. So `read_signals` collects every statement from
one parsed tree, and the `choose_*` functions pick per field, returning the value with the name
of the signal it came from (the provenance stored beside it), so weak values can be filtered.

Nothing here names a site: the rules are about the shapes of HTML and metadata.
"""

import html
import json
import re
import unicodedata
from collections.abc import Callable
from urllib.parse import urljoin, urlsplit
from dataclasses import dataclass, field
from functools import cached_property, lru_cache, partial
from itertools import chain, islice, takewhile
from datetime import datetime, time, timedelta, timezone

from htmldate.core import DATE_ATTRIBUTES as HTMLDATE_PUBLISHED_KEYS
from lxml import etree
from lxml.html import HtmlElement

from .normalise import (AGENCIES, FOREIGN_MONTHS, FOREIGN_SHORT_MONTHS, MONTHS, ORGANISATION_WORDS, PICTURES_CREDIT, ROLE_WORDS,
                         WEEKDAYS, LoneName, domain_of, iso_date, outlet_key, person_key, split_people,
                         written_zone)
from .text_rules import ACCOUNT_WORDS, dateline_place, names_in, stamped_writer

# JSON-LD types that describe the article itself (schema.org Article and its sub-types).
_ARTICLE_TYPE = re.compile(r"(Article|BlogPosting|Posting|Report|NewsArticle)$", re.I)
_WEB_PAGE_TYPE = re.compile(r"WebPage\b")
_ORGANISATION_TYPE = re.compile(r"(Organization|Organisation|Corporation|NewsMediaOrganization|"
                                r"WebSite|Brand|Periodical)$", re.I)

# <meta> keys (name=, property= or itemprop=, lower-cased) for each field, strongest first.
META_PUBLISHED = (
    "article:published_time", "og:published_time", "og:article:published_time",
    "datepublished", "date_published", "publish-date", "publish_date", "publishdate", "pubdate",
    "article.published", "sailthru.date", "parsely-pub-date", "dc.date.issued", "dcterms.created",
    "dc.date", "dcterms.date", "date", "article_date_original", "originalpublicationdate",
    # Less common spellings, and analytics, video and scholarly tags: after the standard ones.
    "article:published", "og:pubdate", "article:publicationdate", "datecreated", "pub_date",
    "published", "published_at", "published_time", "article.created", "cxenseparse:recs:publishtime",
    "uploaddate", "release_date", "citation_date", "citation_publication_date",
    # Print and search-appliance tags, and other CMSs' names for the same date.
    "pdate", "publish_time", "gsa_publish_date", "displaydate", "rbpubdate", "pagedate",
    "date_created", "content_create_date", "doc_date", "analyticsattributes.articledate",
    "dcsext.articlefirstpublished",
    # The first publication that the rendered story object states (see _read_fusion_story).
    "fusion:first_publish_date",
)
META_UPDATED = (
    "article:modified_time", "og:updated_time", "og:article:modified_time", "datemodified",
    "date_modified", "article.updated", "last-modified", "lastmod", "dcterms.modified",
    "article:updated_time", "updated-date", "updated_time", "last_updated", "article_date_updated",
    "fusion:last_updated_date",
)
META_AUTHOR = (
    "author", "article:author", "og:article:author", "sailthru.author", "parsely-author",
    "dc.creator", "dcterms.creator", "byl", "article:author_name", "author_name", "authors",
    "byline",
    # The credits of the story object a publishing system renders from (see _read_fusion_story).
    "fusion:author",
    "twitter:creator",
    # Scholarly pages (Highwire / Google Scholar tags): one tag per author, in order.
    "citation_author",
    # Analytics and recommendation tags that carry the byline.
    "cxenseparse:author", "article_author", "sailthru.byline_name", "analytics:author",
    "analyticsattributes.author", "dcsext.author", "content-creator",
)
META_SITE = ("og:site_name", "application-name", "al:ios:app_name", "twitter:app:name:iphone")

# A title's parts: "Headline | Site", "Site - Headline", "Headline – Section – Site".
# Chinese and Japanese titles join the parts without spaces, with "_", "：", "｜", or a plain
# ":" against a CJK character or bracket (which, unlike "10:30" or "Re:", is no part of a word).
_CJK = "\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef"
# Guillemets and angle quotes ("Headline « Site", "Site › Headline") and "::" join parts too,
# and the full-width dash of Japanese titles set between spaces ("見出し － Site"), and a
# hyphen between two CJK characters ("见出し-网站"), where no word of those scripts has one.
_TITLE_SEPARATOR = re.compile(rf"\s+(?:[|\-–—:·•»«›‹~/－]|::)\s+|\s*[|｜•»_]\s*|\s*：\s*|(?<=[{_CJK}]):|:(?=[{_CJK}])"
                              rf"|(?<=[{_CJK}])-(?=[{_CJK}])")
# A date in the URL path: /2016/12/09/ or /2016-12-09- or -2016-12-09.html, or run together
# (/20161209/, _20161209-); a year alone, or digits inside a longer number, are no date.
# (and the year and month run together before the day's folder, /201612/09/, as many
# Chinese sites file their pages)
_URL_DATE = re.compile(r"[/_-]((?:19|20)\d\d)[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:[/_.-]|$)"
                       r"|[/_-]((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:[/_.-]|$)"
                       r"|/((?:19|20)\d\d)(0[1-9]|1[0-2])/(0[1-9]|[12]\d|3[01])/")
# The month may be spelled as its English short name: /2016/dec/09/.
_URL_WORDED_DATE = re.compile(r"/((?:19|20)\d\d)/(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)/"
                              r"(0?[1-9]|[12]\d|3[01])(?:[/-]|$)", re.I)
# The year, then the section's name (one or two parts), then the month and the day:
# "/2013/world/8/3/story/index.html", as some newspaper systems file their stories. (Not a
# listing's pages: "/2013/news/page/2/"; nor a word that numbers what follows, a week, a
# volume, a chapter, a set of photos: "/2024/nfl/week/3/12/", "/2023/volume/4/12/".)
_URL_NUMBERING = (r"(?:pages?|week|volume|vol|issue|chapter|round|season|photos?|pictures?|images?|slides?|"
                  r"part|episode|ep|number|no|step|stage|day|matchday|lesson|book|level|game|track|edition)/")
_URL_SECTION_DATE = re.compile(r"/((?:19|20)\d\d)/(?:(?!" + _URL_NUMBERING + r")[a-z][a-z_-]*/){1,2}"
                               r"(0?[1-9]|1[0-2])/(0?[1-9]|[12]\d|3[01])/", re.I)
_URL_MONTHS = {name: number for number, name in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)} | {"sept": 9}
_COPYRIGHT = re.compile(r"copyright|\(c\)|©|\b(?:19|20)\d\d\b|all rights reserved\.?|[-–,.]", re.I)
# (A slash and a space open no path: "/ Ann Lee / 10:08 am" is a byline set off by slashes.)
_PROFILE_URL = re.compile(r"^(?:https?://|www\.|/(?!\s))", re.I)


@dataclass
class Signals:
    """Every statement about the article that the page makes, by field and source."""

    json_ld: list[dict] = field(default_factory=list)  # the article objects, page order
    json_ld_others: list[dict] = field(default_factory=list)  # WebSite, Organization, ...
    # Every JSON-LD object that has an @id, by it: an article may name its author only by a
    # reference ({"@id": ...}) to a Person stated elsewhere in the graph or another block.
    json_ld_nodes: dict[str, dict] = field(default_factory=dict)
    # Dates read from JSON-LD blocks that are not valid JSON (a description with a stray
    # quote in it), by key: "datePublished" -> values, page order.
    json_ld_unparsed: dict[str, list[str]] = field(default_factory=dict)
    meta: dict[str, list[str]] = field(default_factory=dict)  # key -> contents, page order
    title_tag: str | None = None
    headings: list[str] = field(default_factory=list)  # <h1> texts
    subheadings: list[str] = field(default_factory=list)  # <h2> texts, read when there is no <h1>
    logos: list[str] = field(default_factory=list)  # <h1> texts marked as the site's logo
    article_headings: list[str] = field(default_factory=list)  # <h1> texts set inside an <article>
    # The text of the element an <h1> opens with, by the <h1>'s text ("<h1><span>Analysis</span>
    # Headline</h1>"): a kicker, where the rest is the headline the <title> states.
    heading_openers: dict[str, str] = field(default_factory=dict)
    url: str | None = None  # canonical or og:url
    tree: HtmlElement | None = None
    html: str | None = None  # the page's markup as text, when the caller has it
    # The links whose address may be the front page's (_MAY_LINK_FRONT_PAGE), page order, taken
    # in read_signals' walk of the <meta> tags; None where not read (walk every link).
    front_page_link_candidates: list | None = None

    # The visible byline and date texts take whole-tree searches, the dearest part of reading
    # a page, and most pages state authors and dates in JSON-LD or meta: read them on demand.
    @cached_property
    def _byline_texts(self) -> tuple[list[str], list[str], list[str], bool]:
        return _bylines(self.tree) if self.tree is not None else ([], [], [], False)

    @property
    def byline(self) -> list[str]:
        """The byline's texts, cleared of "Posted <date> by"-style lead-ins: names to split."""
        return self._byline_texts[0]

    @property
    def byline_dates(self) -> list[str]:
        """Whole dates written in the byline itself ("Posted October 14, 2025 by ..."), or
        else in the short block that holds it (name on one line, date on the next)."""
        _, written, block, _ = self._byline_texts
        read = partial(published_text_date, day_first=self.day_first)
        return [day for day in map(read, written) if day] or [day for day in map(read, block) if day]

    @cached_property
    def by_line(self) -> list[str]:
        """The text of the first short line after the headline that begins "By" (or its word in
        another language), when it is not the byline found: that may be a writer's bio marked
        as the author's, and the "By" line the one that carries the date."""
        return _by_line(self.tree) if self.tree is not None else []

    @property
    def by_line_dates(self) -> list[str]:
        return [day for day in map(partial(published_text_date, day_first=self.day_first), self.by_line) if day]

    @cached_property
    def others_bylines(self) -> bool:
        """The page shows bylines or rel="author" links, but only other stories' (teasers,
        related boxes)."""
        if self._byline_texts[3]:
            return True
        headline = _headline_element(self.tree) if self.tree is not None else None
        return self.tree is not None and any(_in_other_stories(a, headline) for a in _REL_AUTHOR(self.tree))

    @cached_property
    def date_texts(self) -> list[str]:
        return _date_texts(self.tree) if self.tree is not None else []

    @cached_property
    def copyright_lines(self) -> list[str]:
        """The page's copyright notices (the first _COPYRIGHT_NOTICES, each a short line), read
        once for the two rules that take the site's name from their holder; none where the
        markup writes no copyright mark (a search of it as text spares most pages the tree's)."""
        if self.tree is None or (self.html is not None and not any(mark in self.html for mark in _COPYRIGHT_MARKS)):
            return []
        lines = (_text(text.getparent()) for text in _COPYRIGHT_TEXTS(self.tree)[:_COPYRIGHT_NOTICES])
        return [line for line in lines if line and len(line) <= _COPYRIGHT_LINE]

    # Weaker signals, each a whole-tree search, read only when the stronger ones are silent.
    @cached_property
    def rel_author(self) -> list[str]:
        """Names on links marked rel="author" (not profile URLs, nor links in other stories'
        boxes)."""
        if self.tree is None:
            return []
        headline = _headline_element(self.tree)
        # (A commenter's name links to their own site, which some themes mark rel="author".
        # A static-site theme marks its header's site title, a link to the front page, so.)
        links = [a for a in _REL_AUTHOR(self.tree) if not _in_other_stories(a, headline) and not _IN_COMMENTS(a)
                 and not _links_front_page(a, self.url)]
        texts = [text for text in map(_text, links) if text and not _PROFILE_URL.match(text)]
        if texts:
            return texts
        # Links with no name to read (a <link> in the head, a link on the writer's picture):
        # the picture's alt text, or the name the address of an author page spells.
        return [name for a in links if (name := _alt_name(a) or (
            _slug_name(href) if _is_author_page(href := a.get("href") or "") else None))]

    @cached_property
    def hcard_author(self) -> list[str]:
        """The name an hCard marks as the entry's author (hAtom: '<span class="author vcard">
        <span class="fn">A</span></span>', as blog themes write it by each post), the first
        that is no comment's (a theme marks a commenter "comment-author vcard") nor another
        story's."""
        if self.tree is None or self.html is not None and "vcard" not in self.html:
            return []
        headline = _headline_element(self.tree)
        for name in _HCARD_AUTHOR_NAMES(self.tree):
            card = name
            while card is not None and "vcard" not in (card.get("class") or ""):
                card = card.getparent()
            if card is None or _COMMENTER_CLASS.search(card.get("class") or "") or _IN_COMMENTS(name) or (
                    _in_other_stories(name, headline) or _IN_SIDE_COLUMN(name)
                    or _IN_RESPONSES(name) or not _in_entry_box(card, headline)):
                continue
            text = _text(name)
            if text:
                return [text]
        return []

    @cached_property
    def heading_after_h1(self) -> str | None:
        """The text of the first <h2> or <h3> after the page's first headline <h1> (read on
        demand: only a page whose one <h1> may be its site's name asks for it)."""
        if self.tree is None or not self.headings:
            return None
        seen = False
        for heading in self.tree.iter("h1", "h2", "h3"):
            text = _heading_text(heading)
            if seen and heading.tag != "h1" and text:
                return text
            seen = seen or (heading.tag == "h1" and text == self.headings[0])
        return None

    @cached_property
    def front_page_title_part(self) -> list[str]:
        """The <title>'s part that the link home shows (see _front_page_title_part)."""
        return _front_page_title_part(self)

    @cached_property
    def copyright_title_part(self) -> list[str]:
        """The <title>'s end part that the page's copyright line names (see
        _copyright_title_part)."""
        return _copyright_title_part(self)

    @cached_property
    def site_title_keys(self) -> set[str]:
        """The person keys of the texts of rel="author" links to the site's front page: the
        site's title, which such a theme marks as the author of every page (trafilatura's
        author search reads the same links)."""
        if self.tree is None:
            return set()
        return {person_key(text) for a in _REL_AUTHOR(self.tree)
                if _links_front_page(a, self.url) and (text := _text(a))}

    @cached_property
    def meta_published_values(self) -> list[str]:
        """The <meta> tags' publication dates, strongest key first."""
        return [v for key in META_PUBLISHED for v in self.meta.get(key, [])]

    @cached_property
    def author_box(self) -> list[str]:
        """The names in the box about the writer that themes set after the article ("About
        the author", a picture, a name, a short bio), when nothing marks a byline."""
        return _author_box_names(self.tree) if self.tree is not None else []

    @cached_property
    def data_authors(self) -> list[str]:
        """The author a script-rendered template gives in a data attribute of the boxes that hold
        the headline (<article data-author="A">, for its analytics): not of any other element,
        where it may be a comment's or a teaser's."""
        if self.tree is None:
            return []
        headline = _headline_element(self.tree)
        if headline is None:
            return []
        for box in headline.iterancestors():
            for name in _DATA_AUTHOR_ATTRIBUTES:
                value = (box.get(name) or "").strip()
                if value and not _PROFILE_URL.match(value):
                    return [value]
        return []

    @cached_property
    def tagline_authors(self) -> list[str]:
        """The writers an opinion piece or a contributed article names in its closing italic
        note ("<p><em>A is a professor of history at ...</em></p>")."""
        return _tagline_authors(self.tree) if self.tree is not None else []

    @cached_property
    def opening_credit(self) -> list[str]:
        """The names on a credit line the story opens with, under the headline and before its
        text ("<p><em>Written by: <a>A</a></em></p>"): a contributed piece that a site's account
        posted, its byline the account's."""
        headline = _headline_element(self.tree) if self.tree is not None else None
        if headline is None:
            return []
        texts = {e: text for e, text in _short_texts(self.tree.iter("p", "div"), _SHORT_LINE).items()
                 if _is_opening_credit(e, text)}
        for element in _before_the_story(self.tree, headline, list(texts))[:1]:
            if _IN_COMMENTS(element) or _in_other_stories(element, headline):
                return []
            return [_OPENING_CREDIT.sub("", texts[element], count=1)]
        return []

    @cached_property
    def sign_off(self) -> list[str]:
        """The name on a line that signs the story off after a dash ("<p>-- By Ann Lee</p>",
        "<p>— By Ann Lee</p>"), a paragraph of the story's own: the writer's byline set under
        the text, where the byline above it names a desk or the site's account. (Not one in a
        quotation, a comment or another story's box; a follow button's link after the name is
        no part of it.)"""
        if self.tree is None:
            return []
        headline = _headline_element(self.tree)
        for element in self.tree.iter("p"):
            first = (element.text or "").lstrip()
            if first[:1] not in _SIGN_OFF_DASHES:
                continue
            text = " ".join(" ".join([element.text or "", *(
                f"{'' if _is_follow_link(child) else child.text_content()} {child.tail or ''}" for child in element)]).split())
            if (not _SIGN_OFF.match(text) or len(text) > _SHORT_LINE or _IN_QUOTE(element) or _IN_COMMENTS(element)
                    or _TEASER_ITEM(element) or _in_other_stories(element, headline)):
                continue
            return [_SIGN_OFF.sub("", text, count=1)]
        return []

    @cached_property
    def reporting_credits(self) -> list[str]:
        """The names a wire story credits on its closing line ("(Reporting by A in Lisbon and B;
        Additional reporting by C; Editing by D)"): the reporters and the writer, not the
        editors."""
        return _reporting_credits(self.tree) if self.tree is not None else []

    @cached_property
    def address_names(self) -> list[str]:
        """The text of an <address> in the <article> that holds the headline: HTML gives
        <address> as the contact details of its nearest article's author ("<address>Ann Lee,
        harbour reporter</address>"). Not one in a comment (each reader's own) or in another
        story's card, nor one outside the article (the site's postal address in its footer).
        On a page that marks no <article>, the body is the nearest: there, an <address> under
        the headline, before the story's text (the footer's is after it)."""
        headline = _headline_element(self.tree) if self.tree is not None else None
        article = next(headline.iterancestors("article"), None) if headline is not None else None
        if headline is None:
            return []
        addresses = (article.iter("address") if article is not None else
                     [e for e in _elements_under_headline(self.tree, headline) if e.tag == "address"])
        return [text for element in addresses
                if not _IN_COMMENTS(element) and not _in_other_stories(element, headline)
                and (text := _lines(element))][:1]

    @cached_property
    def meta_box_name(self) -> list[str]:
        """A name set as the last field of the article's meta box, between dots or bars, after
        the date and the reading time and nothing else: "March 5, 2024 · 4 min · Ann Lee" (a
        static-site theme writes its author so, with no "By"). A box with a field of any other
        kind (a category, a tag, a place), or with no reading time, is not read: "March 5,
        2024 · Climate Change" names a category as a theme's meta line names a writer."""
        # (The box's lines are its fields already where the marks were elements of their own.)
        fields = [f.strip() for line in self.meta_box_lines for f in _META_FIELD_SEPARATOR.split(line) if f.strip()]
        names = [f for f in fields if _is_lone_field_name(f)]
        dated = [f for f in fields if len(f) <= 40 and text_date(f, self.day_first)]
        timed = [f for f in fields if _READING_TIME.fullmatch(f)]
        if (len(names) == 1 and names[0] == fields[-1] and dated and timed
                and len(names) + len(dated) + len(timed) == len(fields)):
            return names
        return []

    @cached_property
    def _author_link_elements(self) -> list:
        return _author_links(self.tree, self.url) if self.tree is not None else []

    @property
    def author_links(self) -> list[str]:
        """Names on links to the site's author pages (/author/ada-quill), after the headline."""
        return [_MORE_BY.sub("", text) if (text := _text(a)) else text for a in self._author_link_elements]

    @property
    def author_link_slugs(self) -> list[str]:
        """The names of author_links whose page's address ends in that same word
        ("<a href=/author/marlo/>Marlo</a>"): the site's own key for its writer, a second
        statement of the name beside the link's text. (Not a name in lower case: an account's
        page is always named by its handle, "/author/jdoe/", which says no more than the link.)"""
        names = []
        for link in self._author_link_elements:
            name, target = _text(link), _split_href(link)
            slug = target.path.rstrip("/").rsplit("/", 1)[-1] if target is not None else ""
            if name and not name.islower() and slug.casefold() == name.casefold():
                names.append(name)
        return names

    @property
    def author_link_tooltips(self) -> list[str]:
        """The names of author_links whose tooltip says that the link leads to that same name's
        posts ('<a href=/author/jdoe/ title="View all posts by jdoe">jdoe</a>', as blog themes
        write it): the theme's own words for the writer, a statement beside the link's text
        that its address is not (a login in lower case is its page's slug anyway)."""
        return [_text(link) for link in self._author_link_elements if _offers_posts_of_its_name(link)]

    @cached_property
    def spelled_profile_link(self) -> list[str]:
        """The name on the first link under the headline whose address spells it ("<a
        href=/ann-lee-profile/>Ann Lee</a>", "/u/leeann"): a writer's page with no author
        segment in its path (see _spelled_profile_link)."""
        return _spelled_profile_link(self.tree) if self.tree is not None else []

    @cached_property
    def handle_signed_line(self) -> list[str]:
        """The writer of a line under the headline that gives a name and the handle spelled
        from it ("Ann Lee @annlee"): see _handle_signed_line."""
        return _handle_signed_line(self.tree) if self.tree is not None else []

    @cached_property
    def titled_name_line(self) -> list[str]:
        """The writers of a line under the headline that gives them with their job ("Ann Lee,
        AP Harbor Writer"): see _titled_name_line."""
        return _titled_name_line(self.tree) if self.tree is not None else []

    @cached_property
    def outlet_marked_line(self) -> list[str]:
        """The writers of a line under the headline whose other part is marked as the outlet
        (see _outlet_marked_line)."""
        return _outlet_marked_line(self.tree, self.declared_site_keys) if self.tree is not None else []

    @cached_property
    def declared_site_keys(self) -> set[str]:
        """The keys of the site's names as the page declares them to machines: og:site_name
        and its kin, the JSON-LD publisher, and an <h1> marked as the logo."""
        return ({outlet_key(v) for key in META_SITE for v in self.meta.get(key, [])}
                | {outlet_key(n) for item in self.json_ld for n in _names(item.get("publisher"), False, self.json_ld_nodes)}
                | {outlet_key(n) for n in self.logos}) - {""}

    @cached_property
    def name_part_list(self) -> list[str]:
        """The people of the list under the headline whose names are marked by their parts,
        given name and surname (see _name_part_list)."""
        return _name_part_list(self.tree) if self.tree is not None else []

    @cached_property
    def name_and_date_line(self) -> list[str]:
        """The writer of a line under the headline that is a name and a date and nothing more
        (see _name_and_date_line)."""
        return _name_and_date_line(self.tree) if self.tree is not None else []

    @cached_property
    def time_published(self) -> list[str]:
        """Values of elements marked as the publication date: <time pubdate>, itemprop, RDFa's
        property (schema.org's or Dublin Core's terms), and the microformat class "published"
        (hAtom: WordPress themes write <time class="entry-date published"> beside <time
        class="updated">, and older ones <abbr class="published" title="2024-03-05T10:00">)."""
        values = (_marked_value(e) for e in self.time_published_elements)
        return [value for value in values if value]

    @cached_property
    def time_published_elements(self) -> list:
        """The elements time_published reads, in its order."""
        if self.tree is None:
            return []
        # (Not a reader's comment's, which schema.org marks up with the same property. Teasers
        # are not left out here: a page whose first <h1> is a promotion's would lose its own.)
        elements = [e for e in _TIME_PUBLISHED_XPATH(self.tree) if not _IN_COMMENTS(e)]
        # (An item's creation date, which schema.org has apart, only after its publication's.)
        elements.sort(key=lambda e: e.get("itemprop") == "dateCreated")
        return elements

    @cached_property
    def modified_properties(self) -> list[str]:
        """Values of page elements marked as the revision's date by a property, as
        time_published reads the publication's: microdata's itemprop="dateModified" or RDFa's
        property (a theme writes '<span class="updated" itemprop="dateModified"> March 7,
        2024</span>' beside its published span, no <time> and no <meta> for it)."""
        if self.tree is None or (self.html is not None and "dateModified" not in self.html
                                 and "dcterms:modified" not in self.html):
            return []  # (a search of the markup as text spares most pages the tree's)
        elements = [e for e in _MODIFIED_PROPERTY_XPATH(self.tree) if not _IN_COMMENTS(e)]
        values = (e.get("datetime") or e.get("content") or _text(e) for e in elements)
        return [value for value in values if value]

    @cached_property
    def hatom_revision_stamps(self) -> list[str]:
        """Machine dates that are the whole text of an element of hAtom's class "updated" (not
        a <time>, read as times are): a theme's hidden revision stamp beside the date it shows
        readers ('<span class="updated rich-snippet-hidden">2024-03-07T16:00:00+00:00</span>'
        <span>March 5th, 2024</span>), written for every post, edited or not."""
        if self.tree is None or (self.html is not None and "updated" not in self.html):
            return []
        # (Not another post's: a sidebar's list of recent posts, a related posts box by the
        # same theme, which writes the stamp for each post it lists.)
        headline = _headline_element(self.tree)
        return [text for e in _HATOM_UPDATED(self.tree)
                if not _MARKED_PUBLISHED.search((e.get("class") or "").casefold()) and not _IN_COMMENTS(e)
                and (text := _text(e)) and _MACHINE_DATE.fullmatch(text)
                and next(e.iterancestors("aside"), None) is None and not _in_other_stories(e, headline)]

    @cached_property
    def _times(self) -> tuple[list[str], list[str]]:
        if self.tree is None:
            return [], []
        headline = _headline_element(self.tree)
        own = urlsplit(self.url).path.rstrip("/") if self.url else None
        times, revisions = [], []
        for element in _TIMES(self.tree):
            if not (_in_teaser(element, headline) or _in_page_header(element, headline)
                    or _IN_COMMENTS(element) or _IN_QUOTE(element) or _in_other_stories(element, headline)
                    or _in_sidebar(element, headline) or _IN_CAPTION(element) or _in_prose(element)
                    or _in_events_box(element, headline)
                    # (Known only with the page's own address: else a permalink is "elsewhere".)
                    or (own is not None and _in_link_elsewhere(element, own))):
                (revisions if _is_revision(element) else times).append(element.get("datetime"))
            if len(times) == 3:
                break
        return times, revisions

    @property
    def time_elements(self) -> list[str]:
        """The first <time datetime> values of the page that may date it: not one marked as
        a revision (by its class, its itemprop or an "Updated" label before it), nor one in a
        teaser for another story (a list item with a heading, another <article>)."""
        return self._times[0]

    @property
    def revision_times(self) -> list[str]:
        """<time datetime> values marked as a revision, page order: a last resort, as themes
        often mark the one date they show "updated" (it is the publication's until an edit)."""
        return self._times[1]

    @cached_property
    def others_dates(self) -> bool:
        """The page dates other stories (a <time> or a date-named element in a related box, a
        teaser card or a list item with a heading, or a JSON-LD object of another story), its
        readers' comments or the day in its masthead, or it sets out another kind of date (an
        event's, a deadline's: see _OTHER_DATE_CLASS): htmldate, which reads the same elements
        and JSON-LD, would give one of theirs."""
        if any(item.get("datePublished") for item in self.json_ld if item not in self.own_json_ld):
            return True
        if any(_listed_dated_articles(item) for item in self.json_ld_others):
            return True
        if self.tree is None:
            return False
        if any(_names_other_date(marks) for _, marks in _classed(self.tree, _MAY_NAME_OTHER_DATE)):
            return True
        headline = _headline_element(self.tree)
        own = urlsplit(self.url).path.rstrip("/") if self.url else None
        if any(_ACCESS_LABEL.match(e.text or "") for e in _date_named(self.tree)):
            return True  # a list of sources and the days they were read
        return any(_TEASER_ITEM(e) or _IN_COMMENTS(e) or _in_masthead(e, headline) or _in_other_stories(e, headline)
                   or _in_sidebar(e, headline) or _IN_CAPTION(e) or _in_prose(e)
                   or (own is not None and _in_link_elsewhere(e, own))
                   for e in chain(_ALL_TIMES(self.tree), _date_named(self.tree), _TIME_PUBLISHED_XPATH(self.tree),
                                  _meta_boxes(self.tree)))

    @cached_property
    def month_only_times(self) -> bool:
        """The page dates itself by a month or a year alone (<time datetime="2024-03">): it
        states no day, and htmldate would make one up from that (the month's last days)."""
        return self.tree is not None and any(
            _MONTH_OR_YEAR.fullmatch(element.get("datetime") or "") for element in _TIMES(self.tree))

    @cached_property
    def own_json_ld(self) -> list[dict]:
        """The JSON-LD article objects that state this page, not other stories a page lists
        in its JSON-LD too (related, next): the one at the page's own address (else the
        first), and the others of the same story, which give its address or headline, or
        neither (two plugins may each state the page, one naming the author, one not)."""
        if not self.json_ld:
            return []
        page = _address(self.url)
        own = next((item for item in self.json_ld if page and _item_address(item) == page), self.json_ld[0])
        address, headline = _item_address(own), _item_headline(own)
        return [item for item in self.json_ld if item is own or (
            (_item_address(item) is None or _item_address(item) in (address, page))
            and (_item_headline(item) is None or headline is None or _item_headline(item) == headline))]

    @cached_property
    def meta_box_lines(self) -> list[str]:
        """The short lines of the article's meta box (see _meta_box_lines)."""
        return _meta_box_lines(self.tree, day_first=self.day_first) if self.tree is not None else []

    @property
    def meta_box_dates(self) -> list[str]:
        """The publication day its first line that states one gives (less the text of inner
        elements marked as the revision's date)."""
        lines = _meta_box_lines(self.tree, without_revisions=True, day_first=self.day_first) if self.tree is not None else []
        return next(([day] for day in map(partial(published_text_date, day_first=self.day_first), lines) if day), [])

    def revision_stamps(self):
        """Days the page's written date lines give after an "Updated" label (in the date-named
        elements, the date-published property's text, the meta box), page parts in that order,
        each searched only when asked for: the revision's."""
        for lines in (lambda: self.date_texts, lambda: self.time_published, lambda: self.meta_box_lines):
            yield from filter(None, map(partial(revision_text_date, day_first=self.day_first), lines()))

    @cached_property
    def labelled_revisions(self) -> list[str]:
        """Days on lines of their own that begin with an "Updated" label ("Last updated: 8
        March 2024"), the date in their first words: "Updated to add ..." says what changed,
        and a date further on is the story's."""
        return _labelled_dates(self._label_lines, lambda text: revision_text_date(
            _from_revision_label(text, self.day_first)[:_LABELLED_REVISION_LENGTH], day_first=self.day_first))

    @cached_property
    def revisions_above_story(self) -> list[str]:
        """Those "Updated" lines set before the story's text (no long paragraph above them),
        where a stamp of the page's own stands: the publication's last resort. One after the
        text may be a live blog entry's, a related story's, a teaser's: another day."""
        headline = _headline_element(self.tree) if self.tree is not None else None
        lines = [e for e in self._label_lines if not _STORY_PARAGRAPHS_BEFORE(e) and not _under_other_heading(e, headline)]
        return _labelled_dates(lines, lambda text: revision_text_date(
            _from_revision_label(text, self.day_first)[:_LABELLED_REVISION_LENGTH], day_first=self.day_first))

    @cached_property
    def labelled_dates(self) -> list[str]:
        """Days written after a "Published" label on a line of their own (see _labelled_dates)."""
        return _labelled_dates(self._label_lines, day_first=self.day_first)

    @cached_property
    def day_first(self) -> bool | None:
        """Whether the page writes a date with slashes day first ("05/03/2024" is 5 March), as
        its declared language does: month first in United States English, day first in the
        other languages and Englishes, unknown for English with no country (either) and for
        Chinese, Japanese and Korean (which write the year first). (text_date reads a slashed
        date by this only when nothing written beside it settles the order.)"""
        if self.tree is None:
            return None
        root = self.tree.getroottree().getroot()
        declared = (root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang")
                    or next(iter(self.meta.get("og:locale", [])), None) or "")
        return _day_first_language(declared)

    @cached_property
    def _label_lines(self) -> list:
        """The lines that begin with a date label: one search for both kinds of date. (Read
        whole: reading it only as far as its readers went saved nothing measurable, 2.78-3.22
        against 2.95-3.05 CPU s a round of html_signal_time.py, every choice the same.)"""
        return list(_label_lines(self.tree)) if self.tree is not None else []


@dataclass
class Choice:
    value: object
    source: str | None


def read_signals(tree: HtmlElement) -> Signals:
    signals = Signals(tree=tree)
    _read_json_ld(tree, signals)
    title = tree.find(".//title")
    signals.title_tag = _text(title) if title is not None else None
    title_parts = _title_tag_parts(signals.title_tag) if signals.title_tag else []
    title_ends = {_key(p) for p in title_parts[1:][-1:]}
    for heading in tree.iter("h1"):
        text = _heading_text(heading)
        if text and title_ends and (headline := _without_site_link(heading, text, title_ends, title_parts)) != text:
            signals.logos.append(text[len(headline):].strip())
            text = headline
        if text:
            (signals.logos if _is_logo(heading) else signals.headings).append(text)
            if next(heading.iterancestors("article"), None) is not None:
                signals.article_headings.append(text)
            opener = heading[0] if len(heading) and not (heading.text or "").strip() else None
            if opener is not None and isinstance(opener.tag, str) and (opener_text := _text(opener)):
                signals.heading_openers[text] = opener_text
    signals.headings = signals.headings[:5]
    # (The page's own headlines, which an article item of the page states: the <title>, the <h1>s.)
    headlines = [_key(t) for t in [signals.title_tag, *signals.headings] if t]
    # (The links home are taken in the same walk: the <title>'s site part and _site_title
    # look for one on every page, and their own walk of every link cost about as much as
    # this walk. Only from the page's root, which "//a" searches from.)
    candidates = [] if tree.getparent() is None else None
    for element in tree.iter("meta", "a"):
        if element.tag == "a":
            if candidates is not None and (href := element.get("href")) and _MAY_LINK_FRONT_PAGE.match(href.strip()):
                candidates.append(element)
            continue
        key = (element.get("property") or element.get("name") or element.get("itemprop") or "")
        if key == element.get("itemprop") and _of_another_item(element, headlines):
            continue
        # A few templates write value= where the standard says content=.
        content = element.get("content") or element.get("value")
        if key and content and content.strip():
            signals.meta.setdefault(key.strip().lower(), []).append(content.strip())
    signals.front_page_link_candidates = candidates
    _read_parsely_page(signals)
    _read_fusion_story(tree, signals)
    if not signals.headings:
        # Older templates set the headline in an <h2> under a logo or a table of links.
        signals.subheadings = [t for t in (_heading_text(h) for h in tree.iter("h2")) if t][:5]
    # (Tags found by iter(), in C, as "//link" would be; the XPath searches took a third longer.)
    page = tree.getroottree()
    canonical = [href for link in page.iter("link") if link.get("rel") == "canonical"
                 and (href := link.get("href")) is not None]
    # A page's <base href> is the address its relative links are read against, the canonical
    # link's too: "/news/ferry-cut" under <base href="https://harborledger.example/"> named the
    # page's address, and was dropped for not being whole.
    base = next((b.strip() for b in (element.get("href") for element in page.iter("base"))
                 if b is not None and b.strip().startswith("http")), None)
    addresses = [urljoin(base, u.strip()) if base and not u.startswith("http") else u
                 for u in canonical + signals.meta.get("og:url", [])]
    absolute = [u for u in addresses if u.startswith("http")]
    signals.url = absolute[0].strip() if absolute else None
    return signals


_ITEM_HEADLINE = etree.XPath('.//*[@itemprop="headline" or @itemprop="name"]')
# Kinds of item that a page embeds or mentions and is not: media, people and organisations,
# comments, events, products and places.
_OTHER_ITEM_TYPE = re.compile(r"(?:(?:Video|Audio|Image|Media|3DModel)Object|Clip|Person|Organi[sz]ation|"
                              r"Corporation|Comment|Answer|Question|Event|Product|Offer|Place|PostalAddress|"
                              r"Rating|AggregateRating|ImageGallery|SoftwareApplication|Brand|WebSite)$")


def _of_another_item(element, headlines: list[str]) -> bool:
    """A microdata <meta itemprop> states a property of its item, the nearest itemscope around
    it: not of the page when that item is of another kind (an embedded video's uploadDate, a
    picture's author), or is another story (a card of a recommended article, whose headline
    is neither in the page's <title> nor one of its <h1>s)."""
    scope = next((box for box in element.iterancestors() if box.get("itemscope") is not None), None)
    if scope is None:
        return False
    kind = (scope.get("itemtype") or "").strip().rstrip("/").rsplit("/", 1)[-1]
    other_kind = bool(_OTHER_ITEM_TYPE.search(kind))
    if not other_kind and not _ARTICLE_TYPE.search(kind):
        return False  # an item of a kind that may be the page itself (a recipe, a review)
    if next(scope.iter("h1"), None) is not None:
        return False  # an item around the page's headline wraps the page (a site's, a page's)
    # (The item's own headline or name, not a nested item's: its author's, its publisher's.)
    own = sorted((e for e in _ITEM_HEADLINE(scope)
                  if next((box for box in e.iterancestors() if box.get("itemscope") is not None), None) is scope),
                 key=lambda e: e.get("itemprop") != "headline")
    headline = (own[0].get("content") or _text(own[0])) if own else None
    key = _key(headline) if headline else None
    if key and headlines and any(key in page for page in headlines):
        return False  # the page's own item (a video page's VideoObject, named as the page is)
    return other_kind or bool(key and headlines)


# A page that is a list of links and next to nothing else: a browser's bookmarks file, a
# read-later service's export (Pocket, Instapaper), a site's index or tag page saved with its
# stories. trafilatura gives its link texts as the text, and it was stored as an article
# ("Bookmarks", "Pocket Export") that every search for a word of a headline then found. An
# article has prose outside its links (a brief of twenty words is over a hundred letters),
# while a page's menus never make this many links with so little else around them.
LIST_MIN_LINKS = 30
# Counted in letters, not words: Chinese and Japanese prose has no spaces to count words by.
LIST_MAX_PROSE_LETTERS = 100
_NOT_PROSE = frozenset({"a", "script", "style", "noscript", "template"})


def is_list_of_links(tree: HtmlElement) -> bool:
    """Whether a page is a list of at least LIST_MIN_LINKS links with fewer than
    LIST_MAX_PROSE_LETTERS letters and digits outside them (headings and labels included).
    Walked in document order, skipping what is inside links and scripts, and stopped as soon
    as the prose reaches the limit: an article's page ends the walk within its first lines."""
    body = next((child for child in tree if child.tag == "body"), tree)  # (a search of the tree: 0.4 ms)
    links = 0
    for link in body.iter("a"):
        links += bool(link.get("href"))
        if links >= LIST_MIN_LINKS:
            break
    else:
        return False
    prose = 0
    walk = etree.iterwalk(body, events=("start", "end", "comment"))
    for event, element in walk:
        if event == "start":
            if element.tag in _NOT_PROSE:
                walk.skip_subtree()  # (its tail, outside it, is counted at its end)
                continue
            text = element.text
        else:  # the end of an element or a comment: what follows it
            text = element.tail if element is not body else None
        if text and not text.isspace():
            prose += len(_LETTER.findall(text))
            if prose >= LIST_MAX_PROSE_LETTERS:
                return False
    return True


_LETTER = re.compile(r"[^\W_]")


# What a browser or an archiving extension writes into a page it saves: where it was saved
# from. Internet Explorer, Edge and Chrome ("Webpage, complete"): <!-- saved from url=(0045)
# https://... -->; SingleFile: a comment with "url: https://...". The address the page came
# from, as a web archive's capture says it, for a page that names none of its own.
_SAVED_FROM = re.compile(r"<!--\s*(?:saved from url=\(\d+\)|Page saved with SingleFile\s+url:)\s*"
                         r"(https?://[^\s>]+)", re.I)


def saved_from_url(html_text: str) -> str | None:
    """The address a saved page says it was saved from (see _SAVED_FROM), from its first 4 KB."""
    match = _SAVED_FROM.search(html_text, 0, 4096)
    return match.group(1).rstrip("-") if match else None


def _heading_text(heading) -> str | None:
    """A heading's text without its permalink: documentation and blog generators end each
    heading with a link to its own anchor, shown as a mark ("¶", "#", "§", "🔗"). Only such a
    link is left out, so a headline that ends in "#" as a word ("What's new in C#") keeps it."""
    text = _text(heading)
    for link in heading.iter("a"):
        mark = _text(link)
        if (link.get("href") or "").startswith("#") and mark and len(mark) <= 2 and not any(
                c.isalnum() for c in mark) and text and text.endswith(mark):
            text = text[:-len(mark)].rstrip() or None
    return text


def _without_site_link(heading, text: str, title_ends: set[str], title_parts: list[str]) -> str:
    """An <h1>'s text less a link that closes it whose label is the <title>'s last part: the
    site's name set beside the headline in the same heading ("<h1><span>Headline</span><a
    href="/edition.html">Site</a></h1>" under "Headline » Section » Site"), its text run onto
    the headline's. (read_signals keeps the name with the logos.)

    Only where the link is the site's by its own marks (to the front page, or marked as the
    logo), or the <title> confirms it: it parts a section off before its site part
    ("Headline » Section » Site"), or it is the rest of the <h1> and the link's label and
    nothing more ("Headline - Site"). A <title> of two parts may end with the headline's own
    subject: an <h1> "In conversation with <a>Ann Lee</a>" over "In conversation - Ann Lee"
    links a person. Nor where the rest would end in a colon or a dash, a label waiting for the
    words the link gives ("Obituary: <a>Ann Lee</a>")."""
    last = heading[-1] if len(heading) else None
    if last is None or last.tag != "a" or (last.tail or "").strip():
        return text
    label = _text(last)
    if not label or _key(label) not in title_ends or not text.endswith(label):
        return text
    rest = text[:-len(label)].rstrip()
    if not rest or rest[-1] in ":-–—":
        return text
    if not (len(title_parts) > 2 or (len(title_parts) == 2 and _key(title_parts[0]) == _key(rest))
            or _links_front_page(last, None, any_host=True)
            or _LOGO_MARK.search(f"{last.get('class', '')} {last.get('id', '')}")):
        return text
    return rest


def _read_parsely_page(signals: Signals) -> None:
    """Analytics tags that carry the article's metadata as one JSON object (<meta
    name="parsely-page" content='{"authors": [...], "pub_date": ...}'>), read as the one-value
    tags of the same names."""
    for content in signals.meta.get("parsely-page", [])[:1]:
        try:
            data = json.loads(content)
        except (ValueError, RecursionError):  # nested thousands deep: no signal, not a failed page
            return
        if not isinstance(data, dict):
            return
        authors = data.get("authors") or data.get("author")
        authors = authors if isinstance(authors, list) else [authors]
        authors = [a for a in authors if isinstance(a, str) and a.strip()]
        if authors and "parsely-author" not in signals.meta:
            signals.meta["parsely-author"] = authors
        if isinstance(data.get("pub_date"), str) and "parsely-pub-date" not in signals.meta:
            signals.meta["parsely-pub-date"] = [data["pub_date"]]


# Arc XP's renderer (Fusion) sets the story a page renders in a script, as one object in Arc's
# content format (ANS): "window.Fusion=...;Fusion.globalContent={...};Fusion.globalContentConfig=
# ...". Its "credits.by" lists the writers ({"type": "author", "name": ...}), "first_publish_date"
# dates the first publication (its "display_date" is the latest time the story was displayed
# anew, and "publish_date" the latest publication: revisions, no publication dates),
# "last_updated_date" the latest edit, and "headlines.basic" is the headline.
_FUSION_CONTENT = re.compile(r"\bFusion\.globalContent\s*=\s*")
_FUSION_STORY_TYPES = {"story", "video", "gallery"}
_JSON_DECODER = json.JSONDecoder(strict=False)


def _read_fusion_story(tree: HtmlElement, signals: Signals) -> None:
    """The story object of an Arc XP page, read as meta tags of their own ("fusion:author", ...)
    after the standard ones: such pages mostly state the same in JSON-LD and meta, and the
    object speaks where those are missing. Only a story's (a section front's object is a list
    of other stories), and only its own credits (the stories it links to carry theirs)."""
    for script in tree.iter("script"):
        text = script.text
        if not text or "Fusion.globalContent" not in text:
            continue
        start = _FUSION_CONTENT.search(text)
        if start is None:
            continue
        try:
            story, _ = _JSON_DECODER.raw_decode(text, start.end())
        except (ValueError, RecursionError):
            return
        if not isinstance(story, dict) or story.get("type") not in _FUSION_STORY_TYPES:
            return
        credits = story.get("credits")
        writers = credits.get("by") if isinstance(credits, dict) else None
        names = [entry["name"].strip() for entry in (writers if isinstance(writers, list) else [])
                 if isinstance(entry, dict) and entry.get("type", "author") == "author"
                 and isinstance(entry.get("name"), str) and entry["name"].strip()]
        if names:
            signals.meta.setdefault("fusion:author", names)
        for key in ("first_publish_date", "last_updated_date"):
            if isinstance(story.get(key), str) and story[key].strip():
                signals.meta.setdefault(f"fusion:{key}", [story[key].strip()])
        headlines = story.get("headlines")
        headline = headlines.get("basic") if isinstance(headlines, dict) else None
        if isinstance(headline, str) and headline.strip():
            signals.meta.setdefault("headline", [headline.strip()])
        return


# Class or id pieces that name a page header's logo or site title, not a headline.
_LOGO_MARK = re.compile(r"logo|site-?title|site-?name|sitename|brand|masthead", re.I)


def _headline_element(tree: HtmlElement):
    """The page's first <h1> that is not the site's logo: where the article begins. Unless that
    <h1> is wholly a link and the <title> does not hold it, where a later <h1> that is no link
    is the <title>'s headline: the first is a promotion of another story set above the article
    (a blog theme's headline linked to the post itself is in the <title>, and stays). Worked
    out once a page (some twenty rules ask for it, each a walk of the page's <h1>s); again if
    the page lost it."""
    root = tree.getroottree().getroot()
    headline = _headline_element_of(tree, root)
    if headline is not None and headline.getroottree().getroot() is not root:
        _headline_element_of.cache_clear()
        headline = _headline_element_of(tree, root)
    return headline


@lru_cache(maxsize=1)
def _headline_element_of(tree: HtmlElement, root):
    """_headline_element, cached for the last page alone (it keeps that page's tree alive)."""
    first = title = None
    for heading in tree.iter("h1"):
        if _is_logo(heading):
            continue
        if first is None:
            first = heading
            if _heading_link(heading) is None:
                return heading
            title_element = tree.find(".//title")
            title = _key(_text(title_element) or "") if title_element is not None else ""
            if not title or _key(_text(heading) or "") in title:
                return heading
        elif _heading_link(heading) is None and (text := _text(heading)) and _key(text) in title:
            return heading
    return first if first is not None else _permalinked_heading(tree)


_PERMALINK_HEADINGS = ("h2", "h3")


def _permalinked_heading(tree: HtmlElement):
    """On a page with no <h1>, the first <h2> or <h3> that is wholly a link to the page itself
    (its canonical address) and whose words the <title> holds: a blog theme sets the post's
    headline so on its single post's page, as on its lists of posts (a link to another post's
    page is that post's teaser). (Once a page, as _headline_element is: a list of posts holds
    thousands of linked <h2>s.)"""
    page = tree.getroottree()
    own = next((target for link in page.iter("link")
                if link.get("rel") == "canonical" and (target := _split_href(link)) is not None), None)
    title_element = tree.find(".//title")
    title = _key(_text(title_element) or "") if title_element is not None else ""
    if own is None or len(own.path.rstrip("/")) < 2 or not title:
        return None  # (the front page links to itself from every heading's logo)
    own_path = own.path.rstrip("/")
    for heading in tree.iter(*_PERMALINK_HEADINGS):
        # (The link's address first: on a list of posts, almost every heading links elsewhere.)
        if not any(own_path in (a.get("href") or "") for a in chain(heading.iter("a"), heading.iterancestors("a"))):
            continue
        link = _heading_link(heading)
        target = _split_href(link) if link is not None else None
        if (target is not None and target.path.rstrip("/") == own_path
                and target.netloc in ("", own.netloc) and len(text := _text(heading) or "") >= _SUBHEADLINE_LENGTH
                and _key(text) in title):
            return heading
    return None


_SUBHEADLINE_LENGTH = 10  # characters of an <h2> read as the headline, at least


def _byline_headline(tree: HtmlElement):
    """The headline the byline rules read the lines under: the page's <h1> (_headline_element),
    or on a page with none, the first <h2> that the <title> holds, no link and ten characters
    or more (older templates set the headline so, under a logo or a table of links, as
    choose_title reads it)."""
    headline = _headline_element(tree)
    if headline is not None:
        return headline
    title_element = tree.find(".//title")
    title = _key(_text(title_element) or "") if title_element is not None else ""
    if not title:
        return None
    return next((heading for heading in tree.iter("h2")
                 if len(text := _heading_text(heading) or "") >= _SUBHEADLINE_LENGTH and _key(text) in title
                 and _heading_link(heading) is None), None)


def _heading_link(heading):
    """The link a heading is wholly set in (inside it, or around it), or None."""
    around = next(heading.iterancestors("a"), None)
    if around is not None:
        return around
    links = heading.findall(".//a")
    return links[0] if len(links) == 1 and _text(links[0]) == _text(heading) else None


def _is_logo(heading) -> bool:
    """An <h1> that is the site's logo: marked so by its class or id (or its link's), or wholly
    a link to the site's front page (href "/" or a bare host, or rel="home"), or set inside
    such a link. Templates set the site's name in an <h1> on every page, above the article's
    own headline (or instead of it)."""
    if _LOGO_MARK.search(f"{heading.get('class', '')} {heading.get('id', '')}"):
        return True
    # ("<a href='/' class='logo'><h1>Site</h1><img ...></a>", or the link inside the heading)
    link = _heading_link(heading)
    if link is None:
        return False
    if "home" in (link.get("rel") or "").lower().split() or _LOGO_MARK.search(f"{link.get('class', '')} {link.get('id', '')}"):
        return True
    target = _split_href(link)
    if target is None:
        return False
    return target.path in ("", "/") and not target.query and not target.fragment and (
        bool(target.netloc) or target.path == "/")


# Templates written for XHTML wrap a script's text in <![CDATA[ ... ]]> (or an old-style HTML
# comment) so an XML parser leaves it alone; an HTML parser hands the markers on as text.
_JSON_LD_WRAPPER = re.compile(r"^\s*(?:<!\[CDATA\[|<!--)|(?:\]\]>|-->)\s*$")


def _read_json_ld(tree: HtmlElement, signals: Signals) -> None:
    # (As '//script[@type="application/ld+json"]' would find them, a third faster.)
    for script in (s for s in tree.getroottree().iter("script") if s.get("type") == "application/ld+json"):
        try:
            data = json.loads(_JSON_LD_WRAPPER.sub("", script.text_content()).strip().rstrip(";"),
                              strict=False)
        except (ValueError, AttributeError, RecursionError):  # RecursionError: nested thousands deep
            # A template that writes its JSON-LD by hand may leave a quote unescaped in a
            # description; its dates, simple strings, can still be read.
            for key, value in _UNPARSED_DATE.findall(script.text_content() or ""):
                signals.json_ld_unparsed.setdefault(key, []).append(value)
            # So can its headline, a string with no quote left unescaped in it: the article's
            # own, not one of a story it links to (nested under "isPartOf", "mentions").
            signals.json_ld_unparsed.setdefault("headline", []).extend(
                _unparsed_article_headlines(script.text_content() or ""))
            continue
        for item in _json_ld_items(data):
            _index_nodes(item, signals.json_ld_nodes)
            types = item.get("@type")
            types = types if isinstance(types, list) else [types]
            types = [t for t in types if isinstance(t, str)]
            if any(_ARTICLE_TYPE.search(t) for t in types):
                signals.json_ld.append(item)
            elif types:
                signals.json_ld_others.append(item)


def _listed_dated_articles(value, depth: int = 0) -> bool:
    """Dated article objects listed inside another object (an ItemList's itemListElement, a
    section page's hasPart): other stories, whose datePublished htmldate, which searches every
    JSON-LD block, would give as this page's. (A page's own article given as a WebPage's
    mainEntity is read as an article object, and is no list's.)"""
    if depth > 4:
        return False
    if isinstance(value, list):
        return any(_listed_dated_articles(entry, depth + 1) for entry in value)
    if not isinstance(value, dict):
        return False
    if depth and value.get("datePublished") and _ARTICLE_TYPE.search(str(value.get("@type") or "")):
        return True
    return any(_listed_dated_articles(entry, depth + 1) for key, entry in value.items()
               if key != "mainEntity" and isinstance(entry, (dict, list)))


_UNPARSED_DATE = re.compile(r'"(datePublished|dateModified)"\s*:\s*"([^"]{6,40})"')
_UNPARSED_HEADLINE_LENGTH = 300  # characters of a headline read from such a block, at most
# What a scan of JSON that may not parse steps by: a string, a bracket, a colon.
_JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[{}\[\]:]')
# Containers an article object sits in at the top of a block: the block's own list, @graph.
_TOP_LEVEL_KEYS = {None, "@graph"}
_VALUE_ENDS = re.compile(r"\s*[,}\n]")  # after a string value read whole


def _unparsed_article_headlines(text: str) -> list[str]:
    """The "headline" values of a JSON-LD block that is not valid JSON, in objects at its top
    level (the block itself, an item of its list or of its @graph): one nested deeper, under
    a key such as "isPartOf", "mentions" or "relatedLink", is another story's. (A pair of
    quotes left unescaped in a description leaves the strings told apart as JSON's.)"""
    headlines, path, key, last, after_colon = [], [], None, None, False
    for token in _JSON_TOKEN.finditer(text):
        mark = token.group()
        if mark in "{[":
            path.append(key if after_colon else None)
        elif mark in "}]":
            path = path[:-1]
        elif mark == ":":
            key = last
        elif after_colon:
            if (key == "headline" and all(k in _TOP_LEVEL_KEYS for k in path)
                    and 2 < len(mark) <= _UNPARSED_HEADLINE_LENGTH + 2 and "\n" not in mark
                    and _VALUE_ENDS.match(text, token.end())):
                try:
                    headlines.append(json.loads(mark, strict=False))
                except ValueError:
                    pass
        else:
            last = mark[1:-1]
        after_colon = mark == ":"
    return headlines


def _index_nodes(value, nodes: dict[str, dict], depth: int = 0) -> None:
    """Every object with an @id and something more than it, nested ones too (a Person
    stated inside the first article and referred to by the next), the first statement kept."""
    if depth > 4:
        return
    if isinstance(value, list):
        for entry in value:
            _index_nodes(entry, nodes, depth + 1)
    elif isinstance(value, dict):
        key = value.get("@id")
        if isinstance(key, str) and len(value) > 1:
            nodes.setdefault(key, value)
        for entry in value.values():
            if isinstance(entry, (dict, list)):
                _index_nodes(entry, nodes, depth + 1)


def _json_ld_items(data):
    """The objects of a JSON-LD block: a list, an @graph, or one object (flattened)."""
    if isinstance(data, list):
        for entry in data:
            yield from _json_ld_items(entry)
    elif isinstance(data, dict):
        if "@graph" in data:
            yield from _json_ld_items(data["@graph"])
        else:
            yield data
            main = data.get("mainEntity")
            if isinstance(main, dict) and main.get("@type"):
                yield from _json_ld_items(main)


# Visible bylines: elements whose class, id or itemprop says they hold the author, strongest
# first; the last resort is a short element whose own text begins with "By".
_BYLINE_TESTS = (
    # (itemprop may list several properties: "author creator".)
    '[contains(concat(" ", normalize-space(@itemprop), " "), " author ") or '
    'contains(concat(" ", normalize-space(@itemprop), " "), " creator ") or '
    # the same in RDFa, bare or with the vocabulary's prefix, and Drupal's node creator
    # ('<span rel="sioc:has_creator"><span property="foaf:name">A</span></span>')
    'contains(concat(" ", normalize-space(@property), " "), " author ") or '
    'contains(concat(" ", normalize-space(@property), " "), " schema:author ") or '
    'contains(concat(" ", normalize-space(@property), " "), " dc:creator ") or '
    'contains(concat(" ", normalize-space(@property), " "), " dcterms:creator ") or '
    'contains(concat(" ", normalize-space(@rel), " "), " sioc:has_creator ")]',
    # (and the data attributes that script-rendered templates mark their parts with, and the
    # label a template gives screen readers: aria-label="Byline" is read aloud, so it is the
    # page's own word for the box even where the class names are a build's hashes)
    '[contains(@class, "byline") or contains(@id, "byline") or contains(@class, "Byline") or '
    'contains(@data-testid, "byline") or contains(@data-component, "byline") or '
    'contains(translate(@aria-label, "BYLINE", "byline"), "byline") or '
    # (the word parted or camel-cased, "by-line", "by_line", "byLine", and in a component's
    # name with its capital, data-component="Byline"; and the short token "byl" of older
    # newspaper templates)
    # (as a word of its own: "hobby-line" is none)
    'contains(concat(" ", normalize-space(@class)), " by-line") or contains(@class, "-by-line") or '
    'contains(@class, "_by-line") or contains(concat(" ", normalize-space(@class)), " by_line") or '
    'contains(@class, "_by_line") or contains(@class, "-by_line") or '
    'contains(concat(" ", normalize-space(@class)), " byLine") or contains(@class, "ByLine") or '
    'contains(@data-component, "Byline") or '
    'contains(concat(" ", normalize-space(@class), " "), " byl ") or '
    # (and a web component named for it: a script-rendered template's own element,
    # "<story-byline>", "<article-byline>", whose name is its word for the box)
    'contains(local-name(), "byline")]',
    # (and the link on the name, and the BEM spellings "author__name", "author__link")
    '[contains(@class, "author-name") or contains(@class, "authorName") or '
    'contains(@class, "author_name") or contains(@class, "authorText") or '
    'contains(@class, "author__name") or contains(@class, "author-link") or '
    'contains(@class, "author__link") or '
    # (and the name in an author box: "author-box__name", "authorbox-name")
    'contains(@class, "author-box__name") or contains(@class, "author-box-name") or '
    'contains(@class, "authorbox__name") or contains(@class, "authorbox-name") or '
    # the other roles' names: "contributor-name", "writer__name", "reporter_name"
    'contains(@class, "contributor-name") or contains(@class, "contributor__name") or '
    'contains(@class, "contributor_name") or contains(@class, "writer-name") or '
    'contains(@class, "writer__name") or contains(@class, "writer_name") or '
    'contains(@class, "reporter-name") or contains(@class, "reporter__name") or '
    'contains(@class, "reporter_name")]',
    # The plural ("authors", "article-authors") is the box of a shared byline.
    # (and script-rendered templates' test ids: data-testid="author-name")
    '[@class="author" or contains(concat(" ", normalize-space(@class), " "), " author ") or '
    'contains(@data-testid, "author") or '
    'contains(concat(" ", normalize-space(@class), " "), " authors ") or '
    'contains(@class, "authorname") or contains(@class, "AuthorName")]',
    # A template's prefixed name for it ("post-author", "article__author", "entry_author"),
    # or the credit line of a contributed piece ("contributor", "post-contributor").
    # (Plain XPath tests on the class's tokens: a regular-expression test per element costs
    # a call into Python for each element of the page.)
    '[contains(concat(normalize-space(@class), " "), "-author ") or '
    'contains(concat(normalize-space(@class), " "), "_author ") or '
    'contains(concat(normalize-space(@class), " "), "-authors ") or '
    'contains(concat(normalize-space(@class), " "), "_authors ") or '
    'contains(concat(" ", normalize-space(@class), " "), " writer ") or '
    'contains(concat(normalize-space(@class), " "), "-writer ") or '
    'contains(concat(normalize-space(@class), " "), "_writer ") or '
    'contains(concat(" ", normalize-space(@class), " "), " reporter ") or '
    'contains(concat(normalize-space(@class), " "), "-reporter ") or '
    'contains(concat(normalize-space(@class), " "), "_reporter ") or '
    'contains(concat(normalize-space(@class), " "), "contributor ") or '
    # (and the plural box of a shared credit, "contributors", and the journalist's name, as
    # European templates call the writer: "journalist", "article-journalist", "journalist-name")
    'contains(concat(normalize-space(@class), " "), "contributors ") or '
    'contains(concat(" ", normalize-space(@class), " "), " journalist ") or '
    'contains(concat(normalize-space(@class), " "), "-journalist ") or '
    'contains(concat(normalize-space(@class), " "), "_journalist ") or '
    'contains(@class, "journalist-name") or contains(@class, "journalist__name") or '
    # CSS modules' names, the component's then the class's then a hash: "Header_author__x1Y2z"
    'contains(@class, "_author__") or contains(@class, "_authors__")]',
    # The same in the other languages of the news we see most: German, Spanish, Portuguese and
    # Czech "autor", French "auteur" (as a class token or a prefixed or suffixed part of one;
    # "autoresize" and "autorefresh" are no bylines); and Spanish, Catalan and Italian "firma",
    # the signature, as a class token of its own.
    '[contains(concat(" ", normalize-space(@class), " "), " autor ") or '
    'contains(concat(" ", normalize-space(@class), " "), " firma ") or '
    'contains(concat(" ", normalize-space(@class), " "), " auteur ") or '
    'contains(@class, "-autor") or contains(@class, "_autor") or contains(@class, "autor-") or '
    'contains(@class, "autor_") or contains(@class, "-auteur") or contains(@class, "_auteur") or '
    'contains(@class, "auteur-") or contains(@class, "auteur_")]',
    '[starts-with(normalize-space(text()), "By ") or normalize-space(text()) = "By" or '
    'starts-with(normalize-space(text()), "BY ") or '
    # (with a no-break space after "By", which normalize-space keeps: "<span>By&nbsp;</span>
    # <a>A</a>", "By&nbsp;A")
    'normalize-space(translate(text(), "\u00a0", " ")) = "By" or '
    # (and in capitals, the name a link after it: "BY <a>ANN LEE</a>")
    'normalize-space(text()) = "BY" or '
    'starts-with(normalize-space(text()), "By\u00a0") or '
    # (after a child it opens with, the line's first words in the child's tail: "<cite><a
    # href=/writers/a><img></a> By A<br>Outlet</cite>", a portrait before the byline)
    '(not(normalize-space(text())) and starts-with(normalize-space(text()[normalize-space()][1]), "By ")) or '
    # after a typographic mark that sets the line off: "// By A", "— By A", "| By A", and the
    # middle dot or bullet that parts a meta line's fields ("<time>...</time> · By A"; the name
    # may be a link after it: "| By <a>A</a>", whose text() ends in "By")
    '((starts-with(normalize-space(text()), "/") or starts-with(normalize-space(text()), "—") or '
    'starts-with(normalize-space(text()), "–") or starts-with(normalize-space(text()), "|") or '
    'starts-with(normalize-space(text()), "·") or starts-with(normalize-space(text()), "•")) and '
    'starts-with(concat(normalize-space(translate(text(), "/—–|·•", "      ")), " "), "By "))]',
    # "Posted March 5, 2024 by A. Writer": the author follows the date line's "by".
    # (The "by" may come after a date element: "Posted on <time>...</time> by <a>A</a>".)
    # (Drupal's default line: "Submitted by A on Mon, 03/04/2024 - 10:00".)
    '[(starts-with(normalize-space(text()), "Posted ") or starts-with(normalize-space(text()), '
    '"Published ") or starts-with(normalize-space(text()), "Written ") or '
    # (and in title case, as many themes set the line: "Written By A", "Posted By A")
    'starts-with(normalize-space(text()), "Filed ")) and (contains(., " by ") or contains(., " By ")) or '
    # ("Submitted by" only: "Submitted photo by A" credits a reader's picture.)
    'starts-with(concat(normalize-space(text()), " "), "Submitted by ")]',
    # Weaker still: "by" in lower case, or after a label ("Words by", "Story by").
    '[starts-with(normalize-space(text()), "by ") or starts-with(normalize-space(text()), "Words by ")'
    ' or starts-with(normalize-space(text()), "Story by ") or starts-with(normalize-space(text()), '
    '"Text by ") or starts-with(normalize-space(text()), "Reporting by ") or '
    'starts-with(concat(normalize-space(text()), " "), "Reported by ") or '
    # (the same labels in capitals, as a credit line under a magazine's story is set: "TEXT BY A")
    'starts-with(normalize-space(text()), "TEXT BY ") or starts-with(normalize-space(text()), "WORDS BY ") or '
    'starts-with(normalize-space(text()), "STORY BY ") or starts-with(normalize-space(text()), "WRITTEN BY ") or '
    'starts-with(normalize-space(text()), "Story:") or '
    # the kind of piece before its writer ("Opinion by A", "Guest post by A")
    # (the name may be a link after the label: "Analysis by <a>A</a>", whose text() ends in "by")
    'starts-with(concat(normalize-space(text()), " "), "Opinion by ") or '
    'starts-with(concat(normalize-space(text()), " "), "Analysis by ") or '
    'starts-with(concat(normalize-space(text()), " "), "Commentary by ") or '
    'starts-with(concat(normalize-space(text()), " "), "Guest post by ") or '
    # (and with an article, or as a guest's: "A commentary by A", "An essay by A", "Guest column by A")
    'starts-with(concat(normalize-space(text()), " "), "A commentary by ") or '
    'starts-with(concat(normalize-space(text()), " "), "An essay by ") or '
    'starts-with(concat(normalize-space(text()), " "), "An analysis by ") or '
    'starts-with(concat(normalize-space(text()), " "), "Guest column by ") or '
    'starts-with(concat(normalize-space(text()), " "), "Guest essay by ") or '
    # the writer who took the pictures too ("Words and pictures by A")
    'starts-with(normalize-space(text()), "Words and pictures by ") or '
    'starts-with(normalize-space(text()), "Words and photos by ") or '
    'starts-with(normalize-space(text()), "Story and photos by ") or '
    # "written by" in small letters, as a theme's meta line writes it
    'starts-with(concat(normalize-space(text()), " "), "written by ") or '
    # such a label alone in its element, the name in the next: "<span>Written by</span> <a>A</a>",
    # "by <a>A</a> on 4 March"
    'normalize-space(text()) = "Written by" or normalize-space(text()) = "Words by" or '
    'normalize-space(text()) = "Story by" or '
    # (a lower-case "by" only as the element's own first words, not after a child: "<a>Content
    # management</a> by <b>A</b>" credits a supplier)
    'normalize-space(node()[1][self::text()]) = "by" or '
    # (and with a colon, as the label of a template's field: "by: A", "<span>by:</span> <a>A</a>")
    'starts-with(normalize-space(text()), "by:") or '
    # a label with a colon: "Author: A", "Written by: A", "Writer: A", "Words: A", "By: A"
    'starts-with(normalize-space(text()), "Author:") or starts-with(normalize-space(text()), "Authors:") or '
    # (and with no colon, a field's label in an element of its own, the name in the next: a
    # definition list's "<dt>Author</dt><dd>A</dd>", a fact box's "<th>Author</th><td>A</td>")
    'normalize-space(text()) = "Author" or normalize-space(text()) = "Authors" or '
    'starts-with(normalize-space(text()), "Written by:") or starts-with(normalize-space(text()), "Writer:") or '
    'starts-with(normalize-space(text()), "Writers:") or starts-with(normalize-space(text()), "Words:") or '
    'starts-with(normalize-space(text()), "Reporter:") or starts-with(normalize-space(text()), "Reporters:") or '
    'starts-with(normalize-space(text()), "Text:") or starts-with(normalize-space(text()), "By:") or '
    # "Text:" in Spanish and Portuguese, and in Dutch, Polish and the Scandinavian languages
    'starts-with(normalize-space(text()), "Texto:") or starts-with(normalize-space(text()), "Tekst:") or '
    # (French with its space before the colon; Italian "Testo:", "Testo di"; and the writer who
    # took the pictures too, in German, Spanish and Portuguese: "Text und Fotos:", "Texto y fotos:")
    'starts-with(normalize-space(text()), "Texte :") or starts-with(normalize-space(text()), "Texte:") or '
    'starts-with(normalize-space(text()), "Testo:") or starts-with(normalize-space(text()), "Testo di ") or '
    'starts-with(normalize-space(text()), "Text und Fotos:") or starts-with(normalize-space(text()), "Texto y fotos:") or '
    'starts-with(normalize-space(text()), "Texto e fotos:") or '
    # and Chinese and Japanese "author", "reporter" and "text" labels ("作者：A", "记者 A", "文/A")
    'starts-with(normalize-space(text()), "作者：") or starts-with(normalize-space(text()), "作者:") or '
    'starts-with(normalize-space(text()), "记者：") or starts-with(normalize-space(text()), "記者：") or '
    'starts-with(normalize-space(text()), "文/") or starts-with(normalize-space(text()), "文／") or '
    # (and the Japanese "text:" with a colon, "文：A"; the Chinese reporter's label with a space
    # alone after it, "记者 A B", or the name in an element after it, "记者<a>A</a>"; and "our
    # reporter", "本报记者 A")
    'starts-with(normalize-space(text()), "文：") or starts-with(normalize-space(text()), "文:") or '
    'starts-with(concat(normalize-space(text()), " "), "记者 ") or '
    'starts-with(concat(normalize-space(text()), " "), "記者 ") or '
    'starts-with(normalize-space(text()), "本报记者") or starts-with(normalize-space(text()), "本報記者") or '
    # the same label in German, Spanish, Portuguese, Czech, Italian and French (whose typography
    # sets a space before the colon)
    'starts-with(normalize-space(text()), "Autor:") or starts-with(normalize-space(text()), "Autora:") or '
    'starts-with(normalize-space(text()), "Autores:") or starts-with(normalize-space(text()), "Autoren:") or '
    'starts-with(normalize-space(text()), "Autore:") or starts-with(normalize-space(text()), "Autori:") or '
    'starts-with(normalize-space(text()), "Auteur:") or starts-with(normalize-space(text()), "Auteur :") or '
    'starts-with(normalize-space(text()), "Auteurs:") or starts-with(normalize-space(text()), "Auteurs :")]',
    # "By" in French, Spanish and Portuguese, Dutch, Scandinavian, German: the weakest, as
    # these words begin other lines too (split_people keeps only what reads as names after them).
    '[starts-with(normalize-space(text()), "Par ") or starts-with(normalize-space(text()), "Por ") or '
    'starts-with(normalize-space(text()), "Door ") or starts-with(normalize-space(text()), "Av ") or '
    # (after "Von", two words or more, as after "Di": "Von Ahlen" alone is a surname with its
    # particle, set in its own element by a paper's list of authors, "<span>Ann D.</span>
    # <span>Von Ahlen</span>", and a German byline names the writer whole, "Von Jana Berger")
    '(starts-with(normalize-space(text()), "Von ") and '
    'string-length(normalize-space(text())) - string-length(translate(normalize-space(text()), " ", "")) >= 2) or '
    # (the word alone, the name in an element after it, as "By" is read: "<span>Par <a>A</a>
    # </span>", whose text() is "Par " and normalize-space "Par")
    'normalize-space(text()) = "Par" or normalize-space(text()) = "Por" or '
    'normalize-space(text()) = "Door" or normalize-space(text()) = "Von" or '
    # the same with a colon ("Por: A", "Von: A"), Italian "di"/"Di" (split_people reads a name
    # after "Di" only when two capitalised words follow: "Di Luigi Rossi"), Indonesian
    # and Malay "Oleh", and the labels "Author:"/"Text:" in Russian, Turkish, Indonesian and
    # Finnish, and "Contributor:"
    'starts-with(normalize-space(text()), "Por:") or starts-with(normalize-space(text()), "Par:") or '
    'starts-with(normalize-space(text()), "Von:") or starts-with(normalize-space(text()), "Av:") or '
    'starts-with(normalize-space(text()), "Door:") or '
    # (after "Di", a name of two words or more: a line "Di Maio" is a surname's)
    '((starts-with(normalize-space(text()), "Di ") or starts-with(normalize-space(text()), "di ")) and '
    'string-length(normalize-space(text())) - string-length(translate(normalize-space(text()), " ", "")) >= 2) or '
    'starts-with(normalize-space(text()), "Oleh ") or '
    'starts-with(normalize-space(text()), "Oleh:") or starts-with(normalize-space(text()), "Автор:") or '
    'starts-with(normalize-space(text()), "Текст:") or starts-with(normalize-space(text()), "Yazar:") or '
    'starts-with(normalize-space(text()), "Penulis:") or starts-with(normalize-space(text()), "Kirjoittaja:") or '
    'starts-with(normalize-space(text()), "Contributor:") or starts-with(normalize-space(text()), "Contributors:") or '
    # and "written by" ("posted by") in Spanish and Portuguese, French, Italian, German, Dutch,
    # Danish and Norwegian
    'starts-with(normalize-space(text()), "Escrito por ") or starts-with(normalize-space(text()), "Escrita por ") or '
    'starts-with(normalize-space(text()), "Publicado por ") or starts-with(normalize-space(text()), "Redactado por ") or '
    'starts-with(normalize-space(text()), "Écrit par ") or starts-with(normalize-space(text()), "Publié par ") or '
    'starts-with(normalize-space(text()), "Rédigé par ") or starts-with(normalize-space(text()), "Scritto da ") or '
    'starts-with(normalize-space(text()), "Pubblicato da ") or starts-with(normalize-space(text()), "Geschrieben von ") or '
    'starts-with(normalize-space(text()), "Verfasst von ") or starts-with(normalize-space(text()), "Gepost door ") or '
    'starts-with(normalize-space(text()), "Geschreven door ") or starts-with(normalize-space(text()), "Skrevet af ") or '
    'starts-with(normalize-space(text()), "Skrevet av ")]',
)


class _PageSearch:
    """A search of the whole page, as etree.XPath("//*" + predicate) finds it (the same elements,
    page order), for a predicate that few elements can pass: a walk of the page in Python asks
    `may_pass` of each element, a cheap test that every element the predicate passes passes too,
    and the predicate itself only of those. extract_html holds every element of the page while
    its signals are read, so the walk makes no objects, where XPath tests its predicate on every
    element of the page: on the 475 corpora pages the search for the publication's marks took
    0.82 ms a page as one XPath and 0.38 ms so, hAtom's "updated" 0.71 and 0.31 ms."""

    def __init__(self, predicate: str = "", may_pass: Callable[[HtmlElement], bool] | None = None,
                 tags: tuple[str, ...] = ()):
        """With `tags`, only elements of those tags are walked (found by iter(), in C), and the
        search stands for "//*[self::tag or ...]" + predicate; with no predicate (and no
        `may_pass`), every one of them is found."""
        tag_test = "[" + " or ".join(f"self::{tag}" for tag in tags) + "]" if tags else ""
        self.xpath = f"//*{tag_test}{predicate}"  # (what it finds, as one XPath: the tests compare)
        self._passes = etree.XPath(f"boolean(self::*{predicate})") if predicate else None
        self._may_pass = may_pass
        self._tags = tags

    def __call__(self, tree: HtmlElement) -> list:
        page = tree.getroottree()
        elements = page.iter(*self._tags) if self._tags else page.iter(etree.Element)
        passes, may_pass = self._passes, self._may_pass
        return [element for element in elements
                if (may_pass is None or may_pass(element)) and (passes is None or passes(element))]


def _has_property_term(element, terms: tuple[str, ...]) -> bool:
    value = element.get("property")
    return bool(value) and any(term in value for term in terms)


# A byline inside a list item that has its own heading belongs to a teaser for another story
# (related, popular or next articles), not to this one. (Card templates set teasers' headlines
# in <h5> as often as in <h2> to <h4>.)
_TEASER_ANCESTOR = "ancestor::li[.//*[self::h2 or self::h3 or self::h4 or self::h5]]"
_NOT_TEASER = f"[not({_TEASER_ANCESTOR})]"
# Each test asked of one element. The page is not searched once per test: a test of the
# element's own text (normalize-space(text()) for every element of the page, once per prefix)
# cost more than the rest of the signals together. One pass in Python finds the elements that
# may pass any test of a kind, and the tests are asked of those alone.
_BYLINE_MATCHES = [etree.XPath("boolean(self::*" + test + _NOT_TEASER + ")") for test in _BYLINE_TESTS]
# The weakest test, last, in Python (see _is_lead_by_line): a line that begins with the date.
_BYLINE_MATCHES.append(lambda element: _is_lead_by_line(element))
# The same tests asked of the elements in teasers, which they leave out: a page whose only
# bylines are teasers' shows other stories' writers (see _bylines).
_TEASER_BYLINE = etree.XPath("boolean(self::*[" + " or ".join(
    f"self::*{test}" for test in _BYLINE_TESTS) + "][" + _TEASER_ANCESTOR + "])")
# The tests on attributes (the first _ATTRIBUTE_TESTS; the rest read the element's own text)
# each need one of these attributes holding one of these pieces (case as the tests spell it).
_ATTRIBUTE_TESTS = 6
_ATTRIBUTE_PIECES = {
    "class": re.compile("yline|y-line|y_line|yLine|byl|uthor|ontributor|writer|autor|auteur|firma|reporter|journalist"),
    "id": re.compile("yline"), "itemprop": re.compile("author|creator"),
    "data-testid": re.compile("byline|author"), "data-component": re.compile("[Bb]yline"),
    "aria-label": re.compile("byline", re.I),
    "property": re.compile("author|creator"), "rel": re.compile("has_creator"),
}
# The text tests each need the element's first text to begin with one of these words, or with
# a mark set before a "By" (in any case here, a looser test than theirs: the tests themselves
# decide).
_TEXT_TEST_START = re.compile(r"(?:by|posted|published|written|filed|submitted|words|story|text|tekst|testo|reporting|author|"
                              r"作者|记者|記者|文[/／：:]|本[报報][记記]者|"
                              r"writer|reporter|reported|opinion|analysis|commentary|guest|"
                              r"autor|auteur|par|por|door|av|von|di|oleh|автор|текст|yazar|penulis|kirjoittaja|"
                              r"contributor|escrit|publicado|redactado|écrit|publié|rédigé|scritto|pubblicato|"
                              r"geschrieben|verfasst|gepost|geschreven|skrevet|[/—–|·•]+\s*by\b)", re.I)


def _may_pass_byline_tests(tree: HtmlElement, headline, on_attributes: bool) -> list:
    """The elements of the page, in page order, that may pass the byline tests of one kind
    (on attributes, or on the element's own text), and the headline (which marks where the
    part after it begins)."""
    found = []
    for element in tree.getroottree().iter(etree.Element):
        if element is headline:
            found.append(element)
        elif on_attributes:
            if "byline" in element.tag:  # (a web component's own element, "<story-byline>")
                found.append(element)
                continue
            # (Most elements have no attributes, or none of these: their own are the fewer.)
            for name, value in element.items():
                pieces = _ATTRIBUTE_PIECES.get(name)
                if pieces is not None and pieces.search(value):
                    found.append(element)
                    break
        else:
            text = _own_first_text(element)
            # (Matched on the text's first characters, its leading white space taken off in
            # Python: a pattern that begins with "\s*" cost ten times as much, on every text of
            # the page.)
            if text:
                head = text.lstrip()[:_LEAD_LINE_LENGTH]
                # (or a "by" further on, after a date: "March 5, 2024 by A", see _is_lead_by_line;
                # a search for a substring, cheaper than a pattern on every text)
                if (_TEXT_TEST_START.match(head[:40]) or " by" in head or " By" in head or " BY" in head
                        or "者：" in head or "者:" in head):
                    found.append(element)
    return found


def _own_first_text(element) -> str | None:
    """The text that XPath's text() in a string test reads: the element's text, or, when a
    child comes first, the first tail after one."""
    text = element.text
    if (text is None or (len(element) and text.isspace())) and len(element):
        # (A line that opens with a child, its first words after it: "<p><span>March 5,
        # 2024</span> by <a>A</a></p>", the markup's line break before the child no text.)
        text = next((child.tail for child in element if child.tail and not child.tail.isspace()), None)
    return text


# A line that begins with the story's date, or with a short label set off by a mark, and names
# the writer after it: "March 5, 2024 by Ann Lee", "On 5 March 2024 by A", "2024-03-05 · By A",
# "News | By A" (blog and static-site themes write the date and the byline so, in one line with
# no class on either; the date may be an element of its own: "<span>March 5, 2024</span> by
# <a>A</a>"). The lead before "by" must be a whole date (a weekday and a clock allowed) or, set
# off by a mark, a label of up to three words before a capital "By": "The vote on March 5, 2024
# by the board" and "March 5, 2024 · Gone By Noon" are no bylines.
_LEAD_BEFORE_BY = re.compile(r"\s*(?:(?i:on)\s+)?(?P<lead>[^|·•—–\n]{1,50}?)[\s,]*(?P<mark>[|·•—–][\s|·•—–]*)?"
                             r"\b(?P<by>by|By|BY)(?:\s+|$)")
_LEAD_LABEL = re.compile(r"[A-Z][\w&'’-]*(?:\s+[\w&'’-]+){0,2}")
_LEAD_LINE_LENGTH = 120  # characters of such a line at most: longer, it is a sentence


# The same in Chinese and Japanese: a line of fields with the author's label after others
# ("2024-03-05 来源：港湾日报 作者：张三", source and author): the label after a space, its name up
# to the next field's label.
_CJK_AUTHOR_LABEL = re.compile(r"(?:^|\s)(?:作者|记者|記者|撰文|撰稿|执笔|執筆)\s*[：:]\s*(?=\S)")
_CJK_NEXT_FIELD = re.compile(r"\s+\S{1,4}[：:].*$")


def _after_lead(text: str) -> str | None:
    """What follows "by" in a line that begins with a date or a label before it (see above), or
    after an author's label in a CJK line of fields, or None when the line is neither."""
    match = _LEAD_BEFORE_BY.match(text)
    if not match:
        label = _CJK_AUTHOR_LABEL.search(text) if ("者" in text or "撰" in text or "笔" in text
                                                    or "筆" in text) else None
        return _CJK_NEXT_FIELD.sub("", text[label.end():]) if label and label.start() > 0 else None
    lead = match["lead"].strip(" ,")
    day = text_date(lead)
    if (day and _is_whole_date(lead, day)) or (
            match["mark"] and match["by"] != "by" and _LEAD_LABEL.fullmatch(lead)
            # (not a picture's label: "Photos | By A", "Harbour Video · By A" credit who made them)
            and not PICTURES_CREDIT.match(lead.rsplit(None, 1)[-1] + " by")):
        return text[match.end():]
    return None


def _is_lead_by_line(element) -> bool:
    """The element is a short line that begins with a date or a label before "by" (see
    _LEAD_BEFORE_BY), not in a teaser."""
    text = " ".join(element.text_content().split())
    return (len(text) <= _LEAD_LINE_LENGTH and _after_lead(text) is not None
            and not _TEASER_ITEM(element))


# A mark that sets a byline off before its "By" ("// By A", "— By A").
_LEAD_MARK = re.compile(r"^[/—–|·•\s]+(?=by\b)", re.I)
# What comes before the name in such a line.
_POSTED_BY = re.compile(r"^(?:(?:posted|published|written|filed)\b.{0,40}?\s|submitted\s+|guest\s+post\s+)by\s+", re.I)
_SKIP_TAGS = {"meta", "link", "script", "style", "body", "html", "head", "article", "main"}
_BLOCK_TAGS = {"div", "p", "br", "li", "ul", "time", "section", "header", "footer", "h2", "h3",
               "h4", "h5", "h6", "figure", "figcaption", "button", "img", "svg", "table", "tr"}


_CARD_LINK_EXTRA = 20  # characters a card's link holds beyond the byline, at least


def _in_card_link(element) -> bool:
    """The byline is inside a link to another page that holds more than it (by a headline's
    length): a card for another story whose whole box is one link ("<a href=/other><div>Its
    headline</div><div>by B</div></a>"), as a "More from" row sets its cards. A link to the
    writer's own page is the byline's: an author's, a people's or a profile's page, an
    account's on another site ("https://social.example/annlee", "Follow her for updates"),
    or one whose other text names the writer again (a bio, "Ann Lee covers the port"); so is
    one to the front page, which is no other story."""
    for link in element.iterancestors("a"):
        target = _split_href(link)
        if target is None or not target.path.strip("/") or _DECLARED_AUTHOR_PAGE.search(target.path):
            continue
        whole, byline = _text(link) or "", _text(element) or ""
        if len(whole) <= len(byline) + _CARD_LINK_EXTRA:
            continue
        name = _LABEL_BEFORE_NAME.sub("", byline)
        surname = _unaccented(name.split()[-1]).casefold() if name.split() else ""
        if (target.netloc and len(surname) > 2
                and re.fullmatch(rf"/?@?[^\W\d_]*{re.escape(surname)}[^\W\d_]*/?", _unaccented(target.path).casefold())):
            continue  # (the writer's account on another site: one word under its host, holding her name)
        if len(name.split()) > 1 and name in whole.replace(byline, " ", 1):
            continue  # (the writer named again in the link: a bio beside the byline)
        return True
    return False


# A byline's label before the name ("By", "Par", "Written by").
_LABEL_BEFORE_NAME = re.compile(r"^\s*(?:(?:written|words|story|text|posted|published)\s+)?(?:by|par|por|von|door|av)\b[\s:]*",
                                re.I)


def _bylines(tree: HtmlElement) -> tuple[list[str], list[str], list[str], bool]:
    """The texts of the page's first byline: the first element that says it holds the author,
    and, when they share a short parent, its siblings of the same kind (one per author). Later
    ones belong to related-article teasers, author boxes and comments, not to this article.
    Returned twice: cleared for names, and as written (for the date a byline may carry);
    third, the text of the short block around the byline, where templates set the date beside
    the names; fourth, whether bylines of other stories (teasers, related boxes) were passed
    over on the way."""
    # The article's byline follows its headline; one above it belongs to the page's header
    # or a featured story. With no <h1> (or nothing after it), page order decides.
    headline = _headline_element(tree)
    may_pass = {}  # kind of test (on attributes or not) -> the elements that may pass them
    others = []  # bylines passed over as other stories' (teasers, related boxes)

    def elsewhere(element) -> bool:
        # (A commenter's name field counts as another's byline: trafilatura's author search
        # reads it as the writer's, so it is not asked on such a page.)
        if _COMMENTER_CLASS.search(element.get("class") or "") or _of_another_story(element, headline):
            others.append(element)
            return True
        return False

    def passing_test(number: int) -> tuple[list, list]:
        """The elements that pass the test, after the headline and on the whole page."""
        if number not in passing:
            is_match, kind = _BYLINE_MATCHES[number], number < _ATTRIBUTE_TESTS
            if kind not in may_pass:
                may_pass[kind] = _may_pass_byline_tests(tree, headline, on_attributes=kind)
            # (The headline is among them, to mark where the part after it begins: searching
            # after the headline and then the whole page went over the same elements twice;
            # the tests of each kind share one pass over the page.)
            found = [e for e in may_pass[kind] if e is headline or is_match(e)]
            if headline is None:
                passing[number] = (found, found)  # (the whole page is the part after it)
            else:
                at = next(i for i, e in enumerate(found) if e is headline)
                after = [e for e in found[at + 1:] if not any(a is headline for a in e.iterancestors())]
                if not is_match(headline):
                    del found[at]
                passing[number] = (after, found)
        return passing[number]

    # Each test after the headline, then on the whole page; but the tests on the text are all
    # asked after the headline before any is asked of the whole page: a line before the headline
    # that begins "By" is as often a menu's item ("By Any Other Name", a show's title) as a
    # byline, and a weaker test's line under the headline ("by A") is the story's.
    plan = [(n, where) for n in range(_ATTRIBUTE_TESTS) for where in ("after", "whole")]
    plan += [(n, "after") for n in range(_ATTRIBUTE_TESTS, len(_BYLINE_MATCHES))]
    plan += [(n, "whole") for n in range(_ATTRIBUTE_TESTS, len(_BYLINE_MATCHES) - 1)]
    passing = {}  # test number -> (its elements after the headline, on the whole page)
    for number, where in plan:
        is_match, kind = _BYLINE_MATCHES[number], number < _ATTRIBUTE_TESTS
        after, found = passing_test(number)
        # (A line that begins with a date is the byline only after the headline: before it,
        # it is as often a featured story's or the page header's: see the plan.)
        # (And only before the story's text: after it, such a line is a "Read next" teaser's
        # or a pager's, "March 4, 2024 by B", "Previous | By B".)
        if where == "after" and headline is not None and is_match is _BYLINE_MATCHES[-1]:
            searches = [_before_the_story(tree, headline, after)]
        else:
            searches = [after] if where == "after" else [found]
        for elements in searches:
            # Only the first element that is a line, not a wrapper, is measured: text_content()
            # of every match would cost more than the rest of the signals together.
            # (Nor one in the readers' comments: a commenter's name and date.)
            # (Nor a credit line that a template marks like the byline: "Photo by A",
            # "Reviewed by B" name no writer, and the writer's byline may follow; nor a box
            # that asks to follow accounts, nor a consent notice: see _FOLLOW_BOX and
            # _CONSENT_NOTICE.)
            # (Nor a line found by its text alone in a picture's caption: "By A / Agency" there
            # credits the picture; a caption marked as the author's is a portrait's, and counts,
            # unless its microdata says whose it is: an itemprop="author" in an ImageObject's
            # item is the photographer.)
            # (Measured as shown: a template's indentation inside the line is no text, and a
            # one-line byline indented deep in the markup can hold more white space than words.)
            first = next((e for e in elements if e.tag not in _SKIP_TAGS
                          and _shown_length(e.text_content()) <= 300
                          and not (_IN_COMMENTS(e) and not _in_comment_count_box(tree, headline, e))
                          and not _is_credit_line(e) and not (not kind and _IN_CAPTION(e))
                          and not _is_follow_box(e) and not (not kind and _is_consent_notice(e))
                          and not (not kind and _is_closing_credit(tree, headline, e))
                          and not elsewhere(e)),
                         None)
            if first is not None:
                break
        if first is None:
            continue
        if kind and where == "after" and headline is not None:
            # A reader takes the byline from under the headline: a line there that begins with
            # "By" and a name, before the element a class marks for authors further down, is
            # the story's (that element is then a box of other stories or of the desk's
            # accounts that a template named for authors: "topic-box--author", "team-authors").
            by_line = _reader_by_line(tree, headline, first)
            if by_line is not None:
                first, elements = by_line, passing_test(_ATTRIBUTE_TESTS)[0]
        parent = first.getparent()
        group = [first]
        matched = set(elements)
        listed = parent is not None and _is_list_of_bylines(parent, matched)
        if parent is not None and (listed or len(parent.text_content()) <= 300):
            group = [e for e in parent if e in matched]
        if len(group) == 1:
            group = _shared_byline(first, matched) or group
        found, written = [], []
        for element in group:
            if element is not first and _BIO_PART_CLASS.search(element.get("class") or ""):
                # The writer's description beside the name in an author box ("author-bio",
                # "auteur-desc"): sentences about them, whose books, publishers and
                # co-authors are no writers of this story. (Inside the box, _lines leaves
                # it out.)
                continue
            # An author box may mark several names (one per writer), each a line.
            names = [n.get("content") or _text(n) for n in _ITEM_NAMES(element)]
            if names:
                text = as_written = "\n".join(n for n in names if n)
            else:
                text, as_written = _lines(element, split_fields=True), _lines(element, without_revisions=True)
            if not text and (element.get("content") or "").strip():
                # An empty element that gives its property's value in content= (microdata
                # and RDFa both allow it): '<span itemprop="author" content="A"></span>'.
                text = as_written = element.get("content").strip()
            if not text:
                # A byline shown as the writer's picture alone: the name is its alt text.
                text = as_written = _alt_name(element)
            if text and "\n" in text and ":" in text:
                # A meta line's other fields after the name ("By A | <time> | Topic: <a>Gardening
                # </a>"): a later line set out as "Label: value" under a label that names no writer
                # is the story's topic, section or source, not a second name.
                first_line, *rest = text.split("\n")
                text = "\n".join([first_line] + [line for line in rest if not _OTHER_FIELD_LINE.match(line)])
            if text and _CREDIT_LINE.match(text):
                # A wire story's credit line read as its byline ("Reporting by A; Editing by B
                # and C"): its writers' parts alone, as at the story's end (the editor after
                # "and" is no writer, and "additional reporting by" names one).
                text = "\n".join(_credit_writers(text)) or text
            if listed and text and ("rcid" in text or "rofile" in text):
                # A paper's list of authors sets a button before a name ("View ORCID Profile"):
                # its words are no one's name.
                text = _PROFILE_BUTTON.sub("", text).strip()
            if text and _BY_LABEL.fullmatch(text):
                # "<span>By</span><span>Ada Quill</span>": the label alone in its element,
                # the name in the ones after it.
                # (A definition list's term: its name is the next <dd>, not the terms after it.)
                text = as_written = (_text(element.getnext()) if element.tag == "dt" and element.getnext() is not None
                                     else _following_text(element))
            if as_written:
                written.append(as_written)
            # "By" run into the name when the template sets them in two inline elements (or
            # into a text that says "by" again: "<span>By</span><span>by A and B</span>").
            text = re.sub(r"^By(?=[A-Z]|by\s)", "", _POSTED_BY.sub("", _LEAD_MARK.sub("", text))) if text else text
            # The date or label before "by" on the line: "March 5, 2024 by A".
            text = _after_lead(text) or text if text else text
            # "By Ines Varga 3 hours ago": the stamp after the name is no part of it.
            text = _RELATIVE_TAIL.sub("", text).strip() if text else text
            if text and text not in found:
                found.append(text)
        if found:
            # (Six at most, as a byline shows them; a box that is a list of bylines and nothing
            # else, a paper's long list of authors, is kept whole.)
            most = _LISTED_BYLINES if listed else 6
            return _without_bio_sentences(found)[:most], written[:most], _byline_block(first), bool(others)
    # No byline of this story: say whether teasers' bylines were passed over (trafilatura's
    # search would read theirs). (Asked only here: most pages have a byline.)
    teasers = any(e is not headline and next(e.iterancestors("li"), None) is not None and _TEASER_BYLINE(e)
                  for elements in may_pass.values() for e in elements)
    return [], [], [], bool(others) or teasers


_SENTENCE_WORDS = 10  # words of a byline element's text at least, to be a sentence
_SENTENCE_SMALL_WORDS = 4  # and words in small letters in it, at least, not a list's joins
_NAMES_JOINS = frozenset({"and", "und", "et", "y", "e", "by", "von", "par", "por", "door", "de", "van", "der", "la", "le"})


def _without_bio_sentences(texts: list[str]) -> list[str]:
    """The byline's texts less those that are sentences, where a text beside them gives the
    name: an author box marks the writer's name and their bio alike ("author-name", "author-desc":
    "Ann Lee is a reporter. Her novel (Harbour Press) came out with Tom Park in 2011."), and the
    bio's names are its books', publishers' and co-authors', no writers of this story."""
    def sentence(text: str) -> bool:
        words = text.split()
        return (len(words) >= _SENTENCE_WORDS and sum(
            1 for w in words if w[:1].islower() and w.casefold() not in _NAMES_JOINS) >= _SENTENCE_SMALL_WORDS)

    kept = [text for text in texts if not sentence(text)]
    return kept if kept and len(kept) < len(texts) else texts


# The part of an author box that describes the writer, by its class: "author-bio",
# "author__description", "auteur-desc" (a token, or the last part of one after "-" or "_").
_BIO_PART_CLASS = re.compile(r"(?:^|[\s_-])(?:bio|biography|desc|description|about)(?:$|\s)", re.I)


def _in_comment_count_box(tree: HtmlElement, headline, element) -> bool:
    """The element is in a box of the meta line under the headline, before the story's text,
    whose class names the comments' count or stamp ("comments_datetime", "comment-count",
    "comments-bar"): the count of comments beside the byline and the date, not the comments
    (every box around it whose class or id begins "comment" is such a box)."""
    for box in element.iterancestors():
        if box.tag in ("body", "html"):
            break
        if (box.get("id") or "").casefold().startswith("comment"):
            return False
        tokens = [t for t in (box.get("class") or "").split() if t.casefold().startswith("comment")]
        if any(not _COMMENT_COUNT_CLASS.fullmatch(t) for t in tokens):
            return False
    return headline is not None and bool(_before_the_story(tree, headline, [element]))


_COMMENT_COUNT_CLASS = re.compile(r"comments?[-_]?(?:count|counter|number|num|bar|datetime|date|time|meta|info|link)s?",
                                  re.I)


def _is_closing_credit(tree: HtmlElement, headline, element) -> bool:
    """A wire story's credit paragraph past the story's text ("<p>Reporting by A; additional
    reporting by B; Editing by C</p>" at its end): its closing credits, which the reporting
    credits read (after the links to writers' pages and the other lines a reader takes for a
    byline), not the byline a reader finds under the headline."""
    return (element.tag == "p" and headline is not None and bool(_CREDIT_LINE.match(_text(element) or ""))
            and not _before_the_story(tree, headline, [element]))


def _of_another_story(element, headline) -> bool:
    """The byline found is another story's: a teaser's, a related box's, a card's, a picture's
    or a comment's item's, a pull quote's."""
    # (A picture's or a comment's microdata author is another item's byline too: trafilatura's
    # search, which reads itemprop="author" anywhere, would give it.)
    # (With no headline to tell the story's boxes, the page's one <article> is the story's box:
    # a "Trending" bar before it, in the box that holds both, heads no box of other stories.)
    story = _the_one_article(element) if headline is None else None
    return bool(_in_teaser(element, headline) or _in_other_stories(element, headline, story) or _IN_MEDIA_ITEM(element)
                or _in_card_link(element) or _IN_PULL_QUOTE(element))


def _reader_by_line(tree: HtmlElement, headline, marked):
    """The first element after the headline that passes the "By" test (the first of the tests
    on the text), comes before the element `marked` (found by its class) and before the story's
    second paragraph longer than a meta line, is not around `marked`, and names someone after
    its "By"; None if there is none. (A walk from the headline to `marked`, short where the
    marked byline is under the headline, as on most pages: not a search of the whole page.)"""
    around = set(marked.iterancestors())
    is_by_line = _BYLINE_MATCHES[_ATTRIBUTE_TESTS]
    passed, paragraphs = False, 0
    for element in tree.iter(etree.Element):
        if element is headline:
            passed = True
        elif not passed:
            continue
        elif element is marked:
            return None
        elif (element not in around and "B" in (_own_first_text(element) or "").lstrip()[:6]
              and is_by_line(element) and _names_after_by(element, headline)):
            # (A "By" line set right before the marked name is a kicker or a credit above the
            # byline, "By Royal Decree" then "<span class=author-name>Ann Lee</span>": a page
            # gives its byline once, and the name its class marks is the writer's.)
            return None if _marked_name_next(element, marked) else element
        elif element.tag == "p" and len(element.text_content()) > _LEAD_LINE_LENGTH:
            paragraphs += 1
            if paragraphs == 2:
                return None
    return None


def _names_after_by(element, headline) -> bool:
    """The line is short, the story's own (not a credit, a caption, a comment or another
    story's), and a name follows its "By" (in it, or in the element after a "By" alone)."""
    text = _text(element) or ""
    if (len(text) > _LEAD_LINE_LENGTH or _IN_COMMENTS(element) or _IN_CAPTION(element)
            or _is_credit_line(element) or _of_another_story(element, headline)):
        return False
    name = _following_text(element) if _BY_LABEL.fullmatch(text) else _LABEL_BEFORE_NAME.sub("", text)
    # A reader takes it for a byline only if a person's name follows "By", by the tests the
    # text bylines use (names_in): not a kicker's title-case phrase ("By Popular Demand"), not a
    # headline's label ("By Design: The New Terminal"), and not a picture's credit ("By Tom
    # Park, Getty Images", "By Tom Park" set in or right after a picture): those would beat
    # the writer's name that a class marks further down.
    if not name or ":" in name or _PICTURE_CREDIT_WORDS.search(name) or _beside_picture(element):
        return False
    return bool(names_in(name))


# The words after a name that make a "By" line a picture's credit: the agency's or the
# library's, or the word for the picture ("Getty Images", "AP Photo", "Reuters pictures").
_PICTURE_CREDIT_WORDS = re.compile(r"\b(?:photos?|photograph(?:s|y|er)?|pictures?|images?|getty|shutterstock|"
                                   r"istock(?:photo)?|alamy)\b", re.I)
_PICTURE_TAGS = ("img", "picture", "figure", "figcaption", "svg", "video")
_IN_PICTURE = etree.XPath("boolean(ancestor-or-self::figure or ancestor-or-self::figcaption or "
                          "ancestor-or-self::picture)")
# The writer's own portrait beside the byline, told by its class or its address ("avatar",
# "author-photo", "headshot"): the "By" line after it is the byline, not the picture's credit.
_PORTRAIT = re.compile(r"avatar|author|headshot|portrait|profile|byline", re.I)


def _beside_picture(element) -> bool:
    """The line is in a picture's box, or comes right after a picture (its element before it is
    a picture, or a box that shows one and no text), not the writer's portrait: a credit's place."""
    if _IN_PICTURE(element):
        return True
    before = element.getprevious()
    while before is not None and not isinstance(before.tag, str):
        before = before.getprevious()
    if before is None or (before.tail or "").strip():
        return False
    pictures = [before] if before.tag in _PICTURE_TAGS else (
        list(before.iter("img", "picture", "figure")) if not before.text_content().strip() else [])
    return any(not _PORTRAIT.search(f'{p.get("class", "")} {p.get("src", "")}') for p in pictures)


def _marked_name_next(line, marked) -> bool:
    """The element after the line is, or holds, the element a class marks for authors, and
    that names a person."""
    after = line.getnext()
    while after is not None and not isinstance(after.tag, str):
        after = after.getnext()
    if after is None or not (after is marked or any(e is marked for e in after.iterdescendants())):
        return False
    return bool(names_in(_text(marked) or ""))


_LISTED_BYLINES = 40  # names of a list of bylines kept, at most
# A profile button's words before a listed name ("View ORCID Profile", "ORCID iD").
_PROFILE_BUTTON = re.compile(r"\b(?i:view\s+(?:orcid\s+)?profile|orcid(?:\s+(?:id|profile|record))?)(?:\b|(?=[A-Z]))\s*")
# What may stand between the bylines of a list: commas, "and", "&", a semicolon.
_BETWEEN_BYLINES = re.compile(r"[\s,;&]*(?:(?:and|und|et|y)[\s,;&]*)?", re.I)


def _is_list_of_bylines(box, matched: set) -> bool:
    """The box is a list of bylines and nothing else (a paper's authors, "<span class=authors>
    <span class=author>A</span>, <span class=author>B</span>, ...</span>"): children that all
    passed the byline test, several of them, with nothing but commas and "and" between them.
    Such a list is longer than the 300 characters a byline's box holds when it names many
    writers, and each of them is a writer; a longer box with other text in it is the story's."""
    children = list(box.iterchildren(etree.Element))
    if len(children) < 3 or not all(child in matched for child in children):
        return False
    return all(_BETWEEN_BYLINES.fullmatch(text or "") for text in [box.text, *(child.tail for child in children)])


def _before_the_story(tree: HtmlElement, headline, elements: list) -> list:
    """The elements, of those after the headline, that come before the story's second
    paragraph longer than a meta line (the first may be the standfirst): a walk over the page
    from the headline, only for a page with such elements."""
    if not elements:
        return elements
    wanted, kept, passed, paragraphs = set(elements), [], False, 0
    for element in tree.iter():
        if element is headline:
            passed = True
        elif not passed:
            continue
        elif element in wanted:
            kept.append(element)
        elif element.tag == "p" and len(element.text_content()) > _LEAD_LINE_LENGTH:
            paragraphs += 1
            if paragraphs == 2:
                break
    return kept


# A field line under a one-word label that is not a writer's ("Topic: A", "Section: B",
# "Source: C"; "Author:", "Words:", "Reporting:", "Text:" and the like are).
_OTHER_FIELD_LINE = re.compile(r"(?!(?i:by|authors?|writers?|words|reporters?|reporting|text|story|"
                               r"autor|auteur|von|par|por)\s*:)[A-Z][a-z]+\s*:\s")


def _shown_length(text: str) -> int:
    """The length of a text as a browser shows it: each run of white space one space."""
    return len(" ".join(text.split())) if len(text) > 300 else len(text)


_SHARED_BYLINE_LEVELS = 3  # ancestors of a byline that may be the box of a shared byline


def _shared_byline(first, matched: set) -> list | None:
    """The bylines of a shared byline's box, when each writer's is wrapped in an element of its
    own ("<ul><li><a class=author-name>A</a></li><li><a class=author-name>B</a></li></ul>", one
    card a writer): the nearest short ancestor (a box of a byline's length, not the article)
    that holds other elements that passed the same test, those elements in page order (not
    one inside another, nor a picture's credit or caption). None when there is no such box."""
    box = first.getparent()
    for _ in range(_SHARED_BYLINE_LEVELS):
        if box is None or box.tag in _SKIP_TAGS or len(box.text_content()) > 300:
            return None
        members = [e for e in box.iterdescendants() if e in matched]
        members = [e for e in members if not any(a in matched for a in e.iterancestors() if a is not box
                                                  and box in a.iterancestors())]
        members = [e for e in members if e is first or not (_is_credit_line(e) or _IN_CAPTION(e))]
        if len(members) > 1:
            return members
        box = box.getparent()
    return None


_BY_START = re.compile(r"(?:by|par|por|von|door|av)\s", re.I)  # (asked of the text less its white space)


def _by_line(tree: HtmlElement) -> list[str]:
    headline = _headline_element(tree)
    before = headline is not None  # the part of the page before the headline, and the headline
    inside = set(headline.iter()) if headline is not None else set()
    for element in tree.getroottree().iter(etree.Element):
        if before:
            before = element is not headline
            continue
        if element in inside:
            continue
        text = element.text
        if text is None and len(element):
            text = next((child.tail for child in element if child.tail), None)
        if (not text or not _BY_START.match(text.lstrip()[:8]) or element.tag in _SKIP_TAGS or _IN_CAPTION(element)
                or _TEASER_ITEM(element) or _IN_COMMENTS(element) or _in_other_stories(element, headline)):
            continue
        # (For its date: not the text of an inner element marked as the revision's.)
        line = " ".join("".join(_texts_but_revisions(element)).split())
        return [line] if len(line) <= 200 else []
    return []


# rel holds a list of link types, in any case: "author", "author noopener", "nofollow Author".
_REL_TYPE_AUTHOR = ('[contains(concat(" ", normalize-space(translate(@rel, "AUTHOR", "author")), " "), '
                    '" author ")]')
_REL_AUTHOR = _PageSearch(_REL_TYPE_AUTHOR, lambda element: "author" in (element.get("rel") or "").lower(),
                          tags=("a", "link"))
# The name property inside an author's item, in microdata or RDFa (bare, schema.org's or FOAF's).
# hCard's formatted name in a card marked as the author's (hAtom's "author vcard"; Blogger's
# "post-author vcard"), or the card's own element when it is the name ('<a class="author vcard
# fn">').
# ("author" a whole class name: a "book-author vcard", a "reviewed-author vcard" is another
# person's card.)
_HCARD_AUTHOR_NAMES = etree.XPath(
    '//*[contains(concat(" ", normalize-space(@class), " "), " vcard ") and ('
    'contains(concat(" ", normalize-space(@class), " "), " author ") or '
    'contains(concat(" ", normalize-space(@class), " "), " post-author "))]'
    '/descendant-or-self::*[contains(concat(" ", normalize-space(@class), " "), " fn ")]')
# The side column: an <aside>, a box named "sidebar". (Not _in_sidebar's widgets: a blog
# platform sets its posts in a "widget Blog".)
_IN_SIDE_COLUMN = etree.XPath('boolean(ancestor::aside or ancestor::*[contains(@id, "sidebar") or '
                              'contains(concat(" ", normalize-space(@class), " "), " sidebar ")])')
# Readers' responses to a post, named so rather than "comments": their cards are theirs.
_IN_RESPONSES = etree.XPath(
    'boolean(ancestor-or-self::*[not(self::body or self::html) and ('
    'contains(concat(" ", translate(@id, "RESPONSEPLI", "responsepli"), " "), " responses ") or '
    'contains(concat(" ", translate(@id, "RESPONSEPLI", "responsepli"), " "), " replies ") or '
    'contains(concat(" ", normalize-space(@class), " "), " responses ") or '
    'contains(concat(" ", normalize-space(@class), " "), " replies "))])')


def _in_entry_box(card, headline) -> bool:
    """The card is in a box around the headline short of the page's <body>: the entry's, not
    a column beside it. (On a page with no headline found, any.)"""
    if headline is None:
        return True
    boxes = _headline_boxes(headline)
    return any(box in boxes for box in card.iterancestors() if box.tag not in ("body", "html"))
_ITEM_NAMES = etree.XPath('.//*[@itemprop="name" or @property="name" or @property="schema:name" or '
                          '@property="foaf:name"]')
# A credit line for the pictures, or for a reviewer, editor or producer of the piece: a person
# named on it did not write it ("Medically reviewed by", "Fact-checked by", "Edited by").
_IN_CAPTION = etree.XPath("boolean(ancestor-or-self::figcaption)")
# An element whose nearest microdata item around it is a picture, a video or a sound: its
# "author" or "creator" property is that item's (the photographer's), not the article's. So is
# a reader's comment's, marked as a schema.org Comment with no class to say so.
_IN_MEDIA_ITEM = etree.XPath(
    'boolean(ancestor::*[@itemscope][1][contains(@itemtype, "ImageObject") or '
    'contains(@itemtype, "VideoObject") or contains(@itemtype, "MediaObject") or '
    'contains(@itemtype, "AudioObject") or contains(@itemtype, "Photograph") or '
    'contains(@itemtype, "/Comment")])')
_REVIEW_CREDIT = re.compile(r"^\s*(?:(?:medically|expert|legally)\s+)?(?:reviewed|fact[\s-]?checked|checked|"
                            r"edited|produced|translated|compiled|curated)\s+by\b", re.I)


def _is_credit_line(element) -> bool:
    text = _text(element) or ""
    return bool(PICTURES_CREDIT.match(text) or _REVIEW_CREDIT.match(text))


# A box that asks the reader to follow accounts ("Follow @annlee", "Follow us" over
# a list of the desk's names and handles): a social button or the newsletter team's accounts,
# no byline, though templates name its class for authors ("social-authors"). A byline names its
# writer first; a "Follow" button after the name is part of it.
_FOLLOW_BOX = re.compile(r"\s*(?i:follow)\s+(?:(?i:us)(?![a-z])|@)")


def _is_follow_box(element) -> bool:
    return bool(_FOLLOW_BOX.match(element.text_content().lstrip()[:40]))


# A notice that begins with "By" and a verb in its -ing form ("By using this site you agree to
# our cookies policy", "By clicking Subscribe you accept..."): the consent line of a cookie
# banner, a form or the footer, which the text tests read as a "By" line. No writer's name is
# a verb's -ing form after "By".
_CONSENT_NOTICE = re.compile(r"\s*(?i:by)\s+[a-z]+ing\s")


def _is_consent_notice(element) -> bool:
    return bool(_CONSENT_NOTICE.match(element.text_content().lstrip()[:80]))


# What an avatar's alt text says besides the name ("Photo of A", "A's avatar", "A headshot").
_ALT_WORDS = re.compile(r"^\s*(?:(?:a\s+)?(?:photo|picture|image|portrait|headshot)\s+of\s+|avatar\s+(?:of|for)\s+)|"
                        r"(?:['’]s)?\s+(?:avatar|profile\s+(?:picture|photo|image)|headshot|photo|picture|image)\s*$|"
                        r"^\s*(?:avatar|profile\s+(?:picture|photo|image)|headshot)\s*[:|-]?\s*", re.I)


def _alt_name(element) -> str | None:
    """The name on the first picture in the element with alt text, cleared of the words that
    say it is a picture; None for a logo's or an alt text with nothing else in it."""
    alt = next((img.get("alt") for img in element.iter("img") if (img.get("alt") or "").strip()), None)
    if not alt or "logo" in alt.casefold():
        return None
    name = _ALT_WORDS.sub("", alt).strip()
    # (One word of Latin letters is a placeholder's, "User avatar", "Author", or a handle's.)
    return name if name and not re.fullmatch(r"[A-Za-z0-9_.-]+", name) else None


# A link to an author's page: a path segment that names the author pages, then the profile.
# ("/by/", "/byline/" and "/staff/" too; not "/people/" or "/team/", which name topic and sports
# pages.)
_AUTHOR_PAGE = re.compile(r"/(?:authors?|writers?|contributors?|columnists?|journalists?|reporters?|"
                          r"autor(?:en|es)?|auteurs?|autore|autori|by|bylines?|staff)/[^/?#]+", re.I)
_AUTHOR_LINKS = etree.XPath(
    '//a[contains(@href, "/author") or contains(@href, "/writer") or contains(@href, "/contributor")'
    ' or contains(@href, "/columnist") or contains(@href, "/journalist") or contains(@href, "/reporter")'
    ' or contains(@href, "/autor") or contains(@href, "/auteur") or contains(@href, "/by/")'
    ' or contains(@href, "/staff/") or contains(@href, "/profile") or contains(@href, "/byline")'
    ' or contains(@href, "/@") or contains(@href, "author=")]'
    + _NOT_TEASER + " | $headline")
# The words before the name on a link to the writer's page that offers their other stories
# ("More from Ann Lee", "View all posts by Ann Lee", "See all stories by Ann Lee").
_MORE_BY = re.compile(r"^\s*(?:(?:read|see|view|show|more|all|other|posts|stories|articles|columns)\s+)+(?:from|by)\s+",
                      re.I)
# A listing of one writer's stories by a query ("/latest?author=annlee", WordPress's "/?author=7"):
# an author page as much as "/author/annlee" is.
_AUTHOR_QUERY = re.compile(r"(?:^|&)author=[^&]", re.I)


def _split_href(link):
    """A link's target split into its parts, or None for one that is no URL ("http://[x")."""
    try:
        return urlsplit((link.get("href") or "").strip())
    except ValueError:
        return None


# What an address to a front page can look like at all, as urlsplit parts it: a scheme, a host,
# slashes only for its path, then a query or a fragment or nothing ("/", "https://host/",
# "//host", "#top", "javascript:"). A necessary test, not a sufficient one (the query must be
# empty too): one regular expression spares urlsplit the many links with a path, which the
# <title>'s site part (_front_page_title_part) walks on every page. (urlsplit drops tabs and
# line breaks anywhere and control characters before the address: they are let through here.)
_MAY_LINK_FRONT_PAGE = re.compile(r"[\x00-\x20]*(?:[^/?#]*:)?[\t\r\n]*(?:/[\t\r\n]*/[^/?#]*)?[/\t\r\n]*"
                                  r"(?:(?i:index|default)\.(?i:html?|php|aspx?|jsp))?(?:[?#]|$)")
# The front page's own file, as older sites and static generators link it ("/index.html").
_FRONT_PAGE_FILE = re.compile(r"/+(?:index|default)\.(?:html?|php|aspx?|jsp)", re.I)


def _links_front_page(link, page_url: str | None, any_host: bool = False) -> bool:
    """The link goes to the site's own front page ("/", or the page's host with no path): the
    site's title or logo, which names the site, not a writer. (A writer's own site, on another
    host, is a writer's.) With `any_host`, a whole address of any host's front page counts
    where the page names no address of its own to compare it with."""
    href = (link.get("href") or "").strip()
    if not href or not _MAY_LINK_FRONT_PAGE.match(href):
        return False
    target = _split_href(link)
    if target is None or (target.path.strip("/") and not _FRONT_PAGE_FILE.fullmatch(target.path)) or (
            target.query and not _TRACKING_QUERY.fullmatch(target.query)):
        return False
    # rel="home" says so whatever the host: WordPress's and Drupal's site title link is written
    # whole ("https://harborledger.example/"), and a page saved with no canonical address
    # names no host to compare it with. A host written without a scheme ("//harborledger.example",
    # the address on both http and https) is the same host.
    return (not target.netloc or "home" in (link.get("rel") or "").casefold().split()
            or domain_of(f"https://{target.netloc}/") == domain_of(page_url)
            or (any_host and not domain_of(page_url)))


# A query that only tells the site's statistics where a click came from ("/?ref=logo",
# "/?iref=header", "/?utm_source=nav"): the link is still the front page's. (Any other query
# may name a page of its own: "/?p=123" is a post, "/?s=ferry" a search.)
_TRACKING_QUERY = re.compile(r"(?:(?:i?ref|src|source|from|via|utm_\w+|cmp\w*|ito)=[^&]*&?)+", re.I)


# A profile page on the site itself, named by a slug of the writer's name ("/profile/ada-quill",
# "/profiles/ada-quill.html"): a writer's, where the same path on another host (a blog
# platform's, a university's) or with an account's number or one word is anyone's.
_PROFILE_PAGE = re.compile(r"/profiles?/([^/?#]+?)(?:\.html?)?/?$", re.I)


def _is_own_profile(target, page_host: str | None) -> bool:
    match = _PROFILE_PAGE.search(target.path)
    host = target.netloc.casefold().removeprefix("www.")
    return bool(match and _NAME_SLUG.fullmatch(match[1].casefold())
                and (not host or host == page_host))


# An account's page on the site itself, at its root: "/@annlee" (a blogging platform's, a video
# site's); "/@annlee/harbour-notes-4f2a" is one of its posts.
_ACCOUNT_PAGE = re.compile(r"/@([\w.-]{3,30})/?")


def _is_own_account(target, page_host: str | None, name: str | None) -> bool:
    """The link goes to the named person's account page on the site itself, its handle holding
    their family name ("Ann Lee" on "/@annlee" or "/@alee"): the writer's page where the site
    has no author directory. Not another site's account (a channel the story links to), nor
    a handle that does not spell the name (a publication's, a reader's)."""
    match = _ACCOUNT_PAGE.fullmatch(target.path)
    host = target.netloc.casefold().removeprefix("www.")
    words = _SLUG_WORDS.findall(_unaccented(name or "").casefold())
    return bool(match and len(words) >= 2 and len(words[-1]) >= 3 and words[-1] in match[1].casefold()
                and ((not host and not target.scheme) or (page_host and host == page_host)))


# The same tooltip as a blog theme's translations write it (WordPress's "Posts by %s" and "View
# all posts by %s"), in German, French, Spanish, Italian, Dutch and Portuguese: "Alle Beiträge
# von A anzeigen", "Voir tous les articles de A", "Entradas de A", "Articoli di A", "Berichten
# van A", "Ver todos os posts de A". (A tooltip only: as a link's text, "Articles de" and
# "Beiträge von" begin sentences too.)
_POSTS_OF = re.compile(
    r"^\s*(?:(?:zeige|alle|sämtliche)\s+)*(?:beiträge|artikel|einträge)\s+(?:von|des\s+autors)\s+"
    r"|^\s*(?:(?:voir|afficher|tous|les)\s+)*(?:articles|billets|publications)\s+(?:de|par|d['’])\s*"
    r"|^\s*(?:(?:ver|todas|todos|las|los|os)\s+)*(?:entradas|art[ií]culos|publica[cç](?:iones|ões)|posts)\s+(?:de|por)\s+"
    r"|^\s*(?:(?:visualizza|vedi|tutti|gli)\s+)*(?:articoli|post)\s+(?:di|da)\s+"
    r"|^\s*(?:(?:bekijk|toon|alle)\s+)*(?:berichten|artikelen)\s+(?:van|door)\s+", re.I)
_POSTS_OF_TAIL = re.compile(r"\s+(?:anzeigen|ansehen|zeigen|weergeven|bekijken)\s*$", re.I)


def _offers_posts_of_its_name(link) -> bool:
    """The link's tooltip says that it leads to the posts of the name it shows ('<a
    title="View all posts by Ann Lee">Ann Lee</a>', as blog and news themes write it, in
    English or in a translation of the theme: _POSTS_OF)."""
    name, tooltip = _text(link), " ".join((link.get("title") or "").split())
    if not name:
        return False
    if _MORE_BY.match(tooltip):
        return _MORE_BY.sub("", tooltip).casefold() == name.casefold()
    if _POSTS_OF.match(tooltip):
        return _POSTS_OF_TAIL.sub("", _POSTS_OF.sub("", tooltip)).casefold() == name.casefold()
    return False


def _author_links(tree: HtmlElement, url: str | None = None) -> list:
    """The first link to an author page (or a profile page on the site itself) after the
    headline, and the links of the same kind beside it (one per author), whose texts name them.
    Templates that mark no byline still link the writer's name to their page; links before
    the headline belong to the page's header."""
    headline = _headline_element(tree)
    found = _AUTHOR_LINKS(tree, headline=[headline] if headline is not None else [])
    if headline is not None:
        found = found[next(i for i, e in enumerate(found) if e is headline) + 1:]
    page_host = (_address(url) or "").split("/", 1)[0] or None  # (no scheme, no "www.")
    links = [a for a in found if a.tag == "a" and (target := _split_href(a)) is not None
             and (_AUTHOR_PAGE.search(target.path) or _AUTHOR_QUERY.search(target.query)
                  or _is_own_profile(target, page_host)
                  or _is_own_account(target, page_host, _text(a))
                  # (a profile or an account on any host, or where the page names no address
                  # of its own, whose tooltip says it lists the posts of the name it shows)
                  or _offers_posts_of_its_name(a))
             and not _is_licence(a, target.path)
             and _text(a) and not _in_teaser(a, headline)
             and not _IN_COMMENTS(a) and not _in_other_stories(a, headline)]
    if not links:
        return []
    parent = links[0].getparent()
    beside = [a for a in links if a.getparent() is parent]
    if len(beside) == 1:
        # (each writer's link wrapped in an element of its own: "<li><a>A</a></li><li><a>B</a>";
        # each another writer's page, not the same one's again or a page under it, "View author
        # archive", "Writer's feed (RSS)", nor a page of a list, "4")
        shared, targets = [], set()
        for link in _shared_byline(links[0], set(links)) or beside:
            target = _split_href(link).path.rstrip("/")
            if (not any(target == t or target.startswith(t + "/") for t in targets)
                    and not any(ch.isdigit() for ch in _text(link))):
                targets.add(target)
                shared.append(link)
        beside = shared or beside
    return beside[:6]


# A name as a link's text: two to four capitalised words of letters ("Ann Lee", "Ann B. Lee",
# "Ann de Vries" with its particle), no more.
_LINKED_NAME = re.compile(r"[^\W\d_][\w'’.-]*(?:\s+(?:[^\W\d_][\w'’.-]*|d[aeiou]s?|van|von|der|la|le)){1,3}")
# The path segments of pages about a subject, which may be a person's name too: a tag's, a
# topic's, a player's ("/tag/ann-lee/", "/topics/people/ann-lee", "/players/ann-lee").
_SUBJECT_PAGE = re.compile(r"/(?:tags?|topics?|t|themes?|thema|categor(?:y|ies)|sections?|subjects?|keywords?|"
                           r"personalit(?:y|ies)|persons?|people|players?|coach(?:es)?|athletes?|teams?|"
                           r"celebrit(?:y|ies)|stars?|artists?|music|wiki|search|series|shows?)/", re.I)
_SLUG_WORDS = re.compile(r"[^\W\d_]+")
# A page in the site's own directory of people, at its root: "/people/ann-lee", "/person/ann-lee/",
# maybe under the person's number in it ("/people/4812/ann-lee").
_PEOPLE_PAGE = re.compile(r"/(?:people|persons?)/(?:\d+/)?[^/]+/?", re.I)
_PEOPLE_NUMBER = re.compile(r"(?<=/)\d+/")


def _spells(path: str, name: str) -> str | None:
    """How the path is the name's page, if it is: one or two segments, the last the name's
    words in order ("exact": "/ann-lee"), maybe with other words after them ("profile" when one of them is a person's page's word,
    "/writers-desk/ann-lee-profile/", else "more"), or,
    under a short directory of accounts, its letters run together in either order ("joined":
    "/u/leeann"). (A deeper path is a section's page: "/blog/food/meal-plans"; and run
    together at the root, two words are as often an action's: "/signup" for "Sign Up".)"""
    segments = [s for s in path.split("/") if s]
    if not 1 <= len(segments) <= 2:
        return None
    slug = re.sub(r"\.\w{2,5}$", "", segments[-1])
    words = _SLUG_WORDS.findall(_unaccented(name).casefold())
    parts = _SLUG_WORDS.findall(_unaccented(slug).casefold())
    if len(words) < 2 or not parts:
        return None
    if parts[:len(words)] == words:
        return "exact" if len(parts) == len(words) else (
            "profile" if _PROFILE_SLUG_WORDS & set(parts[len(words):]) else "more")
    if (len(segments) == 2 and len(segments[0]) <= 3 and len(parts) == 1
            and parts[0] in ("".join(words), "".join(words[::-1]))):
        return "joined"
    return None


# Words after the name in a slug that say the page is a person's: "/ann-lee-profile-harbor/".
_PROFILE_SLUG_WORDS = frozenset({"profile", "bio", "biography", "author", "writer", "reporter", "journalist",
                                 "columnist", "correspondent", "contributor", "editor", "staff"})


def _unaccented(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _spelled_profile_link(tree: HtmlElement) -> list[str]:
    """The name on the first name-shaped link after the headline, before the story's text,
    when the link's address ends in the name spelled as a slug: a writer's page on a site
    that puts no "/author/" in its path ("/ann-lee-profile-harbor/", "/u/leeann"). Only the
    first such link, and only when it is the first link set as a name under the headline: a
    tag or a person the story is about is linked the same way ("/ann-lee/"), further down or
    on a page whose first linked name is not so spelled. Not a subject's page (tag, topic,
    player: see _SUBJECT_PAGE), nor in a caption or a picture's credit, a teaser, the
    comments, a quotation or a box of other stories."""
    headline = _byline_headline(tree)
    for element in _elements_under_headline(tree, headline):
        if element.tag != "a":
            continue
        name = _text(element)
        if not name or not _LINKED_NAME.fullmatch(name) or not all(
                w[0].isupper() for w in name.split() if w.casefold() not in _NAME_PARTICLES):
            continue
        # (The first link set as a name decides: spelled or not, no later one is read.)
        target = _split_href(element)
        # A site's directory of its people at the root ("/people/ann-lee"): a staff page or a
        # subject's, which the date beside tells apart (below), as for a page with a person's
        # word after the name. (Deeper, "/topics/people/ann-lee", a subject's.)
        people_page = target is not None and bool(_PEOPLE_PAGE.fullmatch(target.path))
        if (target is None or not target.path or (_SUBJECT_PAGE.search(target.path + "/") and not people_page)
                or not _opens_short_line(element, name) or _elsewhere_than_the_story(element, headline)):
            return []
        # A section's, a topic's, a place's or a team's page is linked so too, its address its
        # name and the day beside it ("<a href=/local-sports/>Local Sports</a> | March 5, 2024"):
        # a date beside proves a writer's page only when the address is not the name alone
        # (a person's word after it, or an account's letters run together); a handle does.
        spelled = _spells(_PEOPLE_NUMBER.sub("", target.path, 1) if people_page else target.path, name)
        field = _beside_byline_field(element) if spelled else None
        wanted = ("handle",) if spelled in ("exact", "more") and not people_page else ("handle", "date")
        return [name] if field in wanted else []
    return []


_HANDLE_FIELD = re.compile(r"(?<![\w@])@\w{2,}")
_BYLINE_BOX_LEVELS = 3  # boxes around the link looked at, at most
_BYLINE_BOX_LENGTH = 300  # characters of text in such a box at most


def _beside_byline_field(link) -> str | None:
    """A byline's other field set beside the link, in the short box around it: "handle" for
    the writer's handle ("Ann Lee @annlee", or a link to their account elsewhere), "date" for a
    date ("Ann Lee | March 5, 2024").
    A show's or a section's page linked under the headline ("Tide Watch") has neither: its
    address spells its name as a writer's does."""
    dated = False
    for box in islice(link.iterancestors(), _BYLINE_BOX_LEVELS):
        text = _spaced_text(box)  # (its fields set apart: "<a>Ann Lee</a><a>@annlee</a>")
        if len(text) > _BYLINE_BOX_LENGTH or box.tag in _SKIP_TAGS:
            break
        if _HANDLE_FIELD.search(text) or _links_own_account_elsewhere(box, link):
            return "handle"
        dated = dated or bool(text_date(text))
    return "date" if dated else None


_ACCOUNT_SEGMENT = re.compile(r"@?[\w.]{3,30}")  # (a handle: no hyphen, as a page's slug has)


def _links_own_account_elsewhere(box, link) -> bool:
    """The box links an account on another site than the name's link, whose one segment is a
    handle that holds the linked name's family name ("<a href=https://social.example/alee>
    Social</a>" beside "Ann Lee"): the writer's own account, set beside their name, as a handle
    written out is."""
    words = _SLUG_WORDS.findall(_unaccented(_text(link) or "").casefold())
    if len(words) < 2 or len(words[-1]) < 3:
        return False
    own = _split_href(link)
    for other in box.iter("a"):
        target = _split_href(other) if other is not link else None
        if target is None or not target.netloc or (own is not None and target.netloc == own.netloc):
            continue
        segments = [s for s in target.path.split("/") if s]
        if (len(segments) == 1 and _ACCOUNT_SEGMENT.fullmatch(segments[0])
                and words[-1] in _unaccented(segments[0]).casefold()):
            return True
    return False


_NAME_PARTICLES = {"de", "da", "do", "dos", "das", "di", "du", "van", "von", "der", "la", "le"}

# A writer's line that gives the job after the name ("Ann Lee, AP Harbor Writer", "Ann Lee and
# Tom Park, Staff Reporters"): one or two names of two to four capitalised words, a comma, and
# up to four capitalised words that end in a writer's job. (Not a photographer's, a producer's,
# a host's, nor a picture desk's "Photo Editor", "Video Editor": their lines credit a picture
# or a show.)
_TITLED_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|van|von|der|da|di|del|la|le)){1,3}"
_WRITERS_JOB = re.compile(
    rf"\s*(?:By\s+)?(?P<names>{_TITLED_NAME}(?:\s*(?:,|and|&)\s*{_TITLED_NAME}){{0,2}}),\s+"
    r"(?:(?!(?i:photo|picture|image|video|graphic|design|art\b|illustrat|visual|multimedia))[A-Z][\w&'’.-]*\s+){0,4}"
    r"(?P<job>(?i:writers?|reporters?|correspondents?|columnists?|journalists?|contributors?|editors?))\s*")


def _titled_name_line(tree: HtmlElement) -> list[str]:
    """The names on the first line under the headline, before the story's text, that is
    nothing but the writers and their job ("Ann Lee, AP Harbor Writer"): templates that set
    the byline so mark it with a class only, and no "By". Not in a caption, a teaser, the
    comments, a quotation or a box of other stories."""
    headline = _byline_headline(tree)
    before = ""
    for element, text in _lines_under_headline(tree, headline):
        # (The story's date may close the line, in a <time> or as a field after a mark:
        # "Ann Lee, Harbor Correspondent | May 3, 2025": the writer's line still.)
        text = _without_date_fields(element, text)
        match = _WRITERS_JOB.fullmatch(text)
        first = element[0] if len(element) > 1 else None
        if not match and first is not None and not (element.text or "").strip():
            # The name and the job set as two fields, with no comma ("<span>Ann Lee</span>
            # <span>Harbor Correspondent</span>"): read as the line they show.
            name = " ".join(first.text_content().split())
            if name and text.startswith(name):  # (its fields may touch: "Ann LeeHarbor Writer")
                match = _WRITERS_JOB.fullmatch(f"{name}, {text[len(name):].strip()}")
        # (Not under another credit's label on the line before: "Fact checked by" / "Tom Park,
        # Senior Editor" names a reviewer, "Edited by" an editor.)
        # (A job in the plural after one name is a group's: "Harbor Ledger, Opinion
        # Contributors", "Harbor Ledger, Editorial Board Writers" name the paper's desk.)
        if match and match["job"].endswith("s") and not _MORE_THAN_ONE_NAME.search(match["names"]):
            match = None
        if match and not _elsewhere_than_the_story(element, headline) and not _OTHER_CREDIT_LABEL.search(before):
            return [match["names"]]
        before = text
    return []


# A line of a name and a handle ("Ann Lee @annlee", "Ann Lee · @ann_lee"), the date after at most.
_NAME_AND_HANDLE = re.compile(rf"\s*(?:By\s+)?(?!(?i:follow|contact|e-?mail|message|subscribe|share|tweet|dm|"
                              rf"reply|thanks)\b)(?P<name>{_TITLED_NAME})[\s,|·•—–-]*@(?P<handle>\w{{3,30}})\s*")


def _handle_signed_line(tree: HtmlElement) -> list[str]:
    """The name on the first line under the headline, before the story's text, that is a
    name and a handle spelled from it ("Ann Lee<br>@annlee", "Ann Lee @alee"): a writer's line
    where no class, "By" or link marks it. The handle must hold the family name (three
    letters or more): a name beside the site's handle ("Ann Lee @harborledger") is a share
    line's or a quoted person's. Not in a caption, a teaser, the comments, a quotation or a
    box of other stories."""
    headline = _byline_headline(tree)
    for element, text in _lines_under_headline(tree, headline):
        if "@" not in text:
            continue
        match = _NAME_AND_HANDLE.fullmatch(_without_date_fields(element, _spaced_text(element)))
        if not match or element.tag == "blockquote" or _elsewhere_than_the_story(element, headline):
            continue
        family = _unaccented(match["name"].split()[-1]).casefold()
        if len(family) >= 3 and family in match["handle"].casefold():
            return [match["name"]]
    return []


_DATE_FIELD_LENGTH = 40  # characters of a date field at the end of a line, at most


def _without_date_fields(element, text: str) -> str:
    """The line's text less the dates that close it: its <time> elements' text, and fields
    after a mark ("|", "·", "•") that are dates ("Ann Lee, Harbor Writer | May 3, 2025")."""
    if element.find(".//time") is not None:
        text = " ".join("".join(t for t in _texts_outside(element, "time")).split())
    fields = _META_FIELD_SEPARATOR.split(text)
    while len(fields) > 1 and len(fields[-1]) <= _DATE_FIELD_LENGTH and text_date(fields[-1]):
        fields.pop()
    return " | ".join(fields).strip(" |·•—–-,") if len(fields) > 1 else fields[0].strip(" |·•—–-,")


def _texts_outside(element, tag: str):
    """The element's text, in order, less that of its descendants of the tag (their tails
    are kept)."""
    if element.text:
        yield element.text
    for child in element:
        if child.tag != tag and isinstance(child.tag, str):
            yield from _texts_outside(child, tag)
        if child.tail:
            yield child.tail


# A line that labels the next one as another credit than the writer's ("Fact checked by",
# "Medically reviewed by:", "Edited by"): a word before "by", and nothing after it.
# ("Written by", "Words by", "Posted by" label the writer's own line.)
_OTHER_CREDIT_LABEL = re.compile(r"(?i)(?<![^\W\d_])(?!(?:written|words|story|text|reporting|reported|posted|"
                                 r"published|analysis|opinion|commentary)\s)[^\W\d_]{3,}\s+by\s*:?\s*$")


_NAMES_ONLY = re.compile(rf"\s*(?:By\s+)?(?P<names>{_TITLED_NAME}(?:\s*(?:,|and|&)\s*{_TITLED_NAME}){{0,2}})[\s,|·•—–-]*")


_MORE_THAN_ONE_NAME = re.compile(r",|\band\b|&")


def _outlet_marked_line(tree: HtmlElement, site_keys: set[str] = frozenset()) -> list[str]:
    """The names on the first line under the headline, before the story's text, that is
    nothing but one to three names and a part marked as the outlet ("<span>Ann Lee and Tom
    Park</span><span class="publication">Harbor Ledger</span>"): the part's class says the line
    is a byline's, whose other part is its writers. Or a part that is wholly the site's name as
    the page declares it to machines (`site_keys`: og:site_name, the JSON-LD publisher), where
    no class names it (a build's hashes, or none): "<span>Ann Lee</span><span>Harbor
    Ledger</span>", when the text's byline test reads every name before it as a person's (with
    no class, a section's name sits so too: "<span>Local Sports</span><span>Harbor
    Ledger</span>"). Not in a caption, a teaser, the comments, a quotation or a box of other
    stories."""
    headline = _byline_headline(tree)
    for element, text in _lines_under_headline(tree, headline):
        outlet = next((child for child in element if _is_outlet_part(child)), None)
        named_by_text = outlet is None and bool(site_keys)
        if named_by_text:
            outlet = next((child for child in element if _is_site_name_part(child, site_keys)), None)
        if outlet is None:
            # The outlet on a line of its own after the names', the story's date beside it
            # ("<div>Ann Lee</div><div><span class=provider>Harbor Wire</span> <time>"): a
            # syndicated story's credit, the line that opens with the outlet's part.
            outlet = next((child for child in element if len(child) and _is_outlet_part(child[0])
                           and not (child.text or "").strip()), None)
        if outlet is None or _elsewhere_than_the_story(element, headline):
            continue
        # (A part before the outlet marked as a place, a section or a topic is a dateline's or
        # a kicker's: "<span class=location>Harbor City</span><span class=source>Ledger</span>".)
        if any(_NOT_A_WRITERS_PART.search(f"{part.get('class', '')} {part.get('id', '')}")
               for part in chain.from_iterable(child.iter(etree.Element) for child in element.iterchildren(etree.Element)
                                               if child is not outlet)):
            continue
        before = _text_before(element, outlet)
        match = _NAMES_ONLY.fullmatch(" ".join(before.split()))
        if match and named_by_text and (len(names_in(match["names"])) != len(split_people(match["names"])[0])
                                        or not _byline_shaped(element, before, match["names"])):
            continue
        if match:
            return [match["names"]]
    return []


_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _byline_shaped(element, before: str, names: str) -> bool:
    """A line of names beside the site's name, no class marking either, is shaped as a byline
    by more than the two parts (a place or a section with a name's shape sits so beside it:
    "<span>Grant Park</span> <span>Harbor Ledger</span>"): a "By", more than one name, a mark
    between the names and the site's name ("Ann Lee | Harbor Ledger", "Ann Lee, Harbor
    Ledger"), or the story's date on the line or on the next."""
    after = element.getnext()
    dated = _YEAR.search(" ".join([_text(element) or "", _text(after) or "" if after is not None else ""]))
    return bool(re.match(r"\s*by\s", before, re.I) or _MORE_THAN_ONE_NAME.search(names)
                or re.search(r"[,|/·•—–-]\s*$", before) or dated)


# The class of a name's parts, as a paper's list of authors marks them (JATS's "given-names"
# and "surname", hCard's "given-name" and "family-name"): a token, or a part of one after "-".
_GIVEN_NAME_CLASS = re.compile(r"(?:^|[\s_-])given[-_]?names?(?!\S)", re.I)
_SURNAME_CLASS = re.compile(r"(?:^|[\s_-])(?:surname|family[-_]?name)(?!\S)", re.I)


def _name_part_list(tree: HtmlElement) -> list[str]:
    """The people of the first list under the headline, before the story's text, whose
    names are marked by their parts ("<span class=given-names>Ann</span> <span
    class=surname>Lee</span>, <span ...>"): a paper's authors. The list is the nearest box
    around the first given name that holds another (or, for one author, its surname), each
    name its parts in the order shown, however the template wraps them (a box, a link, a list
    item each). The marks name a person's name, not a writer, so only there (not in a
    caption, a teaser, the comments, a quotation or a box of other stories), and only the
    first such list decides."""
    headline = _byline_headline(tree)
    for element in _elements_under_headline(tree, headline):
        if not _GIVEN_NAME_CLASS.search(element.get("class") or ""):
            continue
        listing = next((box for box in islice(element.iterancestors(), _NAME_LIST_LEVELS)
                        if len(_marked_name_parts(box, _GIVEN_NAME_CLASS)) > 1), None)
        if listing is None:
            listing = next((box for box in islice(element.iterancestors(), _NAME_LIST_LEVELS)
                            if _marked_name_parts(box, _SURNAME_CLASS)), None)
        if listing is None or _elsewhere_than_the_story(listing, headline):
            return []
        names, given, surname = [], None, None
        for part in listing.iter(etree.Element):
            marks = part.get("class") or ""
            if _GIVEN_NAME_CLASS.search(marks):
                given = _text(part)
            elif _SURNAME_CLASS.search(marks):
                surname = _text(part)
                first = given is None  # (the surname shown first: "Zhao Jun")
            if given and surname:
                names.append(f"{surname} {given}" if first else f"{given} {surname}")
                given = surname = None
        return names[:_LISTED_BYLINES]
    return []


# A CJK name set alone as a field: three or four Han characters (two are as often a section's
# name, "科技", as a person's).
_HAN_FIELD_NAME = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]{3,4}")
_LINE_TEXTS = etree.XPath("descendant::text()[normalize-space(.) and not(ancestor::script or ancestor::style)]")


def _name_and_date_line(tree: HtmlElement) -> list[str]:
    """The name on the first line under the headline, before the story's text, that is a
    person's name and a date and nothing else but pictures and marks, each field in an element
    of its own ("<img src=avatar.jpg><span>Ann Lee</span><span>2024-03-05</span>", "<span>Ann
    Lee</span> · <time>March 5</time>"): a byline with no "By" and no class that says so. Not
    two fields of one text ("March 5, 2024 • Climate Change" names a category as often), a
    linked name (a section's or a topic's page: "<a>Climate Change</a> · March 5"), a name in
    capitals (a dateline's place: "<b>HARBOR CITY</b> — March 5"), a part marked as a place, a
    section or a topic, nor in a caption, a teaser, the comments, a quotation or a box of other
    stories."""
    headline = _byline_headline(tree)
    for element, _ in _lines_under_headline(tree, headline):
        # (A mark between the fields is no field: "<span>Ann Lee</span> · <time>".)
        fields = [(node, field) for node in _LINE_TEXTS(element) if _LETTER.search(field := " ".join(node.split()))]
        if len(fields) != 2:
            continue
        names = [(node, field) for node, field in fields if _is_field_name(field)]
        dates = [field for _, field in fields if len(field) <= _DATE_FIELD_LENGTH and text_date(field)]
        if len(names) != 1 or len(dates) != 1 or names[0][1] == dates[0]:
            continue
        node, name = names[0]
        owner = node.getparent().getparent() if node.is_tail else node.getparent()
        path = [owner, *owner.iterancestors()]
        path = path[:path.index(element) + 1] if element in path else path[:1]
        if any(part.tag == "a" or _NOT_A_WRITERS_PART.search(f"{part.get('class', '')} {part.get('id', '')}")
               for part in path) or _elsewhere_than_the_story(element, headline):
            continue
        return [name]
    return []


def _is_field_name(text: str) -> bool:
    """The field is one person's name, in Latin letters not all capitals, or in Han characters."""
    return bool(_HAN_FIELD_NAME.fullmatch(text)) or (not text.isupper() and _is_lone_field_name(text))


_NAME_LIST_LEVELS = 4  # boxes around a given name looked at for its list, at most


def _marked_name_parts(box, mark: re.Pattern) -> list:
    return [e for e in box.iter(etree.Element) if mark.search(e.get("class") or "")]


# (Not "label": a byline's "By" is often so marked, "<span class=label>By</span>".)
_NOT_A_WRITERS_PART = re.compile(r"locat|dateline|(?<![a-z])city|section|categor|kicker|(?<![a-z])tags?(?![a-z])|topic|rubri", re.I)


def _elsewhere_than_the_story(element, headline) -> bool:
    """In a caption or a picture's credit, a teaser, the comments, a quotation or a box of
    other stories."""
    return bool(_IN_CAPTION(element) or _in_picture_credit(element) or _TEASER_ITEM(element)
                or _IN_COMMENTS(element) or _IN_QUOTE(element) or _in_other_stories(element, headline))


# Class words of a picture's box or its credit line: a lead picture's credit under the headline
# sets the photographer and the outlet as a byline does ("<div class="image-credit"><span>Ann
# Lee</span><span class="organization">Harbor Ledger</span></div>").
_PICTURE_BOX = re.compile(r"credit|caption|photo|image|picture|gallery|slideshow|figure", re.I)
_PICTURE_BOX_LEVELS = 3


def _in_picture_credit(element) -> bool:
    """The element is in a <figure>, or it or one of its nearest boxes is named for a picture
    or a credit."""
    for box in chain([element], islice(element.iterancestors(), _PICTURE_BOX_LEVELS)):
        if box.tag == "figure" or _PICTURE_BOX.search(f"{box.get('class', '')} {box.get('id', '')}"):
            return True
    return False


def _elements_under_headline(tree: HtmlElement, headline):
    """The elements after the headline (not inside it), page order: the first
    _FIELD_LINE_ELEMENTS at most, and only before the story's text (its second paragraph
    longer than a field line: the first may be the standfirst), as what follows is the text's
    own, a caption's or another story's. The one walk of the byline rules that read the
    place under the headline (the short lines, the spelled profile link)."""
    if headline is None:
        return
    inside = set(headline.iter())
    after = False
    seen = paragraphs = 0
    for element in tree.getroottree().iter(etree.Element):
        if not after:
            after = element is headline
            continue
        if element in inside or element.tag in _SKIP_TAGS:
            continue
        seen += 1
        if seen > _FIELD_LINE_ELEMENTS:
            return
        if element.tag == "p" and len(_text(element) or "") > _FIELD_LINE_LENGTH:
            paragraphs += 1
            if paragraphs == 2:
                return  # the story's text has begun (the first may be the standfirst)
        yield element


def _lines_under_headline(tree: HtmlElement, headline):
    """(element, its text) of the short lines under the headline (see
    _elements_under_headline), each read at the innermost element that holds all of it."""
    for element in _elements_under_headline(tree, headline):
        text = " ".join(element.text_content().split())
        if len(text) > _FIELD_LINE_LENGTH or not text or any(
                len(" ".join(child.text_content().split())) == len(text) for child in element):
            continue  # (a line is read at the innermost element that holds all of it)
        yield element, text
# The label of a credit line that opens a story's text: "Written by:", "Words by", "By:".
_QUOTING = ("blockquote", "q", "figure", "figcaption")


def _short_texts(elements, most: int) -> dict:
    """Of the elements, those whose text, its spaces folded, is `most` characters or fewer,
    each with that text, in their order. An element around a longer one is longer, and its
    text is not read: a page's outer <div>s hold all of its text, which text_content() read
    again for each (0.86 of the corpora pages' 6 CPU s of signals went so)."""
    elements = list(elements)
    longer = set()  # every element known to hold more than `most` characters
    short = {}
    for element in reversed(elements):  # (each after every element inside it)
        if element in longer:
            continue
        text = " ".join(element.text_content().split())
        if len(text) <= most:
            short[element] = text
            continue
        for outer in chain((element,), element.iterancestors()):
            if outer in longer:
                break
            longer.add(outer)
    return {element: short[element] for element in elements if element in short}


def _is_opening_credit(element, text: str) -> bool:
    """The line is a credit's label and names, nothing more, and it is a label by its colon
    ("Written by: A") or by a link on the name ("Words by <a>A</a>"): not a sentence of the
    story that says who wrote a song ("Written by Paul and John"), nor one in a quote or a
    caption, which speak of someone else's work."""
    label = _OPENING_CREDIT.match(text)
    if not label or not _NAMES_ONLY.fullmatch(text[label.end():]):
        return False
    if any(True for _ in element.iterancestors(*_QUOTING)) or any(True for _ in element.iter(*_QUOTING)):
        return False
    rest = _key(text[label.end():])
    return ":" in label[0] or any((name := _key(a.text_content())) and name in rest for a in element.iter("a"))


# A sign-off's dash and "By": "-- By A" (a typewriter's dash, one hyphen or two), "— By A".
_SIGN_OFF = re.compile(r"(?:-{1,2}|[—–])\s*by\s+(?=\S)", re.I)
_SIGN_OFF_DASHES = {"-", "—", "–"}


def _is_follow_link(element) -> bool:
    """A follow button's link ("Follow @annlee"), or a script (its widget's), in a line."""
    return element.tag in ("script", "style") or element.tag == "a" and bool(_FOLLOW_LINK.match(element.text_content()))


_FOLLOW_LINK = re.compile(r"\s*follow\b", re.I)
_OPENING_CREDIT = re.compile(r"(?:(?:written|words|story|text|article)\s+by|by\s*:)\s*:?\s*(?=\S)", re.I)
_INLINE_TAGS = {"span", "strong", "em", "b", "i", "small", "font"}
_SHORT_LINE = 100  # characters of text in a writer's line at most
_BY_BEFORE = re.compile(r"^[\W_]*(?:(?:by|par|por|von|door|av)\b[\W_]*)?$", re.I)


def _opens_short_line(link, name: str) -> bool:
    """The link opens a short line of its own (after "By" or a mark at most): a writer's line
    ("Ann Lee @annlee", "By Ann Lee"), not a sentence that names a person ("The mayor, Ann
    Lee, said"), a credit ("Photo: Ann Lee") or a list's label ("Editor's picks: Ann Lee")."""
    line = next((box for box in link.iterancestors() if box.tag not in _INLINE_TAGS), None)
    text = _text(line) if line is not None else None
    if not text or len(text) > _SHORT_LINE:
        return False
    start = text.find(name)
    return start >= 0 and bool(_BY_BEFORE.match(text[:start]))


# The class of a box about the article's writer: "author-bio", "author_box", "authorbox",
# "about-the-author", "post-author-info", "bio-box" (a token, or a part of one after "-" or "_").
_AUTHOR_BOX_CLASS = re.compile(r"(?:^|[\s_-])(?:about[-_]?(?:the[-_]?)?author|author[-_]?(?:bio|box|info|details|card|"
                               r"profile|about|description)|bio[-_]?box)(?:$|[\s_-])", re.I)
_MAY_BE_AUTHOR_BOX = ("uthor", "bio", "Bio")  # (pieces of its class, tested first: see _classed)
# Where such a box sets the name: an element whose class says it is the name, a link to the
# writer's page, a heading or bold text (with a label: "About A", "Written by A"; without one, only
# when the bio below uses the name: a box's heading may be "Recent posts"), the bio's subject ("A
# is a reporter ...", "A covers ..."), the picture's alt text.
_BOX_NAMED_PARTS = etree.XPath('.//*[contains(@class, "name") or contains(@class, "Name")]')
_BOX_HEADINGS = etree.XPath('.//*[self::h2 or self::h3 or self::h4 or self::h5 or self::h6 or self::strong or self::b]')
# (the label "About" in Portuguese and Spanish, German, French and Italian too)
_BOX_LABEL = re.compile(r"^\s*(?:about\s+(?:the\s+)?(?:author|writer)\s*:?|about|written\s+by|posted\s+by|published\s+by|by|"
                        r"more\s+(?:from|by)|sobre|acerca\s+de|über|à\s+propos\s+de|a\s+proposito\s+di)\s*:?\s+",
                        re.I)
_BIO_SUBJECT = re.compile(r"^\s*([A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3})\s+(?:is|was|has|writes|covers|joined)\b")


def _author_box_names(tree: HtmlElement) -> list[str]:
    """The name in each box about a writer (up to three, for a shared byline), not one in the
    comments, the page's header or a box of other stories. A part counts when it is a name and
    nothing more (split_people reads it as one person, whole)."""
    headline = _headline_element(tree)
    names, boxes = [], []
    for box, marks in _classed(tree, _MAY_BE_AUTHOR_BOX):
        if (not _AUTHOR_BOX_CLASS.search(marks) or any(b in boxes for b in box.iterancestors())
                or _IN_COMMENTS(box) or _in_page_header(box, headline) or _in_other_stories(box, headline)):
            continue
        boxes.append(box)
        name = _box_name(box)
        if name and name not in names:
            names.append(name)
        if len(boxes) == 3:
            break
    return names or _headed_author_box_names(tree, headline) or _named_bio_box(tree, headline)


# A heading that says, and only says, that a box about the writer follows: "About the author",
# "About the writer", "Sobre el autor", "Über den Autor", "À propos de l'auteur".
_ABOUT_AUTHOR_HEADING = re.compile(
    r"\s*(?:about\s+the\s+(?:author|writer)s?|sobre\s+(?:el|la)\s+autora?|(?:über|uber)\s+(?:den|die)\s+"
    r"autor(?:in)?|à\s+propos\s+de\s+l['’]auteure?|a\s+proposito\s+dell['’]autore)\s*:?\s*", re.I)
_HEADINGS = _PageSearch(tags=("h2", "h3", "h4", "h5", "h6"))
# A box's heading "About" and a name ("About Jane Doe", "Über Lotte Brandt", "Sobre Ana García").
_ABOUT_NAMED = re.compile(r"\s*(?:about|über|uber|sobre|à\s+propos\s+de)\s+([^\W\d_][\w'’.-]*(?:\s+[^\W\d_][\w'’.-]*){1,3})\s*:?\s*",
                          re.I)


def _headed_author_box_names(tree: HtmlElement, headline) -> list[str]:
    """The writer named in a box whose heading says "About the author", for pages whose
    classes are machine-made hashes that name nothing: the first link (or, with none, bold
    text) in the heading's box whose text is one person's name, whole, or with neither, the
    name the bio under the heading opens with ("Ann Lee is a ..."). Not a box in the
    comments, the page's header or among other stories."""
    names = []
    for heading in _HEADINGS(tree):
        heading_text = _spaced_text(heading)
        about = _ABOUT_AUTHOR_HEADING.fullmatch(heading_text)
        about_named = None if about else _ABOUT_NAMED.fullmatch(heading_text)
        if not (about or about_named):
            continue
        box = heading.getparent()
        if box is None or _IN_COMMENTS(heading) or _in_page_header(box, headline) or _in_other_stories(box, headline):
            continue
        # (the box's text under the heading)
        opening = " ".join(_spaced_text(box).split()).partition(" ".join(heading_text.split()))[2]
        if about_named is not None:
            # "About Jane Doe" over a bio that opens with the same name ("Jane Doe covers the
            # port ..."): the box names its writer in its heading.
            subject = _BIO_SUBJECT.match(opening.lstrip(" :"))
            people = split_people(about_named[1])[0]
            if (subject and len(people) == 1 and person_key(people[0]) == person_key(about_named[1])
                    == person_key(subject[1]) and people[0] not in names):
                names.append(people[0])
            continue
        # (The name opens the box's text under the heading: a link further on is one the bio
        # mentions - its editor, the site, a topic - or another part of a wider box.)
        opening = opening.lstrip(" :")
        for part in chain(box.iter("a"), box.iter("strong", "b")):
            shown = " ".join(_spaced_text(part).split())
            if not shown or not opening.startswith(shown):
                continue
            text = " ".join(re.sub(r"(?<!\w)@\w+", " ", shown).split())
            people = split_people(text)[0] if text and len(text) <= 60 else []
            if len(people) == 1 and person_key(people[0]) == person_key(text):
                if people[0] not in names:
                    names.append(people[0])
                break
        else:
            # No name set apart: the bio's subject, which opens it ("Ann Lee is a reporter ...").
            subject = _BIO_SUBJECT.match(opening)
            people = split_people(subject[1])[0] if subject else []
            if len(people) == 1 and person_key(people[0]) == person_key(subject[1]) and people[0] not in names:
                names.append(people[0])
        if len(names) == 3:
            break
    return names


def _spaced_text(element) -> str:
    """An element's text with a space between its parts: a box sets the writer's handle in its
    own element against the name ("<span>A</span><span>@a</span>")."""
    return " ".join(" ".join(element.itertext()).split())


def _box_name(box) -> str | None:
    bio = " ".join(_text(p) or "" for p in box.iter("p"))
    bio_words = set(re.findall(r"[^\W\d_]+", bio))
    subject = _BIO_SUBJECT.match(bio)

    def candidates():
        yield from map(_spaced_text, _BOX_NAMED_PARTS(box))
        yield from (_spaced_text(a) for a in box.iter("a")
                    if (target := _split_href(a)) is not None and _AUTHOR_PAGE.search(target.path))
        for heading in _BOX_HEADINGS(box):
            text = _spaced_text(heading)
            label = _BOX_LABEL.match(text)
            words = text.split()
            if label or (len(words) > 1 and (words[0] in bio_words or words[-1] in bio_words)
                         and heading.getparent().tag != "p"):
                yield text
        yield subject.group(1) if subject else None
        yield _alt_name(box)

    for part in candidates():
        # (less the writer's handle: "A @a" is the name A, whole)
        part = " ".join(re.sub(r"(?<!\w)@\w+", " ", _BOX_LABEL.sub("", part or "")).split())
        if not part or len(part) > 60:
            continue
        people = split_people(part)[0]
        if len(people) == 1 and person_key(people[0]) == person_key(part):
            return people[0]
    return None


# A closing note about the writers: their names (two to four capitalised words each, joined by
# commas or "and") before "is a", "are the", and, in the same sentence, a word for a writer's or
# an expert's job. Without that word, "X is a ..." may be a company's boilerplate.
_NOTE_NAME = r"[A-Z][\w'’.-]+(?:\s+(?:[A-Z][\w'’.-]+|de|van|von|der|da|di|del|la|le)){1,3}"
_TAGLINE = re.compile(rf"^\s*({_NOTE_NAME}(?:(?:\s*,\s*|\s+and\s+|,\s+and\s+){_NOTE_NAME})*)\s+(?:is\s+(?:a|an|the)\s+|"
                      rf"are\s+(?:the\s+)?)[^.]{{0,120}}?\b(?:writer|reporter|journalist|correspondent|editor|columnist|"
                      rf"contributor|author|freelance|professor|lecturer|fellow|researcher|economist|analyst|"
                      rf"scientist|historian|novelist|poet|critic|producer)s?\b")
_TAGLINE_PARAGRAPHS = 6  # the last paragraphs of the page that may be the note


def _tagline_authors(tree: HtmlElement) -> list[str]:
    """The names of the first note among the page's last paragraphs set wholly in italics (an
    <em> or <i> that holds all its text), not in the comments or a box of other stories."""
    headline = _headline_element(tree)
    paragraphs = [p for p in tree.iter("p") if len(p.text_content()) <= 400][-_TAGLINE_PARAGRAPHS:]
    for paragraph in paragraphs:
        text = _text(paragraph)
        italic = next((e for e in paragraph if e.tag in ("em", "i")), None)
        if (not text or italic is None or _text(italic) != text or _IN_COMMENTS(paragraph)
                or _in_other_stories(paragraph, headline)):
            continue
        match = _TAGLINE.match(text)
        if match:
            return [match.group(1)]
    return []


# A bio that calls its subject "the author" in place of the name, after the name set on its own:
# "<strong>A</strong><p>The author is a science writer in Lisbon.</p>", in English, German,
# French, Spanish and Italian.
_AUTHOR_IS = re.compile(r"\s*(?:the\s+(?:author|writer)|der\s+autor|die\s+autorin|l['’]auteure?|el\s+autor|la\s+autora|"
                        r"l['’]autore|l['’]autrice)\s+(?:is|ist|est|es|è)\s", re.I)
_NAME_HEADINGS = _PageSearch(tags=("h2", "h3", "h4", "h5", "h6", "strong", "b"))
# The story's paragraphs before and after an element (longer than a field's line; asked only of
# the rare element that passes the other tests).
_STORY_PARAGRAPHS_BEFORE = etree.XPath("count(preceding::p[string-length(normalize-space()) > 120])")
_STORY_PARAGRAPHS_AFTER = etree.XPath("count(following::p[string-length(normalize-space()) > 120])")
_HEADING_NAME = re.compile(rf"\s*{_NOTE_NAME}\s*")


def _named_bio_box(tree: HtmlElement, headline) -> list[str]:
    """The writer of a box about them that nothing marks (its classes machine-made hashes, no
    "About the author" heading): a heading or bold line that is one person's name, whole, and
    right after it a bio about that person as a writer ("A is a freelance writer ...", the
    closing note's words, see _TAGLINE) or about "the author" ("The author is ...", "Die Autorin
    ist ..."). Only a page with one such box: a list of people (the speakers of a panel, the
    entries of a list story), each a name and a bio, is the story's subjects. Only after most of
    the story's paragraphs; not a box in the comments, the page's header or among other
    stories."""
    names = set()
    for heading, name, shown in chain(((h, " ".join(_spaced_text(h).split()), None) for h in _NAME_HEADINGS(tree)),
                                      _portraits(tree)):
        if not _HEADING_NAME.fullmatch(name):
            continue
        # (The wrappers that hold the name alone, or the portrait and no text, then what
        # follows them.)
        box = heading
        while (parent := box.getparent()) is not None and " ".join(_spaced_text(parent).split()) == (
                name if shown is None else shown):
            box = parent
        following = box.getnext()
        bio = " ".join(_spaced_text(following).split()) if following is not None else ""
        tagline = _TAGLINE.match(bio)
        if not ((tagline and person_key(tagline.group(1)) == person_key(name)) or _AUTHOR_IS.match(bio)):
            continue
        if _IN_COMMENTS(heading) or _in_page_header(heading, headline) or _in_other_stories(heading, headline):
            continue
        # (After most of the story's text, as a box about its writer is: a story about a
        # writer may open with the subject's name and bio. For a portrait, of the text of the
        # story's own box, the one that holds the headline too: more stories may follow the
        # story on its page.)
        if shown is None and _STORY_PARAGRAPHS_BEFORE(heading) <= _STORY_PARAGRAPHS_AFTER(heading):
            continue
        if shown is not None and not _after_most_of_the_story(heading, headline):
            continue
        people = split_people(name)[0]
        if len(people) == 1 and person_key(people[0]) == person_key(name):
            names.add(people[0])
    return list(names) if len(names) == 1 else []


def _after_most_of_the_story(element, headline) -> bool:
    """More of the story's paragraphs (longer than a field's line) come before the element
    than after it, in the smallest box that holds the headline and the element."""
    if headline is None:
        return False
    headline_boxes = set(headline.iterancestors())
    box = next((b for b in element.iterancestors() if b in headline_boxes), None)
    if box is None:
        return False
    before = after = 0
    seen = False
    for node in box.iter():
        if node is element:
            seen = True
        elif node.tag == "p" and len(" ".join(node.text_content().split())) > 120:
            if seen:
                after += 1
            else:
                before += 1
    return before > after


def _portraits(tree: HtmlElement):
    """(picture, the name its alt text is, "") for each picture named so outside a figure: a
    writer's portrait may stand where the name would, the bio in the box beside it ("<div><img
    alt='Ann Lee'></div><div>Ann Lee is a freelance writer ...</div>"). (A figure's picture is
    the story's, of its subjects, whose caption may say who they are.)"""
    for picture in tree.iter("img"):
        alt = " ".join((picture.get("alt") or "").split())
        if alt and not _IN_FIGURE(picture):
            yield picture, alt, ""


_IN_FIGURE = etree.XPath("boolean(ancestor::figure)")
_DATA_AUTHOR_ATTRIBUTES = ("data-author", "data-authors", "data-author-name", "data-byline")


# A wire story's credit line, and the labels of its credits ("Reporting by", "with reporting
# by", "Editing by"): the names after a reporting or writing label are the writers'.
_CREDIT_LINE = re.compile(r"^\W{0,3}(?:additional\s+)?(?:reporting|writing)\s+by\s", re.I)
_CREDIT_LABEL = re.compile(r"\b((?:additional\s+|with\s+)?(?:reporting|writing|editing|edited|compiled|"
                           r"produced|graphics|photos?|fact-checking|research)\s+by)\b", re.I)
_CREDIT_END = re.compile(r"[\s,;:()]*(?:\b(?:and|with)\b)?[\s,;:().]*$", re.I)


def _reporting_credits(tree: HtmlElement) -> list[str]:
    """The writers' parts of the first two credit lines of the article's paragraphs (not a
    comment's, a quotation's or another story's)."""
    headline = _headline_element(tree)
    credits, lines = [], 0
    for paragraph in tree.iter("p"):
        text = _text(paragraph) or ""
        if (len(text) > 300 or not _CREDIT_LINE.match(text) or _IN_COMMENTS(paragraph)
                or _IN_QUOTE(paragraph) or _in_other_stories(paragraph, headline)):
            continue
        credits += _credit_writers(text)
        lines += 1
        if lines == 2:
            break
    return credits


def _credit_writers(text: str) -> list[str]:
    """The names after a credit line's reporting and writing labels, not after its editing,
    photo or research labels: "Reporting by A; additional reporting by B; Editing by C and D"
    -> "A", "B"."""
    parts = _CREDIT_LABEL.split(text)  # text, label, names, label, names, ...
    return [_CREDIT_END.sub("", names) for label, names in zip(parts[1::2], parts[2::2])
            if re.search(r"reporting|writing", label, re.I)]


# A content licence's address: the attribution licences are filed under "/by/" ("/licenses/by/4.0/"),
# the shape of an author page.
_LICENCE_PATH = re.compile(r"/licen[cs]es?/", re.I)


def _is_licence(link, path: str) -> bool:
    return bool(_LICENCE_PATH.search(path)) or "license" in (link.get("rel") or "").casefold().split()


_BY_LABEL = re.compile(r"\s*(?:(?:(?:written|words|story)\s+)?by|von|par|por|door|av|authors?|autor(?:a|es|en|e|i)?|"
                       r"auteurs?|writers?|words|reporters?)\s*:?\s*", re.I)




def _following_text(element) -> str | None:
    """The text after an element up to the end of its parent, or to a heading after the name
    (see _CardStart), if that is a short line."""
    pieces = [element.tail or ""]

    def walk(node):
        if not isinstance(node.tag, str):
            return
        if node.tag in _CARD_HEADINGS_TAGS and "".join(pieces).strip():
            raise _CardStart
        # (A block is a line of its own: "<ul><li>A B</li><li>C D</li></ul>" lists two names.)
        # (A break in the markup's text is a space: "A, B and\n C" is one line.)
        mark = _BLOCK_BREAK if node.tag in _BLOCK_TAGS else " "
        pieces.append(mark)
        if node.tag not in ("script", "style", "svg", "button"):
            pieces.append(node.text or "")
            for child in node:
                walk(child)
                pieces.append(child.tail or "")
        pieces.append(mark)

    try:
        for sibling in element.itersiblings():
            walk(sibling)
            pieces.append(sibling.tail or "")
    except _CardStart:
        pass
    text = "\n".join(line for line in (" ".join(line.split()) for line in "".join(pieces).split(_BLOCK_BREAK)) if line)
    return text if 0 < len(text) <= 300 else None


_BLOCK_BREAK = "\x00"  # (no text holds it)


def _in_teaser(element, headline) -> bool:
    """The element is in an <article> other than the one that holds the page's headline: a
    teaser for another story (related, popular, next) or a comment, as a list item with a
    heading is. Said only when the headline itself is in an <article>."""
    box = next(element.iterancestors("article"), None)
    if box is None or headline is None or next(headline.iterancestors("article"), None) is None:
        return False
    return not any(a is box for a in headline.iterancestors("article"))


# Class or id words of a box that lists other stories: related, recommended, popular, next.
# (WordPress's "Recent Posts" widget is "widget_recent_entries"; its block, "wp-block-latest-posts".)
_OTHER_STORIES = re.compile(r"related|recommend|popular|trending|most-?read|more-?(?:stories|news|articles|from)|"
                            r"read-?next|up-?next|you-?may|also-?like|outbrain|taboola|"
                            r"(?:recent|latest)[-_]?(?:posts|entries|articles|news|stories)", re.I)
# Class words that name a post's tags and categories (blog themes add one per tag to the post's
# box: "tag-popular", "category-trending"): what they say is the post's subject, not the box's.
_TAXONOMY_CLASS = re.compile(r"(?<!\S)(?:tag|category|categories|topic|section|format)-\S*")
_CARD_HEADINGS = etree.XPath(".//*[self::h2 or self::h3 or self::h4 or self::h5]")
_HOLDS_HEADING = etree.XPath("boolean(.//*[self::h2 or self::h3 or self::h4 or self::h5])")
_CARD_LENGTH = 400  # characters of text in a teaser card at most


def _in_other_stories(element, headline, story=None) -> bool:
    """The element is in a box of the page that is about other stories, not this one: the
    site's navigation, a box named for related, popular or recommended stories, or a teaser
    card (the nearest box around it with a heading has that heading link to another page).
    Boxes that hold the headline are the article's own and end the search, as `story` does
    when given; so do the page's <body> and <html>, whose classes are the template's flags."""
    headline_boxes = set(headline.iterancestors()) if headline is not None else set()
    card_seen = False
    for box in element.iterancestors():
        if box in headline_boxes or box.tag in ("body", "html"):
            return False
        if box is story:
            return False
        marks = _TAXONOMY_CLASS.sub(" ", f"{box.get('class', '')} {box.get('id', '')}")
        if box.tag == "nav" or _OTHER_STORIES.search(marks) or _headed_as_other_stories(box):
            return True
        if not card_seen and len(box.text_content()) > _CARD_LENGTH:
            card_seen = True  # boxes only grow from here: none is a short card
        if not card_seen and _HOLDS_HEADING(box):
            # The first box around the byline that holds a heading is its story's card, if it
            # is short: a teaser (a heading, a byline, a line of text); a long box with linked
            # subheadings is the article itself.
            card_seen = True
            if _links_another_story(box, element, headline):
                return True
        if not card_seen and _is_card_without_heading(box, element):
            return True
        if not card_seen and box.tag == "li" and _is_listed_post(box, element):
            return True
    return False


def _is_listed_post(item, element) -> bool:
    """A list item that opens with a link to a story's page, a headline's words in it (four or
    more), the element after it: a list of posts ("<li><a href=/2024/quay-repairs>Quay repairs
    begin next week</a> <span><time>2 April</time> Par <a rel=author>B</a></span></li>", a
    blog's latest posts under the article), each item's date and writer its own post's."""
    first = next(item.iterchildren(etree.Element), None)
    if first is None or first.tag != "a" or (item.text or "").strip() or first is element or any(
            a is first for a in element.iterancestors()):
        return False
    target = _split_href(first)
    words = _text(first) or ""
    # (Not the post's own meta line set as a list: "<li><a href=OWN-ADDRESS rel=bookmark>Tuesday,
    # March 5, 2024</a> by <a rel=author>A</a></li>", its permalink on its date, or on its headline.)
    return (target is not None and _is_story_address(target) and not _AUTHOR_PAGE.search(target.path)
            and len(words.split()) >= _CARD_HEADLINE_WORDS
            and not (len(words) <= _DATE_FIELD_LENGTH and text_date(words))
            and not _is_own_address(item, target))


def _is_own_address(element, target) -> bool:
    """The link's target is the page's own address, its canonical or og:url (a path compared,
    on the page's host or none)."""
    return any(target.path.rstrip("/") == own.path.rstrip("/") and target.netloc in ("", own.netloc)
               for own in _own_addresses(element.getroottree().getroot()))


@lru_cache(maxsize=1)
def _own_addresses(root) -> tuple:
    """The page's canonical and og:url addresses that name a page, not the front (read once a
    page: asked for each listed post's item, a walk of the whole page each time)."""
    page = root.getroottree()
    owns = [_split_href(link) for link in page.iter("link") if link.get("rel") == "canonical"]
    owns += [_split_href({"href": meta.get("content")}) for meta in page.iter("meta") if meta.get("property") == "og:url"]
    return tuple(own for own in owns if own is not None and len(own.path.rstrip("/")) >= 2)


def _the_one_article(element):
    """The <article> around the element, when it is the only one on its page (teasers' cards
    are <article>s too, many); else None. An <article> in a box named for other stories is a
    teaser's card however alone ("<aside class=related><article>"), and the story's text is
    elsewhere."""
    box = next(element.iterancestors("article"), None)
    if box is None or sum(1 for _ in box.getroottree().iter("article")) != 1:
        return None
    if any(_OTHER_STORIES.search(_TAXONOMY_CLASS.sub(" ", f"{a.get('class', '')} {a.get('id', '')}"))
           for a in box.iterancestors() if a.tag not in ("body", "html")):
        return None
    return box


_CARD_HEADLINE_WORDS = 4  # words of a headline at least (a writer's name, linked to their page, has fewer)


def _is_card_without_heading(box, element) -> bool:
    """A short box that links another story twice, by a picture and by a text (its headline
    set as a plain link: "<a href=/tide-tables-for-may><img></a><a href=/tide-tables-for-may>
    Tide tables for May</a><p>by B</p>"): a teaser card, though no heading marks it."""
    def apart(link) -> bool:  # (neither in the byline nor around it: a writer's portrait and name)
        return link is not element and not any(a is element for a in link.iterancestors()) and not any(
            d is element for d in link.iterdescendants())

    for link in _PICTURE_LINKS(box):
        target = _split_href(link)
        if (target is None or not _is_story_address(target) or _IMAGE_FILE.search(target.path)
                or _PICTURES_PAGE.search(target.path) or _AUTHOR_PAGE.search(target.path)
                or _is_author_page(link.get("href", "")) or not apart(link)):
            continue
        href = link.get("href")
        if any(other is not link and other.get("href") == href and apart(other)
               and len((_text(other) or "").split()) >= _CARD_HEADLINE_WORDS for other in box.iter("a")):
            return True
    return False


# The visible heading of a box of other stories or of the readers' comments ("Most read",
# "Related stories", "Read next", "You may also like", "Leave a reply"): where a template's
# class names are a build's hashes, or name nothing, the box still tells its readers what it
# holds. ("More from ..." is left out: an author box says so above the writer's name. A count
# of comments, "3 Comments", is as often a link in the story's own meta line.)
_OTHER_STORIES_HEADING = re.compile(
    r"\s*(?:most\s+(?:read|popular|viewed|shared|commented)|popular(?:\s+(?:stories|posts|articles|now))?|"
    r"trending(?:\s+(?:now|stories))?|related(?:\s+(?:stories|articles|posts|news|content|reading|coverage|links))?|"
    r"recommended(?:\s+(?:for\s+you|stories|reading|articles))?|read\s+(?:more|next|this\s+next|also)|"
    r"more\s+(?:stories|news|articles|posts|to\s+read|like\s+this)|"
    r"you\s+(?:may|might)\s+(?:also\s+)?(?:like|enjoy|be\s+interested\s+in)|also\s+read|see\s+also|"
    r"(?:next|previous|prev)\s+(?:article|story|post)|up\s+next|don['’]t\s+miss|editor['’]s\s+picks|top\s+stories|"
    r"(?P<comments>comments|responses|replies|leave\s+a\s+(?:reply|comment)|join\s+the\s+(?:discussion|conversation)))"
    r"\s*:?\s*", re.I)
_HEADING_TAGS = {"h2", "h3", "h4", "h5", "h6"}


def _headed_as_other_stories(box) -> bool:
    """The box's first text, not a link's or a button's, is such a heading (see
    _OTHER_STORIES_HEADING); the comments' only in a heading element, as a meta line's
    button for them may say "Comments" too."""
    for element in box.iter(etree.Element):
        if element.tag in ("script", "style", "noscript", "template"):
            continue
        if element.text and not element.text.isspace():
            label = (_OTHER_STORIES_HEADING.fullmatch(element.text)
                     if element.tag not in ("a", "button") and len(element.text) < 40 else None)
            return bool(label) and (not label["comments"] or element.tag in _HEADING_TAGS)
    return False


# Class or id words of the page's side column and its widgets: WordPress names each widget
# "widget" and their column "widget-area" (or a theme's "sidebar"). What they date (recent
# posts, archives, events, a calendar) is the site's, never the post's. Whole words only: page
# builders name every part of a page "...-widget", the post's own date and byline too.
_SIDEBAR = re.compile(r"(?<![\w-])(?:sidebar|widget|widgets|widget[-_]area)(?![\w-])", re.I)


def _in_sidebar(element, headline) -> bool:
    """The element is in the side column or one of its widgets (not in a box that holds the
    headline, nor in one that shows half the page's text or more, nor in one that holds the
    post marked as hAtom's entry: Blogger sets the posts themselves in a "widget Blog", and
    their headline may be an <h3> under the blog's name in an <h1>, or no <h1> at all). Asked
    of dates only: a blog's one writer may be named in its sidebar's author widget, but a date
    there is another post's."""
    headline_boxes = set(headline.iterancestors()) if headline is not None else set()
    for box in element.iterancestors():
        if box in headline_boxes or box.tag in ("body", "html"):
            return False
        if (_SIDEBAR.search(f"{box.get('class', '')} {box.get('id', '')}")
                and _shown_text_length(box) < _shown_text_length(box.getroottree().getroot()) / 2
                and not _holds_the_entry(box, headline)):
            return True
    return False


# The post itself, as hAtom marks it ("hentry"), and its title.
_ENTRIES = etree.XPath(".//*[contains(concat(' ', normalize-space(@class), ' '), ' hentry ')]")
_ENTRY_TITLES = etree.XPath(".//*[contains(concat(' ', normalize-space(@class), ' '), ' entry-title ')]")


def _holds_the_entry(box, headline) -> bool:
    """The box holds the post as hAtom marks it: a widget that does is the blog's posts'
    (Blogger's "widget Blog"), however short the post beside a long side column. The one entry
    it holds, or the one titled as the headline: WordPress marks every post "hentry", those its
    recent posts' widget lists too."""
    entries = _ENTRIES(box)
    if len(entries) == 1:
        return True
    words = _text(headline) if headline is not None and entries else None
    return bool(words) and any(_text(title) == words for entry in entries for title in _ENTRY_TITLES(entry))


# A box of coming events by a whole class or id name: "upcoming-events", "event-list",
# "widget_events", "calendar", "agenda", German "veranstaltungen" and "termine". (Not the
# word inside a longer name: "tema-agenda-politica" is a topic's box, a story's.)
_EVENTS_BOX = re.compile(r"(?:(?:upcoming|coming|next|widget|block|module)[-_]?)?"
                         r"(?:events?|calendar|agenda|veranstaltung(?:en)?|termine)"
                         r"(?:[-_]?(?:list|listing|calendar|widget|box|feed|items?))?", re.I)
# What marks a box as the story's own rather than a list of events: its byline.
_HOLDS_BYLINE = etree.XPath(".//*[@rel='author' or contains(concat(' ', translate(@class, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',"
                            " 'abcdefghijklmnopqrstuvwxyz'), ' '), ' byline ')]")


def _in_events_box(element, headline) -> bool:
    """The <time> is in a box of events beside the story (not one that holds the headline: a
    theme marks the story's own box by its category, "category-events"; nor one that holds
    the story's byline or its first paragraph): its <time>s date the events."""
    headline_boxes = _headline_boxes(headline) if headline is not None else frozenset()
    for box in element.iterancestors():
        if box in headline_boxes or box.tag in ("body", "html"):
            return False
        if any(_EVENTS_BOX.fullmatch(name) for name in f"{box.get('class', '')} {box.get('id', '')}".split()):
            return not (_HOLDS_BYLINE(box) or _holds_first_paragraph(box))
    return False


def _holds_first_paragraph(box) -> bool:
    """The box holds the page's first paragraph longer than a field line: the story's text
    begins in it."""
    first = next((p for p in box.getroottree().getroot().iter("p")
                  if len(_text(p) or "") > _FIELD_LINE_LENGTH), None)
    return first is not None and any(a is box for a in first.iterancestors())


_SHOWN_TEXT = etree.XPath(".//text()[not(parent::script or parent::style or parent::noscript)]")


@lru_cache(maxsize=8)
def _shown_text_length(element) -> int:
    """Characters of the text an element shows (not its scripts' or styles'). Cached: the
    sidebar test asks it of the page and of the same few boxes for each date in them."""
    return sum(len(text.strip()) for text in _SHOWN_TEXT(element))


def _links_another_story(box, element, headline=None) -> bool:
    """The box holds a heading that links to another page, other than the element's own
    (an author box sets the writer's name in a heading linked to the author's page)."""
    for heading in _CARD_HEADINGS(box):
        if heading is element or any(a is heading for a in element.iterancestors()) or any(
                d is element for d in heading.iterdescendants()):
            continue
        links = list(heading.iter("a")) + list(heading.iterancestors("a"))
        # (Nor a heading of the story's tags, "<h4>Topics: <a rel=tag href=/tag/x/>X</a></h4>"
        # beside its byline: a tag's link lists stories, it is no other story's. A link to a
        # topic's page without rel="tag" counts so only before the story's text: after it, a
        # related card is headed by its topic's link, "<h4><a href=/topics/x/>More on x</a>".)
        def before_story(heading=heading) -> bool:
            return headline is not None and bool(_before_the_story(box.getroottree().getroot(), headline, [heading]))
        if any((target := _split_href(a)) is not None and a.get("href") and not _AUTHOR_PAGE.search(target.path)
               and not _is_tag_link(a, target, by_path=False) and not (_is_tag_link(a, target) and before_story())
               for a in links):
            return True
    # A card whose heading is no link, its picture is: "<div><a href=/2025/05/tides><img></a>
    # <h4>Tide tables</h4><span class=byline>By B</span></div>". (Not a picture linked to its
    # own file, a lightbox's, nor to a writer's page: an author box's portrait; nor a picture
    # with its caption, the story's own lead picture linked to its gallery.)
    for link in _PICTURE_LINKS(box):
        target = _split_href(link)
        if (target is not None and _is_story_address(target) and not _IMAGE_FILE.search(target.path)
                and not _CAPTIONED(link) and not _PICTURES_PAGE.search(target.path)
                and not _AUTHOR_PAGE.search(target.path) and not _is_author_page(link.get("href", ""))
                and not any(d is element for d in link.iterdescendants())):
            return True
    return False


def _is_tag_link(link, target, by_path: bool = True) -> bool:
    """A link to one of the site's tag or category listings: marked rel="tag" (the
    microformat a blog theme writes on the post's tags), or, with `by_path`, whose path is
    /tag/x or /category/x."""
    return "tag" in (link.get("rel") or "").split() or (by_path and bool(_TAXONOMY_PATH.search(target.path)))


_TAXONOMY_PATH = re.compile(r"/(?:tags?|category|categories|topics?)/[^/]+/?$", re.I)
_PICTURE_LINKS = etree.XPath(".//a[@href][.//img or .//picture]")
# An address of the story's own pictures, where its lead picture links, caption or not
# ("/gallery/ferry-photos", "/photos/123", "/media/..."): not another story's page.
_PICTURES_PAGE = re.compile(r"/(?:galler(?:y|ies)|photos?|pictures?|slideshows?|media|images?|lightbox)(?:/|$|[-_.?])", re.I)
_CAPTIONED = etree.XPath("boolean(ancestor::figure[.//figcaption])")
# What a story's address holds and a person's or a button's does not: a number (its day, its
# id: "/2025/05/tides", "/news/4471203") or a slug of three words or more ("/tide-tables-for-may").
_STORY_PATH = re.compile(r"\d{3,}|[^\W\d_]+(?:[-_][^\W_]+){2,}")
# A share button's address carries the story's own in its query ("?u=https%3A...", "?url=").
_SHARED_ADDRESS = re.compile(r"(?:^|&)(?:u|url|link|href)=|https?(?::|%3A)", re.I)


def _is_story_address(target) -> bool:
    """The address may be another story's page: a web address whose path is a story's (see
    _STORY_PATH). Not a writer's portrait linked to their page or their social account
    ("/ann-lee", "/about", "twitter.com/annlee"), nor a share button's icon (its query holds
    the story's own address), nor a mail or a chat app's link: a picture in the story's own
    byline box links so, where a card's links to the story it promotes."""
    return (target.scheme.casefold() in ("", "http", "https") and not _SHARED_ADDRESS.search(target.query)
            and bool(_STORY_PATH.search(target.path)))


_IMAGE_FILE = re.compile(r"\.(?:jpe?g|png|gif|webp|avif|svg|bmp|tiff?)$", re.I)


def _marked_revision(element) -> bool:
    """An element whose class or itemprop marks it as the revision's date and not also as the
    publication's ("<time class="entry-updated updated" itemprop="dateUpdated">", but not
    "entry-date published updated"): in a box named for the publication ("posted-on"), its
    text is the revision's day, which a theme may show alone."""
    marks = f"{element.get('class', '')} {element.get('itemprop', '')}"
    if "pdate" not in marks and "odif" not in marks:  # (most elements: no case folding needed)
        return False
    marks = marks.casefold()
    return ("update" in marks or "modif" in marks) and "publish" not in marks


def _texts_but_revisions(element):
    """The element's text pieces, page order, less those of inner elements marked as the
    revision's date (and of scripts and styles)."""
    yield element.text or ""
    for child in element:
        if isinstance(child.tag, str) and child.tag not in ("script", "style") and not _marked_revision(child):
            yield from _texts_but_revisions(child)
        yield child.tail or ""


def _byline_block(element) -> list[str]:
    """The text of the largest of the byline's nearest three ancestors that is still a short
    block (a byline-and-date box, not the article), or nothing: for its date, so the text of
    an inner element marked as the revision's is left out."""
    block = []
    for ancestor in element.iterancestors():
        if ancestor.tag in _SKIP_TAGS or len(block) == 3:
            break
        if len(ancestor.text_content()) > 300:
            break
        block.append(ancestor)
    text = _lines(block[-1], without_revisions=True) if block else None
    return text.split("\n") if text else []


def _two_fields(before: str, after: str) -> bool:
    if not (before.isalnum() and after.isalnum()):
        return False
    return (before.islower() and after.isupper()) or before.isdigit() != after.isdigit()


# Class words a byline box marks its outlet part with ("<span class=author>A</span><span
# class=publication>Valley Courier</span>"): the paper or the employer, not a writer.
_OUTLET_CLASS = re.compile(r"(?:^|[\s_-])(?:publication|publisher|outlet|affiliation|organi[sz]ation|"
                           r"newspaper|provider)(?:$|[\s_-])", re.I)
_HOLDS_AUTHOR = etree.XPath('boolean(.//*[contains(@class, "author") or contains(@class, "byline") or '
                            'contains(@itemprop, "author")])')


def _is_site_name_part(node, site_keys: set[str]) -> bool:
    """An element of a line whose whole text is the site's name (by its key) and that holds
    no part marked as the author."""
    return outlet_key(_text(node) or "") in site_keys and not _HOLDS_AUTHOR(node)


def _is_outlet_part(node) -> bool:
    """A part of a byline marked as its outlet ("author-affiliation" too), and holding no part
    marked as the author (a "publication-info" box may wrap the whole byline)."""
    return bool(_OUTLET_CLASS.search(node.get("class") or "")) and not _HOLDS_AUTHOR(node)


# Class words a byline box marks the writer's place with ("<span class=name>A</span> <span
# class=location>Kyiv</span>"): the dateline's city, not more of the name.
_PLACE_CLASS = re.compile(r"(?:^|[\s_-])(?:location|place|city|dateline)(?:$|[\s_-])", re.I)


def _is_place_part(node) -> bool:
    return bool(_PLACE_CLASS.search(node.get("class") or "")) and not _HOLDS_AUTHOR(node)


# An inline element marked as the author's, or that holds a byline's label and a whole name
# ("<span>By Ann Lee</span>"): the name ends with it, as a link's does.
# (A class word that ends in it, so not a name's part: "author-given", "author-family".)
_AUTHOR_PART_CLASS = re.compile(r"(?:^|[\s_-])(?:author|byline)(?:[_-]?name)?(?:$|\s)", re.I)
_LABELLED_NAME = re.compile(_LABEL_BEFORE_NAME.pattern + r"[^\W\d_][\w'’.-]*\s+[^\W\d_]", re.I)


# Where a byline's names end: a heading after them begins the writer's card (a bio, "Most
# recent stories" and their headlines), which templates set inside the byline box, beside the
# name, to show on hover. (A heading that comes first may be the name itself.)
_CARD_HEADINGS_TAGS = {"h2", "h3", "h4", "h5", "h6"}


class _CardStart(Exception):
    pass


# Nothing but a label read so far ("", "By", "Posted by", "Author:"): a heading next is the name.
_LABEL_ONLY = re.compile(r"\s*(?:(?:posted|published|written|words|story|text|reporting)\s+)?"
                         r"(?:(?:by|von|par|por|door|av|authors?|autor(?:a|es|en|e|i)?|auteurs?)\s*:?)?\s*", re.I)


# A writer's job set as a field: up to four capitalised words that end in a writer's trade
# ("Senior Harbour Reporter", "Staff Writer", "Contributing Editor").
_JOB_FIELD = re.compile(r"(?:[A-Z][\w&'’.-]*\s+){0,4}(?i:writers?|reporters?|correspondents?|columnists?|"
                        r"journalists?|contributors?|editors?)")


_SET_OFF_NAME_TAGS = {"strong", "b", "a"}
_FIELD_MARK_START = re.compile(r"\s*[|·•]")
# Two names joined by a word for "and": "Bob Ray and Cy Fox", "Luis Mora y Ana Gil".
_NAMES_JOINED = re.compile(r"[A-Z][\w'’.-]*\s+(?:and|und|y|et|&)\s+[A-Z][\w'’.-]*\s+[A-Z]")


def _lines(element, split_fields: bool = False, without_revisions: bool = False) -> str | None:
    """An element's text with a line break at each block-level child, so that "By <span>A
    </span><div>Agency</div><time>date</time>" reads as three lines, not one name. With
    split_fields, also between inline elements whose texts run together (for names; a date
    may be set in inline pieces: "<span>2019</span>年<span>4</span>月"). Without_revisions
    leaves out the text of inner elements marked as the revision's date (for the publication
    date: see _marked_revision)."""
    pieces = []
    link_end = [None]  # where the last link's text ended in pieces
    name_end = [None]  # where the last element that holds a whole name ended (a link too)
    plain_fields = [False]  # whether the line's own text from here on is its other fields

    def add(text, at_boundary=False):
        # Two inline elements run together, a lower-case letter against a capital ("<span>Ada
        # Quill</span><span>Reporter</span>") or a name against a number ("<span>林美音</span>
        # <span>2017-03-01</span>"), are two fields: a name does not change so inside a word.
        if split_fields and at_boundary and pieces and _two_fields(pieces[-1][-1:], text[:1]):
            pieces.append("\n")
        if text:
            # (A line break inside a text is the markup's, shown as a space: "A, B and\n C" is
            # one line. Lines break only at block elements.)
            pieces.append(text.replace("\r", " ").replace("\n", " "))

    def walk(node):
        if not isinstance(node.tag, str) or (without_revisions and node is not element
                                             and _marked_revision(node)):
            # (comments, processing instructions; a revision's date, text and all)
            add(node.tail or "")
            return
        if (split_fields and node.tag in _CARD_HEADINGS_TAGS and node is not element
                and not _LABEL_ONLY.fullmatch("".join(pieces))):
            raise _CardStart
        block = node.tag in _BLOCK_TAGS
        if block:
            pieces.append("\n")
        if (split_fields and node.tag == "a" and link_end[0] is not None
                and not "".join(pieces[link_end[0]:]).strip()):
            # Two links with nothing but a space between them ("<a>A B</a> <a>C D</a>") are
            # two entries, each its own profile: a name set in two parts is not two links.
            pieces.append("\n")
        if (split_fields and node is not element and node.tag in _INLINE_TAGS and "".join(pieces).strip()
                and _JOB_FIELD.fullmatch(" ".join(node.text_content().split()))):
            # A writer's job in an inline element of its own after the name ("By <span>A B
            # </span> <span>Senior Harbour Reporter</span>"): a field, not more of the name.
            pieces.append("\n")
        if (split_fields and node.tag in _INLINE_TAGS and name_end[0] is not None
                and not "".join(pieces[name_end[0]:]).strip() and node.text_content().strip()[:1].isupper()):
            # An inline element right after a link's or a labelled name's ("<a>A B</a> <span>
            # Harbour Gazette</span>", "<span>By A B</span> <span>Kyiv</span>"): the outlet or
            # the place, a field of its own, not more of the name nor a part of a longer one.
            # (A name set in two parts is in neither: "<span>Ann</span> <span>Lee</span>".)
            pieces.append("\n")
        if node.tag not in ("script", "style", "svg", "button") and not (
                split_fields and node is not element and (_is_outlet_part(node) or _is_place_part(node)
                                                          or _BIO_PART_CLASS.search(node.get("class") or ""))):
            add(node.text or "", at_boundary=True)
            for child in node:
                walk(child)
        if node.tag == "a":
            link_end[0] = name_end[0] = len(pieces)
        elif (split_fields and node is not element and node.tag in _INLINE_TAGS
              and (_AUTHOR_PART_CLASS.search(node.get("class") or "")
                   or _LABELLED_NAME.match(" ".join(node.text_content().split())))):
            name_end[0] = len(pieces)
        if block:
            pieces.append("\n")
        if node is not element:
            tail = node.tail or ""
            if (split_fields and node.getparent() is element and node.tag in _SET_OFF_NAME_TAGS
                    and _FIELD_MARK_START.match(tail) and (shown := " ".join(node.text_content().split()))
                    and not _BY_LABEL.fullmatch(shown)
                    # (Not where the rest joins names: "<b>A</b> · B and C" names three writers.)
                    and not _NAMES_JOINED.search(" ".join([tail, *(f"{s.text_content()} {s.tail or ''}"
                                                                    for s in node.itersiblings())]))):
                # The writer's name set off in bold or as a link, the line's other fields
                # after it as plain text between marks ("<strong>A B</strong> | Port Carlow |
                # 5/3/2024"): the place, the section, the day, no second writer.
                plain_fields[0] = True
            if plain_fields[0] and node.getparent() is element:
                pieces.append("\n")
            else:
                add(tail, at_boundary=True)

    try:
        walk(element)
    except _CardStart:
        pass
    # A middle dot or bullet between inline parts separates fields ("Name · Agency · Date").
    text = re.sub(r"\s[·•|]\s", "\n", "".join(pieces))
    lines = [" ".join(line.split()) for line in text.split("\n")]
    text = "\n".join(line for line in lines if line)
    return text or None


# Elements a template names for the publication date ("date", "pubdate", "posted", "timestamp"), and
# <time> elements with no machine-readable value. "update" and "modif" name the other date.
# (A pass in Python: the same test as an XPath over every element cost twice as much.)
def _date_named(tree: HtmlElement):
    """Those elements, page order (a generator: its readers stop at the first few)."""
    for element in tree.getroottree().iter(etree.Element):
        marks, key = element.get("class"), element.get("id")
        if marks or key:  # (most elements have neither)
            marks, key = marks or "", key or ""
            if (("date" in marks or "Date" in marks or "date" in key or "publish" in marks or "posted" in marks
                 or "imestamp" in marks) and not _names_revision(marks, key)
                    and not _names_other_date(marks)):
                yield element
                continue
        if element.tag == "time" and element.get("datetime") is None:
            yield element


# Class names of the other dates a story sets out: an event's, a deadline's, a birth's, a film's
# release: "event-date", "eventDate", "date-of-birth", "release_date", "start-date"; the
# day the page is shown, which a site's header sets out ("today-date", "currentDate"); and the
# day a cited source was read, which citation templates set out ("citation-access-date").
_OTHER_DATE_CLASS = re.compile(r"(?<![a-z])(?:event|deadline|expir\w*|birth|death|due|start|end|closing|opening|release|"
                               r"sale|election|match|game|today|current|access)[-_]?date|"
                               r"date[-_]?(?:of[-_]?)?(?:birth|death|event|today)", re.I)


@lru_cache(maxsize=2048)
def _names_revision(marks: str, key: str) -> bool:
    """A class or id that names the revision's date, in any case: "updated", "date-modified",
    and the camel case of script-rendered templates ("Page-dateModified", "dateUpdated"),
    whose text, when it has no "Updated" label before it, would read as the publication's."""
    named = f"{marks} {key}".casefold()
    return "update" in named or "modif" in named


@lru_cache(maxsize=2048)
def _names_other_date(marks: str) -> bool:
    """(Cached: a template repeats its class names from page to page and card to card.)"""
    return bool(_OTHER_DATE_CLASS.search(marks))


_MAY_NAME_OTHER_DATE = ("date", "Date", "DATE")  # (pieces of a class, tested first: see _classed)


# Besides itemprop= and the hAtom class, RDFa marks the publication with property=, a list of
# terms: schema.org's, or Dublin Core's as Drupal writes them ('<span property="dc:date
# dc:created" content="2024-03-05T09:00:00+00:00">' around "Submitted by A on <date>"). Not in
# a teaser: Drupal marks every listed node alike.
_RDFA_PUBLISHED_TERMS = ("datePublished", "schema:datePublished", "dc:created", "dc:date", "dcterms:created",
                         "dcterms:issued", "dcterms:date")
# (One pass over the page: a union of three searches went over it three times.)
_TIME_PUBLISHED_XPATH = _PageSearch(
    '[(@itemprop="datePublished" and not(self::meta)) or '
    '(@itemprop="dateCreated" and not(self::meta)) or '
    '((self::time or self::abbr[@title]) and (@pubdate or '
    'contains(concat(" ", normalize-space(@class), " "), " published "))) or '
    '(@property and not(self::meta) and ('
    + " or ".join(f'contains(concat(" ", normalize-space(@property), " "), " {term} ")'
                  for term in _RDFA_PUBLISHED_TERMS)
    + f') and not({_TEASER_ANCESTOR}))]',
    lambda element: (element.get("itemprop") in ("datePublished", "dateCreated") or element.tag in ("time", "abbr")
                     or _has_property_term(element, _RDFA_PUBLISHED_TERMS)))

# The same for the revision (schema.org's property; Dublin Core's term as RDFa writes it).
_MODIFIED_PROPERTY_XPATH = _PageSearch(
    '[not(self::meta) and (@itemprop="dateModified" or '
    'contains(concat(" ", normalize-space(@property), " "), " dateModified ") or '
    'contains(concat(" ", normalize-space(@property), " "), " schema:dateModified ") or '
    f'contains(concat(" ", normalize-space(@property), " "), " dcterms:modified ")) and not({_TEASER_ANCESTOR})]',
    lambda element: (element.get("itemprop") == "dateModified"
                     or _has_property_term(element, ("dateModified", "dcterms:modified"))))

# An element of hAtom's class "updated" that is no <time> (those are read as times) and not in a
# teaser; and a machine date as its whole text ("2024-03-07T16:00:00+00:00", "2024-03-07").
_HATOM_UPDATED = _PageSearch('[not(self::time) and contains(concat(" ", normalize-space(@class), " "), " updated ") '
                             f'and not({_TEASER_ANCESTOR})]',
                             lambda element: "updated" in (element.get("class") or ""))
_MACHINE_DATE = re.compile(r"\s*\d{4}-\d\d-\d\d(?:[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?\s*")

# The labels pages set before a date to say which one it is: the first publication or a later
# revision, in English and the other languages of the news we see most (CJK labels have no
# word boundaries to match).
# ("Original" and "Originally published" date the first version beside a revision's stamp:
# "Updated Nov. 21 / Original Nov. 19".)
_PUBLISHED_WORDS = (r"original(?:ly)?(?:\s+published)?|"
                    # the label as a noun, in English ("Publish date:", "Publication date:",
                    # "Date published:", "Pub. date:")
                    r"(?:publish|publication|pub\.?)\s+date|date\s+(?:published|posted)|"
                    r"published|posted|publi[ée]e?|publicad[oa]|publicat|ver[öo]ffentlicht|erschienen|"
                    r"pubblicat[oa]|gepubliceerd|publikov[áa]no|publicerad|publiceret|publisert|"
                    # German "created", Polish, Finnish, Danish
                    r"erstellt|opublikowano|julkaistu|udgivet|"
                    # and Russian, Turkish and Indonesian, whose month names we read too
                    r"опубликовано|yay[ıi]nlanma|yay[ıi]nland[ıi]|yay[ıi]mland[ıi]|diterbitkan|dipublikasikan")
# (French "modifié(e)" with its accent: "modifie" is the verb of a sentence, "le texte modifie la loi";
# Spanish and Portuguese "modificado", Italian "modificato")
_UPDATED_WORDS = (r"updated?|modified|modifiée?|modificad[oa]|modificat[oa]|edited|revised|mis\s+[àa]\s+jour|"
                  r"actualis[ée]e?|actualizad[oa]|"
                  r"aktualisiert|ge[äa]ndert|aggiornat[oa]|bijgewerkt|aktualizov[áa]no|atualizad[oa]|"
                  r"uppdaterad|opdateret|oppdatert|zaktualizowano|aktualizacja|p[äa]ivitetty|"
                  # Catalan, Russian, Turkish, Indonesian
                  r"actualitzat|actualitzada|обновлено|изменено|g[üu]ncelleme|g[üu]ncellendi|diperbaharui|diperbarui")
# (Korean pages write "입력 2024.03.05 10:00 수정 2024.03.06 09:12": "input" and "edited"; the
# label may run into "기사" (article) before it.)
_DATE_LABEL = re.compile(
    rf"(?P<published>(?<!\w)(?:first\s+)?(?:{_PUBLISHED_WORDS})(?!\w)|公開|掲載|配信|投稿|发布|發布|发表|發表"
    rf"|(?<![가-힣])(?:기사\s*)?(?:입력|등록|게재)(?:일|일시)?(?![가-힣]))"
    rf"|(?P<updated>(?<!\w)(?:last\s*)?(?:{_UPDATED_WORDS})(?!\w)|更新|修改|最終更新"
    rf"|(?<![가-힣])(?:최종\s*)?(?:수정|업데이트)(?:일|일시)?(?![가-힣]))",
    re.I)
# A line that begins with one of the labels (an element's own first text), in any case; or with
# "Date:", which names no kind of date, and so is no label inside a line ("Release date: ...")
# but begins a line of its own that dates the page.
_LABEL_AT_START = re.compile(rf"(?:{_DATE_LABEL.pattern})|date\s*:", re.I)


def published_text_date(text: str, day_first: bool | None = None) -> str | None:
    """The publication day a line of text states: the date after its "Published" label, else
    the date before its first label ("March 5, 2024 | Updated March 9"); a line that dates
    only a revision ("Updated March 9, 2024") states none. A line with no label: its date.
    `day_first`: the page's order for a slashed date (see text_date); when unknown, a label in
    a language that writes the day first says so ("Publicado em 05/03/2024")."""
    labels = list(_DATE_LABEL.finditer(text))
    if not labels:
        return text_date(text, day_first)
    if day_first is None:
        day_first = _day_first_label(labels)
    ends = [label.start() for label in labels[1:]] + [len(text)]
    for label, end in zip(labels, ends):
        if label.group("published"):
            day = text_date(text[label.end():end], day_first)
            if day:
                return day
    if labels[0].group("updated") and not _WORDS_AFTER.search(text[labels[0].end():ends[0]]):
        return None  # "2024年3月26日 更新": a label last in its part follows the revision's date
    return text_date(text[:labels[0].start()], day_first)


# Anything but punctuation after a label: words or a date that the label comes before.
_WORDS_AFTER = re.compile(r"[^\W_]")
# The date labels in English, whose pages write a slashed date either way round: any other
# label in letters ("Publicado", "Publié", "Aktualisiert", "Opublikowano") is in a language
# that writes the day first. (The CJK and Korean labels come before a year-first date.)
_ENGLISH_LABEL = re.compile(r"(?:first\s+|last\s*)?(?:original(?:ly)?(?:\s+published)?|published|posted|"
                            r"updated?|modified|edited|revised)", re.I)
_LATIN_LETTERS = re.compile(r"[a-zà-ÿ\s]+", re.I)


def _day_first_label(labels: list[re.Match]) -> bool | None:
    """True when the line's first label is in a language that writes the day first."""
    if not labels:
        return None
    word = labels[0].group(0)
    return True if _LATIN_LETTERS.fullmatch(word) and not _ENGLISH_LABEL.fullmatch(word) else None


# The declared languages ("en-US", "en_us", "pt-BR") that write a slashed date month first, and
# those whose order is unknown: English with no country, and the year-first CJK languages.
# (Canada writes both; the Philippines month first.)
_MONTH_FIRST_LANGUAGES = {"en-us", "en-ph", "en-um", "en-as", "en-gu", "en-pr", "en-vi"}
_UNKNOWN_ORDER_LANGUAGES = {"en", "en-ca", "fr-ca", "zh", "ja", "ko", ""}


def _day_first_language(declared: str) -> bool | None:
    code = declared.strip().casefold().replace("_", "-")
    if code in _MONTH_FIRST_LANGUAGES:
        return False
    if code in _UNKNOWN_ORDER_LANGUAGES or code.split("-")[0] in ("zh", "ja", "ko") or not re.fullmatch(r"[a-z]{2,3}(?:-[\w-]+)?", code):
        return None
    return True


def revision_text_date(text: str, day_first: bool | None = None) -> str | None:
    """The day a line of text gives after an "Updated" label ("Updated March 9, 2024",
    "Mis à jour le 9 mars 2024"), or before a first label that ends its part, as Japanese and
    Chinese write it ("2024年3月26日 更新"); or None. (`day_first` as published_text_date's.)"""
    labels = list(_DATE_LABEL.finditer(text))
    if day_first is None:
        day_first = _day_first_label(labels)
    ends = [label.start() for label in labels[1:]] + [len(text)]
    for number, (label, end) in enumerate(zip(labels, ends)):
        if not label.group("updated"):
            continue
        after = text[label.end():end]
        day = text_date(after, day_first)
        if not day and number == 0 and not _WORDS_AFTER.search(after):
            day = text_date(text[:label.start()], day_first)
        if day:
            return day
    return None


_LABELLED_REVISION_LENGTH = 60  # characters of a line labelled "Updated" that hold its date


def _from_revision_label(text: str, day_first: bool | None) -> str:
    """A date line from its "Updated" label on, when the line gives the publication's whole
    date before it ("Published 9:10 a.m. ET March 5, 2024 | Updated 4:00 p.m. ET March 7,
    2024": the revision's date is in the first words after its own label, and past the first
    sixty characters of the line); else the line as it is."""
    for label in _DATE_LABEL.finditer(text):
        if label.group("updated"):
            return text[label.start():] if label.start() and text_date(text[:label.start()], day_first) else text
    return text


def _label_lines(tree: HtmlElement):
    """The elements, page order, whose own text begins with a date label ("Published on 5
    March 2024", "Publicado el ...", "Last updated: ..."): templates write such lines with no
    class to name them. Not a teaser's, a comment's, a quotation's or another story's."""
    body = tree.find(".//body")
    headline = _headline_element(tree)
    # One pass over the elements in Python with one regular expression: an XPath test per
    # label and per element cost 70 ms a page.
    for element in (body if body is not None else tree).iter():
        text = element.text
        if not isinstance(element.tag, str):
            continue
        if text and (_LABEL_AT_START.match(text.lstrip()[:40])
                     # (a field's name alone in its element, its value after it: "<li><strong>Date
                     # </strong> 5.3.2024</li>", "<dt>Published</dt><dd>...")
                     or len(element) == 0 and len(text) <= 40 and _FIELD_NAME_OF_DATE.fullmatch(text)):
            line = element
        elif (element.tag in _FIELD_BREAKS and (tail := element.tail)
              and _LABEL_AT_START.match(tail.lstrip()[:40])):
            # The label opens a line after a break or a field's name in bold, in its box's own
            # text: "<strong>Source</strong><br> Published on 5.3.2024" (the box is the line).
            line = element.getparent()
        else:
            continue
        # (Asked of the element itself: after a break, its ancestors are the line and its
        # boxes, a comment's body, a quotation, a sidebar's widget.)
        if (line is None or line.tag in _SKIP_TAGS or _TEASER_ITEM(element)
                or _IN_COMMENTS(element) or _IN_QUOTE(element) or _in_other_stories(element, headline)
                or _in_sidebar(element, headline) or _in_book_record(line)
                or (line is element and not _LABEL_AT_START.match(text.lstrip()[:40]) and _in_event_facts(line))):
            continue
        yield line


# The names of an event's fields beside its "Date" in a list of facts: where, when, the price.
_EVENT_FIELD_NAME = re.compile(r"\s*(?:venue|location|place|time|kick-?off|price|tickets?|admission|"
                               r"ort|veranstaltungsort|uhrzeit|eintritt|preis|beginn|"
                               r"lugar|hora|precio|entrada|local|horário|preço|ingressos?|"
                               r"lieu|heure|prix|luogo|ora|prezzo|biglietti)\s*:?\s*", re.I)


def _in_event_facts(element) -> bool:
    """The date field's name is one of a list of an event's facts: a field beside it in the
    nearest boxes names where it is, its time or its price ("<dt>Date</dt>..<dt>Venue</dt>")."""
    return any(len(leaf) == 0 and leaf.text and _EVENT_FIELD_NAME.fullmatch(leaf.text)
               for box in islice(element.iterancestors(), 3) for leaf in box.iter(etree.Element))


# The name of a date's field in a list of the story's facts, in the languages of the news we see
# most: "Date", "Datum", "Fecha", "Data", "Publication date".
_FIELD_NAME_OF_DATE = re.compile(r"\s*(?:date|datum|fecha|data|publication\s+date|date\s+de\s+publication|"
                                 r"erscheinungsdatum|fecha\s+de\s+publicaci[óo]n|data\s+(?:di|de)\s+publica[çz][ãi]one?)"
                                 r"\s*:?\s*", re.I)
# The elements after which a line of a box's own text begins: a break, a field's name in bold.
_FIELD_BREAKS = {"br", "strong", "b"}


# The fields of a book's (or a report's) record that no story's meta line holds: "ISBN",
# "Pages: 320", "320 pages". A "Publication date:" beside them is the book's.
_BOOK_RECORD = re.compile(r"\bisbn\b|\bpages\s*:|\b\d+\s+pages\b|\bpage\s+count\b", re.I)
_BOOK_RECORD_LENGTH = 300  # a record's box, not the story around it


def _in_book_record(element) -> bool:
    """The label line is one field of a short box that also states a book's ISBN or pages
    (asked only of the few lines that open with a date label)."""
    for box in islice(element.iterancestors(), 2):
        text = _spaced_text(box)  # (its fields apart: "Harbor Press</li><li>Pages: 320")
        if len(text) <= _BOOK_RECORD_LENGTH and _BOOK_RECORD.search(text):
            return True
    return False


_SUBHEADINGS = etree.XPath(".//h2|.//h3|.//h4|.//h5|.//h6")


def _under_other_heading(element, headline) -> bool:
    """The line's box holds a heading but not the page's headline: a card of another story
    set before the text ("<div><h2>Ferry fares rise</h2><p>Updated: ...</p></div>")."""
    box = element.getparent()
    if box is None or headline is None or box.tag == "body":
        return False
    return bool(_SUBHEADINGS(box)) and headline not in set(box.iter(etree.Element))


def _labelled_dates(elements, read=None, day_first: bool | None = None) -> list[str]:
    """The first three days those lines state: `read` gives the day a line states
    (published_text_date; the revision's for the "Updated" lines). A label set alone in its
    element has its date beside it: the parent's text is read then."""
    # (For the publication's day, not the text of an inner element marked as the revision's.)
    spaced = _spaced_text if read else (lambda e: " ".join(" ".join(_texts_but_revisions(e)).split()))
    publication = read is None
    read = read or partial(published_text_date, day_first=day_first)
    days = []
    for element in elements:
        # (Its parts with a space between them: "<div>Updated:</div><div>Mar 9, 2024</div>
        # <div>Original:</div>" run together hide the second label after the year.)
        text = spaced(element)
        day = read(text) if len(text) <= 200 else None
        parent = element.getparent()
        if not day and parent is not None and parent.tag not in _SKIP_TAGS:
            around = spaced(parent)
            day = read(around) if len(around) <= 200 else None
            if not day and publication:
                day = _read_by_both_labels(parent, day_first)
        if day:
            days.append(day)
            if len(days) == 3:
                break
    return days


def _read_by_both_labels(box, day_first: bool | None) -> str | None:
    """The publication day of a box whose text writes both an "Updated" and a "Published"
    (or "Original") label, each before its own date, read with the dates of elements whose
    class names the revision: a template that copies one box for both dates marks both
    "updated-date" ("<div class=updated-date>Updated:</div><div class=updated-date>Mar 9</div>
    <div class=updated-date>Original:</div><div class=updated-date>Mar 5</div>"), and the
    labels the reader sees say which is which. With one kind of label only, the class stays
    the judge ("Posted on <time class=updated>" may be a revision the theme shows alone)."""
    text = _spaced_text(box)
    if len(text) > 200:
        return None
    labels = list(_DATE_LABEL.finditer(text))
    if not (any(label.group("published") for label in labels) and any(label.group("updated") for label in labels)):
        return None
    return published_text_date(text, day_first)


_TEASER_ITEM = etree.XPath(f"boolean({_TEASER_ANCESTOR})")
# A readers' comment ("Posted by reader on March 9, 2024") is dated after the article: an
# element in a box whose id or a class word begins with "comment" ("comments", "comment-body",
# "commentlist"). Not the page's <body>, whose classes are often feature flags
# ("f_comment_nofollow_on", "comments-open"), nor a box that holds an <h1>: that is the
# article's own (a comment box has no headline), whatever a class word of it says.
# A comment's own name field, marked so on the element itself where no box around it says
# "comment" ("sf_comment_author", "comment-author-name", "commentAuthor"): a reader's name,
# which the byline tests that read "author" in a class would take for the writer's.
# ("comment-by" only as a word of its own: "comment-byline" is an opinion section's byline,
# the writer's.)
_COMMENTER_CLASS = re.compile(r"comment[-_]?(?:author|name|user|by(?![a-z]))", re.I)
_IN_COMMENTS = etree.XPath(
    'boolean(ancestor::*[not(self::body or self::html) and ('
    'starts-with(@id, "comment") or starts-with(@id, "Comment") or '
    'contains(concat(" ", normalize-space(@class)), " comment") or '
    'contains(concat(" ", normalize-space(@class)), " Comment")) and not(.//h1)])')
_TIMES = _PageSearch("[@datetime]" + _NOT_TEASER, lambda element: element.get("datetime") is not None, tags=("time",))
_ALL_TIMES = _PageSearch("[@datetime]", lambda element: element.get("datetime") is not None, tags=("time",))
# A quotation or an embedded post (a social post's <blockquote>, which ends with the post's
# date): a date in it is the quoted words', not the page's.
_IN_QUOTE = etree.XPath("boolean(ancestor::blockquote)")
# A quotation's box, a pull quote's: its "author" is the speaker's name under the quote
# ('<div class="pull-quote"><blockquote>..</blockquote><span class="author">A</span></div>'), not
# the writer's. (The nearest boxes only: a page's wrapper may be named for anything.)
_IN_PULL_QUOTE = etree.XPath('boolean(ancestor::blockquote or ancestor-or-self::*[position() <= 3]'
                             '[contains(translate(@class, "QUOTE", "quote"), "quote")])')
_MONTH_OR_YEAR = re.compile(r"\s*(?:19|20)\d\d(?:-(?:0[1-9]|1[0-2]))?\s*")


# Class or id pieces that name the site's masthead, set as a <div> as often as a <header>, and
# schema.org's types for the parts of a page the site repeats on every page: its header and
# its navigation.
_SITE_HEADER_MARK = re.compile(r"site-?header|masthead|top-?bar|navbar|global-?header|header-?top|top-?header",
                               re.I)
_SITE_PART_TYPE = re.compile(r"WPHeader|SiteNavigationElement")


def _in_page_header(element, headline) -> bool:
    """The element is in the page's navigation, or in a <header> that does not hold the
    headline, or in the masthead (_in_masthead): the site's header, whose <time> is today's
    date (or a ticker's), not the article's. (An article's own <header> holds its headline.)
    Said only when there is one."""
    if headline is None:
        return False
    return any(box.tag == "nav" or not any(a is box for a in headline.iterancestors())
               for box in element.iterancestors("header", "nav")) or _in_masthead(element, headline)


def _in_masthead(element, headline) -> bool:
    """The element is in (or is) a box whose class or id names the site's header or masthead
    ("site-header__date", id="masthead"), a <div> as often as a <header>, or whose microdata
    type says so (WPHeader), that does not hold the headline: today's date is set there. (A <header> with no such name is not enough for
    a date written out: a template may set the article's date in a header of its own apart
    from its headline.)"""
    if headline is None:
        return False
    if _beside_the_logo(element, headline):
        return True
    holders = _headline_boxes(headline)
    for box in chain((element,), element.iterancestors()):
        # (Most dates are near the headline: the first box that holds it ends the search.)
        if box in holders or box.tag in ("body", "html"):
            return False
        marks, key, kind = box.get("class"), box.get("id"), box.get("itemtype")
        if ((marks or key) and _SITE_HEADER_MARK.search(f"{marks} {key}")) or (kind and _SITE_PART_TYPE.search(kind)):
            return True
    return False


def _beside_the_logo(element, headline) -> bool:
    """The element (or its box, two levels up) comes right after the site's logo, before the
    headline and outside every box that holds it: a box that holds a picture linked to the
    site's front page which looks like a logo (_looks_like_a_logo), as a header sets today's
    date beside it ("<div><a href="/"><img alt="Harbour Post" src="/logo.svg"></a></div><div
    class="x1">5 March 2024</div>"), whatever its classes are named. (A writer's portrait
    linked home beside the post's date is no logo.) Only when the page shows another date after
    the headline: a slim header's date beside the logo may be the only one it gives, and is
    kept then."""
    holders = _headline_boxes(headline)
    if element in holders or element not in _before_headline(headline):
        return False
    for box in chain((element,), islice(element.iterancestors(), 2)):
        if box in holders:
            return False
        for sibling in islice(box.itersiblings(preceding=True), 2):
            if isinstance(sibling.tag, str) and sibling not in holders and any(
                    _links_front_page(link, None) and any(_looks_like_a_logo(picture, headline)
                                                          for picture in link.iter("img"))
                    for link in sibling.iter("a")):
                return _date_after_headline(headline)
    return False


def _looks_like_a_logo(picture, headline) -> bool:
    """A picture named a logo by its address, class, id or words ("/img/logo.svg"), or whose
    words are the site's name as the page's <title> gives it beside the headline."""
    if "logo" in " ".join(picture.get(key, "") for key in ("src", "class", "id", "alt")).casefold():
        return True
    words = " ".join(picture.get("alt", "").split()).casefold()
    title = headline.getroottree().findtext(".//title") or ""
    return bool(words) and any(" ".join(part.split()).casefold() == words for part in _TITLE_SEPARATOR.split(title)[1:])


@lru_cache(maxsize=1)
def _before_headline(headline) -> frozenset:
    """The elements before the headline in the page's order (its boxes excluded)."""
    return frozenset(headline.xpath("preceding::*"))


@lru_cache(maxsize=1)
def _date_after_headline(headline) -> bool:
    """Whether a date is written in the page's text after the headline (scripts' aside)."""
    return any(text_date(text) for text in headline.xpath(
        "following::text()[not(ancestor::script or ancestor::style or ancestor::noscript)]"))


@lru_cache(maxsize=1)
def _headline_boxes(headline) -> frozenset:
    """The boxes around the headline (asked for every date candidate of a page; the last
    page's alone are kept, as they keep its tree alive)."""
    return frozenset(headline.iterancestors())


# How far up a <time> its label may be set: a label in a box of its own before the box that
# holds the <time> ("<div>Updated:</div><div><span><time>"), in a short block.
_LABEL_LEVELS = 3
_LABEL_BLOCK = 160  # characters of text in that block at most
_LABEL_BLOCK_ELEMENTS = 40  # and elements (counted first: the text of a large box is dear to build)


_MARKED_PUBLISHED = re.compile(r"(?<![\w-])(?:published|datepublished)(?![\w-])")


def _is_revision(element) -> bool:
    """A <time> that dates a revision: marked so by its class or itemprop ("updated",
    "dateModified"), or set after an "Updated" label in its line, or in the short block around
    it (the nearest label before it decides: "Updated: <time> Original: <time>")."""
    marks = f"{element.get('class', '')} {element.get('itemprop', '')}".casefold()
    if "update" in marks or "modif" in marks:
        # Unless it is marked as the publication's too: hAtom themes (WordPress's starter theme
        # and the many built on it) write one <time class="entry-date published updated"> for
        # a post never edited, and two elements once it is; the one element dates no revision.
        return not _MARKED_PUBLISHED.search(marks)
    inner = element
    for level, box in enumerate(islice(element.iterancestors(), _LABEL_LEVELS)):
        if level and (next(islice(box.iter(), _LABEL_BLOCK_ELEMENTS, None), None) is not None
                      or len(box.text_content()) > _LABEL_BLOCK):
            return False  # past the line's block: a label there is another line's
        before = _text_before(box, inner)
        labels = list(_DATE_LABEL.finditer(" ".join(before.split())[-40:]))
        if labels:
            return labels[-1].group("updated") is not None
        if before.strip():
            return False  # other words come first: a label further up is another line's
        inner = box
    return False


def _text_before(box, child) -> str:
    """The text of `box` before its child `child` (its children's texts set apart: "<div>Mar 9,
    2024</div><div>Original:</div>" is no word "2024Original")."""
    pieces = [box.text or ""]
    for node in box:
        if node is child:
            break
        pieces += [node.text_content() if isinstance(node.tag, str) else "", node.tail or ""]
    return " ".join(pieces)


# Class words of the box a template sets under the headline for the article's date, byline and
# comment count ("post-meta", "entry-meta", "article__info", "post-info", "story-details"): its
# date is often bare text, or after an icon, with no class of its own to name it.
_META_BOX = re.compile(r"(?:post|entry|article|story|single|news)[-_]*(?:meta|info|details)(?![a-z])", re.I)
_META_BOX_LENGTH = 600  # characters of text in such a box at most (a share bar may be in it)


# (The classes holding the words' last parts, found first, then sorted by the test above.)
_MAY_BE_META_BOX = ("eta", "nfo", "etails")


def _meta_boxes(tree: HtmlElement):
    """The elements whose class names an article's meta box, page order."""
    return [element for element, marks in _classed(tree, _MAY_BE_META_BOX)
            if _META_BOX.search(marks) and element.tag not in _SKIP_TAGS]


def _classed(tree: HtmlElement, pieces: tuple[str, ...]):
    """(element, its class) for each element of the whole page (as "//" searches it) whose class
    holds one of these pieces, page order. A walk in Python: extract_html holds every element
    of the page while its signals are read, so the walk makes no objects, and it takes two
    thirds of the time of XPath's "//@class[contains(., ...)]", which gathers every node of
    the page before it tests one (the 475 corpora pages: 0.50 -> 0.33 ms a search)."""
    for element in tree.getroottree().iter(etree.Element):
        marks = element.get("class")
        if marks:
            for piece in pieces:
                if piece in marks:
                    yield element, marks
                    break


# The marks that set a meta box's fields apart on one line: a middle dot, a bullet, a bar.
_META_FIELD_SEPARATOR = re.compile(r"\s*[·•|]\s*")
_READING_TIME = re.compile(r"\d+\s*(?:min|mins|minutes?)\.?(?:\s+read(?:ing)?)?|\d[\d,]*\s+words", re.I)


def _is_lone_field_name(text: str) -> bool:
    """The whole field is one person's name, as split_people reads it (two to four words)."""
    if not 2 <= len(text.split()) <= 4 or any(c.isdigit() for c in text):
        return False
    people = split_people([text])[0]
    return len(people) == 1 and person_key(people[0]) == person_key(text)


def _meta_box_lines(tree: HtmlElement, without_revisions: bool = False, day_first: bool | None = None) -> list[str]:
    """The lines of the first meta box that writes a whole date (not a box of other stories, a
    teaser's, a comment's or the masthead's), short ones only: "March 5, 2024 at 4:02 pm",
    "<i class=icon-calendar></i> March 5, 2024", "Updated March 9, 2024"."""
    headline = _headline_element(tree)
    for box in _meta_boxes(tree):
        if (len(box.text_content()) > _META_BOX_LENGTH or _TEASER_ITEM(box) or _IN_COMMENTS(box)
                or _IN_QUOTE(box) or _in_other_stories(box, headline) or _in_masthead(box, headline)
                or _in_sidebar(box, headline)):
            continue
        lines = [line for line in (_lines(box, without_revisions=without_revisions) or "").split("\n")
                 if len(line) <= 120]
        if any(text_date(line, day_first) for line in lines):
            return lines
    return []


# A stamp relative to the time the page was shown ("3 hours ago", "hace 2 días", "il y a 5
# heures", "vor 3 Stunden", "2 giorni fa"): with no fetch time known it gives no day, and it
# takes no place among the few date texts read (a real date may follow it).
_RELATIVE_STAMP = re.compile(
    r"\b(?:\d+|an?|one)\s+\w+\s+(?:ago|fa|geleden|sedan|siden|temu)\b"
    r"|\b(?:hace|il\s+y\s+a|vor|há)\s+(?:\d+|un[ae]?|einer?|uma?)\s+\w+", re.I)

_RELATIVE_TAIL = re.compile(rf"[\s,·•|–-]*(?:{_RELATIVE_STAMP.pattern}).*$", re.I | re.M)


# Attributes in which scripts keep a stamp's moment as a Unix time, in seconds or milliseconds.
_EPOCH_ATTRIBUTES = ("data-timestamp", "data-time", "data-epoch", "data-utime", "data-ts", "data-date",
                     "data-published", "data-publish-time")
_EPOCH = re.compile(r"\s*(1\d{9})(\d{3})?\s*")  # 2001-09-09 to 2033-05-18


def _unix_time(value):
    """A structured date given as a Unix time (seconds or milliseconds, a number or a string
    of digits: '"datePublished": 1709629200000', '<meta name="publish_date" content=
    "1709629200">') as its moment in ISO 8601, UTC; any other value as it is. (Only where a key
    names the value a date: a number alone in a text is no date.)"""
    match = _EPOCH.fullmatch(str(value)) if isinstance(value, (str, int)) and not isinstance(value, bool) else None
    return datetime.fromtimestamp(int(match[1]), timezone.utc).isoformat() if match else value


def _epoch_moment(element) -> str | None:
    """The moment (ISO 8601, UTC) a date element keeps as a Unix time in a data attribute."""
    for name in _EPOCH_ATTRIBUTES:
        match = _EPOCH.fullmatch(element.get(name) or "")
        if match:
            return datetime.fromtimestamp(int(match[1]), timezone.utc).isoformat()
    return None


_INNER_STAMP_ELEMENTS = 6  # elements inside a date element that may keep its moment


def _inner_epoch_moment(element) -> str | None:
    """The moment a date element's first inner elements keep as a Unix time: a publishing
    system's timestamp component inside the box that names the date (Brightspot's
    '<div class="Page-datePublished"><bsp-timestamp data-timestamp="1709629200000">', whose
    text a script writes in the reader's time zone)."""
    for inner in islice(element.iterdescendants(), _INNER_STAMP_ELEMENTS):
        moment = _epoch_moment(inner) if isinstance(inner.tag, str) else None
        if moment is not None:
            return moment
    return None


def _date_texts(tree: HtmlElement) -> list[str]:
    texts = []
    headline = _headline_element(tree)
    for element in _date_named(tree):
        # (One in a list item with a heading or another story's box is a teaser's: another
        # story's date; one in the comments, a reader's.)
        if (element.tag in _SKIP_TAGS or _TEASER_ITEM(element) or _IN_COMMENTS(element)
                or _IN_QUOTE(element) or _in_other_stories(element, headline)
                or _in_masthead(element, headline) or _in_sidebar(element, headline)):
            continue
        # (Its pieces with a space between them: a template sets the day and the clock in
        # inline elements of their own, "<span>Nov 20 2019</span><span>4:29 AM</span>", which
        # run together as one number otherwise.)
        # (Nor the text of an inner element marked as the revision's date.)
        text = " ".join(" ".join(_texts_but_revisions(element)).split()) or None
        if text and _ACCESS_LABEL.match(text):
            continue  # a cited source's day of reading ("Retrieved 5 March 2024"), no one's publication
        if text and len(text) <= 80 and not (_RELATIVE_STAMP.search(text) and not text_date(text)):
            texts.append(text)
        elif (moment := _epoch_moment(element) or _inner_epoch_moment(element)) is not None:
            # Shown as "2 hours ago" (or filled in by a script), the moment kept in an attribute.
            texts.append(moment)
        if len(texts) >= 3:
            break
    return texts


# The label of the day a reference was read, in a list of sources: "Retrieved 5 March 2024",
# "Accessed on 5 March 2024", "Archived from the original on ...".
_ACCESS_LABEL = re.compile(r"[\W_]*(?:retrieved|accessed|archived)\b", re.I)


# (Korean writes 년 and 월 where Chinese and Japanese write 年 and 月.)
_NUMERIC_DATE = re.compile(r"((?:19|20)\d\d)\s*[年년/.-]\s*(\d{1,2})\s*[月월/.-]\s*(\d{1,2})(?!\d)")
# A day before the month in the other languages of our pages: "19. července 2022", "13 de
# octubre de 2024", "4 mai 2020", "14 ago 2018".
_ANY_MONTH = "|".join([MONTHS, *sorted([*FOREIGN_MONTHS, *FOREIGN_SHORT_MONTHS], key=len, reverse=True)])
# The month may come first in the other languages too ("Oktober 12, 2016", "octubre 12,
# 2016"), spelled out: a short name there may be a word before a number ("ago 3").
_FULL_MONTH = "|".join([MONTHS, *sorted(FOREIGN_MONTHS, key=len, reverse=True)])
# (English writes "the 5th of March 2024", after an ordinal only: "Top 5 of March 2024" is no
# date; and a day, a short month and a year joined by hyphens, "05-Mar-2024", is a form of it.)
_WORDED_DATE = re.compile(
    rf"\b(?:\d{{1,2}}(?:(?:st|nd|rd|th)\s+of|st|nd|rd|th)?\.?\s+(?:de\s+)?(?:{_ANY_MONTH})\.?,?\s+(?:de\s+)?(?:19|20)\d\d|"
    rf"\d{{1,2}}-(?:{_ANY_MONTH})-(?:19|20)\d\d|"
    rf"(?:{_FULL_MONTH})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d)(?!\w)",
    re.I,
)
# Day, month, year with dots, as Europe writes a date ("19.07.2022"), or month first when the
# second number is past 12 ("11.14.2019").
_DOTTED_DATE = re.compile(r"(?<![\w.])(\d{1,2})\.\s?(\d{1,2})\.\s?((?:19|20)\d\d)(?!\d|\.\d)")
# With slashes, "07/05/2024" is 7 May in most of the world and July 5 in the United States: read
# only when the order is certain, from a number past 12 ("10/23/2021", "23/10/2021") or from a
# United States time zone written beside it ("10/07/21 07:42 AM EST", "8:02 am ET"). A year of
# two digits is this century's. A day of one figure may be padded with a space, as old page
# templates print it ("3/ 7/12 08:15 PM ET").
# Hyphens serve as slashes ("23-10-2021"), with a whole year only: "19-11-19" is as often a code.
_SLASHED_DATE = re.compile(r"(?<![\w/.-])(?:(\d{1,2})/((?: (?=\d/))?\d{1,2})/((?:19|20)?\d\d)(?![\w/])"
                           r"|(\d{1,2})-(\d{1,2})-((?:19|20)\d\d)(?![\w-]))")
_US_ZONE = re.compile(r"\b(?:E|C|M|P|AK|H)[SD]?T\b")
# A weekday written with the date settles its order too: "Tue, 03/05/2024 - 09:00" (Drupal's
# default date format, month first) is a Tuesday in March and a Friday in May. Short forms
# count only with their comma or dot ("Sun" is a name, and a newspaper's).
_WEEKDAY = re.compile(r"\b(?:(mon|tues|wednes|thurs|fri|satur|sun)day\b|(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[.,])",
                      re.I)
_WEEKDAY_NUMBERS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}


def _weekday_order(text: str, first: int, second: int, year: int) -> tuple[int, int] | None:
    """(month, day) of a slashed date whose order the weekday written beside it settles: the
    one reading that falls on that weekday, or None."""
    match = _WEEKDAY.search(text)
    if not match:
        return None
    weekday = _WEEKDAY_NUMBERS[(match[1] or match[2])[:3].casefold()]
    fitting = []
    for month, day in ((first, second), (second, first)):
        try:
            if datetime(year, month, day).weekday() == weekday:
                fitting.append((month, day))
        except ValueError:
            continue
    return fitting[0] if len(fitting) == 1 else None


def text_date(text: str, day_first: bool | None = None) -> str | None:
    """A full date written for readers ("2019年4月4日", "2019/04/04", "March 5, 2024",
    "5 March 2024", "10/23/2021"), as an ISO day; a month or a year alone is not a date, nor
    a day whose month may be either number ("07/05/2024") unless a time zone or a weekday
    written beside it says which ("Tue, 03/05/2024"), or the page's language does
    (`day_first`: True where it writes the day first, False the month, None unknown)."""
    match = _NUMERIC_DATE.search(text)
    if match:
        year, month, day = (int(g) for g in match.groups())
        if 1 <= month <= 12 and 1 <= day <= 31:
            return f"{year:04d}-{month:02d}-{day:02d}"
    match = _WORDED_DATE.search(text)
    if match:
        return match.group(0)
    match = _DOTTED_DATE.search(text)
    if match:
        day, month, year = (int(g) for g in match.groups())
        if month > 12 >= day:
            day, month = month, day
        if 1 <= month <= 12 and 1 <= day <= 31:
            return f"{year:04d}-{month:02d}-{day:02d}"
    match = _SLASHED_DATE.search(text)
    if match:
        first, second, year = (int(g) for g in match.groups() if g)
        year += 2000 if year < 100 else 0
        if second > 12 >= first or (max(first, second) <= 12 and _US_ZONE.search(text)):
            month, day = first, second
        elif first > 12 >= second:
            day, month = first, second
        elif ordered := _weekday_order(text, first, second, year):
            month, day = ordered
        elif day_first is not None:
            day, month = (first, second) if day_first else (second, first)
        else:
            return None
        if 1 <= month <= 12 and 1 <= day <= 31:
            return f"{year:04d}-{month:02d}-{day:02d}"
    return None


# Day, month and a year of two digits with dots ("10.15.15"), the whole text of an element
# named for the date: in prose the same shape is a version or a section number, so it is read
# only there.
_SHORT_DOTTED_DATE = re.compile(r"\s*(\d{1,2})\.(\d{1,2})\.(\d\d)\s*")


def _short_dotted_date(text: str, day_first: bool | None = None) -> str | None:
    """The day a date-named element states when its whole text is a dotted date with a
    two-digit year, this century's: month first when the second number is past 12, day first
    when the first is, else in the page's language's order (`day_first`), unknown otherwise."""
    match = _SHORT_DOTTED_DATE.fullmatch(text)
    if not match:
        return None
    first, second, year = (int(g) for g in match.groups())
    if second > 12 >= first:
        month, day = first, second
    elif first > 12 >= second:
        day, month = first, second
    elif day_first is not None and max(first, second) <= 12:
        day, month = (first, second) if day_first else (second, first)
    else:
        return None
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{2000 + year:04d}-{month:02d}-{day:02d}"


def _text(element) -> str | None:
    text = " ".join(element.text_content().split()) if element is not None else ""
    return text or None


# --- JSON-LD helpers -----------------------------------------------------------------------


def _names(value, want_people: bool, nodes: dict[str, dict] | None = None) -> list[str]:
    """Names from a JSON-LD author/publisher value: a string, an object or a list of them; an
    object that is only a reference ({"@id": ...}) is looked up in `nodes`.

    With want_people, objects typed as organisations are skipped; without, only they count.
    """
    if isinstance(value, dict) and isinstance(value.get("@list"), list):
        value = value["@list"]  # JSON-LD's ordered list
    if isinstance(value, list):
        return [name for entry in value for name in _names(entry, want_people, nodes)]
    if isinstance(value, str):
        return [html.unescape(value)] if want_people else []
    if isinstance(value, dict):
        value = _resolved(value, nodes)
        if _is_organisation(value) == want_people:
            return []
        name = value.get("name")
        if not name and isinstance(value.get("familyName"), str):
            # A Person given by its parts ("givenName": "Ada", "familyName": "Quill").
            given = value.get("givenName")
            name = f"{given if isinstance(given, str) else ''} {value['familyName']}".strip()
        # A list of names is one per person ("name": ["A", "B"]), not one name in parts.
        names = name if isinstance(name, list) else [name]
        # A name given as a JSON-LD value object, with its language ({"@value": "A", "@language":
        # "en"}), is its value.
        names = [n.get("@value") if isinstance(n, dict) else n for n in names]
        # Some templates write the name HTML-escaped into the JSON ("O&#039;Rourke").
        return [html.unescape(n).strip() for n in names if isinstance(n, str) and n.strip()]
    return []


def _creator_names(item: dict, nodes: dict[str, dict]) -> list[str]:
    """The people an article object names as its creator; none where its author is stated as
    organisations alone: then a creator given as a bare string ("creator": ["THE LEDGER"]) is
    the same house under another of its names (its print edition's), no typed Person."""
    creator = item.get("creator")
    author = item.get("author")
    if author and not _names(author, True, nodes) and _names(author, False, nodes):
        creator = [c for c in (creator if isinstance(creator, list) else [creator]) if not isinstance(c, str)]
    return _names(creator, True, nodes)


def _person_publishers(signals: Signals) -> set[str]:
    """The outlet keys of the article's publishers that its JSON-LD types as a person ("Person",
    or Yoast's ["Person", "Organization"] for a site that represents one). An untyped publisher
    or an organisation does not count: sites name themselves so."""
    keys = set()
    for item in signals.own_json_ld:
        publishers = item.get("publisher")
        for value in publishers if isinstance(publishers, list) else [publishers]:
            if not isinstance(value, dict):
                continue
            value = _resolved(value, signals.json_ld_nodes)
            types = value.get("@type")
            if "Person" in (types if isinstance(types, list) else [types]):
                keys.update(outlet_key(name) for name in _names(value, False) + _names(value, True) if outlet_key(name))
    return keys


def _resolved(value: dict, nodes: dict[str, dict] | None) -> dict:
    """The object a bare reference ({"@id": ...}, perhaps with a @type) stands for."""
    key = value.get("@id")
    if nodes and isinstance(key, str) and not value.get("name") and key in nodes:
        return nodes[key]
    return value


def _is_organisation(value: dict) -> bool:
    types = value.get("@type")
    types = " ".join(t for t in types if isinstance(t, str)) if isinstance(types, list) else str(types or "")
    return bool(_ORGANISATION_TYPE.search(types))


# An author page's address ends in the writer's name as a slug: /authors/ada-quill/.
_NAME_SLUG = re.compile(r"[a-z]{2,}(?:[-_][a-z]{1,}){1,3}")


def _profile_names(value, nodes: dict[str, dict] | None = None) -> list[str]:
    """Names spelled out of the profile URLs of JSON-LD people that give no name ("author":
    {"@type": "Person", "url": ".../authors/ada-quill"}), or of authors given as nothing but
    the address of their author page ("author": ".../author/ada-quill/"). Only a slug of two
    to four words of letters counts: numbers, hashes and one-word handles are not names. The
    slug loses the name's accents and apostrophes, so these names are a fallback after the
    visible byline."""
    if isinstance(value, list):
        return [name for entry in value for name in _profile_names(entry, nodes)]
    if isinstance(value, str):
        # A bare address names a person only on the shape of an author page: any other (a
        # social profile, the site's front page) may be anyone's, or no one's.
        name = _slug_name(value) if _is_author_page(value) else None
        return [name] if name else []
    if not isinstance(value, dict):
        return []
    value = _resolved(value, nodes)
    if value.get("name") or _is_organisation(value):
        return []
    address = value.get("url")
    if not isinstance(address, str):
        # A Person given by its profiles alone ("sameAs": [...]): the one on an author page.
        same = value.get("sameAs")
        address = next((a for a in (same if isinstance(same, list) else [same])
                        if isinstance(a, str) and _is_author_page(a)), None)
    if not isinstance(address, str) and isinstance(value.get("@id"), str):
        # A reference to a Person the page never states ({"@id": ".../author/ada-quill/#author"}):
        # its identifier is the author page's address, when it has the shape of one.
        address = value["@id"] if _is_author_page(value["@id"]) else None
    name = _slug_name(address) if isinstance(address, str) else None
    return [name] if name else []


# The address of the page of a person stated as the author (a JSON-LD author's url or @id, a
# meta author tag's content, a rel="author" link): besides the author pages' segments, the
# ones that a link in the page might use for topics ("/people/", "/team/") or accounts
# ("/profile/", "/user/", "/member/"), as here the page itself says the address is its author's.
_DECLARED_AUTHOR_PAGE = re.compile(rf"{_AUTHOR_PAGE.pattern}|/(?:people|persons?|profiles?|team|users?|members?|"
                                   r"experts?|redac(?:teur|tor|tores)s?|periodistas?|giornalisti?)/[^/?#]+", re.I)


def _is_author_page(address: str) -> bool:
    """The address is a page of the author stated (see _DECLARED_AUTHOR_PAGE)."""
    try:
        return bool(_PROFILE_URL.match(address.strip()) and _DECLARED_AUTHOR_PAGE.search(urlsplit(address.strip()).path))
    except ValueError:
        return False


_SLUG_NUMBER = re.compile(r"[-_]\d+$")


def _slug_name(address: str) -> str | None:
    """The name an address ends in as a slug ("/authors/ada-quill/" -> "Ada Quill")."""
    try:
        path = urlsplit(address.strip()).path.rstrip("/")
    except ValueError:
        return None
    # (A site may add the person's number to the slug: "/people/ada-quill-1234".)
    slug = _SLUG_NUMBER.sub("", path.rsplit("/", 1)[-1].casefold())
    if "/" not in path or not _NAME_SLUG.fullmatch(slug):
        return None
    return " ".join(word.capitalize() for word in re.split(r"[-_]", slug))


def _address(url) -> str | None:
    """A page's address compared without its scheme, "www.", query, fragment or final slash."""
    if not isinstance(url, str) or not url.strip():
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    host = parts.netloc.casefold().removeprefix("www.")
    return f"{host}{parts.path.rstrip('/')}" if host else None


def _item_address(item: dict) -> str | None:
    """The address a JSON-LD article object states for itself: its url, the page it is the
    main entity of, or its @id (often the address with "#article")."""
    main = item.get("mainEntityOfPage")
    main = main.get("@id") if isinstance(main, dict) else main
    for value in (item.get("url"), main, item.get("@id")):
        address = _address(value)
        if address:
            return address
    return None


def _item_headline(item: dict) -> str | None:
    headline = item.get("headline") or item.get("name")
    return _key(headline) if isinstance(headline, str) and headline.strip() else None


def _json_ld_value(signals: Signals, key: str):
    for item in signals.own_json_ld:
        value = item.get(key)
        if value:
            return value
    return None


# --- outlet --------------------------------------------------------------------------------


def site_names(signals: Signals, trafilatura_sitename: str | None = None) -> list[str]:
    """Every name the page gives its publisher, strongest first."""
    names = [v for key in META_SITE for v in signals.meta.get(key, [])]
    # The copyright holder and the declared publisher are organisations, never bylines.
    names += [_COPYRIGHT.sub(" ", v) for v in signals.meta.get("copyright", [])]
    names += [v for key in ("publisher", "dc.publisher", "dcterms.publisher", "article:publisher")
              for v in signals.meta.get(key, []) if not _PROFILE_URL.match(v)]
    for item in signals.json_ld:
        names += _names(item.get("publisher"), False, signals.json_ld_nodes)
    for item in signals.json_ld_others:
        names += _names(item, want_people=False)
    names += signals.logos
    names += signals.front_page_title_part
    if not names:
        # (Where no tag, no logo and no link home names the site: the copyright line's search
        # of the text is spared the many pages that name it so.)
        names += signals.copyright_title_part
    if trafilatura_sitename and not _headline_part_named_site(signals, trafilatura_sitename, names):
        names.append(trafilatura_sitename)
    names = dict.fromkeys(n.strip().lstrip("@") for n in names)
    return [n for n in names if n and not _is_page_title(signals, n)]


def _headline_part_named_site(signals: Signals, trafilatura_sitename: str, names: list[str]) -> bool:
    """trafilatura, where no tag names the site, names it after a part of the <title> with a dot
    in it, which it takes for a domain ("Harbor.example"): a part with words around its dot
    ("Council backs St. Ann plan", "Envoy leaves the U.N.") is a headline, and so is a part
    other than the one our own signals name the site by. (trafilatura parts the <title> at its
    last separator: "Storm 1.8 - The Big Update - Storm Notes" gives it a name of two parts.)"""
    title_parts = _title_tag_parts(signals.title_tag or "")
    parts = {_key(p) for p in title_parts}
    title = " ".join((signals.title_tag or "").split())
    parts |= {_key(title[:title.rfind(p)]).rstrip(" |-–—:·•»«›‹~/－_") for p in title_parts[-1:]}
    if _key(trafilatura_sitename) not in parts:
        return False
    return bool(re.search(r"\.\s|\s.*\.", trafilatura_sitename.strip())) or (
        bool(names) and _key(trafilatura_sitename) not in {_key(n) for n in names})


def _front_page_title_part(signals: Signals) -> list[str]:
    """The first or the last part of the <title> ("Headline – Site", "Site | Headline") when a
    link to the site's front page shows the same words (the site's title in its header): the
    page names its site there, where no tag does, and the part is no headline's. (Known from
    the links alone: _site_title, for the outlet, compares the parts with the headline chosen.)"""
    if signals.tree is None or not signals.title_tag:
        return []
    parts = _title_tag_parts(signals.title_tag)
    if len(parts) < 2:
        return []
    # (Not a part that the page's <h1> or its social card gives as the headline: a project's
    # front page may be its article, "Tool: What it does — Site", its link home reading the
    # headline.)
    headlines = {_key(h) for h in [*signals.headings, *(v for key in ("og:title", "twitter:title")
                                                        for v in signals.meta.get(key, []))]}
    ends = {_key(p): p for p in (parts[0], parts[-1]) if p and _key(p) not in headlines}
    if not ends:
        return []
    for link in _front_page_link_candidates(signals):
        # (The label first: the links left to test are mostly the page's "#" and "/" links,
        # which urlsplit and the domain test cost five times what their labels do.)
        # (On a page saved with no address of its own, a link home written whole, "https://
        # site.example/", cannot be told from another site's: either way, a front page's link
        # that reads as the <title>'s end part shows that part to be a site's name, not the
        # headline's words. "Headline_Section_Site" over <a href="http://site.example/">Site</a>.)
        if (text := _link_label(link)) and _key(text) in ends and _links_front_page(link, signals.url, any_host=True):
            return [ends[_key(text)]]
    return []


# The page's copyright notices: text that holds "©" or the word, outside scripts and styles.
_COPYRIGHT_TEXTS = etree.XPath("//body//text()[(contains(., '©') or contains(., 'opyright') or contains(., 'OPYRIGHT'))"
                               " and not(parent::script or parent::style)]")
_COPYRIGHT_LINE = 200  # characters of a notice's element at most: a line, not the footer
_COPYRIGHT_NOTICES = 4  # notices read at most
_COPYRIGHT_MARKS = ("©", "&copy", "&#169", "opyright", "OPYRIGHT")  # in the markup as text


def _word_key(text: str) -> str:
    return " " + " ".join(re.findall(r"\w+", text.casefold())) + " "


def _copyright_title_part(signals: Signals) -> list[str]:
    """The first or the last part of the <title> ("Headline - Site") that the page's copyright
    line names ("© 2024 Site Media Ltd"): the site's name, stated where a reader sees it, on a
    page whose tags name no site. The holder's name begins with the part, in whole words: a
    word further in is another name's ("Headline | Business" beside "© 2024 Site, part of
    Owner Business Media"). (Not a part the <h1> gives as the headline.)"""
    if not signals.title_tag or not signals.copyright_lines:
        return []
    parts = _title_tag_parts(signals.title_tag)
    if len(parts) < 2:
        return []
    headlines = {_key(h) for h in signals.headings}
    ends = [p for p in dict.fromkeys((parts[0], parts[-1])) if p.strip() and _key(p) not in headlines]
    if not ends:
        return []
    holders, addresses = [], set()
    for line in signals.copyright_lines:
        holders += [_word_key(holder) for holder in _copyright_holders(line)]
        # A holder named by its address ("© 1998-2015 by individual harborledger.example
        # contributors"): the address's name, the part's words run together, whole.
        addresses |= {label.replace("-", "") for label in _HOLDER_ADDRESS.findall(line.casefold())}
    named = [p for p in ends if _word_key(p).strip()
             and (any(holder.startswith(_word_key(p)) or holder.startswith(" the" + _word_key(p)) for holder in holders)
                  or _word_key(p).replace(" ", "") in addresses)]
    return named if len(named) == 1 else []  # (both ends named: no telling which is the site)


# A copyright notice's mark, and the years and marks between it and the holder's name.
_COPYRIGHT_MARK = re.compile(r"(?:©|\(c\)|\bcopyright\b)(?:[\s,:]*(?:©|\(c\)|copyright\b|by\b|"
                             r"\d{4}(?:\s*[-–—/]\s*\d{2,4})?))*[\s,:]*", re.I)
# Where the holder's name ends: a stop or a comma, a dash or a bar, the year written after it,
# or the words that go on to the company that owns it ("Site, part of Owner Media", "Site, a
# Owner Media company") or to the rights ("Site All rights reserved").
_COPYRIGHT_HOLDER_END = re.compile(r"[.,;](?:\s|$)|\s[-–—|·•]\s|[|·•()\[\]©]|\s\d{4}\b|"
                                   r"\s(?:part\s+of|an?|all\s+rights|some\s+rights)\s", re.I)


# A web address in a copyright line, and its name (the label before the top-level domain).
_HOLDER_ADDRESS = re.compile(r"(?<![\w.-])(?:www\.)?([^\W_][\w-]*)\.(?:[a-z]{2,}\.)?[a-z]{2,}(?![\w.-])")


def _copyright_holders(line: str) -> list[str]:
    """The holders' names a copyright line gives after its mark and year ("Copyright © 2024
    Site, part of Owner Media." -> "Site"): the name whole, not the words of the line, so that
    a section's name inside the owner's ("Owner Business Media") names no part of the title."""
    holders = []
    for mark in _COPYRIGHT_MARK.finditer(line):
        rest = line[mark.end():]
        end = _COPYRIGHT_HOLDER_END.search(" " + rest)
        holder = rest[:end.start() - 1 if end else len(rest)].strip()
        if holder:
            holders.append(holder)
    return holders


# The words an image's alt text or a link's label sets after a site's name: "Site logo", "Site
# - Home", "Site homepage".
_LOGO_WORDS = re.compile(r"[\s|:·–—-]*\b(?:logo|home\s*page|homepage|home)\s*$", re.I)


def _link_label(link) -> str | None:
    """A link's text, or where it has none (a logo drawn by an image or an SVG) the name its
    aria-label, its title or its image's alt text gives, less a trailing "logo" or "home"."""
    text = _text(link)
    if text:
        return text
    for value in (link.get("aria-label"), link.get("title"), *(img.get("alt") for img in link.iter("img"))):
        if value and value.strip():
            return _LOGO_WORDS.sub("", value).strip() or None
    return None


def _is_page_title(signals: Signals, name: str) -> bool:
    """A "site name" that is the page's whole <title> is a template filling every name field
    with the headline: it names the article, not the publisher."""
    return bool(signals.title_tag) and outlet_key(name) == outlet_key(signals.title_tag)


def choose_outlet(signals: Signals, trafilatura_sitename: str | None, headline: str | None = None) -> Choice:
    """The publisher's name: og:site_name, JSON-LD's publisher, microdata's, application-name;
    then the part of the <title> beside the headline that a link to the front page also shows
    (the site's title in its header), or that the copyright line, a logo, a feed or the address
    names, two statements of the same name; last, trafilatura's site name (not a handle the
    address does not name: normalise falls back on the domain). A name that
    is the software's the page's generator tag names (a blog platform's JSON-LD gives itself as
    every blog's publisher) is the platform's, not the outlet's: the next signal is asked, and
    the platform's name is given only where none names another."""
    platforms = {outlet_key(v.split()[0]) for v in signals.meta.get("generator", []) if v.split()}
    platform_named = None
    for choice in _outlet_choices(signals, trafilatura_sitename, headline):
        # (A name escaped twice over, "Ann &amp;amp; Tom", reads "Ann &amp; Tom" once parsed.)
        choice = Choice(_unescaped(choice.value), choice.source)
        if not platforms or outlet_key(choice.value) not in platforms:
            return choice
        platform_named = platform_named or choice
    return platform_named or Choice(None, None)


def _outlet_choices(signals: Signals, trafilatura_sitename: str | None, headline: str | None):
    """choose_outlet's signals, strongest first, each read only when asked for."""
    og = signals.meta.get("og:site_name")
    label = outlet_key(domain) if (domain := domain_of(signals.url)) else None
    if og and label:
        # The site's name run into a list of its topics ("Site | F1 | Rally"), or an
        # og:site_name that has nothing of the page's address: an edition's name ("U.S."), a
        # tagline, where the <title> ends in the address's own name.
        part = _site_name_part_named_by_domain(og[0], label)
        if part:
            yield Choice(part, "meta")
        site = None if _shares_domain(og[0], label) else _title_site_part_named_by_domain(signals, label)
        if site:
            yield Choice(site, "title")
    if og:
        yield Choice(_site_name_less_tagline(og[0], signals.title_tag) or og[0], "meta")
    for item in signals.json_ld:
        publisher = _names(item.get("publisher"), False, signals.json_ld_nodes)
        if publisher:
            yield Choice(publisher[0], "json-ld")
            break
    microdata = _microdata_publisher(signals)
    if microdata:
        yield Choice(microdata, "meta")
    application = signals.meta.get("application-name")
    if application and not _is_page_title(signals, application[0]):
        yield Choice(application[0], "meta")
    # The <title>'s site part, which the page shows again where a reader sees it, is asked
    # before trafilatura's site name: where no tag above names the site, trafilatura's is read
    # from the tags that name the company that owns it (publisher, copyright: "Harbor Media
    # Group" for "Harbor Ledger") or its account's handle, which the name a reader sees beats.
    site = _site_title(signals, headline) or _confirmed_title_site(signals, headline)
    if site:
        yield Choice(site, "title")
    if (trafilatura_sitename and "." not in trafilatura_sitename
            and not _is_page_title(signals, trafilatura_sitename)
            and not _handle_of_another_account(signals, trafilatura_sitename)):
        yield Choice(trafilatura_sitename, "trafilatura")
    holder = _copyright_holder_named_by_domain(signals, label)
    if holder:
        yield Choice(holder, "text")


def _site_name_less_tagline(name: str, title_tag: str | None) -> str | None:
    """A site's name that its og:site_name runs on with a line about the site: after a bar, a
    line written as a phrase, not as a name ("Harbor Ledger | the valley's own paper"), or,
    after the name the <title> ends with, words that begin in lower case ("Pine Notes hosted
    by Valley Media" beside "Headline - Pine Notes"). None where the name is written so.
    (After the <title>'s name, only a line that opens with a word joining it to the name,
    "hosted by", "a paper of", or of _TAGLINE_WORDS words or more: a lower-case word alone is
    the name's own, "Harbor online" beside "Headline - Harbor".)"""
    name = " ".join(name.split())
    parts = re.split(r"\s+[|｜]\s+", name)
    if len(parts) == 2 and _written_as_name(parts[0]) and _written_as_phrase(parts[1]):
        return parts[0]
    title_parts = _title_tag_parts(title_tag) if title_tag else []
    for end in dict.fromkeys(title_parts[:1] + title_parts[-1:] if len(title_parts) > 1 else []):
        rest = name[len(end):]
        if end and name.startswith(end + " ") and _written_as_phrase(rest) and (
                _TAGLINE_OPENER.match(rest) or len(rest.split()) >= _TAGLINE_WORDS):
            return end
    return None


_TAGLINE_WORDS = 3
# Words that join a line about the site to its name: "hosted by ...", "a paper of ...".
_TAGLINE_OPENER = re.compile(r"\s*(?:(?:hosted|powered|run|published|owned|operated|presented|brought\s+to\s+you)\s+by"
                             r"|(?:an?|the|part)(?:\s+[\w'’-]+){0,3}\s+of)\s", re.I)


def _written_as_name(text: str) -> bool:
    """A few words, each beginning in capitals or a digit ("Harbor Ledger", "LinkHarbor"),
    but the words that link a name's ("of", "the")."""
    words = [w for w in text.split() if w.casefold() not in _NAME_LINK_WORDS]
    return 1 <= len(words) <= _NAME_WORDS and all(w[0].isupper() or w[0].isdigit() for w in words)


def _written_as_phrase(text: str) -> bool:
    """Words of which one begins in lower case and is no word that links a name's ("of",
    "the"): a line, not a name ("the valley's own paper", "hosted by ...")."""
    return any(w[:1].islower() and w.casefold() not in _NAME_LINK_WORDS for w in text.split())


def named_by_domain(name: str, label: str, rest: int, share: float = 0.0) -> bool:
    """The page's domain (its `label`, "harborledger") names `name`: its key, spelled in short
    by it, or a word of it (choose_title's tests; `rest`, the length of the text beside it;
    `share`, as _named_in_domain takes it)."""
    return (outlet_key(name) == label or _spelled_by_domain(name, label)
            or _named_in_domain(name, label, max(rest, len(name) + 1), share=share))


_TOPIC_PARTS = 2  # short parts beside a site's name, at least, to be a list of its topics
_TOPIC_WORDS = 3  # words of each such part, at most


def _shares_domain(name: str, label: str) -> bool:
    """Anything of the page's domain (its `label`) in a name: a word of three letters or more,
    its initials, its letters run together, or a spelling in short (_spelled_by_domain)."""
    key = outlet_key(name)
    words = [w.casefold() for w in re.findall(r"[^\W_]{3,}", _unaccented(name))]
    return bool(key) and (key in label or label in key or _initials(name) == label
                          or any(w in label for w in words) or _spelled_by_domain(name, label))


def _site_name_part_named_by_domain(name: str, label: str) -> str | None:
    """The one part of a site's name written with a list of its topics after bars ("Harbor
    Racing | F1 | Rally | Karts") that the page's domain names. (Two parts may be one name, or
    a name and a line of its own: they are left as they are.)"""
    parts = [p.strip() for p in re.split(r"\s+[|｜]\s+", " ".join(name.split())) if p.strip()]
    if len(parts) < 1 + _TOPIC_PARTS:
        return None
    named = [p for p in parts if named_by_domain(p, label, len(name) - len(p))]
    others = [p for p in parts if p not in named]
    return named[0] if len(named) == 1 and all(len(p.split()) <= _TOPIC_WORDS for p in others) else None


def _title_site_part_named_by_domain(signals: Signals, label: str) -> str | None:
    """The <title>'s last part, when it is the page's domain's own name ("Headline - Harbor
    Ledger" at harborledger.example, the words run together): the address and the title state
    the site's name, where the og:site_name states another (an edition's, a tagline). A part
    of one word may be a section's name, which a domain may be too ("Headline - Politics" at
    politics.example): it is taken only over an og:site_name shorter than itself, an edition's
    ("U.S."), not a name written out in full ("The Morning Courier"). (Several words run
    together as the domain are the site's own name.)"""
    if not signals.title_tag:
        return None
    parts = _title_tag_parts(signals.title_tag)
    if len(parts) < 2 or outlet_key(parts[-1]) != label:
        return None
    one_word = len(_CAMEL_HUMP.sub(" ", parts[-1]).split()) == 1
    og = signals.meta.get("og:site_name", [""])[0]
    return None if one_word and len(outlet_key(og)) >= len(label) else parts[-1]


_CAMEL_HUMP = re.compile(r"(?<=[a-z])(?=[A-Z])")  # where words run together begin ("Harbor|Ledger")


def _copyright_holder_named_by_domain(signals: Signals, label: str | None) -> str | None:
    """The holder of the page's copyright line ("© 2024 Harbor Ledger") when the page's domain
    is its name (harborledger.example): the site's name where no tag, no <title> part and no
    logo names it. On a page that states no address of its own, the domain of a link it
    gives to a front page ("https://www.harborledger.example/") may name the holder so."""
    if not signals.copyright_lines:
        return None
    labels = {label} if label else {
        outlet_key(domain) for link in _front_page_link_candidates(signals)
        if (target := _split_href(link)) is not None and target.netloc and _links_front_page(link, None, any_host=True)
        and (domain := domain_of(f"https://{target.netloc}/"))}
    for line in signals.copyright_lines:
        for holder in _copyright_holders(line):
            if any(outlet_key(holder) == key or _spelled_by_domain(holder, key) for key in labels):
                return holder
    return None


def _handle_of_another_account(signals: Signals, name: str) -> bool:
    """trafilatura's site name is the page's Twitter handle (twitter:site, "@HarborDesk") and
    the page's own address names no account of that name: a handle is an account's, often a
    desk's or a product's ("HarborDesk" at harborledger.example), written as no reader reads
    the site's name. The outlet then falls to the address (normalise's last resort). A handle
    that the host name begins with, or one of its labels ("@harbor" at harborledger.example,
    news.harbor.example), is the site's, and stays."""
    key = outlet_key(name)
    if not signals.url or key not in {outlet_key(v.lstrip("@")) for v in signals.meta.get("twitter:site", [])}:
        return False
    host = (urlsplit(signals.url).hostname or "").split(".")
    return bool(host[:-1]) and not any(outlet_key(label).startswith(key) for label in host[:-1])


_LINKS = etree.XPath("//a[@href]")


def _front_page_link_candidates(signals: Signals) -> list:
    """The page's links that may go to its front page (read_signals took them), or where it did
    not, every link (_links_front_page tells them)."""
    if signals.front_page_link_candidates is not None:
        return signals.front_page_link_candidates
    return _LINKS(signals.tree)
_MICRODATA_PUBLISHERS = etree.XPath('//*[contains(concat(" ", normalize-space(@itemprop), " "), " publisher ")]')
_MICRODATA_NAMES = etree.XPath('.//*[@itemprop="name" or @itemprop="legalName"]')


# The item types whose publisher is the page's own: the article, the post, the page, a review
# (the last word of the itemtype's address). A Book's or a VideoGame's publisher, in a review
# of it, is the thing's, not the site's.
_PAGE_ITEM_TYPE = re.compile(r"(?:Article|Posting|Page|Blog|Report|CreativeWork|Review|WebSite)/?\s*$")


def _is_page_item(element) -> bool:
    """The publisher element belongs to no item, or to an item of the page's own kind
    (_PAGE_ITEM_TYPE): its owner is the nearest item around it."""
    owner = next((box for box in element.iterancestors() if box.get("itemscope") is not None), None)
    return owner is None or not owner.get("itemtype") or bool(_PAGE_ITEM_TYPE.search(owner.get("itemtype")))


def _microdata_publisher(signals: Signals) -> str | None:
    """The name of the publisher the page's microdata declares: a publisher item's own name
    (<div itemprop="publisher" itemscope itemtype=".../Organization"><meta itemprop="name"
    content="...">, as news templates write it beside their article item), or the content of
    an itemprop="publisher" <meta> (as some hosted site builders write it in the <head>).
    trafilatura reads neither; JSON-LD's publisher is the same statement, read before."""
    if signals.tree is None or (signals.html is not None and "publisher" not in signals.html):
        return None  # (a search of the markup as text spares most pages the tree's)
    for element in _MICRODATA_PUBLISHERS(signals.tree):
        if _IN_COMMENTS(element) or _TEASER_ITEM(element) or not _is_page_item(element):
            continue
        if element.get("itemscope") is None:
            value = element.get("content") if element.tag == "meta" else _text(element)
        else:
            # (Its own name, not a nested item's: the logo's, the address's.)
            own = [e for e in _MICRODATA_NAMES(element)
                   if next((box for box in e.iterancestors() if box.get("itemscope") is not None), None) is element]
            value = (own[0].get("content") or _text(own[0])) if own else None
        value = " ".join(value.split()) if value else None
        if value and len(value) <= 100 and not _PROFILE_URL.match(value) and not _is_page_title(signals, value):
            return value
    return None


def _title_tag_parts(title_tag: str) -> list[str]:
    """The <title>'s parts between its separators ("Headline | Site", "Headline – Section –
    Site"), or, with none, around a colon ("Site: Headline", a blog platform's form)."""
    title = " ".join(title_tag.split())
    parts = [p.strip() for p in _TITLE_SEPARATOR.split(title)]
    if len(parts) < 2 and (colon := _SITE_COLON.match(title)):
        parts = [colon[1], colon[2]]
    return parts


def _site_title(signals: Signals, headline: str | None) -> str | None:
    """The part of the <title> that is not the headline ("Site: Headline", "Headline | Site"),
    when a link to the site's front page shows the same words (the header's site title or
    logo text): a page with no publisher tags names its site so in both places."""
    if signals.tree is None or not signals.title_tag or not headline:
        return None
    parts = _title_tag_parts(signals.title_tag)
    rest = {_key(p): p for p in parts if p and _key(p) != _key(headline)}
    if len(parts) < 2 or not rest or _key(headline) not in {_key(p) for p in parts}:
        return None
    # (On a page saved with no address of its own, a link home written whole names an end part
    # too, as _front_page_title_part reads it: no address says the host is another site's. A
    # middle part so linked is a section's front, "News" on news.site.example.)
    ends = {_key(parts[0]), _key(parts[-1])}
    for link in _front_page_link_candidates(signals):
        if ((text := _link_label(link)) and _key(text) in rest and not _FRONT_PAGE_WORDS.fullmatch(text.strip())
                and _links_front_page(link, signals.url, any_host=_key(text) in ends)):
            return rest[_key(text)]
    return None


def _confirmed_title_site(signals: Signals, headline: str | None) -> str | None:
    """The <title>'s part beside the headline ("Headline - Site", "Site | Headline", "Headline -
    Site - Tagline") that the page states again as its own name: its copyright line ("© 2024
    Site", of the <title>'s first or last part), its logo's image ("<img src="/img/logo.png"
    alt="Site">") or its logo's <h1> (signals.logos), its feed's title ("Site » Feed"), or its address (the part written as the
    host name, "Site.example", or read in it by _spelled_by_domain or _named_in_domain, as
    choose_title reads them). A part that no such statement names is left alone: a section's
    name ("Opinion", "Local News") sits in the same places. A logo or a feed names only a part at
    the <title>'s end, and a part made of section words alone (_is_section_name) is none: a
    section has its own logo and feed ("Headline | Business | Site" beside alt="Business" and
    "Business RSS"). Where two parts are named, none is (no telling which is the site)."""
    if signals.tree is None or not signals.title_tag or not headline:
        return None
    title = " ".join(signals.title_tag.split())
    parts = _title_tag_parts(title)
    if len(parts) < 2:
        return None
    # The parts the headline is made of, where it is a run of them ("Customize it — The browser"
    # of "Product — Customize it — The browser — Site"): the others are beside it, though the
    # headline may hold their words ("How we built Site's queue - Site"). Where it is worded
    # otherwise, a part that it holds is no site's.
    spans = _part_spans(title)
    head = _key(headline)
    inside = next(({_key(parts[n]) for n in range(first, last + 1)} for first in range(len(spans))
                   for last in range(first, len(spans)) if _key(title[spans[first][0]:spans[last][1]]) == head),
                  None) if len(spans) == len(parts) else None
    length = len(" ".join(parts))
    candidates = [p for p in dict.fromkeys(parts) if p.strip() and _word_key(p).strip()
                  and (_key(p) not in inside if inside is not None else _word_key(p) not in _word_key(headline))
                  and len(p) < length - len(p) and not _FRONT_PAGE_WORDS.fullmatch(p.strip())
                  and not _is_section_name(p)]
    if not candidates:
        return None
    copyright_named = signals.copyright_title_part
    # A logo or a feed names a part at the <title>'s end only: a middle part is the section
    # ("Headline | Section | Site"), and a section has its own logo image and its own feed
    # ("Section RSS"). A page's feeds confirm a name only where they all give the same one:
    # the site's and its sections' feeds side by side name no one of them as the site.
    logo_names = {outlet_key(name) for name in [*_logo_image_names(signals.tree), *signals.logos]}
    feed_names = {outlet_key(name) for name in _feed_site_names(signals.tree)}
    ends = {outlet_key(parts[0]), outlet_key(parts[-1])}
    shown = (logo_names | (feed_names if len(feed_names) == 1 else set())) & ends
    label = outlet_key(domain) if (domain := domain_of(signals.url)) else None
    named = [p for p in candidates if p in copyright_named or outlet_key(p) in shown
             or (label and named_by_domain(p, label, length - len(p), share=_DOMAIN_SHARE))]
    return named[0] if len({outlet_key(p) for p in named}) == 1 else None


# The names sites give their sections, which the section's page sets in its <title> beside the
# headline, in its own logo's alt text and its own feed's title: a part made of these alone
# ("Business", "Sport", "Arts & Culture", "Local News") is never read as the site's name.
_SECTION_NAMES = frozenset("""
    sport sports business opinion opinions politics world technology tech entertainment lifestyle
    local health science travel culture arts money markets finance weather video videos life style
    food education environment economy national international metro features comment analysis
    """.split())
_SECTION_NAME_LINKS = frozenset({"and", "&", "news"})


def _is_section_name(part: str) -> bool:
    words = re.findall(r"[\w&]+", part.casefold())
    return (any(word in _SECTION_NAMES for word in words)
            and all(word in _SECTION_NAMES or word in _SECTION_NAME_LINKS for word in words))


# The share of the domain's letters that the words of a <title>'s part found in it make, at
# least, to name the outlet: choose_title cuts a part with fewer ("Headline - Auto News" at
# autoharbor.example, a section's name), but the site's name is the domain's, not a section's.
_DOMAIN_SHARE = 0.5


# An image that is the site's logo: the word in its file's name, its alt text, class or id.
_LOGO_IMAGES = etree.XPath('//img[@alt][contains(translate(concat(@src, " ", @alt, " ", @class, " ", @id), '
                           '"LOGO", "logo"), "logo")]')
_LOGO_IMAGES_READ = 10  # logo images read at most (a partners' strip may hold many)


# The word an image's alt text may set before the site's name too: "Logo Site", "logo of Site".
_LOGO_LEAD = re.compile(r"^\s*logo\b[\s:|·–—-]*(?:(?:of|de|del|du|von|van)\s+)?", re.I)


def _logo_image_names(tree: HtmlElement) -> list[str]:
    """The names the page's logo images give in their alt text, less a "logo" before or after."""
    names = []
    for image in _LOGO_IMAGES(tree)[:_LOGO_IMAGES_READ]:
        name = _LOGO_LEAD.sub("", _LOGO_WORDS.sub("", " ".join(image.get("alt").split()))).strip()
        if name:
            names.append(name)
    return names


_FEED_LINKS = etree.XPath('//link[@title][contains(concat(" ", normalize-space(@rel), " "), " alternate ")]'
                          '[contains(@type, "rss") or contains(@type, "atom")]')
# The words a feed's title sets after the site's name: "Site » Feed", "Site RSS Feed", "Site -
# Comments Feed", "Site: All Posts (Atom)".
_FEED_WORDS = re.compile(r"[\s|:·»–—-]*(?:(?:all\s+)?(?:posts|entries|comments)\s+)?"
                         r"\(?(?:(?:rss|atom)(?:\s*\d\.\d+)?(?:\s+feed)?|feed)\)?\s*$", re.I)


def _feed_site_names(tree: HtmlElement) -> list[str]:
    """The site's name as its feeds' titles give it (<link rel="alternate" type="application/
    rss+xml" title="Site » Feed">): the first part of a title of parts, or a title less its
    trailing feed words ("Site RSS"). (A post's comments feed, "Site » Headline Comments
    Feed", gives its first part too.)"""
    names = []
    for link in _FEED_LINKS(tree):
        title = " ".join(link.get("title").split())
        parts = _title_tag_parts(title) if _TITLE_SEPARATOR.search(title) else [title]
        name = _FEED_WORDS.sub("", parts[0]).strip()
        if name:
            names.append(name)
    return names


# What a link home reads when it names the front page, not the site: "Home", "News", "Front
# Page" (a title may end with the same word, "Headline | Home", a section's label).
_FRONT_PAGE_WORDS = re.compile(r"(?:home(?:\s*page)?|front\s*page|main\s*page|start(?:\s*page)?|index|"
                               r"(?:latest\s+|top\s+)?(?:news|stories)|latest|inicio|portada|startseite|accueil)", re.I)


def choose_domain(signals: Signals, trafilatura_hostname: str | None) -> str | None:
    return domain_of(signals.url) or trafilatura_hostname


# --- title ---------------------------------------------------------------------------------


# Typographic quotes and dashes read as their plain forms, so "won't" meets "won’t".
_QUOTES = str.maketrans({"‘": "'", "’": "'", "‛": "'", "′": "'",
                         "“": '"', "”": '"', "„": '"', "″": '"',
                         "–": "-", "—": "-"})


def _key(text: str) -> str:
    """A title compared by its words: case, spacing and typographic quotes aside."""
    return " ".join(text.translate(_QUOTES).casefold().split()).strip(" .")


_SITE_COLON = re.compile(r"^\s*([^:|]{2,60}?):\s+(\S.*)$")
# A host name written as a site's name: "harborledger.example", "www.HarborLedger.co.uk".
_HOST_NAME = re.compile(r"(?:[\w-]+\.)+[^\W\d_]{2,}")


def _title_variants(title: str, sites: set[str]) -> tuple[frozenset[str], frozenset[str]]:
    # choose_title asks for the forms of the same few titles (the <title>, its copies in
    # the social card) several times over: they are worked out once.
    return _cached_title_variants(title, frozenset(sites))


@lru_cache(maxsize=512)
def _cached_title_variants(title: str, sites: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
    """(strong, weak) forms of a title. Strong: as given, and without the parts at either end
    that name the site. Weak: any run of its parts, which only wins when another signal agrees.
    A form that is only the site's name is never a title."""
    strong = {_key(title)}
    # "Site: Headline": a colon only parts the title when what comes before it is the site's
    # name (elsewhere it is the headline's own: "Bridge: the council decides").
    lead = _SITE_COLON.match(title)
    if lead and _names_site(lead.group(1), sites) and not _names_site_at_end(lead, sites):
        title = f"{lead.group(1)} | {lead.group(2)}"
    spans = _part_spans(title)
    parts = [title[a:b] for a, b in spans]

    def run(first: int, last: int) -> str:
        # (By place, not by search: a part may come twice, "Headline - Headline - Site".)
        return title[spans[first][0]:spans[last][1]]
    site_part = [_names_site(p, sites) for p in parts]  # asked once per part, not per run
    if len(parts) > 1 and not any(site_part):
        # "Headline - Harbor Ledger and Evening Gazette" where the site is known as "Harbor
        # Ledger" (its domain, its handle): an end part that begins with the site's name in whole words
        # goes on past _SITE_SUFFIX, and is the site's all the same while it is shorter than
        # the rest of the title (a headline that begins with the site's name is the longer).
        for end in (0, len(parts) - 1):
            rest = len(" ".join(parts)) - len(parts[end])
            site_part[end] = len(parts[end]) < rest and _begins_with_site(parts[end], sites)
    start, end = 0, len(parts)
    while start < end and site_part[start]:
        start += 1
    while end > start and site_part[end - 1]:
        end -= 1
    if start < end and (start, end) != (0, len(parts)):
        # "Headline - Section - Site", "Site | Section | Headline": the part next to the site's
        # name, when it is short beside the rest, is the section the site files the story in
        # (the form with it stays a weak one).
        if end - start >= 2 and end < len(parts) and _is_section(parts[end - 1], parts[start:end - 1]):
            end -= 1
        elif end - start >= 2 and start > 0 and _is_section(parts[start], parts[start + 1:end]):
            start += 1
        if (end - start >= 2 and start == 0 and end < len(parts) and _BAR_BEFORE.search(title[:spans[1][0]])
                and _is_section(parts[0], parts[1:end])):
            # "Letters | Headline - Site": a section's name set before the headline with a
            # bar (no headline's punctuation), at the other end from the site's name.
            start = 1
        strong.add(_key(run(start, end - 1)))
    elif start < end and any(site_part):
        # The site's name inside the title, not at an end: what follows it is its tagline
        # ("Headline | Site - News from the valley", "Headline | Site | F1 | Rally | Karts"),
        # what precedes it its section or the tagline of a name put first. The side before
        # the name is the headline, unless it is as short as a section's name beside the
        # other.
        first = site_part.index(True)
        last = len(site_part) - 1 - site_part[::-1].index(True)
        sides = [run(*side) for side in ((0, first - 1) if first > 0 else None,
                                         (last + 1, len(parts) - 1) if last < len(parts) - 1 else None) if side]
        strong.add(_key(sides[1] if len(sides) > 1 and _is_section(sides[0], [sides[1]]) else sides[0]))
    keys = [_key(p) for p in parts]
    for size in range(1, (end - start) // 2 + 1):
        if keys[start:start + size] == keys[start + size:start + 2 * size]:
            # "Headline - Headline - Blog": a template that writes the post's title where the
            # page's name goes, after the same title. The run said twice is the headline.
            strong.add(_key(run(start, start + size - 1)))
            break
    weak = set()
    for i in range(len(parts)):
        for j in range(i, len(parts)):
            if not site_part[i] and not site_part[j]:
                weak.add(_key(run(i, j)))
    site_forms = {form for form in strong | weak if _names_site(form, sites)}
    if parts and all(site_part):
        site_forms.add(_key(title))  # "Site en Español - Site": every part names the site
    return frozenset(strong - site_forms), frozenset(weak - site_forms)


def _names_site_at_end(lead: re.Match, sites: frozenset[str]) -> bool:
    """A title "Site Gift Guide: Headline - Site": what comes before its colon begins with the
    site's name and goes on (a series' or a column's name), and the title names the site again
    in a part of its own at its end. A title names its site once, so the words before the colon
    are the headline's own; "Site: Headline" (the name alone before the colon) is the site's,
    and so is "Site Sports: Headline - Site", a section's name of one word after the site's
    (a series is named in more: "Gift Guide")."""
    rest = lead.group(2)
    spans = _part_spans(rest)
    if len(spans) < 2 or outlet_key(lead.group(1)) in sites:
        return False
    end = rest[spans[-1][0]:spans[-1][1]]
    return _names_site(end, sites) and len(lead.group(1).split()) - len(end.split()) >= _SERIES_WORDS


_SERIES_WORDS = 2  # words of a series' name after the site's, at least (one is a section's)


# The separator that sets a site's name after a headline and is no headline's punctuation: a
# bar between spaces.
_BAR_BEFORE = re.compile(r"\s[|｜]\s*$")
_NAME_WORDS = 4  # words of a site's name at most, guessed by its place alone


def _barred_name_at_end(title: str) -> str | None:
    """The last part of a <title> that no signal names ("Headline | Harbor Ledger"), read as the
    site's name by its place: after a bar, of a few words, starting as a name does (not with a
    lower-case word), and shorter than the rest. Templates end every <title> so; a
    headline has no bar in it. (Only where the whole <title> won with nothing to tell its
    parts apart: any other signal outweighs this guess.)"""
    parts = [p for p in _title_tag_parts(title) if p]
    if len(parts) < 2:
        return None
    last = parts[-1]
    before = title[:title.rfind(last)]
    barred = (bool(_BAR_BEFORE.search(before)) and len(last.split()) <= _NAME_WORDS
              and not last[:1].islower() and len(" ".join(parts[:-1])) > len(last))
    return last if barred else None


def _without_section_at_end(title: str, marks: str) -> str | None:
    """The <title> less its last part, where that part is as short as a section's name beside
    the rest (_is_section), does not start in lower case, and is set after one of `marks`
    between spaces: "Headline | Local" once the site's name is cut."""
    spans = _part_spans(title)
    if len(spans) < 2:
        return None
    between = title[spans[-2][1]:spans[-1][0]]
    last = title[spans[-1][0]:spans[-1][1]]
    if (between.strip() not in marks or not between.strip() or not between.startswith(" ") or last[:1].islower()
            or not _is_section(last, [title[a:b] for a, b in spans[:-1]])):
        return None
    return title[:spans[-2][1]]


def _section_and_name_at_end(title: str) -> str | None:
    """The headline of a <title> "Headline - Local News - Harbor Ledger" that nothing else
    parts: a dash is a headline's punctuation too, but not twice, the same dash, before a
    section's name and then a name (a few words that do not start in lower case, shorter
    than the headline). None where the <title> is not so."""
    spans = _part_spans(title)
    if len(spans) < 3:
        return None
    last = title[spans[-1][0]:spans[-1][1]]
    before_last, before_section = title[spans[-2][1]:spans[-1][0]], title[spans[-3][1]:spans[-2][0]]
    headline = _without_section_at_end(title[:spans[-2][1]], "-–—")
    if (headline is None or before_last != before_section or len(last.split()) > _NAME_WORDS
            or last[:1].islower() or len(headline) <= len(last)):
        return None
    return headline


def _is_section(part: str, rest: list[str]) -> bool:
    """A title part short enough to be a section's name ("World", "Local news", "智能") beside
    the rest of the title, which is at least twice as long."""
    return (len(part.split()) <= 3 and len(part.strip()) <= 20
            and len(" ".join(rest)) >= 2 * len(part.strip()))


# Words every title may share with a section name or a widget heading ("Information and
# Resources", "More from the Desk"): sharing only these is sharing nothing. English and the
# other languages of the news we see most.
_FUNCTION_WORDS = set(
    "a an the and or but of to in on at by for from with about as into over after is are was "
    "be it its this that these those how what why who when where you your our we they not no "
    "de des du la le les et en un une au aux pour par sur dans "
    "der die das den dem ein eine und oder von zu im mit auf für "
    "el los las y o del al con por para una lo "
    "il di e che da per "
    "do da dos das em na no com "
    .split())


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.casefold()))


def _title_parts(title: str | None, sites: set[str]) -> set[str]:
    """The forms of a title that are a proper run of its parts, not the whole of it."""
    if not title:
        return set()
    strong, weak = _title_variants(" ".join(title.split()), sites)
    return (strong | weak) - {_key(title)}


def _part_spans(title: str) -> list[tuple[int, int]]:
    """Where each part of a title between its separators starts and ends (white space around
    it left out), so that a run of parts is cut from the title with its own separators."""
    spans, start = [], 0
    for separator in [*_TITLE_SEPARATOR.finditer(title), None]:
        end = separator.start() if separator else len(title)
        text = title[start:end]
        if text.strip():
            spans.append((start + len(text) - len(text.lstrip()), end - (len(text) - len(text.rstrip()))))
        start = separator.end() if separator else end
    return spans


def _initials(name: str) -> str | None:
    """The key of a site's initials ("The Valley Courier" -> "vc"), the short form titles
    end in; a one-word name has none."""
    words = [w for w in re.findall(r"[^\W\d_]+", name) if w.casefold() not in ("the", "of", "and")]
    if len(words) < 2 or not all(w[0].isupper() for w in words):
        return None
    return "".join(w[0] for w in words).casefold()


def _names_site(part: str, sites: set[str]) -> bool:
    key = outlet_key(part)
    if not key:
        return False
    # A name of two letters ("AP", or a site's initials) is matched whole only: as a prefix it
    # would take any part that starts with those letters for the site. A part that begins with
    # the site's name and goes on is the site with a section or a suffix ("Courier Business",
    # "CourierTV") only while the rest is short: a headline may begin with the site's name
    # ("Courier's guide to the new bridge toll").
    return any(key == site or (len(key) >= 4 and len(site) >= 3 and (
                   site.startswith(key) or (key.startswith(site) and len(key) - len(site) <= _SITE_SUFFIX)))
               for site in sites)


# The longest section or suffix (in letters and digits) after a site's name in a title part.
_SITE_SUFFIX = 14


def _begins_with_site(part: str, sites: set[str]) -> bool:
    """The part's first words, whole (not "Courier's"), are a site's name of four letters or
    more, and words follow them."""
    words = part.split()
    return any(len(key) >= 4 and key in sites
               for n in range(1, len(words)) if (key := outlet_key(" ".join(words[:n]))))


def choose_title(signals: Signals, trafilatura_title: str | None, sites: list[str]) -> Choice:
    """The headline: the form most signals agree on once site names are cut off."""
    site_keys = {outlet_key(s) for s in sites if outlet_key(s)} | set(filter(None, map(_initials, sites)))
    domain = domain_of(signals.url)
    if domain:
        site_keys.add(outlet_key(domain))
        if signals.title_tag:
            parts = _title_tag_parts(signals.title_tag)
            label = outlet_key(domain)
            site_keys |= {outlet_key(p) for p in {parts[0], parts[-1]} if len(parts) > 1 and (
                _spelled_by_domain(p, label) or _named_in_domain(p, label, len(" ".join(parts)) - len(p)))}
    elif (signals.title_tag and (lead := _SITE_COLON.match(" ".join(signals.title_tag.split())))
          and _HOST_NAME.fullmatch(lead[1]) and _key(signals.title_tag) not in map(_key, signals.headings)):
        # "harborledger.example: Headline" on a page that states no address of its own: a
        # host name before the colon is the site's (the address would say whose it is), unless
        # the <h1> says it too ("Booking.example: the end of an era" is a headline).
        site_keys.add(outlet_key(lead[1]))
    candidates: list[tuple[str, str]] = []  # (source, text), strongest source first
    headline = (_json_ld_value(signals, "headline") or _json_ld_value(signals, "name")
                or next(iter(signals.json_ld_unparsed.get("headline", [])), None))
    if isinstance(headline, str):
        candidates.append(("json-ld", headline))
    # A page with one <h1> shows its headline there; with several, they are the logo, section
    # names and teasers, which break ties and pick among a title's parts but do not lead.
    headings = signals.headings
    single = len(headings) == 1
    others = [t for t in (headline if isinstance(headline, str) else None, signals.title_tag,
                          *(v for key in ("og:title", "twitter:title", "title", "dc.title")
                            for v in signals.meta.get(key, []))) if t]
    # A title that is only the site's name (templates that put it alone in every page's
    # <title>) says nothing of the headline: a lone <h1> is not tested against it. (The
    # og:site_name counts here even when it equals the <title>, which keeps it out of `sites`.)
    site_like = site_keys | {outlet_key(v) for key in META_SITE for v in signals.meta.get(key, [])}
    others = [t for t in others if outlet_key(t) not in site_like]
    subheadings = signals.subheadings
    if single and others and not (_words(headings[0]) & _words(" ".join(others))) - _FUNCTION_WORDS:
        # A lone <h1> sharing no word with the title, the social card or the JSON-LD headline
        # is a logo, a section name or a widget's heading, not this article's headline (nor a
        # vote: trafilatura takes a lone <h1> as its title). One as long as a sentence in an
        # <article> is the headline all the same, unless an <h2> states the <title>'s
        # headline word for word: then the <h1> is another story's, set in a card of its own
        # (a "next story" under this one), and the <h2> is this story's headline.
        stating = _subheadings_stating_title(signals, site_keys)
        if stating or not _reads_as_article_headline(signals, headings[0]):
            headings, subheadings = [], stating or subheadings
    post = _headline_under_site_heading(signals, headings[0], site_keys) if single and headings else None
    if post:
        if _key(headings[0]) in {_key(p) for p in _title_tag_parts(signals.title_tag)}:
            site_keys = site_keys | {outlet_key(headings[0])}
        headings = [post]
    if single and headings and signals.title_tag and not _title_before_its_last_part(signals.title_tag, headings[0]):
        headings = [_without_kicker(headings[0], _title_variants(" ".join(signals.title_tag.split()), site_keys),
                                    signals.heading_openers.get(headings[0]))]
    candidates += [("heading", h) for h in headings if single]
    # A page with no <h1> (older templates) may set its headline in an <h2>: one that is a part
    # of the <title> ("Site - Headline" over an <h2> "Headline") states that part twice, so it
    # is the headline (the longest, if the site's logo is an <h2> too). A part of the social
    # card's title counts too: a show's page may word its <title> "Show: Episode - Site" and
    # its card "Show - Episode", over an <h2> "Episode".
    parts = _title_parts(signals.title_tag, site_keys).union(*(
        _title_parts(v, site_keys) for key in ("og:title", "twitter:title") for v in signals.meta.get(key, [])[:1]))
    in_title = [h for h in subheadings if _key(h) in parts]
    candidates += [("heading", max(in_title, key=len))] if in_title else []
    # A page with no heading at all may set its headline in a <div> of its article's header,
    # and word its <title> otherwise for search engines: that block is the visible headline,
    # as a lone <h1> is. (trafilatura, finding no <h1>, read the <title>: its title is no vote
    # of its own there.)
    restated = (_headline_in_article_header(signals) if not signals.headings and not in_title
                and signals.title_tag else None)
    candidates += [("heading", restated)] if restated else []
    if signals.title_tag:
        candidates.append(("title", signals.title_tag))
    # The social card (Open Graph, Twitter) is one vote however many tags repeat it: editors
    # often write it as a different, catchier line than the headline on the page.
    # A tag that repeats the <title> word for word, site name and all, was filled
    # from it by the CMS (its default when no editor writes a card): it is the same statement,
    # and as a second vote it would outvote a visible headline worded otherwise. (A copy with
    # no site name in it may be an editor's line set in both tags, and keeps its vote.)
    title_forms = _title_variants(" ".join(signals.title_tag.split()), site_keys)[0] if signals.title_tag else set()
    cut = title_forms - {_key(signals.title_tag or "")}  # the <title> with its site name cut
    copied = False
    for keys in (("og:title", "twitter:title"), ("title", "dc.title", "headline")):
        values = [v for key in keys for v in signals.meta.get(key, [])]
        if values and cut and _key(values[0]) == _key(signals.title_tag):
            copied = True
        elif values:
            candidates.append(("meta", values[0]))
    candidates += [("heading", h) for h in headings if not single]
    # trafilatura reads the same tags with rules of its own (its own <h1> and title-part
    # heuristics): its answer is one more vote, the weakest. (It reads og:title first and cuts
    # the site's name as we do: from a copied og:title it gives the <title>'s own form again.)
    if trafilatura_title and not (copied and _key(trafilatura_title) in title_forms) and not (
            restated and _key(trafilatura_title) in _title_parts(signals.title_tag, site_keys) | title_forms):
        candidates.append(("trafilatura", trafilatura_title))
    candidates = _whole_titles([(s, " ".join(_unescaped(t).split())) for s, t in candidates if t and t.strip()])
    # A page whose every title form names the site is the site's own page (its front or a
    # section front, "Site en Español - Site"): there the site's name is the title.
    choice = _best_title(candidates, site_keys) or _best_title(candidates, set()) or Choice(None, None)
    if (single and headings and _key(choice.value or "") != _key(headings[0])
            and (_key(headings[0]) in title_forms or (isinstance(headline, str) and _key(_unescaped(headline)) == _key(headings[0]))
                 or (_title_words_the_heading_otherwise(signals.title_tag, headings[0], site_keys)
                     and not _section_heading_over_stated_rest(signals, headings[0])))):
        # The headline a reader sees, stated again by the browser's tab (the <title>) or by the
        # article's own structured item (its JSON-LD headline), is the headline, whatever the
        # other tags say: a line written for sharing or for search engines (the social card, a
        # <title> and its copies worded for search), often one field of the CMS for several.
        return Choice(" ".join(_unescaped(headings[0]).split()), "heading")
    if choice.source == "title" and choice.value == " ".join(signals.title_tag.split()):
        # The whole <title> won, nothing telling its parts apart: a short last part after a bar
        # is the site's name all the same (see _barred_name_at_end).
        site = _barred_name_at_end(choice.value)
        if site:
            headline = choice.value[:choice.value.rfind(site)].rstrip(" |｜")
            return Choice(_without_section_at_end(headline, "|｜") or headline, "title")
        headline = _section_and_name_at_end(choice.value)
        if headline:
            return Choice(headline, "title")
    return choice


_BRACKETED = re.compile(r"\s*[(（\[【].*[)）\]】]\s*")
_SHARED_RUN = 3  # words in a row that a lone <h1> and the <title> share, at least, to state one headline


def _title_words_the_heading_otherwise(title: str | None, heading: str, site_keys: set[str]) -> bool:
    """The <title> (or a run of its parts) shares a run of _SHARED_RUN words in a row with the
    page's lone <h1>, two of them no function words: the <title> words the same story's
    headline for search engines ("Council backs plan to rebuild bridge - Site" over "Valley
    council backs plan to rebuild bridge by 2026"; "Ferry fares to be cut? What the board
    decided - Site" over "Ferry fares to be cut?"). The headline the reader sees is the one to
    keep, whatever the other tags say. (Not an <h1> cut short with an ellipsis: a <title> that
    goes on with its words states it whole. Nor one the <title> states with a note in brackets
    after it, "Headline (Harbor Wire)": the same words, the votes tell which form is kept.)"""
    if not title or _ELLIPSIS.search(heading):
        return False
    strong, weak = _title_variants(" ".join(title.split()), site_keys)
    key = _key(heading)
    if any(form.startswith(key) and _BRACKETED.fullmatch(form[len(key):]) for form in strong | weak):
        return False
    words = re.findall(r"\w+", key)
    runs = {tuple(words[i:i + _SHARED_RUN]) for i in range(len(words) - _SHARED_RUN + 1)}
    runs = {run for run in runs if sum(w not in _FUNCTION_WORDS for w in run) >= 2}
    return any(tuple(other[i:i + _SHARED_RUN]) in runs for form in strong | weak
               for other in [re.findall(r"\w+", form)] for i in range(len(other) - _SHARED_RUN + 1))


def _section_heading_over_stated_rest(signals: Signals, heading: str) -> bool:
    """The lone <h1> is a <title> part or the <title>'s words before its colon, and a longer
    <h2> or the social card's title states words of the <title>'s rest ("Climate change news:
    glaciers melt faster | Site" over <h1>"Climate change news" and <h2>"Glaciers melt
    faster"): the <h1> is the section's name or a kicker set as a heading, and the line that
    states the rest is the headline. (The run of words the <h1> shares with the <title> is that
    name, not the story's headline worded for search.)"""
    title = _key(" ".join((signals.title_tag or "").split()))
    key = _key(heading)
    pieces = {_key(p) for p in _title_tag_parts(signals.title_tag or "")}
    if colon := _SITE_COLON.match(title):
        pieces.add(_key(colon[1]))
    if not key or key not in pieces:
        return False
    rest = title.replace(key, " ", 1)
    statements = [*signals.subheadings, *(v for name in ("og:title", "twitter:title")
                                          for v in signals.meta.get(name, [])[:1])]
    return any(len(_key(s)) > len(key) and _key(s) in rest for s in statements)


def _title_before_its_last_part(title: str, heading: str) -> bool:
    """The lone <h1> is the <title> up to its last separator, words before a colon and all
    ("Valley Port: ferry fares cut | Port" over "<h1>Valley Port: ferry fares cut</h1>"): the
    page shows those words as its headline's own, and the <h1> has no kicker to cut, though
    they name the site too."""
    title = " ".join(title.split())
    spans = _part_spans(title)
    return len(spans) > 2 and _key(title[:spans[-2][1]]) == _key(heading)


def _subheadings_stating_title(signals: Signals, site_keys: set[str]) -> list[str]:
    """The page's <h2>s before its <h1> that state the <title> less its site's name, word for
    word. (One after the <h1> is a section of the story the <h1> heads: "Live updates" under
    a <title> that says no more than that.)"""
    if signals.tree is None or not signals.title_tag:
        return []
    title = " ".join(signals.title_tag.split())
    forms = _title_variants(title, site_keys)[0] - {_key(title)}
    before_h1 = takewhile(lambda h: h.tag != "h1", signals.tree.iter("h1", "h2"))
    return [t for t in (_heading_text(h) for h in before_h1) if t and _key(t) in forms]


def _headline_under_site_heading(signals: Signals, heading: str, site_keys: set[str]) -> str | None:
    """A blog's template sets the blog's name in the page's one <h1> and the post's title in
    an <h2> or <h3> below it ("<h1>Pine Notes</h1> ... <h2>Ferry fares to be cut</h2>" under
    "Ferry fares to be cut | Pine Notes"). Where the <h1> is the <title>'s first or last part,
    or no run of its parts at all, the next heading after it, when it states a longer run of
    the <title>'s parts, is the headline, and the <h1> the site's name. (An <h1> that is the
    headline is the longer part: a section's name in an <h2> does not take its place, nor a
    site's name written in the header before it.)"""
    if not signals.title_tag:
        return None
    title = " ".join(signals.title_tag.split())
    parts = _title_tag_parts(title)
    key = _key(heading)
    if len(parts) < 2 or key == _key(title):
        return None
    strong, weak = _title_variants(title, site_keys)
    forms = (strong | weak) - {_key(title)}
    if key in forms and key not in {_key(parts[0]), _key(parts[-1])}:
        return None
    after = signals.heading_after_h1
    return after if after and (form := _key(after)) in forms and (
        len(form) > len(key) or _links_above_heading_after(signals)) else None


def _links_above_heading_after(signals: Signals) -> bool:
    """The page's first <h1> is a link to an address that the link of the heading after it
    (signals.heading_after_h1) goes on from: the blog's front page ("/notes/") above the post's
    own ("/notes/2024/05/ferry-fares/"). Such an <h1> is the blog's name, however short the
    post's title beside it."""
    h1 = None
    for heading in signals.tree.iter("h1", "h2", "h3"):
        if h1 is None:
            h1 = heading if heading.tag == "h1" and _heading_text(heading) == signals.headings[0] else None
        elif heading.tag != "h1" and _heading_text(heading):
            above, below = _heading_link(h1), _heading_link(heading)
            if above is None or below is None:
                return False
            home, post = (urlsplit((link.get("href") or "").strip()) for link in (above, below))
            folder = home.path.rstrip("/") + "/"
            return (bool(home.netloc or home.path) and home.netloc.casefold() == post.netloc.casefold()
                    and post.path.startswith(folder) and bool(post.path[len(folder):].strip("/")))
    return False


# A box whose class or id names a header ("piece-header", "PieceHeader-box", "piece_Head__q7"),
# not a heading ("heading", "headline": a headline's own element).
_HEADER_CLASS = re.compile(r"head(?:er)?(?![a-z])", re.I)
_NOT_IN_HEADLINE = {"a", "nav", "aside", "footer", "form", "button", "select", "ul", "ol", "li", "time",
                    "figcaption", "script", "style", "noscript", "template"}
_INLINE_IN_HEADLINE = {"span", "em", "strong", "b", "i", "br", "font", "small", "sup", "sub"}
_RESTATED_LENGTH = (10, 200)  # characters of a headline's block, at least and at most
_RESTATED_SHARE = 0.25  # of the <title>'s words the block states, and of its own, at least
_RESTATED_WORDS = 3  # words the block and the <title> share, at least
_STORY_BOX = re.compile(r"article|story|post|entry", re.I)
_CJK_RUN = re.compile(rf"[{_CJK}]+")


def _headline_words(text: str) -> set[str]:
    """A headline's words less the function words, for telling how much two wordings share;
    in Chinese and Japanese, where no space parts words, its pairs of characters."""
    text = text.translate(_QUOTES).casefold()
    pairs = {run[i:i + 2] for run in _CJK_RUN.findall(text) for i in range(len(run) - 1)}
    return pairs | (set(re.findall(r"\w+", _CJK_RUN.sub(" ", text))) - _FUNCTION_WORDS)


def _is_article_header(box) -> bool:
    """A <header>, or a box classed as a header, that is the article's: set in the page's
    <article> or <main>, or in a box named for the story ("story-top__header", "post-box
    header"), and not named for the site's (its masthead, its top bar). (The page's <body> is
    often classed for the kind of page it is, "page-kind-post": that names no box.)"""
    marks = f"{box.get('class', '')} {box.get('id', '')}"
    if not (box.tag == "header" or _HEADER_CLASS.search(marks)) or _SITE_HEADER_MARK.search(marks):
        return False
    return next(box.iterancestors("article", "main"), None) is not None or any(
        _STORY_BOX.search(f"{b.get('class', '')} {b.get('id', '')}")
        for b in chain((box,), box.iterancestors()) if b.tag not in ("body", "html"))


def _headline_in_article_header(signals: Signals) -> str | None:
    """The first block of text set in an article's header (_is_article_header) that states
    the <title>'s headline in other words: a quarter of the <title>'s words or more, three at
    least, and as large a share of its own ("Harbor board will vote this week on the dredging
    plan" under "Council to vote on harbor dredging plan"). A page with no heading sets its
    headline so, in a <div>, where its <title> is written for search engines. A block that
    holds a form of the <title> whole (a kicker run into the headline, "Politics | Headline")
    states the same headline: none is given. Not a link, a list's item, a date, nor a block of
    blocks."""
    if signals.tree is None:
        return None
    title = " ".join(signals.title_tag.split())
    title_words = _headline_words(title)
    if len(title_words) < 3:
        return None
    strong, weak = _title_variants(title, set())
    forms = [f for f in strong | weak if len(f.split()) >= 3 or (_CJK_RUN.search(f) and len(f) >= 8)]
    read = set()
    for box in signals.tree.iter("header", "div", "section"):
        if not _is_article_header(box) or any(a in read or a.tag in _NOT_IN_HEADLINE for a in box.iterancestors()):
            continue
        if any(len(_text(p) or "") >= _PROSE_LENGTH for p in box.iter("p")):
            continue  # (a box of the whole page or story, its class naming the header's style or place)
        read.add(box)
        for block in box.iter():
            if not isinstance(block.tag, str) or block.tag in _NOT_IN_HEADLINE or any(
                    isinstance(c.tag, str) and c.tag not in _INLINE_IN_HEADLINE and _text(c) for c in block):
                continue
            if any(a.tag in _NOT_IN_HEADLINE for a in _ancestors_below(block, box)):
                continue
            text = _text(block)
            if not text or not _RESTATED_LENGTH[0] <= len(text) <= _RESTATED_LENGTH[1] or "://" in text:
                continue
            if any(_text(link) for link in block.iter("a")):
                continue  # (a trail of links, "Home > Harbor > Headline")
            words = _headline_words(text)
            shared = len(words & title_words)
            if shared < max(_RESTATED_WORDS, _RESTATED_SHARE * len(title_words)) or shared < _RESTATED_SHARE * len(words):
                continue
            return None if any(form in _key(text) for form in forms) else text
    return None


def _ancestors_below(element, box):
    for ancestor in element.iterancestors():
        if ancestor is box:
            return
        yield ancestor


_KICKER_WORDS = 3  # words of a kicker set before the headline in its <h1>, at most
_KICKER_END = " \t:|·•–—-"


def _without_kicker(heading: str, title_forms: tuple[frozenset[str], frozenset[str]], opener: str | None) -> str:
    """A lone <h1> less the kicker its template sets before the headline ("<h1><span>Analysis
    </span> Bridge to be rebuilt</h1>", read "ANALYSISBridge to be rebuilt" when the two run
    together), where the rest is a part of the <title> of three words or more: the <title>
    states the headline without it. A kicker is a label of a few words in an element of its
    own at the start of the <h1> (`opener`), or in capitals, or ended by a colon or a dash: a
    headline that merely ends in the <title>'s words ("Council says bridge to be rebuilt") keeps
    them. Nor does an <h1> that the <title> states whole, its dash and all ("Storm - and more
    storm - for the valley | Site"): the words before the dash are the headline's own."""
    key = _key(heading)
    if key in title_forms[0] | title_forms[1]:
        return heading
    for form in sorted(title_forms[0] | title_forms[1], key=len, reverse=True):
        if form == key or not key.endswith(form) or len(form.split()) < 3:
            continue
        text = " ".join(heading.split())
        span = _original_span(text, form)
        start = text.rfind(span)
        if span == text or start <= 0:
            continue
        kicker = text[:start]
        label = kicker.strip(_KICKER_END)
        marked = (_key(label) == _key(opener or "") or label.isupper()
                  or kicker.rstrip()[-1:] in _KICKER_END.strip())
        if label and marked and len(label.split()) <= _KICKER_WORDS and not label[-1:].isdigit():
            return span
    return heading


_NAME_LINK_WORDS = {"the", "of", "and", "for", "de", "la", "le", "el", "der", "die", "das"}
_DOMAIN_WORD = 4  # letters of a word of a site's name at least, to be found inside its domain


def _named_in_domain(part: str, label: str, rest: int, share: float = 0.0) -> bool:
    """A <title> end part written as a name (each word capitalised, but "of", "the"; four words
    at most; shorter than the `rest` of the title) one of whose words, or two of them run
    together, the site's domain holds: "Harbor Post" at hbpost.example, "Pine Valley
    Express-News" at mypinevalley.example, "HL World News" at hl.example: its first or last
    word. A site's name keeps a word of its address; a headline's tail in the same case seldom
    does. With a `share`, the word or words found must make that share of the domain's letters at
    least: "Auto News" at autoharbor.example is a section's name beside the site's. A domain of
    four letters or more that begins that first or last word names it too, the word cut short
    ("Harbor Chronicle" at chron.example)."""
    words = [w for w in re.findall(r"[^\W_]+", _unaccented(part)) if w.casefold() not in _NAME_LINK_WORDS]
    if not 1 <= len(words) <= _NAME_WORDS or len(part) >= rest or not all(w[0].isupper() or w[0].isdigit() for w in words):
        return False
    # (Its first or last words: "New Harbor Times" at harbor.example may be another paper.)
    keys = [w.casefold() for w in words]
    runs = {keys[0], keys[-1]} | ({keys[0] + keys[1], keys[-2] + keys[-1]} if len(keys) > 1 else set())
    # (Or the domain is one of those words cut short: "Harbor Chronicle" at chron.example.)
    return any(run == label or (len(run) >= max(_DOMAIN_WORD, share * len(label)) and run in label)
               or (len(label) >= _DOMAIN_WORD and run in keys and run.startswith(label)) for run in runs)


def _spelled_by_domain(part: str, label: str) -> bool:
    """A <title> part that the site's domain spells in short, each of its words (but "the",
    "of") giving the domain its first letters in order: "The Harbor Ledger" in
    harborledger.example, "Harbor Valley Times" in hvtimes.example. Every word must give at
    least one letter, so a headline of many words is never spelled by a short domain."""
    words = [w for w in re.findall(r"[^\W_]+", _unaccented(part).casefold()) if w not in _NAME_LINK_WORDS]
    label = re.sub(r"[^a-z]", "", label)
    if not 2 <= len(words) <= 5 or len(label) < 3:
        return False

    def spells(rest: str, index: int) -> bool:
        if index == len(words):
            return not rest
        word = words[index]
        return any(rest.startswith(word[:n]) and spells(rest[n:], index + 1)
                   for n in range(min(len(word), len(rest)), 0, -1))
    return spells(label, 0)


# Words of an <h1> at least, to read as a headline whatever the <title> says: a logo, a
# section's name or a widget's heading ("More from this section", "Sign up for our
# newsletter") is shorter than a sentence.
_HEADLINE_WORDS = 8


def _reads_as_article_headline(signals: Signals, heading: str) -> bool:
    """A lone <h1> set inside the page's <article>, as long as a sentence: the article's own
    headline, though it shares no word with a <title> that a site's editors wrote for search
    engines ("Statement shirts for the holidays" over "Why we are all wearing ...")."""
    return heading in signals.article_headings and len(heading.split()) >= _HEADLINE_WORDS


# An entity left in the text by a template that escaped the headline twice ("&amp;#8217;" in
# the markup): a bare "&" ("Q&A", "AT&T") is no entity and stays as it is.
_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-f]+|[a-z]+\d*);", re.I)


def _unescaped(text: str) -> str:
    return html.unescape(text) if _ENTITY.search(text) else text


_ELLIPSIS = re.compile(r"\s*(?:…|\.\.\.)$")
# The other title goes on with an ellipsis where the cut one ends: it states the same headline,
# ellipsis and all, before its site's name ("Ferry…" beside "Ferry... | Site"), not a longer one.
_ELLIPSIS_AFTER = re.compile(r"\s*(?:…|\.\.\.)")


def _whole_titles(candidates: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Each title cut short with an ellipsis (templates cut JSON-LD headlines and cards to a
    length) read as the whole headline another signal states, when one begins with the words
    before the ellipsis: the cut form is the same headline, not a rival to it. A headline
    that itself ends in an ellipsis, stated so everywhere, is left as it is, and so is one
    whose ellipsis the other title writes too, before its site's name ("Ferry…" beside
    "Ferry... | Site")."""
    whole = []
    for source, text in candidates:
        stem = _key(_ELLIPSIS.sub("", text)) if _ELLIPSIS.search(text) else None
        if stem:
            text = next((other for _, other in candidates
                         if not _ELLIPSIS.search(other) and _key(other).startswith(stem)
                         and len(_key(other)) > len(stem) and not _ELLIPSIS_AFTER.match(_key(other), len(stem))), text)
        whole.append((source, text))
    return whole


def _best_title(candidates: list[tuple[str, str]], site_keys: set[str]) -> Choice | None:
    variants = [_title_variants(text, site_keys) for _, text in candidates]
    support: dict[str, int] = {}
    independent = set()  # strong forms of the page's own tags
    tags_spoke = any(source != "trafilatura" for source, _ in candidates)
    for (source, _), (strong, weak) in zip(candidates, variants):
        if source == "trafilatura" and tags_spoke:
            # trafilatura derives its title from these same tags, so its agreement is no new
            # evidence: it only breaks ties between forms the tags themselves state.
            strong, weak = strong & independent, set()
        independent |= strong
        for form in strong | weak:
            support[form] = support.get(form, 0) + 1
    best = None
    for rank, ((source, text), (strong, weak)) in enumerate(zip(candidates, variants)):
        if source == "trafilatura" and tags_spoke:
            continue
        for form in strong | weak:
            # More agreeing signals first; then a strong form of a stronger signal; then the
            # shorter form, which has lost its site or section name.
            score = (support[form], form in strong, -rank, -len(form))
            if best is None or score > best[0]:
                best = (score, form, source, text)
    if best is None:
        return None
    _, form, source, text = best
    # The visible headline keeps the typographic quotes and dashes meta tags often flatten.
    for heading_source, heading in candidates:
        if heading_source == "heading" and _key(heading) == form:
            return Choice(heading, source)
    value = _original_span(text, form)
    if value.isupper():
        # A tag that sets the headline in capitals (as its site's style shows it): the same
        # words as another signal writes them in their own case, when one does.
        for _, other in candidates:
            span = _original_span(other, form)
            if _key(span) == form and not span.isupper():
                return Choice(span, source)
    return Choice(value, source)


def _original_span(text: str, form: str) -> str:
    """The part of `text` whose key is `form`, with its original case."""
    if _key(text) == form:
        return text.strip()
    text = " ".join(text.split())
    # (Folded letter by letter, each folded letter kept with its place in the text: a letter
    # may fold to two, "ß" to "ss", and the headline is cut from the text at the right place.)
    folded = [(letter, place) for place, char in enumerate(text)
              for letter in char.translate(_QUOTES).casefold()]
    lowered = "".join(letter for letter, _ in folded)
    found = lowered.find(form)
    if found >= 0:
        start, end = folded[found][1], folded[found + len(form) - 1][1] + 1
        # (A form's key has lost the part's closing dots, "U.N." or "Inc.": the span keeps them.)
        while text[end:end + 1] == ".":
            end += 1
        return text[start:end].strip()
    return text.strip()


# --- authors -------------------------------------------------------------------------------


def _card_labelled_author(signals: Signals) -> list[str]:
    """The value of a Twitter card's label/data pair labelled "Written by" or "Author" (the
    labels link previews show under the title)."""
    for number in range(1, 5):
        labels = signals.meta.get(f"twitter:label{number}", [])
        if labels and re.fullmatch(r"\s*(written by|author|authors|by)\s*:?\s*", labels[0], re.I):
            return signals.meta.get(f"twitter:data{number}", [])
    return []


def _has_credits(raw: list[str], people: list[str]) -> bool:
    """The list holds entries that are not plain names (split_people dropped them)."""
    entries = [e for r in raw for e in re.split(r"\s*(?:[,;&]|\band\b)\s*", r) if e.strip()]
    return len(entries) > len(people)


def choose_authors(signals: Signals, trafilatura_author: str | None | Callable[[], str | None],
                   sites: list[str]) -> Choice:
    """People named as authors by the strongest signal that names any (organisations, profile
    URLs, handles and the site's own name do not count). trafilatura's author, the last
    resort, may be given as a function, called only when every other signal is silent."""
    # (Not the <title>'s part that the link home shows, where nothing else names the site so:
    # a personal site's title is often its writer's name, "Post – Ann Lee", and the site's
    # name alone in a byline was kept before that part was read.)
    title_part = signals.front_page_title_part
    declared = signals.declared_site_keys if title_part else set()
    site_keys = {outlet_key(s) for s in sites if s not in title_part or outlet_key(s) in declared}
    # The site's address names it too ("valleycourier.example" for a "Valley Courier" byline).
    domain = domain_of(signals.url)
    if domain:
        site_keys.add(outlet_key(domain))
    # A writer's own site: its JSON-LD says the publisher is a person (Yoast's "this site
    # represents a person" writes the type Person), and the site is named after them, so the
    # writer's name was dropped as the site's own ("Ann Lee" by "Ann Lee" gave no author).
    site_keys -= _person_publishers(signals)
    # The first article object that names people: a page can carry JSON-LD for its related
    # stories too, and their authors are not this article's.
    json_ld_people = next((names for item in signals.own_json_ld if (names := (
        _names(item.get("author"), True, signals.json_ld_nodes)
        + _creator_names(item, signals.json_ld_nodes)))), [])
    if not json_ld_people:
        # A page typed only as a WebPage: its author is the page's.
        json_ld_people = next((names for item in _web_pages(signals)
                               if (names := _names(item.get("author"), True, signals.json_ld_nodes))), [])
    profile_people = next((names for item in signals.own_json_ld if (names := (
        _profile_names(item.get("author"), signals.json_ld_nodes)))), [])
    # Meta author tags that hold the address of the writer's page on the site, not a name.
    meta_profile_people = next((names for key in META_AUTHOR if (names := (
        _profile_names(signals.meta.get(key, []))))), [])
    # Each meta key on its own: pages that fill several often put the publisher in one and
    # the writer in another, or credits (photographers, stylists) in a third.
    meta_people = [("meta", signals.meta.get(key, [])) for key in META_AUTHOR]

    def people_in(raw):
        # A "name" that starts with the site's name, in whole words, is one of its desks
        # ("Site Business", "Site Editorial Board"; a site's name may be several words).
        people = [p for p in split_people([_without_site_tail(r, site_keys) for r in raw
                                           if not _PROFILE_URL.match(r)])[0]
                  if not any((key := outlet_key(" ".join(p.split()[:n]))) and key in site_keys
                             for n in range(1, len(p.split()) + 1))]
        if len(people) > 1:
            people = [people[0]] + [p for p in people[1:] if not _site_field_after_writer(signals, p, raw)]
        if len(people) > 1 and dateline_place(people[-1]) and _closes_as_field(raw, people[-1]):
            # The dateline's place after the writers, closing the byline as a field of its
            # own ("By Ann Lee, New York", "By A and B | Port Carlow"), is no writer. (Not a
            # name after "and": a place's word is a person's name as well, "Santa Morales".)
            people = people[:-1]
        return people

    # A card's "Written by" label is the account that posted the page (often an editor): it
    # comes after the visible byline.
    for source, raw in (("json-ld", json_ld_people), *meta_people, ("byline", None),
                        # (A byline that names no person, the site's account: the story's own
                        # opening credit line, "Written by: A", names the writer.)
                        ("byline", lambda: signals.opening_credit),
                        # (Or the line that signs the story off: "-- By A" under its text.)
                        ("byline", lambda: signals.sign_off),
                        ("meta", _card_labelled_author(signals)), ("json-ld", profile_people), ("meta", meta_profile_people),
                        ("byline", lambda: signals.rel_author), ("byline", lambda: signals.author_links),
                        ("byline", lambda: signals.author_box), ("byline", lambda: signals.data_authors),
                        ("byline", lambda: signals.address_names),
                        ("byline", lambda: signals.meta_box_name),
                        ("byline", lambda: signals.spelled_profile_link),
                        ("byline", lambda: signals.titled_name_line),
                        ("byline", lambda: signals.handle_signed_line),
                        ("byline", lambda: signals.outlet_marked_line),
                        ("byline", lambda: signals.name_part_list),
                        ("byline", lambda: signals.name_and_date_line),
                        ("byline", lambda: _plain_by_line_names(signals)),
                        # A wire story under an agency's byline credits its reporters at its end.
                        ("text", lambda: signals.reporting_credits),
                        # An op-ed's closing note about its writer.
                        ("text", lambda: signals.tagline_authors),
                        ("lone", None),
                        # trafilatura's search reads the same kind of element our byline
                        # search does (class "author", "byline"): when the page has a byline
                        # and it names no person ("Staff", an agency, the site), trafilatura
                        # gives that same text. On the tune pages it added no author in 65 of
                        # 65 pages it was asked about, at 40 ms a page: asked only when the page
                        # shows no byline at all.
                        # (Nor when the only bylines are other stories': its search finds
                        # the same ones.)
                        # (Nor the site's title, where a theme marks its link to the front
                        # page rel="author": trafilatura reads it as a writer's name.)
                        # (Nor a "name" that joins the texts of several lines of a box: its
                        # search reads a box marked for the author whole, "<div class=
                        # author-tools><span>jl</span><ul><li>Share:</li>...", initials and a
                        # share bar's label read as one name.)
                        ("trafilatura", lambda: [] if signals.byline or signals.others_bylines else
                         [a] if (a := _settled(trafilatura_author))
                         and person_key(a) not in signals.site_title_keys
                         and _written_on_one_line(signals.tree, a) else [])):
        if source == "lone":
            lone = _lone_name(signals, json_ld_people, meta_people, site_keys, sites)
            if lone:
                return lone
            continue
        raw = raw() if callable(raw) else raw
        people = people_in(signals.byline if raw is None else raw)
        if len(people) > 1 and source != "byline" and _has_credits(raw, people):
            # A list with credits in it ("A, B at Agency, C for Brand") where the visible
            # byline shows some of its people: the others are credited (photographers,
            # models, stylists), not authors. (A byline may show only its first of several
            # authors, so a list of plain names is kept whole.)
            shown = people_in(signals.byline)
            keys = {outlet_key(p) for p in people}
            if shown and len(shown) < len(people) and all(outlet_key(p) in keys for p in shown):
                return Choice(shown, "byline")
        if people and source in ("json-ld", "meta") and (all(map(_looks_like_account, people)) or (
                source == "json-ld" and _stated_as_login_too(signals, people))):
            # The account that posted the story ("Tomas R", "Ines Varga-admin"), where the
            # visible byline names other people: they are the writers. (So too a name that
            # another of the page's JSON-LD statements of the story gives as the account's
            # login, "ines-v" for "Ines Varga": two plugins, one writing the account's display
            # name, the other its login.)
            shown = people_in(signals.byline)
            if shown and not {person_key(p) for p in shown} & {person_key(p) for p in people}:
                continue
        if people and source in ("json-ld", "meta"):
            # Structured statements that name other people, none in common (JSON-LD's author
            # is the account that posted the story, a meta tag the writer): the visible byline
            # says which is the writer's, when it names people of one of them and not of this.
            keys = {person_key(p) for p in people}
            rivals = [others for _, other_raw in (("json-ld", json_ld_people), *meta_people)
                      if (others := people_in(other_raw) if other_raw else [])
                      and not keys & {person_key(p) for p in others}]
            if rivals:
                shown = people_in(signals.byline)
                shown_keys = {person_key(p) for p in shown}
                if (shown and not shown_keys & keys
                        and any(shown_keys & {person_key(p) for p in others} for others in rivals)):
                    return Choice(shown, "byline")
        if people and source == "meta" and signals.hcard_author:
            # A meta author tag is the template's, for every page (a theme's designer, the
            # blog's owner); the hCard by the post marks the entry's own author. Where they name
            # different people, the post's is the writer.
            carded = people_in(signals.hcard_author)
            if carded and not {person_key(p) for p in carded} & {person_key(p) for p in people}:
                return Choice(carded, "byline")
        if people and source in ("json-ld", "meta") and _names_the_title_rest(signals, people):
            # The structured "author" is the <title>'s part beside the headline ("Headline |
            # Harbor Ledger"): the site's name, where no tag declares it, or a personal site's
            # writer ("Post - Ann Lee"). The visible byline tells them apart: where it names
            # other people, they are the writers and the tag named the site (so do the names
            # on links to author pages, where no byline is marked).
            shown = people_in(signals.byline) or people_in(signals.author_links)
            if shown and not {person_key(p) for p in shown} & {person_key(p) for p in people}:
                return Choice(shown, "byline")
        if people and source in ("json-ld", "meta") and (
                "_byline_texts" in vars(signals) or _written_beside_another(signals, people)):
            # A CMS may state the post's lead author alone (its account), where the byline
            # names every writer: a byline that names all of these people and more is the
            # fuller statement of the same byline, when it sets each added name out as a
            # writer's (see _set_out_as_writers). (The byline, a search of the whole page, is
            # read only when the page writes one of these names beside another, or was read
            # already: most pages that state their authors show them alone.)
            keys = {person_key(p) for p in people}
            shown = people_in(signals.byline)
            if (len(shown) > len(people) and keys <= {person_key(p) for p in shown}
                    and _set_out_as_writers(signals, shown, keys)):
                return Choice(shown, "byline")
            # The same where the page marks no byline but links each writer's name to their
            # author page, side by side ("<a href=/author/a>A</a> and <a href=/author/b>B</a>"):
            # links that name all of these people and more are the fuller statement. (Each
            # link is its own writer's: no sentence around them to judge.)
            linked = people_in(signals.author_links) if not shown else []
            if len(linked) > len(people) and keys <= {person_key(p) for p in linked}:
                return Choice(linked, "byline")
        if people and source != "byline":
            # A CMS may fill one field with the lead author alone and another with all of
            # them: a structured list that holds every one of these people and more is the
            # fuller statement of the same byline (not one with credits in it, as above).
            keys = {person_key(p) for p in people}
            for other_source, other_raw in (("json-ld", json_ld_people), *meta_people):
                others = people_in(other_raw) if other_raw else []
                if keys < {person_key(p) for p in others} and not _has_credits(other_raw, others):
                    people, source, keys = others, other_source, {person_key(p) for p in others}
        if people and source in ("json-ld", "meta") and _may_write_fuller(signals, people):
            # A CMS states its account's short name ("Ann Lee"), where the byline signs with a
            # middle initial or name ("Ann B. Lee"): the byline's is the name as the writer
            # gives it. (The byline, a search of the whole page, is read only when the markup
            # writes such a longer form of one of these names.)
            fuller = _as_the_byline_writes(people, people_in(signals.byline))
            if fuller != people:
                return Choice(fuller, "byline")
        if people:
            return Choice(people, source)
    return Choice([], None)


_LOGIN = re.compile(r"([a-z]+)[-_.]([a-z]+)")  # "ines-v", "ines_varga": an account's login
_WORD = re.compile(r"\w+")


def _written_on_one_line(tree: HtmlElement | None, names: str) -> bool:
    """No one of these names ("A; B", as trafilatura joins them) is the lines of a box run
    together (see _runs_lines_together)."""
    return tree is None or not any(_runs_lines_together(tree, _WORD.findall(name.casefold()))
                                   for name in names.split(";"))


def _runs_lines_together(tree: HtmlElement, words: list[str]) -> bool:
    """The words are in a row across the lines of a box around the first of them, and on no
    one line of it (_lines breaks the text of the nearest block at each block inside it). (A
    name the page does not write at all, read from its metadata, is not asked about.)"""
    joined = False
    # Each block is read once: a long story's one big block holds the first word in many of
    # its text nodes, and reading its lines for each of them took seconds on a 57 KB page.
    read: dict[HtmlElement, tuple[bool, bool]] = {}
    for element in tree.iter(etree.Element) if words else ():
        for text, holder in ((element.text, element), (element.tail, element.getparent())):
            if holder is None or not text or words[0] not in _WORD.findall(text.casefold()):
                continue
            block = next((e for e in chain([holder], holder.iterancestors())
                          if e.tag not in _INLINE_TAGS and e.tag != "a"), holder)
            if block not in read:
                lines = [_WORD.findall(line.casefold()) for line in (_lines(block) or "").split("\n")]
                read[block] = (any(_in_row(words, line) for line in lines),
                               _in_row(words, list(chain.from_iterable(lines))))
            on_a_line, across_lines = read[block]
            if on_a_line:
                return False  # (written on a line: a name)
            joined = joined or across_lines
    return joined


def _in_row(words: list[str], line: list[str]) -> bool:
    return any(line[i:i + len(words)] == words for i in range(len(line) - len(words) + 1))


def _stated_as_login_too(signals: Signals, people: list[str]) -> bool:
    """Another of the JSON-LD objects of this story names as its author a login that spells
    one of these people: the given name, a mark, and the family name or its first letters
    ("ines-v", "ines.varga" for "Ines Varga")."""
    logins = [(m[1], m[2]) for item in signals.own_json_ld
              for name in _names(item.get("author"), True, signals.json_ld_nodes)
              if (m := _LOGIN.fullmatch(name.strip()))]
    if not logins:
        return False
    for person in people:
        words = person_key(person).split()
        if len(words) >= 2 and any(given == words[0] and words[-1].startswith(family) for given, family in logins):
            return True
    return False


_MIDDLE_PARTS = r"\s+(?:[A-Z][\w'’-]*\.?\s+){1,2}"  # "B. ", "Bea ", "B. C. " between a given and a family name


def _may_write_fuller(signals: Signals, people: list[str]) -> bool:
    """The markup writes one of these names of two words or more with a middle initial or
    name between its first and last words ("Ann B. Lee" for "Ann Lee"): a cheap test of the
    markup as text before the byline is read."""
    if signals.html is None:
        return False
    for name in people:
        words = name.split()
        if len(words) < 2:
            continue
        # (The look-behind after the given name, not before it: a pattern that begins with a
        # literal lets the search skip to where it occurs; begun with the look-behind, it was
        # tried at every place of the page's markup, 0.57 -> 0.06 s over the corpora's 184 calls.)
        given = re.escape(words[0])
        if re.search(rf"{given}(?<!\w{given}){_MIDDLE_PARTS}{re.escape(words[-1])}(?!\w)", signals.html):
            return True
    return False


def bare_byline_line(signals: Signals, people: list[str]) -> str | None:
    """The byline's line as written, where it holds nothing but a "By" lead-in, these people's
    names and the words of their roles ("By Ann Lee, Staff Writer"): a line that the story's
    text may carry as its first paragraph, where the byline is an unmarked <p>. None where it
    holds anything more (a sentence, an outlet's name, a date): that is the story's text."""
    # (Only where the byline search ran already, as it has when it chose these people: it is a
    # whole-page search, not to be made for this alone.)
    written = signals._byline_texts[1] if "_byline_texts" in vars(signals) else []
    if not people or len(written) != 1:
        return None
    line = " ".join(written[0].split())
    rest = _BY_LABEL.sub(" ", line, count=1) if _BY_LABEL.match(line) else line
    for name in sorted(people, key=len, reverse=True):
        if name.casefold() not in rest.casefold():
            return None  # (each chosen writer is named on the line, as written)
        rest = re.sub(re.escape(name), " ", rest, flags=re.I)
    words = re.findall(r"\w+", rest.casefold())
    if any(word not in ROLE_WORDS and word not in _BYLINE_JOINING_WORDS for word in words):
        return None
    return line


_BYLINE_JOINING_WORDS = {"and", "the", "of", "for", "at", "a"}


def _as_the_byline_writes(people: list[str], shown: list[str]) -> list[str]:
    """Each name as the byline writes it, where the byline gives the same first and last words
    with a middle initial or name between them ("Ann Lee" -> "Ann B. Lee"); the others as
    they were."""
    fuller = []
    for name in people:
        words = person_key(name).split()
        fuller.append(next((written for written in shown
                            if len(words) >= 2 and len(longer := person_key(written).split()) in (len(words) + 1, len(words) + 2)
                            and longer[0] == words[0] and longer[-1] == words[-1]
                            and longer[1:len(words) - 1] == words[1:-1]), name))
    return fuller


def _site_field_after_writer(signals: Signals, name: str, raw: list[str]) -> bool:
    """The "name" is the <title>'s part beside the headline (see _title_rest), set as a field
    after a writer's name: after a comma or a mark at the end of a byline ("By Ann Lee,
    Harbor Ledger", "Ann Lee | Harbor Ledger"), or in an element of its own after the
    writer's. The site's name, where no tag declares it; a personal site's title names its
    writer, but not after another writer's name and a comma."""
    if person_key(name) not in {person_key(p) for p in _title_rest(signals)}:
        return False
    # A byline that links each of its writers to their author page links this name so too:
    # a co-writer on their own site ("By <a href=/author/ann-lee>Ann Lee</a>, <a
    # href=/author/tom-park>Tom Park</a>" on "Post | Tom Park"), where the site's name after a
    # writer is plain text or a link home.
    linked = {person_key(p) for p in signals.author_links}
    if person_key(name) in linked and len(linked) > 1:
        return False
    return _closes_as_field(raw, name) or any(i and isinstance(r, str) and person_key(r) == person_key(name)
                                              for i, r in enumerate(raw))


def _closes_as_field(raw: list[str], name: str) -> bool:
    """One of the author strings ends with the name after a comma or a mark ("By Ann Lee,
    Harbor Ledger", "Ann Lee | Harbor Ledger"), or on a line of its own."""
    ending = re.compile(rf"\S\s*[,|·•–—\n]\s*{re.escape(name)}\s*\.?$", re.I)
    return any(isinstance(r, str) and ending.search(r) for r in raw)


def _title_rest(signals: Signals) -> list[str]:
    """The <title>'s parts other than the headline, when one of its parts is the page's
    headline ("Headline | Harbor Ledger" -> "Harbor Ledger")."""
    if not signals.title_tag or not signals.headings:
        return []
    parts = _title_tag_parts(signals.title_tag)
    headline = _key(signals.headings[0])
    if len(parts) < 2 or headline not in {_key(p) for p in parts}:
        return []
    return [p for p in parts if _key(p) != headline]


def _names_the_title_rest(signals: Signals, people: list[str]) -> bool:
    """One of these people is the <title>'s part other than the headline ("Headline | Harbor
    Ledger" names "Harbor Ledger"), the <title> holding the page's headline as one part."""
    rest = {_key(p) for p in _title_rest(signals)}
    return any(_key(p) in rest for p in people)


def _without_site_tail(text: str, site_keys: set[str]) -> str:
    """A byline without the site's name run onto its end with no comma ("By Ann Lee The
    Harbor Ledger", "By ANN LEE Harbor Ledger": a newspaper system's free-text byline field
    that names the paper after its writer). Two words of the site's name at least, and two
    words left before them; a LoneName is given as found. The tail begins with "The", or the
    name before it is in capitals and the tail is not, or the tail ends in a word of an
    organisation's name ("By Ann Lee Harbour Gazette"): a site may be named for its writer
    ("Ann Lee", annlee.example) or like a person ("Marsh Cole"), and the end of "By Mary Ann
    Lee" is then the writer's own name, not the site's run on."""
    if type(text) is not str or not site_keys:
        return text
    words = text.split()
    for count in range(min(5, len(words) - 2), 1, -1):  # (the longest tail first)
        if outlet_key(" ".join(words[-count:])) in site_keys:
            if words[-count - 1].casefold() in _BEFORE_EMPLOYER:
                return text  # "Ann Lee for The Harbor Ledger": split_people parts those
            if words[-count].casefold() != "the" and not (
                    words[-count - 1].isupper() and not any(w.isupper() for w in words[-count:])) and (
                    words[-1].casefold() not in ORGANISATION_WORDS):
                continue  # (no mark of where the name ends)
            return " ".join(words[:-count]).rstrip(" ,;|·•-–—")
    return text


_BEFORE_EMPLOYER = frozenset({"for", "of", "at", "to", "from", "with"})


# What may join a writer's name to another's in a byline: a comma, a semicolon, "&", "/", "+",
# or "and" in the languages of the news we see most.
_JOIN = r"(?:[,;&/+、]|\b(?i:and|und|et|y|e|og|och|en|i|with)\b)"
# A name's first two words, as a byline writes them: a word that begins with no small letter
# (a capital, or a script with no case), then another word.
_NAME_START = r"(?![a-zà-ÿ])[^\W\d_][\w'’.-]*\s+(?![a-zà-ÿ])[^\W\d_]"
_NAME_WORD = r"(?![a-zà-ÿ])[^\W\d_][\w'’.-]*"
_NAME_FULL = rf"(?:{_NAME_WORD}\s+){{1,3}}{_NAME_WORD}"
_NAME_TEXTS = etree.XPath("descendant::text()[contains(., $name) or contains(., $capitals)]")
_BESIDE_HITS = 8  # places a name is written at that are looked at, at most
_BESIDE_SPAN = 200  # characters of markup read on each side of it
_TAG = re.compile(r"<[^>]*>")
# Around the name (set as "\x01"; "\x00" where an element begins or ends), another name:
_BESIDE_ANOTHER = re.compile(
    # after a join: "A, Bo Kim", "A</a>, <a>Bo Kim", "A and Bo Kim"
    rf"\x01[\s\x00]*\W?[\s\x00]*{_JOIN}[\s\x00]*{_NAME_START}|"
    # in the next element, a name and nothing else: "<a>A</a><a>Bo Kim</a>"; or after one
    # short element of a word or two, a writer's card's role: "<a>A</a><span>Reporter</span>
    # </div><div><a>Bo Kim</a>"
    rf"\x01\s*(?:\x00\s*)+(?:[^\W\d_][^\x00\x01]{{0,24}}\s*(?:\x00\s*)+)?{_NAME_FULL}\s*\x00|"
    # before a join: "Bo Kim and A", "<a>Bo Kim</a>, <a>A"
    rf"{_JOIN}[\s\x00]+(?:{_NAME_WORD}\s+){{0,3}}\x01|"
    # in the element before: "<a>Bo Kim</a><a>A"
    rf"\x00\s*{_NAME_FULL}\s*(?:\x00\s*)+(?:{_NAME_WORD}\s+){{0,3}}\x01")


def _written_beside_another(signals: Signals, names: list[str]) -> bool:
    """Whether the page writes one of these names where a byline may name more people: beside a
    joining mark or word and another name ("A, Bo Kim", "Bo Kim and A", "A & Bo Kim"), or
    against another name in an element of its own (<a>A</a><a>Bo Kim</a>); not "A, a staff
    writer", "A, Agency", "March 5, 2024 by A". A cheap test of where a byline naming more
    people than these could be (a search of the markup as text, or of the tree's text nodes
    when there is none): when it is false, the byline names no more, and the byline, a search
    of the whole page, need not be read. (A name too short to search for says yes.)"""
    for name in names:
        family = name.split()[-1] if name.split() else ""
        if len(family) < 2:
            return True
        if any(_BESIDE_ANOTHER.search(around)
               for around in islice(_places_written(signals, family), _BESIDE_HITS)):
            return True
    return False


def _as_text(markup: str) -> str:
    """Markup as its words, "\x00" where a tag was (a tag cut at the edge is read as text,
    harmlessly), its character references read ("A &amp; B" joins two names as "A & B" does)."""
    text = _TAG.sub(" \x00 ", markup)
    if "&" in text:
        text = html.unescape(text)
    return " ".join(text.split()).replace("\x00 \x00", "\x00").replace("\x00 \x00", "\x00")


def _places_written(signals: Signals, family: str):
    """The text around each place the page writes this word (as it is, or in capitals), the
    word set as "\x01"."""
    html = signals.html
    if html is not None:
        found = False
        for needle in dict.fromkeys((family, family.upper())):
            at = html.find(needle)
            while at >= 0:
                found = True
                yield (_as_text(html[max(0, at - _BESIDE_SPAN):at]) + " \x01 "
                       + _as_text(html[at + len(needle):at + len(needle) + _BESIDE_SPAN]))
                at = html.find(needle, at + len(needle))
        if found:
            return
        # (Not in the markup as written: its letters may be entities there, "O&#39;Neil".)
    if signals.tree is None:
        return
    body = signals.tree.find("body")
    for text in _NAME_TEXTS(body if body is not None else signals.tree, name=family, capitals=family.upper()):
        holder = text.getparent().getparent() if text.is_tail else text.getparent()
        if holder is not None and holder.getparent() is not None:
            around = " \x00 ".join(" ".join(t.split()) for t in holder.getparent().itertext())
            yield f"\x00 {around} \x00".replace(family, "\x01").replace(family.upper(), "\x01")


_WHOLE_TEXT = etree.XPath("//body//text()[normalize-space(.) = $name]/..")


def _set_like(signals: Signals, name: str, others: list[str]) -> bool:
    """The name is the whole text of an element of the same kind (tag and class) as one whose
    whole text is one of the others: "<span class="author">A</span>, <span class="author">B
    </span>", not "A, <span class="org">B</span>"."""
    if signals.tree is None:
        return False
    kinds = {(e.tag, e.get("class")) for other in others for e in _WHOLE_TEXT(signals.tree, name=other)}
    return any((e.tag, e.get("class")) in kinds for e in _WHOLE_TEXT(signals.tree, name=name))


def _set_out_as_writers(signals: Signals, shown: list[str], keys: set[str]) -> bool:
    """The byline's names beyond the structured ones are writers': it lists three or more,
    or each added name is in a byline element of its own, on a link to an author page (or
    marked rel="author"), in an element like the structured name's, or joined by a word
    ("and", "&"). Two parts joined by a comma alone ("A, B") may as well be a name and an
    affiliation or a title our split does not know ("A, Harbor Project"): a byline shape that
    states no second writer. (Asked only when the byline names the structured people and
    more: on few pages.)"""
    if len(shown) >= 3:
        return True
    linked = {person_key(n) for n in signals.rel_author + signals.author_links}
    whole = " ".join(signals.byline)
    structured = [name for name in shown if person_key(name) in keys]
    for name in shown:
        key = person_key(name)
        if (key in keys or key in linked or any(person_key(text) == key for text in signals.byline)
                or _set_like(signals, name, structured)):
            continue
        if not re.search(rf"(?:&|\b(?:and|und|et|y|e|og|och|en|i|with)\b)\s+{re.escape(name)}|"
                         rf"{re.escape(name)}\s+(?:&|\b(?:and|und|et|y|e|og|och|en|i|with)\b)", whole, re.I):
            return False
    return True


# Accounts and desks that a blog or a CMS puts where the writer's name goes, when the writer
# is no one in particular (English and the languages of the news we see most).
_ACCOUNT_WORDS = ACCOUNT_WORDS | {
    "contact", "blog", "home", "sponsored",
    "partner", "advertorial", "newsdesk", "redaction", "rédaction", "redaktion", "redazione",
    "redacción", "redaccion", "redação", "redacao", "redactie", "editorial", "everyone",
}
_LONE_NAME = re.compile(r"[^\W\d_][^\W\d_'’-]{1,24}")
# An account's login with a number after its letters ("jdoe01"), as a blog platform makes one
# where the word was taken: read as the lower-case login is (three signals), never capitalised.
_NUMBERED_LOGIN = re.compile(r"[^\W\d_]{3,24}\d{1,4}")
# An account word run together with others ("jdadmin", "siteadmin", "WebMaster2"): an account
# the CMS made, not a pen name.
_ACCOUNT_PART = re.compile(r"admin|webmaster|moderator|sysop", re.I)
# A byline's label that names its field as the author's, in the languages of the news we see
# most (English, German/Spanish/Portuguese, French, Italian).
_AUTHOR_FIELD_LABEL = re.compile(r"^\s*(?:author|autor|autora|auteur|autore|autrice)\s*:?\s+", re.I)
_LONE_LABEL = re.compile(r"^\s*(?:(?:posted|written|words|story|text)\s+)?(?:by|par|por|von|door|av)\b\s*:?\s*"
                         r"|^[\s《〈(\[]+|[\s》〉)\].,:;|]+$", re.I)
_NOT_LONE_NAMES = (_ACCOUNT_WORDS | ROLE_WORDS | ORGANISATION_WORDS | set(AGENCIES)
                   | set(MONTHS.split("|")) | set(WEEKDAYS.split("|")))


# A display name cut to an initial ("Tomas R", "Tomas R."): a CMS account's, not a byline's.
_INITIAL_LAST = re.compile(r"\s[^\W\d_]\.?$")


def _looks_like_account(name: str) -> bool:
    """A name that reads as a CMS account's: an account word in it ("Admin Tomas", "Tomas
    Reyes-admin") or its last name cut to an initial."""
    return bool(_ACCOUNT_PART.search(name) or _INITIAL_LAST.search(name)
                or any(word in _ACCOUNT_WORDS for word in re.split(r"[\s_-]+", name.casefold())))


def _lone_name(signals: Signals, json_ld_people: list[str], meta_people: list[tuple[str, list[str]]],
               site_keys: set[str], sites: list[str]) -> Choice | None:
    """A writer known by one word ("by Marlo", a pen name): the page's signals name nobody
    else, and two of them (the JSON-LD Person, a meta author, the byline, a rel="author" link,
    a link to an author page) give that same one word. One signal alone is not enough: a lone
    word there is as often a handle, a section or the site. Accounts ("admin"), roles, agencies
    and words in capitals (initials, acronyms: more often organisations) are no one's name; a
    word in lower case needs three signals (the link's tooltip, "View all posts by jdoe", is one)."""
    signal_texts = [("json-ld", json_ld_people),
                    ("meta", [v for _, values in meta_people for v in values]),
                    ("byline", signals.byline), ("byline", signals.rel_author),
                    ("byline", signals.author_links),
                    # (the author page's address that ends in the same word: the site's key
                    # for its writer, "/author/marlo/", not the link's text again)
                    ("byline", signals.author_link_slugs),
                    # (and the link's tooltip, "View all posts by marlo")
                    ("byline", signals.author_link_tooltips)]
    votes: dict[str, list[str]] = {}  # name key -> the sources of the signals that give it
    names: dict[str, str] = {}
    declared = {outlet_key(_LONE_LABEL.sub("", text)) for _, texts in signal_texts[:2] for text in texts}
    def may_be_name(name: str) -> bool:
        return bool((_LONE_NAME.fullmatch(name) or name.islower() and _NUMBERED_LOGIN.fullmatch(name))
                    and (name[0].isupper() or name.islower()) and not (
            name.isupper() or name.casefold().rstrip("0123456789") in _NOT_LONE_NAMES
            or _ACCOUNT_PART.search(name) or _lone_site_name(name, site_keys, sites, declared)))

    for source, texts in signal_texts:
        keys = set()
        for text in texts:
            name = _LONE_LABEL.sub("", _AUTHOR_FIELD_LABEL.sub("", text))
            key = name.casefold()
            if not may_be_name(name):
                continue
            keys.add(key)
            names.setdefault(key, name)
        for key in keys:
            votes.setdefault(key, []).append(source)
    # A word in lower case is an account's name ("jdoe"): the writer's own, when the byline,
    # the rel="author" link (or the link's tooltip) and the link to the author page all give it;
    # fewer, and it may be a common word. (Two, where the byline's own label names its field
    # as the author's, "Author: jdoe", "Autor jdoe": the theme's word for whose name it is, as
    # the tooltip is.)
    labelled = {_LONE_LABEL.sub("", _AUTHOR_FIELD_LABEL.sub("", text)).casefold()
                for text in signals.byline if _AUTHOR_FIELD_LABEL.match(text)}
    agreed = [key for key, sources in votes.items()
              if len(sources) >= (2 if names[key][0].isupper() or key in labelled else 3)]
    if not agreed:
        stamped = _stamped_name(signals)
        # (A name in letters alone: a numbered login, "web2", takes three signals, one stamp is not.)
        return (Choice([LoneName(stamped)], "byline")
                if stamped and _LONE_NAME.fullmatch(stamped) and may_be_name(stamped) else None)
    best = max(agreed, key=lambda k: len(votes[k]))  # the first of the best-supported
    return Choice([LoneName(names[best])], votes[best][0])


_STAMP_LINES_UNDER_HEADLINE = 2  # lines under the headline that may be its stamp


def _stamped_name(signals: Signals) -> str | None:
    """The one word a post's stamp line gives as its writer (text_rules.stamped_writer: "Von
    Marlo am 03.05.2013, 11:51", "11.05.2012, 10:22 von marlo"): one of the first lines under
    the headline, before the story's text. The line's shape is the theme's evidence that the
    word is the writer's login or first name, where no second signal repeats it (a lone word
    said once is otherwise as often a section or the site). (Not the byline's first line
    wherever it sits: a reader's comment below the story is stamped the same way, "Von Peter
    am 04.05.2013".)"""
    headline = _headline_element(signals.tree) if signals.tree is not None else None
    under = [line for element, line in islice(_lines_under_headline(signals.tree, headline), _STAMP_LINES_UNDER_HEADLINE)
             if not _IN_COMMENTS(element)] if headline is not None else []
    # (The byline's first line elsewhere, under the story, only as the post's own meta line:
    # its stamp and more fields after a bar, "Von A am 03.05.2013, 11:51 | 0 Kommentare | Hafen";
    # a comment's stamp has none.)
    fields = [line for text in signals.byline[:1]
              if _STAMP_MORE_FIELDS.search(text.strip()) and (line := text.strip().split("\n")[0])]
    return next(filter(None, map(stamped_writer, under + fields)), None)


_STAMP_MORE_FIELDS = re.compile(r"\S\s*[|·•\n]\s*\S")


def _lone_site_name(name: str, site_keys: set[str], sites: list[str], declared: set[str]) -> bool:
    """A one-word "writer" that is the site's name, or the word its name or address begins
    with ("Harbor" on harborkite.example): a brand signing its own posts, not a pen name.
    Of the site's names of several words, also those that site_keys leaves out (the <title>'s
    part that the link home shows, where nothing declares it: a personal site's title may be
    its writer's full name, whole): the first word of "Harbor Kite Works" or "The Harbor
    Blog", where the page names no address of its own to begin with it - unless the page's
    meta author or JSON-LD Person (`declared`, their keys) states the word: a writer's site
    named for its writer ("Ann Writes", "The Ann Diaries"), where a brand signs through the
    account its theme links."""
    key = outlet_key(name)
    return key in site_keys or (len(key) >= 4 and (
        any(site.startswith(key) for site in site_keys)
        or key not in declared
        and any(len(words := _without_the(site).split()) >= 2 and outlet_key(words[0]) == key for site in sites)))


def _without_the(name: str) -> str:
    return name[4:] if name[:4].casefold() == "the " else name


# --- dates ---------------------------------------------------------------------------------


def _web_pages(signals: Signals) -> list[dict]:
    """The JSON-LD objects typed WebPage (alone or among their types): SEO plugins often
    state the post's dates on its page node alone, with no article object; read after the
    article objects, whose dates they would otherwise contradict."""
    return [item for item in signals.json_ld_others if _WEB_PAGE_TYPE.search(str(item.get("@type")))]


def _settled(value):
    """A value given either as it is or as a function that works it out (when it is dear)."""
    return value() if callable(value) else value


def url_date(url: str | None) -> str | None:
    path = urlsplit(url).path if url else ""  # not the query: "?from=/2016/dec/09/" is another page's
    match = _URL_DATE.search(path)
    if match:
        year, month, day = (int(g) for g in match.groups() if g)
        return f"{year:04d}-{month:02d}-{day:02d}"
    match = _URL_WORDED_DATE.search(path)
    if match:
        year, month, day = int(match[1]), _URL_MONTHS[match[2].casefold()], int(match[3])
        return f"{year:04d}-{month:02d}-{day:02d}"
    match = _URL_SECTION_DATE.search(path)
    if match:
        year, month, day = (int(g) for g in match.groups())
        return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def choose_dates(signals: Signals, trafilatura_date: str | None | Callable[[], str | None],
                 now: datetime | None = None) -> tuple[Choice, Choice]:
    """(published, updated), each from the strongest signal that states one: JSON-LD's
    article objects, then meta, then JSON-LD's web page node or a block that is not valid
    JSON, then a <time> marked as the publication, then the URL, then the page's first
    <time datetime> that is no revision's, teaser's, masthead's or comment's, then a whole date
    written in the byline, then one on a line labelled "Published" (in several languages),
    then one written in a date-named element, on the link to the page itself, in the article's
    meta box ("post-meta"), on a "By" line or alone in an element, then a <time> marked as
    the revision, and last a line labelled "Updated" (marked "revision"). Written lines give the date after their "Published" (or "Original") label,
    not an "Updated" one: a written "Updated" stamp dates the revision, after JSON-LD's and
    meta's. htmldate's answer (trafilatura's date, structured markup only) comes last,
    marked "htmldate": on the tune pages it was right 4 times in 6 where nothing else spoke
    (it also reads dates from image paths), so a user may want to filter it out; not when it
    is the day of the revision the page states (htmldate's fallback when it finds no
    publication). It may be given as a function, called only when every other signal is silent.
    A structured publication that is the structured revision word for word gives way to an
    earlier day the page shows (_shown_before_revision), and a UTC moment a zone's offset from
    the day the byline shows is given as that day (_shown_day_beside_utc)."""
    now = now or datetime.now(timezone.utc)

    def first_choice(sources) -> Choice:
        """The first valid date of the first source that gives one. Values given as functions
        search the whole page: read only when all above are silent."""
        for source, values in sources:
            for value in values() if callable(values) else values:
                if isinstance(value, str) and iso_date(value, now):
                    return Choice(value, source)
        return Choice(None, None)

    published = first_choice((
        ("json-ld", [_unix_time(i.get("datePublished")) for i in signals.own_json_ld]
         + [_unix_time(i.get("dateCreated")) for i in signals.own_json_ld]),
        ("meta", [_unix_time(v) for v in signals.meta_published_values]),
        # Weaker JSON-LD: the web page's node, and blocks that are not valid JSON.
        ("json-ld", [i.get("datePublished") for i in _web_pages(signals)]
         + signals.json_ld_unparsed.get("datePublished", [])),
        # (Its text, when it has no machine-readable value, may be a sentence: "sexta-feira,
        # 5 de março de 2024 às 20:13".)
        ("meta", lambda: [v if iso_date(v, now) else published_text_date(v, signals.day_first)
                          for v in _own_time_published(signals)]),
        ("url", [url_date(signals.url)]),
        ("text", lambda: _labelled_time_text(signals, now)),
        ("time", lambda: signals.time_elements[:1]),
        ("byline", lambda: signals.byline_dates),
        # A line that says "Published" before its date, with no class to name it.
        ("text", lambda: signals.labelled_dates),
        ("text", lambda: [published_text_date(t, signals.day_first) or _short_dotted_date(t, signals.day_first)
                          for t in signals.date_texts]),
        ("text", lambda: _permalink_dates(signals)),
        # The dateline a press release (or an older wire story) opens its text with.
        ("text", lambda: _dateline_dates(signals)),
        # Weaker: a date in the article's meta box, or on a "By" line that is not the byline
        # found (which may be another story's, or a caption's).
        ("text", lambda: signals.meta_box_dates),
        ("byline", lambda: signals.by_line_dates),
        ("byline", lambda: _by_line_short_dates(signals)),
        ("text", lambda: _lone_date(signals)),
        # A line of fields under the headline with no class, one of them the date ("Ann Lee |
        # March 5, 2024", "March 5, 2024 — 4 min read").
        ("text", lambda: _field_line_date(signals)),
        # The same line set just above the headline ("November 5, 2024 / 9:47 AM / Updated 2
        # hours ago" between the section's name and the <h1>).
        ("text", lambda: _line_above_headline(signals)),
        ("time", lambda: signals.revision_times[:1]),
        # The same with its date written for readers only: <time class="updated">March 5,
        # 2024</time>, no datetime=.
        ("revision", lambda: _revision_marked_dates(signals)),
        # A date-named element's day and month with no year ("Posted Oct 4, 7:10 AM"): a
        # template leaves out the year of the year it shows the page in, which its copyright
        # line states ("© 2024").
        ("text", lambda: _yearless_dates(signals)),
        # Last, as that <time>, a line of its own labelled "Updated" when the page states no
        # other date: a wire story's "Updated 0812 GMT, March 5, 2024" under its headline is
        # the one day it shows, and most often the day it was published too (a day that may
        # be right; none is always wrong). Marked "revision", so a user can filter it out as
        # htmldate's. (Stripped of their structured dates, three tune pages showed only such a
        # line, each on the publication's day.) Only one set above the story's text: after it,
        # an "Updated" line may be a live blog entry's or another story's.
        ("revision", lambda: signals.revisions_above_story[:1]),
    ))
    if published.value is None and not signals.others_dates and not signals.month_only_times:
        trafilatura_date = _settled(trafilatura_date)
        # (htmldate may give the day of an "Updated" stamp the page writes: as with a <time>
        # marked as the revision, that is often the publication's own day, so it is kept, and
        # marked as htmldate's.)
        if (trafilatura_date and iso_date(trafilatura_date, now)
                and iso_date(trafilatura_date, now)[:10] not in _stated_revision_days(signals, now)):
            published = Choice(trafilatura_date, "htmldate")
    if published.value and published.source in ("json-ld", "meta"):
        published = _shown_before_revision(published.value, signals, now) or published
    if published.value and published.source in ("json-ld", "meta"):
        published = _marked_moment_of_utc_day(published.value, signals, now) or published
    # Read from the page as shown: not from JSON-LD, a <meta> tag or the address. (An element
    # marked as the publication's, <time class="published">, is given as "meta" too: the hAtom
    # themes that mark it so set the revision's <time class="updated"> beside it.)
    visible = published.source not in ("json-ld", "meta", "url") or (
        published.source == "meta" and published.value not in signals.meta_published_values)
    if published.value and published.source in ("json-ld", "meta"):
        published = Choice(_in_local_time(_in_order_seen(published.value, signals, now), signals, now),
                           published.source)
    elif published.value and published.source == "time":
        # A <time datetime> is a machine value too: its UTC clock is read the same way.
        published = Choice(_in_local_time(published.value, signals, now), published.source)
    if published.value and published.source in ("json-ld", "meta", "time"):
        shown = _shown_day_beside_utc(published.value, signals, now)
        published = Choice(shown, "byline") if shown else published
    updated = first_choice((
        *_structured_revision_sources(signals),
        # What readers see: a line stamped "Updated", "Mis à jour", "Actualizado", then a <time>
        # marked as the revision (unless it is the one date the page gave as the publication's).
        # Read only when the publication date was read from the page as shown (or not found):
        # a page whose JSON-LD, meta or address states the publication and no revision has had
        # none stated, and these searches of the whole page would cost every such page.
        # An element marked as the revision's by its property comes first, as the one marked
        # as the publication's does among the page's own dates.
        ("meta", lambda: signals.modified_properties if visible else []),
        # (A hidden stamp on the publication's own day is the unedited post's: the theme writes
        # it for every post.)
        # (Searched for only when visible: the search of the whole page is the dear part.)
        ("meta", lambda: [v for v in (signals.hatom_revision_stamps[:1] if visible else []) if not (
            published.value and _same_day(v, published.value, now))]),
        ("text", lambda: list(islice(signals.revision_stamps(), 1)) if visible else []),
        ("time", lambda: [t for t in signals.revision_times[:1] if visible and (
            published.source != "time" or not _same_day(t, published.value, now))]),
        # Last, a line of its own labelled "Updated" (a <time> gives the moment, this the day).
        ("text", lambda: signals.labelled_revisions[:1] if visible else []),
    ))
    if updated.value and updated.source in ("json-ld", "meta"):
        updated = Choice(_in_order_seen(updated.value, signals, now), updated.source)
    return published, updated


def _plain_by_line_names(signals: Signals) -> list[str]:
    """The names after the label of the first short line under the headline, before the story's
    text, that begins "By" (or "von", "par"), where no element is marked as the byline: a blog
    post's own line in plain markup ("<span>von Ann Lee</span>"). Not one in a caption, a
    comment, a card's link or another story's box; and only what follows the label ("Von
    Ahlen" alone, a surname's part in a list of authors, says no "by")."""
    line = _by_line_under_headline(signals, _headline_element(signals.tree) if signals.tree is not None else None)
    return [_LABEL_BEFORE_NAME.sub("", line, count=1)] if line else []


def _by_line_under_headline(signals: Signals, headline) -> str | None:
    """The first short line under `headline`, before the story's text, that begins "By" (or
    "von", "par"): not one in a caption, a comment, a card's link or another story's box."""
    for element, line in _lines_under_headline(signals.tree, headline) if headline is not None else ():
        if (_BY_START.match(line) and not (_IN_CAPTION(element) or _IN_COMMENTS(element) or _in_card_link(element)
                                           or _in_other_stories(element, headline))):
            return line
    return None


def _by_line_short_dates(signals: Signals) -> list[str]:
    """The day a "By" line gives as its last field, after a comma, when that field is a dotted
    date with a two-digit year and nothing more: "von Ann Lee, 8.5.12", as blog themes write
    the post's stamp beside its writer (see _short_dotted_date; in prose the same shape is a
    version's number, so only a byline's own field is read). Only the line under the headline
    (_by_line_under_headline): the page's other "By" lines are a related box's, a sidebar's or
    a comment's, dated for their own stories."""
    # (A page's <h2> headline too; on a page with no headline we know, the page's first "By"
    # line, above the boxes that follow the story.)
    headline = _byline_headline(signals.tree) if signals.tree is not None else None
    line = _by_line_under_headline(signals, headline) if headline is not None else next(iter(signals.by_line), None)
    day = _short_dotted_date(line.rsplit(",", 1)[1], signals.day_first) if line and "," in line else None
    return [day] if day else []


_TIME_TEXT_REACH = timedelta(days=1)  # a time zone's reach: the shown day may be the value's neighbour


def _labelled_time_text(signals: Signals, now: datetime) -> list[str]:
    """The day the page's first <time> (time_elements) writes for readers after a "Published"
    label, where its datetime= value is of another day, not the same nor its neighbour:
    '<time datetime="2024-03-09T10:18Z">Published on 5 March 2024</time>', a template that
    writes another moment (the last edit's) for machines while its words say when the post was
    published. (A <time> whose words give no label, or the same day, keeps its value.)"""
    values = signals.time_elements[:1]
    element = next((e for e in _TIMES(signals.tree) if e.get("datetime") == values[0]), None) if values else None
    text = (_text(element) or "") if element is not None else ""
    if not any(label.group("published") for label in _DATE_LABEL.finditer(text)):
        return []
    day = published_text_date(text, signals.day_first)
    shown, machine = (iso_date(day, now) if day else None), iso_date(values[0], now)
    if not (shown and machine):
        return []
    apart = abs(datetime.fromisoformat(shown[:10]) - datetime.fromisoformat(machine[:10]))
    return [day] if apart > _TIME_TEXT_REACH else []


def _own_time_published(signals: Signals) -> list[str]:
    """time_published less the values of teasers (a list item with a heading, an <article>
    other than the headline's: a box of other posts, each <time pubdate> marked as its own
    post's), where the page has a value or a <time> of its own outside them: a theme that marks
    every listed post's time so left the post's own unmarked <time> under its headline unread.
    (Where the page has nothing else, they are kept: its first <h1> may be a promotion's, and
    its own date in the same markup.)"""
    elements = signals.time_published_elements
    headline = _headline_element(signals.tree) if elements else None
    own = [e for e in elements if not (_TEASER_ITEM(e) or _in_teaser(e, headline))]
    if len(own) < len(elements) and (own or signals.time_elements):
        elements = own
    return [value for value in map(_marked_value, elements) if value]


# A cell of a data table (a layout table is unwrapped before the signals are read): a list of
# documents or files marks each one's "modified" day, none of them the page's.
_IN_DATA_CELL = etree.XPath("boolean(ancestor-or-self::td or ancestor-or-self::th)")


def _revision_marked_dates(signals: Signals) -> list[str]:
    """The day an element marked as the revision's by its class ("updated", "modified-date")
    writes as its whole text, the first of the page's that is no teaser's, comment's or other
    story's: a theme marks the one date it shows so (see revision_times), and a <time> without
    datetime= gives it to readers alone."""
    if signals.tree is None:
        return []
    headline = _headline_element(signals.tree)
    for element in signals.tree.iter(etree.Element):
        marks = element.get("class")
        if not marks or not _names_revision(marks, "") or _MARKED_PUBLISHED.search(marks.casefold()):
            continue
        text = _text(element)
        day = text_date(text, signals.day_first) if text and len(text) <= 80 else None
        if (day and _is_whole_date(text, day) and not (
                _TEASER_ITEM(element) or _IN_COMMENTS(element) or _IN_QUOTE(element)
                or _in_other_stories(element, headline) or _in_sidebar(element, headline)
                or _in_masthead(element, headline) or _IN_DATA_CELL(element))):
            # (Not when a line under the headline shows another day: that one may be the
            # publication's, and neither is said to be.)
            others = {other for _, line in _lines_under_headline(signals.tree, headline)
                      if (other := text_date(line, signals.day_first)) and other != day}
            return [] if others else [day]
    return []


# A month and its day with no year after them ("Oct 4", "March 5th,", "5 March"), in English,
# ending its field: the clock that may follow is no year ("Oct 4, 7:10 AM"); "Top 5 March
# picks" is no date.
_YEARLESS_DATE = re.compile(rf"\b(?:(?:{MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTHS})\.?)"
                            r"(?![\w:.]|,?\s*(?:19|20)\d\d(?![\d:.]))"
                            # (the end of its field: the text's end, a mark, a clock)
                            r"(?=\s*(?:$|[,;|·•–—-]|at\s|\d{1,2}[:.]\d\d))", re.I)
# The year of a copyright line ("© 2024", "Copyright 2019-2024", "&copy; 2024"): the last of a range.
_COPYRIGHT_YEAR = re.compile(r"(?:©|&copy;|&#169;|\bcopyright\b)(?:\s|&nbsp;|©|&copy;)*"
                             r"(?:(?:19|20)\d\d\s*[-–—]\s*)?((?:19|20)\d\d)(?!\d)", re.I)


_COMMENT_DATE_CLASS = re.compile(r"comment[-_]?(?:date|time|meta)", re.I)


def _yearless_dates(signals: Signals) -> list[str]:
    """The publication day a date-named element states with no year but with its clock, a
    stamp of the day's news ("Posted Oct 4, 7:10 AM"), in the year of the page's copyright
    line (the latest it states), else the year before (a post of late December shown in
    January: its day would lie in the future of the ingest, and is refused). None when the
    page states no copyright year, or when the element's text holds a whole date (read by the
    steps above, or not the publication's). Not a day and a month alone: a blog's calendar
    badge ("21 | Sep") leaves out the year of every post, old or new (two tune pages, their
    posts a year older than their copyright line)."""
    if signals.tree is None:
        return []
    texts = [t for t in signals.date_texts if _YEARLESS_DATE.search(t) and _CLOCK.search(t)
             and not text_date(t, signals.day_first)]
    # (Not a reader's: a comment's stamp, "<div class=comment-date>Mar 4, 7:10 PM</div>", is
    # named so itself, with no comments box around it to tell.)
    if texts and any(_COMMENT_DATE_CLASS.search(e.get("class") or "") and _text(e) == texts[0]
                     for e in _date_named(signals.tree)):
        return []
    if not texts:
        return []
    markup = signals.html if signals.html is not None else etree.tostring(signals.tree, encoding="unicode")
    years = [int(year) for year in _COPYRIGHT_YEAR.findall(markup)]
    if not years:
        return []
    days = []
    for year in (max(years), max(years) - 1):
        filled = _YEARLESS_DATE.sub(lambda match: f"{match.group(0)}, {year}", texts[0])
        day = published_text_date(filled, signals.day_first)
        if day:
            days.append(day)
    return days


def _stated_revision_days(signals: Signals, now: datetime) -> set[str]:
    """The days of the revision the page states in its structured data (JSON-LD's dateModified,
    article:modified_time and the like). On a page that states no publication, htmldate falls
    back on these: its date on one of these days is the revision's, not the publication's (a
    template that writes only og:updated_time, a JSON-LD block with dateModified alone). None
    when the page gives htmldate another date to read, which may be the revision's day too: a
    <meta> tag it reads for the publication (one we do not read, such as "created" or
    "og:regDate"), a <time datetime> anywhere (one we set aside as a header's or a link's), a
    datePublished in any JSON-LD object, or a date in its address."""
    if any(key in HTMLDATE_PUBLISHED_KEYS for key in signals.meta):
        return set()
    if (signals.tree is not None and _ALL_TIMES(signals.tree)) or url_date(signals.url) or any(
            item.get("datePublished") or item.get("dateCreated") for item in [*signals.json_ld, *signals.json_ld_others]):
        return set()
    values = ([_unix_time(i.get("dateModified")) for i in signals.own_json_ld]
              + [v for key in META_UPDATED for v in signals.meta.get(key, [])]
              + [i.get("dateModified") for i in _web_pages(signals)])
    return {day[:10] for day in (iso_date(v, now) for v in values if isinstance(v, str)) if day}


def _in_order_seen(value: str, signals: Signals, now: datetime) -> str:
    """A structured date in numbers read in the page's order (_in_page_order), unless the page
    shows the day it gives read month first and not the other: a template may write its fields
    as the United States does whatever the page's language ("03/05/2024" in the meta of a
    French page that shows "5 mars 2024"; "05/03/2024" as dateModified beside a datePublished of
    2024-05-03). A weekday written beside a date in numbers settles its order first, whatever
    the page's language: a template's "Tue, 05/03/2024 - 09:10" was read as 3 May, a Friday."""
    settled = _weekday_settled(value)
    if settled:
        return settled
    ordered = _in_page_order(value, signals.day_first)
    if ordered == value:
        return value
    as_written, as_ordered = (iso_date(value, now) or "")[:10], (iso_date(ordered, now) or "")[:10]
    seen = _days_shown(signals, now)
    return value if as_written in seen and as_ordered not in seen else ordered


_NUMBERS_DATE = re.compile(r"(?<![\d/.-])(\d{1,2})([/-])(\d{1,2})\2((?:19|20)\d\d)(?![\d/-])")


def _weekday_settled(value: str) -> str | None:
    """The value with its date in numbers written as an ISO day, when the weekday beside it
    fits one order of the two numbers and not the other (_weekday_order); else None."""
    if not _WEEKDAY.search(value):  # (most values: one search)
        return None
    match = _NUMBERS_DATE.search(value)
    if not match:
        return None
    ordered = _weekday_order(value, int(match[1]), int(match[3]), int(match[4]))
    if not ordered:
        return None
    return f"{value[:match.start()]}{match[4]}-{ordered[0]:02d}-{ordered[1]:02d}{value[match.end():]}"


def _days_shown(signals: Signals, now: datetime) -> set[str]:
    """The days the page gives unambiguously: its structured dates not written in numbers
    both ways, and the dates it shows (read only for a page with an ambiguous structured date)."""
    structured = ([i.get(key) for i in signals.own_json_ld for key in ("datePublished", "dateModified")]
                  + list(signals.meta_published_values)
                  + [v for key in META_UPDATED for v in signals.meta.get(key, [])])
    shown = [*signals.time_elements, *signals.byline_dates, *signals.labelled_dates, *signals.meta_box_dates,
             *(published_text_date(t, signals.day_first) for t in signals.date_texts)]
    days = set()
    for value in [_unix_time(v) for v in structured if isinstance(v, str) and not _AMBIGUOUS_NUMERIC_DATE.match(v)] + shown:
        day = iso_date(value, now) if isinstance(value, str) else None
        if day:
            days.add(day[:10])
    return days


# A date in a structured field written in numbers with both orders possible ("05/03/2024",
# "05-03-2024 10:00"): the page's own way of writing dates, not ISO's.
_AMBIGUOUS_NUMERIC_DATE = re.compile(r"\s*(\d{1,2})([/-])(\d{1,2})\2((?:19|20)\d\d)(?![\d/-])")


def _in_page_order(value: str, day_first: bool | None) -> str:
    """A structured date such as "05/03/2024" as the day it names on a page whose language
    writes the day first (5 March on a French or a British page): the date parser reads it
    month first, as United States English does. Any other value as it is (a page in United
    States English or of unknown language, an order that the numbers settle: "25/03/2024")."""
    match = _AMBIGUOUS_NUMERIC_DATE.match(value) if day_first else None
    if not match:
        return value
    first, second = int(match[1]), int(match[3])
    if first > 12 or second > 12 or first == second:
        return value
    return f"{match[4]}-{second:02d}-{first:02d}{value[match.end():]}"


def _same_day(first: str, second: str, now: datetime) -> bool:
    first, second = iso_date(first, now), iso_date(second, now)
    return bool(first and second) and first[:10] == second[:10]


# A clock time as readers see it: "18:47", "6:47 p.m.", "06:47 PM".
_CLOCK = re.compile(r"\d{1,2}[:.]\d\d(?:\s*[ap]\.?\s?m\b\.?)?", re.I)


def _written_local_times(signals: Signals, now: datetime):
    """Date-times the page writes for readers, in its own clock and with no time zone: meta
    published values in a human form, visible date texts ("Published: Mar. 5, 2024, 6:47
    p.m."), and the machine value of a <time> that gives a clock and no zone (<time
    datetime="2024-03-05 18:47:00">: a template that formats the post's local time)."""
    texts = [v for key in META_PUBLISHED for v in signals.meta.get(key, [])] + signals.date_texts
    for text in texts:
        day = text_date(text, signals.day_first)
        clock = _CLOCK.search(text)
        if not day or not clock:
            continue
        start = min(text.find(day) if day in text else 0, clock.start())
        value = iso_date(text[start:clock.end()], now) or iso_date(text, now)
        if not value and day in text and clock.end() <= text.find(day):
            # The clock written before the day ("11:40 pm EST, Tuesday, March 5, 2024"): the
            # slice above holds no day and the whole line's zone name may not parse.
            value = iso_date(f"{day} {clock[0]}", now)
        if value and "T" in value and not re.search(r"(?:Z|[+-]\d\d:?\d\d)$", value):
            # (With whether an update's label comes before the clock: "Updated 2:00 am", not
            # "Posted 11:00 pm, updated 2:00 am".)
            yield datetime.fromisoformat(value), text, bool(_UPDATE_LABEL.search(text, 0, clock.start()))
    # (Last: the <time> search is dear, and the written forms settle most pages.)
    for value in signals.time_elements[:1]:
        moment = iso_date(value, now)
        if moment and "T" in moment and not re.search(r"(?:Z|[+-]\d\d:?\d\d)$", moment):
            yield datetime.fromisoformat(moment), "", False


def _in_local_time(value: str, signals: Signals, now: datetime) -> str:
    """A machine date-time in UTC names the UTC day, which for an evening story in the
    Americas (or a morning one in Asia) is not the day the page shows its readers. When the
    page also writes the same moment on its own clock, the offset between the two is the
    page's time zone, and the moment is given in it (same instant, the readers' day).

    Two more machine values are UTC clocks in disguise, found the same way: one with no zone
    at all ("2024-03-06 02:50:00", a template printing the stored UTC time) when the page
    writes a clock a zone's offset away from it; and one carrying the site's offset on a UTC
    clock ("2024-03-06T04:10:00-06:00" for a story the page dates "Mar 5, 10:10 pm") when the
    written clock is exactly that offset away - a correct value would match the written clock
    as it stands. Any other zoned value is left as the page states it."""
    iso = iso_date(value, now)
    if not iso or "T" not in iso:
        return value
    stated = re.search(r"(?:[+-]\d\d:?\d\d)$", iso)
    naive = datetime.fromisoformat(iso).replace(tzinfo=None)
    moment = naive.replace(tzinfo=timezone.utc)
    stated_quarters = None
    if stated and not iso.endswith("+00:00"):
        offset = datetime.fromisoformat(iso).utcoffset()
        stated_quarters = round(offset.total_seconds() / 900)
    for local, text, updated in _written_local_times(signals, now):
        gap = (local - naive).total_seconds()
        if abs(gap) < 60 and not _MACHINE_FORM.match(text):
            # The page writes the value's own clock: it is the readers' clock as it stands, and
            # a later clock a zone's offset away is another moment (an update, a live entry).
            return value
        if updated and gap > 0 and (stated_quarters is not None or not stated):
            # (A value not stated in UTC is not moved by an update's clock written some whole
            # hours after it: a correct local value is followed by its updates. One written
            # before it is another matter: no update comes before the story, so the value is
            # the UTC clock in disguise.)
            continue
        quarters = round(gap / 900)
        named = written_zone(text) if text else None
        if named is not None and named.utcoffset(local) != timedelta(seconds=quarters * 900):
            # The clock names its zone ("9:00 am ET"), and the gap is not that zone's offset:
            # another moment (an update), not the same one on the readers' clock.
            continue
        # The written time may drop the seconds: a gap within a minute of a time zone's
        # offset (whole or half hours up to 14, or Nepal's and Chatham's 45 minutes past)
        # is that zone; any other gap is another moment (an update, a related story).
        if (quarters and abs(gap - quarters * 900) < 60
                and (quarters % 2 == 0 and abs(quarters) <= 56 or quarters in (23, 35, 51))
                and stated_quarters in (None, quarters)):
            return moment.astimezone(timezone(timedelta(seconds=quarters * 900))).isoformat()
    # Else the zone the page names beside a clock it writes (even an update's), then the one
    # its other machine dates state.
    stated_zone = None
    if iso.endswith("+00:00") and naive.time() != time.min:
        # (Not a UTC midnight: that is a day a template wrote as a moment ("2024-03-06T00:00:00Z"
        # for a story of March 6), which a zone west of UTC moved to the day before; a clock the
        # page writes for that very moment, above, still moves it.)
        # (Only a zone named beside a clock on a line that holds a day: "Polls close at 8:00
        # pm ET" in the story's top matter is an event's clock, not the page's.)
        stated_zone = next((zone for text in signals.date_texts
                            if (zone := written_zone(text)) is not None and text_date(text, signals.day_first)),
                           None)
        stated_zone = stated_zone or _machine_zone(signals, now, moment)
    if stated_zone is not None:
        return moment.astimezone(stated_zone).isoformat()
    return value


_WESTMOST = timedelta(hours=12)  # the farthest time zone west of UTC


def _shown_before_revision(value: str, signals: Signals, now: datetime) -> Choice | None:
    """The date the page shows for its publication (its first <time>, its byline; on a page
    with neither, its first date-named element's), where it is the one day shown and before
    any day the structured publication moment may be on, in whatever zone it is read, and
    that moment is the structured revision's too, word for word (a template that writes the
    last save into both fields), or is the one moment the page states, _LATER_SAVE or more
    after the day shown (a page rendered again long after, its tag filled with the day of the
    rendering): the structured one is a later save's. (Not where the page keeps a publication
    and a later revision apart: its publication field is meant as one; nor a lone moment a day
    or two after the day shown, which zones and a late night's save explain.)"""
    revisions = {v.strip() for v in [*(i.get("dateModified") for i in signals.own_json_ld),
                                     *(v for key in META_UPDATED for v in signals.meta.get(key, []))]
                 if isinstance(v, str)}
    iso = iso_date(value, now)
    if (revisions and value.strip() not in revisions) or not iso:
        return None
    moment = datetime.fromisoformat(iso) if "T" in iso else datetime.fromisoformat(iso + "T00:00:00")
    earliest = ((moment.astimezone(timezone.utc).replace(tzinfo=None) if moment.tzinfo else moment) - _WESTMOST).date()
    if not revisions:
        earliest -= _LATER_SAVE
    shown = [(v, "time") for v in signals.time_elements[:1]] + [(v, "byline") for v in signals.byline_dates]
    if not revisions:
        # Against the one moment the page states, only a day shown where a publication's is:
        # the byline's, or a <time> or a date-named element among the lines under the
        # headline. The page's first <time> or date-named element elsewhere may be another
        # day the story speaks of (a past flood's <time> in its text, a timeline, a fact
        # box's "Kick-off:", "originally published <time>").
        near = _meta_lines_elements(signals.tree)
        shown = [(v, "time") for v in signals.time_elements[:1]
                 if any(e.tag == "time" and e.get("datetime") == v for e in near)]
        shown += [(v, "byline") for v in signals.byline_dates]
        if not shown:
            # (A date-named element's text: '<div class="story-date">5.3.2024, 08:40</div>'.)
            named = [" ".join(" ".join(_texts_but_revisions(e)).split()) for e in _date_named(signals.tree)
                     if e in near] if near else []
            shown = [(day, "text") for text in signals.date_texts[:1]
                     if text in named and (day := published_text_date(text, signals.day_first))]
    days = {day[:10] for day in (iso_date(v, now) for v, _ in shown) if day}
    if len(days) != 1 or days.pop() >= earliest.isoformat():
        return None
    return Choice(*shown[0])


_LATER_SAVE = timedelta(days=7)


def _meta_lines_elements(tree: HtmlElement | None) -> set:
    """The elements under the headline before the story's first paragraph longer than a
    field line (see _elements_under_headline): where a page shows its own dates. (Not in a
    box set beside the text there, a fact box's or a caption's, which date something else.)"""
    near = set()
    headline = _headline_element(tree) if tree is not None else None
    # (A box set beside that holds the headline too is the page's wrapper: some templates set
    # the whole story in an <aside>.)
    headline_boxes = _headline_boxes(headline) if headline is not None else frozenset()
    for element in _elements_under_headline(tree, headline) if headline is not None else ():
        if element.tag == "p" and len(_text(element) or "") > _FIELD_LINE_LENGTH and not any(
                _STANDFIRST.search(f"{box.get('class', '')} {box.get('id', '')}")
                for box in chain([element], element.iterancestors()) if box not in headline_boxes):
            break  # (the story's text; not its standfirst, named so, which may come before the dates)
        if element.tag not in _SET_BESIDE and not any(
                box not in headline_boxes for box in element.iterancestors(*_SET_BESIDE)):
            near.add(element)
    return near


_SET_BESIDE = ("aside", "figure", "figcaption", "blockquote", "table")
# A standfirst's box by its class or id: "teaser", "lead", "standfirst", "intro", "dek".
_STANDFIRST = re.compile(r"teaser|(?<![a-z])lead|standfirst|intro|summary|(?<![a-z])deck?(?![a-z])|excerpt|abstract", re.I)


# The hours of a UTC clock at most (at least) that a time zone west (east) of UTC puts on the
# day before (after): UTC-12 and UTC+14 are the farthest zones.
_WEST_REACH, _EAST_REACH = time(12), time(10)


def _marked_moment_of_utc_day(value: str, signals: Signals, now: datetime) -> Choice | None:
    """The moment an element marked as the publication's gives with its zone ("<time pubdate
    datetime="2024-03-05 20:08:00-0400">"), for a structured publication stated as a day alone
    that is that moment's day in UTC and not its own ("2024-03-06"): a tag filled from the
    clock of the server, where the page's marked moment says the day its readers saw. None
    where the structured value has a clock, or no such moment is marked."""
    day = iso_date(value, now)
    if not day or "T" in day or signals.tree is None:
        return None
    # Only the page's own first marked moment: a related story's <time pubdate> in a box
    # beside the article is that story's, and one a day from the structured day is no proof
    # of a server's clock. (One on the structured day itself agrees with it: nothing to mend.)
    headline = _headline_element(signals.tree)
    own = (e for e in signals.time_published_elements if not _in_other_stories(e, headline))
    moment = next(filter(None, (iso_date(v, now) for v in map(_marked_value, own) if v)), None)
    if not moment or "T" not in moment or moment[:10] == day:
        return None
    instant = datetime.fromisoformat(moment)
    if instant.utcoffset() and instant.astimezone(timezone.utc).date().isoformat() == day:
        return Choice(moment, "time")
    return None


def _marked_value(element) -> str | None:
    """The date an element marked as the publication's gives: its machine value, else its
    text."""
    return (element.get("datetime") or element.get("content")
            or (element.get("title") if element.tag == "abbr" else None) or _text(element))


def _shown_day_beside_utc(value: str, signals: Signals, now: datetime) -> str | None:
    """The day the page shows by its byline (or labelled "Published"), for a machine moment
    still in UTC that names the next day or the day before: an evening
    story in the Americas ("2024-03-06T02:50:00Z" under "By Ann Lee - March 5, 2024"), a
    morning one in Asia. The page writes no clock to tell its zone from (_in_local_time), but
    the day its readers see is that one, and a zone's offset puts the moment on it; None where
    the page shows no day, several, the UTC day itself, or a day no zone puts the moment on.
    (Not a <time>'s day: one that shows a clock was read by _in_local_time, and another may be
    a widget's, a weather box's "Now".)

    Not where the byline writes a clock that a zone's offset makes the moment ("March 5, 2024
    9:50 PM EST" beside "2024-03-06T02:50:00Z"): the moment is the one shown, and its own. Nor
    a day after the moment's that is on or after the UTC day of a revision the page states in
    its structured data: a byline may show the revision's day ("March 6" beside a publication
    on the 5th and a dateModified on the 6th), and a publication given as a day after its
    revision's moment is taken for a misread and the revision dropped (normalise)."""
    iso = iso_date(value, now)
    if not iso or "T" not in iso or not iso.endswith("+00:00"):
        return None
    shown = {w[:10] for w in (iso_date(v, now) for v in (*signals.byline_dates, *signals.labelled_dates)) if w}
    if len(shown) != 1:
        return None
    day, moment = shown.pop(), datetime.fromisoformat(iso)
    before, after = (moment - timedelta(days=1)).date().isoformat(), (moment + timedelta(days=1)).date().isoformat()
    # (the byline's clocks read only where the shown day is a neighbour's: most pages show the UTC day)
    if day not in (before, after) or any(_clock_is_moments(w, moment) for w in _shown_clocks(signals, now)):
        return None
    if day == before and moment.time() < _WEST_REACH:
        return day
    if day == after and moment.time() >= _EAST_REACH and not any(
            revision[:10] <= day for revision in _structured_revisions_in_utc(signals, now)):
        return day
    return None


def _shown_clocks(signals: Signals, now: datetime):
    """The date-times the byline (or a "Published" line) writes with a clock: "March 5, 2024
    9:50 PM EST" as 2024-03-05T21:50 (its zone's name aside)."""
    _, written, block, _ = signals._byline_texts
    labelled = [text for text in map(_spaced_text, signals._label_lines) if not _UPDATE_LABEL.search(text)]
    for text in (*written, *block, *labelled):
        day = text_date(text, signals.day_first)
        clock = _CLOCK.search(text)
        if day and clock and day in text:
            start = min(text.find(day), clock.start())
            value = iso_date(text[start:clock.end()], now) or iso_date(f"{day} {clock[0]}", now)
            if value and "T" in value:
                yield value


def _clock_is_moments(written: str, moment: datetime) -> bool:
    """Whether a date-time the page writes is the UTC moment in some time zone: the same instant
    where it states its zone, else a clock a whole quarter-hour offset within the zones' reach
    away (UTC-12 to UTC+14)."""
    if "T" not in written:
        return False
    shown = datetime.fromisoformat(written)
    if shown.tzinfo is not None:
        return abs(shown - moment) <= _SAME_INSTANT
    offset = shown - moment.replace(tzinfo=None)
    return -timedelta(hours=12) <= offset <= timedelta(hours=14) and offset % timedelta(minutes=15) == timedelta(0)


def _structured_revision_sources(signals: Signals) -> list[tuple[str, list]]:
    """The revisions the page states to machines, by signal, in choose_dates' order: its own
    JSON-LD's dateModified, the meta tags', then a WebPage's and unparsable JSON-LD's."""
    return [("json-ld", [_unix_time(i.get("dateModified")) for i in signals.own_json_ld]),
            ("meta", [_unix_time(v) for key in META_UPDATED for v in signals.meta.get(key, [])]),
            ("json-ld", [i.get("dateModified") for i in _web_pages(signals)]
             + signals.json_ld_unparsed.get("dateModified", []))]


def _structured_revisions_in_utc(signals: Signals, now: datetime) -> list[str]:
    """The revision moments the page's JSON-LD and meta tags state, in UTC (days alone as they are)."""
    revisions = []
    for value in (value for _, values in _structured_revision_sources(signals) for value in values):
        stated = _instant(value, now)
        iso = stated.astimezone(timezone.utc).isoformat() if stated is not None else iso_date(value, now)
        if iso:
            revisions.append(iso)
    return revisions


# A machine value among the meta texts ("2024-03-06T01:30:00Z"), whose clock cut from its zone
# is no clock the readers see.
_MACHINE_FORM = re.compile(r"\s*\d{4}-\d\d-\d\d[T ]\d")
# A written clock labelled as a revision's: "Updated 2:00 am", "Last modified", "Edited".
_UPDATE_LABEL = re.compile(r"\b(?:updated|modified|edited|revised|amended|actualizado|aktualisiert|mis\s+à\s+jour)\b",
                           re.I)
# How far from the moment another machine date may be for its offset to be the moment's zone
# to the hour: a modified time days later may be on the other side of a daylight-saving change
# (a London story of 23:30 GMT on the eve of the change, modified in summer time at +01:00,
# would move to the next day), so its offset is taken only where an hour either way keeps
# the day.
_MACHINE_ZONE_REACH = timedelta(hours=24)


_SAME_INSTANT = timedelta(minutes=1)


def _instant(value, now: datetime) -> datetime | None:
    """A machine date with a clock and a zone as an aware datetime, else None."""
    if not isinstance(value, str) or not re.search(r"\d(?:[+-]\d\d:?\d\d|Z)$", value.strip()):
        return None
    iso = iso_date(value, now)
    stated = datetime.fromisoformat(iso) if iso and "T" in iso else None
    return stated if stated is not None and stated.tzinfo is not None else None


def _machine_zone(signals: Signals, now: datetime, moment: datetime):
    """The one time zone other than UTC that the page's own machine dates state (published or
    modified, in meta, JSON-LD or a <time>: "og:updated_time" at "-05:00" beside a JSON-LD published
    time in UTC), or None when they state none or disagree. A page that writes no clock for
    readers still tells its zone this way, and a UTC time given in it names the readers' day."""
    values = [v for key in META_PUBLISHED + META_UPDATED for v in signals.meta.get(key, [])]
    values += [i.get(key) for i in signals.own_json_ld for key in ("datePublished", "dateModified")]
    # And the page's own <time datetime> values (not a teaser's, a comment's...): a WordPress
    # theme writes the post's date in the site's zone ("2024-03-05T21:00:00-05:00") where an
    # SEO plugin's JSON-LD gives the same moment in UTC. Only a <time> of a moment those tags
    # state: one in the story for another moment (a sailing at "19:00-08:00", a weather box's
    # clock) is in the zone of where that happens, not the site's.
    stated = {m for m in map(partial(_instant, now=now), values) if m is not None}
    values += [t for t in (*signals.time_elements, *signals.revision_times)
               if (m := _instant(t, now)) is not None and any(abs(m - s) <= _SAME_INSTANT for s in stated)]
    offsets = set()
    for value in values:
        if not isinstance(value, str) or not re.search(r"\d[+-]\d\d:?\d\d$", value.strip()):
            continue
        iso = iso_date(value, now)
        stated = datetime.fromisoformat(iso) if iso and "T" in iso else None
        offset = stated.utcoffset() if stated is not None else None
        if offset and (abs(stated - moment) <= _MACHINE_ZONE_REACH
                       or len({(moment + offset + timedelta(hours=h)).date() for h in (-1, 0, 1)}) == 1):
            # (From farther off, only when an hour's shift either way leaves the day as it is.)
            offsets.add(offset)
    return timezone(offsets.pop()) if len(offsets) == 1 else None


# A dateline with a whole date: the place in capitals (a state or country after it as written),
# the date, then a dash or the wire's name between slashes: "PORTLAND, Maine, March 4, 2024 --",
# "NEW YORK, March 4, 2024 /Wire Service/ --".
_DATELINE = re.compile(r"^\s*[A-Z]{3,}(?:[\s.'’-]+[A-Z]{2,})*\.?(?:,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?,\s+"
                       r"([^/–—]{6,40}?)\s*(?:/|--|[–—-]\s)")
_DATELINE_PARAGRAPHS = 3  # the first paragraphs after the headline that may open with one


def _dateline_dates(signals: Signals) -> list[str]:
    """The whole date of the dateline the story's first paragraphs open with."""
    if signals.tree is None:
        return []
    headline = _headline_element(signals.tree)
    after = headline is None
    seen = 0
    for element in signals.tree.iter("p", "h1"):
        if not after:
            after = element is headline
            continue
        text = _text(element)
        if element.tag != "p" or not text or len(text) < 40:
            continue
        match = _DATELINE.match(text)
        day = text_date(match.group(1), signals.day_first) if match else None
        if day and len(day) >= len(match.group(1).strip()) - 2 and not _IN_QUOTE(element):
            return [day]
        seen += 1
        if seen == _DATELINE_PARAGRAPHS:
            break
    return []


def _permalink_dates(signals: Signals) -> list[str]:
    """Whole dates on a link to the page itself, in its text or its tooltip: blogs and social
    posts print the post's time as its permalink ("<a href=/post/1 title='8:27 AM - 21 Jun
    2024'>Jun 21</a>"); links to other pages carry other posts' dates. Not a link to a place
    in the page ("/post/1#comment-57", its time the comment's), nor one in the readers'
    comments: a comment's permalink is the post's address and the comment's anchor."""
    if signals.tree is None or not signals.url:
        return []
    own = urlsplit(signals.url)
    path = own.path.rstrip("/").casefold()
    if len(path) < 2:
        return []  # the front page links to itself from every logo
    dates = []
    for link in signals.tree.iter("a"):
        target = urlsplit((link.get("href") or "").strip())
        if (target.path.rstrip("/").casefold() != path or target.netloc not in ("", own.netloc)
                or target.fragment or _IN_COMMENTS(link)):
            continue
        for text in (_text(link), link.get("title")):
            day = text_date(text or "", signals.day_first)
            if day:
                dates.append(day)
        if len(dates) >= 3:
            break
    return dates


_PROSE_LENGTH = 200  # characters of a paragraph's text at least, to be prose and no byline
# What a dateline writes before its date: nothing, or its place in capitals and a comma, a
# state or country after it as written ("HARBOR CITY,", "PORTLAND, Maine,").
_DATELINE_PLACE = re.compile(r"(?:[A-Z]{2,}[A-Z .'’-]*,(?:\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?,)?)?")


def _in_prose(element) -> bool:
    """The element is a date the story's text mentions ("The vote on <time>January 1</time>
    was close"): inside a long paragraph, not a byline's or a date line's, and past its opening
    words (a dateline, "HARBOR CITY, <time>March 5</time> -- The council ...", dates the story)."""
    paragraph = next(element.iterancestors("p"), None)
    if paragraph is None:
        return False
    text = " ".join(paragraph.text_content().split())
    if len(text) < _PROSE_LENGTH:
        return False
    own = " ".join(element.text_content().split())
    start = text.find(own) if own else -1
    return start < 0 or not _DATELINE_PLACE.fullmatch(text[:start].strip())


def _in_link_elsewhere(element, own_path: str | None) -> bool:
    """The element is inside a link to another page that holds more than the date: a card for
    another story (its headline and its date), whose date it is. A link that is the date alone
    is the page's permalink or its day's archive, and dates the page; so does any link to the
    page itself."""
    for link in element.iterancestors("a"):
        target = _split_href(link)
        if (target is not None and target.path and target.path.rstrip("/") != own_path
                and len(_text(link) or "") > len(_text(element) or "") + 3):
            return True
    return False


# Leaf elements whose whole text is short enough to be a date alone.
# (Up to 40 characters: a date may be written with its weekday and clock, "Tuesday 5 March
# 2024 09.00 GMT".)
_SHORT_LEAF_XPATH = ("//body//*[not(*)][string-length(normalize-space(text())) >= 8 and "
                     "string-length(normalize-space(text())) <= 40]")
# What a date set alone in an element may have around it: its weekday before, its clock and
# time zone after ("Tuesday 5 March 2024 09.00 GMT", "Tue, 5 Mar 2024, 9:00 am").
# (The clock and its zone may come first: "6:10 AM PST 3/5/2024", "11:40 pm EST, Tuesday, ...".)
# (The weekday and the word before the clock may be in the other languages whose months we
# read: "segunda-feira, 22 de março de 2024 às 0:13", "mardi 5 mars 2024 à 10h00", "Dienstag,
# 5. März 2024 um 10:00 Uhr".)
_FOREIGN_WEEKDAY = (r"(?:segunda|ter[çc]a|quarta|quinta|sexta)(?:-feira)?|s[áa]bado|domingo|lunes|martes|"
                    r"mi[ée]rcoles|jueves|viernes|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|montag|"
                    r"dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag|luned[iì]|marted[iì]|"
                    r"mercoled[iì]|gioved[iì]|venerd[iì]|sabato|domenica|maandag|dinsdag|woensdag|donderdag|"
                    r"vrijdag|zaterdag|zondag")
_AT_CLOCK = r"(?:(?:at|[àa]s?|a\s+las?|alle|um|om|kl\.?)\s+)?"
# (Japanese and Chinese write the clock "14時20分" and the weekday in brackets after the date,
# "2024年3月5日（火） 10時05分"; a zone or a country may follow the clock after a comma, "16:05, UK".)
_WORLD_CLOCK = rf"(?:{_CLOCK.pattern}|\d{{1,2}}\s?h\s?\d\d|\d{{1,2}}\s?[時时]\s?\d{{1,2}}\s?分)(?:\s*uhr\b)?"
_CJK_WEEKDAY = r"(?:[（(](?:[月火水木金土日]|星期[一二三四五六日天]|周[一二三四五六日天])(?:曜日?)?[)）])"
_AROUND_LONE_DATE = re.compile(rf"^(?:{_CLOCK.pattern}(?:\s*(?:[A-Z]{{2,5}}|[+-]\d\d:?\d\d))?[\s,]+)?"
                               rf"(?:{_WEEKDAY.pattern}|\b(?:{_FOREIGN_WEEKDAY})\b)?[\s,]*(?P<date>.+?)[\s,]*"
                               rf"{_CJK_WEEKDAY}?\s*(?:{_AT_CLOCK}{_WORLD_CLOCK}"
                               # (the zone may be set in brackets: "9:00AM (UTC)")
                               r"(?:,?\s*(?:[A-Z]{2,5}|[+-]\d\d:?\d\d|\([A-Z]{2,5}\)))?)?"
                               # and the reading time a template sets beside the date in an
                               # empty-marked element of its own ("March 5, 2024 4 min read",
                               # "2024年3月5日 読了時間 4 分")
                               r"(?:[\s·•|]*(?:\d+\s*min(?:ute)?s?\.?\s+read|読了時間\s*(?:約\s*)?\d+\s*分|"
                               r"阅读时间\s*\d+\s*分钟?))?\s*$", re.I)


def _is_whole_date(text: str, day: str) -> bool:
    """The text is the date and nothing else, but for its weekday, its clock and its zone."""
    if len(day) >= len(text) - 2:
        return True
    around = _AROUND_LONE_DATE.match(text)
    return bool(around) and len(day) >= len(around["date"]) - 2


# The marks that part the fields of a line under the headline ("Ann Lee | March 5, 2024 · News").
_FIELD_MARK = re.compile(r"\s+[|·•—–/-]\s+|\s*[|·•]\s*")
_FIELD_LINE_LENGTH = 120  # characters of such a line at most
_FIELD_LINE_ELEMENTS = 40  # elements after the headline that are looked at, at most


_ABOVE_HEADLINE = 2  # the headline's elder siblings that may be its date line
# A lead picture set above the headline: its caption's "Ann Lee / March 1, 2023" is the
# photographer's credit and the day of the picture, not a date line. (A small icon beside the
# date, an <img> alone, is no figure.)
_HOLDS_FIGURE = etree.XPath("boolean(descendant-or-self::figure or descendant-or-self::figcaption "
                            "or descendant-or-self::picture)")


def _line_above_headline(signals: Signals) -> list[str]:
    """The date of a short line set just before the headline, beside it in its box (one of
    its two elder siblings): the date alone, with its weekday and clock, or as one field of
    several between marks; not the revision's alone ("Updated March 9, 2024")."""
    headline = _headline_element(signals.tree) if signals.tree is not None else None
    if headline is None:
        return []
    for sibling in islice(headline.itersiblings(preceding=True), _ABOVE_HEADLINE):
        text = _text(sibling)
        if not text or len(text) > _FIELD_LINE_LENGTH or sibling.tag in _SKIP_TAGS or _HOLDS_FIGURE(sibling):
            continue
        day = published_text_date(text, signals.day_first)
        if day and (_is_whole_date(text, day) or any(
                _is_whole_date(part, day) for part in _FIELD_MARK.split(text) if day in part)):
            return [day]
    return []


_NO_FUTURE = datetime(9999, 1, 1, tzinfo=timezone.utc)


def _one_day(first: str, second: str) -> bool:
    """Two dates as written name one day ("22 Dec 2024" and "22 Dec, 2024")."""
    return first == second or (iso_date(first, _NO_FUTURE) or first)[:10] == (iso_date(second, _NO_FUTURE) or second)[:10]


_KICKER_BLOCKS = {"div", "p", "h2", "h3", "h4", "h5", "h6", "header", "ul", "ol"}  # (a kicker in a list of the share buttons too)


def _lines_and_heading_tails(tree: HtmlElement, headline):
    """(element, text, bare) of _lines_under_headline (bare False), and after the headline and
    each heading among those lines the bare text that follows it up to the next block, as a
    line of its own read at the heading's parent (bare True): older templates write the date
    line so, with no element of its own, between the headline and the story ("<h2>Title</h2>
    5. März 2024, 18:30 | Ann Lee <p>..."). (Unread, the line was skipped, and a comment's date
    below, "<h3>Comment by Bo</h3> 7. März 2024", was taken for the story's.)
    A heading's only before the story's first paragraph: after it, a heading's line is the
    story's own, a timeline's step ("<h3>First warning</h3> June 12, 2022 | inspection report")
    or a comment's."""
    if headline is not None and headline.getparent() is not None:
        tail = _bare_line_after(headline)
        if tail:
            yield headline.getparent(), tail, True
    after_headline = set(headline.xpath("following::p")) if headline is not None else None
    for element, text in _lines_under_headline(tree, headline):
        yield element, text, False
        if (element.tag in _HEADING_TAGS and element.getparent() is not None
                and not _after_a_paragraph(element, after_headline)):
            tail = _bare_line_after(element)
            if tail:
                yield element.getparent(), tail, True


def _after_a_paragraph(element, after_headline: set | None) -> bool:
    """Whether a paragraph with words comes before `element` (after the headline, when the
    set of the paragraphs following it is given)."""
    return any(_text(paragraph) and (after_headline is None or paragraph in after_headline)
               for paragraph in element.xpath("preceding::p"))


def _bare_line_after(element) -> str | None:
    """The text after `element` in its parent up to the next block (inline elements' words
    included, scripts' not), when it is a short line and a date is written in its bare text
    itself (one in an inline element is that element's, read as its own line, where a class
    may mark it as the revision's)."""
    parts, bare = [element.tail or ""], [element.tail or ""]
    for sibling in element.itersiblings():
        if not isinstance(sibling.tag, str) or sibling.tag in ("script", "style", "noscript"):
            parts.append(sibling.tail or "")
            bare.append(sibling.tail or "")
            continue
        if sibling.tag in _BLOCK_TAGS or sibling.tag in _KICKER_BLOCKS:
            break
        parts += [sibling.text_content(), sibling.tail or ""]
        bare.append(sibling.tail or "")
    text = " ".join(" ".join(parts).split())
    if not text or len(text) > _FIELD_LINE_LENGTH or text_date(" ".join(bare)) is None:
        return None
    return text


def _field_line_date(signals: Signals) -> list[str]:
    """The date of the first short line after the headline that sets it as one field of
    several, between marks ("Ann Lee | March 5, 2024", "News | March 5, 2024 | 4 min read"),
    or alone, with its weekday and clock in any of the languages whose months we read
    ("mardi 5 mars 2024 à 10h00"): templates write the date so with no class to name it. Only before the story's text (its
    second paragraph longer than such a line: the first may be the standfirst): a line after
    it is the text's own, a caption's or another story's.
    Not in a caption, a teaser, the comments, a quotation, a box of other stories or a fact
    box's labelled row (_TABLE_FIELD); a line that dates only a revision ("Updated | March 9, 2024", or the date in an element marked
    as the revision's) dates nothing."""
    if signals.tree is None:
        return []
    headline = _headline_element(signals.tree)
    dated_lines = []  # the lines above that showed a date not taken
    lone = None  # the day of the first date set alone on its line
    for element, text, bare in _lines_and_heading_tails(signals.tree, headline):
        shown = text
        # (A line above this one, not one that holds it: "<p>by Ann Lee <span>14 Dec 2024</span>
        # <a>318</a></p>" shows its date once, in the span read after it.)
        ancestors = set(element.iterancestors()) if dated_lines else ()
        dated_before = any(line not in ancestors for line in dated_lines)
        # (Not the text of an inner element marked as the revision's date; a bare line is not
        # its element's whole text.)
        text = text if bare else " ".join("".join(_texts_but_revisions(element)).split())
        day = published_text_date(text, signals.day_first)
        if not bare and len(element) and not (day and (_FIELD_MARK.search(text) or _is_whole_date(text, day))):
            # The line's own words, less its inner elements', may be the date alone after a
            # kicker in an element of its own ("<h5><div>ONLY HERE</div>11/26/2024 9:15 AM</h5>").
            own = " ".join(" ".join([element.text or "", *(child.tail or "" for child in element)]).split())
            own_day = published_text_date(own, signals.day_first) if own else None
            # (Not when an inner element holds a date or its label: "<span>Updated:</span> March
            # 9, 2024" is the revision's.)
            # (And only when those are blocks, set on their own line above: words in an inline
            # element run into the date as a label or a link, "<strong>Next meeting:</strong> April
            # 12, 2025", "<a>Ferry fares rise</a> March 1, 2023", which date no page.)
            if own_day and _is_whole_date(own, own_day) and all(child.tag in _KICKER_BLOCKS for child in element) and not any(
                    text_date(inner := _text(child) or "", signals.day_first) or _DATE_LABEL.search(inner)
                    for child in element):
                text, day = own, own_day
        if not day:
            if text_date(shown, signals.day_first) is not None:
                dated_lines.append(element)
            continue
        # A line of fields has the date as one of them; a line with no marks is the date alone
        # ("segunda-feira, 22 de março de 2024 às 0:13"), else it is a sentence that names one.
        if _FIELD_MARK.search(text):
            if not any(_is_whole_date(field, day) for field in _FIELD_MARK.split(text) if day in field):
                continue
        elif (dated_before or not _is_whole_date(text, day) or _in_prose(element) or _is_revision(element)
              or any(_marked_revision(box) for box in islice(element.iterancestors(), 2))):
            # (A date the story's text mentions is no line; one alone after an "Updated" label,
            # or in a box marked so, is the revision's; and one below a line that showed the
            # revision's date is one of two dates, neither of them said to be the publication's.)
            dated_lines.append(element)
            continue
        if (_IN_CAPTION(element) or _TEASER_ITEM(element) or _IN_COMMENTS(element) or _IN_QUOTE(element)
                or _in_other_stories(element, headline) or _in_sidebar(element, headline)
                or _TABLE_FIELD(element)):
            continue
        if PICTURES_CREDIT.match(text):
            continue  # a picture's credit line, "Photo: Tom Ash / Archive / 5 March 1998": the picture's day
        if _FIELD_MARK.search(text):
            return [lone or day]
        # (Two different dates each alone on its line under the headline are a list's - other
        # stories' under their headlines, a live page's entries - and neither is said to be
        # this page's; the same date twice is one.)
        if lone is not None and not _one_day(lone, day):
            return []
        lone = day
    return [lone] if lone else []


# A cell of a table row headed by its own label (<tr><th>Founded</th><td>5 March 1907</td></tr>):
# a fact box's field, the day of what the label names, not the page's. (A layout table is
# unwrapped before the signals are read; a row of cells without a header is left to count.)
# (A table turned into divs for its block content keeps its cells' kinds in data-cell.)
_TABLE_FIELD = etree.XPath(
    'boolean(ancestor-or-self::*[self::td or @data-cell="td"][1][preceding-sibling::*[self::th or @data-cell="th"] '
    'or following-sibling::*[self::th or @data-cell="th"]])')


def _lone_date(signals: Signals) -> list[str]:
    """A whole date set alone in an element ("2019.03.05" under a press release), when the
    page shows exactly one such date: older templates mark it with no name at all. Two or
    more are a list of other stories' or comments' dates, and say nothing of this one."""
    if signals.tree is None:
        return []
    days, revisions = set(), set()
    headline = _headline_element(signals.tree)
    own = urlsplit(signals.url).path.rstrip("/") if signals.url else None
    for element in signals.tree.xpath(_SHORT_LEAF_XPATH):
        if element.tag in ("script", "style", "option") or _in_link_elsewhere(element, own):
            continue
        text = " ".join((element.text or "").split())
        day = text_date(text, signals.day_first)
        # (Not one whose class names another kind of date: an event's, a deadline's.)
        if (day and _is_whole_date(text, day)  # the date is the whole text
                and not _names_other_date(element.get("class") or "")
                and not _IN_CAPTION(element) and not _in_prose(element)
                and not _IN_COMMENTS(element) and not _IN_QUOTE(element)
                and not _in_other_stories(element, headline) and not _in_masthead(element, headline)
                and not _in_sidebar(element, headline) and not _TABLE_FIELD(element)):
            days.add(day)
            if len(days) > 1:
                return []
            # One in a box named the revision's ("<div class="dateModified"><span>...") is the
            # page's own date, so it still counts against another; alone, it dates the revision.
            # So is one set after an "Updated:" label in the box before its own.
            if any(_names_revision(box.get("class") or "", box.get("id") or "")
                   for box in chain([element], islice(element.iterancestors(), 2))) or _is_revision(element):
                revisions.add(day)
    return list(days - revisions)
