/** Employees over REST, for HR systems and scripts (roles ADMIN and HR). */
package dev.facegate.api.people;
