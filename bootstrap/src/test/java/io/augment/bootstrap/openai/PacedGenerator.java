package io.augment.bootstrap.openai;

import io.augment.domain.augmentation.Prompt;
import io.augment.domain.generation.Generation;
import io.augment.domain.generation.GenerationOptions;
import io.augment.domain.generation.Generator;
import io.augment.domain.generation.TokenSink;
import io.augment.domain.generation.TokenUsage;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A generator that streams on its caller's thread, as local engines do, and holds its second token
 * until the client has received the first: a stream buffered anywhere on the way gets "late".
 */
@Alternative
@Singleton
public class PacedGenerator implements Generator {
  static final String ID = "paced";
  static volatile CountDownLatch firstTokenSeen = new CountDownLatch(1);

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Generation generate(Prompt prompt, GenerationOptions options) {
    return new Generation("first second", ID, false, new TokenUsage(3, 2), "stop");
  }

  @Override
  public void stream(Prompt prompt, GenerationOptions options, TokenSink sink) {
    sink.token("first ");
    boolean seen;
    try {
      seen = firstTokenSeen.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      seen = false;
    }
    String second = seen ? "second" : "late";
    sink.token(second);
    sink.complete(new Generation("first " + second, ID, false, new TokenUsage(3, 2), "stop"));
  }
}
