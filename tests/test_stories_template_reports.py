"""Template-like reports (quarterly results) on different companies are different stories.

Invented companies and figures. The four reports share every template word ("quarter", "net
profit", "revenue", "per share") and the date; only the company differs. Two further reports on
one company, worded differently, are one story.
"""
from __future__ import annotations

import json

from newsdesk.corpus.story_actors import main_actors, normalise, title_companies
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
