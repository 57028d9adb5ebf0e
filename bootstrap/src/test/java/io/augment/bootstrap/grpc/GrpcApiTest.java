package io.augment.bootstrap.grpc;

import org.junit.jupiter.api.Tag;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.augment.adapter.in.grpc.v1.CreateKnowledgeBaseRequest;
import io.augment.adapter.in.grpc.v1.DocumentInput;
import io.augment.adapter.in.grpc.v1.DocumentsGrpc;
import io.augment.adapter.in.grpc.v1.GetKnowledgeBaseRequest;
import io.augment.adapter.in.grpc.v1.IngestDocumentRequest;
import io.augment.adapter.in.grpc.v1.IngestResult;
import io.augment.adapter.in.grpc.v1.KnowledgeBase;
import io.augment.adapter.in.grpc.v1.KnowledgeBasesGrpc;
import io.augment.adapter.in.grpc.v1.QueryEvent;
import io.augment.adapter.in.grpc.v1.QueryRequest;
import io.augment.adapter.in.grpc.v1.RetrievalGrpc;
import io.augment.adapter.in.grpc.v1.SearchRequest;
import io.augment.adapter.in.grpc.v1.UploadMetadata;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gRPC API, served on the HTTP port, through a real client. */
@QuarkusTest
@Tag("shared-app")
class GrpcApiTest {
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static final Metadata.Key<String> FIELD = Metadata.Key.of("augment-field", Metadata.ASCII_STRING_MARSHALLER);
  private static final String TIDES = "# Tides\n\nTides are caused mainly by the gravitational pull of the Moon on the oceans. "
      + "The Sun contributes a smaller effect, which is why spring tides happen at new and full moon.\n";

  @TestHTTPResource("/")
  URL server;

  private ManagedChannel channel;
  private KnowledgeBasesGrpc.KnowledgeBasesBlockingStub knowledgeBases;
  private DocumentsGrpc.DocumentsBlockingStub documents;
  private RetrievalGrpc.RetrievalBlockingStub retrieval;

  @BeforeEach
  void connect() {
    channel = ManagedChannelBuilder.forAddress(server.getHost(), server.getPort()).usePlaintext().build();
    knowledgeBases = KnowledgeBasesGrpc.newBlockingStub(channel).withDeadlineAfter(60, TimeUnit.SECONDS);
    documents = DocumentsGrpc.newBlockingStub(channel).withDeadlineAfter(60, TimeUnit.SECONDS);
    retrieval = RetrievalGrpc.newBlockingStub(channel).withDeadlineAfter(60, TimeUnit.SECONDS);
  }

  @AfterEach
  void disconnect() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  @Test
  void createsAKnowledgeBaseAndRefusesADuplicateNameKeepingTheOriginal() {
    String kb = newKnowledgeBase();
    KnowledgeBase created = knowledgeBases.get(GetKnowledgeBaseRequest.newBuilder().setName(kb).build());
    assertThat(created.getEmbeddingModel()).isEqualTo("all-minilm-l6-v2");
    assertThat(created.getDimension()).isEqualTo(384);
    assertThat(created.getRetrievalMode()).isEqualTo("dense");
    assertThat(created.hasCreatedAt()).isTrue();

    StatusRuntimeException duplicate = failure(() -> knowledgeBases.create(
        CreateKnowledgeBaseRequest.newBuilder().setName(kb).setDescription("other").build()));
    assertThat(duplicate.getStatus().getCode()).isEqualTo(Status.Code.ALREADY_EXISTS);
    assertThat(duplicate.getStatus().getDescription()).contains(kb);
    assertThat(knowledgeBases.get(GetKnowledgeBaseRequest.newBuilder().setName(kb).build()).getDescription())
        .isEqualTo("grpc test");
  }

  @Test
  void uploadsAMarkdownFileInPiecesAndFindsItBySearch() {
    String kb = newKnowledgeBase();
    IngestResult result = upload(kb, "notes/tides.md", TIDES.getBytes(StandardCharsets.UTF_8));
    assertThat(result.getOutcome()).isEqualTo("created");
    assertThat(result.getDocumentId()).isEqualTo("tides");
    assertThat(result.getDocument().getTitle()).isEqualTo("Tides");
    assertThat(result.getDocument().getMediaType()).isEqualTo("text/markdown");
    assertThat(result.getDocument().getMetadataMap()).containsEntry("team", "ocean");

    var found = retrieval.search(SearchRequest.newBuilder().setKnowledgeBase(kb).setQuery("what pulls the oceans").build());
    assertThat(found.getHitsList()).isNotEmpty();
    assertThat(found.getHits(0).getDocumentId()).isEqualTo("tides");
    assertThat(found.getHits(0).getRank()).isEqualTo(1);
    assertThat(found.getHits(0).getText()).contains("Moon");
    assertThat(found.getMode()).isEqualTo("dense");
  }

  @Test
  void answersAQuestionWithCitationsAndTimings() {
    String kb = seededKnowledgeBase();
    var answer = retrieval.query(QueryRequest.newBuilder().setKnowledgeBase(kb).setQuestion("What causes the tides?")
        .setTopK(2).build());
    assertThat(answer.getExtractive()).isTrue();
    assertThat(answer.getText()).contains("Moon").contains("[1]");
    assertThat(answer.getCitations(0).getDocumentId()).isEqualTo("tides");
    assertThat(answer.getCitations(0).getChunkId()).isEqualTo("tides#0");
    assertThat(answer.getCitations(0).getCited()).isTrue();
    assertThat(answer.getTimings().getTotalMs()).isPositive();
  }

  @Test
  void streamsTheSourcesFirstThenTokensThenTheWholeAnswer() {
    String kb = seededKnowledgeBase();
    List<QueryEvent> events = new ArrayList<>();
    retrieval.queryStream(QueryRequest.newBuilder().setKnowledgeBase(kb)
        .setQuestion("How is a sourdough starter kept alive?").build()).forEachRemaining(events::add);

    assertThat(events.get(0).hasSources()).isTrue();
    assertThat(events.get(0).getSources().getCitationsList()).isNotEmpty();
    List<QueryEvent> tokens = events.subList(1, events.size() - 1);
    assertThat(tokens).isNotEmpty().allMatch(QueryEvent::hasToken);
    QueryEvent last = events.get(events.size() - 1);
    assertThat(last.hasAnswer()).isTrue();
    assertThat(last.getAnswer().getText()).contains("flour")
        .isEqualTo(String.join("", tokens.stream().map(e -> e.getToken().getText()).toList()));
    assertThat(last.getAnswer().getCitationsList()).isNotEmpty();
    assertThat(last.getAnswer().getTimings().getTotalMs()).isPositive();
  }

  @Test
  void answersNotFoundForAnUnknownKnowledgeBase() {
    assertThat(code(() -> knowledgeBases.get(GetKnowledgeBaseRequest.newBuilder().setName("grpc-missing").build())))
        .isEqualTo(Status.Code.NOT_FOUND);
    assertThat(code(() -> retrieval.search(SearchRequest.newBuilder().setKnowledgeBase("grpc-missing").setQuery("q").build())))
        .isEqualTo(Status.Code.NOT_FOUND);
    assertThat(code(() -> retrieval.queryStream(QueryRequest.newBuilder().setKnowledgeBase("grpc-missing")
        .setQuestion("q").build()).next())).isEqualTo(Status.Code.NOT_FOUND);
  }

  @Test
  void rejectsBadRequestsAndLosesNothingAlreadyStored() {
    String kb = seededKnowledgeBase();

    StatusRuntimeException empty = failure(() -> documents.ingest(IngestDocumentRequest.newBuilder().setKnowledgeBase(kb)
        .setDocument(DocumentInput.newBuilder().setId("tides").setText(" ")).build()));
    assertThat(empty.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(empty.getStatus().getDescription()).contains("text");
    assertThat(empty.getTrailers().get(FIELD)).isEqualTo("text");

    // refused at the first message, before any bytes are sent
    StatusRuntimeException unsupported = failure(() -> new StreamingUpload(DocumentsGrpc.newStub(channel),
        metadata(kb, "photo.png").setMediaType("image/png").build()).await());
    assertThat(unsupported.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(unsupported.getStatus().getDescription()).contains("image/png").contains("text/markdown");

    // test limit: 200000 bytes; the reply comes while the client is still streaming
    StatusRuntimeException tooLarge = failure(() -> new StreamingUpload(DocumentsGrpc.newStub(channel),
        metadata(kb, "big.txt").build()).send("a ".repeat(150_000).getBytes(StandardCharsets.UTF_8), 16 * 1024).await());
    assertThat(tooLarge.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);

    assertThat(code(() -> retrieval.query(QueryRequest.newBuilder().setKnowledgeBase(kb).setQuestion("").build())))
        .isEqualTo(Status.Code.INVALID_ARGUMENT);

    KnowledgeBase after = knowledgeBases.get(GetKnowledgeBaseRequest.newBuilder().setName(kb).build());
    assertThat(after.getDocuments()).isEqualTo(2);
    assertThat(after.getChunks()).isEqualTo(2);
    assertThat(retrieval.search(SearchRequest.newBuilder().setKnowledgeBase(kb).setQuery("tides").build()).getHitsCount())
        .isEqualTo(2);
  }

  private String newKnowledgeBase() {
    String name = "grpc-" + COUNTER.incrementAndGet();
    KnowledgeBase created = knowledgeBases.create(
        CreateKnowledgeBaseRequest.newBuilder().setName(name).setDescription("grpc test").build());
    assertThat(created.getName()).isEqualTo(name);
    return name;
  }

  private String seededKnowledgeBase() {
    String kb = newKnowledgeBase();
    upload(kb, "tides.md", TIDES.getBytes(StandardCharsets.UTF_8));
    IngestResult bread = documents.ingest(IngestDocumentRequest.newBuilder().setKnowledgeBase(kb)
        .setDocument(DocumentInput.newBuilder().setId("bread").setTitle("Bread")
            .setText("Sourdough bread rises because wild yeast and lactic acid bacteria ferment the dough. "
                + "A starter is kept alive by feeding it flour and water every day.")).build());
    assertThat(bread.getOutcome()).isEqualTo("created");
    return kb;
  }

  private IngestResult upload(String kb, String filename, byte[] content) {
    return new StreamingUpload(DocumentsGrpc.newStub(channel), metadata(kb, filename).build()).send(content, 32).finish();
  }

  private static UploadMetadata.Builder metadata(String kb, String filename) {
    return UploadMetadata.newBuilder().setKnowledgeBase(kb).setFilename(filename).putMetadata("team", "ocean");
  }

  private static StatusRuntimeException failure(Runnable call) {
    StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, call::run);
    assertThat(e).as("the call should fail with a gRPC status").isNotNull();
    return e;
  }

  private static Status.Code code(Runnable call) {
    return failure(call).getStatus().getCode();
  }
}
