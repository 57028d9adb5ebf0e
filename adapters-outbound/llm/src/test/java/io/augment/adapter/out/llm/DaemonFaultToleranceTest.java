package io.augment.adapter.out.llm;

import static org.assertj.core.api.Assertions.assertThat;

import io.augment.domain.augmentation.Prompt;
import io.augment.domain.generation.GenerationOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DaemonFaultToleranceTest {

  /** Calls a generator (through the guard, so its threads start) and returns from main. */
  public static void main(String[] args) {
    var generator = new OpenAiCompatibleGenerator(
        new ProviderConfig("http://127.0.0.1:" + FreePort.find() + "/v1", null, "m", Duration.ofSeconds(1), 1));
    try {
      generator.generate(Prompt.plain("", "q", 1), GenerationOptions.DEFAULT);
    } catch (RuntimeException expected) {
      System.out.println(expected.getMessage());
    }
  }

  @Test
  void letsTheJvmExitWhenMainReturns() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        DaemonFaultToleranceTest.class.getName()).redirectErrorStream(true).start();

    boolean exited = process.waitFor(60, TimeUnit.SECONDS);
    if (!exited) {
      process.destroyForcibly().waitFor();
    }
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(exited).as("JVM exited; output: %s", output).isTrue();
    assertThat(output).contains("could not connect");
  }
}
