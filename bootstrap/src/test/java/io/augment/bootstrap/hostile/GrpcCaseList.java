package io.augment.bootstrap.hostile;

import static org.assertj.core.api.Assertions.fail;

import io.augment.adapter.in.grpc.v1.DocumentInput;
import io.augment.adapter.in.grpc.v1.DocumentsGrpc;
import io.augment.adapter.in.grpc.v1.KnowledgeBasesGrpc;
import io.augment.adapter.in.grpc.v1.RetrievalGrpc;
import io.grpc.Channel;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** Shared by the gRPC case lists: the channel, fresh names, and the check every call must pass. */
abstract class GrpcCaseList {
  protected final Channel channel;
  protected final String kb;
  protected final AtomicInteger counter = new AtomicInteger();
  private final List<HostileCase> cases = new ArrayList<>();

  GrpcCaseList(Channel channel, String kb) {
    this.channel = channel;
    this.kb = kb;
  }

  /** Every case of this list. */
  abstract List<HostileCase> all();

  protected List<HostileCase> cases() {
    return cases;
  }

  protected KnowledgeBasesGrpc.KnowledgeBasesBlockingStub knowledgeBases() {
    return KnowledgeBasesGrpc.newBlockingStub(channel).withDeadlineAfter(20, TimeUnit.SECONDS);
  }

  protected DocumentsGrpc.DocumentsBlockingStub documents() {
    return DocumentsGrpc.newBlockingStub(channel).withDeadlineAfter(20, TimeUnit.SECONDS);
  }

  protected RetrievalGrpc.RetrievalBlockingStub retrieval() {
    return RetrievalGrpc.newBlockingStub(channel).withDeadlineAfter(20, TimeUnit.SECONDS);
  }

  protected DocumentInput.Builder document() {
    int n = counter.incrementAndGet();
    return DocumentInput.newBuilder().setId("gd-" + n).setTitle("Hostile " + n).setText(Seed.NONCE + " grpc text " + n)
        .putMetadata("team", "red");
  }

  /** The call must fail with a client-error status; a reply means the server took the bad request. */
  protected void call(String name, Supplier<Object> call) {
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

  protected static String label(String value) {
    if (value.isEmpty()) {
      return "empty";
    }
    if (value.length() > 40) {
      return "of " + value.length() + " characters";
    }
    return "'" + value.replace("\u0000", "\\0").replaceAll("[\u200b\u200c\u200d\ufeff]", "\\\\u200b") + "'";
  }
}
