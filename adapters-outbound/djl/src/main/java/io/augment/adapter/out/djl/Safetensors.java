package io.augment.adapter.out.djl;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The safetensors format: 8-byte little-endian header length, a JSON header mapping each name to
 * dtype, shape and data_offsets, then the raw little-endian data. Writes F32; reads F32, F16, BF16.
 */
public final class Safetensors {
  private Safetensors() {}

  /** A dense float tensor, row-major. */
  public record Tensor(long[] shape, float[] data) {}

  public static long write(Path file, Map<String, Tensor> tensors) {
    JsonObject header = new JsonObject();
    long offset = 0;
    for (var e : tensors.entrySet()) {
      JsonObject t = new JsonObject();
      t.addProperty("dtype", "F32");
      JsonArray shape = new JsonArray();
      for (long s : e.getValue().shape()) {
        shape.add(s);
      }
      t.add("shape", shape);
      long bytes = 4L * e.getValue().data().length;
      JsonArray offsets = new JsonArray();
      offsets.add(offset);
      offsets.add(offset + bytes);
      t.add("data_offsets", offsets);
      header.add(e.getKey(), t);
      offset += bytes;
    }
    byte[] json = header.toString().getBytes(StandardCharsets.UTF_8);
    int padded = (json.length + 7) / 8 * 8;
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      try (OutputStream out = Files.newOutputStream(file)) {
        ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(padded);
        out.write(len.array());
        out.write(json);
        out.write(" ".repeat(padded - json.length).getBytes(StandardCharsets.UTF_8));
        for (Tensor t : tensors.values()) {
          ByteBuffer buf = ByteBuffer.allocate(4 * t.data().length).order(ByteOrder.LITTLE_ENDIAN);
          buf.asFloatBuffer().put(t.data());
          out.write(buf.array());
        }
      }
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Map<String, Tensor> read(Path file) {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
      ch.read(len, 0);
      int headerLength = (int) len.flip().getLong();
      ByteBuffer headerBytes = ByteBuffer.allocate(headerLength);
      ch.read(headerBytes, 8);
      JsonObject header = JsonParser.parseString(
          new String(headerBytes.array(), StandardCharsets.UTF_8).trim()).getAsJsonObject();
      long base = 8L + headerLength;
      Map<String, Tensor> out = new LinkedHashMap<>();
      for (var e : header.entrySet()) {
        if (e.getKey().equals("__metadata__")) {
          continue;
        }
        JsonObject t = e.getValue().getAsJsonObject();
        JsonArray shapeJson = t.getAsJsonArray("shape");
        long[] shape = new long[shapeJson.size()];
        for (int i = 0; i < shape.length; i++) {
          shape[i] = shapeJson.get(i).getAsLong();
        }
        JsonArray off = t.getAsJsonArray("data_offsets");
        long start = off.get(0).getAsLong();
        int bytes = (int) (off.get(1).getAsLong() - start);
        ByteBuffer data = ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
        ch.read(data, base + start);
        data.flip();
        out.put(e.getKey(), new Tensor(shape, decode(t.get("dtype"), data)));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static float[] decode(JsonElement dtype, ByteBuffer data) {
    switch (dtype.getAsString()) {
      case "F32": {
        float[] f = new float[data.remaining() / 4];
        data.asFloatBuffer().get(f);
        return f;
      }
      case "F16": {
        float[] f = new float[data.remaining() / 2];
        for (int i = 0; i < f.length; i++) {
          f[i] = halfToFloat(data.getShort());
        }
        return f;
      }
      case "BF16": {
        float[] f = new float[data.remaining() / 2];
        for (int i = 0; i < f.length; i++) {
          f[i] = Float.intBitsToFloat((data.getShort() & 0xffff) << 16);
        }
        return f;
      }
      default:
        throw new IllegalArgumentException("Unsupported safetensors dtype " + dtype);
    }
  }

  private static float halfToFloat(short h) {
    int sign = (h >> 15) & 1;
    int exp = (h >> 10) & 0x1f;
    int mant = h & 0x3ff;
    float v = exp == 0 ? mant * 0x1p-24f
        : exp == 31 ? (mant == 0 ? Float.POSITIVE_INFINITY : Float.NaN)
        : Float.intBitsToFloat(((exp + 112) << 23) | (mant << 13));
    return sign == 1 ? -v : v;
  }
}
