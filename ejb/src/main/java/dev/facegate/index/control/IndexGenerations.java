package dev.facegate.index.control;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The indices behind an index's alias. Each is named {@code
 * <alias>-<model>-v<version>-<generation>} and created from the mapping resource {@code
 * face-index.json}.
 *
 * <p>What must hold: the alias points to exactly one index, and it is one of the configured model's
 * once {@link #bootstrap()} has run. A new generation is filled while the alias still points to the
 * old one and {@link #promote promoted} in one atomic {@code _aliases} call, so searches never see
 * a half-built index. Bootstrap is idempotent and safe from several servers at once.
 */
final class IndexGenerations {

  private static final Logger LOG = Logger.getLogger(IndexGenerations.class.getName());
  private static final String MAPPING = "/dev/facegate/index/face-index.json";

  private final ElasticsearchClient client;
  private final ElasticsearchCalls calls;
  private final ElasticsearchSettings settings;

  IndexGenerations(
      ElasticsearchClient client, ElasticsearchCalls calls, ElasticsearchSettings settings) {
    this.client = client;
    this.calls = calls;
    this.settings = settings;
  }

  /** Name prefix of this model's indices. */
  String prefix() {
    return settings.alias() + "-" + settings.model().slug() + "-";
  }

  /** Makes sure the alias points to an index of the configured model, creating it if needed. */
  void bootstrap() {
    Set<String> behindAlias = current();
    if (behindAlias.stream().anyMatch(name -> name.startsWith(prefix()))) {
      return;
    }
    String first = prefix() + "0";
    create(first);
    // a model change: the alias moves to the new model's (empty) index; a rebuild fills it
    if (!behindAlias.isEmpty()) {
      LOG.warning(
          () ->
              "alias "
                  + settings.alias()
                  + " pointed to "
                  + behindAlias
                  + "; moved to "
                  + first
                  + " for model "
                  + settings.model().key()
                  + ": rebuild the index");
    }
    swapAlias(behindAlias, first);
  }

  /** The indices the alias points to now (none before the first bootstrap). */
  Set<String> current() {
    return calls.run(
        "read alias " + settings.alias(),
        () -> {
          if (!client.indices().existsAlias(e -> e.name(settings.alias())).value()) {
            return Set.<String>of();
          }
          return Set.copyOf(
              client.indices().getAlias(g -> g.name(settings.alias())).aliases().keySet());
        });
  }

  /**
   * Creates the next generation beside {@code current}, not yet behind the alias.
   *
   * @return its name
   */
  String createNext(Set<String> current) {
    String next = prefix() + System.currentTimeMillis();
    if (current.contains(next)) {
      next = next + "-1";
    }
    create(next);
    return next;
  }

  /** Stops periodic refreshes of a generation being loaded: fewer, larger segments. */
  void pauseRefresh(String index) {
    refreshInterval(index, "-1");
  }

  /** Restores periodic refreshes and refreshes once, so everything loaded is searchable. */
  void resumeRefresh(String index) {
    refreshInterval(index, "1s");
    calls.run("refresh " + index, () -> client.indices().refresh(r -> r.index(index)));
  }

  /** Moves the alias from {@code old} to {@code next} atomically, then deletes the old indices. */
  void promote(Set<String> old, String next) {
    swapAlias(old, next);
    deleteQuietly(old.stream().filter(name -> name.startsWith(settings.alias() + "-")).toList());
  }

  /** Deletes a generation that was never promoted (a failed load). */
  void discard(String index) {
    deleteQuietly(List.of(index));
  }

  /** Deletes every index named {@code <alias>-*}: all models and generations. */
  void dropAll() {
    // wildcard deletes are refused by default (action.destructive_requires_name): resolve names
    List<String> names =
        calls.run(
            "list indices of " + settings.alias(),
            () ->
                List.copyOf(
                    client
                        .indices()
                        .get(g -> g.index(settings.alias() + "-*").ignoreUnavailable(true))
                        .indices()
                        .keySet()));
    if (!names.isEmpty()) {
      calls.run(
          "drop indices of " + settings.alias(),
          () -> client.indices().delete(d -> d.index(names)));
    }
  }

  private void create(String name) {
    String body =
        mappingTemplate()
            .replace("${replicas}", Integer.toString(settings.replicas()))
            .replace("${dims}", Integer.toString(settings.model().dimensions()))
            .replace("${index_type}", settings.indexType());
    calls.run(
        "create index " + name,
        () -> {
          try {
            client.indices().create(c -> c.index(name).withJson(new StringReader(body)));
          } catch (ElasticsearchException e) {
            // another server created it first: bootstrap is idempotent
            if (!"resource_already_exists_exception".equals(e.error().type())) {
              throw e;
            }
          }
          return null;
        });
  }

  private void swapAlias(Collection<String> from, String to) {
    calls.run(
        "point alias " + settings.alias() + " to " + to,
        () ->
            client
                .indices()
                .updateAliases(
                    u -> {
                      for (String old : from) {
                        u.actions(a -> a.remove(r -> r.index(old).alias(settings.alias())));
                      }
                      return u.actions(a -> a.add(ad -> ad.index(to).alias(settings.alias())));
                    }));
  }

  private void refreshInterval(String index, String interval) {
    calls.run(
        "set refresh interval of " + index,
        () ->
            client
                .indices()
                .putSettings(
                    p -> p.index(index).settings(st -> st.refreshInterval(t -> t.time(interval)))));
  }

  private void deleteQuietly(List<String> names) {
    if (names.isEmpty()) {
      return;
    }
    try {
      client.indices().delete(d -> d.index(names).ignoreUnavailable(true));
    } catch (IOException | ElasticsearchException e) {
      LOG.warning(() -> "could not delete old indices " + names + ": " + e);
    }
  }

  private static String mappingTemplate() {
    try (InputStream in = IndexGenerations.class.getResourceAsStream(MAPPING)) {
      if (in == null) {
        throw new IllegalStateException("mapping resource " + MAPPING + " is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + MAPPING, e);
    }
  }
}
