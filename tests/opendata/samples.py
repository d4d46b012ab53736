"""HSDS 3.0 service objects for the import tests, valid unless a test changes them."""

import copy
import json


def hsds_service(number=1, **overrides):
    service = {
        "id": f"svc-{number}",
        "name": f"Laboratorio di teatro {number}",
        "description": "Un laboratorio settimanale di teatro per ragazze e ragazzi, con uno spettacolo finale.",
        "url": "https://teatro.example/iscrizioni",
        "email": "info@teatro.example",
        "status": "active",
        "fees_description": "Riduzioni per fratelli e sorelle.",
        "eligibility_description": "Ragazze e ragazzi dagli 11 ai 14 anni.",
        "application_process": "Iscrizione online entro settembre.",
        "minimum_age": 11,
        "maximum_age": 14,
        "languages": [{"id": "lang-it", "code": "it", "name": "Italiano"}],
        "organization": {
            "id": "org-1",
            "name": "APS Palcoscenico",
            "description": "Associazione di promozione sociale che fa teatro con i ragazzi del quartiere.",
            "email": "aps@palcoscenico.example",
            "website": "https://palcoscenico.example",
            "legal_status": "APS",
        },
        "service_at_locations": [
            {
                "id": f"sal-{number}",
                "location": {
                    "id": "loc-1",
                    "name": "Teatro di quartiere",
                    "latitude": 45.4642,
                    "longitude": 9.19,
                    "addresses": [
                        {"address_1": "Via Verdi 3", "city": "Valdoria", "postal_code": "20100", "country": "IT"}
                    ],
                },
            }
        ],
        "schedules": [
            {
                "id": f"sch-{number}",
                "freq": "WEEKLY",
                "byday": "MO,WE",
                "opens_at": "17:00",
                "closes_at": "18:30",
                "valid_from": "2026-09-15",
                "valid_to": "2027-05-31",
            }
        ],
        "cost_options": [{"id": f"cost-{number}", "amount": 30, "currency": "EUR", "option": "mese"}],
        "attributes": [
            {
                "id": f"attr-{number}",
                "taxonomy_term": {"id": "t-teatro", "code": "teatro", "name": "Teatro", "taxonomy": "categorie"},
            },
            {
                "id": f"attr-a-{number}",
                "taxonomy_term": {
                    "id": "t-pre",
                    "code": "preadolescenti",
                    "name": "Preadolescenti",
                    "taxonomy": "destinatari",
                },
            },
        ],
    }
    service = copy.deepcopy(service)
    service.update(overrides)
    return service


def write_json(path, services):
    path.write_text(json.dumps(services, ensure_ascii=False), encoding="utf-8")
    return path


def write_ndjson(path, services):
    path.write_text("".join(json.dumps(service, ensure_ascii=False) + "\n" for service in services), encoding="utf-8")
    return path
