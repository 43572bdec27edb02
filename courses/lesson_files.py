"""Which documents a lesson holds, in any revision, and how the document library treats them.

A lesson's files are downloaded through `/lessons/<lesson>/resources/<document>/`, which checks the
viewer against the audience of the block that holds the file. The document library's own address
(`/documents/<id>/<name>`) would skip that check, so for any document a lesson has ever held, in
its published version or in a draft, the library answers only to admin users; everyone else is
sent to the lesson's download, or gets a 404 when no published lesson offers the file.
"""

from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from wagtail.documents import get_document_model

from .models import LessonFile, LessonPage


def documents_in_body(body):
    """Ids of the documents a lesson body (a StreamValue, or its raw data) refers to, found through
    the blocks' own reference extraction, so any block that holds a document counts."""
    field = LessonPage._meta.get_field("body")
    value = field.to_python(body) if not hasattr(body, "raw_data") else body
    document_model = get_document_model()
    return {
        int(object_id)
        for model, object_id, _path, _content_path in field.extract_references(value)
        if issubclass(model, document_model) and str(object_id).isdigit()
    }


def remember_lesson_files(lesson_id, body):
    """Record the documents in this version of a lesson's body; rows are added, never removed."""
    document_ids = documents_in_body(body)
    existing = set(get_document_model().objects.filter(pk__in=document_ids).values_list("pk", flat=True))
    LessonFile.objects.bulk_create(
        [LessonFile(document_id=document_id, lesson_id=lesson_id) for document_id in existing],
        ignore_conflicts=True,
    )


def library_download_for(document, request):
    """None when the document library may serve `document` itself; otherwise the answer instead."""
    uses = LessonFile.objects.filter(document=document)
    if not uses.exists():
        return None
    user = request.user
    if user.is_authenticated and user.has_perm("wagtailadmin.access_admin"):
        return None
    lesson = LessonPage.objects.live().filter(pk__in=uses.values("lesson_id")).order_by("path").first()
    if lesson is None:
        raise Http404("No such file.")
    return redirect(reverse("lesson_resource", args=[lesson.pk, document.pk]))
