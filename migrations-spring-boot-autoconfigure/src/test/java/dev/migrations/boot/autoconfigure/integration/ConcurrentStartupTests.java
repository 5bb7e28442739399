package dev.migrations.boot.autoconfigure.integration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.migrations.testing.PostgresDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Two instances of an application starting at the same moment on one empty PostgreSQL database. */
class ConcurrentStartupTests {

	private static PostgresDatabase database;

	@BeforeAll
	static void createDatabase() {
		database = PostgresDatabase.create("boot_concurrent");
	}

	@AfterAll
	static void dropDatabase() {
		database.close();
	}

	@Test
	void bothInstancesComeUpAtHeadAndEachRevisionIsAppliedOnce() throws Exception {
		CyclicBarrier startTogether = new CyclicBarrier(2);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		List<ConfigurableApplicationContext> contexts = new ArrayList<>();
		try {
			List<Future<ConfigurableApplicationContext>> starts = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				starts.add(threads.submit(() -> {
					startTogether.await();
					return start();
				}));
			}
			for (Future<ConfigurableApplicationContext> start : starts) {
				contexts.add(start.get(2, TimeUnit.MINUTES));
			}
			JdbcTemplate jdbc = new JdbcTemplate(database.dataSource());
			assertThat(jdbc.queryForList("SELECT version_num FROM migrations_version", String.class))
				.containsExactly("2b3c4d5e6f70");
			assertThat(jdbc.queryForList(
					"SELECT revision, count(*) AS runs FROM migrations_history WHERE operation = 'upgrade'"
							+ " GROUP BY revision ORDER BY revision"))
				.containsExactly(Map.of("revision", "1a2b3c4d5e6f", "runs", 1L),
						Map.of("revision", "2b3c4d5e6f70", "runs", 1L));
		}
		finally {
			contexts.forEach(ConfigurableApplicationContext::close);
			threads.shutdownNow();
		}
	}

	private static ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(NotesApplication.class).web(WebApplicationType.NONE)
			.properties("spring.datasource.url=" + database.jdbcUrl(),
					"spring.datasource.username=" + database.user(),
					"spring.datasource.password=" + ((database.password() != null) ? database.password() : ""),
					"spring.jpa.hibernate.ddl-auto=validate")
			.run();
	}

}
