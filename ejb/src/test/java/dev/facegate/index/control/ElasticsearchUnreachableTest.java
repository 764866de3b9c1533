package dev.facegate.index.control;

import static dev.facegate.index.control.Faces.MODEL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.facegate.index.entity.IndexUnavailableException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An unreachable or silent cluster is a clear error within the configured timeouts, never a hang.
 */
class ElasticsearchUnreachableTest {

  @Test
  void aClosedPortFailsFast() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    ElasticsearchSettings settings =
        ElasticsearchSettings.builder()
            .setUrl(URI.create("http://127.0.0.1:" + port))
            .setModel(MODEL)
            .optConnectTimeout(Duration.ofSeconds(1))
            .optResponseTimeout(Duration.ofSeconds(1))
            .build();

    long start = System.nanoTime();
    assertThatThrownBy(() -> ElasticsearchFaceIndex.open(settings))
        .isInstanceOf(IndexUnavailableException.class)
        .hasMessageContaining("unreachable")
        .hasMessageContaining("127.0.0.1:" + port);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void aServerThatNeverAnswersFailsAfterTheResponseTimeout() throws Exception {
    // accepts connections, reads nothing, answers nothing
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      List<Socket> accepted = new ArrayList<>();
      Thread acceptor =
          Thread.ofVirtual()
              .start(
                  () -> {
                    try {
                      while (true) {
                        accepted.add(silent.accept());
                      }
                    } catch (Exception closed) {
                      // test over
                    }
                  });
      ElasticsearchSettings settings =
          ElasticsearchSettings.builder()
              .setUrl(URI.create("http://127.0.0.1:" + silent.getLocalPort()))
              .setModel(MODEL)
              .optConnectTimeout(Duration.ofSeconds(1))
              .optResponseTimeout(Duration.ofSeconds(1))
              .build();

      long start = System.nanoTime();
      assertThatThrownBy(() -> ElasticsearchFaceIndex.open(settings))
          .isInstanceOf(IndexUnavailableException.class)
          .hasMessageContaining("unreachable");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));

      silent.close();
      acceptor.join(2000);
      for (Socket socket : accepted) {
        socket.close();
      }
    }
  }
}
