"""Extract an Article from plain text or Markdown with our own rules (trafilatura needs HTML).

The text is read as lines (text_rules.read_lines), then in this order: the headline, the header
(the lines from the top down to the second paragraph of prose below the headline, where
standfirsts, bylines, datelines, stamps and captions sit), the tail (the last lines, where agency
sign-offs and author bios sit), and from those the authors, the dates and the outlet. The body is every line that is none of these and
no page furniture. Values are raw strings; normalise.py turns them into people, ISO dates and
canonical outlet names. article.provenance says which signal each value came from.
"""

import re
from datetime import date
from functools import cached_property

from . import text_rules as rules
from .record import Article
from .text_rules import Line

# The header is never longer than this many lines past the headline: a byline further down
# is in the story ("Photographs by ..."), not above it.
HEADER_LIMIT = 25
# How many lines at the end can hold the sign-off byline and the author bios.
TAIL_LINES = 10
CONTACT_BLOCK_LINES = 3  # a contact heading's name, firm and title under it
ANOTHER_MAKER_LINES = 2  # the name and the bio under "About the photographer"
# How many lines from the story's start a writer's own introduction ("my name is A") may be.
INTRODUCTION_LINES = 8


def extract_text(text: str, markdown: bool = False) -> Article:
    """The article of a text; what its front matter says (rules.front_matter) wins over what the
    rules read from its lines, as a writer's own fields would."""
    given, text = rules.front_matter(text)
    text = rules.without_html(text)
    if given.get("title"):
        page_title = given["title"]
        given["title"] = _headline_of_page_title(page_title, given, text)
        site = rules.site_of_title(rules.unescaped(page_title), given["title"])
        if site and not given.get("outlet"):
            given["outlet"] = site
        # Set as the heading it is, so the rules take the story's first line for no headline.
        text = f"# {given['title']}\n\n{text}"
    article = _extract_lines(text, markdown, titled=bool(given.get("title")))
    for field_name, value in given.items():
        setattr(article, field_name, value)
        article.provenance[field_name] = "front-matter"
    return article


def _headline_of_page_title(title: str, given: dict, text: str) -> str:
    """The headline of a front matter's title that is the page's title, the site's name after
    it ("Dockers vote | The Harbor Ledger"): a web clipper's note (it gives the page's address)
    or Pandoc's standalone Markdown (the story's own heading below shows the headline alone)
    takes the browser's title. A site's own front matter titles its post, and keeps it."""
    title = rules.unescaped(title)  # Pandoc writes the title as Markdown: "Dockers vote \\| Site"
    headline = rules.title_without_site(title)
    if headline == title or not headline:
        return title
    if given.get("url") or re.search(rf"^#{{1,6}}[ \t]+{re.escape(headline)}[ \t]*(?:\{{[^{{}}\n]*\}})?[ \t]*$", text, re.M):
        return headline
    return title


def _extract_lines(text: str, markdown: bool = False, titled: bool = False) -> Article:
    """titled: the first line is the headline, set there from the text's front matter."""
    # Markdown syntax is taken apart in plain text too: copies of web pages carry "#" headings
    # and "[links](...)" whatever their file name says.
    lines = rules.read_lines(text)
    article = Article()
    if not lines:
        return article
    whole = whole_page(lines)
    # A front matter's title is the headline whatever it looks like: the rules, finding no
    # headline in one such as "1984" (figures alone), took a line of the story below it for one,
    # and that paragraph was lost from the body (the front matter's title shown all the same).
    title_at = 0 if titled else find_title(lines, whole)
    body_at = find_body_start(lines, title_at)
    header = range(0, find_header_end(lines, title_at, body_at))
    tail = find_tail(lines, body_at)
    used: set[int] = set()  # lines that are metadata, not story

    site = None  # the site's name the page's title gives beside the headline
    if title_at is not None:
        page_title = rules.unlabelled_title(lines[title_at].text)
        # A headline parted over two lines ("Welcome to" / "The Harbor Ferry Guide"): both,
        # whichever of the two was found (the first reads as a kicker over the second).
        if title_at + 1 < len(lines) and rules.headline_goes_on(lines[title_at], lines[title_at + 1]):
            page_title = f"{page_title} {lines[title_at + 1].text}"
            used.add(title_at + 1)
        elif title_at > 0 and not lines[title_at].heading and rules.headline_goes_on(lines[title_at - 1], lines[title_at]):
            page_title = f"{rules.unlabelled_title(lines[title_at - 1].text)} {page_title}"
            used.add(title_at - 1)
        elsewhere = _names_elsewhere(lines, title_at)
        article.title = rules.title_without_site(page_title, elsewhere)
        site = rules.site_of_title(page_title, article.title, elsewhere)
        article.provenance["title"] = "heading" if lines[title_at].heading else "text"
        used |= {i for i in range(len(lines)) if lines[i].key in (rules.fold(article.title), lines[title_at].key)}
    # A notes export's metadata section: its fields (a summary here, the page's address below),
    # never story lines nor the standfirst.
    # (Above the story's start; anywhere near the top where no paragraph starts a story.)
    no_story = body_at >= len(lines) or not rules.is_paragraph(lines[body_at])
    section = rules.metadata_section(lines, len(lines) if no_story else body_at)
    used |= set(section)
    description_at = find_description(lines, title_at, body_at)
    if description_at is None or description_at in section:
        description_at = next((i for i in section if rules.summary_field(lines[i])), None)
    if description_at is not None and description_at in section:
        article.description = rules.summary_field(lines[description_at])
        article.provenance["description"] = "text"
    elif description_at is not None:
        article.description = lines[description_at].text
        article.provenance["description"] = "text"
        used |= {i for i in range(len(lines)) if lines[i].key == rules.fold(article.description)}

    authors, organisation, author_lines, source, author_rules = find_authors(
        lines, header, tail, title_at, description_at, body_at, whole)
    if authors:
        article.authors = authors
        article.provenance["authors"] = source
        # Which rule named each writer, for debugging the rules (`news-archive parse --json`).
        article.provenance["author_rules"] = "; ".join(f"{name} ({author_rules[name]})" for name in authors)
    used |= author_lines
    if article.description is None and title_at is not None:
        # "The deal gives the dockers a rise. By Ann Lee": a standfirst run into the byline
        # (their elements lost the break between them) is the description still.
        for i in sorted(author_lines):
            standfirst = rules.standfirst_before_byline(lines[i]) if title_at < i <= body_at else None
            if standfirst:
                article.description = standfirst
                article.provenance["description"] = "text"
                break

    # The page's address, where a reader service or a clipper set it above the story (or
    # among the header's lines, where no paragraph starts a story: a note of highlights).
    for i in [*(header if no_story else range(body_at)), *section]:
        address = rules.page_address(lines[i])
        if address:
            article.url = address
            article.provenance["url"] = "text"
            used.add(i)
            break

    published, updated, source = find_dates(lines, header, body_at, used, title_at, page_copied=article.url is not None)
    if published:
        article.published = published
        article.provenance["published"] = source
    if updated:
        article.updated = updated
        article.provenance["updated"] = "stamp"

    outlet, source = find_outlet(lines, body_at, tail, organisation)
    if not outlet:
        outlet, source = rules.outlet_field(lines, rules.opening_fields(lines)), "text"
    if not outlet:
        outlet, source = site, "title"
    if outlet:
        article.outlet = outlet
        article.provenance["outlet"] = source

    article.body = "\n\n".join(body_lines(lines, title_at, body_at, used, article.authors))
    return article


# --- a whole page or the article alone ------------------------------------------------------


# A line of a page's footer: its legal notices and the links every page of a site ends with
# ("© 2026 The Harbor Ledger", "Privacy Policy"), short (a story may be about privacy).
FOOTER_NOTICE_WORDS = 12
_FOOTER_NOTICE = re.compile(r"©|\bcopyright\b|\ball rights reserved\b|\bprivacy\b|\bcookies?\b|"
                            r"\bterms (?:of (?:use|service)|and conditions|& conditions)\b", re.I)


def whole_page(lines: list[Line]) -> bool:
    """The text holds a whole page, not only the article: the site's menu (MENU_RUN menu items
    in a row, see _menu_run) above the story's start, and either a footer below it (a short
    legal notice, or another menu below the last paragraph) or a menu of twice MENU_RUN items
    on top. Decided once a text: the rules written for a whole page's menus, logos and footers
    (see find_title, find_authors) fire on nothing else. An article's own text has short lines
    in a row too (a byline block's name, role and stamps, a stock's ticker, a list of tags),
    but rarely both a menu above its story and a footer below it."""
    # (A story whose paragraphs each stand between photos or links has no two together: its
    # first paragraph starts it.)
    story = _story_start(lines)
    if story is None:
        story = next((i for i, line in enumerate(lines) if rules.is_paragraph(line)), None)
    if story is None:
        return False
    top = _menu_run(lines, 0, story)
    if top < MENU_RUN:
        return False
    if top >= 2 * MENU_RUN:
        return True
    if any(line.words <= FOOTER_NOTICE_WORDS and _FOOTER_NOTICE.search(line.text) and not rules.is_caption(line)
           for line in lines[story + 1:]):
        return True
    last = next(i for i in range(len(lines) - 1, story - 1, -1) if rules.is_paragraph(lines[i]))
    return _menu_run(lines, last + 1, len(lines)) >= MENU_RUN


def _menu_run(lines: list[Line], start: int, end: int) -> int:
    """The most menu items in a row among lines start to end (buttons, stamps and captions
    between them not counted; a byline's or a name's line ends a run: "Ann Lee" / "Ports" /
    "3.3.2026" is a byline block, not a menu)."""
    short = longest = 0
    for line in lines[start:end]:
        if rules.is_furniture(line) or rules.is_stamp(line) or rules.is_caption(line):
            continue
        if line.words > 3:
            short = 0
        # (The name and byline tests only on a short line that could be a menu's item.)
        elif _menu_item(line):
            if _byline_or_dateline(line) or rules.is_name_line(line):
                short = 0
            else:
                short += 1
                longest = max(longest, short)
    return longest


# --- where things are ----------------------------------------------------------------------


def _footer_item(lines: list[Line], i: int) -> bool:
    """Line i is an item of a list with items on both sides of it: a footer's links ("Terms",
    "Site hosted by Harbor Systems", "RSS"), not the story's sign-off."""
    return (lines[i].item and 0 < i < len(lines) - 1
            and lines[i - 1].item and lines[i + 1].item)


def _names_elsewhere(lines: list[Line], title_at: int) -> frozenset[str]:
    """What the text names apart from its title line: the other lines, and the owners of its
    copyright lines (a site's name after a title's dash is one of these)."""
    owners = {rules.copyright_outlet(line) for line in lines if "©" in line.text or "opyright" in line.text}
    return frozenset({line.key for i, line in enumerate(lines) if i != title_at}
                     | {rules.fold(owner) for owner in owners if owner})


def _mostly_figures(line: Line) -> bool:
    """More words without a letter than with one: a row of version numbers, scores or prices
    ("Versions: 00 01 02 03"), not a headline."""
    words = line.text.split()
    return sum(not re.search(r"[^\W\d_]", word) for word in words) * 2 > len(words)


def _in_columns(line: Line) -> bool:
    """Words set apart by a wide run of spaces: a row of a table or of a two-column header
    laid out with spaces ("INTERNET DRAFT        Ann Lee"), not a headline."""
    return bool(re.search(r"\S {4,}\S", line.raw.strip()))


def _centred(lines: list[Line], i: int) -> bool:
    """A line set in the middle of the lines around it, as typed text centres its title: its
    left margin (past theirs) is wide and about equal to its right margin (short of theirs)."""
    def indent(line: Line) -> int:
        return len(line.raw.expandtabs()) - len(line.raw.expandtabs().lstrip())

    around = [lines[j] for j in range(max(0, i - 3), min(len(lines), i + 4)) if j != i]
    if not around or lines[i].wrapped:
        return False
    left = indent(lines[i]) - min(indent(line) for line in around)
    right = max(len(line.raw.expandtabs().rstrip()) for line in around) \
        - len(lines[i].raw.expandtabs().rstrip())
    return left >= 8 and abs(left - right) <= 4


def _writer_in_capitals_over_story(lines: list[Line]) -> bool:
    """The second line a writer's name in capitals (two or three words), the story's first
    paragraph right under it: wire copy's "HARBOUR BOARD CUTS FERRY" / "ANN LEE" / "KESTREL
    BAY — ...", whose headline is the first line."""
    # (its date on a line of its own between them: "ANN LEE" / "March 5, 2024")
    below = 3 if len(lines) > 3 and lines[2].words <= 20 and _dateline(lines[2]) else 2
    return (len(lines) > below and 2 <= lines[1].words <= 3 and _capitals(lines[1]) and rules.is_name_line(lines[1])
            and rules.is_paragraph(lines[below]))


def _longer_than_a_headline(line: Line) -> bool:
    return line.words > 40 or len(line.text) > 300


def _headline_like(line: Line, any_length: bool = False) -> bool:
    if not any_length and _longer_than_a_headline(line):
        return False
    return (2 <= line.words and not _mostly_figures(line) and not _in_columns(line) and not line.item and not rules.is_furniture(line)
            and not rules.is_caption(line) and not rules.is_stamp(line)
            and not rules.is_list_heading(line) and not rules.is_pitch(line)
            and not rules.byline_by(line) and not rules.is_name_line(line) and not rules.byline_label(line)
            and not rules.is_credit_line(line)
            and not (line.words <= 8 and rules.full_dates(line.text)) and not rules.day_without_year(line)
            and not _dateline(line)
            and not rules.is_label(site_less := _without_site(line)) and not _lower_case_start(line)
            and not rules.name_with_marker(line) and not rules.shows_web_address(site_less) and not _keyword_list(line))


# Words parted by commas with no space after them ("Harbour walks,Ferry times,Tide tables"):
# a page's keywords, as its data lists them; a headline's commas have a space after them.
_KEYWORDS = re.compile(r"[^\W\d_],[^\W\d_\s]")
# The fewest items of a page's categories in a row ("Family & Life, Tips, Travel, Ports").
CATEGORY_ITEMS = 4


def _keyword_list(line: Line) -> bool:
    return len(_KEYWORDS.findall(line.text)) >= 2


def _category_row(line: Line) -> bool:
    """A page's categories in a row: four items or more parted by commas, each a few
    capitalised words, and no "and" before the last as a headline's list has ("Ports, Ferries,
    Family & Life, Travel"). (Alone it may be a headline, "Sun, Sea, Sand, Strikes"; over one,
    it is the row of the story's categories.)"""
    items = line.text.strip().split(", ")
    return len(items) >= CATEGORY_ITEMS and all(
        1 <= len(words := item.split()) <= 3 and all(w[:1].isupper() or w == "&" for w in words) for item in items)


def _without_site(line: Line) -> Line:
    """The line without a site's name after its dash or bar ("Headline - example.com" is a
    headline, where a site's address alone is a label)."""
    text = rules.title_without_site(line.text)
    return line if text == line.text else Line(raw=text, text=text, heading=line.heading, item=line.item)


def _lower_case_start(line: Line) -> bool:
    """Three words or more in small letters only ("back to home news") are a menu's or a
    link's text: a headline has a capital somewhere, if only in a name."""
    return line.words >= 3 and bool(re.match(r"[a-z]", line.text)) and not re.search(r"[A-Z]", line.text)


def _headline_over_byline_before(lines: list[Line], first: int) -> int | None:
    """A minor heading with a byline or a date right below it, above the story's first
    paragraph, when the first level-1 heading only comes after that paragraph: a page that
    sets its headline as a minor heading and a quote or a section of the story as a major one."""
    start = next((i for i, line in enumerate(lines[:first]) if rules.is_paragraph(line)), None)
    if start is None:
        return None
    for i in range(start):
        line = lines[i]
        if 2 <= line.heading <= 3 and line.words >= 4 and _headline_like(line):
            below = lines[i + 1: min(start, i + 1 + BYLINE_GAP)]
            if any(_byline_or_dateline(x) for x in below):
                return i
    return None


def _headline_under_section_name(lines: list[Line], first: int) -> int | None:
    """A minor heading with a "By" byline right below it, when the level-1 heading above it has
    none and only buttons (lines of three words or fewer) stand between them: a page that sets
    its section's name as the level-1 heading ("# Health Centre", "Font size", "A A A", "##
    Headline", "By Ann Lee"). A standfirst set as a minor heading comes right under the headline."""
    if any(_byline_or_dateline(x) for x in lines[first + 1: first + 1 + BYLINE_GAP]):
        return None
    for i in range(first + 1, min(len(lines), first + 1 + HEADER_LIMIT)):
        line = lines[i]
        if 2 <= line.heading <= 3 and _headline_like(line) and i > first + 1 and not line.text.endswith("."):
            below = lines[i + 1: i + 1 + BYLINE_GAP]
            return i if any(_explicit_byline(x) for x in below) else None
        if line.words > 3 or line.heading:
            return None
    return None


def _masthead(lines: list[Line], first: int, second: int) -> bool:
    """A short level-1 heading with only a menu between it and the next level-1 heading is the
    site's name, even when the copy lost the link to the home page that marks a logo."""
    between = lines[first + 1: second]
    # (With nothing between, or only the day's date, a short heading over a longer one is the
    # site's name or the section's over the headline.)
    return lines[first].words <= 3 and (bool(between) or lines[second].words >= 4) and all(
        line.item or rules.is_furniture(line) or line.words <= 3 or _dateline(line) for line in between)


def find_title(lines: list[Line], whole: bool | None = None) -> int | None:
    """The first level-1 heading; else the first heading near the top. Without heading marks:
    the line over the byline (_title_above_byline), else a line the page shows twice before
    the story (_title_shown_twice), else the first line that reads as a headline (not a menu
    item, a byline, a date, a caption, a breadcrumb or a kicker over the headline). On a whole
    page (whole_page; worked out here when not given), its logos and menus are passed over too."""
    if whole is None:
        whole = whole_page(lines)
    labelled = rules.title_field(lines, rules.opening_fields(lines))
    if labelled is not None:
        return labelled
    level_one = [i for i, line in enumerate(lines) if line.heading == 1
                 and (_headline_like(line) or line.words == 1 and not rules.is_furniture(line))]
    # The site's logo is often a level-1 heading too: the next one is the headline.
    if len(level_one) > 1 and (rules.is_logo(lines[level_one[0]])
                               or _masthead(lines, level_one[0], level_one[1])):
        level_one = level_one[1:]
    # A whole page may give its logo as a level-1 heading at each of its layouts ("# Harbor
    # Ledger" three times), and a logo (a heading that links to the home page) may be its only
    # level-1 heading, the headline being a minor one: neither is the headline.
    # (A lone logo stays the title when no minor heading can be the headline.)
    logos, level_one = level_one, _without_logos(lines, level_one, whole)
    if level_one:
        minor = _headline_over_byline_before(lines, level_one[0])
        if minor is None and whole:
            minor = _headline_under_section_name(lines, level_one[0])
        return minor if minor is not None else level_one[0]
    # The text's one level-1 heading, opening it, longer than a headline runs (over 40 words or
    # 300 characters: a headline with its standfirst run on, a report's full title): the title,
    # as a page's <h1> of that length is. Passed over, it was taken for furniture above the
    # story, and its words were neither title nor body.
    if [i for i, line in enumerate(lines) if line.heading == 1] == [0] and _longer_than_a_headline(lines[0]) \
            and _headline_like(lines[0], any_length=True):
        return 0
    for i, line in enumerate(lines[:HEADER_LIMIT]):
        if rules.is_paragraph(line):
            break  # a heading below the first paragraph is a section of the story
        if 2 <= line.heading <= 3 and _headline_like(line):
            return i
    if logos:
        return logos[0]
    # The one level-1 heading, opening with "By" and naming no one ("# By Land and Sea"), with
    # no headline above it and no other heading that can be the headline: a headline. (One
    # that names someone, "# By Ann Lee", stays a byline: "By Royal Appointment" is lost.)
    level_one = [i for i, line in enumerate(lines[:HEADER_LIMIT]) if line.heading == 1]
    if len(level_one) == 1 and re.match(r"(?i:by)\s", (only := lines[level_one[0]]).text) \
            and 2 <= only.words <= 12 and rules.is_credit_line(only) and not rules.byline_by(only) \
            and not any(_headline_like(line) for line in lines[:level_one[0]]):
        return level_one[0]
    # The one level-1 heading, a number alone ("# 1984", "# 2046": a novel's, a year's name),
    # above the story: a headline, not the page number a number alone is elsewhere (the story's
    # first sentence was taken for the title, and lost from the body).
    if len(level_one) == 1 and re.fullmatch(r"\d{1,4}", lines[level_one[0]].text.strip()) \
            and not any(rules.is_paragraph(line) for line in lines[:level_one[0]]):
        return level_one[0]
    found = _title_above_byline(lines, whole)
    if found is None:
        found = _title_shown_twice(lines, whole)
    if found is None and whole:
        found = _title_over_story(lines)
    if found is not None:
        return found
    # Wire copy's headline in capitals as the text's first line, right over the story's first
    # paragraph or its byline ("HARBOUR BOARD CUTS FERRY" / "KESTREL BAY — The harbour board
    # ..."): four capitalised words read as a name, so the paragraph under it was taken for the
    # title and cut from the body. (Two or three words in capitals there stay a writer's name.)
    if lines and _capitals(lines[0]) and 4 <= lines[0].words <= 14 and rules.is_name_line(lines[0]) \
            and not lines[0].heading and len(lines) > 1 \
            and (rules.is_paragraph(lines[1]) or rules.byline_by(lines[1]) or _writer_in_capitals_over_story(lines)):
        return 0
    # A text that opens with its story (a converter's output with no headline) has none: a line
    # below two paragraphs of the story is a subheading or a credit, not the headline.
    before_story = _before_story(lines)
    for i, line in enumerate(lines[:before_story]):
        # A one-word headline only as the very first line ("Headline\n\nStory ...") or set
        # apart in the middle of the page; a first word with a longer headline below it before
        # the story is a section's name ("Politics" / "Dockers vote to end the strike").
        one_word = (line.words == 1 and not rules.is_furniture(line) and not rules.is_label(line)
                    and (_centred(lines, i) or i == 0 and not _headline_follows(lines, i)))
        if (_headline_like(line) or one_word) and not line.heading and not rules.is_paragraph(line) \
                and not _breadcrumb_of(lines, i):
            # Two or three words over a longer headline are its kicker ("Dakota Access
            # pipeline" / the headline), and so is a short line in capitals ("CITY HALL
            # BUDGET TALKS" / the headline); a sentence below them is a standfirst.
            if 2 <= line.words <= 3 or _capitals(line) and line.words <= 6:
                below = _next_headline(lines, i)
                # (Not a byline below: "Ferry strike looms" / "Ann Lee | The Harbor Ledger".)
                # (A headline as short as its kicker when a "By" line stands right under it:
                # "Harbour Life" / "The Ferry Clock" / "By Ann Lee". A kicker names a section,
                # each word capitalised: "Dockers hold on" over a short line is the headline.)
                if below is not None and not lines[below].text.endswith(".") and not _byline_or_dateline(lines[below]) \
                        and (lines[below].words >= 4
                             or below + 1 < len(lines) and _explicit_byline(lines[below + 1]) and _section_name(line)):
                    return below
            return i
    for i, line in enumerate(lines[:before_story]):
        if _headline_like(line) and not line.heading:
            return i
    return None


def _without_logos(lines: list[Line], level_one: list[int], whole: bool) -> list[int]:
    """The level-1 headings that are not the site's logo: not a link to the home page, and on
    a whole page not a heading shown again as a level-1 heading while another one follows
    them. (An article's own text may give its headline twice, a section's level-1 heading
    below it: the headline stays.)"""
    shown = {}
    for i in level_one:
        shown[lines[i].key] = shown.get(lines[i].key, 0) + 1
    repeated = {key for key, count in shown.items() if count > 1}
    kept = [i for i in level_one if not rules.is_logo(lines[i])]
    if whole and len(repeated) < len(shown):  # another heading than the repeated ones
        kept = [i for i in kept if lines[i].key not in repeated]
    return kept


def _story_start(lines: list[Line]) -> int | None:
    """The first paragraph of prose with another right below it: the story, not a notice, a
    menu's blurb or a teaser standing alone among a page's menus."""
    for i, line in enumerate(lines):
        if rules.is_paragraph(line):
            # (A photo's caption or a button may stand between the two.)
            after = next((x for x in lines[i + 1: i + 1 + BYLINE_GAP] if not _passed_over(x)), None)
            if after is not None and rules.is_paragraph(after):
                return i
    return None


# How many short lines in a row (menu items, buttons) end the block above the story upwards.
MENU_RUN = 4
# Fewer words than this: a button or a menu item as likely as a headline.
FULL_HEADLINE_WORDS = 6


def _title_over_story(lines: list[Line]) -> int | None:
    """The headline of a whole page copied as text, menus and all, found from the story up: the
    topmost line that reads as a headline in the block right above the story, where the
    standfirst, captions, bylines, dates and buttons sit. The block ends upwards at the site's
    menus (MENU_RUN short lines in a row) or HEADER_LIMIT lines up. Buttons, stamps, captions
    and bylines inside it are passed over; a line of FULL_HEADLINE_WORDS words or more beats a
    shorter one higher up ("Share this story" in a share bar, "World Cup 2026" in a menu)."""
    story = _story_start(lines)
    if story is None:
        return None
    found, short, block = [], 0, True
    # (The block's headline is within HEADER_LIMIT lines of the story; the menu that shows the
    # text is a whole page may be further up, past a share bar's buttons.)
    for j in range(story - 1, max(-1, story - 1 - 3 * HEADER_LIMIT), -1):
        line = lines[j]
        if _passed_over(line):
            continue
        if line.words <= 3:
            short += _menu_item(line)
            # (A run of short lines below any headline is a box in the block: a share bar's
            # buttons, a stock's ticker, a gallery's controls.)
            if short >= MENU_RUN and found:
                full = [j for j in found if lines[j].words >= FULL_HEADLINE_WORDS]
                return min(full or found)
            continue
        short = 0
        if not block or j < story - HEADER_LIMIT:
            continue
        if _prose(line):
            # A sentence above a headline ends the block, unless it is the standfirst right
            # under another: higher up it is a menu's blurb or another story's teaser. (Below
            # any headline it is the lead photo's caption.)
            k = next((k for k in range(j - 1, max(-1, j - 1 - HEADER_LIMIT), -1) if not _passed_over(lines[k])), None)
            block = not found or k is not None and _long_headline_like(lines, k) and not _prose(lines[k])
        elif _long_headline_like(lines, j) and not _breadcrumb_of(lines, j):
            found.append(j)
    # No menu above the block: the text is not a whole page, and the first line that reads as a
    # headline (find_title's last rules) is surer than the last one above the story (which may
    # be a video's or a photo's title).
    return None


def _passed_over(line: Line) -> bool:
    """Lines the block over the story may hold between its headline and the story, and the
    site's menus between their items: buttons, stamps, captions, bylines and names."""
    return (rules.is_furniture(line) or rules.is_stamp(line) or rules.is_caption(line) or _byline_or_dateline(line)
            or rules.is_name_line(line))


def _below_the_menus(lines: list[Line], i: int) -> int:
    """The first line below the nearest menu above line i (MENU_RUN menu items in a row, the
    buttons and stamps between them not counted), 0 when there is none."""
    short, bottom = 0, i
    for j in range(i - 1, -1, -1):
        line = lines[j]
        if rules.is_furniture(line) or rules.is_stamp(line) or rules.is_caption(line):
            continue
        if _byline_or_dateline(line) or rules.is_name_line(line):
            short = 0  # (a byline block's section name, "Ann Lee" / "Ports" / date, is no menu)
            continue
        if line.words <= 3 and _menu_item(line):
            short, bottom = short + 1, (bottom if short else j)
            if short >= MENU_RUN:
                return bottom + 1
        elif line.words > 3:
            short = 0
    return 0


def _menu_item(line: Line) -> bool:
    """A short line that reads as a menu's item: it opens with a capital and does not end like
    a sentence ("Business", "Climate & Environment"; not a player's "transcript" or "-0:00",
    nor a caption's "The harbour at dawn.")."""
    return bool(re.match(r"[^\W\d_]", line.text)) and line.text[0].isupper() and not re.search(r"[.!?]$", line.text)


def _before_story(lines: list[Line]) -> int:
    """The index of the line after the text's second paragraph of prose (the end when there is
    no second one)."""
    paragraphs = 0
    for i, line in enumerate(lines):
        paragraphs += rules.is_paragraph(line)
        if paragraphs >= 2:
            return i + 1
    return len(lines)


# How many lines may sit between a headline (or its standfirst) and the byline below it.
BYLINE_GAP = 4


def _byline_or_dateline(line: Line) -> bool:
    """A line of the byline block under a headline: "By A", "Author: A", "A | Oct 28, 2024",
    "A, Reuters", "A, @handle", a link to an author page, or a short line that is a date."""
    if line.words > 30 or line.heading == 1 or rules.is_caption(line):
        return False
    # (A desk's credit, "Harbor Motor Staff | Oct 28, 2024", names no one but is the byline.)
    return bool(rules.byline_by(line) or rules.byline_label(line) or rules.name_with_date(line)
                or rules.byline_with_organisation(line)[0] or rules.author_links(line)
                or "@" in line.text and rules.is_name_line(line) or rules.name_with_marker(line)
                or line.words <= 20 and _dateline(line) or rules.desk_staff(line))


def _dateline(line: Line) -> bool:
    """A line that is a date or a stamp with one: "Saturday, March 9, 2019 09:00",
    "Updated on March 9, 2019", not a sentence or a link that mentions a date."""
    dates = rules.full_dates(line.text)
    return bool(dates) and (dates[0][0] <= 12 or rules.is_stamp(line))


def _between_headline_and_byline(line: Line) -> bool:
    """What may stand between a headline and its byline without being either: buttons, stamps,
    captions, labels, a section's name, a date."""
    return (line.words <= 3 or rules.is_furniture(line) or rules.is_stamp(line) or rules.is_caption(line)
            or rules.is_label(line) or line.words <= 10 and bool(rules.full_dates(line.text)))


def _prose(line: Line) -> bool:
    """A paragraph that ends like a sentence: the story (or a long standfirst), not a headline
    ("... Didn't Notice!'" is long and ends with a mark, but a headline's mark)."""
    return rules.is_paragraph(line) and bool(re.search(r"[.;:…][\"”’')]*$", line.text))


def _alone(lines: list[Line], i: int) -> bool:
    """A headline is a line of its own: not wrapped from the line above or onto the next."""
    # (In a text that sets every block on a line of its own, with no blank lines between, every
    # line is: see read_lines.)
    return lines[i].own_line or not lines[i].wrapped and not (i + 1 < len(lines) and lines[i + 1].wrapped)


def _long_headline_like(lines: list[Line], i: int) -> bool:
    """Line i could be a headline of four words or more: a line of its own, not a heading (those
    are found by their marks), a list item or a date, and headline-like."""
    line = lines[i]
    return (line.words >= 4 and _alone(lines, i) and not line.heading and not line.item
            and _headline_like(line) and not rules.full_dates(line.text))


def _long_headline_above(lines: list[Line], i: int) -> int | None:
    """The nearest line above line i, past buttons and stamps, that could be a headline of four
    words or more; None when nothing is, -1 when something else (prose, a list) comes first."""
    for j in range(i - 1, max(-1, i - 1 - BYLINE_GAP), -1):
        line = lines[j]
        if _long_headline_like(lines, j) and not _prose(line):
            return j
        if not _between_headline_and_byline(line):
            return -1
    return None


def _first_above(lines: list[Line], i: int) -> int | None:
    """The nearest line above line i past buttons and stamps (within BYLINE_GAP lines)."""
    for j in range(i - 1, max(-1, i - 1 - BYLINE_GAP), -1):
        if not _between_headline_and_byline(lines[j]) or _long_headline_like(lines, j):
            return j
    return None


def _headline_over_standfirst(lines: list[Line], anchor: int) -> int | None:
    """Headline, a standfirst of one sentence, then the byline at anchor: the headline, when
    it is the first line that could be one (nothing headline-like above it)."""
    standfirst = _first_above(lines, anchor)
    if standfirst is None or not _prose(lines[standfirst]) or lines[standfirst].words > 40:
        return None
    headline = _long_headline_above(lines, standfirst)
    if headline is None or headline < 0 or re.search(r"[^.]\.$", lines[headline].text):
        return None
    higher = _long_headline_above(lines, headline)
    # (Or the same line right above it, the page's breadcrumb ending with the headline.)
    return headline if higher is None or higher < 0 and lines[headline - 1].key == lines[headline].key else None


def _title_above_byline(lines: list[Line], whole: bool = False) -> int | None:
    """The headline of a text without heading marks, found from its byline when the first line
    that reads as a headline may be something else (a teaser, the site's name, a standfirst
    too long to read as a headline). The line just above the first byline is the headline when
    no other headline-like line stands right above it; when one does, the lower is the
    standfirst only if it reads as one (see _standfirst_of), and otherwise nothing is decided
    here."""
    # A byline that names someone is a surer anchor than a date: a masthead's or a
    # breadcrumb's date may stand above the headline, a byline stands below it. But a byline
    # below a paragraph of prose is under the teaser of another story.
    named, dated = _title_above(lines, _explicit_byline, whole), _title_above(lines, _byline_or_dateline, whole)
    if named is not None and dated is not None and dated < named \
            and any(rules.is_paragraph(line) for line in lines[dated:named]):
        return dated
    return named if named is not None else dated


# How many lines from the top a headline without marks is looked for in (past the menus).
TOP_LINES = 60


def _top_window(lines: list[Line], whole: bool = False) -> int:
    """The end of the top TOP_LINES lines, not counting list items: a site's menus, written as
    lists, may run to a hundred items above the headline."""
    counted = 0
    for i, line in enumerate(lines):
        # (A whole page's menus may be plain lines, not lists: there only lines longer than a
        # menu item count. In an article's own text the short lines count as before.)
        counted += not line.item and (line.words > 3 or not whole)
        if counted > TOP_LINES:
            return i
    return len(lines)


def _explicit_byline(line: Line) -> bool:
    """"By A", "Author: A", a link to an author page, or "By" alone (the names below it); "By
    Harbor Motor Staff", a desk's credit, too."""
    return line.words <= 30 and not line.heading == 1 and not rules.is_caption(line) and bool(
        rules.byline_by(line) or rules.byline_label(line) or rules.author_links(line) or rules.ends_with_by(line)
        or _BY_DESK_STAFF.match(line.text) and rules.desk_staff(line))


_BY_DESK_STAFF = re.compile(r"\W*(?i:by)\s")


def _title_above(lines: list[Line], is_anchor, whole: bool = False) -> int | None:
    """_title_above_byline with the byline lines that is_anchor accepts."""
    sentences = 0
    for anchor, line in enumerate(lines[:_top_window(lines, whole)]):
        # The story has begun (its "by" lines are quotes and credits) at a line too long for a
        # standfirst, or at the second sentence-like paragraph (the first may be the standfirst).
        sentences += _prose(line)
        if line.words > 40 or sentences > 1:
            return None
        if not is_anchor(line):
            continue
        # ("Ann Lee" / "Published March 3, 2019": a date under the writer's name, the two the
        # byline block; the headline is looked for above the name. So with "Ann Lee, Staff
        # Writer | The Harbor Ledger" above the date.)
        if is_anchor is _byline_or_dateline and anchor > 0 and _dateline(line) \
                and (rules.is_name_line(lines[anchor - 1]) or _byline_or_dateline(lines[anchor - 1])):
            anchor -= 1
        # (Or the outlet's name between the writers and the date, each word capitalised: "Ann
        # Lee and Tom Park" / "Harbour Gazette" / "Published 10:02 AM March 3, 2019".)
        elif is_anchor is _byline_or_dateline and anchor > 1 and _dateline(line) \
                and rules.is_name_line(lines[anchor - 2]) and lines[anchor - 1].words <= 6 \
                and _section_name(lines[anchor - 1]) and not rules.is_name_line(lines[anchor - 1]):
            anchor -= 2
        near = _long_headline_above(lines, anchor)
        if near is None and is_anchor is _explicit_byline and _short_title_shown_twice(lines, anchor - 1):
            return anchor - 1
        if near is not None and near < 0:
            found = _headline_over_standfirst(lines, anchor)
            if found is not None:
                return found
        if near is None or near < 0:
            continue
        above = _long_headline_above(lines, near)
        if above is None:
            return near
        if above < 0:
            # Prose or a list right above: near may be a second standfirst. Anything else (a
            # quote's attribution, a line with a date) is not a headline over near.
            blocking = _first_above(lines, near)
            return near if blocking is not None and not (_prose(lines[blocking]) or lines[blocking].item) else None
        if _category_row(lines[above]):
            return near
        # (A headline does not end with a full stop: a sentence above a sentence is prose.)
        headline = not re.search(r"[^.]\.[\"'”’]?$", lines[above].text)
        if headline and _standfirst_of(lines[near], lines[above]):
            return above
        if not headline and not re.search(r"\.[\"'”’]?$", lines[near].text):
            return near  # a sentence (a quote, a teaser) over a line that reads as a headline
        # A few words over a longer line are a kicker or the site's name over the headline.
        return near if lines[above].words <= 4 < lines[near].words else None
    return None


def _short_title_shown_twice(lines: list[Line], i: int) -> bool:
    """Line i, right over a named byline, is a headline of two or three words ("The Harbour
    Clock") when the page shows it again above: a section's name over a byline would be a
    kicker with a longer headline of its own below it."""
    if i < 0 or not 2 <= lines[i].words <= 3 or not _headline_like(lines[i]) or lines[i].heading or lines[i].item:
        return False
    return any(lines[j].key == lines[i].key for j in range(max(0, i - 3 * HEADER_LIMIT), i - 1))


# How close a headline's second copy is to its first (one above the standfirst, one above the
# lead photo or inside the share bar).
REPEAT_GAP = 10


def _title_shown_twice(lines: list[Line], whole: bool = False) -> int | None:
    """The first line of four words or more that reads as a headline and is shown again a few
    lines below, before the story: pages repeat their headline (above the share bar, over the
    photo, in the breadcrumb), not their menus' long items."""
    for i, line in enumerate(lines[:_top_window(lines, whole)]):
        if line.words > 40 or _prose(line):
            return None
        # (Not a line repeated right below it: a song's chorus, a list's item.)
        if (_long_headline_like(lines, i) and not (i > 0 and lines[i - 1].key == line.key)
                and _shown_again(lines, i)):
            return i
    return None


def _shown_again(lines: list[Line], i: int) -> bool:
    """Line i comes again within REPEAT_GAP lines, with no paragraph of the story between."""
    for j in range(i + 1, min(len(lines), i + 1 + REPEAT_GAP)):
        if lines[j].key == lines[i].key:
            return j > i + 1
        if lines[j].words > 40 or _prose(lines[j]):
            return False
    return False


def _standfirst_of(line: Line, above: Line) -> bool:
    """line is the standfirst below the headline above: a sentence that ends with a full stop,
    or a sentence in sentence case below a headline in title case."""
    # (Four words or fewer in title case over a longer sentence are a kicker or the site's
    # name over the headline, not a headline over its standfirst.)
    return bool(re.search(r"[^.]\.[\"'”’]?$", line.text)) or (
        _title_case(above) and not _title_case(line) and above.words > 4)


def _title_case(line: Line) -> bool:
    """Most words past the first that are longer than three letters are capitalised, as in
    "Dockers Vote to End the Harbour Strike" (sentence case capitalises only names)."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", line.text)[1:] if len(w) > 3]
    return len(words) >= 2 and sum(w[0].isupper() for w in words) >= 0.75 * len(words)


def _section_name(line: Line) -> bool:
    """Every word longer than three letters capitalised, the first too: a section's or a
    kicker's name ("White House", "Harbour Life"), where a headline in sentence case has a
    word in small letters ("Dockers hold on")."""
    words = re.findall(r"[^\W\d_][\w'’-]*", line.text)
    return bool(words) and words[0][0].isupper() and all(w[0].isupper() for w in words if len(w) > 3)


def _capitals(line: Line) -> bool:
    """Every letter a capital: a kicker's or a section's style ("UKRAINE WAR")."""
    letters = [ch for ch in line.text if ch.isalpha()]
    return len(letters) >= 4 and all(ch.isupper() for ch in letters)


def _breadcrumb_of(lines: list[Line], i: int) -> bool:
    """Line i ends with a line shown below it: a breadcrumb that lost its separators ("Home
    News World Dockers vote to end the strike" / "Dockers vote to end the strike")."""
    key = lines[i].key
    for j in range(i + 1, min(len(lines), i + 1 + HEADER_LIMIT)):
        tail = lines[j].key
        # The crumbs before it are a few words; the line below is a headline's length.
        # (The crumbs may be glued to it: "HomeNewsDockers vote to end the strike".)
        if key.endswith(tail) and key != tail and len(tail.split()) >= 3 and len(key[: -len(tail)].split()) <= 4:
            return True
    return False


def _headline_follows(lines: list[Line], i: int) -> bool:
    """A line that reads as a headline comes below line i before the story's first paragraph."""
    for j in range(i + 1, min(len(lines), i + 1 + HEADER_LIMIT)):
        if rules.is_paragraph(lines[j]):
            return False
        if _headline_like(lines[j]) and lines[j].words >= 3:
            return True
    return False


def _next_headline(lines: list[Line], i: int) -> int | None:
    """The next line below line i that reads as a headline, before the story's first paragraph."""
    for j in range(i + 1, min(len(lines), i + 1 + HEADER_LIMIT)):
        if rules.is_paragraph(lines[j]):
            return None
        if _headline_like(lines[j]) and not lines[j].heading:
            return j
    return None


def find_body_start(lines: list[Line], title_at: int | None) -> int:
    """The first line of prose after the headline. A headline shown twice (once above the
    standfirst, once above the photo) pushes the start past its second copy."""
    start = (title_at + 1) if title_at is not None else 0
    if title_at is not None:
        key = lines[title_at].key
        for i in range(start, min(len(lines), start + 8)):
            if lines[i].key == key:
                start = i + 1
    for i in range(start, len(lines)):
        if rules.is_paragraph(lines[i]) and not rules.byline_by(lines[i]):
            return i
    return start


def find_header_end(lines: list[Line], title_at: int | None, body_at: int) -> int:
    """Where bylines and datelines stop: the second paragraph after the headline (the first
    may be a standfirst with the byline below it), and never far below the headline."""
    limit = _lines_below(lines, title_at or 0, HEADER_LIMIT)
    # Readers' comments and a list of other stories follow the story: the names under their
    # heading are readers' and other writers', never the byline below a caption or below a
    # story of one paragraph ("Comments" / "Tom Park" / "Great piece"). (A comments button above
    # the byline, under a standfirst, ends nothing: the story's paragraph below ends the header.)
    below_story = next((i for i in range(body_at + 1, limit)
                        if rules.opens_comments(lines[i]) or rules.is_list_heading(lines[i])), limit)
    for i in range(body_at + 1, limit):
        # A box of other stories set in the story under its first paragraph ("Related" /
        # headline / "By Tom Park", "Read more: headline"): its bylines are those stories'.
        if rules.is_list_heading(lines[i]) or rules.is_labelled_teaser(lines[i].text):
            return i
        if rules.is_paragraph(lines[i]):
            # A photo's caption reads as a paragraph too: a byline right below a short one
            # (standfirst, photo, caption, byline) puts the header's end at the next paragraph.
            after = next((j for j in range(i + 1, min(i + 3, below_story)) if _byline_below_caption(lines, j)), None)
            # (Only where the story goes on below that byline: with no prose below it, the short
            # paragraph was the story's last, and the "byline" a reader's comment or a teaser's.)
            if lines[i].words <= 40 and after is not None \
                    and any(rules.is_paragraph(lines[k]) for k in range(after + 1, len(lines))):
                return next((k for k in range(after + 1, limit) if rules.is_paragraph(lines[k])), limit)
            return i
    # A story of one paragraph: the lines just below it may still hold the byline.
    return min(below_story, body_at + 3) if body_at < limit else body_at


def _byline_below_caption(lines: list[Line], j: int) -> bool:
    """Line j is a byline in a byline's own shape: "By A", "Author: A", or a name (maybe with
    the place filed from) with a stamp, a role or a date beside it."""
    line = lines[j]
    if line.words > 12:
        return False
    return bool(rules.byline_by(line) or rules.byline_label(line)
                or (rules.is_name_line(line) or rules.name_in_place(line)) and _beside_marker(lines, j))


def find_tail(lines: list[Line], body_at: int) -> list[int]:
    """The lines where a sign-off byline or an author's bio may sit: the last TAIL_LINES lines,
    and the TAIL_LINES lines before the story ends where a list of other stories or the
    comments begin (a page's author box sits between the story and those)."""
    tail = set(range(max(body_at, len(lines) - TAIL_LINES), len(lines)))
    paragraphs = 0
    for i in range(body_at, len(lines)):
        if rules.is_paragraph(lines[i]):
            paragraphs += 1
        elif paragraphs >= 2 and (rules.is_list_heading(lines[i]) or rules.is_comments_heading(lines[i])):
            tail |= set(range(max(body_at, i - TAIL_LINES), i + 1))  # (the heading may name the writer)
            if rules.opens_comments(lines[i]):
                tail = {k for k in tail if k <= i}  # below are the readers' names, not the writer's
            break
    # Other stories listed with no heading above them, a link alone on each line, end many
    # pages: the sign-off stands just above that list.
    end = len(lines)
    while end > body_at and _link_alone(lines[end - 1]):
        end -= 1
    if len(lines) - end >= 3:
        tail |= set(range(max(body_at, end - TAIL_LINES), end))
    return sorted(tail)


def other_stories(lines: list[Line], body_at: int | None) -> set[int]:
    """The lines of a list of other stories below the story: under the first list heading
    ("Related", "Read next", "Most read", "More from ...") that follows two of the story's
    paragraphs, down to the next line of prose: a byline or a name with a date among the other
    stories' headlines is another story's writer. (Prose below ends it: the heading was a box
    inside the story, and a sign-off below the prose is the writer's; so does a teaser's
    sentence, which costs the list's later bylines their exclusion. The heading itself stays
    readable: "More from Ann Lee" names the writer.)"""
    if body_at is None:
        return set()
    paragraphs = 0
    # The last line of prose: a line below it has none under it. (Asked of every line below a
    # story's one paragraph, "any prose under it?" read all the lines under each: a text of one
    # paragraph then 40,000 short lines took 239 s, 10,000 took 17.)
    last_paragraph = next((i for i in range(len(lines) - 1, body_at - 1, -1) if rules.is_paragraph(lines[i])), -1)
    for i in range(body_at, len(lines)):
        if rules.is_paragraph(lines[i]):
            paragraphs += 1
        # (Below a story of one paragraph, a heading with no prose under it heads such a list too.)
        elif (paragraphs >= 2 or paragraphs and i > last_paragraph) and rules.is_list_heading(lines[i]):
            listed = set()
            for j in range(i + 1, len(lines)):
                # (The prose below a box may be the story's last paragraph, one short sentence:
                # "The vote is on Friday." - other stories' headlines do not end on a full stop.)
                # (So does the story's own sign-off: "— Ann Lee" under a box of links.)
                if rules.is_paragraph(lines[j]) or _short_sentence(lines[j]) or rules.story_sign_off(lines[j]):
                    break
                listed.add(j)
            return listed
    return set()


def _short_sentence(line: Line) -> bool:
    """A sentence too short for a paragraph: four words or more, ending on a full stop (a
    headline may end on a question mark, never on a full stop)."""
    return line.words >= 4 and not line.heading and line.text.rstrip().endswith((".", '."', ".”"))


TAG_LINES = 5  # the tags between their heading and a name at the end
_NEXT_OR_TAGS = re.compile(r"(?i:(?:up\s+)?next|previous|prev|older|newer)(?:\s+(?i:article|story|post))?$|"
                          r"(?i:tags?|topics?|tagged|tagged with|filed under|keywords|categories|category|related topics)$")


def _under_tags(lines: list[Line], i: int) -> bool:
    """Line i is one of the names listed under a heading of tags ("Topics", "Tags", "Filed
    under") or of the next story ("Next"), a few of them in a row: a page's tags under the
    headline, not its byline."""
    for j in range(i - 1, max(-1, i - TAG_LINES - 1), -1):
        if _NEXT_OR_TAGS.match(lines[j].text.strip(" *:#")):
            return True
        if not rules.is_name_line(lines[j], in_block=True):
            return False
    return False


def _signed_at_the_end(lines: list[Line], body_at: int | None) -> bool:
    """The text ends with a name alone on its line, below the story (maybe below its tags): a
    page that signs its stories at the foot, its author box reduced to the name. Not when a
    heading stands above the name (other stories, a section), when the name links to
    something other than an author's page (a topic), or when the story itself speaks of that
    person (a portrait's caption, the last speaker): a writer is not named in their story."""
    last = len(lines) - 1
    if body_at is None or last < body_at + 2:
        return False
    line, above = lines[last], lines[last - 1]
    if not rules.is_name_line(line) or line.links and not rules.author_links(line) or _closes_a_quotation(lines, last):
        return False
    if above.heading or rules.is_list_heading(above) or rules.is_comments_heading(above) \
            or rules.is_contact_heading(above) or _under_list_item(lines, last):
        return False
    # A name line above it too makes the last lines a list (the story's tags or its people:
    # "Topics" / "Ann Lee" / "Tom Park"), and a page's links to the next and the previous
    # story stand between the story and their headlines ("Next" / "Tom Park"): no signature.
    # (A letter's closing words, "Kind Regards", have a name's shape and are none.)
    if rules.is_name_line(above) and not rules.is_valediction(above):
        return False
    for j in range(last - 1, max(body_at, last - TAG_LINES - 1), -1):  # (the tags' heading, a few tags up)
        if rules.is_paragraph(lines[j]):
            break
        if _NEXT_OR_TAGS.match(lines[j].text.strip(" *:#")):
            return False
    return not _speaks_of(lines, rules.names_in(line.text), last)


def _speaks_of(lines: list[Line], names: list[str], upto: int) -> bool:
    """Whether a line before `upto` names one of the people by surname: a name the story speaks
    of, not its writer's signature."""
    surnames = {rules.fold(name.split()[-1]) for name in names}
    return bool(surnames) and any(not surnames.isdisjoint(lines[j].key.split()) for j in range(upto))


def _signed_and_dated_at_the_end(lines: list[Line], body_at: int | None) -> list[str]:
    """"Ann Lee | 30.07.2006 um 10:00" as the text's last line, below the story and its
    categories: a blog's post footer, its writer and when the post went up, to the minute. The
    time is the footer's second signal: a name and a day alone end many texts that no one signs
    there, a related story's headline and its day ("Dock Strike Ends | 30.07.2006"), a quotation's
    speaker and year ("Martin Hale, June 4, 1940"). Not where another line below the story's
    start has that shape too (a comment list, each comment's author and its time), nor under a
    heading (another section's), nor in a table's row or a block quote (someone else's words),
    nor a name the story speaks of."""
    last = len(lines) - 1
    if body_at is None or last < body_at + 2:
        return []
    line, above = lines[last], lines[last - 1]
    names = rules.name_with_date(line)
    if not names or not rules.shows_clock_time(line.text) or _in_block_quote(line) or _table_row(line, above):
        return []
    if above.heading or rules.is_comments_heading(above):
        return []
    if any(rules.name_with_date(lines[j]) for j in range(body_at, last)):
        return []
    return [] if _speaks_of(lines, names, last) else names


def _in_block_quote(line: Line) -> bool:
    """The line stood in a Markdown block quote ("> — Tom Park"): markdown_to_text took its
    mark off, the raw line keeps it."""
    return line.raw.lstrip().startswith(">")


def _table_row(line: Line, above: Line) -> bool:
    """A row of a Markdown table: opening with its bar, or right under a row of as many bars
    ("Ship | Arrived" / "---|---" / "Tom Park | 30.07.2006": the rule row between them is no line)."""
    bars = line.raw.count("|")
    return bars > 0 and (line.raw.lstrip().startswith("|") or line.wrapped and above.raw.count("|") == bars)


def _signed_from_place_at_the_end(lines: list[Line], body_at: int | None) -> list[str]:
    """"Ann Lee, à Lisbonne" / "Tomás Ibarra, desde Lisboa" as the text's last line, right under
    the story's prose: a correspondent's signature; a letter's, "Ann Lee, Lisbon" or "Ann Lee" /
    "Lisbon", the same. (Only the last lines: a caption of the same shape, "Tom Park in Lisbon",
    sits among the paragraphs once the picture is gone. And not a person the story speaks of.)"""
    last = len(lines) - 1
    if body_at is None or last < body_at + 2:
        return []
    def prose(line: Line) -> bool:  # (a story's last paragraph may be one short sentence)
        return rules.is_paragraph(line) or line.words >= 6 and line.text.rstrip().endswith((".", "!", "?", '"', "”"))

    if prose(lines[last - 1]):
        signed_at, names = last, rules.signed_from_place(lines[last]) or rules.signed_with_town(lines[last])
    elif last >= body_at + 3 and prose(lines[last - 2]):
        signed_at, names = last - 1, rules.signed_with_town(lines[last - 1], lines[last])
    else:
        return []
    return [] if _speaks_of(lines, names, signed_at) else names


def _links_to_another_page(line: Line) -> bool:
    """The line is one link, to a page whose address ends in a slug of words that are none of
    the "name"'s ("[Harbor Page](/harbor/87231/dock-days)"): a section's or a story's link. A
    writer's link that is no author page (author_links reads those) ends in their name or
    handle ("/in/ann-lee-5a1", "/u/annlee", "/a/ann") or an id ("/u/8231"); a handle unlike the
    name ("/al_writes") is no slug of words."""
    if len(line.links) != 1 or rules.fold(line.links[0][0]) != line.key:
        return False
    path = re.sub(r"^(?:[a-z]+:)?//[^/]*", "", line.links[0][1].casefold().split("?")[0].split("#")[0])
    last = next((part for part in reversed(path.split("/")) if part), "")
    # ("/about-me", "/about-the-author": a blog's page of its writer.)
    if not _TITLE_SLUG.fullmatch(last) or last.startswith("about"):
        return False
    words = line.key.split()
    return len(words) >= 2 and not any(word in last for word in words if len(word) >= 2)


# The end of a story's or a section's address: words joined by hyphens ("dock-days.html").
_TITLE_SLUG = re.compile(r"[a-z]{2,}(?:-[a-z0-9]+)+(?:\.\w+)?")


def _under_list_item(lines: list[Line], i: int) -> bool:
    """Line i comes right under an item of a list, with no blank line between, the item a marked
    one or one whose bullet a converter kept as text ("\\* New quay lights"): a short line there
    is the list's last item, not a sign-off ("- Removed Old Cranes", "Removed Old Cranes"). (A
    name set apart from the list by a blank line may sign the story.)"""
    return i > 0 and lines[i].wrapped and (lines[i - 1].item or bool(_TEXT_BULLET.match(lines[i - 1].text)))


_TEXT_BULLET = re.compile(r"[*•+-]\s")


def _named_in_story(lines: list[Line], body_at: int | None, i: int, person: str) -> bool:
    """The story, apart from line i, names the person by their surname (a source, not the
    writer)."""
    surname = rules.fold(person.split()[-1])
    return any(surname in lines[j].key.split() for j in range(body_at or 0, len(lines)) if j != i)


QUOTATION_LINES = 3  # the most lines of a quotation set apart in the story, above its speaker


def _closes_a_quotation(lines: list[Line], i: int) -> bool:
    """Line i closes a short quotation set apart in a block quote ("> “We will not go back.”" /
    "> — Tom Park": a pull quote, an epigraph): its name is the speaker's, not the writer's. (A
    story quoted whole, its sign-off with it, is signed: the quotation runs further up.)"""
    if not _in_block_quote(lines[i]):
        return False
    start = i
    while start and _in_block_quote(lines[start - 1]):
        start -= 1
    return start > 0 and 1 <= i - start <= QUOTATION_LINES


def _link_alone(line: Line) -> bool:
    """A line that is one link and nothing else ("* [Other story](/s/1)"), or no words at all."""
    if not line.words:
        return True
    return len(line.links) == 1 and rules.fold(line.links[0][0]) == line.key


TEASER_WORDS = 4  # the fewest words of another story's headline, linked alone on its line


def _under_teaser(lines: list[Line], i: int) -> bool:
    """The line is right under another story's headline linked alone on its line ("[Ships
    leave early as the storm nears](/s/1)"), below the story: that story's byline, a related
    story's writer, and no sign-off of this one. (A link to the writer's own page is the
    sign-off's, "[Ann Lee](/author/ann-lee)".)"""
    above = lines[i - 1] if i else None
    # ("— Ann Lee": a dash signs the story itself, in a shape no other story's entry takes.)
    if not above or lines[i].text.lstrip().startswith(("—", "–")):
        return False
    # (Or under its headline after a list's label, linked or not: "Read more: headline".)
    return bool(above.links and _link_alone(above) and above.words >= TEASER_WORDS
                and not rules.author_links(above) or rules.is_labelled_teaser(above.text))


def _lines_below(lines: list[Line], start: int, count: int) -> int:
    """The index count lines below line start, not counting buttons ("Share", "Facebook",
    "Print": a share bar of a dozen buttons may stand between a headline and its byline)."""
    counted = 0
    for k in range(start + 1, len(lines)):
        counted += not rules.is_furniture(lines[k])
        if counted >= count:
            return k
    return len(lines)


def find_description(lines: list[Line], title_at: int | None, body_at: int) -> int | None:
    """The standfirst: a sentence between the headline and the story that is not a caption,
    a byline, a stamp or a menu."""
    if title_at is None:
        return None
    keys = [line.key for line in lines]
    for i in range(title_at + 1, min(body_at, title_at + 4)):
        line = lines[i]
        # A notice shown twice ("This article is more than 5 years old") is not a standfirst.
        if keys.count(keys[i]) > 1 and keys[i] != keys[title_at]:
            continue
        # (Nor is a feature's credits line, "Produced by A, Photographs by B, Written by C".)
        if (line.words >= 6 and not rules.is_caption(line) and not rules.byline_by(line)
                and not rules.is_credit_line(line)
                and not rules.is_furniture(line) and not rules.is_stamp(line)
                and not rules.full_dates(line.text) and not rules.name_with_date(line)
                and not rules.name_with_role(line)[0]
                and line.key != lines[title_at].key):
            return i
    return None


# --- authors -------------------------------------------------------------------------------


# A sign-off's opening that may head a line of any length: a "by" or an authors' label.
_LONG_SIGN_OFF = re.compile(r"[(\[]?(?i:(?:(?:reporting|reported|writing|written)\s+)?by\b|"
                            r"(?:authors?|writers?|reporters?|contributors?)\s*:)")


def _first_rule(line: Line, *named_rules) -> tuple[list[str], str]:
    """The names the first of these rules finds on the line, and that rule's name."""
    for rule in named_rules:
        names = rule(line)
        if names:
            return names, rule.__name__
    return [], ""


def find_authors(lines, header, tail, title_at=None, description_at=None,
                 body_at=None, whole=False) -> tuple[list[str], str | None, set[int], str, dict[str, str]]:
    """People named in the byline (header first, then the sign-off and bios at the end),
    without those who only "contributed to this report"; and for each, the name of the rule
    that found it (the rules differ in how often they are right: the debug output says which
    one to look at)."""
    found: list[str] = []
    rule_of: dict[str, str] = {}
    used: set[int] = set()
    organisation = None
    source = "byline"

    # (A name that is the headline's words is a copy of the headline, "Harbour Blues" in a
    # teaser or a share card: no writer, however much it looks like a name.)
    headline = lines[title_at].key if title_at is not None else None

    def add(names, index, rule):
        names = [name for name in names if rules.fold(name) != headline]
        for name in names:
            if name not in found:
                found.append(name)
                rule_of[name] = rule
        if names:
            used.add(index)

    def add_above(names, index, rule):
        add(names, index, f"{rule}@above")  # (a byline over the headline: told apart in the debug output)

    # Explicit bylines first ("By A", "Author: A", "A, Reuters", a link to an author page,
    # "A Staff Writer"); names that only stand beside a stamp or under the headline are weaker
    # evidence (a topic tag can look like a name), used when the header has no explicit one.
    # The lines from the headline down are read before those above it, where menus and
    # teasers of other stories carry other people's bylines.
    # (Above the headline of a whole page, only the lines below the site's menus: its "By"
    # and name lines higher up are in a menu or a teaser, "Von Haus zu Haus" among the
    # sections. An article's own short lines over its headline are its byline block.)
    below = [i for i in header if title_at is None or i >= title_at]
    top = _below_the_menus(lines, title_at) if title_at is not None and whole else 0
    above = [i for i in header if title_at is not None and top <= i < title_at]
    page = _WholeText(lines, title_at)
    column: set[int] = set()  # the lines below the first of a list of names read (see _strong_byline)
    # A byline under the headline that credits a desk and no person settles it: the weaker
    # names around it are a photo credit's or a caption's, and a "by" above the headline a
    # menu's ("[Harbor Apps by Harbor Motor](https://...)").
    desk_below = any(_desk_byline(lines, i) for i in below)
    for strong in (True, False):
        if not strong and desk_below:
            break
        for part in (below, above) if not desk_below else (below,):
            for i in part:
                line = lines[i]
                # One byline block: once names were found, a line that is not next to them ends
                # it (further names are in a related-stories list or a reviewer's credit).
                if used and i > max(used) + 2:
                    break
                # (So does the standfirst: a name below it, when the byline above it named the
                # writers, is a picture's credit, "Tom Park March 3, 2019" set by a camera icon;
                # only a byline in words or links, "By Tom Park", names one more writer there.)
                if used and description_at is not None and max(used) < description_at < i \
                        and not _explicit_byline(line):
                    continue
                # (Over the headline, a byline under another story's linked headline is a
                # teaser's: a "Most read" or "Related" list set above the story.)
                if part is above and _under_teaser(lines, i):
                    continue
                if strong:
                    # (The lines of a column of names are read once, as the column: "Von Ray" /
                    # "Tom B." in it is no "Von" byline wrapped onto a second line.)
                    if i not in column:
                        column.update(range(i + 1, _strong_byline(lines, i, title_at, add if part is below
                                                                  else add_above, page) + 1))
                    organisation = organisation or _organisation(line)
                elif title_at is None or i > title_at:
                    _weak_byline(lines, i, title_at, description_at, add, page, body_at, bool(found))
                elif _byline_above_headline(lines, i, title_at):
                    names = rules.names_in(lines[i].text)
                    add(names, i, "above_headline")
                    if not names:
                        add(rules.name_slash_outlet(lines[i]), i, "above_headline:name_slash_outlet")
            if found:
                break
        if found:
            break
    if not found:
        # A book review's "Reviewed by A" beside the book's details: read last of the header's
        # lines, as "Reviewed by" elsewhere credits no writer.
        for i in below:
            if lines[i].text[:1] in "Rr" and (names := rules.book_reviewer(lines, i)):
                add(names, i, "book_reviewer")
                break
    listed = other_stories(lines, body_at) if not found else set()
    if not found:
        # A blog post's stamp line that names its writer by one word, a login or a first name
        # ("Von Marlo am 03.05.2013, 11:51", "11.05.2012, 10:22 von marlo"): under the headline,
        # or below the story before its readers' comments. Taken after the sign-off and bio
        # rules below, whose full name ("- Jane Doe", "About the author / Jane Doe") says more
        # than a login ("Posted by jdoe on ..."); they skip its line, which they would read as
        # a name ("Von Marlo") and a day, as they skip another story's lines.
        stamped = _stamped_writer(lines, below, [i for i in tail if i not in listed], body_at)
    else:
        stamped = None
    if stamped is not None:
        listed.add(stamped[1])
    # (So are the name and the bio under "About the photographer": another maker's box.)
    listed |= {j for i, line in enumerate(lines) if not found and rules.about_another_maker(line)
               for j in range(i + 1, min(len(lines), i + 1 + ANOTHER_MAKER_LINES))}
    if not found:
        for i in tail:
            line = lines[i]
            if whole and _footer_item(lines, i) or i in listed or _under_teaser(lines, i):
                continue
            people, agency = rules.byline_with_organisation(line)
            if people:
                add(people, i, "tail:byline_with_organisation")
                organisation = organisation or agency
            elif posted := rules.posted_by(line):
                add(posted, i, "tail:posted_by")
            # (A sign-off of many writers runs long: "By A, B, C, D, E, F and G", "Authors: A, ...";
            # what follows the label must still be names only.)
            elif line.words <= 12 or _LONG_SIGN_OFF.match(line.text):
                names, rule = _first_rule(line, rules.byline_by, rules.byline_label)
                # ("- Ann Lee" signs the story; under a list's items a dash opens one more item,
                # "- Removed Old Cranes", that a converter did not mark as one.)
                if not names and not _under_list_item(lines, i) and not _closes_a_quotation(lines, i):
                    names, rule = rules.sign_off(line), "sign_off"
                if not names and i and rules.is_paragraph(lines[i - 1]):
                    names, rule = rules.bracketed_sign_off(line), "bracketed_sign_off"
                if not names:
                    names, rule = _first_rule(line, rules.writer_sign_off, rules.more_from, rules.korean_byline,
                                              rules.reported_from, rules.about_author_inline)
                add(names, i, f"tail:{rule}")
                if rules.ends_with_by(line) and i + 1 < len(lines):
                    add(rules.names_in(lines[i + 1].text), i + 1, "tail:name_after_by")
        if not found:
            for i in tail:
                people = rules.people_of_bio(lines[i]) if i not in listed else []
                if people:
                    add(people, i, "tail:people_of_bio")
                    source = "bio"
            for i in tail:
                if i not in listed and rules.is_name_line(lines[i]) and _signed_with_role(lines, i):
                    add(rules.names_in(lines[i].text), i, "tail:name_beside_marker")
            if not found and len(lines) - 1 not in listed and not _under_teaser(lines, len(lines) - 1):
                if _signed_at_the_end(lines, body_at):
                    add(rules.names_in(lines[-1].text), len(lines) - 1, "tail:signed_at_the_end")
                if not found:
                    add(_signed_and_dated_at_the_end(lines, body_at), len(lines) - 1, "tail:signed_and_dated_at_the_end")
            if not found and len(lines) - 1 not in listed:
                add(_signed_from_place_at_the_end(lines, body_at), len(lines) - 1, "tail:signed_from_place")
            if not found:
                for i in tail:
                    add(rules.contact_line(lines[i]), i, "tail:contact_line")
            if not found:
                # An opinion piece's writer, described by their work below it ("Ann Lee
                # teaches economics at ...", "Ann Lee is director of ..."), when the piece
                # itself never names them: the story's own people are named in it.
                for i in tail:
                    person = rules.opinion_bio(lines[i])
                    if person and not _named_in_story(lines, body_at, i, person):
                        add([person], i, "tail:opinion_bio")
                        source = "bio"
                        break
        if not found:
            # An author box below the story: "About the author" and the name (or the bio).
            start = body_at if body_at is not None else 0
            for i in range(start, len(lines)):
                if rules.is_about_author(lines[i]):
                    for j in range(i + 1, min(len(lines), i + 3)):
                        person, _ = rules.bio(lines[j])
                        names = [person] if person else (
                            rules.names_in(lines[j].text) if rules.is_name_line(lines[j], in_block=True) else [])
                        if names:
                            add(names, j, "about_author")
                            break
                    break
    if not found and stamped is not None:
        add([rules.LoneName(stamped[0])], stamped[1], "stamped_writer")
    if not found and body_at is not None:
        # Last, a blogger who introduces themselves in the story's first paragraphs ("my name
        # is Ann Lee"), when nothing else names a writer.
        for i in range(body_at, min(len(lines), body_at + INTRODUCTION_LINES)):
            names = rules.introduced_writer(lines[i])
            if names:
                found.extend(names)  # (the paragraph stays the story's: not a used line)
                rule_of.update((name, "introduced_writer") for name in names)
                break
    # A helper is not an author, unless a "By" line at the top names them too (a wire story
    # whose writer also thanks the colleagues, themselves among them, who "contributed").
    helpers = {name for line in lines for name in rules.contributors(line)}
    signed = {name for i in used if i in header for name in rules.byline_by(lines[i])}
    found = [name for name in found if name not in helpers or name in signed]
    # Every copy of a byline line goes, and so do the author's bio and the name lines around it.
    keys = {lines[i].key for i in used}
    used |= {i for i, line in enumerate(lines) if line.key in keys}
    for i in tail:
        if any(person in found for person in rules.people_of_bio(lines[i])):
            used.add(i)
    for i, line in enumerate(lines):
        if rules.is_name_line(line) and line.text.strip() in found:
            used.add(i)
    # A Chinese or Korean dateline names the reporters in the story's first paragraph, which
    # stays the story's.
    used = {i for i in used if not rules.cjk_dateline_reporters(lines[i])
            and not rules.is_korean_dateline(lines[i])}
    return found, organisation, used, source, rule_of


# A count and its one word on a line of their own, the heading of the comments in any language
# ("3 Kommentare", "12 commentaires", "5 Antworten").
_COMMENTS_COUNT = re.compile(r"\d+\s+[^\W\d_]+")
_STAMP_PART = 48  # characters of each of a stamp's two lines at most


def _stamped_writer(lines: list[Line], below: list[int], tail: list[int], body_at: int | None) -> tuple[str, int] | None:
    """The writer's word and the line of the first stamp line (rules.stamped_writer) under the
    headline, else in the tail above the readers' comments: a comment's own stamp ("Le 3 juin
    2024, par marlo") has the same shape."""
    comments = next((i for i in range(body_at or 0, len(lines)) if rules.opens_comments(lines[i])
                     or _COMMENTS_COUNT.fullmatch(lines[i].text.strip(" *:#"))), len(lines))
    for i in below:
        if word := rules.stamped_writer(lines[i].text):
            return word, i
    # (In the tail, a stamp that another of its shape follows is one of a thread's: a comments
    # heading we do not know, each reader's comment stamped alike.)
    stamps = [(i, word) for i in tail if i < comments and not _under_teaser(lines, i)
              and (word := rules.stamped_writer(lines[i].text))]
    if len(stamps) == 1:
        return stamps[0][1], stamps[0][0]
    # The same line set as two under the headline, the date's and the writer's (a list of the
    # post's fields: "* 5 mars 2024" / "* Par [Marlo](...)"), each line and the next (below is
    # the header's lines from the headline down, none left out).
    for i, j in zip(below, below[1:]):
        if len(lines[i].text) <= _STAMP_PART and len(lines[j].text) <= _STAMP_PART:
            word = rules.stamped_writer(f"{lines[i].text}, {lines[j].text}")
            if word:
                return word, j
    return None


class _WholeText:
    """What the byline rules ask of the whole text, worked out once for it, when first asked:
    each candidate line asked it again, a scan of every line for each (the text parser took
    twice as long on the development set: 46.7-50.3 against 22.0-36.4 ms a text)."""

    def __init__(self, lines: list[Line], title_at: int | None = None):
        self.lines = lines
        self.title_at = title_at
        self._lines_below: dict[tuple[int, int], int] = {}

    def lines_below(self, start: int, count: int) -> int:
        """_lines_below, worked out once for each start and count: every candidate line asks
        it of the headline again, a scan past the same buttons each time."""
        if (start, count) not in self._lines_below:
            self._lines_below[start, count] = _lines_below(self.lines, start, count)
        return self._lines_below[start, count]

    @cached_property
    def above_furniture(self) -> list[int]:
        """For each line, the nearest line above it that is no caption and no furniture (-1
        when there is none): _below asks it of every candidate line, a share bar of hundreds of
        buttons was read again for each of them. (Nor a copy of the headline below it: a
        share card's or the page's data repeat it over the byline, "Headline" / "Headline" /
        "Ann Lee", which stands under the headline all the same.)"""
        nearest, last = [], -1
        headline = self.lines[self.title_at].key if self.title_at is not None else None
        for j, line in enumerate(self.lines):
            nearest.append(last)
            if not (rules.is_caption(line) or rules.is_furniture(line)
                    or headline is not None and j > self.title_at and line.key == headline):
                last = j
        return nearest

    @cached_property
    def breadcrumb_sections(self) -> set[str]:
        """The items of the page's breadcrumbs, folded."""
        return {item for line in self.lines for item in rules.breadcrumb_items(line)}

    @cached_property
    def section_heads(self) -> set[str]:
        """The people who each head a section of the story, standing alone on a line over a
        paragraph about them (a story that goes through the people it is about, or an
        interview's speakers), when there are SECTION_NAMES of them or more; else none. A
        byline names its writers once, near the top; a bio box below repeats them, over their
        bio."""
        lines, names = self.lines, set()
        for j in range(len(lines) - 1):
            line = lines[j]
            if line.words <= 6 and rules.is_name_line(line, in_block=True) and rules.is_paragraph(lines[j + 1]) \
                    and not rules.bio(lines[j + 1])[0]:
                names.add(line.key)
        return names if len(names) >= SECTION_NAMES else set()


def _sections_of_breadcrumb(page: _WholeText, line: Line) -> bool:
    """A row of the page's sections ("Travel Notes, Port Days") has the shape of names; one of
    its items among the items of the page's breadcrumb tells it: none of them is a person."""
    sections = page.breadcrumb_sections
    return bool(sections) and any(rules.fold(part) in sections
                                  for part in re.split(r"\s*[,;&]\s*|\s+and\s+", line.text))


def _desk_byline(lines: list[Line], i: int) -> bool:
    """Line i is a byline that credits a desk and no person, on one line or under a label
    alone ("Author:" / "Harbour Gazette Staff")."""
    if rules.desk_byline(lines[i]) or rules.desk_staff(lines[i]):
        return True
    if not rules.ends_with_by(lines[i]) or i + 1 >= len(lines):
        return False
    text = f"By {lines[i + 1].text}"
    return rules.desk_byline(Line(raw=text, text=text))


def _organisation(line: Line) -> str | None:
    """The agency or publication a byline line names beside its people, if any."""
    people, organisation = rules.byline_with_organisation(line)
    if not people:
        people, organisation = rules.name_with_role(line)
    return organisation if people else None


def _strong_byline(lines: list[Line], i: int, title_at: int | None, add_names, page: _WholeText) -> int:
    """Reads an explicit byline on line i (and the lines below it it goes on to). Returns the
    last line of a list of names read from line i (a column, list items, a list over lines),
    else i: those lines are not read again."""
    line = lines[i]
    named = []

    def add(names, index, rule):
        named.extend(names)
        add_names(names, index, rule)

    # (Copied from the page one text node a line, the list is a column: "Ann" / "Lee" / "," / ...)
    near_title = title_at is not None and title_at < i < page.lines_below(title_at, 4)
    if near_title and line.words <= 4 and any(x.separator_below for x in lines[i: i + rules.COLUMN_PIECES + 2]) \
            and (in_column := rules.names_in_column(lines[i:]))[0]:
        for j in range(i, i + in_column[1]):
            add(in_column[0], j, "names_in_column")  # every line of the column is the byline's
        return i + in_column[1] - 1
    # (Or set one name a list item: "* Ann Lee 1," / "* Tom Park 2" / ...)
    if near_title and line.item and (listed := rules.names_in_items(lines[i:]))[0]:
        for j in range(i, i + listed[1]):
            add(listed[0], j, "names_in_items")  # every item of the list is the byline's
        return i + listed[1] - 1
    if near_title and (names := rules.name_list(line)) \
            and lines[i].key not in page.section_heads and not _sections_of_breadcrumb(page, line):
        # (Wrapped at a fixed width, maybe inside a name: "..., Sue Ray, Bo" / "Chan, Ida Holm".)
        wrapped, count = rules.names_over_wrapped_lines(lines[i:])
        if count > 1 and len(wrapped) > len(names):
            names = wrapped
        else:
            count = 1
        for j in range(i, i + count):
            add(names, j, "name_list")
        # A list too long for its line goes on below ("Ann Lee, Tom Park, Sue Ray," / "Bo Chan
        # and Ida Holm"), as a paper's authors wrap: each line of names whole is the list's.
        j = i + count - 1
        while j + 1 < len(lines) and rules.list_goes_on(lines[j]) and (more := rules.list_continuation(lines[j + 1])):
            j += 1
            add(more, j, "name_list")
        return j  # (the lines below are the list's: a name cut in two is no byline of its own)
    # (A Chinese dateline's reporters open a paragraph of any length; so do a Korean one's.)
    if names := rules.cjk_dateline_reporters(line) or rules.korean_byline(line):
        add(names, i, "cjk_byline")
        return i
    if line.words > 30 or rules.is_caption(line):
        return i
    # A byline wrapped onto a second line ("By Ann Lee and Tom" / "Park"): read the two as one
    # when that names more people.
    # (Or onto a few lines: "By" / "Ann Lee," / "Tom Park" / "and Sue Ray".)
    whole, best, best_end = line, rules.byline_by(line), i
    # (After "By" alone the names are read line by line below: "By" / "Ann Lee" / "Tom Park"
    # is two authors, not one wrapped name.)
    for j in range(i + 1, min(len(lines), i + 5) if not rules.ends_with_by(line) else i + 1):
        nxt = lines[j]
        if not (nxt.wrapped and nxt.words <= 4 and not rules.is_author_marker(nxt)):
            break
        whole = rules.joined(whole, nxt)
        names = rules.byline_by(whole)
        # (The first writer starts on the "By" line: "By All Tides Rising" / "Low Water" /
        # "Salt & Spray" / "Harbor Lights", a menu of shows, names no one from its fourth line.)
        if len(names) > len(best) and names[0].split()[0].casefold() in line.text.casefold():
            best, best_end = names, j
    if best_end > i:
        for j in range(i, best_end + 1):
            add(best, j, "byline_by_wrapped")  # every line is the byline's
        return i
    # "Ann Lee" / "Harbor Ledger Staff Writer", "By Ann Lee" / "Harbor Ledger Staff": under a
    # writer's name, a role line's "name" is the outlet's; the writer is the line above, and the
    # role line is the byline's too.
    if i > 0 and rules.outlet_role_line(line):
        above = lines[i - 1]
        writers = rules.byline_by(above) or (rules.names_in(above.text) if rules.is_name_line(above) else [])
        if writers:
            add(writers, i - 1, "outlet_role_line")
            add(writers, i, "outlet_role_line")
            return i
    people, _ = rules.byline_with_organisation(line)
    if each_with_role := rules.names_each_with_role(line):
        add(each_with_role, i, "names_each_with_role")
    elif people:
        add(people, i, "byline_with_organisation")
    else:
        names, rule = _first_rule(line, rules.byline_by, rules.byline_label, rules.author_links,
                                  rules.name_with_date, rules.lone_author, rules.login_byline)
        add(names, i, rule)
    people = each_with_role or people
    if not people and i != title_at:
        add(rules.name_with_role(line)[0], i, "name_with_role")
    # The names go on below: after "By" alone, or after a byline ending with a comma or "and".
    last = i  # the byline's last line so far
    # (Not a writer's job under their name: "Ann Lee" / "Reporter" / "Tom Park" names no reporter
    # Tom Park.)
    label = rules.ends_with_by(line) and not (i > 0 and rules.role_under_name(line, lines[i - 1]))
    if (label or named and re.search(r"(?:,|\band|&)$", line.text.strip())) and i + 1 < len(lines):
        names, count = rules.names_over_lines(lines[i + 1:], rules.BY_COLUMN_LINES if label else 7)
        for j in range(i + 1, i + 1 + count):
            add(names, j, "byline_goes_on")  # every line of the byline is the byline's
        last += count
        if not count and label:
            # (A Chinese or Japanese label alone, "本报记者" / "王小明": a name without capitals.)
            names = rules.names_in(lines[i + 1].text) or rules.cjk_name_line(lines[i + 1])
            add(names, i + 1, "name_after_by")
            last += 1 if names else 0
    if named and last + 1 < len(lines):
        # The next author below the byline's last line ("Par" / "Ann Lee" / "(avec Tom Park)"):
        # "and Tom Park", "(with Tom Park)", or a name on its own line with a stamp below.
        after = lines[last + 1]
        if more := rules.byline_continuation(after):
            add(more, last + 1, "byline_continuation")
        # (Not a picture maker's role below it: "Tom Park" / "Staff Photographer" took the pictures.)
        elif rules.is_name_line(after, in_block=True) and last + 2 < len(lines) \
                and rules.is_author_marker(lines[last + 2]) and not rules.picture_role(lines[last + 2].text):
            add(rules.names_in(after.text), last + 1, "name_under_byline")
    return i


def _weak_byline(lines: list[Line], i: int, title_at: int | None, description_at: int | None, add,
                 page: _WholeText, body_at: int | None = None, have_names: bool = False) -> None:
    line = lines[i]
    # "Ann Lee / Harbour Gazette" reads as a photo credit too: only in a byline's place (under
    # the headline or standfirst, or beside a stamp) is it a byline.
    slashed = rules.name_slash_outlet(line)
    # (Right under a picture it is the picture's credit, unless the picture is the writer's
    # own, named by its alt text: "![Ann Lee](ann.jpg)" / "Ann Lee / Harbour Gazette".)
    if slashed and line.picture_above is not None and not _writers_picture(lines, i, slashed):
        slashed = []
    # (Or right over the story under a standfirst long enough to read as its first paragraph,
    # as "Ann Lee, for The Harbour Gazette" is read there: a picture's credit goes on with its
    # caption, not with the story or with the picture's own credit.)
    if slashed and (_beside_marker(lines, i) or _below(lines, i, {title_at, description_at}, page)
                    or rules.full_dates(line.text)
                    or _below(lines, i, {body_at}, page) and i + 1 < len(lines)
                    and (rules.is_paragraph(lines[i + 1]) or rules.picture_credit(lines[i + 1]))):
        add(slashed, i, "name_slash_outlet")
        return
    if line.words > 30 or rules.is_caption(line) or _sections_of_breadcrumb(page, line):
        return
    if "@" in line.text and rules.is_name_line(line):
        add(rules.names_in(re.sub(r"[,\s]*@\w+", "", rules.without_email(line.text))), i,
            "name_with_handle")  # "Ann Lee, @annlee"
    # Title, standfirst, then a name on its own line: the classic byline under a headline. The
    # standfirst may be long enough to read as the story's first paragraph.
    elif line.key in page.section_heads:
        return  # (one of the people a story goes through, each heading a section of it)
    elif _links_to_another_page(line):
        return  # (a section's or a story's link: "[Harbor Page](/harbor/dock-days)")
    elif rules.is_tag_link(line):
        return  # (a topic's page, "[Ann Lee](/topics/ann-lee)": whom the story is about)
    elif i + 1 < len(lines) and rules.picture_role(lines[i + 1].text) and rules.is_name_line(line) \
            or rules.with_picture_role(line.text):
        # ("Tom Park" / "Staff Photographer": who took the pictures; "Tom Park, Photographer" and
        # "Tom Park | Translator" too, whose role reads as an outlet or a place otherwise.)
        return
    elif i > 0 and rules.credit_label(lines[i - 1]) and rules.is_name_line(line):
        return  # ("Photographs by:" / "Tom Park", "Tested by:" / "Tom Park": the credit's name)
    elif i + 1 < len(lines) and rules.life_span(lines[i + 1]) and rules.is_name_line(line):
        return  # ("Ann Lee" / "1941 - 2024", "Age 54": whose life an obituary or a profile tells)
    elif rules.is_name_line(line) and _under_tags(lines, i):
        return  # ("Topics" / "Tom Park" / "Sue Ray": the people the story is tagged with)
    elif _among_headings(lines, i):
        return  # ("##### Ann Lee's 400 m" / "##### Tom Park Eastside": a list's entries as headings)
    elif rules.is_name_line(line) and (rule := (
            _below(lines, i, {title_at, description_at}, page) and not _story_of(lines, i) and "name_line:under_headline"
            or _beside_marker(lines, i) and "name_line:beside_marker"
            or _names_down_to_stamp(lines, i, {title_at, description_at}) and "name_line:down_to_stamp"
            or _below(lines, i, {body_at}, page) and not _named_below(lines, i) and "name_line:over_story"
            or not have_names and _right_over_story(lines, i, title_at, body_at) and not _story_of(lines, i)
            and not _named_below(lines, i) and "name_line:right_over_story")):
        # "Ann Lee" / "and" / "Tom Park" / stamp: the first author, above a joining word, is the
        # byline's too (each name a link of its own, the links' joining word between).
        if i >= 2 and re.fullmatch(r"(?:and|&|,|,\s*and)", lines[i - 1].text.strip(), re.I) \
                and rules.is_name_line(lines[i - 2], in_block=True):
            add(rules.names_in(lines[i - 2].text), i - 2, rule)
        # "Ann Lee and Tom Park Harbour Daily Star" reads as names too, the last one too long.
        names, with_outlet = rules.names_in(line.text), rules.names_with_outlet(line)
        add(with_outlet if len(with_outlet) > len(names) else names, i, rule)
        # A list of names that ends its line with a comma or "and" goes on below ("Ann Lee,
        # Tom Park," / "Sue Ray"): the byline was wrapped, or its last link set on a line.
        if re.search(r"(?:,|\band|&)$", line.text.strip()):
            more, count = rules.names_over_lines(lines[i + 1:])
            for j in range(i + 1, i + 1 + count):
                add(more, j, rule)
        else:
            _writers_below(lines, i, rule, add)
    # "Ann Lee and" / "Tom Park": a byline wrapped after its joining word, under the headline.
    elif (head := re.fullmatch(r"(.+?),?\s+(?:and|&)", line.text.strip())) \
            and rules.is_name_line(Line(raw=head.group(1), text=head.group(1))) \
            and _below(lines, i, {title_at, description_at}, page):
        more, count = rules.names_over_lines(lines[i + 1:])
        if more:
            for j in range(i, i + 1 + count):
                add(rules.names_in(head.group(1)) + more, j, "names_wrapped_after_and")
    # The same name set as a minor heading right under the headline or standfirst ("### Ann
    # Lee"): converters turn a byline's own element into a heading.
    elif (line.heading >= 2 and rules.is_name_line(line, in_block=True)
          and _below(lines, i, {title_at, description_at}, page)):
        add(rules.names_in(line.text), i, "name_heading_under_headline")
    # The items of a byline block ("* Ann Lee" / "* October 28, 2024", "#### Ann Lee"):
    # a name only with a stamp or a date beside it.
    elif rules.is_name_line(line, in_block=True) and (_beside_marker(lines, i)
                                                      or _in_byline_block(lines, i)):
        add(rules.names_in(line.text), i, "name_in_block")
    # "Ann Lee in Lisbon": a correspondent and where they filed from, in the byline's place.
    elif rules.name_in_place(line) and not _named_below(lines, i, rules.name_in_place(line)[0]) and (
            _below(lines, i, {title_at, description_at, body_at}, page) or _beside_marker(lines, i)):
        add(rules.name_in_place(line), i, "name_in_place")
    # A Chinese or Japanese name has no capitals to tell it: only with a date or stamp beside it.
    # (A word shown twice is a name's byline and profile card only right under the headline:
    # further down it is a menu's item above its section's heading as often.)
    elif rules.cjk_name_line(line) and _beside_marker(lines, i, repeat=_below(lines, i, {title_at, description_at}, page)):
        add(rules.cjk_name_line(line), i, "cjk_name_line")
    # The same with the outlet run onto the names' line: "Ann Lee Harbour Daily Star" / stamp.
    # (Once the block has names, a line like that is the outlet's own: "Harbour Falls Star".)
    # (Or over the story's prose under a standfirst long enough to read as its first paragraph,
    # as a name line is: "Ann Lee, for The Harbour Gazette" / story.)
    elif not have_names and (_beside_marker(lines, i) or _below(lines, i, {title_at, description_at}, page)
                             or _below(lines, i, {body_at}, page) and i + 1 < len(lines)
                             and rules.is_paragraph(lines[i + 1])):
        names, rule = _first_rule(line, rules.names_with_outlet, rules.name_and_outlet, rules.name_with_marker,
                                  rules.name_with_degrees)
        # Right under the headline, a name and a date open the line whatever follows them.
        under_headline = _below(lines, i, {title_at, description_at}, page)
        if not names and under_headline:
            names, rule = rules.name_with_date(line, then_anything=True), "name_with_date_then_anything"
        # A line of fields ("Ann Lee | Ports | March 3, 2019") there, or right over the story
        # under a standfirst long enough to read as its first paragraph: its date, stamp or
        # role field tells it from a caption.
        if not names and (under_headline or _below(lines, i, {body_at}, page) and i + 1 < len(lines)
                          and rules.is_paragraph(lines[i + 1])):
            names, rule = rules.byline_fields(line), "byline_fields"
        add(names, i, rule)


# The most words of a line between the headline and a name right over the story's first
# paragraph: tags, share buttons, "Advertisement" (a longer line is a standfirst or a caption).
SHORT_LINE_WORDS = 6


def _right_over_story(lines: list[Line], i: int, title_at: int | None, body_at: int | None) -> bool:
    """Line i is the line right over the story's first paragraph, and nothing between it and
    the headline is longer than a tag or a button ("Ports" / "Strikes" / "Ann Lee" / story): the
    byline's place once a page's tags or share links come first."""
    # (Alone: under another name line, it may be the outlet's name or one of a list's names.)
    # (Each line between a list's item, a link, a page's furniture or a button's words in small
    # letters, "Give this article": capitalised words alone, "Ports" / "Harbor Life", are a kicker
    # and a section's name, the second no person.)
    return (title_at is not None and body_at is not None and i + 1 == body_at and title_at < i
            and all(lines[j].words <= SHORT_LINE_WORDS and (
                lines[j].item or lines[j].links or rules.is_furniture(lines[j])
                or any(word[:1].islower() for word in lines[j].text.split()))
                for j in range(title_at + 1, i))
            and not rules.is_name_line(lines[i - 1]))


# How many people, each named alone on a line over a paragraph about them, make a list of
# sections ("Ann Lee" / her part of the story, "Tom Park" / his, ...) rather than a byline.
SECTION_NAMES = 3


def _byline_above_headline(lines: list[Line], i: int, title_at: int) -> bool:
    """A name on its own line in the block just above the headline, with a date or stamp in
    that block and nothing longer than a section's name between ("Ann Lee" / "Ideas" /
    "11.14.2019 09:00" / headline): pages that set the byline block above the title."""
    # (The name may come with its outlet, "Ann Lee / Harbour Gazette", and then a date on the
    # same line counts as the block's stamp: "18/03/2019 | Ann Lee / Harbour Gazette".)
    slashed = rules.name_slash_outlet(lines[i])
    if title_at - i > 4 or not (rules.is_name_line(lines[i]) or slashed):
        return False
    if slashed and rules.full_dates(lines[i].text):
        return True
    between = lines[i + 1: title_at]
    # The stamp may stand just above the name instead ("11.14.2019" / "Ann Lee" / headline).
    # (Then the name must be the headline's very next line above: a name further up, with
    # a kicker between, is more likely a topic's.)
    # (And the stamp may not be that of another name above it: "Ann Lee" / date / "Topic".)
    above = (i > 0 and not lines[i - 1].heading and rules.is_author_marker(lines[i - 1])
             and all(rules.is_furniture(x) for x in lines[i + 1: title_at])
             and not (i > 1 and rules.is_name_line(lines[i - 2])))
    return (all(rules.is_author_marker(x) or rules.is_furniture(x) or x.words <= 3 for x in between)
            and (above or any(rules.is_author_marker(x) for x in between)))


_JOINING_LINE = re.compile(r"(?:and|&|,|,\s*and|,\s*&)", re.I)
# (A byline's writers are a few: the joining words are looked for over this many lines only.)
WRITERS_BELOW_LINES = 8


_PORTRAIT_WORDS = re.compile(r"\b(?:author|writer|headshot|avatar|portrait|profile|byline)", re.I)


def _writers_picture(lines: list[Line], i: int, names: list[str]) -> bool:
    """The picture above line i is its writer's own: its alt text names the writer, in part
    ("![Ann]", "![Lee]", "![Headshot of A]") or as a portrait; or it has none and the date
    follows the line, as a byline box sets avatar, name and date ("![](ann.jpg)" / "Ann Lee /
    Harbour Gazette" / "March 3, 2024"; a picture's credit goes on with its caption or story)."""
    alt = (lines[i].picture_above or "").casefold()
    if alt:
        words = {w for name in names for w in re.findall(r"\w{2,}", name.casefold())}
        return bool(words & set(re.findall(r"\w{2,}", alt))) or bool(_PORTRAIT_WORDS.search(alt))
    after = lines[i + 1] if i + 1 < len(lines) else None
    return bool(after and after.words <= 8 and rules.full_dates(after.text))


def _writers_below(lines: list[Line], i: int, rule: str, add) -> None:
    """The other writers under the first one's name line, each a link of its own with its
    joining word at the head of its line ("Ann Lee" / "and Tom Park") or on a line between
    ("Ann Lee" / "," / "Tom Park" / ", and" / "Sue Ray"). The joining word is what tells them
    from a story's first line or a second name that is no writer's."""
    j = i + 1
    while j < min(len(lines), i + 1 + WRITERS_BELOW_LINES):
        if more := rules.byline_continuation(lines[j]):
            add(more, j, rule)
            return  # ("and" opens the last writer's line)
        # (A lone "," or "&" between two names is no line: read_lines keeps it on the one above.)
        if lines[j - 1].separator_below and rules.is_name_line(lines[j], in_block=True):
            add(rules.names_in(lines[j].text), j, rule)
            j += 1
            continue
        if not (_JOINING_LINE.fullmatch(lines[j].text.strip()) and j + 1 < len(lines)
                and rules.is_name_line(lines[j + 1], in_block=True)):
            return
        add(rules.names_in(lines[j + 1].text), j, rule)
        add(rules.names_in(lines[j + 1].text), j + 1, rule)
        j += 2


def _named_below(lines: list[Line], i: int, name: str | None = None) -> bool:
    """The story goes on to speak of the person on line i ("Ann Lee" under a photo, then "Ann
    Lee, who won ..."): a caption naming who is pictured, not the writer."""
    name = rules.fold(name) if name else lines[i].key
    return any(name in lines[j].key for j in range(i + 1, min(len(lines), i + 4)))


def _story_of(lines: list[Line], i: int) -> bool:
    """The story's first paragraph, just below the name on line i, speaks of that person ("Ann
    Lee" / "Ann Lee, the union's leader, said ..."): the name is a portrait's caption. (A bio
    below a byline, "Ann Lee is a staff writer", names the writer and does not count.)"""
    key = lines[i].key

    def sentence(line: Line) -> bool:  # (a short first paragraph reads as a standfirst)
        return rules.is_paragraph(line) or line.words >= 6 and line.text.rstrip().endswith((".", "”", '"'))

    return any(key in lines[j].key and sentence(lines[j]) and not rules.bio(lines[j])[0]
               for j in range(i + 1, min(len(lines), i + 3)))


def _below(lines: list[Line], i: int, anchors: set[int | None], page: "_WholeText | None" = None) -> bool:
    """Line i comes right below one of the anchors, with only captions, images and furniture
    between (a lead photo often sits between the headline and the byline)."""
    if i - 1 in anchors:
        return True
    if page is not None:
        # (The anchors are lines too: one among the furniture right above i is passed by the
        # nearest line that is none, so the anchors between are looked for.)
        nearest = page.above_furniture[i]
        return nearest in anchors or any(a is not None and nearest < a < i for a in anchors)
    j = i - 1
    while j >= 0 and j not in anchors and (rules.is_caption(lines[j]) or rules.is_furniture(lines[j])):
        j -= 1
    return j in anchors


# The most names, one a line, that a byline block lists; a longer run is a list of people the
# story is about (a team, a cast, a panel).
BLOCK_NAMES = 4
# The most items of a list that is a byline block ("* Ann Lee" / "* Tom Park" / "* March 3").
BLOCK_ITEMS = 6


def _run_around(lines: list[Line], i: int, belongs) -> tuple[int, int]:
    """The first and last line of the run of consecutive lines around line i that belongs()
    accepts (line i itself is taken to belong)."""
    first = last = i
    while first > 0 and belongs(lines[first - 1]):
        first -= 1
    while last + 1 < len(lines) and belongs(lines[last + 1]):
        last += 1
    return first, last


def _names_down_to_stamp(lines: list[Line], i: int, anchors: set[int | None]) -> bool:
    """Line i is one of a run of names set one a line that starts right under the headline
    (or standfirst) and ends on a stamp, a date or a role ("Ann Lee" / "Tom Park" / "Sue Ray"
    / "March 3, 2019"): the first stands under the headline and the last beside the stamp, and
    the ones between belong to the same block. (Without the stamp the line below a name may
    be the outlet's; away from the headline the first may be a teaser's name.)"""
    plain = lambda x: not x.item and not x.heading and rules.is_name_line(x)  # noqa: E731
    first, last = _run_around(lines, i, plain)
    return (last - first + 1 <= BLOCK_NAMES and last + 1 < len(lines) and rules.is_author_marker(lines[last + 1])
            and _below(lines, first, anchors))


# The fewest headings of one level, one under the other, that are a list's entries.
HEADING_RUN = 3
# The most words of a byline block's outlet or place heading ("Harbour Gazette", "Harbor City").
BYLINE_PART_WORDS = 3


def _among_headings(lines: list[Line], i: int) -> bool:
    """Line i is a heading among HEADING_RUN or more of its level with nothing between them,
    some of which are neither a name nor a byline's stamp or role: the entries of a list (its
    videos, other stories) set as headings, "##### Ann Lee 400 m" / "##### Tom Park Eastside",
    whose last entry's name stands over the story's stamp. (A byline block set as headings,
    "#### Ann Lee" / "#### Tom Park" / "#### March 3, 2019", has nothing else; its outlet or
    its dateline's place, "#### Harbour Gazette" / "#### Harbor City", is a byline's part too:
    a few words with no figure, where an entry goes on past its name or counts.)"""
    level = lines[i].heading
    if not level:
        return False

    def byline_part(line: Line) -> bool:
        return (rules.is_name_line(line, in_block=True) or rules.is_author_marker(line)
                or rules.is_stamp(line) or bool(rules.full_dates(line.text))
                or line.words <= BYLINE_PART_WORDS and not re.search(r"\d", line.text))

    first, last = _run_around(lines, i, lambda x: x.heading == level)
    return last - first + 1 >= HEADING_RUN and not all(byline_part(lines[j]) for j in range(first, last + 1))


def _in_byline_block(lines: list[Line], i: int) -> bool:
    """The name on line i is one of a byline block's names set one a list item, as a page's
    list of author links comes out ("* Ann Lee" / "* Tom Park" / "* March 3, 2019"): only the
    name next to the stamp stands beside a marker, but every name of the list is the byline's.
    Only list items: each is an element of its own on the page, and a short list with a stamp
    among its items is one block. (Plain lines run together from anything above: "Ann Lee" /
    "Tom Park" / stamp may be a teaser's name over the byline.) A list of names with no stamp
    is a list of the people a story is about, or its tags."""
    if not lines[i].item:
        return False
    first, last = _run_around(lines, i, lambda x: x.item and rules.is_name_line(x, in_block=True))
    top, bottom = _run_around(lines, i, lambda x: x.item)
    if last - first + 1 > BLOCK_NAMES or bottom - top + 1 > BLOCK_ITEMS:
        return False
    return any(rules.is_author_marker(x) for x in lines[max(0, top - 1): bottom + 2])


def _signed_with_role(lines: list[Line], i: int) -> bool:
    """A name on its own line among the last lines is the writer's when a role, "Author" or a
    contact line stands beside it as _beside_marker reads them ("Ann Lee" / "Staff Writer"),
    or the name is repeated. A date beside a name there is a teaser's: a list of other
    stories, each with its date and its section ("March 3, 2024" / "Harbor Notes" / teaser);
    how long ago, a reader's comment's ("Tom Park" / "3 hours ago" / "Great piece")."""
    def dated(line: Line) -> bool:
        return rules.is_stamp(line) or bool(rules.full_dates(line.text)) or rules.time_ago(line)

    # (In a contact block, "Media contact:" / "Ann Lee" / "Harbor Ferries" / "ann@...", the
    # names are whom to call - unless a journalist's role under the name makes the box the
    # writer's own, "Contact" / "Ann Lee" / "Staff Writer" / "ann@...".)
    if any(rules.is_contact_heading(lines[j]) for j in range(max(0, i - CONTACT_BLOCK_LINES), i)) \
            and not (i + 1 < len(lines) and rules.writer_role_line(lines[i + 1])):
        return False
    return _beside_marker(lines, i) and not any(dated(lines[j]) for j in (i - 1, i + 1) if 0 <= j < len(lines))


def _beside_marker(lines: list[Line], i: int, repeat: bool = True) -> bool:
    """A name on its own line is a byline when a stamp, a role, a date or "Author" stands just
    before or after it, or when the name is repeated (a byline block and its profile card;
    not with repeat=False). (A contact line, "Follow" or a handle, marks the name above it
    only: the name below one heads the next block, "Follow" / "Harbor Apps", "@annlee" /
    "Quick Facts".)"""
    for j in (i - 1, i + 1):
        if 0 <= j < len(lines) and (rules.is_author_marker(lines[j]) and not (j < i and rules.is_contact_marker(lines[j]))
                                    or repeat and lines[j].text == lines[i].text
                                    and not _entry_shown_twice(lines, min(i, j))):
            return True
    return False


def _entry_shown_twice(lines: list[Line], first: int) -> bool:
    """The pair of equal lines at first, first + 1 is one entry of a list whose entries each
    show their title twice (a picture's alt text and its link) over a line of their own, as
    the one above or below it does: "Cabbage diet" / "Cabbage diet" / summary / "Tom Park" /
    "Tom Park" / summary. (A byline and its profile card name the writer twice once.)"""
    def pair(k: int) -> bool:
        return 0 <= k and k + 1 < len(lines) and lines[k].text == lines[k + 1].text

    return pair(first - 3) or pair(first + 3)


# --- dates ---------------------------------------------------------------------------------


# The words right before a date that make it the stamp of a page's last change.
# ("Last edited on", "Page last modified:", "This article was updated on"; not a sentence of the
# story, "the rules were changed on 9 June 2021", whose day is an event's.)
_EDIT_STAMP = re.compile(r"(?:\blast\s+|\b(?:page|article|story|post|entry)\s+(?:was\s+)?(?:last\s+)?)"
                         r"(?:edited|modified|updated|revised|changed)(?:\s+(?:on|at))?[:\s]*$", re.I)


def find_dates(lines, header, body_at, used, title_at=None, page_copied=False) -> tuple[str | None, str | None, str]:
    """Published (and updated) date: a byline or dateline date first, else the latest full
    date the story gives for its events (a bare "Oct. 28" takes the year of the nearest full
    date), else a caption's or a stamp's date; else nothing."""
    # The byline's own lines first, then the header below the headline, then above it (a
    # masthead above the headline shows the day the page was read, and menus list other stories).
    above = (lambda i: i < title_at) if title_at is not None else (lambda i: False)
    # A slashed date either order could read is read as the header's worded dates are written
    # (the header's only: a story quoting a date in another language, "a report published
    # 'martes, 5 marzo 2019'", says nothing of how its own byline writes one); and not in a text
    # that writes an English worded date anywhere.
    header_text = "\n".join(lines[i].text for i in header if i < body_at)
    day_first = ("/" in header_text and rules.writes_day_first(header_text)
                 and not rules.writes_english_date("\n".join(line.text for line in lines)))

    def dates_outside_addresses(text):
        return rules.dates_outside_addresses(text, day_first)

    # A date written where a reader sees it first; one inside a web address the text shows
    # ("https://example.org/2023/11/05/...") only when the header has no other.
    published, updated = _header_dates(lines, header, used, above, dates_outside_addresses, page_copied)
    if not (published or updated) and any("/" in lines[i].text for i in header):
        published, updated = _header_dates(lines, header, used, above,
                                           lambda text: rules.full_dates(text, day_first), page_copied)
    # A "Published ..." stamp below the story (some pages put the byline block at the end).
    # (It beats a date found only above the headline, which a masthead shows as the day the
    # page was read: "Wednesday, March 6, 2019 Lisbon" over the headline, "Published: March 5,
    # 2019" under the story.)
    if not published:
        for line in lines:
            if rules.is_stamp(line) and re.match(r"(?i:published|posted|first published)", line.text):
                dates = dates_outside_addresses(line.text)
                if dates:
                    return dates[0][1], updated, "stamp"
        field = _date_field(lines, body_at, dates_outside_addresses)
        if field:
            return field, updated, "stamp"
    elif _only_above(lines, header, above, published):
        stamp = _published_stamp_below(lines, header, published)
        if stamp:
            return stamp, updated, "stamp"
    if published:
        return published, updated, "byline" if any(i in used for i in header) else "dateline"

    story, weak = [], []
    full: list[tuple[int, date]] = []
    for i, line in enumerate(lines):
        if rules.is_copy_stamp(line, page_copied):
            continue
        for position, raw in dates_outside_addresses(line.text):
            # "This page was last edited on 14 May 2025": the page's stamp of its last change,
            # not a day the story gives for its events.
            if _EDIT_STAMP.search(line.text[max(0, position - 40):position]):
                updated = updated or raw
                continue
            day = rules.parse_day(raw)
            if day:
                full.append((i, day))
                target = weak if (rules.is_caption(line) or rules.is_stamp(line) or i < body_at) else story
                target.append((day, raw))
    for i in range(body_at, len(lines)):
        line = lines[i]
        if rules.is_caption(line) or rules.is_furniture(line) or not full:
            continue
        for match in rules.MONTH_DAY.finditer(line.text):
            nearest = min(full, key=lambda item: abs(item[0] - i))[1]
            month = rules.MONTHS[re.match(r"[A-Za-z]+", match.group(0)).group(0).casefold()]
            day_number = int(re.match(r"\d+", match.group(1)).group(0))
            try:
                day = date(nearest.year, month, day_number)
            except ValueError:
                continue
            story.append((day, day.isoformat()))
    if story:
        # The header gives only when the story was updated, and the story's latest day is
        # before it: the publication lies between the two, and a story is updated soon after it
        # is published far more often than its events are reported the day they happen (its
        # latest day may be background, "in a letter dated ..."); the updated day is the nearer.
        changed = rules.parse_day(updated) if updated else None
        if changed and max(story)[0] < changed:
            return updated, updated, "stamp"
        return max(story)[1], updated, "text"
    if weak:
        return max(weak)[1], updated, "caption"
    return None, updated, ""


# A field of the page's facts labelled "Date" and nothing else, its date beside it or on the
# line below ("Date 05.03.2019", "Datum: 5. März 2024"), as news sites list a story's date,
# author and keywords in a box under it.
_DATE_FIELD_LABEL = re.compile(r"(?i:date|datum|fecha)(?!\w)\s*:?\s*")
_DATE_FIELD_WORDS = 6  # "Tuesday, March 5, 2024 10:00 AM"


def _story_end(lines, body_at: int) -> int:
    """The story's last paragraph: not a field of a box below it, "* **Feedback**: Send us an
    e-mail ...", nor another story's teaser inside a link, "[![...](/i.jpg) Wine festival
    19.07.2019 Swiss and tourists ...](/a/2)", nor a line under the heading of a list of other
    stories ("Related content") or of the comments after two of its paragraphs."""
    paragraphs, last = 0, -1
    for i in range(body_at, len(lines)):
        line = lines[i]
        if rules.is_paragraph(line) and not line.item and sum(len(words) for words, _ in line.links) < len(line.text) / 2:
            paragraphs, last = paragraphs + 1, i
        elif paragraphs >= 2 and (rules.is_list_heading(line) or rules.is_comments_heading(line)):
            break
    return last


def _date_field(lines, body_at: int, dates_of) -> str | None:
    """The date of the one field labelled "Date" (_DATE_FIELD_LABEL) whose value is a whole date
    and nothing more, set below the story's last paragraph (a box of the story's facts); none
    when the text has two such fields with different days (a list's). (A field inside the story
    is an event's: "Date: Saturday, April 12" over "Time:" and "Place:" in a notice.)"""
    found = set()
    last_paragraph = _story_end(lines, body_at)
    for i, line in enumerate(lines[last_paragraph + 1:], start=last_paragraph + 1):
        label = _DATE_FIELD_LABEL.match(line.text)
        if not label:
            continue
        value = line.text[label.end():].strip()
        if not value and i + 1 < len(lines):
            value = lines[i + 1].text.strip()  # (the value set on a line of its own below)
        # (A date and its clock at most: "Date: March 5, 2024 at the town hall" is an event's.)
        dates = dates_of(value) if value and len(value.split()) <= _DATE_FIELD_WORDS else []
        if len(dates) == 1 and dates[0][0] == 0:
            found.add(dates[0][1])
    return found.pop() if len(found) == 1 else None


def _published_stamp_below(lines, header, masthead: str) -> str | None:
    """The date of the one "Published" stamp below the header, when it is no later than the
    day the masthead shows (the day the page was read). "Posted" stamps below the story are
    as often a comment's or another story's in a list ("Posted on March 1, 2019"), and so
    are two stamps or more, or a stamp after the masthead's day."""
    last = max(header, default=-1)
    found = [dates[0][1] for line in lines[last + 1:]
             if rules.is_stamp(line) and re.match(r"(?i:(?:first\s+)?published)", line.text)
             and (dates := rules.dates_outside_addresses(line.text))]
    if len(set(found)) != 1:
        return None
    stamp, read_on = rules.parse_day(found[0]), rules.parse_day(masthead)
    return found[0] if stamp and (read_on is None or stamp <= read_on) else None


def _only_above(lines, header, above, raw: str) -> bool:
    """Whether the header writes this date only on lines above the headline (as written: a
    date found rewritten, a slashed one as ISO, is not known to be, and stays)."""
    where = [i for i in header if raw in lines[i].text]
    return bool(where) and all(above(i) for i in where)


def _header_dates(lines, header, used, above, dates_of, page_copied=False) -> tuple[str | None, str | None]:
    """The published and updated dates of the header's lines (the byline's own first, then
    those below the headline, then above it), as dates_of finds them in a line."""
    published = updated = None
    for i in sorted(header, key=lambda i: (i not in used, above(i), i)):
        line = lines[i]
        if line.words > 30 or rules.is_caption(line) or rules.is_copy_stamp(line, page_copied):
            continue
        text = line.text
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if nxt is not None and nxt.wrapped and nxt.words <= 6 and not dates_of(text):
            # A date wrapped onto the next line ("Published December" / "16, 2016").
            text = rules.joined(line, nxt).text
        unlabelled = []
        for position, raw in dates_of(text):
            if position >= len(line.text):
                continue  # wholly on the next line: read there
            # The label is near its date: a window, not the whole line before it, which made a
            # line of thousands of dates ("12/12/12/...", no space: one word) quadratic.
            before = text[max(0, position - 200):position]
            if not before.strip() and i > 0 and lines[i - 1].words <= 3:
                before = lines[i - 1].text + " "  # a label on the line above: "Updated:" / date
            # The label nearest the date names it: "Updated Oct 29; Published Oct 28" (or
            # "Mis à jour le ...; Publié le ..."), unless a field's bar comes between them.
            label = next(reversed(list(rules.DATE_LABEL.finditer(before))), None)
            if label and label.group("updated") and not re.search(r"[|•·]", before[label.end():]):
                updated = updated or raw
            elif published is None:
                unlabelled.append((position, raw))
        if unlabelled:
            published = unlabelled[0][1]
            # Two days run together with no label ("March 3, 2023June 8, 2024 by A", a
            # page's hidden "updated" stamp run into its "published" one): a story is updated
            # after it is published, so the earlier day is the publication. (Two days apart
            # in a line are what it says they are: the first stays.)
            if len(unlabelled) > 1:
                (at, first), (second_at, second) = unlabelled[:2]
                days = rules.parse_day(first), rules.parse_day(second)
                between = text[at + len(first): second_at]
                if all(days) and days[0] != days[1] and re.fullmatch(r"[\s|•·,/–—-]{0,3}", between):
                    earlier, later = (first, second) if days[0] < days[1] else (second, first)
                    published, updated = earlier, updated or later
    return published, updated


# --- outlet --------------------------------------------------------------------------------


def find_outlet(lines, body_at, tail, organisation) -> tuple[str | None, str]:
    """Who published the story, only where the text says: a wire agency in the dateline or
    byline, the outlet an author bio names, the outlet naming itself, a subscription block or
    a copyright line."""
    for line in lines[body_at: body_at + 3]:
        agency = rules.dateline_agency(line)
        if agency:
            return agency, "dateline"
    if organisation:
        return organisation, "byline"
    for line in lines[:body_at]:
        agency = rules.agency_line(line)
        if agency:
            return agency, "byline"
    for i in tail:
        _, outlet = rules.bio(lines[i])
        if outlet:
            return outlet, "bio"
    for rule, source in ((rules.self_named_outlet, "text"), (rules.subscribe_outlet, "subscription"),
                         (rules.supporting_outlet, "subscription"), (rules.copyright_outlet, "copyright")):
        for line in lines:
            outlet = rule(line)
            if outlet:
                return outlet, source
    return None, ""


# --- body ----------------------------------------------------------------------------------


def body_lines(lines, title_at, body_at, used, authors) -> list[str]:
    """The story's own lines, in order: without the metadata lines, page furniture, captions,
    pitches (and the section a pitch heads), lists of other stories, bios and repeats."""
    kept: list[str] = []
    seen: set[str] = set()
    footer_at = _footer_start(lines, body_at)
    skip_until_heading = 0  # inside a pitch section: skip until a heading this level or higher
    in_list = False
    keys = [line.key for line in lines]
    for i, line in enumerate(lines):
        if skip_until_heading:
            if line.heading and line.heading <= skip_until_heading and not rules.is_pitch(line):
                skip_until_heading = 0
            else:
                continue
        if in_list:
            if line.heading or (rules.is_paragraph(line) and not line.item):
                in_list = False
            else:
                continue
        if line.heading and rules.is_pitch(line):
            skip_until_heading = line.heading
            continue
        if rules.is_list_heading(line):
            in_list = True
            continue
        if i in used or i < body_at and not rules.is_paragraph(line) or i >= footer_at:
            continue
        if (rules.is_furniture(line) or rules.is_caption(line) or rules.is_stamp(line) or rules.is_copy_stamp(line)
                or rules.is_tag_link(line) or _is_pitch_line(line) or rules.bio(line)[0] in authors and authors):
            continue
        key = keys[i]
        if key in seen:
            continue
        # A teaser cut short ("... and jolt relations") before the full paragraph.
        if line.words >= 10 and any(other.startswith(key) and len(other) > len(key)
                                    for other in keys[i + 1: i + 12]):
            continue
        seen.add(key)
        kept.append(line.text)
    return kept


# A site's copyright notice: where a page's footer starts. The word "copyright" only as a
# notice writes it - a year or a sign after it ("Copyright 2024 ...", "Copyright © ..."), or
# opening the line over the holder's name ("Copyright The Harbor Ledger"): a story's own short
# last lines speak of copyright too ("The band sued for copyright infringement.", "Copyright
# law changed in 2019."), and were cut with every line below them. A sign "(c)" stands alone:
# "clause 4(c) 2019 rules" is a clause's letter.
_COPYRIGHT_NOTICE = re.compile(r"©|(?<!\w)\(c\)\s*\d{4}|\bcopyright\s*(?:©|\(c\)|\d{4})|^\W*copyright\s+(?-i:[A-Z])|"
                               r"\ball rights reserved\b", re.I)


def _footer_start(lines: list[Line], body_at: int) -> int:
    """Where the page's footer starts below the story: a short copyright notice after the last
    paragraph, the lines below it short ones too ("© 2024 The Harbor Ledger", "Privacy",
    "Terms"), as a text browser's dump or a copy of a whole page ends. len(lines) if none."""
    end = len(lines)
    for i in range(len(lines) - 1, body_at, -1):
        line = lines[i]
        if rules.is_paragraph(line):
            break
        # (Not a picture's credit right under it, "© Tom Park": the story may go on below.)
        if (line.words <= FOOTER_NOTICE_WORDS and _COPYRIGHT_NOTICE.search(line.text) and not rules.is_caption(line)
                and line.picture_above is None):
            end = i
    return end


def _is_pitch_line(line: Line) -> bool:
    """A pitch on its own line; a sentence of the story that mentions subscriptions stays."""
    if not rules.is_pitch(line):
        return False
    return line.words <= 12 or bool(
        re.match(r"(?:sign up|subscribe|join|get|download|support|don't miss|never miss)\b", line.text, re.I))
