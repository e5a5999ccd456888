"""Instructors' resources: answer keys, LMS exports (Moodle XML, GIFT, QTI), handouts, rosters, staged output.

Their pages live in coursekit/pages/instructors/ and their commands in coursekit/cli/ (assign, export, variants).
"""
