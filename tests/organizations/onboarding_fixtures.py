"""Fixtures of the onboarding tests, loaded by their modules through `pytest_plugins`."""

import pytest

from django.contrib.auth.models import Group, Permission
from django.core.cache import cache

from tests.factories import UserFactory


@pytest.fixture(autouse=True)
def empty_rate_limits():
    """Rate-limit counters live in the cache, which outlives a test."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def municipal_editor(home_page):
    """Someone who may qualify organizations, hence decide registration requests."""
    group, _created = Group.objects.get_or_create(name="Redazione comunale (test)")
    group.permissions.add(
        Permission.objects.get(codename="access_admin", content_type__app_label="wagtailadmin"),
        Permission.objects.get(codename="qualify_organization", content_type__app_label="organizations"),
    )
    return UserFactory(username="redattrice", email="redazione@comune.example", groups=[group.name])
