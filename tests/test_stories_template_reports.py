"""Template-like reports (quarterly results) on different companies are different stories.

Invented companies and figures. The four reports share every template word ("quarter", "net
profit", "revenue", "per share") and the date; only the company differs. Two further reports on
one company, worded differently, are one story.
"""
from __future__ import annotations

import json
import re

from newsdesk.corpus.story_actors import main_actors, normalise, table_row, title_companies
from newsdesk.ingest import ingest_paths

TEMPLATE = ("{name} said on Tuesday its net profit for the fourth quarter rose to {a} mln dlrs, or {s} cts "
            "a share, from {b} mln dlrs a year earlier. Revenue for the quarter was {r} mln dlrs against "
            "{q} mln dlrs. The company said results for the year included a one-time gain of {g} mln dlrs "
            "from the sale of property and said it expected the current quarter to be in line with "
            "analysts' forecasts. Shares were little changed in afternoon trading.")

REPORTS = {
    "quillfeather": ("QUILLFEATHER INSTRUMENTS INC 4TH QTR NET RISES", "Quillfeather Instruments Inc",
                     (12.1, 31, 10.4, 88.2, 80.5, 1.2)),
    "marrowgate": ("MARROWGATE FOODS CORP 4TH QTR NET RISES", "Marrowgate Foods Corp",
                   (7.3, 22, 6.9, 51.7, 49.0, 0.8)),
    "tessaline": ("TESSALINE MINING LTD 4TH QTR NET RISES", "Tessaline Mining Ltd",
                  (19.8, 45, 15.2, 140.3, 128.9, 2.5)),
    "brindlecombe": ("BRINDLECOMBE TEXTILES CO 4TH QTR NET RISES", "Brindlecombe Textiles Co",
                     (3.4, 11, 3.1, 27.6, 26.2, 0.3)),
}

OSTRANDER = {
    "ostrander_results": ("OSTRANDER VALVE CORP 4TH QTR NET RISES",
                          TEMPLATE.format(name="Ostrander Valve Corp", a=9.2, s=27, b=8.8, r=66.1, q=60.3, g=0.4)),
    "ostrander_outlook": ("Ostrander Valve sees firmer demand after quarterly gain",
                          "Ostrander Valve Corp, the pipeline equipment maker, said on Tuesday that orders from "
                          "water utilities had lifted its fourth quarter net profit to 9.2 mln dlrs, or 27 cts a "
                          "share, on revenue of 66.1 mln dlrs, and that it expected firmer "
                          "demand this year. Chief executive Halvard Pennick told analysts that Ostrander Valve "
                          "would open a second plant and that the quarterly gain came mostly from larger "
                          "utility contracts rather than from price increases."),
}


def write_reports(path):
    rows = []
    for key, (title, name, (a, s, b, r, q, g)) in REPORTS.items():
        rows.append({"url": f"https://wire.example/{key}", "outlet": "Example Wire", "title": title,
                     "published": "2021-02-16", "text": TEMPLATE.format(name=name, a=a, s=s, b=b, r=r, q=q, g=g)})
    for key, (title, text) in OSTRANDER.items():
        rows.append({"url": f"https://wire.example/{key}", "outlet": "Example Wire", "title": title,
                     "published": "2021-02-16", "text": text})
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")


def test_stories_template_reports_on_different_companies_stay_apart(models, store, settings, tmp_path):
    src = tmp_path / "reports.jsonl"
    write_reports(src)
    ingest_paths([src], store, settings, workers=1)
    key = {r["id"]: r["url"].rsplit("/", 1)[-1] for r in store.table_rows("articles")}
    assert len(key) == 6
    groups = sorted(sorted(key[a] for a in s["articles"]) for s in store.story_export_rows() if s["articles"])
    assert groups == [["brindlecombe"], ["marrowgate"], ["ostrander_outlook", "ostrander_results"],
                      ["quillfeather"], ["tessaline"]]


def test_stories_template_reports_names_from_headlines():
    assert title_companies("GLENWICK CORP <GLW> 4TH QTR OPER NET") == {"glenwick"}
    assert title_companies("Halloran Brothers Holdings Ltd posts loss") == {"halloran brothers"}
    assert title_companies("Shares slip as markets await data") == set()
    assert normalise("Dean Foods Co.") == "dean foods"


def test_stories_template_reports_common_words_name_no_actor():
    art = {"title": "OPER NET UP", "mentions": [{"entity": "loc:ORG:oper"}, {"entity": "loc:ORG:vantor mills"},
                                                  {"entity": "loc:ORG:vantor mills"}]}
    df = {"oper": 300, "vantor": 2, "mills": 40}
    assert main_actors(art, {}, df, 1000) == ["vantor mills"]


def test_stories_template_reports_table_rows_name_no_actor():
    """An abbreviation NER typed as an organisation in a results table ("Oper shr ...") is no main actor,
    however rare its word in the corpus: every results report has it, and it would join them all."""
    text = ("Vantor Mills Inc said its board approved the results.\n\n"
            "Oper shr 40 cts vs 30 cts\n\nOper net 1,364,000 vs 1,025,000\nRevs 14.7 mln vs 11.0 mln\n\n"
            "Oper shr 86 cts vs 32 cts\n")
    at = {w: text.index(w) for w in ("Vantor", "Oper shr 40", "Oper net", "Oper shr 86")}
    art = {"title": "VANTOR MILLS <VNM> 4TH QTR OPER NET", "text": text,
           "mentions": [{"entity": "loc:ORG:vantor mills", "start": at["Vantor"]}]
           + [{"entity": "loc:ORG:oper", "start": at[k]} for k in ("Oper shr 40", "Oper net", "Oper shr 86")]}
    df = {"oper": 3, "vantor": 2, "mills": 40}  # rare in a small store: the df test alone lets it through
    assert main_actors(art, {}, df, 1000) == ["vantor mills"]
    # the same abbreviation in a sentence is a name the article gives
    prose = {**art, "text": "Oper Holdings said on Monday it would buy Vantor Mills for 12 mln dlrs.",
             "mentions": [{"entity": "loc:ORG:oper", "start": 0}]}
    assert main_actors(prose, {}, df, 1000) == ["oper"]

    # prose wrapped at a fixed width is no table, though some of its lines hold a number and no end
    wrapped = ("Vantor Mills Inc said\nOper Holdings paid about 12 mln dlrs for\nits 1986 stake in the mill "
               "and\nwould sell it this year.")
    assert not table_row(wrapped, wrapped.index("Oper Holdings"))
    assert table_row("Net 1.2 mln vs 1.0 mln\nShr 12 cts vs 10 cts", 0)  # rows with no blank line between


def _results(aid, company, figures):
    text = f"{company} Inc said its board approved the results.\n\n" + "\n\n".join(
        f"Oper shr {a} cts vs {b} cts\n\nOper net {a}0,000 vs {b}0,000" for a, b in figures)
    mentions = [{"entity": f"loc:ORG:{company.lower()}", "start": 0}]
    mentions += [{"entity": "loc:ORG:oper", "start": m.start()} for m in re.finditer("Oper", text)]
    return {"id": aid, "title": f"{company.upper()} INC <{company[:3].upper()}> 4TH QTR OPER NET", "text": text,
            "published": "1987-03-17", "mentions": mentions, "places": [], "times": [], "events": []}


def test_stories_template_reports_a_table_abbreviation_shared_by_two_reports_keeps_them_apart():
    """Two results reports of different companies share a rare "entity" read from their tables: it still
    counts in their likeness, but as no rare name the two have in common, so the actor veto holds."""
    from newsdesk.config import load_settings
    from newsdesk.corpus.stories import Clusterer, article_features

    arts = [_results("a", "Vantor", [(40, 30), (86, 32)]), _results("b", "Quellmark", [(12, 9), (55, 41)])]
    feats = [article_features(a, {}) for a in arts]
    assert "@loc:ORG:oper" in feats[0].vector and feats[0].names == {"@loc:ORG:vantor"}
    df = {"#docs": 1000, "@loc:ORG:oper": 5}  # rare: the shared-name test alone would hold them together
    for f, a in zip(feats, arts):
        f.actors = main_actors(a, {}, df, 1000)
    assert [f.actors for f in feats] == [["vantor"], ["quellmark"]]
    cl = Clusterer([], dict(df), load_settings(db=":memory:"))
    assert cl.assign(feats[0]) != cl.assign(feats[1])
    # read as prose, the same shared rare name holds them together: the veto is what tells them apart
    cl = Clusterer([], dict(df), load_settings(db=":memory:"))
    for f in feats:
        f.names = None
    assert cl.assign(feats[0]) == cl.assign(feats[1])


def test_stories_template_reports_stories_sharing_only_a_table_abbreviation_are_apart():
    """The merge step reads the same: two stories whose only rare name in common is one their members
    name only inside tables are told apart by their main actors."""
    from newsdesk.config import load_settings
    from newsdesk.corpus.stories import Clusterer, article_features
    from newsdesk.corpus.story_merge import stories_apart

    arts = [_results("a", "Vantor", [(40, 30)]), _results("b", "Quellmark", [(12, 9)])]
    df = {"#docs": 1000, "@loc:ORG:oper": 5}
    cl = Clusterer([], dict(df), load_settings(db=":memory:"))
    sids = []
    for a in arts:
        f = article_features(a, {})
        f.actors = main_actors(a, {}, df, 1000)
        assert f.tables == ["@loc:ORG:oper"]
        sids.append(cl.assign(f))
    one, two = (cl.stories[s] for s in sids)
    assert one is not two and stories_apart(cl, one, two)
    for st in (one, two):  # stored before members noted their table names: the shared name holds
        for note in st.features["members"].values():
            note.pop("tables")
        cl._index(st)
    assert not stories_apart(cl, one, two)
