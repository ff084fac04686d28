"""Normalise stage: people from author strings, ISO dates, canonical outlets and URLs.

Pure functions of their inputs (plus "now", passed in), so they are tested with tables of short
strings and run safely in worker processes.
"""

import functools
import re
import unicodedata
from datetime import date, datetime, timezone
from urllib.parse import urlsplit

import courlan
from dateutil import parser as dateutil_parser
from dateutil import tz

from .dedupe import normalised_body
from .record import Article

# --- outlets -------------------------------------------------------------------------------

# Wire agencies as they appear in bylines and datelines, with the name we file them under.
# These are facts about the news business, not about any input file.
AGENCIES = {
    "ap": "The Associated Press",
    "associated press": "The Associated Press",
    "the associated press": "The Associated Press",
    "reuters": "Reuters",
    "thomson reuters": "Reuters",
    "afp": "Agence France-Presse",
    "agence france-presse": "Agence France-Presse",
    "agence france presse": "Agence France-Presse",
    "upi": "United Press International",
    "united press international": "United Press International",
    "dpa": "dpa",
    "deutsche presse-agentur": "dpa",
    "pa": "PA Media",
    "pa media": "PA Media",
    "press association": "PA Media",
    "bloomberg": "Bloomberg",
    "bloomberg news": "Bloomberg",
    "xinhua": "Xinhua",
    "kyodo": "Kyodo News",
    "kyodo news": "Kyodo News",
    "yonhap": "Yonhap",
    "tass": "TASS",
    "efe": "EFE",
    "ansa": "ANSA",
    "aap": "Australian Associated Press",
    "canadian press": "The Canadian Press",
    "the canadian press": "The Canadian Press",
    "cp": "The Canadian Press",
}


# (Cached: the HTML signals ask for the key of each of a page's site names and title parts
# many times over, in each test that compares them.)
@functools.lru_cache(maxsize=65536)
def outlet_key(name_or_domain: str) -> str:
    """The key that makes "The Guardian", "the guardian" and "theguardian.com" one outlet."""
    value = name_or_domain.strip().casefold()
    if re.fullmatch(r"(https?://)?[\w-]+(\.[\w-]+)+(/\S*)?", value):
        value = (domain_of(value if "://" in value else "http://" + value) or value).split(".")[0]
    value = unicodedata.normalize("NFKD", value)
    value = "".join(ch for ch in value if ch.isalnum())
    return value[3:] if value.startswith("the") and len(value) > 6 else value


_DOTTED_INITIALS = re.compile(r"(?:[^\W\d_]\.\s?){1,4}[^\W\d_]\.?")


def clean_outlet(name: str | None) -> str | None:
    """A display name for an outlet: agencies by their full name, white space tidied."""
    if not name:
        return None
    name = re.sub(r"\s+", " ", str(name)).strip(" \t\n|-–—·:")
    if re.match(r"https?://", name, re.I):
        name = domain_of(name) or name
    if not name or len(name) > 100:
        return None
    agency = AGENCIES.get(name.casefold())
    if agency is None and _DOTTED_INITIALS.fullmatch(name):
        # "A.P.", "A. F. P.": an agency's initials written with dots are the agency, not an outlet
        # of their own (the key of "A.P." is "ap", not the agency's).
        agency = AGENCIES.get(re.sub(r"[.\s]", "", name).casefold())
    if agency:
        return agency
    if name.startswith("the "):
        name = "The " + name[4:]
    return name


def domain_of(url: str | None) -> str | None:
    """The registered domain of a URL ("news.bbc.co.uk" -> "bbc.co.uk"), or its host name
    without "www." when the public-suffix list does not know the ending."""
    if not url:
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    # The domain depends on the host alone, and an archive's URLs share few hosts: cached
    # by scheme and host (the public-suffix lookup was 60 us a record).
    return _domain_of_host(parts.scheme, parts.netloc)


@functools.lru_cache(maxsize=65536)
def _domain_of_host(scheme: str, netloc: str) -> str | None:
    domain = courlan.extract_domain(f"{scheme}://{netloc}/")
    if not domain:
        host = urlsplit(f"{scheme}://{netloc}/").hostname
        domain = host.removeprefix("www.") if host and "." in host else None
    return domain.lower() if domain else None


def canonical_url(url: str | None) -> str | None:
    """Tracking parameters and fragments dropped, host lower-cased (courlan's normalize_url)."""
    if not url or not isinstance(url, str):
        return None
    url = url.strip()
    if not re.match(r"https?://", url, re.I):
        return None
    try:
        return courlan.normalize_url(url, strict=True)
    except ValueError:
        return None


def same_address_key(url: str) -> str:
    """A stored (canonical) address as compared to find the earlier text of the same story: its
    path's trailing slashes dropped when it has no query ("https://x.example/news/flood/" is
    ".../news/flood"). Sites serve an article at both and link to either, so a story fetched
    twice was two addresses and its edit went unlinked; a site where the slash names another
    page is rare for articles, and a link also needs the two texts to be one story
    (store.same_story_texts). Compared only: the address stored and shown is left as it was.
    The one definition: SQL calls it as same_address_key(url) (sql_same_address_key).

    Its results are stored: each story's places are counted by it and kept (schema/0027,
    story_place_counts). A change to it needs a migration naming every story stale (as 0027's
    last statements do), else the counts kept stay those of the old rule."""
    return url if "?" in url else url.rstrip("/")


def sql_same_address_key(url):
    """same_address_key as the SQL function same_address_key(url), registered where SQL groups
    or compares addresses by it (the syndication query and the article page's places, through
    search.add_query_functions; store.link_versions_stored_unlinked): NULL stays NULL. Written
    once, not as SQL beside it in each place (three copies of iif(instr(url, '?'), ...) had to
    be kept in step); as fast (a million addresses grouped: 2.1 s either way)."""
    return same_address_key(url) if isinstance(url, str) else url


def same_address_forms(url: str) -> tuple[str, str]:
    """The stored addresses whose same_address_key is this address's: without and with the
    slash (what an index on the address can look up)."""
    key = same_address_key(url)
    return (key, key) if "?" in url else (key, key + "/")


# --- authors -------------------------------------------------------------------------------

ROLE_WORDS = {
    "staff", "writer", "reporter", "correspondent", "editor", "editors", "contributor",
    "columnist", "journalist", "producer", "photographer", "author", "bureau", "chief",
    "senior", "deputy", "managing", "associate", "contributing", "special", "political",
    "foreign", "national", "desk", "team", "newsroom", "opinion", "guest", "news",
    "freelance", "intern", "analyst", "director", "host", "anchor", "agencies",
}
ORGANISATION_WORDS = {
    "press", "news", "agency", "associated", "times", "post", "journal", "tribune", "herald",
    "gazette", "media", "network", "wire", "service", "services", "inc", "ltd", "llc",
    "group", "newspaper", "magazine", "radio", "television", "tv", "channel", "daily",
    "weekly", "courier", "telegraph", "chronicle", "observer", "guardian", "independent",
    "reuters", "bloomberg", "agencies", "staff", "newsroom", "bureau", "desk", "online",
    "digital", "publishing", "editorial", "foundation", "institute", "university", "council",
    "international", "business",
    # A research unit's name ("Harbor Robotics Lab", a site's section in its menu) reads as a
    # name otherwise.
    "lab", "labs", "laboratory", "laboratories",
}
NAME_PARTICLES = {
    "de", "da", "del", "della", "der", "den", "di", "do", "dos", "du", "la", "le", "van", "von",
    "bin", "binti", "ibn", "al", "el", "y", "e", "ter", "ten", "st", "mac", "mc",
    "los", "las", "das", "des", "dei", "degli", "op", "zu", "af", "abu", "bint", "ben",
}
# A particle glued to the capitalised family name it opens ("d'Arcy", "al-Hashimi"): a word of
# a name although it starts with a small letter. (text_rules builds its name patterns on it.)
GLUED_PARTICLE = r"(?:d|l|al|el|ad|ud|ul|an|ar|as|at|az|bin|ibn)['’-]"
_GLUED_PARTICLE = re.compile(GLUED_PARTICLE + r"([^\W\d_])")


def _glued_particle(word: str) -> bool:
    match = _GLUED_PARTICLE.match(word)
    return bool(match and match.group(1).isupper())


MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
# "By" in English, and in the other languages our pages are written in (French "Par", Spanish
# and Portuguese "Por", Dutch "Door", Scandinavian "Av"); and a label with a colon that says
# the name is the author's ("Author:", "Texte :", "Текст:"). Other labels ("Photos:") are not
# taken off: what follows them is no author.
_BY_PREFIX = re.compile(r"^\s*(?:(?:(?:an?\s+)?(?:guest\s+)?(?:written|words|reporting|reported|text|story|"
                        # the kind of piece the writer signs ("Analysis by", "Opinion by", and with
                        # an article or as a guest's: "A commentary by", "Guest column by")
                        r"analysis|opinion|commentary|column|essay|review|interview|post|"
                        # one person signing the words and the pictures ("Story and photos by")
                        r"(?:story|text|words)\s+(?:and|&)\s+(?:photos?|photographs?|pictures?|images?))\s+)?by[:\s]+|"
                        r"(?:par|por|door|av)(?:\s*:\s*|\s+)|"
                        # "written by" (or "published by", "posted by") in the other languages,
                        # and Indonesian and Malay "by", "oleh"
                        r"(?:testo\s+di|(?:escrit[oa]|redactad[oa]|publicad[oa])\s+por|(?:écrite?|ecrite?|rédigée?|publiée?)\s+par|"
                        r"(?:scritt[oa]|redatt[oa]|pubblicat[oa])\s+da|(?:geschrieben|verfasst|veröffentlicht)\s+(?:von|durch)|"
                        r"(?:gepost|geschreven)\s+door|skrevet\s+a[fv]|oleh|"
                        # an interview's credit to whoever asked, who wrote it up: French "propos
                        # recueillis par", German "die Fragen stellte(n)", "das Interview führte(n)"
                        r"propos\s+recueillis\s+par|(?:die\s+)?fragen\s+stellten?|"
                        r"(?:das\s+)?interview\s+f(?:ü|ue)hrten?)(?:\s*:\s*|\s+)|"
                        # German "Von", Italian "Di", Danish "Af" as a label with its colon (alone,
                        # a name's particle too: see below)
                        r"(?:von|di|af)\s*:\s*|"
                        r"(?:authors?|autor|autora|autores|auteur|auteurs|autore|autori|text|texte|words|"
                        r"texto|testo|tekst|текст|автор|yazar|penulis|kirjoittaja|contributors?|writers?|reporters?|story|"
                        r"(?:text|texte|texto|words)\s+(?:and|&|und|et|y|e)\s+(?:photos?|fotos?))\s*:\s*|"
                        # German "Von", Italian "Di", Danish "Af": only before a name of two words
                        # or more, as each is also a particle ("Von Miller", "Di Maio").
                        # (Italian writes "di" in small letters as its "by": "di Anna Rossi".)
                        r"(?-i:Von|VON|Di|DI|di|Af|AF)\s+(?-i:(?=[A-ZÀ-Þ][\w'’.-]*\s+[A-ZÀ-Þ]))|"
                        # and German "durch" ("through", a theme's word for "by") before a name
                        # of two words or more: "08/08/2017 durch Ann Lee"
                        r"^\s*(?-i:durch)\s+(?-i:(?=[A-ZÀ-Þ][\w'’.-]*\s+[A-ZÀ-Þ])))", re.I)
# German "von" in small letters opening the whole byline, before a capital: a blog's byline
# "von Heiner" (a name's own particle comes after its given name, "Ada von Berg", or before
# another particle, "von der Leyen"). Read on the whole text only, not on each of its parts: a
# second writer's name may open with its particle ("Anna Berg und von Weizsäcker"); nor before
# a surname and its given name after a comma ("von Hardenberg, Karl", a list's order).
_LOWER_VON_LABEL = re.compile(r"^\s*von\s+(?=[A-ZÀ-Þ])(?![\w'’.-]+\s*,\s*[A-ZÀ-Þ][\w'’.-]*\s*$)")
# "with"/"avec" join a co-author ("A with B", "A (avec B et C)").
# A spaced dash parts fields too ("Ada Quill - Staff Writer", "Ada Quill – Reuters"); a hyphen
# inside a name has no spaces round it. So does a spaced middle dot or bullet ("Ada Quill ·
# Staff Writer", a meta author written as a byline's fields; Catalan's "l·l" has no spaces).
# (Spanish "y" joins names only as a word of its own: "Y." is a middle initial, "Ada Y. Quill".)
# ("and" in Italian and Portuguese "e", Dutch "en", Danish and Norwegian "og", Swedish "och",
# Czech "a", Finnish "ja" joins names only in small letters before a capital: "Ada E. Quill",
# "ADA E QUILL" keep their initial. And only before two words or more: a single word after it
# ends a Portuguese compound surname, "Costa e Silva", "Sousa e Melo".)
# (The joining words of other languages, "e", "en", "og", split only before a whole name: a
# capitalised word, maybe a surname's particles, and another, "Maria dos Santos", "Anne de Vries".)
# Titles of three letters or more written before a name with a full stop.
_NOT_AFTER_TITLE = "".join(rf"(?<!\b{title})" for title in (
    "prof", "mrs", "rev", "gen", "sen", "rep", "gov", "sgt", "capt", "col", "mme", "mlle", "hon", "sra", "dra"))
# A full stop after a word of three letters or more ends a name ("Ada Quill. Valley
# International"); after an initial, a short title or a domain it does not ("Ada Y. Quill",
# "Jr.", "Dr.", "Prof.", "Example.com.").
_SEPARATORS = re.compile(r"\s*(?:(?<=[^\W\d_][a-zß-ÿ]{2})(?<!\.[a-z]{2})(?<!\.[a-z]{3})" + _NOT_AFTER_TITLE + r"\.\s+(?=[A-Z])|;|、|\||\s&\s|\s[-–—·•∙]\s|\band\b|\bwith\b|\bavec\b|\bund\b|\bet\b|\by\b(?!\.)|\s(?-i:e|en|og|och|a|ja)\s(?-i:(?=[A-ZÀ-ÞĀ-Ž][^\W\d_]*\.?\s+(?:(?:d[aeiou]s?|dell[ae]|de[lnr]|van|von|la|le|ter|ten)\s+)*[A-ZÀ-ÞĀ-Ž]))|,|\n|/(?=\s))\s*", re.I)
_EMAIL = re.compile(r"(?<!\S)\S+@\S+\.\S+")  # from a word's start: else each position of a long word is tried
_URL = re.compile(r"(?:https?://|www\.)\S+", re.I)
# (A handle set in an element of its own beside the name runs into it: "Ada Quill@adaquill";
# only where the name ends: "Ada@Harbor Ledger" is no name with a handle inside.)
_HANDLE = re.compile(r"(?<!\w)@\w+|@\w+(?=\s*(?:$|[,;|/&·•]|and\b))")
WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
# A date, time or stamp glued to a byline ("... on October 28, 2024", "... December 16", "...
# on Monday, Nov. 18"): everything from it to the end goes. A month or weekday name only counts
# after the first word, so that "April Ryan" and "Tuesday Weld" keep their first names, and a
# month's only with a day after it, so that "Brian May" and "Ma Jun" keep their last; a
# weekday's short form only with its dot or comma ("Mon.", "Sun,"), as "Sun" is a family name,
# or after "on" ("by A on Mon, 03/04/2024": the comma splits the part off before this is read).
# A day written before its month ("on 4 March 2024", "4th March") counts as the month does.
_DATE_TAIL = re.compile(
    rf"(?:\s+(?:on|at|from|updated|published|posted))?\s*(?:(?<=\S\s)\b(?:{MONTHS})\b\.?(?=,?\s*\d)|"
    rf"(?<=\S\s)\b\d{{1,2}}(?:st|nd|rd|th)?\.?\s+(?:{MONTHS})\b|"
    rf"(?<=\S\s)\b(?:{WEEKDAYS})\b|(?<=\S\s)\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[.,]|"
    rf"(?<=\son\s)(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\b|"
    rf"\b\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}|\b(?:19|20)\d\d\b|\b\d{{1,2}}:\d\d|"
    rf"\b(?:updated|published|posted)\b|\b\d{{1,3}}\s*min(?:ute)?s?\.?\s+read\b|"
    # a year written the CJK way ("2019年4月5日"), where no word boundary follows the digits
    rf"(?<!\d)(?:19|20)\d\d\s*年).*$",
    re.I,
)
# A Chinese, Japanese or Korean-Hanja name is written in ideographs without capitals: a family
# name and a given name of two to five characters in all, run together or split by one space.
# Kana and Hangul are left out: there they spell words as often as names.
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\u3005"
_HAN_NAME = re.compile(rf"[{_HAN}]{{2,5}}|[{_HAN}]{{1,3}} [{_HAN}]{{1,4}}")
# What a CJK byline writes before the name ("著者：", "作者:", "文／", "記者 "), and role words
# that are never a name themselves (editorial desk, reporter, staff, translator).
_HAN_LABEL = re.compile(r"^\s*(?:(?:著者|作者|筆者|執筆者|執筆|撰文|撰稿|本报记者|本報記者|記者|记者|寄稿)\s*[：:／/|｜]?|"
                        r"(?:文|ライター)\s*[：:／/|｜])\s*")
# A reporter's title after the name ("林美音 記者", "王立新记者").
# (and the Japanese honorific after a name, "山田太郎氏": the name's, not part of it)
_HAN_ROLE_TAIL = re.compile(r"\s*(?:記者|记者|特派員|特派员|通信員|通讯员|氏)$")
_HAN_ROLES = re.compile(r"編集部|编辑部|編集|编辑|記者|记者|特派員|通信員|通讯员|本報|本报|"
                        r"作者|著者|翻訳|翻译|監訳|投稿|个人|個人|ニュース|新聞|新闻|日報|日报|"
                        # (the trainee's and the intern's titles between a reporter's line's names)
                        r"实习生|實習生|见习|見習")
# A Chinese reporter's line: the label, the names, and what closes it, "reports" (with the
# place reported from) or "photographed": "记者 王五 报道", "记者 张三 北京报道", "本报记者 王五摄".
_REPORTER_LINE = re.compile(r"^\s*(?:本报|本報)?(?:记者|記者)[\s：:]")
_REPORT_TAIL = re.compile(rf"(?<=[{_HAN}])(?:\s+[{_HAN}]{{0,4}}(?:报道|報導|报导|報道)"
                          rf"|\s*(?:报道|報導|报导|報道|摄影|攝影|摄|攝))\s*$")
_REPORT_WORD = re.compile(r"\s*(?:报道|報導|报导|報道|摄影|攝影|摄|攝)\s*$")
# The names of a mainland line, each two or three characters, parted by spaces ("记者 王五 李四");
# not with the traditional label, which Japanese shares, where a space parts the family name
# from the given one ("山田 太郎").
_SIMPLIFIED_REPORTERS = re.compile(rf"^(\s*(?:本报)?记者[\s：:]*)([{_HAN}]{{2,3}}(?: [{_HAN}]{{2,3}})+)$")


def _reporters_apart(text: str) -> str:
    """A reporter's line without its closing word, its names parted as a list is."""
    if not _REPORTER_LINE.match(text):
        return text
    # (the closing word alone when the place's reading took the name with it: "记者 王五报道")
    without_tail = _REPORT_TAIL.sub("", text)
    if not _HAN_LABEL.sub("", without_tail).strip():
        without_tail = _REPORT_WORD.sub("", text)
    text = without_tail if _HAN_LABEL.sub("", without_tail).strip() else text
    names = _SIMPLIFIED_REPORTERS.match(text)
    return f"{names[1]}{names[2].replace(' ', '、')}" if names else text


# A catalogue's "Last, First" (with middle initials, a particle before the family name): the
# whole string, so that "Quill, Ada" is one person, not two one-word names.
_LAST_FIRST = re.compile(
    r"\s*((?:[a-z]{1,4}\s+)?[A-Z][\w'’-]+),\s*([A-Z][\w'’-]+(?:\s+[A-Z]\.)*(?:\s+[a-z]{1,4})?)\s*")
_NICKNAME = re.compile(r"(?<=\w)\s*\(([^),;]{1,20})\)(?=\s+[A-Z])")
# What follows a name in a byline that is not the name: where the writer files from ("in
# Lisbon", "from Oslo", "reporting from Rome"), a bio ("is a senior reporter ..."), the labels of
# profile links set beside it ("Twitter", "Email"), and the phrases of the links a byline box
# sets after the name ("View all posts", "More from this author", "Read more", "Email the
# author": phrases of two words or more, so a name such as "Thomas More" keeps its word).
# The first words of a button or a link beside a byline ("Follow on X", "Read more").
_ACTION_WORDS = "follow|view|see|read|send|contact|subscribe|show|get|visit|share|sign"
_NAME_TAIL = re.compile(r"\s+(?:(?:reporting|reports?|writing|writes)\s+)?(?:from|in)\s+[A-Z].*$|\s+is\s+(?:a|an|the)\s.*$|"
                        r"(?i:\s+(?:view|see|read)\s+(?:all|more|full|the|his|her|their)\b.*$|"
                        r"\s+more\s+(?:from|by|stories|articles|posts|about)\b.*$|"
                        r"\s+(?:email|e-mail|contact|follow)\s+(?:the\s+)?(?:author|writer|me|us)\b.*$|"
                        r"\s+all\s+(?:posts|stories|articles)\b.*$)|"
                        # a button's or a link's phrase run into the name from an element beside
                        # it ("Follow on Twitter", "View profile", "Send email", "Get alerts",
                        # "Follow Ada on X"): an action word, then words with one in small
                        # letters (a name has none but its particles): "Ada Read" keeps its name.
                        # (The phrase's own action word is the last before the small word: "Ada
                        # Read Read more", "Ann View Follow on X" keep the surname that is one.)
                        r"\s+(?i:" + _ACTION_WORDS + r")"
                        r"(?=(?:\s+(?!(?i:" + _ACTION_WORDS + r")\b)\S+){0,4}?\s+(?!(?:"
                        + "|".join(sorted(NAME_PARTICLES)) + r")\b)[a-z])"
                        r"(?:\s+\S+){1,5}$")
# The credit of the pictures beside the writer's ("Text: A, Fotos: B", "Words: A; Photos: B"):
# whoever follows the label made the images, not the story.
PICTURES_CREDIT = re.compile(
    r"^\s*(?:photos?|photographs?|photography|pictures?|images?|illustrations?|illustrationen|"
    r"graphics?|grafik|video|fotos?|fotograf[íi]as?|fotografie|bilder)\s*(?:by\b|:)", re.I)
# (and a button's one word after the name, or before it: "Ada Quill Contact", "Ada Quill
# Subscribe", "Biography Ada Quill", a profile card's link run into its hidden name)
_LINK_LABELS = {"twitter", "facebook", "instagram", "linkedin", "email", "e-mail", "mail", "rss",
                "follow", "bio", "biography", "profile", "contact", "subscribe"}
_GROUP_WORDS = {"staff", "team", "desk", "newsroom", "bureau", "editors", "agencies", "news"}
# "The newsroom" in the languages whose bylines we read ("Par La Rédaction", "Von Redaktion
# Hafenblatt", "Por Redacción"): a desk's credit, nobody's name, as "Staff" is.
_NEWSROOM_WORDS = frozenset({"rédaction", "redaction", "redaktion", "redactie", "redacción", "redaccion",
                             "redação", "redacao", "redazione", "redakcja", "redakce", "redaksjonen",
                             "redaktionen", "toimitus"})
# A compound job title ("Editor-at-large", "Editor-in-Chief") reads as its role word, so that
# "Ada Quill, Valley Editor-at-large" loses the title as "Valley Editor" would.
_ROLE_COMPOUND = re.compile(r"(?<=[^\W\d_])[-‐](?:at|in)[-‐](?:large|chief)\b", re.I)
_TRAILING_ROLE = re.compile(r"\s+(?:staff|reporters?|writers?|correspondents?|editors?)$", re.I)


class LoneName(str):
    """A one-word name (a pen name, or a first name alone) that an extractor found given as
    the writer's whole name by two of the page's signals at once. split_people keeps it as it
    is, where a one-word string of unknown origin is more often a handle, a section or a site."""


# The last word of a public body's or a board's name, read as an organisation's in an author
# list only (ORGANISATION_WORDS serve other rules too): "Port Authority", "Editorial Board".
_BODY_TAILS = {"authority", "board", "commission", "committee", "association", "ministry",
               "department", "corporation", "society"}
# The last word of a newspaper's name that ORGANISATION_WORDS lacks ("Valley Sentinel", "Harbor
# Register", "Coast Review"), so that a meta author or a byline that gives the outlet without
# its "The" names no person. Words that are also family names are left out ("Star", "Sun",
# "Leader", "Ledger", "Record").
_OUTLET_TAILS = {"register", "examiner", "dispatch", "inquirer", "enquirer", "sentinel", "bulletin",
                 "standard", "express", "mirror", "review", "insider", "digest", "monitor", "today",
                 "newsletter", "podcast", "blog"}
# The last word of a desk's, a feed's or a newsroom product's name ("Wire Reports", "Harbor
# Newswire", "Market Insights", "Brand Studio", "Ledger Video", "Wiki Contributors", "Press
# Release"): words no family name is, so "A Studio" or "A Reports" in an author field is the
# outlet's, and no person.
_DESK_TAILS = {"newswire", "newswires", "newsdesk", "reports", "release", "releases", "contributors",
               "insights", "studio", "studios", "video", "videos"}
_AUTHOR_LIST_ORGANISATION_TAILS = frozenset(ORGANISATION_WORDS | _BODY_TAILS | _OUTLET_TAILS
                                            | _DESK_TAILS)  # (joined once, not per name)
_GENERIC_CREDIT_WORDS = frozenset(ROLE_WORDS | _DESK_TAILS | {"wire"})
# The first word of a public body's or an office's name in the Romance languages and German,
# before "de"/"do"/"der" (particles inside a person's name too) as the next word or the one
# after: "Secretaria de Comunicação", "Coordenadoria de Imprensa", "Prefeitura Municipal de Lagoa",
# "Ministerio de Salud", "Amt der Stadt". (In English "of" and "for"
# are no particles, so "Department of Health" never read as a name.)
_BODY_HEADS = {
    "secretaria", "secretaría", "assessoria", "asesoría", "prefeitura", "coordenadoria", "coordenação",
    "coordinación", "departamento", "département", "ministério", "ministerio", "ministère", "ministero",
    "gabinete", "governo", "gobierno", "gouvernement", "universidade", "universidad",
    "université", "università", "instituto", "institut", "istituto", "câmara", "cámara", "comissão",
    "comisión", "commissione", "agência", "agencia", "agence", "agenzia", "serviço", "servicio",
    "direction", "dirección", "diretoria", "direção", "oficina", "ayuntamiento", "mairie", "comune",
    "conselho", "consejo", "conseil", "consiglio", "procuradoria", "fundação", "fundación",
    "fondation", "fondazione", "associação", "asociación", "associazione", "sindicato", "amt",
    "ministerium", "stadtverwaltung", "polícia", "policía", "polizia", "tribunal", "tribunale",
}
_BODY_HEAD_PARTICLES = {"de", "do", "da", "dos", "das", "del", "della", "di", "du", "des", "der"}
# German writes a body's kind as the end of one word ("Bundesministerium", "Außenministerium",
# "Landratsamt", "Kreisverwaltung"): such a word heads a body's name as _BODY_HEADS do.
_BODY_HEAD_ENDS = ("ministerium", "amt", "verwaltung", "behörde")
# Credits that name no writer and no outlet: a picture library, paid content.
_NOBODY_TAILS = {"images", "content"}


def split_people(raw_authors: list[str] | str | None) -> tuple[list[str], list[str]]:
    """Author strings to (people, organisations), in order, each person once.

    "By A and B", "A; B", "A, B and C", "A And B, The Associated Press" -> people A, B (C) and
    the agency as an organisation. Roles, e-mail addresses, URLs, handles, dates and "Staff" are
    dropped; a name in capitals is given title case.
    """
    if raw_authors is None:
        return [], []
    if isinstance(raw_authors, str):
        raw_authors = [raw_authors]
    people: list[str] = []
    organisations: list[str] = []
    seen: set[str] = set()
    for raw in raw_authors:
        if not isinstance(raw, str):
            continue
        if isinstance(raw, LoneName):
            if person_key(raw) not in seen:
                seen.add(person_key(raw))
                people.append(str(raw))  # a plain string from here on (stored, compared)
            continue
        found_people, found_organisations = _people_in(raw)
        for person, key in found_people:
            if key not in seen:
                seen.add(key)
                people.append(person)
        organisations.extend(name for name in found_organisations if name not in organisations)
    return people, organisations


@functools.lru_cache(maxsize=8192)
def _people_in(raw: str) -> tuple[tuple[tuple[str, str], ...], tuple[str, ...]]:
    """One author string's (person, person_key) pairs and organisations, in order. Cached: the
    same bylines recur through an archive (a newsroom's staff, an agency), and this is a
    dozen regular expressions a string (0.1 ms of a record's ingest before the cache)."""
    people: list[tuple[str, str]] = []
    organisations: list[str] = []
    text = unicodedata.normalize("NFKC", raw)
    text = _EMAIL.sub(" ", _URL.sub(" ", text))
    text = _HANDLE.sub(" ", text)
    # A nickname or initials inside a name ("Richard (R.J.) Eskow") go; a bracket at the
    # end names an agency or a handle: "A (AP)" -> "A", "AP".
    text = _NICKNAME.sub(lambda m: m.group(0) if AGENCIES.get(m.group(1).casefold()) else "", text)
    text = re.sub(r"\(([^)]*)\)", r", \1,", text)
    text = _BY_PREFIX.sub("", _LOWER_VON_LABEL.sub("", text))
    text = _ROLE_COMPOUND.sub("", text)
    text = _last_first(text)
    text = _CAPITALS_RUN.sub(_capitals_apart, text)
    text = _WRITTEN_FOR.sub(_written_for, text)
    if "记者" in text or "記者" in text:
        text = _reporters_apart(text)
    parts = _SEPARATORS.split(text)
    separators = [m.group(0) for m in _SEPARATORS.finditer(text)]
    after_title = False  # the part before was a job title (see below)
    for index, part in enumerate(parts):
        # (Only after a comma or a line break is a part a field of the name before it: "A and
        # B Staff Writer" names B.)
        after_comma = index > 0 and separators[index - 1].strip() in (",", "")
        was_after_title, after_title = after_title, False
        if PICTURES_CREDIT.match(part):
            continue
        part = _HAN_LABEL.sub("", _BY_PREFIX.sub("", part.strip()))
        without_role = _HAN_ROLE_TAIL.sub("", part)
        if without_role != part and _HAN_NAME.fullmatch(without_role):
            part = without_role
        part = _once(_DATE_TAIL.sub("", part).strip(" .:-–—'\"“”‘’"))
        part = _without_head(_without_tail(_NAME_TAIL.sub("", part), _LINK_LABELS), _LINK_LABELS)
        if not part:
            continue
        part, tail_agency = _agency_tail(part)
        if tail_agency and tail_agency not in organisations:
            organisations.append(tail_agency)
        organisation = _TRAILING_ROLE.sub("", part)  # "Reuters staff" is Reuters
        # An agency's name in capitals leads a desk of it ("AP Auto", "AFP Sports").
        lead = part.split()[0] if part.split() else ""
        agency = AGENCIES.get(organisation.casefold()) or (
            AGENCIES.get(lead.casefold()) if lead.isupper() and len(part.split()) > 1 else None)
        words = [w.casefold().strip(".") for w in part.split()]
        if len(words) >= 2 and words[-1] in _NOBODY_TAILS:
            continue  # "Coastline Images", "Sponsored Content": no writer, and no outlet
        if _NEWSROOM_WORDS & set(words):
            continue
        if agency or (len(words) >= 2 and words[-1] in _AUTHOR_LIST_ORGANISATION_TAILS) or (
                len(words) >= 3 and (words[0] in _BODY_HEADS or words[0].endswith(_BODY_HEAD_ENDS))
                and _BODY_HEAD_PARTICLES & set(words[1:3])):
            part = organisation
            name = agency or clean_outlet(part)
            # (Not a generic credit, no outlet's name: "Staff Reports", "Wire Reports".)
            if name and not set(words) <= _GENERIC_CREDIT_WORDS and name not in organisations:
                organisations.append(name)
            continue
        if people and after_comma and len(words) >= 2 and (
                words[-1] in _ROLE_NOUNS or words[-1][-1:] == "s" and words[-1][:-1] in _ROLE_NOUNS) and not (
                len(words[0]) == 2 and AGENCIES.get(words[0])):
            # A job title with its paper or its beat in a field after the writer's name ("Ann
            # Lee, Harbor Ledger Staff Writer", "A and B, Harbor Correspondents"): no name of
            # its own, whatever words it opens with. (An agency's desk, "Ap Auto Writer", is
            # the agency's: read below.)
            after_title = True
            continue
        if people and after_comma and was_after_title and index == len(parts) - 1:
            # The last field after a job title is the writer's paper ("Ann Lee, Associate
            # Editor, Harbor Ledger"), no second writer.
            continue
        if set(words) & ROLE_WORDS and not _looks_like_name(part, allow_role=False):
            after_title = set(words) <= ROLE_WORDS  # ("Ann Lee, Associate Editor, ...")
            # A job title after the name ("Ada Quill Senior Reporter") goes, the name stays;
            # a group ("Garden Team", "Metro Desk") is nobody's name.
            if words[-1] in _GROUP_WORDS:
                continue
            part = _without_head_role(_without_beat(_without_tail(part, ROLE_WORDS), part))
            if not _looks_like_name(part, allow_role=False):
                continue
            first = part.split()[0]
            desk_of = AGENCIES.get(first.casefold()) if len(first) == 2 else None
            if desk_of and len(part.split()) < len(words):
                # An agency's desk and a job title, however the page cased it ("Ap Auto
                # Writer"): the agency, not a person named "Ap Auto". Only the two-letter
                # agencies (AP, PA): no one is named that, where Efe or Ansa is a given name.
                if desk_of not in organisations:
                    organisations.append(desk_of)
                continue
            # (The agency before the job title: "Ada Quill AP Business Writer".)
            part, tail_agency = _agency_tail(part)
            if tail_agency and tail_agency not in organisations:
                organisations.append(tail_agency)
        person = _person_name(_without_title_of_trade(part))
        if person:
            people.append((person, person_key(person)))
    return tuple(people), tuple(organisations)


def _agency_tail(part: str) -> tuple[str, str | None]:
    """(the name, the agency) of a writer's name with an agency's run onto its end in title
    case, no comma between ("Ada Quill Associated Press", "Ada Quill The Canadian Press",
    "Ada Quill AFP"): as one part it was an organisation's name, and the writer was lost. An
    agency of two words or more, or its initials in capitals (a one-word agency in title
    case may be a surname: "Ada Bloomberg"), after a name of two words or more."""
    words = part.split()
    for count in (3, 2, 1):
        if len(words) - count < 2:
            continue
        tail = " ".join(words[-count:])
        if count == 1 and not (tail.isupper() and len(tail) >= 2):
            continue
        agency = AGENCIES.get(tail.casefold())
        head = " ".join(words[:-count])
        if agency and _looks_like_name(head, allow_role=False) and not AGENCIES.get(head.casefold()):
            return head, agency
    return part, None


# A wire byline sets the writer's name in capitals and runs the agency, the outlet or the job
# title into it with no comma ("By ADA QUILL Associated Press", "ADA QUILL The Valley Courier",
# "ADA QUILL AP Business Writer"): where two words or more in capitals meet words in title case
# that name an agency, an outlet ("The ...", an organisation's last word) or a role, the name
# ends; so it does before an agency's initials that end the capitals ("ADA QUILL AP"). Not
# before one word that is not an agency ("HARBOR TODAY Network" is one name), nor before
# "McQuill"/"MacQuill" (a name in capitals keeps those small letters) or "Jr."/"Sr.".
_CAPITALS_RUN = re.compile(r"(?<![\w'’.-])((?:[A-ZÀ-Þ][A-ZÀ-Þ'’.-]+\s+){1,4}[A-ZÀ-Þ][A-ZÀ-Þ'’.-]+)"
                           r"(?:(?=\s+(?!(?:Mc|Mac)[A-Z]{2}|(?:Jr|Sr)\b)[A-ZÀ-Þ][a-zß-ÿ])|$)")
_FIELD_END = re.compile(r"\s*(?:[,;|/\n(]|\s[-–—]\s|\band\b)")


def _capitals_apart(match: re.Match) -> str:
    words = match.group(1).split()
    if len(words) >= 3 and AGENCIES.get(words[-1].casefold()):
        return " ".join(words[:-1]) + "\n" + words[-1] + "\n"
    tail = _FIELD_END.split(match.string[match.end():], maxsplit=1)[0].split()
    keys = [w.casefold().strip(".") for w in tail]
    if AGENCIES.get(" ".join(keys)) or len(keys) >= 2 and (
            keys[0] == "the" or keys[-1] in _AUTHOR_LIST_ORGANISATION_TAILS or set(keys) & ROLE_WORDS):
        return match.group(1) + "\n"
    return match.group(0)


# "Ada Quill for the Valley Courier": a name of two to four capitalised words, then the outlet
# the piece was written for (a contributed story, an agency's copy), parted like "A, Outlet".
# A byline set in title case writes "For The" ("Ada Quill For The Valley Courier"); "For" before
# any other word may be an organisation's own ("Centre For Ocean Studies").
# So is "Ada Quill of the Valley Courier", "Ada Quill at The Valley Courier", "Ada Quill of
# Reuters": the writer's employer after "of" or "at", when it begins with "The" or is an agency
# (a part with "of" in it was dropped whole, the name with it). And the freelance's credit
# "Ada Quill Special to the Valley Courier" (set with no comma, it lost the name: "Special" is
# a role word, and the part was no name once it went).
_WRITTEN_FOR = re.compile(r"(?<![\w'’-])((?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][\w'’.-]*)\s+(?:(?P<for>for)\s+(?=(?:the\s+)?[A-Z])|"
                          r"For\s+(?=The\s+[A-Z])|(?P<of>of|at)\s+(?=[A-Z]|the\s+[A-Z])|"
                          r"(?P<special>[Ss]pecial\s+[Tt]o)\s+(?=(?:[Tt]he\s+)?[A-Z]))")
# Words before "of the ..." that are no writer's name: an institution's ("Natural History Museum
# of the City") or a job title's ("General Manager of the Harbor Lab", "Chief Executive of the
# Port Authority"), which a byline sets after the name ("Ada Quill, Director of ...").
_NOT_BEFORE_EMPLOYER = frozenset({
    "museum", "school", "college", "academy", "centre", "center", "church", "club", "office", "bank",
    "hospital", "library", "court", "house", "party", "union", "city", "state", "republic", "company",
    "studio", "studios",
    "manager", "president", "professor", "executive", "officer", "secretary", "chairman", "chairwoman",
    "chair", "founder", "co-founder", "cofounder", "ceo", "head", "member", "dean", "minister",
    "governor", "mayor", "spokesman", "spokeswoman", "spokesperson", "general", "vice", "fellow",
    "researcher", "scientist", "lecturer", "partner", "leader", "coordinator", "commissioner",
    "ambassador", "captain", "principal", "chancellor", "trustee", "advisor", "adviser",
    "consultant", "specialist", "owner", "student", "assistant", "doctor", "lead", "board",
}) | ORGANISATION_WORDS | ROLE_WORDS | _BODY_TAILS


def _written_for(match: re.Match) -> str:
    # Not when the words before "for" belong to an organisation's own name ("National
    # Institute for Health Research"): its second half would read as a person.
    words = {w.casefold().strip(".") for w in match.group(1).split()}
    if match["of"]:
        # (after "of"/"at": only an outlet that begins with "The", or an agency's name)
        rest = match.string[match.end():]
        employer = _FIELD_END.split(rest, maxsplit=1)[0].strip()
        if not (re.match(r"the\s", employer, re.I) or AGENCIES.get(employer.casefold())) or (
                words & _NOT_BEFORE_EMPLOYER):
            return match.group(0)
    if words & ORGANISATION_WORDS:
        return match.group(0)
    if match["special"] or match["for"] and not words & ROLE_WORDS:
        # "Special to Valley Courier", "for Valley Courier", the paper without its "The": read
        # as "the Valley Courier" (an outlet, as after "Special to the"), not as a second
        # writer's name (nobody writes a byline "for" a person).
        employer = _FIELD_END.split(match.string[match.end():], maxsplit=1)[0].strip()
        if not (re.match(r"the\s", employer, re.I) or AGENCIES.get(employer.casefold())):
            return f"{match.group(1)}\nthe "
    return f"{match.group(1)}\n"


def _without_tail(text: str, words: set[str]) -> str:
    """The text without the run of `words` at its end, as long as two words are left."""
    parts = text.split()
    while len(parts) > 2 and parts[-1].casefold().strip(".") in words:
        parts.pop()
    return " ".join(parts) if len(parts) < len(text.split()) else text


def _without_head(text: str, words: set[str]) -> str:
    """The text without the run of `words` at its start, as long as two words are left."""
    parts = text.split()
    while len(parts) > 2 and parts[0].casefold().strip(".:") in words:
        parts.pop(0)
    return " ".join(parts) if len(parts) < len(text.split()) else text


# The beats a job title may name before its role word ("Sports Columnist", "Science
# Reporter"): a title run into a name with no comma ("Ada Quill Sports Columnist") leaves
# the beat behind once the role words go.
_BEAT_WORDS = frozenset({"business", "sports", "science", "politics", "technology", "tech", "health",
                         "travel", "food", "finance", "economics", "economy", "entertainment", "culture",
                         "music", "film", "fashion", "education", "environment", "climate", "crime",
                         "courts", "markets", "energy", "features", "investigative", "metro", "weather"})


def _without_beat(text: str, before: str) -> str:
    """The text without a beat word at its end, when role words were just cut after it and
    two words are left: "Ada Quill Sports" (from "... Sports Columnist") -> "Ada Quill"."""
    parts = text.split()
    if text != before and len(parts) > 2 and parts[-1].casefold() in _BEAT_WORDS:
        return " ".join(parts[:-1])
    return text


# The nouns of a trade among the role words: a run of role words before a name that holds one
# is a job title ("Senior Reporter Ada Quill", "Staff Writer Ada Quill").
_ROLE_NOUNS = frozenset({"writer", "reporter", "correspondent", "editor", "columnist", "journalist",
                         "producer", "photographer", "contributor", "author", "intern", "analyst", "anchor"})


def _without_head_role(text: str) -> str:
    """The text without a job title before the name, as long as two words are left: the run
    of role words it opens with, when one of them is a trade's noun ("Senior Reporter Ada
    Quill" -> "Ada Quill"; "Special Ada Quill" stays, for the next test to judge)."""
    parts = text.split()
    count = 0
    while count < len(parts) - 2 and parts[count].casefold().strip(".,:") in ROLE_WORDS:
        count += 1
    if count and {p.casefold().strip(".,:") for p in parts[:count]} & _ROLE_NOUNS:
        return " ".join(parts[count:])
    return text


# The title of a trade that its members set before their name as a form of address, a
# lawyer's above all ("Rechtsanwalt Ann Lee", "Abogada Ana Ruiz", "Avvocato Marco Rossi"): a
# job, not a part of the name. (Not "Dr." or "Prof.": those the byline keeps as the name.)
_TITLES_OF_TRADE = frozenset({
    "rechtsanwalt", "rechtsanwältin", "fachanwalt", "fachanwältin", "notar", "notarin", "steuerberater",
    "steuerberaterin", "abogado", "abogada", "avocat", "avocate", "avvocato", "avvocata", "advogado", "advogada",
    "advocaat", "attorney", "lawyer", "solicitor", "barrister",
})


def _without_title_of_trade(text: str) -> str:
    """The name without such a title before it, as long as two words of a name are left
    ("Attorney General Ann Lee" keeps its job's words: "General" is none of a name's)."""
    words = text.split()
    if (len(words) >= 3 and words[0].casefold() in _TITLES_OF_TRADE
            and words[1].casefold() not in _NOT_BEFORE_EMPLOYER):
        return " ".join(words[1:])
    return text


def _once(name: str) -> str:
    """A name printed twice in a row ("Ada Quill Ada Quill": an avatar's alt text or a hidden
    label run into the visible name) is the name once."""
    words = name.split()
    half = len(words) // 2
    if half and len(words) % 2 == 0 and [w.casefold() for w in words[:half]] == [
            w.casefold() for w in words[half:]]:
        return " ".join(words[:half])
    return name


def _last_first(text: str) -> str:
    """ "Quill, Ada" -> "Ada Quill"; anything else as it is."""
    match = _LAST_FIRST.fullmatch(text)
    if not match:
        return text
    last, first = match.groups()
    words = {w.casefold().strip(".") for w in f"{last} {first}".split()}
    if (words & (ROLE_WORDS | ORGANISATION_WORDS) or AGENCIES.get(last.casefold())
            or not all(w in NAME_PARTICLES for w in re.findall(r"\b[a-z]+\b", f"{last} {first}"))):
        return text
    return f"{first} {last}"


def _looks_like_name(text: str, allow_role: bool = True) -> bool:
    words = text.split()
    if not 1 <= len(words) <= 5:
        return False
    if not allow_role and {w.casefold().strip(".") for w in words} & ROLE_WORDS:
        return False
    capitalised = [w for w in words if w[:1].isupper() or w.casefold() in NAME_PARTICLES or _glued_particle(w)]
    return len(capitalised) == len(words) and not any(ch.isdigit() for ch in text)


# Words a line of capitalised words can hold that no personal name does: pronouns, verbs,
# question words and number words, so that a label's next line ("Story: Continued On Page
# Four", "Reporter: Here Is What We Know") is no writer. Not "will", "may", "page", "more",
# "young", "ten" (names and particles: "Jimmy Page", "Thomas More", "Erik ten Hag").
_NEVER_IN_A_NAME = frozenset({
    "continued", "continues", "from", "about", "into", "onto", "upon", "this", "that", "these",
    "those", "our", "your", "their", "its", "is", "are", "was", "were", "has", "have", "had",
    "been", "not", "every", "here", "there", "where", "when", "what", "which", "who", "why",
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "eleven", "twelve",
    # and the prepositions of an organisation's name in title case ("Centre For Ocean Studies")
    "for", "of",
    # and the labels of the controls a byline box sets after the name, a share bar's ("Copy
    # Link URL", "Copied!", "Share Story", "Print Article", "Gift Article", "Save")
    "copy", "copied", "url", "share", "print", "save", "gift", "bookmark",
})


def _person_name(text: str) -> str | None:
    text = re.sub(r"\s+", " ", text).strip()
    if _HAN_ROLES.search(text):  # "<Site>編集部" is a desk, whatever its Latin part says
        return None
    if _HAN_NAME.fullmatch(text):
        return text
    words = text.split()
    # One word is more often a handle, a section or a site than a person's whole name; and
    # "The ..." is a title, a brand or a group ("The Morning Team", "The Russian ministry").
    if len(words) < 2 or words[0].casefold() == "the":
        return None
    # (Two family names with their particles run to six words: "María José García de la Torre".)
    if len([w for w in words if w.casefold() not in NAME_PARTICLES]) > 5 or len(words) > 7 or len(text) > 60 \
            or any(ch.isdigit() for ch in text):
        return None
    if not all(w[:1].isupper() or w.casefold() in NAME_PARTICLES or w[:1] in "'’" or _glued_particle(w)
               for w in words):
        return None
    if any(w.casefold().strip(".,:;!?") in _NEVER_IN_A_NAME for w in words):
        return None
    if len(text) > 3 and all(w.isupper() or _CAPITALS_WITH_PREFIX.fullmatch(w) for w in words) and text != text.title():
        text = " ".join(_title_word(w) for w in words)
    return text


# A word in capitals whose prefix the writer kept in small letters ("McDONALD", "MacDONALD").
_CAPITALS_WITH_PREFIX = re.compile(r"(?:Mc|Mac)[A-Z]{2,}[A-Z'’-]*")


def _title_word(word: str) -> str:
    """One word of a name in capitals as the name is spelt: each part of a hyphenated name
    capitalised ("Jean-Luc"), the letter after "O'" or "D'" too ("O'Neill"), and after "Mc"
    ("McDonald": no name starts with "Mc" without a capital after it). "MAC" is left as one
    word ("Mack", "Machado") unless the writer kept its small letters ("MacDONALD");
    initials stay ("J.R.")."""
    if re.fullmatch(r"(?:[^\W\d_]\.)+", word):
        return word
    kept_prefix = re.match(r"(Mc|Mac)(?=[A-Z])", word)
    if kept_prefix:
        return kept_prefix.group(1) + _title_word(word[kept_prefix.end():])
    parts = re.split(r"([-‐'’])", word)
    out = []
    for k, part in enumerate(parts):
        # (After an apostrophe only a one-letter start takes a capital: "O'Neill", not "Ann'S".)
        after_apostrophe = k >= 2 and parts[k - 1] in "'’"
        if after_apostrophe and len(parts[k - 2]) != 1:
            out.append(part.lower())
        else:
            out.append(part.capitalize())
    word = "".join(out)
    return re.sub(r"^Mc([a-z])(?=[a-z])", lambda m: "Mc" + m.group(1).upper(), word)


def person_key(name: str) -> str:
    """One key per person: accents, case and punctuation do not make a new author."""
    value = unicodedata.normalize("NFKD", name.casefold())
    value = "".join(ch for ch in value if ch.isalnum() or ch == " ")
    return " ".join(value.split())


_WORD_JOINERS = re.compile(r"[^\w\s]+")


@functools.lru_cache(maxsize=65536)
def name_words(name: str) -> frozenset[str]:
    """The words a reader may type for a name, folded as person_key folds them: each word of its
    key and, of a word joined by a hyphen, an apostrophe or a dot, each part too ("Anne-Marie"
    is "annemarie", "anne" and "marie"). Cached: a search by part of a name asks it of every
    author in the archive, the same names each time."""
    return frozenset(person_key(name).split()) | frozenset(person_key(_WORD_JOINERS.sub(" ", name)).split())


def name_has_words(name: str | None, typed: str | None) -> bool:
    """Whether each word typed begins a word of the name, in any order, folded as person_key
    folds them: "smith", "ann smi", "Smith, Ann" and "Dubois" find "Ann Smith" and
    "Anne-Marie Dubois"; "nn" (inside a word) and "ann smithe" do not. Nothing typed (or
    punctuation only) finds nothing."""
    if not name or not typed:
        return False
    wanted = person_key(typed).split()
    if not wanted:
        return False
    words = name_words(name)
    return all(any(word.startswith(part) for word in words) for part in wanted)


# --- dates ---------------------------------------------------------------------------------

_EARLIEST = date(1900, 1, 1)
_ZONE_NAME_AFTER_OFFSET = re.compile(r"(?<=[+-]\d{4})\s*\([A-Za-z][A-Za-z .'-]*\)\s*$")
# The zone's name in square brackets after an ISO date-time's offset or "Z", as Java's
# ZonedDateTime (and RFC 9557) write it: "2024-03-05T09:00:00+01:00[Europe/Paris]". The offset
# already says the moment; the name in brackets is no part of ISO 8601.
_BRACKETED_ZONE = re.compile(r"(?:(?<=[+-]\d\d:\d\d)|(?<=[+-]\d{4})|(?<=\dZ))\[[A-Za-z][\w/+-]*\]$")
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


def _is_epoch_zero(parsed: datetime) -> bool:
    """The Unix epoch's first moment: a timestamp left at zero and formatted by a template, not
    a day a page was published ("1970-01-01T00:00:00Z", "1969-12-31T19:00:00-05:00" as New
    York writes it, or the bare day "1970-01-01"). A later moment of that day is a moment."""
    if parsed.tzinfo is not None:
        return parsed == _EPOCH
    return parsed.replace(microsecond=0) == _EPOCH.replace(tzinfo=None)


FOREIGN_MONTHS = {
    # French, German, Spanish, Portuguese, Italian, Dutch, Czech (genitive): the languages of
    # the news we see most after English.
    **dict.fromkeys(["janvier", "januar", "jänner", "enero", "janeiro", "gennaio", "januari", "ledna"], 1),
    **dict.fromkeys(["février", "fevrier", "februar", "febrero", "fevereiro", "febbraio", "februari", "února"], 2),
    **dict.fromkeys(["mars", "märz", "marzo", "março", "maart", "března"], 3),
    **dict.fromkeys(["avril", "abril", "aprile", "dubna"], 4),
    **dict.fromkeys(["mai", "mayo", "maio", "maggio", "mei", "května"], 5),
    **dict.fromkeys(["juin", "juni", "junio", "junho", "giugno", "června"], 6),
    **dict.fromkeys(["juillet", "juli", "julio", "julho", "luglio", "července"], 7),
    **dict.fromkeys(["août", "aout", "agosto", "augustus", "srpna"], 8),
    **dict.fromkeys(["septembre", "septiembre", "setiembre", "setembro", "settembre", "září"], 9),
    **dict.fromkeys(["octobre", "oktober", "octubre", "outubro", "ottobre", "října"], 10),
    **dict.fromkeys(["novembre", "noviembre", "novembro", "listopadu"], 11),
    **dict.fromkeys(["décembre", "decembre", "dezember", "diciembre", "dezembro", "dicembre", "prosince"], 12),
    # Russian and Polish (the genitive a date takes: "13 октября"), Turkish, Finnish (the
    # partitive: "3. maaliskuuta"), Swedish, Danish and Norwegian, Indonesian: the names the
    # lists above do not already give.
    **dict.fromkeys(["января", "stycznia", "ocak", "tammikuuta"], 1),
    **dict.fromkeys(["февраля", "lutego", "şubat", "subat", "helmikuuta"], 2),
    **dict.fromkeys(["марта", "marca", "mart", "maaliskuuta", "maret", "marts"], 3),
    **dict.fromkeys(["апреля", "kwietnia", "nisan", "huhtikuuta"], 4),
    **dict.fromkeys(["мая", "maja", "mayıs", "mayis", "toukokuuta", "maj"], 5),
    **dict.fromkeys(["июня", "czerwca", "haziran", "kesäkuuta"], 6),
    **dict.fromkeys(["июля", "lipca", "temmuz", "heinäkuuta"], 7),
    **dict.fromkeys(["августа", "sierpnia", "ağustos", "agustos", "elokuuta", "augusti", "agustus"], 8),
    **dict.fromkeys(["сентября", "września", "eylül", "eylul", "syyskuuta"], 9),
    **dict.fromkeys(["октября", "października", "ekim", "lokakuuta"], 10),
    **dict.fromkeys(["ноября", "listopada", "kasım", "kasim", "marraskuuta"], 11),
    **dict.fromkeys(["декабря", "grudnia", "aralık", "aralik", "joulukuuta", "desember"], 12),
    # Ukrainian (genitive), Romanian, Catalan, and Greek (genitive, with its accents and in
    # capitals without them, as Greek sets capitals): the names the lists above do not give.
    # ("5 березня 2024", "5 martie 2024", "5 de març de 2024", "5 Μαρτίου 2024")
    **dict.fromkeys(["січня", "ianuarie", "gener", "ιανουαρίου", "ιανουαριου"], 1),
    **dict.fromkeys(["лютого", "februarie", "febrer", "φεβρουαρίου", "φεβρουαριου"], 2),
    **dict.fromkeys(["березня", "martie", "març", "μαρτίου", "μαρτιου"], 3),
    **dict.fromkeys(["квітня", "aprilie", "απριλίου", "απριλιου"], 4),
    **dict.fromkeys(["травня", "maig", "μαΐου", "μαιου"], 5),
    **dict.fromkeys(["червня", "iunie", "juny", "ιουνίου", "ιουνιου"], 6),
    **dict.fromkeys(["липня", "iulie", "juliol", "ιουλίου", "ιουλιου"], 7),
    **dict.fromkeys(["серпня", "agost", "αυγούστου", "αυγουστου"], 8),
    **dict.fromkeys(["вересня", "septembrie", "setembre", "σεπτεμβρίου", "σεπτεμβριου"], 9),
    **dict.fromkeys(["жовтня", "octombrie", "οκτωβρίου", "οκτωβριου"], 10),
    **dict.fromkeys(["листопада", "noiembrie", "νοεμβρίου", "νοεμβριου"], 11),
    **dict.fromkeys(["грудня", "decembrie", "desembre", "δεκεμβρίου", "δεκεμβριου"], 12),
}

# The short forms of those names that Spanish, Portuguese, Italian, French, German and Dutch
# pages print in dates ("14 Ago 2018", "3 set. 2019", "5 févr. 2021"), where they differ from
# the English ones dateutil knows. Apart from FOREIGN_MONTHS, as several are words of their own
# ("set", "gen"): they are read only inside a whole date (a day, the name, a year). Portuguese
# "out" (October) is left out: "10 out of 2019" would read as a date ("of" is a filler word).
FOREIGN_SHORT_MONTHS = {
    **dict.fromkeys(["ene", "gen", "janv"], 1),
    **dict.fromkeys(["fev", "févr", "fevr", "fév"], 2),
    **dict.fromkeys(["mär", "mrz", "mrt"], 3),
    **dict.fromkeys(["abr", "avr"], 4),
    **dict.fromkeys(["mag"], 5),
    **dict.fromkeys(["giu"], 6),
    **dict.fromkeys(["lug", "juil"], 7),
    **dict.fromkeys(["ago"], 8),
    **dict.fromkeys(["set"], 9),
    **dict.fromkeys(["ott", "okt"], 10),
    **dict.fromkeys(["dic", "dez", "déc"], 12),
}


class _NewsDateInfo(dateutil_parser.parserinfo):
    """dateutil's English names plus the month names of FOREIGN_MONTHS and their short forms,
    so "13. Oktober 2025", "13 de octubre de 2025" or "13 ott. 2025" parse like "13 October"."""

    MONTHS = [english + tuple(name for names in (FOREIGN_MONTHS, FOREIGN_SHORT_MONTHS)
                              for name, number in names.items() if number == month)
              for month, english in enumerate(dateutil_parser.parserinfo.MONTHS, start=1)]
    JUMP = dateutil_parser.parserinfo.JUMP + ["de", "del", "le", "den"]


_DATE_INFO = _NewsDateInfo()

# Zone abbreviations news pages print after a time. dateutil knows only UTC/GMT and warns on
# the rest, leaving the time without a zone. The US "ET"/"PT" forms follow daylight saving,
# so they are real zones; the explicit ones are fixed offsets, as written. Ambiguous ones
# (IST: India, Ireland or Israel) are left out on purpose: the time stays without a zone.
_TIMEZONES = {
    "ET": tz.gettz("America/New_York"), "CT": tz.gettz("America/Chicago"),
    "MT": tz.gettz("America/Denver"), "PT": tz.gettz("America/Los_Angeles"),
    "UTC": tz.UTC, "GMT": tz.UTC, "Z": tz.UTC,
    **{name: tz.tzoffset(name, hours * 3600) for name, hours in {
        "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7,
        "BST": 1, "CET": 1, "CEST": 2, "EET": 2, "EEST": 3, "AEST": 10, "AEDT": 11,
    }.items()},
}


def _timezone(name: str | None, offset: int | None):
    """dateutil's tzinfos hook: a known abbreviation, else the numeric offset as written, else
    no zone (and no warning) for an abbreviation we do not know."""
    if name in _TIMEZONES:
        return _TIMEZONES[name]
    if offset is not None:
        return tz.tzoffset(name, offset)
    return None


# A clock as a page writes it, then one of the zone names above: "11:05 pm CST", "9:40 PM ET".
# Case counts: the names are capitals ("10:30 et 11:00" is French for "and").
_CLOCK_AND_ZONE = re.compile(r"\d{1,2}[:.]\d\d(?:\s*[aApP]\.?\s?[mM]\b\.?)?,?\s+(" + "|".join(
    name for name in _TIMEZONES if len(name) > 1) + r")\b")


def written_zone(text: str):
    """The time zone a written clock is labelled with ("Updated 11:05 pm CST, March 5"), or
    None: a page that prints its clock in a named zone tells its readers' zone even when that
    clock is another moment (an update) than the one a machine date gives in UTC."""
    match = _CLOCK_AND_ZONE.search(text)
    return _TIMEZONES[match[1]] if match else None


# "05.03.2024": where dates are written with dots (Germany, Central and Eastern Europe, the
# Nordics) the day comes first; dateutil reads month first unless told (and still takes
# "11.14.2019" month first, as 14 cannot be a month).
_DOTTED_DAY = re.compile(r"(?<![\d.])\d{1,2}\.\s?\d{1,2}\.\s?(?:19|20)\d\d(?![\d.])")
_YEAR_MONTH = re.compile(r"\s*(?:19|20)\d\d\s*[-/.]\s*(?:0?[1-9]|1[0-2])\s*")

# The signals of a date an input names in a field of its own (a JSON record's, a sidecar's, a
# text's front matter), as opposed to one the rules find in a page or a text.
GIVEN_FIELDS = ("record", "override", "front-matter")
_MONTH_OR_YEAR = re.compile(rf"\s*(?:(?P<year>\d{{4}})|(?:{MONTHS})\.?,?\s+\d{{4}})\s*", re.I)


def month_or_year_alone(value) -> str | None:
    """"a month" or "a year" when `value` names only that ("2026-04", "April 2026", "1912"), else
    None. Such a date is stored as none: the stored dates are days, compared and sorted as
    text (search's since and until, the day facet, the order of a story's versions), where
    "2026-04" sorts before every day of its month and "1912" is no day SQLite can read. Said,
    because a user gave it: stored silently with no date, the article was lost to every
    filter by date with no word why."""
    if not isinstance(value, str):
        return None
    if _YEAR_MONTH.fullmatch(value):
        return "a month"
    match = _MONTH_OR_YEAR.fullmatch(value)
    if match is None:
        return None
    return "a year" if match["year"] else "a month"


def iso_date(value, now: datetime) -> str | None:
    """A date or date-time string in any common form -> ISO 8601, or None if it is not a date
    or lies in the future of `now` (an article cannot be published after we ingest it).

    A bare date stays a date ("2024-10-28"); a time keeps its zone if it had one.
    """
    if value is None or value == "":
        return None
    if isinstance(value, (int, float)):
        return None
    text = str(value).strip()
    if not re.search(r"\d", text) or len(text) > 80:
        return None
    if text.endswith("]"):
        text = _BRACKETED_ZONE.sub("", text)
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
        has_time = "T" in text or " " in text.strip()
    except ValueError:
        try:
            # "GMT+2" means two hours ahead of UTC on a news page; dateutil reads it the POSIX
            # way round (behind), so the offset is given without its "GMT".
            text = re.sub(r"\b(?:GMT|UTC)\s*(?=[+-]\d)", "", text)
            # A script's Date written out as it is ("Tue Mar 05 2024 09:00:00 GMT-0500 (Eastern
            # Standard Time)"): the zone's name in brackets after the offset says nothing more.
            text = _ZONE_NAME_AFTER_OFFSET.sub("", text)
            if _YEAR_MONTH.fullmatch(text):
                return None  # "2024-03": a month, not a day (dateutil would make it the 3rd)
            parsed = dateutil_parser.parse(text, _DATE_INFO, fuzzy=False, default=datetime(1, 1, 1),
                                           tzinfos=_timezone, dayfirst=bool(_DOTTED_DAY.search(text)))
        except (ValueError, OverflowError, TypeError):
            return None
        if parsed.year == 1:
            return None  # no year given: not a full date
        has_time = bool(re.search(r"\d:\d\d", text))
        # "May 2019" names a month, not a day: no day of the month, no date.
        without_year_and_time = re.sub(r"\d{1,2}:\d\d(:\d\d)?", "", text.replace(str(parsed.year), ""))
        if not re.search(r"(?<!\d)(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?(?!\d)", without_year_and_time):
            return None
    if parsed.date() < _EARLIEST:
        return None
    if _is_epoch_zero(parsed):
        return None
    now_utc = now if now.tzinfo else now.replace(tzinfo=timezone.utc)
    if parsed.tzinfo is not None:
        if parsed > now_utc:
            return None
    elif parsed.date() > now_utc.date():
        return None
    if not has_time:
        return parsed.date().isoformat()
    return parsed.isoformat(timespec="seconds")


# --- the whole record ----------------------------------------------------------------------


def language_code(value: str | None) -> str | None:
    """"en-US", "en_GB", "EN" -> "en": the facet groups by language, not by region."""
    if not value or not isinstance(value, str):
        return None
    match = re.match(r"\s*([A-Za-z]{2,3})(?:[-_]|$)", value)
    return match.group(1).lower() if match else None


def _without_nul(text):
    """A NUL (a broken export's, a C string's end) cut the search snippet at it and no
    language writes one: it goes. Looked for first: 1 us for a 4 KB body, where a pattern for
    every control character took 8 (the others are harmless, and kept)."""
    return text.replace("\0", "") if isinstance(text, str) and "\0" in text else text


def normalise(article: Article, now: datetime) -> Article:
    """Turn an extracted record into its stored form, in place, and return it."""
    article.title, article.description, article.body, article.outlet = (
        _without_nul(article.title), _without_nul(article.description), _without_nul(article.body),
        _without_nul(article.outlet))
    people, organisations = split_people([_without_nul(name) for name in article.authors])
    article.authors = people
    if organisations and not article.outlet:
        article.outlet = organisations[0]
        article.provenance["outlet"] = article.provenance.get("authors", "byline")
    article.outlet = clean_outlet(article.outlet)
    if not article.outlet:
        article.provenance.pop("outlet", None)
    article.url = canonical_url(article.url)
    article.outlet_domain = (article.outlet_domain or domain_of(article.url) or None)
    if article.outlet_domain:
        article.outlet_domain = article.outlet_domain.lower().removeprefix("www.")
    if not article.outlet and article.outlet_domain:
        article.outlet = article.outlet_domain
        article.provenance["outlet"] = "url"
    given_published = article.published if article.provenance.get("published") in GIVEN_FIELDS else None
    article.published = iso_date(article.published, now)
    if article.published is None and (part := month_or_year_alone(given_published)):
        article.warnings.append(f"published {given_published.strip()!r} names {part}, not a day: "
                                "stored with no date")
    article.updated = iso_date(article.updated, now)
    article.captured = iso_date(article.captured, now)
    if article.updated and article.published and article.updated[:10] < article.published[:10]:
        article.updated = None  # an "update" before publication is a misread date
    for name in ("published", "updated"):
        if getattr(article, name) is None:
            article.provenance.pop(name, None)
    if not article.authors:
        article.provenance.pop("authors", None)
    article.language = language_code(article.language) or detect_language(article.body)
    article.title = _tidy(article.title)
    if not article.title:
        article.provenance.pop("title", None)
    article.description = _tidy(article.description)
    body = article.body.strip()
    # (Never a title the user gave: a sidecar's, an override's, a front matter's is theirs.)
    if article.provenance.get("title") not in GIVEN_FIELDS:
        article.title = _headline_beside_site_name(article.title, body.partition("\n")[0], article) or article.title
    body = _without_repeated_title(body, article.title)
    if body != article.body or not article.word_count:
        article.word_count = count_words(body)
    article.body = body
    return article


LANGUAGE_SAMPLE = 500


def detect_language(text: str) -> str | None:
    """The language of a text that does not declare one (text and Markdown files, bare pages),
    or None when the text is too short for a guess better than noise (ingest/language.py)."""
    # The first 500 characters: classify's cost grows with the text (1.1 ms for 1,000
    # characters, 0.7 ms for 500, 8.4 ms for 5,000 before ingest/language.py). On the 452
    # corpora articles 300, 400, 500 and 1,000 characters all gave the language 5,000 gave;
    # 500 keeps a margin for a byline or a caption at the start. The word count is of that
    # sample too: it is what the classifier sees.
    sample = text[:LANGUAGE_SAMPLE]
    if count_words(sample) < 20:
        return None
    from .language import classify  # loaded on first use: the model takes a second to load

    return classify(sample)


# What stands between a headline and its site's name in a page's <title>: "Harbor Ledger: Ferry
# fares rise", "Ferry fares rise | Harbor Ledger", "... - Harbor Ledger", "... — Harbor Ledger".
# (The longer first, so that "::" is not read as ":" followed by a site's name starting ":".)
_SITE_SEPARATORS = ("::", "//", ":", "|", "-", "–", "—", "·", "»")
SITE_NAME_WORDS = 5  # a site's name is a few words; more, and it is the headline's own part


# Where an article's outlet came from that is no evidence of the site's name in its title: the
# title itself (its site part read as the outlet would confirm itself).
_OUTLET_FROM_TITLE = ("title",)


def _site_evidence(article: Article) -> tuple[set[str], str | None]:
    """What names an article's site apart from its title: the key of the outlet found for it
    (og:site_name, a JSON-LD publisher, a sidecar's or record's outlet) and the label of its
    address's domain (a web archive record's target URI is its address)."""
    keys = set()
    if article.outlet and article.provenance.get("outlet") not in _OUTLET_FROM_TITLE:
        keys.add(outlet_key(article.outlet))
    domain = article.outlet_domain or domain_of(article.url)
    return keys - {""}, (outlet_key(domain) if domain else None)


def _names_the_site(part: str, evidence: tuple[set[str], str | None], rest: int) -> bool:
    """A title's part that is the site's name by evidence: the outlet's key, or a name its
    address's domain gives (as choose_outlet compares a page's names with its host)."""
    keys, label = evidence
    if outlet_key(part) in keys:
        return True
    # (html_signals imports this module: loaded here, on first use.)
    from .html_signals import named_by_domain

    return bool(label) and named_by_domain(part, label, rest)


def _headline_beside_site_name(title: str | None, first: str, article: Article) -> str | None:
    """The body's first paragraph, where the title is that paragraph with the site's name
    before or after it ("Harbor Ledger: " + it, it + " | Harbor Ledger"); else None. The site
    part of a <title> is cut where the page names the site (its og:site_name, its address's
    host); a page captured elsewhere, a web archive's record, kept it, and its headline, which
    the page also gives as the first line of its text, was then left in the body, as no longer
    the title repeated (and the title kept the site's name). Only a part the article's evidence
    (_site_evidence, read only when the title has such a part) shows is the site's name goes: "Brexit: what happens next", "Opinion: ...",
    "... - Part 2", "... — in pictures" are the headline's own parts."""
    if not title or not first or len(first) >= len(title):
        return None
    whole, line = " ".join(title.split()), " ".join(first.split())
    if len(line.split()) < 2:
        return None
    folded, line_folded = whole.casefold(), line.casefold()
    # (A separator stands apart from the headline: "US-China talks" is one headline.)
    if folded.endswith(line_folded) and whole[:len(whole) - len(line)][-1:].isspace():
        site = whole[:len(whole) - len(line)].rstrip()
        separator = next((mark for mark in _SITE_SEPARATORS if site.endswith(mark)), None)
        site = site[:len(site) - len(separator)] if separator else ""
    elif folded.startswith(line_folded) and whole[len(line):][:1].isspace():
        site = whole[len(line):].lstrip()
        # ("Headline: Site" is no site's way; "Ferry fares: what changes" is the headline's own)
        separator = next((mark for mark in _SITE_SEPARATORS if site.startswith(mark) and mark != ":"), None)
        site = site[len(separator):] if separator else ""
    else:
        return None
    site = site.strip()
    if not site or len(site.split()) > SITE_NAME_WORDS:
        return None
    return line if _names_the_site(site, _site_evidence(article), len(line)) else None


def _without_repeated_title(body: str, title: str | None) -> str:
    """Drop a first paragraph that only repeats the headline: some page templates put the
    headline inside the article text and others do not, and the copies must hash the same."""
    if not title or not body:
        return body
    first, _, rest = body.partition("\n")
    # A paragraph four times the headline's length is not the headline (only punctuation
    # could shrink it that much), and normalising every first paragraph cost 50 us a record.
    if rest and len(first) <= 4 * len(title) + 40 and normalised_body(first) == normalised_body(title):
        return rest.lstrip()
    return body


_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# Every character _CJK matches is three bytes in UTF-8, led by one of these bytes: a text
# without any of them has none, which memchr tells faster than the pattern (a body's words
# are counted twice on ingest; 4 KB: 96 -> 30 us).
_CJK_LEAD_BYTES = tuple(bytes([lead]) for lead in (0xE3, 0xE4, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9, 0xEF))


def count_words(text: str) -> int:
    """Words in a text. Chinese and Japanese are written without spaces, so there every two
    ideographs or kana count as a word (about their average word length)."""
    if not text.isascii():
        encoded = text.encode("utf-8", "surrogatepass")
        if any(lead in encoded for lead in _CJK_LEAD_BYTES):
            cjk = len(_CJK.findall(text))
            if cjk:
                return len(_CJK.sub(" ", text).split()) + (cjk + 1) // 2
    return len(text.split())


def _tidy(value: str | None) -> str | None:
    if not value or not isinstance(value, str):
        return None
    value = re.sub(r"\s+", " ", unicodedata.normalize("NFC", value)).strip()
    return value or None
