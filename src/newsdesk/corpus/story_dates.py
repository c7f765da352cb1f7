"""Story dates: what a YYYY[-MM[-DD]] date can mean, an article's main date (when what it reports
happened) and a story's date and end date voted from its members' (see :mod:`.stories`)."""
from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from ..config import Settings

LEAD_CHARS = 800  # a day date this early in the text dates what the article reports
LEAD_LAG_DAYS = 10  # ... when it is at most this many days before publication
MONTH_LAG_DAYS = 45  # month-precision events this close before publication can date an article


def day_range(date: str | None) -> tuple[dt.date, dt.date] | None:
    """The first and last day a YYYY[-MM[-DD]] date can mean."""
    if not date:
        return None
    try:
        if len(date) >= 10:
            d = dt.date.fromisoformat(date[:10])
            return d, d
        if len(date) == 7:
            y, m = int(date[:4]), int(date[5:7])
            nxt = dt.date(y + (m == 12), m % 12 + 1, 1)
            return dt.date(y, m, 1), nxt - dt.timedelta(days=1)
        y = int(date[:4])
        return dt.date(y, 1, 1), dt.date(y, 12, 31)
    except ValueError:
        return None


def _vote(dates: list[str]) -> str | None:
    """Most supported date; ties go to the finer precision, then to the earliest."""
    if not dates:
        return None
    counts = Counter(dates)
    return min(counts, key=lambda d: (-counts[d], -len(d), d))


def main_date(art: dict[str, Any]) -> tuple[str | None, str, str | None]:
    """(date, where it came from, main event id) of an article: the date of what happened.

    Day-precision event dates first, then a day date in the lead, then month-precision event
    dates close to publication, then the publication date. Coarser event dates are background
    ("the 2001 treaty") and never date the article.
    """
    happened = [e for e in art["events"] if e["status"] == "happened"]
    # a date that names no real day ("2023-02-30", from a feed or a reader) dates nothing
    dated = [e for e in happened if e.get("date") and day_range(e["date"])]
    pub = art.get("published") if day_range(art.get("published")) else None
    if pub:  # a "happened" event dated after publication is a misreading
        dated = [e for e in dated if e["date"][:len(pub)] <= pub[:len(e["date"])]]
    days = [e for e in dated if len(e["date"]) >= 10]
    if days:
        weight: Counter = Counter()
        for e in days:
            weight[e["date"]] += 1 + (e.get("confidence") or 0)
        best = min(weight, key=lambda d: (-weight[d], d))
        main = max((e for e in days if e["date"] == best), key=lambda e: (e.get("confidence") or 0, -_num(e)))
        return best, "event", main["id"]
    lead_event = next((e for e in happened if e.get("location")), None)  # the lead tells the news
    lead_id = lead_event["id"] if lead_event else None
    lead = [t for t in art["times"] if t.get("value") and len(t["value"]) == 10 and t["start"] < LEAD_CHARS
            and day_range(t["value"]) and _recent(t["value"], pub)]
    if lead:
        return lead[0]["value"], "time", lead_id
    pub_range = day_range(pub)
    months = [e for e in dated if len(e["date"]) == 7 and pub_range
              and (pub_range[0] - day_range(e["date"])[1]).days <= MONTH_LAG_DAYS]
    if months:
        return _vote([e["date"] for e in months]), "event", months[0]["id"]
    return (pub, "published", lead_id) if pub else (None, "none", lead_id)


def _recent(day: str, pub: str | None) -> bool:
    """A lead date can tell what the article reports only if it is not after publication (a payment or
    expiry date to come) nor further back than LEAD_LAG_DAYS (a fiscal year end, an earlier filing)."""
    pub_range = day_range(pub)
    d = day_range(day)
    if pub_range is None or d is None:
        return True
    return 0 <= (pub_range[1] - d[0]).days <= LEAD_LAG_DAYS


def _num(e: dict[str, Any]) -> int:
    """Position of an event in its article (ids end in -e<n>)."""
    tail = e["id"].rsplit("-e", 1)[-1]
    return int(tail) if tail.isdigit() else 0


def summarise_dates(f: dict[str, Any], settings: Settings) -> None:
    """Story date = the most supported main date of its (non-copy) articles; publication dates only
    when none has an event or lead date."""
    members = [m for m in f["members"].values() if not m["copy"] and m["date"]]
    # an event date and a lead date both say when it happened: they vote together, so that one
    # event-dated follow-up cannot outvote two articles dated from their lead
    for sources in (("event", "time"), ("published",)):
        dates = [m["date"] for m in members if m["source"] in sources]
        if dates:
            break
    start = _vote(dates)
    f["date"] = start
    if start is None:
        f["end_date"] = None
        return
    first = day_range(start)
    if first is None:  # stored before main_date dropped dates that name no day
        f["end_date"] = start
        return
    later = [d for d in dates if len(d) >= len(start) and (r := day_range(d)) and r[0] >= first[0]
             and (r[0] - first[1]).days <= settings.story_window_days]
    f["end_date"] = max(later, default=start)
