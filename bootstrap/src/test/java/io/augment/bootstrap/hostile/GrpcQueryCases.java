package io.augment.bootstrap.hostile;

import static io.augment.bootstrap.hostile.Mutations.ZERO_WIDTH;

import io.augment.adapter.in.grpc.v1.CancelFineTuneJobRequest;
import io.augment.adapter.in.grpc.v1.CancelIngestJobRequest;
import io.augment.adapter.in.grpc.v1.DocumentInput;
import io.augment.adapter.in.grpc.v1.FilterCondition;
import io.augment.adapter.in.grpc.v1.FineTuneJob;
import io.augment.adapter.in.grpc.v1.FineTuningGrpc;
import io.augment.adapter.in.grpc.v1.GetIngestJobRequest;
import io.augment.adapter.in.grpc.v1.IngestJobsGrpc;
import io.augment.adapter.in.grpc.v1.LoraOptions;
import io.augment.adapter.in.grpc.v1.QueryRequest;
import io.augment.adapter.in.grpc.v1.SearchRequest;
import io.augment.adapter.in.grpc.v1.StartFineTuneRequest;
import io.augment.adapter.in.grpc.v1.SubmitIngestJobRequest;
import io.augment.adapter.in.grpc.v1.TrainingOptions;
import io.grpc.Channel;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/** Malformed calls to Retrieval (search, query, query stream), IngestJobs and FineTuning. */
final class GrpcQueryCases extends GrpcCaseList {
  private final Runnable jobsIdle;

  /** {@code jobsIdle} waits for ingest jobs the server wrongly accepted, so that their writes are blamed on their case. */
  GrpcQueryCases(Channel channel, String kb, Runnable jobsIdle) {
    super(channel, kb);
    this.jobsIdle = jobsIdle;
  }

  @Override
  List<HostileCase> all() {
    retrievalCases();
    ingestJobCases();
    fineTuneCases();
    return cases();
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
}
