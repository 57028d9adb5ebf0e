package io.augment.adapter.in.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.augment.domain.model.AugmentException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Answers every failure as {@code application/problem+json}, as {@link Problems} maps it. */
public class ProblemMappers {

  @ServerExceptionMapper
  public Response augment(AugmentException e) {
    return Problems.response(e);
  }

  @ServerExceptionMapper
  public Response json(JsonProcessingException e) {
    return Problems.of(e).response();
  }

  /** More specific than Quarkus' own mapper for this type, which answers plain JSON. */
  @ServerExceptionMapper
  public Response mismatched(MismatchedInputException e) {
    return Problems.of(e).response();
  }

  @ServerExceptionMapper
  public Response web(WebApplicationException e) {
    return Problems.of(e).response();
  }

  /** The catch-all: a 500 whose error id is in the body and in the log. */
  @ServerExceptionMapper
  public Response unexpected(Throwable e) {
    return Problems.of(e).response();
  }
}
