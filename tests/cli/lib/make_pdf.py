"""make_pdf.py FILE SENTENCE [REPEATS [COPIES]]: a one-page PDF in Helvetica
whose content is COPIES references (default 1) to one Flate-compressed stream
that draws SENTENCE REPEATS times (default 1) at the same place. With large
REPEATS and COPIES it is a decompression bomb: a few kilobytes on disk, and
megabytes of page content for a PDF reader to draw."""
import sys
import zlib

path, sentence = sys.argv[1], sys.argv[2].encode()
repeats = int(sys.argv[3]) if len(sys.argv) > 3 else 1
copies = int(sys.argv[4]) if len(sys.argv) > 4 else 1
content = zlib.compress((b"BT /F1 12 Tf 72 700 Td (" + sentence + b") Tj ET\n") * repeats, 9)
objects = [
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents ["
    + b" ".join([b"5 0 R"] * copies) + b"] >>",
    b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content) + content + b"\nendstream",
]
pdf, offsets = b"%PDF-1.4\n", []
for number, body in enumerate(objects, 1):
    offsets.append(len(pdf))
    pdf += b"%d 0 obj\n" % number + body + b"\nendobj\n"
xref = len(pdf)
pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
pdf += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
with open(path, "wb") as out:
    out.write(pdf)
