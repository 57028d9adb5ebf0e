package io.augment.adapter.out.djl;

import static org.assertj.core.api.Assertions.assertThat;

import io.augment.domain.adaptation.AdaptationMethod;
import io.augment.domain.adaptation.FineTuneRequest;
import io.augment.domain.adaptation.TrainingExample;
import io.augment.domain.adaptation.TrainingSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobFolderTest {
  @TempDir
  Path root;

  @Test
  void aResumedJobStillLearnsOnlyTheAnswersOfItsPairsAndChats() {
    JobFolder folder = JobFolder.of(new ModelStore(root), "job-1");
    List<TrainingExample> examples = List.of(new TrainingExample.Text("the owl feeds the tree."),
        new TrainingExample.PromptCompletion("Question: who?\n", " the hen."),
        new TrainingExample.Chat(List.of(new TrainingExample.Message("user", "Where?"),
            new TrainingExample.Message("assistant", "Here."))));
    FineTuneRequest request = new FineTuneRequest("m", "scratch", AdaptationMethod.FULL, null,
        new TrainingSettings(1, 0, 2, 16, 1e-3, 1), examples, List.of(new TrainingExample.PromptCompletion("Q: ", "A")));

    folder.writeRequest(request);
    FineTuneRequest read = folder.readRequest();

    assertThat(read.texts()).isEqualTo(request.texts());
    assertThat(read.contextLengths()).containsExactly(0, "Question: who?\n".length(),
        examples.get(2).text().length() - "Here.".length());
    assertThat(read.validationTexts()).containsExactly("Q: A");
    assertThat(read.validationContextLengths()).containsExactly(3);
  }

  @Test
  void aRequestStoredBeforeContextLengthsWereKeptTrainsOnEveryToken() throws Exception {
    JobFolder folder = JobFolder.of(new ModelStore(root), "job-2");
    Files.createDirectories(folder.dir());
    Files.writeString(folder.file(JobFolder.REQUEST), "{\"name\":\"m\",\"baseModel\":\"scratch\",\"method\":\"FULL\","
        + "\"training\":{\"epochs\":1,\"maxSteps\":0,\"batchSize\":2,\"sequenceLength\":16,\"learningRate\":0.001,"
        + "\"seed\":1},\"texts\":[\"Question: who?\\n the hen.\"],\"validationTexts\":[]}");

    FineTuneRequest read = folder.readRequest();

    assertThat(read.texts()).containsExactly("Question: who?\n the hen.");
    assertThat(read.contextLengths()).containsExactly(0);
  }
}
