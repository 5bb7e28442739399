package dev.migrations.execute;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.migrations.DriverManagerDataSource;
import dev.migrations.config.MigrationsConfig;
import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;
import dev.migrations.testing.H2Database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DatabaseTests {

	private final H2Database h2 = H2Database.create("database", H2Database.Mode.DEFAULT);

	/** Every connection the data source handed out, in order. */
	private final List<Connection> opened = new CopyOnWriteArrayList<>();

	@AfterEach
	void close() {
		this.h2.close();
	}

	@Test
	void theConnectionOpenedAheadIsTheOneTheNextConnectTakes() throws SQLException {
		Database database = new Database(recording(this.h2.dataSource()), MigrationsConfig.builder().build());
		database.connectAhead();
		try (Connection first = database.connect(); Connection second = database.connect()) {
			assertThat(this.opened).containsExactly(first, second);
		}
	}

	@Test
	void aConnectionThatFailedAheadFailsTheConnectThatTakesIt() {
		Database database = new Database(new DriverManagerDataSource("jdbc:h2:tcp://127.0.0.1:1/nowhere", "sa", ""),
				MigrationsConfig.builder().build());
		database.connectAhead();
		assertThatExceptionOfType(MigrationsException.class).isThrownBy(database::connect)
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(ErrorKind.CONNECTION))
			.withMessageStartingWith("Cannot connect to the database: ");
	}

	@Test
	void aConnectionOpenedAheadThatNobodyTakesIsClosed() throws Exception {
		Database database = new Database(recording(this.h2.dataSource()), MigrationsConfig.builder().build());
		database.connectAhead();
		database.discardAhead();
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (!(this.opened.size() == 1 && this.opened.get(0).isClosed()) && System.nanoTime() < deadline) {
			Thread.sleep(10);
		}
		assertThat(this.opened).singleElement().satisfies((connection) -> assertThat(connection.isClosed()).isTrue());
	}

	private DataSource recording(DataSource target) {
		return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { DataSource.class },
				(proxy, method, args) -> {
					try {
						Object result = method.invoke(target, args);
						if (result instanceof Connection connection) {
							this.opened.add(connection);
						}
						return result;
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

}
