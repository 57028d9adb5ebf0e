package io.augment.adapter.out.djl.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.augment.adapter.out.djl.TinyModels;
import io.augment.adapter.out.djl.tokenizer.BpeTokenizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenBatchesTest {
  private final BpeTokenizer tokenizer = TinyModels.tokenizer();

  @Test
  void aPromptsTokensAreNeverTargetsWhileItsAnswerAndTheEndOfTextAre() {
    String prompt = "the cat sees the ball. the dog";
    List<TrainingText> texts = List.of(new TrainingText("the owl feeds the tree.", 0),
        new TrainingText(prompt + " likes the old mat.", prompt.length()));
    TokenBatches batches = TokenBatches.ofTexts(texts, tokenizer, 1, 8, 1);

    int plain = tokenizer.encode("the owl feeds the tree.").length + 1;
    int context = tokenizer.encode(prompt).length;
    int answer = tokenizer.encode(" likes the old mat.").length + 1;
    boolean[] learned = batches.learnedMask();
    assertThat(learned).hasSize(plain + context + answer);
    for (int i = 0; i < learned.length; i++) {
      assertThat(learned[i]).as("token " + i).isEqualTo(i < plain || i >= plain + context);
    }
    int[] tokens = batches.tokens();
    assertThat(Arrays.copyOfRange(tokens, plain, plain + context)).containsExactly(tokenizer.encode(prompt));
    assertThat(tokens[tokens.length - 1]).isEqualTo(tokenizer.endOfText());
  }

  @Test
  void aWindowNeverStartsInsideAPromptAndAnswerThatFitInOneWindow() {
    List<TrainingText> texts = new ArrayList<>();
    List<int[]> prompts = new ArrayList<>();
    for (String sentence : TinyModels.corpus(60, 7)) {
      String prompt = "q " + sentence;
      texts.add(new TrainingText(prompt + " the fox.", prompt.length()));
      prompts.add(tokenizer.encode(prompt));
    }
    TokenBatches batches = TokenBatches.ofTexts(texts, tokenizer, 8, 24, 3);

    for (int b = 0; b < 20; b++) {
      TokenBatches.Batch batch = batches.nextBatch();
      for (int row = 0; row < batch.rows().length; row++) {
        int[] window = batch.rows()[row];
        assertThat(prompts).as("window starts with a whole prompt: " + Arrays.toString(window))
            .anyMatch(p -> Arrays.equals(p, Arrays.copyOf(window, p.length)));
        float[] weights = batch.weights()[row];
        int promptLength = prompts.stream().filter(p -> Arrays.equals(p, Arrays.copyOf(window, p.length)))
            .mapToInt(p -> p.length).max().orElseThrow();
        for (int t = 0; t < promptLength - 1; t++) {
          assertThat(weights[t]).as("target " + t + " is a prompt token").isZero();
        }
        assertThat(weights[promptLength - 1]).as("the answer's first token").isEqualTo(1f);
      }
    }
  }

  @Test
  void aPromptLongerThanAWindowIsNeverTrainedOnWithoutItsAnswer() {
    List<TrainingText> texts = new ArrayList<>();
    List<String> sentences = TinyModels.corpus(200, 8);
    for (int i = 0; i + 10 <= sentences.size(); i += 10) {
      String prompt = String.join(" ", sentences.subList(i, i + 10));
      texts.add(new TrainingText(prompt + " the hen.", prompt.length()));
    }
    int answer = tokenizer.encode(" the hen.").length + 1;
    TokenBatches batches = TokenBatches.ofTexts(texts, tokenizer, 8, 16, 4);
    assertThat(tokenizer.encode(texts.get(0).context()).length).isGreaterThan(2 * 17);

    int ending = 0;
    for (int b = 0; b < 40; b++) {
      TokenBatches.Batch batch = batches.nextBatch();
      for (int row = 0; row < batch.rows().length; row++) {
        float[] weights = batch.weights()[row];
        float learned = 0;
        for (float w : weights) {
          learned += w;
        }
        assertThat(learned).as("learned targets in " + Arrays.toString(batch.rows()[row])).isPositive();
        if (batch.rows()[row][16] == tokenizer.endOfText() && learned == answer) {
          ending++;
        }
      }
    }
    assertThat(ending).as("windows moved to end with an answer").isGreaterThan(200);
  }

  @Test
  void aCorpusFileHoldsBareStringsAndTextsWithTheirPrompts() throws Exception {
    var mapper = io.augment.adapter.out.djl.format.Json.MAPPER;
    List<TrainingText> written = List.of(new TrainingText("Q: A", 3), TrainingText.plain("plain"));

    List<TrainingText> read = mapper.readValue(mapper.writeValueAsString(written),
        new com.fasterxml.jackson.core.type.TypeReference<List<TrainingText>>() {});
    List<TrainingText> bare = mapper.readValue("[\"plain\"]",
        new com.fasterxml.jackson.core.type.TypeReference<List<TrainingText>>() {});

    assertThat(read).isEqualTo(written);
    assertThat(bare).containsExactly(new TrainingText("plain", 0));
  }

  @Test
  void plainTextsGiveTheSameWindowsAsBeforeWithEveryTargetCounted() {
    List<String> corpus = TinyModels.corpus(80, 2);
    TokenBatches plain = TokenBatches.of(corpus, tokenizer, 4, 16, 9);
    TokenBatches viaTexts = TokenBatches.ofTexts(TrainingText.plain(corpus), tokenizer, 4, 16, 9);
    TokenBatches joined = new TokenBatches(plain.tokens(), 4, 16, 9);

    for (int b = 0; b < 5; b++) {
      TokenBatches.Batch batch = viaTexts.nextBatch();
      assertThat(batch.weights()).isNull();
      int[][] expected = joined.next();
      assertThat(batch.rows()).isDeepEqualTo(expected);
      assertThat(plain.next()).isDeepEqualTo(expected);
    }
    assertThat(viaTexts.learnedMask()).isNull();
  }
}
