"""Full-text search over the archive: a forgiving query syntax compiled to safe FTS5.

Users type words, "quoted phrases", prefix* (and "a phrase*") and -excluded words. Everything
else FTS5 would read as syntax (parentheses, AND/OR/NOT/NEAR, column filters, stray quotes) is
treated as text, so no query string can make the search fail. One reading everywhere:
fts_expression() is the escape_fts() of the command line's search and of every served page
(datasette_plugin registers it), and check_parameter("q", ...) refuses, with a message, a search
that only leaves words out.
"""

import datetime
import re
import sqlite3
from contextlib import contextmanager
from functools import cache
from typing import TYPE_CHECKING

from .cjk import add_index_function, query_words
from .resources import load_metadata

if TYPE_CHECKING:
    from sqlite_utils import Database

_TOKEN = re.compile(r'(-?)"([^"]*)"?|(-?)(\S+)')
# Typographic double quotes, read as '"': a phone's keyboard and a Mac's smart quotes type “a
# phrase”, and a quotation copied from an article or a document comes so (or „so“, «so», as
# German and French print it); read as text, its words were found anywhere and in any order.
# Single quotes are not phrase marks (’ is an apostrophe: O’Brien), as ' is not.
QUOTE_MARKS = str.maketrans(dict.fromkeys("“”„‟«»〝〞〟＂", '"'))
_WORD = re.compile(r"\w+", re.UNICODE)
_PHRASE_PREFIX = re.compile(r"\w\*\s*$")

# The search query's check of its parameters (a Datasette magic parameter, datasette_plugin):
# run directly, checked by the caller, it is bound as "".
CHECKED_PARAMETERS = "_valid_q_since_until_sort_page_versions"
PAGE_SIZE = 20  # rows per page of the saved `search` query
MARK_OPEN, MARK_CLOSE = "<mark>", "</mark>"  # what that query puts around a match


def search_sql() -> str:
    """The `search` saved query of metadata.yml: the CLI runs the very SQL the JSON API serves,
    so the bounded-ranking design (explained there) lives in one place."""
    return _saved_query_sql("search")


@cache
def _saved_query_sql(name: str) -> str:
    """A saved query's SQL, read from metadata.yml once a process: the timeline's note read and
    parsed the file for each timeline page. As the server, which reads the file when it starts
    and serves those queries until it is started again (as Datasette does, and its --reload)."""
    return load_metadata()["databases"]["archive"]["queries"][name]["sql"]


# The timeline's condition that leaves the undated articles out of its days (metadata.yml).
_TIMELINE_DATED = "and f.published is not null"


def undated_matches(db: "Database | sqlite3.Connection", text: str, outlet: str = "", versions: str = "") -> int:
    """How many of a timeline's matches it leaves out for having no date: the timeline query
    itself with its one condition on the date turned round, so its words, outlet and versions
    are read as it reads them. (Its page said "Articles without a date are left out" and no
    more, and a search of the undated alone showed nothing of them.)"""
    sql = _saved_query_sql("timeline")
    if sql.count(_TIMELINE_DATED) != 1:  # (kept so by tests/test_sql_copies.py)
        raise RuntimeError("the timeline query's date condition is not where undated_matches looks")
    sql = sql.replace(_TIMELINE_DATED, "and f.published is null")
    add_query_functions(getattr(db, "conn", db))
    params = {"q": text, "outlet": outlet, "split": "", "versions": versions, "page": "",
              "_valid_q_split_versions_page": ""}
    return sum(row[2] for row in db.execute(sql, params))


def undated_note(count: int) -> str:
    """What a timeline says of the matches it leaves out for having no date."""
    return (f"{count:,} matching article{' has' if count == 1 else 's have'} no date and "
            f"{'is' if count == 1 else 'are'} left out of the days (search lists {'it' if count == 1 else 'them'})")


# A text of more words than this gets its opening words for a snippet (the search query's
# opening()). FTS5's snippet() takes time in the square of a text's matches, in one call SQLite
# cannot interrupt: 20,000 matches took 2.3 s, 80,000 26 s, and a search of "word" over an
# article of 3 million words held a server thread for over ten minutes, past the 2 s limit.
# News articles, even long reads, stay well under it; transcripts, logs and dumps read as one
# article do not. (metadata.yml's search query writes both as numbers, in each of its four
# snippets: tests/test_sql_copies.py keeps them equal.)
SNIPPET_MOST_WORDS = 20_000
OPENING_WORDS = 24  # as many as the query's snippets hold


def opening(body):
    """The first words of a text, for a snippet: "The ferry sailed at dawn ... …"."""
    if not isinstance(body, str):
        return None
    return " ".join(body[:OPENING_WORDS * 40].split(maxsplit=OPENING_WORDS)[:OPENING_WORDS]) + " …"


# What the query's snippet() writes where it cuts a text short.
SNIPPET_ELLIPSIS = " … "


def readable_snippet(snippet, authors):
    """A snippet FTS5 took from the authors column, which holds the byline as a JSON array, as
    the names it lists: '["Ann <mark>Lee</mark>", "Bo Park"]' -> 'Ann <mark>Lee</mark>, Bo Park'.
    A search of a writer's name showed that JSON as the hit's passage, on every page and in the
    command line's output. Told by being a piece of the article's own authors text: any other
    snippet is returned as it is."""
    if not (isinstance(snippet, str) and isinstance(authors, str)):
        return snippet
    core = snippet.removeprefix(SNIPPET_ELLIPSIS).removesuffix(SNIPPET_ELLIPSIS)
    plain = core.replace(MARK_OPEN, "").replace(MARK_CLOSE, "")
    if '"' not in plain or plain not in authors:
        return snippet
    names = core.strip().removeprefix("[").removesuffix("]").replace('", "', ", ").strip('"')
    names = names.replace('\\"', '"').replace("\\\\", "\\")
    cut_before = SNIPPET_ELLIPSIS if snippet.startswith(SNIPPET_ELLIPSIS) else ""
    cut_after = SNIPPET_ELLIPSIS if snippet.endswith(SNIPPET_ELLIPSIS) and core != snippet.removeprefix(cut_before) else ""
    return cut_before + names + cut_after


def add_query_functions(conn: sqlite3.Connection) -> None:
    """The SQL functions the saved queries call, on a connection that runs them: the server's
    (datasette_plugin), the command line's search, a benchmark's. escape_fts reads what was typed
    (fts_expression); the name functions let a name be found as typed, not only as stored:
    by_author and by_outlet, and search's author and outlet filters, which read it the same way;
    same_address_key compares addresses as ingest does (normalise.same_address_key); opening
    gives a text too long for FTS5's snippet() its first words (SNIPPET_MOST_WORDS), and
    readable_snippet a byline's snippet as names, not JSON; snippet()
    reads the index's text through cjk_index_text (ingest.cjk).

    Once a connection: a function registered again expires every statement SQLite has prepared
    on it, and search() and the timeline's note, which register them on each call, had the saved
    query prepared again each time, 80-400 ms for SQL that runs in 1-15 (and on a server's
    connection, every saved query it had prepared)."""
    if _has_query_functions(conn):
        return
    add_index_function(conn)
    conn.create_function("escape_fts", 1, fts_expression, deterministic=True)
    conn.create_function("person_key", 1, _person_key, deterministic=True)
    conn.create_function("byline_key", 1, byline_key, deterministic=True)
    conn.create_function("outlet_key", 1, _outlet_key, deterministic=True)
    conn.create_function("filed_outlet_key", 1, _filed_outlet_key, deterministic=True)
    conn.create_function("typed_domain", 1, _typed_domain, deterministic=True)
    conn.create_function("name_has_words", 2, _name_has_words, deterministic=True)
    conn.create_function("same_address_key", 1, _same_address_key, deterministic=True)
    conn.create_function("opening", 1, opening, deterministic=True)
    conn.create_function("utc_seen", 1, utc_seen, deterministic=True)
    # Registered last: _has_query_functions takes it being there for all of them being there.
    conn.create_function("readable_snippet", 2, readable_snippet, deterministic=True)


def utc_seen(value):
    """new_articles' seen as first_seen is compared with it: a UTC time written any way check_parameter
    lets through ("Z", "-00:00", a fraction, as JavaScript's toISOString writes it) up to its
    fraction or zone. first_seen is to the second, so a fraction is cut, never rounded up: a poller
    may be given an article of that second twice, but never misses one."""
    zone = _SEEN_ZONE.search(value or "")
    if zone is None:
        return value
    return value[:zone.start("fraction") if zone["fraction"] else zone.start("zone")]


def _has_query_functions(conn: sqlite3.Connection) -> bool:
    """Whether add_query_functions registered its functions on this connection: the last of them
    is there. (Not escape_fts: Datasette registers its own under that name, which ours replaces.)"""
    try:
        return conn.execute("SELECT 1 FROM pragma_function_list WHERE name = 'readable_snippet'").fetchone() is not None
    except sqlite3.Error:  # (an SQLite without the pragma: registered again, as before)
        return False


# The name helpers of ingest.normalise, imported when first asked: normalise pulls in courlan
# (and numpy), which a server that is never asked for a name need not load.
def _person_key(typed):
    from .normalise import person_key

    return person_key(typed) if isinstance(typed, str) else None


def byline_key(authors):
    """A byline (a JSON array of names, as articles.authors and sources.authors hold it) as the
    set of its names' keys (person_key), sorted, a JSON array: the same writers in another order,
    or "Zoë" for "Zoe", are the same byline, as the author filter finds them. None for none
    recorded (NULL)."""
    import json

    from .normalise import person_key

    if not isinstance(authors, str):
        return None
    names = json.loads(authors)
    return json.dumps(sorted({person_key(name) for name in names if isinstance(name, str)} - {""}), ensure_ascii=False)


def _outlet_key(typed):
    from .normalise import outlet_key

    return outlet_key(typed) if isinstance(typed, str) else None


def _filed_outlet_key(typed):
    """The key of the outlet ingest files a name under: of the name clean_outlet makes of it, so
    "AP" or "A.P." is the agency's key ("associatedpress"), where outlet_key alone gives "ap"
    (which only an outlet row stored before agencies' initials were read as the agency has)."""
    from .normalise import clean_outlet, outlet_key

    return outlet_key(clean_outlet(typed) or typed) if isinstance(typed, str) else None


def _typed_domain(typed):
    """The domain of an address or host name typed ("www.x.example", "https://x.example/a"),
    or None for anything else ("The Harbor Ledger")."""
    from .normalise import domain_of

    if not isinstance(typed, str) or not re.fullmatch(r"\s*(?:https?://)?[\w-]+(?:\.[\w-]+)+(?:/\S*)?\s*", typed):
        return None
    typed = typed.strip()
    return domain_of(typed if "://" in typed else "http://" + typed)


def _same_address_key(url):
    from .normalise import sql_same_address_key

    return sql_same_address_key(url)


def _name_has_words(name, typed):
    from .normalise import name_has_words

    return name_has_words(name, typed) if isinstance(name, str) and isinstance(typed, str) else False


# The saved queries compare dates as text with the ISO dates stored ("2024-03-05",
# "2024-03-05T08:30:00+00:00"), so anything else would silently match nothing (since=notadate)
# or everything (before=garbage). A year, a month or a day, optionally followed by a time (the
# `published` value a page shows, pasted back as `before`). Its digits ASCII ones, as stored: a
# full-width "２０２４" (a phone's or an input method's) passed for a year, and matched nothing.
_DATE_PARAMETER = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?(?:\S*|\s\S+))?)?)?",
                             re.ASCII)
MAX_PAGE = 1_000_000
# What follows the time of a `seen` (the new_articles query): its offset, if any.
_SEEN_ZONE = re.compile(r"(?P<separator>[T ])\d{2}:\d{2}(?::\d{2}(?P<fraction>\.\d+)?)?(?P<zone>.*)$")
# (_versions: the searched table pages' own spelling of versions, datasette_plugin)
# (texts: the syndication query's, "same" leaving out the edited copies of a story)
_CHOICES = {"sort": ("", "newest"), "split": ("", "outlet"), "versions": ("", "all"), "_versions": ("", "all"),
            "texts": ("", "same")}


class BadParameter(sqlite3.ProgrammingError):
    """A saved query's parameter that is not of its kind. A ProgrammingError, so that Datasette,
    binding it as a magic parameter (datasette_plugin), shows the message as the query's error."""


def check_parameter(name: str, value: str | None) -> None:
    """Raise BadParameter, saying what was expected, when `value` is not a valid `name`
    (since, until, before, seen: a date; page: 1, 2, ...; article, after: an id; sort, split, versions, texts:
    one of their choices).
    Empty is always valid: it means no filter."""
    if not value:
        return
    if name in ("since", "until", "before", "seen"):
        match = _DATE_PARAMETER.fullmatch(value)
        try:
            if match is None:
                raise ValueError
            datetime.date(int(match[1]), int(match[2] or 1), int(match[3] or 1))
            # (a time of no clock, "T25:99", sorted after the day's every time: nothing matched)
            datetime.time(int(match[4] or 0), int(match[5] or 0), int(match[6] or 0))
        except ValueError:
            raise BadParameter(f"{name}: {value!r} is not a date; write it as YYYY-MM-DD "
                               "(or YYYY-MM, or YYYY), e.g. 2024-03-05") from None
        # first_seen is stored in UTC ("...+00:00") and compared as text.
        zone = _SEEN_ZONE.search(value) if name == "seen" else None
        if zone is not None and zone["separator"] != "T":  # (" 09:00" sorts before every "T...")
            raise BadParameter(f"seen: {value!r} has a space before the time; write a T, as first_seen "
                               "does, e.g. 2024-03-05T08:30:00")
        # A fraction of a second, "Z" and "-00:00" (UTC as JavaScript's toISOString writes it) are
        # read by utc_seen in the query: compared as text they sorted after first_seen's
        # "09:00:00+00:00", so the articles of that very second were left out. Another offset
        # would be that time read as UTC, hours off without a word.
        if zone is not None and zone["zone"] not in ("", "+00:00", "+0000", "Z", "z", "-00:00", "-0000"):
            raise BadParameter(f"seen: {value!r} is not a UTC time as first_seen writes it; write it with "
                               "no offset (or +00:00, or Z), e.g. 2024-03-05T08:30:00")
    elif name == "page":
        if not (value.isascii() and value.isdigit() and int(value) >= 1):
            raise BadParameter(f"page: {value!r} is not a page number; write 1, 2, 3...")
        if int(value) > MAX_PAGE:  # SQLite's integers overflow on the way ("datatype mismatch")
            raise BadParameter(f"page: {value} is beyond the last page there can be ({MAX_PAGE:,})")
    elif name == "article":
        # An article's id, as the search results' earlier_versions link gives it. A typo was
        # answered with no rows: "no edited story", which is not what was asked.
        if not (value.isascii() and value.isdigit() and 1 <= int(value) < 2 ** 63):
            raise BadParameter(f"article: {value!r} is not an article's id; write its number, e.g. 42")
    elif name == "after":
        # The `new_articles` query's cursor: the last id a program has (0 before the first article).
        if not (value.isascii() and value.isdigit() and int(value) < 2 ** 63):
            raise BadParameter(f"after: {value!r} is not an article's id; write the last id you have, e.g. 42")
    elif name == "q":
        check_words(name, value)
    elif name in _CHOICES and value not in _CHOICES[name]:
        allowed = " or ".join(repr(choice) for choice in _CHOICES[name] if choice)
        raise BadParameter(f"{name}: {value!r} is not one of its choices: leave it empty, or write {allowed}")


# The saved queries' parameters compared with an article's `published` (search's since and
# until, by_author's and by_outlet's before), and the date's parts that comparison reads.
PUBLISHED_BOUNDS = ("since", "until", "before")
_BOUND_PARTS = re.compile(r"(\d{4}(?:-\d{2}(?:-\d{2})?)?)(?:[T ](\d{2}:\d{2}(?::\d{2})?))?", re.ASCII)


def published_bound(value: str) -> str:
    """A valid since, until or before as the stored dates compare with it, as text: the day, and
    a time after a "T", to the second, without the offset or zone typed after it (a time is read
    on each source's own clock, as its day is). A space before the time, as every page shows a
    date ("2025-03-04 21:40 -05:00"), sorted before each "T..." of its day, so since matched the
    day's every article and until and before none of them; a "Z" or an offset after the seconds
    sorted after the stored "+00:00", leaving out that very second. Anything else is returned
    as it is, for check_parameter to refuse."""
    match = _BOUND_PARTS.match(value) if _DATE_PARAMETER.fullmatch(value or "") else None
    if match is None:
        return value
    return match[1] + (f"T{match[2]}" if match[2] else "")


def check_words(name: str, value: str | None) -> None:
    """Raise BadParameter when a search (`name`: the field it was typed in) only leaves words
    out: FTS5 cannot answer "every article but these" (NOT needs a left side), and answering
    nothing to "everything but X" looks like an archive without X. A search with no word at all
    (punctuation, an empty box) is not refused: it matches nothing, as ever."""
    if value and fts_query(value) is None and _excludes_words(value):
        raise BadParameter(f"{name}: {value!r} only leaves words out (-word); add a word to find, "
                           "e.g. 'harbour -strike'")


def check_parameters(names, values) -> None:
    """check_parameter for each of `names` (values.get(name)), then the range they make: a
    `since` after the `until` (both inclusive) matches nothing, and says so rather than
    answering with no rows, as a typo in a year would."""
    for name in names:
        check_parameter(name, values.get(name, ""))
    since, until = values.get("since", ""), values.get("until", "")
    if ("since" in names and "until" in names and since and until
            and published_bound(since) > published_bound(until) + "T99"):
        raise BadParameter(f"since {since} is after until {until}: no date is in that range")


def _phrase(words: list[str], prefix: bool = False) -> str:
    return '"' + " ".join(words) + '"' + ("*" if prefix else "")


def _words(text: str) -> list[str]:
    """The index's words for the words of a term: a run of Chinese, Japanese or Korean
    characters is one character a word (東京 -> 東 京, as the index reads it: ingest.cjk), so that
    in the term's phrase it is found where it is part of a longer run."""
    return [piece for word in _WORD.findall(text) for piece in query_words(word)]


def _terms(text: str):
    """(excluded, words, prefix) for each term typed that has words."""
    for match in _TOKEN.finditer((text or "").translate(QUOTE_MARKS)):
        if match.group(2) is not None:
            # A phrase whose last word ends in *, "north kor*", is a prefix phrase (as the served
            # search read it before it used this function); a * standing apart, "north *", is not.
            excluded, words = match.group(1), _words(match.group(2))
            prefix = bool(_PHRASE_PREFIX.search(match.group(2)))
        else:
            excluded, raw = match.group(3), match.group(4)
            words, prefix = _words(raw), raw.endswith("*")
        if words:
            yield excluded, words, prefix


# German's sharp s and the "ss" that stands for it (Swiss German, capitals, older spellings): the
# index's tokenizer (unicode61) folds case and accents but not ß, so "Strasse" did not find
# "Straße", nor "Straße" a Swiss "Strasse". A term is therefore asked in both spellings (_spellings):
# the index and its text stay as written, so a snippet marks "Straße" as the article has it, and
# the index's text is still the text it was fed (schema/0021: a fold in the index alone made
# FTS5's check of its index against the text fail, and a fold in the text too showed "Strasse" in
# every snippet of "Straße").
_SHARP_S = re.compile("([ßẞ])")
_DOUBLE_S = re.compile("(ss)", re.IGNORECASE)
_OTHER_SPELLING = {"ß": "ss", "ẞ": "SS"}  # (an "ss" as typed: ß)
# At most this many spellings a term: each is one more look-up in the index ("Schlossstrasse", its
# "sss" one "ss" and an s, asks 4, as "Mississippi" does); a longer phrase's further words are
# asked as typed.
_MOST_SPELLINGS = 8


def _spellings(words: list[str], prefix: bool, sharp_s_typed: bool) -> list[list[str]]:
    """The words of a term in each spelling of a sharp s, the term as typed first. Where the
    search has a word typed with ß (sharp_s_typed) its writer puts ß where it belongs, so only
    such words vary, ß as typed or "ss" ("Straße" -> Straße, Strasse), and an "ss" beside them
    stays ("dass", "Wasser": their ß spellings are old or no words, and would use up the limit a
    phrase has before its ß word); otherwise each "ss" is as typed or ß ("strasse" -> strasse,
    straße), and a prefix ending in one s has that s as the first half of ß too ("stras*" also
    straß*; "strass*" is within "stras*" already). Past _MOST_SPELLINGS a word is asked as typed,
    counted before its spellings are made (a run of 48 "s" made 2^24 of them, over 1 GB)."""
    from itertools import product

    spellings = [[]]
    for n, word in enumerate(words):
        split = (_SHARP_S if sharp_s_typed else _DOUBLE_S).split(word)  # [text, joint as typed, text, ...]
        pieces, typed = split[::2], split[1::2]
        ends_in_half = (not sharp_s_typed and prefix and n == len(words) - 1
                        and word[-1:] in ("s", "S") and word[-2:].lower() != "ss")
        if len(spellings) * (2 ** len(typed) + ends_in_half) > _MOST_SPELLINGS:
            forms = [word]
        else:
            forms = ["".join(piece + joint for piece, joint in zip(pieces, (*joints, "")))
                     for joints in product(*[(joint, _OTHER_SPELLING.get(joint, "ß")) for joint in typed])]
            if ends_in_half:
                forms.append(word[:-1] + "ß")
        spellings = [spelling + [form] for spelling in spellings for form in forms]
    return spellings


def _excludes_words(text: str) -> bool:
    return any(excluded for excluded, _, _ in _terms(text))


def fts_query(text: str) -> str | None:
    """Compile what a user typed into an FTS5 MATCH expression, or None if it has no words to
    find (none at all, or only -excluded ones).

    >>> fts_query('kursk "north korean" troop* -drone')
    '"kursk" "north korean" "troop"* NOT "drone"'
    >>> fts_query('東京 Olympics')
    '"東 京" "Olympics"'
    >>> fts_query('Straße')
    '("Straße" OR "Strasse")'
    """
    # Each term once: FTS5 reads a term's places in a text once for each time the query names
    # it, in one call SQLite's time limit cannot stop, so "harbor" typed 400 times took 13 s
    # over an archive holding a long transcript, and 3,000 times ran past 10 minutes. Naming a
    # term again finds nothing more.
    positive: dict[str, None] = {}
    negative: dict[str, None] = {}
    sharp_s_typed = any(letter in (text or "") for letter in _OTHER_SPELLING)
    for excluded, words, prefix in _terms(text):
        phrases = [_phrase(spelling, prefix) for spelling in _spellings(words, prefix, sharp_s_typed)]
        term = phrases[0] if len(phrases) == 1 else "(" + " OR ".join(phrases) + ")"
        (negative if excluded else positive)[term] = None
    if not positive:
        return None
    # (FTS5 joins phrases side by side with an implicit AND, but not a group in brackets: a term
    # in two spellings beside another, "class action", was a syntax error without the AND)
    joint = " AND " if any(term.startswith("(") for term in positive) else " "
    return joint.join(positive) + "".join(f" NOT {term}" for term in negative)


def fts_expression(text: str | None) -> str:
    """fts_query(), or the empty phrase '""' (which FTS5 answers with nothing) when there is no
    word to find: the escape_fts() SQL function of the saved queries, the table pages' search
    and the command line. Never empty: FTS5 rejects an empty MATCH ("Invalid SQL" for an
    empty search box)."""
    return fts_query(text) or '""'


# Best first, the search query ranks at most this many matches (the latest arrivals, or the
# latest by date in a date range: metadata.yml's recent and dated), so that a very common word
# stays fast at a million articles; newest first walks every match.
RANKED_WINDOW = 500


def past_ranked_window(query: str, sort: str, page: int) -> bool:
    """Whether the page after `page` of a saved query holds nothing because the query ranked no
    more: `search` best first stops at RANKED_WINDOW (page 25 of 20), so its Next page led to
    "0 results", which read as the end of the matches."""
    return query == "search" and sort != "newest" and page * PAGE_SIZE >= RANKED_WINDOW


class SearchTimeout(RuntimeError):
    """The search ran past its time limit and was stopped."""


def search(db: "Database | sqlite3.Connection", text: str, limit: int = 20, *, outlet: str = "", author: str = "",
           since: str = "", until: str = "", newest: bool = False, all_versions: bool = False,
           time_limit: float | None = None) -> list[dict]:
    """The best matches first (or the newest, with newest=True), snippets marked with **. An
    edited story is one result, its latest matching text, unless all_versions=True.

    Runs the saved query page by page, with the escape_fts() the served pages have
    (fts_expression). Raises BadParameter for a search that only leaves words out, and
    SearchTimeout when it runs past time_limit seconds (stopped as the server stops a query
    past its sql_time_limit_ms: by SQLite's progress handler)."""
    check_parameters(("q", "since", "until"), {"q": text, "since": since, "until": until})
    if fts_query(text) is None:
        return []
    since, until = published_bound(since), published_bound(until)
    connection = getattr(db, "conn", db)
    add_query_functions(connection)
    params = {"q": text, "outlet": outlet, "author": author, "since": since, "until": until,
              "sort": "newest" if newest else "", "versions": "all" if all_versions else "",
              CHECKED_PARAMETERS: ""}
    results: list[dict] = []
    with stopped_after(connection, time_limit):
        for page in range(1, (limit + PAGE_SIZE - 1) // PAGE_SIZE + 1):
            try:
                cursor = db.execute(search_sql(), {**params, "page": str(page)})
                columns = [c[0] for c in cursor.description]
                rows = [dict(zip(columns, row)) for row in cursor.fetchall()]
            except sqlite3.OperationalError as error:
                if time_limit is not None and "interrupt" in str(error):
                    raise SearchTimeout(f"the search ran past {time_limit:g} s and was stopped") from None
                # fts_query only emits quoted phrases, so this is a bug of ours, not of the user's.
                raise RuntimeError(f"search failed for {text!r}: {error}") from error
            for row in rows:
                if row["snippet"]:
                    row["snippet"] = row["snippet"].replace(MARK_OPEN, "**").replace(MARK_CLOSE, "**")
            results.extend(rows)
            if len(rows) < PAGE_SIZE:
                break
    return results[:limit]


def outlets_noted(ran_in: list[str], edited_in: list[str], ran_under: list[dict]) -> list[str]:
    """The outlets a search hit's story ran in (the query's ran_in), as the served page and
    `news-archive search` name them: one that ran only an edited copy marked "edited" (edited_in),
    and one whose copy ran under a byline not this text's given it (ran_under): "The Meridian Post
    (edited, by Jane Staff)"."""
    bylines: dict[str, list[str]] = {}
    for copy in ran_under:
        bylines.setdefault(copy["outlet"], []).append(", ".join(copy["authors"]))
    noted = []
    for outlet in ran_in:
        notes = ["edited"] * (outlet in edited_in) + [f"by {byline}" for byline in bylines.get(outlet, [])]
        noted.append(outlet + (f" ({', '.join(notes)})" if notes else ""))
    return noted


@contextmanager
def stopped_after(connection: sqlite3.Connection, seconds: float | None):
    """Within it, a statement on `connection` running past `seconds` from now is stopped
    (sqlite3.OperationalError "interrupted"), as the server stops a query past its
    sql_time_limit_ms: by SQLite's progress handler. None: no limit."""
    if seconds is None:
        yield
        return
    import time

    deadline = time.monotonic() + seconds
    # (asked every 1,000 SQLite steps: a few microseconds each time)
    connection.set_progress_handler(lambda: time.monotonic() > deadline, 1_000)
    try:
        yield
    finally:
        connection.set_progress_handler(None, 0)


# The names a typed author or outlet finds, as the search query's filters choose them
# (metadata.yml: author_named/author_found, outlet_named/outlet_found): those it names (by key,
# as stored, an outlet by its address) and, only when it names none, every name whose words it
# begins. Kept apart from that SQL, which is tuned for speed; the same conditions, on the names
# tables only (no article is read). With `most` 1 it says whether a name typed finds anyone.
_NAMES_FOUND = {
    "author": "WITH named(id) AS (SELECT id FROM authors WHERE key = person_key(:typed) "
              "UNION SELECT id FROM authors WHERE name = :typed COLLATE NOCASE) "
              "SELECT name FROM authors WHERE id IN (SELECT id FROM named) "
              "UNION ALL SELECT name FROM authors WHERE NOT EXISTS (SELECT 1 FROM named) "
              "AND name_has_words(name, :typed) LIMIT :most",
    "outlet": "WITH named(id) AS (SELECT id FROM outlets WHERE key IN (outlet_key(:typed), filed_outlet_key(:typed)) "
              "UNION SELECT id FROM outlets WHERE name = :typed COLLATE NOCASE "
              "UNION SELECT id FROM outlets WHERE domain = typed_domain(:typed)) "
              "SELECT name FROM outlets WHERE id IN (SELECT id FROM named) "
              "UNION ALL SELECT name FROM outlets WHERE NOT EXISTS (SELECT 1 FROM named) "
              "AND name_has_words(name, :typed) LIMIT :most",
}
# Past this many the note says "more than": counting every author a letter begins costs a read
# of the whole authors table for a number nobody needs exactly.
NAMES_COUNTED = 10_000


def names_matching_many(db: "Database | sqlite3.Connection", outlet: str = "", author: str = "") -> list[str]:
    """A note for each of `outlet` and `author` that finds more than one name, with how many and
    the first few (in alphabetical order): "k" finds every author with a word beginning so, and
    the search then keeps all their articles, while the reader thinks it narrowed to one."""
    notes = []
    add_query_functions(getattr(db, "conn", db))
    for kind, value in (("outlet", outlet), ("author", author)):
        if not value:
            continue
        names = [name for (name,) in db.execute(_NAMES_FOUND[kind], {"typed": value, "most": NAMES_COUNTED + 1})]
        if len(names) < 2:
            continue
        count = f"more than {NAMES_COUNTED:,}" if len(names) > NAMES_COUNTED else f"{len(names):,}"
        shown = sorted(names, key=str.casefold)[:3]
        more = ", ..." if len(names) > len(shown) else ""
        notes.append(f"{kind} {value!r} matches {count} {kind}s ({', '.join(shown)}{more}); "
                     "type more of the name to narrow it")
    return notes


def copies_at_outlet(db: "Database | sqlite3.Connection", text: str, outlet: str, shown: list[int], *,
                     author: str = "", since: str = "", until: str = "", before: str = "",
                     all_versions: bool = False, outlet_filter: str = "--outlet",
                     one_outlet: bool = False, most: int | None = None,
                     time_limit: float | None = None, dated: bool = False) -> list[str]:
    """A note when the outlet typed ran matching stories that are stored under another outlet: an
    article keeps the outlet it was first stored from, and a copy of it elsewhere is a place it
    ran (a `sources` row), which the outlet filter does not read. Asked what "Lakeside Post" ran
    about a bridge, the search answered "No articles match." of a story Lakeside Post had run,
    word for word, as one of its three places, and said nothing.

    Only the stories the search without --outlet finds (the same author, dates and versions as
    the search's SQL reads them), and none kept under an outlet --outlet finds: the note named a
    story outside --since, and one --outlet does find that --limit left out. `outlet_filter` names
    the filter as the reader typed it (the served search's "the outlet filter").

    Without `text`, every story the outlet ran so (by_outlet's list of an outlet's articles, which
    answered "0 rows" of an outlet the outlets table names and links to, when it had run only
    copies), published before `before` if given; `dated`, of dated stories only (the timeline's
    days count no other: it named undated stories it never counts). `one_outlet`: only for a name that finds one
    outlet (the server's: one that finds many, "the", has its own note, and their copies are
    most of the archive's, read on every page of the list).

    `most` and `time_limit` (seconds), the server's: it says "more than `most`" once it has found
    that many, and, stopped at the time limit, "N or more" of the N found by then (none found:
    no note). Asked on every page of one outlet, the note read all an outlet's copied stories
    and checked each against the words: 0.5-3 s a page of 10,000-100,000 of them, where the
    page itself took 15 ms."""
    if not outlet:
        return []
    add_query_functions(getattr(db, "conn", db))
    # (every name found, as the search's own filters take them all)
    outlets = _NAMES_FOUND["outlet"].replace("SELECT name FROM outlets", "SELECT id FROM outlets")
    authors = _NAMES_FOUND["author"].replace("SELECT name FROM authors", "SELECT id FROM authors").replace(
        ":typed", ":author")
    # What the search's filters keep of article `{a}` (its SQL: dated, latest; outlet aside)
    kept = ("(:since = '' OR {a}.published >= :since) AND (:until = '' OR {a}.published <= :until || 'T99') "
            "AND (:before = '' OR {a}.published < :before) " + ("AND {a}.published IS NOT NULL " if dated else "")
            + "AND (:author = '' OR EXISTS (SELECT 1 FROM article_authors WHERE article_id = {a}.id "
            "AND author_id IN (SELECT id FROM author_found))) "
            # (each article looked up in the index, not every match of a common word listed)
            + ("AND EXISTS (SELECT 1 FROM articles_fts WHERE articles_fts MATCH :expression AND rowid = {a}.id)"
               if text else ""))
    # Each story the outlet ran as a copy once, before any is searched (a story it ran at several
    # addresses or days was searched for each): at its first copy there, by the copies' outlet
    # index (schema/0025), not by reading every copy of the archive: the served search asks it of
    # every search of one outlet. Row by row, not the outlet's stories gathered first (as a
    # DISTINCT subquery is): the server's `most` stops it after the first of 100,000.
    sql = (f"WITH found(id) AS ({outlets}), author_found(id) AS ({authors}) "
           "SELECT DISTINCT a.id FROM sources copy INDEXED BY sources_duplicate_outlet "
           "JOIN articles a ON a.id = copy.article_id "
           "WHERE copy.status = 'duplicate' AND copy.outlet_id IN (SELECT id FROM found)"
           + (" AND (SELECT count(*) FROM found) = 1" if one_outlet else "") + " "
           "AND NOT EXISTS (SELECT 1 FROM sources earlier INDEXED BY sources_duplicate_outlet "
           "WHERE earlier.status = 'duplicate' AND earlier.outlet_id = copy.outlet_id "
           "AND earlier.article_id = copy.article_id AND earlier.id < copy.id) "
           "AND (a.outlet_id IS NULL OR a.outlet_id NOT IN (SELECT id FROM found)) "
           f"AND {kept.format(a='a')} "
           "AND NOT (:versions = '' AND EXISTS (SELECT 1 FROM articles later WHERE later.previous_version = a.id "
           f"AND {kept.format(a='later')}))" + (" LIMIT :cap" if most is not None else ""))
    params = {"typed": outlet, "author": author or "", "most": -1, "expression": fts_expression(text) if text else "",
              "since": published_bound(since or ""), "until": published_bound(until or ""),
              "before": published_bound(before or ""), "versions": "all" if all_versions else "",
              "cap": (most or 0) + 1}  # (one more than `most`: that there are more)
    connection = getattr(db, "conn", db)
    found, stopped = [], False
    with stopped_after(connection, time_limit):
        try:
            found.extend(article_id for (article_id,) in connection.execute(sql, params))
        except sqlite3.OperationalError as error:
            if time_limit is None or "interrupt" not in str(error):
                raise
            stopped = True  # (what was found by then is said, as "N or more")
    ids = [i for i in found if i not in shown]
    counted = f"{len(ids):,}"
    if most is not None and len(found) > most:
        ids, counted = ids[:most], f"more than {most:,}"
    elif stopped:
        counted = f"{len(ids):,} or more"
    if not ids:
        return []
    listed = ", ".join(f"#{i}" for i in sorted(ids)[:5]) + (", ..." if len(ids) > 5 else "")
    one = len(ids) == 1 and counted == "1"
    ran = (f"outlet {outlet!r} also ran {counted}{' matching' if text else ''} {'story' if one else 'stories'} "
           f"kept under the outlet of {'its' if one else 'their'} first stored copy ({listed})")
    if not text:
        return [f"{ran}, which this list does not hold: "
                + ("its page names every place it ran" if one else "their pages name every place they ran")]
    return [f"{ran}, which {outlet_filter} does not find: search without it to see them"]


class Notes(list):
    """Notes, and whether they are whole: `complete` is False when a part was given up for time
    (the copy note, COPY_BYLINES_SECONDS), so that the server does not keep them for the next
    request as if they were."""
    complete = True


def names_not_in_archive(db: "Database | sqlite3.Connection", outlet: str = "", author: str = "") -> Notes:
    """For a search that found nothing, a note for each of `outlet` and `author` that names no
    outlet or author of the archive, with the nearest names it holds: a name mistyped, or
    written as a site shows it ("Harbor Ledger" for "The Harbor Ledger"), matched nothing,
    and the answer was the same "No articles match." as for words found nowhere."""
    import difflib

    notes = Notes()
    add_query_functions(getattr(db, "conn", db))
    for kind, table, value in (("outlet", "outlets", outlet), ("author", "authors", author)):
        if not value or db.execute(_NAMES_FOUND[kind], {"typed": value, "most": 1}).fetchone():
            continue
        names = {name.casefold(): name for (name,) in db.execute(f"SELECT name FROM {table}") if name}
        nearest = [names[key] for key in difflib.get_close_matches(value.casefold(), names, n=3, cutoff=0.6)]
        copies = _copy_bylines_note(db, value) if kind == "author" else ""
        notes.complete = notes.complete and copies is not None
        notes.append(f"no {kind} of the archive is named {value!r}"
                     + (f" (nearest: {', '.join(repr(name) for name in nearest)})" if nearest else "")
                     + (copies or ""))
    return notes


# The stories a copy of which ran under a byline naming the typed author (the copy's own byline,
# sources.authors), by the name's key or as written, and only when no copy's byline names it so,
# by the beginnings of its words, as an author is found (_NAMES_FOUND: "Jo Baker" is not "Jo
# Bakerson" when a Jo Baker is named); read from the bylined copies' index (schema/0029) alone, each byline judged
# once (the index is in byline order), not once a copy: a staff byline runs on many copies, and
# judged a copy at a time, 250,000 copies took 3.6 s, the names' Python functions most of it.
# (a copy's row that a later reading of the same file replaced, a corrected record stored again at its
# location, is its history: the byline it ran under is the latest sighting's, as in ran_under. Asked
# of the stories found, in order, until enough are: asked of each copy, 300,000 copies under names
# a word begins took 0.6 s, past COPY_BYLINES_SECONDS)
_NOT_REPLACED = (
    "NOT EXISTS (SELECT 1 FROM sources AS later WHERE later.location = copy.location "
    "AND later.article_id = copy.article_id AND later.status != 'failed' "
    "AND (coalesce(later.last_seen, later.seen_at), later.id) > (coalesce(copy.last_seen, copy.seen_at), copy.id))")
_BYLINED_COPIES = "sources AS copy INDEXED BY sources_copy_bylines WHERE copy.status = 'duplicate' AND copy.authors != '[]'"
_COPY_BYLINES_SQL = (
    f"WITH bylines(authors) AS (SELECT DISTINCT copy.authors FROM {_BYLINED_COPIES}), "
    "names(authors, name) AS (SELECT bylines.authors, byline.value FROM bylines, json_each(bylines.authors) AS byline), "
    "exact(authors) AS (SELECT authors FROM names "
    "WHERE person_key(name) = person_key(:typed) OR name = :typed COLLATE NOCASE), "
    "named(authors) AS (SELECT authors FROM exact UNION ALL SELECT authors FROM names "
    "WHERE NOT EXISTS (SELECT 1 FROM exact) AND name_has_words(name, :typed)) "
    f"SELECT candidate.article_id FROM (SELECT DISTINCT copy.article_id FROM {_BYLINED_COPIES} "
    "AND copy.authors IN (SELECT authors FROM named) ORDER BY copy.article_id) AS candidate "
    "WHERE EXISTS (SELECT 1 FROM sources AS copy INDEXED BY sources_article WHERE copy.article_id = candidate.article_id "
    f"AND copy.status = 'duplicate' AND copy.authors IN (SELECT authors FROM named) AND {_NOT_REPLACED}) LIMIT :most")
COPY_BYLINES_NAMED = 5
# ...and at most this long (then no such note): an archive whose copies carry 250,000 bylines, each
# another, took 3.8 s (a loaded 2-core machine), and the served answer waits for its notes.
COPY_BYLINES_SECONDS = 0.5


def _copy_bylines_note(db: "Database | sqlite3.Connection", typed: str) -> str | None:
    """What the note of an author no article's byline names adds when copies ran under that
    byline: an article's byline is its text's (the author filter, the author facet and by_author
    read it alone), and a paper's staff byline on a wire story, kept on that copy's row, was
    answered "no author of the archive is named" as if the archive had never seen the name.
    None when given up for time (COPY_BYLINES_SECONDS): not known."""
    try:
        with stopped_after(getattr(db, "conn", db), COPY_BYLINES_SECONDS):
            ids = [article_id for (article_id,) in db.execute(
                _COPY_BYLINES_SQL, {"typed": typed, "most": COPY_BYLINES_NAMED + 1})]
    except sqlite3.OperationalError as error:  # (stopped; or an archive read as it is, before schema/0029)
        return None if "interrupt" in str(error) else ""
    if not ids:
        return ""
    listed = ", ".join(f"#{i}" for i in ids[:COPY_BYLINES_NAMED]) + (", ..." if len(ids) > COPY_BYLINES_NAMED else "")
    return (f"; copies of stories kept under their text's byline ran under that name ({listed}): "
            "their pages name each copy's byline")
