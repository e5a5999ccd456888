"""The instructor kit: guide pages, assignment panels and builder, handouts, answer keys, LMS exports, variants.

Importing the package registers its generators, markers and commands (coursekit.features imports it).
"""

from coursekit.instructors import (  # noqa: F401
    assign_command,
    assign_pages,
    export_command,
    guide_pages,
    variants,
)
