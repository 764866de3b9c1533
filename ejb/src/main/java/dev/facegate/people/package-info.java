/** Employees: the people whose attendance and door access FaceGate manages. */
package dev.facegate.people;
