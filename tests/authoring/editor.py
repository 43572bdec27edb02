"""Driving the lesson editor in tests as an editor does: the form as served, a button pressed, queued tasks run."""

import json

from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, rich_text, streamfield

from courses.models import LessonPage
from tests.fake_servers import chat_completion

VIDEO = {"audience": "guest", "url": "https://vimeo.com/76979871", "title": "Recording", "duration_seconds": 600}


def an_answer(**changes):
    answer = {
        "title": "Boundary Value Analysis",
        "summary": "Find the bugs that live at the edges of valid input.",
        "outcomes": ["Pick boundary values for a numeric field", "Write pytest cases for each boundary"],
        "coach_actions": ["List the boundaries of one form in your own project", "Share your cases with a peer"],
        "blocks": [
            {
                "type": "text",
                "audience": "guest",
                "heading": "Why edges matter",
                "paragraphs": ["Off-by-one mistakes hide at 0 and 100.", "Use <b>three</b> values per edge."],
                "style": "",
                "language": "",
                "code": "",
            },
            {
                "type": "code",
                "audience": "enrolled",
                "heading": "A parametrised test",
                "paragraphs": [],
                "style": "",
                "language": "python",
                "code": "@pytest.mark.parametrize('age', [17, 18, 65, 66])\ndef test_age(age): ...",
            },
        ],
    }
    answer.update(changes)
    return answer


def answering(answer):
    return lambda path, headers, body: (200, chat_completion(json.dumps(answer)))


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def body_form(page):
    """The lesson body as the editor's (script-built) StreamField posts it."""
    items = []
    for child in page.body:
        value = {name: getattr(item, "source", item) for name, item in child.value.items()}
        value = {name: rich_text(item) if item != child.value[name] else item for name, item in value.items()}
        items.append((child.block_type, {name: "" if item is None else item for name, item in value.items()}))
    return nested_form_data({"body": streamfield(items)})


def press(client, page, action, **fields):
    """Post the lesson's edit form as the editor sees it, with `fields` changed, pressing `action`."""
    form = querydict_from_html(client.get(edit_url(page)).content.decode(), form_id="page-edit-form").copy()
    form.update(body_form(LessonPage.objects.get(pk=page.pk).get_latest_revision_as_object()))
    for name, value in fields.items():
        form[name] = value
    form[action] = action
    with client.run_tasks(execute=True):
        client.post(edit_url(page), data=form)
    return client.get(edit_url(page))  # the editor is sent back here


def draft_with_ai(client, page, **fields):
    return press(client, page, "action-ai-draft", **fields)


def latest(lesson):
    return LessonPage.objects.get(pk=lesson.pk).get_latest_revision_as_object()
