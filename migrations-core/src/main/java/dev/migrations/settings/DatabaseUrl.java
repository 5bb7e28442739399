package dev.migrations.settings;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;
import dev.migrations.execute.MaskedUrl;

/**
 * A database address as users write it: a JDBC URL, or the {@code postgresql://user:pass@host:port/db} form of the
 * Alembic guides ({@code postgres://} and {@code postgresql+driver://} too), as a JDBC URL with the credentials it
 * carried. PostgreSQL URLs get short connect and login timeouts, so an unreachable server fails fast. In the
 * {@code user:pass@} part, {@code @ / ? : %} must be percent-encoded, as in any URL: a URL where they are not, or
 * with a bad {@code %} escape, is refused as malformed without echoing any of it, since its pieces can't be told
 * apart and any of them may be part of the password.
 *
 * @param jdbcUrl the JDBC URL to connect to
 * @param user the user the URL carried, or {@code null}
 * @param password the password the URL carried, or {@code null}
 * @param host the server's host, or {@code null} for an embedded database
 * @param port the server's port, or {@code -1} for an embedded database
 */
public record DatabaseUrl(String jdbcUrl, String user, String password, String host, int port) {

	private static final Pattern POSTGRES_FORM = Pattern
		.compile("^(?:postgres|postgresql)(?:\\+[A-Za-z0-9_]+)?://(?:([^@/?]*)@)?([^/?]*)(.*)$");

	private static final Pattern JDBC_SERVER = Pattern
		.compile("^jdbc:([a-z0-9]+)(?::[a-z0-9]+)*://(\\[[^\\]]*\\]|[^/:?;,]*)(?::(\\d+))?.*$");

	private static final String HOST = "(?:\\[[0-9A-Fa-f:.]*\\]|[^:,\\[\\]@]*)(?::\\d*)?";

	/** Comma-separated {@code host}, {@code host:port} or {@code [ipv6]:port}, possibly empty (localhost). */
	private static final Pattern HOSTS = Pattern.compile(HOST + "(?:," + HOST + ")*");

	private static final Map<String, Integer> DEFAULT_PORTS = Map.of("postgresql", 5432, "mariadb", 3306, "mysql",
			3306, "h2", 9092);

	/** Seconds to wait for the server to answer at all, and for the whole login. */
	private static final int CONNECT_TIMEOUT = 5;

	private static final int LOGIN_TIMEOUT = 10;

	/**
	 * Reads a URL in any accepted form.
	 * @throws MigrationsException for a URL that is neither JDBC nor PostgreSQL's own form, or a malformed one
	 */
	public static DatabaseUrl parse(String url) {
		return parse(url, null);
	}

	/**
	 * Reads a URL in any accepted form, naming {@code source} ({@code --url}, {@code DATABASE_URL}...) if it fails.
	 * @throws MigrationsException for a URL that is neither JDBC nor PostgreSQL's own form, or a malformed one
	 */
	public static DatabaseUrl parse(String url, String source) {
		String trimmed = url.trim();
		String from = (source != null) ? " in " + source : "";
		Matcher postgres = POSTGRES_FORM.matcher(trimmed);
		if (postgres.matches()) {
			return fromPostgresForm(postgres, from);
		}
		if (trimmed.startsWith("jdbc:")) {
			return fromJdbc(withTimeouts(trimmed), null, null);
		}
		String scheme = trimmed.contains(":") ? trimmed.substring(0, trimmed.indexOf(':')) : trimmed;
		throw new MigrationsException(ErrorKind.CONFIG, "Unsupported database URL scheme '" + scheme + "'" + from,
				"Give a JDBC URL (jdbc:postgresql://host:5432/db, jdbc:h2:...) or postgresql://user:pass@host:port/db");
	}

	private static DatabaseUrl fromPostgresForm(Matcher postgres, String from) {
		String userInfo = postgres.group(1);
		String path = postgres.group(3);
		int query = path.indexOf('?');
		// An '@' past the user info, or a port that is no number: a '@', '/', '?' or ':' of the password unencoded.
		if (!HOSTS.matcher(postgres.group(2)).matches() || path.substring(0, (query >= 0) ? query : path.length())
			.contains("@")) {
			throw malformed(from);
		}
		String hosts = postgres.group(2).isEmpty() ? "localhost" : postgres.group(2);
		String user = null;
		String password = null;
		if (userInfo != null && !userInfo.isEmpty()) {
			int colon = userInfo.indexOf(':');
			try {
				user = decode((colon >= 0) ? userInfo.substring(0, colon) : userInfo);
				password = (colon >= 0) ? decode(userInfo.substring(colon + 1)) : null;
			}
			catch (IllegalArgumentException ex) {
				throw malformed(from);
			}
		}
		return fromJdbc(withTimeouts("jdbc:postgresql://" + hosts + path), user, password);
	}

	private static MigrationsException malformed(String from) {
		return new MigrationsException(ErrorKind.CONFIG, "Malformed database URL" + from
				+ ": special characters in the user name or password must be percent-encoded",
				"Write @ as %40, / as %2F, : as %3A, ? as %3F, # as %23 and % as %25: p@ss/w:rd is written "
						+ "p%40ss%2Fw%3Ard");
	}

	private static DatabaseUrl fromJdbc(String jdbcUrl, String user, String password) {
		Matcher server = JDBC_SERVER.matcher(jdbcUrl);
		if (server.matches()) {
			String host = server.group(2).isEmpty() ? "localhost" : server.group(2);
			int port = (server.group(3) != null) ? Integer.parseInt(server.group(3))
					: DEFAULT_PORTS.getOrDefault(server.group(1), -1);
			return new DatabaseUrl(jdbcUrl, user, password, host, port);
		}
		if (jdbcUrl.startsWith("jdbc:postgresql:")) {
			return new DatabaseUrl(jdbcUrl, user, password, "localhost", 5432);
		}
		return new DatabaseUrl(jdbcUrl, user, password, null, -1);
	}

	private static String withTimeouts(String jdbcUrl) {
		if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
			return jdbcUrl;
		}
		String url = jdbcUrl;
		if (!url.contains("connectTimeout=")) {
			url = url + (url.contains("?") ? "&" : "?") + "connectTimeout=" + CONNECT_TIMEOUT;
		}
		if (!url.contains("loginTimeout=")) {
			url = url + "&loginTimeout=" + LOGIN_TIMEOUT;
		}
		return url;
	}

	private static String decode(String text) {
		return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
	}

	/** Whether the database is a server reached over the network (not an embedded one). */
	public boolean isServer() {
		return this.host != null;
	}

	/** {@code host:port}, as messages name the server. */
	public String hostAndPort() {
		return (this.port >= 0) ? this.host + ":" + this.port : this.host;
	}

	/** The URL without its query and with any password masked, safe to show. */
	public String displayUrl() {
		int query = this.jdbcUrl.indexOf('?');
		return MaskedUrl.of((query >= 0) ? this.jdbcUrl.substring(0, query) : this.jdbcUrl);
	}

	@Override
	public String toString() {
		return displayUrl();
	}

}
