/**
 * What demo mode adds: a local upstream that speaks OpenAI's chat-completions wire format and
 * echoes the last user message back (so redaction is visible in the answer), and the demo
 * credentials file.
 */
package dev.parapet.app.demo;
