package io.augment.adapter.out.qdrant;

import io.qdrant.client.PointIdFactory;
import io.qdrant.client.grpc.Common.PointId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Qdrant point ids (which must be UUIDs or unsigned integers) derived from chunk ids: a name-based
 * UUID version 5 (SHA-1, RFC 9562) of the chunk id's UTF-8 bytes followed by the write's generation
 * as 8 big-endian bytes, in Augment's own namespace. The same chunk written by the same
 * replacement always gets the same id, so a retried upsert overwrites instead of duplicating; the
 * generation is part of the name because a replacement writes the new version beside the old one.
 */
final class PointIds {

  /** The namespace of Augment's chunk point ids (a fixed random UUID). */
  static final UUID NAMESPACE = UUID.fromString("6f1c2b1e-3d4a-4f7b-9a51-2c8e0d7b6a93");

  private PointIds() {}

  static PointId of(String chunkId, long generation) {
    return PointIdFactory.id(uuid(chunkId, generation));
  }

  static UUID uuid(String chunkId, long generation) {
    byte[] name = chunkId.getBytes(StandardCharsets.UTF_8);
    ByteBuffer input = ByteBuffer.allocate(16 + name.length + 8);
    input.putLong(NAMESPACE.getMostSignificantBits()).putLong(NAMESPACE.getLeastSignificantBits());
    input.put(name).putLong(generation);
    ByteBuffer hash = ByteBuffer.wrap(sha1(input.array()));
    long high = (hash.getLong() & ~0xF000L) | 0x5000L; // version 5
    long low = (hash.getLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // RFC variant
    return new UUID(high, low);
  }

  private static byte[] sha1(byte[] input) {
    try {
      return MessageDigest.getInstance("SHA-1").digest(input);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-1", e);
    }
  }
}
