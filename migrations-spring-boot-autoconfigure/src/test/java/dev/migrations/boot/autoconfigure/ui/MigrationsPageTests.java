package dev.migrations.boot.autoconfigure.ui;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import dev.migrations.boot.autoconfigure.MigrationsStatus;
import dev.migrations.boot.autoconfigure.MigrationsStatusProbe.Reading;
import dev.migrations.boot.autoconfigure.MigrationsStatusProbe.Seen;
import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;
import dev.migrations.graph.Revision;
import dev.migrations.graph.RevisionGraph;
import dev.migrations.graph.Target;
import dev.migrations.report.Listings;
import dev.migrations.report.RevisionState;
import dev.migrations.report.RevisionStatus;
import dev.migrations.report.RevisionView;
import dev.migrations.report.StatusReport;
import dev.migrations.state.HistoryEntry;
import dev.migrations.state.HistoryOperation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The page's document: what it says for each state of the database, its data block, and its own script only. */
class MigrationsPageTests {

	private static final String AWKWARD = "drop </script><script>alert(1)</script> & \"quotes\"";

	private static final RevisionGraph GRAPH = RevisionGraph.of(List.of(Revision.of("base1"),
			new Revision("next2", List.of("base1"), List.of(), List.of("core"), AWKWARD, "2"),
			Revision.of("side3", "base1")));

	private static final List<RevisionView> REVISIONS = Listings.of(GRAPH).history(Target.Range.ALL, List.of(), false);

	private static final Instant AT = Instant.parse("2026-12-01T10:15:30Z");

	@Test
	void showsTheDatabaseBehindWithPendingRevisionsAndFailedTries() {
		StatusReport report = new StatusReport(List.of("next2"), List.of("next2", "side3"), false, List.of("side3"),
				List.of(), List.of(),
				List.of(status("next2", RevisionState.APPLIED, AT, 12L), status("side3", RevisionState.PENDING, null, null),
						status("base1", RevisionState.APPLIED, AT, 3L)));
		List<HistoryEntry> log = List.of(step("base1", true, null), step("side3", false, "the statement at x.sql:3 ran"),
				step("next2", true, null));
		MigrationsPage page = MigrationsPage.of(new Reading.Read(new MigrationsStatus(report, "heads")), REVISIONS,
				GRAPH::dependencies, log, null);
		assertThat(page.status()).isEqualTo(200);
		assertThat(MigrationsPageServerTests.nodes(page.html())).containsExactlyInAnyOrder(
				"<g class=\"node head current\" data-revision=\"next2\"",
				"<g class=\"node head pending\" data-revision=\"side3\"", "<g class=\"node\" data-revision=\"base1\"");
		assertThat(page.html()).contains("<span class=\"state behind\">1 revision pending</span>")
			.contains("<dt>Current</dt><dd>next2</dd>", "<dt>Target</dt><dd>heads</dd>", "<dt>Pending</dt><dd>side3</dd>")
			.contains("\"side3\":[{\"operation\":\"upgrade\",\"at\":\"2026-12-01T10:15:30Z\",\"by\":\"ops\","
					+ "\"executionMs\":7,\"success\":false,\"partialState\":\"the statement at x.sql:3 ran\"}]")
			.contains("{\"revision\":\"next2\",\"revises\":[\"base1\"],\"message\":\"drop \\u003c/script\\u003e");
	}

	@Test
	void noMessageEndsTheDataOrInjectsMarkup() {
		String html = page().html();
		assertThat(html.split("</script>", -1)).hasSize(3);
		assertThat(html).doesNotContain("<script>alert").contains("drop &lt;/script&gt;&lt;script&gt;alert(1)");
	}

	@Test
	void theContentSecurityPolicyAllowsThePagesOwnScriptOnly() throws Exception {
		String html = page().html();
		String script = html.substring(html.lastIndexOf("<script>") + "<script>".length(), html.lastIndexOf("</script>"));
		String hash = Base64.getEncoder()
			.encodeToString(MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8)));
		assertThat(MigrationsPage.CONTENT_SECURITY_POLICY).contains("script-src 'sha256-" + hash + "'")
			.startsWith("default-src 'none';");
	}

	@Test
	void aDatabaseThatDoesNotAnswerIsA503WithTheCauseAndTheLastStateSeen() {
		Reading unavailable = new Reading.Unavailable(new MigrationsException(ErrorKind.CONNECTION,
				"The database did not answer within 1000 ms", "Check that the database is running"),
				new Seen(AT, List.of("base1"), false, List.of("next2", "side3")));
		MigrationsPage page = MigrationsPage.of(unavailable, REVISIONS, GRAPH::dependencies, List.of(), null);
		assertThat(page.status()).isEqualTo(503);
		assertThat(page.html()).contains("<span class=\"state unavailable\">Database unavailable</span>")
			.contains("The database did not answer within 1000 ms<br>Check that the database is running")
			.contains("Last seen at 2026-12-01T10:15:30Z: current base1, 2 pending.")
			.contains("\"error\":{\"kind\":\"connection\",\"message\":\"The database did not answer within 1000 ms\"");
		assertThat(MigrationsPageServerTests.nodes(page.html())).hasSize(3).noneMatch((node) -> node.contains("current"));
	}

	@Test
	void aHistoryTableThatCannotBeReadIsSaid() {
		MigrationsPage page = MigrationsPage.of(new Reading.Read(atHead()), REVISIONS, GRAPH::dependencies, List.of(),
				"permission denied for table migrations_history");
		assertThat(page.html())
			.contains("<p class=\"problem\">The history table could not be read: permission denied for table");
	}

	@Test
	void aDatabaseThatDoesNotMatchTheScriptsSaysSo() {
		StatusReport report = new StatusReport(List.of("gone99"), List.of("next2", "side3"), false, List.of(),
				List.of("gone99"), List.of(), List.of());
		MigrationsPage page = MigrationsPage.of(new Reading.Read(new MigrationsStatus(report, "heads")), REVISIONS,
				GRAPH::dependencies, List.of(), null);
		assertThat(page.html()).contains("The database does not match the scripts")
			.contains("<dt>Unknown to the scripts</dt><dd>gone99</dd>");
	}

	@Test
	void theScriptAndStylesAreInANativeImage() {
		org.springframework.aot.hint.RuntimeHints hints = new org.springframework.aot.hint.RuntimeHints();
		new MigrationsPageConfiguration.PageResources().registerHints(hints, getClass().getClassLoader());
		for (String name : List.of("page.js", "page.css")) {
			assertThat(org.springframework.aot.hint.predicate.RuntimeHintsPredicates.resource()
				.forResource("dev/migrations/boot/autoconfigure/ui/" + name)).as(name).accepts(hints);
		}
	}

	private static MigrationsPage page() {
		return MigrationsPage.of(new Reading.Read(atHead()), REVISIONS, GRAPH::dependencies, List.of(), null);
	}

	private static MigrationsStatus atHead() {
		StatusReport report = new StatusReport(List.of("next2", "side3"), List.of("next2", "side3"), true, List.of(),
				List.of(), List.of(), List.of(status("next2", RevisionState.APPLIED, AT, 1L)));
		return new MigrationsStatus(report, "heads");
	}

	private static RevisionStatus status(String id, RevisionState state, Instant at, Long ms) {
		Revision revision = GRAPH.find(id).orElseThrow();
		return new RevisionStatus(id, revision.downRevisions(), revision.message(), List.of(), List.of(), state, at, ms,
				true);
	}

	private static HistoryEntry step(String id, boolean success, String partialState) {
		return new HistoryEntry(id, List.of(), List.of(id), HistoryOperation.UPGRADE, "", "sum", "ops", AT, 7L, success,
				partialState);
	}

}
