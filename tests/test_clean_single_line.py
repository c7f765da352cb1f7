"""Articles delivered as one line (feeds, JSON exports) keep their bodies, with exact offsets."""
from __future__ import annotations

from newsdesk.clean import clean_document
from newsdesk.config import load_settings
from newsdesk.pipeline import prepare
from newsdesk.records import RawDoc

from paths import ROOT, load_script

REUTERS = ROOT.parent / "shared" / "corpus" / "reuters21578.jsonl"

# Our own article (invented events). Company names with inner capitals (McAllister, iPhone,
# BlackRock, PetroChina) are what made a whole one-line article look like glued menu words.
PARAGRAPHS = [
    "Shares of McAllister Freight rose sharply on Wednesday after the company said it had won a ten-year "
    "contract to move grain for a consortium led by PetroChina and two European traders.",
    "The contract, worth about 2.4 billion dollars, covers rail and barge transport from inland silos to "
    "three river ports, the company said in a statement, and starts in the second half of next year.",
    "Analysts at BlackRock said the deal would lift the company's revenue by roughly a fifth, although "
    "they warned that fuel prices and low water levels on the river could squeeze its margins.",
    "McAllister's chief executive told reporters that the firm would buy forty new locomotives and hire "
    "about six hundred drivers, and that customers could track every load from an iPhone app.",
    "Unions welcomed the hiring plan but said they would press for a new pay agreement before the "
    "contract begins, citing long shifts and a shortage of rest facilities at the river ports.",
    "The company's shares closed 11 percent higher, their biggest one-day gain in more than four years.",
]


def test_clean_single_line_own_article_keeps_body():
    text = " ".join(PARAGRAPHS)
    clean = prepare(RawDoc(source="x", text=text, kind="text"), load_settings())
    assert len(clean.text.split()) >= 0.95 * len(text.split())
    assert clean.text.count("\n\n") >= 2  # cut into paragraphs at sentence ends
    for c, s, n in clean.offsets:
        assert clean.text[c:c + n] == clean.source_text[s:s + n]


def test_clean_single_line_json_feed_item_with_sign_off():
    text = " ".join(PARAGRAPHS) + " REUTERS"
    clean = clean_document(RawDoc(source="x", text=text, kind="text"))
    assert clean.text.endswith("more than four years.")
    assert len(clean.text.split()) >= 0.95 * len(text.split())


def test_clean_single_line_reuters_flattened_floor():
    """Dev set (in-sample: measured while building the splitter): the first 300 Reuters-21578 stories
    of 80+ words, flattened to one line. Before the change 14 were rejected or lost >20% of their
    words; now 1. The floor guards the dev set against regressions."""
    scorer = load_script("score_single_line")
    stories = scorer.load_stories(str(REUTERS), 300, 80)
    assert len(stories) == 300
    fails, kept = scorer.measure(stories, "one line")
    assert sum(fails.values()) <= 3, fails
    assert kept >= 0.99
