package dev.migrations.sql;

/**
 * One statement of a script section, as the database will receive it.
 *
 * @param sql the statement text without its terminating semicolon
 * @param line the 1-based line of the script file on which the statement starts
 */
public record SqlStatement(String sql, int line) {
}
