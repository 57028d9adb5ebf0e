package io.augment.adapter.in.openai;

import io.augment.adapter.in.CurrentWorkspace;
import io.augment.adapter.in.openai.ChatRequest.Retrieval;
import io.augment.application.generation.Generators;
import io.augment.application.query.MetadataFilters;
import io.augment.application.query.QueryCommand;
import io.augment.application.retrieval.RetrievalOptions;
import io.augment.application.tenant.Workspace;
import io.augment.domain.generation.GenerationOptions;
import jakarta.inject.Singleton;

/** Turns a chat request for a resolved model into a {@link ChatCall}; every check happens here. */
@Singleton
public class ChatCalls {
  static final int DEFAULT_TOP_K = 5;

  private final CurrentWorkspace current;

  public ChatCalls(CurrentWorkspace current) {
    this.current = current;
  }

  ChatCall prepare(ChatTarget target, ChatRequest request) {
    if (request.streamOptions() != null && !request.streaming()) {
      throw OpenAiException.invalid("stream_options", "'stream_options' is only allowed when 'stream' is true");
    }
    Conversation conversation = Conversation.of(request.messages());
    GenerationOptions options = Sampling.options(request, target.adapter());
    Workspace workspace = current.get();
    Generators generators = workspace.generators();
    if (!target.rag()) {
      var generator = target.adapter() == null ? generators.require(target.model()) : generators.adapterGenerator();
      return new ChatCall.Direct(generator, conversation.prompt(), options);
    }
    Retrieval r = request.retrieval() == null ? new Retrieval(null, null, null, null, null, null, null) : request.retrieval();
    RetrievalOptions retrieval = RetrievalOptions.of(r.mode(), r.hyde(), r.queryVariants(), r.rerank(), r.candidates());
    int topK = r.topK() == null ? DEFAULT_TOP_K : r.topK();
    return new ChatCall.Rag(workspace.answers(),
        new QueryCommand(target.knowledgeBase(), conversation.question(), topK, MetadataFilters.parse(r.filter()), options, retrieval));
  }
}
