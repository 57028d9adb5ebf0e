package io.augment.bootstrap.hostile;

import org.junit.jupiter.api.Tag;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.augment.adapter.in.grpc.v1.KnowledgeBasesGrpc;
import io.augment.adapter.in.grpc.v1.ListKnowledgeBasesRequest;
import io.augment.application.tenant.ManageTenants;
import io.augment.bootstrap.auth.AuthOn;
import io.augment.domain.tenant.Scope;
import io.augment.domain.tenant.TenantId;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.enterprise.inject.spi.CDI;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Hostile {@code Authorization} and {@code X-API-Key} headers: other schemes, two keys, a valid key
 * with garbage, control and non-ASCII bytes, values near and over the header limit, conflicting
 * headers, keys of deleted tenants. Each gets 401 in its protocol's shape (/api: problem+json with
 * {@code WWW-Authenticate: Bearer}; /v1: OpenAI's error; gRPC: UNAUTHENTICATED), or 400/431 from the
 * edge for bytes or sizes it refuses before reading the key (a reply a reset connection may lose):
 * never a 2xx, a 5xx, or another caller.
 */
@QuarkusTest
@Tag("shared-auth")
@TestProfile(AuthOn.class)
class AuthHeaderHostileTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String KBS = "/api/v1/knowledge-bases";
  private static final String MODELS = "/v1/models";
  private static final Metadata.Key<String> AUTHORIZATION = AdminGrpcCases.AUTHORIZATION;
  private static final Metadata.Key<String> API_KEY = Metadata.Key.of("x-api-key", Metadata.ASCII_STRING_MARSHALLER);
  private static final String K = AuthOn.ADMIN_KEY;

  private static Http operator;
  private static RawHttp raw;
  private static ManagedChannel channel;
  /** Tenant A: its read key and the one knowledge base it owns. */
  private static String tenantA;
  private static String readA;
  private static String kbA;

  @TestHTTPResource("/")
  URL server;

  /** A header set and whether the edge may refuse it (400, 431) before the key is read. */
  private record Headers(String name, List<String[]> headers, boolean edgeMay) {}

  private synchronized void seed() {
    if (operator != null) {
      return;
    }
    ManageTenants tenants = CDI.current().select(ManageTenants.class).get();
    tenants.ensureDefault();
    tenants.installKey(TenantId.DEFAULT, K, "configured admin key", Scope.ADMIN);
    operator = new Http(server.toString()).withKey(K);
    raw = new RawHttp(server.getHost(), server.getPort());
    channel = ManagedChannelBuilder.forAddress(server.getHost(), server.getPort()).usePlaintext()
        .maxInboundMetadataSize(1 << 20).build();
    tenantA = newTenant("hv-auth-a");
    readA = newKey(tenantA, "read");
    kbA = "only-a-" + UUID.randomUUID().toString().substring(0, 8);
    Http.Reply kb = new Http(server.toString()).withKey(newKey(tenantA, "write"))
        .json("POST", KBS, "{\"name\": \"" + kbA + "\"}");
    assertThat(kb.status()).as(kb.summary()).isEqualTo(201);
  }

  @AfterAll
  static void disconnect() throws InterruptedException {
    if (channel != null) {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  private List<Headers> hostile() {
    String secret = K.substring(K.lastIndexOf('_') + 1);
    String idA = readA.split("_")[1];
    String swapped = K.substring(0, K.length() - 1) + (K.endsWith("A") ? "B" : "A");
    List<Headers> all = new ArrayList<>();
    for (String value : List.of(
        "Basic " + Base64.getEncoder().encodeToString(("operator:" + K).getBytes(StandardCharsets.US_ASCII)),
        "Basic " + K, "Token " + K, "Digest " + K, "Bearer", "Bearer   ", "Bearer" + K, "Bearer\t" + K, "Bearer " + K + " " + readA,
        "Bearer " + K + "," + "Bearer " + readA, "Bearer " + K + ", " + readA, "Bearer " + readA + " " + K, "Bearer " + K + "x",
        "Bearer " + K + ".", "Bearer " + K + "=", "Bearer " + K.substring(0, K.length() - 1), "Bearer " + swapped,
        "Bearer " + K.toUpperCase(), "Bearer " + K.toLowerCase(), "Bearer \"" + K + "\"", "Bearer <" + K + ">",
        "Bearer aug_" + idA + "_" + secret, "Bearer aug_0123456789abcdef_" + "B".repeat(43), "Bearer aug_0123456789abcdef",
        "Bearer aug__" + secret, "Bearer " + K.replace('_', '-'), "Bearer Bearer " + K, "Bearer " + "A".repeat(19_000))) {
      all.add(new Headers("Authorization " + label(value), List.<String[]>of(new String[] {"Authorization", value}), false));
    }
    for (String value : List.of("Bearer " + K + "\u00e9", "Bearer \u00c4\u00d6\u00dc" + secret, "Bearer " + K + "\u0001",
        "Bearer " + K + "\u007f", "Bearer " + K.substring(0, 30) + "\u0000" + K.substring(30), "Bearer \u202e" + K,
        "Bearer " + K + "\u200b")) {
      all.add(new Headers("Authorization " + label(value), List.<String[]>of(new String[] {"Authorization", value}), true));
    }
    for (int size : new int[] {21_000, 70_000}) {
      all.add(new Headers("Authorization of " + size + " characters (over the header limit)",
          List.<String[]>of(new String[] {"Authorization", "Bearer " + "A".repeat(size)}), true));
    }
    for (String value : List.of("Bearer " + K, K + "x", K + " " + readA, K.substring(1), "aug_" + idA + "_" + secret,
        "A".repeat(19_000))) {
      all.add(new Headers("X-API-Key " + label(value), List.<String[]>of(new String[] {"X-API-Key", value}), false));
    }
    all.add(new Headers("X-API-Key " + label(K + "\u00e9"), List.<String[]>of(new String[] {"X-API-Key", K + "\u00e9"}), true));
    all.add(new Headers("Authorization: Bearer A's read key and X-API-Key: the operator's key",
        List.of(new String[] {"Authorization", "Bearer " + readA}, new String[] {"X-API-Key", K}), false));
    all.add(new Headers("Authorization: Bearer the operator's key and X-API-Key: A's read key",
        List.of(new String[] {"Authorization", "Bearer " + K}, new String[] {"X-API-Key", readA}), false));
    all.add(new Headers("Authorization: garbage and X-API-Key: the operator's key",
        List.of(new String[] {"Authorization", "Bearer nope"}, new String[] {"X-API-Key", K}), false));
    all.add(new Headers("Authorization: Basic and X-API-Key: the operator's key",
        List.of(new String[] {"Authorization", "Basic Zm9vOmJhcg=="}, new String[] {"X-API-Key", K}), false));
    all.add(new Headers("two Authorization headers: A's read key, then the operator's",
        List.of(new String[] {"Authorization", "Bearer " + readA}, new String[] {"Authorization", "Bearer " + K}), false));
    all.add(new Headers("two Authorization headers: the operator's key, then A's read key",
        List.of(new String[] {"Authorization", "Bearer " + K}, new String[] {"Authorization", "Bearer " + readA}), false));
    all.add(new Headers("two X-API-Key headers: A's read key, then the operator's",
        List.of(new String[] {"X-API-Key", readA}, new String[] {"X-API-Key", K}), false));
    return all;
  }

  @TestFactory
  Stream<DynamicNode> everyHostileKeyHeaderIsRefusedInItsProtocolsShape() {
    seed();
    List<Headers> cases = hostile();
    assertThat(cases).hasSizeGreaterThan(40);
    return Stream.of(
        DynamicContainer.dynamicContainer("REST", cases.stream().map(c -> DynamicTest.dynamicTest(c.name(),
            () -> restRefused(raw.get(KBS, bytes(c)), c.edgeMay())))),
        DynamicContainer.dynamicContainer("/v1", cases.stream().map(c -> DynamicTest.dynamicTest(c.name(),
            () -> openAiRefused(raw.get(MODELS, bytes(c)), c.edgeMay())))),
        DynamicContainer.dynamicContainer("gRPC", cases.stream().filter(c -> printable(c.headers()))
            .map(c -> DynamicTest.dynamicTest(c.name(), () -> grpcRefused(c.headers())))));
  }

  /** Scheme case and spaces around the key are HTTP's to ignore (RFC 9110): they still name only that key's tenant. */
  @Test
  void bearerInAnyCaseAndWithExtraSpacesAuthenticatesAsThatKeysTenantOnly() {
    seed();
    for (String value : List.of("bearer " + readA, "BEARER " + readA, "Bearer    " + readA, "Bearer " + readA + "   ")) {
      RawHttp.Reply reply = raw.get(KBS, List.of(RawHttp.header("Authorization", value)));
      assertThat(reply.status()).as("%s: %s", label(value), reply.asHttp().summary()).isEqualTo(200);
      assertThat(names(reply.body())).as("A's key lists A's knowledge bases only").containsExactly(kbA);
      RawHttp.Reply admin = raw.get("/api/v1/admin/tenants", List.of(RawHttp.header("Authorization", value)));
      assertThat(admin.status()).as("a read key on the admin API: %s", admin.asHttp().summary()).isEqualTo(403);
    }
    RawHttp.Reply same = raw.get(KBS, List.of(RawHttp.header("Authorization", "Bearer " + readA),
        RawHttp.header("X-API-Key", readA)));
    assertThat(same.status()).as("the same key in both headers: %s", same.asHttp().summary()).isEqualTo(200);
    assertThat(names(same.body())).containsExactly(kbA);
  }

  @Test
  void theKeysOfADeletedTenantAreRefusedOnEveryProtocol() {
    seed();
    String tenant = newTenant("hv-gone");
    String key = newKey(tenant, "admin");
    assertThat(raw.get(KBS, List.of(RawHttp.header("Authorization", "Bearer " + key))).status()).isEqualTo(200);
    assertThat(operator.delete("/api/v1/admin/tenants/" + tenant).status()).isEqualTo(204);
    List<byte[]> bearer = List.of(RawHttp.header("Authorization", "Bearer " + key));
    restRefused(raw.get(KBS, bearer), false);
    restRefused(raw.get("/api/v1/admin/tenants/" + tenant + "/keys", bearer), false);
    restRefused(raw.get(KBS, List.of(RawHttp.header("X-API-Key", key))), false);
    openAiRefused(raw.get(MODELS, bearer), false);
    grpcRefused(List.<String[]>of(new String[] {"Authorization", "Bearer " + key}));
  }

  /**
   * Requests keep coming with a tenant's key over REST and gRPC while the operator deletes the
   * tenant: each is answered 200/OK or 401/UNAUTHENTICATED (404/NOT_FOUND while the delete runs),
   * never 500, and every one sent after the delete returned is refused.
   */
  @Test
  void requestsInFlightWhileTheirTenantIsDeletedAreAnsweredAndNoneAfterItIsAdmitted() throws Exception {
    seed();
    String tenant = newTenant("hv-flight");
    String key = newKey(tenant, "read");
    Http client = new Http(server.toString()).withKey(key);
    AtomicBoolean deleted = new AtomicBoolean();
    AtomicBoolean stop = new AtomicBoolean();
    ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<String> seen = new ConcurrentLinkedQueue<>();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      for (int t = 0; t < 4; t++) {
        boolean grpc = t % 2 == 1;
        pool.submit(() -> {
          while (!stop.get()) {
            boolean after = deleted.get();
            String outcome = grpc ? grpcOutcome(key) : Integer.toString(client.get(KBS).status());
            seen.add(outcome);
            boolean ok = outcome.equals("200") || outcome.equals("OK");
            boolean refused = outcome.equals("401") || outcome.equals("UNAUTHENTICATED");
            // Admitted just before the delete, a request may find its tenant's storage gone: 404, not 500.
            boolean gone = !after && (outcome.equals("404") || outcome.equals("NOT_FOUND"));
            if (!ok && !refused && !gone || after && ok) {
              wrong.add((after ? "after the delete: " : "during: ") + outcome);
            }
          }
        });
      }
      Thread.sleep(400);
      assertThat(operator.delete("/api/v1/admin/tenants/" + tenant).status()).isEqualTo(204);
      deleted.set(true);
      Thread.sleep(600);
    } finally {
      stop.set(true);
      pool.shutdown();
      assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(wrong).as("replies out of place among %s", seen.size()).isEmpty();
    assertThat(seen).as("some requests were admitted before the delete, some refused after").contains("401")
        .containsAnyOf("200", "OK");
  }

  private static String grpcOutcome(String key) {
    try {
      knowledgeBases(List.<String[]>of(new String[] {"Authorization", "Bearer " + key}))
          .list(ListKnowledgeBasesRequest.getDefaultInstance());
      return "OK";
    } catch (StatusRuntimeException e) {
      return e.getStatus().getCode().name();
    }
  }

  private static void restRefused(RawHttp.Reply reply, boolean edgeMay) {
    if (edgeMay && edgeRefused(reply)) {
      return;
    }
    assertThat(reply.status()).as("expected 401, got %s", reply.asHttp().summary()).isEqualTo(401);
    assertThat(reply.headers().get("www-authenticate")).as("WWW-Authenticate").isEqualTo("Bearer");
    Expect.problem(reply.asHttp(), null);
  }

  private static void openAiRefused(RawHttp.Reply reply, boolean edgeMay) {
    if (edgeMay && edgeRefused(reply)) {
      return;
    }
    assertThat(reply.status()).as("expected 401, got %s", reply.asHttp().summary()).isEqualTo(401);
    assertThat(reply.headers().get("www-authenticate")).as("WWW-Authenticate").isEqualTo("Bearer");
    Expect.openAiError(reply.asHttp(), null);
    assertThat(parse(reply.body()).path("error").path("code").asText()).isEqualTo("invalid_api_key");
  }

  /** 400 or 431 from the HTTP edge, before the key is read, or the connection closed unanswered. */
  private static boolean edgeRefused(RawHttp.Reply reply) {
    return Set.of(400, 431).contains(reply.status()) || reply == RawHttp.CLOSED;
  }

  private static void grpcRefused(List<String[]> headers) {
    try {
      knowledgeBases(headers).list(ListKnowledgeBasesRequest.getDefaultInstance());
    } catch (StatusRuntimeException e) {
      assertThat(e.getStatus().getCode()).as("%s", e.getStatus()).isEqualTo(Status.Code.UNAUTHENTICATED);
      Expect.grpcRefusal(e.getStatus());
      return;
    }
    fail("expected UNAUTHENTICATED, the call was admitted");
  }

  private static KnowledgeBasesGrpc.KnowledgeBasesBlockingStub knowledgeBases(List<String[]> headers) {
    Metadata metadata = new Metadata();
    for (String[] header : headers) {
      metadata.put(header[0].equalsIgnoreCase("Authorization") ? AUTHORIZATION : API_KEY, header[1]);
    }
    return KnowledgeBasesGrpc.newBlockingStub(channel).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(metadata))
        .withDeadlineAfter(20, TimeUnit.SECONDS);
  }

  private static List<byte[]> bytes(Headers c) {
    return c.headers().stream().map(h -> RawHttp.header(h[0], h[1])).toList();
  }

  /** Metadata values gRPC can carry as ASCII text (visible characters and spaces). */
  private static boolean printable(List<String[]> headers) {
    return headers.stream().allMatch(h -> h[1].chars().allMatch(c -> c >= 0x20 && c < 0x7f) && h[1].length() < 8000);
  }

  private static String newTenant(String prefix) {
    String id = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    Http.Reply reply = operator.json("POST", "/api/v1/admin/tenants", "{\"id\": \"" + id + "\"}");
    assertThat(reply.status()).as(reply.summary()).isEqualTo(201);
    return id;
  }

  private static String newKey(String tenant, String scope) {
    Http.Reply reply = operator.json("POST", "/api/v1/admin/tenants/" + tenant + "/keys",
        "{\"name\": \"hostile " + scope + "\", \"scope\": \"" + scope + "\"}");
    assertThat(reply.status()).as(reply.summary()).isEqualTo(201);
    return parse(reply.body()).path("key").asText();
  }

  private static List<String> names(String body) {
    List<String> names = new ArrayList<>();
    parse(body).forEach(kb -> names.add(kb.path("name").asText()));
    return names;
  }

  private static JsonNode parse(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + body, e);
    }
  }

  /** The value with the keys named, long runs cut and invisible characters escaped. */
  private static String label(String value) {
    String shown = value.replace(K, "<operator key>").replace(readA, "<A's read key>").replace(K.substring(K.lastIndexOf('_') + 1),
        "<operator secret>");
    shown = shown.length() > 80 ? shown.substring(0, 40) + "... (" + value.length() + " characters)" : shown;
    StringBuilder out = new StringBuilder("'");
    for (char c : shown.toCharArray()) {
      out.append(c < 0x20 || c >= 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c));
    }
    return out.append("'").toString();
  }
}
