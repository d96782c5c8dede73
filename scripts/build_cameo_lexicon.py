"""Compile PETRARCH2's CAMEO verb dictionary and the CAMEO-to-PLOVER table into package data.

    python scripts/build_cameo_lexicon.py ../shared/lexicons/petrarch2

writes two files under `src/storyledger/data/`, each under the licence of what it comes from:
- `cameo_verbs.json` (MIT, from `CAMEO.2.0.txt` and `Phoenix.agents.txt`): synonym sets, verbs
  indexed by lemma (with the words of multi-word verbs and a verb's own code), each verb block's
  default code and patterns (subject words, object words, prepositional phrases, CAMEO code `A`
  or `A:B`), and the one-word generic agent nouns (rebel, militiaman, ...) with their sector;
- `cameo_plover.json` (CC BY-SA 4.0, from `cameo_to_plover.json`): each CAMEO code the verb
  dictionary uses -> [PLOVER type, mode or null], and the two-digit roots as fallback.
The events stage reads both beside our own `plover.json`, which wins where they disagree.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "src" / "storyledger" / "data"
_CODE = re.compile(r"\[([0-9!:-]*)\]")
# A bare preposition where a noun should be ("- * TO [030]") is read as "(TO)".
PREPOSITIONS = frozenset("to for with on of in from by into against about over at".split())


def words(raw: str) -> list[str]:
    """`BEEF_UP_` -> ["beef", "up"] (the plural stop `_` and case dropped)."""
    return [w for w in raw.strip().strip("_").lower().split("_") if w]


def parse_synonyms(lines: list[str]) -> dict[str, list[str]]:
    sets: dict[str, list[str]] = {}
    name = None
    for line in lines:
        line = line.split("#")[0].strip()
        if line.startswith("&"):
            name = line.rstrip("_")
            sets[name] = []
        elif line.startswith("+") and name is not None:
            sets[name].append(" ".join(words(line[1:])))
    return sets


def parse_element(tokens: list[str]) -> list[dict]:
    """The nouns and prepositional phrases of one side of a pattern."""
    elements: list[dict] = []
    text = " ".join(tokens)
    for match in re.finditer(r"\(([^)]*)\)|\{([^}]*)\}|(&?[A-Z0-9_]+)", text):
        if match.group(1) is not None:
            inner = match.group(1).replace("{", " ").replace("}", " ").split()
            if inner:
                elements.append({"prep": " ".join(words(inner[0])), "words": _heads(inner[1:])})
        elif match.group(2) is not None:
            elements.append({"words": _heads(match.group(2).split())})
        elif match.group(3).rstrip("_").lower() in PREPOSITIONS:
            elements.append({"prep": match.group(3).rstrip("_").lower(), "words": []})
        else:
            elements.append({"words": _heads([match.group(3)])})
    return [e for e in elements if e.get("prep") or e["words"]]


def _heads(tokens: list[str]) -> list[str]:
    """The words of a phrase that must be found (synonym sets kept as `&NAME`)."""
    found = []
    for token in tokens:
        if token.startswith("&"):
            found.append(token.rstrip("_"))
        elif token not in ("$", "+", "%", "^"):
            found += words(token.strip("$+%^"))
    return found


def parse_pattern(line: str) -> dict | None:
    body, _, comment = line[1:].partition("#")
    code = _CODE.search(body)
    if code is None or "*" not in body:
        return None
    before, _, after = body[: code.start()].partition("*")
    pattern = {
        "subject": parse_element(before.split()),
        "after": parse_element(after.split()),
        "code": code.group(1),
    }
    bare = not any(e["words"] for side in ("subject", "after") for e in pattern[side])
    names = [" ".join(words(n)) for n in comment.split(",") if words(n)]
    if bare and names:  # "- * (WITH) [130] # BREAK": a bare preposition is its verb's
        pattern["verbs"] = names
    return pattern


def parse_verbs(lines: list[str]) -> tuple[dict, dict]:
    verbs: dict[str, list[dict]] = {}
    blocks: dict[str, dict] = {}
    block = None
    for raw in lines:
        line = raw.split("#")[0].rstrip()
        if not line.strip() or line.startswith("~"):
            continue
        header = re.match(r"^---\s+(\S.*?)\s+\[([^\]]*)\]\s+---", line)
        if header:
            block = header.group(1).strip()
            blocks[block] = {"code": header.group(2), "patterns": []}
        elif line.startswith("-") and block is not None:
            pattern = parse_pattern(raw.rstrip())
            if pattern is not None:
                blocks[block]["patterns"].append(pattern)
        elif block is not None:
            code = _CODE.search(line)
            name = re.sub(r"\{[^}]*\}|\[[^\]]*\]", " ", line).split()
            if not name:
                continue
            parts = name[0].split("_")
            verb_at = next((i for i, p in enumerate(parts) if p.startswith("+")), 0)
            entry = {"block": block}
            before = words("_".join(parts[:verb_at]))
            after = words("_".join(parts[verb_at + 1 :]))
            if before:
                entry["before"] = before
            if after:
                entry["particles"] = after
            if code is not None:
                entry["code"] = code.group(1)
            lemma = " ".join(words(parts[verb_at].lstrip("+")))
            if lemma:
                verbs.setdefault(lemma, []).append(entry)
    return verbs, blocks


def parse_agents(lines: list[str]) -> dict[str, str]:
    """One-word generic agent nouns (`REBEL [~REB]`, `SPOKES!PERSON!`) -> their sector code."""
    subs: dict[str, list[str]] = {}
    agents: dict[str, str] = {}
    for raw in lines:
        line = raw.split("#")[0].strip()
        sub = re.match(r"^(![A-Z]+!)\s*=\s*(.+)$", line)
        if sub:
            subs[sub.group(1)] = [w.strip() for w in sub.group(2).split(",")]
            continue
        entry = re.match(r"^([A-Z!_.'-]+)\s*(\{[^}]*\})?\s*\[([^\]]*)\]", line)
        if entry is None:
            continue
        forms = [entry.group(1)]
        for name, values in subs.items():
            forms = (
                [f.replace(name, v) for f in forms for v in values] if name in forms[0] else forms
            )
        plurals = (entry.group(2) or "").strip("{}").split()
        for form in forms + plurals:
            found = words(form)
            if len(found) == 1 and "!" not in found[0]:
                agents.setdefault(found[0], entry.group(3).strip("~"))
    return agents


def plover_table(mapping: dict, used: set[str]) -> dict:
    codes = {}
    for code in sorted(used):
        entry = mapping["codes"].get(code)
        if entry is None:
            continue
        bad_mode = any("mode" in flag for flag in entry.get("flags", []))
        codes[code] = [entry["event"], None if bad_mode else entry["mode"]]
    roots = {}
    for root, entry in mapping["cue_categories"].items():
        if root == "08":
            roots["081"] = roots["082"] = roots["083"] = ["CONCEDE", None]
            roots["084"] = roots["085"] = roots["086"] = roots["087"] = ["RETREAT", None]
        else:
            roots[root] = [entry["plover"], entry.get("mode")] if entry["plover"] else None
    return {"codes": codes, "roots": roots}


def main(folder: Path) -> None:
    lines = (folder / "CAMEO.2.0.txt").read_text(encoding="utf-8", errors="replace").splitlines()
    start = next(i for i, line in enumerate(lines) if "VERB PATTERNS" in line)
    synonyms = parse_synonyms(lines[:start])
    verbs, blocks = parse_verbs(lines[start:])
    used = {block["code"] for block in blocks.values()}
    used |= {e["code"] for entries in verbs.values() for e in entries if "code" in e}
    used |= {p["code"] for block in blocks.values() for p in block["patterns"]}
    used = {part.rstrip("!") for code in used for part in code.split(":") if part.strip("-!")}
    verbs_out = {
        "_licence": "MIT. Derived from CAMEO.2.0.txt of PETRARCH2 (c) 2015 Open Event Data "
        "Alliance, by scripts/build_cameo_lexicon.py; see NOTICE-cameo.txt.",
        "synonyms": synonyms,
        "verbs": dict(sorted(verbs.items())),
        "blocks": blocks,
    }
    agent_lines = (folder / "Phoenix.agents.txt").read_text(encoding="utf-8", errors="replace")
    verbs_out["agents"] = dict(sorted(parse_agents(agent_lines.splitlines()).items()))
    verbs_out["_licence"] += " Agents from Phoenix.agents.txt of PETRARCH2 (MIT, same notice)."
    mapping = json.loads((folder / "cameo_to_plover.json").read_text(encoding="utf-8"))
    plover_out = {
        "_licence": "CC BY-SA 4.0. Adapted from the CAMEO-to-PLOVER conversion table (PLOVER, "
        "(c) Open Event Data Alliance) by scripts/build_cameo_lexicon.py; see "
        "NOTICE-cameo-plover.txt.",
        **plover_table(mapping, used),
    }
    for name, content in (("cameo_verbs.json", verbs_out), ("cameo_plover.json", plover_out)):
        (DATA / name).write_text(json.dumps(content, indent=0) + "\n", encoding="utf-8")
    patterns = sum(len(b["patterns"]) for b in blocks.values())
    sys.stderr.write(f"{len(verbs)} verb lemmas, {len(blocks)} blocks, {patterns} patterns\n")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/lexicons/petrarch2"))
