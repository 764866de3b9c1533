package dev.facegate.web.accounts;

import dev.facegate.accounts.boundary.ApiTokens;
import dev.facegate.accounts.boundary.IssuedApiToken;
import dev.facegate.domain.accounts.ApiToken;
import dev.facegate.platform.BusinessException;
import dev.facegate.web.platform.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The signed-in user's personal API tokens: create (shown once), list, revoke. Every console user
 * may have tokens; a token acts with its owner's role, so an HR user's token can only read.
 */
@Named
@ViewScoped
public class TokensBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject ApiTokens tokens;

  @Inject Clock clock;

  private List<ApiToken> list;
  private String name;
  private int validDays = 90;

  /** The token just created; shown once on the page, then forgotten. */
  private String issuedSecret;

  @PostConstruct
  void load() {
    list = tokens.mine();
  }

  public void create() {
    issuedSecret = null;
    try {
      IssuedApiToken issued =
          tokens.create(name, clock.instant().plus(Duration.ofDays(Math.max(validDays, 0))));
      issuedSecret = issued.secret();
      Messages.info("Token " + issued.token().getName() + " created. Copy it now.");
      name = null;
    } catch (BusinessException e) {
      Messages.error(e);
    }
    load();
  }

  public void revoke(ApiToken token) {
    try {
      tokens.revoke(token.getId());
      Messages.info("Token " + token.getName() + " revoked; it no longer works.");
    } catch (BusinessException e) {
      Messages.error(e);
    }
    load();
  }

  /** Forgets the shown token: it cannot be shown again. */
  public void forgetSecret() {
    issuedSecret = null;
  }

  /** Whether a token may still be used now (for the state column). */
  public boolean usable(ApiToken token) {
    return token.isUsableAt(clock.instant());
  }

  public List<ApiToken> getList() {
    return list;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public int getValidDays() {
    return validDays;
  }

  public void setValidDays(int validDays) {
    this.validDays = validDays;
  }

  public String getIssuedSecret() {
    return issuedSecret;
  }
}
