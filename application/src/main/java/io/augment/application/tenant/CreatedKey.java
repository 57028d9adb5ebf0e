package io.augment.application.tenant;

import io.augment.domain.tenant.ApiKey;

/** A new key's record and its text, which is shown this once and never stored. */
public record CreatedKey(ApiKey key, String secret) {}
