import pytest

from access.factories import UserFactory

PASSWORD = "a-strong-test-password"


@pytest.fixture
def student(client):
    """Nia Okafor, logged in, with PASSWORD."""
    user = UserFactory(username="nia", first_name="Nia", last_name="Okafor", email="nia@example.com", password=PASSWORD)
    client.force_login(user)
    return user
