"""Quote source spans survive the store (migration 0011) and slice the stored clean text."""
from __future__ import annotations

from newsdesk.pipeline import process_batch
from newsdesk.records import RawDoc

TEXT = ("Harbour dredging to start in March\n\n"
        "The port authority will start dredging the old harbour in March, after two years of delays "
        "caused by a dispute over where the mud should go.\n\n"
        "Marta Vidal, who chairs the authority, spoke to fishermen on the quay on Thursday.\n\n"
        '"The boats have waited long enough," she said.\n')


def test_quotes_source_span_store_round_trip(models, store, settings):
    rec = process_batch([RawDoc(source="harbour.txt", text=TEXT)], models, settings)[0]
    assert store.save_record(rec)
    back = store.get_record(rec.id)
    quote = next(q for q in back.quotes if q.text.startswith("The boats"))
    assert quote.speaker == "Marta Vidal" and quote.source_text == "she"
    assert back.clean.text[quote.source_start:quote.source_end] == quote.source_text
