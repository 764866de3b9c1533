package dev.facegate.platform.boundary;

import java.util.Optional;

/**
 * A dependency a business component adds to the readiness report ({@link Health}) without the
 * platform knowing the component: CDI beans of this type are asked at every check.
 */
public interface DependencyCheck {

  /** The entry's name in the report, e.g. {@code inference}. */
  String name();

  /**
   * Whether the dependency answers now; must be quick (a short timeout) and must not throw.
   *
   * @return empty when the dependency does not apply to this node (then no entry is reported)
   */
  Optional<Boolean> up();
}
