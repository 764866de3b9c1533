/**
 * Values of the index component: the embedding model a vector belongs to, the indexed face, tag
 * filters, matches and the component's exceptions. Each value guards its own invariants.
 */
package dev.facegate.index.entity;
