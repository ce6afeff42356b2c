"""Reading input texts and cutting them into sentences (lifemap.text)."""
from __future__ import annotations

import pytest

from lifemap.errors import DataError, LifemapError
from lifemap.text import NotUTF8Warning, read_text, sentences


def split(text: str) -> list[str]:
    return [text[a:b] for a, b in sentences(text)]


# Reading ----------------------------------------------------------------------------------------
def test_utf8_is_read_as_is(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("Sol’vychegodsk, Mogilëv and Kraków.\n", encoding="utf-8")
    assert read_text(path) == "Sol’vychegodsk, Mogilëv and Kraków.\n"


def test_newlines_are_normalised_like_read_text(tmp_path):
    path = tmp_path / "dos.txt"
    path.write_bytes(b"First line.\r\nSecond line.\rThird.\r\n")
    assert read_text(path) == path.read_text(encoding="utf-8") == "First line.\nSecond line.\nThird.\n"


def test_cp1252_is_decoded_with_a_warning_naming_the_file(tmp_path):
    path = tmp_path / "old-notes.txt"
    path.write_bytes("He left Tiflis \u2014 a caf\u00e9 closed.".encode("cp1252"))
    with pytest.warns(NotUTF8Warning, match="old-notes.txt"):
        text = read_text(path)
    assert text == "He left Tiflis \u2014 a caf\u00e9 closed."


def test_bytes_cp1252_lacks_fall_back_to_latin1(tmp_path):
    path = tmp_path / "odd.txt"
    path.write_bytes(b"Batum \x81 and Baku \xe9")          # 0x81 is undefined in cp1252
    with pytest.warns(NotUTF8Warning, match="latin-1"):
        assert read_text(path) == "Batum \x81 and Baku \u00e9"


def test_binary_files_are_refused(tmp_path):
    path = tmp_path / "photo.jpg"
    path.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01")
    with pytest.raises(DataError, match="photo.jpg.*binary"):
        read_text(path)


@pytest.mark.parametrize("content", [b"", b"  \n\t\n"])
def test_empty_files_are_refused(tmp_path, content):
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    with pytest.raises(LifemapError, match="empty.txt.*empty"):
        read_text(path)


def test_a_missing_file_is_a_named_error(tmp_path):
    with pytest.raises(DataError, match="cannot read"):
        read_text(tmp_path / "absent.txt")


# Sentences --------------------------------------------------------------------------------------
def test_abbreviations_and_initials_do_not_end_sentences():
    text = ("He reached St. Petersburg on 9 January [O.S. 27 December] and met J. V. Dzhugashvili. "
            "Mr. Alliluev was there too.")
    assert split(text) == ["He reached St. Petersburg on 9 January [O.S. 27 December] and met J. V. Dzhugashvili.",
                           "Mr. Alliluev was there too."]


def test_citation_marks_and_footnote_numbers_stay_with_their_sentence():
    text = "The exiles walked to the river.[12][c] Snow fell for days.7 Nobody complained."
    assert split(text) == ["The exiles walked to the river.[12][c]", "Snow fell for days.7", "Nobody complained."]


def test_decimals_and_small_letters_do_not_end_sentences():
    text = "Some 1.6 million people moved, i.e. most of them. Prices rose by 2.5 times."
    assert split(text) == ["Some 1.6 million people moved, i.e. most of them.", "Prices rose by 2.5 times."]


def test_quotes_and_brackets_close_with_their_sentence():
    text = "‘Leave at once!’ the guard shouted. (Nobody moved.) Then the train left."
    assert split(text) == ["‘Leave at once!’ the guard shouted.", "(Nobody moved.)", "Then the train left."]


def test_newlines_end_sentences_and_headings():
    text = "7. INTO EXILE\n\nThe convoy set out\nA caption without a stop\nIt was cold."
    assert split(text) == ["7. INTO EXILE", "The convoy set out", "A caption without a stop", "It was cold."]


def test_hard_wrapped_text_joins_its_lines():
    lines = ["The prisoners were marched from the", "station to the barracks on the edge",
             "of the town, where they waited for", "the spring thaw. Nobody knew when",
             "the river would open again. In May", "the first steamer came up from the",
             "south and took them further north", "to the settlement."]
    text = "\n".join(lines) + "\n\nA new paragraph begins here."
    got = split(text)
    assert got[0].startswith("The prisoners") and got[0].endswith("the spring thaw.")
    assert got[-1] == "A new paragraph begins here."
    assert len(got) == 4


CHRONOLOGY = ["1916 – served in an artillery unit in Moscow", "1918 – commissar in Nikolsk",
              "1919 – fought at Omsk", "1921 – fought at Kronstadt", "12 May 1926 – studied in Leningrad",
              "1934 - posted to Minsk", "June 1937: commanded a corps in Mongolia", "1938–1940 — commander at Khabarovsk"]


def test_the_lines_of_a_chronology_are_sentences_of_their_own():
    # eight short lines without a stop are no text wrapped at a fixed width
    assert split("\n".join(CHRONOLOGY)) == CHRONOLOGY
    # and inside a wrapped text each still stands apart
    lines = ["The prisoners were marched from the", "station to the barracks on the edge",
             "of the town, where they waited for", "the spring thaw. Nobody knew when",
             "the river would open again. In May", "the first steamer came up from the",
             "south and took them further north", "to the settlement. His life went so:"]
    got = split("\n".join(lines + CHRONOLOGY[:3]))
    assert got[-3:] == CHRONOLOGY[:3]
    # a heading with a colon is no line of a chronology
    assert split("1917–1918: Revolution and Civil War\nHe went to Moscow.") == [
        "1917–1918: Revolution and Civil War", "He went to Moscow."]
    # a wrapped line that only begins with a year goes on its sentence
    got = split("\n".join(lines[:7] + ["the settlement. He spent the years from 1912 to",
                                         "1917 - the darkest of his life - in exile at Narym."]))
    assert got[-1] == "He spent the years from 1912 to\n1917 - the darkest of his life - in exile at Narym."


def test_spans_are_stripped_ordered_and_offsets_of_the_text():
    text = "\ufeff  One.  Two?\n\n  Three!  "
    spans = sentences(text)
    assert [text[a:b] for a, b in spans] == ["One.", "Two?", "Three!"]
    assert all(a < b <= c for (a, b), (c, _) in zip(spans, spans[1:]))


def test_seed_sentences_are_well_formed(seeds):
    for path in sorted(seeds.glob("*.txt")):
        text = read_text(path)
        spans = sentences(text)
        assert len(spans) > 100, path.name
        for (a, b), nxt in zip(spans, spans[1:] + [(len(text), len(text))]):
            sentence = text[a:b]
            assert sentence == sentence.strip() and sentence, (path.name, a)
            assert "\n" not in sentence, (path.name, a)
            assert b <= nxt[0]


def test_a_seed_sentence_with_a_date_and_station_is_one_span(seeds):
    text = read_text(seeds / "003_58a08e17d63f7d08.txt")
    spans = set(sentences(text))
    assert (12881, 12988) in spans            # the arrival at the station in Petrograd
    assert text[12881:12988].startswith("On 12 March 1917")


def test_fl_before_a_year_ends_no_sentence_but_a_state_s_abbreviation_does():
    from lifemap.text import sentences

    text = "Ivan (fl. c. 1900 – 1920) was a poet. He settled in Tampa, Fl. In 1930 his brother moved to Miami."
    assert [text[a:b] for a, b in sentences(text)] == [
        "Ivan (fl. c. 1900 – 1920) was a poet.", "He settled in Tampa, Fl.", "In 1930 his brother moved to Miami."]
