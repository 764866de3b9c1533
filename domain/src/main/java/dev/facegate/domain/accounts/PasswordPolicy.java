package dev.facegate.domain.accounts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a console password must be: long enough to resist guessing at PBKDF2 speed, not the user
 * name (nor containing it), and not one of the passwords every guessing list starts with. Pure, so
 * every path that sets a password (create, change, reset) applies the same rule.
 */
public final class PasswordPolicy {

  /** Shortest accepted password. */
  public static final int MIN_LENGTH = 12;

  /** Longest accepted password (PBKDF2 input; anything longer is a paste accident). */
  public static final int MAX_LENGTH = 128;

  /**
   * Passwords of 12+ characters that head the public guessing lists (and this product's name):
   * compared case-insensitively.
   */
  private static final Set<String> COMMON =
      Set.of(
          "123456789012",
          "1234567890123",
          "12345678901234",
          "qwertyuiopas",
          "qwerty123456",
          "qwertyuiop12",
          "password1234",
          "password12345",
          "password123456",
          "passw0rd1234",
          "p@ssw0rd1234",
          "iloveyou1234",
          "welcome12345",
          "welcome123456",
          "administrator",
          "administrator1",
          "letmein12345",
          "changeme1234",
          "changeme12345",
          "abcdefghijkl",
          "abc123456789",
          "111111111111",
          "000000000000",
          "aaaaaaaaaaaa",
          "facegate1234",
          "facegate12345",
          "facegateadmin");

  private PasswordPolicy() {}

  /**
   * Checks a password for an account.
   *
   * @param username the account's username
   * @param password the proposed password
   * @return one sentence per broken rule; empty when the password is acceptable
   */
  public static List<String> problems(String username, char[] password) {
    List<String> problems = new ArrayList<>();
    if (password == null || password.length < MIN_LENGTH) {
      problems.add("The password must have at least " + MIN_LENGTH + " characters.");
      return problems;
    }
    if (password.length > MAX_LENGTH) {
      problems.add("The password must have at most " + MAX_LENGTH + " characters.");
      return problems;
    }
    String lower = new String(password).toLowerCase(Locale.ROOT);
    String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    if (!name.isEmpty() && lower.contains(name)) {
      problems.add("The password must not contain the username.");
    }
    if (COMMON.contains(lower) || lower.chars().distinct().count() <= 2) {
      problems.add("This password is on the lists attackers try first; choose another.");
    }
    return problems;
  }
}
