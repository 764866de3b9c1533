/**
 * The {@code face-cli.jar} command line: {@link dev.facegate.models.cli.FaceCli} dispatches to one
 * {@link dev.facegate.models.cli.Command} per sub-command, all registered in {@link
 * dev.facegate.models.cli.FaceCli#COMMANDS}.
 */
package dev.facegate.models.cli;
