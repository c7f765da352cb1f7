"""Registry API: lookups, role holders, resolution, user files."""
from __future__ import annotations

import json

import pytest

from newsdesk.errors import NewsdeskError
from newsdesk.nlp.registry import load_registry


@pytest.fixture(scope="module")
def reg():
    return load_registry()


def ids(actors):
    return [a.id for a in actors]


@pytest.mark.parametrize("title,country,date,expected", [
    ("president", "CHN", "2018-09-11", "xi-jinping"),
    ("president", "USA", "2018-09", "donald-trump"),
    ("prime minister", "JPN", "2018-09-10", "shinzo-abe"),
    ("foreign minister", "RUS", "2022", "sergey-lavrov"),
    ("top diplomat", "RUS", "2019-05-01", "sergey-lavrov"),
    ("head of state", "CHN", "2020", "xi-jinping"),
    ("premier", "CHN", "2016-06-01", "li-keqiang"),
    ("prime minister", "CHN", "2024-01-01", "li-qiang"),
    ("president", "USA", "2025-06", "donald-trump"),
])
def test_registry_role_holders_spot_checks(reg, title, country, date, expected):
    assert ids(reg.role_holders(title, country, date))[:1] == [expected]


def test_registry_spokespeople(reg):
    assert {"dmitry-peskov", "maria-zakharova"} <= set(ids(reg.role_holders("spokesman", "RUS", "2019")))
    assert "mao-ning" in ids(reg.role_holders("spokeswoman", "CHN", "2023-06"))


def test_registry_role_holders_respects_term_boundaries(reg):
    # the handover day belongs to the incoming president (end dates are exclusive)
    assert ids(reg.role_holders("president", "USA", "2021-01-20")) == ["joe-biden"]
    assert ids(reg.role_holders("president", "USA", "2021-01-19")) == ["donald-trump"]
    assert ids(reg.role_holders("foreign minister", "CHN", "2023-03")) == ["qin-gang"]
    assert reg.role_holders("president", "USA", "1990") == []


def test_registry_leader_prefers_the_political_leader(reg):
    assert ids(reg.role_holders("leader", "CHN", "2020"))[0] == "xi-jinping"
    assert ids(reg.role_holders("leader", "JPN", "2019"))[0] == "shinzo-abe"
    assert ids(reg.role_holders("leader", "RUS", "2019"))[0] == "vladimir-putin"


def test_registry_heads_follow_constitutional_changes(reg):
    # Turkey's president became head of government when the premiership was abolished in 2018
    assert ids(reg.role_holders("head of government", "TUR", "2020")) == ["recep-tayyip-erdogan"]
    assert ids(reg.role_holders("head of government", "TUR", "2017")) == ["binali-yildirim"]
    assert ids(reg.role_holders("leader", "VNM", "2020"))[0] == "nguyen-phu-trong"
    assert ids(reg.role_holders("leader", "MMR", "2022"))[0] == "min-aung-hlaing"
    assert ids(reg.role_holders("leader", "DEU", "2019"))[0] == "angela-merkel"


def test_registry_resolve_forms(reg):
    assert reg.resolve("Q15031").id == "xi-jinping"
    assert reg.resolve("Q7747").id == "vladimir-putin"
    assert reg.resolve("CHN").id == "CHN"
    assert reg.resolve("cn").id == "CHN"
    assert reg.resolve("United States").id == "USA"
    assert reg.resolve("reg:dmitry-peskov").id == "dmitry-peskov"
    assert reg.resolve("Sergei Lavrov").id == "sergey-lavrov"
    assert reg.resolve("no such actor anywhere") is None


def test_registry_certain_qids(reg):
    assert reg.get("xi-jinping").wikidata == "Q15031"
    assert reg.get("vladimir-putin").wikidata == "Q7747"
    assert reg.get("xi-jinping").key == "Q15031"
    assert reg.by_key("Q15031").id == "xi-jinping"
    no_qid = next(a for a in reg.actors.values() if a.wikidata is None)
    assert no_qid.key == f"reg:{no_qid.id}" and reg.by_key(no_qid.key) is no_qid


def test_registry_lookup_normalises_surfaces(reg):
    assert ids(reg.lookup("Dimitri Peskov")) == ["dmitry-peskov"]
    assert ids(reg.lookup("DMITRY   PESKOV")) == ["dmitry-peskov"]
    assert ids(reg.lookup("Shinzō Abe")) == ids(reg.lookup("shinzo abe")) == ["shinzo-abe"]
    assert ids(reg.lookup("the United States")) == ["USA"]
    assert ids(reg.lookup("Xi Jin\u2011ping")) == ["xi-jinping"]
    assert ids(reg.lookup("Russia\u2019s")) == ["RUS"]


def test_registry_acronyms_need_capitals(reg):
    assert ids(reg.lookup("US")) == ["USA"]
    assert reg.lookup("us") == []
    assert ids(reg.lookup("NATO")) == ["nato"]


def test_registry_demonyms_and_metonyms(reg):
    assert reg.demonym("Chinese").id == "CHN"
    assert reg.demonym("Russians").id == "RUS"
    assert reg.demonym("American").id == "USA"
    assert reg.demonym("Martian") is None
    assert reg.metonym("the Kremlin").id == "RUS"
    assert reg.metonym("Kremlin").id == "RUS"
    assert reg.metonym("Beijing").id == "CHN"
    assert reg.metonym("the White House").id == "USA"
    assert reg.metonym("Tokyo").id == "JPN"
    assert reg.metonym("Atlantis") is None


def test_registry_surnames(reg):
    assert "xi-jinping" in ids(reg.by_surname("Xi"))
    assert "jinping" not in ids(reg.by_surname("Jinping"))
    assert "sergey-lavrov" in ids(reg.by_surname("Lavrov"))
    assert {"li-keqiang", "li-qiang"} <= set(ids(reg.by_surname("Li")))
    assert ids(reg.by_surname("von der Leyen")) == ["ursula-von-der-leyen"]
    assert ids(reg.by_surname("Zelensky")) == ids(reg.by_surname("Zelenskiy")) == ["volodymyr-zelenskyy"]
    assert reg.by_surname("III") == [] and reg.by_surname("Jr") == []


def test_registry_entity_carries_identity(reg):
    ent = reg.entity(reg.get("xi-jinping"))
    assert (ent.key, ent.name, ent.type, ent.country) == ("Q15031", "Xi Jinping", "PERSON", "CHN")
    gpe = reg.entity(reg.country("RUS"))
    assert (gpe.key, gpe.type, gpe.country) == ("Q159", "GPE", "RUS")


def test_registry_user_jsonl_extends_and_overrides(tmp_path):
    path = tmp_path / "mine.jsonl"
    rows = [
        {"id": "ada-quill", "name": "Ada Quill", "type": "PERSON", "country": "JPN",
         "sector": "think tank", "aliases": ["A. Quill"],
         "roles": [{"title": "defense minister", "country": "JPN", "start": "2031"}]},
        {"id": "sergey-lavrov", "name": "Sergey Lavrov", "type": "PERSON", "country": "RUS",
         "aliases": ["S. V. Lavrov"], "roles": []},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    reg = load_registry([path])
    assert reg.resolve("A. Quill").id == "ada-quill"
    assert "ada-quill" in ids(reg.role_holders("defence minister", "JPN", "2032"))
    assert reg.get("sergey-lavrov").aliases == ("S. V. Lavrov",)
    assert reg.lookup("Sergei Lavrov") == []  # the override replaced the bundled aliases
    assert reg.role_holders("foreign minister", "RUS", "2022") == []


def test_registry_user_csv_extends(tmp_path):
    path = tmp_path / "mine.csv"
    path.write_text(
        "id,name,type,wikidata,country,sector,aliases,roles\n"
        "bo-ferreira,Bo Ferreira,PERSON,,JPN,government,Bo F. Ferreira|B. Ferreira,"
        "foreign minister:JPN:2030-01-05:2031|spokesman:JPN:2029:\n"
        "blue-harbour-institute,Blue Harbour Institute,ORG,,JPN,think tank,BHI,\n",
        encoding="utf-8")
    reg = load_registry([str(path)])
    assert reg.resolve("B. Ferreira").id == "bo-ferreira"
    assert "bo-ferreira" in ids(reg.role_holders("foreign secretary", "JPN", "2030-06"))
    assert "bo-ferreira" not in ids(reg.role_holders("foreign secretary", "JPN", "2032"))
    assert "bo-ferreira" in ids(reg.role_holders("spokesperson", "JPN", "2035"))
    assert ids(reg.lookup("BHI")) == ["blue-harbour-institute"]
    assert reg.get("bo-ferreira").roles[0].end == "2031"


@pytest.mark.parametrize("name,content,line", [
    ("bad.jsonl", '{"id": "a", "name": "A"}\n{"id": "b", "name": \n', 2),
    ("bad2.jsonl", '{"id": "a", "name": "A"}\n\n{"id": "c"}\n', 3),
    ("bad3.jsonl", '{"id": "a", "name": "A", "wikidata": "15031"}\n', 1),
    ("bad4.jsonl", '{"id": "a", "name": "A", "roles": [{"title": "king", "start": "May"}]}\n', 1),
    ("bad.csv", "id,name,roles\nx,X,\ny,Y,king:JPN:2001:2002:x:y:z:w\n", 3),
])
def test_registry_malformed_user_file_names_file_and_line(tmp_path, name, content, line):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(NewsdeskError) as info:
        load_registry([path])
    message = str(info.value)
    assert f"{path}:{line}:" in message and "\n" not in message


def test_registry_missing_user_file(tmp_path):
    with pytest.raises(NewsdeskError, match="not found"):
        load_registry([tmp_path / "nope.jsonl"])
