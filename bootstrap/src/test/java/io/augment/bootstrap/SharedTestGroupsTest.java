package io.augment.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Surefire executions that run a shared-profile group list its classes by name (so JUnit never
 * discovers the other test classes there); the default execution leaves every tagged class out. A
 * class tagged with a group but missing from its list would run nowhere.
 */
class SharedTestGroupsTest {
  private static final Pattern TAG = Pattern.compile("@Tag\\(\"(shared-[a-z-]+)\"\\)");
  private static final Pattern EXECUTION = Pattern.compile("<id>(shared-[a-z-]+)</id>(.*?)</execution>", Pattern.DOTALL);
  private static final Pattern INCLUDE = Pattern.compile("<include>\\*\\*/(\\w+)\\.java</include>");

  @Test
  void everyClassTaggedWithASharedGroupIsListedInThatGroupsExecutionAndNothingElseIs() throws IOException {
    Map<String, Set<String>> tagged = new TreeMap<>();
    try (Stream<Path> files = Files.walk(Path.of("src", "test", "java"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Matcher m = TAG.matcher(Files.readString(file));
        while (m.find()) {
          tagged.computeIfAbsent(m.group(1), g -> new TreeSet<>()).add(file.getFileName().toString().replace(".java", ""));
        }
      }
    }
    String pom = Files.readString(Path.of("pom.xml"));
    Matcher excluded = Pattern.compile("<excludedGroups>([^<]+)</excludedGroups>").matcher(pom);
    assertThat(excluded.find()).isTrue();
    Map<String, Set<String>> listed = new TreeMap<>();
    Matcher execution = EXECUTION.matcher(pom);
    while (execution.find()) {
      Set<String> classes = listed.computeIfAbsent(execution.group(1), g -> new TreeSet<>());
      Matcher include = INCLUDE.matcher(execution.group(2));
      while (include.find()) {
        classes.add(include.group(1));
      }
    }

    assertThat(tagged).isNotEmpty().containsKey("shared-app");
    assertThat(listed).isEqualTo(tagged);
    assertThat(new TreeSet<>(Set.of(excluded.group(1).strip().split("\\s*,\\s*")))).isEqualTo(tagged.keySet());
  }
}
