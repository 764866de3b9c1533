package dev.facegate.web.platform;

import dev.facegate.platform.BusinessException;
import dev.facegate.platform.InvalidInputException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

/** Business outcomes as FacesMessages for the page's {@code p:messages}. */
public final class Messages {

  private Messages() {}

  public static void info(String message) {
    add(FacesMessage.SEVERITY_INFO, message);
  }

  public static void warn(String message) {
    add(FacesMessage.SEVERITY_WARN, message);
  }

  public static void error(String message) {
    add(FacesMessage.SEVERITY_ERROR, message);
  }

  /** One message per broken rule of an {@link InvalidInputException}, else the message. */
  public static void error(BusinessException e) {
    if (e instanceof InvalidInputException invalid) {
      invalid.problems().forEach(Messages::error);
    } else {
      error(e.getMessage());
    }
  }

  private static void add(FacesMessage.Severity severity, String message) {
    FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, message, null));
  }
}
