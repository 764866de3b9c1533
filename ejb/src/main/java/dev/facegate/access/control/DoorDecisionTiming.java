package dev.facegate.access.control;

import dev.facegate.access.boundary.DoorDecision;
import dev.facegate.faces.entity.FaceEngineBusyException;
import dev.facegate.faces.entity.InferenceUnavailableException;
import dev.facegate.observability.control.WorkMetrics;
import dev.facegate.platform.BusinessException;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.InvocationContext;

/**
 * Around a door decision: marks the thread as a door flow (so the stages it runs are tagged {@code
 * door}) and records the decision by outcome with its latency. Requests refused before a decision
 * count as decision NONE: BUSY when the face engine's queue was full, INFERENCE_UNAVAILABLE when no
 * inference node answered (both 503 to the door), REFUSED for any other expected refusal (bad
 * signature, unreadable frame), ERROR for the unexpected.
 */
public class DoorDecisionTiming {

  @Inject WorkMetrics metrics;

  @AroundInvoke
  Object time(InvocationContext call) throws Exception {
    long started = System.nanoTime();
    String decision = "NONE";
    String outcome = "ERROR";
    try (WorkMetrics.DoorFlow flow = metrics.doorFlow()) {
      Object result = call.proceed();
      if (result instanceof DoorDecision decided) {
        decision = decided.open() ? "OPEN" : "DENY";
        outcome = decided.outcome().name();
      }
      return result;
    } catch (InferenceUnavailableException e) {
      outcome = "INFERENCE_UNAVAILABLE";
      throw e;
    } catch (FaceEngineBusyException e) {
      outcome = "BUSY";
      throw e;
    } catch (BusinessException e) {
      outcome = "REFUSED";
      throw e;
    } finally {
      metrics.doorDecision(decision, outcome, System.nanoTime() - started);
    }
  }
}
