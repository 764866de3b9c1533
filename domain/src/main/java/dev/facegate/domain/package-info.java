/**
 * Entities and value objects of FaceGate. Entities guard their own invariants; pure business rules
 * live here so they can be tested without a server. Nothing in this module knows about the face
 * models or the index.
 */
package dev.facegate.domain;
