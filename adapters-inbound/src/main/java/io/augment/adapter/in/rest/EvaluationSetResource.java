package io.augment.adapter.in.rest;

import io.augment.adapter.in.Access;
import io.augment.adapter.in.CurrentWorkspace;
import io.augment.adapter.in.EvaluationJsonl;
import io.augment.adapter.in.rest.EvaluationJson.SetInput;
import io.augment.adapter.in.rest.EvaluationJson.SetJson;
import io.augment.application.evaluation.EvaluationSets;
import io.augment.domain.evaluation.EvaluationQuestion;
import io.augment.domain.evaluation.EvaluationSet;
import io.augment.domain.model.InvalidInputException;
import io.augment.domain.model.Limits;
import io.augment.domain.tenant.Scope;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** Evaluation sets: questions with reference answers and optional gold document ids (docs/evaluation.md). */
@Path("/api/v1/evaluation-sets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Evaluation")
public class EvaluationSetResource {
  private static final int DEFAULT_PAGE = 100;
  private static final String LINES = "one JSON object per line: {\"question\": ..., \"answers\": [...], \"documentIds\": [...]} "
      + "(documentIds optional, no other fields); blank lines are skipped but counted. A bad line refuses the whole set "
      + "with a 400 naming its line number, and nothing is stored.";

  private final CurrentWorkspace current;

  public EvaluationSetResource(CurrentWorkspace current) {
    this.current = current;
  }

  private EvaluationSets sets() {
    return current.get().evaluationSets();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Store an evaluation set given as JSON",
      description = "Send either questions (a list of {question, answers, documentIds}; errors name questions[i].field) "
          + "or jsonl (a string of " + LINES + " Errors name jsonl.)")
  @Access(Scope.WRITE)
  public Response create(SetInput body) {
    if (body == null) {
      throw new InvalidInputException("name", "is required");
    }
    EvaluationSet.checkName("name", body.name());
    Limits.atMost("description", body.description(), Limits.DESCRIPTION);
    boolean hasQuestions = body.questions() != null && !body.questions().isNull();
    if (hasQuestions == (body.jsonl() != null)) {
      throw new InvalidInputException("questions", "send either questions (a list) or jsonl (a string), exactly one");
    }
    EvaluationSet set = hasQuestions
        ? sets().create(body.name(), description(body.description()), EvaluationJsonl.list("questions", body.questions()))
        : sets().createFromLines(body.name(), description(body.description()), "jsonl",
            EvaluationJsonl.read("jsonl", body.jsonl()));
    return created(set);
  }

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Operation(summary = "Store an evaluation set uploaded as a JSONL file",
      description = "Form fields: file (required), name (required), description. The file holds " + LINES
          + " Errors name file. Send the header X-Augment-Request: 1 (cross-site protection).")
  @Access(Scope.WRITE)
  public Response upload(
      @HeaderParam("X-Augment-Request") @Parameter(required = true, example = "1",
          description = "any value; a web page on another site cannot send it") String marker,
      @RestForm("file") FileUpload file, @RestForm("name") String name, @RestForm("description") String description) {
    EvaluationSet.checkName("name", name);
    Limits.atMost("description", description, Limits.DESCRIPTION);
    if (file == null) {
      throw new InvalidInputException("file", "a multipart part named 'file' is required");
    }
    List<EvaluationQuestion> questions = EvaluationJsonl.read("file", read(file));
    return created(sets().createFromLines(name, description(description), "file", questions));
  }

  @GET
  @Operation(summary = "List evaluation sets, by name")
  @Access(Scope.READ)
  public List<SetJson> list() {
    return sets().list().stream().map(SetJson::of).toList();
  }

  @GET
  @Path("/{name}")
  @Operation(summary = "Read an evaluation set with a page of its questions, in upload order",
      description = "offset: 0 or more (default 0); limit: 1 to 1000 (default 100). Other values are a 400 naming the parameter.")
  @Access(Scope.READ)
  public SetJson get(@PathParam("name") String name, @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
    int from = QueryParams.integer("offset", offset, 0, 0, Integer.MAX_VALUE);
    int size = QueryParams.integer("limit", limit, DEFAULT_PAGE, 1, Limits.PAGE_SIZE);
    EvaluationSet set = sets().get(name);
    List<EvaluationQuestion> all = sets().questions(name);
    List<EvaluationQuestion> page = from >= all.size() ? List.of() : all.subList(from, Math.min(all.size(), from + size));
    return SetJson.of(set, from, size, page);
  }

  @DELETE
  @Path("/{name}")
  @Operation(summary = "Delete an evaluation set; runs that used it keep their results")
  @Access(Scope.WRITE)
  public Response delete(@PathParam("name") String name) {
    sets().delete(name);
    return Response.noContent().build();
  }

  private static Response created(EvaluationSet set) {
    return Response.created(URI.create("/api/v1/evaluation-sets/" + set.name())).entity(SetJson.of(set)).build();
  }

  private static String description(String description) {
    return description == null ? "" : description;
  }

  private static byte[] read(FileUpload file) {
    try {
      return Files.readAllBytes(file.uploadedFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
