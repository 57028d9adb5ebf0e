package io.augment.adapter.in.grpc;

import io.augment.domain.tenant.Scope;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one table of what each gRPC method needs, by full method name. A method not listed needs
 * {@code write} (fail closed); {@link #OPEN} methods need no key at all.
 */
public final class GrpcScopes {
  /** Health checks stay open, like {@code /q/health}. */
  public static final Set<String> OPEN = Set.of("grpc.health.v1.Health/Check", "grpc.health.v1.Health/Watch");

  private static final String V1 = "augment.v1.";
  /** Every method, classified; {@code GrpcScopesTest} checks no served method is missing. */
  public static final Map<String, Scope> TABLE = Map.ofEntries(
      read("KnowledgeBases/List"), read("KnowledgeBases/Get"),
      write("KnowledgeBases/Create"), write("KnowledgeBases/Delete"),
      write("Documents/Upload"), write("Documents/Ingest"), write("Documents/Delete"),
      read("Documents/Get"), read("Documents/List"),
      read("Retrieval/Search"), read("Retrieval/Query"), read("Retrieval/QueryStream"),
      write("IngestJobs/Submit"), write("IngestJobs/Cancel"), read("IngestJobs/Get"), read("IngestJobs/List"),
      write("FineTuning/Start"), write("FineTuning/Cancel"), read("FineTuning/Get"), read("FineTuning/List"),
      read("FineTuning/ListAdapters"), write("FineTuning/DeleteAdapter"), read("FineTuning/ListEvents"),
      read("FineTuning/ListCheckpoints"), read("FineTuning/Watch"), write("FineTuning/UploadFile"),
      read("FineTuning/GetFile"), read("FineTuning/ListFiles"), write("FineTuning/DeleteFile"),
      write("FineTuning/ImportModel"), read("FineTuning/ExportModel"),
      write("Benchmarks/StartKnowledgeInjection"), write("Benchmarks/CancelKnowledgeInjection"),
      read("Benchmarks/GetKnowledgeInjection"), read("Benchmarks/GetKnowledgeInjectionReport"),
      write("Evaluations/CreateSet"), write("Evaluations/DeleteSet"), read("Evaluations/ListSets"),
      read("Evaluations/GetSet"), write("Evaluations/StartRun"), write("Evaluations/CancelRun"),
      write("Evaluations/DeleteRun"), read("Evaluations/GetRun"), read("Evaluations/ListRuns"),
      read("Evaluations/GetResults"), read("Evaluations/GetReport"),
      admin("Admin/CreateTenant"), admin("Admin/ListTenants"), admin("Admin/GetTenant"), admin("Admin/DeleteTenant"),
      admin("Admin/UpdateQuotas"), admin("Admin/CreateKey"), admin("Admin/ListKeys"), admin("Admin/RevokeKey"),
      admin("Admin/ListAudit"));

  private GrpcScopes() {}

  /** What {@code fullMethodName} needs; empty for an open method. */
  public static Optional<Scope> of(String fullMethodName) {
    if (OPEN.contains(fullMethodName)) {
      return Optional.empty();
    }
    return Optional.of(TABLE.getOrDefault(fullMethodName, Scope.WRITE));
  }

  private static Map.Entry<String, Scope> read(String method) {
    return Map.entry(V1 + method, Scope.READ);
  }

  private static Map.Entry<String, Scope> write(String method) {
    return Map.entry(V1 + method, Scope.WRITE);
  }

  private static Map.Entry<String, Scope> admin(String method) {
    return Map.entry(V1 + method, Scope.ADMIN);
  }
}
