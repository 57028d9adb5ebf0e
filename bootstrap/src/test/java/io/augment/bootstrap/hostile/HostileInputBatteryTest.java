package io.augment.bootstrap.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Hundreds of malformed requests over REST (JSON and multipart), {@code /v1} and gRPC against a
 * seeded store. Each must be refused with a client error in its protocol's error shape, must not
 * change the stored knowledge bases, and, all done, everything stored must read back exactly as
 * before (no chunk searchable without its document record either). The cases are generated per
 * endpoint and field (see {@link Mutations}); their names say what each sends, and
 * {@code target/hostile-report.md} lists the failed ones with what they got.
 */
@QuarkusTest
@TestProfile(HostileInputBatteryTest.TinyEngine.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputBatteryTest {
  private static Http http;
  private static ManagedChannel channel;
  private static StoreSnapshot seeded;
  private static final BatteryReport REPORT = new BatteryReport();

  /** A tiny scratch model, in case a bad fine-tune request is wrongly accepted before it is cancelled. */
  public static class TinyEngine implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("augment.engine.scratch.vocab-size", "320", "augment.engine.scratch.context-length", "32",
          "augment.engine.scratch.width", "32", "augment.engine.scratch.layers", "2", "augment.engine.scratch.heads", "2",
          "augment.engine.worker-heap-mb", "512");
    }
  }

  @TestHTTPResource("/")
  URL server;

  private synchronized void seed() {
    if (seeded == null) {
      http = new Http(server.toString());
      channel = ManagedChannelBuilder.forAddress(server.getHost(), server.getPort()).usePlaintext().build();
      Seed.plant(http);
      seeded = StoreSnapshot.take(http);
    }
  }

  @AfterAll
  static void disconnect() throws InterruptedException {
    REPORT.write(Path.of("target", "hostile-report.md"));
    if (channel != null) {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  @TestFactory
  @Order(1)
  Stream<DynamicNode> everyMalformedRequestIsRefusedWithAClientErrorAndChangesNothing() {
    seed();
    Map<String, List<HostileCase>> groups = new LinkedHashMap<>();
    groups.put("REST writes", new RestWriteCases(http, Seed.KB).all());
    groups.put("REST queries", new RestQueryCases(http, Seed.KB).all());
    groups.put("REST multipart", new MultipartCases(http, Seed.KB).all());
    groups.put("REST fine-tunes", new FineTuneCases(http).all());
    groups.put("OpenAI /v1", new OpenAiCases(http, Seed.KB).all());
    groups.put("gRPC writes", new GrpcStoreCases(channel, Seed.KB).all());
    groups.put("gRPC queries, jobs and fine-tuning", new GrpcQueryCases(channel, Seed.KB, () -> IngestJobsWait.untilIdle(http)).all());
    groups.put("REST evaluation sets", EvaluationState.guard(http, new EvaluationSetCases(http).all()));
    groups.put("REST evaluation runs", EvaluationState.guard(http, new EvaluationRunCases(http, Seed.KB).all()));
    groups.put("gRPC evaluations", EvaluationState.guard(http, new EvaluationGrpcCases(channel, Seed.KB).all()));
    groups.put("HTTP limits", new HttpLimitCases(http, Seed.KB).all());
    groups.put("ids in paths (last: they aim at the victim)", new PathCases(http).all());
    assertThat(groups.values().stream().mapToInt(List::size).sum()).as("cases in the battery").isGreaterThanOrEqualTo(300);
    return groups.entrySet().stream().map(group -> DynamicContainer.dynamicContainer(group.getKey(),
        group.getValue().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> refusedWithoutWriting(c)))));
  }

  @Test
  @Order(2)
  void everythingStoredBeforeTheBatteryReadsBackUnchangedAfterIt() {
    seed();
    IngestJobsWait.untilIdle(http);
    List<String> differences = new ArrayList<>(StoreSnapshot.take(http).differencesFrom(seeded));
    StoreSnapshot.orphans(http).forEach(orphan -> differences.add("orphan: chunks of " + orphan + " are searchable, its record is gone"));
    assertThat(differences).as("stored state changed by refused requests:\n%s", String.join("\n", differences)).isEmpty();
  }

  @Test
  @Order(3)
  void theValidEvaluationRequestsTheCasesMutateAreAccepted() {
    seed();
    EvaluationRunCases.basesAreAccepted(http, Seed.KB);
  }

  /** Runs the case's check, then fails it also (or instead) if the stored knowledge bases changed across it. */
  private static void refusedWithoutWriting(HostileCase c) {
    long start = System.nanoTime();
    try {
      checkRefusedWithoutWriting(c);
      REPORT.passed();
    } catch (AssertionError e) {
      REPORT.failed(c.name(), e);
      throw e;
    } finally {
      REPORT.took(c.name(), (System.nanoTime() - start) / 1_000_000);
    }
  }

  private static void checkRefusedWithoutWriting(HostileCase c) {
    c.prepare().run();
    Fingerprint before = Fingerprint.read(http);
    Throwable refused = null;
    try {
      c.check().run();
    } catch (AssertionError | RuntimeException e) {
      refused = e;
    }
    String changes = Fingerprint.read(http).changesSince(before);
    if (!changes.isEmpty()) {
      String wrote = "the request changed what is stored: " + changes;
      throw new AssertionError(refused == null ? wrote : refused.getMessage() + "\nand " + wrote, refused);
    }
    if (refused instanceof AssertionError e) {
      throw e;
    }
    if (refused != null) {
      throw new AssertionError("no usable reply: " + refused, refused);
    }
  }
}
