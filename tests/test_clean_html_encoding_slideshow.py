"""HTML bodies: UTF-8 pages with a stray Latin-1 byte keep their accents; slideshow text is kept."""
from newsdesk.clean import clean_document
from newsdesk.readers.encoding import decode
from newsdesk.records import RawDoc


def test_utf8_page_with_one_stray_latin1_byte_is_read_as_utf8():
    body = "Schöne Grüße aus München, die Straße ist weiß und grün. " * 10
    data = ("<p>" + body + "</p>").encode("utf-8") + "<p>Gemüse</p>".encode("latin-1")
    text, enc = decode(data, "page")
    assert enc == "utf-8"
    assert "Schöne Grüße aus München" in text
    assert "Gemüse" in text  # the stray byte is read as the Latin-1 letter, not as mojibake


def test_cp1252_page_is_not_taken_for_utf8():
    data = ("<p>" + "Café crème à la française, déjà vu. " * 20 + "</p>").encode("cp1252")
    text, enc = decode(data, "page")
    assert "Café crème" in text and enc != "utf-8"


def _slide(i: int) -> str:
    return (f"<h2>Slide {i}</h2><img src='s{i}.jpg'><p>The new phone has a smaller screen than the model "
            f"before it, number {i}, and the battery lasts longer than most reviewers expected at launch.</p>"
            f"<p>Image credit: www.example.com/press/</p>")


def _page(inner: str) -> str:
    return ("<html><head><title>Ten things about the new phone</title></head><body><article>"
            "<h1>Ten things about the new phone</h1>" + inner + "</article></body></html>")


def test_slideshow_captions_are_the_text_when_they_outweigh_the_rest():
    html = _page("<p>Here is what we know.</p>" + "".join(_slide(i) for i in range(1, 6)))
    clean = clean_document(RawDoc(source="s.html", text=html, kind="html"))
    assert "number 3, and the battery lasts longer" in clean.text
    assert not clean.captions
    assert [d.reason for d in clean.dropped] == ["credit"] * 5  # credit lines still go


def test_a_caption_inside_a_long_article_stays_a_caption():
    prose = "".join(f"<p>Paragraph {i} of the story explains what the company said about its plans for the "
                    f"coming year and why analysts doubt them.</p>" for i in range(8))
    html = _page(prose + _slide(1) + prose)
    clean = clean_document(RawDoc(source="s.html", text=html, kind="html"))
    assert [c.text[:13] for c in clean.captions] == ["The new phone"]
    assert "number 1, and the battery" not in clean.text
