"""Background work of the search app, run by Django's tasks framework (the django_tasks backport in Wagtail 8)."""

from django_tasks import task

from search import indexing


@task()
def apply_pending_index_updates():
    """Apply the queued Elasticsearch index updates; what fails stays queued for the next run."""
    applied, failed = indexing.apply_all_pending()
    return {"applied": applied, "failed": failed}
