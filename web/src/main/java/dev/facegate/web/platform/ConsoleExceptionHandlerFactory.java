package dev.facegate.web.platform;

import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import java.io.IOException;
import java.util.Iterator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An expired view (the session timed out, or the server restarted) sends the user to the login page
 * with a message; any other unexpected error of an AJAX request goes to the error page. Both work
 * for AJAX requests too, where the container's error pages would never be shown. Nothing reaches
 * the browser but a message: the stack trace goes to the server log.
 */
public class ConsoleExceptionHandlerFactory extends ExceptionHandlerFactory {

  private static final Logger LOG =
      Logger.getLogger(ConsoleExceptionHandlerFactory.class.getName());

  public ConsoleExceptionHandlerFactory(ExceptionHandlerFactory wrapped) {
    super(wrapped);
  }

  @Override
  public ExceptionHandler getExceptionHandler() {
    return new Handler(getWrapped().getExceptionHandler());
  }

  private static final class Handler extends ExceptionHandlerWrapper {

    Handler(ExceptionHandler wrapped) {
      super(wrapped);
    }

    @Override
    public void handle() {
      FacesContext faces = FacesContext.getCurrentInstance();
      Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
      while (events.hasNext() && !faces.getResponseComplete()) {
        Throwable error = events.next().getContext().getException();
        String target = null;
        if (causedBy(error, ViewExpiredException.class)) {
          target = "/login.xhtml?expired=true";
        } else if (faces.getPartialViewContext().isAjaxRequest()) {
          LOG.log(Level.SEVERE, "Unexpected error in an AJAX request", error);
          target = "/error.xhtml";
        }
        if (target != null) {
          events.remove();
          ExternalContext external = faces.getExternalContext();
          try {
            external.redirect(external.getRequestContextPath() + target);
          } catch (IOException e) {
            throw new FacesException(e);
          }
          faces.responseComplete();
        }
      }
      getWrapped().handle();
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
      for (Throwable t = error; t != null; t = t.getCause()) {
        if (type.isInstance(t)) {
          return true;
        }
      }
      return false;
    }
  }
}
