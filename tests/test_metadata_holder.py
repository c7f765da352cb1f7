"""An outlet named only by its copyright line loses the company suffix and the year."""
from __future__ import annotations

import pytest

from newsdesk.clean import clean_document
from newsdesk.records import RawDoc

BODY = ("PORTO, Portugal -- The city council voted on Monday to close the old fish market for repairs, "
        "a decision that traders said would cost them a season of sales. The mayor said the market would "
        "reopen next spring after the roof and drains are replaced, and that stall holders would be offered "
        "space in a temporary hall near the river while the work goes on.")


@pytest.mark.parametrize("line, outlet", [
    ("© 2024 The Riverside Gazette Ltd. All rights reserved.", "The Riverside Gazette"),
    ("© Porto Evening Courier 2023", "Porto Evening Courier"),
    ("Copyright 2022 Douro Valley Media Group", "Douro Valley"),
])
def test_metadata_holder_outlet_from_copyright_line(line, outlet):
    clean = clean_document(RawDoc(source="t.txt", text=f"Council closes fish market\n\n{BODY}\n\n{line}\n"))
    assert clean.meta.outlet == outlet
    assert clean.meta.evidence["outlet"].source == "copyright"
