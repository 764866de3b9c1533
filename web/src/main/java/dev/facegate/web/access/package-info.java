/** The devices page. */
package dev.facegate.web.access;
