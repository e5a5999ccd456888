"""Import every feature module so it registers its pages, markers, checkers and commands (see registry.py).

Add one line here when you add a feature module.
"""

from coursekit import markers, site_pages  # noqa: F401
