/** Health of the service, public so that load balancers and orchestrators can probe it. */
package dev.facegate.api.platform;
