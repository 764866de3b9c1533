package dev.facegate.models.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Library;
import com.sun.jna.Native;
import org.junit.jupiter.api.Test;

class EngineThreadsTest {

  /** Reads the C environment, which MXNet reads, not Java's copy of it. */
  private interface CLibrary extends Library {
    String getenv(String name);
  }

  @Test
  void anUnsetVariableBecomesTheProcessorCount() {
    assertThat(EngineThreads.decide(null, 2)).isEqualTo(2);
    assertThat(EngineThreads.decide(null, 16)).isEqualTo(16);
    assertThat(EngineThreads.decide(null, 0)).isEqualTo(1);
  }

  @Test
  void theOperatorsValueWins() {
    assertThat(EngineThreads.decide("1", 8)).isEqualTo(1);
    assertThat(EngineThreads.decide(" 4 ", 2)).isEqualTo(4);
  }

  @Test
  void anUnusableValueCountsAsMxnetsDefaultOfOne() {
    assertThat(EngineThreads.decide("0", 8)).isEqualTo(1);
    assertThat(EngineThreads.decide("-2", 8)).isEqualTo(1);
    assertThat(EngineThreads.decide("two", 8)).isEqualTo(1);
  }

  @Test
  void theCountReachesTheEnvironmentMxnetReads() {
    int workers = EngineThreads.prepareMxnet();
    String inC = Native.load("c", CLibrary.class).getenv(EngineThreads.MXNET_CPU_WORKER_NTHREADS);
    String inJava = System.getenv(EngineThreads.MXNET_CPU_WORKER_NTHREADS);
    if (inJava != null) {
      assertThat(inC).isEqualTo(inJava); // set by whoever started the JVM: left alone
    } else if (Runtime.getRuntime().availableProcessors() > 1) {
      assertThat(inC).isEqualTo(Integer.toString(workers));
      assertThat(workers).isEqualTo(Runtime.getRuntime().availableProcessors());
    } else {
      assertThat(workers).isEqualTo(1);
    }
    assertThat(EngineThreads.prepareMxnet()).as("idempotent").isEqualTo(workers);
  }
}
