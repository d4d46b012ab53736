import pytest

from django.test import override_settings

pytestmark = pytest.mark.django_db


@override_settings(DEBUG=False)
def test_a_missing_page_answers_404_in_italian_with_a_way_forward(client, home_page):
    response = client.get("/organizzazioni/non-esiste/")
    assert response.status_code == 404
    text = response.content.decode()
    assert "Pagina non trovata" in text
    assert 'role="search"' in text
