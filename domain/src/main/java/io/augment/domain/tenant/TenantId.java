package io.augment.domain.tenant;

import io.augment.domain.model.InvalidInputException;
import java.util.regex.Pattern;

/**
 * A tenant's id: 1 to 32 of {@code a-z 0-9 -}, starting and ending with a letter or digit. It is
 * used verbatim in storage names (database schema {@code tenant_<id>} with '-' as '_', folder
 * {@code tenants/<id>}), so the pattern is the whole of its validation.
 */
public record TenantId(String value) {
  public static final Pattern PATTERN = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?");
  /** The operator's tenant: the single implicit tenant with authentication off, and where existing data lives. */
  public static final TenantId DEFAULT = new TenantId("default");

  public TenantId {
    if (value == null || !PATTERN.matcher(value).matches()) {
      throw new InvalidInputException("tenant", "must be 1 to 32 of a-z, 0-9 and '-', starting and ending with a "
          + "letter or digit");
    }
  }

  /** Parses a request value, naming {@code field} when it is invalid. */
  public static TenantId parse(String field, String raw) {
    if (raw == null || raw.isBlank()) {
      throw new InvalidInputException(field, "is required");
    }
    try {
      return new TenantId(raw);
    } catch (InvalidInputException e) {
      throw e.withField(field);
    }
  }

  public boolean isDefault() {
    return DEFAULT.equals(this);
  }

  @Override
  public String toString() {
    return value;
  }
}
