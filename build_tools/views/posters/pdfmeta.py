"""What cairo cannot write into a poster PDF: the document's language, title, subject and author
from the content, the request to show the title instead of the file name (a screen reader
then announces the poster's title), and for print the TrimBox and BleedBox. Runs in the
rasterising worker on cairo's bytes (pypdf); deterministic: pypdf writes no /ID of its own
and the metadata comes from the content only.
"""

from __future__ import annotations

import io
from collections.abc import Mapping

PT_PER_MM = 72 / 25.4
LANG = "nl-NL"


def finish_pdf(data: bytes, *, meta: Mapping[str, str],
               print_box: tuple[float, float] | None = None) -> bytes:
    """`data` with `meta` (PDF info keys without the slash: Title, Subject, Author, Keywords),
    /Lang and /DisplayDocTitle; with `print_box` = (margin, bleed) in mm, the trim box lies
    `margin` inside the page on every side and the bleed box `bleed` beyond it."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import (
        ArrayObject,
        BooleanObject,
        DictionaryObject,
        FloatObject,
        NameObject,
        TextStringObject,
    )

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.add_metadata({f"/{k}": v for k, v in meta.items() if v})
    root = writer._root_object
    root[NameObject("/Lang")] = TextStringObject(LANG)
    root[NameObject("/ViewerPreferences")] = DictionaryObject(
        {NameObject("/DisplayDocTitle"): BooleanObject(True)})
    if print_box is not None:
        margin, bleed = (v * PT_PER_MM for v in print_box)
        for page in writer.pages:
            x0, y0, x1, y1 = (float(v) for v in page.mediabox)

            def box(inset: float, left: float = x0, bottom: float = y0, right: float = x1,
                    top: float = y1) -> ArrayObject:
                return ArrayObject(FloatObject(round(v, 3)) for v in (
                    left + inset, bottom + inset, right - inset, top - inset))

            page[NameObject("/TrimBox")] = box(margin)
            page[NameObject("/BleedBox")] = box(margin - bleed)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
