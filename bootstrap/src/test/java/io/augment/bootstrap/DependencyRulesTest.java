package io.augment.bootstrap;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The hexagon's arrows point inward: domain <- application <- adapters <- bootstrap. */
class DependencyRulesTest {
  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .withImportOption(location -> !location.contains("-tests.jar")) // the domain's contract suites
      .importPackages("io.augment");

  @Test
  void domainUsesOnlyTheJavaPlatform() {
    classes().that().resideInAPackage("io.augment.domain..")
        .should().onlyDependOnClassesThat().resideInAnyPackage("io.augment.domain..", "java..")
        .check(CLASSES);
  }

  @Test
  void applicationUsesOnlyTheDomainAndTheJavaPlatform() {
    classes().that().resideInAPackage("io.augment.application..")
        .should().onlyDependOnClassesThat().resideInAnyPackage("io.augment.domain..", "io.augment.application..", "java..")
        .check(CLASSES);
  }

  @Test
  void outboundAdaptersDoNotUseEachOther() {
    slices().matching("io.augment.adapter.out.(*)..").should().notDependOnEachOther().check(CLASSES);
  }

  @Test
  void inboundAdaptersDoNotUseEachOther() {
    slices().matching("io.augment.adapter.in.(*)..").should().notDependOnEachOther().check(CLASSES);
  }

  @Test
  void adaptersNeverUseTheOtherSideOrTheBootstrap() {
    noClasses().that().resideInAPackage("io.augment.adapter.out..")
        .should().dependOnClassesThat().resideInAnyPackage("io.augment.adapter.in..", "io.augment.application..", "io.augment.bootstrap..")
        .check(CLASSES);
    noClasses().that().resideInAPackage("io.augment.adapter.in..")
        .should().dependOnClassesThat().resideInAnyPackage("io.augment.adapter.out..", "io.augment.bootstrap..")
        .check(CLASSES);
  }

  /** Inbound adapters reach trainers, catalogs, stores and indexes only through the use cases. */
  @Test
  void inboundAdaptersNeverUseOutboundPortsDirectly() {
    noClasses().that().resideInAPackage("io.augment.adapter.in..")
        .should().dependOnClassesThat(OUTBOUND_PORTS)
        .check(CLASSES);
  }

  private static final DescribedPredicate<JavaClass> OUTBOUND_PORTS = DescribedPredicate.describe(
      "are outbound ports (trainer, adapter catalog, training-data parser, repositories, indexes)",
      c -> c.getPackageName().startsWith("io.augment.domain.") && (c.getSimpleName().endsWith("Repository")
          || Set.of("FineTuner", "AdapterCatalog", "TrainingDataParser", "VectorIndex", "LexicalIndex")
              .contains(c.getSimpleName())));

  @Test
  void theCoreNeverReachesOutward() {
    noClasses().that().resideInAnyPackage("io.augment.domain..", "io.augment.application..")
        .should().dependOnClassesThat().resideInAnyPackage("io.augment.adapter..", "io.augment.bootstrap..")
        .check(CLASSES);
  }
}
