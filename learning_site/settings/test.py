"""Tests: fast hashing, media in a temporary folder, the database from DATABASE_URL (SQLite if unset)."""

import tempfile

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-secret-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = tempfile.mkdtemp(prefix="learning-site-test-media-")
# Local files even when CLOUDINARY_URL is exported: the Cloudinary tests use a fake on 127.0.0.1.
STORAGES = {**STORAGES, "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}}
WAGTAILADMIN_BASE_URL = "http://testserver"
ACCREDIBLE_API_KEY = ""  # tests that need Accredible set it and point it at a fake server
OPENAI_API_KEY = ""  # tests that need the AI point it at a fake OpenAI server on 127.0.0.1
TASKS = {"default": {"BACKEND": TASK_BACKENDS["immediate"]}}
