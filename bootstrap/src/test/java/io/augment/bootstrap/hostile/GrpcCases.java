package io.augment.bootstrap.hostile;

import static io.augment.bootstrap.hostile.Mutations.ZERO_WIDTH;
import static org.assertj.core.api.Assertions.fail;

import com.google.protobuf.ByteString;
import io.augment.adapter.in.grpc.v1.CancelFineTuneJobRequest;
import io.augment.adapter.in.grpc.v1.CancelIngestJobRequest;
import io.augment.adapter.in.grpc.v1.CreateKnowledgeBaseRequest;
import io.augment.adapter.in.grpc.v1.DeleteDocumentRequest;
import io.augment.adapter.in.grpc.v1.DeleteKnowledgeBaseRequest;
import io.augment.adapter.in.grpc.v1.DocumentInput;
import io.augment.adapter.in.grpc.v1.DocumentsGrpc;
import io.augment.adapter.in.grpc.v1.FilterCondition;
import io.augment.adapter.in.grpc.v1.FineTuneJob;
import io.augment.adapter.in.grpc.v1.FineTuningGrpc;
import io.augment.adapter.in.grpc.v1.GetDocumentRequest;
import io.augment.adapter.in.grpc.v1.GetIngestJobRequest;
import io.augment.adapter.in.grpc.v1.GetKnowledgeBaseRequest;
import io.augment.adapter.in.grpc.v1.IngestDocumentRequest;
import io.augment.adapter.in.grpc.v1.IngestJobsGrpc;
import io.augment.adapter.in.grpc.v1.KnowledgeBasesGrpc;
import io.augment.adapter.in.grpc.v1.ListDocumentsRequest;
import io.augment.adapter.in.grpc.v1.LoraOptions;
import io.augment.adapter.in.grpc.v1.QueryRequest;
import io.augment.adapter.in.grpc.v1.RetrievalGrpc;
import io.augment.adapter.in.grpc.v1.SearchRequest;
import io.augment.adapter.in.grpc.v1.StartFineTuneRequest;
import io.augment.adapter.in.grpc.v1.SubmitIngestJobRequest;
import io.augment.adapter.in.grpc.v1.TrainingOptions;
import io.augment.adapter.in.grpc.v1.UploadMetadata;
import io.augment.adapter.in.grpc.v1.UploadRequest;
import io.grpc.Channel;
import io.grpc.StatusRuntimeException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/** Malformed calls to every gRPC service, through the generated stubs. */
final class GrpcCases {
  private static final String LONG_63 = "x".repeat(64);
  private final Channel channel;
  private final String kb;
  private final Runnable jobsIdle;
  private final AtomicInteger counter = new AtomicInteger();
  private final List<HostileCase> cases = new ArrayList<>();

  /** {@code jobsIdle} waits for ingest jobs the server wrongly accepted, so that their writes are blamed on their case. */
  GrpcCases(Channel channel, String kb, Runnable jobsIdle) {
    this.channel = channel;
    this.kb = kb;
    this.jobsIdle = jobsIdle;
  }

  private KnowledgeBasesGrpc.KnowledgeBasesBlockingStub knowledgeBases() {
    return KnowledgeBasesGrpc.newBlockingStub(channel).withDeadlineAfter(20, TimeUnit.SECONDS);
  }

  private DocumentsGrpc.DocumentsBlockingStub documents() {
    return DocumentsGrpc.newBlockingStub(channel).withDeadlineAfter(20, TimeUnit.SECONDS);
  }

  private RetrievalGrpc.RetrievalBlockingStub retrieval() {
    return RetrievalGrpc.newBlockingStub(channel).withDeadlineAfter(20, TimeUnit.SECONDS);
  }

  List<HostileCase> all() {
    knowledgeBaseCases();
    documentCases();
    uploadCases();
    retrievalCases();
    ingestJobCases();
    fineTuneCases();
    return cases;
  }

  private void knowledgeBaseCases() {
    Supplier<CreateKnowledgeBaseRequest.Builder> valid = () -> CreateKnowledgeBaseRequest.newBuilder()
        .setName("gk-" + counter.incrementAndGet());
    create("name empty", valid.get().setName(""));
    create("name zero-width only", valid.get().setName(ZERO_WIDTH));
    create("name one over 63 characters", valid.get().setName(LONG_63));
    create("name uppercase", valid.get().setName("Hostile"));
    create("name '..'", valid.get().setName(".."));
    create("name taken", valid.get().setName(kb));
    create("description one over 10000 characters", valid.get().setDescription("d".repeat(10_001)));
    create("embedding_model unknown", valid.get().setEmbeddingModel("no-such-model"));
    create("chunk_size_tokens zero", valid.get().setChunkSizeTokens(0));
    create("chunk_size_tokens negative", valid.get().setChunkSizeTokens(-1));
    create("chunk_size_tokens huge", valid.get().setChunkSizeTokens(Integer.MAX_VALUE));
    create("chunk_overlap_tokens negative", valid.get().setChunkOverlapTokens(-1));
    create("chunk_overlap_tokens half the chunk size", valid.get().setChunkOverlapTokens(100));
    create("retrieval_mode unknown", valid.get().setRetrievalMode("psychic"));
    call("KnowledgeBases.Get name empty", () -> knowledgeBases().get(GetKnowledgeBaseRequest.newBuilder().setName("").build()));
    call("KnowledgeBases.Get name '..'", () -> knowledgeBases().get(GetKnowledgeBaseRequest.newBuilder().setName("..").build()));
    call("KnowledgeBases.Get name of 300 characters",
        () -> knowledgeBases().get(GetKnowledgeBaseRequest.newBuilder().setName("x".repeat(300)).build()));
    call("KnowledgeBases.Delete name empty", () -> knowledgeBases().delete(DeleteKnowledgeBaseRequest.newBuilder().setName("").build()));
    call("KnowledgeBases.Delete name '..'", () -> knowledgeBases().delete(DeleteKnowledgeBaseRequest.newBuilder().setName("..").build()));
    call("KnowledgeBases.Delete unknown", () -> knowledgeBases().delete(DeleteKnowledgeBaseRequest.newBuilder().setName("no-such-kb").build()));
  }

  private void create(String name, CreateKnowledgeBaseRequest.Builder request) {
    call("KnowledgeBases.Create " + name, () -> knowledgeBases().create(request.build()));
  }

  private DocumentInput.Builder document() {
    int n = counter.incrementAndGet();
    return DocumentInput.newBuilder().setId("gd-" + n).setTitle("Hostile " + n).setText(Seed.NONCE + " grpc text " + n)
        .putMetadata("team", "red");
  }

  private void documentCases() {
    ingest("knowledge_base empty", "", document());
    ingest("knowledge_base unknown", "no-such-kb", document());
    call("Documents.Ingest without a document", () -> documents().ingest(IngestDocumentRequest.newBuilder().setKnowledgeBase(kb).build()));
    ingest("text empty", kb, document().setText(""));
    ingest("text zero-width only", kb, document().setText(ZERO_WIDTH));
    ingest("text over the document limit (150000 bytes)", kb, document().setText("y ".repeat(75_001)));
    ingest("a message over the gRPC message limit (300 KB)", kb, document().setText("y ".repeat(150_000)));
    ingest("title one over 2000 characters", kb, document().setTitle("t".repeat(2001)));
    for (String id : List.of("..", "../victim", "a/b", "a\u0000b", "i".repeat(201), ZERO_WIDTH)) {
      ingest("id " + label(id), kb, document().setId(id));
    }
    ingest("media_type image/png", kb, document().setMediaType("image/png"));
    ingest("media_type over 255 characters", kb, document().setMediaType("text/" + "x".repeat(251)));
    ingest("metadata with an empty key", kb, document().putMetadata("", "v"));
    ingest("metadata with a 256-character key", kb, document().putMetadata("k".repeat(256), "v"));
    ingest("metadata value one over 10000 characters", kb, document().putMetadata("team", "v".repeat(10_001)));
    DocumentInput.Builder manyKeys = document();
    for (int i = 0; i < 2000; i++) {
      manyKeys.putMetadata("k" + i, "v");
    }
    ingest("metadata with 2000 keys", kb, manyKeys);
    for (int[] range : new int[][] {{-1, 100}, {0, 0}, {0, -1}}) {
      call("Documents.List offset " + range[0] + " limit " + range[1], () -> documents().list(ListDocumentsRequest.newBuilder()
          .setKnowledgeBase(kb).setOffset(range[0]).setLimit(range[1]).build()));
    }
    for (String id : List.of("", "..", "a/b", "x".repeat(300))) {
      call("Documents.Get id " + label(id), () -> documents().get(GetDocumentRequest.newBuilder().setKnowledgeBase(Seed.VICTIM).setId(id).build()));
      call("Documents.Delete id " + label(id),
          () -> documents().delete(DeleteDocumentRequest.newBuilder().setKnowledgeBase(Seed.VICTIM).setId(id).build()));
    }
  }

  private void ingest(String name, String knowledgeBase, DocumentInput.Builder document) {
    call("Documents.Ingest " + name,
        () -> documents().ingest(IngestDocumentRequest.newBuilder().setKnowledgeBase(knowledgeBase).setDocument(document).build()));
  }

  private void uploadCases() {
    Supplier<UploadMetadata.Builder> meta = () -> UploadMetadata.newBuilder().setKnowledgeBase(kb)
        .setFilename("gu-" + counter.incrementAndGet() + ".txt");
    UploadRequest bytes = UploadRequest.newBuilder()
        .setChunk(ByteString.copyFrom(Seed.NONCE + " uploaded text", StandardCharsets.UTF_8)).build();
    upload("with no messages", List.of());
    upload("with bytes before the metadata", List.of(bytes, metadata(meta.get())));
    upload("with the metadata twice", List.of(metadata(meta.get()), metadata(meta.get()), bytes));
    upload("with metadata and no bytes", List.of(metadata(meta.get())));
    upload("with an empty message", List.of(metadata(meta.get()), UploadRequest.getDefaultInstance(), bytes));
    upload("of a PNG file", List.of(metadata(meta.get().setFilename("photo.png").setMediaType("image/png")), bytes));
    upload("to an unknown knowledge base", List.of(metadata(meta.get().setKnowledgeBase("no-such-kb")), bytes));
    upload("with knowledge_base empty", List.of(metadata(meta.get().setKnowledgeBase("")), bytes));
    upload("with id '..'", List.of(metadata(meta.get().setId("..")), bytes));
    upload("with id 'a/b'", List.of(metadata(meta.get().setId("a/b")), bytes));
    upload("with id of 201 characters", List.of(metadata(meta.get().setId("i".repeat(201))), bytes));
    upload("with title one over 2000 characters", List.of(metadata(meta.get().setTitle("t".repeat(2001))), bytes));
    upload("with a metadata value one over 10000 characters", List.of(metadata(meta.get().putMetadata("team", "v".repeat(10_001))), bytes));
    upload("of zero-width-only text",
        List.of(metadata(meta.get()), UploadRequest.newBuilder().setChunk(ByteString.copyFromUtf8(ZERO_WIDTH)).build()));
  }

  private static UploadRequest metadata(UploadMetadata.Builder metadata) {
    return UploadRequest.newBuilder().setMetadata(metadata).build();
  }

  private void upload(String name, List<UploadRequest> messages) {
    call("Documents.Upload " + name, () -> GrpcUpload.send(DocumentsGrpc.newStub(channel).withDeadlineAfter(20, TimeUnit.SECONDS), messages));
  }

  private void retrievalCases() {
    Supplier<SearchRequest.Builder> search = () -> SearchRequest.newBuilder().setKnowledgeBase(kb).setQuery("What causes the tides?");
    Supplier<QueryRequest.Builder> query = () -> QueryRequest.newBuilder().setKnowledgeBase(kb).setQuestion("What causes the tides?");
    search("query empty", search.get().setQuery(""));
    search("query zero-width only", search.get().setQuery(ZERO_WIDTH));
    search("query one over 10000 characters", search.get().setQuery("q".repeat(10_001)));
    search("knowledge_base unknown", search.get().setKnowledgeBase("no-such-kb"));
    for (int topK : new int[] {0, -1, 101, Integer.MAX_VALUE}) {
      search("top_k " + topK, search.get().setTopK(topK));
      query("top_k " + topK, query.get().setTopK(topK));
    }
    search("mode unknown", search.get().setMode("psychic"));
    search("query_variants 6", search.get().setQueryVariants(6));
    search("candidates 0", search.get().setCandidates(0));
    search("a filter condition with nothing set", search.get().putFilter("team", FilterCondition.getDefaultInstance()));
    search("a filter condition with values and a range", search.get().putFilter("team",
        FilterCondition.newBuilder().addValues("red").setFrom("a").build()));
    SearchRequest.Builder manyKeys = search.get();
    for (int i = 0; i < 2000; i++) {
      manyKeys.putFilter("k" + i, FilterCondition.newBuilder().addValues("v").build());
    }
    search("a filter with 2000 keys", manyKeys);
    FilterCondition.Builder manyValues = FilterCondition.newBuilder();
    for (int i = 0; i < 5000; i++) {
      manyValues.addValues("v" + i);
    }
    search("a filter with 5000 values under one key", search.get().putFilter("team", manyValues.build()));
    query("question empty", query.get().setQuestion(""));
    query("question zero-width only", query.get().setQuestion(ZERO_WIDTH));
    query("max_tokens 0", query.get().setMaxTokens(0));
    query("max_tokens negative", query.get().setMaxTokens(-1));
    for (double t : new double[] {-0.5, 2.5, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
      query("temperature " + t, query.get().setTemperature(t));
    }
    query("knowledge_base unknown", query.get().setKnowledgeBase("no-such-kb"));
    for (var entry : List.of(
        new Case<>("knowledge_base unknown", query.get().setKnowledgeBase("no-such-kb")),
        new Case<>("question empty", query.get().setQuestion("")),
        new Case<>("temperature NaN", query.get().setTemperature(Double.NaN)),
        new Case<>("top_k 0", query.get().setTopK(0)))) {
      call("Retrieval.QueryStream " + entry.name(), () -> retrieval().queryStream(entry.request().build()).next());
    }
  }

  private record Case<T>(String name, T request) {}

  private void search(String name, SearchRequest.Builder request) {
    call("Retrieval.Search " + name, () -> retrieval().search(request.build()));
  }

  private void query(String name, QueryRequest.Builder request) {
    call("Retrieval.Query " + name, () -> retrieval().query(request.build()));
  }

  private void ingestJobCases() {
    IngestJobsGrpc.IngestJobsBlockingStub jobs = IngestJobsGrpc.newBlockingStub(channel);
    Function<DocumentInput.Builder[], SubmitIngestJobRequest> submit = docs -> {
      SubmitIngestJobRequest.Builder r = SubmitIngestJobRequest.newBuilder().setKnowledgeBase(kb);
      for (DocumentInput.Builder d : docs) {
        r.addDocuments(d);
      }
      return r.build();
    };
    call("IngestJobs.Submit with no documents", () -> submitted(deadline(jobs).submit(submit.apply(new DocumentInput.Builder[0]))));
    call("IngestJobs.Submit with an empty text", () -> submitted(deadline(jobs).submit(submit.apply(
        new DocumentInput.Builder[] {document(), document().setText(" ")}))));
    call("IngestJobs.Submit with a title one over 2000 characters", () -> submitted(deadline(jobs).submit(submit.apply(
        new DocumentInput.Builder[] {document(), document().setTitle("t".repeat(2001))}))));
    DocumentInput.Builder twice = document();
    call("IngestJobs.Submit with a document id given twice", () -> submitted(deadline(jobs).submit(submit.apply(
        new DocumentInput.Builder[] {twice, twice}))));
    call("IngestJobs.Submit to an unknown knowledge base", () -> submitted(deadline(jobs).submit(
        SubmitIngestJobRequest.newBuilder().setKnowledgeBase("no-such-kb").addDocuments(document()).build())));
    call("IngestJobs.Get id empty", () -> deadline(jobs).get(GetIngestJobRequest.newBuilder().setId("").build()));
    call("IngestJobs.Get id '..'", () -> deadline(jobs).get(GetIngestJobRequest.newBuilder().setId("..").build()));
    call("IngestJobs.Cancel unknown", () -> deadline(jobs).cancel(CancelIngestJobRequest.newBuilder().setId("no-such-job").build()));
  }

  private Object submitted(Object job) {
    jobsIdle.run();
    return job;
  }

  private static IngestJobsGrpc.IngestJobsBlockingStub deadline(IngestJobsGrpc.IngestJobsBlockingStub stub) {
    return stub.withDeadlineAfter(20, TimeUnit.SECONDS);
  }

  private void fineTuneCases() {
    Supplier<StartFineTuneRequest.Builder> full = () -> StartFineTuneRequest.newBuilder()
        .setName("gft-" + counter.incrementAndGet()).setMethod("full").addTexts(Seed.NONCE + " training text")
        .setTraining(TrainingOptions.newBuilder().setMaxSteps(1).setBatchSize(1).setSequenceLength(8));
    Supplier<TrainingOptions.Builder> training = () -> TrainingOptions.newBuilder().setMaxSteps(1).setBatchSize(1).setSequenceLength(8);
    start("name empty", full.get().setName(""));
    start("name '../evil'", full.get().setName("../evil"));
    start("method empty", full.get().setMethod(""));
    start("method unknown", full.get().setMethod("psychic"));
    start("with neither texts nor a knowledge base", full.get().clearTexts());
    start("with texts and a knowledge base", full.get().setKnowledgeBase(kb));
    start("texts with an empty text", full.get().addTexts(""));
    start("training.epochs negative", full.get().setTraining(training.get().setEpochs(-1)));
    start("training.epochs 10^9", full.get().setTraining(training.get().setEpochs(1_000_000_000)));
    start("training.batch_size 10^6", full.get().setTraining(training.get().setBatchSize(1_000_000)));
    start("training.sequence_length 0", full.get().setTraining(training.get().setSequenceLength(0)));
    start("training.learning_rate NaN", full.get().setTraining(training.get().setLearningRate(Double.NaN)));
    start("training.learning_rate Infinity", full.get().setTraining(training.get().setLearningRate(Double.POSITIVE_INFINITY)));
    start("training.learning_rate negative", full.get().setTraining(training.get().setLearningRate(-1)));
    start("lora.rank 4096", full.get().setMethod("lora").setLora(LoraOptions.newBuilder().setRank(4096)));
    start("lora.alpha -1e9", full.get().setMethod("lora").setLora(LoraOptions.newBuilder().setRank(2).setAlpha(-1e9)));
    start("lora.dropout NaN", full.get().setMethod("lora").setLora(LoraOptions.newBuilder().setRank(2).setDropout(Double.NaN)));
  }

  private void start(String name, StartFineTuneRequest.Builder request) {
    FineTuningGrpc.FineTuningBlockingStub stub = FineTuningGrpc.newBlockingStub(channel);
    call("FineTuning.Start " + name, () -> {
      FineTuneJob job = stub.withDeadlineAfter(20, TimeUnit.SECONDS).start(request.build());
      stub.withDeadlineAfter(20, TimeUnit.SECONDS).cancel(CancelFineTuneJobRequest.newBuilder().setId(job.getId()).build());
      return job;
    });
  }

  /** The call must fail with a client-error status; a reply means the server took the bad request. */
  private void call(String name, Supplier<Object> call) {
    cases.add(new HostileCase("gRPC " + name, () -> {
      Object reply;
      try {
        reply = call.get();
      } catch (StatusRuntimeException e) {
        Expect.grpcRefusal(e.getStatus());
        return;
      }
      fail("expected a refusal, got OK: %s", shorten(String.valueOf(reply)));
    }));
  }

  private static String shorten(String text) {
    String flat = text.replace('\n', ' ');
    return flat.length() > 200 ? flat.substring(0, 200) + "..." : flat;
  }

  private static String label(String value) {
    if (value.isEmpty()) {
      return "empty";
    }
    if (value.length() > 40) {
      return "of " + value.length() + " characters";
    }
    return "'" + value.replace("\u0000", "\\0").replaceAll("[\u200b\u200c\u200d\ufeff]", "\\\\u200b") + "'";
  }
}
