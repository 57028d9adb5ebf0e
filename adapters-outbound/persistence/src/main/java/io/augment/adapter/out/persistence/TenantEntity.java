package io.augment.adapter.out.persistence;

import io.augment.domain.tenant.Quotas;
import io.augment.domain.tenant.Tenant;
import io.augment.domain.tenant.TenantId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Row of {@code tenant}; a null quota column is unlimited. */
@Entity
@Table(name = "tenant")
class TenantEntity {

  @Id
  @Column(length = 32)
  String id;

  @Column(name = "display_name", nullable = false, length = 200)
  String displayName;

  @Column(name = "max_documents")
  Long maxDocuments;

  @Column(name = "max_concurrent_jobs")
  Integer maxConcurrentJobs;

  @Column(name = "requests_per_second")
  Double requestsPerSecond;

  @Column(name = "created_at", nullable = false)
  Instant createdAt;

  static TenantEntity from(Tenant tenant) {
    TenantEntity entity = new TenantEntity();
    entity.id = tenant.id().value();
    entity.displayName = tenant.displayName();
    entity.createdAt = tenant.createdAt();
    entity.quotas(tenant.quotas());
    return entity;
  }

  void quotas(Quotas quotas) {
    maxDocuments = quotas.maxDocuments();
    maxConcurrentJobs = quotas.maxConcurrentJobs();
    requestsPerSecond = quotas.requestsPerSecond();
  }

  Tenant toDomain() {
    return new Tenant(new TenantId(id), displayName, new Quotas(maxDocuments, maxConcurrentJobs, requestsPerSecond),
        createdAt);
  }
}
