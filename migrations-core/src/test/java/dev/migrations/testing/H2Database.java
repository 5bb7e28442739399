package dev.migrations.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import dev.migrations.DriverManagerDataSource;

/**
 * An in-memory H2 database of a test's own, in H2's default mode or in PostgreSQL mode. It lives until
 * {@link #close()} (the URL keeps it open between connections).
 */
public final class H2Database implements AutoCloseable {

	/** H2's compatibility modes the engine supports. */
	public enum Mode {

		DEFAULT(""), POSTGRESQL(";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");

		private final String urlSuffix;

		Mode(String urlSuffix) {
			this.urlSuffix = urlSuffix;
		}

	}

	private final String url;

	private H2Database(String url) {
		this.url = url;
	}

	public static H2Database create(String prefix, Mode mode) {
		String name = prefix + "_" + Long.toHexString(ThreadLocalRandom.current().nextLong());
		return new H2Database("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1" + mode.urlSuffix);
	}

	public String jdbcUrl() {
		return this.url;
	}

	public DataSource dataSource() {
		return new DriverManagerDataSource(this.url, "sa", "");
	}

	public Connection connect() throws SQLException {
		return DriverManager.getConnection(this.url, "sa", "");
	}

	@Override
	public void close() {
		try (Connection connection = connect()) {
			connection.createStatement().execute("SHUTDOWN");
		}
		catch (SQLException ex) {
			// already closed
		}
	}

}
