package io.augment.adapter.out.extractive;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What kind of answer a question asks for, read from its wording, and whether a sentence holds
 * something of that kind. A sentence that repeats the question's words but lacks, say, any number
 * for a "how many" question rarely answers it.
 */
enum AnswerType {
  TIME(Pattern.compile("\\bwhen\\b|\\b(what|which) (year|date|day|month|decade|century|time|era|period)\\b|\\bhow long ago\\b"),
      Pattern.compile("\\b1\\d{3}s?\\b|\\b20\\d{2}s?\\b|\\b\\d+(st|nd|rd|th) century\\b|\\b(january|february|march|april"
          + "|may|june|july|august|september|october|november|december)\\b|\\b(bc|ad|bce|ce)\\b", Pattern.CASE_INSENSITIVE)),
  NUMBER(Pattern.compile("\\bhow (many|much|long|far|old|large|big|tall|high|often|fast|wide|deep|heavy)\\b"
      + "|\\bwhat (percentage|percent|proportion|number|amount|fraction)\\b"),
      Pattern.compile("\\d|\\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty"
          + "|hundred|thousand|million|billion|trillion|dozen|half|twice|single|double)\\b", Pattern.CASE_INSENSITIVE)),
  PERSON(Pattern.compile("\\bwho(m|se)?\\b"), null),
  PLACE(Pattern.compile("\\bwhere\\b|\\b(what|which) (country|city|state|place|region|continent|town|location)\\b"), null),
  OTHER(Pattern.compile("$^"), null);

  private static final Pattern NAME = Pattern.compile("(?<=\\S\\s)\\p{Lu}[\\p{L}'-]+");

  private final Pattern question;
  private final Pattern evidence;

  AnswerType(Pattern question, Pattern evidence) {
    this.question = question;
    this.evidence = evidence;
  }

  static AnswerType of(String question) {
    String q = question.toLowerCase(Locale.ROOT);
    for (AnswerType type : values()) {
      if (type.question.matcher(q).find()) {
        return type;
      }
    }
    return OTHER;
  }

  /** Whether {@code sentence} holds an answer of this type; names must not already be in the question. */
  boolean foundIn(String sentence, Set<String> questionTerms) {
    return switch (this) {
      case TIME, NUMBER -> evidence.matcher(sentence).find();
      case PERSON, PLACE -> NAME.matcher(sentence).results()
          .anyMatch(m -> !questionTerms.contains(Terms.stem(m.group().toLowerCase(Locale.ROOT))));
      case OTHER -> false;
    };
  }
}
