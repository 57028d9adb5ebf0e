package io.augment.domain.evaluation;

import io.augment.domain.model.InvalidInputException;
import java.util.Objects;

/**
 * One way of answering put to an evaluation: RAG over a knowledge base, a trained model or
 * adapter closed book, RAG with a trained model as the generator, or a configured generator alone.
 *
 * <p>Written as a string: {@code rag:<kb>} (the deployment's default generator),
 * {@code rag:<kb>@<generator-id>} (e.g. {@code rag:handbook@extractive}),
 * {@code rag:<kb>+adapter:<name>} (RAG read by a trained model), {@code adapter:<name>} (a
 * trained model or adapter alone, closed book; the base model alone is its control) and
 * {@code generator:<id>} (a configured generator alone, closed book).
 *
 * @param knowledgeBase RAG over this knowledge base, or null for closed book
 * @param adapter       a trained model or adapter of the catalog that generates, or null
 * @param generator     a generator id ({@code Generators}) that generates, or null for the default;
 *                      never together with {@code adapter}
 */
public record Contender(String knowledgeBase, String adapter, String generator) {
  public static final int MAX_LENGTH = 300;

  public Contender {
    if (adapter != null && generator != null) {
      throw new InvalidInputException("contenders", "a contender has either a trained model or a generator, not both");
    }
    if (knowledgeBase == null && adapter == null && generator == null) {
      throw new InvalidInputException("contenders", "a closed-book contender needs adapter:<name> or generator:<id>");
    }
  }

  public boolean rag() {
    return knowledgeBase != null;
  }

  /** The string form, as {@link #parse} reads it. */
  public String label() {
    if (knowledgeBase == null) {
      return adapter != null ? "adapter:" + adapter : "generator:" + generator;
    }
    return "rag:" + knowledgeBase + (adapter != null ? "+adapter:" + adapter : generator != null ? "@" + generator : "");
  }

  @Override
  public String toString() {
    return label();
  }

  /** Reads the string form; errors name {@code field}. */
  public static Contender parse(String field, String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidInputException(field, "must not be empty");
    }
    if (text.length() > MAX_LENGTH) {
      throw new InvalidInputException(field, "must be at most " + MAX_LENGTH + " characters");
    }
    try {
      if (text.startsWith("adapter:")) {
        return new Contender(null, part(text.substring(8)), null);
      }
      if (text.startsWith("generator:")) {
        return new Contender(null, null, part(text.substring(10)));
      }
      if (text.startsWith("rag:")) {
        String rest = text.substring(4);
        int plus = rest.indexOf("+adapter:");
        if (plus >= 0) {
          return new Contender(part(rest.substring(0, plus)), part(rest.substring(plus + 9)), null);
        }
        int at = rest.indexOf('@');
        if (at >= 0) {
          return new Contender(part(rest.substring(0, at)), null, part(rest.substring(at + 1)));
        }
        return new Contender(part(rest), null, null);
      }
    } catch (InvalidInputException e) {
      throw e.withField(field);
    }
    throw new InvalidInputException(field, "'" + text + "' is not a contender; use rag:<kb>, rag:<kb>@<generator>, "
        + "rag:<kb>+adapter:<name>, adapter:<name> or generator:<id>");
  }

  private static String part(String value) {
    if (value.isBlank()) {
      throw new InvalidInputException(null, "a contender names an empty knowledge base, model or generator");
    }
    return Objects.requireNonNull(value);
  }
}
