package dev.facegate.faces.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.facegate.faces.entity.FaceEngineBusyException;
import dev.facegate.faces.entity.InferenceUnavailableException;
import dev.facegate.faces.entity.PhotoAnalysis;
import dev.facegate.faces.entity.UnreadableImageException;
import jakarta.ejb.EJBException;
import java.util.List;
import org.junit.jupiter.api.Test;

class RemoteFaceAnalysisTest {

  private static final byte[] PHOTO = {1, 2, 3};
  private static final PhotoAnalysis NO_FACE = new PhotoAnalysis(640, 480, 0, List.of(), null);

  private final ScriptedInferenceNode node = new ScriptedInferenceNode();
  private final ScriptedInferenceNode pinger = new ScriptedInferenceNode();
  private final RemoteFaceAnalysis remote = new RemoteFaceAnalysis(node, pinger, 3);

  @Test
  void aNodeThatDiesMidRequestIsFailedOverOnce() {
    node.fails(new EJBException("channel closed")).answers(NO_FACE);

    PhotoAnalysis analysis = remote.call("analyse", engine -> engine.analyse(PHOTO, 1));

    assertThat(analysis.faceCount()).isZero();
    assertThat(node.calls()).isEqualTo(2);
  }

  @Test
  void aSecondFailureEndsTheCallAsAnUnavailableEngineThatTheDoorAnswers503() {
    node.fails(new EJBException("channel closed")).fails(new IllegalStateException("no node"));

    assertThatThrownBy(() -> remote.call("analyse", engine -> engine.analyse(PHOTO, 1)))
        .isInstanceOf(InferenceUnavailableException.class)
        .isInstanceOf(FaceEngineBusyException.class)
        .satisfies(e -> assertThat(((FaceEngineBusyException) e).retryAfterSeconds()).isEqualTo(3))
        .hasMessageContaining("busy")
        .hasMessageContaining("IllegalStateException");
    assertThat(node.calls()).as("one attempt and one fail-over, no more").isEqualTo(2);
  }

  @Test
  void aBusyNodesRefusalReachesTheCallerUnchangedAndIsNotRetried() {
    FaceEngineBusyException busy = new FaceEngineBusyException("at its bound", 1);
    node.fails(busy);

    assertThatThrownBy(() -> remote.call("analyse", engine -> engine.analyse(PHOTO, 1)))
        .isSameAs(busy)
        .isNotInstanceOf(InferenceUnavailableException.class);
    assertThat(node.calls()).isEqualTo(1);
  }

  @Test
  void anUnreadablePhotoIsTheNodesAnswerNotAFailure() {
    UnreadableImageException unreadable =
        new UnreadableImageException(UnreadableImageException.Kind.CORRUPT, "truncated");
    node.fails(unreadable);

    assertThatThrownBy(() -> remote.call("analyse", engine -> engine.analyse(PHOTO, 1)))
        .isSameAs(unreadable);
    assertThat(node.calls()).isEqualTo(1);
  }

  @Test
  void readinessAsksThePingProxyAndNeverThrows() {
    assertThat(remote.answers()).isTrue();

    pinger.identityFails(new EJBException("connection refused"));

    assertThat(remote.answers()).isFalse();
    assertThat(node.calls()).as("the readiness call does not run an analysis").isZero();
  }
}
