/** Persistence of employees. */
package dev.facegate.people.control;
