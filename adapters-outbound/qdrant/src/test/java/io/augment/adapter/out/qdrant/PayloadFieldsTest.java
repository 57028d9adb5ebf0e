package io.augment.adapter.out.qdrant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PayloadFieldsTest {

  @Test
  void keepsPlainKeysReadableAndEscapesEverythingElse() {
    assertThat(PayloadFields.value("lang")).isEqualTo("m_lang");
    assertThat(PayloadFields.elements("tags")).isEqualTo("l_tags");
    assertThat(PayloadFields.rank("date", 3)).isEqualTo("r3_date");
    assertThat(PayloadFields.encode("a.b")).isEqualTo("a_002eb");
    assertThat(PayloadFields.encode("doc_type")).isEqualTo("doc_005ftype");
    assertThat(PayloadFields.encode("ключ")).isEqualTo("_043a_043b_044e_0447");
  }

  @Test
  void encodesDistinctKeysToDistinctFieldNames() {
    assertThat(PayloadFields.encode("a_002e")).isNotEqualTo(PayloadFields.encode("a."));
    assertThat(PayloadFields.value("")).isEqualTo("m_");
  }

  @Test
  void rankGroupsEndWithTheStringAndStayExactAsDoubles() {
    assertThat(PayloadFields.rankGroups("", 22)).hasSize(1).containsExactly(0L);
    assertThat(PayloadFields.rankGroups("ab", 22)).hasSize(1);
    assertThat(PayloadFields.rankGroups("abc", 22)).hasSize(2); // the end needs a group of its own
    assertThat(PayloadFields.rankGroups("x".repeat(500), 22)).hasSize(22);
    long max = PayloadFields.rankGroups("\uffff\uffff\uffff", 1)[0];
    assertThat((double) max).isEqualTo((double) (max - 1) + 1).isLessThan(0x1p53);
  }

  @Test
  void rankGroupsCompareLikeStrings() {
    Random random = new Random(42);
    String alphabet = "ab\u0000\u00e9\uffff-0";
    for (int i = 0; i < 20_000; i++) {
      String a = randomString(random, alphabet);
      String b = randomString(random, alphabet);
      int expected = Integer.signum(a.compareTo(b));
      int actual = Integer.signum(Arrays.compare(PayloadFields.rankGroups(a, 22), PayloadFields.rankGroups(b, 22)));
      assertThat(actual).as("%s vs %s", a, b).isEqualTo(expected);
    }
  }

  private static String randomString(Random random, String alphabet) {
    StringBuilder s = new StringBuilder();
    int length = random.nextInt(8);
    for (int i = 0; i < length; i++) {
      s.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return s.toString();
  }
}
