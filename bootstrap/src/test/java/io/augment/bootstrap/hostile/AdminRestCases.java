package io.augment.bootstrap.hostile;

import static io.augment.bootstrap.hostile.JsonObject.quote;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Malformed requests to {@code /api/v1/admin} with the operator's key: one bad field per request
 * (pattern, length, range, JSON type, nesting, size), bad ids in paths, out-of-range audit paging.
 * Each must be a 4xx problem naming the field; the battery checks nothing stored changed.
 */
final class AdminRestCases {
  static final String TENANTS = "/api/v1/admin/tenants";
  /** Tenant ids that break the pattern: case, edges, length, characters, dot segments, NUL. */
  static final List<String> BAD_TENANT_IDS = List.of("", " ", "UPPER", "Mixed-case", "-lead", "trail-", "a_b", "a.b",
      "a b", "a/b", "..", ".", "a".repeat(33), "\u00fcber", "a\u0000b", "a\u200bb", "default ", "tab\tbed");
  /** Quota values that are out of range or of the wrong JSON type, per field. */
  static final Map<String, List<String>> BAD_QUOTAS = Map.of(
      "maxDocuments", List.of("-1", "1000000001", "9223372036854775808", "1e30", "\"ten\"", "true", "[]", "{}",
          "{\"$gt\": 0}", "-9223372036854775809", "\"10\"", "1.5", "10.0"),
      "maxConcurrentJobs", List.of("-1", "10001", "2147483648", "\"x\"", "false", "[1]", "{\"n\": 1}", "-2147483649", "\"2\"", "2.5"),
      "requestsPerSecond", List.of("0", "-1", "0.0", "-0.0", "\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "1e400",
          "1000001", "\"fast\"", "[]", "{}", "true", "\"5\""));
  private static final String BIG = "z".repeat(300_000);

  private final Http operator;
  private final AdminWorld world;
  private final AtomicInteger fresh = new AtomicInteger();
  private final List<HostileCase> cases = new ArrayList<>();

  AdminRestCases(Http operator, AdminWorld world) {
    this.operator = operator;
    this.world = world;
  }

  /** A valid create-tenant body with a new id; a case swaps one field. */
  JsonObject tenantBase() {
    return JsonObject.of("id", quote("hv-new-" + fresh.incrementAndGet() + "-" + world.victim().substring(10)),
        "displayName", quote("New team"), "quotas", AdminWorld.QUOTAS);
  }

  static JsonObject quotasBase() {
    return JsonObject.of("maxDocuments", "50", "maxConcurrentJobs", "2", "requestsPerSecond", "500");
  }

  static JsonObject keyBase() {
    return JsonObject.of("name", quote("battery key"), "scope", quote("read"), "expiresAt", quote("2099-01-01T00:00:00Z"));
  }

  List<HostileCase> all() {
    createTenant();
    updateQuotas();
    createKey();
    revokeKey();
    audit();
    paths();
    return cases;
  }

  private void createTenant() {
    for (String id : BAD_TENANT_IDS) {
      bad("POST tenants: id " + label(id), "POST", TENANTS, tenantBase().with("id", quote(id)), "id");
    }
    for (String junk : List.of("true", "false", "12345", "1e3", "[\"hv-x\"]", "{\"value\": \"hv-x\"}", "null")) {
      bad("POST tenants: id " + junk, "POST", TENANTS, tenantBase().with("id", junk), "id");
    }
    bad("POST tenants: without id", "POST", TENANTS, tenantBase().with("id", null), "id");
    bad("POST tenants: the operator's tenant again", "POST", TENANTS, tenantBase().with("id", quote("default")), null);
    bad("POST tenants: the victim again", "POST", TENANTS, tenantBase().with("id", quote(world.victim())), null);
    for (String name : List.of("d".repeat(201), "d".repeat(50_000))) {
      bad("POST tenants: displayName " + label(name), "POST", TENANTS, tenantBase().with("displayName", quote(name)),
          "displayName");
    }
    for (String junk : List.of("[]", "{\"a\": 1}", "[\"x\"]", "42", "true")) {
      bad("POST tenants: displayName " + junk, "POST", TENANTS, tenantBase().with("displayName", junk), "displayName");
    }
    BAD_QUOTAS.forEach((field, values) -> values.forEach(value -> bad("POST tenants: quotas." + field + " " + value,
        "POST", TENANTS, tenantBase().with("quotas", quotasBase().with(field, value).toString()), "quotas." + field)));
    for (String junk : List.of("\"unlimited\"", "[]", "5", "true", "[{\"maxDocuments\": 1}]")) {
      bad("POST tenants: quotas " + junk, "POST", TENANTS, tenantBase().with("quotas", junk), "quotas");
    }
    String deep = "[".repeat(5000) + "]".repeat(5000);
    refused("POST tenants: quotas nested 5000 deep", "POST", TENANTS, tenantBase().with("quotas", deep).toString());
    refused("POST tenants: displayName of 300000 characters (over the body limit)", "POST", TENANTS,
        tenantBase().with("displayName", quote(BIG)).toString());
    for (String body : List.of("", "null", "[]", "\"hv-x\"", "42", "{", "{\"id\": ", "{\"id\": \"hv-x\",}", "{} {}")) {
      refused("POST tenants: body " + label(body), "POST", TENANTS, body);
    }
    refusedTyped("POST tenants: as text/plain", "POST", TENANTS, "text/plain", tenantBase().toString());
    refusedTyped("POST tenants: without a Content-Type", "POST", TENANTS, null, tenantBase().toString());
  }

  private void updateQuotas() {
    String path = TENANTS + "/" + world.victim() + "/quotas";
    BAD_QUOTAS.forEach((field, values) -> values.forEach(value -> bad("PUT victim quotas: " + field + " " + value,
        "PUT", path, quotasBase().with(field, value), field)));
    for (String body : List.of("[]", "\"unlimited\"", "5", "{", "[{}]")) {
      refused("PUT victim quotas: body " + label(body), "PUT", path, body);
    }
    for (String id : List.of("UPPER", "%2e%2e", "a_b", "a".repeat(33), "hv%00", world.victim() + "%2F..")) {
      refused("PUT quotas of tenant " + label(id), "PUT", TENANTS + "/" + id + "/quotas", quotasBase().toString());
    }
    notFound("PUT quotas of a tenant that does not exist", "PUT", TENANTS + "/hv-none-" + fresh.incrementAndGet()
        + "/quotas", quotasBase().toString());
  }

  private void createKey() {
    String path = TENANTS + "/" + world.victim() + "/keys";
    for (String scope : List.of("", " ", "ADMIN", "Read", " read", "read ", "root", "owner", "read,write", "*", "null")) {
      bad("POST victim keys: scope " + label(scope), "POST", path, keyBase().with("scope", quote(scope)), "scope");
    }
    for (String junk : List.of("1", "true", "[\"read\"]", "{\"scope\": \"read\"}", "null")) {
      bad("POST victim keys: scope " + junk, "POST", path, keyBase().with("scope", junk), "scope");
    }
    bad("POST victim keys: without scope", "POST", path, keyBase().with("scope", null), "scope");
    for (String name : List.of("n".repeat(201), "n".repeat(100_000))) {
      bad("POST victim keys: name " + label(name), "POST", path, keyBase().with("name", quote(name)), "name");
    }
    for (String junk : List.of("[]", "{\"a\": 1}", "123", "false")) {
      bad("POST victim keys: name " + junk, "POST", path, keyBase().with("name", junk), "name");
    }
    for (String at : List.of("2000-01-01T00:00:00Z", "1970-01-01T00:00:00Z", "yesterday", "now", "2030-13-01T00:00:00Z",
        "2030-02-30T00:00:00Z", "2030-01-01", "2030-01-01T00:00:00", "2030-01-01T00:00:00+25:00", "+1000000000-12-31T23:59:59.999999999Z",
        "+999999999-12-31T23:59:59Z", "-1000000000-01-01T00:00:00Z", "10000-01-01T00:00:00Z", "2030-01-01T00:00:00Z\u0000")) {
      bad("POST victim keys: expiresAt " + label(at), "POST", path, keyBase().with("expiresAt", quote(at)), "expiresAt");
    }
    for (String junk : List.of("1893456000", "[\"2030-01-01T00:00:00Z\"]", "{\"seconds\": 1}", "true")) {
      bad("POST victim keys: expiresAt " + junk, "POST", path, keyBase().with("expiresAt", junk), "expiresAt");
    }
    for (String body : List.of("", "null", "[]", "\"read\"", "{")) {
      refused("POST victim keys: body " + label(body), "POST", path, body);
    }
    for (String id : List.of("UPPER", "%2e%2e", "a".repeat(33), world.victim() + "%2F..", "%2e%2e%2Fdefault")) {
      refused("POST keys of tenant " + label(id), "POST", TENANTS + "/" + id + "/keys", keyBase().toString());
    }
    notFound("POST keys of a tenant that does not exist", "POST", TENANTS + "/hv-none-" + fresh.incrementAndGet()
        + "/keys", keyBase().toString());
  }

  private void revokeKey() {
    String keys = TENANTS + "/" + world.victim() + "/keys/";
    for (String id : List.of("..", "%2e%2e", ".", "ABCDEF0123456789", "0123456789abcde", "0123456789abcdef0",
        "zzzzzzzzzzzzzzzz", "%00", world.victimKeyId() + "%00", world.victimKeyId() + "%20", "%20" + world.victimKeyId(),
        world.victimKeyId().toUpperCase(), "x".repeat(300), "aug_" + world.victimKeyId() + "_" + "A".repeat(43))) {
      refused("DELETE victim key " + label(id), "DELETE", keys + id, null);
    }
    // Ids that are well formed but not the victim's: another tenant's, the operator's own.
    notFound("DELETE the other tenant's key through the victim", "DELETE", keys + world.otherKeyId(), null);
    notFound("DELETE the operator's key through the victim", "DELETE", keys + world.operatorKeyId(), null);
    notFound("DELETE a key id nobody has", "DELETE", keys + "ffffffffffffffff", null);
    for (String path : List.of(keys + ".." + "/" + ".." + "/" + world.other() + "/keys/" + world.otherKeyId(),
        keys + "%2e%2e%2F%2e%2e%2F" + world.other() + "%2Fkeys%2F" + world.otherKeyId(),
        TENANTS + "/%2e%2e/keys/" + world.victimKeyId(), TENANTS + "/" + world.victim() + "%2Fkeys/" + world.victimKeyId(),
        TENANTS + "/UPPER/keys/" + world.victimKeyId(), TENANTS + "/" + world.other() + "/keys/" + world.victimKeyId())) {
      refused("DELETE " + path.substring(TENANTS.length()), "DELETE", path, null);
    }
  }

  private void audit() {
    for (String after : List.of("-1", "abc", "1.5", "9223372036854775808", "0x10", "1e3", "%00")) {
      bad("GET audit: after " + label(after), "GET", "/api/v1/admin/audit?after=" + after, null, "after");
    }
    for (String limit : List.of("0", "-1", "1001", "abc", "1e3", "99999999999", "2.5")) {
      bad("GET audit: limit " + label(limit), "GET", "/api/v1/admin/audit?limit=" + limit, null, "limit");
    }
    for (String tenant : List.of("UPPER", "..%2Fdefault", "a".repeat(33), "a%00b", "a%20b", "-x", "%2e%2e")) {
      bad("GET audit: tenant " + label(tenant), "GET", "/api/v1/admin/audit?tenant=" + tenant, null, "tenant");
    }
  }

  /** Tenant ids in the path that are, or decode to, dot segments, slashes, NUL; deletes aim at the victim. */
  private void paths() {
    for (String id : List.of("..", ".", "%2e%2e", "%2E%2E", ".%2E", "%2e", world.victim() + "%2F..", world.victim() + "%00",
        "%2e%2e%2F" + world.victim(), "UPPER", "x".repeat(300), world.victim().toUpperCase(), world.victim() + "%20",
        "default%2F..%2F" + world.victim())) {
      refused("GET tenant " + label(id), "GET", TENANTS + "/" + id, null);
      refused("DELETE tenant " + label(id), "DELETE", TENANTS + "/" + id, null);
      refused("GET keys of tenant " + label(id), "GET", TENANTS + "/" + id + "/keys", null);
    }
    bad("DELETE the operator's tenant", "DELETE", TENANTS + "/default", null, "id");
    notFound("DELETE a tenant that does not exist", "DELETE", TENANTS + "/hv-none-" + fresh.incrementAndGet(), null);
  }

  /** Exactly 400 naming {@code field} (null: 4xx, e.g. 409 for an existing id). */
  private void bad(String name, String method, String path, Object body, String field) {
    cases.add(new HostileCase("REST " + name, () -> {
      Http.Reply reply = send(method, path, "application/json", body == null ? null : body.toString());
      if (field == null) {
        Expect.problem(reply, null);
      } else {
        Expect.badRequest(reply, field);
      }
    }));
  }

  /** A 4xx problem; which one depends on where the edge stops it. */
  private void refused(String name, String method, String path, String body) {
    refusedTyped(name, method, path, "application/json", body);
  }

  private void refusedTyped(String name, String method, String path, String type, String body) {
    cases.add(new HostileCase("REST " + name, () -> Expect.problem(send(method, path, type, body), null)));
  }

  private void notFound(String name, String method, String path, String body) {
    cases.add(new HostileCase("REST " + name, () -> {
      Http.Reply reply = send(method, path, "application/json", body);
      assertThat(reply.status()).as("expected 404, got %s", reply.summary()).isEqualTo(404);
      Expect.problem(reply, null);
    }));
  }

  private Http.Reply send(String method, String path, String type, String body) {
    return operator.send(method, path, body == null ? null : type,
        body == null ? null : body.getBytes(StandardCharsets.UTF_8), Map.of());
  }

  static String label(String value) {
    if (value.isEmpty()) {
      return "empty";
    }
    if (value.length() > 40) {
      return "of " + value.length() + " characters";
    }
    StringBuilder out = new StringBuilder("'");
    for (char c : value.toCharArray()) {
      out.append(c < 0x20 || c == 0x200b ? String.format("\\u%04x", (int) c) : String.valueOf(c));
    }
    return out.append("'").toString();
  }
}
