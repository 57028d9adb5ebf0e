package io.augment.bootstrap.auth;

import org.junit.jupiter.api.Tag;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.augment.adapter.in.Access;
import io.augment.adapter.in.grpc.GrpcScopes;
import io.quarkus.grpc.runtime.GrpcServerRecorder;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every route and every gRPC method says which scope it needs; nothing is left to the write default by accident. */
@QuarkusTest
@Tag("shared-auth")
@TestProfile(AuthOn.class)
class ScopeClassificationTest {

  @Test
  void everyRestAndV1ResourceMethodDeclaresItsScope() {
    JavaClasses inbound = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.augment.adapter.in");
    methods().that().areAnnotatedWith(GET.class).or().areAnnotatedWith(POST.class).or().areAnnotatedWith(PUT.class)
        .or().areAnnotatedWith(DELETE.class).or().areAnnotatedWith(PATCH.class)
        .should().beAnnotatedWith(Access.class)
        .check(inbound);
  }

  @Test
  void everyServedGrpcMethodIsInTheScopeTable() {
    List<String> served = GrpcServerRecorder.getServices().stream()
        .flatMap(s -> s.definition.getMethods().stream())
        .map(m -> m.getMethodDescriptor().getFullMethodName())
        .toList();
    assertThat(served).contains("augment.v1.Admin/CreateKey", "augment.v1.KnowledgeBases/List");
    assertThat(served).allSatisfy(m -> assertThat(GrpcScopes.TABLE.containsKey(m) || GrpcScopes.OPEN.contains(m))
        .as("gRPC method %s is classified in GrpcScopes", m).isTrue());
    assertThat(served).containsAll(GrpcScopes.TABLE.keySet());
  }
}
