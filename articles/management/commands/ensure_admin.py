import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Create the local admin account with a random password, or show it again."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")

    def handle(self, *args, username: str, **options):
        users = get_user_model()
        # The password lives beside the SQLite database, readable by its owner
        # only, so a rerun can show it again without ever fixing a default.
        password_file = settings.VAR_DIR / f"{username}-password"
        user = users.objects.filter(username=username).first()
        known = password_file.read_text().strip() if password_file.exists() else ""
        if user and known and user.check_password(known):
            self.stdout.write(f"Admin account: {username} / password: {known}")
            return
        if user:
            self.stdout.write(
                f"Admin account {username} exists; its password is unchanged "
                f"(set one with: python manage.py changepassword {username})"
            )
            return
        password = secrets.token_urlsafe(12)
        users.objects.create_superuser(username=username, email="", password=password)
        password_file.parent.mkdir(parents=True, exist_ok=True)
        password_file.write_text(password)
        password_file.chmod(0o600)
        self.stdout.write(f"Admin account: {username} / password: {password}")
