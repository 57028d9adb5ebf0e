package io.augment.application.ingest;

import io.augment.domain.model.Chunk;
import io.augment.domain.model.ChunkingSettings;
import io.augment.domain.retrieval.EmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Cuts text into chunks of at most {@code min(chunkSize, model limit)} tokens of the embedding
 * model, splitting by paragraph, then sentence, then word, then characters, and packing the pieces
 * greedily. Each chunk after the first repeats up to {@code overlap} tokens of trailing sentences.
 */
public final class RecursiveChunker {
  private static final Pattern PARAGRAPHS = Pattern.compile("\\n\\s*\\n");
  private static final Pattern SENTENCES = Pattern.compile("(?<=[.!?;:])\\s+(?=[\\p{Lu}\\p{N}\"'(\\[])");
  private static final Pattern WORDS = Pattern.compile("\\s+");

  /** A piece of text with its token count; {@code paragraphStart} marks the first piece of a paragraph. */
  private record Piece(String text, int tokens, boolean paragraphStart) {}

  public List<Chunk> chunk(
      String documentId, String title, String text, Map<String, String> metadata,
      ChunkingSettings settings, EmbeddingModel model) {
    int limit = Math.min(settings.chunkSizeTokens(), model.spec().maxInputTokens() - model.specialTokens());
    int overlap = Math.min(settings.overlapTokens(), limit / 2);
    List<Piece> pieces = new ArrayList<>();
    for (String paragraph : PARAGRAPHS.split(text.strip())) {
      String p = paragraph.strip().replaceAll("[ \\t\\x0B\\f\\r]+", " ");
      if (!p.isEmpty()) {
        split(p, 0, limit, model, pieces, true);
      }
    }
    List<Chunk> chunks = new ArrayList<>();
    List<Piece> current = new ArrayList<>();
    int tokens = 0;
    for (Piece piece : pieces) {
      if (tokens + piece.tokens() > limit && !current.isEmpty()) {
        emit(current, documentId, title, metadata, model, limit, chunks);
        current = tail(current, overlap, limit - piece.tokens());
        tokens = current.stream().mapToInt(Piece::tokens).sum();
      }
      current.add(piece);
      tokens += piece.tokens();
    }
    if (!current.isEmpty()) {
      emit(current, documentId, title, metadata, model, limit, chunks);
    }
    return chunks;
  }

  /** Adds {@code text} as pieces of at most {@code limit} tokens, splitting one level finer if needed. */
  private void split(String text, int level, int limit, EmbeddingModel model, List<Piece> out, boolean paragraphStart) {
    int tokens = model.countTokens(text);
    if (tokens <= limit) {
      out.add(new Piece(text, tokens, paragraphStart));
      return;
    }
    String[] parts = switch (level) {
      case 0 -> SENTENCES.split(text);
      case 1 -> WORDS.split(text);
      default -> halves(text);
    };
    if (parts.length == 1) {
      split(text, level + 1, limit, model, out, paragraphStart);
      return;
    }
    if (level == 1) {
      packWords(parts, limit, model, out, paragraphStart);
      return;
    }
    boolean first = paragraphStart;
    for (String part : parts) {
      split(part, level + 1, limit, model, out, first);
      first = false;
    }
  }

  /** Packs words of an over-long sentence greedily so the pieces are not one word each. */
  private void packWords(String[] words, int limit, EmbeddingModel model, List<Piece> out, boolean paragraphStart) {
    StringBuilder run = new StringBuilder();
    int runTokens = 0;
    boolean first = paragraphStart;
    for (String word : words) {
      int t = model.countTokens(word);
      if (t > limit) {
        split(word, 2, limit, model, out, first);
        first = false;
        continue;
      }
      if (runTokens + t > limit && run.length() > 0) {
        out.add(new Piece(run.toString(), runTokens, first));
        first = false;
        run.setLength(0);
        runTokens = 0;
      }
      if (run.length() > 0) {
        run.append(' ');
      }
      run.append(word);
      runTokens += t;
    }
    if (run.length() > 0) {
      out.add(new Piece(run.toString(), model.countTokens(run.toString()), first));
    }
  }

  private static String[] halves(String text) {
    int mid = text.length() / 2;
    if (mid > 0 && Character.isHighSurrogate(text.charAt(mid - 1))) {
      mid++;
    }
    return new String[] {text.substring(0, mid), text.substring(mid)};
  }

  /** Trailing pieces whose tokens fit both the overlap and the room left for the next piece. */
  private static List<Piece> tail(List<Piece> pieces, int overlap, int room) {
    List<Piece> tail = new ArrayList<>();
    int tokens = 0;
    for (int i = pieces.size() - 1; i > 0; i--) {
      Piece p = pieces.get(i);
      if (tokens + p.tokens() > Math.min(overlap, room)) {
        break;
      }
      tail.add(0, new Piece(p.text(), p.tokens(), false));
      tokens += p.tokens();
    }
    return tail;
  }

  private static void emit(
      List<Piece> pieces, String documentId, String title, Map<String, String> metadata,
      EmbeddingModel model, int limit, List<Chunk> out) {
    StringBuilder text = new StringBuilder();
    for (Piece p : pieces) {
      if (text.length() > 0) {
        text.append(p.paragraphStart() ? "\n\n" : " ");
      }
      text.append(p.text());
    }
    String chunkText = text.toString();
    // One piece was counted when it was cut: no join, so no need to run the tokenizer again.
    int tokens = pieces.size() == 1 ? pieces.get(0).tokens() : model.countTokens(chunkText);
    if (tokens > limit) {
      // Word pieces can merge across a join; fall back to emitting the pieces one by one.
      for (Piece p : pieces) {
        emit(List.of(p), documentId, title, metadata, model, limit, out);
      }
      return;
    }
    int index = out.size();
    out.add(new Chunk(Chunk.idOf(documentId, index), documentId, index, title, chunkText, tokens, metadata));
  }
}
