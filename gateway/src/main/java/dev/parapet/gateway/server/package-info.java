/** The HTTP edge of the gateway: Helidon adapters for the pipeline's request and response, metrics and health. */
package dev.parapet.gateway.server;
