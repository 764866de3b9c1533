/** Start-up work (schema migration) and shared producers (clock). */
package dev.facegate.platform.control;
