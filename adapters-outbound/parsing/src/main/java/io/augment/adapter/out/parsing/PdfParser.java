package io.augment.adapter.out.parsing;

import io.augment.domain.ingest.DocumentParser;
import io.augment.domain.ingest.ParsedDocument;
import io.augment.domain.model.InvalidInputException;
import java.io.IOException;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

/** Text of a PDF's pages via PDFBox; the title comes from the document information, if set. */
public final class PdfParser implements DocumentParser {

  @Override
  public Set<String> mediaTypes() {
    return Set.of("application/pdf");
  }

  @Override
  public ParsedDocument parse(byte[] content) {
    try (PDDocument document = Loader.loadPDF(content)) {
      String title = Paragraphs.titleOrNull(document.getDocumentInformation().getTitle());
      return new ParsedDocument(title, Paragraphs.normalize(stripper().getText(document)));
    } catch (InvalidPasswordException e) {
      throw new InvalidInputException("file", "the PDF is password-protected; upload an unprotected copy");
    } catch (IOException | RuntimeException e) {
      throw new InvalidInputException("file", "not a readable PDF (" + e.getMessage() + ")");
    }
  }

  private static PDFTextStripper stripper() {
    PDFTextStripper stripper = new PDFTextStripper();
    stripper.setParagraphStart("\n\n");
    stripper.setPageEnd("\n\n");
    return stripper;
  }
}
