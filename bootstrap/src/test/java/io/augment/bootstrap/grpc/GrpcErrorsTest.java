package io.augment.bootstrap.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.augment.adapter.in.grpc.GrpcErrors;
import io.augment.domain.model.AugmentException;
import io.augment.domain.model.ConflictException;
import io.augment.domain.model.InvalidInputException;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The one table from domain errors to gRPC statuses covers every domain error. */
class GrpcErrorsTest {
  private static final Metadata.Key<String> MESSAGE = Metadata.Key.of("grpc-message", Metadata.ASCII_STRING_MARSHALLER);

  @Test
  void mapsEveryDomainExceptionToAStatusOtherThanInternal() throws Exception {
    List<Class<? extends AugmentException>> all = domainExceptions();
    assertThat(all).hasSizeGreaterThanOrEqualTo(7);
    for (Class<? extends AugmentException> type : all) {
      assertThat(GrpcErrors.codeOf(type)).as(type.getSimpleName()).isNotEqualTo(Status.Code.INTERNAL);
    }
  }

  @Test
  void answersAnUnexpectedErrorWithInternalAndAnErrorIdButNoJavaTypeName() {
    StatusRuntimeException status = GrpcErrors.toStatus(new IllegalStateException("secret /srv/data path"));
    assertThat(status.getStatus().getCode()).isEqualTo(Status.Code.INTERNAL);
    assertThat(status.getTrailers().get(MESSAGE)).matches("internal error, error id [0-9a-f-]{36}");
  }

  @Test
  void carriesTheFieldAndAPlainTextMessageForInvalidInput() {
    StatusRuntimeException status = GrpcErrors.toStatus(new InvalidInputException("metadata.size", "must not be negative"));
    assertThat(status.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(status.getTrailers().get(GrpcErrors.FIELD)).isEqualTo("metadata.size");
    assertThat(status.getTrailers().get(MESSAGE)).contains("must not be negative").doesNotContain("%20");
  }

  @Test
  void percentEncodesOnlyWhatTheGrpcSpecRequires() {
    StatusRuntimeException status = GrpcErrors.toStatus(new ConflictException("caf\u00e9 is 100% taken: a/b, c=d"));
    assertThat(status.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
    assertThat(status.getTrailers().get(MESSAGE)).isEqualTo("caf%C3%A9 is 100%25 taken: a/b, c=d");
  }

  /** Every concrete subclass of AugmentException compiled into the domain module. */
  @SuppressWarnings("unchecked")
  private static List<Class<? extends AugmentException>> domainExceptions() throws Exception {
    List<Class<? extends AugmentException>> found = new ArrayList<>();
    for (String name : classNames(Path.of(AugmentException.class.getProtectionDomain().getCodeSource().getLocation().toURI()))) {
      Class<?> type = Class.forName(name, false, AugmentException.class.getClassLoader());
      if (AugmentException.class.isAssignableFrom(type) && !Modifier.isAbstract(type.getModifiers())) {
        found.add((Class<? extends AugmentException>) type);
      }
    }
    return found;
  }

  private static List<String> classNames(Path location) throws IOException, URISyntaxException {
    Stream<String> entries;
    if (Files.isDirectory(location)) {
      try (Stream<Path> paths = Files.walk(location)) {
        entries = paths.map(p -> location.relativize(p).toString().replace('\\', '/')).toList().stream();
      }
    } else {
      try (JarFile jar = new JarFile(location.toFile())) {
        entries = jar.stream().map(e -> e.getName()).toList().stream();
      }
    }
    return entries.filter(n -> n.startsWith("io/augment/domain/") && n.endsWith(".class") && !n.contains("$"))
        .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.')).toList();
  }
}
