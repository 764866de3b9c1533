package dev.facegate.models.cli;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Parsed arguments: {@code --name value} options, {@code --flag} switches and positionals.
 *
 * <p>A command declares which names are switches; every other {@code --name} takes the next
 * argument as its value. {@code --} ends the options. Unknown names are reported by {@link
 * #checkAllUsed()} so a typo does not silently fall back to a default.
 */
public final class Args {

  private final Map<String, String> options = new LinkedHashMap<>();
  private final Set<String> flags = new HashSet<>();
  private final List<String> positionals = new ArrayList<>();
  private final Set<String> used = new HashSet<>();

  private Args() {}

  /**
   * Parses arguments.
   *
   * @param argv the arguments after the command name
   * @param switches the option names (without {@code --}) that take no value
   * @return the parsed arguments
   * @throws UsageException if an option lacks its value
   */
  public static Args parse(List<String> argv, Set<String> switches) throws UsageException {
    Args a = new Args();
    boolean optionsEnded = false;
    for (int i = 0; i < argv.size(); i++) {
      String s = argv.get(i);
      if (!optionsEnded && s.equals("--")) {
        optionsEnded = true;
      } else if (!optionsEnded && s.startsWith("--") && s.length() > 2) {
        String name = s.substring(2);
        String value = null;
        int eq = name.indexOf('=');
        if (eq > 0) {
          value = name.substring(eq + 1);
          name = name.substring(0, eq);
        }
        if (switches.contains(name)) {
          if (value != null) {
            throw new UsageException("--" + name + " takes no value");
          }
          a.flags.add(name);
        } else {
          if (value == null) {
            if (i + 1 >= argv.size()) {
              throw new UsageException("--" + name + " needs a value");
            }
            value = argv.get(++i);
          }
          a.options.put(name, value);
        }
      } else {
        a.positionals.add(s);
      }
    }
    return a;
  }

  /** Returns whether a switch was given. */
  public boolean flag(String name) {
    used.add(name);
    return flags.contains(name);
  }

  /** Returns an option's value, if given. */
  public Optional<String> option(String name) {
    used.add(name);
    return Optional.ofNullable(options.get(name));
  }

  /** Returns an integer option, or the default. */
  public int intOption(String name, int defaultValue) throws UsageException {
    Optional<String> v = option(name);
    try {
      return v.isPresent() ? Integer.parseInt(v.get()) : defaultValue;
    } catch (NumberFormatException e) {
      throw new UsageException("--" + name + " must be an integer: " + v.get());
    }
  }

  /** Returns a decimal option, or the default. */
  public double doubleOption(String name, double defaultValue) throws UsageException {
    Optional<String> v = option(name);
    try {
      return v.isPresent() ? Double.parseDouble(v.get()) : defaultValue;
    } catch (NumberFormatException e) {
      throw new UsageException("--" + name + " must be a number: " + v.get());
    }
  }

  /** Returns the positional arguments. */
  public List<String> positionals() {
    return positionals;
  }

  /**
   * Fails on options or switches the command never asked for.
   *
   * @throws UsageException naming the first unknown option
   */
  public void checkAllUsed() throws UsageException {
    for (String name : options.keySet()) {
      if (!used.contains(name)) {
        throw new UsageException("Unknown option --" + name);
      }
    }
    for (String name : flags) {
      if (!used.contains(name)) {
        throw new UsageException("Unknown option --" + name);
      }
    }
  }
}
