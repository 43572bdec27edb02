"""A certificate as a one-page landscape PDF, with a QR code of its public verification address."""

import io
from pathlib import Path

import segno
from django.conf import settings
from fpdf import FPDF

# DejaVu ships with Debian (fonts-dejavu-core) and covers the names of most of the world's students;
# without it the core PDF fonts are used, which only know Latin-1.
DEFAULT_FONT_DIR = "/usr/share/fonts/truetype/dejavu"


def unicode_font_files():
    folder = Path(getattr(settings, "CERTIFICATE_FONT_DIR", DEFAULT_FONT_DIR))
    regular, bold = folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf"
    return (regular, bold) if regular.exists() and bold.exists() else None


def qr_png(url):
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="png", scale=10, border=2)
    buffer.seek(0)
    return buffer


def render_certificate_pdf(certificate, verify_url, site_name):
    pdf = FPDF(orientation="L", unit="mm", format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_title(f"Certificate {certificate.number}")
    pdf.set_author(site_name)
    fonts = unicode_font_files()
    if fonts:
        pdf.add_font("Body", "", str(fonts[0]))
        pdf.add_font("Body", "B", str(fonts[1]))
        family = "Body"

        def text(value):
            return value

    else:
        family = "Helvetica"

        def text(value):
            return value.encode("latin-1", "replace").decode("latin-1")

    pdf.add_page()
    width = pdf.w
    pdf.set_draw_color(37, 99, 235)
    pdf.set_line_width(1.2)
    pdf.rect(10, 10, width - 20, pdf.h - 20)
    pdf.set_line_width(0.3)
    pdf.rect(14, 14, width - 28, pdf.h - 28)

    def centred(size, value, style="", height=12, colour=(20, 24, 33)):
        pdf.set_font(family, style, size)
        pdf.set_text_color(*colour)
        pdf.cell(0, height, text(value), align="C", new_x="LMARGIN", new_y="NEXT")

    pdf.set_y(32)
    centred(14, site_name.upper(), "B", colour=(37, 99, 235))
    centred(32, "Certificate of Completion", "B", height=20)
    pdf.ln(4)
    centred(13, "This certifies that", colour=(74, 85, 104))
    centred(28, certificate.holder_name, "B", height=18)
    centred(13, "has successfully completed the course", colour=(74, 85, 104))
    centred(20, certificate.course_title, "B", height=16)
    pdf.ln(4)
    centred(12, f"Issued on {certificate.issued_at:%-d %B %Y}", colour=(74, 85, 104))

    pdf.set_font(family, "", 9)
    pdf.set_text_color(74, 85, 104)
    pdf.set_xy(24, pdf.h - 44)
    pdf.multi_cell(
        width - 100,
        5,
        text(
            f"Certificate number: {certificate.number}\n"
            f"Verify at: {verify_url}\n"
            f"SHA-256: {certificate.verification_hash}"
        ),
    )
    pdf.image(qr_png(verify_url), x=width - 62, y=pdf.h - 62, w=38, h=38)
    return bytes(pdf.output())
