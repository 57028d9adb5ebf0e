package io.augment.adapter.in;

import io.augment.application.tenant.Principal;
import jakarta.enterprise.context.RequestScoped;

/** The principal of the current REST or {@code /v1} request, set by {@link AccessFilter}. */
@RequestScoped
public class RestCaller {
  private Principal principal;

  void set(Principal principal) {
    this.principal = principal;
  }

  Principal get() {
    return principal;
  }
}
