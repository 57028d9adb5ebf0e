package io.augment.application.tenant;

import io.augment.domain.tenant.ApiKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * API key text: {@code aug_<16 hex id>_<43 base64url characters>} (256 random bits). Only the SHA-256
 * of the whole text is stored; the random part is long enough that a fast hash is safe.
 */
public final class KeyMaterial {
  /** The longest text {@link #idOf} looks at; anything longer is not a key. */
  public static final int MAX_LENGTH = 128;
  private static final Pattern KEY = Pattern.compile("aug_([0-9a-f]{16})_([A-Za-z0-9_-]{43})");
  private static final SecureRandom RANDOM = new SecureRandom();

  private KeyMaterial() {}

  /** A new key's text; its id is {@link #idOf}. */
  public static String generate() {
    byte[] id = new byte[8];
    byte[] secret = new byte[32];
    RANDOM.nextBytes(id);
    RANDOM.nextBytes(secret);
    return "aug_" + HexFormat.of().formatHex(id) + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
  }

  /** The key id of a well-formed key text, else empty. */
  public static Optional<String> idOf(String presented) {
    if (presented == null || presented.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    Matcher m = KEY.matcher(presented);
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** Hex SHA-256 of the key text. */
  public static String hash(String key) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether {@code presented} is the key {@code stored} was made from, in time independent of where they differ. */
  public static boolean matches(String presented, ApiKey stored) {
    return MessageDigest.isEqual(hash(presented).getBytes(StandardCharsets.US_ASCII),
        stored.hash().getBytes(StandardCharsets.US_ASCII));
  }
}
