from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class PublishingConfig(AppConfig):
    name = "publishing"
    verbose_name = _("Pubblicazione e ruoli")

    def ready(self):
        from publishing import signals

        # Roles follow their definition after every migrate, so permissions of models added later reach them.
        post_migrate.connect(signals.sync_roles_after_migrate, sender=self)
