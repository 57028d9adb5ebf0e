package io.augment.adapter.out.parsing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.augment.domain.ingest.DocumentParser;
import io.augment.domain.model.InvalidInputException;
import io.augment.domain.testing.DocumentParserContract;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

class PdfParserTest extends DocumentParserContract {
  private final PdfParser parser = new PdfParser();

  @Override
  protected DocumentParser parser() {
    return parser;
  }

  @Override
  protected byte[] twoParagraphs() {
    return pdf(null, null, FIRST, SECOND);
  }

  @Test
  void takesTheTitleFromTheDocumentInformation() {
    assertThat(parser.parse(pdf("Annual Report", null, "Text.")).title()).isEqualTo("Annual Report");
    assertThat(parser.parse(pdf(null, null, "Text.")).title()).isNull();
  }

  @Test
  void refusesACorruptPdf() {
    byte[] truncated = Arrays.copyOf(twoParagraphs(), 200);
    assertThatThrownBy(() -> parser.parse(truncated))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("file"))
        .hasMessageContaining("not a readable PDF");
  }

  @Test
  void refusesAPasswordProtectedPdf() {
    assertThatThrownBy(() -> parser.parse(pdf(null, "secret", "Hidden.")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("password-protected");
  }

  /** A one-page PDF with each paragraph set a blank line apart, in Helvetica. */
  private static byte[] pdf(String title, String userPassword, String... paragraphs) {
    try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage page = new PDPage();
      document.addPage(page);
      try (PDPageContentStream content = new PDPageContentStream(document, page)) {
        content.beginText();
        content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
        content.setLeading(14);
        content.newLineAtOffset(72, 700);
        for (String paragraph : paragraphs) {
          content.showText(paragraph);
          content.newLine();
          content.newLine();
        }
        content.endText();
      }
      document.getDocumentInformation().setTitle(title);
      if (userPassword != null) {
        document.protect(new StandardProtectionPolicy("owner", userPassword, new AccessPermission()));
      }
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
