package io.augment.adapter.out.djl.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The safetensors format: an 8-byte little-endian header length, a JSON header naming each
 * tensor's dtype, shape and byte range, then the raw little-endian data. Reads F32, F16 and BF16
 * (widened to F32); writes F32.
 */
public final class SafeTensors {
  private static final String METADATA = "__metadata__";

  private SafeTensors() {}

  /** A file's tensors, in header order, and its free-form string metadata. */
  public record Contents(Map<String, Tensor> tensors, Map<String, String> metadata) {}

  public static Contents read(Path file) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer lengthBytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
      long headerLength = channel.read(lengthBytes, 0) == 8 ? lengthBytes.flip().getLong() : -1;
      if (headerLength <= 0 || headerLength > channel.size() - 8) {
        throw new IllegalArgumentException(file + " is not a safetensors file");
      }
      ByteBuffer headerBytes = ByteBuffer.allocate((int) headerLength);
      channel.read(headerBytes, 8);
      JsonNode header = Json.MAPPER.readTree(new String(headerBytes.array(), StandardCharsets.UTF_8));
      long dataStart = 8 + headerLength;
      ByteBuffer data = channel.map(FileChannel.MapMode.READ_ONLY, dataStart, channel.size() - dataStart)
          .order(ByteOrder.LITTLE_ENDIAN);
      Map<String, Tensor> tensors = new LinkedHashMap<>();
      Map<String, String> metadata = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = header.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        if (entry.getKey().equals(METADATA)) {
          entry.getValue().fields().forEachRemaining(m -> metadata.put(m.getKey(), m.getValue().asText()));
        } else {
          tensors.put(entry.getKey(), tensor(entry.getKey(), entry.getValue(), data));
        }
      }
      return new Contents(tensors, metadata);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static Tensor tensor(String name, JsonNode spec, ByteBuffer data) {
    JsonNode shapeNode = spec.get("shape");
    long[] shape = new long[shapeNode.size()];
    for (int i = 0; i < shape.length; i++) {
      shape[i] = shapeNode.get(i).asLong();
    }
    int begin = spec.get("data_offsets").get(0).asInt();
    int end = spec.get("data_offsets").get(1).asInt();
    ByteBuffer bytes = data.duplicate().position(begin).limit(end).slice().order(ByteOrder.LITTLE_ENDIAN);
    String dtype = spec.get("dtype").asText();
    return switch (dtype) {
      case "F32" -> new Tensor(shape, bytes);
      case "F16", "BF16" -> new Tensor(shape, widen(bytes, dtype.equals("BF16")));
      default -> throw new IllegalArgumentException("tensor " + name + ": unsupported dtype " + dtype);
    };
  }

  private static ByteBuffer widen(ByteBuffer halves, boolean bfloat) {
    int count = halves.remaining() / 2;
    ByteBuffer out = ByteBuffer.allocate(count * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < count; i++) {
      short bits = halves.getShort(i * 2);
      out.putFloat(i * 4, bfloat ? Float.intBitsToFloat((bits & 0xffff) << 16) : HalfFloat.toFloat(bits));
    }
    return out;
  }

  public static void write(Path file, Map<String, Tensor> tensors, Map<String, String> metadata) {
    ObjectNode header = Json.MAPPER.createObjectNode();
    if (!metadata.isEmpty()) {
      ObjectNode meta = header.putObject(METADATA);
      metadata.forEach(meta::put);
    }
    long offset = 0;
    for (Map.Entry<String, Tensor> entry : tensors.entrySet()) {
      ObjectNode spec = header.putObject(entry.getKey());
      spec.put("dtype", "F32");
      var shape = spec.putArray("shape");
      for (long dimension : entry.getValue().shape()) {
        shape.add(dimension);
      }
      spec.putArray("data_offsets").add(offset).add(offset + entry.getValue().bytes());
      offset += entry.getValue().bytes();
    }
    byte[] json = header.toString().getBytes(StandardCharsets.UTF_8);
    int padded = (json.length + 7) / 8 * 8;
    ByteBuffer head = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
    head.putLong(padded).put(json);
    while (head.hasRemaining()) {
      head.put((byte) ' ');
    }
    // Written beside and moved over, so a reader (or a mapping of the old file) never sees half a file.
    Path partial = file.resolveSibling(file.getFileName() + ".partial");
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING)) {
        writeFully(channel, head.flip());
        for (Tensor tensor : tensors.values()) {
          writeFully(channel, tensor.data().duplicate());
        }
      }
      Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static void writeFully(FileChannel channel, ByteBuffer buffer) throws IOException {
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
  }
}
