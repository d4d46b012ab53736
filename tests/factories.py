"""Factories for the portal's content; pages are added below their parent in the tree."""

import datetime as dt

import factory

from django.contrib.auth import get_user_model
from django.utils.text import slugify

from opportunities.models import Kind, OpportunityPage, OpportunitySchedule
from organizations.models import LegalForm, OrganizationIndexPage, OrganizationPage, Place
from taxonomy.models import Category, District


class PageFactory(factory.django.DjangoModelFactory):
    """Adds the page under `parent` (or the default parent) and publishes it unless live=False."""

    class Meta:
        abstract = True

    title = factory.Sequence(lambda n: f"Pagina {n}")
    slug = factory.LazyAttribute(lambda page: slugify(page.title))

    @classmethod
    def default_parent(cls):
        raise NotImplementedError

    @classmethod
    def _create(cls, model_class, *args, parent=None, **kwargs):
        page = model_class(*args, **kwargs)
        (parent or cls.default_parent()).add_child(instance=page)
        return page


class OrganizationPageFactory(PageFactory):
    class Meta:
        model = OrganizationPage

    title = factory.Sequence(lambda n: f"Associazione Numero {n}")
    legal_form = LegalForm.APS
    summary = "Associazione di quartiere che organizza attività per famiglie."
    email = factory.LazyAttribute(lambda page: f"info@{page.slug}.example")

    @classmethod
    def default_parent(cls):
        return OrganizationIndexPage.objects.get()


class OpportunityPageFactory(PageFactory):
    class Meta:
        model = OpportunityPage

    title = factory.Sequence(lambda n: f"Laboratorio numero {n}")
    kind = Kind.ACTIVITY
    summary = "Un laboratorio settimanale per scoprire cose nuove insieme."
    categories = factory.LazyFunction(lambda: [Category.objects.get(slug="cultura")])
    schedules = factory.LazyFunction(
        lambda: [OpportunitySchedule(weekdays=["WE"], opens_at=dt.time(16), closes_at=dt.time(18))]
    )

    @classmethod
    def default_parent(cls):
        return OrganizationPageFactory()


class DistrictFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = District
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Quartiere {n}")
    slug = factory.LazyAttribute(lambda district: slugify(district.name))


class PlaceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Place

    name = factory.Sequence(lambda n: f"Sala civica {n}")
    address = factory.Sequence(lambda n: f"Via Roma {n + 1}")
    city = "Valdoria"
    district = factory.SubFactory(DistrictFactory)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"utente{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password("password-di-prova")

    @factory.post_generation
    def groups(user, create, names, **kwargs):
        from django.contrib.auth.models import Group

        for name in names or []:
            user.groups.add(Group.objects.get(name=name))
