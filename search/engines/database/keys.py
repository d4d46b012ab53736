"""Conditions on many primary keys at once, sent as one parameter."""

import json

from django.db import connection
from django.db.models import BooleanField, F, Func, Q
from django.db.models.expressions import RawSQL


class AnyKey(Func):
    """`pk = ANY(array)`: PostgreSQL knows the array's length (it could not guess how many rows an unnest gives,
    and looped over 30,000 keys an index probe at a time) and looks each row up in a hash of the keys."""

    output_field = BooleanField()

    def __init__(self, pks):
        super().__init__(F("pk"))
        self.pks = pks

    def as_sql(self, compiler, connection, **extra_context):
        column, params = compiler.compile(self.get_source_expressions()[0])
        return f"{column} = ANY(%s::integer[])", (*params, self.pks)


def keys_in(pks):
    """`pk IN pks` with the keys as one parameter: thousands of matches must not make thousands of them."""
    pks = [int(pk) for pk in pks]
    if connection.vendor == "postgresql":
        return Q(AnyKey(pks))
    if connection.vendor == "sqlite":
        return Q(pk__in=RawSQL("SELECT value FROM json_each(%s)", [json.dumps(pks)]))
    return Q(pk__in=pks)
