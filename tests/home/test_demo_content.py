"""The demo course files meet the content brief (read straight from the files, no database)."""

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

from courses.course_files import read_with_includes

DEMO = Path(__file__).resolve().parents[2] / "demo_content"


@pytest.fixture(scope="module")
def software_testing():
    data, _sources = read_with_includes(DEMO / "software-testing-ai.yaml")  # module files included
    return data


def lessons(course):
    return [lesson for module in course["modules"] for lesson in module["lessons"]]


def words(html):
    return len(re.sub(r"<[^>]+>", " ", html).split())


def test_software_testing_has_sixteen_modules_of_at_least_eight_lessons(software_testing):
    assert len(software_testing["modules"]) == 16
    assert all(len(module["lessons"]) >= 8 for module in software_testing["modules"])


def test_three_quarters_of_lessons_are_open_to_guests(software_testing):
    levels = Counter(lesson["access_level"] for lesson in lessons(software_testing))
    assert levels["guest"] / sum(levels.values()) == pytest.approx(0.75, abs=0.03)


def test_every_lesson_has_a_summary_objectives_type_and_duration(software_testing):
    for lesson in lessons(software_testing):
        assert len(lesson["summary"].split()) >= 8, lesson["title"]
        assert len(lesson["learning_objectives"]) >= 3, lesson["title"]
        assert all(objective[0].isupper() for objective in lesson["learning_objectives"]), lesson["title"]
        assert lesson["lesson_type"] and lesson["duration_minutes"] > 0, lesson["title"]


def test_modules_one_and_two_are_written_in_full_with_resources(software_testing):
    for module in software_testing["modules"][:2]:
        for lesson in module["lessons"]:
            text = " ".join(block.get("text", "") + block.get("body", "") for block in lesson["body"])
            assert words(text) >= 150, lesson["title"]
        assert any(block["type"] == "resource" for lesson in module["lessons"] for block in lesson["body"])


def test_module_durations_add_up_to_their_lessons(software_testing):
    for module in software_testing["modules"]:
        assert module["duration_minutes"] == sum(lesson["duration_minutes"] for lesson in module["lessons"])


@pytest.fixture(scope="module")
def virtual_rockstar():
    return yaml.safe_load((DEMO / "virtual-rockstar.yaml").read_text())


def test_virtual_rockstar_has_twelve_lessons(virtual_rockstar):
    assert len(lessons(virtual_rockstar)) == 12


def test_every_virtual_rockstar_session_has_600_words_of_notes_and_an_action_list(virtual_rockstar):
    for session in lessons(virtual_rockstar):
        notes = " ".join(block["text"] for block in session["body"] if block["type"] == "text")
        assert words(notes) >= 600, session["title"]
        assert re.search(r"<h3>Your actions this week</h3>\s*<ol>(\s*<li>.+?</li>){4,}", notes, re.S), session["title"]


def test_every_recorded_virtual_rockstar_session_has_a_transcript_style_summary(virtual_rockstar):
    for session in lessons(virtual_rockstar):
        if session["lesson_type"] == "video":
            assert words(session.get("transcript", "")) >= 300, session["title"]
            assert "Rocky:" in session["transcript"], session["title"]


def test_the_final_exam_pool_covers_every_module(software_testing):
    pool = software_testing["final_exam"]["gift"]
    per_module = Counter(int(number) for number in re.findall(r"^::M(\d\d) ", pool, re.M))
    assert len(re.findall(r"^::M\d\d ", pool, re.M)) >= 60
    assert all(per_module[number] >= 3 for number in range(1, 17)), per_module
    assert software_testing["final_exam"]["questions_per_attempt"] == 30
