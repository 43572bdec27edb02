import factory
from django.contrib.auth import get_user_model

from .models import Bundle, Cohort, LearningPath


class UserFactory(factory.django.DjangoModelFactory):
    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.com")
    password = factory.django.Password("a-strong-test-password")

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True


class BundleFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Bundle {n}")
    slug = factory.Sequence(lambda n: f"bundle-{n}")

    class Meta:
        model = Bundle
        skip_postgeneration_save = True

    @factory.post_generation
    def courses(self, create, courses):
        if courses:
            self.courses.set(courses)
            self.save()


class CohortFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Cohort {n}")

    class Meta:
        model = Cohort
        skip_postgeneration_save = True

    @factory.post_generation
    def courses(self, create, courses):
        if courses:
            self.courses.set(courses)
            self.save()


class LearningPathFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Path {n}")
    slug = factory.Sequence(lambda n: f"path-{n}")

    class Meta:
        model = LearningPath
