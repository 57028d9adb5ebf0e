package io.augment.adapter.out.djl;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Byte-level BPE: ids 0-255 are bytes, then one id per learned merge, then end-of-text. Any text
 * encodes (no unknown token); merges are learned greedily from pair counts of a corpus.
 */
public final class ByteBpeTokenizer {
  private final List<int[]> merges;
  private final Map<Long, Integer> rank = new HashMap<>();
  private final byte[][] bytesOf;

  public ByteBpeTokenizer(List<int[]> merges) {
    this.merges = List.copyOf(merges);
    bytesOf = new byte[256 + merges.size() + 1][];
    for (int i = 0; i < 256; i++) {
      bytesOf[i] = new byte[] {(byte) i};
    }
    for (int m = 0; m < merges.size(); m++) {
      int[] p = merges.get(m);
      rank.put(key(p[0], p[1]), m);
      byte[] a = bytesOf[p[0]];
      byte[] b = bytesOf[p[1]];
      byte[] c = new byte[a.length + b.length];
      System.arraycopy(a, 0, c, 0, a.length);
      System.arraycopy(b, 0, c, a.length, b.length);
      bytesOf[256 + m] = c;
    }
    bytesOf[eos()] = new byte[0];
  }

  /** Learns merges until the vocabulary (bytes + merges + end-of-text) reaches {@code vocabSize}. */
  public static ByteBpeTokenizer train(List<String> texts, int vocabSize) {
    List<int[]> seqs = new ArrayList<>();
    for (String t : texts) {
      seqs.add(bytes(t));
    }
    List<int[]> merges = new ArrayList<>();
    while (256 + merges.size() + 1 < vocabSize) {
      Map<Long, Integer> counts = new HashMap<>();
      for (int[] s : seqs) {
        for (int i = 0; i + 1 < s.length; i++) {
          counts.merge(key(s[i], s[i + 1]), 1, Integer::sum);
        }
      }
      long k = -1;
      int bestCount = 1;
      for (var e : counts.entrySet()) {
        if (e.getValue() > bestCount || (e.getValue() == bestCount && k >= 0 && e.getKey() < k)) {
          bestCount = e.getValue();
          k = e.getKey();
        }
      }
      if (k < 0) {
        break;
      }
      long pair = k;
      int id = 256 + merges.size();
      merges.add(new int[] {(int) (pair >> 32), (int) pair});
      seqs.replaceAll(s -> apply(s, (int) (pair >> 32), (int) pair, id));
    }
    return new ByteBpeTokenizer(merges);
  }

  public int vocabSize() {
    return bytesOf.length;
  }

  public int eos() {
    return 256 + merges.size();
  }

  public int[] encode(String text) {
    int[] s = bytes(text);
    while (s.length > 1) {
      int bestRank = Integer.MAX_VALUE;
      int at = -1;
      for (int i = 0; i + 1 < s.length; i++) {
        Integer r = rank.get(key(s[i], s[i + 1]));
        if (r != null && r < bestRank) {
          bestRank = r;
          at = i;
        }
      }
      if (at < 0) {
        break;
      }
      int[] p = merges.get(bestRank);
      s = apply(s, p[0], p[1], 256 + bestRank);
    }
    return s;
  }

  /** Raw bytes of the tokens; callers decode UTF-8 once a whole sequence is known. */
  public byte[] bytes(int[] ids) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int id : ids) {
      out.writeBytes(bytesOf[id]);
    }
    return out.toByteArray();
  }

  public String decode(int[] ids) {
    return new String(bytes(ids), StandardCharsets.UTF_8);
  }

  public void save(Path file) {
    JsonObject o = new JsonObject();
    o.addProperty("type", "augment-byte-bpe");
    JsonArray m = new JsonArray();
    for (int[] p : merges) {
      JsonArray pair = new JsonArray();
      pair.add(p[0]);
      pair.add(p[1]);
      m.add(pair);
    }
    o.add("merges", m);
    Json.write(file, o);
  }

  public static ByteBpeTokenizer load(Path file) {
    List<int[]> merges = new ArrayList<>();
    for (var e : Json.read(file).getAsJsonArray("merges")) {
      JsonArray p = e.getAsJsonArray();
      merges.add(new int[] {p.get(0).getAsInt(), p.get(1).getAsInt()});
    }
    return new ByteBpeTokenizer(merges);
  }

  private static int[] bytes(String text) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    int[] s = new int[b.length];
    for (int i = 0; i < b.length; i++) {
      s[i] = b[i] & 0xff;
    }
    return s;
  }

  private static int[] apply(int[] s, int a, int b, int id) {
    int[] out = new int[s.length];
    int n = 0;
    for (int i = 0; i < s.length; i++) {
      if (i + 1 < s.length && s[i] == a && s[i + 1] == b) {
        out[n++] = id;
        i++;
      } else {
        out[n++] = s[i];
      }
    }
    return java.util.Arrays.copyOf(out, n);
  }

  private static long key(int a, int b) {
    return ((long) a << 32) | (b & 0xffffffffL);
  }
}
