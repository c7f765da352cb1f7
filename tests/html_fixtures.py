"""A made-up news page for the HTML cleaning tests: six paragraphs of body prose and slots around them."""
from newsdesk.clean import clean_document
from newsdesk.records import RawDoc

PROSE = "".join(
    f"<p>Paragraph {i}: the harbour board said on Monday that the new quay will take ferries from the "
    f"islands by spring, and that fishermen will keep their old berths on the north side.</p>"
    for i in range(6))


def page(tail: str = "", head: str = "", title: str = "New quay for the island ferries") -> str:
    """The page with ``head`` before the prose and ``tail`` after it, inside its <article>."""
    return (f"<html><head><title>{title}</title></head><body>"
            f"<article><h1>{title}</h1>{head}{PROSE}{tail}</article></body></html>")


def clean(html: str):
    return clean_document(RawDoc(source="p.html", text=html, kind="html"))
