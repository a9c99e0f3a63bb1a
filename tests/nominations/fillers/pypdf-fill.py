"""Fills a PDF form with pypdf, as a script of a ministry's IT service would: python3 pypdf-fill.py IN OUT VALUES.json"""
import json
import sys

import pypdf

source, target, values_file = sys.argv[1:4]
with open(values_file, encoding="utf-8") as f:
    values = json.load(f)
reader = pypdf.PdfReader(source)
writer = pypdf.PdfWriter()
writer.clone_reader_document_root(reader)
for page in writer.pages:
    writer.update_page_form_field_values(page, values)
with open(target, "wb") as f:
    writer.write(f)
