/** The people whose attendance and access FaceGate manages. */
package dev.facegate.domain.people;
