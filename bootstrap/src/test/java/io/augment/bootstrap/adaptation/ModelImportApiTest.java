package io.augment.bootstrap.adaptation;

import org.junit.jupiter.api.Tag;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.augment.adapter.in.grpc.GrpcErrors;
import io.augment.adapter.in.grpc.v1.ExportModelRequest;
import io.augment.adapter.in.grpc.v1.FineTuningGrpc;
import io.augment.adapter.in.grpc.v1.ImportModelRequest;
import io.augment.adapter.out.djl.HuggingFaceFolders;
import io.augment.adapter.out.djl.TinyModels;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Models from outside: a HuggingFace GPT-2 folder put in the server's import folder (the default,
 * {@code <data-dir>/imports}) is imported over REST and gRPC, chats as {@code adapter:<name>} and
 * downloads as a zip; paths leading out of the import folder are refused and install nothing.
 */
@QuarkusTest
@Tag("shared-tiny-engine")
@TestProfile(FineTuneApiTest.TinyEngine.class)
class ModelImportApiTest {
  @TestHTTPResource("/")
  URL server;

  private static Path imports() throws Exception {
    Path dataDir = Path.of(ConfigProvider.getConfig().getValue("augment.data-dir", String.class));
    return Files.createDirectories(dataDir.resolve("imports")).toRealPath();
  }

  private static Path gpt2(Path dir) {
    HuggingFaceFolders.writeGpt2(dir, HuggingFaceFolders.gpt2Config(), TinyModels.tokenizer(), 11);
    return dir;
  }

  @Test
  void importsAGpt2FolderThatChatsAndExportsAsAHuggingFaceFolder() throws Exception {
    String name = "imported-" + System.nanoTime();
    gpt2(imports().resolve("downloads/" + name));

    given().contentType(ContentType.JSON).body(Map.of("name", name, "path", "downloads/" + name))
        .post("/api/v1/models/import").then().statusCode(201)
        .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/adapters/" + name))
        .body("name", equalTo(name)).body("method", equalTo("full")).body("model", equalTo("adapter:" + name))
        .body("baseModel", equalTo(name));
    given().get("/api/v1/adapters/" + name).then().statusCode(200).body("name", equalTo(name));

    given().contentType(ContentType.JSON)
        .body(Map.of("model", "adapter:" + name, "max_tokens", 4, "messages", List.of(Map.of("role", "user", "content", "the cat"))))
        .post("/v1/chat/completions").then().statusCode(200).body("model", equalTo("adapter:" + name))
        .body("choices[0].message.role", equalTo("assistant"));

    var export = given().get("/api/v1/adapters/" + name + "/export").then().statusCode(200)
        .contentType("application/zip")
        .header("Content-Disposition", equalTo("attachment; filename=\"" + name + ".zip\"")).extract();
    assertThat(entries(export.asByteArray())).containsExactlyInAnyOrder("model.safetensors", "config.json",
        "tokenizer.json", "augment.json");
    given().get("/api/v1/adapters/nothing-here/export").then().statusCode(404);

    given().contentType(ContentType.JSON).body(Map.of("name", name, "path", "downloads/" + name))
        .post("/api/v1/models/import").then().statusCode(409);
    given().delete("/api/v1/adapters/" + name).then().statusCode(204);
  }

  @Test
  void refusesPathsLeadingOutOfTheImportFolderNamingThePathAndInstallsNothing() throws Exception {
    Path outside = gpt2(Files.createTempDirectory("outside-imports").resolve("gpt2"));
    Path link = imports().resolve("link-" + System.nanoTime());
    Files.createSymbolicLink(link, outside);
    Path notGpt2 = Files.createDirectories(imports().resolve("empty-" + System.nanoTime()));

    for (String path : List.of("../engine", "downloads/../../" + outside.getFileName(), outside.toString(),
        link.getFileName().toString(), notGpt2.getFileName().toString(), "missing")) {
      given().contentType(ContentType.JSON).body(Map.of("name", "refused", "path", path))
          .post("/api/v1/models/import").then().statusCode(400).body("field", equalTo("path"));
    }
    given().contentType(ContentType.JSON).body(Map.of("name", "../refused", "path", notGpt2.getFileName().toString()))
        .post("/api/v1/models/import").then().statusCode(400).body("field", equalTo("name"));
    given().get("/api/v1/adapters").then().statusCode(200).body("name", not(hasItem("refused")));
    given().get("/api/v1/adapters/refused").then().statusCode(404);
  }

  @Test
  void grpcImportsAndExportsInChunksThatMakeTheSameArchive() throws Exception {
    String name = "grpc-imported-" + System.nanoTime();
    gpt2(imports().resolve(name));
    ManagedChannel channel = ManagedChannelBuilder.forAddress(server.getHost(), server.getPort()).usePlaintext().build();
    try {
      var fineTuning = FineTuningGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
      assertThat(fineTuning.importModel(ImportModelRequest.newBuilder().setName(name).setPath(name).build()).getModel())
          .isEqualTo("adapter:" + name);

      ByteArrayOutputStream archive = new ByteArrayOutputStream();
      List<Integer> sizes = new ArrayList<>();
      fineTuning.exportModel(ExportModelRequest.newBuilder().setName(name).build()).forEachRemaining(chunk -> {
        sizes.add(chunk.getData().size());
        archive.writeBytes(chunk.getData().toByteArray());
      });
      assertThat(sizes).isNotEmpty().allSatisfy(size -> assertThat(size).isBetween(1, 256 * 1024));
      assertThat(entries(archive.toByteArray())).contains("model.safetensors", "augment.json");
      assertThat(archive.toByteArray()).isEqualTo(given().get("/api/v1/adapters/" + name + "/export").asByteArray());

      StatusRuntimeException out = org.assertj.core.api.Assertions.catchThrowableOfType(StatusRuntimeException.class,
          () -> fineTuning.importModel(ImportModelRequest.newBuilder().setName("refused").setPath("../").build()));
      assertThat(out.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
      assertThat(out.getTrailers().get(GrpcErrors.FIELD)).isEqualTo("path");
      StatusRuntimeException unknown = org.assertj.core.api.Assertions.catchThrowableOfType(StatusRuntimeException.class,
          () -> fineTuning.exportModel(ExportModelRequest.newBuilder().setName("nothing-here").build()).hasNext());
      assertThat(unknown.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
    given().delete("/api/v1/adapters/" + name).then().statusCode(204);
  }

  private static List<String> entries(byte[] zip) throws Exception {
    List<String> names = new ArrayList<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        names.add(entry.getName());
      }
    }
    return names;
  }
}
