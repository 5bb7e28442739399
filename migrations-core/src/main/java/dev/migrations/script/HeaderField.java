package dev.migrations.script;

/**
 * A header field kept as written, for a reader outside the parser that gives it its meaning.
 *
 * @param value the value after the colon, trimmed
 * @param line the 1-based file line of the header line
 */
public record HeaderField(String value, int line) {
}
