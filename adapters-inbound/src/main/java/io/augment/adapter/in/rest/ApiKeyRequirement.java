package io.augment.adapter.in.rest;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * Marks every operation of the OpenAPI document as taking the API key (security scheme
 * {@code apiKey}, bearer), so Swagger UI's "Authorize" sends it; with authentication off the key is
 * simply ignored. Registered by {@code mp.openapi.filter}.
 */
public class ApiKeyRequirement implements OASFilter {
  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    openAPI.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme("apiKey"));
  }
}
