"""An HTML page's standfirst is metadata (subtitle), not the first paragraph of the body."""
from __future__ import annotations

from newsdesk.clean import clean_document
from newsdesk.records import RawDoc

PAGE = """<!DOCTYPE html><html><head><title>Dam talks resume | Valley Post</title>
<meta name="description" content="Engineers from both countries return to the table after a year.">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article>
<h1>Dam talks resume</h1>
<p class="dek">Engineers from both countries return to the table after a year.</p>
<p>CAIRO — Egyptian and Ethiopian engineers met in Cairo on Monday to resume technical talks on the
filling of the dam, a year after the last round broke down over drought rules.</p>
<p>The delegations agreed to meet again next month in Addis Ababa, officials from both sides said,
and to exchange river-flow data every week until then.</p>
<p>Sudan, downstream of both, sent observers to the talks for the first time since 2021.</p>
</article><footer>© 2024 Valley Post</footer></body></html>"""


def test_clean_standfirst_is_subtitle_not_body():
    clean = clean_document(RawDoc(source="dam.html", text=PAGE, kind="html"))
    assert clean.meta.subtitle == "Engineers from both countries return to the table after a year."
    assert clean.text.startswith("CAIRO")
    assert "return to the table" not in clean.text
