"""The EPUB 3 edition (`dist/course-student.epub`), made from the student edition's print document.

Why from the print document and not from the site again: it already holds every part in reading order with
ids and links rewritten for one book (coursekit/pdf/assemble.py), web-only controls removed and print
wording in place, so the PDF and the EPUB cannot disagree. `split` cuts it into one XHTML file per part,
`package` writes the OPF (with schema.org accessibility metadata), the navigation document, the course fonts
and the zip (mimetype first, stored). EPUBCheck and Ace by DAISY check the result in the tests.
"""
