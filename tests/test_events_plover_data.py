from newsdesk.events.plover import load_lexicon, load_ontology, validate

PLOVER_TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}


def test_events_plover_data_defines_the_sixteen_types_with_described_modes():
    onto = load_ontology()
    assert set(onto) == PLOVER_TYPES
    for etype, spec in onto.items():
        assert spec["description"].strip(), etype
        assert spec["modes"], etype
        assert all(text.strip() for text in spec["modes"].values()), etype


def test_events_plover_data_every_rule_maps_to_a_defined_type_and_mode():
    assert validate() == []
    lex = load_lexicon()
    assert lex.verbs["meet"].type == "CONSULT" and lex.nouns["sanction"].type == "SANCTION"
    assert lex.nouns["exercise"].if_joint == ("COOPERATE", "military")
