/**
 * The {@code parapet} command line: {@link dev.parapet.app.Main} parses the command and
 * {@link dev.parapet.app.LocalStack} starts the planes of a one-process deployment in order and
 * stops them in reverse.
 */
package dev.parapet.app;
