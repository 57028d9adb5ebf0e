package io.augment.bootstrap.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The start-up rule: authentication off is allowed only on loopback, or with the explicit override. */
class BindingCheckTest {

  @SuppressWarnings("unchecked")
  private static Optional<String> problem(String host, boolean auth, boolean override) throws Exception {
    Method m = Class.forName("io.augment.bootstrap.TenancyStartup")
        .getDeclaredMethod("bindingProblem", String.class, boolean.class, boolean.class);
    m.setAccessible(true);
    return (Optional<String>) m.invoke(null, host, auth, override);
  }

  @Test
  void loopbackWithoutAuthenticationStarts() throws Exception {
    for (String host : new String[] {"127.0.0.1", "localhost", "::1", "127.0.0.2"}) {
      assertThat(problem(host, false, false)).as(host).isEmpty();
    }
  }

  @Test
  void everyInterfaceWithoutAuthenticationIsRefusedNamingTheWayOut() throws Exception {
    assertThat(problem("0.0.0.0", false, false)).get().asString()
        .contains("quarkus.http.host=0.0.0.0").contains("augment.auth.enabled=true")
        .contains("augment.auth.allow-unauthenticated-network=true");
    assertThat(problem("::", false, false)).isPresent();
    assertThat(problem("", false, false)).isPresent();
  }

  @Test
  void authenticationOrTheExplicitOverrideAllowsAnyInterface() throws Exception {
    assertThat(problem("0.0.0.0", true, false)).isEmpty();
    assertThat(problem("0.0.0.0", false, true)).isEmpty();
  }
}
