"""The bundled registry of news outlets (``newsdesk/data/outlets.csv``): names, domains, aliases."""
from __future__ import annotations

import csv
import functools
import io
import re
from dataclasses import dataclass
from importlib import resources
from urllib.parse import urlsplit


@dataclass(frozen=True)
class Outlet:
    name: str
    domains: tuple[str, ...]
    aliases: tuple[str, ...]
    owner: str
    country: str
    kind: str


class OutletRegistry:
    """Look outlets up by domain (longest suffix wins) or by any name/alias in a passage."""

    def __init__(self, outlets: list[Outlet]) -> None:
        self.outlets = outlets
        self._domains: dict[str, Outlet] = {}
        self._names: dict[str, Outlet] = {}
        for o in outlets:
            for d in o.domains:
                self._domains.setdefault(d.lower(), o)
            for n in (o.name, *o.aliases):
                self._names.setdefault(_key(n), o)
        exact, loose = [], []
        for n in self._names_raw():
            # short or all-caps aliases (AP, SCMP, FT) only match with their exact case
            (exact if len(n) <= 5 or n.isupper() else loose).append(re.escape(n))
        self._exact = _alternation(exact, 0)
        self._loose = _alternation(loose, re.IGNORECASE)

    def _names_raw(self) -> list[str]:
        return [n for o in self.outlets for n in (o.name, *o.aliases) if n]

    def by_domain(self, url_or_host: str) -> Outlet | None:
        host = urlsplit(url_or_host).hostname if "//" in url_or_host else url_or_host.split("/")[0]
        host = (host or "").lower().removeprefix("www.")
        path = urlsplit(url_or_host).path if "//" in url_or_host else ""
        first = path.strip("/").split("/")[0] if path else ""
        if first and f"{host}/{first}" in self._domains:
            return self._domains[f"{host}/{first}"]
        parts = host.split(".")
        for i in range(len(parts) - 1):
            hit = self._domains.get(".".join(parts[i:]))
            if hit:
                return hit
        return None

    def by_name(self, name: str) -> Outlet | None:
        """Exact lookup of a name or alias (case and 'The' insensitive)."""
        return self._names.get(_key(name))

    def find(self, text: str) -> list[tuple[Outlet, re.Match[str]]]:
        """Every registry name or alias mentioned in ``text``, in order of position."""
        hits = []
        for pat in (self._exact, self._loose):
            if pat is None:
                continue
            for m in pat.finditer(text):
                if not (m.group(0)[:1].isupper() or m.group(0)[:1].isdigit()):
                    continue  # "science", "time" in running text are not outlet names
                o = self.by_name(m.group(0))
                if o is not None:
                    hits.append((o, m))
        hits.sort(key=lambda h: (h[1].start(), -len(h[1].group(0))))
        out, end = [], -1
        for o, m in hits:  # keep the longest match at each place, drop overlaps
            if m.start() >= end:
                out.append((o, m))
                end = m.end()
        return out


def _key(name: str) -> str:
    k = re.sub(r"[’']", "'", name.strip().lower())
    k = re.sub(r"^the\s+", "", k)
    return re.sub(r"\s+", " ", k.replace("–", "-"))


def _alternation(alts: list[str], flags: int) -> re.Pattern[str] | None:
    if not alts:
        return None
    alts = sorted(set(alts), key=len, reverse=True)
    return re.compile(r"(?<![\w.-])(?:" + "|".join(alts) + r")(?![\w-])", flags)


@functools.lru_cache(maxsize=1)
def load_outlets() -> OutletRegistry:
    data = resources.files("newsdesk").joinpath("data/outlets.csv").read_text(encoding="utf-8")
    rows = []
    for r in csv.DictReader(io.StringIO(data)):
        rows.append(Outlet(
            name=r["name"].strip(), domains=tuple(r["domains"].split()),
            aliases=tuple(a.strip() for a in r["aliases"].split("|") if a.strip()),
            owner=r.get("owner", "").strip(), country=r.get("country", "").strip(), kind=r.get("kind", "").strip()))
    return OutletRegistry(rows)
