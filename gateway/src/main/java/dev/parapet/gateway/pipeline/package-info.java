/**
 * The shape of the request pipeline: a {@link dev.parapet.gateway.pipeline.Stage} does one thing
 * and either returns an {@link dev.parapet.gateway.pipeline.Outcome} itself or hands the
 * {@link dev.parapet.gateway.pipeline.Exchange} on exactly once through its
 * {@link dev.parapet.gateway.pipeline.Stage.Chain}.
 */
package dev.parapet.gateway.pipeline;
