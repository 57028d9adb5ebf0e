package io.augment.adapter.in.openai;

import io.augment.adapter.in.Access;
import io.augment.domain.tenant.Scope;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path(OpenAiPaths.ROOT + "/models")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "OpenAI-compatible")
public class ModelsResource {
  private final ModelCatalog models;

  public ModelsResource(ModelCatalog models) {
    this.models = models;
  }

  @GET
  @Operation(summary = "The models served: the base model, rag:<kb> per knowledge base, adapter:<name>, embedding models")
  @Access(Scope.READ)
  public ModelJson.ListJson list() {
    return ModelJson.ListJson.of(models.list());
  }

  @DELETE
  @Path("/{model}")
  @Operation(summary = "Delete a fine-tuned model (adapter:<name>)")
  @Access(Scope.WRITE)
  public FineTuningJson.DeletedJson delete(@PathParam("model") String model) {
    models.delete(model);
    return new FineTuningJson.DeletedJson(model, "model", true);
  }

  @GET
  @Path("/{model}")
  @Operation(summary = "One model, by id")
  @Access(Scope.READ)
  public ModelJson get(@PathParam("model") String model) {
    return models.find(model).orElseThrow(() -> OpenAiException.modelNotFound(model, null));
  }
}
