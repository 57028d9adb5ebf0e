package io.augment.adapter.out.djl.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeTensorsTest {
  @TempDir
  Path dir;

  @Test
  void writesTensorsAndMetadataThatReadBackUnchanged() throws IOException {
    Map<String, Tensor> tensors = new LinkedHashMap<>();
    tensors.put("a.weight", Tensor.of(new long[] {2, 3}, new float[] {1, 2, 3, 4, 5, -6.5f}));
    tensors.put("b.bias", Tensor.of(new long[] {1}, new float[] {0.25f}));
    Path file = dir.resolve("t.safetensors");

    SafeTensors.write(file, tensors, Map.of("format", "pt"));
    SafeTensors.Contents read = SafeTensors.read(file);

    assertThat(read.metadata()).containsEntry("format", "pt");
    assertThat(read.tensors()).containsOnlyKeys("a.weight", "b.bias");
    assertThat(read.tensors().get("a.weight").shape()).containsExactly(2, 3);
    assertThat(read.tensors().get("a.weight").values()).containsExactly(1, 2, 3, 4, 5, -6.5f);
    assertThat(read.tensors().get("b.bias").values()).containsExactly(0.25f);
    long headerLength = ByteBuffer.wrap(Files.readAllBytes(file), 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    assertThat(headerLength % 8).as("header padded to 8 bytes").isZero();
    assertThat(Files.size(file)).isEqualTo(8 + headerLength + 7 * 4);
  }

  @Test
  void widensHalfAndBfloat16TensorsToFloat() throws IOException {
    String header = "{\"h\":{\"dtype\":\"F16\",\"shape\":[3],\"data_offsets\":[0,6]},"
        + "\"b\":{\"dtype\":\"BF16\",\"shape\":[2],\"data_offsets\":[6,10]}}";
    byte[] json = header.getBytes(StandardCharsets.UTF_8);
    ByteBuffer file = ByteBuffer.allocate(8 + json.length + 10).order(ByteOrder.LITTLE_ENDIAN);
    file.putLong(json.length).put(json);
    file.putShort((short) 0x3C00).putShort((short) 0xC100).putShort((short) 0x3555); // 1, -2.5, ~0.333
    file.putShort((short) 0x3FC0).putShort((short) 0xC020); // 1.5, -2.5
    Path path = dir.resolve("half.safetensors");
    Files.write(path, file.array());

    Map<String, Tensor> tensors = SafeTensors.read(path).tensors();

    assertThat(tensors.get("h").values()).containsExactly(1f, -2.5f, 0.33325195f);
    assertThat(tensors.get("b").values()).containsExactly(1.5f, -2.5f);
  }

  @Test
  void rejectsAFileThatIsNotSafetensors() throws IOException {
    Path path = dir.resolve("junk.safetensors");
    Files.write(path, new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 1, 2, 3, 4, 5});

    assertThatThrownBy(() -> SafeTensors.read(path)).isInstanceOf(IllegalArgumentException.class);
  }
}
