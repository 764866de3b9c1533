package org.elasticsearch.plugins;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.elasticsearch.Build;
import org.elasticsearch.action.admin.cluster.node.info.PluginsAndModules;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;

/**
 * Test-only {@link PluginsService} that instantiates plugin classes found on the class path instead
 * of reading a {@code plugins/} folder (the Elasticsearch distribution is not on Maven Central, its
 * jars are).
 *
 * <p>It sits in {@code org.elasticsearch.plugins} because {@code LoadedPlugin} and {@code
 * PluginsLoader}'s constructor are package-private. All plugins share one class loader here, so
 * {@link #loadServiceProviders} keeps one instance per provider class.
 */
public final class ClasspathPluginsService extends PluginsService {

  private final List<LoadedPlugin> classpathPlugins;

  public ClasspathPluginsService(
      Settings settings, Environment environment, Collection<Class<? extends Plugin>> classes) {
    super(
        settings,
        environment.configDir(),
        new PluginsLoader(Collections.emptySet(), Collections.emptySet(), Collections.emptyMap()));
    List<LoadedPlugin> loaded = new ArrayList<>();
    for (Class<? extends Plugin> pluginClass : classes) {
      Plugin plugin = loadPlugin(pluginClass, settings, environment.configDir());
      PluginDescriptor descriptor =
          new PluginDescriptor(
              pluginClass.getName(),
              "classpath plugin",
              "NA",
              Build.current().version(),
              Integer.toString(Runtime.version().feature()),
              pluginClass.getName(),
              null,
              List.of(),
              false,
              false,
              false,
              false,
              PluginDescriptor.DeploymentTarget.ALL);
      loaded.add(new LoadedPlugin(descriptor, plugin, pluginClass.getClassLoader()));
    }
    loadExtensions(loaded);
    this.classpathPlugins = List.copyOf(loaded);
  }

  @Override
  protected List<LoadedPlugin> plugins() {
    return classpathPlugins;
  }

  @Override
  public PluginsAndModules info() {
    return new PluginsAndModules(
        classpathPlugins.stream()
            .map(LoadedPlugin::descriptor)
            .map(PluginRuntimeInfo::new)
            .toList(),
        List.of());
  }

  @Override
  public <T> List<? extends T> loadServiceProviders(Class<T> service) {
    Map<Class<?>, T> unique = new LinkedHashMap<>();
    for (T provider : super.loadServiceProviders(service)) {
      unique.putIfAbsent(provider.getClass(), provider);
    }
    return List.copyOf(unique.values());
  }
}
