package io.augment.application.tenant;

import io.augment.domain.tenant.TenantId;

/** Finds a tenant's {@link Workspace}, built on first use and kept until the tenant is deleted. */
public interface Workspaces {

  /** @throws io.augment.domain.model.NotFoundException when the tenant does not exist */
  Workspace of(TenantId tenant);
}
