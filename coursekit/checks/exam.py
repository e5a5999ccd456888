"""`course check`: an exam working copy that differs from its sealed file would be lost to everyone else."""

from __future__ import annotations

from coursekit.content.load import CourseContent
from coursekit.errors import Problem
from coursekit.exam.sealing import changed_since_sealed
from coursekit.exam.store import plain_path
from coursekit.registry import Registry


def check_exam_sealed(content: CourseContent) -> list[Problem]:
    quizzes = content.paths.quizzes
    return [Problem(plain_path(quizzes, quiz), None,
                    f"differs from the sealed {quiz}.yml.age (or was never sealed): run `course exam seal` so the "
                    "committed bank has these edits, or `course exam unlock` to take the sealed version")
            for quiz in changed_since_sealed(quizzes)]


def register(registry: Registry) -> None:
    registry.add_checker(check_exam_sealed)
