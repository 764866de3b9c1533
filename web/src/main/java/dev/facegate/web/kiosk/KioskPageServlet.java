package dev.facegate.web.kiosk;

import dev.facegate.access.boundary.DeviceForbiddenException;
import dev.facegate.access.boundary.KioskPairings;
import dev.facegate.api.access.KioskResource;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * {@code /kiosk}: the kiosk page for a paired browser, the pairing screen for any other. The pages
 * are static HTML (WEB-INF/kiosk) whose scripts and styles come from {@code /kiosk-assets/}; no
 * console chrome, no console login. A browser whose credential stopped working (unpaired, re-paired
 * elsewhere, device disabled) has its cookie removed and sees the pairing screen.
 */
@WebServlet(urlPatterns = "/kiosk")
public class KioskPageServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject transient KioskPairings pairings;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    String credential = credential(request);
    boolean paired;
    try {
      paired = credential != null && pairings.identify(credential).isPresent();
    } catch (DeviceForbiddenException disabled) {
      paired = false;
    }
    if (credential != null && !paired) {
      Cookie gone = new Cookie(KioskResource.COOKIE, "");
      gone.setPath("/");
      gone.setMaxAge(0);
      gone.setHttpOnly(true);
      gone.setSecure(request.isSecure());
      response.addCookie(gone);
    }
    response.setContentType("text/html;charset=UTF-8");
    response.setHeader("Cache-Control", "no-store");
    String page = paired ? "/WEB-INF/kiosk/kiosk.html" : "/WEB-INF/kiosk/pairing.html";
    try (InputStream html = getServletContext().getResourceAsStream(page)) {
      if (html == null) {
        throw new ServletException(page + " is missing from the application");
      }
      html.transferTo(response.getOutputStream());
    }
  }

  private static String credential(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return null;
    }
    return Arrays.stream(cookies)
        .filter(c -> KioskResource.COOKIE.equals(c.getName()))
        .map(Cookie::getValue)
        .filter(v -> v != null && !v.isBlank())
        .findFirst()
        .orElse(null);
  }
}
