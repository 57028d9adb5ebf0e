package io.augment.adapter.out.extractive;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TermsTest {

  @Test
  void dropsStopWordsAndLowercases() {
    assertThat(Terms.of("What is the Capital of Peru?")).containsExactly("capital", "peru");
  }

  @Test
  void reducesInflectedFormsToOneStem() {
    assertThat(Terms.of("elected elects election")).containsOnly("elect");
    assertThat(Terms.of("computing computer computers")).containsOnly("comput");
    assertThat(Terms.of("studies study")).containsOnly("study");
  }

  @Test
  void keepsNumbersAsTheyAre() {
    assertThat(Terms.of("In 1932, 3.5 kg")).containsExactly("1932", "3", "5", "kg");
  }
}
