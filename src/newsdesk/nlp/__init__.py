"""Per-article language analysis and extraction: actors, times, places, amounts, quotes."""
