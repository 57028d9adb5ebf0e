package io.augment.application.benchmark;

import java.util.List;
import java.util.Map;

/**
 * The phrasings of the world: document sentences in {@value #DOCUMENT_STYLES} styles, and question
 * templates split into training templates and evaluation templates. An evaluation template's opening
 * words (up to the name) never appear in any training text; each shares its cue words with the
 * training questions about the same fact (city, year, company and work, subject and study), which is
 * what lets a model generalise to it.
 * {@code {n}} is the person's name, {@code {v}} the value.
 */
final class WorldTemplates {
  static final int DOCUMENT_STYLES = 4;

  static final Map<Attribute, List<String>> SENTENCES = Map.of(
      Attribute.BIRTHPLACE, List.of("{n} was born in {v}.", "The birthplace of {n} is {v}.",
          "{n} comes from the city of {v}.", "{v} is the city where {n} was born."),
      Attribute.BIRTH_YEAR, List.of("{n} was born in the year {v}.", "{n} came into the world in {v}.",
          "The birth year of {n} is {v}.", "{v} is the year {n} was born."),
      Attribute.EMPLOYER, List.of("{n} works for {v}.", "{n} is employed by {v}.",
          "The employer of {n} is {v}.", "{v} employs {n}."),
      Attribute.FIELD, List.of("{n} studies {v}.", "The field of {n} is {v}.",
          "{n} does research in {v}.", "{v} is the subject {n} studies."));

  /**
   * The first templates of each attribute are its own phrasings; the last three follow frames that
   * every attribute shares ({@code Name the <cue> ...}, {@code <name> ... what <cue>?},
   * {@code What is the ... <cue> ...}), so within a frame only the cue word tells which fact
   * is asked. With attribute-specific frames only, a small model learnt the frame and answered an
   * evaluation template by the training question it looked most like ({@code Which subject does ...
   * study?} with the city of {@code Which city does ... come from?}).
   */
  static final Map<Attribute, List<String>> TRAIN_QUESTIONS = Map.of(
      Attribute.BIRTHPLACE, List.of("Where was {n} born?", "What is the birthplace of {n}?",
          "Which city does {n} come from?", "Name the city where {n} was born.",
          "{n} was born in what city?", "What is the name of the city where {n} was born?"),
      Attribute.BIRTH_YEAR, List.of("In what year was {n} born?", "What is the birth year of {n}?",
          "Name the year when {n} was born.", "{n} was born in what year?",
          "What is the year in which {n} was born?"),
      Attribute.EMPLOYER, List.of("Who does {n} work for?", "Who is the employer of {n}?",
          "Name the company that {n} works for.", "{n} works for what company?",
          "What is the name of the company that employs {n}?"),
      Attribute.FIELD, List.of("What does {n} study?", "What is the field of {n}?",
          "Name the subject that {n} studies.", "{n} studies what subject?",
          "What is the name of the subject that {n} studies?"));

  static final Map<Attribute, List<String>> EVAL_QUESTIONS = Map.of(
      Attribute.BIRTHPLACE, List.of("In which city was {n} born?"),
      Attribute.BIRTH_YEAR, List.of("Which year was {n} born in?"),
      Attribute.EMPLOYER, List.of("For which company does {n} work?"),
      Attribute.FIELD, List.of("Which subject does {n} study?"));

  private WorldTemplates() {}

  static String fill(String template, String name, String value) {
    return template.replace("{n}", name).replace("{v}", value == null ? "" : value);
  }

  /** The document text about {@code person} in {@code style}: one sentence per fact, the order rotated by style. */
  static String document(Person person, int style) {
    Attribute[] all = Attribute.values();
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < all.length; i++) {
      Attribute attribute = all[(i + style) % all.length];
      if (i > 0) {
        text.append(' ');
      }
      text.append(fill(SENTENCES.get(attribute).get(style), person.name(), person.value(attribute)));
    }
    return text.toString();
  }
}
