package io.augment.adapter.out.qdrant;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.JsonWithInt.Value;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.regex.Pattern;

/**
 * The state of {@link FakeQdrantServer}: collections of points, and Qdrant's rules for names, ids and
 * vectors, with its error texts. Points change one at a time, as in Qdrant, where a request's points
 * are not applied atomically; a yield between them lets concurrent readers observe that.
 */
final class FakeQdrantStore {

  private static final String HYPHENATED = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
  /** Simple, hyphenated, braced and URN forms. */
  private static final Pattern UUID_FORMS =
      Pattern.compile("(?i)[0-9a-f]{32}|" + HYPHENATED + "|\\{" + HYPHENATED + "}|urn:uuid:" + HYPHENATED);
  private static final Set<Character> FORBIDDEN_IN_NAMES = Set.of('<', '>', ':', '"', '/', '\\', '|', '?', '*', '\0');

  record StoredPoint(PointId id, float[] vector, Map<String, Value> payload) {}

  static final class Collection {
    final int dimension;
    /** By a key that orders numeric ids before UUIDs, as scrolling needs a stable order. */
    final ConcurrentSkipListMap<String, StoredPoint> points = new ConcurrentSkipListMap<>();
    final Set<String> indexedFields = ConcurrentHashMap.newKeySet();

    Collection(int dimension) {
      this.dimension = dimension;
    }

    void put(StoredPoint point) {
      points.put(key(point.id()), point);
      Thread.yield();
    }

    void remove(String key) {
      points.remove(key);
      Thread.yield();
    }
  }

  private final ConcurrentMap<String, Collection> collections = new ConcurrentHashMap<>();

  Collection get(String name) {
    Collection collection = collections.get(name);
    if (collection == null) {
      throw error(Status.NOT_FOUND, "Not found: Collection `" + name + "` doesn't exist!");
    }
    return collection;
  }

  boolean exists(String name) {
    return collections.containsKey(name);
  }

  void create(String name, int dimension) {
    if (name.isEmpty() || name.length() > 255 || name.chars().anyMatch(c -> FORBIDDEN_IN_NAMES.contains((char) c))) {
      throw error(Status.INVALID_ARGUMENT, "Validation error in body: [collection_name: invalid collection name " + name + "]");
    }
    if (collections.putIfAbsent(name, new Collection(dimension)) != null) {
      throw error(Status.ALREADY_EXISTS, "Wrong input: Collection `" + name + "` already exists!");
    }
  }

  boolean delete(String name) {
    return collections.remove(name) != null;
  }

  Set<String> names() {
    return Set.copyOf(collections.keySet());
  }

  /** The id as Qdrant would store it: an unsigned number, or a UUID in any form Rust's uuid crate parses. */
  static String key(PointId id) {
    return switch (id.getPointIdOptionsCase()) {
      case NUM -> "0" + String.format("%20s", Long.toUnsignedString(id.getNum())).replace(' ', '0');
      case UUID -> "1" + canonicalUuid(id.getUuid());
      default -> throw error(Status.INVALID_ARGUMENT, "Unable to parse PointId: no id given");
    };
  }

  static String canonicalUuid(String uuid) {
    if (!UUID_FORMS.matcher(uuid).matches()) {
      throw error(Status.INVALID_ARGUMENT, "Unable to parse UUID: " + uuid);
    }
    String hex = uuid.toLowerCase(Locale.ROOT).replace("urn:uuid:", "").replaceAll("[^0-9a-f]", "");
    return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-" + hex.substring(16, 20)
        + "-" + hex.substring(20);
  }

  static float[] checkedVector(Collection collection, float[] vector) {
    if (vector.length != collection.dimension) {
      throw error(Status.INVALID_ARGUMENT,
          "Wrong input: Vector dimension error: expected dim: " + collection.dimension + ", got " + vector.length);
    }
    return vector;
  }

  /** Qdrant normalises vectors of cosine collections on write and on query; zero vectors stay as they are. */
  static float[] normalised(float[] vector) {
    double sum = 0;
    for (float x : vector) {
      sum += x * x;
    }
    float length = (float) Math.sqrt(sum);
    if (length < Math.ulp(1f)) {
      return vector.clone();
    }
    float[] out = new float[vector.length];
    for (int i = 0; i < vector.length; i++) {
      out[i] = vector[i] / length;
    }
    return out;
  }

  static StatusRuntimeException error(Status status, String message) {
    return status.withDescription(message).asRuntimeException();
  }
}
