"""Factories for quizzes: question helpers in Wagtail's stored StreamField format, and a published quiz."""

import uuid

import factory

from .models import Quiz


def option_items(options):
    """[(text, is_correct) or (text, is_correct, explanation)] as ListBlock items with ids."""
    items = []
    for option in options:
        text, is_correct, *rest = option
        value = {"text": text, "is_correct": is_correct, "explanation": rest[0] if rest else ""}
        items.append({"type": "item", "value": value, "id": str(uuid.uuid4())})
    return items


def single_choice(text="What is 2 + 2?", options=(("4", True), ("5", False)), points=1, explanation=""):
    value = {"text": text, "points": points, "explanation": explanation, "options": option_items(options)}
    return {"type": "single_choice", "value": value, "id": str(uuid.uuid4())}


def multiple_answers(text="Which are even?", options=(("2", True), ("4", True), ("5", False)), points=1):
    value = {"text": text, "points": points, "explanation": "", "options": option_items(options)}
    return {"type": "multiple_answers", "value": value, "id": str(uuid.uuid4())}


def true_false(text="The sky is blue.", correct="true", points=1):
    value = {
        "text": text,
        "points": points,
        "explanation": "",
        "correct_answer": correct,
        "true_explanation": "",
        "false_explanation": "",
    }
    return {"type": "true_false", "value": value, "id": str(uuid.uuid4())}


def short_answer(text="Name the test double that records calls.", accepted="Spy\nTest spy", points=1):
    value = {"text": text, "points": points, "explanation": "", "accepted_answers": accepted}
    return {"type": "short_answer", "value": value, "id": str(uuid.uuid4())}


class QuizFactory(factory.django.DjangoModelFactory):
    """A published quiz (live, with a live revision) of one single-choice question unless told."""

    title = factory.Sequence(lambda n: f"Quiz {n}")
    questions = factory.LazyFunction(lambda: [single_choice()])

    class Meta:
        model = Quiz
        skip_postgeneration_save = True

    @factory.post_generation
    def publish(self, create, extracted, **kwargs):
        if create and extracted is not False:  # QuizFactory(publish=False) leaves a draft
            self.save_revision().publish()
            self.refresh_from_db()


def certify(*, user, course, **kwargs):
    """Issue `user` a certificate for `course`, granting them access first: only students with
    access are certified."""
    from access.selectors import has_course_access
    from access.services import grant_course_access

    from .certificates import issue_certificate

    if not has_course_access(user, course)[0]:
        grant_course_access(user=user, course=course)
    return issue_certificate(user=user, course=course, **kwargs)


def lesson_quiz(**quiz_fields):
    """(quiz, lesson): a published quiz on a published lesson that everyone logged in may open."""
    from courses.factories import course_tree

    quiz = QuizFactory(**quiz_fields)
    _course, _modules, (lesson,) = course_tree(lessons=[{"quiz": quiz}])
    return quiz, lesson
