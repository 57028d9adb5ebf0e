package io.augment.adapter.out.qdrant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class QdrantEndpointTest {

  @Test
  void readsHostPortAndTlsFromAUrl() {
    assertThat(QdrantEndpoint.parse("http://localhost:6334")).isEqualTo(new QdrantEndpoint("localhost", 6334, false));
    assertThat(QdrantEndpoint.parse("https://xyz.cloud.qdrant.io:443")).isEqualTo(new QdrantEndpoint("xyz.cloud.qdrant.io", 443, true));
    assertThat(QdrantEndpoint.parse(" qdrant:7000 ")).isEqualTo(new QdrantEndpoint("qdrant", 7000, false));
  }

  @Test
  void defaultsToQdrantsGrpcPort() {
    assertThat(QdrantEndpoint.parse("http://qdrant").port()).isEqualTo(6334);
  }

  @Test
  void refusesUrlsItCannotConnectTo() {
    assertThatThrownBy(() -> QdrantEndpoint.parse("ftp://qdrant:6334")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> QdrantEndpoint.parse("http://:6334")).isInstanceOf(IllegalArgumentException.class);
  }
}
