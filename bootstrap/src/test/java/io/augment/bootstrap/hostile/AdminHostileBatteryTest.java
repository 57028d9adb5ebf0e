package io.augment.bootstrap.hostile;

import org.junit.jupiter.api.Tag;
import static org.assertj.core.api.Assertions.assertThat;

import io.augment.application.tenant.ManageTenants;
import io.augment.bootstrap.auth.AuthOn;
import io.augment.domain.tenant.Scope;
import io.augment.domain.tenant.TenantId;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.enterprise.inject.spi.CDI;
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
 * Hundreds of malformed admin requests with authentication on and the operator's key, over REST and
 * gRPC: each must be a client error naming its field, and must change no tenant, quota or key; all
 * done, every tenant and key reads back as before. {@code target/admin-hostile-report.md} lists the
 * failed cases.
 */
@QuarkusTest
@Tag("shared-auth")
@TestProfile(AuthOn.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminHostileBatteryTest {
  private static final BatteryReport REPORT = new BatteryReport();
  private static Http operator;
  private static ManagedChannel channel;
  private static AdminWorld world;
  private static AdminState seeded;
  private static AdminState last;

  @TestHTTPResource("/")
  URL server;

  private synchronized void seed() {
    if (world == null) {
      ManageTenants tenants = CDI.current().select(ManageTenants.class).get();
      tenants.ensureDefault();
      tenants.installKey(TenantId.DEFAULT, AuthOn.ADMIN_KEY, "configured admin key", Scope.ADMIN);
      operator = new Http(server.toString()).withKey(AuthOn.ADMIN_KEY);
      channel = ManagedChannelBuilder.forAddress(server.getHost(), server.getPort()).usePlaintext().build();
      world = AdminWorld.plant(operator, AuthOn.ADMIN_KEY);
      seeded = AdminState.all(operator);
    }
  }

  @AfterAll
  static void disconnect() throws InterruptedException {
    REPORT.write(Path.of("target", "admin-hostile-report.md"));
    if (channel != null) {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  @TestFactory
  @Order(1)
  Stream<DynamicNode> everyMalformedAdminRequestIsRefusedNamingItsFieldAndChangesNothing() {
    seed();
    Map<String, List<HostileCase>> groups = new LinkedHashMap<>();
    groups.put("REST admin", new AdminRestCases(operator, world).all());
    groups.put("gRPC admin", new AdminGrpcCases(channel, AuthOn.ADMIN_KEY, world).all());
    assertThat(groups.values().stream().mapToInt(List::size).sum()).as("cases in the battery").isGreaterThanOrEqualTo(300);
    return groups.entrySet().stream().map(group -> DynamicContainer.dynamicContainer(group.getKey(),
        group.getValue().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> refusedWithoutWriting(c)))));
  }

  @Test
  @Order(2)
  void everyTenantQuotaAndKeyReadsBackUnchangedAfterTheBattery() {
    seed();
    List<String> differences = AdminState.all(operator).differencesFrom(seeded);
    assertThat(differences).as("admin state changed by refused requests:\n%s", String.join("\n", differences)).isEmpty();
  }

  /** The bodies the cases mutate are valid as they are: a refusal is the mutation's doing. */
  @Test
  @Order(3)
  void theValidRequestsTheCasesMutateAreAccepted() {
    seed();
    AdminRestCases rest = new AdminRestCases(operator, world);
    assertThat(operator.json("POST", AdminRestCases.TENANTS, rest.tenantBase().toString()).status()).isEqualTo(201);
    assertThat(operator.json("PUT", AdminRestCases.TENANTS + "/" + world.victim() + "/quotas",
        AdminRestCases.quotasBase().toString()).status()).isEqualTo(200);
    Http.Reply key = operator.json("POST", AdminRestCases.TENANTS + "/" + world.victim() + "/keys",
        AdminRestCases.keyBase().toString());
    assertThat(key.status()).as(key.summary()).isEqualTo(201);
    assertThat(operator.get("/api/v1/admin/audit?after=0&limit=1000&tenant=" + world.victim()).status()).isEqualTo(200);
  }

  private static void refusedWithoutWriting(HostileCase c) {
    long start = System.nanoTime();
    try {
      check(c);
      REPORT.passed();
    } catch (AssertionError e) {
      REPORT.failed(c.name(), e);
      throw e;
    } finally {
      REPORT.took(c.name(), (System.nanoTime() - start) / 1_000_000);
    }
  }

  /**
   * The case's check, then the watched tenants and keys compared with how the previous case left them
   * (a refused request writes nothing, so that is also how this one found them).
   */
  private static void check(HostileCase c) {
    AdminState before = last == null ? AdminState.of(operator, world.watched()) : last;
    Throwable refused = null;
    try {
      c.check().run();
    } catch (AssertionError | RuntimeException e) {
      refused = e;
    }
    last = AdminState.of(operator, world.watched());
    List<String> changes = new ArrayList<>(last.differencesFrom(before));
    if (!changes.isEmpty()) {
      String wrote = "the request changed what is stored: " + String.join("; ", changes);
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
