package dev.migrations.sql;

/** The lexical syntaxes the splitter knows; each dialect names its own. */
public enum SqlSyntax {

	/**
	 * Dollar quoting ({@code $$}, {@code $tag$}), {@code E''} strings, nested block comments, {@code BEGIN ATOMIC ...
	 * END}; like psql, a semicolon inside parentheses does not end a statement.
	 */
	POSTGRESQL,
	/** H2 2.x: standard quoting plus {@code $$} bodies, {@code //} line comments and nested block comments. */
	H2,
	/**
	 * MariaDB/MySQL: backslash escapes, backtick identifiers, {@code #} comments, {@code BEGIN ... END} compound
	 * statements, and the client's {@code DELIMITER} command.
	 */
	MARIADB

}
