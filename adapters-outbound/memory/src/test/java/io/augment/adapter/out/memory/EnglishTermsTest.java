package io.augment.adapter.out.memory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EnglishTermsTest {

  @Test
  void lowercasesSplitsAndDropsStopWordsAndPossessives() {
    assertThat(EnglishTerms.of("The Keeper's lamp, and its 2 wicks—lit at 9pm!"))
        .containsExactly("keeper", "lamp", "its", "2", "wick", "lit", "9pm");
  }

  @Test
  void reducesPluralsToTheSingular() {
    assertThat(EnglishTerms.of("ferries tides dogs boxes")).containsExactly("ferry", "tide", "dog", "boxe");
  }

  @Test
  void leavesShortWordsAndSingularsEndingInSAlone() {
    assertThat(EnglishTerms.of("gas bus glass virus")).containsExactly("gas", "bus", "glass", "virus");
  }

  @Test
  void keepsLettersOfOtherScripts() {
    assertThat(EnglishTerms.of("Über Straße café")).containsExactly("über", "straße", "café");
  }
}
