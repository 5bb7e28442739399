package dev.migrations.boot.autoconfigure.ui;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * JSON for the data block of the page, written by hand so that the page needs no JSON library: maps, lists,
 * strings, numbers, booleans, instants (as ISO-8601 strings) and nulls. {@code <}, {@code >} and {@code &} are
 * written as escapes, so the text can sit inside a {@code <script>} element.
 */
final class PageJson {

	private PageJson() {
	}

	static String write(@Nullable Object value) {
		StringBuilder json = new StringBuilder();
		append(json, value);
		return json.toString();
	}

	private static void append(StringBuilder json, @Nullable Object value) {
		if (value == null) {
			json.append("null");
		}
		else if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
			json.append(value);
		}
		else if (value instanceof Map<?, ?> map) {
			json.append('{');
			String separator = "";
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				json.append(separator);
				string(json, String.valueOf(entry.getKey()));
				json.append(':');
				append(json, entry.getValue());
				separator = ",";
			}
			json.append('}');
		}
		else if (value instanceof List<?> list) {
			json.append('[');
			for (int i = 0; i < list.size(); i++) {
				json.append((i > 0) ? "," : "");
				append(json, list.get(i));
			}
			json.append(']');
		}
		else if (value instanceof String || value instanceof Instant) {
			string(json, value.toString());
		}
		else {
			throw new IllegalArgumentException("No JSON for a " + value.getClass().getName());
		}
	}

	private static void string(StringBuilder json, String text) {
		json.append('"');
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				case '\n' -> json.append("\\n");
				case '\r' -> json.append("\\r");
				case '\t' -> json.append("\\t");
				default -> {
					if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
						json.append(String.format("\\u%04x", (int) c));
					}
					else {
						json.append(c);
					}
				}
			}
		}
		json.append('"');
	}

}
