package dev.facegate.observability.control;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Times a business method as one {@link Stage} of a decision ({@link StageTimingInterceptor}). On a
 * boundary method the timing includes the container's own work around the call (security check,
 * transaction join), which is part of what a caller waits for.
 */
@InterceptorBinding
@Retention(RUNTIME)
@Target({METHOD, TYPE})
public @interface TimedStage {

  /** The stage the method's time belongs to. */
  @Nonbinding
  Stage value();
}
