package dev.migrations.boot.autoconfigure;

import java.time.Duration;
import java.util.List;

import dev.migrations.boot.autoconfigure.MigrationsProperties.OnStartup;
import dev.migrations.config.MigrationsConfig;
import dev.migrations.config.RunSafety;
import dev.migrations.config.TransactionMode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationsPropertiesTests {

	private final MigrationsProperties properties = new MigrationsProperties();

	@Test
	void defaultsAreTheEngineDefaults() {
		MigrationsConfig engine = MigrationsConfig.builder().build();
		assertThat(this.properties.getLocations()).isEqualTo(engine.locations())
			.containsExactly(MigrationsConfig.DEFAULT_LOCATION);
		assertThat(this.properties.getSchema()).isEqualTo(engine.schema()).isNull();
		assertThat(this.properties.getVersionTable()).isEqualTo(engine.versionTable())
			.isEqualTo(MigrationsConfig.DEFAULT_VERSION_TABLE);
		assertThat(this.properties.getHistoryTable()).isEqualTo(engine.historyTable())
			.isEqualTo(MigrationsConfig.DEFAULT_HISTORY_TABLE);
		assertThat(this.properties.getTransactionMode()).isEqualTo(engine.transactionMode());
		assertThat(this.properties.getLockWait()).isEqualTo(engine.lockTimeout())
			.isEqualTo(MigrationsConfig.DEFAULT_LOCK_TIMEOUT);
		assertThat(this.properties.getStatementLockTimeout()).isEqualTo(engine.safety().statementLockTimeout())
			.isNull();
		assertThat(this.properties.getStatementTimeout()).isEqualTo(engine.safety().statementTimeout()).isNull();
		assertThat(this.properties.getLockRetries()).isEqualTo(engine.safety().lockRetries()).isZero();
		assertThat(this.properties.isReconnect()).isEqualTo(engine.safety().reconnect()).isTrue();
		assertThat(this.properties.isValidateChecksums()).isEqualTo(engine.validateChecksums()).isTrue();
		assertThat(this.properties.isCreateSchemas()).isEqualTo(engine.createSchemas()).isFalse();
	}

	@Test
	void defaultsOfTheStarterItself() {
		assertThat(this.properties.isEnabled()).isTrue();
		assertThat(this.properties.getOnStartup()).isEqualTo(OnStartup.UPGRADE);
		assertThat(this.properties.getTarget()).isEqualTo("head");
		assertThat(this.properties.getUrl()).isNull();
		assertThat(this.properties.getUser()).isNull();
		assertThat(this.properties.getPassword()).isNull();
		assertThat(this.properties.getLint()).isEqualTo(MigrationsProperties.Lint.WARN);
	}

	@Test
	void theEngineConfigurationCarriesEveryEngineProperty() {
		this.properties.setLocations(List.of("filesystem:db"));
		this.properties.setSchema("app");
		this.properties.setVersionTable("versions");
		this.properties.setHistoryTable("history");
		this.properties.setTransactionMode(TransactionMode.SINGLE);
		this.properties.setLockWait(Duration.ofSeconds(5));
		this.properties.setStatementLockTimeout(Duration.ofMillis(500));
		this.properties.setStatementTimeout(Duration.ZERO);
		this.properties.setLockRetries(10);
		this.properties.setReconnect(false);
		this.properties.setValidateChecksums(false);
		this.properties.setCreateSchemas(true);
		MigrationsConfig config = this.properties.configBuilder().build();
		assertThat(config.locations()).containsExactly("filesystem:db");
		assertThat(config.schema()).isEqualTo("app");
		assertThat(config.versionTable()).isEqualTo("versions");
		assertThat(config.historyTable()).isEqualTo("history");
		assertThat(config.transactionMode()).isEqualTo(TransactionMode.SINGLE);
		assertThat(config.lockTimeout()).isEqualTo(Duration.ofSeconds(5));
		assertThat(config.safety()).isEqualTo(new RunSafety(Duration.ofMillis(500), Duration.ZERO, 10, false));
		assertThat(config.validateChecksums()).isFalse();
		assertThat(config.createSchemas()).isTrue();
	}

	@Test
	@SuppressWarnings("deprecation")
	void theFormerNameLockTimeoutSetsTheLockWaitUnlessLockWaitIsSet() {
		this.properties.setLockTimeout(Duration.ofSeconds(7));
		assertThat(this.properties.configBuilder().build().lockTimeout()).isEqualTo(Duration.ofSeconds(7));
		this.properties.setLockWait(Duration.ofSeconds(3));
		assertThat(this.properties.configBuilder().build().lockTimeout()).isEqualTo(Duration.ofSeconds(3));
	}

}
