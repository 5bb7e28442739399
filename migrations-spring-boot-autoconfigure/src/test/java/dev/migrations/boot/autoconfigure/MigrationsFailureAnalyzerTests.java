package dev.migrations.boot.autoconfigure;

import dev.migrations.ErrorKind;
import dev.migrations.MigrationsException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationsFailureAnalyzerTests {

	private final MigrationsFailureAnalyzer analyzer = new MigrationsFailureAnalyzer();

	@Test
	void describesTheFailureWithTheEngineMessageAndHint() {
		MigrationsException cause = new MigrationsException(ErrorKind.REVISION_NOT_FOUND,
				"Can't locate revision identified by 'feedfacecafe'",
				"Run 'migrations stamp --purge <rev>' to set the database to a known revision");
		FailureAnalysis analysis = this.analyzer
			.analyze(new BeanCreationException("migrationsInitializer", "Invocation of init method failed", cause));
		assertThat(analysis.getDescription()).isEqualTo("Can't locate revision identified by 'feedfacecafe'");
		assertThat(analysis.getAction())
			.isEqualTo("Run 'migrations stamp --purge <rev>' to set the database to a known revision");
		assertThat(analysis.getCause()).isSameAs(cause);
	}

	@Test
	void suggestsAnActionWhenTheEngineHasNoHint() {
		FailureAnalysis analysis = this.analyzer
			.analyze(new MigrationsException(ErrorKind.SQL, "Revision 3c4d5e6f7081 failed", null));
		assertThat(analysis.getAction()).isEqualTo(
				"Correct the problem above, or set migrations.on-startup=none to start without touching the database");
	}

	@Test
	void leavesOtherFailuresToOtherAnalyzers() {
		assertThat(this.analyzer.analyze(new IllegalStateException("not ours"))).isNull();
	}

}
