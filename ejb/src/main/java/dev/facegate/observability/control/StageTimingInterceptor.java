package dev.facegate.observability.control;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** Records the duration of every {@link TimedStage} method, whether it returns or throws. */
@TimedStage(Stage.DATABASE)
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class StageTimingInterceptor {

  @Inject WorkMetrics metrics;

  @AroundInvoke
  Object time(InvocationContext call) throws Exception {
    Stage stage = stageOf(call);
    long started = System.nanoTime();
    try {
      return call.proceed();
    } finally {
      metrics.stage(stage, System.nanoTime() - started);
    }
  }

  /** The method's own annotation wins over its class's (the binding's member is not binding). */
  private static Stage stageOf(InvocationContext call) {
    TimedStage onMethod = call.getMethod().getAnnotation(TimedStage.class);
    if (onMethod != null) {
      return onMethod.value();
    }
    return call.getMethod().getDeclaringClass().getAnnotation(TimedStage.class).value();
  }
}
