"""Rebuild the generated lookup lists in piiscore/data/lists/ from their upstream sources.

The lists are checked in; this script documents (and repeats) how they were made. Upstream
inputs, fetched with the ordinary package clients (no other network access):

    pip download --no-deps -d /tmp/dl deduce faker       # unzip both wheels into /tmp/dl/<name>
    apt-get download wdutch wamerican wbritish             # dpkg-deb -x each into /tmp/dl/dict

    python tools/build_lists.py --deduce /tmp/dl/deduce --faker /tmp/dl/faker --dict /tmp/dl/dict

Curated lists live in tools/list_sources/*.txt and are merged in. The dictionaries are used only
to *derive* small lists (names and places that are also ordinary words); no dictionary is shipped.
See piiscore/data/lists/SOURCES.md for the source and licence of every list.
"""
from __future__ import annotations

import argparse
import importlib
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "piiscore" / "data" / "lists"
CURATED = ROOT / "tools" / "list_sources"

FAKER_PERSON_LOCALES = ("nl_NL", "nl_BE", "en_GB", "en_US", "en_IE", "tr_TR", "pl_PL", "id_ID",
                        "fr_FR", "de_DE")
_NAME_OK = re.compile(r"^[^\W\d_]+(?:[-' ][^\W\d_]+)*$")


def read_lines(path: Path) -> list[str]:
    if not path.is_file():
        return []
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


def write_list(name: str, items, header: str, case_sensitive: bool = False) -> None:
    folder = OUT / name
    folder.mkdir(parents=True, exist_ok=True)
    seen, ordered = set(), []
    for item in items:
        item = unicodedata.normalize("NFC", item.strip())
        key = item if case_sensitive else item.lower()
        if item and key not in seen:
            seen.add(key)
            ordered.append(item)
    ordered.sort(key=str.lower)
    text = "".join(f"# {h}\n" for h in header.splitlines()) + "\n".join(ordered) + "\n"
    (folder / "items.txt").write_text(text, encoding="utf-8")
    print(f"{name}: {len(ordered)} items", file=sys.stderr)


def faker_attr(faker_root: Path, module: str, attr: str) -> list[str]:
    if str(faker_root) not in sys.path:
        sys.path.insert(0, str(faker_root))
    try:
        provider = importlib.import_module(module).Provider
    except ImportError:
        return []
    value = getattr(provider, attr, ())
    return [str(v) for v in value]


def clean_place(name: str) -> str:
    return re.sub(r"\s*\([^)]*\)\s*$", "", name).strip()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--deduce", type=Path, required=True, help="unzipped deduce wheel")
    ap.add_argument("--faker", type=Path, required=True, help="unzipped faker wheel")
    ap.add_argument("--dict", type=Path, required=True, help="extracted wdutch/wamerican/wbritish")
    args = ap.parse_args(argv)
    lookup = args.deduce / "deduce" / "data" / "lookup" / "src"

    def deduce(rel: str) -> list[str]:
        items = read_lines(lookup / rel / "items.txt")
        exceptions = {e.lower() for e in read_lines(lookup / rel / "exceptions.txt")}
        return [i for i in items if i.lower() not in exceptions]

    # --- dictionaries (derivation only) -----------------------------------------------------
    words_dir = args.dict / "usr" / "share" / "dict"
    nl_words = {w for w in read_lines(words_dir / "dutch") if w[:1].islower()}
    en_words = {w for w in read_lines(words_dir / "american-english") + read_lines(
        words_dir / "british-english") if w[:1].islower() and "'" not in w}

    # --- names ------------------------------------------------------------------------------
    first = deduce("names/lst_first_name")
    last = deduce("names/lst_surname") + deduce("names/lst_interfix_surname")
    for loc in FAKER_PERSON_LOCALES:
        mod = f"faker.providers.person.{loc}"
        first += faker_attr(args.faker, mod, "first_names")
        last += faker_attr(args.faker, mod, "last_names")
    first = [n for n in first if _NAME_OK.match(n) and len(n) > 1]
    last = [n for n in last if _NAME_OK.match(n) and len(n) > 1 and n != "Doe"]
    write_list("first_names", first,
               "First names. Sources: Deduce 3.0.6 lst_first_name (LGPL-3.0-or-later);\n"
               "Faker 40.63.0 person providers " + ", ".join(FAKER_PERSON_LOCALES) + " (MIT).")
    write_list("surnames", last,
               "Surnames (without tussenvoegsel). Sources: Deduce 3.0.6 lst_surname and\n"
               "lst_interfix_surname (LGPL-3.0-or-later); Faker 40.63.0 person providers (MIT).")
    write_list("interfixes", deduce("names/lst_interfix") + read_lines(CURATED / "interfixes_extra.txt"),
               "Tussenvoegsels and name particles. Sources: Deduce 3.0.6 lst_interfix\n"
               "(LGPL-3.0-or-later) + curated (tools/list_sources/interfixes_extra.txt).")
    titles = deduce("names/lst_prefix") + read_lines(CURATED / "person_titles.txt")
    write_list("person_titles", [t for t in titles if t.lower() not in {"collega"}] + ["collega"],
               "Titles, forms of address and role words before a name. Sources: Deduce 3.0.6\n"
               "lst_prefix (LGPL-3.0-or-later) + curated (tools/list_sources/person_titles.txt).")
    for name in ("first_names_extra", "surnames_extra"):
        write_list(name, read_lines(CURATED / f"{name}.txt"),
                   f"Curated for piiscore (tools/list_sources/{name}.txt).")

    all_names = set(first) | set(last) | set(read_lines(CURATED / "first_names_extra.txt")) | set(
        read_lines(CURATED / "surnames_extra.txt"))
    ambiguous_nl = sorted({n for n in all_names if n.lower() in nl_words})
    ambiguous_en = sorted({n for n in all_names if n.lower() in en_words})
    write_list("ambiguous_names_nl", ambiguous_nl,
               "Names that are also ordinary Dutch words (need name evidence). Derived from the name\n"
               "lists and the OpenTaal word list (Debian wdutch, BSD / CC BY 3.0).")
    write_list("ambiguous_names_en", ambiguous_en,
               "Names that are also ordinary English words (need name evidence). Derived from the\n"
               "name lists and SCOWL word lists (Debian wamerican/wbritish, permissive SCOWL licence).")

    short_words = {w for w in nl_words | en_words
                   if re.fullmatch(r"[a-zà-ÿ]+", w) and 2 <= len(w) <= 7}
    write_list("dictionary_words", sorted(short_words - {n.lower() for n in all_names}),
               "Ordinary Dutch and English words of at most 7 letters that are not in the name\n"
               "lists: in an ALL CAPS or all lower-case post an unknown word after a first name is a\n"
               "surname only if it is not one of these. Derived from the OpenTaal word list (Debian\n"
               "wdutch, BSD / CC BY 3.0) and SCOWL (Debian wamerican/wbritish).")

    # --- places -----------------------------------------------------------------------------
    residences = [clean_place(p) for p in deduce("locations/lst_placename/lst_residence")]
    municipalities = [clean_place(p) for p in deduce("locations/lst_placename/lst_municipality")]
    write_list("places_nl", residences + municipalities,
               "Dutch residences (woonplaatsen) and municipalities. Source: Deduce 3.0.6\n"
               "lst_residence + lst_municipality (LGPL-3.0-or-later), '(Gld)'-style suffixes removed.")
    provinces = deduce("locations/lst_placename/lst_province") + [
        "Noord Brabant", "Brabant", "Fryslân", "Friesland", "Noord Holland", "Zuid Holland",
        "Randstad", "Twente", "Achterhoek", "Veluwe", "Betuwe", "Westland", "Zaanstreek",
        "Rijnmond", "Haaglanden", "Kennemerland", "West-Friesland", "Zeeuws-Vlaanderen"]
    write_list("provinces_regions", provinces + deduce("locations/lst_placename/lst_region"),
               "Dutch provinces and regions. Source: Deduce 3.0.6 lst_province + lst_region\n"
               "(LGPL-3.0-or-later) + curated spellings.")
    be = read_lines(CURATED / "flemish_towns.txt") + faker_attr(
        args.faker, "faker.providers.address.nl_BE", "cities")
    write_list("places_be", [clean_place(p) for p in be],
               "Flemish and Brussels towns. Sources: curated (tools/list_sources/flemish_towns.txt)\n"
               "+ Faker 40.63.0 address nl_BE cities (MIT).")
    write_list("countries", read_lines(CURATED / "countries.txt") + faker_attr(
        args.faker, "faker.providers.address.nl_NL", "countries"),
               "Countries in Dutch and English. Sources: curated + Faker 40.63.0 address nl_NL\n"
               "countries (MIT).")
    write_list("world_cities", read_lines(CURATED / "world_cities.txt"),
               "Large world cities, Dutch and English spellings. Curated.")
    states = faker_attr(args.faker, "faker.providers.address.en_US", "states")
    english = read_lines(CURATED / "places_en.txt")
    write_list("places_extra", read_lines(CURATED / "places_extra.txt") + english + states,
               "Short forms, big-city neighbourhoods, English names of Dutch places (curated,\n"
               "tools/list_sources/places_extra.txt); towns, districts and counties in the UK, Ireland,\n"
               "the US, Canada, Australia and New Zealand (curated, places_en.txt) + US states (Faker\n"
               "40.63.0 en_US, MIT).")
    all_places = (residences + municipalities + provinces + be + states + english
                  + read_lines(CURATED / "places_extra.txt") + read_lines(CURATED / "world_cities.txt")
                  + read_lines(CURATED / "countries.txt"))
    ambiguous_places = {p for p in all_places if p.lower() in nl_words or p.lower() in en_words}
    write_list("ambiguous_places", sorted(ambiguous_places),
               "Place names that are also ordinary Dutch or English words (need place evidence).\n"
               "Derived from the place lists and the OpenTaal / SCOWL word lists.")

    # --- streets ----------------------------------------------------------------------------
    suffixes = tuple(s for s in read_lines(CURATED / "street_suffixes.txt") if "." not in s)
    streets = deduce("locations/lst_street")
    # The suffix pattern finds most streets; keep only the ones it cannot find, and only
    # single- or two-word names, which is where a lookup helps (Lijnbaan is found, Spui is not).
    def found_by_suffix(street: str) -> bool:
        last = street.lower().split()[-1].split("-")[-1]
        return any(last.endswith(x) and len(last) >= len(x) + 3 for x in suffixes)

    no_suffix = [s for s in streets if not found_by_suffix(s) and len(s.split()) <= 3
                 and s[:1].isupper() and len(s) > 2]
    write_list("streets", no_suffix,
               "Dutch street names that do not end in a street suffix (the suffix pattern finds the\n"
               "rest). Source: Deduce 3.0.6 lst_street (LGPL-3.0-or-later), pruned.")
    write_list("streets_common_words",
               [st for st in no_suffix if st.lower() in nl_words or st.lower() in en_words],
               "Streets of the `streets` list that are ordinary words (Bus, Winter, Markt): these\n"
               "need context. Derived: streets ∩ OpenTaal / SCOWL word lists.")
    write_list("street_suffixes", read_lines(CURATED / "street_suffixes.txt"),
               "Dutch street-name endings. Curated.")
    street_words = sorted({w for w in nl_words if w.endswith(suffixes) and "-" not in w
                           and len(w) <= 16})
    write_list("street_common_words", street_words,
               "Ordinary Dutch words that end like a street (supermarkt, fietspad, onderweg).\n"
               "Derived from the OpenTaal word list (Debian wdutch, BSD / CC BY 3.0).")

    # --- organisations and common words ------------------------------------------------------
    write_list("organizations", read_lines(CURATED / "organizations.txt"),
               "Youth-care, justice and public institutions, well-known companies. Curated.")
    write_list("organization_acronyms", read_lines(CURATED / "organization_acronyms.txt"),
               "Organisation acronyms, matched case-sensitively. Curated.", case_sensitive=True)
    common = deduce("whitelist/lst_common_word") + deduce("whitelist/lst_stop_word")
    write_list("common_words", common,
               "Frequent Dutch words that are never a name on their own. Source: Deduce 3.0.6\n"
               "lst_common_word + lst_stop_word (LGPL-3.0-or-later).")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
