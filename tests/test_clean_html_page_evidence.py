"""HTML page evidence: a visible lead the extractor skipped is put back; whole-link lines go."""
from newsdesk.clean import clean_document
from newsdesk.clean.html import extract_html
from newsdesk.records import RawDoc

LEAD = ("The river authority will spend four million euros on new fish ladders along the upper valley "
        "over the next three years.")
PROSE = "".join(
    f"<p>Paragraph {i}: engineers from the authority explained on Tuesday how the ladders let trout and "
    f"salmon pass the old weirs, and why farmers downstream asked for more water in dry summers.</p>"
    for i in range(6))


def _page(description: str, lead_html: str, tail: str = "") -> str:
    return ("<html><head><title>Fish ladders for the upper valley</title>"
            f'<meta name="description" content="{description}"></head><body>'
            "<header><nav><a href='/'>Home</a></nav></header>"
            f"<div class='intro'>{lead_html}</div>"
            f"<article><h1>Fish ladders for the upper valley</h1>{PROSE}{tail}</article>"
            "<footer><p>Contact the newsroom</p></footer></body></html>")


def _stored(clean) -> str:
    """The body as the scorer counts it: the standfirst moved to ``subtitle`` plus the text."""
    return "\n".join([d.text for d in clean.dropped if d.reason == "subtitle"] + [clean.text])


def test_visible_description_skipped_by_the_extractor_is_put_back_as_the_lead():
    html = _page(LEAD, f"<p class='teaser'><span>{LEAD}</span></p>")
    page = extract_html(html)
    assert page.lead == LEAD
    assert LEAD in page.text.split("\n")[:2]  # first, or right under the headline the text opens with
    clean = clean_document(RawDoc(source="p.html", text=html, kind="html"))
    assert LEAD in _stored(clean)
    assert "Paragraph 5: engineers" in clean.text


def test_description_only_in_the_head_is_not_added_to_the_body():
    page = extract_html(_page(LEAD, ""))
    assert page.lead is None
    assert LEAD not in page.text


def test_description_inside_a_script_is_not_visible_text():
    page = extract_html(_page(LEAD, f"<script>var teaser = '{LEAD}';</script>"))
    assert page.lead is None


def test_headline_shaped_description_is_not_a_lead():
    tagline = "Four million euros for new fish ladders along the upper valley"  # no sentence end
    page = extract_html(_page(tagline, f"<p>{tagline}</p>"))
    assert page.lead is None


def test_lines_printed_as_whole_links_to_other_pages_are_dropped_with_their_reason():
    related = ("<h3><a href='/story/rain'>Record rain floods three villages in the north</a></h3>"
               "<p>Short teaser text about the rain and the flooding in the villages up north.</p>")
    assert "Record rain floods" in extract_html(_page("", "", related)).text  # trafilatura keeps it
    clean = clean_document(RawDoc(source="p.html", text=_page("", "", related), kind="html"))
    assert "Record rain floods" not in clean.text
    assert {d.text for d in clean.dropped if d.reason == "link-line"} >= {
        "Record rain floods three villages in the north"}
    assert "Paragraph 3: engineers" in clean.text


def test_in_page_anchor_and_sentence_links_are_kept():
    toc = "<p><a href='#costs'>What the ladders will cost</a></p>"
    body = ("<h2 id='costs'>What the ladders will cost</h2>"
            "<p><a href='/report'>The authority published its full report on the project last week.</a></p>")
    clean = clean_document(RawDoc(source="p.html", text=_page("", toc, body), kind="html"))
    assert "The authority published its full report" in clean.text
    assert "What the ladders will cost" in clean.text  # the heading, not its table-of-contents link
    assert not [d for d in clean.dropped if d.reason == "link-line"]


TEASER = ("Engineers say the new ladders will let salmon reach their old spawning grounds for the first "
          "time in eighty years.")


def _teaser_page(teaser_html: str, where: str = "before") -> str:
    inner = f"<div class='article-teaser'>{teaser_html}</div>"
    body = f"<h1>Fish ladders for the upper valley</h1>{PROSE}"
    article = inner + body if where == "before" else body
    side = f"<aside>{inner}</aside>" if where == "aside" else ""
    return ("<html><head><title>Fish ladders</title></head><body><main><article>"
            f"{article}</article></main>{side}<footer><p>Contact the newsroom</p></footer></body></html>")


def test_marked_lead_right_before_the_body_is_put_back():
    page = extract_html(_teaser_page(f"<p>{TEASER}</p>"))
    assert page.lead == TEASER
    clean = clean_document(RawDoc(source="p.html", text=_teaser_page(f"<p>{TEASER}</p>"), kind="html"))
    assert clean.text.startswith(TEASER)


def test_marked_box_of_links_or_one_outside_the_article_is_not_a_lead():
    links = f"<p><a href='/other'>{TEASER}</a></p>"
    assert extract_html(_teaser_page(links)).lead is None  # mostly link text: a related-story box
    assert extract_html(_teaser_page(f"<p>{TEASER}</p>", where="aside")).lead is None  # after the body


CAPTION = "Workers fit the first steel ladder at the old mill weir near the village."


def _with_picture(inner: str) -> str:
    return _page("", "", "<p>More prose follows here about the river and the fish that swim in it every "
                 f"single spring.</p>{inner}<p>And the story goes on after the picture with the views of "
                 "the anglers who fish below the weir.</p>")


def test_line_the_page_marks_as_a_caption_is_kept_as_a_caption_not_as_body():
    for markup in (f"<p><img src='a.jpg'><br><em class='caption'>{CAPTION}</em></p>",
                   f"<p class='bildunterschrift'>{CAPTION}</p>"):
        clean = clean_document(RawDoc(source="p.html", text=_with_picture(markup), kind="html"))
        assert [c.text for c in clean.captions] == [CAPTION]
        assert CAPTION not in clean.text
        assert "the anglers who fish below the weir" in clean.text


def test_same_line_without_caption_markup_stays_body():
    clean = clean_document(RawDoc(source="p.html", text=_with_picture(f"<p>{CAPTION}</p>"), kind="html"))
    assert CAPTION in clean.text and not clean.captions
