package io.augment.domain.tenant;

import io.augment.domain.model.InvalidInputException;
import java.util.Locale;

/**
 * What an API key may do. Each scope includes the ones before it: {@code read} lists, gets, searches,
 * queries and chats; {@code write} also ingests, deletes, trains and evaluates; {@code admin} also
 * manages keys (and, on the operator's tenant {@link TenantId#DEFAULT}, tenants and the audit log).
 */
public enum Scope {
  READ, WRITE, ADMIN;

  public boolean allows(Scope needed) {
    return ordinal() >= needed.ordinal();
  }

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Scope parse(String field, String raw) {
    if (raw == null || raw.isBlank()) {
      throw new InvalidInputException(field, "is required: read, write or admin");
    }
    return switch (raw) {
      case "read" -> READ;
      case "write" -> WRITE;
      case "admin" -> ADMIN;
      default -> throw new InvalidInputException(field, "must be read, write or admin");
    };
  }
}
