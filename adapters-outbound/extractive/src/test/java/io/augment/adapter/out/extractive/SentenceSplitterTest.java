package io.augment.adapter.out.extractive;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SentenceSplitterTest {

  @Test
  void keepsAbbreviationsInitialsAndDecimalsInsideTheirSentence() {
    assertThat(SentenceSplitter.split(
        "Dr. Smith weighed 3.5 kg, e.g. on the U.S. scale by J. Doe. Then he left! Did he return? Yes."))
        .containsExactly("Dr. Smith weighed 3.5 kg, e.g. on the U.S. scale by J. Doe.", "Then he left!",
            "Did he return?", "Yes.");
  }

  @Test
  void endsASentenceAtABlankLineAndJoinsWrappedLines() {
    assertThat(SentenceSplitter.split("A heading without a stop\n\nA sentence that\nwraps. Next."))
        .containsExactly("A heading without a stop", "A sentence that wraps.", "Next.");
  }

  @Test
  void givesNoSentencesForBlankText() {
    assertThat(SentenceSplitter.split("  \n\n ")).isEmpty();
  }
}
