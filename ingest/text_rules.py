"""The rules that read a plain-text or Markdown news article: which line is the headline, the
standfirst, the byline, the dateline; which lines are page furniture rather than the story.

Each rule is a small named function over `Line`s (one line of the input, with its Markdown
syntax taken apart), so each can be tested on its own with a few lines we write. The rules know
the news business (bylines, wire agencies, photo credits, newsletter pitches), never a site.
extract_text.py strings them together.
"""

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache, cached_property

from .normalise import (AGENCIES, FOREIGN_MONTHS, GLUED_PARTICLE, ORGANISATION_WORDS, ROLE_WORDS, WEEKDAYS,
                        LoneName, count_words, split_people)

# --- lines ---------------------------------------------------------------------------------


@dataclass
class Line:
    raw: str  # as written, Markdown and all
    text: str  # the words a reader sees: links keep their text, images and syntax go
    heading: int = 0  # Markdown heading level (1 for "# "), 0 for ordinary lines
    item: bool = False  # a list item ("- ", "* ", "1. ")
    links: list[tuple[str, str]] = field(default_factory=list)  # (text, target) of each link
    wrapped: bool = False  # no blank line above: the line may go on from the one before
    own_line: bool = False  # the text sets every block on a line of its own (see read_lines)
    # A list's comma, semicolon or "&" that stood alone on the line below, as a copy of a list
    # of linked names sets it ("Ann Lee" / "," / "Tom Park"): the line went, its mark is kept.
    separator_below: str = ""
    # The words of the picture that stood alone on a line above (its alt text, "" for none), as
    # a caption's credit follows its picture; None when no picture came between this line and
    # the one before.
    picture_above: str | None = None

    @cached_property
    def words(self) -> int:
        return count_words(self.text)  # Chinese and Japanese are written without spaces

    @cached_property
    def key(self) -> str:
        return fold(self.text)  # "the same line again" whatever its case and punctuation

    @cached_property
    def paragraph(self) -> bool:
        # (asked of a line again and again, as caption is: each time searched for a browser's
        # notice, a text of one 10 MB line took 1.7 s a time)
        return reads_as_paragraph(self)

    @cached_property
    def caption(self) -> bool:
        # "Ann Lee / Staff Writer" has a credit's shape, but a role after the slash makes it a byline.
        # "By Ann Lee / Harbour Gazette" opens with a byline's label: a credit never does.
        # (A profile's address after a name, "Ann Lee www.example.org/annlee", is no credit's slash.)
        text = _PROFILE_ADDRESS.sub("", self.text)
        # ("Photos: Tom Park | Words: Ann Lee": nor does a line of credits with the writer's.)
        return (bool(_CREDIT.search(text)) and not _ROLE_AFTER_SLASH.search(text)
                and not _BYLINE_OPENING.match(text) and not credits_writer_after_others(text))


_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)|!\[[^\]]*\]\[[^\]]*\]")
# The same, searched over a line (without_images): a third branch takes a "![" that opens no
# picture whole, to its "]", and gives it back (group 1) - a picture could start at no "![" inside
# it, all of them reaching the same "]" and what follows, and the search went on from each to
# that "]", quadratic in a line of "![" run long. _IMAGE_NO_TARGET is the search once a "(" after
# a "]" found no ")": none is left on the line for any "(" after it.
_IMAGE_IN_LINE = re.compile(r"!\[[^\]]*\]\([^)]*\)|!\[[^\]]*\]\[[^\]]*\]|(!\[[^\]]*\]?)")
_IMAGE_NO_TARGET = re.compile(r"!\[[^\]]*\]\[[^\]]*\]|(!\[[^\]]*\]?)")


def without_images(text: str) -> str:
    """The text with a space for each Markdown picture (_IMAGE), in linear time."""
    if "![" not in text:  # the cheap anchor
        return text
    parts, position, pattern = [], 0, _IMAGE_IN_LINE
    while (match := pattern.search(text, position)) is not None:
        parts.append(text[position:match.start()])
        if match.group(1) is None:
            parts.append(" ")
        else:
            parts.append(match.group(1))
            if text[match.end():match.end() + 1] == "(" and match.group(1).endswith("]"):
                pattern = _IMAGE_NO_TARGET
        position = match.end()
    parts.append(text[position:])
    return "".join(parts)
# A link's target runs to its ")" (or a space or ">"), and never over a next link's "](": in an
# unclosed "[a](" run many times ("[a]([a]([a](..."), each link's target scanned to the end of
# the line, quadratic in its length (15 s at 40 KB); no address holds "](".
_LINK_TARGET = r"(?:[^)\s>\]]|\](?!\())*"
# (The second branch takes a bracket that opens no link whole, to its "]", and gives it back
# unchanged (_unless_link): a link could start at no "[" inside it, as all of them reach the
# same "]" and what follows it, and the search went on from each, to the same "]" - quadratic in
# a line of many "[" before a "]" that opens no link.)
_LINK = re.compile(rf"\[([^\]]*)\]\(\s*<?({_LINK_TARGET})>?(?:\s+\"[^\"]*\")?\s*\)|\[[^\]]*\]?")
_TOUCHING_LINKS = re.compile(rf"(\[[^\[\]]*[a-z]\]\(\s*<?{_LINK_TARGET}>?(?:\s+\"[^\"]*\")?\s*\))(?=\[[A-Z])")
_REFERENCE_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]|\[[^\]]*\]?")


def _unless_link(match: re.Match, words) -> str:
    """A link's replacement (words(match)), or a bracket that opens no link as it was."""
    return match.group(0) if match.group(1) is None else words(match)
_AUTOLINK = re.compile(r"<(?:https?://|mailto:)[^>]*>")
# Any ASCII punctuation may be escaped (CommonMark): Pandoc's Markdown escapes quotes and
# apostrophes ("the authority\'s offer"), "$", "@", "<", "^" as well, which stood in the text.
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
# Emphasis: "*" may open and close inside a word ("Fox News*•*Oct 3", as CommonMark allows),
# "_" may not ("snake_case_name" keeps its underscores).
# (As four kinds, each with its own closing mark: a double mark is tried before a single one
# where both open, as "\*{1,2}" and "_{1,2}" would.)
_EMPHASIS_KINDS = (
    (re.compile(r"(?<!\\)(\*\*)(?=\S)(.+?)(?<=[^\s\\])\*\*"), re.compile(r"(?<=[^\s\\])\*(?=\*)"), 2),
    (re.compile(r"(?<!\\)(\*)(?=\S)(.+?)(?<=[^\s\\])\*"), re.compile(r"(?<=[^\s\\])\*"), 1),
    (re.compile(r"(?<![\w\\])(__)(?=\S)(.+?)(?<=\S)__(?!\w)"), re.compile(r"(?<=\S)_(?=_(?!\w))"), 2),
    (re.compile(r"(?<![\w\\])(_)(?=\S)(.+?)(?<=\S)_(?!\w)"), re.compile(r"(?<=\S)_(?!\w)"), 1),
)
# Each kind is searched up to the last mark on the line that can close it (found by its first
# character, so that closing marks that overlap, "*****", are all seen): an opening mark
# before it always finds a closing one (the first after it), one after it never does - and from
# each such mark the search went on to the line's end ("*a *a *a ...", "_a _a ...": 55 s at
# 160 KB; "**a **a ...", where the single marks close but the double ones never do).
# A whole line in emphasis whose element ended with a space, which the converter kept inside
# the marks ("_Written by: Ann Lee _"): no emphasis by Markdown's letter, its marks were left
# among the words and a byline's label read as no label.
_LINE_IN_EMPHASIS = re.compile(r"^\s*(\*{1,2}|_{1,2})(?=[^\s*_])([^*_]*?[^\s*_\\])\s+\1\s*$")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_ITEM = re.compile(r"^(?:[*+\-•]|\d{1,3}[.)])\s+")
_SETEXT = re.compile(r"^(={3,}|-{3,})\s*$")
# A third-level item as text browsers and their imitators dump a page ("lynx -dump",
# inscriptis: "*", "+", then "o" as the bullet), indented under its list; the bullet is a small
# "o" and the item's word a capital or a digit, which no sentence's word "o" is followed by when
# indented (and a sentence would open with a capital "O").
_TEXT_BROWSER_ITEM = re.compile(r"^[ \t]{2,}o[ \t]+(?=[^\W_a-z])")


# Pandoc's Markdown of an HTML page keeps the page's classes and ids as attributes in braces: on
# headings ("# Dockers vote {#vote .headline}"), links and images ("[Ann Lee](/a){.author}"),
# and on spans of text ("[By Ann Lee]{.byline}", what a <span class> becomes); its <div>s become
# fenced divs (":::" lines, read_lines drops them). The braces were read as words: a headline
# ending in "{#vote .headline}", a byline in brackets that no rule knew. Only braces that hold
# attributes (an "#id", a ".class", a key=value): "{5}" or "{sic}" in a story stay.
_ATTRIBUTE = r"(?:[#.][\w:.-]+|[\w-]+=(?:\"[^\"]*\"|[^\s{}\"]+))"
_ATTRIBUTES = rf"\{{\s*{_ATTRIBUTE}(?:\s+{_ATTRIBUTE})*\s*\}}"
_ATTRIBUTES_AFTER = re.compile(rf"(?<=[)\]])\s?{_ATTRIBUTES}|\s+{_ATTRIBUTES}\s*$")
_SPAN = re.compile(rf"\[((?:[^\[\]]|\[[^\[\]]*\](?:\([^()\s]*\))?)*)\]{_ATTRIBUTES}")
_FENCED_DIV = re.compile(r"^:{3,}\s*(?:\{[^{}]*\}|[\w-]+)?\s*:*$")


def without_attributes(text: str) -> str:
    """The line without Pandoc's attribute braces (see _ATTRIBUTES), a span's words kept."""
    if "{" not in text:  # the cheap anchor
        return text
    text = _SPAN.sub(r"\1", text)
    return _ATTRIBUTES_AFTER.sub("", text)


def unescaped(text: str) -> str:
    """Markdown's backslash escapes read as the marks they escape (see _ESCAPE)."""
    return _ESCAPE.sub(r"\1", text) if "\\" in text else text


# A notes app's link to another note (Obsidian's wiki links, which clippers and highlight
# exports write: "Author: [[Ann Lee]]", "[[people/ann-lee|Ann Lee]]"): the words shown, as a
# link's. An embedded note or picture ("![[cranes.jpg]]") shows none. (Not "[[Ann Lee](/a)]",
# a link inside brackets.)
_WIKI_LINK_IN_TEXT = re.compile(r"(!?)\[\[([^\[\]|]*)(?:\|([^\[\]]*))?\]\](?!\()")


def _wiki_link_words(match: re.Match) -> str:
    return "" if match.group(1) else (match.group(3) or match.group(2)).strip()


# A field a scraper's script printed as its program holds it: a list of strings in its
# language's notation ("Authors: ['Ann Lee', 'Tom Park']", as a newspaper-style scraper's list
# of authors prints, or ["Ann Lee", "Tom Park"] as JSON). Read as words, its brackets and
# quotes went into the names ("Tom Park']"). After a label's colon only, as such a field is.
_PRINTED_LIST = re.compile(r"(?<=:)(\s*)\[((?:\s*(['\"])[^'\"\[\]\n]*\3\s*,)*\s*(['\"])[^'\"\[\]\n]*\4\s*,?\s*)\]\s*$")
_PRINTED_ITEM = re.compile(r"(['\"])([^'\"\[\]\n]*)\1")


def _printed_list(match: re.Match) -> str:
    return match.group(1) + ", ".join(item.strip() for _, item in _PRINTED_ITEM.findall(match.group(2)) if item.strip())


# A footnote's mark ("offer[^1]") and its note's label ("[^1]: The union's figures."), as
# Markdown writes a page's notes (Pandoc, and clippers that keep a page's notes): the marks
# stood glued to the words, the labels in front of the notes. A mark of letters after a space
# is a pattern's bracket ("the filter [^abc] dropped ...", a story on code or search), not a
# mark: only a numbered one ("rise [^2]") stands apart from the words.
_FOOTNOTE = re.compile(r"(?<=\S)\[\^[^\W_]\w{0,19}\](?::[ \t]*)?|\[\^[^\W_]\w{0,19}\]:[ \t]*|\[\^\d{1,3}\]")


# A notes app's marks of a reader's own (Obsidian's, as its web clipper keeps a reader's
# highlights in the clipped text): "==highlighted words==", and a callout's type at the head
# of a quote ("> [!quote] The union", "> [!note]-"). They stood in the story's words. (Not
# "a==b": the marks hug words, a space outside them.)
# A highlights export's button after each quote ("... nine days. ([View Highlight](https://...))",
# as Readwise writes them; "([Open in app](...))"): a link in round brackets at the line's end
# whose words are a button's - in a button's title case, its words a name's or an app's
# ("View Highlight", "Open in app"): "(see the table)", "(read the council's letter)" at a
# line's end are the story's own pointers, and went with the buttons.
_BUTTON_IN_BRACKETS = re.compile(r"\s*\(\[(?:View|Open|See|Go\s+to|Read)(?:\s+(?:[A-Z][\w-]*|in|on|the|app|browser|original|more))*"
                                 r"\]\([^()\s]*\)\)\s*$")
_HIGHLIGHT = re.compile(r"(?<![=\w])==(?=\S)([^=]+?)(?<=\S)==(?![=\w])")
_CALLOUT = re.compile(r"^(\s*>?\s*)\[![A-Za-z][\w-]*\][+-]?\s*")


def markdown_to_text(raw: str) -> tuple[str, list[tuple[str, str]]]:
    """One line's visible words: links keep their text and lose their target, images go."""
    links: list[tuple[str, str]] = []
    text = without_images(without_attributes(raw))
    if "[[" in text:
        text = _WIKI_LINK_IN_TEXT.sub(_wiki_link_words, text)
    if "[^" in text:
        text = _FOOTNOTE.sub("", text)
    if "([" in text:
        text = _BUTTON_IN_BRACKETS.sub("", text)
    if "==" in text:
        text = _HIGHLIGHT.sub(r"\1", text)
    if "[!" in text:
        text = _CALLOUT.sub("", text)
    if ":" in text and ("['" in text or '["' in text):  # the cheap anchor
        text = _PRINTED_LIST.sub(_printed_list, text)

    def keep_text(match: re.Match) -> str:
        links.append((match.group(1).strip(), match.group(2)))
        # "*[ Ann Lee ](/a)*": the spaces inside the brackets would stop the emphasis around
        # the link from being read, so they go next to an emphasis mark (elsewhere they part
        # the link's words from the words around it: "[Ann Lee](/a)[ Twitter](/t)").
        text = match.group(1)
        # "[_Twitter_](/t)": emphasis around the whole link text ("_" glued to the word before
        # the link would not be read as emphasis once the link is gone).
        text = re.sub(r"^(\s*)([*_]{1,2})(\S(?:.*\S)?)\2(\s*)$", r"\1\3\4", text)
        if match.string[match.start() - 1: match.start()] in ("*", "_"):
            text = text.lstrip()
        if match.string[match.end(): match.end() + 1] in ("*", "_"):
            text = text.rstrip()
        # "[Ann Lee](/a)Business Columnist", "[ANN LEE](/a)BUSINESS COLUMNIST": the writer's
        # job glued to the link of their name (two elements, the space between lost) would run
        # into the name's last word ("Ann LeeBusiness"; in capitals no case tells where it
        # ends), so a comma parts them, as a byline sets a role after a name.
        if text[-1:].isalpha() and _GLUED_JOB.match(match.string, match.end()):
            text += ", "
        return text

    # Two links that touch ("[Ann Lee](/a)[Tom Park](/t)") were two elements of the page, its
    # authors' links set side by side: their words would run together ("Ann LeeTom Park",
    # one name to every rule), so a comma parts them where a word's end meets a capital.
    text = _TOUCHING_LINKS.sub(r"\1, ", text)
    # ("[Ann Lee](/a) [Tom Park](/t)": the same with a space between, where the page set the
    # commas by its style sheet; only between links whose words have a name's shape.)
    if ") [" in text or ")  [" in text:
        text = _SPACED_NAME_LINKS.sub(_comma_between_names, text)
    # "[Harbor Ledger](/h)and": a joining word glued to the link before it (the space between
    # two elements lost) would end the link's last word ("Ledgerand"), a name to every rule.
    if ")and" in text or ")&" in text:
        text = _GLUED_JOIN.sub(r"\1 ", text)
    # Links can hold links' leftovers ("[[x](a)](b)"): undo the innermost until none is left.
    # Only on a line that can hold one ("](", "]["): from each "[" these patterns scan to the
    # next "]", so a line of many "[" and no link (a data dump saved as text, 100 KB of them)
    # took seconds per pass, quadratic in its length. The test is made again before every pass:
    # a pass that undid the line's last link ("[a [b](c) ..." leaves "a [b ...") left "[" after
    # "[" and no "](", and the next pass scanned from each to the end (1.2 s at 80 KB).
    for _ in range(3):
        if "](" not in text:
            break
        new = _LINK.sub(lambda match: _unless_link(match, keep_text), text)
        if new == text:
            break
        text = new
    if "][" in text:
        text = _REFERENCE_LINK.sub(lambda match: _unless_link(match, lambda link: link.group(1)), text)
    text = _AUTOLINK.sub(" ", text)
    text = _ESCAPE.sub(r"\1", text)
    text = _LINE_IN_EMPHASIS.sub(r"\2", text)
    text = without_emphasis(text)
    text = re.sub(r"(?<![\w_])_{2,}(?![\w_])|(?<![\w_])_{2,}(?=\w)", "", text)  # empty <i> icons: "__ facebook"
    text = re.sub(r"^\s*>\s?", "", text)  # block quote marker
    return " ".join(text.split()), links


_GLUED_JOIN = re.compile(r"(\]\([^()\s]*\))(?=(?:and|&)(?:\s|$))")
# (A job's word, with up to two capitalised words of its place or beat before it, right after
# a link: see markdown_to_text.)
_GLUED_JOB = re.compile(r"(?=(?:[A-Z][\w'’-]*\s+){0,2}(?i:writer|reporter|correspondent|editor|contributor|"
                        r"columnist|journalist|producer|photographer|critic|analyst|staff|bureau|senior|deputy|"
                        r"contributing|special)s?\b)")


def _comma_between_names(match: re.Match) -> str:
    """A comma after the first of two name links side by side when both are people's names
    ("[World News](/w) [Local News](/l)" is a menu and stays as it is)."""
    first, second = match.group(2), match.group(3)
    if _is_person(" ".join(first.split())) and _is_person(" ".join(second.split())):
        return f"{match.group(1)}, "
    return match.group(0)


def without_emphasis(text: str) -> str:
    """The text with its emphasis marks gone, the words kept (_EMPHASIS_KINDS, as one pattern
    would: the leftmost emphasis first, then on after it). Each kind is searched only up to its
    last closing mark, which keeps the search linear in the line's length."""
    if "\n" in text:  # an emphasis never crosses a line's end
        return "\n".join(without_emphasis(line) for line in text.split("\n"))
    kinds = []
    for pattern, closer, closer_length in _EMPHASIS_KINDS:
        last = None
        for last in closer.finditer(text):
            pass
        if last is not None:
            kinds.append([pattern, last.start() + closer_length, None])
    parts, position = [], 0
    while kinds:
        for kind in kinds:
            if kind[2] is None or kind[2].start() < position:
                kind[2] = kind[0].search(text, position, kind[1]) if position < kind[1] else None
        kinds = [kind for kind in kinds if kind[2] is not None]
        if not kinds:
            break
        match = min((kind[2] for kind in kinds), key=lambda found: found.start())
        parts.append(text[position:match.start()])
        parts.append(_emphasised(match))
        position = match.end()
    parts.append(text[position:])
    return "".join(parts)


def _emphasised(match: re.Match) -> str:
    """The words of an emphasis. Where the emphasis touched a word outside it, a letter or digit
    meeting another was two words in the page ("*access_time*2019/04/21": an icon's name, then
    the date), so a space keeps them apart; "*•*" or CJK text need none."""
    inner = match.group(2)
    before = match.string[match.start() - 1: match.start()]
    after = match.string[match.end(): match.end() + 1]
    if re.fullmatch(r"[A-Za-z0-9]", before) and re.match(r"[A-Za-z0-9]", inner):
        inner = " " + inner
    if re.fullmatch(r"[A-Za-z0-9]", after) and re.search(r"[A-Za-z0-9]$", inner):
        inner += " "
    return inner


# Where inline elements that lost the spaces between them glued a name to the stamp, the
# button or the date after it ("Ann LeeUpdated March 3", "Ann LeeFollow", "Ann Lee3 min read",
# "ANN LEEMarch 3, 2019") or a "by" to the name ("Written byAnn Lee"): a space goes back. Only
# before words of a closed list (a page's stamps and buttons, whole month names but "May",
# itself a name) or a date: a capital inside a word is otherwise a name's ("McDonald").
_GLUED_MONTHS = "January|February|March|April|June|July|August|September|October|November|December"
# (And a month's short name with the day after it, "Ann LeeMar 3, 2019"; the stamp's "Last
# updated"; an agency's name in words, "Ann LeeReuters", "Ann Lee, ReutersMarch 3": not in
# capitals, which an acronym in capitals takes for its own, "ASAP".)
_GLUED_STAMP_WORD = (rf"(?:Updated|Published|Posted|Last\s+updated|Follow|Share|Twitter|Facebook|Instagram|LinkedIn|Email|"
                     rf"{_GLUED_MONTHS}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?\s+\d{{1,2}}|"
                     r"Reuters|Bloomberg|Xinhua|Kyodo|Yonhap)")
# (Or a relative stamp, "Ann Lee3 hours ago".)
_GLUED_DATE = (rf"(?:\d{{1,2}}/\d{{1,2}}/\d{{2,4}}|\d{{4}}-\d\d-\d\d|\d{{1,2}}\s+(?:{_GLUED_MONTHS})|\d{{1,2}}\s*min(?:ute)?s?\s+read|"
               r"\d{1,2}\s*(?:min(?:ute)?s?|hours?|hrs?|days?|weeks?)\s+ago)")
# Every place it marks is before a capital or a digit: the first lookahead says so at once,
# where the lookbehinds and the word list were tried at every character (over the 98,992 lines
# of the development texts: 3.0 -> 0.5 CPU s, the same result on every line).
_GLUED = re.compile(
    r"(?=[A-Z\d])(?:"
    rf"(?:(?<=[a-z])|(?<=[A-Z]{{2}}))(?={_GLUED_STAMP_WORD}\b)"  # "Ann LeeUpdated", "ANN LEEMarch"
    rf"|(?<=[A-Za-z])(?={_GLUED_DATE}\b)"  # "Ann Lee03/03/2019", "Ann Lee3 min read"
    r"|(?<=\b[Bb]y)(?=[A-Z][a-z])"  # "Written byAnn Lee"
    r")"
)


def unglue_stamps(text: str) -> str:
    """The text with a space put back where a stamp, a button or a date was glued on."""
    text = _GLUED.sub(" ", text)
    # (Five or six digits before a colon, a year and an hour, are the cheap anchor before the
    # month names are tried.)
    return _GLUED_YEAR_CLOCK.sub(r"\1 ", text) if _YEAR_THEN_HOUR.search(text) else text


# Reference-style links ("[Ann Lee][2]" ... "[2]: https://example.org/author/ann-lee"), as
# html2text writes them with inline_links off and many Markdown files do: the definitions
# at the foot are no content, and each link gets its target back so that the rules that read
# targets (an author's page) see it.
_REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[([^\]]+)\]:[ \t]*<?(\S+?)>?(?:[ \t]+[\"'(].*)?[ \t]*$", re.M)
_REFERENCE_USE = re.compile(r"\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\[([^\[\]]*)\]")


def resolve_references(text: str) -> str:
    """The text with its reference links made inline and their definitions taken out."""
    # A definition has "]:": without one there is nothing to find, and the pattern scans from
    # each line's "[" to the next "]", over the lines between (thousands of lines opening with
    # "[" and no "]": seconds, quadratic in the text's length).
    if "]:" not in text:
        return text
    targets = {label.casefold(): target for label, target in _REFERENCE_DEFINITION.findall(text)}
    if not targets:
        return text
    text = _REFERENCE_DEFINITION.sub("", text)

    def inline(match: re.Match) -> str:
        target = targets.get((match.group(2) or match.group(1)).casefold())
        return f"[{match.group(1)}]({target})" if target else match.group(0)

    for _ in range(2):  # an image's reference inside a link's ("[![photo][1]][2]")
        text = _REFERENCE_USE.sub(inline, text)
    return text


# A text browser's dump of a page ("lynx -dump", "w3m -dump" with link numbers) marks each link
# by its number ("By [5]Ann Lee") and lists the numbers' addresses at the end, under
# "References" ("   5. https://..." in lynx, "[5] https://..." in w3m). The marks glued to the
# words made no name a name ("[5]Ann Lee"), and the list stood in the body, address by
# address. Only a list that ends the text, and only marks whose numbers it lists.
_REFERENCES_HEADING = re.compile(r"\n[ \t]*References:?[ \t]*\n")
_REFERENCE_ENTRY = re.compile(r"^[ \t]*(?:(\d{1,4})\.[ \t]+\S+|\[(\d{1,4})\][ \t]+\S+|(?:Visible|Hidden) links:?)[ \t]*$")
_LINK_NUMBER = re.compile(r"\[(\d{1,4})\](?=[^\s\]])")


def without_link_numbers(text: str) -> str:
    """The text without a text browser's link numbers and its list of their addresses."""
    if "References" not in text:  # the cheap anchor
        return text
    heading = None
    for heading in _REFERENCES_HEADING.finditer(text):
        pass  # the last one: the list ends the text
    if heading is None:
        return text
    numbers = set()
    for entry in text[heading.end():].split("\n"):
        if not entry.strip():
            continue
        match = _REFERENCE_ENTRY.match(entry)
        if not match:
            return text  # a section of the story called "References", not a browser's list
        numbers.add(match.group(1) or match.group(2))
    numbers.discard(None)
    if not numbers:
        return text
    head = text[:heading.start()]
    return _LINK_NUMBER.sub(lambda mark: "" if mark.group(1) in numbers else mark.group(0), head) + "\n"


# Fewer blank lines than one in this many lines: a text that parts its blocks with single line
# breaks (see read_lines).
BLANK_LINES_PER_BLOCK = 20
# A line that opens in the middle of a sentence, and the share of such lines below which a text
# with no blank lines is read as one block a line.
# (A small word and another after it: "and the union said"; not a brand's "iPhone 13" nor a
# button's "close".)
_MID_SENTENCE = re.compile(r"[,.;:)]|[a-z]+\s+\S")
MID_SENTENCE_SHARE = 0.05


# --- HTML inside a text -----------------------------------------------------------------------

# Markdown may hold HTML (a figure, a paragraph a converter or a CMS left as markup, a Jekyll
# "<!-- more -->"), and a text copied out of a CMS its tags and entities: they were stored as
# they were ("<figure><img src=...><figcaption>...", "Caf&eacute;"), found by searches for
# "figcaption" and shown in snippets. Only the elements of HTML are taken out (a text's "<Ann
# Lee>" or "a < b" is no markup): a block element leaves a paragraph break, an inline one
# nothing, and a script or style goes with what it holds.
_HTML_BLOCKS = ("p|div|figure|figcaption|ul|ol|li|blockquote|h[1-6]|table|thead|tbody|tfoot|tr|td|th|"
                "section|article|aside|header|footer|nav|main|br|hr|center|pre|dl|dt|dd|picture|details|summary")
_HTML_INLINE = ("span|a|em|strong|b|i|u|s|strike|del|ins|img|sup|sub|small|big|cite|q|code|abbr|time|mark|"
                "font|source|video|audio|iframe|embed|object|param|wbr|label|kbd|var|dfn|bdi|bdo|data")
_HTML_HIDDEN_START = re.compile(r"<(script|style|noscript|template)\b|<!--", re.I)
_HTML_BLOCK_TAG = re.compile(rf"</?(?:{_HTML_BLOCKS})\b(?:\s[^<>]*)?/?>", re.I)
_HTML_INLINE_TAG = re.compile(rf"</?(?:{_HTML_INLINE})\b(?:\s[^<>]*)?/?>", re.I)
_HTML_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def without_html(text: str) -> str:
    """A text without the HTML elements, comments and entities it holds (see above)."""
    if "<" in text:
        text = _without_hidden_html(text)
        text = _HTML_BLOCK_TAG.sub("\n\n", text)
        text = _HTML_INLINE_TAG.sub("", text)
    if "&" in text:
        import html

        text = _HTML_ENTITY.sub(lambda entity: html.unescape(entity.group(0)), text)
    return text


def _without_hidden_html(text: str) -> str:
    """The text without its scripts, styles and comments, each with what it holds. Searched
    forward once (a pattern "<script.*?</script>" read to the end of the text again for each
    one left open: 20,000 of them took 22 s); one left open is left as it is, and ends the search."""
    lowered = text.lower()
    kept, at = [], 0
    while (start := _HTML_HIDDEN_START.search(text, at)) is not None:
        if start.group(1):
            close = lowered.find(f"</{start.group(1).lower()}", start.end())
            end = lowered.find(">", close) + 1 if close >= 0 else 0
        else:
            close = lowered.find("-->", start.end())
            end = close + 3 if close >= 0 else 0
        if end <= 0:
            break
        kept.append(text[at:start.start()])
        at = end
    kept.append(text[at:])
    return "".join(kept)


# --- front matter ---------------------------------------------------------------------------

# A Markdown file of a static site or a notes app (Jekyll, Hugo, Eleventy, Pandoc, Obsidian)
# opens with front matter: YAML between "---" lines, or TOML between "+++" lines (Hugo), holding
# the page's title, author, dates, address. Read as lines, "title = ..." was taken for the
# headline, "author:\n  name: Ann Lee" and "lastmod:" were missed or misread, and the
# "description:" label stayed on its description. Field names as the tools write them, first
# present wins; "date" last, since Hugo's publishDate, where given, is the publication.
FRONT_MATTER_FIELDS = {
    "title": ("title", "headline"),
    "description": ("description", "summary", "excerpt", "subtitle", "standfirst", "dek"),
    "authors": ("authors", "author", "byline", "creator", "creators"),
    "published": ("published", "publishdate", "pubdate", "date_published", "datepublished", "published_at",
                  "date", "created"),
    "updated": ("updated", "lastmod", "last_modified", "modified", "date_modified", "datemodified", "updated_at"),
    # ("source" last, and only where it names no address: a name there is the outlet's, "source:
    # Eastern Mail", which the canonical address's domain stood in for.)
    "outlet": ("outlet", "publication", "publisher", "site_name", "sitename", "source"),
    # "source" is the clipped page's address in web clippers' notes (Obsidian's Web Clipper,
    # MarkDownload, Joplin, Readwise's export): an address only, as for "url" (checked below).
    "url": ("canonical_url", "canonicalurl", "canonical", "url", "link", "source", "source_url"),
    "language": ("language", "lang", "locale"),
}
# Keys that only front matter has: with none of these or of the fields above, a "---" block is
# a rule round a story's first lines, not front matter.
_FRONT_MATTER_ONLY = {"layout", "tags", "categories", "draft", "slug", "permalink", "weight", "aliases",
                      "keywords", "type", "image"}
FRONT_MATTER_LINES = 150  # the block ends within these; a file whose first "---" pairs further down is no front matter
_FRONT_MATTER_FENCE = {"---": ("---", "..."), "+++": ("+++",)}


def front_matter(text: str) -> tuple[dict, str]:
    """The Article fields a text's front matter gives (as a record's values: authors a list,
    the rest strings), and the text after it; ({}, text) when the text has none. A block that
    does not parse as a mapping with a key front matter has is left to the other rules."""
    start = text.lstrip("\ufeff \t\r\n")[:4]
    fence = start.rstrip("\r\n")
    if fence not in _FRONT_MATTER_FENCE:  # the cheap anchor: most texts stop here
        return {}, text
    lines = text.lstrip("\ufeff \t\r\n").splitlines()
    end = next((i for i, line in enumerate(lines[1:FRONT_MATTER_LINES], start=1)
                if line.rstrip() in _FRONT_MATTER_FENCE[fence]), None)
    if end is None:
        return {}, text
    block = "\n".join(lines[1:end])
    try:
        if fence == "+++":
            parsed = _toml_block(block)
        else:
            parsed = _yaml_block(block)
    except Exception:  # noqa: BLE001 - whatever the parser says, it is then no front matter of ours
        parsed = _loose_fields(block) if fence == "---" else None
    if not isinstance(parsed, dict):
        return {}, text
    keys = {str(key).lower().replace("-", "_"): value for key, value in parsed.items()}
    known = {alias for aliases in FRONT_MATTER_FIELDS.values() for alias in aliases} | _FRONT_MATTER_ONLY
    if not known & keys.keys():
        return {}, text
    from .extract_record import field_value

    fields = {}
    for name, aliases in FRONT_MATTER_FIELDS.items():
        if name == "published" and _clipped(keys):
            aliases = tuple(a for a in aliases if a != "created")
        if name == "updated" and _clipped(keys, ("source", "source_url")):
            # A notes app's clip (Joplin's export, "source" its clipper's address): "updated"
            # is when the note was last edited, as "created" is when it was made.
            aliases = tuple(a for a in aliases if a not in ("updated", "modified"))
        if name == "outlet":
            aliases = tuple(a for a in aliases if not _names_an_address(keys.get(a)))
        value = next((_without_wiki_links(keys[a]) for a in aliases if keys.get(a) not in (None, "", [])), None)
        if isinstance(value, date):  # YAML and TOML read dates themselves (a datetime is a date)
            value = value.isoformat()
        value = field_value(name, value)
        if name == "url" and not (isinstance(value, str) and re.match(r"https?://", value)):
            value = None  # a site's own path ("/2024/05/pier"), not an address
        if value:
            fields[name] = value
    return fields, "\n".join(lines[end + 1:])


# "key: value" as a program writes its metadata without quoting it: trafilatura before 2.0 wrote
# "--with-metadata" headers so, and a title holding ": " ("Gull Point: the strike ends") made the
# block no YAML, so the whole header was read as story lines (its "fingerprint:" line taken for
# the headline). Every line must be such a field (or an item of the one above), two fields at
# least; else it is no front matter.
_LOOSE_FIELD = re.compile(r"^([A-Za-z_][\w-]{0,30}):(?:[ \t]+(.*?))?[ \t]*$")
_LOOSE_ITEM = re.compile(r"^(?:[ \t]+\S|-[ \t])")


def _loose_fields(block: str) -> dict | None:
    fields: dict = {}
    key = None
    for raw in block.splitlines():
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        match = _LOOSE_FIELD.match(raw)
        if match:
            key = match.group(1)
            fields[key] = _unquoted((match.group(2) or "").strip()) or None
        elif not (fields and _LOOSE_ITEM.match(raw)):
            return None
        elif isinstance(fields.get(key), list) or fields.get(key) is None:
            # A list under a field with no value of its own ("author:" then "  - name: Ann Lee"
            # or "  - Ann Lee", as YAML writes it): its items are the field's values, as YAML
            # would read them had the block parsed (a title with ": " had made it fail).
            item = _LOOSE_LIST_ITEM.match(raw)
            if item:
                fields[key] = [*(fields.get(key) or []), _unquoted(item.group(1).strip())]
    return fields if len(fields) > 1 else None  # one "Note: ..." line between rules is a line of the story's


# An item of a YAML list as a loose block holds it: "- Ann Lee", "  - name: Ann Lee".
_LOOSE_LIST_ITEM = re.compile(r"^[ \t]*-[ \t]+(?:name[ \t]*:[ \t]*)?(\S.*?)[ \t]*$")


def _unquoted(value: str) -> str:
    if len(value) > 1 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


# Web clippers write each author as a wiki link ("author: [[Ann Lee]]", see _WIKI_LINK_IN_TEXT),
# and the brackets made the name no person's. The words shown are the value.
def _without_wiki_links(value):
    if isinstance(value, list):
        return [_without_wiki_links(item) for item in value]
    if isinstance(value, str) and "[[" in value:
        return _WIKI_LINK_IN_TEXT.sub(_wiki_link_words, value).strip()
    return value


def _names_an_address(value) -> bool:
    return isinstance(value, str) and ("://" in value or bool(_SITE_ADDRESS.match(value.strip())))


def _clipped(keys: dict, address_keys: tuple[str, ...] = ("source", "source_url", "url", "link")) -> bool:
    """Front matter of a copy of another page (it names the page's address): its "created" is
    the day the copy was made (a web clipper's clip day), not the story's."""
    return any(isinstance(keys.get(key), str) and keys[key].lstrip().startswith(("http://", "https://"))
               for key in address_keys)


def _yaml_block(block: str):
    """A YAML block read by PyYAML (which Datasette reads its metadata with). A value shaped as a
    date that is no day ("date: 2019-02-30", a typo) made YAML's date reader raise, and the whole
    block was dropped: its title and author lost, its lines read as the story's. Such a block is
    read again with its dates as the strings written, each then read as a record's date is (one
    that is no day is dropped alone)."""
    import yaml

    try:
        return yaml.safe_load(block)
    except ValueError:  # (the date reader's; a block that is no YAML raises yaml.YAMLError)
        return yaml.load(block, Loader=_yaml_dates_as_written())


# A TOML value written as a bare date or time: the key's "=", then digits shaped as a day.
_TOML_BARE_DATE = re.compile(r"^([ \t]*[A-Za-z0-9_.\"'-]+[ \t]*=[ \t]*)(\d{4}-\d\d-\d\d(?:[Tt ]\d\d:\d\d[^\s#]*)?)",
                             re.MULTILINE)


def _toml_block(block: str):
    """A TOML block (Hugo's "+++" front matter) read by tomllib. As in YAML, a bare date that is
    no day ("date = 2025-02-30", a typo) made the whole block fail, and its "title = ..." line was
    then read as the headline, its author lost. Such a block is read again with its bare dates
    quoted, so each is read as a record's date is (one that is no day is dropped alone)."""
    import tomllib

    try:
        return tomllib.loads(block)
    except tomllib.TOMLDecodeError:
        return tomllib.loads(_TOML_BARE_DATE.sub(r'\1"\2"', block))


@cache
def _yaml_dates_as_written():
    import yaml

    class DatesAsWritten(yaml.SafeLoader):
        pass

    DatesAsWritten.yaml_implicit_resolvers = {
        first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}
    return DatesAsWritten


def _icon(char: str) -> bool:
    """An icon a page sets beside a byline's fields ("✍ Ann Lee", "Ann Lee ✉", "📅 March 3"):
    an icon font's private-use character, an emoji, a dingbat. (Not "©", "°", the quote marks,
    nor arrows and shapes, "› Ports", "■ Ports": those say something, a breadcrumb's step.)"""
    code = ord(char)
    return 0xE000 <= code <= 0xF8FF or code >= 0x1F000 or 0x2600 <= code <= 0x27BF or char in "\ufe0f\u200d"


def _without_icons(text: str) -> str:
    """The line without the icons at its ends."""
    start, end = 0, len(text)
    while start < end and (_icon(text[start]) or text[start].isspace()):
        start += 1
    while end > start and (_icon(text[end - 1]) or text[end - 1].isspace()):
        end -= 1
    return text[start:end]


# Characters a page sets that show nothing: a zero-width space, a soft hyphen, a word joiner, a
# byte-order mark. Copied into a text they split or glue words the reader sees whole ("By\u200bAnn
# Lee" reads "ByAnn Lee"; "Lee\u00ad" is "Lee"). (Not the joiners that shape emoji and scripts.)
_INVISIBLE = {0x200B: None, 0x00AD: None, 0x2060: None, 0xFEFF: None}


def read_lines(text: str) -> list[Line]:
    """The non-empty lines of a text, each with its Markdown taken apart."""
    lines: list[Line] = []
    blank = True  # the previous raw line was empty (or there was none)
    picture_above: str | None = None  # a picture alone on a line since the last line kept
    text = resolve_references(without_link_numbers(text.replace("\r\n", "\n").replace("\r", "\n").translate(_INVISIBLE)))
    raws = text.split("\n")
    # A text with (nearly) no blank lines that is not hard-wrapped, as a browser's copy of a
    # whole page often is, sets each block on a line of its own: a headline is a line of its
    # own like any other there (a line may still go on from the one above: "By" / "Ann Lee").
    # (Not a copy that sets every piece of text on a line, a link's words apart from the
    # sentence around them: many of its lines go on in mid-sentence, with a small letter.)
    filled = [raw.lstrip() for raw in raws if raw.strip()]
    blocks_on_lines = (sum(not raw.strip() for raw in raws) * BLANK_LINES_PER_BLOCK < len(raws)
                       and sum(bool(_MID_SENTENCE.match(raw)) for raw in filled) < MID_SENTENCE_SHARE * len(filled)
                       and wrap_width(raws) is None)
    for raw in _whole_links(unwrap(raws)):
        stripped = raw.strip()
        if stripped[:3] == ":::" and _FENCED_DIV.match(stripped):
            stripped = ""  # a fenced div's fence (see _ATTRIBUTES) parts blocks as a blank line does
        wrapped, blank = not blank, not stripped
        if not stripped:
            continue
        # (Right under its line only: after a blank line "---" is a rule, "Ann Lee" / "" / "---".)
        if _SETEXT.match(stripped) and wrapped and lines and not lines[-1].heading and lines[-1].words:
            lines[-1].heading = 1 if stripped[0] == "=" else 2  # "Title\n=====" headings
            continue
        heading = 0
        match = _HEADING.match(stripped)
        if match:
            heading, stripped = len(match.group(1)), match.group(2)
        # "13. Oktober 2025" opens like an ordered-list item, but a line that is a date is a
        # date (day-first languages write the day with a dot).
        item = bool(_ITEM.match(stripped)) and not _is_day_first_date(stripped)
        if item:
            stripped = _ITEM.sub("", stripped, count=1)
            # "* # Harbour strike ends": a heading inside a list item (a page that lists its
            # one story, html2text's "* " for the <li> around the <h1>) is a heading, no item.
            match = None if heading else _HEADING.match(stripped)
            if match:
                heading, stripped, item = len(match.group(1)), match.group(2), False
        elif _TEXT_BROWSER_ITEM.match(raw):
            item, stripped = True, stripped[1:].lstrip()
        visible, links = markdown_to_text(stripped)
        visible = unglue_stamps(_label_row(visible) if visible[:1] == "|" else visible)
        if visible and (_icon(visible[0]) or _icon(visible[-1])):
            visible = _without_icons(visible)
        if "/" in visible and "(" in visible:
            visible = _PRONOUNS.sub("", visible)
        if not visible or re.fullmatch(r"[\W_]+", visible):
            if lines and visible in (",", ";", "&"):
                lines[-1].separator_below = visible
            if not visible and stripped[:2] == "![":
                picture = _IMAGE.match(stripped)
                picture_above = re.sub(r"^!\[|\].*$", "", picture.group(0)) if picture else ""
            continue  # rules ("---", "* * *", "___") and lone punctuation
        lines.append(Line(raw=raw, text=visible, heading=heading, item=item, links=links,
                          wrapped=wrapped and not heading and not item, own_line=blocks_on_lines,
                          picture_above=picture_above))
        picture_above = None
    return lines


# "Ann Lee (she/her)": the pronouns a profile sets beside a writer's name; with its slash the
# name reads as a photo credit ("Ann Lee (Harbour/Pool)"), so they go from the line.
_PRONOUNS = re.compile(r"\s*\((?i:she|he|they|ze|xe)/(?i:her|hers|him|his|them|theirs|they|she|he|zir|xem)\)")


# A table row of a label and its value: "| Author | Ann Lee |", "| Published | March 3, 2024 |".
_LABEL_ROW = re.compile(r"^\|\s*([^\W\d_][^|\d]{0,30}?)\s*\|\s*([^|]*[^|\s])\s*\|?$")


def _label_row(text: str) -> str:
    """A byline block laid out as a table comes out of a converter as rows of two cells, the
    label and its value: read as the label, a colon and the value ("Author: Ann Lee"), as the
    rules read a byline block's fields. Other rows stay as they are."""
    match = _LABEL_ROW.match(text)
    # (A label is a word or two, "Author", "Last updated"; not a name, "Ann Lee | March 3".)
    if not match or count_words(match.group(1)) > 2 or NAME_LINE.match(match.group(1)):
        return text
    return f"{match.group(1)}: {match.group(2)}"


# A line that opens a block of its own: a heading, a list item, a quote, a table row, a rule.
# (":::" opens or closes a Pandoc fenced div, right under a paragraph's last line.)
_BLOCK_START = re.compile(r"^\s*(?:#{1,6}\s|[*+\-•]\s|\d{1,3}[.)]\s|>|\||={3,}\s*$|-{3,}\s*$|!\[|:::)")


# Text set in columns or centred by spaces, or indented as preformatted text (a code block).
_COLUMNS = re.compile(r"\S {3,}\S|^ {8,}\S|^ {4,}\S.*\n {4,}\S")


SHORT_WRAPPED_LINES = 5  # the fewest wrapped lines a short text's width is told by (10 for any text)


def wrap_width(raws: list[str]) -> int | None:
    """The column a hard-wrapped text was wrapped at (mail, pandoc, a converter's line width),
    or None when its lines are not wrapped. Wrapped prose fills its lines to nearly the same
    width and never past it; unwrapped text has one line per paragraph, of any length."""
    # The lines that go on into the next one (no blank line, no new block between) are the
    # ones a wrapper cut. (A line holding a long address or link target may pass the width:
    # a wrapper does not break inside a word.)
    carried = [(len(raw.rstrip()), after) for raw, after in zip(raws, raws[1:])
               if len(raw.split()) >= 4 and max(map(len, raw.split())) <= 25
               and after.strip() and not _BLOCK_START.match(after)]
    lengths = sorted(n for n, _ in carried)
    if len(lengths) < SHORT_WRAPPED_LINES:
        return None
    top = lengths[int(0.9 * (len(lengths) - 1))]
    width = max(n for n in lengths if n <= top + 10)  # a few lines fill the whole width
    if not 50 <= width <= 120 or sum(n > width for n in lengths) > 0.05 * len(lengths):
        return None
    # Three lines in four end within a long word's length of the width (in text that is not
    # wrapped, lines that go on into the next are of any length: items, captions, stamps).
    # A short text (a brief of three paragraphs, as html2text, Pandoc or a text browser wraps
    # it) has few such lines: every one of them must, at one of the widths converters wrap at,
    # and one at least must go on in lower case, as a sentence cut by the wrapper does - rows
    # of a list of results fill their lines alike too, each opening with a capital or a figure.
    if len(lengths) < 10:
        goes_on_in_lower_case = any(after.lstrip()[:1].islower() for _, after in carried)
        return width if (60 <= width <= 100 and all(width - 12 <= n for n in lengths)
                         and goes_on_in_lower_case) else None
    return width if sum(width - 15 <= n <= width for n in lengths) >= 0.75 * len(lengths) else None


def unwrap(raws: list[str]) -> list[str]:
    """Hard-wrapped lines joined back into their paragraphs (and headings). A line is joined to
    the one after it only where the wrapper must have broken it: the next line's first word
    would not have fitted within the width. So a short line (a byline, a date, the last line
    of a paragraph) keeps its break even when no blank line follows it."""
    width = wrap_width(raws)
    if width is None:
        return raws
    out: list[str] = []
    fenced = False  # inside a ``` block: laid out by hand (centred titles, columns), kept as it is
    previous = ""  # the line above as written, not as joined: its length is what the wrapper saw
    for raw in raws:
        words = raw.split()
        if raw.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        if (previous and words and not fenced and not _BLOCK_START.match(raw)
                and not _SETEXT.match(previous.strip()) and not _COLUMNS.search(previous + "\n" + raw)
                and len(previous) + 1 + len(words[0]) > width):
            # "wp-" / "content": a break the wrapper made after a hyphen keeps the hyphen.
            # ("](/people/ann?from=byline" / "-----card)": a break inside a link's target, which
            # has no spaces, at a run of hyphens: the target is joined whole. Not before the
            # link's title: '](/people/ann' / '"Posts by Ann Lee")' is parted by a space.)
            glue = "" if re.search(r"\w-$", previous) or (
                _OPEN_TARGET.search(out[-1]) and not raw.lstrip().startswith(('"', "'", "("))) else " "
            out[-1] = out[-1].rstrip() + glue + raw.strip()
        else:
            out.append(raw)
        previous = raw.rstrip()
    return out


_OPEN_TARGET = re.compile(r"\]\(\s*<?[^()\s>\"]+$")  # "[Ann Lee](/people/ann" and no ")" yet
# A "[" whose "]" is not on this line: no "[" or "]" after it to the end. (The lookahead
# "(?![^\]]*\])" it had said no more, and scanned the rest of the line from every "[":
# quadratic on a long line of them.)
_OPEN_LINK = re.compile(r"\[[^\[\]]*$")
# '](/a "title' or '](/a-long-addr' with no closing bracket: a link's target or title wrapped
_OPEN_TITLE = re.compile(r'\]\(\s*<?[^()\s>]*(?:>?\s+"[^"]*)?$')


def _whole_links(raws: list[str]) -> list[str]:
    """Raw lines with a Markdown link's text put back on one line: converters keep the line
    breaks inside a link ("[Ann" / "Lee](/authors/ann-lee)"), and a link cut in two is read as
    two lines of brackets. Only a break that the next line closes with "](" is undone."""
    out: list[str] = []
    k = 0
    while k < len(raws):
        raw = raws[k]
        # (The line that closes a link may open the next one: "[Ann" / "Lee](/a) and [Tom" /
        # "Park](/t)", a paragraph of links laid out by its source's line breaks.)
        while _OPEN_LINK.search(raw):
            # The link text may run over a few lines, none blank and none with a bracket.
            for j in range(k + 1, min(len(raws), k + 4)):
                part = raws[j].strip()
                if not part or re.match(r"[^\[\]]*\]\(", part):
                    break
                if re.search(r"[\[\]]", part):
                    part = ""
                    break
            if not (k + 1 < len(raws) and part and re.match(r"[^\[\]]*\]\(", part)):
                break
            raw = " ".join([raw.rstrip()] + [r.strip() for r in raws[k + 1: j + 1]])
            k = j
        # A link's target or title wrapped ('[Ann Lee](/a "Posts by' / 'Ann Lee")', '[Ann Lee](/people/
        # ann-lee-2)'), as Markdown written at a fixed width has it: the line that closes the
        # bracket is joined (a target is joined without a space: a wrapper breaks it at a "-").
        if _OPEN_TITLE.search(raw):
            for j in range(k + 1, min(len(raws), k + 3)):
                if not raws[j].strip() or "[" in raws[j]:
                    break
                if ")" in raws[j]:
                    for part in raws[k + 1: j + 1]:
                        # (A space where the break was inside the title or opened it.)
                        inside_title = '"' in raw[raw.rindex("]("):] or part.strip().startswith('"')
                        raw = raw.rstrip() + (" " if inside_title else "") + part.strip()
                    k = j
                    break
        out.append(raw)
        k += 1
    return out


def joined(first: Line, second: Line) -> Line:
    """Two lines as one: a line broken by the converter's or the writer's wrapping."""
    return Line(raw=f"{first.raw} {second.raw}", text=f"{first.text} {second.text}",
                heading=first.heading, item=first.item, links=first.links + second.links)


def _is_day_first_date(line: str) -> bool:
    dates = full_dates(line)
    return bool(dates) and dates[0][0] == 0 and len(line.split()) <= 6


def fold(text: str) -> str:
    """Case, punctuation and spacing folded away: the key for "the same line again"."""
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())


# --- dates ---------------------------------------------------------------------------------

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|" \
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"
_MONTH_ANY_CASE = rf"(?i:{_MONTH})"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"
_TIME = r"(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d\d(?:[:.]\d\d)?\s*(?:[ap]\.?m\.?)?(?:\s*(?:[A-Z]{2,4}|GMT[+-]\d+|UTC[+-]\d+))?)"
# Full dates: "October 28, 2024", "Oct. 28 2024", "28 October 2024", "2024-10-28", with a time.
# A capitalised month may be glued to the word before it ("SiteName.comOct. 13, 2016").
FULL_DATE = re.compile(
    rf"(?:(?<![A-Za-z])(?i:{_MONTH})|(?<![A-Z]){_MONTH})\.?\s+{_DAY},?\s+{_YEAR}(?:{_TIME})?"
    rf"|\b{_DAY}\.?\s+(?:of\s+)?{_MONTH_ANY_CASE}\.?,?\s+{_YEAR}(?:{_TIME})?"
    rf"|\b{_YEAR}-[01]\d-[0-3]\d(?:[T ]\d\d:\d\d(?::\d\d(?:\.\d{{1,9}})?)?(?:Z|[+-]\d\d:?\d\d)?)?"
    # ("11/ 8/13": a day of one figure padded with a space, as old page templates print it.)
    rf"|\b[0-3]?\d/(?: (?=\d/))?[0-3]?\d/(?:{_YEAR}|\d\d)\b(?:{_TIME})?"
)
# "Nov 19 20197:05 AM EST": a stamp's year and its clock in two elements with no space between
# (see unglue_stamps); only after a month and a day, with the half of the day or a zone after.
_YEAR_THEN_HOUR = re.compile(r"(?:19|20)\d\d\d{1,2}:")
_GLUED_YEAR_CLOCK = re.compile(rf"((?<![^\W\d_]){_MONTH}\.?\s+{_DAY},?\s+{_YEAR})"
                               r"(?=\d{1,2}:\d\d\s*(?:[AaPp]\.?[Mm]\.?|[A-Z]{2,4}\b))")
# "Oct. 28" with no year: the year comes from the nearest full date.
MONTH_DAY = re.compile(rf"\b{_MONTH}\.?\s?({_DAY})\b(?!,?\s*(?:{_YEAR}|\d))")
# Forms the generic date parser misreads or does not know; found here and given as ISO days.
# 28.10.2024; and "28.10.2024Copy link", a button run onto it by a lost break (no digit after).
_DOTTED_DATE = re.compile(rf"\b([0-3]?\d)\.([01]?\d)\.({_YEAR})(?!\d)")
_YEAR_FIRST = re.compile(rf"\b({_YEAR})[/.年]\s*([01]?\d)\s*[/.月]\s*([0-3]?\d)(?!\d)")  # 2024/10/28, 2024年10月28日
# (The year may run on into the day of a second date, "12 février 201914 février 2019": a post's
# published and modified days, set side by side in elements that lost the space between them;
# or into the next field's label, "7. Juni 2016Schlagworte".)
_FOREIGN_MONTH_NAMES = '|'.join(sorted(FOREIGN_MONTHS, key=len, reverse=True))
_FOREIGN_DATE = re.compile(
    rf"\b({_DAY})\.?\s+(?:de\s+)?(?i:({_FOREIGN_MONTH_NAMES}))"
    rf"(?:\s+de)?,?\s+({_YEAR})(?:\b|(?={_DAY}\.?\s+(?:de\s+)?(?i:{_FOREIGN_MONTH_NAMES})\b)|(?=[A-ZÀ-Ý][a-zß-ÿ]))"
)
_ZONE_OR_DOTTED_TIME = re.compile(r"\s*,?\s*(?:at\s+)?\d{1,2}\.\d\d.*$|\s+(?!UTC|GMT)[A-Z]{2,4}$")


_ISO_TIME = re.compile(r"\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d\.\d")
# "Published" and "updated" in languages that write a slashed date day first (German, French,
# Spanish, Portuguese, Italian, Dutch, the Scandinavian languages, Polish, Czech): beside one,
# "05/10/2018" is the 5th of October, as the stamp's own language writes it.
_DAY_FIRST_PUBLISHED_WORDS = (r"publiziert|veröffentlicht|aktualisiert|publié|publiée|mis à jour|publicado|actualizado|"
                              r"pubblicato|aggiornato|gepubliceerd|bijgewerkt|publicerad|publisert|udgivet|"
                              r"opublikowano|zveřejněno")
_DAY_FIRST_STAMP = re.compile(rf"(?i:(?<!\w)(?:{_DAY_FIRST_PUBLISHED_WORDS})\b)")
# The label before a date that says which date it is, in English and in the languages above:
# "Mis à jour le 06/03/2019 · Publié le 03/03/2019" dates the revision first and the publication
# after it, as "Updated ... Published ..." does in English (read in English alone, the French
# revision's day was taken for the publication's).
DATE_LABEL = re.compile(
    r"(?i:(?<!\w)(?:(?P<updated>updated|modified|edited|mis\s+[àa]\s+jour|aktualisiert|actualizado|aggiornato|"
    r"bijgewerkt|atualizado|uppdaterad|oppdatert|opdateret|zaktualizowano|aktualizováno)"
    rf"|published|posted|{_DAY_FIRST_PUBLISHED_WORDS})(?!\w))")


def full_dates(text: str, day_first: bool = False) -> list[tuple[int, str]]:
    """(position, raw string) of each full date in a line. Forms the generic parser would
    misread ("28.10.2024" is day first) or not know (other languages) are given as ISO days.
    With day_first (the text's own worded dates are: writes_day_first), a slashed date either
    order could read is read day first."""
    found = []
    taken = []  # (every span FULL_DATE finds, one a form below must not find again)
    for match in FULL_DATE.finditer(text):
        taken.append(match.span())
        raw = match.group(0).strip(" ,").replace("/ ", "/", 1)
        # (An ISO time's fraction of a second, "09:30:00.000Z" as scripts write a page's time,
        # is no dotted time: cut there, the time lost its zone.)
        if not _ISO_TIME.match(raw):
            raw = _ZONE_OR_DOTTED_TIME.sub("", raw)
        slashed = re.match(r"(\d{1,2})/(\d{1,2})/(\d{2,4})", raw)
        if slashed:  # month first as in the US, unless the first number cannot be a month
            first, second, year = map(int, slashed.groups())  # (or the line's stamp word says day first)
            in_day_order = first > 12 or second <= 12 and (day_first or bool(_DAY_FIRST_STAMP.search(text)))
            month, day = (second, first) if in_day_order else (first, second)
            year += 2000 if year < 100 else 0
            if not (1 <= month <= 12 and 1 <= day <= 31):
                continue
            raw = f"{year:04d}-{month:02d}-{day:02d}" + raw[slashed.end():]
        found.append((match.start(), raw))

    def add(position: int, year: int, month: int, day: int):
        if 1 <= month <= 12 and 1 <= day <= 31 and not any(a <= position < b for a, b in taken):
            found.append((position, f"{year:04d}-{month:02d}-{day:02d}"))

    for match in _DOTTED_DATE.finditer(text):
        day, month = int(match.group(1)), int(match.group(2))
        if month > 12 >= day:  # "11.14.2019": month first, as the US writes it
            day, month = month, day
        add(match.start(), int(match.group(3)), month, day)
    for match in _YEAR_FIRST.finditer(text):
        add(match.start(), int(match.group(1)), int(match.group(2)), int(match.group(3)))
    for match in _FOREIGN_DATE.finditer(text):
        day = int(re.match(r"\d+", match.group(1)).group(0))
        add(match.start(), int(match.group(3)), FOREIGN_MONTHS[match.group(2).casefold()], day)
    return sorted(found)


def writes_day_first(text: str) -> bool:
    """Whether a text writes its dates day first, as its own worded dates show: a month's name
    in a language that puts the day before it ("martes, 05 marzo 2019", "5 mars 2019"). Such a
    text's "04/03/2019" is the 4th of March, as its language writes it (read month first, as
    in the US, a Spanish byline's day was taken for the 3rd of April)."""
    return bool(_FOREIGN_DATE.search(text))


def writes_english_date(text: str) -> bool:
    """Whether a text writes a date with an English month's name ("March 5, 2019", "5 March
    2019"; not a month other languages spell alike, "5. April 2019" beside German words): a
    text showing one may write its slashed dates month first, whatever else it quotes."""
    foreign = {match.start() for match in _FOREIGN_DATE.finditer(text)}
    return any(match.start() not in foreign and re.search(_MONTH_ANY_CASE, match.group(0))
               for match in FULL_DATE.finditer(text))


def dates_outside_addresses(text: str, day_first: bool = False) -> list[tuple[int, str]]:
    """full_dates, without the dates inside a web address the line shows ("https://example.org
    /2023/11/05/fares" is the day another story was filed, or the page's first version): a
    date a reader sees written weighs more."""
    if "/" not in text:
        return full_dates(text, day_first)  # (the cheap anchor: an address has a slash)
    return full_dates(_ADDRESS.sub(lambda match: " " * len(match.group(0)), text), day_first)


def parse_day(raw: str) -> date | None:
    """The calendar day of a full date string found by full_dates (None if impossible)."""
    match = re.match(r"((?:19|20)\d\d)-(\d\d)-(\d\d)", raw)
    if match:
        year, month, day = map(int, match.groups())
    else:
        match = re.match(r"(\d{1,2})/(\d{1,2})/(\d{2,4})", raw)
        if match:
            month, day, year = map(int, match.groups())
            year += 2000 if year < 100 else 0
        else:
            month_match = re.search(_MONTH_ANY_CASE, raw)
            day_match = re.search(rf"(?<!\d){_DAY}(?!\d)", raw.replace(month_match.group(0), " ", 1)) if month_match else None
            year_match = re.search(_YEAR, raw)
            if not (month_match and day_match and year_match):
                return None
            month = MONTHS[month_match.group(0).casefold()]
            day = int(re.match(r"\d+", day_match.group(0)).group(0))
            year = int(year_match.group(0))
    try:
        return date(year, month, day)
    except ValueError:
        return None


# --- boilerplate ---------------------------------------------------------------------------

# The places a share bar sends a story to, as its buttons name them.
_SHARE_TARGET = (r"(?:twitter|facebook|x|linkedin|whatsapp|reddit|pinterest|e-?mail|print|copy link|threads|"
                 r"bluesky|telegram|messenger|flipboard|mastodon|sms)")
# Whole lines that are page furniture, not the story (menus, share bars, players, stamps).
_FURNITURE = re.compile(
    r"^(?:skip to (?:main )?(?:content|navigation)|(?:main |primary |secondary |site )?(?:menu|navigation)|search|sign (?:in|up)|log ?in|"
    r"subscribe(?: now)?|share(?: this(?: story| article)?)?|tweet|e-?mail|print|comments?|"
    r"advertisement|ad|close|next|previous|read more|continue reading|show more|see more|"
    r"loaded|play|pause|mute|unmute|full ?screen|copy link|link copied|twitter|facebook|"
    r"linkedin|whatsapp|reddit|pinterest|pin(?: it)?|buffer|flipboard|instagram|youtube|x|save|listen|"
    r"updated:?|published:?|posted:?|author|authors|image|photo|video|audio|"
    r"\d+\s+(?:min(?:ute)?s?\s+read|comments?)|reader comments.*|"
    # The buttons a news page sets between its standfirst and its byline: an audio player with
    # its length ("Listen to this article · 5 min", "Listen (5 min)"), a gift or save link, the
    # comments' link, the type size ("Ann Lee" under them is still the byline's place).
    r"listen(?: to(?: this| the)? (?:article|story))?\s*(?:[·•|-]\s*|\(\s*)?\d{1,2}(?:[:.]\d\d)?\s*min(?:ute)?s?\)?|"
    r"listen to (?:the )?(?:article|story)|(?:gift|save|share)(?: this| full)? (?:article|story)|save for later|"
    r"bookmark|view comments|text size|join the conversation|"
    # "CLICK FOR FULL RESULTS", "Click here to see the gallery": a button's call, one short line
    # (no colon: "Click to Vote: the board goes digital" is a headline's two parts)
    r"click (?:here|for|to)\b[^.!?:]{0,60}[.!?]?|"
    r"(?:previous|next|older|newer) (?:post|article|story|page)|reply|leave a (?:comment|reply).*|"
    r"cancel reply|(?:related )?tags:?|topics:?|privacy policy|terms of (?:use|service)|advertise|"
    r"help|contact(?: us)?|about(?: us)?|help and contact(?: us)?|don'?t miss|must (?:watch|read)|watch|by|"
    r"\d+\s*shares?|\d+|(?:image|photo|slide) \d+ of\s*/?\s*\d*|\d+\s*/\s*\d+|"
    # "Read on Omnivore", "Open in app", "View in browser": a reader app's or a mail's button.
    # "Open" only into an app, a browser or a tab: "Open on Sundays", "Open in Berlin" are a
    # guide's lines of hours and places.
    r"(?:read|view)(?: it| this)? (?:on|in) (?:the |your )?[\w.-]+(?: app)?|"
    r"open(?: it| this)? in (?:the |your |a )?(?:[\w.-]+ )?(?:app|browser|(?:new )?(?:tab|window))|"
    # "#clippings #port": a notes app's tags, as clippers set them by the headline ("#" and a
    # word: "# Port" with its space is a heading, "#1" a rank)
    r"#[^\W\d_][\w/-]*(?:\s+#[^\W\d_][\w/-]*)*|"
    # "Share this article: Twitter Facebook Email", "Facebook | X | LinkedIn": a share bar's
    # buttons, two or more, with or without its label (one alone is matched above)
    # (each button, then one separator: "\s*[|]?\s*" between them let a long line of names
    # that ends in a word be tried in 2^n ways, 7 s for 24 names)
    rf"(?:share(?: this(?: story| article| post| page)?| on| via)?\s*[:|]?\s*)?"
    rf"{_SHARE_TARGET}(?:(?:\s*[|·•,/]\s*|\s+){_SHARE_TARGET})+\s*[|·•,/]?|"
    r"(?:\[[^\]]*\]\s*){2,})$",  # "[Docs] [PDF] [Print]": a row of bracketed buttons
    re.I,
)
# Notices of the page to its reader, not the story: an old browser, scripts turned off, the
# reprint terms of a copy.
_NOTICE = re.compile(
    r"\b(?:(?:update|upgrade|switch) (?:to )?(?:a |your )?(?:(?:modern|newer|latest|supported|different) )?browser|"
    r"(?:site|page) works best (?:in|with|on)\b|(?:no longer|not) supported (?:in|on|by) (?:this|your) browser|"
    r"(?:enable|turn on|activate) javascript|javascript is (?:disabled|turned off|required)|"
    r"you are (?:using|on) an? (?:outdated|older|unsupported) browser|"
    r"for (?:your )?personal,? non-?commercial use only)\b",
    re.I,
)
_TIMER = re.compile(r"^(?:\d{1,2}:)?\d{1,2}:\d\d(?:\s*/\s*(?:\d{1,2}:)?\d{1,2}:\d\d)?$")
# "5 min", "12 mins listen": a player's or a reading time's length on its own, its icon or its
# "read" lost. Only the stamp's shapes, the minutes cut short or a "listen" after them: "45
# minutes" alone is a recipe's time or a story's line, and "## 60 Minutes" a section's heading
# (so a heading is never one, see is_furniture).
_LENGTH_ALONE = re.compile(r"^\d{1,3}\s*(?:mins?\.?|min(?:ute)?s?\.?\s+(?:listen|watch))$", re.I)
_TOKEN = re.compile(r"^[A-Za-z0-9+/=_-]{24,}$")  # hashes and tracking ids
_BARE_URL = re.compile(r"^(?:https?://|www\.)\S+$", re.I)
# A web address in a line of words: "https://...", "www....", or a host and a path
# ("social.example/annlee"); beside a name, the address of the writer's profile.
_WEB_ADDRESS = r"(?:https?://|www\.)\S+|(?<!\S)[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/\S*"
# A profile's address beside a name, and the comma or the space before it: some converters
# write a link whose text is its own address, so "Ann Lee [https://x/annlee](...)" reads
# "Ann Lee https://x/annlee".
_PROFILE_ADDRESS = re.compile(rf"[,\s]+(?:{_WEB_ADDRESS})")
_ADDRESS = re.compile(_WEB_ADDRESS)
# Photo credits: "(AP Photo/Jane Doe)", "Getty Images", "KCNA via Reuters", "Photo: X".
_CREDIT = re.compile(
    r"\((?:AP|AFP|Reuters|EPA|Getty)[^)]*\)\s*$|\bGetty Images\b|\biStock(?:photo)?\b|\bShutterstock\b|"
    r"\b(?:via|/)\s*(?:Reuters|AFP|AP|EPA|Getty|Bloomberg)\s*\)?\s*$|"
    r"^(?:photo|image|picture|credit|source|illustration)s?(?:\s+credit)?\s*(?::|by\b)|"
    r"^(?:photo(?:graph)?|image|picture|illustration)s?\s+courtesy\b|"
    # "FILE PHOTO: Dockers at the gate ...", "HANDOUT PHOTO: ...": a caption's own label.
    r"^(?:file|handout|archive)\s+(?:photo(?:graph)?|picture|image)s?\s*:|"
    # "... in Porto, March 2, 2019. HARBOR/Ann Lee": the agency in capitals, a slash and who made
    # the picture, closing a caption's last sentence.
    r"(?-i:[.!?”\"’]\s+[A-Z]{2,}(?:\s[A-Z]{2,})?\s?/\s?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s*$|"
    r"\((?:photo|image|picture|credit)s?[: ][^)]*\)\s*$|^(?:media caption|caption|image caption)\b|"
    # "... at dawn. Photograph: Jane Roe/Harbour Gazette": the credit closing a caption.
    r"[.!?”\"’]\s+(?:photograph|photo|picture|image|illustration|composite)s?(?:\s+credit)?\s*:\s*[^.:]{2,80}$|"
    # "... at dawn. (Harbour Space Centre/Jane Roe)": who made the picture, in closing brackets.
    r"\([^()]*[^\W\d_]\s?/\s?[A-Z][^()]*\)\s*$|"
    # A credit on its own: "(Jane Roe / The Harbour Gazette)", "Jane Roe/AP Photo".
    r"^\(?[A-Z][\w.'’-]*(?:\s+[\w.'’-]+){0,4}\s?/\s?[A-Z][\w.'’-]*(?:\s+[\w.'’-]+){0,4}\)?$",
    re.I,
)
# (Or the writer's label with its colon, in any language: "Text: Ann Lee. Photos: Tom Park" credits
# the pictures after the writer, and a caption's credit never opens so.)
_BYLINE_OPENING = re.compile(r"^\W*(?:(?:(?:written|words|text|story|reporting|reported)\s+)?by\b|"
                             r"(?:words|text|texte|texto|testo|tekst|story|author|autor|autora|autorin|"
                             r"auteur|autore|writer|reporter|reporting)\s*:)", re.I)
_ROLE_AFTER_SLASH = re.compile(
    rf"/\s*(?:[\w-]+\s+){{0,2}}(?:{'|'.join(sorted(ROLE_WORDS - {'news', 'agencies', 'bureau', 'desk', 'newsroom', 'team'}))})\s*$", re.I)
# The first words of a pitch for something other than the story.
_PITCH = re.compile(
    r"\b(?:newsletters?|subscribe|subscription|subscriber|sign up|sign-up|join our|join over|premium members?|"
    r"download (?:the|our) app|support (?:our|independent) journalism|donate)\b"
    # The thanks a page opens or closes with, a reader's or a member's ("Thank you for supporting
    # the Harbor Ledger", "Thanks for reading"): only as the line's opening words.
    r"|^\W*thank(?:s| you) for (?:supporting|reading|subscribing|being a (?:subscriber|member|reader)|your support)\b",
    re.I,
)
# Headings of lists of other stories.
_LIST_HEADING = re.compile(
    r"^(?:(?:most (?:read|popular|viewed|shared|commented)|trending|popular|latest)"
    r"(?:\s+(?:news|stories|articles|posts|videos|now|today|this week))?|"
    r"related(?: articles?| stories| content| coverage| news| posts| links| reading)?|"
    r"read (?:more|next|also)|more (?:from|on|stories|news|in)\b.*|"
    r"recommended(?: for you| stories)?|you (?:may|might) also like|"
    r"see also|also read|top stories|what to read next|"
    r"editor'?s? picks?|more like this|"
    r"up next|next up|read this next|don'?t miss|in case you missed it|further reading|more to (?:read|explore)|"
    # (and more of the words sites head those lists with: "From the archive", "Also in Ports",
    # "Elsewhere on Harbour Gazette", "Keep reading", "Our picks", "Suggested reading")
    r"from (?:the|our) archives?|(?:also|elsewhere) (?:in|on|from)(?-i:(?:\s+[A-Z][\w&'’-]*){1,4})|more coverage|"
    r"keep reading|other stories|you (?:may|might) (?:also )?be interested in|more for you|more top stories|"
    r"explore more|read these next|discover more|sponsored stories|around the web|(?:top|our|editor'?s?) picks|"
    r"editor'?s'? choice|recent (?:posts|articles|stories)|similar (?:articles|stories|posts)|"
    r"(?:suggested|recommended) reading|"
    # A reader service's lists of the page's links and pictures after the story (Jina's
    # reader: "Images:", "Links/Buttons:"), a page's own "Links" box.
    r"links?(?:\s*/\s*buttons)?|images|buttons)\s*:?$",
    re.I,
)
_SOCIAL_ECHO = re.compile(r"(?:^[—–-]\s*.*\(@\w+\)|pic\.twitter\.com/\S+|^follow (?:us|me|him|her|them)\b)", re.I)
_FOLLOW_COVERAGE = re.compile(r"^follow\b.*\b(?:coverage|on (?:twitter|x|facebook|instagram))\b|^follow\b.*https?://", re.I)
_STAMP = re.compile(r"^(?:updated|last updated|published|posted|first published|modified)\b[:\s]", re.I)


_TEASER = re.compile(r"(?:read more|read the full story|continue reading|full story)\W*$", re.I)
# Buttons and notices that open a page, in words: "Toggle navigation", "Accept cookies".
_NAVIGATION = re.compile(
    r"^(?:(?:toggle|open|close|show|hide) (?:the )?(?:navigation|menu|search)|(?:jump|skip) to (?:the )?\w+(?: \w+)?|"
    # Skip links one after another, their words run together or not ("Skip to contentSkip to
    # site index", "Skip to main content Skip to footer").
    r"(?:(?:jump|skip) to (?:the )?(?:main |primary |site )?(?:content|navigation|nav|search|footer|menu|index|site index)\s*){2,}.{0,40}|"
    r"skip navigation|accept (?:all )?cookies|listen to this (?:article|story)|(?:share (?:this )?(?:on|via|to) \w+(?: \w+)?\s*)+|"
    r"this (?:article|story|page) is more than .{1,20} old|sign in to (?:your|my) account|"
    # A link back to the list the story was opened from: "Back to overview", "Zurück zur Übersicht".
    r"(?:back|return) to (?:the )?(?:overview|list|index|top|home ?page|all (?:news|articles|posts|stories))|"
    r"zurück (?:zur|zum) (?:übersicht|startseite|liste)|retour (?:à la liste|à l'accueil|aux articles)|"
    r"volver (?:al listado|al inicio|a la lista)|"
    r"(?:(?:main )?menu|search|sign in|log ?in|register|subscribe|sign up)"
    r"(?:\s*[|/•·]?\s*(?:menu|search|sign in|sign out|log ?in|log ?out|register|subscribe|sign up))+)$",
    re.I,
)
# A breadcrumb or a row of menu items: "Home › News › World", "Politics | Ports".
_MENU_SEPARATOR = re.compile(r"\s*[›»>|•·]\s*|\s+/\s+")


def _menu_row(text: str) -> bool:
    text = re.sub(r"^you are here\s*:?\s*", "", text, flags=re.I)
    items = [item for item in _MENU_SEPARATOR.split(text) if item.strip()]
    if 2 <= len(items) and len(text.split()) <= 10 and all(len(item.split()) <= 2 for item in items):
        return True
    # A site's name, then its sections: "The Harbor Ledger · News · Sport · Opinion" (what a
    # page printed to PDF shows above its headline). Three sections at least and no figure, as
    # a byline's fields have a date ("Ann Lee | The Harbor Ledger | March 3").
    return (len(items) >= 4 and len(items[0].split()) <= 4 and all(len(item.split()) <= 2 for item in items[1:])
            and not re.search(r"\d", text) and not re.match(r"(?:by|par|von|por|di|door)\s", text, re.I))


_BREADCRUMB_SEPARATOR = re.compile(r"\s*[›»>]\s*")


def breadcrumb_items(line: Line) -> set[str]:
    """The items of a breadcrumb ("Home » Travel Notes » Headline"): three or more short
    items parted by "›", "»" or ">" (bars and dots part a byline's fields too). Folded."""
    items = [item for item in _BREADCRUMB_SEPARATOR.split(line.text) if item.strip()]
    if len(items) < 3 or any(len(item.split()) > 8 for item in items):
        return set()
    return {fold(item) for item in items}


# A label or a credit, not a headline: it ends with a colon, a dash or a slash ("Filed
# under:", "Tech —", "Ann Lee/"), names a site by its address or its copyright, or credits
# someone for other work ("Edited by", "Supported by").
_LABEL_LINE = re.compile(
    r"(?:[:—–/|,-]\s*$)|^[—–›»>|/•·]|(?:^|\s)(?:www\.)?[\w-]+\.(?:com|org|net|co\.uk|de|fr|jp|es|it)\b|©|"
    r"^(?:edited|supported|sponsored|presented|powered|brought to you|filed|posted|produced|curated)"
    r"(?: by| under| in)?\b|^continue reading\b|^(?:click|tap) here\b|^see (?:more|all)\b|"
    r"^\d+(?:\.\d+)?k?\s+(?:related|comments?|shares?|points?|votes?)\b|^\d+(?:\.\d+)?k$|"
    r"^(?:an?|\d+)\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago$|"
    # A day without its year ("13 Aug", "Aug. 13") and a line that opens with a clock time: stamps.
    rf"^(?:\d{{1,2}}\s+{_MONTH}|{_MONTH}\.?\s+\d{{1,2}})\.?$|^\d{{1,2}}:\d\d\b",
    re.I,
)


_TIME_AGO = re.compile(r"^(?:an?|\d+)\s*(?:seconds?|minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|months?|years?)\s+ago$", re.I)


def time_ago(line: Line) -> bool:
    """"3 hours ago", "a day ago": how long ago something went up, alone on its line."""
    return bool(_TIME_AGO.match(line.text.strip()))


def is_label(line: Line) -> bool:
    """"Filed under:", "People.com", "Supported by", "3 related articles": page labels that
    a headline never is."""
    return line.words <= 12 and bool(_LABEL_LINE.search(line.text.strip()))


_SITE_ADDRESS = re.compile(r"^(?:www\.)?[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|info|news|co\.uk|co|uk|de|fr|jp|es|it|nl|"
                           r"au|ca|in|ie|nz|br|mx|ar|pt|pl|cz|ru|ch|at|be|se|no|dk|fi|kr|cn|tw|hk)$", re.I)


# "Title: Headline", a Markdown file's front matter ("title: Headline"), an agency's or a
# converter's field list ("Headline: ..."): the label in the languages of our news.
# The page's own address as reader services, scrapers and clippers set it above the story: a
# labelled line ("URL Source: https://..." as Jina's reader writes it, "URL:", "Source URL:",
# "Link:", "Original URL:" in field lists and note exports), or a link alone on its line that
# leads to the original ("[Read Original](https://...)", as read-it-later apps' exports set it).
# Only an http(s) address: "Source: Harbor Ledger" names no address.
_ADDRESS_LABEL = re.compile(
    r"^\W{0,3}(?i:url(?:\s+source)?|(?:source|original|canonical|article|page)\s+(?:url|link|address)|source|"
    r"link|permalink|canonical)\W{0,3}\s*[:：]\s*(?:<(https?://[^\s<>]+)>|\[[^\]]*\]\(\s*<?(https?://[^\s()<>]+)>?\s*\)|"
    r"(https?://\S+))\s*$")
_ORIGINAL_LINK = re.compile(r"^(?i:(?:read|view|open|see|go\s+to)\s+(?:the\s+)?)?(?i:original)(?:\s+(?i:article|story|page|post|url))?$")


# A bare "Source:" label (not "URL Source:"): under a picture it credits the map or chart.
_SOURCE_LABEL = re.compile(r"^\W{0,3}(?i:source)\W{0,3}\s*[:：]")


def shows_web_address(line: Line) -> bool:
    """The line's words hold a web address ("Tickets from the quay kiosk or www.example.org",
    "... at the old pier; www.example.org."): a credit's, a caption's or a listing's, never a
    headline's."""
    return bool(_ADDRESS.search(line.text))


def page_address(line: Line) -> str | None:
    """The address the line gives as the page's own (see _ADDRESS_LABEL), or None."""
    raw = line.raw.strip()
    if "://" not in raw:  # the cheap anchor: most lines have no address at all
        return None
    match = _ADDRESS_LABEL.match(raw)
    if match and line.picture_above is not None and _SOURCE_LABEL.match(raw):
        return None  # a picture's credit line under a map or chart: its data's source, not the page
    if match:
        return next(group for group in match.groups() if group)
    if len(line.links) == 1 and _ORIGINAL_LINK.match(line.text.strip()):
        target = line.links[0][1]
        return target if target.startswith(("http://", "https://")) else None
    return None


# A notes export's section of the document's fields under the headline: a "Metadata" heading
# over "- Label: value" items (Readwise's export to notes apps: "- Author: [[Ann Lee]]",
# "- Full Title: ...", "- Category: #articles", "- Summary: ...", "- URL: https://..."). The
# fields are the article's, not its story: they stood in the body item by item.
_METADATA_HEADING = re.compile(r"^(?i:(?:document\s+|article\s+)?(?:metadata|properties))$")
_FIELD_ITEM = re.compile(r"^([^\W\d_][\w ]{0,30}?)\s*:\s*(.*)$")
_SUMMARY_LABEL = re.compile(r"^(?i:summary|description|excerpt|abstract|standfirst)$")
METADATA_SECTION_TOP = 12  # the heading is right under the headline (a cover picture between)


def metadata_section(lines: list[Line], body_at: int) -> range:
    """The lines of a notes export's metadata section (see _METADATA_HEADING), heading and
    items, above the story's start; an empty range when the text has none near its top."""
    for i in range(min(body_at, METADATA_SECTION_TOP)):
        if lines[i].heading and _METADATA_HEADING.match(lines[i].text):
            end = i + 1
            while end < len(lines) and lines[end].item and _FIELD_ITEM.match(lines[end].text):
                end += 1
            return range(i, end) if end > i + 1 else range(0)
    return range(0)


def summary_field(line: Line) -> str | None:
    """The summary a metadata item gives ("Summary: ..."), or None."""
    match = _FIELD_ITEM.match(line.text)
    return match.group(2).strip() or None if match and _SUMMARY_LABEL.match(match.group(1)) else None


# A text that opens with a list of labelled fields, as a feed reader saves an item
# (newsboat: "Feed: ...", "Title: ...", "Author: ...", "Date: ...", "Link: ...") or a scraper's
# script prints one: its "Title:" field is the headline (the "Feed:" line above it was taken
# for one), its feed's or site's name the outlet. Fields from the first line down, a blank
# line between them or not; OPENING_FIELDS at most.
_OPENING_FIELD = re.compile(r"^([^\W\d_][\w()]*(?:[ \t][\w()]+){0,2})[ \t]*[:：][ \t]*\S")
# ("Source:" among such fields names the outlet as well, "Source: Midland Herald"; its
# address there is no name, see outlet_field. Not a "Source:" line elsewhere: a picture's
# credit under it, "Source: Reuters", is no field the text opens with.)
_OUTLET_FIELD = re.compile(r"^(?i:feed|site|site\s*name|publication|publisher|outlet|newspaper|source(?:\s+name)?)$")
OPENING_FIELDS = 12


def opening_fields(lines: list[Line]) -> dict[str, int]:
    """The labels (folded) of the fields the text opens with, each with its line; {} unless
    two lines at least open the text as fields."""
    fields: dict[str, int] = {}
    for i, line in enumerate(lines[:OPENING_FIELDS]):
        match = _OPENING_FIELD.match(line.text) if not line.heading else None
        if not match:
            break
        fields.setdefault(" ".join(match.group(1).casefold().split()), i)
    first = lines[0].text if fields else ""
    if fields and not (_FIRST_FIELD.match(next(iter(fields))) or _TITLE_LABEL.match(first) or _SUBJECT_LABEL.match(first)):
        return {}
    return fields if len(fields) > 1 else {}


# The label a feed reader's item, a scraper's printout or a mail's header opens with. A text
# whose first line is a headline with a label's colon ("Review: The Sea Road") over a fact box
# ("Title:", "Publisher:" of a book), or a press release's contact block ("Media contact:",
# "Title:" a job), is no such item: its "Title:" was taken for the headline, its
# "Publisher:" for the outlet.
_FIRST_FIELD = re.compile(r"^(?:feed|site|site ?name|source|source name|publication|publisher|outlet|newspaper|"
                          r"title|headline|url|link|permalink|author|authors|by|byline|date|published|"
                          r"from|to|subject|sent|cc|reply-to|message-id|return-path)$")


_SUBJECT_LABEL = re.compile(r"^(?i:subject|betreff|objet|asunto|oggetto|onderwerp|ämne|emne)\s*:\s*(?:(?i:fwd?|re|wg|tr)\s*:\s*)*(\S.*)$")


def title_field(lines: list[Line], fields: dict[str, int]) -> int | None:
    """The line of the opening fields' "Title:" field (see opening_fields), or None. A mail
    saved as text opens with its header ("From:", "Subject:", "Date:"): its subject is the
    newsletter's headline, as a "Title:" is (the "From:" line above was taken for one)."""
    found = next((i for i in fields.values() if _TITLE_LABEL.match(lines[i].text)), None)
    if found is None and "from" in fields and "subject" in fields:
        found = fields["subject"]
    return found


def outlet_field(lines: list[Line], fields: dict[str, int]) -> str | None:
    """The outlet the opening fields name ("Feed: The Harbor Ledger"), not an address."""
    for label, i in fields.items():
        if _OUTLET_FIELD.match(label):
            value = lines[i].text.split(":", 1)[1].strip() if ":" in lines[i].text else ""
            if value and "://" not in value and not _SITE_ADDRESS.match(value) and count_words(value) <= 8:
                return value
    return None


_TITLE_LABEL = re.compile(r"^(?i:title|headline|titel|titre|título|titulo|titolo|tytuł|otsikko|overskrift|rubrik|"
                          r"заголовок|标题|標題|タイトル|제목)\s*[:：]\s*(\S.*)$")


# The small words a headline never ends on ("Welcome to", "The Return of the"): a converter
# that parts a headline's spans or breaks (<br>) into lines leaves them at a line's end, the
# headline going on below. ("In", "on", "up" end headlines as particles: "Dockers dig in".)
_DANGLING_WORD = re.compile(r"\s(?i:the|a|an|and|or|of|to|for|with|from|at|into|about|versus|vs\.?|&)$")


def headline_goes_on(line: Line, below: Line | None) -> bool:
    """The headline on this line ends on a small word and goes on on the next line: a short
    line that is no byline, date, stamp, list item or heading of its own."""
    return (below is not None and not below.heading and not below.item and 1 <= below.words <= 12
            and line.words + below.words <= 40 and bool(_DANGLING_WORD.search(line.text.rstrip(" :")))
            and not byline_by(below) and not full_dates(below.text) and not is_stamp(below)
            and not is_furniture(below) and not is_caption(below))


def unlabelled_title(text: str) -> str:
    """A headline without the "Title:" label a field list sets before it (and the quotes
    front matter may put round it); a mail's "Subject:" too (see title_field)."""
    match = _TITLE_LABEL.match(text.strip()) or _SUBJECT_LABEL.match(text.strip())
    if not match:
        return text
    return re.sub(r"^([\"'“])(.*)([\"'”])$", r"\2", match.group(1).strip())


def title_without_site(text: str, elsewhere: frozenset[str] = frozenset()) -> str:
    """A headline without the site's name a page's title adds after it, as a copy of the page
    whose first line is the browser's title has it: "Headline | Site - Tagline", "Headline -
    Site". After a bar, a short rest goes when its first part is no longer than the headline (a
    bar is a title's separator, seldom a headline's word); after a dash, only what names a site: an address, a newspaper's or an agency's name
    (see _masthead), or a name the text shows elsewhere (its logo, its copyright line: keys
    in elsewhere). A lead part ("Opinion | ...") stays unless it names the site so: it may be
    the headline's own."""
    bar = re.search(r"\s+\|\s+", text)
    if bar:
        head, rest = text[: bar.start()], text[bar.end():]
        # "Site | Headline": the site's name first, by its address or a newspaper's name (not by
        # being shown elsewhere: a page shows its headline again too).
        if count_words(rest) >= 3 and (_SITE_ADDRESS.match(head) or _masthead(head)) and not _masthead(rest):
            return title_without_site(rest, elsewhere)
        # (The site's name, before its tagline, is no longer than the headline: "World News |
        # Dockers vote to end the strike" is a section over a headline.)
        site = re.split(r"\s+[|–—-]\s+", rest)[0]
        if count_words(head) >= 2 and count_words(rest) <= 8 and count_words(site) <= count_words(head) \
                and (rest[:1].isupper() or _SITE_ADDRESS.match(rest.split()[0])):
            return title_without_site(head, elsewhere)
    dash = list(re.finditer(r"\s+[–—-]\s+", text))
    if dash:
        head, tail = text[: dash[-1].start()], text[dash[-1].end():].strip()
        if count_words(head) >= 3 and count_words(tail) <= 5 and (
                _SITE_ADDRESS.match(tail) or _masthead(tail) or fold(tail) in elsewhere and tail[:1].isupper()):
            return head
    return text


_TITLE_SEPARATOR = re.compile(r"^\s*[|–—·:-]\s*|\s*[|–—·:-]\s*$")


def site_of_title(title: str, headline: str, elsewhere: frozenset[str] = frozenset()) -> str | None:
    """The site's name a page's title gives beside its headline ("Dockers vote | The Harbor
    Ledger - News from the bay" gives "The Harbor Ledger"), where title_without_site took it
    off: the outlet, by its own words. Only a publication's name (see _masthead) or a name the
    text shows elsewhere (its logo, its copyright line): "Dockers vote | Analysis" took off a
    section's name. Not an address (the url says that better)."""
    if not headline or headline == title:
        return None
    if title.startswith(headline):
        rest = title[len(headline):]
    elif title.endswith(headline):
        rest = title[: len(title) - len(headline)]
    else:
        return None
    site = re.split(r"\s+[|–—·-]\s+", _TITLE_SEPARATOR.sub("", rest).strip())[0].strip()
    if not site or count_words(site) > 6 or _SITE_ADDRESS.match(site) or "://" in site:
        return None
    if fold(site) in _SECTION_WORDS and fold(site) not in elsewhere:
        return None
    return site if _masthead(site) or fold(site) in elsewhere else None


# A section's name of one word that ends papers' names too ("The Harbour Review", "Business
# Report"): alone beside a headline ("Review | ...", "... | Business") it names the section,
# not the site - site_of_title stored it as the outlet.
_SECTION_WORDS = {"review", "reviews", "report", "reports", "business", "magazine", "television", "radio",
                  "week", "weekly", "record", "media"}


def is_furniture(line: Line) -> bool:
    """Menus, buttons, players, stamps, tokens, "... Read more" teasers of other stories:
    a line no reader counts as the story."""
    text = line.text.strip(" :|•·")
    if line.words <= 25 and _TEASER.search(text) or line.words <= 60 and _NOTICE.search(text):
        return True
    if line.words <= 12 and (_NAVIGATION.match(text) or _menu_row(text)):
        return True
    # (A heading is never a clipper's tag line: "## #StopTheCuts" heads a story's section.)
    return bool(
        _FURNITURE.match(text) and not (line.heading and text.startswith("#")) or _TIMER.match(text)
        or _LENGTH_ALONE.match(text) and not line.heading or _TOKEN.match(text)
        or _BARE_URL.match(text) or _SOCIAL_ECHO.search(text) or _FOLLOW_COVERAGE.search(text)
    )


_HOME = re.compile(r"^(?:https?://[^/\s]+)?/?(?:index\.\w+)?$")


def is_logo(line: Line) -> bool:
    """A heading that is one link to the site's home page ("# [Harbour Gazette](/)"): the
    site's name above every page, not the headline."""
    # The name may come with its section's link: "# [Harbour Gazette](/)[Opinion](/opinion)".
    linked = "".join(text for text, _ in line.links)
    return bool(line.heading and 1 <= len(line.links) <= 3
                and fold(linked).replace(" ", "") == line.key.replace(" ", "")
                and _HOME.match(line.links[0][1]) and line.words <= 8)


def is_caption(line: Line) -> bool:
    """A photo caption or credit line (weaker evidence for a date than the story's own text)."""
    return line.caption  # computed once per line: every rule asks


def is_pitch(line: Line) -> bool:
    """A newsletter, subscription or app pitch: short, and selling something."""
    return line.words <= 40 and bool(_PITCH.search(line.text))


def is_list_heading(line: Line) -> bool:
    return bool(_LIST_HEADING.match(line.text.strip(" *:")))


def is_labelled_teaser(text: str) -> bool:
    """"Related: Port fees rise again", "READ MORE: Ships wait in the bay, by Tom Park": one other
    story's headline after a list's label and its colon, set on a line of its own in the story."""
    label, colon, rest = text.strip(" *>").partition(":")
    return bool(colon and rest.strip() and _LIST_HEADING.match(label.strip(" *")))


# (The count may follow in brackets, "Comments (3)", and the readers be named, "Reader comments";
# a blog theme's count in words and the post's title after it, "One thought on "...", "12
# Responses to "..."; German, Spanish, Portuguese, French and Italian's words too, "Reaktionen",
# "Leserkommentare (2)"; a "Discussion" only with its count: a story may have a section so named.)
_COMMENTS_HEADING = re.compile(
    r"^(?:\d+\s+)?(?:readers?['’]?\s+)?(?:comments?|responses?|replies|reactions?|thoughts? on\b.*|"
    r"(?:leser)?kommentare?|leserbriefe?|reaktionen|comentarios?|coment[aá]rios?|commentaires?|r[ée]actions?|"
    r"commenti)(?:\s*[(\[]\d+[)\]])?$|"
    r"^(?:\d+|one|no)\s+(?:comments?|responses?|replies|reactions?|thoughts?)\s+(?:on|to)\b.*$|"
    r"^(?:\d+\s+discussions?|discussions?\s*[(\[]\d+[)\]])$|"
    r"^(?:leave|post|add) a (?:comment|reply)\b|"
    r"^(?:join the (?:discussion|conversation)|comments are closed|share this:?|like this:?|you must be logged in\b.*)$",
    re.I,
)


def is_comments_heading(line: Line) -> bool:
    """Where the readers' comments or the share-and-like footer begin below a story:
    "3 comments", "Leave a reply", "Share this:"."""
    return line.words <= 12 and bool(_COMMENTS_HEADING.match(line.text.strip(" *:#")))


_SHARE_FOOTER = re.compile(r"^(?:share|like) this$", re.I)


def opens_comments(line: Line) -> bool:
    """A comments heading below which only readers write ("3 comments", "Leave a reply"): not a
    button in a list ("* Comments" in a share bar) nor "Share this:", which may stand inside the
    story or above an author box."""
    return (is_comments_heading(line) and not line.item
            and not _SHARE_FOOTER.match(line.text.strip(" *:#")))


def is_stamp(line: Line) -> bool:
    """"Updated: ...", "Published 3 hours ago": the page's stamps, not the story."""
    return line.words <= 20 and bool(_STAMP.match(line.text))


# The day the copy was made, as read-it-later apps, clippers and citations stamp it ("Saved:
# March 7", "Date added:", "Clipped on ...", "Retrieved March 7, 2024", "Accessed: 7 March",
# "Archived on ..."): never the story's day. Taken for the publication where
# the story gave none, it dated the story by the reader's visit. A line that opens with such a
# label only ("the council added on March 5 ..." is the story's). The label as a stamp writes
# it: a colon after it, or a day right after it ("Retrieved 7 March", "Clipped on March 7"),
# a place or source between ("Saved to Pocket on ...", "Archived from the original on ...") -
# a story's lines open with those verbs too ("Added to that, ...", "Archived records show ...",
# "Captured on March 5, the thief ..."), and went from the body as stamps: a clause after a
# comma ("..., the thief") is a sentence, not a stamp.
_COPY_STAMP = re.compile(
    r"^\W{0,3}(?i:(?:date|day|time)\s+)?(?i:saved|clipped|retrieved|accessed|archived|added|captured|"
    r"bookmarked|downloaded|fetched|scraped)"
    r"(?:\s*[:：]|(?i:\s+from\s+the\s+original|\s+(?:to|from|via|in)\s+\S+(?:\s+\S+)?)?(?i:\s+(?:on|at))?\s+"
    r"(?:\d|(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|today|yesterday)))")
_CLAUSE_AFTER_COMMA = re.compile(r",\s+(?-i:[a-z])")


# A notes app's "Created:" field (Notion's export of a page, "Created: March 7, 2024 10:12 AM";
# Evernote's converters, "Created at: ..."): the day the note was made. On a note of one's own
# that is the writing's day, but where the note is a copy of a page (it gives the page's address,
# "URL: https://..."), it is the day of the copy, as a clipper's "created" is in front matter.
_CREATED_LABEL = re.compile(r"^\W{0,3}(?i:(?:date\s+)?created(?:\s+(?:at|on))?)\s*[:：]")


def is_copy_stamp(line: Line, page_copied: bool = False) -> bool:
    """A stamp of the day the copy was made (see above); with page_copied (the text gives the
    page's own address), a "Created:" field too."""
    if line.words > 15:
        return False
    if page_copied and _CREATED_LABEL.match(line.text):
        return True
    return bool(_COPY_STAMP.match(line.text)) and not _CLAUSE_AFTER_COMMA.search(line.text)


# A link to the page of a tag, a topic or a section's label ("[Ferries](/tag/ferries)"): alone
# on its line, a story's tag as a page lists them under it ("- [Ferries](/tag/ferries)" /
# "- [Islands](/tag/islands)", what every converter of a page writes), not a line of the story.
_TAG_TARGET = re.compile(r"/(?:tags?|topics?|themen|thema|categor(?:y|ies)|labels?|keywords?|subjects?|schlagworte?)"
                         r"(?:/|\?|=|$)", re.I)


def is_tag_link(line: Line) -> bool:
    return (line.words <= 5 and len(line.links) == 1 and fold(line.links[0][0]) == line.key
            and bool(_TAG_TARGET.search(line.links[0][1])))


def is_paragraph(line: Line) -> bool:
    """A line that reads as prose of the story: long, with sentence punctuation."""
    return line.paragraph  # computed once per line: every rule asks


def reads_as_paragraph(line: Line) -> bool:
    if line.heading or line.words < 15 or is_caption(line) or is_pitch(line) or _NOTICE.search(line.text):
        return False
    # Headlines in a list of links run long too, but do not end like a sentence.
    # (A closing quote or bracket ends a sentence only after its punctuation: "... he said.”",
    # not "... and panic begins – ‘It is coming’", a headline quoting someone.)
    return line.words >= 30 or bool(re.search(r"[.!?:;…]['\"”’)]{0,2}$", line.text))


# --- people --------------------------------------------------------------------------------

# Capital letters of the Latin alphabets ("Émile", "Łukasz", "Şükrü" are names too).
# Capital letters of the Latin, Greek and Cyrillic alphabets ("Émile", "Łukasz", "Лида").
_UPPER = "[A-Z" + "".join(chr(c) for c in [*range(0xC0, 0x250), *range(0x386, 0x3B0), *range(0x400, 0x530)]
                          if chr(c).isupper()) + "]"
# Small letters of the same alphabets: "Núñez" ends in three of them as "Lopez" does.
_LOWER = "[a-z" + "".join(chr(c) for c in [*range(0xC0, 0x250), *range(0x386, 0x3B0), *range(0x400, 0x530)]
                          if chr(c).islower()) + "]"
# A particle glued to the capitalised surname it opens: "d'Arcy", "al-Hashimi", "O'Neil" is
# capitalised already.
_GLUED_PARTICLE = rf"{GLUED_PARTICLE}{_UPPER}[\w'’.-]*"
_GLUED_WORD = re.compile(_GLUED_PARTICLE)
_NAME_WORD = rf"(?:{_UPPER}[\w'’.-]*|{_GLUED_PARTICLE}|(?:de|da|del|della|der|den|van|von|al|el|la|las|le|los|di|du|do|dos|des|ter|ten|y|zu|bin|ibn)\b)"
_NAME = rf"{_UPPER}[\w'’.-]*(?:\s+{_NAME_WORD}){{1,4}}"
NAME_LINE = re.compile(rf"^{_NAME}$")
# Two links side by side with only a space between, each a name ("[Ann Lee](/a) [Tom Park](/t)").
_NAME_LINK = rf"\[\s*({_UPPER}[\w'’.-]*(?:\s+{_UPPER}[\w'’.-]*){{1,3}})\s*\]\(\s*<?{_LINK_TARGET}>?(?:\s+\"[^\"]*\")?\s*\)"
_SPACED_NAME_LINKS = re.compile(rf"({_NAME_LINK})\s+(?=\[\s*({_UPPER}[\w'’.-]*(?:\s+{_UPPER}[\w'’.-]*){{1,3}})\s*\]\()")
# "Ann Lee and Tom Park", "Ann Lee, Tom Park & Sue Ray": names and nothing else.
# (A byline in capitals joins its names with "AND": "ANN LEE AND TOM PARK".)
# ("and" in the other languages of our news, between capitalised names only: "Ann Lee und Tom
# Park", "Ann Lee et Tom Park", "Ann Lee en Tom Park".)
# (A semicolon parts names as a comma does: "Ann Lee; Tom Park", as lists of authors set them.)
NAMES_LINE = re.compile(rf"^{_NAME}(?:(?:\s*[,;]\s*|\s+(?:and|And|AND|&|und|et|y|e|en|och|og|ja)\s+|\s*,\s*(?:and|AND|&)\s+){_NAME})*$")
_BY = re.compile(
    r"(?:^|[\s|•·/,—–-])(?:(?:written|words|text|story|reporting|reported|posted|published|"
    r"interview)\s+)?(?:(?:by)?by|par|von|por|door|av|af|di|oleh|"
    # ("As told to A": a first-person piece's writer, who set down someone else's words.)
    r"as\s+told\s+to|"
    # ("From our correspondent Ann Lee": "from" before the paper's own writer and their role.)
    r"from(?=\s+our\s)|"
    # ("This article was contributed by A": a contributed piece's writer, who wrote all of it; not
    # "A contributed to this report", a helper's credit.)
    r"(?:this|the)\s+(?:article|post|story|piece|column|essay)\s+was\s+contributed\s+by|"
    # "da" and "de" say "by" only after the word they follow ("Scritto da A", "Texto de A"): alone
    # they are a surname's particles.
    r"(?:scritto|a\s+cura)\s+d[ai]|(?:texto|texte|reportagem|reportage|crónica|crônica|chronique|"
    # (the kind of piece, "Artículo de A", "Une tribune de A": else read as one name with its "de")
    r"artículo|articulo|article|artigo|columna|coluna|tribune|entrevista|análisis|analisis|análise|"
    r"analyse|opinión|opinião|critique|crítica|commentaire|comentario|comentário|enquête|reportaje)\s+de|"
    # ("By · Ann Lee", "By- Ann Lee": a dot or a dash after the label, a style sheet's separator.)
    r"napisał|napisała|kirjoittanut)(?!\w)(?=[:\s·•~–—-])(?:\s*[:·•~–—-])*\s*(.+)$",  # ("wrote": Polish, Finnish)
    re.I,
)
_ROLE_TAIL = re.compile(
    rf"\s*(?:[,|–—-]\s*)?(?:(?:{'|'.join(sorted(ROLE_WORDS))})\b\s*)+$", re.I,
)
# (The page of one writer: a name's slug or an id after the folder. The folder alone,
# "/experts/", is the index a site's menu links to: "[EXPERTS](/experts/)" names no one.)
_AUTHOR_PATH = re.compile(
    r"/(?:authors?|people|profiles?|staff|journalists?|contributors?|writers?|reporters?|"
    r"columnists?|bylines?|correspondents?|editors?|team|signataires|journalistes?|autor|autore|"
    r"autoren|auteurs?|redacteurs?|by|bios?|experts?)(?:/[^/?#\s]|\?|=)|"
    r"[?&]author=|"
    r"#[\w-]*(?:author|byline)[\w-]*$",  # a jump to the author box lower on the same page
    re.I,
)
_CONTRIBUTED = re.compile(r"\bcontributed (?:to )?(?:this|the) (?:report|story|article)\b", re.I)
_BIO = re.compile(
    # (A handle may stand beside the name: "Ann Lee (@annlee) is ...".)
    # (And a short description between commas: "Ann Lee, a former docker, is the author of".)
    # ("The" in capitals opens the outlet's name: "Ann Lee is The Harbor Ledger's ports reporter".)
    rf"^({_NAME})(?:\s*\(@\w+\))?(?:,\s+[^,]{{3,60}},)?\s+(?:(?:is|was|has been)\s+(?:a|an|the|The)\s+(?:[\w'’-]+\s+){{0,8}}?"
    r"(?:journalist|reporter|writer|correspondent|editor|columnist|contributor|author|producer|"
    # the writers of opinion pieces: "A is an associate professor of history at ..."
    r"critic|photographer|analyst|freelancer|professor|lecturer|researcher|fellow|economist|historian)\b|"
    r"covers\b|writes (?:about|on|for)\b|reports (?:on|for)\b|has written (?:for|about|on)\b|"
    # "A has covered the port since 2015" (not "has covered her costs"), "A has reported on ..."
    r"has covered\b(?!\s+(?:her|his|their|its|my|our)\b)|has reported (?:on|for|from)\b|"
    r"writes (?:a|the|[\w'’]+['’]s?)\s+(?:[\w'’-]+\s+){0,4}?column\b|"  # "writes the weekly shipping column"
    # The same in the other languages of the news we see most: German, French, Spanish,
    # Portuguese, Italian, Dutch ("A ist Redakteurin bei ...", "A est journaliste au ...",
    # "A es periodista de ..."). The role needs no article there, and a few words (an
    # adjective, an article) may come before it; "A schreibt für ..." as "A writes for".
    r"(?:ist|est|es|é|è|is|war|était|era|foi)\s+(?:[\w'’-]+\s+){0,3}?(?i:"
    r"journalist(?:in|e|a)?|redakteur(?:in)?|korrespondent(?:in)?|reporter(?:in)?|kolumnist(?:in)?|"
    r"correspondant(?:e)?|rédact(?:eur|rice)|chroniqueu(?:r|se)|periodista|corresponsal|redactor(?:a)?|"
    r"columnista|jornalista|correspondente|repórter|colunista|giornalista|corrispondente|"
    # ("A is senior editor at ...", "A is deputy editor of ...": an English role with no article.)
    r"redatt(?:ore|rice)|editorialista|redacteur|verslaggever|correspondent|columnist|editor)\b|"
    r"(?:schreibt für|écrit pour|escribe (?:para|en)|escreve para|scrive per|schrijft voor)\s)(.*)$"
)
_OUTLET_NAME = r"((?:[Tt]he\s+)?[A-Z][\w&'’.-]*(?:\s+(?:[A-Z][\w&'’.-]*|of|and|&|on|for)){0,5})"
_AT_OUTLET = re.compile(rf"\b(?:at|for|with)\s+{_OUTLET_NAME}")


# "Published" and "updated" in the languages we see most: the stamp after a byline's names
# ("Von Ann Lee publiziert am 25. September 2018").
_PUBLISHED_WORDS = rf"(?:published|posted|{_DAY_FIRST_PUBLISHED_WORDS})\b"
# Reading-time stamps beside a byline: "5 min read", "Lesedauer: 8 Minuten".
_READING_TIME = re.compile(
    # ("5-6 minutes": a browser's reader view gives the time as a range, with no "read".)
    r"^(?:\d+\s*[-–]\s*\d+\s*(?:min(?:ute)?s?|minuten|minutos|minuti|minutes)\.?|"
    r"\d+\s*(?:min(?:ute)?s?|minuten|minutos|minuti)\.?\s*(?:read|reading|de lecture|de lectura|"
    r"de leitura|di lettura|lesezeit|leestijd)|(?:reading time|read time|lesedauer|lesezeit|"
    r"temps de lecture|tiempo de lectura|tempo de leitura|tempo di lettura|leestijd|lästid|"
    r"lesetid|læsetid|czas czytania|doba čtení)\s*:?\s*(?:ca\.?\s*|~\s*)?\d+\s*\w*\.?)$",
    re.I,
)


# "Ann Lee Mon 28 Oct 2024", "Ann Lee, Monday 28 October 2024": the date's weekday stands between
# the names and the date. Only a date right after it makes it one ("Ann Lee Sun" alone keeps a
# surname), so this is cut only from the words before a date.
_SHORT_WEEKDAY_END = re.compile(r",?\s+(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun|Monday|Tuesday|Wednesday|"
                                r"Thursday|Friday|Saturday|Sunday)[.,]?\s*$")
# "par Ann Lee, le 14 mars 2017": the article a stamp in another language sets before its date,
# cut with it. (Its spaces are taken only from where a run of them starts: tried from inside
# the run, each position scanned to the run's end, and a direct call on 80,000 spaces took 54 s.)
_STAMP_ARTICLE_END = re.compile(r",?(?<!\s)\s+(?:le|el|am|il|em|op)\s*$")


# (A place's name may take two words: "Middle East", "New York", "Latin America".)
_SENTENCE_CASE_ROLE = re.compile(
    r"\s+(?:(?:Middle|Latin|North|South|East|West|Central|Southeast|Southern|Northern|Eastern|Western|New|Hong|"
    rf"Los|San)\s+)?{_UPPER}[\w'’-]*(?:\s+[a-z][\w-]*){{0,2}}?\s+"
    r"(?:correspondent|editor|reporter|writer|columnist|critic|commentator|analyst|producer)s?$")
# "Ann Lee Kyiv Bureau Chief", "Ann Lee Europe Editor", "Ann Lee Middle East Correspondent": the
# same in title case, for the roles a paper names by a place or a beat. A bureau is always a
# place's, and an editor or a correspondent with no comma is far more often a place's or a
# beat's than the third word of a name, so the capitalised word before it goes with the role.
# So do the other trades a beat names ("Ann Lee Court Reporter", "Ann Lee Trainee Reporter",
# "Ann Lee Football Writer", "Ann Lee Theatre Critic"): a beat word no list can hold all of
# was left as the name's third word. (Only where a whole name is left: see _whole_name_before.)
# (More of a job may follow the placed role, "Kyiv Bureau Chief, Staff Writer", a degree,
# "Kyiv Bureau Chief, MA", or an outlet's initials and their job, "Kyiv Bureau Chief, HGN
# Editor-at-large": the place is the role's still.)
_TITLE_CASE_PLACED_ROLE = re.compile(
    r"\s+(?:(?:Middle|Latin|North|South|East|West|Central|Southeast|Southern|Northern|Eastern|Western|New|Hong|"
    rf"Los|San)\s+)?{_UPPER}[\w'’-]*\s+(?:Bureau(?:\s+Chief)?|Correspondent|Editor|Reporter|Writer|Critic|Journalist|"
    r"Columnist|Producer|Reviewer)s?"
    rf"(?:[\s,]+(?i:{'|'.join(sorted(ROLE_WORDS))})\b)*(?:\s*,\s*(?:Ph\.?D|M\.?[AD]|M\.?S|MPH|RN|MBA)\.?)?"
    rf"(?:\s*,\s*[A-Z]{{2,5}}(?:\s+(?i:{'|'.join(sorted(ROLE_WORDS))}|editor-at-large)\b)*)?$")

# A job in capitals closing a byline in title case: the trade's noun last, the words of its beat
# before it in capitals too ("COURT REPORTER", "SENIOR POLITICAL WRITER", "CITY & REGION EDITOR").
# Only a beat's or a job's words: a surname is set in capitals as often ("Mary Jane SMITH EDITOR",
# "Marie Claire DUPONT CORRESPONDENT"), and stays the name's.
_CAPITALS_JOB = r"(?:CORRESPONDENT|EDITOR|REPORTER|WRITER|CRITIC|JOURNALIST|COLUMNIST|PRODUCER|REVIEWER|CONTRIBUTOR|CHIEF)S?"
_CAPITALS_BEATS = {"court", "city", "hall", "region", "regional", "county", "state"}


@cache
def _capitals_role() -> re.Pattern:
    """_CAPITALS_JOB with the beat's words before it (the desks' words are listed further on)."""
    beats = sorted({word.upper() for word in _DESK_WORDS | ROLE_WORDS | _CAPITALS_BEATS}, key=len, reverse=True)
    return re.compile(rf"(?:\s+(?:{'|'.join(map(re.escape, beats))}))*\s+{_CAPITALS_JOB}$")

_PLACED_ROLE_BEFORE_NAME = re.compile(
    r"((?:^|[,;&]|\band\b)\s*[^,;&]*?)\s+(?:(?:Middle|Latin|North|South|East|West|Central|Southeast|Southern|"
    rf"Northern|Eastern|Western|New|Hong|Los|San)\s+)?{_UPPER}[\w'’-]*\s+(?:Bureau(?:\s+Chief)?|Correspondent|Editor)s?"
    rf"(?=\s*(?:,|;|&|\band\b)\s*(?:and\s+)?{_UPPER})")


def _role_after_name(text: str) -> re.Match | None:
    """Where a job set after the names with no comma begins, its place or beat with it: "Ann
    Lee Lisbon correspondent", "Ann Lee Court Reporter", "ANN LEE COURT REPORTER" (in capitals
    as in title case), and "Ann Lee COURT REPORTER", "Ann Lee CITY HALL WRITER": the job in
    capitals after a name in title case, as a style sheet sets the job's part of the line, its
    beat's words in capitals with it (a surname in capitals before the job stays the name's)."""
    capitals = _capitals_role().search(text)
    if capitals and not _in_capitals(text[: capitals.start()]):
        return capitals
    # (A byline all in capitals is read in title case.)
    in_capitals = _in_capitals(text)
    return _SENTENCE_CASE_ROLE.search(text) or _TITLE_CASE_PLACED_ROLE.search(text.title() if in_capitals else text)


def _in_capitals(text: str) -> bool:
    """The words are in capitals, but for a label's "By"."""
    return not re.search(rf"{_LOWER}{{2}}", re.sub(r"^\W*(?:By|by)\s+", "", text))


def _whole_name_before(head: str) -> bool:
    """The words before a placed role end with a whole name: two words or more since the last
    comma or "and", the last no initial and no particle ("Ann B. Lee Reporter" is "Ann B. Lee",
    not "Ann B."; "Ann Lee Reporter" keeps its surname)."""
    words = re.split(r",|\band\b|&", head.rstrip(" ,;&"))[-1].split()
    return len(words) >= 2 and not re.fullmatch(r"[^\W\d_]\.?", words[-1]) \
        and words[-1].casefold() not in _SURNAME_PARTICLES


def _name_before_placed_role(match: re.Match) -> str:
    """The writer's name before a placed role ("Ann Lee Kyiv Bureau Chief"), the role gone,
    where a whole name (two words) is left; else the match as it was."""
    head = match.group(1)
    words = re.sub(r"^(?:[,;&]|\band\b)", "", head).split()
    return head if len(words) >= 2 else match.group(0)

# Where a byline's names end: a bar, a slash (not a date's), a middle dot, a spaced dash, a
# stamp's first word. (Captured, so that the kind of separator can be told.)
_BYLINE_FIELD = re.compile(
    rf"(\s*[|•]\s*|\s*(?<!\d)/(?!\d)\s*|(?<![^\W\d_])·|·(?![^\W\d_])|\s+(?:[–—-]\s|(?:last\s+)?updated\b|"
    rf"{_PUBLISHED_WORDS}|on\s+(?=[A-Z0-9]))\s*)", re.I)
# The first or last word of a place's name of two words ("Los Angeles", "New York", "Mexico
# City", "Tel Aviv"): a dateline after a bar has a person's shape otherwise.
_PLACE_FIRST_WORDS = {"los", "las", "san", "santa", "são", "sao", "saint", "st.", "st", "new", "tel", "buenos",
                      "rio", "cape", "kuala", "port", "fort", "puerto", "hong", "sri", "addis", "phnom",
                      "baton", "salt", "palm", "la", "el"}
_PLACE_LAST_WORDS = {"city", "town", "beach", "springs", "island", "islands", "county", "bay", "heights",
                     "falls", "harbor", "harbour", "lumpur", "aviv", "lanka", "rica", "dhabi", "penh"}


def _co_author(part: str) -> bool:
    """What follows a bar or a slash in a byline is a second writer: names only, each a
    person's, and not an outlet ("Harbour Gazette"), a place ("Los Angeles") or a role."""
    part = part.strip()
    if not NAMES_LINE.match(part) or _outlet_before_role(part):
        return False
    people = split_people(part)[0]
    if not people or not all(_is_person(p) for p in people):
        return False
    return not any(p.split()[0].casefold() in _PLACE_FIRST_WORDS or p.split()[-1].casefold() in _PLACE_LAST_WORDS
                   for p in people)


# (The word that closes a byline: see clean_byline.)
_GLUED_BRAND = re.compile(rf"\s+(?:{_UPPER}{_LOWER}{{3,}}{_UPPER}|[A-Z]{{2,}}{_UPPER}{_LOWER})\w*$")
_TRAILING_AGENCY = re.compile(
    r"\s+(?:" + "|".join(re.escape(name) for name in sorted(AGENCIES, key=len, reverse=True)
                          if " " in name or len(name) >= 4) + r")$", re.I)


# ("Par notre correspondante Ann Lee", "Por nuestra corresponsal Ann Lee", "Di nostro inviato
# Ann Lee", "Por nosso correspondente Ann Lee": the same in French, Spanish, Italian, Portuguese.)
_OUR_ROLE = re.compile(r"^(?i:unser(?:em|er|en)|our|notre|nos|nuestr[oa]s?|nostr[oaie]|noss[oa]s?)\s+(?:\w+\s+)?"
                       r"(?i:korrespondent(?:en|in)?|redakteur(?:in)?|mitarbeiter(?:in)?|reporter(?:in)?|correspondents?|"
                       r"reporters?|correspondante?s?|envoyée?s?\s+spéci(?:al|ale|aux|ales)|corresponsal(?:es)?|"
                       r"enviad[oa]s?\s+especial(?:es)?|inviat[oa](?:\s+special[ei])?|corrispondente|correspondente)\s+(?=[A-Z])")
_LABEL_WITHOUT_COLON = re.compile(rf"^(?i:words|text|story|author|writer|reporter|autor|autora|autorin|auteur|autore|"
                                  rf"tekst|texte|texto|testo)\s+(?={_UPPER}{_LOWER}+\s+{_UPPER})")


# "Harbor Motor Staff": two or three words with "Staff" right after them, no comma or bar between
# and no job after it, credit an outlet's desk ("Ann Lee, Staff" and "Ann Lee Staff Writer" are a
# person's role; "Ann K. Lee Harbour Daily Staff", more words, a person and the outlet's desk).
_DESK_STAFF = re.compile(r"(?<=[^\W\d_])\s+(?i:staff)\b(?!\s*(?i:writer|reporter|photographer|correspondent|"
                         r"editor|member|columnist))")


def _desk_staff(text: str) -> bool:
    match = _DESK_STAFF.search(text) if "taff" in text else None
    head = re.sub(r"^\W*(?i:by)\b", "", text[: match.start()]) if match else ""
    # (Only the whole byline: "By Ann Lee, Gazette Staff" is a person and the desk.)
    return bool(match) and len(head.split()) <= 3 and not re.search(r"[,;|/&]|\band\b", head)


def desk_staff(line: Line) -> bool:
    """"Harbor Motor Staff", "Harbor Motor Staff March 3, 2019": a byline line that credits an
    outlet's desk, not a person, with no "By" before it."""
    return line.words <= 12 and _desk_staff(line.text)


def clean_byline(text: str) -> str:
    """A byline's names without what follows them: dates, stamps, roles, separators."""
    if _desk_staff(text):
        return ""
    text = re.sub(r"^(?:by)+[:\s]+", "", unglue(unglue_names(text)).strip(), flags=re.I)  # "Byby A": a doubled label
    if " al" in text:  # "Ann Lee et al.": the first writers named, and others not
        text = _ET_AL.sub("", text)
    # "Words Ann Lee", "Story Ann Lee": a writer's label whose colon was a style sheet's.
    text = _LABEL_WITHOUT_COLON.sub("", text)
    # "Von unserer Korrespondentin Ann Lee", "By our correspondent Ann Lee": the paper's own
    # writer named by their role first.
    if text[:3].casefold() in ("uns", "our", "not", "nos", "nue"):
        text = _OUR_ROLE.sub("", text)
    # A profile's address beside the names goes first: its slashes are no separators of fields.
    text = _PROFILE_ADDRESS.sub("", text)
    # "Ann Lee, a senior reporter covering ports. She ...": a description of the writer after
    # a comma, opening with an article and going on in small letters, is no more names.
    text = re.split(r",\s+(?:a|an|the)\s+(?=[a-z])", text, maxsplit=1)[0]
    # 'Ann "Annie" Lee': a nickname in quotes inside the name goes, as normalise drops one in brackets.
    text = re.sub(r"\s+[\"“‘][^\"”’\s][^\"”’]{0,20}[\"”’](?=\s+[A-Z])", "", text)
    # "A; Additional reporting by B; Writing by C; Editing by D": a wire story's credits, one for
    # each role. The reporters and the writer are its authors; who else helped is not.
    parts = [part.strip(" ()") for part in text.split(";")]
    if len(parts) > 1 and any(re.search(r"\bby\b", part, re.I) for part in parts[1:]):
        kept = [parts[0]]
        for part in parts[1:]:
            credit = re.match(r"(?i:writing|written|reporting|reported)\s+by\s+(.+)$", part)
            if credit:
                kept.append(credit.group(1))
            elif not re.search(r"\bby\b", part, re.I):
                kept.append(part)  # "A; B; Editing by C": names between the credits
        text = " and ".join(kept)
    # "A (Text) und B (Fotos)": each credit's role in brackets after the name; who made the
    # pictures goes with the role.
    text = re.sub(rf"(?:^|,?\s+(?:and|und|et|en|y|e|&)\s+|,\s*){_UPPER}[\w'’.-]*(?:\s+{_NAME_WORD}){{1,4}}\s*"
                  r"\((?i:fotos?|photos?|photographs?|photography|pictures?|bilder|illustrations?|grafik|graphics?|videos?)\)", "", text)
    # "A (with B and C)", "A (avec B et C)": co-authors in brackets, not a note to drop.
    text = re.sub(r"\s*\((?:with|avec|mit|con|com|met|med)\s+([^)]+)\)", r" and \1", text, flags=re.I)
    # "A, envoyée spéciale à Lisbonne", "A, corresponsal en Lisboa", "A, special correspondent
    # in Lisbon": an envoy's or a correspondent's title and place after the name, as papers in
    # many languages set it. Only that goes: another writer may follow ("..., et B").
    text = re.sub(r",\s*(?i:envoyée?s?\s+spéciale?s?|enviad[oa]s?\s+especial(?:es)?|inviat[oa](?:\s+special[ei])?|"
                  r"correspondante?|corresponsal|corrispondente|correspondente|korrespondent(?:in)?|"
                  r"(?:special|foreign|staff|chief)\s+correspondent)"
                  r"(?:\s+(?i:à|a|au|aux|en|em|in|da|aus|no|na|para|pour|to)\s+[^,;]*)?(?=[,;]|$)", "", text)
    # "A in Lisbon and B in Porto": each writer's place goes, the writers after it stay.
    text = re.sub(rf"\s+in\s+{_UPPER}[\w'’.-]*(?:\s+{_UPPER}[\w'’.-]*){{0,2}}(?=\s*(?:,\s*|\s+and\s+|\s*&\s*){_UPPER})",
                  "", text)
    # "A in Lisbon", "A for The Times", "A of The Times", "A; Editing by B": where and for
    # whom, and the editor. ("A at 10:21 AM": a blog's footer with the time it was posted.)
    # ("A, edited by B", "A and edited by B" too; and "for the Times" as "for The Times".)
    # ("A For The Harbor Ledger", "ANN LEE FOR THE HARBOR LEDGER", "A In Lisbon": a byline in title case or
    # in capitals sets "for", "from", "of" and "in" so too.)
    # ("vanuit", "desde", "depuis": "from" in Dutch, Spanish, French, after a comma or not.)
    text = re.split(r",?\s+(?:vanuit|desde|depuis)\s+(?=[A-Z])|\s+(?:at|(?i:in|for|from|of))\s+(?=(?:the\s+)?[A-Z])|\s+at\s+(?=\d{1,2}[:.]\d\d)"
                    r"|(?:\s*[;,]\s*|\s+and\s+|\s+)(?i:additional\s+)?(?i:editing|edited|reviewed|fact[- ]checked)\b"
                    r"|,?\s+(?i:special)\s+to\b"  # "A, Special to The Gazette": a freelance's credit
                    r"|\s+with\s+(?=[a-z])"  # "A with additional reporting ...": the rest is a note
                    # "A. Additional reporting by B.", "A, With additional reporting by B": the
                    # helper's credit after the writer's sentence, in a sentence of its own.
                    r"|[.,]\s+(?i:(?:with\s+)?additional\s+reporting)\b"
                    # "A; photos by B", "A. Photos: B", "A Illustration by B": the credit of the
                    # pictures that follows the writer's names.
                    r"|[.;,]?\s+(?=(?i:photos?|photographs?|photography|pictures?|images?|illustrations?|"
                    r"graphics?|video|artwork|music|sound|audio|data|maps?|charts?|design)\s*(?:by\b|:))",
                    text, maxsplit=1)[0]
    text = re.sub(r"\s+with\s+(?=[A-Z])", " and ", text)  # "A with B": two authors
    # "A and the Associated Press", "A and the Harbor Ledger staff", "A and wire reports": the
    # writer and the agency or desk that helped, in small letters; the agency is an organisation
    # (split_people keeps it apart), the desk's reports no one.
    if " and " in text or "&" in text:
        text = re.sub(r"(?:,\s*|\s+)(?:and|&)\s+(?:(?:the\s+)?(?:wire|news|staff)\s+(?:reports|services)|wires|agencies)\s*$",
                      "", text, flags=re.I)
        text = re.sub(r"(\s(?:and|&)\s+)the\s+([A-Z][^,;]*?)(?:\s+staff)?$", r"\1The \2", text)
    # ("A/Staff Writer", "A/The Gazette": a slash with no spaces ends the names too.)
    # "A / B", "A | B": a second writer after the bar or slash stays (what follows is more
    # often the outlet, a role or a date, and those end the names).
    parts = _BYLINE_FIELD.split(text)
    text = parts[0]
    for separator, part in zip(parts[1::2], parts[2::2]):
        if not re.fullmatch(r"\s*(?:[|•]|/)\s*", separator) or not _co_author(part):
            break
        text = f"{text} and {part.strip()}"
    # "Ann Lee28 Oct 2024": a date run onto the name by a lost line break is no word of it.
    glued = re.search(rf"(?<={_LOWER})\d", text)
    if glued and [at for at, _ in full_dates(text[glued.start():])][:1] == [0]:
        text = f"{text[: glued.start()]} {text[glued.start():]}"
    # ("par Ann Lee, 21 juin 2018", "por Ann Lee, el 21 de junio de 2018": a date written in
    # another language ends the names too, and the stamp's article before it goes with it.)
    cut = min([m.start() for m in (FULL_DATE.search(text), MONTH_DAY.search(text), _FOREIGN_DATE.search(text)) if m]
              + [len(text)])
    if cut < len(text):
        text = _SHORT_WEEKDAY_END.sub("", _STAMP_ARTICLE_END.sub("", text[:cut]))
    # "By Ann Lee Share", "By Ann Lee 3 hours ago", "By Ann Lee 12 Comments": a button or a
    # stamp run onto the names by a lost line break.
    # ("March 3, 2019 by Ann Lee Leave a Comment", "... No Comments": a blog's comment link.)
    text = re.sub(r"\s+(?:(?:share|tweet|print|save|comments?)\b|\d+\s+comments?\b|"
                  r"(?:leave|post|add|write)\s+an?\s+(?:comment|reply)\b|no\s+comments\b|"
                  r"\d+\s*(?:min(?:ute)?s?|hours?|hrs?|h|days?|d)\s+(?:read|ago)\b).*$", "", text, flags=re.I)
    text = re.sub(r"\s+\S+@[\w-]+\.\w.*$", "", text)  # an e-mail address and what follows (a phone)
    text = re.sub(r"\s*@\w+.*$", "", text)  # a handle (glued or not) and whatever follows it
    text = re.sub(r"\s*\([^)]*\)", " ", text)  # "(Brussels bureau)"
    # "Ann Lee[1]", "Ann Lee [email]", "Ann Lee *": a footnote's mark, a button's label in
    # brackets, a stray emphasis mark a converter left after the name.
    if "[" in text or "*" in text:
        text = re.sub(r"\s*\[(?:\d{1,2}|[*†]|(?i:e-?mail|bio|twitter|x|profile))\]|\s*\*+(?=\s*$)", "", text)
    # "Ann LeeStaff Writer": a role glued to the name by a lost line break.
    text = re.sub(r"(?<=[a-z])(?=(?:Staff|Senior|Contributing|Special|Writer|Reporter|Editor|"
                  r"Correspondent|Columnist|Contributor|Contact)\b)", " ", text)
    # "Ann LeeView More Articles", "Ann Lee All Stories": the link to the writer's other stories
    # set after the name, glued to it when the link lost its markup.
    if "rticles" in text or "tories" in text or "osts" in text:
        text = re.sub(r"(?<=[a-z])\s*(?:(?:View|See|Read)\s+)?(?:More|All)\s+(?:Articles|Stories|Posts)\s*$", "", text)
    # "Ann Lee Contact Reporter", "Ann LeeContact": the button that mails the writer, set after
    # the name (with the person it reaches), is no word of the name.
    if "Contact" in text:
        text = re.sub(r"\s+Contact(?:\s+(?:the\s+)?(?i:reporter|writer|author|editor))?\s*$", "", text)
    text = text.strip(" ,;:|-–—")
    # "ANN LEE and TOM PARK Associated Press": the agency run onto the last name with no comma,
    # as wire bylines in capitals are set. Only an agency's name of two words or four letters
    # or more ("AP" may be initials), and only where a whole name is left before it ("Ann
    # Bloomberg" is a person).
    agency = _TRAILING_AGENCY.search(text)
    if agency and len(re.split(r",|\band\b|&", text[: agency.start()], flags=re.I)[-1].split()) >= 2:
        text = text[: agency.start()]
    # "Ann Lee HarborNews", "Ann Lee HLBusiness": an outlet's name written as one word with a
    # capital inside, run onto the last name. A surname's inner capital follows one or two
    # small letters ("McAllister", "MacKenzie", "DeShawn") and no run of capitals, so the
    # brand's shape is told; and only where a whole name is left before it.
    # (The brand's words say it: a paper's or a firm's word among them, "News", "Times",
    # "Business"; "FitzGerald", "VanderBerg", "DelaCruz" are surnames of the same shape.)
    brand = _GLUED_BRAND.search(text)
    if brand and len(re.split(r",|\band\b|&", text[: brand.start()], flags=re.I)[-1].split()) >= 2 \
            and {w.casefold() for w in re.findall(r"[A-Z][a-z]+", brand.group(0))} & _MASTHEAD_WORDS:
        text = text[: brand.start()]
    # "Ann Lee Washington correspondent", "Ann Lee Middle East editor": a role in sentence case
    # with no comma before it, as some papers set it under the name on one line. Its capitalised
    # first word is a place or a beat, the role's and not the name's, as long as a whole name
    # (two words) is left before it.
    # ("Ann Lee Kyiv Bureau Chief, Tom Park": the same placed role after a first writer, with
    # another after it; the place goes with the role there too.)
    if "Bureau" in text or "Correspondent" in text or "Editor" in text:
        text = _PLACED_ROLE_BEFORE_NAME.sub(_name_before_placed_role, text)
    role = _role_after_name(text)
    if role and _whole_name_before(text[: role.start()]):
        text = text[: role.start()]
        # (The beat may take two words, "Public Affairs Reporter": its first goes too.)
        while text.split()[-1].casefold() in _DESK_WORDS and _whole_name_before(text.rsplit(None, 1)[0]):
            text = text.rsplit(None, 1)[0]
    return _ROLE_TAIL.sub("", text).strip(" ,;:|-–—")


# Words that make a capitalised phrase a button, a section or a title, not a person's name.
_NOT_NAME_WORDS = {
    "share", "shares", "tweet", "follow", "email", "print", "comment", "comments", "home", "menu",
    "search", "login", "subscribe", "reply", "like", "save", "read", "more", "video", "videos",
    "photos", "call", "news", "updated", "published", "professor", "president", "minister",
    "leader", "senator", "governor", "secretary", "chairman", "ceo", "director", "mayor",
    "spokesman", "spokeswoman", "official", "officials", "minority", "majority", "chief",
    # stamps in other languages ("Publié le", "Mis à jour")
    "publié", "publiée", "mis", "veröffentlicht", "aktualisiert", "publicado", "actualizado",
    "pubblicato", "aggiornato",
    # determiners, greetings and buttons: "The Water Coolest", "Hi Cherie", "Find Your Next Car"
    "the", "a", "an", "any", "all", "this", "that", "these", "those", "our", "your", "my", "his",
    "her", "their", "its", "no", "every", "some", "new", "best", "top", "find", "get", "hi",
    "hello", "dear", "sponsored", "advert", "advertisement", "sharing", "buttons", "button",
    "click", "here", "view", "watch", "next", "previous", "back", "about", "contact", "privacy", "bros",
    "promoted", "links", "partner", "partners", "content",
    "join", "discussion", "conversation",  # "Join Harbor Discussion", "Conversation Starters": comments' headings
    "terms", "policy", "cookies", "sign", "log", "image", "images", "photo", "getty",
    "copyright", "notice", "disclaimer", "abstract", "introduction", "conclusion", "references",
    "whatsapp", "facebook", "twitter", "pinterest", "instagram", "linkedin", "youtube", "reddit",
    "today", "business", "politics", "sports", "opinion", "entertainment", "technology",
    # verbs and prepositions of a kicker or a slogan in capitals ("LOVE IS LOVE", "BACK TO WORK")
    "is", "are", "was", "were", "to", "for", "with", "from", "into", "not", "it", "we", "you",
    # the newsroom in other languages ("Von der Redaktion", "Par la Rédaction": the desk signs)
    "redaktion", "redaktionen", "rédaction", "redacción", "redação", "redazione", "redactie",
    "redaksjon", "toimitus",
    # the institutions a kicker over or under a headline names ("Supreme Court", "United
    # Nations"), words no one's name has
    "supreme", "united", "nations", "congress", "senate", "parliament", "government", "federal",
    "ministry", "department", "committee", "commission", "cabinet", "pentagon", "kremlin",
    "capitol", "bank",
    # the words that lead into someone who is no writer: "Via Tom Park", "Featuring Tom Park"
    "via", "featuring", "starring", "remembering",
    # a page's lists and editions, a blog's account, a desk's plural, a picture's kind, where a
    # kicker or a menu stands by the byline ("Most Popular", "Related Stories", "Sunday Edition",
    # "Site Admin", "Harbor Ledger Writers", "Photo Illustration", "European Union") ("Story"
    # is a surname, and stays a name's word)
    "popular", "related", "picks", "articles", "stories", "edition", "admin", "user", "writers",
    "reporters", "illustration", "european", "union", "market", "check",
    # the institutions, companies and events that sign a press release or a notice above its
    # date ("Harbor Museum", "Bay Ferry Company", "Lisbon Police", "Harbor Summit"), and a
    # column's own name ("Lisbon Diary"; "Ask Ann Lee" in _is_person: "Ask" is a surname too)
    "company", "college", "school", "academy", "hospital", "museum", "festival", "marathon",
    # (a firm's kind, no one's surname: "Harbour Communications", "Bay Systems Corporation")
    "communications", "corporation", "corp", "systems", "technologies", "solutions", "holdings",
    "industries", "enterprises", "ventures", "productions", "studios", "motors", "airlines",
    "consulting", "pharmaceuticals",
    "awards", "summit", "conference", "police", "studio", "readers", "association", "society",
    "diary", "notebook",
    # a picture maker's studio or credit set as a co-writer's line ("Tom Park Photography",
    # "Courtesy Tom Park")
    "photography", "photos", "pictures", "images", "courtesy",
    # the parts and the players of a page that a converter keeps as a short line under the
    # headline, a box's heading or a button ("Key Points", "Listen Now", "Audio Version",
    # "Fact Sheet", "Episode Notes", "Chapter Two"): no one's name holds these words ("Key" and
    # "Story" are surnames, and stay)
    "points", "listen", "now", "audio", "version", "full", "fact", "facts", "sheet", "episode",
    "episodes", "notes", "chapter", "chapters", "text", "fiction", "transcript", "summary",
    "highlights", "takeaways", "timeline", "explainer", "slideshow", "gallery", "live", "updates",
    "exclusive", "preview", "quiz",
    # a review's score box, which a plain-text converter keeps as short lines under the headline
    # ("Harbor Score", "Critic Rating", "Our Verdict"); "Score" is a rare surname, left to lose
    "score", "rating", "ratings", "verdict",
    # the kickers and the names of columns, shows and newsletters set where a byline stands
    # ("Tom Park Says", "Ann Lee Show", "Book Club", "Morning Brief", "Weekend Reads", "Hurricane
    # Ada", "Open Letter"): words no one's name has
    "says", "show", "club", "letter", "brief", "briefs", "reads", "topics", "matters", "hurricane",
    "typhoon", "cyclone", "happy", "birthday",
} | {key for key in AGENCIES if " " not in key}  # "AP Auto Writer" is a desk, not a person
# The first and last words of places' names that are no word of a person's name: "Los" and "Las"
# only first ("Ana de los Santos"), "City" and "County" only last. (See _PLACE_FIRST_WORDS for
# all a place's words, in the places where a writer's name is less likely.)
_PLACE_ONLY_FIRST_WORDS = {"los", "las", "buenos", "kuala", "phnom", "baton", "tel", "puerto", "são", "sao",
                           "fort", "mount", "cape"}
_PLACE_ONLY_LAST_WORDS = {"city", "county", "heights", "islands", "lumpur", "aviv", "lanka", "rica", "dhabi",
                          "penh", "falls"}
# Institutions whose words are each someone's surname too ("White", "House"): the whole phrase.
_INSTITUTION_NAMES = {"white house", "high court", "city hall", "town hall"}


# Common nouns of the places, topics and kinds of piece that a page tags beside its date
# ("Main Street", "Premier League", "Human Rights", "Book Review", "Morning Briefing"), where a
# byline stands too. (Nouns that are also common surnames - West, North, Court, House, Hall,
# Park - are left out: a writer's name weighs more than a rare tag.)
_TOPIC_WORDS = {
    "street", "road", "avenue", "boulevard", "square", "valley", "league", "cup", "championship",
    "olympics", "estate", "rights", "intelligence", "updates", "update", "live", "review", "reviews",
    "briefing", "interview", "recap", "preview", "explainer", "explained", "analysis", "guide",
    "podcast", "gallery", "quiz", "recipe", "recipes", "meet", "korea", "africa", "america",
    "europe", "asia", "east", "kingdom", "states", "arabia", "zealand", "kong", "election",
    "elections", "crisis", "coronavirus", "covid", "pandemic", "war",
    "results", "highlights", "scores", "standings", "fixtures",  # "By-Election Results", "Match Highlights"
    # a shop's or a tech site's categories tagged under the headline ("Consumer Electronics")
    "electronics", "gadgets", "gaming", "software", "hardware",
}


# The endings of abstract nouns, which no given name or surname has: "-ology", "-ality",
# "-bility", "-tion" and "-ism" after three letters ("Nation" is a surname), "-ment" and "-ship"
# after four ("Clement", "Worship"); "-ity" alone is no such ending ("Trinity", "Unity",
# "Liberty" and "Charity" are given names).
_ABSTRACT_NOUN = re.compile(r"[^\W\d_]{3}(?:tions?|isms?)$|[^\W\d_]{2}(?:olog(?:y|ies)|alit(?:y|ies)|bilit(?:y|ies))$|"
                            r"[^\W\d_]{4}(?:ments?|ships?)$", re.I)


# An office held before a name ("Captain Ann Lee", "Councilwoman Ann Lee"): the person a caption
# or a story's first line names, not a writer. Only as the name's first word: after a given name
# some are surnames ("Tom Sergeant", "Ann Chancellor"; "Judge", "Constable" and "Sheriff" are
# surnames so often that they are left out).
_OFFICE_WORDS = {
    "congressman", "congresswoman", "councillor", "councilman", "councilwoman", "councilor",
    "detective", "inspector", "sergeant", "lieutenant", "colonel", "captain", "admiral",
    "commissioner", "chancellor", "ambassador", "premier", "officer", "superintendent",
}
# The same offices shortened, with their full stop ("Sen. Ann Lee", "Rep. Tom Park"; "Sen" alone
# is a surname): a name opening with one is an official's.
_OFFICE_ABBREVIATIONS = {"Sen.", "Rep.", "Gov.", "Gen.", "Lt.", "Col.", "Sgt.", "Capt.", "Det.", "Insp.", "Supt.",
                         "Adm.", "Cmdr.", "Amb.", "Pres.", "Atty.", "Maj.", "Cpl.", "Pvt.", "Cllr", "Cllr."}
# (Shortened or written out, and one or two of them: "Lt. Col. Ann Lee", "Detective Inspector
# Ann Lee", "Captain Ann Lee".)
_OFFICE = ("(?:" + "|".join(re.escape(a) for a in sorted(_OFFICE_ABBREVIATIONS))
           + "|(?-i:" + "|".join(w.capitalize() for w in sorted(_OFFICE_WORDS)) + r")\b)")
_OFFICE_BEFORE_NAMES = re.compile(rf"(?:^|(?<=,\s)|(?<=\band\s)|(?<=&\s)){_OFFICE}(?:\s+{_OFFICE})?\s+(?=[A-Z])")


def without_offices(names: str) -> str:
    """A byline's names without the offices their writers hold ("By Sen. Ann Lee and Rep. Tom
    Park", "By Captain Ann Lee": an official writing an opinion piece is the writer by their
    name)."""
    return _OFFICE_BEFORE_NAMES.sub("", names)


# "New" in German, French and Spanish opens a section's heading ("Neues Leitbild", "Nouvelle
# Donne"), never a name; after a given name it is a surname ("Germain Nouveau"; "Neuer" too).
_NEW_IN_OTHER_LANGUAGES = {"neue", "neues", "neuen", "nouveau", "nouvelle", "nouveaux", "nouvelles", "nuevo",
                           "nueva", "nuevos", "nuevas"}
# Articles of other languages, which open a headline ("Ein Bericht", "Der Hafen", "Une Enquête",
# "Het Verslag") and no one's name: a two-word headline was read as a writer's name, and the
# story under it was taken for the headline. (Only as the first word, and not the articles that
# are names too: "Una", "Uma" and "Uno" are given names, "Le", "Lo", "El", "La" and "Les" open
# names as well, "Das" and "Den" are surnames, "Des" a given name.)
_ARTICLE_IN_OTHER_LANGUAGES = {"ein", "eine", "einen", "einem", "eines", "der", "die", "dem",
                               "un", "une", "unos", "unas", "um", "il", "gli", "een", "het"}
# The first words no name opens with, the two lists above as one (made once, not on each call).
_NO_NAMES_FIRST_WORD = _NEW_IN_OTHER_LANGUAGES | _ARTICLE_IN_OTHER_LANGUAGES


def _is_person(name: str) -> bool:
    words = name.split()
    if words and (words[0] in _OFFICE_ABBREVIATIONS or words[0].casefold() in _OFFICE_WORDS):
        return False
    # (Initials are not words: "Scott A. Celinski".)
    keys = {w.casefold().strip(".").split("-")[0] for w in words if len(w.strip(".")) > 1}
    # ("An" opens a title as a determiner; after a given name it is one: "Nguyen Van An", "Li An".)
    if "an" in keys and words[0].casefold() != "an":
        keys.discard("an")
    if words and words[0].casefold() in _NO_NAMES_FIRST_WORD:
        return False
    if keys & (_NOT_NAME_WORDS | ORGANISATION_WORDS | ROLE_WORDS) or name.casefold() in _INSTITUTION_NAMES:
        return False
    # ("Ask Ann Lee" is an advice column's name; "Tom Ask" a person's.)
    # ("In Ports", "Under Harbour News": the category a blog files a post in, set under its
    # date; no name opens with a preposition as a word of its own.)
    if words and words[0].casefold() in {"ask", "in", "under", "on", "at"}:
        return False
    # "Los Angeles", "Mexico City", "Tel Aviv" alone where a byline stands (a dateline's line, a
    # place tagged by the date): a place whose first or last word is no one's name's. (The place
    # words that are names too, "Rio", "Santa", "La", "Beach", "Bay", stay a person's.)
    if words and (words[0].casefold() in _PLACE_ONLY_FIRST_WORDS or words[-1].casefold() in _PLACE_ONLY_LAST_WORDS):
        return False
    # A section's or a desk's word makes it the name of a section or of an outlet's title
    # ("Harbour Finance", "Climate Change", "Gazette Sport"), not a person's.
    if keys & (_DESK_WORDS - _JOINING_WORDS) or keys & _TOPIC_WORDS:
        return False
    # ("Labour Relations", "Urban Development", "Harbour Leadership": a topic a page tags beside
    # its date, told by its last word, an abstract noun by its ending. Only the last: the name
    # of a desk or a show that signs a story holds such nouns among its other words.)
    if words and _ABSTRACT_NOUN.search(words[-1]):
        return False
    # A name has two to four capitalised words ("Publié le" is a stamp, five is an address).
    if not 2 <= sum(1 for w in words if w[:1].isupper() or _GLUED_WORD.fullmatch(w)) <= 4:
        return False
    if any(re.search(r"\.\w{2,}", w) for w in words):
        return False  # "Example.com"
    if any(w.endswith((":", "：")) for w in words):
        return False  # "Words: Ann Lee": a label and a name, read as one string
    if any(w.endswith(("'s", "’s")) for w in words):
        return False  # "Ann Lee's Kitchen": a column, a show or a shop named after someone
    if words[-1].casefold() in _MASTHEAD_WORDS and _outlet_before_role(name):
        return False  # "Harbor Ledger", "Bay Star": a newspaper's name, where a byline's stands
    # "NUCで最新SSDを": Latin letters run into kana, kanji or hangul inside one word are a
    # Japanese, Chinese or Korean headline's words, not a name's (which keeps to one script).
    if any(_LATIN_INTO_CJK.search(w) for w in words):
        return False
    # "MagazinesAnn", "OrtizTom": words glued by a lost line break ("McDonald" is fine).
    return not any(re.search(rf"{_LOWER}{{4,}}{_UPPER}", w) for w in words)


_CJK_LETTER = "[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]"
_LATIN_INTO_CJK = re.compile(rf"[A-Za-z]{_CJK_LETTER}|{_CJK_LETTER}[A-Za-z]")


_LEAD_IN_WORDS = {"via", "featuring", "starring", "remembering"}
_LEAD_IN_INITIALS = {w[0] for w in _LEAD_IN_WORDS} | {w[0].upper() for w in _LEAD_IN_WORDS}


def names_in(text: str) -> list[str]:
    """The people a byline string names (possibly none); organisations are left out, and so
    are places after the writers: "Ann Lee, Los Angeles" is a writer and the dateline's city."""
    text = clean_byline(text)
    # ("Starring Ann Lee and Tom Park", "Via Ann Lee and Tom Park": the word that leads into
    # people who are no writers leads into every name of its list, not the first alone.)
    if text[:1] in _LEAD_IN_INITIALS and text.split(None, 1)[0].casefold() in _LEAD_IN_WORDS:
        return []
    people, _ = split_people(text)
    people = [_without_letters(p) for p in people]
    # (Only a place after a writer and a comma, closing the byline: a place's word is a
    # person's name as well, "Rio Tanaka", "Santa Morales", "La Toya Reed", "Ann Beach", and a
    # name alone, first, or after "and" is a person's.)
    return [_once(p) for k, p in enumerate(people)
            if _is_person(p) and not (k and k == len(people) - 1 and dateline_place(p)
                                      and _closes_after_comma(text, p))]


def _without_letters(name: str) -> str:
    """The name without a degree's or an honour's letters after it, where two words are left."""
    words = name.split()
    return " ".join(words[:-1]) if len(words) >= 3 and _LETTERS_AFTER_NAME.fullmatch(words[-1]) else name


def _closes_after_comma(text: str, part: str) -> bool:
    """The part is the text's last, set after a comma ("Ann Lee, Mexico City")."""
    head, comma, last = text.rpartition(",")
    return bool(comma) and last.strip(" .").casefold() == part.casefold()


# The place words of _PLACE_FIRST_WORDS and _PLACE_LAST_WORDS that are people's names as well
# ("Hong" a family name, "Sri" a given name, "Bay" a surname): a byline's place is told without
# them (their places, "Hong Kong" and "Sri Lanka", have a last word that tells it anyway).
_PEOPLES_PLACE_WORDS = {"hong", "sri", "bay"}


def dateline_place(name: str) -> bool:
    """A two- or three-word place where a name stands in a byline ("Ann Lee, Mexico City", "By
    Ann Lee, Rio de Janeiro"), told by its first or last word as _place_name tells it."""
    words = name.casefold().split()
    return (words[0] in _PLACE_FIRST_WORDS or words[-1] in _PLACE_LAST_WORDS) \
        and not {words[0], words[-1]} & _PEOPLES_PLACE_WORDS


def _once(name: str) -> str:
    """"Ann Lee Ann Lee" (a byline and its link text run together) is one Ann Lee."""
    words = name.split()
    half = len(words) // 2
    return " ".join(words[:half]) if len(words) % 2 == 0 and words[:half] == words[half:] else name


# Editors, reviewers, photographers, translators and sponsors are credited "by", not authors.
_CREDITED = re.compile(
    r"\b(?:edited|reviewed|photos?|photographs?|photography|photographed|portraits?|filmed|drawn|cartoons?|"
    r"images?|illustrations?|illustrated|pictures?|drawings?|sketch(?:es|ed)|"  # ("Sketch by B", one: a written column)
    r"translated|translation|produced|fact[- ]checked|tested|video|graphics?|design(?:ed)?|sponsored|"
    r"powered|presented|brought to you|supported|funded|hosted|curated|narrated|read|"
    r"updated|"  # "Updated by B": who changed the story last, not who wrote it
    # The rest of a feature's or a video's credits: who filmed, scored, drew the maps, laid out
    # or checked it ("Directed by B", "Music by B", "Maps by B", "Copy-edited by B").
    r"directed|direction|animation|animated|music|sound|audio|camera|cinematography|data|maps?|charts?|"
    r"styling|styled|lighting|layout|artwork|art|cover|recorded|transcribed|transcription|subtitled|"
    r"subtitles|captions?|copy[- ]?edited|proof[- ]?read|commissioned|selected|chosen|"
    # (and a web feature's builders, a recipe's cook, a film's or a book's maker a piece is about:
    # "Development by B", "Recipe by B", "A film by B")
    r"production|development|interactive|recipes?|makeup|hair|film|novel|book|paid\s+for|"
    r"contributions|assistance|"
    # (and an audio version's or a podcast's: "Voiced by B", "Mixed by B", "Moderated by B")
    r"voiced|voice|narration|performed|mixed|engineered|scored|composed|shot|moderated|"
    # "Additional reporting by B", "With reporting by B", "Research by B", "Reporting was
    # contributed by B": who helped the writer
    r"additional|with|editing|research|researched|contributed|"
    r"donated|courtesy|loaned|lent|"  # who gave an object shown: "Donated by B"
    # A menu's ways through a site: "Search by Region", "Sort by Date", "Shop by Brand".
    r"search|sort|sorted|filter|filtered|browse|shop)\s*$",
    re.I,
)


_AUTHOR_TOO = re.compile(r"\b(?:story|text|words|reporting|written)\s+(?:and|&)\s+\w+\s*$", re.I)

# The participles that say "by" of whoever wrote or posted the story ("Reported by", "Submitted
# by", "Co-authored by", "Created by" as a blog's system says it).
_WRITING_VERBS = {"reported", "posted", "published", "filed", "submitted", "created", "authored", "compiled",
                  "prepared", "penned", "drafted", "added", "uploaded", "shared", "blogged", "started", "asked",
                  "answered", "interviewed", "modified"}

# "Posted in Film by A", "March 3, 2019 in Uncategorized by A", "Filed under Unclassified by A": a
# blog's stamp names the category the post is in before the writer's "by", whatever its words are.
# (The word's tail possessive: with "\s*" free to match nothing, a long word could be cut into
# three "words" in n² ways, each tried before a failing match gave up: "in " and 800 letters and
# "!" before "by Ann Lee" took 2.3 s, 4-12 s an article through the parser. A cut falls where the
# word before could have gone on, so the strings matched are the same.)
_CATEGORY_BEFORE_BY = re.compile(r"^(?P<stamp>.*?)\b(?:in|under)\s+(?:[^\W\d_][\w&'’-]*+\s*){1,3}$", re.I)


def credits_another(before: str) -> bool:
    """What stands before "by" credits someone other than the writer: a role of the list ("Photos
    by", "Edited by"), or any act but writing named by its participle alone before "by"
    ("Inspired by", "Founded by", "Supervised by": the list cannot hold them all, and a writer's
    "by" follows a few such words only). (Not a gerund: a section is named by one, "Shopping by
    Ann Lee"; not a post's category, "Posted in Film by Ann Lee".)"""
    if _in_a_category(before):
        return False
    if _CREDITED.search(before):
        return True
    # (Its last part, "Co-authored" an author's.)
    words = re.findall(r"[^\W\d_]+", before)
    return len(before.split()) == 1 and bool(words) and words[-1].casefold().endswith("ed") \
        and words[-1].casefold() not in _WRITING_VERBS


def _in_a_category(before: str) -> bool:
    """The words before "by" end with a post's category after its stamp: "Posted in X", "Filed
    under X", "March 3, 2019 in X" (the stamp a writer's word or a date, or nothing)."""
    category = _CATEGORY_BEFORE_BY.match(before.strip())
    if not category:
        return False
    stamp = category.group("stamp").strip(" ,|•·/-–—")
    return not stamp or bool(FULL_DATE.search(stamp)) or stamp.split()[0].casefold() in _WRITING_VERBS


# The labels a Chinese or Japanese byline sets before the name (a longer one before its own
# beginning: 執筆者 before 執筆), one list for a label alone on its line and one before a name.
_CJK_WORD_LABELS = "投稿者|著者|筆者|執筆者|執筆|执笔|記者|记者|作者|撰文|撰稿|通讯员|ライター"
_CJK_LABELS = _CJK_WORD_LABELS + "|文"  # "text (by)": a character of many words too
# "本报记者" (our reporter), "特约记者": a word or two before "reporter" make one label.
_CJK_REPORTER = r"[\u4e00-\u9fff]{1,4}(?:記者|记者|通讯员|通訊員)"
# Words a Chinese or Japanese page sets in the byline's place that are not names, written in
# the same characters: a byline block's labels ("公開日", "来源", "责任编辑") and the names of
# sections and pages ("商品情報" product information, "新闻", "首页", "一覧").
_CJK_NOT_NAME = re.compile(
    r"^[会會]|[日時时]$|記者|记者|通讯员|通訊員|公開|更新|投稿|発行|発表|作成|日付|日期|发布|發布|來源|来源|出典|"
    r"編集|编辑|編輯|情報|情报|資訊|资讯|新聞|新闻|公告|專題|专题|頻道|频道|首頁|首页|一覧|一览|記事|"
    r"案内|紹介|介绍|製品|产品|產品|商品|服務|服务|サービス|ニュース|カテゴリ|ランキング|"
    r"分享|シェア"  # "share": a share button's label ("点击分享", "分享到")
)


# Between Chinese or Japanese names: an enumeration comma, a comma, a middle dot, a slash or a
# space (and, after "By", an English "and").
_CJK_NAME_SEPARATOR = re.compile(r"\s*[、，,・/／]\s*|\s+")
_CJK_NAME_SEPARATOR_OR_AND = re.compile(r"\s*[、，,・/／]\s*|\s+(?:and|&)\s+|\s+")


def _cjk_names(text: str, separator: re.Pattern = _CJK_NAME_SEPARATOR) -> list[str]:
    """The names a text lists if all of them are Chinese, Japanese or Korean names ("山田太郎、
    王明"), else none."""
    items = [n for n in separator.split(text) if n]
    if items and all(re.fullmatch(_CJK_NAME, n) and not _CJK_NOT_NAME.search(n) for n in items):
        return items
    return []


def ends_with_by(line: Line) -> bool:
    """"By" alone, or "Written on Feb 24 by", or a label alone ("Authors", "Words:"): an
    author's name is on the next line."""
    if re.fullmatch(r"(?:authors?|writers?|reporters?|words|text|written by|story by|"
                    rf"{_CJK_LABELS}|{_CJK_REPORTER})\s*[:：]?", line.text.strip(), re.I):
        return True
    match = re.search(r"(?:^|\s)(?:by|par|von|por):?$", line.text.strip(), re.I)
    return line.words <= 8 and bool(match) and not credits_another(line.text[: match.start()])


def role_under_name(line: Line, above: Line) -> bool:
    """"Ann Lee" / "Reporter": a writer's job alone under their name, with no colon, is theirs,
    not a label over the next line's name ("Reporter:" / "Ann Lee" is one)."""
    return bool(re.fullmatch(r"(?i:authors?|writers?|reporters?)", line.text.strip())) and is_name_line(above)


# (With "and" in other languages: "Di A e B", "Door A en B", "Av A og B", "Av A och B", "A a B".)
_JOINING_WORDS = {"and", "und", "et", "y", "e", "en", "og", "och", "a", "ja", "de", "da", "del", "della", "der", "den", "van", "von",
                  "al", "el", "la", "las", "le", "los", "di", "du", "do", "dos", "des", "ter", "ten", "zu",
                  "bin", "ibn", "&"}


_LABEL = re.compile(
    r"^(?:(?:guest\s+)?(?:authors?|authors?\(s\)|autor(?:in|a|es|ka|zy)?|autoři|auteurs?|autore|autori|reporters?|writers?|contributors?|words|text|"
    r"texte|texto|testo|tekst|story|reporting|reported by|written by|penulis|автор|текст|bylines?|"
    # the writer's trade as the label ("Columnist: A", "Redakteurin: A", "Periodista: A"); not
    # "Column:" or "Opinion:", the kickers of a headline
    r"columnists?|correspondents?|journalists?|redakteur(?:in)?|rédacteur|rédactrice|redactor|redactora|"
    r"periodista|giornalista|jornalista|"
    # Turkish, Vietnamese, Finnish, Swedish, Danish and Norwegian: "written by", "author", "journalist"
    r"yazan|yazar|tác giả|kirjoittaja|toimittaja|skribent|forfatter|författare|"
    # the author who took the pictures too: "Text and photos: A", "Words & pictures: A"
    # ("Author | Ann Lee": a bar in the colon's place, as a page's label and name cells come out.)
    # ("Text und Fotos: A", "Texte et photos : A", "Texto y fotos: A": in other languages too.)
    r"(?:text|words|story|texte|texto|testo|tekst)\s+(?:and|&|und|et|y|e|en|og|och|i)\s+"
    r"(?:photos|photographs|pictures|images|fotos|bilder|fotografie|fotografías|fotografias|foto|zdjęcia))\s*[:|]|"
    # "取材・文：A" (reporting and text), "文=A": a Japanese label may be joined to another
    # before it, and set apart from the name by "=".
    # ("文/王小明": a Chinese label set apart by a slash; "作者 | 王小明" by a bar, as blogs set it.)
    # ("文" alone, "text", only with its separator: "文章" is the word for an article.)
    # ("文・A": and by a middle dot, as magazines set it; "文・写真：A", text and photos, too.)
    r"(?:(?:取材|写真|撮影|構成)[・、/／])?(?:" + _CJK_WORD_LABELS + r"|文(?:[・、](?:写真|撮影|構成))?(?=\s*[:：=＝/／|｜・])"
    r"|" + _CJK_REPORTER + r"(?=[\s:：]))\s*[:：=＝/／|｜・]?)\s*(.+)$",
    re.I,
)


# Another's credit with its label, then a field after a bar, a dash or a ";".
_OTHERS_CREDIT_FIRST = re.compile(
    r"^(?i:photos?|photographs?|photography|pictures?|images?|illustrations?|graphics?|video|design|editor|"
    r"editing|edited|reviewed)(?:\s+by)?\s*:?\s+[^|;•·—–]+?(?:\s[|•·—–-]|\s*[|;])\s*(.+)$")


def credits_writer_after_others(text: str) -> bool:
    """"Photos: Tom Park | Words: Ann Lee", "Photos by Tom Park | By Ann Lee": a line of credits
    whose later field is the writer's (a byline, though it opens like a photo's credit)."""
    later = _OTHERS_CREDIT_FIRST.match(text.strip())
    return bool(later and (_LABEL.match(later.group(1)) or _BYLINE_OPENING.match(later.group(1))))


_CJK_NAME = r"[\u4e00-\u9fff\u3040-\u30ff\uac00-\ud7af]{2,5}"
_CJK_LABEL_INSIDE = re.compile(
    rf"[\s|｜]\s*(?:{_CJK_LABELS}|{_CJK_REPORTER})\s*[:：]\s*(.+?)(?=\s+\S+[:：]|\s*$)")


# A Chinese wire or newspaper dateline, "新华社北京10月28日电（记者王小明）" / "本报讯（记者 王小明）":
# the dispatch ("电", "讯") and its reporters in brackets open the story's first paragraph.
_CJK_DATELINE = re.compile(r"^[^（(。]{0,30}?(?:电|讯|電|訊)\s*[（(]\s*(?:记者|記者|通讯员|通訊員)\s*[:：]?\s*([^）)]{2,30})[）)]")


# A Korean byline: the reporter's name in Hangul (two to four syllables) and the title that
# makes it a byline, "기자" (reporter), "특파원" (correspondent) and their ranks, "칼럼니스트" (a
# columnist, who signs a column at its end as a reporter does); several names
# are parted by a middle dot ("홍길동·김영희 기자"). A wire dateline sets it at the head of the
# story's first paragraph, "(서울=통신사) 홍길동 기자 = ...": the place and the agency in
# brackets, the byline, then "=". On a line of its own, "글" ("text", "글·사진" text and
# photos) may open it and the reporter's address close it.
_HANGUL_NAME = r"[\uac00-\ud7a3]{2,4}"
_HANGUL_NAMES = rf"({_HANGUL_NAME}(?:\s*[·ㆍ,]\s*{_HANGUL_NAME}){{0,3}})"
_HANGUL_ROLE = r"(?:선임|수석|객원|전문|수습|인턴)?(?:기자|특파원|통신원|논설위원|편집위원|칼럼니스트)"
_KOREAN_DATELINE = re.compile(rf"^[(\[][^()\[\]=]{{1,12}}=[^()\[\]]{{1,20}}[)\]]\s*{_HANGUL_NAMES}\s+{_HANGUL_ROLE}\s*=")
# (The outlet may open the line, "한빛일보 홍길동 기자", "[한빛뉴스] 홍길동 기자", its name ending in a
# paper's or broadcaster's word, and the desk after it, "사회부 홍길동 기자"; each reporter may carry the title, "홍길동 기자, 김영희 기자"; the
# address may be in brackets; and the stamp of the story's input or edit may close the line,
# "홍길동 기자 입력 2019.03.03 10:30".)
_HANGUL_OUTLET = r"(?:[\[(]?[\uac00-\ud7a3A-Za-z]{0,10}(?:뉴스|일보|신문|방송|통신|미디어|타임스|신보|데일리|닷컴|투데이|저널)[\])]?\s*)"
_KOREAN_BYLINE = re.compile(
    rf"^{_HANGUL_OUTLET}?(?:[\uac00-\ud7a3]{{1,6}}부\s+)?(?:글(?:\s*[·ㆍ/]\s*사진)?\s+)?{_HANGUL_NAMES}\s*{_HANGUL_ROLE}"
    rf"(?:\s*[·ㆍ,]\s*({_HANGUL_NAME})\s*{_HANGUL_ROLE}){{0,3}}(?:\s*=\s*\S{{1,10}})?"
    r"(?:\s+[(<\[]?\S+@[\w.-]+\.\w+[)>\]]?)?(?:\s+(?:기사)?(?:입력|수정|등록|승인|발행)\s*:?\s*(?:19|20)\d\d\D.*)?$")
# Words in a reporter's place that are not a person: an outlet ("...뉴스", "...일보", "...신문")
# or a desk ("사회부", the society desk).
_HANGUL_NOT_NAME = re.compile(r"(?:뉴스|일보|신문|방송|통신|미디어|타임스|신보|데일리|닷컴|투데이|저널|경제|"
                              r"사회|정치|국제|문화|산업|체육|스포츠|연예|편집|사진|디지털|온라인)부?$|부$")


def is_korean_dateline(line: Line) -> bool:
    """A Korean wire dateline with its reporters, "(서울=통신사) 홍길동 기자 = ...": the story's
    first paragraph, not a byline line to drop."""
    return bool(_KOREAN_DATELINE.match(line.text.strip()))


def korean_byline(line: Line) -> list[str]:
    """The reporters of a Korean byline, on its own line or in a wire dateline at the head of
    the story. A Hangul name is one word with no capitals: the reporter's title beside it is
    the second signal that it is a person's (so it is kept as a LoneName)."""
    text = line.text.strip()
    match = _KOREAN_DATELINE.match(text) or (_KOREAN_BYLINE.match(text) if line.words <= 8 else None)
    if not match:
        return []
    names = [n for n in re.split(r"\s*[·ㆍ,]\s*", match.group(1)) if n]
    # ("홍길동 기자, 김영희 기자": the second reporter with a title of their own.)
    names += [n for n in re.findall(rf"[·ㆍ,]\s*({_HANGUL_NAME})\s*{_HANGUL_ROLE}", text[match.end(1):])
              if n not in names]
    if any(_HANGUL_NOT_NAME.search(n) for n in names):
        return []
    return [LoneName(n) for n in names]


def cjk_dateline_reporters(line: Line) -> list[str]:
    """The reporters a Chinese dateline names at the head of the story."""
    match = _CJK_DATELINE.match(line.text.strip())
    return _cjk_names(match.group(1)) if match else []


def byline_label(line: Line) -> list[str]:
    """"Author: A", "Words: A and B", "Autor: A": a label and the names after it."""
    # "（文：山田太郎）": a Japanese credit in brackets.
    match = _LABEL.match(re.sub(r"^[（(](.*)[）)]$", r"\1", line.text.strip()))
    # "山田太郎 記者", "王小明记者": a Chinese or Japanese name with the reporter's title after it.
    titled = re.fullmatch(rf"({_CJK_NAME}(?:\s*[、，,・]\s*{_CJK_NAME}){{0,3}})\s*(?:記者|记者|特派員|特派员)",
                          line.text.strip())
    if not match and titled:
        return _cjk_names(titled.group(1))
    # "Photos: Tom Park | Words: Ann Lee": the pictures' credit first, the writer's label in a
    # field of its own after it.
    if not match and credits_writer_after_others(line.text):
        later = _OTHERS_CREDIT_FIRST.match(line.text.strip()).group(1)
        return byline_label(Line(raw=later, text=later))
    if not match and line.words <= 20:
        # A Chinese byline line holds its labels side by side: "2019年3月3日 来源：某报 作者：王明"
        # (the author's label after a space, with its colon; the next label ends the names).
        inside = _CJK_LABEL_INSIDE.search(line.text)
        return _cjk_names(inside.group(1)) if inside else []
    if not match or line.words > 20:
        return []
    # ("Author: Sen. Ann Lee": an official writing under a writer's label, by their name.)
    names = without_offices(clean_byline(match.group(1)))
    # Chinese and Japanese names have no capitals and no spaces: "記者：山田太郎、佐藤花子"
    # (and the next label ends them: "撰文：王小明 摄影：李华"; "报道", "reports", closes a
    # Chinese wire byline: "记者张三、李四报道").
    cjk = _cjk_names(re.sub(r"\s*(?:报道|報道|报导|報導)$", "", re.sub(r"\s+\S+[:：|｜].*$", "", names)))
    if cjk:
        return cjk
    if any(word[:1].islower() and word not in _JOINING_WORDS and not _GLUED_WORD.fullmatch(word)
           for word in names.split()):
        return []
    return names_in(names)


# A credit's or a byline's opening: "By ...", "Photography by ...", "Reviewed by ...", whoever
# follows (a desk, "the Associated Press", a photographer). (Only these words before "by": "Stand
# By Me" is a title.)
_CREDIT_OPENING = re.compile(
    r"^(?i:(?:(?:written|words|text|story|reporting|reported|posted|photos?|photographs?|photography|pictures?|"
    r"images?|illustrations?|illustrated|edited|reviewed|interview|analysis|opinion|commentary|review|video|"
    r"graphics?|produced|compiled|research|additional\s+reporting)\s+)?by:?\s+(?:the\s+)?)[A-Z]")


# The words of a byline that credits a desk, an outlet or an agency: "By The Editorial Board",
# "Author: Gazette Staff".
_DESK_CREDIT_WORDS = ORGANISATION_WORDS | {"staff", "desk", "team", "newsroom", "board", "editors", "editorial"}
_BY_OPENING = re.compile(r"^(?i:(?:written|words|text|story|reporting|reported)\s+)?(?i:by):?\s+(.+)$")


def desk_byline(line: Line) -> bool:
    """"By The Editorial Board", "Author: Harbour Gazette Staff": a byline that names a desk, an
    outlet or an agency, and no person. (The byline's place is taken: a name below it, beside
    the stamp or in a photo credit, is not the writer's.)"""
    text = line.text.strip()
    match = _BY_OPENING.match(text) or _LABEL.match(text)
    if not match or line.words > 10 or byline_by(line) or byline_label(line):
        return False
    return bool({w.casefold().strip(".,;:") for w in match.group(1).split()} & _DESK_CREDIT_WORDS)


# The small words a byline's or a credit's tail may hold between its names ("By Ann Lee in
# Lisbon and Tom Park for the Harbor Ledger", "By Ann Lee, transport reporter").
_CREDIT_SMALL_WORDS = _JOINING_WORDS | {w.casefold() for w in ROLE_WORDS} | {
    "the", "of", "for", "in", "at", "with", "from", "on", "special", "to", "staff", "senior", "chief", "contributing"}


def _reads_as_sentence(tail: str) -> bool:
    """What follows "By" runs on as a sentence, three words in small letters no byline holds:
    "By Monday, the river had burst its banks" is a headline."""
    small = [w for w in re.findall(r"[^\W\d_][\w'’-]*", tail) if w[:1].islower()]
    return sum(w.casefold() not in _CREDIT_SMALL_WORDS for w in small) >= 3


def is_credit_line(line: Line) -> bool:
    """A short line that opens like a byline or a credit ("By The Editorial Board", "Photography
    by Tom Park"): never a headline, whether or not it names a person - unless a bare "By" opens
    a sentence ("By Monday, the river had burst its banks")."""
    text = line.text.strip()
    match = _CREDIT_OPENING.match(text)
    if not match:
        return False
    if line.words > 10:
        # A feature's credits run long ("Produced by A and B, Photographs by C, Written by D,
        # Video by E"): a longer line is a credits line when a second credit follows the first.
        return line.words <= 60 and bool(_NEXT_CREDIT.search(text, match.end()))
    return not (text[:2].casefold() == "by" and _reads_as_sentence(text[match.end() - 1:]))


# A second credit in a credits line: ", Photographs by C", "; video by E" (the roles of
# _CREDIT_OPENING; a headline's "Rescued by Strangers" names no such role).
_NEXT_CREDIT = re.compile(
    r"[,;]\s+(?:and\s+)?(?i:written|words|text|reporting|photos?|photographs?|photography|pictures?|images?|"
    r"illustrations?|illustrated|edited|editing|interviews?|video|graphics?|design|produced|production|"
    r"compiled|research|additional\s+reporting)\s+by:?\s+[A-Z]")


# A writer's credit in a field of its own after another credit, on a line of credits.
_WRITER_FIELD = re.compile(r"(?:\s[|•·—–-]|\s*[|;])\s*((?i:(?:written|words|text|story|reporting|reported)\s+)?(?i:by)\s)")


_WIRE_CREDITS = re.compile(r"^[(\[]?(?i:reporting|writing) by\b[^;]*;")


def byline_by(line: Line) -> list[str]:
    """"By A", "By A and B", "Written by A on DATE", "December 3, 2016 by A"."""
    # (A wire story's credits run long: "Reporting by A in Lisbon, B in Porto and ...; Editing by C".)
    if line.words > (60 if _WIRE_CREDITS.match(line.text) else 30):
        return []
    # "ByAnn Lee": the label and the name in two elements with no space between them.
    text = re.sub(r"(?:^|(?<=[\s|•·/,]))(By|BY|Par|Von|Por)(?=[A-Z][a-z])", r"\1 ", line.text)
    # "(By Ann Lee, Tom Park and Sue Ray)": a sign-off in brackets that says "by" itself.
    if text[:1] in "([" and text.rstrip()[-1:] in ")]" and re.match(r"[(\[]\s*(?i:by)\s", text):
        text = text.strip()[1:-1]
    match = _BY.search(text)
    if not match:
        return []
    # "The Long Harbour by Tom Park (Harbor Press, 304 pages, $28)": the details of the book a
    # review is about (its pages, its price, its ISBN) name the book's author, not the review's.
    if _BOOK_DETAILS.search(text, match.start(1)):
        return []
    before = text[: match.start()]
    # ("Read more: Ships wait in the bay, by Tom Park": a teaser's headline and its writer.)
    if is_labelled_teaser(before):
        return []
    # "Quay Door Tours", "Marco Di Maria Rossi": a label of another language ("door", "di",
    # "von") capitalised right after a capitalised word is a word of a title or a name's particle.
    label = text[match.start(): match.start(1)].strip(" |•·/,—–-:").split()
    if label and label[0] in _CAPITALISED_FOREIGN_LABELS and re.search(rf"(?:^|\s){_UPPER}\S*$", before.rstrip()):
        return []
    # "Photos by A" credits a photographer; "Story and photos by A" the author too.
    if credits_another(before) and not _AUTHOR_TOO.search(before):
        # ("Reviewed by B — Written by A on DATE", "Photos by B | Words by A": the writer's own
        # credit may follow the others' in a field of its own, after a bar, a dash or a ";".)
        later = _WRITER_FIELD.search(text, match.start(1))
        return byline_by(Line(raw=text[later.start(1):], text=text[later.start(1):])) if later else []
    # "by" in a sentence ("was hit by Smith") is not a byline: only dates, stamps, a category
    # or nothing may stand before it.
    # (A standfirst may run into the byline when their elements lose the break between them:
    # a sentence's end, then "By" with its capital, "... over two years. By Ann Lee".)
    # ("Posted 2 hours ago by A": a relative stamp before it, as a date.)
    if before.strip() and not (len(before.split()) <= 3 or FULL_DATE.search(before) or _written_stamp(before)
                               or re.fullmatch(r"\W*(?:(?:posted|published|updated)\s+)?\d+\s*(?:min(?:ute)?s?|hours?|hrs?|h|days?|d|weeks?)\s+ago\s*", before, re.I)
                               or re.search(r"[|•·/,—–-]\s*$", before)
                               or re.search(r"[.!?”\"]\s*$", before) and text[match.start():].lstrip()[:2] in ("By", "BY")):
        return []
    names = without_offices(clean_byline(match.group(1)))
    # "By 山田太郎": a Chinese or Japanese name has no capitals to tell it.
    # (Not a label or a section's name: "By 本报记者", "By 新闻".)
    # (Two after "By" parted by one space are one name, the family name first, as Japanese
    # writes a name in a Latin line: "By 山田 花子"; a list is parted by "、" or "and".)
    if _CJK_FAMILY_GIVEN.fullmatch(names.strip()):
        return [" ".join(names.split())]
    cjk = _cjk_names(names, _CJK_NAME_SEPARATOR_OR_AND)
    if cjk and len(cjk) <= 4:
        return cjk
    mixed = _mixed_cjk_and_latin_names(names)
    if mixed:
        return mixed
    names = _JOB_BEFORE_NAME.sub("", names, count=1)  # "By staff writer Ann Lee"
    # Only names (and the words that join them) may follow: "by the time he" is prose.
    if any(word[:1].islower() and word not in _JOINING_WORDS and not _GLUED_WORD.fullmatch(word)
           for word in names.split()):
        return []
    return names_in(names) or _name_before_organisation(names)


# The words a stamp in another language sets around its date: the stamp's word and article,
# the weekday, the time's "at" ("Publicado el lunes 3 de marzo de 2019", "Publié le 3 mars 2019 à 10h00").
_STAMP_WORDS = re.compile(
    rf"(?i:{_PUBLISHED_WORDS}|on|le|el|il|am|em|op|at|à|um|alle|las|ore|uhr|"
    r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo|"
    r"lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica|montag|dienstag|mittwoch|donnerstag|freitag|"
    r"samstag|sonntag|segunda|terça|quarta|quinta|sexta|feira)")


def _written_stamp(text: str) -> bool:
    """"3 de marzo de 2019", "Publié le 3 mars 2019 à 10h00", "Sonntag, 3. März 2019": a date
    in a written form of another language (full_dates reads it), and around it only a stamp's
    words: before a byline's "by" it is the byline's own date, as FULL_DATE's forms are."""
    if not full_dates(text):
        return False
    for form in _WHOLE_DATES:
        text = form.sub(" ", text)
    text = re.sub(r"\d{1,2}\s*[:.h]\s*\d\d", " ", text)  # the time
    return all(_STAMP_WORDS.fullmatch(word) for word in re.findall(r"[^\W\d_]+", text))


_CJK_FAMILY_GIVEN = re.compile(r"[\u4e00-\u9fff]{1,3} [\u4e00-\u9fff\u3040-\u30ff]{1,4}")
_ANY_CJK_LETTER = re.compile(_CJK_LETTER)
_NAME_LIST_SEPARATOR = re.compile(r"\s*[、，,]\s*|\s+(?:and|&)\s+")


def _mixed_cjk_and_latin_names(names: str) -> list[str]:
    """A byline listing Chinese or Japanese names beside Latin ones ("山田 花子 and Ann Lee"):
    each item one name, else none (names_in reads Latin names by their capitals only, and the
    Chinese or Japanese one was lost)."""
    if not _ANY_CJK_LETTER.search(names):
        return []  # (most bylines: Latin letters alone, read by names_in)
    items = [item.strip() for item in _NAME_LIST_SEPARATOR.split(names) if item.strip()]
    if not 2 <= len(items) <= 4 or not any(_CJK_FAMILY_GIVEN.fullmatch(i) or re.fullmatch(_CJK_NAME, i) for i in items):
        return []
    found = []
    for item in items:
        if _CJK_FAMILY_GIVEN.fullmatch(item) or re.fullmatch(_CJK_NAME, item) and not _CJK_NOT_NAME.search(item):
            found.append(" ".join(item.split()))
        elif len(latin := names_in(item)) == 1 and latin[0] == item:
            found.append(item)
        else:
            return []
    return found


_REVIEWED_BY = re.compile(r"^(?i:reviewed\s+by):?\s+(.+)$")


def book_reviewer(lines: list[Line], i: int) -> list[str]:
    """"Reviewed by A" beside the details of a book (its pages, its price, its ISBN, a few lines
    up or down): the review's writer. (Elsewhere "Reviewed by" credits who checked the story:
    a doctor, an editor. The details are a line of their own, not the story's prose: a price or
    "is out now" in a paragraph under a checker's "Reviewed by" is the story's news.)"""
    match = _REVIEWED_BY.match(lines[i].text.strip()) if lines[i].words <= 12 else None
    if not match or not any(_BOOK_DETAILS.search(lines[j].text) and not is_paragraph(lines[j])
                            for j in range(max(0, i - BOOK_DETAIL_LINES), min(len(lines), i + BOOK_DETAIL_LINES + 1))):
        return []
    return names_in(match.group(1))


BOOK_DETAIL_LINES = 3
_BOOK_DETAILS = re.compile(r"\b\d+\s*(?:pages|pp)\b|\bISBN\b|[£$€]\s?\d|\d\s?€|\bis\s+(?:published|out)\b|\bout now\b", re.I)
_CAPITALISED_FOREIGN_LABELS = {"Par", "Von", "Por", "Door", "Av", "Af", "Di", "Oleh"}


_STANDFIRST_BEFORE_BY = re.compile(r"^(.{12,}?[.!?…][”\"’']?)\s+(?:By|BY)\s+\S")


def standfirst_before_byline(line: Line) -> str | None:
    """"The deal gives the dockers a rise. By Ann Lee": the sentences before a byline run onto
    their line (a standfirst and the byline that lost the break between them), if the line is
    that and the rest a byline."""
    match = _STANDFIRST_BEFORE_BY.match(line.text)
    if not match or not byline_by(Line(raw=line.text[match.end(1):], text=line.text[match.end(1):].strip())):
        return None
    return match.group(1)


def _name_before_organisation(text: str) -> list[str]:
    """"Ann Lee Harbour Gazette News Fellow": a name run into the outlet and role after it.
    Two words (three with an initial) are taken when what follows names an organisation or
    a role."""
    words = text.split()
    size = 3 if len(words) > 3 and re.fullmatch(r"[A-Z]\.", words[1]) else 2
    rest = {w.casefold().strip(".,") for w in words[size:]}
    # ("Ann Lee The Harbor Ledger": "The" and a newspaper's last word name the paper, whatever
    # that word; without "The", "Mary Ann Sun" is a person.)
    if len(words) > size + 1 and words[size] in ("The", "THE") and _masthead(" ".join(words[size:])):
        return names_in(" ".join(words[:size]))
    if len(words) <= size or not rest & (ORGANISATION_WORDS | _PERSON_ROLES):
        return []
    # "European Space Agency": one organisation word completes an organisation's name.
    if len(words) == size + 1 and rest <= ORGANISATION_WORDS and not AGENCIES.get(words[-1].casefold()):
        return []
    return names_in(" ".join(words[:size]))


# The last word of a newspaper's or an agency's name ("... Today", "... Argus Leader").
_MASTHEAD_WORDS = ORGANISATION_WORDS | {
    "today", "leader", "star", "sun", "mirror", "express", "record", "register", "bulletin",
    "inquirer", "examiner", "standard", "review", "telegram", "dispatch", "sentinel", "monitor",
    "enquirer", "advertiser", "globe", "mail", "insider", "week", "report", "democrat",
    "republican", "citizen", "statesman", "argus", "beacon", "ledger", "mercury", "pioneer",
}


# The words that name a newspaper alone and are no one's surname, as "Post", "Star", "Sun" or
# "Press" are: after a name of two words, one of these is the paper's name run onto it.
_ONE_WORD_PAPERS = {"times", "tribune", "herald", "gazette", "journal", "courier", "telegraph", "chronicle",
                    "observer", "guardian", "ledger", "inquirer", "enquirer", "examiner", "dispatch",
                    "sentinel", "bulletin", "telegram", "advertiser", "newspaper", "magazine"}


def _masthead(text: str) -> bool:
    """A publication's name, told by its last word ("Harbour Gazette", "The Daily Star") or as
    an agency's: not just any capitalised words ("Harbour Lisbon")."""
    text = text.strip(" .")
    return bool(AGENCIES.get(text.casefold()) or re.fullmatch(_OUTLET_NAME, text)
                and text.split()[-1].casefold() in _MASTHEAD_WORDS and not set(text.casefold().split()) & ROLE_WORDS)


def names_with_outlet(line: Line) -> list[str]:
    """"Ann Lee Harbour Daily Star" / "Ann Lee and Tom J. Park Associated Press": the names of
    a byline block with the outlet on the same line and no comma between (the line break the
    page had is lost). The last name is taken as two words (three with an initial), and only
    when what follows is an agency or ends like a newspaper's name."""
    if line.words > 16 or "," in line.text:
        return []
    # ("Ann LeeHarbour Gazette": the two set apart where the break was lost too.)
    parts = re.split(r"\s+(?:and|And|AND|&)\s+", unglue(line.text.strip()).replace("; ", " "))
    words = parts[-1].split()
    size = 3 if len(words) > 3 and re.fullmatch(r"[A-Z]\.", words[1]) else 2
    rest = words[size:]
    if not 1 <= len(rest) <= 5 or not all(w[:1].isupper() or w in {"of", "&"} for w in rest):
        return []
    agency = AGENCIES.get(" ".join(rest).casefold())
    # (One word after two is no newspaper's name unless an agency's or a paper's own word:
    # "Harbor Ferries Ltd", "Bay Arts Council" sign as an organisation, and their first words
    # are no person; "Ann Lee Herald" is a writer and her paper.)
    if not agency and (len(rest) == 1 and rest[0].casefold() not in _ONE_WORD_PAPERS
                       or rest[-1].casefold() not in _MASTHEAD_WORDS
                       or {w.casefold() for w in rest} & (ROLE_WORDS | {"editorial"})):
        return []  # "Editorial Staff", "News Desk": a desk's credit, no outlet's name
    names = [*parts[:-1], " ".join(words[:size])]
    if not all(NAME_LINE.match(n) for n in names):
        return []
    people = [p for n in names for p in names_in(n)]
    return people if len(people) == len(names) else []


def byline_continuation(line: Line) -> list[str]:
    """"and Tom Park" on the line below a byline: the last author, put on a line of its own by a
    link or a line break."""
    match = (re.match(r"^(?:and|&)\s+(.+)$", line.text.strip(), re.I)
             # "(with Tom Park and Sue Ray)", "(avec Tom Park et Sue Ray)": co-authors in brackets
             or re.match(r"^\((?:with|avec|mit|con|com|met|med)\s+([^()]+)\)$", line.text.strip(), re.I))
    if not match or line.words > 12:
        return []
    names = clean_byline(re.sub(r"\s+(?:et|und|y|e|en|och|og)\s+", " and ", match.group(1)))
    if NAMES_LINE.match(names):
        return names_in(names)
    # "and Tom Park, Shipping Editor": the last author with a role of their own.
    return name_with_role(Line(raw=match.group(1), text=match.group(1)))[0]


# The buttons a page sets beside each writer's name: to follow them, their profile, their
# social accounts, their address. (Not "Photo": a name after it is a photo's credit.)
_NAME_BUTTON = re.compile(r"(?i:follow(?:ing)?|view\s+(?:orcid\s+)?profile|profile|orcid(?:\s+id)?|bio|"
                          r"twitter|x|facebook|instagram|linkedin|e-?mail|mail|contact|rss)")


# How many lines below a "By" alone its names are read over: a list of many writers, each a
# link set on a line of its own, with the joining words between ("Ann Lee," / "Tom Park," / ...).
BY_COLUMN_LINES = 40


def names_over_lines(lines: list[Line], limit: int = 7) -> tuple[list[str], int]:
    """The names below a "By" alone, one piece per line as a byline's links and their joining
    words come out ("Ann Lee" / "and" / "Tom Park", "Ann Lee," / "Tom Park" / "and Sue Ray"):
    the names, and how many lines they took. Stops at the first line that is not a name or
    a joining word, or after limit lines (more after an explicit "By": BY_COLUMN_LINES)."""
    names: list[str] = []
    count = taken = 0
    for line in lines[:limit]:
        text = line.text.strip()
        if line.heading == 1:
            break
        if re.fullmatch(r"(?:,|and|&|,\s*and)", text, re.I):
            count += 1
            continue
        # ("Ann Lee" / "Follow" / "Tom Park" / "Follow": a button beside each writer's name.)
        if names and _NAME_BUTTON.fullmatch(text):
            count += 1
            continue
        # ("Kofi Mensah and" / "Lina Berg": the joining word may end the line before the last.)
        match = re.fullmatch(rf"(?:(?:and|&)\s+)?({_NAME})\s*(?:,|,?\s+(?:and|&))?", text)
        # "Ann Lee" / "Harbour Health News": the outlet under the name is no second author.
        if match and {w.casefold() for w in text.split()} & ORGANISATION_WORDS:
            break
        people = names_in(match.group(1)) if match else []
        if not people:
            break
        names += [p for p in people if p not in names]
        count += 1
        taken = count  # a joining word with no name after it is not the byline's
    return names, taken


# The words that join a writer and an agency at a byline's end, in the languages bylines use
# ("and", "with"; "et", "avec"; "und", "mit"; "y", "con"; "e", "com"; "en", "met"; "med").
_AGENCY_JOINER = re.compile(r"\s+(?i:and|&|et|und|y|e|en|with|avec|mit|con|com|met|med)\s+(?:l['’]\s*)?")


def byline_with_organisation(line: Line) -> tuple[list[str], str | None]:
    """"A and B, The Associated Press" / "A, Reuters" / "A | Reuters" / "A – The Harbour
    Gazette" / "A (AP)": the people and the organisation."""
    # The organisation is after the last comma, bar or spaced dash, or in closing brackets.
    text = line.text.strip()
    separators = list(re.finditer(r",|\s[|•·–—-]\s|\s*\|\s*|\s*\((?=[^()]+\)\W*$)", text))
    # "Ann Lee and AFP", "Par Ann Lee avec l'AFP", "Von Ann Lee mit dpa": or after a joining
    # word, where an agency's copy helped the writer (an agency only: "Ann Lee and Tom Sun" is
    # two people, and a paper's name after "and" may be a second writer's).
    joined = [*_AGENCY_JOINER.finditer(text)][-1:]
    agency = AGENCIES.get(text[joined[0].end():].strip(" .").casefold()) if joined and line.words <= 20 else None
    if agency:
        head = re.sub(r"^(?:by|par|von|por)\s+", "", text[: joined[0].start()], flags=re.I)
        if re.fullmatch(rf"{_NAME}(?:(?:\s*,\s*|\s+(?:and|And|AND|&|et|und|y|e|en)\s+){_NAME})*", head):
            return names_in(head), agency
    if line.words > 20 or not separators:
        return [], None
    head, tail = text[: separators[-1].start()], text[separators[-1].end():].strip(" .)")
    agency = AGENCIES.get(tail.casefold())
    if not agency:
        # Or a publication by its name: "A, The Harbour Gazette" ("gazette", "times", "news" ...).
        words = tail.split()
        # (Or "The" and a newspaper's last word, "A | The Harbor Ledger": with "The" before it
        # the words are no co-author's, "Ann Lee, Tom Sun" is two people.)
        # (After a bar, a field of its own, "A | Harbor Ledger" names the paper as well.)
        # (So does a spaced dash, "A — Harbor Ledger": the same field between other rules.)
        barred = re.search(r"\||\s[–—-]\s", separators[-1].group(0)) is not None
        if (re.fullmatch(_OUTLET_NAME, tail) and 2 <= len(words) <= 5 and _plausible_outlet(tail)
                and (words[-1].casefold() in ORGANISATION_WORDS
                     or (words[0].casefold() == "the" or barred and _outlet_before_role(tail))
                     and words[-1].casefold() in _MASTHEAD_WORDS)):
            agency = _outlet(tail)
        else:
            return [], None
    head = re.sub(r"^(?:by|par|von|por)\s+", "", head.strip(), flags=re.I)
    if not re.fullmatch(rf"{_NAME}(?:(?:\s*,\s*|\s+(?:and|And|AND|&)\s+){_NAME})*", head):
        return [], None
    return names_in(head), agency


def author_links(line: Line) -> list[str]:
    """Markdown links to an author page ("[A](/author/a)"): the link text names the author."""
    names = []
    for text, target in line.links:
        if _AUTHOR_PATH.search(target):
            text = re.sub(r"^(?:by|par|von|por)\s+", "", text.strip(), flags=re.I)
            names += names_in(text)
    return names


def lone_author(line: Line) -> list[str]:
    """"By [Marlo](/author/marlo)": a one-word name (a pen name, a blogger's first name) is
    taken only when two signals give it as the writer: the "By" before it and the link to an
    author's page it is the text of."""
    match = _BY.search(line.text)
    if not match or line.words > 12 or match.start() > 0 and line.text[: match.start()].strip():
        return []
    word = clean_byline(match.group(1)).strip()
    # The second signal may be the byline's own date, right after the word and ending the
    # line ("by Marlo September 15, 2014"): a "By" line that is a word and a date is a byline.
    dated = re.fullmatch(rf"({_UPPER}{_LOWER}+)\s*[|·•,–—-]?\s*(.+?)\s*", match.group(1))
    if dated and any(form.fullmatch(dated.group(2)) for form in _WHOLE_DATES):
        word = dated.group(1)
    else:
        dated = None
    if not re.fullmatch(rf"{_UPPER}{_LOWER}+", word) or word.casefold() in (
            _NOT_NAME_WORDS | _OFFICE_WORDS | ORGANISATION_WORDS | ROLE_WORDS | _DESK_WORDS | _JOINING_WORDS
            | _CALENDAR_WORDS | _NEW_IN_OTHER_LANGUAGES):
        return []
    linked = any(text.strip() == word and _AUTHOR_PATH.search(target) for text, target in line.links)
    return [LoneName(word)] if linked or dated else []


# The accounts a blog platform or a CMS makes for no person, in English: no word of a
# person's name either, so html_signals reads one inside a display name too ("Admin Tomas").
ACCOUNT_WORDS = frozenset({
    "admin", "administrator", "webmaster", "root", "system", "user", "moderator", "support", "info",
    "blogger", "anonymous", "anon", "unknown",
})
# The accounts a blog platform or a forum makes for no person, or shows for a writer it does not
# name: the site's operator ("admin", "webmaster", "wpadmin", "root"), the platform's own
# ("wordpress", "blogger"), a moderator's, and a visitor's who gave no name ("anonymous",
# "unknown", "guest"), in the languages the rules read. Named by a byline row's login or a
# footer's one word, they sign every post of a site, and are no writer. (Those beyond
# ACCOUNT_WORDS may be a name's word, "Guest", "Press": read as a whole login only.)
_SYSTEM_ACCOUNTS = ACCOUNT_WORDS | {
    "administrador", "administrateur", "amministratore",
    "siteadmin", "sysadmin", "superadmin", "webadmin", "blogadmin", "wpadmin", "superuser", "sysop",
    "webmestre", "postmaster", "hostmaster", "username",
    "benutzer", "utilisateur", "usuario", "utente", "moderador", "modérateur",
    "moderatore", "mod", "mods", "wordpress", "wp", "blogspot", "tumblr", "owner",
    "default", "test", "demo", "nobody", "noreply", "publisher", "site",
    "anonym", "anonyme", "anónimo", "anonimo",
    "unbekannt", "inconnu", "desconocido", "sconosciuto", "guest", "gast", "invité", "invitado",
    "ospite", "visitor",
    # the accounts a site posts others' texts under: a guest's, a reader-reporter's, a press release's
    "guestpost", "guestauthor", "guestwriter", "guestblogger", "guestcontributor", "gastautor", "gastautorin",
    "gastbeitrag", "leserreporter", "leserreporterin", "leserbrief", "pressrelease", "pressreleases",
    "pressemitteilung", "presse", "press", "communiqué", "comunicado", "comunicato",
}


def _login_of_no_writer(word: str) -> bool:
    """A one-word login or name that no writer signs with: the page's buttons and desks, and
    the system's accounts however the platform spells them ("wp-admin", "admin2", "User_1")."""
    folded = word.casefold()
    return folded in _no_writer_words() or _LOGIN_DECORATION.sub("", folded) in _SYSTEM_ACCOUNTS


_LOGIN_DECORATION = re.compile(r"[\d_.-]+$|[_.-]")  # "admin2", "wp-admin", "User_1": the account's word


@cache
def _no_writer_words() -> frozenset:
    """The page's buttons, desks, roles and organisations' words, joined once (asked for each
    login a text offers; _DESK_WORDS is defined further down)."""
    return frozenset(_NOT_NAME_WORDS | _DESK_WORDS | ROLE_WORDS | ORGANISATION_WORDS)


# The label right before a blog's login in its post's byline row: "von", "by", "Autor", "posted by".
# (The spaces around its colon read one way only: two runs of spaces either side of no colon
# split a long run every way there is, 30 s for 80,000 spaces after "by" on a direct call.)
_LOGIN_LABEL = re.compile(r"(?:^|[\s|•·,])(?i:(?:posted\s+|written\s+)?by|von|par|por|door|av|af|di|"
                          r"autor(?:in)?|author|auteur|autore)\s*(?::\s*)?$")


def login_byline(line: Line) -> list[str]:
    """"Geschrieben am 02/09/2015 von [annlee01](/author/annlee01/)", "Autor [ann](/author/ann/)":
    a blog platform's byline row names the writer by their login, one word in any case, which
    names_in does not take for a name. Taken only when three signals agree: a writer's label
    right before it, a link to an author page, and that page's address ending in the login itself
    (a menu's "[Our team](/author/)" or a link "[Ann](/author/ann-lee/)" is another rule's), and
    the login is not the site's own name."""
    if line.words > 40:
        return []
    for text, target in line.links:
        word = text.strip()
        if not re.fullmatch(r"[^\W_][\w.-]{1,30}", word) or _login_of_no_writer(word):
            continue
        slug = re.search(r"/([^/?#\s]+)/?(?:[?#].*)?$", target)
        if not (slug and slug.group(1).casefold() == word.casefold() and _AUTHOR_PATH.search(target)):
            continue
        # (A login that the site's address holds is the site's house account, its brand:
        # "[Harbourhub](https://harbourhub.example/author/harbourhub)".)
        host = re.match(r"(?:https?:)?//([^/?#]+)", target)
        if host and word.casefold() in host.group(1).casefold():
            continue
        at = line.text.find(word)
        if at >= 0 and _LOGIN_LABEL.search(line.text[:at]):
            return [LoneName(word)]
    return []


# The date forms a whole "By" line may end with, and the words of a date that are no name.
_WHOLE_DATES = (FULL_DATE, _DOTTED_DATE, _YEAR_FIRST, _FOREIGN_DATE)
_CALENDAR_WORDS = set(WEEKDAYS.split("|")) | set(MONTHS)


# Anchored where a run of separators, and then a run of the address's own letters, begins,
# and the separators taken without backtracking: from inside a run the pattern would try every
# position to the run's end, and a long run with an "@" after it (40,000 letters) took 19 s.
# ("Ann Lee (ann@example.org)", "Ann Lee [ann@example.org]": in brackets too.)
_EMAIL_AFTER = re.compile(r"(?<![,\s|•·–—/-])[,\s|•·–—/-]*+[<(\[]?(?:mailto:)?(?<![\w.+])[\w.+-]+@[\w-]+(?:\.[\w-]+)+[>)\]]?")


def without_email(text: str) -> str:
    """The text without the e-mail address after a name ("Ann Lee <ann@example.org>")."""
    # Without an "@" nothing can match, and the pattern would try every position of a long run
    # of word characters to the run's end: 20,000 letters with no space took 3.4 s to parse.
    return _EMAIL_AFTER.sub("", text) if "@" in text else text


# "Staff writer Ann Lee", "Senior political correspondent Ann Lee": a writer's job before the
# name, in any case, ending on the trade's noun (a picture maker's is no writer's).
# ("Von Redakteurin Ann Lee", "Par la journaliste Ann Lee": the trade's noun in German, French,
# Spanish, Italian and Portuguese too, with the article those set before it.)
_JOB_BEFORE_NAME = re.compile(rf"^(?:(?i:{'|'.join(sorted(ROLE_WORDS))})\s+)*(?i:(?:la|le|el|il|a|o)\s+)?"
                              r"(?i:writer|reporter|correspondent|editor|columnist|journalist|contributor|author|"
                              r"redakteur(?:in)?|korrespondent(?:in)?|reporterin|journaliste|rédact(?:eur|rice)|"
                              r"correspondante?|periodista|redactor(?:a)?|corresponsal|giornalista|inviat[oa]|"
                              r"jornalista|correspondente)\s+"
                              rf"(?={_UPPER})")


def is_name_line(line: Line, in_block: bool = False) -> bool:
    """Names alone on a line ("Ann Lee", "Ann Lee and Tom Park", "Ann Lee, @annlee").
    in_block: the line may be a list item or a minor heading, as converters write the items of
    a byline block ("* Ann Lee" / "* October 28, 2024", "#### Ann Lee")."""
    # "Ann Lee (@annlee)", "Ann Lee — @annlee", "Ann Lee | @annlee": the handle and its separator go.
    # So does an e-mail address: "Ann Lee, ann@example.org", "Ann Lee <ann@example.org>".
    text = unglue_names(without_email(_PROFILE_ADDRESS.sub("", line.text)))
    text = re.sub(r"[,\s]*\(?@\w+\)?", "", text).strip(" ,|•·–—/-")
    if " al" in text:  # ("Ann Lee et al.": a paper's writers, the first named)
        text = _ET_AL.sub("", text)
    form_ok = (not line.heading and not line.item) or in_block and line.heading != 1
    # ("Staff Photographer Tom Park": a picture maker named by the job first credits the pictures.)
    if picture_role(text):
        return False
    # ("Staff writer Ann Lee": the job in sentence case, which names_in takes off as it does
    # "Staff Writer", has no name's shape.)
    shape = _JOB_BEFORE_NAME.sub("", text, count=1)
    # A glued word ("OrtizAnn Lee") is a run of names that lost its separators: not one line.
    return (form_ok and 2 <= line.words <= 12 and unglue(text) == text
            and bool(NAMES_LINE.match(shape)) and bool(names_in(text))
            # ("New York, Los Angeles, San Diego": a list of places has a list of names' shape.)
            and not (text.count(",") >= 2 and sum(map(_place_name, text.split(","))) >= 2))


_ABOUT_AUTHOR = re.compile(
    r"^(?:about the (?:authors?|writers?|reporters?)|"
    r"über (?:den|die) autor(?:in|en)?|(?:à|a) propos de l'?(?:auteure?|autrice)|sobre (?:el|la|o|a) autora?|"
    r"sull'autore|over de (?:auteur|schrijver))\s*:?$",
    re.I,
)


# The heading of a box about someone else who made the story, below it ("About the
# photographer", "About our translator"): the name and the bio under it are not the writer's.
_ABOUT_ANOTHER = re.compile(
    r"^about (?:the|our|this) (?:photographer|photojournalist|illustrator|artist|editor|translator|producer|"
    r"designer|videographer|cartographer|narrator|host|guest|interviewee)s?\s*:?$", re.I)


def about_another_maker(line: Line) -> bool:
    return line.words <= 5 and bool(_ABOUT_ANOTHER.match(line.text.strip(" *#")))


def is_about_author(line: Line) -> bool:
    """The heading of an author box below the story: "About the author", "Über den Autor"."""
    return line.words <= 6 and bool(_ABOUT_AUTHOR.match(line.text.strip(" *#")))


def cjk_name_line(line: Line) -> list[str]:
    """A Chinese or Japanese name alone on a line ("山田太郎", "山田 太郎"): two to four Han
    characters, a family and a given name (kana and Latin letters make a category or a word)."""
    text = line.text.strip()
    if line.heading or line.item or not re.fullmatch(r"[\u4e00-\u9fff]{1,3}\s?[\u4e00-\u9fff]{1,3}", text):
        return []
    name = text.replace(" ", "")
    # The labels of a byline block and the names of sections are written in the same
    # characters: "公開日" (published on), "来源", "商品情報" are not names.
    if _CJK_NOT_NAME.search(name):
        return []
    return [text] if 2 <= len(name) <= 4 else []


# Short words a Chinese or Japanese story puts in brackets at its end that are not names.
_CJK_NOT_NAMES_BRACKETED = {"全文", "本文", "原文", "完了", "待续", "待續", "未完", "编辑部", "編集部", "編輯部", "本报", "本報"}


_POSTED_BY = re.compile(rf"^(?i:(?:this\s+(?:entry|post|article|story)\s+was\s+)?posted)"
                        rf"(?:\s+(?i:in|on|under|at)\s+[^.|]*?)?\s+(?i:by)\s+({_NAME})")


_POSTED_BY_ONE_WORD = re.compile(rf"(?i:posted\s+by)\s+({_UPPER}{_LOWER}+)\s+(?i:at)\s+\d{{1,2}}[:.]\d\d"
                                 r"(?:\s*(?i:[ap]\.?m\.?))?(?:\s+[A-Z]{2,4})?")


# A blogger's own introduction in the story: "my name is Ann Lee", "I'm Ann Lee". (Not after
# an opening quote mark: someone quoted saying it is not the writer.)
_SELF_INTRODUCTION = re.compile(rf"(?<![“\"‘'])\b(?i:my name is|I'm|I am)\s+({_NAME})")


def introduced_writer(line: Line) -> list[str]:
    """The writer who introduces themselves in a paragraph, if one does (and is not quoted)."""
    match = _SELF_INTRODUCTION.search(line.text)
    if not match or re.search(r"[“\"]", line.text[: match.start()]):
        return []
    return names_in(clean_byline(match.group(1)))


def posted_by(line: Line) -> list[str]:
    """"This entry was posted in Ports by Ann Lee.", "Posted by Ann Lee on March 3, 2019 in
    Ports | 3 Comments": a blog's footer below the story, which may run long with its
    categories and tags."""
    match = _POSTED_BY.match(line.text.strip())
    names = names_in(clean_byline(match.group(1))) if match and line.words <= 40 else []
    # "posted by Lee at 9:41": a blog platform's footer may name the writer by one word, a
    # surname or a pen name; the footer's own shape, its label and the time after the word, is
    # the second signal that it is a person's.
    one = None if names else _POSTED_BY_ONE_WORD.fullmatch(line.text.strip())
    # ("Posted by Anonymous at 9:41 PM", "Posted by Unknown at ...": the platform's word for a
    # writer it does not name.)
    if one and not _login_of_no_writer(one.group(1)):
        return [LoneName(one.group(1))]
    return names


def sign_off(line: Line) -> list[str]:
    """"— Ann Lee": a columnist's sign-off below the story. "（山田太郎）": a Japanese or Chinese
    paper's, the reporters' names in brackets."""
    bracketed = re.fullmatch(r"[（(]\s*([\u4e00-\u9fff]{2,4}(?:\s*[、・,，]\s*[\u4e00-\u9fff]{2,4}){0,3})\s*[）)]",
                             line.text.strip())
    if bracketed:
        names = _cjk_names(bracketed.group(1))
        # (Every one a name: "（全文）" (the full text) and "（编辑部）" (the desk) are not.)
        return names if all(cjk_name_line(Line(raw=n, text=n)) and n not in _CJK_NOT_NAMES_BRACKETED
                            for n in names) else []
    # ("~ Ann Lee" signs the same.)
    return _signed_names(re.match(r"^(?:[—–~]|--?)\s*(.+)$", line.text.strip()), line)


def story_sign_off(line: Line) -> bool:
    """The story's own sign-off, in a shape no entry of a list of other stories takes: "— Ann
    Lee", a wire's "(Reporting by Ann Lee; Editing by Tom Park)"."""
    text = line.text.lstrip()
    return text[:1] in "—–~-([" and bool(_WIRE_CREDITS.match(text) or sign_off(line))


def bracketed_sign_off(line: Line) -> list[str]:
    """"(Ann Lee)", "(Ann Lee, Harbour Gazette)": a sign-off in brackets, as papers close a
    contributed piece (to be read only right below the story's prose: a transcript's or a
    song's notes in brackets are name-shaped too). A credit in brackets, "(Tom Park/Reuters)",
    "(Photo: Tom Park)", is not a list of names."""
    return _signed_names(re.fullmatch(r"\(\s*([^()]+?)\s*\)", line.text.strip()), line)


def _signed_names(match: re.Match | None, line: Line) -> list[str]:
    if not match or line.words > 6:
        return []
    # "— Ann Lee, Lisbon": where the columnist signs from may follow the name; "— Captain Ann
    # Lee", an official's sign-off, gives the writer by name.
    names = without_offices(re.sub(rf",\s*{_UPPER}[\w'’.-]*(?:\s+{_UPPER}[\w'’.-]*)?$", "", match.group(1).strip()))
    return names_in(names) if count_words(names) <= 12 and NAMES_LINE.match(names) else []


# Role words that alone on a line are a section of a site's menu more often than a role.
_SECTION_ROLE_WORDS = {"news", "opinion", "desk", "team", "newsroom", "bureau", "national", "foreign",
                       "political", "special", "senior", "deputy", "managing", "associate", "contributing",
                       "guest", "agencies", "chief"}


# The roles of who made a story's pictures (or put its words into another language), not its words.
_PICTURE_ROLE = re.compile(r"^(?:staff\s+|senior\s+|chief\s+|contributing\s+|freelance\s+)?"
                           r"(?:photographer|photojournalist|videographer|illustrator|photo\s+editor|"
                           # (and of its video and its graphics: "Video Producer", "Graphics Editor")
                           r"video\s+(?:producer|editor)|graphics?\s+(?:producer|editor)|(?:graphic\s+)?designer|"
                           r"cartographer|animator|translator)\b"
                           # ("Photographer: Tom Park" is a credit line with its own name, no role
                           # beside the name above it.)
                           r"(?!\s*:)", re.I)


# The years of a life under a name, as an obituary or a profile sets them: "1941 - 2024",
# "(1941–2024)", "March 3, 1941 – May 5, 2024", "Born 1941".
_LIFE_DAY = rf"(?:{_MONTH}\.?\s+{_DAY},?\s+|{_DAY}\s+{_MONTH}\.?\s+)?"
_LIFE_SPAN = re.compile(rf"^\(?(?:{_LIFE_DAY}(?:1[89]|20)\d\d\s*[-–—]\s*{_LIFE_DAY}(?:1[89]|20)\d\d|"
                        rf"(?i:born|b\.)\s+{_LIFE_DAY}(?:1[89]|20)\d\d)\)?$")


# Or the age a profile gives, alone or after what the person does: "Age 54", "Aged 54", "Ferry
# captain, 54". (A byline's role never ends on a number of one to three digits.)
_AGE = re.compile(r"^(?:(?i:age[d:]?)\s*\d{1,3}|[^\W\d_][^,\d]{0,40},\s*\d{1,3})\.?$")


def life_span(line: Line) -> bool:
    """The line is the years of someone's life, or their age: the name above it is the story's
    subject. (Not two days of one year, "May 5, 2024 – May 6, 2024": a story's published and
    updated days, or an event's.)"""
    if line.words > 10:
        return False
    text = line.text.strip()
    if _LIFE_SPAN.match(text):
        years = re.findall(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)", text)
        return not (len(years) == 2 and years[0] == years[1] and re.search(r"[^\W\d_]", text))
    return bool(_AGE.match(text))


_CREDIT_LABEL = re.compile(r"^\W{0,3}((?:[^\W\d_][\w'’-]*\s+){0,2}[^\W\d_][\w'’-]*)"
                           r"(?:\s+(?i:by|credits?|courtesy(?:\s+of)?)\s*[:：]?|\s*[:：])\W{0,3}$")


def credit_label(line: Line) -> bool:
    """"Photographs by:", "Illustration:", "Reviewed by", "Tested by:", "Photo credit": the label of someone
    credited for something other than the writing, alone on its line, the name under it."""
    match = _CREDIT_LABEL.match(line.text.strip()) if line.words <= 4 else None
    label = re.sub(r"\s+(?i:by|credits?|courtesy(?:\s+of)?)$", "", match.group(1)) if match else ""
    return bool(label) and bool(_CREDITED.search(label)) and not _AUTHOR_TOO.search(label)


def picture_role(text: str) -> bool:
    """"Staff Photographer", "Photojournalist, The Harbor Ledger": a picture maker's role."""
    return bool(_PICTURE_ROLE.match(text.strip(" ,|•·–—-/")))


def with_picture_role(text: str) -> bool:
    """"Tom Park, Staff Photographer", "Tom Park / Photographer": a name and that role."""
    parts = re.split(r"\s*[,|/•·–—]\s*|\s+-\s+", text.strip(), maxsplit=1)
    return len(parts) == 2 and picture_role(parts[1])


def is_author_marker(line: Line) -> bool:
    """What stands beside a name on its own line in a byline block: "Author", "Updated:",
    "Follow", a role, a date."""
    text = line.text.strip(" :|+")
    if re.fullmatch(r"(?:author|authors|updated|published|posted|contributor)", text, re.I):
        return True
    if is_contact_marker(line):
        return True
    # A role line: "Games Editor", "Senior reporter", "Staff Writer", and with the outlet after
    # a comma: "Senior Politics Editor, The Harbour Gazette".
    # (A role word alone must name a person's job: "News", "Opinion" or "Team" alone is a
    # menu's section, and the item beside it in the menu is another section, "Harbor Life".)
    # ("Entertainment News", "Harbor News": a section's or an outlet's name, whatever the words
    # before "News"; no one's job is "news".)
    words = text.split(",", 1)[0].casefold().split()
    if 1 <= len(words) <= 4 and words[-1] in ROLE_WORDS and line.words <= 10 \
            and (len(words) > 1 or words[0] not in _SECTION_ROLE_WORDS) \
            and not (words[-1] == "news" and not set(words) & _PERSON_ROLES):
        return True
    if re.fullmatch(r"\d+\s*(?:h|m|min|mins|hours?|minutes?|days?)\s+ago", text, re.I):
        return True
    if _READING_TIME.match(text):
        return True
    return is_stamp(line) or (line.words <= 16 and bool(full_dates(text)))


def is_contact_marker(line: Line) -> bool:
    """The contact lines of a byline block, which follow the name they belong to: "Follow", a
    handle, an address, "More by", "View all posts", "View profile" (not "Profile" alone: a
    kind of story, as a kicker names it)."""
    text = line.text.strip(" :|+")
    return line.words <= 8 and bool(re.fullmatch(
        r"follow|(?:follow\s+)?@\w+|\S+@\S+\.\w+|(?:more (?:by|from)|(?:view )?(?:all|more) (?:posts|articles|stories)|"
        r"all (?:posts|articles|stories) by|view (?:full |author )?profile|author profile)\b.*", text, re.I))


# A press release's or a notice's contact block ("Media contact:", "Press enquiries", "For more
# information:"): the names under it are whom to call, not who wrote the story.
_CONTACT_HEADING = re.compile(
    r"^(?:(?:media|press|news|public)\s+(?:contacts?|enquiries|inquiries|relations)|contacts?|enquiries|inquiries|"
    r"for (?:more|further) information(?:,? (?:please )?contact)?)\s*:?$", re.I)


def is_contact_heading(line: Line) -> bool:
    return line.words <= 6 and bool(_CONTACT_HEADING.match(line.text.strip(" *#")))


_STAMP_TAIL = re.compile(
    r"^(?:\d+\s*(?:min(?:ute)?s?|hours?|hrs?|h|days?|d)\s*(?:read|ago)?|updated\b.*|\d+\s+comments?)$", re.I)


# "Ann Lee 3 hours ago", "Ann Lee, a day ago": a name and how long ago the page went up, with no
# bar between (a copy of a byline row loses the row's separators; the words "ago" closes tell it).
_NAME_THEN_AGO = re.compile(r"(.+?)(?:\s*,\s*|\s+)(?:\d+\s*(?:min(?:ute)?s?|hours?|hrs?|h|days?|d|weeks?)|"
                            r"an?\s+(?:minute|hour|day|week))\s+ago", re.I)


_NAME_MONTH_DAY = re.compile(
    rf"^(.+?)\s*(?:[,|•·/–—-]\s*|\s+)(?:on\s+)?(?:(?i:{WEEKDAYS}|mon|tue|wed|thu|fri|sat|sun)[.,]?\s+)?"
    rf"{_MONTH}\.?\s?{_DAY}(?:{_TIME})?(?:\s*[|•·]\s*\d+\s*min(?:ute)?s?\s+read)?\s*$")
_MONTH_WORD = re.compile(rf"\b{_MONTH}\b")
# A weekday, whole or shortened as bylines write it ("Sunday", "Sun", "Tues").
_WEEKDAY_WORD = rf"(?i:{WEEKDAYS}|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)"
_WEEKDAY_START = re.compile(rf"^{_WEEKDAY_WORD}\b[.,]?")


# "Sep 22, 7:48 AM PDT", "Sunday, March 3": a stamp of this year's day, set without the year,
# alone on its line (with its time, its weekday).
_DAY_WITHOUT_YEAR = re.compile(rf"(?:{_WEEKDAY_WORD}[.,]?\s+)?{_MONTH}\.?\s?{_DAY}(?:{_TIME}(?:\s+[A-Z]{{2,4}})?)?")


def day_without_year(line: Line) -> bool:
    """A line that is a day of this year and nothing else: a stamp, never a headline."""
    return line.words <= 8 and bool(_DAY_WITHOUT_YEAR.fullmatch(line.text.strip(" .|•·")))


# The field between a byline's names and its date that is no name: the stamp's word ("Ann Lee |
# Published March 3"), the weekday ("Ann Lee | Sunday, March 3"), or both, after a bar or a dash.
# (Anchored at the end of the words before the date: read once a line.)
_FIELD_BEFORE_DATE = re.compile(
    rf"\s*[|•·–—/-]\s*(?:(?:(?i:{_PUBLISHED_WORDS}|last\s+updated|updated)|(?i:on|am|le|el))\s*:?\s*)*"
    rf"(?:{_WEEKDAY_WORD}[.,]?\s*)?$")


# A date that opens a line in a form FULL_DATE does not take, and the time after it.
_DATE_FIRST_WITH_TIME = re.compile(
    rf"^(?:{_DOTTED_DATE.pattern}|{_YEAR_FIRST.pattern}日?|{_FOREIGN_DATE.pattern})"
    r"(?:[,\s]+(?:um\s+|at\s+|à\s+)?\d{1,2}[:.h]\d\d(?:\s*(?i:uhr|h|[ap]\.?m\.?))?)?")


_STAMP_RUN_ON = re.compile(rf"\s+(?:(?i:{_PUBLISHED_WORDS}|last\s+updated|updated)\s*:?\s*)"
                           r"(?:\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)?\s*$", re.I)


# A place's name of capitalised words joined by a small word of its language ("Alcalá de
# Henares", "Mülheim an der Ruhr", "Stratford upon Avon"), in a byline's field of its own
# between the name and the date. (A writer of such a name there, "Ana de Armas", the second
# of two, is lost as the place would be.)
_PLACE_WITH_PARTICLE = re.compile(rf"{_UPPER}{_LOWER}+(?:\s+(?:de|de la|del|di|da|do|dos|am|an der|sur|upon)\s+"
                                  rf"{_UPPER}{_LOWER}+)+")


def name_with_date(line: Line, then_anything: bool = False) -> list[str]:
    """"Ann Lee, October 28, 2024" / "Ann Lee | 28 Oct 2024" / "Ann Lee · 5 min read" / "Ann
    Lee @annlee / 2 days": a name and the page's stamp, one line. then_anything: the line is
    known to be the byline's place (right under the headline), so the categories and comment
    counts that may follow the date ("Ann Lee 27/09/2018 Comment! Ports, Ships") do not matter."""
    if line.words > (20 if then_anything else 14) or stamped_writer(line.text):
        return []  # (a post's stamp, "Von Marlo am 03.05.2013", is stamped_writer's: its "Von" is the label)
    text = re.sub(r"[,\s]*@\w+", "", _PROFILE_ADDRESS.sub("", line.text.strip()))  # a handle or a profile's address
    text = re.sub(r"\s*[|•·]\s*(?=[|•·])", "", text)  # ("Ann Lee | @annlee | Updated": its bar too)
    parts = re.split(r"\s*[|•·]\s*|\s+[–—/-]\s+", text, maxsplit=1)
    # (Two or more writers as well as one: "Ann Lee and Tom Park | October 28, 2024".)
    # ("Ann Lee · Follow": a blog platform's follow button beside the name marks it as well.)
    # ("Ann Lee · Yesterday": the day in a word, as a byline row gives a recent page's.)
    if len(parts) == 2 and (_STAMP_TAIL.match(parts[1])
                            or re.fullmatch(r"(?i:follow(?:ing)?|subscribe|yesterday|today|just\s+now)", parts[1])) \
            and NAMES_LINE.match(parts[0]):
        return names_in(parts[0])
    if (ago := _NAME_THEN_AGO.fullmatch(text)) and NAMES_LINE.match(ago.group(1)):
        return names_in(ago.group(1))
    dates = full_dates(line.text)
    if not dates:
        # "Ann Lee · Mar 3", "Ann Lee | March 3, 10:00 AM": a date of this year, set without it,
        # ending the line after a separator.
        this_year = _NAME_MONTH_DAY.match(text) if _MONTH_WORD.search(text) else None
        return names_in(this_year.group(1)) if this_year and NAMES_LINE.match(this_year.group(1)) else []
    if dates[0][0] and not re.search(r"[\s,|•·/–—(-]$", line.text[: dates[0][0]]):
        return []  # "Yahoo FinanceOctober 13": a date glued to a brand, not a name
    # ("ANN LEE (@annlee) March 3, 2019": the handle in brackets, brackets and all; but "— Tom
    # Park (@tompark) March 3, 2019" closes an embedded post, and signs no story.)
    if _SOCIAL_ECHO.match(line.text.strip()):
        return []
    name = re.sub(r"[,\s]*\(?@\w+\)?", "", _PROFILE_ADDRESS.sub("", line.text[: dates[0][0]])).strip(" ,|•·-–—/(")  # "Ann Lee @annlee Oct 28"
    # "Ann Lee on March 3, 2019", "Ann Lee am 3. März 2019": the word that leads into the date.
    name = re.sub(r"\s+(?:on|am|le|el|il|op|em)$", "", _SHORT_WEEKDAY_END.sub("", name))
    # "Ann Lee | Published March 3, 2019", "Ann Lee | Sunday, March 3, 2019": the stamp's own
    # word or the date's weekday stands in a field of its own after the bar; the bar goes too.
    name = _FIELD_BEFORE_DATE.sub("", name).strip(" ,|•·-–—/(")
    # "Ann Lee, Harbour Gazette Published 10:00 a.m. ET March 3, 2019": or with no bar, the
    # stamp's word and its time run onto the names (a converter joined the byline's spans).
    name = _STAMP_RUN_ON.sub("", name).strip(" ,|•·-–—/(")
    if not _WEEKDAY_START.sub("", name).strip(" ,"):
        name = ""  # ("Sun, Mar 3, 2019 | Ann Lee": only the weekday before the date, the names after it)
    # "Ann Lee / 10:00 AM EST • March 3, 2019": the time set before the date, a field of its own.
    # ("Ann Lee, HARBOUR GAZETTE 11:08 a.m. PST March 3, 2019": or with no bar, when the half of
    # the day marks it as a time.)
    name = re.sub(r"\s*[|•·/–—-]\s*\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?$"
                  r"|\s+\d{1,2}[:.]\d\d\s*[ap]\.?m\.?(?:\s*[A-Z]{2,4})?$", "", name, flags=re.I)
    # "Ann Lee | Harbour Gazette | March 3, 2019": the outlet, named like one, between the name
    # and the date; or by its letters ("Ann Lee / HNS / Updated: ...", "Ann Lee, HNS | March
    # 3", as news services in capitals sign their writers' copy); or the place the writer
    # filed from ("Ann Lee | Mexico City | March 3": one word is a field byline_fields reads).
    first, *rest = re.split(r"\s*[|•·]\s*|\s+[–—/-]\s+|,\s*(?=[A-Z]{2,5}$)", name)
    if len(rest) == 1 and (_masthead(rest[0]) or re.fullmatch(r"[A-Z]{2,5}", rest[0])
                           or _place_name(rest[0]) and NAME_LINE.match(rest[0])
                           or _PLACE_WITH_PARTICLE.fullmatch(rest[0])):
        name = first
    # ("Ann Lee, Reuters | March 3, 2019": or an agency by its name after a comma.)
    head, comma, agency = name.rpartition(",")
    if comma and agency.strip().casefold() in AGENCIES:
        name = head.strip()
    if not name:  # "18/03/2019 | Ann Lee": the date first
        name = FULL_DATE.sub("", line.text).strip(" ,|•·-–—/")
        # ("03.03.2019 10:00 Uhr Ann Lee", "2019/03/03 Ann Lee": or written day first with dots,
        # or year first, each with its time; FULL_DATE's forms take their time with them.)
        if name == line.text.strip(" ,|•·-–—/"):
            name = _DATE_FIRST_WITH_TIME.sub("", name).strip(" ,|•·-–—/")
        # ("Sun, Mar 3, 2019 | Ann Lee": the date's weekday before it.)
        name = _WEEKDAY_START.sub("", name).strip(" ,|•·-–—/")
        # "2019年3月3日 山田太郎": a Chinese or Japanese name after the date written their way.
        cjk = cjk_name_line(Line(raw=name, text=re.sub(rf"^{_YEAR_FIRST.pattern}日?\s*", "", name)))
        if cjk:
            return cjk
        # "18/03/2019 | Ann Lee | 3 Comments": a stamp may follow the name, after a bar, a dot
        # or a slash with spaces ("March 3, 2019 / Ann Lee / 5 Comments").
        first, *rest = re.split(r"\s*[|•·]\s*|\s+/\s+", name)
        if rest and all(_STAMP_TAIL.match(part) for part in rest):
            name = first
        # "October 28, 2024 | Ann Lee | Harbour Gazette": or the outlet, named like one.
        elif len(rest) == 1 and _masthead(rest[0]):
            name = first
        # "18/03/2019 | Ann Lee, Senior Reporter": the writer's role may close the line.
        name = _ROLE_TAIL.sub("", name).strip(" ,|•·-–—/") if "," in name else name
        return names_in(name) if NAMES_LINE.match(name) else []
    after = FULL_DATE.sub("", line.text[dates[0][0]:])
    # "Ann Lee on March 3, 2019 at 4:47 pm said:": a reader's comment opens so, its writer's
    # name and when they posted it; the verb of speech after the date tells it from a byline.
    if _COMMENT_HEADER_END.search(after):
        return []
    # Only a time or a stamp may follow the date; a caption goes on with words.
    if len(re.findall(r"[A-Za-z]{3,}", after)) > 3 and not then_anything:
        return []
    # "山田太郎 | 2016年11月28日": a Chinese or Japanese name, told by its shape alone.
    if cjk := cjk_name_line(Line(raw=name, text=name)):
        return cjk
    # "San Diego, March 3, 2024": a dateline, the place and its comma before the date, names
    # no one (a place's word alone is no place: "Rio Tanaka | March 3, 2024" is a writer's).
    if dateline_place(name) and line.text[: dates[0][0]].rstrip().endswith(","):
        return []
    return names_in(name) if NAMES_LINE.match(name) else []


# The verb that closes a comment's header line ("... on March 3, 2019 at 4:47 pm said:").
_COMMENT_HEADER_END = re.compile(r"\b(?i:said|says|wrote|writes|replied|replies|commented)\s*:?\s*$")


# A time of day apart from a date's numbers ("um 08:15", "2:26 PM", "20.15 Uhr"; not the "11.03"
# of "11.03.2009", nor the "12.05" of "2012.05.17").
_CLOCK_TIME = re.compile(r"(?<![\d.:/])\d{1,2}[:.]\d\d(?![\d.:/])")


def shows_clock_time(text: str) -> bool:
    return bool(_CLOCK_TIME.search(text))


# The fields of a byline line, set apart by bars, dots, slashes or spaced dashes.
_BYLINE_FIELDS = re.compile(r"\s+[|•·/–—-]\s+|\s*[|•·]\s*")
_CLOCK = re.compile(r"(?:at\s+)?\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?", re.I)
_THIS_YEARS_DAY = re.compile(rf"(?:(?i:{WEEKDAYS}|mon|tue|wed|thu|fri|sat|sun)[.,]?\s+)?{_MONTH}\.?\s?{_DAY}(?:{_TIME})?")


def byline_fields(line: Line) -> list[str]:
    """"Ann Lee | Ports | March 3, 2019", "March 3, 2019 • Ann Lee • Staff Writer", "Ann Lee ·
    5 min read · Harbor Ledger": a byline line of fields in any order, one of them the names,
    one a date, a time, a reading time, a stamp, a role or the outlet, and the others more of
    those or a one-word section. (Any other field, or a second field of names, and the line is
    not read: a list of teasers or tags has fields too, but not this mix.) Callers read it only
    in the byline's place, right under the headline."""
    if line.words > 20 or not _BYLINE_FIELDS.search(line.text):
        return []
    fields = [f.strip() for f in _BYLINE_FIELDS.split(line.text.strip()) if f.strip()]
    if not 2 <= len(fields) <= 5:
        return []
    names: list[str] = []
    marked = False
    for text in fields:
        if picture_role(text):
            return []  # (a photographer's credit)
        if (_STAMP_TAIL.match(text) or _READING_TIME.match(text)
                or _THIS_YEARS_DAY.fullmatch(text) or full_dates(text) and count_words(text) <= 8):
            marked = True
        elif _CLOCK.fullmatch(text):
            continue  # a time, beside a date or a stamp (alone it is too weak a sign: any hour)
        elif text.split()[-1].casefold().strip(".,") in ROLE_WORDS | _PERSON_ROLES and count_words(text) <= 4 \
                or _masthead(text):
            marked = True  # a role, the outlet: a byline's as well
        elif re.fullmatch(rf"{_UPPER}{_LOWER}+", text):
            continue  # a one-word section, beside a byline's other fields
        elif not names and NAMES_LINE.match(text) and (found := names_in(text)):
            names = found
        else:
            return []
    return names if marked else []


# The degrees and licences a health or science writer signs with ("Ann Lee, MD, MPH").
_DEGREE = (r"(?:M\.?D|Ph\.?D|MPH|RN|BSN|MSN|DO|MBA|MSc|MS|MA|BSc|BA|JD|RD|LDN|LD|CDE|CDCES|DDS|DMD|DVM|"
           r"PharmD|FACP|FACS|FRCP|LCSW|NP|PA-C|PsyD|EdD|CFA|CFP|MFA)\.?")
_NAME_WITH_DEGREES = re.compile(rf"(.+?)((?:\s*,\s*{_DEGREE})+)")
# The same degrees, and honours, after a name with no comma ("Ann Lee PhD", "Ann Lee MBE", "Tom
# Park QC"): no part of the name, as after a comma ("Ann Lee, PhD" is "Ann Lee"). As written, in
# capitals ("Ann Lee Ma", a name in capitals made title case, keeps its surname). (A title before
# the name, "Dr Ann Lee", is kept as the byline writes it, as normalise and the truth keep it.)
_LETTERS_AFTER_NAME = re.compile(rf"{_DEGREE}|(?:[MOCKD]BE|QC|KC|MP|MSP|MEP|FRS|DPhil)\.?")


def name_with_degrees(line: Line) -> list[str]:
    """"Ann Lee, MD, MPH", "Ann Lee, RD, LDN": a name and the writer's degrees after commas, two
    or more (one alone, "Ann Lee, MD", name_and_outlet reads). Callers take it only in a
    byline's place."""
    match = _NAME_WITH_DEGREES.fullmatch(line.text.strip())
    if not match or match.group(2).count(",") < 2 or not NAME_LINE.match(match.group(1)):
        return []
    return names_in(match.group(1))


def name_and_outlet(line: Line) -> list[str]:
    """"ANN LEE, HARBOUR GAZETTE" / "Ann Lee, Gazette": a name, a comma and a short name of
    something capitalised (the outlet, or the writer's town). Only a byline's place makes it
    a byline: callers take it beside a date or a stamp, or right under the headline."""
    head, comma, tail = line.text.strip().rpartition(",")
    # ("Ann Lee of the Harbour Gazette": "of" says whose writer too; "for" would not do, as a
    # photographer is credited "Tom Park for The Gazette".)
    of = re.fullmatch(r"(.+?)\s+of\s+((?:[Tt]he\s+)?[A-Z].*)", line.text.strip())
    if not comma and of:
        head, comma, tail = of.group(1), ",", of.group(2)
    tail = tail.strip(" .")
    # "Ann Lee, for The Harbour Gazette": a freelance's credit, when what follows "for" is named
    # like a publication (a comma before "for": a photographer's is "Tom Park for The Gazette").
    # ("Ann Lee, special to the Harbour Gazette": the same, as US papers credit a freelance.)
    freelance = re.match(r"(?:for|(?i:special)\s+to)\s+", tail)
    if freelance:
        tail = tail[freelance.end():].strip() if _masthead(tail[freelance.end():]) else ""
    if not comma or line.words > 10 or not NAME_LINE.match(head.strip()):
        return []
    if not (1 <= len(tail.split()) <= 4 and re.fullmatch(_OUTLET_NAME, tail) and _plausible_outlet(tail)):
        return []
    return names_in(head)


# What the far side of a slash says when the line credits a picture, not a story.
_PICTURE_SOURCE = re.compile(
    r"\b(?:photos?|photograph(?:y|er)?|pictures?|images?|getty|shutterstock|istock(?:photo)?|alamy|"
    r"file|handout|pool|courtesy|via|afp|ap|epa|reuters|dpa|anp|ansa|xinhua|kyodo|efe|sipa|abaca)\b", re.I)


def name_slash_outlet(line: Line) -> list[str]:
    """"Ann Lee / Harbour Gazette", "ANN LEE AND TOM PARK/Daily Star": names, a slash and who
    they write for. A photo credit has the same shape, so this is only asked of a line in a
    byline's place, and the far side may not name a picture agency or say "photo"."""
    # (The slashes of a date, "18/03/2019", are not the credit's.)
    parts = re.split(r"(?<!\d)/(?!\d)", line.text.strip(), maxsplit=1)
    if len(parts) < 2:
        return []
    head, tail = parts
    # "Ann Lee / Harbour Gazette, April 19, 2020": the stamp after the outlet goes, and so do
    # the writer's handle ("/ Harbour Gazette, @annlee") and a slash ending the credit.
    dates = full_dates(tail)
    tail = re.sub(r"[,\s]*@\s?\w+.*$", "", tail[: dates[0][0]] if dates else tail)
    head, tail = head.strip(), tail.strip(" .,|•·-–—/")
    # "18/03/2019 | Ann Lee / Harbour Gazette": a stamp may open the line, set apart by a bar.
    head = re.sub(r"^[^|•·]*\d[^|•·]*\s*[|•·]\s*", "", head) if full_dates(head) else head
    if line.words > 14 or not NAMES_LINE.match(head) or _PICTURE_SOURCE.search(tail):
        return []
    # "Ann Lee / Tom Park / Sue Ray": more writers, each after a slash of its own.
    # ("Ann Lee / Tom Park / Harbour Gazette": the outlet after the last.)
    more = re.split(r"\s*/\s*", tail)
    if len(more) > 1:
        writers = more[:-1] if _masthead(more[-1]) else more
        if all(_co_author(part) for part in writers):
            return names_in(" and ".join([head, *writers]))
    if not (1 <= len(tail.split()) <= 5 and re.fullmatch(_OUTLET_NAME, tail)):
        return []
    # "Ann Lee / Tom Park": a second writer where the outlet would stand.
    if _co_author(tail):
        return names_in(f"{head} and {tail}")
    return names_in(head)


# The most words of a picture's credit line ("© Tom Park / Harbour Images", "Photo: Tom Park").
PICTURE_CREDIT_WORDS = 12


def picture_credit(line: Line) -> bool:
    """"© Tom Park / stock.example.com", "Photo: Tom Park / Getty Images": a short line that
    credits a picture by its copyright sign or a picture agency's word."""
    return line.words <= PICTURE_CREDIT_WORDS and (
        line.text.lstrip(" *_(").startswith("©") or bool(_PICTURE_SOURCE.search(line.text)))


# Where an author box's link begins after the name on one line: "View More Articles", "More
# by Ann Lee", "View all posts", "View profile" (the words is_contact_marker reads on a line).
# ("Ann LeeView More Articles": its "View" may be glued to a short surname, which unglue leaves.)
_SPACED_CONTACT = re.compile(r"(?:\s+|(?<=[a-z])(?=View\s))(?=(?i:more\s+(?:by|from)|(?:view\s+)?(?:all|more)\s+(?:posts|articles|stories)|"
                             r"all\s+(?:posts|articles|stories)\s+by|view\s+(?:full\s+|author\s+)?profile|author\s+profile)\b)")


def name_with_marker(line: Line) -> list[str]:
    """"Ann LeeView More Articles": a name and an author-box link run together by a lost line
    break (unglue sets them apart). "Ann Lee View More Articles": the same with the space kept,
    the link's words told by their own shape (a name has no small-letter "by" or "all")."""
    head, semicolon, tail = unglue(line.text).partition(";")
    spaced = _SPACED_CONTACT.search(line.text) if not semicolon and line.words <= 12 else None
    if spaced:
        head, semicolon, tail = line.text[: spaced.start()], ";", line.text[spaced.end():]
    if not semicolon or not NAME_LINE.match(head.strip()):
        return []
    marker = Line(raw=tail, text=tail.strip())
    return names_in(head) if is_author_marker(marker) else []


# (The institution after an academic's role is a university, not the outlet.)
_ACADEMIC_ROLES = {"professor", "lecturer", "researcher"}
# A writer's role in the other languages of the news we see most (German, French, Spanish,
# Portuguese, Italian, Dutch, the Nordic languages, Polish, Czech, Russian), male and female.
_FOREIGN_WRITER_ROLES = {
    "redakteur", "redakteurin", "korrespondent", "korrespondentin", "journalistin", "reporterin",
    "kolumnist", "kolumnistin", "journaliste", "rédacteur", "rédactrice", "correspondant",
    "correspondante", "chroniqueur", "chroniqueuse", "periodista", "redactor", "redactora",
    "corresponsal", "columnista", "jornalista", "repórter", "correspondente", "colunista",
    "giornalista", "redattore", "redattrice", "corrispondente", "editorialista", "redacteur",
    "verslaggever", "journalisten", "reporteren", "dziennikarz", "dziennikarka", "redaktor",
    "redaktorka", "novinář", "novinářka", "корреспондент", "журналист", "журналистка",
    "обозреватель", "редактор", "muhabir", "muhabiri", "toimittaja", "skribent",
}
# Role words that follow a person's name in a byline (not "News", "Desk", "Team").
_PERSON_ROLES = {
    "writer", "reporter", "correspondent", "editor", "columnist", "journalist", "contributor",
    "producer", "photographer", "critic", "senior", "staff", "chief", "contributing", "deputy",
    "managing", "associate", "freelance", "intern", "analyst",
    # academics writing a piece ("Ann Lee, Professor of History, University of Lisbon")
    *_ACADEMIC_ROLES, *_FOREIGN_WRITER_ROLES,
}


# What may stand between a person's name and their role word: the desk ("Politics Editor",
# "News & Culture Writer") and the profile links of an author card ("Twitter", "Email").
_DESK_WORDS = {
    "news", "culture", "politics", "political", "sports", "sport", "science", "tech", "technology",
    "business", "features", "arts", "music", "film", "food", "travel", "health", "opinion",
    "entertainment", "style", "fashion", "games", "gaming", "video", "world", "local", "metro",
    "national", "foreign", "environment", "climate", "education", "economics", "economy",
    "finance", "markets", "investigative", "data", "digital", "social", "media", "weather",
    "crime", "courts", "legal", "property", "motoring", "books", "tv", "television", "radio",
    "&", "and", "of", "twitter", "facebook", "instagram", "linkedin", "email", "e-mail", "rss",
    # the sections a page names under its headline, beside the date ("Harbour Life", "Bay
    # Parenting", "Harbour Voices"): words no one's name has ("Money" and "Jobs" are surnames)
    "life", "lifestyle", "parenting", "wellness", "weddings", "autos", "puzzles", "crosswords", "comics",
    "horoscopes", "obituaries", "letters", "voices", "events",
    # the beats a writer's job is named by ("Multimedia Journalist", "Global Affairs Analyst",
    # "Energy Correspondent"), words no one's name has either
    "multimedia", "global", "affairs", "energy", "transport", "housing", "immigration", "security",
    "defence", "defense", "diplomatic", "medical", "consumer", "retail", "aviation", "agriculture",
    "religion", "visuals", "interactive", "investigations", "audience", "engagement",
    # and the first words of beats of two words ("Public Affairs", "Personal Finance", "General
    # Assignment", "Breaking News", "Local Democracy"), no word of a name either
    "public", "personal", "general", "rural", "breaking", "motor", "assignment", "democracy",
}


# Particles that open a surname ("Ana De Sousa", "Jan van Dijk"): part of the name's last word.
_SURNAME_PARTICLES = {"de", "da", "del", "della", "der", "den", "van", "von", "la", "le", "di", "du",
                      "do", "dos", "das", "ter", "ten", "st.", "mac", "bin", "ibn", "al", "el"}


# (unglue's two shapes of a word, compiled once: looked up in re's cache for each word, they
# took most of the time of a text of one 10 MB line)
_SURNAME_GLUED = re.compile(rf"^({_UPPER}(?:{_LOWER}|['’]|-{_UPPER}?)*{_LOWER}{{3}})({_UPPER}\S*)$")
_SHORT_SURNAME_GLUED = re.compile(rf"^({_UPPER}{_LOWER}{{2}})({_UPPER}{_LOWER}+)$")


def unglue(text: str) -> str:
    """A surname run into what followed it by a lost line break ("Ann MarshBusiness Columnist",
    "Tom ParkLisbon") set apart by a ";". Only the second word of a name is cut (a first name,
    maybe an initial, before it): three lower-case letters then a capital do not happen inside
    a surname ("McDonald", "DeAndre", "MacKenzie" have shorter runs), while a brand written in
    one word ("Ann Lee HarbourNet") comes after a whole name and stays as it is."""
    # In capitals there is no case change to see: a profile link's label run onto the surname
    # ("ANN LEETWITTER") is cut off by its own letters.
    text = re.sub(r"\b([A-Z]{2,}?)(TWITTER|FACEBOOK|INSTAGRAM|LINKEDIN|EMAIL)(?=[A-Z]|\b)", r"\1; \2", text)
    words = text.split(" ")
    for k, word in enumerate(words):
        # (A hyphen may join two capitalised parts of a surname: "Álvarez-NúñezTwitter".)
        match = _SURNAME_GLUED.match(word)
        # ("Ann LeeBusiness Columnist", "Ann LeeWashington Correspondent": a short surname, two
        # small letters, glued to the beat or the place of the job named right after it. A
        # surname's own inner capital after two small letters follows a prefix, "MacKenzie".)
        # ("Ann LeeHarbour Gazette": or to the paper's name, two spans of a byline run together.)
        if not match and k + 1 < len(words):
            match = _SHORT_SURNAME_GLUED.match(word)
            if match and (match.group(1).casefold() in _INNER_CAPITAL_PREFIXES or not (
                    words[k + 1].casefold().rstrip(",.") in _JOB_WORDS
                    or any(_masthead(" ".join([match.group(2), *words[k + 1: k + 1 + n]])) for n in (1, 2, 3)))):
                match = None
        if not match or k == 0:
            continue
        j = k - 1
        if j > 0 and re.fullmatch(r"[A-Z]\.", words[j]):
            j -= 1  # "Trevor J. MitchellSioux"
        if j > 0 and words[j].casefold() in _SURNAME_PARTICLES:
            j -= 1  # "Ana De SousaView": the particle belongs to the surname
        first = words[j]
        earlier = words[j - 1] if j > 0 else ""
        if (re.fullmatch(rf"{_UPPER}[\w'’-]+", first) and first.casefold() not in {"by", "and"}
                and (earlier.casefold() in {"by", "par", "von", "por", "door", "av", "di"}
                     or not re.fullmatch(r"[A-Z][\w'’.-]*", earlier))):
            words[k] = f"{match.group(1)}; {match.group(2)}"
    return " ".join(words)


# The jobs a byline names after a beat or a place ("Business Columnist", "Lisbon Correspondent").
_JOB_WORDS = {"columnist", "columnists", "correspondent", "correspondents", "writer", "writers", "reporter",
              "reporters", "editor", "editors", "critic", "analyst", "producer", "journalist"}
# The openings of surnames written with a capital inside ("MacKenzie", "VanDyke", "DelGado"):
# where a glued pair of names would be cut, they keep the word whole.
_INNER_CAPITAL_PREFIXES = {"mac", "van", "von", "del", "des", "dos", "der", "den", "ten", "ter", "bin", "ibn",
                           "abu", "ben", "fitz", "dal", "dei", "san", "st."}
_GLUED_NAMES = re.compile(rf"({_UPPER}{_LOWER}{{2,}})({_UPPER}{_LOWER}+)")
_SMALL_THEN_CAPITAL = re.compile(f"{_LOWER}{_UPPER}")
_GLUED_AND = re.compile(rf"(?<=\s)(and|und|et)(?={_UPPER}{_LOWER})")


def unglue_names(text: str) -> str:
    """"Ann LeeTom Park" -> "Ann Lee, Tom Park": two names whose links were run together with no
    space (a copy or a plain-text converter joins the elements of a byline so). A word is cut
    where a capital follows two small letters or more, only between capitalised words, the
    surname before and the next writer's surname after it, each side a person's name;
    "MacKenzie" keeps its capital.
    ("andTom" is "and Tom" too.)"""
    if not _SMALL_THEN_CAPITAL.search(text):
        return text  # (the cheap anchor: most bylines have no capital after a small letter)
    text = _GLUED_AND.sub(r"\1 ", text)
    words = text.split(" ")
    first_name = [k == 0 for k in range(len(words))]  # word k opens a name
    for k in range(1, len(words) - 1):
        match = _GLUED_NAMES.fullmatch(words[k])
        # The glued word is a name's second word, its first the word before ("Ann Lee
        # BuzzWord" is a brand after a whole name), and each side a person's name ("Sports
        # NewsAnn Lee" is a menu run onto a name).
        if (match and match.group(1).casefold() not in _INNER_CAPITAL_PREFIXES
                and (first_name[k - 1] or not re.match(_UPPER, words[k - 2]) or words[k - 2].endswith((",", ":", ";"))
                     or words[k - 2].casefold() in {"by", "par", "von", "por", "door", "av"})
                and re.match(_UPPER, words[k - 1]) and re.match(_UPPER, words[k + 1])
                and _is_person(f"{words[k - 1].split(', ')[-1]} {match.group(1)}")
                # ("Ann LeeThe Harbor Ledger": the outlet after the name, cut off as well.)
                and (_is_person(f"{match.group(2)} {words[k + 1]}") or match.group(2) == "The")):
            words[k] = f"{match.group(1)}, {match.group(2)}"
            first_name[k] = True  # (its second half opens the next name)
    return " ".join(words)


def names_each_with_role(line: Line) -> list[str]:
    """"Ann Lee, Senior Reporter, and Tom Park, Editor", "Ann Lee, Reuters, and Tom Park, AFP",
    "Ann Lee (Senior Reporter)": writers each followed by their role or agency, with no "By"
    before them. Every part must be one person with a role or an agency, so a sentence about
    two people ("Ann Lee, the union's leader, and ...") is none."""
    if line.words > 20:
        return []
    # A role or an agency in brackets reads as one after a comma.
    text, bracketed = re.subn(r"\s*\(([^()]{2,40})\)", r", \1", line.text.strip())
    # ("Ann Lee, Staff Writer | Tom Park, Staff Writer": or each in a field of its own.)
    parts = re.split(r",?\s+(?:and|&)\s+|\s*[;|•·]\s*", text)
    if len(parts) < 2 and not bracketed:
        return []
    people: list[str] = []
    for part in parts:
        piece = Line(raw=part, text=part)
        found = byline_with_organisation(piece)[0] or name_with_role(piece)[0]
        if len(found) != 1:
            return []
        people += found
    return people


_ENVOY = re.compile(rf"({_NAME}),\s*(?i:envoyée?s?\s+spéciale?s?|enviad[oa]s?\s+especial(?:es)?|inviat[oa](?:\s+special[ei])?)"
                    rf"(?:\s+(?i:à|a|au|en|em|in|para|pour|no|na)\s+{_UPPER}[\w'’.-]*(?:[\s-]+{_UPPER}[\w'’.-]*){{0,2}})?\.?")


def name_with_role(line: Line) -> tuple[list[str], str | None]:
    """"Ann Lee Senior Politics Editor, The Harbour Gazette": the name before the role words,
    and the outlet after a comma, if any."""
    text = unglue(line.text)
    if _desk_staff(text):
        return [], None
    # "Ann Lee, envoyée spéciale à Lisbonne", "Tomás Ibarra, enviado especial a Lisboa": a paper's
    # envoy and where to. ("Tom Park, enviado del gobierno", a government's, is no envoy of ours.)
    envoy = _ENVOY.fullmatch(text.strip()) if "," in text else None
    if envoy:
        return names_in(envoy.group(1)), None
    # "Ann Lee, Author at Harbour Gazette": the title a blog gives its author's page. ("Ann Lee,
    # author of The Harbour" is someone a review speaks of: only "at" makes it the site's writer.)
    author_at = re.fullmatch(rf"({_NAME}),?\s+(?i:author)\s+at\s+{_OUTLET_NAME}\.?", text.strip())
    if author_at:
        return names_in(author_at.group(1)), None
    words = text.split()
    if not 3 <= len(words) <= 12:
        return [], None
    if ";" in text:  # "Ann MarshTwitterNews & Culture Writer": the name ends at the lost break
        words = text.split(";", 1)[0].split() + [";"] + text.split(";", 1)[1].split()
    for k, word in enumerate(words):
        if word.casefold().strip(",.") in _PERSON_ROLES:
            break
    else:
        return [], None
    # "Tom Park, Staff Photographer": who took the pictures, beside the writer's byline or
    # under a photo, is no author (unless a writing role is theirs too: "Writer and photographer").
    if picture_role(" ".join(words[k:])) and not {w.casefold().strip(",.") for w in words} & _WRITER_ROLES:
        return [], None
    # "Ann Lee, a reporter, said the ships left": a sentence about someone, not a byline. The
    # role comes with an article ("a reporter", "the union's editor"), or a sentence goes on
    # after it (a verb in small letters, and the line ends like a sentence).
    if any(w in {"a", "an", "the"} for w in words[:k]) or re.search(r"[.!?\"”]$", text.strip()) and any(
            w[:1].islower() and w.strip(",.") not in _JOINING_WORDS | {"of", "at", "for", "in", "on"}
            for w in words[k + 1:]):
        return [], None
    # "Ann Lee Lisbon correspondent": a role in sentence case takes the capitalised word before
    # it (a place or a beat), as clean_byline reads it.
    phrase = " ".join(words[: k + 1]).rstrip(",.")
    sentence = _role_after_name(phrase)
    if sentence and _whole_name_before(phrase[: sentence.start()]):
        k = len(phrase[: sentence.start()].split())
    # The desk the role belongs to ("News & Culture Writer") and the profile links beside the
    # name ("Twitter") stand between the name and the role word.
    # (A desk is often named by a gerund the list does not hold: "Shipping", "Motoring".)
    while k > 2 and (words[k - 1].casefold().strip(",.|•·") in _DESK_WORDS or words[k - 1] == ";"
                     or ";" in words[:k - 1] or re.fullmatch(r"[A-Z][a-z]{2,}ing", words[k - 1])):
        k -= 1
    # A separator says where the name ends, whatever desk follows it ("Ann Lee - Shipping
    # Correspondent", "Ann Lee | Harbour Desk Editor"): up to three words of desk may follow.
    for s in range(2, min(k, 5) + 1):
        if words[s - 1].endswith(",") or (s < len(words) and words[s] in {"-", "–", "—", "|", "/", "•", "·"}):
            if k - s <= 4:
                k = s
            break
    name = " ".join(words[:k]).strip(" ,|•·–—-/")
    if not (2 <= k <= 5 and NAME_LINE.match(name)):
        return [], None
    if _outlet_before_role(name):
        return [], None
    people = names_in(name)
    outlet = None
    rest = " ".join(words[k:])
    if "," in rest and not {w.casefold().strip(",.") for w in words[k:]} & _ACADEMIC_ROLES:
        candidate = rest.rsplit(",", 1)[1].strip(" .")
        if re.fullmatch(_OUTLET_NAME, candidate) and _plausible_outlet(candidate):
            outlet = candidate
    return people, outlet if people else None


def outlet_role_line(line: Line) -> bool:
    """"Harbor Ledger Staff Writer", "Harbour Gazette Staff": a role line whose words before the
    role are a publication's name ("... Ledger", "... Gazette"), not a person's, as a byline
    block sets it under the writer's name."""
    text = unglue(line.text)
    words = text.split()
    if not 2 <= len(words) <= 8:
        return False
    for k, word in enumerate(words):
        if word.casefold().strip(",.") in _PERSON_ROLES:
            break
    else:
        return False
    return k >= 2 and _outlet_before_role(" ".join(words[:k]).strip(" ,|•·–—-"))


def _outlet_before_role(name: str) -> bool:
    """"Harbor Ledger" in "Harbor Ledger Staff Writer": the outlet's name before a role, no
    person's. ("Sun" ends a newspaper's name and is a common surname too: "Lily Sun Staff
    Writer" is a person.)"""
    return _masthead(name) and name.split()[-1].casefold() != "sun"


# (Or the sentence a correspondent's byline makes of it: "Ann Lee reports from Lisbon".)
# ("Ann Lee reports", "Ann Lee and Tom Park report": the same with no place, as a broadcaster's page sets
# it under the headline.)
# ("Ann Lee (Lisbon)": the place in brackets after the name.)
_IN_PLACE = re.compile(rf"^(.+?),?\s+(?:(?:in|aus|à|en|em|a|(?:reports|reporting|writes|writing)\s+from)\s+{_UPPER}[\w'’.-]*(?:[\s,]+{_UPPER}[\w'’.-]*){{0,2}}|reports?|writes?|"
                       rf"\({_UPPER}[\w'’.-]*(?:[\s,]+{_UPPER}[\w'’.-]*){{0,2}}\))\.?$")


_BARRED_PLACE = re.compile(rf"^(.+?)\s*\|\s*({_UPPER}[\w'’.-]*(?:\s+{_UPPER}[\w'’.-]*){{0,2}})$")
_EACH_IN_PLACE = re.compile(
    rf",?\s+(?:in|aus|à|en|em)\s+{_UPPER}[\w'’.-]*(?:\s+{_UPPER}[\w'’.-]*){{0,2}}(?=\s*(?:,|\band\b|&|$))")


def name_in_place(line: Line) -> list[str]:
    """"Ann Lee in Lisbon", "Ann Lee and Tom Park, in Porto": a correspondent's byline with the
    place the story was filed from. Only a byline's place (right under the headline, beside a
    stamp) makes it one: a caption says the same of who is pictured."""
    if line.words > 24 or line.heading == 1:
        return []
    # "Ann Lee and agencies": the wire copy the writer drew on is said where a place would be.
    text = re.sub(r",?\s+(?:and|with|&)\s+agencies$", "", line.text.strip())
    # "Ann Lee in Lisbon and Tom Park in Porto", "Ann Lee in Lisbon and Tom Park": a place after
    # each writer, or after some.
    # ("Tom Park (Photo)", "Tom Park (Video)": who made the pictures, their kind in brackets
    # where a place would be.)
    if text.endswith(")") and _CREDITED.search(text.rpartition("(")[2].rstrip(" .)")):
        return []
    names = _EACH_IN_PLACE.sub("", text).strip(" ,")
    # "Tomás Ibarra | Madrid", "Ann Lee | New York": the place in a field of its own after a bar,
    # one word or a place's name of two or three ("Ann Lee | Tom Park" is two writers).
    barred = _BARRED_PLACE.match(text) if "|" in text else None
    if barred and (" " not in barred.group(2) or _place_name(barred.group(2))):
        names = barred.group(1)
    elif names == text:
        match = _IN_PLACE.match(text)
        if not match and text == line.text.strip():
            return []
        names = match.group(1).strip(" ,") if match else text
    return names_in(names) if count_words(names) <= 12 and NAMES_LINE.match(names) else []


# ("Ann Lee^1^": a superscript as pandoc's Markdown writes it, closed by a caret too.)
_AFFILIATION = r"\^?(?:\d{1,2}|[*†‡§¶]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)\^?"
# The same marks as small letters, set apart from the name by a space ("Ann Lee a,b"): glued
# to it ("Ann Leea") they cannot be told from the name's own last letter.
_AFFILIATION_LETTERS = r"\s[a-h](?:,[a-h])*"
_AFFILIATION_MARKS = re.compile(
    rf"(?<=[^\W\d_])(?:\s?{_AFFILIATION}(?:\s*,\s*{_AFFILIATION}|[*†‡§¶])*|{_AFFILIATION_LETTERS}[*†‡§¶]*)"
    r"(?=\s*(?:[,;]|\band\b|\bAND\b|&|$))")
# The buttons a paper's or a profile's list of authors sets beside each name ("View ORCID
# Profile", "ORCID iD", "View profile"): an icon's or a link's words, no one's name.
_PROFILE_BUTTON = re.compile(r"\b(?i:view\s+(?:orcid\s+)?profile|orcid(?:\s+(?:id|profile|record))?)(?:\b|(?=[A-Z]))\s*")
# "Ann Lee, Tom Park et al.": the list names its first writers and says there are more.
_ET_AL = re.compile(r",?\s+et\s+al\b\.?")


# A note in brackets after a listed name: an affiliation, an address. Not where the person
# stands in a photo ("Ann Lee (left), Tom Park (centre)": a caption's list of the people
# pictured keeps its notes, and its items are no names).
_NOTE_AFTER_NAME = re.compile(
    r"\s*\((?!\s*(?i:left|right|cent(?:er|re)|middle|pictured|top|bottom|above|below|front|back|rear|inset|"
    r"l|r|c|l-r|r-l|from\s+(?:left|right)|second|third|far)\b)[^()]*\)")


def list_items(text: str) -> list[str]:
    """The items of a list of names, each without the marks, buttons and labels around it:
    "Authors: Ann Lee1,2, View ORCID Profile Tom Park* and Sue Ray et al." -> "Ann Lee", "Tom
    Park", "Sue Ray"."""
    if label := _LABEL.match(text) or _BY_OPENING.match(text):  # ("Authors: A, B, C": the label is no item's)
        text = label.group(1)
    if "(" in text:  # ("Ann Lee (Bay University), Tom Park (ann@example.org)": a note on each)
        text = _NOTE_AFTER_NAME.sub("", text)
    if "rcid" in text or "rofile" in text:  # (cheap anchors for the buttons' words)
        text = _PROFILE_BUTTON.sub("", text)
    text = _ET_AL.sub("", _AFFILIATION_MARKS.sub("", text))
    text = re.sub(r",?\s+(?:and|AND|&)$", "", text)  # ("A, B, C and" / "D": the list goes on below)
    # (A list in capitals joins its last name with "AND": "ANN LEE, TOM PARK AND SUE RAY".)
    # (" _ Ann Lee": an icon's underscore left beside a button's words is no part of the name.)
    items = (item.strip(" _") for item in re.split(r"\s*[,;]\s*|\s+(?:and|AND|&)\s+", text))
    return [item for item in items if item]


def _place_name(item: str) -> bool:
    """A place's name of two words or more, told by its first or last word ("Los Angeles",
    "Mexico City")."""
    words = item.casefold().split()
    return bool(words) and (words[0] in _PLACE_FIRST_WORDS or words[-1] in _PLACE_LAST_WORDS)


def _listed_person(item: str) -> bool:
    """An item of a list that is a person's name: two to four capitalised words, not a
    place's name of two words ("New York", "Buenos Aires": a list of places has their shape)."""
    return bool(NAME_LINE.match(item)) and bool(names_in(item)) and not _place_name(item)


def name_list(line: Line) -> list[str]:
    """"Ann Lee, Tom Park, Sue Ray, ...": a list of three or more names and (almost) nothing
    else, as papers and reports credit their authors. A list of topics fails: most of its
    items are not two to four capitalised words."""
    # Papers mark each author's affiliation or role after the name: "Ann Lee1,2, Tom Park^3*",
    # "Ann Lee¹", or with a space when the superscript lost its markup ("Ann Lee 1,2").
    # (A photo's caption lists the people pictured, its credit in brackets: "Ann Lee, Tom Park
    # and Sue Ray (Photo: Bo Chan)", "... (Bo Chan/Getty Images)".)
    if is_caption(line):
        return []
    items = list_items(line.text)
    # (A label list_items does not know as a byline's is still before the first name: a team's
    # line-up, a cast, the dead - "Harbor FC: Ann Lee, Tom Park, ...": the story's people.)
    if len(items) < 3 or ":" in items[0]:
        return []
    people = [item for item in items if _listed_person(item)]
    return [names_in(p)[0] for p in people] if len(people) >= 0.8 * len(items) else []


def list_continuation(line: Line) -> list[str]:
    """The rest of a list of names broken over lines ("Ann Lee, Tom Park, Sue Ray," / "Bo Chan
    and Ida Holm"): the line's names, when every item of it is a person's name (a line that
    goes on into prose, "Bo Chan said ...", or names a place is no part of the list)."""
    if line.heading or line.words > 60:
        return []
    items = list_items(line.text)
    if not items or not all(_listed_person(item) for item in items):
        return []
    return [names_in(item)[0] for item in items]


_LIST_GOES_ON = re.compile(r"(?:[,;&]|\band|\bAND)\s*$")


def list_goes_on(line: Line) -> bool:
    """The line ends where a list of names breaks off: on a comma, a semicolon or "and"."""
    return bool(_LIST_GOES_ON.search(line.text))


# A piece of a name set on a line of its own: a given name, initials, a surname with its
# particles ("Ann", "Ann B.", "de la Cruz", "van der Lee-Park").
_NAME_PIECE = re.compile(rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}}")
_AFFILIATION_LINE = re.compile(rf"{_AFFILIATION}(?:\s*,\s*{_AFFILIATION})*")
# The most lines one name of a column takes ("View ORCID Profile" / "Ann B." / "Lee").
COLUMN_PIECES = 4
# The most lines a column of names is read over (thirty writers of two or three lines each).
COLUMN_LINES = 120


def names_in_column(lines: list[Line]) -> tuple[list[str], int]:
    """A list of names copied from a page where every text node is a line of its own: each
    name's parts on lines of their own ("Ann" / "Lee"), the list's commas, "and" or "&" alone
    between the names ("Ann" / "Lee" / "," / "Tom" / "Park" / "and" / "Sue" / "Ray"). The
    pieces between two separators are one name. The names (three or more, as name_list
    takes them), and how many lines they took; nothing when it is no such list."""
    groups: list[list[str]] = []
    current: list[str] = []
    end = 0  # the lines read up to the last separator
    for k, line in enumerate(lines[:COLUMN_LINES]):
        text = line.text.strip()
        if _PROFILE_BUTTON.fullmatch(text) or _AFFILIATION_LINE.fullmatch(text):
            # ("View ORCID Profile" above a name, "1,2" below it: its button and its marks, no
            # piece of it; the separator after the marks still ends the name.)
            if line.separator_below and current:
                groups.append(current)
                current, end = [], k + 1
            continue
        if text in ("and", "AND", "&", "und", "et"):  # (a joining word on its own line)
            if not current:
                break
            groups.append(current)
            current, end = [], k + 1
            continue
        if line.heading == 1 or len(current) == COLUMN_PIECES or not _NAME_PIECE.fullmatch(text):
            break
        current.append(text)
        if line.separator_below:
            groups.append(current)
            current, end = [], k + 1
    if len(groups) < 2:
        return [], 0
    # The last name has no separator after it: it takes as many lines as most names before it
    # did ("Sue" / "Ray" / "Harbour Gazette": the outlet below is no part of it).
    sizes = [len(g) for g in groups]
    size = max(set(sizes), key=sizes.count)
    if len(current) >= size:
        groups.append(current[:size])
        end += size
    items = list_items(", ".join(" ".join(g) for g in groups))
    people = [item for item in items if _listed_person(item)]
    if len(items) < 3 or len(people) < 0.8 * len(items):
        return [], 0
    return [names_in(p)[0] for p in people], end


# How long a line must be to have been cut by a wrapper (the narrowest width unwrap accepts,
# less a long name's length): a short line ends where its writer ended it.
WRAPPED_LINE = 40


def _list_count(text: str) -> tuple[int, int]:
    """How many items of a list are people's names, and how many are not."""
    items = list_items(text)
    people = sum(map(_listed_person, items))
    return people, len(items) - people


def names_over_wrapped_lines(lines: list[Line]) -> tuple[list[str], int]:
    """A list of names (lines[0]) wrapped at a fixed width goes on in the lines right below
    it, a name maybe cut in two ("..., Tom Park, Ann" / "Lee, Sue Ray, Bo Chan"): the lines
    are read as one while that names more people and leaves no more items that are not
    names. The names, and how many lines they took (1 when the list does not go on)."""
    text = lines[0].text
    best = _list_count(text)
    count = 1
    for above, line in zip(lines, lines[1:8]):
        if not line.wrapped or len(above.raw.rstrip()) < WRAPPED_LINE:
            break
        joined = f"{text} {line.text}"
        score = _list_count(joined)
        if score[0] <= best[0] or score[1] > best[1]:
            break
        text, best, count = joined, score, count + 1
    return name_list(Line(raw=text, text=text)), count


# The most list items a list of writers set one a item is read over.
LIST_ITEMS = 40
_ITEM_SEPARATOR_END = re.compile(r"\s*(?:[,;]|,?\s+(?:and|AND)|\s&)\s*$")


def names_in_items(lines: list[Line]) -> tuple[list[str], int]:
    """A list of writers set one name a list item, as a paper's author list comes out of a
    converter ("* Ann Lee 1," / "* Tom Park 2" / ...): the names and how many lines they
    took. Only when the items say they are one list of people: each but the last ends with
    the list's comma or "and", or each carries an affiliation mark after the name. (Items of
    bare names are the people a story is about as often: "* Ann Lee" / "* Tom Park".)"""
    run = []
    for line in lines[:LIST_ITEMS]:
        if not line.item or line.words > 12:
            break
        run.append(line.text.strip())
    if len(run) < 3:
        return [], 0
    separated = all(_ITEM_SEPARATOR_END.search(text) for text in run[:-1])
    marked = all(_AFFILIATION_MARKS.search(text) for text in run)
    if not (separated or marked):
        return [], 0
    items = list_items(", ".join(_ITEM_SEPARATOR_END.sub("", text) for text in run))
    people = [item for item in items if _listed_person(item)]
    if len(items) < 3 or len(people) < 0.8 * len(items):
        return [], 0
    return [names_in(p)[0] for p in people], len(run)


# A Chinese or Japanese author's bio: "山田太郎（やまだ・たろう）1975年生まれ。ジャーナリスト。", the
# name with its reading in kana and a writer's trade in the same paragraph; or under a label,
# "作者简介：王小明，...记者" (about the author).
_CJK_WRITER = r"ジャーナリスト|記者|记者|ライター|編集者|编辑|コラムニスト|エディター|作家|撰稿人|专栏作家"
_CJK_BIO = re.compile(rf"^([\u4e00-\u9fff]{{1,3}}\s?[\u4e00-\u9fff]{{1,3}})\s*[（(][\u3040-\u30ff・･\s]+[）)].*(?:{_CJK_WRITER})")
_CJK_BIO_LABEL = re.compile(r"^(?:作者简介|作者簡介|作者介绍|作者介紹|著者紹介|筆者紹介|執筆者紹介|著者プロフィール)\s*[:：]?\s*"
                            r"([\u4e00-\u9fff]{2,4})[，,、。\s]")


def _cjk_bio(line: Line) -> str | None:
    text = line.text.strip()
    match = _CJK_BIO.match(text) or _CJK_BIO_LABEL.match(text)
    if not match:
        return None
    names = cjk_name_line(Line(raw=match.group(1), text=match.group(1)))
    return names[0] if names else None


# Two or more writers in one bio: "A and B are reporters at OUTLET", "A, B and C are staff
# writers for OUTLET" (the roles only a writer has, in the plural).
_CO_BIO = re.compile(
    rf"^({_NAME}(?:\s*,\s*{_NAME})*,?\s+(?:and|&)\s+{_NAME})\s+(?:are|were)\s+(?:[\w'’-]+\s+){{0,4}}?"
    r"(?:journalists|reporters|writers|correspondents|editors|columnists|contributors|producers)\b")


# The bio of an opinion piece's writer: what they do rather than a journalist's role ("Ann Lee
# teaches economics at Bay University", "Ann Lee is director of the Harbour Institute", "Ann
# Lee, a former ferry captain, is a member of the port board").
_OPINION_BIO = re.compile(
    rf"^({_NAME})(?:\s*\(@\w+\))?(?:,\s+[^,]{{3,60}},)?\s+(?:teaches\s+(?:[\w'’-]+\s+){{0,4}}?(?:at|in)\s|(?:is|was)\s+(?:a\s+|an\s+|the\s+)?"
    r"(?:[\w'’-]+\s+){0,2}?(?:co-?founder|founder|director|president|chair|chairman|chairwoman|head|"
    r"chief executive|partner|member|fellow|scholar|professor|lecturer|researcher|"
    r"candidate|student|lawyer|attorney|physician|doctor|author)\s+(?:of|at|in|with|for)\b)")


def opinion_bio(line: Line) -> str | None:
    """The person an opinion piece's bio describes, if the line is one (a short line, a
    sentence or two). Only in emphasis, as pages set a writer's note apart, unless the writer
    teaches: a story may end on who one of its people is ("Tom Park is president of the
    union")."""
    if line.words > 45:
        return None
    match = _OPINION_BIO.match(line.text)
    raw = line.raw.strip()
    if match and not (raw[:1] in "*_" and raw[-1:] in "*_" or " teaches " in match.group(0)):
        return None
    people = names_in(match.group(1)) if match else []
    return people[0] if len(people) == 1 else None


def people_of_bio(line: Line) -> list[str]:
    """The writers a bio names: the one of bio(), or each of a bio written for two or more."""
    match = _CO_BIO.match(line.text)
    if match:
        return names_in(match.group(1))
    person, _ = bio(line)
    return [person] if person else []


def bio(line: Line) -> tuple[str | None, str | None]:
    """"A is a ... journalist at OUTLET": the person, and the outlet if the bio names one."""
    match = _BIO.match(line.text)
    if not match:
        return _cjk_bio(line), None
    people = names_in(match.group(1))
    if not people:
        return None, None
    outlet = None
    at = _AT_OUTLET.search(match.group(2))
    # A professor "at" a university, a fellow "at" an institute: a place of work, not the outlet.
    if at and not re.search(r"\b(?:professor|lecturer|researcher|fellow|economist|historian)\b",
                            line.text[: match.start(2)], re.I):
        outlet = _outlet(at.group(1))
    return people[0], outlet


# The roles that only a journalist signs with ("Managing Director" signs a press release).
_WRITER_ROLES = {"writer", "reporter", "correspondent", "editor", "columnist", "journalist", "contributor",
                 *_FOREIGN_WRITER_ROLES}


# A letter's closing words, alone on the line above its signature ("Kind Regards", "Yours
# Sincerely"): in capitals they have a name's shape, but sign for the name under them.
_VALEDICTION = re.compile(r"^(?i:(?:(?:kind|best|warm|warmest|with)\s+)?regards|yours\s+(?:sincerely|faithfully|truly)|"
                          r"sincerely(?:\s+yours)?|(?:many|with)\s+thanks)\s*[,.!]?$")


def is_valediction(line: Line) -> bool:
    return line.words <= 3 and bool(_VALEDICTION.match(line.text.strip()))


def writer_role_line(line: Line) -> bool:
    """A short line with a role only a journalist holds ("Staff Writer", "Senior Reporter")."""
    return line.words <= 6 and bool({w.casefold().strip(",.") for w in line.text.split()} & _WRITER_ROLES)


def writer_sign_off(line: Line) -> list[str]:
    """"Ann Lee, Shipping Correspondent" below the story: a writer signing with their role."""
    people, _ = name_with_role(line)
    roles = {w.casefold().strip(",.") for w in line.text.split()}
    return people if people and roles & _WRITER_ROLES else []


# "Ann Lee reported from Lisbon.", "Ann Lee and Tom Park reported from Lisbon.", "Ann Lee
# reported from Lisbon, and Tom Park from Porto.": the line a paper closes a story with, saying
# where its writers were. (A whole line of that shape only: a sentence of the story that goes on,
# "... reported from Lisbon that the ships ...", is not it.)
_PLACE = rf"{_UPPER}[\w'’.-]*(?:[\s-]+{_UPPER}[\w'’.-]*){{0,2}}"
_REPORTED_FROM = re.compile(
    rf"^((?:{_NAME})(?:(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+){_NAME})*)\s+reported\s+from\s+{_PLACE}"
    rf"((?:\s*,?\s*(?:and\s+)?{_NAME}\s+from\s+{_PLACE})*)\s*\.?$")


def reported_from(line: Line) -> list[str]:
    """The writers a closing "A reported from PLACE" line names."""
    if "reported from" not in line.text or line.words > 30:
        return []
    # (In brackets, or the first sentence of the closing note: "A reported from Lisbon. Tom
    # Park contributed reporting." - the helper's sentence after it is the contributors' rule's.)
    first = re.split(r"(?<=[a-z]\.)\s+(?=[A-Z])", re.sub(r"^\((.*)\)$", r"\1", line.text.strip()), maxsplit=1)[0]
    match = _REPORTED_FROM.match(first)
    if not match:
        return []
    others = re.findall(rf"({_NAME})\s+from\s+{_PLACE}", match.group(2))
    return [name for names in (match.group(1), *others) for name in names_in(names)]


# "Ann Lee, à Lisbonne", "Tomás Ibarra, desde Lisboa", "Ann Lee (in Lisbon)": a correspondent's
# signature at the foot of the story, with where they filed from. (The word before the place
# is needed: "Ann Lee, Tom Park" is two people.)
_SIGNED_FROM_PLACE = re.compile(
    rf"^({_NAME})\s*(?:,\s*|\(\s*)(?i:à|a|en|em|in|desde|depuis|from|aus|vanuit|da|dans|no|na)\s+{_PLACE}\s*\)?\.?$")


def signed_from_place(line: Line) -> list[str]:
    match = _SIGNED_FROM_PLACE.match(line.text.strip()) if line.words <= 8 else None
    return names_in(match.group(1)) if match else []


# A letter's sign-off: the writer's name and their town, "Ann Lee, Lisbon" on one line or
# "Ann Lee" / "North Bay" on two. The town is one word, or a place's name told by its first or
# last word ("North Bay", "San Jose"): two words of another shape are a second person.
_SIGNED_WITH_TOWN = re.compile(rf"^({_NAME})\s*,\s*({_UPPER}[\w'’.-]*(?:\s+{_UPPER}[\w'’.-]*){{0,2}})\.?$")
_TOWN_LINE = re.compile(rf"^{_UPPER}[\w'’.-]*(?:\s+{_UPPER}[\w'’.-]*){{0,2}}\.?$")


# The last word of a building's or a street's name: "Grand Hotel, Lisbon", "Ocean Drive" / "Lisbon"
# end an event's notice with its venue and town, and no one signs there. (Not words that are
# surnames too: "Hall", "Church", "Lane".)
_VENUE_WORDS = {"hotel", "station", "terminal", "airport", "stadium", "arena", "theatre", "theater", "cathedral",
                "chapel", "hospital", "library", "museum", "centre", "center", "pier", "quay", "wharf", "plaza",
                "drive", "road", "avenue", "boulevard", "street", "square"}


def _town(text: str) -> bool:
    return bool(_TOWN_LINE.match(text)) and (len(text.split()) == 1 or _place_name(text))


def signed_with_town(name_line: Line, town_line: Line | None = None) -> list[str]:
    """The names of a letter's sign-off: one line ("Ann Lee, Lisbon"), or a name line with the
    town's line right under it, as an address is set (no blank line between: "Harbor Life" /
    blank / "News" is a menu's two items). A role or a section's word is no town."""
    if town_line is None:
        match = _SIGNED_WITH_TOWN.match(name_line.text.strip()) if name_line.words <= 6 else None
        town = match.group(2).rstrip(".") if match else ""
    else:
        match = is_name_line(name_line) and town_line.wrapped and town_line.words <= 3 and not is_furniture(town_line)
        town = town_line.text.strip().rstrip(".") if match else ""
    if not town or not _town(town) or {w.casefold() for w in town.split()} & (ROLE_WORDS | _SECTION_WORDS | ORGANISATION_WORDS):
        return []
    name = match.group(1) if town_line is None else name_line.text
    return [] if name.split()[-1].casefold().strip(".") in _VENUE_WORDS else names_in(name)


# "About the author: Ann Lee is a ...": the author box's heading and the bio on one line.
_ABOUT_AUTHOR_INLINE = re.compile(r"^(?i:about the (?:authors?|writers?|reporters?))\s*:\s*(\S.*)$")


def about_author_inline(line: Line) -> list[str]:
    match = _ABOUT_AUTHOR_INLINE.match(line.text.strip()) if ":" in line.text else None
    if not match:
        return []
    person, _ = bio(Line(raw=match.group(1), text=match.group(1)))
    return [person] if person else []


_MORE_FROM = re.compile(rf"^(?i:more|other|latest|see all|view all|all)\s+(?:\w+\s+){{0,2}}?(?i:from)\s+({_NAME})\s*:?$")


def more_from(line: Line) -> list[str]:
    """"More from Ann Lee", "Latest stories from Ann Lee": the link to the writer's other
    stories in an author box below the story."""
    match = _MORE_FROM.match(line.text.strip())
    return names_in(match.group(1)) if match and line.words <= 10 else []


_CONTACT = re.compile(
    rf"^(?:(?i:contact|reach|e-?mail|write to)\s+(?i:the\s+(?:writer|reporter|author)\s*,?\s+)?({_NAME})"
    # "Ann Lee can be reached at ...": the same address with the name first
    rf"|({_NAME})\s+(?i:can be (?:reached|contacted|emailed))(?:\s+(?i:by email|by phone))?)\s+(?:at|on)\s+"
    # (A local number has no area code: "Reach Ann Lee at 555-0100".)
    r"(?:\S+@[\w-]+\.\w|(?:\(?\d{3}\)?[\s.-]?)?\d{3}[\s.-]?\d{4}\b)")


# "... and Tom Park at tom.park@example.org": the next writer's address on the same line.
_AND_AT = re.compile(rf"\s+and\s+({_NAME})\s+at\s+\S+@[\w-]+\.\w")
# "Follow Ann Lee on Twitter @annlee": a writer's own account offered below the story. (Only a
# person's name counts: "Follow Harbour Gazette on Twitter" is the outlet's.)
_NETWORK = r"(?:Twitter|X|Instagram|Facebook|LinkedIn|Bluesky|Threads|Mastodon)"
_FOLLOW_ON = re.compile(
    rf"^(?i:you can\s+)?(?i:follow)\s+({_NAME})\s+(?i:on)\s+{_NETWORK}\b"
    # "Ann Lee is on Twitter at @annlee": the same with the account after "at" or a colon, and
    # nothing after it ("is on Twitter a lot", "at the weekend" speak of someone in the story).
    # (The account may be set on the next line: "Ann Lee is on Twitter at" / "annlee".)
    rf"|^({_NAME})\s+is\s+on\s+{_NETWORK}(?:\s+at\b\s*|\s*:\s*)(?:{_WEB_ADDRESS}|@?[\w.]+)?\W*$")


def contact_line(line: Line) -> list[str]:
    """"Contact Ann Lee at ann.lee@example.org or 555-459-5382.", "Write to Ann Lee at ...",
    "Follow Ann Lee on Twitter", "Ann Lee is on Twitter at @annlee": the reporter's address at
    the end of a story."""
    if line.words > 30:
        return []
    text = line.text.strip()
    follow = _FOLLOW_ON.match(text)
    if follow:
        return names_in(follow.group(1) or follow.group(2))
    match = _CONTACT.match(text)
    if not match:
        return []
    names = [match.group(1) or match.group(2)] + _AND_AT.findall(text, match.end())
    return [person for name in names for person in names_in(name)]


def contributors(line: Line) -> list[str]:
    """"X contributed to this report": contributors, not authors."""
    match = _CONTRIBUTED.search(line.text)
    if not match:
        return []
    before = line.text[: match.start()]
    before = re.split(r"[.;]\s+", before)[-1]
    before = re.sub(r"^.*?\b(?:writers?|reporters?|correspondents?)\s+", "", before)
    before = re.sub(r"\s+in\s+[A-Z][\w ,.]*$", "", before)
    return names_in(before)


# --- outlets -------------------------------------------------------------------------------

_AGENCY_NAMES = "|".join(sorted((re.escape(k) for k in AGENCIES), key=len, reverse=True))
_DATELINE = re.compile(
    rf"^(?:[A-Z][A-Za-z.'’-]*(?:[ ,]+[A-Z][A-Za-z.'’-]*){{0,4}},?\s*(?:{_MONTH}\.?\s+{_DAY}\s*)?)?"
    rf"\((?i:({_AGENCY_NAMES}))\)\s*[—–-]"
)
# The same with the outlet's own short name: "(CNN) —", "NEW YORK (HarbourTV) --".
_DATELINE_OUTLET = re.compile(
    rf"^(?:[A-Z][A-Za-z.'’-]*(?:[ ,]+[A-Z][A-Za-z.'’-]*){{0,4}},?\s*(?:{_MONTH}\.?\s+{_DAY}\s*)?)?"
    r"\(([A-Z][A-Za-z0-9.]{1,15})\)\s*(?:[—–]|--?)\s"
)
_SELF_NAMED = re.compile(
    rf"{_OUTLET_NAME}\s+(?:has|had|could|was|were|cannot|can)\s+(?:not|unable)\s+"
    r"(?:been able to\s+|to\s+)?(?:independently\s+)?(?:verify|confirm)"
)
_SUBSCRIBE_TO = re.compile(rf"^subscribe to\s+{_OUTLET_NAME}\s*[!.]?$", re.I)
# The year is required: "© NASA" under a photo credits the picture, not the page.
_THANKS_FOR_SUPPORTING = re.compile(rf"^thank you for (?:supporting|reading)\s+{_OUTLET_NAME}", re.I)
_COPYRIGHT = re.compile(rf"(?:©|\(c\)|copyright)\s*(?:©\s*)?{_YEAR}(?:\s*[-–]\s*{_YEAR})?,?\s+{_OUTLET_NAME}", re.I)
# Picture libraries and agencies whose copyright sits under photos.
_PICTURE_SOURCES = {"getty", "getty images", "shutterstock", "istock", "alamy", "ap", "afp", "reuters", "epa"}


def dateline_agency(line: Line) -> str | None:
    """"BRUSSELS (AP) — ...", "(Reuters) - ...": the wire agency that filed the story."""
    match = _DATELINE.match(line.text)
    if match:
        return AGENCIES[match.group(1).casefold()]
    match = _DATELINE_OUTLET.match(line.text)
    return match.group(1) if match else None


def agency_line(line: Line) -> str | None:
    """"Reuters, Washington" / "AFP": a wire agency credited on its own line above the story."""
    if line.words > 6:
        return None
    match = re.match(rf"^(?i:({_AGENCY_NAMES}))(?:\s*[,|/·]\s*[A-Z][\w .'’-]*)?[\s,.]*$", line.text.strip())
    return AGENCIES[match.group(1).casefold()] if match else None


def self_named_outlet(line: Line) -> str | None:
    """"OUTLET has not been able to verify": a news organisation speaking of itself."""
    match = _SELF_NAMED.search(line.text)
    return _outlet(match.group(1)) if match and _plausible_outlet(match.group(1)) else None


def subscribe_outlet(line: Line) -> str | None:
    """A subscription block headed "Subscribe to OUTLET"."""
    match = _SUBSCRIBE_TO.match(line.text.strip())
    if not match or not _plausible_outlet(match.group(1)):
        return None
    # "Subscribe to Harbour Gazette on YouTube / by Email": the outlet, not the channel.
    return re.split(r"\s+(?:on|by|via)\s+", _outlet(match.group(1)), maxsplit=1)[0]


def supporting_outlet(line: Line) -> str | None:
    """"Thank you for supporting OUTLET": a reader pitch naming the outlet."""
    match = _THANKS_FOR_SUPPORTING.match(line.text.strip())
    return _outlet(match.group(1)) if match and _plausible_outlet(match.group(1)) else None


def copyright_outlet(line: Line) -> str | None:
    """A copyright line: "© 2024 OUTLET. All rights reserved."."""
    if line.words > 25:
        return None
    if not re.search(r"©|\(c\)|copyright", line.text, re.I) or is_caption(line):
        return None
    match = _COPYRIGHT.search(line.text)
    if not match or not _plausible_outlet(match.group(1)):
        return None
    name = re.sub(r",?\s+(?:inc|ltd|llc|plc|gmbh|corp)\.?$", "", _outlet(match.group(1)), flags=re.I)
    return None if name.casefold() in _PICTURE_SOURCES else name


def _outlet(name: str) -> str:
    """An outlet name as matched, cut at the end of its sentence ("Times. Follow" -> "Times")."""
    name = re.split(r"\.\s", name)[0].rstrip(".")
    return re.sub(r"\s+(?:staff|team|desk|editors|newsroom|reporters)$", "", name, flags=re.I)  # "X Staff" is X


def _plausible_outlet(name: str) -> bool:
    words = _outlet(name).split()
    if words and words[0].casefold() == "the":
        words = words[1:]
    if not words or len(words) > 5:
        return False
    # Pronoun-like starts ("This", "It") and government bodies are not publishers.
    if any(w.casefold() in {"newsletter", "newsletters", "podcast", "app"} for w in words):
        return False  # "The Morning Review newsletter" is a product of the outlet
    return words[0].casefold() not in {"this", "that", "it", "we", "he", "she", "they", "our",
                                        "police", "officials", "government", "ministry", "i"}


# A blog post's stamp line, as its theme writes it: the writer's one word (a login, a first
# name) between a "by" label and the post's date ("Von Marlo am 03.05.2013, 11:51", "Posted
# by marlo on March 5, 2024", "by marlo, 5 March 2024"), or after the date ("11.05.2012, 10:22
# von marlo", "mardi 5 mars 2024, par marlo"); other fields may follow its first, after a bar or
# a dot ("| 0 Kommentare | Hafen").
_STAMP_BY = r"(?i:(?:(?:posted|written|geschrieben|verfasst|publié|écrit)\s+)?(?:by|von|par|por|door|av))\s+"
_STAMP_NAME = r"(?P<name>[^\W_][\w.-]{1,30}?)"
_STAMP_FIELDS = r"\s*(?:[|·•].*)?"
_NAME_THEN_STAMP = re.compile(rf"\s*{_STAMP_BY}{_STAMP_NAME}(?:\s+(?i:on|am|le|el|op|den|il)\s+|\s*,\s*)"
                              rf"(?P<date>[^|·•]{{6,48}}?){_STAMP_FIELDS}")
_STAMP_THEN_NAME = re.compile(rf"\s*(?P<date>[^\s|·•][^|·•]{{5,47}}?)[\s,|·•–—-]+{_STAMP_BY}{_STAMP_NAME}[.,;:]?{_STAMP_FIELDS}")
# The same as a theme's sentence under the post: "This entry was posted on March 5, 2024 by
# marlo and filed under ...", "Dieser Artikel wurde am 5. März 2024 um 14:48 von Marlo
# geschrieben und unter ... eingeordnet".
_STAMP_SENTENCE = re.compile(
    r"\s*(?i:this\s+(?:entry|post|article)\s+was\s+(?:posted|written|published)\s+on|"
    r"(?:dieser|der)\s+(?:artikel|beitrag|eintrag)\s+wurde\s+am)\s+"
    rf"(?P<date>[^|·•]{{6,48}}?)\s+(?i:by|von)\s+{_STAMP_NAME}"
    r"(?:\s+(?i:and|und|geschrieben|verfasst|veröffentlicht)\b.*|[.,;])?")
# What a stamp may set around its date: a weekday before ("jeudi", "Sat.,"), a clock after it
# ("11:51", "um 10:22 Uhr", "at 9:41 PM", "à 14h05").
_STAMP_BEFORE_DATE = re.compile(r"(?:[^\W\d_]{2,12}\.?,?\s+)?")
_STAMP_AFTER_DATE = re.compile(r"(?:,?\s*(?i:um|at|à|a\s+las|alle|om)?\s*\d{1,2}(?:[:.]|\s?h\s?)\d\d"
                               r"(?:\s*(?i:uhr|[ap]\.?m\.?))?)?\s*")
_STAMP_SENTENCE_LENGTH = 400  # characters of such a sentence at most (its categories and tags)


# Words a stamp sets after its "by" that name no person: the time ("By noon", "Von heute"), a
# word of a sentence ("Par ailleurs, le 8 mars 2024"), an agency's plural and the wires.
_STAMP_NO_PERSON_WORDS = {
    "today", "yesterday", "tomorrow", "tonight", "noon", "midnight", "morning", "evening", "now", "then",
    "heute", "gestern", "morgen", "mittag", "abend", "hoy", "ayer", "mañana", "hoje", "ontem", "amanhã",
    "aujourd'hui", "hier", "demain", "midi", "minuit", "oggi", "ieri", "domani", "vandaag", "gisteren",
    "ailleurs", "exemple", "agencias", "agencia", "agências", "agência", "agences", "agence", "agenturen",
    "agentur", "agenzie", "agenzia", "wires", "wire", "agencies", "agency",
}


def _stamps_no_person(word: str) -> bool:
    """A stamp's word that is no writer's (as the HTML path's may_be_name reads a lone word):
    all capitals (an agency's letters, "PTI", "WAM"), an agency ("ians"), a weekday or a month
    ("By Friday, March 8, 2024", "Von Montag"), a picture library ("by Shutterstock"), a time
    or a sentence's word."""
    folded = word.casefold()
    return (len(word) > 1 and word.isupper() or folded in AGENCIES or folded in _PICTURE_SOURCES
            or folded in _STAMP_NO_PERSON_WORDS or folded in _CALENDAR_WORDS or folded in FOREIGN_MONTHS
            or _STAMP_WORDS.fullmatch(folded) is not None  # (its weekdays)
            or folded in _AGENCY_LOWER)


# Agencies a stamp writes in letters, as lower-case logins are ("by ians", "by pti"): India's,
# the Gulf's and others' wires that AGENCIES does not list.
_AGENCY_LOWER = {"pti", "ians", "ani", "wam", "spa", "kuna", "qna", "bna", "ona", "mena", "irna",
                 "bernama", "antara", "apa", "sda", "anp", "ntb", "tt", "stt", "ritzau"}


def stamped_writer(text: str) -> str | None:
    """The one word a post's stamp line gives as its writer (see _NAME_THEN_STAMP), or None.
    The line's shape, its label and its whole date, is the theme's evidence that the word is
    the writer's login or first name, where nothing else repeats it (a word said once is as
    often a section, a menu's item or the site). Not an account or a desk ("Admin",
    "Redaktion"), nor a line whose date part holds more than a date ("by Marlo, Harbour Blog")."""
    match = (_NAME_THEN_STAMP.fullmatch(text) or _STAMP_THEN_NAME.fullmatch(text)
             or (_STAMP_SENTENCE.fullmatch(text) if len(text) <= _STAMP_SENTENCE_LENGTH else None))
    if not match or _login_of_no_writer(match["name"]) or _stamps_no_person(match["name"]):
        return None
    when = match["date"].strip()
    for pattern in _WHOLE_DATES:
        found = pattern.search(when)
        if (found and _STAMP_BEFORE_DATE.fullmatch(when[:found.start()])
                and _STAMP_AFTER_DATE.fullmatch(when[found.end():])):
            return match["name"]
    return None
