package dev.facegate.models.cli;

import java.io.PrintStream;
import java.util.Set;

/** One sub-command of {@code face-cli.jar}. Implementations are stateless; one instance each. */
public interface Command {

  /** Returns the name typed on the command line, e.g. {@code detect}. */
  String name();

  /** Returns the usage text: synopsis first, then one line per option. */
  String usage();

  /** Returns the names of the options that take no value ({@code --json}), without dashes. */
  default Set<String> switches() {
    return Set.of();
  }

  /**
   * Runs the command.
   *
   * @param args the arguments after the command name
   * @param out where results go (JSON or figures)
   * @param err where progress and diagnostics go
   * @return the process exit status (0 = success)
   * @throws UsageException if the arguments are wrong
   * @throws Exception if the command fails; the dispatcher reports it
   */
  int run(Args args, PrintStream out, PrintStream err) throws Exception;
}
