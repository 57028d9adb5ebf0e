package io.augment.adapter.in.openai;

import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Answers {@link OpenAiException} (thrown only by this package) in OpenAI's error shape; it was
 * logged, if at all, where it was made ({@link OpenAiException#from}).
 */
public class OpenAiExceptionMapper {
  @ServerExceptionMapper
  public Response map(OpenAiException e) {
    return e.response();
  }
}
