package dev.migrations.schema;

import java.sql.Connection;
import java.sql.SQLException;

import dev.migrations.dialect.Dialect;
import dev.migrations.dialect.Dialects;
import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;

/** Picks the {@link CatalogReader} for a connection or a dialect, as {@link Dialects} picks dialects. */
public final class CatalogReaders {

	private CatalogReaders() {
	}

	/** The reader for the database behind the connection (an unsupported one fails as {@link Dialects#detect} does). */
	public static CatalogReader detect(Connection connection) throws SQLException {
		return forDialect(Dialects.detect(connection));
	}

	/** The reader for the database of a dialect. */
	public static CatalogReader forDialect(Dialect dialect) {
		return switch (dialect.name()) {
			case "postgresql" -> new PostgresCatalogReader();
			case "h2" -> new H2CatalogReader();
			case "mariadb" -> new MariaDbCatalogReader(dialect);
			default -> throw new MigrationsException(ErrorKind.CONFIG,
					"No catalog reader for dialect '" + dialect.name() + "'",
					"Read schemas of the supported databases: PostgreSQL, H2, MariaDB/MySQL");
		};
	}

}
