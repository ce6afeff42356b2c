"""The sources table: every cited seed named, labelled and licensed; bad rows named by line."""
import pytest

from lifemap.errors import DataError
from lifemap.events import read_events
from lifemap.sources import COLUMNS, Document, cite, read_sources


def test_every_seed_the_default_events_cite_is_in_the_table():
    table = read_sources()
    cited = {e.source.document for e in read_events()}
    assert cited <= set(table)
    for doc in table.values():
        assert doc.title and (doc.author or doc.publisher) and doc.licence


def test_two_copies_of_one_article_are_told_apart():
    table = read_sources()
    labels = [d.label for d in table.values()]
    assert len(set(labels)) == len(labels)  # a character span means nothing without its copy


@pytest.mark.parametrize("doc, label", [
    (Document("a.txt", "Joseph Stalin", publisher="Wikipedia", edition="plain text"), "Wikipedia, ‘Joseph Stalin’ (plain text)"),
    (Document("b.txt", "Stalin: A Biography", author="Robert Service", publisher="Macmillan"),
     "Robert Service, ‘Stalin: A Biography’"),
    (Document("c.txt", "Notes"), "‘Notes’"),
])
def test_labels_name_who_and_what(doc, label):
    assert doc.label == label


def test_a_text_the_table_does_not_know_is_cited_by_its_file_name(tmp_path):
    assert cite(str(tmp_path / "chapter.txt"), 3, 40) == "chapter.txt — sentence at characters 3–40"
    assert cite("x.txt", 1, 2, {"x.txt": Document("x.txt", "X", author="Y")}) == "Y, ‘X’ — sentence at characters 1–2"


@pytest.mark.parametrize("row, field, message", [
    ("a.txt,,Someone,,,,,\n", "title", "empty"),
    ("b.txt,T,Someone,,,,,ftp://x\n", "url", "not a web address"),
    ("c.txt,T,Someone,,,,,\nc.txt,U,Other,,,,,\n", "file", "listed twice"),
])
def test_bad_rows_are_named_by_line_and_field(tmp_path, row, field, message):
    path = tmp_path / "sources.csv"
    path.write_text(",".join(COLUMNS) + "\n" + row, encoding="utf-8")
    with pytest.raises(DataError, match=message) as err:
        read_sources(path)
    assert err.value.field == field and err.value.line >= 2
