"""Table-driven tests of the normalise rules: authors, dates, outlets, URLs, languages."""

import hashlib
from datetime import datetime, timezone

import pytest

from ingest.dedupe import content_hash
from ingest.normalise import (
    canonical_url,
    clean_outlet,
    count_words,
    domain_of,
    iso_date,
    language_code,
    month_or_year_alone,
    outlet_key,
    person_key,
    split_people,
)

NOW = datetime(2025, 11, 20, 12, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize(
    "raw, people, organisations",
    [
        ("Ada Quill", ["Ada Quill"], []),
        # a full stop after a title is no end of a name (one after a whole word is)
        ("By Prof. Tom Park and Rev. Ann Lee", ["Prof. Tom Park", "Rev. Ann Lee"], []),
        ("By Ada Quill and Ben Ostrow", ["Ada Quill", "Ben Ostrow"], []),
        ("Ada Quill, Ben Ostrow and Cy Varga", ["Ada Quill", "Ben Ostrow", "Cy Varga"], []),
        ("Ada Quill; Ben Ostrow", ["Ada Quill", "Ben Ostrow"], []),
        ("Ada Quill & Ben Ostrow", ["Ada Quill", "Ben Ostrow"], []),
        ("Ada Quill And Ben Ostrow, The Associated Press", ["Ada Quill", "Ben Ostrow"], ["The Associated Press"]),
        ("Ada Quill and Ben Ostrow, Reuters", ["Ada Quill", "Ben Ostrow"], ["Reuters"]),
        ("Ada Quill (AFP)", ["Ada Quill"], ["Agence France-Presse"]),
        ("Written by Ada Quill on October 3, 2025", ["Ada Quill"], []),
        # the day before the month, as most of the world writes it
        ("Written by Ada Quill on 3 October 2025", ["Ada Quill"], []),
        # the labels "Story:", "Writers:", "Reporters:" (and near-miss: "Story" as a first name)
        ("Story: Ada Quill", ["Ada Quill"], []),
        ("Writers: Ada Quill and Ben Ostrow", ["Ada Quill", "Ben Ostrow"], []),
        ("Story Musgrave", ["Story Musgrave"], []),
        ("by Ada Quill on 3rd Oct. 2025", ["Ada Quill"], []),
        # a weekday's short form after "on", cut off from its date by the comma
        ("Ada Quill on Fri, 10/03/2025 - 10:00", ["Ada Quill"], []),
        # near-misses: a month or a short weekday that is a family name stays
        ("Ada May and Ben Sun", ["Ada May", "Ben Sun"], []),
        ("By Ada Quill on Monday, November 3rd, 2025 at 11:04 a.m.", ["Ada Quill"], []),
        ("Ada Quill Fri., Oct. 3, 2025", ["Ada Quill"], []),
        ("Tuesday Fenwick", ["Tuesday Fenwick"], []),  # a first name, not a weekday
        # a month's name that is a name's word, with no day after it: "May", "Jun", "Jan"
        ("Brian May and Ann Lee", ["Brian May", "Ann Lee"], []), ("Ma Jun", ["Ma Jun"], []),
        ("Ada Quill December 16", ["Ada Quill"], []),
        # two family names with their particles: six words, four of them capitalised
        ("María José García de la Torre", ["María José García de la Torre"], []),
        ("Ada Sun", ["Ada Sun"], []),
        ("Ada Quill, Senior Correspondent", ["Ada Quill"], []),
        ("Ada Quill | @adaquill", ["Ada Quill"], []),
        ("ada@example.org", [], []),
        ("https://social.example/adaquill", [], []),
        ("Staff", [], []),
        ("", [], []),
        ("Reuters staff", [], ["Reuters"]),
        ("ADA QUILL; BEN OSTROW", ["Ada Quill", "Ben Ostrow"], []),
        ("Ada Quill and ada quill", ["Ada Quill"], []),
        ("María José de la Vega y Luis Ortega", ["María José de la Vega", "Luis Ortega"], []),
        ("April Fenwick", ["April Fenwick"], []),
        ("Mara O'Connell and Ed McTavish", ["Mara O'Connell", "Ed McTavish"], []),
        # names in capitals take title case as they are spelt: "Mc", "O'" and hyphens too
        ("SEAN MCDONALD", ["Sean McDonald"], []), ("BY MARY O'NEILL", ["Mary O'Neill"], []),
        ("SEAN McDONALD", ["Sean McDonald"], []),  # capitals with the "Mc" kept as written
        ("JEAN-LUC PICARD", ["Jean-Luc Picard"], []), ("J.R. MOEHRINGER", ["J.R. Moehringer"], []),
        ("ANN MACHADO", ["Ann Machado"], []), ("ANN MACK", ["Ann Mack"], []),  # "Mac" may be no prefix
        ("ANN MacDONALD", ["Ann MacDonald"], []),  # ... unless the case of the capitals says so
        (["Ada Quill", "Ben Ostrow"], ["Ada Quill", "Ben Ostrow"], []),
        # CJK names: ideographs with no capitals, run together or split by one space
        ("林美音", ["林美音"], []),
        ("著者：森田 航平", ["森田 航平"], []),
        ("文／周子涵、高橋秀明", ["周子涵", "高橋秀明"], []),
        ("记者王立新", ["王立新"], []),
        ("編集部", [], []),
        ("Valley Net編集部", [], []),
        ("河川の橋を再建する計画について", [], []),
        # a reporter's title after a CJK name, more writer's labels, a date written with 年
        ("林美音 記者", ["林美音"], []),
        ("王立新记者", ["王立新"], []),
        ("執筆者：森田 航平", ["森田 航平"], []),
        ("ライター：森田航平", ["森田航平"], []),
        ("林美音 2019年4月5日", ["林美音"], []),
        ("Ada Quill 2019年4月5日", ["Ada Quill"], []),
        ("編集部 記者", [], []),
        # a catalogue's "Last, First", and particles before a family name
        ("Quill, Ada", ["Ada Quill"], []),
        ("Ostrow, Ben T.", ["Ben T. Ostrow"], []),
        ("van Dijk, Lotte", ["Lotte van Dijk"], []),
        ("Reuters, Ada", [], ["Reuters"]),
        ("Quill, Staff", [], []),
        ("Inés de los Ríos and Rui das Neves", ["Inés de los Ríos", "Rui das Neves"], []),
        # "By" in other languages, and "with" / "avec" joining co-authors
        ("Par Inès Morel", ["Inès Morel"], []),
        ("Por Lucía Garza y Tomás Ruiz", ["Lucía Garza", "Tomás Ruiz"], []),
        ("POR LUCÍA GARZA Y TOMÁS RUIZ", ["Lucía Garza", "Tomás Ruiz"], []),
        ("Ada Y. Quill", ["Ada Y. Quill"], []),  # "Y." is an initial, not Spanish "and"
        # a label that says the name is the author's; other labels are not authors' labels
        ("Author: Ada Quill", ["Ada Quill"], []),
        ("Von Lotte Brandt und Jonas Weber", ["Lotte Brandt", "Jonas Weber"], []),
        ("Von Miller", ["Von Miller"], []),  # a surname with its particle, no "By"
        ("Von der Leyen", ["Von der Leyen"], []),
        # German "by" in small letters before the name, as blog themes write it: the label
        # goes (a lone given name is then no full name to list); a name's own particle stays
        ("von Lotte Brandt", ["Lotte Brandt"], []),
        ("von Lotte", [], []),
        ("Lotte von Brandt", ["Lotte von Brandt"], []),
        ("von der Leyen", ["von der Leyen"], []),
        # (the label opens the whole byline only: a surname with its particle before its
        # given name, or a second writer's name, keeps it)
        ("von Hardenberg, Karl", ["Karl von Hardenberg"], []),
        ("Anna Berg und von Weizsäcker", ["Anna Berg", "von Weizsäcker"], []),
        ("durch Lotte Brandt", ["Lotte Brandt"], []),
        ("durch Lotte", [], []),
        ("Veröffentlicht durch Lotte Brandt", ["Lotte Brandt"], []),
        # a German body's name, its kind the end of its first word: no person
        ("Außenministerium der Republik Karst", [], ["Außenministerium der Republik Karst"]),
        ("Landratsamt des Kreises Hafenau", [], ["Landratsamt des Kreises Hafenau"]),
        ("Hans der Hafenmeister", ["Hans der Hafenmeister"], []),
        ("Texte : Inès Morel", ["Inès Morel"], []),
        ("Автор: Вера Лебедева", ["Вера Лебедева"], []),
        # a full stop after a word ends the name; after an initial or a short title it does not
        ("Ada Quill. Valley International", ["Ada Quill"], ["Valley International"]),
        ("Dr. Ada Quill", ["Dr. Ada Quill"], []),
        ("Ada Quill Jr. and Ben Ostrow", ["Ada Quill Jr", "Ben Ostrow"], []),
        # an agency's desk, a reading time
        ("Ada Quill, AP Auto Writer", ["Ada Quill"], ["The Associated Press"]),
        ("Ada Quill, Ap Auto Writer", ["Ada Quill"], ["The Associated Press"]),  # cased as a word
        ("Efe Okafor Senior Reporter", ["Efe Okafor"], []),  # a given name that is also an agency's
        ("Ada Quill 5 min read", ["Ada Quill"], []),
        ("Ada Y. Quill y Ben Ostrow", ["Ada Y. Quill", "Ben Ostrow"], []),
        # "and" in Italian and Portuguese, Dutch, Danish and Norwegian, Swedish, Czech, Finnish;
        # only in small letters and before a capital ("Ada E. Quill": an initial)
        ("Ada Quill e Ben Ostrow", ["Ada Quill", "Ben Ostrow"], []),
        ("Ada Quill en Ben Ostrow", ["Ada Quill", "Ben Ostrow"], []),
        ("Ada Quill og Ben Ostrow", ["Ada Quill", "Ben Ostrow"], []),
        ("Ada Quill och Ben Ostrow", ["Ada Quill", "Ben Ostrow"], []),
        ("Ada Quill a Ben Ostrow", ["Ada Quill", "Ben Ostrow"], []),
        ("Ada Quill ja Ben Ostrow", ["Ada Quill", "Ben Ostrow"], []),
        ("Ada E. Quill", ["Ada E. Quill"], []), ("ADA E QUILL", ["Ada E Quill"], []),
        # ...and only before a name of two words or more: one capitalised word after "e" is the
        # second half of a Portuguese compound surname ("Costa e Silva"), not a second person
        ("Ada Costa e Silva", ["Ada Costa e Silva"], []),
        ("Ada Costa e Silva e Ben Ostrow", ["Ada Costa e Silva", "Ben Ostrow"], []),
        ("Ada Quill (avec Ben Ostrow et Cy Varga)", ["Ada Quill", "Ben Ostrow", "Cy Varga"], []),
        # the kind of piece with an article or as a guest's, and Italian "Testo di"
        ("A commentary by Ada Quill", ["Ada Quill"], []),
        ("Guest column by Ada Quill", ["Ada Quill"], []),
        ("Testo di Ada Quill", ["Ada Quill"], []),
        # the near-misses: no kind of piece after the article; "di" as a name's particle
        ("A by Ada Quill", [], []),
        ("Ada Testo di Quill", ["Ada Testo di Quill"], []),
        # an interview's credit to whoever asked the questions, in French and German (in
        # capitals as a magazine sets it)
        ("Propos recueillis par Claire Morel", ["Claire Morel"], []),
        ("DIE FRAGEN STELLTEN ADA QUILL UND BEN OSTROW", ["Ada Quill", "Ben Ostrow"], []),
        ("Das Interview führte Ada Quill", ["Ada Quill"], []),
        # the near-misses: the word as a surname, the questions put to someone (who answered
        # them), the words inside a sentence
        ("Ada Fragen", ["Ada Fragen"], []),
        ("Die Fragen an Ada Quill", [], []),
        ("Claire Morel, propos du maire", ["Claire Morel"], []),
        ("Ada Quill with Ben Ostrow", ["Ada Quill", "Ben Ostrow"], []),
        ("Parker Quill and Avery Stone", ["Parker Quill", "Avery Stone"], []),
        # a nickname or initials in brackets inside a name
        ("Tomas (T.J.) Berg", ["Tomas Berg"], []),
        ("Katherine (Kit) Lowe and Ada Quill", ["Katherine Lowe", "Ada Quill"], []),
        ("Ada Quill (AFP) Ben Ostrow", ["Ada Quill", "Ben Ostrow"], ["Agence France-Presse"]),
        # a name printed twice in a row (an avatar's alt text run into it) is one name
        ("Ada Quill Ada Quill", ["Ada Quill"], []),
        ("By Ada Quill Ada Quill and Ben Ostrow", ["Ada Quill", "Ben Ostrow"], []),
        ("Quill Quill", [], []),  # one word, twice: still one word, no full name
        ("Ada Ada Quill", ["Ada Ada Quill"], []),
        # a job title, a place, a bio or profile-link labels run into the name
        ("Ada Quill Senior Reporter", ["Ada Quill"], []),
        ("Ada Quill Staff Writer and Ben Ostrow", ["Ada Quill", "Ben Ostrow"], []),
        ("Ada Quill - Staff Writer", ["Ada Quill"], []),
        ("Ada Quill – Reuters", ["Ada Quill"], ["Reuters"]),
        ("By Ada Quill in Lisbon", ["Ada Quill"], []),
        ("Ada Quill Correspondent in Rome and Ben Ostrow from Oslo", ["Ada Quill", "Ben Ostrow"], []),
        ("Ada Quill is a senior reporter covering the river valley", ["Ada Quill"], []),
        ("Ada Quill Twitter Email", ["Ada Quill"], []),
        ("Valley Desk Editor", [], []),
        ("Chief Editor", [], []),
        ("Garden Tools Team", [], []),
        # the kind of piece before "by", a compound job title, a name that begins "The"
        ("Analysis by Ada Quill, Valley Editor-at-large", ["Ada Quill"], []),
        ("Opinion by Ada Quill and Ben Ostrow", ["Ada Quill", "Ben Ostrow"], []),
        ("Ada Quill, Editor-in-Chief", ["Ada Quill"], []),
        ("The Morning Brief", [], []),
        ("Photos by Ada Quill", [], []),  # a photographer is no author
        # the credit of the pictures beside the writer's, labelled
        ("Text: Ada Quill, Fotos: Ben Ostrow", ["Ada Quill"], []),
        ("Words: Ada Quill; Photos: Ben Ostrow", ["Ada Quill"], []),
        ("Texto: Ana Ruiz / Fotos: Ben Ostrow", ["Ana Ruiz"], []),
        ("Ada Quill, Illustrations: Ben Ostrow", ["Ada Quill"], []),
        ("Ada Quill and Videla Moss", ["Ada Quill", "Videla Moss"], []),  # a name is no label
        # a particle glued to the family name it opens
        ("Ada d'Arcy and Ben al-Hashimi", ["Ada d'Arcy", "Ben al-Hashimi"], []),
        ("Ada qu-Ill", [], []),  # not a particle: a word in small letters
        # a writer and the outlet the piece was written for; a name with "for" inside stays
        ("By Ada Quill for the Valley Courier", ["Ada Quill"], ["The Valley Courier"]),
        ("Ada Quill for Newsline", ["Ada Quill"], []),
        # the outlet after "for" without its "The" is no second writer (nobody writes "for" a person)
        ("By Ada Quill for Valley Courier", ["Ada Quill"], ["The Valley Courier"]),
        ("Ada Quill and Ben Ostrow for Valley Courier", ["Ada Quill", "Ben Ostrow"], ["The Valley Courier"]),
        ("Ada Quill for Valley Harbor and Ben Ostrow", ["Ada Quill", "Ben Ostrow"], []),
        ("Ada Quill for the Courier and Ben Ostrow", ["Ada Quill", "Ben Ostrow"], ["The Courier"]),
        ("Center for Health Journalism", [], []),
        # an agency run onto the writer's name in title case, no comma between (two words or
        # more, or its initials in capitals; before a job title too)
        ("By Ada Quill Associated Press", ["Ada Quill"], ["The Associated Press"]),
        ("Ada Quill and Ben Ostrow The Canadian Press", ["Ada Quill", "Ben Ostrow"], ["The Canadian Press"]),
        ("Ada Quill AFP", ["Ada Quill"], ["Agence France-Presse"]),
        ("Ada Quill AP Business Writer", ["Ada Quill"], ["The Associated Press"]),
        # near misses: a one-word agency in title case may be a surname; an agency alone
        ("Ada Quill Reuters", [], ["Ada Quill Reuters"]),
        ("The Associated Press", [], ["The Associated Press"]),
        # a freelance's credit "Special to" the paper, with no comma before it; near misses: a
        # role that begins with "Special", and "special to" before no outlet's name
        ("Ada Quill Special to the Valley Courier", ["Ada Quill"], ["The Valley Courier"]),
        ("By ADA QUILL Special to The Valley Courier", ["Ada Quill"], ["The Valley Courier"]),
        ("Ada Quill Special Correspondent", ["Ada Quill"], []),
        ("Ada Quill special to her", [], []),
        # the paper written without its "The", or an agency: no person's name either
        ("Ada Quill Special To Valley Courier", ["Ada Quill"], ["The Valley Courier"]),
        ("Ada Quill Special to Valley Courier and Ben Ostrow", ["Ada Quill", "Ben Ostrow"], ["The Valley Courier"]),
        ("Ada Quill Special to Reuters", ["Ada Quill"], ["Reuters"]),
        # the labels of the links a byline box sets after the name, and where the writer
        # reports from
        ("Ada Quill View all posts", ["Ada Quill"], []),
        ("Ada Quill More from this author", ["Ada Quill"], []),
        ("Ada Quill Read More", ["Ada Quill"], []),
        ("Ada Quill Email the author", ["Ada Quill"], []),
        ("Ada Quill reports from Lisbon", ["Ada Quill"], []),
        ("Thomas More and Ada Quill", ["Thomas More", "Ada Quill"], []),  # a name, no label
        # one person credited with the words and the pictures is the writer
        ("Story and photos by Ada Quill", ["Ada Quill"], []),
        ("Text & photos: Ada Quill", ["Ada Quill"], []),
        ("Texto y fotos: Ana Ruiz", ["Ana Ruiz"], []),
        ("National Institute for Health Research", [], []),
        ("Special Correspondent for Valley Courier", [], ["Valley Courier"]),
        # public bodies and boards are organisations; picture libraries and paid content
        # are nobody, and no outlet either
        ("Harbour Port Authority", [], ["Harbour Port Authority"]),
        ("Valley Courier Editorial Board", [], ["Valley Courier Editorial Board"]),
        # the same, named by their first word where a Romance or German name's particle
        # follows it; a person whose name has the particle stays
        ("Coordenadoria de Imprensa", [], ["Coordenadoria de Imprensa"]),
        ("Secretaria de Comunicação and Ana Souza", ["Ana Souza"], ["Secretaria de Comunicação"]),
        ("Ministerio del Interior", [], ["Ministerio del Interior"]),
        ("Prefeitura Municipal de Lagoa Azul", [], ["Prefeitura Municipal de Lagoa Azul"]),
        ("Ana de Souza", ["Ana de Souza"], []),
        ("Ada Quill, Coastline Images", ["Ada Quill"], []),
        ("Sponsored Content", [], []),
        ("Partner Content and Ada Quill", ["Ada Quill"], []),
        # "By" in Italian and Danish, before a name of two words or more; as particles inside
        # or at the head of a two-word name they stay
        ("Di Marco Rossi e Luca Bianchi", ["Marco Rossi", "Luca Bianchi"], []),
        ("Af Ana Holm og Lars Berg", ["Ana Holm", "Lars Berg"], []),
        ("Luigi Di Maio", ["Luigi Di Maio"], []),
        ("Di Maio", ["Di Maio"], []),
        # Italian sets its "by" in small letters too; the particle of a surname alone stays
        ("di Anna Rossi", ["Anna Rossi"], []),
        ("di Maio", ["di Maio"], []),
        # Turkish "Yazar:" (author), as "Autor:"
        ("Yazar: Ayşe Kaya", ["Ayşe Kaya"], []),
        # a line of capitalised words that is no name: a pronoun, a verb or a number word in it;
        # surnames and particles that are words too stay
        ("Continued On Page Four", [], []),
        ("Here Is What We Know", [], []),
        ("Jimmy Page and Ada Quill", ["Jimmy Page", "Ada Quill"], []),
        ("Erik ten Hag", ["Erik ten Hag"], []),
        ("Will Young", ["Will Young"], []),
        # a button's or a link's phrase run into the name from an element beside it: an action
        # word, then words with one in small letters; near misses: a surname that is an action
        # word, alone or before a particle, and a line of words that begins with no action word
        ("Ada Quill Follow on Twitter", ["Ada Quill"], []),
        ("Ada Quill Follow Ada on X", ["Ada Quill"], []),
        ("Ada Quill View profile", ["Ada Quill"], []),
        ("Ada Quill Send email", ["Ada Quill"], []),
        ("Ada Quill Get alerts", ["Ada Quill"], []),
        ("Ada Quill Contact", ["Ada Quill"], []),
        ("Ada Quill Subscribe", ["Ada Quill"], []),
        ("Piers Ada Read", ["Piers Ada Read"], []),
        # (a surname that is an action word before the button's own phrase keeps its name)
        ("Ada Read Read more", ["Ada Read"], []),
        ("Ann View Follow on Twitter", ["Ann View"], []),
        ("Ada Read Smith View profile", ["Ada Read Smith"], []),
        ("Ada Read de Souza", ["Ada Read de Souza"], []),
        ("Top Read Pieces from this week", [], []),
        # the writer's employer after "of" or "at": an outlet that begins with "The", or an
        # agency; near misses: a place after "of", an institution's name before "of the"
        ("By Ada Quill of The Valley Courier", ["Ada Quill"], ["The Valley Courier"]),
        ("Ada Quill and Ben Ostrow of the Associated Press", ["Ada Quill", "Ben Ostrow"], ["The Associated Press"]),
        ("Ada Quill at Reuters", ["Ada Quill"], ["Reuters"]),
        ("Ada Quill of Harbor City", [], []),
        ("Harbor Maritime Museum of the Coast", [], []),
        # (nor a job title before "of the": "General Manager" is no writer)
        ("Chief Executive of the Valley Courier", [], ["Chief Executive of the Valley Courier"]),
        ("General Manager of the Harbor Lab", [], ["General Manager of the Harbor Lab"]),
        # a handle run into the name from an element beside it
        ("Ada Quill@adaquill", ["Ada Quill"], []),
        ("Ada Quill@adaquill and Ben Ostrow", ["Ada Quill", "Ben Ostrow"], []),
        # a job title before the name (a run of role words with a trade's noun in it); near
        # misses: a role word alone before one word, a role word with no trade's noun
        ("Senior Reporter Ada Quill", ["Ada Quill"], []),
        ("Staff Writer Ada Quill and Ben Ostrow", ["Ada Quill", "Ben Ostrow"], []),
        ("Reporter Ada", [], []),
        ("Chief Ada Quill", [], []),
        # a desk's, a feed's or a newsroom product's name (its last word no family name is) is
        # an organisation; a generic credit is none; near miss: a person with such a word inside
        ("Harbor Newswire", [], ["Harbor Newswire"]),
        ("Ledger Video", [], ["Ledger Video"]),
        ("Wire Reports", [], []),
        ("Ada Quill, Market Insights", ["Ada Quill"], ["Market Insights"]),
        ("Ada Studio Quill", ["Ada Studio Quill"], []),
        # a job title with its paper or beat in a field after the name, and the paper after a
        # job title: no second writer
        ("By Ann Lee, Harbor Ledger Staff Writer", ["Ann Lee"], []),
        ("By Ann Lee, Tom Park, Harbor Correspondents", ["Ann Lee", "Tom Park"], []),
        ("By Ann Lee, Associate Editor, Harbor Ledger", ["Ann Lee"], []),
        ("Ann Lee\nContributing Writer\nHarbor Ledger", ["Ann Lee"], []),
        # near misses: a name after "and" with a title run on keeps its writer; a list of names
        # keeps each; a name after a job title that is not the last field is a writer's
        ("By Ann Lee and Tom Park Staff Writer", ["Ann Lee", "Tom Park"], []),
        ("Ann Lee, Tom Park, Sue Ray", ["Ann Lee", "Tom Park", "Sue Ray"], []),
        ("Ann Lee, Reporter, Tom Park, Editor", ["Ann Lee", "Tom Park"], []),
    ],
)
def test_split_people(raw, people, organisations):
    assert split_people(raw) == (people, organisations)


def test_person_key_folds_case_accents_and_punctuation():
    assert person_key("José  Álvarez") == person_key("jose alvarez")
    assert person_key("A. Quill") == person_key("A Quill")
    assert person_key("Ada Quill") != person_key("Ada Quell")


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("October 28, 2024", "2024-10-28"),
        ("Oct. 28, 2024", "2024-10-28"),
        ("28 October 2024", "2024-10-28"),
        ("2024-10-28", "2024-10-28"),
        ("2024-10-28T09:15:00Z", "2024-10-28T09:15:00+00:00"),
        ("2024-10-28T09:15:00-04:00", "2024-10-28T09:15:00-04:00"),
        ("Oct 3rd, 2020", "2020-10-03"),
        ("3:15 p.m. Oct. 4, 2025", "2025-10-04T15:15:00"),
        ("May 2019", None),  # a month is not a day: nothing invented
        ("2019", None),
        ("Monday", None),
        ("not a date", None),
        ("", None),
        (None, None),
        ("2025-11-21", None),  # after "now": an article cannot be published in the future
        ("2025-11-21T00:00:00+00:00", None),
        ("1850-01-01", None),
        # month names in the other languages of our users' pages
        ("13. Oktober 2024", "2024-10-13"),
        ("13 octobre 2024", "2024-10-13"),
        ("13 de octubre de 2024", "2024-10-13"),
        # ... and in Russian and Polish (the genitive a date takes), Turkish, Finnish, the Nordic
        # languages and Indonesian
        ("13 октября 2024", "2024-10-13"), ("3 marca 2024", "2024-03-03"), ("3 Mart 2024", "2024-03-03"),
        ("3. maaliskuuta 2024", "2024-03-03"), ("3 maj 2024", "2024-05-03"), ("17 Agustus 2024", "2024-08-17"),
        ("Mai 2019", None),
        # and their short forms in Spanish, Portuguese, Italian, French and German dates
        ("14 Ago 2018", "2018-08-14"), ("3 set. 2019", "2019-09-03"), ("12 dic 2020", "2020-12-12"),
        ("5 févr. 2021", "2021-02-05"), ("4 dez. 2018 10:15", "2018-12-04T10:15:00"),
        ("set. 2019", None),  # a month, no day
        # zone abbreviations printed after a time: "ET" follows daylight saving
        ("Oct. 4, 2024 2:15 p.m. ET", "2024-10-04T14:15:00-04:00"),
        ("Jan. 4, 2024 2:15 p.m. ET", "2024-01-04T14:15:00-05:00"),
        ("4 Oct 2024 14:15 BST", "2024-10-04T14:15:00+01:00"),
        ("Oct 4 2024 9:00 PDT", "2024-10-04T09:00:00-07:00"),
        ("Oct 4 2024 9:00 +0530", "2024-10-04T09:00:00+05:30"),
        ("Oct 4 2024 9:00 GMT+2", "2024-10-04T09:00:00+02:00"),
        ("Oct 4 2024 9:00 UTC-5", "2024-10-04T09:00:00-05:00"),
        ("Oct 4 2024 9:00 IST", "2024-10-04T09:00:00"),  # ambiguous zone: none, not a guess
        # dots between the numbers: the day comes first wherever dates are written so
        ("05.03.2024", "2024-03-05"),
        ("5.3.2024 14:30", "2024-03-05T14:30:00"),
        ("11.14.2019", "2019-11-14"),  # 14 cannot be a month
        # a year and a month in numbers name no day either
        ("2024-03", None),
        ("2024/03", None),
        # a script's Date written out, its zone named in brackets after the offset
        ("Tue Mar 05 2024 09:00:00 GMT-0500 (Eastern Standard Time)", "2024-03-05T09:00:00-05:00"),
        ("Tue Mar 05 2024 09:00:00 GMT+0100 (Central European Standard Time)", "2024-03-05T09:00:00+01:00"),
        ("March 5, 2024 (updated)", None),  # near miss: words in brackets after no offset
        # Java's ZonedDateTime (RFC 9557): the zone's name in square brackets after the offset
        ("2024-03-05T09:00:00+01:00[Europe/Paris]", "2024-03-05T09:00:00+01:00"),
        ("2024-03-05T09:00:00Z[UTC]", "2024-03-05T09:00:00+00:00"),
        ("2024-03-05T09:00:00-0500[America/New_York]", "2024-03-05T09:00:00-05:00"),
        ("2024-03-05[note]", None),  # near miss: a bracket after no offset is no zone's
        # the Unix epoch's first moment is a zero timestamp formatted, in any zone
        ("1970-01-01T00:00:00Z", None), ("1969-12-31T19:00:00-05:00", None), ("1970-01-01", None),
        # near misses: another moment of that day, and the day before it with no zone
        ("1970-01-01T09:30:00Z", "1970-01-01T09:30:00+00:00"), ("1969-12-31", "1969-12-31"),
    ],
)
def test_iso_date(raw, expected):
    assert iso_date(raw, NOW) == expected


@pytest.mark.parametrize("raw, expected", [
    ("2026-04", "a month"), ("2026/4", "a month"), ("April 2026", "a month"), ("Apr. 1912", "a month"),
    ("1912", "a year"), (" 1912 ", "a year"),
    # near misses: a day, something that is no date, a season, a number too long for a year
    ("1912-04-01", None), ("May 3 2026", None), ("Spring 2026", None), ("12345", None), ("2026-13", None), (None, None),
])
def test_month_or_year_alone(raw, expected):
    assert month_or_year_alone(raw) == expected
    assert iso_date(raw, NOW) is None or expected is None  # each one named is one iso_date drops


@pytest.mark.parametrize(
    "forms",
    [
        ["The Harbor Ledger", "the harbor ledger", "harborledger.example", "https://www.harborledger.example/"],
        ["The Guardian", "the Guardian", "theguardian.com"],
    ],
)
def test_outlet_forms_share_one_key(forms):
    assert len({outlet_key(form) for form in forms}) == 1


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("AP", "The Associated Press"),
        ("associated press", "The Associated Press"),
        # an agency's initials with dots: the agency, not an outlet of their own
        ("A.P.", "The Associated Press"),
        ("A.F.P", "Agence France-Presse"),
        ("U. P. I.", "United Press International"),
        ("c.p.", "The Canadian Press"),
        # near misses: dotted initials of no agency we know, a word with dots, a domain
        ("H.N.A.", "H.N.A."),
        ("A.P.X.", "A.P.X."),
        ("St. Ives Post", "St. Ives Post"),
        ("ap.example", "ap.example"),
        ("the Harbor Ledger", "The Harbor Ledger"),
        ("  Northfield   Courier | ", "Northfield Courier"),
        ("https://www.harborledger.example/news", "harborledger.example"),
        ("", None),
        (None, None),
    ],
)
def test_clean_outlet(raw, expected):
    assert clean_outlet(raw) == expected


def test_canonical_url_drops_tracking_and_fragment():
    assert canonical_url("https://WWW.Example.org/a/b?utm_source=x&id=3#top") == "https://www.example.org/a/b?id=3"
    assert canonical_url("not a url") is None
    assert canonical_url("javascript:alert(1)") is None


@pytest.mark.parametrize("raw, expected", [("en-US", "en"), ("fr_FR", "fr"), ("DE", "de"), ("", None), ("x", None)])
def test_language_code(raw, expected):
    assert language_code(raw) == expected


def test_content_hash_ignores_case_quotes_and_white_space():
    a = "The mayor said: “We will rebuild.”\n\nWork starts Monday."
    b = 'the mayor said "we will rebuild."   Work starts monday'
    assert content_hash(a) == content_hash(b)
    assert content_hash(a) != content_hash(a.replace("Monday", "Tuesday"))


@pytest.mark.parametrize("body", [
    "  «Quoted» — words_with_underscores, and   spaces!\n\nNext paragraph…  ",
    "Straße ﬁnal ＦＵＬＬＷＩＤＴＨ 123",
    "",
    "---",
    "中文 新闻 报道。日本語のニュース",
])
def test_normalised_body_is_the_form_stored_hashes_were_made_from(body):
    # Stored articles keep the hash of this exact string: a faster implementation must give
    # the same one (this is the definition it replaced).
    import re
    import unicodedata

    from ingest.dedupe import normalised_body

    expected = re.sub(r"[\W_]+", " ", unicodedata.normalize("NFKC", body).casefold()).strip()
    assert normalised_body(body) == expected


def test_general_punctuation_has_no_letter_or_digit():
    # The fast path of the content hash turns the whole U+2000-U+206F block into spaces.
    import re

    assert not [hex(c) for c in range(0x2000, 0x2070) if re.match(r"[^\W_]", chr(c))]


def test_normalised_body_is_that_form_for_any_mix_of_scripts_and_punctuation():
    import random
    import re
    import unicodedata

    from ingest.dedupe import content_hash, normalised_body

    # Letters, digits, ASCII and Unicode punctuation, spaces of every kind, combining marks,
    # ligatures and full-width forms, in random runs: every branch of the fast path.
    alphabet = ("abcXYZ019_-'\".,;:!?()[]/\t\n\r\x0b\x0c\x1c " "éÉßİıﬁﬀＡｚ１“”‘’—–…«»·•\u00a0\u2003\u200b"
                "\u0301\u0308中文日本語ニュースабвГДЕ١٢٣αβγ🌧️\ud800"
                "\u203f\u2044\u2060\u2028\u2030\u2070\u00b2")
    rng = random.Random(5)
    for _ in range(3000):
        body = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60)))
        expected = re.sub(r"[\W_]+", " ", unicodedata.normalize("NFKC", body).casefold()).strip()
        assert normalised_body(body) == expected, repr(body)
        assert content_hash(body) == hashlib.sha256(expected.encode()).hexdigest()


@pytest.mark.parametrize("text, words", [
    ("", 0),
    ("Three plain words", 3),
    ("Café au lait — déjà vu", 6),  # white-space separated: the dash counts, as it always has
    ("市议会周二投票", 4),  # seven ideographs: about four words
    ("The 東京 office", 3),
    ("ニュース and news", 4),
    ("「」、。 punctuation only", 3),  # CJK punctuation shares lead bytes but is not counted
    ("Κείμενο στα ελληνικά", 3),
])
def test_count_words(text, words):
    assert count_words(text) == words


def test_count_words_is_the_pattern_count_for_any_text():
    import random
    import re

    cjk = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")

    def by_pattern(text):  # the definition before the lead-byte test
        found = len(cjk.findall(text))
        return len(cjk.sub(" ", text).split()) + (found + 1) // 2 if found else len(text.split())

    alphabet = "ab1 \n\t.éß—“”中文日本ニュ「」、。ｱ가각\u3000\uff01\ud800🌧"
    rng = random.Random(3)
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        assert count_words(text) == by_pattern(text), repr(text)


@pytest.mark.parametrize("url, domain", [
    ("https://news.example.co.uk/world/story", "example.co.uk"),
    ("https://WWW.Example.COM/a?b=c", "example.com"),
    ("http://user:secret@live.example.org:8080/x", "example.org"),
    ("https://localhost/x", None),  # no dot: no domain to give
    ("https://intranet.example/page", "intranet.example"),  # suffix unknown: the host
    ("http://[::1/x", None),  # a broken address is no domain, not an error
    ("", None),
    (None, None),
])
def test_domain_of(url, domain):
    assert domain_of(url) == domain
    assert domain_of(url) == domain  # and again, from the cache by host


def test_a_lone_name_confirmed_by_the_extractor_is_kept_and_a_plain_one_word_string_is_not():
    from ingest.normalise import LoneName

    assert split_people([LoneName("Marlo"), "Ada Quill"]) == (["Marlo", "Ada Quill"], [])
    assert split_people(["Marlo"]) == ([], [])
    assert type(split_people([LoneName("Marlo")])[0][0]) is str


@pytest.mark.parametrize("raw, people", [
    # A job title run into the name with no comma, its beat before the role word: both go.
    ("By Ann Lee Sports Columnist", ["Ann Lee"]),
    ("Bo Chan Science Reporter", ["Bo Chan"]),
    # Near misses: a beat word with no role word cut after it stays (it may be a surname), as
    # does a two-word name whose last word is a beat.
    ("Ann Lee Music", ["Ann Lee Music"]),
    ("Ann Music Columnist", ["Ann Music"]),
])
def test_a_beat_before_a_job_title_run_into_a_name(raw, people):
    assert split_people(raw)[0] == people


@pytest.mark.parametrize("raw, people", [
    # A lawyer's title before the name, as a law firm's blog signs its posts: a job, not a name.
    ("Rechtsanwalt Jonas Weber", ["Jonas Weber"]),
    ("Rechtsanwältin Ann Lee", ["Ann Lee"]),
    ("Por Abogada Ana Ruiz", ["Ana Ruiz"]),
    # Near misses: one word left after it, a job's word after it, the word inside the name,
    # and a doctor's title (the byline's own form of the name)
    ("Lawyer Lee", ["Lawyer Lee"]),
    ("Attorney General Ann Lee", ["Attorney General Ann Lee"]),
    ("Ann Lawyer Lee", ["Ann Lawyer Lee"]),
    ("Dr. Ann Lee", ["Dr. Ann Lee"]),
])
def test_a_lawyers_title_before_the_name_is_no_part_of_it(raw, people):
    assert split_people(raw)[0] == people


def test_a_sign_inside_the_words_is_no_handle_glued_to_a_name():
    # (html19 took "@Harbor" out and made a person of the words around it)
    assert "Ada Ledger" not in split_people(["Ada@Harbor Ledger"])[0]


PORT_VALE = "https://www.portvalecourier.example/2026/ferries"  # an address naming the site
ELSEWHERE = "https://archive.example.net/2026/ferries"  # one that does not


@pytest.mark.parametrize("title, first_line, url, outlet, title_source, kept_title", [
    # a title that is its text's opening line with the site's name beside it, where the
    # address or the outlet found for it names the site: the line alone, out of the body
    ("Port Vale Courier: Ferry fares rise again", "Ferry fares rise again", PORT_VALE, None, None,
     "Ferry fares rise again"),
    ("Ferry fares rise again - Port Vale Courier", "Ferry fares rise again", PORT_VALE, None, None,
     "Ferry fares rise again"),
    ("Ferry fares rise again // PVC", "Ferry fares rise again", "https://pvc.example/a", None, None,
     "Ferry fares rise again"),
    ("Valley Star: Ferry fares rise again", "Ferry fares rise again", ELSEWHERE, "The Valley Star", None,
     "Ferry fares rise again"),
    # fail before: no evidence names the part beside it as the site's - the headline's own
    ("Port Vale Courier: Ferry fares rise again", "Ferry fares rise again", ELSEWHERE, None, None, None),
    ("Brexit: What happens next", "What happens next", ELSEWHERE, None, None, None),
    ("Exclusive: Mayor to resign", "Mayor to resign", ELSEWHERE, None, None, None),
    ("Ferry fares rise again - Part 2", "Ferry fares rise again", ELSEWHERE, None, None, None),
    ("Ferry fares rise again — in pictures", "Ferry fares rise again", ELSEWHERE, None, None, None),
    ("US-China trade talks resume", "China trade talks resume", "https://us.example/a", None, None, None),
    # fail before: a title the user gave (a record's, an override's, a front matter's) is theirs
    ("Port Vale Courier: Ferry fares rise again", "Ferry fares rise again", PORT_VALE, None, "record", None),
    ("Valley Star: Ferry fares rise again", "Ferry fares rise again", ELSEWHERE, "Valley Star", "override", None),
    ("Port Vale Courier: Ferry fares rise again", "Ferry fares rise again", PORT_VALE, None, "front-matter", None),
    # near misses: one word is no headline; a colon after the line starts the headline's own
    # second part; no separator; a part six words long is no site's name; an outlet read from
    # the title itself is no evidence
    ("Courier: Ferries", "Ferries", "https://courier.example/a", None, None, None),
    ("Ferry fares rise again: Courier", "Ferry fares rise again", "https://courier.example/a", None, None, None),
    ("Port Vale Courier Ferry fares rise again", "Ferry fares rise again", PORT_VALE, None, None, None),
    ("Why the harbour board and the council: Ferry fares rise again", "Ferry fares rise again", PORT_VALE,
     None, None, None),
])
def test_a_title_with_a_site_name_beside_the_opening_line(title, first_line, url, outlet, title_source, kept_title):
    from ingest.normalise import normalise
    from ingest.record import Article

    body = f"{first_line}\nThe harbour board raised the fares for the second time this year, citing fuel costs."
    article = Article(title=title, body=body, url=url, outlet=outlet)
    if title_source:
        article.provenance["title"] = title_source
    if outlet:
        article.provenance["outlet"] = "meta"
    article = normalise(article, datetime(2026, 1, 1, tzinfo=timezone.utc))
    assert article.title == (kept_title or title)
    assert article.body.startswith(first_line + "\n") == (kept_title is None)


def test_an_outlet_read_from_the_title_is_no_evidence_of_the_site_in_it():
    from ingest.normalise import normalise
    from ingest.record import Article

    article = Article(title="Valley Star: Ferry fares rise again", url=ELSEWHERE, outlet="Valley Star",
                      body="Ferry fares rise again\nThe harbour board raised the fares, citing fuel costs.")
    article.provenance["outlet"] = "title"
    article = normalise(article, datetime(2026, 1, 1, tzinfo=timezone.utc))
    assert article.title == "Valley Star: Ferry fares rise again"
