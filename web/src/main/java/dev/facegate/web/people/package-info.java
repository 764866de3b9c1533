/** Console pages about employees. */
package dev.facegate.web.people;
