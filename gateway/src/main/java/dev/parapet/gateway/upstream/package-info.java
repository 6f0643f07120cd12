/** Where requests go after the decision: picking the upstream for a model and calling it over pooled HTTP. */
package dev.parapet.gateway.upstream;
