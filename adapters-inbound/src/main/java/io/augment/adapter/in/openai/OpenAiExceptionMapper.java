package io.augment.adapter.in.openai;

import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Answers {@link OpenAiException} (thrown only by this package) in OpenAI's error shape. */
public class OpenAiExceptionMapper {
  private static final Logger LOG = Logger.getLogger(OpenAiExceptionMapper.class);

  @ServerExceptionMapper
  public Response map(OpenAiException e) {
    if (e.status() >= 500) {
      LOG.warnf(e, "OpenAI API request failed: %s", e.getMessage());
    }
    return e.response();
  }
}
