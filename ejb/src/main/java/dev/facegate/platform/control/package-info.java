/** Start-up work (schema migration), this node's role and shared producers (clock). */
package dev.facegate.platform.control;
