/**
 * The admin console (JSF / PrimeFaces): one package per area, backing beans call boundaries only.
 */
package dev.facegate.web;
