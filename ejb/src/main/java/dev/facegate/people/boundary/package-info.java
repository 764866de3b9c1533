/** The employee register as the web layer and the REST API see it. */
package dev.facegate.people.boundary;
