package dev.migrations.settings;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;

/**
 * Reads an {@code application.yml} or {@code application.properties} into its documents of flat keys, as Spring Boot
 * does: YAML with SnakeYAML (nested maps become {@code a.b}, lists {@code a[0]}, {@code null} an empty value, dates
 * stay text), documents split at {@code ---}, or at {@code #---} in a properties file.
 */
final class ConfigFileReader {

	/** Spring Boot's separator of documents in a properties file. */
	private static final Pattern PROPERTIES_DOCUMENT = Pattern.compile("(?m)^[#!]---\\s*$");

	private ConfigFileReader() {
	}

	/**
	 * Reads {@code file}, named {@code shown} in messages.
	 * @throws MigrationsException for a file that is not valid YAML or properties, naming the file and line
	 */
	static List<ConfigDocument> read(Path file, String shown) {
		String text;
		try {
			text = Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + file, ex);
		}
		return shown.endsWith(".properties") ? properties(text, shown) : yaml(text, shown);
	}

	private static List<ConfigDocument> properties(String text, String shown) {
		List<ConfigDocument> documents = new ArrayList<>();
		for (String document : PROPERTIES_DOCUMENT.split(text, -1)) {
			Properties properties = new Properties();
			try {
				properties.load(new StringReader(document));
			}
			catch (IOException | IllegalArgumentException ex) {
				throw new MigrationsException(ErrorKind.CONFIG, "Invalid properties file " + shown + ": " + ex.getMessage(),
						"Write a backslash as \\\\, and a Unicode escape as \\u followed by four hex digits");
			}
			Map<String, String> values = new LinkedHashMap<>();
			properties.stringPropertyNames().forEach((key) -> values.put(key, properties.getProperty(key).trim()));
			if (!values.isEmpty()) {
				documents.add(ConfigDocument.of(values));
			}
		}
		return documents;
	}

	private static List<ConfigDocument> yaml(String text, String shown) {
		List<ConfigDocument> documents = new ArrayList<>();
		try {
			for (Object document : yaml().loadAll(text)) {
				if (document == null) {
					continue;
				}
				if (!(document instanceof Map<?, ?>)) {
					throw new MigrationsException(ErrorKind.CONFIG,
							"Invalid YAML in " + shown + ": a document holds '" + document + "', not keys and values",
							"Write settings as keys and values (spring.datasource.url: jdbc:...), one per line");
				}
				Map<String, String> values = new LinkedHashMap<>();
				flatten("", document, values);
				documents.add(ConfigDocument.of(values));
			}
		}
		catch (MarkedYAMLException ex) {
			throw invalidYaml(shown, ex);
		}
		catch (YAMLException ex) {
			throw new MigrationsException(ErrorKind.CONFIG, "Invalid YAML in " + shown + ": " + ex.getMessage(),
					"Fix the file: it must be keys and values, as Spring Boot reads application.yml");
		}
		return documents;
	}

	private static MigrationsException invalidYaml(String shown, MarkedYAMLException ex) {
		Mark mark = (ex.getProblemMark() != null) ? ex.getProblemMark() : ex.getContextMark();
		String where = (mark != null) ? " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) : "";
		String problem = (ex.getProblem() != null) ? ex.getProblem() : ex.getContext();
		String hint = (problem != null && problem.contains("duplicate key"))
				? "Keep one of the two keys: a later one would silently replace the earlier"
				: "Fix that line: indent with spaces, not tabs, nest a key's children under it, and quote a value "
						+ "that contains ': ' or ' #'";
		return new MigrationsException(ErrorKind.CONFIG, "Invalid YAML in " + shown + where + ": " + problem, hint);
	}

	/** Spring Boot's own loading: no duplicate keys, and dates left as text. */
	private static Yaml yaml() {
		LoaderOptions loading = new LoaderOptions();
		loading.setAllowDuplicateKeys(false);
		DumperOptions dumping = new DumperOptions();
		return new Yaml(new SafeConstructor(loading), new Representer(dumping), dumping, loading,
				new NoTimestampResolver());
	}

	private static void flatten(String path, Object value, Map<String, String> values) {
		if (value instanceof Map<?, ?> map && !map.isEmpty()) {
			map.forEach((key, child) -> flatten(join(path, String.valueOf(key)), child, values));
		}
		else if (value instanceof Collection<?> list && !list.isEmpty()) {
			int index = 0;
			for (Object item : list) {
				flatten(path + "[" + index++ + "]", item, values);
			}
		}
		else {
			values.put(path, (value == null || value instanceof Map || value instanceof Collection) ? ""
					: String.valueOf(value));
		}
	}

	private static String join(String path, String key) {
		if (path.isEmpty()) {
			return key;
		}
		return key.startsWith("[") ? path + key : path + "." + key;
	}

	/** Spring Boot reads a date as the text it is written as. */
	private static final class NoTimestampResolver extends Resolver {

		@Override
		public void addImplicitResolver(Tag tag, Pattern regexp, String first, int limit) {
			if (tag != Tag.TIMESTAMP) {
				super.addImplicitResolver(tag, regexp, first, limit);
			}
		}

	}

}
