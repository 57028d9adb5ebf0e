package io.augment.bootstrap.auth;

import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Reads the audit log over REST, page by page, for the entries about one resource. */
final class AuditPages {
  private AuditPages() {}

  /** The entries for {@code resource}, waiting up to 5 s for the first (entries are written as responses end). */
  static List<Map<String, Object>> await(Supplier<RequestSpecification> caller, String resource)
      throws InterruptedException {
    for (int i = 0; i < 50; i++) {
      if (!find(caller, resource).isEmpty()) {
        Thread.sleep(200); // any later entry for it too
        return find(caller, resource);
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no audit entry for " + resource);
  }

  static List<Map<String, Object>> find(Supplier<RequestSpecification> caller, String resource) {
    List<Map<String, Object>> found = new ArrayList<>();
    long after = 0;
    while (true) {
      List<Map<String, Object>> page = caller.get().get("/api/v1/admin/audit?limit=1000&after=" + after)
          .then().statusCode(200).extract().jsonPath().getList("");
      page.stream().filter(e -> resource.equals(e.get("resource"))).forEach(found::add);
      if (page.size() < 1000) {
        return found;
      }
      after = ((Number) page.get(page.size() - 1).get("sequence")).longValue();
    }
  }
}
