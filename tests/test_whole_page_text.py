"""A whole page copied as text (a browser's select-all or "save as text", a `lynx -dump`, a
converter run over the whole <body>): the site's menus above the headline, related stories
and footers below the story. The parser must find the article's own title, byline and date,
and take nothing from the chrome. Short inputs we wrote (none from ../shared), each rule with
the row it makes pass and a near-miss it must leave alone."""

from datetime import datetime, timezone

import pytest

from ingest.extract_text import extract_text
from ingest.normalise import normalise

NOW = datetime(2026, 1, 1, tzinfo=timezone.utc)
HEADLINE = "Dockers vote to end the harbour strike after ten weeks"
STORY = ("The dockers voted to end the strike after a ten-hour meeting, the union said on Monday, "
         "and the first ships were unloaded within the hour.\n\n"
         "Harbour managers said the backlog of containers would take a fortnight to clear, and that "
         "no ship would be turned away while the cranes caught up.")
# A site's menus as a copy of the page has them: one item a line, no list marks.
MENU = ("Skip to main content Skip to navigation\nThe Harbor Ledger\nNews\nWorld news\nPorts\nShipping\n"
        "Business\nClimate & Environment\nOpinion\nSport\nCulture\nLifestyle\nMore")
# A site's footer below the story: its legal notices and links.
FOOTER = "© 2026 The Harbor Ledger\nPrivacy Policy\nTerms of Use\nContact us"


def parse(text: str, markdown: bool = False):
    return normalise(extract_text(text, markdown=markdown), NOW)


def lines_of(text: str):
    from ingest.text_rules import read_lines
    return read_lines(text)


@pytest.mark.parametrize("text, whole", [
    # The site's menu above the story and its footer below: a whole page.
    (f"{MENU}\n\n{HEADLINE}\n\n{STORY}\n\n{FOOTER}", True),
    # A menu of twice MENU_RUN items above the story is a site's, footer or not.
    (f"{MENU}\n\n{HEADLINE}\n\n{STORY}", True),
    # A menu's items as a Markdown list, a footer's links as another below the last paragraph.
    ("* [News](/news)\n* [Ports](/ports)\n* [Shipping](/shipping)\n* [Opinion](/opinion)\n\n"
     f"# {HEADLINE}\n\n{STORY}\n\n* [Careers](/careers)\n* [Jobs](/jobs)\n* [Corrections](/corrections)\n* [Archive](/archive)",
     True),
    # Near-misses, an article's own text: short lines over the story that are its byline block
    # (a name's line ends a run), its tags (four, no footer), its footer alone (no menu above).
    (f"{HEADLINE}\n\nAnn Lee\nPorts Editor\nHarbor Desk\nLisbon\n\n{STORY}", False),
    (f"Ports\nShipping\nStrikes\nUnions\n\n{HEADLINE}\n\n{STORY}", False),
    (f"{HEADLINE}\n\n{STORY}\n\n{FOOTER}", False),
    # (A story that is about privacy is no footer: a legal notice is a short line.)
    (f"Ports\nShipping\nStrikes\nUnions\n\n{HEADLINE}\n\n{STORY}\n\nThe union said the port's new cameras broke "
     "the privacy rules that the dockers had won in the last strike, and it would take the matter to court.", False),
])
def test_a_whole_page_is_told_from_an_articles_own_text(text, whole):
    from ingest.extract_text import whole_page
    assert whole_page(lines_of(text)) is whole


@pytest.mark.parametrize("top", [
    # The site's menus, then the headline block: kicker, headline, standfirst, a video's
    # caption, the writers and the date, then the story.
    f"{MENU}\n\nHarbour strike\n\n{HEADLINE}\n\nThe union's members backed the deal by a wide margin "
    "after the port offered a rise of four per cent over two years\n\n"
    "Cranes stand idle at the container terminal on Sunday – video\n\nAnn Lee and Tom Park\n\n"
    "Tue 3 Mar 2026 10.15 EST",
    # Menu items of four words among the short ones, and the headline given twice (once with the
    # site's name, as the page's title), a share bar between.
    f"{MENU}\nLife in the Port\nContact\n\n{HEADLINE} | The Harbor Ledger\n\nShare\nTwitter\nFacebook\n\n{HEADLINE}",
    # A long menu that runs past the first sixty lines of the text.
    "\n".join(f"Section {n}" for n in range(70)) + f"\n\n{HEADLINE}\n\nBy Ann Lee\n\nMarch 3, 2026",
])
def test_the_headline_of_a_whole_page_is_found_above_the_story(top):
    assert parse(f"{top}\n\n{STORY}").title == HEADLINE


@pytest.mark.parametrize("text, title", [
    # No menu above: a text that is the article's region. A video's title over the story is no
    # headline when the text opens with one; the first line that reads as a headline stays.
    (f"{HEADLINE}\n\nShare\nTwitter\nVideo\ntranscript\n-0:00\ntranscript\n"
     f"Cranes stand idle at the terminal as talks resume\n\n{STORY}", HEADLINE),
    # Short menu items only a few lines up, then two long lines: not a whole page's menu (it
    # takes MENU_RUN short items in a row), so the first headline-like line stays.
    (f"Ports Weekly review of shipping news\nNews\nPorts\n{HEADLINE}\n"
     f"Cranes stand idle at the terminal as talks resume\n\n{STORY}", "Ports Weekly review of shipping news"),
])
def test_without_a_menu_above_the_first_headline_stays(text, title):
    assert parse(text).title == title


@pytest.mark.parametrize("text", [
    # Near-misses, an article's own text (no site menu and footer around it): four tags over a
    # photo's title above the story are no menu ending the block over the story, and the first
    # line that reads as a headline stays the title.
    f"{HEADLINE}\n\nPorts\nShipping\nStrikes\nUnions\n\nCranes stand idle at the terminal as talks resume\n\n{STORY}",
    # Seventy short lines of the story's own (a table's rows) count toward the top window: a
    # teaser's headline over its byline further down is not looked at.
    HEADLINE + "\n\n" + "\n".join(f"Berth {n} idle." for n in range(70))
    + f"\n\nFerry fares rise again on the northern route\n\nBy Tom Park\n\n{STORY}",
])
def test_an_articles_own_short_lines_are_no_menu(text):
    assert parse(text).title == HEADLINE


def test_long_lines_still_count_toward_the_top_window():
    # Only short lines (menu items) are passed over when the byline rule looks for the top of
    # the page: seventy teasers of other stories are not a menu, and a byline below them is
    # not the first story's (the first line that reads as a headline stays the title).
    teasers = "\n\n".join(f"Ferry fares rise again on route {n} this spring" for n in range(70))
    assert parse(f"{teasers}\n\n{HEADLINE}\n\nBy Ann Lee\n\n{STORY}").title == "Ferry fares rise again on route 0 this spring"


@pytest.mark.parametrize("top, authors", [
    # A "By" line among the site's menu items (a column named for its writer), far above an
    # article that has no byline of its own: no author.
    ("Home\nOpinion\nPhotos\nVideos\nPodcast\nBy Sue Ray\nLetters\nPuzzles\nWeather\n\n"
     "Ferry fares rise again this spring\n\nPorts\nShipping\nBusiness\nCulture\nLifestyle\n\n"
     f"{HEADLINE}", []),
    # Near-miss: the byline block set just above the headline, below the menus, stays.
    (f"{MENU}\n\nBy Ann Lee\n\nMarch 3, 2026\n\n{HEADLINE}", ["Ann Lee"]),
    (f"{MENU}\n\nAnn Lee\n\nPorts\n\n3.3.2026 09:00\n\n{HEADLINE}", ["Ann Lee"]),
])
def test_bylines_above_the_headline_only_below_the_menus(top, authors):
    assert parse(f"{top}\n\n{STORY}\n\n{FOOTER}").authors == authors


def test_an_articles_byline_over_its_tags_and_headline_stays():
    # Near-miss: an article's own text (no site menu and footer around it) with its byline over
    # its tags over the headline: the tags are no menu that hides the byline above them.
    assert parse(f"By Sue Ray\n\nPorts\nShipping\nStrikes\nUnions\n\n{HEADLINE}\n\n{STORY}").authors == ["Sue Ray"]


BLURBS = ("These are the topics that drive our newsroom, from the ports to the markets that depend on "
          "them every single day.\nFeatured\nOur weekly guides explain the shipping trade to the rest of us, with something "
          "fresh every morning, afternoon and weekend.\nBecome a member\n")


@pytest.mark.parametrize("top", [
    # A mega-menu's blurbs are paragraphs, but each stands alone among the menu's items: the
    # story starts at two paragraphs together, and a blurb above the headline ends its block.
    f"{MENU}\n{BLURBS}HARBOUR NEWS\n\n{HEADLINE}\n\nCranes at the terminal. Photo: Sue Ray/Harbor Ledger\n\n"
    "By Ann Lee\n\nPublished March 3, 2026",
    # Near-miss: the standfirst (a sentence) right under the headline stays in the block.
    f"{MENU}\n\n{HEADLINE}\n\nThe union's members backed the deal by a wide margin after the port offered a "
    "rise of four per cent over two years.\n\nBy Ann Lee\n\nPublished March 3, 2026",
])
def test_a_menus_blurbs_are_not_the_story(top):
    article = parse(f"{top}\n\n{STORY}")
    assert (article.title, article.authors) == (HEADLINE, ["Ann Lee"])


def test_a_caption_between_the_first_two_paragraphs():
    # The story starts at its first paragraph even when the lead photo's caption follows it.
    first, second = STORY.split("\n\n")
    text = (f"{MENU}\n\n{HEADLINE}\n\nShare\n\nPorts\n\nMarkets\n\nShipping\n\n{first}\n\n"
            f"Cranes at the terminal. Image source: Getty Images.\n\n{second}")
    assert parse(text).title == HEADLINE


@pytest.mark.parametrize("top, title", [
    # The logo as a level-1 heading at each of the page's layouts, then the headline.
    ("# The Harbor Ledger\n\n# The Harbor Ledger\n\n# The Harbor Ledger\n\n* [News](/news)\n* [Ports](/ports)\n"
     f"* [Shipping](/shipping)\n* [Opinion](/opinion)\n\n# {HEADLINE}", HEADLINE),
    # The logo, a link to the home page, as the only level-1 heading; the headline a minor one.
    (f"# [The Harbor Ledger](https://example.org/)\n\n## Site Navigation\n\n* [News](/news)\n\n## {HEADLINE}",
     HEADLINE),
    # Near-misses: the headline shown twice as a level-1 heading, and no other, stays; a lone
    # logo with no minor heading below it stays the title (test_extract_text has that row).
    (f"# {HEADLINE}\n\n* [Share](/share)\n\n# {HEADLINE}", HEADLINE),
    ("# The Harbor Ledger\n\n# The Harbor Ledger\n\n## Ports\n\n* [News](/news)", "The Harbor Ledger"),
])
def test_a_logo_as_a_level_one_heading_is_not_the_headline(top, title):
    assert parse(f"{top}\n\n{STORY}\n\n{FOOTER}", markdown=True).title == title


def test_an_articles_headline_shown_twice_as_level_one_stays():
    # Near-miss: an article's own text (no menu, no footer) that gives its headline twice as a
    # level-1 heading, a section of the story as another: the repeated one is no logo there.
    text = f"# {HEADLINE}\n\n* [Share](/share)\n\n# {HEADLINE}\n\n{STORY}\n\n# What the union wants next\n\n{STORY}"
    assert parse(text, markdown=True).title == HEADLINE


TICKER = "HPH: Harbor\nMarket cap\nToday's change\nCurrent price\nTrading volume\n"


@pytest.mark.parametrize("text, title", [
    # Short lines in a row between the headline and the story are a box in the block (a
    # stock's ticker, a gallery's controls), not the menu that ends it.
    (f"Life in the Port\n{MENU}\n\n{HEADLINE}\n\nShare\n\n{TICKER}\n{STORY}", HEADLINE),
    # Near-miss: a headline above the site's menu is not the block's: the first line that
    # reads as a headline stays the title, as when no menu is found.
    (f"Life in the Port\n\n{HEADLINE}\n\n{MENU}\n\n{TICKER}\n{STORY}", "Life in the Port"),
])
def test_short_lines_below_the_headline_do_not_end_the_block(text, title):
    assert parse(text).title == title


@pytest.mark.parametrize("byline, published, updated", [
    # A page's hidden "updated" stamp run into its "published" one on the byline's line: a
    # story is updated after it is published, so the earlier day is the publication.
    ("December 10, 2025April 9, 2024 by Ann Lee", "2024-04-09", "2025-12-10"),
    ("April 9, 2024 December 10, 2025 by Ann Lee", "2024-04-09", "2025-12-10"),
    # Near-misses: one date on the line stays as it is, and the rule reads one line at a time
    # (the byline's own line first, as before).
    ("April 9, 2024 by Ann Lee", "2024-04-09", None),
    ("By Ann Lee | March 5, 2025\n\nMarch 1, 2025", "2025-03-05", None),
    # (Two days apart in a line, words between them, are read as the line gives them.)
    ("By Ann Lee, March 5, 2025, on the strike that began March 1, 2025", "2025-03-05", None),
])
def test_two_days_on_the_bylines_line(byline, published, updated):
    article = parse(f"{HEADLINE}\n\n{byline}\n\n{STORY}")
    assert (article.published[:10], article.updated and article.updated[:10]) == (published, updated)


@pytest.mark.parametrize("footer, published, updated", [
    # A page's footer stamp of its last change is no day the story gives for its events.
    ("This page was last edited on 14 May 2025, at 13:18 (UTC).", None, "2025-05-14"),
    ("Page last modified: 14 May 2025", None, "2025-05-14"),
    # Near-miss: a day the story gives stays the published day, as before.
    ("The port reopened on 14 May 2025, a week after the vote.", "2025-05-14", None),
    ("The harbour rules were changed on 14 May 2025, the union said.", "2025-05-14", None),
])
def test_a_last_edited_stamp_is_no_published_day(footer, published, updated):
    article = parse(f"{HEADLINE}\n\n{STORY}\n\n{footer}")
    assert (article.published and article.published[:10], article.updated and article.updated[:10]) == (published, updated)


@pytest.mark.parametrize("top, title", [
    # The section's name as the level-1 heading, buttons, then the headline as a minor heading
    # with its byline right below it.
    (f"# Harbor Health Centre\n\nFont Size\n\n[A](#)\n\n[A](#)\n\n## {HEADLINE}\n\nBy [Ann Lee](/ann-lee)", HEADLINE),
    # Near-misses: a standfirst set as a minor heading right under the headline, and a minor
    # heading with no byline below it, leave the level-1 heading the title.
    (f"# {HEADLINE}\n\n## The union's members backed the deal by a wide margin\n\nBy Ann Lee", HEADLINE),
    (f"# Harbor Health Centre\n\nFont Size\n\n## {HEADLINE}\n\nMarch 3, 2025", "Harbor Health Centre"),
])
def test_a_headline_under_a_sections_level_one_heading(top, title):
    assert parse(f"{MENU}\n\n{top}\n\n{STORY}\n\n{FOOTER}", markdown=True).title == title


def test_an_articles_standfirst_as_a_minor_heading_below_buttons_stays_a_standfirst():
    # Near-miss: an article's own text, its headline, buttons, then its standfirst set as a
    # minor heading over the byline: the level-1 heading is the headline.
    text = (f"# {HEADLINE}\n\nListen\n\nShare\n\nSave\n\n## The union's members backed the deal by a wide margin"
            f"\n\nBy Ann Lee\n\n{STORY}")
    assert parse(text, markdown=True).title == HEADLINE


@pytest.mark.parametrize("end, authors", [
    # A footer's list of links below the story: its "by" item credits the site's makers.
    ("* Terms of use\n* Maps by Tom Park\n* Contact", []),
    # Near-misses: a sign-off on its own, or a list's last item, is still read.
    ("By Ann Lee", ["Ann Lee"]),
    ("* Ports\n* By Ann Lee", ["Ann Lee"]),
])
def test_a_footers_links_are_no_sign_off(end, authors):
    assert parse(f"{MENU}\n\n{HEADLINE}\n\n{STORY}\n\n{STORY}\n\n{end}", markdown=True).authors == authors


@pytest.mark.parametrize("end", ["* Ports\n* By Ann Lee\n* Harbor Desk", "* Share\n* Written by Ann Lee\n* Email the writer"])
def test_an_articles_sign_off_among_list_items_stays(end):
    # Near-miss: an article's own text (no site menu above it) that signs off inside a list.
    assert parse(f"{HEADLINE}\n\n{STORY}\n\n{STORY}\n\n{end}", markdown=True).authors == ["Ann Lee"]


def tight(text: str) -> str:
    """The text with single line breaks only, as a browser's copy often parts its blocks."""
    return "\n".join(line for line in text.split("\n") if line.strip())


@pytest.mark.parametrize("text, title", [
    # A whole page copied with no blank lines: the headline is a line like any other.
    (tight(f"{MENU}\n\nHarbour strike\n\n{HEADLINE}\n\nBy Ann Lee\n\nTue 3 Mar 2025 10.15 EST\n\n{STORY}"), HEADLINE),
    (tight(f"{MENU}\n\n{HEADLINE}\n\nShare\n\nTwitter\n\n{STORY}"), HEADLINE),
    # Lines that open with a small letter but no sentence: brands' names and buttons in a menu.
    (tight(f"{MENU}\niPhone 15\niPad Air\neBay deals\nclose\n\n{HEADLINE}\n\nBy Ann Lee\n\n{STORY}"), HEADLINE),
    # Near-miss: a copy that sets every piece of text on a line, a link's words apart from the
    # sentence around them, is not one block a line: its lines still go on from the one above.
    # (Read as one block a line, the affiliation shown twice would be taken for the headline.)
    ("\n".join(["New Results", HEADLINE, "Ann", "Lee", "Harbor Institute of Shipping Studies", "Tom", "Park",
                "Harbor Institute of Shipping Studies", "The dockers voted to end the strike after a meeting with",
                "the Harbor Ledger", "and the union, the port said on Monday, and the first ships",
                "were unloaded within the hour, while", "managers", "said the backlog would take",
                "a fortnight to clear.", "Cranes stood idle", "for ten weeks."]), HEADLINE),
])
def test_a_page_copied_with_single_line_breaks(text, title):
    assert parse(text).title == title


@pytest.mark.parametrize("text", [
    f"{HEADLINE}\n\nShare\nTwitter\nFacebook\n\nAnn Lee\n\nMarch 3, 2025\n\n{STORY}",
    f"{MENU}\n\n{HEADLINE}\n\nCranes at dawn. Photo: Sue Ray/Harbor Ledger\n\nShare\n\nBy Ann Lee\n\n{STORY}",
])
def test_below_worked_out_once_gives_what_the_scan_gives(text):
    # _below with the whole text's nearest-line table (linear) answers as the scan up past
    # captions and buttons from each line did (quadratic on a long share bar).
    from ingest import extract_text as module
    from ingest.text_rules import read_lines

    lines = read_lines(text)
    page = module._WholeText(lines)
    for anchors in ({0}, {0, 3}, {2, None}, {len(lines) - 3}):
        for i in range(len(lines)):
            assert module._below(lines, i, anchors, page) == module._below(lines, i, anchors), (i, anchors)


@pytest.mark.parametrize("above, authors", [
    # A research unit's name as the menu's last item, right above the byline block: no person.
    ("Harbor Robotics Lab\nAnn Lee\nPorts\n3.3.2026 09:00", ["Ann Lee"]),
    # Near-miss: a writer whose name holds the letters of one ("Laborde") is a person still.
    ("Harbor Robotics Lab\nTom Laborde\nPorts\n3.3.2026 09:00", ["Tom Laborde"]),
])
def test_a_labs_name_is_no_writer(above, authors):
    assert parse(f"{MENU}\n{above}\n\n{HEADLINE}\n\n{STORY}\n\n{FOOTER}").authors == authors
