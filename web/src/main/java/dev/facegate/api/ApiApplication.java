package dev.facegate.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Root of the REST API. Versioned paths ({@code /api/v1/...}) sit on the resources. */
@ApplicationPath("/api")
public class ApiApplication extends Application {}
