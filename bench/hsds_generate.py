#!/usr/bin/env python3
"""Write an Open Referral HSDS 3.0 file of N services (nested form) for benchmarking `import_hsds`.

    python bench/hsds_generate.py 10000 var/bench-hsds.json          # JSON array
    python bench/hsds_generate.py 10000 var/bench-hsds.ndjson --ndjson

One organization and one location per 25 services, the portal's own category
and audience codes plus a few unknown terms, weekly schedules, prices: what a
regional export looks like. Deterministic (seeded), standard library only.
"""

import argparse
import json
import random

CATEGORIES = ["sport", "teatro", "musica", "doposcuola", "centri-estivi", "coding", "lettura", "ambiente"]
AUDIENCES = ["bambini", "preadolescenti", "adolescenti", "giovani", "adulti", "anziani", "famiglie"]
DAYS = ["MO", "TU", "WE", "TH", "FR", "SA"]
WORDS = ["laboratorio", "corso", "gruppo", "incontri", "percorso", "attività", "scuola", "club", "atelier", "spazio"]
SUBJECTS = [
    "teatro",
    "musica",
    "calcio",
    "pallavolo",
    "scacchi",
    "coding",
    "lettura",
    "pittura",
    "danza",
    "fotografia",
    "giardinaggio",
]


def service(number, rng):
    org = number // 25
    low = rng.choice([3, 6, 11, 14, 18, 30, 65])
    return {
        "id": f"bench-svc-{number}",
        "name": f"{rng.choice(WORDS).capitalize()} di {rng.choice(SUBJECTS)} {number}",
        "description": "Un'attività settimanale aperta a tutte e tutti, con operatori formati e materiali inclusi. "
        * rng.randint(1, 3),
        "url": f"https://org{org}.example/attivita/{number}",
        "email": f"info@org{org}.example",
        "status": "active",
        "fees_description": "Riduzioni per chi ha più figli iscritti.",
        "minimum_age": low,
        "maximum_age": low + rng.choice([3, 5, 10]),
        "languages": [{"code": "it", "name": "Italiano"}],
        "organization": {
            "id": f"bench-org-{org}",
            "name": f"Associazione numero {org}",
            "description": "Associazione di promozione sociale attiva nel quartiere dal 1990.",
            "email": f"info@org{org}.example",
            "website": f"https://org{org}.example",
            "legal_status": rng.choice(["APS", "ODV", "ASD", "cooperativa sociale", "parrocchia"]),
        },
        "service_at_locations": [
            {
                "id": f"bench-sal-{number}",
                "location": {
                    "id": f"bench-loc-{org}",
                    "name": f"Sede {org}",
                    "latitude": round(45.40 + rng.random() / 10, 6),
                    "longitude": round(9.10 + rng.random() / 10, 6),
                    "addresses": [{"address_1": f"Via Roma {org + 1}", "city": "Valdoria", "postal_code": "20100"}],
                },
            }
        ],
        "schedules": [
            {
                "freq": "WEEKLY",
                "byday": ",".join(sorted(rng.sample(DAYS, rng.randint(1, 3)), key=DAYS.index)),
                "opens_at": f"{rng.randint(9, 18):02d}:00",
                "closes_at": f"{rng.randint(19, 21)}:00",
                "valid_from": "2026-09-15",
                "valid_to": "2027-06-10",
            }
        ],
        "cost_options": [{"amount": rng.choice([0, 10, 25, 40]), "currency": "EUR", "option": "mese"}],
        "attributes": [
            {"taxonomy_term": {"code": rng.choice(CATEGORIES), "name": "", "taxonomy": "categorie"}},
            {"taxonomy_term": {"code": rng.choice(AUDIENCES), "name": "", "taxonomy": "destinatari"}},
            {
                "taxonomy_term": {
                    "code": f"quartiere-{org % 12}",
                    "name": f"Quartiere {org % 12}",
                    "taxonomy": "quartieri",
                }
            },
        ],
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("output")
    parser.add_argument("--ndjson", action="store_true")
    args = parser.parse_args()
    rng = random.Random(2026)
    with open(args.output, "w", encoding="utf-8") as file:
        if args.ndjson:
            for number in range(args.count):
                file.write(json.dumps(service(number, rng), ensure_ascii=False) + "\n")
        else:
            file.write("[\n")
            for number in range(args.count):
                separator = ",\n" if number else ""
                file.write(separator + json.dumps(service(number, rng), ensure_ascii=False))
            file.write("\n]\n")


if __name__ == "__main__":
    main()
