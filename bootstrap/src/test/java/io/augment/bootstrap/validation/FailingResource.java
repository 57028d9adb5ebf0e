package io.augment.bootstrap.validation;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Test-only endpoint whose failure no mapper expects, standing in for any bug. */
@Path("/test/unexpected-failure")
public class FailingResource {
  @GET
  public String fail() {
    throw new IllegalStateException("a bug the mappers have never heard of");
  }
}
