package dev.migrations.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.migrations.Migrations;
import dev.migrations.config.MigrationsConfig;
import dev.migrations.execute.LoadedScripts;
import dev.migrations.report.RevisionView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link dev.migrations.execute.ScriptSource}: how scripts loaded ahead of the facade reach it. */
class ScriptSourceTest {

	private MigrationsConfig own;

	private LoadedScripts elsewhere;

	@BeforeEach
	void writeScripts(@TempDir Path root) throws Exception {
		ScriptDirectory ownScripts = new ScriptDirectory(Files.createDirectory(root.resolve("own")))
			.revision("0001_own.sql", "aaaaaaaaaaaa", null, "SELECT 1;", null);
		ScriptDirectory otherScripts = new ScriptDirectory(Files.createDirectory(root.resolve("other")))
			.revision("0001_other.sql", "bbbbbbbbbbbb", null, "SELECT 1;", null);
		this.own = ownScripts.config().build();
		this.elsewhere = otherScripts.migrations(null).scripts();
	}

	@Test
	void theFacadeAsksItsSourceOnceWithItsConfigurationAndTakesTheScripts() {
		List<MigrationsConfig> asked = new ArrayList<>();
		Migrations migrations = new Migrations(this.own, null, (config) -> {
			asked.add(config);
			return this.elsewhere;
		});
		assertThat(heads(migrations)).containsExactly("bbbbbbbbbbbb");
		assertThat(heads(migrations)).containsExactly("bbbbbbbbbbbb");
		assertThat(migrations.scripts()).isSameAs(this.elsewhere);
		assertThat(asked).containsExactly(this.own);
	}

	@Test
	void aSourceWithoutScriptsForTheConfigurationLeavesTheLoadingToTheFacade() {
		Migrations migrations = new Migrations(this.own, null, (config) -> null);
		assertThat(heads(migrations)).containsExactly("aaaaaaaaaaaa");
	}

	private static List<String> heads(Migrations migrations) {
		return migrations.heads(false).stream().map(RevisionView::id).toList();
	}

}
