"""Reads a Common Cartridge back: the structural checks the tests run, and the round trip's view of it.

No IMS schema is available through the project's set-up (they are not on PyPI or npm), so the checks are
structural: a well-formed manifest of the right version, every file a resource names present, identifiers
unique, every organisation item resolving to a resource, and in every assessment each response, condition and
feedback reference resolving inside its item.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from xml.etree import ElementTree as ET

CC = "{http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1}"
QTI = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"


@dataclass
class ReadBack:
    """What an importer would see: folders in order, each with its entries (title, type, item ids)."""

    title: str = ""
    version: str = ""
    folders: list[tuple[str, list[tuple[str, str, list[str]]]]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def read_cartridge(data: bytes) -> ReadBack:
    out = ReadBack()
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        out.problems.append("not a zip file")
        return out
    names = set(archive.namelist())
    if "imsmanifest.xml" not in names:
        out.problems.append("no imsmanifest.xml at the top")
        return out
    try:
        manifest = ET.fromstring(archive.read("imsmanifest.xml"))
    except ET.ParseError as exc:
        out.problems.append(f"imsmanifest.xml is not well-formed: {exc}")
        return out
    out.version = manifest.findtext(f"{CC}metadata/{CC}schemaversion") or ""
    if manifest.findtext(f"{CC}metadata/{CC}schema") != "IMS Common Cartridge":
        out.problems.append("metadata/schema is not 'IMS Common Cartridge'")
    idents = [n.get("identifier") for n in manifest.iter() if n.get("identifier")]
    out.problems += [f"identifier used twice: {i}" for i in sorted({i for i in idents if idents.count(i) > 1})]
    resources = {r.get("identifier"): r for r in manifest.iter(f"{CC}resource")}
    for ident, resource in resources.items():
        for node in resource.iter(f"{CC}file"):
            if node.get("href") not in names:
                out.problems.append(f"resource {ident}: file {node.get('href')} is not in the package")
        for dep in resource.iter(f"{CC}dependency"):
            if dep.get("identifierref") not in resources:
                out.problems.append(f"resource {ident}: dependency {dep.get('identifierref')} does not resolve")
    root = manifest.find(f"{CC}organizations/{CC}organization/{CC}item")
    if root is None:
        out.problems.append("no organisation root item")
        return out
    for folder in root.findall(f"{CC}item"):
        entries = []
        for entry in folder.findall(f"{CC}item"):
            ref = entry.get("identifierref")
            resource = resources.get(ref)
            if resource is None:
                out.problems.append(f"item {entry.get('identifier')}: identifierref {ref} does not resolve")
                continue
            items: list[str] = []
            if resource.get("type", "").startswith("imsqti_xmlv1p2/imscc_xmlv1p1/assessment"):
                href = resource.find(f"{CC}file").get("href")
                items = _assessment(archive.read(href), href, out.problems) if href in names else []
            entries.append((entry.findtext(f"{CC}title") or "", resource.get("type", ""), items))
        out.folders.append((folder.findtext(f"{CC}title") or "", entries))
    return out


def _assessment(data: bytes, href: str, problems: list[str]) -> list[str]:
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        problems.append(f"{href} is not well-formed: {exc}")
        return []
    ids = []
    for item in root.iter(f"{QTI}item"):
        ident = item.get("ident", "")
        ids.append(ident)
        responses = {r.get("ident") for r in item.iter() if r.tag in (f"{QTI}response_lid", f"{QTI}response_str")}
        labels = {label.get("ident") for label in item.iter(f"{QTI}response_label")}
        feedback = {f.get("ident") for f in item.iter(f"{QTI}itemfeedback")}
        for var in item.iter(f"{QTI}varequal"):
            if var.get("respident") not in responses:
                problems.append(f"{href} {ident}: condition on unknown response {var.get('respident')}")
            lid = item.find(f".//{QTI}response_lid")
            if lid is not None and var.text not in labels:
                problems.append(f"{href} {ident}: condition names unknown choice {var.text}")
        for shown in item.iter(f"{QTI}displayfeedback"):
            if shown.get("linkrefid") not in feedback:
                problems.append(f"{href} {ident}: feedback {shown.get('linkrefid')} does not exist")
        if not any(s.text == "100" for s in item.iter(f"{QTI}setvar")):
            problems.append(f"{href} {ident}: no condition gives the full score")
    return ids
