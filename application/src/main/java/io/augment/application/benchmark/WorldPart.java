package io.augment.application.benchmark;

import java.util.ArrayList;
import java.util.List;

/**
 * One part of a {@link World}: its people and every text and question about them, in a fixed order.
 *
 * @param label  {@code A}, {@code B} or {@code R} (held-out people for reading examples)
 * @param people the part's people
 * @param styles for each person, its document styles in order; the first is its canonical document
 */
public record WorldPart(String label, List<Person> people, List<int[]> styles) {
  public WorldPart {
    people = List.copyOf(people);
    styles = List.copyOf(styles);
  }

  /** One canonical document per person (what a knowledge base ingests). */
  public List<WorldDocument> documents() {
    List<WorldDocument> out = new ArrayList<>();
    for (int i = 0; i < people.size(); i++) {
      Person p = people.get(i);
      out.add(new WorldDocument(p.id(), p.id(), p.name(), WorldTemplates.document(p, styles.get(i)[0])));
    }
    return out;
  }

  /** Every phrasing of every person: the canonical document, then {@code id-p2}, {@code id-p3}, ... */
  public List<WorldDocument> paraphrasedDocuments() {
    List<WorldDocument> out = new ArrayList<>();
    for (int i = 0; i < people.size(); i++) {
      Person p = people.get(i);
      int[] s = styles.get(i);
      for (int k = 0; k < s.length; k++) {
        String id = k == 0 ? p.id() : p.id() + "-p" + (k + 1);
        out.add(new WorldDocument(id, p.id(), p.name(), WorldTemplates.document(p, s[k])));
      }
    }
    return out;
  }

  /** Every fact of every person asked with every training template. */
  public List<WorldQuestion> trainQuestions() {
    return questions(false);
  }

  /** Every fact of every person asked with every evaluation template. */
  public List<WorldQuestion> evalQuestions() {
    return questions(true);
  }

  private List<WorldQuestion> questions(boolean eval) {
    List<WorldQuestion> out = new ArrayList<>();
    for (Person p : people) {
      for (Attribute a : Attribute.values()) {
        List<String> templates = (eval ? WorldTemplates.EVAL_QUESTIONS : WorldTemplates.TRAIN_QUESTIONS).get(a);
        for (String t : templates) {
          out.add(new WorldQuestion(WorldTemplates.fill(t, p.name(), null), p.value(a), p.id(), a, eval));
        }
      }
    }
    return out;
  }
}
