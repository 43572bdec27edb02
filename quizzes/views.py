"""Taking a quiz: the intro, the attempt form, submission and the results page.

The same views serve a lesson's quiz (`<lesson url>quiz/`) and a course's final exam
(`<course url>exam/`); a `QuizPlace` says where the quiz sits and who may take it there.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control

from home.school import school_settings
from learning_site.rate_limits import client_ip, rate_limited, take, too_many_requests

from . import certificates, services
from .certificate_pdf import render_certificate_pdf
from .models import QuizAttempt


@dataclass
class QuizPlace:
    """Where a quiz is taken: its page, its URLs, and what comes after it."""

    quiz: object
    page: object
    course: object
    lesson: object = None
    is_exam: bool = False
    next_page: object = None

    @property
    def url(self):
        return self.page.url + ("exam/" if self.is_exam else "quiz/")

    def result_url(self, number):
        return f"{self.url}attempts/{number}/"


def lesson_place(request, lesson):
    """The lesson's live quiz; 404 without one. Who may take it is asked per request by `quiz_page`."""
    quiz = services.live_quiz(lesson)
    if quiz is None:
        raise Http404("This lesson has no quiz.")
    _previous, next_lesson = lesson.neighbours(request)
    return QuizPlace(quiz=quiz, page=lesson, course=lesson.course, lesson=lesson, next_page=next_lesson)


def render(request, template, context, status=200):
    response = TemplateResponse(request, template, context, status=status)
    patch_cache_control(response, private=True, no_store=True)
    return response


def access_ended(request, place, message):
    """403: the student may not take (or submit) this quiz now, and why. Nothing about answers."""
    return render(request, "quizzes/access_ended.html", {"place": place, "quiz": place.quiz, "message": message}, 403)


def quiz_page(request, place):
    """GET: the intro with past attempts, or the open attempt's form. POST: start, or submit."""
    if not request.user.is_authenticated:
        return redirect_to_login(place.url)
    user, quiz = request.user, place.quiz
    if request.method == "POST":
        return handle_quiz_post(request, place)
    if request.method != "GET":
        return HttpResponseNotAllowed(["GET", "POST"])
    problem = services.access_problem(user, lesson=place.lesson, course=place.course, is_exam=place.is_exam)
    if problem:
        return access_ended(request, place, problem)
    attempt = services.open_attempt(user, quiz)
    if attempt is not None and attempt.deadline and attempt.seconds_left() == 0:
        attempt = None  # past its deadline: the intro offers a new start, which closes it as late
    return render(
        request,
        "quizzes/quiz_page.html",
        {
            "place": place,
            "quiz": quiz,
            "page": place.page,
            "attempt": attempt,
            "questions": services.attempt_questions(attempt) if attempt else [],
            "past_attempts": QuizAttempt.objects.filter(user=user, quiz=quiz, status="submitted").order_by(
                "-attempt_number"
            ),
            "attempts_left": services.attempts_left(user, quiz),
            "passed": services.has_passed(user, quiz),
        },
    )


def answers_from(post, attempt):
    answers = {}
    for question in services.attempt_questions(attempt):
        key = f"q-{question.id}"
        answers[question.id] = post.getlist(key) if question.answer_kind == "choices" else post.get(key, "")
    return answers


def posted_attempt(request, place):
    """The student's own attempt named by the form's `attempt` field; QuizError for anything else."""
    attempt_id = request.POST.get("attempt", "")
    attempt = None
    if attempt_id.isdigit() and len(attempt_id) < 19:
        attempt = QuizAttempt.objects.filter(user=request.user, quiz=place.quiz, pk=int(attempt_id)).first()
    if attempt is None:
        raise services.QuizError("That attempt was not found. Start the quiz again.")
    return attempt


def handle_quiz_post(request, place):
    user, quiz = request.user, place.quiz
    refusal = take("quiz_post", client_ip(request))
    if refusal:
        return too_many_requests(request, refusal)
    action = request.POST.get("action")
    try:
        if action == "start":
            services.start_attempt(
                user=user, quiz=quiz, lesson=place.lesson, course=place.course, is_exam=place.is_exam
            )
            return redirect(place.url)
        if action == "submit":
            attempt = posted_attempt(request, place)
            attempt = services.submit_attempt(attempt=attempt, user=user, answers=answers_from(request.POST, attempt))
            return redirect(place.result_url(attempt.attempt_number))
    except services.QuizAccessEnded as ended:
        return access_ended(request, place, str(ended))
    except services.QuizError as error:
        messages.error(request, str(error))
        return redirect(place.url)
    messages.error(request, "Unknown action.")
    return redirect(place.url)


def result_page(request, place, number):
    if not request.user.is_authenticated:
        return redirect_to_login(place.url)
    problem = services.access_problem(request.user, lesson=place.lesson, course=place.course, is_exam=place.is_exam)
    if problem:
        return access_ended(request, place, problem)
    attempt = (
        QuizAttempt.objects.filter(user=request.user, quiz=place.quiz, attempt_number=number, status="submitted")
        .select_related("revision")
        .first()
    )
    if attempt is None:
        raise Http404("No such attempt.")
    reveal = services.may_show_results(attempt)
    return render(
        request,
        "quizzes/quiz_result.html",
        {
            "place": place,
            "quiz": place.quiz,
            "page": place.page,
            "attempt": attempt,
            "reveal": reveal,
            "questions": services.attempt_questions(attempt, reveal=reveal),
            "attempts_left": services.attempts_left(request.user, place.quiz),
            "passing_score": services.quiz_version(attempt.quiz, attempt.revision).passing_score,
            "certificate": attempt.certificates.valid().first() if attempt.is_exam and attempt.passed else None,
        },
    )


def lesson_quiz(request, lesson):
    return quiz_page(request, lesson_place(request, lesson))


def lesson_quiz_result(request, lesson, number):
    return result_page(request, lesson_place(request, lesson), number)


# Final exams ------------------------------------------------------------------------------------


def exam_place(request, course):
    exam = services.live_exam(course)
    if exam is None:
        raise Http404("This course has no final exam.")
    return QuizPlace(quiz=exam, page=course, course=course, is_exam=True)


def course_exam(request, course):
    """The exam page; while it is locked for the student, it says why and starts nothing. An attempt
    already open goes on to `quiz_page`, which checks the student's access again on every request."""
    place = exam_place(request, course)
    if not request.user.is_authenticated:
        return redirect_to_login(place.url)
    locked = services.exam_lock_reason(request.user, course)
    if locked and services.open_attempt(request.user, place.quiz) is None:
        if request.method == "POST":
            messages.error(request, locked)
            return redirect(place.url)
        return render(request, "quizzes/exam_locked.html", {"place": place, "quiz": place.quiz, "reason": locked})
    return quiz_page(request, place)


def course_exam_result(request, course, number):
    return result_page(request, exam_place(request, course), number)


# Certificates -----------------------------------------------------------------------------------


def certificate_for_holder(request, number):
    """The certificate, for its holder (or whoever may revoke certificates); 404 for anyone else."""
    certificate = certificates.find_certificate(number)
    if certificate is None:
        raise Http404("No certificate has this number.")
    user = request.user
    if not user.is_authenticated:
        return None, redirect_to_login(request.get_full_path())
    if certificate.user_id != user.pk and not user.has_perm("quizzes.revoke_certificate"):
        raise Http404("No certificate has this number.")
    return certificate, None


@rate_limited("certificate_verify", methods=("GET", "HEAD"))
def certificate_verify(request, number):
    """Public: whether a certificate is genuine, for whom and for what. Nothing more about the holder."""
    certificate = certificates.find_certificate(number)
    if certificate is None:
        response = TemplateResponse(request, "quizzes/certificate_unknown.html", {"number": number}, status=404)
        return response
    is_holder = request.user.is_authenticated and request.user.pk == certificate.user_id
    return TemplateResponse(
        request,
        "quizzes/certificate_verify.html",
        {
            "certificate": certificate,
            "genuine": certificates.is_genuine(certificate),
            "is_holder": is_holder,
            "verify_url": request.build_absolute_uri(certificate.get_absolute_url()),
            "linkedin_url": linkedin_url(request, certificate) if is_holder else "",
        },
    )


def certificate_print(request, number):
    certificate, login = certificate_for_holder(request, number)
    if login:
        return login
    return render(
        request,
        "quizzes/certificate_print.html",
        {"certificate": certificate, "verify_url": request.build_absolute_uri(certificate.get_absolute_url())},
    )


def certificate_pdf(request, number):
    certificate, login = certificate_for_holder(request, number)
    if login:
        return login
    if not certificate.is_valid:
        raise Http404("This certificate was revoked.")
    verify_url = request.build_absolute_uri(certificate.get_absolute_url())
    pdf = render_certificate_pdf(certificate, verify_url, school_settings(request).name)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="certificate-{certificate.number}.pdf"'
    patch_cache_control(response, private=True, no_store=True)
    return response


def linkedin_url(request, certificate):
    """LinkedIn's "Add licence or certification" form, filled in."""
    query = {
        "startTask": "CERTIFICATION_NAME",
        "name": certificate.course_title,
        "organizationName": school_settings(request).name,
        "issueYear": certificate.issued_at.year,
        "issueMonth": certificate.issued_at.month,
        "certUrl": request.build_absolute_uri(certificate.get_absolute_url()),
        "certId": certificate.number,
    }
    return "https://www.linkedin.com/profile/add?" + urlencode(query)
