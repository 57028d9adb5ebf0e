package io.augment.adapter.in.rest;

import io.augment.adapter.in.Access;
import io.augment.adapter.in.CurrentWorkspace;
import io.augment.adapter.in.rest.AdminJson.AuditJson;
import io.augment.adapter.in.rest.AdminJson.CreateKeyInput;
import io.augment.adapter.in.rest.AdminJson.CreateTenantInput;
import io.augment.adapter.in.rest.AdminJson.CreatedKeyJson;
import io.augment.adapter.in.rest.AdminJson.KeyJson;
import io.augment.adapter.in.rest.AdminJson.QuotasJson;
import io.augment.adapter.in.rest.AdminJson.TenantJson;
import io.augment.application.tenant.AuditTrail;
import io.augment.application.tenant.ManageTenants;
import io.augment.domain.model.InvalidInputException;
import io.augment.domain.tenant.ApiKey;
import io.augment.domain.tenant.Quotas;
import io.augment.domain.tenant.Scope;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Tenants, their API keys and the audit log. Every route needs an admin key; managing tenants and
 * reading other tenants' audit needs the operator's (tenant {@code default}). The checks are
 * {@link ManageTenants}' and {@link AuditTrail}'s; this class only reads and shapes the requests.
 */
@Path("/api/v1/admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Admin")
public class AdminResource {
  private static final int DEFAULT_AUDIT_PAGE = 100;

  private final ManageTenants tenants;
  private final AuditTrail audit;
  private final CurrentWorkspace current;

  public AdminResource(ManageTenants tenants, AuditTrail audit, CurrentWorkspace current) {
    this.tenants = tenants;
    this.audit = audit;
    this.current = current;
  }

  @POST
  @Path("/tenants")
  @Access(Scope.ADMIN)
  @Operation(summary = "Create a tenant (operator only)",
      description = "id: 1 to 32 of a-z, 0-9 and '-'. quotas (each optional, absent = unlimited): maxDocuments, "
          + "maxConcurrentJobs, requestsPerSecond.")
  public Response createTenant(CreateTenantInput body) {
    if (body == null) {
      throw new InvalidInputException("body", "a JSON object with at least 'id' is required");
    }
    Quotas quotas = body.quotas() == null ? Quotas.UNLIMITED : body.quotas().quotas();
    TenantJson tenant = TenantJson.of(tenants.create(current.principal(), body.id(), body.displayName(), quotas));
    return Response.created(URI.create("/api/v1/admin/tenants/" + tenant.id())).entity(tenant).build();
  }

  @GET
  @Path("/tenants")
  @Access(Scope.ADMIN)
  @Operation(summary = "List tenants (operator only)")
  public List<TenantJson> listTenants() {
    return tenants.list(current.principal()).stream().map(TenantJson::of).toList();
  }

  @GET
  @Path("/tenants/{id}")
  @Access(Scope.ADMIN)
  @Operation(summary = "Get a tenant (the operator any, a tenant's admin its own)")
  public TenantJson getTenant(@PathParam("id") String id) {
    return TenantJson.of(tenants.get(current.principal(), id));
  }

  @DELETE
  @Path("/tenants/{id}")
  @Access(Scope.ADMIN)
  @Operation(summary = "Delete a tenant, its keys (they stop working at once) and everything it stored (operator only)")
  public Response deleteTenant(@PathParam("id") String id) {
    tenants.delete(current.principal(), id);
    return Response.noContent().build();
  }

  @PUT
  @Path("/tenants/{id}/quotas")
  @Access(Scope.ADMIN)
  @Operation(summary = "Replace a tenant's quotas (operator only); an absent field is unlimited")
  public TenantJson updateQuotas(@PathParam("id") String id, QuotasJson body) {
    Quotas quotas;
    try {
      quotas = body == null ? Quotas.UNLIMITED : body.quotas();
    } catch (InvalidInputException e) {
      throw e.field() != null && e.field().startsWith("quotas.") ? e.withField(e.field().substring(7)) : e;
    }
    return TenantJson.of(tenants.updateQuotas(current.principal(), id, quotas));
  }

  @POST
  @Path("/tenants/{id}/keys")
  @Access(Scope.ADMIN)
  @Operation(summary = "Create an API key; the answer's 'key' is shown this once and stored only as a hash",
      description = "scope: read, write or admin. expiresAt: optional ISO-8601 instant in the future.")
  public Response createKey(@PathParam("id") String id, CreateKeyInput body) {
    if (body == null) {
      throw new InvalidInputException("body", "a JSON object with 'name' and 'scope' is required");
    }
    if (body.name() != null && body.name().length() > ApiKey.MAX_NAME) {
      throw new InvalidInputException("name", "must be at most " + ApiKey.MAX_NAME + " characters");
    }
    Optional<java.time.Instant> expiry = body.expiry();
    CreatedKeyJson key = CreatedKeyJson.of(tenants.createKey(current.principal(), id, body.name(), body.scope(), expiry));
    return Response.created(URI.create("/api/v1/admin/tenants/" + id + "/keys/" + key.id())).entity(key).build();
  }

  @GET
  @Path("/tenants/{id}/keys")
  @Access(Scope.ADMIN)
  @Operation(summary = "List a tenant's keys, revoked ones included: prefix and metadata, never the key or its hash")
  public List<KeyJson> listKeys(@PathParam("id") String id) {
    return tenants.listKeys(current.principal(), id).stream().map(KeyJson::of).toList();
  }

  @DELETE
  @Path("/tenants/{id}/keys/{keyId}")
  @Access(Scope.ADMIN)
  @Operation(summary = "Revoke a key; the next request with it gets 401. Answers the key's record")
  public KeyJson revokeKey(@PathParam("id") String id, @PathParam("keyId") String keyId) {
    return KeyJson.of(tenants.revokeKey(current.principal(), id, keyId));
  }

  @GET
  @Path("/audit")
  @Access(Scope.ADMIN)
  @Operation(summary = "Audit log of writes, deletes and admin actions, oldest first",
      description = "tenant: only that tenant's (the operator may read every tenant's; others read their own). "
          + "after: entries with a sequence above it (default 0). limit: 1 to 1000 (default 100).")
  public List<AuditJson> audit(
      @QueryParam("tenant") String tenant, @QueryParam("after") String after, @QueryParam("limit") String limit) {
    long from = QueryParams.longInteger("after", after, 0, 0, Long.MAX_VALUE);
    int size = QueryParams.integer("limit", limit, DEFAULT_AUDIT_PAGE, 1, AuditTrail.MAX_PAGE);
    return audit.list(current.principal(), Optional.ofNullable(tenant), from, size).stream().map(AuditJson::of).toList();
  }
}
