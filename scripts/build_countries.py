"""Compile PETRARCH2's country actor dictionary into package data.

    python scripts/build_countries.py ../shared/lexicons/petrarch2

writes `src/storyledger/data/countries.json` (MIT, from `Phoenix.Countries.actors.txt`, built
from CountryInfo.140130.txt): each country's name, synonyms, demonyms and capital -> its
three-letter code (`countries`), and each person of the dictionary (heads of state and
government, ministers, party leaders), by full name, titled name and lone surname as the
dictionary lists them -> the country of the last role it gives (`people`). Names are lower case,
words spaced. Read by `storyledger.extract.events.countries`.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "src" / "storyledger" / "data"
_COUNTRY = re.compile(r"^([A-Z][A-Z_.'-]*)\s+\[([A-Z]{3})\]\s*(#.*)?$")
_ROLE = re.compile(r"^\s+\[([A-Z]{3}[A-Z]*)(?:\s[^\]]*)?\]")


def spaced(raw: str) -> str:
    """`UNITED_STATES_` -> "united states"."""
    return " ".join(raw.split("#")[0].strip().strip("_").replace("_", " ").lower().split())


def parse(path: Path) -> dict[str, dict[str, str]]:
    """Blocks of names (a header, `+` synonyms or bare lines) followed by their role codes:
    a block with a bare country code (`[IRQ]`, `[IRQ >20060520]`) is a country, any other
    (`[RUSGOV 910710-991231]`) a person or body of the country its last code names."""
    countries: dict[str, str] = {}
    actors: dict[str, str] = {}
    names: list[str] = []
    roles: list[str] = []
    inline: list[str] = []  # a code on the header line ("UNITED_STATES_  [USA]")

    def close() -> None:
        bare = inline + [r for r in roles if len(r) == 3]
        for name in names:
            if bare:
                countries.setdefault(name, bare[0])
            elif roles:
                actors.setdefault(name, roles[-1][:3])

    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        role = _ROLE.match(line)
        if role:
            roles.append(role.group(1))
            continue
        if roles:
            close()
            names, roles, inline = [], [], []
        header = _COUNTRY.match(line)
        if header:
            if names:
                close()
            names, roles, inline = [spaced(header.group(1))], [], [header.group(2)]
        else:
            names.append(spaced(line[1:] if line.startswith("+") else line))
    close()
    keep = set(countries.values())
    clean = re.compile(r"^[a-z][a-z .'-]*$")
    return {
        "countries": {n: c for n, c in sorted(countries.items()) if clean.match(n)},
        "actors": {
            n: c
            for n, c in sorted(actors.items())
            if c in keep and clean.match(n) and n not in countries
        },
    }


def main(folder: str) -> None:
    tables = parse(Path(folder) / "Phoenix.Countries.actors.txt")
    licence = (
        "MIT. Derived from Phoenix.Countries.actors.txt of PETRARCH2 (github.com/openeventdata/"
        "petrarch2, commit 676801cd9cb2924bbbad09f86d15c9323e7097bf) by "
        "scripts/build_countries.py; see NOTICE-countries.txt."
    )
    out = {"_licence": licence, **tables}
    (DATA / "countries.json").write_text(
        json.dumps(out, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8"
    )
    sizes = Counter({k: len(v) for k, v in tables.items()})
    sys.stderr.write(f"{dict(sizes)}\n")


if __name__ == "__main__":
    main(sys.argv[1])
