package io.augment.bootstrap.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the admin API stores, read back over it with the operator's key: each tenant (display name,
 * quotas, creation time) and each of its keys (name, scope, expiry, revocation). {@link #of} reads
 * only the tenants given (quick, per case); {@link #all} every tenant.
 */
record AdminState(Map<String, String> entries) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The tenant list and the keys of {@code tenants}. */
  static AdminState of(Http operator, Collection<String> tenants) {
    Map<String, String> entries = new TreeMap<>();
    for (JsonNode tenant : read(operator, "/api/v1/admin/tenants")) {
      entries.put("tenant " + tenant.path("id").asText(), tenant.toString());
    }
    for (String tenant : tenants) {
      for (JsonNode key : read(operator, "/api/v1/admin/tenants/" + tenant + "/keys")) {
        entries.put("key " + tenant + "/" + key.path("id").asText(), key.toString());
      }
    }
    return new AdminState(entries);
  }

  /** Every tenant and every key. */
  static AdminState all(Http operator) {
    List<String> ids = new ArrayList<>();
    read(operator, "/api/v1/admin/tenants").forEach(t -> ids.add(t.path("id").asText()));
    return of(operator, ids);
  }

  /** One line per tenant or key added, removed or changed since {@code before}. */
  List<String> differencesFrom(AdminState before) {
    TreeSet<String> names = new TreeSet<>(before.entries.keySet());
    names.addAll(entries.keySet());
    List<String> out = new ArrayList<>();
    for (String name : names) {
      String was = before.entries.get(name);
      String is = entries.get(name);
      if (was == null) {
        out.add("added " + name + ": " + is);
      } else if (is == null) {
        out.add("removed " + name + ": " + was);
      } else if (!was.equals(is)) {
        out.add("changed " + name + ": " + was + " -> " + is);
      }
    }
    return out;
  }

  private static JsonNode read(Http operator, String path) {
    Http.Reply reply = operator.get(path);
    assertThat(reply.status()).as("reading %s: %s", path, reply.summary()).isEqualTo(200);
    try {
      return JSON.readTree(reply.body());
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + reply.summary(), e);
    }
  }
}
