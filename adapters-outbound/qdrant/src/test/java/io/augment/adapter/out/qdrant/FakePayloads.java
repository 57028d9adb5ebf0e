package io.augment.adapter.out.qdrant;

import io.grpc.Status;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.WithPayloadSelector;
import java.util.HashMap;
import java.util.Map;

/** Which payload a search or scroll returns: none unless asked for, all, or only / all but some keys. */
final class FakePayloads {

  private FakePayloads() {}

  static Map<String, Value> selected(WithPayloadSelector selector, Map<String, Value> payload) {
    Map<String, Value> out = new HashMap<>();
    switch (selector.getSelectorOptionsCase()) {
      case ENABLE -> {
        if (selector.getEnable()) {
          out.putAll(payload);
        }
      }
      case INCLUDE -> selector.getInclude().getFieldsList().forEach(key -> {
        if (payload.containsKey(plain(key))) {
          out.put(key, payload.get(key));
        }
      });
      case EXCLUDE -> {
        out.putAll(payload);
        selector.getExclude().getFieldsList().forEach(key -> out.remove(plain(key)));
      }
      default -> { } // unset: the adapter always says what it wants, so the fake gives nothing
    }
    return out;
  }

  private static String plain(String key) {
    if (key.contains(".") || key.contains("[")) {
      throw FakeQdrantStore.error(Status.UNIMPLEMENTED, "FakeQdrantServer does not select nested payload keys");
    }
    return key;
  }
}
