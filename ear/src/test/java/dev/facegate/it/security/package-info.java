/** Authentication and authorisation over HTTP. */
package dev.facegate.it.security;
