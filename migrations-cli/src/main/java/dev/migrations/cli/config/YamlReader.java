package dev.migrations.cli.config;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the subset of YAML that Spring Boot's {@code application.yml} files use for settings into Spring's flat keys:
 * nested maps ({@code spring.datasource.url}), block and flow lists of scalars ({@code migrations.locations[0]}, and
 * the comma-joined {@code migrations.locations}), plain and quoted scalars, literal and folded block scalars, and
 * comments. Documents after {@code ---} are merged in order, except profile-specific ones
 * ({@code spring.config.activate.on-profile}), which the command line does not activate.
 */
final class YamlReader {

	private final Map<String, String> values = new LinkedHashMap<>();

	private Map<String, String> document = new LinkedHashMap<>();

	private final Deque<Node> parents = new ArrayDeque<>();

	private final Map<String, Integer> listSizes = new HashMap<>();

	private YamlReader() {
	}

	static Map<String, String> read(String yaml) {
		YamlReader reader = new YamlReader();
		String[] lines = yaml.replace("\r\n", "\n").split("\n", -1);
		for (int i = 0; i < lines.length; i++) {
			i = reader.line(lines, i);
		}
		reader.endDocument();
		return reader.values;
	}

	/** Reads line {@code i} (and a block scalar's lines after it); returns the last line consumed. */
	private int line(String[] lines, int i) {
		String text = stripComment(lines[i]);
		if (text.isBlank()) {
			return i;
		}
		if (text.equals("---") || text.startsWith("--- ")) {
			endDocument();
			return i;
		}
		int indent = indentOf(text);
		String content = text.trim();
		if (content.equals("-") || content.startsWith("- ")) {
			while (!this.parents.isEmpty() && this.parents.peek().indent() > indent) {
				this.parents.pop();
			}
			String owner = this.parents.isEmpty() ? "" : this.parents.peek().path();
			int index = this.listSizes.merge(owner, 1, Integer::sum) - 1;
			String item = content.substring(1).trim();
			String path = owner + "[" + index + "]";
			if (isKeyValue(item)) {
				this.parents.push(new Node(indent + 1, path));
				return entry(lines, i, indent + 2, item, path + ".");
			}
			putListItem(owner, path, scalar(item));
			return i;
		}
		while (!this.parents.isEmpty() && this.parents.peek().indent() >= indent) {
			this.parents.pop();
		}
		String prefix = this.parents.isEmpty() ? "" : this.parents.peek().path() + ".";
		return entry(lines, i, indent, content, prefix);
	}

	private int entry(String[] lines, int i, int indent, String content, String prefix) {
		int colon = keyEnd(content);
		if (colon < 0) {
			return i;
		}
		String key = prefix + unquote(content.substring(0, colon).trim());
		String value = content.substring(colon + 1).trim();
		if (value.isEmpty()) {
			this.parents.push(new Node(indent, key));
			return i;
		}
		if (value.startsWith("|") || value.startsWith(">")) {
			return blockScalar(lines, i, indent, key, value.startsWith("|"));
		}
		if (value.startsWith("[") && value.endsWith("]")) {
			String inner = value.substring(1, value.length() - 1).trim();
			List<String> items = new ArrayList<>();
			if (!inner.isEmpty()) {
				for (String item : inner.split(",")) {
					items.add(scalar(item.trim()));
				}
			}
			for (int index = 0; index < items.size(); index++) {
				this.document.put(key + "[" + index + "]", items.get(index));
			}
			this.document.put(key, String.join(",", items));
			return i;
		}
		this.document.put(key, scalar(value));
		return i;
	}

	private int blockScalar(String[] lines, int i, int indent, String key, boolean literal) {
		List<String> block = new ArrayList<>();
		int last = i;
		int blockIndent = -1;
		for (int j = i + 1; j < lines.length; j++) {
			String line = lines[j];
			if (!line.isBlank() && indentOf(line) <= indent) {
				break;
			}
			if (blockIndent < 0 && !line.isBlank()) {
				blockIndent = indentOf(line);
			}
			block.add(line.isBlank() ? "" : line.substring(Math.min(blockIndent, indentOf(line))));
			last = j;
		}
		this.document.put(key, String.join(literal ? "\n" : " ", block).strip());
		return last;
	}

	private void putListItem(String owner, String path, String value) {
		this.document.put(path, value);
		this.document.merge(owner, value, (joined, item) -> joined + "," + item);
	}

	private void endDocument() {
		boolean profileSpecific = this.document.containsKey("spring.config.activate.on-profile")
				|| this.document.containsKey("spring.profiles");
		if (!profileSpecific) {
			this.values.putAll(this.document);
		}
		this.document = new LinkedHashMap<>();
		this.parents.clear();
		this.listSizes.clear();
	}

	private static boolean isKeyValue(String item) {
		return !item.startsWith("\"") && !item.startsWith("'") && keyEnd(item) > 0;
	}

	/** The colon that ends the key: followed by a space or the end of the line (so URLs stay values). */
	private static int keyEnd(String content) {
		for (int i = 0; i < content.length(); i++) {
			char c = content.charAt(i);
			if (c == ':' && (i + 1 == content.length() || content.charAt(i + 1) == ' ')) {
				return i;
			}
		}
		return -1;
	}

	private static String scalar(String value) {
		if (value.equals("~") || value.equals("null")) {
			return "";
		}
		return unquote(value);
	}

	private static String unquote(String value) {
		if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
			return value.substring(1, value.length() - 1).replace("''", "'");
		}
		if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
			return value.substring(1, value.length() - 1)
				.replace("\\\"", "\"")
				.replace("\\n", "\n")
				.replace("\\t", "\t")
				.replace("\\\\", "\\");
		}
		return value;
	}

	/** Drops a {@code #} comment that starts the line or follows a space, outside quotes. */
	private static String stripComment(String line) {
		char quote = 0;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (quote != 0) {
				if (c == quote) {
					quote = 0;
				}
			}
			else if ((c == '\'' || c == '"') && opensScalar(line, i)) {
				quote = c;
			}
			else if (c == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
				return line.substring(0, i).stripTrailing();
			}
		}
		return line.stripTrailing();
	}

	/** Whether a quote at {@code i} starts a quoted scalar rather than sitting inside a plain one ({@code don't}). */
	private static boolean opensScalar(String line, int i) {
		String before = line.substring(0, i).stripTrailing();
		return before.isEmpty() || ":-[,{".indexOf(before.charAt(before.length() - 1)) >= 0;
	}

	private static int indentOf(String line) {
		int indent = 0;
		while (indent < line.length() && line.charAt(indent) == ' ') {
			indent++;
		}
		return indent;
	}

	/** A key that holds nested keys or list items, with the indentation its children are deeper than. */
	private record Node(int indent, String path) {
	}

}
