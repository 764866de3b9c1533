package dev.facegate.models.cli;

import dev.facegate.models.engine.EngineThreads;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Entry point of {@code face-cli.jar}: {@code java -jar face-cli.jar COMMAND [ARGS...]}.
 *
 * <p>Commands are registered in {@link #COMMANDS}; later features add theirs there. Exit status: 0
 * success, 1 failure, 2 wrong usage.
 */
public final class FaceCli {

  /** All commands, in the order the help lists them. */
  static final List<Command> COMMANDS =
      List.of(
          new DetectCommand(),
          new DetectEvalCommand(),
          new BenchCommand(),
          new EmbedCommand(),
          new CompareCommand(),
          new VerifyCommand(),
          new ThroughputCommand(),
          new CalibrateCommand(),
          new MineSamplesCommand(),
          new TrainHeadCommand(),
          new TrainPnetCommand(),
          new LivenessEvalCommand());

  private static final Map<String, Command> BY_NAME =
      COMMANDS.stream().collect(Collectors.toMap(Command::name, Function.identity()));

  private FaceCli() {}

  /**
   * Runs a command and exits with its status.
   *
   * @param argv the command name and its arguments
   */
  public static void main(String[] argv) {
    // Everything the CLI needs is in the jar; DJL must never try the network.
    if (System.getProperty("ai.djl.offline") == null) {
      System.setProperty("ai.djl.offline", "true");
    }
    // Before any command touches the engine: MXNet reads its CPU worker count once.
    EngineThreads.prepareMxnet();
    System.exit(run(argv, System.out, System.err));
  }

  /**
   * Runs a command.
   *
   * @param argv the command name and its arguments
   * @param out standard output
   * @param err standard error
   * @return the exit status
   */
  public static int run(String[] argv, PrintStream out, PrintStream err) {
    if (argv.length == 0 || argv[0].equals("help") || argv[0].equals("--help")) {
      if (argv.length > 1 && BY_NAME.containsKey(argv[1])) {
        out.print(BY_NAME.get(argv[1]).usage());
        return 0;
      }
      printHelp(argv.length == 0 ? err : out);
      return argv.length == 0 ? 2 : 0;
    }
    Command command = BY_NAME.get(argv[0]);
    if (command == null) {
      err.println("Unknown command: " + argv[0]);
      printHelp(err);
      return 2;
    }
    List<String> rest = Arrays.asList(argv).subList(1, argv.length);
    try {
      if (rest.contains("--help")) {
        out.print(command.usage());
        return 0;
      }
      return command.run(Args.parse(rest, command.switches()), out, err);
    } catch (UsageException e) {
      err.println(command.name() + ": " + e.getMessage());
      err.print(command.usage());
      return 2;
    } catch (Exception e) {
      // The last resort of a command-line tool: report, with the cause chain, and fail.
      err.println(command.name() + " failed: " + e);
      for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
        err.println("  caused by: " + c);
      }
      return 1;
    }
  }

  private static void printHelp(PrintStream s) {
    s.println("Usage: java -jar face-cli.jar COMMAND [ARGS...]   (help COMMAND for details)");
    for (Command c : COMMANDS) {
      s.println("  " + c.usage().lines().findFirst().orElse(c.name()));
    }
  }
}
