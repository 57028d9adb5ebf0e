package io.augment.bootstrap;

import io.augment.domain.tenant.TenantId;
import java.nio.file.Path;

/** Where a tenant other than the operator's keeps files: {@code <data-dir>/tenants/<id>}. */
final class TenantFolders {
  private TenantFolders() {}

  static Path of(AugmentConfig config, TenantId tenant) {
    if (tenant.isDefault()) {
      throw new IllegalArgumentException("the operator's tenant keeps the deployment's original folders");
    }
    return config.dataDir().resolve("tenants").resolve(tenant.value()); // TenantId's pattern keeps it one segment
  }

  /** The Qdrant collection prefix of a tenant; its '.' cannot occur in a knowledge-base name, so prefixes never overlap. */
  static String qdrantPrefix(String base, TenantId tenant) {
    return tenant.isDefault() ? base : base + tenant.value() + ".";
  }
}
