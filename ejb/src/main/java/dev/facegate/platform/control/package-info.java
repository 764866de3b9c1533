/**
 * Start-up work (schema migration), shared producers (clock), this node's role (portal or
 * inference), and what a node needs to know about its cluster: whether it runs the once-per-cluster
 * jobs (HA singleton), locks that hold across nodes, and the SQL the two supported databases spell
 * differently.
 */
package dev.facegate.platform.control;
