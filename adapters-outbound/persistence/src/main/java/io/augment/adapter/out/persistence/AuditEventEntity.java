package io.augment.adapter.out.persistence;

import io.augment.domain.tenant.AuditEntry;
import io.augment.domain.tenant.TenantId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Row of {@code audit_event}; the database assigns the sequence. */
@Entity
@Table(name = "audit_event")
class AuditEventEntity {
  static final int MAX_KEY_PREFIX = 200;
  static final int MAX_PROTOCOL = 64;
  static final int MAX_ACTION = 200;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long sequence;

  @Column(nullable = false)
  Instant at;

  @Column(nullable = false, length = 32)
  String tenant;

  @Column(name = "key_prefix", nullable = false, length = MAX_KEY_PREFIX)
  String keyPrefix;

  @Column(nullable = false, length = MAX_PROTOCOL)
  String protocol;

  @Column(nullable = false, length = MAX_ACTION)
  String action;

  @Column(nullable = false, length = AuditEntry.MAX_RESOURCE)
  String resource;

  @Column(nullable = false)
  int outcome;

  static AuditEventEntity from(AuditEntry entry) {
    AuditEventEntity entity = new AuditEventEntity();
    entity.at = entry.at();
    entity.tenant = entry.tenant().value();
    entity.keyPrefix = cut(entry.keyPrefix(), MAX_KEY_PREFIX);
    entity.protocol = cut(entry.protocol(), MAX_PROTOCOL);
    entity.action = cut(entry.action(), MAX_ACTION);
    entity.resource = entry.resource();
    entity.outcome = entry.outcome();
    return entity;
  }

  AuditEntry toDomain() {
    return new AuditEntry(sequence, at, new TenantId(tenant), keyPrefix, protocol, action, resource, outcome);
  }

  private static String cut(String value, int max) {
    return value.length() > max ? value.substring(0, max) : value;
  }
}
