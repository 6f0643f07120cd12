/** Who is calling: client API keys, known to the gateway by hash only, mapped to principals. */
package dev.parapet.gateway.auth;
