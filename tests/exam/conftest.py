"""The quiz suite's copy of quizzes/ (banks_root) for the exam-layout tests; real_content comes from tests/."""

from tests.quiz.conftest import banks_root  # noqa: F401
