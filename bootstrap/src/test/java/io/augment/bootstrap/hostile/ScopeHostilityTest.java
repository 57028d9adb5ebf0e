package io.augment.bootstrap.hostile;

import org.junit.jupiter.api.Tag;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.augment.adapter.in.AccessFilter;
import io.augment.adapter.in.grpc.GrpcScopes;
import io.augment.application.tenant.ManageTenants;
import io.augment.bootstrap.auth.AuthOn;
import io.augment.domain.tenant.Scope;
import io.augment.domain.tenant.TenantId;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * A read key against every route and gRPC method that needs write or admin, and a write key
 * against every admin one, found from {@code @Access} and {@link GrpcScopes#TABLE} (so a new route
 * is covered by itself): each is 403 / PERMISSION_DENIED with a valid body aimed at real resources
 * (the ids in its path name a seeded knowledge base, document, tenant and key), and nothing stored
 * changes.
 */
@QuarkusTest
@Tag("shared-auth")
@TestProfile(AuthOn.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScopeHostilityTest {
  private static final Pattern PARAM = Pattern.compile("\\{(\\w+)(?:\\s*:[^}]*)?}");
  private static final Metadata.Key<String> AUTHORIZATION = AdminGrpcCases.AUTHORIZATION;
  private static final MethodDescriptor.Marshaller<byte[]> BYTES = new MethodDescriptor.Marshaller<>() {
    @Override
    public InputStream stream(byte[] value) {
      return new ByteArrayInputStream(value);
    }

    @Override
    public byte[] parse(InputStream stream) {
      try {
        return stream.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  };

  private static Http operator;
  private static ManagedChannel channel;
  /** The id every path parameter gets: a knowledge base, its document and a tenant all carry it. */
  private static String target;
  private static String targetKeyId;
  private static Map<Scope, String> keys;
  private static StoreSnapshot stored;
  private static AdminState admin;

  @TestHTTPResource("/")
  URL server;

  /** One route: HTTP method, path template, the media type it consumes (null: any), the scope it needs. */
  private record Route(String method, String path, String consumes, Scope needs) {}

  private synchronized void seed() {
    if (operator != null) {
      return;
    }
    ManageTenants tenants = CDI.current().select(ManageTenants.class).get();
    tenants.ensureDefault();
    tenants.installKey(TenantId.DEFAULT, AuthOn.ADMIN_KEY, "configured admin key", Scope.ADMIN);
    operator = new Http(server.toString()).withKey(AuthOn.ADMIN_KEY);
    channel = ManagedChannelBuilder.forAddress(server.getHost(), server.getPort()).usePlaintext().build();
    target = "scope-" + UUID.randomUUID().toString().substring(0, 8);
    created(operator.json("POST", "/api/v1/admin/tenants", "{\"id\": \"" + target + "\"}"));
    targetKeyId = field(created(operator.json("POST", "/api/v1/admin/tenants/" + target + "/keys",
        "{\"name\": \"target\", \"scope\": \"write\"}")), "id");
    created(operator.json("POST", "/api/v1/knowledge-bases", "{\"name\": \"" + target + "\"}"));
    Http.Reply doc = operator.json("POST", "/api/v1/knowledge-bases/" + target + "/documents",
        "{\"id\": \"" + target + "\", \"title\": \"Scope target\", \"text\": \"A document a read key must not delete.\"}");
    assertThat(doc.status()).as(doc.summary()).isEqualTo(201);
    keys = Map.of(Scope.READ, key("read"), Scope.WRITE, key("write"));
    stored = StoreSnapshot.take(operator);
    admin = AdminState.all(operator);
  }

  @AfterAll
  static void disconnect() throws InterruptedException {
    if (channel != null) {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  @TestFactory
  @Order(1)
  Stream<DynamicNode> aKeyBelowARoutesScopeIsRefusedWith403OnEveryProtocol() {
    seed();
    List<Route> routes = routes();
    assertThat(routes.stream().filter(r -> r.needs() == Scope.WRITE)).as("write routes found").hasSizeGreaterThanOrEqualTo(20);
    assertThat(routes.stream().filter(r -> r.needs() == Scope.ADMIN)).as("admin routes found").hasSizeGreaterThanOrEqualTo(9);
    List<DynamicTest> rest = new ArrayList<>();
    List<DynamicTest> grpc = new ArrayList<>();
    for (Scope caller : List.of(Scope.READ, Scope.WRITE)) {
      routes.stream().filter(r -> !caller.allows(r.needs())).forEach(r -> rest.add(DynamicTest.dynamicTest(
          caller.wire() + " key: " + r.method() + " " + r.path() + " (needs " + r.needs().wire() + ")",
          () -> restForbidden(r, keys.get(caller)))));
      GrpcScopes.TABLE.forEach((method, needs) -> {
        if (!caller.allows(needs)) {
          grpc.add(DynamicTest.dynamicTest(caller.wire() + " key: " + method + " (needs " + needs.wire() + ")",
              () -> grpcForbidden(method, keys.get(caller))));
        }
      });
    }
    assertThat(grpc).as("gRPC methods above read").hasSizeGreaterThan(20);
    return Stream.of(DynamicContainer.dynamicContainer("REST and /v1", rest.stream()),
        DynamicContainer.dynamicContainer("gRPC", grpc.stream()));
  }

  @Test
  @Order(2)
  void nothingStoredChangedAfterTheRefusedCalls() {
    seed();
    List<String> differences = new ArrayList<>(StoreSnapshot.take(operator).differencesFrom(stored));
    differences.addAll(AdminState.all(operator).differencesFrom(admin));
    assertThat(differences).as("changed by refused calls:\n%s", String.join("\n", differences)).isEmpty();
    assertThat(operator.get("/api/v1/knowledge-bases/" + target + "/documents/" + target).status()).isEqualTo(200);
  }

  private void restForbidden(Route route, String key) {
    String path = fill(route.path());
    byte[] body = null;
    String type = null;
    if (!route.method().equals("GET") && !route.method().equals("DELETE")) {
      boolean multipart = route.consumes() != null && route.consumes().startsWith("multipart/");
      type = multipart ? "multipart/form-data; boundary=scope" : "application/json";
      body = (multipart ? "--scope\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n"
          + "Content-Type: text/plain\r\n\r\nhello\r\n--scope--\r\n" : validBody(route)).getBytes(StandardCharsets.UTF_8);
    }
    Http.Reply reply = operator.send(route.method(), path, type, body, Map.of("Authorization", "Bearer " + key));
    assertThat(reply.status()).as("%s %s: %s", route.method(), path, reply.summary()).isEqualTo(403);
    if (path.startsWith("/v1/")) {
      Expect.openAiError(reply, null);
    } else {
      Expect.problem(reply, null);
    }
  }

  /** A body the route would take from a key with the scope, so only the scope can refuse it. */
  private static String validBody(Route route) {
    if (route.path().endsWith("/admin/tenants")) {
      return "{\"id\": \"scope-new-" + UUID.randomUUID().toString().substring(0, 8) + "\"}";
    }
    if (route.path().endsWith("/keys")) {
      return "{\"name\": \"escalated\", \"scope\": \"admin\"}";
    }
    if (route.path().endsWith("/quotas")) {
      return "{\"maxDocuments\": 0}";
    }
    if (route.path().equals("/api/v1/knowledge-bases")) {
      return "{\"name\": \"scope-new-" + UUID.randomUUID().toString().substring(0, 8) + "\"}";
    }
    return "{}";
  }

  private static void grpcForbidden(String method, String key) {
    Metadata metadata = new Metadata();
    metadata.put(AUTHORIZATION, "Bearer " + key);
    Channel keyed = ClientInterceptors.intercept(channel, MetadataUtils.newAttachHeadersInterceptor(metadata));
    MethodDescriptor<byte[], byte[]> descriptor = MethodDescriptor.<byte[], byte[]>newBuilder()
        .setType(MethodDescriptor.MethodType.UNARY).setFullMethodName(method)
        .setRequestMarshaller(BYTES).setResponseMarshaller(BYTES).build();
    try {
      ClientCalls.blockingUnaryCall(keyed, descriptor, CallOptions.DEFAULT.withDeadlineAfter(20, TimeUnit.SECONDS),
          new byte[0]);
    } catch (StatusRuntimeException e) {
      assertThat(e.getStatus().getCode()).as("%s: %s", method, e.getStatus()).isEqualTo(Status.Code.PERMISSION_DENIED);
      Expect.grpcRefusal(e.getStatus());
      return;
    }
    fail("%s was admitted", method);
  }

  /** Every REST and /v1 resource method (the packages ScopeClassificationTest checks) with the scope {@link AccessFilter} gives it. */
  private static List<Route> routes() {
    List<Route> routes = new ArrayList<>();
    for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.augment.adapter.in.rest", "io.augment.adapter.in.openai")) {
      Class<?> resource = type.reflect();
      Path root = resource.getAnnotation(Path.class);
      if (root == null) {
        continue;
      }
      for (Method method : resource.getDeclaredMethods()) {
        String verb = verb(method);
        if (verb == null) {
          continue;
        }
        Path sub = method.getAnnotation(Path.class);
        String path = join(root.value(), sub == null ? "" : sub.value());
        Consumes consumes = method.getAnnotation(Consumes.class) != null ? method.getAnnotation(Consumes.class)
            : resource.getAnnotation(Consumes.class);
        routes.add(new Route(verb, path, consumes == null ? null : consumes.value()[0], AccessFilter.needed(method)));
      }
    }
    return routes;
  }

  private static String verb(Method method) {
    for (Class<? extends Annotation> verb : List.of(GET.class, POST.class, PUT.class, DELETE.class, PATCH.class)) {
      if (method.isAnnotationPresent(verb)) {
        return verb.getSimpleName();
      }
    }
    return null;
  }

  private static String join(String root, String sub) {
    String path = (root.startsWith("/") ? root : "/" + root) + (sub.isEmpty() || sub.startsWith("/") ? sub : "/" + sub);
    return path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
  }

  private static String fill(String template) {
    Matcher m = PARAM.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, m.group(1).equals("keyId") ? targetKeyId : target);
    }
    return m.appendTail(out).toString();
  }

  private static String key(String scope) {
    return field(created(operator.json("POST", "/api/v1/admin/tenants/default/keys",
        "{\"name\": \"scope " + scope + "\", \"scope\": \"" + scope + "\"}")), "key");
  }

  private static Http.Reply created(Http.Reply reply) {
    assertThat(reply.status()).as(reply.summary()).isEqualTo(201);
    return reply;
  }

  private static String field(Http.Reply reply, String name) {
    try {
      return new ObjectMapper().readTree(reply.body()).path(name).asText();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
