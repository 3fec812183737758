import pytest


@pytest.fixture(autouse=True)
def _isolated_media_and_static(settings, tmp_path):
    """Uploads go to a throwaway folder; templates need no collectstatic run."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {
            "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        },
    }
