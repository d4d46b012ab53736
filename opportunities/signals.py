from django.dispatch import receiver

from wagtail.signals import post_page_move

from opportunities.models import OpportunityPage


@receiver(post_page_move)
def follow_new_organization(sender, instance, parent_page_after, **kwargs):
    # Wagtail saves a moved page as a plain Page, so OpportunityPage.save() does not run.
    if issubclass(sender, OpportunityPage):
        OpportunityPage.objects.filter(pk=instance.pk).update(organization_id=parent_page_after.pk)
