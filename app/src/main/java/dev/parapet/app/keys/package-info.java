/** The {@code parapet keys} commands: key pairs written as PEM files with owner-only permissions. */
package dev.parapet.app.keys;
