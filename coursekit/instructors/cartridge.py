"""The whole module as one IMS Common Cartridge (`course.imscc`) for Canvas, Moodle, Brightspace and Blackboard.

Version: Common Cartridge 1.1 (manifest schema `IMS Common Cartridge` 1.1.0, assessments in the CC 1.1 QTI 1.2
profile). All four learning platforms import CC 1.0 to 1.3, but 1.1 is the one their importers handle most fully:
Moodle's importer converts 1.1 quizzes into Moodle quizzes and treats 1.3 only as 1.1-compatible content, and
1.2/1.3 add nothing a chapter-and-quiz module uses (they add curriculum standards and, in 1.3, thin-cartridge
features).

Organisation, in reading order: one folder per chapter holding its overview page (title, description, reading
time, learning objectives, from the chapter's data), a web link to the published chapter page when the course has
a `site_url`, its practice quiz and its exam quiz; then the final quiz. The CC 1.1 QTI profile knows multiple
choice, multiple response, true/false and fill-in-the-blank items; ordering and matching items are left out of the
cartridge and listed in the export report (they stay in the keys, Moodle XML and GIFT).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from xml.etree import ElementTree as ET

from coursekit.content.chapters import Chapter
from coursekit.content.load import CourseContent
from coursekit.instructors.limits import LEFT_OUT, Limitation
from coursekit.instructors.quiz_sets import QuizSet
from coursekit.quiz.model import Item

FORMAT = "Common Cartridge 1.1"
CC_NS = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
LOM_NS = "http://ltsc.ieee.org/xsd/imsccv1p1/LOM/manifest"
LOMR_NS = "http://ltsc.ieee.org/xsd/imsccv1p1/LOM/resource"
WL_NS = "http://www.imsglobal.org/xsd/imsccv1p1/imswl_v1p1"
QTI_NS = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA_LOCATIONS = (
    f"{CC_NS} http://www.imsglobal.org/profile/cc/ccv1p1/ccv1p1_imscp_v1p2_v1p0.xsd "
    f"{LOM_NS} http://www.imsglobal.org/profile/cc/ccv1p1/LOM/ccv1p1_lommanifest_v1p0.xsd"
)
ASSESSMENT_TYPE = "imsqti_xmlv1p2/imscc_xmlv1p1/assessment"
WEBLINK_TYPE = "imswl_xmlv1p1"
WEBCONTENT_TYPE = "webcontent"
PROFILES = {
    "single": "cc.multiple_choice.v0p1",
    "multiple": "cc.multiple_response.v0p1",
    "true_false": "cc.true_false.v0p1",
    "short_answer": "cc.fib.v0p1",
}
RESPONSE = "response1"
# A fixed timestamp for every zip entry: the same content gives the same bytes.
ZIP_DATE = (1980, 1, 1, 0, 0, 0)

for prefix, uri in (("lomimscc", LOM_NS), ("xsi", XSI_NS)):
    ET.register_namespace(prefix, uri)


@dataclass(frozen=True)
class Cartridge:
    """The package's bytes and what it could not carry."""

    data: bytes
    limitations: tuple[Limitation, ...]


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    node = ET.SubElement(parent, tag, attributes)
    if text is not None:
        node.text = text
    return node


def _xml(root: ET.Element, namespace: str) -> bytes:
    """The document with `namespace` as the default namespace of its unprefixed elements.

    (ElementTree's own `default_namespace` refuses unqualified attribute names, which these formats use.)
    """
    root.set("xmlns", namespace)
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n").encode("utf-8")


# ------------------------------------------------------------------------------------------------ assessments


def _mattext(parent: ET.Element, text: str) -> None:
    _sub(_sub(parent, "material"), "mattext", text, texttype="text/plain")


def _feedback(item_node: ET.Element, ident: str, text: str) -> None:
    if text:
        fb = _sub(item_node, "itemfeedback", ident=ident)
        _mattext(_sub(fb, "flow_mat"), text)


def _metadata(node: ET.Element, fields: Sequence[tuple[str, str]], tag: str = "qtimetadata") -> None:
    meta = _sub(node, tag)
    for label, entry in fields:
        field = _sub(meta, "qtimetadatafield")
        _sub(field, "fieldlabel", label)
        _sub(field, "fieldentry", entry)


def qti_item(item: Item) -> ET.Element:
    """One item in the CC 1.1 QTI profile; the caller leaves out types the profile does not have."""
    node = ET.Element("item", ident=item.id, title=item.id)
    _metadata(_sub(node, "itemmetadata"), [("cc_profile", PROFILES[item.type]), ("cc_weighting", "1")])
    presentation = _sub(node, "presentation")
    _mattext(presentation, item.stem)
    processing = ET.Element("resprocessing")
    _sub(_sub(processing, "outcomes"), "decvar", maxvalue="100", minvalue="0", varname="SCORE", vartype="Decimal")
    if item.type == "short_answer":
        response = _sub(presentation, "response_str", ident=RESPONSE, rcardinality="Single")
        _sub(_sub(response, "render_fib"), "response_label", ident="answer1", rshuffle="No")
        condition = _sub(processing, "respcondition", **{"continue": "No"})
        either = _sub(_sub(condition, "conditionvar"), "or")
        for accepted in item.accepted:
            _sub(either, "varequal", accepted, respident=RESPONSE, case="No")
        _sub(condition, "setvar", "100", action="Set", varname="SCORE")
        if item.feedback:
            _sub(condition, "displayfeedback", feedbacktype="Response", linkrefid="general_fb")
    else:
        cardinality = "Multiple" if item.type == "multiple" else "Single"
        response = _sub(presentation, "response_lid", ident=RESPONSE, rcardinality=cardinality)
        choices = _sub(response, "render_choice", shuffle="No" if item.type == "true_false" else "Yes")
        idents = [f"{item.id}-{n}" for n in range(1, len(item.options) + 1)]
        for ident, option in zip(idents, item.options, strict=True):
            _mattext(_sub(choices, "response_label", ident=ident), option.text)
        for ident, option in zip(idents, item.options, strict=True):  # feedback for each option chosen
            if option.feedback:
                shown = _sub(processing, "respcondition", **{"continue": "Yes"})
                _sub(_sub(shown, "conditionvar"), "varequal", ident, respident=RESPONSE)
                _sub(shown, "displayfeedback", feedbacktype="Response", linkrefid=f"{ident}_fb")
        condition = _sub(processing, "respcondition", **{"continue": "No"})
        test = _sub(condition, "conditionvar")
        if item.type == "multiple":
            both = _sub(test, "and")
            for ident, option in zip(idents, item.options, strict=True):
                target = both if option.correct else _sub(both, "not")
                _sub(target, "varequal", ident, respident=RESPONSE)
        else:
            right = next(i for i, o in zip(idents, item.options, strict=True) if o.correct)
            _sub(test, "varequal", right, respident=RESPONSE)
        _sub(condition, "setvar", "100", action="Set", varname="SCORE")
    node.append(processing)
    if item.type == "short_answer":
        _feedback(node, "general_fb", item.feedback)
    else:
        for n, option in enumerate(item.options, start=1):
            _feedback(node, f"{item.id}-{n}_fb", option.feedback)
    return node


def assessment_xml(ident: str, title: str, items: Sequence[Item], exam: bool) -> bytes:
    root = ET.Element("questestinterop")
    root.set(f"{{{XSI_NS}}}schemaLocation",
             f"{QTI_NS} http://www.imsglobal.org/profile/cc/ccv1p1/ccv1p1_qtiasiv1p2p1_v1p0.xsd")
    assessment = _sub(root, "assessment", ident=ident, title=title)
    _metadata(assessment, [("cc_profile", "cc.exam.v0p1"),
                           ("qmd_assessmenttype", "Examination" if exam else "Self-assessment"),
                           ("cc_maxattempts", "1" if exam else "unlimited")])
    section = _sub(assessment, "section", ident=f"{ident}_root", title=title)
    for item in items:
        section.append(qti_item(item))
    return _xml(root, QTI_NS)


# --------------------------------------------------------------------------------------------------- pages


def overview_html(chapter: Chapter, url: str | None) -> bytes:
    """The chapter's overview page: what the course data says about it, and where to read it."""
    objectives = "".join(f"<li>{escape(o)}</li>" for o in chapter.objectives)
    read = (f'<p><a href="{escape(url, quote=True)}">Read the chapter on the course site</a>.</p>' if url else
            "<p>Read the chapter on the course site (this package was made without its address: set "
            "<code>site_url</code> in mkdocs.yml to add a link).</p>")
    page = (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{escape(chapter.title)}</title>'
            f"</head><body><h1>Chapter {chapter.number}: {escape(chapter.title)}</h1>"
            f"<p>{escape(chapter.description)}</p><p>About {chapter.reading_minutes} minutes of reading.</p>"
            f"<h2>After reading you should be able to</h2><ul>{objectives}</ul>{read}</body></html>\n")
    return page.encode("utf-8")


def weblink_xml(title: str, url: str) -> bytes:
    root = ET.Element("webLink")
    _sub(root, "title", title)
    _sub(root, "url", href=url, target="_blank")
    return _xml(root, WL_NS)


# ------------------------------------------------------------------------------------------------ manifest


class _Builder:
    """Collects files, resources and organisation items while the package is assembled."""

    def __init__(self, course_title: str, description: str) -> None:
        self.files: dict[str, bytes] = {}
        self.manifest = ET.Element("manifest", identifier="course-cartridge")
        self.manifest.set(f"{{{XSI_NS}}}schemaLocation", SCHEMA_LOCATIONS)
        metadata = _sub(self.manifest, "metadata")
        _sub(metadata, "schema", "IMS Common Cartridge")
        _sub(metadata, "schemaversion", "1.1.0")
        general = _sub(_sub(metadata, f"{{{LOM_NS}}}lom"), f"{{{LOM_NS}}}general")
        _sub(_sub(general, f"{{{LOM_NS}}}title"), f"{{{LOM_NS}}}string", course_title)
        _sub(_sub(general, f"{{{LOM_NS}}}description"), f"{{{LOM_NS}}}string", description)
        organizations = _sub(self.manifest, "organizations")
        organization = _sub(organizations, "organization", identifier="organization",
                            structure="rooted-hierarchy")
        self.root_item = _sub(organization, "item", identifier="root")
        self.resources = _sub(self.manifest, "resources")

    def folder(self, ident: str, title: str) -> ET.Element:
        node = _sub(self.root_item, "item", identifier=ident)
        _sub(node, "title", title)
        return node

    def entry(self, parent: ET.Element, ident: str, title: str, resource_type: str, href: str, data: bytes) -> None:
        item = _sub(parent, "item", identifier=f"{ident}-item", identifierref=ident)
        _sub(item, "title", title)
        attributes = {"identifier": ident, "type": resource_type}
        if resource_type == WEBCONTENT_TYPE:
            attributes["href"] = href
        resource = _sub(self.resources, "resource", **attributes)
        _sub(resource, "file", href=href)
        self.files[href] = data

    def package(self) -> bytes:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in [("imsmanifest.xml", _xml(self.manifest, CC_NS)), *sorted(self.files.items())]:
                info = zipfile.ZipInfo(name, ZIP_DATE)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                archive.writestr(info, data)
        return buffer.getvalue()


def _quiz(builder: _Builder, parent: ET.Element, qs: QuizSet, limits: list[Limitation]) -> None:
    carried = [i for i in qs.items if i.type in PROFILES]
    limits += [Limitation(FORMAT, qs.name, i.id, i.type, LEFT_OUT,
                          f"the CC 1.1 QTI profile has no {i.type} items (kept in the keys, Moodle XML and GIFT)")
               for i in qs.items if i.type not in PROFILES]
    if not carried:
        return
    kind = "Exam" if qs.use == "exam" else "Practice quiz"
    title = f"{kind}: {qs.bank.title}"
    ident = f"quiz-{qs.name}"
    builder.entry(parent, ident, title, ASSESSMENT_TYPE, f"{ident}/assessment.xml",
                  assessment_xml(ident, title, carried, exam=qs.use == "exam"))


def build_cartridge(content: CourseContent, sets: Sequence[QuizSet], site_url: str = "") -> Cartridge:
    """The module in reading order: each chapter (overview, web link, practice and exam quiz), then the final."""
    base = site_url.rstrip("/") + "/" if site_url else ""
    builder = _Builder(content.course.title, f"{content.course.subtitle}. {content.course.audience}")
    limits: list[Limitation] = []
    by_quiz: dict[str, list[QuizSet]] = {}
    for qs in sets:
        by_quiz.setdefault(qs.bank.quiz, []).append(qs)
    for chapter in content.chapters:
        folder = builder.folder(f"chapter-{chapter.number}", f"Chapter {chapter.number}: {chapter.title}")
        url = f"{base}{chapter.src_uri.removesuffix('.md')}.html" if base else None
        builder.entry(folder, f"overview-{chapter.number}", f"About chapter {chapter.number}", WEBCONTENT_TYPE,
                      f"chapter-{chapter.number}/overview.html", overview_html(chapter, url))
        if url:
            builder.entry(folder, f"link-{chapter.number}", f"Read chapter {chapter.number}: {chapter.title}",
                          WEBLINK_TYPE, f"chapter-{chapter.number}/weblink.xml",
                          weblink_xml(f"Chapter {chapter.number}: {chapter.title}", url))
        for qs in by_quiz.get(f"chapter-{chapter.number}", []):
            _quiz(builder, folder, qs, limits)
    final_sets = [qs for quiz, found in by_quiz.items() if not quiz.startswith("chapter-") for qs in found]
    if final_sets:
        folder = builder.folder("final", "Final quiz: the whole essay")
        for qs in final_sets:
            _quiz(builder, folder, qs, limits)
    return Cartridge(builder.package(), tuple(limits))
