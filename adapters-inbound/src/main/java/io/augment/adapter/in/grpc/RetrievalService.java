package io.augment.adapter.in.grpc;

import io.augment.adapter.in.CurrentWorkspace;
import io.augment.adapter.in.grpc.v1.Answer;
import io.augment.adapter.in.grpc.v1.QueryEvent;
import io.augment.adapter.in.grpc.v1.QueryRequest;
import io.augment.adapter.in.grpc.v1.Retrieval;
import io.augment.adapter.in.grpc.v1.SearchRequest;
import io.augment.adapter.in.grpc.v1.SearchResponse;
import io.augment.adapter.in.grpc.v1.Sources;
import io.augment.adapter.in.grpc.v1.Token;
import io.augment.application.query.AnswerQuestion;
import io.augment.application.query.AnswerSink;
import io.augment.application.query.Citation;
import io.augment.application.query.QueryCommand;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.MultiEmitter;
import java.util.List;

@GrpcService
@Blocking
public class RetrievalService implements Retrieval {
  private final CurrentWorkspace current;

  public RetrievalService(CurrentWorkspace current) {
    this.current = current;
  }

  @Override
  public Uni<SearchResponse> search(SearchRequest request) {
    QueryCommand command = Requests.search(request);
    return Uni.createFrom().item(Messages.search(request.getQuery(), current.get().search().search(command)));
  }

  @Override
  public Uni<Answer> query(QueryRequest request) {
    return Uni.createFrom().item(Messages.answer(current.get().answers().answer(Requests.query(request))));
  }

  /** Runs on the worker thread that subscribes; a failure at any point ends the stream with its status. */
  @Override
  public Multi<QueryEvent> queryStream(QueryRequest request) {
    QueryCommand command = Requests.query(request);
    AnswerQuestion answers = current.get().answers();
    return Multi.createFrom().emitter(emitter -> answers.stream(command, new EmitterSink(emitter)));
  }

  private record EmitterSink(MultiEmitter<? super QueryEvent> emitter) implements AnswerSink {
    @Override
    public void sources(List<Citation> citations) {
      emitter.emit(QueryEvent.newBuilder().setSources(Sources.newBuilder().addAllCitations(Messages.citations(citations))).build());
    }

    @Override
    public void token(String piece) {
      emitter.emit(QueryEvent.newBuilder().setToken(Token.newBuilder().setText(piece)).build());
    }

    @Override
    public void complete(io.augment.application.query.Answer answer) {
      emitter.emit(QueryEvent.newBuilder().setAnswer(Messages.answer(answer)).build());
      emitter.complete();
    }

    @Override
    public void error(Throwable error) {
      emitter.fail(error);
    }
  }
}
