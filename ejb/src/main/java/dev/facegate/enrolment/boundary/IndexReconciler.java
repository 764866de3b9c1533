package dev.facegate.enrolment.boundary;

import dev.facegate.domain.audit.AuditAction;
import dev.facegate.enrolment.control.TemplateRepository;
import dev.facegate.faces.boundary.FaceAnalysis;
import dev.facegate.index.boundary.FaceIndex;
import dev.facegate.index.boundary.FaceIndexConfiguration;
import dev.facegate.index.entity.FaceIndexException;
import dev.facegate.observability.control.WorkMetrics;
import dev.facegate.platform.Roles;
import dev.facegate.platform.control.AuditLog;
import dev.facegate.platform.control.ClusterLocks;
import dev.facegate.platform.control.ClusterRole;
import dev.facegate.platform.control.ThisNode;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Keeps the index equal to the database, its source of truth: at start-up and every night it
 * compares the counts for the current model and rebuilds the index when they differ (a lost index
 * folder, a new Elasticsearch cluster, an index write that outlived a rolled-back transaction).
 * Administrators can also rebuild on demand.
 *
 * <p>Once per cluster: the start-up and nightly runs happen only on the node WildFly's HA singleton
 * policy elects ({@link ClusterRole}; a server without clustering is its own leader), and on a node
 * elected later (the previous leader left), within a minute of its election. Around the run, a
 * PostgreSQL advisory lock makes a second runner skip during the seconds an election is in flux.
 * The on-demand rebuild runs where the administrator calls it.
 */
@Singleton
@Startup
@DependsOn({"SchemaMigration", "FaceAnalysis"})
public class IndexReconciler {

  private static final Logger LOG = Logger.getLogger(IndexReconciler.class.getName());

  @Inject TemplateRepository templates;

  @Inject FaceIndex index;

  @Inject FaceAnalysis engine;

  @Inject AuditLog audit;

  @Inject WorkMetrics metrics;

  @Inject ClusterLocks locks;

  @Inject FaceIndexConfiguration indexConfiguration;

  @Inject ThisNode thisNode;

  /**
   * On every portal node: a clustered server whose index is not shared does not start; then the
   * leader reconciles. An inference node holds neither the site's templates nor its index (its
   * cluster is the inference nodes' own), so it does neither.
   */
  @PostConstruct
  void atStartup() {
    if (thisNode.isInference()) {
      LOG.info("Inference node: no index to reconcile");
      return;
    }
    indexConfiguration.refuseEmbeddedIndexWhenClustered(ClusterRole.clustered());
    metrics.gauge("facegate.reconciler.leader", () -> ClusterRole.leads() ? 1 : 0);
    if (ClusterRole.takeElection()) {
      reconcileQuietly("at start-up");
    } else {
      LOG.info("Another node runs the index reconciler (HA singleton), not this one");
    }
  }

  /**
   * A node elected after its start-up (the previous leader left) reconciles within a minute; the
   * election itself happens in a server thread outside any bean, so it only leaves a mark.
   */
  @Schedule(hour = "*", minute = "*", persistent = false)
  void afterElection() {
    if (!thisNode.isInference() && ClusterRole.takeElection()) {
      reconcileQuietly("after election");
    }
  }

  @Schedule(hour = "3", minute = "17", persistent = false)
  void nightly() {
    if (!thisNode.isInference() && ClusterRole.leads()) {
      reconcile();
    }
  }

  private void reconcileQuietly(String when) {
    try {
      reconcile();
    } catch (FaceIndexException e) {
      // An unreachable cluster must not stop the server; the nightly run and requests retry.
      LOG.log(Level.WARNING, "Index reconciliation " + when + " failed; will retry", e);
    }
  }

  /**
   * Rebuilds the index if its size differs from the database's.
   *
   * @return true if it rebuilt
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  @RolesAllowed(Roles.ADMIN)
  public boolean reconcile() {
    // A run that throws is counted as failed; its exception goes on to the caller.
    String result = "failed";
    try {
      if (!locks.tryForTransaction(ClusterLocks.INDEX_RECONCILER)) {
        result = "skipped";
        LOG.info("Another node is reconciling the index now; skipped");
        return false;
      }
      boolean rebuilt = reconcileCounts();
      result = rebuilt ? "rebuilt" : "unchanged";
      return rebuilt;
    } finally {
      metrics.reconciled(result);
    }
  }

  private boolean reconcileCounts() {
    long inDatabase = templates.countByModel(engine.modelVersion());
    long inIndex = index.count();
    if (inDatabase == inIndex) {
      return false;
    }
    LOG.info(
        () ->
            "Index holds "
                + inIndex
                + " templates, the database "
                + inDatabase
                + ": rebuilding the index");
    rebuild();
    return true;
  }

  /**
   * Replaces the index content with the database's templates of the current model.
   *
   * @return the number of templates indexed
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  @RolesAllowed(Roles.ADMIN)
  public long rebuild() {
    long indexed;
    try (Stream<dev.facegate.domain.enrolment.FaceTemplate> source =
        templates.streamByModel(engine.modelVersion())) {
      indexed = index.rebuild(source.map(t -> Enrolment.indexed(t, t.getEmployee())));
    }
    audit.record(AuditAction.INDEX_REBUILT, null, "Index rebuilt with " + indexed + " templates.");
    return indexed;
  }
}
