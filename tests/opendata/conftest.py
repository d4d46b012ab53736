import pytest

from django.core.management import call_command


@pytest.fixture
def run_import(home_page, capsys):
    """Run a management command and return what it printed (stdout, stderr)."""

    def run(command, *args, **options):
        call_command(command, *[str(arg) for arg in args], **options)
        captured = capsys.readouterr()
        return captured.out, captured.err

    return run
