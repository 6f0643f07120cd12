/**
 * The data plane: the gateway server that sits between clients and model providers.
 * {@link dev.parapet.gateway.Gateway} starts it from a {@link dev.parapet.gateway.GatewayConfig}
 * and assembles the request pipeline (see {@code dev.parapet.gateway.stage}) in one place.
 */
package dev.parapet.gateway;
