/** Platform services the web layer may call: health. */
package dev.facegate.platform.boundary;
