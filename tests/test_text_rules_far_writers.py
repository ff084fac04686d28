"""A writer named far from the headline, where the byline rules under it and the tail's sign-off
rules do not look: a list of the post's fields, a signature over the publisher's rights notice;
and a post's closing greeting, which names no one. Short inputs we wrote (none from ../shared),
as several converters set them, beside near misses."""

from datetime import datetime, timezone

import pytest

from ingest.extract_text import extract_text
from ingest.normalise import normalise

NOW = datetime(2026, 1, 1, tzinfo=timezone.utc)
HEADLINE = "Ferry crews return to the island route"
STORY = ("The ferry crews went back to work on the island route on Tuesday morning, after the "
         "operator agreed to hire two more deckhands for each boat, the crews' union said.")
LAST = ("The first sailing left the harbour at seven, half an hour late, and the operator said the "
        "timetable would be back to normal by the weekend.")
# A page's furniture below the story, longer than the tail that the sign-off rules read.
FURNITURE = "\n\n".join(f"Topic {n}" for n in range(1, 15))


def authors(text: str) -> list[str]:
    return normalise(extract_text(text, markdown=True), NOW).authors


def page(after_story: str) -> str:
    """A headline with no byline under it, the story, then after_story and the furniture."""
    return f"# {HEADLINE}\n\n{STORY}\n\n{STORY}\n\n{LAST}\n\n{after_story}\n\n{FURNITURE}\n"


# --- a list of the post's fields --------------------------------------------------------------

@pytest.mark.parametrize("fields, expected", [
    # bold labels, one field a list item (html2text)
    ("  * **Date** 04.11.2021\n  * **Author** Mara Olsen\n  * **Keywords** [ferries](/tag/ferries)", ["Mara Olsen"]),
    # the label alone, its value wrapped under it (markdownify)
    ("* **Date**\n  04.11.2021\n* **Author**\n  Mara Olsen\n* **Topics**\n  [Ferries](/ferries/)", ["Mara Olsen"]),
    # no marks left, a plain text's list
    ("  * Date 04.11.2021\n  * Author Mara Olsen\n  * Topics ferries, islands", ["Mara Olsen"]),
    # labels with colons, in German and French, the writer's field before the date's
    ("Autorin: Greta Vogt\nDatum: 2021-11-04", ["Greta Vogt"]),
    ("**Auteur** Lise Moreau\n\n**Publié le** 4 novembre 2021", ["Lise Moreau"]),
    # near misses: a book's details (a year, no day), a picture's field beside the date, an
    # author's field with no date's beside it, a date's field too far from the author's
    ("  * **Author** Nils Berg\n  * **Published** 2019\n  * **Pages** 304", []),
    ("  * **Date** 04.11.2021\n  * **Photos** Nils Berg", []),
    ("**Author** Nils Berg", []),
    ("  * **Date** 04.11.2021\n  * **Topics** ferries\n  * **Region** north\n  * **Series** crews\n"
     "  * **Author** Nils Berg", []),
    # near misses: a review's box of the book's details, the book's writer and its day ("Written
    # by" no writer's label; a publisher's, a page count's, a title's field in the list); an
    # event's (its place)
    ("**Written by** Nils Berg\n**Published** 1961-09-18", []),
    ("* Auteur : Paul Marin\n* Publié le : 02/05/1958\n* Éditeur : Éditions du Port", []),
    ("  * **Autor** Nils Berg\n  * **Datum** 18.09.1961\n  * **Seiten** 212", []),
    ("Title: The Long Crossing\nAuthor: Nils Berg\nPublished: 18 September 1961", []),
    ("  * **Date** 04.11.2021\n  * **Author** Nils Berg\n  * **Venue** Harbour Hall", []),
])
def test_the_writers_field_beside_the_dates(fields, expected):
    assert authors(page(fields)) == expected


# --- a signature over the publisher's rights notice -------------------------------------------

@pytest.mark.parametrize("closing, expected", [
    # the notice one line down, under the publication's name and address
    ("Von Greta Vogt\n\nInselbote, Hafenstraße 4, Kiel\n\nAlle Rechte vorbehalten", ["Greta Vogt"]),
    # a sentence the page pulls out of the story, set as a heading, between
    ("#### The crossing took four hours. Nobody on board complained about it.\n\nBy Mara Olsen\n\n"
     "© 2021 The Island Courier", ["Mara Olsen"]),
    ("By Mara Olsen\n\n© 2021 The Island Courier", ["Mara Olsen"]),
    ("Par Lise Moreau\n\nTous droits réservés", ["Lise Moreau"]),
    ("Por Ana Ruiz\n\nTodos los derechos reservados", ["Ana Ruiz"]),
    # near misses: no notice below; a quotation's source over the notice; a wire story's credits
    # (its helpers beside the writers); a teaser's byline in a list of other stories
    ("Von Greta Vogt\n\n[Mehr aus der Region](/region/)", []),
    ("> The island needs its ferries more than anyone.\n\n> By Nils Berg\n\n© 2021 The Island Courier", []),
    ("Reporting by Mara Olsen; editing by Nils Berg\n\n© 2021 Island Wire", []),
    ("## Related\n\n[Deckhands wanted on the north route](/north/)\n\nBy Nils Berg\n\n© 2021 The Island Courier", []),
    # near misses: a reader's comment signed over the notice, under the comments heading (its
    # text long or short) or under no heading, its short text no paragraph of the story; the
    # notice three lines down
    ("## 3 Comments\n\nThanks for the story.\n\nby Nils Berg\n\n© 2021 The Island Courier", []),
    (f"## Leave a reply\n\n{LAST}\n\nby Nils Berg\n\n© 2021 The Island Courier", []),
    ("Thanks for the story, it was good.\n\nby Nils Berg\n\n© 2021 The Island Courier", []),
    ("Von Greta Vogt\n\nInselbote\n\nHafenstraße 4, Kiel\n\nAlle Rechte vorbehalten", []),
])
def test_a_signature_over_the_rights_notice(closing, expected):
    assert authors(page(closing)) == expected


# --- a post's closing greeting ----------------------------------------------------------------

@pytest.mark.parametrize("greeting", ["Viel Spaß", "Viel Spass", "Liebe Grüße", "Herzliche Grüsse",
                                      "Viel Spass beim Lesen"])
def test_a_closing_greeting_names_no_writer(greeting):
    text = f"## {HEADLINE}\n\n4. November 2021, 18:30\n\n{STORY}  \n{greeting}  \n\n[Mehr](/mehr/)\n"
    assert authors(text) == []


@pytest.mark.parametrize("name", ["Mara Olsen", "Lucien Viel", "Greta Gruss", "Paul Spass"])
def test_a_name_closing_the_post_is_still_its_writers(name):
    # (a greeting's word is a surname too: the greeting is told by its whole phrase)
    text = f"## {HEADLINE}\n\n4. November 2021, 18:30\n\n{STORY}  \n{name}  \n\n[Mehr](/mehr/)\n"
    assert authors(text) == [name]


@pytest.mark.parametrize("byline", ["By Lucien Viel", "Von Greta Gruss"])
def test_a_greetings_word_as_a_surname_in_a_byline(byline):
    assert authors(f"# {HEADLINE}\n\n{byline}\n\n{STORY}\n\n{LAST}\n") == [byline.split(" ", 1)[1]]


# --- the writer's link opening a long row of details -------------------------------------------

# (Tags enough that the row is too long for a byline, 30 words.)
TAGS = ", ".join(f"[{word} news](/tag/{word}/)" for word in
                 ("ferry", "island", "crew", "union", "timetable", "harbour", "deckhand", "weather",
                  "ticket", "fare", "boat", "route", "winter", "summer", "operator", "passenger"))


@pytest.mark.parametrize("row, expected", [
    # the post's date linked, then the writer's page, then the tags (icons between them)
    (f"[__ 4. November 2021](/2021/11/ferries/ \"18:30\") __[Mara Olsen](/author/mara-olsen/ \"Mara Olsen\") __{TAGS}",
     ["Mara Olsen"]),
    (f"[November 4, 2021](/2021/11/ferries/) [Mara Olsen](https://courier.example/author/mara-olsen/) {TAGS}",
     ["Mara Olsen"]),
    # near misses: a sentence's words before the link; no date before it; the link far down the row
    (f"When the skipper [Nils Berg](/team/nils-berg/) left the quay on November 4, 2021, {TAGS}", []),
    (f"[Ferries](/ferries/) [Nils Berg](/author/nils-berg/) {TAGS}", []),
    (f"[November 4, 2021](/2021/11/ferries/) {TAGS} [Nils Berg](/author/nils-berg/) [More](/more/) [Top](/top/)", []),
])
def test_the_writers_link_opening_a_row_of_details(row, expected):
    assert authors(f"# {HEADLINE}\n\n{row}\n\n{STORY}\n\n{STORY}\n\n{LAST}\n") == expected


# --- the title of a link to the writer's posts ------------------------------------------------

@pytest.mark.parametrize("row, expected", [
    ('[maraolsen](/author/maraolsen/ "Beiträge von maraolsen") __4. November 2021', ["maraolsen"]),
    ('[MaraOlsen](https://courier.example/blog/author/admin/ "Posts by MaraOlsen")2021-11-04|[Ferries](/category/ferries/)',
     ["MaraOlsen"]),
    ('[Lise Moreau](/auteur/lise-moreau/ "Articles par Lise Moreau") 4 novembre 2021', ["Lise Moreau"]),
    # near misses: the title names someone else; a tag's link; the blog's account; the site's own name
    ('[maraolsen](/author/maraolsen/ "Beiträge von nilsberg") __4. November 2021', []),
    ('[ferries](/tag/ferries/ "Posts by ferries") __4. November 2021', []),
    ('[admin](/author/admin/ "Posts by admin") __4. November 2021', []),
    ('[courier](https://courier.example/author/courier/ "Posts by courier") __4. November 2021', []),
    # near misses: a desk's shared login, the login a hosting service set up
    ('[news-desk](/author/news-desk/ "Posts by news-desk") __4. November 2021', []),
    ('[webdesk](/author/webdesk/ "Beiträge von webdesk") __4. November 2021', []),
    ('[kinsta](/author/kinsta/ "Posts by kinsta") __4. November 2021', []),
])
def test_the_title_of_a_link_to_the_writers_posts(row, expected):
    assert authors(f"# {HEADLINE}\n\n{row}\n\n{STORY}\n\n{STORY}\n\n{LAST}\n") == expected


# --- names that are no writer's under the headline ----------------------------------------------

@pytest.mark.parametrize("under_headline, expected", [
    # a caption crediting the picture's maker, the credit field on its line or the line below
    ("Ferries at the quay in 1910, par Paul Marin • Crédits : Harbour Pictures", []),
    ("Ferries at the quay in 1910, by Paul Marin•\nCredit: Harbour Pictures", []),
    ("A ferry leaves the quay, by Paul Marin | Foto: Harbour Pictures", []),
    # a blog's archive heading, over its months
    ("**Archiv der Beiträge**  \n---  \n  \n  * [2021 Oktober](/blog/2021-10)\n  * [2021 November](/blog/2021-11)", []),
    ("**Blog Archives**\n\n  * [October 2021](/blog/2021-10)\n  * [November 2021](/blog/2021-11)", []),
    # near misses: a byline with its date and a picture's credit after it
    ("November 4, 2021 by Mara Olsen | Photo: Nils Berg", ["Mara Olsen"]),
    ("By Mara Olsen\n\nPhoto: Nils Berg", ["Mara Olsen"]),
])
def test_no_writer_from_a_caption_or_an_archive_heading(under_headline, expected):
    assert authors(f"# {HEADLINE}\n\n{under_headline}\n\n{STORY}\n\n{STORY}\n\n{LAST}\n") == expected


# --- no kicker heading over the headline --------------------------------------------------------

def title(text: str) -> str | None:
    return normalise(extract_text(text, markdown=True), NOW).title


@pytest.mark.parametrize("under", [
    # the first minor heading stays the headline with a bigger one right under it: a section
    # ("Why it matters", "About the writer"), a standfirst, a name - a smaller heading over a
    # bigger one was taken for its kicker once (dropped: the one page it moved had a name there)
    "## Why it matters",
    "## Über die Autorin",
    "## Crews want two more deckhands on every boat before they sail again",
    "## Mara Olsen",
])
def test_a_heading_right_over_a_bigger_one_stays_the_headline(under):
    text = f"[Home](/) [News](/news/)\n\n### {HEADLINE}\n\n{under}\n\n{STORY}\n\n{LAST}\n"
    assert title(text) == HEADLINE


# --- a Japanese or Chinese paper's staff title before the name ----------------------------------

JAPANESE_STORY = ("島を結ぶフェリーの乗組員は火曜日の朝、運航会社が各船に甲板員を二人増やすことで合意したため、"
                  "職場に戻ったと組合が明らかにした。最初の便は午前七時に港を出た。")


@pytest.mark.parametrize("byline, expected", [
    ("編集委員 山田太郎", ["山田太郎"]),
    ("特派員 佐藤花子", ["佐藤花子"]),
    ("记者 王小明", ["王小明"]),
    # near misses: the title glued to a word (one word, a committee), a press conference
    ("編集委員会", []),
    ("記者会見 午後三時から", []),
])
def test_a_staff_title_before_the_name(byline, expected):
    text = f"# 島のフェリー、運航を再開\n\n{byline}\n\n{JAPANESE_STORY}\n\n{JAPANESE_STORY}\n"
    assert authors(text) == expected


# --- a Korean reporter's sign-off under the story, the page going on -----------------------------

KOREAN_STORY = ("섬을 잇는 여객선 승무원들이 화요일 아침 운항사가 배마다 갑판원을 두 명씩 더 두기로 합의하면서 "
                "업무에 복귀했다고 노조가 밝혔다. 첫 배는 오전 일곱 시에 항구를 떠났다.")


@pytest.mark.parametrize("closing, expected", [
    ("홍길동 기자 hong@example.org", ["홍길동"]),
    # the page's share and print buttons right under it
    ("김영희 기자 younghee@example.org\n\n[공유하기](/share/) [인쇄](/print/)", ["김영희"]),
    # near misses: no address (a name and a title are one signal), under a list item, not under
    # the story's paragraph
    ("홍길동 기자", []),
    ("  * 관련 기사\n\n홍길동 기자 hong@example.org", []),
])
def test_a_korean_reporters_sign_off_under_the_story(closing, expected):
    furniture = "\n\n".join(f"주제 {n}" for n in range(1, 15))
    text = f"# 섬 여객선 운항 재개\n\n{KOREAN_STORY}\n\n{KOREAN_STORY}\n\n{closing}\n\n{furniture}\n"
    assert authors(text) == expected


# --- a writer's label with one name and where the writer works ----------------------------------

@pytest.mark.parametrize("signed, expected", [
    ("_Autor: Greta VOGT, Landesanstalt für Schifffahrt, Kiel (D)_", ["Greta VOGT"]),
    ("Author: Mara Olsen, Institute for Island Studies, Bergen", ["Mara Olsen"]),
    # near misses: a work after a label that may name one, two names before the comma, no comma
    ("Text: Greta Vogt, die Fähre und die Insel", []),
    ("Author: Mara Olsen and Nils Berg of the island desk, Bergen", []),
    ("Author: Mara Olsen for the island desk", []),
    # near miss: a clause about the person after the comma, not where the writer works
    ("Author: Mara Olsen, who wrote the council's report, Institute for Island Studies", []),
])
def test_a_writers_label_with_the_writers_affiliation(signed, expected):
    assert authors(f"# {HEADLINE}\n\n{STORY}\n\n{LAST}\n\n{signed}\n") == expected
