package io.augment.domain.tenant;

import java.time.Instant;
import java.util.Objects;

/**
 * One audited action: who ({@link #keyPrefix()}, or {@code implicit} with authentication off, of
 * {@link #tenant()}) did {@link #action()} (e.g. {@code DELETE}, {@code tenant.create}) to
 * {@link #resource()} (a path or gRPC method) over {@link #protocol()}, with the {@link #outcome()}
 * status it got. {@link #sequence()} is assigned by the log, 0 before.
 */
public record AuditEntry(
    long sequence, Instant at, TenantId tenant, String keyPrefix, String protocol, String action, String resource,
    int outcome) {
  public static final int MAX_RESOURCE = 2000;

  public AuditEntry {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(tenant, "tenant");
    keyPrefix = keyPrefix == null ? "" : keyPrefix;
    protocol = protocol == null ? "" : protocol;
    action = action == null ? "" : action;
    resource = resource == null ? "" : resource.length() > MAX_RESOURCE ? resource.substring(0, MAX_RESOURCE) : resource;
  }

  public AuditEntry withSequence(long sequence) {
    return new AuditEntry(sequence, at, tenant, keyPrefix, protocol, action, resource, outcome);
  }
}
