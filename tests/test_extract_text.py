"""Each rule of the text/Markdown parser on short inputs we wrote, then the whole parser."""

import textwrap
from datetime import date, datetime, timezone

import pytest

from ingest import text_rules as rules
from ingest import extract_text as extract_module
from ingest.extract_text import extract_text
from ingest.normalise import normalise
from ingest.text_rules import Line, read_lines

NOW = datetime(2026, 1, 1, tzinfo=timezone.utc)


def line(text: str) -> Line:
    (only,) = read_lines(text)
    return only


# --- Markdown taken apart ------------------------------------------------------------------


@pytest.mark.parametrize("raw, text, heading, item", [
    ("# The harbour strike ends", "The harbour strike ends", 1, False),
    ("### Section ###", "Section", 3, False),
    ("Read [the report](https://example.org/r) today", "Read the report today", 0, False),
    ("![a crane](img.jpg) Cranes stand idle", "Cranes stand idle", 0, False),
    ("[![photo](a.jpg)](https://example.org)Dock", "Dock", 0, False),
    ("* First point", "First point", 0, True),
    ("2. Second point", "Second point", 0, True),
    ("13. Oktober 2025", "13. Oktober 2025", 0, False),  # a day-first date, not item 13
    # a text browser's third-level bullet, indented; not a sentence's "o" nor one at the margin
    ("        o Harbour News", "Harbour News", 0, True), ("    o 2025 Season", "2025 Season", 0, True),
    ("        o porto è chiuso", "o porto è chiuso", 0, False), ("o Harbour News", "o Harbour News", 0, False),
    ("3. October was the day", "October was the day", 0, True),
    ("**Bold** and _slanted_ words", "Bold and slanted words", 0, False),
    ("*[ Ann Lee ](/in/ann-lee)*", "Ann Lee", 0, False),  # spaces inside a link in emphasis
    ("[Ann Lee](/a)[ Twitter](/t) Writer", "Ann Lee Twitter Writer", 0, False),  # ...part words elsewhere
    # emphasis around a link's whole text goes (and the button glued to the name is set apart)
    ("[Ann Lee](/a)[_Twitter_](/t)", "Ann Lee Twitter", 0, False),
    ("Ann Lee*•*October 3, 2016", "Ann Lee•October 3, 2016", 0, False),  # "*" works inside words
    # a joining word glued to the link before it is a word of its own; a word's own end is not
    ("[Harbor Ledger](/h)and", "Harbor Ledger and", 0, False),
    ("[Ann Lee](/a)and [Tom Park](/t)", "Ann Lee and Tom Park", 0, False),
    ("[Ann Lee](/a)andrew", "Ann Leeandrew", 0, False),
    ("*clock*2024/10/28", "clock 2024/10/28", 0, False),  # an icon's name, then the date
    ("The harbour_master_log file", "The harbour_master_log file", 0, False),  # "_" does not
    ("Ann Lee **|** Oct 3", "Ann Lee | Oct 3", 0, False),
    ("Rates * and * costs", "Rates * and * costs", 0, False),  # spaced stars are not emphasis
    (r"Costs rose 5\.2 per cent \- again", "Costs rose 5.2 per cent - again", 0, False),
    ("> A quoted line", "A quoted line", 0, False),
    # a stamp, a button or a date glued to the name before it
    ("Ann LeeUpdated March 3, 2019", "Ann Lee Updated March 3, 2019", 0, False),
    ("ANN LEEMarch 3, 2019", "ANN LEE March 3, 2019", 0, False),
    ("Ann Lee3 min read", "Ann Lee 3 min read", 0, False), ("Written byAnn Lee", "Written by Ann Lee", 0, False),
    # near-misses: capitals inside names and brands, figures inside a model's name
    ("Ann McDonald of YouTube", "Ann McDonald of YouTube", 0, False), ("A Boeing737 flew", "A Boeing737 flew", 0, False),
    # two links that touch: a comma parts a word's end from the capital that opens the next
    ("[Ann Lee](/a)[Tom Park](/t)", "Ann Lee, Tom Park", 0, False),
    ('By [Ann Lee](/a "Ann")[Tom Park](/t)[Sue Ray](/s)', "By Ann Lee, Tom Park, Sue Ray", 0, False),
    # (with a space between, when both are people's names: the page set its commas by style)
    ("[Ann Lee](/a) [Tom Park](/t)", "Ann Lee, Tom Park", 0, False),
    # near-misses: a space between links that are no names, or a word each; a bracket between
    # them, or no capital after
    ("[World News](/w) [Local News](/l)", "World News Local News", 0, False),
    ("[Ann](/a) [Lee](/l)", "Ann Lee", 0, False),
    ("[see](/a)[here](/b)", "seehere", 0, False),
    ("[Ann Lee](/a)[ Twitter](/t)", "Ann Lee Twitter", 0, False),
])
def test_markdown_lines(raw, text, heading, item):
    parsed = line(raw)
    assert (parsed.text, parsed.heading, parsed.item) == (text, heading, item)


def test_links_keep_their_targets_for_the_rules():
    parsed = line("By [Ann Lee](/authors/ann-lee) and [Tom Park](/authors/tom-park)")
    assert parsed.links == [("Ann Lee", "/authors/ann-lee"), ("Tom Park", "/authors/tom-park")]


@pytest.mark.parametrize("text, lines, links", [
    ("[Ann\nLee](/authors/ann-lee)/October 28, 2024", ["Ann Lee/October 28, 2024"], [("Ann Lee", "/authors/ann-lee")]),
    ("[Harbour strike\nends in\ndeal](/strike)", ["Harbour strike ends in deal"], [("Harbour strike ends in deal", "/strike")]),
    # the line that closes one link opens the next: every break inside a link is undone
    ("By [Ann\nLee](/a/ann) and [Tom\nPark](/a/tom) in Lisbon", ["By Ann Lee and Tom Park in Lisbon"],
     [("Ann Lee", "/a/ann"), ("Tom Park", "/a/tom")]),
    ("[Ann\nLee](/a/ann) and [Tom\n\nPark](/a/tom)", ["Ann Lee and [Tom", "Park](/a/tom)"], [("Ann Lee", "/a/ann")]),  # a blank line: no link
    ("[1] a note\nThe story goes on.", ["[1] a note", "The story goes on."], []),  # closed on its own line
    ("[draft\nThe story goes on.", ["[draft", "The story goes on."], []),  # never closed: two lines
    # the link's title wrapped inside its quotes, with or without the text wrapped too
    ('by [Ann Lee](/author/ann-lee "Posts by\nAnn Lee")', ["by Ann Lee"], [("Ann Lee", "/author/ann-lee")]),
    ('by [Ann\nLee](/author/ann-lee "Posts by\nAnn Lee")', ["by Ann Lee"], [("Ann Lee", "/author/ann-lee")]),
    ('A "quote\nThe story goes on.")', ['A "quote', 'The story goes on.")'], []),  # no link: two lines
    # the link's target wrapped at a "-": joined without a space
    ("[Ann Lee](/people/ann-lee?from=byline-\ncard)", ["Ann Lee"], [("Ann Lee", "/people/ann-lee?from=byline-card")]),
    ("See (this\nand that)", ["See (this", "and that)"], []),
    ('by [Ann Lee](/author/ann-lee/\n"Posts by Ann Lee")', ["by Ann Lee"], [("Ann Lee", "/author/ann-lee/")]),  # the title on the next line
])
def test_links_broken_over_lines_are_joined(text, lines, links):
    parsed = read_lines(text)
    assert [x.text for x in parsed] == lines
    assert [link for x in parsed for link in x.links] == links


def test_wrapped_lines_are_marked():
    lines = read_lines("By Ann Lee and Tom\nPark\n\nThe story\n* an item")
    assert [x.wrapped for x in lines] == [False, True, False, False]


# Prose wrapped at 60 columns, as mail or a converter with a line width writes it.
WRAPPED_STORY = textwrap.fill(
    "Dockers at the northern harbour went back to work on Monday after six weeks on strike, with a "
    "pay rise of four per cent and a shorter working week agreed late on Sunday night. The union "
    "said the deal was the best in a decade and that its members had voted for it by a wide margin "
    "at the hall. Shipping lines said the backlog of containers would take a month to clear, and "
    "that some ships would call at other ports in the meantime while the cranes were brought back. "
    "The port authority thanked both sides for their patience and said it would publish the terms "
    "of the deal in full this week.", 60)


@pytest.mark.parametrize("text, width", [
    (WRAPPED_STORY, 60),
    (WRAPPED_STORY.replace("\n", " "), None),  # one line: nothing wrapped
    ("\n".join(["Ann Lee", "March 3, 2019", "Share", "The strike ends today"] * 4), None),  # short lines
    (WRAPPED_STORY.replace("\n", "\n\n"), None),  # every line a paragraph of its own
])
def test_wrap_width(text, width):
    assert rules.wrap_width(text.split("\n")) == width


@pytest.mark.parametrize("text, lines", [
    # A headline wrapped onto a second line is one headline; the byline's break stays.
    (f"# Harbour strike ends after six weeks as dockers agree a deal\nwith the port\nBy Ann Lee\n\n{WRAPPED_STORY}",
     ["Harbour strike ends after six weeks as dockers agree a deal with the port", "By Ann Lee"]),
    # A link cut by the wrapper, and a break after a hyphen.
    (f"By [Ann\nLee](/a/ann-lee) of the harbour desk, Northern Evening-\nGazette\n\n{WRAPPED_STORY}",
     ["By Ann Lee of the harbour desk, Northern Evening-Gazette"]),
    # A link's target cut before a run of hyphens: the target has no space, it is joined whole
    # (and the link read); after a closed link the break is a space.
    (f"Written by [Ann Lee](/people/ann-lee?from=harbour_desk_byline\n-----card) on the harbour desk\n\n{WRAPPED_STORY}",
     ["Written by Ann Lee on the harbour desk"]),
    (f"Written by [Ann Lee](/people/ann-lee) for the harbour desk of\nthe Northern Evening Gazette\n\n{WRAPPED_STORY}",
     ["Written by Ann Lee for the harbour desk of the Northern Evening Gazette"]),
    (f'Written by [Ann Lee](/people/ann-lee?from=harbour_desk_byline_\n"Posts by Ann Lee"), harbour desk\n\n{WRAPPED_STORY}',
     ["Written by Ann Lee, harbour desk"]),  # the link's title after its target
    # Preformatted text laid out in columns is kept as it is.
    (f"```\nINTERNAL NOTE                     Ann Lee\nDocument: harbour-strike          Harbour Desk\n```\n\n{WRAPPED_STORY}",
     ["INTERNAL NOTE Ann Lee", "Document: harbour-strike Harbour Desk"]),
])
def test_unwrap(text, lines):
    parsed = [x.text for x in read_lines(text)]
    assert parsed[:len(lines)] == lines
    assert "Dockers at the northern harbour went back to work on Monday after six weeks" in parsed[len(lines)]


def test_rules_and_setext_headings():
    lines = read_lines("Harbour strike ends\n===\n\n---\n* * *\nDockers went back to work.")
    assert [(x.text, x.heading) for x in lines] == [("Harbour strike ends", 1), ("Dockers went back to work.", 0)]


@pytest.mark.parametrize("text, headings", [
    ("Ann Lee\n\n---\n\nMarch 3, 2024", [("Ann Lee", 0), ("March 3, 2024", 0)]),  # a rule after a blank line
    # near-misses: the underline right under its line
    ("Ann Lee\n---\n\nMarch 3, 2024", [("Ann Lee", 2), ("March 3, 2024", 0)]),
    ("Harbour strike ends\n===", [("Harbour strike ends", 1)]),
])
def test_an_underline_after_a_blank_line_is_a_rule(text, headings):
    assert [(x.text, x.heading) for x in read_lines(text)] == headings


# --- dates ---------------------------------------------------------------------------------


@pytest.mark.parametrize("text, day", [
    ("Published October 28, 2024", date(2024, 10, 28)),
    ("Mon, Oct. 28, 2024 at 9:15 a.m. ET", date(2024, 10, 28)),
    ("28 October 2024", date(2024, 10, 28)),
    ("Sept. 3 2019", date(2019, 9, 3)),
    ("2024-10-28T09:00:00Z", date(2024, 10, 28)),
    ("12/16/16 12:21pm", date(2016, 12, 16)),
    ("04.05.2015 à 13h36", date(2015, 5, 4)),
    ("11.14.2019 09:00 AM", date(2019, 11, 14)),  # month first: 14 cannot be a month
    ("December 16th 2016", date(2016, 12, 16)),
    ("Publié le 07 mai 2019 à 13h59", date(2019, 5, 7)),
    ("15. März 2020", date(2020, 3, 15)),
    ("3 de marzo de 2019", date(2019, 3, 3)),
    ("公開日 2019年2月13日", date(2019, 2, 13)),
    ("2019/04/21 11:00", date(2019, 4, 21)),
    ("Thu 3 Jan 2019 02.00 EST", date(2019, 1, 3)),
    ("SiteName.comOct. 13, 2016", date(2016, 10, 13)),
    ("21:17 04.05.2015Copy link", date(2015, 5, 4)),  # a button run onto the dotted date
    # a published and a modified day run together, the year into the second day
    ("12 février 201914 février 2019", date(2019, 2, 12)),
    ("3 de marzo de 20195 de marzo de 2019", date(2019, 3, 3)),
    ("7. Juni 2016Schlagworte Häfen", date(2016, 6, 7)),  # or into the next field's label
    ("By ANN LEE 11/ 8/13 06:42 PM ET", date(2013, 11, 8)),  # a day padded with a space
])
def test_full_dates(text, day):
    (found,) = rules.full_dates(text)
    assert rules.parse_day(found[1]) == day


@pytest.mark.parametrize("text", ["in May the union voted", "2,024 people", "page 10/28", "since 2019",
                                  "version 04.05.20151",  # a digit after: no year
                                  "12 février 20191", "12 février 201912 h",
                                  "7. Juni 2016schlagworte", "11/ 18/13", "pages 11/ 8"])  # (no second date after it)
def test_not_full_dates(text):
    assert rules.full_dates(text) == []


def test_month_day_without_year():
    assert [m.group(0) for m in rules.MONTH_DAY.finditer("On Oct. 25 and on Nov 2, 2024 and March 3")] == [
        "Oct. 25", "March 3"]


# --- boilerplate ---------------------------------------------------------------------------


@pytest.mark.parametrize("text, expected", [
    ("Skip to content", True),
    ("Share this story", True),
    ("0:00", True),
    ("1:02 / 3:45", True),
    ("c0436bb791e9e63294288f2d9eaa64621adcaa2d", True),
    ("https://example.org/hub/strike", True),
    ("— Jane Roe (@janeroe) October 28, 2024", True),
    ("Follow our coverage of the strike at https://example.org/strike", True),
    ("The union said the strike was over.", False),
    ("Search parties found the boat.", False),
    ("Previous post", True), ("Leave a Comment Cancel Reply", True), ("Tags:", True),
    ("__ facebook", True), ("0shares", True), ("1 / 23", True), ("500", True),
    ("Privacy Policy", True), ("By", True),
    ("Harbour strike: talks collapse again as union walks outRead more", True),
    # breadcrumbs, menu rows and page buttons in words
    ("Home › News › World", True), ("You are here: Home » Ports", True), ("Politics | Ports", True),
    ("Log in | Register", True), ("Toggle navigation", True), ("Accept cookies", True),
    ("Listen to this article", True), ("Share on Facebook Share on Twitter", True),
    ("This article is more than 5 years old", True), ("Menu Search Sign in", True),
    ("Harbour strike ends | Harbour Gazette", False), ("Dockers vote: 24/7 shifts end", False),
    ("Ann Lee | March 3, 2019 | 5 min read", False),
    # a site's name before its sections (a printed page's masthead), and bylines shaped alike
    ("The Harbor Ledger · News · Sport · Opinion", True), ("Harbor Ledger | News | Ports | Sport | Life", True),
    ("By Ann Lee | Ports | Politics | Sport", False), ("Ann Lee · The Harbor Ledger · 5 March", False),
    ("The Harbor Ledger | Ports | Politics", False),
    ("Share this on WhatsApp", True), ("Share on Google Plus", True), ("Primary Menu", True),
    ("Log inRegisterLog out", True),
    ("Share the pain of the strike", False),
    ("Pin", True), ("Pin it", True), ("Buffer", True),  # share buttons of other services
    # skip links one after another, run together or not, and what follows them on the line
    ("Skip to contentSkip to site index", True), ("Skip to main content Skip to footer site map", True),
    ("Skip to navigation Skip to content", True), ("Skip to the good part: dockers vote", False),
    ("Site navigation", True),
    # a button's call to click, on a short line of its own
    ("CLICK FOR FULL FERRY TIMETABLES", True), ("Click here to see the gallery", True),
    ("Click to Vote: the harbour board goes digital", False),  # a headline's two parts
    ("Click to enlarge the chart. The harbour's tonnage fell by a third last year.", False),
    ("Clicks for the ferry site rose by a third", False),
    # the buttons between a standfirst and its byline: the audio player and its length, gift,
    # save and comment links, the type size; near-misses are a story's lines
    ("Listen to this article · 5 min", True), ("Listen (5 min)", True), ("Listen · 5:12 min", True),
    ("Listen to article", True), ("Gift this article", True), ("Save article", True),
    ("Share full article", True), ("Bookmark", True), ("View comments", True), ("Text size", True),
    ("Join the conversation", True),
    ("Listen to the dockers", False), ("Save the harbour", False), ("Gift aid rules change", False),
])
def test_furniture(text, expected):
    assert rules.is_furniture(line(text)) is expected


@pytest.mark.parametrize("text, expected", [
    ("Dockers leave the port on Monday. (AP Photo/Jane Roe)", True),
    ("Cranes at the harbour. Jane Roe/Getty Images", True),
    ("The harbour at dawn. Agency photo via Reuters", True),
    ("PHOTOGRAPH COURTESY OF HARBOUR TUGS", True),
    ("Workers/iStock", True),
    ("Photo: Jane Roe", True),
    ("The union told Reuters the strike was over.", False),
    ("Cranes at dawn, 2004. (Harbour Space Centre/Jane Roe)", True),  # who made it, in brackets
    ("Strike ends (1/2 page)", False), ("Dockers vote (and so do pilots)", False),
    ("Cranes stand idle at the quay. Photograph: Jane Roe/Harbour Gazette", True),  # the credit closes it
    ("Cranes stand idle. Image credit: Jane Roe", True),
    ("The union said: photographs of the quay would follow", False),
    # a caption's own label, and an agency in capitals with the photographer closing it
    ("FILE PHOTO: Cranes stand idle at the quay in Porto, March 2, 2019.", True),
    ("Cranes stand idle at the quay in Porto, March 2, 2019. HARBOR/Jane Roe", True),
    ("The file photo: a quay at dawn", False), ("The quay shut on Monday. The union said no.", False),
    # a line of credits whose later field is the writer's is a byline; with others' credits only,
    # or the outlet after the bar, it is the pictures' credit still
    ("Photos: Tom Park | Words: Ann Lee", False), ("Photos by Tom Park | By Ann Lee", False),
    ("Photos: Tom Park | Video: Sue Ray", True), ("Photo: Tom Park | Harbour Gazette", True),
])
def test_captions(text, expected):
    assert rules.is_caption(line(text)) is expected


@pytest.mark.parametrize("text, expected", [
    ("Most Read News", True), ("Related articles:", True), ("**Related article:**", True),
    ("Read more", True), ("You might also like", True), ("Related talks stalled", False),
    ("Up next", True), ("Don't miss", True), ("In case you missed it", True), ("Further reading", True),
    ("Up next for the union: a vote", False),  # a sentence that opens with the words
])
def test_list_headings(text, expected):
    assert rules.is_list_heading(line(text)) is expected


@pytest.mark.parametrize("text, expected", [
    ("Join our Newsletter", True), ("Sign up for the morning briefing", True),
    ("Free Article Join Over 1 Million Premium Members", True),
    ("Subscribers to the streaming service rose by a tenth in a year, the company said.", False),
    ("The port reopened.", False),
])
def test_pitches(text, expected):
    assert rules.is_pitch(line(text)) is expected


@pytest.mark.parametrize("text, expected", [("Updated:", True), ("Updated: 3 hours ago", True),
                                            ("Published 9:02 a.m.", True), ("Updates followed.", False)])
def test_stamps(text, expected):
    assert rules.is_stamp(line(text)) is expected or (text == "Updated:" and rules.is_furniture(line(text)))


# --- bylines -------------------------------------------------------------------------------


@pytest.mark.parametrize("text, names", [
    ("By Ann Lee", ["Ann Lee"]),
    ("By ANN LEE and TOM PARK", ["Ann Lee", "Tom Park"]),
    ("Written by Ann Lee on October 28, 2024", ["Ann Lee"]),
    ("By Ann Lee, Tom Park and Sue Ray | Oct 28, 2024", ["Ann Lee", "Tom Park", "Sue Ray"]),
    ("October 28, 2024 by Ann Lee", ["Ann Lee"]),
    ("By Ann Lee Staff Writer", ["Ann Lee"]),
    ("By Ann Lee @annlee 5 min read", ["Ann Lee"]),
    ("By the time the ships left, the port was empty", []),
    ("By Ann Lee last updated 4 April 17", ["Ann Lee"]),
    ("By Ann LeeStaff Writer", ["Ann Lee"]),
    ("By Ann MarshBusiness Columnist", ["Ann Marsh"]),  # glued by a lost line break
    ("By Ann LeeBusiness Columnist", ["Ann Lee"]), ("By Sue RayPolitics Editor", ["Sue Ray"]),
    ("By Ann MarshHarbourTV", ["Ann Marsh"]),
    ("By Ann Lee and Tom ParkLisbon", ["Ann Lee", "Tom Park"]),
    ("By Ann McDonald and Tom DeAndre", ["Ann McDonald", "Tom DeAndre"]),  # capitals inside names stay
    ("By Ann Lee(Lisbon bureau)", ["Ann Lee"]),
    ("Reviewed by Ann Lee", []),
    ("by Ann Lee Harbour Gazette News Fellow", ["Ann Lee"]),
    ("By Ann K. Lee Harbour Daily Staff", ["Ann K. Lee"]),
    ("By Ann Lee Harbour Lisbon Porto", []),
    ("By Harbour Shipping Agency", []),  # an organisation, not a name before one
    ("By Ann Lee in Lisbon and Tom Park in Porto", ["Ann Lee", "Tom Park"]),  # each with their place
    ("Reporting by Ann Lee in New York City, Tom Park in Porto; Editing by Sue Ray", ["Ann Lee", "Tom Park"]),
    ("By Ann Lee in Lisbon, Portugal", ["Ann Lee"]),
    ("By Ann Lee for The Harbour Gazette", ["Ann Lee"]),
    ("Reporting by Ann Lee and Tom Park; Editing by Sue Ray", ["Ann Lee", "Tom Park"]),
    ("Posted by Ann Lee at 10:21 AM", ["Ann Lee"]),  # a blog's footer
    ("By Émile Zola and Łukasz Nowak", ["Émile Zola", "Łukasz Nowak"]),
    ("By J.R. Moehringer", ["J.R. Moehringer"]),
    ("By Dr Ann Lee and Prof. Tom Park", ["Dr Ann Lee", "Prof. Tom Park"]),  # titles kept, as normalise keeps them
    ("Photographs by Ann Lee", []),
    ("Publié le 7 mai 2019", []),
    ("The ship was towed by Harbour Tugs Ltd", []),
    ("By Ann Lee with Tom Park", ["Ann Lee", "Tom Park"]),
    ("By Ann Lee with additional reporting from Lisbon", ["Ann Lee"]),
    ("By Ann Lee and Tom Park, Special to The Harbour Gazette", ["Ann Lee", "Tom Park"]),
    ("Story and photos by Ann Lee", ["Ann Lee"]),  # the author took the photos too
    ("Byby ANN LEE and TOM PARK", ["Ann Lee", "Tom Park"]),  # a hidden label run into the visible one
    ("By Ana do Carmo and Jan ter Horst", ["Ana do Carmo", "Jan ter Horst"]),
    ("ByAnn Lee", ["Ann Lee"]),  # the label glued to the name
    ("Af Ann Lee", ["Ann Lee"]), ("Oleh Ann Lee", ["Ann Lee"]),  # Danish, Indonesian
    ("By Ann Lee (with Tom Park and Sue Ray)", ["Ann Lee", "Tom Park", "Sue Ray"]),  # co-authors in brackets
    ("Par Ann Lee (avec Tom Park et Sue Ray)", ["Ann Lee", "Tom Park", "Sue Ray"]),
    ("By Ann Lee (Lisbon)", ["Ann Lee"]),
    ("Byron Park reopened the harbour", []),
    # a stamp after the names, in other languages
    ("Von Ann Lee publiziert am 25. September 2018", ["Ann Lee"]),
    ("Par Ann Lee publié le 7 mai 2019", ["Ann Lee"]),
    ("Por Ann Lee actualizado 3 de marzo de 2019", ["Ann Lee"]),
    ("By Ann Lee Share", ["Ann Lee"]),  # a button run onto the names
    ("By Ann Lee 3 hours ago", ["Ann Lee"]), ("BY ANN LEE 12 COMMENTS", ["Ann Lee"]),
    ("By Maria de los Angeles Garcia", ["Maria de los Angeles Garcia"]),  # particles
    ("By 山田太郎 and 佐藤花子", ["山田太郎", "佐藤花子"]),  # names without capitals
    # a Japanese name with a space between family and given name is one person, beside a Latin
    # one too (fail before: two people; the Japanese name lost); three so parted stay a list
    ("By 山田 花子", ["山田 花子"]), ("By 山田 花子 and Ann Lee", ["山田 花子", "Ann Lee"]),
    ("By 王五 李四 张三", ["王五", "李四", "张三"]), ("By 新闻 and Ann Lee", ["Ann Lee"]),
    ("By 本报记者", []), ("By 商品情報", []),  # a label and a section's name, not names
    # an editor or a reviewer after the writer, and whom the writer works for in small letters
    ("By Ann Lee, edited by Tom Park", ["Ann Lee"]), ("Written by Ann Lee and edited by Tom Park", ["Ann Lee"]),
    ("By Ann Lee, reviewed by Dr. Tom Park", ["Ann Lee"]), ("Updated by Tom Park", []),
    ("By Ann Lee for the Harbour Gazette", ["Ann Lee"]), ("By Ann Lee of the Harbour Gazette", ["Ann Lee"]),
    ("By Ann d'Arcy and Ali al-Hashimi", ["Ann d'Arcy", "Ali al-Hashimi"]),  # a particle glued to the surname
    # each credit's role in brackets: the photographer's credit goes
    ("Von Ann Lee (Text) und Tom Park (Fotos)", ["Ann Lee"]), ("By Ann Lee (text), Tom Park (photos)", ["Ann Lee"]),
    ("by Ann Lee (reporting) and Tom Park (photography)", ["Ann Lee"]),
    ("By Ann Lee (reporting), Tom Park (pictures) and Sue Ray (videos)", ["Ann Lee"]),
    ("By Ann Lee (reporting) and Tom Park (writing)", ["Ann Lee", "Tom Park"]),  # a writer's role: both stay
    # a wire story's credits: the reporters and the writer, not who else helped
    ("Reporting by Ann Lee; Additional reporting by Tom Park; Editing by Sue Ray", ["Ann Lee"]),
    ("Reporting by Ann Lee and Tom Park; Writing by Sue Ray; Editing by Bo Chen", ["Ann Lee", "Tom Park", "Sue Ray"]),
    ("(Reporting by Ann Lee; additional reporting by Tom Park in Porto; editing by Sue Ray)", ["Ann Lee"]),
    ("By Ann Lee; Tom Park", ["Ann Lee", "Tom Park"]),
    ("Additional reporting by Tom Park", []), ("With reporting by Tom Park", []), ("Research by Tom Park", []),
    ("Editing by Tom Park", []), ("Reporting was contributed by Tom Park", []),
    ("By Nguyễn Văn Minh and ĐẶNG THỊ LAN", ["Nguyễn Văn Minh", "Đặng Thị Lan"]),  # Vietnamese letters
    ("By Ann Lee and the dock-workers", []),
    ("By Ann Lee of The Harbour Gazette", ["Ann Lee"]),  # whom the writer works for
    ("By Ann Lee/Staff Writer", ["Ann Lee"]), ("By Ann Lee/The Harbour Gazette", ["Ann Lee"]),  # a bare slash
    ("By Ann Lee 03/03/2019", ["Ann Lee"]),  # a date's slashes are no separator
    ("By Ann Lee28 Oct 2024", ["Ann Lee"]), ("By Ann Lee03/03/2019", ["Ann Lee"]),  # a date glued to the name
    # the credit of the pictures after the writer's names
    ("By Ann Lee; photos by Tom Park", ["Ann Lee"]), ("By Ann Lee. Photos by Tom Park", ["Ann Lee"]),
    ("By Ann Lee, photography by Tom Park", ["Ann Lee"]), ("By Ann Lee Illustration by Tom Park", ["Ann Lee"]),
    ("By Ann Lee and Tom Park | Photos: Sue Ray", ["Ann Lee", "Tom Park"]),
    # who made the portrait or the film credited "by" (glued to the link, "Portrait by[A](/a)")
    ("Portrait by Tom Park", []), ("Portrait by[Tom Park](/p)", []), ("Filmed by Tom Park", []),
    ("Donated by Tom Park, Porto", []),  # who gave the object pictured
    # a date opened by its weekday's short form, run onto the names ("Sun" alone is a surname)
    ("By Ann Lee Mon 28 Oct 2024 10.30 GMT", ["Ann Lee"]), ("By Ann Lee Sun 28 Oct 2024", ["Ann Lee"]),
    ("By Ann Lee Sun", ["Ann Lee Sun"]),
    # "and" in other languages between the names, and labels that end in "da" / "de"
    ("Di Ann Lee e Tom Park", ["Ann Lee", "Tom Park"]), ("Door Ann Lee en Tom Park", ["Ann Lee", "Tom Park"]),
    ("Av Ann Lee og Tom Park", ["Ann Lee", "Tom Park"]), ("Av Ann Lee och Tom Park", ["Ann Lee", "Tom Park"]),
    ("Scritto da Ann Lee", ["Ann Lee"]), ("A cura di Ann Lee", ["Ann Lee"]), ("Texto de Ana do Carmo", ["Ana do Carmo"]),
    ("Texte de Ann Lee", ["Ann Lee"]), ("Reportagem de Ann Lee e Tom Park", ["Ann Lee", "Tom Park"]),
    ("By a factor of two", []),
    # labels that are verbs, in Polish and Finnish: not a first word of the name
    ("Napisała Ann Lee", ["Ann Lee"]), ("Kirjoittanut Ann Lee", ["Ann Lee"]),
    # a sign-off in brackets that says "by" itself, of any number of writers
    ("(By Ann Lee, Tom Park, Sue Ray, Bo Chan and Ida Holm)", ["Ann Lee", "Tom Park", "Sue Ray", "Bo Chan", "Ida Holm"]),
    ("(By the way, Ann Lee and Tom Park left)", []),  # near miss: a remark in brackets
    ("(Photos by Ann Lee and Tom Park)", []),  # near miss: a photo credit in brackets
    # the writer's credit after another's, in a field of its own
    ("Medically reviewed by Tom Park, MD — Written by Ann Lee on March 3, 2024", ["Ann Lee"]),
    ("Edited by Tom Park | Written by Ann Lee", ["Ann Lee"]), ("Photos by Tom Park; by Ann Lee", ["Ann Lee"]),
    ("Reviewed by Tom Park — By Ann Lee and Sue Ray", ["Ann Lee", "Sue Ray"]),
    # near misses: only more credits of others after the first, or a sentence after the bar
    ("Photos by Tom Park | Additional reporting by Sue Ray", []), ("Edited by Tom Park | Video by Sue Ray", []),
    ("Photos by Tom Park - by the sea at dawn", []),
])
def test_byline_by(text, names):
    assert rules.byline_by(line(text)) == names


@pytest.mark.parametrize("text, names", [
    ("Author: Ann Lee", ["Ann Lee"]),
    ("Words: Ann Lee and Tom Park", ["Ann Lee", "Tom Park"]),
    ("Autor: Łukasz Nowak", ["Łukasz Nowak"]),
    ("投稿者 Ann Lee", ["Ann Lee"]),
    ("文/王小明", ["王小明"]), ("文／王小明、李华", ["王小明", "李华"]),  # a slash after a Chinese label
    ("Story: the harbour reopens", []),
    ("Contributor: Ann Lee", ["Ann Lee"]),
    ("Guest author: Ann Lee", ["Ann Lee"]), ("Guest Writer: Ann Lee", ["Ann Lee"]),
    ("Autorka: Ann Lee", ["Ann Lee"]), ("Autoři: Ann Lee a Tom Park", ["Ann Lee", "Tom Park"]),  # Czech, Polish, Slovak
    ("Texte : Ann Lee", ["Ann Lee"]), ("Tekst: Ann Lee", ["Ann Lee"]), ("Texto: Ana do Carmo", ["Ana do Carmo"]),
    ("Текст: Анна Ли·11 октября 2018", ["Анна Ли"]),  # Cyrillic capitals are capitals too
    ("Texto: la huelga del puerto", []),
    ("Writers: Ann Lee and Tom Park", ["Ann Lee", "Tom Park"]),
    ("Byline: Ann Lee", ["Ann Lee"]),
    ("Text and photos: Ann Lee", ["Ann Lee"]), ("Words & pictures: Ann Lee", ["Ann Lee"]),
    ("Photos: Ann Lee", []),  # the photographer alone
    ("記者：山田太郎", ["山田太郎"]),  # no capitals, no spaces
    ("文／王小明、李华", ["王小明", "李华"]),
    ("記者：港の話です。今日は晴れでした", []),  # a sentence, not names
    ("本报记者 王小明 李华", ["王小明", "李华"]),  # "our reporters": a word before the label
    ("新聞記者が語った", []),  # "a newspaper reporter said": no break after the label
    # a Chinese byline line with its labels side by side: the author's up to the next label
    ("2019年3月3日 来源：港口日报 作者：王小明", ["王小明"]),
    ("2019-03-03 作者：王小明、李华 来源：港口日报", ["王小明", "李华"]),
    ("2019年3月3日 来源：港口日报", []), ("作者：责任编辑", []),  # a label is not a name
    ("Author(s): Ann Lee", ["Ann Lee"]),
    ("（文：山田太郎）", ["山田太郎"]), ("文=山田太郎", ["山田太郎"]),  # in brackets, after "="
    ("文章精选", []),  # "文" opening a word ("article") with no separator is no label
    ("取材・文：山田太郎", ["山田太郎"]),  # "reporting and text": two labels joined
    ("撰文：王小明 摄影：李华", ["王小明"]),  # the photographer's label ends the names
    # the writer's label in a field of its own after the pictures' or an editor's credit
    ("Photos: Tom Park | Words: Ann Lee", ["Ann Lee"]), ("Editor: Tom Park; Author: Ann Lee", ["Ann Lee"]),
    ("Photography: Tom Park — Text: Ann Lee and Sue Ray", ["Ann Lee", "Sue Ray"]),
    ("Photos: Tom Park | Video: Sue Ray", []), ("Photos: Tom Park | Words: the harbour at night", []),
])
def test_byline_label(text, names):
    assert rules.byline_label(line(text)) == names


@pytest.mark.parametrize("text, names", [
    ("Ann Lee, October 28, 2024", ["Ann Lee"]),
    ("18/03/2019 | Ann Lee", ["Ann Lee"]),
    ("March 3, 2019 | Ann Lee | 3 Comments", ["Ann Lee"]),  # a stamp after the name
    ("March 3, 2019 | Ann Lee | Ports", []),
    ("Ann Lee · 5 min read", ["Ann Lee"]),
    ("Ann Lee | Updated 3 hours ago", ["Ann Lee"]),
    ("Harbour strike · 5 min read", []),
    ("Ann Lee @annlee Oct 28, 2024", ["Ann Lee"]),
    ("Senate Leader Ann Lee, Oct. 8, 2016, in Lisbon, at the launch of the ship.", []),
    ("Ann Lee  @annlee /  2 days", ["Ann Lee"]),  # a handle, a slash, an age without "ago"
    ("Ann Lee 27/09/2018 Comment! Ports, Ships and Cranes", []),  # words after: only under a headline
    ("18/03/2019 | Ann Lee, Senior Reporter", ["Ann Lee"]),  # the date first, the role last
    ("18/03/2019 | Ann Lee, Ports", []),
    ("山田太郎 | November 28, 2016", ["山田太郎"]),  # a Chinese or Japanese name and a date
    ("ニュース | November 28, 2016", []),  # a section in kana
    # two or more writers
    ("Ann Lee and Tom Park | November 28, 2016", ["Ann Lee", "Tom Park"]),
    ("Ann Lee, Tom Park and Sue Ray, Oct 28, 2024", ["Ann Lee", "Tom Park", "Sue Ray"]),
    ("18/03/2019 | Ann Lee and Tom Park", ["Ann Lee", "Tom Park"]),
    ("Ports and Ships | November 28, 2016", []),
    ("March 3, 2019 / Ann Lee / 5 Comments", ["Ann Lee"]),  # slashes between the parts
    ("Ann Lee on March 3, 2019", ["Ann Lee"]), ("Ann Lee am 3. März 2019", ["Ann Lee"]),  # a word into the date
    ("Ann Lee (03/03/2019)", ["Ann Lee"]), ("Posted on March 3, 2019", []),
    ("2019年3月3日 山田太郎", ["山田太郎"]), ("2019年3月3日 商品情報", []),  # a CJK date, then the name
    ("Ann Lee | @annlee | Updated 3 hours ago", ["Ann Lee"]),  # a handle between bars
    ("Ann Lee | @annlee | Oct 28, 2024", ["Ann Lee"]),
    ("Ann Lee, Monday 28 October 2024", ["Ann Lee"]), ("Ann Lee, Wed. 28 Oct 2024", ["Ann Lee"]),  # the weekday first
    ("October 28, 2024 | Ann Lee | Harbour Gazette", ["Ann Lee"]),  # the date first, the outlet last
    ("October 28, 2024 | Ann Lee | Harbour Lisbon", []),
    # a reader's comment's header: the name, when it was posted, a verb of speech
    ("Tom Park on March 3, 2019 at 4:47 pm said:", []), ("Tom Park | March 3, 2019 says:", []),
    ("Tom Park on March 3, 2019 at 4:47 pm", ["Tom Park"]),  # (no verb: a byline)
    # how long ago, with no bar before it (a copied byline row), or the day in a word after one
    ("Ann Lee 3 hours ago", ["Ann Lee"]), ("Ann Lee, 5 days ago", ["Ann Lee"]), ("Ann Lee an hour ago", ["Ann Lee"]),
    ("Ann Lee and Tom Park 2 days ago", ["Ann Lee", "Tom Park"]), ("Ann Lee · Yesterday", ["Ann Lee"]),
    ("The strike began 3 weeks ago", []), ("Harbour News 2 hours ago", []), ("Ann Lee said 3 days ago", []),
])
def test_name_with_date(text, names):
    assert rules.name_with_date(line(text)) == names


@pytest.mark.parametrize("text, expected", [
    ("Ann MarshBusiness Columnist", "Ann Marsh; Business Columnist"),
    ("By Ann MarshHarbourTV", "By Ann Marsh; HarbourTV"),
    ("Ann K. MarshLisbon", "Ann K. Marsh; Lisbon"),
    ("Ann Marsh HarbourNet", "Ann Marsh HarbourNet"),  # a one-word brand after a whole name
    ("Ann McDonald and Tom MacKenzie", "Ann McDonald and Tom MacKenzie"),
    ("HarbourNet Lisbon", "HarbourNet Lisbon"),  # no first name before it
    ("Ana De SousaView More Articles", "Ana De Sousa; View More Articles"),  # a particle in the surname
    ("Jan van der DijkLisbon", "Jan van der DijkLisbon"),  # two particles: left as it is
    ("José Álvarez-NúñezTwitter", "José Álvarez-Núñez; Twitter"),  # small letters beyond ASCII
    ("Łukasz WróblewskiŚwiat", "Łukasz Wróblewski; Świat"),
    ("ANN LEETWITTERNEWS WRITER", "ANN LEE; TWITTERNEWS WRITER"),  # in capitals, a profile link's label
    ("EMAIL ANN LEE", "EMAIL ANN LEE"), ("TWITTER", "TWITTER"),
    # a short surname glued to the beat or the place of the job named after it
    ("Ann LeeBusiness Columnist", "Ann Lee; Business Columnist"),
    ("Sue RayPolitics Editor", "Sue Ray; Politics Editor"),
    ("Ann LeeWashington Correspondent", "Ann Lee; Washington Correspondent"),
    # near-misses: a surname's own inner capital, and no job after the glued word
    ("Ann MacKenzie Reporter", "Ann MacKenzie Reporter"), ("Ann DelGado Writer", "Ann DelGado Writer"),
    ("Ann LeeAnn", "Ann LeeAnn"),
])
def test_unglue(text, expected):
    assert rules.unglue(text) == expected


@pytest.mark.parametrize("text, names, outlet", [
    ("Ann Lee Senior Politics Editor, The Harbour Gazette", ["Ann Lee"], "The Harbour Gazette"),
    ("Ann Lee Staff Writer", ["Ann Lee"], None),
    ("Ann Lee | Staff Writer", ["Ann Lee"], None),
    ("Ann Lee / Contributing Writer", ["Ann Lee"], None),
    ("Harbour Gazette News Desk", [], None),
    ("Ann Lee News & Culture Writer", ["Ann Lee"], None),  # the desk before the role
    ("Ann MarshTwitterNews & Culture Writer", ["Ann Marsh"], None),  # an author card run together
    ("Ann Lee Politics Editor", ["Ann Lee"], None),
    ("Ann Marie Lee Culture Writer", ["Ann Marie Lee"], None),
    ("Harbour Politics Editor", [], None),  # no name before the desk
    ("Ann Lee - Shipping Correspondent", ["Ann Lee"], None),  # a separator ends the name
    ("Ann Lee Shipping Correspondent", ["Ann Lee"], None),  # a desk named by a gerund
    ("Ann King Correspondent", ["Ann King"], None),  # a name keeps two words
    ("Ann Lee | Ports and Shipping Editor", ["Ann Lee"], None),
    ("Ann Lee, Shipping Correspondent, The Harbour Gazette", ["Ann Lee"], "The Harbour Gazette"),
    ("Ann Lee - Harbour Lisbon Porto Ships Docks Editor", [], None),  # too long for a desk
    # a blog's author page title: "Author at" and the site
    ("Ann Lee, Author at Harbour Gazette", ["Ann Lee"], None), ("Ann Lee, author of The Harbour", [], None),
    # an academic writing the piece, as op-eds credit them
    ("Ann Lee, Professor of History, University of Lisbon", ["Ann Lee"], None),
    ("Ann Lee, Senior Lecturer in Law, Harbour University", ["Ann Lee"], None),
])
def test_name_with_role(text, names, outlet):
    assert rules.name_with_role(line(text)) == (names, outlet)


@pytest.mark.parametrize("text, caption", [
    ("Ann Lee / Staff Writer", False),  # a byline with the shape of a photo credit
    ("Ann Lee / Senior Political Reporter", False),
    ("Ann Lee / Harbour Gazette", True),
    ("(Ann Lee/AP Photo)", True),
    ("By Ann Lee / Harbour Gazette", False),  # a credit never opens with a byline's label
    ("Story by Ann Lee/Harbour Gazette", False),
    ("Photo by Ann Lee/Harbour Gazette", True),
])
def test_role_after_a_slash_is_not_a_credit(text, caption):
    assert rules.is_caption(line(text)) is caption


@pytest.mark.parametrize("text, names", [
    ("and Tom Park", ["Tom Park"]),
    ("& Tom Park", ["Tom Park"]),
    ("and the port was closed", []),
    ("Tom Park", []),  # no joining word: not a continuation
    ("(with Tom Park and Sue Ray)", ["Tom Park", "Sue Ray"]),  # co-authors in brackets
    ("(avec Tom Park et Sue Ray)", ["Tom Park", "Sue Ray"]),
    ("(with the union's backing)", []),
    ("and Tom Park, Shipping Editor", ["Tom Park"]),  # with a role of their own
])
def test_byline_continuation(text, names):
    assert rules.byline_continuation(line(text)) == names


@pytest.mark.parametrize("top, authors", [
    ("March 3, 2019\n\nAnn Lee", ["Ann Lee"]),  # the stamp above the name, the headline below
    ("Ann Lee\n\nMarch 3, 2019", ["Ann Lee"]),
    ("Ports\n\nAnn Lee", []),  # no stamp: a topic's name as well as a writer's
    ("March 3, 2019\n\nAnn Lee\n\nPorts", []),  # a kicker between the name and the headline
    # the name with its outlet, the stamp below it or on the same line
    ("Ann Lee / Harbour Gazette\n\nMarch 3, 2019", ["Ann Lee"]),
    ("18/03/2019 | Ann Lee / Harbour Gazette", ["Ann Lee"]),
    ("Ann Lee / Harbour Gazette", []),  # no stamp: a photo's credit as well as a byline
])
def test_a_byline_block_above_the_headline(top, authors):
    assert parse(f"{top}\n\n# Harbour strike ends\n\n{STORY}\n", markdown=True).authors == authors


def test_byline_continued_on_the_next_line():
    article = parse(f"# Harbour strike ends\n\nBy [Ann Lee](/a/ann)\n\nand [Tom Park](/a/tom)\n\n{STORY}\n", markdown=True)
    assert article.authors == ["Ann Lee", "Tom Park"]



@pytest.mark.parametrize("text, names", [
    ("Ann Lee, Tom Park, Sue Ray and Bo Chan", ["Ann Lee", "Tom Park", "Sue Ray", "Bo Chan"]),
    ("Ann Lee, Tom Park", []),  # two names: a byline rule's job, not a list's
    ("Politics, Ann Lee, Harbour Strike 2024, Lisbon", []),
    ("Ann Lee1, Tom Park2, Sue Ray1,3, Bo Chan*", ["Ann Lee", "Tom Park", "Sue Ray", "Bo Chan"]),  # affiliations
    ("Ann Lee^1, Tom Park^2 and Sue Ray†", ["Ann Lee", "Tom Park", "Sue Ray"]),
    ("Route 66, Highway 1 and Main Street", []),
    # affiliations as small letters set apart by a space; glued, they are the name's own letters
    ("Ann Lee a,b, Tom Park b, Sue Ray a and Bo Chan c", ["Ann Lee", "Tom Park", "Sue Ray", "Bo Chan"]),
    ("Ann Leea,b, Tom Parkb, Sue Raya", []),
    # a profile's buttons beside the names, spaced or glued on
    ("Ann Lee, View ORCID Profile Tom Park, Sue Ray, Bo Chan ORCID", ["Ann Lee", "Tom Park", "Sue Ray", "Bo Chan"]),
    ("Ann Lee, Tom Park, _ View ORCID ProfileSue Ray, Bo Chan", ["Ann Lee", "Tom Park", "Sue Ray", "Bo Chan"]),
    ("Ann Lee, Tom Park, Sue Ray et al.", ["Ann Lee", "Tom Park", "Sue Ray"]),  # more writers unnamed
    ("Authors: Ann Lee, Tom Park, Sue Ray, Bo Chan, Ida Holm", ["Ann Lee", "Tom Park", "Sue Ray", "Bo Chan", "Ida Holm"]),
    ("ANN LEE, TOM PARK, SUE RAY AND BO CHAN", ["Ann Lee", "Tom Park", "Sue Ray", "Bo Chan"]),
    # a "by" label before the first name; a note in brackets after each; pandoc's superscripts
    ("Written by Ann Lee, Tom Park, Sue Ray, Bo Chan and Ida Holm", ["Ann Lee", "Tom Park", "Sue Ray", "Bo Chan", "Ida Holm"]),
    ("Ann Lee (Bay University), Tom Park (tom@example.org), Sue Ray (Port College)", ["Ann Lee", "Tom Park", "Sue Ray"]),
    ("Ann Lee^1^, Tom Park^2^, Sue Ray^1,2^", ["Ann Lee", "Tom Park", "Sue Ray"]),
    ("Lisbon (Portugal), Porto (Portugal), Faro (Portugal)", []),  # near miss: places with a note
    ("Ann Lee (left), Tom Park (centre) and Sue Ray (right)", []),  # near miss: a photo's caption
    ("Ann Lee (L), Tom Park (C) and Sue Ray (R)", []),
    ("Ann Lee, Tom Park, Sue Ray and Bo Chan (Photo: Ida Holm)", []),  # the people pictured, the credit
    ("Ann Lee, Tom Park, Sue Ray and Bo Chan (Ida Holm/Getty Images)", []),
    # near misses: places of two words have a name's shape; people in a sentence; a list of
    # outlets; a headline in title case
    ("New York, Los Angeles, San Diego, Buenos Aires", []),
    ("Ann Lee, Tom Park and Sue Ray spoke at the meeting", []),
    ("Harbor Ledger, Bay Times, Port Authority, Ocean Institute", []),
    ("Dockers Win Longer Night Shift, Board Says, After Talks", []),
])
def test_name_list(text, names):
    assert rules.name_list(line(text)) == names


@pytest.mark.parametrize("text, names", [
    ("Bo Chan and Ida Holm", ["Bo Chan", "Ida Holm"]),
    ("Bo Chan, Ida Holm,", ["Bo Chan", "Ida Holm"]),
    ("Bo Chan said the vote was close", []),  # the story begins: prose, not the list's end
    ("Bo Chan, Lisbon", []),  # a place among the names
    ("Los Angeles and San Diego", []),
])
def test_list_continuation(text, names):
    assert rules.list_continuation(line(text)) == names


@pytest.mark.parametrize("text, names, count", [
    # each name's parts on lines of their own, the list's commas alone between them
    ("Ann\nLee\n,\nTom\nPark\n,\nSue\nRay", ["Ann Lee", "Tom Park", "Sue Ray"], 6),  # (lines read: "," goes)
    # the last name takes as many lines as the others: the outlet below it is no part of it
    ("Ann Lee\n,\nTom Park\nand\nSue Ray\nHarbor Ledger", ["Ann Lee", "Tom Park", "Sue Ray"], 4),
    ("Ann Lee\n&\nTom Park\n;\nSue Ray", ["Ann Lee", "Tom Park", "Sue Ray"], 3),
    # a profile's button above a name, and a particle's surname ("Von" opens no byline here)
    ("Ann B.\nLee\n,\nView ORCID Profile\nTom\nPark\n,\nSue\nVon Ray\n,\nBo C.\nChan",
     ["Ann B. Lee", "Tom Park", "Sue Von Ray", "Bo C. Chan"], 9),
    # a name's affiliation marks on a line of their own below it (a superscript is a node too)
    ("Ann\nLee\n1\n,\nTom\nPark\n2,3\n,\nSue\nRay\n*", ["Ann Lee", "Tom Park", "Sue Ray"], 8),
    # near misses: two names only; no separators (a column of words); a column of topics
    ("Route\n66\n,\nHighway\n1\n,\nMain\nStreet", [], 0),
    ("Ann\nLee\n,\nTom\nPark", [], 0),
    ("Ann\nLee\nTom\nPark\nSue\nRay", [], 0),
    ("Climate\nChange\n,\nOcean\nPolicy\n,\nHarbor\nNews", [], 0),
    ("Lisbon\n,\nPorto\n,\nFaro\n,\nBraga", [], 0),
])
def test_names_in_column(text, names, count):
    assert rules.names_in_column(read_lines(text)) == (names, count)


@pytest.mark.parametrize("text, names, count", [
    # each name a list item, with the list's commas or an affiliation mark on every item
    ("* Ann Lee,\n* Tom Park,\n* Sue Ray and\n* Bo Chan\n\nThe story.", ["Ann Lee", "Tom Park", "Sue Ray", "Bo Chan"], 4),
    ("* Ann Lee 1\n* Tom Park 2\n* Sue Ray1,2*", ["Ann Lee", "Tom Park", "Sue Ray"], 3),
    # near misses: bare names (the people of a story as often); two items; topics with commas
    ("* Ann Lee\n* Tom Park\n* Sue Ray\n* Bo Chan", [], 0),
    ("* Ann Lee,\n* Tom Park", [], 0),
    ("* Harbour Strike,\n* Night Shift,\n* Port Board", [], 0),
    ("* Step 1\n* Step 2\n* Step 3", [], 0),
])
def test_names_in_items(text, names, count):
    assert rules.names_in_items(read_lines(text)) == (names, count)


WRAPPED_LIST = "Ann Lee, Tom Park, Sue Ray, Bo Chan, Ida Holm, Raj Patel, Mia"


@pytest.mark.parametrize("text, names, count", [
    # a list wrapped at a fixed width, a name cut in two at the break
    (f"{WRAPPED_LIST}\nChen, Leo Marsh and Eva Novak",
     ["Ann Lee", "Tom Park", "Sue Ray", "Bo Chan", "Ida Holm", "Raj Patel", "Mia Chen", "Leo Marsh", "Eva Novak"], 2),
    # near misses: a blank line between (a new block); prose below (no more names); a short
    # line above (its writer ended it there, no wrapper)
    (f"{WRAPPED_LIST}\n\nChen, Leo Marsh and Eva Novak",
     ["Ann Lee", "Tom Park", "Sue Ray", "Bo Chan", "Ida Holm", "Raj Patel"], 1),
    (f"{WRAPPED_LIST}\nsaid the board had met on Monday",
     ["Ann Lee", "Tom Park", "Sue Ray", "Bo Chan", "Ida Holm", "Raj Patel"], 1),
    ("Ann Lee, Tom Park, Sue Ray\nBo Chan, Ida Holm", ["Ann Lee", "Tom Park", "Sue Ray"], 1),
])
def test_names_over_wrapped_lines(text, names, count):
    assert rules.names_over_wrapped_lines(read_lines(text)) == (names, count)


def test_a_lone_separator_line_is_kept_on_the_line_above():
    lines = read_lines("Ann Lee\n,\nTom Park\n&\nSue Ray\n---\nDone")
    assert [(x.text, x.separator_below) for x in lines] == [("Ann Lee", ","), ("Tom Park", "&"), ("Sue Ray", ""),
                                                            ("Done", "")]


@pytest.mark.parametrize("top, authors", [
    # a column of names under the headline, one text node a line (a copy of the page)
    ("Ann\nB.\n,\nTom\nPark\n,\nSue\nVon Ray\n,\nBo\nChan", ["Ann B", "Tom Park", "Sue Von Ray", "Bo Chan"]),
    ("Ann\nLee\n,\nTom\nPark\n,\nSue\nVon Ray\n,\nBo\nChan", ["Ann Lee", "Tom Park", "Sue Von Ray", "Bo Chan"]),
    # a list of names too long for its line
    ("Ann Lee, Tom Park, Sue Ray,\nBo Chan, Ida Holm, Raj Patel,\nMia Chen and Leo Marsh",
     ["Ann Lee", "Tom Park", "Sue Ray", "Bo Chan", "Ida Holm", "Raj Patel", "Mia Chen", "Leo Marsh"]),
    # near misses: the line below the list is the story's (a list that does not go on, then
    # a name that opens a sentence)
    ("Ann Lee, Tom Park, Sue Ray\nBo Chan and Ida Holm", ["Ann Lee", "Tom Park", "Sue Ray"]),
    ("Ann Lee, Tom Park, Sue Ray and\nBo Chan said on Monday that the talks would go on.",
     ["Ann Lee", "Tom Park", "Sue Ray"]),
    ("Ann Lee et al.", ["Ann Lee"]),
    ("* Ann Lee 1\n* Tom Park 2\n* Sue Ray 1", ["Ann Lee", "Tom Park", "Sue Ray"]),
    ("* Ann Lee\n* Tom Park\n* Sue Ray", []),  # near miss: no mark, no comma
    # wrapped inside a name: the line below is the list's, not read again as a list of its
    # own (where "Chen Lee" would be a writer and "Mia" lost)
    (f"{WRAPPED_LIST}\nChen Lee, Leo Marsh and Eva Novak",
     ["Ann Lee", "Tom Park", "Sue Ray", "Bo Chan", "Ida Holm", "Raj Patel", "Mia Chen Lee", "Leo Marsh", "Eva Novak"]),
])
def test_lists_of_writers_under_the_headline(top, authors):
    article = parse(f"Harbour strike ends after ten days\n{top}\n\n{STORY}\n\n{STORY}\n")
    assert article.authors == authors


@pytest.mark.parametrize("text, names", [
    ("Byby ANN LEE, TOM PARK", ["Ann Lee", "Tom Park"]),  # a doubled "By" label
    ("Ann Lee(Lisbon bureau)", ["Ann Lee"]),
    ("Publié le", []),
    ("Share Tweet", []),
    ("Tom Park, AP Auto Writer", ["Tom Park"]),
    ("The Water Cooler", []), ("Hi Ann", []), ("Find Your Next Car", []),
    ("Kebon Jeruk Selatan Jakarta Barat", []),  # five capitalised words: an address
    ("Scott A. Celinski", ["Scott A. Celinski"]),
    ("Example.com. WP Theme", []),
    ("Ann Lee Ann Lee", ["Ann Lee"]),  # a byline and its link text run together
    ("Harbour Gazette Editor-at-large", []),
    ("Whatsapp Facebook Pinterest", []),
    ("LOVE IS LOVE", []), ("BACK TO WORK", []), ("Ann van der Berg", ["Ann van der Berg"]),
    ("Words: Ann Lee", ["Ann Lee"]),  # a writer's label, as "Text:" is, not a word of the name
    ("Copyright Notice", []), ("Abstract Introduction", []),  # a document's section headings
    ("ANN LEE AND TOM PARK", ["Ann Lee", "Tom Park"]),
    # a section's or a desk's word: an outlet's section or a topic, not a person
    ("Harbour Finance", []), ("Climate Change", []), ("Gazette Sport", []), ("Ann Lee Music", []),
    ("Harbour Life", []), ("Bay Parenting", []), ("Harbour Voices", []), ("Bay Autos", []),
    # a place, a topic or a kind of piece, as pages tag them beside the date
    ("Main Street", []), ("Premier League", []), ("Human Rights", []), ("Book Review", []),
    ("Morning Briefing", []), ("Meet Ann Lee", []), ("Ann Lee Interview", []), ("South Africa", []),
    ("Adam West", ["Adam West"]), ("Ann Court", ["Ann Court"]),  # surnames that are nouns too
    # a place alone, told by a word no person's name has; a name with a place's word stays
    ("Los Angeles", []), ("Harbour City", []), ("Tel Aviv", []), ("Bay Falls", []), ("Lee County", []), ("Tom Springs", ["Tom Springs"]),
    ("Ana de los Santos", ["Ana de los Santos"]), ("Rio Tanaka", ["Rio Tanaka"]), ("Ann Beach", ["Ann Beach"]),
    # a firm's name: its kind is no one's surname
    ("Harbour Communications", []), ("Bay Systems Corporation", []), ("Quay Motors", []),
    ("Ann Lee and Harbour Communications", ["Ann Lee"]),
    # a role in sentence case after the name, with no comma: its capitalised first word (a place,
    # a beat) is the role's, not a third word of the name
    ("Ann Lee Washington correspondent", ["Ann Lee"]), ("Ann Lee Transport correspondent", ["Ann Lee"]),
    ("Ann Lee Middle East editor", ["Ann Lee"]), ("Ann Lee Chief shipping correspondent", ["Ann Lee"]),
    ("Ann B. Lee Lisbon correspondent", ["Ann B. Lee"]), ("Ann Lee and Tom Park Lisbon reporters", ["Ann Lee", "Tom Park"]),
    ("Ann Lee reporter", ["Ann Lee"]),  # no word to spare: the name stays whole
])
def test_names_in(text, names):
    assert rules.names_in(text) == names


@pytest.mark.parametrize("text, expected", [
    ("By", True), ("Written on Feb 24 by", True), ("Photo by", False), ("Sponsored by", False),
    ("The bridge was closed on Monday by", True), ("Nearby", False),
    # a CJK label alone on its line, from the same list as the labels before a name
    ("ライター", True), ("執筆者：", True), ("撰稿", True),
    ("本报记者", True), ("特约记者：", True),  # "our reporter": a word before the label
])
def test_ends_with_by(text, expected):
    assert rules.ends_with_by(line(text)) is expected


@pytest.mark.parametrize("text, names, agency", [
    ("Ann Lee And Tom Park, The Associated Press", ["Ann Lee", "Tom Park"], "The Associated Press"),
    ("Ann Lee, Reuters", ["Ann Lee"], "Reuters"),
    ("Lisbon, Portugal", [], None),
    ("By Ann Lee, The Harbour Gazette", ["Ann Lee"], "The Harbour Gazette"),
    ("Ann Lee, Senior Harbour", [], None),
    ("By Ann Lee, Harbour Gazette Staff", ["Ann Lee"], "Harbour Gazette"),
    ("The port, the ships and the cranes, AP", [], None),
    ("By Ann Lee | Reuters", ["Ann Lee"], "Reuters"),  # a bar, a spaced dash or brackets
    ("Ann Lee – The Harbour Gazette", ["Ann Lee"], "The Harbour Gazette"),
    ("Ann Lee (AP)", ["Ann Lee"], "The Associated Press"),
    ("Ann Lee (Lisbon)", [], None),
    ("Ann Lee – Harbour Lisbon", [], None),
])
def test_byline_with_organisation(text, names, agency):
    assert rules.byline_with_organisation(line(text)) == (names, agency)


@pytest.mark.parametrize("text, names", [
    ("[Ann Lee](https://example.org/author/ann-lee) - Oct 28, 2024", ["Ann Lee"]),
    ("[Ann Lee](/people/ann-lee)", ["Ann Lee"]),
    ("[Harbour news](/section/harbour)", []),
    ("[Ann Lee](/by/ann-lee)", ["Ann Lee"]),
    ("[Ann Lee](https://example.org/auteurs/ann-lee/)", ["Ann Lee"]),
    ("[Harbour Strike](/byways/harbour-strike)", []),
    ("[Ann Lee](https://example.org/news/harbour-strike/123#content__author)", ["Ann Lee"]),  # the author box
    ("[Harbour Strike](https://example.org/news/harbour-strike#comments)", []),
    # the folder alone is the index of writers a site's menu links to, not a writer's page
    ("[EXPERT VIEWS](/experts/)", []), ("[Our Writers](https://example.org/authors)", []),
    ("[Ann Lee](/experts/ann-lee)", ["Ann Lee"]), ("[Ann Lee](/author?id=12)", ["Ann Lee"]),
])
def test_author_links(text, names):
    assert rules.author_links(line(text)) == names


@pytest.mark.parametrize("text, expected", [
    ("Ann Lee", True), ("D. Ann Lee", True), ("Harbour strike", False), ("the end", False),
    ("Ann Lee and Tom Park", True), ("Ann Lee, @annlee", True), ("Share Tweet Share", False),
    ("Harbour Gazette", False), ("OrtizAnn Lee", False),
    ("ANN LEE AND TOM PARK", True),  # a byline in capitals
    ("Ann Lee (@annlee)", True),  # a handle in brackets
    ("Ann Lee et al.", True),  # a paper's first writer, and others
    # a list of places has a list of names' shape; a writer with a place-like surname is a name
    ("New York, Los Angeles, San Diego, Buenos Aires", False),
    ("Ann Lee, Tom Bay, Sue Ray", True),
])
def test_name_lines(text, expected):
    assert rules.is_name_line(line(text)) is expected


@pytest.mark.parametrize("text, expected", [
    ("Ann Lee is a freelance journalist at The Harbour Gazette. Follow her on X @annlee",
     ("Ann Lee", "The Harbour Gazette")),
    ("Ann Lee is a UK-based reporter covering ports.", ("Ann Lee", None)),
    ("Ann Lee covers shipping for The Harbour Gazette.", ("Ann Lee", "The Harbour Gazette")),
    ("The port is a busy place at night.", (None, None)),
    ("Ann Lee is the Gazette's shipping correspondent.", ("Ann Lee", None)),  # a possessive before the role
    ("Ann Lee is an associate professor of history at the University of Lisbon.", ("Ann Lee", None)),  # no outlet
    ("Ann Lee has written for The Harbour Gazette and the Port Times.", ("Ann Lee", None)),  # not this page's outlet
    ("Ann Lee (@annlee) is a staff writer.", ("Ann Lee", None)),
    ("Ann Lee, a former docker, is the author of a book on ports.", ("Ann Lee", None)),  # a description between commas
    ("Ann Lee writes the Gazette's weekly shipping column.", ("Ann Lee", None)),
    ("Tom Park, the union's leader, is a docker.", (None, None)),
])
def test_bio(text, expected):
    assert rules.bio(line(text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("Author", True), ("Updated:", True), ("Games Editor", True), ("October 28, 2024", True),
    ("3h ago", True), ("@annlee", True), ("ann.lee@example.org", True), ("View all posts", True),
    ("View More Articles", True), ("More stories", True),
    ("Harbour strike", False), ("The port reopened on Monday after talks.", False),
    # reading-time stamps, in several languages
    ("5 min read", True), ("| Lesedauer: 8 Minuten", True), ("Temps de lecture : 4 min", True),
    ("Tempo de leitura: 1 minuto", True), ("Reading time: ca. 10 minutes", True),
    ("5 minutes to read the harbour report", False),
    ("Senior Politics Editor, The Harbour Gazette", True),  # a role, then the outlet
    ("Harbour strike, the port and the ships", False),
    ("View profile", True), ("View full profile", True),  # a writer's profile button
    ("Profile", False),  # a kind of story, as a kicker names it
    ("Harbour News", False), ("Ferry and Port News", False),  # a section's or an outlet's name
    ("News Editor", True), ("Harbour News Reporter", True),  # a job that "news" is a word of
])
def test_author_markers(text, expected):
    assert rules.is_author_marker(line(text)) is expected


def test_contributors():
    text = "Lee reported from Lisbon. Press writer Tom Park in Porto contributed to this report."
    assert rules.contributors(line(text)) == ["Tom Park"]


# --- outlets -------------------------------------------------------------------------------


@pytest.mark.parametrize("text, agency", [
    ("LISBON (AP) — The dockers went back to work on Monday.", "The Associated Press"),
    ("LISBON, Oct 28 (Reuters) - The dockers went back to work.", "Reuters"),
    ("(AFP) - The dockers went back to work.", "Agence France-Presse"),
    ("The dockers (AP members) went back.", None),
    ("(HarbourTV) — The dockers went back to work.", "HarbourTV"),
    ("LISBON (HTV) -- The dockers went back to work.", "HTV"),
    ("(Updated) The dockers went back to work.", None),
])
def test_dateline_agency(text, agency):
    assert rules.dateline_agency(line(text)) == agency


@pytest.mark.parametrize("text, agency", [
    ("Reuters, Washington,", "Reuters"), ("AFP", "Agence France-Presse"),
    ("Reuters reported the strike was over.", None), ("Apple, Washington", None),
])
def test_agency_line(text, agency):
    assert rules.agency_line(line(text)) == agency


@pytest.mark.parametrize("rule, text, outlet", [
    (rules.self_named_outlet, "The Harbour Gazette has not been able to independently verify this.",
     "The Harbour Gazette"),
    (rules.self_named_outlet, "Police could not confirm the figure.", None),
    (rules.subscribe_outlet, "Subscribe to the Harbour Gazette", "the Harbour Gazette"),
    (rules.subscribe_outlet, "Subscribe to our newsletter", None),
    (rules.copyright_outlet, "© 2024 Harbour Gazette. All rights reserved.", "Harbour Gazette"),
    (rules.copyright_outlet, "Copyright 2019 Harbour Media, LLC", "Harbour Media"),
    (rules.supporting_outlet, "Thank you for supporting Harbour Weekly", "Harbour Weekly"),
    (rules.copyright_outlet, "(Image: © Space Agency)", None),  # no year: a picture credit
    (rules.copyright_outlet, "© 2019 Getty Images", None),
    (rules.subscribe_outlet, "Subscribe to Harbour Gazette on YouTube", "Harbour Gazette"),
])
def test_outlet_rules(rule, text, outlet):
    assert rule(line(text)) == outlet


# --- the whole parser ----------------------------------------------------------------------

STORY = (
    "The dockers voted to end the strike after a ten-hour meeting, the union said on Monday, "
    "and the first ships were unloaded within the hour."
)


def parse(text: str, markdown: bool = False):
    return normalise(extract_text(text, markdown=markdown), NOW)


def test_markdown_article():
    text = (
        "Skip to content\n\n# Harbour strike ends after ten days\n\n"
        "By [Ann Lee](/author/ann-lee) | October 28, 2024\n\n"
        "![cranes](c.jpg)\nCranes at the harbour. (AP Photo/Jane Roe)\n\n"
        f"LISBON (AP) — {STORY}\n\n"
        "Read [the union statement](https://example.org/s) here, the union said.\n\n"
        "## Most read\n\n* [Other story one](/a)\n* [Other story two](/b)\n"
    )
    article = parse(text, markdown=True)
    assert article.title == "Harbour strike ends after ten days"
    assert article.authors == ["Ann Lee"]
    assert article.published == "2024-10-28"
    assert article.outlet == "The Associated Press"
    assert article.provenance["authors"] == "byline" and article.provenance["outlet"] == "dateline"
    assert "Read the union statement here" in article.body and "](" not in article.body
    for gone in ("Skip to content", "AP Photo", "Other story", "Most read", "By Ann Lee"):
        assert gone not in article.body


def test_plain_text_with_name_and_stamp_and_bio():
    text = (
        "Harbour strike ends after ten days\n"
        "The union said the vote was close.\n"
        "Harbour strike ends after ten days\n"
        "Ann Lee\nUpdated:\n0:00\n\n"
        f"{STORY}\nThe port said on Oct. 28 that all berths were open again.\n"
        "A photo from June 3, 2024. Jane Roe/Getty Images\n"
        f"{STORY}\n"
        "Ann Lee\nAuthor\nAnn Lee is a freelance journalist at The Harbour Gazette.\n"
    )
    article = parse(text)
    assert article.title == "Harbour strike ends after ten days"
    assert article.description == "The union said the vote was close."
    assert article.authors == ["Ann Lee"]
    assert article.published == "2024-10-28"  # year from the nearest full date
    assert article.provenance["published"] == "text"
    assert article.outlet == "The Harbour Gazette"
    assert article.body.count("The dockers voted") == 1  # the repeat is gone
    for gone in ("Updated", "0:00", "Getty", "freelance journalist", "Author"):
        assert gone not in article.body


def test_agency_sign_off_and_contributor():
    text = (
        f"Harbour strike ends\n\n{STORY}\n\nTom Park in Porto contributed to this report.\n\n"
        "Ann Lee And Sue Ray, The Associated Press"
    )
    article = parse(text)
    assert article.authors == ["Ann Lee", "Sue Ray"]
    assert article.outlet == "The Associated Press"


def test_published_stamp_below_the_story_beats_dates_in_it():
    text = (f"Harbour strike ends\n\n{STORY}\n\nThe union said the next vote on pay would be "
            "held on April 9, 2019, after the port has counted its losses.\n\n"
            "Published: March 3, 2019\n")
    article = parse(text)
    assert article.published == "2019-03-03" and article.provenance["published"] == "stamp"


def test_labels_on_the_line_above_the_date():
    text = (f"# Harbour strike ends\n\nUpdated:\nMarch 6, 2019\nOriginal:\nMarch 3, 2019\n\n{STORY}\n")
    article = parse(text, markdown=True)
    assert (article.published, article.updated) == ("2019-03-03", "2019-03-06")


@pytest.mark.parametrize("stamps, published, updated", [
    ("Updated March 6, 2019; Published March 3, 2019", "2019-03-03", "2019-03-06"),
    ("Published March 3, 2019 | Updated March 6, 2019", "2019-03-03", "2019-03-06"),
    ("Posted March 3, 2019, last modified March 6, 2019", "2019-03-03", "2019-03-06"),
    # The same labels in the languages that write a slashed date day first.
    ("* Mis à jour le 06/03/2019 à 09:12\n* Publié le 03/03/2019 à 18:40", "2019-03-03", "2019-03-06"),
    ("Aktualisiert am 06/03/2019, veröffentlicht am 03/03/2019", "2019-03-03", "2019-03-06"),
    ("Actualizado 06/03/2019 - Publicado 03/03/2019", "2019-03-03", "2019-03-06"),
    ("Publié le 03/03/2019 | Mis à jour le 06/03/2019", "2019-03-03", "2019-03-06"),
])
def test_the_label_nearest_a_date_names_it(stamps, published, updated):
    article = parse(f"# Harbour strike ends\n\n{stamps}\n\n{STORY}\n", markdown=True)
    assert (article.published, article.updated) == (published, updated)


@pytest.mark.parametrize("foot, published", [
    # A field of the story's facts under it, labelled "Date", dates the story (not the later
    # days of the other stories listed after it); its value beside it or on the line below.
    ("* **Date** 04.03.2019\n* **Author** Ann Lee", "2019-03-04"),
    ("Datum:\n\n4. März 2019", "2019-03-04"),
    ("* **Date** 04.03.2019\n\n[Ferries run late again 09.05.2019 The port said ...](/a/2)", "2019-03-04"),
    ("* **Date** 04.03.2019\n* **Feedback**: Write to us about the strike. Please give your name and "
     "the town you live in.\n\n[![Quay](/q.jpg) Ferries run late again 09.05.2019 The port said the "
     "crews were short and the boats would run late until the end of the month.](/a/2)", "2019-03-04"),
    ("Date: 04.03.2019\n\n#### Related stories\n\n## Ferries run late again 09.05.2019\n\nThe port said the "
     "crews were short and the boats would run late until the end of the month.", "2019-03-04"),
    # Not an event's field ("Date: ... at the town hall"), nor two such fields of different days.
    ("Date: March 4, 2019 at the town hall, with the mayor and the harbour board", None),
    ("Date: March 4, 2019\n\nDate: March 9, 2019", None),
    # Nor a field inside the story (a notice's event, a paragraph after it), nor an English
    # "Data" over a figure's source.
    ("Date: March 4, 2019\n\nDetour: Elm Street\n\n" + STORY, None),
    ("Data\n\n04/03/2019\n\nSource: the port's own filings.", None),
])
def test_a_field_labelled_date_under_the_story_dates_it(foot, published):
    story = "\n\n".join([STORY] * 5)
    article = parse(f"# Harbour strike ends\n\n{story}\n\n{foot}\n", markdown=True)
    assert (article.published if article.provenance.get("published") == "stamp" else None) == published


@pytest.mark.parametrize("top, byline, published", [
    # A text that writes a month's name day first writes its slashed dates day first too.
    ("martes, 05 marzo 2019", "**Ana Ruiz** | Puerto | 04/03/2019", "2019-03-04"),
    ("Mardi 5 mars 2019", "Par Anne Roux, 04/03/2019", "2019-03-04"),
    ("Dienstag, 5. März 2019", "Von Anna Lenz | 04/03/2019", "2019-03-04"),
    # Not where the text's worded dates are month first, or where the slashed date can only be
    # read month first.
    ("Tuesday, March 5, 2019", "**Ana Ruiz** | Puerto | 04/03/2019", "2019-04-03"),
    ("martes, 05 marzo 2019", "**Ana Ruiz** | Puerto | 03/28/2019", "2019-03-28"),
])
def test_a_slashed_date_in_the_order_of_the_texts_worded_dates(top, byline, published):
    article = parse(f"{top}\n\n# Harbour strike ends\n\n{byline}\n\n{STORY}\n", markdown=True)
    assert article.published == published


@pytest.mark.parametrize("top, byline, quote, published", [
    # A date the story quotes in another language says nothing of its own byline's order.
    ("", "By Ann Lee | 04/03/2019", "a report dated martes, 5 marzo 2019 said so", "2019-04-03"),
    ("", "By Ann Lee\n\n04/03/2019", "the paper of 5 mars 2019 said so", "2019-04-03"),
    # An English worded date anywhere in the text: its slashed dates may be written month first.
    ("martes, 05 marzo 2019", "**Ana Ruiz** | Puerto | 04/03/2019", "the March 1, 2019 report said so", "2019-04-03"),
    # near-miss: the header's own worded date still sets the order
    ("martes, 05 marzo 2019", "**Ana Ruiz** | Puerto | 04/03/2019", "the report said so", "2019-03-04"),
])
def test_a_slashed_dates_order_is_read_from_the_header_alone(top, byline, quote, published):
    article = parse(f"{top}\n\n# Harbour strike ends\n\n{byline}\n\n{STORY}\n\nThe mayor said {quote}.\n",
                    markdown=True)
    assert article.published == published


@pytest.mark.parametrize("stamps, published", [
    ("By Ann Lee\n\nPublished March\n3, 2019", "2019-03-03"),  # wrapped inside the date
    ("By Ann Lee\n\nPublished March\n\n3, 2019", None),  # a blank line between: not one date
])
def test_a_date_wrapped_onto_the_next_line(stamps, published):
    article = parse(f"# Harbour strike ends\n\n{stamps}\n\n{STORY}\n", markdown=True)
    assert article.published == published


@pytest.mark.parametrize("text, unglued", [
    # a stamp's year and clock in two elements with no space between
    ("Published Tue, Mar 3 20197:05 AM ESTUpdated", "Published Tue, Mar 3 2019 7:05 AM EST Updated"),
    ("Mar 3 201911:40 PM", "Mar 3 2019 11:40 PM"),
    # near-misses: no half of the day or zone after it, or no space before the year
    ("Mar 3 20197:05 is the score", "Mar 3 20197:05 is the score"), ("Total 20241:30 AM", "Total 20241:30 AM"),
])
def test_a_year_glued_to_its_clock(text, unglued):
    assert rules.unglue_stamps(text) == unglued


@pytest.mark.parametrize("stamp, published", [
    # only an "Updated" stamp in the header, the story's own day before it
    ("Updated March 18, 2019", "2019-03-18"),
    ("Updated 1909 GMT (0309 HKT) March 18, 2019", "2019-03-18"),
    ("Updated September 13, 2018", "2018-09-13"),  # days after the story's: the same
    # near-misses: the header says when it was published too; the update on the story's day
    ("Published September 10, 2018 | Updated March 18, 2019", "2018-09-10"),
    ("Updated September 11, 2018", "2018-09-11"),
])
def test_an_update_stamp_against_a_background_day_in_the_story(stamp, published):
    story = ("In a letter dated September 11, 2018, the harbour master said the quay was safe for "
             "the ferries, and the union agreed with him at the time.")
    article = parse(f"# Harbour strike ends\n\nBy Ann Lee\n\n{stamp}\n\n{STORY}\n\n{story}\n", markdown=True)
    assert (article.published or "")[:10] == published


@pytest.mark.parametrize("masthead, foot, published", [
    # a masthead's day over the headline, the "Published" stamp under the story: the stamp
    ("Wednesday, March 6, 2019 Lisbon, Portugal 38° Cloudy", "Published: March 5, 2019, 6:18 p.m.", "2019-03-05"),
    # near-misses: no stamp under the story; a stamp of another kind
    ("Wednesday, March 6, 2019 Lisbon, Portugal 38° Cloudy", "Tags: ports, ships", "2019-03-06"),
    ("Wednesday, March 6, 2019 Lisbon, Portugal 38° Cloudy", "Updated: March 5, 2019, 6:18 p.m.", "2019-03-06"),
    # nor a "Posted" stamp (a comment's, a list's other story's), two stamps, or one after the
    # masthead's day: the date over the headline stays
    ("News | March 5, 2019", "Related\n\nFerry fares to rise\n\nPosted on February 28, 2019", "2019-03-05"),
    ("Harbor News · March 5, 2019", "Latest\n\nPosted March 10, 2019 in Harbor News", "2019-03-05"),
    ("Wednesday, March 6, 2019", "Published: March 1, 2019\n\nPublished: March 2, 2019", "2019-03-06"),
    ("Wednesday, March 6, 2019", "Published: March 9, 2019", "2019-03-06"),
])
def test_a_published_stamp_under_the_story_beats_a_mastheads_day(masthead, foot, published):
    text = f"{masthead}\n\n# Harbour strike ends\n\nBy Ann Lee\n\n{STORY}\n\n{STORY}\n\n{foot}\n"
    assert (parse(text, markdown=True).published or "")[:10] == published


@pytest.mark.parametrize("last, authors", [
    ("Join Harbor Discussion", []), ("Conversation Starters", []), ("Join the Conversation", []),  # comments' headings
    ("Ann Lee", ["Ann Lee"]),  # a writer's name alone there does
])
def test_the_last_line_of_a_text_as_its_signature(last, authors):
    text = f"# Harbour strike ends\n\n{STORY}\n\n{STORY}\n\n{STORY}\n\n{last}\n"
    assert parse(text, markdown=True).authors == authors


def test_a_captions_date_below_the_byline_is_not_the_storys():
    header = ("March 3, 2019 / 12:21 AM\n\n# Harbour strike ends\n\nAnn Lee\n\n"
              "FILE PHOTO: Cranes stand idle at the quay in Porto, March 2, 2019. HARBOR/Jane Roe")
    article = parse(f"{header}\n\n{STORY}\n", markdown=True)
    assert (article.published or "")[:10] == "2019-03-03"


def test_a_stamp_with_its_year_glued_to_its_clock_dates_the_story():
    article = parse(f"# Harbour strike ends\n\nBy Ann Lee\n\nPublished Tue, Mar 3 20197:05 AM EST\n\n{STORY}\n", markdown=True)
    assert (article.published or "")[:10] == "2019-03-03"


@pytest.mark.parametrize("text, names", [
    ("by [Marlo](/author/marlo) September 15, 2014", ["Marlo"]),  # "By" and an author page: two signals
    ("By [Marlo](/tag/marlo)", []), ("By Marlo", []),  # one signal alone
    ("By [Share](/author/x)", []), ("Photos by [Marlo](/author/marlo)", []),
    ("The ship was built by [Marlo](/author/marlo)", []),
    # "By" and the byline's own date right after the word: two signals too
    ("by Marlo September 15, 2014", ["Marlo"]), ("By Marlo | 15/09/2014", ["Marlo"]),
    # near-misses: a weekday or a month before the date, an agency, more words than a date after
    ("By Friday September 15, 2014", []), ("By September 15, 2014", []), ("By Reuters September 15, 2014", []),
    ("By Marlo September 15, 2014 the ships had gone", []), ("The ship was built by Marlo September 15, 2014", []),
])
def test_lone_author(text, names):
    assert rules.lone_author(line(text)) == names


@pytest.mark.parametrize("text, names", [
    ("Ann Lee / Harbour Gazette", ["Ann Lee"]),
    ("ANN LEE AND TOM PARK/Daily Star", ["Ann Lee", "Tom Park"]),
    ("Ann Lee / The Harbour Gazette", ["Ann Lee"]),
    ("Ann Lee / Getty Images", []), ("Jane Roe/AP Photo", []), ("Ann Lee / Reuters", []),
    ("Ann Lee / Harbour Gazette file photo", []),
    ("Harbour strike / Ports", []),  # no name before the slash
    ("Ann Lee / the union said so", []),
    ("Ann Lee / Harbour Gazette, April 19, 2020", ["Ann Lee"]),  # the stamp after the outlet
    ("Ann Lee / Getty Images, April 19, 2020", []),
    ("Ann Lee / Harbour Gazette/", ["Ann Lee"]),  # a slash closing the credit
    ("Ann Lee / Harbour Gazette, @annlee", ["Ann Lee"]), ("Ann Lee / Harbour Gazette @ annlee", ["Ann Lee"]),
    ("Ann Lee / Harbour Gazette / March 3, 2019", ["Ann Lee"]),
    ("18/03/2019 | Ann Lee / Harbour Gazette", ["Ann Lee"]),  # a stamp before the name
    ("18/03/2019 | Harbour strike / Ports", []),
    ("Ann Lee / Getty Images, @annlee", []),
])
def test_name_slash_outlet(text, names):
    assert rules.name_slash_outlet(line(text)) == names


@pytest.mark.parametrize("header, authors", [
    ("* Ann Lee\n* March 3, 2019", ["Ann Lee"]),  # a byline block written as a list
    ("#### Ann Lee\n\nMarch 3, 2019", ["Ann Lee"]),  # the author card's minor heading
    ("### Ann Lee", ["Ann Lee"]),  # a minor heading right under the headline
    ("### The harbour in numbers\n\n### Ann Lee", []),  # not right under the headline
    ("* Harbour News\n* March 3, 2019", []),
    ("* Ann Lee\n* Tom Park", []),  # a list of people with no stamp beside them
    ("![dock](a.jpg)\n\nCranes stand idle. (Photo: Sue Ray)\n\nAnn Lee", ["Ann Lee"]),  # photo between
    ("By Ann Lee\n\nTom Park\n\nMarch 3, 2019", ["Ann Lee", "Tom Park"]),  # the second author below
    ("By ANN LEE, TOM PARK and SUE\nRAY", ["Ann Lee", "Tom Park", "Sue Ray"]),  # wrapped mid-name
    ("By Ann\nLee", ["Ann Lee"]),  # wrapped inside the first name
    # a menu of shows, one "By ..." among them: no writer starts on that line
    ("By All Tides Rising\nLow Water\nSalt & Spray\nHarbor Lights", []),
    ("By Ann Lee\nMarch 3, 2019", ["Ann Lee"]),  # the line below is a stamp, not more names
    ("By\nAnn Lee\nTom Park\n5 min read", ["Ann Lee", "Tom Park"]),  # one name a line after "By"
    ("Ann Lee1, Tom Park2, Sue Ray1", ["Ann Lee", "Tom Park", "Sue Ray"]),  # a paper's authors
    ("Dockers at the gate – video\n\nGazette\n\nAnn Lee\n\nand\n\nTom Park\n\nMarch 3, 2019", ["Ann Lee", "Tom Park"]),
    ("Dockers at the gate – video\n\nGazette\n\nAnn Lee\n\nTom Park\n\nMarch 3, 2019", ["Tom Park"]),  # no joining word: the name above may be anyone's
    ("By\nAnn Lee\nHarbour Health News", ["Ann Lee"]),  # the outlet below is no second author
    ("Ann Lee\n\nSenior Politics Editor, The Harbour Gazette", ["Ann Lee"]),
    ("Ann Lee / Harbour Gazette\n\nMarch 3, 2019", ["Ann Lee"]),  # a credit's shape in a byline's place
    ("By Ann Lee / Harbour Gazette", ["Ann Lee"]),
    ("JULIA ANN LEE AND TOM PARK\n\nMarch 3, 2019", ["Julia Ann Lee", "Tom Park"]),
    ("![dock](a.jpg)\n\nCranes stand idle. Ann Lee / Harbour Gazette\n\nSue Ray", ["Sue Ray"]),
    ("Ann Lee\nPorts Editor\nHarbour Finance October 13, 2016", ["Ann Lee"]),  # the outlet's title, a desk's word in it
    ("本报记者\n王小明", ["王小明"]),  # a Chinese label alone, the name below it
    ("Human Rights\n\nMarch 3, 2019", []), ("Champions League | March 3, 2019", []),  # tags beside the date
    ("Tom Park\n\nTom Park, the union's leader, said the deal was fair.", []),  # a portrait's caption
    ("Ann Lee\n\nAnn Lee is a staff writer who covers the port.", ["Ann Lee"]),  # the writer's bio below
    ("Par\nAnn Lee\n(avec Tom Park et Sue Ray)", ["Ann Lee", "Tom Park", "Sue Ray"]),  # co-authors below the name
    # the names and a date opened by a short weekday on one line
    ("Ann Lee Mon 28 Oct 2024 10.30 GMT", ["Ann Lee"]), ("Ann Lee and Tom Park Thu 28 Oct 2024", ["Ann Lee", "Tom Park"]),
    ("Ann Lee Lisbon correspondent", ["Ann Lee"]),  # a role in sentence case, no comma
    ("Ann Lee, for The Harbour Gazette", ["Ann Lee"]),  # a freelance's credit
    ("Ann Lee in Lisbon and Tom Park in Porto", ["Ann Lee", "Tom Park"]), ("Ann Lee and agencies", ["Ann Lee"]),
    # a line of credits, the writer's after the pictures' (it read as a photo's credit)
    ("Photos: Tom Park | Words: Ann Lee", ["Ann Lee"]), ("Photos by Tom Park | By Ann Lee", ["Ann Lee"]),
    ("Ann Lee, MD, MPH", ["Ann Lee"]),  # a writer's degrees after the name, under the headline
    (f"{STORY}\n\n{STORY}\n\nAnn Lee, MD, MPH", []),  # far below it: whom the story quotes
    # a menu's items far below the headline, each over the name of its section
    (f"{STORY}\n\n{STORY}\n\nPopular\n\nHarbor Showtime\nFerry News\nDock Talkies\nArts & Ships", []),
])
def test_byline_blocks_in_other_shapes(header, authors):
    article = parse(f"# Harbour strike ends\n\n{header}\n\n{STORY}\n", markdown=True)
    assert article.authors == authors


STANDFIRST = ("After six weeks on strike, the dockers of the northern harbour went back to work on "
              "Monday with a pay rise and a shorter week.")


@pytest.mark.parametrize("header, authors", [
    (f"{STANDFIRST}\n\nAnn Lee", ["Ann Lee"]),  # a standfirst long enough to read as prose
    (f"{STANDFIRST}\n\nAnn Lee\n\nAnn Lee, the union's leader, said the deal was fair.", []),  # who is pictured
    (f"{STANDFIRST}\n\nPHOTOGRAPH COURTESY OF HARBOUR TUGS", []),
    # a page's buttons between the standfirst and the name: still the byline's place
    (f"{STANDFIRST}\n\nListen to this article · 5 min\n\nAnn Lee", ["Ann Lee"]),
    (f"{STANDFIRST}\n\nGift this article\n\nShare\n\n12 comments\n\nAnn Lee", ["Ann Lee"]),
    (f"{STANDFIRST}\n\nSave article\n\nText size\n\nAnn Lee", ["Ann Lee"]),
])
def test_a_name_below_a_long_standfirst(header, authors):
    article = parse(f"# Harbour strike ends\n\n{header}\n\n{STORY}\n", markdown=True)
    assert article.authors == authors


@pytest.mark.parametrize("text, names", [
    ("Ann Lee, MD, MPH", ["Ann Lee"]), ("Ann Lee, RD, LDN", ["Ann Lee"]), ("Ann Lee, Ph.D., MBA", ["Ann Lee"]),
    ("Ann Lee, MD", []),  # one degree alone: name_and_outlet's
    ("Ports, MA, MD", []), ("The clinic, MD, MPH", []), ("Ann Lee, MD, and Tom Park, PhD", []),
])
def test_name_with_degrees(text, names):
    assert rules.name_with_degrees(line(text)) == names


@pytest.mark.parametrize("text, names", [
    ("Ann Lee Associated Press", ["Ann Lee"]),
    ("Ann Lee Harbour Daily Star", ["Ann Lee"]),
    ("Ann Lee and Tom J. Park Northern Harbour Argus Leader", ["Ann Lee", "Tom J. Park"]),
    ("Ann Lee Harbour Lisbon", []),  # no agency and no newspaper's last word
    ("The Harbour Daily Star", []),  # no person before the outlet
    ("Harbour Tugs Editorial Staff", []),  # a desk, not an outlet after a name
    ("Ann Lee, Harbour Daily Star", []),  # with a comma: byline_with_organisation's form
])
def test_names_with_outlet(text, names):
    assert rules.names_with_outlet(line(text)) == names


@pytest.mark.parametrize("text, names", [
    ("山田太郎", ["山田太郎"]), ("山田 太郎", ["山田 太郎"]), ("王明", ["王明"]),
    ("ニュース", []), ("港のストライキ", []), ("港湾労働組合連合会", []), ("Ann Lee", []),
    ("公開日", []), ("更新日時", []), ("发布时间", []), ("来源", []),  # a byline block's labels
    ("商品情報", []), ("新闻", []), ("首页", []), ("本报记者", []),  # sections, a label
])
def test_cjk_name_line(text, names):
    assert rules.cjk_name_line(line(text)) == names


@pytest.mark.parametrize("end, authors", [
    ("## About the author\n\nAnn Lee\n\nAnn covers the docks.", ["Ann Lee"]),
    ("### Über den Autor\n\nAnn Lee ist Redakteurin.", ["Ann Lee"]),  # a German bio under its heading
    ("### Über den Autor\n\nAnn Lee ist eine deutsche Politikerin.", []),  # no writer's role in it
    ("About the author:\n\nAnn Lee is a reporter at The Harbour Gazette.", ["Ann Lee"]),
    ("## About the port\n\nAnn Lee", []),
])
def test_an_author_box_below_the_story(end, authors):
    text = f"# Harbour strike ends\n\n{STORY}\n\n{STORY} Again.\n\n{STORY} Once more.\n\n{end}\n"
    assert parse(text, markdown=True).authors == authors


def test_a_cjk_name_needs_a_stamp_beside_it():
    top = "# 港のストライキが終わった\n\n"
    assert parse(top + f"山田太郎\n\n2019.03.26\n\n{STORY}\n", markdown=True).authors == ["山田太郎"]
    assert parse(top + f"山田太郎\n\n{STORY}\n", markdown=True).authors == []


@pytest.mark.parametrize("text, names", [
    ("— Ann Lee", ["Ann Lee"]), ("-- Ann Lee and Tom Park", ["Ann Lee", "Tom Park"]),
    ("— Ann Lee, Lisbon", ["Ann Lee"]), ("— Ann Lee, New York", ["Ann Lee"]),  # where the columnist signs from
    ("— the end, Lisbon", []),
    ("— the port, again", []), ("Ann Lee", []),
])
def test_sign_off(text, names):
    assert rules.sign_off(line(text)) == names


@pytest.mark.parametrize("text, expected", [
    ("Filed under:", True), ("Tech —", True), ("Ann Lee/", True), ("harbourgazette.com", True),
    ("harbourgazette.com © 1996-2015 The Harbour Gazette", True), ("Supported by", True),
    ("Edited by Ann Lee", True), ("Continue reading the main story", True), ("3 related articles", True),
    ("– Ports", True), ("› Ports", True),  # the next step of a breadcrumb
    ("83.1k", True), ("4 years ago", True), ("an hour ago", True),
    ("Wednesday,", True), ("13 Aug", True), ("Aug. 13", True), ("08:40 03.02.2021Share this", True),
    ("Strike ends, talks go on", False), ("13 dockers hurt", False), ("Dockers vote to end the strike", False), ("Why did the strike end?", False),
])
def test_labels(text, expected):
    assert rules.is_label(line(text)) is expected


@pytest.mark.parametrize("top, title", [
    ("Politics\n\nDockers vote to end the strike", "Dockers vote to end the strike"),  # a section's name above
    ("Home\n\n– Ports\n\nDockers vote to end the strike", "Dockers vote to end the strike"),  # a breadcrumb
    ("Strike", "Strike"),  # a one-word headline right over the story
    ("Filed under:\n\nDockers vote to end the strike", "Dockers vote to end the strike"),
    ("Harbour strike\n\nDockers vote to end the six-week strike", "Dockers vote to end the six-week strike"),  # a kicker
    ("Harbour strike ends\n\nDockers went back to work after six weeks.", "Harbour strike ends"),  # a standfirst
])
def test_a_plain_headline_below_a_section_name(top, title):
    assert parse(f"{top}\n\n{STORY}\n", markdown=False).title == title


@pytest.mark.parametrize("top", [
    "Home › News › World", "Toggle navigation", "Sign in to your account", "Politics | Ports",
    "Share on Facebook Share on Twitter",
])
def test_menu_rows_before_a_plain_headline_are_not_the_title(top):
    text = f"{top}\n\nDockers vote to end the strike\n\n{STORY}\n"
    assert parse(text, markdown=False).title == "Dockers vote to end the strike"


@pytest.mark.parametrize("text, title, authors", [
    # fail before: wire copy's headline in capitals over the story's first paragraph (a
    # dateline lede) or its byline: read as a name, the paragraph under it became the title
    (f"HARBOUR BOARD CUTS FERRY\n\nKESTREL BAY — The harbour board voted on Monday night to cut the ferry "
     f"service to two crossings a day.\n\n{STORY}\n",
     "HARBOUR BOARD CUTS FERRY", []),
    (f"HARBOUR BOARD CUTS FERRY\n\nBy Ann Lee\n\n{STORY}\n", "HARBOUR BOARD CUTS FERRY", ["Ann Lee"]),
    # ...and over its writer's name in capitals, the dateline lede under it (fail before: the
    # lede was the title, and no writer)
    (f"HARBOUR BOARD CUTS FERRY\n\nANN LEE\n\nKESTREL BAY — The harbour board voted on Monday night to cut "
     f"the ferry service to two crossings a day.\n\n{STORY}\n", "HARBOUR BOARD CUTS FERRY", ["Ann Lee"]),
    (f"HARBOUR BOARD CUTS FERRY\n\nANN LEE\n\nMarch 5, 2024\n\n{STORY}\n", "HARBOUR BOARD CUTS FERRY", ["Ann Lee"]),
    # near misses, read as before: a writer's name in capitals under the headline; a line in
    # capitals of three words over a headline (a kicker)
    (f"Dockers vote to end the strike\n\nANN LEE\n\n{STORY}\n", "Dockers vote to end the strike", ["Ann Lee"]),
    (f"PORT OF LISBON\n\nDockers vote to end the strike\n\nBy Ann Lee\n\n{STORY}\n", "Dockers vote to end the strike",
     ["Ann Lee"]),
    # a short headline over a byline with the outlet (and a date line under it): no kicker over
    # a headline, as a two- or three-word line over a longer one is (fail before: the byline
    # was the title)
    (f"Ferry strike looms\n\nAnn Lee | The Harbor Ledger\n\n{STORY}\n", "Ferry strike looms", ["Ann Lee"]),
    (f"Ferry strike looms\n\nANN LEE, STAFF WRITER | The Harbor Ledger\n\nPublished 04.03.2025, 14:05\n\n{STORY}\n",
     "Ferry strike looms", ["Ann Lee"]),
    (f"Dakota pipeline\n\nProtesters dig in at the river crossing\n\nBy Ann Lee | The Harbor Ledger\n\n{STORY}\n",
     "Protesters dig in at the river crossing", ["Ann Lee"]),
])
def test_a_headline_in_capitals_over_the_story(text, title, authors):
    article = parse(text, markdown=False)
    assert (article.title, article.authors) == (title, authors)
    assert STORY in article.body


@pytest.mark.parametrize("text, title", [
    # fail before: the only level-1 heading a number alone (a novel's name, a year's), the
    # story's first sentence taken for the title and lost from the body
    (f"# 1984\n\n{STORY}\n", "1984"), (f"# 2046\n\nBy Ann Lee\n\n{STORY}\n", "2046"),
    # near misses, read as before: a number alone in a line (a page's number), a number heading
    # below the story's first paragraph (a section's)
    (f"Dockers vote to end the strike\n\n2\n\n{STORY}\n", "Dockers vote to end the strike"),
    (f"Dockers vote to end the strike\n\n{STORY}\n\n# 2\n\n{STORY} Again.\n", "Dockers vote to end the strike"),
])
def test_a_number_alone_as_the_only_headline(text, title):
    article = parse(text, markdown=True)
    assert article.title == title and article.body.startswith(STORY)


LONG_HEADLINE = ("Harbour board votes to sell the old ferry terminal, close the night crossing, raise "
                 "berthing fees for the fishing fleet and borrow against the quay to pay for a new "
                 "breakwater, after a meeting that ran past midnight and ended with two members walking "
                 "out in protest at what they called a done deal")  # 58 words, 323 characters


@pytest.mark.parametrize("text, title", [
    # fail before: the one level-1 heading, over 40 words or 300 characters, was neither title
    # nor body (taken for the page's furniture above the story): the words were lost
    (f"# {LONG_HEADLINE}\n\n{STORY}\n\n{STORY}\n", LONG_HEADLINE),
    (f"# {LONG_HEADLINE}\n\nBy Ann Lee\n\n{STORY}\n\n{STORY}\n", LONG_HEADLINE),
    (f"{LONG_HEADLINE}\n{'=' * 20}\n\n{STORY}\n\n{STORY}\n", LONG_HEADLINE),
    # near misses, read as before: a heading of 40 words; a long heading below the headline
    (f"# {' '.join(LONG_HEADLINE.split()[:40])}\n\n{STORY}\n\n{STORY}\n", " ".join(LONG_HEADLINE.split()[:40])),
    (f"# Dockers vote to end the strike\n\n## {LONG_HEADLINE}\n\n{STORY}\n\n{STORY}\n", "Dockers vote to end the strike"),
])
def test_a_level_one_heading_longer_than_a_headline_runs(text, title):
    article = parse(text, markdown=True)
    assert article.title == title and article.body.endswith(STORY)


@pytest.mark.parametrize("bar", [
    # fail before: a share bar below the story, its buttons' names in one line after its label,
    # stayed in the body (and kept that copy of the story from folding with the others)
    "Share this article: Twitter Facebook Email", "Share: WhatsApp, Telegram, SMS",
    # (read so before too: without a label, and "Share via" with one button's name)
    "Facebook | X | LinkedIn | Email", "Share via Email Print",
])
def test_a_share_bar_below_the_story_is_no_part_of_it(bar):
    for markdown in (True, False):
        article = parse(f"Dockers vote to end the strike\n\nBy Ann Lee\n\n{STORY}\n\n{bar}\n", markdown=markdown)
        assert article.body == STORY, (bar, markdown)


@pytest.mark.parametrize("line", [
    # near misses: the story's lines that name the networks, read as before
    "Facebook and X removed the posts within hours.", "Share prices fell on Twitter's news.",
    "Email the harbour office to book a berth.",
])
def test_a_storys_line_naming_the_networks_stays(line):
    article = parse(f"Dockers vote to end the strike\n\nBy Ann Lee\n\n{STORY}\n\n{line}\n", markdown=False)
    assert article.body == f"{STORY}\n\n{line}"


@pytest.mark.parametrize("top, title", [
    ("# [Harbour Gazette](/)\n\n* [Home](/)\n\n# Dockers vote to end the strike", "Dockers vote to end the strike"),
    ("# [Harbour Gazette](https://example.org/)\n\n# Dockers vote to end the strike", "Dockers vote to end the strike"),
    ("# [Dockers vote to end the strike](/2019/03/strike)\n\n# Other", "Dockers vote to end the strike"),
    ("# [Harbour Gazette](/)", "Harbour Gazette"),  # the only level-1 heading stays the title
    ("# [Harbour Gazette](https://example.org/)[Opinion](/opinion)\n\n* [Home](/)\n\n# Dockers vote to end the strike",
     "Dockers vote to end the strike"),  # the logo with its section's link
    ("# [Dockers vote](/2019/03/strike) [to end the strike](/)\n\n# Other", "Dockers vote to end the strike"),
    ("[Docs] [PDF] [Print]\n\nDockers vote to end the strike", "Dockers vote to end the strike"),
])
def test_site_logo_and_button_rows_are_not_the_title(top, title):
    assert parse(f"{top}\n\n{STORY}\n", markdown=True).title == title


@pytest.mark.parametrize("top, published", [
    ("Saturday, March 9, 2019\n\n# Harbour strike ends\n\nMarch 3, 2019", "2019-03-03"),  # masthead day
    ("Saturday, March 9, 2019\n\n# Harbour strike ends", "2019-03-09"),  # nothing better below
    ("# Harbour strike ends\n\nMarch 3, 2019", "2019-03-03"),
])
def test_dates_below_the_headline_beat_dates_above_it(top, published):
    assert parse(f"{top}\n\n{STORY}\n", markdown=True).published == published


@pytest.mark.parametrize("top, authors", [
    ("* [Port reopens](/p) By Tom Park\n* [Cranes idle](/c)\n\n# Harbour strike ends\n\nLisbon\n\nBy Ann Lee", ["Ann Lee"]),
    ("By Ann Lee\n\n# Harbour strike ends", ["Ann Lee"]),  # above the headline when nothing is below
    ("Ann Lee\n\nIdeas\n\nNovember 14, 2019 09:00 AM\n\n# Harbour strike ends", ["Ann Lee"]),  # a byline block above
    ("Ann Lee\n\nIdeas\n\n# Harbour strike ends", []),  # no stamp: a name in a menu
    ("Tom Park\n\nMarch 4, 2019\n\n* [Port](/p)\n\n* [Docks](/d)\n\n* [Ships](/s)\n\n* [More](/m)\n\n"
     "# Harbour strike ends", []),  # far above, past a menu
])
def test_bylines_below_the_headline_are_read_first(top, authors):
    assert parse(f"{top}\n\n{STORY}\n", markdown=True).authors == authors


def test_latest_story_date_when_no_byline_date():
    text = (f"Harbour strike ends\n\n{STORY} Talks began on March 1, 2019, and the port "
            "closed on March 4, 2019, a week before the vote.\n")
    article = parse(text)
    assert article.published == "2019-03-04" and article.provenance["published"] == "text"


def test_explicit_byline_beats_a_tag_beside_a_stamp():
    text = (f"Harbour Strike\nPublished 1 day ago\n# Dockers vote to end the harbour strike\n"
            f"By Ann Lee | Harbour Gazette\nShare\n\n{STORY}\n")
    article = parse(text, markdown=True)
    assert article.authors == ["Ann Lee"]


def test_nothing_is_guessed():
    article = parse(f"Harbour strike ends\n\n{STORY}\n\nThe ships left on Monday.")
    assert article.authors == [] and article.published is None and article.outlet is None


def test_empty_text():
    article = extract_text("  \n\n ")
    assert article.title is None and article.body == ""


# (The line below is a standfirst, a sentence: a short line over a longer headline would be
# that headline's kicker.)
@pytest.mark.parametrize("top, title", [
    ("Versions: 00 01 02 03\n\nDockers vote to end the strike.", "Dockers vote to end the strike."),
    ("Scores 2 1 3 0\n\nDockers vote to end the strike.", "Dockers vote to end the strike."),
    ("Apollo 11 lands\n\nDockers vote to end the strike.", "Apollo 11 lands"),  # a number in a headline
    ("Top 10\n\nDockers vote to end the strike.", "Top 10"),
])
def test_rows_of_figures_are_not_the_title(top, title):
    assert parse(f"{top}\n\n{STORY}\n").title == title


@pytest.mark.parametrize("top, title", [
    ("HARBOUR BULLETIN          Issue twelve\n\nDockers vote to end the strike", "Dockers vote to end the strike"),
    ("Port of Lisbon    Port of Porto    Port of Sines\n\nDockers vote to end the strike",
     "Dockers vote to end the strike"),
    # Two spaces inside a sentence are a typing slip, not a gap between columns.
    ("Dockers vote  to end the strike\n\nPort reopens", "Dockers vote to end the strike"),
])
def test_rows_laid_out_in_columns_are_not_the_title(top, title):
    assert " ".join(parse(f"{top}\n\n{STORY}\n").title.split()) == " ".join(title.split())
    assert parse(f"{top}\n\n{STORY}\n").title == title


TYPED = (  # a typed page: a header in two columns, a title centred, prose wrapped at 40
    "HARBOUR BULLETIN                 No. 12\n"
    "Lisbon                      March 2019\n\n"
    "{title}\n\n"
    "The dockers voted to end the strike\n"
    "after a ten-hour meeting, the union\n"
    "said on Monday, and the first ships\n"
)


@pytest.mark.parametrize("title, expected", [
    ("               Strike", "Strike"),  # centred: margins alike on both sides
    ("Strike", "The dockers voted to end the strike"),  # flush left: a label, not a title
    ("                              Strike", "The dockers voted to end the strike"),  # set right
])
def test_a_centred_one_word_line_is_the_title(title, expected):
    assert parse(TYPED.format(title=title)).title == expected


@pytest.mark.parametrize("top, title", [
    ("# Harbour Gazette\n\n* Home\n* Sport\n\n# Dockers vote to end the strike", "Dockers vote to end the strike"),
    ("# Gazette\n\nShow menu\n\n# Dockers vote to end the strike", "Dockers vote to end the strike"),
    ("# Strike ends\n\nThe port said the ships were unloaded within the hour of the vote.\n\n# Other news",
     "Strike ends"),  # prose between: the first heading is the headline
    ("# Dockers vote to end the strike\n\n* Share\n\n# Related", "Dockers vote to end the strike"),
    # Nothing between, or only the day's date: a site's or a section's name over the headline.
    ("# Politics\n\n# Dockers vote to end the strike", "Dockers vote to end the strike"),
    ("# Harbour Gazette\n\nMonday, March 4, 2019\n\n# Dockers vote to end the strike", "Dockers vote to end the strike"),
    ("# Strike\n\n# Ends", "Strike"),  # the second no longer: nothing tells them apart
])
def test_a_short_heading_above_a_menu_is_the_masthead(top, title):
    assert parse(f"{top}\n\n{STORY}\n", markdown=True).title == title


# --- a plain headline found from the byline below it ---------------------------------------

MASTHEAD = "Harbour Gazette\n\nPorts and Shipping\n\n"
TEASERS = "Cranes stand idle at the northern quay\n\nShipping lines reroute to the south\n\n"


@pytest.mark.parametrize("top, title", [
    # The site's name and sections above: the headline is the line over the byline.
    (MASTHEAD + "Dockers vote to end the six-week strike\n\nBy Ann Lee", "Dockers vote to end the six-week strike"),
    (MASTHEAD + "Updated\n\nDockers vote to end the six-week strike\n\nShare\n\nMarch 3, 2019",
     "Dockers vote to end the six-week strike"),  # buttons and a stamp between
    # A standfirst ending with a full stop between: the line above it is the headline.
    (TEASERS + "Dockers vote to end the six-week strike\n\nBut the port will take months to recover.\n\n"
     "Ann Lee, @annlee", "Dockers vote to end the six-week strike"),
    # A long headline in title case that ends like a sentence, then a standfirst in sentence case.
    ("Ports\n\nUnion Leader on Ending the Long Harbour Strike: 'We Would Do It All Again Tomorrow, "
     "Every Single Day!'\n\nThe dockers' leader explained why the union voted to go back to work\n\nBy Ann Lee",
     "Union Leader on Ending the Long Harbour Strike: 'We Would Do It All Again Tomorrow, Every Single Day!'"),
    # Not decided by the byline: two sentence-case lines (headline and standfirst, or kicker
    # and headline), a second standfirst under a long one, a date inside a link's text.
    ("Dockers vote to end the strike\n\nThe union says the worst is yet to come for the port\n\nBy Ann Lee",
     "Dockers vote to end the strike"),
    ("Dockers vote to end the strike\n\nThe union said on Monday that the strike was over and that the "
     "port would open again by the end of the week.\n\nShips wait outside the harbour\n\nBy Ann Lee",
     "Dockers vote to end the strike"),
    ("Dockers vote to end the strike\n\nRelated stories on the port\n\n[Port strike 2019/03/01](/p)",
     "Dockers vote to end the strike"),
])
def test_a_plain_headline_over_its_byline(top, title):
    assert parse(f"{top}\n\n{STORY}\n", markdown=False).title == title


@pytest.mark.parametrize("top, title", [
    # A feature's long credits line (several "Role by Name" credits) over its date is no
    # headline: the headline is the line above (it was taken for the title, the credits too long
    # for the short-credit rule).
    ("Harbor Life\n\nThe Last Ferry Home\n\nBy The Harbor Ledger\n\nProduced by Ann Lee and Tom Park, Photographs "
     "by Sue Ray, Written by Bo Kim, Graphics by Cy Tan, Video by Di Ho\n\nMarch 3, 2019", "The Last Ferry Home"),
    ("The Last Ferry Home\n\nWords by Bo Kim and Ann Lee of the harbour desk; photographs by Sue Ray and "
     "Tom Park\n\nMarch 3, 2019", "The Last Ferry Home"),
    # (near misses: a long headline with a "by" in it, and one "by" credit in a headline)
    ("Harbor Life\n\nAbandoned by the Port Authority, Rescued by Strangers: How the Island's Last Ferry "
     "Crew Kept the Boats Running\n\nMarch 3, 2019",
     "Abandoned by the Port Authority, Rescued by Strangers: How the Island's Last Ferry Crew Kept the Boats Running"),
    ("Harbor Life\n\nDriven by Fear, Rescued by Strangers, Guided by the Island's Old Ferry Crew Through the "
     "Long Winter Storm\n\nMarch 3, 2019",
     "Driven by Fear, Rescued by Strangers, Guided by the Island's Old Ferry Crew Through the Long Winter Storm"),
])
def test_a_long_credits_line_is_not_the_headline(top, title):
    assert parse(f"{top}\n\n{STORY}\n", markdown=False).title == title


@pytest.mark.parametrize("top, title", [
    # A headline parted over two lines by its spans or a <br>, the first ending on a small word
    # (the first, or the second as the headline under a kicker, was the title alone)
    ("Welcome to\nThe Harbor Ferry Guide\n\nBy Ann Lee", "Welcome to The Harbor Ferry Guide"),
    ("# Welcome to\nThe Harbor Ferry Guide\n\nBy Ann Lee", "Welcome to The Harbor Ferry Guide"),
    ("Welcome to\nHarbor Ferry Guide\n\nMarch 3, 2019", "Welcome to Harbor Ferry Guide"),
    ("The Return of the\nIsland Ferry\n\nBy Ann Lee\n\nMarch 3, 2019", "The Return of the Island Ferry"),
    # (near misses: a headline that ends on a particle; a byline or a date under a short one)
    ("Ferry crews dig in\nBy Ann Lee", "Ferry crews dig in"),
    ("Dockers hold on\nHarbor Ferry Guide\n\nBy Ann Lee", "Dockers hold on"),
    ("Welcome to\n\nBy Ann Lee", "Welcome to"),
    ("Harbor Life: Welcome to\n\nMarch 3, 2019", "Harbor Life: Welcome to"),
])
def test_a_headline_parted_over_two_lines(top, title):
    article = parse(f"{top}\n\n{STORY}\n", markdown=top.startswith("#"))
    assert article.title == title
    assert article.body.startswith(STORY[:30])


@pytest.mark.parametrize("top, title", [
    # A reader's thanks over the headline is the page's pitch, no headline (it was the title)
    ("Thank you for supporting the Harbor Ledger\n\nHow do ferries find their way in fog?\n\n"
     "Published March 3, 2019\nBy Ann Lee", "How do ferries find their way in fog?"),
    ("Thanks for reading The Harbor Ledger\n\nHow do ferries find their way in fog?\n\nBy Ann Lee",
     "How do ferries find their way in fog?"),
    # (near misses: headlines that open with thanks)
    ("Harbor Life\n\nThank You for Your Service: The Island's Last Ferry Captain Retires\n\nBy Ann Lee",
     "Thank You for Your Service: The Island's Last Ferry Captain Retires"),
    ("Thanks for the Memories, Old Ferry\n\nBy Ann Lee", "Thanks for the Memories, Old Ferry"),
])
def test_a_readers_thanks_is_not_the_headline(top, title):
    assert parse(f"{top}\n\n{STORY}\n", markdown=False).title == title


@pytest.mark.parametrize("top, description", [
    # A feature's credits line under the headline is no standfirst (it was taken for one).
    ("Produced by Ann Lee and Tom Park, Photographs by Sue Ray, Written by Bo Kim, Video by Di Ho", None),
    # (near misses: a standfirst, and one with a "by" that credits no one's work)
    ("Ferry crews kept the island's boats running through the longest winter in decades", "Ferry crews kept "
     "the island's boats running through the longest winter in decades"),
    ("Stranded by the Storm, Rescued by Strangers: the island's ferry crews tell their story",
     "Stranded by the Storm, Rescued by Strangers: the island's ferry crews tell their story"),
])
def test_a_credits_line_is_not_the_standfirst(top, description):
    assert parse(f"# The Last Ferry Home\n\n{top}\n\nMarch 3, 2019\n\n{STORY}\n", markdown=True).description == description


@pytest.mark.parametrize("text, expected", [
    ("March 3, 2019", True), ("Saturday, March 9, 2019 09:00", True), ("Updated on March 9, 2019", True),
    ("Port strike ends after talks on March 3, 2019", False), ("March", False),
])
def test_datelines(text, expected):
    assert extract_module._dateline(line(text)) is expected


@pytest.mark.parametrize("text, expected", [
    ("Dockers Vote to End the Harbour Strike", True), ("Dockers vote to end the harbour strike", False),
    ("Lisbon dockers meet Porto union leaders", False), ("Strike Ends", False),  # too few words to tell
])
def test_title_case(text, expected):
    assert extract_module._title_case(line(text)) is expected


@pytest.mark.parametrize("top, title", [
    # The headline shown twice (over the standfirst, again over the share bar), below a menu.
    ("Terms of Service\n\nCorrections and Letters Policy\n\nDockers vote to end the strike\n\nSign In\n\n"
     "Ports\n\nDockers vote to end the strike\n\nShare on Facebook", "Dockers vote to end the strike"),
    # Not a chorus or a list repeating a line straight away, nor a copy past the story's start.
    ("Corrections and Letters Policy\n\nSing along with the dockers\n\nSing along with the dockers\n\n"
     "Sign In\n\nSing along with the dockers", "Corrections and Letters Policy"),
    ("Corrections and Letters Policy\n\nDockers vote to end the strike\n\n"
     + STORY + "\n\nDockers vote to end the strike", "Corrections and Letters Policy"),
])
def test_a_plain_headline_shown_twice(top, title):
    assert parse(f"{top}\n\n{STORY}\n", markdown=False).title == title


@pytest.mark.parametrize("top, title", [
    # A menu's text in small letters only is not a headline; a brand in small letters may open one.
    ("back to harbour home news\n\nDockers vote to end the strike", "Dockers vote to end the strike"),
    ("harbour.weekly issue 12: Cranes, ships and Docks\n\nPorts", "harbour.weekly issue 12: Cranes, ships and Docks"),
    # A breadcrumb run together, ending with the headline shown below it.
    ("Home Ports News Dockers vote to end the strike\n\nDockers vote to end the strike",
     "Dockers vote to end the strike"),
    ("HomePortsDockers vote to end the strike\n\nDockers vote to end the strike", "Dockers vote to end the strike"),
    # A masthead's date line and a name glued to its author-page link are not headlines.
    ("Wednesday, March 6, 2019 Lisbon, Portugal Est. 1883 38° Cloudy\n\nDockers vote to end the strike",
     "Dockers vote to end the strike"),
    ("Ann MarshView More Articles\n\nDockers vote to end the strike", "Dockers vote to end the strike"),
    # The headline over a name with its author-box link, a subheading below: the name's line is
    # the byline under the headline, so the line above it is the headline.
    ("Port News\n\nThe new ferry is all we wanted from the harbour board\n\nAnn Lee View More Articles\n\n"
     "Next ferry makes its first run to Porto\n\nHarbor March 6, 2019 13:42",
     "The new ferry is all we wanted from the harbour board"),
    ("Port News\n\nThe new ferry is all we wanted from the harbour board\n\nAnn Lee More Harbour News\n\n"
     "Next ferry makes its first run to Porto", "The new ferry is all we wanted from the harbour board"),
    ("'What will the port do now?': Dockers vote to end the strike\n\nDockers vote to end the strike",
     "'What will the port do now?': Dockers vote to end the strike"),  # a long start is the headline's own
    # A kicker in capitals over the headline.
    ("HARBOUR STRIKE: THE LAST DAY\n\nDockers vote to end the strike", "Dockers vote to end the strike"),
])
def test_plain_headlines_past_menus_crumbs_and_kickers(top, title):
    assert parse(f"{top}\n\n{STORY}\n", markdown=False).title == title


# A whole page copied as text: its menu, a breadcrumb that ends with the headline, the headline
# again, a standfirst, then the writer's name over the date line.
CRUMB_PAGE = ("Support Harbor\nSubmit a Topic\nShop Harbor\nWhat's New\nHot 50\nFact Checks\nNews\nVideos\n"
              "Archive\nAbout Us\nRandomizer\nSupport Us\n\nHarbor needs your help! Learn more.\n\n"
              "Home\nFact Checks\nPorts\n{crumb}\n\nIs the Harbour Strike Really Over for Good?\n\n"
              "A rumour went round in March 2019 that the dockers would walk out again within the week.\n\n"
              "{byline}Published 18 March 2019\n\nImage via Harbor Images\n\nClaim\n\n"
              "The dockers will strike again this week, the rumour said.\n\nRating\n\n")


@pytest.mark.parametrize("crumb, byline, title, authors", [
    ("Is the Harbour Strike Really Over for Good?", "Ann Lee\n\n", "Is the Harbour Strike Really Over for Good?",
     ["Ann Lee"]),
    # near-miss: the breadcrumb's last item is not the headline (it reads the same either way)
    ("Strikes", "Ann Lee\n\n", "Is the Harbour Strike Really Over for Good?", ["Ann Lee"]),
])
def test_a_headline_after_its_breadcrumb_over_a_name_and_a_date(crumb, byline, title, authors):
    article = parse(CRUMB_PAGE.format(crumb=crumb, byline=byline) + f"{STORY}\n\n{STORY}\n", markdown=False)
    assert (article.title, article.authors) == (title, authors)


@pytest.mark.parametrize("rule, text, names", [
    (lambda x: rules.name_with_date(x, then_anything=True), "Ann Lee 27/09/2018 Comment! Ports, Ships", ["Ann Lee"]),
    (lambda x: rules.name_with_date(x, then_anything=True), "Harbour News 27/09/2018 Comment!", []),
    (rules.name_and_outlet, "ANN LEE, HARBOUR GAZETTE", ["Ann Lee"]),
    (rules.name_and_outlet, "Ann Lee, Gazette", ["Ann Lee"]),
    (rules.name_and_outlet, "Ann Lee, the port said", []),
    (rules.name_and_outlet, "Ann Lee of the Harbour Gazette", ["Ann Lee"]),  # "of": whose writer
    (rules.name_and_outlet, "Bank of England", []), (rules.name_and_outlet, "Tom Park for The Harbour Gazette", []),
    (rules.name_and_outlet, "Ports, Ships", []),
    (rules.name_with_marker, "Ann MarshView More Articles", ["Ann Marsh"]),
    (rules.name_with_marker, "Ann MarshHarbour strike ends", []),
    (rules.name_with_marker, "Ana De SousaView More Articles", ["Ana De Sousa"]),
    # the author box's link with the space kept, or "View" glued to a short surname
    (rules.name_with_marker, "Ann Lee View More Articles", ["Ann Lee"]),
    (rules.name_with_marker, "Ann LeeView More Articles", ["Ann Lee"]),
    (rules.name_with_marker, "Ann Lee View all posts", ["Ann Lee"]),
    (rules.name_with_marker, "Ferry timetables View More Articles", []),  # no name before it
    (rules.name_with_marker, "Ann Lee More Harbour News", []),  # no author box's link
    (lambda x: rules.byline_by(x), "By Ann Lee ann.lee@example.org(555) 459-5382", ["Ann Lee"]),
    (lambda x: rules.byline_by(x), "By Ann Lee@annlee", ["Ann Lee"]),
])
def test_names_beside_outlets_addresses_and_markers(rule, text, names):
    assert rule(line(text)) == names


@pytest.mark.parametrize("header, authors", [
    ("ANN LEE, HARBOUR GAZETTE\n\n18 NOV 2019", ["Ann Lee"]),  # a name and outlet over a date
    ("Ann Lee 27/09/2018 Comment! Ports, Ships", ["Ann Lee"]),  # name and date open the line
    ("Ann Lee and Tom Park  HARBOUR TODAY\n\nPublished 7:07 PM Nov 19, 2019", ["Ann Lee", "Tom Park"]),
    ("Ann MarshView More Articles", ["Ann Marsh"]),
])
def test_bylines_under_a_headline_in_run_together_forms(header, authors):
    assert parse(f"# Harbour strike ends\n\n{header}\n\n{STORY}\n", markdown=True).authors == authors


def test_a_signed_writer_is_an_author_even_among_contributors():
    text = (f"# Harbour strike ends\n\nBy Ann Lee and Tom Park\n\n{STORY}\n\n"
            "Agency writers Sue Ray and Tom Park contributed to this report.\n")
    assert parse(text, markdown=True).authors == ["Ann Lee", "Tom Park"]


@pytest.mark.parametrize("text, names", [
    ("Ann Lee in Lisbon", ["Ann Lee"]),
    ("Ann Lee and Tom Park, in Porto", ["Ann Lee", "Tom Park"]),
    ("Ann Lee in New York", ["Ann Lee"]),
    ("Dockers in Lisbon", []),  # not a name
    ("Ann Lee in the harbour", []),  # not a place's name
    # a place after each writer
    ("Ann Lee in Lisbon and Tom Park", ["Ann Lee", "Tom Park"]),
    ("Ann Lee in Lisbon, Tom Park in New York and Sue Ray in Porto", ["Ann Lee", "Tom Park", "Sue Ray"]),
    ("Ann Lee and agencies", ["Ann Lee"]), ("Ann Lee in Lisbon and agencies", ["Ann Lee"]),  # the wire copy drawn on
    ("Dockers in Lisbon and Porto", []), ("Ships and agencies", []),
    ("Ann Lee reports from Lisbon", ["Ann Lee"]), ("Ann Lee, reporting from New York", ["Ann Lee"]),
    ("Ann Lee writes from Porto", ["Ann Lee"]), ("Dockers report from Lisbon", []),
    # the place in brackets, and a picture's kind there instead: who made the pictures
    ("Ann Lee (Lisbon)", ["Ann Lee"]),
    ("Tom Park (Photo)", []), ("Tom Park (Photos)", []), ("Tom Park (Video)", []),
])
def test_name_in_place(text, names):
    assert rules.name_in_place(line(text)) == names


@pytest.mark.parametrize("text, names", [
    # a Chinese wire dateline naming its reporters in brackets, the story going on after it
    ("新华社北京10月28日电（记者王小明）港口大桥将因维修而关闭。", ["王小明"]),
    ("本报讯（记者 王小明 李华）港口大桥将因维修而关闭。", ["王小明", "李华"]),
    ("港口大桥将因维修而关闭（记者说）。", []),  # no dateline before the brackets
])
def test_cjk_dateline_reporters(text, names):
    assert rules.cjk_dateline_reporters(line(text)) == names


def test_a_chinese_wire_dateline_names_the_reporter():
    story = "新华社北京10月28日电（记者王小明）港口大桥将因维修而关闭。工程师在两个支柱上发现了裂缝。\n\n维修预计至少需要六个月时间。\n"
    article = parse(f"# 港口大桥将关闭维修\n\n{story}", markdown=True)
    assert article.authors == ["王小明"]
    assert article.body.startswith("新华社北京10月28日电")  # the paragraph is the story's, and stays


# A story long enough that its last lines (where sign-offs and bios are read) are far below.
LONG_STORY = "\n\n".join(f"{STORY} Paragraph {n}." for n in range(12))
CAPTION = "Cranes stand idle at the northern quay on Monday, as the strike entered its sixth week."


@pytest.mark.parametrize("header, authors", [
    ("Ann Lee in Lisbon", ["Ann Lee"]),  # right under the headline
    (f"{STANDFIRST}\n\nAnn Lee in Lisbon\n\nMarch 3, 2019", ["Ann Lee"]),
    (f"{STANDFIRST}\n\nAnn Lee in Lisbon\n\nAnn Lee, the union's leader, spoke first.", []),  # who is pictured
    # Standfirst, photo, a caption long enough to read as a paragraph, then the byline.
    (f"{STANDFIRST}\n\n![dock](a.jpg)\n\n{CAPTION}\n\nAnn Lee\n\nMarch 3, 2019", ["Ann Lee"]),
    (f"{STANDFIRST}\n\n![dock](a.jpg)\n\n{CAPTION}\n\nAnn Lee\n\nShipping Correspondent", ["Ann Lee"]),
    (f"{STANDFIRST}\n\n![dock](a.jpg)\n\n{CAPTION}\n\nBy Ann Lee", ["Ann Lee"]),
    (f"{STANDFIRST}\n\n{CAPTION}\n\nTom Park\n\nTom Park said the strike was over and the ships would sail.", []),
])
def test_bylines_with_a_place_and_below_a_caption(header, authors):
    text = f"# Harbour strike ends\n\n{header}\n\n{LONG_STORY}\n"
    assert parse(text, markdown=True).authors == authors


@pytest.mark.parametrize("texts, names, count", [
    (["Ann Lee", "and", "Tom Park"], ["Ann Lee", "Tom Park"], 3),
    (["Ann Lee,", "Tom Park", "and Sue Ray", "March 3, 2019"], ["Ann Lee", "Tom Park", "Sue Ray"], 3),
    (["Ann Lee", "and", "The dockers voted to end the strike."], ["Ann Lee"], 1),  # a dangling "and" is dropped
    (["Harbour strike ends"], [], 0),
    (["Ann Lee", "Tom Park", "Harbour strike ends"], ["Ann Lee", "Tom Park"], 2),  # a name a line
    # a button beside each writer's name is passed over; "Photo" is no button (a credit follows)
    (["Ann Lee", "Follow", "Tom Park", "View profile", "March 3, 2019"], ["Ann Lee", "Tom Park"], 3),
    (["Ann Lee", "Photo", "Tom Park"], ["Ann Lee"], 1),
    (["Follow", "Ann Lee"], [], 0),  # a button before any name: no column of writers
])
def test_names_over_lines(texts, names, count):
    assert rules.names_over_lines([line(t) for t in texts]) == (names, count)


@pytest.mark.parametrize("top, authors", [
    # a Chinese or Japanese name shown twice right under the headline: a byline and its card
    ("山田太郎\n山田太郎", ["山田太郎"]),
    ("2019年3月3日\n山田太郎", ["山田太郎"]),  # beside a date anywhere in the header
    # near miss: a word shown twice further down (a menu's item, then its section's heading)
    ("会社概要\n採用情報\n店舗案内\n料金表\n料金表", []),
])
def test_a_cjk_name_shown_twice(top, authors):
    story = "港の労働者は月曜日に仕事に戻った。組合は合意を歓迎し、船は再び動き始めたと述べた。" * 3
    article = parse(f"港のストライキが終わる\n{top}\n\n{story}\n\n{story}\n")
    assert article.authors == authors


def test_writers_each_beside_a_profile_button():
    top = "Ann Lee\nView profile\nTom Park\nView profile\nSue Ray\nView profile"
    article = parse(f"Harbour strike ends after ten days\n\n{top}\n\n{STORY}\n\n{STORY}\n")
    assert article.authors == ["Ann Lee", "Tom Park", "Sue Ray"]


NINE_WRITERS = ["Ann Lee", "Tom Park", "Sue Ray", "Bo Chan", "Ida Holm", "Raj Patel", "Mia Chen", "Leo Marsh", "Eva Novak"]


@pytest.mark.parametrize("top, authors", [
    # after "By" alone, a column of many writers, each on a line of its own (with commas or not)
    ("By\n" + "\n".join(NINE_WRITERS), NINE_WRITERS),
    ("By\n" + ",\n".join(NINE_WRITERS[:-1]) + "\nand " + NINE_WRITERS[-1], NINE_WRITERS),
    # near miss: no "By" above the column (names a line under a headline may be a story's people)
    ("\n".join(NINE_WRITERS), ["Ann Lee"]),
])
def test_many_writers_below_by_alone(top, authors):
    article = parse(f"Harbour strike ends after ten days\n\n{top}\n\n{STORY}\n\n{STORY}\n")
    assert article.authors == authors


@pytest.mark.parametrize("footer, authors", [
    # a sign-off of many writers at the foot runs past twelve words
    ("By " + ", ".join(NINE_WRITERS[:6]) + " and " + NINE_WRITERS[6], NINE_WRITERS[:7]),
    ("Authors: " + ", ".join(NINE_WRITERS[:7]), NINE_WRITERS[:7]),
    # near misses: a sentence that opens with "By"; the writers' helpers
    ("By the time the vote was counted, Ann Lee, Tom Park and Sue Ray had left the hall for the night.", []),
    (", ".join(NINE_WRITERS[:6]) + " and " + NINE_WRITERS[6] + " contributed to this report.", []),
])
def test_a_long_sign_off_of_many_writers(footer, authors):
    article = parse(f"Harbour strike ends after ten days\n\n{STORY}\n\n{STORY}\n\n{footer}\n")
    assert article.authors == authors


@pytest.mark.parametrize("header, authors", [
    ("By\n\nAnn Lee\n\nand\n\nTom Park", ["Ann Lee", "Tom Park"]),  # one piece per line
    ("By\nAnn Lee,\nTom Park\nand Sue Ray", ["Ann Lee", "Tom Park", "Sue Ray"]),  # wrapped over lines
    ("By\n\nAnn Lee\n\nMarch 3, 2019", ["Ann Lee"]),
    ("By Ann Lee,\n\nTom Park", ["Ann Lee", "Tom Park"]),  # the list goes on past a comma
    ("Authors\n\nAnn Lee\n\nTom Park", ["Ann Lee", "Tom Park"]),  # a label alone over the names
    ("公開日\n\n2019年2月13日\n\n投稿者\n\nAnn Lee", ["Ann Lee"]),  # a label in Japanese, a date's label
    ("Harbour strike: what next\n\nQuill Bros.", []),  # a company's credit under the standfirst
    ("By Ann Lee\n\nTom Park", ["Ann Lee"]),  # no comma: the line below is not the byline's
])
def test_bylines_over_several_lines(header, authors):
    assert parse(f"# Harbour strike ends\n\n{header}\n\n{LONG_STORY}\n", markdown=True).authors == authors


@pytest.mark.parametrize("rule, text, names", [
    (rules.writer_sign_off, "Ann Lee, Shipping Correspondent", ["Ann Lee"]),
    # a Japanese or Chinese paper's sign-off: the reporter's name in brackets below the story
    (rules.sign_off, "（山田太郎）", ["山田太郎"]), (rules.sign_off, "（山田太郎、佐藤花子）", ["山田太郎", "佐藤花子"]),
    (rules.sign_off, "（完）", []), (rules.sign_off, "（全文）", []), (rules.sign_off, "（编辑部）", []),
    (rules.writer_sign_off, "Tom Park, Managing Director", []),  # a press release's signature
    (rules.contact_line, "Contact Ann Lee at ann.lee@example.org or 555-459-5382.", ["Ann Lee"]),
    (rules.contact_line, "Reach the reporter, Ann Lee at (555) 459-5382", ["Ann Lee"]),
    (rules.contact_line, "Contact the harbour office at 555-459-5382", []),
    (rules.contact_line, "Ann Lee can be reached at ann.lee@example.org.", ["Ann Lee"]),
    (rules.contact_line, "Ann Lee can be contacted by email at ann.lee@example.org", ["Ann Lee"]),
    (rules.contact_line, "The Harbour Shipping Agency can be reached at 555-459-5382", []),
    (rules.contact_line, "Write to Ann Lee at ann.lee@example.org", ["Ann Lee"]),
    (rules.contact_line, "Write to Ann Lee at ann.lee@example.org and Tom Park at tom.park@example.org",
     ["Ann Lee", "Tom Park"]),
    (rules.contact_line, "Follow Ann Lee on Twitter @annlee", ["Ann Lee"]),
    (rules.contact_line, "Follow Ann Lee on X.", ["Ann Lee"]),
    (rules.contact_line, "Follow Harbour Gazette on Twitter", []), (rules.contact_line, "Follow Ann Lee", []),
    (rules.contact_line, "Write to the editor at letters@example.org", []),
])
def test_sign_offs_below_the_story(rule, text, names):
    assert rule(line(text)) == names


@pytest.mark.parametrize("end, authors", [
    ("Ann Lee, Shipping Correspondent", ["Ann Lee"]),
    ("Contact Ann Lee at ann.lee@example.org.", ["Ann Lee"]),
    ("Posted by Ann Lee at 10:21 AM\n\n3 comments:", ["Ann Lee"]),
    ("Write to Ann Lee at ann.lee@example.org", ["Ann Lee"]), ("Follow Ann Lee on Twitter @annlee", ["Ann Lee"]),
    ("（山田太郎）", ["山田太郎"]),
    ("Ann Lee is an associate professor of history at the University of Lisbon.", ["Ann Lee"]),
    ("(Reporting by Ann Lee in Lisbon; Additional reporting by Sue Ray; Editing by Tom Park)", ["Ann Lee"]),
])
def test_writers_signing_below_the_story(end, authors):
    text = f"# Harbour strike ends\n\nMarch 3, 2019\n\n{LONG_STORY}\n\n{end}\n"
    assert parse(text, markdown=True).authors == authors


MENU_LIST = "\n".join(f"* Section {n}" for n in range(80))  # a site's menus, longer than the top window


@pytest.mark.parametrize("top, title", [
    # A breadcrumb run together over the page's date, then the headline, standfirst and "By":
    # the named byline finds the headline, not the date below the breadcrumb.
    ("Home Ports Harbour News\n\nMarch 3, 2019 12:04AM ET\n\nDockers Vote to End the Six-Week Harbour Strike\n\n"
     "The union said the ships would sail again on Monday.\n\nBy\n\nAnn Lee",
     "Dockers Vote to End the Six-Week Harbour Strike"),
    # Menus written as a long list, then a short line over the headline over its stamp.
    (f"{MENU_LIST}\n\nLive Watch Harbour TV\n\nDockers vote to end the six-week strike: 'We did it!'\n\n"
     "Updated on: March 3, 2019 / 10:07 AM", "Dockers vote to end the six-week strike: 'We did it!'"),
    # A byline under a related story's teaser, past a paragraph, does not move the headline.
    ("Home\n\nDockers vote to end the six-week strike\n\nMarch 3, 2019 07:19\n\n"
     "The union said on Monday that the ships would sail again by the end of the week, weather permitting.\n\n"
     "Cranes stand idle at the northern quay\n\nBy Tom Park", "Dockers vote to end the six-week strike"),
])
def test_plain_headlines_found_from_named_bylines_past_menus(top, title):
    assert parse(f"{top}\n\n{LONG_STORY}\n", markdown=False).title == title


@pytest.mark.parametrize("text, expected", [
    ("We've detected you are on an old browser. For the best experience, please update to a modern browser.", True),
    ("This copy is for your personal, non-commercial use only. To order copies, use the order form.", True),
    ("Please enable JavaScript to view the comments.", True),
    ("The port's software still needs an old browser to run, the union said.", False),
    ("Please upgrade your browser", True), ("This site works best in IE10 and up or another modern browser", True),
    ("The port's old system works best in the morning, the union said.", False),
])
def test_notices_to_the_reader_are_furniture(text, expected):
    assert rules.is_furniture(line(text)) is expected
    if expected:  # and a notice is never the story's first paragraph
        assert not rules.is_paragraph(line(text))


@pytest.mark.parametrize("top, title", [
    # Notices at the top are not the story's first paragraphs: the headline over "By" is found.
    ("We've detected you are on an old browser. For the best experience, please update to a modern browser.\n\n"
     "This copy is for your personal, non-commercial use only. To order presentation-ready copies, use the order form.\n\n"
     "Ports\n\nDockers Vote to End the Strike. Why the Port Shouldn't Worry.\n\nBy\n\nAnn Lee",
     "Dockers Vote to End the Strike. Why the Port Shouldn't Worry."),
    # A headline of three words right over the byline, shown once more above.
    ("Harbour Gazette\n\nThe Harbour Clock\n\nSearch the Gazette\n\nMore articles\n\nPorts\n\nThe Harbour Clock\n\n"
     "By Ann Lee", "The Harbour Clock"),
])
def test_plain_headlines_past_notices_and_short_ones(top, title):
    assert parse(f"{top}\n\n{LONG_STORY}\n", markdown=False).title == title


RELATED = "## Related\n\n" + "\n".join(f"* [Harbour story {n} about the ships](/s/{n})" for n in range(15))
COMMENTS = "## 3 comments\n\n" + "\n\n".join(
    f"Tom Park\n\nMarch 4, 2019\n\nI think the union did the right thing here, and so do my neighbours, {n}." for n in range(3))


@pytest.mark.parametrize("end, authors", [
    # An author box between the story and a long list of other stories or the comments.
    (f"Ann Lee is a reporter at The Harbour Gazette.\n\n{RELATED}", ["Ann Lee"]),
    (f"Posted by Ann Lee at 10:21 AM\n\n{COMMENTS}", ["Ann Lee"]),
    (f"— Ann Lee\n\n{RELATED}", ["Ann Lee"]),
    (f"More from Ann Lee\n\n{RELATED}", ["Ann Lee"]),  # the list's heading names the writer
    (RELATED, []),
    (COMMENTS, []),  # a commenter is not the writer
    # the list of other stories with no heading above it: links alone on their lines
    (f"— Ann Lee\n\n{RELATED.split(chr(10), 2)[2]}", ["Ann Lee"]),
    ("— Ann Lee\n\n" + "\n\n".join(f"[Harbour story {n} about the ships](/s/{n})" for n in range(15)), ["Ann Lee"]),
])
def test_an_author_box_above_related_stories_or_comments(end, authors):
    text = f"# Harbour strike ends\n\n{LONG_STORY}\n\n{end}\n"
    assert parse(text, markdown=True).authors == authors


@pytest.mark.parametrize("text, expected", [
    ("3 comments", True), ("Leave a Reply", True), ("Share this:", True), ("Comments are closed.", False),
    ("Comments", True), ("The union comments on the deal", False),
    # a blog theme's count in words and the post's title; other languages' headings
    ("12 Responses to “Harbour channel to be dredged”", True), ("One thought on “Harbour channel”", True),
    ("Reaktionen", True), ("Leserkommentare (2)", True), ("Comentarios", True), ("Discussion (4)", True),
    # near misses: a story's own sections
    ("Discussion", False), ("Responses to the plan", False), ("Thoughts", False),
])
def test_comments_headings(text, expected):
    assert rules.is_comments_heading(line(text)) is expected


@pytest.mark.parametrize("text, names", [
    ("More from Ann Lee", ["Ann Lee"]), ("Latest stories from Ann Lee", ["Ann Lee"]),
    ("More from The Harbour Gazette", []), ("More from the port", []),
])
def test_more_from(text, names):
    assert rules.more_from(line(text)) == names


@pytest.mark.parametrize("top, title", [
    # The headline set as a minor heading with its byline below, a quote as the major heading
    # further down, past the story's first paragraph.
    (f"## Dockers vote to end the harbour strike\n\nAnn Lee\n\nMarch 3, 2019\n\n{STORY}\n\n# 'We did it'",
     "Dockers vote to end the harbour strike"),
    (f"## Dockers vote to end the harbour strike\n\n{STORY}\n\n# 'We did it all again'", "'We did it all again'"),  # no byline
])
def test_a_minor_heading_over_its_byline_before_a_later_major_one(top, title):
    assert parse(f"{top}\n\n{LONG_STORY}\n", markdown=True).title == title


@pytest.mark.parametrize("text, names", [
    ("记者：王小明", ["王小明"]), ("執筆：山田太郎", ["山田太郎"]), ("ライター：山田太郎", ["山田太郎"]),
    ("執筆者：山田太郎", ["山田太郎"]),  # the longer label whole, not 執筆 and a name "者山田太郎"
])
def test_cjk_byline_labels(text, names):
    assert rules.byline_label(line(text)) == names



SHARE_BAR = "\n".join(f"* {button}" for button in ["Share", "Facebook", "Twitter", "Email", "Print", "Comments"] * 5)


@pytest.mark.parametrize("header, authors", [
    # A share bar of thirty buttons between the headline and the byline does not count.
    (f"{SHARE_BAR}\n\nBy Ann Lee", ["Ann Lee"]),
    (f"{SHARE_BAR}\n\nAnn Lee, Tom Park, Sue Ray and Bo Chan", ["Ann Lee", "Tom Park", "Sue Ray", "Bo Chan"]),
    ("Promoted Links\n\nMarch 3, 2019", []),  # a label, not a name
])
def test_bylines_past_a_share_bar(header, authors):
    assert parse(f"# Harbour strike ends\n\n{header}\n\n{LONG_STORY}\n", markdown=True).authors == authors


@pytest.mark.parametrize("top, title", [
    # Headline, a one-sentence standfirst, then the byline: the standfirst does not hide it.
    ("Plague fears grow in the port city as a third case is found – 'It is coming'\n\n"
     "A THIRD case has been reported in the port city, with the public beginning to worry about an outbreak.\n\n"
     "By Ann Lee\n\nPUBLISHED: 00:01, Tue, Nov 19, 2019",
     "Plague fears grow in the port city as a third case is found – 'It is coming'"),
    # A quote and its attribution over the headline: the line over the byline is the headline.
    ("\"Forty ships a week are coming into the harbour.\"\n\n— Tom Park on Sunday, October 13th, 2019 in a speech\n\n"
     "How many ships come into the harbour each week?\n\nBy Ann Lee on Monday, November 18th, 2019",
     "How many ships come into the harbour each week?"),
    # Prose above the line over the byline: not decided there (it may be a second standfirst).
    ("Dockers vote to end the strike\n\nThe union said on Monday that the strike was over and that the port "
     "would open again by the end of the week.\n\nShips wait outside the harbour\n\nBy Ann Lee",
     "Dockers vote to end the strike"),
])
def test_plain_headlines_over_a_standfirst_or_under_a_quote(top, title):
    assert parse(f"{top}\n\n{LONG_STORY}\n", markdown=False).title == title


@pytest.mark.parametrize("text, expected", [
    ("The union said on Monday that the strike was over and that the port would open again soon.", True),
    ("The union said on Monday that the strike was over, and the port would open again, “by Friday.”", True),
    ("Plague fears grow in the port city as a third case is found and panic begins – ‘It is coming’", False),
    ("Dockers vote to end the strike", False),  # too short for prose
])
def test_paragraphs(text, expected):
    assert rules.is_paragraph(line(text)) is expected


@pytest.mark.parametrize("bar", ["* Share\n* Comments", "Share this:", "* Like this"])
def test_a_share_bar_inside_the_story_does_not_hide_the_bio_at_its_end(bar):
    # Buttons between paragraphs are no comments section: the story and its bio go on below.
    paragraphs = LONG_STORY.split("\n\n")
    story = "\n\n".join(paragraphs[:3] + [bar] + paragraphs[3:])
    text = f"# Harbour strike ends\n\n{story}\n\nAnn Lee is a reporter at The Harbour Gazette.\n"
    assert parse(text, markdown=True).authors == ["Ann Lee"]


# --- reference-style links get their targets back ------------------------------------------------


@pytest.mark.parametrize("text, lines, links", [
    ("By [Ann Lee][2]\n\n[2]: https://example.org/author/ann-lee", ["By Ann Lee"], [("Ann Lee", "https://example.org/author/ann-lee")]),
    ('By [Ann Lee][a]\n\n  [a]: /author/ann-lee "Posts by Ann Lee"', ["By Ann Lee"], [("Ann Lee", "/author/ann-lee")]),
    ("[][1][Ann Lee][2]\n\n[1]: /ann.jpg\n[2]: /author/ann", ["Ann Lee"], [("", "/ann.jpg"), ("Ann Lee", "/author/ann")]),
    ("[Ann Lee][]\n\n[ann lee]: /author/ann", ["Ann Lee"], [("Ann Lee", "/author/ann")]),  # the text is the label
    # near-misses: a label with no definition; a footnote's line that is a sentence stays
    ("By [Ann Lee][9]", ["By Ann Lee"], []),
    ("A note.\n\n[1]: See the harbour board's report", ["A note.", "[1]: See the harbour board's report"], []),
])
def test_reference_links_get_their_targets(text, lines, links):
    parsed = read_lines(text)
    assert [x.text for x in parsed] == lines
    assert [link for x in parsed for link in x.links] == links


def test_a_lone_author_behind_a_reference_link():
    text = f"# Harbour strike ends\n\nBy [Marlo][1]\n\n{STORY}\n\n[1]: https://example.org/author/marlo\n"
    assert parse(text, markdown=True).authors == ["Marlo"]


# Lines of brackets with no link: from every "[" the link patterns scanned to the next "]",
# quadratic in the line's length (each of these took 6-17 s). Their time is measured by
# benchmarks/parse_worst_case.py (its bracket rows), not asserted here: a test that fails when the
# machine is busy checks the machine. Here: they are read, and their words kept.
@pytest.mark.parametrize("text, word", [
    ("Harbour\n\n" + "[" * 50000 + "]" * 50000, "Harbour"),
    ("[a " * 30000 + "harbour", "harbour"),
    ("Title\n\n" + "\n".join("[" + "harbour " * 10 for _ in range(5000)), "harbour"),
])
def test_long_runs_of_brackets_are_read(text, word):
    article = extract_text(text)
    assert word in f"{article.title}\n{article.body}"


@pytest.mark.parametrize("line, visible, links", [
    # near misses: real links are still read as before
    ("See [Ann Lee](/a) and [the report][1] here", "See Ann Lee and the report here", [("Ann Lee", "/a")]),
    ("[[x](a)](b)", "x", [("[x", "a"), ("x", "b")]),
    ("Notes [1 and [2", "Notes [1 and [2", []),
    # a link inside an open bracket, over and over (the pass after the last link is undone
    # finds no "](" and is not made: benchmarks/parse_worst_case.py times it)
    ("[a [b](c) [a [b](c) end", "a [b a [b end", [("a [b", "c"), ("a [b", "c")]),
    ("[[x](a)](b) [z", "x [z", [("[x", "a"), ("x", "b")]),
    # unclosed targets, many "[" before a "]" that opens no link, a reference link before open
    # brackets: read as before
    ("[a]([a]([a](", "[a]([a]([a](", []),
    ("[[[a]](x) [b](y)", "[[[a]](x) b", [("b", "y")]),
    ("[a][b] [[[c", "a [[[c", []),
    ("[[[a][b] [c][d", "[[a [c][d", []),
    # a target never runs over the next link's "](" (it ran to the line's end in an unclosed
    # "[a](" run): the second link is the link, the first bracket's words stay
    ("[a]([b](x) end", "[a](b end", [("b", "x")]),
])
def test_markdown_links_after_the_bracket_guards(line, visible, links):
    assert rules.markdown_to_text(line) == (visible, links)


def test_an_open_link_is_still_joined_with_its_next_line():
    assert rules._whole_links(["By [Ann", "Lee](/authors/ann) for the paper"])[0].startswith("By [Ann Lee](/authors/ann)")
    assert rules._OPEN_LINK.search("a [b c") and not rules._OPEN_LINK.search("a [b] c")


# Emphasis marks that never close ("*a *a *a ..."): from each the search ran to the line's end
# (benchmarks/parse_worst_case.py times the long lines); now each kind of mark is searched up
# to its last closing mark only, and the words read as before.
@pytest.mark.parametrize("line, visible", [
    ("*a *a *a", "*a *a *a"),
    ("_a _a _a", "_a _a _a"),
    ("x* *a *b", "x* *a *b"),
    ("*a *b* c", "a *b c"),  # the first "*" closes at the first mark that can close it
    ("_a *b* _c_ d", "a *b* _c d"),
    ("**Ann Lee** and *a", "Ann Lee and *a"),
    ("__x__ _a _b", "x _a _b"),
    # double marks that never close as double ones (the single ones do)
    ("**a **a **a", "*a *a **a"),
    ("__a __a __a", "a a a"),
    ("a*****", "a*"),  # closing marks that overlap
    ("**a* b**", "a* b"),
    # near misses: a word's own underscores; emphasis on two lines of its own
    ("snake_case_name _a", "snake_case_name _a"),
])
def test_emphasis_that_never_closes(line, visible):
    assert rules.markdown_to_text(line) == (visible, [])


def test_emphasis_never_crosses_a_line():
    assert rules.without_emphasis("*a\nb* *c*") == "*a\nb* c"


# A line of "![" that opens no picture, or pictures whose "(" never closes: from each "![" the
# search ran to the line's end (benchmarks/parse_worst_case.py times the long lines); a "!["
# that opens no picture is now passed over whole, and the words read as before.
@pytest.mark.parametrize("line, visible, links", [
    ("![![![a", "![![![a", []),
    ("![a](![b](", "![a](![b](", []),
    ("![a]( ![b][c] x", "![a]( x", []),  # a picture in the reference style after an unclosed one
    ("![a]] ![b](c)", "![a]]", []),
    ("[![a](b)](c) ![", "![", [("", "c")]),
])
def test_picture_marks_that_open_no_picture(line, visible, links):
    assert rules.markdown_to_text(line) == (visible, links)


_NOTES_PARAGRAPH = ("The council met on Monday and approved the budget after a long debate about the harbor "
                    "fees, the ferry timetable and the bridge repairs, the mayor said.")


@pytest.mark.parametrize("short_lines", [500, 2000])
def test_a_long_run_of_short_lines_below_one_paragraph_is_read_in_linear_work(monkeypatch, short_lines):
    """Fails before: below a story's one paragraph, each short line asked whether any prose stood
    under it by reading every line under it (other_stories): a text of one paragraph, then
    40,000 short lines and a closing paragraph, took 239 s (10,000: 17 s). Counted, not timed:
    the lines asked whether they are prose, a few times each, not the run's square."""
    asked = [0]
    is_paragraph = rules.is_paragraph

    def counted(line):
        asked[0] += 1
        return is_paragraph(line)

    monkeypatch.setattr(rules, "is_paragraph", counted)
    words = ["harbor", "ferry", "tide", "gull", "quay", "rope", "pier"]
    run = "\n".join(" ".join(words[(n + k) % 7] for k in range(4)) for n in range(short_lines))
    article = extract_text(f"Harbor notes\n\n{_NOTES_PARAGRAPH}\n\n{run}\n\n{_NOTES_PARAGRAPH}\n")
    assert article.title == "Harbor notes"
    assert asked[0] < 30 * short_lines, asked[0]


@pytest.mark.parametrize("text, listed", [
    # a heading with no prose under it, below a story of one paragraph, heads a list of other stories
    (f"Harbor notes\n\n{_NOTES_PARAGRAPH}\n\nRelated\n\nFerry fares rise\n\nQuay reopens", True),
    # near miss: prose under the heading - a box inside the story, not a list below it
    (f"Harbor notes\n\n{_NOTES_PARAGRAPH}\n\nRelated\n\nFerry fares rise\n\n{_NOTES_PARAGRAPH}", False),
])
def test_a_list_heading_below_a_story_of_one_paragraph(text, listed):
    lines = read_lines(text)
    body_at = next(i for i, line in enumerate(lines) if rules.is_paragraph(line))
    found = extract_module.other_stories(lines, body_at)
    assert bool(found) == listed, found
