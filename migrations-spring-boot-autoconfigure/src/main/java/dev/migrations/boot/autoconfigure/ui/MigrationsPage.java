package dev.migrations.boot.autoconfigure.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import dev.migrations.boot.autoconfigure.MigrationsStatus;
import dev.migrations.boot.autoconfigure.MigrationsStatusProbe.Reading;
import dev.migrations.boot.autoconfigure.MigrationsStatusProbe.Seen;
import dev.migrations.error.MigrationsException;
import dev.migrations.report.GraphSvg;
import dev.migrations.report.Json;
import dev.migrations.report.RevisionDiagram;
import dev.migrations.report.RevisionStatus;
import dev.migrations.report.RevisionView;
import dev.migrations.state.HistoryEntry;
import org.jspecify.annotations.Nullable;

/**
 * The operators' page: one self-contained HTML document, with no script or style from elsewhere. It shows where the
 * database stands (the {@code /actuator/migrations} fields), the revision graph as inline SVG ({@link GraphSvg}),
 * current revisions filled and pending ones dashed, and, for the revision clicked, its facts and every step the
 * history table recorded of it, failed tries included. The data sits in the page as JSON
 * ({@code <script type="application/json" id="migrations-data">}): the endpoint's fields plus {@code log}, the
 * history table's steps by revision.
 *
 * @param status the HTTP status: 200, or 503 when the database did not answer in time
 * @param html the document
 */
public record MigrationsPage(int status, String html) {

	/** The page's own script, the same for every page, which {@link #CONTENT_SECURITY_POLICY} names by its hash. */
	private static final String SCRIPT = resource("page.js");

	private static final String STYLE = resource("page.css");

	/** Nothing but the page's own script, its inline styles and itself may run or load. */
	public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; script-src '"
			+ sha256(SCRIPT) + "'; img-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

	/**
	 * The page for what one read of the database gave.
	 * @param reading the status, or why the database did not answer
	 * @param revisions every revision of the scripts, newest first
	 * @param dependencies the resolved dependencies of a revision
	 * @param log every step of the history table, oldest first; empty when {@code logProblem} says why
	 * @param logProblem why the history table could not be read, or {@code null}
	 */
	public static MigrationsPage of(Reading reading, List<RevisionView> revisions,
			Function<String, List<String>> dependencies, List<HistoryEntry> log, @Nullable String logProblem) {
		StringBuilder html = new StringBuilder(4096 + revisions.size() * 900);
		Map<String, Object> data = new LinkedHashMap<>();
		RevisionDiagram diagram;
		String state;
		if (reading instanceof Reading.Read read) {
			MigrationsStatus status = read.status();
			Set<String> current = new HashSet<>(status.current());
			Set<String> pending = new HashSet<>(status.pending());
			List<RevisionView> marked = revisions.stream().map((view) -> marked(view, current.contains(view.id()))).toList();
			diagram = RevisionDiagram.of(marked, dependencies, (id) -> !pending.contains(id));
			state = state(status);
			data.putAll(statusData(status));
		}
		else {
			Reading.Unavailable unavailable = (Reading.Unavailable) reading;
			diagram = RevisionDiagram.of(revisions, dependencies);
			state = "<span class=\"state unavailable\">Database unavailable</span>";
			data.put("error", problemData(unavailable.cause()));
			data.put("lastSeen", seenData(unavailable.lastSeen()));
		}
		data.put("log", logData(log));
		head(html);
		html.append("<header><h1>Migrations</h1>").append(state).append(LEGEND).append("</header>\n");
		if (reading instanceof Reading.Read read) {
			summary(html, read.status());
		}
		else {
			problem(html, (Reading.Unavailable) reading);
		}
		if (logProblem != null) {
			html.append("<p class=\"problem\">The history table could not be read: ").append(escape(logProblem));
			html.append("</p>\n");
		}
		html.append("<main><div class=\"graph\">\n").append(GraphSvg.svg(diagram)).append("</div>\n");
		html.append("<aside id=\"details\"><p class=\"hint\">Click a revision to see its history.</p></aside>");
		html.append("</main>\n<script type=\"application/json\" id=\"migrations-data\">").append(scriptSafeJson(data));
		html.append("</script>\n<script>").append(SCRIPT).append("</script>\n</body>\n</html>\n");
		return new MigrationsPage((reading instanceof Reading.Read) ? 200 : 503, html.toString());
	}

	private static final String LEGEND = "<span class=\"legend\">" + legendItem("current", "#2f6fb3", "#173c63", "")
			+ legendItem("applied", "#fff", "#2f6fb3", "") + legendItem("pending", "#fff", "#9aa5b1", "3 2")
			+ "</span>";

	private static String legendItem(String name, String fill, String stroke, String dashes) {
		return "<span><svg width=\"14\" height=\"14\" aria-hidden=\"true\"><circle cx=\"7\" cy=\"7\" r=\"5\" fill=\""
				+ fill + "\" stroke=\"" + stroke + "\" stroke-width=\"2.5\" stroke-dasharray=\"" + dashes
				+ "\"/></svg>" + name + "</span>";
	}

	private static void head(StringBuilder html) {
		html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
		html.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
		html.append("<title>Migrations</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
	}

	private static String state(MigrationsStatus status) {
		if (status.broken()) {
			return "<span class=\"state broken\">The database does not match the scripts</span>";
		}
		if (status.upToDate()) {
			return "<span class=\"state ok\">Up to date</span>";
		}
		int pending = status.pending().size();
		return "<span class=\"state behind\">" + pending + " revision" + ((pending == 1) ? "" : "s") + " pending</span>";
	}

	private static void summary(StringBuilder html, MigrationsStatus status) {
		html.append("<dl class=\"summary\">");
		fact(html, "Current", status.current());
		fact(html, "Heads", status.heads());
		fact(html, "Target", List.of(status.target()));
		fact(html, "Pending", status.pending());
		if (!status.unknown().isEmpty()) {
			fact(html, "Unknown to the scripts", status.unknown());
		}
		if (!status.checksumMismatches().isEmpty()) {
			fact(html, "Changed since applied", status.checksumMismatches());
		}
		html.append("</dl>\n");
	}

	private static void fact(StringBuilder html, String name, List<String> values) {
		html.append("<dt>").append(name).append("</dt><dd>");
		html.append(values.isEmpty() ? "none" : escape(String.join(", ", values))).append("</dd>");
	}

	private static void problem(StringBuilder html, Reading.Unavailable unavailable) {
		MigrationsException cause = unavailable.cause();
		html.append("<div class=\"problem\"><p>").append(escape(cause.getMessage()));
		if (cause.hint() != null) {
			html.append("<br>").append(escape(cause.hint()));
		}
		html.append("</p>");
		Seen seen = unavailable.lastSeen();
		if (seen != null) {
			html.append("<p>Last seen at ").append(seen.at()).append(": current ");
			html.append(seen.current().isEmpty() ? "none" : escape(String.join(", ", seen.current())));
			html.append(", ").append(seen.pending().size()).append(" pending.</p>");
		}
		html.append("</div>\n");
	}

	/** The endpoint's fields, with the same names. */
	private static Map<String, Object> statusData(MigrationsStatus status) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("current", status.current());
		data.put("heads", status.heads());
		data.put("target", status.target());
		data.put("upToDate", status.upToDate());
		data.put("pending", status.pending());
		List<Object> history = new ArrayList<>(status.history().size());
		for (RevisionStatus revision : status.history()) {
			Map<String, @Nullable Object> entry = new LinkedHashMap<>();
			entry.put("revision", revision.revision());
			entry.put("revises", revision.revises());
			entry.put("message", revision.message());
			entry.put("branchLabels", revision.branchLabels());
			entry.put("dependsOn", revision.dependsOn());
			entry.put("state", revision.state().name().toLowerCase(Locale.ROOT));
			entry.put("appliedAt", revision.appliedAt());
			entry.put("executionMs", revision.executionMs());
			history.add(entry);
		}
		data.put("history", history);
		return data;
	}

	/** Each revision's steps, oldest first. */
	private static Map<String, Object> logData(List<HistoryEntry> log) {
		Map<String, Object> byRevision = new LinkedHashMap<>();
		for (HistoryEntry step : log) {
			Map<String, @Nullable Object> entry = new LinkedHashMap<>();
			entry.put("operation", step.operation().value());
			entry.put("at", step.installedAt());
			entry.put("by", step.installedBy());
			entry.put("executionMs", step.executionMs());
			entry.put("success", step.success());
			entry.put("partialState", step.partialState());
			@SuppressWarnings("unchecked")
			List<Object> steps = (List<Object>) byRevision.computeIfAbsent(step.revision(), (id) -> new ArrayList<>());
			steps.add(entry);
		}
		return byRevision;
	}

	private static Map<String, @Nullable Object> problemData(MigrationsException cause) {
		Map<String, @Nullable Object> problem = new LinkedHashMap<>();
		problem.put("kind", cause.kind().name().toLowerCase(Locale.ROOT));
		problem.put("message", cause.getMessage());
		problem.put("hint", cause.hint());
		return problem;
	}

	private static @Nullable Map<String, Object> seenData(@Nullable Seen seen) {
		if (seen == null) {
			return null;
		}
		return Map.of("at", seen.at(), "current", seen.current(), "upToDate", seen.upToDate(), "pending",
				seen.pending());
	}

	private static RevisionView marked(RevisionView view, boolean current) {
		return new RevisionView(view.revision(), view.branchLabels(), view.nextRevisions(), view.head(),
				view.effectiveHead(), view.branchPoint(), view.mergePoint(), current, view.location(), view.checksum());
	}

	private static String escape(@Nullable String text) {
		if (text == null) {
			return "";
		}
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

	private static String resource(String name) {
		try (InputStream in = MigrationsPage.class.getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalStateException("The page's " + name + " is missing from the class path");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String sha256(String text) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			return "sha256-" + Base64.getEncoder().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The data as the core's JSON, made safe inside a {@code <script>} element: {@code <}, {@code >}, {@code &} and
	 * the two separators JavaScript reads as line ends become escapes (in JSON they occur only inside strings).
	 */
	private static String scriptSafeJson(Object data) {
		String json = Json.write(data);
		StringBuilder safe = new StringBuilder(json.length());
		for (char c : json.toCharArray()) {
			if (c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
				safe.append(String.format("\\u%04x", (int) c));
			}
			else {
				safe.append(c);
			}
		}
		return safe.toString();
	}

}
