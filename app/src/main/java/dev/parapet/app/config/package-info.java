/**
 * Configuration of a Parapet process: built-in defaults, then a YAML file, then {@code PARAPET_*}
 * environment variables, then command-line flags, each overriding the one before. Documented in
 * {@code docs/configuration.md}.
 */
package dev.parapet.app.config;
